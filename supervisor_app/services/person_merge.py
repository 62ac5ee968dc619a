"""A person edited in two databases: the edits merged, per person and field, newest first.

A person's details are edited with :func:`~supervisor_app.services.supervisee_edits.update_supervisee`
and :func:`~supervisor_app.services.supervisors.edit_supervisor`, each an ``edit`` event in
the audit trail (its time and the signed-in actor). Two databases that hold one person (the
same global id; it never changes) exchange :func:`person_states`; each applies the other's
with :func:`apply_person_edits`:

- per field, the edit with the newest time wins (ties: the higher chain id, the database's
  global id); the winner is applied through the same edit functions, the event noting where
  and when it was first made (``from``), so that it keeps its own time in later merges;
- an edit made over the other's (the other side had it when it edited) simply follows it;
- two edits made in different databases without one seeing the other are a *conflict*: the
  loser's value, database (chain) and actor go into a ``sync-conflict`` event, on each side;
- an incoming edit older than this side's changes nothing here;
- a detail never edited has the clock of the person's creation, in the database that added
  them (its ``create`` event): each state carries it (``created``), so a detail set when the
  person was added (a hire date, a language, a licence) reaches a database that got the
  person from a file or a sync without it. Applied there, the event's ``from`` says
  ``created``, so that database passes the creation on as such. A creation value loses to
  any edit and is never a conflict (an edit is made over the first value).

Bad input (an unknown kind, a global id unknown here that brings no details, a field that
cannot be edited this way, a malformed time) is refused before anything changes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import Supervisee, Supervisor
from supervisor_app.services import audit
from supervisor_app.services.canonical import database_identity, in_list
from supervisor_app.services.errors import DomainError

SUPERVISEE_FIELDS = ("name", "credential", "icb_id", "position", "start_date", "hire_date", "language")
"""A supervisee's details merged between databases (those :func:`update_supervisee` edits)."""
KINDS = ("supervisee", "supervisor")


def _supervisor_fields() -> tuple[str, ...]:
    from supervisor_app.services.supervisors import EDITABLE

    return EDITABLE


def _fields(kind: str) -> tuple[str, ...]:
    return SUPERVISEE_FIELDS if kind == "supervisee" else _supervisor_fields()


def _text(value: Any) -> Any:
    """A detail as exchanged: dates as ISO text, the rest as stored."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _stamp(value: Any, *, field: str = "edited") -> str:
    """An edit's time as canonical text (naive UTC, microseconds), so that equal times compare equal."""
    try:
        when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise DomainError(
            _("{value!r} is not a date and time.").format(value=value),
            field=field,
            code="person_merge.bad_time",
            params={"value": str(value)},
        ) from None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.isoformat(sep=" ", timespec="microseconds")


@dataclass(frozen=True)
class Edit:
    """The newest edit of one field: when (canonical text), by whom, in which database, and
    the edit it was made over (``over``: (at, chain), or None over the first value)."""

    at: str
    actor: str
    chain: str
    over: tuple[str, str] | None = None
    created: bool = False  # the person's creation, not an edit: older than any edit

    @property
    def key(self) -> tuple[str, str]:
        return (self.at, self.chain)

    @property
    def rank(self) -> tuple[bool, str, str]:
        """The order of two values' clocks: any edit after the creation, then newest first."""
        return (not self.created, self.at, self.chain)

    def origin(self) -> dict[str, Any]:
        """The ``from`` of the event applying it elsewhere."""
        return {"at": self.at, "actor": self.actor, "chain": self.chain} | (
            {"created": True} if self.created else {}
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "actor": self.actor,
            "chain": self.chain,
            "over": list(self.over) if self.over else None,
        }


