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

Speed: :func:`verify` must check at least 100,000 records a second. It reads flat rows through
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
import gc
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain as chained
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    AuditEvent,
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    SignOff,
    SignOffAction,
    Supervisee,
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

# Every field that matters, read raw from storage, in the order they are hashed (the status,
# second, is read but not hashed: signing flips it). An experience entry has no topics or
# attendees; the two '' keep both kinds' rows the same shape.
_RECORD_SQL = {
    RecordKind.SESSION: (
        "SELECT id, status, supervisor_id, date, start_time, minutes, format, modality, site, topics, "
        "supersedes_id, amendment_reason FROM supervision_session"
    ),
    RecordKind.EXPERIENCE: (
        "SELECT id, status, supervisor_id, period_start, period_end, supervisee_id, kind, setting, '', '', "
        "supersedes_id, amendment_reason FROM experience_entry"
    ),
}
_ATTENDEE_SQL = "SELECT session_id, supervisee_id FROM session_attendee"
# An allocation is hashed as the item "code=minutes" (unambiguous: an integer has no '='),
# made by SQLite when the code is text and the minutes an integer, as the app writes them. Any
# other row (only a hand edit makes one) reads as NULL here and is then read raw and spelled
# with its types (_tagged), so it can never pass for a regular one.
_REGULAR_ALLOCATION = "typeof(domain_code) = 'text' AND typeof(minutes) = 'integer'"
_ALLOCATION_TABLES = {
    RecordKind.SESSION: ("session_allocation", "session_id"),
    RecordKind.EXPERIENCE: ("experience_allocation", "entry_id"),
}
# A link's columns in the order its chain hash covers them, then the chain hash itself.
_SIGN_OFF_SQL = (
    "SELECT prev_chain_hash, seq, record_kind, record_id, action, signer_id, signed_at, reason, "
    "content_hash, chain_hash FROM sign_off"
)
_PREV, _SEQ, _KIND, _RID, _ACTION, _SIGNER, _AT, _REASON, _CONTENT, _CHAIN = range(10)
_IN_CHUNK = 500  # ids per "IN (...)" query
_VERIFY_CHUNK = 20_000  # records hashed between two progress reports

_SIGN = SignOffAction.SIGN.value
_VOID = SignOffAction.VOID.value
_PENDING = RecordStatus.PENDING.value
_SIGNED = RecordStatus.SIGNED.value
_SESSION = RecordKind.SESSION.value
_EXPERIENCE = RecordKind.EXPERIENCE.value


# --------------------------------------------------------------------------------------------
# Reading the raw rows


