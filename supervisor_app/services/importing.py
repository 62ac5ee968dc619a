"""Importing past records from a spreadsheet: matching rows to people, checking, writing.

:func:`import_file` is all or nothing: every row goes through the real rules
(:func:`records.check_session` / :func:`records.check_experience` and their overlap checks,
the same functions that check a record added one at a time), a chunk of rows at a time
against the database and against the rows of the file accepted before it, so rows that
overlap *each other* are caught too. Only when every row is good is anything written
(:func:`records.insert_checked`, one executemany per table, flushed in the caller's unit of
work); otherwise the report lists every bad row with its line and reason and nothing is
written. Rows that duplicate a record already in the database, or an earlier row of the file,
are reported and skipped. Imported records are pending, for the supervisor to review and sign.
The format is :mod:`import_format`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _, pgettext
from supervisor_app.models import (
    ExperienceEntry,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services import audit, records
from supervisor_app.services.canonical import no_cycle_collection
from supervisor_app.services.errors import DomainError
from supervisor_app.services.import_format import (
    EXAMPLE_SUPERVISEES,
    EXAMPLE_SUPERVISOR,
    EXPERIENCE,
    EXPERIENCE_ONLY,
    FIELD_COLUMNS,
    SESSION,
    SESSION_ONLY,
    TEMPLATE_SHEET,
    ImportReport,
    Row,
    RowNote,
    check_header,
    check_kind_columns,
    domain_columns,
    forbid,
    split_row,
)
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.spreadsheet import is_blank, number_cell, read_table, text_cell
from supervisor_app.services.spreadsheet_limits import FileProblem
from supervisor_app.services.validation import MAX_DIGITS, parse_date, parse_time, shown, whole_minutes

IMPORT_CHUNK = 1000
"""Rows checked together: one set of duplicate and overlap queries per chunk."""
IMPORT_CACHE_KIB = 64 * 1024
"""SQLite's page cache while an import writes (the default is 2 MB)."""

# --------------------------------------------------------------------------------------------
# Finding people


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


@dataclass(frozen=True, slots=True)
class _Person:
    """A supervisor or supervisee with what the rules of records.py read of them, as plain
    attributes (they are read for every row)."""

    id: int
    name: str
    icb: str  # a supervisor's ICB number, a supervisee's ICB id
    active: bool
    credential: str = ""
    start_date: dt.date | None = None
    same_person_supervisor_id: int | None = None


