"""Training hours, certificates, credentials held, and hire dates (issue 20).

- ``person_credential``: a credential or licence a person holds (a supervisor or a
  supervisee, exactly one of the two): kind (CRSS, LCPC, LCSW...), number, issue date, expiry
  and issuing board. Read for renewals and for what is due; the "who may supervise" rule
  (issue 18) reads a supervisor's rows from here too.
- ``training_entry``: a training or education a person attended (dates, title, provider,
  delivery), with ``training_allocation`` rows giving its minutes per topic area (a profile's
  domains and training areas: ethics, core functions...).
- ``training_certificate``: the certificate (PDF or image) stored inside the database, so a
  backup carries it; one per entry.
- ``training_confirmation``: a supervisor's keyed signature (their Ed25519 key) over an
  entry's content and certificate digest. Never updated or deleted; a confirmed entry, its
  areas and its certificate can no longer change (triggers).
- ``supervisee.hire_date``: the day the agency hired them (for an employer's deadline),
  added in place.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_CONFIRMED = "a confirmed training entry never changes"
_CONFIRMED_WHERE = "EXISTS (SELECT 1 FROM training_confirmation c WHERE c.entry_id = {ref})"
TRIGGERS: list[tuple[str, str]] = []
for _event in ("UPDATE", "DELETE"):
    TRIGGERS.append(
        (
            f"training_confirmation_append_only_{_event.lower()}",
            f"CREATE TRIGGER training_confirmation_append_only_{_event.lower()} BEFORE {_event} "
            f"ON training_confirmation BEGIN SELECT RAISE(ABORT, '{_CONFIRMED}'); END",
        )
    )
for _table, _ref in (
    ("training_entry", "OLD.id"),
    ("training_allocation", "OLD.entry_id"),
    ("training_certificate", "OLD.entry_id"),
):
    for _event in ("UPDATE", "DELETE"):
        TRIGGERS.append(
            (
                f"{_table}_confirmed_{_event.lower()}",
                f"CREATE TRIGGER {_table}_confirmed_{_event.lower()} BEFORE {_event} ON {_table} "
                f"WHEN {_CONFIRMED_WHERE.format(ref=_ref)} "
                f"BEGIN SELECT RAISE(ABORT, '{_CONFIRMED}'); END",
            )
        )
for _table in ("training_allocation", "training_certificate"):
    TRIGGERS.append(
        (
            f"{_table}_confirmed_insert",
            f"CREATE TRIGGER {_table}_confirmed_insert BEFORE INSERT ON {_table} "
            f"WHEN {_CONFIRMED_WHERE.format(ref='NEW.entry_id')} "
            f"BEGIN SELECT RAISE(ABORT, '{_CONFIRMED}'); END",
        )
    )

_ONE_PERSON = "(supervisor_id IS NULL) <> (supervisee_id IS NULL)"


def _person_columns(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("supervisor_id", sa.Integer(), nullable=True),
        sa.Column("supervisee_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor.id"], name=op.f(f"fk_{table}_supervisor_id_supervisor")
        ),
        sa.ForeignKeyConstraint(
            ["supervisee_id"], ["supervisee.id"], name=op.f(f"fk_{table}_supervisee_id_supervisee")
        ),
        sa.CheckConstraint(_ONE_PERSON, name=op.f(f"ck_{table}_one_person")),
    ]


def upgrade() -> None:
    op.create_table(
        "person_credential",
        sa.Column("id", sa.Integer(), nullable=False),
        *_person_columns("person_credential"),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("board", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on",
            name=op.f("ck_person_credential_dates_in_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_credential")),
    )
    with op.batch_alter_table("person_credential", schema=None) as batch_op:
        batch_op.create_index("ix_person_credential_supervisor", ["supervisor_id"], unique=False)
        batch_op.create_index("ix_person_credential_supervisee", ["supervisee_id"], unique=False)
        batch_op.create_index("ix_person_credential_expires", ["expires_on"], unique=False)
    op.create_table(
        "training_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        *_person_columns("training_entry"),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("delivery", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("date_to >= date_from", name=op.f("ck_training_entry_dates_in_order")),
        sa.CheckConstraint(
            "delivery IN ('in-person', 'online')", name=op.f("ck_training_entry_delivery_valid")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_entry")),
    )
    with op.batch_alter_table("training_entry", schema=None) as batch_op:
        batch_op.create_index("ix_training_entry_supervisee", ["supervisee_id", "date_to"], unique=False)
        batch_op.create_index("ix_training_entry_supervisor", ["supervisor_id", "date_to"], unique=False)
    op.create_table(
        "training_allocation",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=60), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_training_allocation_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["training_entry.id"],
            name=op.f("fk_training_allocation_entry_id_training_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "area_code", name=op.f("pk_training_allocation")),
    )
    op.create_table(
        "training_certificate",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["training_entry.id"],
            name=op.f("fk_training_certificate_entry_id_training_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_training_certificate")),
    )
    op.create_table(
        "training_confirmation",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("key_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["training_entry.id"], name=op.f("fk_training_confirmation_entry_id_training_entry")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_training_confirmation_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_training_confirmation")),
    )
    op.add_column("supervisee", sa.Column("hire_date", sa.Date(), nullable=True))
    for _name, sql in TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    for name, _sql in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_column("supervisee", "hire_date")
    op.drop_table("training_confirmation")
    op.drop_table("training_certificate")
    op.drop_table("training_allocation")
    with op.batch_alter_table("training_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_training_entry_supervisor")
        batch_op.drop_index("ix_training_entry_supervisee")
    op.drop_table("training_entry")
    with op.batch_alter_table("person_credential", schema=None) as batch_op:
        batch_op.drop_index("ix_person_credential_expires")
        batch_op.drop_index("ix_person_credential_supervisee")
        batch_op.drop_index("ix_person_credential_supervisor")
    op.drop_table("person_credential")
