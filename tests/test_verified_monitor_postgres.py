"""The proof cache's monitor on the agency database (services/verified.py, ``_Agency``): what
only PostgreSQL has, on the session's real server. The tests on both databases are in
test_verified_postgres.py."""

# ruff: noqa: F811  (signed: the fixture of test_verified_postgres, imported, is a test argument here)

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import make_url
from test_verified_postgres import _as_owner, _count_checks, _view, signed  # noqa: F401

from conftest import World
from supervisor_app.services import verified

pytestmark = pytest.mark.postgres
ON_POSTGRES = pytest.mark.parametrize("backend", ["postgres"], indirect=True)  # world on PostgreSQL


@ON_POSTGRES
def test_a_lost_monitor_connection_forgets_everything_then_remembers_again(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch, postgres_server: Any
) -> None:
    world, _ids = signed
    _view(world)
    calls = _count_checks(monkeypatch)
    postgres_server.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE application_name = '{verified.MONITOR_NAME}' AND datname = current_database()",
        database=make_url(world.db.url).database,
    )
    _view(world)  # the monitor is gone: nothing it may have missed is trusted
    _view(world)  # connected again: remembered
    assert calls == [world.ana]


@ON_POSTGRES
def test_while_a_protection_is_off_nothing_is_remembered(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    world, _ids = signed
    _view(world)
    calls = _count_checks(monkeypatch)
    owner = "ALTER TABLE session_allocation {} TRIGGER session_allocation_final_update"
    _as_owner(world.db, owner.format("DISABLE"))
    _view(world)
    _view(world)
    _as_owner(world.db, owner.format("ENABLE"))
    _view(world)
    _view(world)
    assert calls == [world.ana] * 3  # both views while it was off, the first after
