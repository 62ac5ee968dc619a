"""The append-only audit trail: who did what to which record, and when (UTC).

Events are hash-chained (:mod:`supervisor_app.services.trails`): every writer goes through
:func:`append_events` (one event: :func:`log`), which numbers and hashes them as it inserts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import AuditEvent, ExperienceEntry, SupervisionSession, utcnow
from supervisor_app.services import trails, verified


class AuditAction:
    CREATE = "create"
    EDIT = "edit"
    DELETE_PENDING = "delete-pending"
    SIGN = "sign"
    AMEND = "amend"
    VOID = "void"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    BACKUP = "backup"
    RESTORE = "restore"
    FAILED_SIGN_IN = "failed-sign-in"
    LOCKED = "locked"
    PASSWORD_CHANGED = "password-changed"
    REVIEW_START = "review-start"
    REVIEW_END = "review-end"
    SYNC_CONFLICT = "sync-conflict"  # a person edited in two databases: the losing value (person_merge)


def log(
    uow: UnitOfWork,
    action: str,
    *,
    record_id: str | None = None,
    supervisee_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Add one event to the trail, in the caller's transaction."""
    append_events(
        uow,
        [
            {
                "actor": uow.actor,
                "action": action,
                "record_id": record_id,
                "supervisee_id": supervisee_id,
                "details": details_text(details),
            }
        ],
    )


def append_events(uow: UnitOfWork, events: list[dict[str, Any]]) -> list[int]:
    """Add events to the trail, in order, in the caller's transaction: the one way events are
    written (it chains them). Each is a dict of ``action`` and any of ``at`` (default now),
    ``actor`` (default the unit of work's), ``record_id``, ``supervisee_id``, ``details``
    (text, default ""). Returns their ids.

    On a database opened read-only nothing can be recorded: nothing is written (as before the
    chain, when an event added there was dropped with the uncommitted transaction)."""
    if getattr(uow.db, "readonly", False):
        return []
    verified.note_events(uow, events)  # whose records this transaction touches
    now = utcnow()
    return trails.append(
        uow,
        trails.AUDIT,
        [
            {
                "at": event.get("at") or now,
                "actor": event.get("actor") or uow.actor,
                "action": event["action"],
                "record_id": event.get("record_id"),
                "supervisee_id": event.get("supervisee_id"),
                "details": event.get("details") or "",
            }
            for event in events
        ],
    )


def chain_head(uow: UnitOfWork) -> dict[str, Any] | None:
    """``{"id", "hash"}`` of the newest audit event (what a signing batch signs), or None."""
    row = uow.session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    return {"id": row[0], "hash": row[1]} if row else None


def print_chain_head(uow: UnitOfWork) -> dict[str, Any] | None:
    """``{"id", "hash"}`` of the newest print record (attestation row), or None."""
    from supervisor_app.models import Attestation

    row = uow.session.execute(
        select(Attestation.id, Attestation.hash).order_by(Attestation.id.desc()).limit(1)
    ).first()
    return {"id": row[0], "hash": row[1]} if row else None


def details_text(details: dict[str, Any] | None) -> str:
    """How an event's details are stored: sorted JSON, dates as ISO text."""
    return json.dumps(details, sort_keys=True, default=str) if details else ""


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """What an edit changed, for an event's details: ``{"before": {...}, "after": {...}}``
    holding only the fields whose value differs (empty when nothing changed)."""
    changed = [key for key in after if before.get(key) != after[key]]
    if not changed:
        return {}
    return {
        "before": {key: before.get(key) for key in changed},
        "after": {key: after[key] for key in changed},
    }


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    record_id: str | None
    supervisee_id: int | None
    details: str


def list_events(
    uow: UnitOfWork,
    *,
    record_id: str | None = None,
    supervisee_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[AuditEntry]:
    """The trail, newest first, optionally for one record (prefix allowed) or supervisee."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if record_id:
        query = query.where(
            or_(AuditEvent.record_id == record_id, AuditEvent.record_id.startswith(record_id))
        )
    if supervisee_id is not None:
        query = query.where(AuditEvent.supervisee_id == supervisee_id)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [
        AuditEntry(e.id, e.at, e.actor, e.action, e.record_id, e.supervisee_id, e.details)
        for e in uow.session.scalars(query)
    ]


# --------------------------------------------------------------------------------------------
# Showing the trail in words (names and dates instead of ids)

_UUID_LENGTH = 36


def short_record_id(record_id: str | None) -> str:
    """A record id as a column shows it: a record's UUID by its first 8 characters (as on the
    printed forms), anything else (a form's serial number) whole."""
    if not record_id:
        return ""
    return record_id[:8] if len(record_id) == _UUID_LENGTH and record_id.count("-") == 4 else record_id


@dataclass(frozen=True)
class RecordRef:
    """What a record id in the trail stands for: a session (one date) or an experience entry."""

    kind: str  # "session" | "experience"
    start: dt.date
    end: dt.date


def referenced_ids(entry: AuditEntry) -> set[str]:
    """The record ids an event names: its own, and those in its details."""
    ids = {entry.record_id} if entry.record_id else set()
    try:
        details = json.loads(entry.details) if entry.details else {}
    except ValueError:
        return ids
    if not isinstance(details, dict):
        return ids
    for key in ("amends", "id"):
        if isinstance(details.get(key), str):
            ids.add(details[key])
    for nested in ("before", "deleted"):
        if isinstance(details.get(nested), dict) and isinstance(details[nested].get("id"), str):
            ids.add(details[nested]["id"])
    if isinstance(details.get("records"), list):
        ids.update(r for r in details["records"] if isinstance(r, str))
    return {rid for rid in ids if len(rid) == _UUID_LENGTH}


def record_refs(uow: UnitOfWork, record_ids: set[str]) -> dict[str, RecordRef]:
    """The kind and dates of each of ``record_ids`` that still exists (one page's worth)."""
    found: dict[str, RecordRef] = {}
    ids = sorted(record_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        S, E = SupervisionSession, ExperienceEntry
        for rid, day in uow.session.execute(select(S.id, S.date).where(S.id.in_(chunk))):
            found[rid] = RecordRef("session", day, day)
        for rid, first, last in uow.session.execute(
            select(E.id, E.period_start, E.period_end).where(E.id.in_(chunk))
        ):
            found[rid] = RecordRef("experience", first, last)
    return found
