"""The bot's answers, independent of where the text came from (Slack, console, tests).

`Answers` owns the catalog and resolver and turns a person's text into messages.
Slack listeners and the console both call it; neither holds any business rule.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from bot.answer_cache import (
    QUERY_MARK,
    QUOTES_QUERY,
    RenderedAnswers,
    answer_key,
    quotable,
    split_notice,
    with_notice,
    with_query,
)
from bot.guides.catalog import Catalog, load_catalog
from bot.guides.model import Guide
from bot.guides.resolve import Resolution, Resolver, normalize
from bot.render.blocks import Message
from bot.render.replies import FOCUS_WORDS, answer_actions, render_resolution
from bot.render.templates import use_bytecode_cache

MAX_INPUT_CHARS = 5000
COMMAND = "/comp"
LOOKUP_CACHE = 128
RENDERED_ANSWERS = 512
QUOTING_ANSWERS = 256


class Answers:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.resolver = Resolver(catalog)
        self.counts = (len(catalog.guides), catalog.company_count)
        self.company_slugs = catalog.company_slugs
        # Rendering is most of an uncached answer's cost, and answers come from a small set
        # while the texts typed do not: answers are kept by what the query resolved to
        # (bot/answer_cache.py). A text typed again skips resolving too (LOOKUP_CACHE of them,
        # fewer than bench/http.py's distinct queries, so that bench measures the resolver).
        # The messages returned are shared between callers: read-only.
        self.rendered = RenderedAnswers(RENDERED_ANSWERS)
        # Answers quoting the typed text, kept apart: companies not on hand vary more than the
        # answers that come back, and sharing one LRU pushed those out (bench/_inprocess.py).
        self.quoting = RenderedAnswers(QUOTING_ANSWERS)
        self.comp = functools.lru_cache(maxsize=LOOKUP_CACHE)(self.comp)

    @classmethod
    def load(cls, extra_folders: Iterable[Path] = (), state_dir: Path | None = None) -> Answers:
        """The shipped guides and the extra folders; compiled templates cached under `state_dir`."""
        if state_dir is not None:
            use_bytecode_cache(state_dir / "templates")
        return cls(load_catalog(extra_folders, state_dir=state_dir))

    def comp(self, text: str, interactive: bool = False) -> list[Message]:
        """The reply to `/comp TEXT` (the text after the command). `interactive` adds the
        buttons and menus Slack shows under a private answer."""
        resolution, focus = self._resolve(text)
        if resolution.kind in QUOTES_QUERY:
            return self._quoting(resolution, focus, interactive)
        body, notice = split_notice(resolution)
        key, kept = answer_key(body, focus, interactive)
        messages = self.rendered.get(key, lambda: self.render(body, focus, interactive), kept)
        return messages if notice is None else with_notice(notice, messages)

    def _quoting(self, resolution: Resolution, focus: str | None, interactive: bool) -> list[Message]:
        """An answer that repeats the typed text: kept with `QUERY_MARK` in its place (bot/answer_cache.py)."""
        key, kept = answer_key(resolution, focus, interactive)

        def blank() -> list[Message] | None:
            return quotable(key, self.render(replace(resolution, query=QUERY_MARK), focus, interactive))

        messages = self.quoting.get(key, blank, kept)
        filled = with_query(messages, resolution.query) if messages is not None else None
        return filled if filled is not None else self.render(resolution, focus, interactive)

    def comp_uncached(self, text: str, interactive: bool = False) -> list[Message]:
        """`comp` rendered afresh, past both caches: what a cached answer must equal."""
        return self.render(*self._resolve(text), interactive)

    def _resolve(self, text: str) -> tuple[Resolution, str | None]:
        """What the text resolves to, and the part of the answer it asks for (`levers`, `script`)."""
        text = (text or "")[:MAX_INPUT_CHARS]
        words = normalize(text).split()
        focus = None
        if not FOCUS_WORDS.keys().isdisjoint(words):  # most texts name no part: no word looked at in turn
            focus = next(FOCUS_WORDS[w] for w in words if w in FOCUS_WORDS)
        if focus:
            text = " ".join(w for w in re.split(r"\s+", text) if normalize(w) not in FOCUS_WORDS)
        return self.resolver.resolve(text), focus

    def render(self, resolution: Resolution, focus: str | None, interactive: bool) -> list[Message]:
        """The reply to a resolved query (no cache)."""
        actions = None
        if interactive and resolution.guide is not None:
            index = resolution.guide.regions.index(resolution.region) if resolution.kind == "band" else None
            actions = self._actions(resolution.guide, index)
        return render_resolution(resolution, self.counts, self.company_slugs, focus=focus, actions=actions)

    def _actions(self, guide: Guide, region_index: int | None, share: bool = True) -> dict:
        company_guides = self.catalog.company_guides(guide.company.slug)
        return answer_actions(guide, region_index, company_guides, ViewRef.encode_for, share=share)

    def view(self, ref: str, shared_by: str | None = None) -> list[Message] | None:
        """The answer a button or menu points at (`ViewRef`), or None when that guide or
        region no longer exists. A shared answer names who shared it and has no private controls."""
        decoded = ViewRef.decode(ref)
        guide = self.catalog.by_key.get(decoded.key) if decoded else None
        if guide is None or (decoded.region is not None and decoded.region >= len(guide.regions)):
            return None
        if decoded.region is None:
            resolution = Resolution("regions", guide.key, guide=guide, regions=list(guide.regions))
        else:
            resolution = Resolution("band", guide.key, guide=guide, region=guide.regions[decoded.region])
        actions = self._actions(guide, decoded.region, share=shared_by is None)
        if shared_by is not None:
            actions = {"share": False, "regions": [], "roles": [], "offer": actions["offer"]}
        return render_resolution(resolution, self.counts, self.company_slugs, actions=actions, shared_by=shared_by)

    def guide_for(self, ref: str) -> tuple[Guide, int | None] | None:
        """The guide and region index a reference names (the offer form starts from it)."""
        decoded = ViewRef.decode(ref)
        guide = self.catalog.by_key.get(decoded.key) if decoded else None
        if guide is None:
            return None
        region = decoded.region if decoded.region is not None and decoded.region < len(guide.regions) else None
        return guide, region

    def mention(self, text: str) -> list[Message]:
        """`@Comp Coach planetscale ml sf` in a channel: the same lookup as `/comp`."""
        return self.comp(strip_mentions(text))


@dataclass(frozen=True)
class ViewRef:
    """What a button or menu option points at: a guide, and a region or all of them.
    Encoded as `<company>/<role>#<region index>` (`#*` for all regions) so it fits in
    Slack's 150-character option values and survives a restart."""

    key: str
    region: int | None

    @staticmethod
    def encode_for(guide: Guide, region: int | None) -> str:
        return f"{guide.key}#{'*' if region is None else region}"

    @staticmethod
    def decode(ref: str) -> ViewRef | None:
        key, _, region = (ref or "").partition("#")
        if not key or not (region == "*" or region.isdigit()):
            return None
        return ViewRef(key, None if region == "*" else int(region))


def strip_mentions(text: str) -> str:
    """Drop `<@U123>` mentions (the bot's own, typically) and a leading `/comp`."""
    text = re.sub(r"<@[A-Z0-9]+(?:\|[^>]*)?>", " ", text or "")
    return split_command(text)[1] if text.strip().startswith(COMMAND) else text.strip()


def as_lookup(text: str) -> str:
    """A mention in a channel is the same lookup as `/comp` (never a DM conversation)."""
    return text if text.startswith("/") else f"{COMMAND} {text}".rstrip()


def split_command(text: str) -> tuple[str | None, str]:
    """`/comp planetscale ml` -> ('/comp', 'planetscale ml'); plain text -> (None, text)."""
    stripped = (text or "").strip()
    if stripped.startswith("/"):
        command, _, rest = stripped.partition(" ")
        return command.lower(), rest.strip()
    return None, stripped
