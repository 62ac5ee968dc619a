"""A path through a symbolic link to nothing (a disk not connected, a folder moved) is refused,
and nothing is created where the link points (issue 14, "Disks and files")."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.storage import DatabaseError

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX links")


def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    old = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        code = main(args)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def links(tmp_path: Path) -> dict[str, Path]:
    """``file``: a link named like a database to a file in a folder that does not exist;
    ``folder``: a link to a folder that does not exist; ``gone``: where both point."""
    gone = tmp_path / "unmounted" / "deep"
    (tmp_path / "here").mkdir()
    file_link = tmp_path / "here" / "supervisor.db"
    file_link.symlink_to(gone / "supervisor.db")
    folder_link = tmp_path / "here" / "data"
    folder_link.symlink_to(gone)
    return {"file": file_link, "folder": folder_link, "gone": gone}


def test_open_database_refuses_a_dangling_link(links: dict[str, Path]) -> None:
    for target in (links["file"], links["folder"] / "supervisor.db", f"sqlite:///{links['file']}"):
        with pytest.raises(DatabaseError, match="is a symbolic link to .*which does not exist"):
            open_database(target)
    assert not (links["gone"].parent).exists()


@pytest.mark.parametrize("which", ["file", "folder"])
@pytest.mark.parametrize("command", [["init"], ["list", "supervisors"], ["restore", "x.db"]])
def test_the_cli_refuses_it_as_input(
    links: dict[str, Path], which: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = links["file"] if which == "file" else links["folder"] / "supervisor.db"
    code, out, err = cli(["--db", str(target), *command], capsys)
    assert code == 2 and out == ""
    assert "is a symbolic link to" in err and "which does not exist. Nothing was created." in err
    assert not links["gone"].parent.exists()


def test_the_environment_variable_too(
    links: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUPERVISOR_APP_DB", str(links["file"]))
    code, _out, err = cli(["init"], capsys)
    assert code == 2 and "$SUPERVISOR_APP_DB" in err
    assert not links["gone"].parent.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["backup", "--out", "{folder}/backup.db"],
        ["export", "--out", "{folder}/export"],
        ["export", "--json", "{folder}/all.json"],
        ["export", "--records", "{folder}/records.csv"],
        ["template", "{folder}/template.csv"],
        ["attest", "--supervisee", "1", "--supervisor", "1", "--out", "{folder}/form.pdf"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_output_paths_through_a_dangling_link_are_refused(
    links: dict[str, Path],
    demo_template: Path,
    tmp_path: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "real.db"
    shutil.copy(demo_template, db)
    args = [part.format(folder=links["folder"]) for part in command]
    code, out, err = cli(["--db", str(db), *args], capsys)
    assert code == 2, err
    assert "is a symbolic link to" in err and "Nothing was created." in err
    assert not links["gone"].parent.exists()
