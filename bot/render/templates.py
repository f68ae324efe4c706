"""The Jinja2 environment for `responses/`: figures formatted, every value escaped.

`finalize` escapes every `{{ value }}` for mrkdwn (`&`, `<`, `>`) and flattens line breaks,
so neither a person's text nor a guide's can inject markup, mentions or directives.
Template text itself is trusted. Filters write figures in the guide's own style.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from fractions import Fraction
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension

from bot.guides.catalog import PROJECT_ROOT
from bot.guides.money import Money, MoneyRange, format_amount, format_range
from bot.render.blocks import Mrkdwn, escape

RESPONSES_DIR = PROJECT_ROOT / "responses"


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Mrkdwn):
        return value
    return escape(value)


def money(value: Money | int | Fraction, currency: str | None = None) -> str:
    if isinstance(value, Money):
        return format_amount(value.amount, value.currency)
    if currency is None:
        raise ValueError("a bare amount needs its currency")
    return format_amount(value, currency)


def money_range(value: MoneyRange | tuple, currency: str | None = None) -> str:
    if isinstance(value, MoneyRange):
        return format_range(value.low.amount, value.high.amount, value.currency)
    low, high = value
    if currency is None:
        raise ValueError("a bare range needs its currency")
    return format_range(low, high, currency)


def per_year(value: MoneyRange, years: int | None) -> str:
    """A grant's yearly value: the range divided by the vesting years, exactly. There is no
    default period: a grant whose years the guide does not state has no yearly value (the
    templates say so instead of calling this)."""
    if not years:
        raise ValueError("a grant's yearly value needs its vesting years")
    return format_range(Fraction(value.low.amount, years), Fraction(value.high.amount, years), value.currency)


def quote(text: str) -> Mrkdwn:
    """A block quote of escaped text (every line prefixed with `>`)."""
    return Mrkdwn("\n".join(f">{escape(line)}" for line in str(text).splitlines() or [""]))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


# A line of words that ends in a tag (`• *Bonus:* none{% endif %}`): its newline is part of
# the words. `trim_blocks` would eat it and glue the next line (or directive) on.
_ENDS_IN_TAG = re.compile(r"[^-+]%\}$")
_TAG = re.compile(r"\{%.*?%\}")
LINE_RULE_VERSION = "2"  # part of the bytecode cache's folder name: bump when the rule changes


class KeepLineEnds(Extension):
    """`trim_blocks` for lines that hold only tags, never for a line with words (or a
    `{{ value }}`) that ends in one: that last tag gets Jinja's `+%}`, which keeps the
    newline after it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        lines = source.split("\n")
        for index, line in enumerate(lines):
            if _ENDS_IN_TAG.search(line) and _TAG.sub("", line).strip():
                lines[index] = line[:-2] + "+%}"
        return "\n".join(lines)


_bytecode_dir: Path | None = None


class _SpeedOnlyBytecodeCache(FileSystemBytecodeCache):
    """A compiled template that cannot be written (the state folder was removed or is full)
    only costs speed on the next start: never a failed reply."""

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def use_bytecode_cache(folder: Path | None) -> None:
    """Keep compiled templates in `folder` so a new process skips compiling them
    (a visible share of the time to a first answer). Call before the first render."""
    global _bytecode_dir
    _bytecode_dir = folder
    environment.cache_clear()


@cache
def environment(root: Path = RESPONSES_DIR) -> Environment:
    bytecode_cache = None
    if _bytecode_dir is not None:
        # Jinja checks a cached template against its source only, not against how we
        # preprocess it: a folder per preprocessing rule and Jinja version keeps them apart.
        flavour = hashlib.sha1(f"{jinja2.__version__}:{LINE_RULE_VERSION}".encode()).hexdigest()
        folder = _bytecode_dir / flavour[:12]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            bytecode_cache = _SpeedOnlyBytecodeCache(str(folder))
        except OSError:
            bytecode_cache = None  # a read-only state folder only costs speed
    env = Environment(
        loader=FileSystemLoader(str(root)),
        bytecode_cache=bytecode_cache,
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[KeepLineEnds],
        keep_trailing_newline=True,
    )
    env.filters.update(money=money, range=money_range, per_year=per_year, quote=quote, escape=escape, plural=plural)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
