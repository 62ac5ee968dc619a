"""Import past records from a spreadsheet; export everything for the agency's archive.

Import
    One sheet (CSV or XLSX) holds supervision sessions and experience entries, one row each,
    told apart by the ``record`` column (the columns are described in :data:`COLUMNS` and in
    ``docs/IMPORT.md``). :func:`import_file` is all or nothing: every row goes through the real
    rules (:func:`records.check_session` / :func:`records.check_experience` and their overlap
    checks, the same functions that check a record added one at a time), a chunk of rows at a
    time against the database and against the rows of the file accepted before it, so rows
    that overlap *each other* are caught too. Only when every row is good is anything written
    (:func:`records.insert_checked`, one executemany per table, in one transaction); otherwise
    the report lists every bad row with its line and reason and nothing is written. Rows that
    duplicate a record already in the database, or an earlier row of the file, are reported
    and skipped. Imported records are pending, for the supervisor to review and sign.

Export
    :func:`export_csv` (one CSV per table) and :func:`export_json` (one file) write everything
    except sign-in secrets. :func:`export_import_file` writes the standing sessions and
    experience in the import format, so records can move between databases.

Formula injection
    Text a spreadsheet would run as a formula (first character ``= + - @``, tab or CR) is
    written with a leading single quote in every export; a text that already starts with a
    quote gets one more, so the rule is reversible. The import removes that one leading quote
    again (see :func:`unquote`) and stores text as text: the app never evaluates a cell. Real
    formula cells in an XLSX are refused, because their value is whatever Excel last computed.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import operator
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, or_, select
from sqlalchemy import text as sql_text

from supervisor_app import __version__
from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    Base,
    DisplayStatus,
    ExperienceEntry,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services import audit, records, spreadsheet_limits
from supervisor_app.services.canonical import no_cycle_collection
from supervisor_app.services.errors import DomainError
from supervisor_app.services.profiles import GENERAL_DOMAIN, ProfileRegistry
from supervisor_app.services.spreadsheet_limits import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, CellCount
from supervisor_app.services.spreadsheet_limits import FileProblem as _FileProblem
from supervisor_app.services.validation import MAX_DIGITS, parse_date, parse_time, shown, whole_minutes
from supervisor_app.storage import write_private

FORMAT_VERSION = 1
"""Version of the import column format and of the JSON export layout."""

IMPORT_CHUNK = 1000
"""Rows checked together: one set of duplicate and overlap queries per chunk."""
IMPORT_CACHE_KIB = 64 * 1024
"""SQLite's page cache while an import writes (the default is 2 MB)."""
TEMPLATE_SHEET = "Records"
HELP_SHEET = "Columns"

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection)."""

SESSION = "session"
EXPERIENCE = "experience"

# The example rows of the template use these names, so a forgotten example row gets a hint.
EXAMPLE_SUPERVISOR = "Example Supervisor"
EXAMPLE_SUPERVISEES = ("Example Peer", "Second Example Peer")


# --------------------------------------------------------------------------------------------
# The column format


@dataclass(frozen=True)
class Column:
    """One column of the import format, described for the person filling it in."""

    name: str
    session: str  # "required", "optional" or "" (leave empty on session rows)
    experience: str  # same, for experience rows
    help: str
    example: str = ""


COLUMNS: tuple[Column, ...] = (
    Column(
        "record",
        "required",
        "required",
        "What the row is: session (a supervision session) or experience (hours worked in a period). "
        "Rows whose record cell starts with # are comments and are skipped; empty rows are skipped.",
        "session",
    ),
    Column(
        "supervisor",
        "required",
        "required",
        "The supervisor of record, as in the app: the full name (capitals and extra spaces do not "
        "matter, accents do), or the name with the ICB certification number in brackets "
        "(Dana Whitaker [5100]), or the ICB number alone, or the app's id number.",
        "Dana Whitaker",
    ),
    Column(
        "supervisees",
        "required",
        "required",
        "Who was supervised, each written like the supervisor (name, Name [ICB id], ICB id or id "
        "number). A group session lists several, separated by semicolons: Ana Example; Ben Example. "
        "An experience row names exactly one supervisee.",
        "Ana Example [A-1001]",
    ),
    Column("date", "required", "", "Day of the session, YYYY-MM-DD (or an Excel date cell).", "2025-03-04"),
    Column(
        "start",
        "optional",
        "",
        "Start time, HH:MM on a 24-hour clock (or an Excel time cell). With a start time the app "
        "checks that sessions do not overlap.",
        "10:00",
    ),
    Column(
        "minutes",
        "required",
        "optional",
        "Session: its length in whole minutes (the domain columns must add up to it). "
        "Experience: optional; if given it must equal the sum of the domain columns.",
        "60",
    ),
    Column("format", "required", "", "individual (one supervisee) or group (two or more).", "individual"),
    Column("modality", "required", "", "in-person, video or phone.", "in-person"),
    Column("site", "optional", "", "Where the session took place.", "Main office"),
    Column(
        "topics",
        "optional",
        "",
        "What was discussed. About the supervisee's work only: never client names or anything "
        "that identifies a client (HIPAA, 42 CFR Part 2).",
        "Boundaries and self-care",
    ),
    Column("from", "", "required", "First day of the experience period, YYYY-MM-DD.", "2025-03-03"),
    Column(
        "to", "", "required", "Last day of the experience period, YYYY-MM-DD (at most a year).", "2025-03-07"
    ),
    Column("setting", "", "optional", "Where the work was done (program, site).", "Drop-in center"),
    Column("kind", "", "required", "paid, volunteer or internship.", "paid"),
)
"""The fixed columns. After them come the domain columns: one per performance-domain code."""

FIXED_COLUMNS = tuple(c.name for c in COLUMNS)
SESSION_ONLY = tuple(c.name for c in COLUMNS if c.session and not c.experience)
EXPERIENCE_ONLY = tuple(c.name for c in COLUMNS if c.experience and not c.session)

DOMAIN_COLUMN_HELP = (
    "Minutes spent on that performance domain (whole minutes). Use the columns of the "
    "supervisee's credential; leave the others empty (0 counts as empty). 'general' is for "
    "minutes not tied to a domain, where the credential allows it."
)

# Which column a validator's field name refers to, for the report.
_FIELD_COLUMNS = {
    "supervisor": "supervisor",
    "supervisees": "supervisees",
    "supervisee": "supervisees",
    "date": "date",
    "start": "start",
    "minutes": "minutes",
    "format": "format",
    "modality": "modality",
    "site": "site",
    "topics": "topics",
    "allocations": "domain columns",
    "period_start": "from",
    "period_end": "to",
    "setting": "setting",
    "kind": "kind",
}


def domain_credentials(profiles: ProfileRegistry, credentials: Sequence[str] | None = None) -> list[str]:
    """Credential codes in column order: CRSS and CPRS first (the usual ones), then the others."""
    codes = [c.upper() for c in credentials] if credentials else profiles.codes()
    preferred = [c for c in ("CRSS", "CPRS") if c in codes]
    return preferred + sorted(c for c in codes if c not in preferred)


def domain_columns(profiles: ProfileRegistry, credentials: Sequence[str] | None = None) -> list[str]:
    """The domain column names, by :func:`domain_credentials` order, then ``general``.
    With ``credentials``, only the domains of those credentials."""
    names: list[str] = []
    for code in domain_credentials(profiles, credentials):
        for domain in profiles.get(code).domain_codes:
            if domain not in names:
                names.append(domain)
    names.append(GENERAL_DOMAIN)
    return names


def _header_key(text: str) -> str:
    """A header cell as a column name: lower case, spaces and underscores as dashes."""
    return "-".join(text.strip().lower().replace("_", " ").split())


# --------------------------------------------------------------------------------------------
# Formula neutralisation


SEPARATORS = ",;\t\r\n|"
"""Where a spreadsheet may split a cell: its list separator (comma, or semicolon in much of
Europe), tab, a line break, or a pipe. ``x;=1+1`` is safe in a comma-separated file, but a
spreadsheet splitting on semicolons makes ``=1+1`` a cell of its own."""

# After a separator: a quote before a formula trigger, or before a quote (so it is reversible).
_AFTER_SEPARATOR = re.compile(r"(?<=[,;\t\r\n|])(?=[=+\-@'])")
_QUOTED_AFTER_SEPARATOR = re.compile(r"(?<=[,;\t\r\n|])'(?=[=+\-@'])")


def neutralise(text: str) -> str:
    """Text safe to put in a spreadsheet cell, however the spreadsheet splits it: a quote
    before a formula trigger at the start and after every separator (:data:`SEPARATORS`).

    A quote already in such a place gets one more, so :func:`unquote` always gives back the
    stored text.
    """
    if text and (text[0] in FORMULA_TRIGGERS or text[0] == "'"):
        text = "'" + text
    return _AFTER_SEPARATOR.sub("'", text) if any(s in text for s in SEPARATORS) else text


def unquote(text: str) -> str:
    """The inverse of :func:`neutralise`: drop the one quote that protects each trigger."""
    if "'" not in text:
        return text
    if len(text) >= 2 and text[0] == "'" and (text[1] in FORMULA_TRIGGERS or text[1] == "'"):
        text = text[1:]
    return _QUOTED_AFTER_SEPARATOR.sub("", text)


# --------------------------------------------------------------------------------------------
# The report


@dataclass(frozen=True)
class RowNote:
    """One line of the report: a bad row (error) or a skipped duplicate."""

    line: int | None  # None: about the whole file
    message: str
    column: str | None = None
    record: str | None = None  # session / experience, when known

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "file"
        column = f" [{self.column}]" if self.column else ""
        return f"{where}{column}: {self.message}"


@dataclass
class ImportReport:
    """What an import did, or would do (``dry_run``), or why it did nothing."""

    path: str
    dry_run: bool = False
    file_format: str = ""
    rows: int = 0  # data rows read (not counting blank and comment rows)
    sessions: int = 0  # imported (or, in a dry run, importable)
    experience: int = 0
    minutes: int = 0  # total minutes of the imported records
    record_ids: list[str] = field(default_factory=list)
    duplicates: list[RowNote] = field(default_factory=list)
    errors: list[RowNote] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        name = Path(self.path).name
        if self.errors:
            count = len(self.errors)
            return (
                f"Nothing was imported from {name}: {count} problem{'s' if count != 1 else ''} "
                "must be fixed first (every row is imported or none is)."
            )
        if not self.rows:
            return f"{name} has a header but no records below it; nothing to import."
        verb = "would be imported" if self.dry_run else "imported"
        text = (
            f"{self.sessions} session{'s' if self.sessions != 1 else ''} and {self.experience} "
            f"experience entr{'ies' if self.experience != 1 else 'y'} {verb} from {name}"
        )
        if self.duplicates:
            text += (
                f"; {len(self.duplicates)} duplicate row{'s' if len(self.duplicates) != 1 else ''} skipped"
            )
        text += "."
        if self.dry_run:
            text += " Dry run: nothing was written."
        elif self.sessions or self.experience:
            text += " They are pending: review and sign them."
        return text

    def text(self) -> str:
        """The report for a person: problems, skipped duplicates, then the summary."""
        lines = [str(note) for note in self.errors]
        lines.extend(f"skipped, {note}" for note in self.duplicates)
        lines.append(self.summary())
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        def notes(items: list[RowNote]) -> list[dict[str, Any]]:
            return [
                {"line": n.line, "column": n.column, "record": n.record, "message": n.message} for n in items
            ]

        return {
            "path": self.path,
            "format": self.file_format,
            "dry_run": self.dry_run,
            "ok": self.ok,
            "committed": self.committed,
            "rows": self.rows,
            "sessions": self.sessions,
            "experience": self.experience,
            "minutes": self.minutes,
            "record_ids": list(self.record_ids),
            "duplicates": notes(self.duplicates),
            "errors": notes(self.errors),
        }


# --------------------------------------------------------------------------------------------
# Reading the file into header + rows (no database)


@dataclass(frozen=True)
class _Formula:
    """An XLSX formula cell: refused, because its value is whatever Excel computed last."""

    ref: str
    text: str


@dataclass(frozen=True)
class _ErrorCell:
    ref: str
    text: str


@dataclass
class _Table:
    file_format: str
    header: list[Any]
    header_line: int
    rows: list[tuple[int, list[Any]]]  # (line, cells)


def _file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise _FileProblem(
        f"Only .csv and .xlsx files can be imported (this one is {suffix or 'without a suffix'}). "
        "In Excel, use File > Save As and choose 'Excel Workbook (*.xlsx)' or 'CSV UTF-8 (Comma delimited)'."
    )


def _read_table(path: Path, sheet: str = TEMPLATE_SHEET) -> _Table:
    kind = _file_kind(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _FileProblem(f"{path} cannot be opened: {exc.strerror or exc}.") from None
    if size == 0:
        raise _FileProblem("The file is empty: there is no header row and nothing to import.")
    if size > MAX_FILE_BYTES:
        raise _FileProblem(
            f"The file is {size / 1024 / 1024:.0f} MB; the import takes files up to "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB. Split it into several files."
        )
    return _read_csv(path) if kind == "csv" else _read_xlsx(path, sheet)


def _read_csv(path: Path) -> _Table:
    try:
        with path.open("rb") as handle:
            spreadsheet_limits.check_csv_start(handle.read(4096))
            handle.seek(0)
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            return _read_csv_text(text)
    except OSError as exc:
        raise _FileProblem(f"{path} cannot be read: {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        pass
    raw = path.read_bytes()  # only to say where: a file up to MAX_FILE_BYTES
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _FileProblem(
            f"The file is not UTF-8 text: line {line} holds a byte ({raw[exc.start]:#04x}) that is not "
            "UTF-8, so names with accents would come out garbled. Nothing was read. In Excel choose "
            "File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)' and import that file.",
            line=line,
        ) from None
    raise _FileProblem("The file is not UTF-8 text.")  # pragma: no cover - decoded once, not twice


def _read_csv_text(text: io.TextIOWrapper) -> _Table:
    """The rows of a CSV, read a line at a time (see :func:`spreadsheet_limits.csv_lines`)."""
    skipped = 0
    while True:  # the first line that is not blank names the separator
        first = text.readline(spreadsheet_limits.MAX_LINE_CHARACTERS + 1)
        if not first:
            raise _FileProblem("The file is empty: there is no header row and nothing to import.")
        if first.strip():
            break
        skipped += 1
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    row_start = [skipped + 1]
    lines = spreadsheet_limits.csv_lines(text, first, skipped + 1, row_start)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[Any] | None = None
    header_line = 0
    rows: list[tuple[int, list[Any]]] = []
    previous_end = skipped
    count = CellCount()
    try:
        for cells in reader:
            line = previous_end + 1
            previous_end = skipped + reader.line_num
            row_start[0] = previous_end + 1
            if len(cells) > MAX_COLUMNS:
                cells = spreadsheet_limits.trim_row(cells, line)
            if not "".join(cells).strip():  # every cell blank
                continue
            if header is None:
                header, header_line = cells, line
                continue
            rows.append((line, cells))
            count.add(len(cells), line)
            if len(rows) > MAX_ROWS:
                raise _FileProblem(
                    f"The file has more than {MAX_ROWS:,} rows; split it into several files.", line=line
                )
    except csv.Error as exc:
        line = skipped + reader.line_num
        raise _FileProblem(
            f"The file is not valid CSV near line {line} ({exc}). A quote may be missing "
            "its closing quote; open the file in Excel and save it again as CSV UTF-8.",
            line=line,
        ) from None
    if header is None:
        raise _FileProblem("The file has no header row: every cell of it is blank.")
    return _Table("csv", header, header_line, rows)


def _xlsx_cell(cell: Any, line: int, index: int) -> Any:
    from openpyxl.utils import get_column_letter

    value = cell.value
    if value is None:
        return None
    data_type = getattr(cell, "data_type", None)
    if data_type == "f":
        return _Formula(f"{get_column_letter(index + 1)}{line}", str(value))
    if data_type == "e":
        return _ErrorCell(f"{get_column_letter(index + 1)}{line}", str(value))
    if value.__class__.__name__ in ("ArrayFormula", "DataTableFormula"):
        return _Formula(f"{get_column_letter(index + 1)}{line}", str(getattr(value, "text", value)))
    return value


def _read_xlsx(path: Path, sheet_name: str = TEMPLATE_SHEET) -> _Table:
    import openpyxl

    spreadsheet_limits.check_xlsx(path)  # sizes and counts first: openpyxl trusts the file
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - BadZipFile, KeyError, XML errors: all mean "damaged"
        raise spreadsheet_limits.damaged() from None
    try:
        if not workbook.sheetnames:
            raise _FileProblem("The workbook has no sheets.")
        sheet = workbook[sheet_name] if sheet_name in workbook.sheetnames else workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # do not trust the stored size: read every row
        header: list[Any] | None = None
        header_line = 0
        rows: list[tuple[int, list[Any]]] = []
        count = CellCount()
        number = 0
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            line = next((c.row for c in cells if getattr(c, "row", None)), number)
            if len(cells) > MAX_COLUMNS:  # a cell far right (XFD is column 16,384)
                spreadsheet_limits.trim_row([c.value for c in cells], line)
                cells = cells[:MAX_COLUMNS]
            values = [_xlsx_cell(c, line, i) for i, c in enumerate(cells)]
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if header is None:
                header, header_line = values, line
                continue
            rows.append((line, values))
            count.add(len(values), line)
            if len(rows) > MAX_ROWS:
                raise _FileProblem(
                    f"The sheet has more than {MAX_ROWS:,} rows; split it into several files.", line=line
                )
    except _FileProblem:
        raise
    except ValueError as exc:
        if "integer string conversion" not in str(exc):  # Python's limit on int("99...9")
            raise spreadsheet_limits.damaged() from None
        raise _FileProblem(
            f"A number cell after line {number:,} has more than 4,300 digits: not a number the import "
            "can read. Correct it (minutes are whole numbers of a few digits).",
            line=number + 1,
        ) from None
    except Exception:  # noqa: BLE001 - a truncated part shows up while reading rows
        raise spreadsheet_limits.damaged() from None
    finally:
        workbook.close()
    if header is None:
        raise _FileProblem("The sheet is empty: there is no header row and nothing to import.")
    return _Table("xlsx", header, header_line, rows)


# --------------------------------------------------------------------------------------------
# Checking the header


@dataclass(frozen=True)
class _Layout:
    columns: dict[str, int]  # column name -> index
    domains: dict[str, int]  # domain code -> index
    ignored: tuple[int, ...]  # columns without a header (must stay empty)

    def __post_init__(self) -> None:
        indices = list(self.columns.values())
        pick = operator.itemgetter(*indices)
        # The cells of the named columns, in the order of ``columns``, as a tuple.
        object.__setattr__(self, "pick", pick if len(indices) > 1 else lambda cells: (pick(cells),))


def _check_header(table: _Table, known_domains: Sequence[str]) -> _Layout:
    line = table.header_line
    if len(table.header) > MAX_COLUMNS:
        raise _FileProblem(
            f"The header has {len(table.header)} columns; the format has at most {MAX_COLUMNS}.", line=line
        )
    columns: dict[str, int] = {}
    domains: dict[str, int] = {}
    ignored: list[int] = []
    unknown: list[str] = []
    for index, cell in enumerate(table.header):
        if isinstance(cell, _Formula | _ErrorCell):
            raise _FileProblem(
                f"Header cell {cell.ref} holds a formula or error; write the column name.", line=line
            )
        text = "" if cell is None else str(cell)
        name = _header_key(text)
        if not name:
            ignored.append(index)
            continue
        if name in columns or name in domains:
            raise _FileProblem(f"The column {name!r} appears twice in the header.", line=line, column=name)
        if name in FIXED_COLUMNS:
            columns[name] = index
        elif name in known_domains:
            domains[name] = index
        else:
            unknown.append(text.strip())
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        raise _FileProblem(
            f"Unknown column{'s' if len(unknown) > 1 else ''} {names}: not a column of the import format "
            f"and not a performance domain of any credential. Columns: {', '.join(FIXED_COLUMNS)}; "
            f"domain columns: {', '.join(known_domains)}.",
            line=line,
        )
    missing = [n for n in ("record", "supervisor", "supervisees") if n not in columns]
    if missing:
        raise _FileProblem(
            f"The header lacks the required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}. The first row must name the columns (see the template).",
            line=line,
        )
    if not domains:
        raise _FileProblem(
            "The header has no domain column; add one column per performance domain "
            f"(e.g. {', '.join(known_domains[:4])}) holding the minutes.",
            line=line,
        )
    return _Layout(columns, domains, tuple(ignored))


def _check_kind_columns(layout: _Layout, kinds: set[str], line: int) -> None:
    needed: list[str] = []
    for column in COLUMNS:
        for kind, rule in ((SESSION, column.session), (EXPERIENCE, column.experience)):
            if kind in kinds and rule == "required" and column.name not in layout.columns:
                if column.name not in needed:
                    needed.append(column.name)
    if needed:
        what = " and ".join(sorted(kinds))
        raise _FileProblem(
            f"The file has {what} rows but no {', '.join(needed)} column"
            f"{'s' if len(needed) > 1 else ''}; add {'them' if len(needed) > 1 else 'it'} to the header.",
            line=line,
        )


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


class _People:
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
            name, _, rest = text.rpartition("[")
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
        if not found:
            hint = ""
            if name in EXAMPLE_SUPERVISEES or name == EXAMPLE_SUPERVISOR:
                hint = " This is the template's example row; delete it."
            elif icb is not None:
                hint = f" Check the {'ICB number' if role == 'supervisor' else 'ICB id'} in brackets."
            else:
                hint = f" Add the {label} in the app first, or correct the spelling."
            raise DomainError(
                f"There is no {label} {shown(text)} (looked for a name, an ICB number and an id).{hint}",
                field=column,
            )
        listed = "; ".join(f"{p.name} (id {p.id}, ICB {self._icb(p) or 'none'})" for p in found[:5])
        raise DomainError(
            f"{shown(text)} matches more than one {label}: {listed}. Write the name with the ICB number in "
            f"brackets, e.g. '{found[0].name} [{self._icb(found[0]) or '...'}]', or the id number.",
            field=column,
        )


# --------------------------------------------------------------------------------------------
# One row


def _text(value: Any, column: str) -> str:
    """A cell as text (numbers written plainly, dates ISO), with an export quote removed."""
    if value.__class__ is str:  # every CSV cell: the fast way
        return unquote(value)
    if value is None:
        return ""
    if isinstance(value, _Formula):
        raise DomainError(
            f"Cell {value.ref} holds a formula ({value.text[:40]}); the import takes values only. "
            "In Excel, copy the cells and use Paste Special > Values.",
            field=column,
        )
    if isinstance(value, _ErrorCell):
        raise DomainError(f"Cell {value.ref} holds an error ({value.text}); put a value in it.", field=column)
    if isinstance(value, bool):
        raise DomainError(f"{'TRUE' if value else 'FALSE'} is not a valid value here.", field=column)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return unquote(str(value))


def _number(value: Any, column: str) -> Any:
    """A minutes cell as given (int, float or text); validation decides."""
    if value.__class__ is str:
        if value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
            return int(value)  # plain digits: the number they write (validation decides the rest)
        return unquote(value)
    if isinstance(value, _Formula | _ErrorCell):
        return _text(value, column)  # raises
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, dt.date | dt.time):
        raise DomainError(
            f"{value} is not a number of minutes (the cell is formatted as a date).", field=column
        )
    return _text(value, column)


def _is_blank(value: Any) -> bool:
    if value.__class__ is str:
        return not value.strip()
    return value is None or (isinstance(value, str) and not value.strip())


def _is_zero(value: Any) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == 0
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text.isdecimal() and len(text) <= MAX_DIGITS and int(text) == 0


@dataclass(slots=True)
class _Row:
    line: int
    record: str
    cells: dict[str, Any]
    allocations: dict[str, Any]


def _split_row(line: int, cells: list[Any], layout: _Layout, width: int) -> _Row | None:
    """The cells of one line by column name, or None for a comment row."""
    for index in range(width, len(cells)):
        if not _is_blank(cells[index]):
            raise DomainError(
                f"This line has a value in column {index + 1}, beyond the header's {width} columns "
                "(a stray separator or an unquoted comma?).",
                field=None,
            )
    for index in layout.ignored:
        if index < len(cells) and not _is_blank(cells[index]):
            raise DomainError(
                f"Column {index + 1} has no name in the header but holds a value on this line.", field=None
            )

    if len(cells) < width:
        cells = cells + [None] * (width - len(cells))
    record_cell = cells[layout.columns["record"]]
    record = _text(record_cell, "record").strip().lower()
    if record.startswith("#"):
        return None
    if record not in (SESSION, EXPERIENCE):
        it_is = shown(record_cell) if not _is_blank(record_cell) else "empty"
        raise DomainError(f"record must be session or experience (it is {it_is}).", field="record")
    allocations: dict[str, Any] = {}
    for code, index in layout.domains.items():
        value = cells[index]
        if value is None or value == "":
            continue
        if value.__class__ is str and value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
            minutes = int(value)
            if minutes:
                allocations[code] = minutes
        elif not _is_blank(value) and not _is_zero(value):
            allocations[code] = _number(value, code)
    return _Row(line, record, dict(zip(layout.columns, layout.pick(cells), strict=True)), allocations)


def _forbid(row: _Row, names: Iterable[str], other: str) -> None:
    for name in names:
        value = row.cells.get(name)
        if value is not None and value != "" and not _is_blank(value):
            use = "date and start" if row.record == SESSION else "from and to"
            raise DomainError(
                f"The {name} column is for {other} rows; leave it empty on a {row.record} row "
                f"(a {row.record} uses {use}).",
                field=name,
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

    def __init__(self, people: _People, today: dt.date, profiles: ProfileRegistry) -> None:
        self._people = people
        self._today = today
        self._profiles = profiles
        self._dates: dict[str, dt.date] = {}
        self._times: dict[str, dt.time | None] = {}
        self._supervisees: dict[str, tuple[list[Any], tuple[int, ...]]] = {}

    def _date(self, text: str, *, field: str, label: str) -> dt.date:
        day = self._dates.get(text)
        if day is None:
            day = self._dates[text] = parse_date(text, field=field, label=label)
        return day

    def _time(self, text: str) -> dt.time | None:
        if text not in self._times:
            self._times[text] = parse_time(text, field="start", label="Start time")
        return self._times[text]

    def _supervisees_of(self, text: str) -> tuple[list[Any], tuple[int, ...]]:
        """The supervisees a cell names, and their ids in order (a session's attendees). Every
        row naming them gets the same list: records.py only reads it."""
        found = self._supervisees.get(text)
        if found is None:
            names = [p.strip() for p in text.split(";") if p.strip()]
            if not names:
                raise DomainError("Name at least one supervisee.", field="supervisees")
            people = [self._people.find(n, role="supervisee", column="supervisees") for n in names]
            found = self._supervisees[text] = (people, tuple(sorted({p.id for p in people})))
        return found

    def prepare(self, row: _Row) -> _Prepared:
        cells = row.cells
        supervisor = self._people.find(
            _text(cells["supervisor"], "supervisor"), role="supervisor", column="supervisor"
        )
        supervisees, attendees = self._supervisees_of(_text(cells["supervisees"], "supervisees"))
        if row.record == SESSION:
            _forbid(row, EXPERIENCE_ONLY, EXPERIENCE)
            day = self._date(_text(cells.get("date"), "date"), field="date", label="Date")
            start = self._time(_text(cells.get("start"), "start"))
            minutes = whole_minutes(_number(cells.get("minutes"), "minutes"), field="minutes", label="Length")
            fields = dict(
                supervisor=supervisor,
                supervisees=supervisees,
                profiles=self._profiles,
                date=day,
                start=start,
                minutes=minutes,
                format=_text(cells.get("format"), "format"),
                modality=_text(cells.get("modality"), "modality"),
                site=_text(cells.get("site"), "site"),
                topics=_text(cells.get("topics"), "topics"),
                allocations=row.allocations,
                today=self._today,
            )
            key = (SESSION, supervisor.id, attendees, day, start, minutes)
            return _Prepared(row.line, SESSION, key, fields, minutes)
        _forbid(row, SESSION_ONLY, SESSION)
        if len(supervisees) != 1:
            raise DomainError(
                f"An experience row is for exactly one supervisee ({len(supervisees)} named); "
                "write one row per person.",
                field="supervisees",
            )
        start_day = self._date(_text(cells.get("from"), "from"), field="period_start", label="From date")
        end_day = self._date(_text(cells.get("to"), "to"), field="period_end", label="To date")
        total = sum(
            v
            if v.__class__ is int and v > 0
            else whole_minutes(v, field="allocations", label=f"Minutes for {code}")
            for code, v in row.allocations.items()
        )
        stated = cells.get("minutes")
        if not _is_blank(stated):
            expected = whole_minutes(_number(stated, "minutes"), field="minutes", label="Minutes")
            if expected != total:
                raise DomainError(
                    f"The domain columns add up to {total} minutes but the minutes column says {expected}.",
                    field="minutes",
                )
        fields = dict(
            supervisee=supervisees[0],
            supervisor=supervisor,
            profiles=self._profiles,
            period_start=start_day,
            period_end=end_day,
            allocations=row.allocations,
            setting=_text(cells.get("setting"), "setting"),
            kind=_text(cells.get("kind"), "kind"),
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
    return {
        key: f"{'session' if model is S else 'experience entry'} {record_id[:8]} ({statuses[record_id]})"
        for key, (model, record_id) in found.items()
    }


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
        at = f" at {start.strftime('%H:%M')}" if start else ""
        return f"session on {prepared.key[3].isoformat()}{at}, {prepared.minutes} min"
    return f"experience {prepared.key[2].isoformat()} to {prepared.key[3].isoformat()}"


_RECORD_ID = re.compile(r"record ([0-9a-f]{8})")


def _file_lines(message: str, lines_by_id: dict[str, int]) -> str:
    """A rule's message names records by id; a record from this file is named by its line,
    since it does not exist until the import commits."""
    return _RECORD_ID.sub(
        lambda m: f"line {lines_by_id[m[1]]} of this file" if m[1] in lines_by_id else m[0], message
    )


# --------------------------------------------------------------------------------------------
# Import


def import_file(
    uow: UnitOfWork, path: str | os.PathLike[str], *, dry_run: bool = False, today: dt.date | None = None
) -> ImportReport:
    """Import sessions and experience entries from a CSV or XLSX file, all or nothing.

    Returns the report; never raises for a problem in the file. Commits when every row is
    good (and it is not a dry run); otherwise rolls back, so the database is unchanged. Use a
    fresh unit of work: anything else uncommitted in it is rolled back or committed with it.
    """
    # A big import holds a few objects per row for its whole run: see no_cycle_collection.
    with no_cycle_collection():
        return _import(uow, Path(path), dry_run=dry_run, today=today or dt.date.today())


def _import(uow: UnitOfWork, path: Path, *, dry_run: bool, today: dt.date) -> ImportReport:
    """The work of :func:`import_file`."""
    report = ImportReport(path=str(path), dry_run=dry_run)
    profiles = uow.db.profiles
    try:
        table = _read_table(path)
        report.file_format = table.file_format
        layout = _check_header(table, domain_columns(profiles))
    except _FileProblem as problem:
        report.errors.append(RowNote(problem.line, problem.message, problem.column))
        return report

    # Each stage frees what the next one no longer needs as it goes (taking rows from the end
    # of a reversed list), so a big file's lines are held in about one form at a time.
    rows: list[_Row] = []
    lines = table.rows
    lines.reverse()
    while lines:
        line, cells = lines.pop()
        try:
            row = _split_row(line, cells, layout, len(table.header))
        except DomainError as exc:
            report.errors.append(RowNote(line, exc.message, _FIELD_COLUMNS.get(exc.field or "", exc.field)))
            continue
        if row is not None:
            rows.append(row)
    table.rows.clear()  # the rows live on as _Row only (a big file's cells are most of the memory)
    report.rows = len(rows) + len(report.errors)
    if not report.rows:
        return report  # a header alone (an empty export, a blank template): nothing to do
    try:
        _check_kind_columns(layout, {r.record for r in rows}, table.header_line)
    except _FileProblem as problem:
        report.errors.insert(0, RowNote(problem.line, problem.message))
        return report

    preparer = _Preparer(_People(uow), today, profiles)
    seen: dict[tuple[Any, ...], int] = {}
    lines_by_id: dict[str, int] = {}  # records accepted from this file: id prefix -> line
    accepted_sessions: list[tuple[str, records.SessionValues]] = []
    accepted_entries: list[tuple[str, records.ExperienceValues]] = []
    try:
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
            chunk = [prepared_rows.pop() for _ in range(min(IMPORT_CHUNK, len(prepared_rows)))]
            existing = _existing_duplicates(uow, chunk)
            new_ids = iter(records.new_record_ids(len(chunk)))
            overlaps.load(uow, chunk)
            for prepared in chunk:
                if prepared.key in seen:
                    report.duplicates.append(
                        RowNote(
                            prepared.line,
                            f"duplicates line {seen[prepared.key]} ({_describe(prepared)}).",
                            record=prepared.kind,
                        )
                    )
                    continue
                if prepared.key in existing:
                    report.duplicates.append(
                        RowNote(
                            prepared.line,
                            f"already in the database as {existing[prepared.key]} ({_describe(prepared)}).",
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
            uow.session.rollback()
            report.record_ids = []  # never written: those ids do not exist
            if report.errors:
                report.sessions = report.experience = report.minutes = 0
            return report
        # A bigger page cache while writing: SQLite otherwise writes the same index pages out to
        # the WAL again and again once its default 2 MB fill up. Put back once committed.
        sqlite = uow.session.connection().connection.dbapi_connection  # outlives the commit
        assert sqlite is not None
        cache_size = sqlite.execute("PRAGMA cache_size").fetchone()[0]
        sqlite.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
        try:
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
            uow.commit()
        finally:
            sqlite.execute(f"PRAGMA cache_size = {int(cache_size)}")
        report.committed = True
        return report
    except BaseException:
        uow.session.rollback()
        raise


def _row_error(line: int, record: str, exc: DomainError, lines_by_id: dict[str, int]) -> RowNote:
    column = _FIELD_COLUMNS.get(exc.field or "", exc.field)
    return RowNote(line, _file_lines(exc.message, lines_by_id), column, record)


# --------------------------------------------------------------------------------------------
# Writing files


def _write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a crash never leaves half a file; the user's
    eyes only (exports hold names and supervision topics)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data)


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a BOM, so Excel shows accents right; the import accepts both."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> bytes:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                elif isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(value, dt.time):
                    cell.number_format = "hh:mm"
        sheet.freeze_panes = "A2"
        for c, name in enumerate(header, start=1):
            width = max([len(str(name))] + [len(str(row[c - 1])) for row in rows[:50] if c - 1 < len(row)])
            sheet.column_dimensions[get_column_letter(c)].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _spreadsheet_cell(value: Any) -> Any:
    """A value for a CSV/XLSX cell: numbers stay numbers, text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bytes):  # a certificate: base64 (only the CSV and JSON exports hold one)
        return "base64:" + base64.b64encode(value).decode("ascii")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return neutralise(str(value))


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, bytes):
        return "base64:" + base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return neutralise(str(value))


