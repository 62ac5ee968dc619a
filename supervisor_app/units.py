"""How figures are written for people (no database, no ORM: the first screens use it)."""

from __future__ import annotations

import unicodedata


def hours(minutes: int) -> str:
    """Minutes as hours with two decimals: 90 -> '1.50'."""
    return f"{minutes / 60:,.2f}"


def hours_change(minutes: int) -> str:
    """A change in hours with its sign: 90 -> '+1.50', -30 -> '−0.50' (a waiting amendment
    that shortens a signed record makes the pending figure negative)."""
    return f"{'−' if minutes < 0 else '+'}{hours(abs(minutes))}"


def duration(minutes: int) -> str:
    """A length on screen, with its unit: whole quarter-hours as hours with two decimals
    (90 -> '1.50 h'), anything else in minutes (5 -> '5 min', 70 -> '1 h 10 min'), so a
    5-minute check-in never reads '0.08 h'."""
    sign = "−" if minutes < 0 else ""
    minutes = abs(minutes)
    if minutes % 15 == 0:
        return f"{sign}{hours(minutes)} h"
    if minutes < 60:
        return f"{sign}{minutes} min"
    return f"{sign}{minutes // 60:,} h {minutes % 60} min"


_NOT_DECOMPOSED = str.maketrans(
    {"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "ħ": "h"}
)


def fold(text: str) -> str:
    """Text as search compares it: accents off and case folded beyond ASCII, so "nguyen"
    finds "Nguyễn" and "quin" finds "Quiñones" (NFKD, combining marks dropped, casefold)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NOT_DECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normal_kind(text: str) -> str:
    """A credential or license kind as compared: spaces collapsed, case folded ("lcsw " == "LCSW")."""
    return " ".join(text.split()).casefold()


__all__ = ["duration", "fold", "hours", "hours_change", "normal_kind"]
