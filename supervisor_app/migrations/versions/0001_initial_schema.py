"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# Signed records are final, and the database itself says so: a bug (or a hand-written UPDATE)
# cannot change or delete a signed record, its allocations or attendees, a signature, or the
# audit trail. verify (services/verify.py) catches anyone who drops these triggers first.
_FINAL = "signed records are final: correct them with an amendment or a void"
_APPEND_ONLY = "this table is append-only"

_PARENT = {
    "session_allocation": ("supervision_session", "session_id"),
    "session_attendee": ("supervision_session", "session_id"),
    "experience_allocation": ("experience_entry", "entry_id"),
}

TRIGGERS: list[tuple[str, str]] = []
for _table in ("supervision_session", "experience_entry"):
    for _event in ("UPDATE", "DELETE"):
        TRIGGERS.append(
            (
                f"{_table}_final_{_event.lower()}",
                f"CREATE TRIGGER {_table}_final_{_event.lower()} BEFORE {_event} ON {_table} "
                f"WHEN OLD.status <> 'pending' BEGIN SELECT RAISE(ABORT, '{_FINAL}'); END",
            )
        )
for _child, (_parent, _fk) in _PARENT.items():
    for _event, _rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
        _cond = " OR ".join(
            f"(SELECT status FROM {_parent} WHERE id = {row}.{_fk}) <> 'pending'" for row in _rows
        )
        TRIGGERS.append(
            (
                f"{_child}_final_{_event.lower()}",
                f"CREATE TRIGGER {_child}_final_{_event.lower()} BEFORE {_event} ON {_child} "
                f"WHEN {_cond} BEGIN SELECT RAISE(ABORT, '{_FINAL}'); END",
            )
        )
