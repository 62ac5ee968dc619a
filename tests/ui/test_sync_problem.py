"""What the sync control calls "unreachable" is what the window calls a lost server
(common.server_lost), one rule: a connection that failed or died. A lock waited for too long,
on the laptop's file or on the agency database, is not an offline server: it is shown as it
is. (An unreachable port and a trigger's refusal: tests/ui/test_sync_ui.py.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest
from postgres import agency_url
from sqlalchemy import create_engine, text

from supervisor_app.db import WRITE_LOCK
from supervisor_app.ui.common import server_lost
from supervisor_app.ui.sync_control import problem


def test_the_laptops_locked_file_is_not_an_offline_server(tmp_path: Path) -> None:
    path = tmp_path / "laptop.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    try:
        with pytest.raises(Exception) as locked:  # noqa: PT011 - whatever SQLAlchemy wraps it in
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO t VALUES (1)"))
    finally:
        engine.dispose()
        holder.close()
    assert "database is locked" in str(locked.value)
    assert not server_lost(locked.value)
    assert problem(locked.value) == "other"


@pytest.mark.postgres
def test_a_lock_waited_for_too_long_on_the_agency_is_not_an_offline_server(postgres_server: Any) -> None:
    url = agency_url(postgres_server).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as holder, psycopg.connect(url) as waiter:
        holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        waiter.execute("SET lock_timeout = 100")
        with pytest.raises(psycopg.OperationalError) as waited:
            waiter.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
    assert waited.value.sqlstate == "55P03"
    assert not server_lost(waited.value)
    assert problem(waited.value) == "other"
