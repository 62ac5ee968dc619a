"""What a supervisee's summed minutes come to against a credential's rules: pure arithmetic,
no database.

- :class:`Sums`: the minutes a supervisee has, as the one SQL way
  (:func:`~supervisor_app.services.sums.sums_by_supervisee`) or the verified rows
  (:func:`~supervisor_app.services.sums.sums_from_records`) add them up.
- :func:`fold`: the sums folded into :class:`Progress` by the profile's rules (the group cap,
  the experience window, the span of the supervision), the same for the detail page, the
  statement and the agency's list.
- :func:`explain`: the plain words for what is still missing (``unmet``) and why a counted
  figure differs from the signed one (``notes``).

The rules that need each record's dates (modalities, the yearly cap, the weekly minimum) are
:mod:`~supervisor_app.services.board_rules`'; the progress service applies them after the fold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from supervisor_app.i18n import _, ngettext
from supervisor_app.services import board_rules
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile
from supervisor_app.units import hours

GROUP = "group"
"""``SessionFormat.GROUP`` as the sums hold it (the models import SQLAlchemy; this module does not)."""


@dataclass
class DomainProgress:
    code: str
    label: str
    required_minutes: int
    signed_minutes: int = 0
    pending_minutes: int = 0
    individual_minutes: int = 0
    group_minutes: int = 0


@dataclass
class PartProgress:
    """Supervision or experience."""

    required_minutes: int
    signed_minutes: int = 0
    pending_minutes: int = 0
    counted_minutes: int = 0  # what counts toward the requirement (after caps and windows)
    domains: dict[str, DomainProgress] = field(default_factory=dict)

    @property
    def percent(self) -> float:
        if self.required_minutes <= 0:
            return 100.0
        return min(100.0, 100.0 * self.counted_minutes / self.required_minutes)

    def to_json(self) -> dict[str, Any]:
        return {
            "required_minutes": self.required_minutes,
            "signed_minutes": self.signed_minutes,
            "pending_minutes": self.pending_minutes,
            "counted_minutes": self.counted_minutes,
            "domains": {
                code: {
                    "label": d.label,
                    "required_minutes": d.required_minutes,
                    "signed_minutes": d.signed_minutes,
                    "pending_minutes": d.pending_minutes,
                }
                for code, d in self.domains.items()
            },
        }


@dataclass
class SupervisorHours:
    """One supervisor's share of a supervisee's signed, standing hours (the board asks for the
    hours per supervisor; each attestation covers one supervisor's)."""

    supervisor_id: int
    name: str = ""
    credentials: str = ""
    agency: str = ""
    individual_minutes: int = 0
    group_minutes: int = 0
    supervision_counted_minutes: int = 0  # after the group cap, shared out by group minutes
    experience_minutes: int = 0  # signed, standing
    experience_counted_minutes: int = 0  # of those, inside the experience window

    @property
    def supervision_minutes(self) -> int:
        return self.individual_minutes + self.group_minutes

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.supervisor_id,
            "name": self.name,
            "credentials": self.credentials,
            "agency": self.agency,
            "supervision_minutes": self.supervision_minutes,
            "individual_minutes": self.individual_minutes,
            "group_minutes": self.group_minutes,
            "supervision_counted_minutes": self.supervision_counted_minutes,
            "experience_minutes": self.experience_minutes,
            "experience_counted_minutes": self.experience_counted_minutes,
        }


@dataclass
class Progress:
    supervisee_id: int
    supervisee_name: str
    profile: CredentialProfile
    supervision: PartProgress
    experience: PartProgress
    individual_minutes: int = 0
    group_minutes: int = 0
    sessions_signed: int = 0
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    span_months: int = 0
    outside_window_minutes: int = 0
    unmet: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    supervisors: list[SupervisorHours] = field(default_factory=list)  # by name
    # Why counted differs from signed (board_rules): the group cap; the window, the yearly cap.
    supervision_reasons: list[str] = field(default_factory=list)
    experience_reasons: list[str] = field(default_factory=list)
    weekly_gaps: list[dt.date] = field(default_factory=list)  # Mondays of weeks short of the minimum

    @property
    def eligible(self) -> bool:
        return not self.unmet

    def to_json(self) -> dict[str, Any]:
        """The CLI contract: exactly this shape."""
        return {
            "supervisee": {"id": self.supervisee_id, "name": self.supervisee_name},
            "credential": self.profile.code,
            "eligible": self.eligible,
            "supervision": self.supervision.to_json(),
            "experience": self.experience.to_json(),
            "unmet": list(self.unmet),
            "notes": list(self.notes),
            "weekly_gaps": [week.isoformat() for week in self.weekly_gaps],
            "supervisors": [s.to_json() for s in self.supervisors],
        }


