"""Opening a database: where it lives, how SQLite is set up, migrations, the unit of work.

SQLAlchemy is imported when an engine is first needed, not to open a file: the first window
(sign-in, the supervisee names) reads through plain SQLite (:meth:`UnitOfWork.rows`), so it
shows before SQLAlchemy (a fifth of a second) and its ORM are imported.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported with the first engine / ORM query, not to open a file (start-up time)
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

from supervisor_app.i18n import _
from supervisor_app.storage import (
    BUSY_TIMEOUT_MS,
    DatabaseError,
    FileCheck,
    backup_file,
    check_file,
    connect_readonly,
    head_revision,
    private,
    private_folder,
    read_only_reason,
    user_data_dir,
)

ENV_DB = "SUPERVISOR_APP_DB"


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
            _(
                "{link} is a symbolic link to {target}, which does not exist (a disk not connected, or a "
                "folder moved?). Nothing was created; give the database's real location."
            ).format(link=link, target=os.readlink(link)),
            kind="other",
            path=path,
        )


def path_url(path: Path) -> str:
    """The SQLAlchemy URL of a database file. SQLAlchemy reads '?' as the start of options and
    decodes %XX in the path, so those two characters are encoded (a folder may be named
    "What?" or "100%")."""
    return "sqlite:///" + str(path).replace("%", "%25").replace("?", "%3F")


def is_postgres(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL server (the agency database), not a SQLite file."""
    return url.startswith("postgresql")


def url_database(url: str) -> str | None:
    """The file of a SQLite URL (``sqlite:///path`` -> ``path``); None for an in-memory one,
    and for a database on a server (PostgreSQL: no file here).

    SQLite URLs are read here without importing SQLAlchemy; anything else goes to its parser.
    """
    if url.startswith("sqlite:///") and "?" not in url and "%" not in url:
        database = url[len("sqlite:///") :]
        return database if database and database != ":memory:" else None
    if url in ("sqlite://", "sqlite:///") or is_postgres(url):
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


# REPEATABLE READ: a long read (verify, the overview) sees one snapshot, as a deferred BEGIN
# does on SQLite, not each statement the commits made since the one before. The first
# statement of every reading transaction on the agency database.
READ_ONLY_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"


def _read_only_transaction(conn: Any) -> None:
    conn.exec_driver_sql(READ_ONLY_SNAPSHOT)


# The agency database's write lock (an advisory lock, held until the transaction ends): the
# counterpart of SQLite's BEGIN IMMEDIATE. Writers read a head and write after it (the sign-off
# chain's next seq, the audit and print trails' next id and hash); under READ COMMITTED two
# interleaved would fork the chain, so they queue here instead. Beyond 2**32: no lock keyed by
# a 32-bit hash (hashtext) can be this one. A writer waits for it as long as SQLite's
# busy_timeout lets one wait for BEGIN IMMEDIATE, then fails (lock_timeout) instead of hanging.
WRITE_LOCK = 0x5_5350_0017


def _write_lock(conn: Any) -> None:
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}")
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


_before_first_engine: list[Callable[[], None]] | None = []  # None once an engine was made


def before_first_engine(hook: Callable[[], None]) -> None:
    """Call ``hook()`` before this process makes its first SQLAlchemy engine here (now, if it
    has made one): how a layer above listens to every engine's events without importing
    SQLAlchemy in a process that never makes an engine (:mod:`supervisor_app.services.verified`;
    a ``progress`` on a SQLite file reads by plain SQL alone, issue 19)."""
    if _before_first_engine is None:
        hook()
    else:
        _before_first_engine.append(hook)


def _engine_coming() -> None:
    global _before_first_engine
    hooks, _before_first_engine = _before_first_engine, None
    for hook in hooks or ():
        hook()


