"""Builds whose cost grows with what changed (issue #19).

``entities.extracted_canonical``/``extracted_warnings``: what extraction said of a mention, kept beside
what linking across the corpus made of it, so a later build links again from the extraction's ids;
``entities_held``: mentions linking held back (an acronym no document defines yet), brought back when a
document that defines it arrives; ``document_parts``: what each document contributes to the subjects
and relations, kept per document (keyed by its content) so a build scans only the documents that changed;
``derived_state``: what those parts share (the names their matches were looked for).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (("entities", "extracted_canonical", "TEXT"), ("entities", "extracted_warnings", "TEXT"))


def upgrade() -> None:
    for table, column, kind in COLUMNS:
        op.execute(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{column}" {kind}')
    op.execute('CREATE TABLE IF NOT EXISTS entities_held (id BIGINT PRIMARY KEY, doc_id TEXT, label TEXT, text TEXT, '
               'start INTEGER, "end" INTEGER, page INTEGER, canonical TEXT, value TEXT, mod TEXT, parent TEXT, '
               'role TEXT, warnings TEXT, extracted_canonical TEXT, extracted_warnings TEXT)')
    op.execute("CREATE INDEX IF NOT EXISTS entities_held_doc ON entities_held (doc_id)")
    op.execute("CREATE TABLE IF NOT EXISTS document_parts (doc_id TEXT PRIMARY KEY, key TEXT, parts BYTEA)")
    op.execute("CREATE TABLE IF NOT EXISTS derived_state (name TEXT PRIMARY KEY, value BYTEA)")


def downgrade() -> None:
    for table in ("derived_state", "document_parts", "entities_held"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
    for table, column, _ in reversed(COLUMNS):
        op.execute(f'ALTER TABLE {table} DROP COLUMN IF EXISTS "{column}"')
