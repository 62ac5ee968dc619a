"""Overlaps: a session against the other sessions of its supervisor and supervisees that day, an
experience period against the supervisee's other periods.

Both paths load the other records once (one record: its day or period; the import: every day
or supervisee of a chunk of rows) and check each record with the same function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    String,
    or_,
    select,
    type_coerce,
)

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import (
    ExperienceEntry,
    RecordStatus,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.records.status import Record, counts_clause
from supervisor_app.services.records.values import (
    MAX_PERIOD_DAYS,
    ExperienceValues,
    SessionValues,
    days_before,
)
from supervisor_app.sql_functions import group_concat, minutes_of_day


@cache
def _live(model: type[Record]) -> ColumnElement[bool]:
    """Rows that still stand: pending, or signed and neither replaced nor voided."""
    return or_(model.status == RecordStatus.PENDING, counts_clause(model))


# Overlaps. Both paths load the other records once (one record: its day or period; the import:
# every day or supervisee of a chunk of rows) and check each record with the same function.

_IN_BATCH = 500
"""Values per IN (...) list, well under SQLite's limit on bound parameters."""


def batches(items: Iterable[Any], size: int = _IN_BATCH) -> Iterator[list[Any]]:
    """``items`` in lists of at most ``size``: for IN (...) lists."""
    items = list(items)
    for index in range(0, len(items), size):
        yield items[index : index + size]


class TimedSession(NamedTuple):
    """A standing session with a start time: what another session may overlap."""

    id: str
    supersedes_id: str | None
    supervisor_id: int
    date: dt.date
    start_time: dt.time
    minutes: int
    supervisee_ids: frozenset[int]


def timed_sessions(
    uow: UnitOfWork, *, dates: Iterable[dt.date], begin: int = 0, end: int = 24 * 60
) -> dict[dt.date, list[TimedSession]]:
    """The standing sessions with a start time on ``dates`` that overlap ``begin``..``end``
    (minutes after midnight), by date. Everyone's: an agency has a few hundred a day at most,
    and asking SQLite for "this supervisor or one of these supervisees" costs more than
    reading them all and choosing in Python (:func:`check_session_overlap`)."""
    S, A = SupervisionSession, SessionAttendee
    attendees = select(group_concat(A.supervisee_id, ",")).where(A.session_id == S.id).scalar_subquery()
    starts = minutes_of_day(S.start_time)
    parse = _Parsed(uow, S.date, S.start_time)
    by_date: dict[dt.date, list[TimedSession]] = {}
    for day_batch in batches(sorted(set(dates)), 200):
        query = select(
            S.id,
            S.supersedes_id,
            S.supervisor_id,
            type_coerce(S.date, String),  # thousands of rows, a few distinct values: parsed once each
            type_coerce(S.start_time, String),
            S.minutes,
            attendees,
        ).where(
            S.date.in_(day_batch),
            S.start_time.is_not(None),
            starts < end,
            starts + S.minutes > begin,
            _live(S),
        )
        for sid, supersedes, supervisor_id, day, start, minutes, who in uow.session.execute(query):
            session = TimedSession(
                sid, supersedes, supervisor_id, parse.date(day), parse.time(start), minutes,
                frozenset(map(int, who.split(","))) if who else frozenset(),
            )  # fmt: skip
            by_date.setdefault(session.date, []).append(session)
    return by_date


class _Parsed:
    """Stored date and time texts as values (by the columns' own types), each distinct text
    parsed once: a chunk of the import reads thousands of rows with a few dozen dates."""

    def __init__(self, uow: UnitOfWork, date_column: Any, time_column: Any | None = None) -> None:
        dialect = uow.session.get_bind().dialect
        self._date = date_column.type.dialect_impl(dialect).result_processor(dialect, None)
        self._time = (
            time_column.type.dialect_impl(dialect).result_processor(dialect, None)
            if time_column is not None
            else None
        )
        self._dates: dict[str, dt.date] = {}
        self._times: dict[str, dt.time] = {}

    def date(self, text: str) -> dt.date:
        value = self._dates.get(text)
        if value is None:
            value = self._dates[text] = self._date(text) if self._date else text
        return value

    def time(self, text: str) -> dt.time:
        value = self._times.get(text)
        if value is None:
            value = self._times[text] = self._time(text) if self._time else text
        return value


