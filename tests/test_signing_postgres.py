"""Signing, voiding, amending and verifying on the agency database (a real PostgreSQL server
started by the session: tests/postgres.py), with the same verdicts and the same hashes as on a
laptop's SQLite file: the ``db`` fixture (and with it ``world``) is both, the app connected as
its own role. What an attacker does behind the app's back is done as the owner (the
superuser here) with the triggers disabled, as on SQLite with them dropped."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
from before_keys import link_for, log_sign
from postgres import agency_url
from sqlalchemy.engine import make_url
from test_raw_connection_postgres import same_ids  # noqa: F401  (the fixture)

from conftest import PASSWORD, TODAY, World, session_fields
from supervisor_app import db as db_module
from supervisor_app.db import Database, open_database, pyformat
from supervisor_app.services import auth, people, records, signoff
from supervisor_app.services.canonical import GENESIS, hashing_for
from supervisor_app.services.records import insert_checked, new_record_ids, validate_session
from supervisor_app.services.signoff import read_supervisee, verify
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends

STAMP = dt.datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=dt.UTC)
NO_KEY = (
    "has no keyed signature: it was not made with the signer's key (forged, or its keyed signature removed)"
)


# --------------------------------------------------------------------------------------------
# Helpers


def add_session(world: World, **overrides: Any) -> str:
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, **overrides))
        uow.commit()
        return row.id


def sign(
    world: World, ids: list[str] | None = None, *, at: dt.datetime = STAMP, **kw: Any
) -> signoff.SignResult:
    with world.uow() as uow:
        return signing.sign(
            uow, supervisor_id=kw.pop("supervisor", world.dana), password=kw.pop("password", PASSWORD),
            record_ids=ids, now=at, **kw,
        )  # fmt: skip


def void(world: World, record_id: str, *, at: dt.datetime = STAMP) -> None:
    with world.uow() as uow:
        signing.void(
            uow,
            record_id=record_id,
            reason="Entered twice",
            supervisor_id=world.dana,
            password=PASSWORD,
            now=at,
        )


def amend(world: World, record_id: str) -> str:
    with world.uow() as uow:
        return signing.amend(
            uow, record_id=record_id, reason="Topic corrected", topics="Boundaries, corrected"
        ).id


def whole(world: World) -> signoff.VerifyReport:
    with world.db.uow(reading=True) as uow:
        return verify(uow)


def links(database: Database) -> list[tuple[Any, ...]]:
    """The chain as stored: (seq, kind, record, action, reason, content hash, prev, chain hash)."""
    with database.uow(reading=True) as uow:
        return (
            uow.raw()
            .execute(
                "SELECT seq, record_kind, record_id, action, reason, content_hash, prev_chain_hash, chain_hash "
                "FROM sign_off ORDER BY seq"
            )
            .fetchall()
        )


def counts(database: Database) -> dict[str, Any]:
    """What signing writes, as row counts and statuses (``snapshot`` is SQLite's only)."""
    with database.uow(reading=True) as uow:
        conn = uow.raw()
        found: dict[str, Any] = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sign_off", "signature", "supervisor_key", "audit_event", "supervision_session")
        }
        found["statuses"] = conn.execute("SELECT id, status FROM supervision_session ORDER BY id").fetchall()
        return found


def behind_the_apps_back(
    request: pytest.FixtureRequest, database: Database, *statements: str, params: tuple = ()
) -> None:
    """Raw SQL as an attacker with the file or the owner's password runs it: the triggers that
    keep signed records final off (dropped from the file; disabled on the server), the
    statements (``?`` parameters), the triggers back."""
    if not database.is_postgres:
        conn = sqlite3.connect(database.path)  # type: ignore[arg-type]
        try:
            triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
            for name, _sql in triggers:
                conn.execute(f'DROP TRIGGER "{name}"')
            for sql in statements:
                conn.execute(sql, params)
            for _name, sql in triggers:
                conn.execute(sql)
            conn.commit()
        finally:
            conn.close()
        return
    server = request.getfixturevalue("postgres_server")
    owner = server.url(make_url(database.url).database).replace("+psycopg", "")
    tables = ("supervision_session", "session_allocation", "session_attendee", "sign_off", "audit_event")
    with psycopg.connect(owner) as conn:
        for table in tables:
            conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER ALL")
        for sql in statements:
            conn.execute(pyformat(sql), params)
        for table in tables:
            conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER ALL")


