"""Views (Block Kit surfaces other than messages): the offer form and the App Home.

The words are in `responses/offer_form.j2`, `offer_form_error.j2` and `home.j2`; a view
template sets its `title`, `submit` and `close` words at the top (`{% set title = ... %}`)
and writes its blocks with the same directives as messages (`bot/render/blocks.py`;
inputs as `::block` JSON lines). Slack's limits for views are met here: 100 blocks,
24 characters of title and button words, 3,000 characters of `private_metadata`.
"""

from __future__ import annotations

import json

from bot.guides.model import Guide
from bot.guides.overview import Overview
from bot.offers.form import FIELDS, Problem, bands_for
from bot.render.blocks import parse_directives
from bot.render.templates import environment

OFFER_FORM = "offer_form"  # the modal's callback_id
MAX_VIEW_BLOCKS = 100
MAX_TITLE = 24
MAX_METADATA = 3000
MAX_OPTIONS = 100
MAX_ERROR = 150  # Slack shows a field's error on one short line


def _rendered(template: str, **context: object) -> tuple[list[dict], dict[str, str]]:
    """The template's blocks, and the words it set (`title`, `submit`, `close`)."""
    module = environment().get_template(template).make_module(context)
    blocks = parse_directives(str(module))[:MAX_VIEW_BLOCKS]
    words = {name: str(getattr(module, name)) for name in ("title", "submit", "close") if hasattr(module, name)}
    return blocks, words


def _plain(text: str, limit: int = MAX_TITLE) -> dict:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return {"type": "plain_text", "text": text, "emoji": True}


def _modal(blocks: list[dict], words: dict[str, str], metadata: str = "") -> dict:
    view = {"type": "modal", "callback_id": OFFER_FORM, "title": _plain(words.get("title", "Comp Coach"))}
    if "submit" in words:
        view["submit"] = _plain(words["submit"])
    view["close"] = _plain(words.get("close", "Close"))
    view["blocks"] = blocks
    if metadata:
        if len(metadata) > MAX_METADATA:
            raise ValueError("private_metadata over Slack's 3,000 characters")
        view["private_metadata"] = metadata
    return view


def form_metadata(ref: str) -> str:
    return json.dumps({"ref": ref}, separators=(",", ":"))


def form_ref(metadata: str | None) -> str | None:
    """The view reference a submitted form carries (None when the metadata is not ours)."""
    try:
        data = json.loads(metadata or "")
    except ValueError:
        return None
    ref = data.get("ref") if isinstance(data, dict) else None
    return ref if isinstance(ref, str) else None


def offer_form(guide: Guide, region_index: int | None, ref: str) -> dict:
    """The modal asking for the offer's parts, with the band of each in its hint."""
    region = guide.regions[region_index] if region_index is not None else None
    if region is None and len(guide.regions) == 1:
        region_index, region = 0, guide.regions[0]
    options = [{"text": _plain(r.name, 75), "value": str(index)} for index, r in enumerate(guide.regions[:MAX_OPTIONS])]
    years = region.stock.vesting_years if region and region.stock else None
    if years is None:
        years = next((r.stock.vesting_years for r in guide.regions if r.stock and r.stock.vesting_years), None)
    currencies = {r.currency for r in guide.regions}
    blocks, words = _rendered(
        "offer_form.j2",
        guide=guide,
        region=region,
        # the example figure's currency: the location's, or the one all its locations share
        currency=region.currency if region else (next(iter(currencies)) if len(currencies) == 1 else None),
        bands=bands_for(region) if region else {},
        region_options=options if len(guide.regions) > 1 else [],
        initial_region=options[region_index] if region_index is not None and region_index < len(options) else None,
        years=years,
    )
    return _modal(blocks, words, form_metadata(ref))


def form_errors(problems: dict[str, Problem]) -> dict[str, str]:
    """`response_action: errors` for a submitted form: one line per field's block id."""
    errors = {}
    for name, problem in problems.items():
        text = " ".join(environment().get_template("offer_form_error.j2").render(p=problem).split())
        errors[name] = text if len(text) <= MAX_ERROR else text[: MAX_ERROR - 1] + "…"
    return errors


def form_notice(template: str, **context: object) -> dict:
    """A modal that only says something (the form's guide is gone): replaces the form."""
    blocks, words = _rendered(template, **context)
    return _modal(blocks, {"title": words.get("title", "Check my offer"), "close": words.get("close", "Close")})


def home(overview: Overview, case: dict | None) -> dict:
    """The App Home tab: how to use the bot, the person's open case, the guides on hand."""
    blocks, _ = _rendered("home.j2", overview=overview, **(case or {"case": None}))
    return {"type": "home", "blocks": blocks}


__all__ = ["FIELDS", "OFFER_FORM", "form_errors", "form_metadata", "form_notice", "form_ref", "home", "offer_form"]
