"""Sync between laptops and the agency database (issue 17, docs/SYNC.md): two laptops and the
agency in one test, on real databases (the agency on a SQLite file and on the real PostgreSQL
server: the module is marked ``backends`` and ``db`` is the agency), real signing, no mocks.

Laptop A: Dana supervises Ana and Ben (a group session, an amendment, a void, a pending
record). Laptop B: Mei supervises Carl. Both work offline, then sync A, B, A.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import add_people, counts, days_ago, experience
from sync_helpers import by_gid as _by_gid
from sync_helpers import sign as _sign
from sync_helpers import verified as _verified

from conftest import PASSWORD
from supervisor_app.db import Database, open_database
from supervisor_app.services import people, records, signoff, supervisors
from supervisor_app.services import sync as sync_service
from supervisor_app.services.errors import DomainError
from supervisor_app.usecases import signing
from supervisor_app.usecases.syncing import sync

pytestmark = pytest.mark.backends

TABLES = (
    "supervision_session",
    "experience_entry",
    "session_attendee",
    "foreign_link",
    "signature",
    "supervisor_key",
    "supervisor",
    "supervisee",
    "audit_event",
)


@dataclass
class Laptop:
    db: Database
    supervisor: int
    supervisees: dict[str, int]

    def uow(self, actor: str = "test"):  # type: ignore[no-untyped-def]
        return self.db.uow(actor)


def _session(place: Laptop, day: int, minutes: int, *who: str, fmt: str = "individual") -> str:
    half = minutes // 2
    with place.uow() as uow:
        row = records.add_session(
            uow,
            supervisor_id=place.supervisor,
            supervisee_ids=[place.supervisees[w] for w in who],
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


def _laptop(path: Path, supervisor: str, *names: str) -> Laptop:
    db = open_database(path)
    return Laptop(db, *add_people(db, supervisor, *names))


def _experience(place: Laptop, who: str, start: int, minutes: int) -> str:
    return experience(place, place.supervisees[who], start, minutes)


def _counts(db: Database) -> dict[str, int]:
    return counts(db, TABLES)


def _gid(place: Laptop, name: str) -> str:
    with place.uow() as uow:
        return people.get_supervisee(uow, place.supervisees[name]).global_id


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, dict[str, str]]]:
    """Offline work on both laptops: signed, amended, voided and pending records."""
    a = _laptop(tmp_path / "a.db", "Dana Whitaker", "Ana", "Ben")
    b = _laptop(tmp_path / "b.db", "Mei Chen", "Carl")
    s1 = _session(a, 300, 60, "Ana")
    group = _session(a, 290, 90, "Ana", "Ben", fmt="group")
    ana_exp = _experience(a, "Ana", 280, 1800)
    e2 = _experience(a, "Ben", 260, 600)
    _experience(b, "Carl", 250, 900)
    c1 = _session(b, 240, 45, "Carl")
    _sign(a)
    _sign(b)
    with a.uow() as uow:
        records.amend_record(
            uow, record_id=s1, reason="It was 45 minutes", minutes=45, allocations={"advocacy": 45}
        )
        uow.commit()
    _sign(a)
    with a.uow() as uow:
        signing.void(uow, record_id=e2, reason="Entered twice", supervisor_id=a.supervisor, password=PASSWORD)
    with b.uow() as uow:
        signing.void(uow, record_id=c1, reason="Entered twice", supervisor_id=b.supervisor, password=PASSWORD)
    ids = {
        "pending_a": _session(a, 10, 30, "Ana"),
        "pending_b": _session(b, 10, 30, "Carl"),
        "group": group,
        "ana_exp": ana_exp,
    }
    yield a, b, ids
    a.db.close()
    b.db.close()


def test_two_laptops_and_the_agency_agree(
    db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    a, b, ids = laptops
    first = sync(a.db, db)
    assert (first.sent, first.sent_skipped, first.received) == (5, 0, 0)

    # Offline again: A amends and voids records the agency already holds and signs a new one
    # (pending ones stay pending); B signs a new one.
    with a.uow() as uow:
        records.amend_record(
            uow, record_id=ids["group"], reason="It was an hour", minutes=60, allocations={"advocacy": 60}
        )
        uow.commit()
    with a.uow() as uow:
        signing.sign(
            uow,
            supervisor_id=a.supervisor,
            password=PASSWORD,
            record_ids=[uow_last_amendment(uow, ids["group"])],
        )
    with a.uow() as uow:
        signing.void(
            uow, record_id=ids["ana_exp"], reason="Wrong month", supervisor_id=a.supervisor, password=PASSWORD
        )
    ben_exp = _experience(a, "Ben", 200, 300)
    carl_session = _session(b, 30, 30, "Carl")
    with a.uow() as uow:
        signing.sign(uow, supervisor_id=a.supervisor, password=PASSWORD, record_ids=[ben_exp])
    with b.uow() as uow:
        signing.sign(uow, supervisor_id=b.supervisor, password=PASSWORD, record_ids=[carl_session])

    second = sync(b.db, db)
    assert (second.sent, second.received) == (3, 0)
    again = sync(a.db, db, batch_records=1)  # the amendment (its original at the agency), the void, the new
    assert (again.sent, again.sent_skipped, again.received, again.batches) == (3, 0, 0, 4)

    on_agency, on_a, on_b = _by_gid(db), _by_gid(a.db), _by_gid(b.db)
    ana, ben, carl = _gid(a, "Ana"), _gid(a, "Ben"), _gid(b, "Carl")
    assert on_a[ana] == on_agency[ana] == (105, 0)
    assert on_a[ben] == on_agency[ben] == (60, 300)
    assert on_b[carl] == on_agency[carl] == (30, 900)
    for place in (db, a.db, b.db):
        _verified(place)
    with db.uow() as uow:  # pending records never leave their laptop
        conn = signoff.signing.dbapi(uow)
        assert conn.execute(
            "SELECT count(*) FROM supervision_session WHERE id IN (?, ?)",
            (ids["pending_a"], ids["pending_b"]),
        ).fetchone() == (0,)

    # Ben moves from Dana to Mei at the agency: his signed hours from A come down to B.
    with db.uow() as uow:
        conn = signoff.signing.dbapi(uow)
        ben_here = conn.execute("SELECT id FROM supervisee WHERE global_id = ?", (ben,)).fetchone()[0]
        mei_here = conn.execute("SELECT id FROM supervisor WHERE name = 'Mei Chen'").fetchone()[0]
        supervisors.change_supervisor(
            uow, supervisee_id=ben_here, supervisor_id=mei_here, effective_from=days_ago(5)
        )
        uow.commit()
    moved = sync(b.db, db)
    assert (moved.sent, moved.received, moved.supervisees) == (0, 4, 2)
    assert _by_gid(b.db)[ben] == on_agency[ben] == (60, 300)
    _verified(b.db)

    # A still records Ben's hours it supervised; they reach B through the agency, incrementally.
    late = _session(a, 3, 15, "Ben")
    with a.uow() as uow:
        signing.sign(uow, supervisor_id=a.supervisor, password=PASSWORD, record_ids=[late])
    assert sync(a.db, db).sent == 1
    assert sync(b.db, db).received == 1
    assert _by_gid(b.db)[ben] == _by_gid(db)[ben] == _by_gid(a.db)[ben] == (75, 300)

    # Running again is a no-op everywhere.
    before = (_counts(db), _counts(a.db), _counts(b.db))
    for place in (a, b):
        nothing = sync(place.db, db)
        assert (nothing.sent, nothing.received) == (0, 0)
    assert (_counts(db), _counts(a.db), _counts(b.db)) == before
    for place in (db, a.db, b.db):
        _verified(place)


def uow_last_amendment(uow: Any, original: str) -> str:
    """The id of the pending amendment of ``original``."""
    row = (
        signoff.signing.dbapi(uow)
        .execute(
            "SELECT id FROM supervision_session WHERE supersedes_id = ? AND status = 'pending'", (original,)
        )
        .fetchone()
    )
    return row[0]


def _forge_minutes(members: dict[str, Any]) -> str:
    record = next(r for r in members["records.json"] if r["kind"] == "session")
    record["content"][6] = str(int(record["content"][6]) + 60)
    return record["id"]


def _forge_signature(members: dict[str, Any]) -> str:
    sig = members["signatures.json"][0]
    sig["signature"] = ("0" if sig["signature"][0] != "0" else "1") + sig["signature"][1:]
    return next(r["id"] for r in members["records.json"] if r["sign"]["signature"] == sig["id"])


def _forge_key(members: dict[str, Any]) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    other = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    import hashlib

    key = members["keys.json"]["keys"][0]
    old = key["fingerprint"]
    key["public_key"], key["fingerprint"] = other.hex(), hashlib.sha256(other).hexdigest()
    sig = next(s for s in members["signatures.json"] if s["key"] == old)
    sig["key"] = key["fingerprint"]
    return next(r["id"] for r in members["records.json"] if r["sign"]["signature"] == sig["id"])


@pytest.mark.parametrize("forge", [_forge_minutes, _forge_signature, _forge_key])
def test_a_forged_batch_is_refused_naming_the_record_and_changes_nothing(
    db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]], forge: Any
) -> None:
    a, _b, _ids = laptops
    with db.uow(reading=True) as uow:
        heads = sync_service.heads_of(uow)
    with a.db.uow(reading=True) as uow:
        collected = sync_service.collect_up(uow, heads)
    members = copy.deepcopy(collected.members)
    record_id = forge(members)
    before = _counts(db)
    with pytest.raises(DomainError) as refused, db.uow("sync") as uow:
        sync_service.take_batch(uow, members, source="laptop A", agency=True)
        uow.commit()
    assert record_id in str(refused.value) and refused.value.code.startswith("hours_file.")
    assert _counts(db) == before
    # The genuine batch still goes through.
    assert sync(a.db, db).sent == 5


def test_a_forked_chain_is_refused(
    tmp_path: Path,
    db: Database,
    laptops: tuple[Laptop, Laptop, dict[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Laptop A restored from an older copy signs other records at seqs the agency holds: sync
    refuses before sending, and a batch carrying such a link is refused on arrival."""
    a, _b, _ids = laptops
    older = tmp_path / "a-older.db"
    source = sqlite3.connect(a.db.path)
    with sqlite3.connect(older) as target:
        source.backup(target)
    source.close()
    _session(a, 20, 60, "Ana")
    _sign(a)
    sync(a.db, db)
    restored = Laptop(open_database(older), a.supervisor, a.supervisees)
    try:
        others = [_session(restored, 21, 45, "Ana"), _session(restored, 22, 15, "Ana")]
        with restored.uow() as uow:  # only these: its pending session is another record signed on A
            signing.sign(uow, supervisor_id=restored.supervisor, password=PASSWORD, record_ids=others)
        before = _counts(db)
        with pytest.raises(DomainError) as refused:
            sync(restored.db, db)
        assert refused.value.code == "sync.chain_forked" and "has another link there" in str(refused.value)
        from supervisor_app.cli import main

        capsys.readouterr()
        assert main(["--db", str(older), "sync", "--server", _server(db)]) == 2
        out, err = capsys.readouterr()
        assert (
            not out
            and "Sync is refused, nothing was sent" in err
            and str(refused.value).split("(record ")[1][:36] in err
        )
        with restored.db.uow(reading=True) as uow:
            collected = sync_service.collect_up(uow, {})
        with pytest.raises(DomainError) as arrived, db.uow("sync") as uow:
            sync_service.take_batch(uow, collected.members, source="laptop A, restored", agency=True)
        assert arrived.value.code == "hours_file.chain_forked" and any(
            o in str(arrived.value) for o in others
        )
        assert _counts(db) == before
    finally:
        restored.db.close()


