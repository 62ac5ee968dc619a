"""Hours files: a supervisee's signed records, with their proof, that travel with them.

An hours file (format ``supervisor_app/hours``, version 1; see ``docs/HOURS-FILE.md``) is a
zip of four JSON members:

- ``manifest.json``: the format and version, the supervisee (global id, name, ICB id,
  credential), when and by which database (chain id) it was made, and for each chain its
  records come from the agency it named and its head (last seq, chain hash).
- ``records.json``: each signed record, its content version 2 (people as global ids: what was
  signed), its sign link and, if voided, its void link, as their chain stored them.
- ``signatures.json``: the keyed signatures covering those links, verbatim.
- ``keys.json``: the signers' public keys and the supervisors the file names.

:func:`read_hours_file` checks everything (sizes first, then each signature under its key,
each link against the signed payload and its own chain hash, each record's content against
its link) and raises :class:`~supervisor_app.services.errors.DomainError` naming the record.
:func:`import_hours_file` writes all of it or nothing; the records arrive **signed**, are
read-only, count toward progress and are verified by
:func:`~supervisor_app.services.signoff.verify` against their foreign signatures.
:func:`open_hours_files` shows hours files without any supervisor account: imported into a
temporary database, opened read-only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from supervisor_app.db import Database, UnitOfWork, open_database, write_private
from supervisor_app.fileops import remove_folder
from supervisor_app.models import (
    ExperienceKind,
    Modality,
    SessionFormat,
    Supervisee,
    SuperviseeAlias,
    Supervisor,
    utcnow,
)
from supervisor_app.services import audit, copies, signatures, signoff
from supervisor_app.services.canonical import among_ids, database_identity, sha256_hex, to_json
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.signoff import signing
from supervisor_app.services.signoff.foreign import foreign_record_ids

FORMAT = "supervisor_app/hours"
VERSION = 1
SUFFIX = ".hours"
MEMBERS = ("manifest.json", "records.json", "signatures.json", "keys.json")

# Sizes an hours file may have. Ten years of one supervisee (about 1,400 records, with the
# signatures of the batches they were signed in) is a few megabytes; these leave room for far
# more while keeping a hostile file (a zip bomb) from using more than a few hundred MB.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MEMBER_BYTES = {"manifest.json": 1024 * 1024, "keys.json": 4 * 1024 * 1024}
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
MAX_RECORDS = 100_000

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_LINK_KEYS = (
    "chain",
    "seq",
    "signature",
    "prev_chain_hash",
    "record_kind",
    "record_id",
    "action",
    "signer_id",
    "signed_at",
    "reason",
    "content_hash",
    "chain_hash",
)


# --------------------------------------------------------------------------------------------
# What the functions hand back


@dataclass(frozen=True)
class HoursFileSummary:
    """What :func:`write_hours_file` wrote."""

    path: Path
    supervisee_id: int
    supervisee_name: str
    records: int  # signed records in the file (amended originals and voided ones included)
    voids: int
    signatures: int
    supervisors: tuple[str, ...]  # who signed or supervised them
    chain_id: str  # this database's
    last_seq: int  # this database's chain head when the file was made
    chain_hash: str
    left_out: tuple[str, ...] = ()  # records signed before keys existed: not in the file

    def text(self) -> str:
        lines = [
            f"Wrote {self.path}: {self.records} signed record(s) of {self.supervisee_name}"
            f" ({self.voids} voided), {self.signatures} signature(s)."
        ]
        if self.left_out:
            lines.append(
                f"{len(self.left_out)} record(s) signed before signing keys existed are not in the file "
                "(they can only be shown on a printed statement or form from this database)."
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class HoursRecord:
    """One signed record as the file holds it."""

    kind: str
    id: str
    content: list[Any]  # content version 2, exactly as signed
    sign: dict[str, Any]  # its sign link (keys: _LINK_KEYS)
    void: dict[str, Any] | None

    @property
    def supervisor(self) -> str:
        return self.content[3]

    @property
    def supervisees(self) -> list[str]:
        return [self.content[6]] if self.kind == "experience" else list(self.content[13])

    @property
    def supersedes(self) -> str | None:
        return self.content[11]

    def people(self) -> dict[str, Any]:
        return {"supervisor": self.supervisor, "supervisees": sorted(self.supervisees)}


@dataclass
class HoursFile:
    """An hours file read and checked by :func:`read_hours_file`."""

    path: Path
    version: int
    supervisee: dict[str, Any]  # global_id, name, icb_id, credential, position, start_date
    made_at: str
    made_by_chain: str
    chains: dict[str, dict[str, Any]]  # {chain id: {"agency", "last_seq", "chain_hash"}}
    records: list[HoursRecord]
    signatures: list[dict[str, Any]]
    keys: list[dict[str, Any]]
    supervisors: list[dict[str, Any]]

    @property
    def voids(self) -> int:
        return sum(1 for r in self.records if r.void is not None)


@dataclass(frozen=True)
class HoursImportSummary:
    """What :func:`import_hours_file` did."""

    path: Path
    supervisee_id: int
    supervisee_name: str
    added: int  # records new here
    already: int  # records that were already here (a re-import)
    signatures_added: int
    supervisee_added: bool
    linked: bool  # the file's supervisee was linked to a person already here
    supervisors_added: tuple[str, ...]
    same_name: tuple[tuple[int, str], ...] = ()  # people here with the supervisee's name, not merged
    not_attached: int = 0  # group sessions already here for other attendees, not listing this one
    chains: tuple[str, ...] = ()

    def text(self) -> str:
        who = f"{self.supervisee_name} (id {self.supervisee_id})"
        lines = [
            f"Imported {self.path.name} for {who}: {self.added} signed record(s) added, "
            f"{self.already} already here."
        ]
        if self.supervisee_added:
            lines.append(f"{self.supervisee_name} was added as a new supervisee (id {self.supervisee_id}).")
        if self.linked:
            lines.append(f"The file's supervisee was linked to {who}, as asked.")
        if self.supervisors_added:
            lines.append(
                "Supervisors added (they signed elsewhere): " + ", ".join(self.supervisors_added) + "."
            )
        for pid, name in self.same_name:
            lines.append(
                f"{name} (id {pid}) here has the same name but is not linked. If it is the same person, "
                f"import the file again with --link-supervisee {pid}."
            )
        if self.not_attached:
            lines.append(
                f"{self.not_attached} group session(s) were already here for another attendee and do not "
                "list this supervisee."
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Cutting-off detection: every hours file given out and taken in


def remember_outside_copy(
    uow: UnitOfWork,
    *,
    direction: str,
    chain_id: str,
    last_seq: int,
    chain_hash: str,
    path: Path | str,
    whose: str,
) -> None:
    """Record that a copy of this database's chain up to ``last_seq`` (whose chain hash is
    ``chain_hash``) left (``direction="out"``) or came back (``"in"``) in the hours file
    ``path`` of ``whose`` hours, so :func:`~supervisor_app.services.signoff.verify` reports this
    file's chain once it is shorter than the copy (:mod:`~supervisor_app.services.copies`).
    Another database's chain is not ours to compare: nothing is recorded for it. The caller
    commits."""
    ours, _keys_from = _identity(signing.dbapi(uow))
    if chain_id != ours:
        return
    given = direction == "out"
    copies.record_outside_copy(
        uow,
        kind=copies.HOURS_FILE_OUT if given else copies.HOURS_FILE_IN,
        label=(
            f"the hours file {'given to' if given else 'brought back by'} {whose} "
            f"on {dt.date.today():%Y-%m-%d} ({Path(path).name})"
        ),
        last_seq=last_seq,
        last_chain_hash=chain_hash,
    )


# --------------------------------------------------------------------------------------------
# Writing


def _identity(conn: Any) -> tuple[str, int]:
    """This database's chain id and first keyed link (:func:`canonical.database_identity`);
    a database without one cannot give or take hours files."""
    chain, keys_from = database_identity(conn)
    if chain is None:
        raise DomainError("This database has no identity (it was not upgraded properly); run verify.")
    return chain, keys_from


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


def write_hours_file(
    uow: UnitOfWork, *, supervisee_id: int | str, path: str | os.PathLike[str]
) -> HoursFileSummary:
    """Write the supervisee's signed records (sessions, experience, amendments and the
    originals they replace, voids), with the keyed signatures that cover them and the
    signers' public keys, to the hours file ``path`` (written whole or not at all).

    Records that arrived from another database go in too, with their own signatures. Every
    record is verified first: a database with an altered record writes nothing
    (:class:`~supervisor_app.services.signoff.RecordsFailVerification`). Records signed before
    signing keys existed cannot travel (nothing proves them outside this file) and are left
    out, counted in the summary. The giving out is recorded (:func:`remember_outside_copy`)
    and audited; commits.
    """
    supervisee = get_supervisee(uow, supervisee_id)
    target = Path(path).expanduser()
    if target.exists() and target.is_dir():
        raise DomainError(f"{target} is a folder; give a file name for the hours file.", field="path")
    records = signoff.require_supervisee_verified(uow, supervisee.id)
    conn = signing.dbapi(uow)
    chain, keys_from = _identity(conn)
    gid_of_supervisor = dict(conn.execute("SELECT id, global_id FROM supervisor").fetchall())
    gid_of_supervisee = dict(conn.execute("SELECT id, global_id FROM supervisee").fetchall())

    mine: list[tuple[str, tuple[Any, ...], list[Any]]] = []  # (kind, row, attendees)
    for batch in (records.sessions, records.experience):
        for row in batch.rows:
            rid = row[0]
            if row[1] != "signed":
                continue
            if batch.kind == "session":
                attendees = batch.attendees.get(rid, [])
                if supervisee.id not in attendees:
                    continue
            else:
                attendees = []
                if row[5] != supervisee.id:
                    continue
            mine.append((batch.kind, (*row, attendees, batch.allocations.get(rid, [])), attendees))
    ids = [row[0] for _kind, row, _a in mine]
    foreign = foreign_record_ids(conn, among_ids(ids)) if ids else set()
    foreign_links: dict[tuple[str, str], dict[str, Any]] = {}
    foreign_people: dict[str, dict[str, Any]] = {}
    if foreign:
        for row in conn.execute(
            "SELECT prev_chain_hash, seq, record_kind, record_id, action, signer_id, signed_at, reason, "
            "content_hash, chain_hash, chain_id, signature_id, people FROM foreign_link "
            "WHERE record_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(foreign)),),
        ):
            foreign_links[(row[3], row[4])] = _link_dict(row, row[10], row[11])
            if row[4] == "sign":
                foreign_people[row[3]] = json.loads(row[12])
    local_seqs = [
        link[1]
        for rid in ids
        if rid not in foreign
        for link in (records.signs.get(rid), records.voids.get(rid))
        if link is not None
    ]
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
            link = records.signs.get(rid)
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
            voided = records.voids.get(rid)
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

    signature_ids = sorted(
        {r["sign"]["signature"] for r in out} | {r["void"]["signature"] for r in out if r["void"]}
    )
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
            "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY chain_id, first_seq",
            (json.dumps(signature_ids),),
        )
    ]
    fingerprints = sorted({s["key"] for s in signature_rows})
    key_rows = conn.execute(
        "SELECT k.fingerprint, k.public_key, s.global_id FROM supervisor_key k JOIN supervisor s ON s.id = k.supervisor_id "
        "WHERE k.fingerprint IN (SELECT value FROM json_each(?)) ORDER BY k.fingerprint",
        (json.dumps(fingerprints),),
    ).fetchall()
    keys_out = [{"fingerprint": fp, "public_key": pub, "supervisor": gid} for fp, pub, gid in key_rows]
    named = sorted({r["content"][3] for r in out} | {k["supervisor"] for k in keys_out})
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
            "WHERE global_id IN (SELECT value FROM json_each(?)) ORDER BY global_id",
            (json.dumps(named),),
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
    made_at = utcnow().isoformat(timespec="seconds")
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "supervisee": {
            "global_id": supervisee.global_id,
            "name": supervisee.name,
            "icb_id": supervisee.icb_id,
            "credential": supervisee.credential,
            "position": supervisee.position,
            "start_date": supervisee.start_date.isoformat() if supervisee.start_date else None,
        },
        "made_at": made_at,
        "made_by_chain": chain,
        "chains": chains,
        "counts": {"records": len(out), "signatures": len(signature_rows)},
    }
    data = _zip_bytes(
        {
            "manifest.json": manifest,
            "records.json": out,
            "signatures.json": signature_rows,
            "keys.json": {"keys": keys_out, "supervisors": supervisors_out},
        }
    )
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
    uow.commit()
    return HoursFileSummary(
        path=target,
        supervisee_id=supervisee.id,
        supervisee_name=supervisee.name,
        records=len(out),
        voids=sum(1 for r in out if r["void"]),
        signatures=len(signature_rows),
        supervisors=tuple(s["name"] for s in supervisors_out),
        chain_id=chain,
        last_seq=head[0],
        chain_hash=head[1],
        left_out=tuple(dict.fromkeys(left_out)),
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


# --------------------------------------------------------------------------------------------
# Reading and checking


def _refuse(path: Path, message: str) -> DomainError:
    return DomainError(f"{path.name} is refused, nothing was imported: {message}", field="file")


def is_hours_file(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` is an hours file by its content (a zip whose ``manifest.json`` names
    this format), whatever its name ends with. Reads at most the manifest."""
    target = Path(path)
    try:
        with target.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(target) as archive:
            info = archive.getinfo("manifest.json")
            if info.file_size > MAX_MEMBER_BYTES["manifest.json"]:
                return True  # ours by name; read_hours_file says what is wrong with it
            manifest = json.loads(archive.read(info))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, NotImplementedError, RuntimeError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == FORMAT