# --------------------------------------------------------------------------------------------
# Template


def write_template(
    path: str | os.PathLike[str],
    *,
    credentials: Sequence[str] | None = None,
    profiles: ProfileRegistry | None = None,
) -> Path:
    """Write an import template (CSV or XLSX, by the suffix): the header, example rows and,
    in an XLSX, a second sheet explaining every column. ``credentials`` limits the domain
    columns (default: every credential's)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError("The template is written as .csv or .xlsx; choose one of those.", field="path")
    if profiles is None:
        from supervisor_app.storage import user_data_dir

        profiles = ProfileRegistry.load(user_dir=user_data_dir() / "credentials")
    if credentials:
        for code in credentials:
            if code not in profiles:
                raise DomainError(f"Unknown credential {code!r}.", field="credentials")
    domains = domain_columns(profiles, credentials)
    header = list(FIXED_COLUMNS) + domains
    first = profiles.get((credentials or domain_credentials(profiles))[0])
    codes = list(first.domain_codes)
    peer, second = EXAMPLE_SUPERVISEES
    examples = [
        {
            "record": SESSION, "supervisor": EXAMPLE_SUPERVISOR, "supervisees": peer,
            "date": "2025-03-04", "start": "10:00", "minutes": 60, "format": "individual",
            "modality": "in-person", "site": "Main office", "topics": "Boundaries and self-care",
            codes[0]: 30, codes[1 % len(codes)]: 30,
        },
        {
            "record": SESSION, "supervisor": EXAMPLE_SUPERVISOR, "supervisees": f"{peer}; {second}",
            "date": "2025-03-06", "start": "14:00", "minutes": 90, "format": "group",
            "modality": "video", "topics": "Sharing lived experience with purpose",
            codes[-1]: 90,
        },
        {
            "record": EXPERIENCE, "supervisor": EXAMPLE_SUPERVISOR, "supervisees": peer,
            "from": "2025-03-03", "to": "2025-03-07", "minutes": 1800, "setting": "Drop-in center",
            "kind": "paid", codes[-1]: 1200, codes[0]: 600,
        },
    ]  # fmt: skip
    rows = [[_spreadsheet_cell(example.get(name)) for name in header] for example in examples]
    if suffix == ".csv":
        _write_atomic(path, _csv_bytes(header, rows))
        return path
    help_rows: list[list[Any]] = [
        [c.name, c.session or "leave empty", c.experience or "leave empty", c.help, c.example]
        for c in COLUMNS
    ]
    help_rows.append(["(domain columns)", "at least one", "at least one", DOMAIN_COLUMN_HELP, "30"])
    help_rows.append([])
    for code in domain_credentials(profiles, credentials):
        profile = profiles.get(code)
        extra = " (and general)" if profile.supervision.allow_general.value else ""
        help_rows.append(
            [f"{profile.code} domains", "", "", ", ".join(profile.domain_codes) + extra, profile.name]
        )
    help_rows.append([])
    for note in IMPORT_RULES:
        help_rows.append(["rule", "", "", note, ""])
    from supervisor_app.services import training_import  # the Training sheet (issue 20)

    help_rows += training_import.help_rows(profiles, credentials)
    help_rows = [[neutralise(v) if isinstance(v, str) else v for v in r] for r in help_rows]
    data = _xlsx_bytes(
        [
            (TEMPLATE_SHEET, header, rows),
            training_import.template_sheet(profiles, credentials),
            (
                HELP_SHEET,
                ["column", "session rows", "experience rows", "what to write", "example"],
                help_rows,
            ),
        ]
    )
    _write_atomic(path, data)
    return path


IMPORT_RULES = (
    "The first row names the columns; their order does not matter. Delete the example rows.",
    "All or nothing: if any row breaks a rule, nothing is imported and the report lists every bad row "
    "with its line number.",
    "A row identical to a record already in the app (same supervisor, supervisees, date, start and "
    "minutes; for experience the same supervisee and period) or to an earlier row is skipped and reported.",
    "Imported records arrive pending: review them in the app and sign them.",
    "Dates are YYYY-MM-DD, times HH:MM, minutes whole numbers. Cells must hold values, not formulas.",
    "CSV files must be UTF-8 (Excel: Save As > CSV UTF-8). Text starting with = + - or @ is stored as "
    "plain text; one protective leading ' (as the app's exports write) is removed.",
)


# --------------------------------------------------------------------------------------------
# Export in the import format


def _person_ref(person: Supervisor | Supervisee) -> str:
    icb = person.icb_number if isinstance(person, Supervisor) else person.icb_id
    return f"{person.name} [{icb}]" if icb else person.name


def import_rows(uow: UnitOfWork) -> tuple[list[str], list[list[Any]]]:
    """The standing records (pending, and signed ones neither amended nor voided) as rows of
    the import format, oldest first: (header, rows) with plain values. A pending amendment is
    left out: its signed original stands until it is signed, and both rows would count twice
    in the database they are imported into."""
    standing = (DisplayStatus.PENDING.value, DisplayStatus.SIGNED.value)

    def stands(record: dict[str, Any]) -> bool:
        return record["status"] in standing and not (
            record["status"] == DisplayStatus.PENDING.value and record.get("supersedes")
        )

    sessions = [s for s in records.list_sessions(uow) if stands(s)]
    entries = [e for e in records.list_experience(uow) if stands(e)]
    supervisors = {p.id: p for p in uow.session.scalars(select(Supervisor))}
    supervisees = {p.id: p for p in uow.session.scalars(select(Supervisee))}
    used = {code for item in sessions + entries for code in item["allocations"]}
    domains = [c for c in domain_columns(uow.db.profiles) if c in used]
    domains += sorted(used - set(domains))
    if not domains:
        domains = domain_columns(uow.db.profiles)
    header = list(FIXED_COLUMNS) + domains
    body: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for s in sessions:
        row = {
            "record": SESSION,
            "supervisor": _person_ref(supervisors[s["supervisor_id"]]),
            "supervisees": "; ".join(_person_ref(supervisees[i]) for i in s["supervisee_ids"]),
            "date": dt.date.fromisoformat(s["date"]),
            "start": dt.time.fromisoformat(s["start"]) if s["start"] else None,
            "minutes": s["minutes"],
            "format": s["format"],
            "modality": s["modality"],
            "site": s["site"],
            "topics": s["topics"],
            **s["allocations"],
        }
        body.append(((s["date"], s["start"] or "", s["id"]), row))
    for e in entries:
        row = {
            "record": EXPERIENCE,
            "supervisor": _person_ref(supervisors[e["supervisor_id"]]),
            "supervisees": _person_ref(supervisees[e["supervisee_id"]]),
            "from": dt.date.fromisoformat(e["from"]),
            "to": dt.date.fromisoformat(e["to"]),
            "minutes": e["minutes"],
            "setting": e["setting"],
            "kind": e["kind"],
            **e["allocations"],
        }
        body.append(((e["from"], "", e["id"]), row))
    body.sort(key=lambda item: item[0])
    return header, [[row.get(name) for name in header] for _, row in body]


def export_import_file(uow: UnitOfWork, path: str | os.PathLike[str]) -> int:
    """Write the standing sessions and experience in the import format (CSV or XLSX by the
    suffix), so another database can :func:`import_file` them. Returns the number of rows.
    People are named as ``Name [ICB id]`` (or the name alone without an ICB id): create the
    same people in the other database first. Logs an audit entry and commits."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError(
            "Records are exported for import as .csv or .xlsx; choose one of those.", field="path"
        )
    header, rows = import_rows(uow)
    if suffix == ".csv":
        cells = [[_spreadsheet_cell(v) for v in row] for row in rows]
        _write_atomic(path, _csv_bytes(header, cells))
    else:
        cells = [
            [v if isinstance(v, dt.date | dt.time) else _spreadsheet_cell(v) for v in row] for row in rows
        ]
        _write_atomic(path, _xlsx_bytes([(TEMPLATE_SHEET, header, cells)]))
    _log_export(uow, {"format": f"import-{suffix[1:]}", "file": path.name, "rows": len(rows)})
    return len(rows)


