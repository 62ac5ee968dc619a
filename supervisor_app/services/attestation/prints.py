"""The bookkeeping of prints: the attestation row (serial number) a print is filed under,
the audit ``print`` event of every print, and the list of what was printed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import Attestation, AuditEvent, Supervisee, Supervisor, utcnow
from supervisor_app.reports.data import PrintRecord, VerificationData
from supervisor_app.services import audit, trails
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee

VERIFICATION = "verification"
"""``Attestation.kind`` of a supervision verification form."""

SERIAL_PREFIX = "ATT"


@dataclass(frozen=True)
class AttestationEntry:
    """One line of "what was printed"."""

    id: int
    serial: str
    kind: str
    supervisee_id: int
    supervisee_name: str
    supervisor_id: int | None
    supervisor_name: str
    date_from: dt.date | None
    date_to: dt.date | None
    record_count: int
    supervision_minutes: int
    experience_minutes: int
    fingerprint: str
    printed_by: str
    printed_at: dt.datetime
    times_printed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "serial": self.serial,
            "kind": self.kind,
            "supervisee": {"id": self.supervisee_id, "name": self.supervisee_name},
            "supervisor": {"id": self.supervisor_id, "name": self.supervisor_name},
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "record_count": self.record_count,
            "supervision_minutes": self.supervision_minutes,
            "experience_minutes": self.experience_minutes,
            "fingerprint": self.fingerprint,
            "printed_by": self.printed_by,
            "printed_at": self.printed_at.isoformat(),
            "times_printed": self.times_printed,
        }


def _local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def _existing_row(uow: UnitOfWork, data: VerificationData) -> Attestation | None:
    """The attestation row an earlier print of exactly these records made, if any."""
    return uow.session.scalar(
        select(Attestation)
        .where(
            Attestation.kind == VERIFICATION,
            Attestation.supervisee_id == data.supervisee_id,
            Attestation.supervisor_id == data.supervisor_id,
            Attestation.date_from == data.date_from,
            Attestation.date_to == data.date_to,
            Attestation.fingerprint == data.fingerprint,
        )
        .order_by(Attestation.id)
        .limit(1)
    )


def plan_print(uow: UnitOfWork, data: VerificationData, *, now: dt.datetime | None = None) -> PrintRecord:
    """The record a print of ``data`` would be filed under, without writing anything.

    A reprint gets its existing row; a first print the next serial number, stamped ``now``.
    The UI renders the form with this serial, sends it to the printer (or a file), and only
    then calls :func:`record_print` with ``planned=``, so a cancelled or failed print leaves
    no trace in the audit trail.
    """
    existing = _existing_row(uow, data)
    if existing is not None:
        return PrintRecord(
            attestation_id=existing.id,
            serial=existing.serial,
            generated=_local_date(existing.printed_at),
            printed_at=existing.printed_at,
            reprint=True,
        )
    stamp = now or utcnow()
    next_id = (uow.session.scalar(select(func.max(Attestation.id))) or 0) + 1
    return PrintRecord(
        attestation_id=next_id,
        serial=f"{SERIAL_PREFIX}-{_local_date(stamp).year:04d}-{next_id:06d}",
        generated=_local_date(stamp),
        printed_at=stamp,
        reprint=False,
    )


def record_print(
    uow: UnitOfWork,
    data: VerificationData,
    *,
    printed_by: str,
    now: dt.datetime | None = None,
    planned: PrintRecord | None = None,
) -> PrintRecord:
    """Record one print of ``data``: a new attestation row, or the existing one for a reprint.

    A reprint (same supervisee, supervisor, range and fingerprint) reuses the row, so it keeps
    its serial number and its first print date (the date printed on the form). Every print,
    first or not, adds an audit ``print`` event. Flushes, never commits: the use case
    (:mod:`supervisor_app.usecases.printing`) commits once the PDF is rendered.

    ``planned`` (from :func:`plan_print`, for a form already printed with that serial):
    the record must be exactly that one, or a DomainError says so and nothing is written.
    """
    printed_by = (printed_by or "").strip() or uow.actor
    plan = plan_print(uow, data, now=planned.printed_at if planned is not None else now)
    if planned is not None and (plan.serial, plan.reprint) != (planned.serial, planned.reprint):
        raise DomainError(
            _(
                "The form was printed as {serial}, but that serial number was given to another "
                "print meanwhile, so this print was not recorded. Print it again."
            ).format(serial=planned.serial),
            code="print.serial_taken",
            field="supervisee",
            params={"serial": planned.serial},
        )
    if plan.reprint:
        row = uow.session.get(Attestation, plan.attestation_id)
        assert row is not None
    else:
        uow.flush()
        (new_id,) = trails.append(  # the one insert of print records: it chains them
            uow,
            trails.PRINTS,
            [
                {
                    "id": plan.attestation_id,
                    "serial": plan.serial,
                    "kind": VERIFICATION,
                    "fingerprint": data.fingerprint,
                    "supervisee_id": data.supervisee_id,
                    "supervisor_id": data.supervisor_id,
                    "date_from": data.date_from,
                    "date_to": data.date_to,
                    "record_count": len(data.record_ids),
                    "supervision_minutes": data.supervision_minutes,
                    "experience_minutes": data.experience_minutes,
                    "printed_by": printed_by[:200],
                    "printed_at": plan.printed_at,
                }
            ],
        )
        row = uow.session.get(Attestation, new_id)
        assert row is not None
    reprint = plan.reprint
    audit.log(
        uow,
        audit.AuditAction.PRINT,
        record_id=row.serial,
        supervisee_id=data.supervisee_id,
        details={
            "serial": row.serial,
            "kind": VERIFICATION,
            "reprint": reprint,
            "printed_by": printed_by,
            "supervisor_id": data.supervisor_id,
            "from": data.date_from,
            "to": data.date_to,
            "fingerprint": data.fingerprint,
            "records": len(data.record_ids),
            "supervision_minutes": data.supervision_minutes,
            "experience_minutes": data.experience_minutes,
        },
    )
    uow.flush()
    record = PrintRecord(
        attestation_id=row.id,
        serial=row.serial,
        generated=_local_date(row.printed_at),
        printed_at=row.printed_at,
        reprint=reprint,
    )
    return record


def list_attestations(uow: UnitOfWork, *, supervisee_id: int | str | None = None) -> list[AttestationEntry]:
    """What was printed, newest first, with how many times each form was printed."""
    if supervisee_id is not None:
        supervisee_id = get_supervisee(uow, supervisee_id).id
    prints = (
        select(func.count())
        .where(AuditEvent.action == audit.AuditAction.PRINT, AuditEvent.record_id == Attestation.serial)
        .correlate(Attestation)
        .scalar_subquery()
    )
    query = (
        select(Attestation, Supervisee.name, Supervisor.name, prints)
        .join(Supervisee, Supervisee.id == Attestation.supervisee_id)
        .outerjoin(Supervisor, Supervisor.id == Attestation.supervisor_id)
        .order_by(Attestation.id.desc())
    )
    if supervisee_id is not None:
        query = query.where(Attestation.supervisee_id == supervisee_id)
    return [
        AttestationEntry(
            id=row.id,
            serial=row.serial,
            kind=row.kind,
            supervisee_id=row.supervisee_id,
            supervisee_name=supervisee_name,
            supervisor_id=row.supervisor_id,
            supervisor_name=supervisor_name or "",
            date_from=row.date_from,
            date_to=row.date_to,
            record_count=row.record_count,
            supervision_minutes=row.supervision_minutes,
            experience_minutes=row.experience_minutes,
            fingerprint=row.fingerprint,
            printed_by=row.printed_by,
            printed_at=row.printed_at,
            times_printed=int(count or 0),
        )
        for row, supervisee_name, supervisor_name, count in uow.session.execute(query)
    ]


__all__ = [
    "SERIAL_PREFIX",
    "VERIFICATION",
    "AttestationEntry",
    "list_attestations",
    "plan_print",
    "record_print",
]
