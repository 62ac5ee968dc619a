"""Signing, voiding, and proving that nothing signed was altered.

Each signature (a :class:`~supervisor_app.models.SignOff` row) stores the SHA-256 of the
record's canonical content and a chain hash over its own fields and the previous signature's
chain hash: one chain per database, in signing order. :func:`verify` recomputes all of it
from the raw rows, so it catches an edit made straight in the SQLite file with the triggers
dropped: a changed field, a deleted row, a signature removed or reordered.

The canonical content of a record is read by one SQL query (:data:`_SESSION_SQL`,
:data:`_EXPERIENCE_SQL`) both when signing and when verifying, so the two can never disagree
about what the content is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    SignOff,
    SignOffAction,
    SupervisionSession,
    utcnow,
)
from supervisor_app.services import audit
from supervisor_app.services.auth import authenticate
from supervisor_app.services.errors import DomainError
from supervisor_app.services.records import (
    Record,
    display_status,
    find_record,
    record_kind,
    record_supervisee_ids,
)
from supervisor_app.services.validation import clean_text

GENESIS = "0" * 64

# Every field that matters, read raw from storage. Attendees and allocations come as
# group_concat strings and are sorted in Python (SQLite 3.40 has no ORDER BY in aggregates).
_SESSION_SQL = """
SELECT s.id, s.status, s.supervisor_id, s.date, s.start_time, s.minutes, s.format, s.modality,
       s.site, s.topics, s.supersedes_id, s.amendment_reason,
       (SELECT group_concat(t.supervisee_id) FROM session_attendee t WHERE t.session_id = s.id),
       (SELECT group_concat(a.domain_code || '=' || a.minutes, ';')
          FROM session_allocation a WHERE a.session_id = s.id)
FROM supervision_session s
"""
_EXPERIENCE_SQL = """
SELECT e.id, e.status, e.supervisor_id, e.period_start, e.period_end, e.supervisee_id, e.kind,
       e.setting, '', '', e.supersedes_id, e.amendment_reason, '',
       (SELECT group_concat(a.domain_code || '=' || a.minutes, ';')
          FROM experience_allocation a WHERE a.entry_id = e.id)
FROM experience_entry e
"""
_SIGN_OFF_SQL = """
SELECT seq, record_kind, record_id, action, signer_id, signed_at, reason, content_hash,
       prev_chain_hash, chain_hash
FROM sign_off
"""


def _sha256(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def content_hash(kind: str, row: Sequence[Any]) -> str:
    """SHA-256 over the canonical serialisation of one record row (see the SQL above)."""
    attendees = sorted(int(x) for x in row[12].split(",")) if row[12] else []
    allocations = sorted(row[13].split(";")) if row[13] else []
    payload = [kind, *(None if v is None else str(v) for v in row[:12]), attendees, allocations]
    # status (row[1]) is part of the row but not of the content: signing flips it.
    del payload[2]
    return _sha256(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))


def void_content_hash(record_hash: str, reason: str) -> str:
    return _sha256(json.dumps(["void", record_hash, reason], ensure_ascii=False, separators=(",", ":")))


def _stamp(value: dt.datetime | str) -> str:
    """The signed-at time exactly as SQLite stores it (naive UTC, microseconds)."""
    if isinstance(value, str):
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def chain_hash(
    *,
    prev: str,
    seq: int,
    kind: str,
    record_id: str,
    action: str,
    signer_id: int,
    signed_at: dt.datetime | str,
    reason: str,
    content: str,
) -> str:
    """The hash of one link: its own fields, its content hash and the previous link's hash."""
    fields = [prev, seq, kind, record_id, action, signer_id, _stamp(signed_at), reason, content]
    return _sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":")))


def _fetch_rows(uow: UnitOfWork, kind: RecordKind, ids: Iterable[str] | None) -> dict[str, tuple[Any, ...]]:
    sql = _SESSION_SQL if kind is RecordKind.SESSION else _EXPERIENCE_SQL
    alias = "s" if kind is RecordKind.SESSION else "e"
    conn = uow.session.connection()
    if ids is None:
        return {row[0]: tuple(row) for row in conn.exec_driver_sql(sql)}
    rows: dict[str, tuple[Any, ...]] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.exec_driver_sql(f"{sql} WHERE {alias}.id IN ({marks})", tuple(chunk)):
            rows[row[0]] = tuple(row)
    return rows


# --------------------------------------------------------------------------------------------
# Signing


@dataclass(frozen=True)
class SignResult:
    signed: list[str]
    first_seq: int
    last_seq: int