for _table in ("sign_off", "audit_event"):
    for _event in ("UPDATE", "DELETE"):
        TRIGGERS.append(
            (
                f"{_table}_append_only_{_event.lower()}",
                f"CREATE TRIGGER {_table}_append_only_{_event.lower()} BEFORE {_event} ON {_table} "
                f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
            )
        )


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=400), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency")),
        sa.UniqueConstraint("name", name=op.f("uq_agency_name")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("supervisee_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_record", ["record_id"], unique=False)
        batch_op.create_index("ix_audit_supervisee", ["supervisee_id"], unique=False)

    op.create_table(
        "supervisor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credentials", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("icb_number", sa.String(length=60), nullable=False),
        sa.Column("license_type", sa.String(length=60), nullable=False),
        sa.Column("license_number", sa.String(length=60), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], name=op.f("fk_supervisor_agency_id_agency")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor")),
    )
    op.create_table(
        "sign_off",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_chain_hash", sa.String(length=64), nullable=False),
        sa.Column("chain_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("action IN ('sign', 'void')", name=op.f("ck_sign_off_action_valid")),
        sa.CheckConstraint(
            "record_kind IN ('session', 'experience')", name=op.f("ck_sign_off_record_kind_valid")
        ),
        sa.ForeignKeyConstraint(
            ["signer_id"], ["supervisor.id"], name=op.f("fk_sign_off_signer_id_supervisor")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sign_off")),
        sa.UniqueConstraint("chain_hash", name=op.f("uq_sign_off_chain_hash")),
    )
    with op.batch_alter_table("sign_off", schema=None) as batch_op:
        batch_op.create_index("ix_sign_off_record", ["record_id", "action"], unique=False)

    op.create_table(
        "supervisee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("supervisor_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("icb_id", sa.String(length=60), nullable=False),
        sa.Column("credential", sa.String(length=20), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("same_person_supervisor_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], name=op.f("fk_supervisee_agency_id_agency")),
        sa.ForeignKeyConstraint(
            ["same_person_supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_supervisee_same_person_supervisor_id_supervisor"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_supervisee_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisee")),
    )
    with op.batch_alter_table("supervisee", schema=None) as batch_op:
        batch_op.create_index("ix_supervisee_supervisor", ["supervisor_id"], unique=False)

    op.create_table(
        "supervision_session",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("modality", sa.String(length=20), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("amendment_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "format IN ('individual', 'group')", name=op.f("ck_supervision_session_format_valid")
        ),
        sa.CheckConstraint(
            "modality IN ('in-person', 'video', 'phone')",
            name=op.f("ck_supervision_session_modality_valid"),
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'signed')", name=op.f("ck_supervision_session_status_valid")
        ),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_supervision_session_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["supervision_session.id"],
            name=op.f("fk_supervision_session_supersedes_id_supervision_session"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_supervision_session_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_session")),
    )
    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.create_index("ix_session_date", ["date"], unique=False)
        batch_op.create_index("ix_session_supersedes", ["supersedes_id"], unique=False)
        batch_op.create_index("ix_session_supervisor_date", ["supervisor_id", "date"], unique=False)

    op.create_table(
        "experience_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("supervisee_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("setting", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("amendment_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('paid', 'volunteer', 'internship')",
            name=op.f("ck_experience_entry_kind_valid"),
        ),
        sa.CheckConstraint("status IN ('pending', 'signed')", name=op.f("ck_experience_entry_status_valid")),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_experience_entry_period_order")),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["experience_entry.id"],
            name=op.f("fk_experience_entry_supersedes_id_experience_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisee_id"],
            ["supervisee.id"],
            name=op.f("fk_experience_entry_supervisee_id_supervisee"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_experience_entry_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experience_entry")),
    )
    with op.batch_alter_table("experience_entry", schema=None) as batch_op:
        batch_op.create_index("ix_experience_supersedes", ["supersedes_id"], unique=False)
        batch_op.create_index(
            "ix_experience_supervisee_period", ["supervisee_id", "period_start"], unique=False
        )
        batch_op.create_index("ix_experience_supervisor", ["supervisor_id"], unique=False)

    op.create_table(
        "session_allocation",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("domain_code", sa.String(length=60), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_session_allocation_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_session_allocation_session_id_supervision_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "domain_code", name=op.f("pk_session_allocation")),
    )
    op.create_table(
        "session_attendee",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("supervisee_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_session_attendee_session_id_supervision_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["supervisee_id"],
            ["supervisee.id"],
            name=op.f("fk_session_attendee_supervisee_id_supervisee"),
        ),
        sa.PrimaryKeyConstraint("session_id", "supervisee_id", name=op.f("pk_session_attendee")),
    )
    with op.batch_alter_table("session_attendee", schema=None) as batch_op:
        batch_op.create_index("ix_attendee_supervisee", ["supervisee_id", "session_id"], unique=False)

    op.create_table(
        "experience_allocation",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("domain_code", sa.String(length=60), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_experience_allocation_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["experience_entry.id"],
            name=op.f("fk_experience_allocation_entry_id_experience_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "domain_code", name=op.f("pk_experience_allocation")),
    )
    for _name, sql in TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    for name, _sql in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("experience_allocation")
    with op.batch_alter_table("session_attendee", schema=None) as batch_op:
        batch_op.drop_index("ix_attendee_supervisee")

    op.drop_table("session_attendee")
    op.drop_table("session_allocation")
    with op.batch_alter_table("experience_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_experience_supervisor")
        batch_op.drop_index("ix_experience_supervisee_period")
        batch_op.drop_index("ix_experience_supersedes")

    op.drop_table("experience_entry")
    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.drop_index("ix_session_supervisor_date")
        batch_op.drop_index("ix_session_supersedes")
        batch_op.drop_index("ix_session_date")

    op.drop_table("supervision_session")
    with op.batch_alter_table("supervisee", schema=None) as batch_op:
        batch_op.drop_index("ix_supervisee_supervisor")

    op.drop_table("supervisee")
    with op.batch_alter_table("sign_off", schema=None) as batch_op:
        batch_op.drop_index("ix_sign_off_record")

    op.drop_table("sign_off")
    op.drop_table("supervisor")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_supervisee")
        batch_op.drop_index("ix_audit_record")

    op.drop_table("audit_event")
    op.drop_table("agency")
