"""One supervisee: their records read once, verified, and handed on for summing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.services import verified
from supervisor_app.services.canonical import (
    EXPERIENCE,
    RECORD_SQL,
    SEQ,
    SESSION,
    SIGN_OFF_SQL,
    SIGNED,
    Among,
    Batch,
    allocation_items,
    among_ids,
    content_digests,
    dbapi,
    hashing_for,
    query_rows,
    read_batch,
    select_in,
    set_aside_sql,
)
from supervisor_app.services.signoff.checks import (
    AUDITED,
    AUDITED_SQL,
    Problem,
    RecordsFailVerification,
    VerifyReport,
    check_audit_trail,
    check_chain,
    check_deleted,
    check_records,
    index_links,
)
from supervisor_app.services.signoff.foreign import check_foreign, foreign_record_ids, supervisee_foreign_ids
from supervisor_app.services.signoff.heads import check_by_heads
from supervisor_app.services.signoff.keyed import check_keyed

_ATTENDED = "{column} IN (SELECT session_id FROM session_attendee WHERE supervisee_id = ?)"
# A link and, last, the chain hash of the link before it (NULL for none): its predecessor.
_LINK_WITH_PREDECESSOR_SQL = (
    "SELECT prev_chain_hash, seq, record_kind, record_id, action, signer_id, signed_at, reason, "
    "content_hash, chain_hash, (SELECT p.chain_hash FROM sign_off p WHERE p.seq = sign_off.seq - 1) "
    "FROM sign_off"
)
_SUPERVISEE_AUDITED_SQL = (
    f"SELECT DISTINCT record_id, action FROM audit_event WHERE supervisee_id = ? AND {AUDITED} "
    "AND record_id IS NOT NULL"
)


# Signed amendments replacing any of a supervisee's records (the originals no longer count);
# the last condition is the entries' ids, as read (:func:`_superseded`).
_SUPERSEDED_SQL = (
    "SELECT supersedes_id FROM supervision_session WHERE status = 'signed' AND supersedes_id IN "
    "(SELECT session_id FROM session_attendee WHERE supervisee_id = ?) "
    "UNION ALL SELECT supersedes_id FROM experience_entry WHERE status = 'signed' AND {entries}"
    # and the older-signed of two signed amendments of one record (only the newest counts)
    " UNION ALL "
    + set_aside_sql(
        "supervision_session", "a.id IN (SELECT session_id FROM session_attendee WHERE supervisee_id = ?)"
    )
    + " UNION ALL "
    + set_aside_sql("experience_entry", "{aside}")
)


def _superseded(conn: Any, supervisee_id: int, own: Among) -> set[Any]:
    condition, params = own.where(conn, "supersedes_id")
    aside, aside_params = own.where(conn, "a.id")
    sql = _SUPERSEDED_SQL.format(entries=condition, aside=aside)
    return {row[0] for row in conn.execute(sql, (supervisee_id, *params, supervisee_id, *aside_params))}


@dataclass
class SuperviseeRecords:
    """Everything signed for one supervisee, read once and verified (:func:`read_supervisee`):
    the raw rows progress and printing sum, so they never read them a second time."""

    sessions: Batch  # every session that lists the supervisee (any status), and those below
    experience: Batch  # every experience entry of the supervisee, and those below
    signs: dict[Any, tuple[Any, ...]]  # {record id: its sign link} (the columns of SIGN_OFF_SQL)
    voids: dict[Any, tuple[Any, ...]]  # {record id: its void link}
    superseded: set[Any]  # ids of these records that a signed amendment replaces
    report: VerifyReport

    @property
    def voided(self) -> set[Any]:
        return set(self.voids)


def _merge(batch: Batch, more: Batch) -> None:
    batch.rows.extend(more.rows)
    batch.attendees.update(more.attendees)
    batch.allocations.update(more.allocations)


def read_supervisee(uow: UnitOfWork, supervisee_id: int, *, also: Iterable[str] = ()) -> SuperviseeRecords:
    """Read and verify every record of a supervisee: the sessions that list them now, their
    experience entries, and every record the audit trail says was signed or voided for them
    (so a record deleted, set back to pending or with the supervisee removed is still checked,
    and fails), plus the records ``also`` names; with each one's links and the links before
    those. The same checks as ``verify(record_ids=...)`` of those records, read by a few
    queries on the supervisee's indexes instead of ``IN`` lists.

    Verified once per change (:mod:`~supervisor_app.services.verified`): a supervisee whose
    records verified with nothing changed since is handed back as read then; after a
    whole-file verification that found nothing wrong with their records (and nothing changed
    since), they are read without hashing or signature checks."""
    also = list(also)
    if also:  # a print of particular records: checked as asked, not remembered
        return _read_supervisee(uow, supervisee_id, also, check=True)
    proof = verified.supervisee_proof(uow, supervisee_id)
    if proof is not None:
        return proof.value  # type: ignore[no-any-return]
    whole = verified.whole_file(uow)
    vouched = (  # the file verified, nothing wrong with this supervisee's records, none changed since
        whole is not None
        and None not in whole.failing
        and supervisee_id not in whole.failing
        and supervisee_id not in verified.touched_since_whole(uow, whole)
    )
    records = _read_supervisee(uow, supervisee_id, [], check=not vouched)
    if records.report.ok:
        verified.remember_supervisee(uow, supervisee_id, records)
    return records


def read_supervisee_unchecked(uow: UnitOfWork, supervisee_id: int) -> SuperviseeRecords:
    """A supervisee's records and this chain's links to them, read without any check (the
    links indexed, not verified; records from another database without their links, which
    ``foreign_link`` holds): for a caller that verifies what it uses (a sync batch verifies
    the records it sends, :func:`~supervisor_app.services.hours_files.collect_hours`)."""
    return _read_supervisee(uow, supervisee_id, [], check=False, foreign=False)


def _read_supervisee(
    uow: UnitOfWork, supervisee_id: int, also: list[str], *, check: bool, foreign: bool = True
) -> SuperviseeRecords:
    """:func:`read_supervisee`'s reads; ``check=False``: the whole file was verified at this
    state, so the records are read and their links indexed without hashing or Ed25519."""
    conn = dbapi(uow)
    attended = Among(_ATTENDED, (supervisee_id,))
    # No no_cycle_collection() here: a few thousand rows, and turning the collector back on costs more.
    sessions = read_batch(conn, SESSION, attended)
    # The entries by the supervisee's index, then their children and links by their ids.
    rows = query_rows(conn, f"{RECORD_SQL[EXPERIENCE]} WHERE supervisee_id = ?", (supervisee_id,))
    own = among_ids([row[0] for row in rows])
    experience = Batch(EXPERIENCE, rows, {}, allocation_items(conn, EXPERIENCE, own))
    # Checked: the records the audit trail names too (a deleted one must fail), and each link's
    # predecessor. Vouched for by the whole file's verification: the links alone.
    audited = query_rows(conn, _SUPERVISEE_AUDITED_SQL, (supervisee_id,)) if check else []
    link_sql = _LINK_WITH_PREDECESSOR_SQL if check else SIGN_OFF_SQL
    link_rows = select_in(conn, link_sql, "record_id", attended)
    link_rows += select_in(conn, link_sql, "record_id", own)
    known = set(map(itemgetter(0), sessions.rows))
    known.update(map(itemgetter(0), experience.rows))
    also = [*also, *supervisee_foreign_ids(conn, supervisee_id)]  # a foreign one deleted is still checked
    missing = [rid for rid in dict.fromkeys([*map(itemgetter(0), audited), *also]) if rid not in known]
    if missing:
        _merge(sessions, read_batch(conn, SESSION, missing))
        _merge(experience, read_batch(conn, EXPERIENCE, missing))
        audited = list(
            dict.fromkeys([*audited, *select_in(conn, AUDITED_SQL, "record_id", missing, AUDITED)])
        )
        link_rows += select_in(conn, link_sql, "record_id", missing)
    by_seq = {row[SEQ]: row for row in link_rows}
    links = [by_seq[seq][:10] for seq in sorted(by_seq)]
    predecessors = {seq: row[10] for seq, row in by_seq.items() if check and row[10] is not None}

    problems: list[Problem] = []
    add = problems.append
    notes: list[Problem] = []
    unkeyed: list[Problem] = []
    if not check:
        signs, voids = index_links(links, add)
        if foreign and (foreign_ids := foreign_record_ids(conn, among_ids([*known, *missing]))):
            arrived = check_foreign(conn, among_ids(list(foreign_ids)), add)
            signs.update(arrived.signs)
            voids.update(arrived.voids)
        superseded = _superseded(conn, supervisee_id, own)
        report = VerifyReport(records_checked=0, signatures_checked=0, problems=problems)
        return SuperviseeRecords(sessions, experience, signs, voids, superseded, report)
    check_chain(links, predecessors, add)
    signs, voids = index_links(links, add)
    # The newest signature of each key vouches for all their links (signoff.heads), once each
    # link's own hash is checked (a head chains the stored hashes); when that does not settle
    # it (older payloads, anything amiss), every batch is checked and named as before.
    heads_apply = not missing and not problems
    keyed = check_by_heads(conn, links, supervisee_id, notes.append) if heads_apply else None
    if keyed is None:
        keyed = check_keyed(conn, links, False, unkeyed.append, notes.append)
    voided = set(voids)
    seen: set[Any] = set()
    foreign = foreign_record_ids(conn, among_ids([*known, *missing]))
    own_rows = {
        batch.kind: [row for row in batch.rows if row[0] not in foreign] if foreign else batch.rows
        for batch in (sessions, experience)
    }
    hashing = hashing_for(conn, [row[0] for rows in own_rows.values() for row in rows])  # once, both kinds
    for batch in (sessions, experience):
        seen.update(map(itemgetter(0), batch.rows))
        rows = own_rows[batch.kind]
        ids = list(map(itemgetter(0), rows))
        digests = content_digests(batch, hashing, rows)
        check_records(batch.kind, ids, list(map(itemgetter(1), rows)), digests, voided, signs, voids, add)
    check_deleted(signs, voids, seen, add)
    check_audit_trail(audited, signs, voids, {p.record_id for p in problems}, add)
    problems.extend(unkeyed)
    if foreign or missing:
        arrived = check_foreign(conn, among_ids([*known, *missing]), add)
        signs.update(arrived.signs)
        voids.update(arrived.voids)
    superseded = _superseded(conn, supervisee_id, own)
    if missing:
        superseded.update(
            row[0]
            for table in ("supervision_session", "experience_entry")
            for row in select_in(
                conn,
                f"SELECT supersedes_id FROM {table}",
                "supersedes_id",
                missing,
                f"status = '{SIGNED}'",
            )
        )
    report = VerifyReport(
        records_checked=len(seen),
        signatures_checked=len(links),
        problems=problems,
        notes=notes,
        keyed_signatures_checked=keyed,
    )
    return SuperviseeRecords(sessions, experience, signs, voids, superseded, report)


def require_supervisee_verified(
    uow: UnitOfWork, supervisee_id: int, *, also: Iterable[str] = ()
) -> SuperviseeRecords:
    """:func:`read_supervisee`, raising :class:`RecordsFailVerification` on any problem."""
    records = read_supervisee(uow, supervisee_id, also=also)
    if not records.report.ok:
        raise RecordsFailVerification(records.report.problems)
    return records
