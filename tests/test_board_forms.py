"""What each board receives: every profile's form read back as text (its board's labels, no
"verify" wording), the agency notes only on request, one counted figure on the form, the
statement and ``progress --json``, a two-page summary before the session log, and a PDF
that fits an upload portal (PDF/A-3b marks, every font embedded, no encryption)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import board_worlds
import pypdf
import pytest

from conftest import TODAY
from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.reports import render_statement, render_verification
from supervisor_app.reports.data import VerificationData
from supervisor_app.reports.manifest import MANIFEST_NAME
from supervisor_app.services import attestation
from supervisor_app.services.people import get_supervisee
from supervisor_app.services.progress import compute_progress
from supervisor_app.units import hours

DOUBTS = re.compile(r"verify|not confirmed|confirm with|unconfirmed|to be confirmed", re.IGNORECASE)


@dataclass(frozen=True)
class Printed:
    code: str
    data: VerificationData
    pdf: bytes
    with_notes: bytes
    pages: list[str]  # the text of each page of the form without notes

    @property
    def form_text(self) -> str:
        return "\n".join(self.pages)


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def agency(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo agency with an LCPC counselor and a Rule 132 practicum student added."""
    path = tmp_path_factory.mktemp("boards") / "boards.db"
    shutil.copy(demo_template, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPERVISOR_APP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
        db = open_database(path)
        try:
            board_worlds.build(db, "LCPC", today=TODAY)
            board_worlds.build(db, "QMHP", today=TODAY, weeks=40)
        finally:
            db.close()
    return path


@pytest.fixture(scope="module")
def printed(agency: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """One form per profile: the first supervisee (by id) of each credential."""
    found: dict[str, Printed] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPERVISOR_APP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
        db = open_database(agency)
        try:
            with db.uow("test") as uow:
                from supervisor_app.models import Supervisee

                for supervisee in uow.session.query(Supervisee).order_by(Supervisee.id):
                    if supervisee.credential in found or supervisee.supervisor_id is None:
                        continue
                    try:
                        data = attestation.prepare_verification(
                            uow,
                            supervisee_id=supervisee.id,
                            supervisor_id=supervisee.supervisor_id,
                            signed_only=True,
                            today=TODAY,
                        )
                    except Exception:  # noqa: BLE001 (no signed session yet: the next one)
                        continue
                    pdf = render_verification(
                        data, serial="ATT-2026-000007", generated=TODAY, app_version="1.0"
                    )
                    notes = render_verification(
                        data, serial="ATT-2026-000007", generated=TODAY, app_version="1.0", with_notes=True
                    )
                    found[supervisee.credential] = Printed(
                        supervisee.credential, data, pdf, notes, _text(pdf)
                    )
        finally:
            db.close()
    assert set(found) == {"CRSS", "CPRS", "CADC", "LCPC", "QMHP"}
    return found


# --------------------------------------------------------------------------------------------
# The form goes to the board; our doubts do not

CODES = ["CRSS", "CPRS", "CADC", "LCPC", "QMHP"]


@pytest.mark.parametrize("code", CODES)
def test_no_doubt_is_printed_on_the_form(printed: dict[str, Printed], code: str) -> None:
    form = printed[code]
    assert not DOUBTS.search(form.form_text), DOUBTS.search(form.form_text)
    for note in form.data.verify_notes:
        assert note[:40] not in form.form_text


@pytest.mark.parametrize("code", CODES)
def test_the_agency_notes_come_only_when_asked_after_the_form(printed: dict[str, Printed], code: str) -> None:
    form = printed[code]
    pages = _text(form.with_notes)
    assert len(pages) > len(form.pages)
    notes = " ".join(" ".join(pages[len(form.pages) :]).split())
    assert "AGENCY NOTES: NOT PART OF THE FORM SENT TO THE BOARD" in notes
    assert "Remove these pages before the form is uploaded" in notes
    for source in form.data.profile_sources:
        assert " ".join(source.split())[:60] in notes
    for note in form.data.verify_notes:
        assert " ".join(note.split())[:60] in notes
    if any(verify for _n, _s, verify in form.data.rule_sources):
        assert "(verify with the board)" in notes
    # The pages before the notes are the form as the board gets it, page for page.
    for plain, noted in zip(form.pages, pages, strict=False):
        assert re.sub(r"Page \d+ of \d+", "", plain) == re.sub(r"Page \d+ of \d+", "", noted)


# --------------------------------------------------------------------------------------------
# Each board's own words

LABELS = {
    "CRSS": [
        "Credential applied for: Certified Recovery Support Specialist (CRSS)",
        "ICB applicant/ID no.",
        "ICB certification no.",
        "Performance domain",
        "SUPERVISED WORK EXPERIENCE",
        "51% recovery support duties",
    ],
    "CPRS": ["ICB applicant/ID no.", "Performance domain", "SUPERVISED PEER RECOVERY EXPERIENCE"],
    "CADC": [
        "Certification applied for: Certified Alcohol and Other Drug Counselor (CADC)",
        "Core function",
        "Screening",
        "SUPERVISED AODA WORK EXPERIENCE",
    ],
    "LCPC": [
        "License applied for: Licensed Clinical Professional Counselor (LCPC)",
        "68 Ill. Adm. Code 1375.130",
        "LPC license no.",
        "License type and no.",
        "License expires",
        "SUPERVISED PROFESSIONAL EXPERIENCE",
        "Direct face-to-face service",
        "including the hours of direct face-to-face service",
    ],
    "QMHP": [
        "RULE 132 PRACTICUM",
        "59 Ill. Adm. Code 132",
        "CANDIDATE",
        "SUPERVISING QMHP",
        "SUPERVISED PRACTICUM",
        "Direct mental health services",
        "Candidate signature",
    ],
}
NOT_THEIRS = {
    "CRSS": ["LPC license no.", "Core function"],
    "CPRS": ["LPC license no.", "Core function"],
    "CADC": ["Performance domain", "51% recovery support"],
    "LCPC": ["ICB", "Performance domain", "51% recovery support", "Paid", "Volunteer"],
    "QMHP": ["ICB", "Performance domain", "51% recovery support"],
}


@pytest.mark.parametrize("code", CODES)
def test_each_form_speaks_its_boards_words(printed: dict[str, Printed], code: str) -> None:
    form = printed[code]
    summary = " ".join(" ".join(form.pages[:2]).split())
    for label in LABELS[code]:
        assert label in summary, (code, label)
    for label in NOT_THEIRS[code]:
        assert label not in summary, (code, label)
    # Dates labelled plainly; the supervisor reachable.
    assert "Employment start date" in summary
    assert (
        f"Supervision from {form.data.first_session.isoformat()} to {form.data.last_session.isoformat()}"
        in summary
    )
    assert "Phone" in summary and "Email" in summary
    if form.data.supervisor_phone:
        assert form.data.supervisor_phone in summary
    if form.data.supervisor_email:
        assert form.data.supervisor_email in summary


def test_the_lcpc_form_prints_the_direct_service_total_and_the_license(printed: dict[str, Printed]) -> None:
    form = printed["LCPC"]
    page1 = " ".join(form.pages[0].split())
    direct = dict((code, minutes) for code, _label, minutes in form.data.experience_domains)["direct-service"]
    assert f"Direct face-to-face service {hours(direct)}" in page1
    assert "License type and no. LCPC 180.004417" in page1
    assert "License expires 2027-03-31" in page1
    assert "dana.whitaker@example.org" in page1 and "(217) 555-0142" in page1
    summary = " ".join(form.pages[1].split())
    assert "1,920.00 h required over the whole experience" in summary
    assert "Weeks of the experience with at least 1.00 h of supervision:" in summary
    assert "Weeks short of it:" in summary


def test_an_unlicensed_supervisor_gets_no_empty_license_line(printed: dict[str, Printed]) -> None:
    form = printed["CADC"]  # Rafael Ortiz: CADC, CRSS, no license on record
    assert not form.data.supervisor_license_number
    assert "License type and no." not in form.pages[0]
    assert "License expires" not in form.pages[0]


# --------------------------------------------------------------------------------------------
# One counted figure everywhere


def test_the_counted_figure_is_the_same_on_form_statement_and_json(
    agency: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(agency)
    compared = 0
    try:
        with db.uow("test") as uow:
            from supervisor_app.models import Supervisee

            people = [(s.id, s.supervisor_id) for s in uow.session.query(Supervisee).order_by(Supervisee.id)]
            for supervisee_id, supervisor_id in people:
                try:
                    form = attestation.prepare_verification(
                        uow,
                        supervisee_id=supervisee_id,
                        supervisor_id=supervisor_id,
                        signed_only=True,
                        today=TODAY,
                    )
                except Exception:  # noqa: BLE001 (nothing signed yet)
                    assert compute_progress(uow, supervisee_id=supervisee_id).sessions_signed == 0
                    continue
                statement = attestation.prepare_statement(uow, supervisee_id=supervisee_id, today=TODAY)
                capsys.readouterr()
                assert (
                    main(["--db", str(agency), "--json", "progress", "--supervisee", str(supervisee_id)]) == 0
                )
                data = json.loads(capsys.readouterr().out)
                name = get_supervisee(uow, supervisee_id).name
                assert (
                    form.counted_supervision_minutes
                    == statement.supervision.counted_minutes
                    == data["supervision"]["counted_minutes"]
                ), name
                assert (
                    form.counted_experience_minutes
                    == statement.experience.counted_minutes
                    == data["experience"]["counted_minutes"]
                ), name
                # Where signed and counted differ, each says why, in the same words.
                if data["supervision"]["counted_minutes"] != data["supervision"]["signed_minutes"]:
                    assert form.counted_reasons[0] in data["notes"]
                    assert form.counted_reasons[0] in statement.supervision_reasons
                compared += 1
    finally:
        db.close()
    assert compared >= 20


@pytest.fixture(scope="module")
def lcpc_statement(agency: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPERVISOR_APP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
        db = open_database(agency)
        try:
            with db.uow("test") as uow:
                from supervisor_app.models import Supervisee

                lcpc = (
                    uow.session.query(Supervisee).filter_by(credential="LCPC").order_by(Supervisee.id).first()
                )
                assert lcpc is not None
                data = attestation.prepare_statement(uow, supervisee_id=lcpc.id, today=TODAY)
                return render_statement(data, generated=TODAY, app_version="1.0")
        finally:
            db.close()


def test_signed_and_counted_side_by_side_with_the_reason(
    printed: dict[str, Printed], lcpc_statement: bytes
) -> None:
    form = printed["LCPC"]  # over 1,680 h in its first year
    data = form.data
    assert data.counted_experience_minutes < data.experience_minutes
    page1 = " ".join(form.pages[0].split())
    assert (
        f"Counted toward the requirement: {hours(data.counted_experience_minutes)} h of the "
        f"{hours(data.experience_minutes)} h signed" in page1
    )
    summary = " ".join(form.pages[1].split())
    assert (
        f"Experience: {hours(data.experience_minutes)} h signed, {hours(data.counted_experience_minutes)} h counted."
        in summary
    )
    assert "over the 1,680.00 hours one year of the experience counts" in summary
    statement = " ".join(" ".join(_text(lcpc_statement)).split())
    assert (
        f"Signed {hours(data.experience_minutes)} h; counted {hours(data.counted_experience_minutes)} h."
        in statement
    )
    assert "over the 1,680.00 hours one year of the experience counts" in statement


# --------------------------------------------------------------------------------------------
# The form fits an upload


@pytest.mark.parametrize("code", CODES)
def test_a_two_page_summary_stands_before_the_session_log(printed: dict[str, Printed], code: str) -> None:
    form = printed[code]
    assert "SUMMARY, CONTINUED" in form.pages[1]
    assert "RECORD FINGERPRINT" in form.pages[1] and form.data.fingerprint_groups in form.pages[1]
    assert "SUPERVISION BY MONTH" in form.pages[1]
    for page in form.pages[:2]:
        assert "SESSION LOG" not in page and "Page subtotal" not in page
    assert form.pages[2].startswith("SESSION LOG")
    total = sum(i + g for _m, i, g in form.data.monthly)
    assert total == form.data.supervision_minutes


@pytest.mark.parametrize("code", CODES)
def test_the_pdf_is_archival(printed: dict[str, Printed], code: str, tmp_path: Path) -> None:
    pdf = printed[code].with_notes
    assert pdf.startswith(b"%PDF-1.7\n%")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert not reader.is_encrypted and "/Encrypt" not in reader.trailer
    assert reader.trailer["/ID"]
    root = reader.trailer["/Root"]
    metadata = root["/Metadata"].get_object()
    assert "/Filter" not in metadata  # readable as is
    xmp = metadata.get_data().decode("utf-8")
    assert "<pdfaid:part>3</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert reader.metadata.title in xmp.replace("&amp;", "&") and reader.metadata.creator in xmp
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object().get_data()[36:40] == b"acsp"  # an ICC profile
    spec = root["/AF"][0].get_object()
    assert spec["/AFRelationship"] == "/Data" and spec["/F"] == MANIFEST_NAME
    assert root["/Lang"] == "en-US"
    for page in reader.pages:  # every font embedded
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font
    if shutil.which("pdffonts"):
        (tmp_path / "form.pdf").write_bytes(pdf)
        rows = subprocess.run(
            ["pdffonts", str(tmp_path / "form.pdf")], capture_output=True, text=True, check=True
        )
        for row in rows.stdout.splitlines()[2:]:
            assert " yes yes yes " in row, row


@pytest.mark.parametrize(
    ("code", "kind", "label", "expires_label"),
    [
        ("QMHP", "QMHP", "QMHP qualification", "Qualification expires"),
        ("LCPC", "LCSW", "Qualifying license and no.", "License expires"),
    ],
)
def test_the_qualifying_credential_is_named_in_the_boards_words(  # type: ignore[no-untyped-def]
    code, kind, label, expires_label, demo_template: Path, tmp_path: Path, monkeypatch
) -> None:
    """A recorded qualifying credential that is not the license already printed gets a line
    of its own, labelled in the board's words, not ICB's "Qualifying credential"."""
    from supervisor_app.services import person_credentials

    monkeypatch.setenv("SUPERVISOR_APP_DATA_DIR", str(tmp_path / "userdata"))
    path = tmp_path / "boards.db"
    shutil.copy(demo_template, path)
    db = open_database(path)
    try:
        world = board_worlds.build(db, code, today=TODAY, weeks=12)
        with db.uow("test") as uow:
            person_credentials.add_credential(
                uow,
                person=person_credentials.Person(supervisor_id=world.supervisor),
                kind=kind,
                number="Q-0077",
                expires_on=dt.date(2027, 6, 30),
                today=TODAY,
            )
            uow.commit()
        with db.uow("test") as uow:
            data = attestation.prepare_verification(
                uow,
                supervisee_id=world.supervisee,
                supervisor_id=world.supervisor,
                signed_only=True,
                today=TODAY,
            )
        page1 = " ".join(
            _text(render_verification(data, serial="ATT-2026-000008", generated=TODAY, app_version="1.0"))[
                0
            ].split()
        )
    finally:
        db.close()
    assert f"{label} {kind} Q-0077" in page1
    assert f"{expires_label} 2027-06-30" in page1
    assert "Qualifying credential" not in page1
