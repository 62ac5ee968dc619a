"""Backups: SQLite's online backup API, rotated, and a restore that checks before it replaces.

Automatic backups go to ``<user data dir>/backups/<database name>-<hash of its path>/`` so
two databases never share a rotation. Kept: the newest backup of each of the last 14 days
that have one, and the newest of each of the last 12 months.

A copy is written under a temporary name that carries the writing process's id
(``<name>.<pid>.partial``, ``<database>.<pid>.restoring``) and renamed when complete, so a
half-written copy never has a real name; what a killed process left is deleted by
:func:`clean_leftovers` at the next start. Backups hold names, contacts and supervision
topics: they are created readable by their owner only (see :func:`supervisor_app.db.private`).

Every rename and delete goes through :mod:`supervisor_app.fileops` (connections closed first,
retried while antivirus or a sync client holds the file on Windows, then a plain message).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import stat
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from supervisor_app.db import (
    DatabaseError,
    check_file,
    connect_readonly,
    private,
    private_folder,
    read_only_reason,
    user_data_dir,
)
from supervisor_app.fileops import FileHeldError, remove_file, replace_file, temporary_folder

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
    tmp = _temporary(dest, "partial")
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


def _temporary(dest: Path, what: str) -> Path:
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


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_copy: Path | None
    safety_backup: Path | None
    records_checked: int


def restore(database: Path, source: Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace ``database`` with the backup ``source``, after checking it.

    The backup must be a readable supervisor_app database that passes verification. The
    database being replaced is first backed up (rotation) and kept aside as
    ``<name>.replaced-<time>.db``. Nothing changes if any check fails, or if the disk fills up
    before the switch (a :class:`DatabaseError` of kind ``storage``).

    The restore is audited *before* the switch, in the copy that becomes the database, so a
    restore can never happen without its event (even if the process is killed right after);
    a second event confirms it once the switch is done.
    """
    from supervisor_app.db import open_database
    from supervisor_app.services.signoff import verify

    now = now or dt.datetime.now(dt.UTC)
    source = source.resolve()
    database = database.resolve()
    if not source.is_file():
        raise DatabaseError(f"{source} does not exist.", kind="other")
    if source == database:
        raise DatabaseError("That is the database itself, not a backup of it.", kind="other")
    why = read_only_reason(database)
    if why is not None:
        raise DatabaseError(f"{database} cannot be replaced: {why}. Nothing was restored.", kind="read-only")
    check = check_file(source)  # damaged / not ours / newer: refused, with the reason
    if not check.has_data:
        raise DatabaseError(f"{source.name} is empty; it is not a backup.", kind="other")
    clean_leftovers(database, now=now)
    replaced: Path | None = None
    damaged = False
    staged_final = _temporary(database, "restoring")
    try:
        with temporary_folder("supervisor_app-restore-") as folder:
            staged = folder / "restore.db"
            copy_database(source, staged)
            candidate = open_database(staged, backup_before_migration=False)  # upgrades an older backup
            try:
                with candidate.uow("restore-check") as uow:
                    report = verify(uow)
                if report.ok:
                    replaced, damaged = _aside(database, now)
                    details = {
                        "from": str(source),
                        "replaced_copy": str(replaced) if replaced else None,
                        "records_checked": report.records_checked,
                    }
                    _log_restore(candidate, {**details, "step": "switching"})
            finally:
                candidate.close()
            if not report.ok:
                lines = "; ".join(str(p) for p in report.problems[:5])
                raise DatabaseError(
                    f"{source.name} fails verification ({len(report.problems)} problem(s): {lines}). Not restored.",
                    kind="other",
                )
            copy_database(staged, staged_final)  # beside the database: the switch is one rename
            if replaced is not None:  # the database keeps its permissions (shared on purpose, maybe)
                staged_final.chmod(stat.S_IMODE(database.stat().st_mode))
        safety = None
        moved: list[tuple[Path, Path]] = []
        if replaced is not None and not damaged:
            safety = backup_file(database, reason="before-restore", now=now)
            copy_database(database, replaced)
        try:  # a damaged file is moved aside as it is; then the switch: the old -wal/-shm go
            # first (they belong to the old file), then one rename
            for suffix in ("", "-wal", "-shm") if replaced is not None and damaged else ():
                original = Path(str(database) + suffix)
                if original.exists():
                    replace_file(original, Path(str(replaced) + suffix))
                    moved.append((original, Path(str(replaced) + suffix)))
            for suffix in ("-wal", "-shm"):
                remove_file(Path(str(database) + suffix))
            replace_file(staged_final, database)
        except OSError:
            for original, aside in reversed(moved):  # a damaged file goes back where it was
                with suppress(OSError):
                    replace_file(aside, original, delays=())
            raise
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            remove_file(staged_final, delays=())
        reason = str(exc) if isinstance(exc, FileHeldError) else getattr(exc, "strerror", None) or str(exc)
        raise DatabaseError(
            f"{source.name} could not be restored ({reason}): the database was not changed.", kind="storage"
        ) from exc
    db = open_database(database)
    try:
        _log_restore(db, {**details, "step": "done"})
    finally:
        db.close()
    return RestoreResult(source, replaced, safety, report.records_checked)


def _aside(database: Path, now: dt.datetime) -> tuple[Path | None, bool]:
    """Where the database a restore replaces is kept, and whether it is damaged (then it is
    moved there exactly as it was, else copied): None when there is nothing to keep."""
    if not (database.exists() and database.stat().st_size > 0):
        return None, False
    try:
        check_file(database)
    except DatabaseError:
        damaged = True
    else:
        damaged = False
    word = "damaged" if damaged else "replaced"
    return database.with_name(
        f"{database.stem}.{word}-{now.strftime('%Y%m%d-%H%M%S')}{database.suffix}"
    ), damaged


def _log_restore(db, details: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    from supervisor_app.services import audit

    with db.uow("restore") as uow:
        audit.log(uow, audit.AuditAction.RESTORE, details=details)
        uow.commit()


def log_backup(db, path: Path, reason: str) -> None:  # type: ignore[no-untyped-def]
    """Record a backup in the audit trail of the database that was backed up."""
    from supervisor_app.services import audit

    with db.uow("backup") as uow:
        audit.log(uow, audit.AuditAction.BACKUP, details={"to": str(path), "reason": reason})
        uow.commit()


__all__ = [
    "BackupInfo",
    "RestoreResult",
    "backup_dir_for",
    "backup_file",
    "copy_database",
    "daily_backup",
    "list_backups",
    "restore",
    "rotate",
]
