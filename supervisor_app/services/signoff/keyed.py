"""Verifying the keyed (Ed25519) signatures over the links, and the people they name."""

from __future__ import annotations

import json
import operator
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from supervisor_app.i18n import N_, _, ngettext
from supervisor_app.services import signatures, trails
from supervisor_app.services.canonical import (
    ACTION,
    AT,
    CHAIN,
    CONTENT,
    KIND,
    PREV,
    RID,
    SEQ,
    SIGNER,
    database_identity,
    on_postgres,
    query_rows,
)
from supervisor_app.services.signoff.checks import Problem

_SIGNATURE_SQL = "SELECT id, key_fingerprint, first_seq, last_seq, payload, signature, signed_at FROM signature WHERE chain_id = ?"
# The signature over each of a JSON list of seqs: the newest starting at or before it (ranges
# never overlap in a file the app wrote; a link it does not reach is reported as unsigned).
_COVERING = (
    "SELECT {columns} FROM signature "
    "WHERE rowid IN (SELECT (SELECT s.rowid FROM signature AS s WHERE s.chain_id = ?1 "
    "AND s.first_seq <= j.value ORDER BY s.first_seq DESC LIMIT 1) FROM json_each(?2) AS j)"
)
# The same on the agency database: by the primary key (no rowid), the seqs as an array.
_COVERING_PG = (
    "SELECT {columns} FROM signature "
    "WHERE id IN (SELECT (SELECT s.id FROM signature AS s WHERE s.chain_id = ? "
    "AND s.first_seq <= j.value ORDER BY s.first_seq DESC LIMIT 1) FROM unnest(?::bigint[]) AS j(value))"
)
_SIGNATURE_COLUMNS = "id, key_fingerprint, first_seq, last_seq, payload, signature, signed_at"


def covering(
    conn: Any, chain: str, seqs: list[int], columns: str = _SIGNATURE_COLUMNS
) -> list[tuple[Any, ...]]:
    """The chain's signatures covering these seqs (each the newest starting at or before one),
    with these columns."""
    if on_postgres(conn):
        return query_rows(conn, _COVERING_PG.format(columns=columns), (chain, seqs))
    return query_rows(conn, _COVERING.format(columns=columns), (chain, json.dumps(seqs)))


# Signatures already checked in this process: (id, public key, signature) -> (the text's
# hash, the payload, its links as tuples). A row is immutable, and a text changed since is a
# miss (its hash differs), so it is checked again; repeat views skip Ed25519 and JSON.
_CHECKED: OrderedDict[tuple[str, str, str], tuple[int, dict[str, Any], list[Any]]] = OrderedDict()
_CHECKED_MAX = 2048  # about a year of a supervisor's weekly batches for each of 40 supervisors; ~40 MB


def _checked_payload(
    sid: Any, public_hex: str, text_: Any, signature_hex: Any, *, remember: bool = True
) -> tuple[dict[str, Any], list[Any]] | None:
    """The payload of a keyed signature valid under ``public_hex`` (without its "links") and
    its links as tuples, or None when the signature does not match its text (or the text is no
    payload). ``remember``: keep the result for the next view (not for a whole-file pass)."""
    if not isinstance(text_, str):
        return None
    key = (str(sid), public_hex, str(signature_hex))
    digest = hash(text_)
    hit = _CHECKED.get(key)
    if hit is not None and hit[0] == digest:
        _CHECKED.move_to_end(key)
        return hit[1], hit[2]
    if not signatures.check(public_hex, text_, str(signature_hex)):
        return None
    payload = signatures.parse(text_)
    if payload is None:  # a valid signature over text that is not a payload: only ours sign
        return None
    entries = payload["links"] if isinstance(payload.get("links"), list) else []
    try:  # every entry a mapping with the six fields (what the app signs): one C loop
        expected = list(map(_LINK_VALUES, entries))
    except (KeyError, TypeError):
        expected = [_payload_tuple(e) for e in entries]
    slim = {name: value for name, value in payload.items() if name != "links"}
    if remember:
        _CHECKED[key] = (digest, slim, expected)
        if len(_CHECKED) > _CHECKED_MAX:
            _CHECKED.popitem(last=False)
    return slim, expected


_PERSON_FIELDS = {
    "supervisee": ("name", "icb_id", "credential"),
    "supervisor": ("name", "credentials", "icb_number", "license"),
}


def _link_tuple(link: Sequence[Any]) -> tuple[Any, ...]:
    return (link[SEQ], link[KIND], link[RID], link[ACTION], link[CONTENT], link[CHAIN])


_LINK_VALUES = operator.itemgetter(*signatures.LINK_FIELDS)