def _server(db: Database) -> str:
    return str(db.path) if db.path is not None else db.url


def test_the_sync_command(
    db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    a, _b, _ids = laptops

    def run(*argv: object) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(v) for v in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return code, out, err

    before = _counts(db)
    code, out, err = run("--db", a.db.path, "sync", "--server", "no-such-server.db")
    assert code == 2 and "neither the agency database's URL" in err and not out
    assert _counts(db) == before

    code, out, err = run("--db", a.db.path, "sync", "--server", _server(db), "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "sent": 5,
        "received": 0,
        "skipped": 0,
        "left_out": 0,
        "batches": 2,
        "supervisees": 2,
    }
    assert "Sent batch 1 of 1: 5 of 5 record(s)." in err

    code, out, err = run("--db", a.db.path, "sync", "--server", _server(db))
    assert code == 0, err
    assert "Sync done: 0 record(s) sent, 0 received, 0 already there." in out


def test_records_signed_before_keys_stay_on_the_laptop(tmp_path: Path, db: Database) -> None:
    """Nothing outside their database proves records signed before keys: they are counted, not sent."""
    from before_keys import sign_before_keys

    old = _laptop(tmp_path / "old.db", "Rosa Diaz", "Eva")
    early = _session(old, 400, 60, "Eva")
    old.db.close()
    sign_before_keys(tmp_path / "old.db", [early], old.supervisor)
    old.db = open_database(tmp_path / "old.db")
    try:
        later = _session(old, 100, 30, "Eva")
        _sign(old)
        done = sync(old.db, db)
        assert (done.sent, done.left_out) == (1, 1)
        assert "1 record(s) signed before signing keys existed stay on this database" in done.text()
        with db.uow() as uow:
            conn = signoff.signing.dbapi(uow)
            held = conn.execute(
                "SELECT id FROM supervision_session WHERE id IN (?, ?)", (early, later)
            ).fetchall()
        assert held == [(later,)]
        _verified(db)
        again = sync(old.db, db)  # nothing new, and still counted
        assert (again.sent, again.left_out) == (0, 1)
    finally:
        old.db.close()


def test_an_amendment_of_a_record_signed_before_keys_stays_too(tmp_path: Path, db: Database) -> None:
    """An amendment travels only with its original: one signed after keys that replaces a
    record signed before them stays too, and both are counted on every sync, also once the
    amendment is no longer beyond the agency's head (the count is by one query, not by the
    records a batch reads)."""
    from before_keys import sign_before_keys

    old = _laptop(tmp_path / "old.db", "Rosa Diaz", "Eva")
    early = _session(old, 400, 60, "Eva")
    old.db.close()
    sign_before_keys(tmp_path / "old.db", [early], old.supervisor)
    old.db = open_database(tmp_path / "old.db")
    try:
        with old.uow() as uow:
            records.amend_record(
                uow, record_id=early, reason="It was 45 minutes", minutes=45, allocations={"advocacy": 45}
            )
            uow.commit()
        _sign(old)
        later = _session(old, 100, 30, "Eva")
        _sign(old)
        before = _counts(db)
        done = sync(old.db, db)
        assert (done.sent, done.left_out) == (1, 2)
        again = sync(old.db, db)
        assert (again.sent, again.left_out) == (0, 2)
        with db.uow() as uow:
            held = signoff.signing.dbapi(uow).execute("SELECT id FROM supervision_session").fetchall()
        assert held == [(later,)] and _counts(db)["supervision_session"] == before["supervision_session"] + 1
    finally:
        old.db.close()


def test_a_sync_hashes_only_what_is_beyond_the_heads(
    db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A week's sync builds the content of the records it sends and of the originals they
    amend, not of every record of the supervisees (issue 17, a week's sync): nothing beyond
    the heads, nothing built; a new amendment, it and its original (which stays at home: the
    agency holds it)."""
    a, _b, ids = laptops
    assert sync(a.db, db).sent == 5
    built: list[str] = []
    content = signoff.foreign_content

    def counted(kind: str, row: Any, people_: Any) -> Any:
        built.append(row[0])
        return content(kind, row, people_)

    monkeypatch.setattr(signoff, "foreign_content", counted)
    nothing = sync(a.db, db)
    assert (nothing.sent, built) == (0, [])
    with a.uow() as uow:
        records.amend_record(
            uow, record_id=ids["group"], reason="It was an hour", minutes=60, allocations={"advocacy": 60}
        )
        uow.commit()
    with a.uow() as uow:
        amendment = uow_last_amendment(uow, ids["group"])
        signing.sign(uow, supervisor_id=a.supervisor, password=PASSWORD, record_ids=[amendment])
    done = sync(a.db, db)
    assert (done.sent, sorted(built)) == (1, sorted([amendment, ids["group"]]))
    _verified(db)


def test_a_sync_verifies_what_it_sends_not_histories(
    db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No supervisee's history is verified in full to be sent (issue 17, sync speed): with
    nothing beyond the heads nothing is read; a new record is verified before it leaves (and
    checked again on arrival), not the ten years before it."""
    a, _b, _ids = laptops
    assert sync(a.db, db).sent == 5
    histories: list[int] = []
    sent: list[list[str]] = []
    whole, some = signoff.require_supervisee_verified, signoff.require_verified

    def history(uow: Any, supervisee_id: int, **kw: Any) -> Any:
        histories.append(supervisee_id)
        return whole(uow, supervisee_id, **kw)

    def records_(uow: Any, record_ids: Any) -> None:
        if ids := list(record_ids):
            sent.append(ids)
        some(uow, ids)

    monkeypatch.setattr(signoff, "require_supervisee_verified", history)
    monkeypatch.setattr(signoff, "require_verified", records_)
    before = (_counts(db), _counts(a.db))
    nothing = sync(a.db, db)
    assert (nothing.sent, nothing.received, histories, sent) == (0, 0, [], [])
    assert (_counts(db), _counts(a.db)) == before
    late = _session(a, 3, 15, "Ben")
    with a.uow() as uow:
        signing.sign(uow, supervisor_id=a.supervisor, password=PASSWORD, record_ids=[late])
    sent.clear()
    assert sync(a.db, db).sent == 1
    assert (histories, sent) == ([], [[late]])


def test_a_sync_stopped_half_way_leaves_a_true_cursor(
    db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    """Batches go in chain order, a record voided later travelling with its signing and again
    with its void: after any number of batches the agency holds every link of the chain up to
    its head, so the next sync (which starts after that head) misses nothing."""
    a, _b, _ids = laptops
    with a.db.uow(reading=True) as uow:
        collected = sync_service.collect_up(uow, {})
    batches = sync_service.batches(collected.members, most=1)
    travelling = {
        link["seq"] for r in collected.members["records.json"] for link in (r["sign"], r["void"]) if link
    }
    held: set[int] = set()
    for members in batches:
        held |= {link["seq"] for r in members["records.json"] for link in (r["sign"], r["void"]) if link}
        assert {s for s in travelling if s <= max(held)} == held
    with db.uow("sync") as uow:  # the sync stops after two batches
        for members in batches[:2]:
            sync_service.take_batch(uow, members, source="laptop A", agency=True)
        uow.commit()
    done = sync(a.db, db)
    assert done.sent == 1  # the void of Ben's entry: the first two batches held the rest
    ana, ben = _gid(a, "Ana"), _gid(a, "Ben")
    assert _by_gid(db)[ana] == _by_gid(a.db)[ana] and _by_gid(db)[ben] == _by_gid(a.db)[ben]
    _verified(db)


def test_a_laptop_with_nobody_yet_syncs_and_changes_nothing(tmp_path: Path, db: Database) -> None:
    empty = open_database(tmp_path / "new.db")
    try:
        before = _counts(db)
        done = sync(empty, db)
        assert (done.sent, done.received, done.batches) == (0, 0, 0)
        assert _counts(db) == before
    finally:
        empty.close()


def test_a_new_supervisors_laptop_is_known_to_the_agency_and_receives_who_it_is_given(
    tmp_path: Path, db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    """Rosa's new laptop has no supervisees: its first sync makes her known at the agency
    (active, so a director can give her supervisees); Ben given to her there comes down."""
    a, _b, _ids = laptops
    sync(a.db, db)
    rosa = open_database(tmp_path / "rosa.db")
    try:
        with rosa.uow() as uow:
            people.add_supervisor(uow, name="Rosa Diaz", credentials="CRSS", password=PASSWORD)
            uow.commit()
        first = sync(rosa, db)
        assert (first.sent, first.received, first.supervisees) == (0, 0, 0)
        with db.uow() as uow:
            conn = signoff.signing.dbapi(uow)
            rosa_here, active = conn.execute(
                "SELECT id, active FROM supervisor WHERE name = 'Rosa Diaz'"
            ).fetchone()
            assert active
            ben = _gid(a, "Ben")
            ben_here = conn.execute("SELECT id FROM supervisee WHERE global_id = ?", (ben,)).fetchone()[0]
            supervisors.change_supervisor(
                uow, supervisee_id=ben_here, supervisor_id=rosa_here, effective_from=days_ago(5)
            )
            uow.commit()
        given = sync(rosa, db)
        assert (given.sent, given.received, given.supervisees) == (
            0,
            2,
            1,
        )  # the group session, the voided entry
        assert _by_gid(rosa)[ben] == _by_gid(db)[ben] == _by_gid(a.db)[ben]
        _verified(rosa)
    finally:
        rosa.close()


def test_a_record_altered_before_it_leaves_is_stopped_at_home(
    tmp_path: Path, db: Database, laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    """What a sync sends is verified on the laptop first: a signed record edited in the file
    (triggers dropped) stops the sync there, naming it, and the agency takes nothing."""
    from conftest import tamper

    a, _b, _ids = laptops
    assert sync(a.db, db).sent == 5
    late = _session(a, 3, 15, "Ben")
    with a.uow() as uow:
        signing.sign(uow, supervisor_id=a.supervisor, password=PASSWORD, record_ids=[late])
    tamper(a.db.path, "UPDATE supervision_session SET minutes = 150 WHERE id = :rid", rid=late)
    before = _counts(db)
    with pytest.raises(signoff.RecordsFailVerification) as caught:
        sync(a.db, db)
    assert {p.record_id for p in caught.value.problems} == {late}
    assert _counts(db) == before


def test_the_agency_busy_is_said_so_not_unreachable(
    db: Database,
    backend: str,
    laptops: tuple[Laptop, Laptop, dict[str, str]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another writer holding the agency database's write lock longer than a writer waits
    (lock_timeout, here shortened) stops the sync saying the database is busy, not that the
    server cannot be reached (it answers); nothing was sent, and the next sync sends it all."""
    if backend != "postgres":
        pytest.skip("the write lock is the agency database's on PostgreSQL")
    import psycopg

    from supervisor_app import db as db_module
    from supervisor_app.cli import main
    from supervisor_app.storage import DatabaseError

    a, _b, _ids = laptops
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    before = _counts(db)
    with psycopg.connect(db.url.replace("+psycopg", ""), autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (db_module.WRITE_LOCK,))
        with pytest.raises(DatabaseError) as caught:
            sync(a.db, db)
        assert "The agency database is busy" in str(caught.value) and "Try again in a minute" in str(
            caught.value
        )
        assert (
            caught.value.__cause__ is None and caught.value.__context__ is None
        )  # not taken for a lost server
        capsys.readouterr()
        code = main(["--db", str(a.db.path), "sync", "--server", db.url])
        out, err = capsys.readouterr()
        assert code == 1 and "The agency database is busy" in err and "Traceback" not in err and not out
        assert _counts(db) == before
    done = sync(a.db, db)
    assert done.sent == 5
    _verified(db)
