"""Opening a database for use: the lock file, read-only when another copy of the app holds
the file, the integrity check when due, the daily backup, and the credential profiles the
database layer is handed (:func:`load_profiles`).

Putting a backup in place of a file that cannot be opened is :func:`supervisor_app.usecases.backups.restore`.
The dialogs around these live in :mod:`supervisor_app.ui.database_opener`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from supervisor_app import check_state, storage
from supervisor_app.db import Database, is_postgres, open_database, resolve_database, url_database
from supervisor_app.i18n import _
from supervisor_app.lockfile import DatabaseLock, LockHolder
from supervisor_app.storage import DatabaseError, check_file

log = logging.getLogger(__name__)

LARGE_DATABASE_BYTES = 16 * 1024 * 1024
"""Above this size SQLite's integrity check and the daily backup at start run off the UI thread,
after the first window shows (each takes one to two seconds per GB); below it, both are done
before the first window shows, in a few milliseconds."""


@dataclass
class OpenedDatabase:
    """A database the app has open, with the lock file it holds (if any)."""

    db: Database
    lock: DatabaseLock | None = None  # ours: released on close
    holder: LockHolder | None = None  # another copy of the app holds the file: ``db`` is read-only
    notice: str = ""  # something to tell the supervisor once the app is up (a restore happened)
    check_later: bool = False  # a large file: its integrity check (when due) and backup run in the background
    full_check_due: str | None = None  # why SQLite's whole-file check is due (check_state), or None
    checking: bool = False  # that check is running in the background now
    cancel: threading.Event = field(default_factory=threading.Event)  # set: stop that check (quitting)

    @property
    def held_by(self) -> str:
        return self.holder.describe() if self.holder is not None else ""

    @property
    def path(self) -> Path | None:
        return self.db.path

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self.lock is not None:
                self.lock.release()


def database_path(target: str | os.PathLike[str] | None) -> Path | None:
    """The file ``target`` (``--db``, a chosen path, or the default) refers to; None for memory."""
    database = url_database(resolve_database(target))
    if not database:
        return None
    return Path(database).expanduser().resolve()


def open_for_app(target: str | os.PathLike[str] | None) -> OpenedDatabase:
    """Take the lock and open ``target``; read-only when another live copy of the app holds it.

    Raises :class:`DatabaseError` (the lock released) when the file cannot be used.
    """
    if is_postgres(resolve_database(target)):
        # The agency database (a director's desk): a server, not a file. No lock file (the
        # server serialises writers), no file check, no backup here (its administrator backs
        # it up); a server that cannot be reached is a DatabaseError that says so.
        return OpenedDatabase(open_database(target))
    path = database_path(target)
    if path is None:
        return OpenedDatabase(open_database(target))
    large = is_large(path)
    lock = DatabaseLock(path)
    holder = lock.acquire()
    try:
        # Every open makes the cheap checks (header, length, tables, schema, revision). SQLite's
        # page-by-page check, when due (once a day, after an unclean shutdown), reads the whole
        # file: a small one before the window, a large one in the background
        # (:func:`checks_after_opening`) instead of keeping the window waiting.
        due = check_state.full_check_due(path) if large else None
        db = open_database(path, readonly=holder is not None, integrity=False if large else None)
    except BaseException:
        lock.release()
        raise
    if holder is not None:
        return OpenedDatabase(db, None, holder, check_later=large, full_check_due=due)
    return OpenedDatabase(db, lock, check_later=large, full_check_due=due)


def is_large(path: Path) -> bool:
    try:
        return path.stat().st_size > LARGE_DATABASE_BYTES
    except OSError:
        return False


def daily_backup_at_start(opened: OpenedDatabase) -> None:
    """Once a day, a rotated backup of a small database this copy of the app holds (a large one
    is backed up by :func:`checks_after_opening`). A failed backup is logged and never stops
    the app from opening."""
    path = opened.path
    if path is None or opened.check_later or not _holds(opened):
        return
    _daily_backup(path)


def checks_after_opening(opened: OpenedDatabase) -> DatabaseError | None:
    """For a large file, off the UI thread once the app is up: SQLite's integrity check that
    opening left out, when due (:mod:`~supervisor_app.check_state`), then (only if the file is
    sound) the daily backup.

    Returns the problem found (the file is damaged), or None. Reads the file through its own
    read-only connection; never writes to it. Setting ``opened.cancel`` stops it within
    milliseconds, and it finds nothing then (quitting does not wait for a whole-file read).
    """
    path = opened.path
    if path is None or not opened.check_later:
        return None
    if opened.full_check_due is not None:
        stale = check_state.stale_markers(path)
        started = dt.datetime.now(dt.UTC)
        try:
            check_file(path, cancelled=opened.cancel)
        except DatabaseError as exc:
            if opened.cancel.is_set():  # stopped because the app is quitting: not a finding
                log.info("the integrity check of %s was stopped (the app is quitting)", path)
                return None
            log.error("the integrity check of %s failed: %s", path, exc)
            check_state.forget_full_check(path)
            return DatabaseError(
                _(
                    "The check of the whole file, made while it was open, found damage, so supervisor_app "
                    "closed it and writes nothing more to it."
                )
                + f" {exc}",
                kind=exc.kind,
                path=exc.path,
            )
        if not opened.cancel.is_set():
            check_state.record_full_check(path, started=started, stale=stale)
            opened.full_check_due = None
    if opened.cancel.is_set():
        return None
    if _holds(opened):
        _daily_backup(path, opened.cancel)  # quitting stops it too; the next start takes it
    return None


def _holds(opened: OpenedDatabase) -> bool:
    return not opened.db.readonly and opened.lock is not None


def _daily_backup(path: Path, cancelled: threading.Event | None = None) -> Path | None:
    try:
        made = storage.daily_backup(path, cancelled=cancelled)
    except storage.BackupStopped:
        log.info("the daily backup of %s was stopped (the app is quitting)", path)
        return None
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        log.warning("the daily backup of %s failed: %s", path, exc)
        return None
    if made is not None:
        log.info("daily backup: %s", made)
    return made


def backup_name(source: Path, database: Path | None) -> str:
    """How a supervisor recognises a backup: when it was taken, else its file name."""
    if database is not None:
        try:
            for info in storage.list_backups(database):
                if info.path == source:
                    return info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        except OSError:
            pass
    return source.name


def newest_backup(path: Path | None) -> storage.BackupInfo | None:
    if path is None:
        return None
    try:
        found = storage.list_backups(path)
    except OSError:
        return None
    return found[0] if found else None


def load_profiles():  # type: ignore[no-untyped-def]
    """The credential profiles in force: the shipped ones, overridden by the user's folder
    (``<user data dir>/credentials``). What the app, the command line and the tests hand to
    the database layer (:func:`supervisor_app.db.provide_profiles`)."""
    from supervisor_app.services.profile_registry import ProfileRegistry

    return ProfileRegistry.load(user_dir=storage.user_data_dir() / "credentials")