def _edits(
    uow: UnitOfWork, chain: str, people: Mapping[str, set[int]] | None = None
) -> tuple[dict[tuple[str, int], dict[str, Edit]], dict[tuple[str, int], Edit]]:
    """Each person's newest edit of each field, from the audit trail's ``edit`` events: {(kind,
    id): {field: Edit}}, and their creation ({(kind, id): Edit}: the ``create`` event of a person
    added here, or the ``from`` of a creation value applied from elsewhere); only of ``people``
    ({kind: ids}) when given (a supervisee's events carry their id; a supervisor's, none). An
    edit applied from another database keeps its own time, actor and chain (the event's
    ``from``). A person's first edit is made over their creation, when known."""
    history: dict[tuple[str, int, str], list[Edit]] = {}
    created: dict[tuple[str, int], Edit] = {}
    sql = "SELECT at, actor, details, action FROM audit_event WHERE action IN (?, ?) AND record_id IS NULL"
    params: tuple[Any, ...] = (audit.AuditAction.EDIT, audit.AuditAction.CREATE)
    if people is not None:
        among, more = in_list(uow.raw(), "supervisee_id", sorted(people.get("supervisee", ())))
        sql += f" AND (supervisee_id IS NULL OR {among})"
        params += more
    rows = uow.rows(f"{sql} ORDER BY id", params)
    for at, actor, text, action in rows:
        try:
            details = json.loads(text) if text else {}
        except ValueError:
            continue
        if not isinstance(details, dict):
            continue
        for kind in KINDS:
            person = details.get(kind)
            if isinstance(person, int):
                break
        else:
            continue
        if people is not None and person not in people.get(kind, ()):
            continue
        if action == audit.AuditAction.CREATE:
            if set(details) == {kind, "name"}:  # the person added here (not a credential of theirs)
                created[(kind, person)] = Edit(_stamp(at), actor, chain, created=True)
            continue
        after = details.get("after")
        if not isinstance(after, dict):
            continue
        origin = details.get("from") if isinstance(details.get("from"), dict) else None
        if origin and origin.get("created") is True:
            created[(kind, person)] = Edit(
                _stamp(origin["at"]), str(origin["actor"]), str(origin["chain"]), created=True
            )
            continue
        edit_at = _stamp(origin["at"]) if origin else _stamp(at)
        for field in after:
            if field in _fields(kind):
                history.setdefault((kind, person, field), []).append(
                    Edit(
                        edit_at,
                        str(origin["actor"]) if origin else actor,
                        str(origin["chain"]) if origin else chain,
                    )
                )
    newest: dict[tuple[str, int], dict[str, Edit]] = {}
    for (kind, person, field), edits in history.items():
        edits.sort(key=lambda e: e.key)
        last = edits[-1]
        first = created.get((kind, person))
        over = edits[-2].key if len(edits) > 1 else first.key if first else None
        newest.setdefault((kind, person), {})[field] = Edit(last.at, last.actor, last.chain, over)
    return newest, created


