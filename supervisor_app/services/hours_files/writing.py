"""Writing a supervisee's hours file: their signed records, the links and keyed signatures that
prove them, and the keys to check those."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import Supervisee, utcnow
from supervisor_app.services import audit, signoff
from supervisor_app.services.canonical import (
    EXPERIENCE,
    SESSION,
    SIGN_OFF_SQL,
    among_ids,
    in_list,
    read_batch,
    select_in,
    sha256_hex,
    to_json,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.hours_files.file_format import (
    FORMAT,
    MEMBERS,
    VERSION,
    WIRE_VERSION,
    HoursFileSummary,
    chain_identity,
    remember_outside_copy,
)
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.signoff import signing
from supervisor_app.services.signoff.checks import Problem, index_links
from supervisor_app.services.signoff.foreign import foreign_record_ids
from supervisor_app.storage import write_private


def _link_dict(link: Sequence[Any], chain: str, signature_id: str) -> dict[str, Any]:
    prev, seq, kind, rid, action, signer, at, reason, content, chain_hash = link[:10]
    return {
        "chain": chain,
        "seq": seq,
        "signature": signature_id,
        "prev_chain_hash": prev,
        "record_kind": kind,
        "record_id": rid,
        "action": action,
        "signer_id": signer,
        "signed_at": at,
        "reason": reason,
        "content_hash": content,
        "chain_hash": chain_hash,
    }


def _covering(conn: Any, chain: str, seqs: Iterable[int]) -> dict[int, str]:
    """{seq: id of the keyed signature of ``chain`` covering it} for these seqs."""
    wanted = sorted(set(seqs))
    if not wanted:
        return {}
    ranges = conn.execute(
        "SELECT first_seq, last_seq, id FROM signature WHERE chain_id = ? AND last_seq >= ? AND first_seq <= ? "
        "ORDER BY first_seq",
        (chain, wanted[0], wanted[-1]),
    ).fetchall()
    covering: dict[int, str] = {}
    i = 0
    for seq in wanted:
        while i < len(ranges) and ranges[i][1] < seq:
            i += 1
        if i < len(ranges) and ranges[i][0] <= seq <= ranges[i][1]:
            covering[seq] = ranges[i][2]
    return covering


@dataclass(frozen=True)
class Collected:
    """What :func:`collect_hours` gathered: the members (as the hours file or the sync batch
    holds them), the records left out (signed before keys existed), this database's chain
    and its head when they were gathered."""

    members: dict[str, Any]
    left_out: tuple[str, ...]
    chain: str
    head: tuple[int, str]


def _person(supervisee: Supervisee) -> dict[str, Any]:
    return {
        "global_id": supervisee.global_id,
        "name": supervisee.name,
        "icb_id": supervisee.icb_id,
        "credential": supervisee.credential,
        "position": supervisee.position,
        "start_date": supervisee.start_date.isoformat() if supervisee.start_date else None,
    }


def beyond_heads(conn: Any, chain: str, supervisee_ids: list[int], after: dict[str, int]) -> set[Any]:
    """What a sync batch sends, the one test: the ids of the records with a link beyond the head
    ``after`` holds of that link's chain (a record voided since goes again with its void; a
    record's void is in its sign link's chain). Read by the links: for a chain ``after`` holds,
    only its links beyond the head (the primary key's range); for one it does not, the links of
    these supervisees' records. Not yet narrowed to these supervisees' signed records (the
    caller reads the rows): a chain's new links may be anyone's."""
    among, params = in_list(conn, "supervisee_id", supervisee_ids)
    records = (
        f"SELECT session_id FROM session_attendee WHERE {among} "
        f"UNION SELECT id FROM experience_entry WHERE {among}"
    )
    found: set[Any] = set()
    head = after.get(chain, 0)
    if head > 0:
        rows = conn.execute("SELECT record_id FROM sign_off WHERE seq > ?", (head,))
    else:
        rows = conn.execute(
            f"SELECT record_id FROM sign_off WHERE record_id IN ({records})", (*params, *params)
        )
    found.update(rid for (rid,) in rows)
    chains = [
        str(c) for (c,) in conn.execute("SELECT chain_id FROM foreign_chain ORDER BY chain_id") if c != chain
    ]
    held = [c for c in chains if after.get(c, 0) > 0]
    for start in range(0, len(held), 200):
        part = held[start : start + 200]
        found.update(
            rid
            for (rid,) in conn.execute(
                "SELECT record_id FROM foreign_link WHERE "
                + " OR ".join(["(chain_id = ? AND seq > ?)"] * len(part)),
                tuple(v for c in part for v in (c, after[c])),
            )
        )
    fresh = [c for c in chains if after.get(c, 0) <= 0]
    if fresh:
        marks = ", ".join("?" * len(fresh))
        found.update(
            rid
            for (rid,) in conn.execute(
                f"SELECT record_id FROM foreign_link WHERE chain_id IN ({marks}) AND record_id IN ({records})",
                (*fresh, *params, *params),
            )
        )
    return found


def _left_out_before_keys(conn: Any, keys_from: int, supervisee_ids: list[int]) -> list[Any]:
    """One query: these supervisees' signed records signed on this chain before keys existed
    (they cannot travel) and the signed amendments that replace them, at any depth (an
    amendment travels only with its original). A sync batch counts these every time without
    reading the records."""
    if keys_from <= 1 or not supervisee_ids:
        return []
    among, params = in_list(conn, "supervisee_id", supervisee_ids)
    rows = conn.execute(
        "WITH RECURSIVE gone(id) AS ("
        "SELECT record_id FROM sign_off WHERE action = 'sign' AND seq < ? "
        "UNION SELECT a.id FROM (SELECT id, supersedes_id FROM supervision_session WHERE status = 'signed' "
        "UNION ALL SELECT id, supersedes_id FROM experience_entry WHERE status = 'signed') a "
        "JOIN gone ON a.supersedes_id = gone.id) "
        "SELECT id FROM gone WHERE id IN (SELECT id FROM supervision_session WHERE status = 'signed' AND id IN "
        f"(SELECT session_id FROM session_attendee WHERE {among}) "
        f"UNION ALL SELECT id FROM experience_entry WHERE status = 'signed' AND {among}) ORDER BY id",
        (keys_from, *params, *params),
    )
    return [rid for (rid,) in rows]


def _take(
    batch: Any, wanted_ids: set[int], seen: set[str], mine: list[tuple[str, tuple[Any, ...], list[Any]]]
) -> list[tuple[Any, ...]]:
    """Add to ``mine`` this batch's signed records of these supervisees not yet ``seen``; their rows."""
    taken = []
    for row in batch.rows:
        rid = row[0]
        if row[1] != "signed" or rid in seen:
            continue
        if batch.kind == "session":
            attendees = batch.attendees.get(rid, [])
            if wanted_ids.isdisjoint(attendees):
                continue
        else:
            attendees = []
            if row[5] not in wanted_ids:
                continue
        seen.add(rid)
        taken.append(row)
        mine.append((batch.kind, (*row, attendees, batch.allocations.get(rid, [])), attendees))
    return taken


def collect_hours(
    uow: UnitOfWork,
    *,
    supervisee_ids: Sequence[int | str],
    after: dict[str, int] | None = None,
    also_supervisors: Sequence[str] = (),
) -> Collected:
    """The members of an hours file (no zip, no file) for these supervisees: their signed
    records (sessions, experience, amendments and the originals they replace, voids), with the
    keyed signatures that cover them and the signers' public keys.

    ``after=None``: an hours file (format version 1, one supervisee, whole). ``after={chain:
    seq}``: a sync batch (wire version 2, :data:`WIRE_VERSION`): several supervisees, and only
    the records whose last link in their chain comes after that chain's seq (a record voided
    since travels again with its void); its manifest lists each supervisee with the global id
    of their current supervisor, and ``keys.json`` names those supervisors too. An amendment
    whose original is not in a version-1 file is left out; in a batch the original may already
    be in the target (:func:`~supervisor_app.services.hours_files.reading.check_members`);
    ``keys.json`` of a batch also names ``also_supervisors`` (global ids: a laptop's own
    supervisors, so the agency knows them before they have supervisees).

    Records that arrived from another database go in too, with their own signatures. Every
    record given out is verified first (an hours file: the supervisee's whole history): a
    database with an altered record gives out nothing
    (:class:`~supervisor_app.services.signoff.RecordsFailVerification`). Records signed before
    signing keys existed cannot travel (nothing proves them outside this database) and are
    left out, counted. A batch reads only the records beyond the heads (:func:`beyond_heads`)
    and the originals they amend, and counts those signed before keys by one query
    (:func:`_left_out_before_keys`). Reads only.
    """
    wire = after is not None
    wanted = [get_supervisee(uow, sid) for sid in supervisee_ids]
    if not wire and len(wanted) != 1:
        raise ValueError("an hours file holds one supervisee")
    wanted_ids = {s.id for s in wanted}
    conn = signing.dbapi(uow)
    chain, keys_from = chain_identity(conn)
    gid_of_supervisor = dict(conn.execute("SELECT id, global_id FROM supervisor").fetchall())
    gid_of_supervisee = dict(conn.execute("SELECT id, global_id FROM supervisee").fetchall())

    mine: list[tuple[str, tuple[Any, ...], list[Any]]] = []  # (kind, row, attendees)
    seen: set[str] = set()
    signs: dict[str, Any] = {}
    voids: dict[str, Any] = {}
    beyond: set[Any] = set()
    if wire:
        # A batch reads only the records beyond the heads (:func:`beyond_heads`) and the
        # originals they amend (an amendment travels with its original), and verifies what it
        # sends (the receiver checks it again); the people travel even when no record does.
        pending = sorted(beyond_heads(conn, chain, sorted(wanted_ids), after or {}))
        tried = set(pending)
        first = True
        while pending:
            taken = [
                row
                for kind in (SESSION, EXPERIENCE)
                for row in _take(read_batch(conn, kind, among_ids(pending)), wanted_ids, seen, mine)
            ]
            if first:
                beyond = set(seen)
                first = False
            pending = sorted({row[10] for row in taken if row[10] and row[10] not in tried})
            tried.update(pending)
        if mine:
            found: list[Problem] = []
            signs, voids = index_links(
                select_in(conn, SIGN_OFF_SQL, "record_id", among_ids(sorted(seen))), found.append
            )
    else:
        # an hours file: the supervisee's whole history, verified
        records = signoff.require_supervisee_verified(uow, wanted[0].id)
        signs, voids = records.signs, records.voids
        for batch in (records.sessions, records.experience):
            _take(batch, wanted_ids, seen, mine)
    ids = [row[0] for _kind, row, _a in mine]
    foreign = foreign_record_ids(conn, among_ids(ids)) if ids else set()
    foreign_links: dict[tuple[str, str], dict[str, Any]] = {}
    foreign_people: dict[str, dict[str, Any]] = {}
    if foreign:
        among, params = in_list(conn, "record_id", sorted(foreign))
        for row in conn.execute(
            "SELECT prev_chain_hash, seq, record_kind, record_id, action, signer_id, signed_at, reason, "
            f"content_hash, chain_hash, chain_id, signature_id, people FROM foreign_link WHERE {among}",
            params,
        ):
            foreign_links[(row[3], row[4])] = _link_dict(row, row[10], row[11])
            if row[4] == "sign":
                foreign_people[row[3]] = json.loads(row[12])
    local_seqs = [
        link[1]
        for rid in ids
        if rid not in foreign
        for link in (signs.get(rid), voids.get(rid))
        if link is not None
    ]
    if wire:  # every record beyond the heads verified before anything leaves
        signoff.require_verified(uow, [row[0] for _kind, row, _a in mine if row[0] in beyond])
    covering = _covering(conn, chain, local_seqs)

    out: list[dict[str, Any]] = []
    left_out: list[str] = []
    for kind, row, attendees in mine:
        rid = row[0]
        if rid in foreign:
            people = foreign_people[rid]
            sign = foreign_links[(rid, "sign")]
            void = foreign_links.get((rid, "void"))
        else:
            link = signs.get(rid)
            if link is None or link[1] < keys_from or link[1] not in covering:
                left_out.append(rid)
                continue
            people = {
                "supervisor": gid_of_supervisor.get(row[2]),
                "supervisees": [gid_of_supervisee.get(row[5])]
                if kind == "experience"
                else sorted(gid_of_supervisee.get(a) for a in attendees),
            }
            sign = _link_dict(link, chain, covering[link[1]])
            voided = voids.get(rid)
            void = None
            if voided is not None:
                if voided[1] not in covering:
                    left_out.append(rid)
                    continue
                void = _link_dict(voided, chain, covering[voided[1]])
        content = signoff.foreign_content(kind, row, people)
        if sha256_hex(to_json(content)) != sign["content_hash"]:
            left_out.append(rid)  # signed, but not in content version 2: signed before keys
            continue
        out.append({"kind": kind, "id": rid, "content": content, "sign": sign, "void": void})
    # An amendment travels only with the original it replaces.
    present = {r["id"] for r in out}
    while True:
        orphans = [r for r in out if r["content"][11] and r["content"][11] not in present]
        if not orphans:
            break
        for r in orphans:
            left_out.append(r["id"])
            present.discard(r["id"])
        out = [r for r in out if r["id"] in present]
    if wire:  # the originals read for their amendments stay (the receiver holds them)
        out = [r for r in out if r["id"] in beyond]
        left_out = [*_left_out_before_keys(conn, keys_from, sorted(wanted_ids)), *left_out]

    signature_ids = sorted(
        {r["sign"]["signature"] for r in out} | {r["void"]["signature"] for r in out if r["void"]}
    )
    among, params = in_list(conn, "id", signature_ids)
    signature_rows = [
        dict(
            zip(
                ("id", "chain", "key", "first_seq", "last_seq", "signed_at", "payload", "signature"),
                row,
                strict=True,
            )
        )
        for row in conn.execute(
            "SELECT id, chain_id, key_fingerprint, first_seq, last_seq, signed_at, payload, signature FROM signature "
            f"WHERE {among} ORDER BY chain_id, first_seq",
            params,
        )
    ]
    fingerprints = sorted({s["key"] for s in signature_rows})
    among, params = in_list(conn, "k.fingerprint", fingerprints)
    key_rows = conn.execute(
        "SELECT k.fingerprint, k.public_key, s.global_id FROM supervisor_key k JOIN supervisor s ON s.id = k.supervisor_id "
        f"WHERE {among} ORDER BY k.fingerprint",
        params,
    ).fetchall()
    keys_out = [{"fingerprint": fp, "public_key": pub, "supervisor": gid} for fp, pub, gid in key_rows]
    named = {r["content"][3] for r in out} | {k["supervisor"] for k in keys_out}
    if wire:
        named |= {gid_of_supervisor[s.supervisor_id] for s in wanted if s.supervisor_id is not None}
        named |= set(also_supervisors)
    among, params = in_list(conn, "global_id", sorted(named))
    supervisors_out = [
        {
            "global_id": gid,
            "name": name,
            "credentials": credentials,
            "title": title,
            "icb_number": icb,
            "license_type": license_type,
            "license_number": license_number,
        }
        for gid, name, credentials, title, icb, license_type, license_number in conn.execute(
            "SELECT global_id, name, credentials, title, icb_number, license_type, license_number FROM supervisor "
            f"WHERE {among} ORDER BY global_id",
            params,
        )
    ]
    head = conn.execute("SELECT seq, chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1").fetchone() or (
        0,
        "0" * 64,
    )
    agency = conn.execute("SELECT name FROM agency ORDER BY id LIMIT 1").fetchone()
    chains: dict[str, dict[str, Any]] = {
        chain: {"agency": agency[0] if agency else "", "last_seq": head[0], "chain_hash": head[1]}
    }
    known_agencies = dict(conn.execute("SELECT chain_id, agency FROM foreign_chain").fetchall())
    for r in out:
        for link in (r["sign"], r["void"]):
            if link is None or link["chain"] == chain:
                continue
            entry = chains.setdefault(
                link["chain"],
                {"agency": known_agencies.get(link["chain"], ""), "last_seq": 0, "chain_hash": ""},
            )
            if link["seq"] > entry["last_seq"]:
                entry["last_seq"], entry["chain_hash"] = link["seq"], link["chain_hash"]
    manifest: dict[str, Any] = {"format": FORMAT, "version": WIRE_VERSION if wire else VERSION}
    if wire:
        manifest["supervisees"] = [
            {**_person(s), "supervisor": gid_of_supervisor.get(s.supervisor_id)} for s in wanted
        ]
    else:
        manifest["supervisee"] = _person(wanted[0])
    manifest.update(
        {
            "made_at": utcnow().isoformat(timespec="seconds"),
            "made_by_chain": chain,
            "chains": chains,
            "counts": {"records": len(out), "signatures": len(signature_rows)},
        }
    )
    members = {
        "manifest.json": manifest,
        "records.json": out,
        "signatures.json": signature_rows,
        "keys.json": {"keys": keys_out, "supervisors": supervisors_out},
    }
    return Collected(members, tuple(dict.fromkeys(left_out)), chain, (head[0], head[1]))


def write_hours_file(
    uow: UnitOfWork, *, supervisee_id: int | str, path: str | os.PathLike[str]
) -> HoursFileSummary:
    """Write the supervisee's signed records (:func:`collect_hours`) to the hours file ``path``
    (written whole or not at all). A database with an altered record writes nothing
    (:class:`~supervisor_app.services.signoff.RecordsFailVerification`); records signed before
    signing keys existed are left out, counted in the summary. The giving out is recorded
    (:func:`remember_outside_copy`) and audited; flushed, the caller commits
    (:mod:`supervisor_app.usecases.hours_files`).
    """
    supervisee = get_supervisee(uow, supervisee_id)
    target = Path(path).expanduser()
    if target.exists() and target.is_dir():
        raise DomainError(
            _("{path} is a folder; give a file name for the hours file.").format(path=target),
            code="hours_file.path_is_folder",
            field="path",
        )
    collected = collect_hours(uow, supervisee_ids=[supervisee.id])
    members = collected.members
    out = members["records.json"]
    chain, head, left_out = collected.chain, collected.head, collected.left_out
    data = _zip_bytes(members)
    remember_outside_copy(
        uow,
        direction="out",
        chain_id=chain,
        last_seq=head[0],
        chain_hash=head[1],
        path=target,
        whose=supervisee.name,
    )
    audit.log(
        uow,
        audit.AuditAction.EXPORT,
        supervisee_id=supervisee.id,
        details={"hours_file": target.name, "records": len(out), "left_out": len(left_out)},
    )
    uow.flush()
    _write_atomic(target, data)
    return HoursFileSummary(
        path=target,
        supervisee_id=supervisee.id,
        supervisee_name=supervisee.name,
        records=len(out),
        voids=sum(1 for r in out if r["void"]),
        signatures=len(members["signatures.json"]),
        supervisors=tuple(s["name"] for s in members["keys.json"]["supervisors"]),
        chain_id=chain,
        last_seq=head[0],
        chain_hash=head[1],
        left_out=left_out,
    )


def _zip_bytes(members: dict[str, Any]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in MEMBERS:
            text = json.dumps(members[name], ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    """Next to the target, then renamed: a crash never leaves half a file. Only the user reads it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data)
