"""Forgeries by someone who can write the database file and run the app's own hashing code,
but lacks the supervisors' passwords: each is named by verify (issue 16)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from before_keys import link_for, log_sign
from test_audit_chain import tamper
from test_signoff import drop_triggers

from conftest import PASSWORD, TODAY, World, session_fields, snapshot
from supervisor_app.cli import main
from supervisor_app.models import Supervisee
from supervisor_app.services import records, signoff, supervisee_edits
from supervisor_app.services.auth import WrongPassword
from supervisor_app.services.canonical import GENESIS, hashing_for
from supervisor_app.usecases import signing


def _session(world: World, days: int, who: int | None = None) -> str:
    with world.uow() as uow:
        row = records.add_session(
            uow,
            **session_fields(world, supervisee_ids=[who or world.ana], date=TODAY - dt.timedelta(days=days)),
        )
        uow.commit()
        return row.id


def _sign(world: World, ids: list[str]) -> None:
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)


def _verify(world: World) -> signoff.VerifyReport:
    with world.uow() as uow:
        return signoff.verify(uow)


def _rewrite_chain(path: Path, *statements: str, **params: Any) -> None:
    """Raw SQL with the triggers dropped, then every link recomputed from the records as they
    now are, with the app's own functions (seqs renumbered 1, 2, 3...): a chain that is
    internally perfect."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        drop_triggers(conn)
        for sql in statements:
            conn.execute(sql, params)
        old = conn.execute(
            "SELECT record_id, action, signer_id, signed_at, reason FROM sign_off ORDER BY seq"
        ).fetchall()
        conn.execute("DELETE FROM sign_off")
        hashing = hashing_for(conn)
        prev = GENESIS
        for seq, (rid, action, signer, at, reason) in enumerate(old, start=1):
            link = link_for(
                conn,
                rid,
                seq=seq,
                prev=prev,
                signer_id=signer,
                signed_at=at,
                action=action,
                reason=reason,
                hashing=hashing,
            )
            conn.execute("INSERT INTO sign_off VALUES (?,?,?,?,?,?,?,?,?,?)", link)
            prev = link[-1]
        for (sql,) in triggers:  # put back: a file without them is refused on sight
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def history(world: World) -> dict[str, str]:
    """Three sessions signed in two batches, one of them voided, one left pending."""
    ids = {"a": _session(world, 10), "b": _session(world, 9, world.ben), "c": _session(world, 8)}
    _sign(world, [ids["a"], ids["b"]])
    with world.uow() as uow:
        signing.void(
            uow, record_id=ids["b"], reason="Entered twice", supervisor_id=world.dana, password=PASSWORD
        )
    _sign(world, [ids["c"]])
    ids["pending"] = _session(world, 7)
    report = _verify(world)
    assert report.ok and report.keyed_signatures_checked == 3 and not report.notes, report.problems
    return ids


def test_a_changed_minute_with_the_whole_chain_recomputed_is_named(
    world: World, history: dict[str, str]
) -> None:
    _rewrite_chain(world.db.path, "UPDATE supervision_session SET minutes = 61 WHERE id = :a", a=history["a"])
    report = _verify(world)
    assert history["a"] in report.bad_record_ids()
    assert any(
        "differs from what keyed signature" in p.message
        for p in report.problems
        if p.record_id == history["a"]
    )


def test_a_pending_record_flipped_to_signed_with_a_computed_link_is_named(
    world: World, history: dict[str, str]
) -> None:
    forged = history["pending"]
    conn = sqlite3.connect(world.db.path)
    try:
        drop_triggers(conn)  # not even needed: the triggers allow what signing itself does
        seq, prev = conn.execute("SELECT seq, chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1").fetchone()
        link = link_for(conn, forged, seq=seq + 1, prev=prev, signer_id=world.dana, hashing=hashing_for(conn))
        conn.execute("INSERT INTO sign_off VALUES (?,?,?,?,?,?,?,?,?,?)", link)
        conn.execute("UPDATE supervision_session SET status = 'signed' WHERE id = ?", (forged,))
        log_sign(conn, forged)  # the audit trail's own chain made with the app's code, too
        conn.commit()
    finally:
        conn.close()
    report = _verify(world)
    assert [str(p) for p in report.problems] == [
        f"{forged}: signature #{seq + 1} has no keyed signature: it was not made with the signer's key "
        "(forged, or its keyed signature removed)"
    ]