def person_states(
    uow: UnitOfWork, *, supervisees: Iterable[str] | None = None, supervisors: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Everyone here (or, given either, only these supervisees and supervisors: global ids) as
    the other side's :func:`apply_person_edits` takes them: kind, global id, this database's
    chain id, every detail (dates as ISO text) and, per field edited here or applied from
    elsewhere, its newest edit (``at``, ``actor``, ``chain``, ``over``), and their creation
    (``created``: ``at``, ``actor``, ``chain``; None when not known here), the clock of the
    details never edited. Reads only the people named and their edits."""
    chain = _chain(uow)
    everyone = supervisees is None and supervisors is None
    wanted = {"supervisee": set(supervisees or ()), "supervisor": set(supervisors or ())}
    found: list[tuple[str, Any]] = []
    for kind, model in (("supervisee", Supervisee), ("supervisor", Supervisor)):
        query = select(model).order_by(model.id)
        if not everyone:
            if not wanted[kind]:
                continue
            query = query.where(model.global_id.in_(sorted(wanted[kind])))
        found += [(kind, person) for person in uow.session.scalars(query)]
    if not everyone and not found:
        return []
    edits, created = _edits(
        uow,
        chain,
        None if everyone else {k: {p.id for kind, p in found if kind == k} for k in KINDS},
    )
    states = []
    for kind, person in found:
        mine = edits.get((kind, person.id), {})
        states.append(
            {
                "kind": kind,
                "global_id": person.global_id,
                "chain": chain,
                "details": {f: _text(getattr(person, f)) for f in _fields(kind)},
                "edited": {f: e.as_json() for f, e in sorted(mine.items())},
                "created": _created_json(created.get((kind, person.id))),
            }
        )
    return states


def _created_json(edit: Edit | None) -> dict[str, str] | None:
    return None if edit is None else {"at": edit.at, "actor": edit.actor, "chain": edit.chain}


@dataclass(frozen=True)
class Outcome:
    """What applying the other side's people did: the fields applied here and the conflicts
    logged (each: kind, global id, field, the value kept, the value lost and its chain and actor)."""

    applied: tuple[tuple[str, str, str], ...]  # (kind, global id, field)
    conflicts: tuple[dict[str, Any], ...]


def _chain(uow: UnitOfWork) -> str:
    chain, _keys_from = database_identity(uow.raw())
    return chain or ""


def _refuse(message: str, code: str, **params: Any) -> DomainError:
    return DomainError(message, field="people", code=code, params=params)


@dataclass
class _Incoming:
    kind: str
    global_id: str
    chain: str
    details: dict[str, Any]
    edited: dict[str, Edit]
    created: Edit | None

    def clock(self, field: str) -> Edit | None:
        """The clock of this field's value there: its newest edit, else the person's creation."""
        return self.edited.get(field) or self.created


def _checked(uow: UnitOfWork, incoming: Iterable[Mapping[str, Any]]) -> list[tuple[_Incoming, Any]]:
    """The incoming people, each with the person here, all checked before anything is applied."""
    out = []
    for item in incoming:
        if not isinstance(item, Mapping):
            raise _refuse(_("Each person must be a mapping of their details."), "person_merge.not_a_person")
        kind = item.get("kind")
        if kind not in KINDS:
            raise _refuse(
                _("Unknown kind of person {kind!r}; use supervisee or supervisor.").format(kind=kind),
                "person_merge.unknown_kind",
                kind=str(kind),
            )
        gid = item.get("global_id")
        details = item.get("details")
        edited = item.get("edited") or {}
        chain = item.get("chain")
        if not isinstance(gid, str) or not gid or not isinstance(chain, str) or not chain:
            raise _refuse(
                _("A person from another database needs their global id and that database's chain id."),
                "person_merge.no_identity",
            )
        if not isinstance(details, Mapping) or not details or not isinstance(edited, Mapping):
            raise _refuse(
                _("The person with global id {global_id} comes with no details.").format(global_id=gid),
                "person_merge.no_details",
                global_id=gid,
            )
        allowed = _fields(kind)
        wrong = sorted(str(f) for f in {*details, *edited} if f not in allowed)
        if wrong:
            raise _refuse(
                _("{fields} of a {kind} cannot be changed by another database; only {allowed}.").format(
                    fields=", ".join(wrong), kind=kind, allowed=", ".join(allowed)
                ),
                "person_merge.field_not_editable",
                fields=wrong,
            )
        edits: dict[str, Edit] = {}
        for field, edit in edited.items():
            if not isinstance(edit, Mapping) or field not in details:
                raise _refuse(
                    _(
                        "The edit of {field} of {global_id} does not say when and by whom, with its value."
                    ).format(field=field, global_id=gid),
                    "person_merge.bad_edit",
                    field=field,
                )
            over = edit.get("over")
            edits[field] = Edit(
                _stamp(edit.get("at"), field=field),
                str(edit.get("actor") or ""),
                str(edit.get("chain") or chain),
                (_stamp(over[0]), str(over[1]))
                if isinstance(over, list | tuple) and len(over) == 2
                else None,
            )
        made = item.get("created")
        if made is not None and not isinstance(made, Mapping):
            raise _refuse(
                _("The edit of {field} of {global_id} does not say when and by whom, with its value.").format(
                    field="created", global_id=gid
                ),
                "person_merge.bad_edit",
                field="created",
            )
        creation = (
            Edit(_stamp(made.get("at"), field="created"), str(made.get("actor") or ""),
                 str(made.get("chain") or chain), created=True)
            if made is not None
            else None
        )  # fmt: skip
        model = Supervisee if kind == "supervisee" else Supervisor
        person = uow.session.scalar(select(model).where(model.global_id == gid))
        if person is None:
            raise _refuse(
                _(
                    "There is no {kind} with global id {global_id} here; people new to this database "
                    "arrive with their records."
                ).format(kind=kind, global_id=gid),
                "person_merge.unknown_person",
                global_id=gid,
            )
        out.append((_Incoming(kind, gid, chain, dict(details), edits, creation), person))
    return out


def apply_person_edits(uow: UnitOfWork, incoming: Sequence[Mapping[str, Any]]) -> Outcome:
    """Apply the other side's people (:func:`person_states` of the other database), per person
    and field, newest edit first (see the module); ``sync-conflict`` events for the conflicts.
    All checked first: bad input raises :class:`DomainError` and changes nothing. Flushes;
    the caller commits."""
    from supervisor_app.services.supervisee_edits import update_supervisee
    from supervisor_app.services.supervisors import edit_supervisor

    people = _checked(uow, incoming)
    chain = _chain(uow)
    named: dict[str, set[int]] = {k: set() for k in KINDS}
    for other, person in people:
        named[other.kind].add(person.id)
    edits, created = _edits(uow, chain, named)
    applied: list[tuple[str, str, str]] = []
    conflicts: list[dict[str, Any]] = []
    for other, person in people:
        here = edits.get((other.kind, person.id), {})
        first = created.get((other.kind, person.id))
        winners: dict[str, tuple[Any, Edit]] = {}
        for field, value in other.details.items():
            mine = _text(getattr(person, field))
            if value == mine:
                continue
            theirs, ours = other.clock(field), here.get(field) or first
            if theirs is None or (ours is not None and ours.rank >= theirs.rank):
                # no clock there, or ours is the newer: kept; a conflict unless theirs is an
                # edit ours was made over (they have not seen ours yet)
                if _conflicting(ours, theirs):
                    assert theirs is not None
                    conflicts.append(_conflict(other, person.id, field, mine, value, theirs))
                continue
            winners[field] = (value, theirs)
            if _conflicting(theirs, ours):
                assert ours is not None
                conflicts.append(_conflict(other, person.id, field, value, mine, ours))
        # one edit event per field, so that each keeps its own time
        for field, (value, edit) in winners.items():
            origin = edit.origin()
            if other.kind == "supervisee":
                current = {f: getattr(person, f) for f in SUPERVISEE_FIELDS}
                current[field] = value
                update_supervisee(
                    uow,
                    supervisee_id=person.id,
                    name=current["name"],
                    credential=current["credential"],
                    icb_id=current["icb_id"],
                    position=current["position"],
                    start_date=current["start_date"],
                    hire_date=current["hire_date"] or "",
                    language=current["language"],
                    origin=origin,
                )
            else:
                # None is "keep" to edit_supervisor; "" clears (a cleared expiry date)
                cleared = "" if value is None else value
                edit_supervisor(uow, supervisor_id=person.id, origin=origin, **{field: cleared})
            applied.append((other.kind, other.global_id, field))
    log_conflicts(uow, conflicts)
    uow.flush()
    return Outcome(tuple(applied), tuple(conflicts))


def _conflicting(kept: Edit | None, lost: Edit | None) -> bool:
    """Two edits made in different databases, the one kept not made over the one lost: a
    conflict. A creation value is never one (any edit is made over it)."""
    return (
        kept is not None
        and lost is not None
        and not (kept.created or lost.created)
        and kept.over != lost.key
        and kept.chain != lost.chain
    )


def log_conflicts(uow: UnitOfWork, conflicts: Iterable[Mapping[str, Any]]) -> None:
    """A ``sync-conflict`` event for each conflict (as :class:`Outcome` holds them: ``id`` is
    the person's id here)."""
    for conflict in conflicts:
        audit.log(
            uow,
            audit.AuditAction.SYNC_CONFLICT,
            supervisee_id=conflict["id"] if conflict["kind"] == "supervisee" else None,
            details={k: v for k, v in conflict.items() if k != "id"} | {conflict["kind"]: conflict["id"]},
        )


def _conflict(
    other: _Incoming, person_id: int, field: str, kept: Any, lost: Any, loser: Edit
) -> dict[str, Any]:
    return {
        "kind": other.kind,
        "id": person_id,
        "global_id": other.global_id,
        "field": field,
        "kept": kept,
        "lost": lost,
        "lost_chain": loser.chain,
        "lost_actor": loser.actor,
        "lost_at": loser.at,
    }
