"""Who is in the database, read without the ORM: what the first screens show.

The sign-in screen and the supervisee list must appear the moment the app starts, and
importing SQLAlchemy, its ORM and the mapped models costs about half a second. These reads
are plain SQL through :meth:`UnitOfWork.rows`, so the window is up (with every supervisee's
name) before any of that is imported; the progress figures follow, off the UI thread, from
:func:`supervisee_summaries <supervisor_app.services.overview.supervisee_summaries>`.

Nothing here writes, imports SQLAlchemy or imports PySide6. A test checks each function answers
exactly what the ORM-based services answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.services.errors import DomainError
from supervisor_app.services.validation import int_id


@dataclass
class SuperviseeSummary:
    """A row of the supervisee list: who, and (once computed) their progress figures."""

    id: int
    name: str
    credential: str
    icb_id: str
    position: str
    start_date: dt.date | None
    active: bool
    supervisor_id: int | None
    supervisor_name: str
    supervision_counted_minutes: int = 0
    supervision_required_minutes: int = 0
    supervision_pending_minutes: int = 0
    experience_counted_minutes: int = 0
    experience_required_minutes: int = 0
    experience_pending_minutes: int = 0
    last_session: dt.date | None = None
    unmet: list[str] = field(default_factory=list)
    status: str = "on-track"  # eligible | on-track | overdue | inactive | altered ("" until figures)
    figures: bool = True  # False: a row of :func:`supervisee_names`, its figures not computed yet
    # Whether the figures come from records verified against the file as it is now: None while
    # the file's first verification runs, False when their records fail it (status "altered").
    verified: bool | None = None
    # Records of theirs with two signed amendments standing (services.amendment_pairs.AmendmentPair)
    two_amendments: list[Any] = field(default_factory=list)

    @property
    def supervision_percent(self) -> float:
        return _percent(self.supervision_counted_minutes, self.supervision_required_minutes)

    @property
    def experience_percent(self) -> float:
        return _percent(self.experience_counted_minutes, self.experience_required_minutes)

    @property
    def eligible(self) -> bool:
        return not self.unmet


def _percent(counted: int, required: int) -> float:
    if required <= 0:
        return 100.0
    return min(100.0, 100.0 * counted / required)


def as_date(value: Any) -> dt.date | None:
    """A date as SQLite hands it back (ISO text, or a date already)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def has_supervisors(uow: UnitOfWork) -> bool:
    return bool(uow.rows("SELECT EXISTS (SELECT 1 FROM supervisor)")[0][0])


def agency_name(uow: UnitOfWork) -> str:
    """The agency's name when the database has exactly one agency, else ''."""
    names = [row[0] for row in uow.rows("SELECT name FROM agency LIMIT 2")]
    return names[0] if len(names) == 1 else ""


def supervisors(uow: UnitOfWork, *, active_only: bool = True) -> list[tuple[int, str, str]]:
    """(id, name, credentials) by name, as on the sign-in screen."""
    where = "WHERE active = TRUE " if active_only else ""
    return [
        (row[0], row[1], row[2] or "")
        for row in uow.rows(f"SELECT id, name, credentials FROM supervisor {where}ORDER BY name, id")
    ]


def supervisees(uow: UnitOfWork, *, active_only: bool = True) -> list[tuple[int, str, str]]:
    """(id, name, credential) by name."""
    where = "WHERE active = TRUE " if active_only else ""
    return [
        (row[0], row[1], row[2])
        for row in uow.rows(f"SELECT id, name, credential FROM supervisee {where}ORDER BY name, id")
    ]


