"""The agency database on a real PostgreSQL server (started by the session: tests/postgres.py):
the same tables and columns as the SQLite file at head, every protective trigger of the SQLite
schema refusing with the same words, the app's role unable to drop or disable them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from postgres import SUPERUSER
from sqlalchemy import Engine, create_engine, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, ProgrammingError
from test_signoff import RAW_REFUSED, signed  # noqa: F401  (signed: the fixture, used by name)

from conftest import World
from supervisor_app.agency_schema import CHANGED, create_agency_schema, grant_app_role
from supervisor_app.db import Database, open_database
from supervisor_app.models import Base
from supervisor_app.storage import DatabaseError, head_revision

pytestmark = pytest.mark.postgres

SCHEMA = Path(__file__).resolve().parents[1] / "supervisor_app" / "migrations" / "schema.json"
_RAISE = re.compile(r"raise\(abort,'((?:[^']|'')*)'\)")


def sqlite_triggers() -> dict[str, tuple[str, str, str | None]]:
    """The SQLite head schema's triggers: name -> (table, event, refusal message or None)."""
    objects = json.loads(SCHEMA.read_text(encoding="utf-8"))[head_revision()]["objects"]
    found = {}
    for kind, name, table, sql in objects:
        if kind != "trigger":
            continue
        event = re.search(r"\b(insert|update|delete)\b", sql.split(" on ")[0]).group(1).upper()  # type: ignore[union-attr]
        message = _RAISE.search(sql)
        found[name] = (table, event, message.group(1).replace("''", "'") if message else None)
    return found


TRIGGERS = sqlite_triggers()
REFUSING = sorted(name for name, (_t, _e, message) in TRIGGERS.items() if message)


# --------------------------------------------------------------------------------------------
# Databases on the session's server


@pytest.fixture
def empty_url(postgres_server: Any) -> str:
    return postgres_server.url(postgres_server.create_database())


def copy_rows(source: Engine, target: Engine) -> None:
    """Every row of the SQLite file into the agency database, as the superuser with the
    triggers (and foreign keys) off for the load; the sequences moved past the copied ids."""
    with source.connect() as src, target.begin() as dst:
        dst.exec_driver_sql("SET LOCAL session_replication_role = replica")
        dst.exec_driver_sql(
            "DELETE FROM database_identity"
        )  # init made the agency's own; the file's replaces it
        for table in Base.metadata.sorted_tables:
            rows = [dict(row) for row in src.execute(select(table)).mappings()]
            if rows:
                dst.execute(insert(table), rows)
        for table in Base.metadata.sorted_tables:
            column = table.autoincrement_column
            if column is not None:
                dst.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f"coalesce((SELECT max({column.name}) FROM {table.name}), 0) + 1, false)"
                    )
                )


def fill_empty_tables(target: Engine) -> None:
    """One made-up row (every id and key 1, loads off) in each protected table the world left
    empty, so every trigger has a row to refuse for."""
    with target.begin() as conn:
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for table_name in sorted({table for table, _e, _m in TRIGGERS.values()}):
            table = Base.metadata.tables[table_name]
            if conn.execute(select(table).limit(1)).first() is not None:
                continue
            row = {c.name: None if c.nullable else _value(c) for c in table.columns}
            conn.execute(insert(table), [{**row, **MADE_UP.get(table_name, {})}])


MADE_UP = {"training_entry": {"supervisee_id": 1}}  # one person, as its check wants


def _value(column: Any) -> Any:
    import datetime as dt

    kind = getattr(column.type, "impl", column.type).python_type
    if kind is int:
        return 1
    if kind is bool:
        return False
    if kind is bytes:
        return b"x"
    if kind is dt.datetime:
        return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    if kind is dt.date:
        return dt.date(2026, 1, 1)
    for check in column.table.constraints:  # a value its enum check allows
        allowed = re.search(rf"\b{column.name} IN \('([^']*)'", str(getattr(check, "sqltext", "")))
        if allowed:
            return allowed.group(1)
    return "1"


@pytest.fixture(scope="module")
def _loaded_cache() -> dict[str, Any]:
    return {}


