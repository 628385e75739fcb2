"""A regulation's validity in a register (issue #15): the days its text is valid from and until, as fields of the
document (``documents.valid_from``, ``documents.valid_until``), no longer as decisions.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = (("documents", "valid_from", "TEXT"), ("documents", "valid_until", "TEXT"))


def upgrade() -> None:
    for table, column, kind in COLUMNS:
        op.execute(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{column}" {kind}')


def downgrade() -> None:
    for table, column, _ in reversed(COLUMNS):
        op.execute(f'ALTER TABLE {table} DROP COLUMN IF EXISTS "{column}"')
