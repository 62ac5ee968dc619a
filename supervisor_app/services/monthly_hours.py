"""Hours over time: a supervisee's signed and pending minutes per calendar month, for the
chart on their page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    ExperienceAllocation,
    ExperienceEntry,
    RecordStatus,
    SessionAttendee,
    SupervisionSession,
)
from supervisor_app.services.records import amendment_waiting_clause, counts_clause
from supervisor_app.sql_functions import month_of


@dataclass(frozen=True)
class MonthHours:
    month: dt.date  # first day of the month
    supervision_signed: int
    supervision_pending: int
    experience_signed: int
    experience_pending: int


def hours_by_month(uow: UnitOfWork, *, supervisee_id: int) -> list[MonthHours]:
    """Minutes per calendar month (sessions by date, experience by the period's start)."""
    S, T, E = SupervisionSession, SessionAttendee, ExperienceEntry
    months: dict[str, list[int]] = {}
    session_month = month_of(S.date)
    for month, standing, minutes in uow.session.execute(
        select(session_month, counts_clause(S), func.sum(S.minutes))
        .join(T, T.session_id == S.id)
        .where(T.supervisee_id == supervisee_id, or_(S.status == RecordStatus.PENDING, counts_clause(S)))
        .group_by(session_month, counts_clause(S))
    ):
        months.setdefault(month, [0, 0, 0, 0])[0 if standing else 1] += int(minutes)
    for month, minutes in uow.session.execute(  # a pending amendment replaces its original
        select(session_month, func.sum(S.minutes))
        .join(T, T.session_id == S.id)
        .where(T.supervisee_id == supervisee_id, counts_clause(S), amendment_waiting_clause(S))
        .group_by(session_month)
    ):
        months.setdefault(month, [0, 0, 0, 0])[1] -= int(minutes)
    entry_minutes = (
        select(func.sum(ExperienceAllocation.minutes))
        .where(ExperienceAllocation.entry_id == E.id)
        .scalar_subquery()
    )
    entry_month = month_of(E.period_start)
    for month, standing, minutes in uow.session.execute(
        select(entry_month, counts_clause(E), func.sum(entry_minutes))
        .where(E.supervisee_id == supervisee_id, or_(E.status == RecordStatus.PENDING, counts_clause(E)))
        .group_by(entry_month, counts_clause(E))
    ):
        months.setdefault(month, [0, 0, 0, 0])[2 if standing else 3] += int(minutes or 0)
    for month, minutes in uow.session.execute(
        select(entry_month, func.sum(entry_minutes))
        .where(E.supervisee_id == supervisee_id, counts_clause(E), amendment_waiting_clause(E))
        .group_by(entry_month)
    ):
        months.setdefault(month, [0, 0, 0, 0])[3] -= int(minutes or 0)
    return [
        MonthHours(dt.date.fromisoformat(f"{month}-01"), *values) for month, values in sorted(months.items())
    ]
