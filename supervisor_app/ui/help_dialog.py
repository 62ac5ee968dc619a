"""Help (F1): the first evening's four tasks in a few steps each, beside every keyboard shortcut.

The keys named in the guide and listed in the table are read from the window's own actions,
so they are the ones that work here. Esc or Enter closes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.screen_fit import fit_to_screen

GUIDE, SHORTCUTS = 0, 1


def action_keys(action: QAction) -> str:
    """An action's shortcuts as the platform writes them, each once ("Alt+Left" is often both
    the platform's Back key and the one given beside it)."""
    keys: list[str] = []
    for sequence in action.shortcuts():
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in keys:
            keys.append(text)
    return ", ".join(keys)


class HelpDialog(QDialog):
    def __init__(
        self,
        actions: Sequence[QAction],
        *,
        keys: dict[str, str],
        review: bool = False,
        page: int = GUIDE,
        parent: QWidget | None = None,
    ) -> None:
        """``actions``: those with shortcuts; ``keys``: the key of each task's action, by name
        (new_session, sign, page_3, page_4, print, lock, sign_out)."""
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(self.tr("Help"))
        self.setAccessibleName(self.tr("Help"))
        self._keys = keys
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Help pages"))
        self.guide = self._browser(self._guide_html(review), self.tr("Getting started"))
        self.shortcuts = self._browser(self._shortcuts_html(actions), self.tr("Keyboard shortcuts"))
        self.tabs.addTab(self.guide, self.tr("&Getting started"))
        self.tabs.addTab(self.shortcuts, self.tr("&Keyboard shortcuts"))
        self.tabs.setCurrentIndex(page)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)  # inside 1366x768 with room for the window's frame
        fit_to_screen(self)  # a laptop at 125-150%: never bigger than the screen
        self.tabs.currentWidget().setFocus()

    def _browser(self, html: str, name: str) -> QTextBrowser:
        browser = QTextBrowser(self)
        browser.setAccessibleName(name)
        browser.setOpenLinks(False)
        browser.setHtml(html)
        return browser

    def _key(self, name: str) -> str:
        key = self._keys.get(name, "")
        return f" (<b>{escape(key)}</b>)" if key else ""

    def _guide_html(self, review: bool) -> str:
        if review:
            return self.tr(
                "<h3>Your own hours</h3>"
                "<p>This is review mode: your signed and pending hours, your progress in each "
                "performance domain and what is still needed. Nothing can be changed here.</p>"
                "<p>To print your progress statement, use File ▸ Print my statement{print}. When you "
                "are done, give the computer back to your supervisor: ending the review needs a "
                "supervisor's password (File ▸ End review).</p>"
            ).format(print=self._key("print"))
        steps = [
            (
                self.tr("Record a session"),
                self.tr(
                    "File ▸ New session{new}. Type a name in Attendees and press Enter to check it. "
                    "Type the date (03/15/2026 or 2026-03-15), the start and the length, then the "
                    "minutes for each performance domain until the sum says <i>all allocated</i>. "
                    "Write the topics without client names. Enter saves; <i>Save and add another</i> "
                    "keeps the date and the attendees for the next one."
                ).format(new=self._key("new_session")),
            ),
            (
                self.tr("Sign hours"),
                self.tr(
                    "Open <i>To sign</i>{page}. Select the records you checked (Ctrl+A selects all), "
                    "then <i>Sign selected</i>{sign} and type your password once for the batch. "
                    "Signed records are final: a later correction is an <i>Amend</i> or a "
                    "<i>Void</i>, with a reason."
                ).format(page=self._key("page_3"), sign=self._key("sign")),
            ),
            (
                self.tr("Print the attestation form"),
                self.tr(
                    "Open <i>Attestations</i>{page}. Choose the supervisee, the supervisor and the "
                    "dates, look at the preview, then <i>Print</i>{print} or <i>Save PDF</i>. Only "
                    "signed hours are printed; sign the paper in ink."
                ).format(page=self._key("page_4"), print=self._key("print")),
            ),
            (
                self.tr("Let a supervisee review their hours"),
                self.tr(
                    "Open the supervisee's page and choose <i>Review with supervisee…</i> (or File ▸ "
                    "Review with supervisee…). The window then shows only that person's hours and "
                    "progress, and they can print their own statement; nothing can be changed or "
                    "signed, and nobody else's hours can be reached. Lock{lock} keeps the review on "
                    "that person; <i>End review</i> asks for a supervisor's password."
                ).format(lock=self._key("lock")),
            ),
        ]
        items = "".join(f"<li><p><b>{escape(title)}</b><br>{text}</p></li>" for title, text in steps)
        return (
            self.tr("<h3>Your first evening</h3>")
            + f"<ol>{items}</ol>"
            + self.tr(
                "<p>Every screen works from the keyboard: Tab moves between controls, Alt and the "
                "underlined letter jumps to a field, Enter saves, Esc cancels. The other tab lists "
                "every shortcut.</p>"
            )
        )

    def _shortcuts_html(self, actions: Sequence[QAction]) -> str:
        self.shortcut_rows: list[tuple[str, str]] = []  # (what, keys), as listed
        for action in actions:
            row = (action.text().replace("&", "").replace("…", ""), action_keys(action))
            if row[1] and row not in self.shortcut_rows:
                self.shortcut_rows.append(row)
        rows = [
            f"<tr><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>"
            for name, keys in self.shortcut_rows
        ]
        return (
            self.tr(
                "<p>Every screen works from the keyboard: Tab moves between controls, arrows move in "
                "lists, Enter opens or saves, Esc cancels, Space checks a box.</p>"
            )
            + f"<table cellpadding='3'>{''.join(rows)}</table>"
        )
