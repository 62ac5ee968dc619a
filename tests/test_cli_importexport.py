"""import, export and template from the command line (the service itself: test_importexport.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import snapshot
from supervisor_app.cli import main


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "agency.db"
    shutil.copy(demo_template, path)
    return path


def test_export_json_and_csv(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_file), "export", "--json", str(tmp_path / "all.json")]) == 0
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert "supervision_session" in json.dumps(data)
    assert "argon2" not in (tmp_path / "all.json").read_text(encoding="utf-8")
    assert main(["--db", str(demo_file), "export", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "supervision_session.csv").exists()
    assert "Exported" in capsys.readouterr().out


def test_import_bad_file_is_exit_2_with_the_report_and_changes_nothing(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "record,date,start,minutes,format,modality,supervisor,supervisees,advocacy\n"
        "session,2026-13-45,09:00,60,individual,in-person,Dana Whitaker,José Núñez-Ávila,60\n",
        encoding="utf-8",
    )
    before = snapshot(demo_file)
    assert main(["--db", str(demo_file), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err
    assert snapshot(demo_file) == before


def test_template_then_round_trip_of_records(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_file), "template", str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").stat().st_size > 0
    records = tmp_path / "records.csv"
    assert main(["--db", str(demo_file), "export", "--records", str(records)]) == 0
    before = snapshot(demo_file)
    # Importing the same records again: every row is a duplicate, skipped and reported.
    assert main(["--db", str(demo_file), "import", str(records), "--dry-run"]) == 0
    assert "duplicate" in capsys.readouterr().out.lower()
    assert snapshot(demo_file) == before
