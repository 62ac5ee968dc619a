"""Read-only queries for the screens: everything the desktop app shows that the other services
do not already answer cheaply.

- :func:`supervisee_summaries`: every supervisee with progress columns and a status, from a
  handful of aggregate queries for the whole agency (not one :func:`compute_progress` per
  row): the one SQL way of :mod:`~supervisor_app.services.sums`, folded and explained by
  :mod:`~supervisor_app.services.requirements` as the detail page's progress is.
- :func:`session_page`, :func:`experience_page`, :func:`pending_page` (the audit trail's:
  :mod:`~supervisor_app.services.audit_pages`):
  one page of rows after a keyset (newest first), so a table over a million rows opens at
  once and scrolls by pages; ``count_*`` give the totals.
- The hours-over-time chart's series: :mod:`~supervisor_app.services.monthly_hours`.
- The people of the list (names first, before the ORM is even imported) come from
  :mod:`supervisor_app.services.roster`.

Nothing here writes, and nothing imports PySide6.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    String,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import aliased

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import (
    ExperienceAllocation,
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services import agency_check, amendment_pairs, board_rules, requirements
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile
from supervisor_app.services.progress import apply_board_rules
from supervisor_app.services.records import display_status_sql
from supervisor_app.services.roster import SuperviseeSummary, supervisee_names
from supervisor_app.services.sums import sums_by_supervisee
from supervisor_app.services.text_search import contains, register_fold
from supervisor_app.sql_functions import group_concat
from supervisor_app.units import duration, fold

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
    today = today or clock.today()
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
            cutoffs[supervisee.credential] = board_rules.window_start(profile, today) if profile else None
    everyone = supervisee_ids is None and supervisor_id is None
    figures = sums_by_supervisee(uow, ids, {s.id: cutoffs[s.credential] for s in people}, everyone=everyone)
    checked = agency_check.verification_state(uow, ids)
    paired = amendment_pairs.by_supervisee(uow)  # rare: two signed amendments of one record
    result: list[SuperviseeSummary] = []
    for supervisee in people:
        summary = supervisee  # the roster's row, now given its figures
        summary.figures = True
        mine = figures[supervisee.id]
        summary.last_session = mine.last_live
        profile = _profile(profiles, supervisee.credential)
        if profile is not None:
            # The fold, the board's dated rules and the words of the progress service, on the
            # agency's sums: the list's status is the detail page's. The dated rules (the LCPC's
            # yearly cap, modalities, weekly supervision) read that supervisee's counted rows;
            # a profile without them costs nothing more.
            cutoff = cutoffs.get(supervisee.credential)
            built = requirements.fold(
                profile, mine, today, cutoff, supervisee_id=supervisee.id, supervisee_name=supervisee.name
            )
            apply_board_rules(uow, built, cutoff=cutoff)
            requirements.explain(built, today=today, cutoff=cutoff)
            summary.supervision_counted_minutes = built.supervision.counted_minutes
            summary.supervision_required_minutes = built.supervision.required_minutes
            summary.supervision_pending_minutes = built.supervision.pending_minutes
            summary.experience_counted_minutes = built.experience.counted_minutes
            summary.experience_required_minutes = built.experience.required_minutes
            summary.experience_pending_minutes = built.experience.pending_minutes
            summary.unmet = list(built.unmet)
        else:
            summary.unmet = [
                _("No credential profile {credential} is installed.").format(credential=supervisee.credential)
            ]
        summary.status = _status(summary, today=today, overdue_days=overdue_days)
        summary.verified = checked.get(supervisee.id)
        summary.two_amendments = paired.get(supervisee.id, [])
        if summary.verified is False:
            summary.status = "altered"
            summary.unmet = [
                _("Some of this supervisee's signed records fail verification: open them for the details.")
            ]
        result.append(summary)
    return result


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
        select(group_concat(Supervisee.name, ", "))
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
            group_concat(SessionAllocation.domain_code + "=" + cast(SessionAllocation.minutes, String), ";")
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
                contains(_S.topics, needle),
                contains(_S.site, needle),
                _S.id.startswith(needle, autoescape=True),
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


def _matching_people(needle: str) -> Any:
    """The supervisees whose folded name holds ``needle`` (names: hundreds, not millions)."""
    return select(Supervisee.id).where(contains(Supervisee.name, needle))


def count_sessions(uow: UnitOfWork, *, filter: SessionFilter = SessionFilter()) -> int:  # noqa: A002, B008
    if filter.search.strip():
        register_fold(uow)
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
        register_fold(uow)
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
                contains(E.setting, needle),
                E.id.startswith(needle, autoescape=True),
                E.supervisee_id.in_(_matching_people(needle)),
            )
        )
    return clauses


def count_experience(uow: UnitOfWork, *, filter: ExperienceFilter = ExperienceFilter()) -> int:  # noqa: A002, B008
    if filter.search.strip():
        register_fold(uow)
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
        register_fold(uow)
    minutes = select(func.sum(EA.minutes)).where(EA.entry_id == E.id).scalar_subquery()
    domains = (
        select(group_concat(EA.domain_code + "=" + cast(EA.minutes, String), ";"))
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
            select(group_concat(EA.domain_code + "=" + cast(EA.minutes, String), ";"))
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
# Small look-ups


__all__ = [
    "OVERDUE_DAYS",
    "ExperienceFilter",
    "ExperienceRow",
    "PendingRow",
    "SessionFilter",
    "SessionRow",
    "SuperviseeSummary",
    "count_experience",
    "count_pending",
    "count_sessions",
    "domain_labels",
    "experience_page",
    "pending_page",
    "session_page",
    "supervisee_summaries",
]


# --------------------------------------------------------------------------------------------
# The whole file, verified once per change (:mod:`~supervisor_app.services.agency_check`)


def prepare_agency(uow: UnitOfWork, *, progress: Any = None, today: dt.date | None = None) -> int:
    """What the whole agency's list needs, in the background: the file verified
    (:func:`~supervisor_app.services.agency_check.verify_file`) and every supervisee's running totals, in one snapshot. Returns how
    many supervisees have records that fail verification."""
    report = agency_check.verify_file(uow, progress=progress)
    supervisee_summaries(uow, include_inactive=True, today=today)
    return len(agency_check.failing_supervisees(uow, report))