def _next_link(uow: UnitOfWork) -> tuple[int, str]:
    last = uow.session.execute(
        select(SignOff.seq, SignOff.chain_hash).order_by(SignOff.seq.desc()).limit(1)
    ).first()
    return (last[0] + 1, last[1]) if last else (1, GENESIS)


def _check_may_sign(uow: UnitOfWork, record: Record, supervisor_id: int) -> None:
    if record.supervisor_id != supervisor_id:
        raise DomainError(
            f"Record {record.id[:8]} belongs to another supervisor; only its supervisor of record can sign it.",
            field="record",
        )
    from supervisor_app.models import Supervisee

    for supervisee_id in record_supervisee_ids(record):
        supervisee = uow.session.get(Supervisee, supervisee_id)
        if supervisee is not None and supervisee.same_person_supervisor_id == supervisor_id:
            raise DomainError(
                f"Record {record.id[:8]} is your own supervised time ({supervisee.name}); nobody signs their own hours.",
                field="record",
            )


def _load_records(uow: UnitOfWork, record_ids: Sequence[str]) -> list[Record]:
    """The records for these ids (full ids in one query each kind; prefixes one by one)."""
    wanted = list(dict.fromkeys(r.strip().lower() for r in record_ids))
    found: dict[str, Record] = {}
    for model, loader in (
        (SupervisionSession, selectinload(SupervisionSession.attendees)),
        (ExperienceEntry, selectinload(ExperienceEntry.allocations)),
    ):
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for record in uow.session.scalars(select(model).options(loader).where(model.id.in_(chunk))):
                found[record.id] = record
    result: list[Record] = []
    seen: set[str] = set()
    for rid in wanted:
        record = found.get(rid) or find_record(uow, rid)
        if record.id not in seen:
            seen.add(record.id)
            result.append(record)
    return result


def pending_ids(uow: UnitOfWork, *, supervisor_id: int) -> list[str]:
    ids: list[str] = []
    for model in (SupervisionSession, ExperienceEntry):
        ids.extend(
            uow.session.scalars(
                select(model.id).where(
                    model.supervisor_id == supervisor_id, model.status == RecordStatus.PENDING
                )
            )
        )
    return ids


def sign(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    password: str,
    record_ids: Sequence[str] | None = None,
    now: dt.datetime | None = None,
) -> SignResult:
    """Sign pending records (``None``: all of this supervisor's pending records), all or none.

    The password is checked once for the batch. Commits on success.
    """
    supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password)
    if record_ids is None:
        record_ids = pending_ids(uow, supervisor_id=supervisor.id)
        if not record_ids:
            raise DomainError(f"{supervisor.name} has no pending records to sign.", field="record")
    elif not record_ids:
        raise DomainError("Choose at least one record to sign.", field="record")
    records = _load_records(uow, record_ids)
    for record in records:
        if record.status != RecordStatus.PENDING:
            raise DomainError(f"Record {record.id[:8]} is already signed.", field="record")
        _check_may_sign(uow, record, supervisor.id)
        if record.supersedes_id:
            original = find_record(uow, record.supersedes_id)
            if display_status(uow, original).value != RecordStatus.SIGNED:
                raise DomainError(
                    f"Record {record.id[:8]} amends {original.id[:8]}, which was replaced or voided since.",
                    field="record",
                )
    # Order the batch by date so the chain reads chronologically.
    records.sort(key=lambda r: (r.date if isinstance(r, SupervisionSession) else r.period_start, r.id))
    stamp = now or utcnow()
    seq, prev = _next_link(uow)
    first = seq
    uow.flush()
    by_kind: dict[RecordKind, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record_kind(record), []).append(record)
    hashes: dict[str, str] = {}
    for kind, items in by_kind.items():
        rows = _fetch_rows(uow, kind, [r.id for r in items])
        for record in items:
            hashes[record.id] = content_hash(kind.value, rows[record.id])
    links = []
    for record in records:
        kind = record_kind(record)
        link = chain_hash(
            prev=prev,
            seq=seq,
            kind=kind.value,
            record_id=record.id,
            action=SignOffAction.SIGN.value,
            signer_id=supervisor.id,
            signed_at=stamp,
            reason="",
            content=hashes[record.id],
        )
        links.append(
            {
                "seq": seq,
                "record_kind": kind.value,
                "record_id": record.id,
                "action": SignOffAction.SIGN.value,
                "signer_id": supervisor.id,
                "signed_at": stamp,
                "reason": "",
                "content_hash": hashes[record.id],
                "prev_chain_hash": prev,
                "chain_hash": link,
            }
        )
        prev = link
        seq += 1
    uow.session.execute(SignOff.__table__.insert(), links)
    for kind, items in by_kind.items():
        model = SupervisionSession if kind is RecordKind.SESSION else ExperienceEntry
        ids = [r.id for r in items]
        for start in range(0, len(ids), 500):
            uow.session.execute(
                model.__table__.update()
                .where(model.id.in_(ids[start : start + 500]))
                .values(status=RecordStatus.SIGNED.value, updated_at=stamp)
            )
    audit_rows = []
    for record in records:
        for supervisee_id in record_supervisee_ids(record):
            audit_rows.append({"record_id": record.id, "supervisee_id": supervisee_id})
    _bulk_audit(uow, audit.AuditAction.SIGN, audit_rows, stamp)
    uow.commit()
    for record in records:
        uow.session.expire(record, ["status", "updated_at"])
    return SignResult(signed=[r.id for r in records], first_seq=first, last_seq=seq - 1)