class People:
    """Supervisors and supervisees by id, name and ICB number, loaded once per import and
    looked up in dictionaries (a file names the same people thousands of times)."""

    def __init__(self, uow: UnitOfWork) -> None:
        R, E = Supervisor, Supervisee
        supervisors = select(R.id, R.name, R.icb_number, R.active).order_by(R.id)
        supervisees = select(
            E.id, E.name, E.icb_id, E.active, E.credential, E.start_date, E.same_person_supervisor_id
        ).order_by(E.id)
        self._lists: dict[str, list[_Person]] = {
            "supervisor": [_Person(*row) for row in uow.session.execute(supervisors)],
            "supervisee": [_Person(*row) for row in uow.session.execute(supervisees)],
        }
        self._by_name: dict[str, dict[str, list[Any]]] = {}
        self._by_icb: dict[str, dict[str, list[Any]]] = {}
        self._by_name_icb: dict[str, dict[tuple[str, str], list[Any]]] = {}
        self._by_id: dict[str, dict[int, Any]] = {}
        for role, people in self._lists.items():
            by_name = self._by_name[role] = {}
            by_icb = self._by_icb[role] = {}
            by_name_icb = self._by_name_icb[role] = {}
            self._by_id[role] = {p.id: p for p in people}
            for person in people:  # in id order, so every list is too
                name, icb = _name_key(person.name), _name_key(self._icb(person))
                by_name.setdefault(name, []).append(person)
                by_name_icb.setdefault((name, icb), []).append(person)
                if self._icb(person):
                    by_icb.setdefault(icb, []).append(person)
        self._found: dict[tuple[str, str], Any] = {}

    @staticmethod
    def _icb(person: _Person) -> str:
        return person.icb

    def _matches(self, text: str, role: str) -> tuple[str, str | None, list[Any]]:
        """(name, ICB in brackets or None, everyone the text names, in id order)."""
        name, icb = text, None
        if text.endswith("]") and "[" in text:
            name, _bracket, rest = text.rpartition("[")
            name, icb = name.strip(), rest[:-1].strip()
            return name, icb, list(self._by_name_icb[role].get((_name_key(name), _name_key(icb)), ()))
        key = _name_key(text)
        found = {p.id: p for p in self._by_name[role].get(key, ())}
        found.update((p.id, p) for p in self._by_icb[role].get(key, ()))
        if text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS and int(text) in self._by_id[role]:
            person = self._by_id[role][int(text)]
            found[person.id] = person
        return name, icb, [found[i] for i in sorted(found)]

    def find(self, text: str, *, role: str, column: str) -> Any:
        text = text.strip()
        cached = self._found.get((role, text))
        if cached is not None:
            return cached
        name, icb, found = self._matches(text, role)
        if len(found) == 1:
            self._found[(role, text)] = found[0]
            return found[0]
        label = "supervisor" if role == "supervisor" else "supervisee"
        supervisor = role == "supervisor"
        if not found:
            if name in EXAMPLE_SUPERVISEES or name == EXAMPLE_SUPERVISOR:
                hint = _("This is the template's example row; delete it.")
            elif icb is not None:
                hint = (
                    _("Check the ICB number in brackets.")
                    if supervisor
                    else _("Check the ICB id in brackets.")
                )
            elif supervisor:
                hint = _("Add the supervisor in the app first, or correct the spelling.")
            else:
                hint = _("Add the supervisee in the app first, or correct the spelling.")
            if supervisor:
                message = _("There is no supervisor {text} (looked for a name, an ICB number and an id).")
            else:
                message = _("There is no supervisee {text} (looked for a name, an ICB number and an id).")
            raise DomainError(
                _("{message} {hint}").format(message=message.format(text=shown(text)), hint=hint),
                field=column,
                code="import.unknown_person",
                params={"label": label, "text": text, "hint": " " + hint},
            )
        listed = "; ".join(
            _("{name} (id {id}, ICB {icb})").format(
                name=p.name, id=p.id, icb=self._icb(p) or pgettext("an ICB number that is missing", "none")
            )
            for p in found[:5]
        )
        if supervisor:
            message = _(
                "{text} matches more than one supervisor: {listed}. Write the name with the ICB number in "
                "brackets, e.g. '{name} [{icb}]', or the id number."
            )
        else:
            message = _(
                "{text} matches more than one supervisee: {listed}. Write the name with the ICB number in "
                "brackets, e.g. '{name} [{icb}]', or the id number."
            )
        raise DomainError(
            message.format(
                text=shown(text), listed=listed, name=found[0].name, icb=self._icb(found[0]) or "..."
            ),
            field=column,
            code="import.ambiguous_person",
            params={"text": text, "label": label, "listed": listed},
        )


@dataclass(slots=True)
class _Prepared:
    line: int
    kind: str
    key: tuple[Any, ...]
    fields: dict[str, Any]  # for records.check_session / records.check_experience
    minutes: int


