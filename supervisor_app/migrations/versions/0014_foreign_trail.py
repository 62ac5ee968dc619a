"""Sync (issue 17): ``foreign_trail``, another database's audit trail and print records as they
arrived, append-only.

- ``foreign_trail``: per (chain id, table, id) the row's fields as its database stored them
  (JSON), ``prev_hash`` and ``hash`` (``services.trails``). Evidence: ``UPDATE`` and
  ``DELETE`` are refused (``foreign_trail_append_only_*``, also on PostgreSQL:
  ``agency_schema``).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "foreign_trail",
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("tbl", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("chain_id", "tbl", "id", name=op.f("pk_foreign_trail")),
    )
    if op.get_bind().dialect.name == "postgresql":
        from supervisor_app import agency_schema

        for made in agency_schema.made_by_app():
            if made.table == "foreign_trail":
                statements = agency_schema.made_sql(made)
                shared = made.function == agency_schema.CHANGED  # the change notices' one function
                for statement in statements[1:] if shared else statements:
                    op.execute(statement)
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER foreign_trail_append_only_{event.lower()} BEFORE {event} "
            "ON foreign_trail BEGIN SELECT RAISE(ABORT, 'this table is append-only'); END"
        )


def downgrade() -> None:
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS foreign_trail_append_only_{event}")
    op.drop_table("foreign_trail")
