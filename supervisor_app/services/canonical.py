"""The canonical content of signed records and signature links, read raw from SQLite.

The reading and serialisation half of :mod:`supervisor_app.services.signoff`, kept free of
SQLAlchemy and the models (the standard library and :mod:`supervisor_app.db`, which imports
SQLAlchemy only when an engine is made) so the worker processes of a full verification start
in milliseconds (the hashing and the worker processes' entry point are in
:mod:`~supervisor_app.services.record_digests`). See :mod:`~supervisor_app.services.signoff` for
the format and its guarantees.
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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork

GENESIS = "0" * 64

SESSION = "session"
EXPERIENCE = "experience"
SIGN = "sign"
VOID = "void"
PENDING = "pending"
SIGNED = "signed"

# Every field that matters, read raw from storage, in the order they are hashed (the status,
# second, is read but not hashed: signing flips it). An experience entry has no topics or
# attendees; the two '' keep both kinds' rows the same shape.
RECORD_SQL = {
    SESSION: (
        "SELECT id, status, supervisor_id, date, start_time, minutes, format, modality, site, topics, "
        "supersedes_id, amendment_reason FROM supervision_session"
    ),
    EXPERIENCE: (
        "SELECT id, status, supervisor_id, period_start, period_end, supervisee_id, kind, setting, '', '', "
        "supersedes_id, amendment_reason FROM experience_entry"
    ),
}
_ATTENDEE_SQL = "SELECT session_id, supervisee_id FROM session_attendee"
# An allocation is hashed as the item "code=minutes" (unambiguous: an integer has no '='),
# made by SQLite when the code is text and the minutes an integer, as the app writes them. Any
# other row (only a hand edit makes one) reads as NULL here and is then read raw and spelled
# with its types (_tagged), so it can never pass for a regular one.
# On PostgreSQL the columns are typed (a code is text, minutes an integer): only a NULL is irregular.
_REGULAR_ALLOCATION = "typeof(domain_code) = 'text' AND typeof(minutes) = 'integer'"
_REGULAR_ALLOCATION_PG = "domain_code IS NOT NULL AND minutes IS NOT NULL"
_ALLOCATION_TABLES = {
    SESSION: ("session_allocation", "session_id"),
    EXPERIENCE: ("experience_allocation", "entry_id"),
}
# A link's columns in the order its chain hash covers them, then the chain hash itself.
SIGN_OFF_SQL = (
    "SELECT prev_chain_hash, seq, record_kind, record_id, action, signer_id, signed_at, reason, "
    "content_hash, chain_hash FROM sign_off"
)
PREV, SEQ, KIND, RID, ACTION, SIGNER, AT, REASON, CONTENT, CHAIN = range(10)
IN_CHUNK = 500  # ids per "IN (...)" query
VERIFY_CHUNK = 20_000  # records hashed between two progress reports

# --------------------------------------------------------------------------------------------
# Reading the raw rows


def on_postgres(conn: Any) -> bool:
    """Whether ``conn`` (:meth:`UnitOfWork.raw <supervisor_app.db.UnitOfWork.raw>`) is the
    agency database's adapter rather than SQLite's own connection."""
    return not isinstance(conn, sqlite3.Connection)


def in_list(conn: Any, column: str, values: Iterable[Any]) -> tuple[str, tuple[Any, ...]]:
    """The condition "``column`` is one of ``values``" and its one parameter, for any number of
    values: ``IN (SELECT value FROM json_each(?))`` with a JSON array on SQLite, ``= ANY(?)``
    with a list (an array) on PostgreSQL."""
    if on_postgres(conn):
        return f"{column} = ANY(?)", (list(values),)
    return f"{column} IN (SELECT value FROM json_each(?))", (json.dumps(list(values)),)


def lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def query_rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """All rows; text that is not valid UTF-8 (only a hand edit can store it) still reads."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
    saved = conn.text_factory
    conn.text_factory = lenient_text
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.text_factory = saved


