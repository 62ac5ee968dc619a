"""Import records from a spreadsheet: a dry run first (off the UI thread), its report, then
one button that imports for real. All or nothing: a file with any bad row imports nothing,
and the report lists every bad row with its line number and the reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from supervisor_app.services.import_format import ImportReport
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.import_steps import ImportStepsDialog, add_check_status, add_import_buttons
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.screen_fit import fit_to_screen
from supervisor_app.usecases import transfer


class ImportDialog(ImportStepsDialog):
    """Records from a spreadsheet; :class:`TrainingImportDialog` imports training the same way
    (its overrides: the import, what it counts and the words)."""

    imported = Signal(object)  # the report of a committed import

    def __init__(
        self, ctx: AppContext, path: str | Path, parent: QWidget | None = None, *, name: str = "import_dialog"
    ) -> None:
        super().__init__(ctx, path, parent, name=name)
        self.report: Any = None
        title, accessible_name = self._titles()
        layout = self._open(
            title,
            accessible_name,
            self.tr(
                "The file is checked first; nothing is saved until you choose Import. Every row is imported "
                "or none is. Imported records wait for your review and signature in To sign."
            ),
        )
        self.summary, self.busy = add_check_status(self, layout, self.path)
        self.details_label = QLabel(self.tr("&Report (line numbers are the spreadsheet's rows):"), self)
        layout.addWidget(self.details_label)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Import report"))
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details_label.setBuddy(self.details)
        layout.addWidget(self.details, 1)

        self.import_button, self.close_button = add_import_buttons(self, layout, self.import_now)
        self.resize(720, 460)
        fit_to_screen(self)  # a laptop at 125-150%: never bigger than the screen

    # The dry run ---------------------------------------------------------------------------------
    def check(self) -> None:
        """Run the dry run off the UI thread; the report comes back in :meth:`_on_checked`."""
        self._set_busy(True)
        self._run(dry_run=True, on_done=self._on_checked)

    # What the records and the training import do differently ---------------------------------
    def _titles(self) -> tuple[str, str]:
        """The window title and the dialog's accessible name."""
        return self.tr("Import records from {name}").format(name=self.path.name), self.tr("Import records")

    def _import(self, db: Any, actor: str, path: Path, *, dry_run: bool) -> Any:
        # The import runs the real rules, then writes nothing (dry run, or a bad row) or
        # commits everything at once.
        return transfer.import_records(db, actor, path, dry_run=dry_run)

    def _count(self, report: ImportReport) -> int:
        """How many the report's file would import."""
        return report.sessions + report.experience

    def _import_text(self, count: int) -> str:
        return self.tr("&Import %n record(s)", "", count)

    def _committed(self, report: ImportReport) -> bool:
        return report.committed

    def _run(self, *, dry_run: bool, on_done: Any) -> None:
        db, actor, path, run = self.ctx.db, self.ctx.actor, self.path, self._import

        def work(_progress: Any) -> Any:
            return run(db, actor, path, dry_run=dry_run)

        self.ctx.runner.run(work, on_done=on_done, on_error=self._on_failed)

    def _on_checked(self, report: Any) -> None:
        self._set_busy(False)
        self.report = report
        self._show(report)
        count = self._count(report)
        if report.ok and count:
            self.import_button.setText(self._import_text(count))
            self.import_button.setEnabled(True)
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        else:
            self._finished()
            self.details.setFocus()

    # The real import -----------------------------------------------------------------------------
    def import_now(self) -> None:
        if self.report is None or not self.report.ok or self.done_importing or self.ctx.read_only:
            return
        self._set_busy(True)
        self.summary.setText(self.tr("Importing…"))
        self._run(dry_run=False, on_done=self._on_imported)

    def _on_imported(self, report: Any) -> None:
        self._set_busy(False)
        self.report = report
        self._show(report)
        self._finished()
        if self._committed(report):
            self.done_importing = True
            emit(self.ctx.records_changed)
            emit(self.imported, report)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self.summary.setText(
            self.tr("Nothing was imported: {error}").format(error=str(exc) or type(exc).__name__)
        )
        self.summary.setStyleSheet("color:#a40000;font-weight:600;")

    # Showing the report --------------------------------------------------------------------------
    def _show(self, report: Any) -> None:
        self.summary.setText(report.summary())
        if report.ok:
            self.summary.setStyleSheet("font-weight:600;")
        else:
            self.summary.setStyleSheet("color:#a40000;font-weight:600;")
        self.summary.setAccessibleDescription(report.summary())
        lines: list[str] = []
        if report.errors:
            lines.append(self.tr("To fix in the file (then import it again):"))
            lines.extend(f"  {note}" for note in report.errors)
        if report.duplicates:
            if lines:
                lines.append("")
            lines.append(self.tr("Already recorded, so skipped (nothing to do):"))
            lines.extend(f"  {note}" for note in report.duplicates)
        if not lines:
            lines.append(self.tr("No problems found."))
        self.details.setPlainText("\n".join(lines))
