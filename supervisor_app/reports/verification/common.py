"""What every part of the verification draws with: the board's words, the cell padding, the
page title with the serial number, and a canvas that only measures."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import cast

from supervisor_app.reports.base import (
    FONT,
    FONT_BOLD,
    FormCanvas,
    Style,
    Words,
    fit,
    template,
    width,
)

PAD = 3.0  # inside each table cell, left and right

WORDS: ContextVar[Words | None] = ContextVar("verification_words", default=None)


def words() -> Words:
    """The template in the words of the board the form being drawn goes to."""
    return WORDS.get() or template()


class NullCanvas:
    """Stands in for the canvas to measure a section: every drawing call does nothing."""

    def __init__(self, style: Style) -> None:
        self.style = style

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


def measuring(style: Style) -> FormCanvas:
    """A canvas that draws nothing: run a drawing function on it to learn where it ends."""
    return cast(FormCanvas, NullCanvas(style))


def _draw_legend(canvas: FormCanvas, s: Style, legend: list[str], y: float, small_row: float) -> None:
    canvas.setFont(FONT, s.small)
    for line in legend:
        canvas.drawString(s.left, y, line)
        y -= small_row


def page_title(canvas: FormCanvas, s: Style, title: str, serial: str) -> float:
    y = s.top - s.normal
    serial_text = words().verification.fill("serial", serial=serial)
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(
        s.left, y, fit(title, s.normal, s.inner_width - width(serial_text, s.normal) - 12, bold=True)
    )
    canvas.setFont(FONT, s.normal)
    canvas.drawRightString(s.right, y, serial_text)
    return y - s.normal - 10
