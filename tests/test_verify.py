"""verify: someone edits the SQLite file directly, triggers dropped; verify names each record
and progress refuses to use it. A property test throws random single-field edits at it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields, tamper
from supervisor_app.db import Database, open_database
from supervisor_app.services import canonical, people, records, signoff
from supervisor_app.services.canonical import GENESIS
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.signoff import RecordsFailVerification
from supervisor_app.usecases import signing

# --------------------------------------------------------------------------------------------
# Helpers


def drop_triggers(conn: sqlite3.Connection) -> list[str]:
    """What an attacker does first: drop every trigger that keeps signed records final.
    Returns their SQL, to put them back after the edit (a file without them is refused)."""
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    return [sql for _name, sql in triggers]


def verify(db: Database) -> signoff.VerifyReport:
    with db.uow() as uow:
        return signoff.verify(uow)


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@dataclass
class Signed:
    """A small signed world: who is on which record (by name), and the ids."""

    world: World
    ids: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.ids[key]


@pytest.fixture
def signed(world: World) -> Signed:
    result = Signed(world)

    def session(key: str, days: int, **overrides: Any) -> None:
        with world.uow() as uow:
            fields = session_fields(world, date=days_ago(days), **overrides)
            result.ids[key] = records.add_session(uow, **fields).id
            uow.commit()

    session("ana", 20)
    session(
        "group",
        19,
        supervisee_ids=[world.ana, world.ben],
        format="group",
        allocations={"advocacy": 45, "mentoring": 45},
        minutes=90,
        topics='Advocacy at the "housing" office\nand self-care',
    )
    session("carla", 18, supervisee_ids=[world.carla])
    session("voided", 17)
    session("amended", 16)
    with world.uow() as uow:
        result.ids["experience"] = records.add_experience(uow, **experience_fields(world)).id
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    with world.uow() as uow:
        signing.void(
            uow,
            record_id=result["voided"],
            reason='Entered "twice"',
            supervisor_id=world.dana,
            password=PASSWORD,
        )
    with world.uow() as uow:
        amendment = records.amend_record(
            uow,
            record_id=result["amended"],
            reason="Was 45 minutes",
            minutes=45,
            allocations={"advocacy": 45},
        )
        uow.commit()
        result.ids["amendment"] = amendment.id
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[amendment.id])
    session("pending", 2)
    assert verify(world.db).ok
    return result


def seq_of(path: Path | None, record_id: str, action: str = "sign") -> int:
    conn = sqlite3.connect(path)  # type: ignore[arg-type]
    try:
        return conn.execute(
            "SELECT seq FROM sign_off WHERE record_id = ? AND action = ?", (record_id, action)
        ).fetchone()[0]
    finally:
        conn.close()


# --------------------------------------------------------------------------------------------
# Each kind of tampering: verify names the record, progress refuses it


@dataclass(frozen=True)
class Case:
    name: str
    statements: tuple[str, ...]
    named: tuple[str, ...]  # keys of the records verify must name
    words: str  # in the message about the first of them
    refuses: tuple[str, ...] = ()  # supervisees whose progress must refuse


CASES = [
    Case(
        "session minutes",
        ("UPDATE supervision_session SET minutes = 120 WHERE id = :ana",),
        ("ana",),
        "content changed after it was signed",
        ("ana",),
    ),
    Case(
        "an allocation's minutes",
        (
            "UPDATE session_allocation SET minutes = 90 WHERE session_id = :group AND domain_code = 'advocacy'",
        ),
        ("group",),
        "content changed",
        ("ana", "ben"),
    ),
    Case(
        "an allocation moved to another domain",
        (
            "UPDATE session_allocation SET domain_code = 'recovery-support' WHERE session_id = :ana AND domain_code = 'mentoring'",
        ),
        ("ana",),
        "content changed",
        ("ana",),
    ),
    Case(
        "an allocation added",
        (
            "INSERT INTO session_allocation (session_id, domain_code, minutes) VALUES (:ana, 'recovery-support', 60)",
        ),
        ("ana",),
        "content changed",
        ("ana",),
    ),
    Case(
        "an allocation deleted",
        ("DELETE FROM session_allocation WHERE session_id = :ana AND domain_code = 'advocacy'",),
        ("ana",),
        "content changed",
        ("ana",),
    ),
    Case(
        "an attendee swapped",
        (
            "UPDATE session_attendee SET supervisee_id = :carla_id WHERE session_id = :group AND supervisee_id = :ben_id",
        ),
        ("group",),
        "content changed",
        ("ana", "carla"),
    ),
    Case(
        "an attendee added",
        ("INSERT INTO session_attendee (session_id, supervisee_id) VALUES (:ana, :ben_id)",),
        ("ana",),
        "content changed",
        ("ana", "ben"),
    ),
    Case(
        "a date",
        ("UPDATE supervision_session SET date = date(date, '-1 year') WHERE id = :ana",),
        ("ana",),
        "content changed",
        ("ana",),
    ),
    Case(
        "a start time",
        ("UPDATE supervision_session SET start_time = '08:00:00.000000' WHERE id = :ana",),
        ("ana",),
        "content changed",
        ("ana",),
    ),
    Case(
        "the topics",
        ("UPDATE supervision_session SET topics = topics || ' ' WHERE id = :group",),
        ("group",),
        "content changed",
        ("ana", "ben"),
    ),
    Case(
        "the format",
        ("UPDATE supervision_session SET format = 'individual', modality = 'phone' WHERE id = :group",),
        ("group",),
        "content changed",
        ("ben",),
    ),
    Case(
        "the supervisor of record",
        ("UPDATE supervision_session SET supervisor_id = :rafael_id WHERE id = :carla",),
        ("carla",),
        "content changed",
        ("carla",),
    ),
    Case(
        "an amendment's link to its original",
        ("UPDATE supervision_session SET supersedes_id = NULL WHERE id = :amendment",),
        ("amendment",),
        "content changed",
        ("ana",),
    ),
    Case(
        "an experience period",
        ("UPDATE experience_entry SET period_start = date(period_start, '-7 days') WHERE id = :experience",),
        ("experience",),
        "content changed",
        ("ana",),
    ),
    Case(
        "experience minutes",
        ("UPDATE experience_allocation SET minutes = minutes * 2 WHERE entry_id = :experience",),
        ("experience",),
        "content changed",
        ("ana",),
    ),
    Case(
        "an experience entry moved to another supervisee",
        ("UPDATE experience_entry SET supervisee_id = :ben_id WHERE id = :experience",),
        ("experience",),
        "content changed",
        ("ben",),
    ),
    Case(
        "a signed session deleted",
        (
            "DELETE FROM session_allocation WHERE session_id = :carla",
            "DELETE FROM session_attendee WHERE session_id = :carla",
            "DELETE FROM supervision_session WHERE id = :carla",
        ),
        ("carla",),
        "but the record has been deleted",
    ),
    Case(
        "a signed experience entry deleted",
        ("DELETE FROM experience_entry WHERE id = :experience",),
        ("experience",),
        "but the record has been deleted",
    ),
    Case(
        "a signature deleted in the middle of the chain",
        ("DELETE FROM sign_off WHERE record_id = :group AND action = 'sign'",),
        ("group",),
        "is marked signed but has no signature",
        ("ana", "ben"),
    ),
    Case(
        "two signatures' order swapped",
        (
            "UPDATE sign_off SET seq = -1 WHERE record_id = :ana AND action = 'sign'",
            "UPDATE sign_off SET seq = :ana_seq WHERE record_id = :carla AND action = 'sign'",
            "UPDATE sign_off SET seq = :carla_seq WHERE seq = -1",
        ),
        ("ana", "carla"),
        "does not link to the signature before it",
        ("ana", "carla"),
    ),
    Case(
        "a signed record set back to pending",
        ("UPDATE supervision_session SET status = 'pending' WHERE id = :carla",),
        ("carla",),
        "but is marked pending again",
    ),
    Case(
        "a void's reason edited",
        ("UPDATE sign_off SET reason = 'Entered once' WHERE record_id = :voided AND action = 'void'",),
        ("voided",),
        "was altered",
        ("ana",),
    ),
    Case(
        # Found by the hypothesis test below: a blob crashed verify (void_content_hash's JSON).
        "a void's reason turned into a blob",
        ("UPDATE sign_off SET reason = X'' WHERE record_id = :voided AND action = 'void'",),
        ("voided",),
        "no longer matches the record or its reason",
        ("ana",),
    ),
    Case(
        "a void deleted (the record counts again)",
        ("DELETE FROM sign_off WHERE record_id = :voided AND action = 'void'",),
        ("voided",),
        "the audit trail says it was voided, but that signature is missing from the chain",
        ("ana",),
    ),
    Case(
        "the signer of a signature",
        ("UPDATE sign_off SET signer_id = :rafael_id WHERE record_id = :ana AND action = 'sign'",),
        ("ana",),
        "was altered",
        ("ana",),
    ),
    Case(
        "the time of a signature",
        ("UPDATE sign_off SET signed_at = '2020-01-01 00:00:00.000000' WHERE record_id = :ana",),
        ("ana",),
        "was altered",
        ("ana",),
    ),
    Case(
        "a content hash recomputed for new content",
        (
            "UPDATE supervision_session SET minutes = 120 WHERE id = :ana",
            "UPDATE sign_off SET content_hash = :fake_hash WHERE record_id = :ana",
        ),
        ("ana",),
        "content changed",  # the new content does not hash to what the attacker wrote...
        ("ana",),
    ),
    # Edits that once hashed alike (the content was read back from concatenated text).
    Case(
        "two allocations merged into one with '=' and ';' in its code",
        (
            "DELETE FROM session_allocation WHERE session_id = :ana AND domain_code = 'mentoring'",
            "UPDATE session_allocation SET domain_code = 'advocacy=30;mentoring' WHERE session_id = :ana",
        ),
        ("ana",),
        "content changed",
        ("ana",),
    ),
    Case(
        "two attendees merged into one text '1,2'",
        (
            "DELETE FROM session_attendee WHERE session_id = :group AND supervisee_id = :ben_id",
            "UPDATE session_attendee SET supervisee_id = :ana_id || ',' || :ben_id WHERE session_id = :group",
        ),
        ("group",),
        "content changed",
    ),
    Case(
        "an attendee id spelled as text that Python reads as the same number",
        ("UPDATE session_attendee SET supervisee_id = '١' WHERE session_id = :ana",),  # Arabic-Indic one
        ("ana",),
        "content changed",
    ),
    Case(
        "text turned into a blob of the same bytes",
        ("UPDATE supervision_session SET topics = CAST(topics AS BLOB) WHERE id = :ana",),
        ("ana",),
        "content changed",
        ("ana",),
    ),
    Case(
        "text that is not valid UTF-8",
        ("UPDATE supervision_session SET site = CAST(x'4d61696e20ff' AS TEXT) WHERE id = :ana",),
        ("ana",),
        "content changed",
        ("ana",),
    ),
]


def _params(signed: Signed) -> dict[str, Any]:
    world = signed.world
    path = world.db.path
    return {
        **signed.ids,
        "ana_id": world.ana,
        "ben_id": world.ben,
        "carla_id": world.carla,
        "rafael_id": world.rafael,
        "ana_seq": seq_of(path, signed["ana"]),
        "carla_seq": seq_of(path, signed["carla"]),
        "fake_hash": "f" * 64,
    }


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_verify_names_every_tampered_record(signed: Signed, case: Case) -> None:
    world = signed.world
    tamper(world.db.path, *case.statements, **_params(signed))
    report = verify(world.db)
    assert not report.ok
    named = [signed[key] for key in case.named]
    assert set(named) <= report.bad_record_ids(), report.problems
    first = [p.message for p in report.problems if p.record_id == named[0]]
    assert any(case.words in m for m in first), first
    # The untouched records are not accused (a broken chain link names the next link too).
    innocent = {signed["pending"]}
    assert not innocent & report.bad_record_ids()
    for name in case.refuses:
        supervisee = getattr(world, name)
        with world.uow() as uow, pytest.raises(RecordsFailVerification) as caught:
            compute_progress(uow, supervisee_id=supervisee)
        assert {p.record_id for p in caught.value.problems} & set(named), caught.value.problems
        assert "Run 'verify' for the full report" in str(caught.value)


def test_a_clean_database_verifies(signed: Signed) -> None:
    report = verify(signed.world.db)
    assert report.ok and report.problems == []
    assert report.records_checked == 8  # pending ones are checked too (they must have no signature)
    assert report.signatures_checked == 8  # 6 signed, 1 void, 1 amendment


def test_progress_of_untouched_supervisees_still_works(signed: Signed) -> None:
    world = signed.world
    tamper(world.db.path, "UPDATE supervision_session SET minutes = 120 WHERE id = :carla", **signed.ids)
    with world.uow() as uow:
        ana = compute_progress(uow, supervisee_id=world.ana)
    # ana: 60 (own) + 90 (group) + 45 (the amendment; the original is replaced; the void is out)
    assert ana.supervision.signed_minutes == 195


# Tampering progress.py cannot see yet: it verifies the signed records that list the
# supervisee *now*, so a record deleted, set back to pending, or with the supervisee removed
# drops out of the total silently (verify itself names it). See the closing report.
PROGRESS_GAPS = [
    ("a signed session deleted", "carla", ("DELETE FROM supervision_session WHERE id = :carla",)),
    (
        "set back to pending",
        "carla",
        ("UPDATE supervision_session SET status = 'pending' WHERE id = :carla",),
    ),
    (
        "attendee removed",
        "ben",
        ("DELETE FROM session_attendee WHERE session_id = :group AND supervisee_id = :ben_id",),
    ),
]


@pytest.mark.parametrize(("what", "who", "statements"), PROGRESS_GAPS, ids=[g[0] for g in PROGRESS_GAPS])
def test_progress_refuses_when_a_supervisees_signed_record_disappears(
    signed: Signed, what: str, who: str, statements: tuple[str, ...]
) -> None:
    world = signed.world
    tamper(world.db.path, *statements, **_params(signed))
    assert not verify(world.db).ok
    with world.uow() as uow, pytest.raises(RecordsFailVerification):
        compute_progress(uow, supervisee_id=getattr(world, who))


def test_a_cut_off_chain_tail_is_named_from_the_audit_trail(signed: Signed) -> None:
    # The newest signature (the amendment's) and the record's status, both rolled back: the
    # chain itself has no gap, but the audit trail remembers the signing.
    world = signed.world
    tamper(
        world.db.path,
        "DELETE FROM sign_off WHERE record_id = :amendment",
        "UPDATE supervision_session SET status = 'pending' WHERE id = :amendment",
        **signed.ids,
    )
    report = verify(world.db)
    assert [str(p) for p in report.problems] == [
        f"{signed['amendment']}: the audit trail says it was signed, but that signature is missing from the chain",
        f"{signed['amendment']}: keyed signature {_keyed_id(world, signed['amendment'])} signed "
        f"#{_seq_signed(world, signed['amendment'])} (sign) but that link is missing from the chain",
    ]


def test_a_repeated_signature_is_named(signed: Signed) -> None:
    world = signed.world
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    last = conn.execute("SELECT * FROM sign_off ORDER BY seq DESC LIMIT 1").fetchone()
    ana = conn.execute("SELECT * FROM sign_off WHERE record_id = ?", (signed["ana"],)).fetchone()
    conn.close()
    # A forged second signature for ana's session, appended with a correct chain hash.
    seq = last[0] + 1
    fields = dict(
        prev=last[9],
        seq=seq,
        kind="session",
        record_id=signed["ana"],
        action="sign",
        signer_id=ana[4],
        signed_at=ana[5],
        reason="",
        content=ana[7],
    )
    forged = (
        seq,
        "session",
        signed["ana"],
        "sign",
        ana[4],
        ana[5],
        "",
        ana[7],
        last[9],
        signoff.chain_hash(**fields),
    )
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    conn.execute("INSERT INTO sign_off VALUES (?,?,?,?,?,?,?,?,?,?)", forged)
    conn.commit()
    conn.close()
    report = verify(world.db)
    assert [p.message for p in report.problems] == [
        f"signature #{seq} repeats #{ana[0]}: a record is signed only once",
        f"signature #{seq} has no keyed signature: it was not made with the signer's key "
        "(forged, or its keyed signature removed)",
    ]


def _keyed_signature_of(world: World, record_id: str) -> tuple[str, int]:
    """The id (first 8) of the keyed signature whose payload signs ``record_id``, and its seq."""
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    try:
        for sid, payload in conn.execute("SELECT id, payload FROM signature"):
            for link in json.loads(payload)["links"]:
                if link["record_id"] == record_id and link["action"] == "sign":
                    return sid[:8], link["seq"]
    finally:
        conn.close()
    raise AssertionError(record_id)


def _keyed_id(world: World, record_id: str) -> str:
    return _keyed_signature_of(world, record_id)[0]


def _seq_signed(world: World, record_id: str) -> int:
    return _keyed_signature_of(world, record_id)[1]


def test_the_command_line_verify_exits_1_with_one_line_per_problem(
    signed: Signed, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    path = str(signed.world.db.path)
    assert main(["--db", path, "verify"]) == 0
    assert capsys.readouterr().out.startswith("OK: 8 records and 8 signatures verified")
    tamper(
        signed.world.db.path,
        "UPDATE supervision_session SET minutes = 15 WHERE id IN (:ana, :carla)",
        **signed.ids,
    )
    assert main(["--db", path, "verify"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert sorted(lines) == sorted(
        f"{signed[k]}: content changed after it was signed (signature #{seq_of(signed.world.db.path, signed[k])})"
        for k in ("ana", "carla")
    )


def test_progress_callback_and_the_demo_agency(demo_db: Database) -> None:
    calls: list[tuple[int, int]] = []
    with demo_db.uow() as uow:
        report = signoff.verify(uow, progress=lambda done, total: calls.append((done, total)))
        total = sum(
            uow.session.connection().exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
            for t in ("supervision_session", "experience_entry")
        )
    assert report.ok, report.problems[:5]
    assert report.records_checked == total
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_require_verified_checks_only_what_it_is_given(signed: Signed) -> None:
    world = signed.world
    tamper(world.db.path, "UPDATE supervision_session SET minutes = 120 WHERE id = :carla", **signed.ids)
    with world.uow() as uow:
        signoff.require_verified(uow, [signed["ana"], signed["group"]])
        with pytest.raises(RecordsFailVerification, match=signed["carla"]):
            signoff.require_verified(uow, [signed["ana"], signed["carla"]])


# --------------------------------------------------------------------------------------------
# The property: any single-field edit of a signed record or signature is caught


@dataclass(frozen=True)
class Template:
    path: Path
    rows: dict[str, list[tuple[Any, ...]]]  # "SELECT rowid, *" of each table
    columns: dict[str, list[str]]


# The columns that matter, per table, and the record each row belongs to (column index in
# "SELECT rowid, *"). sign_off rows belong to the record they sign.
MUTABLE = {
    "supervision_session": (
        [
            "id",
            "supervisor_id",
            "date",
            "start_time",
            "minutes",
            "format",
            "modality",
            "site",
            "topics",
            "status",
            "supersedes_id",
            "amendment_reason",
        ],
        1,
    ),
    "session_allocation": (["session_id", "domain_code", "minutes"], 1),
    "session_attendee": (["session_id", "supervisee_id"], 1),
    "experience_entry": (
        [
            "id",
            "supervisee_id",
            "supervisor_id",
            "period_start",
            "period_end",
            "setting",
            "kind",
            "status",
            "supersedes_id",
            "amendment_reason",
        ],
        1,
    ),
    "experience_allocation": (["entry_id", "domain_code", "minutes"], 1),
    "sign_off": (
        [
            "seq",
            "record_kind",
            "record_id",
            "action",
            "signer_id",
            "signed_at",
            "reason",
            "content_hash",
            "prev_chain_hash",
            "chain_hash",
        ],
        3,
    ),
}


@pytest.fixture(scope="module")
def signed_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    """A small signed agency built once: two supervisors, five supervisees, sessions (individual
    and group), experience entries, a void and an amendment; all signed but one."""
    folder = tmp_path_factory.mktemp("signed")
    path = folder / "signed.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SUPERVISOR_APP_DATA_DIR", str(folder / "userdata"))
        db = open_database(path)
        with db.uow("setup") as uow:
            dana = people.add_supervisor(
                uow, name="Dana", credentials="CRSS", agency="A", password=PASSWORD
            ).id
            rafael = people.add_supervisor(uow, name="Rafael", credentials="CADC", password=PASSWORD).id
            start = TODAY - dt.timedelta(days=400)
            crss = [
                people.add_supervisee(
                    uow, name=f"P{i}", credential="CRSS", start_date=start, supervisor_id=dana
                ).id
                for i in range(4)
            ]
            cprs = people.add_supervisee(
                uow, name="Q", credential="CPRS", start_date=start, supervisor_id=rafael
            ).id
            base = dict(start="10:00", modality="video", topics="Ethics", format="individual")
            records.add_session(
                uow,
                supervisor_id=dana,
                supervisee_ids=[crss[0]],
                date=days_ago(30),
                minutes=60,
                allocations={"advocacy": 30, "mentoring": 30},
                **base,
            )
            records.add_session(
                uow,
                supervisor_id=dana,
                supervisee_ids=crss[:3],
                date=days_ago(29),
                minutes=90,
                allocations={"advocacy": 45, "recovery-support": 45},
                **{**base, "format": "group"},
            )
            records.add_session(
                uow,
                supervisor_id=rafael,
                supervisee_ids=[cprs],
                date=days_ago(28),
                minutes=45,
                allocations={"advocacy": 45},
                **base,
            )
            voided = records.add_session(
                uow,
                supervisor_id=dana,
                supervisee_ids=[crss[3]],
                date=days_ago(27),
                minutes=30,
                allocations={"mentoring": 30},
                **base,
            ).id
            amended = records.add_session(
                uow,
                supervisor_id=dana,
                supervisee_ids=[crss[1]],
                date=days_ago(26),
                minutes=60,
                allocations={"advocacy": 60},
                site="Main office",
                **base,
            ).id
            records.add_experience(
                uow,
                supervisee_id=crss[0],
                supervisor_id=dana,
                period_start=days_ago(60),
                period_end=days_ago(54),
                allocations={"recovery-support": 900, "advocacy": 300},
                setting="Drop-in",
            )
            records.add_experience(
                uow,
                supervisee_id=cprs,
                supervisor_id=rafael,
                period_start=days_ago(60),
                period_end=days_ago(58),
                allocations={"mentoring-education": 600},
            )
            uow.commit()
            for supervisor in (dana, rafael):
                signing.sign(uow, supervisor_id=supervisor, password=PASSWORD)
            signing.void(uow, record_id=voided, reason="Duplicate", supervisor_id=dana, password=PASSWORD)
            new = records.amend_record(
                uow, record_id=amended, reason="45, not 60", minutes=45, allocations={"advocacy": 45}
            )
            uow.commit()
            signing.sign(uow, supervisor_id=dana, password=PASSWORD, record_ids=[new.id])
            records.add_session(
                uow,
                supervisor_id=dana,
                supervisee_ids=[crss[0]],
                date=days_ago(1),
                minutes=60,
                allocations={"advocacy": 60},
                **base,
            )
            uow.commit()
            assert signoff.verify(uow).ok
        db.close()
    conn = sqlite3.connect(path)
    rows = {table: conn.execute(f"SELECT rowid, * FROM {table}").fetchall() for table in MUTABLE}
    columns = {table: [r[1] for r in conn.execute(f"PRAGMA table_info({table})")] for table in MUTABLE}
    conn.close()
    yield Template(path, rows, columns)


values = st.one_of(
    st.integers(min_value=-3, max_value=10**6),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.binary(max_size=6),
    st.none(),
    st.sampled_from(
        [
            "pending",
            "signed",
            "sign",
            "void",
            "session",
            "experience",
            "advocacy",
            "mentoring",
            "60",
            "0",
            "",
            " ",
        ]
    ),
)


@st.composite
def mutations(draw: st.DrawFn, template: Template) -> tuple[str, list[tuple[str, tuple[Any, ...]]], str]:
    """(description, statements, the record id whose row is hit)."""
    rows = template.rows
    table = draw(st.sampled_from(sorted(MUTABLE)))
    columns, owner = MUTABLE[table]
    signed_records = {r[3] for r in rows["sign_off"]}  # rowid, seq, record_kind, record_id...
    candidates = [r for r in rows[table] if r[owner] in signed_records]
    row = draw(st.sampled_from(candidates))
    rowid, rid = row[0], row[owner]
    kind = draw(
        st.sampled_from(["update", "update", "update", "delete", "swap" if table == "sign_off" else "update"])
    )
    if kind == "delete":
        return f"delete {table} row of {rid}", [(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))], rid
    if kind == "swap":
        other = draw(st.sampled_from([r for r in rows["sign_off"] if r[0] != rowid]))
        return (
            f"swap seq {row[1]} and {other[1]}",
            [
                ("UPDATE sign_off SET seq = -1 WHERE seq = ?", (row[1],)),
                ("UPDATE sign_off SET seq = ? WHERE seq = ?", (row[1], other[1])),
                ("UPDATE sign_off SET seq = ? WHERE seq = -1", (other[1],)),
            ],
            rid,
        )
    column = draw(st.sampled_from(columns))
    current = row[1 + template.columns[table].index(column)]
    value = draw(st.one_of(values, st.just(_nudge(current))))
    sql = f"UPDATE {table} SET {column} = ? WHERE rowid = ? AND {column} IS NOT ?"
    return f"{table}.{column} of {rid}: {current!r} -> {value!r}", [(sql, (value, rowid, value))], rid


def _nudge(value: Any) -> Any:
    """A near miss: the kind of edit a person would make."""
    if isinstance(value, int):
        return value + 15
    if isinstance(value, str) and value:
        return value[:-1] + ("0" if value[-1] != "0" else "1")
    return "x"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_verify_catches_every_single_field_edit(
    data: st.DataObject, signed_template: Template, tmp_path_factory: pytest.TempPathFactory
) -> None:
    what, statements, rid = data.draw(mutations(signed_template))
    path = tmp_path_factory.mktemp("mutated") / "db.sqlite"
    shutil.copy(signed_template.path, path)
    conn = sqlite3.connect(path)
    try:
        triggers = drop_triggers(conn)
        before = conn.total_changes
        for sql, params in statements:
            conn.execute(sql, params)
        changed = conn.total_changes - before
        for sql in triggers:  # back in place: the schema is the app's, only verification can tell
            conn.execute(sql)
        conn.commit()
    except sqlite3.IntegrityError:  # NOT NULL, CHECK, UNIQUE: the edit cannot be made
        changed = 0
    finally:
        conn.close()
    assume(changed > 0)
    db = open_database(path)
    try:
        report = verify(db)
    finally:
        db.close()
    assert not report.ok, what
    assert rid in report.bad_record_ids(), (what, report.problems)


# --------------------------------------------------------------------------------------------
# The format: the fast path writes exactly what the reference writes, and the hashes never
# change (a change would make every stored signature fail)


def test_known_hashes() -> None:
    session = (
        "0b5e2f4e-1111-4c3b-9d7a-2a2f0c9e0001", "signed", 3, "2025-03-04", "10:00:00.000000", 90, "group",
        "video", "Main office", 'Boundaries, "self-care"\nand Núñez', None, "", [7, 2], ["mentoring=45", "advocacy=45"],
    )  # fmt: skip
    entry = (
        "0b5e2f4e-2222-4c3b-9d7a-2a2f0c9e0002", "signed", 3, "2025-02-01", "2025-02-07", 7, "paid",
        "Drop-in center", "", "", "0b5e2f4e-2222-4c3b-9d7a-2a2f0c9e0000", "Hours corrected", [],
        ["recovery-support=1200", "advocacy=600"],
    )  # fmt: skip
    assert (
        signoff.content_hash("session", session)
        == "d68cc2c91fb7cad28bd5baf2a9810458b842e4d677ea821c5f9f9f9d8c3a19d2"
    )
    assert (
        signoff.content_hash("experience", entry)
        == "fdb785a418e47d9e7b19ae05e01272448adae70230ffd92ebc788a84be69c2c2"
    )
    link = dict(
        prev=GENESIS, seq=1, kind="session", record_id=session[0], action="sign", signer_id=3,
        signed_at="2025-03-05 18:00:00.123456", reason="", content="ab" * 32,
    )  # fmt: skip
    assert signoff.chain_hash(**link) == "798691bfbfda5dcb84e8f8712728d39a081ac24f7244defc8fbd426d5cd627ea"
    void = {**link, "seq": 2, "action": "void", "reason": 'Entered "twice"'}
    assert signoff.chain_hash(**void) == "1d12677c834a43cfd4a0192b2ec8fd3506a91a3ce3151877f2fb95e867debcd6"
    assert signoff.chain_hash(
        **{
            **link,
            "signed_at": dt.datetime(
                2025, 3, 5, 13, 0, 0, 123456, tzinfo=dt.timezone(dt.timedelta(hours=-5))
            ),
        }
    ) == signoff.chain_hash(**link)
    assert (
        signoff.void_content_hash("ab" * 32, 'Entered "twice"')
        == "8d87e5d048773a955b4fde2ce0276560b0da165a0c3162c8c91d7341d9535c6d"
    )


any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=8)  # quotes, controls, NUL...
regular_session = st.tuples(
    st.uuids().map(str), st.sampled_from(["pending", "signed"]), st.integers(1, 10**9), any_text,
    st.none() | any_text, st.integers(-(2**63), 2**63 - 1), any_text, any_text, any_text, any_text,
    st.none() | any_text, any_text,
)  # fmt: skip
odd_value = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.binary(max_size=4), any_text)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(regular_session, min_size=1, max_size=6, unique_by=lambda r: r[0]),
    odd=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 11), odd_value), max_size=2),
    who=st.lists(st.one_of(st.integers(), odd_value), max_size=3),
    parts=st.lists(st.one_of(any_text, st.lists(any_text, min_size=4, max_size=4)), max_size=3),
)
def test_the_fast_path_writes_what_the_reference_writes(
    rows: list[tuple[Any, ...]], odd: list[tuple[int, int, Any]], who: list[Any], parts: list[Any]
) -> None:
    rows = [list(r) for r in rows]  # type: ignore[misc]
    for index, column, value in odd:  # some rows get a value of an unexpected type
        if index < len(rows):
            rows[index][column] = value
    rows = [tuple(r) for r in rows]
    for kind in ("session", "experience"):
        attendees = {rows[0][0]: who} if who and kind == "session" else {}
        allocations = {rows[-1][0]: parts} if parts else {}
        batch = canonical.Batch(kind, rows, attendees, allocations)
        assert canonical.content_texts(batch, rows) == [batch.reference_text(r) for r in rows]
    links = [
        (r[0], i + 1, "session", r[3], "sign", r[2], r[4], r[6], r[7], "chain") for i, r in enumerate(rows)
    ]
    assert canonical.link_texts(links) == [
        canonical.to_json(canonical.link_fields(*link[:9])) for link in links
    ]


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(regular_session, min_size=1, max_size=6, unique_by=lambda r: r[0]),
    who=st.lists(
        st.lists(st.one_of(st.integers(0, 4), st.integers(0, 4), st.integers(0, 4), odd_value), max_size=3),
        min_size=1,
        max_size=6,
    ),
    people=st.one_of(
        st.just({i: f"{9 - i}-gid" for i in range(5)}),  # everyone known, ids not in gid order
        st.dictionaries(st.integers(0, 4), st.one_of(st.uuids().map(str), any_text), max_size=5),
    ),
)
@example(  # 0.0 equals 0: a set of the attendees alone would take it for the integer id
    rows=[("e3e70682-c209-4cac-629f-6fbed82c07cd", "pending", 1, "", None, 0, "", "", "", "", None, "")],
    who=[[0, 0.0]],
    people={i: f"{9 - i}-gid" for i in range(5)},
)
def test_the_fast_path_of_version_2_writes_what_the_reference_writes(
    rows: list[tuple[Any, ...]], who: list[list[Any]], people: dict[int, str]
) -> None:
    # Attendees as global ids: everyone known (the batch at once), or someone unknown, not an
    # integer, or with a global id JSON escapes (record by record, or the reference).
    rows = [(*r[:2], 1, *r[3:]) for r in rows]
    attendees = {row[0]: ids for row, ids in zip(rows, who, strict=False) if ids}
    plain = canonical._plain("".join(people.values()))
    hashing = canonical.Hashing(1, set(), {1: "supervisor-gid"}, people, plain)
    batch = canonical.Batch("session", rows, attendees, {})
    assert canonical.content_texts(batch, rows, hashing=hashing) == [
        batch.reference_text(r, hashing) for r in rows
    ]