def _payload_tuple(entry: Any) -> tuple[Any, ...]:
    try:
        return _LINK_VALUES(entry)
    except (KeyError, TypeError):
        return ()


_STORED_VALUES = operator.itemgetter(SEQ, KIND, RID, ACTION, CONTENT, CHAIN)  # as _link_tuple


def _whole_payload(
    sid: Any,
    fingerprint: Any,
    public_hex: str,
    text_: Any,
    signature_hex: Any,
    stored: list[tuple[Any, ...]],
    span: range,
    valid: set[tuple[str, str, str]] | None,
) -> tuple[dict[str, Any], list[Any] | None] | None:
    """What :func:`_checked_payload` says of a keyed signature, for the whole-file pass: None
    when the signature does not match its text (or the text is no payload), else the payload
    without its links and its links as tuples; the links as None when they are exactly
    ``stored``, the links of its ``span`` (compared as two lists, in C).

    ``valid``: the signatures found valid by a worker process, or None to check here."""
    if not isinstance(text_, str):
        return None
    if valid is not None:
        if (str(sid), fingerprint, str(signature_hex)) not in valid:
            return None
    elif not signatures.check(public_hex, text_, str(signature_hex)):
        return None
    payload = signatures.parse(text_)
    if payload is None:  # a valid signature over text that is not a payload: only ours sign
        return None
    entries = payload.pop("links")  # a list (signatures.parse)
    try:
        expected = list(map(_LINK_VALUES, entries))
    except (KeyError, TypeError):
        expected = [_payload_tuple(e) for e in entries]
    if len(stored) == len(span) and expected == list(map(_STORED_VALUES, stored)):
        return payload, None
    return payload, expected


@dataclass
class _Signed:
    """What the valid keyed signatures said about people: {(table, global id): (seq, identity,
    a record id it covers)}, the newest per person."""

    people: dict[tuple[str, str], tuple[int, dict[str, Any], Any]] = field(default_factory=dict)

    def add(self, table: str, identity: Any, seq: int, record_id: Any) -> None:
        if not isinstance(identity, dict) or not isinstance(identity.get("global_id"), str):
            return
        key = (table, identity["global_id"])
        known = self.people.get(key)
        if known is None or known[0] < seq:
            self.people[key] = (seq, identity, record_id)