@pytest.fixture
def history(world: World) -> dict[str, str]:
    """Two sessions signed, one voided, one amended and the amendment signed, one pending."""
    ids = {
        "a": add_session(world, date=TODAY - dt.timedelta(days=2)),
        "b": add_session(world, start="14:00", supervisee_ids=[world.ben]),
    }
    assert (sign(world).first_seq, sign_count(world)) == (1, 2)
    void(world, ids["b"])
    ids["amended"] = amend(world, ids["a"])
    sign(world, [ids["amended"]])
    ids["pending"] = add_session(world, date=TODAY - dt.timedelta(days=3))
    return ids


def sign_count(world: World) -> int:
    return len(links(world.db))


# --------------------------------------------------------------------------------------------
# Signing, voiding, amending, verifying


def test_sign_void_amend_then_verify_clean(world: World, history: dict[str, str]) -> None:
    report = whole(world)
    assert report.ok, report.problems
    assert (report.records_checked, report.signatures_checked, report.keyed_signatures_checked) == (4, 4, 3)
    assert [(seq, action, rid) for seq, _k, rid, action, *_rest in links(world.db)] == [
        (1, "sign", history["a"]),
        (2, "sign", history["b"]),
        (3, "void", history["b"]),
        (4, "sign", history["amended"]),
    ]
    with world.uow() as uow:
        statuses = {r["id"]: r["status"] for r in records.list_records(uow, "session")}
        failed = people.get_supervisor(uow, world.dana).failed_attempts
    assert statuses == {
        history["a"]: "amended", history["b"]: "voided", history["amended"]: "signed", history["pending"]: "pending",
    }  # fmt: skip
    assert failed == 0
    with world.db.uow(reading=True) as uow:  # one supervisee, as progress and printing read them
        ana = read_supervisee(uow, world.ana)
        assert ana.report.ok and set(ana.signs) == {history["a"], history["amended"]}
        assert ana.superseded == {history["a"]}
        ben = read_supervisee(uow, world.ben)
        assert ben.report.ok and set(ben.voids) == {history["b"]}
        subset = verify(uow, record_ids=[history["a"], history["amended"]])
        assert subset.ok and subset.records_checked == 2


def test_a_supervisor_whose_key_came_from_elsewhere_gets_one_of_this_database_at_signing(
    world: World,
) -> None:
    """A key that arrived with its public part only (from a laptop: a private key never leaves
    its database) cannot sign here: the first signing makes the supervisor a key of this one."""
    from supervisor_app.services import keys

    laptop = "ab" * 32
    with world.uow() as uow:
        uow.raw().execute(
            "INSERT INTO supervisor_key (supervisor_id, fingerprint, public_key, sealed_private_key, created_at) "
            "VALUES (?, ?, ?, '', ?)",
            (world.dana, keys.fingerprint_of(laptop), laptop, "2026-01-01 00:00:00.000000"),
        )
        uow.commit()
    sign(world, [add_session(world)])
    with world.db.uow(reading=True) as uow:
        conn = uow.raw()
        rows = conn.execute(
            "SELECT public_key, sealed_private_key != '', retired_at IS NULL FROM supervisor_key "
            "WHERE supervisor_id = ? ORDER BY id",
            (world.dana,),
        ).fetchall()
        # made at add (still current: only the newest is retired), the laptop's, this database's
        assert [row[1:] for row in rows] == [(1, 1), (0, 0), (1, 1)]
        assert rows[1][0] == laptop
        signed_with = conn.execute("SELECT key_fingerprint FROM signature").fetchall()
        assert signed_with == [(keys.fingerprint_of(rows[2][0]),)]
        chain = conn.execute("SELECT global_id FROM database_identity").fetchall()
        assert conn.execute("SELECT DISTINCT chain_id FROM signature").fetchall() == chain
        assert len(chain) == 1 and len(chain[0][0]) == 36
    assert whole(world).ok


