"""Alembic environment: the engine hands over its connection (no alembic.ini needed)."""

from alembic import context

from queue_engine.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through queue_engine.store.repository.migrate()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
