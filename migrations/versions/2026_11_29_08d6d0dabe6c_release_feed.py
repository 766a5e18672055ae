"""release feed: one row per dataset version, for /v1/releases.atom

Revision ID: 08d6d0dabe6c
Revises: 5d1e7a3c9b20
Create Date: 2026-11-29 02:00:37.141961
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "08d6d0dabe6c"
down_revision: str | None = "5d1e7a3c9b20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A database seeded before the feed existed gets one release for the version it holds.
BACKFILL = """
INSERT INTO release (version, created_at, change, documents, figures, sources)
SELECT version, updated_at, 'The dataset as it stood when the release feed began.',
       (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM figure), (SELECT COUNT(*) FROM source)
FROM dataset_version WHERE id = 1 AND version > 0
"""


def upgrade() -> None:
    op.create_table(
        "release",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("change", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("figures", sa.Integer(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_table("release")