@pytest.mark.postgres
def test_the_same_input_hashes_the_same_on_both(same_ids: Any, request: pytest.FixtureRequest) -> None:  # noqa: F811
    """Sign, void, amend and sign again with the same ids and times on a SQLite file and on the
    agency database: every content hash and chain hash is the same."""
    chains = []
    for backend in ("sqlite", "postgres"):
        same_ids()
        database = fresh(request, backend)
        try:
            world = World(database, *make_people(database))
            first, second = add_session(world), add_session(world, start="14:00", supervisee_ids=[world.ben])
            sign(world, [first, second])
            void(world, second, at=STAMP + dt.timedelta(minutes=1))
            sign(world, [amend(world, first)], at=STAMP + dt.timedelta(minutes=2))
            assert whole(world).ok
            chains.append(links(database))
        finally:
            database.close()
    assert len(chains[0]) == 4 and chains[0][-1][-1] != GENESIS
    assert chains[1] == chains[0]


def fresh(request: pytest.FixtureRequest, backend: str) -> Database:
    if backend == "postgres":
        return open_database(agency_url(request.getfixturevalue("postgres_server")))
    path: Path = request.getfixturevalue("tmp_path") / "same.db"
    import shutil

    shutil.copy(request.getfixturevalue("empty_template"), path)
    return open_database(path)


def make_people(database: Database) -> tuple[int, ...]:
    """The world's people (conftest.world), on ``database``."""
    from supervisor_app.services.person_credentials import Person, add_credential

    with database.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", password=PASSWORD)
        rafael = people.add_supervisor(uow, name="Rafael Ortiz", credentials="CADC", password=PASSWORD)
        ids = [
            people.add_supervisee(
                uow,
                name=name,
                credential="CRSS",
                start_date=TODAY - dt.timedelta(days=500),
                supervisor_id=dana.id,
            ).id
            for name in ("Ana Example", "Ben Example", "Carla Núñez", "Petra Nowak")
        ]
        for supervisor_id, kind in ((dana.id, "CRSS"), (rafael.id, "CADC")):
            add_credential(
                uow, person=Person(supervisor_id=supervisor_id), kind=kind, number="1",
                expires_on=TODAY + dt.timedelta(days=730),
            )  # fmt: skip
        uow.commit()
        return (dana.id, rafael.id, *ids)


def test_many_records_inserted_at_once_sign_and_verify(world: World) -> None:
    """The bulk insert (imports) on both: SQLite's executemany, psycopg's named parameters."""
    with world.uow() as uow:
        values = [
            validate_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=d)))
            for d in range(2, 7)
        ]
        ids = new_record_ids(len(values))
        insert_checked(uow, sessions=list(zip(ids, values, strict=True)))
        uow.commit()
    assert sign(world).last_seq == 5
    report = whole(world)
    assert report.ok and report.records_checked == 5, report.problems


# --------------------------------------------------------------------------------------------
# What verify names


def test_minutes_changed_behind_the_apps_back_are_named(
    world: World, history: dict[str, str], request: pytest.FixtureRequest
) -> None:
    signed = history["amended"]
    behind_the_apps_back(
        request, world.db, "UPDATE supervision_session SET minutes = 90 WHERE id = ?", params=(signed,)
    )
    behind_the_apps_back(
        request, world.db,
        "UPDATE session_allocation SET minutes = 60 WHERE session_id = ? AND domain_code = 'advocacy'",
        params=(signed,),
    )  # fmt: skip
    report = whole(world)
    assert [str(p) for p in report.problems] == [
        f"{signed}: content changed after it was signed (signature #4)"
    ], report.problems
    with world.db.uow(reading=True) as uow:
        assert signed in {p.record_id for p in read_supervisee(uow, world.ana).report.problems}


