"""Small helpers shared by the widgets (not widgets themselves)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)

from supervisor_app.services.errors import DomainError
from supervisor_app.storage import server_lost
from supervisor_app.units import hours

__all__ = [
    "FieldErrors",
    "action_buttons",
    "caption_row",
    "error_label",
    "error_row",
    "fit_to_contents",
    "field_row",
    "format_hours",
    "from_qdate",
    "named",
    "password_edit",
    "past_date_edit",
    "row_table",
    "server_lost",
    "show_error",
    "status_text",
    "supervisor_choice",
    "to_qdate",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("common", text)


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control its accessible name (what a screen reader says) and return it."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def push_button(parent: QWidget, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    """A button with its accessible name (what a screen reader says), clicking ``slot``."""
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


def row_table(
    parent: QWidget,
    model: QAbstractItemModel,
    name: str,
    *,
    object_name: str = "",
    extended: bool = False,
    numbered: bool = False,
) -> QTableView:
    """A read-only table of ``model`` that selects whole rows (one; several if ``extended``),
    named ``name`` for screen readers; Tab leaves it rather than moving between its cells, and
    its rows are not numbered unless ``numbered``."""
    view = QTableView(parent)
    if object_name:
        view.setObjectName(object_name)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if extended
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    if not numbered:
        view.verticalHeader().setVisible(False)
    return view


def action_buttons(
    dialog: QDialog, action: str, on_action: Callable[[], object]
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's action button (the default: Enter) and Cancel (Esc), each named for screen
    readers as it reads; returns the row and the action button."""
    buttons = QDialogButtonBox(dialog)
    button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setAccessibleName(action.replace("&", ""))
    button.setDefault(True)
    button.clicked.connect(on_action)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("common", "Cancel"))
    cancel.clicked.connect(dialog.reject)
    return buttons, button


def caption_row(form: QFormLayout, caption: str, widget: QWidget) -> None:
    """A form row: ``caption`` (its mnemonic moves to ``widget``) beside ``widget``."""
    label = QLabel(caption, form.parentWidget())
    label.setBuddy(widget)
    form.addRow(label, widget)


def error_row(form: QFormLayout, field: str) -> QLabel:
    """The hidden error label for ``field`` (named ``error_<field>``), in a row of its own."""
    label = error_label(form.parentWidget())
    label.setObjectName(f"error_{field}")
    form.addRow("", label)
    return label


def field_row(
    form: QFormLayout, labels: dict[str, QLabel], caption: str, field: str, widget: QWidget
) -> None:
    """A caption row, then under it the error row for ``field``, kept in ``labels`` for a FieldErrors."""
    caption_row(form, caption, widget)
    labels[field] = error_row(form, field)


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    """A password field (what is typed is not shown), named ``name``."""
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


def supervisor_choice(
    parent: QWidget, name: str, choices: list[tuple[int, str, str]], current: int | None
) -> QComboBox:
    """The supervisors ``choices`` (id, name, credentials) to pick from, ``current`` picked if listed."""
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for supervisor_id, who, credentials in choices:
        combo.addItem(f"{who} ({credentials})" if credentials else who, supervisor_id)
    if current is not None and combo.findData(current) >= 0:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def past_date_edit(parent: QWidget, name: str) -> QDateEdit:
    """A yyyy-MM-dd date with a calendar, today at first and at the latest, named ``name``."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())
    edit.setDate(QDate.currentDate())
    edit.setAccessibleName(name)
    return edit


def format_hours(minutes: int) -> str:
    return hours(minutes)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def from_qtime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def status_text(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("common", "Pending"),
        "signed": QCoreApplication.translate("common", "Signed"),
        "amended": QCoreApplication.translate("common", "Amended (replaced)"),
        "voided": QCoreApplication.translate("common", "Voided"),
        "eligible": QCoreApplication.translate("common", "Eligible"),
        "on-track": QCoreApplication.translate("common", "On track"),
        "overdue": QCoreApplication.translate("common", "Overdue for supervision"),
        "inactive": QCoreApplication.translate("common", "Inactive"),
        "individual": QCoreApplication.translate("common", "Individual"),
        "group": QCoreApplication.translate("common", "Group"),
        "in-person": QCoreApplication.translate("common", "In person"),
        "video": QCoreApplication.translate("common", "Video"),
        "phone": QCoreApplication.translate("common", "Phone"),
        "paid": QCoreApplication.translate("common", "Paid"),
        "volunteer": QCoreApplication.translate("common", "Volunteer"),
        "internship": QCoreApplication.translate("common", "Internship"),
        "session": QCoreApplication.translate("common", "Session"),
        "experience": QCoreApplication.translate("common", "Experience"),
    }.get(status, status)


ERROR_STYLE = "color: #a40000; font-weight: 600;"


def error_label(parent: QWidget | None = None) -> QLabel:
    """A hidden, red, word-wrapped label placed under a field for its validation message."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    label.setAccessibleName(QCoreApplication.translate("common", "Error"))
    return label


