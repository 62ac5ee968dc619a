"""The language of a supervisee's progress statement and review mode (issue 21).

- ``supervisee.language``: ``"en"`` or ``"es"`` (a code of ``i18n.LANGUAGES``), or NULL for
  "as the app" (the supervisor's language). Not part of anyone's signed identity. Added in
  place.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("supervisee", sa.Column("language", sa.String(length=10), nullable=True))


def downgrade() -> None:
    op.drop_column("supervisee", "language")
