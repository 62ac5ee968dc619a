"""How figures are written for people (no database, no ORM: the first screens use it)."""

from __future__ import annotations


def hours(minutes: int) -> str:
    """Minutes as hours with two decimals: 90 -> '1.50'."""
    return f"{minutes / 60:,.2f}"


__all__ = ["hours"]
