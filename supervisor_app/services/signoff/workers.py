"""The worker processes that hash a whole file beside the verifying process.

Spawned (each its own interpreter): their entry point is
:func:`~supervisor_app.services.record_digests.verify_worker`, a module-level function of a light module."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from supervisor_app import i18n
from supervisor_app.i18n import _
from supervisor_app.services.canonical import (
    EXPERIENCE,
    SESSION,
    VERIFY_CHUNK,
    on_postgres,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.record_digests import (
    Chunk,
    end_with_parent,
    side_marker,
    snapshot_marker,
    verify_worker,
)

# Whole-database verifications of at least this many records hash them in worker processes.
_PARALLEL_MIN_RECORDS = 50_000
_WORKER_SILENCE = 120.0  # seconds without a word from a dead worker before giving up on it
STOPPING = threading.Event()  # the app is quitting: whole-file verifications end at once
_RUNNING: set[Any] = set()  # worker processes (Workers, VerifyChild) now running, to end with them


class VerificationStopped(DomainError):
    """A verification ended because the app is quitting (nothing was written)."""

    def __init__(self) -> None:
        super().__init__(_("The verification was stopped because the app is closing."), code="verify.stopped")


def stop_verifications() -> None:
    """Quitting: every verification running in this process stops (its worker processes are
    ended now, not left running and holding the file); :func:`resume_verifications` after."""
    STOPPING.set()
    for workers in list(_RUNNING):
        workers.stop()


def resume_verifications() -> None:
    STOPPING.clear()


def database_file(conn: sqlite3.Connection) -> str | None:
    """The file of the connection's main database; None in memory or for a temporary one, and
    for the agency database (PostgreSQL: no file)."""
    if on_postgres(conn):
        return None
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


class Workers:
    """Two worker processes for a whole-file verification (spawned: each its own interpreter,
    its own read-only connection and snapshot), while this process reads and checks the chain.

    One checks the keyed signatures' Ed25519 signatures, then hashes the sessions; the other
    checks the audit trail's and the print records' hash chains, then hashes the experience
    entries (see :data:`PLAN`; the side tasks first, so their results are in when the last
    chunk is). Their snapshot must match ours (:func:`snapshot_marker`, and
    :func:`side_marker` for each side task), else what they did is thrown away and done here."""

    KINDS = (SESSION, EXPERIENCE)
    PLAN = (("keys", SESSION), ("trails", EXPERIENCE))

    def __init__(self, path: str, marker: tuple[Any, ...], expected: dict[str, tuple[Any, ...]]) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.marker = marker
        self.queue = ctx.Queue()
        self.early: list[tuple[Any, ...]] = []  # record messages read while waiting for a result
        self.results: dict[str, Any] = {}  # side task -> its result (None: do it here)
        self.processes = [
            ctx.Process(
                target=verify_worker,
                args=(path, tasks, VERIFY_CHUNK, self.queue, expected, i18n.current()),
                name=f"verify-{tasks[-1]}",
                daemon=True,
            )
            for tasks in self.PLAN
        ]
        _RUNNING.add(self)
        try:
            for process in self.processes:
                process.start()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        _RUNNING.discard(self)
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            if process.pid is not None:
                process.join(5)
        self.queue.close()

    def _receive(self, *, early: bool = True) -> tuple[Any, ...] | None:
        """The next message (one read early first, unless not ``early``); None if a worker
        died without a word."""
        import queue as queues
        import time

        kept = self.__dict__.get("early") if early else None
        if kept:
            return kept.pop(0)
        silent_since: float | None = None
        while True:
            if STOPPING.is_set():
                raise VerificationStopped
            try:
                return self.queue.get(timeout=0.5)
            except queues.Empty:
                if all(p.is_alive() for p in self.processes):
                    continue
                silent_since = silent_since or time.monotonic()
                if time.monotonic() - silent_since > _WORKER_SILENCE or any(
                    p.exitcode not in (0, None) for p in self.processes
                ):
                    return None

    def _keep(self, message: tuple[Any, ...]) -> bool:
        """Keep a side task's result (or failure: None); False for any other message."""
        tag, task = message[0], message[1]
        if tag == "result" or (tag == "error" and task not in self.KINDS):
            self.__dict__.setdefault("results", {})[task] = message[2] if tag == "result" else None
            return True
        return False

    def result(self, task: str) -> Any:
        """The side task's result, waiting for it (records' chunks that come first are kept for
        :meth:`collect`); None if it cannot be used and must be done here."""
        while task not in self.results:
            message = self._receive(early=False)
            if message is None:
                return None
            if not self._keep(message):
                self.early.append(message)
        return self.results[task]

    def collect(
        self,
        on_chunk: Callable[[str, Chunk | tuple[list[Any], list[Any], str]], None],
        progress: Callable[[int, int], Any] | None,
        total: int,
    ) -> bool:
        """Hand every chunk to ``on_chunk(kind, chunk)`` as it arrives, in the order a
        verification here would make them (all sessions, then all entries: entries that come
        early wait). False if a worker failed or saw another snapshot: then whatever
        ``on_chunk`` was given must be thrown away. The workers are stopped afterwards (the
        side tasks' results, sent before the last chunk, are in :attr:`results`)."""
        waiting: dict[str, list[Any]] = {kind: [] for kind in self.KINDS}
        done: set[str] = set()
        current = 0  # the kind being handed on
        checked = 0
        try:
            while len(done) < len(self.KINDS):
                message = self._receive()
                if message is None:
                    return False
                if self._keep(message):
                    continue
                tag, kind = message[0], message[1]
                if tag == "chunk":
                    if kind == self.KINDS[current]:
                        on_chunk(kind, message[2:])
                    else:
                        waiting[kind].append(message[2:])
                    checked += len(message[2])
                    if progress is not None:
                        progress(checked, total)
                elif tag == "marker":
                    if message[2] != self.marker:
                        return False
                elif tag == "done":
                    done.add(kind)
                    while current < len(self.KINDS) and self.KINDS[current] in done:
                        current += 1
                        if current < len(self.KINDS):
                            following = self.KINDS[current]
                            for chunk in waiting[following]:
                                on_chunk(following, chunk)
                            waiting[following] = []
                else:  # "error"
                    return False
            return True
        finally:
            self.stop()


