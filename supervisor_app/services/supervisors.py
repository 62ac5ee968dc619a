"""Changing who supervises: a supervisor's details, a supervisee's supervisor from a date, and
a supervisor who leaves (their supervisees and what they left pending go to a successor).

Records are never touched: each keeps the supervisor who supervised it, so a supervisee's
earlier records stay with the earlier supervisor, and what a supervisor who left had signed
stays theirs and verifies. What they left pending their successor may review and sign, as the
successor's own word: the signature names the successor, the record the supervisor who
supervised, and the printed form says both.

Every change is checked before anything is written, and logged with the values before and after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _, ngettext
from supervisor_app.models import (
    ExperienceEntry,
    RecordStatus,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
    Supervisor,
    SupervisorChange,
)
from supervisor_app.services import audit
from supervisor_app.services.auth import issue_recovery_key
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import add_supervisor, get_supervisee, get_supervisor, supervisor_details
from supervisor_app.services.validation import clean_text, parse_date

EDITABLE = (
    "name",
    "credentials",
    "title",
    "icb_number",
    "license_type",
    "license_number",
    "certification_expires",
    "license_expires",
    "email",
    "phone",
)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


# --------------------------------------------------------------------------------------------
# A supervisor's account and details


def create_supervisor(
    uow: UnitOfWork, *, password: str | None = None, **values: Any
) -> tuple[Supervisor, str | None]:
    """:func:`~supervisor_app.services.people.add_supervisor`, and with a password, their
    recovery key: returned to be shown once (only its hash is kept). Does not commit."""
    supervisor = add_supervisor(uow, password=password, **values)
    key = issue_recovery_key(uow, supervisor) if password is not None else None
    return supervisor, key


def edit_supervisor(
    uow: UnitOfWork, *, supervisor_id: int | str, origin: dict[str, Any] | None = None, **changes: Any
) -> dict[str, tuple[Any, Any]]:
    """Change some of a supervisor's details (any of :data:`EDITABLE`; the others keep their
    value), checked as when adding. Logs the fields that changed, before and after, and returns
    them ({field: (before, after)}; empty: nothing changed, nothing logged). Does not commit.

    Records already signed keep their signatures: the details are the supervisor's, printed on
    forms as they are at printing time."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DomainError(
            _("Cannot change {fields} here.").format(fields=", ".join(sorted(unknown))),
            field=sorted(unknown)[0],
            code="supervisor.field_not_editable",
        )
    supervisor = get_supervisor(uow, supervisor_id)
    current = {field: getattr(supervisor, field) for field in EDITABLE}
    cleaned = supervisor_details(**{**current, **{k: v for k, v in changes.items() if v is not None}})
    changed = {f: (current[f], cleaned[f]) for f in EDITABLE if cleaned[f] != current[f]}
    if changed:
        for field, (_before, after) in changed.items():
            setattr(supervisor, field, after)
        audit.log(
            uow,
            audit.AuditAction.EDIT,
            details={
                "supervisor": supervisor.id,
                "before": {f: _jsonable(b) for f, (b, _a) in changed.items()},
                "after": {f: _jsonable(a) for f, (_b, a) in changed.items()},
                # an edit made in another database, applied here (services.person_merge)
                **({"from": origin} if origin else {}),
            },
        )
    return changed


def expiry_notes(supervisor: Supervisor, *, today: dt.date | None = None, within_days: int = 60) -> list[str]:
    """'License expired on ...' / 'ICB certification expires on ...' (within ``within_days``)."""
    today = today or clock.today()
    notes = []
    for certification, day in ((True, supervisor.certification_expires), (False, supervisor.license_expires)):
        if day is None:
            continue
        if day < today:
            text = (
                _("ICB certification expired on {day}.") if certification else _("License expired on {day}.")
            )
        elif (day - today).days <= within_days:
            text = (
                _("ICB certification expires on {day}.") if certification else _("License expires on {day}.")
            )
        else:
            continue
        notes.append(text.format(day=day.isoformat()))
    return notes


# --------------------------------------------------------------------------------------------
# A supervisee's supervisor, from a date


@dataclass(frozen=True)
class SupervisorChangeResult:
    supervisee_id: int
    supervisee_name: str
    previous_supervisor_id: int | None
    previous_supervisor_name: str
    supervisor_id: int
    supervisor_name: str
    effective_from: dt.date
    records_from_then: int  # the previous supervisor's records of this supervisee dated from then on


