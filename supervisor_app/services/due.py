"""What is due: one list for the Due view and ``supervisor-app due``.

Each rule reads the database and the credential profiles (figures are profile data, with
their sources) and gives :class:`DueItem` rows, each with the date it concerns, its text and
where to act (a supervisee's page, the To sign list, a supervisor's credentials):

- credentials expiring within the horizon (or expired), a person's newest of each kind, and
  the supervisors' certification and licence expiry dates; a supervisor's credential that
  qualifies them to supervise (:mod:`~supervisor_app.services.qualification`) says so, and a
  supervisor with records to sign and no qualifying credential recorded is listed;
- renewals short of CEUs (the profile's ``[renewal]``) for credentials expiring within it;
- supervisees with no supervision for longer than their profile's ``[due]
  supervision_every_days``;
- signed experience hours about to leave the profile's experience window;
- pending records older than :data:`PENDING_DAYS` days;
- the employer's deadline from hire (``[due] hire_deadline_months``) where a hire date is
  recorded and the credential is not yet held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import func, select

from supervisor_app import clock, i18n
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _, ngettext
from supervisor_app.models import (
    ExperienceAllocation,
    ExperienceEntry,
    PersonCredential,
    RecordStatus,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services import qualification
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.records import counts_clause, voided_clause
from supervisor_app.services.training import list_training, renewal_progress
from supervisor_app.units import hours

PENDING_DAYS = 14
"""Pending records older than this are due for signing."""
DEFAULT_DAYS = 60
MAX_DAYS = 3650

SUPERVISEE = "supervisee"
SUPERVISOR = "supervisor"
TO_SIGN = "to-sign"


@dataclass(frozen=True)
class DueItem:
    rule: str  # expiring, renewal, supervision, window, pending, hire, qualification
    date: dt.date
    words: Callable[[], str]  # writes the text in the current language (``--json``: English)
    target: str  # where to act: SUPERVISEE, SUPERVISOR, TO_SIGN
    supervisee_id: int | None = None
    supervisor_id: int | None = None

    @property
    def text(self) -> str:
        """What is due, in the current language."""
        return self.words()

    def to_json(self) -> dict[str, Any]:
        with i18n.using("en"):
            text = self.text
        return {
            "rule": self.rule,
            "date": self.date.isoformat(),
            "text": text,
            "target": self.target,
            "supervisee_id": self.supervisee_id,
            "supervisor_id": self.supervisor_id,
        }


def when(day: dt.date, today: dt.date) -> str:
    """'today', 'in 3 days', '2 days ago'."""
    delta = (day - today).days
    if delta == 0:
        return _("today")
    if delta > 0:
        return ngettext("in {n} day", "in {n} days", delta).format(n=f"{delta:,}")
    return ngettext("{n} day ago", "{n} days ago", -delta).format(n=f"{-delta:,}")


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def check_days(value: Any) -> int:
    """The horizon in days (0 to 3650), or a DomainError."""
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdecimal() or int(text) > MAX_DAYS:
        params = {"days": text, "most": MAX_DAYS}
        raise DomainError(
            _("Days {days!r} must be a whole number from 0 to {most}.").format(**params),
            field="days",
            code="due.bad_days",
            params=params,
        )
    return int(text)


def due_items(uow: UnitOfWork, *, today: dt.date | None = None, days: int = DEFAULT_DAYS) -> list[DueItem]:
    """Everything due within ``days`` of ``today`` (and everything overdue), by date."""
    today = today or clock.today()
    days = check_days(days)
    horizon = today + dt.timedelta(days=days)
    profiles = uow.db.profiles
    supervisees = list(
        uow.session.scalars(select(Supervisee).where(Supervisee.active.is_(True)).order_by(Supervisee.name))
    )
    names = {s.id: s.name for s in supervisees}
    supervisors = {s.id: s for s in uow.session.scalars(select(Supervisor))}
    items: list[DueItem] = []
    items += _credentials(uow, today, horizon, names, supervisors)
    chosen = []
    for supervisee in supervisees:
        profile = profiles.get(supervisee.credential) if supervisee.credential in profiles else None
        if profile is not None:
            chosen.append((supervisee, profile))
    # a few grouped reads over all the active supervisees, not a read per supervisee
    last_sessions = _last_sessions(uow, chosen, today)
    leaving = _leaving(uow, chosen, today, horizon)
    held = _held(uow, chosen, horizon)
    for supervisee, profile in chosen:
        items += _supervision(supervisee, profile, today, last_sessions.get(supervisee.id))
        items += _window(supervisee, profile, today, horizon, leaving.get(supervisee.id))
        items += _hire(supervisee, profile, today, horizon, supervisee.id in held)
    items += _pending(uow, today, supervisors)
    items += _unqualified(uow, today, supervisors)
    items.sort(key=lambda item: (item.date, item.rule, item.text))
    return items


def _credentials(
    uow: UnitOfWork,
    today: dt.date,
    horizon: dt.date,
    names: dict[int, str],
    supervisors: dict[int, Supervisor],
) -> list[DueItem]:
    rows = list(
        uow.session.scalars(
            select(PersonCredential)
            .where(PersonCredential.expires_on.is_not(None))
            .order_by(PersonCredential.id)
        )
    )
    newest: dict[tuple[Any, ...], PersonCredential] = {}
    for row in rows:
        key = (row.supervisee_id, row.supervisor_id, row.kind)
        if key not in newest or row.expires_on > newest[key].expires_on:  # type: ignore[operator]
            newest[key] = row
    items = []
    for row in newest.values():
        assert row.expires_on is not None
        if row.expires_on > horizon:
            continue
        if row.supervisee_id is not None:
            if row.supervisee_id not in names:
                continue  # inactive
            who, target = names[row.supervisee_id], SUPERVISEE
        else:
            supervisor = supervisors.get(row.supervisor_id)  # type: ignore[arg-type]
            if supervisor is None or not supervisor.active:
                continue
            who, target = supervisor.name, SUPERVISOR
        qualifies = row.supervisor_id is not None and _last_qualifying(uow, row)
        items.append(
            DueItem(
                "expiring",
                row.expires_on,
                partial(_expiring_text, who, row.kind, row.number, row.expires_on, today, qualifies),
                target,
                row.supervisee_id,
                row.supervisor_id,
            )
        )
        if row.kind in uow.db.profiles:
            person = Person(supervisee_id=row.supervisee_id, supervisor_id=row.supervisor_id)
            profile = uow.db.profiles.get(row.kind)
            training = list_training(uow, person=person)
            progress = renewal_progress(profile, kind=row.kind, expires_on=row.expires_on, rows=training)
            if progress is not None and progress.missing:
                items.append(
                    DueItem(
                        "renewal",
                        row.expires_on,
                        partial(_renewal_text, who, profile, row.kind, row.expires_on, training),
                        target,
                        row.supervisee_id,
                        row.supervisor_id,
                    )
                )
    for supervisor in supervisors.values():
        if not supervisor.active:
            continue
        for label, number, expires in (
            (_CERTIFICATION, supervisor.icb_number, supervisor.certification_expires),
            (_LICENCE, supervisor.license_number, supervisor.license_expires),
        ):
            if expires is None or expires > horizon:
                continue
            items.append(
                DueItem(
                    "expiring",
                    expires,
                    partial(_expiring_text, supervisor.name, label, number, expires, today, False),
                    SUPERVISOR,
                    None,
                    supervisor.id,
                )
            )
    return items


_CERTIFICATION, _LICENCE = "\0certification", "\0licence"
"""A supervisor's own certification and licence dates (not a credential kind of the profiles)."""


