"""backup, backups and restore from the command line."""

from __future__ import annotations

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


def test_backup_then_restore(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "copy.db"
    assert main(["--db", str(demo_file), "backup", "--out", str(out)]) == 0
    assert out.exists()
    assert (
        main(
            [
                "--db",
                str(demo_file),
                "session",
                "add",
                "--supervisor",
                "1",
                "--supervisee",
                "1",
                "--date",
                "2026-01-02",
                "--start",
                "06:00",
                "--minutes",
                "15",
                "--format",
                "individual",
                "--modality",
                "phone",
                "--domain",
                "advocacy=15",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", str(demo_file), "restore", str(out)]) == 0
    assert "records verified" in capsys.readouterr().out
    assert main(["--json", "--db", str(demo_file), "backups"]) == 0
    listed = capsys.readouterr().out
    assert "before-restore" in listed
    assert snapshot(out) != snapshot(demo_file)  # the restore was logged in the audit trail


def test_restore_of_a_bad_file_is_exit_2_and_changes_nothing(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("definitely not a database\n" * 40)
    before = snapshot(demo_file)
    assert main(["--db", str(demo_file), "restore", str(junk)]) == 2
    assert "not a supervisor_app database" in capsys.readouterr().err
    assert snapshot(demo_file) == before


def test_restore_is_refused_while_the_app_holds_the_database(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    import sys

    copy = tmp_path / "copy.db"
    assert main(["--db", str(demo_file), "backup", "--out", str(copy)]) == 0
    app = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        Path(str(demo_file) + ".lock").write_text(
            f'{{"user": "grace", "host": "{__import__("socket").gethostname()}", "pid": {app.pid}, "since": "2026-11-25T10:00:00+00:00"}}'
        )
        before = snapshot(demo_file)
        assert main(["--db", str(demo_file), "restore", str(copy)]) == 1
        assert "open in the app (grace on" in capsys.readouterr().err
        assert snapshot(demo_file) == before
    finally:
        app.kill()
        app.wait()


def test_backup_onto_the_database_itself_is_refused(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_file), "backup", "--out", str(demo_file)]) == 2
    assert "another file" in capsys.readouterr().err
