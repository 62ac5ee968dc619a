"""The audit events that arrived from other databases (a laptop's trail at the agency, by
sync: ``foreign_trail``, :mod:`supervisor_app.services.hours_files.trail_member`), filtered,
one page at a time, newest first, for the Audit page beside this database's own trail.
Reads only.

Each event is kept as its database stored it (its fields a JSON list in ``trails.FIELDS``
order), so the filters read those fields in SQL (SQLite's ``json_extract``, PostgreSQL's
``->>``). The ids in an event are that database's: its supervisors and supervisees are
numbered there, so they are not looked up here; its record ids are global.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, String, cast, exists, func, select, tuple_
from sqlalchemy.dialects import postgresql

from supervisor_app.db import UnitOfWork
from supervisor_app.models import ForeignChain, ForeignTrail
from supervisor_app.services import trails
from supervisor_app.services.audit_pages import AuditFilter, local_day_bounds
from supervisor_app.services.text_search import contains, register_fold
from supervisor_app.units import fold

_AT, _ACTOR, _ACTION, _RECORD, _SUPERVISEE, _DETAILS = (
    trails.FIELDS[trails.AUDIT].index(name)
    for name in ("at", "actor", "action", "record_id", "supervisee_id", "details")
)
_STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how the trail stores ``at`` (SQLite's text), on both backends


@dataclass(frozen=True)
class ArrivedEntry:
    """An event of another database's trail: its fields as an :class:`~supervisor_app.services.audit.AuditEntry`
    has them (its ids are that database's), where it came from (``chain_id``, the database's
    identity, and ``agency``, the agency that database named; "" if unknown) and ``key``, its
    place in the list (paging)."""

    chain_id: str
    agency: str
    id: int
    at: dt.datetime
    actor: str
    action: str
    record_id: str | None
    supervisee_id: int | None
    details: str

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.at.strftime(_STAMP), self.chain_id, self.id)


def _field(uow: UnitOfWork, index: int) -> Any:
    """The ``index``-th field of an arrived event, as text (SQL)."""
    if uow.session.get_bind().dialect.name == "postgresql":
        return cast(ForeignTrail.fields, postgresql.JSONB)[index].astext
    return cast(func.json_extract(ForeignTrail.fields, f"$[{index}]"), String)


def _where(uow: UnitOfWork, flt: AuditFilter) -> list[Any]:
    clauses: list[Any] = [ForeignTrail.tbl == trails.AUDIT]
    record = flt.record_id.strip().lower()
    if record:
        clauses.append(func.substr(_field(uow, _RECORD), 1, len(record)) == record)
    if flt.supervisee_id is not None:  # that database's number
        clauses.append(cast(_field(uow, _SUPERVISEE), Integer) == flt.supervisee_id)
    if flt.action:
        clauses.append(_field(uow, _ACTION) == flt.action)
    if flt.actor.strip():
        clauses.append(contains(_field(uow, _ACTOR), fold(flt.actor.strip())))
    start, end = local_day_bounds(flt)
    if start is not None:
        clauses.append(_field(uow, _AT) >= start.strftime(_STAMP))
    if end is not None:
        clauses.append(_field(uow, _AT) < end.strftime(_STAMP))
    return clauses


def arrived_page(
    uow: UnitOfWork,
    *,
    filter: AuditFilter = AuditFilter(),  # noqa: A002, B008
    before: tuple[str, str, int] | None = None,
    limit: int = 200,
) -> list[ArrivedEntry]:
    """Up to ``limit`` arrived events matching ``filter``, newest first (by when they happened,
    then database and id), after the one whose :attr:`ArrivedEntry.key` is ``before``."""
    if filter.actor.strip():
        register_fold(uow)
    at = _field(uow, _AT)
    query = (
        select(ForeignTrail.chain_id, func.coalesce(ForeignChain.agency, ""), ForeignTrail.fields)
        .outerjoin(ForeignChain, ForeignChain.chain_id == ForeignTrail.chain_id)
        .where(*_where(uow, filter))
        .order_by(at.desc(), ForeignTrail.chain_id.desc(), ForeignTrail.id.desc())
        .limit(limit)
    )
    if before is not None:
        query = query.where(tuple_(at, ForeignTrail.chain_id, ForeignTrail.id) < tuple_(*before))
    return [_entry(chain, agency, fields) for chain, agency, fields in uow.session.execute(query)]


def _entry(chain: str, agency: str, fields: str) -> ArrivedEntry:
    values = json.loads(fields)
    at = dt.datetime.strptime(values[_AT], _STAMP).replace(tzinfo=dt.UTC)
    return ArrivedEntry(
        chain_id=chain,
        agency=agency,
        id=int(values[0]),
        at=at,
        actor=str(values[_ACTOR] or ""),
        action=str(values[_ACTION] or ""),
        record_id=values[_RECORD],
        supervisee_id=values[_SUPERVISEE],
        details=str(values[_DETAILS] or ""),
    )


def any_arrived(uow: UnitOfWork) -> bool:
    """Whether any event of another database's trail is held here."""
    return bool(uow.session.scalar(select(exists().where(ForeignTrail.tbl == trails.AUDIT))))


def count_arrived(uow: UnitOfWork, *, filter: AuditFilter = AuditFilter()) -> int:  # noqa: A002, B008
    if filter.actor.strip():
        register_fold(uow)
    return int(
        uow.session.scalar(select(func.count()).select_from(ForeignTrail).where(*_where(uow, filter))) or 0
    )


__all__ = ["ArrivedEntry", "any_arrived", "arrived_page", "count_arrived"]
