"""Replies: a resolved query -> Block Kit messages, through the templates in `responses/`.

This module prepares what templates cannot compute (a region's bonus in words, whether
the published total agrees with its parts) and picks the template for each kind of reply.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.guides.model import Guide, RegionBand
from bot.guides.money import format_range
from bot.guides.resolve import Resolution, level_labels
from bot.render.blocks import Message, Mrkdwn, build_messages
from bot.render.templates import money_range, render

FOCUS_WORDS = {
    "levers": "levers",
    "lever": "levers",
    "script": "script",
    "scripts": "script",
    "counter": "script",
    "email": "script",
    "phone": "script",
    "pushback": "script",
    "notes": "notes",
    "note": "notes",
}


@dataclass(frozen=True)
class RegionView:
    """Words and checks for one region that the template shows as they are."""

    bonus: str
    stock_label: str
    computed_total: str | None
    formula: str
    total_differs: bool
    year_one_computed: str | None = None  # the parts' year one, when the published year-one total differs
    year_one_formula: str | None = None
    ote_computed: str | None = None  # base + variable, when the published OTE differs
    cash_computed: str | None = None  # base + bonus, when a published cash total differs
    cash_formula: str | None = None
    cash_published: str | None = None

    @property
    def differs(self) -> bool:
        """A published total or year-one total that its parts do not add up to."""
        return self.total_differs or any(
            x is not None for x in (self.year_one_computed, self.ote_computed, self.cash_computed)
        )


def region_view(region: RegionBand) -> RegionView:
    bonus = region.bonus
    if bonus.kind == "percent" and bonus.percent:
        bonus_text = f"{bonus.percent} of base (target)"
    elif bonus.kind == "amount" and bonus.amount:
        bonus_text = money_range(bonus.amount)
    elif bonus.kind == "none" and not bonus.published:
        bonus_text = "not published"
    else:
        bonus_text = "none"
    years = region.stock.vesting_years if region.stock else None
    parts = ["base"]
    if region.stock and region.stock.value:
        per_year = region.stock.per_year or not (years and years > 1)
        parts.append("stock" if per_year else f"stock ÷ {years}")
    if bonus.kind != "none":
        parts.append("bonus")
    formula = " + ".join(parts)
    computed = region.computed_total()
    computed_text = None
    differs = False
    if computed is not None and region.base is not None:
        computed_text = format_range(computed[0], computed[1], region.base.currency)
        total = region.total
        if total is not None and total.currency == region.base.currency and not _open_top(region, "total"):
            differs = (computed[0], computed[1]) != (total.low.amount, total.high.amount)
    stock = region.stock
    stock_label = "Stock"
    if stock:
        stock_label = stock.kind or "Stock"
        if stock.vesting_years and not stock.per_year:
            stock_label += f", vesting over {stock.vesting_years} years"
    year_one = region.year_one_differs()
    year_one_text = year_one_formula = None
    if year_one and region.base:
        year_one_text = format_range(year_one[0], year_one[1], region.base.currency)
        year_one_formula = formula + " + sign-on"
    ote = region.ote_differs()
    ote_text = format_range(ote[0], ote[1], region.base.currency) if ote and region.base else None
    cash = region.cash_differs()
    cash_text = cash_formula = cash_published = None
    if cash:
        (low, high), cash_formula = cash
        published = region.cash_total()
        cash_text, cash_published = format_range(low, high, published.currency), str(published)
    return RegionView(
        bonus_text,
        stock_label,
        computed_text,
        formula,
        differs,
        year_one_text,
        year_one_formula,
        ote_text,
        cash_text,
        cash_formula,
        cash_published,
    )


def _open_top(region: RegionBand, kind: str) -> bool:
    cell = region.cell(kind)
    return bool(cell and cell.open_top)


def _common(resolution: Resolution, counts: tuple[int, int]) -> dict:
    shows_guide = resolution.kind in ("band", "regions") and resolution.guide is not None
    return {
        "query": resolution.query,
        "unknown": resolution.unknown,
        "corrections": resolution.corrections,
        "instead_of": resolution.instead_of,
        "currency_missing": resolution.currency_missing,
        # Words not understood, when an answer is shown anyway: its first line says they were left out.
        "ignored": resolution.unknown if shows_guide else "",
        "shown_level": resolution.level,
        "namesakes": resolution.namesakes,
        "no_headquarters": resolution.no_headquarters,
        "guide_count": counts[0],
        "company_count": counts[1],
    }


def render_resolution(
    resolution: Resolution,
    counts: tuple[int, int],
    company_slugs: dict[str, str] | None = None,
    focus: str | None = None,
    actions: dict | None = None,
    shared_by: str | None = None,
) -> list[Message]:
    """The messages for a resolved `/comp` query. `counts` is (guides, companies);
    `focus` narrows any answer about one guide to its levers or its counter script
    (with or without a region); `actions` are the buttons and menus under it (see
    `answer_actions`); `shared_by` is already mrkdwn (a validated `<@U…>` mention) for
    an answer shared in a channel. Whatever the answer shows that differs from the query
    is said in its first block (`_notice.j2`)."""
    context = _common(resolution, counts)
    context["actions"] = actions
    context["shared_by"] = Mrkdwn(shared_by) if shared_by else None
    context["focus"] = focus
    kind = resolution.kind
    guide = resolution.guide
    if focus and guide is not None and kind in ("band", "regions", "region_unknown"):
        region = resolution.region if kind == "band" else None
        if kind == "region_unknown":
            context["ignored"] = resolution.unknown
        template = {"levers": "levers.j2", "notes": "guide_notes.j2"}.get(focus, "counter_script.j2")
        return build_messages(render(template, guide=guide, region=region, standalone=True, **context))
    if kind == "band" and guide and resolution.region:
        region = resolution.region
        text = render("band.j2", guide=guide, region=region, view=region_view(region), **context)
    elif kind in ("regions", "region_unknown") and guide:
        text = _all_regions(
            guide, resolution.regions, context, unknown_region=resolution.unknown if kind == "region_unknown" else ""
        )
    elif kind in ("roles", "role_unknown", "level_unknown") and resolution.guides:
        first = resolution.guides[0]
        text = render(
            "roles.j2",
            guides=resolution.guides,
            company_name=first.company.name,
            unknown_role=resolution.unknown if kind == "role_unknown" else "",
            missing_level=resolution.asked_level if kind == "level_unknown" else "",
            asked_role=resolution.asked_role,
            levels={g.key: level_labels(g) for g in resolution.guides},
            elsewhere=resolution.elsewhere,
            unreadable=resolution.unreadable,
            **context,
        )
    elif kind == "companies":
        text = render("companies.j2", companies=resolution.companies, name=resolution.companies[0].name, **context)
    elif kind == "company_unknown":
        slugs = company_slugs or {}
        text = render(
            "not_found.j2",
            kind=kind,
            left_out=resolution.left_out,
            suggestions=resolution.suggestions,
            slugs=[slugs.get(name, name.lower()) for name in resolution.suggestions],
            **context,
        )
    else:
        text = render("help.j2", **context)
    return build_messages(text)


def _all_regions(guide: Guide, regions: list[RegionBand], context: dict, unknown_region: str) -> str:
    return render(
        "all_regions.j2",
        guide=guide,
        pairs=[(r, region_view(r)) for r in regions],
        region=None,  # no one region: the notice says a currency is missing for the role (`_notice.j2`)
        unknown_region=unknown_region,
        **context,
    )


MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_OPTIONS = 100  # a static_select's options
MAX_BUTTON_VALUE = 2000


def _option(text: str, value: str) -> dict | None:
    """A menu option within Slack's limits, or None when its value cannot fit."""
    if len(value) > MAX_OPTION_VALUE:
        return None
    label = text if len(text) <= MAX_OPTION_TEXT else text[: MAX_OPTION_TEXT - 1] + "…"
    return {"text": {"type": "plain_text", "text": label}, "value": value}


