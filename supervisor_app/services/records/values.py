"""A session's and an experience entry's values once checked, and the limits they are checked against."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from supervisor_app.i18n import N_

MAX_ENTRY_MINUTES = 12 * 60
"""No single session, and no day of an experience period, may exceed 12 hours."""

MAX_PERIOD_DAYS = 366
"""An experience entry covers at most a year: its last day is at most this many days after its first."""


def days_before(day: dt.date, days: int) -> dt.date:
    """``day`` minus ``days``, or the first date there is (a file may say 0001-01-01)."""
    return day - dt.timedelta(days=days) if day.toordinal() > days else dt.date.min


MAX_TOPICS_LENGTH = 4000

NO_CLIENT_INFO_REMINDER = N_(
    "Topics are about the supervisee's work. Do not enter client names or anything that "
    "identifies a client (HIPAA, 42 CFR Part 2)."
)
"""Shown beside a session's topics (translated where shown: ``i18n._``)."""


class SessionValues(NamedTuple):
    """A session's values once every rule is checked (a named tuple: the import makes thousands)."""

    supervisor_id: int
    supervisee_ids: tuple[int, ...]
    date: dt.date
    start_time: dt.time | None
    minutes: int
    format: str
    modality: str
    site: str
    topics: str
    allocations: dict[str, int]


class ExperienceValues(NamedTuple):
    supervisee_id: int
    supervisor_id: int
    period_start: dt.date
    period_end: dt.date
    setting: str
    kind: str
    allocations: dict[str, int]