def start_workers(conn: sqlite3.Connection, total: int) -> Workers | None:
    """Worker processes for a whole-database verification, or None to do everything here (a
    small database, one in memory, or processes that cannot be started).

    None on the agency database too: the workers open the file, and PostgreSQL has none (they
    could share this transaction's snapshot through ``pg_export_snapshot()``; not yet)."""
    if total < _PARALLEL_MIN_RECORDS or on_postgres(conn):
        return None
    path = database_file(conn)
    if path is None:
        return None
    try:
        expected = {task: side_marker(conn, task) for task, _kind in Workers.PLAN}
        return Workers(path, snapshot_marker(conn), expected)
    except Exception:  # noqa: BLE001 - no processes here (a sandbox, a frozen app without support)
        return None


# Whole-file verifications of at least this many records asked for by the app (the supervisee
# list's first one, the Audit page's) run in a child process of their own: a million links,
# their indexes and the keyed signatures' payloads are about 1.5 GB at scale 1, which the app
# would keep (Python does not give freed memory back) for the rest of its life.
CHILD_MIN_RECORDS = 50_000


class VerifyChild:
    """A whole-file verification in a spawned process of its own (:func:`verify_child`), which
    itself starts the usual :class:`Workers`. :meth:`stop` ends it and them."""

    def __init__(self, path: str) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self._stopping = threading.Lock()
        self._stopped = False
        # Its messages (a pipe, not a queue: a message is sent whole before the child goes on,
        # and nothing is left to flush when it ends).
        self.answers, sending = ctx.Pipe(duplex=False)
        # The child runs while this end is open: closed (stop, or this process gone), it stops.
        watched, self.running = ctx.Pipe(duplex=False)
        # Not a daemon: a daemonic process may not start the workers.
        self.process = ctx.Process(
            target=verify_child, args=(path, sending, watched, i18n.current()), name="verify-file"
        )
        _RUNNING.add(self)
        try:
            self.process.start()
        except BaseException:
            self.stop()
            raise
        finally:  # the child's ends: its own now (so its end is seen as the end of its messages)
            sending.close()
            watched.close()

    def stop(self) -> None:
        """Ask the child to stop (it stops its workers), then end it if it does not (its workers
        then end with it: ``record_digests.end_with_parent``). Safe to call again, from another
        thread too (quitting, while the verifying thread ends it as well)."""
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
        _RUNNING.discard(self)
        self.running.close()
        if self.process.pid is not None:
            # A moment to end on its own; it may be inside a long read that cannot be cut short,
            # and ending it now loses nothing (it only reads).
            self.process.join(0.5)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join(5)
        self.answers.close()

    def report(self, progress: Callable[[int, int], Any] | None) -> tuple[tuple[Any, ...], Any] | None:
        """(the child's snapshot marker, its report), passing its progress on; None if it failed
        or ended without a word. The child is ended afterwards."""
        try:
            while True:
                if STOPPING.is_set():
                    raise VerificationStopped
                if not self.answers.poll(0.5):
                    continue
                try:
                    message = self.answers.recv()
                except EOFError:  # it ended
                    return None
                if message[0] == "progress":
                    if progress is not None:
                        progress(message[1], message[2])
                elif message[0] == "report":
                    return message[1], message[2]
                else:  # "error"
                    return None
        finally:
            self.stop()