def supervisee_names(
    uow: UnitOfWork,
    *,
    supervisor_id: int | None = None,
    include_inactive: bool = False,
    supervisee_ids: list[int] | None = None,
) -> list[SuperviseeSummary]:
    """The people of the supervisee list, by name, without their figures (``figures`` False):
    one indexed query, so the list shows who is there at once."""
    clauses: list[str] = []
    params: list[Any] = []
    if supervisor_id is not None:
        clauses.append("s.supervisor_id = ?")
        params.append(supervisor_id)
    if not include_inactive:
        clauses.append("s.active = TRUE")
    if supervisee_ids is not None:
        if not supervisee_ids:
            return []
        clauses.append(f"s.id IN ({', '.join('?' * len(supervisee_ids))})")
        params.extend(supervisee_ids)
    where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
    rows = uow.rows(
        "SELECT s.id, s.name, s.credential, s.icb_id, s.position, s.start_date, s.active, "
        "s.supervisor_id, sup.name FROM supervisee AS s "
        f"LEFT OUTER JOIN supervisor AS sup ON sup.id = s.supervisor_id {where}ORDER BY s.name, s.id",
        params,
    )
    return [
        SuperviseeSummary(
            id=row[0],
            name=row[1],
            credential=row[2],
            icb_id=row[3] or "",
            position=row[4] or "",
            start_date=as_date(row[5]),
            active=bool(row[6]),
            supervisor_id=row[7],
            supervisor_name=row[8] or "",
            status="",
            figures=False,
        )
        for row in rows
    ]


@dataclass
class SupervisorRow:
    """A row of Settings > Supervisors."""

    id: int
    name: str
    credentials: str
    license_type: str
    license_number: str
    icb_number: str
    certification_expires: dt.date | None
    license_expires: dt.date | None
    active: bool
    left_on: dt.date | None
    successor_name: str
    has_password: bool


def supervisor_rows(uow: UnitOfWork) -> list[SupervisorRow]:
    """Every supervisor, active ones first, by name, with their successor's name."""
    rows = uow.rows(
        "SELECT s.id, s.name, s.credentials, s.license_type, s.license_number, s.icb_number, "
        "s.certification_expires, s.license_expires, s.active, s.left_on, successor.name, "
        "s.password_hash IS NOT NULL FROM supervisor AS s "
        "LEFT OUTER JOIN supervisor AS successor ON successor.id = s.successor_id "
        "ORDER BY s.active DESC, s.name, s.id"
    )
    return [
        SupervisorRow(
            id=row[0],
            name=row[1],
            credentials=row[2] or "",
            license_type=row[3] or "",
            license_number=row[4] or "",
            icb_number=row[5] or "",
            certification_expires=as_date(row[6]),
            license_expires=as_date(row[7]),
            active=bool(row[8]),
            left_on=as_date(row[9]),
            successor_name=row[10] or "",
            has_password=bool(row[11]),
        )
        for row in rows
    ]


def others_exist(uow: UnitOfWork, supervisor_id: int, *, include_inactive: bool = False) -> bool:
    """Whether any supervisee has another (or no) supervisor of record: one indexed query."""
    active = "" if include_inactive else " AND active = TRUE"
    query = (
        "SELECT EXISTS (SELECT 1 FROM supervisee WHERE "
        f"(supervisor_id != ? OR supervisor_id IS NULL){active})"
    )
    return bool(uow.rows(query, [supervisor_id])[0][0])


def supervisee_row(
    uow: UnitOfWork, supervisee_id: int | str, *, field: str = "supervisee"
) -> tuple[int, str, str]:
    """(id, name, credential) of a supervisee, read by plain SQL in the unit of work's
    transaction (:meth:`~supervisor_app.db.UnitOfWork.raw`), with
    :func:`~supervisor_app.services.people.get_supervisee`'s refusals: a read that needs no ORM
    object (a fresh process's ``progress`` imports neither the ORM nor the models, issue 19)."""
    number = int_id(supervisee_id, field=field, label=_("Supervisee"))
    row = uow.raw().execute("SELECT id, name, credential FROM supervisee WHERE id = ?", (number,)).fetchone()
    if row is None:
        raise no_supervisee(supervisee_id, field)
    return row[0], row[1], row[2]


def no_supervisee(supervisee_id: int | str, field: str) -> DomainError:
    return DomainError(
        _("There is no supervisee with id {id}.").format(id=supervisee_id),
        field=field,
        code="supervisee.unknown",
        params={"id": supervisee_id},
    )


__all__ = [
    "SuperviseeSummary",
    "SupervisorRow",
    "agency_name",
    "as_date",
    "has_supervisors",
    "no_supervisee",
    "others_exist",
    "supervisee_names",
    "supervisee_row",
    "supervisor_rows",
    "supervisees",
    "supervisors",
]
