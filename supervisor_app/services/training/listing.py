"""A person's training entries with their status, and the progress they make toward a
credential's education and its renewal (CEUs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from supervisor_app import i18n
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import (
    Supervisor,
    TrainingCertificate,
    TrainingConfirmation,
    TrainingEntry,
)
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.profiles import CredentialProfile
from supervisor_app.services.training.confirmation import (
    BROKEN,
    CONFIRMED,
    SELF_REPORTED,
    confirmation_problem,
)
from supervisor_app.units import hours

# --------------------------------------------------------------------------------------------
# Reading


@dataclass
class TrainingRow:
    id: str
    date_from: dt.date
    date_to: dt.date
    title: str
    provider: str
    delivery: str
    allocations: dict[str, int]
    certificate: str = ""  # file name
    certificate_type: str = ""
    status: str = SELF_REPORTED
    confirmed_by: str = ""
    confirmed_at: dt.datetime | None = None
    problem: str = ""

    @property
    def minutes(self) -> int:
        return sum(self.allocations.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "title": self.title,
            "provider": self.provider,
            "delivery": self.delivery,
            "minutes": self.minutes,
            "areas": dict(self.allocations),
            "certificate": self.certificate or None,
            "status": self.status,
            "confirmed_by": self.confirmed_by or None,
            "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None,
        }


def list_training(uow: UnitOfWork, *, person: Person) -> list[TrainingRow]:
    """A person's training entries, newest first, each with its status (confirmed only when
    the confirmation verifies)."""
    entries = list(
        uow.session.scalars(
            select(TrainingEntry)
            .options(selectinload(TrainingEntry.allocations))
            .where(person.clause(TrainingEntry))
            .order_by(TrainingEntry.date_to.desc(), TrainingEntry.title, TrainingEntry.id)
        )
    )
    ids = [e.id for e in entries]
    certs = {
        r[0]: (r[1], r[2])
        for r in uow.session.execute(
            select(
                TrainingCertificate.entry_id, TrainingCertificate.filename, TrainingCertificate.media_type
            ).where(TrainingCertificate.entry_id.in_(ids))
        )
    }
    confirmations = {
        r.entry_id: r
        for r in uow.session.scalars(
            select(TrainingConfirmation).where(TrainingConfirmation.entry_id.in_(ids))
        )
    }
    names = dict(uow.session.execute(select(Supervisor.id, Supervisor.name)).all()) if confirmations else {}
    rows = []
    for entry in entries:
        row = TrainingRow(
            id=entry.id,
            date_from=entry.date_from,
            date_to=entry.date_to,
            title=entry.title,
            provider=entry.provider,
            delivery=entry.delivery,
            allocations={a.area_code: a.minutes for a in entry.allocations},
        )
        if entry.id in certs:
            row.certificate, row.certificate_type = certs[entry.id]
        confirmation = confirmations.get(entry.id)
        if confirmation is not None:
            row.problem = confirmation_problem(uow, entry, confirmation)
            row.status = BROKEN if row.problem else CONFIRMED
            row.confirmed_by = names.get(confirmation.supervisor_id, "")
            row.confirmed_at = confirmation.confirmed_at
        rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------
# Progress


@dataclass
class RequirementProgress:
    label: str
    required_minutes: int
    done_minutes: int
    source: str
    verify: bool = False

    @property
    def missing_minutes(self) -> int:
        return max(0, self.required_minutes - self.done_minutes)


@dataclass
class HoursProgress:
    """Education toward a credential, or CEUs toward a renewal."""

    title: str
    required_minutes: int
    done_minutes: int = 0
    self_reported_minutes: int = 0
    parts: list[RequirementProgress] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    period: tuple[dt.date, dt.date] | None = None

    @property
    def met(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "required_minutes": self.required_minutes,
            "done_minutes": self.done_minutes,
            "self_reported_minutes": self.self_reported_minutes,
            "period": [d.isoformat() for d in self.period] if self.period else None,
            "parts": [
                {"label": p.label, "required_minutes": p.required_minutes, "done_minutes": p.done_minutes}
                for p in self.parts
            ],
            "missing": list(self.missing),
            "notes": list(self.notes),
        }


def _tally(
    result: HoursProgress,
    profile: CredentialProfile,
    rows: Iterable[TrainingRow],
    requirements: Sequence[Any],
    ceu: bool,
    confirmable: bool = True,
) -> None:
    areas = set(profile.training_area_codes)
    by_area: dict[str, int] = {}
    for row in rows:
        counted = sum(m for code, m in row.allocations.items() if code in areas)
        if not counted:
            continue
        result.done_minutes += counted
        if row.status != CONFIRMED:
            result.self_reported_minutes += counted
        for code, minutes in row.allocations.items():
            by_area[code] = by_area.get(code, 0) + minutes
    if result.done_minutes < result.required_minutes:
        result.missing.append(
            _needs(result.title, result.required_minutes - result.done_minutes, result.done_minutes,
                   result.required_minutes, ceu)
        )  # fmt: skip
    for requirement in requirements:
        done = sum(by_area.get(code, 0) for code in requirement.areas)
        part = RequirementProgress(
            requirement.label,
            requirement.minutes.value,
            done,
            requirement.minutes.source,
            requirement.minutes.verify,
        )
        result.parts.append(part)
        if part.missing_minutes:
            result.missing.append(_needs(part.label, part.missing_minutes, done, part.required_minutes, ceu))
    if result.self_reported_minutes and confirmable:
        result.notes.append(
            _("{hours} of these hours are self-reported (not confirmed by a supervisor).").format(
                hours=hours(result.self_reported_minutes)
            )
        )
    for part in result.parts:
        if part.verify:
            result.notes.append(
                _("Verify with the board: {label} ({source}).").format(label=part.label, source=part.source)
            )


def _needs(title: str, missing: int, done: int, required: int, ceu: bool) -> str:
    params = {"title": title, "missing": hours(missing), "done": hours(done), "required": hours(required)}
    if ceu:
        return _("{title} needs {missing} more CEU hours ({done} of {required}).").format(**params)
    return _("{title} needs {missing} more education hours ({done} of {required}).").format(**params)


def education_progress(profile: CredentialProfile, rows: Iterable[TrainingRow]) -> HoursProgress:
    """Education toward the credential, from every training entry of the person."""
    education = profile.education
    result = HoursProgress(title=_("Education"), required_minutes=education.total_hours * 60)
    if not education.total_hours and not profile.education_requirements:
        result.notes.append(
            _("No education hours are counted for the {profile}: {detail}.").format(
                profile=profile.code, detail=education.detail
            )
        )
        return result
    _tally(result, profile, rows, profile.education_requirements, ceu=False)
    if education.verify:
        result.notes.append(
            _("Verify with the board: the education figures ({source}).").format(source=education.source)
        )
    return result


def renewal_period(expires_on: dt.date, years: int) -> tuple[dt.date, dt.date]:
    """The days whose training counts toward renewing by ``expires_on``: the ``years`` before it."""
    try:
        start = expires_on.replace(year=expires_on.year - years)
    except ValueError:  # 29 February
        start = expires_on.replace(year=expires_on.year - years, day=28)
    return start + dt.timedelta(days=1), expires_on


def renewal_progress(
    profile: CredentialProfile,
    *,
    kind: str,
    expires_on: dt.date | None,
    rows: Iterable[TrainingRow],
    confirmable: bool = True,
) -> HoursProgress | None:
    """CEUs toward renewing a credential held (None if the profile states no renewal)."""
    renewal = profile.renewal
    if renewal is None:
        return None
    result = HoursProgress(
        title=_("{kind} renewal").format(kind=kind), required_minutes=renewal.total_minutes.value
    )
    if expires_on is None:
        result.missing.append(
            _("{kind} renewal: record the expiry date to count CEUs toward it.").format(kind=kind)
        )
        return result
    start, end = renewal_period(expires_on, renewal.period_years.value)
    result.period = (start, end)
    _tally(result, profile, [r for r in rows if start <= r.date_to <= end], renewal.topics, True, confirmable)
    for rule in (renewal.period_years, renewal.total_minutes):
        if rule.verify:
            result.notes.append(_("Verify with the board: {source}.").format(source=rule.source))
    return result


def training_json(uow: UnitOfWork, *, person: Person, today: dt.date | None = None) -> dict[str, Any]:
    """What ``training list --json`` prints: entries, education and renewals (in English, as
    every ``--json``)."""
    with i18n.using("en"):
        return _training_json(uow, person=person)


def _training_json(uow: UnitOfWork, *, person: Person) -> dict[str, Any]:
    from supervisor_app.services.person_credentials import list_credentials, to_json

    rows = list_training(uow, person=person)
    result: dict[str, Any] = {"entries": [r.to_json() for r in rows], "education": None, "renewals": []}
    if person.supervisee_id is not None:
        profile = uow.db.profiles.get(get_supervisee(uow, person.supervisee_id).credential)
        result["education"] = education_progress(profile, rows).to_json()
    for credential in list_credentials(uow, person=person):
        if credential.kind in uow.db.profiles:
            progress = renewal_progress(
                uow.db.profiles.get(credential.kind),
                kind=credential.kind,
                expires_on=credential.expires_on,
                rows=rows,
                confirmable=person.supervisee_id is not None,
            )
            if progress is not None:
                result["renewals"].append({"credential": to_json(credential), **progress.to_json()})
    return result
