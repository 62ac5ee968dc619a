"""Hash chains over the audit trail and the print records, so neither can be edited, thinned
or padded after the fact without it showing.

Every row of ``audit_event`` and of ``attestation`` (the print records) carries ``prev_hash``,
the ``hash`` of the row before it (by id; :data:`GENESIS` for the first), and ``hash``: the
SHA-256 (hex) of the UTF-8 text ::

    json.dumps([prev_hash, *fields], ensure_ascii=False, separators=(",", ":"))

where ``fields`` are the row's columns as SQLite stores them, in the order of :data:`FIELDS`:

- ``audit_event``: id, at, actor, action, record_id, supervisee_id, details
- ``attestation``: id, serial, kind, fingerprint, supervisee_id, supervisor_id, date_from,
  date_to, record_count, supervision_minutes, experience_minutes, printed_by, printed_at

Text is text (timestamps as stored, ``YYYY-MM-DD HH:MM:SS.ffffff`` UTC; dates
``YYYY-MM-DD``), integers are integers, NULL is null; a blob (only a hand edit stores one) is
spelled ``["blob", hex]`` so it equals no text. This is format version 1: the hashes stored in
a file never change, so neither may this definition.

Rows are written only by :func:`append`, which every writer uses (``audit.append_events`` for
the trail, ``attestation.record_print`` for print records): it numbers the rows (the newest
id + 1, inside the writer's transaction, which holds the write lock), converts each value to
exactly what SQLite will store, hashes that and inserts it.

:func:`check_chain` reads every row once, in id order: SQLite writes each row's text
(``json_array``, which spells text, integers and null as Python's JSON does), Python hashes
it. Only when something is wrong are the rows read again one by one, with the reference
spelling above, to name the first event edited, deleted or inserted. The chain inside the
file cannot show its newest rows cut off, or the whole chain recomputed by someone with this
code: the signed heads (``chain_head`` in every signature) and the outside copies
(:mod:`supervisor_app.services.copies`) do.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from supervisor_app.i18n import N_, _
from supervisor_app.services.canonical import (
    GENESIS,
    _tokens,
    encode_text,
    jsonable,
    lenient_text,
    on_postgres,
    sha256_hex,
    to_json,
)

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork

AUDIT = "audit_event"
PRINTS = "attestation"
FIELDS: dict[str, tuple[str, ...]] = {
    AUDIT: ("id", "at", "actor", "action", "record_id", "supervisee_id", "details"),
    PRINTS: (
        "id",
        "serial",
        "kind",
        "fingerprint",
        "supervisee_id",
        "supervisor_id",
        "date_from",
        "date_to",
        "record_count",
        "supervision_minutes",
        "experience_minutes",
        "printed_by",
        "printed_at",
    ),
}
_CHUNK = 50_000


# --------------------------------------------------------------------------------------------
# The canonical text and hash of one row


def row_text(prev: Any, values: Sequence[Any]) -> str:
    """The reference: what a row's hash covers (see the module doc)."""
    return to_json([jsonable(prev), *map(jsonable, values)])


def row_hash(prev: Any, values: Sequence[Any]) -> str:
    return sha256_hex(row_text(prev, values))


def _token(value: Any) -> str:
    cls = value.__class__
    if cls is str:
        return encode_text(value)
    if cls is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return to_json(jsonable(value))


def _column_tokens(column: Sequence[Any]) -> Sequence[str]:
    """:func:`_token` of each value of one column: a column of text (or of integers) spelled in
    one go, as :func:`canonical._tokens` spells a signature link's texts."""
    kinds = set(map(type, column))
    if kinds <= {str, type(None)}:
        return _tokens(column)
    if kinds <= {int, type(None)}:
        return ["null" if v is None else int.__repr__(v) for v in column]
    return list(map(_token, column))


def chain_hashes(prev: Any, rows: Sequence[Sequence[Any]]) -> list[str]:
    """The hash of each of ``rows`` (field values as stored, in :data:`FIELDS` order), chained
    from ``prev``: the texts of :func:`row_text`, built a column at a time (the import writes a
    hundred thousand events at once; the migration and the benchmark generator hash millions
    of rows)."""
    hashes: list[str] = []
    add = hashes.append
    if not rows:
        return hashes
    try:
        columns = list(zip(*rows, strict=True))
    except ValueError:  # rows of different lengths: a value at a time
        for values in rows:
            prev = sha256_hex(f"[{_token(prev)},{','.join(map(_token, values))}]")
            add(prev)
        return hashes
    return _column_hashes(prev, columns)


def _column_hashes(prev: Any, columns: Sequence[Sequence[Any]]) -> list[str]:
    """:func:`chain_hashes` of the rows whose values are ``columns`` (as many of each)."""
    hashes: list[str] = []
    add = hashes.append
    link = _token(prev)
    for tokens in zip(*map(_column_tokens, columns), strict=True):
        prev = sha256_hex(f"[{link},{','.join(tokens)}]")
        link = f'"{prev}"'  # a hex digest: JSON escapes nothing in it
        add(prev)
    return hashes


