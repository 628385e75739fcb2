"""A decision's actor office (issue #15): the actor is a person's office by its kind ("minister"), the
office itself ("minister_ienw") is kept in ``decisions.actor_office``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute('ALTER TABLE decisions ADD COLUMN IF NOT EXISTS "actor_office" TEXT')


def downgrade() -> None:
    op.execute('ALTER TABLE decisions DROP COLUMN IF EXISTS "actor_office"')
