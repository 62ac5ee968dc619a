"""`supervisee edit` and `agency edit` (issue 13): only the options given change, the output
says what changed, bad input exits 2 with a message on stderr and writes nothing, and the
agency's new address and phone print on the next form."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from conftest import PASSWORD, TODAY, session_fields, snapshot
from supervisor_app.cli import main
from supervisor_app.services import people, records
from supervisor_app.usecases import signing

DAY = dt.timedelta(days=1)


@dataclass
class Result:
    code: int
    out: str
    err: str


Cli = Callable[..., Result]


@pytest.fixture
def cli(world, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:  # type: ignore[no-untyped-def]
    """``cli(*argv)`` on the world's database file, in-process."""
    path = world.db.path

    def run(*argv: object) -> Result:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = main(["--db", str(path), *[str(a) for a in argv]])
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return Result(code, out, err)

    return run


def _person(world, supervisee_id: int) -> tuple:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        p = people.get_supervisee(uow, supervisee_id)
        return (p.name, p.credential, p.icb_id, p.position, p.start_date, p.active)


def test_supervisee_edit_changes_only_what_is_given(cli: Cli, world) -> None:  # type: ignore[no-untyped-def]
    start = (TODAY - 700 * DAY).isoformat()
    result = cli("supervisee", "edit", world.ana, "--name", "Ana María Example", "--start", start)
    assert result.code == 0, result.err
    assert result.out.strip() == (
        f"Ana María Example (supervisee {world.ana}): name: 'Ana Example' -> 'Ana María Example'; "
        f"start_date: {(TODAY - 500 * DAY).isoformat()} -> {start}."
    )
    assert _person(world, world.ana) == ("Ana María Example", "CRSS", "A-0", "", TODAY - 700 * DAY, True)
    result = cli("supervisee", "edit", world.ana, "--icb-id", "", "--position", "Recovery Coach", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["id"], data["icb_id"], data["position"], data["start_date"]) == (
        world.ana,
        "",
        "Recovery Coach",
        start,
    )
    result = cli("supervisee", "edit", world.ana, "--start", "")
    assert result.code == 0 and _person(world, world.ana)[4] is None


def test_supervisee_edit_marks_inactive_and_back(cli: Cli, world) -> None:  # type: ignore[no-untyped-def]
    result = cli("supervisee", "edit", world.ben, "--inactive")
    assert result.code == 0, result.err
    assert result.out.strip() == f"Ben Example (supervisee {world.ben}): active: active -> inactive."
    assert _person(world, world.ben)[5] is False
    listed = cli("list", "supervisees")
    assert any(
        line.split()[0] == str(world.ben) and line.endswith("no") for line in listed.out.splitlines()[2:]
    )
    audit = cli("audit", "--supervisee", world.ben, "--json")
    assert json.loads(json.loads(audit.out)[0]["details"])["after"] == {"active": False}
    result = cli("supervisee", "edit", world.ben, "--active", "--position", "Peer Mentor")
    assert result.code == 0, result.err
    assert _person(world, world.ben)[3:] == ("Peer Mentor", TODAY - 500 * DAY, True)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        ([], "Nothing to change: give --name"),
        (["--name", ""], "Supervisee name is required."),
        (["--credential", "XYZ"], "Unknown credential 'XYZ'"),
        (["--icb-id", "A-1"], "ICB ID A-1 is already recorded for Ben Example"),
        (["--start", "03/02/2026"], "is not a date; write it as YYYY-MM-DD"),
        (["--start", (TODAY + DAY).isoformat()], "is in the future"),
        (["--start", (TODAY - DAY).isoformat()], "no record may come before the start date"),
        (["--credential", "CPRS"], "signed records never change"),
        (["--active"], "Ana Example is already active."),
        (["--name", "Ana X", "--inactive", "--active"], "not allowed with argument"),
    ],
)
def test_supervisee_edit_bad_input_exits_2_and_writes_nothing(cli: Cli, world, argv, words) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=TODAY - 3 * DAY))
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    before = snapshot(world.db)
    result = cli("supervisee", "edit", world.ana, *argv)
    assert result.code == 2, result
    assert words in result.err and result.out == ""
    assert snapshot(world.db) == before


