"""Supervisee heads (keyed signature payload version 2): a supervisee's view checks the newest
signature of each key over their links, and falls back to every batch when that does not
settle it (services/signoff/heads.py)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from test_audit_chain import tamper

from conftest import PASSWORD, TODAY, World, session_fields
from supervisor_app.services import keys, records, signatures, signoff
from supervisor_app.services.signoff.heads import head_of
from supervisor_app.usecases import signing


def _session(world: World, days: int, **fields: object) -> str:
    with world.uow() as uow:
        row = records.add_session(
            uow, **session_fields(world, date=TODAY - dt.timedelta(days=days), **fields)
        )
        uow.commit()
        return row.id


def _sign(world: World, ids: list[str], supervisor: int | None = None) -> None:
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=supervisor or world.dana, password=PASSWORD, record_ids=ids)


def _rows(world: World, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(world.db.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _gid(world: World, supervisee: int) -> str:
    return _rows(world, "SELECT global_id FROM supervisee WHERE id = ?", (supervisee,))[0][0]


def _her_chain_hashes(world: World, supervisee: int, until: int) -> list[str]:
    return [
        chain
        for (chain,) in _rows(
            world,
            "SELECT chain_hash FROM sign_off WHERE seq <= ? AND (record_id IN (SELECT session_id FROM "
            "session_attendee WHERE supervisee_id = ?) OR record_id IN (SELECT id FROM experience_entry "
            "WHERE supervisee_id = ?)) ORDER BY seq",
            (until, supervisee, supervisee),
        )
    ]


def _view(world: World, supervisee: int) -> signoff.VerifyReport:
    from supervisor_app.services import verified

    verified.forget_views()  # a first view, as a fresh process makes it
    with world.uow() as uow:
        return signoff.read_supervisee(uow, supervisee).report


def _replace_payload(world: World, signature_id: str, payload: dict, signature: str) -> None:
    tamper(
        world.db.path,
        "UPDATE signature SET payload = ?, signature = ? WHERE id = ?",
        params=(signatures.payload_text(payload), signature, signature_id),
    )


def test_each_signature_holds_the_head_of_every_supervisee_it_concerns(world: World) -> None:
    group = _session(world, 5, supervisee_ids=[world.ana, world.ben], format="group")
    _sign(world, [_session(world, 6), group])
    _sign(world, [_session(world, 3, supervisee_ids=[world.ben])])
    with world.uow() as uow:
        signing.void(
            uow, record_id=group, reason="Entered twice", supervisor_id=world.dana, password=PASSWORD
        )
    payloads = [json.loads(t) for (t,) in _rows(world, "SELECT payload FROM signature ORDER BY first_seq")]
    ends = [last for (last,) in _rows(world, "SELECT last_seq FROM signature ORDER BY first_seq")]
    assert [p["version"] for p in payloads] == [2, 2, 2]
    ana, ben = _gid(world, world.ana), _gid(world, world.ben)
    assert sorted(payloads[0]["heads"]) == sorted([ana, ben])
    assert list(payloads[1]["heads"]) == [ben]
    assert sorted(payloads[2]["heads"]) == sorted([ana, ben])  # the void of the group session
    for payload, last in zip(payloads, ends, strict=True):
        for person, gid in ((world.ana, ana), (world.ben, ben)):
            if gid in payload["heads"]:
                assert payload["heads"][gid] == head_of(_her_chain_hashes(world, person, last))
    # Ana's four links: two signings, then the void: her newest signature vouches for them all.
    report = _view(world, world.ana)
    assert report.ok and report.keyed_signatures_checked == 1, report.problems


def test_a_view_checks_the_newest_signature_of_each_key_that_signed_her_links(world: World) -> None:
    _sign(world, [_session(world, 9)])
    _sign(world, [_session(world, 8)])
    _sign(world, [_session(world, 7)])
    assert _view(world, world.ana).keyed_signatures_checked == 1
    with world.uow() as uow:  # a new key for Dana (a password reset): her older batches keep theirs
        from supervisor_app.services import auth

        auth.set_password_by_another(
            uow,
            supervisor_id=world.dana,
            new_password="another password",
            by_supervisor_id=world.rafael,
            by_password=PASSWORD,
        )
        uow.commit()
    with world.uow() as uow:
        signing.sign(
            uow, supervisor_id=world.dana, password="another password", record_ids=[_session(world, 2)]
        )
    report = _view(world, world.ana)
    assert report.ok and report.keyed_signatures_checked == 2, report.problems


def test_a_version_1_newest_signature_is_checked_batch_by_batch(world: World) -> None:
    """A file signed before heads (version 1): every batch is checked, as before."""
    _sign(world, [_session(world, 9)])
    _sign(world, [_session(world, 8)])
    [(sid, text)] = _rows(world, "SELECT id, payload FROM signature ORDER BY first_seq DESC LIMIT 1")
    payload = json.loads(text)
    del payload["heads"]
    payload["version"] = 1
    with world.uow() as uow:
        _key, private = keys.unlock(uow, world.dana, PASSWORD)
    _replace_payload(world, sid, payload, signatures.sign_payload(private, payload))
    report = _view(world, world.ana)
    assert report.ok and report.keyed_signatures_checked == 2, report.problems


def test_a_head_that_differs_is_settled_batch_by_batch(world: World) -> None:
    """A head that does not match (only a faulty signer writes one) vouches for nothing: every
    batch is checked, and here every one is sound."""
    _sign(world, [_session(world, 9)])
    _sign(world, [_session(world, 8)])
    [(sid, text)] = _rows(world, "SELECT id, payload FROM signature ORDER BY first_seq DESC LIMIT 1")
    payload = json.loads(text)
    payload["heads"] = {gid: "0" * 64 for gid in payload["heads"]}
    with world.uow() as uow:
        _key, private = keys.unlock(uow, world.dana, PASSWORD)
    _replace_payload(world, sid, payload, signatures.sign_payload(private, payload))
    report = _view(world, world.ana)
    assert report.ok and report.keyed_signatures_checked == 2, report.problems


def test_a_link_signed_into_her_history_without_the_key_is_named(world: World) -> None:
    """A signed session added for her between two batches, the chain recomputed with the app's
    own code: the newest signature's head no longer matches, and batch by batch names it."""
    from test_forgery import _rewrite_chain

    first = _session(world, 9)
    _sign(world, [first])
    _sign(world, [_session(world, 8)])
    _rewrite_chain(world.db.path, "UPDATE supervision_session SET minutes = 61 WHERE id = :a", a=first)
    report = _view(world, world.ana)
    assert not report.ok and first in report.bad_record_ids(), report.problems
