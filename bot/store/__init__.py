"""The store: SQLAlchemy over SQLite by default, PostgreSQL through `DATABASE_URL`.

Everything that must outlive a request lives here: events already answered (so Slack's
retries never get a second reply, across processes), replies owed until delivered (the
outbox, bot/store/outbox.py) and, for coaching, each person's case. Tables are created and
upgraded on start (`Store.open`).
"""

from bot.store.database import Store, database_url

__all__ = ["Store", "database_url"]
