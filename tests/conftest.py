"""Shared fixtures. Qt runs offscreen; every test gets its own data folder and a real SQLite file."""
# ruff: noqa: E402  (the screen must be chosen before anything imports Qt)

from __future__ import annotations

import os

# Before anything loads Qt. A desktop's 1920x1080 screen: offscreen's own 800x800 would lay
# pages out for a small laptop (that one is tests/ui/test_display_scaling.py). Not on Windows,
# where the drive's colon in the path would end the platform's options.
_SCREEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "offscreen-1920x1080.json")
os.environ.setdefault(
    "QT_QPA_PLATFORM", "offscreen" if os.name == "nt" else f"offscreen:configfile={_SCREEN}"
)

# The suite reads English whatever the machine's locale (tests of Spanish ask for it).
os.environ["SUPERVISOR_APP_LANG"] = "en"

import csv
import datetime as dt
import hashlib
import io
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from supervisor_app import clock
from supervisor_app.db import Database, open_database, provide_profiles
from supervisor_app.services.auth import use_fast_hashing_for_tests
from supervisor_app.usecases.opening import load_profiles

use_fast_hashing_for_tests()
provide_profiles(load_profiles)  # as the app's and the command line's start do

PASSWORD = "correct horse battery"
TODAY = dt.date.today()
# One day for the whole run: a suite that runs across midnight still agrees with itself.
clock.pin(TODAY)


@pytest.fixture(scope="session")
def _shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder per test run, so the demo agency is built once (it is deterministic)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, _shared_cache_dir: Path
) -> Path:
    """No test ever touches the real user data folder or $SUPERVISOR_APP_DB."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("SUPERVISOR_APP_DATA_DIR", str(folder))
    monkeypatch.setenv("SUPERVISOR_APP_CACHE_DIR", str(_shared_cache_dir))
    monkeypatch.delenv("SUPERVISOR_APP_DB", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Every test starts in English, and one that switched the language (``--lang es``) leaves
    English behind."""
    from supervisor_app import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly migrated empty database, built once; tests copy it (migrating is slow-ish)."""
    path = tmp_path_factory.mktemp("empty") / "empty.db"
    database = open_database(path)
    database.close()  # the last connection closing checkpoints the WAL into the file
    return path


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``backends`` (``pytestmark = pytest.mark.backends`` in a module) that uses
    ``db`` (or ``world``) runs twice: on a SQLite file and on a fresh agency database on the
    session's PostgreSQL server."""
    if metafunc.definition.get_closest_marker("backends") and "db" in metafunc.fixturenames:
        metafunc.parametrize(
            "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
        )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgres``: where ``db`` lives (``sqlite`` unless the test is marked ``backends``)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db(
    request: pytest.FixtureRequest, backend: str, db_path: Path, empty_template: Path
) -> Iterator[Database]:
    if backend == "postgres":
        from postgres import agency_url

        database = open_database(agency_url(request.getfixturevalue("postgres_server")))
    else:
        shutil.copy(empty_template, db_path)
        database = open_database(db_path)
    yield database
    database.close()


def snapshot(path: Path | Database) -> str:
    """A digest of every row of every table (and the schema): equal means nothing changed."""
    if isinstance(path, Database):
        path = path.path  # type: ignore[assignment]
    conn = sqlite3.connect(path)
    try:
        text = "\n".join(conn.iterdump())
    finally:
        conn.close()
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class World:
    """A small agency: two supervisors, three CRSS supervisees, one CPRS."""

    db: Database
    dana: int  # supervisor of record for ana, ben, carla
    rafael: int
    ana: int
    ben: int
    carla: int
    petra: int  # CPRS

    def uow(self, actor: str = "test"):  # type: ignore[no-untyped-def]
        return self.db.uow(actor)


