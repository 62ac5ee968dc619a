"""Keyed signatures made by sign and void: what they sign, and how verify reads them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from before_keys import sign_before_keys
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PASSWORD, TODAY, World, session_fields
from supervisor_app.cli import main
from supervisor_app.services import auth, records, signatures, signoff
from supervisor_app.services.canonical import GENESIS, Batch, Hashing, content_texts
from supervisor_app.usecases import signing


def _session(world: World, days: int) -> str:
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=days)))
        uow.commit()
        return row.id


def _rows(world: World, sql: str) -> list[tuple]:
    conn = sqlite3.connect(world.db.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_batch_is_signed_once_with_the_signers_key_over_its_links_and_people(world: World) -> None:
    ids = [_session(world, 3), _session(world, 2)]
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)
    [(sid, chain, fingerprint, first, last, text, sig)] = _rows(
        world, "SELECT id, chain_id, key_fingerprint, first_seq, last_seq, payload, signature FROM signature"
    )
    [(public, owner)] = _rows(
        world,
        "SELECT public_key, supervisor_id FROM supervisor_key WHERE fingerprint = '" + fingerprint + "'",
    )
    [(ana_gid,)] = _rows(world, f"SELECT global_id FROM supervisee WHERE id = {world.ana}")
    assert owner == world.dana and signatures.check(public, text, sig)
    assert (first, last) == (1, 2) and chain == _rows(world, "SELECT global_id FROM database_identity")[0][0]
    payload = json.loads(text)
    assert payload["id"] == sid and payload["action"] == "sign" and payload["signer"]["key"] == fingerprint
    assert payload["signer"]["name"] == "Dana Whitaker"
    assert [p["global_id"] for p in payload["supervisees"]] == [ana_gid]
    stored = _rows(
        world, "SELECT seq, record_kind, record_id, action, content_hash, chain_hash FROM sign_off"
    )
    assert [tuple(link[f] for f in signatures.LINK_FIELDS) for link in payload["links"]] == stored
    assert payload["prev_chain_hash"] == GENESIS


def test_a_void_is_signed_and_an_old_key_still_verifies_after_a_reset(world: World) -> None:
    rid = _session(world, 3)
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    with world.uow() as uow:
        auth.set_password_by_another(
            uow,
            supervisor_id=world.dana,
            new_password="another password",
            by_supervisor_id=world.rafael,
            by_password=PASSWORD,
        )
        uow.commit()
    with world.uow() as uow:
        signing.void(
            uow, record_id=rid, reason="Entered twice", supervisor_id=world.dana, password="another password"
        )
    keys_used = _rows(world, "SELECT key_fingerprint FROM signature ORDER BY first_seq")
    assert len({k for (k,) in keys_used}) == 2
    with world.uow() as uow:
        report = signoff.verify(uow)
    assert report.ok and report.keyed_signatures_checked == 2, report.problems


def test_records_signed_before_keys_verify_and_are_noted(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _session(world, 5)
    sign_before_keys(world.db.path, [old], world.dana)  # type: ignore[arg-type]
    new = _session(world, 4)
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[new])
    with world.uow() as uow:
        report = signoff.verify(uow)
        supervisee_report = signoff.read_supervisee(uow, world.ana).report
    assert report.ok and supervisee_report.ok, report.problems
    assert [n.message.split(" (")[0] for n in report.notes] == ["1 signature"]
    assert main(["--db", str(world.db.path), "verify"]) == 0
    assert "note: 1 signature (#1 to #1" in capsys.readouterr().out


text_ = st.text(alphabet=st.characters(codec="utf-8"), max_size=6)
session_row = st.tuples(
    st.uuids().map(str), st.just("signed"), st.integers(1, 4), text_, st.none() | text_, st.integers(1, 600),
    text_, text_, text_, text_, st.none() | text_, text_,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(session_row, min_size=1, max_size=5, unique_by=lambda r: r[0]),
    who=st.lists(st.integers(1, 4), max_size=3),
)
def test_version_2_fast_path_writes_what_the_reference_writes(rows: list[tuple], who: list[int]) -> None:
    """People as global ids; an id nobody has (4) is spelled tagged by the reference."""
    hashing = Hashing(
        keys_from=1,
        v1=set(),
        supervisors={1: "s-1", 2: 's"2', 3: "s-3"},
        supervisees={1: "a", 2: "b", 3: "c"},
    )
    hashing.plain = False
    batch = Batch("session", rows, {rows[0][0]: who} if who else {}, {rows[-1][0]: ["advocacy=30"]})
    assert content_texts(batch, rows, hashing=hashing) == [batch.reference_text(r, hashing) for r in rows]
    hashing = Hashing(
        keys_from=1,
        v1=set(),
        supervisors={1: "s-1", 2: "s-2", 3: "s-3"},
        supervisees={1: "a", 2: "b", 3: "c"},
    )
    assert content_texts(batch, rows, hashing=hashing) == [batch.reference_text(r, hashing) for r in rows]
