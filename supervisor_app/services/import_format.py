"""The import's column format: the columns, the report, and reading one row by column name.

One sheet (CSV or XLSX) holds supervision sessions and experience entries, one row each, told
apart by the ``record`` column (the columns are described in :data:`COLUMNS` and in
``docs/IMPORT.md``). No database here: :mod:`importing` matches the rows to people and runs the
import, :mod:`import_template` writes the template.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supervisor_app.i18n import N_, _, ngettext, pgettext
from supervisor_app.services.errors import DomainError
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.profiles import GENERAL_DOMAIN
from supervisor_app.services.spreadsheet import (
    ErrorCell,
    Formula,
    Table,
    header_key,
    is_blank,
    is_zero,
    number_cell,
    text_cell,
)
from supervisor_app.services.spreadsheet_limits import MAX_COLUMNS, FileProblem
from supervisor_app.services.validation import MAX_DIGITS, shown

TEMPLATE_SHEET = "Records"
HELP_SHEET = "Columns"

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

DOMAIN_COLUMNS = N_("domain columns")
"""How the report names the domain columns together (not a column of the file: translated)."""

# Which column a validator's field name refers to, for the report.
FIELD_COLUMNS = {
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
    "allocations": DOMAIN_COLUMNS,
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
        # Column names are the file's own (English) words; only the domain columns are described.
        column = _(self.column) if self.column == DOMAIN_COLUMNS else self.column
        if self.line is None:
            if column:
                return _("file [{column}]: {message}").format(column=column, message=self.message)
            return _("file: {message}").format(message=self.message)
        if column:
            return _("line {line} [{column}]: {message}").format(
                line=self.line, column=column, message=self.message
            )
        return _("line {line}: {message}").format(line=self.line, message=self.message)


@dataclass
class RowsReport:
    """What an import of rows (records, training) did, or would do (``dry_run``), or why it
    did nothing: what the records' and the training's reports share."""

    path: str
    dry_run: bool = False
    rows: int = 0  # data rows read (not counting blank and comment rows)
    minutes: int = 0  # total minutes of what was imported
    duplicates: list[RowNote] = field(default_factory=list)
    errors: list[RowNote] = field(default_factory=list)
    written: bool = False  # flushed, waiting for the caller's commit

    @property
    def ok(self) -> bool:
        return not self.errors

    # What each kind of report says in its own words (marked with N_, translated where shown).
    _none_below = N_("records")  # "<file> has a header but no <_none_below> below it"

    def _imported(self, verb: str, name: str) -> str:
        """What was (``verb``: "imported" or "would be imported", translated) imported from the
        file ``name``, counted."""
        raise NotImplementedError

    def _afterwards(self) -> str:
        """What now, after a real import (empty: nothing to say)."""
        raise NotImplementedError

    def summary(self) -> str:
        name = Path(self.path).name
        if self.errors:
            count = len(self.errors)
            return ngettext(
                "Nothing was imported from {name}: {count} problem must be fixed first "
                "(every row is imported or none is).",
                "Nothing was imported from {name}: {count} problems must be fixed first "
                "(every row is imported or none is).",
                count,
            ).format(name=name, count=count)
        if not self.rows:
            return _("{name} has a header but no {what} below it; nothing to import.").format(
                name=name, what=_(self._none_below)
            )
        if self.dry_run:
            verb = pgettext("what an import did with the rows", "would be imported")
        else:
            verb = pgettext("what an import did with the rows", "imported")
        text = self._imported(verb, name)
        if self.duplicates:
            count = len(self.duplicates)
            text += ngettext(
                "; {count} duplicate row skipped", "; {count} duplicate rows skipped", count
            ).format(count=count)
        text += "."
        if self.dry_run:
            text += " " + _("Dry run: nothing was written.")
        elif self._afterwards():
            text += " " + self._afterwards()
        return text

    def text(self) -> str:
        """The report for a person: problems, skipped duplicates, then the summary."""
        lines = [str(note) for note in self.errors]
        lines.extend(_("skipped, {note}").format(note=note) for note in self.duplicates)
        lines.append(self.summary())
        return "\n".join(lines)


@dataclass
class ImportReport(RowsReport):
    """What a records import did, or would do (``dry_run``), or why it did nothing."""

    file_format: str = ""
    sessions: int = 0  # imported (or, in a dry run, importable)
    experience: int = 0
    record_ids: list[str] = field(default_factory=list)
    committed: bool = False

    def _imported(self, verb: str, name: str) -> str:
        # One sentence per case (not ``verb``), so a translation can word each whole.
        sessions = ngettext("{n} session", "{n} sessions", self.sessions).format(n=self.sessions)
        entries = ngettext("{n} experience entry", "{n} experience entries", self.experience).format(
            n=self.experience
        )
        if self.dry_run:
            text = _("{sessions} and {entries} would be imported from {name}")
        else:
            text = _("{sessions} and {entries} imported from {name}")
        return text.format(sessions=sessions, entries=entries, name=name)

    def _afterwards(self) -> str:
        return _("They are pending: review and sign them.") if self.sessions or self.experience else ""

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
# Checking the header


@dataclass(frozen=True)
class Layout:
    columns: dict[str, int]  # column name -> index
    domains: dict[str, int]  # domain code -> index
    ignored: tuple[int, ...]  # columns without a header (must stay empty)

    def __post_init__(self) -> None:
        indices = list(self.columns.values())
        pick = operator.itemgetter(*indices)
        # The cells of the named columns, in the order of ``columns``, as a tuple.
        object.__setattr__(self, "pick", pick if len(indices) > 1 else lambda cells: (pick(cells),))


def check_header(table: Table, known_domains: Sequence[str]) -> Layout:
    line = table.header_line
    if len(table.header) > MAX_COLUMNS:
        raise FileProblem(
            _("The header has {count} columns; the format has at most {most}.").format(
                count=len(table.header), most=MAX_COLUMNS
            ),
            line=line,
        )
    columns: dict[str, int] = {}
    domains: dict[str, int] = {}
    ignored: list[int] = []
    unknown: list[str] = []
    for index, cell in enumerate(table.header):
        if isinstance(cell, Formula | ErrorCell):
            raise FileProblem(
                _("Header cell {cell} holds a formula or error; write the column name.").format(
                    cell=cell.ref
                ),
                line=line,
            )
        text = "" if cell is None else str(cell)
        name = header_key(text)
        if not name:
            ignored.append(index)
            continue
        if name in columns or name in domains:
            raise FileProblem(
                _("The column {name!r} appears twice in the header.").format(name=name),
                line=line,
                column=name,
            )
        if name in FIXED_COLUMNS:
            columns[name] = index
        elif name in known_domains:
            domains[name] = index
        else:
            unknown.append(text.strip())
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        raise FileProblem(
            ngettext(
                "Unknown column {names}: not a column of the import format "
                "and not a performance domain of any credential. Columns: {columns}; "
                "domain columns: {domains}.",
                "Unknown columns {names}: not a column of the import format "
                "and not a performance domain of any credential. Columns: {columns}; "
                "domain columns: {domains}.",
                len(unknown),
            ).format(names=names, columns=", ".join(FIXED_COLUMNS), domains=", ".join(known_domains)),
            line=line,
        )
    missing = [n for n in ("record", "supervisor", "supervisees") if n not in columns]
    if missing:
        raise FileProblem(
            ngettext(
                "The header lacks the required column {columns}. "
                "The first row must name the columns (see the template).",
                "The header lacks the required columns {columns}. "
                "The first row must name the columns (see the template).",
                len(missing),
            ).format(columns=", ".join(missing)),
            line=line,
        )
    if not domains:
        raise FileProblem(
            _(
                "The header has no domain column; add one column per performance domain "
                "(e.g. {domains}) holding the minutes."
            ).format(domains=", ".join(known_domains[:4])),
            line=line,
        )
    return Layout(columns, domains, tuple(ignored))


def check_kind_columns(layout: Layout, kinds: set[str], line: int) -> None:
    needed: list[str] = []
    for column in COLUMNS:
        for kind, rule in ((SESSION, column.session), (EXPERIENCE, column.experience)):
            if kind in kinds and rule == "required" and column.name not in layout.columns:
                if column.name not in needed:
                    needed.append(column.name)
    if needed:
        # The kinds are the record column's own words (session, experience): not translated.
        what = " and ".join(sorted(kinds)) if len(kinds) == 1 else _("experience and session")
        raise FileProblem(
            ngettext(
                "The file has {what} rows but no {columns} column; add it to the header.",
                "The file has {what} rows but no {columns} columns; add them to the header.",
                len(needed),
            ).format(what=what, columns=", ".join(needed)),
            line=line,
        )


# --------------------------------------------------------------------------------------------
# One row


@dataclass(slots=True)
class Row:
    line: int
    record: str
    cells: dict[str, Any]
    allocations: dict[str, Any]


def split_row(line: int, cells: list[Any], layout: Layout, width: int) -> Row | None:
    """The cells of one line by column name, or None for a comment row."""
    for index in range(width, len(cells)):
        if not is_blank(cells[index]):
            raise DomainError(
                _(
                    "This line has a value in column {column}, beyond the header's {width} columns "
                    "(a stray separator or an unquoted comma?)."
                ).format(column=index + 1, width=width),
                field=None,
                code="import.beyond_header",
                params={"width": width},
            )
    for index in layout.ignored:
        if index < len(cells) and not is_blank(cells[index]):
            raise DomainError(
                _("Column {column} has no name in the header but holds a value on this line.").format(
                    column=index + 1
                ),
                field=None,
                code="import.unnamed_column",
            )

    if len(cells) < width:
        cells = cells + [None] * (width - len(cells))
    record_cell = cells[layout.columns["record"]]
    record = text_cell(record_cell, "record").strip().lower()
    if record.startswith("#"):
        return None
    if record not in (SESSION, EXPERIENCE):
        if is_blank(record_cell):
            raise DomainError(
                _("record must be session or experience (it is empty)."),
                field="record",
                code="import.record_empty",
            )
        raise DomainError(
            _("record must be session or experience (it is {value}).").format(value=shown(record_cell)),
            field="record",
            code="import.record_kind",
        )
    allocations: dict[str, Any] = {}
    for code, index in layout.domains.items():
        value = cells[index]
        if value is None or value == "":
            continue
        if value.__class__ is str and value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
            minutes = int(value)
            if minutes:
                allocations[code] = minutes
        elif not is_blank(value) and not is_zero(value):
            allocations[code] = number_cell(value, code)
    return Row(line, record, dict(zip(layout.columns, layout.pick(cells), strict=True)), allocations)


def forbid(row: Row, names: Iterable[str], other: str) -> None:
    for name in names:
        value = row.cells.get(name)
        if value is not None and value != "" and not is_blank(value):
            # Column names and record kinds are the file's own words: not translated.
            columns = "date and start" if row.record == SESSION else "from and to"
            use = _("date and start") if row.record == SESSION else _("from and to")
            raise DomainError(
                _(
                    "The {name} column is for {other} rows; leave it empty on a {record} row "
                    "(a {record} uses {use})."
                ).format(name=name, other=other, record=row.record, use=use),
                field=name,
                code="import.wrong_kind_column",
                params={"name": name, "other": other, "record": row.record, "use": columns},
            )
