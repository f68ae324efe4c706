"""From an acknowledged DM or mention to the reply owed for it, exactly once.

1. The ack (in the request) notes the event in memory (`accept`): it is owed from now on.
2. On a listener thread, `run` records it in the outbox (bot/store/outbox.py) together with
   its event id, in one transaction: a resent event, or one another process took, stops here.
3. The turn runs. A DM's reply is written into the outbox row in the same transaction that
   saves the person's case (`turn_commit`), so a crash leaves either neither (the turn is run
   again, by any process, from the row) or both (the reply is sent, the turn not run again).
4. The courier (bot/slack/courier.py) posts it, or keeps it for later.

On SIGTERM `hand_over` writes the events acknowledged but not yet started into the outbox for
another process. (A SIGKILL between an ack and step 2, a few milliseconds when the listener
pool is not full, loses that event: recording it before the ack would put a store write,
and a store stall, in every event's request.)
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import nullcontext
from dataclasses import asdict, dataclass

from bot.conversation import Conversation, Reply
from bot.settings import Settings
from bot.slack.courier import Courier, reply_payload
from bot.slack.failures import apology, log_failure
from bot.store.outbox import REPLY, TURN, Entry, turn_commit

log = logging.getLogger(__name__)


class ClaimLost(Exception):
    """Another process took this event's row (this one was presumed dead): undo the turn."""


@dataclass
class Job:
    """What a turn needs of the event, and what the outbox keeps of it until the turn ran."""

    kind: str  # dm | mention
    event_id: str | None
    team: str
    user: str
    channel: str
    text: str
    thread_ts: str | None = None  # where the reply goes
    # The Enterprise Grid org of the installation that answers (None outside Grid). With `team`
    # (bot.slack.payloads.tenant_of: the org's id for an org-wide install) it names the
    # installation whose token the reply goes out with, in whichever process sends it.
    enterprise: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> Job:
        return cls(**{key: data.get(key) for key in cls.__dataclass_fields__})


class Relay:
    def __init__(
        self, conversation: Conversation, courier: Courier, settings: Settings, pool: Executor | None = None
    ) -> None:
        self.conversation = conversation
        self.courier = courier
        self.settings = settings
        self.pool = pool
        self._accepted: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._turns = 0
        self._idle = threading.Condition(self._lock)
        courier.relay = self

    def accept(self, job: Job) -> None:
        """Acknowledged: owed from now on (called in the request, so nothing slow here)."""
        if job.event_id:
            with self._lock:
                self._accepted[job.event_id] = job

    def run(self, job: Job) -> None:
        """A listener thread's part: record the event, run the turn, hand the reply on."""
        with self._lock:
            if job.event_id and self._accepted.pop(job.event_id, None) is None:
                if not self.courier.stopping.is_set():  # else handed over: another process answers it
                    log.info("dropped resent event %s", job.event_id)  # its twin, acked meanwhile, runs
                return
            self._turns += 1
        try:
            entry = self._record(job)
            if entry is None:
                log.info("dropped resent event %s", job.event_id)
                return
            self._turn(job, entry)
        finally:
            self._finished()

    def resume(self, entry: Entry) -> None:
        """A turn row this process claimed from the outbox (left by a process that stopped or died)."""
        with self._lock:
            self._turns += 1

        def work() -> None:
            try:
                log.info("taking over event %s from the outbox", entry.event_id)
                job = Job.from_dict(entry.payload)
                if time.time() > entry.deadline_at:
                    self._too_late(job, entry)
                else:
                    self._turn(job, entry)
            finally:
                self._finished()

        try:
            if self.pool is None:
                raise RuntimeError("no pool")
            self.pool.submit(work)
        except RuntimeError:
            work()

    def hand_over(self, budget: float) -> None:
        """SIGTERM: events acknowledged but not started go to the outbox, for any process;
        turns already running finish (their replies go to the courier)."""
        with self._lock:
            waiting, self._accepted = list(self._accepted.values()), {}
        parked = 0
        for job in waiting:
            try:
                outbox = self.courier.outbox()
                kept = outbox.accept(job.event_id, job.team, job.channel, asdict(job), self._life(), claim=False)
                parked += kept is not None
            except Exception as error:
                log_failure("handing over event", job.event_id, error)
        if waiting:
            log.info("handed over %d acknowledged events not yet started", parked)
        deadline = time.monotonic() + budget
        with self._idle:
            while self._turns and time.monotonic() < deadline:
                self._idle.wait(deadline - time.monotonic())

    def _too_late(self, job: Job, entry: Entry) -> None:
        """An event left unanswered past the reply's life: its turn is not run (the person will
        be asked to send it again, and it must not count twice); the courier sends the apology."""
        if self._record_reply(self.courier.outbox(), job, entry, Reply([])):
            self.courier.deliver(entry)

    # --- one turn --------------------------------------------------------------------------------

    def _record(self, job: Job) -> Entry | None:
        try:
            return self.courier.outbox().accept(job.event_id, job.team, job.channel, asdict(job), self._life())
        except Exception as error:  # the store being down must not silence the bot
            log_failure("recording event (answering anyway)", job.event_id, error)
            return Entry(None, job.event_id, TURN, job.team, job.channel, asdict(job), deadline_at=self._deadline())

    def _turn(self, job: Job, entry: Entry) -> None:
        outbox = self.courier.outbox() if entry.id is not None else None
        recorded: dict[str, object] = {}

        def with_the_case(connection, messages) -> None:
            if messages is None or "messages" in recorded:
                return
            if not outbox.record_reply(entry, self._payload(job, Reply(messages)), connection):
                raise ClaimLost(entry.event_id)
            recorded["messages"] = messages

        with turn_commit(with_the_case) if outbox is not None else nullcontext():
            reply = self._answer(job)
        if outbox is None:
            entry.stage, entry.payload = REPLY, self._payload(job, reply)
        elif recorded.get("messages") is not reply.messages and not self._record_reply(outbox, job, entry, reply):
            log.info("event %s taken over by another process", job.event_id)
            return
        self.courier.deliver(entry)

    def _record_reply(self, outbox, job: Job, entry: Entry, reply: Reply) -> bool:
        try:
            return outbox.record_reply(entry, self._payload(job, reply))
        except Exception as error:  # the reply is sent from memory; the row comes back after its lease
            log_failure("recording reply for", job.event_id, error)
            entry.stage, entry.payload = REPLY, self._payload(job, reply)
            return True

    def _answer(self, job: Job) -> Reply:
        """The reply, or an apology when working it out failed."""
        handle: Callable[[], Reply]
        if job.kind == "mention":
            handle = lambda: self.conversation.mention(job.text, user=job.user, team=job.team)  # noqa: E731
        else:
            handle = lambda: self.conversation.handle(job.text, user=job.user, team=job.team)  # noqa: E731
        try:
            return handle()
        except Exception as error:
            log_failure("message" if job.kind == "dm" else "app_mention", job.event_id, error)
            return Reply(apology(), "in_channel")

    @staticmethod
    def _payload(job: Job, reply: Reply) -> dict:
        if job.kind == "mention" and reply.response_type == "ephemeral":
            return reply_payload(reply.messages, "chat.postEphemeral", enterprise=job.enterprise, user=job.user)
        return reply_payload(reply.messages, enterprise=job.enterprise, thread_ts=job.thread_ts)

    def _life(self) -> float:
        return self.settings.reply_life_seconds

    def _deadline(self) -> float:
        return time.time() + self._life()

    def _finished(self) -> None:
        with self._idle:
            self._turns -= 1
            self._idle.notify_all()