def _members(path: Path) -> dict[str, Any]:
    """The four JSON members, parsed, after checking the sizes the zip states and reading no
    more than them (a member that unpacks to more than it says fails in zipfile itself)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DomainError(f"{path} cannot be opened: {exc.strerror or exc}.", field="file") from None
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            f"it is {size / 1024 / 1024:,.0f} MB; an hours file has at most {MAX_FILE_BYTES // 1024 // 1024} MB.",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > 16:
                raise _refuse(path, f"it holds {len(infos):,} parts; an hours file has {len(MEMBERS)}.")
            names = [i.filename for i in infos]
            missing = [m for m in MEMBERS if m not in names]
            extra = sorted(set(names) - set(MEMBERS))
            if missing or extra or len(names) != len(set(names)):
                raise _refuse(
                    path,
                    "it is not an hours file of this app (its parts are "
                    + ", ".join(sorted(names)[:8])
                    + f"; expected {', '.join(MEMBERS)}).",
                )
            total = 0
            for info in infos:
                limit = MAX_MEMBER_BYTES.get(info.filename, MAX_PART_BYTES)
                total += info.file_size
                if info.file_size > limit or total > MAX_UNPACKED_BYTES:
                    raise _refuse(
                        path,
                        f"{info.filename} unpacks to {info.file_size / 1024 / 1024:,.0f} MB, more than an hours "
                        f"file holds (at most {limit // 1024 // 1024} MB a part, {MAX_UNPACKED_BYTES // 1024 // 1024} MB in all).",
                    )
            parsed: dict[str, Any] = {}
            for name in MEMBERS:
                with archive.open(name) as member:
                    data = member.read(MAX_MEMBER_BYTES.get(name, MAX_PART_BYTES) + 1)
                parsed[name] = json.loads(data.decode("utf-8"))
                if name == "manifest.json":
                    _check_manifest(path, parsed[name])
            return parsed
    except DomainError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        OSError,
        RuntimeError,
    ) as exc:
        raise _refuse(path, f"it is damaged or not a zip file ({exc}).") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _refuse(path, f"a part of it is not valid JSON ({str(exc)[:120]}).") from None


def _check_manifest(path: Path, manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(path, "it is not an hours file of this app (manifest.json names another format).")
    version = manifest.get("version")
    if version != VERSION:
        raise _refuse(
            path,
            f"it is in hours-file format version {version!r}, which this version of the app does not know "
            f"(it reads version {VERSION}). Update the app to import it.",
        )


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _check_content(record: Any) -> str | None:
    """What is wrong with a record's shape, or None."""
    if not isinstance(record, dict) or set(record) != {"kind", "id", "content", "sign", "void"}:
        return "its entry is not a record"
    kind, rid, content = record["kind"], record["id"], record["content"]
    if kind not in ("session", "experience") or not _text(rid) or not _UUID.fullmatch(rid):
        return "its kind or id is not valid"
    if not isinstance(content, list) or len(content) != 15 or content[:3] != [2, kind, rid]:
        return "its content is not a record's content (version 2)"
    if not all(_text(content[i]) for i in (3, 4, 7, 8, 9, 10, 12)):
        return "a field of its content is not text"
    if content[11] is not None and not (_text(content[11]) and _UUID.fullmatch(content[11])):
        return "it amends a record with an invalid id"
    if not (isinstance(content[13], list) and isinstance(content[14], list)):
        return "its attendees or domains are not lists"
    if not all(_text(v) for v in content[13]) or not all(_text(v) and "=" in v for v in content[14]):
        return "an attendee or a domain allocation is not valid"
    try:
        for item in content[14]:
            if int(item.rpartition("=")[2]) <= 0:
                return "a domain allocation is not a positive number of minutes"
        if kind == "session":
            dt.date.fromisoformat(content[4])
            if content[5] is not None:
                dt.time.fromisoformat(content[5])
            if not (content[6].isdecimal() and int(content[6]) > 0):
                return "its minutes are not a positive number"
            if content[7] not in set(SessionFormat) or content[8] not in set(Modality):
                return "its format or modality is unknown"
            if not content[13]:
                return "a session without attendees"
        else:
            if dt.date.fromisoformat(content[5]) < dt.date.fromisoformat(content[4]):
                return "its period ends before it starts"
            if not _text(content[6]) or content[7] not in set(ExperienceKind) or content[13]:
                return "its supervisee or kind is not valid"
    except (TypeError, ValueError):
        return "a date, time or number in it is not valid"
    return None


