"""Date and time fields that take what a person types, whatever part the cursor is in.

A plain QDateEdit edits one section at a time: typing "03152026" while the cursor is in the
year, or "3/15/2026" anywhere, gives a wrong date. These fields select everything when they
get focus, and what is typed then is read as a whole: 03152026, 3/15/2026, 3-15-26,
2026-03-15 or 20260315 for a date; 930, 0930, 9:30 or 14:05 for a time. The field shows the
value as it is typed (parts not typed yet keep what was there). A typed value that cannot be
(02/30/2026, month 13, a date after the field's maximum) leaves the field as it was and is
reported by ``problem()`` and ``problem_changed``, for the editor to show next to the field
and refuse to save. Arrow keys, Page Up/Down, the calendar and a second click (to edit one
part) work as in any date field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

from supervisor_app.ui.qt_fixes import emit

_PASS_THROUGH = {
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
}


def _take(digits: str, limit: int) -> str:
    """The leading digits of ``digits`` that make one number up to ``limit`` (1 or 2 digits)."""
    if len(digits) >= 2 and int(digits[:2]) <= limit:
        return digits[:2]
    return digits[:1]


def read_date(typed: str, start: dt.date, *, final: bool) -> tuple[dt.date | None, str]:
    """What ``typed`` means so far: the date (parts not typed yet from ``start``) and "", or
    None and why not. US order (month, day, year) unless it starts with a four-digit year."""
    example = QCoreApplication.translate(
        "date_field", "Type the date as month/day/year, e.g. 03/15/2026, or as 2026-03-15."
    )
    if not typed:
        return start, ""
    if re.fullmatch(r"\d+", typed):
        if typed[:2] in ("19", "20") and len(typed) > 2:  # 2026..., 1999...: year first
            year, rest = typed[:4], typed[4:]
            month = _take(rest, 12)
            day = rest[len(month) :]
            order = ["year", "month", "day"]
        else:
            month = _take(typed, 12)
            rest = typed[len(month) :]
            day = _take(rest, 31)
            year = rest[len(day) :]
            order = ["month", "day", "year"]
        parts = {"year": year, "month": month, "day": day}
        typing = next((name for name in reversed(order) if parts[name]), order[0])
    else:
        tokens = re.split(r"[/\-.]", typed)
        if len(tokens) > 3 or any(not re.fullmatch(r"\d*", t) for t in tokens):
            return None, example
        order = ["year", "month", "day"] if len(tokens[0]) >= 3 else ["month", "day", "year"]
        typing = order[len(tokens) - 1]
        parts = dict(zip(order, tokens + [""] * (3 - len(tokens)), strict=True))
        year, month, day = parts["year"], parts["month"], parts["day"]
    if len(year) > 4 or len(month) > 2 or len(day) > 2:
        return None, example
    if year == "":
        y = start.year
    elif len(year) == 4:
        y = int(year)
    elif len(year) == 2 and final:
        y = 2000 + int(year)
    elif final:
        return None, QCoreApplication.translate("date_field", "Type the year with four digits, e.g. 2026.")
    else:
        y = start.year
    # A lone 0 being typed is the start of 01-09: until the next digit the old value stays.
    m = start.month if month == "" or (month == "0" and typing == "month" and not final) else int(month)
    d = start.day if day == "" or (day == "0" and typing == "day" and not final) else int(day)
    if not 1 <= m <= 12:
        return None, QCoreApplication.translate("date_field", "There is no month {month}. {example}").format(
            month=month, example=example
        )
    try:
        return dt.date(y, m, d), ""
    except ValueError:
        if day == "" and not final:  # the day shown does not fit the month typed: its last day
            last_day = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
            return dt.date(y, m, last_day), ""
        return None, QCoreApplication.translate(
            "date_field", "{month:02d}/{day:02d}/{year} is not a date. {example}"
        ).format(month=m, day=d, year=y, example=example)


def read_time(typed: str, start: dt.time, *, final: bool) -> tuple[dt.time | None, str]:
    """What ``typed`` means so far as a 24-hour time (9:30, 930, 0930, 14:05)."""
    example = QCoreApplication.translate("date_field", "Type the time as hours:minutes, e.g. 9:30 or 14:05.")
    if not typed:
        return start, ""
    if re.fullmatch(r"\d+", typed):
        hour = _take(typed, 23)
        minute = typed[len(hour) :]
    else:
        parts = re.split(r"[:.]", typed)
        if len(parts) > 2 or any(not re.fullmatch(r"\d*", p) for p in parts):
            return None, example
        hour, minute = parts[0], parts[1] if len(parts) > 1 else ""
    if len(hour) > 2 or len(minute) > 2 or hour == "":
        return None, example
    if final and len(minute) == 1:
        return None, QCoreApplication.translate("date_field", "Type the minutes with two digits, e.g. 9:05.")
    h = int(hour)
    m = int(minute) if len(minute) == 2 else (0 if final or minute == "" else start.minute)
    if h > 23 or m > 59:
        return None, example
    return dt.time(h, m), ""


class _TypedField:
    """What the date and the time field share (a mixin before the Qt class)."""

    _typed: str | None = None
    _start: Any = None
    _problem = ""
    _fresh = False
    _applying = False
    _kept: Any = None
    _SEPARATORS = ""

    # Each field says how it reads, shows and compares its values.
    def _value(self) -> Any:
        raise NotImplementedError

    def _read(self, typed: str, final: bool) -> tuple[Any, str]:
        raise NotImplementedError

    def _set(self, value: Any) -> str:
        """Show ``value``; a problem instead if the field cannot take it."""
        raise NotImplementedError

    def _announce(self, problem: str) -> None:
        raise NotImplementedError

    # Public ---------------------------------------------------------------------------------
    def problem(self) -> str:
        """Why what was typed is not a value ("" when it is)."""
        return self._problem

    def typing(self) -> bool:
        return bool(self._typed)

    # Events ---------------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)  # type: ignore[misc]
        self._begin()
        self._fresh = event.reason() == Qt.FocusReason.MouseFocusReason

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)  # type: ignore[misc]
        if self._fresh:  # the click that brought focus: everything stays selected
            self._fresh = False
            self.selectAll()  # type: ignore[attr-defined]
        else:  # a second click picks the part to edit
            self._finish()
            self._typed = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self._fresh = False
        text = event.text()
        modifiers = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if (
            self._typed is not None
            and not modifiers
            and text
            and (text.isdigit() or text in self._SEPARATORS)
        ):
            self._typed += text
            self._apply(final=False)
            event.accept()
            return
        if self._typed and event.key() == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            self._apply(final=False)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish()
            super().keyPressEvent(event)  # type: ignore[misc]
            self._begin()  # still here (a refused save): typing starts afresh
            return
        if event.key() not in _PASS_THROUGH:
            self._finish()
            self._typed = None  # arrows, Page Up/Down...: the field's own editing
        super().keyPressEvent(event)  # type: ignore[misc]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        # Tab leaves the field (a QDateTimeEdit would step through its parts; arrows do that).
        return QWidget.focusNextPrevChild(self, next)  # type: ignore[arg-type]

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self._finish()
        self._typed = None
        super().focusOutEvent(event)  # type: ignore[misc]

    # Internals ------------------------------------------------------------------------------
    def _begin(self) -> None:
        self._typed = ""
        self._start = self._value()
        self.selectAll()  # type: ignore[attr-defined]

    def _finish(self) -> None:
        if self._typed:
            self._apply(final=True)

    def _apply(self, *, final: bool) -> None:
        value, problem = self._read(self._typed or "", final)
        self._applying = True
        try:
            if value is not None:
                problem = self._set(value)
            if problem:  # not a date nobody typed: what was there before, and why not
                self._set(self._start)
        finally:
            self._applying = False
        self._set_problem(problem)

    def _set_problem(self, problem: str) -> None:
        self._kept = self._value()  # what the field shows meanwhile
        if problem != self._problem:
            self._problem = problem
            self.setToolTip(problem)  # type: ignore[attr-defined]
            self._announce(problem)

    def _on_changed(self, *_args: object) -> None:
        if not self._applying and self._value() != self._kept:  # arrows or the calendar
            self._set_problem("")


class DateField(_TypedField, QDateEdit):
    problem_changed = Signal(str)
    _SEPARATORS = "/-."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "date_field", "Type a date such as 03/15/2026 or 2026-03-15, or press Alt+Down."
            )
        )
        self.dateChanged.connect(self._on_changed)

    def _value(self) -> dt.date:
        day = self.date()
        return dt.date(day.year(), day.month(), day.day())

    def _read(self, typed: str, final: bool) -> tuple[dt.date | None, str]:
        return read_date(typed, self._start, final=final)

    def _set(self, value: dt.date) -> str:
        day = QDate(value.year, value.month, value.day)
        if day > self.maximumDate():
            return QCoreApplication.translate(
                "date_field", "{date} is in the future; record hours once they have happened."
            ).format(date=value.isoformat())
        if day < self.minimumDate():
            return QCoreApplication.translate("date_field", "{date} is too early.").format(
                date=value.isoformat()
            )
        self.setDate(day)
        return ""

    def _announce(self, problem: str) -> None:
        emit(self.problem_changed, problem)


class TimeField(_TypedField, QTimeEdit):
    problem_changed = Signal(str)
    _SEPARATORS = ":."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.setAccessibleDescription(
            QCoreApplication.translate("date_field", "Type a 24-hour time such as 9:30 or 14:05.")
        )
        self.timeChanged.connect(self._on_changed)

    def _value(self) -> dt.time:
        value = self.time()
        return dt.time(value.hour(), value.minute())

    def _read(self, typed: str, final: bool) -> tuple[dt.time | None, str]:
        return read_time(typed, self._start, final=final)

    def _set(self, value: dt.time) -> str:
        self.setTime(QTime(value.hour, value.minute))
        return ""

    def _announce(self, problem: str) -> None:
        emit(self.problem_changed, problem)