class _Preparer:
    """Resolves the people and parses the key fields of each row; the rules themselves live in
    records.py. A file repeats the same dates, times and lists of supervisees thousands of
    times: each distinct text is parsed once. Only what parses is remembered, so a bad text is
    refused again, with its own message, on every row that holds it."""

    def __init__(self, people: People, today: dt.date, profiles: ProfileRegistry) -> None:
        self._people = people
        self._today = today
        self._profiles = profiles
        self._dates: dict[str, dt.date] = {}
        self._times: dict[str, dt.time | None] = {}
        self._supervisees: dict[str, tuple[list[Any], tuple[int, ...]]] = {}

    def _date(self, text: str, *, field: str, label: str) -> dt.date:
        """``label``: marked with ``N_``, translated only for a text not parsed before."""
        day = self._dates.get(text)
        if day is None:
            day = self._dates[text] = parse_date(text, field=field, label=_(label))
        return day

    def _time(self, text: str) -> dt.time | None:
        if text not in self._times:
            self._times[text] = parse_time(text, field="start", label=_("Start time"))
        return self._times[text]

    def _supervisees_of(self, text: str) -> tuple[list[Any], tuple[int, ...]]:
        """The supervisees a cell names, and their ids in order (a session's attendees). Every
        row naming them gets the same list: records.py only reads it."""
        found = self._supervisees.get(text)
        if found is None:
            names = [p.strip() for p in text.split(";") if p.strip()]
            if not names:
                raise DomainError(
                    _("Name at least one supervisee."), field="supervisees", code="import.no_supervisee"
                )
            people = [self._people.find(n, role="supervisee", column="supervisees") for n in names]
            found = self._supervisees[text] = (people, tuple(sorted({p.id for p in people})))
        return found

    def prepare(self, row: Row) -> _Prepared:
        cells = row.cells
        supervisor = self._people.find(
            text_cell(cells["supervisor"], "supervisor"), role="supervisor", column="supervisor"
        )
        supervisees, attendees = self._supervisees_of(text_cell(cells["supervisees"], "supervisees"))
        if row.record == SESSION:
            forbid(row, EXPERIENCE_ONLY, EXPERIENCE)
            day = self._date(text_cell(cells.get("date"), "date"), field="date", label=N_("Date"))
            start = self._time(text_cell(cells.get("start"), "start"))
            minutes = whole_minutes(
                number_cell(cells.get("minutes"), "minutes"), field="minutes", label=_("Length")
            )
            fields = dict(
                supervisor=supervisor,
                supervisees=supervisees,
                profiles=self._profiles,
                date=day,
                start=start,
                minutes=minutes,
                format=text_cell(cells.get("format"), "format"),
                modality=text_cell(cells.get("modality"), "modality"),
                site=text_cell(cells.get("site"), "site"),
                topics=text_cell(cells.get("topics"), "topics"),
                allocations=row.allocations,
                today=self._today,
            )
            key = (SESSION, supervisor.id, attendees, day, start, minutes)
            return _Prepared(row.line, SESSION, key, fields, minutes)
        forbid(row, SESSION_ONLY, SESSION)
        if len(supervisees) != 1:
            raise DomainError(
                _(
                    "An experience row is for exactly one supervisee ({count} named); write one row per person."
                ).format(count=len(supervisees)),
                field="supervisees",
                code="import.one_supervisee",
            )
        start_day = self._date(
            text_cell(cells.get("from"), "from"), field="period_start", label=N_("From date")
        )
        end_day = self._date(text_cell(cells.get("to"), "to"), field="period_end", label=N_("To date"))
        total = sum(
            v
            if v.__class__ is int and v > 0
            else whole_minutes(v, field="allocations", label=_("Minutes for {code}").format(code=code))
            for code, v in row.allocations.items()
        )
        stated = cells.get("minutes")
        if not is_blank(stated):
            expected = whole_minutes(number_cell(stated, "minutes"), field="minutes", label=_("Minutes"))
            if expected != total:
                raise DomainError(
                    _(
                        "The domain columns add up to {total} minutes but the minutes column says {expected}."
                    ).format(total=total, expected=expected),
                    field="minutes",
                    code="import.minutes_mismatch",
                    params={"total": total, "expected": expected},
                )
        fields = dict(
            supervisee=supervisees[0],
            supervisor=supervisor,
            profiles=self._profiles,
            period_start=start_day,
            period_end=end_day,
            allocations=row.allocations,
            setting=text_cell(cells.get("setting"), "setting"),
            kind=text_cell(cells.get("kind"), "kind"),
            today=self._today,
        )
        key = (EXPERIENCE, supervisees[0].id, start_day, end_day)
        return _Prepared(row.line, EXPERIENCE, key, fields, total)