def _dbapi(uow: UnitOfWork) -> sqlite3.Connection:
    """The driver connection under the unit of work's transaction (same snapshot, same lock)."""
    return uow.session.connection().connection.driver_connection  # type: ignore[return-value]


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _query(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """All rows; text that is not valid UTF-8 (only a hand edit can store it) still reads."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
    saved = conn.text_factory
    conn.text_factory = _lenient_text
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.text_factory = saved


def _select(
    conn: sqlite3.Connection, sql: str, column: str, ids: Sequence[Any] | None, where: str = ""
) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (with the condition ``where``), all of them or those whose ``column`` is
    one of ``ids``."""
    if ids is None:
        return _query(conn, f"{sql} WHERE {where}" if where else sql)
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        condition = f"{column} IN ({','.join('?' * len(chunk))})"
        rows.extend(
            _query(
                conn, f"{sql} WHERE {where} AND {condition}" if where else f"{sql} WHERE {condition}", chunk
            )
        )
    return rows


def _grouped(rows: list[tuple[Any, Any]]) -> dict[Any, list[Any]]:
    """``(record id, value)`` rows as {record id: [values]}, in storage order."""
    groups: dict[Any, list[Any]] = {}
    get = groups.get
    for key, value in rows:
        group = get(key)
        if group is None:
            groups[key] = [value]
        else:
            group.append(value)
    return groups


def _allocation_items(
    conn: sqlite3.Connection, kind: RecordKind, ids: Sequence[str] | None
) -> dict[Any, list[Any]]:
    """{record id: allocation items}, unsorted."""
    table, column = _ALLOCATION_TABLES[kind]
    item = f"CASE WHEN {_REGULAR_ALLOCATION} THEN domain_code || '=' || minutes END"
    rows = _select(conn, f"SELECT {column}, {item} FROM {table}", column, ids)
    groups = _grouped(rows)
    if None in map(itemgetter(1), rows):
        for items in groups.values():
            items[:] = [item for item in items if item is not None]
        irregular = f"SELECT {column}, domain_code, minutes FROM {table}"
        for key, code, minutes in _select(conn, irregular, column, ids, f"NOT ({_REGULAR_ALLOCATION})"):
            groups.setdefault(key, []).append([*_tagged(code), *_tagged(minutes)])
    return groups


@dataclass
class _Batch:
    """Records of one kind as read for hashing."""

    kind: str
    rows: list[tuple[Any, ...]]  # the 12 hashed columns
    attendees: dict[Any, list[Any]]  # {session id: attendee ids as stored}
    allocations: dict[Any, list[Any]]  # {record id: allocation items}

    def reference_text(self, row: Sequence[Any]) -> str:
        rid = row[0]
        return _json(
            _content_payload(self.kind, row, self.attendees.get(rid, ()), self.allocations.get(rid, ()))
        )


def _read(conn: sqlite3.Connection, kind: RecordKind, ids: Sequence[str] | None) -> _Batch:
    rows = _select(conn, _RECORD_SQL[kind], "id", ids)
    attendees = (
        _grouped(_select(conn, _ATTENDEE_SQL, "session_id", ids)) if kind is RecordKind.SESSION else {}
    )
    return _Batch(kind.value, rows, attendees, _allocation_items(conn, kind, ids))


def read_records(
    conn: sqlite3.Connection, kind: RecordKind | str, ids: Iterable[str] | None = None
) -> dict[str, tuple[Any, ...]]:
    """Each record's raw row as it is hashed: the 12 columns of the SQL above, then its attendee
    ids and its allocation items (``"code=minutes"``), both in storage order."""
    batch = _read(conn, RecordKind(kind), None if ids is None else list(ids))
    return {
        row[0]: (*row, batch.attendees.get(row[0], []), batch.allocations.get(row[0], []))
        for row in batch.rows
    }


@contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while hundreds of thousands of rows are in memory: they hold
    no cycles, and collecting over them again and again would double the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --------------------------------------------------------------------------------------------
# The canonical serialisation: the reference


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _sha256(text_: str) -> str:
    # surrogateescape: text read leniently (invalid UTF-8) hashes as its raw bytes.
    return hashlib.sha256(text_.encode("utf-8", "surrogateescape")).hexdigest()


def _tagged(value: Any) -> list[str]:
    """A value of an unexpected type, spelled with its type so it equals no regular value."""
    if value is None:
        return ["null", ""]
    if isinstance(value, bytes):
        return ["blob", value.hex()]
    return [type(value).__name__, str(value)]


def _field(value: Any) -> Any:
    """A record column as hashed: its text (numbers too), null, or a tagged blob."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return _tagged(value)
    return str(value)


def _mixed_key(item: Any) -> tuple[int, Any]:
    return (0, item) if item.__class__ is int else (1, _json(item))


def _sorted_items(items: list[Any]) -> list[Any]:
    try:
        return sorted(items)
    except TypeError:  # mixed types: only a hand edit can do that
        return sorted(items, key=_mixed_key)


def _content_payload(
    kind: str, row: Sequence[Any], attendees: Iterable[Any], allocations: Iterable[Any]
) -> list[Any]:
    """The canonical content of one record, as a JSON-able list: the kind, the 12 columns but
    the status, the sorted attendee ids, the sorted allocation items."""
    fields = [_field(v) for v in row[:12]]
    del fields[1]  # the status is not content: signing flips it
    who = [v if v.__class__ is int else _tagged(v) for v in attendees]
    return [kind, *fields, _sorted_items(who), _sorted_items(list(allocations))]


def _jsonable(value: Any) -> Any:
    return _tagged(value) if isinstance(value, bytes) else value


def _link_fields(
    prev: Any,
    seq: Any,
    kind: Any,
    record_id: Any,
    action: Any,
    signer_id: Any,
    signed_at: Any,
    reason: Any,
    content: Any,
) -> list[Any]:
    """What a link's chain hash covers, in order, as a JSON-able list."""
    return [_jsonable(v) for v in (prev, seq, kind, record_id, action, signer_id, signed_at, reason, content)]


# --------------------------------------------------------------------------------------------
# The canonical serialisation: the fast path, a column at a time
#
# verify spends its time here. Instead of one json.dumps per record, each text column is
# checked once for the whole batch (and escaped in one C call in the rare case it needs it),
# then one f-string per record or link fills a fixed template. It applies to the types the app
# writes; any other type raises TypeError and the batch (or the record) takes the reference.

# The JSON string encoder json.dumps(ensure_ascii=False) itself uses (C when available).
_enc: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]

