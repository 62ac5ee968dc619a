"""Hashing every record of one kind: in this process, or in a worker process of its own.

:func:`verify_worker` is the entry point of the worker processes of a whole-file verification
(:class:`~supervisor_app.services.signoff.workers.Workers`): a module-level function of a module
that, like :mod:`~supervisor_app.services.canonical`, imports neither SQLAlchemy nor the models,
so a spawned worker starts in milliseconds.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from supervisor_app.db import connect_readonly
from supervisor_app.services.canonical import (
    IDENTITY_SQL,
    VERIFY_CHUNK,
    VersionedTexts,
    database_identity,
    hashing_for,
    hex_digests,
    query_rows,
    read_batch,
)

# What a worker's snapshot must share with the verifying connection's for its digests to be
# used: the chain's head, and the count and highest rowid of each table a digest reads. A
# commit between the two (a signature, a record or an allocation added or removed) changes
# it, and the verification then hashes the records itself.
_MARKER_SQL = (
    "SELECT (SELECT max(seq) FROM sign_off), (SELECT chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1), "
    "(SELECT count(*) FROM supervision_session), (SELECT max(rowid) FROM supervision_session), "
    "(SELECT count(*) FROM experience_entry), (SELECT max(rowid) FROM experience_entry), "
    "(SELECT max(rowid) FROM session_attendee), (SELECT max(rowid) FROM session_allocation), "
    "(SELECT max(rowid) FROM experience_allocation)"
)


def snapshot_marker(conn: sqlite3.Connection) -> tuple[Any, ...]:
    return tuple(conn.execute(_MARKER_SQL).fetchone())


# One chunk of hashed records: their ids, their stored statuses, their content digests.
Chunk = tuple[list[Any], list[Any], list[str]]


def kind_digests(
    conn: sqlite3.Connection, kind: str, chunk: int = VERIFY_CHUNK, ids: Sequence[str] | None = None
) -> Iterator[Chunk]:
    """Every record of ``kind`` (or those of ``ids``) in storage (rowid) order, hashed
    ``chunk`` records at a time."""
    batch = read_batch(conn, kind, ids)
    rows = batch.rows
    texts = VersionedTexts(batch, hashing_for(conn, ids))
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        digests = hex_digests(texts.texts(part))
        yield list(map(itemgetter(0), part)), list(map(itemgetter(1), part)), digests


# What a side task's result depends on, read in the worker's snapshot and in the verifying
# transaction's: the result is used only when the two are equal (else the parent does it).
SIDE_MARKER_SQL = {
    # the keyed signatures: every signature row and every public key on file
    "keys": (
        "SELECT (SELECT count(*) FROM signature), (SELECT max(rowid) FROM signature), "
        "(SELECT count(*) FROM supervisor_key), (SELECT max(rowid) FROM supervisor_key), "
        f"({IDENTITY_SQL.replace('global_id, keys_from_seq', 'global_id')})"
    ),
    # the audit trail's and the print records' chains: their length and their newest row
    "trails": (
        "SELECT (SELECT count(*) FROM audit_event), (SELECT max(id) FROM audit_event), "
        "(SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1), "
        "(SELECT count(*) FROM attestation), (SELECT max(id) FROM attestation), "
        "(SELECT hash FROM attestation ORDER BY id DESC LIMIT 1)"
    ),
}


def side_marker(conn: sqlite3.Connection, task: str) -> tuple[Any, ...]:
    return tuple(conn.execute(SIDE_MARKER_SQL[task]).fetchone())


def _valid_signatures(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, key fingerprint, signature) of each keyed signature whose Ed25519 signature is
    valid over its payload text under the key of that fingerprint (the check, without reading
    the payload: the verifying process does that)."""
    from supervisor_app.services import keys, signatures

    chain, _keys_from = database_identity(conn)
    if chain is None:
        return []
    public = keys.public_keys(conn)
    valid = []
    rows = query_rows(
        conn, "SELECT id, key_fingerprint, payload, signature FROM signature WHERE chain_id = ?", (chain,)
    )
    for sid, fingerprint, text_, signature_hex in rows:
        key = public.get(fingerprint)
        if key is not None and isinstance(text_, str) and signatures.check(key[0], text_, str(signature_hex)):
            valid.append((str(sid), fingerprint, str(signature_hex)))
    return valid


def _trail_breaks(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    from supervisor_app.services import trails

    return {table: trails.check_chain(conn, table) for table in (trails.AUDIT, trails.PRINTS)}


SIDE_TASKS: dict[str, Callable[[sqlite3.Connection], Any]] = {
    "keys": _valid_signatures,
    "trails": _trail_breaks,
}


def end_with_parent() -> None:
    """In a spawned verification process: exit at once when the process that started it is
    gone (ended by the app, or killed), so no worker is left running, holding the file and a
    gigabyte, once nobody waits for it (multiprocessing ends daemon children only when their
    parent exits normally)."""
    import multiprocessing
    import os
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait() -> None:
        parent.join()  # returns when the parent has exited (its sentinel)
        os._exit(0)

    threading.Thread(target=wait, daemon=True, name="end-with-parent").start()


def verify_worker(
    path: str,
    tasks: Sequence[str],
    chunk: int,
    queue: Any,
    expected: dict[str, tuple[Any, ...]],
    language: str = "en",
) -> None:
    """A worker process of a full verification: does ``tasks`` in order on the file at ``path``,
    through its own read-only connection, inside one read transaction (one snapshot).

    A kind of record (``session``, ``experience``): hashes every record of it and puts on
    ``queue`` ``("marker", kind, marker)`` first, then ``("chunk", kind, ids, statuses,
    digests)`` for each chunk (the digests as one string of 64-character hex digests), then
    ``("done", kind)``. A side task (:data:`SIDE_TASKS`): ``("result", task, result)``, the
    result None when this snapshot's :func:`side_marker` is not ``expected[task]`` (a commit
    in between) or the task failed. On any other failure ``("error", task, message)`` for each
    task not done. A finding it words is in ``language``, the one of the process that asked.
    """
    from supervisor_app import i18n

    end_with_parent()
    i18n.set_language(language)
    left = list(tasks)
    try:
        conn = connect_readonly(Path(path), isolation_level=None, timeout=30)
        try:
            conn.execute("BEGIN")
            gc.disable()
            while left:
                task = left[0]
                if task in SIDE_TASKS:
                    try:
                        same = side_marker(conn, task) == expected.get(task)
                        result = SIDE_TASKS[task](conn) if same else None
                    except Exception:  # noqa: BLE001 - the verifying process does it itself
                        result = None
                    queue.put(("result", task, result))
                else:
                    queue.put(("marker", task, snapshot_marker(conn)))
                    for ids, statuses, digests in kind_digests(conn, task, chunk):
                        queue.put(("chunk", task, ids, statuses, "".join(digests)))
                    queue.put(("done", task))
                left.pop(0)
            conn.execute("COMMIT")
        finally:
            conn.close()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which verifies itself
        for task in left:
            queue.put(("error", task, f"{type(exc).__name__}: {exc}"))
