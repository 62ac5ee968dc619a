"""Credential profiles: the rules of each credential, read from TOML data files.

ICB changes its rules and agencies must follow without waiting for a release, so nothing here
hard-codes a figure. Every requirement is a :class:`Rule` carrying its value, the source it
came from and whether the figure is unconfirmed (``verify = true``: the app tells the user to
check it with the board).

Shipped profiles live in ``resources/credentials/*.toml``. A file with the same ``code`` in
the user's data folder (``<user data dir>/credentials/``) overrides the shipped one. A broken
file is refused with a :class:`ProfileError` naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from supervisor_app.resources import resource_path
from supervisor_app.units import normal_kind

T = TypeVar("T")

GENERAL_DOMAIN = "general"
"""Pseudo-domain code for minutes not tied to a performance domain (where allowed)."""


class ProfileError(Exception):
    """A credential profile file is missing a key, has a wrong value, or cannot be read."""

    def __init__(self, path: Path | str, key: str, message: str) -> None:
        self.path = str(path)
        self.key = key
        self.message = message
        super().__init__(f"{self.path}: {key}: {message}")


@dataclass(frozen=True)
class Rule(Generic[T]):
    """One requirement figure with where it came from."""

    value: T
    source: str
    verify: bool = False
    note: str = ""


@dataclass(frozen=True)
class Domain:
    code: str
    label: str


@dataclass(frozen=True)
class SupervisionRequirement:
    total_minutes: Rule[int]
    domain_min_minutes: Rule[int]
    cover_every_domain: Rule[bool]
    min_span_months: Rule[int]
    group_cap_fraction: Rule[float] | None
    max_group_size: Rule[int] | None
    minute_increment: Rule[int]
    allow_general: Rule[bool]
    # The board's own rules (absent: no such rule). Modalities that count (LCPC: phone and
    # e-mail supervision do not); how many supervisees one supervisor may see in an individual
    # session (LCPC: 1-2 counselors is individual supervision; default 1); the supervision each
    # week of the experience (LCPC: at least 1 hour), checked and reported as gaps.
    counted_modalities: Rule[tuple[str, ...]] | None = None
    individual_max_supervisees: Rule[int] | None = None
    weekly_min_minutes: Rule[int] | None = None

    @property
    def individual_max(self) -> int:
        return self.individual_max_supervisees.value if self.individual_max_supervisees else 1


@dataclass(frozen=True)
class ExperienceRequirement:
    total_minutes: Rule[int]
    window_years: Rule[int] | None
    domain_min_minutes: Rule[int]
    # The board's own rules (absent: no such rule): a minimum for some domains only, in minutes
    # by domain code (LCPC: 1,920 h of direct face-to-face service), and the most experience
    # one year counts (LCPC: 1,680 h).
    domain_minimums: Rule[dict[str, int]] | None = None
    yearly_cap_minutes: Rule[int] | None = None

    def minimum_for(self, code: str) -> int:
        """The experience minimum of one domain: its own figure, else the one for every domain."""
        if self.domain_minimums is not None and code in self.domain_minimums.value:
            return max(self.domain_minimums.value[code], self.domain_min_minutes.value)
        return self.domain_min_minutes.value


@dataclass(frozen=True)
class Education:
    total_hours: int
    detail: str
    source: str
    verify: bool = False


@dataclass(frozen=True)
class HoursRequirement:
    """At least ``minutes`` of training in any of ``areas`` (education or a renewal topic)."""

    label: str
    areas: tuple[str, ...]
    minutes: Rule[int]


@dataclass(frozen=True)
class Renewal:
    """CEUs to renew the credential: ``total_minutes`` in the ``period_years`` before it
    expires, of which each topic's minimum."""

    period_years: Rule[int]
    total_minutes: Rule[int]
    topics: tuple[HoursRequirement, ...] = ()


@dataclass(frozen=True)
class DueRules:
    """What the Due view checks beyond the requirements (None: not checked)."""

    supervision_every_days: Rule[int] | None = None
    hire_deadline_months: Rule[int] | None = None


