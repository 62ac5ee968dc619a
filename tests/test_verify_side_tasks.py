# ruff: noqa: F811  (the "busy" fixture is imported from test_audit_chain)
"""verify of the whole file with the keyed signatures' Ed25519 checks and the audit and print
chains done in the worker processes: the same report as when everything is done in this
process, for forged payloads, rewritten chains and edited trails; and their results thrown
away when the workers' snapshot differs."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from test_audit_chain import busy, tamper  # noqa: F401  (busy: fixture)
from test_forgery import _rewrite_chain
from test_signoff import drop_triggers

from conftest import World
from supervisor_app.services import keys, signoff
from supervisor_app.services.canonical import SEQ, SIGN_OFF_SQL, query_rows
from supervisor_app.services.signoff import checks, keyed, verification, workers
from supervisor_app.services.signoff.signing import dbapi


def _report(world: World, **overrides: Any) -> tuple[signoff.VerifyReport, dict[str, Any]]:
    """verify() of the whole file, and the side tasks' results the workers handed back."""
    results: dict[str, Any] = {}
    original = workers.Workers.collect

    def collect(self: workers.Workers, *args: Any) -> Any:
        try:
            return original(self, *args)
        finally:
            results.update(self.results)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers.Workers, "collect", collect)
        for name, value in overrides.items():
            for module in (workers, verification, checks):  # where the name is used
                if hasattr(module, name):
                    patch.setattr(module, name, value)
        with world.uow() as uow:
            report = signoff.verify(uow)
    return report, results


def _alone(world: World) -> signoff.VerifyReport:
    report, results = _report(world, _PARALLEL_MIN_RECORDS=10**12)
    assert results == {}
    return report


def _same(a: signoff.VerifyReport, b: signoff.VerifyReport) -> None:
    assert a.problems == b.problems
    assert (a.warnings, a.notes) == (b.warnings, b.notes)
    assert (a.records_checked, a.signatures_checked, a.keyed_signatures_checked) == (
        b.records_checked,
        b.signatures_checked,
        b.keyed_signatures_checked,
    )


def _forge(world: World) -> None:
    """A minute changed and the chain recomputed with the app's code; one payload altered; an
    audit event and a print record edited."""
    with world.uow() as uow:
        rid = dbapi(uow).execute("SELECT record_id FROM sign_off ORDER BY seq LIMIT 1").fetchone()[0]
    _rewrite_chain(world.db.path, "UPDATE supervision_session SET minutes = 61 WHERE id = :a", a=rid)
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    drop_triggers(conn)
    sid, payload = conn.execute("SELECT id, payload FROM signature ORDER BY rowid DESC LIMIT 1").fetchone()
    conn.execute("UPDATE signature SET payload = ? WHERE id = ?", (payload.replace('"seq":', '"seq": '), sid))
    conn.commit()
    conn.close()
    tamper(world.db.path, "UPDATE audit_event SET actor = 'somebody else' WHERE id = 5")
    tamper(world.db.path, "UPDATE attestation SET record_count = record_count + 1 WHERE id = 1")


def test_a_clean_file_uses_the_workers_results_and_finds_nothing(busy: World) -> None:
    report, results = _report(busy, _PARALLEL_MIN_RECORDS=0)
    assert report.ok and report.keyed_signatures_checked == 4
    assert len(results["keys"]) == 4 and results["trails"] == {"audit_event": [], "attestation": []}
    _same(report, _alone(busy))


def test_forgeries_and_edited_trails_are_named_alike_by_the_workers_or_here(busy: World) -> None:
    _forge(busy)
    alone = _alone(busy)
    kinds = {p.kind for p in alone.problems}
    assert {"record", "audit", "print"} <= kinds, alone.problems
    assert any("does not match what it signs" in p.message for p in alone.problems)
    report, results = _report(busy, _PARALLEL_MIN_RECORDS=0)
    assert results["keys"] is not None and results["trails"] is not None
    assert len(results["keys"]) == 3  # the altered payload is not among the valid ones
    _same(report, alone)
    # The workers' snapshot differs from the verifying transaction's: their results are not
    # used, and the report is the same.
    report, results = _report(busy, _PARALLEL_MIN_RECORDS=0, side_marker=lambda conn, task: ("not", task))
    assert results == {"keys": None, "trails": None}
    _same(report, alone)


