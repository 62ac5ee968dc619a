"""Read-only queries for the screens: everything the desktop app shows that the other services
do not already answer cheaply.

- :func:`supervisee_summaries`: every supervisee with progress columns and a status, from a
  handful of aggregate queries for the whole agency (not one :func:`compute_progress` per
  row). The requirement checks themselves are the progress service's (``_explain``), run on
  the aggregated figures, so the list and the detail page can never disagree.
- :func:`session_page`, :func:`experience_page`, :func:`pending_page`, :func:`audit_page`:
  one page of rows after a keyset (newest first), so a table over a million rows opens at
  once and scrolls by pages; ``count_*`` give the totals.
- :func:`hours_by_month`: the series for the hours-over-time chart.
- The people of the list (names first, before the ORM is even imported) come from
  :mod:`supervisor_app.services.roster`.

Nothing here writes, and nothing imports PySide6.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    String,
    and_,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import aliased

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    AuditEvent,
    ExperienceAllocation,
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    SessionFormat,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services import progress as _progress
from supervisor_app.services.audit import AuditEntry
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile
from supervisor_app.services.records import amendment_waiting_clause, counts_clause, display_status_sql
from supervisor_app.services.roster import SuperviseeSummary, as_date, supervisee_names
from supervisor_app.services.units import duration, fold

OVERDUE_DAYS = 14
"""A supervisee with no signed or pending session in this many days is overdue for supervision."""


# --------------------------------------------------------------------------------------------
# Supervisee list with progress


def supervisee_summaries(
    uow: UnitOfWork,
    *,
    supervisor_id: int | None = None,
    include_inactive: bool = False,
    supervisee_ids: Sequence[int] | None = None,
    today: dt.date | None = None,
    overdue_days: int = OVERDUE_DAYS,
) -> list[SuperviseeSummary]:
    """Every (active) supervisee, by name, with the figures of the progress service.

    Status: *eligible* when nothing is unmet; *overdue* when the last signed or pending session
    (that still stands) is more than ``overdue_days`` ago, or there is none and the supervisee
    started more than ``overdue_days`` ago; otherwise *on track*. Inactive supervisees are
    *inactive*. Each row says whether its figures are verified (``verified``): after the file's
    whole verification (:func:`verify_file`, remembered until the file changes) every figure
    is, except those of supervisees whose records failed it (status *altered*, figures kept
    out of the counts); supervisees whose records this process changed since are verified one
    by one (their own records only, remembered too); before it, ``None``.
    """
    today = today or dt.date.today()
    profiles = uow.db.profiles
    people = supervisee_names(
        uow,
        supervisor_id=supervisor_id,
        include_inactive=include_inactive,
        supervisee_ids=list(supervisee_ids) if supervisee_ids is not None else None,
    )
    if not people:
        return []
    ids = [s.id for s in people]

    # Experience: the window cut-off differs by credential.
    cutoffs: dict[str, dt.date | None] = {}
    for supervisee in people:
        if supervisee.credential not in cutoffs:
            profile = _profile(profiles, supervisee.credential)
            window = profile.experience.window_years if profile else None
            cutoffs[supervisee.credential] = (
                _progress._years_before(today, window.value) if window is not None else None
            )
    everyone = supervisee_ids is None and supervisor_id is None
    figures = totals(uow, ids, {s.id: cutoffs[s.credential] for s in people}, everyone=everyone)
    checked = verification_state(uow, ids)
    result: list[SuperviseeSummary] = []
    for supervisee in people:
        summary = supervisee  # the roster's row, now given its figures
        summary.figures = True
        mine = figures[supervisee.id]
        summary.last_session = mine.last_live
        profile = _profile(profiles, supervisee.credential)
        if profile is not None:
            built = _build_progress(
                supervisee,
                profile,
                signed=mine.signed,
                pending=_progress.net_pending(mine.pending, mine.replaced),
                span=mine.span,
                experience=mine.experience,
                experience_pending=_progress.net_pending(mine.experience_pending, mine.experience_replaced),
                cutoff=cutoffs.get(supervisee.credential),
                today=today,
            )
            summary.supervision_counted_minutes = built.supervision.counted_minutes
            summary.supervision_required_minutes = built.supervision.required_minutes
            summary.supervision_pending_minutes = built.supervision.pending_minutes
            summary.experience_counted_minutes = built.experience.counted_minutes
            summary.experience_required_minutes = built.experience.required_minutes
            summary.experience_pending_minutes = built.experience.pending_minutes
            summary.unmet = list(built.unmet)
        else:
            summary.unmet = [f"No credential profile {supervisee.credential} is installed."]
        summary.status = _status(summary, today=today, overdue_days=overdue_days)
        summary.verified = checked.get(supervisee.id)
        if summary.verified is False:
            summary.status = "altered"
            summary.unmet = [
                "Some of this supervisee's signed records fail verification: open them for the details."
            ]
        result.append(summary)
    return result


@dataclass
class Totals:
    """A supervisee's running totals: what their progress adds up, by domain, as SQL's GROUP BY
    returns it (the inputs of :func:`_build_progress`)."""

    signed: list[tuple[str, str, int]] = field(default_factory=list)  # (format, domain, minutes) standing
    pending: list[tuple[str, int]] = field(default_factory=list)  # (domain, minutes) of pending sessions
    replaced: list[tuple[str, int]] = field(
        default_factory=list
    )  # signed minutes a pending amendment replaces
    span: tuple[int, dt.date | None, dt.date | None] | None = None  # standing sessions: count, first, last
    last_live: dt.date | None = None  # the newest standing or pending session
    experience: list[tuple[str, int, bool]] = field(default_factory=list)  # (domain, minutes, in the window)
    experience_pending: list[tuple[str, int]] = field(default_factory=list)
    experience_replaced: list[tuple[str, int]] = field(default_factory=list)


# Records that no longer count (a signed amendment replaced them, or they were voided here or
# in the database they came from), and those a pending amendment waits to replace: each set
# read once per query (a scan of the void links), not probed row by row.
_GONE = (
    "gone(id) AS (SELECT supersedes_id FROM {table} WHERE status = 'signed' AND supersedes_id IS NOT NULL "
    "UNION SELECT record_id FROM sign_off WHERE action = 'void' "
    "UNION SELECT record_id FROM foreign_link WHERE action = 'void'), "
    "waiting(id) AS (SELECT supersedes_id FROM {table} WHERE status = 'pending' AND supersedes_id IS NOT NULL)"
)
_SESSION_TOTALS = (
    f"WITH {_GONE.format(table='supervision_session')} "
    "SELECT t.supervisee_id, s.status, s.format, a.domain_code, s.id IN waiting, sum(a.minutes) "
    "FROM supervision_session s JOIN session_attendee t ON t.session_id = s.id "
    "JOIN session_allocation a ON a.session_id = s.id "
    "WHERE {who} AND (s.status = 'pending' OR (s.status = 'signed' AND s.id NOT IN gone)) "
    "GROUP BY 1, 2, 3, 4, 5"
)
_SESSION_SPANS = (
    f"WITH {_GONE.format(table='supervision_session')} "
    "SELECT t.supervisee_id, s.status, count(*), min(s.date), max(s.date) "
    "FROM supervision_session s JOIN session_attendee t ON t.session_id = s.id "
    "WHERE {who} AND (s.status = 'pending' OR (s.status = 'signed' AND s.id NOT IN gone)) "
    "GROUP BY 1, 2"
)
_EXPERIENCE_TOTALS = (
    f"WITH {_GONE.format(table='experience_entry')} "
    "SELECT e.supervisee_id, e.status, a.domain_code, e.id IN waiting, {inside}, sum(a.minutes) "
    "FROM experience_entry e JOIN experience_allocation a ON a.entry_id = e.id "
    "WHERE {who} AND (e.status = 'pending' OR (e.status = 'signed' AND e.id NOT IN gone)) "
    "GROUP BY 1, 2, 3, 4, 5"
)


def totals(
    uow: UnitOfWork, ids: Sequence[int], cutoffs: dict[int, dt.date | None], *, everyone: bool = False
) -> dict[int, Totals]:
    """Each supervisee's running totals (``cutoffs``: their experience window's first day).

    Kept in memory per file (:mod:`~supervisor_app.services.verified`) for as long as nothing
    changes them: another connection's commit forgets them all, this process's own sign, void,
    amend, import or edit forgets those of the supervisees it touched; what is missing is added
    up by a few set-based queries (``everyone``: the whole agency in one pass, else by the
    supervisees' index)."""
    from supervisor_app.services import verified

    found: dict[int, Totals] = {}
    missing: list[int] = []
    for sid in ids:
        known = verified.figures(uow, sid, cutoffs.get(sid))
        if known is None:
            missing.append(sid)
        else:
            found[sid] = known
    if not missing:
        return found
    conn = uow.session.connection().connection.driver_connection
    fresh: dict[int, Totals] = {sid: Totals() for sid in missing}
    chunks: list[list[int] | None] = (
        [None]
        if everyone or len(missing) > 200
        else [missing[i : i + 500] for i in range(0, len(missing), 500)]
    )
    windows = {sid: cutoff for sid, cutoff in cutoffs.items() if cutoff is not None}
    for chunk in chunks:
        marks = ",".join("?" * len(chunk)) if chunk is not None else ""
        params = tuple(chunk) if chunk is not None else ()

        def who(column: str) -> str:
            return f"{column} IN ({marks})" if chunk is not None else "1"  # noqa: B023

        for sid, status, fmt, code, waiting, minutes in conn.execute(
            _SESSION_TOTALS.format(who=who("t.supervisee_id")), params
        ):
            mine = fresh.get(sid)
            if mine is None:
                continue
            if status == "pending":
                mine.pending.append((code, int(minutes)))
            else:
                mine.signed.append((fmt, code, int(minutes)))
                if waiting:
                    mine.replaced.append((code, int(minutes)))
        for sid, status, count, first, last in conn.execute(
            _SESSION_SPANS.format(who=who("t.supervisee_id")), params
        ):
            mine = fresh.get(sid)
            if mine is None:
                continue
            newest = as_date(last)
            if status == "signed":
                mine.span = (int(count), as_date(first), newest)
            if newest is not None and (mine.last_live is None or newest > mine.last_live):
                mine.last_live = newest
        # In the window: by each supervisee's cut-off (a CASE over the few distinct ones).
        by_cutoff: dict[dt.date, list[int]] = {}
        for sid, cutoff in windows.items():
            by_cutoff.setdefault(cutoff, []).append(sid)
        inside_sql = "1"
        inside_params: list[Any] = []
        if by_cutoff:
            cases = []
            for cutoff, sids in by_cutoff.items():
                cases.append(f"WHEN e.supervisee_id IN ({','.join('?' * len(sids))}) THEN e.period_end >= ?")
                inside_params.extend([*sids, cutoff.isoformat()])
            inside_sql = f"CASE {' '.join(cases)} ELSE 1 END"
        for sid, status, code, waiting, inside, minutes in conn.execute(
            _EXPERIENCE_TOTALS.format(who=who("e.supervisee_id"), inside=inside_sql),
            (*inside_params, *params),
        ):
            mine = fresh.get(sid)
            if mine is None:
                continue
            if status == "pending":
                mine.experience_pending.append((code, int(minutes)))
            else:
                mine.experience.append((code, int(minutes), bool(inside)))
                if waiting:
                    mine.experience_replaced.append((code, int(minutes)))
    for sid, mine in fresh.items():
        for items in (mine.signed, mine.pending, mine.replaced, mine.experience):
            items.sort()
        verified.remember_figures(uow, sid, cutoffs.get(sid), mine)
    found.update(fresh)
    return found


def _profile(profiles: Any, code: str) -> CredentialProfile | None:
    try:
        return profiles.get(code)
    except KeyError:
        return None


def _status(summary: SuperviseeSummary, *, today: dt.date, overdue_days: int) -> str:
    if not summary.active:
        return "inactive"
    if summary.eligible:
        return "eligible"
    limit = today - dt.timedelta(days=overdue_days)
    if summary.last_session is not None:
        return "overdue" if summary.last_session < limit else "on-track"
    if summary.start_date is not None and summary.start_date >= limit:
        return "on-track"  # just started: not overdue yet
    return "overdue"


def _build_progress(
    supervisee: SuperviseeSummary,
    profile: CredentialProfile,
    *,
    signed: list[tuple[str, str, int]],
    pending: list[tuple[str, int]],
    span: tuple[int, dt.date | None, dt.date | None] | None,
    experience: list[tuple[str, int, bool]],
    experience_pending: list[tuple[str, int]],
    cutoff: dt.date | None,
    today: dt.date,
) -> _progress.Progress:
    """The same :class:`Progress` compute_progress builds, from pre-aggregated rows."""
    sup_rules, exp_rules = profile.supervision, profile.experience
    supervision = _progress._part(
        profile,
        sup_rules.total_minutes.value,
        sup_rules.domain_min_minutes.value,
        with_general=sup_rules.allow_general.value,
    )
    experience_part = _progress._part(
        profile, exp_rules.total_minutes.value, exp_rules.domain_min_minutes.value, with_general=False
    )
    result = _progress.Progress(supervisee.id, supervisee.name, profile, supervision, experience_part)
    for fmt, code, minutes in signed:
        domain = _progress._domain(supervision, profile, code)
        domain.signed_minutes += minutes
        supervision.signed_minutes += minutes
        if fmt == SessionFormat.GROUP:
            domain.group_minutes += minutes
            result.group_minutes += minutes
        else:
            domain.individual_minutes += minutes
            result.individual_minutes += minutes
    for code, minutes in pending:
        _progress._domain(supervision, profile, code).pending_minutes += minutes
        supervision.pending_minutes += minutes
    if span is not None:
        result.sessions_signed, result.first_session, result.last_session = span
        if result.first_session is not None and result.last_session is not None:
            result.span_months = _progress.months_between(result.first_session, result.last_session)
    counted = result.individual_minutes + result.group_minutes
    cap = sup_rules.group_cap_fraction
    if cap is not None:
        allowed_group = int(cap.value * sup_rules.total_minutes.value)
        if result.group_minutes > allowed_group:
            counted = result.individual_minutes + allowed_group
    supervision.counted_minutes = counted
    for code, minutes, inside in experience:
        if cutoff is not None and not inside:
            result.outside_window_minutes += minutes
            continue
        _progress._domain(experience_part, profile, code).signed_minutes += minutes
        experience_part.signed_minutes += minutes
    for code, minutes in experience_pending:
        _progress._domain(experience_part, profile, code).pending_minutes += minutes
        experience_part.pending_minutes += minutes
    experience_part.counted_minutes = experience_part.signed_minutes
    _progress._explain(result, today=today, cutoff=cutoff)
    return result


# --------------------------------------------------------------------------------------------
# Hours over time


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
    session_month = func.strftime("%Y-%m", S.date)
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
    entry_month = func.strftime("%Y-%m", E.period_start)
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


# --------------------------------------------------------------------------------------------
# Pages of records (keyset pagination, newest first)


def domain_labels(uow: UnitOfWork) -> dict[str, str]:
    """Every domain code of the installed profiles, with its label."""
    return _labels(uow)


def _labels(uow: UnitOfWork) -> dict[str, str]:
    labels: dict[str, str] = {GENERAL_DOMAIN: "General"}
    for profile in uow.db.profiles:
        for domain in profile.domains:
            labels.setdefault(domain.code, domain.label)
    return labels


def _domain_text(raw: str | None, labels: dict[str, str]) -> str:
    if not raw:
        return ""
    parts = []
    for item in sorted(raw.split(";")):
        code, _sep, minutes = item.partition("=")
        parts.append(f"{labels.get(code, code)} {duration(int(minutes))}")
    return "; ".join(parts)


@dataclass(frozen=True)
class SessionFilter:
    supervisee_id: int | None = None
    supervisor_id: int | None = None
    status: str | None = None  # pending | signed | amended | voided
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str = ""


@dataclass(frozen=True)
class SessionRow:
    id: str
    date: dt.date
    start: str  # HH:MM or ""
    minutes: int
    format: str
    modality: str
    site: str
    topics: str
    supervisor_id: int
    supervisor_name: str
    attendees: str
    domains: str
    status: str
    supersedes_id: str | None
    amendment_reason: str

    start_raw: str = ""  # the stored start time, part of the keyset
    attendee_count: int = 0  # how many attended ("Group of N" where the names are not shown)
    amendment_waiting: str | None = None  # the id of a pending amendment of this (signed) record

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.date, self.start_raw, self.id)


