"""The bot's answers, independent of where the text came from (Slack, console, tests).

`Answers` owns the catalog and resolver and turns a person's text into messages.
Slack listeners and the console both call it; neither holds any business rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bot.guides.catalog import Catalog, load_catalog
from bot.guides.resolve import Resolver, normalize
from bot.render.blocks import Message
from bot.render.replies import FOCUS_WORDS, render_resolution
from bot.render.templates import use_bytecode_cache

MAX_INPUT_CHARS = 5000
COMMAND = "/comp"


class Answers:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.resolver = Resolver(catalog)
        self.counts = (len(catalog.guides), catalog.company_count)
        self.company_slugs = {g.company.name: g.company.slug for g in catalog.guides}

    @classmethod
    def load(cls, extra_folders: Iterable[Path] = (), state_dir: Path | None = None) -> Answers:
        """The shipped guides and the extra folders; compiled templates cached under `state_dir`."""
        if state_dir is not None:
            use_bytecode_cache(state_dir / "templates")
        return cls(load_catalog(extra_folders))

    def comp(self, text: str) -> list[Message]:
        """The reply to `/comp TEXT` (the text after the command)."""
        text = (text or "")[:MAX_INPUT_CHARS]
        words = normalize(text).split()
        focus = next((FOCUS_WORDS[w] for w in words if w in FOCUS_WORDS), None)
        if focus:
            text = " ".join(w for w in re.split(r"\s+", text) if normalize(w) not in FOCUS_WORDS)
        resolution = self.resolver.resolve(text)
        return render_resolution(resolution, self.counts, self.company_slugs, focus=focus)

    def mention(self, text: str) -> list[Message]:
        """`@Comp Coach planetscale ml sf` in a channel: the same lookup as `/comp`."""
        return self.comp(strip_mentions(text))


def strip_mentions(text: str) -> str:
    """Drop `<@U123>` mentions (the bot's own, typically) and a leading `/comp`."""
    text = re.sub(r"<@[A-Z0-9]+(?:\|[^>]*)?>", " ", text or "")
    return split_command(text)[1] if text.strip().startswith(COMMAND) else text.strip()


def split_command(text: str) -> tuple[str | None, str]:
    """`/comp planetscale ml` -> ('/comp', 'planetscale ml'); plain text -> (None, text)."""
    stripped = (text or "").strip()
    if stripped.startswith("/"):
        command, _, rest = stripped.partition(" ")
        return command.lower(), rest.strip()
    return None, stripped
