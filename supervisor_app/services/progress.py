"""Progress toward a credential: sums of signed and pending minutes, and the plain words
for what is still missing.

With the integrity check (the default) the sums are made from the very rows the check read
and verified (:func:`~supervisor_app.services.signoff.read_supervisee`): each record is read
once. Without it, or when a row holds something only a hand edit stores, SQL adds them up.

Only signed records that still stand count toward "met" (not pending, not replaced by an
amendment, not voided). Pending minutes are reported apart, as what signing the pending
records would add: a pending amendment counts in place of the signed original it will replace
(its minutes, less the original's), while the signed figure keeps the original until the
amendment is signed. So signed + pending never counts both versions. Records that fail verification
are refused (:class:`~supervisor_app.services.signoff.RecordsFailVerification`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, literal, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    ExperienceAllocation,
    ExperienceEntry,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    SessionFormat,
    Supervisee,
    SupervisionSession,
)
from supervisor_app.services import board_rules
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile
from supervisor_app.services.records import amendment_waiting_clause, counts_clause
from supervisor_app.services.signoff import SuperviseeRecords, require_supervisee_verified
from supervisor_app.units import hours

_PENDING = RecordStatus.PENDING.value
_SIGNED = RecordStatus.SIGNED.value


def _plural(value: float, unit: str) -> str:
    return f"{value:g} {unit}" + ("" if value == 1 else "s")


@dataclass
class DomainProgress:
    code: str
    label: str
    required_minutes: int
    signed_minutes: int = 0
    pending_minutes: int = 0
    individual_minutes: int = 0
    group_minutes: int = 0


@dataclass
class PartProgress:
    """Supervision or experience."""

    required_minutes: int
    signed_minutes: int = 0
    pending_minutes: int = 0
    counted_minutes: int = 0  # what counts toward the requirement (after caps and windows)
    domains: dict[str, DomainProgress] = field(default_factory=dict)

    @property
    def percent(self) -> float:
        if self.required_minutes <= 0:
            return 100.0
        return min(100.0, 100.0 * self.counted_minutes / self.required_minutes)

    def to_json(self) -> dict[str, Any]:
        return {
            "required_minutes": self.required_minutes,
            "signed_minutes": self.signed_minutes,
            "pending_minutes": self.pending_minutes,
            "counted_minutes": self.counted_minutes,
            "domains": {
                code: {
                    "label": d.label,
                    "required_minutes": d.required_minutes,
                    "signed_minutes": d.signed_minutes,
                    "pending_minutes": d.pending_minutes,
                }
                for code, d in self.domains.items()
            },
        }


@dataclass
class SupervisorHours:
    """One supervisor's share of a supervisee's signed, standing hours (the board asks for the
    hours per supervisor; each attestation covers one supervisor's)."""

    supervisor_id: int
    name: str = ""
    credentials: str = ""
    agency: str = ""
    individual_minutes: int = 0
    group_minutes: int = 0
    supervision_counted_minutes: int = 0  # after the group cap, shared out by group minutes
    experience_minutes: int = 0  # signed, standing
    experience_counted_minutes: int = 0  # of those, inside the experience window

    @property
    def supervision_minutes(self) -> int:
        return self.individual_minutes + self.group_minutes

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.supervisor_id,
            "name": self.name,
            "credentials": self.credentials,
            "agency": self.agency,
            "supervision_minutes": self.supervision_minutes,
            "individual_minutes": self.individual_minutes,
            "group_minutes": self.group_minutes,
            "supervision_counted_minutes": self.supervision_counted_minutes,
            "experience_minutes": self.experience_minutes,
            "experience_counted_minutes": self.experience_counted_minutes,
        }


@dataclass
class Progress:
    supervisee_id: int
    supervisee_name: str
    profile: CredentialProfile
    supervision: PartProgress
    experience: PartProgress
    individual_minutes: int = 0
    group_minutes: int = 0
    sessions_signed: int = 0
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    span_months: int = 0
    outside_window_minutes: int = 0
    unmet: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    supervisors: list[SupervisorHours] = field(default_factory=list)  # by name
    # Why counted differs from signed (board_rules): the group cap; the window, the yearly cap.
    supervision_reasons: list[str] = field(default_factory=list)
    experience_reasons: list[str] = field(default_factory=list)
    weekly_gaps: list[dt.date] = field(default_factory=list)  # Mondays of weeks short of the minimum

    @property
    def eligible(self) -> bool:
        return not self.unmet

    def to_json(self) -> dict[str, Any]:
        """The CLI contract: exactly this shape."""
        return {
            "supervisee": {"id": self.supervisee_id, "name": self.supervisee_name},
            "credential": self.profile.code,
            "eligible": self.eligible,
            "supervision": self.supervision.to_json(),
            "experience": self.experience.to_json(),
            "unmet": list(self.unmet),
            "notes": list(self.notes),
            "weekly_gaps": [week.isoformat() for week in self.weekly_gaps],
            "supervisors": [s.to_json() for s in self.supervisors],
        }


