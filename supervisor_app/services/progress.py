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
from typing import Any

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.services import board_rules
from supervisor_app.services.requirements import (
    Progress,
    SupervisorHours,
    explain,
    fold,
)
from supervisor_app.services.roster import supervisee_row
from supervisor_app.services.signoff import require_supervisee_verified
from supervisor_app.services.sums import sums_by_supervisee, sums_from_records

# SQLAlchemy and the models are imported by the reads that build ORM queries (the board's
# rules that need each record's dates, the ids of signed records), not by every progress:
# verifying and summing a supervisee reads by plain SQL (issue 19: the command line).


def supervisee_record_ids(uow: UnitOfWork, supervisee_id: int) -> list[str]:
    """Every record ever signed for a supervisee (for verification).

    Not only the rows that list the supervisee now: a record deleted, set back to pending or
    with the supervisee's attendee row removed must still be checked (and fail), so the ids
    the audit trail recorded at signing are included too.
    """
    from sqlalchemy import select

    from supervisor_app.models import (
        AuditEvent,
        ExperienceEntry,
        RecordStatus,
        SessionAttendee,
        SupervisionSession,
    )
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


def compute_progress(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    today: dt.date | None = None,
    check_integrity: bool = True,
) -> Progress:
    today = today or clock.today()
    number, name, credential = supervisee_row(uow, supervisee_id)  # plain SQL: no ORM object needed
    profile = uow.db.profiles.get(credential)
    cutoff = board_rules.window_start(profile, today)
    sums = None
    if check_integrity:
        # Every record ever signed for the supervisee, verified, then summed from the same rows.
        records = require_supervisee_verified(uow, number)
        sums = sums_from_records(records, number, cutoff)
    if sums is None:
        sums = sums_by_supervisee(uow, [number], {number: cutoff})[number]
    result = fold(profile, sums, today, cutoff, supervisee_id=number, supervisee_name=name)
    result.supervisors = _named(uow, {share.supervisor_id: share for share in result.supervisors})
    apply_board_rules(uow, result, cutoff=cutoff)
    explain(result, today=today, cutoff=cutoff)
    return result


def _named(uow: UnitOfWork, shares: dict[int, SupervisorHours]) -> list[SupervisorHours]:
    """The shares with each supervisor's name, credentials and agency (one small query), by name."""
    if not shares:
        return []
    # Straight to the driver (as verification reads): a compiled ORM query costs more than the sums.
    conn = uow.raw()
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


# --------------------------------------------------------------------------------------------
# The board's rules that need each record's dates (asked only of profiles that state them)


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _counted_rows(
    uow: UnitOfWork, supervisee_id: int
) -> tuple[list[tuple[dt.date, int, str]], list[tuple[dt.date, dt.date, int]]]:
    """(date, minutes, modality) of the supervisee's counted sessions and (first day, last
    day, minutes) of their counted experience entries (signed, standing)."""
    from sqlalchemy import func, select

    from supervisor_app.models import (
        ExperienceAllocation,
        ExperienceEntry,
        SessionAttendee,
        SupervisionSession,
    )
    from supervisor_app.services.records import counts_clause

    S, T = SupervisionSession, SessionAttendee
    E, EA = ExperienceEntry, ExperienceAllocation
    attended = select(T.session_id).where(T.supervisee_id == supervisee_id)
    sessions = [
        (_as_date(day), int(minutes), str(modality))
        for day, minutes, modality in uow.session.execute(
            select(S.date, S.minutes, S.modality).where(S.id.in_(attended), counts_clause(S))
        )
    ]
    entries = [
        (_as_date(start), _as_date(end), int(minutes or 0))
        for start, end, minutes in uow.session.execute(
            select(E.period_start, E.period_end, func.sum(EA.minutes))
            .join(EA, EA.entry_id == E.id)
            .where(E.supervisee_id == supervisee_id, counts_clause(E))
            .group_by(E.id)
        )
    ]
    return sessions, entries


def apply_board_rules(uow: UnitOfWork, result: Progress, *, cutoff: dt.date | None) -> None:
    """The board's own rules on a supervisee's progress: the experience minimum of some areas
    (as a domain requirement), the yearly cap (less counted), the weekly supervision (gaps)."""
    profile = result.profile
    exp_rules, sup_rules = profile.experience, profile.supervision
    if exp_rules.domain_minimums is not None:
        for code in exp_rules.domain_minimums.value:
            if code in result.experience.domains:
                result.experience.domains[code].required_minutes = exp_rules.minimum_for(code)
    if (
        exp_rules.yearly_cap_minutes is None
        and sup_rules.weekly_min_minutes is None
        and sup_rules.counted_modalities is None
    ):
        return
    rows, entries = _counted_rows(uow, result.supervisee_id)
    sessions = [
        (day, minutes) for day, minutes, modality in rows if board_rules.modality_counts(profile, modality)
    ]
    uncounted = sum(
        minutes for _day, minutes, modality in rows if not board_rules.modality_counts(profile, modality)
    )
    if uncounted:  # signed before the rule was in the profile: shown, not counted
        result.supervision.counted_minutes = max(0, result.supervision.counted_minutes - uncounted)
        result.supervision_reasons.insert(0, board_rules.modality_reason(profile, uncounted))
    inside = [(start, minutes) for start, end, minutes in entries if cutoff is None or end >= cutoff]
    excess = board_rules.yearly_excess(profile, inside)
    if excess:
        result.experience.counted_minutes -= excess
        result.experience_reasons.append(board_rules.yearly_cap_reason(profile, excess))
    result.weekly_gaps = board_rules.weekly_gaps(
        profile, sessions, [(start, end) for start, end, _m in entries]
    )
    if result.weekly_gaps:
        result.notes.append(board_rules.weekly_gaps_reason(profile, result.weekly_gaps))
