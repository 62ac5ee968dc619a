"""The ``people.json`` member of a sync batch (wire version 2 only; hours files have none).

It carries, for the people both databases hold, what changes about them outside signed
records:

- ``people``: their details, the newest edit of each field and their creation (the clock of
  the details never edited) (:func:`~supervisor_app.services.person_merge.person_states`),
  applied on arrival with
  :func:`~supervisor_app.services.person_merge.apply_person_edits` (newest edit wins per field,
  ``sync-conflict`` events when two databases edited without seeing each other);
- ``conflicts`` (optional): the ``sync-conflict`` events the sender logged when the
  receiver's edit won over its own: the receiver logs them too (it saw no conflict, its value
  standing on both sides), so that each side holds one event per conflict;
- ``supervisor_changes``: each supervisee's supervisor assignments (``supervisor_change``
  rows, people by global id). The receiver adds those it lacks (the table is append-only) and
  gives each supervisee the supervisor of their latest change (by date, then by when it was
  recorded), so a move made in either database reaches the other.

:func:`collect_people` gathers it (reads only), :func:`check_people` checks its shape,
:func:`apply_people` applies it in the receiver's transaction (after the batch's people and
records are in: every person it names must be known there by then).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import Supervisee, SuperviseeAlias, Supervisor, SupervisorChange
from supervisor_app.services import audit, person_merge
from supervisor_app.services.hours_files.reading import refuse
from supervisor_app.services.signoff import signing

PEOPLE_MEMBER = "people.json"
CHANGE_KEYS = ("supervisee", "previous", "supervisor", "effective_from", "reason", "recorded_at")


def supervisor_changes(uow: UnitOfWork, supervisees: Iterable[str]) -> list[dict[str, Any]]:
    """The supervisor assignments of these supervisees (global ids; those unknown here are
    skipped), oldest first, people by global id."""
    wanted = set(supervisees)
    rows = signing.dbapi(uow).execute(
        "SELECT e.global_id, p.global_id, s.global_id, c.effective_from, c.reason, c.recorded_at "
        "FROM supervisor_change c JOIN supervisee e ON e.id = c.supervisee_id "
        "JOIN supervisor s ON s.id = c.supervisor_id LEFT JOIN supervisor p ON p.id = c.previous_supervisor_id "
        "ORDER BY c.effective_from, c.recorded_at, c.id"
    )
    return [
        dict(zip(CHANGE_KEYS, (str(e), p, str(s), str(day)[:10], reason or "", str(at)), strict=True))
        for e, p, s, day, reason, at in rows.fetchall()
        if e in wanted
    ]


def referenced_supervisors(changes: list[dict[str, Any]]) -> list[str]:
    """The supervisors (global ids) these changes name: the batch must bring them."""
    return sorted({c["supervisor"] for c in changes} | {c["previous"] for c in changes if c["previous"]})


def collect_people(
    uow: UnitOfWork, *, supervisees: Iterable[str], supervisors: Iterable[str], changes: list[dict[str, Any]]
) -> dict[str, Any]:
    """The member for these people (global ids; those unknown here are left out) with these
    ``changes`` (:func:`supervisor_changes`). Reads only."""
    states = person_merge.person_states(uow, supervisees=supervisees, supervisors=supervisors)
    return {"people": states, "supervisor_changes": changes}


def check_people(raw: Any, target: str) -> dict[str, Any]:
    """The member's shape (each person's details are checked by ``apply_person_edits``)."""
    bad = refuse(
        "hours_file.bad_people", target, _("people.json does not list people and supervisor changes.")
    )
    if not (
        isinstance(raw, dict)
        and isinstance(raw.get("people"), list)
        and isinstance(raw.get("supervisor_changes"), list)
    ):
        raise bad
    conflicts = raw.get("conflicts", [])
    if not isinstance(conflicts, list) or not all(
        isinstance(c, dict)
        and c.get("kind") in person_merge.KINDS
        and all(isinstance(c.get(k), str) and c.get(k) for k in ("global_id", "field", "lost_chain"))
        for c in conflicts
    ):
        raise bad
    for change in raw["supervisor_changes"]:
        if not (
            isinstance(change, dict)
            and all(isinstance(change.get(k), str) and change.get(k) for k in ("supervisee", "supervisor"))
            and (change.get("previous") is None or isinstance(change.get("previous"), str))
            and isinstance(change.get("reason", ""), str)
            and isinstance(change.get("recorded_at"), str)
        ):
            raise bad
        try:
            dt.date.fromisoformat(str(change.get("effective_from")))
            dt.datetime.fromisoformat(change["recorded_at"])
        except ValueError:
            raise bad from None
    return raw


@dataclass(frozen=True)
class PeopleApplied:
    fields: int  # person details applied from the other database
    conflicts: tuple[dict[str, Any], ...]  # sync-conflict events logged (person_merge.Outcome's)
    changes: int  # supervisor changes added
    moved: int  # supervisees whose supervisor of record changed


def apply_people(uow: UnitOfWork, member: dict[str, Any], *, target: str) -> PeopleApplied:
    """Apply a checked member here (see the module); a person it names who is unknown here is
    refused, naming them. Flushes; the caller commits (or, refused, rolls back)."""
    session = uow.session
    added = 0
    touched: dict[int, Supervisee] = {}
    for change in member["supervisor_changes"]:
        supervisee = session.scalar(select(Supervisee).where(Supervisee.global_id == change["supervisee"]))
        if supervisee is None:
            alias = session.get(SuperviseeAlias, change["supervisee"])
            supervisee = session.get(Supervisee, alias.supervisee_id) if alias is not None else None
        found = {
            gid: session.scalar(select(Supervisor).where(Supervisor.global_id == gid))
            for gid in (change["supervisor"], change["previous"])
            if gid
        }
        missing = [g for g, s in found.items() if s is None] + (
            [change["supervisee"]] if supervisee is None else []
        )
        if missing:
            raise refuse(
                "hours_file.unknown_person",
                target,
                _("a supervisor change names {global_id}, who is not known here.").format(
                    global_id=missing[0]
                ),
            )
        assert supervisee is not None
        to = found[change["supervisor"]]
        day = dt.date.fromisoformat(change["effective_from"])
        held = session.scalar(
            select(SupervisorChange.id).where(
                SupervisorChange.supervisee_id == supervisee.id,
                SupervisorChange.supervisor_id == to.id,
                SupervisorChange.effective_from == day,
            )
        )
        if held is None:
            previous = found.get(change["previous"]) if change["previous"] else None
            session.add(
                SupervisorChange(
                    supervisee_id=supervisee.id,
                    previous_supervisor_id=previous.id if previous else None,
                    supervisor_id=to.id,
                    effective_from=day,
                    reason=change.get("reason", ""),
                    recorded_at=_utc(change["recorded_at"]),
                )
            )
            added += 1
            touched[supervisee.id] = supervisee
    session.flush()
    moved = 0
    for supervisee in touched.values():
        latest = session.scalars(
            select(SupervisorChange)
            .where(SupervisorChange.supervisee_id == supervisee.id)
            .order_by(
                SupervisorChange.effective_from.desc(),
                SupervisorChange.recorded_at.desc(),
                SupervisorChange.id.desc(),
            )
            .limit(1)
        ).first()
        if latest is None or latest.supervisor_id == supervisee.supervisor_id:
            continue
        before = supervisee.supervisor_id
        supervisee.supervisor_id = latest.supervisor_id
        moved += 1
        audit.log(
            uow,
            audit.AuditAction.EDIT,
            supervisee_id=supervisee.id,
            details={
                "supervisee": supervisee.id,
                "effective_from": latest.effective_from.isoformat(),
                "before": {"supervisor_id": before},
                "after": {"supervisor_id": latest.supervisor_id},
                "sync": target,
            },
        )
    outcome = person_merge.apply_person_edits(uow, member["people"])
    told = [_resolved(uow, c, target) for c in member.get("conflicts", [])]
    person_merge.log_conflicts(uow, told)
    session.flush()
    return PeopleApplied(len(outcome.applied), (*outcome.conflicts, *told), added, moved)


def _resolved(uow: UnitOfWork, conflict: dict[str, Any], target: str) -> dict[str, Any]:
    """A conflict the sender resolved in this database's favour, with the person's id here."""
    model = Supervisee if conflict["kind"] == "supervisee" else Supervisor
    person = uow.session.scalar(select(model).where(model.global_id == conflict["global_id"]))
    if person is None:
        raise refuse(
            "hours_file.conflict_of_unknown_person",
            target,
            _("a sync conflict names {global_id}, who is not known here.").format(
                global_id=conflict["global_id"]
            ),
        )
    return {**conflict, "id": person.id}


def won_by(conflicts: Iterable[dict[str, Any]], chain: str) -> list[dict[str, Any]]:
    """Of the conflicts a batch from database ``chain`` caused (its edit against this side's),
    those its edit won: that side learns of them only so (its value stands there already), in
    the people member sent back (``conflicts``). Without the id of this side."""
    return [{k: v for k, v in c.items() if k != "id"} for c in conflicts if c["lost_chain"] != chain]


def _utc(text: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(text)
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
