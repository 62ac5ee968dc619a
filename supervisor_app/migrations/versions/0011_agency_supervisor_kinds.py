"""The credentials an agency adds to those that qualify a supervisor (issue 18).

- ``agency.supervisor_kinds``: kinds of credential or licence, comma-separated, that qualify a
  supervisor at this agency besides those a profile lists, for profiles whose list the agency
  may extend (``agency_may_add`` in ``[who_may_supervise]``: CRSS, CPRS, CADC, QMHP; never the
  LCPC, whose list is set by rule). Added in place.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "agency", sa.Column("supervisor_kinds", sa.String(length=400), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("agency", "supervisor_kinds")
