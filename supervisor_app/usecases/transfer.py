"""Moving records in and out: import records or training from a spreadsheet, export the archive
or the records in the import format, write the import template.

An import runs in one unit of work and commits once, only when every row is good (a dry run
or a refused file changes nothing). An export reads in a reading unit of work (a snapshot that
never holds the write lock, so the app can save while a big export runs), writes its files,
and only then records the export in the audit trail in one short write.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from supervisor_app.db import Database
from supervisor_app.services import exporting, import_template, importing, training_import
from supervisor_app.services.exporting import ExportResult
from supervisor_app.services.import_format import ImportReport
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.training_import import TrainingImportReport


def import_records(
    db: Database,
    actor: str,
    path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
) -> ImportReport:
    """Import sessions and experience entries from a CSV or XLSX file, all or nothing; the
    report says what was (or, in a dry run, would be) imported, or every bad row."""
    with db.uow(actor) as uow:
        if dry_run:
            return importing.import_file(uow, path, dry_run=True, today=today)
        with importing.write_cache(uow):
            report = importing.import_file(uow, path, today=today)
            if report.written:
                uow.commit()
                report.committed = True
        return report


def import_training(
    db: Database,
    actor: str,
    path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
) -> TrainingImportReport:
    """Import training entries from a CSV or XLSX file (its Training sheet), all or nothing."""
    with db.uow(actor) as uow:
        report = training_import.import_training(uow, Path(path), dry_run=dry_run, today=today)
        if report.written:
            uow.commit()
        return report


def export_archive(
    db: Database, actor: str, target: str | os.PathLike[str], *, as_json: bool = False
) -> ExportResult:
    """Everything but sign-in secrets: one CSV per table in the folder ``target``, or (with
    ``as_json``) one JSON file ``target``."""
    with db.uow(actor, reading=True) as uow:
        if as_json:
            result = exporting.export_json(uow, target)
        else:
            result = exporting.export_csv(uow, target)
    _log_export(db, actor, result.details)
    return result


def export_records(db: Database, actor: str, path: str | os.PathLike[str]) -> int:
    """The standing sessions and experience in the import format (CSV or XLSX by the suffix),
    for another database to import; returns the number of rows written."""
    with db.uow(actor, reading=True) as uow:
        result = exporting.export_import_file(uow, path)
    _log_export(db, actor, result.details)
    return result.rows["records"]


def write_template(
    path: str | os.PathLike[str], *, profiles: ProfileRegistry, training: bool = False
) -> Path:
    """The import template (CSV or XLSX by the suffix), or with ``training`` the training
    import's template. Touches no database."""
    if training:
        return training_import.write_template(Path(path), profiles=profiles)
    return import_template.write_template(path, profiles=profiles)


def _log_export(db: Database, actor: str, details: dict[str, Any]) -> None:
    """The one short write of an export: its audit event, after the files are written."""
    if db.readonly:
        return  # a read-only copy cannot write its audit trail; the export itself is harmless
    with db.uow(actor) as uow:
        exporting.log_export(uow, details)
        uow.commit()