def _expiring_text(
    who: str, kind: str, number: str | None, expires: dt.date, today: dt.date, qualifies: bool
) -> str:
    params = {
        "who": who,
        "kind": kind,
        "number": number,
        "date": expires.isoformat(),
        "when": when(expires, today),
    }
    expired = expires < today
    if kind == _CERTIFICATION:
        if number:
            template = (
                _("{who}'s certification (no. {number}) expired on {date}, {when}.")
                if expired
                else _("{who}'s certification (no. {number}) expires on {date}, {when}.")
            )
        else:
            template = (
                _("{who}'s certification expired on {date}, {when}.")
                if expired
                else _("{who}'s certification expires on {date}, {when}.")
            )
    elif kind == _LICENCE:
        if number:
            template = (
                _("{who}'s licence (no. {number}) expired on {date}, {when}.")
                if expired
                else _("{who}'s licence (no. {number}) expires on {date}, {when}.")
            )
        else:
            template = (
                _("{who}'s licence expired on {date}, {when}.")
                if expired
                else _("{who}'s licence expires on {date}, {when}.")
            )
    elif number:
        template = (
            _("{who}'s {kind} (no. {number}) expired on {date}, {when}.")
            if expired
            else _("{who}'s {kind} (no. {number}) expires on {date}, {when}.")
        )
    else:
        template = (
            _("{who}'s {kind} expired on {date}, {when}.")
            if expired
            else _("{who}'s {kind} expires on {date}, {when}.")
        )
    text = template.format(**params)
    if qualifies:
        text += " " + _(
            "It qualifies them to supervise: records dated after it cannot be signed until the "
            "renewal is recorded."
        )
    return text


