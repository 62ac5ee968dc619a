"""Reading and writing spreadsheets (CSV and XLSX), with no database: cells in, cells out.

Formula injection
    Text a spreadsheet would run as a formula (first character ``= + - @``, tab or CR) is
    written with a leading single quote in every export; a text that already starts with a
    quote gets one more, so the rule is reversible. The import removes that one leading quote
    again (see :func:`unquote`) and stores text as text: the app never evaluates a cell. Real
    formula cells in an XLSX are refused, because their value is whatever Excel last computed.

How much of a file is read at all is :mod:`spreadsheet_limits`.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supervisor_app.i18n import _
from supervisor_app.services import spreadsheet_limits
from supervisor_app.services.errors import DomainError
from supervisor_app.services.spreadsheet_limits import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    CellCount,
    FileProblem,
)
from supervisor_app.services.validation import MAX_DIGITS

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection)."""


def header_key(text: str) -> str:
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
# Reading the file into header + rows (no database)


@dataclass(frozen=True)
class Formula:
    """An XLSX formula cell: refused, because its value is whatever Excel computed last."""

    ref: str
    text: str


@dataclass(frozen=True)
class ErrorCell:
    ref: str
    text: str


@dataclass
class Table:
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
    if suffix:
        first = _("Only .csv and .xlsx files can be imported (this one is {suffix}).").format(suffix=suffix)
    else:
        first = _("Only .csv and .xlsx files can be imported (this one is without a suffix).")
    raise FileProblem(
        first
        + " "
        + _(
            "In Excel, use File > Save As and choose 'Excel Workbook (*.xlsx)' or 'CSV UTF-8 (Comma delimited)'."
        )
    )