def verify_child(path: str, sending: Any, running: Any, language: str) -> None:
    """The child process of :class:`VerifyChild`: verifies the whole file at ``path`` through a
    read-only connection of its own, in one snapshot, and sends ``("progress", done, total)``
    now and then, then ``("report", snapshot marker, report)`` (or ``("error", message)``). It
    stops when its parent closes the other end of ``running`` (or is gone)."""
    from supervisor_app.db import Database, resolve_database
    from supervisor_app.services.signoff.signing import dbapi
    from supervisor_app.services.signoff.verification import verify

    end_with_parent()
    i18n.set_language(language)

    def watch() -> None:
        try:
            running.poll(None)  # the parent never writes: this returns when its end is closed
        except (OSError, EOFError):
            pass
        stop_verifications()

    threading.Thread(target=watch, daemon=True).start()
    try:
        database = Database(resolve_database(path), readonly=True)  # the parent opened and checked it
        try:
            with database.uow("verify", reading=True) as uow:
                marker = snapshot_marker(dbapi(uow))
                report = verify(uow, progress=lambda done, total: sending.send(("progress", done, total)))
            sending.send(("report", marker, report))
        finally:
            database.close()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which verifies itself
        try:
            sending.send(("error", f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass  # the parent is gone or has stopped listening
    finally:
        sending.close()


def verify_in_child(conn: sqlite3.Connection, progress: Callable[[int, int], Any] | None) -> Any:
    """The whole file's report, made by a child process (:class:`VerifyChild`), or None: a
    small database, one in memory or on the agency database, a child that could not start or
    failed, or one whose snapshot differs from ``conn``'s (:func:`snapshot_marker`: a commit
    in between); then the caller verifies in this process."""
    path = database_file(conn)  # None on the agency database too
    if path is None:
        return None
    total = sum(
        conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("supervision_session", "experience_entry")
    )
    if total < CHILD_MIN_RECORDS:
        return None
    marker = snapshot_marker(conn)
    try:
        child = VerifyChild(path)
    except Exception:  # noqa: BLE001 - no processes here (a sandbox, a frozen app without support)
        return None
    answer = child.report(progress)
    if answer is None or answer[0] != marker:
        return None
    return answer[1]