def change_supervisor(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    supervisor_id: int | str,
    effective_from: str | dt.date | None,
    reason: str = "",
    today: dt.date | None = None,
) -> SupervisorChangeResult:
    """The supervisee's supervisor of record is ``supervisor_id`` from ``effective_from`` on.

    Refused (nothing written) for an unknown or inactive supervisor, the one already of record,
    a supervisor who is this same person, a date in the future, before the supervisee started
    or not after their previous change. Records are not touched: those before the date (and
    any the previous supervisor made after it) stay theirs. Logs before/after. Does not commit.
    """
    today = today or clock.today()
    supervisee = get_supervisee(uow, supervisee_id)
    supervisor = get_supervisor(uow, supervisor_id)
    day = parse_date(effective_from, field="effective_from", label=_("Date of the change"))
    reason = clean_text(reason, field="reason", label=_("Reason"), max_length=1000)
    _check_change(uow, supervisee, supervisor, day, today)
    previous = supervisee.supervisor
    uow.session.add(
        SupervisorChange(
            supervisee_id=supervisee.id,
            previous_supervisor_id=previous.id if previous else None,
            supervisor_id=supervisor.id,
            effective_from=day,
            reason=reason,
        )
    )
    supervisee.supervisor_id = supervisor.id
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        supervisee_id=supervisee.id,
        details={
            "supervisee": supervisee.id,
            "effective_from": day.isoformat(),
            "before": {"supervisor_id": previous.id if previous else None},
            "after": {"supervisor_id": supervisor.id},
            **({"reason": reason} if reason else {}),
        },
    )
    uow.flush()
    return SupervisorChangeResult(
        supervisee_id=supervisee.id,
        supervisee_name=supervisee.name,
        previous_supervisor_id=previous.id if previous else None,
        previous_supervisor_name=previous.name if previous else "",
        supervisor_id=supervisor.id,
        supervisor_name=supervisor.name,
        effective_from=day,
        records_from_then=_records_from(uow, supervisee.id, previous.id, day) if previous else 0,
    )


def _check_change(
    uow: UnitOfWork, supervisee: Supervisee, supervisor: Supervisor, day: dt.date, today: dt.date
) -> None:
    if not supervisor.active:
        raise DomainError(
            _("{supervisor} is inactive and cannot take on supervisees.").format(supervisor=supervisor.name),
            field="supervisor",
            code="supervisor.inactive",
            params={"supervisor": supervisor.name},
        )
    if supervisee.supervisor_id == supervisor.id:
        raise DomainError(
            _("{supervisor} is already {supervisee}'s supervisor.").format(
                supervisor=supervisor.name, supervisee=supervisee.name
            ),
            field="supervisor",
            code="transfer.same_supervisor",
            params={"supervisor": supervisor.name, "supervisee": supervisee.name},
        )
    if supervisee.same_person_supervisor_id == supervisor.id:
        raise DomainError(
            _("{supervisor} cannot supervise their own hours ({supervisee} is the same person).").format(
                supervisor=supervisor.name, supervisee=supervisee.name
            ),
            field="supervisor",
            code="transfer.own_hours",
            params={"supervisor": supervisor.name, "supervisee": supervisee.name},
        )
    if day > today:
        raise DomainError(
            _("The change date {day} is in the future; record the change on the day it happens.").format(
                day=day.isoformat()
            ),
            field="effective_from",
            code="transfer.date_in_future",
            params={"day": day},
        )
    if supervisee.start_date is not None and day < supervisee.start_date:
        raise DomainError(
            _("The change date {day} is before {supervisee} started ({start_date}).").format(
                day=day.isoformat(), supervisee=supervisee.name, start_date=supervisee.start_date.isoformat()
            ),
            field="effective_from",
            code="transfer.before_start",
            params={"day": day, "supervisee": supervisee.name, "start_date": supervisee.start_date},
        )
    latest = uow.session.scalar(
        select(func.max(SupervisorChange.effective_from)).where(
            SupervisorChange.supervisee_id == supervisee.id
        )
    )
    if latest is not None and day <= latest:
        raise DomainError(
            _(
                "{supervisee}'s supervisor last changed on {latest}; a new change must come after that date."
            ).format(supervisee=supervisee.name, latest=latest.isoformat()),
            field="effective_from",
            code="transfer.before_last_change",
            params={"supervisee": supervisee.name, "latest": latest},
        )


def _records_from(uow: UnitOfWork, supervisee_id: int, supervisor_id: int, day: dt.date) -> int:
    sessions = uow.session.scalar(
        select(func.count())
        .select_from(SupervisionSession)
        .join(SessionAttendee, SessionAttendee.session_id == SupervisionSession.id)
        .where(
            SessionAttendee.supervisee_id == supervisee_id,
            SupervisionSession.supervisor_id == supervisor_id,
            SupervisionSession.date >= day,
        )
    )
    entries = uow.session.scalar(
        select(func.count())
        .select_from(ExperienceEntry)
        .where(
            ExperienceEntry.supervisee_id == supervisee_id,
            ExperienceEntry.supervisor_id == supervisor_id,
            ExperienceEntry.period_end >= day,
        )
    )
    return int(sessions or 0) + int(entries or 0)


