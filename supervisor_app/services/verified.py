"""What this process has already verified, and for how long it stays true (issue 19).

Verifying a supervisee's signed records (hashing them, checking the keyed Ed25519 signatures
over their links) proves something about the file *as it is now*. This module remembers such
proofs in memory, per database file, for as long as nothing has changed them:

- **Another connection's commit** (a second app, the CLI, sqlite3 with the triggers dropped)
  is seen through SQLite's ``PRAGMA data_version``, read on a connection of this module's own
  (the *monitor*, read-only, never used for anything else): its value changes whenever any
  other connection commits. A change nobody here accounts for forgets everything (a new
  *epoch*); the next view verifies again.
- **This process's own commits** also change the monitor's value, so each one is accounted
  for as it happens: just before the ``COMMIT`` (the writer holds the write lock, so nobody
  else can commit in between) and just after it, the monitor's value and the committing
  connection's own ``data_version`` (unchanged by its own commits, changed by anyone else's)
  are read; if anyone else committed meanwhile, everything is forgotten. Otherwise only what
  the transaction touched is forgotten: the supervisees named by the audit events it wrote
  (every write in the app goes through :func:`~supervisor_app.services.audit.append_events`),
  or everything when it changed rows without saying whose.
- **A snapshot older than the proof**: each transaction takes a *token* (epoch, own-commit
  number) as it begins, before its snapshot; a proof made in that transaction is kept only if
  the epoch is still the same when it is stored, and used only by transactions that began
  in the same epoch with the supervisee untouched since.

On the agency database (PostgreSQL) the monitor is a connection that LISTENs for the change
notices its tables send (a trigger per table, made by ``agency_schema``): another process's
commit is a notice whose transaction id is not one of this process's own, its own commits are
accounted for as above, and a change of the catalogue (a trigger disabled: no notice) or any
error on the monitor forgets everything (:class:`_Agency`).

Nothing is written to the database or to disk: the proofs last as long as the process.
Everything here is a cache: ``forget_all()`` at any time only costs speed.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supervisor_app import db

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# Audit actions that change records or people (an event of one of these naming no supervisee
# and no record touches everything, as far as this module knows).
_CHANGING = frozenset({"create", "edit", "delete-pending", "sign", "amend", "void", "import", "restore"})
# Events that change no record: printing a form or a statement, an export, a backup, a review
# starting or ending. Their transaction keeps every proof (the benchmark's repeated print of one
# supervisee re-verified everything after each print's own audit event).
_LEAVES_RECORDS = frozenset({"print", "export", "backup", "review-start", "review-end"})
_ALL = None  # "touched everything"
_MAX_SUPERVISEES = 1000  # proofs kept per file (a supervisee's is a few MB at most; LRU beyond)


@dataclass
class Token:
    """Where a transaction began: the database's epoch and how many own commits it had seen."""

    file: _Proofs
    epoch: int
    own: int


@dataclass
class WholeFile:
    """The last whole-file verification: at which epoch and own commit, and whose records
    failed (supervisee ids; ``None`` in the set: a problem not tied to one supervisee)."""

    epoch: int
    own: int
    ok: bool
    failing: set[Any]
    report: Any


@dataclass
class _Proof:
    epoch: int
    own: int
    value: Any
    extras: dict[Any, Any] = field(default_factory=dict)


