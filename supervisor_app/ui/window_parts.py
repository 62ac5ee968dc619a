"""What the main window and the hours-file window build alike: the light-blue banner that says
what mode the window is in, and the list of screens at the left beside the screens themselves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.screen_fit import narrow


def info_banner(parent: QWidget, object_name: str, accessible_name: str) -> tuple[QWidget, QHBoxLayout]:
    """An empty light-blue banner named ``object_name``, and the row to put its text and buttons in."""
    banner = QWidget(parent)
    banner.setObjectName(object_name)
    banner.setAccessibleName(accessible_name)
    banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    banner.setStyleSheet(
        f"QWidget#{object_name}{{background:#e3eefb;border:1px solid #a9c4e4;}}QLabel{{color:#1d3b5c;}}"
    )
    row = QHBoxLayout(banner)
    row.setContentsMargins(10, 4, 6, 4)
    return banner, row


def add_screens(
    window: QMainWindow, central: QWidget, outer: QVBoxLayout
) -> tuple[QListWidget, QStackedWidget]:
    """The list of screens (left) and the stack that shows the chosen one, under what ``outer``
    holds; ``central`` becomes the window's central widget."""
    body = QHBoxLayout()
    outer.addLayout(body, 1)
    nav = QListWidget(central)
    nav.setObjectName("navigation")
    nav.setAccessibleName(QCoreApplication.translate("MainWindow", "Screens"))
    nav.setFixedWidth(140 if narrow(window) else 170)  # a laptop at 125-150%: room for the tables
    nav.setIconSize(QSize(20, 20))
    nav.setSpacing(2)
    body.addWidget(nav)
    stack = QStackedWidget(central)
    stack.setAccessibleName(QCoreApplication.translate("MainWindow", "Current screen"))
    body.addWidget(stack, 1)
    window.setCentralWidget(central)
    return nav, stack


def nav_item(nav: QListWidget, text: str, icon: QStyle.StandardPixmap) -> None:
    """A screen's entry in the list: its icon and name (also what a screen reader says)."""
    item = QListWidgetItem(nav.style().standardIcon(icon), text, nav)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