def _bulk_audit(uow: UnitOfWork, action: str, rows: list[dict[str, Any]], at: dt.datetime) -> None:
    from supervisor_app.models import AuditEvent

    if rows:
        uow.session.execute(
            AuditEvent.__table__.insert(),
            [{"at": at, "actor": uow.actor, "action": action, "details": "", **row} for row in rows],
        )


def void(
    uow: UnitOfWork,
    *,
    record_id: str,
    reason: str,
    supervisor_id: int,
    password: str,
    now: dt.datetime | None = None,
) -> SignOff:
    """Withdraw a signed record with a reason; the void is itself a signed link. Commits."""
    supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password)
    reason = clean_text(reason, field="reason", label="Reason for the void", max_length=1000, required=True)
    record = find_record(uow, record_id)
    status = display_status(uow, record)
    if status.value == RecordStatus.PENDING:
        raise DomainError(
            f"Record {record.id[:8]} is not signed yet; delete it instead of voiding it.",
            field="record",
        )
    if status.value != RecordStatus.SIGNED:
        raise DomainError(
            f"Record {record.id[:8]} is already {status.value}; it cannot be voided.",
            field="record",
        )
    _check_may_sign(uow, record, supervisor.id)
    kind = record_kind(record)
    row = _fetch_rows(uow, kind, [record.id])[record.id]
    content = void_content_hash(content_hash(kind.value, row), reason)
    stamp = now or utcnow()
    seq, prev = _next_link(uow)
    link = SignOff(
        seq=seq,
        record_kind=kind.value,
        record_id=record.id,
        action=SignOffAction.VOID.value,
        signer_id=supervisor.id,
        signed_at=stamp,
        reason=reason,
        content_hash=content,
        prev_chain_hash=prev,
        chain_hash=chain_hash(
            prev=prev,
            seq=seq,
            kind=kind.value,
            record_id=record.id,
            action=SignOffAction.VOID.value,
            signer_id=supervisor.id,
            signed_at=stamp,
            reason=reason,
            content=content,
        ),
    )
    uow.session.add(link)
    for supervisee_id in record_supervisee_ids(record):
        audit.log(
            uow,
            audit.AuditAction.VOID,
            record_id=record.id,
            supervisee_id=supervisee_id,
            details={"reason": reason},
        )
    uow.commit()
    return link


# --------------------------------------------------------------------------------------------
# Verify


@dataclass(frozen=True)
class Problem:
    record_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.record_id}: {self.message}"


@dataclass
class VerifyReport:
    records_checked: int
    signatures_checked: int
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def bad_record_ids(self) -> set[str]:
        return {p.record_id for p in self.problems}


