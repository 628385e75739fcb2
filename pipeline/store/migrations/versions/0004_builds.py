"""What each build did, for the status page and the feeds (issue #18).

``builds``: when each build ran and what it added, changed, removed and could not read;
``failed_files``: the files the last build could not read, with the reason; ``document_added``:
when each stored document first came in (a feed lists new documents first).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE IF NOT EXISTS builds (id BIGSERIAL PRIMARY KEY, started TEXT, finished TEXT, "
               "added INTEGER, updated INTEGER, removed INTEGER, failed INTEGER)")
    op.execute("CREATE TABLE IF NOT EXISTS failed_files (path TEXT, message TEXT, build_id BIGINT)")
    op.execute("CREATE TABLE IF NOT EXISTS document_added (doc_id TEXT PRIMARY KEY, added TEXT, build_id BIGINT)")


def downgrade() -> None:
    for table in ("document_added", "failed_files", "builds"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
