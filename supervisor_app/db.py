"""Opening a database: where it lives, how SQLite is set up, migrations, the unit of work.

SQLAlchemy is imported when an engine is first needed, not to open a file: the first window
(sign-in, the supervisee names) reads through plain SQLite (:meth:`UnitOfWork.rows`), so it
shows before SQLAlchemy (a fifth of a second) and its ORM are imported.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported with the first engine / ORM query, not to open a file (start-up time)
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

from supervisor_app import APP_NAME, schema_check

ENV_DB = "SUPERVISOR_APP_DB"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be used; the message says why in plain words.

    ``kind`` is one of ``damaged`` (corrupt, not a database, missing tables: offer to restore
    the newest backup), ``newer`` (made by a newer version), ``unreadable``, ``read-only`` (it
    cannot be written: a read-only disk, a write-protected folder or file), ``storage`` (the disk
    failed or filled up part-way; nothing was changed), ``network`` (on a network drive, where
    SQLite's locking is unreliable: :mod:`supervisor_app.fileops`) or ``other``.
    """

    def __init__(self, message: str, *, kind: str = "other", path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path

    @property
    def offer_restore(self) -> bool:
        return self.kind in ("damaged", "unreadable")


def user_data_dir() -> Path:
    """The per-user folder for the default database, backups and profile overrides."""
    override = os.environ.get("SUPERVISOR_APP_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir(APP_NAME, appauthor=False))


def private(path: Path) -> None:
    """Create ``path``, empty, readable and writable by its owner only (0600), unless it exists.

    The database, its backups and exports hold names, contacts and supervision topics. SQLite
    gives a database's -wal, -shm and -journal files the database file's own permissions, so
    creating the file first makes those private too. An existing file keeps its permissions
    (an agency may share a database on purpose). On Windows the mode only sets the read-only
    flag: there the per-user data folder (``%LOCALAPPDATA%``) is private to the user already.
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing, readable by the user only (0600): a temporary
    file beside it (made private), flushed to disk, then renamed over it, so a crash or a full
    disk never leaves half a form, export or hours file under the real name."""
    from supervisor_app.fileops import remove_file, replace_file

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(Path(tmp), path)  # waits while a viewer or antivirus holds the old file (Windows)
    except BaseException:
        with suppress(OSError):
            remove_file(Path(tmp), delays=())
        raise


def private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents for its owner only (0700); folders that
    exist are left as they are."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)


def default_database_path() -> Path:
    return user_data_dir() / "supervisor.db"


def resolve_database(target: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from ``--db`` (path or URL), else $SUPERVISOR_APP_DB, else the default."""
    chosen = target if target not in (None, "") else os.environ.get(ENV_DB) or None
    if chosen is None:
        path = default_database_path()
        private_folder(path.parent)
        return path_url(path)
    chosen = os.fspath(chosen)
    if "://" in chosen:
        return chosen
    given = Path(chosen).expanduser()
    refuse_dangling_link(given)
    return path_url(given.resolve())


def dangling_link(path: Path) -> Path | None:
    """The first part of ``path`` that is a symbolic link to something that does not exist."""
    path = Path(os.path.abspath(path))
    for part in [*reversed(path.parents), path]:
        try:
            if part.is_symlink() and not part.exists():
                return part
        except OSError:  # a name too long to look up: what opens it says so
            return None
    return None


def refuse_dangling_link(path: Path) -> None:
    """A database path through a symbolic link to nothing (a drive not mounted, a folder moved)
    is refused: following it would create folders where the link points, and a new, empty
    database there instead of the one the supervisor meant."""
    link = dangling_link(path)
    if link is not None:
        raise DatabaseError(
            f"{link} is a symbolic link to {os.readlink(link)}, which does not exist (a disk not "
            "connected, or a folder moved?). Nothing was created; give the database's real location.",
            kind="other",
            path=path,
        )


def path_url(path: Path) -> str:
    """The SQLAlchemy URL of a database file. SQLAlchemy reads '?' as the start of options and
    decodes %XX in the path, so those two characters are encoded (a folder may be named
    "What?" or "100%")."""
    return "sqlite:///" + str(path).replace("%", "%25").replace("?", "%3F")


def readonly_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only. Percent-encoded, so a '#', '?' or '%' in a
    folder name is part of the path, not the start of a fragment or of the URI's options.

    On a read-only disk or in a folder that cannot be written, SQLite cannot create the -shm
    file a WAL-mode database needs even to be read; with no -wal file beside it (the last
    connection checkpointed everything into the file) nothing can change it there either, so
    it is opened as immutable. A -wal file left there holds committed data that immutable mode
    would ignore: then plain read-only mode, which reads it when its -shm exists too.
    """
    path = path.resolve()
    uri = path.as_uri() + "?mode=ro"
    if not folder_writable(path) and not Path(str(path) + "-wal").exists():
        uri += "&immutable=1"
    return uri


def folder_writable(path: Path) -> bool:
    """Whether files can be created beside ``path`` (SQLite's -wal, -shm and -journal files)."""
    folder = path.parent
    return not folder.is_dir() or os.access(folder, os.W_OK)


def read_only_reason(path: Path) -> str | None:
    """Why the database file ``path`` (or the one to be created there) cannot be written, in
    plain words; None when it can. A read-only disk, a folder or a file without write access."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the folders still to be created: what matters is the first that exists
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the disk it is on is read-only"
    except (AttributeError, OSError):  # no statvfs (Windows)
        pass
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return f"the folder {folder} cannot be written"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file cannot be written"
    return None


def connect_readonly(path: Path, **kwargs: Any) -> sqlite3.Connection:
    """A read-only SQLite connection to ``path`` (through :func:`readonly_uri`); ``kwargs`` go
    to :func:`sqlite3.connect` (default timeout: the busy timeout)."""
    kwargs.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(readonly_uri(path), uri=True, **kwargs)


def url_database(url: str) -> str | None:
    """The database of a URL (``sqlite:///path`` -> ``path``); None for an in-memory one.

    SQLite URLs are read here without importing SQLAlchemy; anything else goes to its parser.
    """
    if url.startswith("sqlite:///") and "?" not in url and "%" not in url:
        database = url[len("sqlite:///") :]
        return database if database and database != ":memory:" else None
    if url in ("sqlite://", "sqlite:///"):
        return None
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    return database if database and database != ":memory:" else None


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy own transactions (pysqlite's implicit BEGIN handling is off).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # WAL: readers never block the writer and a crash mid-write leaves the last committed
    # state intact. synchronous=FULL (not NORMAL): in WAL mode NORMAL may lose the most recent
    # commits on power loss; FULL fsyncs the WAL at every commit, so a commit the user saw
    # survives a killed process *and* a dead battery. Commits are small; the cost is a few ms.
    mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode and str(mode[0]).lower() not in ("wal", "memory"):
        cursor.execute("PRAGMA journal_mode = DELETE")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _begin_immediate(conn: Any) -> None:
    # Take the write lock at BEGIN so two writers queue on busy_timeout instead of failing
    # half-way through a transaction with "database is locked".
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _query_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only = ON")


def _configure_readonly(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def make_engine(url: str, *, readonly: bool = False, deferred_begin: bool = False) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise DatabaseError(f"Only SQLite databases are supported, not {parsed.get_backend_name()}.")
    if readonly:
        from sqlalchemy.engine import URL

        path = Path(parsed.database or "").resolve()
        # The connection is made here, not from a URL SQLAlchemy would parse: a folder named
        # "Team #2" must not turn into a file named "Team ".
        engine = create_engine(
            URL.create("sqlite", database=str(path)),
            creator=lambda: connect_readonly(path, check_same_thread=False),
        )
        event.listen(engine, "connect", _configure_readonly)
        if deferred_begin:
            event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_immediate)
    return engine


# --------------------------------------------------------------------------------------------
# Migrations


def _alembic_config(connection: Any):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "supervisor_app:migrations")
    config.attributes["connection"] = connection
    return config


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([\w-]+|None)['\"]?\s*$", re.MULTILINE)


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files' headers.

    Opening a database only needs to know which revisions exist and which is newest; reading
    the two assignment lines spares importing Alembic (a third of start-up) unless an upgrade
    is actually due. A test checks this agrees with Alembic's own view.
    """
    graph: dict[str, str | None] = {}
    folder = Path(__file__).resolve().parent / "migrations" / "versions"
    for path in folder.glob("*.py"):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest this version knows)."""
    from alembic import command

    # One transaction for the whole upgrade: a crash half-way leaves the old schema intact.
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


# --------------------------------------------------------------------------------------------
# The database handle and unit of work


class Database:
    """An open, migrated database. Its SQLAlchemy engines are made when first used."""

    def __init__(
        self, url: str, engine: Engine | None = None, readonly: bool = False, *, deferred_begin: bool = False
    ) -> None:
        self.url = url
        self.readonly = readonly
        self._engine = engine
        self._deferred_begin = deferred_begin
        self._read_engine: Engine | None = None
        self._open_marker: Path | None = None  # see _marked

    def __repr__(self) -> str:
        return f"Database(url={self.url!r}, readonly={self.readonly})"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.url, readonly=self.readonly, deferred_begin=self._deferred_begin)
        return self._engine

    @property
    def path(self) -> Path | None:
        database = url_database(self.url)
        return Path(database) if database else None

    def engine_for(self, *, reading: bool = False) -> Engine:
        """The engine a unit of work uses: the main one (``BEGIN IMMEDIATE``) for writes, a
        second one with plain deferred ``BEGIN`` and ``query_only`` for ``reading``."""
        if not reading or self.readonly:
            return self.engine
        if self._read_engine is None:
            from sqlalchemy import create_engine, event

            # Plain (deferred) BEGIN: a long read — verify, the supervisee overview — sees a
            # consistent snapshot and never holds the write lock, so writers are not kept waiting.
            self._read_engine = create_engine(self.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            event.listen(self._read_engine, "connect", _configure_sqlite)
            event.listen(self._read_engine, "connect", _query_only)
            event.listen(self._read_engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return self._read_engine

    def session(self, *, reading: bool = False) -> Session:
        from sqlalchemy.orm import Session

        return Session(self.engine_for(reading=reading), expire_on_commit=False)

    @cached_property
    def profiles(self):  # type: ignore[no-untyped-def]
        """The credential profiles in force (shipped, overridden by the user's folder)."""
        from supervisor_app.services.profiles import ProfileRegistry

        return ProfileRegistry.load(user_dir=user_data_dir() / "credentials")

    def uow(self, actor: str = "system", *, reading: bool = False) -> UnitOfWork:
        """A unit of work; ``reading=True`` for one that only reads (it cannot write)."""
        return UnitOfWork(self, actor=actor, reading=reading)

    def _marked(self, path: Path | None, reading: bool) -> Database:
        """Mark the file open for writing until :meth:`close` (an unclean end is then seen
        at the next open: :mod:`supervisor_app.check_state`)."""
        if path is not None and not self.readonly and not reading:
            from supervisor_app import check_state

            self._open_marker = check_state.mark_open(path)
        return self

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self._read_engine is not None:
            self._read_engine.dispose()
        marker, self._open_marker = self._open_marker, None
        if marker is not None:
            from supervisor_app import check_state

            check_state.mark_closed(marker)


class UnitOfWork:
    """One user action: ``with db.uow(actor) as uow: ...; uow.commit()``.

    Anything not committed when the block ends is rolled back. ``uow.session`` is the ORM
    session (created on first use); ``uow.connection()`` is a Core connection in the same
    transaction, for the few reads that must not import the ORM (what the first window
    shows: :mod:`supervisor_app.services.roster`).
    """

    def __init__(self, db: Database, *, actor: str, reading: bool = False) -> None:
        self.db = db
        self.actor = actor
        self.reading = reading
        self._session: Session | None = None
        self._connection: Connection | None = None
        self._raw: sqlite3.Connection | None = None

    def __enter__(self) -> UnitOfWork:
        return self

    @property
    def session(self) -> Session:
        if self._session is None:
            if self._connection is not None:
                from sqlalchemy.orm import Session

                # Join the transaction the Core reads began; commit and rollback stay ours.
                self._session = Session(
                    bind=self._connection, expire_on_commit=False, join_transaction_mode="rollback_only"
                )
            else:
                self._session = self.db.session(reading=self.reading)
        return self._session

    def connection(self) -> Connection:
        if self._session is not None:
            self._session.flush()  # a Core read sees the unit of work's own changes, as a query would
            return self._session.connection()
        if self._connection is None:
            self._connection = self.db.engine_for(reading=self.reading).connect()
            self._connection.begin()
        return self._connection

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Plain SQL (``?`` parameters) for the reads that must not even import SQLAlchemy: what
        the first window shows. In the unit of work's transaction once it has one; before
        that, on a read-only SQLite connection of its own (one snapshot until the end)."""
        path = self.db.path
        if self._session is not None or self._connection is not None or path is None:
            return [tuple(row) for row in self.connection().exec_driver_sql(sql, tuple(params))]
        if self._raw is None:
            raw = connect_readonly(path)
            raw.isolation_level = None
            raw.execute("BEGIN")
            self._raw = raw
        return self._raw.execute(sql, tuple(params)).fetchall()

    def __exit__(self, *exc: object) -> None:
        try:
            if self._session is not None:
                self._session.rollback()
        finally:
            try:
                if self._session is not None:
                    self._session.close()
            finally:
                try:
                    if self._connection is not None:
                        self._connection.close()  # rolls back what was not committed
                finally:
                    if self._raw is not None:
                        self._raw.close()  # only ever read

    def commit(self) -> None:
        if self._session is not None:
            self._session.commit()
        if self._connection is not None:
            self._connection.commit()

    def flush(self) -> None:
        self.session.flush()


def open_reader(db: Database) -> Database:
    """Another handle on ``db``'s file whose transactions are plain (deferred) ``BEGIN``s.

    The main handle starts every transaction with ``BEGIN IMMEDIATE`` (the write lock), which
    is right for writes but would make a long read block the user's next save. In WAL mode a
    deferred transaction reads one consistent snapshot without blocking writers.
    """
    return Database(url=db.url, readonly=True, deferred_begin=True)


# Tables every database at the current revision must have (a damaged file may lack some).
REQUIRED_TABLES = frozenset(
    {
        "agency",
        "supervisor",
        "supervisee",
        "supervision_session",
        "session_attendee",
        "session_allocation",
        "experience_entry",
        "experience_allocation",
        "sign_off",
        "audit_event",
        "attestation",
    }
)


@dataclass(frozen=True)
class FileCheck:
    """What a look at a database file, without writing to it, found."""

    exists: bool
    revision: str | None
    has_data: bool


def check_file(path: Path, *, integrity: bool = True, cancelled: threading.Event | None = None) -> FileCheck:
    """Inspect ``path`` read-only. Raises :class:`DatabaseError` for anything unusable.

    Never writes to the file: a damaged database must stay exactly as it was found, so a
    data-recovery service (or a backup restore) can still work with it.
    """
    if not path.exists() or path.stat().st_size == 0:
        return FileCheck(exists=path.exists(), revision=None, has_data=False)
    companions = [Path(str(path) + suffix) for suffix in ("-wal", "-shm")]
    existed = {c for c in companions if c.exists()}
    try:
        return _check_file(path, integrity=integrity, cancelled=cancelled)
    except DatabaseError:
        # Reading a WAL-mode file creates empty -wal/-shm companions; leave none behind.
        for companion in companions:
            if companion not in existed:
                with suppress(OSError):  # a read-only disk refuses even to unlink nothing
                    companion.unlink(missing_ok=True)
        raise


_SQLITE_MAGIC = b"SQLite format 3\0"


def _header_problem(path: Path) -> str | None:
    """What the file's first 100 bytes (SQLite's header) say is wrong, without SQLite: a
    header that is not SQLite's is left to SQLite to name; a file shorter than the pages its
    header counts was cut off (an interrupted copy, a full disk). Not judged while a -wal or
    -journal file has content: another process's checkpoint or commit writes page 1 (and its
    page count) before the pages that lengthen the file."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return None  # what opens it says why
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return None
    for companion in ("-wal", "-journal"):  # in use: a checkpoint or a commit may be growing it now
        with suppress(OSError):
            if os.path.getsize(str(path) + companion) > 0:
                return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only when the change counter equals "version-valid-for".
    if pages and header[24:28] == header[92:96] and size < pages * page_size:
        return f"the file is cut short ({size:,} bytes of the {pages * page_size:,} its header counts)"
    return None


def _check_file(path: Path, *, integrity: bool, cancelled: threading.Event | None = None) -> FileCheck:
    name = path.name
    if not os.access(path, os.R_OK):
        raise DatabaseError(f"{path} cannot be read (permission denied).", kind="unreadable", path=path)
    problem = _header_problem(path)
    if problem is not None:
        raise DatabaseError(
            f"{name} is damaged: {problem}. It was not changed. You can restore the newest backup instead.",
            kind="damaged",
            path=path,
        )
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} cannot be opened ({exc}).", kind="unreadable", path=path) from exc
    try:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(
                f"{name} is not a supervisor_app database, or it is damaged ({exc}). "
                "It was not changed. You can restore the newest backup instead.",
                kind="damaged",
                path=path,
            ) from exc
        if integrity:
            if cancelled is not None:  # setting the event stops the check (the app is quitting)
                conn.set_progress_handler(cancelled.is_set, 10_000)
            try:
                result = conn.execute("PRAGMA quick_check").fetchone()
            except sqlite3.DatabaseError as exc:
                result = (str(exc),)
            if not result or result[0] != "ok":
                raise DatabaseError(
                    f"{name} is damaged (SQLite integrity check: {result[0] if result else 'no answer'}). "
                    "It was not changed. You can restore the newest backup instead.",
                    kind="damaged",
                    path=path,
                )
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseError(
                    f"{name} is a SQLite file, but not a supervisor_app database (it has other tables). "
                    "It was not changed.",
                    kind="damaged",
                    path=path,
                )
            return FileCheck(exists=True, revision=None, has_data=False)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        altered: list[str] = []
        if revision in known_revisions():  # the app's exact schema at that revision, or refused
            altered = schema_check.differences(conn, revision)
    finally:
        conn.close()
    if revision is not None and revision not in known_revisions():
        raise DatabaseError(
            f"{name} was made by a newer version of supervisor_app (schema {revision}). "
            "Install the newer version to open it; the file was not changed.",
            kind="newer",
            path=path,
        )
    if revision == head_revision():
        missing = REQUIRED_TABLES - tables
        if missing:
            raise DatabaseError(
                f"{name} is damaged: tables are missing ({', '.join(sorted(missing))}). "
                "It was not changed. You can restore the newest backup instead.",
                kind="damaged",
                path=path,
            )
    if altered and revision is not None:
        raise DatabaseError(schema_check.message(name, revision, altered), kind="damaged", path=path)
    return FileCheck(exists=True, revision=revision, has_data=True)


def open_database(
    target: str | os.PathLike[str] | None = None,
    *,
    migrate: bool = True,
    readonly: bool = False,
    integrity: bool | None = None,
    backup_before_migration: bool = True,
    reading: bool = False,
    on_full_check: Callable[[str], None] | None = None,
    remember: bool = True,
) -> Database:
    """Open (creating if needed) and upgrade the database at ``target``.

    The file is first inspected read-only (:func:`check_file`): a damaged file, a file that
    is not ours, or one made by a newer version is refused with a :class:`DatabaseError` and
    left untouched. An older database is backed up, then upgraded. ``readonly`` opens without
    ever writing (a second copy of the app while another holds the file).

    ``integrity``: SQLite's whole-file check too (True), not now (False: the caller runs it,
    as the app does in the background), or when due (None, the default: once a day and after
    an unclean shutdown, :mod:`supervisor_app.check_state`); ``on_full_check(reason)`` is
    called before a due one starts (the command line says why it takes a moment). A throwaway
    database (``remember=False``: the self-test's, the demo's) is checked whole at every open
    and leaves nothing in the user's data folder.

    A file that cannot be written (a read-only disk, a write-protected folder or file) is
    refused with a :class:`DatabaseError` of kind ``read-only`` that says so, unless the caller
    is only ``reading``: then it is opened read-only.
    """
    url = resolve_database(target)
    if not url.startswith("sqlite:"):
        make_engine(url)  # refuses another kind of database, plainly
    database = url_database(url)
    if database:
        refuse_dangling_link(Path(database))
    path = Path(database).resolve() if database else None
    if path is not None and not readonly and not reading:
        from supervisor_app.fileops import location_problem

        network = location_problem(path)  # SQLite's locking over SMB/NFS is unreliable: refused
        if network is not None:
            raise DatabaseError(network, kind="network", path=path)
    if path is None:
        check = FileCheck(False, None, False)
    elif remember:
        check = _checked(path, integrity, on_full_check)
    else:
        check = check_file(path, integrity=integrity is not False)
    why = read_only_reason(path) if path is not None and not readonly else None
    if why is not None:
        if not check.has_data:
            raise DatabaseError(f"{path} cannot be created: {why}.", kind="read-only", path=path)
        if check.revision != head_revision():
            raise DatabaseError(
                f"{path.name} needs an upgrade to be opened by this version, and {why}. Copy it to a "
                "folder you can write to and open the copy.",
                kind="read-only",
                path=path,
            )
        if not reading:
            raise DatabaseError(
                f"{path} cannot be changed: {why}. It can be read (list, progress, verify), but "
                "nothing can be saved to it; copy it to a folder you can write to to work on it.",
                kind="read-only",
                path=path,
            )
        readonly = True
    if readonly:
        if path is None or not check.exists:
            raise DatabaseError(f"{target} does not exist, so it cannot be opened read-only.", kind="other")
        if check.revision != head_revision():
            raise DatabaseError(
                f"{path.name} needs an upgrade, which cannot happen while another copy of the app has it open.",
                kind="other",
                path=path,
            )
        return Database(url=url, readonly=True)
    if path is not None:
        try:
            private_folder(path.parent)
            if not check.exists:
                private(path)  # before SQLite creates it (0644), and its -wal and -shm with it
        except OSError as exc:
            raise DatabaseError(
                f"{path} cannot be opened or created ({exc.strerror or exc}).",
                kind="other",
                path=path,
            ) from exc
    if not (migrate and check.revision != head_revision()):  # nothing to do before the first query
        return Database(url=url)._marked(path, reading or not remember)
    engine = make_engine(url)
    if migrate and check.revision != head_revision():
        if check.has_data and backup_before_migration and path is not None:
            from supervisor_app.services.backup import backup_file

            backup_file(path, reason="before-upgrade")
        try:
            upgrade(engine)
        except Exception:
            engine.dispose()
            raise
    return Database(url=url, engine=engine)._marked(path, reading or not remember)


def _checked(path: Path, integrity: bool | None, on_full_check: Callable[[str], None] | None) -> FileCheck:
    """:func:`check_file` with the whole-file check when ``integrity`` says so, or (None) when
    it is due; a pass is recorded outside the file."""
    from supervisor_app import check_state

    due = None
    if integrity is None and path.is_file() and path.stat().st_size > 0:
        due = check_state.full_check_due(path)
    full = bool(integrity) or due is not None
    if not full:
        return check_file(path, integrity=False)
    stale = check_state.stale_markers(path)
    if due is not None and on_full_check is not None:
        on_full_check(due)
    started = dt.datetime.now(dt.UTC)
    try:
        check = check_file(path, integrity=True)
    except DatabaseError as exc:
        if exc.kind == "damaged":
            check_state.forget_full_check(path)
        raise
    if check.has_data:
        check_state.record_full_check(path, started=started, stale=stale)
    return check


@contextmanager
def temporary_database() -> Iterator[Database]:
    """A throwaway database in a temporary folder (demo mode, self-test)."""
    from supervisor_app.fileops import temporary_folder

    with temporary_folder("supervisor_app-") as folder:
        db = open_database(folder / "demo.db", remember=False)
        try:
            yield db
        finally:
            db.close()
