"""Hours over time: cumulative signed hours per month against the requirement (QPainter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from supervisor_app.services.monthly_hours import MonthHours

SIGNED = QColor("#1f5fa8")
PENDING = QColor("#c77700")
TARGET = QColor("#707070")


class HoursChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._months: list[dt.date] = []
        self._signed: list[float] = []  # cumulative hours
        self._with_pending: list[float] = []
        self._target = 0.0
        self.setMinimumSize(280, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 240)

    def set_data(self, months: Sequence[MonthHours], *, part: str, required_minutes: int) -> None:
        self._months = [m.month for m in months]
        signed = pending = 0
        self._signed, self._with_pending = [], []
        for month in months:
            if part == "supervision":
                signed += month.supervision_signed
                pending += month.supervision_pending
            else:
                signed += month.experience_signed
                pending += month.experience_pending
            self._signed.append(signed / 60)
            self._with_pending.append((signed + pending) / 60)
        self._target = required_minutes / 60
        last = self._signed[-1] if self._signed else 0.0
        self.setAccessibleDescription(
            self.tr("{title}: {signed:.2f} of {target:.2f} hours signed, cumulative by month.").format(
                title=self.title, signed=last, target=self._target
            )
        )
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_pen = QPen(palette.text().color())
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        painter.setFont(self.font())
        painter.setPen(text_pen)
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        plot = QRectF(52, 28, max(10, self.width() - 64), max(10, self.height() - 70))
        painter.setFont(small)
        if not self._months:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No hours recorded yet"))
            painter.end()
            return
        step = _nice_step(max(self._target, max(self._with_pending, default=0.0), 1.0) / 4)
        ticks = int(max(self._target, max(self._with_pending, default=0.0), 1.0) // step) + 1
        top = step * ticks
        months = self._months

        def x_at(i: int) -> float:
            if len(months) == 1:
                return plot.center().x()
            return plot.left() + plot.width() * i / (len(months) - 1)

        def y_at(value: float) -> float:
            return plot.bottom() - plot.height() * value / top

        grid = QPen(palette.mid().color())
        grid.setWidthF(0.5)
        for tick in range(ticks + 1):
            value = step * tick
            y = y_at(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(0, y - 8, plot.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:,.0f}",
            )
        every = max(1, len(months) // 6)
        for i, month in enumerate(months):
            if i % every and i != len(months) - 1:
                continue
            painter.drawText(
                QRectF(x_at(i) - 30, plot.bottom() + 4, 60, 16),
                Qt.AlignmentFlag.AlignHCenter,
                QLocale().toString(QDate(month.year, month.month, 1), "MMM yy"),  # the app's language
            )
        if self._target > 0:
            pen = QPen(TARGET, 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = y_at(self._target)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(
                QRectF(plot.left() + 4, y - 16, plot.width() - 8, 14),
                Qt.AlignmentFlag.AlignLeft,
                self.tr("required {h:,.0f} h").format(h=self._target),
            )
        if self._with_pending != self._signed:
            path = QPainterPath()
            for i, value in enumerate(self._with_pending):
                point = QPointF(x_at(i), y_at(value))
                path.moveTo(point) if i == 0 else path.lineTo(point)
            painter.setPen(QPen(PENDING, 1.6, Qt.PenStyle.DashLine))
            painter.drawPath(path)
        path = QPainterPath()
        for i, value in enumerate(self._signed):
            point = QPointF(x_at(i), y_at(value))
            path.moveTo(point) if i == 0 else path.lineTo(point)
        painter.setPen(QPen(SIGNED, 2.2))
        painter.drawPath(path)
        # Legend
        legend_y = self.height() - 12
        painter.setPen(QPen(SIGNED, 2.2))
        painter.drawLine(QPointF(plot.left(), legend_y), QPointF(plot.left() + 18, legend_y))
        painter.setPen(text_pen)
        painter.drawText(QPointF(plot.left() + 22, legend_y + 4), self.tr("signed"))
        painter.setPen(QPen(PENDING, 1.6, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left() + 80, legend_y), QPointF(plot.left() + 98, legend_y))
        painter.setPen(text_pen)
        painter.drawText(QPointF(plot.left() + 102, legend_y + 4), self.tr("with pending"))
        painter.end()


def _nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least ``raw``."""
    import math

    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power
