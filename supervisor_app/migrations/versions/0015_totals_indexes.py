"""The agency list's totals (issue 17): indexes that let them be read in id order without
the tables, on both databases.

- ``ix_sign_off_void``, ``ix_foreign_link_void``: the voided ids (partial: ``action =
  'void'``), which every totals query reads; before, a scan of the whole signature chain;
- ``ix_session_totals``, ``ix_experience_totals``: a record's id with the columns the totals
  group by; ``ix_session_allocation_totals``, ``ix_experience_allocation_totals``: the
  allocations with their minutes, by record id. PostgreSQL merges them with the attendees'
  primary key in id order (index-only scans) instead of hashing a million rows
  (services/sums.py).

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


def upgrade() -> None:
    op.create_index("ix_sign_off_void", "sign_off", ["record_id"], sqlite_where=_VOID, postgresql_where=_VOID)
    op.create_index(
        "ix_foreign_link_void", "foreign_link", ["record_id"], sqlite_where=_VOID, postgresql_where=_VOID
    )
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index("ix_foreign_link_void", table_name="foreign_link")
    op.drop_index("ix_sign_off_void", table_name="sign_off")