def _renewal_text(who: str, profile: Any, kind: str, expires: dt.date, rows: list[Any]) -> str:
    progress = renewal_progress(profile, kind=kind, expires_on=expires, rows=rows)
    missing = " ".join(progress.missing) if progress is not None else ""
    return _("{who}, renewal by {date}: {missing}").format(who=who, date=expires.isoformat(), missing=missing)


def _codes(chosen: list[tuple[Supervisee, Any]], keep: Callable[[Any], bool]) -> set[str]:
    """The credentials (profile codes) of the chosen supervisees whose profile ``keep``s."""
    return {supervisee.credential for supervisee, profile in chosen if keep(profile)}


def _last_sessions(
    uow: UnitOfWork, chosen: list[tuple[Supervisee, Any]], today: dt.date
) -> dict[int, dt.date]:
    """Each active supervisee's last supervision up to ``today`` (not voided), for the profiles
    with a ``[due] supervision_every_days``: one grouped read."""
    codes = _codes(chosen, lambda profile: profile.due.supervision_every_days is not None)
    if not codes:
        return {}
    rows = uow.session.execute(
        select(SessionAttendee.supervisee_id, func.max(SupervisionSession.date))
        .join(SessionAttendee, SessionAttendee.session_id == SupervisionSession.id)
        .join(Supervisee, Supervisee.id == SessionAttendee.supervisee_id)
        .where(
            Supervisee.active.is_(True),
            Supervisee.credential.in_(sorted(codes)),
            SupervisionSession.date <= today,
            ~voided_clause(SupervisionSession),
        )
        .group_by(SessionAttendee.supervisee_id)
    )
    return {supervisee_id: last for supervisee_id, last in rows}


def _supervision(supervisee: Supervisee, profile: Any, today: dt.date, last: dt.date | None) -> list[DueItem]:
    rule = profile.due.supervision_every_days
    if rule is None:
        return []
    every = rule.value
    if last is not None:
        gap = (today - last).days
        if gap <= every:
            return []
        due = last + dt.timedelta(days=every)
    elif supervisee.start_date is not None and (today - supervisee.start_date).days > every:
        gap = (today - supervisee.start_date).days
        due = supervisee.start_date + dt.timedelta(days=every)
    else:
        return []
    words = partial(_supervision_text, supervisee.name, profile.code, every, gap, last, supervisee.start_date)
    return [DueItem("supervision", due, words, SUPERVISEE, supervisee.id)]


def _supervision_text(
    name: str, code: str, every: int, gap: int, last: dt.date | None, start: dt.date | None
) -> str:
    cadence = ngettext(
        "the {profile} profile asks for supervision every {n} day",
        "the {profile} profile asks for supervision every {n} days",
        every,
    ).format(profile=code, n=f"{every:,}")
    if last is not None:
        return ngettext(
            "{name} has had no supervision for {n} day (last on {last}); {cadence}.",
            "{name} has had no supervision for {n} days (last on {last}); {cadence}.",
            gap,
        ).format(name=name, n=f"{gap:,}", last=last.isoformat(), cadence=cadence)
    assert start is not None
    return ngettext(
        "{name} has had no supervision since starting on {start} ({n} day); {cadence}.",
        "{name} has had no supervision since starting on {start} ({n} days); {cadence}.",
        gap,
    ).format(name=name, start=start.isoformat(), n=f"{gap:,}", cadence=cadence)


