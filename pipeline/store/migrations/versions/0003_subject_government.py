"""Subjects per government (issue #16): a kind of body every government has ("gemeenteraad") is one
subject per government; the subject keeps the government's name and the body's knowledge-base id.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-12
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (("subjects", "government", "TEXT"), ("subjects", "body", "TEXT"))


def upgrade() -> None:
    for table, column, kind in COLUMNS:
        op.execute(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{column}" {kind}')


def downgrade() -> None:
    for table, column, _ in reversed(COLUMNS):
        op.execute(f'ALTER TABLE {table} DROP COLUMN IF EXISTS "{column}"')
