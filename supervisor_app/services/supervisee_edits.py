"""Changing a supervisee's own details after they were added: what the rules allow once
records exist for them (signed records never change)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, or_, select, union_all

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _, ngettext
from supervisor_app.models import (
    ExperienceEntry,
    RecordStatus,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
)
from supervisor_app.services import audit, people
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import check_hire_date
from supervisor_app.services.records import counts_clause

KEEP = object()
"""``hire_date=KEEP`` (the default): the hire date is not part of this edit."""


def update_supervisee(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    name: str,
    credential: str,
    icb_id: str = "",
    position: str = "",
    start_date: str | dt.date | None = None,
    hire_date: Any = KEEP,
    language: Any = KEEP,
    today: dt.date | None = None,
    origin: dict[str, Any] | None = None,
) -> Supervisee:
    """Change a supervisee's own details, checked by the same rules as a new one, plus: the
    start date may not fall after a session or experience already recorded for them, and the
    credential may not change once they have records in its domains. Their records are left
    as they are (signed ones never change). ``hire_date`` (a date, "" or None to clear it) is
    checked as ``supervisee hire-date`` checks it; ``language`` ("en", "es", or None/"app" for
    the app's) as a new supervisee's. Logged with the values before and after."""
    supervisee = people.get_supervisee(uow, supervisee_id)
    values = people.supervisee_values(
        uow,
        name=name,
        credential=credential,
        icb_id=icb_id,
        position=position,
        start_date=start_date,
        today=today,
    )
    if hire_date is not KEEP:
        values["hire_date"] = check_hire_date(hire_date, today=today)
    if language is not KEEP:
        values["language"] = people.check_language(language)
    changed = audit.changes({key: getattr(supervisee, key) for key in values}, values)
    if not changed:
        return supervisee
    if "credential" in changed["after"]:
        _check_credential_change(uow, supervisee, values["credential"])
    if values["start_date"] is not None and "start_date" in changed["after"]:
        _check_start_before_records(uow, supervisee, values["start_date"])
    people.check_icb_id_free(uow, values["icb_id"], values["credential"], supervisee_id=supervisee.id)
    for key, value in values.items():
        setattr(supervisee, key, value)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        supervisee_id=supervisee.id,
        # origin: an edit made in another database, applied here (services.person_merge)
        details={"supervisee": supervisee.id, **changed, **({"from": origin} if origin else {})},
    )
    return supervisee


def _record_counts(uow: UnitOfWork, supervisee_id: int) -> tuple[int, int]:
    """(signed, pending) sessions and experience entries of a supervisee, whatever became of
    them later (an amended or voided record is still signed)."""
    sessions = (
        select(SupervisionSession.status)
        .join(SessionAttendee)
        .where(SessionAttendee.supervisee_id == supervisee_id)
    )
    entries = select(ExperienceEntry.status).where(ExperienceEntry.supervisee_id == supervisee_id)
    both = union_all(sessions, entries).subquery()
    counts = dict(uow.session.execute(select(both.c.status, func.count()).group_by(both.c.status)).all())
    return counts.get(RecordStatus.SIGNED.value, 0), counts.get(RecordStatus.PENDING.value, 0)


def credential_locked_reason(uow: UnitOfWork, supervisee_id: int) -> str:
    """Why this supervisee's credential can no longer change ("" if it still can)."""
    supervisee = people.get_supervisee(uow, supervisee_id)
    signed, pending = _record_counts(uow, supervisee.id)
    code = supervisee.credential
    if signed:
        return ngettext(
            "{name} has {n} signed record in {code}'s performance domains, and signed records never "
            "change. To record work toward another credential, add them again as a new supervisee for "
            "it; their {code} records stay here.",
            "{name} has {n} signed records in {code}'s performance domains, and signed records never "
            "change. To record work toward another credential, add them again as a new supervisee for "
            "it; their {code} records stay here.",
            signed,
        ).format(name=supervisee.name, n=signed, code=code)
    if pending:
        return ngettext(
            "{name} has {n} pending record in {code}'s performance domains. Delete them first, or keep "
            "this credential and add them again as a new supervisee for the other one.",
            "{name} has {n} pending records in {code}'s performance domains. Delete them first, or keep "
            "this credential and add them again as a new supervisee for the other one.",
            pending,
        ).format(name=supervisee.name, n=pending, code=code)
    return ""


def _check_credential_change(uow: UnitOfWork, supervisee: Supervisee, new: str) -> None:
    reason = credential_locked_reason(uow, supervisee.id)
    if reason:
        params = {"credential": supervisee.credential, "new_credential": new, "reason": reason}
        raise DomainError(
            _("The credential cannot change from {credential} to {new_credential}: {reason}").format(
                **params
            ),
            field="credential",
            code="supervisee.credential_locked",
            params=params,
        )


def first_record(uow: UnitOfWork, supervisee_id: int) -> tuple[dt.date, str, str] | None:
    """The earliest session or experience entry that still stands for a supervisee (pending,
    or signed and neither replaced nor voided): (date, "session" or "experience", record id)."""
    S, E = SupervisionSession, ExperienceEntry
    session = uow.session.execute(
        select(S.date, S.id)
        .join(SessionAttendee)
        .where(
            SessionAttendee.supervisee_id == supervisee_id,
            or_(S.status == RecordStatus.PENDING.value, counts_clause(S)),
        )
        .order_by(S.date, S.id)
        .limit(1)
    ).first()
    entry = uow.session.execute(
        select(E.period_start, E.id)
        .where(
            E.supervisee_id == supervisee_id, or_(E.status == RecordStatus.PENDING.value, counts_clause(E))
        )
        .order_by(E.period_start, E.id)
        .limit(1)
    ).first()
    found = [(row[0], kind, row[1]) for kind, row in (("session", session), ("experience", entry)) if row]
    return min(found) if found else None


def _check_start_before_records(uow: UnitOfWork, supervisee: Supervisee, start: dt.date) -> None:
    first = first_record(uow, supervisee.id)
    if first is None or first[0] >= start:
        return
    day, kind, record_id = first
    what = N_("a session on") if kind == "session" else N_("experience logged from")
    raise DomainError(
        _(
            "The start date cannot be {start}: {supervisee} already has {what} {day} (record {record}), "
            "and no record may come before the start date. Choose {day} or earlier, or correct that "
            "record first."
        ).format(
            start=start.isoformat(),
            supervisee=supervisee.name,
            what=_(what),
            day=day.isoformat(),
            record=record_id[:8],
        ),
        field="start_date",
        code="supervisee.start_after_records",
        params={"start": start, "supervisee": supervisee.name, "what": what, "day": day, "record": record_id},
    )
