"""Hours files (issue 16): records signed in another database, kept with their proof.

- ``foreign_link``: the sign and void links, as their own chain stored them, of every record
  that arrived in an hours file (the keyed ``signature`` rows that cover them are stored
  verbatim in ``signature``, with their chain's id). ``people`` holds the global ids the
  record names as signed (supervisor, supervisee, every attendee), so it verifies the same
  here as where it was signed, even for a group session whose other attendees are unknown
  here. Never updated or deleted (triggers).
- ``foreign_chain``: each other database records came from (its chain id) and the agency
  that named itself in the file, to say where records were signed. Never deleted.
- ``supervisee_alias``: another global id under which a supervisee here was signed for in
  another database, recorded when the user chose to link the two (``import --link-supervisee``).
  Never updated or deleted (triggers).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_APPEND_ONLY = "records from another database are never changed"
TRIGGERS: list[tuple[str, str]] = []
for _table in ("foreign_link", "supervisee_alias"):
    for _event in ("UPDATE", "DELETE"):
        TRIGGERS.append(
            (
                f"{_table}_append_only_{_event.lower()}",
                f"CREATE TRIGGER {_table}_append_only_{_event.lower()} BEFORE {_event} ON {_table} "
                f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
            )
        )
TRIGGERS.append(
    (
        "foreign_chain_no_delete",
        f"CREATE TRIGGER foreign_chain_no_delete BEFORE DELETE ON foreign_chain "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
    )
)


def upgrade() -> None:
    op.create_table(
        "foreign_link",
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("signature_id", sa.String(length=36), nullable=False),
        sa.Column("record_kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_chain_hash", sa.String(length=64), nullable=False),
        sa.Column("chain_hash", sa.String(length=64), nullable=False),
        sa.Column("people", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("chain_id", "seq", name=op.f("pk_foreign_link")),
    )
    with op.batch_alter_table("foreign_link", schema=None) as batch_op:
        batch_op.create_index("ix_foreign_link_record", ["record_id", "action"], unique=False)
    op.create_table(
        "foreign_chain",
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("first_imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("chain_id", name=op.f("pk_foreign_chain")),
    )
    op.create_table(
        "supervisee_alias",
        sa.Column("global_id", sa.String(length=36), nullable=False),
        sa.Column("supervisee_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supervisee_id"], ["supervisee.id"], name=op.f("fk_supervisee_alias_supervisee_id_supervisee")
        ),
        sa.PrimaryKeyConstraint("global_id", name=op.f("pk_supervisee_alias")),
    )
    for _name, sql in TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    for name, _sql in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("supervisee_alias")
    op.drop_table("foreign_chain")
    with op.batch_alter_table("foreign_link", schema=None) as batch_op:
        batch_op.drop_index("ix_foreign_link_record")
    op.drop_table("foreign_link")