def _check_link(link: Any, action: str, rid: str, kind: str) -> bool:
    if not isinstance(link, dict) or set(link) != set(_LINK_KEYS):
        return False
    return (
        link["action"] == action
        and link["record_id"] == rid
        and link["record_kind"] == kind
        and isinstance(link["seq"], int)
        and isinstance(link["signer_id"], int)
        and all(_text(link[k]) for k in ("chain", "signature", "signed_at", "reason"))
        and all(
            _text(link[k]) and _HEX64.fullmatch(link[k])
            for k in ("prev_chain_hash", "content_hash", "chain_hash")
        )
    )


def read_hours_file(path: str | os.PathLike[str]) -> HoursFile:
    """Read an hours file and check everything in it, changing nothing anywhere.

    Refused with a :class:`DomainError` (its message names the record concerned): a file
    too large or unpacking to too much, not an hours file, of an unknown format version, a
    signature that does not check under its key, a link that differs from what its
    signature lists or from its own chain hash, a record whose content is not what was
    signed, a void that does not match its record, a record that is not the supervisee's,
    an amendment without the original it replaces.
    """
    target = Path(path).expanduser()
    parts = _members(target)
    manifest = parts["manifest.json"]
    supervisee = manifest.get("supervisee")
    if not (
        isinstance(supervisee, dict)
        and _text(supervisee.get("global_id"))
        and _UUID.fullmatch(supervisee["global_id"])
        and _text(supervisee.get("name"))
        and supervisee["name"].strip()
        and _text(supervisee.get("credential"))
    ):
        raise _refuse(target, "its manifest does not say whose hours these are.")
    chains = manifest.get("chains")
    if not isinstance(chains, dict) or not all(isinstance(v, dict) for v in chains.values()):
        raise _refuse(target, "its manifest does not list the databases the records come from.")
    raw_keys, raw_records, raw_signatures = (
        parts["keys.json"],
        parts["records.json"],
        parts["signatures.json"],
    )
    if not (
        isinstance(raw_keys, dict)
        and isinstance(raw_keys.get("keys"), list)
        and isinstance(raw_keys.get("supervisors"), list)
    ):
        raise _refuse(target, "keys.json does not list keys and supervisors.")
    if not isinstance(raw_records, list) or not isinstance(raw_signatures, list):
        raise _refuse(target, "records.json or signatures.json is not a list.")
    if len(raw_records) > MAX_RECORDS:
        raise _refuse(
            target, f"it holds {len(raw_records):,} records; an hours file holds at most {MAX_RECORDS:,}."
        )

    supervisors: dict[str, dict[str, Any]] = {}
    for person in raw_keys["supervisors"]:
        if not (isinstance(person, dict) and _text(person.get("global_id")) and _text(person.get("name"))):
            raise _refuse(target, "a supervisor in keys.json has no global id or name.")
        supervisors[person["global_id"]] = person
    keys: dict[str, dict[str, Any]] = {}
    for key in raw_keys["keys"]:
        if not (
            isinstance(key, dict)
            and all(_text(key.get(k)) for k in ("fingerprint", "public_key", "supervisor"))
        ):
            raise _refuse(target, "a key in keys.json is incomplete.")
        try:
            fingerprint = hashlib.sha256(bytes.fromhex(key["public_key"])).hexdigest()
        except ValueError:
            fingerprint = ""
        if fingerprint != key["fingerprint"] or len(key["public_key"]) != 64:
            raise _refuse(
                target, f"key {str(key['fingerprint'])[:12]} is not the public key its fingerprint names."
            )
        if key["supervisor"] not in supervisors:
            raise _refuse(
                target, f"key {key['fingerprint'][:12]} belongs to a supervisor the file does not name."
            )
        keys[key["fingerprint"]] = key

    # Which record each signature covers first, to name it in a refusal.
    records: list[HoursRecord] = []
    named_by: dict[str, str] = {}
    for raw in raw_records:
        problem = _check_content(raw)
        rid = raw.get("id") if isinstance(raw, dict) else None
        label = f"record {rid}" if _text(rid) else "a record"
        if problem is not None:
            raise _refuse(target, f"{label}: {problem}.")
        kind = raw["kind"]
        if not _check_link(raw["sign"], "sign", rid, kind):
            raise _refuse(target, f"{label}: its signature link is missing or incomplete.")
        if raw["void"] is not None and not _check_link(raw["void"], "void", rid, kind):
            raise _refuse(target, f"{label}: its void link is incomplete.")
        record = HoursRecord(kind, rid, raw["content"], raw["sign"], raw["void"])
        records.append(record)
        for link in (record.sign, record.void):
            if link is not None:
                named_by.setdefault(link["signature"], rid)

    checked: dict[str, dict[int, dict[str, Any]]] = {}
    signature_rows: list[dict[str, Any]] = []
    for row in raw_signatures:
        fields = ("id", "chain", "key", "first_seq", "last_seq", "signed_at", "payload", "signature")
        if not (
            isinstance(row, dict)
            and set(row) == set(fields)
            and all(_text(row[k]) for k in ("id", "chain", "key", "signed_at", "payload", "signature"))
        ):
            raise _refuse(target, "a signature in signatures.json is incomplete.")
        sid = row["id"]
        who = f"record {named_by[sid]}" if sid in named_by else f"signature {sid[:8]}"
        key = keys.get(row["key"])
        if key is None:
            raise _refuse(target, f"{who}: its signature names a key the file does not hold.")
        if not signatures.check(key["public_key"], row["payload"], row["signature"]):
            raise _refuse(
                target,
                f"{who}: its signature by {supervisors[key['supervisor']]['name']} does not check under their key "
                "(the file was altered or damaged).",
            )
        try:
            payload = json.loads(row["payload"])
        except ValueError:
            payload = None
        if not isinstance(payload, dict) or not isinstance(payload.get("signer"), dict):
            raise _refuse(target, f"{who}: what its signature signs is not a signature payload.")
        signer = payload["signer"]
        if (
            payload.get("format") != signatures.FORMAT
            or payload.get("id") != sid
            or payload.get("chain") != row["chain"]
            or signer.get("key") != row["key"]
            or signer.get("global_id") != key["supervisor"]
        ):
            raise _refuse(
                target, f"{who}: its signature was stored under another id, database or key than it signed."
            )
        links = payload.get("links")
        links = (
            [e for e in links if isinstance(e, dict) and isinstance(e.get("seq"), int)]
            if isinstance(links, list)
            else []
        )
        seqs = [entry["seq"] for entry in links]
        if not seqs or row["first_seq"] != min(seqs) or row["last_seq"] != max(seqs):
            raise _refuse(target, f"{who}: its signature's range is not the links it signed.")
        checked[sid] = {entry["seq"]: entry for entry in links}
        signature_rows.append(row)

    by_id = {r.id: r for r in records}
    if len(by_id) != len(records):
        raise _refuse(target, "a record appears twice in it.")
    whose = supervisee["global_id"]
    for record in records:
        label = f"record {record.id}"
        digest = sha256_hex(to_json(record.content))
        for link, content_hash in ((record.sign, digest), (record.void, None)):
            if link is None:
                continue
            entries = checked.get(link["signature"])
            if entries is None:
                raise _refuse(target, f"{label}: the signature covering it is not in the file.")
            expected = {
                "seq": link["seq"],
                "record_kind": link["record_kind"],
                "record_id": link["record_id"],
                "action": link["action"],
                "content_hash": link["content_hash"],
                "chain_hash": link["chain_hash"],
            }
            if entries.get(link["seq"]) != expected:
                raise _refuse(
                    target, f"{label}: its {link['action']} link is not what its signature lists (altered)."
                )
            own = signoff.chain_hash(
                prev=link["prev_chain_hash"],
                seq=link["seq"],
                kind=link["record_kind"],
                record_id=link["record_id"],
                action=link["action"],
                signer_id=link["signer_id"],
                signed_at=link["signed_at"],
                reason=link["reason"],
                content=link["content_hash"],
            )
            if own != link["chain_hash"]:
                raise _refuse(
                    target, f"{label}: its {link['action']} link was altered (time, reason or hash)."
                )
            if content_hash is not None and content_hash != link["content_hash"]:
                raise _refuse(
                    target, f"{label}: its content is not what was signed (the record was altered)."
                )
        if record.void is not None:
            if record.void["chain"] != record.sign["chain"] or record.void["seq"] <= record.sign["seq"]:
                raise _refuse(
                    target, f"{label}: its void does not follow its signature in the same database."
                )
            if signoff.void_content_hash(digest, record.void["reason"]) != record.void["content_hash"]:
                raise _refuse(target, f"{label}: its void does not match the record or its reason.")
        if whose not in record.supervisees:
            raise _refuse(target, f"{label}: it is not a record of {supervisee['name']}.")
        if record.supervisor not in supervisors:
            raise _refuse(target, f"{label}: its supervisor is not named in the file.")
        if record.supersedes is not None and record.supersedes not in by_id:
            raise _refuse(target, f"{label}: it amends record {record.supersedes}, which is not in the file.")
    return HoursFile(
        path=target,
        version=manifest["version"],
        supervisee=supervisee,
        made_at=str(manifest.get("made_at", "")),
        made_by_chain=str(manifest.get("made_by_chain", "")),
        chains=chains,
        records=records,
        signatures=signature_rows,
        keys=list(keys.values()),
        supervisors=list(supervisors.values()),
    )