@dataclass(frozen=True)
class HistoryLine:
    supervisor_id: int | None
    supervisor_name: str
    since: dt.date | None  # None: from the start
    until: dt.date | None  # the day before the next change; None: still


def supervisor_history(uow: UnitOfWork, *, supervisee_id: int | str) -> list[HistoryLine]:
    """Who supervised this supervisee, when, oldest first (the last line: now)."""
    supervisee = get_supervisee(uow, supervisee_id)
    changes = list(
        uow.session.scalars(
            select(SupervisorChange)
            .where(SupervisorChange.supervisee_id == supervisee.id)
            .order_by(SupervisorChange.effective_from, SupervisorChange.id)
        )
    )
    names = {sid: name for sid, name in uow.session.execute(select(Supervisor.id, Supervisor.name))}
    lines: list[HistoryLine] = []
    if changes:
        first = changes[0].previous_supervisor_id
        lines.append(HistoryLine(first, names.get(first, ""), None, None))
    for change in changes:
        if lines:
            last = lines[-1]
            lines[-1] = HistoryLine(
                last.supervisor_id,
                last.supervisor_name,
                last.since,
                change.effective_from - dt.timedelta(days=1),
            )
        lines.append(
            HistoryLine(
                change.supervisor_id, names.get(change.supervisor_id, ""), change.effective_from, None
            )
        )
    current = supervisee.supervisor_id
    if not lines or lines[-1].supervisor_id != current:  # set otherwise (added, edited) since
        lines.append(HistoryLine(current, names.get(current, "") if current else "", None, None))
    return [line for line in lines if line.supervisor_id is not None]


# --------------------------------------------------------------------------------------------
# A supervisor who leaves, and their successor


@dataclass(frozen=True)
class HandoverResult:
    supervisor_id: int
    supervisor_name: str
    successor_id: int | None
    successor_name: str
    left_on: dt.date
    supervisees: list[SupervisorChangeResult]
    pending: int  # records left pending, now for the successor to review


def pending_count(uow: UnitOfWork, supervisor_id: int) -> int:
    return sum(
        int(
            uow.session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.supervisor_id == supervisor_id, model.status == RecordStatus.PENDING)
            )
            or 0
        )
        for model in (SupervisionSession, ExperienceEntry)
    )


def supervisor_leaves(
    uow: UnitOfWork,
    *,
    supervisor_id: int | str,
    successor_id: int | str | None = None,
    effective_from: str | dt.date | None = None,
    reason: str = "",
    today: dt.date | None = None,
) -> HandoverResult:
    """Mark a supervisor who left inactive, and hand their supervisees to ``successor_id`` from
    ``effective_from`` (default today): each supervisee's supervisor changes as by
    :func:`change_supervisor`. What they signed stays theirs; what they left pending the
    successor may review and sign as their own word. Without a successor, only a supervisor
    with no supervisees and nothing pending can be marked inactive. All or nothing; does not
    commit."""
    today = today or clock.today()
    supervisor = get_supervisor(uow, supervisor_id)
    if not supervisor.active:
        raise DomainError(
            _("{supervisor} is already marked inactive.").format(supervisor=supervisor.name),
            field="supervisor",
            code="supervisor.already_inactive",
            params={"supervisor": supervisor.name},
        )
    day = (
        parse_date(effective_from, field="effective_from", label=_("Date of the handover"))
        if effective_from not in (None, "")
        else today
    )
    if day > today:
        raise DomainError(
            _("The handover date {day} is in the future; record it on the day it happens.").format(
                day=day.isoformat()
            ),
            field="effective_from",
            code="handover.date_in_future",
            params={"day": day},
        )
    theirs = list(
        uow.session.scalars(
            select(Supervisee)
            .where(Supervisee.supervisor_id == supervisor.id)
            .order_by(Supervisee.name, Supervisee.id)
        )
    )
    pending = pending_count(uow, supervisor.id)
    successor = None
    if successor_id not in (None, ""):
        successor = get_supervisor(uow, successor_id, field="successor")
        if successor.id == supervisor.id:
            raise DomainError(
                _("A supervisor cannot be their own successor."),
                field="successor",
                code="handover.own_successor",
            )
        if not successor.active:
            raise DomainError(
                _("{successor} is inactive and cannot be the successor.").format(successor=successor.name),
                field="successor",
                code="handover.successor_inactive",
                params={"successor": successor.name},
            )
    elif theirs or pending:
        people = ngettext("{n} supervisee", "{n} supervisees", len(theirs)).format(n=len(theirs))
        records = ngettext(
            "{n} record waiting for signature", "{n} records waiting for signature", pending
        ).format(n=pending)
        if theirs and pending:
            message = _(
                "{supervisor} has {supervisees} and {records}; choose the successor who takes them over."
            )
        else:
            message = _("{supervisor} has {what}; choose the successor who takes them over.")
        raise DomainError(
            message.format(
                supervisor=supervisor.name,
                supervisees=people,
                records=records,
                what=people if theirs else records,
            ),
            field="successor",
            code="handover.successor_needed",
            params={"supervisor": supervisor.name},
        )
    moved = []
    if successor is not None:
        for supervisee in theirs:
            try:
                moved.append(
                    change_supervisor(
                        uow,
                        supervisee_id=supervisee.id,
                        supervisor_id=successor.id,
                        effective_from=day,
                        reason=reason
                        or f"{supervisor.name} left; {successor.name} took over",  # stored: English
                        today=today,
                    )
                )
            except DomainError as exc:
                raise exc.with_message(
                    _("{supervisee}: {message}").format(supervisee=supervisee.name, message=exc.message),
                    field="successor",
                    params={"supervisee": supervisee.name},
                ) from None
    before = {"active": True, "left_on": None, "successor_id": supervisor.successor_id}
    supervisor.active = False
    supervisor.left_on = day
    supervisor.successor_id = successor.id if successor else None
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        details={
            "supervisor": supervisor.id,
            "before": before,
            "after": {"active": False, "left_on": day.isoformat(), "successor_id": supervisor.successor_id},
            "supervisees_handed_over": [m.supervisee_id for m in moved],
            "pending_left": pending,
        },
    )
    uow.flush()
    return HandoverResult(
        supervisor_id=supervisor.id,
        supervisor_name=supervisor.name,
        successor_id=successor.id if successor else None,
        successor_name=successor.name if successor else "",
        left_on=day,
        supervisees=moved,
        pending=pending,
    )


