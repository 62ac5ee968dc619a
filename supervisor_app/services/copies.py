"""Outside copies: how ``verify`` sees signatures (or audit events) cut off the end of a chain.

Inside one file, a chain whose newest links were deleted is still a valid chain. What shows
it is a copy made earlier that has more: the database's own backups, and the copies that
left the file (hours files given out or taken in, recorded in ``outside_copy`` by
:func:`record_outside_copy`). :func:`compare_all` reads each one cheaply (a backup is opened
read-only, and only its chains' first and last rows are read) and compares:

- a copy of another database (its first signature link, or with no signatures its first
  audit event, differs from this file's) is ignored;
- the copy has a link or event this file lacks: "the signature chain is shorter than the
  backup of <date>: it had N signatures, up to #N; this file has M";
- a link or event both have hashes differently: "differs from the backup of <date>".

A restore puts an older copy in place on purpose (and says so in the audit trail): copies
taken before this file's newest restore that have more are reported as warnings, naming the
restore, not as tampering.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.services import trails
from supervisor_app.storage import connect_readonly

# What the app writes into outside_copy.kind
HOURS_FILE_OUT = "hours-file-out"
HOURS_FILE_IN = "hours-file-in"
SYNC = "sync"  # the other side of a sync holds this database's chain up to there

_AUDIT_FIELDS = ", ".join(trails.FIELDS[trails.AUDIT])


@dataclass(frozen=True)
class CopyHeads:
    """What one copy knows of a database's chains."""

    label: str  # "the backup of 2026-01-02 15:30 UTC", "the hours file given to ..."
    taken_at: dt.datetime | None  # UTC
    last_seq: int | None = None
    last_chain_hash: str | None = None
    audit_head_id: int | None = None
    audit_head_hash: str | None = None  # None with audit_row: a copy older than the audit chain
    audit_row: tuple[Any, ...] | None = None  # its newest event's fields, as stored
    first_chain_hash: str | None = None  # lineage; None: recorded in this file, so of this file
    first_event_hash: str | None = None


def _first_event_hash(conn: sqlite3.Connection) -> str | None:
    row = conn.execute(f"SELECT {_AUDIT_FIELDS} FROM audit_event ORDER BY id LIMIT 1").fetchone()
    return trails.row_hash(trails.GENESIS, row) if row else None