# --------------------------------------------------------------------------------------------
# Importing


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _in_order(records: list[HoursRecord]) -> list[HoursRecord]:
    """Originals before the amendments that replace them (an amendment's row refers to its original)."""
    by_id = {r.id: r for r in records}
    done: set[str] = set()
    ordered: list[HoursRecord] = []
    for record in records:
        chain: list[HoursRecord] = []
        current: HoursRecord | None = record
        while current is not None and current.id not in done and current not in chain:
            chain.append(current)
            current = by_id.get(current.supersedes) if current.supersedes else None
        for item in reversed(chain):
            done.add(item.id)
            ordered.append(item)
    return ordered


def _resolve_supervisee(
    uow: UnitOfWork, hours: HoursFile, link_supervisee_id: int | str | None
) -> tuple[Supervisee, bool, bool, tuple[tuple[int, str], ...]]:
    """(the supervisee here, added?, linked?, same-name people not merged)."""
    info = hours.supervisee
    gid = info["global_id"]
    session = uow.session
    local = session.scalar(select(Supervisee).where(Supervisee.global_id == gid))
    if local is None:
        alias = session.get(SuperviseeAlias, gid)
        local = session.get(Supervisee, alias.supervisee_id) if alias is not None else None
    if link_supervisee_id is not None:
        target = get_supervisee(uow, link_supervisee_id, field="link_supervisee")
        if local is not None and local.id != target.id:
            raise DomainError(
                f"{hours.path.name} is refused, nothing was imported: its supervisee {info['name']} is already here as "
                f"{local.name} (id {local.id}), so the file cannot be linked to {target.name} (id {target.id}).",
                field="link_supervisee",
            )
        if local is None:
            session.add(SuperviseeAlias(global_id=gid, supervisee_id=target.id))
            return target, False, True, ()
        return local, False, False, ()
    if local is not None:
        return local, False, False, ()
    key = _name_key(info["name"])
    same = tuple(
        (pid, name)
        for pid, name in session.execute(select(Supervisee.id, Supervisee.name))
        if _name_key(name) == key
    )
    icb_id = str(info.get("icb_id") or "").strip()
    if icb_id:
        holder = session.execute(
            select(Supervisee.id, Supervisee.name).where(
                Supervisee.icb_id == icb_id, Supervisee.credential == info["credential"]
            )
        ).first()
        if holder is not None:
            raise DomainError(
                f"{hours.path.name} is refused, nothing was imported: ICB id {icb_id} of {info['name']} is already "
                f"{holder[1]}'s here (id {holder[0]}). If it is the same person, import the file with "
                f"--link-supervisee {holder[0]}.",
                field="link_supervisee",
            )
    start = info.get("start_date")
    local = Supervisee(
        name=info["name"].strip(),
        icb_id=icb_id,
        credential=info["credential"],
        position=str(info.get("position") or ""),
        start_date=dt.date.fromisoformat(start) if isinstance(start, str) and start else None,
        global_id=gid,
    )
    session.add(local)
    return local, True, False, same


