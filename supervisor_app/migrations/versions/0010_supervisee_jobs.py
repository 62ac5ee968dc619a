"""A supervisee's jobs and the 51% recovery-support answer (issue 18).

- ``supervisee_job``: a job a supervisee holds (title, employer, from/to), the answer to the
  CRSS/CPRS question whether at least 51% of its duties are recovery support (NULL until
  answered; who answered and when), and the job description as text.
- ``job_description_file``: the job description as a file (PDF or image) inside the database,
  stored as a training certificate is (0009).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supervisee_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisee_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=True),
        sa.Column("recovery_support_51", sa.Boolean(), nullable=True),
        sa.Column("answered_by", sa.String(length=200), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "date_to IS NULL OR date_to >= date_from", name=op.f("ck_supervisee_job_dates_in_order")
        ),
        sa.ForeignKeyConstraint(
            ["supervisee_id"], ["supervisee.id"], name=op.f("fk_supervisee_job_supervisee_id_supervisee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisee_job")),
    )
    with op.batch_alter_table("supervisee_job", schema=None) as batch_op:
        batch_op.create_index("ix_supervisee_job_supervisee", ["supervisee_id", "date_from"], unique=False)
    op.create_table(
        "job_description_file",
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["supervisee_job.id"],
            name=op.f("fk_job_description_file_job_id_supervisee_job"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", name=op.f("pk_job_description_file")),
    )


def downgrade() -> None:
    op.drop_table("job_description_file")
    with op.batch_alter_table("supervisee_job", schema=None) as batch_op:
        batch_op.drop_index("ix_supervisee_job_supervisee")
    op.drop_table("supervisee_job")
