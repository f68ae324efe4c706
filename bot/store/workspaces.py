"""Erasing a workspace: its installation and everything stored for its people, at once.

Run when Slack says the app was uninstalled or its bot token revoked. One transaction, so
no reader ever sees a workspace half erased, and a failure leaves everything to try again.
"""

from __future__ import annotations

from sqlalchemy import Table, delete

from bot.store.cases import cases
from bot.store.database import seen_events
from bot.store.outbox import outbox


def erase_workspace(installations, enterprise_id: str | None, team_id: str | None) -> dict[str, int]:
    """`installations`: slack_sdk's `SQLAlchemyInstallationStore` (its tables, client id and
    engine). Returns the rows deleted per table.

    A workspace (`team_id`, with its org for a Grid workspace installed on its own): its rows, and
    the data kept under its team id. An org-wide Enterprise Grid install (`enterprise_id`, `team_id`
    None, as slack_sdk keeps it): its rows (a Grid workspace installed on its own is another
    installation and stays), and the data kept for the people of all its workspaces, which is
    under the org's id (bot.slack.payloads.tenant_of)."""
    owner = team_id if team_id is not None else enterprise_id
    erased: dict[str, int] = {}
    with installations.engine.begin() as connection:
        for table in (installations.installations, installations.bots):
            erased[table.name] = connection.execute(
                _installation_rows(table, installations.client_id, enterprise_id, team_id)
            ).rowcount
        if owner is not None:
            erased[cases.name] = connection.execute(delete(cases).where(cases.c.team_id == owner)).rowcount
            erased[seen_events.name] = connection.execute(
                delete(seen_events).where(seen_events.c.team_id == owner)
            ).rowcount
            # replies still owed there (Slack would refuse them now) and the figures they carry
            erased[outbox.name] = connection.execute(delete(outbox).where(outbox.c.team_id == owner)).rowcount
    return erased


def _installation_rows(table: Table, client_id: str, enterprise_id: str | None, team_id: str | None):
    # `== None` is SQL's IS NULL here, as in slack_sdk's own delete_installation.
    return delete(table).where(
        (table.c.client_id == client_id) & (table.c.enterprise_id == enterprise_id) & (table.c.team_id == team_id)
    )