@dataclass(frozen=True)
class Among:
    """Rows whose record-id column is among what a subquery returns: ``template`` is a
    condition with ``{column}`` where the column goes, e.g. ``"{column} IN (SELECT session_id
    FROM session_attendee WHERE supervisee_id = ?)"``, and ``params`` its parameters. One
    query instead of one per 500 ids."""

    template: str
    params: tuple[Any, ...] = ()
    values: tuple[Any, ...] | None = None  # or: the column is one of these (:func:`among_ids`)

    def where(self, conn: Any, column: str) -> tuple[str, tuple[Any, ...]]:
        """The condition on ``column`` and its parameters, for ``conn``'s database."""
        if self.values is not None:
            return in_list(conn, column, self.values)
        return self.template.format(column=column), self.params


def among_ids(ids: Sequence[str]) -> Among:
    """Rows of these record ids, as one parameter (:func:`in_list`: one query, any number of ids)."""
    return Among("", values=tuple(ids))


def select_in(
    conn: sqlite3.Connection,
    sql: str,
    column: str,
    ids: Sequence[Any] | Among | None,
    where: str = "",
) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (with the condition ``where``), all of them or those whose ``column`` is
    one of ``ids`` (or :class:`Among` a subquery's)."""
    if ids is None:
        return query_rows(conn, f"{sql} WHERE {where}" if where else sql)
    if isinstance(ids, Among):
        condition, params = ids.where(conn, column)
        return query_rows(
            conn, f"{sql} WHERE {where} AND {condition}" if where else f"{sql} WHERE {condition}", params
        )
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        condition = f"{column} IN ({','.join('?' * len(chunk))})"
        rows.extend(
            query_rows(
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


def allocation_items(
    conn: sqlite3.Connection, kind: str, ids: Sequence[str] | Among | None
) -> dict[Any, list[Any]]:
    """{record id: allocation items}, unsorted."""
    table, column = _ALLOCATION_TABLES[kind]
    regular = _REGULAR_ALLOCATION_PG if on_postgres(conn) else _REGULAR_ALLOCATION
    item = f"CASE WHEN {regular} THEN domain_code || '=' || minutes END"
    rows = select_in(conn, f"SELECT {column}, {item} FROM {table}", column, ids)
    groups = _grouped(rows)
    if None in map(itemgetter(1), rows):
        for items in groups.values():
            items[:] = [item for item in items if item is not None]
        irregular = f"SELECT {column}, domain_code, minutes FROM {table}"
        for key, code, minutes in select_in(conn, irregular, column, ids, f"NOT ({regular})"):
            groups.setdefault(key, []).append([*_tagged(code), *_tagged(minutes)])
    return groups


@dataclass
class Batch:
    """Records of one kind as read for hashing."""

    kind: str
    rows: list[tuple[Any, ...]]  # the 12 hashed columns
    attendees: dict[Any, list[Any]]  # {session id: attendee ids as stored}
    allocations: dict[Any, list[Any]]  # {record id: allocation items}

    def reference_text(self, row: Sequence[Any], hashing: Hashing | None = None) -> str:
        rid = row[0]
        attendees, allocations = self.attendees.get(rid, ()), self.allocations.get(rid, ())
        if hashing is not None:
            return to_json(content_payload_v2(self.kind, row, attendees, allocations, hashing))
        return to_json(content_payload(self.kind, row, attendees, allocations))


def read_batch(conn: sqlite3.Connection, kind: str, ids: Sequence[str] | Among | None) -> Batch:
    kind = str(getattr(kind, "value", kind))
    rows = select_in(conn, RECORD_SQL[kind], "id", ids)
    attendees = _grouped(select_in(conn, _ATTENDEE_SQL, "session_id", ids)) if kind == SESSION else {}
    return Batch(kind, rows, attendees, allocation_items(conn, kind, ids))


def read_records(
    conn: sqlite3.Connection, kind: str, ids: Iterable[str] | None = None
) -> dict[str, tuple[Any, ...]]:
    """Each record's raw row as it is hashed: the 12 columns of the SQL above, then its attendee
    ids and its allocation items (``"code=minutes"``), both in storage order."""
    batch = read_batch(conn, kind, None if ids is None else list(ids))
    return {
        row[0]: (*row, batch.attendees.get(row[0], []), batch.allocations.get(row[0], []))
        for row in batch.rows
    }


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection while hundreds of thousands of rows are in memory (verify,
    import): they hold no cycles, and Python's collector would go through all of them again
    every time their number grew by a quarter (a sixth of a large import, half of a verify).
    Reference counting still frees memory; the collector is back on afterwards, if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --------------------------------------------------------------------------------------------
# The canonical serialisation: the reference


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sha256_hex(text_: str) -> str:
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
    return (0, item) if item.__class__ is int else (1, to_json(item))


def _sorted_items(items: list[Any]) -> list[Any]:
    try:
        return sorted(items)
    except TypeError:  # mixed types: only a hand edit can do that
        return sorted(items, key=_mixed_key)


def content_payload(
    kind: str, row: Sequence[Any], attendees: Iterable[Any], allocations: Iterable[Any]
) -> list[Any]:
    """The canonical content of one record, as a JSON-able list: the kind, the 12 columns but
    the status, the sorted attendee ids, the sorted allocation items."""
    fields = [_field(v) for v in row[:12]]
    del fields[1]  # the status is not content: signing flips it
    who = [v if v.__class__ is int else _tagged(v) for v in attendees]
    return [kind, *fields, _sorted_items(who), _sorted_items(list(allocations))]


@dataclass
class Hashing:
    """Which content version each record is hashed in, and the people's global ids for
    version 2.

    Version 1 names people by this file's row ids; version 2 (records signed with keys) by
    their global ids, so a record means the same in any database. A record whose sign link
    comes before ``keys_from`` (the first link that must carry a keyed signature, stored in
    ``database_identity``) was signed before keys and is hashed in version 1 (``v1``: their
    ids); every other record in version 2.
    """

    keys_from: int
    v1: set[Any]
    supervisors: dict[Any, str]
    supervisees: dict[Any, str]
    plain: bool = True  # no global id needs JSON escaping (the fast path may spell them)

    def version(self, record_id: Any) -> int:
        return 1 if record_id in self.v1 else 2


IDENTITY_SQL = "SELECT global_id, keys_from_seq FROM database_identity ORDER BY id LIMIT 1"


def database_identity(conn: sqlite3.Connection) -> tuple[str | None, int]:
    """This database's global id and its first link that must be keyed; (None, 1) if the row
    is missing (only a hand edit removes it: then every link must be keyed)."""
    row = conn.execute(IDENTITY_SQL).fetchone()
    if row is None or row[1].__class__ is not int:
        return None, 1
    return row[0], row[1]


def hashing_for(conn: sqlite3.Connection, ids: Sequence[Any] | Among | None = None) -> Hashing:
    """The :class:`Hashing` for these records (``None``: all of them)."""
    _chain, keys_from = database_identity(conn)
    v1: set[Any] = set()
    if keys_from > 1:
        v1 = set(
            map(
                itemgetter(0),
                select_in(
                    conn,
                    "SELECT record_id FROM sign_off",
                    "record_id",
                    ids,
                    f"action = '{SIGN}' AND seq < {int(keys_from)}",
                ),
            )
        )
    supervisors = dict(query_rows(conn, "SELECT id, global_id FROM supervisor WHERE global_id IS NOT NULL"))
    supervisees = dict(query_rows(conn, "SELECT id, global_id FROM supervisee WHERE global_id IS NOT NULL"))
    gids = [*supervisors.values(), *supervisees.values()]
    plain = all(g.__class__ is str for g in gids) and _plain("".join(gids))
    return Hashing(keys_from, v1, supervisors, supervisees, plain)


def _person(ids: dict[Any, str], value: Any) -> Any:
    """A person's row id as their global id (version 2); anything else tagged."""
    gid = ids.get(value) if value.__class__ is int else None
    return gid if gid.__class__ is str else ["unknown", *_tagged(value)]


def content_payload_v2(
    kind: str, row: Sequence[Any], attendees: Iterable[Any], allocations: Iterable[Any], hashing: Hashing
) -> list[Any]:
    """Content version 2: as :func:`content_payload`, led by ``2``, with people (the
    supervisor; the experience entry's supervisee; the attendees) as their global ids."""
    fields = [_field(v) for v in row[:12]]
    del fields[1]
    fields[1] = _person(hashing.supervisors, row[2])
    if kind == EXPERIENCE:
        fields[4] = _person(hashing.supervisees, row[5])
    who = [_person(hashing.supervisees, v) for v in attendees]
    return [2, kind, *fields, _sorted_items(who), _sorted_items(list(allocations))]


def jsonable(value: Any) -> Any:
    return _tagged(value) if isinstance(value, bytes) else value


def link_fields(
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
    return [jsonable(v) for v in (prev, seq, kind, record_id, action, signer_id, signed_at, reason, content)]


# --------------------------------------------------------------------------------------------
# The canonical serialisation: the fast path, a column at a time
#
# verify spends its time here. Instead of one json.dumps per record, each text column is
# checked once for the whole batch (and escaped in one C call in the rare case it needs it),
# then one f-string per record or link fills a fixed template. It applies to the types the app
# writes; any other type raises TypeError and the batch (or the record) takes the reference.

# The JSON string encoder json.dumps(ensure_ascii=False) itself uses (C when available).
encode_text: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]

_LINK_TEXT_COLUMNS = (PREV, KIND, RID, ACTION, AT, REASON, CONTENT)
# Record columns (see RECORD_SQL): text, integer, and nullable text (JSON null or a string).
_TEXT_COLUMNS = {SESSION: (0, 3, 6, 7, 8, 9, 11), EXPERIENCE: (0, 3, 4, 6, 7, 8, 9, 11)}
_INT_COLUMNS = (2, 5)
_NULLABLE_COLUMNS = {SESSION: (4, 10), EXPERIENCE: (10,)}  # start time, supersedes


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
    """Each text JSON-escaped as ``encode_text`` does, without its quotes. TypeError if one is not text."""
    if _plain("".join(values)):
        return values
    escaped = encode_text("\x00".join(values))
    parts = escaped[1:-1].split("\\u0000")
    if len(parts) == len(values):  # no value held a NUL or a literal "\u0000" itself
        return parts
    return [encode_text(v)[1:-1] for v in values]


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
        return ",".join(map(encode_text, sorted(items)))
    except TypeError:  # a tagged item: only the reference spells it
        return None


# {record id: attendee tokens}, {record id: allocation tokens}, and whether any token is None
_Tokens = tuple[dict[Any, "str | None"], dict[Any, "str | None"], bool]


def _attendee_token_v2(ids: list[Any], hashing: Hashing) -> str | None:
    try:
        if not _all_int(ids):
            raise TypeError
        return '"' + '","'.join(sorted(map(hashing.supervisees.get, ids))) + '"'  # type: ignore[arg-type]
    except TypeError:  # not an integer, or nobody's id: only the reference spells it
        return None


def _child_tokens(batch: Batch, hashing: Hashing | None = None) -> _Tokens:
    """{record id: the JSON inside "[...]"} for its attendees and for its allocations, as the
    reference writes them (attendees as global ids with ``hashing``: version 2); None for a
    record with an item only the reference can spell (and then, last, True)."""
    odd = False
    if hashing is not None:
        get = hashing.supervisees.get
        # Types checked before the set: it would fold 0.0 (or True) into the integer 0.
        everyone = list(chained.from_iterable(batch.attendees.values()))
        wanted = set(everyone)
        if _all_int(everyone) and all(gid.__class__ is str for gid in map(get, wanted)):
            # Everyone is an integer id with a global id: no per-record checks (most have one).
            who = {
                key: '"' + get(v[0]) + '"' if len(v) == 1 else '"' + '","'.join(sorted(map(get, v))) + '"'  # type: ignore[arg-type, operator]
                for key, v in batch.attendees.items()
            }
        else:
            who = {key: _attendee_token_v2(v, hashing) for key, v in batch.attendees.items()}
            odd = None in who.values()
    else:
        try:
            who = {
                key: int.__repr__(v[0]) if len(v) == 1 else ",".join(map(int.__repr__, sorted(v)))
                for key, v in batch.attendees.items()
            }
        except TypeError:
            who = {key: _attendee_token(v) for key, v in batch.attendees.items()}
            odd = None in who.values()
    try:
        if _plain("".join(chained.from_iterable(batch.allocations.values()))):
            parts = {key: '"' + '","'.join(sorted(v)) + '"' for key, v in batch.allocations.items()}
        else:
            parts = {key: ",".join(map(encode_text, sorted(v))) for key, v in batch.allocations.items()}
    except TypeError:
        parts = {key: _allocation_token(v) for key, v in batch.allocations.items()}
        odd = odd or None in parts.values()
    return who, parts, odd


def content_texts(
    batch: Batch,
    rows: Sequence[tuple[Any, ...]],
    tokens: _Tokens | None = None,
    hashing: Hashing | None = None,
) -> list[str]:
    """The canonical content text of each of ``rows`` (from ``batch``), in order: that is,
    ``to_json(content_payload(...))`` (version 1), or with ``hashing``,
    ``to_json(content_payload_v2(...))`` (version 2). ``tokens``: :func:`_child_tokens` of the
    batch for that version (computed here if not given; :func:`verify` computes them once for
    all its chunks)."""
    if not rows:
        return []
    who, parts, odd = tokens if tokens is not None else _child_tokens(batch, hashing)
    try:
        if hashing is not None and not hashing.plain:
            raise TypeError
        texts = _fast_content_texts(batch.kind, rows, who, parts, hashing)
    except TypeError:  # a column holds a value of another type: the reference, row by row
        return [batch.reference_text(row, hashing) for row in rows]
    if odd:
        for i, row in enumerate(rows):
            if who.get(row[0], "") is None or parts.get(row[0], "") is None:
                texts[i] = batch.reference_text(row, hashing)
    return texts


class VersionedTexts:
    """The content text of records, each in its version (:class:`Hashing`), for one batch;
    the child tokens of each version made once, when first needed."""

    def __init__(self, batch: Batch, hashing: Hashing) -> None:
        self.batch, self.hashing = batch, hashing
        self._tokens: dict[int, _Tokens] = {}

    def _of(self, version: int) -> _Tokens:
        tokens = self._tokens.get(version)
        if tokens is None:
            tokens = self._tokens[version] = _child_tokens(self.batch, self.hashing if version == 2 else None)
        return tokens

    def texts(self, rows: Sequence[tuple[Any, ...]]) -> list[str]:
        v1 = self.hashing.v1
        if not v1:
            return content_texts(self.batch, rows, self._of(2), self.hashing)
        old = [i for i, row in enumerate(rows) if row[0] in v1]
        if len(old) == len(rows):
            return content_texts(self.batch, rows, self._of(1))
        texts = content_texts(self.batch, rows, self._of(2), self.hashing)
        if old:
            for i, text_ in zip(
                old, content_texts(self.batch, [rows[i] for i in old], self._of(1)), strict=True
            ):
                texts[i] = text_
        return texts


def content_digests(
    batch: Batch, hashing: Hashing, rows: Sequence[tuple[Any, ...]] | None = None
) -> list[str]:
    """The content hash of each record of ``batch`` (or of ``rows`` of it), each in its version."""
    return hex_digests(VersionedTexts(batch, hashing).texts(batch.rows if rows is None else rows))


def _fast_content_texts(
    kind: str,
    rows: Sequence[tuple[Any, ...]],
    who: dict[Any, str | None],
    parts: dict[Any, str | None],
    hashing: Hashing | None = None,
) -> list[str]:
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    if not all(_all_int(columns[i]) for i in _INT_COLUMNS):
        raise TypeError
    ids = columns[0]
    lead = ""
    if hashing is not None:  # version 2: people as global ids (one missing: TypeError below)
        lead = "2,"
        columns[2] = _escaped(list(map(hashing.supervisors.get, columns[2])))
        if kind == EXPERIENCE:
            columns[5] = _escaped(list(map(hashing.supervisees.get, columns[5])))
    for i in _TEXT_COLUMNS[kind]:
        columns[i] = _escaped(columns[i])
    for i in _NULLABLE_COLUMNS[kind]:
        columns[i] = _tokens(columns[i])
    columns[1] = list(map(parts.get, ids, repeat("")))  # the status is not hashed: its place
    if kind == SESSION:
        columns.append(list(map(who.get, ids, repeat(""))))
        return [
            f'[{lead}"session","{i}","{s}","{d}",{t},"{m}","{f}","{mo}","{si}","{to}",{su},"{r}",[{w}],[{a}]]'
            for i, a, s, d, t, m, f, mo, si, to, su, r, w in zip(*columns, strict=True)
        ]
    if who:
        raise TypeError  # an experience entry has no attendees
    return [
        f'[{lead}"experience","{i}","{s}","{b}","{e}","{p}","{k}","{se}","{x}","{y}",{su},"{r}",[],[{a}]]'
        for i, a, s, b, e, p, k, se, x, y, su, r in zip(*columns, strict=True)
    ]


def link_texts(links: Sequence[tuple[Any, ...]]) -> list[str]:
    """The text each link's chain hash covers, in order: ``to_json(link_fields(*link[:9]))``."""
    if not links:
        return []
    try:
        if not (_all_int(map(itemgetter(SEQ), links)) and _all_int(map(itemgetter(SIGNER), links))):
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
        return [to_json(link_fields(*link[:9])) for link in links]


def hex_digests(texts: Iterable[str]) -> list[str]:
    sha256 = hashlib.sha256
    return [sha256(t.encode("utf-8", "surrogateescape")).hexdigest() for t in texts]


# --------------------------------------------------------------------------------------------
# The driver connection, the links' hashes and the records' status in SQL: what verifying a
# supervisee needs, here so that it imports neither SQLAlchemy nor the models (issue 19)


def dbapi(uow: UnitOfWork) -> sqlite3.Connection:
    """The driver connection under the unit of work's transaction (same snapshot, same lock):
    :meth:`UnitOfWork.raw`, SQLite's own or, on the agency database, the adapter over
    psycopg's that reads like it."""
    return uow.raw()  # type: ignore[return-value]


def void_content_hash(record_hash: str, reason: Any) -> str:
    # A reason read back as a blob (only a hand edit stores one) is spelled tagged, as record
    # fields are: it hashes to something else, and verification names it instead of failing.
    return sha256_hex(to_json(["void", record_hash, jsonable(reason)]))


def stamp_text(value: dt.datetime | str) -> str:
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
    fields = link_fields(
        prev, seq, kind, record_id, action, signer_id, stamp_text(signed_at), reason, content
    )
    return sha256_hex(to_json(fields))


# The signed-at text of a record's sign link, here or in the database it came from (both hold
# the stamp as SQLite stores it: naive UTC with microseconds, so text order is time order).
_SIGN_TIME = (
    "coalesce((SELECT CAST(signed_at AS TEXT) FROM sign_off WHERE record_id = {r}.id AND action = 'sign' LIMIT 1), "
    "(SELECT signed_at FROM foreign_link WHERE record_id = {r}.id AND action = 'sign' LIMIT 1))"
)


def voided_ids_sql(among: str = "") -> str:
    """SQL of the ids of the records voided, here or in the database they came from. ``among``:
    an extra condition on ``record_id`` (``record_id IN (...)``: only those records, looked up
    on both tables' ``(record_id, action)`` indexes instead of reading every void in the file)."""
    only = f" AND {among}" if among else ""
    return (
        f"SELECT record_id FROM sign_off WHERE action = 'void'{only} "
        f"UNION SELECT record_id FROM foreign_link WHERE action = 'void'{only}"
    )


VOIDED_IDS_SQL = voided_ids_sql()
"""The ids of every record voided, here or in the database it came from."""
# Not voided, here or where it came from: looked up by the record's id on both tables' indexes
# (``NOT IN (VOIDED_IDS_SQL)`` built the list of every void in the file first, ~0.16 s at scale 1).
_NOT_VOIDED = (
    "NOT EXISTS (SELECT 1 FROM sign_off WHERE record_id = {r}.id AND action = 'void') "
    "AND NOT EXISTS (SELECT 1 FROM foreign_link WHERE record_id = {r}.id AND action = 'void')"
)


def set_aside_sql(table: str, among: str = "") -> str:
    """SQL of the ids of ``table``'s signed amendments *set aside*: another signed, not voided
    amendment of the same record was signed later (ties: the higher id), so only the
    newest-signed of two amendments counts. ``among``: an extra condition on ``a`` (the row
    set aside). Pairs are rare: the join meets only the amendments of one record each."""
    return (
        f"SELECT a.id FROM {table} a JOIN {table} b ON b.supersedes_id = a.supersedes_id AND b.id <> a.id "
        "WHERE a.supersedes_id IS NOT NULL AND a.status = 'signed' AND b.status = 'signed' "
        f"AND {_NOT_VOIDED.format(r='b')} "
        f"AND ({_SIGN_TIME.format(r='b')} > {_SIGN_TIME.format(r='a')} "
        f"OR ({_SIGN_TIME.format(r='b')} = {_SIGN_TIME.format(r='a')} AND b.id > a.id))"
        + (f" AND {among}" if among else "")
    )
