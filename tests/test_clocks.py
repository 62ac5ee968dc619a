"""A computer's clock that was wrong (issue 14, "Clocks"): a lock stored by a clock a year
ahead lasts no longer than its rule, and a signature never silently goes back in time in
the chain: signing refuses unless the clock is confirmed, and verify warns (not tampering)."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3

import pytest

from conftest import PASSWORD, TODAY, World, session_fields, snapshot
from supervisor_app.cli import main
from supervisor_app.models import utcnow
from supervisor_app.services import auth, people, records, signoff
from supervisor_app.services.errors import DomainError
from supervisor_app.usecases import signing

A_YEAR = dt.timedelta(days=365)


def add_session(world: World, days_ago: int = 1) -> str:
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=days_ago)))
        uow.commit()
        return row.id


def sign(world: World, ids: list[str], **kw) -> signoff.SignResult:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return signing.sign(
            uow, supervisor_id=world.dana, password=kw.pop("password", PASSWORD), record_ids=ids, **kw
        )


def stored_lock(world: World) -> dt.datetime | None:
    with world.uow() as uow:
        return people.get_supervisor(uow, world.dana).locked_until


def lock_with_a_clock_ahead(world: World, ahead: dt.timedelta) -> dt.datetime:
    """Five wrong passwords while the computer thought it was ``ahead`` of now; the lock's end."""
    rid = add_session(world)
    wrong_time = utcnow() + ahead
    for attempt in range(auth.MAX_FAILED_ATTEMPTS):
        with pytest.raises(auth.WrongPassword):
            sign(world, [rid], password=f"wrong {attempt}", now=wrong_time)
    locked_until = stored_lock(world)
    assert locked_until is not None and locked_until > utcnow() + ahead - dt.timedelta(minutes=1)
    return locked_until


# --------------------------------------------------------------------------------------------
# Lock deadlines


@pytest.mark.parametrize("ahead", [A_YEAR, dt.timedelta(hours=2), dt.timedelta(minutes=6)])
def test_a_lock_stored_by_a_clock_ahead_lasts_at_most_its_rule(world: World, ahead: dt.timedelta) -> None:
    lock_with_a_clock_ahead(world, ahead)
    now = utcnow()
    [rid] = [r["id"] for r in _pending(world)]
    with pytest.raises(DomainError, match=r"Try again in about 5 minutes\.$"):
        sign(world, [rid], now=now)
    # The shortened deadline is stored, so it does not slide on with every attempt.
    assert stored_lock(world) == now + auth.LOCKOUT
    with pytest.raises(DomainError, match=r"Try again in about 2 minutes\.$"):
        sign(world, [rid], now=now + dt.timedelta(minutes=3, seconds=30))
    result = sign(world, [rid], now=now + auth.LOCKOUT + dt.timedelta(seconds=1))
    assert result.signed == [rid]
    assert stored_lock(world) is None


def test_the_sign_in_check_shares_the_bounded_lock(world: World) -> None:
    """Sign-in and unlock check the password through the same service, and the same lock."""
    lock_with_a_clock_ahead(world, A_YEAR)
    now = utcnow()
    with world.uow() as uow, pytest.raises(DomainError, match=r"Try again in about 5 minutes\.$"):
        auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD, now=now)
    with world.uow() as uow:
        auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD, now=now + auth.LOCKOUT)
        uow.commit()
    assert stored_lock(world) is None


def test_a_lock_within_its_rule_is_left_as_it_was(world: World) -> None:
    rid = add_session(world)
    t0 = utcnow()
    for attempt in range(auth.MAX_FAILED_ATTEMPTS):
        with pytest.raises(auth.WrongPassword):
            sign(world, [rid], password=f"wrong {attempt}", now=t0)
    before = snapshot(world.db)
    with pytest.raises(DomainError, match=r"Try again in about 4 minutes\.$"):
        sign(world, [rid], now=t0 + dt.timedelta(seconds=61))
    assert snapshot(world.db) == before
    assert stored_lock(world) == t0 + auth.LOCKOUT


def _pending(world: World) -> list[dict]:  # type: ignore[type-arg]
    with world.uow() as uow:
        return [r for r in records.list_records(uow, "session") if r["status"] == "pending"]


# --------------------------------------------------------------------------------------------
# Signing with a clock set back


