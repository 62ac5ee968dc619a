"""attestations

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attestation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("supervisee_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=True),
        sa.Column("date_from", sa.Date(), nullable=True),
        sa.Column("date_to", sa.Date(), nullable=True),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("supervision_minutes", sa.Integer(), nullable=False),
        sa.Column("experience_minutes", sa.Integer(), nullable=False),
        sa.Column("printed_by", sa.String(length=200), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supervisee_id"], ["supervisee.id"], name=op.f("fk_attestation_supervisee_id_supervisee")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor.id"], name=op.f("fk_attestation_supervisor_id_supervisor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attestation")),
        sa.UniqueConstraint("serial", name=op.f("uq_attestation_serial")),
    )
    with op.batch_alter_table("attestation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_attestation_lookup",
            ["supervisee_id", "supervisor_id", "date_from", "date_to", "fingerprint"],
            unique=False,
        )
        batch_op.create_index("ix_attestation_supervisee", ["supervisee_id"], unique=False)
    # The record of what was printed is append-only, like the audit trail.
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER attestation_append_only_{event.lower()} BEFORE {event} ON attestation "
            "BEGIN SELECT RAISE(ABORT, 'this table is append-only'); END"
        )


def downgrade() -> None:
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS attestation_append_only_{event}")
    with op.batch_alter_table("attestation", schema=None) as batch_op:
        batch_op.drop_index("ix_attestation_supervisee")
        batch_op.drop_index("ix_attestation_lookup")

    op.drop_table("attestation")
