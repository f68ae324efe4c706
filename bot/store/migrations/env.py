"""Alembic's environment: migrations always run on a connection `bot.store.migrate` hands over,
already holding the lock that keeps two processes from migrating at once."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():  # inside the caller's transaction: it commits (and unlocks) once
    context.run_migrations()