_LINK_TEXT_COLUMNS = (_PREV, _KIND, _RID, _ACTION, _AT, _REASON, _CONTENT)
# Record columns (see _RECORD_SQL): text, integer, and nullable text (JSON null or a string).
_TEXT_COLUMNS = {_SESSION: (0, 3, 6, 7, 8, 9, 11), _EXPERIENCE: (0, 3, 4, 6, 7, 8, 9, 11)}
_INT_COLUMNS = (2, 5)
_NULLABLE_COLUMNS = {_SESSION: (4, 10), _EXPERIENCE: (10,)}  # start time, supersedes


_JSON_ESCAPED = bytes(range(0x20)) + b'"\\'


def _plain(text_: str) -> bool:
    """True when JSON escapes nothing in ``text_``. It escapes only '"', '\\' and C0 controls,
    all single bytes in UTF-8 (no byte of a multi-byte character is below 0x80)."""
    try:
        data = text_.encode()
    except UnicodeEncodeError:  # a lone surrogate (text read leniently)
        return False
    return len(data.translate(None, _JSON_ESCAPED)) == len(data)


def _escaped(values: Sequence[str]) -> Sequence[str]:
    """Each text JSON-escaped as ``_enc`` does, without its quotes. TypeError if one is not text."""
    if _plain("".join(values)):
        return values
    escaped = _enc("\x00".join(values))
    parts = escaped[1:-1].split("\\u0000")
    if len(parts) == len(values):  # no value held a NUL or a literal "\u0000" itself
        return parts
    return [_enc(v)[1:-1] for v in values]


def _tokens(values: Sequence[str | None]) -> list[str]:
    """Each value as a JSON token: quoted escaped text, or null. TypeError for other types."""
    texts = ["" if v is None else v for v in values]
    return ["null" if v is None else f'"{e}"' for v, e in zip(values, _escaped(texts), strict=True)]


def _all_int(values: Iterable[Any]) -> bool:
    return set(map(type, values)) <= {int}


def _attendee_token(ids: list[Any]) -> str | None:
    try:
        return int.__repr__(ids[0]) if len(ids) == 1 else ",".join(map(int.__repr__, sorted(ids)))
    except TypeError:  # not an integer: only the reference spells it
        return None


def _allocation_token(items: list[Any]) -> str | None:
    try:
        return ",".join(map(_enc, sorted(items)))
    except TypeError:  # a tagged item: only the reference spells it
        return None


_Tokens = tuple[dict[Any, "str | None"], dict[Any, "str | None"]]