def test_a_forged_signed_row_inserted_directly_is_named(world: World, history: dict[str, str]) -> None:
    """As the app's role, with every trigger in place (they allow what signing itself does): a
    link computed with the app's own functions and the record flipped to signed."""
    forged = history["pending"]
    with world.uow() as uow:
        conn = uow.raw()
        seq, prev = conn.execute("SELECT seq, chain_hash FROM sign_off ORDER BY seq DESC LIMIT 1").fetchone()
        link = link_for(conn, forged, seq=seq + 1, prev=prev, signer_id=world.dana, hashing=hashing_for(conn))  # type: ignore[arg-type]
        conn.execute("INSERT INTO sign_off VALUES (?,?,?,?,?,?,?,?,?,?)", link)
        conn.execute("UPDATE supervision_session SET status = 'signed' WHERE id = ?", (forged,))
        log_sign(conn, forged)  # type: ignore[arg-type]
        uow.commit()
    report = whole(world)
    assert [str(p) for p in report.problems] == [f"{forged}: signature #{seq + 1} {NO_KEY}"]


def test_wrong_password_changes_nothing_on_either(world: World, history: dict[str, str]) -> None:
    before = counts(world.db)
    with pytest.raises(auth.WrongPassword):
        sign(world, [history["pending"]], password="not the password")
    with world.uow() as uow, pytest.raises(auth.WrongPassword):
        signing.void(
            uow,
            record_id=history["amended"],
            reason="x",
            supervisor_id=world.dana,
            password="not the password",
        )
    after = counts(world.db)
    assert after.pop("audit_event") == before.pop("audit_event") + 2  # the two failed attempts, only
    assert after == before
    with world.uow() as uow:
        assert people.get_supervisor(uow, world.dana).failed_attempts == 2
    assert whole(world).ok


# --------------------------------------------------------------------------------------------
# Two writers at once


def _two_desks(postgres_server: Any) -> tuple[str, int, int, dict[int, str]]:
    """A fresh agency database: its URL, Dana and Rafael, and a pending session of each
    (Dana's for Ana, Rafael's for Ben), {supervisor: record id}."""
    url = agency_url(postgres_server)
    setup = open_database(url)
    dana, rafael = make_people(setup)[:2]
    world = World(setup, dana, rafael, 1, 2, 3, 4)
    ids = {
        dana: add_session(world),
        rafael: add_session(world, supervisor_id=rafael, supervisee_ids=[world.ben]),
    }
    setup.close()
    return url, dana, rafael, ids


@pytest.mark.postgres
@pytest.mark.parametrize("locked", [True, False], ids=["with the write lock", "without it"])
def test_two_desks_signing_at_once_give_one_chain(
    postgres_server: Any, monkeypatch: pytest.MonkeyPatch, locked: bool
) -> None:
    """Two connections (two desks, or a desk and a sync) sign at the same moment; each has
    read the chain's head before either writes. With the advisory write lock the second waits
    for the first and links after it; without it, both take seq 1 and one fails."""
    if not locked:
        monkeypatch.setattr(db_module, "_write_lock", lambda conn: None)
    url, dana, rafael, ids = _two_desks(postgres_server)

    both_read = threading.Barrier(2)
    real_next_link = signoff.signing._next_link

    def next_link(uow: Any) -> tuple[int, str]:
        head = real_next_link(uow)
        try:
            both_read.wait(timeout=3)  # with the lock the other desk waits at BEGIN: never both
        except threading.BrokenBarrierError:
            pass
        return head

    monkeypatch.setattr(signoff.signing, "_next_link", next_link)
    errors: list[BaseException] = []

    def desk(supervisor: int) -> None:
        database = open_database(url)
        try:
            with database.uow() as uow:
                signing.sign(uow, supervisor_id=supervisor, password=PASSWORD, record_ids=[ids[supervisor]])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=desk, args=(s,)) for s in (dana, rafael)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    check = open_database(url)
    try:
        chain = links(check)
        report = verify_on(check)
    finally:
        check.close()
    if locked:
        assert errors == []
        assert [link[0] for link in chain] == [1, 2] and chain[1][6] == chain[0][7]
        assert report.ok, report.problems
    else:
        assert len(errors) == 1 and "sign_off" in str(errors[0])
        assert [link[0] for link in chain] == [1]