@dataclass
class Sums:
    """What a supervisee's progress adds up, each list sorted (as SQL's GROUP BY returns it).

    Sessions count by their date, experience entries by their period's end (in the window or
    not); "signed" means signed and still standing (not replaced by a signed amendment, not
    voided); pending minutes are net of the signed minutes a pending amendment will replace."""

    signed: list[tuple[int, str, str, int]] = field(
        default_factory=list
    )  # (supervisor, format, domain, minutes)
    pending: list[tuple[str, int]] = field(default_factory=list)  # (domain, minutes) of pending sessions, net
    sessions: tuple[int, Any, Any] = (0, None, None)  # standing sessions: count, first and last date
    experience: list[tuple[int, str, int, bool]] = field(
        default_factory=list
    )  # (supervisor, domain, minutes, inside the window) of standing entries
    experience_pending: list[tuple[str, int]] = field(default_factory=list)  # (domain, minutes), net
    last_live: dt.date | None = None  # the newest standing or pending session (the list's "overdue")


def months_between(first: dt.date, last: dt.date) -> int:
    """Whole calendar months from ``first`` to ``last`` (2025-01-06 -> 2026-01-06 is 12)."""
    months = (last.year - first.year) * 12 + (last.month - first.month)
    if last.day < first.day:
        months -= 1
    return max(0, months)


def net_pending(pending: Any, replaced: Any) -> list[tuple[str, int]]:
    """Pending minutes by domain, less the signed minutes that pending amendments replace
    (``(code, minutes)`` pairs each); domains that come to nothing are left out."""
    totals: dict[str, int] = {}
    for code, minutes in pending:
        totals[code] = totals.get(code, 0) + int(minutes)
    for code, minutes in replaced:
        totals[code] = totals.get(code, 0) - int(minutes)
    return sorted((code, minutes) for code, minutes in totals.items() if minutes)


def _part(profile: CredentialProfile, required: int, domain_min: int, *, with_general: bool) -> PartProgress:
    part = PartProgress(required_minutes=required)
    for domain in profile.domains:
        part.domains[domain.code] = DomainProgress(domain.code, domain.label, domain_min)
    if with_general:
        part.domains[GENERAL_DOMAIN] = DomainProgress(GENERAL_DOMAIN, profile.label(GENERAL_DOMAIN), 0)
    return part


def _domain(part: PartProgress, profile: CredentialProfile, code: str) -> DomainProgress:
    if code not in part.domains:  # a code from an older profile version: still shown
        part.domains[code] = DomainProgress(code, profile.label(code), 0)
    return part.domains[code]


def _as_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def fold(
    profile: CredentialProfile,
    sums: Sums,
    today: dt.date,
    cutoff: dt.date | None,
    *,
    supervisee_id: int = 0,
    supervisee_name: str = "",
) -> Progress:
    """The sums against the profile: per part and domain, signed, pending and counted (the
    group cap; experience inside the window ``cutoff``, the first day a period may end on);
    each supervisor's share (unnamed: ``supervisor_id`` only); the span of the supervision.
    ``today`` is the day the progress is for (the window was placed from it)."""
    sup_rules, exp_rules = profile.supervision, profile.experience
    supervision = _part(
        profile,
        sup_rules.total_minutes.value,
        sup_rules.domain_min_minutes.value,
        with_general=sup_rules.allow_general.value,
    )
    experience = _part(
        profile,
        exp_rules.total_minutes.value,
        exp_rules.domain_min_minutes.value,
        with_general=False,
    )
    result = Progress(supervisee_id, supervisee_name, profile, supervision, experience)

    # Supervision per domain and format, signed (standing) records.
    by_supervisor: dict[int, SupervisorHours] = {}
    for supervisor_id, session_format, code, minutes in sums.signed:
        share = by_supervisor.get(supervisor_id) or by_supervisor.setdefault(
            supervisor_id, SupervisorHours(supervisor_id)
        )
        if session_format == GROUP:
            share.group_minutes += minutes
        else:
            share.individual_minutes += minutes
        domain = _domain(supervision, profile, code)
        domain.signed_minutes += minutes
        supervision.signed_minutes += minutes
        if session_format == GROUP:
            domain.group_minutes += minutes
            result.group_minutes += minutes
        else:
            domain.individual_minutes += minutes
            result.individual_minutes += minutes
    for code, minutes in sums.pending:
        _domain(supervision, profile, code).pending_minutes += minutes
        supervision.pending_minutes += minutes
    count, first, last = sums.sessions
    result.sessions_signed = count
    if first is not None:
        result.first_session = _as_date(first)
        result.last_session = _as_date(last)
        result.span_months = months_between(result.first_session, result.last_session)

    # Group cap: group minutes beyond the cap do not count toward the total.
    counts = board_rules.counted_supervision(profile, result.individual_minutes, result.group_minutes)
    supervision.counted_minutes = counts.counted_minutes
    result.supervision_reasons.extend(counts.reasons)
    allowed_group = counts.counted_minutes - result.individual_minutes
    _share_group_cap(list(by_supervisor.values()), result.group_minutes, allowed_group)

    # Experience: signed, standing, and (if the profile has a window) recent enough.
    for supervisor_id, code, minutes, in_window in sums.experience:
        share = by_supervisor.get(supervisor_id) or by_supervisor.setdefault(
            supervisor_id, SupervisorHours(supervisor_id)
        )
        share.experience_minutes += minutes
        if cutoff is None or in_window:
            share.experience_counted_minutes += minutes
        if cutoff is not None and not in_window:
            result.outside_window_minutes += minutes
            continue
        _domain(experience, profile, code).signed_minutes += minutes
        experience.signed_minutes += minutes
    for code, minutes in sums.experience_pending:
        _domain(experience, profile, code).pending_minutes += minutes
        experience.pending_minutes += minutes
    experience.counted_minutes = experience.signed_minutes
    if result.outside_window_minutes and cutoff is not None:
        result.experience_reasons.append(
            board_rules.window_reason(profile, cutoff, result.outside_window_minutes)
        )
    result.supervisors = list(by_supervisor.values())
    return result


