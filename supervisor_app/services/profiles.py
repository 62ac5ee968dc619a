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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from supervisor_app.i18n import N_, _
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
            return _("General (not domain-specific)")
        for domain in self.domains + self.training_areas:
            if domain.code == code:
                return domain.label
        return code

    @property
    def has_unconfirmed(self) -> bool:
        return bool(self.unconfirmed_rules()) or self.education.verify

    def unconfirmed_rules(self) -> list[tuple[str, Rule[Any]]]:
        """(name, rule) for every figure marked ``verify = true``."""
        return [(spec.name, rule) for spec, rule in self.rules() if rule is not None and rule.verify]

    def rules(self) -> list[tuple[RuleSpec, Rule[Any] | None]]:
        """Every rule of :data:`RULES` with the profile's figure (None: the profile states none)."""
        return [(spec, spec.of(self)) for spec in RULES]


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
                raise self.fail(key, _("missing table"))
            return None
        value = self.data[key]
        if not isinstance(value, dict):
            raise self.fail(key, _("must be a table"))
        return _Reader(self.path, value, f"{self._key(key)}.")

    def only(self, *keys: str) -> None:
        """Refuse keys this table does not know (a misspelt key must not pass silently)."""
        for key in self.data:
            if key not in keys:
                raise self.fail(key, _("unknown key (expected one of: {keys})").format(keys=", ".join(keys)))

    def get(self, key: str, kind: type | tuple[type, ...], *, default: Any = ...) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.fail(key, _("missing"))
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        # TOML booleans are ints in Python; do not accept them as numbers.
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(key, _("must be {kind}, not true/false").format(kind=_kind_name(kinds)))
        if not isinstance(value, kinds):
            raise self.fail(
                key, _("must be {kind}, got {value!r}").format(kind=_kind_name(kinds), value=value)
            )
        return value

    def text(self, key: str, *, default: Any = ...) -> str:
        value = self.get(key, str, default=default)
        if isinstance(value, str) and not value.strip() and default is ...:
            raise self.fail(key, _("must not be empty"))
        return value

    def rule(self, key: str, kind: type | tuple[type, ...], *, required: bool = True) -> Rule[Any] | None:
        sub = self.table(key, required=required)
        if sub is None:
            return None
        sub.only("value", "source", "verify", "note")
        value = sub.get("value", kind)
        if isinstance(value, float) and not math.isfinite(value):
            raise sub.fail("value", _("must be a finite number"))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise sub.fail("value", _("must not be negative"))
        return Rule(
            value=value,
            source=sub.text("source"),
            verify=sub.get("verify", bool, default=False),
            note=sub.get("note", str, default=""),
        )


def _kind_name(kinds: tuple[type, ...]) -> str:
    names = {int: N_("a whole number"), float: N_("a number"), str: N_("text"), bool: N_("true or false")}
    return _(" or ").join(_(names[k]) if k in names else k.__name__ for k in kinds)


# --------------------------------------------------------------------------------------------
# The rules a profile may state: ONE registry, read by the parser (below), the notes of
# progress (unconfirmed_rules), the form's list of sources (attestation.rule_sources) and the
# profile view. A new rule is one entry here, its TOML key, and its field in the requirement.

_MODALITIES = ("in-person", "video", "phone")

Check = Callable[["_Reader", Rule[Any], tuple[str, ...]], Rule[Any]]
"""Checks a rule as read (the reader of its table, the rule, the profile's domain codes) and
returns it as the requirement holds it; raises ProfileError naming ``<key>.value``."""


@dataclass(frozen=True)
class RuleSpec:
    """One rule a credential profile may state."""

    part: str  # "supervision" or "experience": its TOML table and its requirement
    key: str  # its TOML key in that table
    attr: str  # its field of SupervisionRequirement / ExperienceRequirement
    kinds: tuple[type, ...]  # the types its TOML value may have
    required: bool  # False: a board's own rule, absent when the board states none
    unit: str  # how its value reads: hours, minutes, months, years, yes-no, fraction, ...
    name: str  # how a note names it ("Verify with ICB: the <name> figure is not confirmed")
    label: str  # how the profile view names it
    form: str = ""  # how the form's agency notes name its source ("": not listed)
    check: Check | None = None

    def of(self, profile: CredentialProfile) -> Rule[Any] | None:
        return getattr(getattr(profile, self.part), self.attr)  # type: ignore[no-any-return]


def _hours_rule(rule: Rule[Any]) -> Rule[int]:
    """A rule given in hours in the file, held in whole minutes."""
    return Rule(round(rule.value * 60), rule.source, rule.verify, rule.note)