def check_session_overlap(
    values: SessionValues,
    same_day: Iterable[TimedSession],
    *,
    supervisor: Supervisor,
    supervisees: list[Supervisee],
    ignore_ids: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Refuse ``values`` if it overlaps one of ``same_day`` that shares its supervisor or a
    supervisee (sessions of the same day; others are ignored)."""
    if values.start_time is None:
        return
    begin = values.start_time.hour * 60 + values.start_time.minute
    end = begin + values.minutes
    mine = set(values.supervisee_ids)
    for other in same_day:
        other_begin = other.start_time.hour * 60 + other.start_time.minute
        if other_begin >= end or begin >= other_begin + other.minutes:
            continue  # not at the same time
        if ignore_ids and (other.id in ignore_ids or other.supersedes_id in ignore_ids):
            continue
        if other.supervisor_id != supervisor.id and mine.isdisjoint(other.supervisee_ids):
            continue  # nobody in common
        who = supervisor.name if other.supervisor_id == supervisor.id else None
        if who is None:
            shared = mine & other.supervisee_ids
            who = ", ".join(s.name for s in supervisees if s.id in shared)
        raise DomainError(
            _(
                "This overlaps another session for {who} on {date} at {start_time} ({minutes} min, record {other})."
            ).format(
                who=who,
                date=values.date.isoformat(),
                start_time=other.start_time.strftime("%H:%M"),
                minutes=other.minutes,
                other=other.id[:8],
            ),
            field="start",
            code="records.session_overlap",
            params={
                "who": who,
                "date": values.date,
                "start_time": other.start_time,
                "minutes": other.minutes,
                "other": other.id,
            },
        )


class ExperiencePeriod(NamedTuple):
    """A standing experience entry's period: what another entry may overlap."""

    id: str
    supersedes_id: str | None
    supervisee_id: int
    period_start: dt.date
    period_end: dt.date


def experience_periods(
    uow: UnitOfWork, *, supervisee_ids: Iterable[int], start: dt.date, end: dt.date
) -> dict[int, list[ExperiencePeriod]]:
    """The standing experience entries of the supervisees that overlap ``start``..``end``, by
    supervisee."""
    E = ExperienceEntry
    parse = _Parsed(uow, E.period_start)
    by_supervisee: dict[int, list[ExperiencePeriod]] = {}
    for batch in batches(sorted(set(supervisee_ids))):
        query = select(
            E.id, E.supersedes_id, E.supervisee_id, type_coerce(E.period_start, String),
            type_coerce(E.period_end, String),
        ).where(
            E.supervisee_id.in_(batch),
            E.period_start <= end,
            # Redundant with the next line (no entry is longer than MAX_PERIOD_DAYS), but it lets
            # the (supervisee, period_start) index skip the years before the period.
            E.period_start >= days_before(start, MAX_PERIOD_DAYS),
            E.period_end >= start,
            _live(E),
        )  # fmt: skip
        for entry_id, supersedes, supervisee_id, first, last in uow.session.execute(query):
            by_supervisee.setdefault(supervisee_id, []).append(
                ExperiencePeriod(entry_id, supersedes, supervisee_id, parse.date(first), parse.date(last))
            )
    return by_supervisee


def check_experience_overlap(
    values: ExperienceValues,
    others: Iterable[ExperiencePeriod],
    *,
    supervisee: Supervisee,
    ignore_ids: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Refuse ``values`` if its period overlaps one of ``others`` of the same supervisee."""
    for other in others:
        if other.supervisee_id != values.supervisee_id:
            continue
        if other.period_start > values.period_end or other.period_end < values.period_start:
            continue
        if other.id in ignore_ids or other.supersedes_id in ignore_ids:
            continue
        raise DomainError(
            _(
                "{supervisee} already has experience logged for {period_start} to {period_end} "
                "(record {other}), which overlaps this period. "
                "Edit or amend that entry instead, so no hours are counted twice."
            ).format(
                supervisee=supervisee.name,
                period_start=other.period_start.isoformat(),
                period_end=other.period_end.isoformat(),
                other=other.id[:8],
            ),
            field="period_start",
            code="records.experience_overlap",
            params={
                "supervisee": supervisee.name,
                "period_start": other.period_start,
                "period_end": other.period_end,
                "other": other.id,
            },
        )
