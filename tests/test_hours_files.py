"""Hours files: a supervisee's signed records travel between databases and stay signed by their
original supervisor. Real SQLite files, real signing with keys; no mocks.

The round trip: Dana (Prairie Lakes) supervises Ana; Ana moves to Lakeshore, whose database
imports her first hours file before Mei records and signs her new hours; both databases give
Ana an hours file; a third database and Ana's own read-only view add them up.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_helpers import days_ago, experience
from sync_helpers import sign as _sign

from conftest import PASSWORD, TODAY, snapshot, tamper
from supervisor_app.db import Database, open_database
from supervisor_app.models import Supervisor
from supervisor_app.services import hours_files, people, records, signoff
from supervisor_app.services.errors import DomainError
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing


@dataclass
class Place:
    db: Database
    supervisor: int
    ana: int
    ben: int | None = None

    def uow(self, actor: str = "test"):  # type: ignore[no-untyped-def]
        return self.db.uow(actor)


def _open(tmp_path: Path, _template: Path, name: str) -> Database:
    """A new database of its own (not a copy of the template: a copy would share its chain id)."""
    return open_database(tmp_path / f"{name}.db")


def _session(
    place: Place, day: int, minutes: int, *, who: list[int] | None = None, fmt: str = "individual"
) -> str:
    half = minutes // 2
    with place.uow() as uow:
        row = records.add_session(
            uow,
            supervisor_id=place.supervisor,
            supervisee_ids=who or [place.ana],
            date=days_ago(day),
            start="10:00",
            minutes=minutes,
            format=fmt,
            modality="in-person",
            allocations={"advocacy": half, "mentoring": minutes - half},
            topics="Boundaries",
        )
        uow.commit()
        return row.id


def _experience(place: Place, start: int, minutes: int) -> str:
    return experience(place, place.ana, start, minutes)


def _totals(db: Database, supervisee_id: int) -> tuple[int, int]:
    with db.uow() as uow:
        progress = compute_progress(uow, supervisee_id=supervisee_id)
    return progress.supervision.signed_minutes, progress.experience.signed_minutes


@pytest.fixture
def first(tmp_path: Path, empty_template: Path) -> Place:
    """Prairie Lakes: Dana signs Ana's sessions (one a group with Ben), an experience entry,
    an amendment (60 -> 45 minutes) and a void."""
    db = _open(tmp_path, empty_template, "prairie")
    with db.uow() as uow:
        dana = people.add_supervisor(
            uow, name="Dana Whitaker", credentials="CRSS", agency="Prairie Lakes (TEST)", password=PASSWORD
        )
        ana = people.add_supervisee(
            uow,
            name="Ana Example",
            credential="CRSS",
            icb_id="A-1",
            start_date=days_ago(500),
            supervisor_id=dana.id,
        )
        ben = people.add_supervisee(
            uow, name="Ben Example", credential="CRSS", start_date=days_ago(500), supervisor_id=dana.id
        )
        uow.commit()
    place = Place(db, dana.id, ana.id, ben.id)
    s1 = _session(place, 300, 60)
    _session(place, 290, 90, who=[ana.id, ben.id], fmt="group")
    _experience(place, 280, 1800)
    e2 = _experience(place, 260, 600)
    _sign(place)
    with place.uow() as uow:
        records.amend_record(
            uow, record_id=s1, reason="It was 45 minutes", minutes=45, allocations={"advocacy": 45}
        )
        uow.commit()
    _sign(place)
    with place.uow() as uow:
        signing.void(uow, record_id=e2, reason="Entered twice", supervisor_id=dana.id, password=PASSWORD)
    yield place
    db.close()


# Ana at Prairie Lakes: sessions 45 (amended from 60) + 90 (group); experience 1,800 (600 voided).
FIRST_SUPERVISION, FIRST_EXPERIENCE = 135, 1800
# At Lakeshore: sessions 60 + 30; experience 900.
SECOND_SUPERVISION, SECOND_EXPERIENCE = 90, 900


@pytest.fixture
def second(tmp_path: Path, empty_template: Path, first: Place) -> tuple[Place, Path, Path]:
    """Lakeshore imports Ana's Prairie Lakes file, then Mei signs her new hours; both
    databases give Ana an hours file. Returns (Lakeshore, first file, second file)."""
    file1 = tmp_path / "ana-prairie.hours"
    with first.uow() as uow:
        written = hours_files.write_hours_file(uow, supervisee_id=first.ana, path=file1)
        uow.commit()
    assert written.records == 5 and written.voids == 1 and not written.left_out
    db = _open(tmp_path, empty_template, "lakeshore")
    with db.uow() as uow:
        mei = people.add_supervisor(
            uow, name="Mei Chen", credentials="CRSS", agency="Lakeshore (TEST)", password=PASSWORD
        )
        uow.commit()
    with db.uow() as uow:
        imported = hours_files.import_hours_file(uow, file1)
        uow.commit()
    assert (
        imported.supervisee_added and imported.added == 5 and imported.supervisors_added == ("Dana Whitaker",)
    )
    place = Place(db, mei.id, imported.supervisee_id)
    _session(place, 100, 60)
    _session(place, 90, 30)
    _experience(place, 80, 900)
    _sign(place)
    file2 = tmp_path / "ana-lakeshore.hours"
    with place.uow() as uow:
        written = hours_files.write_hours_file(uow, supervisee_id=place.ana, path=file2)
        uow.commit()
    assert written.records == 8  # the five from Prairie Lakes travel on, with their own signatures
    yield place, file1, file2
    db.close()


def test_round_trip_two_agencies_a_third_database_and_the_supervisees_own_view(
    tmp_path: Path, empty_template: Path, first: Place, second: tuple[Place, Path, Path]
) -> None:
    lakeshore, file1, file2 = second
    total = (FIRST_SUPERVISION + SECOND_SUPERVISION, FIRST_EXPERIENCE + SECOND_EXPERIENCE)
    assert _totals(first.db, first.ana) == (FIRST_SUPERVISION, FIRST_EXPERIENCE)
    assert _totals(lakeshore.db, lakeshore.ana) == total

    third = _open(tmp_path, empty_template, "third")
    try:
        with third.uow() as uow:
            one = hours_files.import_hours_file(uow, file1)
            uow.commit()
        with third.uow() as uow:
            two = hours_files.import_hours_file(uow, file2)
            uow.commit()
        assert (one.added, two.added, two.already) == (5, 3, 5)
        assert one.supervisee_id == two.supervisee_id
        assert _totals(third, one.supervisee_id) == total
        with third.uow() as uow:
            report = signoff.verify(uow)
        assert report.ok, report.problems

        # Idempotent: the same file again adds nothing and changes no record or hash.
        def records_and_links(db: Database) -> list[tuple]:
            conn = sqlite3.connect(db.path)
            try:
                return (
                    conn.execute(
                        "SELECT s.id, s.status, s.minutes, f.chain_id, f.seq, f.chain_hash FROM supervision_session s "
                        "JOIN foreign_link f ON f.record_id = s.id ORDER BY s.id, f.seq"
                    ).fetchall()
                    + conn.execute("SELECT id, payload FROM signature ORDER BY id").fetchall()
                )
            finally:
                conn.close()

        before = records_and_links(third)
        with third.uow() as uow:
            again = hours_files.import_hours_file(uow, file2)
            uow.commit()
        assert (again.added, again.already) == (0, 8)
        assert records_and_links(third) == before
        assert _totals(third, one.supervisee_id) == total

        # Who signed them, and where.
        with third.uow() as uow:
            origins = signoff.record_origins(uow, [r.id for r in hours_files.read_hours_file(file2).records])
        assert {o["signer"] for o in origins.values()} == {"Dana Whitaker", "Mei Chen"}
        assert {o["agency"] for o in origins.values()} == {"Prairie Lakes (TEST)", "Lakeshore (TEST)"}
    finally:
        third.close()

    # Ana's own view: no supervisor account, read-only, the same totals from both files.
    view = hours_files.open_hours_files([file1, file2])
    try:
        assert view.readonly and len(view.supervisee_ids) == 1
        assert _totals(view, view.supervisee_ids[0]) == total
        with view.uow() as uow, pytest.raises(Exception, match="readonly"):  # noqa: B017
            people.add_supervisor(uow, name="Someone", credentials="CRSS")
            uow.commit()
    finally:
        view.close()
    assert not view.folder.exists()


def test_the_second_file_alone_carries_everything(second: tuple[Place, Path, Path]) -> None:
    lakeshore, _file1, file2 = second
    view = hours_files.open_hours_files([file2])
    try:
        assert _totals(view, view.supervisee_ids[0]) == _totals(lakeshore.db, lakeshore.ana)
    finally:
        view.close()


def test_imported_records_are_read_only(second: tuple[Place, Path, Path]) -> None:
    lakeshore, file1, _file2 = second
    rid = next(
        r.id for r in hours_files.read_hours_file(file1).records if r.void is None and r.kind == "session"
    )
    with lakeshore.uow() as uow, pytest.raises(DomainError, match="arrived in an hours file"):
        records.amend_record(uow, record_id=rid, reason="no", minutes=30)
    with lakeshore.uow() as uow, pytest.raises(DomainError, match="arrived in an hours file"):
        signing.void(uow, record_id=rid, reason="no", supervisor_id=lakeshore.supervisor, password=PASSWORD)


def test_a_record_changed_after_import_is_caught(second: tuple[Place, Path, Path]) -> None:
    lakeshore, file1, _file2 = second
    rid = next(
        r.id for r in hours_files.read_hours_file(file1).records if r.kind == "session" and r.void is None
    )
    conn = sqlite3.connect(lakeshore.db.path)
    conn.execute("DROP TRIGGER supervision_session_final_update")
    conn.execute("UPDATE supervision_session SET minutes = minutes + 60 WHERE id = ?", (rid,))
    conn.commit()
    conn.close()
    with lakeshore.uow() as uow:
        report = signoff.verify(uow)
    assert rid in report.bad_record_ids()
    with lakeshore.uow() as uow, pytest.raises(signoff.RecordsFailVerification, match=rid):
        compute_progress(uow, supervisee_id=lakeshore.ana)


# --------------------------------------------------------------------------------------------
# Refusals: the file is refused whole, naming the record, and the database is unchanged


def _rewrite(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(source) as archive:
        parts = {name: json.loads(archive.read(name)) for name in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in parts.items():
            archive.writestr(name, json.dumps(value))
    return target


@pytest.fixture
def file1(tmp_path: Path, first: Place) -> Path:
    path = tmp_path / "ana.hours"
    with first.uow() as uow:
        hours_files.write_hours_file(uow, supervisee_id=first.ana, path=path)
        uow.commit()
    return path


@pytest.fixture
def elsewhere(tmp_path: Path, empty_template: Path) -> Database:
    db = _open(tmp_path, empty_template, "elsewhere")
    yield db
    db.close()


def _refused(db: Database, path: Path, match: str, code: str) -> None:
    before = snapshot(db)
    with db.uow() as uow, pytest.raises(DomainError, match=match) as caught:
        hours_files.import_hours_file(uow, path)
    assert caught.value.code == code  # a stable code, whatever the words say
    assert snapshot(db) == before


def _first_session(parts: dict) -> dict:
    return next(r for r in parts["records.json"] if r["kind"] == "session")


def test_a_tampered_record_is_refused_naming_it(tmp_path: Path, file1: Path, elsewhere: Database) -> None:
    rid = {}

    def more_minutes(parts: dict) -> None:
        record = _first_session(parts)
        rid["id"] = record["id"]
        record["content"][6] = str(int(record["content"][6]) + 60)

    bad = _rewrite(file1, tmp_path / "tampered.hours", more_minutes)
    _refused(
        elsewhere,
        bad,
        f"record {rid['id']}: its content is not what was signed",
        "hours_file.content_altered",
    )


def test_a_broken_signature_is_refused(tmp_path: Path, file1: Path, elsewhere: Database) -> None:
    def flip(parts: dict) -> None:
        sig = parts["signatures.json"][0]
        sig["signature"] = ("0" if sig["signature"][0] != "0" else "1") + sig["signature"][1:]

    bad = _rewrite(file1, tmp_path / "broken.hours", flip)
    _refused(
        elsewhere,
        bad,
        r"record [0-9a-f-]{36}: its signature by Dana Whitaker does not check",
        "hours_file.signature_fails",
    )


def test_a_rewritten_signed_payload_is_refused(tmp_path: Path, file1: Path, elsewhere: Database) -> None:
    def rehash(parts: dict) -> None:  # the link and the payload changed together: the signature breaks
        record = _first_session(parts)
        record["content"][6] = "600"
        sig = next(s for s in parts["signatures.json"] if s["id"] == record["sign"]["signature"])
        sig["payload"] = sig["payload"].replace(record["sign"]["content_hash"], "f" * 64)
        record["sign"]["content_hash"] = "f" * 64

    bad = _rewrite(file1, tmp_path / "rewritten.hours", rehash)
    _refused(elsewhere, bad, "does not check under their key", "hours_file.signature_fails")


def test_a_tampered_void_reason_is_refused(tmp_path: Path, file1: Path, elsewhere: Database) -> None:
    def reason(parts: dict) -> None:
        voided = next(r for r in parts["records.json"] if r["void"])
        voided["void"]["reason"] = "Never happened"

    bad = _rewrite(file1, tmp_path / "void.hours", reason)
    _refused(elsewhere, bad, "its void link was altered", "hours_file.link_altered")


def test_an_unknown_format_version_is_refused(tmp_path: Path, file1: Path, elsewhere: Database) -> None:
    def newer(parts: dict) -> None:
        parts["manifest.json"]["version"] = 2

    bad = _rewrite(file1, tmp_path / "v2.hours", newer)
    _refused(
        elsewhere,
        bad,
        "format version 2, which this version of the app does not know",
        "hours_file.unknown_version",
    )


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path, file1: Path, elsewhere: Database) -> None:
    bomb = tmp_path / "bomb.hours"
    with zipfile.ZipFile(file1) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("manifest.json", "signatures.json", "keys.json"):
            archive.writestr(name, source.read(name))
        with archive.open("records.json", "w", force_zip64=True) as member:
            block = b" " * (1024 * 1024)
            for _ in range(hours_files.MAX_PART_BYTES // len(block) + 1):
                member.write(block)
    assert bomb.stat().st_size < 1024 * 1024
    _refused(elsewhere, bomb, "records.json unpacks to 65 MB", "hours_file.part_too_large")


def test_an_oversized_file_is_refused(tmp_path: Path, elsewhere: Database) -> None:
    big = tmp_path / "big.hours"
    with big.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(hours_files.MAX_FILE_BYTES + 1)  # sparse: no disk used
    _refused(elsewhere, big, "an hours file has at most 64 MB", "hours_file.too_large")


def test_a_file_of_another_kind_is_refused(tmp_path: Path, elsewhere: Database) -> None:
    other = tmp_path / "other.hours"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert not hours_files.is_hours_file(other)
    _refused(elsewhere, other, "not an hours file of this app", "hours_file.not_hours_file")


def test_a_truncated_file_is_refused(tmp_path: Path, file1: Path, elsewhere: Database) -> None:
    cut = tmp_path / "cut.hours"
    cut.write_bytes(file1.read_bytes()[:-200])
    _refused(elsewhere, cut, "damaged or not a zip file", "hours_file.not_zip")


# --------------------------------------------------------------------------------------------
# People


def _with_namesake(tmp_path: Path, name: str) -> tuple[Database, int]:
    db = open_database(tmp_path / f"{name}.db")
    with db.uow() as uow:
        here = people.add_supervisee(uow, name="Ana  example", credential="CRSS", start_date=days_ago(600))
        uow.commit()
    return db, here.id


def test_a_same_name_person_is_mentioned_not_merged(tmp_path: Path, file1: Path) -> None:
    db, here = _with_namesake(tmp_path, "namesake")
    try:
        with db.uow() as uow:
            summary = hours_files.import_hours_file(uow, file1)
            uow.commit()
        assert summary.supervisee_added and summary.supervisee_id != here
        assert summary.same_name == ((here, "Ana  example"),)
        assert f"--link-supervisee {here}" in summary.text()
        assert _totals(db, here) == (0, 0)
    finally:
        db.close()


def test_a_person_here_is_linked_when_asked_and_the_link_is_remembered(tmp_path: Path, file1: Path) -> None:
    db, here = _with_namesake(tmp_path, "linked")
    try:
        with db.uow() as uow:
            linked = hours_files.import_hours_file(uow, file1, link_supervisee_id=here)
            uow.commit()
        assert linked.linked and linked.supervisee_id == here and not linked.supervisee_added
        assert _totals(db, here) == (FIRST_SUPERVISION, FIRST_EXPERIENCE)
        with db.uow() as uow:
            assert signoff.verify(uow).ok
        with db.uow() as uow:
            again = hours_files.import_hours_file(uow, file1)
            uow.commit()
        assert again.supervisee_id == here and again.added == 0
    finally:
        db.close()


def test_linking_to_someone_else_than_the_person_already_here_is_refused(
    tmp_path: Path, empty_template: Path, file1: Path
) -> None:
    db = _open(tmp_path, empty_template, "twice")
    try:
        with db.uow() as uow:
            other = people.add_supervisee(uow, name="Zoe Other", credential="CRSS")
            uow.commit()
        with db.uow() as uow:
            hours_files.import_hours_file(uow, file1)
            uow.commit()
        _refused_link = snapshot(db)
        with db.uow() as uow, pytest.raises(DomainError, match="is already here as Ana Example"):
            hours_files.import_hours_file(uow, file1, link_supervisee_id=other.id)
        assert snapshot(db) == _refused_link
    finally:
        db.close()


def test_a_same_icb_id_without_link_is_refused(tmp_path: Path, empty_template: Path, file1: Path) -> None:
    db = _open(tmp_path, empty_template, "icb")
    try:
        with db.uow() as uow:
            here = people.add_supervisee(uow, name="Ana E.", credential="CRSS", icb_id="A-1")
            uow.commit()
        _refused(db, file1, f"--link-supervisee {here.id}", "hours_file.icb_id_taken")
    finally:
        db.close()


# --------------------------------------------------------------------------------------------
# The command line


def test_cli_writes_imports_by_content_and_opens_hours_files_read_only(
    tmp_path: Path, first: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    first.db.close()
    out = tmp_path / "ana-records.zip"  # any name: an hours file is known by its content
    assert (
        main(["--db", str(first.db.path), "hours-file", "--supervisee", str(first.ana), "--out", str(out)])
        == 0
    )
    assert "5 signed record(s) of Ana Example" in capsys.readouterr().out

    other = tmp_path / "other.db"
    assert main(["--db", str(other), "init"]) == 0
    assert main(["--db", str(other), "import", str(out), "--dry-run"]) == 0
    assert "Nothing was written" in capsys.readouterr().out
    assert main(["--db", str(other), "--json", "import", str(out)]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["added"] == 5 and result["supervisee_added"]
    assert main(["--db", str(other), "verify"]) == 0

    capsys.readouterr()
    assert main(["progress", "--json", "--open-hours", str(out)]) == 0
    progress = json.loads(capsys.readouterr().out)
    assert progress["supervisee"]["name"] == "Ana Example"
    assert progress["supervision"]["signed_minutes"] == FIRST_SUPERVISION
    assert main(["list", "sessions", "--open-hours", str(out)]) == 0
    assert "(signed by Dana Whitaker, Prairie Lakes (TEST))" in capsys.readouterr().out
    pdf = tmp_path / "statement.pdf"
    assert main(["statement", "--open-hours", str(out), "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["sign", "--all", "--supervisor", "1", "--open-hours", str(out)]) == 2
    assert "--open-hours works with" in capsys.readouterr().err


def test_cli_refuses_a_tampered_hours_file_with_exit_2_and_writes_nothing(
    tmp_path: Path, file1: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    target = tmp_path / "target.db"
    assert main(["--db", str(target), "init"]) == 0
    rid = {}

    def more_minutes(parts: dict) -> None:
        record = _first_session(parts)
        rid["id"] = record["id"]
        record["content"][6] = "600"

    bad = _rewrite(file1, tmp_path / "tampered.dat", more_minutes)
    before = snapshot(target)
    assert main(["--db", str(target), "import", str(bad)]) == 2
    assert rid["id"] in capsys.readouterr().err
    assert snapshot(target) == before
    assert main(["progress", "--open-hours", str(bad)]) == 2


# --------------------------------------------------------------------------------------------
# Ten years in one file (correctness only; benchmarks/README.md has the timings)


def test_a_ten_year_hours_file_carries_every_signed_minute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark's agency over ten years: the supervisee with the most records (about
    1,500: weekly sessions, groups, experience, amendments, voids) travels whole."""
    import importlib

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    generate = importlib.import_module("generate")
    source_path = tmp_path / "agency.db"
    generate.generate(source_path, scale=0.01, years=10)
    conn = sqlite3.connect(source_path)
    (sid, count), *_ = conn.execute(
        "SELECT sid, count(*) FROM (SELECT a.supervisee_id sid FROM session_attendee a "
        "UNION ALL SELECT supervisee_id FROM experience_entry) GROUP BY sid ORDER BY 2 DESC LIMIT 1"
    ).fetchall()
    conn.close()
    assert count > 1300
    source = open_database(source_path)
    target = open_database(tmp_path / "target.db")
    try:
        path = tmp_path / "decade.hours"
        with source.uow() as uow:
            written = hours_files.write_hours_file(uow, supervisee_id=sid, path=path)
            uow.commit()
        assert written.records > 1300 and not written.left_out
        with target.uow() as uow:
            imported = hours_files.import_hours_file(uow, path)
            uow.commit()
        assert imported.added == written.records
        assert _totals(target, imported.supervisee_id) == _totals(source, sid)
        with target.uow() as uow:
            assert signoff.verify(uow).ok
    finally:
        source.close()
        target.close()