def read_table(path: Path, sheet: str) -> Table:
    kind = _file_kind(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileProblem(
            _("{path} cannot be opened: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    if size == 0:
        raise FileProblem(_("The file is empty: there is no header row and nothing to import."))
    if size > MAX_FILE_BYTES:
        raise FileProblem(
            _(
                "The file is {size:.0f} MB; the import takes files up to "
                "{most} MB. Split it into several files."
            ).format(size=size / 1024 / 1024, most=MAX_FILE_BYTES // 1024 // 1024)
        )
    return _read_csv(path) if kind == "csv" else _read_xlsx(path, sheet)


def _read_csv(path: Path) -> Table:
    try:
        with path.open("rb") as handle:
            spreadsheet_limits.check_csv_start(handle.read(4096))
            handle.seek(0)
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            return _read_csv_text(text)
    except OSError as exc:
        raise FileProblem(
            _("{path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    except UnicodeDecodeError:
        pass
    raw = path.read_bytes()  # only to say where: a file up to MAX_FILE_BYTES
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileProblem(
            _(
                "The file is not UTF-8 text: line {line} holds a byte ({byte:#04x}) that is not "
                "UTF-8, so names with accents would come out garbled. Nothing was read. In Excel choose "
                "File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)' and import that file."
            ).format(line=line, byte=raw[exc.start]),
            line=line,
        ) from None
    raise FileProblem(_("The file is not UTF-8 text."))  # pragma: no cover - decoded once, not twice


def _read_csv_text(text: io.TextIOWrapper) -> Table:
    """The rows of a CSV, read a line at a time (see :func:`spreadsheet_limits.csv_lines`)."""
    skipped = 0
    while True:  # the first line that is not blank names the separator
        first = text.readline(spreadsheet_limits.MAX_LINE_CHARACTERS + 1)
        if not first:
            raise FileProblem(_("The file is empty: there is no header row and nothing to import."))
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
                raise FileProblem(
                    _("The file has more than {most:,} rows; split it into several files.").format(
                        most=MAX_ROWS
                    ),
                    line=line,
                )
    except csv.Error as exc:
        line = skipped + reader.line_num
        raise FileProblem(
            _(
                "The file is not valid CSV near line {line} ({reason}). A quote may be missing "
                "its closing quote; open the file in Excel and save it again as CSV UTF-8."
            ).format(line=line, reason=exc),
            line=line,
        ) from None
    if header is None:
        raise FileProblem(_("The file has no header row: every cell of it is blank."))
    return Table("csv", header, header_line, rows)


def _xlsx_cell(cell: Any, line: int, index: int) -> Any:
    from openpyxl.utils import get_column_letter

    value = cell.value
    if value is None:
        return None
    data_type = getattr(cell, "data_type", None)
    if data_type == "f":
        return Formula(f"{get_column_letter(index + 1)}{line}", str(value))
    if data_type == "e":
        return ErrorCell(f"{get_column_letter(index + 1)}{line}", str(value))
    if value.__class__.__name__ in ("ArrayFormula", "DataTableFormula"):
        return Formula(f"{get_column_letter(index + 1)}{line}", str(getattr(value, "text", value)))
    return value


def _read_xlsx(path: Path, sheet_name: str) -> Table:
    import openpyxl

    spreadsheet_limits.check_xlsx(path)  # sizes and counts first: openpyxl trusts the file
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - BadZipFile, KeyError, XML errors: all mean "damaged"
        raise spreadsheet_limits.damaged() from None
    try:
        if not workbook.sheetnames:
            raise FileProblem(_("The workbook has no sheets."))
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
                raise FileProblem(
                    _("The sheet has more than {most:,} rows; split it into several files.").format(
                        most=MAX_ROWS
                    ),
                    line=line,
                )
    except FileProblem:
        raise
    except ValueError as exc:
        if "integer string conversion" not in str(exc):  # Python's limit on int("99...9")
            raise spreadsheet_limits.damaged() from None
        raise FileProblem(
            _(
                "A number cell after line {line:,} has more than 4,300 digits: not a number the import "
                "can read. Correct it (minutes are whole numbers of a few digits)."
            ).format(line=number),
            line=number + 1,
        ) from None
    except Exception:  # noqa: BLE001 - a truncated part shows up while reading rows
        raise spreadsheet_limits.damaged() from None
    finally:
        workbook.close()
    if header is None:
        raise FileProblem(_("The sheet is empty: there is no header row and nothing to import."))
    return Table("xlsx", header, header_line, rows)


# --------------------------------------------------------------------------------------------
# Cells


def text_cell(value: Any, column: str) -> str:
    """A cell as text (numbers written plainly, dates ISO), with an export quote removed."""
    if value.__class__ is str:  # every CSV cell: the fast way
        return unquote(value)
    if value is None:
        return ""
    if isinstance(value, Formula):
        raise DomainError(
            _(
                "Cell {cell} holds a formula ({formula}); the import takes values only. "
                "In Excel, copy the cells and use Paste Special > Values."
            ).format(cell=value.ref, formula=value.text[:40]),
            field=column,
            code="import.formula_cell",
            params={"cell": value.ref, "text": value.text},
        )
    if isinstance(value, ErrorCell):
        raise DomainError(
            _("Cell {cell} holds an error ({text}); put a value in it.").format(
                cell=value.ref, text=value.text
            ),
            field=column,
            code="import.error_cell",
            params={"cell": value.ref, "text": value.text},
        )
    if isinstance(value, bool):
        raise DomainError(
            _("{value} is not a valid value here.").format(value="TRUE" if value else "FALSE"),
            field=column,
            code="import.boolean_cell",
        )
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return unquote(str(value))


def number_cell(value: Any, column: str) -> Any:
    """A minutes cell as given (int, float or text); validation decides."""
    if value.__class__ is str:
        if value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
            return int(value)  # plain digits: the number they write (validation decides the rest)
        return unquote(value)
    if isinstance(value, Formula | ErrorCell):
        return text_cell(value, column)  # raises
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, dt.date | dt.time):
        raise DomainError(
            _("{value} is not a number of minutes (the cell is formatted as a date).").format(value=value),
            field=column,
            code="import.date_as_minutes",
            params={"value": value},
        )
    return text_cell(value, column)


def is_blank(value: Any) -> bool:
    if value.__class__ is str:
        return not value.strip()
    return value is None or (isinstance(value, str) and not value.strip())


def is_zero(value: Any) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == 0
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text.isdecimal() and len(text) <= MAX_DIGITS and int(text) == 0


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a BOM, so Excel shows accents right; the import accepts both."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> bytes:
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


def cell_value(value: Any) -> Any:
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


def json_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, bytes):
        return "base64:" + base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, list):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    return neutralise(str(value))
