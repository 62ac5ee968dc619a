"""What counts, as the boards state it: one set of functions for the progress figures, the
progress statement and the printed form, so the three always agree.

- :func:`counted_supervision`: the group cap (group minutes over the cap do not count).
- :func:`counted_experience`: the experience window and the yearly cap (LCPC: at most 1,680 h
  in each year of the experience; years run from the first counted entry's first day and an
  entry belongs to the year its first day falls in).
- :func:`weekly_gaps`: the weeks of the experience with less supervision than the board asks
  for each week (LCPC: 1 hour), Monday to Sunday.

Each returns the figure and, where it differs from what was signed, the reason in plain words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from supervisor_app.i18n import _, ngettext
from supervisor_app.services.profiles import CredentialProfile
from supervisor_app.units import hours

WEEK = dt.timedelta(days=7)
GAPS_SHOWN = 6
"""How many gap weeks a note names (the rest are counted)."""


def board_short_name(profile: CredentialProfile) -> str:
    """'Illinois Certification Board (ICB)' -> 'ICB': the name a note says "verify with"."""
    board = profile.board
    if board.endswith(")") and "(" in board:
        return board[board.rindex("(") + 1 : -1].split(",")[0].strip()
    return board


@dataclass(frozen=True)
class Counted:
    """A signed figure, what of it counts, and why the two differ (empty when they do not)."""

    signed_minutes: int
    counted_minutes: int
    reasons: tuple[str, ...] = ()

    @property
    def differs(self) -> bool:
        return self.signed_minutes != self.counted_minutes


def group_cap_minutes(profile: CredentialProfile) -> int | None:
    cap = profile.supervision.group_cap_fraction
    if cap is None:
        return None
    return int(cap.value * profile.supervision.total_minutes.value)


def counted_supervision(profile: CredentialProfile, individual: int, group: int) -> Counted:
    """Individual minutes and the group minutes within the group cap."""
    cap = group_cap_minutes(profile)
    allowed = group if cap is None else min(group, cap)
    reasons: tuple[str, ...] = ()
    if allowed < group:
        fraction = profile.supervision.group_cap_fraction
        assert fraction is not None
        reasons = (
            _("Only {allowed} group hours count ({percent} cap); {signed} were signed.").format(
                allowed=hours(allowed), percent=f"{fraction.value:.0%}", signed=hours(group)
            ),
        )
    return Counted(individual + group, individual + allowed, reasons)


def window_start(profile: CredentialProfile, today: dt.date) -> dt.date | None:
    """The first day an experience period may end on and still count (None: no window)."""
    window = profile.experience.window_years
    if window is None:
        return None
    try:
        return today.replace(year=today.year - window.value)
    except ValueError:  # 29 February
        return today.replace(year=today.year - window.value, day=28)


def yearly_excess(profile: CredentialProfile, entries: Iterable[tuple[dt.date, int]]) -> int:
    """Minutes over the yearly cap, ``entries`` being (first day, minutes) of counted entries."""
    rule = profile.experience.yearly_cap_minutes
    items = sorted(entries)
    if rule is None or not items:
        return 0
    first = items[0][0]
    years: dict[int, int] = {}
    for day, minutes in items:
        year = _years_between(first, day)
        years[year] = years.get(year, 0) + minutes
    return sum(max(0, total - rule.value) for total in years.values())


def _years_between(first: dt.date, day: dt.date) -> int:
    years = day.year - first.year
    if (day.month, day.day) < (first.month, first.day):
        years -= 1
    return max(0, years)


def yearly_cap_reason(profile: CredentialProfile, excess: int) -> str:
    rule = profile.experience.yearly_cap_minutes
    assert rule is not None
    return _(
        "{excess} experience hours are over the {cap} hours one year of the "
        "experience counts ({source}) and do not count."
    ).format(excess=hours(excess), cap=hours(rule.value), source=rule.source)


def window_reason(profile: CredentialProfile, cutoff: dt.date, outside: int) -> str:
    years = profile.experience.window_years.value if profile.experience.window_years else 0
    return ngettext(
        "{outside} experience hours ended before {cutoff} and no longer count (only the last {years} year count).",
        "{outside} experience hours ended before {cutoff} and no longer count (only the last {years} years count).",
        int(years) if years == int(years) else 2,
    ).format(outside=hours(outside), cutoff=cutoff.isoformat(), years=f"{years:g}")


def counted_experience(
    profile: CredentialProfile, entries: Iterable[tuple[dt.date, dt.date, int]], *, today: dt.date
) -> Counted:
    """Signed experience entries (first day, last day, minutes): what counts after the
    window and the yearly cap."""
    cutoff = window_start(profile, today)
    signed = outside = 0
    inside: list[tuple[dt.date, int]] = []
    for start, end, minutes in entries:
        signed += minutes
        if cutoff is not None and end < cutoff:
            outside += minutes
        else:
            inside.append((start, minutes))
    reasons = []
    if outside and cutoff is not None:
        reasons.append(window_reason(profile, cutoff, outside))
    excess = yearly_excess(profile, inside)
    if excess:
        reasons.append(yearly_cap_reason(profile, excess))
    return Counted(signed, signed - outside - excess, tuple(reasons))


def modality_counts(profile: CredentialProfile, modality: str) -> bool:
    rule = profile.supervision.counted_modalities
    return rule is None or modality in rule.value


def modality_reason(profile: CredentialProfile, minutes: int) -> str:
    rule = profile.supervision.counted_modalities
    assert rule is not None
    return _(
        "{hours} signed supervision hours were given in a way that does not count ({source}) and are left out."
    ).format(hours=hours(minutes), source=rule.source)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekly_gaps(
    profile: CredentialProfile,
    sessions: Iterable[tuple[dt.date, int]],
    periods: Iterable[tuple[dt.date, dt.date]],
) -> list[dt.date]:
    """The Mondays of the weeks of the experience with less signed supervision than the
    board's weekly minimum. The weeks of the experience: every week an experience period
    covers; with no experience, the weeks from the first session to the last."""
    rule = profile.supervision.weekly_min_minutes
    if rule is None or rule.value <= 0:
        return []
    by_week: dict[dt.date, int] = {}
    days = []
    for day, minutes in sessions:
        by_week[_monday(day)] = by_week.get(_monday(day), 0) + minutes
        days.append(day)
    weeks: set[dt.date] = set()
    spans = list(periods) or ([(min(days), max(days))] if days else [])
    for start, end in spans:
        week = _monday(start)
        while week <= end:
            weeks.add(week)
            week += WEEK
    return sorted(w for w in weeks if by_week.get(w, 0) < rule.value)


def weekly_gaps_reason(profile: CredentialProfile, gaps: list[dt.date], weeks: int | None = None) -> str:
    rule = profile.supervision.weekly_min_minutes
    assert rule is not None
    named = ", ".join(
        _("{start} to {end}").format(start=w.isoformat(), end=(w + dt.timedelta(days=6)).isoformat())
        for w in gaps[:GAPS_SHOWN]
    )
    more = " " + _("and {n} more").format(n=len(gaps) - GAPS_SHOWN) if len(gaps) > GAPS_SHOWN else ""
    return ngettext(
        "{n} week of the experience had less than {hours} hours of signed supervision ({source}): {named}{more}.",
        "{n} weeks of the experience had less than {hours} hours of signed supervision ({source}): {named}{more}.",
        len(gaps),
    ).format(n=len(gaps), hours=hours(rule.value), source=rule.source, named=named, more=more)


def weeks_of(spans: Iterable[tuple[dt.date, dt.date]]) -> int:
    """How many Monday-to-Sunday weeks the spans cover."""
    weeks: set[dt.date] = set()
    for start, end in spans:
        week = _monday(start)
        while week <= end:
            weeks.add(week)
            week += WEEK
    return len(weeks)