def months_between(first: dt.date, last: dt.date) -> int:
    """Whole calendar months from ``first`` to ``last`` (2025-01-06 -> 2026-01-06 is 12)."""
    months = (last.year - first.year) * 12 + (last.month - first.month)
    if last.day < first.day:
        months -= 1
    return max(0, months)


def _part(profile: CredentialProfile, required: int, domain_min: int, *, with_general: bool) -> PartProgress:
    part = PartProgress(required_minutes=required)
    for domain in profile.domains:
        part.domains[domain.code] = DomainProgress(domain.code, domain.label, domain_min)
    if with_general:
        part.domains[GENERAL_DOMAIN] = DomainProgress(GENERAL_DOMAIN, profile.label(GENERAL_DOMAIN), 0)
    return part


def _domain(part: PartProgress, profile: CredentialProfile, code: str) -> DomainProgress:
    if code not in part.domains:  # a code from an older profile version: still shown
        part.domains[code] = DomainProgress(code, profile.label(code), 0)
    return part.domains[code]


def supervisee_record_ids(uow: UnitOfWork, supervisee_id: int) -> list[str]:
    """Every record ever signed for a supervisee (for verification).

    Not only the rows that list the supervisee now: a record deleted, set back to pending or
    with the supervisee's attendee row removed must still be checked (and fail), so the ids
    the audit trail recorded at signing are included too.
    """
    from supervisor_app.models import AuditEvent
    from supervisor_app.services.audit import AuditAction

    S, E = SupervisionSession, ExperienceEntry
    ids = list(
        uow.session.scalars(
            select(S.id)
            .join(SessionAttendee, SessionAttendee.session_id == S.id)
            .where(SessionAttendee.supervisee_id == supervisee_id, S.status == RecordStatus.SIGNED)
        )
    )
    ids.extend(
        uow.session.scalars(
            select(E.id).where(E.supervisee_id == supervisee_id, E.status == RecordStatus.SIGNED)
        )
    )
    ids.extend(
        uow.session.scalars(
            select(AuditEvent.record_id).where(
                AuditEvent.supervisee_id == supervisee_id,
                AuditEvent.action.in_((AuditAction.SIGN, AuditAction.VOID)),
                AuditEvent.record_id.is_not(None),
            )
        )
    )
    return list(dict.fromkeys(ids))


@dataclass
class _Sums:
    """What progress adds up, each list as SQL's GROUP BY would return it (sorted)."""

    signed: list[tuple[int, str, str, int]]  # (supervisor, format, domain, minutes) of counted sessions
    pending: list[tuple[str, int]]  # (domain, minutes) of pending sessions
    sessions: tuple[int, Any, Any]  # count, first and last date of counted sessions
    experience: list[tuple[int, str, int, bool]]  # (supervisor, domain, minutes, inside the window), counted
    experience_pending: list[tuple[str, int]]


