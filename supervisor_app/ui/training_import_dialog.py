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
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.usecases import transfer


class TrainingImportDialog(ImportDialog):
    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(ctx, path, parent)
        self.setObjectName("training_import_dialog")
        self.setWindowTitle(self.tr("Import training from {name}").format(name=self.path.name))
        self.setAccessibleName(self.tr("Import training"))

    def _run(self, *, dry_run: bool, on_done: Any) -> None:
        db, actor, path = self.ctx.db, self.ctx.actor, self.path

        def work(_progress: Any) -> TrainingImportReport:
            return transfer.import_training(db, actor, path, dry_run=dry_run)

        self.ctx.runner.run(work, on_done=on_done, on_error=self._on_failed)

    def _on_checked(self, report: Any) -> None:
        self._set_busy(False)
        self.report = report
        self._show(report)
        if report.ok and report.imported:
            self.import_button.setText(self.tr("&Import %n training entry(s)", "", report.imported))
            self.import_button.setEnabled(True)
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        else:
            self.import_button.setEnabled(False)
            self.close_button.setText(self.tr("Close"))
            self.close_button.setDefault(True)
            self.details.setFocus()

    def _on_imported(self, report: Any) -> None:
        self._set_busy(False)
        self.report = report
        self._show(report)
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)
        if report.ok and report.imported:
            self.done_importing = True
            emit(self.ctx.records_changed)
            emit(self.imported, report)
