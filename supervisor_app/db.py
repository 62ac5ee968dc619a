"""Opening a database: where it lives, how SQLite is set up, migrations, the unit of work."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from supervisor_app import APP_NAME

ENV_DB = "SUPERVISOR_APP_DB"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be used; the message says why in plain words."""


def user_data_dir() -> Path:
    """The per-user folder for the default database, backups and profile overrides."""
    from platformdirs import user_data_dir as _user_data_dir

    override = os.environ.get("SUPERVISOR_APP_DATA_DIR")
    return Path(override) if override else Path(_user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "supervisor.db"


def resolve_database(target: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from ``--db`` (path or URL), else $SUPERVISOR_APP_DB, else the default."""
    chosen = target if target not in (None, "") else os.environ.get(ENV_DB) or None
    if chosen is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    chosen = os.fspath(chosen)
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


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


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise DatabaseError(f"only SQLite databases are supported, not {parsed.get_backend_name()}")
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite)
    if not readonly:
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


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    head = script.get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
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


@dataclass
class Database:
    """An open, migrated database."""

    url: str
    engine: Engine
    readonly: bool = False

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        database = make_url(self.url).database
        return Path(database) if database and database != ":memory:" else None

    def session(self) -> Session:
        return self._sessions()

    @cached_property
    def profiles(self):  # type: ignore[no-untyped-def]
        """The credential profiles in force (shipped, overridden by the user's folder)."""
        from supervisor_app.services.profiles import ProfileRegistry

        return ProfileRegistry.load(user_dir=user_data_dir() / "credentials")

    def uow(self, actor: str = "system") -> UnitOfWork:
        return UnitOfWork(self, actor=actor)

    def close(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """One user action: ``with db.uow(actor) as uow: ...; uow.commit()``.

    Anything not committed when the block ends is rolled back.
    """

    def __init__(self, db: Database, *, actor: str) -> None:
        self.db = db
        self.actor = actor
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self.db.session()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()


def open_database(target: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and upgrade the database at ``target``.

    Refuses, with a :class:`DatabaseError`, a file that is not a SQLite database or one made
    by a newer version of the app; neither is written to.
    """
    url = resolve_database(target)
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database, etc.
        engine.dispose()
        raise DatabaseError(
            f"{make_url(url).database} is not a supervisor_app database or is damaged ({exc.__class__.__name__})."
        ) from exc
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise DatabaseError(
            f"{make_url(url).database} was made by a newer version of supervisor_app "
            f"(schema {revision}). Install the newer version to open it; the file was not changed."
        )
    if migrate and revision != head_revision():
        upgrade(engine)
    return Database(url=url, engine=engine)


@contextmanager
def temporary_database() -> Iterator[Database]:
    """A throwaway database in a temporary folder (demo mode, self-test)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="supervisor_app-") as folder:
        db = open_database(Path(folder) / "demo.db")
        try:
            yield db
        finally:
            db.close()
