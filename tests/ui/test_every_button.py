"""Every button of every screen, clicked with the mouse (``qtbot.mouseClick``), as a person would.

A click delivers the button's ``clicked(bool)``: a slot connected straight to it whose first
optional parameter takes that ``False`` (``print_current(printer=None)`` got ``False`` as its
printer) raises, and pytest-qt fails the test on any exception raised in a slot (its exception
capture is on: the project does not set ``qt_no_exception_capture``).

Modal dialogs a click opens (``exec`` or ``open``) are found by polling
``QApplication.activeModalWidget()`` from a QTimer and rejected; each one is recorded, so the
test also shows what each button opened. Buttons that would leave the screen for good, delete
data or open a native file dialog or file manager are handled deliberately: listed in
``DELIBERATE`` with their stand-ins, clicked all the same, and their wiring proven by what the
stand-in or a signal spy received.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QTableView, QWidget
from shiboken6 import isValid

from supervisor_app import clock, storage
from supervisor_app.services import attestation, records
from supervisor_app.ui.first_run_dialog import FirstRunDialog
from supervisor_app.ui.pages import Page
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import go_to, open_supervisee

TODAY = clock.today()

# Buttons whose click is replaced by a stand-in or answered on purpose (by their text without '&'),
# and why. Each is still clicked; the test asserts the stand-in or spy saw the click.
DELIBERATE = {
    "Save PDF…": "native save dialog: AttestationsPage.ask_save_path answers ''",
    "Back up now…": "native save dialog: SettingsPage.ask_backup_path answers ''",
    "Open backups folder": "opens the file manager: SettingsPage.open_folder records the folder",
    "Restore this backup…": "replaces every record: SettingsPage.confirm_restore answers No",
    "Open another database…": "leads to a native file dialog: its signal is spied",
    "Delete": "deletes a record: the confirmation is rejected (the record stays)",
    "Quit": "ends the app: its rejected() is spied, clicked last",
}


class ModalCloser:
    """Rejects whatever modal window is up, from a timer (it runs inside a blocking exec())
    and on demand after each click (for dialogs shown with open())."""

    def __init__(self) -> None:
        self.closed: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self.sweep)
        self.timer.start()

    def sweep(self) -> None:
        for _ in range(10):  # a dialog may open another (an error box over an editor)
            widget = QApplication.activeModalWidget()
            if widget is None:
                break
            self.closed.append(f"{type(widget).__name__}: {widget.windowTitle()}")
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
            QApplication.processEvents()

    def stop(self) -> None:
        self.timer.stop()
        self.sweep()


@pytest.fixture
def closer(qapp: QApplication) -> Iterator[ModalCloser]:
    made = ModalCloser()
    yield made
    made.stop()


def _text(button: QAbstractButton) -> str:
    return (button.text() or button.accessibleName() or button.objectName()).replace("&", "").strip("◀ ")


def _buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]


@contextmanager
def _new_windows_closed(closer: ModalCloser) -> Iterator[None]:
    """Windows a click opens without being modal (an editor shown with show()) are closed."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    yield
    closer.sweep()
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and id(widget) not in before:
            closer.closed.append(f"{type(widget).__name__}: {widget.windowTitle()}")
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
    closer.sweep()


def click_all(
    qtbot: Any,
    closer: ModalCloser,
    root: QWidget,
    *,
    prepare: Callable[[], None] = lambda: None,
    last: tuple[str, ...] = ("Quit",),
) -> list[str]:
    """Click every visible, enabled button under ``root``, calling ``prepare`` before each so
    the screen is as it was (a click may move elsewhere). Returns the texts clicked."""
    prepare()
    names = [_text(b) for b in _buttons(root)]
    names.sort(key=lambda name: name in last)
    clicked: list[str] = []
    for name in names:
        prepare()
        matches = [b for b in _buttons(root) if _text(b) == name]
        if not matches:
            continue
        button = matches[0]
        assert isValid(button)
        with _new_windows_closed(closer):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            QApplication.processEvents()
        clicked.append(name)
    return clicked


# The screens -----------------------------------------------------------------------------------


def three_sessions_two_signed(world) -> list[str]:  # type: ignore[no-untyped-def]
    """Three of Dana's sessions for Ana, weeks apart; the first two signed. Their ids."""
    with world.uow() as uow:
        ids = [
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=7 * (n + 1)))).id
            for n in range(3)
        ]
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids[:2])
    return ids