_S = SupervisionSession
_START_KEY = func.coalesce(cast(_S.start_time, String), "")


def _attendee_names() -> Any:
    return (
        select(func.group_concat(Supervisee.name, ", "))
        .join(SessionAttendee, SessionAttendee.supervisee_id == Supervisee.id)
        .where(SessionAttendee.session_id == _S.id)
        .scalar_subquery()
    )


def _attendee_count() -> Any:
    return (
        select(func.count())
        .select_from(SessionAttendee)
        .where(SessionAttendee.session_id == _S.id)
        .scalar_subquery()
    )


def _waiting_amendment(model: Any) -> Any:
    """The id of a pending amendment of the row's record, if one waits (one index look-up)."""
    newer = aliased(model)
    return (
        select(newer.id)
        .where(newer.supersedes_id == model.id, newer.status == RecordStatus.PENDING)
        .limit(1)
        .scalar_subquery()
    )


def _session_domains() -> Any:
    return (
        select(
            func.group_concat(
                SessionAllocation.domain_code + "=" + cast(SessionAllocation.minutes, String), ";"
            )
        )
        .where(SessionAllocation.session_id == _S.id)
        .scalar_subquery()
    )


def _session_where(flt: SessionFilter) -> list[Any]:
    clauses: list[Any] = []
    if flt.supervisee_id is not None:
        clauses.append(
            _S.id.in_(
                select(SessionAttendee.session_id).where(SessionAttendee.supervisee_id == flt.supervisee_id)
            )
        )
    if flt.supervisor_id is not None:
        clauses.append(_S.supervisor_id == flt.supervisor_id)
    if flt.date_from is not None:
        clauses.append(_S.date >= flt.date_from)
    if flt.date_to is not None:
        clauses.append(_S.date <= flt.date_to)
    if flt.status:
        clauses.append(display_status_sql(_S) == flt.status)
    needle = fold(flt.search.strip())
    if needle:
        clauses.append(
            or_(
                _contains(_S.topics, needle),
                _contains(_S.site, needle),
                _S.id.startswith(needle),
                exists(
                    select(literal(1))
                    .select_from(SessionAttendee)
                    .where(
                        SessionAttendee.session_id == _S.id,
                        SessionAttendee.supervisee_id.in_(_matching_people(needle)),
                    )
                ),
            )
        )
    return clauses


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Search ignores accents and case beyond ASCII ("nguyen" finds "Nguyễn"), and SQLite's LIKE
# folds ASCII letters only. So a column is compared twice: LIKE (in C) on every row, and the
# Python fold (a registered function, see _register_fold) only on the rows holding a
# character outside printable ASCII, where LIKE could miss; the needle is folded once. Lists
# without a search never call it, so opening them costs what it did.
_NOT_PLAIN_ASCII = "*[^ -~]*"