def _hours(_table: _Reader, rule: Rule[Any], _domains: tuple[str, ...]) -> Rule[Any]:
    return _hours_rule(rule)


def _at_least(key: str, low: int, message: str) -> Check:
    def check(table: _Reader, rule: Rule[Any], _domains: tuple[str, ...]) -> Rule[Any]:
        if rule.value < low:
            raise table.fail(f"{key}.value", _(message))
        return rule

    return check


def _group_cap(table: _Reader, rule: Rule[Any], _domains: tuple[str, ...]) -> Rule[Any]:
    rule = Rule(float(rule.value), rule.source, rule.verify, rule.note)
    if not 0 < rule.value <= 1:
        raise table.fail("group_cap_fraction.value", _("must be more than 0 and at most 1"))
    return rule


def _minute_steps(table: _Reader, rule: Rule[Any], _domains: tuple[str, ...]) -> Rule[Any]:
    if not 1 <= rule.value <= 60:
        raise table.fail("minute_increment.value", _("must be between 1 and 60 minutes"))
    return rule


def _modalities(table: _Reader, rule: Rule[Any], _domains: tuple[str, ...]) -> Rule[Any]:
    unknown = [m for m in rule.value if m not in _MODALITIES]
    if not rule.value or unknown:
        raise table.fail(
            "counted_modalities.value",
            _("must list at least one of {modalities} (unknown: {unknown})").format(
                modalities=", ".join(_MODALITIES), unknown=", ".join(map(str, unknown))
            )
            if unknown
            else _("must list at least one of {modalities}").format(modalities=", ".join(_MODALITIES)),
        )
    return Rule(tuple(rule.value), rule.source, rule.verify, rule.note)


