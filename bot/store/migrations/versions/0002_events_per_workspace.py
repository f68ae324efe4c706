"""Events per workspace (seen_events.team_id); schema_version dropped.

`seen_events.team_id` lets uninstalling erase a workspace's event ids too; the hand-made
`schema_version` table, which Alembic's `alembic_version` replaces, is dropped.

Event ids recorded before this have no team (NULL): they expire within the hour anyway.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("seen_events", sa.Column("team_id", sa.String(64), nullable=True))
    op.create_index("ix_seen_events_team_id", "seen_events", ["team_id"])
    if sa.inspect(op.get_bind()).has_table("schema_version"):
        op.drop_table("schema_version")


def downgrade() -> None:
    op.drop_index("ix_seen_events_team_id", "seen_events")
    with op.batch_alter_table("seen_events") as batch:  # SQLite cannot drop a column in place
        batch.drop_column("team_id")