def _contains(column: Any, needle: str) -> Any:
    like = f"%{_escape_like(needle)}%"
    return or_(
        column.like(like, escape="\\"),
        and_(column.op("GLOB")(_NOT_PLAIN_ASCII), func.search_fold(column).like(like, escape="\\")),
    )


def _matching_people(needle: str) -> Any:
    """The supervisees whose folded name holds ``needle`` (names: hundreds, not millions)."""
    return select(Supervisee.id).where(_contains(Supervisee.name, needle))


def _register_fold(uow: UnitOfWork) -> None:
    """Make ``search_fold(text)`` (:func:`~supervisor_app.services.units.fold`) known to the
    unit of work's connection (cheap; done before each search query)."""
    raw = uow.session.connection().connection.driver_connection
    if raw is not None:
        raw.create_function("search_fold", 1, _fold_or_none, deterministic=True)


def _fold_or_none(text: Any) -> str | None:
    return fold(text) if isinstance(text, str) else None


def count_sessions(uow: UnitOfWork, *, filter: SessionFilter = SessionFilter()) -> int:  # noqa: A002, B008
    if filter.search.strip():
        _register_fold(uow)
    query = select(func.count()).select_from(_S)
    for clause in _session_where(filter):
        query = query.where(clause)
    return int(uow.session.scalar(query) or 0)


