"""Sync with the agency database (issue 17): ``sync_peer``, what this database last took from a
database it syncs with.

- ``sync_peer``: per peer (its chain id) the last seq received per chain (``heads``, JSON),
  the supervisees (global ids, JSON) whose records were taken, and when. Written in the same
  transaction as the rows it accounts for. Bookkeeping, not evidence: no protective triggers.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_peer",
        sa.Column("peer_chain_id", sa.String(length=36), nullable=False),
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("heads", sa.Text(), nullable=False),
        sa.Column("supervisees", sa.Text(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("peer_chain_id", name=op.f("pk_sync_peer")),
    )


def downgrade() -> None:
    op.drop_table("sync_peer")
