"""Verified once per change, not once per view (issue 19): a repeat view with nothing changed
does not verify again; another connection's commit, and this process's own writes, make the
next view see (and verify) the file as it is now."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from test_verified_postgres import _tamper

from conftest import PASSWORD, TODAY, World, session_fields
from supervisor_app.db import Database, open_database
from supervisor_app.services import records, signoff
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.signoff import supervisee as supervisee_reads
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends


def tamper(db: Database, sql: str, **params: object) -> None:
    """Change rows as an attacker could, the triggers of the table off for the change (a
    SQLite file with sqlite3; the agency database as its owner)."""
    table = re.match(r"(?:UPDATE|DELETE FROM) (\w+)", sql).group(1)  # type: ignore[union-attr]
    _tamper(db, table, sql, **params)


def _session(world: World, days_ago: int, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        row = records.add_session(
            uow, **session_fields(world, date=TODAY - dt.timedelta(days=days_ago), **overrides)
        )
        uow.commit()
        return row.id


def _sign_all(world: World) -> None:
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)


@pytest.fixture
def signed(world: World) -> tuple[World, list[str]]:
    ids = [_session(world, d) for d in (30, 20, 10)]
    _sign_all(world)
    return world, ids


def _view(world: World, supervisee: int | None = None, *, reading: bool = False):  # type: ignore[no-untyped-def]
    with world.db.uow("test", reading=reading) as uow:
        return compute_progress(uow, supervisee_id=supervisee or world.ana)


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a supervisee's records are read and checked (not served from memory)."""
    calls: list[int] = []
    real = supervisee_reads._read_supervisee

    def counting(uow, supervisee_id, also, *, check):  # type: ignore[no-untyped-def]
        calls.append(int(check))
        return real(uow, supervisee_id, also, check=check)

    monkeypatch.setattr(supervisee_reads, "_read_supervisee", counting)
    return calls