def session_page(
    uow: UnitOfWork,
    *,
    filter: SessionFilter = SessionFilter(),  # noqa: A002, B008
    after: tuple[Any, ...] | None = None,
    limit: int = 200,
) -> list[SessionRow]:
    """Up to ``limit`` sessions after the keyset ``after`` (a previous row's ``key``)."""
    labels = _labels(uow)
    if filter.search.strip():
        _register_fold(uow)
    query = (
        select(
            _S.id,
            _S.date,
            _START_KEY.label("start_key"),
            _S.minutes,
            _S.format,
            _S.modality,
            _S.site,
            _S.topics,
            _S.supervisor_id,
            Supervisor.name,
            _attendee_names(),
            _session_domains(),
            display_status_sql(_S),
            _S.supersedes_id,
            _S.amendment_reason,
            _attendee_count(),
            _waiting_amendment(_S),
        )
        .join(Supervisor, Supervisor.id == _S.supervisor_id)
        .order_by(_S.date.desc(), _START_KEY.desc(), _S.id.desc())
        .limit(limit)
    )
    for clause in _session_where(filter):
        query = query.where(clause)
    if after is not None:
        query = query.where(tuple_(_S.date, _START_KEY, _S.id) < tuple_(*after))
    rows = []
    for (
        rid,
        day,
        start_key,
        minutes,
        fmt,
        modality,
        site,
        topics,
        supervisor_id,
        supervisor_name,
        attendees,
        domains,
        status,
        supersedes,
        reason,
        attendee_count,
        waiting,
    ) in uow.session.execute(query):
        rows.append(
            SessionRow(
                id=rid,
                date=day,
                start=start_key[:5],
                minutes=minutes,
                format=fmt,
                modality=modality,
                site=site,
                topics=topics,
                supervisor_id=supervisor_id,
                supervisor_name=supervisor_name,
                attendees=attendees or "",
                domains=_domain_text(domains, labels),
                status=status,
                supersedes_id=supersedes,
                amendment_reason=reason,
                amendment_waiting=waiting,
                start_raw=start_key,
                attendee_count=attendee_count,
            )
        )
    return rows


