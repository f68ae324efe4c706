"""Reading a DM into the case: company, role and region through the catalog's resolver,
the offer's figures (checked before they are kept), competing offers and small facts, and
the next missing piece to ask for.

The rules for figures: a figure with no word takes the kind of the last question; a figure
that cannot be meant, has no kind, or is in another currency than the band gets a question
back and changes nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.answers import Answers
from bot.coaching import intents
from bot.coaching.case import Case, CurrentJob, Rival
from bot.guides.model import Guide, RegionBand
from bot.guides.money import MoneyRange
from bot.guides.resolve import Resolution
from bot.offers.parse import Figure, Parsed
from bot.offers.sanity import implausible

OFFER_FROM_RE = re.compile(r"\boffer\s+(?:from|at|with)\s+(?P<company>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})")
YEARS_ONLY_RE = re.compile(r"^\s*(?P<years>\d{1,2})\s*(?:-?\s*(?:years?|yrs?|y))?\s*[.!]?\s*$", re.IGNORECASE)
PERCENT_ONLY_RE = re.compile(r"(?<![\w.])(?P<number>\d+(?:\.\d+)?)\s?%")
NONE_RE = re.compile(r"^\s*(?:no|none|nope|nothing|zero|n/?a|0)\b", re.IGNORECASE)
KIND_WORDS = {
    "base": "base salary",
    "equity": "equity grant",
    "bonus": "target bonus",
    "sign_on": "sign-on bonus",
    "total": "total comp",
}


class Intake:
    def __init__(self, answers: Answers) -> None:
        self.answers = answers

    def guide(self, case: Case) -> Guide | None:
        return self.answers.catalog.by_key.get(case.guide_key) if case.guide_key else None

    def region(self, case: Case) -> RegionBand | None:
        guide = self.guide(case)
        if guide is None or case.region is None:
            return None
        return next((r for r in guide.regions if r.name == case.region), None)

    def place(self, case: Case, parsed: Parsed, text: str) -> None:
        """Company, role and region from the message, through the catalog's resolver."""
        rest = parsed.rest
        if not rest.strip():
            return
        resolver = self.answers.resolver
        direct = resolver.resolve(rest)
        may_change = not case.evaluated or intents.said("correction", text)
        resolution: Resolution | None = None
        if direct.kind not in ("help", "company_unknown"):
            if case.company_slug is None or may_change:
                resolution = direct
            elif direct.guides and direct.guides[0].company.slug != case.company_slug:
                return  # another company mid-case: not this offer
        if resolution is None and case.company_slug:
            guide = self.guide(case)
            prefix = guide.key.replace("/", " ") if guide else case.company_slug
            resolution = resolver.resolve(f"{prefix} {rest}")
        if resolution is None:
            named = OFFER_FROM_RE.search(text)
            if named and case.company_slug is None and not case.company_text:
                case.company_text = named["company"].strip()[:60]
            return
        if resolution.guide is not None:
            if case.guide_key != resolution.guide.key:
                case.region = None if case.guide_key else case.region
            case.guide_key = resolution.guide.key
            case.company_slug = resolution.guide.company.slug
            case.company_text = None
        elif resolution.guides:
            case.company_slug = resolution.guides[0].company.slug
            case.company_text = None
            if len({g.key for g in resolution.guides}) == 1:
                case.guide_key = resolution.guides[0].key
        if (
            resolution.kind == "band"
            and resolution.region is not None
            and (case.region is None or may_change or case.pending == "region")
        ):
            case.region = resolution.region.name
        guide = self.guide(case)
        if guide and len(guide.regions) == 1:
            case.region = guide.regions[0].name

    def _bands(self, case: Case) -> dict[str, MoneyRange | None]:
        region = self.region(case)
        if region is None:
            return {}
        stock = region.stock.value if region.stock else None
        bonus = region.bonus.amount if region.bonus.kind == "amount" else None
        return {"base": region.base, "equity": stock, "sign_on": region.sign_on, "total": region.total, "bonus": bonus}

    def _kinded(self, case: Case, parsed: Parsed) -> list[tuple[str, Figure]]:
        """Each figure with its kind; a figure with no word takes the kind of the last question."""
        out = []
        for figure in parsed.figures:
            kind = figure.kind or (case.pending if case.pending in KIND_WORDS else None)
            if kind is None and intents.said("walk_away", parsed.rest + " " + figure.text):
                kind = "walk_away"
            out.append((kind, figure))
        return out

    def check_figures(self, case: Case, parsed: Parsed) -> dict | None:
        """A question when a figure cannot be meant, has no kind, or is in another currency."""
        if parsed.unreadable:
            return {"key": "unreadable", "figure": parsed.unreadable[0]}
        bands = self._bands(case)
        region = self.region(case)
        for kind, figure in self._kinded(case, parsed):
            if kind is None:
                if len(parsed.figures) == 1 and case.pending == "leverage":
                    return {"key": "unlabelled_rival", "figure": figure.text}
                return {"key": "unlabelled", "figure": figure.text}
            question = _other_currency(figure, region)
            if question:
                return question
            band_kind = "total" if kind == "walk_away" else kind
            amount = figure.amount * (self._years(case, parsed) if kind == "equity" and figure.per_year else 1)
            why = implausible(
                band_kind, amount, figure.currency or (region.currency if region else None), bands.get(band_kind)
            )
            if why:
                return {
                    "key": "implausible",
                    "figure": figure.text,
                    "kind": KIND_WORDS.get(kind, "walk-away"),
                    "why": why,
                    "band": bands.get(band_kind),
                }
        for rival in parsed.competing:
            for figure in rival.figures:
                question = _other_currency(figure, region)
                if question:
                    return question
                why = implausible("total", figure.amount, figure.currency, bands.get("total"))
                if why:
                    return {
                        "key": "implausible",
                        "figure": figure.text,
                        "kind": f"{rival.company} offer",
                        "why": why,
                        "band": bands.get("total"),
                    }
        return None

    def _years(self, case: Case, parsed: Parsed) -> int:
        region = self.region(case)
        guide_years = region.stock.vesting_years if region and region.stock else None
        return parsed.equity_years or case.offer.equity_years or guide_years or 4

    def take_figures(self, case: Case, parsed: Parsed, text: str) -> bool:
        """Figures into the offer. True when they change an offer already evaluated."""
        offer = case.offer.model_copy()
        changed = False
        region = self.region(case)
        for kind, figure in self._kinded(case, parsed):
            if figure.currency and offer.currency is None:
                offer.currency = figure.currency
            if kind == "walk_away":
                case.walk_away = figure.amount
            elif kind == "base":
                changed |= offer.base != figure.amount
                offer.base = figure.amount
            elif kind == "equity":
                years = self._years(case, parsed)
                amount = figure.amount * years if figure.per_year else figure.amount
                changed |= offer.equity != amount
                offer.equity, offer.equity_years, offer.no_equity = amount, years, False
            elif kind == "bonus":
                changed |= offer.bonus_amount != figure.amount
                offer.bonus_amount, offer.bonus_percent, offer.no_bonus = figure.amount, None, False
            elif kind == "sign_on":
                changed |= offer.sign_on != figure.amount
                offer.sign_on = figure.amount
        percent = parsed.bonus_percent
        if percent is None and case.pending == "bonus":
            match = PERCENT_ONLY_RE.search(text)
            percent = Decimal(match["number"]) if match else None
        if percent is not None:
            changed |= offer.bonus_percent != percent
            offer.bonus_percent, offer.bonus_amount, offer.no_bonus = percent, None, False
        if parsed.equity_years and parsed.equity_years != offer.equity_years and offer.equity:
            changed = True
            offer.equity_years = parsed.equity_years
        if case.pending == "years":
            years = YEARS_ONLY_RE.match(text)
            if years and 0 < int(years["years"]) <= 10:
                offer.equity_years = int(years["years"])
        if parsed.no_equity or (case.pending == "equity" and NONE_RE.match(text)):
            offer.no_equity, offer.equity, offer.equity_years = True, None, None
            changed = True
        if parsed.no_bonus or (case.pending == "bonus" and NONE_RE.match(text)):
            offer.no_bonus, offer.bonus_amount, offer.bonus_percent = True, None, None
        if parsed.no_sign_on:
            offer.sign_on = None
        if region and offer.currency is None:
            offer.currency = region.currency
        if offer.equity and offer.equity_years is None and region and region.stock and region.stock.vesting_years:
            offer.equity_years = region.stock.vesting_years
        case.offer = offer
        return changed and case.evaluated

    def take_facts(self, case: Case, parsed: Parsed, text: str) -> None:
        for rival in parsed.competing:
            total = next((f.amount for f in rival.figures if f.kind in (None, "total")), None)
            base = next((f.amount for f in rival.figures if f.kind == "base"), None)
            currency = next((f.currency for f in rival.figures if f.currency), None)
            known = next((r for r in case.rivals if r.company.lower() == rival.company.lower()), None)
            if known:
                known.total, known.base = total or known.total, base or known.base
            else:
                case.rivals.append(Rival(company=rival.company, total=total, base=base, currency=currency))
            case.no_alternatives = False
        if parsed.nothing_else and not parsed.competing and not case.rivals:
            case.no_alternatives = True
        if parsed.current_company:
            case.current = (case.current or CurrentJob()).model_copy(update={"company": parsed.current_company})
        if parsed.level:
            case.level = parsed.level

    def missing(self, case: Case) -> dict | None:
        """The next thing to ask, one at a time, in the order a recruiter's offer reads."""
        guide = self.guide(case)
        if case.company_slug is None and case.company_text is None:
            return {"key": "company"}
        if case.company_slug and guide is None:
            roles = [g.role.title for g in self.answers.catalog.company_guides(case.company_slug)]
            return {"key": "role", "roles": roles}
        if guide and case.region is None:
            return {"key": "region", "regions": [r.name for r in guide.regions]}
        offer = case.offer
        region = self.region(case)
        if offer.base is None:
            return {"key": "base"}
        if offer.equity is None and not offer.no_equity:
            return {"key": "equity"}
        if offer.equity and offer.equity_years is None:
            return {"key": "years"}
        if region and region.bonus.kind != "none" and offer.target_bonus() == 0 and not offer.no_bonus:
            return {"key": "bonus", "guide_bonus": region.bonus}
        if region and offer.currency and offer.currency != region.currency:
            return {
                "key": "currency",
                "figure": "your figures",
                "currency": offer.currency,
                "band_currency": region.currency,
            }
        return None


def _other_currency(figure: Figure, region: RegionBand | None) -> dict | None:
    """The question for a figure in another currency than the band it would be compared with."""
    if region and figure.currency and figure.currency != region.currency:
        return {"key": "currency", "figure": figure.text, "currency": figure.currency, "band_currency": region.currency}
    return None
