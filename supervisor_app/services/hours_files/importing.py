"""Carrying hours across: importing an hours file's records (signed, read-only, all or nothing),
and opening hours files without a supervisor account."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from supervisor_app.db import Database, UnitOfWork, open_database
from supervisor_app.fileops import remove_folder
from supervisor_app.i18n import _
from supervisor_app.models import (
    Supervisee,
    SuperviseeAlias,
    Supervisor,
    utcnow,
)
from supervisor_app.services import audit, signoff
from supervisor_app.services.canonical import in_list, to_json
from supervisor_app.services.errors import DomainError
from supervisor_app.services.hours_files.file_format import (
    WIRE_VERSION,
    HoursFile,
    HoursImportSummary,
    HoursRecord,
    chain_identity,
    remember_outside_copy,
)
from supervisor_app.services.hours_files.people_member import apply_people
from supervisor_app.services.hours_files.reading import read_hours_file, refuse
from supervisor_app.services.hours_files.trail_member import take_trail
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.signoff import signing


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
                _(
                    "{file} is refused, nothing was imported: its supervisee {name} is already here as "
                    "{local} (id {local_id}), so the file cannot be linked to {target} (id {target_id})."
                ).format(
                    file=hours.path.name,
                    name=info["name"],
                    local=local.name,
                    local_id=local.id,
                    target=target.name,
                    target_id=target.id,
                ),
                code="hours_file.linked_elsewhere",
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
                _(
                    "{file} is refused, nothing was imported: ICB id {icb_id} of {name} is already "
                    "{holder}'s here (id {holder_id}). If it is the same person, import the file with "
                    "--link-supervisee {holder_id}."
                ).format(
                    file=hours.path.name,
                    icb_id=icb_id,
                    name=info["name"],
                    holder=holder[1],
                    holder_id=holder[0],
                ),
                code="hours_file.icb_id_taken",
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
    """Import an hours file (all or nothing; flushes, the caller commits: :mod:`supervisor_app.usecases.hours_files`).

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
    return import_members(uow, hours, source=hours.path.name, link_supervisee_id=link_supervisee_id)


def known_records(uow: UnitOfWork) -> Callable[[str], bool]:
    """``known(record id)``: whether the record is in this database (a sync batch's amendment
    may replace an original that arrived in an earlier batch: :func:`check_members`)."""
    conn = signing.dbapi(uow)

    def known(record_id: str) -> bool:
        return (
            conn.execute(
                "SELECT 1 FROM supervision_session WHERE id = ? UNION ALL SELECT 1 FROM experience_entry WHERE id = ?",
                (record_id, record_id),
            ).fetchone()
            is not None
        )

    return known


