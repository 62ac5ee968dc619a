"""Indexes for pending records and the experience list (benchmark: list_open, startup)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("experience_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_experience_pending",
            ["supervisor_id"],
            unique=False,
            sqlite_where=sa.text("status = 'pending'"),
        )
        batch_op.create_index("ix_experience_period", ["period_start", "id"], unique=False)

    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.create_index(
            "ix_session_pending", ["supervisor_id"], unique=False, sqlite_where=sa.text("status = 'pending'")
        )


def downgrade() -> None:
    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.drop_index("ix_session_pending", sqlite_where=sa.text("status = 'pending'"))

    with op.batch_alter_table("experience_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_experience_period")
        batch_op.drop_index("ix_experience_pending", sqlite_where=sa.text("status = 'pending'"))