def import_hours_file(
    uow: UnitOfWork, path: str | os.PathLike[str], *, link_supervisee_id: int | str | None = None
) -> HoursImportSummary:
    """Import an hours file (all or nothing; commits on success).

    The file is checked whole first (:func:`read_hours_file`). People are matched by global
    id: the supervisee and the supervisors are added when unknown (the supervisors inactive,
    with the public keys they signed with and no way to sign in). A supervisee here under
    another global id is linked only when asked (``link_supervisee_id``); a same-name person
    is mentioned in the summary, not merged. Records arrive signed, with their foreign links
    and signatures stored verbatim; a record already here with the same signature is left
    as it is (re-importing changes nothing), one here with other content or signature is
    refused. The records are verified before the commit. Refusals raise
    :class:`DomainError` naming the record, and nothing is written.
    """
    hours = read_hours_file(path)
    name = hours.path.name
    session = uow.session
    conn = signing.dbapi(uow)
    chain, _keys_from = _identity(conn)
    now = utcnow()
    stamp = signing.stamp_text(now)

    supervisee, supervisee_added, linked, same_name = _resolve_supervisee(uow, hours, link_supervisee_id)

    added_supervisors: list[str] = []
    supervisor_ids: dict[str, int] = {}
    for person in hours.supervisors:
        found = session.scalar(select(Supervisor).where(Supervisor.global_id == person["global_id"]))
        if found is None:
            found = Supervisor(
                name=str(person["name"]).strip() or "(unnamed)",
                credentials=str(person.get("credentials") or ""),
                title=str(person.get("title") or ""),
                icb_number=str(person.get("icb_number") or ""),
                license_type=str(person.get("license_type") or ""),
                license_number=str(person.get("license_number") or ""),
                active=False,
                global_id=person["global_id"],
            )
            session.add(found)
            added_supervisors.append(found.name)
        session.flush()
        supervisor_ids[person["global_id"]] = found.id
    session.flush()

    known_keys = {
        fp: (pub, gid)
        for fp, pub, gid in conn.execute(
            "SELECT k.fingerprint, k.public_key, s.global_id FROM supervisor_key k JOIN supervisor s ON s.id = k.supervisor_id"
        )
    }
    for key in hours.keys:
        here = known_keys.get(key["fingerprint"])
        if here is None:
            conn.execute(
                "INSERT INTO supervisor_key (supervisor_id, fingerprint, public_key, sealed_private_key, created_at, retired_at) "
                "VALUES (?, ?, ?, '', ?, ?)",
                (supervisor_ids[key["supervisor"]], key["fingerprint"], key["public_key"], stamp, stamp),
            )
        elif here != (key["public_key"], key["supervisor"]):
            raise _refuse(hours.path, f"key {key['fingerprint'][:12]} belongs to another supervisor here.")

    signature_rows = {
        row[0]: row
        for row in conn.execute(
            "SELECT id, chain_id, key_fingerprint, first_seq, last_seq, payload, signature FROM signature "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([s["id"] for s in hours.signatures]),),
        )
    }
    added_signatures = 0
    for sig in hours.signatures:
        here = signature_rows.get(sig["id"])
        if here is not None:
            if here[5] != sig["payload"] or here[6] != sig["signature"] or here[1] != sig["chain"]:
                raise _refuse(hours.path, f"signature {sig['id'][:8]} is here with other content.")
            continue
        if sig["chain"] == chain:
            raise _refuse(
                hours.path,
                f"signature {sig['id'][:8]} says it was made in this database, which has no such signature.",
            )
        conn.execute(
            "INSERT INTO signature (id, chain_id, key_fingerprint, first_seq, last_seq, signed_at, payload, signature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sig["id"],
                sig["chain"],
                sig["key"],
                sig["first_seq"],
                sig["last_seq"],
                sig["signed_at"],
                sig["payload"],
                sig["signature"],
            ),
        )
        added_signatures += 1

    for chain_id, info in hours.chains.items():
        if (
            chain_id != chain
            and conn.execute("SELECT 1 FROM foreign_chain WHERE chain_id = ?", (chain_id,)).fetchone() is None
        ):
            conn.execute(
                "INSERT INTO foreign_chain (chain_id, agency, first_imported_at) VALUES (?, ?, ?)",
                (chain_id, str(info.get("agency") or "")[:200], stamp),
            )

    gids: dict[str, int] = {}
    for sid, gid in conn.execute(
        "SELECT id, global_id FROM supervisee UNION ALL SELECT supervisee_id, global_id FROM supervisee_alias"
    ):
        gids[gid] = sid
    added = already = not_attached = 0
    wanted = [r.id for r in hours.records]
    existing = {
        row[0]: row[1]
        for row in conn.execute(
            "SELECT id, 'session' FROM supervision_session WHERE id IN (SELECT value FROM json_each(?)) "
            "UNION ALL SELECT id, 'experience' FROM experience_entry WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted), json.dumps(wanted)),
        )
    }
    for record in _in_order(hours.records):
        label = f"record {record.id}"
        sign = record.sign
        if record.id in existing:
            if existing[record.id] != record.kind:
                raise _refuse(hours.path, f"{label} is here as another kind of record.")
            if sign["chain"] == chain:
                here = conn.execute(
                    "SELECT chain_hash FROM sign_off WHERE seq = ? AND record_id = ? AND action = 'sign'",
                    (sign["seq"], record.id),
                ).fetchone()
            else:
                here = conn.execute(
                    "SELECT chain_hash FROM foreign_link WHERE chain_id = ? AND seq = ? AND record_id = ?",
                    (sign["chain"], sign["seq"], record.id),
                ).fetchone()
            if here is None or here[0] != sign["chain_hash"]:
                raise _refuse(hours.path, f"{label} is already here with another signature or content.")
            if record.void is not None:
                table = "sign_off" if record.void["chain"] == chain else "foreign_link"
                where = "seq = ?" if table == "sign_off" else "chain_id = ? AND seq = ?"
                params = (
                    (record.void["seq"],)
                    if table == "sign_off"
                    else (record.void["chain"], record.void["seq"])
                )
                voided_here = conn.execute(f"SELECT chain_hash FROM {table} WHERE {where}", params).fetchone()
                if voided_here is None and record.void["chain"] != chain:
                    _insert_link(conn, record.void, record, stamp)  # voided since the last import
                elif voided_here is None or voided_here[0] != record.void["chain_hash"]:
                    raise _refuse(hours.path, f"{label} is here with another void.")
            if (
                record.kind == "session"
                and not conn.execute(
                    "SELECT 1 FROM session_attendee WHERE session_id = ? AND supervisee_id = ?",
                    (record.id, supervisee.id),
                ).fetchone()
            ):
                not_attached += 1
            already += 1
            continue
        if sign["chain"] == chain:
            raise _refuse(hours.path, f"{label} says it was signed in this database, where it is not.")
        _insert_record(conn, record, supervisor_ids, gids, stamp)
        _insert_link(conn, sign, record, stamp)
        if record.void is not None:
            _insert_link(conn, record.void, record, stamp)
        added += 1

    # Checked again as they now stand here, by verification itself, before anything is kept.
    session.flush()
    report = signoff.read_supervisee(uow, supervisee.id).report
    ours = {r.id for r in hours.records}
    wrong = [p for p in report.problems if p.record_id in ours]
    if wrong:
        raise _refuse(hours.path, f"record {wrong[0].record_id}: {wrong[0].message}.")

    audit.log(
        uow,
        audit.AuditAction.IMPORT,
        supervisee_id=supervisee.id,
        details={"hours_file": name, "added": added, "already": already, "linked": linked},
    )
    for chain_id, info in hours.chains.items():
        remember_outside_copy(
            uow,
            direction="in",
            chain_id=chain_id,
            last_seq=int(info.get("last_seq") or 0),
            chain_hash=str(info.get("chain_hash") or ""),
            path=hours.path,
            whose=supervisee.name,
        )
    uow.commit()
    return HoursImportSummary(
        path=hours.path,
        supervisee_id=supervisee.id,
        supervisee_name=supervisee.name,
        added=added,
        already=already,
        signatures_added=added_signatures,
        supervisee_added=supervisee_added,
        linked=linked,
        supervisors_added=tuple(added_supervisors),
        same_name=same_name,
        not_attached=not_attached,
        chains=tuple(c for c in hours.chains if c != chain),
    )


