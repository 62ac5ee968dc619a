"""Import training from a spreadsheet (a CSV, or the Training sheet of the import template):
the same steps as records (a dry run off the UI thread, its report, then Import), all or
nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from supervisor_app.services.training_import import TrainingImportReport
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.import_dialog import ImportDialog
from supervisor_app.usecases import transfer


class TrainingImportDialog(ImportDialog):
    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(ctx, path, parent, name="training_import_dialog")

    def _titles(self) -> tuple[str, str]:
        return self.tr("Import training from {name}").format(name=self.path.name), self.tr("Import training")

    def _import(self, db: Any, actor: str, path: Path, *, dry_run: bool) -> TrainingImportReport:
        return transfer.import_training(db, actor, path, dry_run=dry_run)

    def _count(self, report: TrainingImportReport) -> int:
        return report.imported

    def _import_text(self, count: int) -> str:
        return self.tr("&Import %n training entry(s)", "", count)

    def _committed(self, report: TrainingImportReport) -> bool:
        return report.ok and bool(report.imported)