def _hours_by_area(table: _Reader, rule: Rule[Any], domains: tuple[str, ...]) -> Rule[Any]:
    minutes: dict[str, int] = {}
    for code, value in rule.value.items():
        if code not in domains:
            raise table.fail(
                f"domain_min_hours_by_area.value.{code}", _("is not one of the profile's domains")
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise table.fail(
                f"domain_min_hours_by_area.value.{code}", _("must be a number of hours, 0 or more")
            )
        minutes[code] = round(value * 60)
    return Rule(minutes, rule.source, rule.verify, rule.note)


def _yearly_cap(table: _Reader, rule: Rule[Any], _domains: tuple[str, ...]) -> Rule[Any]:
    if rule.value <= 0:
        raise table.fail("yearly_cap_hours.value", _("must be more than 0"))
    return _hours_rule(rule)


_NUMBER = (int, float)
SUPERVISION, EXPERIENCE = "supervision", "experience"

RULES: tuple[RuleSpec, ...] = (
    RuleSpec(SUPERVISION, "total_hours", "total_minutes", _NUMBER, True, "hours",
             N_("supervision total"), N_("Supervision hours"), N_("Supervision total"), _hours),
    RuleSpec(SUPERVISION, "domain_min_hours", "domain_min_minutes", _NUMBER, True, "hours",
             N_("supervision per domain"), N_("Supervision hours per domain (minimum)"), N_("Supervision per domain"), _hours),
    RuleSpec(SUPERVISION, "min_span_months", "min_span_months", (int,), True, "months",
             N_("supervision span"), N_("Supervision spread over at least"), N_("Supervision span")),
    RuleSpec(SUPERVISION, "cover_every_domain", "cover_every_domain", (bool,), True, "yes-no",
             N_("every domain covered"), N_("Every domain covered"), N_("Every domain covered")),
    RuleSpec(SUPERVISION, "minute_increment", "minute_increment", (int,), True, "minutes",
             N_("minute steps"), N_("Minutes recorded in steps of"), check=_minute_steps),
    RuleSpec(SUPERVISION, "allow_general", "allow_general", (bool,), True, "yes-no",
             N_("general minutes allowed"), N_("Time outside the domains allowed")),
    RuleSpec(SUPERVISION, "group_cap_fraction", "group_cap_fraction", _NUMBER, False, "fraction",
             N_("group supervision cap"), N_("Group supervision counts at most"), N_("Group supervision cap"), _group_cap),
    RuleSpec(SUPERVISION, "max_group_size", "max_group_size", (int,), False, "supervisees",
             N_("group size"), N_("Largest group"), N_("Group size"),
             _at_least("max_group_size", 2, N_("a group has at least 2 supervisees"))),
    RuleSpec(EXPERIENCE, "total_hours", "total_minutes", _NUMBER, True, "hours",
             N_("experience total"), N_("Supervised experience hours"), N_("Experience total"), _hours),
    RuleSpec(EXPERIENCE, "window_years", "window_years", (int,), False, "years",
             N_("experience window"), N_("Experience counts if within the last"), N_("Experience window")),
    RuleSpec(EXPERIENCE, "domain_min_hours", "domain_min_minutes", _NUMBER, True, "hours",
             N_("experience per domain"), N_("Experience hours per domain (minimum)"), check=_hours),
    # The board's own rules (LCPC): absent from a profile, no such rule.
    RuleSpec(SUPERVISION, "counted_modalities", "counted_modalities", (list,), False, "modalities",
             N_("modalities that count"), N_("Ways of supervising that count"), N_("Modalities that count"), _modalities),
    RuleSpec(SUPERVISION, "individual_max_supervisees", "individual_max_supervisees", (int,), False,
             "supervisees", N_("supervisees in an individual session"), N_("Individual supervision: supervisees at most"),
             N_("Individual supervision"), _at_least("individual_max_supervisees", 1, N_("must be at least 1"))),
    RuleSpec(SUPERVISION, "weekly_min_hours", "weekly_min_minutes", _NUMBER, False, "hours",
             N_("weekly supervision"), N_("Supervision each week (minimum)"), N_("Weekly supervision"), _hours),
    RuleSpec(EXPERIENCE, "domain_min_hours_by_area", "domain_minimums", (dict,), False, "hours-by-area",
             N_("experience minimum by area"), N_("Experience hours by area (minimum)"), N_("Experience minimum by area"),
             _hours_by_area),
    RuleSpec(EXPERIENCE, "yearly_cap_hours", "yearly_cap_minutes", _NUMBER, False, "hours",
             N_("experience per year"), N_("Experience hours counted per year (at most)"), N_("Experience per year"),
             _yearly_cap),
)  # fmt: skip
"""Every rule a profile may state, in the order notes name them."""


def _read_rules(table: _Reader, part: str, domains: tuple[str, ...]) -> dict[str, Any]:
    """The rules of one part (``[supervision]`` or ``[experience]``), checked, by field name."""
    specs = [spec for spec in RULES if spec.part == part]
    table.only(*(spec.key for spec in specs))
    read: dict[str, Any] = {}
    for spec in specs:
        rule = table.rule(spec.key, spec.kinds, required=spec.required)
        if rule is not None and spec.check is not None:
            rule = spec.check(table, rule, domains)
        read[spec.attr] = rule
    return read


def load_profile(path: Path) -> CredentialProfile:
    """Read and check one profile file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, "(file)", _("not valid TOML: {error}").format(error=exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(path, "(file)", _("cannot be read: {error}").format(error=exc)) from exc
    top = _Reader(path, data)

    code = top.text("code")
    if not code.isascii() or not code.replace("-", "").isalnum() or code.upper() != code:
        raise top.fail("code", _("must be upper-case letters and digits, got {code!r}").format(code=code))
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
        raise top.fail("effective", _("must be a date (YYYY-MM-DD), not a date and time"))
    verify_notes = top.get("verify_notes", list, default=[])
    if not all(isinstance(n, str) for n in verify_notes):
        raise top.fail("verify_notes", _("must be a list of text"))
    sources = top.get("sources", list)
    if not sources or not all(isinstance(s, str) and s.strip() for s in sources):
        raise top.fail("sources", _("must list at least one source as text"))

    raw_domains = top.get("domains", list)
    if not raw_domains:
        raise top.fail("domains", _("must list at least one domain"))
    domains: list[Domain] = []
    for index, raw in enumerate(raw_domains):
        if not isinstance(raw, dict):
            raise top.fail(f"domains[{index}]", _("must be a table with code and label"))
        item = _Reader(path, raw, f"domains[{index}].")
        item.only("code", "label")
        dcode = item.text("code")
        if dcode != dcode.lower() or " " in dcode or not dcode.isascii():
            raise item.fail("code", _("must be lower-case with dashes, got {code!r}").format(code=dcode))
        if dcode == GENERAL_DOMAIN:
            raise item.fail("code", _("{code!r} is reserved").format(code=GENERAL_DOMAIN))
        if any(d.code == dcode for d in domains):
            raise item.fail("code", _("domain {code!r} is listed twice").format(code=dcode))
        domains.append(Domain(dcode, item.text("label")))

    codes = tuple(d.code for d in domains)
    sup = top.table(SUPERVISION)
    assert sup is not None
    supervision = SupervisionRequirement(**_read_rules(sup, SUPERVISION, codes))
    exp = top.table(EXPERIENCE)
    assert exp is not None
    experience = ExperienceRequirement(**_read_rules(exp, EXPERIENCE, codes))

    edu = top.table("education")
    assert edu is not None
    edu.only("total_hours", "detail", "source", "verify")
    edu_hours = edu.get("total_hours", int)
    if edu_hours < 0:
        raise edu.fail("total_hours", _("must not be negative"))
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
        raise att.fail("notes", _("must be a list of text"))
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
            raise ren.fail("period_years.value", _("must be at least 1 year"))
        renewal = Renewal(
            period_years=period,
            total_minutes=_hours_rule(ren.rule("ceu_hours", (int, float))),  # type: ignore[arg-type]
            topics=_hours_requirements(top, "renewal_requirements", area_codes),
        )
    elif "renewal_requirements" in top.data:
        raise top.fail("renewal_requirements", _("needs a [renewal] table with period_years and ceu_hours"))
    due = DueRules()
    due_table = top.table("due", required=False)
    if due_table is not None:
        due_table.only("supervision_every_days", "hire_deadline_months")
        every = due_table.rule("supervision_every_days", int, required=False)
        months = due_table.rule("hire_deadline_months", int, required=False)
        for key, rule in (("supervision_every_days", every), ("hire_deadline_months", months)):
            if rule is not None and rule.value < 1:
                raise due_table.fail(f"{key}.value", _("must be at least 1"))
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
        raise table.fail("kinds", _("must list at least one credential or licence"))
    kinds: list[QualifyingKind] = []
    for index, item_data in enumerate(raw):
        if not isinstance(item_data, dict):
            raise table.fail(f"kinds[{index}]", _("must be a table with kind, label and source"))
        item = _Reader(top.path, item_data, f"{table.prefix}kinds[{index}].")
        item.only("kind", "label", "source", "verify")
        kind = QualifyingKind(
            kind=item.text("kind"),
            label=item.text("label"),
            source=item.text("source"),
            verify=item.get("verify", bool, default=False),
        )
        if any(normal_kind(k.kind) == normal_kind(kind.kind) for k in kinds):
            raise item.fail("kind", _("{kind!r} is listed twice").format(kind=kind.kind))
        kinds.append(kind)
    return WhoMaySupervise(tuple(kinds), table.get("agency_may_add", bool, default=False))


def _training_areas(top: _Reader, domains: list[Domain]) -> tuple[Domain, ...]:
    raw = top.get("training_areas", list, default=[])
    areas: list[Domain] = []
    for index, item_data in enumerate(raw):
        if not isinstance(item_data, dict):
            raise top.fail(f"training_areas[{index}]", _("must be a table with code and label"))
        item = _Reader(top.path, item_data, f"training_areas[{index}].")
        item.only("code", "label")
        code = item.text("code")
        if code != code.lower() or " " in code or not code.isascii() or code == GENERAL_DOMAIN:
            raise item.fail(
                "code",
                _("must be lower-case with dashes (not {general!r}), got {code!r}").format(
                    general=GENERAL_DOMAIN, code=code
                ),
            )
        if any(d.code == code for d in domains + areas):
            raise item.fail("code", _("{code!r} is already a domain or training area").format(code=code))
        areas.append(Domain(code, item.text("label")))
    return tuple(areas)


def _hours_requirements(top: _Reader, key: str, area_codes: set[str]) -> tuple[HoursRequirement, ...]:
    raw = top.get(key, list, default=[])
    result: list[HoursRequirement] = []
    for index, item_data in enumerate(raw):
        if not isinstance(item_data, dict):
            raise top.fail(f"{key}[{index}]", _("must be a table with label, areas and hours"))
        item = _Reader(top.path, item_data, f"{key}[{index}].")
        item.only("label", "areas", "hours")
        areas = item.get("areas", list)
        if not areas or not all(isinstance(a, str) for a in areas):
            raise item.fail("areas", _("must list at least one area code as text"))
        for area in areas:
            if area not in area_codes:
                raise item.fail(
                    "areas",
                    _("{area!r} is neither a domain nor a training area of this profile").format(area=area),
                )
        hours_rule = item.rule("hours", (int, float))
        assert hours_rule is not None
        result.append(HoursRequirement(item.text("label"), tuple(areas), _hours_rule(hours_rule)))
    return tuple(result)
