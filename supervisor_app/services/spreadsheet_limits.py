"""How much of a spreadsheet the import reads, checked before the expensive parsing starts.

A file of a few megabytes can unpack to gigabytes: an .xlsx is a zip of XML parts, and a CSV
line can run on for the whole file. These limits keep an import within about 200 MB of
memory whatever the file holds, and each refusal names the limit it met. A realistic import
(ten years of an agency's records, 100,000 rows) stays far below every one of them.

XLSX
    :func:`check_xlsx` reads the zip's directory (its size and number of parts, before
    :mod:`zipfile` builds an object per part), then each XML part's stated unpacked size,
    then streams every XML part once through expat in 1 MB pieces: no text, tag or cell may
    exceed :data:`MAX_XML_RUN` bytes, a sheet may hold :data:`MAX_SHEET_ROWS` rows (empty
    ones included: openpyxl keeps a small object per row), the shared-strings table
    :data:`MAX_SHARED_STRINGS` strings, and anything else :data:`MAX_OTHER_ELEMENTS` elements
    (openpyxl keeps those whole). Document type declarations (entity bombs) are refused.
    zipfile never unpacks more than a part's stated size, so the checked sizes hold.

CSV
    :func:`csv_lines` hands the csv module one physical line at a time, at most
    :data:`MAX_LINE_CHARACTERS` characters, and no row (a quoted cell can span lines) longer
    than that either.

Both
    :func:`trim_row` and :class:`CellCount`: at most :data:`MAX_COLUMNS` cells a row and
    :data:`MAX_CELLS` cells in all are kept.
"""

from __future__ import annotations

import codecs
import pyexpat
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from supervisor_app.i18n import N_, _

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELLS = 5_000_000
"""Cells kept in all (100,000 rows of 50 columns); blank cells after the last value not counted."""
MAX_LINE_CHARACTERS = 100_000
"""A CSV line, and a CSV row spanning lines. The longest cell the format has is 4,000 characters."""

MAX_ARCHIVE_PARTS = 1_000
MAX_DIRECTORY_BYTES = 1024 * 1024
MAX_PART_BYTES = 256 * 1024 * 1024
"""One XML part unpacked. A sheet of 100,000 rows written by Excel or openpyxl is 30-70 MB."""
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""All XML parts together, unpacked."""
MAX_XML_RUN = 64 * 1024
"""Bytes of one cell's text, one tag or one stretch between tags."""
MAX_SHEET_ROWS = 250_000
"""Row elements in a sheet, empty rows included."""
MAX_SHARED_STRINGS = 500_000
MAX_OTHER_ELEMENTS = 100_000
"""Elements outside rows and shared strings (column widths, merged cells, formats...)."""
MAX_UNIT_ELEMENTS = 100_000
"""Elements inside one row (16,384 cells at most in Excel) or one shared string."""

_CHUNK = 1024 * 1024
_MB = 1024 * 1024