def import_members(
    uow: UnitOfWork,
    hours: HoursFile,
    *,
    source: str,
    link_supervisee_id: int | str | None = None,
    supervisors_active: bool = False,
) -> HoursImportSummary:
    """Import checked members (:func:`check_members`): an hours file's, or a sync batch's
    (several supervisees, ``hours.version`` :data:`WIRE_VERSION`), all or nothing; flushes, the
    caller commits. ``source`` names them in the audit trail. See :func:`import_hours_file`;
    ``supervisors_active``: the supervisors added are active (the agency's staff arriving in the
    agency database), not only signers from elsewhere.
    A link of a chain already here at that seq with another hash is refused: a forked chain
    is never merged."""
    name = source
    wire = hours.version == WIRE_VERSION
    session = uow.session
    conn = signing.dbapi(uow)
    chain, _keys_from = chain_identity(conn)
    now = utcnow()
    stamp = signing.stamp_text(now)

    if wire:
        resolved = [_resolve_person(uow, hours, info) for info in hours.supervisees]
        linked, same_name = False, ()
    else:
        supervisee, supervisee_added, linked, same_name = _resolve_supervisee(uow, hours, link_supervisee_id)
        resolved = [(supervisee, supervisee_added)]

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
                active=supervisors_active,
                global_id=person["global_id"],
            )
            session.add(found)
            added_supervisors.append(found.name)
        session.flush()
        supervisor_ids[person["global_id"]] = found.id
    if wire:
        for info, (person, added_here) in zip(hours.supervisees, resolved, strict=True):
            if added_here and info.get("supervisor") in supervisor_ids:
                person.supervisor_id = supervisor_ids[info["supervisor"]]
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
            raise refuse(
                "hours_file.key_of_another_supervisor",
                hours.path,
                _("key {key} belongs to another supervisor here.").format(key=key["fingerprint"][:12]),
            )

    among, params = in_list(conn, "id", [s["id"] for s in hours.signatures])
    signature_rows = {
        row[0]: row
        for row in conn.execute(
            f"SELECT id, chain_id, key_fingerprint, first_seq, last_seq, payload, signature FROM signature WHERE {among}",
            params,
        )
    }
    added_signatures = 0
    for sig in hours.signatures:
        here = signature_rows.get(sig["id"])
        if here is not None:
            if here[5] != sig["payload"] or here[6] != sig["signature"] or here[1] != sig["chain"]:
                raise refuse(
                    "hours_file.signature_differs",
                    hours.path,
                    _("signature {id} is here with other content.").format(id=sig["id"][:8]),
                )
            continue
        if sig["chain"] == chain:
            raise refuse(
                "hours_file.signature_not_here",
                hours.path,
                _("signature {id} says it was made in this database, which has no such signature.").format(
                    id=sig["id"][:8]
                ),
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
    added = already = not_attached = voids_added = 0
    taken: set[str] = set()
    wanted = [r.id for r in hours.records]
    among, params = in_list(conn, "id", wanted)
    existing = {
        row[0]: row[1]
        for row in conn.execute(
            f"SELECT id, 'session' FROM supervision_session WHERE {among} "
            f"UNION ALL SELECT id, 'experience' FROM experience_entry WHERE {among}",
            params + params,
        )
    }
    for record in _in_order(hours.records):
        label = _("record {id}").format(id=record.id)
        sign = record.sign
        if record.id in existing:
            if existing[record.id] != record.kind:
                raise refuse(
                    "hours_file.other_kind",
                    hours.path,
                    _("{label} is here as another kind of record.").format(label=label),
                )
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
                raise refuse(
                    "hours_file.record_differs",
                    hours.path,
                    _("{label} is already here with another signature or content.").format(label=label),
                )
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
                    _refuse_fork(conn, record.void, hours)
                    _insert_link(conn, record.void, record, stamp)  # voided since the last import
                    voids_added += 1
                    taken.add(record.id)
                elif voided_here is None or voided_here[0] != record.void["chain_hash"]:
                    raise refuse(
                        "hours_file.void_differs",
                        hours.path,
                        _("{label} is here with another void.").format(label=label),
                    )
            if (
                not wire  # a batch's group sessions list whichever of its supervisees are here
                and record.kind == "session"
                and not conn.execute(
                    "SELECT 1 FROM session_attendee WHERE session_id = ? AND supervisee_id = ?",
                    (record.id, supervisee.id),
                ).fetchone()
            ):
                not_attached += 1
            already += 1
            continue
        if sign["chain"] == chain:
            raise refuse(
                "hours_file.link_not_here",
                hours.path,
                _("{label} says it was signed in this database, where it is not.").format(label=label),
            )
        _refuse_fork(conn, sign, hours)
        _insert_record(conn, record, supervisor_ids, gids, stamp)
        _insert_link(conn, sign, record, stamp)
        if record.void is not None:
            _refuse_fork(conn, record.void, hours)
            _insert_link(conn, record.void, record, stamp)
        added += 1
        taken.add(record.id)

    # Checked again as they now stand here, by verification itself, before anything is kept:
    # these records (their rows, links, the links before them and the keyed signatures over
    # them), not their supervisees' whole histories, so a sync's work grows with what arrives.
    session.flush()
    ours = {r.id for r in hours.records}
    report = signoff.verify(uow, record_ids=[r.id for r in hours.records])
    wrong = [p for p in report.problems if p.record_id in ours]
    if wrong:
        raise refuse(
            "hours_file.fails_verification",
            hours.path,
            _("record {id}: {problem}.").format(id=wrong[0].record_id, problem=wrong[0].message),
        )

    if wire:
        trail_added = (
            take_trail(uow, hours.trail, hours.signatures, target=str(hours.path))
            if hours.trail is not None
            else 0
        )
        people = apply_people(uow, hours.people, target=str(hours.path)) if hours.people is not None else None
        people_changed = people is not None and bool(people.changes or people.fields or people.conflicts)
        if (
            added
            or voids_added
            or added_signatures
            or added_supervisors
            or people_changed
            or any(a for _p, a in resolved)
        ):
            audit.log(  # a batch that brings nothing new leaves no trace: syncing again is a no-op
                # (nor does another database's trail alone: foreign_trail is its own record)
                uow,
                audit.AuditAction.IMPORT,
                details={"sync": name, "added": added, "already": already, "supervisees": len(resolved)}
                | (
                    {
                        "people": {
                            "fields": people.fields,
                            "conflicts": len(people.conflicts),
                            "moves": people.changes,
                        }
                    }
                    if people is not None and people_changed
                    else {}
                )
                | ({"trail": trail_added} if trail_added else {}),
            )
        uow.flush()
        return HoursImportSummary(
            path=hours.path,
            supervisee_id=resolved[0][0].id if resolved else 0,
            supervisee_name=resolved[0][0].name if resolved else "",
            added=added,
            already=already,
            signatures_added=added_signatures,
            supervisee_added=any(a for _p, a in resolved),
            linked=False,
            supervisors_added=tuple(added_supervisors),
            not_attached=not_attached,
            chains=tuple(c for c in hours.chains if c != chain),
            voids_added=voids_added,
            taken=frozenset(taken),
            conflicts=people.conflicts if people is not None else (),
        )
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
    uow.flush()
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


def _refuse_fork(conn: Any, link: dict[str, Any], hours: HoursFile) -> None:
    """A new link whose (chain, seq) is already here for another link: the chain forked (its
    database was changed or restored from an older backup); never merged."""
    here = conn.execute(
        "SELECT chain_hash FROM foreign_link WHERE chain_id = ? AND seq = ?", (link["chain"], link["seq"])
    ).fetchone()
    if here is not None and here[0] != link["chain_hash"]:
        raise refuse(
            "hours_file.chain_forked",
            hours.path,
            _(
                "record {id}: link {seq} of database {chain} differs from the one held here (that "
                "database's history was changed or restored from an older backup)."
            ).format(id=link["record_id"], seq=link["seq"], chain=link["chain"][:8]),
        )


def _resolve_person(uow: UnitOfWork, hours: HoursFile, info: dict[str, Any]) -> tuple[Supervisee, bool]:
    """A sync batch's supervisee here by global id (or an alias), added when unknown."""
    one = HoursFile(
        path=hours.path,
        version=hours.version,
        supervisee=info,
        made_at=hours.made_at,
        made_by_chain=hours.made_by_chain,
        chains=hours.chains,
        records=[],
        signatures=[],
        keys=[],
        supervisors=[],
    )
    person, added, _linked, _same = _resolve_supervisee(uow, one, None)
    return person, added


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
        raise DomainError(
            _("Give at least one hours file to open."), code="hours_file.none_given", field="file"
        )
    folder = Path(tempfile.mkdtemp(prefix="supervisor_app-hours-"))
    try:
        path = folder / "hours.db"
        db = open_database(path, backup_before_migration=False)
        ids: list[int] = []
        try:
            for item in paths:
                with db.uow("hours-file") as uow:
                    summary = import_hours_file(uow, item)
                    uow.commit()
                    if summary.supervisee_id not in ids:
                        ids.append(summary.supervisee_id)
        finally:
            db.close()
        return HoursView(db.url, folder, tuple(ids))
    except BaseException:
        remove_folder(folder)
        raise
