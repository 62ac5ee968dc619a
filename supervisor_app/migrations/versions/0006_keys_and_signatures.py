"""Keys and keyed signatures (issue 16): global ids for people and for this database, each
supervisor's Ed25519 key pair, and a keyed signature per signing batch and per void.

- ``supervisor.global_id``, ``supervisee.global_id``: a uuid4 per person, filled here for
  existing rows (and by a trigger for a row inserted without one); never changed (trigger).
- ``database_identity``: one row, this file's uuid (the chain id its signatures name) and
  ``keys_from_seq``, the first link of the chain that must be covered by a keyed signature:
  the links already there were signed before keys existed and keep verifying as before.
- ``supervisor_key``: public key in clear, private key sealed under the password; never
  deleted, its public key, fingerprint and owner never changed (triggers).
- ``signature``: the keyed signatures; never updated or deleted (triggers).

Columns are added in place (ALTER TABLE ... ADD COLUMN) with a unique index: the supervisor
and supervisee tables, which every record refers to, are not copied.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-10
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# A uuid4 made by SQLite, for a person inserted without a global id (raw SQL: imports, tools).
_SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
)
_FIXED = "a global id never changes"
_APPEND_ONLY = "this table is append-only"

TRIGGERS: list[tuple[str, str]] = []
for _table in ("supervisor", "supervisee"):
    TRIGGERS += [
        (
            f"{_table}_global_id_filled",
            f"CREATE TRIGGER {_table}_global_id_filled AFTER INSERT ON {_table} "
            f"WHEN NEW.global_id IS NULL BEGIN "
            f"UPDATE {_table} SET global_id = {_SQL_UUID4} WHERE id = NEW.id; END",
        ),
        (
            f"{_table}_global_id_fixed",
            f"CREATE TRIGGER {_table}_global_id_fixed BEFORE UPDATE OF global_id ON {_table} "
            f"WHEN OLD.global_id IS NOT NULL AND NEW.global_id IS NOT OLD.global_id "
            f"BEGIN SELECT RAISE(ABORT, '{_FIXED}'); END",
        ),
    ]
for _table in ("signature", "database_identity"):
    for _event in ("UPDATE", "DELETE"):
        TRIGGERS.append(
            (
                f"{_table}_append_only_{_event.lower()}",
                f"CREATE TRIGGER {_table}_append_only_{_event.lower()} BEFORE {_event} ON {_table} "
                f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
            )
        )
TRIGGERS += [
    (
        "supervisor_key_no_delete",
        "CREATE TRIGGER supervisor_key_no_delete BEFORE DELETE ON supervisor_key "
        "BEGIN SELECT RAISE(ABORT, 'a key is never deleted: what it signed must still verify'); END",
    ),
    (
        "supervisor_key_public_fixed",
        "CREATE TRIGGER supervisor_key_public_fixed BEFORE UPDATE OF supervisor_id, fingerprint, public_key "
        "ON supervisor_key BEGIN SELECT RAISE(ABORT, 'a public key never changes'); END",
    ),
]


def upgrade() -> None:
    op.add_column("supervisor", sa.Column("global_id", sa.String(length=36), nullable=True))
    op.add_column("supervisee", sa.Column("global_id", sa.String(length=36), nullable=True))
    bind = op.get_bind()
    for table in ("supervisor", "supervisee"):
        ids = [row[0] for row in bind.exec_driver_sql(f"SELECT id FROM {table} WHERE global_id IS NULL")]
        for row_id in ids:
            bind.exec_driver_sql(
                f"UPDATE {table} SET global_id = ? WHERE id = ?", (str(uuid.uuid4()), row_id)
            )
        op.create_index(f"uq_{table}_global_id", table, ["global_id"], unique=True)

    op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("global_id", sa.String(length=36), nullable=False),
        sa.Column("keys_from_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_identity")),
        sa.UniqueConstraint("global_id", name=op.f("uq_database_identity_global_id")),
    )
    next_seq = bind.exec_driver_sql("SELECT coalesce(max(seq), 0) + 1 FROM sign_off").scalar_one()
    bind.exec_driver_sql(
        "INSERT INTO database_identity (id, global_id, keys_from_seq, created_at) VALUES (1, ?, ?, ?)",
        (
            str(uuid.uuid4()),
            next_seq,
            dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"),
        ),
    )

    op.create_table(
        "supervisor_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("sealed_private_key", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor.id"], name=op.f("fk_supervisor_key_supervisor_id_supervisor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor_key")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_supervisor_key_fingerprint")),
    )
    with op.batch_alter_table("supervisor_key", schema=None) as batch_op:
        batch_op.create_index("ix_supervisor_key_supervisor", ["supervisor_id"], unique=False)

    op.create_table(
        "signature",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("key_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature")),
    )
    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.create_index("ix_signature_chain_seq", ["chain_id", "first_seq"], unique=False)

    for _name, sql in TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    for name, _sql in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.drop_index("ix_signature_chain_seq")
    op.drop_table("signature")
    with op.batch_alter_table("supervisor_key", schema=None) as batch_op:
        batch_op.drop_index("ix_supervisor_key_supervisor")
    op.drop_table("supervisor_key")
    op.drop_table("database_identity")
    for table in ("supervisee", "supervisor"):
        op.drop_index(f"uq_{table}_global_id", table_name=table)
        op.drop_column(table, "global_id")
