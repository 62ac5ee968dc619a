"""Training and education hours, their certificates, a supervisor's confirmation, and the
progress they make toward a credential's education and toward its renewal (CEUs).

A training entry belongs to one person (a supervisee, or a supervisor for their own CEUs): its
dates, title, provider, delivery, and its minutes per topic area (a profile's domains and
training areas). The certificate (PDF, PNG or JPEG, at most :data:`MAX_CERTIFICATE_BYTES`) is
stored inside the database, so a backup carries it.

An entry is *self-reported* until a supervisor of the supervisee confirms it: the confirmation
is a keyed signature (the supervisor's Ed25519 key, opened with their password, as for
records) over a payload naming the entry's content hash, which covers every field, the areas
and the certificate's SHA-256. A confirmed entry never changes (triggers);
:func:`check_confirmations` re-checks every confirmation against the entry as stored.

Education counts every entry (confirmed or self-reported; the self-reported share is named):
the board asks for certificates, not a supervisor's word. A renewal counts the entries that
ended in the ``period_years`` before the credential expires.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    Supervisee,
    Supervisor,
    SupervisorKey,
    TrainingAllocation,
    TrainingCertificate,
    TrainingConfirmation,
    TrainingDelivery,
    TrainingEntry,
    new_uuid,
    utcnow,
)
from supervisor_app.services import audit, keys, signatures
from supervisor_app.services.auth import authenticate
from supervisor_app.services.canonical import database_identity
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.profiles import CredentialProfile, ProfileRegistry
from supervisor_app.services.validation import clean_text, parse_date, shown
from supervisor_app.units import hours

MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024
"""A certificate is a scan or a PDF of a page or two; 5 MB keeps backups small."""
MAX_MINUTES_A_DAY = 12 * 60
"""No entry holds more than 12 hours a day of its dates (the app's rule for any entry)."""
CONFIRM_FORMAT = "supervisor_app/training-confirmation"
CONFIRM_ACTION = "training-confirm"
"""The audit event written with each confirmation, in the same transaction."""

SELF_REPORTED = "self-reported"
CONFIRMED = "confirmed"
BROKEN = "confirmation does not match"

_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


# --------------------------------------------------------------------------------------------
# Certificates


def _too_large(filename: str, size: int, what: str, field: str) -> DomainError:
    return DomainError(
        f"{filename} is {size / 1024 / 1024:.1f} MB; a {what} may be at most "
        f"{MAX_CERTIFICATE_BYTES // 1024 // 1024} MB. Scan it at a lower resolution or save it as a smaller PDF.",
        field=field,
    )


def certificate_type(
    filename: str, data: bytes, *, what: str = "certificate", field: str = "certificate"
) -> str:
    """The media type of a certificate (by its first bytes, not its name), or a DomainError.
    Any file kept in the database this way (a job description too: ``what``) is checked here."""
    if not data:
        raise DomainError(f"{filename} is empty; choose the {what} file itself.", field=field)
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise _too_large(filename, len(data), what, field)
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    raise DomainError(
        f"{filename} is not a PDF, PNG or JPEG file; save the {what} as one of those.",
        field=field,
    )


def read_certificate_file(
    path: str | Path, *, what: str = "certificate", field: str = "certificate"
) -> CertificateFile:
    """A certificate on disk, checked; a too-large one is refused before it is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_CERTIFICATE_BYTES:
            raise _too_large(path.name, size, what, field)
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(f"Cannot read {path}: {exc.strerror or exc}.", field=field) from None
    certificate_type(path.name, data, what=what, field=field)
    return CertificateFile(path.name, data)


@dataclass(frozen=True)
class CertificateFile:
    filename: str
    data: bytes


def _certificate_row(entry_id: str, certificate: CertificateFile) -> TrainingCertificate:
    name = clean_text(
        certificate.filename, field="certificate", label="Certificate file name", max_length=255
    )
    media_type = certificate_type(name or "The certificate", certificate.data)
    return TrainingCertificate(
        entry_id=entry_id,
        filename=name or "certificate",
        media_type=media_type,
        size=len(certificate.data),
        sha256=hashlib.sha256(certificate.data).hexdigest(),
        data=certificate.data,
        added_at=utcnow(),
    )


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
        raise DomainError(f"{label} must be a number of hours.", field=field)
    if isinstance(value, int | float):
        text = f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    else:
        text = str(value or "").strip().replace(",", ".")
    if not text:
        raise DomainError(f"{label} is required.", field=field)
    if not _HOURS.match(text):
        raise DomainError(
            f"{label} {shown(value)} is not a number of hours; write it as e.g. 1.5.", field=field
        )
    minutes = round(float(text) * 60)
    if minutes <= 0:
        raise DomainError(f"{label} must be more than 0 hours.", field=field)
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
    today = today or dt.date.today()
    start = parse_date(date_from, field="date_from", label="Start date")
    end = (
        start
        if date_to is None or (isinstance(date_to, str) and not date_to.strip())
        else parse_date(date_to, field="date_to", label="End date")
    )
    if end < start:
        raise DomainError(
            f"End date {end.isoformat()} is before the start date {start.isoformat()}.", field="date_to"
        )
    if end > today:
        raise DomainError(
            f"End date {end.isoformat()} is in the future; record a training once it has taken place.",
            field="date_to",
        )
    title = clean_text(title, field="title", label="Title", max_length=300, required=True)
    provider = clean_text(provider, field="provider", label="Provider", max_length=200)
    delivery = (delivery or "").strip().lower()
    if delivery not in {d.value for d in TrainingDelivery}:
        raise DomainError(f"Delivery {shown(delivery)} is not one of: in-person, online.", field="delivery")
    known = dict(area_choices(uow, person))
    cleaned: dict[str, int] = {}
    for code, minutes in allocations.items():
        if code not in known:
            raise DomainError(
                f"{shown(code)} is not a topic area here; use one of: {', '.join(known)}.", field="areas"
            )
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0:
            raise DomainError(f"{known[code]}: hours must be a positive number.", field="areas")
        if minutes:
            cleaned[code] = minutes
    total = sum(cleaned.values())
    if not total:
        raise DomainError("Give the hours of at least one topic area.", field="areas")
    days = (end - start).days + 1
    if total > days * MAX_MINUTES_A_DAY:
        raise DomainError(
            f"{hours(total)} hours over {days} day{'s' if days != 1 else ''} is more than 12 hours a day; "
            "check the hours and the dates.",
            field="areas",
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
    certificate_row = _certificate_row(entry_id, certificate) if certificate is not None else None
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
                f"More than one training entry starts with {text}; give more of its id.", field="entry"
            )
        entry = found[0] if found else None
    if entry is None:
        raise DomainError(f"There is no training entry {shown(entry_id)}.", field="entry")
    return entry


def confirmation_of(uow: UnitOfWork, entry_id: str) -> TrainingConfirmation | None:
    return uow.session.get(TrainingConfirmation, entry_id)


def _refuse_confirmed(uow: UnitOfWork, entry: TrainingEntry, action: str) -> None:
    if confirmation_of(uow, entry.id) is not None:
        raise DomainError(
            f"Training {entry.id[:8]} ({entry.title}) was confirmed by a supervisor; a confirmed entry "
            f"cannot be {action}.",
            field="entry",
        )


def edit_training(uow: UnitOfWork, *, entry_id: str, today: dt.date | None = None, **values: Any) -> None:
    """Change a self-reported entry (its certificate stays). The caller commits."""
    entry = get_training(uow, entry_id)
    _refuse_confirmed(uow, entry, "changed")
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
    _refuse_confirmed(uow, entry, "deleted")
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
    _refuse_confirmed(uow, entry, "given another certificate")
    row = _certificate_row(entry.id, certificate)
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
    _refuse_confirmed(uow, entry, "left without its certificate")
    old = uow.session.get(TrainingCertificate, entry.id)
    if old is None:
        raise DomainError(f"Training {entry.id[:8]} has no certificate.", field="certificate")
    audit.log(uow, "training-certificate-removed", record_id=entry.id, supervisee_id=entry.supervisee_id,
              details={"file": old.filename, "sha256": old.sha256})  # fmt: skip
    uow.session.delete(old)


def certificate(uow: UnitOfWork, entry_id: str) -> TrainingCertificate | None:
    return uow.session.get(TrainingCertificate, get_training(uow, entry_id).id)


# --------------------------------------------------------------------------------------------
# Confirmation


def content_hash(uow: UnitOfWork, entry: TrainingEntry) -> str:
    """SHA-256 over the entry as stored: the person (global id), every field, the areas and the
    certificate's SHA-256 ("" without one)."""
    if entry.supervisee_id is not None:
        person = ["supervisee", uow.session.get(Supervisee, entry.supervisee_id).global_id]  # type: ignore[union-attr]
    else:
        person = ["supervisor", uow.session.get(Supervisor, entry.supervisor_id).global_id]  # type: ignore[union-attr]
    cert = uow.session.get(TrainingCertificate, entry.id)
    content = [
        "training",
        1,
        entry.id,
        person,
        entry.date_from.isoformat(),
        entry.date_to.isoformat(),
        entry.title,
        entry.provider,
        entry.delivery,
        sorted([a.area_code, a.minutes] for a in entry.allocations),
        hashlib.sha256(cert.data).hexdigest() if cert is not None else "",
    ]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def confirm_training(
    uow: UnitOfWork,
    *,
    entry_id: str,
    supervisor_id: int,
    password: str,
    now: dt.datetime | None = None,
) -> TrainingConfirmation:
    """A supervisor confirms a supervisee's training entry with their key: a keyed signature
    over its content hash. Commits."""
    [row] = confirm_trainings(
        uow, entry_ids=[entry_id], supervisor_id=supervisor_id, password=password, now=now
    )
    return row


def confirm_trainings(
    uow: UnitOfWork,
    *,
    entry_ids: Sequence[str],
    supervisor_id: int,
    password: str,
    now: dt.datetime | None = None,
) -> list[TrainingConfirmation]:
    """Several entries confirmed at once: the password checked and the key opened once (each
    is argon2 work), then each entry checked and confirmed as :func:`confirm_training` does,
    all or none. Commits."""
    from supervisor_app.services.supervisors import inherited_from

    stamp = now or utcnow()
    supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password, now=stamp)
    successor_of = None
    entries = []
    for entry_id in entry_ids:
        entry = get_training(uow, entry_id)
        if entry.supervisee_id is None:
            raise DomainError(
                "A supervisor's own training is their own record; only a supervisee's training is confirmed.",
                field="entry",
            )
        _refuse_confirmed(uow, entry, "confirmed again")
        supervisee = get_supervisee(uow, entry.supervisee_id)
        if supervisee.same_person_supervisor_id == supervisor.id:
            raise DomainError("Nobody confirms their own training.", field="entry")
        if supervisee.supervisor_id != supervisor.id:
            if successor_of is None:
                successor_of = inherited_from(uow, supervisor.id)
            if supervisee.supervisor_id not in successor_of:
                raise DomainError(
                    f"{supervisee.name}'s supervisor of record confirms their training; you are not.",
                    field="entry",
                )
        if any(e.id == entry.id for e, _ in entries):
            continue
        entries.append((entry, supervisee))
    key, private = keys.unlock(uow, supervisor.id, password, now=stamp)
    chain, _ = database_identity(uow.session.connection().connection.driver_connection)  # type: ignore[arg-type]
    signer = signatures.signer_identity(
        global_id=supervisor.global_id,
        name=supervisor.name,
        credentials=supervisor.credentials,
        icb_number=supervisor.icb_number,
        license_type=supervisor.license_type,
        license_number=supervisor.license_number,
        key=key.fingerprint,
    )
    rows = []
    for entry, supervisee in entries:
        digest = content_hash(uow, entry)
        payload = {
            "format": CONFIRM_FORMAT,
            "version": 1,
            "chain": chain or "",
            "entry": entry.id,
            "content_hash": digest,
            "confirmed_at": stamp.astimezone(dt.UTC).isoformat(),
            "signer": signer,
            "supervisee": signatures.supervisee_identity(
                global_id=supervisee.global_id,
                name=supervisee.name,
                icb_id=supervisee.icb_id,
                credential=supervisee.credential,
            ),
            "audit_head": audit.chain_head(uow),
        }
        row = TrainingConfirmation(
            entry_id=entry.id,
            supervisor_id=supervisor.id,
            confirmed_at=stamp,
            content_hash=digest,
            key_fingerprint=key.fingerprint,
            payload=signatures.payload_text(payload),
            signature=signatures.sign_payload(private, payload),
        )
        uow.session.add(row)
        uow.session.flush()
        audit.log(
            uow,
            CONFIRM_ACTION,
            record_id=entry.id,
            supervisee_id=entry.supervisee_id,
            details={"content_hash": digest, "key": key.fingerprint},
        )
        rows.append(row)
    uow.commit()
    return rows


