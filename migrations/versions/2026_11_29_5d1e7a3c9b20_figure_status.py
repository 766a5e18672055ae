"""figure status: reviewed (the seed, and every figure stored before) or provisional (uploads)

Revision ID: 5d1e7a3c9b20
Revises: c2b92dba7f03
Create Date: 2026-11-29 02:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d1e7a3c9b20"
down_revision: str | None = "c2b92dba7f03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUS = sa.Enum("reviewed", "provisional", name="figure_status", native_enum=False, length=16)


def upgrade() -> None:
    # Existing rows were all served as reviewed before; the server default keeps them so.
    op.add_column("figure", sa.Column("status", STATUS, nullable=False, server_default="reviewed"))


def downgrade() -> None:
    # In place on both backends (SQLite 3.35+): a batch copy of the table would trip the foreign
    # keys that point at it.
    op.drop_column("figure", "status")
