"""Sign-off: every refusal, the lock-out, the database's own triggers, amend and void chains,
and the audit trail. Real SQLite files through the fixtures; no mocks."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields, snapshot
from supervisor_app.db import Database, open_database
from supervisor_app.models import Supervisee, utcnow
from supervisor_app.services import audit, auth, people, records, signoff
from supervisor_app.services.canonical import GENESIS
from supervisor_app.services.errors import DomainError
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing

NEW_PASSWORD = "a much longer passphrase"
FINAL = "signed records are final"
APPEND_ONLY = "this table is append-only"


# --------------------------------------------------------------------------------------------
# Helpers


def add_session(world: World, actor: str = "test", **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow(actor) as uow:
        row = records.add_session(uow, **session_fields(world, **overrides))
        uow.commit()
        return row.id


def add_experience(world: World, actor: str = "test", **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow(actor) as uow:
        row = records.add_experience(uow, **experience_fields(world, **overrides))
        uow.commit()
        return row.id


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def sign(  # type: ignore[no-untyped-def]
    world: World,
    ids: list[str] | None = None,
    *,
    supervisor: int | None = None,
    password: str = PASSWORD,
    **kw,
) -> signoff.SignResult:
    with world.uow(kw.pop("actor", "test")) as uow:
        return signing.sign(
            uow, supervisor_id=supervisor or world.dana, password=password, record_ids=ids, **kw
        )


def void(world: World, record_id: str, reason: str = "Entered twice", **kw) -> None:  # type: ignore[no-untyped-def]
    with world.uow(kw.pop("actor", "test")) as uow:
        signing.void(
            uow,
            record_id=record_id,
            reason=reason,
            supervisor_id=kw.pop("supervisor", world.dana),
            password=kw.pop("password", PASSWORD),
            **kw,
        )


def amend(world: World, record_id: str, reason: str = "Length corrected", **changes) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return signing.amend(uow, record_id=record_id, reason=reason, **changes).id


def stored_status(world: World, record_id: str) -> str:
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    try:
        for table in ("supervision_session", "experience_entry"):
            row = conn.execute(f"SELECT status FROM {table} WHERE id = ?", (record_id,)).fetchone()
            if row:
                return row[0]
    finally:
        conn.close()
    raise AssertionError(f"no record {record_id}")


def sessions_by_id(world: World, **filters) -> dict[str, dict]:  # type: ignore[no-untyped-def, type-arg]
    with world.uow() as uow:
        return {row["id"]: row for row in records.list_records(uow, "session", **filters)}


def supervision_minutes(world: World, supervisee: int) -> tuple[int, int]:
    """(signed, pending) supervision minutes for a supervisee."""
    with world.uow() as uow:
        result = compute_progress(uow, supervisee_id=supervisee)
    return result.supervision.signed_minutes, result.supervision.pending_minutes


def sign_off_count(path: Path | None) -> int:
    conn = sqlite3.connect(path)  # type: ignore[arg-type]
    try:
        return conn.execute("SELECT count(*) FROM sign_off").fetchone()[0]
    finally:
        conn.close()


def drop_triggers(conn: sqlite3.Connection) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')


def max_audit_id(db: Database) -> int:
    conn = sqlite3.connect(db.path)  # type: ignore[arg-type]
    try:
        return conn.execute("SELECT coalesce(max(id), 0) FROM audit_event").fetchone()[0]
    finally:
        conn.close()


def snapshot_of_the_rest(db: Database, tmp_path: Path, audit_upto: int, name: str) -> str:
    """:func:`snapshot` of a copy of the database without what a wrong password may change:
    the supervisors' failed-attempt counts (and lock, and their updated_at) and the audit
    events after ``audit_upto``. Both sides of a comparison go through the same steps."""
    copy = tmp_path / f"{name}.db"
    source, target = sqlite3.connect(db.path), sqlite3.connect(copy)  # type: ignore[arg-type]
    try:
        source.backup(target)
        drop_triggers(target)  # in the copy only, so both sides lose them alike
        target.execute(
            "UPDATE supervisor SET failed_attempts = 0, locked_until = NULL, updated_at = '2000-01-01 00:00:00'"
        )
        target.execute("DELETE FROM audit_event WHERE id > ?", (audit_upto,))
        target.commit()
    finally:
        source.close()
        target.close()
    return snapshot(copy)


def failed_attempts(world: World, supervisor: int) -> int:
    with world.uow() as uow:
        return people.get_supervisor(uow, supervisor).failed_attempts


# --------------------------------------------------------------------------------------------
# Signing: what works


def test_sign_stores_signer_time_hashes_and_one_chain(world: World) -> None:
    first = add_session(world, date=days_ago(3))
    entry = add_experience(world)
    second = add_session(world, date=days_ago(2))
    stamp = dt.datetime(2026, 1, 2, 15, 30, tzinfo=dt.UTC)
    result = sign(world, [second, entry, first], now=stamp)
    assert set(result.signed) == {first, second, entry}
    assert (result.first_seq, result.last_seq) == (1, 3)
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    links = conn.execute(
        "SELECT seq, record_id, signer_id, signed_at, content_hash, prev_chain_hash, chain_hash FROM sign_off ORDER BY seq"
    ).fetchall()
    conn.close()
    # In date order (the experience period starts earliest), chained from the genesis.
    assert [link[1] for link in links] == [entry, first, second]
    assert links[0][5] == GENESIS
    for before, after in zip(links, links[1:], strict=False):
        assert after[5] == before[6]
    assert {link[2] for link in links} == {world.dana}
    assert {link[3] for link in links} == {"2026-01-02 15:30:00.000000"}
    assert all(len(link[4]) == 64 and len(link[6]) == 64 for link in links)
    for rid in (first, second, entry):
        assert stored_status(world, rid) == "signed"
    with world.uow() as uow:
        assert signoff.verify(uow).ok


def test_sign_all_signs_only_this_supervisors_pending_records(world: World) -> None:
    mine = [add_session(world, date=days_ago(d)) for d in (5, 4, 3)]
    theirs = add_session(world, supervisor_id=world.rafael, supervisee_ids=[world.ben])
    result = sign(world)
    assert sorted(result.signed) == sorted(mine)
    assert stored_status(world, theirs) == "pending"
    with pytest.raises(DomainError, match="no pending records to sign"):
        sign(world)


def test_signing_counts_toward_progress_and_pending_is_shown_apart(world: World) -> None:
    add_session(world, date=days_ago(3))
    assert supervision_minutes(world, world.ana) == (0, 60)
    sign(world)
    assert supervision_minutes(world, world.ana) == (60, 0)


# --------------------------------------------------------------------------------------------
# Refusals


def test_only_the_supervisor_of_record_signs(world: World) -> None:
    rid = add_session(world)
    before = snapshot(world.db)
    with pytest.raises(DomainError, match="belongs to another supervisor") as caught:
        sign(world, [rid], supervisor=world.rafael)
    assert caught.value.field == "record"
    assert stored_status(world, rid) == "pending"
    assert snapshot(world.db) == before


def _link_same_person(world: World, supervisee: int, supervisor: int) -> None:
    """Record, after the fact, that a supervisee is also one of the supervisors here."""
    with world.uow() as uow:
        uow.session.get(Supervisee, supervisee).same_person_supervisor_id = supervisor
        uow.commit()


def test_nobody_signs_their_own_hours(world: World) -> None:
    # Rafael (a CADC supervisor) is himself earning the CRSS as a supervisee of Dana's; a
    # session Rafael supervises with "himself" attending is refused at entry already...
    with world.uow() as uow:
        himself = people.add_supervisee(
            uow,
            name="Rafael Ortiz (CRSS trainee)",
            credential="CRSS",
            start_date=days_ago(300),
            supervisor_id=world.dana,
            same_person_supervisor_id=world.rafael,
        ).id
        uow.commit()
    with pytest.raises(DomainError, match="cannot supervise their own hours"):
        add_session(world, supervisor_id=world.rafael, supervisee_ids=[himself])
    # ...and if the link is learned only after the records were written, signing refuses.
    group = add_session(
        world,
        supervisor_id=world.rafael,
        supervisee_ids=[world.ben, world.carla],
        format="group",
        allocations={"advocacy": 30, "mentoring": 30},
    )
    entry = add_experience(world, supervisee_id=world.carla, supervisor_id=world.rafael)
    _link_same_person(world, world.carla, world.rafael)
    before = snapshot(world.db)
    for rid in (group, entry):
        with pytest.raises(DomainError, match="your own supervised time"):
            sign(world, [rid], supervisor=world.rafael)
    with pytest.raises(DomainError, match="your own supervised time"):
        sign(world, supervisor=world.rafael)  # --all
    assert snapshot(world.db) == before


def test_a_supervisee_cannot_sign(world: World) -> None:
    rid = add_session(world)
    # Supervisees have no signing identity: their id is not a supervisor's.
    with world.uow() as uow:
        ids = {s.id for s in people.list_supervisors(uow)}
    ghost = max(ids) + 100
    with pytest.raises(DomainError, match=f"no supervisor with id {ghost}"):
        sign(world, [rid], supervisor=ghost)
    assert stored_status(world, rid) == "pending"


def test_wrong_password_changes_nothing_but_the_failed_attempt_count(world: World, tmp_path: Path) -> None:
    rid = add_session(world)
    upto = max_audit_id(world.db)
    before = snapshot_of_the_rest(world.db, tmp_path, upto, "before")
    with pytest.raises(auth.WrongPassword) as caught:
        sign(world, [rid], password="not the password", actor="supervisor:dana")
    assert str(caught.value) == (
        "Wrong password for Dana Whitaker. 4 attempts left before signing locks for 5 minutes."
    )
    assert caught.value.field == "password"
    assert failed_attempts(world, world.dana) == 1
    assert stored_status(world, rid) == "pending"
    assert snapshot_of_the_rest(world.db, tmp_path, upto, "after") == before
    with world.uow() as uow:
        new = [e for e in audit.list_events(uow) if e.id > upto]
    assert [(e.action, e.actor, e.record_id) for e in new] == [("failed-sign-in", "supervisor:dana", rid)]
    assert json.loads(new[0].details) == {"supervisor_id": world.dana, "records": [rid]}
    assert PASSWORD not in new[0].details and "not the password" not in new[0].details


def test_wrong_password_commits_nothing_the_caller_had_staged(world: World) -> None:
    rid = add_session(world)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=days_ago(9)))  # staged, not committed
        with pytest.raises(auth.WrongPassword):
            signing.sign(uow, supervisor_id=world.dana, password="wrong password!", record_ids=[rid])
    with world.uow() as uow:
        assert len(records.list_records(uow, "session")) == 1
    assert failed_attempts(world, world.dana) == 1


def test_wrong_password_on_the_command_line_is_exit_2_and_changes_nothing_else(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    rid = add_session(world)
    upto = max_audit_id(world.db)
    before = snapshot_of_the_rest(world.db, tmp_path, upto, "before")
    monkeypatch.setattr("sys.stdin", io.StringIO("not the password\n"))
    code = main(
        ["--db", str(world.db.path), "sign", "--supervisor", str(world.dana), rid, "--password-stdin"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "Wrong password for Dana Whitaker. 4 attempts left" in err
    assert failed_attempts(world, world.dana) == 1
    assert snapshot_of_the_rest(world.db, tmp_path, upto, "after") == before


def test_five_wrong_passwords_lock_signing_for_five_minutes_across_restarts(
    world: World, db_path: Path
) -> None:
    rid = add_session(world)
    t0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    messages = []
    for attempt in range(5):
        with pytest.raises(auth.WrongPassword) as caught:
            sign(world, [rid], password=f"wrong {attempt}", now=t0 + dt.timedelta(seconds=attempt))
        messages.append(str(caught.value))
    assert messages[3].endswith("1 attempt left before signing locks for 5 minutes.")
    assert messages[4] == "Wrong password. Signing is now locked for Dana Whitaker for 5 minutes."
    locked_at = t0 + dt.timedelta(seconds=4)

    # Restarting the app does not reset the lock: it lives in the database.
    world.db.close()
    world.db = open_database(db_path)
    with world.uow() as uow:
        dana = people.get_supervisor(uow, world.dana)
        assert dana.locked_until == locked_at + auth.LOCKOUT
    # The right password is refused while locked, for signing, voiding and changing it.
    for when in (locked_at + dt.timedelta(seconds=1), locked_at + dt.timedelta(minutes=4, seconds=59)):
        with pytest.raises(DomainError, match="Signing is locked for Dana Whitaker after 5 wrong passwords"):
            sign(world, [rid], now=when)
    with pytest.raises(DomainError, match=r"Try again in about 5 minutes\."):
        sign(world, [rid], now=locked_at)
    with pytest.raises(DomainError, match="Signing is locked"):
        void(world, rid, now=locked_at + dt.timedelta(minutes=1))
    with world.uow() as uow, pytest.raises(DomainError, match="Signing is locked"):
        auth.change_password(
            uow,
            supervisor_id=world.dana,
            old_password=PASSWORD,
            new_password=NEW_PASSWORD,
            now=locked_at + dt.timedelta(minutes=2),
        )
    assert stored_status(world, rid) == "pending"
    # Other supervisors are not locked.
    other = add_session(world, supervisor_id=world.rafael, supervisee_ids=[world.ben], date=days_ago(2))
    assert sign(world, [other], supervisor=world.rafael, now=locked_at).signed == [other]

    # Five minutes later the lock has expired: the right password signs and clears the count.
    result = sign(world, [rid], now=locked_at + auth.LOCKOUT)
    assert result.signed == [rid]
    with world.uow() as uow:
        dana = people.get_supervisor(uow, world.dana)
        assert (dana.failed_attempts, dana.locked_until) == (0, None)
        actions = [e.action for e in audit.list_events(uow)]
    assert actions.count("failed-sign-in") == 5
    assert actions.count("locked") == 1


def test_a_correct_password_resets_the_count_before_the_lock(world: World) -> None:
    first, second = add_session(world, date=days_ago(3)), add_session(world, date=days_ago(2))
    for _ in range(4):
        with pytest.raises(auth.WrongPassword):
            sign(world, [first], password="still wrong!")
    sign(world, [first])
    assert failed_attempts(world, world.dana) == 0
    with pytest.raises(auth.WrongPassword, match="4 attempts left"):
        sign(world, [second], password="wrong again!")


def test_change_password_needs_the_old_one(world: World) -> None:
    rid = add_session(world)
    with world.uow() as uow, pytest.raises(auth.WrongPassword):
        auth.change_password(
            uow, supervisor_id=world.dana, old_password="guess guess", new_password=NEW_PASSWORD
        )
    assert failed_attempts(world, world.dana) == 1
    with world.uow() as uow, pytest.raises(DomainError, match="same as the old one"):
        auth.change_password(uow, supervisor_id=world.dana, old_password=PASSWORD, new_password=PASSWORD)
    with world.uow() as uow, pytest.raises(DomainError, match="at least 8 characters"):
        auth.change_password(uow, supervisor_id=world.dana, old_password=PASSWORD, new_password="short")
    with world.uow() as uow:
        auth.change_password(uow, supervisor_id=world.dana, old_password=PASSWORD, new_password=NEW_PASSWORD)
        uow.commit()
        stored = people.get_supervisor(uow, world.dana).password_hash
    assert stored is not None and stored.startswith("$argon2id$") and NEW_PASSWORD not in stored
    with pytest.raises(auth.WrongPassword):
        sign(world, [rid], password=PASSWORD)  # the old one no longer works
    assert sign(world, [rid], password=NEW_PASSWORD).signed == [rid]
    with world.uow() as uow:
        assert "password-changed" in [e.action for e in audit.list_events(uow)]


def test_a_supervisor_without_a_password_sets_one_first(world: World) -> None:
    with world.uow() as uow:
        lee = people.add_supervisor(uow, name="Lee Tran", credentials="CRSS").id
        uow.commit()
    rid = add_session(world, supervisor_id=lee)
    with pytest.raises(DomainError, match=f"no password yet.*supervisor passwd {lee}"):
        sign(world, [rid], supervisor=lee)
    # Not by just anyone (issue 14): with other supervisors having passwords, an empty old
    # password is refused and nothing changes; another supervisor signed in sets the first one.
    before = snapshot(world.db)
    with (
        world.uow() as uow,
        pytest.raises(DomainError, match="Another supervisor signed in sets the first one"),
    ):
        auth.change_password(uow, supervisor_id=lee, old_password="", new_password=NEW_PASSWORD)
    assert snapshot(world.db) == before
    with world.uow() as uow:
        key = auth.set_password_by_another(
            uow,
            supervisor_id=lee,
            new_password=NEW_PASSWORD,
            by_supervisor_id=world.dana,
            by_password=PASSWORD,
        )
        uow.commit()
    assert key is not None  # their recovery key, shown once
    assert sign(world, [rid], supervisor=lee, password=NEW_PASSWORD).signed == [rid]


def test_a_batch_is_signed_all_or_none(world: World) -> None:
    mine = [add_session(world, date=days_ago(d)) for d in (6, 5, 4)]
    entry = add_experience(world)
    theirs = add_session(world, supervisor_id=world.rafael, supervisee_ids=[world.ben], date=days_ago(3))
    before = snapshot(world.db)
    with pytest.raises(DomainError, match=f"Record {theirs[:8]} belongs to another supervisor"):
        sign(world, [*mine, entry, theirs])
    assert snapshot(world.db) == before
    for rid in (*mine, entry, theirs):
        assert stored_status(world, rid) == "pending"
    assert sign_off_count(world.db.path) == 0
    # An already-signed record in a batch refuses the whole batch too.
    sign(world, [mine[0]])
    before = snapshot(world.db)
    with pytest.raises(DomainError, match="is already signed") as caught:
        sign(world, [mine[1], mine[0], mine[2]])
    assert (caught.value.code, caught.value.params["record"]) == ("sign.already_signed", mine[0])
    assert snapshot(world.db) == before
    # An unknown id, too.
    with pytest.raises(DomainError, match="no session or experience entry with id 'ffffffff'"):
        sign(world, [mine[1], "ffffffff"])
    assert snapshot(world.db) == before
    with pytest.raises(DomainError, match="at least one record"):
        sign(world, [])


def test_signing_by_unique_prefix(world: World) -> None:
    rid = add_session(world)
    assert sign(world, [rid[:8].upper()]).signed == [rid]


# --------------------------------------------------------------------------------------------
# Signed records are final: the services refuse


def test_services_refuse_to_edit_or_delete_signed_records(world: World) -> None:
    session = add_session(world, date=days_ago(4))
    entry = add_experience(world)
    sign(world)
    before = snapshot(world.db)
    with world.uow() as uow:
        with pytest.raises(DomainError, match="is signed and final; it cannot be edited"):
            records.update_session(
                uow, record_id=session, **session_fields(world, minutes=45, allocations={"advocacy": 45})
            )
        with pytest.raises(DomainError, match="is signed and final; it cannot be edited"):
            records.update_experience(uow, record_id=entry, **experience_fields(world, setting="Elsewhere"))
        for rid in (session, entry):
            with pytest.raises(DomainError, match="is signed and final; it cannot be deleted"):
                records.delete_pending(uow, record_id=rid)
    assert snapshot(world.db) == before


def test_pending_records_can_be_edited_and_deleted(world: World) -> None:
    rid = add_session(world)
    with world.uow() as uow:
        records.update_session(
            uow, record_id=rid, **session_fields(world, minutes=90, allocations={"advocacy": 90})
        )
        uow.commit()
    assert sessions_by_id(world)[rid]["minutes"] == 90
    with world.uow() as uow:
        records.delete_pending(uow, record_id=rid)
        uow.commit()
    assert sessions_by_id(world) == {}


# --------------------------------------------------------------------------------------------
# Signed records are final: the database refuses (triggers), whatever the app does


@pytest.fixture
def signed(world: World) -> dict[str, str]:
    """A signed group session, a signed experience entry, a voided session, a pending session."""
    ids = {
        "session": add_session(
            world,
            date=days_ago(5),
            supervisee_ids=[world.ana, world.ben],
            format="group",
            allocations={"advocacy": 30, "mentoring": 30},
        ),
        "experience": add_experience(world),
        "voided": add_session(world, date=days_ago(4)),
    }
    sign(world)
    void(world, ids["voided"])
    ids["pending"] = add_session(world, date=days_ago(2))
    return ids


RAW_REFUSED = [
    ("session minutes", "UPDATE supervision_session SET minutes = 90 WHERE id = :session", FINAL),
    ("session topics", "UPDATE supervision_session SET topics = 'x' WHERE id = :session", FINAL),
    (
        "session back to pending",
        "UPDATE supervision_session SET status = 'pending' WHERE id = :session",
        FINAL,
    ),
    ("delete session", "DELETE FROM supervision_session WHERE id = :session", FINAL),
    ("allocation", "UPDATE session_allocation SET minutes = 45 WHERE session_id = :session", FINAL),
    (
        "allocation moved away",
        "UPDATE session_allocation SET session_id = :pending WHERE session_id = :session",
        FINAL,
    ),
    (
        "allocation moved in",
        "UPDATE session_allocation SET session_id = :session WHERE session_id = :pending",
        FINAL,
    ),
    ("delete allocation", "DELETE FROM session_allocation WHERE session_id = :session", FINAL),
    (
        "insert allocation",
        "INSERT INTO session_allocation (session_id, domain_code, minutes) VALUES (:session, 'recovery-support', 15)",
        FINAL,
    ),
    ("attendee", "UPDATE session_attendee SET supervisee_id = :carla WHERE session_id = :session", FINAL),
    ("delete attendee", "DELETE FROM session_attendee WHERE session_id = :session", FINAL),
    (
        "insert attendee",
        "INSERT INTO session_attendee (session_id, supervisee_id) VALUES (:session, :carla)",
        FINAL,
    ),
    (
        "experience period",
        "UPDATE experience_entry SET period_end = period_start WHERE id = :experience",
        FINAL,
    ),
    ("delete experience", "DELETE FROM experience_entry WHERE id = :experience", FINAL),
    (
        "experience allocation",
        "UPDATE experience_allocation SET minutes = 1 WHERE entry_id = :experience",
        FINAL,
    ),
    ("delete experience allocation", "DELETE FROM experience_allocation WHERE entry_id = :experience", FINAL),
    (
        "insert experience allocation",
        "INSERT INTO experience_allocation (entry_id, domain_code, minutes) VALUES (:experience, 'mentoring', 60)",
        FINAL,
    ),
    ("voided session", "UPDATE supervision_session SET minutes = 15 WHERE id = :voided", FINAL),
    ("signature", "UPDATE sign_off SET signer_id = :rafael", APPEND_ONLY),
    ("void reason", "UPDATE sign_off SET reason = 'Never mind' WHERE action = 'void'", APPEND_ONLY),
    ("delete signature", "DELETE FROM sign_off WHERE seq = 1", APPEND_ONLY),
    ("audit event", "UPDATE audit_event SET actor = 'nobody'", APPEND_ONLY),
    ("delete audit event", "DELETE FROM audit_event", APPEND_ONLY),
]


@pytest.mark.parametrize(("what", "sql", "message"), RAW_REFUSED, ids=[c[0] for c in RAW_REFUSED])
def test_the_database_refuses_raw_sql_on_signed_records(
    world: World, signed: dict[str, str], what: str, sql: str, message: str
) -> None:
    params = {**signed, "carla": world.carla, "rafael": world.rafael}
    before = snapshot(world.db)
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    try:
        with pytest.raises(sqlite3.IntegrityError, match=message):
            conn.execute(sql, params)
        conn.rollback()
    finally:
        conn.close()
    assert snapshot(world.db) == before
    with world.uow() as uow:
        assert signoff.verify(uow).ok


def test_the_triggers_leave_pending_records_alone(world: World, signed: dict[str, str]) -> None:
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    try:
        conn.execute(
            "UPDATE supervision_session SET topics = 'edited by hand' WHERE id = ?", (signed["pending"],)
        )
        conn.execute("UPDATE session_allocation SET minutes = 60 WHERE session_id = ?", (signed["pending"],))
        conn.execute("DELETE FROM session_attendee WHERE session_id = ?", (signed["pending"],))
        conn.commit()
    finally:
        conn.close()
    with world.uow() as uow:
        assert signoff.verify(uow).ok  # pending records are nobody's promise yet


def test_an_orm_bug_cannot_change_a_signed_record_either(world: World, signed: dict[str, str]) -> None:
    from sqlalchemy.exc import IntegrityError

    from supervisor_app.models import SupervisionSession

    with world.uow() as uow:
        session = uow.session.get(SupervisionSession, signed["session"])
        session.minutes = 120
        with pytest.raises(IntegrityError, match=FINAL):
            uow.flush()


# --------------------------------------------------------------------------------------------
# Amend and void chains


def test_an_amendment_replaces_the_original_once_signed(world: World) -> None:
    original = add_session(world, date=days_ago(10))
    sign(world)
    new = amend(world, original, minutes=90, allocations={"advocacy": 45, "mentoring": 45})
    # Pending: the totals still count the original; pending is what signing the amendment
    # adds (90 in place of 60), not both versions.
    assert supervision_minutes(world, world.ana) == (60, 30)
    rows = sessions_by_id(world)
    assert rows[original]["status"] == "signed" and rows[original]["replaced_by"] is None
    assert rows[new]["status"] == "pending" and rows[new]["supersedes"] == original
    assert rows[new]["amendment_reason"] == "Length corrected"

    sign(world, [new])
    assert supervision_minutes(world, world.ana) == (90, 0)
    rows = sessions_by_id(world)
    assert rows[original]["status"] == "amended"
    assert rows[original]["replaced_by"] == new
    assert rows[original]["minutes"] == 60  # the original is kept, unchanged
    assert rows[new]["status"] == "signed"
    with world.uow() as uow:
        assert [r["id"] for r in records.list_records(uow, "session", status="amended")] == [original]
        assert signoff.verify(uow).ok


def test_an_amendment_of_an_amendment(world: World) -> None:
    original = add_session(world, date=days_ago(10))
    sign(world)
    first = amend(world, original, minutes=90, allocations={"advocacy": 45, "mentoring": 45})
    sign(world, [first])
    with pytest.raises(DomainError, match=f"already replaced by {first[:8]}; amend that one instead"):
        amend(world, original, minutes=30, allocations={"advocacy": 30})
    second = amend(world, first, reason="Sign-in sheet says 45", minutes=45, allocations={"mentoring": 45})
    sign(world, [second])
    assert supervision_minutes(world, world.ana) == (45, 0)
    rows = sessions_by_id(world)
    assert (rows[original]["status"], rows[original]["replaced_by"]) == ("amended", first)
    assert (rows[first]["status"], rows[first]["replaced_by"]) == ("amended", second)
    assert (rows[second]["status"], rows[second]["supersedes"]) == ("signed", first)
    with world.uow() as uow:
        assert signoff.verify(uow).ok


def test_amending_an_experience_entry(world: World) -> None:
    original = add_experience(world)
    sign(world)
    new = amend(world, original, period_end=days_ago(26), allocations={"recovery-support": 600})
    sign(world, [new])
    with world.uow() as uow:
        progress = compute_progress(uow, supervisee_id=world.ana)
        rows = {r["id"]: r for r in records.list_records(uow, "experience")}
    assert progress.experience.signed_minutes == 600
    assert (rows[original]["status"], rows[original]["replaced_by"]) == ("amended", new)


def test_a_pending_amendment_can_be_edited_over_its_own_original(world: World) -> None:
    """The signed original still stands while its amendment waits; editing the amendment at
    the same time (or the same period) is not an overlap with it."""
    session = add_session(world, date=days_ago(10))
    entry = add_experience(world)
    sign(world)
    new_session = amend(world, session, topics="Corrected topic")
    new_entry = amend(world, entry, setting="Corrected setting")
    with world.uow() as uow:
        records.update_session(
            uow, record_id=new_session, **session_fields(world, date=days_ago(10), topics="Corrected again")
        )
        records.update_experience(
            uow, record_id=new_entry, **experience_fields(world, setting="Corrected again")
        )
        uow.commit()
    with world.uow() as uow:
        rows = {r["id"]: r for r in records.list_records(uow, "session")}
        assert rows[new_session]["topics"] == "Corrected again" and rows[new_session]["supersedes"] == session
    # Another session at the original's time is still an overlap.
    with world.uow() as uow, pytest.raises(DomainError, match="overlaps"):
        records.add_session(uow, **session_fields(world, date=days_ago(10)))


def test_amend_refusals(world: World) -> None:
    pending = add_session(world, date=days_ago(3))
    with pytest.raises(DomainError, match="not signed yet; edit it directly"):
        amend(world, pending, minutes=45, allocations={"advocacy": 45})
    sign(world)
    with pytest.raises(DomainError, match="Reason for the amendment is required"):
        amend(world, pending, reason="  ", minutes=45, allocations={"advocacy": 45})
    amend(world, pending, minutes=45, allocations={"advocacy": 45})
    day = days_ago(3).isoformat()
    with pytest.raises(
        DomainError, match=f"An amendment of the session of {day} is already waiting to be signed"
    ):
        amend(world, pending, minutes=30, allocations={"advocacy": 30})


def test_void_removes_a_record_from_the_totals(world: World) -> None:
    kept = add_session(world, date=days_ago(5))
    dropped = add_session(world, date=days_ago(4))
    sign(world)
    assert supervision_minutes(world, world.ana) == (120, 0)
    void(world, dropped, reason="Entered twice: the same meeting is logged the day before.")
    assert supervision_minutes(world, world.ana) == (60, 0)
    rows = sessions_by_id(world)
    assert rows[dropped]["status"] == "voided" and rows[kept]["status"] == "signed"
    assert stored_status(world, dropped) == "signed"  # the row itself never changes
    with world.uow() as uow:
        assert [r["id"] for r in records.list_records(uow, "session", status="voided")] == [dropped]
        assert signoff.verify(uow).ok


def test_void_refusals(world: World) -> None:
    pending = add_session(world, date=days_ago(6))
    with pytest.raises(DomainError, match="not signed yet; delete it instead") as caught:
        void(world, pending)
    assert caught.value.code == "void.not_signed"
    signed_id = add_session(world, date=days_ago(5))
    sign(world)
    with pytest.raises(DomainError, match="Reason for the void is required"):
        void(world, signed_id, reason="")
    with pytest.raises(DomainError, match="belongs to another supervisor"):
        void(world, signed_id, supervisor=world.rafael)
    with pytest.raises(auth.WrongPassword):
        void(world, signed_id, password="wrong password")
    void(world, signed_id)
    with pytest.raises(DomainError, match="already voided; it cannot be voided"):
        void(world, signed_id)
    with pytest.raises(DomainError, match="was voided and cannot be amended"):
        amend(world, signed_id, minutes=45, allocations={"advocacy": 45})
    # An amended original is withdrawn by voiding its amendment, not itself.
    new = amend(world, pending, minutes=45, allocations={"advocacy": 45})
    sign(world, [new])
    with pytest.raises(DomainError, match="already amended; it cannot be voided"):
        void(world, pending)


def test_an_amendment_cannot_be_signed_once_its_original_is_voided(world: World) -> None:
    original = add_session(world, date=days_ago(5))
    sign(world)
    new = amend(world, original, minutes=45, allocations={"advocacy": 45})
    void(world, original)
    with pytest.raises(DomainError, match=f"amends {original[:8]}, which was replaced or voided since"):
        sign(world, [new])
    assert stored_status(world, new) == "pending"


def test_voiding_the_latest_amendment_withdraws_the_record(world: World) -> None:
    original = add_session(world, date=days_ago(5))
    sign(world)
    new = amend(world, original, minutes=45, allocations={"advocacy": 45})
    sign(world, [new])
    void(world, new, reason="The meeting never happened")
    assert supervision_minutes(world, world.ana) == (0, 0)
    rows = sessions_by_id(world)
    assert (rows[original]["status"], rows[new]["status"]) == ("amended", "voided")


# --------------------------------------------------------------------------------------------
# The audit trail


def test_the_audit_trail_records_every_action_with_actor_time_and_ids(world: World) -> None:
    start, upto = utcnow(), max_audit_id(world.db)
    kept = add_session(world, actor="dana", date=days_ago(8))
    edited = add_session(world, actor="dana", date=days_ago(7))
    deleted = add_session(world, actor="dana", date=days_ago(6))
    group = add_session(
        world,
        actor="dana",
        date=days_ago(5),
        supervisee_ids=[world.ana, world.ben],
        format="group",
        allocations={"advocacy": 30, "mentoring": 30},
    )
    with world.uow("dana") as uow:
        records.update_session(
            uow,
            record_id=edited,
            **session_fields(world, date=days_ago(7), minutes=45, allocations={"advocacy": 45}),
        )
        records.delete_pending(uow, record_id=deleted)
        uow.commit()
    with pytest.raises(auth.WrongPassword):
        sign(world, [kept], password="wrong password", actor="dana")
    sign(world, actor="dana")
    new = amend(world, kept, minutes=45, allocations={"advocacy": 45})
    void(world, edited, actor="dana", reason="Logged on the wrong day")

    with world.uow() as uow:
        events = [e for e in audit.list_events(uow) if e.id > upto]
        by_record = {
            rid: [e.action for e in audit.list_events(uow, record_id=rid)]
            for rid in (kept, edited, deleted, group, new)
        }
        bens = audit.list_events(uow, supervisee_id=world.ben)
        by_prefix = audit.list_events(uow, record_id=group[:8])
    assert all(e.at.tzinfo is dt.UTC and start - dt.timedelta(seconds=1) <= e.at <= utcnow() for e in events)
    # Newest first; every action is there, with the records it concerns.
    assert by_record[kept] == ["sign", "failed-sign-in", "create"]
    assert by_record[edited] == ["void", "sign", "edit", "create"]
    assert by_record[deleted] == ["delete-pending", "create"]
    assert by_record[group] == ["sign", "sign", "create", "create"]  # one per attendee
    assert by_record[new] == ["amend"]
    assert [e.action for e in by_prefix] == by_record[group]
    # Filtered by supervisee: Ben attends only the group session (and was created).
    assert {(e.action, e.record_id) for e in bens} == {("sign", group), ("create", group), ("create", None)}
    # Actors as given; details say what changed.
    actions = {e.action: e for e in events}
    assert actions["void"].actor == "dana" and json.loads(actions["void"].details) == {
        "reason": "Logged on the wrong day"
    }
    assert json.loads(actions["amend"].details) == {"amends": kept, "reason": "Length corrected"}
    assert json.loads(actions["edit"].details)["before"]["minutes"] == 60
    assert json.loads(actions["delete-pending"].details)["deleted"]["id"] == deleted
    assert actions["failed-sign-in"].actor == "dana"


# --------------------------------------------------------------------------------------------
# Who commits: the services flush, the use cases (usecases.signing) commit once


def test_sign_void_and_amend_services_leave_the_commit_to_the_use_case(world: World) -> None:
    rid = add_session(world)
    with world.uow() as uow:
        assert signoff.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid]).signed == [
            rid
        ]
        assert rid not in signoff.pending_ids(uow, supervisor_id=world.dana)  # flushed: seen inside
    with world.uow() as uow:  # not committed: rolled back with its unit of work
        assert rid in signoff.pending_ids(uow, supervisor_id=world.dana)
        assert signoff.signature_count(uow) == 0
        assert "sign" not in [e.action for e in audit.list_events(uow)]
    sign(world, [rid])  # the use case commits
    with world.uow() as uow:
        signoff.void(uow, record_id=rid, reason="Entered twice", supervisor_id=world.dana, password=PASSWORD)
    with world.uow() as uow:
        records.amend_record(
            uow, record_id=rid, reason="Length corrected", minutes=30, allocations={"advocacy": 30}
        )
    with world.uow() as uow:
        assert signoff.signature_count(uow) == 1
        assert records.display_status(uow, records.find_record(uow, rid)).value == "signed"
        assert "void" not in [e.action for e in audit.list_events(uow)]
    newer = amend(world, rid, minutes=30, allocations={"advocacy": 30})  # the use cases commit
    void(world, rid)
    with world.uow() as uow:
        assert signoff.signature_count(uow) == 2
        assert records.find_record(uow, newer).supersedes_id == rid
        assert signoff.verify(uow).ok
