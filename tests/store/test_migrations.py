"""Schema migrations (Alembic): a new database, a database from the release before migrations
(with cases in it), several processes migrating one database at once, and `comp-coach migrate`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
import time
from unittest import mock

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData, create_engine, inspect, select, text

import bot.store.cases  # noqa: F401  (registers coaching_cases on the store's metadata)
from bot.store import migrate
from bot.store.database import Store, metadata, seen_events
from bot.store.database import database_url as resolve_url
from bot.store.migrations import HEAD
from tests.store import previous_release
from tests.support.processes import ROOT, process_env, procfile_command, start


def declared_tables() -> MetaData:
    """Every table the code reads and writes: the store's own and slack_sdk's OAuth stores'."""
    declared = MetaData()
    for table in metadata.tables.values():
        table.to_metadata(declared)
    SQLAlchemyInstallationStore.build_installations_table(declared, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(declared, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(declared, "slack_oauth_states")
    return declared


def differences(store: Store) -> list:
    with store.engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), declared_tables())


def test_head_names_the_newest_script_and_the_scripts_form_one_line():
    scripts = ScriptDirectory(str(migrate.SCRIPTS))
    assert scripts.get_heads() == [HEAD]  # one head: a second branch means a down_revision to fix
    assert migrate.head() == HEAD
    chain = [script.revision for script in scripts.walk_revisions()]
    assert chain[-1] == "0001" and len(chain) == len(set(chain))


def test_a_new_database_gets_exactly_the_tables_the_code_declares(database_url, isolated_environment):
    store = Store.open(database_url, isolated_environment)
    try:
        assert migrate.current(store.engine) == HEAD
        assert differences(store) == []
        Store.open(database_url, isolated_environment).dispose()  # opening again changes nothing
        assert migrate.current(store.engine) == HEAD
    finally:
        store.dispose()


def test_the_frozen_previous_release_makes_the_fixtures_schema(tmp_path):
    """The PostgreSQL test below builds the previous release from definitions copied into
    tests/store/previous_release.py; on SQLite they give the schema that release really made."""
    engine = create_engine(f"sqlite:///{tmp_path / 'frozen.sqlite3'}")
    previous_release.metadata.create_all(engine)
    engine.dispose()

    def schema(path) -> set:
        with sqlite3.connect(path) as connection:
            return set(connection.execute("SELECT type, name, sql FROM sqlite_master").fetchall())

    assert schema(tmp_path / "frozen.sqlite3") == schema(previous_release.FIXTURE)


def _rows(store: Store) -> dict[str, list[tuple]]:
    cases = bot.store.cases.cases
    with store.engine.connect() as connection:
        return {
            "coaching_cases": [
                tuple(row)
                for row in connection.execute(
                    select(
                        cases.c.team_id,
                        cases.c.user_id,
                        cases.c.data,
                        cases.c.version,
                        cases.c.updated_at,
                        cases.c.expires_at,
                    ).order_by(cases.c.user_id)
                )
            ],
            "seen_events": [
                tuple(row)
                for row in connection.execute(
                    select(seen_events.c.event_id, seen_events.c.expires_at).order_by(seen_events.c.event_id)
                )
            ],
        }


def _upgraded_keeps_everything(store: Store) -> None:
    expected = previous_release.fixture_rows()
    assert len(expected["coaching_cases"]) == 2 and len(expected["seen_events"]) == 2
    assert _rows(store) == expected  # every case and event id, byte for byte
    assert differences(store) == []
    assert migrate.current(store.engine) == HEAD
    assert not inspect(store.engine).has_table("schema_version")
    with store.engine.connect() as connection:
        assert connection.execute(select(seen_events.c.team_id)).scalars().all() == [None, None]
    # The upgraded store works as before: a resent old event is still dropped, new ones claimed.
    # Claimed at a moment within the fixture's event ids' hour (they expired for the wall clock
    # at 1795799915, 27 Nov 2026 17:18 UTC, and this test with them).
    within_their_life = min(expires_at for _, expires_at in expected["seen_events"]) - 60
    with mock.patch.object(time, "time", return_value=within_their_life):
        assert store.claim_event("Ev0PREV1") is False
        assert store.claim_event("Ev0NEW", "T0NEW") is True


