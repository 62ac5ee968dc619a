"""The agency list's totals (issue 17): indexes that let PostgreSQL read them in id order
without the tables, on the agency database only.

- ``ix_sign_off_void``, ``ix_foreign_link_void``: the voided ids (partial: ``action =
  'void'``), which every totals query reads; before, a scan of the whole signature chain;
- ``ix_session_totals``, ``ix_experience_totals``: a record's id with the columns the totals
  group by; ``ix_session_allocation_totals``, ``ix_experience_allocation_totals``: the
  allocations with their minutes, by record id. PostgreSQL merges them with the attendees'
  primary key in id order (index-only scans) instead of hashing a million rows
  (services/sums.py).

Not on a SQLite file: its planner reads the totals the same way with or without them (the
plans and times were measured unchanged), and they would add about 8% to the file (207 MB at
the benchmark's scale 1) and an index to every record written. The models declare them with
``ddl_if(dialect="postgresql")``, so ``create_agency_schema`` makes them too.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_VOID = sa.text("action = 'void'")
_INDEXES = (
    ("ix_session_totals", "supervision_session", ["id", "status", "supervisor_id", "format", "date"]),
    ("ix_session_allocation_totals", "session_allocation", ["session_id", "domain_code", "minutes"]),
    (
        "ix_experience_totals",
        "experience_entry",
        ["id", "status", "supervisee_id", "supervisor_id", "period_end"],
    ),
    ("ix_experience_allocation_totals", "experience_allocation", ["entry_id", "domain_code", "minutes"]),
)


def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def upgrade() -> None:
    if not _postgresql():
        return
    op.create_index("ix_sign_off_void", "sign_off", ["record_id"], postgresql_where=_VOID)
    op.create_index("ix_foreign_link_void", "foreign_link", ["record_id"], postgresql_where=_VOID)
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    if not _postgresql():
        return
    for name, table, _columns in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index("ix_foreign_link_void", table_name="foreign_link")
    op.drop_index("ix_sign_off_void", table_name="sign_off")