def _leaving(
    uow: UnitOfWork, chosen: list[tuple[Supervisee, Any]], today: dt.date, horizon: dt.date
) -> dict[int, tuple[Any, dt.date]]:
    """Each active supervisee's signed experience minutes leaving their profile's window between
    ``today`` and ``horizon``, with the first period end among them: one grouped read for each
    window length the profiles have."""
    lengths = {
        profile.experience.window_years.value for _s, profile in chosen if profile.experience.window_years
    }
    leaving: dict[int, tuple[Any, dt.date]] = {}
    for years in sorted(lengths):
        codes = {
            supervisee.credential
            for supervisee, profile in chosen
            if profile.experience.window_years and profile.experience.window_years.value == years
        }
        cutoff_now, cutoff_then = _add_years(today, -years), _add_years(horizon, -years)
        rows = uow.session.execute(
            select(
                ExperienceEntry.supervisee_id,
                func.coalesce(func.sum(ExperienceAllocation.minutes), 0),
                func.min(ExperienceEntry.period_end),
            )
            .join(ExperienceEntry, ExperienceEntry.id == ExperienceAllocation.entry_id)
            .join(Supervisee, Supervisee.id == ExperienceEntry.supervisee_id)
            .where(
                Supervisee.active.is_(True),
                Supervisee.credential.in_(sorted(codes)),
                ExperienceEntry.period_end >= cutoff_now,
                ExperienceEntry.period_end < cutoff_then,
                counts_clause(ExperienceEntry),
            )
            .group_by(ExperienceEntry.supervisee_id)
        )
        leaving.update({supervisee_id: (minutes, first_end) for supervisee_id, minutes, first_end in rows})
    return leaving


def _window(
    supervisee: Supervisee,
    profile: Any,
    today: dt.date,
    horizon: dt.date,
    leaving: tuple[Any, dt.date] | None,
) -> list[DueItem]:
    window = profile.experience.window_years
    if window is None or leaving is None:
        return []
    years = window.value
    minutes, first_end = leaving
    if not minutes:
        return []
    leaves = _add_years(first_end, years) + dt.timedelta(days=1)
    params = {"hours": hours(minutes), "name": supervisee.name, "years": years, "by": horizon.isoformat()}
    return [
        DueItem(
            "window",
            leaves,
            lambda: _(
                "{hours} signed experience hours of {name} leave the {years}-year window by {by} "
                "(the first on {first}, {when})."
            ).format(**params, first=leaves.isoformat(), when=when(leaves, today)),
            SUPERVISEE,
            supervisee.id,
        )
    ]


def _hire_deadline(supervisee: Supervisee, profile: Any) -> dt.date | None:
    rule = profile.due.hire_deadline_months
    if rule is None or supervisee.hire_date is None:
        return None
    return _add_months(supervisee.hire_date, rule.value)


def _held(uow: UnitOfWork, chosen: list[tuple[Supervisee, Any]], horizon: dt.date) -> set[int]:
    """The active supervisees holding the credential they work toward (one read, made only when
    some employer's deadline from hire falls within the horizon)."""
    if not any(
        (deadline := _hire_deadline(supervisee, profile)) is not None and deadline <= horizon
        for supervisee, profile in chosen
    ):
        return set()
    return set(
        uow.session.scalars(
            select(PersonCredential.supervisee_id)
            .join(
                Supervisee,
                (Supervisee.id == PersonCredential.supervisee_id)
                & (PersonCredential.kind == Supervisee.credential),
            )
            .where(Supervisee.active.is_(True))
            .distinct()
        )
    )