def _child_tokens(batch: _Batch) -> _Tokens:
    """{record id: the JSON inside "[...]"} for its attendees and for its allocations, as the
    reference writes them; None for a record with an item only the reference can spell."""
    try:
        who = {
            key: int.__repr__(v[0]) if len(v) == 1 else ",".join(map(int.__repr__, sorted(v)))
            for key, v in batch.attendees.items()
        }
    except TypeError:
        who = {key: _attendee_token(v) for key, v in batch.attendees.items()}
    try:
        if _plain("".join(chained.from_iterable(batch.allocations.values()))):
            parts = {key: '"' + '","'.join(sorted(v)) + '"' for key, v in batch.allocations.items()}
        else:
            parts = {key: ",".join(map(_enc, sorted(v))) for key, v in batch.allocations.items()}
    except TypeError:
        parts = {key: _allocation_token(v) for key, v in batch.allocations.items()}
    return who, parts


def _content_texts(
    batch: _Batch, rows: Sequence[tuple[Any, ...]], tokens: _Tokens | None = None
) -> list[str]:
    """The canonical content text of each of ``rows`` (from ``batch``), in order: that is,
    ``_json(_content_payload(...))``. ``tokens``: :func:`_child_tokens` of the batch
    (computed here if not given; :func:`verify` computes them once for all its chunks)."""
    if not rows:
        return []
    who, parts = tokens if tokens is not None else _child_tokens(batch)
    try:
        texts = _fast_content_texts(batch.kind, rows, who, parts)
    except TypeError:  # a column holds a value of another type: the reference, row by row
        return [batch.reference_text(row) for row in rows]
    if None in who.values() or None in parts.values():
        for i, row in enumerate(rows):
            if who.get(row[0], "") is None or parts.get(row[0], "") is None:
                texts[i] = batch.reference_text(row)
    return texts


def _fast_content_texts(
    kind: str, rows: Sequence[tuple[Any, ...]], who: dict[Any, str | None], parts: dict[Any, str | None]
) -> list[str]:
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    if not all(_all_int(columns[i]) for i in _INT_COLUMNS):
        raise TypeError
    ids = columns[0]
    for i in _TEXT_COLUMNS[kind]:
        columns[i] = _escaped(columns[i])
    for i in _NULLABLE_COLUMNS[kind]:
        columns[i] = _tokens(columns[i])
    columns[1] = list(map(parts.get, ids, repeat("")))  # the status is not hashed: its place
    if kind == _SESSION:
        columns.append(list(map(who.get, ids, repeat(""))))
        return [
            f'["session","{i}","{s}","{d}",{t},"{m}","{f}","{mo}","{si}","{to}",{su},"{r}",[{w}],[{a}]]'
            for i, a, s, d, t, m, f, mo, si, to, su, r, w in zip(*columns, strict=True)
        ]
    if who:
        raise TypeError  # an experience entry has no attendees
    return [
        f'["experience","{i}","{s}","{b}","{e}","{p}","{k}","{se}","{x}","{y}",{su},"{r}",[],[{a}]]'
        for i, a, s, b, e, p, k, se, x, y, su, r in zip(*columns, strict=True)
    ]


def _link_texts(links: Sequence[tuple[Any, ...]]) -> list[str]:
    """The text each link's chain hash covers, in order: ``_json(_link_fields(*link[:9]))``."""
    if not links:
        return []
    try:
        if not (_all_int(map(itemgetter(_SEQ), links)) and _all_int(map(itemgetter(_SIGNER), links))):
            raise TypeError
        if all(_plain("".join(map(itemgetter(i), links))) for i in _LINK_TEXT_COLUMNS):
            rows: Iterable[Sequence[Any]] = links
        else:
            columns: list[Sequence[Any]] = list(zip(*links, strict=True))
            for i in _LINK_TEXT_COLUMNS:
                columns[i] = _escaped(columns[i])
            rows = zip(*columns, strict=True)
        return [
            f'["{p}",{s},"{k}","{r}","{a}",{g},"{t}","{z}","{c}"]' for p, s, k, r, a, g, t, z, c, _ in rows
        ]
    except TypeError:
        return [_json(_link_fields(*link[:9])) for link in links]