def test_attestations_stay_with_each_supervisor_while_the_statement_counts_everything(
    tmp_path: Path, second: tuple[Place, Path, Path]
) -> None:
    from supervisor_app.services import attestation

    lakeshore, _file1, _file2 = second
    with lakeshore.uow() as uow:
        dana = uow.session.scalar(select(Supervisor.id).where(Supervisor.name == "Dana Whitaker"))
        before = snapshot(lakeshore.db)
        with pytest.raises(DomainError, match="attestation form is printed by them"):
            attestation.prepare_verification(uow, supervisee_id=lakeshore.ana, supervisor_id=dana)
    assert snapshot(lakeshore.db) == before
    with lakeshore.uow() as uow:
        mine = attestation.prepare_verification(
            uow, supervisee_id=lakeshore.ana, supervisor_id=lakeshore.supervisor
        )
        assert mine.supervision_minutes == SECOND_SUPERVISION
        statement = attestation.prepare_statement(uow, supervisee_id=lakeshore.ana)
    assert statement.supervision.signed_minutes == FIRST_SUPERVISION + SECOND_SUPERVISION
    assert statement.experience.signed_minutes == FIRST_EXPERIENCE + SECOND_EXPERIENCE


def test_a_chain_cut_off_after_an_hours_file_was_given_out_is_reported(first: Place, file1: Path) -> None:
    """The file given out is an outside copy: cutting the newest signature off the chain (and
    every trace of it, with the triggers put back) is seen against it, naming the file."""
    with first.uow() as uow:
        last = uow.session.connection().exec_driver_sql("SELECT max(seq) FROM sign_off").scalar()
    assert signoff_report(first.db).ok
    tamper(
        first.db.path,
        "DELETE FROM sign_off WHERE seq = :last",
        "DELETE FROM signature WHERE last_seq >= :last",
        last=last,
    )
    problems = [str(p) for p in signoff_report(first.db).problems if p.kind == "copy"]
    assert problems == [
        f"signature chain: is shorter than the hours file given to Ana Example on {TODAY:%Y-%m-%d} "
        f"(ana.hours): it had {last:,} signatures, up to #{last}; this file has {last - 1:,}, up to "
        f"#{last - 1}. Signatures were cut off the end of the chain."
    ]


def signoff_report(db: Database) -> signoff.VerifyReport:
    with db.uow() as uow:
        return signoff.verify(uow)


def test_an_imported_signature_altered_after_it_was_checked_is_still_caught(
    second: tuple[Place, Path, Path],
) -> None:
    """Foreign keyed signatures are checked once per process for the same text (issue 17, sync
    speed): a payload edited in the file after a clean verification is a new text, checked
    again, and fails naming its records."""
    lakeshore, _file1, _file2 = second
    assert signoff_report(lakeshore.db).ok  # the Prairie Lakes signatures checked (and remembered)
    with lakeshore.uow() as uow:
        sid = (
            uow.session.connection()
            .exec_driver_sql(
                "SELECT s.id FROM signature s JOIN foreign_link f ON f.signature_id = s.id LIMIT 1"
            )
            .scalar_one()
        )
    tamper(
        lakeshore.db.path,
        'UPDATE signature SET payload = replace(payload, \'"signed_at":"\', \'"signed_at":"1\') WHERE id = :sid',
        sid=sid,
    )
    problems = [p for p in signoff_report(lakeshore.db).problems if p.kind == "record"]
    assert problems and all("does not check under their key" in p.message for p in problems)