@dataclass(frozen=True)
class ExperienceFilter:
    supervisee_id: int | None = None
    supervisor_id: int | None = None
    status: str | None = None
    search: str = ""  # supervisee, setting or record id


@dataclass(frozen=True)
class ExperienceRow:
    id: str
    period_start: dt.date
    period_end: dt.date
    minutes: int
    setting: str
    kind: str
    supervisee_id: int
    supervisee_name: str
    supervisor_id: int
    supervisor_name: str
    domains: str
    status: str
    supersedes_id: str | None
    amendment_reason: str
    amendment_waiting: str | None = None  # the id of a pending amendment of this (signed) record

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.period_start, self.id)


def _experience_where(flt: ExperienceFilter) -> list[Any]:
    E = ExperienceEntry
    clauses: list[Any] = []
    if flt.supervisee_id is not None:
        clauses.append(E.supervisee_id == flt.supervisee_id)
    if flt.supervisor_id is not None:
        clauses.append(E.supervisor_id == flt.supervisor_id)
    if flt.status:
        clauses.append(display_status_sql(E) == flt.status)
    needle = fold(flt.search.strip())
    if needle:
        clauses.append(
            or_(
                _contains(E.setting, needle),
                E.id.startswith(needle),
                E.supervisee_id.in_(_matching_people(needle)),
            )
        )
    return clauses


