"""OAuth mode: "Add to Slack" for many workspaces, with Bolt's OAuth flow and slack_sdk's stores.

Nothing here reimplements OAuth. Bolt's `OAuthFlow` serves `GET /slack/install` and
`GET /slack/oauth_redirect` (state issued and checked against a cookie, `oauth.v2.access`,
`auth.test`, the installation saved); slack_sdk's SQLAlchemy installation and state stores
keep installations and states in the store's database (tables made by the migrations), and
Bolt's `InstallationStoreAuthorize` finds the workspace's bot token for every request,
refreshing it (token rotation, `oauth.v2.access` with `grant_type=refresh_token`) when it is
close to expiry. What is added:

- every Web API call of the flow and of token rotation goes through `SLACK_API_URL` (Bolt's
  default rotator would build a client for slack.com);
- the pages people see (install, success, refusal, expired or replayed state) come from
  templates in responses/;
- a bounded, expiring cache in front of authorization (`CachedAuthorize`): without it each
  request would cost a database query and an `auth.test` call;
- a state is consumed by one atomic DELETE, so a state replayed to two processes at once is
  honoured once;
- the stores open lazily, like the rest of the store (bot.slack.store): building the app does
  not import SQLAlchemy or touch the database, so start-up costs what single-workspace mode does;
- Enterprise Grid: an org-wide install (one installation for every workspace of an org, kept by
  slack_sdk with `team_id` NULL) is named on the success page, answers later replies with the
  org's token, and its uninstall erases the org (`OAuthParts.erase`). The bot's own data for an
  org-wide install is keyed by the org's enterprise id (bot.slack.payloads.tenant_of).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cachetools import TTLCache
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_bolt.authorization.authorize import Authorize, InstallationStoreAuthorize
from slack_bolt.authorization.authorize_result import AuthorizeResult
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.oauth import InstallationStore, OAuthStateStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.settings import Settings
from bot.slack.oauth_pages import page

if TYPE_CHECKING:
    from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest

    from bot.slack.store import LazyStore

log = logging.getLogger(__name__)

# The bot scopes the app asks for: manifest.yml's (tests/e2e/test_manifest.py holds them equal).
BOT_SCOPES = ("commands", "chat:write", "app_mentions:read", "im:history")
STATE_EXPIRATION_SECONDS = 600  # Bolt's default: ten minutes from "Add to Slack" to Slack's redirect
# A token is refreshed when it has less than this left (Bolt's default); a cached authorization
# must never outlive the token in it, hence a cache TTL far below this window. The TTL also bounds
# how long another process keeps using the token of a workspace that uninstalled and installed
# again; a miss costs one query and one `auth.test` per workspace and process, once a minute.
ROTATION_WINDOW_MINUTES = 120
AUTHORIZATION_TTL_SECONDS = 60.0
AUTHORIZATIONS_KEPT = 1024  # workspaces whose authorization is kept; the least recently used goes first
assert AUTHORIZATION_TTL_SECONDS < ROTATION_WINDOW_MINUTES * 60 / 4


# --- the stores, opened on first use -------------------------------------------------------------


class WorkspaceStores:
    """slack_sdk's SQLAlchemy installation and state stores on the store's engine, made when
    first needed (the engine exists only once the store has opened: bot.slack.store)."""

    def __init__(self, store: LazyStore, client_id: str) -> None:
        self.store = store
        self.client_id = client_id
        self._lock = threading.Lock()
        self._installations = None
        self._states = None

    @property
    def installations(self):
        with self._lock:
            if self._installations is None:
                from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

                self._installations = SQLAlchemyInstallationStore(
                    client_id=self.client_id, engine=self.store.opened().engine, logger=log
                )
            return self._installations

    @property
    def states(self):
        with self._lock:
            if self._states is None:
                self._states = one_time_state_store(self.store.opened().engine)
            return self._states


def one_time_state_store(engine):
    """slack_sdk's SQLAlchemy state store whose `consume` is one DELETE: the library's reads the
    row, then deletes it, so two processes handed the same state at once could both accept it.
    Expired states are cleared as new ones are issued."""
    from slack_sdk.oauth.sqlalchemy_utils import normalize_datetime_for_db
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    class OneTimeStateStore(SQLAlchemyOAuthStateStore):
        def issue(self, *args, **kwargs) -> str:
            """A new state; states nobody came back with are deleted once expired (the library
            never does, and anyone can load the install page)."""
            now = normalize_datetime_for_db(datetime.now(tz=UTC))
            with self.engine.begin() as connection:
                connection.execute(self.oauth_states.delete().where(self.oauth_states.c.expire_at <= now))
            return super().issue(*args, **kwargs)

        def consume(self, state: str) -> bool:
            now = normalize_datetime_for_db(datetime.now(tz=UTC))
            states = self.oauth_states
            with self.engine.begin() as connection:
                deleted = connection.execute(
                    states.delete().where((states.c.state == state) & (states.c.expire_at > now))
                ).rowcount
            return deleted == 1

    return OneTimeStateStore(expiration_seconds=STATE_EXPIRATION_SECONDS, engine=engine, logger=log)


class LazyInstallationStore(InstallationStore):
    """The `InstallationStore` Bolt is given at start-up; the SQLAlchemy one behind it opens later."""

    def __init__(self, stores: WorkspaceStores) -> None:
        self.stores = stores

    @property
    def logger(self) -> logging.Logger:
        return log

    def save(self, installation: Installation) -> None:
        self.stores.installations.save(installation)
        if installation.is_enterprise_install:  # no workspace: `team_id` is None for an org-wide install
            log.info("installed org-wide in %s", installation.enterprise_id)
        else:
            log.info("installed in workspace %s", installation.team_id)

    def save_bot(self, bot: Bot) -> None:
        self.stores.installations.save_bot(bot)

    def find_bot(self, *, enterprise_id, team_id, is_enterprise_install=False) -> Bot | None:
        return self.stores.installations.find_bot(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=is_enterprise_install
        )

    def find_installation(
        self, *, enterprise_id, team_id, user_id=None, is_enterprise_install=False
    ) -> Installation | None:
        return self.stores.installations.find_installation(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id, is_enterprise_install=is_enterprise_install
        )

    def delete_bot(self, *, enterprise_id, team_id) -> None:
        self.stores.installations.delete_bot(enterprise_id=enterprise_id, team_id=team_id)

    def delete_installation(self, *, enterprise_id, team_id, user_id=None) -> None:
        self.stores.installations.delete_installation(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)


class LazyStateStore(OAuthStateStore):
    def __init__(self, stores: WorkspaceStores) -> None:
        self.stores = stores

    @property
    def logger(self) -> logging.Logger:
        return log

    def issue(self, *args, **kwargs) -> str:
        return self.stores.states.issue()

    def consume(self, state: str) -> bool:
        return self.stores.states.consume(state)


# --- authorizing each request ---------------------------------------------------------------------


class CachedAuthorize(Authorize):
    """Bolt's installation-store authorization behind a small LRU cache whose entries expire.

    Keyed by workspace (enterprise, team): the app asks for bot scopes only, so one bot token
    serves everyone in a workspace. A miss costs a query and an `auth.test` call (and a token
    refresh when due); a hit costs a dictionary lookup. Only successes are kept: a workspace
    installed through another process is found on its first request here. An uninstall drops
    the workspace's entry (`forget`); in other processes it lapses within the TTL, while Slack
    sends that workspace nothing more.
    """

    def __init__(
        self,
        inner: Authorize,
        ttl_seconds: float = AUTHORIZATION_TTL_SECONDS,
        kept: int = AUTHORIZATIONS_KEPT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.inner = inner
        self._cache: TTLCache = TTLCache(maxsize=kept, ttl=ttl_seconds, timer=clock)
        self._lock = threading.Lock()  # TTLCache is not thread-safe; Bolt authorizes on several threads

    def __call__(
        self,
        *,
        context,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **actor: Any,
    ) -> AuthorizeResult | None:
        key = (enterprise_id, None if context.is_enterprise_install else team_id)
        with self._lock:
            found = self._cache.get(key)
        if found is not None:
            return found
        result = self.inner(context=context, enterprise_id=enterprise_id, team_id=team_id, user_id=user_id, **actor)
        if result is not None and result.user_token is None:
            with self._lock:
                self._cache[key] = result
        return result

    def forget(self, enterprise_id: str | None, team_id: str | None) -> None:
        with self._lock:
            self._cache.pop((enterprise_id, team_id), None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)


# --- the pages ----------------------------------------------------------------------------------------

STATE_PROBLEMS = frozenset({"invalid_state", "invalid_browser"})


class PagesOAuthFlow(OAuthFlow):
    """Bolt's flow with the install page from responses/ (Bolt's own loads Slack's button image
    from a CDN and says nothing about the app)."""

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        return page("oauth_install.html.j2", url=url)


def installed_in(installation: Installation) -> str:
    """What the success page says was installed: the workspace, or for an org-wide (Enterprise
    Grid) install the org. Slack answers an org-wide install with `team: null` and the org in
    `enterprise`, so the workspace's name and id are both None there: the page said "installed in
    None"."""
    if installation.is_enterprise_install:
        return installation.enterprise_name or installation.enterprise_id or "your organization"
    return installation.team_name or installation.team_id or "your workspace"


