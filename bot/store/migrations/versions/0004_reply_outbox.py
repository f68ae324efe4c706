"""The reply outbox (bot/store/outbox.py): acknowledged events and the replies owed for them.

A row holds an event until its turn has run, then the reply until Slack has taken it; it is
deleted once delivered, so the personal figures a reply carries stay only as long as it is
owed (at most the reply's life, `COMP_COACH_REPLY_LIFE_SECONDS`, then an apology replaces it).

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reply_outbox",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.String(128), nullable=True),
        sa.Column("stage", sa.String(8), nullable=False),
        sa.Column("team_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("sent", sa.Integer, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.Float, nullable=False),
        sa.Column("deadline_at", sa.Float, nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        sa.Column("lease_until", sa.Float, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_reply_outbox_next_attempt_at", "reply_outbox", ["next_attempt_at"])
    op.create_index("ix_reply_outbox_team_id", "reply_outbox", ["team_id"])


def downgrade() -> None:
    op.drop_table("reply_outbox")