# --------------------------------------------------------------------------------------------
# Export for the archive

EXPORT_TABLES = (
    "agency",
    "supervisor",
    "supervisee",
    "supervision_session",
    "session_attendee",
    "session_allocation",
    "experience_entry",
    "experience_allocation",
    "sign_off",
    "attestation",
    "audit_event",
)
"""Tables in export order; any table added later is exported after these."""

SECRET_COLUMNS = {
    "supervisor": frozenset({"password_hash", "recovery_key_hash", "failed_attempts", "locked_until"}),
    # The private key, sealed under the password: an offline guessing target, never exported.
    "supervisor_key": frozenset({"sealed_private_key"}),
}
"""Columns never exported: sign-in secrets and lock-out state."""


def _secret(table: str, column: str) -> bool:
    lowered = column.lower()
    return column in SECRET_COLUMNS.get(table, ()) or "password" in lowered or "secret" in lowered


def _tables() -> list[Table]:
    by_name = {t.name: t for t in Base.metadata.sorted_tables}
    ordered = [by_name[n] for n in EXPORT_TABLES if n in by_name]
    ordered += [t for t in Base.metadata.sorted_tables if t.name not in EXPORT_TABLES]
    return ordered


def export_tables(uow: UnitOfWork) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """Every table as (columns, rows of plain Python values), secrets left out.

    Sessions and experience entries gain ``display_status`` (pending, signed, amended,
    voided) and a readable summary of their attendees and allocations; the link tables are
    exported as well.
    """
    result: dict[str, tuple[list[str], list[dict[str, Any]]]] = {}
    for table in _tables():
        columns = [c for c in table.columns if not _secret(table.name, c.name)]
        order = list(table.primary_key.columns) or columns[:1]
        rows = [dict(r._mapping) for r in uow.session.execute(select(*columns).order_by(*order))]
        result[table.name] = ([c.name for c in columns], rows)

    def group(link: str, key: str, value: Any) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for row in result.get(link, ([], []))[1]:
            grouped.setdefault(row[key], []).append(value(row))
        return grouped

    attendees = group("session_attendee", "session_id", lambda r: str(r["supervisee_id"]))
    session_allocations = group(
        "session_allocation", "session_id", lambda r: f"{r['domain_code']}={r['minutes']}"
    )
    entry_allocations = group(
        "experience_allocation", "entry_id", lambda r: f"{r['domain_code']}={r['minutes']}"
    )
    for name, model, extras in (
        ("supervision_session", SupervisionSession, (("supervisee_ids", attendees), ("allocations", session_allocations))),
        ("experience_entry", ExperienceEntry, (("allocations", entry_allocations),)),
    ):  # fmt: skip
        if name not in result:
            continue
        statuses = dict(uow.session.execute(select(model.id, records.display_status_sql(model))).all())
        columns, rows = result[name]
        for row in rows:
            row["display_status"] = statuses.get(row["id"])
            for extra, values in extras:
                row[extra] = ";".join(values.get(row["id"], []))
        columns.extend(["display_status", *(extra for extra, _ in extras)])
    return result