def answer_actions(
    guide: Guide, region_index: int | None, company_guides: list[Guide], ref, share: bool = True
) -> dict:
    """What the buttons and menus under an answer point at. `ref(guide, region_index)`
    encodes a view reference (see `bot.answers.ViewRef`)."""
    regions = [
        _option(f"{region.level} · {region.name}" if region.level else region.name, ref(guide, index))
        for index, region in enumerate(guide.regions)
    ]
    roles = [_option(other.role.title, ref(other, None)) for other in company_guides]
    current_region = regions[region_index] if region_index is not None else None
    current_role = next((o for o, g in zip(roles, company_guides, strict=True) if g.key == guide.key), None)
    own = ref(guide, region_index)
    fits = len(own) <= MAX_BUTTON_VALUE
    return {
        "share": share and fits,
        "ref": own,
        "regions": _at_most(regions, current_region),
        "current_region": current_region,
        "roles": _at_most(roles, current_role),
        "current_role": current_role,
        "offer": own if fits else None,
    }


def _at_most(options: list[dict | None], current: dict | None) -> list[dict]:
    """Slack's 100 options at most, the current one always among them (a menu's initial option must be)."""
    kept = [option for option in options if option][:MAX_OPTIONS]
    if current is not None and current not in kept:
        kept[-1] = current
    return kept