@pytest.mark.postgres
def test_a_desk_that_waited_for_another_desks_batch_dates_its_own_after_it(postgres_server: Any) -> None:
    """The clock is read once the write lock is held: a desk that started signing while another
    desk's batch held the lock is dated after that batch, not refused as "clock behind"."""
    import time

    url, dana, rafael, ids = _two_desks(postgres_server)
    holding = threading.Event()
    errors: list[BaseException] = []

    def first_desk() -> None:
        database = open_database(url)
        try:
            with database.uow() as uow:
                uow.session.connection()  # the write lock, held while the other desk starts
                holding.set()
                time.sleep(0.5)
                signing.sign(uow, supervisor_id=dana, password=PASSWORD, record_ids=[ids[dana]])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.close()

    def second_desk() -> None:
        holding.wait(10)
        database = open_database(url)
        try:
            with database.uow() as uow:
                signing.sign(uow, supervisor_id=rafael, password=PASSWORD, record_ids=[ids[rafael]])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=first_desk), threading.Thread(target=second_desk)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    check = open_database(url)
    try:
        chain = links(check)
    finally:
        check.close()
    assert errors == []
    assert [link[0] for link in chain] == [1, 2], chain


def verify_on(database: Database) -> signoff.VerifyReport:
    with database.uow(reading=True) as uow:
        return verify(uow)


def test_several_changed_records_are_named_in_the_same_order(
    world: World, history: dict[str, str], request: pytest.FixtureRequest
) -> None:
    """The whole-database pass reads the records in the order they were stored (SQLite's rowid;
    on PostgreSQL, whose updates move rows, their creation), so its problems come in one order."""
    behind_the_apps_back(
        request, world.db,
        "UPDATE supervision_session SET topics = 'changed' WHERE id IN (?, ?, ?)",
        params=(history["amended"], history["a"], history["b"]),
    )  # fmt: skip
    report = whole(world)
    assert [str(p) for p in report.problems] == [
        f"{history['a']}: content changed after it was signed (signature #1)",
        f"{history['b']}: content changed after it was signed (signature #2)",
        f"{history['b']}: void #3 no longer matches the record or its reason",
        f"{history['amended']}: content changed after it was signed (signature #4)",
    ]


def test_records_from_another_database_are_found_by_the_supervisees_global_id(world: World) -> None:
    """A record another database signed (an hours file, a sync) names its supervisees by their
    global ids, in the link's JSON: json_each on SQLite, jsonb on PostgreSQL."""
    from supervisor_app.services.signoff.foreign import supervisee_foreign_ids

    with world.uow() as uow:
        conn = uow.raw()
        ana = conn.execute("SELECT global_id FROM supervisee WHERE id = ?", (world.ana,)).fetchone()[0]
        for seq, named in enumerate((["someone-else", ana], ["someone-else"]), start=1):
            conn.execute(
                "INSERT INTO foreign_link (chain_id, seq, signature_id, record_kind, record_id, action, signer_id, "
                "signed_at, reason, content_hash, prev_chain_hash, chain_hash, people, imported_at) "
                "VALUES ('elsewhere', ?, 's', 'session', ?, 'sign', 1, 'x', '', ?, ?, ?, ?, '2026-01-01 00:00:00')",
                (
                    seq,
                    f"record-{seq}",
                    "c" * 64,
                    "p" * 64,
                    "h" * 64,
                    json.dumps({"supervisor": "x", "supervisees": named}),
                ),
            )
        assert supervisee_foreign_ids(conn, world.ana) == ["record-1"]
        assert supervisee_foreign_ids(conn, world.ben) == []