def _sums_from_sql(uow: UnitOfWork, supervisee_id: int, cutoff: dt.date | None) -> _Sums:
    S, A, T = SupervisionSession, SessionAllocation, SessionAttendee
    attended = select(T.session_id).where(T.supervisee_id == supervisee_id)
    signed = list(
        uow.session.execute(
            select(S.supervisor_id, S.format, A.domain_code, func.sum(A.minutes))
            .join(A, A.session_id == S.id)
            .where(S.id.in_(attended), counts_clause(S))
            .group_by(S.supervisor_id, S.format, A.domain_code)
        )
    )
    pending = list(
        uow.session.execute(
            select(A.domain_code, func.sum(A.minutes))
            .join(S, A.session_id == S.id)
            .where(S.id.in_(attended), S.status == RecordStatus.PENDING)
            .group_by(A.domain_code)
        )
    )
    replaced = list(
        uow.session.execute(
            select(A.domain_code, func.sum(A.minutes))
            .join(S, A.session_id == S.id)
            .where(S.id.in_(attended), counts_clause(S), amendment_waiting_clause(S))
            .group_by(A.domain_code)
        )
    )
    sessions = uow.session.execute(
        select(func.count(), func.min(S.date), func.max(S.date)).where(S.id.in_(attended), counts_clause(S))
    ).one()
    E, EA = ExperienceEntry, ExperienceAllocation
    in_window = (E.period_end >= cutoff) if cutoff is not None else literal(True)
    experience = list(
        uow.session.execute(
            select(E.supervisor_id, EA.domain_code, func.sum(EA.minutes), in_window)
            .join(E, EA.entry_id == E.id)
            .where(E.supervisee_id == supervisee_id, counts_clause(E))
            .group_by(E.supervisor_id, EA.domain_code, in_window)
        )
    )
    experience_pending = list(
        uow.session.execute(
            select(EA.domain_code, func.sum(EA.minutes))
            .join(E, EA.entry_id == E.id)
            .where(E.supervisee_id == supervisee_id, E.status == RecordStatus.PENDING)
            .group_by(EA.domain_code)
        )
    )
    experience_replaced = list(
        uow.session.execute(
            select(EA.domain_code, func.sum(EA.minutes))
            .join(E, EA.entry_id == E.id)
            .where(E.supervisee_id == supervisee_id, counts_clause(E), amendment_waiting_clause(E))
            .group_by(EA.domain_code)
        )
    )
    return _Sums(
        [tuple(r) for r in signed],  # type: ignore[misc]
        net_pending(pending, replaced),
        tuple(sessions),  # type: ignore[arg-type]
        [(sup, code, minutes, bool(inside)) for sup, code, minutes, inside in experience],
        net_pending(experience_pending, experience_replaced),
    )


def net_pending(pending: Any, replaced: Any) -> list[tuple[str, int]]:
    """Pending minutes by domain, less the signed minutes that pending amendments replace
    (``(code, minutes)`` pairs each); domains that come to nothing are left out."""
    totals: dict[str, int] = {}
    for code, minutes in pending:
        totals[code] = totals.get(code, 0) + int(minutes)
    for code, minutes in replaced:
        totals[code] = totals.get(code, 0) - int(minutes)
    return sorted((code, minutes) for code, minutes in totals.items() if minutes)


def _add(totals: dict[Any, int], items: list[Any], key: Any = None) -> bool:
    """Add ``"code=minutes"`` items into ``totals`` (by code, or by ``(key, code)``); False,
    adding nothing more, at an item that is not regular."""
    for item in items:
        if item.__class__ is not str:
            return False
        code, _, minutes = item.rpartition("=")
        slot = code if key is None else (key, code)
        totals[slot] = totals.get(slot, 0) + int(minutes)
    return True


def _sums_from_records(
    records: SuperviseeRecords, supervisee_id: int, cutoff: dt.date | None
) -> _Sums | None:
    """The same sums from the rows verification read (nothing is read twice); None when a row
    holds something only a hand edit stores (then SQL adds it up, as it always did)."""
    left_out = records.superseded | records.voided
    signed: dict[Any, int] = {}
    pending: dict[Any, int] = {}
    replaced: dict[Any, int] = {}
    dates: list[str] = []
    batch = records.sessions
    attendees, allocations = batch.attendees, batch.allocations
    amended = _amended_by_pending(batch.rows, left_out)
    for rid, status, sup, day, _start, _min, fmt, *_rest in batch.rows:
        if supervisee_id not in attendees.get(rid, ()):
            continue  # read only to be verified (the audit trail named it)
        if status == _PENDING:
            if not _add(pending, allocations.get(rid, ())):
                return None
        elif status == _SIGNED and rid not in left_out:
            if rid in amended and not _add(replaced, allocations.get(rid, ())):
                return None
            if fmt.__class__ is not str or day.__class__ is not str:
                return None
            dates.append(day)
            if not _add(signed, allocations.get(rid, ()), (sup, fmt)):
                return None
    bound = cutoff.isoformat() if cutoff is not None else None
    experience: dict[Any, int] = {}
    experience_pending: dict[Any, int] = {}
    experience_replaced: dict[Any, int] = {}
    batch = records.experience
    allocations = batch.allocations
    amended = _amended_by_pending(batch.rows, left_out)
    for rid, status, sup, _start, period_end, owner, *_rest in batch.rows:
        if owner != supervisee_id:
            continue
        if status == _PENDING:
            if not _add(experience_pending, allocations.get(rid, ())):
                return None
        elif status == _SIGNED and rid not in left_out:
            if rid in amended and not _add(experience_replaced, allocations.get(rid, ())):
                return None
            if period_end.__class__ is not str:
                return None
            if not _add(experience, allocations.get(rid, ()), (sup, bound is None or period_end >= bound)):
                return None
    return _Sums(
        [(sup, fmt, code, minutes) for ((sup, fmt), code), minutes in sorted(signed.items())],
        net_pending(pending.items(), replaced.items()),
        (len(dates), min(dates), max(dates)) if dates else (0, None, None),
        [
            (sup, code, minutes, inside)
            for ((sup, inside), code), minutes in sorted(experience.items(), key=_by_supervisor_and_code)
        ],
        net_pending(experience_pending.items(), experience_replaced.items()),
    )


