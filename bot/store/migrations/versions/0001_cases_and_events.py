"""Coaching cases and events answered: the tables of the release before migrations.

A database that release made already has both tables (and its own `schema_version` table, at
version 0): they are kept exactly as they are, rows and all, and only missing ones are made.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "seen_events" not in existing:
        op.create_table(
            "seen_events",
            sa.Column("event_id", sa.String(128), primary_key=True),
            sa.Column("expires_at", sa.Float, nullable=False),
        )
        op.create_index("ix_seen_events_expires_at", "seen_events", ["expires_at"])
    if "coaching_cases" not in existing:
        op.create_table(
            "coaching_cases",
            sa.Column("team_id", sa.String(64), primary_key=True),
            sa.Column("user_id", sa.String(64), primary_key=True),
            sa.Column("data", sa.Text, nullable=False),
            sa.Column("version", sa.Integer, nullable=False),
            sa.Column("updated_at", sa.Float, nullable=False),
            sa.Column("expires_at", sa.Float, nullable=False),
        )
        op.create_index("ix_coaching_cases_expires_at", "coaching_cases", ["expires_at"])


def downgrade() -> None:
    op.drop_table("coaching_cases")
    op.drop_table("seen_events")