def _share_group_cap(shares: list[SupervisorHours], group: int, allowed: int) -> None:
    """Each supervisor's counted supervision: their individual minutes and their part of the
    group minutes that count. When the group cap cuts, the allowed minutes are shared out in
    proportion to each one's group minutes (largest remainder first), so the parts add up to
    the supervisee's counted total exactly."""
    parts = {}
    remainders = []
    for share in shares:
        if group and share.group_minutes:
            whole, rest = divmod(share.group_minutes * allowed, group)
        else:
            whole, rest = 0, 0
        parts[share.supervisor_id] = whole
        remainders.append((-rest, share.supervisor_id))
    left = allowed - sum(parts.values()) if group else 0
    for _rest, supervisor_id in sorted(remainders)[:left]:
        parts[supervisor_id] += 1
    for share in shares:
        share.supervision_counted_minutes = share.individual_minutes + parts[share.supervisor_id]


def explain(result: Progress, *, today: dt.date, cutoff: dt.date | None) -> None:
    profile = result.profile
    sup, exp = result.supervision, result.experience
    rules = profile.supervision
    if sup.counted_minutes < sup.required_minutes:
        result.unmet.append(
            _("Supervision needs {missing} more hours ({counted} of {required} signed).").format(
                missing=hours(sup.required_minutes - sup.counted_minutes),
                counted=hours(sup.counted_minutes),
                required=hours(sup.required_minutes),
            )
        )
    result.notes.extend([*result.supervision_reasons, *result.experience_reasons])
    for domain in sup.domains.values():
        if domain.code == GENERAL_DOMAIN:
            continue
        if domain.signed_minutes < domain.required_minutes:
            result.unmet.append(
                _("{domain} needs {missing} more supervision hours.").format(
                    domain=domain.label, missing=hours(domain.required_minutes - domain.signed_minutes)
                )
            )
        elif (
            rules.cover_every_domain.value
            and domain.signed_minutes == 0
            and domain.code in profile.domain_codes
        ):
            result.unmet.append(
                _("{domain} has no signed supervision yet; every domain must be covered.").format(
                    domain=domain.label
                )
            )
    needed_months = rules.min_span_months.value
    if needed_months and result.span_months < needed_months:
        result.unmet.append(
            ngettext(
                "Supervision spans {span} of {needed} month.",
                "Supervision spans {span} of {needed} months.",
                int(needed_months) if needed_months == int(needed_months) else 2,
            ).format(span=result.span_months, needed=f"{needed_months:g}")
        )
    if exp.counted_minutes < exp.required_minutes:
        result.unmet.append(
            _("Supervised experience needs {missing} more hours ({counted} of {required} signed).").format(
                missing=hours(exp.required_minutes - exp.counted_minutes),
                counted=hours(exp.counted_minutes),
                required=hours(exp.required_minutes),
            )
        )
    for domain in exp.domains.values():
        if domain.required_minutes and domain.signed_minutes < domain.required_minutes:
            result.unmet.append(
                _("{domain} needs {missing} more experience hours.").format(
                    domain=domain.label, missing=hours(domain.required_minutes - domain.signed_minutes)
                )
            )
    if sup.pending_minutes or exp.pending_minutes:
        result.notes.append(
            _(
                "Waiting for signature: {supervision} supervision hours and "
                "{experience} experience hours (not counted until signed)."
            ).format(supervision=hours(sup.pending_minutes), experience=hours(exp.pending_minutes))
        )
    for name, rule in profile.unconfirmed_rules():
        result.notes.append(
            _("Verify with {board}: the {name} figure is not confirmed ({source}).").format(
                board=board_rules.board_short_name(profile), name=_(name), source=rule.source
            )
        )
