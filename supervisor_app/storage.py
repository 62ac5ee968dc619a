"""Database files below the database layer: where they live, private files and folders, a
read-only look at a file (:func:`check_file`), the migrations' revisions read from their
headers, and backups (SQLite's online backup API, rotated).

Nothing here opens a unit of work or knows the domain: :mod:`supervisor_app.db` (the engine,
migrations, the unit of work) builds on it, and restoring with its audit is a use case
(:mod:`supervisor_app.usecases.backups`).

Automatic backups go to ``<user data dir>/backups/<database name>-<hash of its path>/`` so
two databases never share a rotation. Kept: the newest backup of each of the last 14 days
that have one, and the newest of each of the last 12 months.

A copy is written under a temporary name that carries the writing process's id
(``<name>.<pid>.partial``, ``<database>.<pid>.restoring``) and renamed when complete, so a
half-written copy never has a real name; what a killed process left is deleted by
:func:`clean_leftovers` at the next start. Backups hold names, contacts and supervision
topics: they are created readable by their owner only (see :func:`private`).

Every rename and delete goes through :mod:`supervisor_app.fileops` (connections closed first,
retried while antivirus or a sync client holds the file on Windows, then a plain message).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import sys
import tempfile
import threading
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from supervisor_app import APP_NAME, schema_check
from supervisor_app.fileops import remove_file, replace_file
from supervisor_app.i18n import _

BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be used; the message says why in plain words.

    ``kind`` is one of ``damaged`` (corrupt, not a database, missing tables: offer to restore
    the newest backup), ``newer`` (made by a newer version), ``unreadable``, ``read-only`` (it
    cannot be written: a read-only disk, a write-protected folder or file), ``storage`` (the disk
    failed or filled up part-way; nothing was changed), ``network`` (on a network drive, where
    SQLite's locking is unreliable: :mod:`supervisor_app.fileops`), ``busy`` (the agency
    database's write lock held by another writer too long: try again later) or ``other``.
    """

    def __init__(self, message: str, *, kind: str = "other", path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path

    @property
    def offer_restore(self) -> bool:
        return self.kind in ("damaged", "unreadable")


def server_lost(exc: BaseException) -> bool:
    """Whether ``exc`` says the agency database's server cannot be reached (stopped, restarted,
    the network down): psycopg's connection errors (SQLSTATE class 08, operator intervention
    57P, or none: it never answered), not a refusal of the statement. The one rule of the app
    window and the command line."""
    if getattr(exc, "connection_invalidated", False):  # SQLAlchemy saw the connection die
        return True
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    psycopg = sys.modules.get("psycopg")  # imported only when on the agency database
    if psycopg is None or not isinstance(cause, psycopg.OperationalError):
        return False
    state = getattr(cause, "sqlstate", None)
    return state is None or state.startswith(("08", "57P"))


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
    publish_staged(stage_private(path, data), path)


def stage_private(path: Path, data: bytes) -> Path:
    """``data`` in a private temporary file beside ``path``, flushed to disk: the first half of
    :func:`write_private`, for a caller with something to do (a commit) before
    :func:`publish_staged` gives it its name. A folder that cannot be written fails here."""
    from supervisor_app.fileops import remove_file

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            remove_file(Path(tmp), delays=())
        raise
    return Path(tmp)


def publish_staged(staged: Path, path: Path) -> None:
    """Rename ``staged`` (:func:`stage_private`) over ``path``; on failure it is removed."""
    from supervisor_app.fileops import remove_file, replace_file

    try:
        replace_file(staged, path)  # waits while a viewer or antivirus holds the old file (Windows)
    except BaseException:
        with suppress(OSError):
            remove_file(staged, delays=())
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
            return _("the disk it is on is read-only")
    except (AttributeError, OSError):  # no statvfs (Windows)
        pass
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return _("the folder {folder} cannot be written").format(folder=folder)
    if path.exists() and not os.access(path, os.W_OK):
        return _("the file cannot be written")
    return None


def connect_readonly(path: Path, **kwargs: Any) -> sqlite3.Connection:
    """A read-only SQLite connection to ``path`` (through :func:`readonly_uri`); ``kwargs`` go
    to :func:`sqlite3.connect` (default timeout: the busy timeout)."""
    kwargs.setdefault("timeout", BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(readonly_uri(path), uri=True, **kwargs)


# --------------------------------------------------------------------------------------------
# The migrations' revisions, read from the files

_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([\w-]+|None)['\"]?\s*$", re.MULTILINE)


@cache
def revision_graph() -> dict[str, str | None]:
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
    graph = revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(revision_graph())


def required_tables(revision: str) -> frozenset[str]:
    """The tables a database at ``revision`` must hold: read from the schema the migrations
    make (``migrations/schema.json``, written from the models), not a list kept by hand."""
    expected = schema_check.expected_schema(revision) or {}
    return frozenset(
        name for kind, name, *__ in expected.values() if kind == "table" and name != "alembic_version"
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
        return _("the file is cut short ({size} bytes of the {expected} its header counts)").format(
            size=f"{size:,}", expected=f"{pages * page_size:,}"
        )
    return None


def _check_file(path: Path, *, integrity: bool, cancelled: threading.Event | None = None) -> FileCheck:
    name = path.name
    if not os.access(path, os.R_OK):
        raise DatabaseError(
            _("{path} cannot be read (permission denied).").format(path=path), kind="unreadable", path=path
        )
    problem = _header_problem(path)
    if problem is not None:
        raise DatabaseError(
            _(
                "{name} is damaged: {problem}. It was not changed. You can restore the newest backup instead."
            ).format(name=name, problem=problem),
            kind="damaged",
            path=path,
        )
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise DatabaseError(
            _("{path} cannot be opened ({reason}).").format(path=path, reason=exc),
            kind="unreadable",
            path=path,
        ) from exc
    try:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(
                _(
                    "{name} is not a supervisor_app database, or it is damaged ({reason}). "
                    "It was not changed. You can restore the newest backup instead."
                ).format(name=name, reason=exc),
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
                    _(
                        "{name} is damaged (SQLite integrity check: {answer}). "
                        "It was not changed. You can restore the newest backup instead."
                    ).format(name=name, answer=result[0] if result else _("no answer")),
                    kind="damaged",
                    path=path,
                )
        if "alembic_version" not in tables:
            if tables:
                raise DatabaseError(
                    _(
                        "{name} is a SQLite file, but not a supervisor_app database (it has other tables). "
                        "It was not changed."
                    ).format(name=name),
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
            _(
                "{name} was made by a newer version of supervisor_app (schema {revision}). "
                "Install the newer version to open it; the file was not changed."
            ).format(name=name, revision=revision),
            kind="newer",
            path=path,
        )
    if revision == head_revision():
        missing = required_tables(revision) - tables
        if missing:
            raise DatabaseError(
                _(
                    "{name} is damaged: tables are missing ({tables}). "
                    "It was not changed. You can restore the newest backup instead."
                ).format(name=name, tables=", ".join(sorted(missing))),
                kind="damaged",
                path=path,
            )
    if altered and revision is not None:
        raise DatabaseError(schema_check.message(name, revision, altered), kind="damaged", path=path)
    return FileCheck(exists=True, revision=revision, has_data=True)


# --------------------------------------------------------------------------------------------
# Backups

KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_SAFETY = 5
SAFETY_REASONS = ("before-upgrade", "before-restore")
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[a-z-]+))?\.db$")


class BackupStopped(Exception):
    """A backup stopped half-way because the app is quitting; nothing was kept."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # UTC
    reason: str
    size: int


def backup_dir_for(database: Path) -> Path:
    database = database.resolve()
    digest = hashlib.sha256(str(database).encode("utf-8")).hexdigest()[:10]
    return user_data_dir() / "backups" / f"{database.stem}-{digest}"


def copy_database(source: Path, dest: Path, *, cancelled: threading.Event | None = None) -> Path:
    """A consistent copy of ``source`` (even while others write to it), via the backup API.
    Setting ``cancelled`` stops it within a few thousand pages: :class:`BackupStopped`, and
    nothing is left behind."""

    def step(_status: int, _remaining: int, _total: int) -> None:
        if cancelled is not None and cancelled.is_set():
            raise BackupStopped(f"the backup of {source.name} was stopped")

    private_folder(dest.parent)
    tmp = staging_path(dest, "partial")
    src = connect_readonly(source)
    try:
        private(tmp)
        out = sqlite3.connect(tmp)
        try:
            src.backup(out, pages=4096, progress=step)
            out.execute("PRAGMA journal_mode = DELETE")  # a backup is a single self-contained file
        finally:
            out.close()
    except BaseException:
        src.close()
        for leftover in (tmp, *(Path(f"{tmp}{suffix}") for suffix in _COMPANIONS)):
            with suppress(OSError):  # a full disk leaves a hot -journal too
                remove_file(leftover, delays=())
        raise
    # Never leave a half-written backup under a real name; both files closed first (Windows).
    try:
        replace_file(tmp, dest, close=[src])
    except OSError:
        with suppress(OSError):
            remove_file(tmp, delays=())
        raise
    return dest


def staging_path(dest: Path, what: str) -> Path:
    """Where ``dest`` is written before it is complete: tagged with this process's id."""
    return dest.with_name(f"{dest.name}.{os.getpid()}.{what}")


_COMPANIONS = ("-journal", "-wal", "-shm")
_LEFTOVER = re.compile(r"\.(?:(?P<pid>\d+)\.)?(?:partial|restoring)(?:-journal|-wal|-shm)?$")
UNTAGGED_LEFTOVER_AGE = dt.timedelta(hours=1)  # a copy from before the names carried a pid


def clean_leftovers(database: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete what a killed or failed backup or restore of ``database`` left: partial copies
    in its backup folder and beside it, and a ``.restoring`` copy beside it, whose process is
    gone. Returns what was deleted. A copy another process is still writing is left alone."""
    from supervisor_app.lockfile import process_alive

    now = now or dt.datetime.now(dt.UTC)
    database = database.resolve()
    candidates: list[Path] = []
    for folder, pattern in ((backup_dir_for(database), "*"), (database.parent, f"{database.stem}*")):
        if folder.is_dir():
            candidates.extend(p for p in folder.glob(pattern) if _LEFTOVER.search(p.name))
    deleted = []
    for path in candidates:
        pid = _LEFTOVER.search(path.name)["pid"]  # type: ignore[index]
        try:
            if pid is not None:
                if int(pid) != os.getpid() and process_alive(int(pid)):
                    continue
            else:
                age = now - dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
                if age < UNTAGGED_LEFTOVER_AGE:
                    continue
            remove_file(path, missing_ok=False, delays=())  # held: left for the next start
        except OSError:
            continue
        deleted.append(path)
    return deleted


def backup_file(
    database: Path,
    *,
    reason: str = "manual",
    now: dt.datetime | None = None,
    cancelled: threading.Event | None = None,
) -> Path:
    """Take a rotated automatic backup of ``database``; returns the backup's path."""
    now = now or dt.datetime.now(dt.UTC)
    folder = backup_dir_for(database)
    stamp = now.astimezone(dt.UTC)
    dest = folder / f"{stamp.strftime('%Y%m%d-%H%M%S')}-{reason}.db"
    while dest.exists():  # two backups in the same second: the later one takes the next second
        stamp += dt.timedelta(seconds=1)
        dest = folder / f"{stamp.strftime('%Y%m%d-%H%M%S')}-{reason}.db"
    copy_database(database, dest, cancelled=cancelled)
    for ours in (folder.parent, folder):  # made by an older version for everyone to read: ours only
        with suppress(OSError):
            if ours.stat().st_mode & 0o077:
                ours.chmod(0o700)
    rotate(folder)
    return dest


def list_backups(database: Path) -> list[BackupInfo]:
    """Automatic backups of ``database``, newest first."""
    folder = backup_dir_for(database)
    found = []
    if folder.is_dir():
        for path in folder.glob("*.db"):
            match = _NAME.match(path.name)
            if not match:
                continue
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
            found.append(BackupInfo(path, taken, match["reason"] or "", path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def rotate(folder: Path) -> list[Path]:
    """Delete backups beyond 14 daily and 12 monthly; returns what was deleted."""
    infos = []
    for path in folder.glob("*.db"):
        match = _NAME.match(path.name)
        if match:
            infos.append((dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), path))
    infos.sort(reverse=True)
    keep: set[Path] = set()
    # Safety copies taken before an upgrade or a restore are kept apart from the daily rotation
    # (the newest few of each), so a daily backup the same day never pushes them out.
    for reason in SAFETY_REASONS:
        keep.update([path for _taken, path in infos if path.stem.endswith(f"-{reason}")][:KEEP_SAFETY])
    days: list[dt.date] = []
    months: list[tuple[int, int]] = []
    for taken, path in infos:
        if taken.date() not in days and len(days) < KEEP_DAILY:
            days.append(taken.date())
            keep.add(path)
        month = (taken.year, taken.month)
        if month not in months and len(months) < KEEP_MONTHLY:
            months.append(month)
            keep.add(path)
    deleted = []
    for _taken, path in infos:
        if path not in keep:
            try:
                remove_file(path)
            except OSError:  # held even after waiting: the next backup's rotation deletes it
                continue
            deleted.append(path)
    return deleted


def daily_backup(
    database: Path, *, now: dt.datetime | None = None, cancelled: threading.Event | None = None
) -> Path | None:
    """Back up once a day (at start): does nothing if today's backup exists or the file is new.
    ``cancelled``: see :func:`copy_database` (a stopped one is taken again at the next start)."""
    now = now or dt.datetime.now(dt.UTC)
    if not database.exists() or database.stat().st_size == 0:
        return None
    clean_leftovers(database, now=now)
    latest = list_backups(database)
    if latest and latest[0].taken_at.date() == now.date():
        return None
    return backup_file(database, reason="daily", now=now, cancelled=cancelled)
