"""Training hours, certificates and confirmation; education and renewal progress (issue 20)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from supervisor_app import storage
from supervisor_app.db import open_database
from supervisor_app.services import person_credentials, training
from supervisor_app.services.auth import WrongPassword
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.training import CertificateFile
from supervisor_app.usecases import backups, transfer
from tests.conftest import PASSWORD, TODAY, World, snapshot, tamper

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40


def add(world: World, who: Person | None = None, **overrides):  # type: ignore[no-untyped-def]
    fields = dict(
        date_from=TODAY - dt.timedelta(days=10),
        date_to=TODAY - dt.timedelta(days=10),
        title="Ethics in peer work",
        provider="Prairie Training",
        delivery="online",
        allocations={"ethics": 360},
    )
    fields.update(overrides)
    with world.uow() as uow:
        entry_id = training.add_training(uow, person=who or Person(supervisee_id=world.ana), **fields)
        uow.commit()
    return entry_id


# ------------------------------------------------------------------------------ profile data

PROFILE_EDUCATION = [
    (
        "CRSS",
        100,
        [
            ("CRSS-specific (the four domains)", 40),
            ("Advocacy", 10),
            ("Professional Responsibility", 10),
            ("Mentoring", 10),
            ("Recovery Support", 10),
            ("Professional ethics", 6),
            ("Core functions", 54),
        ],
    ),
    (
        "CPRS",
        100,
        [
            ("CPRS-specific (the four domains)", 40),
            ("Advocacy", 10),
            ("Mentoring and Education", 10),
            ("Recovery/Wellness Support", 10),
            ("Ethical Responsibility", 10),
            ("Professional ethics", 16),
            ("Core functions", 44),
            ("Core functions: family", 5),
            ("Core functions: youth", 5),
        ],
    ),
    ("CADC", 225, [("Adolescents and their families", 15), ("Women and their families", 15)]),
    ("LCPC", 0, []),
]


@pytest.mark.parametrize(("code", "total", "parts"), PROFILE_EDUCATION)
def test_each_profile_states_its_education_with_sources(code: str, total: int, parts: list) -> None:
    profile = ProfileRegistry.load().get(code)
    assert profile.education.total_hours == total
    assert [(r.label, r.minutes.value // 60) for r in profile.education_requirements] == parts
    assert all(r.minutes.source.strip() for r in profile.education_requirements)


PROFILE_RENEWAL = [
    ("CRSS", 2, 40, [("CRSS-I (the four domains)", 15), ("CRSS-II (core functions)", 25)], 30, 6),
    ("CPRS", 2, 30, [("Ethics", 6)], 30, 6),
    ("CADC", 2, 40, [], 30, None),
    ("LCPC", 2, 30, [("Counseling ethics", 3), ("Sexual harassment prevention", 1)], 7, None),
]


@pytest.mark.parametrize(("code", "years", "ceus", "topics", "every", "hire"), PROFILE_RENEWAL)
def test_each_profile_states_its_renewal_and_due_rules(
    code: str, years: int, ceus: int, topics: list, every: int, hire: int | None
) -> None:
    profile = ProfileRegistry.load().get(code)
    assert profile.renewal is not None
    assert profile.renewal.period_years.value == years
    assert profile.renewal.total_minutes.value == ceus * 60
    assert [(t.label, t.minutes.value // 60) for t in profile.renewal.topics] == topics
    assert all(t.minutes.source for t in profile.renewal.topics)
    assert profile.due.supervision_every_days is not None
    assert profile.due.supervision_every_days.value == every
    assert (profile.due.hire_deadline_months.value if profile.due.hire_deadline_months else None) == hire


BAD_PROFILE_PARTS = [
    ('[[education_requirements]]\nlabel = "X"\nareas = ["nowhere"]\nhours = { value = 1, source = "s" }\n',
     "education_requirements[0].areas: 'nowhere' is neither a domain nor a training area of this profile"),
    ('[[training_areas]]\ncode = "advocacy"\nlabel = "Again"\n',
     "training_areas[0].code: 'advocacy' is already a domain or training area"),
    ('[[renewal_requirements]]\nlabel = "X"\nareas = ["advocacy"]\nhours = { value = 1, source = "s" }\n',
     "renewal_requirements: needs a [renewal] table with period_years and ceu_hours"),
    ('[due]\nsupervision_every_days = { value = 0, source = "s" }\n',
     "due.supervision_every_days.value: must be at least 1"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "message"), BAD_PROFILE_PARTS)
def test_a_bad_training_section_is_refused_naming_the_key(tmp_path: Path, extra: str, message: str) -> None:
    from supervisor_app.services.profile_registry import shipped_profiles_dir
    from supervisor_app.services.profiles import ProfileError, load_profile

    text = (shipped_profiles_dir() / "crss.toml").read_text(encoding="utf-8")
    text = text.split("# Training (issue 20)")[0] + extra
    path = tmp_path / "crss.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert str(info.value) == f"{path}: {message}"


# ------------------------------------------------------------------------------ bad input

BAD_TRAINING = [
    (dict(title="  "), "title", "Title is required."),
    (dict(date_from="2025-13-01"), "date_from", "Start date '2025-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02."),
    (dict(date_to=TODAY - dt.timedelta(days=11)), "date_to",
     f"End date {(TODAY - dt.timedelta(days=11)).isoformat()} is before the start date {(TODAY - dt.timedelta(days=10)).isoformat()}."),
    (dict(date_from=TODAY, date_to=TODAY + dt.timedelta(days=1)), "date_to",
     f"End date {(TODAY + dt.timedelta(days=1)).isoformat()} is in the future; record a training once it has taken place."),
    (dict(delivery="by post"), "delivery", "Delivery 'by post' is not one of: in-person, online."),
    (dict(allocations={}), "areas", "Give the hours of at least one topic area."),
    (dict(allocations={"aoda": 60}), "areas",
     "'aoda' is not a topic area here; use one of: advocacy, professional-responsibility, mentoring, recovery-support, ethics, core-functions."),
    (dict(allocations={"ethics": 13 * 60}), "areas",
     "13.00 hours over 1 day is more than 12 hours a day; check the hours and the dates."),
]  # fmt: skip


@pytest.mark.parametrize(("overrides", "field", "message"), BAD_TRAINING)
def test_bad_training_is_refused_with_its_reason_and_nothing_changes(
    world: World, overrides: dict, field: str, message: str
) -> None:
    before = snapshot(world.db)
    with pytest.raises(DomainError) as info:
        add(world, **overrides)
    assert (info.value.field, info.value.message) == (field, message)
    assert snapshot(world.db) == before


BAD_CERTIFICATES = [
    (b"", "scan.pdf is empty; choose the certificate file itself."),
    (b"GIF89a....", "scan.pdf is not a PDF, PNG or JPEG file; save the certificate as one of those."),
    (b"%PDF-" + b"x" * (5 * 1024 * 1024),
     "scan.pdf is 5.0 MB; a certificate may be at most 5 MB. Scan it at a lower resolution or save it as a smaller PDF."),
]  # fmt: skip


@pytest.mark.parametrize(("data", "message"), BAD_CERTIFICATES)
def test_a_bad_certificate_is_refused_and_nothing_changes(world: World, data: bytes, message: str) -> None:
    before = snapshot(world.db)
    with pytest.raises(DomainError) as info:
        add(world, certificate=CertificateFile("scan.pdf", data))
    assert info.value.message == message
    assert snapshot(world.db) == before


def test_a_too_large_certificate_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    with path.open("wb") as handle:
        handle.truncate(12 * 1024 * 1024)
    with pytest.raises(DomainError, match=r"^big.png is 12.0 MB; a certificate may be at most 5 MB\."):
        training.read_certificate_file(path)


# ------------------------------------------------------------------------------ progress

EDUCATION_CASES = [
    ("nothing yet", [], [
        "Education needs 100.00 more education hours (0.00 of 100.00).",
        "CRSS-specific (the four domains) needs 40.00 more education hours (0.00 of 40.00).",
        "Advocacy needs 10.00 more education hours (0.00 of 10.00).",
        "Professional Responsibility needs 10.00 more education hours (0.00 of 10.00).",
        "Mentoring needs 10.00 more education hours (0.00 of 10.00).",
        "Recovery Support needs 10.00 more education hours (0.00 of 10.00).",
        "Professional ethics needs 6.00 more education hours (0.00 of 6.00).",
        "Core functions needs 54.00 more education hours (0.00 of 54.00).",
    ]),
    ("one domain lagging", [
        {"advocacy": 450, "professional-responsibility": 600, "mentoring": 600, "recovery-support": 600},
        {"ethics": 360, "core-functions": 54 * 60},
    ], [
        "Education needs 2.50 more education hours (97.50 of 100.00).",
        "CRSS-specific (the four domains) needs 2.50 more education hours (37.50 of 40.00).",
        "Advocacy needs 2.50 more education hours (7.50 of 10.00).",
    ]),
    ("all met", [
        {"advocacy": 600, "professional-responsibility": 600, "mentoring": 600, "recovery-support": 1200},
        {"ethics": 360, "core-functions": 54 * 60},
    ], []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "entries", "missing"), EDUCATION_CASES)
def test_education_progress_says_what_is_missing(
    world: World, case: str, entries: list, missing: list
) -> None:
    for index, allocations in enumerate(entries):
        day = TODAY - dt.timedelta(days=40 + 5 * index)
        add(world, allocations=allocations, date_from=day - dt.timedelta(days=9), date_to=day)
    with world.uow() as uow:
        rows = training.list_training(uow, person=Person(supervisee_id=world.ana))
        progress = training.education_progress(uow.db.profiles.get("CRSS"), rows)
    assert progress.missing == missing
    if entries:
        assert progress.notes == [
            f"{progress.done_minutes / 60:.2f} of these hours are self-reported (not confirmed by a supervisor)."
        ]


def test_lcpc_counts_no_education_hours() -> None:
    progress = training.education_progress(ProfileRegistry.load().get("LCPC"), [])
    assert progress.missing == []
    assert progress.notes[0].startswith(
        "No education hours are counted for the LCPC: Master's or doctoral degree"
    )


RENEWAL_CASES = [
    ("short, and training before the period does not count", [(800, {"core-functions": 600})], [
        "CRSS renewal needs 40.00 more CEU hours (0.00 of 40.00).",
        "CRSS-I (the four domains) needs 15.00 more CEU hours (0.00 of 15.00).",
        "CRSS-II (core functions) needs 25.00 more CEU hours (0.00 of 25.00).",
    ]),
    ("core functions short", [(100, {"advocacy": 900, "core-functions": 1200}), (30, {"ethics": 600})], [
        "CRSS-II (core functions) needs 5.00 more CEU hours (20.00 of 25.00).",
    ]),
    ("total and CRSS-I short", [(100, {"advocacy": 600, "core-functions": 1500})], [
        "CRSS renewal needs 5.00 more CEU hours (35.00 of 40.00).",
        "CRSS-I (the four domains) needs 5.00 more CEU hours (10.00 of 15.00).",
    ]),
    ("met", [(100, {"advocacy": 900, "core-functions": 1500})], []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "entries", "missing"), RENEWAL_CASES)
def test_renewal_progress_counts_the_period_before_expiry(
    world: World, case: str, entries: list, missing: list
) -> None:
    dana = Person(supervisor_id=world.dana)
    expires = TODAY + dt.timedelta(days=20)
    for days_ago, allocations in entries:
        day = TODAY - dt.timedelta(days=days_ago)
        add(world, dana, allocations=allocations, date_from=day - dt.timedelta(days=4), date_to=day)
    with world.uow() as uow:
        progress = training.renewal_progress(
            uow.db.profiles.get("CRSS"),
            kind="CRSS",
            expires_on=expires,
            rows=training.list_training(uow, person=dana),
        )
    assert progress is not None
    assert progress.period == (expires.replace(year=expires.year - 2) + dt.timedelta(days=1), expires)
    assert progress.missing == missing


# ------------------------------------------------------------------------------ confirmation


def test_a_supervisor_confirms_a_training_with_their_key(world: World) -> None:
    entry_id = add(world, certificate=CertificateFile("ethics.pdf", PDF))
    with world.uow() as uow:
        training.confirm_training(uow, entry_id=entry_id, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()
    with world.uow() as uow:
        [row] = training.list_training(uow, person=Person(supervisee_id=world.ana))
        assert (row.status, row.confirmed_by, row.certificate) == ("confirmed", "Dana Whitaker", "ethics.pdf")
        assert training.check_confirmations(uow) == []
        with pytest.raises(
            DomainError, match="was confirmed by a supervisor; a confirmed entry cannot be changed"
        ):
            training.edit_training(
                uow, entry_id=entry_id, date_from=TODAY, title="X", allocations={"ethics": 60}
            )
        with pytest.raises(DomainError, match="cannot be deleted"):
            training.delete_training(uow, entry_id=entry_id)
        with pytest.raises(DomainError, match="cannot be given another certificate"):
            training.attach_certificate(uow, entry_id=entry_id, certificate=CertificateFile("b.png", PNG))
    conn = sqlite3.connect(world.db.path)
    with pytest.raises(sqlite3.IntegrityError, match="a confirmed training entry never changes"):
        conn.execute("UPDATE training_entry SET title = 'Other'")
    with pytest.raises(sqlite3.IntegrityError, match="a confirmed training entry never changes"):
        conn.execute("UPDATE training_certificate SET data = x'00'")
    conn.close()


def test_a_changed_confirmed_training_is_named(world: World) -> None:
    entry_id = add(world, certificate=CertificateFile("ethics.pdf", PDF))
    with world.uow() as uow:
        training.confirm_training(uow, entry_id=entry_id, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()
    tamper(world.db.path, "UPDATE training_allocation SET minutes = 600")
    with world.uow() as uow:
        [row] = training.list_training(uow, person=Person(supervisee_id=world.ana))
        problems = training.check_confirmations(uow)
    assert row.status == "confirmation does not match"
    assert problems == [f"training {entry_id[:8]} (Ethics in peer work) was changed after it was confirmed"]
    from supervisor_app.services import signoff

    with world.uow() as uow:
        report = signoff.verify(uow)
    assert not report.ok
    assert [(p.record_id, p.message, p.kind) for p in report.problems] == [
        (entry_id, problems[0], "training")
    ]


REFUSED_CONFIRMATIONS = [
    ("rafael", "Ana Example's supervisor of record confirms their training; you are not."),
    ("own", "A supervisor's own training is their own record; only a supervisee's training is confirmed."),
]


@pytest.mark.parametrize(("case", "message"), REFUSED_CONFIRMATIONS)
def test_a_confirmation_out_of_place_is_refused(world: World, case: str, message: str) -> None:
    who = Person(supervisor_id=world.dana) if case == "own" else None
    entry_id = add(world, who)
    signer = world.rafael if case == "rafael" else world.dana
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError) as info:
        training.confirm_training(uow, entry_id=entry_id, supervisor_id=signer, password=PASSWORD)
    assert info.value.message == message
    assert snapshot(world.db) == before


def test_a_wrong_password_confirms_nothing(world: World) -> None:
    entry_id = add(world)
    with world.uow() as uow, pytest.raises(WrongPassword):
        training.confirm_training(uow, entry_id=entry_id, supervisor_id=world.dana, password="wrong")
    with world.uow() as uow:
        assert (
            training.list_training(uow, person=Person(supervisee_id=world.ana))[0].status == "self-reported"
        )


# ------------------------------------------------------------------------------ credentials

BAD_CREDENTIALS = [
    (dict(kind=""), "kind", "Credential is required."),
    (dict(issued_on=TODAY + dt.timedelta(days=1)), "issued_on",
     f"Issue date {(TODAY + dt.timedelta(days=1)).isoformat()} is in the future; enter the date the credential was issued."),
    (dict(issued_on="2025-05-01", expires_on="2025-04-30"), "expires_on",
     "Expiry date 2025-04-30 is before the issue date 2025-05-01."),
    (dict(expires_on="30/04/2027"), "expires_on",
     "Expiry date '30/04/2027' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02."),
]  # fmt: skip


@pytest.mark.parametrize(("overrides", "field", "message"), BAD_CREDENTIALS)
def test_a_bad_credential_is_refused_and_nothing_changes(
    world: World, overrides: dict, field: str, message: str
) -> None:
    before = snapshot(world.db)
    values = dict(kind="crss", number="7788", issued_on="2025-01-01", expires_on="2027-01-01")
    values.update(overrides)
    with world.uow() as uow, pytest.raises(DomainError) as info:
        person_credentials.add_credential(uow, person=Person(supervisor_id=world.dana), **values)
    assert (info.value.field, info.value.message) == (field, message)
    assert snapshot(world.db) == before


def test_credentials_held_on_a_day(world: World) -> None:
    with world.uow() as uow:
        person_credentials.add_credential(
            uow, person=Person(supervisor_id=world.dana), kind="lcpc", number="180.1", issued_on="2020-01-01",
            expires_on="2025-03-31",
        )  # fmt: skip
        uow.commit()
        # (The world's supervisors hold a qualifying credential too.)
        [row] = [
            r for r in person_credentials.list_credentials(uow, person=Person(supervisor_id=world.dana))
            if r.kind == "LCPC"
        ]  # fmt: skip
        assert (row.kind, row.board) == (
            "LCPC",
            "Illinois Department of Financial and Professional Regulation (IDFPR)",
        )
        assert row.id in [
            r.id for r in person_credentials.held_on(uow, supervisor_id=world.dana, day=dt.date(2025, 3, 31))
        ]
        assert row.id not in [
            r.id for r in person_credentials.held_on(uow, supervisor_id=world.dana, day=dt.date(2025, 4, 1))
        ]


# ------------------------------------------------------------------------------ round trips


def test_a_certificate_survives_backup_restore_and_export(world: World, tmp_path: Path) -> None:
    data = PDF + b"%" + bytes(range(256)) * 40
    entry_id = add(world, certificate=CertificateFile("Ethics – Núñez.pdf", data))
    path = world.db.path
    taken = storage.backup_file(path, reason="manual")
    with world.uow() as uow:
        training.remove_certificate(uow, entry_id=entry_id)
        uow.commit()
        assert training.certificate(uow, entry_id) is None
    world.db.close()
    backups.restore(path, taken)
    restored = open_database(path)
    try:
        with restored.uow() as uow:
            cert = training.certificate(uow, entry_id)
            assert cert is not None
            assert (cert.filename, cert.media_type, cert.data) == (
                "Ethics – Núñez.pdf",
                "application/pdf",
                data,
            )
        transfer.export_archive(restored, "test", tmp_path / "all.json", as_json=True)
        transfer.export_archive(restored, "test", tmp_path / "csv")
    finally:
        restored.close()
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    [row] = document["tables"]["training_certificate"]
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    import base64

    assert base64.b64decode(row["data"].removeprefix("base64:")) == data
    text = (tmp_path / "csv" / "training_certificate.csv").read_text(encoding="utf-8-sig")
    assert "base64:" + base64.b64encode(data).decode() in text


# ------------------------------------------------------------------------------ printed


def _pdf_text(pdf: bytes) -> str:
    import io

    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_statement_prints_education_and_the_board_form_does_not(world: World) -> None:
    from supervisor_app.reports import render_statement, render_verification
    from supervisor_app.services import attestation, records
    from supervisor_app.usecases import signing
    from tests.conftest import session_fields

    add(world, allocations={"ethics": 360, "core-functions": 600}, date_from=TODAY - dt.timedelta(days=12))
    with world.uow() as uow:
        session = records.add_session(uow, **session_fields(world))
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[session.id])
        data = attestation.prepare_statement(uow, supervisee_id=world.ana)
        assert data.education == (960, 6000, 960)
        assert data.education_missing[0] == "Education needs 84.00 more education hours (16.00 of 100.00)."
        statement = _pdf_text(render_statement(data, generated=TODAY, app_version="t"))
        form = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
        board = _pdf_text(render_verification(form, serial="ATT-TEST", generated=TODAY, app_version="t"))
    assert "EDUCATION (TRAINING HOURS)" in statement
    assert "16.00 of 100.00 h of education recorded; 16.00 h of them self-reported" in " ".join(
        statement.split()
    )
    assert "EDUCATION (TRAINING HOURS)" not in board and "education recorded" not in " ".join(board.split())