class _Proofs:
    """The proofs about one database and the epochs that expire them; how another
    connection's commits are seen is the monitor's (:class:`_File`, :class:`_Agency`)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.epoch = 0
        self.own = 0
        self.touched: list[tuple[int, frozenset[int] | None]] = []  # (own commit number, supervisees)
        self.supervisees: dict[int, _Proof] = {}
        self.figures: dict[
            int, _Proof
        ] = {}  # running totals (services.sums.sums_by_supervisee), by supervisee
        self.whole: WholeFile | None = None

    def refresh(self, *, sync: bool = True) -> Token:
        """The current token, after forgetting everything if another connection committed
        (``sync``: also every commit acknowledged before now, where that costs a round trip)."""
        raise NotImplementedError

    def begun(self, conn: Any, info: dict[Any, Any]) -> None:
        """A transaction began on ``conn`` (a SQLAlchemy connection): what :meth:`wrote` needs."""

    def wrote(self, raw: Any, info: dict[Any, Any], *, surely: bool) -> bool:
        """Whether the transaction has changed rows (``surely``: ask the database if need be)."""
        raise NotImplementedError

    def before_commit(self, conn: Any, touched: set[int] | None) -> Any:
        """Just before COMMIT; what :meth:`committed` needs after it (None: nothing to do)."""
        raise NotImplementedError

    def committed(self, entry: Any) -> None:
        """Just after COMMIT."""
        raise NotImplementedError

    def forget_all(self) -> None:
        with self.lock:
            self.epoch += 1
            self.touched.clear()
            self.supervisees.clear()
            self.figures.clear()
            self.whole = None

    def touch(self, supervisees: set[int] | None) -> None:
        """An own commit changed these supervisees' records (``None``: anything)."""
        with self.lock:
            self.own += 1
            if supervisees is _ALL:
                self.forget_all()
                return
            self.touched.append((self.own, frozenset(supervisees)))
            for sid in supervisees:
                self.supervisees.pop(sid, None)
                self.figures.pop(sid, None)

    def touched_since(self, own: int, supervisee_id: int) -> bool:
        return any(seq > own and supervisee_id in sids for seq, sids in self.touched if sids is not None)

    def valid(self, proof_epoch: int, proof_own: int, token: Token, supervisee_id: int | None) -> bool:
        """Whether a proof made at (``proof_epoch``, ``proof_own``) holds for a transaction
        that began at ``token`` (and for the database now)."""
        if not (proof_epoch == token.epoch == self.epoch):
            return False
        if supervisee_id is None:
            return True
        return not self.touched_since(min(proof_own, token.own), supervisee_id)

    def close(self) -> None:
        with self.lock:
            self.forget_all()


