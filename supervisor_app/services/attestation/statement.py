"""The supervisee's progress statement: signed vs pending hours, what is still missing, and
the fingerprint over every link of their signed records. Writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.models import SignOff
from supervisor_app.reports.data import DomainBar, PartSummary, StatementData
from supervisor_app.reports.manifest import fingerprint_of
from supervisor_app.services.attestation.form import rule_sources
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.progress import compute_progress, supervisee_record_ids


def _links(uow: UnitOfWork, record_ids: Sequence[str]) -> list[tuple[int, str, str, str, str]]:
    """(seq, record_id, action, chain_hash, reason) of every link of these records, by seq."""
    rows: list[tuple[int, str, str, str, str]] = []
    ids = list(record_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows.extend(
            tuple(r)  # type: ignore[misc]
            for r in uow.session.execute(
                select(
                    SignOff.seq, SignOff.record_id, SignOff.action, SignOff.chain_hash, SignOff.reason
                ).where(SignOff.record_id.in_(chunk))
            )
        )
    rows.sort()
    return rows


def _part_summary(part: Any) -> PartSummary:
    return PartSummary(
        required_minutes=part.required_minutes,
        signed_minutes=part.signed_minutes,
        pending_minutes=part.pending_minutes,
        counted_minutes=part.counted_minutes,
        domains=tuple(
            DomainBar(
                code=d.code,
                label=d.label,
                required_minutes=d.required_minutes,
                signed_minutes=d.signed_minutes,
                pending_minutes=d.pending_minutes,
                individual_minutes=d.individual_minutes,
                group_minutes=d.group_minutes,
            )
            for d in part.domains.values()
        ),
    )


def prepare_statement(
    uow: UnitOfWork, *, supervisee_id: int | str, today: dt.date | None = None
) -> StatementData:
    """The supervisee's progress statement (signed vs pending, what is still missing). Writes nothing.

    Raises :class:`RecordsFailVerification` if any of the supervisee's signed records fail
    verification. The fingerprint covers every link (sign and void) of every signed record
    of the supervisee, counted or not.
    """
    today = today or clock.today()
    progress = compute_progress(uow, supervisee_id=supervisee_id, today=today)
    supervisee = get_supervisee(uow, supervisee_id)
    profile = progress.profile
    links = _links(uow, sorted(supervisee_record_ids(uow, supervisee.id)))
    supervisor = supervisee.supervisor
    agency = supervisee.agency or (supervisor.agency if supervisor else None)
    return StatementData(
        supervisee_id=supervisee.id,
        applicant_name=supervisee.name,
        applicant_icb_id=supervisee.icb_id,
        position=supervisee.position,
        start_date=supervisee.start_date,
        supervisor_name=supervisor.name if supervisor else "",
        agency_name=agency.name if agency else "",
        credential_code=profile.code,
        credential_name=profile.name,
        board=profile.board,
        profile_version=profile.version,
        profile_effective=profile.effective,
        as_of=today,
        supervision=_part_summary(progress.supervision),
        experience=_part_summary(progress.experience),
        individual_minutes=progress.individual_minutes,
        group_minutes=progress.group_minutes,
        sessions_signed=progress.sessions_signed,
        first_session=progress.first_session,
        last_session=progress.last_session,
        span_months=progress.span_months,
        min_span_months=profile.supervision.min_span_months.value,
        cover_every_domain=profile.supervision.cover_every_domain.value,
        experience_window_years=(
            profile.experience.window_years.value if profile.experience.window_years else None
        ),
        outside_window_minutes=progress.outside_window_minutes,
        eligible=progress.eligible,
        unmet=tuple(progress.unmet),
        notes=tuple(progress.notes),
        verify_notes=profile.verify_notes,
        sources=profile.sources,
        rule_sources=rule_sources(profile),
        signature_count=len(links),
        fingerprint=fingerprint_of(link[3] for link in links),
        supervisors=tuple(progress.supervisors),
        supervision_reasons=tuple(progress.supervision_reasons),
        experience_reasons=tuple(progress.experience_reasons),
        weekly_gaps=tuple(progress.weekly_gaps),
        **_education(uow, profile, supervisee.id),
    )


def _education(uow: UnitOfWork, profile: Any, supervisee_id: int) -> dict[str, Any]:
    """The statement's education figures (none for a profile that counts no education hours)."""
    from supervisor_app.services import training
    from supervisor_app.services.person_credentials import Person

    if not profile.education.total_hours and not profile.education_requirements:
        return {}
    rows = training.list_training(uow, person=Person(supervisee_id=supervisee_id))
    result = training.education_progress(profile, rows)
    return {
        "education": (result.done_minutes, result.required_minutes, result.self_reported_minutes),
        "education_missing": tuple(result.missing),
    }


__all__ = ["prepare_statement"]
