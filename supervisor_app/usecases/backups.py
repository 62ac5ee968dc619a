"""Backing up now and restoring a backup, each with its audit event: the one way the app
(Settings, the start-up problem dialog) and the command line (``backup``, ``restore``) do it.

The file-level work (the copy through SQLite's backup API, rotation, the list of backups) is
:mod:`supervisor_app.storage`. A restore checks before it replaces, and the database it
replaces is kept.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path

from supervisor_app.db import Database, open_database
from supervisor_app.fileops import FileHeldError, remove_file, replace_file, temporary_folder
from supervisor_app.i18n import _, ngettext
from supervisor_app.storage import (
    DatabaseError,
    backup_file,
    check_file,
    clean_leftovers,
    copy_database,
    read_only_reason,
    staging_path,
)


def backup_now(db: Database, target: Path) -> Path:
    """A copy of ``db``'s file at ``target`` (a file the supervisor chose), recorded in its
    audit trail unless ``db`` is open read-only (a read-only copy cannot add to it)."""
    if db.path is None:
        raise DatabaseError(_("Only a database file can be backed up."), kind="other")
    copy_database(db.path, target)
    if not db.readonly:
        log_backup(db, target, "manual")
    return target


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_copy: Path | None
    safety_backup: Path | None
    records_checked: int
    kept_aside: Path | None = None  # a file that could not be opened, moved aside unchanged


def _replace(database: Path, source: Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace ``database`` with the backup ``source``, after checking it.

    The backup must be a readable supervisor_app database that passes verification. The
    database being replaced is first backed up (rotation) and kept aside as
    ``<name>.replaced-<time>.db``. Nothing changes if any check fails, or if the disk fills up
    before the switch (a :class:`DatabaseError` of kind ``storage``).

    The restore is audited *before* the switch, in the copy that becomes the database, so a
    restore can never happen without its event (even if the process is killed right after);
    a second event confirms it once the switch is done.
    """
    from supervisor_app.services.signoff import verify

    now = now or dt.datetime.now(dt.UTC)
    source = source.resolve()
    database = database.resolve()
    if not source.is_file():
        raise DatabaseError(_("{path} does not exist.").format(path=source), kind="other")
    if source == database:
        raise DatabaseError(_("That is the database itself, not a backup of it."), kind="other")
    why = read_only_reason(database)
    if why is not None:
        raise DatabaseError(
            _("{path} cannot be replaced: {why}. Nothing was restored.").format(path=database, why=why),
            kind="read-only",
        )
    check = check_file(source)  # damaged / not ours / newer: refused, with the reason
    if not check.has_data:
        raise DatabaseError(_("{name} is empty; it is not a backup.").format(name=source.name), kind="other")
    clean_leftovers(database, now=now)
    replaced: Path | None = None
    damaged = False
    staged_final = staging_path(database, "restoring")
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
                    ngettext(
                        "{name} fails verification ({n} problem(s): {problems}). Not restored.",
                        "{name} fails verification ({n} problem(s): {problems}). Not restored.",
                        len(report.problems),
                    ).format(name=source.name, n=len(report.problems), problems=lines),
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
            _("{name} could not be restored ({reason}): the database was not changed.").format(
                name=source.name, reason=reason
            ),
            kind="storage",
        ) from exc
    db = open_database(database)
    try:
        _log_restore(db, {**details, "step": "done"})
    finally:
        db.close()
    return RestoreResult(source, replaced, safety, report.records_checked)


def restore(
    database: Path, source: Path, *, unusable: bool = False, now: dt.datetime | None = None
) -> RestoreResult:
    """Put the backup ``source`` in place of ``database`` (which nobody may have open).

    A database that cannot be opened (``unusable``: damaged, not ours, unreadable) is first
    moved aside unchanged, as ``<name>.damaged-<time>.db`` with its ``-wal``/``-shm``
    companions, because the restore service would otherwise try to read it to keep a copy;
    if the restore is refused the file is moved back. The file's bytes are never written.

    Then :func:`_replace`: the backup is checked (readable, ours, passes verification) and
    audited before the switch; nothing changes if a check fails. Nobody may have ``database``
    open: the caller holds its lock file (the app's own, the command line's ``restore``).
    """
    now = now or dt.datetime.now(dt.UTC)
    aside = None
    moved: list[tuple[Path, Path]] = []
    if unusable and database.exists():
        stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
        aside = database.with_name(f"{database.stem}.damaged-{stamp}{database.suffix}")
        number = 1
        while aside.exists():
            number += 1
            aside = database.with_name(f"{database.stem}.damaged-{stamp}-{number}{database.suffix}")
        for suffix in ("", "-wal", "-shm"):
            source_file = Path(str(database) + suffix)
            if source_file.exists():
                target = Path(str(aside) + suffix)
                replace_file(source_file, target)
                moved.append((source_file, target))
    try:
        result = _replace(database, source, now=now)
    except BaseException:
        for original, target in reversed(moved):
            if not original.exists():
                replace_file(target, original)
        raise
    return replace(result, kept_aside=aside)


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
