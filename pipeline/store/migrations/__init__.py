"""Schema migrations of the PostgreSQL store, run with Alembic (``pipeline.store.postgres.migrate``)."""
