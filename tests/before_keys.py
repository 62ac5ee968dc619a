"""Signing as the app did before keys (content version 1, no keyed signature), with the app's
own hashing functions and raw SQL: how a database from before issue 16 looks, and what a
forger with write access to the file (and the app's code, but no password) can do."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from supervisor_app.services import signoff, trails
from supervisor_app.services.canonical import GENESIS, read_records

STAMP = "2025-06-01 12:00:00.000000"


def link_for(
    conn: sqlite3.Connection,
    record_id: str,
    *,
    seq: int,
    prev: str,
    signer_id: int,
    signed_at: str = STAMP,
    action: str = "sign",
    reason: str = "",
    hashing: Any = None,
) -> tuple[Any, ...]:
    """A sign_off row for ``record_id`` computed with the app's functions (version 1 content,
    or version 2 with ``hashing``)."""
    for kind in ("session", "experience"):
        rows = read_records(conn, kind, [record_id])
        if rows:
            content = signoff.content_hash(kind, rows[record_id], hashing)
            break
    else:
        raise LookupError(record_id)
    if action == "void":
        content = signoff.void_content_hash(content, reason)
    chain = signoff.chain_hash(
        prev=prev,
        seq=seq,
        kind=kind,
        record_id=record_id,
        action=action,
        signer_id=signer_id,
        signed_at=signed_at,
        reason=reason,
        content=content,
    )
    return (seq, kind, record_id, action, signer_id, signed_at, reason, content, prev, chain)


def set_keys_from(conn: sqlite3.Connection, seq: int) -> None:
    """Move the first link that must be keyed (the trigger dropped and put back, as a hand edit would)."""
    (trigger,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'database_identity_append_only_update'"
    ).fetchone()
    conn.execute("DROP TRIGGER database_identity_append_only_update")
    conn.execute("UPDATE database_identity SET keys_from_seq = ?", (seq,))
    conn.execute(trigger)


def log_sign(conn: sqlite3.Connection, record_id: str) -> None:
    """The sign event, chained as the app writes every event (a file that had events before
    the chain got its hashes from the migration that added it)."""
    newest = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    event_id, prev = (newest[0] + 1, newest[1]) if newest else (1, trails.GENESIS)
    values = (event_id, STAMP, "test", "sign", record_id, None, "")
    conn.execute(
        "INSERT INTO audit_event (id, at, actor, action, record_id, supervisee_id, details, prev_hash, hash) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        (*values, prev, trails.row_hash(prev, values)),
    )


def sign_before_keys(path: Path, record_ids: list[str], signer_id: int) -> None:
    """Sign pending records as the app did before keys: links in version 1, the records flipped
    to signed, the audit trail's sign events; the database's keys start after them."""
    conn = sqlite3.connect(path)
    try:
        last = conn.execute("SELECT seq, chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        for record_id in record_ids:
            link = link_for(conn, record_id, seq=seq, prev=prev, signer_id=signer_id)
            conn.execute("INSERT INTO sign_off VALUES (?,?,?,?,?,?,?,?,?,?)", link)
            for table in ("supervision_session", "experience_entry"):
                conn.execute(f"UPDATE {table} SET status = 'signed' WHERE id = ?", (record_id,))
            log_sign(conn, record_id)
            seq, prev = seq + 1, link[-1]
        set_keys_from(conn, seq)
        conn.commit()
    finally:
        conn.close()