@pytest.mark.postgres
def test_a_writer_waits_for_the_lock_as_long_as_sqlite_would_then_fails(
    postgres_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer holding the lock (a desk in the middle of signing, a sync batch) keeps the next
    one waiting up to the busy timeout, then that one fails and writes nothing; once the first
    commits, the next goes through."""
    from sqlalchemy.exc import OperationalError

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    url = agency_url(postgres_server)
    first, second = open_database(url), open_database(url)
    try:
        holding = first.uow()
        people.add_supervisor(holding, name="Dana Whitaker", credentials="CRSS")
        holding.flush()  # the lock is held from here to the commit
        with second.uow() as uow, pytest.raises(OperationalError, match="lock timeout"):
            people.add_supervisor(uow, name="Rafael Ortiz", credentials="CADC")
            uow.flush()
        holding.commit()
        holding.__exit__(None, None, None)
        with second.uow() as uow:
            people.add_supervisor(uow, name="Rafael Ortiz", credentials="CADC")
            uow.commit()
        with second.uow(reading=True) as uow:
            names = uow.raw().execute("SELECT name FROM supervisor ORDER BY id").fetchall()
        assert names == [("Dana Whitaker",), ("Rafael Ortiz",)]
    finally:
        first.close()
        second.close()


def test_an_audit_event_changed_behind_the_apps_back_is_named(
    world: World, history: dict[str, str], request: pytest.FixtureRequest
) -> None:
    from supervisor_app.services import trails

    with world.db.uow(reading=True) as uow:
        assert trails._intact(uow.raw(), trails.AUDIT)  # the quick pass (in Python on PostgreSQL)
        event, action = (
            uow.raw().execute("SELECT id, action FROM audit_event WHERE action = 'void'").fetchone()
        )
    behind_the_apps_back(
        request, world.db, "UPDATE audit_event SET actor = 'someone' WHERE id = ?", params=(event,)
    )
    with world.db.uow(reading=True) as uow:
        assert not trails._intact(uow.raw(), trails.AUDIT)
    report = whole(world)
    assert [(p.kind, p.message) for p in report.problems] == [
        ("audit", "was changed after it was written, or written outside the app (its hash does not match it)")
    ]
    assert report.problems[0].record_id.startswith(f"audit event #{event} (") and action == "void"


@pytest.mark.postgres
def test_the_tables_numbered_by_the_app_have_no_sequence_on_postgres(postgres_server: Any) -> None:
    """audit_event, attestation and sign_off always get their ids from the app (the next after
    the newest, under the write lock): a sequence beside them would stay at 1 and hand out taken
    ids to whatever used it; without one, a row without an id is refused at once."""
    from sqlalchemy.exc import IntegrityError

    url = agency_url(postgres_server)
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        defaults = conn.execute(
            "SELECT table_name, column_name, column_default FROM information_schema.columns "
            "WHERE (table_name, column_name) IN (('audit_event', 'id'), ('attestation', 'id'), ('sign_off', 'seq'), "
            "('supervisor_key', 'id')) ORDER BY 1"
        ).fetchall()
    assert [(t, c, d is None) for t, c, d in defaults] == [
        ("attestation", "id", True),
        ("audit_event", "id", True),
        ("sign_off", "seq", True),
        ("supervisor_key", "id", False),  # numbered by the database: a sequence is right there
    ]
    database = open_database(url)
    try:
        with database.uow() as uow, pytest.raises(IntegrityError, match="null value in column"):
            uow.session.connection().exec_driver_sql(
                "INSERT INTO audit_event (at, actor, action, details, prev_hash, hash) "
                "VALUES (now(), 'x', 'edit', '', '', '')"
            )
    finally:
        database.close()
