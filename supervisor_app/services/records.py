"""Supervision sessions and experience entries: adding, editing pending ones, amending.

Every rule in DOMAIN.md's "Rules the app checks" that concerns a single record is checked
here, before anything is written; a refusal is a :class:`DomainError` naming the field.

Status model: a row stores ``pending`` or ``signed``. A signed row is *amended* when a signed
amendment supersedes it and *voided* when a void sign-off names it; both are derived from
append-only rows (:func:`display_status_sql`), so a signed row is never touched again.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import aliased, selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    Base,
    DisplayStatus,
    ExperienceAllocation,
    ExperienceEntry,
    ExperienceKind,
    ForeignLink,
    Modality,
    RecordKind,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    SessionFormat,
    SignOff,
    SignOffAction,
    Supervisee,
    SupervisionSession,
    Supervisor,
    utcnow,
)
from supervisor_app.services import audit
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee, get_supervisor
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile, ProfileRegistry
from supervisor_app.services.validation import clean_text, parse_date, parse_time, whole_minutes

MAX_ENTRY_MINUTES = 12 * 60
"""No single session, and no day of an experience period, may exceed 12 hours."""

MAX_PERIOD_DAYS = 366
"""An experience entry covers at most a year: its last day is at most this many days after its first."""


def _days_before(day: dt.date, days: int) -> dt.date:
    """``day`` minus ``days``, or the first date there is (a file may say 0001-01-01)."""
    return day - dt.timedelta(days=days) if day.toordinal() > days else dt.date.min


MAX_TOPICS_LENGTH = 4000

INSERT_BATCH = 20_000
"""Records written per executemany by :func:`insert_checked`."""

NO_CLIENT_INFO_REMINDER = (
    "Topics are about the supervisee's work. Do not enter client names or anything that "
    "identifies a client (HIPAA, 42 CFR Part 2)."
)

Record = SupervisionSession | ExperienceEntry


# --------------------------------------------------------------------------------------------
# Status, in SQL


def _model(kind: RecordKind | str) -> type[SupervisionSession] | type[ExperienceEntry]:
    return SupervisionSession if RecordKind(kind) is RecordKind.SESSION else ExperienceEntry


@cache  # static expressions: build once, reuse
def superseded_clause(model: type[Record]) -> ColumnElement[bool]:
    """True where a *signed* amendment replaces the row."""
    newer = aliased(model)
    return exists(
        select(literal(1)).where(newer.supersedes_id == model.id, newer.status == RecordStatus.SIGNED)
    )


@cache  # static expressions: build once, reuse
def amendment_waiting_clause(model: type[Record]) -> ColumnElement[bool]:
    """True where a *pending* amendment of the row waits to be signed (and will replace it)."""
    newer = aliased(model)
    return exists(
        select(literal(1)).where(newer.supersedes_id == model.id, newer.status == RecordStatus.PENDING)
    )


@cache  # static expressions: build once, reuse
def voided_clause(model: type[Record]) -> ColumnElement[bool]:
    return or_(
        exists(select(literal(1)).where(SignOff.record_id == model.id, SignOff.action == SignOffAction.VOID)),
        # a record signed and voided in another database (arrived in an hours file)
        exists(
            select(literal(1)).where(
                ForeignLink.record_id == model.id, ForeignLink.action == SignOffAction.VOID
            )
        ),
    )


def refuse_arrived(uow: UnitOfWork, record: Record, action: str) -> None:
    """A record signed in another database (arrived in an hours file) is read-only here."""
    arrived = uow.session.scalar(
        select(ForeignLink.chain_id)
        .where(ForeignLink.record_id == record.id, ForeignLink.action == SignOffAction.SIGN)
        .limit(1)
    )
    if arrived is not None:
        raise DomainError(
            f"Record {record.id[:8]} was signed in another database and arrived in an hours file; "
            f"it is read-only here and cannot be {action} (its own supervisor can, where it was signed).",
            field="record",
        )


@cache  # static expressions: build once, reuse
def counts_clause(model: type[Record]) -> ColumnElement[bool]:
    """True for the rows that count toward progress: signed, not replaced, not voided."""
    return and_(model.status == RecordStatus.SIGNED, ~superseded_clause(model), ~voided_clause(model))


@cache  # static expressions: build once, reuse
def display_status_sql(model: type[Record]) -> ColumnElement[str]:
    return case(
        (model.status == RecordStatus.PENDING, literal(DisplayStatus.PENDING.value)),
        (voided_clause(model), literal(DisplayStatus.VOIDED.value)),
        (superseded_clause(model), literal(DisplayStatus.AMENDED.value)),
        else_=literal(DisplayStatus.SIGNED.value),
    )


@cache  # static expressions: build once, reuse
def replaced_by_sql(model: type[Record]) -> Any:
    newer = aliased(model)
    return (
        select(newer.id)
        .where(newer.supersedes_id == model.id, newer.status == RecordStatus.SIGNED)
        .limit(1)
        .scalar_subquery()
    )


def display_status(uow: UnitOfWork, record: Record) -> DisplayStatus:
    model = type(record)
    value = uow.session.scalar(select(display_status_sql(model)).where(model.id == record.id))
    return DisplayStatus(value)


# --------------------------------------------------------------------------------------------
# Finding records


def find_record(uow: UnitOfWork, record_id: str, *, field: str = "record") -> Record:
    """A session or experience entry by id, or by a unique prefix of at least 6 characters."""
    text = (record_id or "").strip().lower()
    if len(text) < 6:
        raise DomainError(
            f"Record id {record_id!r} is too short; give the full id or at least its first 6 characters.",
            field=field,
        )
    found: list[Record] = []
    for model in (SupervisionSession, ExperienceEntry):
        exact = uow.session.get(model, text)
        if exact is not None:
            return exact
        found.extend(uow.session.scalars(select(model).where(model.id.startswith(text)).limit(2)))
    if not found:
        raise DomainError(f"There is no session or experience entry with id {record_id!r}.", field=field)
    if len(found) > 1:
        raise DomainError(
            f"Record id {record_id!r} matches more than one record; give more characters.",
            field=field,
        )
    return found[0]


def record_kind(record: Record) -> RecordKind:
    return RecordKind.SESSION if isinstance(record, SupervisionSession) else RecordKind.EXPERIENCE


def record_supervisee_ids(record: Record) -> list[int]:
    if isinstance(record, SupervisionSession):
        return [a.supervisee_id for a in record.attendees]
    return [record.supervisee_id]


# --------------------------------------------------------------------------------------------
# Validation


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


@cache
def _values(enum_type: type) -> tuple[str, ...]:
    return tuple(m.value for m in enum_type)


def _choice(value: str | None, enum_type: type, *, field: str, label: str) -> str:
    text = (value or "").strip().lower().replace("_", "-").replace(" ", "-")
    allowed = _values(enum_type)
    if text not in allowed:
        raise DomainError(f"{label} must be one of {', '.join(allowed)} (got {value!r}).", field=field)
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
            f"Give the minutes for at least one performance domain ({', '.join(profile.domain_codes)}).",
            field="allocations",
        )
    result: dict[str, int] = {}
    for code, minutes in pairs:
        code = (code or "").strip().lower()
        if code not in profile.domain_codes and not (allow_general and code == GENERAL_DOMAIN):
            valid = list(profile.domain_codes) + ([GENERAL_DOMAIN] if allow_general else [])
            raise DomainError(
                f"{code!r} is not a {profile.code} performance domain. Use one of: {', '.join(valid)}.",
                field="allocations",
            )
        if code in result:
            raise DomainError(f"The domain {profile.label(code)} is given twice.", field="allocations")
        if minutes.__class__ is int and minutes > 0:
            result[code] = minutes  # what whole_minutes would return, without building its label
        else:
            label = f"Minutes for {profile.label(code)}"
            result[code] = whole_minutes(minutes, field="allocations", label=label)
    return result


def _profile_for(profiles: ProfileRegistry, supervisees: list[Supervisee]) -> CredentialProfile:
    codes = sorted({s.credential for s in supervisees})
    if len(codes) > 1:
        names = ", ".join(f"{s.name} ({s.credential})" for s in supervisees)
        raise DomainError(
            "Everyone in one session must be working toward the same credential, because the "
            f"performance domains differ: {names}. Record a separate session per credential.",
            field="supervisees",
        )
    try:
        return profiles.get(codes[0])
    except KeyError as exc:
        raise DomainError(str(exc.args[0]), field="supervisees") from None


def _check_supervisor(supervisor: Supervisor, supervisees: list[Supervisee]) -> None:
    if not supervisor.active:
        raise DomainError(
            f"{supervisor.name} is marked inactive; new records need an active supervisor.",
            field="supervisor",
        )
    for supervisee in supervisees:
        if supervisee.same_person_supervisor_id == supervisor.id:
            raise DomainError(
                f"{supervisor.name} cannot supervise their own hours ({supervisee.name} is the same person).",
                field="supervisor",
            )


def _check_dates(
    start: dt.date, end: dt.date, supervisees: list[Supervisee], *, today: dt.date, field: str
) -> None:
    if end > today:
        raise DomainError(
            f"{end.isoformat()} is in the future; record hours once they have happened.",
            field=field,
        )
    if start.year < 1990:
        raise DomainError(f"{start.isoformat()} is too far in the past to be a real record.", field=field)
    for supervisee in supervisees:
        if supervisee.start_date is not None and start < supervisee.start_date:
            raise DomainError(
                f"{start.isoformat()} is before {supervisee.name}'s start date "
                f"({supervisee.start_date.isoformat()}).",
                field=field,
            )


def _load_supervisees(uow: UnitOfWork, ids: Iterable[int | str]) -> list[Supervisee]:
    return [get_supervisee(uow, i, field="supervisees") for i in ids]


def _check_supervisees(supervisees: list[Supervisee]) -> None:
    if not supervisees:
        raise DomainError("Choose at least one supervisee.", field="supervisees")
    seen: set[int] = set()
    for supervisee in supervisees:
        if supervisee.id in seen:
            raise DomainError(f"{supervisee.name} is listed twice.", field="supervisees")
        seen.add(supervisee.id)
        if not supervisee.active:
            raise DomainError(f"{supervisee.name} is marked inactive.", field="supervisees")


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
        today=today or dt.date.today(),
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
    day = parse_date(date, field="date", label="Date")
    _check_dates(day, day, supervisees, today=today, field="date")
    start_time = parse_time(start, field="start", label="Start time")
    length = whole_minutes(minutes, field="minutes", label="Length")
    if length > MAX_ENTRY_MINUTES:
        raise DomainError(
            f"A session of {length} minutes is over 12 hours; check the length.", field="minutes"
        )
    step = profile.supervision.minute_increment.value
    if length % step:
        raise DomainError(
            f"{profile.code} supervision is recorded in {step}-minute steps; {length} minutes is not "
            f"(use {length - length % step or step} or {length - length % step + step}).",
            field="minutes",
        )
    if start_time is not None and start_time.hour * 60 + start_time.minute + length > 24 * 60:
        raise DomainError("The session would run past midnight; split it into two days.", field="minutes")
    session_format = _choice(format, SessionFormat, field="format", label="Format")
    most_individual = profile.supervision.individual_max
    if session_format == SessionFormat.INDIVIDUAL and len(supervisees) > most_individual:
        raise DomainError(
            (
                f"An individual session has exactly one supervisee ({len(supervisees)} chosen); "
                "choose group for more."
            )
            if most_individual == 1
            else (
                f"{profile.code} individual supervision has at most {most_individual} supervisees "
                f"({len(supervisees)} chosen); choose group for more."
            ),
            field="supervisees",
        )
    if session_format == SessionFormat.GROUP:
        if len(supervisees) < 2:
            raise DomainError("A group session has at least two supervisees.", field="supervisees")
        if len(supervisees) <= most_individual:
            rule = profile.supervision.individual_max_supervisees
            raise DomainError(
                f"For the {profile.code}, one supervisor with {len(supervisees)} supervisees is individual "
                f"supervision ({rule.source if rule else ''}); record it as individual.",
                field="format",
            )
        cap = profile.supervision.max_group_size
        if cap is not None and len(supervisees) > cap.value:
            raise DomainError(
                f"{profile.code} group supervision allows at most {cap.value} supervisees "
                f"({len(supervisees)} chosen).",
                field="supervisees",
            )
    session_modality = _choice(modality, Modality, field="modality", label="Modality")
    check_modality_counts(profile, session_modality)
    allow_general = profile.supervision.allow_general.value
    allocated = _allocations(allocations, profile=profile, allow_general=allow_general)
    total = sum(allocated.values())
    if total > length:
        raise DomainError(
            f"The domains add up to {total} minutes, more than the session's {length}.",
            field="allocations",
        )
    if total < length:
        if not allow_general:
            raise DomainError(
                f"The domains add up to {total} minutes but the session is {length}; "
                f"allocate the other {length - total} minutes to a domain.",
                field="allocations",
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
        site=clean_text(site, field="site", label="Site"),
        topics=clean_text(
            topics, field="topics", label="Topics", max_length=MAX_TOPICS_LENGTH, multiline=True
        ),
        allocations=dict(sorted(allocated.items())),
    )


def check_modality_counts(profile: CredentialProfile, modality: str) -> None:
    """Refuse supervision in a modality the board does not count (LCPC: phone and e-mail)."""
    rule = profile.supervision.counted_modalities
    if rule is None or modality in rule.value:
        return
    allowed = " or ".join(_MODALITY_WORDS.get(m, m) for m in rule.value)
    raise DomainError(
        f"{profile.code} supervision {_MODALITY_WORDS.get(modality, modality)} does not count "
        f"({rule.source}). Record supervision given {allowed}.",
        field="modality",
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
                raise DomainError(
                    f"Record {record.id[:8]} ({record.date.isoformat()}) cannot be signed: {exc.message}",
                    field="record",
                ) from None


_MODALITY_WORDS = {"in-person": "in person", "video": "by live video", "phone": "by phone"}


@cache
def _live(model: type[Record]) -> ColumnElement[bool]:
    """Rows that still stand: pending, or signed and neither replaced nor voided."""
    return or_(model.status == RecordStatus.PENDING, counts_clause(model))


# Overlaps. Both paths load the other records once (one record: its day or period; the import:
# every day or supervisee of a chunk of rows) and check each record with the same function.

_IN_BATCH = 500
"""Values per IN (...) list, well under SQLite's limit on bound parameters."""


