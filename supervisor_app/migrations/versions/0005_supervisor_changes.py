"""Changing what was entered about people: a supervisee's supervisor changes from a date, a
supervisor's certification and license expiry, the recovery key, a supervisor who left

- ``supervisor_change``: the history of each supervisee's supervisor of record (append-only,
  like the audit trail); records never move, so earlier records stay with the earlier
  supervisor.
- ``supervisor``: ``certification_expires`` and ``license_expires``; ``recovery_key_hash``
  (argon2id of the key shown once at account creation); ``left_on`` and ``successor_id`` for
  a supervisor who left and whoever took their supervisees over.

Columns are added in place (ALTER TABLE ... ADD COLUMN): the supervisor table, which every
record refers to, is not copied.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supervisor_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisee_id", sa.Integer(), nullable=False),
        sa.Column("previous_supervisor_id", sa.Integer(), nullable=True),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["previous_supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_supervisor_change_previous_supervisor_id_supervisor"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisee_id"], ["supervisee.id"], name=op.f("fk_supervisor_change_supervisee_id_supervisee")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor.id"], name=op.f("fk_supervisor_change_supervisor_id_supervisor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor_change")),
    )
    with op.batch_alter_table("supervisor_change", schema=None) as batch_op:
        batch_op.create_index(
            "ix_supervisor_change_supervisee", ["supervisee_id", "effective_from"], unique=False
        )
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER supervisor_change_append_only_{event.lower()} BEFORE {event} "
            "ON supervisor_change BEGIN SELECT RAISE(ABORT, 'this table is append-only'); END"
        )

    # Plain ALTER TABLE ... ADD COLUMN: copying this table (batch mode) would trip the foreign
    # keys of every record that refers to it.
    op.add_column("supervisor", sa.Column("certification_expires", sa.Date(), nullable=True))
    op.add_column("supervisor", sa.Column("license_expires", sa.Date(), nullable=True))
    op.add_column("supervisor", sa.Column("recovery_key_hash", sa.String(length=200), nullable=True))
    op.add_column("supervisor", sa.Column("left_on", sa.Date(), nullable=True))
    op.add_column("supervisor", sa.Column("successor_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    for column in (
        "successor_id",
        "left_on",
        "recovery_key_hash",
        "license_expires",
        "certification_expires",
    ):
        op.drop_column("supervisor", column)  # ALTER TABLE ... DROP COLUMN (SQLite 3.35+)
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS supervisor_change_append_only_{event}")
    with op.batch_alter_table("supervisor_change", schema=None) as batch_op:
        batch_op.drop_index("ix_supervisor_change_supervisee")
    op.drop_table("supervisor_change")
