"""The yellow "Demo data" banner: shown whenever the app runs on the throwaway sample agency."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class DemoBanner(QLabel):
    def __init__(self, parent: QWidget | None = None, *, extra: str = "") -> None:
        text = self.tr(
            "<b>Demo data</b>: a throwaway sample agency. Nothing here touches your real records, "
            "and it is deleted when the app closes."
        )
        super().__init__(text + (f" {extra}" if extra else ""), parent)
        self.setObjectName("demo_banner")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Demo data"))
        self.setStyleSheet(
            "QLabel#demo_banner { background:#fff3cd; color:#5c4400; padding:6px 10px;"
            " border:1px solid #e0c36a; border-radius:3px; }"
        )
