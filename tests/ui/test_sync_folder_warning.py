"""A database in a folder OneDrive (or Dropbox, iCloud) copies: Settings says so beside the
database's path, and `init` warns on stderr; one in an ordinary folder gets no warning."""

from __future__ import annotations

import shutil
from pathlib import Path

from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.ui.pages import Page
from tests.ui.helpers import go_to


def _copy(empty_template: Path, path: Path) -> Path:
    path.parent.mkdir(parents=True)
    shutil.copy(empty_template, path)
    return path


def test_settings_warns_about_a_database_in_onedrive(qtbot, make_window, empty_template, tmp_path) -> None:
    path = _copy(empty_template, tmp_path / "Peña" / "OneDrive - Prairie Lakes" / "Documents" / "agency.db")
    db = open_database(path)
    window = make_window(db)
    warning = window.settings_page.sync_warning
    go_to(qtbot, window, Page.SETTINGS)
    assert warning.isVisible()
    assert str(tmp_path / "Peña" / "OneDrive - Prairie Lakes") in warning.text()
    assert "backups" in warning.text()


def test_no_warning_for_an_ordinary_folder(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.SETTINGS)
    assert not window.settings_page.sync_warning.isVisible()


def test_init_warns_on_stderr_and_still_creates_it(tmp_path, capsys) -> None:
    path = tmp_path / "Dropbox (Agency)" / "agency.db"
    assert main(["--db", str(path), "init"]) == 0
    captured = capsys.readouterr()
    assert "Database ready" in captured.out
    assert captured.err.startswith("Warning: ") and str(tmp_path / "Dropbox (Agency)") in captured.err
    assert path.exists()
    assert main(["--db", str(tmp_path / "plain" / "agency.db"), "init"]) == 0
    assert capsys.readouterr().err == ""
