"""The agency database's schema check (agency_schema.differences), run at every open: a
database whose protections were dropped, disabled or changed, or which carries a trigger,
function, view, rule, table or row security the app did not make, is refused by name and left
as it was; one exactly as ``init`` made it opens. On the session's real PostgreSQL server."""

# ruff: noqa: F811  (the cli fixture of test_cli, imported, is a test argument here)

from __future__ import annotations

import time
from typing import Any

import pytest
from postgres import APP_ROLE, agency_url
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from test_cli import Cli, cli  # noqa: F401  (cli: the fixture)

from conftest import PASSWORD
from supervisor_app.agency_schema import differences, made_by_app
from supervisor_app.db import open_database
from supervisor_app.storage import DatabaseError

pytestmark = pytest.mark.postgres


@pytest.fixture
def url(postgres_server: Any) -> str:
    """A fresh agency database (the app's role's URL)."""
    return agency_url(postgres_server)


def as_owner(postgres_server: Any, url: str, *statements: str) -> None:
    """``statements`` run and committed by the owner of the agency database (here the
    superuser), as someone with the owner's password could."""
    engine = create_engine(postgres_server.url(make_url(url).database))
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def state(url: str) -> tuple[list[str], dict[str, int]]:
    """What the check finds, and the rows of the tables the world fills: unchanged by a refusal."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            counts = {
                table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("supervisor", "supervisee", "audit_event", "alembic_version")
            }
            return differences(conn), counts
    finally:
        engine.dispose()


# (what, the owner's statements, what the refusal names)
ATTACKS = [
    (
        "dropped trigger",
        ["DROP TRIGGER supervision_session_final_update ON supervision_session"],
        "protection triggers removed: supervision_session_final_update",
    ),
    (
        "disabled trigger",
        ["ALTER TABLE sign_off DISABLE TRIGGER sign_off_append_only_delete"],
        "protection triggers disabled: sign_off_append_only_delete",
    ),
    (
        "every trigger of a table disabled",
        ["ALTER TABLE audit_event DISABLE TRIGGER ALL"],
        "protection triggers disabled: audit_event_append_only_delete, audit_event_append_only_update, "
        "audit_event_changed",
    ),
    (
        "trigger fired only for replication",
        ["ALTER TABLE signature ENABLE REPLICA TRIGGER signature_append_only_update"],
        "protection triggers disabled: signature_append_only_update",
    ),
    (
        "function with another body",
        [
            "CREATE OR REPLACE FUNCTION supervision_session_final_update() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
        ],
        "protection trigger functions changed: supervision_session_final_update",
    ),
    (
        "function running as its owner",
        ["ALTER FUNCTION sign_off_append_only_update() SECURITY DEFINER"],
        "protection trigger functions changed: sign_off_append_only_update",
    ),
    (
        "trigger made again for another event",
        [
            "DROP TRIGGER experience_entry_final_delete ON experience_entry",
            "CREATE TRIGGER experience_entry_final_delete BEFORE INSERT ON experience_entry "
            "FOR EACH ROW EXECUTE FUNCTION experience_entry_final_delete()",
        ],
        "protection triggers changed (when they fire, or what they run): experience_entry_final_delete",
    ),
    (
        "change notice dropped",
        ["DROP TRIGGER supervision_session_changed ON supervision_session"],
        "protection triggers removed: supervision_session_changed",
    ),
    (
        "extra trigger resetting something",
        [
            "CREATE FUNCTION unlock() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN NEW.failed_attempts := 0; NEW.locked_until := NULL; RETURN NEW; END $$",
            "CREATE TRIGGER unlock BEFORE UPDATE ON supervisor FOR EACH ROW EXECUTE FUNCTION unlock()",
        ],
        "triggers the app did not make: unlock",
    ),
    (
        "extra view",
        ["CREATE VIEW signed_only AS SELECT id FROM supervision_session WHERE status = 'signed'"],
        "views the app did not make: signed_only",
    ),
    (
        "extra function",
        ["CREATE FUNCTION lower(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x'"],
        "functions the app did not make: lower(x integer)",
    ),
    (
        "extra table",
        ["CREATE TABLE notes (id integer)"],
        "tables the app did not make: notes",
    ),
    (
        "rule",
        ["CREATE RULE keep AS ON DELETE TO supervision_session DO INSTEAD NOTHING"],
        "rules the app did not make: keep (supervision_session)",
    ),
    (
        "row security hiding rows",
        [
            "ALTER TABLE supervision_session ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY hide ON supervision_session USING (status <> 'voided')",
        ],
        "row security turned on for tables: supervision_session",
    ),
    (
        "a schema of the app role's name, searched before public",
        [
            f"CREATE SCHEMA {APP_ROLE}",
            f"GRANT USAGE ON SCHEMA {APP_ROLE} TO {APP_ROLE}",
        ],
        f"the app's role looks up tables and functions in {APP_ROLE}, public (its search_path), not in public alone",
    ),
]


def test_a_database_as_init_made_it_opens(url: str) -> None:
    assert state(url)[0] == []
    open_database(url).close()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")).scalar_one()
    finally:
        engine.dispose()
    assert found == len(made_by_app()) > 60  # every protection, and a change notice per table


@pytest.mark.parametrize(("what", "statements", "named"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_an_altered_database_is_refused_at_open_naming_what_differs(
    postgres_server: Any, world_url: str, what: str, statements: list[str], named: str
) -> None:
    url = world_url
    assert state(url)[0] == []
    as_owner(postgres_server, url, *statements)
    before = state(url)
    assert named in before[0]
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    text_ = str(caught.value)
    assert text_.startswith("The agency database was changed outside supervisor_app")
    assert f"  • {named}" in text_.splitlines()
    assert "For IT:" in text_
    assert state(url) == before  # nothing changed


@pytest.fixture
def world_url(postgres_server: Any) -> str:
    """An agency database with people in it (made through the app before the attack)."""
    from supervisor_app.services import people

    url = agency_url(postgres_server)
    db = open_database(url)
    try:
        with db.uow("test") as uow:
            dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", password=PASSWORD)
            people.add_supervisee(uow, name="Ana Example", credential="CRSS", supervisor_id=dana.id)
            uow.commit()
    finally:
        db.close()
    return url


def test_several_differences_are_all_named(postgres_server: Any, url: str) -> None:
    as_owner(postgres_server, url, *ATTACKS[0][1], *ATTACKS[1][1], *ATTACKS[9][1])
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    for _what, _statements, named in (ATTACKS[0], ATTACKS[1], ATTACKS[9]):
        assert named in str(caught.value)


def test_put_back_as_it_was_it_opens_again(postgres_server: Any, url: str) -> None:
    as_owner(postgres_server, url, "ALTER TABLE sign_off DISABLE TRIGGER sign_off_append_only_delete")
    with pytest.raises(DatabaseError):
        open_database(url)
    as_owner(postgres_server, url, "ALTER TABLE sign_off ENABLE TRIGGER sign_off_append_only_delete")
    open_database(url).close()


def test_the_command_line_refuses_an_altered_database(cli: Cli, postgres_server: Any, url: str) -> None:
    as_owner(postgres_server, url, "CREATE VIEW signed_only AS SELECT 1 AS one")
    result = cli("--db", url, "list", "supervisors")
    assert result.code == 1 and result.out == ""  # as a SQLite file changed outside the app
    assert "changed outside supervisor_app" in result.err
    assert "views the app did not make: signed_only" in result.err


def test_what_the_check_costs_at_each_open(url: str) -> None:
    """Printed (pytest -s), and bounded loosely: a few catalogue reads, not a rebuild."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            differences(conn)
            begun = time.perf_counter()
            for _ in range(20):
                assert differences(conn) == []
            each = (time.perf_counter() - begun) / 20
    finally:
        engine.dispose()
    print(f"agency schema check: {each * 1000:.1f} ms per open")
    assert each < 0.5
