"""Screens that fit a laptop at 125% and 150% display scaling.

Agency laptops often run Windows at 150% on a 1366x768 panel: the app then has 911x512 of
Qt's (scaled) units, less the taskbar and the window's title bar, about 911x430. Pages and
dialogs laid out for a larger screen use what is here: :func:`narrow` picks a stacked layout
instead of side-by-side columns, :func:`scrolling` lets a tall body scroll while a dialog's
buttons stay in view, and :func:`fit_to_screen` keeps a window's size and place on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QStyle, QVBoxLayout, QWidget

# Below this width (in scaled units) side-by-side columns do not fit: 1366 at 125% is 1093.
NARROW_WIDTH = 1200
# From this width up (a 1920 or 1680 screen at 100%) a row of buttons may carry a person's name;
# a 1366 laptop has room for the buttons' short words only, in English and in Spanish.
ROOMY_WIDTH = 1600
# What Windows takes from the screen's height for the taskbar and a window's title bar, in
# scaled units (48 + 32 at 100%: Windows 11's taskbar and title bar).
WINDOW_CHROME_HEIGHT = 80


def available(widget: QWidget | None = None) -> QRect:
    """The part of the screen ``widget`` is on (else the main screen) that windows may use."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def narrow(widget: QWidget | None = None) -> bool:
    """Whether the screen is too narrow for side-by-side columns (a 1366x768 laptop at 125%+)."""
    return available(widget).width() < NARROW_WIDTH


def usable_height(widget: QWidget | None = None) -> int:
    """The height a window's contents can have on the screen, title bar and taskbar left out
    (Qt's offscreen and some X11 screens report the whole screen as available)."""
    area = available(widget)
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    whole = screen.geometry().height() if screen is not None else area.height()
    taken = whole - area.height()  # what the system already reserves (the taskbar, if it says so)
    return area.height() - max(0, WINDOW_CHROME_HEIGHT - taken)


class _UpAndDown(QScrollArea):
    """A scroll area that scrolls up and down only: never narrower than its contents can be."""

    def _width(self, width: int) -> int:
        body = self.widget()
        if body is None:
            return width
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(width, body.minimumSizeHint().width() + bar + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(self._width(hint.width()), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(self._width(hint.width()), hint.height())


def scrolling(body: QWidget, parent: QWidget | None = None, *, sideways: bool = True) -> QScrollArea:
    """``body`` in a frameless scroll area as tall and wide as ``body`` wants, scrolling only
    when the screen is smaller than that. ``sideways=False``: it scrolls up and down only, and
    is never narrower than ``body`` can be (a dialog's fields, a panel in a splitter)."""
    area = QScrollArea(parent) if sideways else _UpAndDown(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
    if not sideways:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(body)
    return area


def fit_to_screen(window: QWidget) -> None:
    """Shrink ``window`` to the screen it is on (never below its minimum) and move it inside."""
    area = available(window)
    height = min(window.height(), usable_height(window))
    width = min(window.width(), area.width())
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.x()), max(y, area.y()))


def short(widget: QWidget | None = None, height: int = 600) -> bool:
    """Whether a window's contents get less than ``height`` of the screen (1366x768 at 125%+)."""
    return usable_height(widget) < height


def dialog_body(dialog: QWidget, outer: QBoxLayout, *, compact: bool) -> QBoxLayout:
    """Where a dialog's fields go: ``outer`` itself, or when ``compact`` a scrolling body inside
    it, so that what is added to ``outer`` afterwards (the buttons) stays in view."""
    if not compact:
        return outer
    body = QWidget(dialog)
    body.setObjectName("scrolling_body")
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scrolling(body, dialog, sideways=False), 1)
    return layout
