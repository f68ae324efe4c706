"""The courier: posts the replies the outbox holds, on threads of its own.

Why not on the listener pool: a 429 asks for a wait (`Retry-After`, 20 s seen), and four
replies waiting it out there once held an unrelated DM for 19.5 s. Here no thread ever
sleeps a wait: a `Retry-After` up to `retry_after_cap_seconds` is waited on a timer, the row
still held (once per claim); a longer one sends the reply back to the outbox, due when Slack
said. A 5xx or an unreachable Web API is retried from the
outbox with a doubling backoff, by whichever process polls first (this one, another, or the
next after a restart). A reply still undelivered past `reply_life_seconds` is replaced by a
short apology (`responses/reply_late.j2`): an answer to a question asked long ago would be
more confusing than useful.

Logs carry event ids, channels, counts and error codes, never message words.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.blocks import build_messages
from bot.render.templates import render
from bot.settings import Settings
from bot.slack.clients import delivery_client, retry_after
from bot.slack.failures import log_failure
from bot.slack.payloads import message_args
from bot.store.outbox import REPLY, TURN, Entry, Outbox

log = logging.getLogger(__name__)

DELIVERY_THREADS = 4
BATCH = 2 * DELIVERY_THREADS  # rows claimed per poll at most: no more than the threads can start soon
MAX_BACKOFF_SECONDS = 60.0
APOLOGY_LIFE_SECONDS = 86400.0  # the apology itself is retried for a day, then dropped with an error line


def reply_payload(
    messages: list, method: str = "chat.postMessage", enterprise: str | None = None, **where: str | None
) -> dict:
    """What a reply row holds: the Web API method, where it goes (`thread_ts`, or `user` for an
    ephemeral message), each message's arguments, and, in Enterprise Grid, the org whose
    installation answers (`enterprise`, with the row's team: see `Courier.token_for`)."""
    payload = {"method": method, **where, "messages": [message_args(m) for m in messages]}
    if enterprise:
        payload["enterprise"] = enterprise
    return payload


class Courier:
    def __init__(
        self, settings: Settings, store, token_for: Callable[[str, str | None], str | None] | None = None
    ) -> None:
        self.settings = settings
        self.store = store  # a Store or LazyStore; opened on first use
        # (team, enterprise) -> the bot token to post with: the one workspace's in single-workspace
        # mode; in OAuth mode the installation's (bot.slack.oauth.OAuthParts.bot_token). The
        # enterprise is needed in Enterprise Grid: an org-wide install is found by the org alone, a
        # Grid workspace's own install by org and team, and neither by the team id alone.
        self.token_for = token_for or (lambda _team, _enterprise=None: settings.slack_bot_token)
        self.stopping = threading.Event()
        self.relay = None  # the Relay that hands replies to this courier (it sets itself here)
        self._outbox: Outbox | None = None
        self._outbox_lock = threading.Lock()
        self._pool = ThreadPoolExecutor(DELIVERY_THREADS, thread_name_prefix="comp-coach-delivery")
        self._clients: dict[str | None, WebClient] = {}
        self._in_flight: set[int] = set()
        self._in_flight_ids: dict[int, str | None] = {}
        self._busy = threading.Condition()
        self._poller: threading.Thread | None = None
        self._timers: set[threading.Timer] = set()
        self._given_back = False
        self._store_down = False
        # The longest one attempt can take: a call timing out, and once more after a dropped
        # connection (bot.slack.clients.delivery_client). A lease shorter than that could pass
        # a reply to another process while this one may still send it.
        self.attempt_seconds = 2 * settings.slack_timeout_seconds + 0.5
        self.lease_seconds = max(settings.outbox_lease_seconds, self.attempt_seconds + 1.0)

    # --- life cycle --------------------------------------------------------------------------------

    def outbox(self) -> Outbox:
        with self._outbox_lock:
            if self._outbox is None:
                store = self.store.opened() if hasattr(self.store, "opened") else self.store
                self._outbox = Outbox(store, lease_seconds=self.lease_seconds)
            return self._outbox

    def start(self) -> Courier:
        self._poller = threading.Thread(target=self._poll_forever, name="comp-coach-outbox", daemon=True)
        self._poller.start()
        return self

    def hand_over(self, budget: float) -> None:
        """Stop taking work, let deliveries in flight make their one attempt (no more waits
        now), and give back every row this process still holds, for another process."""
        self.stopping.set()
        with self._busy:
            for timer in self._timers:
                timer.cancel()  # their rows are given back below
        deadline = time.monotonic() + budget
        if self.relay is not None:
            self.relay.hand_over(budget)
        with self._busy:
            while self._in_flight and time.monotonic() < deadline:
                self._busy.wait(deadline - time.monotonic())
            stuck = {entry_id for entry_id in self._in_flight_ids.values() if entry_id}
            self._given_back = True  # from here on `deliver` sends nothing: the rows may be another's
        if self._outbox is not None:
            try:
                released = self._outbox.release(keep=stuck)
                log.info("outbox handed over: %d replies given back, %d still in flight", released, len(stuck))
            except Exception as error:  # they come back when their lease ends
                log_failure("handing the outbox over", None, error)
        self._pool.shutdown(wait=False)

    # --- taking rows -------------------------------------------------------------------------------

    def deliver(self, entry: Entry) -> None:
        """Post `entry` (held by this process) from a delivery thread."""
        key = self._track(entry)
        if key is None:  # handed over: another process may hold the row now
            log.warning("reply for %s left in the outbox: shutting down", entry.event_id)
            return
        try:
            self._pool.submit(self._deliver, entry, key)
        except RuntimeError:  # the pool is shut down: the row stays held until its lease ends
            self._untrack(key)
            log.warning("reply for %s left in the outbox: shutting down", entry.event_id)

    def send(self, team: str, channel: str, messages: list, enterprise: str | None = None, **where: str | None) -> None:
        """Post a reply that no event is waiting for (an offer form's evaluation): kept in the
        outbox like the others, so a refusal or a restart does not lose it."""
        payload = reply_payload(messages, enterprise=enterprise, **where)
        try:
            entry = self.outbox().keep(team, channel, payload, self.settings.reply_life_seconds)
        except Exception as error:  # the store is down: sent (and retried) from memory
            log_failure("keeping reply", None, error)
            deadline = time.time() + self.settings.reply_life_seconds
            entry = Entry(None, None, REPLY, team, channel, payload, deadline_at=deadline)
        self.deliver(entry)

    def poll_once(self) -> int:
        """Claim the rows due now (as many as the threads can start) and send them on; turns a
        dead process left go back to the relay. Returns how many were claimed."""
        with self._busy:
            free = BATCH - len(self._in_flight)
        if free <= 0 or self.stopping.is_set():
            return 0
        try:
            entries = self.outbox().claim_due(free)
        except Exception as error:
            if not self._store_down:  # one line per outage, not one per poll
                log_failure("reading the outbox", None, error)
            self._store_down = True
            return 0
        self._store_down = False
        for entry in entries:
            if entry.stage == TURN and self.relay is not None:
                self.relay.resume(entry)
            else:
                self.deliver(entry)
        return len(entries)

    def _poll_forever(self) -> None:
        while not self.stopping.wait(self.settings.outbox_poll_seconds):
            self.poll_once()

    # --- sending -----------------------------------------------------------------------------------

    def _deliver(self, entry: Entry, key: int) -> None:
        try:
            self._send(entry)
        except Exception as error:  # never lose the row to a bug: it is retried later
            log_failure("delivering reply for", entry.event_id, error)
            self._later(entry, 0.0, type(error).__name__)
        finally:
            self._untrack(key)

    def _send(self, entry: Entry) -> None:
        outbox = self.outbox() if entry.id is not None else None
        if time.time() > entry.deadline_at and not self._past_life(entry):
            return
        client = self._client(entry.team, entry.payload.get("enterprise"))
        messages = entry.payload["messages"]
        while entry.sent < len(messages):
            if outbox is not None and not outbox.renew(entry, self.attempt_seconds):
                log.info("reply for %s taken over by another process", entry.event_id)
                return
            try:
                self._post(client, entry, messages[entry.sent])
            except SlackApiError as error:
                status = error.response.status_code
                wait = retry_after(error.response, 1.0) if status == 429 else 0.0
                if status == 429 and self._soon(entry, wait):
                    return
                if status == 429 or status >= 500:
                    self._later(entry, wait, f"HTTP {status}")
                else:
                    log.error(
                        "%s to %s refused: %s; reply for %s dropped",
                        entry.payload.get("method"),
                        entry.channel,
                        error.response.get("error"),
                        entry.event_id,
                    )
                    self._done(entry)
                return
            except OSError as error:  # unreachable, or no answer within the timeout
                self._later(entry, 0.0, type(error).__name__)
                return
            entry.sent += 1
        self._done(entry)
        log.info(
            "delivered reply for %s to %s (%d messages, %d earlier attempts)",
            entry.event_id,
            entry.channel,
            len(messages),
            entry.attempts,
        )

    def _post(self, client: WebClient, entry: Entry, args: dict) -> None:
        payload = entry.payload
        if payload.get("method") == "chat.postEphemeral":
            client.chat_postEphemeral(channel=entry.channel, user=payload["user"], **args)
        else:
            client.chat_postMessage(channel=entry.channel, thread_ts=payload.get("thread_ts"), **args)

    def _past_life(self, entry: Entry) -> bool:
        """The reply is too old to be worth sending: an apology instead (True: send it), or,
        for an apology itself too old, nothing (False)."""
        if entry.payload.get("apology"):
            log.error("apology for %s undeliverable for a day: dropped", entry.event_id)
            self._done(entry)
            return False
        where = {key: entry.payload.get(key) for key in ("thread_ts", "user") if entry.payload.get(key)}
        apology = build_messages(render("reply_late.j2", partial=entry.sent > 0))
        method, enterprise = entry.payload.get("method", "chat.postMessage"), entry.payload.get("enterprise")
        payload = {**reply_payload(apology, method, enterprise=enterprise, **where), "apology": True}
        log.warning(
            "reply for %s past its useful life (%d attempts): an apology instead", entry.event_id, entry.attempts
        )
        if entry.id is not None:
            self.outbox().replace(entry, payload, time.time() + APOLOGY_LIFE_SECONDS)
        else:
            entry.payload, entry.sent, entry.deadline_at = payload, 0, time.time() + APOLOGY_LIFE_SECONDS
        return True

    def _soon(self, entry: Entry, wait: float) -> bool:
        """A short Retry-After (at most the cap, once per claim): the row stays held and the
        next attempt comes from a timer, no thread waiting; False to use the outbox instead."""
        if wait > self.settings.retry_after_cap_seconds or entry.waited or self.stopping.is_set():
            return False
        entry.waited = True
        timer = threading.Timer(wait + random.random() * 0.25, self._after_wait, args=(entry,))
        timer.daemon = True
        with self._busy:
            self._timers.add(timer)
        timer.start()
        log.info("reply for %s to %s: HTTP 429, again in %.1f s", entry.event_id, entry.channel, wait)
        return True

    def _after_wait(self, entry: Entry) -> None:
        with self._busy:
            self._timers = {timer for timer in self._timers if not timer.finished.is_set()}
        if not self.stopping.is_set():  # else its row was given back at the hand-over
            self.deliver(entry)

    def _later(self, entry: Entry, wait: float, reason: str) -> None:
        """Back to the outbox, due after `wait` (Retry-After) or the backoff, whichever is longer."""
        backoff = min(MAX_BACKOFF_SECONDS, self.settings.retry_backoff_seconds * 2**entry.attempts)
        delay = max(wait, backoff * (1 + 0.2 * random.random()))
        try:
            if entry.id is None:
                self._later_in_memory(entry, delay)
            else:
                self.outbox().retry_later(entry, time.time() + delay)
        except Exception as error:  # the row keeps its lease and comes back when it ends
            log_failure("rescheduling reply for", entry.event_id, error)
            return
        log.warning(
            "reply for %s to %s not delivered (%s): kept in the outbox, attempt %d, next in %.1f s",
            entry.event_id,
            entry.channel,
            reason,
            entry.attempts,
            delay,
        )

    def _later_in_memory(self, entry: Entry, delay: float) -> None:
        """The store was unavailable when the event came: this process alone retries it."""
        entry.attempts += 1
        if self.stopping.is_set():
            log.error("reply for %s lost: the store was unavailable and the process is stopping", entry.event_id)
            return
        timer = threading.Timer(delay, self.deliver, args=(entry,))
        timer.daemon = True
        timer.start()

    def _done(self, entry: Entry) -> None:
        if entry.id is not None:
            self.outbox().done(entry)

    def _client(self, team: str, enterprise: str | None = None) -> WebClient:
        token = self.token_for(team, enterprise)
        client = self._clients.get(token)
        if client is None:
            client = delivery_client(token, self.settings.api_url, timeout=self.settings.slack_timeout_seconds)
            self._clients[token] = client
        return client

    # --- bookkeeping -------------------------------------------------------------------------------

    def _track(self, entry: Entry) -> int | None:
        with self._busy:
            if self._given_back:
                return None
            key = id(entry)
            self._in_flight.add(key)
            self._in_flight_ids[key] = entry.id
            return key

    def _untrack(self, key: int) -> None:
        with self._busy:
            self._in_flight.discard(key)
            self._in_flight_ids.pop(key, None)
            self._busy.notify_all()
