"""A supervisor's confirmation of a training entry: a keyed signature over its content hash,
and the checks that every confirmation still matches the entry as stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import (
    Supervisee,
    Supervisor,
    SupervisorKey,
    TrainingCertificate,
    TrainingConfirmation,
    TrainingEntry,
    utcnow,
)
from supervisor_app.services import audit, keys, signatures
from supervisor_app.services.auth import authenticate
from supervisor_app.services.canonical import database_identity, on_postgres
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.training.entries import get_training, refuse_confirmed

CONFIRM_FORMAT = "supervisor_app/training-confirmation"
CONFIRM_ACTION = "training-confirm"
"""The audit event written with each confirmation, in the same transaction."""

SELF_REPORTED = "self-reported"
CONFIRMED = "confirmed"
BROKEN = "confirmation does not match"


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
    over its content hash. Flushed; the caller commits."""
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
    all or none. Flushed; the caller commits."""
    from supervisor_app.services.supervisors import inherited_from

    stamp = now or utcnow()
    supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password, now=stamp)
    successor_of = None
    entries = []
    for entry_id in entry_ids:
        entry = get_training(uow, entry_id)
        if entry.supervisee_id is None:
            raise DomainError(
                _(
                    "A supervisor's own training is their own record; only a supervisee's training is confirmed."
                ),
                field="entry",
                code="training.confirm_supervisor_own",
            )
        refuse_confirmed(uow, entry, "confirmed again")
        supervisee = get_supervisee(uow, entry.supervisee_id)
        if supervisee.same_person_supervisor_id == supervisor.id:
            raise DomainError(
                _("Nobody confirms their own training."), field="entry", code="training.confirm_self"
            )
        if supervisee.supervisor_id != supervisor.id:
            if successor_of is None:
                successor_of = inherited_from(uow, supervisor.id)
            if supervisee.supervisor_id not in successor_of:
                raise DomainError(
                    _("{supervisee}'s supervisor of record confirms their training; you are not.").format(
                        supervisee=supervisee.name
                    ),
                    field="entry",
                    code="training.confirm_not_supervisor",
                    params={"supervisee": supervisee.name},
                )
        if any(e.id == entry.id for e, _unused in entries):
            continue
        entries.append((entry, supervisee))
    key, private = keys.unlock(uow, supervisor.id, password, now=stamp)
    chain, _unused = database_identity(uow.raw())  # type: ignore[arg-type]
    signer = signatures.signer_of(supervisor, key=key.fingerprint)
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
    uow.flush()
    return rows


def confirmation_problem(uow: UnitOfWork, entry: TrainingEntry, row: TrainingConfirmation) -> str:
    """Empty if the confirmation holds: the key's signature over the payload, and the payload
    naming this entry with the content hash it has now."""
    key = uow.session.scalar(select(SupervisorKey).where(SupervisorKey.fingerprint == row.key_fingerprint))
    if key is None or key.supervisor_id != row.supervisor_id:
        return _("training {entry}: the key that confirmed it is not on file").format(entry=entry.id[:8])
    if not signatures.check(key.public_key, row.payload, row.signature):
        return _("training {entry}: the confirmation's signature does not verify").format(entry=entry.id[:8])
    try:
        payload = json.loads(row.payload)
    except ValueError:
        payload = None
    if not isinstance(payload, dict) or payload.get("format") != CONFIRM_FORMAT:
        return _("training {entry}: the confirmation is not a training confirmation").format(
            entry=entry.id[:8]
        )
    if payload.get("entry") != entry.id or payload.get("content_hash") != row.content_hash:
        return _("training {entry}: the confirmation names another entry or content").format(
            entry=entry.id[:8]
        )
    if content_hash(uow, entry) != row.content_hash:
        return _("training {entry} ({title}) was changed after it was confirmed").format(
            entry=entry.id[:8], title=entry.title
        )
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
    conn = uow.raw()
    sql = _CONFIRM_EVENTS_SQL.replace("CROSS JOIN", "JOIN") if on_postgres(conn) else _CONFIRM_EVENTS_SQL
    rows = conn.execute(sql, (CONFIRM_ACTION,)).fetchall()
    for event_id, at, record_id, details in sorted(rows, key=lambda row: row[0]):
        try:
            parsed = json.loads(details) if details else {}
        except (TypeError, ValueError):
            parsed = {}
        events[str(record_id)] = (event_id, str(at)[:16], parsed if isinstance(parsed, dict) else {})
    return events


def _training_name(entry_id: str, entry: TrainingEntry | None) -> str:
    if entry is None:
        return _("training {entry}").format(entry=entry_id[:8])
    return _("training {entry} ({title})").format(entry=entry_id[:8], title=entry.title)


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
        name = _training_name(row.entry_id, entry)
        event = events.get(row.entry_id)
        if event is None:
            problems.append(
                (
                    row.entry_id,
                    _("{name}: its confirmation is not in the audit trail (written outside the app)").format(
                        name=name
                    ),
                )
            )
            continue
        recorded = event[2]
        if recorded.get("content_hash") != row.content_hash or recorded.get("key") != row.key_fingerprint:
            problems.append(
                (
                    row.entry_id,
                    _(
                        "{name}: its confirmation is not the one audit event #{event} recorded "
                        "(replaced outside the app)"
                    ).format(name=name, event=event[0]),
                )
            )
            continue
        if entry is None:
            problems.append((row.entry_id, _("{name}: confirmed, but the entry is gone").format(name=name)))
            continue
        problem = confirmation_problem(uow, entry, row)
        if problem:
            problems.append((entry.id, problem))
    for entry_id, (event_id, at, _details) in events.items():
        if entry_id in confirmed:
            continue
        entry = uow.session.get(TrainingEntry, entry_id)
        params = {"name": _training_name(entry_id, entry), "at": at, "event": event_id}
        if entry is None:
            text = _(
                "{name}: the audit trail says it was confirmed on {at} (event #{event}), "
                "but the entry and its confirmation are missing"
            )
        else:
            text = _(
                "{name}: the audit trail says it was confirmed on {at} (event #{event}), "
                "but that confirmation is missing"
            )
        problems.append((entry_id, text.format(**params)))
    return problems


def check_confirmations(uow: UnitOfWork) -> list[str]:
    """Every confirmation re-checked against its entry as stored (problems, in words)."""
    return [text for _entry_id, text in confirmation_problems(uow)]
