# ruff: noqa: F811  (the "busy" fixture is imported from test_audit_chain)
"""The app's whole-file verification of a large file runs in a child process of its own (the
app keeps none of the memory it needs): the same report as a verification in this process,
used only when the child's snapshot is this transaction's, remembered only if the file has not
changed since; quitting ends the child and its workers."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from test_audit_chain import busy, tamper  # noqa: F401  (busy: fixture)
from test_verify_side_tasks import _forge, _same

from conftest import World
from supervisor_app.services import agency_check, signoff, verified
from supervisor_app.services.signoff import workers
from supervisor_app.services.signoff.signing import dbapi


def _children(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every file this process verifies in a child (whatever its size); the children's answers
    (their snapshot marker and report, or None) as they come."""
    monkeypatch.setattr(workers, "CHILD_MIN_RECORDS", 0)
    answers: list[Any] = []
    real = workers.VerifyChild.report

    def report(self: workers.VerifyChild, progress: Any) -> Any:
        answers.append(real(self, progress))
        return answers[-1]

    monkeypatch.setattr(workers.VerifyChild, "report", report)
    return answers


def _here(world: World) -> signoff.VerifyReport:
    with world.uow() as uow:
        return signoff.verify(uow)


def _no_child_left() -> None:
    assert not workers._RUNNING
    assert not [p for p in multiprocessing.active_children() if p.name == "verify-file"]


def test_the_child_reports_what_a_verification_here_does(
    busy: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forged chain, an altered payload, edited trails: the child's report is this process's,
    problem for problem, with its progress passed on; a clean file's is remembered as verified."""
    with busy.uow() as uow:
        assert agency_check.verify_file(uow).ok  # in this process: a small file
    answers = _children(monkeypatch)
    with busy.uow() as uow:
        clean = agency_check.verify_file(uow)
    assert answers[-1] is not None and answers[-1][1] == clean and clean.ok
    with busy.uow() as uow:
        assert verified.whole_file(uow) is not None
    _forge(busy)
    here = _here(busy)
    assert {"record", "audit", "print"} <= {p.kind for p in here.problems}
    steps: list[tuple[int, int]] = []
    with busy.uow() as uow:
        report = agency_check.verify_file(uow, progress=lambda done, total: steps.append((done, total)))
        assert verified.whole_file(uow) is not None and not verified.whole_file(uow).ok  # type: ignore[union-attr]
    assert answers[-1] is not None  # the child's
    _same(report, here)
    assert steps and steps[-1][0] == steps[-1][1] == report.records_checked
    _no_child_left()


@pytest.mark.parametrize("change", ["a record deleted", "a record edited"])
def test_a_tamper_between_this_snapshot_and_the_childs_is_not_taken_as_verified(
    busy: World, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Another connection commits after this transaction's snapshot, before the child's: a
    snapshot that differs (a record deleted) throws the child's report away and the file is
    verified here, as this transaction sees it; in either case nothing is remembered as
    verified, and the next verification sees the tamper."""
    answers = _children(monkeypatch)
    with busy.db.uow("test", reading=True) as uow:
        rid = dbapi(uow).execute("SELECT record_id FROM sign_off ORDER BY seq LIMIT 1").fetchone()[0]
        if change == "a record deleted":
            tamper(
                busy.db.path,
                "DELETE FROM session_attendee WHERE session_id = ?1",
                "DELETE FROM supervision_session WHERE id = ?1",
                params=(rid,),
            )
        else:
            tamper(busy.db.path, "UPDATE supervision_session SET minutes = 61 WHERE id = ?", params=(rid,))
        report = agency_check.verify_file(uow)
    ((marker, childs),) = answers
    if change == "a record deleted":
        assert report.ok and not childs.ok  # this transaction's snapshot, not the child's
    else:
        assert not report.ok  # the same snapshot marker: the child's report, about the file now
    with busy.uow() as uow:
        assert verified.whole_file(uow) is None
        again = agency_check.verify_file(uow)
    assert not again.ok and rid in again.bad_record_ids()
    _no_child_left()


def test_quitting_ends_the_child_and_its_workers(busy: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app quits during the first verification of a large file: the child (which would
    otherwise run on, holding the file) ends with the verification; the next one runs as ever."""
    monkeypatch.setattr(workers, "CHILD_MIN_RECORDS", 0)
    real = workers.VerifyChild.report
    started: list[int | None] = []

    def report(self: workers.VerifyChild, progress: Any) -> Any:
        started.append(self.process.pid)
        signoff.stop_verifications()
        return real(self, progress)

    monkeypatch.setattr(workers.VerifyChild, "report", report)
    try:
        with busy.uow() as uow, pytest.raises(signoff.VerificationStopped):
            agency_check.verify_file(uow)
        assert started and started[0] is not None
        _no_child_left()
    finally:
        signoff.resume_verifications()
    monkeypatch.setattr(workers.VerifyChild, "report", real)
    with busy.uow() as uow:
        assert agency_check.verify_file(uow).ok


def _grandchild(pids: Any) -> None:
    """A verification worker's start (record_digests.verify_worker, verify_child), then a long wait."""
    from supervisor_app.services.record_digests import end_with_parent

    end_with_parent()
    pids.send(os.getpid())
    time.sleep(120)


def _child(pids: Any) -> None:
    """A verifying child: starts a daemonic worker, as the child's Workers do, then waits."""
    process = multiprocessing.get_context("spawn").Process(target=_grandchild, args=(pids,), daemon=True)
    process.start()
    time.sleep(120)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has ended


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_ends_when_the_process_that_started_it_is_ended() -> None:
    """Quitting ends the verifying child by force when it does not stop within half a second
    (it may be inside one long read): its workers, whose daemon flag only helps when their
    parent exits normally, must not run on, holding the file and a gigabyte, with nobody
    waiting for them (they did: benchmarks/run.py's start-up metric hung on them)."""
    ctx = multiprocessing.get_context("spawn")
    pids, sending = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sending,))
    child.start()
    sending.close()
    try:
        assert pids.poll(60), "the worker did not start"
        worker = pids.recv()
        assert _running(worker)
    finally:
        child.terminate()
        child.join(10)
    deadline = time.monotonic() + 15
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(worker)
