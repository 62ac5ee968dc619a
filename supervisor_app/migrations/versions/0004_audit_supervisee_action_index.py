"""A covering index for a supervisee's sign and void events (benchmark: progress, pdf)

Every progress view and printed form verifies the supervisee's records, and reads the sign
and void events the audit trail holds for them. With an index on the supervisee alone, each
event cost a table page; this one answers from the index. It replaces that index, whose
queries (the audit trail filtered by supervisee) it serves as well.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_audit_supervisee_action", "audit_event", ["supervisee_id", "action", "record_id"], unique=False
    )
    op.drop_index("ix_audit_supervisee", table_name="audit_event")


def downgrade() -> None:
    op.create_index("ix_audit_supervisee", "audit_event", ["supervisee_id"], unique=False)
    op.drop_index("ix_audit_supervisee_action", table_name="audit_event")
