"""dataset stamp: a random value the database itself renews whenever the dataset_version row changes

A worker keeps the record it built on disk (app/record/cache.py) under the dataset version, and
must never take a kept record for the current data. The version alone cannot tell: a hand edit may
bump it without the time the app sets, or set it back. A trigger renews the stamp on every insert
or update of the row, however it is made, so a kept record is read only for the very state of the
row it was built at. (A later migration that copies this table on SQLite must re-create the trigger.)

Revision ID: 3f6b2c8d1e47
Revises: 08d6d0dabe6c
Create Date: 2026-11-29 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3f6b2c8d1e47"
down_revision: str | None = "08d6d0dabe6c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE = [
    # Recursive triggers are off in SQLite by default: the inner UPDATE fires nothing.
    """CREATE TRIGGER dataset_version_stamp_insert AFTER INSERT ON dataset_version FOR EACH ROW
    BEGIN UPDATE dataset_version SET stamp = lower(hex(randomblob(16))) WHERE id = NEW.id; END""",
    """CREATE TRIGGER dataset_version_stamp_update AFTER UPDATE ON dataset_version FOR EACH ROW
    BEGIN UPDATE dataset_version SET stamp = lower(hex(randomblob(16))) WHERE id = NEW.id; END""",
]
POSTGRESQL = [
    """CREATE FUNCTION dataset_version_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.stamp := md5(random()::text || clock_timestamp()::text); RETURN NEW; END $$""",
    """CREATE TRIGGER dataset_version_stamp BEFORE INSERT OR UPDATE ON dataset_version
    FOR EACH ROW EXECUTE FUNCTION dataset_version_stamp()""",
]


def upgrade() -> None:
    op.add_column("dataset_version", sa.Column("stamp", sa.String(length=32), nullable=True))
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL if postgresql else SQLITE:
        op.execute(statement)
    op.execute("UPDATE dataset_version SET version = version")  # stamp the row already there


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER dataset_version_stamp ON dataset_version")
        op.execute("DROP FUNCTION dataset_version_stamp()")
    else:
        op.execute("DROP TRIGGER dataset_version_stamp_insert")
        op.execute("DROP TRIGGER dataset_version_stamp_update")
    op.drop_column("dataset_version", "stamp")
