"""The domain allocation grid: one row per performance domain, with a live sum.

For a session the unit is minutes and the sum is compared with the session's length
("Allocated 45 of 60 min: 15 min left"); for an experience entry the unit is hours and the
sum is the entry's total.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.i18n import format_hours as hours
from supervisor_app.labels import domain_label
from supervisor_app.ui.qt_fixes import emit


class AllocationGrid(QWidget):
    changed = Signal()

    def __init__(self, *, unit: str = "minutes", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self._target: int | None = None
        self._step = 15
        self._spins: dict[str, QAbstractSpinBox] = {}
        self._labels: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._hint = QLabel(self.tr("Choose who attended to see their performance domains."), self)
        self._hint.setWordWrap(True)
        outer.addWidget(self._hint)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._grid_host)
        self.sum_label = QLabel(self)
        self.sum_label.setAccessibleName(self.tr("Allocated time"))
        outer.addWidget(self.sum_label)
        self.setAccessibleName(self.tr("Time per performance domain"))
        self._update_sum()

    # Configuration ---------------------------------------------------------------------------
    def set_domains(self, domains: Sequence[tuple[str, str]], *, step: int = 15) -> None:
        """Show these (code, label) rows, keeping the values of codes that stay."""
        if list(domains) == list(self._labels.items()) and step == self._step:
            return
        kept = self.values()
        for spin in self._spins.values():
            spin.setParent(None)
            spin.deleteLater()
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._spins.clear()
        self._labels = dict(domains)
        self._step = step
        for row, (code, name) in enumerate(domains):
            label = domain_label(name)  # the board's name, and the reader's after it
            spin = self._make_spin()
            spin.setAccessibleName(self.tr("{domain}, {unit}").format(domain=label, unit=self._unit_word()))
            spin.setObjectName(f"allocation_{code}")
            text = QLabel(label.replace("&", "&&"), self._grid_host)  # "Reports & Record Keeping"
            text.setBuddy(spin)
            self._grid.addWidget(text, row, 0)
            self._grid.addWidget(spin, row, 1)
            self._spins[code] = spin
            if code in kept:
                self._set_spin(spin, kept[code])
            spin.valueChanged.connect(self._on_value_changed)
        self._hint.setVisible(not domains)
        self._update_sum()

    def set_target(self, minutes: int | None) -> None:
        self._target = minutes
        self._update_sum()

    # Values -------------------------------------------------------------------------------
    def values(self) -> dict[str, int]:
        """Minutes per domain code, only the domains with time."""
        result: dict[str, int] = {}
        for code, spin in self._spins.items():
            minutes = self._minutes(spin)
            if minutes > 0:
                result[code] = minutes
        return result

    def set_values(self, minutes_by_code: dict[str, int]) -> None:
        for code, spin in self._spins.items():
            self._set_spin(spin, minutes_by_code.get(code, 0))
        self._update_sum()

    def total(self) -> int:
        return sum(self.values().values())

    def spin(self, code: str) -> QAbstractSpinBox:
        return self._spins[code]

    def codes(self) -> list[str]:
        return list(self._spins)

    def spins(self) -> list[QAbstractSpinBox]:
        """The domain fields, top to bottom (for the editor's Tab order)."""
        return list(self._spins.values())

    def first_spin(self) -> QAbstractSpinBox | None:
        return next(iter(self._spins.values()), None)

    # Internals -------------------------------------------------------------------------------
    def _unit_word(self) -> str:
        return self.tr("minutes") if self.unit == "minutes" else self.tr("hours")

    def _make_spin(self) -> QAbstractSpinBox:
        if self.unit == "minutes":
            spin = QSpinBox(self._grid_host)
            spin.setRange(0, 24 * 60)
            spin.setSingleStep(self._step)
            spin.setSuffix(self.tr(" min"))
        else:
            spin = QDoubleSpinBox(self._grid_host)
            spin.setDecimals(2)
            spin.setRange(0, 24 * 366)
            spin.setSingleStep(1.0)
            spin.setSuffix(self.tr(" h"))
        spin.setAccelerated(True)
        spin.setMinimumWidth(110)
        return spin

    def _minutes(self, spin: QAbstractSpinBox) -> int:
        if isinstance(spin, QSpinBox):
            return spin.value()
        assert isinstance(spin, QDoubleSpinBox)
        return round(spin.value() * 60)

    def _set_spin(self, spin: QAbstractSpinBox, minutes: int) -> None:
        if isinstance(spin, QSpinBox):
            spin.setValue(minutes)
        else:
            assert isinstance(spin, QDoubleSpinBox)
            spin.setValue(minutes / 60)

    def _on_value_changed(self, *_args: object) -> None:
        self._update_sum()
        emit(self.changed)

    def _update_sum(self) -> None:
        total = self.total()
        if self.unit != "minutes":
            self.sum_label.setText(self.tr("Total: {hours} hours").format(hours=hours(total)))
            self.sum_label.setStyleSheet("")
            return
        if self._target is None:
            self.sum_label.setText(self.tr("Allocated: {total} min").format(total=total))
            self.sum_label.setStyleSheet("")
            return
        left = self._target - total
        if left == 0:
            text = self.tr("Allocated {total} of {length} min: all allocated.")
            style = "color: #1e6b1e;"
        elif left > 0:
            text = self.tr("Allocated {total} of {length} min: {left} min left to allocate.")
            style = "color: #7a4b00;"
        else:
            text = self.tr("Allocated {total} of {length} min: {over} min too many.")
            style = "color: #a40000; font-weight: 600;"
        self.sum_label.setText(text.format(total=total, length=self._target, left=left, over=-left))
        self.sum_label.setStyleSheet(style)
        self.sum_label.setAccessibleDescription(self.sum_label.text())