def _insert_record(
    conn: Any, record: HoursRecord, supervisor_ids: dict[str, int], gids: dict[str, int], stamp: str
) -> None:
    """The record's rows, written pending (its children may only be added then) and then
    marked signed, as signing does."""
    c = record.content
    supervisor = supervisor_ids[c[3]]
    if record.kind == "session":
        conn.execute(
            "INSERT INTO supervision_session (id, supervisor_id, date, start_time, minutes, format, modality, site, "
            "topics, status, supersedes_id, amendment_reason, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
            (
                record.id,
                supervisor,
                c[4],
                c[5],
                int(c[6]),
                c[7],
                c[8],
                c[9],
                c[10],
                c[11],
                c[12],
                stamp,
                stamp,
            ),
        )
        attendees = sorted({gids[g] for g in c[13] if g in gids})
        conn.executemany(
            "INSERT INTO session_attendee (session_id, supervisee_id) VALUES (?, ?)",
            [(record.id, a) for a in attendees],
        )
        table, column = "session_allocation", "session_id"
    else:
        conn.execute(
            "INSERT INTO experience_entry (id, supervisee_id, supervisor_id, period_start, period_end, setting, kind, "
            "status, supersedes_id, amendment_reason, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
            (record.id, gids[c[6]], supervisor, c[4], c[5], c[8], c[7], c[11], c[12], stamp, stamp),
        )
        table, column = "experience_allocation", "entry_id"
    conn.executemany(
        f"INSERT INTO {table} ({column}, domain_code, minutes) VALUES (?, ?, ?)",
        [(record.id, item.rpartition("=")[0], int(item.rpartition("=")[2])) for item in c[14]],
    )
    model = "supervision_session" if record.kind == "session" else "experience_entry"
    conn.execute(f"UPDATE {model} SET status = 'signed' WHERE id = ?", (record.id,))


