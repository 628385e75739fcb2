"""Document context and decision details of the record contract (issue #15).

Documents: the issuing government (name, kind, TOOI/CBS code), the issuing body, the meeting (body,
date). Decisions: the government, vote counts, the mandate holder, and whether an earlier decision
is cited.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = (
    ("documents", "government", "TEXT"), ("documents", "government_kind", "TEXT"),
    ("documents", "government_code", "TEXT"), ("documents", "issuer", "TEXT"),
    ("documents", "meeting_body", "TEXT"), ("documents", "meeting_date", "TEXT"),
    ("decisions", "government", "TEXT"), ("decisions", "government_code", "TEXT"),
    ("decisions", "votes_for", "INTEGER"), ("decisions", "votes_against", "INTEGER"),
    ("decisions", "mandate_holder", "TEXT"), ("decisions", "cited", "INTEGER NOT NULL DEFAULT 0"),
)


def upgrade() -> None:
    for table, column, kind in COLUMNS:
        op.execute(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{column}" {kind}')


def downgrade() -> None:
    for table, column, _ in reversed(COLUMNS):
        op.execute(f'ALTER TABLE {table} DROP COLUMN IF EXISTS "{column}"')