def check_keyed(
    conn: sqlite3.Connection,
    links: list[tuple[Any, ...]],
    whole: bool,
    add: Callable[[Problem], None],
    note: Callable[[Problem], None],
    valid: set[tuple[str, str, str]] | None = None,
) -> int:
    """The keyed signatures of this database's chain over ``links`` (all of them when
    ``whole``): each valid under its key, signing exactly the stored links, by the key of the
    link's signer; every link from ``keys_from`` on covered by one; the people as signed vs
    now (``whole`` only). Returns how many keyed signatures were checked.

    ``valid`` (``whole`` only): the signatures a worker process found valid under their keys
    (``record_digests._valid_signatures``), so they are not checked again here."""
    chain, keys_from = database_identity(conn)
    by_seq = {link[SEQ]: link for link in links}
    in_order: Any = None  # the signatures in the order they are checked
    if chain is None:
        rows = []
    elif whole:
        # Read a few at a time, in order: their payloads hold every link again (at scale 1,
        # 400 MB of text all at once).
        place = "id" if on_postgres(conn) else "rowid"
        rows = sorted(
            query_rows(conn, f"SELECT {place}, id, first_seq FROM signature WHERE chain_id = ?", (chain,)),
            key=lambda r: (str(r[2]), str(r[1])),
        )
        in_order = _read_in_order(conn, place, [row[0] for row in rows])
    else:  # the signatures over these links only: one index look-up per link, not every payload
        rows = covering(conn, chain, sorted(by_seq))
    if not whole:
        seqs = sorted(by_seq)
        from bisect import bisect_left

        def touches(first: Any, last: Any) -> bool:
            if first.__class__ is not int or last.__class__ is not int:
                return False
            i = bisect_left(seqs, first)
            return i < len(seqs) and seqs[i] <= last

        rows = [row for row in rows if touches(row[2], row[3])]
    public = signatures.public_keys(conn)
    covered: set[int] = set()
    signed = _Signed()
    named: set[Any] = set()

    def problem(rid: Any, message: str) -> None:
        if (rid, message) not in named:
            named.add((rid, message))
            add(Problem(rid, message))

    if in_order is None:
        in_order = sorted(rows, key=lambda r: (str(r[2]), str(r[0])))
    for sid, fingerprint, first, last, text_, signature_hex, _at in in_order:
        span = range(first, last + 1) if first.__class__ is int and last.__class__ is int else range(0)
        stored = [by_seq[seq] for seq in span if seq in by_seq]
        label = _("keyed signature {id}").format(id=str(sid)[:8])
        key = public.get(fingerprint)
        if key is None:
            checked = None
        elif whole:
            checked = _whole_payload(sid, fingerprint, key[0], text_, signature_hex, stored, span, valid)
        else:
            checked = _checked_payload(sid, key[0], text_, signature_hex, remember=True)
        if checked is None:
            unchecked = (
                _("signature #{seq}: {label} is by a key not on file")
                if key is None
                else _("signature #{seq}: {label} does not match what it signs (forged or altered)")
            )
            for link in stored:
                problem(link[RID], unchecked.format(seq=link[SEQ], label=label))
            continue
        payload, expected = checked
        if (
            payload.get("id") != sid
            or payload.get("chain") != chain
            or (expected is not None and [e[0] if e else None for e in expected] != list(span))
            or not isinstance(payload.get("signer"), dict)
            or payload["signer"].get("key") != fingerprint
        ):
            for link in stored:
                problem(
                    link[RID],
                    _("signature #{seq}: {label} was made for other links").format(
                        seq=link[SEQ], label=label
                    ),
                )
            continue
        owner = key[1]
        last_rid = expected[-1][2] if expected else None
        if expected is None:  # it signs exactly the stored links of its span (_whole_payload)
            last_rid = stored[-1][RID] if stored else None
            if (
                span.start >= keys_from
                and set(map(itemgetter(SIGNER), stored)) == {owner}
                and set(map(str, map(itemgetter(AT), stored))) == {payload.get("signed_at")}
            ):
                covered.update(span)  # every one would pass each check below
                expected = []
            else:
                expected = [_link_tuple(link) for link in stored]
        for entry in expected:
            seq, rid = entry[0], entry[2]
            link = by_seq.get(seq)
            if link is None:
                if whole:
                    problem(
                        rid,
                        _("{label} signed #{seq} ({kind}) but that link is missing from the chain").format(
                            label=label, seq=seq, kind=entry[3]
                        ),
                    )
                continue
            if _link_tuple(link) != entry:
                rewritten = _(
                    "signature #{seq} differs from what {label} signed (the chain was rewritten)"
                ).format(seq=seq, label=label)
                problem(rid, rewritten)
                if link[RID] != rid:
                    problem(link[RID], rewritten)
                continue
            if link[SIGNER] != owner:
                problem(
                    rid,
                    _(
                        "signature #{seq} names signer {signer}, but {label} is another supervisor's key"
                    ).format(seq=seq, signer=link[SIGNER], label=label),
                )
                continue
            if str(link[AT]) != payload.get("signed_at"):
                problem(
                    rid,
                    _("signature #{seq} is dated {at}, not as {label} signed it").format(
                        seq=seq, at=link[AT], label=label
                    ),
                )
                continue
            if seq < keys_from:
                problem(
                    rid,
                    _(
                        "signature #{seq} is marked as signed before keys, but {label} signed it "
                        "(the start of keys was moved)"
                    ).format(seq=seq, label=label),
                )
                continue
            covered.add(seq)
        if first in by_seq and by_seq[first][PREV] != payload.get("prev_chain_hash"):
            problem(
                by_seq[first][RID],
                _("signature #{seq} no longer follows the link {label} signed it after").format(
                    seq=first, label=label
                ),
            )
            covered.discard(first)
        head = payload.get("audit_head")
        if whole and isinstance(head, dict):
            why = trails.head_problem(conn, trails.AUDIT, head.get("id"), head.get("hash"))
            if why is not None:
                add(Problem(_("audit trail, as {label} signed it").format(label=label), why, kind="audit"))
        if whole:
            signed.add("supervisor", payload["signer"], first, last_rid)
            for person in payload.get("supervisees") or ():
                signed.add("supervisee", person, first, last_rid)
    before = 0
    newest_before = ""
    for link in links:
        seq = link[SEQ]
        if seq in covered:
            continue
        if seq.__class__ is int and seq < keys_from:
            before += 1
            newest_before = max(newest_before, str(link[AT]))
            continue
        problem(
            link[RID],
            _(
                "signature #{seq} has no keyed signature: it was not made with the signer's key "
                "(forged, or its keyed signature removed)"
            ).format(seq=seq),
        )
    if before:
        note(before_keys_note(before, keys_from, newest_before))
    if whole and signed.people:
        _check_people(conn, signed, problem, note)
    return len(rows)


