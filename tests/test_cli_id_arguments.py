"""Id and prefix arguments of a few megabytes, or of the wrong shape, are input errors
(exit 2, a one-line reason, nothing written), never "pattern too complex" (issue 14)."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from conftest import snapshot
from supervisor_app.cli import main

HUGE = "a" * 3_000_000
HUGE_NUMBER = "9" * 3_000_000


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    return path


CASES = [
    (["audit", "--record", HUGE], "argument --record: a record id has at most 36 characters (got 3,000,000)"),
    (["audit", "--record", "%_%_%_%"], "argument --record: '%_%_%_%' is not a record id"),
    (["audit", "--supervisee", HUGE_NUMBER], "argument --supervisee: an id number has at most 19 digits"),
    (["audit", "--limit", HUGE_NUMBER], "argument --limit: expected a number of events from 1 to 1,000,000"),
    (["audit", "--limit", "0"], "argument --limit: expected a number of events from 1 to 1,000,000"),
    (["sign", "--supervisor", "1", HUGE, "--password-stdin"], "argument RECORD_ID: a record id has at most 36"),
    (["sign", "--supervisor", HUGE_NUMBER, "--all", "--password-stdin"], "argument --supervisor: an id number"),
    (["amend", HUGE, "--reason", "x"], "argument RECORD_ID: a record id has at most 36"),
    (["void", HUGE, "--reason", "x", "--supervisor", "1"], "argument RECORD_ID: a record id has at most 36"),
    (["progress", "--supervisee", HUGE_NUMBER], "argument --supervisee: an id number has at most 19 digits"),
    (["list", "sessions", "--supervisor", HUGE_NUMBER], "argument --supervisor: an id number"),
    (["attestations", "--supervisee", HUGE_NUMBER], "argument --supervisee: an id number"),
    (["statement", "--supervisee", HUGE_NUMBER, "--out", "x.pdf"], "argument --supervisee: an id number"),
    (["supervisor", "passwd", HUGE_NUMBER], "argument id: an id number"),
    (
        ["supervisee", "add", "--name", "N", "--credential", "CRSS", "--same-person-as", HUGE_NUMBER],
        "argument --same-person-as: an id number",
    ),
    (
        [
            "session", "add", "--supervisor", "1", "--supervisee", HUGE_NUMBER, "--date", "2026-01-01",
            "--minutes", "60", "--format", "individual", "--modality", "video", "--domain", "advocacy=60",
        ],
        "argument --supervisee: an id number",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"), CASES, ids=lambda v: " ".join(v[:2]) if isinstance(v, list) else ""
)
def test_an_oversized_or_misshapen_id_is_input_error(
    demo_file: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(demo_file)
    old = sys.stdin
    sys.stdin = io.StringIO("demo-password\n")
    try:
        code = main(["--db", str(demo_file), *args])
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err) < 2000  # the reason, not the megabytes back
    assert "pattern too complex" not in err and "unexpected" not in err
    assert snapshot(demo_file) == before


def test_real_ids_and_prefixes_still_work(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_file), "--json", "list", "sessions"]) == 0
    import json

    rid = json.loads(capsys.readouterr().out)[0]["id"]
    for given in (rid, rid[:6], rid.upper(), f"  {rid[:8]} "):
        assert main(["--db", str(demo_file), "audit", "--record", given, "--limit", "5"]) == 0
        assert rid[:8] in capsys.readouterr().out
