"""Backups: SQLite's online backup API, rotated, and a restore that checks before it replaces.

Automatic backups go to ``<user data dir>/backups/<database name>-<hash of its path>/`` so
two databases never share a rotation. Kept: the newest backup of each of the last 14 days
that have one, and the newest of each of the last 12 months.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from supervisor_app.db import DatabaseError, check_file, connect_readonly, read_only_reason, user_data_dir

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

    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    src = connect_readonly(source)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out, pages=4096, progress=step)
            out.execute("PRAGMA journal_mode = DELETE")  # a backup is a single self-contained file
        finally:
            out.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(tmp, dest)  # never leave a half-written backup under a real name
    return dest


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
            path.unlink(missing_ok=True)
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
    ``<name>.replaced-<time>.db``. Nothing changes if any check fails.
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
    with tempfile.TemporaryDirectory(prefix="supervisor_app-restore-") as folder:
        staged = Path(folder) / "restore.db"
        copy_database(source, staged)
        candidate = open_database(staged, backup_before_migration=False)  # upgrades an older backup
        try:
            with candidate.uow("restore-check") as uow:
                report = verify(uow)
        finally:
            candidate.close()
        if not report.ok:
            lines = "; ".join(str(p) for p in report.problems[:5])
            raise DatabaseError(
                f"{source.name} fails verification ({len(report.problems)} problem(s): {lines}). Not restored.",
                kind="other",
            )
        safety = replaced = None
        stamp = now.strftime("%Y%m%d-%H%M%S")
        if database.exists() and database.stat().st_size > 0:
            try:
                check_file(database)
            except DatabaseError:
                # Restoring over a damaged file: keep it exactly as it was, beside the new one.
                replaced = database.with_name(f"{database.stem}.damaged-{stamp}{database.suffix}")
                os.replace(database, replaced)
                for suffix in ("-wal", "-shm"):
                    companion = Path(str(database) + suffix)
                    if companion.exists():
                        os.replace(companion, Path(str(replaced) + suffix))
            else:
                safety = backup_file(database, reason="before-restore", now=now)
                replaced = database.with_name(f"{database.stem}.replaced-{stamp}{database.suffix}")
                copy_database(database, replaced)
        staged_final = database.with_name(database.name + ".restoring")
        shutil.copyfile(staged, staged_final)
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        os.replace(staged_final, database)
    _log_restore(database, source, report.records_checked)
    return RestoreResult(source, replaced, safety, report.records_checked)


def _log_restore(database: Path, source: Path, records: int) -> None:
    from supervisor_app.db import open_database
    from supervisor_app.services import audit

    db = open_database(database)
    try:
        with db.uow("restore") as uow:
            audit.log(
                uow, audit.AuditAction.RESTORE, details={"from": str(source), "records_checked": records}
            )
            uow.commit()
    finally:
        db.close()


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
