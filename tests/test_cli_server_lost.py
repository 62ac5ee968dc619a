"""The command line when the agency database's server stops answering in the middle of a
command (a real PostgreSQL server: tests/postgres.py): a plain sentence and exit 1 (a state,
not the input), nothing written — not "unexpected error: OperationalError"."""

# ruff: noqa: F811  (the cli fixture of test_cli, imported, is a test argument here)

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg
import pytest
from postgres import agency_url
from test_cli import Cli, cli, days_ago  # noqa: F401  (cli: the fixture)

from conftest import PASSWORD
from supervisor_app.storage import server_lost

pytestmark = pytest.mark.postgres


def _superuser(server: Any, url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host="127.0.0.1", port=server.port, user="postgres", dbname=url.rsplit("/", 1)[1], autocommit=True
    )


def test_a_server_lost_mid_command_is_said_plainly_and_nothing_is_written(
    cli: Cli, postgres_server: Any
) -> None:
    url = agency_url(postgres_server)
    dana = cli(
        "--db", url, "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS",
        "--password-stdin", stdin=PASSWORD + "\n",
    ).value  # fmt: skip
    killed: list[int] = []
    with _superuser(postgres_server, url) as holder, _superuser(postgres_server, url) as killer:
        # Another writer holds the supervisee table: the command's insert waits for it, and its
        # connection is ended there (as a server stopping would end it).
        holder.execute("BEGIN")
        holder.execute("LOCK TABLE supervisee IN EXCLUSIVE MODE")
        mine = {holder.info.backend_pid, killer.info.backend_pid}

        def end_the_waiting_command() -> None:
            for _ in range(400):
                rows = killer.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                ).fetchall()
                waiting = [pid for (pid,) in rows if pid not in mine]
                if waiting:
                    killer.execute("SELECT pg_terminate_backend(%s)", (waiting[0],))
                    killed.append(waiting[0])
                    return
                time.sleep(0.02)

        ender = threading.Thread(target=end_the_waiting_command)
        ender.start()
        result = cli(
            "--db", url, "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS",
            "--start", days_ago(400), "--supervisor", dana,
        )  # fmt: skip
        ender.join()
        holder.execute("ROLLBACK")
        assert killed, f"the command never waited for the table: {result}"
        assert result.code == 1 and result.out == ""
        assert result.err == (
            "supervisor-app: The agency database server stopped answering (it stopped, or the network "
            "is down): nothing more was written. Try again when it is back.\n"
        )
        assert killer.execute("SELECT count(*) FROM supervisee").fetchone() == (0,)
    assert cli("--db", url, "--json", "list", "supervisees").json() == []  # and it answers again


def test_a_refused_statement_is_not_a_lost_server(postgres_server: Any) -> None:
    url = agency_url(postgres_server)
    with _superuser(postgres_server, url) as conn:
        with pytest.raises(psycopg.Error) as refused:
            conn.execute("SELECT * FROM no_such_table")
        assert not server_lost(refused.value)
        with pytest.raises(psycopg.OperationalError) as gone:
            conn.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        assert server_lost(gone.value)