def batches(items: Iterable[Any], size: int = _IN_BATCH) -> Iterator[list[Any]]:
    """``items`` in lists of at most ``size``: for IN (...) lists."""
    items = list(items)
    for index in range(0, len(items), size):
        yield items[index : index + size]


class TimedSession(NamedTuple):
    """A standing session with a start time: what another session may overlap."""

    id: str
    supersedes_id: str | None
    supervisor_id: int
    date: dt.date
    start_time: dt.time
    minutes: int
    supervisee_ids: frozenset[int]


def timed_sessions(
    uow: UnitOfWork, *, dates: Iterable[dt.date], begin: int = 0, end: int = 24 * 60
) -> dict[dt.date, list[TimedSession]]:
    """The standing sessions with a start time on ``dates`` that overlap ``begin``..``end``
    (minutes after midnight), by date. Everyone's: an agency has a few hundred a day at most,
    and asking SQLite for "this supervisor or one of these supervisees" costs more than
    reading them all and choosing in Python (:func:`check_session_overlap`)."""
    S, A = SupervisionSession, SessionAttendee
    attendees = select(func.group_concat(A.supervisee_id)).where(A.session_id == S.id).scalar_subquery()
    # The stored time is text, HH:MM:SS.ffffff.
    starts = cast(func.substr(S.start_time, 1, 2), Integer) * 60 + cast(
        func.substr(S.start_time, 4, 2), Integer
    )
    parse = _Parsed(uow, S.date, S.start_time)
    by_date: dict[dt.date, list[TimedSession]] = {}
    for day_batch in batches(sorted(set(dates)), 200):
        query = select(
            S.id,
            S.supersedes_id,
            S.supervisor_id,
            type_coerce(S.date, String),  # thousands of rows, a few distinct values: parsed once each
            type_coerce(S.start_time, String),
            S.minutes,
            attendees,
        ).where(
            S.date.in_(day_batch),
            S.start_time.is_not(None),
            starts < end,
            starts + S.minutes > begin,
            _live(S),
        )
        for sid, supersedes, supervisor_id, day, start, minutes, who in uow.session.execute(query):
            session = TimedSession(
                sid, supersedes, supervisor_id, parse.date(day), parse.time(start), minutes,
                frozenset(map(int, who.split(","))) if who else frozenset(),
            )  # fmt: skip
            by_date.setdefault(session.date, []).append(session)
    return by_date


