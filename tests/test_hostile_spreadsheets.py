"""Spreadsheets built to hurt: small files that unpack to gigabytes, numbers of thousands of
digits, text in the wrong encoding, endless lines, and text that turns into a formula once a
spreadsheet splits it. Each is refused with a message naming what is wrong (and the limit it
met), in bounded memory, and nothing is written."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import TODAY, World, csv_bytes, snapshot
from supervisor_app.cli import main
from supervisor_app.services import records, spreadsheet
from supervisor_app.services import spreadsheet_limits as limits
from supervisor_app.usecases import transfer

BIG = "9" * 5000  # past Python's 4,300-digit limit on int("...")
HEADER = ["record", "supervisor", "supervisees", "date", "start", "minutes", "format", "modality", "topics",
          "advocacy", "mentoring"]  # fmt: skip
DAY = (TODAY - dt.timedelta(days=3)).isoformat()


def row(**cells: str) -> dict[str, str]:
    good = dict(record="session", supervisor="Dana Whitaker", supervisees="Ana Example", date=DAY,
                start="10:00", minutes="60", format="individual", modality="video", topics="Boundaries",
                advocacy="30", mentoring="30")  # fmt: skip
    return {**good, **cells}


# --------------------------------------------------------------------------------------------
# XLSX files written part by part with zipfile: small on disk, huge unpacked

_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>"
)
_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    b"</Relationships>"
)
_WORKBOOK = (
    b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Records" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>"
)
_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _header_row() -> bytes:
    cells = "".join(_inline(f"{chr(65 + i)}1", name) for i, name in enumerate(HEADER))
    return f'<row r="1">{cells}</row>'.encode()


def write_xlsx(
    path: Path,
    sheet: Iterable[bytes] = (),
    strings: Iterable[bytes] = (),
    *,
    extra_parts: int = 0,
    prologue: bytes = b"",
) -> Path:
    """A workbook whose sheet's rows (after the header) and shared strings are streamed in,
    so a part of hundreds of megabytes is written without holding it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in (("[Content_Types].xml", _TYPES), ("_rels/.rels", _RELS),
                           ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)):  # fmt: skip
            archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?>' + prologue + b"<worksheet " + _MAIN + b"><sheetData>")
            part.write(_header_row())
            for chunk in sheet:
                part.write(chunk)
            part.write(b"</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><sst ' + _MAIN + b">")
            for chunk in strings:
                part.write(chunk)
            part.write(b"</sst>")
        for number in range(extra_parts):
            archive.writestr(f"customXml/item{number}.xml", b"<a/>")
    return path


def repeat(piece: bytes, total: int) -> Iterable[bytes]:
    """``piece`` repeated to about ``total`` bytes, in 1 MB writes."""
    block = piece * max(1, (1 << 20) // len(piece))
    for _ in range(total // len(block) + 1):
        yield block


def _blank_rows() -> Iterable[bytes]:
    yield b"".join(f'<row r="{n}"/>'.encode() for n in range(2, limits.MAX_SHEET_ROWS + 10))


def _wide_row() -> Iterable[bytes]:
    yield b'<row r="2">' + _inline("A2", "session").encode() + _inline("XFD2", "x").encode() + b"</row>"


def _digits_cell() -> Iterable[bytes]:
    cells = "".join(
        _inline(f"{chr(65 + i)}2", v) for i, v in enumerate(row().values()) if HEADER[i] != "minutes"
    )
    yield f'<row r="2">{cells}<c r="F2"><v>{BIG}</v></c></row>'.encode()


HOSTILE_XLSX: list[tuple[str, Callable[[Path], Path], str]] = [
    (
        "shared-strings-of-a-gigabyte",  # 1 GB of strings: refused from the zip directory, unread
        lambda p: write_xlsx(p, strings=repeat(b"<si><t>Ana Example</t></si>", 1 << 30)),
        "sharedStrings.xml unpacks to 1,0",
    ),
    (
        "sheet-past-the-part-limit",
        lambda p: write_xlsx(p, sheet=repeat(b'<row r="9"/>', limits.MAX_PART_BYTES)),
        "sheet1.xml unpacks to 25",
    ),
    (
        "one-giant-cell",
        lambda p: write_xlsx(p, sheet=[b'<row r="2"><c r="A2" t="inlineStr"><is><t>', *repeat(b"A", 8 << 20), b"</t></is></c></row>"]),
        "a cell or tag of more than 64 KB",
    ),
    (
        "one-giant-shared-string",
        lambda p: write_xlsx(p, strings=[b"<si><t>", *repeat(b"=1+", 8 << 20), b"</t></si>"]),
        "a cell or tag of more than 64 KB",
    ),
    ("a-quarter-million-blank-rows", lambda p: write_xlsx(p, sheet=_blank_rows()), "more than 250,000 rows, counting empty ones"),
    (
        "too-many-shared-strings",
        lambda p: write_xlsx(p, strings=repeat(b"<si><t>a</t></si>", 17 * (limits.MAX_SHARED_STRINGS + 100))),
        "more than 500,000 different texts",
    ),
    (
        "too-many-other-elements",  # openpyxl would keep every one of them
        lambda p: write_xlsx(p, prologue=b"", sheet=[], strings=repeat(b"<x/>", 4 * (limits.MAX_OTHER_ELEMENTS + 100))),
        "more than 100,000 XML elements besides rows and texts",
    ),
    (
        "entity-bomb",
        lambda p: write_xlsx(p, prologue=b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'),
        "declares a document type",
    ),
    ("a-thousand-and-one-parts", lambda p: write_xlsx(p, extra_parts=1000), "an .xlsx to import has at most 1,000"),
    ("a-cell-in-column-XFD", lambda p: write_xlsx(p, sheet=_wide_row()), "value in column 16,384; the import reads at most 200 columns"),
    ("a-number-of-5000-digits", lambda p: write_xlsx(p, sheet=_digits_cell()), "A number cell after line 1 has more than 4,300 digits"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "make", "message"), HOSTILE_XLSX, ids=[c[0] for c in HOSTILE_XLSX])
def test_a_hostile_xlsx_is_refused_naming_the_limit(
    world: World, tmp_path: Path, case, make, message
) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / f"{case}.xlsx")
    assert path.stat().st_size < 12 * 1024 * 1024, "the hostile file itself is small"
    before = snapshot(world.db)
    report = transfer.import_records(world.db, "test", path)
    assert not report.ok and not report.committed
    assert message in report.errors[0].message, report.text()
    assert "Nothing was imported" in report.text()
    assert snapshot(world.db) == before


def test_the_xlsx_skeleton_itself_imports(world: World, tmp_path: Path) -> None:
    """The builder above writes a workbook the import reads: the refusals are the limits."""
    cells = "".join(_inline(f"{chr(65 + i)}2", v) for i, v in enumerate(row().values()))
    path = write_xlsx(tmp_path / "fine.xlsx", sheet=[f'<row r="2">{cells}</row>'.encode()])
    report = transfer.import_records(world.db, "test", path)
    assert report.ok and report.sessions == 1, report.text()


PEAK = """
import sys
from pathlib import Path
from supervisor_app.services import spreadsheet, spreadsheet_limits
try:
    spreadsheet.read_table(Path(sys.argv[1]), "Records")
except spreadsheet_limits.FileProblem as problem:
    print(problem.message[:60])
status = Path("/proc/self/status").read_text()  # VmHWM starts afresh at exec; ru_maxrss does not
print(int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) // 1024)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
@pytest.mark.parametrize("case", ["shared-strings-of-a-gigabyte", "one-giant-cell", "a-quarter-million-blank-rows", "csv-line-of-49-mb"])  # fmt: skip
def test_reading_a_hostile_file_stays_within_200_mb(tmp_path: Path, case: str) -> None:
    """Peak memory of a fresh interpreter reading the file (Python and the app's modules
    included), in a subprocess so that nothing else this test run did counts."""
    if case == "csv-line-of-49-mb":
        path = tmp_path / "line.csv"
        path.write_bytes(csv_bytes([], HEADER) + b"x" * (49 << 20) + b"\n")
    else:
        make = next(m for name, m, _ in HOSTILE_XLSX if name == case)
        path = make(tmp_path / "hostile.xlsx")
    done = subprocess.run([sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, check=True)
    message, peak_mb = done.stdout.splitlines()
    print(f"{case}: {path.stat().st_size / 1e6:.1f} MB file, peak {peak_mb} MB: {message}")
    assert int(peak_mb) < 200


# --------------------------------------------------------------------------------------------
# CSV

HOSTILE_CSV: list[tuple[str, Callable[[], bytes], int | None, str]] = [
    ("utf-16-le-without-bom", lambda: csv_bytes([row()], HEADER, encoding="utf-16-le"), None, "UTF-16 ('Unicode Text', little-endian) without a byte-order mark"),
    ("utf-16-be-without-bom", lambda: csv_bytes([row()], HEADER, encoding="utf-16-be"), None, "UTF-16 ('Unicode Text', big-endian) without a byte-order mark"),
    ("utf-16-with-bom", lambda: csv_bytes([row()], HEADER, encoding="utf-16"), None, "UTF-16"),
    ("utf-32-without-bom", lambda: csv_bytes([row()], HEADER, encoding="utf-32-le"), None, "without a byte-order mark"),
    ("a-nul-byte", lambda: csv_bytes([row()], HEADER)[:-5] + b"\x00\r\n", 2, "NUL byte on line 2: it is not a text file"),
    ("latin-1-late-in-the-file", lambda: csv_bytes([row()] * 3000 + [row(supervisees="Carla Núñez")], HEADER, encoding="latin-1"), 3002, "not UTF-8"),
    ("a-line-of-a-megabyte", lambda: csv_bytes([row(), row(topics="x" * (1 << 20))], HEADER), 3, "Line 3 is longer than 100,000 characters"),
    ("a-header-of-a-megabyte", lambda: b"record," * 200_000 + b"\n", 1, "Line 1 is longer than 100,000 characters"),
    (
        "a-quote-never-closed",
        lambda: csv_bytes([row()], HEADER) + b'session,"Dana\n' + b"more text\n" * 20_000,
        3,
        "The row that begins on line 3 runs on for more than 100,000 characters, to line",
    ),
    ("a-value-in-column-250", lambda: csv_bytes([row()], HEADER)[:-2] + b"," * 239 + b"x\r\n", 2, "value in column 250; the import reads at most 200 columns"),
    ("only-separators", lambda: b",,,,\n,,\n", None, "no header row: every cell of it is blank"),
    ("minutes-of-5000-digits", lambda: csv_bytes([row(minutes=BIG)], HEADER), 2, "Length has 5,000 digits; a number here has at most 18."),
    ("domain-minutes-of-5000-digits", lambda: csv_bytes([row(advocacy=BIG)], HEADER), 2, "Minutes for Advocacy has 5,000 digits"),
    ("zero-of-5000-digits", lambda: csv_bytes([row(mentoring="0" * 5000, advocacy="60")], HEADER), 2, "has 5,000 digits"),
    ("supervisor-id-of-5000-digits", lambda: csv_bytes([row(supervisor=BIG)], HEADER), 2, "There is no supervisor '9999999999"),
    ("date-of-5000-digits", lambda: csv_bytes([row(date=BIG)], HEADER), 2, "(5,000 characters) is not a date"),
    ("time-of-5000-digits", lambda: csv_bytes([row(start=BIG)], HEADER), 2, "(5,000 characters) is not a time"),
    ("record-of-5000-characters", lambda: csv_bytes([row(record=BIG)], HEADER), 2, "(5,000 characters)"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "make", "line", "message"), HOSTILE_CSV, ids=[c[0] for c in HOSTILE_CSV])
def test_a_hostile_csv_is_refused_saying_what_is_wrong(
    world: World, tmp_path: Path, case, make, line, message
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{case}.csv"
    path.write_bytes(make())
    before = snapshot(world.db)
    report = transfer.import_records(world.db, "test", path)
    assert not report.ok and not report.committed
    assert report.errors[0].line == line, report.text()
    assert message in report.errors[0].message, report.text()
    assert len(report.text()) < 2000, "a long bad value is not repeated back in full"
    assert snapshot(world.db) == before


def test_trailing_separators_past_200_columns_are_harmless(world: World, tmp_path: Path) -> None:
    path = tmp_path / "commas.csv"
    path.write_bytes(csv_bytes([row()], HEADER)[:-2] + b"," * 10_000 + b"\r\n")
    report = transfer.import_records(world.db, "test", path)
    assert report.ok and report.sessions == 1, report.text()


def test_the_cells_of_a_file_are_counted(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 25)
    path = tmp_path / "cells.csv"
    path.write_bytes(csv_bytes([row(start=f"{h:02d}:00") for h in (8, 10, 12)], HEADER))
    report = transfer.import_records(world.db, "test", path)
    assert report.errors[0].line == 4 and "more than 25 cells by line 4" in report.errors[0].message


# --------------------------------------------------------------------------------------------
# Numbers on the command line

CLI_CASES = [
    (["session", "add", "--supervisor", "1", "--supervisee", "1", "--date", DAY, "--minutes", BIG,
      "--format", "individual", "--modality", "video", "--domain", "advocacy=60"], "Length has 5,000 digits"),
    (["session", "add", "--supervisor", "1", "--supervisee", "1", "--date", DAY, "--minutes", "60",
      "--format", "individual", "--modality", "video", "--domain", f"advocacy={BIG}"], "Minutes for Advocacy has 5,000 digits"),
    (["session", "add", "--supervisor", BIG, "--supervisee", "1", "--date", DAY, "--minutes", "60",
      "--format", "individual", "--modality", "video", "--domain", "advocacy=60"], "an id number has at most 19 digits"),
    (["session", "add", "--supervisor", "1", "--supervisee", "1", "--date", BIG, "--minutes", "60",
      "--format", "individual", "--modality", "video", "--domain", "advocacy=60"], "(5,000 characters) is not a date"),
    (["experience", "add", "--supervisor", "1", "--supervisee", "1", "--from", DAY, "--to", DAY,
      "--domain", f"advocacy={BIG}"], "has 5,000 digits"),
    (["progress", "--supervisee", BIG], "an id number has at most 19 digits"),
    (["list", "sessions", "--supervisee", BIG], "an id number has at most 19 digits"),
    (["sign", "--supervisor", BIG, "--all", "--password-stdin"], "an id number has at most 19 digits"),
    (["audit", "--supervisee", BIG], "an id number has at most 19 digits"),
    (["audit", "--limit", BIG], "--limit: expected a number of events from 1 to"),
    (["audit", "--limit", "0"], "--limit: expected a number of events from 1 to"),
    (["supervisee", "add", "--name", "Zed", "--credential", "CRSS", "--same-person-as", BIG], "an id number has at most 19 digits"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"), CLI_CASES, ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _) in enumerate(CLI_CASES)]
)
def test_a_number_of_thousands_of_digits_on_the_command_line_is_exit_2(  # type: ignore[no-untyped-def]
    world: World, capsys: pytest.CaptureFixture[str], args, message
) -> None:
    before = snapshot(world.db)
    code = main([*args, "--db", str(world.db.path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err and "unexpected error" not in err and "ValueError" not in err
    assert len(err) < 2000
    assert snapshot(world.db) == before


# --------------------------------------------------------------------------------------------
# Exports: a formula after any separator


@given(st.text(alphabet=",;\t\r\n|=+-@' a", max_size=12))
def test_neutralise_is_undone_by_unquote_whatever_the_separators(text: str) -> None:
    protected = spreadsheet.neutralise(text)
    assert spreadsheet.unquote(protected) == text
    for separator in spreadsheet.SEPARATORS:
        for cell in protected.split(separator):
            assert not cell or cell[0] not in "=+-@", (text, protected, separator)


def test_an_export_splits_into_no_formula_and_imports_back_unchanged(world: World, tmp_path: Path) -> None:
    topics = 'x;=1+1, +2|@SUM(A1)\n-3\t=HYPERLINK("http://e") ;\'=ok'
    with world.uow() as uow:
        records.add_session(
            uow, supervisor_id=world.dana, supervisee_ids=[world.ana], date=DAY, start="09:00", minutes=60,
            format="individual", modality="video", allocations={"advocacy": 60}, topics=topics,
        )  # fmt: skip
        uow.commit()
    transfer.export_records(world.db, "test", tmp_path / "records.csv")
    transfer.export_archive(world.db, "test", tmp_path / "archive")
    for file in (tmp_path / "records.csv", tmp_path / "archive" / "supervision_session.csv"):
        text = file.read_text(encoding="utf-8-sig")
        for separator in spreadsheet.SEPARATORS + '"':
            for cell in text.split(separator):
                assert cell[:1] not in ("=", "+", "@") and not cell.startswith("-3"), (file.name, cell)
    # Back into the same database: the same session, so a duplicate; and its topics read back.
    path = tmp_path / "records.csv"
    report = transfer.import_records(world.db, "test", path)
    assert report.ok and len(report.duplicates) == 1, report.text()
    read_back = spreadsheet.read_table(path, "Records")
    topics_at = [str(c) for c in read_back.header].index("topics")
    assert spreadsheet.unquote(read_back.rows[0][1][topics_at]) == topics
