"""The status of sessions and experience entries, in SQL, and finding a record.

Status model: a row stores ``pending`` or ``signed``. A signed row is *amended* when a signed
amendment supersedes it and *voided* when a void sign-off names it; both are derived from
append-only rows (:func:`display_status_sql`), so a signed row is never touched again.

Two signed amendments of one record (made in two databases, both arrived in one): both are
kept and show as signed; the newest-signed one counts and the other is *set aside*
(:func:`set_aside_sql`) until one of them is voided (:mod:`~supervisor_app.services.amendment_pairs`
lists such pairs).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.orm import aliased

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import (
    DisplayStatus,
    ExperienceEntry,
    ForeignLink,
    RecordKind,
    RecordStatus,
    SignOff,
    SignOffAction,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services.errors import DomainError

Record = SupervisionSession | ExperienceEntry


# --------------------------------------------------------------------------------------------
# Status, in SQL


def _model(kind: RecordKind | str) -> type[SupervisionSession] | type[ExperienceEntry]:
    return SupervisionSession if RecordKind(kind) is RecordKind.SESSION else ExperienceEntry


@cache  # static expressions: build once, reuse
def superseded_clause(model: type[Record]) -> ColumnElement[bool]:
    """True where a *signed* amendment replaces the row."""
    newer = aliased(model)
    return exists(
        select(literal(1)).where(newer.supersedes_id == model.id, newer.status == RecordStatus.SIGNED)
    )


@cache  # static expressions: build once, reuse
def amendment_waiting_clause(model: type[Record]) -> ColumnElement[bool]:
    """True where a *pending* amendment of the row waits to be signed (and will replace it)."""
    newer = aliased(model)
    return exists(
        select(literal(1)).where(newer.supersedes_id == model.id, newer.status == RecordStatus.PENDING)
    )


@cache  # static expressions: build once, reuse
def voided_clause(model: type[Record]) -> ColumnElement[bool]:
    return or_(
        exists(select(literal(1)).where(SignOff.record_id == model.id, SignOff.action == SignOffAction.VOID)),
        # a record signed and voided in another database (arrived in an hours file)
        exists(
            select(literal(1)).where(
                ForeignLink.record_id == model.id, ForeignLink.action == SignOffAction.VOID
            )
        ),
    )


# The signed-at text of a record's sign link, here or in the database it came from (both hold
# the stamp as SQLite stores it: naive UTC with microseconds, so text order is time order).
_SIGN_TIME = (
    "coalesce((SELECT CAST(signed_at AS TEXT) FROM sign_off WHERE record_id = {r}.id AND action = 'sign' LIMIT 1), "
    "(SELECT signed_at FROM foreign_link WHERE record_id = {r}.id AND action = 'sign' LIMIT 1))"
)


def voided_ids_sql(among: str = "") -> str:
    """SQL of the ids of the records voided, here or in the database they came from. ``among``:
    an extra condition on ``record_id`` (``record_id IN (...)``: only those records, looked up
    on both tables' ``(record_id, action)`` indexes instead of reading every void in the file)."""
    only = f" AND {among}" if among else ""
    return (
        f"SELECT record_id FROM sign_off WHERE action = 'void'{only} "
        f"UNION SELECT record_id FROM foreign_link WHERE action = 'void'{only}"
    )


VOIDED_IDS_SQL = voided_ids_sql()
"""The ids of every record voided, here or in the database it came from."""
# Not voided, here or where it came from: looked up by the record's id on both tables' indexes
# (``NOT IN (VOIDED_IDS_SQL)`` built the list of every void in the file first, ~0.16 s at scale 1).
_NOT_VOIDED = (
    "NOT EXISTS (SELECT 1 FROM sign_off WHERE record_id = {r}.id AND action = 'void') "
    "AND NOT EXISTS (SELECT 1 FROM foreign_link WHERE record_id = {r}.id AND action = 'void')"
)


def set_aside_sql(table: str, among: str = "") -> str:
    """SQL of the ids of ``table``'s signed amendments *set aside*: another signed, not voided
    amendment of the same record was signed later (ties: the higher id), so only the
    newest-signed of two amendments counts. ``among``: an extra condition on ``a`` (the row
    set aside). Pairs are rare: the join meets only the amendments of one record each."""
    return (
        f"SELECT a.id FROM {table} a JOIN {table} b ON b.supersedes_id = a.supersedes_id AND b.id <> a.id "
        "WHERE a.supersedes_id IS NOT NULL AND a.status = 'signed' AND b.status = 'signed' "
        f"AND {_NOT_VOIDED.format(r='b')} "
        f"AND ({_SIGN_TIME.format(r='b')} > {_SIGN_TIME.format(r='a')} "
        f"OR ({_SIGN_TIME.format(r='b')} = {_SIGN_TIME.format(r='a')} AND b.id > a.id))"
        + (f" AND {among}" if among else "")
    )


@cache  # static expressions: build once, reuse
def set_aside_clause(model: type[Record]) -> ColumnElement[bool]:
    """True where the row is a signed amendment set aside by a newer-signed one of the same record."""
    return model.id.in_(text(set_aside_sql(model.__tablename__)).columns(model.id))


def may_amend_arrived(uow: UnitOfWork, record: Record, supervisor_id: int | None) -> bool:
    """Whether ``supervisor_id`` may amend ``record`` (signed in another database, arrived in an
    hours file) here: only its own supervisor (the same person, matched by global id when it
    arrived), active and able to sign here."""
    if supervisor_id is None or supervisor_id != record.supervisor_id:
        return False
    supervisor = uow.session.get(Supervisor, supervisor_id)
    return supervisor is not None and supervisor.active and supervisor.password_hash is not None


def refuse_arrived(uow: UnitOfWork, record: Record, action: str, *, supervisor_id: int | None = None) -> None:
    """A record signed in another database (arrived in an hours file) is read-only here, except
    that its own supervisor (``supervisor_id``, :func:`may_amend_arrived`) may amend it: a new
    record of this database's chain that amends it. A void belongs in the original's chain.
    ``action`` is an English past participle marked with ``N_`` ("amended"), shown translated."""
    arrived = uow.session.scalar(
        select(ForeignLink.chain_id)
        .where(ForeignLink.record_id == record.id, ForeignLink.action == SignOffAction.SIGN)
        .limit(1)
    )
    if arrived is None:
        return
    if action == "amended":
        if may_amend_arrived(uow, record, supervisor_id):
            return
        supervisor = uow.session.get(Supervisor, record.supervisor_id)
        raise DomainError(
            _(
                "Record {record} was signed in another database and arrived in an hours file; here "
                "only its own supervisor, {supervisor}, signed in on this database, can amend it."
            ).format(record=record.id[:8], supervisor=supervisor.name if supervisor else "?"),
            field="record",
            code="records.arrived_not_own_supervisor",
            params={"record": record.id},
        )
    raise DomainError(
        _(
            "Record {record} was signed in another database and arrived in an hours file; "
            "it is read-only here and cannot be {action} (its own supervisor can, where it was signed)."
        ).format(record=record.id[:8], action=_(action)),
        field="record",
        code="records.arrived_read_only",
        params={"record": record.id, "action": action},
    )


@cache  # static expressions: build once, reuse
def counts_clause(model: type[Record]) -> ColumnElement[bool]:
    """True for the rows that count toward progress: signed, not replaced, not voided, not an
    amendment set aside by a newer-signed one of the same record."""
    return and_(
        model.status == RecordStatus.SIGNED,
        ~superseded_clause(model),
        ~voided_clause(model),
        ~set_aside_clause(model),
    )


@cache  # static expressions: build once, reuse
def display_status_sql(model: type[Record]) -> ColumnElement[str]:
    return case(
        (model.status == RecordStatus.PENDING, literal(DisplayStatus.PENDING.value)),
        (voided_clause(model), literal(DisplayStatus.VOIDED.value)),
        (superseded_clause(model), literal(DisplayStatus.AMENDED.value)),
        else_=literal(DisplayStatus.SIGNED.value),
    )


@cache  # static expressions: build once, reuse
def replaced_by_sql(model: type[Record]) -> Any:
    newer = aliased(model)
    return (
        select(newer.id)
        .where(newer.supersedes_id == model.id, newer.status == RecordStatus.SIGNED)
        .limit(1)
        .scalar_subquery()
    )


def display_status(uow: UnitOfWork, record: Record) -> DisplayStatus:
    model = type(record)
    value = uow.session.scalar(select(display_status_sql(model)).where(model.id == record.id))
    return DisplayStatus(value)


# --------------------------------------------------------------------------------------------
# Finding records


def find_record(uow: UnitOfWork, record_id: str, *, field: str = "record") -> Record:
    """A session or experience entry by id, or by a unique prefix of at least 6 characters."""
    text = (record_id or "").strip().lower()
    if len(text) < 6:
        raise DomainError(
            _(
                "Record id {record!r} is too short; give the full id or at least its first 6 characters."
            ).format(record=record_id),
            field=field,
            code="records.id_too_short",
            params={"record": record_id},
        )
    found: list[Record] = []
    for model in (SupervisionSession, ExperienceEntry):
        exact = uow.session.get(model, text)
        if exact is not None:
            return exact
        found.extend(uow.session.scalars(select(model).where(model.id.startswith(text)).limit(2)))
    if not found:
        raise DomainError(
            _("There is no session or experience entry with id {record!r}.").format(record=record_id),
            field=field,
            code="records.not_found",
            params={"record": record_id},
        )
    if len(found) > 1:
        raise DomainError(
            _("Record id {record!r} matches more than one record; give more characters.").format(
                record=record_id
            ),
            field=field,
            code="records.id_ambiguous",
            params={"record": record_id},
        )
    return found[0]


def record_kind(record: Record) -> RecordKind:
    return RecordKind.SESSION if isinstance(record, SupervisionSession) else RecordKind.EXPERIENCE


def record_supervisee_ids(record: Record) -> list[int]:
    if isinstance(record, SupervisionSession):
        return [a.supervisee_id for a in record.attendees]
    return [record.supervisee_id]