def test_the_same_forgery_with_every_trigger_in_place_is_named(world: World, history: dict[str, str]) -> None:
    forged = history["pending"]
    conn = sqlite3.connect(world.db.path)
    try:
        seq, prev = conn.execute("SELECT seq, chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1").fetchone()
        link = link_for(conn, forged, seq=seq + 1, prev=prev, signer_id=world.dana, hashing=hashing_for(conn))
        conn.execute("INSERT INTO sign_off VALUES (?,?,?,?,?,?,?,?,?,?)", link)
        conn.execute("UPDATE supervision_session SET status = 'signed' WHERE id = ?", (forged,))
        conn.commit()
    finally:
        conn.close()
    assert forged in _verify(world).bad_record_ids()


def test_a_fabricated_record_with_a_recomputed_chain_is_named(world: World, history: dict[str, str]) -> None:
    conn = sqlite3.connect(world.db.path)
    try:
        drop_triggers(conn)
        row = conn.execute("SELECT * FROM supervision_session WHERE id = ?", (history["a"],)).fetchone()
        fake = "f" * 8 + history["a"][8:]
        conn.execute(f"INSERT INTO supervision_session VALUES ({','.join('?' * len(row))})", (fake, *row[1:]))
        conn.execute(
            "INSERT INTO session_attendee SELECT ?, supervisee_id FROM session_attendee WHERE session_id = ?",
            (fake, history["a"]),
        )
        conn.execute(
            "INSERT INTO session_allocation SELECT ?, domain_code, minutes FROM session_allocation WHERE session_id = ?",
            (fake, history["a"]),
        )
        conn.execute(
            "INSERT INTO sign_off SELECT seq + 100, record_kind, ?, action, signer_id, signed_at, reason, content_hash, prev_chain_hash, chain_hash || 'x' FROM sign_off WHERE record_id = ? AND action = 'sign'",
            (fake, history["a"]),
        )
        conn.commit()
    finally:
        conn.close()
    _rewrite_chain(world.db.path)
    report = _verify(world)
    assert fake in report.bad_record_ids()


def test_a_deleted_record_with_a_recomputed_chain_is_named(world: World, history: dict[str, str]) -> None:
    gone = history["a"]
    _rewrite_chain(
        world.db.path,
        "DELETE FROM sign_off WHERE record_id = :a",
        "DELETE FROM session_allocation WHERE session_id = :a",
        "DELETE FROM session_attendee WHERE session_id = :a",
        "DELETE FROM supervision_session WHERE id = :a",
        "DELETE FROM audit_event WHERE record_id = :a",
        a=gone,
    )
    report = _verify(world)
    assert gone in report.bad_record_ids()


def test_an_unvoid_with_the_chain_recomputed_is_named(world: World, history: dict[str, str]) -> None:
    voided = history["b"]
    _rewrite_chain(
        world.db.path,
        "DELETE FROM sign_off WHERE record_id = :b AND action = 'void'",
        "DELETE FROM audit_event WHERE record_id = :b AND action = 'void'",
        b=voided,
    )
    report = _verify(world)
    assert voided in report.bad_record_ids()
    assert history["c"] in report.bad_record_ids()  # the link that moved into its place


def test_an_unvoid_of_the_newest_link_is_named(world: World) -> None:
    rid = _session(world, 5)
    _sign(world, [rid])
    with world.uow() as uow:
        signing.void(uow, record_id=rid, reason="Wrong person", supervisor_id=world.dana, password=PASSWORD)
    conn = sqlite3.connect(world.db.path)
    drop_triggers(conn)
    conn.execute("DELETE FROM sign_off WHERE record_id = ? AND action = 'void'", (rid,))
    conn.execute("DELETE FROM audit_event WHERE record_id = ? AND action = 'void'", (rid,))
    conn.commit()
    conn.close()
    report = _verify(world)
    assert any(p.record_id == rid and "(void) but that link is missing" in p.message for p in report.problems)


def test_a_keyed_signature_cannot_be_made_without_the_password(world: World, history: dict[str, str]) -> None:
    """Replacing a signature row's payload (to match a rewritten chain) breaks its signature."""
    _rewrite_chain(world.db.path, "UPDATE supervision_session SET minutes = 61 WHERE id = :a", a=history["a"])
    conn = sqlite3.connect(world.db.path)
    drop_triggers(conn)
    for sid, payload in conn.execute("SELECT id, payload FROM signature").fetchall():
        conn.execute(
            "UPDATE signature SET payload = ? WHERE id = ?", (payload.replace('"seq":1', '"seq":1 '), sid)
        )
    conn.commit()
    conn.close()
    report = _verify(world)
    assert any(
        "does not match what it signs" in p.message for p in report.problems if p.record_id == history["a"]
    )