@dataclass(frozen=True)
class AttestationText:
    title: str
    statement: str
    show_recovery_support_51: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class QualifyingKind:
    """A credential or licence that qualifies a supervisor, with where the board says so."""

    kind: str
    label: str
    source: str
    verify: bool = False

    def matches(self, recorded: str) -> bool:
        """Whether a credential recorded as ``recorded`` is this kind (its code or its label,
        ignoring case and spacing)."""
        return normal_kind(recorded) in (normal_kind(self.kind), normal_kind(self.label))


def split_kinds(text: str) -> list[str]:
    """'LSW, CCS' -> ['LSW', 'CCS'] (the agency's added kinds as typed)."""
    seen: dict[str, str] = {}
    for part in text.replace(";", ",").split(","):
        part = " ".join(part.split())
        if part and normal_kind(part) not in seen:
            seen[normal_kind(part)] = part
    return list(seen.values())


@dataclass(frozen=True)
class WhoMaySupervise:
    """The credentials or licences that qualify a supervisor (``[who_may_supervise]``);
    ``agency_may_add``: the agency may name more (Settings, ``agency edit --supervisor-kinds``)."""

    kinds: tuple[QualifyingKind, ...]
    agency_may_add: bool = False


@dataclass(frozen=True)
class CredentialProfile:
    code: str
    name: str
    board: str
    version: str
    effective: dt.date
    sources: tuple[str, ...]
    domains: tuple[Domain, ...]
    supervision: SupervisionRequirement
    experience: ExperienceRequirement
    education: Education
    attestation: AttestationText
    path: str = ""
    overridden: bool = False
    verify_notes: tuple[str, ...] = field(default=())
    # Training (issue 20): topic areas beyond the domains, education by area, renewal, due.
    training_areas: tuple[Domain, ...] = ()
    education_requirements: tuple[HoursRequirement, ...] = ()
    renewal: Renewal | None = None
    due: DueRules = DueRules()
    who_may_supervise: WhoMaySupervise | None = None

    @cached_property
    def domain_codes(self) -> tuple[str, ...]:
        return tuple(d.code for d in self.domains)

    @cached_property
    def training_area_codes(self) -> tuple[str, ...]:
        """Where a training's hours may go: the domains, then the profile's training areas."""
        return self.domain_codes + tuple(a.code for a in self.training_areas)

    def label(self, code: str) -> str:
        if code == GENERAL_DOMAIN:
            return "General (not domain-specific)"
        for domain in self.domains + self.training_areas:
            if domain.code == code:
                return domain.label
        return code

    @property
    def has_unconfirmed(self) -> bool:
        return bool(self.unconfirmed_rules()) or self.education.verify

    def unconfirmed_rules(self) -> list[tuple[str, Rule[Any]]]:
        """(name, rule) for every figure marked ``verify = true``."""
        named: list[tuple[str, Rule[Any] | None]] = [
            ("supervision total", self.supervision.total_minutes),
            ("supervision per domain", self.supervision.domain_min_minutes),
            ("supervision span", self.supervision.min_span_months),
            ("every domain covered", self.supervision.cover_every_domain),
            ("minute steps", self.supervision.minute_increment),
            ("general minutes allowed", self.supervision.allow_general),
            ("group supervision cap", self.supervision.group_cap_fraction),
            ("group size", self.supervision.max_group_size),
            ("experience total", self.experience.total_minutes),
            ("experience window", self.experience.window_years),
            ("experience per domain", self.experience.domain_min_minutes),
            ("modalities that count", self.supervision.counted_modalities),
            ("supervisees in an individual session", self.supervision.individual_max_supervisees),
            ("weekly supervision", self.supervision.weekly_min_minutes),
            ("experience minimum by area", self.experience.domain_minimums),
            ("experience per year", self.experience.yearly_cap_minutes),
        ]
        return [(name, rule) for name, rule in named if rule is not None and rule.verify]


# --------------------------------------------------------------------------------------------
# Loading