@pytest.fixture
def world(db: Database) -> World:
    from supervisor_app.services import people

    start = TODAY - dt.timedelta(days=500)
    with db.uow("test") as uow:
        dana = people.add_supervisor(
            uow,
            name="Dana Whitaker",
            credentials="CRSS, LCPC",
            title="Clinical Supervisor",
            icb_number="5100",
            agency="Prairie Lakes (TEST)",
            password=PASSWORD,
        )
        rafael = people.add_supervisor(uow, name="Rafael Ortiz", credentials="CADC", password=PASSWORD)
        ids = [
            people.add_supervisee(
                uow,
                name=name,
                credential=cred,
                start_date=start,
                supervisor_id=dana.id,
                icb_id=f"A-{i}",
            ).id
            for i, (name, cred) in enumerate(
                [
                    ("Ana Example", "CRSS"),
                    ("Ben Example", "CRSS"),
                    ("Carla Núñez", "CRSS"),
                    ("Petra Nowak", "CPRS"),
                ]
            )
        ]
        # Who may supervise (issue 18): each supervisor holds a qualifying credential over the
        # whole of the world's dates (no issue date: held since before any record).
        from supervisor_app.services.person_credentials import Person, add_credential

        for supervisor_id, kind, number in ((dana.id, "CRSS", "5100"), (rafael.id, "CADC", "CADC-7700")):
            add_credential(
                uow,
                person=Person(supervisor_id=supervisor_id),
                kind=kind,
                number=number,
                expires_on=TODAY + dt.timedelta(days=730),
            )
        uow.commit()
        return World(db, dana.id, rafael.id, *ids)


def session_fields(world: World, **overrides):  # type: ignore[no-untyped-def]
    """A valid individual session for Ana, 60 minutes, yesterday at 10:00."""
    fields = dict(
        supervisor_id=world.dana,
        supervisee_ids=[world.ana],
        date=TODAY - dt.timedelta(days=1),
        start="10:00",
        minutes=60,
        format="individual",
        modality="in-person",
        allocations={"advocacy": 30, "mentoring": 30},
        topics="Boundaries and self-care",
    )
    fields.update(overrides)
    return fields


def csv_bytes(rows: list[dict[str, Any]], columns: list[str], *, encoding: str = "utf-8") -> bytes:
    """An import file: the header ``columns``, then each row's cells ("" for a missing one)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return buffer.getvalue().encode(encoding)


def experience_fields(world: World, **overrides):  # type: ignore[no-untyped-def]
    fields = dict(
        supervisee_id=world.ana,
        supervisor_id=world.dana,
        period_start=TODAY - dt.timedelta(days=30),
        period_end=TODAY - dt.timedelta(days=24),
        allocations={"recovery-support": 1200, "advocacy": 600},
        setting="Drop-in center",
        kind="paid",
    )
    fields.update(overrides)
    return fields


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, _shared_cache_dir: Path) -> Path:
    """The sample agency, built once per test run through the real services (and the same
    cached file that `--demo` uses, so the run builds it only once)."""
    from supervisor_app.services.demo import demo_cache_path, demo_database

    os.environ["SUPERVISOR_APP_CACHE_DIR"] = str(_shared_cache_dir)
    with demo_database():
        pass
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(demo_cache_path(), path)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    database = open_database(path)
    yield database
    database.close()


def tamper(path: Path | None, *statements: str, **params: Any) -> None:
    """Run raw SQL on the file as an attacker with sqlite3 would: drop every trigger that keeps
    signed records final, edit, then put the triggers back (a file without them is refused on
    sight by the schema check, so only verification can tell)."""
    conn = sqlite3.connect(path)  # type: ignore[arg-type]
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


def last_full_check_ago(path: Path, when: dt.timedelta) -> None:
    """As if ``path``'s last whole-file check (SQLite's quick_check, once a day) passed ``when``
    ago: the state kept in the user's data folder (supervisor_app.check_state) is rewritten."""
    from supervisor_app import check_state

    check_state.record_full_check(path, started=dt.datetime.now(dt.UTC) - when)


def damage_an_index(path: Path) -> bytes:
    """Overwrite one page of an index in the middle of the file: the header, the table list and
    the schema version still read, so only SQLite's page-by-page integrity check finds it."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'supervision_session' "
        "ORDER BY rootpage DESC LIMIT 1"
    ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\x5a" * page_size
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Any]:
    """A real PostgreSQL server for the whole session (tests/postgres.py), started the first
    time a test asks for it; the tests that need one skip, saying why, on a machine without."""
    from postgres import NO_SERVER, PostgresServer, server_bin_dir

    if server_bin_dir() is None:
        pytest.skip(NO_SERVER)
    server = PostgresServer.start()
    yield server
    server.stop()