class _File(_Proofs):
    """A SQLite file, watched through ``PRAGMA data_version`` (module docstring)."""

    def __init__(self, path: str) -> None:
        from supervisor_app.storage import BUSY_TIMEOUT_MS

        super().__init__(path)
        # Opened for reading and writing, though it only ever reads data_version: a read-only
        # connection that outlived the app's own would keep the -wal file from being folded
        # into the database when they close (only a connection that may write does that, and
        # only the last one). Where the file cannot be written (a read-only folder: immutable
        # to SQLite, so data_version would never change) nothing is remembered.
        self.monitor = sqlite3.connect(
            Path(path).as_uri() + "?mode=rw",
            uri=True,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        self.monitor.isolation_level = None
        self.identity = self._identity()
        self.known = self._version(self.monitor)

    @staticmethod
    def _version(conn: sqlite3.Connection) -> int:
        return conn.execute("PRAGMA data_version").fetchone()[0]

    def _identity(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.path)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def refresh(self, *, sync: bool = True) -> Token:
        """The current token, after forgetting everything if another connection committed (or
        another file was put in this one's place: then the monitor watches the new one)."""
        with self.lock:
            identity = self._identity()
            if identity != self.identity:
                self.forget_all()
                self.identity = identity
                try:
                    self.monitor.close()
                    self.monitor = sqlite3.connect(
                        Path(self.path).as_uri() + "?mode=rw", uri=True, check_same_thread=False
                    )
                    self.monitor.isolation_level = None
                except sqlite3.Error:
                    self.monitor = sqlite3.connect(":memory:", check_same_thread=False)
                    self.identity = None  # never equal to a file's again: nothing is remembered
                self.known = self._version(self.monitor)
                self.forget_all()
                return Token(self, -1, self.own)  # this transaction may have read either file
            version = self._version(self.monitor)
            if version != self.known:
                self.forget_all()
                self.known = version
            return Token(self, self.epoch, self.own)

    def begun(self, conn: Any, info: dict[Any, Any]) -> None:
        info["verified_changes"] = conn.connection.driver_connection.total_changes

    def wrote(self, raw: Any, info: dict[Any, Any], *, surely: bool) -> bool:
        return bool(raw.total_changes != info.get("verified_changes", raw.total_changes))

    def before_commit(self, conn: Any, touched: set[int] | None) -> Any:
        """Just before COMMIT (a writer holds the write lock: nobody else can commit now)."""
        info = conn.info
        raw = conn.connection.driver_connection
        if not touched and not info.get("verified_noted") and self.wrote(raw, info, surely=True):
            touched = _ALL  # rows changed, and no audit event said whose
        self.refresh()
        return raw, self._version(raw), touched

    def committed(self, entry: Any) -> None:
        """Account for the commit, or forget everything if another connection committed
        meanwhile (the committing connection's own data_version says so)."""
        raw, before, touched = entry
        with self.lock:
            version = self._version(self.monitor)
            if self._version(raw) != before:
                self.forget_all()
            elif touched is _ALL or touched:
                self.touch(touched)
            self.known = version

    def close(self) -> None:
        with self.lock:
            self.forget_all()
            try:
                self.monitor.close()
            except sqlite3.Error:
                pass


# The agency database's catalogue as it stands: its tables, their triggers and the functions
# those run, each by its row version (xmin), in oid order. Disabling a
# trigger, replacing a function, adding a rule or rewriting a table (ALTER COLUMN ... TYPE ...
# USING) changes it, and none of those sends a change notice.
_CATALOGUE_SQL = """
SELECT md5(string_agg(v, ',' ORDER BY o)), pg_backend_pid() FROM (
  SELECT c.oid AS o, c.xmin::text AS v FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  UNION ALL
  SELECT t.oid, t.xmin::text || ':' || p.xmin::text FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
  WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
) AS catalogue
"""
MONITOR_NAME = "supervisor_app monitor"  # what pg_stat_activity shows for it
# A server or network gone quiet fails the monitor's next round trip within seconds (then
# everything is forgotten), instead of holding every transaction's start for TCP's minutes.
_MONITOR_OPTIONS = {
    "connect_timeout": 10,
    "tcp_user_timeout": 10_000,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}
_MAX_OWN = 100_000  # own transactions awaiting their notice (beyond that: forgotten, costing speed)


class _Agency(_Proofs):
    """The agency database on PostgreSQL, watched through the change notices its tables send
    (``agency_schema.change_notices_made``: each writing statement sends its transaction's id
    on ``supervisor_app`` when it commits) on a connection of this module's own that LISTENs
    (the *monitor*, never used for anything else):

    - a notice of a transaction that is not one of this process's own (their ids are kept
      just before their COMMIT) forgets everything (a new epoch);
    - this process's own commits forget what they touched, as on SQLite, when their notice
      arrives;
    - at each transaction's start, a round trip on the monitor (reading the catalogue's row
      versions): PostgreSQL sends a listener the notices of the commits acknowledged before it
      answers, so a transaction never uses a proof older than a commit acknowledged before it
      began (a proof kept by a transaction that read before such a commit is forgotten by the
      next one's start at the latest); later in the transaction, the notices already received
      are taken in without a round trip;
    - a change of the catalogue (a trigger disabled, a function replaced: no notice says so)
      forgets everything, and while the schema differs from the app's
      (``agency_schema.differences``) nothing is remembered;
    - any error on the monitor forgets everything; the next transaction connects again.
    """

    def __init__(self, path: str, engine: Engine) -> None:
        super().__init__(path)
        self.connect_args = engine.dialect.create_connect_args(engine.url)
        self.monitor: Any = None
        self.received: list[str] = []
        # Own transactions (their ids, kept just before COMMIT) awaiting their notice, and the
        # supervisees each touched (None: anything): a notice arrives only once its COMMIT is
        # done, so that is when what it touched is forgotten, whatever made the commit (the
        # ORM's session or a Core connection).
        self.own_xids: dict[str, set[int] | None] = {}
        self.catalogue: str | None = None
        self.altered = False
        self.pid: int | None = None  # the monitor's server process: the session that LISTENs

    def _listen(self) -> None:
        import psycopg

        from supervisor_app.agency_schema import CHANNEL

        args, kwargs = self.connect_args
        monitor = psycopg.connect(
            *args, **{**_MONITOR_OPTIONS, **kwargs, "autocommit": True, "application_name": MONITOR_NAME}
        )
        try:
            monitor.add_notify_handler(lambda notice: self.received.append(notice.payload))
            monitor.execute(f"LISTEN {CHANNEL}")
            self.pid = monitor.execute("SELECT pg_backend_pid()").fetchone()[0]
        except BaseException:
            monitor.close()
            raise
        self.monitor = monitor
        self.catalogue = None
        self.received.clear()

    def _drop(self) -> None:
        monitor, self.monitor = self.monitor, None
        if monitor is not None:
            try:
                monitor.close()
            except Exception:  # noqa: BLE001, S110 - closing a broken connection: nothing to keep
                pass

    def refresh(self, *, sync: bool = True) -> Token:
        import psycopg

        with self.lock:
            for attempt in (1, 2):
                try:
                    self._poll(sync)
                    break
                except (psycopg.Error, OSError):
                    self._drop()
                    self.forget_all()  # a notice may have been missed; connected again once
                    if attempt == 2:
                        return Token(self, -1, self.own)  # nothing is remembered for this transaction
            received, self.received = self.received, []
            for xid in received:
                if xid in self.own_xids:
                    touched = self.own_xids.pop(xid)
                    if touched is _ALL or touched:
                        self.touch(touched)
                else:
                    self.forget_all()
            if self.altered:
                return Token(self, -1, self.own)
            return Token(self, self.epoch, self.own)

    def _poll(self, sync: bool) -> None:
        """Take in the notices (``sync``: after a round trip) and check the catalogue."""
        import psycopg

        if self.monitor is None or self.monitor.closed:
            self._drop()
            self._listen()
            self.forget_all()  # what was proved before may have missed a notice
            sync = True
        if sync:
            catalogue, pid = self.monitor.execute(_CATALOGUE_SQL).fetchone()
            if pid != self.pid:  # not the session that listens (a pooler in between): nothing is sure
                raise psycopg.OperationalError("the monitor's session changed")
        else:
            catalogue = self.catalogue
            pgconn = self.monitor.pgconn
            pgconn.consume_input()  # what the server already sent; no round trip
            while (notice := pgconn.notifies()) is not None:
                self.received.append(notice.extra.decode())
        if catalogue != self.catalogue:
            from supervisor_app.agency_schema import differences

            self.altered = bool(differences(self.monitor))
            if self.catalogue is not None:
                self.forget_all()
            self.catalogue = catalogue

    def wrote(self, raw: Any, info: dict[Any, Any], *, surely: bool) -> bool:
        if info.get("verified_touched") or info.get("verified_noted") or info.get("verified_unknown"):
            return True  # it wrote audit events
        if info.get("verified_flushed") or info.get("verified_wrote"):
            return True
        if not surely:
            return False  # a READ ONLY transaction
        info["verified_wrote"] = (
            raw.execute("SELECT pg_current_xact_id_if_assigned()").fetchone()[0] is not None
        )
        return bool(info["verified_wrote"])

    def before_commit(self, conn: Any, touched: set[int] | None) -> Any:
        """Keep the transaction's id (it has one if it wrote) and what it touched, for its
        notice."""
        raw = conn.connection.driver_connection
        try:
            xid = raw.execute("SELECT pg_current_xact_id_if_assigned()::text").fetchone()[0]
        except Exception:  # noqa: BLE001 - the COMMIT will say what is wrong; nothing is trusted
            self.forget_all()
            return None
        if xid is None:
            return None  # it wrote nothing
        if not touched and not conn.info.get("verified_noted"):
            touched = _ALL  # rows changed, and no audit event said whose
        with self.lock:
            if len(self.own_xids) >= _MAX_OWN:
                self.own_xids.clear()  # their notices will forget everything: only speed is lost
            self.own_xids[xid] = touched
        return None  # accounted for when its notice arrives

    def committed(self, entry: Any) -> None:
        pass

    def close(self) -> None:
        with self.lock:
            self.forget_all()
            self._drop()


_FILES: dict[str, _Proofs] = {}
_FILES_LOCK = threading.Lock()
_USERS: dict[str, weakref.WeakSet[Engine]] = {}  # the engines using each file: closed with the last
_PATHS: dict[str, str | None] = {}  # engine URL database -> the file's resolved path (None: not a file)


def _path_of(engine: Engine) -> str | None:
    """The file's resolved path; for the agency database, its server and name."""
    if engine.dialect.name == "postgresql":
        url = engine.url
        return f"postgresql://{url.host or ''}:{url.port or ''}/{url.database}?{sorted(url.query.items())}"
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if database in _PATHS:
        return _PATHS[database]
    path: str | None = None
    if database and database != ":memory:" and not database.startswith("file::memory:"):
        path = str(Path(database.removeprefix("file:").split("?", 1)[0]).resolve())
    _PATHS[database] = path
    return path


def _file_for(engine: Engine, *, create: bool = True) -> _Proofs | None:
    path = _path_of(engine)
    if path is None:
        return None
    found = _FILES.get(path)
    if not create or (found is not None and engine in _USERS.get(path, ())):
        return found
    with _FILES_LOCK:
        _USERS.setdefault(path, weakref.WeakSet()).add(engine)
        found = _FILES.get(path)
        if found is None and engine.dialect.name == "postgresql":
            found = _FILES[path] = _Agency(path, engine)  # connects at its first refresh
        elif found is None and Path(path).exists() and os.access(path, os.W_OK):
            try:
                found = _FILES[path] = _File(path)
            except sqlite3.Error:
                return None
        return found


# --------------------------------------------------------------------------------------------
# The hooks: every transaction's token; every commit accounted for


def _on_begin(conn: Any) -> None:
    # A class-level listener runs before the engine's own (which issues BEGIN IMMEDIATE), so
    # the token is taken before this transaction's snapshot.
    file = _file_for(conn.engine)
    info = conn.info
    if file is None:
        info.pop("verified_token", None)
        return
    info["verified_token"] = file.refresh()
    info["verified_touched"] = set()
    info["verified_unknown"] = False
    info["verified_noted"] = False  # rows changed by events that leave the records as they were
    info["verified_flushed"] = False  # the ORM wrote rows (a sign; PostgreSQL's is asked when unsure)
    info["verified_wrote"] = False
    file.begun(conn, info)


_pending = threading.local()


def _on_commit(conn: Any) -> None:
    """Just before COMMIT."""
    file = _file_for(conn.engine, create=False)
    _pending.entry = None
    if file is None or "verified_token" not in conn.info:
        return
    info = conn.info
    touched: set[int] | None = set(info.get("verified_touched") or ())
    if info.get("verified_unknown"):
        touched = _ALL
    entry = file.before_commit(conn, touched)
    _pending.entry = None if entry is None else (file, entry)


def _on_after_commit(_session: Any) -> None:
    """Just after COMMIT: account for the commit."""
    entry = getattr(_pending, "entry", None)
    _pending.entry = None
    if entry is None:
        return
    file, data = entry
    file.committed(data)


def _on_flush(session: Any, _context: Any) -> None:
    """The ORM wrote rows in this transaction (a cheap sign, before the database is asked)."""
    try:
        info = session.connection().info
    except Exception:  # noqa: BLE001 - no connection: nothing to note
        return
    if "verified_token" in info:
        info["verified_flushed"] = True


def _on_dispose(engine: Engine) -> None:
    path = _path_of(engine)
    if path is None:
        return
    with _FILES_LOCK:
        users = _USERS.get(path)
        if users is not None:
            users.discard(engine)
        if users:  # another Database on the same file still reads through it
            return
        _USERS.pop(path, None)
        file = _FILES.pop(path, None)
    if file is not None:
        file.close()


def _listen() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    event.listen(Engine, "begin", _on_begin)
    event.listen(Engine, "commit", _on_commit)
    event.listen(Engine, "engine_disposed", _on_dispose)
    event.listen(Session, "after_commit", _on_after_commit)
    event.listen(Session, "after_flush", _on_flush)


# Every engine's transactions are watched; where none was made yet, from the first one's making
# (a process that reads by plain SQL alone never imports SQLAlchemy, issue 19).
if "sqlalchemy" in sys.modules:
    _listen()
else:
    db.before_first_engine(_listen)


# --------------------------------------------------------------------------------------------
# What the services call


def note_events(uow: Any, events: list[dict[str, Any]]) -> None:
    """The audit events a transaction writes (from :func:`audit.append_events`): whose records
    it touches, so its commit forgets the proofs about them only."""
    info = _info(uow)
    if info is None or "verified_touched" not in info:
        return
    touched: set[int] = info["verified_touched"]
    records = []
    for item in events:
        if item.get("action") in _LEAVES_RECORDS:
            info["verified_noted"] = True
            continue
        sid = item.get("supervisee_id")
        if sid is not None:
            touched.add(int(sid))
        elif item.get("record_id") is not None:
            records.append(item["record_id"])
        elif item.get("action") in _CHANGING:
            info["verified_unknown"] = True
    if records:
        conn = uow.raw()
        marks = ",".join("?" * len(records))
        for (sid,) in conn.execute(
            f"SELECT supervisee_id FROM session_attendee WHERE session_id IN ({marks}) "
            f"UNION SELECT supervisee_id FROM experience_entry WHERE id IN ({marks})",
            (*records, *records),
        ):
            touched.add(int(sid))


def _info(uow: Any) -> dict[Any, Any] | None:
    if getattr(uow, "plain_only", False):
        return None  # no engine: nothing to remember (a process that reads once)
    try:
        return uow.session.connection().info
    except Exception:  # noqa: BLE001 - no connection (closed, in memory): nothing to remember
        return None


def token(uow: Any) -> Token | None:
    """The token of the unit of work's transaction (None: nothing is remembered for it). On
    the agency database a unit of work that may write costs a round trip to ask whether it did
    (until it has); one that only reads, none."""
    info = _info(uow)
    found = info.get("verified_token") if info is not None else None
    if found is None:
        return None
    raw = uow.session.connection().connection.driver_connection
    surely = not (getattr(uow, "reading", False) or getattr(uow.db, "readonly", False))
    if info.get("verified_touched") or found.file.wrote(raw, info, surely=surely):
        return None  # this transaction wrote: what it reads is not the database anyone else sees
    found.file.refresh(sync=False)
    return found


def supervisee_proof(uow: Any, supervisee_id: int) -> Any | None:
    """What :func:`remember_supervisee` stored for this supervisee, if it still holds."""
    tok = token(uow)
    if tok is None:
        return None
    file = tok.file
    with file.lock:
        proof = file.supervisees.get(supervisee_id)
        if proof is None or not file.valid(proof.epoch, proof.own, tok, supervisee_id):
            return None
        file.supervisees[supervisee_id] = file.supervisees.pop(supervisee_id)  # most recently used
        return proof


def remember_supervisee(uow: Any, supervisee_id: int, value: Any) -> None:
    """A supervisee's records, verified in this unit of work's transaction."""
    tok = token(uow)
    if tok is None:
        return
    file = tok.file
    with file.lock:
        if tok.epoch != file.epoch or file.touched_since(tok.own, supervisee_id):
            return  # the file changed since this transaction's snapshot: this proves nothing now
        file.supervisees[supervisee_id] = _Proof(tok.epoch, tok.own, value)
        while len(file.supervisees) > _MAX_SUPERVISEES:
            file.supervisees.pop(next(iter(file.supervisees)))


def figures(uow: Any, supervisee_id: int, key: Any) -> Any | None:
    """A supervisee's running totals as :func:`remember_figures` stored them under ``key``
    (their experience window's cut-off), if nothing has changed them since."""
    tok = token(uow)
    if tok is None:
        return None
    file = tok.file
    with file.lock:
        proof = file.figures.get(supervisee_id)
        if proof is None or proof.extras.get("key") != key:
            return None
        if not file.valid(proof.epoch, proof.own, tok, supervisee_id):
            return None
        return proof.value


def remember_figures(uow: Any, supervisee_id: int, key: Any, value: Any) -> None:
    tok = token(uow)
    if tok is None:
        return
    file = tok.file
    with file.lock:
        if tok.epoch != file.epoch or file.touched_since(tok.own, supervisee_id):
            return
        file.figures[supervisee_id] = _Proof(tok.epoch, tok.own, value, {"key": key})


def whole_file(uow: Any) -> WholeFile | None:
    """The last whole-file verification, if it still holds for this transaction (its epoch;
    supervisees touched by own commits since are in :func:`touched_since_whole`)."""
    tok = token(uow)
    if tok is None:
        return None
    file = tok.file
    with file.lock:
        whole = file.whole
        if whole is None or not file.valid(whole.epoch, whole.own, tok, None):
            return None
        return whole


def touched_since_whole(uow: Any, whole: WholeFile) -> set[int]:
    """Supervisees whose records own commits changed since ``whole`` was made."""
    tok = token(uow)
    if tok is None:
        return set()
    since = min(whole.own, tok.own)
    with tok.file.lock:
        return {sid for seq, sids in tok.file.touched if seq > since and sids for sid in sids}


def remember_whole(uow: Any, report: Any, failing: set[Any]) -> None:
    """A whole-file verification made in this unit of work's transaction."""
    tok = token(uow)
    if tok is None:
        return
    file = tok.file
    with file.lock:
        if tok.epoch != file.epoch:
            return
        file.whole = WholeFile(tok.epoch, tok.own, report.ok, failing, report)


def forget_views() -> None:
    """Forget what was verified per supervisee, keeping the whole-file verification (the
    benchmark measures a supervisee's first view after the file's verification with it)."""
    for file in list(_FILES.values()):
        with file.lock:
            file.supervisees.clear()


def forget_all() -> None:
    """Forget every proof (tests; nothing needs it for correctness)."""
    for file in list(_FILES.values()):
        file.forget_all()