def reactivate_supervisor(uow: UnitOfWork, *, supervisor_id: int | str) -> Supervisor:
    """A supervisor who came back: active again (their former supervisees stay where they are;
    their successor no longer signs for them). Does not commit."""
    supervisor = get_supervisor(uow, supervisor_id)
    if supervisor.active:
        raise DomainError(
            _("{supervisor} is already active.").format(supervisor=supervisor.name),
            field="supervisor",
            code="supervisor.already_active",
            params={"supervisor": supervisor.name},
        )
    before = {
        "active": False,
        "left_on": _jsonable(supervisor.left_on),
        "successor_id": supervisor.successor_id,
    }
    supervisor.active = True
    supervisor.left_on = None
    supervisor.successor_id = None
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        details={
            "supervisor": supervisor.id,
            "before": before,
            "after": {"active": True, "left_on": None, "successor_id": None},
        },
    )
    return supervisor


def acting_successors(uow: UnitOfWork) -> dict[int, int]:
    """{supervisor who left: the active supervisor who now signs for them}: their successor,
    or that successor's, if they left too. Supervisors whose chain ends nowhere are absent."""
    rows = uow.session.execute(select(Supervisor.id, Supervisor.active, Supervisor.successor_id)).all()
    active = {sid for sid, is_active, _successor in rows if is_active}
    successor = {sid: nxt for sid, is_active, nxt in rows if not is_active and nxt is not None}
    acting: dict[int, int] = {}
    for start in successor:
        seen = {start}
        current = successor[start]
        while current not in active and current in successor and current not in seen:
            seen.add(current)
            current = successor[current]
        if current in active:
            acting[start] = current
    return acting


def inherited_from(uow: UnitOfWork, supervisor_id: int) -> set[int]:
    """The supervisors who left whose pending records ``supervisor_id`` may sign as successor."""
    return {left for left, acting in acting_successors(uow).items() if acting == supervisor_id}


def inherited_pending_ids(uow: UnitOfWork, *, supervisor_id: int) -> list[str]:
    """The records left pending by supervisors who left, that this successor may review and sign."""
    left = sorted(inherited_from(uow, supervisor_id))
    if not left:
        return []
    ids: list[str] = []
    for model in (SupervisionSession, ExperienceEntry):
        ids.extend(
            uow.session.scalars(
                select(model.id).where(model.supervisor_id.in_(left), model.status == RecordStatus.PENDING)
            )
        )
    return ids


__all__ = [
    "EDITABLE",
    "HandoverResult",
    "HistoryLine",
    "SupervisorChangeResult",
    "acting_successors",
    "change_supervisor",
    "create_supervisor",
    "edit_supervisor",
    "expiry_notes",
    "inherited_from",
    "inherited_pending_ids",
    "pending_count",
    "reactivate_supervisor",
    "supervisor_history",
    "supervisor_leaves",
]