def count_experience(uow: UnitOfWork, *, filter: ExperienceFilter = ExperienceFilter()) -> int:  # noqa: A002, B008
    if filter.search.strip():
        _register_fold(uow)
    query = select(func.count()).select_from(ExperienceEntry)
    for clause in _experience_where(filter):
        query = query.where(clause)
    return int(uow.session.scalar(query) or 0)


def experience_page(
    uow: UnitOfWork,
    *,
    filter: ExperienceFilter = ExperienceFilter(),  # noqa: A002, B008
    after: tuple[Any, ...] | None = None,
    limit: int = 200,
) -> list[ExperienceRow]:
    E, EA = ExperienceEntry, ExperienceAllocation
    labels = _labels(uow)
    if filter.search.strip():
        _register_fold(uow)
    minutes = select(func.sum(EA.minutes)).where(EA.entry_id == E.id).scalar_subquery()
    domains = (
        select(func.group_concat(EA.domain_code + "=" + cast(EA.minutes, String), ";"))
        .where(EA.entry_id == E.id)
        .scalar_subquery()
    )
    query = (
        select(
            E.id,
            E.period_start,
            E.period_end,
            minutes,
            E.setting,
            E.kind,
            E.supervisee_id,
            Supervisee.name,
            E.supervisor_id,
            Supervisor.name,
            domains,
            display_status_sql(E),
            E.supersedes_id,
            E.amendment_reason,
            _waiting_amendment(E),
        )
        .join(Supervisee, Supervisee.id == E.supervisee_id)
        .join(Supervisor, Supervisor.id == E.supervisor_id)
        .order_by(E.period_start.desc(), E.id.desc())
        .limit(limit)
    )
    for clause in _experience_where(filter):
        query = query.where(clause)
    if after is not None:
        query = query.where(tuple_(E.period_start, E.id) < tuple_(*after))
    return [
        ExperienceRow(
            id=row[0],
            period_start=row[1],
            period_end=row[2],
            minutes=int(row[3] or 0),
            setting=row[4],
            kind=row[5],
            supervisee_id=row[6],
            supervisee_name=row[7],
            supervisor_id=row[8],
            supervisor_name=row[9],
            domains=_domain_text(row[10], labels),
            status=row[11],
            supersedes_id=row[12],
            amendment_reason=row[13],
            amendment_waiting=row[14],
        )
        for row in uow.session.execute(query)
    ]


@dataclass(frozen=True)
class PendingRow:
    """A record waiting for its supervisor's signature (session or experience entry)."""

    kind: str  # RecordKind value
    id: str
    date: dt.date
    date_end: dt.date
    minutes: int
    supervisees: str
    detail: str  # format/modality, or kind/setting
    domains: str
    supersedes_id: str | None
    amendment_reason: str

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.date, self.id)


