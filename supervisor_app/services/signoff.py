"""Signing, voiding, and proving that nothing signed was altered.

Each signature (a :class:`~supervisor_app.models.SignOff` row) stores the SHA-256 of the
record's canonical content and a chain hash over its own fields and the previous signature's
chain hash: one chain per database, in signing order. :func:`verify` recomputes all of it
from the raw rows, so it catches an edit made straight in the SQLite file with the triggers
dropped: a changed field, a deleted row, a signature removed, repeated or reordered.

The canonical content of a record is read by the same code (:func:`read_records`) both when
signing and when verifying, so the two can never disagree about what the content is. It is
JSON over the record's fields, its attendees and its domain allocations, each read as the
typed value SQLite stores and never re-parsed from text, so no two different stored records
serialise alike: an allocation whose domain code contains ``=``, an attendee id stored as the
text ``'1,2'``, a blob where text was, each change the hash.

Speed: :func:`verify` must check at least 100,000 records a second. A whole database (of at
least ``_PARALLEL_MIN_RECORDS`` records, in a file) is hashed by two worker processes, one
per kind of record, each on its own read-only connection (see :class:`_Workers`), which also
check the keyed signatures' Ed25519 signatures and the audit and print chains, while this
process checks the chain; a supervisee's records are read by their indexes in a few queries
(:func:`read_supervisee`). Reading and serialising live in
:mod:`~supervisor_app.services.canonical`, which imports nothing heavy, so workers start fast.
In a frozen (PyInstaller) app the entry point must call ``multiprocessing.freeze_support()``.
Within each process it reads flat rows through
the driver (no ORM, no per-record queries, no cyclic GC meanwhile), checks each text column
once per batch for characters JSON would escape, and builds each record's text with one
f-string; hash lists are compared whole, and only the rows that differ are looked at one by
one. That fast path handles the types the app writes; anything else takes the reference path
(:func:`_content_payload`, :func:`_link_fields`), which defines the format. Both give the same
text for the same values (``tests/test_verify.py`` checks it), and the same hashes as the
first version of this module, so no signature made by it goes stale.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    Signature,
    SignOff,
    Supervisee,
    SupervisionSession,
    Supervisor,
    new_uuid,
    utcnow,
)
from supervisor_app.services import audit, copies, keys, qualification, signatures, trails, verified
from supervisor_app.services.auth import authenticate
from supervisor_app.services.canonical import (  # the reading and serialisation half
    _ACTION,
    _CHAIN,
    _CONTENT,
    _EXPERIENCE,
    _IN_CHUNK,
    _KIND,
    _PENDING,
    _PREV,
    _REASON,
    _RECORD_SQL,
    _RID,
    _SEQ,
    _SESSION,
    _SIGN,
    _SIGN_OFF_SQL,
    _SIGNED,
    _SIGNER,
    _VERIFY_CHUNK,
    _VOID,
    GENESIS,
    Among,
    Chunk,
    Hashing,
    _allocation_items,
    _Batch,  # noqa: F401  (re-exported: tests use it)
    _content_payload,  # noqa: F401  (tests, reference)
    _content_payload_v2,
    _content_texts,  # noqa: F401  (tests)
    _digests,
    _json,
    _jsonable,
    _link_fields,
    _link_texts,
    _query,
    _read,
    _select,
    _sha256,
    among_ids,
    content_digests,
    database_identity,
    hashing_for,
    kind_digests,
    no_cycle_collection,
    read_records,
    side_marker,
    snapshot_marker,
    verify_worker,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.records import (
    Record,
    check_counts_at_signing,
    display_status,
    find_record,
    record_kind,
    record_supervisee_ids,
    refuse_arrived,
)
from supervisor_app.services.supervisors import inherited_from
from supervisor_app.services.validation import clean_text

# --------------------------------------------------------------------------------------------
# Reading the raw rows


def _dbapi(uow: UnitOfWork) -> sqlite3.Connection:
    """The driver connection under the unit of work's transaction (same snapshot, same lock)."""
    return uow.session.connection().connection.driver_connection  # type: ignore[return-value]


# --------------------------------------------------------------------------------------------
# Hashes


def content_hash(kind: str, row: Sequence[Any], hashing: Hashing | None = None) -> str:
    """SHA-256 over the canonical serialisation of one record (a row of :func:`read_records`):
    content version 1 (people as this file's row ids, records signed before keys), or with
    ``hashing`` (:func:`~supervisor_app.services.canonical.hashing_for`) version 2 (people as
    global ids, records signed with keys)."""
    kind = RecordKind(kind).value
    if hashing is not None:
        return _sha256(_json(_content_payload_v2(kind, row, row[12], row[13], hashing)))
    return _sha256(_json(_content_payload(kind, row, row[12], row[13])))


def void_content_hash(record_hash: str, reason: Any) -> str:
    # A reason read back as a blob (only a hand edit stores one) is spelled tagged, as record
    # fields are: it hashes to something else, and verification names it instead of failing.
    return _sha256(_json(["void", record_hash, _jsonable(reason)]))


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
    fields = _link_fields(prev, seq, kind, record_id, action, signer_id, _stamp(signed_at), reason, content)
    return _sha256(_json(fields))


# --------------------------------------------------------------------------------------------
# Signing


@dataclass(frozen=True)
class SignResult:
    signed: list[str]
    first_seq: int
    last_seq: int
    # Said at signing, not refused: a supervisor with no credential recorded (qualification).
    warnings: tuple[str, ...] = ()


class ClockBehind(DomainError):
    """The computer's clock reads earlier than the newest signature: a signature dated now
    would go back in time in the chain. Refused unless the supervisor confirms the clock."""


