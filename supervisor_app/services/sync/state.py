"""What each side of a sync knows: a database's chain heads, the laptop's own supervisors, and
``sync_peer`` (what the laptop last took from the agency), written with the rows it accounts for."""

from __future__ import annotations

import hashlib
import json
from typing import Any, NamedTuple

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.models import SyncPeer, utcnow
from supervisor_app.services.signoff import signing


def heads_of(uow: UnitOfWork) -> dict[str, int]:
    """{chain id: last seq held here}: this database's own chain and every chain it holds
    links of (the cursor of a sync: chains are append-only and contiguous)."""
    from supervisor_app.services.hours_files.file_format import chain_identity

    conn = signing.dbapi(uow)
    chain, _keys_from = chain_identity(conn)
    # per chain known here (foreign_chain) its last link, by the primary key (chain_id, seq):
    # not a scan of every link the agency holds
    heads = {
        str(c): int(seq)
        for c, seq in conn.execute(
            "SELECT chain_id, (SELECT max(seq) FROM foreign_link f WHERE f.chain_id = c.chain_id) "
            "FROM foreign_chain c"
        ).fetchall()
        if seq is not None
    }
    own = conn.execute("SELECT max(seq) FROM sign_off").fetchone()
    heads[chain] = int(own[0] or 0) if own else 0
    return heads


def own_supervisors(uow: UnitOfWork) -> list[str]:
    """The global ids of the supervisors who sign in on this database (they have a password
    here): whose supervisees' records come down."""
    rows = signing.dbapi(uow).execute(
        "SELECT global_id FROM supervisor WHERE password_hash IS NOT NULL AND password_hash != '' "
        "AND global_id IS NOT NULL ORDER BY global_id"
    )
    return [str(gid) for (gid,) in rows.fetchall()]


def url_hash(url: str) -> str:
    """The server's URL as ``sync_peer`` keeps it: a digest (a URL may hold a password)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def read_peer(uow: UnitOfWork, peer_chain: str) -> tuple[dict[str, int], list[str]]:
    """(heads, supervisees) last taken from the peer; empty before the first sync."""
    row = uow.session.get(SyncPeer, peer_chain)
    if row is None:
        return {}, []
    heads: Any = json.loads(row.heads)
    supervisees: Any = json.loads(row.supervisees)
    return {str(k): int(v) for k, v in heads.items()}, [str(g) for g in supervisees]


def write_peer(
    uow: UnitOfWork, peer_chain: str, *, url: str, heads: dict[str, int], supervisees: list[str]
) -> None:
    """Record what was taken from the peer, in the caller's transaction (the one that writes
    the rows it accounts for)."""
    row = uow.session.get(SyncPeer, peer_chain)
    if row is None:
        row = SyncPeer(peer_chain_id=peer_chain)
        uow.session.add(row)
    row.url_hash = url_hash(url)
    row.heads = json.dumps(heads, sort_keys=True)
    row.supervisees = json.dumps(sorted(supervisees))
    row.synced_at = utcnow()
    uow.flush()


class Held(NamedTuple):
    """The last link of another database's chain held here."""

    seq: int
    chain_hash: str
    record_id: str


def held_head(uow: UnitOfWork, chain: str) -> Held | None:
    """The last link of another database's ``chain`` held here, or None."""
    row = (
        signing.dbapi(uow)
        .execute(
            "SELECT seq, chain_hash, record_id FROM foreign_link WHERE chain_id = ? ORDER BY seq DESC LIMIT 1",
            (chain,),
        )
        .fetchone()
    )
    return Held(int(row[0]), str(row[1]), str(row[2])) if row else None


def remember_copy(uow: UnitOfWork, head: Held | None, *, peer: str) -> None:
    """Remember that the other side of a sync (``peer``: "the agency database 1a2b3c4d") holds
    this database's chain up to ``head`` (its :func:`held_head` there): an outside copy
    (:mod:`supervisor_app.services.copies`), so ``verify`` reports this database's chain once
    it is shorter. Once per head: a sync that moved nothing of this chain records nothing. In
    the caller's transaction."""
    from supervisor_app.services import copies

    if head is None:
        return
    seq, chain_hash, _record = head
    known = (
        signing.dbapi(uow)
        .execute(
            "SELECT 1 FROM outside_copy WHERE kind = ? AND last_seq = ? AND last_chain_hash = ?",
            (copies.SYNC, seq, chain_hash),
        )
        .fetchone()
    )
    if known is None:
        copies.record_outside_copy(
            uow,
            kind=copies.SYNC,
            label=f"{peer} (synced on {clock.today():%Y-%m-%d})",
            last_seq=seq,
            last_chain_hash=chain_hash,
        )