class _Parsed:
    """Stored date and time texts as values (by the columns' own types), each distinct text
    parsed once: a chunk of the import reads thousands of rows with a few dozen dates."""

    def __init__(self, uow: UnitOfWork, date_column: Any, time_column: Any | None = None) -> None:
        dialect = uow.session.get_bind().dialect
        self._date = date_column.type.dialect_impl(dialect).result_processor(dialect, None)
        self._time = (
            time_column.type.dialect_impl(dialect).result_processor(dialect, None)
            if time_column is not None
            else None
        )
        self._dates: dict[str, dt.date] = {}
        self._times: dict[str, dt.time] = {}

    def date(self, text: str) -> dt.date:
        value = self._dates.get(text)
        if value is None:
            value = self._dates[text] = self._date(text) if self._date else text
        return value

    def time(self, text: str) -> dt.time:
        value = self._times.get(text)
        if value is None:
            value = self._times[text] = self._time(text) if self._time else text
        return value


def check_session_overlap(
    values: SessionValues,
    same_day: Iterable[TimedSession],
    *,
    supervisor: Supervisor,
    supervisees: list[Supervisee],
    ignore_ids: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Refuse ``values`` if it overlaps one of ``same_day`` that shares its supervisor or a
    supervisee (sessions of the same day; others are ignored)."""
    if values.start_time is None:
        return
    begin = values.start_time.hour * 60 + values.start_time.minute
    end = begin + values.minutes
    mine = set(values.supervisee_ids)
    for other in same_day:
        other_begin = other.start_time.hour * 60 + other.start_time.minute
        if other_begin >= end or begin >= other_begin + other.minutes:
            continue  # not at the same time
        if ignore_ids and (other.id in ignore_ids or other.supersedes_id in ignore_ids):
            continue
        if other.supervisor_id != supervisor.id and mine.isdisjoint(other.supervisee_ids):
            continue  # nobody in common
        who = supervisor.name if other.supervisor_id == supervisor.id else None
        if who is None:
            shared = mine & other.supervisee_ids
            who = ", ".join(s.name for s in supervisees if s.id in shared)
        raise DomainError(
            f"This overlaps another session for {who} on {values.date.isoformat()} at "
            f"{other.start_time.strftime('%H:%M')} ({other.minutes} min, record {other.id[:8]}).",
            field="start",
        )


class ExperiencePeriod(NamedTuple):
    """A standing experience entry's period: what another entry may overlap."""

    id: str
    supersedes_id: str | None
    supervisee_id: int
    period_start: dt.date
    period_end: dt.date


def experience_periods(
    uow: UnitOfWork, *, supervisee_ids: Iterable[int], start: dt.date, end: dt.date
) -> dict[int, list[ExperiencePeriod]]:
    """The standing experience entries of the supervisees that overlap ``start``..``end``, by
    supervisee."""
    E = ExperienceEntry
    parse = _Parsed(uow, E.period_start)
    by_supervisee: dict[int, list[ExperiencePeriod]] = {}
    for batch in batches(sorted(set(supervisee_ids))):
        query = select(
            E.id, E.supersedes_id, E.supervisee_id, type_coerce(E.period_start, String),
            type_coerce(E.period_end, String),
        ).where(
            E.supervisee_id.in_(batch),
            E.period_start <= end,
            # Redundant with the next line (no entry is longer than MAX_PERIOD_DAYS), but it lets
            # the (supervisee, period_start) index skip the years before the period.
            E.period_start >= _days_before(start, MAX_PERIOD_DAYS),
            E.period_end >= start,
            _live(E),
        )  # fmt: skip
        for entry_id, supersedes, supervisee_id, first, last in uow.session.execute(query):
            by_supervisee.setdefault(supervisee_id, []).append(
                ExperiencePeriod(entry_id, supersedes, supervisee_id, parse.date(first), parse.date(last))
            )
    return by_supervisee


def check_experience_overlap(
    values: ExperienceValues,
    others: Iterable[ExperiencePeriod],
    *,
    supervisee: Supervisee,
    ignore_ids: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Refuse ``values`` if its period overlaps one of ``others`` of the same supervisee."""
    for other in others:
        if other.supervisee_id != values.supervisee_id:
            continue
        if other.period_start > values.period_end or other.period_end < values.period_start:
            continue
        if other.id in ignore_ids or other.supersedes_id in ignore_ids:
            continue
        raise DomainError(
            f"{supervisee.name} already has experience logged for {other.period_start.isoformat()} to "
            f"{other.period_end.isoformat()} (record {other.id[:8]}), which overlaps this period. "
            "Edit or amend that entry instead, so no hours are counted twice.",
            field="period_start",
        )


def _check_active(supervisee: Supervisee) -> None:
    if not supervisee.active:
        raise DomainError(f"{supervisee.name} is marked inactive.", field="supervisee")


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
        today=today or dt.date.today(),
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
    start = parse_date(period_start, field="period_start", label="From date")
    end = parse_date(period_end, field="period_end", label="To date")
    if end < start:
        raise DomainError(
            f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}).",
            field="period_end",
        )
    if (end - start).days > MAX_PERIOD_DAYS:
        raise DomainError(
            "An experience entry covers at most one year; split longer periods.", field="period_end"
        )
    _check_dates(start, end, [supervisee], today=today, field="period_start")
    allocated = _allocations(allocations, profile=profile, allow_general=True)
    total = sum(allocated.values())
    days = (end - start).days + 1
    if total > MAX_ENTRY_MINUTES * days:
        raise DomainError(
            f"{total / 60:.2f} hours in {days} day{'s' if days != 1 else ''} is more than 12 hours a day; "
            "check the hours.",
            field="allocations",
        )
    return ExperienceValues(
        supervisee_id=supervisee.id,
        supervisor_id=supervisor.id,
        period_start=start,
        period_end=end,
        setting=clean_text(setting, field="setting", label="Setting"),
        kind=_choice(kind, ExperienceKind, field="kind", label="Kind"),
        allocations=dict(sorted(allocated.items())),
    )


# --------------------------------------------------------------------------------------------
# Writing


def _apply_session(session: SupervisionSession, values: SessionValues) -> None:
    session.supervisor_id = values.supervisor_id
    session.date = values.date
    session.start_time = values.start_time
    session.minutes = values.minutes
    session.format = values.format
    session.modality = values.modality
    session.site = values.site
    session.topics = values.topics
    session.attendees = [SessionAttendee(supervisee_id=i) for i in values.supervisee_ids]
    session.allocations = [SessionAllocation(domain_code=c, minutes=m) for c, m in values.allocations.items()]


def _apply_experience(entry: ExperienceEntry, values: ExperienceValues) -> None:
    entry.supervisee_id = values.supervisee_id
    entry.supervisor_id = values.supervisor_id
    entry.period_start = values.period_start
    entry.period_end = values.period_end
    entry.setting = values.setting
    entry.kind = values.kind
    entry.allocations = [
        ExperienceAllocation(domain_code=c, minutes=m) for c, m in values.allocations.items()
    ]


def new_record_ids(count: int) -> list[str]:
    """``count`` new session or experience entry ids: random UUID4 text, as the models give a
    record added one at a time (:func:`~supervisor_app.models.new_uuid`), made in one go."""
    data = os.urandom(16 * count)
    ids = []
    for start in range(0, 16 * count, 16):
        value = int.from_bytes(data[start : start + 16]) & _UUID4_KEEP | _UUID4_SET  # version 4, RFC variant
        h = f"{value:032x}"
        ids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return ids


_UUID4_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def _created_session(values: SessionValues) -> dict[str, Any]:
    """The details of a session's create event in the audit trail."""
    return {"kind": "session", "date": values.date, "minutes": values.minutes}


def _created_experience(values: ExperienceValues) -> dict[str, Any]:
    return {
        "kind": "experience",
        "from": values.period_start,
        "to": values.period_end,
        "minutes": sum(values.allocations.values()),
    }


def add_session(uow: UnitOfWork, **fields: Any) -> SupervisionSession:
    """Validate and add a pending session (see :func:`validate_session` for the fields)."""
    values = validate_session(uow, **fields)
    session = SupervisionSession(status=RecordStatus.PENDING.value)
    _apply_session(session, values)
    uow.session.add(session)
    uow.flush()
    for supervisee_id in values.supervisee_ids:
        audit.log(
            uow,
            audit.AuditAction.CREATE,
            record_id=session.id,
            supervisee_id=supervisee_id,
            details=_created_session(values),
        )
    return session


def add_experience(uow: UnitOfWork, **fields: Any) -> ExperienceEntry:
    values = validate_experience(uow, **fields)
    entry = ExperienceEntry(status=RecordStatus.PENDING.value)
    _apply_experience(entry, values)
    uow.session.add(entry)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.CREATE,
        record_id=entry.id,
        supervisee_id=values.supervisee_id,
        details=_created_experience(values),
    )
    return entry


def insert_checked(
    uow: UnitOfWork,
    *,
    sessions: Sequence[tuple[str, SessionValues]] = (),
    experience: Sequence[tuple[str, ExperienceValues]] = (),
) -> None:
    """Insert many records already checked by every rule (:func:`check_session` and
    :func:`check_session_overlap`, or the experience equivalents), as pending, under the
    given ids (:func:`new_record_ids`), with the same create events in the audit trail as
    :func:`add_session` / :func:`add_experience`. One executemany per table (per
    :data:`INSERT_BATCH` records), in the unit of work's transaction; nothing is committed.
    For the import: thousands of rows at once."""
    # In id order: each table's primary key index then takes the new ids page by page instead
    # of at random places all over a big file (UUIDs are random), which is most of the time.
    sessions = sorted(sessions, key=lambda item: item[0])
    experience = sorted(experience, key=lambda item: item[0])
    now = utcnow()
    pending = RecordStatus.PENDING.value
    details: dict[tuple[Any, ...], str] = {}  # thousands of records share a few texts

    def event(record_id: str, supervisee_id: int, what: dict[str, Any]) -> tuple[Any, ...]:
        key = tuple(what.values())
        text = details.get(key)
        if text is None:
            text = details[key] = audit.details_text(what)
        return (now, uow.actor, audit.AuditAction.CREATE, record_id, supervisee_id, text)

    # A batch at a time, so a big file's rows are not all held twice over as table rows.
    for begin in range(0, max(len(sessions), len(experience)), INSERT_BATCH):
        session_batch = sessions[begin : begin + INSERT_BATCH]
        experience_batch = experience[begin : begin + INSERT_BATCH]
        session_rows, attendee_rows, allocation_rows, events = [], [], [], []
        for record_id, v in session_batch:
            session_rows.append(
                (record_id, v.supervisor_id, v.date, v.start_time, v.minutes, v.format, v.modality, v.site,
                 v.topics, pending, None, "", now, now)
            )  # fmt: skip
            attendee_rows.extend((record_id, i) for i in v.supervisee_ids)
            allocation_rows.extend((record_id, c, m) for c, m in v.allocations.items())
            created = _created_session(v)
            events.extend(event(record_id, i, created) for i in v.supervisee_ids)
        entry_rows, entry_allocation_rows = [], []
        for record_id, e in experience_batch:
            entry_rows.append(
                (record_id, e.supervisee_id, e.supervisor_id, e.period_start, e.period_end, e.setting, e.kind,
                 pending, None, "", now, now)
            )  # fmt: skip
            entry_allocation_rows.extend((record_id, c, m) for c, m in e.allocations.items())
            events.append(event(record_id, e.supervisee_id, _created_experience(e)))
        record_columns = ("status", "supersedes_id", "amendment_reason", "created_at", "updated_at")
        _insert_many(
            uow,
            SupervisionSession,
            ("id", "supervisor_id", "date", "start_time", "minutes", "format", "modality", "site", "topics",
             *record_columns),
            session_rows,
        )  # fmt: skip
        _insert_many(uow, SessionAttendee, ("session_id", "supervisee_id"), attendee_rows)
        _insert_many(uow, SessionAllocation, ("session_id", "domain_code", "minutes"), allocation_rows)
        _insert_many(
            uow,
            ExperienceEntry,
            ("id", "supervisee_id", "supervisor_id", "period_start", "period_end", "setting", "kind",
             *record_columns),
            entry_rows,
        )  # fmt: skip
        _insert_many(uow, ExperienceAllocation, ("entry_id", "domain_code", "minutes"), entry_allocation_rows)
        names = ("at", "actor", "action", "record_id", "supervisee_id", "details")
        audit.append_events(uow, [dict(zip(names, event, strict=True)) for event in events])


def _insert_many(
    uow: UnitOfWork, model: type[Base], columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """One executemany of ``rows`` (tuples in ``columns`` order) straight to the driver: the
    statement and the column types' conversions (dates, times, timestamps) are SQLAlchemy's,
    applied once per distinct value, without its per-row parameter handling."""
    if not rows:
        return
    table = model.__table__
    connection = uow.session.connection()
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
    assert tuple(compiled.positiontup or ()) == tuple(columns), compiled.positiontup
    dialect = connection.dialect
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    if any(processors):
        by_column = list(zip(*rows, strict=True))
        for index, process in enumerate(processors):
            if process is not None:  # a date, time or timestamp: convert each distinct value once
                text = {value: process(value) for value in set(by_column[index]) if value is not None}
                by_column[index] = tuple(map(text.get, by_column[index]))
        rows = list(zip(*by_column, strict=True))
    connection.exec_driver_sql(str(compiled), rows)


def _require_pending(record: Record, action: str) -> None:
    if record.status != RecordStatus.PENDING:
        raise DomainError(
            f"Record {record.id[:8]} is signed and final; it cannot be {action}. "
            "Amend it (with a reason) or void it instead.",
            field="record",
        )


def _replacing(record: Record) -> set[str]:
    """What an edit of ``record`` may overlap: itself and, for a pending amendment, the signed
    original it will replace (which still stands until the amendment is signed)."""
    return {record.id} | ({record.supersedes_id} if record.supersedes_id else set())


def update_session(uow: UnitOfWork, *, record_id: str, **fields: Any) -> SupervisionSession:
    """Edit a pending session; every rule is checked again."""
    session = find_record(uow, record_id)
    if not isinstance(session, SupervisionSession):
        raise DomainError(f"Record {record_id} is an experience entry, not a session.", field="record")
    _require_pending(session, "edited")
    values = validate_session(uow, ignore_ids=_replacing(session), **fields)
    before = session_snapshot(session)
    _apply_session(session, values)
    uow.flush()
    for supervisee_id in values.supervisee_ids:
        audit.log(
            uow,
            audit.AuditAction.EDIT,
            record_id=session.id,
            supervisee_id=supervisee_id,
            details={"before": before},
        )
    return session


def update_experience(uow: UnitOfWork, *, record_id: str, **fields: Any) -> ExperienceEntry:
    entry = find_record(uow, record_id)
    if not isinstance(entry, ExperienceEntry):
        raise DomainError(f"Record {record_id} is a session, not an experience entry.", field="record")
    _require_pending(entry, "edited")
    values = validate_experience(uow, ignore_ids=_replacing(entry), **fields)
    before = experience_snapshot(entry)
    _apply_experience(entry, values)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        record_id=entry.id,
        supervisee_id=entry.supervisee_id,
        details={"before": before},
    )
    return entry


def describe(record: Record) -> str:
    """A record in words, for messages: "the session of 2026-03-04"."""
    if isinstance(record, SupervisionSession):
        return f"the session of {record.date.isoformat()}"
    return f"the experience entry {record.period_start.isoformat()} to {record.period_end.isoformat()}"


def waiting_amendment(uow: UnitOfWork, record_id: str) -> Record | None:
    """The pending amendment of a signed record, if one waits to be signed (one at a time)."""
    for model in (SupervisionSession, ExperienceEntry):
        found = uow.session.scalars(
            select(model)
            .where(model.supersedes_id == record_id, model.status == RecordStatus.PENDING)
            .limit(1)
        ).first()
        if found is not None:
            return found
    return None


def delete_pending(uow: UnitOfWork, *, record_id: str) -> None:
    record = find_record(uow, record_id)
    _require_pending(record, "deleted")
    snapshot = (
        session_snapshot(record) if isinstance(record, SupervisionSession) else experience_snapshot(record)
    )
    for supervisee_id in record_supervisee_ids(record):
        audit.log(
            uow,
            audit.AuditAction.DELETE_PENDING,
            record_id=record.id,
            supervisee_id=supervisee_id,
            details={"deleted": snapshot},
        )
    uow.session.delete(record)
    uow.flush()


def amend_record(
    uow: UnitOfWork, *, record_id: str, reason: str, today: dt.date | None = None, **changes: Any
) -> Record:
    """A new pending version of a signed record, with a reason. The original is untouched.

    ``changes`` are the same fields as :func:`add_session` / :func:`add_experience`; what is
    not given is copied from the original. Once the amendment is signed, it replaces the
    original in every total and the original shows as *amended*.
    """
    original = find_record(uow, record_id)
    refuse_arrived(uow, original, "amended")
    reason = clean_text(
        reason, field="reason", label="Reason for the amendment", max_length=1000, required=True
    )
    status = display_status(uow, original)
    if status is DisplayStatus.PENDING:
        raise DomainError(
            f"Record {original.id[:8]} is not signed yet; edit it directly instead of amending it.",
            field="record",
        )
    if status is DisplayStatus.AMENDED:
        newer = uow.session.scalar(
            select(replaced_by_sql(type(original))).where(type(original).id == original.id)
        )
        raise DomainError(
            f"Record {original.id[:8]} was already replaced by {str(newer)[:8]}; amend that one instead.",
            field="record",
        )
    if status is DisplayStatus.VOIDED:
        raise DomainError(f"Record {original.id[:8]} was voided and cannot be amended.", field="record")
    if waiting_amendment(uow, original.id) is not None:
        raise DomainError(
            f"An amendment of {describe(original)} is already waiting to be signed; sign, edit or "
            "delete that amendment before amending again.",
            field="record",
        )
    if isinstance(original, SupervisionSession):
        fields: dict[str, Any] = {
            "supervisor_id": original.supervisor_id,
            "supervisee_ids": [a.supervisee_id for a in original.attendees],
            "date": original.date,
            "start": original.start_time,
            "minutes": original.minutes,
            "format": original.format,
            "modality": original.modality,
            "site": original.site,
            "topics": original.topics,
            "allocations": {a.domain_code: a.minutes for a in original.allocations},
        }
        fields.update({k: v for k, v in changes.items() if v is not None})
        values = validate_session(uow, ignore_ids={original.id}, today=today, **fields)
        amended: Record = SupervisionSession(
            status=RecordStatus.PENDING.value, supersedes_id=original.id, amendment_reason=reason
        )
        _apply_session(amended, values)  # type: ignore[arg-type]
    else:
        fields = {
            "supervisee_id": original.supervisee_id,
            "supervisor_id": original.supervisor_id,
            "period_start": original.period_start,
            "period_end": original.period_end,
            "setting": original.setting,
            "kind": original.kind,
            "allocations": {a.domain_code: a.minutes for a in original.allocations},
        }
        fields.update({k: v for k, v in changes.items() if v is not None})
        values_e = validate_experience(uow, ignore_ids={original.id}, today=today, **fields)
        amended = ExperienceEntry(
            status=RecordStatus.PENDING.value, supersedes_id=original.id, amendment_reason=reason
        )
        _apply_experience(amended, values_e)  # type: ignore[arg-type]
    uow.session.add(amended)
    uow.flush()
    for supervisee_id in set(record_supervisee_ids(original)) | set(record_supervisee_ids(amended)):
        audit.log(
            uow,
            audit.AuditAction.AMEND,
            record_id=amended.id,
            supervisee_id=supervisee_id,
            details={"amends": original.id, "reason": reason},
        )
    return amended


# --------------------------------------------------------------------------------------------
# Reading


def session_snapshot(session: SupervisionSession) -> dict[str, Any]:
    return {
        "id": session.id,
        "supervisor_id": session.supervisor_id,
        "supervisee_ids": sorted(a.supervisee_id for a in session.attendees),
        "date": session.date.isoformat(),
        "start": session.start_time.strftime("%H:%M") if session.start_time else None,
        "minutes": session.minutes,
        "format": session.format,
        "modality": session.modality,
        "site": session.site,
        "topics": session.topics,
        "allocations": {a.domain_code: a.minutes for a in session.allocations},
    }


def experience_snapshot(entry: ExperienceEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "supervisee_id": entry.supervisee_id,
        "supervisor_id": entry.supervisor_id,
        "from": entry.period_start.isoformat(),
        "to": entry.period_end.isoformat(),
        "setting": entry.setting,
        "kind": entry.kind,
        "minutes": entry.minutes,
        "allocations": {a.domain_code: a.minutes for a in entry.allocations},
    }


def list_sessions(
    uow: UnitOfWork,
    *,
    supervisee_id: int | None = None,
    supervisor_id: int | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Sessions as plain dicts (every stored field, status, and the replacing id), newest first."""
    S = SupervisionSession
    query = select(
        S, display_status_sql(S).label("display"), replaced_by_sql(S).label("replaced_by")
    ).options(selectinload(S.attendees), selectinload(S.allocations))
    if supervisee_id is not None:
        query = query.where(
            S.id.in_(select(SessionAttendee.session_id).where(SessionAttendee.supervisee_id == supervisee_id))
        )
    if supervisor_id is not None:
        query = query.where(S.supervisor_id == supervisor_id)
    if date_from is not None:
        query = query.where(S.date >= date_from)
    if date_to is not None:
        query = query.where(S.date <= date_to)
    query = query.order_by(S.date.desc(), S.start_time.desc(), S.id)
    if status is not None:
        query = query.where(display_status_sql(S) == status)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = []
    for session, display, replaced_by in uow.session.execute(query):
        item = session_snapshot(session)
        item.update(
            status=display,
            replaced_by=replaced_by,
            supersedes=session.supersedes_id,
            amendment_reason=session.amendment_reason,
            created_at=session.created_at.isoformat(),
            updated_at=session.updated_at.isoformat(),
        )
        rows.append(item)
    return rows


def list_experience(
    uow: UnitOfWork,
    *,
    supervisee_id: int | None = None,
    supervisor_id: int | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    E = ExperienceEntry
    query = select(
        E, display_status_sql(E).label("display"), replaced_by_sql(E).label("replaced_by")
    ).options(selectinload(E.allocations))
    if supervisee_id is not None:
        query = query.where(E.supervisee_id == supervisee_id)
    if supervisor_id is not None:
        query = query.where(E.supervisor_id == supervisor_id)
    if status is not None:
        query = query.where(display_status_sql(E) == status)
    query = query.order_by(E.period_start.desc(), E.id.desc())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = []
    for entry, display, replaced_by in uow.session.execute(query):
        item = experience_snapshot(entry)
        item.update(
            status=display,
            replaced_by=replaced_by,
            supersedes=entry.supersedes_id,
            amendment_reason=entry.amendment_reason,
            created_at=entry.created_at.isoformat(),
            updated_at=entry.updated_at.isoformat(),
        )
        rows.append(item)
    return rows


def count_pending(uow: UnitOfWork, *, supervisor_id: int | None = None) -> int:
    total = 0
    for model in (SupervisionSession, ExperienceEntry):
        query = select(func.count()).select_from(model).where(model.status == RecordStatus.PENDING)
        if supervisor_id is not None:
            query = query.where(model.supervisor_id == supervisor_id)
        total += uow.session.scalar(query) or 0
    return total
