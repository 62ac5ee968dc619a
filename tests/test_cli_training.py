"""The CLI's due, training and credential commands (issue 20)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from supervisor_app.cli import main
from tests.conftest import PASSWORD, TODAY, World, csv_bytes, snapshot


@pytest.fixture
def run(world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def call(*argv: object, stdin: str = "") -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--db", str(world.db.path), *(str(a) for a in argv)])
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return code, out, err

    world.db.close()
    return call


def test_due_prints_each_item_and_json(world: World, run) -> None:  # type: ignore[no-untyped-def]
    expires = (TODAY + dt.timedelta(days=12)).isoformat()
    assert (
        run("credential", "add", "--supervisor", world.dana, "--kind", "lcpc", "--expires", expires)[0] == 0
    )
    code, out, _ = run("due", "--days", "30")
    assert code == 0
    assert f"{expires}  Dana Whitaker's LCPC expires on {expires}, in 12 days." in out.splitlines()
    code, out, _ = run("due", "--json")
    items = json.loads(out)
    assert {"rule": "expiring", "date": expires, "text": f"Dana Whitaker's LCPC expires on {expires}, in 12 days.",
            "target": "supervisor", "supervisee_id": None, "supervisor_id": world.dana} in items  # fmt: skip
    assert run("due", "--days", "soon")[0:3:2] == (
        2,
        "supervisor-app: Days 'soon' must be a whole number from 0 to 3650.\n",
    )


def test_training_add_confirm_and_save_the_certificate(world: World, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = tmp_path / "cert.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 100)
    start = (TODAY - dt.timedelta(days=9)).isoformat()
    code, out, err = run(
        "training", "add", "--supervisee", world.ana, "--from", start, "--title", "Advocacy basics",
        "--area", "advocacy=3.5", "--certificate", scan,
    )  # fmt: skip
    assert code == 0, err
    entry = out.strip()
    code, out, _ = run(
        "training",
        "confirm",
        entry[:8],
        "--supervisor",
        world.dana,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0 and out.startswith(f"Training {entry[:8]} confirmed (signed with key ")
    data = json.loads(run("training", "list", "--supervisee", world.ana, "--json")[1])
    assert data["entries"][0]["status"] == "confirmed"
    assert data["education"]["missing"][0] == "Education needs 96.50 more education hours (3.50 of 100.00)."
    saved = tmp_path / "out.png"
    assert run("training", "certificate", entry, "--out", saved)[0] == 0
    assert saved.read_bytes() == scan.read_bytes()
    assert run("training", "delete", entry)[0:3:2] == (
        2,
        f"supervisor-app: Training {entry[:8]} (Advocacy basics) was confirmed by a supervisor; a confirmed entry "
        "cannot be deleted.\n",
    )


TRAINING_COLUMNS = [
    "supervisee",
    "supervisor",
    "from",
    "to",
    "title",
    "provider",
    "delivery",
    "ethics",
    "advocacy",
]


def test_training_import_is_all_or_nothing(world: World, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    day = (TODAY - dt.timedelta(days=20)).isoformat()
    good = {"supervisee": "Ana Example", "from": day, "title": "Ethics I", "ethics": "6"}
    rows = [
        good,
        {"supervisor": "Dana Whitaker", "from": day, "to": day, "title": "Supervision skills", "advocacy": "2",
         "delivery": "online"},
        {"supervisee": "Nobody Here", "from": day, "title": "X", "ethics": "1"},
        {"supervisee": "Ben Example", "from": day, "title": "Y", "ethics": "lots"},
        {"supervisee": "Ben Example", "supervisor": "Dana Whitaker", "from": day, "title": "Z", "ethics": "1"},
    ]  # fmt: skip
    path = tmp_path / "training.csv"
    path.write_bytes(csv_bytes(rows, TRAINING_COLUMNS))
    before = snapshot(world.db.path)
    code, out, err = run("training", "import", path)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "line 4 [supervisee]: There is no supervisee 'Nobody Here' (looked for a name, an ICB number and an id). "
        "Add the supervisee in the app first, or correct the spelling.",
        "line 5 [ethics]: ethics 'lots' is not a number of hours; write it as e.g. 1.5.",
        "line 6 [supervisee]: Fill exactly one of supervisee and supervisor: whose training it is.",
        "Nothing was imported from training.csv: 3 problems must be fixed first (every row is imported or none is).",
    ]
    assert snapshot(world.db.path) == before
    path.write_bytes(csv_bytes(rows[:2] + [good], TRAINING_COLUMNS))
    code, out, err = run("training", "import", path)
    assert code == 0, err
    assert out.splitlines() == [
        "skipped, line 4: Ethics I (" + day + ") is already recorded.",
        "2 training entries (8.00 h) imported from training.csv; 1 duplicate row skipped. They are self-reported "
        "until a supervisor confirms them.",
    ]


def test_the_xlsx_template_has_a_training_sheet_that_imports(world: World, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    path = tmp_path / "template.xlsx"
    assert run("template", path)[0] == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Records", "Training", "Columns"]
    sheet = book["Training"]
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["supervisee", "supervisor", "from", "to", "title", "provider", "delivery"]
    assert {"ethics", "core-functions", "family", "youth", "adolescents", "women"} <= set(header)
    code, _, err = run("training", "import", path, "--dry-run")
    assert code == 2 and "This is the template's example row; delete it." in err
    sheet["A2"] = "Petra Nowak"
    book.save(path)
    code, out, err = run("training", "import", path)
    assert code == 0, err
    assert out.startswith("1 training entry (6.00 h) imported from template.xlsx.")
    listed = json.loads(run("training", "list", "--supervisee", world.petra, "--json")[1])
    assert [e["title"] for e in listed["entries"]] == ["Ethics for peer workers"]


def test_hire_date_and_credentials_refuse_bad_input(world: World, run) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(world.db.path)
    future = (TODAY + dt.timedelta(days=3)).isoformat()
    assert run("supervisee", "hire-date", world.ana, future)[0:3:2] == (
        2, f"supervisor-app: The hire date {future} is in the future.\n"
    )  # fmt: skip
    assert run("credential", "add", "--supervisee", world.ana, "--kind", "CRSS", "--expires", "soon")[0:3:2] == (
        2, "supervisor-app: Expiry date 'soon' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.\n"
    )  # fmt: skip
    assert snapshot(world.db.path) == before
    hired = (TODAY - dt.timedelta(days=30)).isoformat()
    assert run("supervisee", "hire-date", world.ana, hired)[1] == f"Ana Example: hire date {hired}.\n"
