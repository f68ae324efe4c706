"""Erasing a workspace (`app_uninstalled`, `tokens_revoked`), on SQLite and PostgreSQL: its
installation, its people's cases, its event ids and the replies still owed there all go in one
transaction; another workspace's rows stay."""

from __future__ import annotations

from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import func, select

from bot.store.cases import CaseStore, cases
from bot.store.database import Store, seen_events
from bot.store.outbox import Outbox, outbox
from bot.store.workspaces import erase_workspace

TEAMS = ("T0GONE", "T0STAYS")


def count(store: Store, table, team: str) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table).where(table.c.team_id == team)).scalar_one()


def test_erasing_a_workspace_removes_every_row_it_owns_and_only_those(store):
    installations = SQLAlchemyInstallationStore(client_id="1.2", engine=store.engine)
    case_store = CaseStore(store)
    box = Outbox(store)
    for team in TEAMS:
        installations.save(
            Installation(
                app_id="A0APP",
                team_id=team,
                user_id="U0ADMIN",
                bot_token=f"xoxb-{team}",
                bot_id="B1",
                bot_user_id="U0BOT",
            )
        )
        with case_store.locked(team, "U0PERSON") as slot:
            slot.save({"offer": {"base": 987654}})
        box.accept(f"Ev-{team}", team, "D0DM", {"text": "my offer"}, life_seconds=900.0)
        box.keep(team, "D0DM", {"method": "chat.postMessage", "messages": []}, life_seconds=900.0)

    erased = erase_workspace(installations, None, "T0GONE")

    assert erased == {
        "slack_installations": 1,
        "slack_bots": 1,
        "coaching_cases": 1,
        "seen_events": 1,
        "reply_outbox": 2,
    }
    for table in (installations.installations, installations.bots, cases, seen_events, outbox):
        assert count(store, table, "T0GONE") == 0, table.name
        assert count(store, table, "T0STAYS") >= 1, table.name
    assert installations.find_bot(enterprise_id=None, team_id="T0STAYS").bot_token == "xoxb-T0STAYS"
