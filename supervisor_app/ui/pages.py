"""The main window's pages by name: which entry of the navigation list shows which page.

Only the first screen is built (and its module imported) before the window shows; every other
page is built the first time it is shown or asked for (``window.records_page``...). At agency
scale that is a good part of the start-up time. :class:`PageRegistry` is the one place that
knows a page's row in the navigation list and its widget in the stack; everything else (the
window, its View menu, the tests) names the page.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QStyle, QWidget

from supervisor_app.ui.window_parts import nav_item


class Page(Enum):
    SUPERVISEES = "supervisees"  # the list of supervisees, and one person's page over it
    DETAIL = "detail"  # one supervisee's progress; in a review, the first screen ("My progress")
    RECORDS = "records"
    TO_SIGN = "to_sign"
    ATTESTATIONS = "attestations"  # in a review, "My statement"
    AUDIT = "audit"
    SETTINGS = "settings"
    DUE = "due"


class PageRegistry(QObject):
    """The pages of one window: each page's nav row, its widget (or the placeholder that stands
    for it until it is built) and how to build it."""

    def __init__(self, nav: QListWidget, stack: QStackedWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.nav = nav
        self.stack = stack
        self._pages: dict[Page, Any] = {}
        self._builders: dict[Page, Any] = {}
        self._rows: dict[Page, int] = {}

    def add(self, page: Page, text: str, icon: QStyle.StandardPixmap, build: Any) -> None:
        """A nav entry for ``page``, built the first time it is shown or asked for."""
        self._nav_item(page, text, icon)
        self.add_lazy(self.stack, page, build)

    def add_built(self, page: Page, text: str, icon: QStyle.StandardPixmap, widget: QWidget) -> None:
        """A nav entry for ``page``, already built (the first screen)."""
        self._nav_item(page, text, icon)
        self.stack.addWidget(widget)
        self._pages[page] = widget

    def add_absent(self, page: Page) -> None:
        """A page this window does not have (review mode): asking for it gives None."""
        self._pages[page] = None

    def _nav_item(self, page: Page, text: str, icon: QStyle.StandardPixmap) -> None:
        self._rows[page] = self.nav.count()
        nav_item(self.nav, text, icon)

    def add_lazy(self, container: QStackedWidget, page: Page, build: Any) -> None:
        placeholder = QWidget(container)
        placeholder.setAccessibleName(self.tr("Loading…"))
        container.addWidget(placeholder)
        self._pages[page] = placeholder
        self._builders[page] = build

    def get(self, name: Page) -> Any:
        """The page ``name``, built now if this is the first time it is needed."""
        build = self._builders.get(name)
        if build is None:
            return self._pages.get(name)
        placeholder = self._pages[name]
        container = placeholder.parentWidget()
        assert isinstance(container, QStackedWidget)
        current = container.currentWidget() is placeholder
        page = build()  # if this fails (a disk error), the page is built again next time
        del self._builders[name]
        self._pages[name] = page
        index = container.indexOf(placeholder)
        container.insertWidget(index, page)
        if current:
            container.setCurrentWidget(page)
        container.removeWidget(placeholder)
        placeholder.deleteLater()
        return page

    def built(self, name: Page) -> Any:
        """The page ``name`` if it has been built, else None (never builds it)."""
        return None if name in self._builders else self._pages.get(name)

    def row(self, page: Page) -> int | None:
        """``page``'s row in the navigation list (None: it has none in this window)."""
        return self._rows.get(page)

    def pages(self) -> list[Page]:
        """The pages in the navigation list, top to bottom."""
        return sorted(self._rows, key=self._rows.__getitem__)

    def item(self, page: Page) -> QListWidgetItem | None:
        row = self.row(page)
        return None if row is None else self.nav.item(row)

    def show(self, page: Page) -> None:
        row = self.row(page)
        if row is not None:
            self.nav.setCurrentRow(row)

    def on_nav(self, row: int) -> None:
        """The navigation list chose ``row``: show its page, built now if it was not yet."""
        if row >= 0:
            self.stack.setCurrentIndex(row)
            shown = self.stack.currentWidget()
            for name, page in list(self._pages.items()):
                if page is shown and name in self._builders:  # a placeholder: build the page now
                    self.get(name)
                    break
