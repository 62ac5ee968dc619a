"""Hash chains over the audit trail and the print records; the outside copies' table

``audit_event`` and ``attestation`` gain ``prev_hash`` and ``hash`` (services/trails.py has
the format); the rows already there get their chain here, in id order. Those two tables are
append-only (triggers forbid UPDATE), so their triggers are dropped for the fill and made
again from their own stored SQL, byte for byte. Set-based: one read and one executemany of
updates per 50,000 rows, each row's hash computed once: about 1 s per 100,000 events
(measured on the benchmark's generated file at scale 0.1), so an agency's ten years, 2.3
million events, take about 25 s. ``outside_copy`` (append-only) holds what copies that left the
file (hours files) know of its chains, for ``verify``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from supervisor_app.services.trails import FIELDS, GENESIS, chain_hashes

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_CHAINED = ("audit_event", "attestation")
_CHUNK = 50_000
_APPEND_ONLY = "this table is append-only"


def _fill(conn, table: str) -> None:  # type: ignore[no-untyped-def]
    """Every row's prev_hash and hash, in id order, a chunk at a time."""
    fields = ", ".join(FIELDS[table])
    prev, last = GENESIS, None
    while True:
        where = "" if last is None else f"WHERE id > {int(last)}"
        rows = conn.exec_driver_sql(
            f"SELECT {fields} FROM {table} {where} ORDER BY id LIMIT {_CHUNK}"
        ).fetchall()
        if not rows:
            return
        hashes = chain_hashes(prev, rows)
        prevs = [prev, *hashes[:-1]]
        conn.exec_driver_sql(
            f"UPDATE {table} SET prev_hash = ?, hash = ? WHERE id = ?",
            [(p, h, row[0]) for p, h, row in zip(prevs, hashes, rows, strict=True)],
        )
        prev, last = hashes[-1], rows[-1][0]


def upgrade() -> None:
    conn = op.get_bind()
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (?, ?) ORDER BY rowid",
        _CHAINED,
    ).fetchall()
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for table in _CHAINED:
        # NOT NULL needs a default to be added to a table with rows; every row is filled below.
        for column in ("prev_hash", "hash"):
            op.add_column(table, sa.Column(column, sa.String(length=64), nullable=False, server_default=""))
        _fill(conn, table)
    for _name, sql in triggers:
        conn.exec_driver_sql(sql)

    op.create_table(
        "outside_copy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=400), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=True),
        sa.Column("last_chain_hash", sa.String(length=64), nullable=True),
        sa.Column("audit_head_id", sa.Integer(), nullable=True),
        sa.Column("audit_head_hash", sa.String(length=64), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outside_copy")),
    )
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER outside_copy_append_only_{event.lower()} BEFORE {event} ON outside_copy "
            f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
        )


def downgrade() -> None:
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS outside_copy_append_only_{event}")
    op.drop_table("outside_copy")
    for table in _CHAINED:
        for column in ("hash", "prev_hash"):
            op.drop_column(table, column)  # SQLite >= 3.35: ALTER TABLE DROP COLUMN, triggers kept
