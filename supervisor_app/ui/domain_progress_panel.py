"""Progress per performance domain, as bars: signed hours against the domain's minimum."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QProgressBar, QWidget

from supervisor_app.i18n import format_hours as hours
from supervisor_app.labels import domain_label
from supervisor_app.services.profiles import GENERAL_DOMAIN
from supervisor_app.services.requirements import PartProgress
from supervisor_app.units import hours_change


class DomainProgressPanel(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self.bars: dict[str, QProgressBar] = {}

    def set_part(self, part: PartProgress, *, cover_every_domain: bool) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.bars = {}
        total = QProgressBar(self)
        total.setRange(0, max(1, part.required_minutes))
        total.setValue(min(part.counted_minutes, max(1, part.required_minutes)))
        total.setFormat(
            self.tr("{counted} of {required} h").format(
                counted=hours(part.counted_minutes), required=hours(part.required_minutes)
            )
        )
        total.setAccessibleName(self.tr("Total: {text}").format(text=total.format()))
        label = QLabel(self.tr("<b>Total</b>"), self)
        self._grid.addWidget(label, 0, 0)
        self._grid.addWidget(total, 0, 1)
        self._grid.addWidget(QLabel(self._pending_text(part.pending_minutes), self), 0, 2)
        self.bars["total"] = total
        row = 1
        for domain in part.domains.values():
            if domain.code == GENERAL_DOMAIN and not domain.signed_minutes and not domain.pending_minutes:
                continue
            bar = QProgressBar(self)
            if domain.required_minutes > 0:
                bar.setRange(0, domain.required_minutes)
                bar.setValue(min(domain.signed_minutes, domain.required_minutes))
                bar.setFormat(
                    self.tr("{signed} of {required} h").format(
                        signed=hours(domain.signed_minutes), required=hours(domain.required_minutes)
                    )
                )
            else:
                bar.setRange(0, 1)
                bar.setValue(1 if domain.signed_minutes > 0 else 0)
                if domain.signed_minutes > 0:
                    bar.setFormat(self.tr("{signed} h").format(signed=hours(domain.signed_minutes)))
                elif cover_every_domain and domain.code != GENERAL_DOMAIN:
                    bar.setFormat(self.tr("not covered yet"))
                else:
                    bar.setFormat(self.tr("0.00 h"))
                if cover_every_domain and domain.code != GENERAL_DOMAIN:
                    bar.setToolTip(self.tr("No minimum per domain, but every domain must be covered."))
            label = domain_label(domain.label)  # the board's name, and the reader's after it
            bar.setAccessibleName(self.tr("{domain}: {text}").format(domain=label, text=bar.format()))
            # "Professional Responsibility (Responsabilidad profesional)": the reader's own name
            # on a second line, so the bars keep their width
            name = QLabel(label if label == domain.label else label.replace(" (", "\n(", 1), self)
            name.setBuddy(bar)
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(bar, row, 1)
            self._grid.addWidget(QLabel(self._pending_text(domain.pending_minutes), self), row, 2)
            self.bars[domain.code] = bar
            row += 1

    def _pending_text(self, minutes: int) -> str:
        return self.tr("{h} h pending").format(h=hours_change(minutes)) if minutes else ""