def test_a_payload_read_without_its_links_is_the_payload_read_whole(busy: World) -> None:
    with busy.uow() as uow:
        conn = dbapi(uow)
        links = query_rows(conn, SIGN_OFF_SQL + " ORDER BY seq")
        by_seq = {link[SEQ]: link for link in links}
        public = keys.public_keys(conn)
        rows = query_rows(
            conn, "SELECT id, key_fingerprint, first_seq, last_seq, payload, signature FROM signature"
        )
    for sid, fingerprint, first, last, text_, signature in rows:
        span = range(first, last + 1)
        stored = [by_seq[seq] for seq in span]
        key = public[fingerprint][0]
        whole = keyed._checked_payload(sid, key, text_, signature, remember=False)
        assert whole is not None
        fast = keyed._whole_payload(sid, fingerprint, key, text_, signature, stored, span, None)
        assert fast == (whole[0], None)  # None: its links are exactly the stored ones
        assert whole[1] == [keyed._link_tuple(link) for link in stored]
        # Links that differ from the stored ones: read whole, and compared one by one.
        other = [(*link[:3], "someone-else", *link[4:]) for link in stored]
        assert keyed._whole_payload(sid, fingerprint, key, text_, signature, other, span, None) == whole
        assert keyed._whole_payload(sid, fingerprint, key, text_ + " ", signature, stored, span, None) is None
        valid = {(str(sid), fingerprint, str(signature))}
        assert keyed._whole_payload(sid, fingerprint, key, text_, signature, stored, span, set()) is None
        assert keyed._whole_payload(sid, fingerprint, key, text_, signature, stored, span, valid) == fast


def test_quitting_stops_a_verification_and_ends_its_worker_processes(busy: World, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The app quits during the first verification of a large file: the verification stops
    at once and its worker processes end with it (left running, they held the file and, in
    a process that exits with os._exit, outlived it)."""
    import multiprocessing
    import threading

    monkeypatch.setattr(workers, "_PARALLEL_MIN_RECORDS", 0)
    started = threading.Event()
    real_collect = workers.Workers.collect

    def collect(self: workers.Workers, *args: Any) -> Any:
        started.set()  # the workers are up: now the app quits
        signoff.stop_verifications()
        return real_collect(self, *args)

    monkeypatch.setattr(workers.Workers, "collect", collect)
    try:
        with busy.uow() as uow, pytest.raises(signoff.VerificationStopped):
            signoff.verify(uow)
        assert started.is_set()
        assert not workers._RUNNING
        assert not [p for p in multiprocessing.active_children() if p.name.startswith("verify-")]
    finally:
        signoff.resume_verifications()
    monkeypatch.setattr(workers.Workers, "collect", real_collect)
    with busy.uow() as uow:  # the next verification runs as ever
        assert signoff.verify(uow).ok


def test_the_workers_word_their_findings_in_the_apps_language(busy: World) -> None:
    """The audit and print chains are checked in spawned worker processes: a Spanish app gets
    their findings in Spanish, the same words as when they are checked here."""
    from supervisor_app import i18n

    _forge(busy)
    with i18n.using("es"):
        alone = _alone(busy)
        report, results = _report(busy, _PARALLEL_MIN_RECORDS=0)
    assert results["trails"] is not None
    _same(report, alone)
    english = _alone(busy)
    trail = [p.message for p in report.problems if p.kind in {"audit", "print"}]
    assert trail and trail != [p.message for p in english.problems if p.kind in {"audit", "print"}]