def test_a_refused_edit_leaves_an_earlier_part_of_the_same_command_unwritten(cli: Cli, world) -> None:  # type: ignore[no-untyped-def]
    """--name is valid, --active is not (Ana is active): neither is written."""
    before = snapshot(world.db)
    result = cli("supervisee", "edit", world.ana, "--name", "Ana Renamed", "--active")
    assert result.code == 2 and "already active" in result.err
    assert snapshot(world.db) == before


def test_supervisee_edit_of_an_unknown_id_exits_2(cli: Cli, world) -> None:  # type: ignore[no-untyped-def]
    result = cli("supervisee", "edit", "999", "--name", "X")
    assert result.code == 2 and "There is no supervisee with id 999." in result.err


def test_agency_edit_then_the_form_prints_the_new_address_and_phone(cli: Cli, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "agency",
        "edit",
        "--address",
        "100 Example Avenue, Springfield, IL 62701",
        "--phone",
        "(217) 555-0100",
    )
    assert result.code == 0, result.err
    assert result.out.strip().startswith(
        "Prairie Lakes (TEST) (agency 1): address: (none) -> '100 Example Avenue"
    )
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=TODAY - 3 * DAY))
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    out = tmp_path / "form.pdf"
    result = cli("attest", "--supervisee", world.ana, "--supervisor", world.dana, "--out", out)
    assert result.code == 0, result.err
    page = pypdf.PdfReader(out).pages[0].extract_text()
    assert "Prairie Lakes (TEST)" in page
    assert "100 Example Avenue, Springfield, IL 62701" in page
    assert "(217) 555-0100" in page

    result = cli(
        "agency",
        "edit",
        "1",
        "--name",
        "Prairie Lakes Recovery (TEST)",
        "--phone",
        "(217) 555-0199",
        "--json",
    )
    assert json.loads(result.out) == {
        "id": 1,
        "name": "Prairie Lakes Recovery (TEST)",
        "address": "100 Example Avenue, Springfield, IL 62701",
        "phone": "(217) 555-0199",
        "supervisor_kinds": "",
    }
    cli("attest", "--supervisee", world.ana, "--supervisor", world.dana, "--out", out)
    page = pypdf.PdfReader(out).pages[0].extract_text()
    assert "Prairie Lakes Recovery (TEST)" in page and "(217) 555-0199" in page and "555-0100" not in page


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["edit"], "Nothing to change: give --name, --address, --phone or --supervisor-kinds."),
        (["edit", "--name", " "], "Agency name is required."),
        (["edit", "--phone", "ask Dana"], "too few digits for a phone number"),
        (["edit", "7", "--phone", "(217) 555-0100"], "There is no agency with id 7."),
        (["edit", "one", "--phone", "(217) 555-0100"], "Agency id 'one' is not a number."),
    ],
)
def test_agency_edit_bad_input_exits_2_and_writes_nothing(cli: Cli, world, argv, words) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(world.db)
    result = cli("agency", *argv)
    assert result.code == 2, result
    assert words in result.err
    assert snapshot(world.db) == before


def test_agency_edit_needs_the_id_when_there_are_several(cli: Cli, world) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        people.get_or_create_agency(uow, name="Lakeside (TEST)")
        uow.commit()
    before = snapshot(world.db)
    result = cli("agency", "edit", "--phone", "(217) 555-0100")
    assert result.code == 2
    assert (
        "several agencies; give the id of the one to change: 1 (Prairie Lakes (TEST)), 2 (Lakeside (TEST))"
        in result.err
    )
    assert snapshot(world.db) == before
    result = cli("agency", "edit", "2", "--name", "prairie lakes (test)")
    assert result.code == 2 and "Another agency here is already called 'Prairie Lakes (TEST)'" in result.err
    assert snapshot(world.db) == before