class _Reader:
    """Reads typed values out of a parsed TOML table, raising ProfileError with the key path."""

    def __init__(self, path: Path, data: dict[str, Any], prefix: str = "") -> None:
        self.path = path
        self.data = data
        self.prefix = prefix

    def _key(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, message: str) -> ProfileError:
        return ProfileError(self.path, self._key(key), message)

    def table(self, key: str, *, required: bool = True) -> _Reader | None:
        if key not in self.data:
            if required:
                raise self.fail(key, "missing table")
            return None
        value = self.data[key]
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return _Reader(self.path, value, f"{self._key(key)}.")

    def only(self, *keys: str) -> None:
        """Refuse keys this table does not know (a misspelt key must not pass silently)."""
        for key in self.data:
            if key not in keys:
                raise self.fail(key, f"unknown key (expected one of: {', '.join(keys)})")

    def get(self, key: str, kind: type | tuple[type, ...], *, default: Any = ...) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        # TOML booleans are ints in Python; do not accept them as numbers.
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(key, f"must be {_kind_name(kinds)}, not true/false")
        if not isinstance(value, kinds):
            raise self.fail(key, f"must be {_kind_name(kinds)}, got {value!r}")
        return value

    def text(self, key: str, *, default: Any = ...) -> str:
        value = self.get(key, str, default=default)
        if isinstance(value, str) and not value.strip() and default is ...:
            raise self.fail(key, "must not be empty")
        return value

    def rule(self, key: str, kind: type | tuple[type, ...], *, required: bool = True) -> Rule[Any] | None:
        sub = self.table(key, required=required)
        if sub is None:
            return None
        sub.only("value", "source", "verify", "note")
        value = sub.get("value", kind)
        if isinstance(value, float) and not math.isfinite(value):
            raise sub.fail("value", "must be a finite number")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise sub.fail("value", "must not be negative")
        return Rule(
            value=value,
            source=sub.text("source"),
            verify=sub.get("verify", bool, default=False),
            note=sub.get("note", str, default=""),
        )