def _success(args: SuccessArgs) -> BoltResponse:
    body = page("oauth_installed.html.j2", team=installed_in(args.installation))
    return _page_response(args, 200, body)


def _failure(args: FailureArgs) -> BoltResponse:
    if args.reason == "access_denied":  # the person pressed Cancel on Slack's page
        status, body = 200, page("oauth_refused.html.j2")
    elif args.reason in STATE_PROBLEMS:  # expired, used already, or another browser's
        status, body = 400, page("oauth_expired.html.j2")
    else:  # invalid_code, missing_code, storage_error, or an error Slack reported
        status, body = args.suggested_status_code, page("oauth_failed.html.j2", reason=args.reason[:60])
    log.info("installation not completed: %s", args.reason[:60])
    return _page_response(args, status, body)


def _page_response(args: SuccessArgs | FailureArgs, status: int, body: str) -> BoltResponse:
    return BoltResponse(
        status=status,
        body=body,
        headers={
            "Content-Type": "text/html; charset=utf-8",
            "Set-Cookie": args.settings.state_utils.build_set_cookie_for_deletion(),
        },
    )


# --- the app's OAuth parts -------------------------------------------------------------------------


class OAuthParts:
    """What OAuth mode adds to the app: Bolt's flow with our stores and pages, the cached
    authorization, and erasing a workspace when it uninstalls (bot.slack.listeners.uninstall)."""

    def __init__(self, settings: Settings, store: LazyStore, client: WebClient) -> None:
        self.client = client
        self.stores = WorkspaceStores(store, settings.slack_client_id or "")
        self.installation_store = LazyInstallationStore(self.stores)
        self.oauth_settings = OAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            scopes=list(BOT_SCOPES),
            user_scopes=[],
            authorization_url=settings.slack_authorize_url,
            installation_store=self.installation_store,
            installation_store_bot_only=True,
            token_rotation_expiration_minutes=ROTATION_WINDOW_MINUTES,
            state_store=LazyStateStore(self.stores),
            state_expiration_seconds=STATE_EXPIRATION_SECONDS,
            callback_options=CallbackOptions(success=_success, failure=_failure),
            logger=log,
        )
        self.flow = PagesOAuthFlow(client=client, logger=log, settings=self.oauth_settings)
        self.authorize = CachedAuthorize(
            InstallationStoreAuthorize(
                logger=log,
                installation_store=self.installation_store,
                client_id=settings.slack_client_id,
                client_secret=settings.slack_client_secret,
                token_rotation_expiration_minutes=ROTATION_WINDOW_MINUTES,
                bot_only=True,
                client=client,  # token refreshes through SLACK_API_URL
            )
        )

    def app_options(self) -> dict:
        """What `slack_bolt.App(...)` takes for OAuth mode."""
        return {
            "oauth_flow": self.flow,
            "authorize": self.authorize,
            "installation_store": self.installation_store,
            "installation_store_bot_only": True,
            "user_facing_authorize_error_message": not_installed_message(),
        }

    def bot_token(self, team_id: str | None, enterprise_id: str | None = None) -> str | None:
        """The bot token of the installation a reply the courier sends after the request (from
        the outbox, maybe by another process) belongs to, through the same cached authorization
        as requests, so a token due for rotation is refreshed first. None when there is no such
        installation (uninstalled meanwhile): the courier's post is then refused.

        `team_id` is the reply's key (bot.slack.payloads.tenant_of), `enterprise_id` its Grid org:
        a key equal to the org is the org-wide install, looked up as Bolt looks it up for a
        request (`is_enterprise_install`, the org alone); a Grid workspace's own install is found
        by org and team. Looked up by the team id alone, as before, neither was found (slack_sdk's
        store matches `enterprise_id IS NULL` then) and replies went out with no token.

        The context carries the app's client, the one every request's authorization uses: a
        bare `BoltContext` makes a client for slack.com, so on a cache miss the `auth.test` went
        there instead of through `SLACK_API_URL`."""
        from slack_bolt import BoltContext

        org = enterprise_id is not None and team_id == enterprise_id
        context = BoltContext({"is_enterprise_install": org, "client": self.client})
        result = self.authorize(
            context=context, enterprise_id=enterprise_id, team_id=None if org else team_id, user_id=None
        )
        return result.bot_token if result else None

    def erase(self, enterprise_id: str | None, team_id: str | None) -> dict[str, int]:
        """Everything stored for an installation, gone in one transaction; rows deleted per table:
        a workspace's, or an org-wide install's (`team_id` None, as slack_sdk keeps it and as
        Bolt's context has it for the org's events); see bot.store.workspaces.erase_workspace."""
        from bot.store.workspaces import erase_workspace

        self.authorize.forget(enterprise_id, team_id)
        erased = erase_workspace(self.stores.installations, enterprise_id, team_id)
        self.authorize.forget(enterprise_id, team_id)  # a request authorized meanwhile
        return erased


def not_installed_message() -> str:
    """What a person in a workspace without an installation is told (Bolt sends it as the
    command's reply)."""
    from bot.render.blocks import build_messages
    from bot.render.templates import render

    return build_messages(render("not_installed.j2"))[0].text


class OAuthRequestHandler(SlackRequestHandler):
    """Bolt's ASGI handler, with the two OAuth pages worked out on a thread: completing an
    installation makes Web API calls and writes to the store, which must not hold the worker's
    event loop (every other request waits on it)."""

    async def handle_installation(self, request: AsgiHttpRequest) -> BoltResponse:
        return await asyncio.to_thread(self.app.oauth_flow.handle_installation, await _bolt_request(request))

    async def handle_callback(self, request: AsgiHttpRequest) -> BoltResponse:
        return await asyncio.to_thread(self.app.oauth_flow.handle_callback, await _bolt_request(request))


async def _bolt_request(request: AsgiHttpRequest) -> BoltRequest:
    return BoltRequest(body=await request.get_raw_body(), query=request.query_string, headers=request.get_headers())