def click_every_page(
    qtbot: Any, closer: ModalCloser, window: Any, supervisee_id: int
) -> dict[str, list[str]]:
    """Every button of every page of ``window``, then of the supervisee's detail page, clicked
    (:func:`click_all`), a row selected in each table first so Edit, Delete... are enabled. The
    texts clicked, by page class name."""
    clicked: dict[str, list[str]] = {}
    for page in window.pages.pages():

        def show(page: Page = page) -> None:
            go_to(qtbot, window, page)
            if page is Page.SUPERVISEES and window.people.currentWidget() is not window.list_page:
                qtbot.mouseClick(window.detail.back_button, Qt.MouseButton.LeftButton)
                window.list_page.table.selectRow(0)
            for view in window.current_page().findChildren(QTableView):  # so Edit, Delete... are enabled
                if view.isVisible() and view.model() is not None and view.model().rowCount() > 0:
                    if not view.selectionModel().hasSelection():
                        view.selectRow(0)

        show()
        clicked[type(window.current_page()).__name__] = click_all(qtbot, closer, window, prepare=show)

    def detail() -> None:
        open_supervisee(qtbot, window, supervisee_id)

    detail()
    clicked["SuperviseeDetailPage"] = click_all(qtbot, closer, window.detail, prepare=detail)
    return clicked


def test_every_button_of_the_supervisor_window(world, make_window, qtbot, closer) -> None:
    ids = three_sessions_two_signed(world)
    storage.backup_file(world.db.path, reason="manual")  # so "Restore this backup…" can be clicked
    window = make_window(world.db, supervisor_id=world.dana)
    qtbot.waitExposed(window)
    attestations = window.attestations
    attestations.set_supervisee(world.ana)
    asked_pdf: list[str] = []
    attestations.ask_save_path = lambda suggested: asked_pdf.append(suggested) or ""
    settings = window.settings_page
    asked_backup: list[str] = []
    settings.ask_backup_path = lambda suggested: asked_backup.append(suggested) or ""
    opened_folders: list[Any] = []
    settings.open_folder = opened_folders.append
    asked_restore: list[Any] = []
    settings.confirm_restore = lambda info: asked_restore.append(info) or False
    open_requests: list[bool] = []
    window.open_database_requested.connect(lambda *_a: open_requests.append(True))

    clicked = click_every_page(qtbot, closer, window, world.ana)

    assert clicked["SuperviseeListPage"] and clicked["RecordsPage"] and clicked["SettingsPage"]
    assert {"Preview", "Print…", "Save PDF…"} <= set(clicked["AttestationsPage"])
    assert {"Back up now…", "Open backups folder", "Restore this backup…", "Open another database…"} <= set(
        clicked["SettingsPage"]
    )
    assert "Delete" in clicked["RecordsPage"] or "Delete" in clicked["ToSignPage"]
    assert {"Back to list", "Attestation…"} <= set(clicked["SuperviseeDetailPage"])
    # The deliberate ones were wired: each stand-in or spy saw its click.
    assert asked_pdf and asked_pdf[0].endswith(".pdf")
    assert asked_backup and opened_folders and asked_restore and open_requests
    # Print… opened the print dialog (closed here): nothing was printed, so nothing recorded.
    assert any("PrintDialog" in name for name in closer.closed), closer.closed
    with world.uow() as uow:
        assert attestation.list_attestations(uow) == []
        assert records.find_record(uow, ids[2]) is not None  # Delete was not confirmed


def test_every_button_of_the_review_window(world, make_window, qtbot, closer) -> None:
    three_sessions_two_signed(world)
    storage.backup_file(world.db.path, reason="manual")
    window = make_window(world.db, supervisee_id=world.ana, name="Ana Example")
    qtbot.waitExposed(window)
    asked: list[str] = []
    window.attestations.ask_save_path = lambda suggested: asked.append(suggested) or ""
    for page in window.pages.pages():
        show = lambda page=page: go_to(qtbot, window, page)  # noqa: E731
        show()
        assert click_all(qtbot, closer, window, prepare=show)
    assert asked and "statement" in asked[0]
    assert any("PrintDialog" in name for name in closer.closed), closer.closed


def test_every_button_of_the_start_screens(db, world, make_controller, qtbot, closer) -> None:
    from supervisor_app.ui.context import AppContext

    controller = make_controller(world.db)
    ctx: AppContext = controller.ctx
    sign_in = SignInDialog(ctx)
    qtbot.addWidget(sign_in)
    sign_in.show()
    opened: list[bool] = []
    sign_in.open_other_database.connect(lambda: opened.append(True))
    quits: list[bool] = []
    sign_in.rejected.connect(lambda: quits.append(True))
    clicked = click_all(qtbot, closer, sign_in, prepare=sign_in.show)
    assert {"Sign in", "Open another database…", "Quit"} <= set(clicked)
    assert opened and quits

    first_run = FirstRunDialog(ctx)
    qtbot.addWidget(first_run)
    first_run.show()
    quits.clear()
    first_run.rejected.connect(lambda: quits.append(True))
    clicked = click_all(qtbot, closer, first_run, prepare=first_run.show)
    assert {"Create and sign in", "Quit"} <= set(clicked) and quits
