"""The Jinja2 environment for `responses/`: figures formatted, every value escaped.

`finalize` escapes every `{{ value }}` for mrkdwn (`&`, `<`, `>`) and flattens line breaks,
so neither a person's text nor a guide's can inject markup or mentions. Directives are
structural: only lines of the template source are marked as directives (`mark_directives`, at
compile time) and every value loses the mark (see bot.render.blocks). Template text itself is
trusted. Filters write figures in the guide's own style.
"""

from __future__ import annotations

import hashlib
import logging
import re
from fractions import Fraction
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension

from bot.guides.catalog import PROJECT_ROOT
from bot.guides.money import CURRENCIES, Money, MoneyRange, format_amount, format_range
from bot.render.blocks import Mrkdwn, escape, mark_directives, unmarked

RESPONSES_DIR = PROJECT_ROOT / "responses"
log = logging.getLogger(__name__)


def _finalize(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Mrkdwn):
        return unmarked(value)
    return escape(value)


def money(value: Money | int | Fraction, currency: str | None = None) -> str:
    if isinstance(value, Money):
        return format_amount(value.amount, value.currency)
    if currency is None:
        raise ValueError("a bare amount needs its currency")
    return format_amount(value, currency)


def example(number: str, currency: str | None = None) -> str:
    """An example figure in a prompt (`168k`), written as the person's currency is written: `$168k`,
    `£168k`, `€168k`, `CHF 168k`. It shows how to type a figure, so a Berlin offer is not asked for
    `$20k bonus`; never a figure about the person."""
    code = (currency or "USD").upper()
    if code == "INR":  # pay in rupees is written in lakh: `₹28L`, not `₹168k`
        number = INR_EXAMPLES.get(number, number)
    symbol, is_word = CURRENCIES.get(code, ("$", False))
    return f"{symbol} {number}" if is_word else f"{symbol}{number}"


# The prompts' example figures as rupee pay is written (the same kind of figure, not a conversion).
INR_EXAMPLES = {"12": "500", "20k": "2L", "100k": "10L", "120k": "12L", "150k": "15L", "168k": "28L", "185k": "30L",
                "300k": "40L"}  # fmt: skip


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
    """A block quote of escaped text (every line prefixed with `>`), its Markdown emphasis as Slack's."""
    return Mrkdwn("\n".join(f">{slack_emphasis(escape(line))}" for line in str(text).splitlines() or [""]))


def guide_text(text: str) -> Mrkdwn:
    """A guide's section as written, line by line: escaped, its Markdown emphasis as Slack's."""
    return Mrkdwn("\n".join(slack_emphasis(escape(line)) for line in str(text).splitlines()))


# Markdown's `**bold**` and `*italic*` are Slack's `*bold*` and `_italic_`: a guide written in Markdown
# would otherwise show its asterisks.
_BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])")


def slack_emphasis(line: str) -> str:
    if "*" not in line and "_" not in line:
        return line
    line = _ITALIC_RE.sub(r"_\1_", line)
    return _BOLD_RE.sub(lambda match: f"*{match[1] or match[2]}*", line)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


# A line of words that ends in a tag (`• *Bonus:* none{% endif %}`): its newline is part of
# the words. `trim_blocks` would eat it and glue the next line (or directive) on.
_ENDS_IN_TAG = re.compile(r"[^-+]%\}$")
_TAG = re.compile(r"\{%.*?%\}")
LINE_RULE_VERSION = "3"  # part of the bytecode cache's folder name: bump when the rule changes


class KeepLineEnds(Extension):
    """`trim_blocks` for lines that hold only tags, never for a line with words (or a
    `{{ value }}`) that ends in one: that last tag gets Jinja's `+%}`, which keeps the
    newline after it. Also marks the source's directive lines (`mark_directives`)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        lines = source.split("\n")
        for index, line in enumerate(lines):
            if _ENDS_IN_TAG.search(line) and _TAG.sub("", line).strip():
                lines[index] = line[:-2] + "+%}"
        return mark_directives("\n".join(lines))


_bytecode_dir: Path | None = None


class MemoryFallbackBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates on disk for the next start, in memory whatever the disk does.

    Jinja keeps every template it compiled in the environment (in memory) anyway; the files
    only spare a new process the compiling. So a write that fails (a full disk: ENOSPC, a
    read-only or removed state folder: EROFS, EACCES, ENOENT) costs the next start some speed,
    never a reply: one WARNING, and this process stops trying the disk. A cache file that
    cannot be read is compiled again."""

    def __init__(self, directory: str) -> None:
        super().__init__(directory)
        self.writable = True

    def dump_bytecode(self, bucket) -> None:
        if not self.writable:
            return
        try:
            super().dump_bytecode(bucket)
        except OSError as error:
            self.writable = False
            log.warning(
                "compiled templates kept in memory only: %s not writable (%s)",
                self.directory,
                error.strerror or type(error).__name__,
            )

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()


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
            bytecode_cache = MemoryFallbackBytecodeCache(str(folder))
        except OSError as error:  # a read-only or full state folder only costs speed
            log.warning(
                "compiled templates kept in memory only: %s (%s)", folder, error.strerror or type(error).__name__
            )
            bytecode_cache = None
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
        # The templates ship with the code and never change under a running process: no
        # `stat` of the template's file on every render (Jinja's default, ~4 µs a render).
        auto_reload=False,
    )
    env.filters.update(
        money=money,
        example=example,
        range=money_range,
        per_year=per_year,
        quote=quote,
        escape=escape,
        plural=plural,
        guide_text=guide_text,
    )
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