def _amended_by_pending(rows: list[Any], left_out: set[Any]) -> set[Any]:
    """Ids of the records a pending amendment among ``rows`` will replace (column 10 of a
    record row is ``supersedes_id``)."""
    return {row[10] for row in rows if row[1] == _PENDING and row[10] is not None and row[10] not in left_out}


def _by_supervisor_and_code(item: tuple[tuple[tuple[Any, bool], str], int]) -> tuple[Any, str, bool]:
    ((sup, inside), code), _minutes = item
    return sup, code, inside


def compute_progress(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    today: dt.date | None = None,
    check_integrity: bool = True,
) -> Progress:
    today = today or dt.date.today()
    supervisee: Supervisee = get_supervisee(uow, supervisee_id)
    profile = uow.db.profiles.get(supervisee.credential)
    sup_rules, exp_rules = profile.supervision, profile.experience
    window = exp_rules.window_years
    cutoff = _years_before(today, window.value) if window is not None else None
    sums = None
    if check_integrity:
        # Every record ever signed for the supervisee, verified, then summed from the same rows.
        records = require_supervisee_verified(uow, supervisee.id)
        sums = _sums_from_records(records, supervisee.id, cutoff)
    if sums is None:
        sums = _sums_from_sql(uow, supervisee.id, cutoff)
    supervision = _part(
        profile,
        sup_rules.total_minutes.value,
        sup_rules.domain_min_minutes.value,
        with_general=sup_rules.allow_general.value,
    )
    experience = _part(
        profile,
        exp_rules.total_minutes.value,
        exp_rules.domain_min_minutes.value,
        with_general=False,
    )
    result = Progress(supervisee.id, supervisee.name, profile, supervision, experience)

    # Supervision per domain and format, signed (standing) records.
    by_supervisor: dict[int, SupervisorHours] = {}
    for supervisor_id, session_format, code, minutes in sums.signed:
        share = by_supervisor.get(supervisor_id) or by_supervisor.setdefault(
            supervisor_id, SupervisorHours(supervisor_id)
        )
        if session_format == SessionFormat.GROUP:
            share.group_minutes += minutes
        else:
            share.individual_minutes += minutes
        domain = _domain(supervision, profile, code)
        domain.signed_minutes += minutes
        supervision.signed_minutes += minutes
        if session_format == SessionFormat.GROUP:
            domain.group_minutes += minutes
            result.group_minutes += minutes
        else:
            domain.individual_minutes += minutes
            result.individual_minutes += minutes
    for code, minutes in sums.pending:
        _domain(supervision, profile, code).pending_minutes += minutes
        supervision.pending_minutes += minutes
    count, first, last = sums.sessions
    result.sessions_signed = count
    if first is not None:
        result.first_session = dt.date.fromisoformat(first) if isinstance(first, str) else first
        result.last_session = dt.date.fromisoformat(last) if isinstance(last, str) else last
        result.span_months = months_between(result.first_session, result.last_session)

    # Group cap: group minutes beyond the cap do not count toward the total.
    counts = board_rules.counted_supervision(profile, result.individual_minutes, result.group_minutes)
    supervision.counted_minutes = counts.counted_minutes
    result.supervision_reasons.extend(counts.reasons)
    allowed_group = counts.counted_minutes - result.individual_minutes
    _share_group_cap(list(by_supervisor.values()), result.group_minutes, allowed_group)

    # Experience: signed, standing, and (if the profile has a window) recent enough.
    for supervisor_id, code, minutes, in_window in sums.experience:
        share = by_supervisor.get(supervisor_id) or by_supervisor.setdefault(
            supervisor_id, SupervisorHours(supervisor_id)
        )
        share.experience_minutes += minutes
        if cutoff is None or in_window:
            share.experience_counted_minutes += minutes
        if cutoff is not None and not in_window:
            result.outside_window_minutes += minutes
            continue
        _domain(experience, profile, code).signed_minutes += minutes
        experience.signed_minutes += minutes
    for code, minutes in sums.experience_pending:
        _domain(experience, profile, code).pending_minutes += minutes
        experience.pending_minutes += minutes
    experience.counted_minutes = experience.signed_minutes
    if result.outside_window_minutes and cutoff is not None:
        result.experience_reasons.append(
            board_rules.window_reason(profile, cutoff, result.outside_window_minutes)
        )
    result.supervisors = _named(uow, by_supervisor)
    board_rules.apply_to_progress(uow, result, cutoff=cutoff)

    _explain(result, today=today, cutoff=cutoff)
    return result