class RecordsFailVerification(Exception):
    """Records that fail verification were about to be used (progress, printing)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            "These records fail verification (they were changed outside the app after signing), "
            f"so they are not used:\n{lines}{more}\nRun 'verify' for the full report."
        )


def verify(
    uow: UnitOfWork,
    *,
    record_ids: Iterable[str] | None = None,
    progress: Any = None,
) -> VerifyReport:
    """Recompute every content hash and the whole chain (or only what ``record_ids`` touch).

    ``progress(done, total)`` is called now and then for a progress bar.
    """
    conn = uow.session.connection()
    problems: list[Problem] = []
    subset = None if record_ids is None else set(record_ids)

    if subset is None:
        links = [tuple(r) for r in conn.exec_driver_sql(_SIGN_OFF_SQL + " ORDER BY seq")]
    else:
        links = []
        ids = list(subset)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            links.extend(
                tuple(r)
                for r in conn.exec_driver_sql(
                    _SIGN_OFF_SQL + f" WHERE record_id IN ({','.join('?' * len(chunk))})",
                    tuple(chunk),
                )
            )
        links.sort()

    # 1. The chain: each link's own hash, and its link to the one before it.
    predecessors: dict[int, str] = {}
    if subset is not None and links:
        wanted = [link[0] - 1 for link in links if link[0] > 1]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for seq, chain in conn.exec_driver_sql(
                f"SELECT seq, chain_hash FROM sign_off WHERE seq IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            ):
                predecessors[seq + 1] = chain
    prev_seq, prev_chain = 0, GENESIS
    for seq, kind, rid, action, signer, signed_at, reason, content, prev, chain in links:
        if subset is None:
            if seq != prev_seq + 1:
                problems.append(
                    Problem(
                        rid,
                        f"signature #{seq} follows #{prev_seq}: signatures in between are missing",
                    )
                )
            expected_prev = prev_chain
        else:
            expected_prev = predecessors.get(seq, GENESIS if seq == 1 else "(missing)")
        if prev != expected_prev:
            problems.append(
                Problem(
                    rid,
                    f"signature #{seq} does not link to the signature before it (chain broken: a signature was removed, added or reordered)",
                )
            )
        recomputed = chain_hash(
            prev=prev,
            seq=seq,
            kind=kind,
            record_id=rid,
            action=action,
            signer_id=signer,
            signed_at=signed_at,
            reason=reason,
            content=content,
        )
        if recomputed != chain:
            problems.append(
                Problem(rid, f"signature #{seq} was altered (its signer, time, reason or hash changed)")
            )
        prev_seq, prev_chain = seq, chain

    # 2. Every record: signed ones must match their signature; signatures must have records.
    signs: dict[str, tuple[Any, ...]] = {}
    voids: dict[str, tuple[Any, ...]] = {}
    for link in links:
        (signs if link[3] == SignOffAction.SIGN.value else voids)[link[2]] = link
    checked = 0
    seen: set[str] = set()
    if subset is not None:
        total = len(subset)
    else:
        total = sum(
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in ("supervision_session", "experience_entry")
        )
    for kind in (RecordKind.SESSION, RecordKind.EXPERIENCE):
        rows = _fetch_rows(uow, kind, subset)
        for rid, row in rows.items():
            seen.add(rid)
            checked += 1
            if progress is not None and checked % 20_000 == 0:
                progress(checked, total)
            status = row[1]
            link = signs.get(rid)
            if status == RecordStatus.PENDING.value:
                if link is not None:
                    problems.append(
                        Problem(rid, f"was signed (signature #{link[0]}) but is marked pending again")
                    )
                continue
            if status != RecordStatus.SIGNED.value:
                problems.append(Problem(rid, f"has an unknown status {status!r}"))
                continue
            if link is None:
                problems.append(Problem(rid, "is marked signed but has no signature"))
                continue
            if link[1] != kind.value:
                problems.append(Problem(rid, f"signature #{link[0]} is for a {link[1]}, not a {kind.value}"))
            digest = content_hash(kind.value, row)
            if digest != link[7]:
                problems.append(Problem(rid, f"content changed after it was signed (signature #{link[0]})"))
            voided = voids.get(rid)
            if voided is not None and void_content_hash(digest, voided[6]) != voided[7]:
                problems.append(Problem(rid, f"void #{voided[0]} no longer matches the record or its reason"))
    for rid, link in signs.items():
        if rid not in seen:
            problems.append(
                Problem(rid, f"was signed (signature #{link[0]}) but the record has been deleted")
            )
    for rid, link in voids.items():
        if rid not in seen:
            problems.append(Problem(rid, f"was voided (#{link[0]}) but the record has been deleted"))
    if progress is not None:
        progress(total, total)
    return VerifyReport(records_checked=checked, signatures_checked=len(links), problems=problems)


def require_verified(uow: UnitOfWork, record_ids: Iterable[str]) -> None:
    """Raise :class:`RecordsFailVerification` if any of these records fail verification."""
    ids = list(record_ids)
    if not ids:
        return
    report = verify(uow, record_ids=ids)
    if not report.ok:
        raise RecordsFailVerification(report.problems)


def signature_count(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.count()).select_from(SignOff)) or 0


__all__ = [
    "Problem",
    "RecordsFailVerification",
    "SignResult",
    "VerifyReport",
    "chain_hash",
    "content_hash",
    "pending_ids",
    "require_verified",
    "sign",
    "verify",
    "void",
]