def _insert_link(conn: Any, link: dict[str, Any], record: HoursRecord, stamp: str) -> None:
    conn.execute(
        "INSERT INTO foreign_link (chain_id, seq, signature_id, record_kind, record_id, action, signer_id, signed_at, "
        "reason, content_hash, prev_chain_hash, chain_hash, people, imported_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            link["chain"],
            link["seq"],
            link["signature"],
            link["record_kind"],
            link["record_id"],
            link["action"],
            link["signer_id"],
            link["signed_at"],
            link["reason"],
            link["content_hash"],
            link["prev_chain_hash"],
            link["chain_hash"],
            to_json(record.people()),
            stamp,
        ),
    )


# --------------------------------------------------------------------------------------------
# Opening hours files without a supervisor account


class HoursView(Database):
    """Hours files imported into a temporary database, opened read-only; :meth:`close`
    deletes the temporary database. ``supervisee_ids``: the supervisees of the files."""

    def __init__(self, url: str, folder: Path, supervisee_ids: tuple[int, ...]) -> None:
        super().__init__(url, readonly=True)
        self.folder = folder
        self.supervisee_ids = supervisee_ids

    def close(self) -> None:
        try:
            super().close()
        finally:
            remove_folder(self.folder)  # after the connections: on Windows they hold the file


