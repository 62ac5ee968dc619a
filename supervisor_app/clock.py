"""Today's date, in one place.

Every "today" the app uses (due dates, the default date of a new record, "expires in N
days", file names) comes from :func:`today`, so one process agrees with itself on what day
it is even when it runs across midnight: the test session pins it once at its start
(:func:`pin`), and a test written on the 4th still means the 4th when its window opens
after midnight.
"""

from __future__ import annotations

import datetime as dt

_pinned: dt.date | None = None


def today() -> dt.date:
    """The local date, or the pinned one."""
    return _pinned if _pinned is not None else dt.date.today()


def pin(day: dt.date | None) -> None:
    """Make :func:`today` return ``day`` from now on (``None``: the real date again)."""
    global _pinned
    _pinned = day
