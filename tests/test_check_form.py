"""`check-form`: a printed attestation's manifest read back from the PDF and checked against
the signed records. A fresh form matches (exit 0); a record voided or amended since, a manifest
edited or removed, or a form of another database differs (exit 1, each named); a file that is
not one of our forms is refused (exit 2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields, snapshot, tamper
from supervisor_app import clock
from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.reports import render_verification
from supervisor_app.reports.manifest import MANIFEST_NAME, manifest_fingerprint, manifest_totals, qr_text
from supervisor_app.services import attestation, keys, records
from supervisor_app.usecases import signing

DAY = dt.timedelta(days=1)


@dataclasses.dataclass
class Printed:
    world: World
    pdf: Path
    sessions: list[str]
    entry: str


def _sign_hours(world: World) -> tuple[list[str], str]:
    with world.uow() as uow:
        sessions = [
            records.add_session(
                uow,
                **session_fields(
                    world,
                    date=TODAY - (10 - 3 * index) * DAY,
                    format="group" if index == 2 else "individual",
                    supervisee_ids=[world.ana, world.ben] if index == 2 else [world.ana],
                ),
            ).id
            for index in range(3)
        ]
        entry = records.add_experience(uow, **experience_fields(world)).id
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    return sessions, entry


def _attest(world: World, out: Path) -> None:
    code = main(
        [
            "--db",
            str(world.db.path),
            "attest",
            "--supervisee",
            str(world.ana),
            "--supervisor",
            str(world.dana),
        ]
        + ["--out", str(out)]
    )
    assert code == 0


@pytest.fixture
def printed(world: World, tmp_path: Path) -> Printed:
    sessions, entry = _sign_hours(world)
    pdf = tmp_path / "form.pdf"
    _attest(world, pdf)
    return Printed(world, pdf, sessions, entry)


def _check(printed: Printed, capsys: pytest.CaptureFixture[str], pdf: Path | None = None) -> tuple[int, dict]:
    code = main(["--db", str(printed.world.db.path), "--json", "check-form", str(pdf or printed.pdf)])
    out = capsys.readouterr().out
    return code, json.loads(out) if out else {}


def _manifest(pdf: Path) -> dict:
    return json.loads(pypdf.PdfReader(pdf).attachments[MANIFEST_NAME][0])


def _rewrite(pdf: Path, out: Path, manifest: dict | None) -> None:
    """The form with its manifest replaced (or removed), as someone editing the file would."""
    writer = pypdf.PdfWriter(clone_from=pdf)
    del writer._root_object["/Names"]
    if manifest is not None:
        writer.add_attachment(MANIFEST_NAME, json.dumps(manifest).encode())
    with out.open("wb") as handle:
        writer.write(handle)


def test_the_form_carries_a_manifest_of_what_it_attests(printed: Printed) -> None:
    world = printed.world
    with world.uow() as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
    manifest = _manifest(printed.pdf)
    assert manifest["format"] == "supervisor_app/attestation" and manifest["version"] == 1
    assert manifest["serial"] == f"ATT-{clock.today().year:04d}-000001"
    assert manifest["fingerprint"] == data.fingerprint == manifest_fingerprint(manifest["records"])
    assert manifest["supervisee"] == {"id": world.ana, "name": "Ana Example", "icb_id": "A-0"}
    assert manifest["supervisor"]["name"] == "Dana Whitaker"
    with world.uow() as uow:
        key = keys.current_key(uow, world.dana)
        assert key is not None  # she signed: she has a key, and the form names it
        fingerprint = key.fingerprint
    assert manifest["supervisor"]["key_fingerprint"] == fingerprint == data.supervisor_key_fingerprint
    assert sorted(r["id"] for r in manifest["records"]) == sorted([*printed.sessions, printed.entry])
    first = next(r for r in manifest["records"] if r["id"] == printed.sessions[0])
    assert first["kind"] == "session" and first["status"] == "signed"
    assert first["minutes"] == {"advocacy": 30, "mentoring": 30}
    assert len(first["sign"]["content_hash"]) == len(first["sign"]["chain_hash"]) == 64
    assert manifest["totals"]["supervision_minutes"] == data.supervision_minutes == 180
    assert manifest["totals"]["group_minutes"] == 60
    assert manifest["totals"]["experience_minutes"] == data.experience_minutes == 1800


def test_a_freshly_printed_form_matches(printed: Printed, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(printed.world.db)
    code, result = _check(printed, capsys)
    assert code == 0 and result["matches"] is True
    assert result["records_checked"] == 4
    assert result["records"] == result["totals"] == result["edited_after_printing"] == []
    assert main(["--db", str(printed.world.db.path), "check-form", str(printed.pdf)]) == 0
    assert "MATCHES" in capsys.readouterr().out
    assert snapshot(printed.world.db) == before  # checking writes nothing


def test_a_record_voided_since_printing_is_named(
    printed: Printed, capsys: pytest.CaptureFixture[str]
) -> None:
    world, doomed = printed.world, printed.sessions[1]
    with world.uow() as uow:
        signing.void(
            uow, record_id=doomed, reason="Logged twice.", supervisor_id=world.dana, password=PASSWORD
        )
    code, result = _check(printed, capsys)
    assert code == 1 and result["matches"] is False
    assert result["edited_after_printing"] == []
    (difference,) = result["records"]
    assert (difference["id"], difference["reason"]) == (doomed, "voided")
    assert "Logged twice." in difference["message"]
    totals = {t["name"]: (t["on_form"], t["now"]) for t in result["totals"]}
    assert totals["supervision_minutes"] == (180, 120)
    assert totals["sessions"] == (3, 2)
    assert main(["--db", str(world.db.path), "check-form", str(printed.pdf)]) == 1
    text = capsys.readouterr().out
    assert "DIFFERS" in text and f"session {doomed[:8]}" in text and "voided since printing" in text
    assert "supervision hours: 3.00 h on the form, 2.00 h now" in text


def test_a_record_amended_since_printing_is_named(
    printed: Printed, capsys: pytest.CaptureFixture[str]
) -> None:
    world, target = printed.world, printed.entry
    with world.uow() as uow:
        newer = records.amend_record(
            uow, record_id=target, reason="Hours from the timesheet.", allocations={"recovery-support": 1500}
        ).id
        uow.commit()
    code, result = _check(printed, capsys)
    assert code == 0  # an amendment waiting for signature changes nothing yet
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[newer])
    code, result = _check(printed, capsys)
    assert code == 1
    (difference,) = result["records"]
    assert (difference["id"], difference["reason"]) == (target, "amended")
    assert newer[:8] in difference["message"] and "Hours from the timesheet." in difference["message"]
    assert {t["name"] for t in result["totals"]} == {"experience_minutes", "experience_entries"}


def test_a_changed_total_in_the_manifest_is_named_as_an_edit(
    printed: Printed, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    manifest = _manifest(printed.pdf)
    manifest["totals"]["supervision_minutes"] += 600
    edited = tmp_path / "edited.pdf"
    _rewrite(printed.pdf, edited, manifest)
    code, result = _check(printed, capsys, edited)
    assert code == 1
    (edit,) = result["edited_after_printing"]
    assert "states 13.00 supervision hours but its records add up to 3.00 supervision hours" in edit


def test_minutes_changed_in_the_manifest_are_named(
    printed: Printed, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Minutes and totals edited together, so the manifest adds up: the signed record says otherwise.
    manifest = _manifest(printed.pdf)
    record = next(r for r in manifest["records"] if r["id"] == printed.sessions[0])
    record["minutes"]["advocacy"] += 60
    manifest["totals"] = manifest_totals(manifest["records"])
    edited = tmp_path / "edited.pdf"
    _rewrite(printed.pdf, edited, manifest)
    code, result = _check(printed, capsys, edited)
    assert code == 1
    (difference,) = result["records"]
    assert (difference["id"], difference["reason"]) == (printed.sessions[0], "edited")
    assert "advocacy 1.50 h" in difference["message"] and "advocacy 0.50 h" in difference["message"]
    assert {t["name"] for t in result["totals"]} >= {"supervision_minutes", "domains.advocacy"}


def test_a_form_whose_manifest_was_removed_is_named_as_edited(
    printed: Printed, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stripped = tmp_path / "stripped.pdf"
    _rewrite(printed.pdf, stripped, None)
    code, result = _check(printed, capsys, stripped)
    assert code == 1 and result["matches"] is False
    (edit,) = result["edited_after_printing"]
    assert "manifest" in edit and "removed" in edit


def test_files_that_are_not_our_forms_are_refused(
    printed: Printed, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    world = printed.world
    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    other = tmp_path / "other.pdf"
    with other.open("wb") as handle:
        writer.write(handle)
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf at all")
    statement = tmp_path / "statement.pdf"
    assert (
        main(
            ["--db", str(world.db.path), "statement", "--supervisee", str(world.ana), "--out", str(statement)]
        )
        == 0
    )
    capsys.readouterr()
    for path, words in (
        (other, "not an attestation form printed by supervisor_app"),
        (text, "not a PDF that can be read"),
        (statement, "a progress statement, not an attestation form"),
        (tmp_path / "missing.pdf", "Cannot read"),
    ):
        assert main(["--db", str(world.db.path), "check-form", str(path)]) == 2, path
        captured = capsys.readouterr()
        assert words in captured.err and captured.out == ""


def test_a_form_of_another_database_differs(
    printed: Printed, capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_template: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.db"
    shutil.copy(empty_template, elsewhere)
    database = open_database(elsewhere)
    database.close()
    code = main(["--db", str(elsewhere), "--json", "check-form", str(printed.pdf)])
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert {d["reason"] for d in result["records"]} == {"missing"}
    assert len(result["records"]) == 4
    assert any("None of the form's records are in the database" in note for note in result["notes"])


def test_a_record_altered_in_the_file_fails_verification(
    printed: Printed, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(
        printed.world.db.path,
        "UPDATE supervision_session SET topics = 'rewritten' WHERE id = :id",
        id=printed.sessions[2],
    )
    code, result = _check(printed, capsys)
    assert code == 1
    (difference,) = result["records"]
    assert (difference["id"], difference["reason"]) == (printed.sessions[2], "fails verification")


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)
def test_the_qr_code_carries_the_signing_key_and_still_scans(printed: Printed, tmp_path: Path) -> None:
    world = printed.world
    with world.uow() as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
    keyed = dataclasses.replace(data, supervisor_key_fingerprint="9f" * 32)
    pdf = render_verification(keyed, serial="ATT-2026-000042", generated=TODAY, app_version="1.0")
    (tmp_path / "form.pdf").write_bytes(pdf)
    assert (
        json.loads(pypdf.PdfReader(io.BytesIO(pdf)).attachments[MANIFEST_NAME][0])["supervisor"][
            "key_fingerprint"
        ]
        == "9f" * 32
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "form.pdf", "page"], cwd=tmp_path, check=True
    )
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(next(tmp_path.glob("page*.png")))],
        capture_output=True,
        text=True,
        check=True,
    )
    assert decoded.stdout.strip() == qr_text(data.fingerprint, "ATT-2026-000042", "9f" * 32)
    assert decoded.stdout.strip().split("/") == [data.fingerprint.upper(), "ATT-2026-000042", "9F" * 32]


def test_a_statement_printed_in_spanish_is_still_known_as_a_statement(
    printed: Printed, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """check-form tells a statement by its PDF title, which is in the supervisee's language."""
    world = printed.world
    statement = tmp_path / "informe.pdf"
    db = ["--db", str(world.db.path)]
    assert main([*db, "supervisee", "edit", str(world.ana), "--language", "es"]) == 0
    assert main([*db, "statement", "--supervisee", str(world.ana), "--out", str(statement)]) == 0
    assert pypdf.PdfReader(statement).metadata.title.startswith("Informe de progreso")
    capsys.readouterr()
    assert main([*db, "check-form", str(statement)]) == 2
    assert "a progress statement, not an attestation form" in capsys.readouterr().err