@pytest.fixture
def loaded(
    request: pytest.FixtureRequest, postgres_server: Any, _loaded_cache: dict[str, Any]
) -> dict[str, Any]:
    """An agency database holding test_signoff's signed world (a signed group session, a
    signed experience entry, a voided and a pending session), made once for the module: a
    refused statement changes nothing, so the tests share it."""
    if not _loaded_cache:
        world: World = request.getfixturevalue("world")
        ids = request.getfixturevalue("signed")
        url = postgres_server.url(postgres_server.create_database())
        create_agency_schema(url)
        engine = create_engine(url)
        copy_rows(world.db.engine, engine)
        fill_empty_tables(engine)
        _loaded_cache.update(
            url=url, engine=engine, params={**ids, "carla": world.carla, "rafael": world.rafael}
        )
    return _loaded_cache


def snapshot(engine: Engine) -> dict[str, str]:
    """A digest of every table's rows: equal means nothing changed."""
    with engine.connect() as conn:
        names = inspect(conn).get_table_names()
        return {
            name: conn.execute(
                text(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {name} t")
            ).scalar_one()
            for name in names
        }


# --------------------------------------------------------------------------------------------
# The schema


def test_the_tables_and_columns_are_those_of_the_sqlite_head_schema(db: Database, empty_url: str) -> None:
    assert create_agency_schema(empty_url) == head_revision()

    def columns(engine: Engine) -> dict[str, list[str]]:
        found = inspect(engine)
        return {t: sorted(c["name"] for c in found.get_columns(t)) for t in sorted(found.get_table_names())}

    engine = create_engine(empty_url)
    try:
        on_postgres = columns(engine)
        with engine.connect() as conn:
            assert (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
            )
    finally:
        engine.dispose()
    assert on_postgres == columns(db.engine)
    assert len(on_postgres) > 20


def test_every_sqlite_trigger_has_a_postgres_trigger_of_the_same_name_event_and_words(
    loaded: dict[str, Any],
) -> None:
    with loaded["engine"].connect() as conn:
        rows = conn.execute(
            text(
                "SELECT t.tgname, c.relname, p.prosrc, t.tgtype FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal AND p.proname <> :notice"
            ),
            {"notice": CHANGED},  # the change notices (services.verified): PostgreSQL's own
        ).all()
    on_postgres = {}
    for name, table, source, tgtype in rows:
        event = "INSERT" if tgtype & 4 else "DELETE" if tgtype & 8 else "UPDATE"
        message = re.search(r"MESSAGE = '((?:[^']|'')*)'", source)
        on_postgres[name] = (table, event, message.group(1).replace("''", "'") if message else None)
    assert on_postgres == TRIGGERS
    assert len(TRIGGERS) >= 45


# --------------------------------------------------------------------------------------------
# The protections


@pytest.mark.parametrize(("what", "sql", "message"), RAW_REFUSED, ids=[c[0] for c in RAW_REFUSED])
def test_the_refusals_of_test_signoff_hold_on_postgres(
    loaded: dict[str, Any], what: str, sql: str, message: str
) -> None:
    engine = loaded["engine"]
    before = snapshot(engine)
    with engine.connect() as conn, pytest.raises(IntegrityError, match=message):
        conn.execute(text(sql), loaded["params"])
    assert snapshot(engine) == before


def statement_for(name: str) -> str:
    """A statement the SQLite trigger ``name`` refuses, over every row of its table."""
    table, event, _message = TRIGGERS[name]
    if event == "DELETE":
        return f"DELETE FROM {table}"
    if event == "INSERT":
        return f"INSERT INTO {table} SELECT * FROM {table}"
    if name.endswith("_global_id_fixed"):
        return f"UPDATE {table} SET global_id = gen_random_uuid()::text"
    listed = re.search(r"update of (\w+)", _sql(name))
    column = listed.group(1) if listed else next(iter(Base.metadata.tables[table].primary_key.columns)).name
    return f"UPDATE {table} SET {column} = {column}"


def _sql(name: str) -> str:
    objects = json.loads(SCHEMA.read_text(encoding="utf-8"))[head_revision()]["objects"]
    return next(sql for kind, n, _t, sql in objects if kind == "trigger" and n == name)


@pytest.mark.parametrize("name", REFUSING)
def test_every_refusing_trigger_of_the_sqlite_schema_refuses_on_postgres_in_the_same_words(
    loaded: dict[str, Any], name: str
) -> None:
    engine = loaded["engine"]
    before = snapshot(engine)
    with engine.connect() as conn, pytest.raises(IntegrityError) as caught:
        conn.execute(text(statement_for(name)))
    assert caught.value.orig.diag.message_primary == TRIGGERS[name][2]  # type: ignore[union-attr]
    assert caught.value.orig.diag.context and name in caught.value.orig.diag.context  # type: ignore[union-attr]
    assert snapshot(engine) == before


def test_without_its_trigger_each_of_those_statements_goes_through(loaded: dict[str, Any]) -> None:
    """The check above can fail: with the trigger dropped (in a transaction rolled back), its
    statement is no longer refused by it."""
    with loaded["engine"].connect() as conn:
        for name in REFUSING:
            table = TRIGGERS[name][0]
            with conn.begin():
                conn.exec_driver_sql(f"DROP TRIGGER {name} ON {table}")
                try:
                    with conn.begin_nested():
                        conn.execute(text(statement_for(name)))
                except DBAPIError as exc:  # another trigger or a key may still refuse it
                    assert name not in (exc.orig.diag.context or ""), name  # type: ignore[union-attr]
                conn.rollback()
    test_every_sqlite_trigger_has_a_postgres_trigger_of_the_same_name_event_and_words(loaded)


def test_pending_records_stay_editable(loaded: dict[str, Any]) -> None:
    with loaded["engine"].connect() as conn:
        pending = loaded["params"]["pending"]
        conn.execute(
            text("UPDATE supervision_session SET topics = 'edited by hand' WHERE id = :p"), {"p": pending}
        )
        conn.execute(text("UPDATE session_allocation SET minutes = 60 WHERE session_id = :p"), {"p": pending})
        conn.execute(text("DELETE FROM session_attendee WHERE session_id = :p"), {"p": pending})
        conn.execute(text("UPDATE supervisor SET name = 'Dana W.' WHERE id = 1"))
        conn.rollback()


def test_a_person_inserted_without_a_global_id_gets_one(loaded: dict[str, Any]) -> None:
    with loaded["engine"].connect() as conn:
        for table in ("supervisor", "supervisee"):
            columns = [
                c.name for c in Base.metadata.tables[table].columns if c.name not in ("id", "global_id")
            ]
            listed = ", ".join(columns)
            new_id = conn.execute(
                text(
                    f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {table} ORDER BY id LIMIT 1 RETURNING id"
                )
            ).scalar_one()
            filled = conn.execute(
                text(f"SELECT global_id FROM {table} WHERE id = :i"), {"i": new_id}
            ).scalar_one()
            assert re.fullmatch(
                r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", filled
            )
        conn.rollback()


# --------------------------------------------------------------------------------------------
# Creating, refusing, roles


def test_creating_twice_is_refused_and_changes_nothing(empty_url: str) -> None:
    create_agency_schema(empty_url)
    engine = create_engine(empty_url)
    try:
        before = snapshot(engine)
        with pytest.raises(DatabaseError, match="already has tables"):
            create_agency_schema(engine)
        assert snapshot(engine) == before
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "url", ["sqlite:///agency.db", "postgresql://owner@server/agency", "mysql+pymysql://x@y/z", "not a url"]
)
def test_anything_but_a_psycopg_postgresql_url_is_refused(url: str) -> None:
    with pytest.raises(DatabaseError, match=r"must be a PostgreSQL URL starting with postgresql\+psycopg://"):
        create_agency_schema(url)
    with pytest.raises(DatabaseError, match="postgresql"):
        grant_app_role(url, "agency_app")


