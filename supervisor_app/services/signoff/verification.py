"""Verifying the whole file, or some records: :func:`verify` and :func:`require_verified`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.services import copies, trails
from supervisor_app.services.canonical import (
    EXPERIENCE,
    SEQ,
    SESSION,
    SIGN,
    SIGN_OFF_SQL,
    VERIFY_CHUNK,
    dbapi,
    no_cycle_collection,
    query_rows,
    select_in,
)
from supervisor_app.services.record_digests import Chunk, kind_digests
from supervisor_app.services.signoff.checks import (
    AUDITED,
    AUDITED_SQL,
    LATEST_AUDITED_SQL,
    Problem,
    RecordsFailVerification,
    VerifyReport,
    check_audit_trail,
    check_chain,
    check_deleted,
    check_records,
    index_links,
    signed_contents,
    time_warnings,
)
from supervisor_app.services.signoff.foreign import check_foreign, foreign_record_ids, without
from supervisor_app.services.signoff.keyed import check_keyed
from supervisor_app.services.signoff.workers import (
    STOPPING,
    VerificationStopped,
    Workers,
    database_file,
    start_workers,
)


def verify(
    uow: UnitOfWork,
    *,
    record_ids: Iterable[str] | None = None,
    progress: Callable[[int, int], Any] | None = None,
) -> VerifyReport:
    """Recompute every content hash and the whole chain (or only what ``record_ids`` touch).

    Reports every problem: content changed after signing, a signature missing, repeated or
    reordered, a signed record deleted or set back to pending, a broken chain link; each with
    the record id (for a signature deleted outright, the audit trail supplies it). ``progress(done, total)`` is called now and then for a progress bar.

    The whole database (at least ``_PARALLEL_MIN_RECORDS`` records, in a file) is hashed by two
    worker processes, one per kind, which also check the Ed25519 signatures and the audit and
    print chains, while this one checks the chain; the report is the same,
    problems in the same order, as when everything is done here (which is what happens if a
    worker fails, or if the file changed between this transaction's snapshot and theirs).
    """
    subset = None if record_ids is None else list(dict.fromkeys(record_ids))
    with no_cycle_collection():
        report = _verify(dbapi(uow), subset, progress)
    if subset is None:  # a supervisor's keyed confirmations of training entries (issue 20)
        from supervisor_app.services.training import confirmation_problems

        report.problems.extend(
            Problem(entry_id, text, kind="training") for entry_id, text in confirmation_problems(uow)
        )
    return report


def _local_chunks(conn: sqlite3.Connection, subset: list[str] | None) -> Iterator[tuple[str, Chunk]]:
    for kind in (SESSION, EXPERIENCE):
        for chunk in kind_digests(conn, kind, VERIFY_CHUNK, subset):
            yield kind, chunk


def _verify(
    conn: sqlite3.Connection, subset: list[str] | None, progress: Callable[[int, int], Any] | None
) -> VerifyReport:
    problems: list[Problem] = []
    add = problems.append

    workers: Workers | None = None
    if subset is not None:
        total = len(subset)
    else:
        total = sum(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("supervision_session", "experience_entry")
        )
        workers = start_workers(conn, total)
    try:
        predecessors: dict[int, str] | None = None
        if subset is None:
            links = query_rows(conn, SIGN_OFF_SQL + " ORDER BY seq")
        else:
            links = sorted(select_in(conn, SIGN_OFF_SQL, "record_id", subset), key=itemgetter(SEQ))
            wanted = [link[SEQ] - 1 for link in links if link[SEQ] > 1]
            predecessors = {
                seq + 1: chain
                for seq, chain in select_in(conn, "SELECT seq, chain_hash FROM sign_off", "seq", wanted)
            }

        # 1. The chain.
        broken = check_chain(links, predecessors, add)

        # 2. Every record: signed ones must match their signature; signatures must have records.
        signs, voids = index_links(links, add)

        # 3. The keyed signatures over the links (while the workers hash; one of them checked
        # the Ed25519 signatures).
        notes: list[Problem] = []
        unkeyed: list[Problem] = []  # reported after the record checks, whose words come first
        verdicts = workers.result("keys") if workers is not None else None
        valid = set(verdicts) if verdicts is not None else None
        keyed = check_keyed(conn, links, subset is None, unkeyed.append, notes.append, valid)
    except BaseException:
        if workers is not None:
            workers.stop()
        raise
    voided = set(voids)
    contents = signed_contents(signs)
    found: list[Problem] = []
    seen: set[Any] = set()
    checked = 0
    foreign = foreign_record_ids(conn, subset)  # from another database: checked apart, below

    def check(kind: str, chunk: Any) -> None:
        nonlocal checked
        seen.update(chunk[0])
        ids, statuses, digests = without(chunk, foreign) if foreign else chunk
        check_records(kind, ids, statuses, digests, voided, signs, voids, found.append, contents[kind])
        checked += len(chunk[0])

    # The workers' chunks are checked as they come, while the workers still hash (the checks
    # are in the order a verification here makes them).
    if workers is None or not workers.collect(check, progress, total):
        found.clear()  # a worker failed or saw another snapshot: everything is hashed here
        seen.clear()
        checked = 0
        for kind, chunk in _local_chunks(conn, subset):
            if STOPPING.is_set():
                raise VerificationStopped
            check(kind, chunk)
            if progress is not None:
                progress(checked, total)
    # The audit trail's and the print records' chains (a worker checked them, before its last
    # chunk), and the outside copies (whole database only).
    if subset is None:
        breaks = workers.results.get("trails") if workers is not None else None
        trail_problems, trail_warnings = _check_trails(conn, breaks)
    else:
        trail_problems, trail_warnings = [], []
    problems.extend(found)
    check_deleted(signs, voids, seen, add)
    check_foreign(conn, subset, add)
    # 3. Signatures gone without a trace in the chain: the audit trail names their records. For
    # the whole database only when the chain is already broken, or when the newest sign or void
    # event has no link (the tail of the chain cut off); it costs a scan of the trail.
    if subset is None and not broken:
        latest = conn.execute(LATEST_AUDITED_SQL).fetchone()
        broken = latest is not None and latest[0] not in (signs if latest[1] == SIGN else voids)
    if subset is not None or broken:
        audited = select_in(conn, AUDITED_SQL, "record_id", subset, AUDITED)
        check_audit_trail(audited, signs, voids, {p.record_id for p in problems}, add)
    problems.extend(unkeyed)
    problems.extend(trail_problems)
    if progress is not None:
        progress(total, total)
    warnings = time_warnings(links) if subset is None else []
    warnings.extend(trail_warnings)
    return VerifyReport(
        records_checked=checked,
        signatures_checked=len(links),
        problems=problems,
        warnings=warnings,
        notes=notes,
        keyed_signatures_checked=keyed,
    )


def _check_trails(
    conn: sqlite3.Connection, breaks: dict[str, list[tuple[str, str]]] | None = None
) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of the audit trail's and the print records' hash chains (any row
    edited, deleted or inserted, named), and of this file against every outside copy it
    knows: its backups and the copies recorded in ``outside_copy`` (chains cut off).
    ``breaks``: the chains' breaks as a worker process found them (None: check them here)."""
    problems = [
        Problem(subject, message, kind)
        for table, kind in ((trails.AUDIT, "audit"), (trails.PRINTS, "print"))
        for subject, message in (breaks[table] if breaks is not None else trails.check_chain(conn, table))
    ]
    path = database_file(conn)
    cut, restored = copies.compare_all(conn, Path(path) if path else None)
    problems.extend(Problem(subject, message, "copy") for subject, message in cut)
    return problems, [Problem(subject, message, "copy") for subject, message in restored]


def require_verified(uow: UnitOfWork, record_ids: Iterable[str]) -> None:
    """Raise :class:`RecordsFailVerification` if any of these records fail verification."""
    ids = list(record_ids)
    if not ids:
        return
    report = verify(uow, record_ids=ids)
    if not report.ok:
        raise RecordsFailVerification(report.problems)