def _when(value: dt.datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def check_clock(uow: UnitOfWork, *, now: dt.datetime | None = None) -> None:
    """Raise :class:`ClockBehind` if ``now`` (default: the computer's clock) is earlier than the
    newest signature's time. Signatures take their time from the local clock; one set back
    would date a signature before the one already linked ahead of it."""
    now = now or utcnow()
    newest = uow.session.execute(
        select(SignOff.seq, SignOff.signed_at).order_by(SignOff.seq.desc()).limit(1)
    ).first()
    if newest is not None and newest[1] > now:
        raise ClockBehind(
            f"The computer's clock says {_when(now)}, earlier than the newest signature "
            f"(#{newest[0]}, {_when(newest[1])}). A signature now would be dated before it. "
            "Check the date and time of the computer; sign once it is right, or confirm that "
            "the clock is right as it is.",
            field="clock",
        )


def _next_link(uow: UnitOfWork) -> tuple[int, str]:
    last = uow.session.execute(
        select(SignOff.seq, SignOff.chain_hash).order_by(SignOff.seq.desc()).limit(1)
    ).first()
    return (last[0] + 1, last[1]) if last else (1, GENESIS)


def _own_supervisees(uow: UnitOfWork, records: Sequence[Record], supervisor_id: int) -> dict[int, str]:
    """{id: name} of the supervisees on these records who are this supervisor (one query)."""
    ids = sorted({sid for record in records for sid in record_supervisee_ids(record)})
    own: dict[int, str] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        rows = uow.session.execute(
            select(Supervisee.id, Supervisee.name).where(
                Supervisee.id.in_(ids[start : start + _IN_CHUNK]),
                Supervisee.same_person_supervisor_id == supervisor_id,
            )
        )
        own.update((sid, name) for sid, name in rows)
    return own


def _check_may_sign(
    record: Record, supervisor_id: int, own: dict[int, str], inherited: Iterable[int] = ()
) -> None:
    """Only the supervisor of record signs, or, for a supervisor who left, their successor
    (``inherited``: :func:`~supervisor_app.services.supervisors.inherited_from`), as their own
    word; nobody signs a record they are supervised in. ``own``: :func:`_own_supervisees` of
    the batch."""
    if record.supervisor_id != supervisor_id and record.supervisor_id not in inherited:
        raise DomainError(
            f"Record {record.id[:8]} belongs to another supervisor; only its supervisor of record can sign it.",
            field="record",
        )
    for supervisee_id in record_supervisee_ids(record):
        if supervisee_id in own:
            raise DomainError(
                f"Record {record.id[:8]} is your own supervised time ({own[supervisee_id]}); nobody signs their own hours.",
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
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
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


def _record_hashes(uow: UnitOfWork, by_kind: dict[RecordKind, list[Record]]) -> dict[str, str]:
    """{record id: content hash}, read from storage exactly as :func:`verify` reads it."""
    uow.flush()
    conn = _dbapi(uow)
    hashes: dict[str, str] = {}
    for kind, items in by_kind.items():
        ids = [r.id for r in items]
        batch = _read(conn, kind, ids)
        digests = content_digests(batch, hashing_for(conn, ids))
        hashes.update(zip(map(itemgetter(0), batch.rows), digests, strict=True))
    return hashes


def _identities(
    uow: UnitOfWork, supervisor: Supervisor, key_fingerprint: str, supervisee_ids: Iterable[int]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Who signs and whom the records concern, as they stand now (for the payload)."""
    signer = signatures.signer_identity(
        global_id=supervisor.global_id,
        name=supervisor.name,
        credentials=supervisor.credentials,
        icb_number=supervisor.icb_number,
        license_type=supervisor.license_type,
        license_number=supervisor.license_number,
        key=key_fingerprint,
    )
    ids = sorted(set(supervisee_ids))
    people = []
    for start in range(0, len(ids), _IN_CHUNK):
        for row in uow.session.execute(
            select(Supervisee.global_id, Supervisee.name, Supervisee.icb_id, Supervisee.credential).where(
                Supervisee.id.in_(ids[start : start + _IN_CHUNK])
            )
        ):
            people.append(
                signatures.supervisee_identity(
                    global_id=row[0], name=row[1], icb_id=row[2], credential=row[3]
                )
            )
    return signer, people


def _add_keyed_signature(
    uow: UnitOfWork,
    *,
    action: str,
    links: list[dict[str, Any]],
    supervisor: Supervisor,
    password: str,
    supervisee_ids: Iterable[int],
    stamp: dt.datetime,
) -> None:
    """The keyed signature over these new links (one batch, or one void), in the caller's
    transaction: the supervisor's key opened with the password (made if they have none)."""
    key, private = keys.unlock(uow, supervisor.id, password, now=stamp)
    chain, _keys_from = database_identity(_dbapi(uow))
    signer, people = _identities(uow, supervisor, key.fingerprint, supervisee_ids)
    signature_id = new_uuid()
    payload = signatures.make_payload(
        signature_id=signature_id,
        chain=chain or "",
        action=action,
        signed_at=_stamp(stamp),
        prev_chain_hash=links[0]["prev_chain_hash"],
        links=links,
        signer=signer,
        supervisees=people,
        # The audit trail as it stood (its own hash chain): editing or deleting an event before
        # this signature, even with the trail's chain recomputed, no longer reaches this head.
        audit_head=audit.chain_head(uow),
    )
    uow.session.execute(
        Signature.__table__.insert(),
        [
            {
                "id": signature_id,
                "chain_id": chain or "",
                "key_fingerprint": key.fingerprint,
                "first_seq": links[0]["seq"],
                "last_seq": links[-1]["seq"],
                "signed_at": stamp,
                "payload": signatures.payload_text(payload),
                "signature": signatures.sign_payload(private, payload),
            }
        ],
    )


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
    clock_is_right: bool = False,
) -> SignResult:
    """Sign pending records (``None``: all of this supervisor's pending records), all or none.

    The password is checked once for the batch (and the lock-out at ``now``). A time earlier
    than the newest signature's is refused (:class:`ClockBehind`) unless ``clock_is_right``.
    Commits on success; a refusal leaves every record pending.
    """
    stamp = now or utcnow()
    supervisor = authenticate(
        uow, supervisor_id=supervisor_id, password=password, now=stamp, record_ids=record_ids
    )
    if not clock_is_right:
        check_clock(uow, now=stamp)
    if record_ids is None:
        record_ids = pending_ids(uow, supervisor_id=supervisor.id)
        if not record_ids:
            raise DomainError(f"{supervisor.name} has no pending records to sign.", field="record")
    elif not record_ids:
        raise DomainError("Choose at least one record to sign.", field="record")
    records = _load_records(uow, record_ids)
    own = _own_supervisees(uow, records, supervisor.id)
    inherited = inherited_from(uow, supervisor.id)
    for record in records:
        if record.status != RecordStatus.PENDING:
            raise DomainError(f"Record {record.id[:8]} is already signed.", field="record")
        _check_may_sign(record, supervisor.id, own, inherited)
        if record.supersedes_id:
            original = find_record(uow, record.supersedes_id)
            if display_status(uow, original).value != RecordStatus.SIGNED:
                raise DomainError(
                    f"Record {record.id[:8]} amends {original.id[:8]}, which was replaced or voided since.",
                    field="record",
                )
    check_counts_at_signing(uow, records)
    warnings = qualification.check_records(uow, records)
    # Order the batch by date so the chain reads chronologically.
    records.sort(key=lambda r: (r.date if isinstance(r, SupervisionSession) else r.period_start, r.id))
    seq, prev = _next_link(uow)
    first = seq
    by_kind: dict[RecordKind, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record_kind(record), []).append(record)
    hashes = _record_hashes(uow, by_kind)
    signed_at = _stamp(stamp)
    links = []
    for record in records:
        kind = record_kind(record)
        link = chain_hash(
            prev=prev,
            seq=seq,
            kind=kind.value,
            record_id=record.id,
            action=_SIGN,
            signer_id=supervisor.id,
            signed_at=signed_at,
            reason="",
            content=hashes[record.id],
        )
        links.append(
            {
                "seq": seq,
                "record_kind": kind.value,
                "record_id": record.id,
                "action": _SIGN,
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
    _add_keyed_signature(
        uow,
        action=_SIGN,
        links=links,
        supervisor=supervisor,
        password=password,
        supervisee_ids=[sid for record in records for sid in record_supervisee_ids(record)],
        stamp=stamp,
    )
    for kind, items in by_kind.items():
        model = SupervisionSession if kind is RecordKind.SESSION else ExperienceEntry
        ids = [r.id for r in items]
        for start in range(0, len(ids), _IN_CHUNK):
            uow.session.execute(
                model.__table__.update()
                .where(model.id.in_(ids[start : start + _IN_CHUNK]))
                .values(status=_SIGNED, updated_at=stamp)
            )
    audit_rows = []
    for record in records:
        successor = (
            {"details": audit.details_text({"as_successor_of": record.supervisor_id})}
            if record.supervisor_id != supervisor.id
            else {}
        )
        for supervisee_id in record_supervisee_ids(record):
            audit_rows.append({"record_id": record.id, "supervisee_id": supervisee_id, **successor})
    _bulk_audit(uow, audit.AuditAction.SIGN, audit_rows, stamp)
    uow.commit()
    for record in records:
        uow.session.expire(record, ["status", "updated_at"])
    return SignResult(
        signed=[r.id for r in records], first_seq=first, last_seq=seq - 1, warnings=tuple(warnings)
    )


def _bulk_audit(uow: UnitOfWork, action: str, rows: list[dict[str, Any]], at: dt.datetime) -> None:
    if rows:
        audit.append_events(uow, [{"at": at, "action": action, **row} for row in rows])


def void(
    uow: UnitOfWork,
    *,
    record_id: str,
    reason: str,
    supervisor_id: int,
    password: str,
    now: dt.datetime | None = None,
    clock_is_right: bool = False,
) -> SignOff:
    """Withdraw a signed record with a reason; the void is itself a signed link. Commits.
    The clock is checked as :func:`sign` checks it."""
    stamp = now or utcnow()
    supervisor = authenticate(
        uow, supervisor_id=supervisor_id, password=password, now=stamp, record_ids=[record_id]
    )
    if not clock_is_right:
        check_clock(uow, now=stamp)
    reason = clean_text(reason, field="reason", label="Reason for the void", max_length=1000, required=True)
    record = find_record(uow, record_id)
    refuse_arrived(uow, record, "voided")
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
    _check_may_sign(
        record,
        supervisor.id,
        _own_supervisees(uow, [record], supervisor.id),
        inherited_from(uow, supervisor.id),
    )
    kind = record_kind(record)
    content = void_content_hash(_record_hashes(uow, {kind: [record]})[record.id], reason)
    seq, prev = _next_link(uow)
    link = SignOff(
        seq=seq,
        record_kind=kind.value,
        record_id=record.id,
        action=_VOID,
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
            action=_VOID,
            signer_id=supervisor.id,
            signed_at=stamp,
            reason=reason,
            content=content,
        ),
    )
    uow.session.add(link)
    uow.flush()
    _add_keyed_signature(
        uow,
        action=_VOID,
        links=[
            {
                "seq": seq,
                "record_kind": kind.value,
                "record_id": record.id,
                "action": _VOID,
                "content_hash": content,
                "chain_hash": link.chain_hash,
                "prev_chain_hash": prev,
            }
        ],
        supervisor=supervisor,
        password=password,
        supervisee_ids=record_supervisee_ids(record),
        stamp=stamp,
    )
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
    record_id: str  # a record's id; for other kinds what the problem is about ("audit event #12")
    message: str
    # "record"; "audit" / "print" (their hash chains); "copy" (the file against an outside copy)
    kind: str = "record"

    def __str__(self) -> str:
        return f"{self.record_id}: {self.message}"


@dataclass
class VerifyReport:
    records_checked: int
    signatures_checked: int
    problems: list[Problem]
    # Not tampering (the chain is intact): signatures dated earlier than the one before them,
    # because the computer's clock was set back (or was ahead) at the time.
    warnings: list[Problem] = field(default_factory=list)
    # Not tampering either: records signed before keys existed (verified by the hash chain
    # alone), people whose details changed since they were signed by a recorded edit.
    notes: list[Problem] = field(default_factory=list)
    keyed_signatures_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def bad_record_ids(self) -> set[str]:
        return {p.record_id for p in self.problems if p.kind == "record"}


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


def _check_links(
    links: Sequence[tuple[Any, ...]],
    digests: Sequence[str],
    expected_prevs: Sequence[str],
    prev_seq: int | None,
    add: Callable[[Problem], None],
) -> None:
    """The chain, link by link: ``prev_seq`` is the seq before the first (None: do not check
    that seqs run without gaps, as when only some links were read)."""
    for link, digest, expected_prev in zip(links, digests, expected_prevs, strict=True):
        seq, rid = link[_SEQ], link[_RID]
        if prev_seq is not None and seq != prev_seq + 1:
            add(Problem(rid, f"signature #{seq} follows #{prev_seq}: signatures in between are missing"))
        if link[_PREV] != expected_prev:
            add(
                Problem(
                    rid,
                    f"signature #{seq} does not link to the signature before it (chain broken: a signature was removed, added or reordered)",
                )
            )
        if digest != link[_CHAIN]:
            add(Problem(rid, f"signature #{seq} was altered (its signer, time, reason or hash changed)"))
        prev_seq = seq


def _check_chain(
    links: list[tuple[Any, ...]], predecessors: dict[int, str] | None, add: Callable[[Problem], None]
) -> bool:
    """Each link's own hash, and its link to the one before it.

    ``predecessors`` (seq -> chain hash of seq - 1) when only some links were read; ``None``
    for the whole chain, which must also run 1, 2, 3... without gaps. Whole batches that are
    in order are checked with a few list comparisons; a batch with a problem link by link.
    True if any link had a problem.
    """
    broken = False
    prev_seq, prev_chain = 0, GENESIS
    for start in range(0, len(links), _VERIFY_CHUNK):
        chunk = links[start : start + _VERIFY_CHUNK]
        digests = _digests(_link_texts(chunk))
        chains = list(map(itemgetter(_CHAIN), chunk))
        seqs = list(map(itemgetter(_SEQ), chunk))
        if predecessors is None:
            expected_prevs = [prev_chain, *chains[:-1]]
            in_order = seqs == list(range(prev_seq + 1, prev_seq + 1 + len(seqs)))
        else:
            expected_prevs = [predecessors.get(s, GENESIS if s == 1 else "(missing)") for s in seqs]
            in_order = True
        if not (in_order and digests == chains and list(map(itemgetter(_PREV), chunk)) == expected_prevs):
            _check_links(chunk, digests, expected_prevs, prev_seq if predecessors is None else None, add)
            broken = True
        prev_seq, prev_chain = seqs[-1], chains[-1]
    return broken


_AT = 6  # a link's signed_at, in _SIGN_OFF_SQL's column order


def _time_warnings(links: list[tuple[Any, ...]]) -> list[Problem]:
    """A warning for each link dated earlier than the link before it (the whole chain, in order)."""
    # As text (a hand-edited value of another type must not stop verification); stored stamps
    # all read "YYYY-MM-DD HH:MM:SS.ffffff", so text order is time order.
    times = list(map(str, map(itemgetter(_AT), links)))
    if times == sorted(times):  # the usual case, in C
        return []
    warnings = []
    for i in range(1, len(links)):
        if times[i] < times[i - 1]:
            link, before = links[i], links[i - 1]
            warnings.append(
                Problem(
                    link[_RID],
                    f"signature #{link[_SEQ]} is dated {times[i][:16]} UTC, earlier than signature "
                    f"#{before[_SEQ]} before it ({times[i - 1][:16]} UTC): the computer's clock was "
                    "wrong when one of them was made. Time runs backwards here; nothing was altered.",
                )
            )
    return warnings


def _index_links(
    links: list[tuple[Any, ...]], add: Callable[[Problem], None]
) -> tuple[dict[Any, tuple[Any, ...]], dict[Any, tuple[Any, ...]]]:
    """The signature and the void of each record (a record has at most one of each)."""
    signs: dict[Any, tuple[Any, ...]] = {}
    voids: dict[Any, tuple[Any, ...]] = {}
    for link in links:
        seq, rid, action = link[_SEQ], link[_RID], link[_ACTION]
        if action == _SIGN:
            target = signs
        elif action == _VOID:
            target = voids
        else:
            add(Problem(rid, f"signature #{seq} has an unknown action {action!r}"))
            continue
        earlier = target.get(rid)
        if earlier is not None:
            add(Problem(rid, f"signature #{seq} repeats #{earlier[_SEQ]}: a record is {action}ed only once"))
            continue
        target[rid] = link
    for rid, voided in voids.items():
        signed = signs.get(rid)
        if signed is None:
            add(Problem(rid, f"void #{voided[_SEQ]} withdraws a record that has no signature"))
        elif voided[_SEQ] < signed[_SEQ]:
            add(
                Problem(
                    rid, f"void #{voided[_SEQ]} comes before the signature it withdraws (#{signed[_SEQ]})"
                )
            )
    return signs, voids


# --------------------------------------------------------------------------------------------
# Keyed signatures

_SIGNATURE_SQL = "SELECT id, key_fingerprint, first_seq, last_seq, payload, signature, signed_at FROM signature WHERE chain_id = ?"
# The signature over each of a JSON list of seqs: the newest starting at or before it (ranges
# never overlap in a file the app wrote; a link it does not reach is reported as unsigned).
_COVERING_SQL = (
    "SELECT id, key_fingerprint, first_seq, last_seq, payload, signature, signed_at FROM signature "
    "WHERE rowid IN (SELECT (SELECT s.rowid FROM signature AS s WHERE s.chain_id = ?1 "
    "AND s.first_seq <= j.value ORDER BY s.first_seq DESC LIMIT 1) FROM json_each(?2) AS j)"
)
# Signatures already checked in this process: (id, public key, signature) -> (the text's
# hash, the payload, its links as tuples). A row is immutable, and a text changed since is a
# miss (its hash differs), so it is checked again; repeat views skip Ed25519 and JSON.
_CHECKED: OrderedDict[tuple[str, str, str], tuple[int, dict[str, Any], list[Any]]] = OrderedDict()
_CHECKED_MAX = 2048  # about a year of a supervisor's weekly batches for each of 40 supervisors; ~40 MB


def _checked_payload(
    sid: Any, public_hex: str, text_: Any, signature_hex: Any, *, remember: bool = True
) -> tuple[dict[str, Any], list[Any]] | None:
    """The payload of a keyed signature valid under ``public_hex`` (without its "links") and
    its links as tuples, or None when the signature does not match its text (or the text is no
    payload). ``remember``: keep the result for the next view (not for a whole-file pass)."""
    if not isinstance(text_, str):
        return None
    key = (str(sid), public_hex, str(signature_hex))
    digest = hash(text_)
    hit = _CHECKED.get(key)
    if hit is not None and hit[0] == digest:
        _CHECKED.move_to_end(key)
        return hit[1], hit[2]
    if not signatures.check(public_hex, text_, str(signature_hex)):
        return None
    payload = signatures.parse(text_)
    if payload is None:  # a valid signature over text that is not a payload: only ours sign
        return None
    entries = payload["links"] if isinstance(payload.get("links"), list) else []
    expected = [_payload_tuple(e) for e in entries]
    slim = {name: value for name, value in payload.items() if name != "links"}
    if remember:
        _CHECKED[key] = (digest, slim, expected)
        if len(_CHECKED) > _CHECKED_MAX:
            _CHECKED.popitem(last=False)
    return slim, expected


_PERSON_FIELDS = {
    "supervisee": ("name", "icb_id", "credential"),
    "supervisor": ("name", "credentials", "icb_number", "license"),
}


def _link_tuple(link: Sequence[Any]) -> tuple[Any, ...]:
    return (link[_SEQ], link[_KIND], link[_RID], link[_ACTION], link[_CONTENT], link[_CHAIN])


_LINK_VALUES = operator.itemgetter(*signatures.LINK_FIELDS)


def _payload_tuple(entry: Any) -> tuple[Any, ...]:
    try:
        return _LINK_VALUES(entry)
    except (KeyError, TypeError):
        return ()


_STORED_VALUES = operator.itemgetter(_SEQ, _KIND, _RID, _ACTION, _CONTENT, _CHAIN)  # as _link_tuple


def _whole_payload(
    sid: Any,
    fingerprint: Any,
    public_hex: str,
    text_: Any,
    signature_hex: Any,
    stored: list[tuple[Any, ...]],
    span: range,
    valid: set[tuple[str, str, str]] | None,
) -> tuple[dict[str, Any], list[Any] | None] | None:
    """What :func:`_checked_payload` says of a keyed signature, for the whole-file pass: None
    when the signature does not match its text (or the text is no payload), else the payload
    without its links and its links as tuples; the links as None when they are exactly
    ``stored``, the links of its ``span`` (compared as two lists, in C).

    ``valid``: the signatures found valid by a worker process, or None to check here."""
    if not isinstance(text_, str):
        return None
    if valid is not None:
        if (str(sid), fingerprint, str(signature_hex)) not in valid:
            return None
    elif not signatures.check(public_hex, text_, str(signature_hex)):
        return None
    payload = signatures.parse(text_)
    if payload is None:  # a valid signature over text that is not a payload: only ours sign
        return None
    entries = payload.pop("links")  # a list (signatures.parse)
    try:
        expected = list(map(_LINK_VALUES, entries))
    except (KeyError, TypeError):
        expected = [_payload_tuple(e) for e in entries]
    if len(stored) == len(span) and expected == list(map(_STORED_VALUES, stored)):
        return payload, None
    return payload, expected


@dataclass
class _Signed:
    """What the valid keyed signatures said about people: {(table, global id): (seq, identity,
    a record id it covers)}, the newest per person."""

    people: dict[tuple[str, str], tuple[int, dict[str, Any], Any]] = field(default_factory=dict)

    def add(self, table: str, identity: Any, seq: int, record_id: Any) -> None:
        if not isinstance(identity, dict) or not isinstance(identity.get("global_id"), str):
            return
        key = (table, identity["global_id"])
        known = self.people.get(key)
        if known is None or known[0] < seq:
            self.people[key] = (seq, identity, record_id)


def _check_keyed(
    conn: sqlite3.Connection,
    links: list[tuple[Any, ...]],
    whole: bool,
    add: Callable[[Problem], None],
    note: Callable[[Problem], None],
    valid: set[tuple[str, str, str]] | None = None,
) -> int:
    """The keyed signatures of this database's chain over ``links`` (all of them when
    ``whole``): each valid under its key, signing exactly the stored links, by the key of the
    link's signer; every link from ``keys_from`` on covered by one; the people as signed vs
    now (``whole`` only). Returns how many keyed signatures were checked.

    ``valid`` (``whole`` only): the signatures a worker process found valid under their keys
    (``canonical._valid_signatures``), so they are not checked again here."""
    chain, keys_from = database_identity(conn)
    by_seq = {link[_SEQ]: link for link in links}
    if chain is None:
        rows = []
    elif whole:
        rows = _query(conn, _SIGNATURE_SQL, (chain,))
    else:  # the signatures over these links only: one index look-up per link, not every payload
        rows = _query(conn, _COVERING_SQL, (chain, json.dumps(sorted(by_seq))))
    if not whole:
        seqs = sorted(by_seq)
        from bisect import bisect_left

        def touches(first: Any, last: Any) -> bool:
            if first.__class__ is not int or last.__class__ is not int:
                return False
            i = bisect_left(seqs, first)
            return i < len(seqs) and seqs[i] <= last

        rows = [row for row in rows if touches(row[2], row[3])]
    public = keys.public_keys(conn)
    covered: set[int] = set()
    signed = _Signed()
    named: set[Any] = set()

    def problem(rid: Any, message: str) -> None:
        if (rid, message) not in named:
            named.add((rid, message))
            add(Problem(rid, message))

    for sid, fingerprint, first, last, text_, signature_hex, _at in sorted(
        rows, key=lambda r: (str(r[2]), str(r[0]))
    ):
        span = range(first, last + 1) if first.__class__ is int and last.__class__ is int else range(0)
        stored = [by_seq[seq] for seq in span if seq in by_seq]
        label = f"keyed signature {str(sid)[:8]}"
        key = public.get(fingerprint)
        if key is None:
            checked = None
        elif whole:
            checked = _whole_payload(sid, fingerprint, key[0], text_, signature_hex, stored, span, valid)
        else:
            checked = _checked_payload(sid, key[0], text_, signature_hex, remember=True)
        if checked is None:
            why = (
                "by a key not on file" if key is None else "does not match what it signs (forged or altered)"
            )
            for link in stored:
                problem(
                    link[_RID],
                    f"signature #{link[_SEQ]}: {label} is {why}"
                    if key is None
                    else f"signature #{link[_SEQ]}: {label} {why}",
                )
            continue
        payload, expected = checked
        if (
            payload.get("id") != sid
            or payload.get("chain") != chain
            or (expected is not None and [e[0] if e else None for e in expected] != list(span))
            or not isinstance(payload.get("signer"), dict)
            or payload["signer"].get("key") != fingerprint
        ):
            for link in stored:
                problem(link[_RID], f"signature #{link[_SEQ]}: {label} was made for other links")
            continue
        owner = key[1]
        last_rid = expected[-1][2] if expected else None
        if expected is None:  # it signs exactly the stored links of its span (_whole_payload)
            last_rid = stored[-1][_RID] if stored else None
            if (
                span.start >= keys_from
                and set(map(itemgetter(_SIGNER), stored)) == {owner}
                and set(map(str, map(itemgetter(_AT), stored))) == {payload.get("signed_at")}
            ):
                covered.update(span)  # every one would pass each check below
                expected = []
            else:
                expected = [_link_tuple(link) for link in stored]
        for entry in expected:
            seq, rid = entry[0], entry[2]
            link = by_seq.get(seq)
            if link is None:
                if whole:
                    problem(
                        rid, f"{label} signed #{seq} ({entry[3]}) but that link is missing from the chain"
                    )
                continue
            if _link_tuple(link) != entry:
                problem(rid, f"signature #{seq} differs from what {label} signed (the chain was rewritten)")
                if link[_RID] != rid:
                    problem(
                        link[_RID],
                        f"signature #{seq} differs from what {label} signed (the chain was rewritten)",
                    )
                continue
            if link[_SIGNER] != owner:
                problem(
                    rid,
                    f"signature #{seq} names signer {link[_SIGNER]}, but {label} is another supervisor's key",
                )
                continue
            if str(link[_AT]) != payload.get("signed_at"):
                problem(rid, f"signature #{seq} is dated {link[_AT]}, not as {label} signed it")
                continue
            if seq < keys_from:
                problem(
                    rid,
                    f"signature #{seq} is marked as signed before keys, but {label} signed it (the start of keys was moved)",
                )
                continue
            covered.add(seq)
        if first in by_seq and by_seq[first][_PREV] != payload.get("prev_chain_hash"):
            problem(
                by_seq[first][_RID], f"signature #{first} no longer follows the link {label} signed it after"
            )
            covered.discard(first)
        head = payload.get("audit_head")
        if whole and isinstance(head, dict):
            why = trails.head_problem(conn, trails.AUDIT, head.get("id"), head.get("hash"))
            if why is not None:
                add(Problem(f"audit trail, as {label} signed it", why, kind="audit"))
        if whole:
            signed.add("supervisor", payload["signer"], first, last_rid)
            for person in payload.get("supervisees") or ():
                signed.add("supervisee", person, first, last_rid)
    before = 0
    newest_before = ""
    for link in links:
        seq = link[_SEQ]
        if seq in covered:
            continue
        if seq.__class__ is int and seq < keys_from:
            before += 1
            newest_before = max(newest_before, str(link[_AT]))
            continue
        problem(
            link[_RID],
            f"signature #{seq} has no keyed signature: it was not made with the signer's key (forged, or its keyed signature removed)",
        )
    if before:
        note(
            Problem(
                "",
                f"{before} signature{'s' if before != 1 else ''} (#1 to #{keys_from - 1}, the newest dated {newest_before[:16]} UTC) "
                "were made before keys existed (signed before keys): they are checked by the hash chain alone.",
            )
        )
    if whole and signed.people:
        _check_people(conn, signed, problem, note)
    return len(rows)


def _check_people(
    conn: sqlite3.Connection,
    signed: _Signed,
    problem: Callable[[Any, str], None],
    note: Callable[[Problem], None],
) -> None:
    """Each person as last signed vs as stored now; a difference a recorded edit explains is a
    note, any other is tampering."""
    now: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
    for row in _query(conn, "SELECT id, global_id, name, icb_id, credential FROM supervisee"):
        now[("supervisee", row[1])] = (row[0], {"name": row[2], "icb_id": row[3], "credential": row[4]})
    for row in _query(
        conn,
        "SELECT id, global_id, name, credentials, icb_number, license_type, license_number FROM supervisor",
    ):
        license_ = (
            f"{row[5]} {row[6]}".strip() if isinstance(row[5], str) and isinstance(row[6], str) else None
        )
        now[("supervisor", row[1])] = (
            row[0],
            {"name": row[2], "credentials": row[3], "icb_number": row[4], "license": license_},
        )
    edits: dict[tuple[str, Any], list[dict[str, Any]]] | None = None
    for (table, gid), (_seq, identity, rid) in signed.people.items():
        current = now.get((table, gid))
        if current is None:
            problem(
                rid, f"was signed for a {table} ({identity.get('name')!r}) who is no longer in the database"
            )
            continue
        row_id, values = current
        if table == "supervisee":  # signed as digests (signatures.person_digest), not in clear
            differ = [
                f
                for f in _PERSON_FIELDS[table]
                if identity.get(f) != signatures.person_digest(gid, f, values[f])
            ]
        else:
            differ = [f for f in _PERSON_FIELDS[table] if identity.get(f) != values[f]]
        if not differ:
            continue
        if edits is None:
            edits = _recorded_edits(conn)
        explained = all(_explained(edits.get((table, row_id), []), f, values[f]) for f in differ)
        if table == "supervisee":
            was = ", ".join(differ) + " other than now"
        else:
            was = ", ".join(f"{f} {identity.get(f)!r}" for f in differ)
        is_ = ", ".join(f"{f} {values[f]!r}" for f in differ)
        if explained:
            note(Problem(rid, f"{table} signed with {was}; now {is_} (a recorded edit)"))
        else:
            problem(rid, f"the {table} was signed with {was}; now {is_}, and no recorded edit explains it")


def _recorded_edits(conn: sqlite3.Connection) -> dict[tuple[str, Any], list[dict[str, Any]]]:
    """{(table, row id): the "after" values of each edit event of that person}."""
    import json

    edits: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for (details,) in _query(
        conn, "SELECT details FROM audit_event WHERE action = 'edit' AND details LIKE '%\"after\"%'"
    ):
        try:
            data = json.loads(details)
        except (TypeError, ValueError):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("after"), dict):
            continue
        for table in ("supervisee", "supervisor"):
            if table in data:
                edits.setdefault((table, data[table]), []).append(data["after"])
    return edits


def _explained(afters: list[dict[str, Any]], name: str, value: Any) -> bool:
    if name == "license":
        return any("license_type" in a or "license_number" in a for a in afters)
    return any(a.get(name) == value for a in afters)


_AUDITED_SQL = "SELECT DISTINCT record_id, action FROM audit_event"
_AUDITED = "action IN ('sign', 'void')"
_LATEST_AUDITED_SQL = f"SELECT record_id, action FROM audit_event WHERE {_AUDITED} ORDER BY id DESC LIMIT 1"


def _check_audit_trail(
    audited: Iterable[tuple[Any, Any]],
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    named: set[Any],
    add: Callable[[Problem], None],
) -> None:
    """Records the audit trail says were signed or voided (``audited``: its distinct
    ``(record id, action)`` rows), whose link is not in the chain.

    The chain alone cannot say which record a deleted link belonged to; the audit trail (its
    sign and void events are written with the links, in one transaction) can. ``named``:
    records already reported, not repeated.
    """
    for rid, action in audited:
        if rid in named or rid in (signs if action == _SIGN else voids):
            continue
        done = "signed" if action == _SIGN else "voided"
        add(Problem(rid, f"the audit trail says it was {done}, but that signature is missing from the chain"))


def _check_deleted(
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    seen: set[Any],
    add: Callable[[Problem], None],
) -> None:
    """Links whose record was not among those read (``seen``): the record is gone."""
    for link in sorted(map(signs.__getitem__, signs.keys() - seen), key=itemgetter(_SEQ)):
        add(Problem(link[_RID], f"was signed (signature #{link[_SEQ]}) but the record has been deleted"))
    for link in sorted(map(voids.__getitem__, voids.keys() - seen - signs.keys()), key=itemgetter(_SEQ)):
        add(Problem(link[_RID], f"was voided (#{link[_SEQ]}) but the record has been deleted"))


def _check_record(
    kind: str,
    rid: Any,
    status: Any,
    digest: str,
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    add: Callable[[Problem], None],
) -> None:
    """A signed record must match its signature (and void); a pending one must have none."""
    link = signs.get(rid)
    if status == _PENDING:
        if link is not None:
            add(Problem(rid, f"was signed (signature #{link[_SEQ]}) but is marked pending again"))
        elif rid in voids:
            add(Problem(rid, f"was voided (#{voids[rid][_SEQ]}) but is marked pending again"))
        return
    if status != _SIGNED:
        add(Problem(rid, f"has an unknown status {status!r}"))
        return
    if link is None:
        add(Problem(rid, "is marked signed but has no signature"))
        return
    if link[_KIND] != kind:
        add(Problem(rid, f"signature #{link[_SEQ]} is for a {link[_KIND]}, not a {kind}"))
    if digest != link[_CONTENT]:
        add(Problem(rid, f"content changed after it was signed (signature #{link[_SEQ]})"))
    voided = voids.get(rid)
    if voided is not None and void_content_hash(digest, voided[_REASON]) != voided[_CONTENT]:
        add(Problem(rid, f"void #{voided[_SEQ]} no longer matches the record or its reason"))


_HEX = 64  # characters of one hex SHA-256 digest


def _check_records(
    kind: str,
    ids: Sequence[Any],
    statuses: Sequence[Any],
    digests: Sequence[str] | str,
    special: set[Any],
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    add: Callable[[Problem], None],
    contents: dict[Any, str] | None = None,
) -> None:
    """:func:`_check_record` for the records that can have a problem: those not signed, or
    whose hash differs from their signature's (a record signed as the other kind counts as
    having none), found with a few list operations; and the ``special`` ones (voided).
    ``digests``: one per record, or all of them as one string (from a worker process).
    ``contents``: :func:`_signed_contents` of ``signs`` for ``kind``, if already made."""
    if contents is not None:
        expected: list[str | None] = list(map(contents.get, ids))
    else:
        expected = [
            None if link is None or link[_KIND] != kind else link[_CONTENT] for link in map(signs.get, ids)
        ]
    all_signed = statuses.count(_SIGNED) == len(statuses)
    if isinstance(digests, str):
        if all_signed and None not in expected and "".join(expected) == digests:
            digests = expected  # equal, without cutting the string up
        else:
            digests = [digests[i : i + _HEX] for i in range(0, len(digests), _HEX)]
    if all_signed and digests == expected:
        todo: set[int] = set()
    else:
        todo = {
            i
            for i, (d, e, s) in enumerate(zip(digests, expected, statuses, strict=True))
            if d != e or s != _SIGNED
        }
    if special:
        todo.update(i for i, rid in enumerate(ids) if rid in special)
    for i in sorted(todo):
        _check_record(kind, ids[i], statuses[i], digests[i], signs, voids, add)


def _signed_contents(signs: dict[Any, tuple[Any, ...]]) -> dict[str, dict[Any, str]]:
    """{kind: {record id: the content hash its signature holds}}."""
    contents: dict[str, dict[Any, str]] = {_SESSION: {}, _EXPERIENCE: {}}
    for rid, link in signs.items():
        of_kind = contents.get(link[_KIND])
        if of_kind is not None:
            of_kind[rid] = link[_CONTENT]
    return contents


# Whole-database verifications of at least this many records hash them in worker processes.
_PARALLEL_MIN_RECORDS = 50_000
_WORKER_SILENCE = 120.0  # seconds without a word from a dead worker before giving up on it
_STOPPING = threading.Event()  # the app is quitting: whole-file verifications end at once
_RUNNING: set[_Workers] = set()  # worker processes now running, to end with them


class VerificationStopped(DomainError):
    """A verification ended because the app is quitting (nothing was written)."""

    def __init__(self) -> None:
        super().__init__("The verification was stopped because the app is closing.")


def stop_verifications() -> None:
    """Quitting: every verification running in this process stops (its worker processes are
    ended now, not left running and holding the file); :func:`resume_verifications` after."""
    _STOPPING.set()
    for workers in list(_RUNNING):
        workers.stop()


def resume_verifications() -> None:
    _STOPPING.clear()


def _database_file(conn: sqlite3.Connection) -> str | None:
    """The file of the connection's main database; None in memory or for a temporary one."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


class _Workers:
    """Two worker processes for a whole-file verification (spawned: each its own interpreter,
    its own read-only connection and snapshot), while this process reads and checks the chain.

    One checks the keyed signatures' Ed25519 signatures, then hashes the sessions; the other
    checks the audit trail's and the print records' hash chains, then hashes the experience
    entries (see :data:`PLAN`; the side tasks first, so their results are in when the last
    chunk is). Their snapshot must match ours (:func:`snapshot_marker`, and
    :func:`side_marker` for each side task), else what they did is thrown away and done here."""

    KINDS = (_SESSION, _EXPERIENCE)
    PLAN = (("keys", _SESSION), ("trails", _EXPERIENCE))

    def __init__(self, path: str, marker: tuple[Any, ...], expected: dict[str, tuple[Any, ...]]) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.marker = marker
        self.queue = ctx.Queue()
        self.early: list[tuple[Any, ...]] = []  # record messages read while waiting for a result
        self.results: dict[str, Any] = {}  # side task -> its result (None: do it here)
        self.processes = [
            ctx.Process(
                target=verify_worker,
                args=(path, tasks, _VERIFY_CHUNK, self.queue, expected),
                name=f"verify-{tasks[-1]}",
                daemon=True,
            )
            for tasks in self.PLAN
        ]
        _RUNNING.add(self)
        try:
            for process in self.processes:
                process.start()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        _RUNNING.discard(self)
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            if process.pid is not None:
                process.join(5)
        self.queue.close()

    def _receive(self, *, early: bool = True) -> tuple[Any, ...] | None:
        """The next message (one read early first, unless not ``early``); None if a worker
        died without a word."""
        import queue as queues
        import time

        kept = self.__dict__.get("early") if early else None
        if kept:
            return kept.pop(0)
        silent_since: float | None = None
        while True:
            if _STOPPING.is_set():
                raise VerificationStopped
            try:
                return self.queue.get(timeout=0.5)
            except queues.Empty:
                if all(p.is_alive() for p in self.processes):
                    continue
                silent_since = silent_since or time.monotonic()
                if time.monotonic() - silent_since > _WORKER_SILENCE or any(
                    p.exitcode not in (0, None) for p in self.processes
                ):
                    return None

    def _keep(self, message: tuple[Any, ...]) -> bool:
        """Keep a side task's result (or failure: None); False for any other message."""
        tag, task = message[0], message[1]
        if tag == "result" or (tag == "error" and task not in self.KINDS):
            self.__dict__.setdefault("results", {})[task] = message[2] if tag == "result" else None
            return True
        return False

    def result(self, task: str) -> Any:
        """The side task's result, waiting for it (records' chunks that come first are kept for
        :meth:`collect`); None if it cannot be used and must be done here."""
        while task not in self.results:
            message = self._receive(early=False)
            if message is None:
                return None
            if not self._keep(message):
                self.early.append(message)
        return self.results[task]

    def collect(
        self,
        on_chunk: Callable[[str, Chunk | tuple[list[Any], list[Any], str]], None],
        progress: Callable[[int, int], Any] | None,
        total: int,
    ) -> bool:
        """Hand every chunk to ``on_chunk(kind, chunk)`` as it arrives, in the order a
        verification here would make them (all sessions, then all entries: entries that come
        early wait). False if a worker failed or saw another snapshot: then whatever
        ``on_chunk`` was given must be thrown away. The workers are stopped afterwards (the
        side tasks' results, sent before the last chunk, are in :attr:`results`)."""
        waiting: dict[str, list[Any]] = {kind: [] for kind in self.KINDS}
        done: set[str] = set()
        current = 0  # the kind being handed on
        checked = 0
        try:
            while len(done) < len(self.KINDS):
                message = self._receive()
                if message is None:
                    return False
                if self._keep(message):
                    continue
                tag, kind = message[0], message[1]
                if tag == "chunk":
                    if kind == self.KINDS[current]:
                        on_chunk(kind, message[2:])
                    else:
                        waiting[kind].append(message[2:])
                    checked += len(message[2])
                    if progress is not None:
                        progress(checked, total)
                elif tag == "marker":
                    if message[2] != self.marker:
                        return False
                elif tag == "done":
                    done.add(kind)
                    while current < len(self.KINDS) and self.KINDS[current] in done:
                        current += 1
                        if current < len(self.KINDS):
                            following = self.KINDS[current]
                            for chunk in waiting[following]:
                                on_chunk(following, chunk)
                            waiting[following] = []
                else:  # "error"
                    return False
            return True
        finally:
            self.stop()


def _start_workers(conn: sqlite3.Connection, total: int) -> _Workers | None:
    """Worker processes for a whole-database verification, or None to do everything here (a
    small database, one in memory, or processes that cannot be started)."""
    if total < _PARALLEL_MIN_RECORDS:
        return None
    path = _database_file(conn)
    if path is None:
        return None
    try:
        expected = {task: side_marker(conn, task) for task, _kind in _Workers.PLAN}
        return _Workers(path, snapshot_marker(conn), expected)
    except Exception:  # noqa: BLE001 - no processes here (a sandbox, a frozen app without support)
        return None


def verify(
    uow: UnitOfWork,
    *,
    record_ids: Iterable[str] | None = None,
    progress: Callable[[int, int], Any] | None = None,
) -> VerifyReport:
    """Recompute every content hash and the whole chain (or only what ``record_ids`` touch).

    Reports every problem: content changed after signing, a signature missing, repeated or
    reordered, a signed record deleted or set back to pending, a broken chain link; each with
    the record id (for a signature deleted outright, the audit trail supplies it). ``progress(done, total)`` is called now and then for a progress bar.

    The whole database (at least ``_PARALLEL_MIN_RECORDS`` records, in a file) is hashed by two
    worker processes, one per kind, which also check the Ed25519 signatures and the audit and
    print chains, while this one checks the chain; the report is the same,
    problems in the same order, as when everything is done here (which is what happens if a
    worker fails, or if the file changed between this transaction's snapshot and theirs).
    """
    subset = None if record_ids is None else list(dict.fromkeys(record_ids))
    with no_cycle_collection():
        report = _verify(_dbapi(uow), subset, progress)
    if subset is None:  # a supervisor's keyed confirmations of training entries (issue 20)
        from supervisor_app.services.training import confirmation_problems

        report.problems.extend(
            Problem(entry_id, text, kind="training") for entry_id, text in confirmation_problems(uow)
        )
    return report


def _local_chunks(conn: sqlite3.Connection, subset: list[str] | None) -> Iterator[tuple[str, Chunk]]:
    for kind in (_SESSION, _EXPERIENCE):
        for chunk in kind_digests(conn, kind, _VERIFY_CHUNK, subset):
            yield kind, chunk


def _verify(
    conn: sqlite3.Connection, subset: list[str] | None, progress: Callable[[int, int], Any] | None
) -> VerifyReport:
    problems: list[Problem] = []
    add = problems.append

    workers: _Workers | None = None
    if subset is not None:
        total = len(subset)
    else:
        total = sum(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("supervision_session", "experience_entry")
        )
        workers = _start_workers(conn, total)
    try:
        predecessors: dict[int, str] | None = None
        if subset is None:
            links = _query(conn, _SIGN_OFF_SQL + " ORDER BY seq")
        else:
            links = sorted(_select(conn, _SIGN_OFF_SQL, "record_id", subset), key=itemgetter(_SEQ))
            wanted = [link[_SEQ] - 1 for link in links if link[_SEQ] > 1]
            predecessors = {
                seq + 1: chain
                for seq, chain in _select(conn, "SELECT seq, chain_hash FROM sign_off", "seq", wanted)
            }

        # 1. The chain.
        broken = _check_chain(links, predecessors, add)

        # 2. Every record: signed ones must match their signature; signatures must have records.
        signs, voids = _index_links(links, add)

        # 3. The keyed signatures over the links (while the workers hash; one of them checked
        # the Ed25519 signatures).
        notes: list[Problem] = []
        unkeyed: list[Problem] = []  # reported after the record checks, whose words come first
        verdicts = workers.result("keys") if workers is not None else None
        valid = set(verdicts) if verdicts is not None else None
        keyed = _check_keyed(conn, links, subset is None, unkeyed.append, notes.append, valid)
    except BaseException:
        if workers is not None:
            workers.stop()
        raise
    voided = set(voids)
    contents = _signed_contents(signs)
    found: list[Problem] = []
    seen: set[Any] = set()
    checked = 0
    foreign = _foreign_record_ids(conn, subset)  # from another database: checked apart, below

    def check(kind: str, chunk: Any) -> None:
        nonlocal checked
        seen.update(chunk[0])
        ids, statuses, digests = _without(chunk, foreign) if foreign else chunk
        _check_records(kind, ids, statuses, digests, voided, signs, voids, found.append, contents[kind])
        checked += len(chunk[0])

    # The workers' chunks are checked as they come, while the workers still hash (the checks
    # are in the order a verification here makes them).
    if workers is None or not workers.collect(check, progress, total):
        found.clear()  # a worker failed or saw another snapshot: everything is hashed here
        seen.clear()
        checked = 0
        for kind, chunk in _local_chunks(conn, subset):
            if _STOPPING.is_set():
                raise VerificationStopped
            check(kind, chunk)
            if progress is not None:
                progress(checked, total)
    # The audit trail's and the print records' chains (a worker checked them, before its last
    # chunk), and the outside copies (whole database only).
    if subset is None:
        breaks = workers.results.get("trails") if workers is not None else None
        trail_problems, trail_warnings = _check_trails(conn, breaks)
    else:
        trail_problems, trail_warnings = [], []
    problems.extend(found)
    _check_deleted(signs, voids, seen, add)
    _check_foreign(conn, subset, add)
    # 3. Signatures gone without a trace in the chain: the audit trail names their records. For
    # the whole database only when the chain is already broken, or when the newest sign or void
    # event has no link (the tail of the chain cut off); it costs a scan of the trail.
    if subset is None and not broken:
        latest = conn.execute(_LATEST_AUDITED_SQL).fetchone()
        broken = latest is not None and latest[0] not in (signs if latest[1] == _SIGN else voids)
    if subset is not None or broken:
        audited = _select(conn, _AUDITED_SQL, "record_id", subset, _AUDITED)
        _check_audit_trail(audited, signs, voids, {p.record_id for p in problems}, add)
    problems.extend(unkeyed)
    problems.extend(trail_problems)
    if progress is not None:
        progress(total, total)
    warnings = _time_warnings(links) if subset is None else []
    warnings.extend(trail_warnings)
    return VerifyReport(
        records_checked=checked,
        signatures_checked=len(links),
        problems=problems,
        warnings=warnings,
        notes=notes,
        keyed_signatures_checked=keyed,
    )


def _check_trails(
    conn: sqlite3.Connection, breaks: dict[str, list[tuple[str, str]]] | None = None
) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of the audit trail's and the print records' hash chains (any row
    edited, deleted or inserted, named), and of this file against every outside copy it
    knows: its backups and the copies recorded in ``outside_copy`` (chains cut off).
    ``breaks``: the chains' breaks as a worker process found them (None: check them here)."""
    problems = [
        Problem(subject, message, kind)
        for table, kind in ((trails.AUDIT, "audit"), (trails.PRINTS, "print"))
        for subject, message in (breaks[table] if breaks is not None else trails.check_chain(conn, table))
    ]
    path = _database_file(conn)
    cut, restored = copies.compare_all(conn, Path(path) if path else None)
    problems.extend(Problem(subject, message, "copy") for subject, message in cut)
    return problems, [Problem(subject, message, "copy") for subject, message in restored]


def require_verified(uow: UnitOfWork, record_ids: Iterable[str]) -> None:
    """Raise :class:`RecordsFailVerification` if any of these records fail verification."""
    ids = list(record_ids)
    if not ids:
        return
    report = verify(uow, record_ids=ids)
    if not report.ok:
        raise RecordsFailVerification(report.problems)


# --------------------------------------------------------------------------------------------
# One supervisee: their records read once, verified, and handed on for summing


_ATTENDED = "{column} IN (SELECT session_id FROM session_attendee WHERE supervisee_id = ?)"
# A link and, last, the chain hash of the link before it (NULL for none): its predecessor.
_LINK_WITH_PREDECESSOR_SQL = (
    "SELECT prev_chain_hash, seq, record_kind, record_id, action, signer_id, signed_at, reason, "
    "content_hash, chain_hash, (SELECT p.chain_hash FROM sign_off p WHERE p.seq = sign_off.seq - 1) "
    "FROM sign_off"
)
_SUPERVISEE_AUDITED_SQL = (
    f"SELECT DISTINCT record_id, action FROM audit_event WHERE supervisee_id = ? AND {_AUDITED} "
    "AND record_id IS NOT NULL"
)


# Signed amendments replacing any of a supervisee's records (the originals no longer count).
_SUPERSEDED_SQL = (
    "SELECT supersedes_id FROM supervision_session WHERE status = 'signed' AND supersedes_id IN "
    "(SELECT session_id FROM session_attendee WHERE supervisee_id = ?) "
    "UNION ALL SELECT supersedes_id FROM experience_entry WHERE status = 'signed' AND supersedes_id IN "
    "(SELECT value FROM json_each(?))"  # the entries' ids, as read
)


@dataclass
class SuperviseeRecords:
    """Everything signed for one supervisee, read once and verified (:func:`read_supervisee`):
    the raw rows progress and printing sum, so they never read them a second time."""

    sessions: _Batch  # every session that lists the supervisee (any status), and those below
    experience: _Batch  # every experience entry of the supervisee, and those below
    signs: dict[Any, tuple[Any, ...]]  # {record id: its sign link} (the columns of _SIGN_OFF_SQL)
    voids: dict[Any, tuple[Any, ...]]  # {record id: its void link}
    superseded: set[Any]  # ids of these records that a signed amendment replaces
    report: VerifyReport

    @property
    def voided(self) -> set[Any]:
        return set(self.voids)


def _merge(batch: _Batch, more: _Batch) -> None:
    batch.rows.extend(more.rows)
    batch.attendees.update(more.attendees)
    batch.allocations.update(more.allocations)


def read_supervisee(uow: UnitOfWork, supervisee_id: int, *, also: Iterable[str] = ()) -> SuperviseeRecords:
    """Read and verify every record of a supervisee: the sessions that list them now, their
    experience entries, and every record the audit trail says was signed or voided for them
    (so a record deleted, set back to pending or with the supervisee removed is still checked,
    and fails), plus the records ``also`` names; with each one's links and the links before
    those. The same checks as ``verify(record_ids=...)`` of those records, read by a few
    queries on the supervisee's indexes instead of ``IN`` lists.

    Verified once per change (:mod:`~supervisor_app.services.verified`): a supervisee whose
    records verified with nothing changed since is handed back as read then; after a
    whole-file verification that found nothing wrong with their records (and nothing changed
    since), they are read without hashing or signature checks."""
    also = list(also)
    if also:  # a print of particular records: checked as asked, not remembered
        return _read_supervisee(uow, supervisee_id, also, check=True)
    proof = verified.supervisee_proof(uow, supervisee_id)
    if proof is not None:
        return proof.value  # type: ignore[no-any-return]
    whole = verified.whole_file(uow)
    vouched = (  # the file verified, nothing wrong with this supervisee's records, none changed since
        whole is not None
        and None not in whole.failing
        and supervisee_id not in whole.failing
        and supervisee_id not in verified.touched_since_whole(uow, whole)
    )
    records = _read_supervisee(uow, supervisee_id, [], check=not vouched)
    if records.report.ok:
        verified.remember_supervisee(uow, supervisee_id, records)
    return records


def _read_supervisee(
    uow: UnitOfWork, supervisee_id: int, also: list[str], *, check: bool
) -> SuperviseeRecords:
    """:func:`read_supervisee`'s reads; ``check=False``: the whole file was verified at this
    state, so the records are read and their links indexed without hashing or Ed25519."""
    conn = _dbapi(uow)
    attended = Among(_ATTENDED, (supervisee_id,))
    # No no_cycle_collection() here: a few thousand rows, and turning the collector back on costs more.
    sessions = _read(conn, _SESSION, attended)
    # The entries by the supervisee's index, then their children and links by their ids.
    rows = _query(conn, f"{_RECORD_SQL[_EXPERIENCE]} WHERE supervisee_id = ?", (supervisee_id,))
    own = among_ids([row[0] for row in rows])
    experience = _Batch(_EXPERIENCE, rows, {}, _allocation_items(conn, _EXPERIENCE, own))
    # Checked: the records the audit trail names too (a deleted one must fail), and each link's
    # predecessor. Vouched for by the whole file's verification: the links alone.
    audited = _query(conn, _SUPERVISEE_AUDITED_SQL, (supervisee_id,)) if check else []
    link_sql = _LINK_WITH_PREDECESSOR_SQL if check else _SIGN_OFF_SQL
    link_rows = _select(conn, link_sql, "record_id", attended)
    link_rows += _select(conn, link_sql, "record_id", own)
    known = set(map(itemgetter(0), sessions.rows))
    known.update(map(itemgetter(0), experience.rows))
    also = [*also, *_supervisee_foreign_ids(conn, supervisee_id)]  # a foreign one deleted is still checked
    missing = [rid for rid in dict.fromkeys([*map(itemgetter(0), audited), *also]) if rid not in known]
    if missing:
        _merge(sessions, _read(conn, _SESSION, missing))
        _merge(experience, _read(conn, _EXPERIENCE, missing))
        audited = list(
            dict.fromkeys([*audited, *_select(conn, _AUDITED_SQL, "record_id", missing, _AUDITED)])
        )
        link_rows += _select(conn, link_sql, "record_id", missing)
    by_seq = {row[_SEQ]: row for row in link_rows}
    links = [by_seq[seq][:10] for seq in sorted(by_seq)]
    predecessors = {seq: row[10] for seq, row in by_seq.items() if check and row[10] is not None}

    problems: list[Problem] = []
    add = problems.append
    notes: list[Problem] = []
    unkeyed: list[Problem] = []
    if not check:
        signs, voids = _index_links(links, add)
        if foreign_ids := _foreign_record_ids(conn, among_ids([*known, *missing])):
            arrived = _check_foreign(conn, among_ids(list(foreign_ids)), add)
            signs.update(arrived.signs)
            voids.update(arrived.voids)
        superseded = {row[0] for row in conn.execute(_SUPERSEDED_SQL, (supervisee_id, *own.params))}
        report = VerifyReport(records_checked=0, signatures_checked=0, problems=problems)
        return SuperviseeRecords(sessions, experience, signs, voids, superseded, report)
    _check_chain(links, predecessors, add)
    signs, voids = _index_links(links, add)
    keyed = _check_keyed(conn, links, False, unkeyed.append, notes.append)
    voided = set(voids)
    seen: set[Any] = set()
    foreign = _foreign_record_ids(conn, among_ids([*known, *missing]))
    for batch in (sessions, experience):
        seen.update(map(itemgetter(0), batch.rows))
        rows = [row for row in batch.rows if row[0] not in foreign] if foreign else batch.rows
        ids = list(map(itemgetter(0), rows))
        digests = content_digests(batch, hashing_for(conn, ids), rows)
        _check_records(batch.kind, ids, list(map(itemgetter(1), rows)), digests, voided, signs, voids, add)
    _check_deleted(signs, voids, seen, add)
    _check_audit_trail(audited, signs, voids, {p.record_id for p in problems}, add)
    problems.extend(unkeyed)
    if foreign or missing:
        arrived = _check_foreign(conn, among_ids([*known, *missing]), add)
        signs.update(arrived.signs)
        voids.update(arrived.voids)
    superseded = {row[0] for row in conn.execute(_SUPERSEDED_SQL, (supervisee_id, *own.params))}
    if missing:
        superseded.update(
            row[0]
            for table in ("supervision_session", "experience_entry")
            for row in _select(
                conn,
                f"SELECT supersedes_id FROM {table}",
                "supersedes_id",
                missing,
                f"status = '{_SIGNED}'",
            )
        )
    report = VerifyReport(
        records_checked=len(seen),
        signatures_checked=len(links),
        problems=problems,
        notes=notes,
        keyed_signatures_checked=keyed,
    )
    return SuperviseeRecords(sessions, experience, signs, voids, superseded, report)


def require_supervisee_verified(
    uow: UnitOfWork, supervisee_id: int, *, also: Iterable[str] = ()
) -> SuperviseeRecords:
    """:func:`read_supervisee`, raising :class:`RecordsFailVerification` on any problem."""
    records = read_supervisee(uow, supervisee_id, also=also)
    if not records.report.ok:
        raise RecordsFailVerification(records.report.problems)
    return records


# --------------------------------------------------------------------------------------------
# Records signed in another database (arrived in an hours file, see services.hours_files)
#
# They have no link in this database's chain: their links, as their own chain stored them, are
# in ``foreign_link`` and the keyed signatures covering them in ``signature`` (verbatim, with
# their chain's id). They are verified by these functions, by the same rules as the records
# signed here: the signature valid under the signer's stored public key, each link equal to
# the payload's entry and to its own chain hash, each record's content (version 2: people as
# global ids) hashing to what was signed, a void matching its record and reason.

_FOREIGN_LINK_SQL = (
    "SELECT prev_chain_hash, seq, record_kind, record_id, action, signer_id, signed_at, reason, "
    "content_hash, chain_hash, chain_id, signature_id, people FROM foreign_link"
)
_F_CHAIN_ID, _F_SIGNATURE, _F_PEOPLE = 10, 11, 12
_FOREIGN_SIGNATURE_SQL = (
    "SELECT id, chain_id, key_fingerprint, first_seq, last_seq, payload, signature FROM signature"
)
_KEY_SQL = (
    "SELECT k.fingerprint, k.public_key, k.supervisor_id, s.global_id, s.name FROM supervisor_key k "
    "LEFT JOIN supervisor s ON s.id = k.supervisor_id"
)
# The foreign records naming any of these global ids (a JSON array) as a supervisee.
_FOREIGN_OF_SQL = (
    "SELECT DISTINCT f.record_id FROM foreign_link f, json_each(f.people, '$.supervisees') p "
    "WHERE f.action = 'sign' AND p.value IN (SELECT value FROM json_each(?))"
)


def foreign_content(kind: str, row: Sequence[Any], people: dict[str, Any]) -> list[Any]:
    """A record's content version 2 (:func:`~supervisor_app.services.canonical._content_payload_v2`)
    from its row here (of :func:`read_records`), with the people named by the global ids it
    was signed with (``people``: ``{"supervisor": gid, "supervisees": [gid, ...]}``), not by
    who they are here: a group session's other attendees need not be known here."""
    named = list(people.get("supervisees") or [])
    if kind == _EXPERIENCE:
        attendees: list[Any] = []
        supervisees = {row[5]: named[0]} if named else {}
    else:
        attendees = list(range(len(named)))
        supervisees = dict(enumerate(named))
    hashing = Hashing(0, set(), {row[2]: people.get("supervisor")}, supervisees)
    return _content_payload_v2(kind, row, attendees, row[13], hashing)


def foreign_digest(kind: str, row: Sequence[Any], people: dict[str, Any]) -> str:
    return _sha256(_json(foreign_content(kind, row, people)))


def _foreign_record_ids(conn: sqlite3.Connection, ids: Sequence[Any] | Among | None) -> set[Any]:
    """Which of these records (``None``: all) arrived signed from another database."""
    if not _has_foreign_links(conn):
        return set()
    rows = _select(conn, "SELECT record_id FROM foreign_link", "record_id", ids, "action = 'sign'")
    return set(map(itemgetter(0), rows))


def _has_foreign_links(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("SELECT 1 FROM foreign_link LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:  # an older schema, read before its upgrade
        return False


def _supervisee_foreign_ids(conn: sqlite3.Connection, supervisee_id: int) -> list[Any]:
    """The records from another database that name this supervisee (by their global id, or
    another one linked to them)."""
    if not _has_foreign_links(conn):
        return []
    gids = [
        row[0]
        for row in _query(
            conn,
            "SELECT global_id FROM supervisee WHERE id = ? AND global_id IS NOT NULL "
            "UNION SELECT global_id FROM supervisee_alias WHERE supervisee_id = ?",
            (supervisee_id, supervisee_id),
        )
    ]
    return [row[0] for row in _query(conn, _FOREIGN_OF_SQL, (_json(gids),))]


def _without(chunk: Chunk, foreign: set[Any]) -> Chunk:
    """A chunk of hashed records less those from another database (checked apart)."""
    ids, statuses, digests = chunk
    if isinstance(digests, str):
        digests = [digests[i : i + _HEX] for i in range(0, len(digests), _HEX)]
    keep = [i for i, rid in enumerate(ids) if rid not in foreign]
    return [ids[i] for i in keep], [statuses[i] for i in keep], [digests[i] for i in keep]


@dataclass
class ForeignLinks:
    """The sign and void links of records from another database, checked; shaped as this
    chain's links (:data:`_SIGN_OFF_SQL`), with the signer as their supervisor id here."""

    signs: dict[Any, tuple[Any, ...]] = field(default_factory=dict)
    voids: dict[Any, tuple[Any, ...]] = field(default_factory=dict)
    chains: dict[Any, str] = field(default_factory=dict)  # {record id: the chain it was signed in}


def _person_ids(conn: sqlite3.Connection) -> tuple[dict[Any, Any], dict[Any, set[Any]]]:
    """{supervisor id: global id}, {supervisee id: their global ids (theirs and linked ones)}."""
    supervisors = dict(_query(conn, "SELECT id, global_id FROM supervisor"))
    supervisees: dict[Any, set[Any]] = {}
    for sid, gid in _query(
        conn,
        "SELECT id, global_id FROM supervisee UNION ALL SELECT supervisee_id, global_id FROM supervisee_alias",
    ):
        supervisees.setdefault(sid, set()).add(gid)
    return supervisors, supervisees


def _check_signatures(
    conn: sqlite3.Connection, signature_ids: Iterable[Any]
) -> dict[Any, tuple[str | None, dict[Any, Any], tuple[Any, ...], Any]]:
    """{signature id: (what is wrong with it or None, {seq: payload link entry}, the row, the
    signer's supervisor id here)} for these foreign signatures."""
    keys = {row[0]: row for row in _query(conn, _KEY_SQL)}
    checked: dict[Any, tuple[str | None, dict[Any, Any], tuple[Any, ...], Any]] = {}
    for row in _select(conn, _FOREIGN_SIGNATURE_SQL, "id", list(signature_ids)):
        sid, chain, fingerprint, _first, _last, payload_text_, signature_hex = row
        key = keys.get(fingerprint)
        entries: dict[Any, Any] = {}
        problem: str | None = None
        if key is None:
            problem = f"signature {str(sid)[:8]} names a key that is not on file"
        elif not (
            isinstance(payload_text_, str)
            and isinstance(signature_hex, str)
            and signatures.check(key[1], payload_text_, signature_hex)
        ):
            problem = f"signature {str(sid)[:8]} by {key[4]} does not check under their key (it was altered)"
        else:
            payload = json.loads(payload_text_)
            signer = payload.get("signer") or {}
            if payload.get("id") != sid or payload.get("chain") != chain or signer.get("key") != fingerprint:
                problem = f"signature {str(sid)[:8]} was stored under another id, chain or key than it signed"
            elif signer.get("global_id") != key[3]:
                problem = f"signature {str(sid)[:8]}'s key belongs to someone else here than its signer"
            entries = {entry.get("seq"): entry for entry in payload.get("links") or ()}
        checked[sid] = (problem, entries, row, key[2] if key is not None else None)
    return checked


def _check_foreign(
    conn: sqlite3.Connection, ids: Sequence[Any] | Among | None, add: Callable[[Problem], None]
) -> ForeignLinks:
    """Check the records from another database (``None``: all of them; else those among
    ``ids``) and their links; report each problem with the record's id."""
    result = ForeignLinks()
    if not _has_foreign_links(conn):
        return result
    links = _select(conn, _FOREIGN_LINK_SQL, "record_id", ids)
    if not links:
        return result
    signatures_ = _check_signatures(conn, {link[_F_SIGNATURE] for link in links})
    record_ids = list({link[_RID] for link in links})
    rows: dict[Any, tuple[str, tuple[Any, ...]]] = {}
    for kind in (_SESSION, _EXPERIENCE):
        for rid, row in read_records(conn, kind, record_ids).items():
            rows[rid] = (kind, row)
    supervisors, supervisees = _person_ids(conn)
    digests: dict[Any, str] = {}
    links.sort(key=lambda link: (link[_ACTION] != _SIGN, str(link[_F_CHAIN_ID]), link[_SEQ]))
    for link in links:
        rid, seq, action = link[_RID], link[_SEQ], link[_ACTION]
        where = f"#{seq} of database {str(link[_F_CHAIN_ID])[:8]}"
        problem, entries, sig_row, signer = signatures_.get(link[_F_SIGNATURE], ("missing", {}, (), None))
        if problem == "missing":
            add(Problem(rid, f"its signature ({where}) is missing"))
        elif problem is not None:
            add(Problem(rid, problem))
        else:
            entry = entries.get(seq)
            expected = dict(
                zip(
                    signatures.LINK_FIELDS,
                    (seq, link[_KIND], rid, action, link[_CONTENT], link[_CHAIN]),
                    strict=True,
                )
            )
            if entry != expected or sig_row[1] != link[_F_CHAIN_ID]:
                add(Problem(rid, f"signature {where} is not the one its keyed signature lists (altered)"))
        own = chain_hash(
            prev=link[_PREV],
            seq=seq,
            kind=link[_KIND],
            record_id=rid,
            action=action,
            signer_id=link[_SIGNER],
            signed_at=link[_AT],
            reason=link[_REASON],
            content=link[_CONTENT],
        )
        if own != link[_CHAIN]:
            add(Problem(rid, f"signature {where} was altered (its signer, time, reason or hash changed)"))
        shaped = (*link[:_SIGNER], signer, *link[_SIGNER + 1 : 10])
        if action == _VOID:
            result.voids[rid] = shaped
            digest = digests.get(rid)
            if (
                rid in result.signs
                and digest is not None
                and void_content_hash(digest, link[_REASON]) != link[_CONTENT]
            ):
                add(Problem(rid, f"void {where} no longer matches the record or its reason"))
            if rid not in result.signs:
                add(Problem(rid, f"void {where} withdraws a record that has no signature"))
            continue
        result.signs[rid] = shaped
        result.chains[rid] = link[_F_CHAIN_ID]
        found = rows.get(rid)
        if found is None:
            add(
                Problem(
                    rid, f"arrived signed from another database ({where}) but the record has been deleted"
                )
            )
            continue
        kind, row = found
        if kind != link[_KIND]:
            add(Problem(rid, f"signature {where} is for a {link[_KIND]}, not a {kind}"))
            continue
        if row[1] != _SIGNED:
            add(Problem(rid, f"arrived signed ({where}) but is marked {row[1]!r} now"))
        try:
            people = json.loads(link[_F_PEOPLE])
        except (TypeError, ValueError):
            people = {}
        named = set(people.get("supervisees") or ())
        if supervisors.get(row[2]) != people.get("supervisor"):
            add(Problem(rid, "its supervisor was changed after it arrived from another database"))
        here = [row[5]] if kind == _EXPERIENCE else list(row[12])
        if any(not (supervisees.get(sid, set()) & named) for sid in here):
            add(
                Problem(
                    rid, "its supervisee or attendees were changed after it arrived from another database"
                )
            )
        elif kind == _SESSION:
            listed = {gid for sid in here for gid in supervisees.get(sid, set())}
            known = {gid for gids in supervisees.values() for gid in gids}
            if (named & known) - listed:
                add(Problem(rid, "an attendee was removed after it arrived from another database"))
        digest = digests[rid] = foreign_digest(kind, row, people)
        if digest != link[_CONTENT]:
            add(Problem(rid, f"content changed after it was signed (signature {where})"))
    return result


def record_origins(uow: UnitOfWork, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """For records that arrived from another database: {record id: {"chain": its chain id,
    "agency": the agency that database named, "signer": who signed it, "signed_at": when}}."""
    conn = _dbapi(uow)
    ids = list(record_ids)
    if not ids or not _has_foreign_links(conn):
        return {}
    sql = (
        "SELECT f.record_id, f.chain_id, coalesce(c.agency, ''), coalesce(s.name, ''), f.signed_at "
        "FROM foreign_link f LEFT JOIN foreign_chain c ON c.chain_id = f.chain_id "
        "LEFT JOIN signature g ON g.id = f.signature_id "
        "LEFT JOIN supervisor_key k ON k.fingerprint = g.key_fingerprint "
        "LEFT JOIN supervisor s ON s.id = k.supervisor_id"
    )
    return {
        rid: {"chain": chain, "agency": agency, "signer": signer, "signed_at": at}
        for rid, chain, agency, signer, at in _select(conn, sql, "f.record_id", ids, "f.action = 'sign'")
    }


def signature_count(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.count()).select_from(SignOff)) or 0


__all__ = [
    "GENESIS",
    "ClockBehind",
    "ForeignLinks",
    "Problem",
    "RecordsFailVerification",
    "SignResult",
    "SuperviseeRecords",
    "VerifyReport",
    "chain_hash",
    "check_clock",
    "content_hash",
    "pending_ids",
    "read_records",
    "record_origins",
    "read_supervisee",
    "require_supervisee_verified",
    "require_verified",
    "sign",
    "verify",
    "void",
    "void_content_hash",
]