def _digests(texts: Iterable[str]) -> list[str]:
    sha256 = hashlib.sha256
    return [sha256(t.encode("utf-8", "surrogateescape")).hexdigest() for t in texts]


# --------------------------------------------------------------------------------------------
# Hashes


def content_hash(kind: str, row: Sequence[Any]) -> str:
    """SHA-256 over the canonical serialisation of one record (a row of :func:`read_records`)."""
    return _sha256(_json(_content_payload(RecordKind(kind).value, row, row[12], row[13])))


def void_content_hash(record_hash: str, reason: str) -> str:
    return _sha256(_json(["void", record_hash, reason]))


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


def _check_may_sign(record: Record, supervisor_id: int, own: dict[int, str]) -> None:
    """Only the supervisor of record signs; nobody signs a record they are supervised in.
    ``own``: :func:`_own_supervisees` of the batch."""
    if record.supervisor_id != supervisor_id:
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
        batch = _read(conn, kind, [r.id for r in items])
        digests = _digests(_content_texts(batch, batch.rows))
        hashes.update(zip(map(itemgetter(0), batch.rows), digests, strict=True))
    return hashes


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

    The password is checked once for the batch (and the lock-out at ``now``). Commits on
    success; a refusal leaves every record pending.
    """
    stamp = now or utcnow()
    supervisor = authenticate(
        uow, supervisor_id=supervisor_id, password=password, now=stamp, record_ids=record_ids
    )
    if record_ids is None:
        record_ids = pending_ids(uow, supervisor_id=supervisor.id)
        if not record_ids:
            raise DomainError(f"{supervisor.name} has no pending records to sign.", field="record")
    elif not record_ids:
        raise DomainError("Choose at least one record to sign.", field="record")
    records = _load_records(uow, record_ids)
    own = _own_supervisees(uow, records, supervisor.id)
    for record in records:
        if record.status != RecordStatus.PENDING:
            raise DomainError(f"Record {record.id[:8]} is already signed.", field="record")
        _check_may_sign(record, supervisor.id, own)
        if record.supersedes_id:
            original = find_record(uow, record.supersedes_id)
            if display_status(uow, original).value != RecordStatus.SIGNED:
                raise DomainError(
                    f"Record {record.id[:8]} amends {original.id[:8]}, which was replaced or voided since.",
                    field="record",
                )
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
        for supervisee_id in record_supervisee_ids(record):
            audit_rows.append({"record_id": record.id, "supervisee_id": supervisee_id})
    _bulk_audit(uow, audit.AuditAction.SIGN, audit_rows, stamp)
    uow.commit()
    for record in records:
        uow.session.expire(record, ["status", "updated_at"])
    return SignResult(signed=[r.id for r in records], first_seq=first, last_seq=seq - 1)


def _bulk_audit(uow: UnitOfWork, action: str, rows: list[dict[str, Any]], at: dt.datetime) -> None:
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
    stamp = now or utcnow()
    supervisor = authenticate(
        uow, supervisor_id=supervisor_id, password=password, now=stamp, record_ids=[record_id]
    )
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
    _check_may_sign(record, supervisor.id, _own_supervisees(uow, [record], supervisor.id))
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


_AUDITED_SQL = "SELECT DISTINCT record_id, action FROM audit_event"
_AUDITED = "action IN ('sign', 'void')"
_LATEST_AUDITED_SQL = f"SELECT record_id, action FROM audit_event WHERE {_AUDITED} ORDER BY id DESC LIMIT 1"


def _check_audit_trail(
    conn: sqlite3.Connection,
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    subset: list[str] | None,
    named: set[Any],
    add: Callable[[Problem], None],
) -> None:
    """Records the audit trail says were signed or voided, whose link is not in the chain.

    The chain alone cannot say which record a deleted link belonged to; the audit trail (its
    sign and void events are written with the links, in one transaction) can. ``named``:
    records already reported, not repeated.
    """
    for rid, action in _select(conn, _AUDITED_SQL, "record_id", subset, _AUDITED):
        if rid in named or rid in (signs if action == _SIGN else voids):
            continue
        done = "signed" if action == _SIGN else "voided"
        add(Problem(rid, f"the audit trail says it was {done}, but that signature is missing from the chain"))


def _check_record(
    kind: str,
    row: tuple[Any, ...],
    digest: str,
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    add: Callable[[Problem], None],
) -> None:
    """A signed record must match its signature (and void); a pending one must have none."""
    rid, status = row[0], row[1]
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


def _check_records(
    kind: str,
    rows: Sequence[tuple[Any, ...]],
    digests: Sequence[str],
    special: set[Any],
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    add: Callable[[Problem], None],
) -> None:
    """:func:`_check_record` for the rows that can have a problem: those not signed, or whose
    hash differs from their signature's (a record signed as the other kind counts as having
    none), found with a few list operations; and the ``special`` ones (voided)."""
    ids = list(map(itemgetter(0), rows))
    expected = [
        None if link is None or link[_KIND] != kind else link[_CONTENT] for link in map(signs.get, ids)
    ]
    statuses = list(map(itemgetter(1), rows))
    if digests == expected and statuses.count(_SIGNED) == len(statuses):
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
        _check_record(kind, rows[i], digests[i], signs, voids, add)


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
    """
    subset = None if record_ids is None else list(dict.fromkeys(record_ids))
    with _bulk():
        return _verify(_dbapi(uow), subset, progress)