def count_pending(uow: UnitOfWork, *, supervisor_id: int) -> int:
    total = 0
    for model in (SupervisionSession, ExperienceEntry):
        total += int(
            uow.session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.supervisor_id == supervisor_id, model.status == RecordStatus.PENDING)
            )
            or 0
        )
    return total


def pending_page(
    uow: UnitOfWork, *, supervisor_id: int, after: tuple[Any, ...] | None = None, limit: int = 200
) -> list[PendingRow]:
    """The supervisor's records waiting for signature, newest first (sessions and experience
    entries merged by date; each kind is limited in SQL before the details are read)."""
    labels = _labels(uow)
    E, EA = ExperienceEntry, ExperienceAllocation
    sessions = (
        select(
            _S.id,
            _S.date,
            _S.minutes,
            _attendee_names(),
            _S.format,
            _S.modality,
            _session_domains(),
            _S.supersedes_id,
            _S.amendment_reason,
        )
        .where(_S.supervisor_id == supervisor_id, _S.status == RecordStatus.PENDING)
        .order_by(_S.date.desc(), _S.id.desc())
        .limit(limit)
    )
    entries = (
        select(
            E.id,
            E.period_start,
            E.period_end,
            select(func.sum(EA.minutes)).where(EA.entry_id == E.id).scalar_subquery(),
            Supervisee.name,
            E.kind,
            E.setting,
            select(func.group_concat(EA.domain_code + "=" + cast(EA.minutes, String), ";"))
            .where(EA.entry_id == E.id)
            .scalar_subquery(),
            E.supersedes_id,
            E.amendment_reason,
        )
        .join(Supervisee, Supervisee.id == E.supervisee_id)
        .where(E.supervisor_id == supervisor_id, E.status == RecordStatus.PENDING)
        .order_by(E.period_start.desc(), E.id.desc())
        .limit(limit)
    )
    if after is not None:
        sessions = sessions.where(tuple_(_S.date, _S.id) < tuple_(*after))
        entries = entries.where(tuple_(E.period_start, E.id) < tuple_(*after))
    rows = [
        PendingRow(
            kind=RecordKind.SESSION.value,
            id=rid,
            date=day,
            date_end=day,
            minutes=minutes,
            supervisees=who or "",
            detail=f"{fmt} · {modality}",
            domains=_domain_text(domains, labels),
            supersedes_id=supersedes,
            amendment_reason=reason or "",
        )
        for rid, day, minutes, who, fmt, modality, domains, supersedes, reason in uow.session.execute(
            sessions
        )
    ]
    rows += [
        PendingRow(
            kind=RecordKind.EXPERIENCE.value,
            id=rid,
            date=start,
            date_end=end,
            minutes=int(minutes or 0),
            supervisees=who or "",
            detail=f"{kind} · {setting}" if setting else kind,
            domains=_domain_text(domains, labels),
            supersedes_id=supersedes,
            amendment_reason=reason or "",
        )
        for rid, start, end, minutes, who, kind, setting, domains, supersedes, reason in uow.session.execute(
            entries
        )
    ]
    rows.sort(key=lambda r: r.key, reverse=True)
    return rows[:limit]


# --------------------------------------------------------------------------------------------
# The audit trail, filtered


@dataclass(frozen=True)
class AuditFilter:
    record_id: str = ""
    supervisee_id: int | None = None
    action: str = ""
    actor: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _audit_where(flt: AuditFilter) -> list[Any]:
    clauses: list[Any] = []
    if flt.record_id.strip():
        clauses.append(AuditEvent.record_id.startswith(flt.record_id.strip().lower()))
    if flt.supervisee_id is not None:
        clauses.append(AuditEvent.supervisee_id == flt.supervisee_id)
    if flt.action:
        clauses.append(AuditEvent.action == flt.action)
    if flt.actor.strip():
        clauses.append(_contains(AuditEvent.actor, fold(flt.actor.strip())))
    if flt.date_from is not None:
        start = dt.datetime.combine(flt.date_from, dt.time(), tzinfo=dt.UTC) - _local_offset()
        clauses.append(AuditEvent.at >= start)
    if flt.date_to is not None:
        end = (
            dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
            - _local_offset()
        )
        clauses.append(AuditEvent.at < end)
    return clauses


def _local_offset() -> dt.timedelta:
    """Dates in the filter are local dates; events are stored in UTC."""
    return dt.datetime.now().astimezone().utcoffset() or dt.timedelta()