@pytest.fixture
def roles(postgres_server: Any, world: World, signed: dict[str, str]) -> Iterator[dict[str, str]]:  # noqa: F811
    """An owner role with its own database and schema, holding the signed world, and the
    app's role granted on it."""
    postgres_server.execute("CREATE ROLE agency_owner LOGIN")
    postgres_server.execute("CREATE ROLE agency_app LOGIN")
    name = postgres_server.create_database(owner="agency_owner")
    owner_url = postgres_server.url(name, user="agency_owner")
    create_agency_schema(owner_url)
    grant_app_role(owner_url, "agency_app")
    loader = create_engine(postgres_server.url(name))
    copy_rows(world.db.engine, loader)
    loader.dispose()
    yield {"owner": owner_url, "app": postgres_server.url(name, user="agency_app"), **signed}
    postgres_server.execute(f"DROP DATABASE {name}")
    postgres_server.execute("DROP ROLE agency_app")
    postgres_server.execute("DROP ROLE agency_owner")


def test_the_apps_role_works_with_rows_but_cannot_drop_or_disable_the_triggers(roles: dict[str, str]) -> None:
    app = create_engine(roles["app"])
    try:
        with app.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar_one() == "agency_app"
            assert conn.execute(text("SELECT count(*) FROM supervision_session")).scalar_one() >= 3
            conn.execute(
                text("UPDATE supervision_session SET topics = 'x' WHERE id = :p"), {"p": roles["pending"]}
            )
            conn.execute(
                text(
                    "INSERT INTO audit_event (id, at, actor, action, details, prev_hash, hash) "
                    "SELECT id + 1000, at, actor, action, details, prev_hash, hash FROM audit_event LIMIT 1"
                )
            )
            conn.rollback()
        for attack in (
            "DROP TRIGGER supervision_session_final_update ON supervision_session",
            "ALTER TABLE supervision_session DISABLE TRIGGER ALL",
            "ALTER TABLE sign_off DISABLE TRIGGER sign_off_append_only_delete",
            "DROP FUNCTION audit_event_append_only_delete() CASCADE",
            "CREATE OR REPLACE FUNCTION supervision_session_final_update() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "TRUNCATE audit_event",
            "SET session_replication_role = replica",
        ):
            with (
                app.connect() as conn,
                pytest.raises(ProgrammingError, match="must be owner|permission denied"),
            ):
                conn.execute(text(attack))
        with app.connect() as conn, pytest.raises(IntegrityError, match="signed records are final"):
            conn.execute(
                text("UPDATE supervision_session SET minutes = 1 WHERE id = :s"), {"s": roles["session"]}
            )
    finally:
        app.dispose()