def _existing_duplicates(uow: UnitOfWork, chunk: Sequence[_Prepared]) -> dict[tuple[Any, ...], str]:
    """Records already in the database (any status) with the key of a row of ``chunk``: key ->
    description. One query per kind for the whole chunk (a few more for a huge chunk)."""
    S, E = SupervisionSession, ExperienceEntry
    wanted = {p.key for p in chunk}
    found: dict[tuple[Any, ...], tuple[Any, str]] = {}  # key -> (model, id), the first found
    sessions = [p.key for p in chunk if p.kind == SESSION]
    if sessions:
        near = {(k[1], k[3], k[4], k[5]) for k in sessions}  # supervisor, day, start, minutes
        candidates: list[tuple[str, tuple[Any, ...]]] = []
        for days in records.batches(sorted({k[3] for k in sessions}), 200):
            starts = {k[4] for k in sessions}
            timed = sorted(t for t in starts if t is not None)
            query = select(S.id, S.supervisor_id, S.date, S.start_time, S.minutes).where(
                S.date.in_(days),
                S.supervisor_id.in_(sorted({k[1] for k in sessions})),
                # Only lengths SQLite can store (a file may say 10**20; no record has it).
                S.minutes.in_(sorted({k[5] for k in sessions if -(2**63) <= k[5] < 2**63})),
                or_(S.start_time.in_(timed), S.start_time.is_(None))
                if None in starts
                else S.start_time.in_(timed),
            )
            candidates.extend(
                (row[0], tuple(row[1:])) for row in uow.session.execute(query) if tuple(row[1:]) in near
            )
        attendees: dict[str, list[int]] = {}
        for ids in records.batches([c[0] for c in candidates]):
            for session_id, supervisee_id in uow.session.execute(
                select(SessionAttendee.session_id, SessionAttendee.supervisee_id).where(
                    SessionAttendee.session_id.in_(ids)
                )
            ):
                attendees.setdefault(session_id, []).append(supervisee_id)
        for session_id, (supervisor_id, day, start, minutes) in candidates:
            key = (SESSION, supervisor_id, tuple(sorted(attendees.get(session_id, ()))), day, start, minutes)
            if key in wanted and key not in found:
                found[key] = (S, session_id)
    entries = [p.key for p in chunk if p.kind == EXPERIENCE]
    if entries:
        for people in records.batches(sorted({k[1] for k in entries})):
            query = select(E.id, E.supervisee_id, E.period_start, E.period_end).where(
                E.supervisee_id.in_(people), E.period_start.in_(sorted({k[2] for k in entries}))
            )
            for entry_id, *rest in uow.session.execute(query):
                key = (EXPERIENCE, *rest)
                if key in wanted and key not in found:
                    found[key] = (E, entry_id)
    statuses: dict[str, str] = {}
    for model in (S, E):
        ids = [i for m, i in found.values() if m is model]
        for batch in records.batches(ids):
            query = select(model.id, records.display_status_sql(model)).where(model.id.in_(batch))
            statuses.update((record_id, status) for record_id, status in uow.session.execute(query))
    described: dict[tuple[Any, ...], str] = {}
    for key, (model, record_id) in found.items():
        status = statuses[record_id]
        status = _status_label(status)
        if model is S:
            text = _("session {id} ({status})")
        else:
            text = _("experience entry {id} ({status})")
        described[key] = text.format(id=record_id[:8], status=status)
    return described


def _status_label(status: str) -> str:
    """A record's status (DisplayStatus) as a duplicate's description names it."""
    labels = {
        "pending": pgettext("record status", "pending"),
        "signed": pgettext("record status", "signed"),
        "amended": pgettext("record status", "amended"),
        "voided": pgettext("record status", "voided"),
    }
    return labels.get(status, status)


