"""Checking, adding, editing and deleting training entries and their certificates (nothing
here commits)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _, ngettext, pgettext
from supervisor_app.models import (
    TrainingAllocation,
    TrainingCertificate,
    TrainingConfirmation,
    TrainingDelivery,
    TrainingEntry,
    new_uuid,
)
from supervisor_app.services import audit
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.profiles import CredentialProfile
from supervisor_app.services.training.certificates import CertificateFile, new_certificate_row
from supervisor_app.services.validation import clean_text, parse_date, shown
from supervisor_app.units import hours

MAX_MINUTES_A_DAY = 12 * 60
"""No entry holds more than 12 hours a day of its dates (the app's rule for any entry)."""

# --------------------------------------------------------------------------------------------
# Checking an entry


@dataclass(frozen=True)
class TrainingValues:
    date_from: dt.date
    date_to: dt.date
    title: str
    provider: str
    delivery: str
    allocations: dict[str, int]


_HOURS = re.compile(r"^\d{1,4}(\.\d{1,4})?$")


def parse_hours(value: object, *, field: str, label: str) -> int:
    """Hours (a number, up to 4 decimals) as whole minutes, more than 0."""
    if isinstance(value, bool):
        raise DomainError(
            _("{label} must be a number of hours.").format(label=label),
            field=field,
            code="training.hours_wrong_type",
            params={"label": label},
        )
    if isinstance(value, int | float):
        text = f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    else:
        text = str(value or "").strip().replace(",", ".")
    if not text:
        raise DomainError(
            _("{label} is required.").format(label=label),
            field=field,
            code="training.hours_required",
            params={"label": label},
        )
    if not _HOURS.match(text):
        raise DomainError(
            _("{label} {value} is not a number of hours; write it as e.g. 1.5.").format(
                label=label, value=shown(value)
            ),
            field=field,
            code="training.hours_not_number",
            params={"label": label, "value": value},
        )
    minutes = round(float(text) * 60)
    if minutes <= 0:
        raise DomainError(
            _("{label} must be more than 0 hours.").format(label=label),
            field=field,
            code="training.hours_not_positive",
            params={"label": label},
        )
    return minutes


def person_profiles(uow: UnitOfWork, person: Person) -> list[CredentialProfile]:
    """The profiles a person's training counts toward: a supervisee's credential (and any they
    hold); a supervisor's credentials held. Empty if none is known."""
    from supervisor_app.services.person_credentials import list_credentials

    registry: ProfileRegistry = uow.db.profiles
    codes: list[str] = []
    if person.supervisee_id is not None:
        codes.append(get_supervisee(uow, person.supervisee_id).credential)
    codes += [c.kind for c in list_credentials(uow, person=person)]
    return [registry.get(code) for code in dict.fromkeys(codes) if code in registry]


def area_choices(uow: UnitOfWork, person: Person) -> list[tuple[str, str]]:
    """(code, label) of the areas a training may count toward for this person (every
    profile's areas when none of theirs is known)."""
    profiles = person_profiles(uow, person) or list(uow.db.profiles)
    seen: dict[str, str] = {}
    for profile in profiles:
        for code in profile.training_area_codes:
            seen.setdefault(code, profile.label(code))
    return list(seen.items())


def check_training(
    uow: UnitOfWork,
    *,
    person: Person,
    date_from: str | dt.date | None,
    date_to: str | dt.date | None = None,
    title: str,
    provider: str = "",
    delivery: str = TrainingDelivery.IN_PERSON.value,
    allocations: Mapping[str, int],
    today: dt.date | None = None,
) -> TrainingValues:
    """The values as stored, or a DomainError naming the field. ``allocations``: minutes per
    area code."""
    today = today or clock.today()
    start = parse_date(date_from, field="date_from", label=N_("Start date"))
    end = (
        start
        if date_to is None or (isinstance(date_to, str) and not date_to.strip())
        else parse_date(date_to, field="date_to", label=N_("End date"))
    )
    if end < start:
        raise DomainError(
            _("End date {end} is before the start date {start}.").format(
                end=end.isoformat(), start=start.isoformat()
            ),
            field="date_to",
            code="training.dates_reversed",
            params={"end": end, "start": start},
        )
    if end > today:
        raise DomainError(
            _("End date {end} is in the future; record a training once it has taken place.").format(
                end=end.isoformat()
            ),
            field="date_to",
            code="training.in_future",
            params={"end": end},
        )
    title = clean_text(
        title, field="title", label=pgettext("training", "Title"), max_length=300, required=True
    )
    provider = clean_text(provider, field="provider", label=N_("Provider"), max_length=200)
    delivery = (delivery or "").strip().lower()
    if delivery not in {d.value for d in TrainingDelivery}:
        raise DomainError(
            _("Delivery {delivery} is not one of: in-person, online.").format(delivery=shown(delivery)),
            field="delivery",
            code="training.delivery",
            params={"delivery": delivery},
        )
    known = dict(area_choices(uow, person))
    cleaned: dict[str, int] = {}
    for code, minutes in allocations.items():
        if code not in known:
            raise DomainError(
                _("{area} is not a topic area here; use one of: {areas}.").format(
                    area=shown(code), areas=", ".join(known)
                ),
                field="areas",
                code="training.unknown_area",
                params={"area": code},
            )
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0:
            raise DomainError(
                _("{area}: hours must be a positive number.").format(area=known[code]),
                field="areas",
                code="training.area_hours_not_positive",
            )
        if minutes:
            cleaned[code] = minutes
    total = sum(cleaned.values())
    if not total:
        raise DomainError(
            _("Give the hours of at least one topic area."), field="areas", code="training.no_area"
        )
    days = (end - start).days + 1
    if total > days * MAX_MINUTES_A_DAY:
        raise DomainError(
            ngettext(
                "{hours} hours over {days} day is more than 12 hours a day; check the hours and the dates.",
                "{hours} hours over {days} days is more than 12 hours a day; check the hours and the dates.",
                days,
            ).format(hours=hours(total), days=days),
            field="areas",
            code="training.over_12_hours_a_day",
            params={"days": days},
        )
    return TrainingValues(start, end, title, provider, delivery, cleaned)


# --------------------------------------------------------------------------------------------
# Writing


def add_training(
    uow: UnitOfWork,
    *,
    person: Person,
    certificate: CertificateFile | None = None,
    today: dt.date | None = None,
    **values: Any,
) -> str:
    """Record a training (self-reported); returns its id. The caller commits."""
    person.check(uow)
    checked = check_training(uow, person=person, today=today, **values)
    entry_id = new_uuid()
    certificate_row = new_certificate_row(entry_id, certificate) if certificate is not None else None
    entry = TrainingEntry(
        id=entry_id,
        **person.columns(),
        date_from=checked.date_from,
        date_to=checked.date_to,
        title=checked.title,
        provider=checked.provider,
        delivery=checked.delivery,
        allocations=[TrainingAllocation(area_code=c, minutes=m) for c, m in checked.allocations.items()],
    )
    uow.session.add(entry)
    uow.session.flush()
    if certificate_row is not None:
        uow.session.add(certificate_row)
        uow.session.flush()
    audit.log(
        uow,
        "training-add",
        record_id=entry_id,
        supervisee_id=person.supervisee_id,
        details={"title": checked.title, "minutes": sum(checked.allocations.values())},
    )
    return entry_id


def get_training(uow: UnitOfWork, entry_id: str) -> TrainingEntry:
    text = (entry_id or "").strip().lower()
    entry = None
    if len(text) == 36:
        entry = uow.session.get(TrainingEntry, text)
    elif len(text) >= 6:
        found = list(
            uow.session.scalars(select(TrainingEntry).where(TrainingEntry.id.startswith(text)).limit(2))
        )
        if len(found) == 2:
            raise DomainError(
                _("More than one training entry starts with {id}; give more of its id.").format(id=text),
                field="entry",
                code="training.id_ambiguous",
                params={"id": text},
            )
        entry = found[0] if found else None
    if entry is None:
        raise DomainError(
            _("There is no training entry {entry_id}.").format(entry_id=shown(entry_id)),
            field="entry",
            code="training.not_found",
            params={"entry_id": entry_id},
        )
    return entry


def confirmation_of(uow: UnitOfWork, entry_id: str) -> TrainingConfirmation | None:
    return uow.session.get(TrainingConfirmation, entry_id)


_CANNOT = {
    "changed": N_("a confirmed entry cannot be changed"),
    "deleted": N_("a confirmed entry cannot be deleted"),
    "confirmed again": N_("a confirmed entry cannot be confirmed again"),
    "given another certificate": N_("a confirmed entry cannot be given another certificate"),
    "left without its certificate": N_("a confirmed entry cannot be left without its certificate"),
}
"""What a confirmed entry cannot be, for each refused ``action`` (one sentence to translate each)."""


def refuse_confirmed(uow: UnitOfWork, entry: TrainingEntry, action: str) -> None:
    if confirmation_of(uow, entry.id) is not None:
        cannot = _CANNOT.get(action) or "a confirmed entry cannot be " + action
        raise DomainError(
            _("Training {entry} ({title}) was confirmed by a supervisor; {cannot}.").format(
                entry=entry.id[:8], title=entry.title, cannot=_(cannot)
            ),
            field="entry",
            code="training.confirmed_final",
            params={"entry": entry.id, "title": entry.title, "action": action},
        )


def edit_training(uow: UnitOfWork, *, entry_id: str, today: dt.date | None = None, **values: Any) -> None:
    """Change a self-reported entry (its certificate stays). The caller commits."""
    entry = get_training(uow, entry_id)
    refuse_confirmed(uow, entry, "changed")
    person = Person(supervisee_id=entry.supervisee_id, supervisor_id=entry.supervisor_id)
    checked = check_training(uow, person=person, today=today, **values)
    before = _entry_fields(entry)
    entry.date_from, entry.date_to = checked.date_from, checked.date_to
    entry.title, entry.provider, entry.delivery = checked.title, checked.provider, checked.delivery
    entry.allocations = [TrainingAllocation(area_code=c, minutes=m) for c, m in checked.allocations.items()]
    uow.session.flush()
    audit.log(
        uow,
        "training-edit",
        record_id=entry.id,
        supervisee_id=entry.supervisee_id,
        details={"changes": audit.changes(before, _entry_fields(entry))},
    )


def _entry_fields(entry: TrainingEntry) -> dict[str, Any]:
    return {
        "date_from": entry.date_from.isoformat(),
        "date_to": entry.date_to.isoformat(),
        "title": entry.title,
        "provider": entry.provider,
        "delivery": entry.delivery,
        "areas": {a.area_code: a.minutes for a in entry.allocations},
    }


def delete_training(uow: UnitOfWork, *, entry_id: str) -> None:
    entry = get_training(uow, entry_id)
    refuse_confirmed(uow, entry, "deleted")
    audit.log(
        uow,
        "training-delete",
        record_id=entry.id,
        supervisee_id=entry.supervisee_id,
        details=_entry_fields(entry),
    )
    certificate = uow.session.get(TrainingCertificate, entry.id)
    if certificate is not None:
        uow.session.delete(certificate)
    uow.session.delete(entry)


def attach_certificate(uow: UnitOfWork, *, entry_id: str, certificate: CertificateFile) -> None:
    """Attach (or replace) the certificate of a self-reported entry. The caller commits."""
    entry = get_training(uow, entry_id)
    refuse_confirmed(uow, entry, "given another certificate")
    row = new_certificate_row(entry.id, certificate)
    old = uow.session.get(TrainingCertificate, entry.id)
    if old is not None:
        uow.session.delete(old)
        uow.session.flush()
    uow.session.add(row)
    uow.session.flush()
    audit.log(
        uow,
        "training-certificate",
        record_id=entry.id,
        supervisee_id=entry.supervisee_id,
        details={"file": row.filename, "bytes": row.size, "sha256": row.sha256},
    )


def remove_certificate(uow: UnitOfWork, *, entry_id: str) -> None:
    entry = get_training(uow, entry_id)
    refuse_confirmed(uow, entry, "left without its certificate")
    old = uow.session.get(TrainingCertificate, entry.id)
    if old is None:
        raise DomainError(
            _("Training {entry} has no certificate.").format(entry=entry.id[:8]),
            field="certificate",
            code="training.no_certificate",
            params={"entry": entry.id},
        )
    audit.log(uow, "training-certificate-removed", record_id=entry.id, supervisee_id=entry.supervisee_id,
              details={"file": old.filename, "sha256": old.sha256})  # fmt: skip
    uow.session.delete(old)


def certificate(uow: UnitOfWork, entry_id: str) -> TrainingCertificate | None:
    return uow.session.get(TrainingCertificate, get_training(uow, entry_id).id)
