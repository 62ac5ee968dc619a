"""The ``trail.json`` member of a sync batch (wire version 2 only, up: laptop to agency): the
sending database's audit trail and print records (``audit_event`` and ``attestation``) after
what the receiver holds of them, so the agency holds what each laptop logged and printed.

Each row travels with its id, its fields as its database stored them (in ``trails.FIELDS``
order), ``prev_hash`` and ``hash``. The receiver keeps them in ``foreign_trail`` (append-only,
migration 0014), per (chain, table, id), after checking that they continue the rows it holds
of that chain (ids in order, each hash recomputed from the held head with
:func:`~supervisor_app.services.trails.chain_hashes`) and that every signature of that chain in
the batch reached its ``audit_head`` (the trail row it signed is there, with that hash). A
refusal names the row; nothing is written.
"""

from __future__ import annotations

import json
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import utcnow
from supervisor_app.services import trails
from supervisor_app.services.canonical import GENESIS, to_json
from supervisor_app.services.hours_files.reading import refuse
from supervisor_app.services.signoff import signing

TRAIL_MEMBER = "trail.json"
TABLES = (trails.AUDIT, trails.PRINTS)


def held_heads(uow: UnitOfWork, chain: str) -> dict[str, int]:
    """{table: last id held here} of ``chain``'s trail (0: none)."""
    rows = signing.dbapi(uow).execute(
        "SELECT tbl, max(id) FROM foreign_trail WHERE chain_id = ? GROUP BY tbl", (chain,)
    )
    held = {str(t): int(i) for t, i in rows.fetchall()}
    return {table: held.get(table, 0) for table in TABLES}


def collect_trail(uow: UnitOfWork, *, chain: str, after: dict[str, int]) -> dict[str, Any]:
    """This database's trail rows after ``after`` ({table: id}), as stored. Reads only."""
    conn = signing.dbapi(uow)
    out: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        rows = conn.execute(
            f"SELECT id, prev_hash, hash, {', '.join(trails.FIELDS[table])} FROM {table} "
            "WHERE id > ? ORDER BY id",
            (after.get(table, 0),),
        ).fetchall()
        out[table] = [{"id": int(r[0]), "prev_hash": r[1], "hash": r[2], "fields": list(r[3:])} for r in rows]
    return {"chain": chain, "rows": out}


def check_trail(raw: Any, target: str) -> dict[str, Any]:
    """The member's shape."""
    bad = refuse("hours_file.bad_trail", target, _("trail.json does not list audit and print rows."))
    if not (
        isinstance(raw, dict) and isinstance(raw.get("chain"), str) and isinstance(raw.get("rows"), dict)
    ):
        raise bad
    for table, rows in raw["rows"].items():
        if table not in TABLES or not isinstance(rows, list):
            raise bad
        for row in rows:
            if not (
                isinstance(row, dict)
                and isinstance(row.get("id"), int)
                and isinstance(row.get("prev_hash"), str)
                and isinstance(row.get("hash"), str)
                and isinstance(row.get("fields"), list)
                and len(row["fields"]) == len(trails.FIELDS[table])
                and row["fields"][0] == row["id"]
            ):
                raise bad
    return raw


def take_trail(
    uow: UnitOfWork, member: dict[str, Any], signatures: list[dict[str, Any]], *, target: str
) -> int:
    """Check the member against the rows held here and keep the new ones (see the module);
    also checks that each of ``signatures`` (the batch's) of the member's chain reached its
    audit head. Returns the rows added. Flushes nothing itself; the caller commits."""
    conn = signing.dbapi(uow)
    chain = member["chain"]
    audit_hashes: dict[int, str] = {}
    added: list[tuple[Any, ...]] = []
    stamp = signing.stamp_text(utcnow())
    for table in TABLES:
        rows = sorted(member["rows"].get(table, []), key=lambda r: r["id"])
        head = conn.execute(
            "SELECT id, hash FROM foreign_trail WHERE chain_id = ? AND tbl = ? ORDER BY id DESC LIMIT 1",
            (chain, table),
        ).fetchone()
        head_id, head_hash = (int(head[0]), str(head[1])) if head else (0, GENESIS)
        new = []
        for row in rows:
            label = _("{table} row {id} of database {chain}").format(
                table=table, id=row["id"], chain=chain[:8]
            )
            if row["id"] <= head_id:
                stored = conn.execute(
                    "SELECT hash, fields FROM foreign_trail WHERE chain_id = ? AND tbl = ? AND id = ?",
                    (chain, table, row["id"]),
                ).fetchone()
                if stored is None or (stored[0], stored[1]) != (row["hash"], to_json(row["fields"])):
                    raise _differs(target, label)
                continue
            if row["id"] != head_id + len(new) + 1:
                raise refuse(
                    "hours_file.trail_gap",
                    target,
                    _("{label} does not follow the last row held here ({last}).").format(
                        label=label, last=head_id + len(new)
                    ),
                )
            new.append(row)
        hashes = trails.chain_hashes(head_hash, [r["fields"] for r in new])
        prev = head_hash
        for row, expected in zip(new, hashes, strict=True):
            if row["prev_hash"] != prev or row["hash"] != expected:
                label = _("{table} row {id} of database {chain}").format(
                    table=table, id=row["id"], chain=chain[:8]
                )
                raise _differs(target, label)
            prev = expected
            added.append(
                (chain, table, row["id"], to_json(row["fields"]), row["prev_hash"], row["hash"], stamp)
            )
        if table == trails.AUDIT:
            audit_hashes = {r["id"]: r["hash"] for r in new}
    for sig in signatures:
        if sig["chain"] != chain:
            continue
        head = json.loads(sig["payload"]).get("audit_head")
        if not head:
            continue
        reached = audit_hashes.get(int(head["id"]))
        if reached is None:
            held = conn.execute(
                "SELECT hash FROM foreign_trail WHERE chain_id = ? AND tbl = ? AND id = ?",
                (chain, trails.AUDIT, int(head["id"])),
            ).fetchone()
            reached = held[0] if held else None
        if reached != head["hash"]:
            raise refuse(
                "hours_file.trail_head_missing",
                target,
                _(
                    "signature {id} signed audit event {event} of database {chain}, which the trail "
                    "does not hold as signed."
                ).format(id=sig["id"][:8], event=head["id"], chain=chain[:8]),
            )
    for values in added:
        conn.execute(
            "INSERT INTO foreign_trail (chain_id, tbl, id, fields, prev_hash, hash, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            values,
        )
    return len(added)


def _differs(target: str, label: str) -> Exception:
    return refuse(
        "hours_file.trail_differs",
        target,
        _("{label} does not continue the trail held here: it was changed.").format(label=label),
    )