def confirmation_problem(uow: UnitOfWork, entry: TrainingEntry, row: TrainingConfirmation) -> str:
    """Empty if the confirmation holds: the key's signature over the payload, and the payload
    naming this entry with the content hash it has now."""
    key = uow.session.scalar(select(SupervisorKey).where(SupervisorKey.fingerprint == row.key_fingerprint))
    if key is None or key.supervisor_id != row.supervisor_id:
        return f"training {entry.id[:8]}: the key that confirmed it is not on file"
    if not signatures.check(key.public_key, row.payload, row.signature):
        return f"training {entry.id[:8]}: the confirmation's signature does not verify"
    try:
        payload = json.loads(row.payload)
    except ValueError:
        payload = None
    if not isinstance(payload, dict) or payload.get("format") != CONFIRM_FORMAT:
        return f"training {entry.id[:8]}: the confirmation is not a training confirmation"
    if payload.get("entry") != entry.id or payload.get("content_hash") != row.content_hash:
        return f"training {entry.id[:8]}: the confirmation names another entry or content"
    if content_hash(uow, entry) != row.content_hash:
        return f"training {entry.id[:8]} ({entry.title}) was changed after it was confirmed"
    return ""


# Through the (supervisee_id, action, record_id) index: one seek per supervisee, not a scan of
# the whole trail (every confirmation's event names the supervisee of its entry).
_CONFIRM_EVENTS_SQL = (
    "SELECT a.id, a.at, a.record_id, a.details FROM supervisee AS s "
    "CROSS JOIN audit_event AS a ON a.supervisee_id = s.id AND a.action = ?"
)  # CROSS JOIN: supervisees outside (SQLite keeps the order); sorted by event id here


