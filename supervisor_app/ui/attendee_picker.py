"""Who attended: a filterable list of supervisees with check boxes (Space toggles)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from supervisor_app.ui.qt_fixes import emit
from supervisor_app.units import fold


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    credential: str
    supervisor_id: int | None = None


class AttendeePicker(QWidget):
    changed = Signal()

    def __init__(self, people: Sequence[PersonChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = {p.id: p for p in people}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type a name, then Enter to check it (↓ to the list)"))
        self.filter.installEventFilter(self)
        self.filter.setAccessibleName(self.tr("Filter supervisees"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Attendees"))
        self.list.setAccessibleDescription(
            self.tr("Check everyone who attended; Space checks the current name.")
        )
        self.list.setMinimumHeight(120)
        for person in people:
            item = QListWidgetItem(f"{person.name}  ({person.credential})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.itemChanged.connect(lambda _item: emit(self.changed))
        layout.addWidget(self.list)
        self.setAccessibleName(self.tr("Attendees"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down:
                self.list.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.filter.text().strip():
                item = self.list.currentItem()
                if item is not None and not item.isHidden():
                    checked = item.checkState() == Qt.CheckState.Checked
                    item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                self.filter.clear()
                return True  # Enter here checks a name; it does not save the dialog
        return super().eventFilter(watched, event)

    def person(self, person_id: int) -> PersonChoice | None:
        return self._people.get(person_id)

    def checked_ids(self) -> list[int]:
        ids = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            checked = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        emit(self.changed)

    def _on_filter(self, text: str) -> None:
        needle = fold(text.strip())
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in fold(item.text())
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        if first_visible is not None:
            self.list.setCurrentItem(first_visible)