def _schema_revision(uow: UnitOfWork) -> str | None:
    # In the unit of work's own connection: a second connection would wait for its write lock.
    row = uow.session.execute(sql_text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _log_export(uow: UnitOfWork, details: dict[str, Any]) -> None:
    if getattr(uow.db, "readonly", False):
        return  # a read-only copy cannot write its audit trail; the export itself is harmless
    audit.log(uow, audit.AuditAction.EXPORT, details=details)
    uow.commit()


@dataclass(frozen=True)
class ExportResult:
    files: list[Path]
    rows: dict[str, int]


def export_csv(uow: UnitOfWork, folder: str | os.PathLike[str]) -> ExportResult:
    """One CSV per table (``<table>.csv``, UTF-8 with BOM) in ``folder``, created if needed.

    Text a spreadsheet would run as a formula is neutralised; numbers stay numbers. Sign-in
    secrets are never written. Logs an audit entry and commits.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DomainError(f"{folder} is a file; export needs a folder.", field="out")
    tables = export_tables(uow)
    files: list[Path] = []
    for name, (columns, rows) in tables.items():
        target = folder / f"{name}.csv"
        _write_atomic(target, _csv_bytes(columns, ([_spreadsheet_cell(r[c]) for c in columns] for r in rows)))
        files.append(target)
    counts = {name: len(rows) for name, (_, rows) in tables.items()}
    _log_export(uow, {"format": "csv", "folder": str(folder), "rows": counts})
    return ExportResult(files, counts)


def export_json(uow: UnitOfWork, path: str | os.PathLike[str]) -> ExportResult:
    """Every table in one JSON file: ``{"format", "version", "exported_at", "schema_revision",
    "app_version", "tables": {name: [row, ...]}}``. Text is neutralised as in the CSV export.
    Logs an audit entry and commits."""
    path = Path(path)
    if path.is_dir():
        raise DomainError(f"{path} is a folder; give a file name for the JSON export.", field="json")
    tables = export_tables(uow)
    document = {
        "format": "supervisor_app-export",
        "version": FORMAT_VERSION,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        "schema_revision": _schema_revision(uow),
        "app_version": __version__,
        "formula_neutralised": "text beginning with = + - @ tab CR or ' carries one extra leading '",
        "tables": {
            name: [{c: _json_value(row[c]) for c in columns} for row in rows]
            for name, (columns, rows) in tables.items()
        },
    }
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    _write_atomic(path, data)
    counts = {name: len(rows) for name, (_, rows) in tables.items()}
    _log_export(uow, {"format": "json", "file": path.name, "rows": counts})
    return ExportResult([path], counts)
