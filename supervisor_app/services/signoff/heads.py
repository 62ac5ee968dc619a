"""Supervisee heads: one keyed signature per key vouches for all of a supervisee's links.

A supervisor's weekly batch signature covers every link of the week, for all their
supervisees (about 58 links, of which about 3 are one supervisee's). Checking a supervisee's
view batch by batch meant reading, checking (Ed25519) and parsing about 440 payloads over ten
years: three quarters of a first view's time. A version-2 payload (:mod:`~supervisor_app.
services.signatures`) also holds, for each supervisee the batch concerns, their **head**: a
hash chained over the chain hashes of *all* of that supervisee's links in this chain (sessions
they attend, their experience entries, and the voids of those), in chain order, up to the
batch's last link (:func:`head_of`).

A link's chain hash covers everything about it (record, content hash, action, signer, time,
reason, its predecessor), so a head signed by key *K* vouches for every link of the
supervisee up to that batch. :func:`check_by_heads` therefore checks, for a supervisee, only
the newest signature of each key that signed any of their links, and requires every link to
lie in the span of a signature by its own signer's key, ending at or before that key's newest
one: a link changed, added, removed or re-attributed without that key's password no longer
reaches the head its signer signed. Anything it cannot vouch for this way (a version-1
payload, a link outside every span, a head that differs) is left to
:func:`~supervisor_app.services.signoff.keyed.check_keyed`, batch by batch, which names what
is wrong exactly as before. Signatures other than each key's newest are not read here: the
whole-file ``verify`` checks every one of them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from supervisor_app.services import signatures
from supervisor_app.services.canonical import (
    AT,
    CHAIN,
    SEQ,
    SIGNER,
    database_identity,
    select_in,
)
from supervisor_app.services.signoff.checks import Problem

# Every link of this chain to a supervisee's records, in chain order (the definition of the
# links a head covers: the same records a supervisee's view reads).
_OWN_LINKS_SQL = (
    "SELECT seq, chain_hash FROM sign_off WHERE record_id IN "
    "(SELECT session_id FROM session_attendee WHERE supervisee_id = ?) "
    "UNION ALL SELECT seq, chain_hash FROM sign_off WHERE record_id IN "
    "(SELECT id FROM experience_entry WHERE supervisee_id = ?) ORDER BY 1"
)


_SIGNED_BEFORE_KEYS_SQL = "SELECT 1 FROM signature WHERE chain_id = ? AND first_seq < ? LIMIT 1"


def next_head(head: str, chain_hash: Any) -> str:
    """The head after one more link: SHA-256 of the head before it and the link's chain hash."""
    return hashlib.sha256(f"{head}{chain_hash}".encode("utf-8", "surrogateescape")).hexdigest()


def head_of(chain_hashes: Iterable[Any]) -> str:
    """The head over these chain hashes, in order ("" for none)."""
    head = ""
    for chain_hash in chain_hashes:
        head = next_head(head, chain_hash)
    return head


def heads_now(conn: sqlite3.Connection, supervisee_ids: Iterable[int]) -> dict[str, str]:
    """{global id: head} of these supervisees over every link of this chain to their records,
    as stored now (in the signing transaction: the batch's own links included). Supervisees
    without a global id are left out (their views are checked batch by batch)."""
    heads: dict[str, str] = {}
    for sid in sorted(set(supervisee_ids)):
        row = conn.execute("SELECT global_id FROM supervisee WHERE id = ?", (sid,)).fetchone()
        if row is None or not isinstance(row[0], str):
            continue
        heads[row[0]] = head_of(chain for _seq, chain in conn.execute(_OWN_LINKS_SQL, (sid, sid)))
    return heads


def check_by_heads(
    conn: sqlite3.Connection,
    links: Sequence[tuple[Any, ...]],
    supervisee_id: int,
    note: Callable[[Problem], None],
) -> int | None:
    """Vouch for a supervisee's ``links`` (every link of this chain to their records, in chain
    order: nothing else) by the newest keyed signature of each key over them; the number of
    keyed signatures checked, or None when that does not settle it (then nothing was noted and
    :func:`~supervisor_app.services.signoff.keyed.check_keyed` must check them batch by batch).
    """
    from supervisor_app.services.signoff.keyed import _checked_payload, before_keys_note, covering

    chain, keys_from = database_identity(conn)
    if chain is None or not links:
        return None
    row = conn.execute("SELECT global_id FROM supervisee WHERE id = ?", (supervisee_id,)).fetchone()
    if row is None or not isinstance(row[0], str):
        return None
    gid = row[0]
    seqs = [link[SEQ] for link in links]
    if any(seq.__class__ is not int for seq in seqs) or seqs != sorted(set(seqs)):
        return None
    keyed = [link for link in links if link[SEQ] >= keys_from]
    if not keyed:
        return None
    if len(keyed) < len(links) and conn.execute(_SIGNED_BEFORE_KEYS_SQL, (chain, keys_from)).fetchone():
        return None  # a keyed signature over links "before keys": the start of keys was moved
    spans = sorted(
        covering(conn, chain, [link[SEQ] for link in keyed], "id, key_fingerprint, first_seq, last_seq"),
        key=lambda span: span[2] if span[2].__class__ is int else -1,
    )
    if any(span[2].__class__ is not int or span[3].__class__ is not int for span in spans):
        return None
    firsts = [span[2] for span in spans]
    public = signatures.public_keys(conn)
    newest: dict[str, tuple[Any, ...]] = {}  # key fingerprint -> its newest signature over these links
    for link in keyed:
        i = bisect_right(firsts, link[SEQ]) - 1
        if i < 0 or link[SEQ] > spans[i][3]:
            return None  # outside every signature's span
        span = spans[i]
        key = public.get(span[1])
        if key is None or key[1] != link[SIGNER]:
            return None  # not by its signer's key
        known = newest.get(span[1])
        if known is None or known[3] < span[3]:
            newest[span[1]] = span
    # The supervisee's head at the end of each of those signatures.
    ends = sorted((span[3], span[0]) for span in newest.values())
    expected: dict[Any, str] = {}
    head = ""
    at = 0
    for link in links:
        while at < len(ends) and ends[at][0] < link[SEQ]:
            expected[ends[at][1]] = head
            at += 1
        head = next_head(head, link[CHAIN])
    for _last, sid in ends[at:]:
        expected[sid] = head
    texts = {
        sid: (text_, signature)
        for sid, text_, signature in select_in(
            conn, "SELECT id, payload, signature FROM signature", "id", [span[0] for span in newest.values()]
        )
    }
    for fingerprint, span in newest.items():
        sid = span[0]
        text_, signature = texts.get(sid, (None, None))
        checked = _checked_payload(sid, public[fingerprint][0], text_, signature, remember=True)
        if checked is None:
            return None
        payload = checked[0]
        heads = payload.get("heads")
        if (
            payload.get("version") != 2
            or payload.get("id") != sid
            or payload.get("chain") != chain
            or not isinstance(payload.get("signer"), dict)
            or payload["signer"].get("key") != fingerprint
            or not isinstance(heads, dict)
            or heads.get(gid) != expected[sid]
        ):
            return None
    before = [link for link in links if link[SEQ] < keys_from]
    if before:
        note(before_keys_note(len(before), keys_from, max(str(link[AT]) for link in before)))
    return len(newest)


__all__ = ["check_by_heads", "head_of", "heads_now", "next_head"]