def test_a_table_the_owner_makes_later_is_the_apps_to_use_too(roles: dict[str, str]) -> None:
    owner, app = create_engine(roles["owner"]), create_engine(roles["app"])
    try:
        with owner.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE later_migration (id serial PRIMARY KEY, note text)")
        with app.begin() as conn:
            conn.exec_driver_sql("INSERT INTO later_migration (note) VALUES ('x')")
            with pytest.raises(ProgrammingError, match="must be owner"):
                with conn.begin_nested():
                    conn.exec_driver_sql("DROP TABLE later_migration")
    finally:
        owner.dispose()
        app.dispose()


def test_the_owner_is_never_granted_as_the_apps_role(roles: dict[str, str]) -> None:
    with pytest.raises(DatabaseError, match="must not be the owner"):
        grant_app_role(roles["owner"], "agency_owner")


def test_the_app_role_is_refused_creating_the_schema(postgres_server: Any, roles: dict[str, str]) -> None:
    name = postgres_server.create_database(owner="agency_owner")
    try:
        with pytest.raises(DBAPIError, match="permission denied"):
            create_agency_schema(postgres_server.url(name, user="agency_app"))
    finally:
        postgres_server.execute(f"DROP DATABASE {name}")


def test_init_on_a_postgresql_url_creates_the_agency_database(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    assert main(["--db", empty_url, "init", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["revision"] == head_revision()
    engine = create_engine(empty_url)
    try:
        before = snapshot(engine)
        assert main(["--db", empty_url, "init"]) == 0  # the second time: at head, nothing to do
        assert capsys.readouterr().out.startswith(f"Agency database already at revision {head_revision()}: ")
        assert snapshot(engine) == before
    finally:
        engine.dispose()


def _at_0014(url: str) -> None:
    """The agency database as the previous version made it (before migration 0015)."""
    from alembic import command

    from supervisor_app.db import _alembic_config, make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0014")
    finally:
        engine.dispose()


def _revision(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one())
    finally:
        engine.dispose()


def test_init_upgrades_an_agency_database_an_earlier_version_made(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app's message for a database not at head tells IT to run init: init upgrades it, in
    one transaction, and the app then opens it."""
    from supervisor_app.cli import main

    assert main(["--db", empty_url, "init"]) == 0
    _at_0014(empty_url)
    with pytest.raises(DatabaseError, match="runs init"):
        open_database(empty_url)
    capsys.readouterr()
    assert main(["--db", empty_url, "init", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["upgraded_from"], out["revision"]) == ("0014", head_revision())
    assert _revision(empty_url) == head_revision()
    open_database(empty_url).close()  # at head and unaltered: the app opens it


def test_init_refuses_to_upgrade_an_altered_agency_database_and_changes_nothing(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    assert main(["--db", empty_url, "init"]) == 0
    _at_0014(empty_url)
    engine = create_engine(empty_url)
    try:
        with engine.begin() as conn:  # someone's own trigger beside the app's
            conn.exec_driver_sql(
                "CREATE FUNCTION quiet() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER quiet BEFORE UPDATE ON supervisor FOR EACH ROW EXECUTE FUNCTION quiet()"
            )
        before = snapshot(engine)
        capsys.readouterr()
        assert main(["--db", empty_url, "init"]) == 1
        assert "changed outside supervisor_app" in capsys.readouterr().err
        assert _revision(empty_url) == "0014" and snapshot(engine) == before
        with engine.connect() as conn:  # the upgrade's indexes rolled back with it
            assert not conn.exec_driver_sql(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'ix_session_totals'"
            ).all()
    finally:
        engine.dispose()


def test_init_refuses_a_database_with_tables_of_its_own_and_changes_nothing(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    engine = create_engine(empty_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE payroll (id integer)")
        before = snapshot(engine)
        assert main(["--db", empty_url, "init"]) == 1
        assert "not an agency database made by supervisor_app" in capsys.readouterr().err
        assert snapshot(engine) == before
    finally:
        engine.dispose()


def test_init_with_an_app_role_grants_it_the_rows_and_nothing_more(
    postgres_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """The IT person's one command: the owner creates the agency database and lets the app's
    role in; the app then works as that role and still cannot touch a trigger."""
    from supervisor_app.cli import main

    postgres_server.execute("CREATE ROLE it_owner LOGIN")
    postgres_server.execute("CREATE ROLE it_app LOGIN")
    name = postgres_server.create_database(owner="it_owner")
    try:
        owner = postgres_server.url(name, user="it_owner")
        assert main(["--db", owner, "--json", "init", "--app-role", "it_app"]) == 0
        assert json.loads(capsys.readouterr().out)["app_role"] == "it_app"
        app = postgres_server.url(name, user="it_app")
        assert (
            main(["--db", app, "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS"]) == 0
        )
        assert main(["--db", app, "--json", "list", "supervisors"]) == 0
        assert "Dana Whitaker" in capsys.readouterr().out
        engine = create_engine(app)
        try:
            with engine.connect() as conn, pytest.raises(DBAPIError, match="must be owner"):
                conn.exec_driver_sql("ALTER TABLE sign_off DISABLE TRIGGER ALL")
        finally:
            engine.dispose()
    finally:
        postgres_server.execute(f"DROP DATABASE {name}")
        postgres_server.execute("DROP ROLE it_app")
        postgres_server.execute("DROP ROLE it_owner")


def test_init_refuses_the_owner_as_the_app_role_and_creates_nothing(
    postgres_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    name = postgres_server.create_database()
    url = postgres_server.url(name)
    try:
        assert main(["--db", url, "init", "--app-role", SUPERUSER]) == 2
        assert "another role than the owner's" in capsys.readouterr().err
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                tables = conn.exec_driver_sql(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                ).scalar_one()
        finally:
            engine.dispose()
        assert tables == 0
    finally:
        postgres_server.execute(f"DROP DATABASE {name}")


def test_init_refuses_an_app_role_for_a_database_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    path = tmp_path / "laptop.db"
    assert main(["--db", str(path), "init", "--app-role", "supervisor_app"]) == 2
    assert "--app-role is for the agency database" in capsys.readouterr().err
    assert not path.exists()


def test_init_on_a_postgresql_url_without_psycopg_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from supervisor_app.cli import main

    assert main(["--db", "postgresql://owner@127.0.0.1:1/agency", "init"]) == 2
    assert "postgresql+psycopg://" in capsys.readouterr().err