def before_keys_note(before: int, keys_from: int, newest_before: str) -> Problem:
    """The note on links signed before keys existed (``before`` of them, the newest dated
    ``newest_before``): checked by the hash chain alone."""
    return Problem(
        "",
        ngettext(
            "{n} signature (#1 to #{last}, the newest dated {newest} UTC) were made before keys "
            "existed (signed before keys): they are checked by the hash chain alone.",
            "{n} signatures (#1 to #{last}, the newest dated {newest} UTC) were made before keys "
            "existed (signed before keys): they are checked by the hash chain alone.",
            before,
        ).format(n=before, last=keys_from - 1, newest=newest_before[:16]),
    )


def _read_in_order(conn: sqlite3.Connection, place: str, where: list[Any]) -> Any:
    """The rows of :data:`_SIGNATURE_SQL` at ``where`` (their rowids, or ids on the agency
    database), in that order, a batch at a time."""
    from supervisor_app.services.canonical import select_in

    sql = _SIGNATURE_SQL.replace(" FROM signature WHERE chain_id = ?", f", {place} FROM signature")
    for start in range(0, len(where), _READ_BATCH):
        batch = where[start : start + _READ_BATCH]
        found = {row[-1]: row[:-1] for row in select_in(conn, sql, place, batch)}
        for at in batch:
            yield found[at]


_READ_BATCH = 200  # keyed signatures read at once in a whole-file pass (~20 KB of payload each)


def _check_people(
    conn: sqlite3.Connection,
    signed: _Signed,
    problem: Callable[[Any, str], None],
    note: Callable[[Problem], None],
) -> None:
    """Each person as last signed vs as stored now; a difference a recorded edit explains is a
    note, any other is tampering."""
    now: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
    for row in query_rows(conn, "SELECT id, global_id, name, icb_id, credential FROM supervisee"):
        now[("supervisee", row[1])] = (row[0], {"name": row[2], "icb_id": row[3], "credential": row[4]})
    for row in query_rows(
        conn,
        "SELECT id, global_id, name, credentials, icb_number, license_type, license_number FROM supervisor",
    ):
        license_ = (
            f"{row[5]} {row[6]}".strip() if isinstance(row[5], str) and isinstance(row[6], str) else None
        )
        now[("supervisor", row[1])] = (
            row[0],
            {"name": row[2], "credentials": row[3], "icb_number": row[4], "license": license_},
        )
    edits: dict[tuple[str, Any], list[dict[str, Any]]] | None = None
    for (table, gid), (_seq, identity, rid) in signed.people.items():
        current = now.get((table, gid))
        if current is None:
            problem(
                rid,
                _("was signed for a {table} ({name!r}) who is no longer in the database").format(
                    table=_(_PERSON_WORDS[table]), name=identity.get("name")
                ),
            )
            continue
        row_id, values = current
        if table == "supervisee":  # signed as digests (signatures.person_digest), not in clear
            differ = [
                f
                for f in _PERSON_FIELDS[table]
                if identity.get(f) != signatures.person_digest(gid, f, values[f])
            ]
        else:
            differ = [f for f in _PERSON_FIELDS[table] if identity.get(f) != values[f]]
        if not differ:
            continue
        if edits is None:
            edits = _recorded_edits(conn)
        explained = all(_explained(edits.get((table, row_id), []), f, values[f]) for f in differ)
        if table == "supervisee":
            was = _("{fields} other than now").format(fields=", ".join(differ))
        else:
            was = ", ".join(f"{f} {identity.get(f)!r}" for f in differ)
        is_ = ", ".join(f"{f} {values[f]!r}" for f in differ)
        if explained:
            note(
                Problem(
                    rid,
                    _("{table} signed with {was}; now {now} (a recorded edit)").format(
                        table=_(_PERSON_WORDS[table]), was=was, now=is_
                    ),
                )
            )
        else:
            problem(
                rid,
                _("the {table} was signed with {was}; now {now}, and no recorded edit explains it").format(
                    table=_(_PERSON_WORDS[table]), was=was, now=is_
                ),
            )


_PERSON_WORDS = {"supervisee": N_("supervisee"), "supervisor": N_("supervisor")}


def _recorded_edits(conn: sqlite3.Connection) -> dict[tuple[str, Any], list[dict[str, Any]]]:
    """{(table, row id): the "after" values of each edit event of that person}."""
    import json

    edits: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for (details,) in query_rows(
        conn, "SELECT details FROM audit_event WHERE action = 'edit' AND details LIKE '%\"after\"%'"
    ):
        try:
            data = json.loads(details)
        except (TypeError, ValueError):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("after"), dict):
            continue
        for table in ("supervisee", "supervisor"):
            if table in data:
                edits.setdefault((table, data[table]), []).append(data["after"])
    return edits


def _explained(afters: list[dict[str, Any]], name: str, value: Any) -> bool:
    if name == "license":
        return any("license_type" in a or "license_number" in a for a in afters)
    return any(a.get(name) == value for a in afters)
