"""Records signed in another database (arrived in an hours file), their links and origins."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.services.canonical import (
    ACTION,
    AT,
    CHAIN,
    CONTENT,
    EXPERIENCE,
    KIND,
    PREV,
    REASON,
    RID,
    SEQ,
    SESSION,
    SIGN,
    SIGNED,
    SIGNER,
    VOID,
    Among,
    Hashing,
    chain_hash,
    content_payload_v2,
    dbapi,
    on_postgres,
    query_rows,
    read_records,
    select_in,
    sha256_hex,
    to_json,
    void_content_hash,
)
from supervisor_app.services.record_digests import Chunk
from supervisor_app.services.signoff.checks import HEX, Problem
from supervisor_app.services.signoff.keyed import _checked_payload

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
_FOREIGN_OF_SQL_PG = (
    "SELECT DISTINCT f.record_id FROM foreign_link f, "
    "jsonb_array_elements_text(f.people::jsonb -> 'supervisees') AS p(value) "
    "WHERE f.action = 'sign' AND p.value = ANY(?)"
)


def foreign_content(kind: str, row: Sequence[Any], people: dict[str, Any]) -> list[Any]:
    """A record's content version 2 (:func:`~supervisor_app.services.canonical.content_payload_v2`)
    from its row here (of :func:`read_records`), with the people named by the global ids it
    was signed with (``people``: ``{"supervisor": gid, "supervisees": [gid, ...]}``), not by
    who they are here: a group session's other attendees need not be known here."""
    named = list(people.get("supervisees") or [])
    if kind == EXPERIENCE:
        attendees: list[Any] = []
        supervisees = {row[5]: named[0]} if named else {}
    else:
        attendees = list(range(len(named)))
        supervisees = dict(enumerate(named))
    hashing = Hashing(0, set(), {row[2]: people.get("supervisor")}, supervisees)
    return content_payload_v2(kind, row, attendees, row[13], hashing)


def foreign_digest(kind: str, row: Sequence[Any], people: dict[str, Any]) -> str:
    return sha256_hex(to_json(foreign_content(kind, row, people)))


def foreign_record_ids(conn: sqlite3.Connection, ids: Sequence[Any] | Among | None) -> set[Any]:
    """Which of these records (``None``: all) arrived signed from another database."""
    if not _has_foreign_links(conn):
        return set()
    rows = select_in(conn, "SELECT record_id FROM foreign_link", "record_id", ids, "action = 'sign'")
    return set(map(itemgetter(0), rows))