def test_a_supervisee_renamed_with_one_update_is_named(world: World, history: dict[str, str]) -> None:
    conn = sqlite3.connect(world.db.path)
    conn.execute("UPDATE supervisee SET name = 'Someone Else', icb_id = 'X-1' WHERE id = ?", (world.ana,))
    conn.commit()
    conn.close()
    report = _verify(world)
    assert not report.ok
    [problem] = report.problems
    assert "supervisee was signed with name, icb_id other than now" in problem.message
    assert "'Someone Else'" in problem.message
    assert problem.record_id in (history["a"], history["c"])


def test_a_recorded_name_change_is_a_note_not_a_problem(world: World, history: dict[str, str]) -> None:
    with world.uow() as uow:
        current = uow.session.get(Supervisee, world.ana)
        supervisee_edits.update_supervisee(
            uow,
            supervisee_id=world.ana,
            name="Ana Married-Name",
            credential=current.credential,
            icb_id=current.icb_id,
            position=current.position,
            start_date=current.start_date,
        )
        uow.commit()
    report = _verify(world)
    assert report.ok, report.problems
    assert any(
        "signed with name other than now" in n.message and "Ana Married-Name" in n.message
        for n in report.notes
    )


def test_refused_signings_add_no_signature_link_or_key(world: World, history: dict[str, str]) -> None:
    conn = sqlite3.connect(world.db.path)

    def counts() -> list[int]:
        tables = ("sign_off", "signature", "supervisor_key")
        return [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]

    before = counts()
    with world.uow() as uow, pytest.raises(WrongPassword):
        signing.sign(
            uow, supervisor_id=world.dana, password="wrong password", record_ids=[history["pending"]]
        )
    with world.uow() as uow, pytest.raises(WrongPassword):
        signing.void(
            uow, record_id=history["a"], reason="x", supervisor_id=world.dana, password="wrong password"
        )
    assert counts() == before
    conn.close()
    snap = snapshot(world.db.path)
    with world.uow() as uow, pytest.raises(Exception, match="already signed"):
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[history["a"]])
    assert snapshot(world.db.path) == snap


def test_the_command_line_names_a_forgery_and_notes_records_signed_before_keys(
    world: World, history: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(world.db.path), "verify"]) == 0
    _rewrite_chain(world.db.path, "UPDATE supervision_session SET minutes = 61 WHERE id = :a", a=history["a"])
    capsys.readouterr()
    assert main(["--db", str(world.db.path), "verify"]) == 1
    assert history["a"] in capsys.readouterr().out


def test_a_payload_changed_after_a_progress_view_is_still_caught(
    world: World, history: dict[str, str]
) -> None:
    """Progress views remember the signatures they checked (so the next view skips Ed25519):
    a payload changed on disk since is checked again, not taken from memory."""
    from supervisor_app.services.progress import compute_progress

    with world.uow() as uow:
        compute_progress(uow, supervisee_id=world.ana)  # checks, and remembers, her signatures
    # Every payload, her newest signature's too (the one her view checks first).
    tamper(world.db.path, "UPDATE signature SET payload = replace(payload, '\"format\":', '\"format\": ')")
    with world.uow() as uow:
        report = signoff.read_supervisee(uow, world.ana).report
    assert any(
        p.record_id == history["a"] and "does not match what it signs" in p.message for p in report.problems
    ), report.problems


def test_an_older_payload_changed_is_left_to_verify_when_a_newer_signature_vouches_for_her(
    world: World, history: dict[str, str]
) -> None:
    """Her view checks the newest signature of each key over her links: its head covers every
    link of hers before it (signoff.heads). An older batch's payload changed (its signature no
    longer valid) vouches for nothing her view needs; the whole-file verification names it."""
    from supervisor_app.services.progress import compute_progress

    tamper(world.db.path, "UPDATE signature SET payload = replace(payload, '\"seq\":1', '\"seq\":1 ')")
    with world.uow() as uow:
        records = signoff.read_supervisee(uow, world.ana)
        assert records.report.ok and records.report.keyed_signatures_checked == 1, records.report.problems
        assert compute_progress(uow, supervisee_id=world.ana).sessions_signed == 2
    report = _verify(world)
    assert any(
        p.record_id == history["a"] and "does not match what it signs" in p.message for p in report.problems
    ), report.problems