def test_signing_at_a_time_before_the_newest_signature_is_refused_and_changes_nothing(world: World) -> None:
    first, second = add_session(world, 2), add_session(world, 1)
    sign(world, [first], now=utcnow() + A_YEAR)  # the clock was a year ahead then
    before = snapshot(world.db)
    with pytest.raises(signoff.ClockBehind, match=r"earlier than the newest signature \(#1, ") as caught:
        sign(world, [second])
    assert (caught.value.field, caught.value.code) == ("clock", "sign.clock_behind")
    assert snapshot(world.db) == before
    # The supervisor confirms the clock: the signature is made, dated now.
    assert sign(world, [second], clock_is_right=True).signed == [second]
    with world.uow() as uow:
        report = signoff.verify(uow)
    assert report.ok  # nothing was altered...
    [warning] = report.warnings  # ...but time runs backwards between #1 and #2, named
    assert warning.record_id == second
    assert "signature #2 is dated" in warning.message and "earlier than signature #1" in warning.message


def test_voiding_checks_the_clock_the_same_way(world: World) -> None:
    first = add_session(world, 2)
    sign(world, [first], now=utcnow() + dt.timedelta(days=3))
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(signoff.ClockBehind):
        signing.void(
            uow, record_id=first, reason="Entered twice", supervisor_id=world.dana, password=PASSWORD
        )
    assert snapshot(world.db) == before
    with world.uow() as uow:
        signing.void(
            uow,
            record_id=first,
            reason="Entered twice",
            supervisor_id=world.dana,
            password=PASSWORD,
            clock_is_right=True,
        )
    with world.uow() as uow:
        report = signoff.verify(uow)
    assert report.ok and [w.record_id for w in report.warnings] == [first]


def test_a_wrong_password_is_counted_before_the_clock_is_looked_at(world: World) -> None:
    first, second = add_session(world, 2), add_session(world, 1)
    sign(world, [first], now=utcnow() + A_YEAR)
    with pytest.raises(auth.WrongPassword):
        sign(world, [second], password="not the password")


def test_signatures_in_time_order_give_no_warning(world: World) -> None:
    ids = [add_session(world, d) for d in (3, 2, 1)]
    t0 = utcnow()
    for i, rid in enumerate(ids):
        sign(world, [rid], now=t0 + dt.timedelta(seconds=i))
    with world.uow() as uow:
        report = signoff.verify(uow)
    assert report.ok and report.warnings == []


def test_a_signed_at_edited_to_another_type_is_reported_not_a_crash(world: World) -> None:
    ids = [add_session(world, d) for d in (2, 1)]
    sign(world, ids)
    conn = sqlite3.connect(world.db.path)  # type: ignore[arg-type]
    with conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("UPDATE sign_off SET signed_at = 12 WHERE seq = 2")
    conn.close()
    with world.uow() as uow:
        report = signoff.verify(uow)
    assert not report.ok  # the link's hash no longer matches: tampering, named
    assert any("signature #2 was altered" in p.message for p in report.problems)


# --------------------------------------------------------------------------------------------
# The command line


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str, str]:
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(args)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_sign_refuses_a_clock_behind_unless_confirmed(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = add_session(world, 2), add_session(world, 1)
    sign(world, [first], now=utcnow() + A_YEAR)
    db = str(world.db.path)
    before = snapshot(world.db)
    sign_args = ["--db", db, "sign", "--supervisor", str(world.dana), second, "--password-stdin"]
    code, out, err = run_cli(sign_args, capsys, PASSWORD + "\n")
    assert code == 2 and out == ""
    assert "earlier than the newest signature (#1, " in err and "--clock-is-right" in err
    assert snapshot(world.db) == before

    code, out, err = run_cli([*sign_args, "--clock-is-right"], capsys, PASSWORD + "\n")
    assert code == 0, err
    assert "Signed 1 record(s)" in out

    code, out, err = run_cli(["--db", db, "verify"], capsys)
    assert code == 0, err  # a warning, not tampering
    assert out.startswith("OK: ")
    assert f"warning: {second}: signature #2 is dated" in out

    code, out, err = run_cli(["--db", db, "--json", "verify"], capsys)
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and data["problems"] == []
    assert [w["record_id"] for w in data["warnings"]] == [second]


def test_cli_void_refuses_a_clock_behind_unless_confirmed(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    first = add_session(world, 2)
    sign(world, [first], now=utcnow() + dt.timedelta(hours=5))
    db = str(world.db.path)
    before = snapshot(world.db)
    void_args = ["--db", db, "void", first, "--reason", "Entered twice", "--supervisor", str(world.dana)]
    code, _out, err = run_cli([*void_args, "--password-stdin"], capsys, PASSWORD + "\n")
    assert code == 2 and "--clock-is-right" in err
    assert snapshot(world.db) == before
    code, out, err = run_cli([*void_args, "--password-stdin", "--clock-is-right"], capsys, PASSWORD + "\n")
    assert code == 0, err
    assert f"Voided {first}" in out