def _kind_name(kinds: tuple[type, ...]) -> str:
    names = {int: "a whole number", float: "a number", str: "text", bool: "true or false"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _hours_rule(rule: Rule[Any]) -> Rule[int]:
    """A rule given in hours in the file, held in whole minutes."""
    return Rule(round(rule.value * 60), rule.source, rule.verify, rule.note)


_BOARD_SUPERVISION_KEYS = ("counted_modalities", "individual_max_supervisees", "weekly_min_hours")
_BOARD_EXPERIENCE_KEYS = ("domain_min_hours_by_area", "yearly_cap_hours")
_MODALITIES = ("in-person", "video", "phone")


def _board_supervision_rules(sup: _Reader) -> dict[str, Any]:
    """The optional [supervision] rules a board states (absent keys: no such rule)."""
    modalities = sup.rule("counted_modalities", list, required=False)
    if modalities is not None:
        unknown = [m for m in modalities.value if m not in _MODALITIES]
        if not modalities.value or unknown:
            raise sup.fail(
                "counted_modalities.value",
                f"must list at least one of {', '.join(_MODALITIES)}"
                + (f" (unknown: {', '.join(map(str, unknown))})" if unknown else ""),
            )
        modalities = Rule(tuple(modalities.value), modalities.source, modalities.verify, modalities.note)
    individual = sup.rule("individual_max_supervisees", int, required=False)
    if individual is not None and individual.value < 1:
        raise sup.fail("individual_max_supervisees.value", "must be at least 1")
    weekly = sup.rule("weekly_min_hours", (int, float), required=False)
    return {
        "counted_modalities": modalities,
        "individual_max_supervisees": individual,
        "weekly_min_minutes": _hours_rule(weekly) if weekly is not None else None,
    }


def _board_experience_rules(exp: _Reader, domain_codes: list[str]) -> dict[str, Any]:
    """The optional [experience] rules a board states (absent keys: no such rule)."""
    by_area = exp.rule("domain_min_hours_by_area", dict, required=False)
    if by_area is not None:
        minutes: dict[str, int] = {}
        for code, value in by_area.value.items():
            if code not in domain_codes:
                raise exp.fail(
                    f"domain_min_hours_by_area.value.{code}", "is not one of the profile's domains"
                )
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise exp.fail(
                    f"domain_min_hours_by_area.value.{code}", "must be a number of hours, 0 or more"
                )
            minutes[code] = round(value * 60)
        by_area = Rule(minutes, by_area.source, by_area.verify, by_area.note)
    cap = exp.rule("yearly_cap_hours", (int, float), required=False)
    if cap is not None and cap.value <= 0:
        raise exp.fail("yearly_cap_hours.value", "must be more than 0")
    return {
        "domain_minimums": by_area,
        "yearly_cap_minutes": _hours_rule(cap) if cap is not None else None,
    }


def load_profile(path: Path) -> CredentialProfile:
    """Read and check one profile file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, "(file)", f"not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(path, "(file)", f"cannot be read: {exc}") from exc
    top = _Reader(path, data)

    code = top.text("code")
    if not code.isascii() or not code.replace("-", "").isalnum() or code.upper() != code:
        raise top.fail("code", f"must be upper-case letters and digits, got {code!r}")
    top.only(
        "code",
        "name",
        "board",
        "version",
        "effective",
        "sources",
        "verify_notes",
        "domains",
        "supervision",
        "experience",
        "education",
        "attestation",
        "training_areas",
        "education_requirements",
        "renewal",
        "renewal_requirements",
        "due",
        "who_may_supervise",
    )
    effective = top.get("effective", dt.date)
    if isinstance(effective, dt.datetime):
        raise top.fail("effective", "must be a date (YYYY-MM-DD), not a date and time")
    verify_notes = top.get("verify_notes", list, default=[])
    if not all(isinstance(n, str) for n in verify_notes):
        raise top.fail("verify_notes", "must be a list of text")
    sources = top.get("sources", list)
    if not sources or not all(isinstance(s, str) and s.strip() for s in sources):
        raise top.fail("sources", "must list at least one source as text")

    raw_domains = top.get("domains", list)
    if not raw_domains:
        raise top.fail("domains", "must list at least one domain")
    domains: list[Domain] = []
    for index, raw in enumerate(raw_domains):
        if not isinstance(raw, dict):
            raise top.fail(f"domains[{index}]", "must be a table with code and label")
        item = _Reader(path, raw, f"domains[{index}].")
        item.only("code", "label")
        dcode = item.text("code")
        if dcode != dcode.lower() or " " in dcode or not dcode.isascii():
            raise item.fail("code", f"must be lower-case with dashes, got {dcode!r}")
        if dcode == GENERAL_DOMAIN:
            raise item.fail("code", f"{GENERAL_DOMAIN!r} is reserved")
        if any(d.code == dcode for d in domains):
            raise item.fail("code", f"domain {dcode!r} is listed twice")
        domains.append(Domain(dcode, item.text("label")))

    sup = top.table("supervision")
    assert sup is not None
    sup.only(
        "total_hours",
        "domain_min_hours",
        "cover_every_domain",
        "min_span_months",
        "group_cap_fraction",
        "max_group_size",
        "minute_increment",
        "allow_general",
        *_BOARD_SUPERVISION_KEYS,
    )
    group_cap = sup.rule("group_cap_fraction", (int, float), required=False)
    if group_cap is not None:
        group_cap = Rule(float(group_cap.value), group_cap.source, group_cap.verify, group_cap.note)
        if not 0 < group_cap.value <= 1:
            raise sup.fail("group_cap_fraction.value", "must be more than 0 and at most 1")
    max_group = sup.rule("max_group_size", int, required=False)
    if max_group is not None and max_group.value < 2:
        raise sup.fail("max_group_size.value", "a group has at least 2 supervisees")
    increment = sup.rule("minute_increment", int)
    assert increment is not None
    if not 1 <= increment.value <= 60:
        raise sup.fail("minute_increment.value", "must be between 1 and 60 minutes")
    supervision = SupervisionRequirement(
        total_minutes=_hours_rule(sup.rule("total_hours", (int, float))),  # type: ignore[arg-type]
        domain_min_minutes=_hours_rule(sup.rule("domain_min_hours", (int, float))),  # type: ignore[arg-type]
        cover_every_domain=sup.rule("cover_every_domain", bool),  # type: ignore[arg-type]
        min_span_months=sup.rule("min_span_months", int),  # type: ignore[arg-type]
        group_cap_fraction=group_cap,
        max_group_size=max_group,
        minute_increment=increment,
        allow_general=sup.rule("allow_general", bool),  # type: ignore[arg-type]
        **_board_supervision_rules(sup),
    )

    exp = top.table("experience")
    assert exp is not None
    exp.only("total_hours", "window_years", "domain_min_hours", *_BOARD_EXPERIENCE_KEYS)
    experience = ExperienceRequirement(
        total_minutes=_hours_rule(exp.rule("total_hours", (int, float))),  # type: ignore[arg-type]
        window_years=exp.rule("window_years", int, required=False),
        domain_min_minutes=_hours_rule(exp.rule("domain_min_hours", (int, float))),  # type: ignore[arg-type]
        **_board_experience_rules(exp, [d.code for d in domains]),
    )

    edu = top.table("education")
    assert edu is not None
    edu.only("total_hours", "detail", "source", "verify")
    edu_hours = edu.get("total_hours", int)
    if edu_hours < 0:
        raise edu.fail("total_hours", "must not be negative")
    education = Education(
        total_hours=edu_hours,
        detail=edu.text("detail"),
        source=edu.text("source"),
        verify=edu.get("verify", bool, default=False),
    )

    att = top.table("attestation")
    assert att is not None
    att.only("title", "statement", "show_recovery_support_51", "notes")
    notes = att.get("notes", list, default=[])
    if not all(isinstance(n, str) for n in notes):
        raise att.fail("notes", "must be a list of text")
    attestation = AttestationText(
        title=att.text("title"),
        statement=att.text("statement"),
        show_recovery_support_51=att.get("show_recovery_support_51", bool, default=False),
        notes=tuple(notes),
    )

    training_areas = _training_areas(top, domains)
    area_codes = {d.code for d in domains} | {a.code for a in training_areas}
    education_requirements = _hours_requirements(top, "education_requirements", area_codes)
    renewal = None
    ren = top.table("renewal", required=False)
    if ren is not None:
        ren.only("period_years", "ceu_hours")
        period = ren.rule("period_years", int)
        assert period is not None
        if period.value < 1:
            raise ren.fail("period_years.value", "must be at least 1 year")
        renewal = Renewal(
            period_years=period,
            total_minutes=_hours_rule(ren.rule("ceu_hours", (int, float))),  # type: ignore[arg-type]
            topics=_hours_requirements(top, "renewal_requirements", area_codes),
        )
    elif "renewal_requirements" in top.data:
        raise top.fail("renewal_requirements", "needs a [renewal] table with period_years and ceu_hours")
    due = DueRules()
    due_table = top.table("due", required=False)
    if due_table is not None:
        due_table.only("supervision_every_days", "hire_deadline_months")
        every = due_table.rule("supervision_every_days", int, required=False)
        months = due_table.rule("hire_deadline_months", int, required=False)
        for key, rule in (("supervision_every_days", every), ("hire_deadline_months", months)):
            if rule is not None and rule.value < 1:
                raise due_table.fail(f"{key}.value", "must be at least 1")
        due = DueRules(supervision_every_days=every, hire_deadline_months=months)

    profile = CredentialProfile(
        code=code,
        name=top.text("name"),
        board=top.text("board"),
        version=top.text("version"),
        effective=effective,
        sources=tuple(sources),
        domains=tuple(domains),
        supervision=supervision,
        experience=experience,
        education=education,
        attestation=attestation,
        path=str(path),
        verify_notes=tuple(verify_notes),
        training_areas=training_areas,
        education_requirements=education_requirements,
        renewal=renewal,
        due=due,
        who_may_supervise=_who_may_supervise(top),
    )
    return profile


def _who_may_supervise(top: _Reader) -> WhoMaySupervise | None:
    table = top.table("who_may_supervise", required=False)
    if table is None:
        return None
    table.only("agency_may_add", "kinds")
    raw = table.get("kinds", list)
    if not raw:
        raise table.fail("kinds", "must list at least one credential or licence")
    kinds: list[QualifyingKind] = []
    for index, item_data in enumerate(raw):
        if not isinstance(item_data, dict):
            raise table.fail(f"kinds[{index}]", "must be a table with kind, label and source")
        item = _Reader(top.path, item_data, f"{table.prefix}kinds[{index}].")
        item.only("kind", "label", "source", "verify")
        kind = QualifyingKind(
            kind=item.text("kind"),
            label=item.text("label"),
            source=item.text("source"),
            verify=item.get("verify", bool, default=False),
        )
        if any(normal_kind(k.kind) == normal_kind(kind.kind) for k in kinds):
            raise item.fail("kind", f"{kind.kind!r} is listed twice")
        kinds.append(kind)
    return WhoMaySupervise(tuple(kinds), table.get("agency_may_add", bool, default=False))


def _training_areas(top: _Reader, domains: list[Domain]) -> tuple[Domain, ...]:
    raw = top.get("training_areas", list, default=[])
    areas: list[Domain] = []
    for index, item_data in enumerate(raw):
        if not isinstance(item_data, dict):
            raise top.fail(f"training_areas[{index}]", "must be a table with code and label")
        item = _Reader(top.path, item_data, f"training_areas[{index}].")
        item.only("code", "label")
        code = item.text("code")
        if code != code.lower() or " " in code or not code.isascii() or code == GENERAL_DOMAIN:
            raise item.fail("code", f"must be lower-case with dashes (not {GENERAL_DOMAIN!r}), got {code!r}")
        if any(d.code == code for d in domains + areas):
            raise item.fail("code", f"{code!r} is already a domain or training area")
        areas.append(Domain(code, item.text("label")))
    return tuple(areas)


def _hours_requirements(top: _Reader, key: str, area_codes: set[str]) -> tuple[HoursRequirement, ...]:
    raw = top.get(key, list, default=[])
    result: list[HoursRequirement] = []
    for index, item_data in enumerate(raw):
        if not isinstance(item_data, dict):
            raise top.fail(f"{key}[{index}]", "must be a table with label, areas and hours")
        item = _Reader(top.path, item_data, f"{key}[{index}].")
        item.only("label", "areas", "hours")
        areas = item.get("areas", list)
        if not areas or not all(isinstance(a, str) for a in areas):
            raise item.fail("areas", "must list at least one area code as text")
        for area in areas:
            if area not in area_codes:
                raise item.fail("areas", f"{area!r} is neither a domain nor a training area of this profile")
        hours_rule = item.rule("hours", (int, float))
        assert hours_rule is not None
        result.append(HoursRequirement(item.text("label"), tuple(areas), _hours_rule(hours_rule)))
    return tuple(result)


def shipped_profiles_dir() -> Path:
    return resource_path("credentials")


class ProfileRegistry:
    """All credential profiles in force: the shipped ones, overridden by the user's."""

    def __init__(self, profiles: Iterable[CredentialProfile]) -> None:
        self._profiles = {p.code: p for p in profiles}

    @classmethod
    def load(cls, *, user_dir: Path | None = None, shipped_dir: Path | None = None) -> ProfileRegistry:
        """Load shipped profiles, then let files in ``user_dir`` replace them by code."""
        profiles: dict[str, CredentialProfile] = {}
        for path in sorted((shipped_dir or shipped_profiles_dir()).glob("*.toml")):
            profile = load_profile(path)
            if profile.code in profiles:
                raise ProfileError(path, "code", f"{profile.code} is defined twice")
            profiles[profile.code] = profile
        if user_dir is not None and user_dir.is_dir():
            shipped = set(profiles)
            from_user: set[str] = set()
            for path in sorted(user_dir.glob("*.toml")):
                profile = load_profile(path)
                if profile.code in from_user:
                    raise ProfileError(path, "code", f"{profile.code} is defined twice in {user_dir}")
                from_user.add(profile.code)
                profiles[profile.code] = _replace(profile, overridden=profile.code in shipped)
        return cls(profiles.values())

    def get(self, code: str) -> CredentialProfile:
        try:
            return self._profiles[code.upper()]
        except KeyError:
            known = ", ".join(sorted(self._profiles))
            raise KeyError(f"unknown credential {code!r} (known: {known})") from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self._profiles

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self._profiles.values(), key=lambda p: p.code))

    def codes(self) -> list[str]:
        return sorted(self._profiles)


def _replace(profile: CredentialProfile, **changes: Any) -> CredentialProfile:
    from dataclasses import replace

    return replace(profile, **changes)