def count_audit(uow: UnitOfWork, *, filter: AuditFilter = AuditFilter()) -> int:  # noqa: A002, B008
    if filter.actor.strip():
        _register_fold(uow)
    query = select(func.count()).select_from(AuditEvent)
    for clause in _audit_where(filter):
        query = query.where(clause)
    return int(uow.session.scalar(query) or 0)


def audit_page(
    uow: UnitOfWork,
    *,
    filter: AuditFilter = AuditFilter(),  # noqa: A002, B008
    before_id: int | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    if filter.actor.strip():
        _register_fold(uow)
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    for clause in _audit_where(filter):
        query = query.where(clause)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    return [
        AuditEntry(e.id, e.at, e.actor, e.action, e.record_id, e.supervisee_id, e.details)
        for e in uow.session.scalars(query)
    ]


def audit_actors(uow: UnitOfWork) -> list[str]:
    return list(uow.session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


def actor_names(uow: UnitOfWork) -> dict[str, str]:
    """``supervisor:3`` -> the supervisor's name, for showing the trail in words."""
    return {
        f"supervisor:{sid}": name for sid, name in uow.session.execute(select(Supervisor.id, Supervisor.name))
    }


# --------------------------------------------------------------------------------------------
# Small look-ups


__all__ = [
    "OVERDUE_DAYS",
    "AuditFilter",
    "ExperienceFilter",
    "ExperienceRow",
    "MonthHours",
    "PendingRow",
    "SessionFilter",
    "SessionRow",
    "SuperviseeSummary",
    "actor_names",
    "audit_page",
    "count_audit",
    "count_experience",
    "count_pending",
    "count_sessions",
    "domain_labels",
    "experience_page",
    "hours_by_month",
    "pending_page",
    "session_page",
    "supervisee_summaries",
]


# --------------------------------------------------------------------------------------------
# The whole file, verified once per change


def verify_file(uow: UnitOfWork, *, progress: Any = None) -> Any:
    """Verify the whole file (:func:`~supervisor_app.services.signoff.verify`) and remember the
    result for this process (:mod:`~supervisor_app.services.verified`): until the file
    changes, every supervisee's figures count as verified, and a supervisee's first view reads
    their records without hashing them again. Returns the report."""
    from supervisor_app.services import signoff, verified

    report = signoff.verify(uow, progress=progress)
    verified.remember_whole(uow, report, failing_supervisees(uow, report))
    return report


def failing_supervisees(uow: UnitOfWork, report: Any) -> set[int | None]:
    """The supervisees whose records a verification report names (the audit trail's and the
    print records' chains, and the outside copies, are the Audit page's); ``None`` among them
    when a failing record cannot be tied to anyone (then no supervisee is vouched for)."""
    from supervisor_app.services.canonical import select_in

    failing: set[int | None] = set()
    ids = [p.record_id for p in report.problems if p.kind == "record" and p.record_id]
    if ids:
        conn = uow.session.connection().connection.driver_connection
        mapped: set[Any] = set()
        for table, column in (
            ("session_attendee", "session_id"),
            ("experience_entry", "id"),
            ("audit_event", "record_id"),
        ):
            for rid, sid in select_in(conn, f"SELECT {column}, supervisee_id FROM {table}", column, ids):
                if sid is not None:
                    failing.add(sid)
                    mapped.add(rid)
        if set(ids) - mapped:
            failing.add(None)
    return failing


def verification_state(uow: UnitOfWork, supervisee_ids: Sequence[int]) -> dict[int, bool | None]:
    """{supervisee id: True (records verified as the file is now), False (they fail); absent:
    not known yet (the file's first verification has not finished)}. Supervisees whose records
    this process changed since the whole-file verification are verified here, one by one."""
    from supervisor_app.services import signoff, verified

    whole = verified.whole_file(uow)
    if whole is None:
        return {}
    state: dict[int, bool | None] = {sid: sid not in whole.failing for sid in supervisee_ids}
    for sid in verified.touched_since_whole(uow, whole) & set(supervisee_ids):
        state[sid] = signoff.read_supervisee(uow, sid).report.ok
    return state


def prepare_agency(uow: UnitOfWork, *, progress: Any = None, today: dt.date | None = None) -> int:
    """What the whole agency's list needs, in the background: the file verified
    (:func:`verify_file`) and every supervisee's running totals, in one snapshot. Returns how
    many supervisees have records that fail verification."""
    report = verify_file(uow, progress=progress)
    supervisee_summaries(uow, include_inactive=True, today=today)
    return len(failing_supervisees(uow, report))
