"""The web process (Procfile `web:`) under store faults, against the Slack stand-in and a real
PostgreSQL behind a TCP proxy: a stall becomes an error reply within 5 s for every DM and
`/healthz` says the store is down; after it, DMs work again. Tables dropped under the running
process come back on the next turn. Expired cases leave the files on the purge schedule,
without any traffic, and `forget me` leaves no figure in any file of the store."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from bot.store.database import metadata
from tests.coaching.conftest import DONE_WHEN
from tests.e2e.conftest import WebProcess, start_web
from tests.store.postgres import postgres_schema
from tests.store.test_forgetting import files_holding
from tests.support.dms import new_person, send_dms
from tests.support.processes import stop
from tests.support.signing import get
from tests.support.tcp_proxy import TcpProxy

STALL_REPLY_LIMIT = 5.0  # seconds from a DM to its error reply with the store stalled (issue 11)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def store_state(web: WebProcess) -> str:
    response = get(web.url + "/healthz")
    assert response.status == 200  # ready (guides loaded) whatever the store does
    return response.body.decode()


def wait_store_state(web: WebProcess, words: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = store_state(web)
        if words in body:
            return body
        time.sleep(0.1)
    raise AssertionError(f"/healthz never said {words!r}; last: {body!r}\n{web.log()[-3000:]}")


def say(web: WebProcess, person: tuple[str, str], text: str) -> str:
    [reply] = send_dms(web.event, web.slack, [(*person, text)])
    assert reply is not None, f"no reply to {text!r}:\n{web.log()[-3000:]}"
    return reply.text


def test_a_stalled_store_gets_every_dm_an_error_reply_within_5_s_then_recovers(slack, postgres_url, tmp_path):
    with TcpProxy.for_url(postgres_url) as proxy:
        web = start_web(slack, tmp_path / "web", DATABASE_URL=proxy.url(postgres_url), WEB_CONCURRENCY="1")
        try:
            regular = new_person()
            assert "$193K" in say(web, regular, DONE_WHEN)
            assert wait_store_state(web, "store: ok") == "ok\nstore: ok\n"

            proxy.stall()
            people = [new_person() for _ in range(5)]
            replies = send_dms(web.event, slack, [(*person, DONE_WHEN) for person in people], timeout=20)
            assert all(reply is not None for reply in replies), f"unanswered: {replies}\n{web.log()[-3000:]}"
            assert all(reply.is_error for reply in replies), [reply.text for reply in replies]
            slowest = max(reply.seconds for reply in replies)
            assert slowest < STALL_REPLY_LIMIT, [round(reply.seconds, 2) for reply in replies]
            assert wait_store_state(web, "store: unavailable (timeout)", timeout=5) == (
                "ok\nstore: unavailable (timeout)\n"
            )

            proxy.flow()
            wait_store_state(web, "store: ok")
            status = say(web, regular, "status")  # the case saved before the stall is still there
            assert "*Base:* $168K" in status, status
            assert "$193K" in say(web, new_person(), DONE_WHEN)
            log = web.log()
            assert "Traceback" not in log.split("store unavailable: timeout")[-1]
        finally:
            stop(web.process)


def test_a_cut_connection_costs_no_reply(slack, postgres_url, tmp_path):
    with TcpProxy.for_url(postgres_url) as proxy:
        web = start_web(slack, tmp_path / "web", DATABASE_URL=proxy.url(postgres_url), WEB_CONCURRENCY="1")
        try:
            person = new_person()
            assert "$193K" in say(web, person, DONE_WHEN)
            proxy.cut()
            assert "*Base:* $168K" in say(web, person, "status")
        finally:
            stop(web.process)


def test_tables_dropped_under_the_running_server_come_back_on_the_next_turn(slack, postgres_url, tmp_path):
    web = start_web(slack, tmp_path / "web", DATABASE_URL=postgres_url, WEB_CONCURRENCY="1")
    engine = create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        person = new_person()
        assert "$193K" in say(web, person, DONE_WHEN)
        metadata.drop_all(engine)  # the database recreated empty
        assert "$193K" in say(web, new_person(), DONE_WHEN)
        assert "*Base:* $168K" not in say(web, person, "status")  # that case went with the tables
    finally:
        engine.dispose()
        stop(web.process)


OFFER = "I got an offer from PlanetScale for ML engineer, remote: $168k base, ${} stock over 4 years"


def test_forget_me_leaves_no_figure_in_the_state_folder(web):
    state = web.log_path.parent / "state"
    person = new_person()
    assert "$187,654" in say(web, person, OFFER.format("187,654"))
    assert files_holding(state, b"187654"), "the figure was stored before it is forgotten"
    say(web, person, "forget me")
    assert "deleted" in say(web, person, "yes")
    assert files_holding(state, b"187654") == []


def test_expired_cases_leave_the_state_folder_on_the_schedule_without_traffic(slack, tmp_path):
    # Cases live 5 s here, and the schedule purges every 0.5 s.
    web = start_web(slack, tmp_path / "web", COMP_COACH_CASE_TTL_DAYS=str(5 / 86400), COMP_COACH_PURGE_SECONDS="0.5")
    state = tmp_path / "web" / "state"
    try:
        assert "$176,543" in say(web, new_person(), OFFER.format("176,543"))
        assert files_holding(state, b"176543")
        web.wait_log("scheduled purge: 1 expired cases", timeout=20)  # no DM in between
        assert files_holding(state, b"176543") == []
    finally:
        stop(web.process)