def test_a_repeat_view_with_nothing_changed_is_not_verified_again(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    world, _ids = signed
    calls = _count_checks(monkeypatch)
    first = _view(world)
    second = _view(world)
    third = _view(world, reading=True)  # the read-only engine: another connection, same proof
    assert calls == [1]
    assert first.supervision.signed_minutes == second.supervision.signed_minutes == 180
    assert third.supervision.signed_minutes == 180


def test_a_tamper_from_another_connection_between_two_views_is_refused(
    signed: tuple[World, list[str]],
) -> None:
    world, ids = signed
    assert _view(world).supervision.signed_minutes == 180
    tamper(world.db, "UPDATE supervision_session SET minutes = 600 WHERE id = :id", id=ids[1])
    with pytest.raises(signoff.RecordsFailVerification) as caught:
        _view(world)
    assert ids[1] in str(caught.value)
    with pytest.raises(signoff.RecordsFailVerification):  # and stays refused
        _view(world, reading=True)


def test_a_tamper_of_an_allocation_between_views_on_the_reading_engine_is_refused(
    signed: tuple[World, list[str]],
) -> None:
    world, ids = signed
    assert _view(world, reading=True).supervision.signed_minutes == 180
    assert _view(world, reading=True).supervision.signed_minutes == 180
    tamper(
        world.db,
        "UPDATE session_allocation SET minutes = 55 WHERE session_id = :id AND domain_code = 'advocacy'",
        id=ids[0],
    )
    with pytest.raises(signoff.RecordsFailVerification) as caught:
        _view(world, reading=True)
    assert ids[0] in str(caught.value)


def test_a_tamper_while_the_app_was_closed_is_refused_after_a_restart(
    signed: tuple[World, list[str]],
) -> None:
    world, ids = signed
    path = world.db.path or world.db.url
    assert _view(world).supervision.signed_minutes == 180
    world.db.close()
    tamper(world.db, "DELETE FROM session_allocation WHERE session_id = :id", id=ids[2])
    again = open_database(path)
    try:
        with again.uow("test") as uow, pytest.raises(signoff.RecordsFailVerification) as caught:
            compute_progress(uow, supervisee_id=world.ana)
        assert ids[2] in str(caught.value)
    finally:
        again.close()


def test_a_tamper_while_another_database_object_stays_open_is_refused(
    signed: tuple[World, list[str]],
) -> None:
    """A restart while this process still has the first handle open (the memo is per file)."""
    world, ids = signed
    assert _view(world).supervision.signed_minutes == 180
    tamper(world.db, "UPDATE supervision_session SET date = '2001-01-01' WHERE id = :id", id=ids[0])
    again = open_database(world.db.path or world.db.url)
    try:
        with again.uow("test") as uow, pytest.raises(signoff.RecordsFailVerification):
            compute_progress(uow, supervisee_id=world.ana)
    finally:
        again.close()


def test_own_sign_and_void_between_views_show_the_new_figures(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    world, ids = signed
    assert _view(world).supervision.signed_minutes == 180
    assert _view(world, world.ben).supervision.signed_minutes == 0
    calls = _count_checks(monkeypatch)
    _session(world, 5)
    pending = _view(world)
    assert (pending.supervision.signed_minutes, pending.supervision.pending_minutes) == (180, 60)
    _sign_all(world)
    assert _view(world).supervision.signed_minutes == 240
    with world.uow() as uow:
        signing.void(
            uow, record_id=ids[0], supervisor_id=world.dana, password=PASSWORD, reason="Entered twice"
        )
    assert _view(world, reading=True).supervision.signed_minutes == 180
    assert _view(world).supervision.signed_minutes == 180
    # Ben's records were not touched by any of it: his proof still holds.
    assert _view(world, world.ben).supervision.signed_minutes == 0
    assert calls == [1, 1, 1]  # Ana after the new session, after signing, after the void


def test_a_pending_edit_of_another_supervisee_keeps_the_proof(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    world, _ids = signed
    _view(world)
    calls = _count_checks(monkeypatch)
    _session(world, 4, supervisee_ids=[world.ben])
    assert _view(world).supervision.signed_minutes == 180
    assert _view(world, world.ben).supervision.pending_minutes == 60
    assert calls == [1]  # Ben only


def test_a_write_from_another_connection_of_this_process_forgets_the_proofs(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a harmless commit by a connection the app did not make (sqlite3 here) counts as
    someone else's: everything is verified again."""
    world, _ids = signed
    _view(world)
    _view(world, world.ben)
    calls = _count_checks(monkeypatch)
    tamper(world.db, "UPDATE supervisee SET name = name WHERE id = -1")
    _view(world)
    _view(world, world.ben)
    assert calls == [1, 1]


def test_a_whole_file_verification_vouches_for_every_supervisee_until_a_change(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from supervisor_app.services import agency_check

    world, ids = signed
    with world.db.uow("test", reading=True) as uow:
        report = agency_check.verify_file(uow)
    assert report.ok
    calls = _count_checks(monkeypatch)
    assert _view(world).supervision.signed_minutes == 180
    assert calls == [0]  # read, not hashed: the whole file was verified at this state
    tamper(world.db, "UPDATE supervision_session SET minutes = 61 WHERE id = :id", id=ids[0])
    with pytest.raises(signoff.RecordsFailVerification):
        _view(world)


def test_a_whole_file_verification_with_a_problem_vouches_only_for_the_others(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from supervisor_app.services import agency_check

    world, ids = signed
    _session(world, 8, supervisee_ids=[world.ben])
    _sign_all(world)
    tamper(world.db, "UPDATE supervision_session SET minutes = 61 WHERE id = :id", id=ids[0])
    with world.db.uow("test", reading=True) as uow:
        assert not agency_check.verify_file(uow).ok
    calls = _count_checks(monkeypatch)
    assert _view(world, world.ben).supervision.signed_minutes == 60
    with pytest.raises(signoff.RecordsFailVerification):
        _view(world)
    assert calls == [0, 1]  # Ben read as vouched for; Ana checked (and refused)


def test_printing_a_form_keeps_the_proof_and_a_later_sign_still_forgets_it(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A print writes an attestation row, its chain link and an audit event, and changes no
    record: the next view (or print) of the same supervisee is not verified again. A record
    signed afterwards is."""
    from supervisor_app.usecases import printing

    world, _ids = signed
    _view(world)
    calls = _count_checks(monkeypatch)
    with world.uow() as uow:
        request = printing.FormRequest(world.ana, world.dana)
        printing.print_form(uow, request, printed_by="Dana Whitaker", app_version="test")
    assert _view(world).supervision.signed_minutes == 180
    assert calls == [], "the print, and the view after it, were served from the proof"
    _session(world, 5)
    _sign_all(world)
    assert _view(world).supervision.signed_minutes == 240
    assert calls == [1]
