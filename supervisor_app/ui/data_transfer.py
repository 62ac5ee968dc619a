"""File ▸ Import records, Save import template and Export everything: asks for the file or
folder, runs the service off the UI thread and says what happened. Import opens
:class:`ImportDialog` (dry run, report, then import for real), or for a supervisee's hours
file :class:`HoursImportDialog`. Giving a supervisee their hours file and opening hours files
(read-only, in their own window) are here too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from supervisor_app import clock
from supervisor_app.ui.common import show_error
from supervisor_app.ui.context import AppContext, write_now
from supervisor_app.ui.qt_fixes import emit

if TYPE_CHECKING:  # imported when first used, not to start the app
    from supervisor_app.services.exporting import ExportResult
    from supervisor_app.ui.hours_import_dialog import HoursImportDialog
    from supervisor_app.ui.hours_window import HoursWindow
    from supervisor_app.ui.import_dialog import ImportDialog


class DataTransfer(QObject):
    message = Signal(str)  # a short confirmation for the status bar

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: ImportDialog | HoursImportDialog | None = None
        self.hours_windows: list[HoursWindow] = []
        self.box: QMessageBox | None = None
        # What the file dialogs would answer; tests put answers here.
        self.ask_import_file: Callable[[], str] = self._ask_import_file
        self.ask_template_path: Callable[[str], str] = self._ask_template_path
        self.ask_export_folder: Callable[[], str] = self._ask_export_folder
        self.ask_export_json: Callable[[str], str] = self._ask_export_json
        self.ask_hours_path: Callable[[str], str] = self._ask_hours_path
        self.ask_hours_files: Callable[[], list[str]] = self._ask_hours_files

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
    def import_records(self) -> ImportDialog | HoursImportDialog | None:
        if not self.can_import:
            return None
        path = self.ask_import_file()
        if not path:
            return None
        from supervisor_app.services.hours_files import is_hours_file

        if is_hours_file(path):  # by its content, whatever its name ends with
            from supervisor_app.ui.hours_import_dialog import HoursImportDialog

            hours_dialog = HoursImportDialog(self.ctx, path, self.window)
            hours_dialog.imported.connect(lambda text: emit(self.message, text))
            self._show_import(hours_dialog)
            hours_dialog.check()
            return hours_dialog
        from supervisor_app.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, path, self.window)
        dialog.imported.connect(lambda report: emit(self.message, report.summary()))
        self._show_import(dialog)
        dialog.check()
        return dialog

    def _show_import(self, dialog: ImportDialog | HoursImportDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: ImportDialog | HoursImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def save_template(self) -> None:
        from supervisor_app.usecases import transfer

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
            lambda _p: transfer.write_template(target, profiles=profiles),
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
        if not self.can_export:
            return
        chosen = self.ask_export_folder()
        if not chosen:
            return
        folder = _new_folder(Path(chosen), f"supervisor_app export {clock.today().isoformat()}")
        self._export(folder, as_json=False)

    def export_json(self) -> None:
        if not self.can_export:
            return
        path = self.ask_export_json(f"supervisor_app export {clock.today().isoformat()}.json")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        self._export(target, as_json=True)

    def _export(self, where: Path, *, as_json: bool) -> None:
        from supervisor_app.usecases import transfer

        db, actor = self.ctx.db, self.ctx.actor

        def job(_progress: Any) -> ExportResult:
            # Reads a snapshot, then logs itself in the audit trail (not when read-only).
            return transfer.export_archive(db, actor, where, as_json=as_json)

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

    # Hours files ---------------------------------------------------------------------------------
    @property
    def can_give_hours(self) -> bool:
        """Giving an hours file records that it left (the audit trail): not in a read-only window."""
        return not self.ctx.read_only

    def give_hours_file(self, supervisee_id: int | None) -> None:
        """Save the supervisee's signed records, with their signatures, to an hours file they
        keep; says where it went and what it holds."""
        from supervisor_app.services import people
        from supervisor_app.services.filenames import safe_file_name

        if supervisee_id is None or not self.can_give_hours:
            return
        name = self.ctx.read_now(lambda uow: people.get_supervisee(uow, supervisee_id).name)
        suggested = safe_file_name(f"{name} hours {clock.today().isoformat()}.hours", fallback="hours")
        path = self.ask_hours_path(suggested)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".hours":
            target = target.with_name(target.name + ".hours")
        db, actor = self.ctx.db, self.ctx.actor

        def job(_progress: Any) -> Any:
            from supervisor_app.services.hours_files import read_hours_file
            from supervisor_app.ui.hours_file_facts import facts
            from supervisor_app.usecases import hours_files

            summary = write_now(  # writes the file whole, records that it left
                db,
                actor,
                lambda uow: hours_files.write_hours_file(uow, supervisee_id=supervisee_id, path=target),
            )
            return summary, facts(read_hours_file(summary.path))  # what a reader of it will see

        self.ctx.runner.run(
            job,
            on_done=lambda result: self._on_hours_given(*result),
            on_error=lambda exc: show_error(self.window, exc, title=self.tr("Hours file not saved")),
        )

    def _on_hours_given(self, summary: Any, facts: Any) -> None:
        from supervisor_app.units import hours

        emit(self.ctx.records_changed)  # the audit trail has a new entry
        emit(self.message, self.tr("Hours file saved to {path}").format(path=summary.path))
        text = self.tr("Saved {name}'s hours file to:\n{path}").format(
            name=summary.supervisee_name, path=summary.path
        )
        text += "\n\n" + self.tr(
            "It holds %n signed record(s): {s} h of supervision and {e} h of experience that count",
            "",
            facts.records,
        ).format(s=hours(facts.supervision_minutes), e=hours(facts.experience_minutes))
        if facts.signers:
            text += self.tr(", signed by {names}").format(names=", ".join(facts.signers))
        text += "."
        if summary.left_out:
            text += "\n\n" + self.tr(
                "Not in it: %n record(s) signed before signing keys existed, which nothing outside this "
                "database can prove. A printed statement from here still shows them.",
                "",
                len(summary.left_out),
            )
        text += "\n\n" + self.tr(
            "Another agency's supervisor_app imports it with File ▸ Import records…; {name} can open it, "
            "read-only and without an account, with File ▸ Open hours file…"
        ).format(name=summary.supervisee_name)
        self._tell(self.tr("Hours file saved"), text)

    def open_hours_files(self) -> None:
        """File ▸ Open hours file…: the files' supervisee, progress and statement, read-only,
        in a window of their own (no sign-in)."""
        paths = self.ask_hours_files()
        if paths:
            self.show_hours_files(paths)

    def show_hours_files(self, paths: list[str]) -> None:
        from supervisor_app.ui.hours_window import open_hours_window

        open_hours_window(
            paths,
            runner=self.ctx.runner,
            prefs=self.ctx.prefs,
            parent=self.window,
            on_open=self._remember_hours_window,
        )

    def _remember_hours_window(self, window: HoursWindow) -> None:
        self.hours_windows.append(window)
        window.destroyed.connect(
            lambda *_: self.hours_windows.remove(window) if window in self.hours_windows else None
        )

    def _ask_hours_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Give the supervisee their hours file"),
            str(_documents() / suggested),
            self.tr("Hours files (*.hours)"),
        )
        return path

    def _ask_hours_files(self) -> list[str]:
        return ask_hours_files(self.window)

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
            self.tr(
                "Spreadsheets and hours files (*.xlsx *.csv *.hours);;Excel workbooks (*.xlsx);;"
                "CSV files (*.csv);;Hours files (*.hours)"
            ),
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


def ask_hours_files(parent: QWidget | None) -> list[str]:
    """The hours files a person picks to open (Documents first); empty when they cancel."""
    paths, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("DataTransfer", "Open hours files"),
        str(_documents()),
        QCoreApplication.translate("DataTransfer", "Hours files (*.hours);;All files (*)"),
    )
    return list(paths)


def _documents() -> Path:
    """The user's Documents folder (else their home): where hours files are saved and looked for."""
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def _new_folder(parent: Path, name: str) -> Path:
    """A folder that does not exist yet, so an export never mixes with (or overwrites) another."""
    folder = parent / name
    number = 2
    while folder.exists():
        folder = parent / f"{name} ({number})"
        number += 1
    return folder