def make_engine(url: str, *, readonly: bool = False, deferred_begin: bool = False) -> Engine:
    _engine_coming()
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        from supervisor_app.agency_schema import refuse_unless_postgres

        refuse_unless_postgres(url)
        # No PRAGMAs, no BEGIN IMMEDIATE: the server queues writers itself. pool_pre_ping: a
        # connection the server (or the network) dropped is replaced, not handed out broken.
        engine = create_engine(url, pool_pre_ping=True)
        if readonly or deferred_begin:
            event.listen(engine, "begin", _read_only_transaction)
        else:
            event.listen(engine, "begin", _write_lock)
        return engine
    if parsed.get_backend_name() != "sqlite":
        raise DatabaseError(
            _("Only SQLite databases are supported, not {backend}.").format(backend=parsed.get_backend_name())
        )
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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest this version knows)."""
    from alembic import command

    # One transaction for the whole upgrade: a crash half-way leaves the old schema intact.
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


# --------------------------------------------------------------------------------------------
# The database handle and unit of work

_profiles_loader: Callable[[], Any] | None = None


def provide_profiles(loader: Callable[[], Any]) -> None:
    """Say where the credential profiles (the domain's registry) come from: ``loader()``
    returns them, called the first time each database's :attr:`Database.profiles` is read.

    This layer knows nothing of the domain: whoever assembles the app hands the loader over
    once at start (:func:`supervisor_app.cli.main`, for the command line and the window; a
    test's set-up), usually :func:`supervisor_app.usecases.opening.load_profiles`.
    """
    global _profiles_loader
    _profiles_loader = loader


class Database:
    """An open, migrated database. Its SQLAlchemy engines are made when first used.

    On the agency database (a ``postgresql+psycopg://`` URL) there is no file: no file checks,
    no PRAGMAs, no lock file, no open marker and no backups (the server and its IT person look
    after those); :attr:`path` is None.
    """

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
    def is_postgres(self) -> bool:
        return is_postgres(self.url)

    @property
    def path(self) -> Path | None:
        database = url_database(self.url)
        return Path(database) if database else None

    def engine_for(self, *, reading: bool = False) -> Engine:
        """The engine a unit of work uses: the main one (``BEGIN IMMEDIATE``) for writes, a
        second one with plain deferred ``BEGIN`` and ``query_only`` for ``reading``."""
        if not reading or self.readonly:
            return self.engine
        if self._read_engine is None and self.is_postgres:
            self._read_engine = make_engine(self.url, readonly=True)  # SET TRANSACTION READ ONLY
        if self._read_engine is None:
            _engine_coming()
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
        """The credential profiles in force, from the loader the app's assembler handed over
        (:func:`provide_profiles`), loaded the first time they are read."""
        if _profiles_loader is None:
            raise RuntimeError(
                "no credential profiles were handed to the database layer: whatever starts the app "
                "(the command line, the window, a test's set-up) calls db.provide_profiles(...) first"
            )
        return _profiles_loader()

    def uow(self, actor: str = "system", *, reading: bool = False, plain: bool = False) -> UnitOfWork:
        """A unit of work; ``reading=True`` for one that only reads (it cannot write).
        ``plain`` (with ``reading``, on a SQLite file): :meth:`UnitOfWork.raw` is a sqlite3
        connection of its own, no SQLAlchemy engine under it, for a process that reads once
        (the command line's ``progress``); nothing it verifies is remembered
        (:mod:`~supervisor_app.services.verified` watches engines)."""
        return UnitOfWork(self, actor=actor, reading=reading, plain=plain)

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

    def __init__(self, db: Database, *, actor: str, reading: bool = False, plain: bool = False) -> None:
        self.db = db
        self.actor = actor
        self.reading = reading
        self.plain = plain and reading and not db.is_postgres and db.path is not None
        self._session: Session | None = None
        self._connection: Connection | None = None
        self._raw: sqlite3.Connection | None = None
        self._afterwards: list[Callable[[UnitOfWork], None]] = []

    def __enter__(self) -> UnitOfWork:
        return self

    @property
    def session(self) -> Session:
        if self._session is None:
            if self._connection is None and self.plain and self._raw is not None:
                self._join_raw()
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
        if self._connection is None and self.plain and self._raw is not None:
            self._join_raw()
        if self._connection is None:
            self._connection = self.db.engine_for(reading=self.reading).connect()
            self._connection.begin()
        return self._connection

    @property
    def plain_only(self) -> bool:
        """Whether this unit of work has read by plain SQL alone, no SQLAlchemy under it."""
        return self.plain and self._session is None and self._connection is None

    def _own_connection(self) -> sqlite3.Connection:
        """The unit of work's own read-only SQLite connection, in a transaction (one snapshot
        until the end), made before anything asks for SQLAlchemy."""
        if self._raw is None:
            path = self.db.path
            assert path is not None
            raw = connect_readonly(path)
            raw.isolation_level = None
            raw.execute("BEGIN")
            self._raw = raw
        return self._raw

    def _join_raw(self) -> None:
        """A plain unit of work asked for the ORM or Core after reading by plain SQL: they run
        on its own connection, in the transaction (the snapshot) the plain reads began."""
        _engine_coming()
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        # SQLAlchemy's checks of a new engine's first connection end with a ROLLBACK: they run on
        # a throwaway in-memory connection, then the engine hands out this unit of work's own.
        given = [self._raw, sqlite3.connect(":memory:")]
        # No file in the URL: nothing is remembered for it (services.verified keys proofs by file).
        engine = create_engine("sqlite://", creator=given.pop, poolclass=NullPool)
        engine.connect().close()
        self._connection = engine.connect()
        self._connection.begin()  # pysqlite's BEGIN is left to the driver: the one open goes on

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Plain SQL (``?`` parameters) for the reads that must not even import SQLAlchemy: what
        the first window shows. In the unit of work's transaction once it has one; before
        that, on a read-only SQLite connection of its own (one snapshot until the end). On
        PostgreSQL the ``?`` become psycopg's ``%s`` (the SQL given here has no ``?``, ``%``
        in its text)."""
        path = self.db.path
        if self._session is not None or self._connection is not None or path is None:
            connection = self.connection()
            if connection.dialect.paramstyle != "qmark":
                sql = pyformat(sql)
            return [tuple(row) for row in connection.exec_driver_sql(sql, tuple(params))]
        return self._own_connection().execute(sql, tuple(params)).fetchall()

    @contextmanager
    def without_automatic_indexes(self) -> Iterator[None]:
        """SQLite's planner without automatic indexes for the block (put back after; nothing on
        the agency database). Over a whole table, the "set aside" subquery of the totals and of
        an import's overlap checks (``canonical.set_aside_sql``) made SQLite build a temporary
        index over every record on each query (2.2 s an import chunk at scale 1, ~7 CPU s of the
        whole agency's totals), where the tables' own indexes answer it."""
        conn = self.raw()
        if not isinstance(conn, sqlite3.Connection):
            yield
            return
        before = conn.execute("PRAGMA automatic_index").fetchone()[0]
        conn.execute("PRAGMA automatic_index = OFF")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA automatic_index = {int(before)}")

    def raw(self) -> sqlite3.Connection | RawConnection:
        """The driver connection under the unit of work's transaction (same snapshot, same
        lock), for plain SQL with ``?`` parameters: on SQLite, sqlite3's connection itself; on
        PostgreSQL, a :class:`RawConnection` over psycopg's, whose rows hold the values as
        SQLite returns them (what the content and chain hashes are computed from). A
        ``plain`` unit of work's own connection until something asks for SQLAlchemy."""
        if self.plain_only:
            return self._own_connection()
        driver = self.session.connection().connection.driver_connection
        if isinstance(driver, sqlite3.Connection):
            return driver
        return RawConnection(driver)

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
        afterwards, self._afterwards = self._afterwards, []
        for write in afterwards:
            with self.db.uow(self.actor) as short:
                write(short)
                short.commit()

    def afterwards(self, write: Callable[[UnitOfWork], None]) -> None:
        """Make ``write`` in a short unit of work of its own, committed, once this one has
        ended, whether it committed or rolled back: what must be kept even though the action
        fails (a wrong password counted), without anything the action staged riding along."""
        self._afterwards.append(write)

    def commit(self) -> None:
        if self._session is not None:
            self._session.commit()
        if self._connection is not None:
            self._connection.commit()

    def flush(self) -> None:
        self.session.flush()


# --------------------------------------------------------------------------------------------
# Plain SQL on PostgreSQL as on SQLite (docs/AGENCY-DB.md, "The one adapter")

# SQLAlchemy's SQLite storage formats (DATETIME, TIME): the text a SQLite file holds.
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"
_SQLITE_TIME = "%H:%M:%S.%f"


def _as_sqlite_datetime(value: dt.datetime) -> str:
    if value.tzinfo is not None:  # stored naive-UTC, as UTCDateTime stores it on SQLite
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime(_SQLITE_DATETIME)


def _as_sqlite_decimal(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# By exact type (bool before int: SQLite has no booleans, it returns 0 and 1).
_AS_SQLITE: dict[type, Callable[[Any], Any]] = {
    dt.datetime: _as_sqlite_datetime,
    dt.date: dt.date.isoformat,
    dt.time: lambda value: value.strftime(_SQLITE_TIME),
    Decimal: _as_sqlite_decimal,
    bool: int,
    memoryview: bytes,
}


def as_sqlite_row(row: Sequence[Any]) -> tuple[Any, ...]:
    """A PostgreSQL row with each value as SQLite returns it (dates, times and timestamps as
    SQLAlchemy's SQLite text, integral numerics as int, booleans as 0/1)."""
    convert = _AS_SQLITE.get
    return tuple(v if (c := convert(type(v))) is None else c(v) for v in row)


@lru_cache(maxsize=1024)
def pyformat(sql: str) -> str:
    """SQLite's ``?`` parameters as psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class RawCursor:
    """psycopg's cursor, its rows as :func:`as_sqlite_row` makes them."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def fetchall(self) -> list[tuple[Any, ...]]:
        return [as_sqlite_row(row) for row in self._cursor.fetchall()]

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cursor.fetchone()
        return None if row is None else as_sqlite_row(row)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return (as_sqlite_row(row) for row in self._cursor)

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)


class RawConnection:
    """The ``sqlite3.Connection`` surface the raw SQL uses (``execute(sql, params)`` with
    ``?``, then ``fetchall``/``fetchone``/iteration) over the psycopg connection of a unit of
    work's transaction."""

    text_factory: Any = str  # PostgreSQL enforces UTF-8: nothing to read leniently

    def __init__(self, connection: Any) -> None:
        import psycopg

        self.connection = connection
        # The DB-API's exceptions as attributes, as sqlite3's connection has them
        # (``except conn.OperationalError``).
        self.Error = psycopg.Error
        self.DatabaseError = psycopg.DatabaseError
        self.OperationalError = psycopg.OperationalError
        self.ProgrammingError = psycopg.ProgrammingError

    def execute(self, sql: str, params: Sequence[Any] = ()) -> RawCursor:
        return RawCursor(self.connection.execute(pyformat(sql), tuple(params)))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(pyformat(sql), [tuple(row) for row in rows])


def open_reader(db: Database) -> Database:
    """Another handle on ``db``'s file whose transactions are plain (deferred) ``BEGIN``s.

    The main handle starts every transaction with ``BEGIN IMMEDIATE`` (the write lock), which
    is right for writes but would make a long read block the user's next save. In WAL mode a
    deferred transaction reads one consistent snapshot without blocking writers.
    """
    return Database(url=db.url, readonly=True, deferred_begin=True)


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
    if is_postgres(url):
        return _open_agency_database(url)
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
            raise DatabaseError(
                _("{path} cannot be created: {why}.").format(path=path, why=why), kind="read-only", path=path
            )
        if check.revision != head_revision():
            raise DatabaseError(
                _(
                    "{name} needs an upgrade to be opened by this version, and {why}. Copy it to a "
                    "folder you can write to and open the copy."
                ).format(name=path.name, why=why),
                kind="read-only",
                path=path,
            )
        if not reading:
            raise DatabaseError(
                _(
                    "{path} cannot be changed: {why}. It can be read (list, progress, verify), but "
                    "nothing can be saved to it; copy it to a folder you can write to to work on it."
                ).format(path=path, why=why),
                kind="read-only",
                path=path,
            )
        readonly = True
    if readonly:
        if path is None or not check.exists:
            raise DatabaseError(
                _("{target} does not exist, so it cannot be opened read-only.").format(target=target),
                kind="other",
            )
        if check.revision != head_revision():
            raise DatabaseError(
                _(
                    "{name} needs an upgrade, which cannot happen while another copy of the app has it open."
                ).format(name=path.name),
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
                _("{path} cannot be opened or created ({reason}).").format(
                    path=path, reason=exc.strerror or exc
                ),
                kind="other",
                path=path,
            ) from exc
    if not (migrate and check.revision != head_revision()):  # nothing to do before the first query
        return Database(url=url)._marked(path, reading or not remember)
    engine = make_engine(url)
    if migrate and check.revision != head_revision():
        if check.has_data and backup_before_migration and path is not None:
            backup_file(path, reason="before-upgrade")
        try:
            upgrade(engine)
        except Exception:
            engine.dispose()
            raise
    return Database(url=url, engine=engine)._marked(path, reading or not remember)


def _open_agency_database(url: str) -> Database:
    """The agency database on PostgreSQL, as :func:`create_agency_schema` made it: no file
    checks, backups or migrations here (the IT person runs ``init`` as the owner role); a
    schema not at this version's head is refused, and so is one whose triggers, functions or
    tables differ from what ``init`` makes (:func:`agency_schema.differences`, at every open).

    Both checks read one snapshot on one read-only connection taken straight from the pool:
    no transaction of the engine's, so neither the write lock (an open never waits for a
    writer) nor the proof cache's start (which would run the schema check a second time)."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    from supervisor_app.agency_schema import refuse_if_altered

    engine = make_engine(url)
    try:
        raw = engine.raw_connection()
        try:
            conn = raw.driver_connection
            conn.execute(READ_ONLY_SNAPSHOT)
            revision = None
            if conn.execute("SELECT to_regclass('alembic_version')").fetchone()[0] is not None:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            if revision != head_revision():
                raise DatabaseError(
                    _(
                        "The agency database is at schema revision {found}, not {head} as this version "
                        "needs: the IT person runs init (as the owner role) to create or upgrade it."
                    ).format(found=revision or _("none"), head=head_revision()),
                    kind="other",
                )
            refuse_if_altered(conn)  # protections dropped, disabled or changed, or objects added
        finally:
            raw.close()  # back to the pool, its read-only transaction rolled back
    except (OperationalError, psycopg.OperationalError) as exc:
        engine.dispose()
        reason = exc.orig if isinstance(exc, OperationalError) else exc
        raise DatabaseError(
            _("The agency database cannot be reached: {reason}").format(reason=str(reason).strip()),
            kind="other",
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(url=url, engine=engine)


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
