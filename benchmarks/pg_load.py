"""The benchmark's agency on PostgreSQL: a generated SQLite file (benchmarks/generate.py)
copied into an empty PostgreSQL database, for the ``pg_*`` metrics of benchmarks/run.py.

    uv run python benchmarks/pg_load.py SQLITE_FILE OWNER_URL [--app-role ROLE]

Benchmark setup, not a product path (the agency database is filled by sync): as the owner
role, :func:`load` creates the schema at head (``agency_schema.create_agency_schema``), turns
the protective triggers off table by table (``ALTER TABLE ... DISABLE TRIGGER USER``, which
only the owner may), replaces the rows init made (the database's identity) with the file's, copies every table's rows with ``COPY`` in the models' dependency order,
moves each id sequence past the copied ids, turns the triggers back on and checks that none
is left off (with ``agency_schema.differences`` where it exists), then grants the app's role.
Every row is copied as SQLite stores it and PostgreSQL parses the text (dates, times,
timestamps in UTC, 0/1 booleans), so the content and chain hashes still verify.

:class:`ThrowawayServer` starts a private server (tests/postgres.py's) when no URL is given.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BATCH = 20_000


def _connect(owner_url: str) -> Any:
    import psycopg

    return psycopg.connect(_plain(owner_url))


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def loaded(owner_url: str) -> bool:
    """Whether the database at ``owner_url`` already holds an agency (supervisees)."""
    with _connect(owner_url) as conn:
        table = conn.execute("SELECT to_regclass('public.supervisee')").fetchone()
        return bool(
            table and table[0] and conn.execute("SELECT EXISTS (SELECT 1 FROM supervisee)").fetchone()[0]
        )  # type: ignore[index]


def load(
    sqlite_path: Path, owner_url: str, *, app_role: str | None = None, log: Callable[[str], None] = print
) -> dict[str, int]:
    """Copy ``sqlite_path`` into the empty database at ``owner_url``; rows per table."""
    import psycopg

    from supervisor_app import agency_schema
    from supervisor_app.models import Base

    started = time.perf_counter()
    agency_schema.create_agency_schema(owner_url)
    tables = [t for t in Base.metadata.sorted_tables]
    source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    counts: dict[str, int] = {}
    with psycopg.connect(_plain(owner_url)) as conn:
        conn.execute("SET TIME ZONE 'UTC'")  # SQLite holds naive UTC timestamps
        for table in tables:
            conn.execute(f'ALTER TABLE "{table.name}" DISABLE TRIGGER USER')  # type: ignore[arg-type]
        for table in reversed(tables):  # init's own rows (the agency's identity): the file's instead
            conn.execute(f'DELETE FROM "{table.name}"')  # type: ignore[arg-type]
        for table in tables:
            names = [c.name for c in table.columns]
            present = {row[1] for row in source.execute(f'PRAGMA table_info("{table.name}")')}
            names = [n for n in names if n in present]
            if not names:  # a table newer than the file (generated before its migration): empty
                counts[table.name] = 0
                continue
            quoted = ", ".join(f'"{n}"' for n in names)
            rows = source.execute(f'SELECT {quoted} FROM "{table.name}"')
            copied = 0
            with conn.cursor().copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:  # type: ignore[arg-type]
                while batch := rows.fetchmany(BATCH):
                    for row in batch:
                        copy.write_row(row)
                    copied += len(batch)
            counts[table.name] = copied
        serials = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND (column_default LIKE 'nextval(%%' OR is_identity = 'YES')"
        ).fetchall()
        for table_name, column_name in serials:  # explicit ids do not move a sequence
            conn.execute(
                "SELECT setval(pg_get_serial_sequence(%s, %s), max_id) FROM "  # type: ignore[arg-type]
                f'(SELECT max("{column_name}") AS max_id FROM "{table_name}") AS m WHERE max_id IS NOT NULL',
                (table_name, column_name),
            )
        for table in tables:
            conn.execute(f'ALTER TABLE "{table.name}" ENABLE TRIGGER USER')  # type: ignore[arg-type]
        off = conn.execute(
            "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'"
        ).fetchall()
        if off:
            raise RuntimeError(f"triggers left off after the load: {off}")
        conn.commit()
    source.close()
    differences = getattr(agency_schema, "differences", None)
    if differences is not None:
        from sqlalchemy import create_engine

        engine = create_engine(owner_url)
        try:
            with engine.connect() as conn:
                found = differences(conn)
        finally:
            engine.dispose()
        if found:
            raise RuntimeError(f"the loaded schema differs from the app's: {found}")
    if app_role is not None:
        agency_schema.grant_app_role(owner_url, app_role)
    with psycopg.connect(_plain(owner_url), autocommit=True) as conn:
        # VACUUM too: the visibility map autovacuum keeps in a database in use (index-only
        # scans read it); rows just copied have none.
        conn.execute("VACUUM (ANALYZE)")
    log(
        f"loaded {sum(counts.values()):,} rows in {len(counts)} tables into PostgreSQL "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return counts


SERVER_SETTINGS = ("shared_buffers=256MB",)
"""The throwaway server's memory: PostgreSQL's defaults otherwise (work_mem 4MB, JIT on), not the
tests' 16MB of shared buffers."""


class ThrowawayServer:
    """A private PostgreSQL server for one benchmark run (tests/postgres.py's, on a free
    loopback port, removed at :meth:`stop`); ``owner_url``: a fresh empty database's."""

    def __init__(self) -> None:
        sys.path.insert(0, str(HERE.parent / "tests"))
        from postgres import PostgresServer

        self.server = PostgresServer.start(SERVER_SETTINGS)
        self.database = self.server.create_database()

    @property
    def owner_url(self) -> str:
        return str(self.server.url(self.database))

    def role(self, name: str) -> str:
        """A login role ``name`` (made if missing); its URL on the database."""
        try:
            self.server.execute(f'CREATE ROLE "{name}" LOGIN')
        except Exception:  # noqa: BLE001 - there already
            pass
        return str(self.server.url(self.database, user=name))

    def stop(self) -> None:
        self.server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sqlite", type=Path)
    parser.add_argument("owner_url")
    parser.add_argument("--app-role")
    args = parser.parse_args(argv)
    counts = load(args.sqlite, args.owner_url, app_role=args.app_role)
    for name, count in counts.items():
        print(f"{name}: {count:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
