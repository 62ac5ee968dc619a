"""The agency list's totals on PostgreSQL (issue 17): the indexes of migration 0015 that let
them be merged in id order, on a new agency database and on one upgraded from 0014, and the
planner settings the totals give PostgreSQL, which last only their transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from postgres import agency_url
from sqlalchemy import create_engine, inspect, text

from supervisor_app.agency_schema import differences
from supervisor_app.db import make_engine, open_database, upgrade
from supervisor_app.services import sums

pytestmark = pytest.mark.postgres

TOTALS_INDEXES = {
    "ix_sign_off_void": ("sign_off", ["record_id"]),
    "ix_foreign_link_void": ("foreign_link", ["record_id"]),
    "ix_session_totals": ("supervision_session", ["id", "status", "supervisor_id", "format", "date"]),
    "ix_session_allocation_totals": ("session_allocation", ["session_id", "domain_code", "minutes"]),
    "ix_experience_totals": (
        "experience_entry",
        ["id", "status", "supervisee_id", "supervisor_id", "period_end"],
    ),
    "ix_experience_allocation_totals": ("experience_allocation", ["entry_id", "domain_code", "minutes"]),
}


def _indexes(url_or_engine: Any) -> dict[str, tuple[str, list[str]]]:
    """Every ``ix_`` index: (its table, its columns)."""
    engine = create_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        found = inspect(engine)
        return {
            index["name"]: (table, list(index["column_names"]))
            for table in found.get_table_names()
            for index in found.get_indexes(table)
            if str(index["name"]).startswith("ix_")
        }
    finally:
        if isinstance(url_or_engine, str):
            engine.dispose()


def _void_predicates(owner: str) -> dict[str, str]:
    engine = create_engine(owner)
    try:
        with engine.connect() as conn:
            return dict(
                conn.execute(
                    text(
                        "SELECT indexname, indexdef FROM pg_indexes "
                        "WHERE indexname IN ('ix_sign_off_void', 'ix_foreign_link_void')"
                    )
                ).all()
            )
    finally:
        engine.dispose()


def _differences(owner: str) -> list[str]:
    engine = create_engine(owner)
    try:
        with engine.connect() as conn:
            return differences(conn)
    finally:
        engine.dispose()


def _owner_of(app_url: str, server: Any) -> str:
    return server.url(app_url.rsplit("/", 1)[1])


def test_a_new_agency_database_has_the_sqlite_head_schemas_indexes_and_the_totals_ones(
    postgres_server: Any, tmp_path: Path
) -> None:
    """The totals' indexes are the agency database's only: a SQLite file's planner does not use
    them (migration 0015's docstring), so a laptop's file is not made larger by them."""
    owner = _owner_of(agency_url(postgres_server), postgres_server)
    sqlite = open_database(tmp_path / "head.db")
    try:
        on_sqlite = _indexes(sqlite.engine)
    finally:
        sqlite.close()
    on_postgres = _indexes(owner)
    assert not set(TOTALS_INDEXES) & set(on_sqlite)
    assert on_postgres == on_sqlite | TOTALS_INDEXES
    for name, want in TOTALS_INDEXES.items():
        assert on_postgres[name] == want
    for name, definition in _void_predicates(owner).items():
        assert definition.endswith("WHERE ((action)::text = 'void'::text)"), name
    assert _differences(owner) == []


def test_an_agency_database_at_0014_gets_them_by_the_upgrade_and_stays_unaltered(
    postgres_server: Any,
) -> None:
    from alembic import command

    from supervisor_app.db import _alembic_config

    app_url = agency_url(postgres_server)
    owner = _owner_of(app_url, postgres_server)
    engine = make_engine(owner)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0014")
        assert not set(TOTALS_INDEXES) & set(_indexes(owner))
        assert _differences(owner) == []
        upgrade(engine)
    finally:
        engine.dispose()
    indexes = _indexes(owner)
    assert {name: indexes[name] for name in TOTALS_INDEXES} == TOTALS_INDEXES
    assert len(_void_predicates(owner)) == 2
    assert _differences(owner) == []
    open_database(app_url).close()  # at head, unaltered: the app opens it


def test_the_totals_planner_settings_last_only_their_transaction(postgres_server: Any) -> None:
    db = open_database(agency_url(postgres_server))
    try:

        def settings(uow: Any) -> tuple[str, str]:
            row = (
                uow.raw()
                .execute("SELECT current_setting('random_page_cost'), current_setting('jit')")
                .fetchone()
            )
            return row[0], row[1]

        with db.uow("test", reading=True) as uow:
            before = settings(uow)
            assert sums.sums_by_supervisee(uow, [1], {}, everyone=True)[1].sessions == (0, None, None)
            assert settings(uow) == ("1.1", "off")
        with db.uow("test", reading=True) as uow:
            assert settings(uow) == before != ("1.1", "off")
    finally:
        db.close()