class _Overlaps:
    """The sessions and experience periods a row of the file may overlap: those already in the
    database and the rows of the file accepted so far, indexed by day and person so a row is
    compared only with the few that could clash. The database's are read a chunk of rows at a
    time, each day and each supervisee once."""

    def __init__(self, prepared: Sequence[_Prepared]) -> None:
        self._sessions: dict[tuple[dt.date, str, int], list[records.TimedSession]] = {}
        self._periods: dict[tuple[int, int], list[records.ExperiencePeriod]] = {}  # by supervisee, week
        self._known: set[str] = set()
        self._days: dict[dt.date, tuple[int, int]] = {}  # the part of each day read
        # The period of the file's experience rows, per supervisee: read in one go, because
        # finding the entries that overlap a period means reading back a year from it.
        self._windows: dict[int, tuple[dt.date, dt.date]] = {}
        for p in prepared:
            if p.kind == EXPERIENCE:
                who, first, last = p.key[1], p.fields["period_start"], p.fields["period_end"]
                low, high = self._windows.get(who, (first, last))
                self._windows[who] = (min(low, first), max(high, last))
        self._supervisees: set[int] = set()

    def add_session(self, session: records.TimedSession) -> None:
        if session.id in self._known:
            return
        self._known.add(session.id)
        self._sessions.setdefault((session.date, "supervisor", session.supervisor_id), []).append(session)
        for supervisee_id in session.supervisee_ids:
            self._sessions.setdefault((session.date, "supervisee", supervisee_id), []).append(session)

    def add_period(self, period: records.ExperiencePeriod) -> None:
        if period.id not in self._known:
            self._known.add(period.id)
            for week in self._weeks(period.period_start, period.period_end):
                self._periods.setdefault((period.supervisee_id, week), []).append(period)

    @staticmethod
    def _weeks(first: dt.date, last: dt.date) -> range:
        return range(first.toordinal() // 7, last.toordinal() // 7 + 1)

    def load(self, uow: UnitOfWork, chunk: Sequence[_Prepared]) -> None:
        """Add the database's records that the rows of ``chunk`` could overlap."""
        # Per day, the part of it the chunk's sessions take (minutes after midnight); a day is
        # read again only if a later chunk needs more of it.
        needed: dict[dt.date, tuple[int, int]] = {}
        for p in chunk:
            if p.kind == SESSION and p.key[4] is not None:
                begin = p.key[4].hour * 60 + p.key[4].minute
                low, high = needed.get(p.key[3], (begin, begin))
                # A row longer than any session can be is refused by the rules; it needs no more.
                length = min(p.key[5], records.MAX_ENTRY_MINUTES)
                needed[p.key[3]] = (min(low, begin), max(high, begin + length))
        days: dict[dt.date, tuple[int, int]] = {}
        for day, (low, high) in needed.items():
            known = self._days.get(day)
            if known is None or low < known[0] or high > known[1]:
                days[day] = (low, high) if known is None else (min(low, known[0]), max(high, known[1]))
        if days:
            self._days.update(days)
            low, high = min(w[0] for w in days.values()), max(w[1] for w in days.values())
            for sessions in records.timed_sessions(uow, dates=days, begin=low, end=high).values():
                for session in sessions:
                    self.add_session(session)
        people = {p.key[1] for p in chunk if p.kind == EXPERIENCE} - self._supervisees
        if people:
            self._supervisees |= people
            found = records.experience_periods(
                uow,
                supervisee_ids=people,
                start=min(self._windows[i][0] for i in people),
                end=max(self._windows[i][1] for i in people),
            )
            for entries in found.values():
                for entry in entries:
                    self.add_period(entry)

    def sessions_near(self, values: records.SessionValues) -> list[records.TimedSession]:
        """The sessions of the same day with the same supervisor or a shared supervisee."""
        day, sessions = values.date, self._sessions
        near = sessions.get((day, "supervisor", values.supervisor_id), [])
        for supervisee_id in values.supervisee_ids:
            more = sessions.get((day, "supervisee", supervisee_id))
            if more:
                near = near + more  # a session twice is harmless: the first clash is reported
        return near

    def periods_near(self, values: records.ExperienceValues) -> list[records.ExperiencePeriod]:
        """The supervisee's periods that share a week with ``values``'s period."""
        near: list[records.ExperiencePeriod] = []
        for week in self._weeks(values.period_start, values.period_end):
            near += self._periods.get((values.supervisee_id, week), ())
        return near


def _check(prepared: _Prepared, overlaps: _Overlaps) -> records.SessionValues | records.ExperienceValues:
    """Every rule of records.py for one row, against the database and the rows accepted so far."""
    fields = prepared.fields
    if prepared.kind == SESSION:
        values = records.check_session(**fields)
        records.check_session_overlap(
            values,
            overlaps.sessions_near(values),
            supervisor=fields["supervisor"],
            supervisees=fields["supervisees"],
        )
        return values
    entry = records.check_experience(**fields)
    records.check_experience_overlap(entry, overlaps.periods_near(entry), supervisee=fields["supervisee"])
    return entry


def _describe(prepared: _Prepared) -> str:
    if prepared.kind == SESSION:
        start = prepared.key[4]
        if start:
            return _("session on {date} at {start}, {minutes} min").format(
                date=prepared.key[3].isoformat(), start=start.strftime("%H:%M"), minutes=prepared.minutes
            )
        return _("session on {date}, {minutes} min").format(
            date=prepared.key[3].isoformat(), minutes=prepared.minutes
        )
    return _("experience {start} to {end}").format(
        start=prepared.key[2].isoformat(), end=prepared.key[3].isoformat()
    )


def _record_id_pattern() -> re.Pattern[str]:
    """How a rule's message names a record by id: ``record 1a2b3c4d`` in English, and as the
    current language writes that word."""
    words = {"record", pgettext("the word before a record's id in a message", "record")}
    alternatives = "|".join(re.escape(w) for w in sorted(words))
    return re.compile("(?:" + alternatives + r") ([0-9a-f]{8})")


def _file_lines(message: str, lines_by_id: dict[str, int]) -> str:
    """A rule's message names records by id; a record from this file is named by its line,
    since it does not exist until the import commits."""
    return _record_id_pattern().sub(
        lambda m: (
            _("line {line} of this file").format(line=lines_by_id[m[1]]) if m[1] in lines_by_id else m[0]
        ),
        message,
    )


# --------------------------------------------------------------------------------------------
# Import


def import_file(
    uow: UnitOfWork, path: str | os.PathLike[str], *, dry_run: bool = False, today: dt.date | None = None
) -> ImportReport:
    """Import sessions and experience entries from a CSV or XLSX file, all or nothing.

    Returns the report; never raises for a problem in the file. When every row is good (and
    it is not a dry run) the records and the audit event are flushed and ``report.written`` is
    set: the caller commits (:func:`supervisor_app.usecases.transfer.import_records`, inside
    :func:`write_cache`). Otherwise nothing is written. Use a fresh unit of work: anything else
    uncommitted in it is committed with the import.
    """
    # A big import holds a few objects per row for its whole run: see no_cycle_collection.
    # Automatic indexes off: a chunk's overlap query over hundreds of supervisees made SQLite
    # index the whole experience table for the "set aside" subquery (2.2 s a chunk at scale 1).
    with no_cycle_collection(), uow.without_automatic_indexes():
        return _import(uow, Path(path), dry_run=dry_run, today=today or clock.today())


@contextmanager
def write_cache(uow: UnitOfWork) -> Iterator[None]:
    """A bigger SQLite page cache while an import writes and commits: SQLite otherwise writes the
    same index pages out to the WAL again and again once its default 2 MB fill up. Put back
    once the block ends (after the commit). Nothing on the agency database (PostgreSQL), whose
    server sizes its own cache."""
    if uow.db.is_postgres:
        yield
        return
    sqlite = uow.session.connection().connection.dbapi_connection  # outlives the commit
    assert sqlite is not None
    cache_size = sqlite.execute("PRAGMA cache_size").fetchone()[0]
    sqlite.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        sqlite.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _import(uow: UnitOfWork, path: Path, *, dry_run: bool, today: dt.date) -> ImportReport:
    """The work of :func:`import_file`."""
    report = ImportReport(path=str(path), dry_run=dry_run)
    profiles = uow.db.profiles
    try:
        table = read_table(path, TEMPLATE_SHEET)
        report.file_format = table.file_format
        layout = check_header(table, domain_columns(profiles))
    except FileProblem as problem:
        report.errors.append(RowNote(problem.line, problem.message, problem.column))
        return report

    # Each stage frees what the next one no longer needs as it goes (taking rows from the end
    # of a reversed list), so a big file's lines are held in about one form at a time.
    rows: list[Row] = []
    lines = table.rows
    lines.reverse()
    while lines:
        line, cells = lines.pop()
        try:
            row = split_row(line, cells, layout, len(table.header))
        except DomainError as exc:
            report.errors.append(RowNote(line, exc.message, FIELD_COLUMNS.get(exc.field or "", exc.field)))
            continue
        if row is not None:
            rows.append(row)
    table.rows.clear()  # the rows live on as Row only (a big file's cells are most of the memory)
    report.rows = len(rows) + len(report.errors)
    if not report.rows:
        return report  # a header alone (an empty export, a blank template): nothing to do
    try:
        check_kind_columns(layout, {r.record for r in rows}, table.header_line)
    except FileProblem as problem:
        report.errors.insert(0, RowNote(problem.line, problem.message))
        return report

    preparer = _Preparer(People(uow), today, profiles)
    seen: dict[tuple[Any, ...], int] = {}
    lines_by_id: dict[str, int] = {}  # records accepted from this file: id prefix -> line
    accepted_sessions: list[tuple[str, records.SessionValues]] = []
    accepted_entries: list[tuple[str, records.ExperienceValues]] = []
    # Every row is checked in memory, a chunk at a time: one query per chunk finds the
    # database's duplicates, a few more the records the chunk could overlap. Nothing is
    # written until every row is known to be good.
    prepared_rows: list[_Prepared] = []
    rows.reverse()
    while rows:
        row = rows.pop()
        try:
            prepared_rows.append(preparer.prepare(row))
        except DomainError as exc:
            report.errors.append(_row_error(row.line, row.record, exc, lines_by_id))
    rows.clear()
    overlaps = _Overlaps(prepared_rows)
    prepared_rows.reverse()
    while prepared_rows:
        chunk = [prepared_rows.pop() for _unused in range(min(IMPORT_CHUNK, len(prepared_rows)))]
        existing = _existing_duplicates(uow, chunk)
        new_ids = iter(records.new_record_ids(len(chunk)))
        overlaps.load(uow, chunk)
        for prepared in chunk:
            if prepared.key in seen:
                report.duplicates.append(
                    RowNote(
                        prepared.line,
                        _("duplicates line {line} ({record}).").format(
                            line=seen[prepared.key], record=_describe(prepared)
                        ),
                        record=prepared.kind,
                    )
                )
                continue
            if prepared.key in existing:
                report.duplicates.append(
                    RowNote(
                        prepared.line,
                        _("already in the database as {existing} ({record}).").format(
                            existing=existing[prepared.key], record=_describe(prepared)
                        ),
                        record=prepared.kind,
                    )
                )
                continue
            try:
                values = _check(prepared, overlaps)
            except DomainError as exc:
                report.errors.append(_row_error(prepared.line, prepared.kind, exc, lines_by_id))
                continue
            record_id = next(new_ids)
            if isinstance(values, records.SessionValues):
                accepted_sessions.append((record_id, values))
                if values.start_time is not None:
                    overlaps.add_session(
                        records.TimedSession(
                            record_id, None, values.supervisor_id, values.date, values.start_time,
                            values.minutes, frozenset(values.supervisee_ids),
                        )
                    )  # fmt: skip
                report.sessions += 1
            else:
                accepted_entries.append((record_id, values))
                overlaps.add_period(
                    records.ExperiencePeriod(
                        record_id, None, values.supervisee_id, values.period_start, values.period_end
                    )
                )
                report.experience += 1
            seen[prepared.key] = prepared.line
            lines_by_id[record_id[:8]] = prepared.line
            report.record_ids.append(record_id)
            report.minutes += prepared.minutes
    prepared_rows.clear()
    del overlaps  # what the checks needed: not the writing
    seen.clear()
    lines_by_id.clear()
    report.errors.sort(key=lambda n: n.line or 0)
    if report.errors or dry_run:
        report.record_ids = []  # never written: those ids do not exist
        if report.errors:
            report.sessions = report.experience = report.minutes = 0
        return report
    records.insert_checked(uow, sessions=accepted_sessions, experience=accepted_entries)
    audit.log(
        uow,
        audit.AuditAction.IMPORT,
        details={
            "file": path.name,
            "format": table.file_format,
            "rows": report.rows,
            "sessions": report.sessions,
            "experience": report.experience,
            "minutes": report.minutes,
            "duplicates_skipped": len(report.duplicates),
        },
    )
    report.written = True
    return report


def _row_error(line: int, record: str, exc: DomainError, lines_by_id: dict[str, int]) -> RowNote:
    column = FIELD_COLUMNS.get(exc.field or "", exc.field)
    return RowNote(line, _file_lines(exc.message, lines_by_id), column, record)