def _share_group_cap(shares: list[SupervisorHours], group: int, allowed: int) -> None:
    """Each supervisor's counted supervision: their individual minutes and their part of the
    group minutes that count. When the group cap cuts, the allowed minutes are shared out in
    proportion to each one's group minutes (largest remainder first), so the parts add up to
    the supervisee's counted total exactly."""
    parts = {}
    remainders = []
    for share in shares:
        if group and share.group_minutes:
            whole, rest = divmod(share.group_minutes * allowed, group)
        else:
            whole, rest = 0, 0
        parts[share.supervisor_id] = whole
        remainders.append((-rest, share.supervisor_id))
    left = allowed - sum(parts.values()) if group else 0
    for _rest, supervisor_id in sorted(remainders)[:left]:
        parts[supervisor_id] += 1
    for share in shares:
        share.supervision_counted_minutes = share.individual_minutes + parts[share.supervisor_id]


def _named(uow: UnitOfWork, shares: dict[int, SupervisorHours]) -> list[SupervisorHours]:
    """The shares with each supervisor's name, credentials and agency (one small query), by name."""
    if not shares:
        return []
    # Straight to the driver (as verification reads): a compiled ORM query costs more than the sums.
    conn = uow.session.connection().connection.driver_connection
    rows = conn.execute(
        "SELECT supervisor.id, supervisor.name, supervisor.credentials, agency.name FROM supervisor "
        "LEFT JOIN agency ON agency.id = supervisor.agency_id "
        f"WHERE supervisor.id IN ({', '.join('?' * len(shares))})",
        list(shares),
    )
    for supervisor_id, name, credentials, agency in rows:
        share = shares[supervisor_id]
        share.name, share.credentials, share.agency = name, credentials or "", agency or ""
    return sorted(shares.values(), key=lambda s: (s.name.casefold(), s.supervisor_id))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _explain(result: Progress, *, today: dt.date, cutoff: dt.date | None) -> None:
    profile = result.profile
    sup, exp = result.supervision, result.experience
    rules = profile.supervision
    if sup.counted_minutes < sup.required_minutes:
        result.unmet.append(
            f"Supervision needs {hours(sup.required_minutes - sup.counted_minutes)} more hours "
            f"({hours(sup.counted_minutes)} of {hours(sup.required_minutes)} signed)."
        )
    result.notes.extend([*result.supervision_reasons, *result.experience_reasons])
    for domain in sup.domains.values():
        if domain.code == GENERAL_DOMAIN:
            continue
        if domain.signed_minutes < domain.required_minutes:
            result.unmet.append(
                f"{domain.label} needs {hours(domain.required_minutes - domain.signed_minutes)} more supervision hours."
            )
        elif (
            rules.cover_every_domain.value
            and domain.signed_minutes == 0
            and domain.code in profile.domain_codes
        ):
            result.unmet.append(
                f"{domain.label} has no signed supervision yet; every domain must be covered."
            )
    needed_months = rules.min_span_months.value
    if needed_months and result.span_months < needed_months:
        result.unmet.append(f"Supervision spans {result.span_months} of {_plural(needed_months, 'month')}.")
    if exp.counted_minutes < exp.required_minutes:
        result.unmet.append(
            f"Supervised experience needs {hours(exp.required_minutes - exp.counted_minutes)} more hours "
            f"({hours(exp.counted_minutes)} of {hours(exp.required_minutes)} signed)."
        )
    for domain in exp.domains.values():
        if domain.required_minutes and domain.signed_minutes < domain.required_minutes:
            result.unmet.append(
                f"{domain.label} needs {hours(domain.required_minutes - domain.signed_minutes)} more experience hours."
            )
    if sup.pending_minutes or exp.pending_minutes:
        result.notes.append(
            f"Waiting for signature: {hours(sup.pending_minutes)} supervision hours and "
            f"{hours(exp.pending_minutes)} experience hours (not counted until signed)."
        )
    for name, rule in profile.unconfirmed_rules():
        result.notes.append(
            f"Verify with {board_rules.board_short_name(profile)}: the {name} figure is not confirmed ({rule.source})."
        )
