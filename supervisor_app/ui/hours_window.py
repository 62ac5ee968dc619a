"""A supervisee's own hours files, opened read-only without any supervisor account
(``supervisor-app --open-hours FILE...`` or File ▸ Open hours file…).

The files are checked and put together in a temporary database
(:func:`~supervisor_app.services.hours_files.open_hours_files`), shown in the review layout: My
progress (every supervisor's signed hours added up, with the records), and My statement to
print or save. Nothing can be signed in to, changed or signed; the banner and title name the
files on show. Closing the window deletes the temporary copy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.screen_fit import fit_to_screen
from supervisor_app.ui.settings import Preferences
from supervisor_app.ui.tasks import TaskRunner
from supervisor_app.ui.window_parts import add_screens, info_banner, nav_item


class HoursWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        view: Any,  # hours_files.HoursView
        names: Sequence[tuple[int, str]],  # the files' supervisees (id, name) in the view
        files: Sequence[str],
        *,
        runner: TaskRunner,
        prefs: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.view = view
        self.files = [Path(f).name for f in files]
        self.names = list(names)
        self.ctx = AppContext(view, runner=runner, prefs=prefs, parent=self)
        first_id, first_name = self.names[0]
        self.ctx.set_identity(Identity(name=first_name, supervisee_id=first_id))
        self.setObjectName("hours_window")
        self.setAccessibleName(self.tr("Hours files, read only"))
        shown = ", ".join(self.files)
        self.setWindowTitle(self.tr("{files} (hours file, read only)").format(files=shown))

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        banner, row = info_banner(central, "hours_banner", self.tr("Hours files shown"))
        self.banner_text = QLabel(banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.banner_text, 1)
        self.person = QComboBox(banner)
        self.person.setAccessibleName(self.tr("Whose hours"))
        for sid, name in self.names:
            self.person.addItem(name, sid)
        self.person.setVisible(len(self.names) > 1)  # files of more than one person: pick whose
        self.person.currentIndexChanged.connect(lambda _i: self._show_person())
        row.addWidget(self.person)
        outer.addWidget(banner)

        self.nav, self.stack = add_screens(self, central, outer)

        from supervisor_app.ui.attestations_page import AttestationsPage
        from supervisor_app.ui.supervisee_detail_page import SuperviseeDetailPage

        SP = QStyle.StandardPixmap
        self.detail = SuperviseeDetailPage(self.ctx, None, self.stack)
        self.detail.print_requested.connect(lambda _sid: self.show_statement())
        self.statement = AttestationsPage(self.ctx, self.stack)
        for text, icon, page in (
            (self.tr("My progress"), SP.SP_FileDialogInfoView, self.detail),
            (self.tr("My statement"), SP.SP_FileIcon, self.statement),
        ):
            nav_item(self.nav, text, icon)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._show(self.detail)

        menu = self.menuBar().addMenu(self.tr("&File"))
        self.print_action = QAction(self.tr("&Print my statement…"), self)
        self.print_action.setObjectName("print")
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self._print)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setObjectName("close")
        self.close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.close_action.triggered.connect(self.close)
        for action in (self.print_action, self.close_action):
            menu.addAction(action)
            self.addAction(action)
        self.statusBar().addPermanentWidget(
            QLabel(self.tr("Hours files (read only): {files}").format(files=shown), self)
        )
        self._show_person()
        self.resize(1180, 720)
        fit_to_screen(self)  # a laptop at 125-150%: never bigger than the screen

    def _show_person(self) -> None:
        sid = self.person.currentData()
        name = self.person.currentText()
        if sid is None:
            return
        self.ctx.set_identity(Identity(name=name, supervisee_id=sid))
        self.banner_text.setText(
            self.tr(
                "<b>{name}'s hours file(s)</b>, read only: {files}. Signed records from every supervisor "
                "in them, added up. No sign-in is needed and nothing here can be changed or signed."
            ).format(name=escape(name), files=escape(", ".join(self.files)))
        )
        self.detail.show_supervisee(sid)
        self.statement.set_supervisee(sid)

    def _show(self, page: QWidget) -> None:
        """Go to ``page`` (its navigation row is its place in the stack: no row numbers)."""
        self.nav.setCurrentRow(self.stack.indexOf(page))

    def show_statement(self) -> None:
        self._show(self.statement)

    def _print(self) -> None:
        self.show_statement()
        self.statement.print_current()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        super().closeEvent(event)
        if event.isAccepted():
            self.ctx.runner.wait()
            self.ctx.close()
            self.view.close()  # deletes the temporary database
            emit(self.closed)


def load_hours_files(paths: Sequence[str]) -> tuple[Any, list[tuple[int, str]]]:
    """Off the UI thread: the files in a read-only temporary database, and their supervisees."""
    from supervisor_app.services import people
    from supervisor_app.services.hours_files import open_hours_files

    view = open_hours_files(list(paths))
    try:
        with view.uow("hours-file") as uow:
            names = [(sid, people.get_supervisee(uow, sid).name) for sid in view.supervisee_ids]
    except BaseException:
        view.close()
        raise
    return view, names


def open_hours_window(
    paths: Sequence[str],
    *,
    runner: TaskRunner,
    prefs: Preferences,
    parent: QWidget | None = None,
    on_open: Callable[[HoursWindow], None] | None = None,
    on_refused: Callable[[BaseException], None] | None = None,
) -> None:
    """Check and open ``paths``, then show them in an :class:`HoursWindow` (``on_open``); a
    refused file is said in a message box (or ``on_refused``), and no window opens."""
    files = [str(p) for p in paths]

    def opened(result: tuple[Any, list[tuple[int, str]]]) -> None:
        view, names = result
        if not names:
            view.close()
            refused(ValueError(_tr("the files hold nobody's hours.")))
            return
        window = HoursWindow(view, names, files, runner=runner, prefs=prefs, parent=parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        if on_open is not None:
            on_open(window)

    def refused(exc: BaseException) -> None:
        if on_refused is not None:
            on_refused(exc)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Hours file not opened"),
            _tr("Nothing was opened: {error}").format(error=str(exc) or type(exc).__name__),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAccessibleName(_tr("Hours file not opened"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if parent is not None:
            box.open()
        else:
            box.exec()

    runner.run(lambda _p: load_hours_files(files), on_done=opened, on_error=refused)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("HoursWindow", text)
