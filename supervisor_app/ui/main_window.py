"""The main window (a first, minimal version: supervisees and their progress)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.db import Database
from supervisor_app.services import people
from supervisor_app.services.progress import compute_progress, hours


class MainWindow(QMainWindow):
    def __init__(self, db: Database, *, demo: bool = False) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(self.tr("supervisor_app") + (self.tr(" — Demo data") if demo else ""))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if demo:
            banner = QLabel(
                self.tr("Demo data: a throwaway sample agency. Nothing here touches your real records.")
            )
            banner.setStyleSheet("background:#fff3cd;color:#5c4400;padding:6px;border:1px solid #e0c36a;")
            layout.addWidget(banner)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Supervisees"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Supervisee"),
                self.tr("Credential"),
                self.tr("Supervision h"),
                self.tr("Experience h"),
                self.tr("Eligible"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(str(db.path or db.url))
        self.resize(1100, 700)
        self.refresh()

    def refresh(self) -> None:
        with self.db.uow("ui") as uow:
            supervisees = people.list_supervisees(uow)
            self.table.setRowCount(len(supervisees))
            for row, supervisee in enumerate(supervisees):
                result = compute_progress(uow, supervisee_id=supervisee.id)
                values = [
                    supervisee.name,
                    supervisee.credential,
                    f"{hours(result.supervision.counted_minutes)} / {hours(result.supervision.required_minutes)}",
                    f"{hours(result.experience.counted_minutes)} / {hours(result.experience.required_minutes)}",
                    self.tr("yes") if result.eligible else self.tr("no"),
                ]
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    if column in (2, 3):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