def _confirm_events(uow: UnitOfWork) -> dict[str, tuple[int, str, dict[str, Any]]]:
    """Entry id -> (event id, when, details) of the newest ``training-confirm`` audit event."""
    events: dict[str, tuple[int, str, dict[str, Any]]] = {}
    rows = uow.session.connection().exec_driver_sql(_CONFIRM_EVENTS_SQL, (CONFIRM_ACTION,))
    for event_id, at, record_id, details in sorted(rows, key=lambda row: row[0]):
        try:
            parsed = json.loads(details) if details else {}
        except (TypeError, ValueError):
            parsed = {}
        events[str(record_id)] = (event_id, str(at)[:16], parsed if isinstance(parsed, dict) else {})
    return events


def confirmation_problems(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(entry id, problem in words) for every confirmation that no longer holds: re-checked
    against its entry as stored, and against the audit trail. ``verify`` reports them.

    Confirmations are not links of the sign-off chain; the audit trail is their proof of
    existence (its hash chain is checked by ``verify``): each confirmation is written with a
    ``training-confirm`` event naming the entry, its content hash and the key. So a
    confirmation deleted while its event remains, a confirmation with no event (written
    outside the app), and one whose content hash or key is not the one its event recorded are
    each named, as is an entry changed after it was confirmed."""
    problems = []
    events = _confirm_events(uow)
    rows = list(uow.session.scalars(select(TrainingConfirmation).order_by(TrainingConfirmation.confirmed_at)))
    confirmed = set()
    for row in rows:
        confirmed.add(row.entry_id)
        entry = uow.session.get(TrainingEntry, row.entry_id)
        name = f"training {row.entry_id[:8]}" + (f" ({entry.title})" if entry is not None else "")
        event = events.get(row.entry_id)
        if event is None:
            problems.append(
                (
                    row.entry_id,
                    f"{name}: its confirmation is not in the audit trail (written outside the app)",
                )
            )
            continue
        recorded = event[2]
        if recorded.get("content_hash") != row.content_hash or recorded.get("key") != row.key_fingerprint:
            problems.append(
                (
                    row.entry_id,
                    f"{name}: its confirmation is not the one audit event #{event[0]} recorded "
                    "(replaced outside the app)",
                )
            )
            continue
        if entry is None:
            problems.append((row.entry_id, f"{name}: confirmed, but the entry is gone"))
            continue
        problem = confirmation_problem(uow, entry, row)
        if problem:
            problems.append((entry.id, problem))
    for entry_id, (event_id, at, _details) in events.items():
        if entry_id in confirmed:
            continue
        entry = uow.session.get(TrainingEntry, entry_id)
        if entry is None:
            what = "but the entry and its confirmation are missing"
        else:
            what = "but that confirmation is missing"
        name = f"training {entry_id[:8]}" + (f" ({entry.title})" if entry is not None else "")
        problems.append(
            (entry_id, f"{name}: the audit trail says it was confirmed on {at} (event #{event_id}), {what}")
        )
    return problems


def check_confirmations(uow: UnitOfWork) -> list[str]:
    """Every confirmation re-checked against its entry as stored (problems, in words)."""
    return [text for _entry_id, text in confirmation_problems(uow)]


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
    word: str,
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
            f"{result.title} needs {hours(result.required_minutes - result.done_minutes)} more {word} hours "
            f"({hours(result.done_minutes)} of {hours(result.required_minutes)})."
        )
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
            result.missing.append(
                f"{part.label} needs {hours(part.missing_minutes)} more {word} hours "
                f"({hours(done)} of {hours(part.required_minutes)})."
            )
    if result.self_reported_minutes and confirmable:
        result.notes.append(
            f"{hours(result.self_reported_minutes)} of these hours are self-reported (not confirmed by a supervisor)."
        )
    for part in result.parts:
        if part.verify:
            result.notes.append(f"Verify with the board: {part.label} ({part.source}).")


def education_progress(profile: CredentialProfile, rows: Iterable[TrainingRow]) -> HoursProgress:
    """Education toward the credential, from every training entry of the person."""
    education = profile.education
    result = HoursProgress(title="Education", required_minutes=education.total_hours * 60)
    if not education.total_hours and not profile.education_requirements:
        result.notes.append(f"No education hours are counted for the {profile.code}: {education.detail}.")
        return result
    _tally(result, profile, rows, profile.education_requirements, "education")
    if education.verify:
        result.notes.append(f"Verify with the board: the education figures ({education.source}).")
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
    result = HoursProgress(title=f"{kind} renewal", required_minutes=renewal.total_minutes.value)
    if expires_on is None:
        result.missing.append(f"{kind} renewal: record the expiry date to count CEUs toward it.")
        return result
    start, end = renewal_period(expires_on, renewal.period_years.value)
    result.period = (start, end)
    _tally(
        result, profile, [r for r in rows if start <= r.date_to <= end], renewal.topics, "CEU", confirmable
    )
    for rule in (renewal.period_years, renewal.total_minutes):
        if rule.verify:
            result.notes.append(f"Verify with the board: {rule.source}.")
    return result


def training_json(uow: UnitOfWork, *, person: Person, today: dt.date | None = None) -> dict[str, Any]:
    """What ``training list --json`` prints: entries, education and renewals."""
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