def _verify(
    conn: sqlite3.Connection, subset: list[str] | None, progress: Callable[[int, int], Any] | None
) -> VerifyReport:
    problems: list[Problem] = []
    add = problems.append

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
    voided = set(voids)
    if subset is not None:
        total = len(subset)
    else:
        total = sum(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("supervision_session", "experience_entry")
        )
    checked = 0
    seen: set[Any] = set()
    for kind in (_SESSION, _EXPERIENCE):
        batch = _read(conn, RecordKind(kind), subset)
        rows = batch.rows
        seen.update(map(itemgetter(0), rows))
        tokens = _child_tokens(batch)
        for start in range(0, len(rows), _VERIFY_CHUNK):
            chunk = rows[start : start + _VERIFY_CHUNK]
            digests = _digests(_content_texts(batch, chunk, tokens))
            _check_records(kind, chunk, digests, voided, signs, voids, add)
            checked += len(chunk)
            if progress is not None:
                progress(checked, total)
    for link in sorted(map(signs.__getitem__, signs.keys() - seen), key=itemgetter(_SEQ)):
        add(Problem(link[_RID], f"was signed (signature #{link[_SEQ]}) but the record has been deleted"))
    for link in sorted(map(voids.__getitem__, voids.keys() - seen - signs.keys()), key=itemgetter(_SEQ)):
        add(Problem(link[_RID], f"was voided (#{link[_SEQ]}) but the record has been deleted"))
    # 3. Signatures gone without a trace in the chain: the audit trail names their records. For
    # the whole database only when the chain is already broken, or when the newest sign or void
    # event has no link (the tail of the chain cut off); it costs a scan of the trail.
    if subset is None and not broken:
        latest = conn.execute(_LATEST_AUDITED_SQL).fetchone()
        broken = latest is not None and latest[0] not in (signs if latest[1] == _SIGN else voids)
    if subset is not None or broken:
        _check_audit_trail(conn, signs, voids, subset, {p.record_id for p in problems}, add)
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
    "GENESIS",
    "Problem",
    "RecordsFailVerification",
    "SignResult",
    "VerifyReport",
    "chain_hash",
    "content_hash",
    "pending_ids",
    "read_records",
    "require_verified",
    "sign",
    "verify",
    "void",
    "void_content_hash",
]