def open_hours_files(paths: Sequence[str | os.PathLike[str]]) -> HoursView:
    """Open hours files read-only, without any supervisor account: they are imported (each
    checked whole, as :func:`import_hours_file` does) into a temporary database made by the
    app's migrations, which is then opened read-only. Progress and statements read it like
    any database. A file that is refused raises its :class:`DomainError` and nothing stays
    behind. Close the returned database to delete the temporary copy."""
    if not paths:
        raise DomainError("Give at least one hours file to open.", field="file")
    folder = Path(tempfile.mkdtemp(prefix="supervisor_app-hours-"))
    try:
        path = folder / "hours.db"
        db = open_database(path, backup_before_migration=False)
        ids: list[int] = []
        try:
            for item in paths:
                with db.uow("hours-file") as uow:
                    summary = import_hours_file(uow, item)
                    if summary.supervisee_id not in ids:
                        ids.append(summary.supervisee_id)
        finally:
            db.close()
        return HoursView(db.url, folder, tuple(ids))
    except BaseException:
        remove_folder(folder)
        raise


__all__ = [
    "FORMAT",
    "VERSION",
    "HoursFile",
    "HoursFileSummary",
    "HoursImportSummary",
    "HoursRecord",
    "HoursView",
    "import_hours_file",
    "is_hours_file",
    "open_hours_files",
    "read_hours_file",
    "remember_outside_copy",
    "write_hours_file",
]
