"""File ▸ Import records, Save import template and Export everything: asks for the file or
folder, runs the service off the UI thread and says what happened. Import opens
:class:`ImportDialog` (dry run, report, then import for real)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from supervisor_app.ui.common import show_error
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.qt_fixes import emit

if TYPE_CHECKING:  # imported when first used, not to start the app
    from supervisor_app.services.importexport import ExportResult
    from supervisor_app.ui.import_dialog import ImportDialog


class DataTransfer(QObject):
    message = Signal(str)  # a short confirmation for the status bar

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: ImportDialog | None = None
        self.box: QMessageBox | None = None
        # What the file dialogs would answer; tests put answers here.
        self.ask_import_file: Callable[[], str] = self._ask_import_file
        self.ask_template_path: Callable[[str], str] = self._ask_template_path
        self.ask_export_folder: Callable[[], str] = self._ask_export_folder
        self.ask_export_json: Callable[[str], str] = self._ask_export_json

    @property
    def can_import(self) -> bool:
        return not self.ctx.read_only

    @property
    def can_export(self) -> bool:
        return not self.ctx.review  # a supervisee reviewing sees only their own records

    def _start_folder(self) -> str:
        path = self.ctx.db.path
        return str(path.parent) if path is not None and not self.ctx.demo else str(Path.home())

    # Import --------------------------------------------------------------------------------------
    def import_records(self) -> ImportDialog | None:
        if not self.can_import:
            return None
        path = self.ask_import_file()
        if not path:
            return None
        from supervisor_app.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, path, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        dialog.imported.connect(lambda report: emit(self.message, report.summary()))
        self.dialog = dialog
        dialog.open()
        dialog.check()
        return dialog

    def _forget(self, dialog: ImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def save_template(self) -> None:
        from supervisor_app.services import importexport

        if self.ctx.review:
            return
        path = self.ask_template_path("supervisor_app import template.xlsx")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + ".xlsx")
        profiles = self.ctx.db.profiles
        self.ctx.runner.run(
            lambda _p: importexport.write_template(target, profiles=profiles),
            on_done=lambda written: self._tell(
                self.tr("Import template saved"),
                self.tr(
                    "Saved {path}.\n\nFill in one row per session or experience entry (the Columns sheet "
                    "explains each column), then use File ▸ Import records…"
                ).format(path=written),
            ),
            on_error=lambda exc: show_error(self.window, exc, title=self.tr("Template not saved")),
        )

    # Export --------------------------------------------------------------------------------------
    def export_csv(self) -> None:
        from supervisor_app.services import importexport

        if not self.can_export:
            return
        chosen = self.ask_export_folder()
        if not chosen:
            return
        folder = _new_folder(Path(chosen), f"supervisor_app export {dt.date.today().isoformat()}")
        self._export(lambda uow: importexport.export_csv(uow, folder), folder)

    def export_json(self) -> None:
        from supervisor_app.services import importexport

        if not self.can_export:
            return
        path = self.ask_export_json(f"supervisor_app export {dt.date.today().isoformat()}.json")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        self._export(lambda uow: importexport.export_json(uow, target), target)

    def _export(self, work: Callable[[Any], ExportResult], where: Path) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def job(_progress: Any) -> ExportResult:
            with db.uow(actor) as uow:  # export logs itself in the audit trail (not when read-only)
                return work(uow)

        def done(result: ExportResult) -> None:
            if not db.readonly:
                emit(self.ctx.records_changed)  # the audit trail has a new entry
            rows = sum(result.rows.values())
            emit(self.message, self.tr("Exported to {path}").format(path=where))
            self._tell(
                self.tr("Export finished"),
                self.tr(
                    "Exported %n row(s) ({files}) to:\n{path}\n\nSign-in passwords are never "
                    "exported. Text that a spreadsheet would run as a formula starts with an extra '.",
                    "",
                    rows,
                ).format(files=self.tr("%n file(s)", "", len(result.files)), path=where),
            )

        self.ctx.runner.run(
            job,
            on_done=done,
            on_error=lambda exc: show_error(self.window, exc, title=self.tr("Export not finished")),
        )

    # Dialogs -------------------------------------------------------------------------------------
    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()

    def _ask_import_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import records"),
            self._start_folder(),
            self.tr("Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"),
        )
        return path

    def _ask_template_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save import template"),
            str(Path(self._start_folder()) / suggested),
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        return path

    def _ask_export_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self.window,
            self.tr("Export everything as CSV files: choose where the new export folder goes"),
            self._start_folder(),
        )

    def _ask_export_json(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export everything as one JSON file"),
            str(Path(self._start_folder()) / suggested),
            self.tr("JSON files (*.json)"),
        )
        return path


def _new_folder(parent: Path, name: str) -> Path:
    """A folder that does not exist yet, so an export never mixes with (or overwrites) another."""
    folder = parent / name
    number = 2
    while folder.exists():
        folder = parent / f"{name} ({number})"
        number += 1
    return folder