class FileProblem(Exception):
    """A problem with the file as a whole (or with one line of it): nothing is imported."""

    def __init__(self, message: str, *, line: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _mb(size: int) -> str:
    if size >= _MB:
        return _("{size:,.0f} MB").format(size=size / _MB)
    return _("{size:,.0f} KB").format(size=size / 1024)


# --------------------------------------------------------------------------------------------
# Rows of either kind


def trim_row(cells: list[Any], line: int) -> list[Any]:
    """``cells`` cut to :data:`MAX_COLUMNS`; refused if a value lies beyond. Called only for a
    row that is longer (one ``len`` per row otherwise)."""
    for index in range(MAX_COLUMNS, len(cells)):
        value = cells[index]
        if value is not None and not (isinstance(value, str) and not value.strip()):
            raise FileProblem(
                _(
                    "Line {line} has a value in column {column:,}; the import reads at most {most} columns."
                ).format(line=line, column=index + 1, most=MAX_COLUMNS),
                line=line,
            )
    return cells[:MAX_COLUMNS]


class CellCount:
    """Counts the cells kept, a row at a time, against :data:`MAX_CELLS`."""

    def __init__(self) -> None:
        self.cells = 0

    def add(self, count: int, line: int) -> None:
        self.cells += count
        if self.cells > MAX_CELLS:
            raise FileProblem(
                _(
                    "The file has more than {cells:,} cells by line {line:,}; the import reads at most "
                    "that many ({rows:,} rows of 50 columns). Split it into several files."
                ).format(cells=MAX_CELLS, line=line, rows=MAX_ROWS),
                line=line,
            )


# --------------------------------------------------------------------------------------------
# CSV

_NOT_UTF8 = N_(
    "The import reads UTF-8 only. In Excel choose File > Save As > 'CSV UTF-8 (Comma delimited) "
    "(*.csv)' and import that file."
)


def check_csv_start(head: bytes) -> None:
    """Refuse, from the file's first bytes, what is not UTF-8 text (the rest is checked as read)."""
    if head.startswith(b"PK\x03\x04"):
        raise FileProblem(
            _(
                "This file is an Excel workbook with a .csv name. Rename it to .xlsx, or open it in "
                "Excel and save it as 'CSV UTF-8 (Comma delimited)'."
            )
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileProblem(_("The file is saved as UTF-16 ('Unicode Text').") + " " + _(_NOT_UTF8))
    if b"\x00" in head:
        # UTF-16 without its byte-order mark: every other byte of Latin text is zero. Decoded as
        # UTF-8 it would not fail, only come out as garbage with NULs between the letters.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) * 4 >= len(head):
            order = _("big-endian") if even > odd else _("little-endian")
            raise FileProblem(
                _(
                    "The file is UTF-16 ('Unicode Text', {order}) without a byte-order mark: every other "
                    "byte is zero."
                ).format(order=order)
                + " "
                + _(_NOT_UTF8)
            )
        line = head.count(b"\n", 0, head.index(b"\x00")) + 1
        raise FileProblem(
            _("The file holds a NUL byte on line {line}: it is not a text file.").format(line=line)
            + " "
            + _(_NOT_UTF8),
            line=line,
        )


def csv_lines(text: TextIO, first: str, first_number: int, row_start: list[int]) -> Iterator[str]:
    """The physical lines of ``text`` for :func:`csv.reader`, each at most
    :data:`MAX_LINE_CHARACTERS` characters, and no row longer than that across lines.

    ``first`` is given back first (the caller read it to find the separator), as line
    ``first_number``. ``row_start[0]`` is the number of the line the current row began on: the caller sets it to
    the next line after each row, so a row that swallows the file (a missing closing quote) is
    stopped and named.
    """
    number = first_number - 1
    size = 0  # characters of the current row so far
    started = 0
    line = first
    while line:
        number += 1
        if len(line) > MAX_LINE_CHARACTERS:
            raise FileProblem(
                _(
                    "Line {line:,} is longer than {most:,} characters; the import reads "
                    "lines up to that length (the longest cell, topics, holds 4,000). Is this a CSV file?"
                ).format(line=number, most=MAX_LINE_CHARACTERS),
                line=number,
            )
        if started != row_start[0]:
            started, size = row_start[0], 0
        size += len(line)
        if size > MAX_LINE_CHARACTERS:
            raise FileProblem(
                _(
                    "The row that begins on line {start:,} runs on for more than "
                    '{most:,} characters, to line {line:,}: a quote (") is probably '
                    "missing its closing quote. Open the file in Excel and save it again as CSV UTF-8."
                ).format(start=started, most=MAX_LINE_CHARACTERS, line=number),
                line=started,
            )
        yield line
        line = text.readline(MAX_LINE_CHARACTERS + 1)


# --------------------------------------------------------------------------------------------
# XLSX

_DAMAGED = N_(
    "The file cannot be read as an Excel workbook (.xlsx): it may be damaged or only partly "
    "copied. Nothing was read. Open it in Excel and save it again, or save it as CSV UTF-8."
)


def damaged() -> FileProblem:
    return FileProblem(_(_DAMAGED))


def _directory_size(path: Path) -> tuple[int, int]:
    """(parts, bytes) of the zip's central directory, from its end record, without reading it."""
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        tail_size = min(size, 22 + 65535)
        handle.seek(size - tail_size)
        tail = handle.read(tail_size)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            raise damaged()
        parts, directory = struct.unpack("<HL", tail[at + 10 : at + 16])
        if parts == 0xFFFF or directory == 0xFFFFFFFF:  # ZIP64: the real counts are elsewhere
            locator = tail[at - 20 : at] if at >= 20 else b""
            if not locator.startswith(b"PK\x06\x07"):
                raise damaged()
            (offset,) = struct.unpack("<Q", locator[8:16])
            handle.seek(offset)
            record = handle.read(56)
            if not record.startswith(b"PK\x06\x06") or len(record) < 56:
                raise damaged()
            parts, directory = struct.unpack("<QQ", record[32:48])
    return parts, directory


class _XmlScan:
    """One streaming pass of expat over an XML part, counting what openpyxl would keep."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.parser = pyexpat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.depth = 0
        self.unit_depth = 0  # depth of the row or shared string we are in (0: none)
        self.unit_elements = 0
        self.rows = 0
        self.strings = 0
        self.others = 0
        self.last = 0  # byte index of the last tag

    def _run(self) -> None:
        index = self.parser.CurrentByteIndex
        if index - self.last > MAX_XML_RUN:
            raise FileProblem(
                _(
                    "The workbook holds a cell or tag of more than {size} KB (in "
                    "{part}); the import reads cells up to that size (the longest cell, topics, "
                    "holds 4,000 characters)."
                ).format(size=MAX_XML_RUN // 1024, part=self.part)
            )
        self.last = index

    def _start(self, tag: str, _attributes: Any) -> None:
        self._run()
        self.depth += 1
        if self.unit_depth:
            self.unit_elements += 1
            if self.unit_elements > MAX_UNIT_ELEMENTS:
                raise FileProblem(
                    _(
                        "A row or text of the workbook holds more than {most:,} XML elements "
                        "(in {part}); the import reads at most that many."
                    ).format(most=MAX_UNIT_ELEMENTS, part=self.part)
                )
            return
        local = tag.rpartition(":")[2]
        if local == "row":
            self.rows += 1
            self.unit_depth, self.unit_elements = self.depth, 0
            if self.rows > MAX_SHEET_ROWS:
                raise FileProblem(
                    _(
                        "A sheet of the workbook has more than {most:,} rows, counting empty ones; "
                        "the import takes {rows:,} rows. Delete the empty rows below your data, or "
                        "split the file."
                    ).format(most=MAX_SHEET_ROWS, rows=MAX_ROWS)
                )
        elif local == "si":
            self.strings += 1
            self.unit_depth, self.unit_elements = self.depth, 0
            if self.strings > MAX_SHARED_STRINGS:
                raise FileProblem(
                    _(
                        "The workbook has more than {most:,} different texts; the import reads "
                        "at most that many. Split the file."
                    ).format(most=MAX_SHARED_STRINGS)
                )
        else:
            self.others += 1
            if self.others > MAX_OTHER_ELEMENTS:
                raise FileProblem(
                    _(
                        "The workbook's {part} holds more than {most:,} XML elements "
                        "besides rows and texts (formats, merged cells...); the import reads at most that "
                        "many. Copy the data into a new workbook and save that."
                    ).format(part=self.part, most=MAX_OTHER_ELEMENTS)
                )

    def _end(self, _tag: str) -> None:
        self._run()
        if self.depth == self.unit_depth:
            self.unit_depth = 0
        self.depth -= 1

    def _doctype(self, *_args: Any) -> None:
        raise FileProblem(
            _(
                "The workbook's {part} declares a document type, which Excel never writes (it can "
                "hide an entity bomb); the file is refused. Open it in Excel and save it again."
            ).format(part=self.part)
        )

    def feed(self, stream: Any) -> None:
        while chunk := stream.read(_CHUNK):
            self.parser.Parse(chunk, False)
        self.parser.Parse(b"", True)


def check_xlsx(path: Path) -> None:
    """Refuse an .xlsx whose parts unpack beyond the limits, before openpyxl reads any of it."""
    parts, directory = _directory_size(path)
    if parts > MAX_ARCHIVE_PARTS or directory > MAX_DIRECTORY_BYTES:
        raise FileProblem(
            _(
                "The workbook is a zip of {parts:,} parts ({size} of directory); an .xlsx to import "
                "has at most {most:,} (Excel writes about a dozen)."
            ).format(parts=parts, size=_mb(directory), most=MAX_ARCHIVE_PARTS)
        )
    try:
        with zipfile.ZipFile(path) as archive:
            xml = [i for i in archive.infolist() if i.filename.lower().endswith((".xml", ".rels"))]
            total = 0
            for info in xml:
                shared = info.filename.lower().endswith("sharedstrings.xml")
                limit = MAX_SHARED_STRINGS_BYTES if shared else MAX_PART_BYTES
                if info.file_size > limit:
                    raise FileProblem(
                        _(
                            "The workbook's {part} unpacks to {size}; the import reads "
                            "at most {most} per part (a sheet of {rows:,} rows needs about 70 MB). "
                            "Split the file, or save it as CSV UTF-8."
                        ).format(part=info.filename, size=_mb(info.file_size), most=_mb(limit), rows=MAX_ROWS)
                    )
                total += info.file_size
            if total > MAX_UNPACKED_BYTES:
                raise FileProblem(
                    _(
                        "The workbook unpacks to {size}; the import reads at most {most}. "
                        "Delete the sheets you do not import, or save the records as CSV UTF-8."
                    ).format(size=_mb(total), most=_mb(MAX_UNPACKED_BYTES))
                )
            for info in xml:
                with archive.open(info) as stream:
                    _XmlScan(info.filename).feed(stream)
    except FileProblem:
        raise
    except Exception:  # noqa: BLE001 - BadZipFile, CRC errors, XML errors: all mean "damaged"
        raise damaged() from None