# --------------------------------------------------------------------------------------------
# Writing: the one insert of each chained table


def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


def append(uow: UnitOfWork, table: str, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert ``rows`` (every column of :data:`FIELDS` but ``id``, as Python values) into the
    chained ``table``, in the unit of work's transaction; returns their ids.

    Each row gets the next id (an ``id`` given must be that one: a print's serial number is
    made from it), its values converted as SQLAlchemy stores them, and its chain hashes.
    """
    if not rows:
        return []
    from supervisor_app.models import Base

    fields = FIELDS[table]
    columns = Base.metadata.tables[table].c
    connection = uow.session.connection()
    on_sqlite = connection.dialect.name == "sqlite"
    # The hash covers the values as SQLite stores them (text for a date, a time, JSON), on the
    # agency database too, so a row hashes the same wherever it is kept.
    dialect = connection.dialect if on_sqlite else _sqlite_dialect()
    processors = [columns[name].type.dialect_impl(dialect).bind_processor(dialect) for name in fields]
    # One writer at a time takes the next id: the write lock taken when the transaction began
    # (BEGIN IMMEDIATE on SQLite, the advisory lock on PostgreSQL: db.WRITE_LOCK).
    newest = connection.exec_driver_sql(f"SELECT id, hash FROM {table} ORDER BY id DESC LIMIT 1").first()
    next_id, prev = (newest[0] + 1, newest[1]) if newest else (1, GENESIS)
    ids = list(range(next_id, next_id + len(rows)))
    for wanted, row in zip(ids, rows, strict=True):
        given = row.get("id")
        if given is not None and given != wanted:
            raise ValueError(f"{table} row {given} would not be the next one ({wanted})")
    # A column at a time: an import's hundred thousand events share a timestamp, an actor and
    # a few details, each converted once.
    given_columns: list[Sequence[Any]] = [ids, *([row.get(name) for row in rows] for name in fields[1:])]
    stored_columns: list[Sequence[Any]] = []
    for column, process in zip(given_columns, processors, strict=True):
        if process is not None:
            text = {value: process(value) for value in set(column) if value is not None}
            column = [None if value is None else text[value] for value in column]
        stored_columns.append(column)
    hashes = _column_hashes(prev, stored_columns)
    prevs = [prev, *hashes[:-1]]
    if not on_sqlite:  # the Python values, as the server's driver binds them
        from sqlalchemy import insert

        connection.execute(
            insert(Base.metadata.tables[table]),
            [
                {**dict(zip(fields, values, strict=True)), "prev_hash": p, "hash": h}
                for values, p, h in zip(zip(*given_columns, strict=True), prevs, hashes, strict=True)
            ],
        )
        return ids
    names = ", ".join((*fields, "prev_hash", "hash"))
    marks = ",".join("?" * (len(fields) + 2))
    connection.exec_driver_sql(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        list(zip(*stored_columns, prevs, hashes, strict=True)),
    )
    return ids


# --------------------------------------------------------------------------------------------
# Checking


def _intact(conn: sqlite3.Connection, table: str) -> bool:
    """The quick pass: True when every row's hash covers its fields and its ``prev_hash``, and
    every ``prev_hash`` is the hash of the row before it.

    SQLite writes each row's text (``json_array`` spells text, integers and null as the
    reference does), read as bytes (no decoding); the digests and the stored hashes are
    compared as one string per chunk, and so are the links (each text begins with
    ``["<prev_hash>",``: a prev_hash of another length shifts the text and changes the hash). Anything unusual (a blob, which json_array refuses; a real; text
    JSON would spell otherwise) fails here and is looked at by the careful pass.

    On PostgreSQL (whose ``json_build_array`` spells ``[1, 2]``) every table takes the careful
    pass: the rows, as SQLite would return them, hashed in Python."""
    if on_postgres(conn):
        return _intact_in_python(conn, table)
    sql = f"SELECT json_array(prev_hash, {', '.join(FIELDS[table])}), hash FROM {table} ORDER BY id"
    sha256 = hashlib.sha256
    prev = GENESIS.encode()
    saved = conn.text_factory
    conn.text_factory = bytes
    try:
        cursor = conn.execute(sql)
        while batch := cursor.fetchmany(_CHUNK):
            texts, hashes = zip(*batch, strict=True)
            # Raw digests, spelled in hex once per chunk (one C call, not one per row).
            if b"".join([sha256(t).digest() for t in texts]).hex().encode() != b"".join(hashes):
                return False
            # Each text begins '["<prev_hash>",' (64 hex digits, never escaped).
            if b"".join([t[2:66] for t in texts]) != prev + b"".join(hashes[:-1]):
                return False
            prev = hashes[-1]
    except (sqlite3.Error, TypeError):  # a blob, a NULL hash: the careful pass names it
        return False
    finally:
        conn.text_factory = saved
    return True


def _intact_in_python(conn: sqlite3.Connection, table: str) -> bool:
    """:func:`_intact` from the rows as SQLite would return them (:func:`_rows`), their texts
    built by :func:`chain_hashes`, a chunk at a time."""
    prev: Any = GENESIS
    chunk: list[tuple[Any, ...]] = []

    def chunk_intact() -> bool:
        nonlocal prev
        stored = [row[1] for row in chunk]
        if [row[2] for row in chunk] != [prev, *stored[:-1]]:
            return False
        if chain_hashes(prev, [row[3:] for row in chunk]) != stored:
            return False
        prev = stored[-1]
        chunk.clear()
        return True

    for row in _rows(conn, table):
        chunk.append(row)
        if len(chunk) == _CHUNK and not chunk_intact():
            return False
    return not chunk or chunk_intact()


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    """Every row as (id, hash, prev_hash, *fields), in id order, text read leniently."""
    saved = conn.text_factory
    conn.text_factory = lenient_text
    try:
        last = None
        while True:
            where = "" if last is None else f"WHERE id > {int(last)}"
            batch = conn.execute(
                f"SELECT id, hash, prev_hash, {', '.join(FIELDS[table])} FROM {table} {where} ORDER BY id LIMIT {_CHUNK}"
            ).fetchall()
            if not batch:
                return
            yield from batch
            last = batch[-1][0]
            if not isinstance(last, int):
                return
    finally:
        conn.text_factory = saved


def describe(table: str, row: Sequence[Any]) -> str:
    """How a problem names a row (id, hash, prev_hash, *fields): '#12 (2026-01-02 15:30, sign)'."""
    fields = dict(zip(FIELDS[table], row[3:], strict=False))
    if table == AUDIT:
        return f"#{row[0]} ({str(fields['at'])[:16]}, {fields['action']})"
    return _("#{id} ({serial}, printed {at})").format(
        id=row[0], serial=fields["serial"], at=str(fields["printed_at"])[:16]
    )


_NOUN = {AUDIT: N_("audit event"), PRINTS: N_("print record")}
_NOUNS = {AUDIT: N_("audit events"), PRINTS: N_("print records")}
MAX_NAMED = 20


def check_chain(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """Every break in ``table``'s chain as (subject, message), in id order: a row changed
    after it was written (its hash no longer covers it), rows missing before a row (its
    ``prev_hash`` is not the hash of the row before it, and ids are skipped), or a row inserted
    or rewritten before it. At most :data:`MAX_NAMED`, then how many more."""
    if _intact(conn, table):
        return []
    noun = _(_NOUN[table])
    found: list[tuple[str, str]] = []
    expected = GENESIS
    before: tuple[Any, ...] | None = None
    for row in _rows(conn, table):
        rid, stored, prev = row[0], row[1], row[2]
        name = describe(table, row)
        if row_hash(prev, row[3:]) != stored:
            found.append(
                (
                    f"{noun} {name}",
                    _(
                        "was changed after it was written, or written outside the app (its hash does not match it)"
                    ),
                )
            )
        elif prev != expected:
            if before is None:
                found.append(
                    (
                        f"{noun} {name}",
                        _("is not the first {noun}: the ones before it were deleted").format(noun=noun),
                    )
                )
            elif isinstance(rid, int) and isinstance(before[0], int) and rid > before[0] + 1:
                gap = f"#{before[0] + 1}" if rid == before[0] + 2 else f"#{before[0] + 1}-#{rid - 1}"
                found.append(
                    (
                        f"{noun} {name}",
                        _("does not follow {row}: {gap} deleted between them").format(
                            row=describe(table, before), gap=gap
                        ),
                    )
                )
            else:
                found.append(
                    (
                        f"{noun} {name}",
                        _(
                            "does not follow {row}: that one was inserted, rewritten or put in place of a "
                            "deleted one"
                        ).format(row=describe(table, before)),
                    )
                )
        expected = stored
        before = row
    if len(found) > MAX_NAMED:
        more = len(found) - MAX_NAMED
        found = [
            *found[:MAX_NAMED],
            (_(_NOUNS[table]), _("... and {more} more breaks in the chain").format(more=more)),
        ]
    return found


def head_problem(conn: sqlite3.Connection, table: str, head_id: int, head_hash: str) -> str | None:
    """Why the chain of ``table`` does not reach the head ``(head_id, head_hash)`` a signature
    or an outside copy holds (None if it does): the row is gone, or its hash differs (the rows
    up to it were changed and their hashes recomputed)."""
    row = conn.execute(f"SELECT hash FROM {table} WHERE id = ?", (head_id,)).fetchone()
    noun = _(_NOUN[table])
    if row is None:
        newest = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
        return _("{noun} #{id} is missing (this file's {nouns} end at #{newest})").format(
            noun=noun, id=head_id, nouns=_(_NOUNS[table]), newest=newest or 0
        )
    if row[0] != head_hash:
        return _(
            "{noun} #{id} has another hash: it, or one before it, was changed and the chain recomputed"
        ).format(noun=noun, id=head_id)
    return None


__all__ = [
    "AUDIT",
    "FIELDS",
    "GENESIS",
    "PRINTS",
    "append",
    "chain_hashes",
    "check_chain",
    "describe",
    "head_problem",
    "row_hash",
    "row_text",
]