def _hire(
    supervisee: Supervisee, profile: Any, today: dt.date, horizon: dt.date, held: bool
) -> list[DueItem]:
    rule = profile.due.hire_deadline_months
    deadline = _hire_deadline(supervisee, profile)
    if rule is None or supervisee.hire_date is None or deadline is None or deadline > horizon:
        return []
    if held:
        return []
    params = {
        "name": supervisee.name,
        "hired": supervisee.hire_date.isoformat(),
        "months": rule.value,
        "profile": profile.code,
        "deadline": deadline.isoformat(),
    }

    def words() -> str:
        template = (
            _(
                "{name} was hired on {hired}: the {months}-month deadline for the {profile} passed {deadline}, {when}."
            )
            if deadline < today
            else _(
                "{name} was hired on {hired}: the {months}-month deadline for the {profile} is {deadline}, {when}."
            )
        )
        return template.format(**params, when=when(deadline, today))

    return [
        DueItem(
            "hire",
            deadline,
            words,
            SUPERVISEE,
            supervisee.id,
        )
    ]


def _pending(uow: UnitOfWork, today: dt.date, supervisors: dict[int, Supervisor]) -> list[DueItem]:
    before = today - dt.timedelta(days=PENDING_DAYS)
    counts: dict[int, list[Any]] = {}
    for model, date_column in (
        (SupervisionSession, SupervisionSession.date),
        (ExperienceEntry, ExperienceEntry.period_end),
    ):
        for supervisor_id, count, oldest in uow.session.execute(
            select(model.supervisor_id, func.count(), func.min(date_column))
            .where(model.status == RecordStatus.PENDING, date_column < before)
            .group_by(model.supervisor_id)
        ):
            entry = counts.setdefault(supervisor_id, [0, oldest])
            entry[0] += count
            entry[1] = min(entry[1], oldest)
    items = []
    for supervisor_id, (count, oldest) in counts.items():
        name = supervisors[supervisor_id].name if supervisor_id in supervisors else None
        items.append(
            DueItem(
                "pending",
                oldest,
                partial(_pending_text, count, name, supervisor_id, oldest),
                TO_SIGN,
                None,
                supervisor_id,
            )
        )
    return items


def _pending_text(count: int, name: str | None, supervisor_id: int, oldest: dt.date) -> str:
    return ngettext(
        "{n} pending record of {name} is older than {days} days (the oldest from {oldest}); "
        "sign or correct them.",
        "{n} pending records of {name} are older than {days} days (the oldest from {oldest}); "
        "sign or correct them.",
        count,
    ).format(
        n=f"{count:,}",
        name=name if name is not None else _("supervisor {id}").format(id=supervisor_id),
        days=PENDING_DAYS,
        oldest=oldest.isoformat(),
    )


def _last_qualifying(uow: UnitOfWork, row: PersonCredential) -> bool:
    """Whether ``row`` qualifies its supervisor to supervise and no other qualifying credential
    of theirs runs past it (its expiry then stops their signing)."""
    rows = qualification.qualifying_credentials(uow, supervisor_id=row.supervisor_id)  # type: ignore[arg-type]
    return any(r.id == row.id for r in rows) and all(
        r.expires_on is not None and r.expires_on <= row.expires_on  # type: ignore[operator]
        for r in rows
    )


def _qualifying_ids(uow: UnitOfWork, supervisor_id: int) -> set[int]:
    return {r.id for r in qualification.qualifying_credentials(uow, supervisor_id=supervisor_id)}


def _unqualified_text(name: str) -> str:
    return _(
        "{name} has records to sign and no credential recorded that qualifies a supervisor; "
        "record it with its number and expiry (Training and credentials)."
    ).format(name=name)


def _unqualified(uow: UnitOfWork, today: dt.date, supervisors: dict[int, Supervisor]) -> list[DueItem]:
    """Active supervisors with records waiting for their signature and no credential recorded
    that qualifies a supervisor: who may supervise is checked at signing."""
    waiting: set[int] = set()
    for model in (SupervisionSession, ExperienceEntry):
        waiting.update(
            uow.session.scalars(
                select(model.supervisor_id).where(model.status == RecordStatus.PENDING).distinct()
            )
        )
    items = []
    for supervisor_id in sorted(waiting):
        supervisor = supervisors.get(supervisor_id)
        if supervisor is None or not supervisor.active or _qualifying_ids(uow, supervisor_id):
            continue
        items.append(
            DueItem(
                "qualification",
                today,
                partial(_unqualified_text, supervisor.name),
                SUPERVISOR,
                None,
                supervisor_id,
            )
        )
    return items