def _first_link(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT chain_hash FROM sign_off ORDER BY seq LIMIT 1").fetchone()
    return row[0] if row else None


def read_backup(path: Path, taken_at: dt.datetime) -> CopyHeads | None:
    """The heads of the backup at ``path`` (read-only; a few rows), or None if it cannot be
    read as a supervisor_app database."""
    try:
        conn = connect_readonly(path, timeout=1)
    except sqlite3.Error:
        return None
    try:
        last = conn.execute("SELECT seq, chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1").fetchone()
        columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_event)")}
        head_id = head_hash = row = None
        if "hash" in columns:
            newest = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
            if newest:
                head_id, head_hash = newest
        else:  # a backup from before the audit chain (taken before the upgrade)
            row = conn.execute(f"SELECT {_AUDIT_FIELDS} FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
            head_id = row[0] if row else None
        return CopyHeads(
            label=_("the backup of {taken_at} UTC").format(taken_at=f"{taken_at:%Y-%m-%d %H:%M}"),
            taken_at=taken_at,
            last_seq=last[0] if last else None,
            last_chain_hash=last[1] if last else None,
            audit_head_id=head_id,
            audit_head_hash=head_hash,
            audit_row=tuple(row) if row else None,
            first_chain_hash=_first_link(conn),
            first_event_hash=_first_event_hash(conn),
        )
    except (sqlite3.Error, ValueError):  # not ours, damaged, or rows of unexpected types
        return None
    finally:
        conn.close()


def recorded_copies(conn: sqlite3.Connection) -> list[CopyHeads]:
    """The copies recorded in ``outside_copy`` (hours files given out or taken in)."""
    rows = conn.execute(
        "SELECT kind, label, last_seq, last_chain_hash, audit_head_id, audit_head_hash, recorded_at "
        "FROM outside_copy ORDER BY id"
    ).fetchall()
    found = []
    for kind, label, seq, chain, head_id, head_hash, at in rows:
        try:
            taken = dt.datetime.fromisoformat(str(at)).replace(tzinfo=dt.UTC)
        except ValueError:
            taken = None
        found.append(CopyHeads(f"{label or kind}", taken, seq, chain, head_id, head_hash))
    return found


def _same_database(conn: sqlite3.Connection, copy: CopyHeads) -> bool:
    if copy.first_chain_hash is None and copy.first_event_hash is None:
        return copy.audit_row is None  # recorded here: of this database
    ours = _first_link(conn)
    if ours is not None and copy.first_chain_hash is not None:
        return ours == copy.first_chain_hash
    mine = _first_event_hash(conn)
    return mine is not None and mine == copy.first_event_hash


def compare(conn: sqlite3.Connection, copy: CopyHeads) -> list[tuple[str, str]]:
    """How this file's chains fall short of ``copy`` (subject, message); [] when they hold
    everything it has, or when it is a copy of another database."""
    if not _same_database(conn, copy):
        return []
    found: list[tuple[str, str]] = []
    if copy.last_seq is not None:
        row = conn.execute("SELECT chain_hash FROM sign_off WHERE seq = ?", (copy.last_seq,)).fetchone()
        if row is None:
            have = conn.execute("SELECT count(*), max(seq) FROM sign_off").fetchone()
            params = {
                "copy": copy.label,
                "had": f"{copy.last_seq:,}",
                "seq": copy.last_seq,
                "has": f"{have[0]:,}",
            }
            if have[1] is not None:
                text = _(
                    "is shorter than {copy}: it had {had} signatures, up to #{seq}; this file has {has}, "
                    "up to #{newest}. Signatures were cut off the end of the chain."
                ).format(**params, newest=have[1])
            else:
                text = _(
                    "is shorter than {copy}: it had {had} signatures, up to #{seq}; this file has {has}. "
                    "Signatures were cut off the end of the chain."
                ).format(**params)
            found.append((_("signature chain"), text))
        elif row[0] != copy.last_chain_hash:
            found.append(
                (
                    _("signature chain"),
                    _(
                        "differs from {copy}: signature #{seq} is not the same there and here (signatures "
                        "up to it were changed, removed or replaced)."
                    ).format(copy=copy.label, seq=copy.last_seq),
                )
            )
    if copy.audit_head_id is not None:
        if copy.audit_row is not None:
            row = conn.execute(
                f"SELECT {_AUDIT_FIELDS} FROM audit_event WHERE id = ?", (copy.audit_head_id,)
            ).fetchone()
            missing, same = row is None, row is not None and tuple(row) == copy.audit_row
        else:
            row = conn.execute("SELECT hash FROM audit_event WHERE id = ?", (copy.audit_head_id,)).fetchone()
            missing, same = row is None, row is not None and row[0] == copy.audit_head_hash
        if missing:
            newest = conn.execute("SELECT max(id) FROM audit_event").fetchone()[0]
            found.append(
                (
                    _("audit trail"),
                    _(
                        "is shorter than {copy}: it had events up to #{event}; this file's end at #{newest}. "
                        "Events were cut off the end of the trail."
                    ).format(copy=copy.label, event=copy.audit_head_id, newest=newest or 0),
                )
            )
        elif not same:
            found.append(
                (
                    _("audit trail"),
                    _(
                        "differs from {copy}: event #{event} is not the same there and here (events up to it "
                        "were changed and the chain recomputed)."
                    ).format(copy=copy.label, event=copy.audit_head_id),
                )
            )
    return found


def _last_restore(conn: sqlite3.Connection) -> dt.datetime | None:
    """When this file was last put in place by a restore (its newest restore event)."""
    row = conn.execute(
        "SELECT at FROM audit_event WHERE id = (SELECT max(id) FROM audit_event "
        "WHERE supervisee_id IS NULL AND action = 'restore')"
    ).fetchone()
    if row is None:
        return None
    try:
        return dt.datetime.fromisoformat(str(row[0])).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def known_copies(conn: sqlite3.Connection, database: Path | None) -> Iterable[CopyHeads]:
    """Every outside copy ``verify`` knows: the backups of ``database``, newest first, then
    the copies recorded in the file."""
    if database is not None:
        from supervisor_app.storage import list_backups

        for info in list_backups(database):
            heads = read_backup(info.path, info.taken_at)
            if heads is not None:
                yield heads
    yield from recorded_copies(conn)


def compare_all(
    conn: sqlite3.Connection, database: Path | None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(problems, warnings): this file against every copy it knows (:func:`compare`). A copy
    taken before this file's newest restore is a warning that names the restore."""
    problems: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    restored: dt.datetime | None | bool = False  # not looked up yet
    seen: set[tuple[str, str]] = set()
    for copy in known_copies(conn, database):
        for subject, message in compare(conn, copy):
            if restored is False:
                restored = _last_restore(conn)
            if restored and copy.taken_at is not None and copy.taken_at <= restored:
                message += " " + _(
                    "This file was restored from an older backup on {restored} UTC, after that copy was "
                    "made: what it has beyond this file was left out by the restore."
                ).format(restored=f"{restored:%Y-%m-%d %H:%M}")
                target = warnings
            else:
                target = problems
            if (subject, message) not in seen:
                seen.add((subject, message))
                target.append((subject, message))
    return problems, warnings


# --------------------------------------------------------------------------------------------
# Recording a copy that leaves the file


def current_heads(uow: UnitOfWork) -> dict[str, Any]:
    """What a copy made now holds of this file's chains: ``{"last_seq", "last_chain_hash",
    "audit_head"}`` (``audit_head``: :func:`audit.chain_head`)."""
    from supervisor_app.services import audit

    row = (
        uow.session.connection()
        .exec_driver_sql("SELECT seq, chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1")
        .first()
    )
    return {
        "last_seq": row[0] if row else None,
        "last_chain_hash": row[1] if row else None,
        "audit_head": audit.chain_head(uow),
    }


def record_outside_copy(
    uow: UnitOfWork,
    *,
    kind: str,
    label: str,
    last_seq: int | None,
    last_chain_hash: str | None,
    audit_head: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Remember a copy of this file's chains that left it (an hours file given out, or one of
    ours taken back in): the newest signature link it holds (``last_seq`` and its chain hash)
    and the audit head it holds (``{"id", "hash"}``). ``label`` names it in verify's report
    ("the hours file given to Ana Núñez on 2026-12-02"). In the caller's transaction."""
    from supervisor_app.models import OutsideCopy, utcnow

    uow.session.add(
        OutsideCopy(
            kind=kind,
            label=label[:400],
            last_seq=last_seq,
            last_chain_hash=last_chain_hash,
            audit_head_id=audit_head["id"] if audit_head else None,
            audit_head_hash=audit_head["hash"] if audit_head else None,
            recorded_at=now or utcnow(),
        )
    )
    uow.flush()


__all__ = [
    "HOURS_FILE_IN",
    "HOURS_FILE_OUT",
    "SYNC",
    "CopyHeads",
    "compare",
    "compare_all",
    "current_heads",
    "known_copies",
    "read_backup",
    "record_outside_copy",
]