def _has_foreign_links(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("SELECT 1 FROM foreign_link LIMIT 1").fetchone() is not None
    except conn.OperationalError:  # an older schema, read before its upgrade (SQLite only)
        return False


def supervisee_foreign_ids(conn: sqlite3.Connection, supervisee_id: int) -> list[Any]:
    """The records from another database that name this supervisee (by their global id, or
    another one linked to them)."""
    if not _has_foreign_links(conn):
        return []
    gids = [
        row[0]
        for row in query_rows(
            conn,
            "SELECT global_id FROM supervisee WHERE id = ? AND global_id IS NOT NULL "
            "UNION SELECT global_id FROM supervisee_alias WHERE supervisee_id = ?",
            (supervisee_id, supervisee_id),
        )
    ]
    if on_postgres(conn):
        return [row[0] for row in query_rows(conn, _FOREIGN_OF_SQL_PG, (gids,))]
    return [row[0] for row in query_rows(conn, _FOREIGN_OF_SQL, (to_json(gids),))]


def without(chunk: Chunk, foreign: set[Any]) -> Chunk:
    """A chunk of hashed records less those from another database (checked apart)."""
    ids, statuses, digests = chunk
    if isinstance(digests, str):
        digests = [digests[i : i + HEX] for i in range(0, len(digests), HEX)]
    keep = [i for i, rid in enumerate(ids) if rid not in foreign]
    return [ids[i] for i in keep], [statuses[i] for i in keep], [digests[i] for i in keep]


@dataclass
class ForeignLinks:
    """The sign and void links of records from another database, checked; shaped as this
    chain's links (:data:`SIGN_OFF_SQL`), with the signer as their supervisor id here."""

    signs: dict[Any, tuple[Any, ...]] = field(default_factory=dict)
    voids: dict[Any, tuple[Any, ...]] = field(default_factory=dict)
    chains: dict[Any, str] = field(default_factory=dict)  # {record id: the chain it was signed in}


def _person_ids(conn: sqlite3.Connection) -> tuple[dict[Any, Any], dict[Any, set[Any]]]:
    """{supervisor id: global id}, {supervisee id: their global ids (theirs and linked ones)}."""
    supervisors = dict(query_rows(conn, "SELECT id, global_id FROM supervisor"))
    supervisees: dict[Any, set[Any]] = {}
    for sid, gid in query_rows(
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
    keys = {row[0]: row for row in query_rows(conn, _KEY_SQL)}
    checked: dict[Any, tuple[str | None, dict[Any, Any], tuple[Any, ...], Any]] = {}
    for row in select_in(conn, _FOREIGN_SIGNATURE_SQL, "id", list(signature_ids)):
        sid, chain, fingerprint, _first, _last, payload_text_, signature_hex = row
        key = keys.get(fingerprint)
        entries: dict[Any, Any] = {}
        problem: str | None = None
        # Checked once per process for the same text (keyed._checked_payload): the signatures
        # a sync's batches and supervisees share skip Ed25519 and JSON the second time.
        checked_ = (
            _checked_payload(sid, key[1], payload_text_, signature_hex)
            if key is not None and isinstance(signature_hex, str)
            else None
        )
        if key is None:
            problem = _("signature {id} names a key that is not on file").format(id=str(sid)[:8])
        elif checked_ is None:
            problem = _("signature {id} by {signer} does not check under their key (it was altered)").format(
                id=str(sid)[:8], signer=key[4]
            )
        else:
            payload, links = checked_
            signer = payload.get("signer") or {}
            if payload.get("id") != sid or payload.get("chain") != chain or signer.get("key") != fingerprint:
                problem = _("signature {id} was stored under another id, chain or key than it signed").format(
                    id=str(sid)[:8]
                )
            elif signer.get("global_id") != key[3]:
                problem = _("signature {id}'s key belongs to someone else here than its signer").format(
                    id=str(sid)[:8]
                )
            entries = {entry[0]: entry for entry in links if entry}
        checked[sid] = (problem, entries, row, key[2] if key is not None else None)
    return checked


def check_foreign(
    conn: sqlite3.Connection, ids: Sequence[Any] | Among | None, add: Callable[[Problem], None]
) -> ForeignLinks:
    """Check the records from another database (``None``: all of them; else those among
    ``ids``) and their links; report each problem with the record's id."""
    result = ForeignLinks()
    if not _has_foreign_links(conn):
        return result
    links = select_in(conn, _FOREIGN_LINK_SQL, "record_id", ids)
    if not links:
        return result
    signatures_ = _check_signatures(conn, {link[_F_SIGNATURE] for link in links})
    record_ids = list({link[RID] for link in links})
    rows: dict[Any, tuple[str, tuple[Any, ...]]] = {}
    for kind in (SESSION, EXPERIENCE):
        for rid, row in read_records(conn, kind, record_ids).items():
            rows[rid] = (kind, row)
    supervisors, supervisees = _person_ids(conn)
    digests: dict[Any, str] = {}
    links.sort(key=lambda link: (link[ACTION] != SIGN, str(link[_F_CHAIN_ID]), link[SEQ]))
    for link in links:
        rid, seq, action = link[RID], link[SEQ], link[ACTION]
        where = _("#{seq} of database {chain}").format(seq=seq, chain=str(link[_F_CHAIN_ID])[:8])
        problem, entries, sig_row, signer = signatures_.get(link[_F_SIGNATURE], ("missing", {}, (), None))
        if problem == "missing":
            add(Problem(rid, _("its signature ({where}) is missing").format(where=where)))
        elif problem is not None:
            add(Problem(rid, problem))
        else:
            entry = entries.get(seq)
            expected = (seq, link[KIND], rid, action, link[CONTENT], link[CHAIN])  # signatures.LINK_FIELDS
            if entry != expected or sig_row[1] != link[_F_CHAIN_ID]:
                add(
                    Problem(
                        rid,
                        _("signature {where} is not the one its keyed signature lists (altered)").format(
                            where=where
                        ),
                    )
                )
        own = chain_hash(
            prev=link[PREV],
            seq=seq,
            kind=link[KIND],
            record_id=rid,
            action=action,
            signer_id=link[SIGNER],
            signed_at=link[AT],
            reason=link[REASON],
            content=link[CONTENT],
        )
        if own != link[CHAIN]:
            add(
                Problem(
                    rid,
                    _("signature {where} was altered (its signer, time, reason or hash changed)").format(
                        where=where
                    ),
                )
            )
        shaped = (*link[:SIGNER], signer, *link[SIGNER + 1 : 10])
        if action == VOID:
            result.voids[rid] = shaped
            digest = digests.get(rid)
            if (
                rid in result.signs
                and digest is not None
                and void_content_hash(digest, link[REASON]) != link[CONTENT]
            ):
                add(
                    Problem(
                        rid, _("void {where} no longer matches the record or its reason").format(where=where)
                    )
                )
            if rid not in result.signs:
                add(
                    Problem(
                        rid, _("void {where} withdraws a record that has no signature").format(where=where)
                    )
                )
            continue
        result.signs[rid] = shaped
        result.chains[rid] = link[_F_CHAIN_ID]
        found = rows.get(rid)
        if found is None:
            add(
                Problem(
                    rid,
                    _(
                        "arrived signed from another database ({where}) but the record has been deleted"
                    ).format(where=where),
                )
            )
            continue
        kind, row = found
        if kind != link[KIND]:
            add(
                Problem(
                    rid,
                    _("signature {where} is for a {signed_kind}, not a {kind}").format(
                        where=where, signed_kind=link[KIND], kind=kind
                    ),
                )
            )
            continue
        if row[1] != SIGNED:
            add(
                Problem(
                    rid,
                    _("arrived signed ({where}) but is marked {status!r} now").format(
                        where=where, status=row[1]
                    ),
                )
            )
        try:
            people = json.loads(link[_F_PEOPLE])
        except (TypeError, ValueError):
            people = {}
        named = set(people.get("supervisees") or ())
        if supervisors.get(row[2]) != people.get("supervisor"):
            add(Problem(rid, _("its supervisor was changed after it arrived from another database")))
        here = [row[5]] if kind == EXPERIENCE else list(row[12])
        if any(not (supervisees.get(sid, set()) & named) for sid in here):
            add(
                Problem(
                    rid, _("its supervisee or attendees were changed after it arrived from another database")
                )
            )
        elif kind == SESSION:
            listed = {gid for sid in here for gid in supervisees.get(sid, set())}
            known = {gid for gids in supervisees.values() for gid in gids}
            if (named & known) - listed:
                add(Problem(rid, _("an attendee was removed after it arrived from another database")))
        digest = digests[rid] = foreign_digest(kind, row, people)
        if digest != link[CONTENT]:
            add(
                Problem(rid, _("content changed after it was signed (signature {where})").format(where=where))
            )
    return result


def record_origins(uow: UnitOfWork, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """For records that arrived from another database: {record id: {"chain": its chain id,
    "agency": the agency that database named, "signer": who signed it, "signed_at": when}}."""
    ids = list(record_ids)
    conn = dbapi(uow)
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
        for rid, chain, agency, signer, at in select_in(conn, sql, "f.record_id", ids, "f.action = 'sign'")
    }


def signature_count(uow: UnitOfWork) -> int:
    from sqlalchemy import func, select

    from supervisor_app.models import SignOff

    return uow.session.scalar(select(func.count()).select_from(SignOff)) or 0
