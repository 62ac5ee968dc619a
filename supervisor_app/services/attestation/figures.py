"""What a verification form adds up over its range, before the session log: pending and
counted records, minutes per domain and format, experience per kind. Read from the verified
rows when they hold only what the app stores, else added up in SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import distinct, func, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    ExperienceAllocation,
    ExperienceEntry,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    SupervisionSession,
)
from supervisor_app.services.records import counts_clause
from supervisor_app.services.signoff import SuperviseeRecords


@dataclass
class Figures:
    """What a verification form adds up over its range (before the session log)."""

    pending_sessions: int
    pending_experience: int
    per_format: dict[str, tuple[int, Any, Any]]  # {format: (count, first date, last date)}
    minutes: dict[str, dict[str, int]]  # {domain: {format: minutes}} of counted sessions
    by_kind: dict[str, int]  # {experience kind: minutes} of counted entries
    experience: tuple[int, Any, Any]  # counted entries: count, first start, last end
    experience_ids: list[str]


def figures_from_sql(
    uow: UnitOfWork, *, supervisee_id: int, supervisor_id: int, start: dt.date | None, end: dt.date | None
) -> Figures:
    S, A, T = SupervisionSession, SessionAllocation, SessionAttendee
    E, EA = ExperienceEntry, ExperienceAllocation
    attended = select(T.session_id).where(T.supervisee_id == supervisee_id)
    in_range = [S.supervisor_id == supervisor_id, S.id.in_(attended)]
    if start:
        in_range.append(S.date >= start)
    if end:
        in_range.append(S.date <= end)
    pending_sessions = uow.session.scalar(
        select(func.count()).select_from(S).where(*in_range, S.status == RecordStatus.PENDING)
    )
    exp_requested = [E.supervisee_id == supervisee_id, E.supervisor_id == supervisor_id]
    if start:
        exp_requested.append(E.period_end >= start)
    if end:
        exp_requested.append(E.period_start <= end)
    pending_experience = uow.session.scalar(
        select(func.count()).select_from(E).where(*exp_requested, E.status == RecordStatus.PENDING)
    )
    counted = [*in_range, counts_clause(S)]
    per_format = {
        fmt: (count, first, last)
        for fmt, count, first, last in uow.session.execute(
            select(S.format, func.count(), func.min(S.date), func.max(S.date))
            .where(*counted)
            .group_by(S.format)
        )
    }
    minutes: dict[str, dict[str, int]] = {}
    for fmt, code, total in uow.session.execute(
        select(S.format, A.domain_code, func.sum(A.minutes))
        .join(A, A.session_id == S.id)
        .where(*counted)
        .group_by(S.format, A.domain_code)
    ):
        minutes.setdefault(code, {})[fmt] = int(total)
    exp_where = [*exp_requested, counts_clause(E)]
    by_kind = {
        kind: int(total)
        for kind, total in uow.session.execute(
            select(E.kind, func.sum(EA.minutes))
            .join(EA, EA.entry_id == E.id)
            .where(*exp_where)
            .group_by(E.kind)
        )
    }
    exp_count, exp_first, exp_last = uow.session.execute(
        select(func.count(distinct(E.id)), func.min(E.period_start), func.max(E.period_end)).where(*exp_where)
    ).one()
    return Figures(
        pending_sessions or 0,
        pending_experience or 0,
        per_format,
        minutes,
        by_kind,
        (int(exp_count or 0), exp_first, exp_last),
        list(uow.session.scalars(select(E.id).where(*exp_where))),
    )


def figures_from_rows(
    records: SuperviseeRecords,
    *,
    supervisee_id: int,
    supervisor_id: int,
    start: dt.date | None,
    end: dt.date | None,
) -> Figures | None:
    """The same figures from the verified rows; None when a row holds something only a hand
    edit stores (text where a date was, an irregular allocation): then SQL adds them up."""
    low, high = start.isoformat() if start else None, end.isoformat() if end else None
    pending_value, signed_value = RecordStatus.PENDING.value, RecordStatus.SIGNED.value
    left_out = records.superseded | records.voided
    pending_sessions = pending_experience = 0
    per_format: dict[str, tuple[int, Any, Any]] = {}
    minutes: dict[str, dict[str, int]] = {}
    batch = records.sessions
    for rid, status, sup, day, _start, _min, fmt, *_rest in batch.rows:
        if sup != supervisor_id or supervisee_id not in batch.attendees.get(rid, ()):
            continue
        if day.__class__ is not str or fmt.__class__ is not str:
            return None
        if (low is not None and day < low) or (high is not None and day > high):
            continue
        if status == pending_value:
            pending_sessions += 1
        elif status == signed_value and rid not in left_out:
            count, first, last = per_format.get(fmt, (0, day, day))
            per_format[fmt] = (count + 1, min(first, day), max(last, day))
            for item in batch.allocations.get(rid, ()):
                if item.__class__ is not str:
                    return None
                code, _, spent = item.rpartition("=")
                by_format = minutes.setdefault(code, {})
                by_format[fmt] = by_format.get(fmt, 0) + int(spent)
    by_kind: dict[str, int] = {}
    experience_ids: list[str] = []
    exp_first: Any = None
    exp_last: Any = None
    batch = records.experience
    for rid, status, sup, begins, ends, owner, kind, *_rest in batch.rows:
        if owner != supervisee_id or sup != supervisor_id:
            continue
        if begins.__class__ is not str or ends.__class__ is not str or kind.__class__ is not str:
            return None
        if (low is not None and ends < low) or (high is not None and begins > high):
            continue
        if status == pending_value:
            pending_experience += 1
        elif status == signed_value and rid not in left_out:
            experience_ids.append(rid)
            exp_first = begins if exp_first is None else min(exp_first, begins)
            exp_last = ends if exp_last is None else max(exp_last, ends)
            items = batch.allocations.get(rid, ())
            if items:
                total = 0
                for item in items:
                    if item.__class__ is not str:
                        return None
                    total += int(item.rpartition("=")[2])
                by_kind[kind] = by_kind.get(kind, 0) + total
    return Figures(
        pending_sessions,
        pending_experience,
        per_format,
        minutes,
        by_kind,
        (len(experience_ids), exp_first, exp_last),
        experience_ids,
    )


__all__ = ["Figures", "figures_from_rows", "figures_from_sql"]
