"""The web pages of the OAuth flow, from HTML templates in responses/ (`*.html.j2`).

A Jinja2 environment of their own, separate from the mrkdwn one (bot.render.templates):
HTML needs HTML escaping (autoescape), mrkdwn needs Slack's. Loaded on the first page, so
start-up never pays for it.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bot.guides.catalog import PROJECT_ROOT

RESPONSES_DIR = PROJECT_ROOT / "responses"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(RESPONSES_DIR),
        autoescape=select_autoescape(["html.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(name: str, **values: object) -> str:
    return _environment().get_template(name).render(**values)
