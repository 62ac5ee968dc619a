"""The rules one session or experience entry must meet, checked before anything is written.

Every rule in DOMAIN.md's "Rules the app checks" that concerns a single record is checked
here; a refusal is a :class:`DomainError` naming the field. The overlap checks read the other
records once, for one record or for a chunk of an import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _, ngettext
from supervisor_app.models import (
    ExperienceKind,
    Modality,
    SessionFormat,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee, get_supervisor
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile
from supervisor_app.services.records.overlaps import (
    check_experience_overlap,
    check_session_overlap,
    experience_periods,
    timed_sessions,
)
from supervisor_app.services.records.status import Record, record_supervisee_ids
from supervisor_app.services.records.values import (
    MAX_ENTRY_MINUTES,
    MAX_PERIOD_DAYS,
    MAX_TOPICS_LENGTH,
    ExperienceValues,
    SessionValues,
)
from supervisor_app.services.validation import clean_text, parse_date, parse_time, whole_minutes

# --------------------------------------------------------------------------------------------
# Validation


@cache
def _values(enum_type: type) -> tuple[str, ...]:
    return tuple(m.value for m in enum_type)


def _choice(value: str | None, enum_type: type, *, field: str, label: str) -> str:
    text = (value or "").strip().lower().replace("_", "-").replace(" ", "-")
    allowed = _values(enum_type)
    if text not in allowed:
        raise DomainError(
            _("{label} must be one of {allowed} (got {value!r}).").format(
                label=label, allowed=", ".join(allowed), value=value
            ),
            field=field,
            code="records.not_a_choice",
            params={"label": label, "value": value},
        )
    return text


def _allocations(
    raw: Mapping[str, Any] | Iterable[tuple[str, Any]] | None,
    *,
    profile: CredentialProfile,
    allow_general: bool,
) -> dict[str, int]:
    pairs = list(raw.items()) if isinstance(raw, Mapping) else list(raw or [])
    if not pairs:
        raise DomainError(
            _("Give the minutes for at least one performance domain ({domains}).").format(
                domains=", ".join(profile.domain_codes)
            ),
            field="allocations",
            code="records.no_domain",
        )
    result: dict[str, int] = {}
    for code, minutes in pairs:
        code = (code or "").strip().lower()
        if code not in profile.domain_codes and not (allow_general and code == GENERAL_DOMAIN):
            valid = list(profile.domain_codes) + ([GENERAL_DOMAIN] if allow_general else [])
            raise DomainError(
                _("{domain!r} is not a {credential} performance domain. Use one of: {valid}.").format(
                    domain=code, credential=profile.code, valid=", ".join(valid)
                ),
                field="allocations",
                code="records.unknown_domain",
                params={"domain": code, "credential": profile.code},
            )
        if code in result:
            raise DomainError(
                _("The domain {domain} is given twice.").format(domain=profile.label(code)),
                field="allocations",
                code="records.domain_twice",
            )
        if minutes.__class__ is int and minutes > 0:
            result[code] = minutes  # what whole_minutes would return, without building its label
        else:
            label = _("Minutes for {domain}").format(domain=profile.label(code))
            result[code] = whole_minutes(minutes, field="allocations", label=label)
    return result


def _profile_for(profiles: ProfileRegistry, supervisees: list[Supervisee]) -> CredentialProfile:
    codes = sorted({s.credential for s in supervisees})
    if len(codes) > 1:
        names = ", ".join(f"{s.name} ({s.credential})" for s in supervisees)
        raise DomainError(
            _(
                "Everyone in one session must be working toward the same credential, because the "
                "performance domains differ: {names}. Record a separate session per credential."
            ).format(names=names),
            field="supervisees",
            code="records.mixed_credentials",
            params={"names": names},
        )
    try:
        return profiles.get(codes[0])
    except KeyError as exc:
        raise DomainError(str(exc.args[0]), field="supervisees", code="records.unknown_credential") from None


def _check_supervisor(supervisor: Supervisor, supervisees: list[Supervisee]) -> None:
    if not supervisor.active:
        raise DomainError(
            _("{supervisor} is marked inactive; new records need an active supervisor.").format(
                supervisor=supervisor.name
            ),
            field="supervisor",
            code="records.supervisor_inactive",
            params={"supervisor": supervisor.name},
        )
    for supervisee in supervisees:
        if supervisee.same_person_supervisor_id == supervisor.id:
            raise DomainError(
                _("{supervisor} cannot supervise their own hours ({supervisee} is the same person).").format(
                    supervisor=supervisor.name, supervisee=supervisee.name
                ),
                field="supervisor",
                code="records.supervises_self",
                params={"supervisor": supervisor.name, "supervisee": supervisee.name},
            )


def _check_dates(
    start: dt.date, end: dt.date, supervisees: list[Supervisee], *, today: dt.date, field: str
) -> None:
    if end > today:
        raise DomainError(
            _("{end} is in the future; record hours once they have happened.").format(end=end.isoformat()),
            field=field,
            code="records.in_future",
            params={"end": end},
        )
    if start.year < 1990:
        raise DomainError(
            _("{start} is too far in the past to be a real record.").format(start=start.isoformat()),
            field=field,
            code="records.too_old",
            params={"start": start},
        )
    for supervisee in supervisees:
        if supervisee.start_date is not None and start < supervisee.start_date:
            raise DomainError(
                _("{start} is before {supervisee}'s start date ({start_date}).").format(
                    start=start.isoformat(),
                    supervisee=supervisee.name,
                    start_date=supervisee.start_date.isoformat(),
                ),
                field=field,
                code="records.before_start_date",
                params={"start": start, "supervisee": supervisee.name, "start_date": supervisee.start_date},
            )


def _load_supervisees(uow: UnitOfWork, ids: Iterable[int | str]) -> list[Supervisee]:
    return [get_supervisee(uow, i, field="supervisees") for i in ids]


def _check_supervisees(supervisees: list[Supervisee]) -> None:
    if not supervisees:
        raise DomainError(
            _("Choose at least one supervisee."), field="supervisees", code="records.no_supervisee"
        )
    seen: set[int] = set()
    for supervisee in supervisees:
        if supervisee.id in seen:
            raise DomainError(
                _("{supervisee} is listed twice.").format(supervisee=supervisee.name),
                field="supervisees",
                code="records.supervisee_twice",
                params={"supervisee": supervisee.name},
            )
        seen.add(supervisee.id)
        if not supervisee.active:
            raise DomainError(
                _("{supervisee} is marked inactive.").format(supervisee=supervisee.name),
                field="supervisees",
                code="records.supervisee_inactive",
                params={"supervisee": supervisee.name},
            )


def validate_session(
    uow: UnitOfWork,
    *,
    supervisor_id: int | str,
    supervisee_ids: Iterable[int | str],
    date: str | dt.date,
    minutes: int | str,
    format: str,
    modality: str,
    allocations: Mapping[str, Any] | Iterable[tuple[str, Any]],
    start: str | dt.time | None = None,
    site: str = "",
    topics: str = "",
    ignore_ids: Iterable[str] = (),
    today: dt.date | None = None,
) -> SessionValues:
    """Check a session against every rule; return the cleaned values. Writes nothing."""
    supervisor = get_supervisor(uow, supervisor_id)
    supervisees = _load_supervisees(uow, supervisee_ids)
    values = check_session(
        supervisor=supervisor,
        supervisees=supervisees,
        profiles=uow.db.profiles,
        date=date,
        minutes=minutes,
        format=format,
        modality=modality,
        allocations=allocations,
        start=start,
        site=site,
        topics=topics,
        today=today or clock.today(),
    )
    if values.start_time is not None:
        begin = values.start_time.hour * 60 + values.start_time.minute
        same_day = timed_sessions(uow, dates={values.date}, begin=begin, end=begin + values.minutes)
        check_session_overlap(
            values,
            same_day.get(values.date, ()),
            supervisor=supervisor,
            supervisees=supervisees,
            ignore_ids=set(ignore_ids),
        )
    return values


def check_session(
    *,
    supervisor: Supervisor,
    supervisees: list[Supervisee],
    profiles: ProfileRegistry,
    date: str | dt.date,
    minutes: int | str,
    format: str,
    modality: str,
    allocations: Mapping[str, Any] | Iterable[tuple[str, Any]],
    start: str | dt.time | None = None,
    site: str = "",
    topics: str = "",
    today: dt.date,
) -> SessionValues:
    """Every rule about one session except overlaps with other sessions (those need the other
    sessions: :func:`check_session_overlap`). Reads nothing from the database: the import runs
    it on thousands of rows with the people already loaded."""
    _check_supervisees(supervisees)
    _check_supervisor(supervisor, supervisees)
    profile = _profile_for(profiles, supervisees)
    day = parse_date(date, field="date", label=_("Date"))
    _check_dates(day, day, supervisees, today=today, field="date")
    start_time = parse_time(start, field="start", label=_("Start time"))
    length = whole_minutes(minutes, field="minutes", label=_("Length"))
    if length > MAX_ENTRY_MINUTES:
        raise DomainError(
            _("A session of {length} minutes is over 12 hours; check the length.").format(length=length),
            field="minutes",
            code="records.session_too_long",
            params={"length": length},
        )
    step = profile.supervision.minute_increment.value
    if length % step:
        raise DomainError(
            _(
                "{credential} supervision is recorded in {step}-minute steps; {length} minutes is not "
                "(use {lower} or {higher})."
            ).format(
                credential=profile.code,
                step=step,
                length=length,
                lower=length - length % step or step,
                higher=length - length % step + step,
            ),
            field="minutes",
            code="records.minutes_step",
            params={"credential": profile.code, "step": step, "length": length},
        )
    if start_time is not None and start_time.hour * 60 + start_time.minute + length > 24 * 60:
        raise DomainError(
            _("The session would run past midnight; split it into two days."),
            field="minutes",
            code="records.past_midnight",
        )
    session_format = _choice(format, SessionFormat, field="format", label=_("Format"))
    most_individual = profile.supervision.individual_max
    if session_format == SessionFormat.INDIVIDUAL and len(supervisees) > most_individual == 1:
        raise DomainError(
            _(
                "An individual session has exactly one supervisee ({chosen} chosen); choose group for more."
            ).format(chosen=len(supervisees)),
            field="supervisees",
            code="records.individual_count",
            params={"chosen": len(supervisees)},
        )
    if session_format == SessionFormat.INDIVIDUAL and len(supervisees) > most_individual:
        raise DomainError(
            _(
                "{credential} individual supervision has at most {most} supervisees "
                "({chosen} chosen); choose group for more."
            ).format(credential=profile.code, most=most_individual, chosen=len(supervisees)),
            field="supervisees",
            code="records.individual_too_many",
            params={"credential": profile.code, "most": most_individual, "chosen": len(supervisees)},
        )
    if session_format == SessionFormat.GROUP:
        if len(supervisees) < 2:
            raise DomainError(
                _("A group session has at least two supervisees."),
                field="supervisees",
                code="records.group_too_small",
            )
        if len(supervisees) <= most_individual:
            rule = profile.supervision.individual_max_supervisees
            raise DomainError(
                _(
                    "For the {credential}, one supervisor with {chosen} supervisees is individual "
                    "supervision ({rule}); record it as individual."
                ).format(credential=profile.code, chosen=len(supervisees), rule=rule.source if rule else ""),
                field="format",
                code="records.group_is_individual",
                params={"credential": profile.code},
            )
        cap = profile.supervision.max_group_size
        if cap is not None and len(supervisees) > cap.value:
            raise DomainError(
                _(
                    "{credential} group supervision allows at most {most} supervisees ({chosen} chosen)."
                ).format(credential=profile.code, most=cap.value, chosen=len(supervisees)),
                field="supervisees",
                code="records.group_too_large",
                params={"credential": profile.code, "most": cap.value},
            )
    session_modality = _choice(modality, Modality, field="modality", label=_("Modality"))
    check_modality_counts(profile, session_modality)
    allow_general = profile.supervision.allow_general.value
    allocated = _allocations(allocations, profile=profile, allow_general=allow_general)
    total = sum(allocated.values())
    if total > length:
        raise DomainError(
            _("The domains add up to {total} minutes, more than the session's {length}.").format(
                total=total, length=length
            ),
            field="allocations",
            code="records.domains_exceed_length",
            params={"total": total, "length": length},
        )
    if total < length:
        if not allow_general:
            raise DomainError(
                _(
                    "The domains add up to {total} minutes but the session is {length}; "
                    "allocate the other {rest} minutes to a domain."
                ).format(total=total, length=length, rest=length - total),
                field="allocations",
                code="records.domains_short_of_length",
                params={"total": total, "length": length},
            )
        allocated[GENERAL_DOMAIN] = allocated.get(GENERAL_DOMAIN, 0) + length - total
    return SessionValues(
        supervisor_id=supervisor.id,
        supervisee_ids=tuple(sorted(s.id for s in supervisees)),
        date=day,
        start_time=start_time,
        minutes=length,
        format=session_format,
        modality=session_modality,
        site=clean_text(site, field="site", label=_("Site")),
        topics=clean_text(
            topics, field="topics", label=_("Topics"), max_length=MAX_TOPICS_LENGTH, multiline=True
        ),
        allocations=dict(sorted(allocated.items())),
    )


def check_modality_counts(profile: CredentialProfile, modality: str) -> None:
    """Refuse supervision in a modality the board does not count (LCPC: phone and e-mail)."""
    rule = profile.supervision.counted_modalities
    if rule is None or modality in rule.value:
        return
    allowed = _(" or ").join(_(_MODALITY_WORDS[m]) if m in _MODALITY_WORDS else m for m in rule.value)
    given = _(_MODALITY_WORDS[modality]) if modality in _MODALITY_WORDS else modality
    raise DomainError(
        _(
            "{credential} supervision {given} does not count ({rule}). Record supervision given {allowed}."
        ).format(credential=profile.code, given=given, rule=rule.source, allowed=allowed),
        field="modality",
        code="records.modality_not_counted",
        params={"credential": profile.code, "rule": rule.source, "allowed": allowed},
    )


def check_counts_at_signing(uow: UnitOfWork, records: Iterable[Record]) -> None:
    """The board rules a record is checked against again at signing (the profile may have
    changed since it was entered): a session in a modality the board does not count."""
    credentials: dict[int, str] = {}
    for record in records:
        if not isinstance(record, SupervisionSession):
            continue
        for supervisee_id in record_supervisee_ids(record):
            if supervisee_id not in credentials:
                credentials[supervisee_id] = get_supervisee(uow, supervisee_id).credential
            try:
                profile = uow.db.profiles.get(credentials[supervisee_id])
            except KeyError:
                continue
            try:
                check_modality_counts(profile, record.modality)
            except DomainError as exc:
                raise exc.with_message(
                    _("Record {record} ({date}) cannot be signed: {message}").format(
                        record=record.id[:8], date=record.date.isoformat(), message=exc.message
                    ),
                    field="record",
                    params={"record": record.id, "date": record.date},
                ) from None


_MODALITY_WORDS = {"in-person": N_("in person"), "video": N_("by live video"), "phone": N_("by phone")}


def _check_active(supervisee: Supervisee) -> None:
    if not supervisee.active:
        raise DomainError(
            _("{supervisee} is marked inactive.").format(supervisee=supervisee.name),
            field="supervisee",
            code="records.supervisee_inactive",
            params={"supervisee": supervisee.name},
        )


def validate_experience(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    supervisor_id: int | str,
    period_start: str | dt.date,
    period_end: str | dt.date,
    allocations: Mapping[str, Any] | Iterable[tuple[str, Any]],
    setting: str = "",
    kind: str = ExperienceKind.PAID.value,
    ignore_ids: Iterable[str] = (),
    today: dt.date | None = None,
) -> ExperienceValues:
    supervisee = get_supervisee(uow, supervisee_id)
    _check_active(supervisee)
    supervisor = get_supervisor(uow, supervisor_id)
    values = check_experience(
        supervisee=supervisee,
        supervisor=supervisor,
        profiles=uow.db.profiles,
        period_start=period_start,
        period_end=period_end,
        allocations=allocations,
        setting=setting,
        kind=kind,
        today=today or clock.today(),
    )
    others = experience_periods(
        uow, supervisee_ids=[supervisee.id], start=values.period_start, end=values.period_end
    )
    check_experience_overlap(
        values, others.get(supervisee.id, ()), supervisee=supervisee, ignore_ids=set(ignore_ids)
    )
    return values


def check_experience(
    *,
    supervisee: Supervisee,
    supervisor: Supervisor,
    profiles: ProfileRegistry,
    period_start: str | dt.date,
    period_end: str | dt.date,
    allocations: Mapping[str, Any] | Iterable[tuple[str, Any]],
    setting: str = "",
    kind: str = ExperienceKind.PAID.value,
    today: dt.date,
) -> ExperienceValues:
    """Every rule about one experience entry except overlaps with other entries
    (:func:`check_experience_overlap`). Reads nothing from the database."""
    _check_active(supervisee)
    _check_supervisor(supervisor, [supervisee])
    profile = _profile_for(profiles, [supervisee])
    start = parse_date(period_start, field="period_start", label=_("From date"))
    end = parse_date(period_end, field="period_end", label=_("To date"))
    if end < start:
        raise DomainError(
            _("The period ends ({end}) before it starts ({start}).").format(
                end=end.isoformat(), start=start.isoformat()
            ),
            field="period_end",
            code="records.period_reversed",
            params={"end": end, "start": start},
        )
    if (end - start).days > MAX_PERIOD_DAYS:
        raise DomainError(
            _("An experience entry covers at most one year; split longer periods."),
            field="period_end",
            code="records.period_too_long",
        )
    _check_dates(start, end, [supervisee], today=today, field="period_start")
    allocated = _allocations(allocations, profile=profile, allow_general=True)
    total = sum(allocated.values())
    days = (end - start).days + 1
    if total > MAX_ENTRY_MINUTES * days:
        raise DomainError(
            ngettext(
                "{hours} hours in {days} day is more than 12 hours a day; check the hours.",
                "{hours} hours in {days} days is more than 12 hours a day; check the hours.",
                days,
            ).format(hours=f"{total / 60:.2f}", days=days),
            field="allocations",
            code="records.over_12_hours_a_day",
            params={"days": days},
        )
    return ExperienceValues(
        supervisee_id=supervisee.id,
        supervisor_id=supervisor.id,
        period_start=start,
        period_end=end,
        setting=clean_text(setting, field="setting", label=_("Setting")),
        kind=_choice(kind, ExperienceKind, field="kind", label=_("Kind")),
        allocations=dict(sorted(allocated.items())),
    )
