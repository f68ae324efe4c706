"""The store's schema, as Alembic migrations shipped inside the package (run by `bot.store.migrate`).

Adding a table (an outbox, say) is one new file in `versions/`: copy the newest one, give it
the next number as `revision`, the previous newest as `down_revision`, write `upgrade()` and
`downgrade()`, and set `HEAD` below to the new revision (tests/store/test_migrations.py
checks both, and that the migrated schema matches the tables the code declares).
"""

# The newest revision. `Store.upgrade` compares the database's `alembic_version` with it and
# imports Alembic only when they differ: Alembic and the scripts cost ~250 ms, which a one-shot
# `comp-coach ask` DM turn would otherwise pay every time.
HEAD = "0004"
