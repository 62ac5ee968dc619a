"""attest, statement and attestations from the command line: refusals are exit 2 and write no file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import snapshot
from supervisor_app.cli import main


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "agency.db"
    shutil.copy(demo_template, path)
    return path


def test_attest_refuses_pending_then_prints_signed_only_and_reprints_identically(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "form.pdf"
    before = snapshot(demo_file)
    assert (
        main(["--db", str(demo_file), "attest", "--supervisee", "1", "--supervisor", "1", "--out", str(out)])
        == 2
    )
    assert "--signed-only" in capsys.readouterr().err
    assert not out.exists()
    assert snapshot(demo_file) == before
    assert (
        main(
            [
                "--db",
                str(demo_file),
                "attest",
                "--supervisee",
                "1",
                "--supervisor",
                "1",
                "--out",
                str(out),
                "--signed-only",
            ]
        )
        == 0
    )
    first = out.read_bytes()
    assert first.startswith(b"%PDF")
    again = tmp_path / "again.pdf"
    assert (
        main(
            [
                "--db",
                str(demo_file),
                "attest",
                "--supervisee",
                "1",
                "--supervisor",
                "1",
                "--out",
                str(again),
                "--signed-only",
            ]
        )
        == 0
    )
    assert "Reprinted ATT-" in capsys.readouterr().out
    assert again.read_bytes() == first
    assert main(["--json", "--db", str(demo_file), "attestations", "--supervisee", "1"]) == 0
    assert '"serial": "ATT-' in capsys.readouterr().out


def test_attest_with_no_signed_records_in_range_is_refused(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "form.pdf"
    code = main(
        [
            "--db",
            str(demo_file),
            "attest",
            "--supervisee",
            "1",
            "--supervisor",
            "1",
            "--from",
            "2001-01-01",
            "--to",
            "2001-12-31",
            "--out",
            str(out),
        ]
    )
    assert code == 2
    assert capsys.readouterr().err.strip()
    assert not out.exists()


def test_attest_refuses_tampered_records_naming_them(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_file)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    victim = conn.execute(
        "SELECT s.id FROM supervision_session s JOIN session_attendee t ON t.session_id = s.id "
        "WHERE t.supervisee_id = 1 AND s.status = 'signed' LIMIT 1"
    ).fetchone()[0]
    conn.execute("UPDATE supervision_session SET minutes = minutes + 60 WHERE id = ?", (victim,))
    for _name, sql in triggers:  # back in place (a file without them is refused on sight)
        conn.execute(sql)
    conn.commit()
    conn.close()
    out = tmp_path / "form.pdf"
    assert (
        main(
            [
                "--db",
                str(demo_file),
                "attest",
                "--supervisee",
                "1",
                "--supervisor",
                "1",
                "--out",
                str(out),
                "--signed-only",
            ]
        )
        == 2
    )
    assert victim in capsys.readouterr().err
    assert not out.exists()


def test_statement_and_bad_out(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "statement.pdf"
    assert main(["--db", str(demo_file), "statement", "--supervisee", "2", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert (
        main(["--db", str(demo_file), "statement", "--supervisee", "2", "--out", str(tmp_path / "x.txt")])
        == 2
    )
    assert (
        main(
            [
                "--db",
                str(demo_file),
                "statement",
                "--supervisee",
                "2",
                "--out",
                str(tmp_path / "no" / "x.pdf"),
            ]
        )
        == 2
    )
    assert "does not exist" in capsys.readouterr().err


def test_attest_with_notes_adds_the_agency_pages_to_the_same_form(demo_file: Path, tmp_path: Path) -> None:
    import io

    import pypdf

    common = ["--db", str(demo_file), "attest", "--supervisee", "1", "--supervisor", "1", "--signed-only"]
    board, agency = tmp_path / "board.pdf", tmp_path / "agency.pdf"
    assert main([*common, "--out", str(board)]) == 0
    assert main([*common, "--out", str(agency), "--with-notes"]) == 0

    def pages(path: Path) -> list[str]:
        return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]

    plain, noted = pages(board), pages(agency)
    assert not any("AGENCY NOTES" in page or "verify" in page.lower() for page in plain)
    assert len(noted) > len(plain)
    assert "AGENCY NOTES" in noted[len(plain)] and "To verify with the board" in "".join(noted[len(plain) :])


def test_attest_writes_no_file_when_the_commit_fails(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The print is committed before the form takes its name: a commit that fails leaves no
    file (and no staged copy) and no record."""
    from supervisor_app.db import UnitOfWork

    def refused(self: UnitOfWork) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(UnitOfWork, "commit", refused)
    before = snapshot(demo_file)
    out = tmp_path / "form.pdf"
    args = ["--db", str(demo_file), "attest", "--supervisee", "1", "--supervisor", "1", "--signed-only"]
    assert main([*args, "--out", str(out)]) != 0
    assert "disk I/O error" in capsys.readouterr().err
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".form.pdf*")) == []
    assert snapshot(demo_file) == before


def test_statement_is_recorded_in_the_audit_trail(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "statement.pdf"
    assert main(["--db", str(demo_file), "statement", "--supervisee", "2", "--out", str(out)]) == 0
    with sqlite3.connect(demo_file) as con:
        details = con.execute(
            "SELECT details FROM audit_event WHERE action = 'print' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
    assert '"progress statement"' in details and str(out) in details.replace("\\\\", "\\")