def test_a_sqlite_database_of_the_previous_release_is_upgraded_with_nothing_lost(isolated_environment):
    previous_release.copy_sqlite(isolated_environment)
    store = Store.open(None, isolated_environment)
    try:
        _upgraded_keeps_everything(store)
    finally:
        store.dispose()


def test_a_postgresql_database_of_the_previous_release_is_upgraded_with_nothing_lost(isolated_environment):
    from tests.store.postgres import postgres_schema

    with postgres_schema() as url:
        engine = create_engine(resolve_url(url, isolated_environment))
        previous_release.create_like_previous_release(engine)
        engine.dispose()
        store = Store.open(url, isolated_environment)
        try:
            _upgraded_keeps_everything(store)
        finally:
            store.dispose()


def test_a_case_of_the_previous_release_carries_on_after_the_upgrade(isolated_environment, answers):
    """The person's offer, typed before the upgrade, is what the coach reads after it."""
    from bot.coaching.coach import Coach
    from bot.store.cases import CaseStore

    path = previous_release.copy_sqlite(isolated_environment)
    with sqlite3.connect(path) as connection:  # the fixture's cases were made to last 30 days from then
        connection.execute("UPDATE coaching_cases SET expires_at = expires_at + 1e9")
    [(stored,)] = sqlite3.connect(path).execute("SELECT data FROM coaching_cases WHERE user_id = 'U0ALICE'")
    store = Store.open(None, isolated_environment)
    try:
        coach = Coach(answers, CaseStore(store))
        assert coach.open_case("console", "U0ALICE")["case"] is not None
        assert CaseStore(store).load("console", "U0ALICE") == json.loads(stored)
        reply = "\n".join(
            message.text for message in coach.reply("what about my base?", user="U0ALICE", team="console")
        )
        assert "180" in reply  # the base typed before the upgrade
    finally:
        store.dispose()


@pytest.mark.parametrize("openers", [4])
def test_several_stores_opening_a_new_database_at_once_migrate_it_once(database_url, isolated_environment, openers):
    """Each opener has its own engine and connections, as web workers and dynos do."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(openers)

    def open_store() -> None:
        try:
            barrier.wait()
            Store.open(database_url, isolated_environment).dispose()
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(openers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = Store(resolve_url(database_url, isolated_environment))
    try:
        assert migrate.current(store.engine) == HEAD and differences(store) == []
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        store.dispose()


def test_the_procfile_release_line_migrates(tmp_path):
    assert procfile_command("release") == "comp-coach migrate"
    state = tmp_path / "state"
    previous_release.copy_sqlite(state)
    log = tmp_path / "release.log"
    process = start(procfile_command("release"), process_env("http://127.0.0.1:9/api/", state), log)
    assert process.wait(timeout=60) == 0, log.read_text()
    assert f"store schema at revision {HEAD}" in log.read_text()
    with sqlite3.connect(state / "comp-coach.sqlite3") as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert connection.execute("SELECT count(*) FROM coaching_cases").fetchone() == (2,)
    assert subprocess.run([ROOT / ".venv/bin/comp-coach", "migrate", "--help"], capture_output=True).returncode == 0


def test_stores_of_one_process_migrating_different_databases_at_once(tmp_path):
    """Alembic's `op` and `context` are module-level: three new SQLite stores opened on three
    threads at once used to fail all but one (KeyError, OperationalError: 30 errors in 10
    rounds) until `bot.store.migrate` took a process-wide lock around migrating."""
    errors: list[str] = []
    for round_number in range(3):
        folders = [tmp_path / f"r{round_number}-{n}" for n in range(3)]
        barrier = threading.Barrier(len(folders))

        def open_store(folder, barrier=barrier) -> None:
            try:
                barrier.wait()
                Store.open(None, folder).dispose()
            except Exception as error:  # noqa: BLE001 (reported below)
                errors.append(type(error).__name__)

        threads = [threading.Thread(target=open_store, args=(folder,)) for folder in folders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