def fit_to_contents(window: QWidget, width: int | None = None) -> None:
    """Make a dialog (``width`` wide, else as wide as it is) tall enough for what it shows now:
    a wrapped message that just appeared would otherwise get the one line the dialog had room
    for, and be cut off. A dialog on screen only grows; one not shown yet takes what it needs."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = width or window.width()
    needed = (
        layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    )
    window.resize(width, max(needed, window.height() if window.isVisible() else 0))


def scroll_into_view(widget: QWidget) -> None:
    """Scroll the scroll area ``widget`` is in (a dialog's fields on a small screen) so that it
    shows: a message under a field further down is not left out of sight."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    body = parent.widget()
    if body is not None and body.layout() is not None:
        body.layout().activate()  # the message was just shown: its place is known after this
    parent.ensureWidgetVisible(widget)


class FieldErrors:
    """Maps the services' ``DomainError.field`` names to the labels under the fields."""

    def __init__(self, labels: dict[str, QLabel], *, fallback: QLabel) -> None:
        self.labels = labels
        self.fallback = fallback

    def clear(self) -> None:
        for label in [*self.labels.values(), self.fallback]:
            label.clear()
            label.setVisible(False)

    def show(self, exc: BaseException) -> QLabel:
        """Show the message next to its field (or at the top); return the label used."""
        self.clear()
        field = getattr(exc, "field", None)
        label = self.labels.get(field or "", self.fallback)
        label.setText(str(exc) if isinstance(exc, DomainError) else _unexpected(exc))
        label.setVisible(True)
        label.setAccessibleDescription(label.text())
        if isinstance(label.window(), QDialog):
            fit_to_contents(label.window())
        scroll_into_view(label)
        return label

    def show_all(self, errors: list[BaseException]) -> list[QLabel]:
        """Show every message at once, each next to its field (two for one field: the first)."""
        self.clear()
        shown: list[QLabel] = []
        for exc in errors:
            label = self.labels.get(getattr(exc, "field", None) or "", self.fallback)
            if label in shown:
                continue
            label.setText(str(exc) if isinstance(exc, DomainError) else _unexpected(exc))
            label.setVisible(True)
            label.setAccessibleDescription(label.text())
            shown.append(label)
        if shown and isinstance(shown[0].window(), QDialog):
            fit_to_contents(shown[0].window())  # room for every message: nothing overlaps its field
        if shown:
            scroll_into_view(shown[0])
        return shown

    def message(self, field: str) -> str:
        label = self.labels.get(field, self.fallback)
        return label.text() if label.isVisible() or label.text() else ""


# What SQLite says, and what a supervisor can do about it.
_STORAGE_ERRORS = (
    (
        ("malformed", "not a database", "file is encrypted"),
        QT_TRANSLATE_NOOP(
            "common",
            "The database file is damaged, so this could not be read or saved ({error}). Nothing was "
            "saved. Quit supervisor_app and start it again: it checks the file and offers to restore "
            "the newest backup.",
        ),
    ),
    (
        ("disk is full",),
        QT_TRANSLATE_NOOP("common", "The disk is full, so nothing was saved. Free some space and try again."),
    ),
    (
        ("disk i/o error", "unable to open database file", "readonly database", "read-only database"),
        QT_TRANSLATE_NOOP(
            "common",
            "The database file could not be read or written ({error}). Nothing was saved. Check that the "
            "disk or network drive it is on is connected, then try again.",
        ),
    ),
    (
        ("database is locked", "database is busy"),
        QT_TRANSLATE_NOOP(
            "common",
            "Another program is using the database right now, so nothing was saved. Try again in a moment.",
        ),
    ),
)


SERVER_LOST = QT_TRANSLATE_NOOP(
    "common",
    "The agency database cannot be reached: its server stopped, or the network is down. Nothing "
    "was saved. Try again once the connection is back; if it lasts, ask the agency's administrator.",
)


def no_file_to_open_here() -> str:
    """Why opening another database is disabled while the app is on the agency database (the
    tooltip of every control that would open one): a file chooser cannot name a server."""
    return _tr("The app is on the agency database: to open a database file, start the app with that file.")


def _unexpected(exc: BaseException) -> str:
    if server_lost(exc):
        return _tr(SERVER_LOST)
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    if isinstance(cause, sqlite3.Error):
        said = str(cause).lower()
        for phrases, text in _STORAGE_ERRORS:
            if any(phrase in said for phrase in phrases):
                return _tr(text).format(error=cause)
    return QCoreApplication.translate("common", "Something went wrong and nothing was saved: {error}").format(
        error=exc
    )


def show_error(parent: QWidget | None, exc: BaseException, *, title: str = "") -> None:
    """A message box for an error that has no field to sit next to."""
    text = str(exc) if isinstance(exc, DomainError) else _unexpected(exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("common", "Not done"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAccessibleName(title or QCoreApplication.translate("common", "Not done"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not a hidden child for every error
    if parent is None:  # nothing else holds it: kept until it is closed, or it vanishes at once
        _OPEN_BOXES.add(box)
        box.finished.connect(lambda _result: _OPEN_BOXES.discard(box))
    box.open()


_OPEN_BOXES: set[QMessageBox] = set()
