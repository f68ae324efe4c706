"""The negotiation coach: one DM turn in, one reply out, the case kept between turns.

`Coach.turn(case, text)` is the whole conversation logic, free of storage: it reads the
message (commands, figures, company/role/region, competing offers, coaching moves),
updates the case, and renders the reply from `responses/coach_*.j2`. `Coach.reply`
wraps a turn in the person's row lock (bot/store/cases.py), so turns of one person on two
processes run one after the other. A DM with no offer in it and no case open is a plain
lookup and gets the `/comp` answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from bot.answers import MAX_INPUT_CHARS, Answers
from bot.coaching import intents
from bot.coaching.case import Case
from bot.coaching.intake import Intake
from bot.coaching.placeholders import Fillers, fill
from bot.guides.model import Guide, RegionBand
from bot.guides.money import format_amount
from bot.offers.counter import CompetingOffer, Counter, build_counter
from bot.offers.evaluate import PRIVATE_EQUITY_DISCOUNT, evaluate, formulas
from bot.offers.model import Offer
from bot.offers.parse import parse_offer_text
from bot.render.blocks import Message, build_messages
from bot.render.templates import render

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    messages: list[Message]
    case: Case | None  # what to store; None leaves the store as it was
    forget: bool = False


def _m(value: int | Fraction, currency: str) -> str:
    return format_amount(Fraction(value), currency)


class Coach:
    def __init__(self, answers: Answers, cases=None, ttl_days: float = 30.0) -> None:
        self.answers = answers
        self.intake = Intake(answers)
        self.cases = cases
        self.ttl_days = ttl_days

    # --- one DM, with the store -----------------------------------------------------------------

    def reply(self, text: str, user: str, team: str = "console") -> list[Message]:
        """The reply to one DM; the case is read and written under the person's lock."""
        return self._locked(team, user, lambda case: self.turn(case, text), "coaching turn")

    def _locked(self, team: str, user: str, step: Callable[[Case], Outcome], what: str) -> list[Message]:
        """Run `step` on the person's case under their row lock and store what it returns
        (or delete the case when it says so). Every step gets a reply: a failure is logged
        by its error's name, never with the figures, and answered with `coach_error.j2`."""
        try:
            if self.cases is None:
                return step(Case()).messages
            with self.cases.locked(team, user) as slot:
                outcome = step(Case.from_stored(slot.data))
                if outcome.forget:
                    slot.delete()
                elif outcome.case is not None:
                    slot.save(outcome.case.to_stored())
            return outcome.messages
        except Exception as exc:
            log.error("%s failed: %s", what, type(exc).__name__, exc_info=log.isEnabledFor(logging.DEBUG))
            return build_messages(render("coach_error.j2"))

    # --- the offer form and the person's case outside the DM -----------------------------------------

    def start_from_form(self, team: str, user: str, guide_key: str, region_name: str, offer: Offer) -> list[Message]:
        """An offer stated in a form (already checked, see bot/offers/form.py) becomes the
        person's case, evaluated: the reply the DM shows. A case about the same guide keeps
        what the person said besides the offer (other offers, current company, walk-away)."""
        guide = self.answers.catalog.by_key.get(guide_key)
        if guide is None or not any(region.name == region_name for region in guide.regions):
            return build_messages(render("coach_error.j2"))
        return self._locked(
            team, user, lambda case: self._from_form(case, guide, region_name, offer), "offer form case"
        )

    def _from_form(self, before: Case, guide: Guide, region_name: str, offer: Offer) -> Outcome:
        case = Case(company_slug=guide.company.slug, guide_key=guide.key, region=region_name, offer=offer)
        if before.guide_key == guide.key:
            case.rivals = before.rivals
            case.no_alternatives = before.no_alternatives
            case.current_company = before.current_company
            case.walk_away = before.walk_away
            case.level = before.level
        return self._evaluation(case)

    def open_case(self, team: str, user: str) -> dict | None:
        """What the coach holds about the person (the summary `coach_status.j2` shows), or
        None when nothing is stored."""
        stored = self.cases.load(team, user) if self.cases is not None else None
        case = Case.from_stored(stored)
        if case.is_empty:
            return None
        return {**self._summary(case), "ttl_days": self.ttl_days}

    def forget(self, team: str, user: str) -> bool:
        """Delete everything stored about the person; True when there was something."""
        return bool(self.cases is not None and self.cases.forget(team, user))

    # --- one DM, pure -----------------------------------------------------------------------------

    def turn(self, case: Case, text: str) -> Outcome:
        text = (text or "")[:MAX_INPUT_CHARS]
        command = intents.command(text)
        if case.pending == "forget":
            return self._forget_answer(case, text)
        if command:
            return self._command(command, case)
        if intents.said("scope", text):
            return Outcome(self._render("coach_scope.j2", **self._summary(case)), None)

        parsed = parse_offer_text(text)
        opens_case = parsed.has_offer_figures or parsed.competing or intents.said("offerish", text)
        if case.is_empty and not opens_case:
            lookup = self.answers.resolver.resolve(text) if text.strip() else None
            lookup_kinds = ("band", "regions", "roles", "region_unknown", "role_unknown", "level_unknown", "companies")
            if lookup and lookup.kind in lookup_kinds:
                return Outcome(self.answers.mention(text), None)
            return Outcome(self._render("coach_help.j2", intro=True, **self._summary(case)), None)

        if not opens_case and case.pending not in ("company", "role", "region") and self._plain_lookup(text):
            return Outcome(self.answers.mention(text), None)

        case = case.model_copy(deep=True)
        self.intake.place(case, parsed, text)
        question = self.intake.check_figures(case, parsed)
        if question:
            return Outcome(self._render("coach_question.j2", **question, **self._summary(case)), case)
        revised = self.intake.take_figures(case, parsed, text)
        self.intake.take_facts(case, parsed, text)

        missing = self.intake.missing(case)
        if missing:
            case.pending = missing["key"]
            return Outcome(self._render("coach_question.j2", **missing, **self._summary(case)), case)
        case.pending = None if case.pending != "leverage" else case.pending

        if not case.evaluated or (revised and not case.at_least("counter")):
            return self._evaluation(case)
        if revised:
            return self._close(case, revised=True)
        if intents.said("email", text):
            return self._words(case, "coach_email.j2")
        if intents.said("phone", text):
            return self._words(case, "coach_phone.j2")
        if intents.said("pushback", text):
            return self._pushback(case, intents.fixed_part(text))
        if intents.said("accepted", text):
            return self._close(case, revised=False)
        if intents.said("counter", text) or parsed.competing or parsed.nothing_else or parsed.current_company:
            return self._counter(case)
        return Outcome(self._render("coach_next.j2", **self._summary(case), clarified=bool(parsed.level)), case)

    def _plain_lookup(self, text: str) -> bool:
        """Only company/role/region words, no coaching move: `planetscale ml remote`."""
        if any(intents.said(name, text) for name in ("email", "phone", "pushback", "counter", "accepted", "clarify")):
            return False
        resolution = self.answers.resolver.resolve(text)
        return resolution.kind in ("band", "regions", "roles") and not resolution.unknown

    # --- commands ---------------------------------------------------------------------------------

    def _command(self, command: str, case: Case) -> Outcome:
        if command == "help":
            return Outcome(self._render("coach_help.j2", intro=False, **self._summary(case)), None)
        if command == "status":
            return Outcome(self._render("coach_status.j2", **self._summary(case), ttl_days=self.ttl_days), None)
        if command == "start_over":
            return Outcome(self._render("coach_forget.j2", step="start_over", had=not case.is_empty), None, forget=True)
        if case.is_empty:
            return Outcome(self._render("coach_forget.j2", step="nothing"), None)
        case = case.model_copy()
        case.pending = "forget"
        return Outcome(self._render("coach_forget.j2", step="confirm"), case)

    def _forget_answer(self, case: Case, text: str) -> Outcome:
        if intents.is_yes(text) or intents.command(text) == "forget":
            return Outcome(self._render("coach_forget.j2", step="done"), None, forget=True)
        case = case.model_copy()
        case.pending = None
        return Outcome(self._render("coach_forget.j2", step="kept"), case)

    def _guide(self, case: Case) -> Guide | None:
        return self.intake.guide(case)

    def _region(self, case: Case) -> RegionBand | None:
        return self.intake.region(case)

    # --- replies ----------------------------------------------------------------------------------

    def _render(self, template: str, **context) -> list[Message]:
        return build_messages(render(template, **context))

    def _summary(self, case: Case) -> dict:
        guide = self._guide(case)
        region = self._region(case)
        currency = case.offer.currency or (region.currency if region else "USD")
        offer = case.offer
        lines = []
        if offer.base is not None:
            lines.append(("Base", _m(offer.base, currency)))
        if offer.equity:
            lines.append(("Equity", f"{_m(offer.equity, currency)} over {offer.equity_years or '?'} years"))
        elif offer.no_equity:
            lines.append(("Equity", "none"))
        if offer.bonus_percent is not None:
            lines.append(("Bonus", f"{format(offer.bonus_percent.normalize(), 'f')}% of base"))
        elif offer.bonus_amount:
            lines.append(("Bonus", _m(offer.bonus_amount, currency)))
        if offer.sign_on:
            lines.append(("Sign-on", _m(offer.sign_on, currency)))
        rivals = [
            (
                r.company,
                _m(r.total, r.currency or currency) if r.total else None,
                _m(r.base, r.currency or currency) if r.base else None,
            )
            for r in case.rivals
        ]
        return {
            "case": case,
            "guide": guide,
            "region": region,
            "company": guide.company.name if guide else case.company_text,
            "offer_lines": lines,
            "rivals": rivals,
            "walk_away": _m(case.walk_away, currency) if case.walk_away else None,
        }

    def _evaluation(self, case: Case) -> Outcome:
        guide, region = self._guide(case), self._region(case)
        evaluation = evaluate(case.offer, guide, region)
        first_time = not case.evaluated
        case.first_offer = case.offer.model_copy()
        case.stage = "leverage"
        case.pending = "leverage"
        messages = self._render(
            "coach_evaluation.j2",
            ev=evaluation,
            discount_percent=int(PRIVATE_EQUITY_DISCOUNT * 100),
            first_time=first_time,
            **self._summary(case),
        )
        return Outcome(messages, case)

    def _counter_for(self, case: Case) -> Counter | None:
        guide, region = self._guide(case), self._region(case)
        if guide is None or region is None:
            return None
        # The counter starts from the offer on the table now (the revised one after a round).
        base_offer = case.offer
        rivals = [
            CompetingOffer(r.company, r.total, r.base)
            for r in case.rivals
            if (r.currency or region.currency) == region.currency
        ]
        return build_counter(base_offer, guide, region, rivals, walk_away=case.walk_away)

    def _counter(self, case: Case) -> Outcome:
        counter = self._counter_for(case)
        if counter is None:
            return Outcome(self._render("coach_no_guide.j2", **self._summary(case)), case)
        case.stage = "counter"
        case.pending = None
        offered_formula, _ = formulas(counter.offered, counter.currency)
        asked_formula, _ = formulas(counter.asked, counter.currency)
        messages = self._render(
            "coach_counter.j2",
            counter=counter,
            offered_formula=offered_formula,
            asked_formula=asked_formula,
            cur=counter.currency,
            **self._summary(case),
        )
        return Outcome(messages, case)

    def _fillers(self, case: Case, counter: Counter) -> Fillers:
        guide = self._guide(case)
        best = max(case.rivals, key=lambda r: r.total or 0, default=None)
        return Fillers(
            current_company=case.current_company,
            competing_company=best.company if best else None,
            competing_total=_m(best.total, best.currency or counter.currency) if best and best.total else None,
            target_total=_m(counter.asked.annualized(), counter.currency),
            company=guide.company.name if guide else None,
            role=guide.role.title if guide else None,
        )

    def _words(self, case: Case, template: str) -> Outcome:
        counter = self._counter_for(case)
        if counter is None:
            return Outcome(self._render("coach_no_guide.j2", **self._summary(case)), case)
        guide = self._guide(case)
        fillers = self._fillers(case, counter)
        levers = [(lever.title, fill(lever.script, fillers)) for lever in guide.levers]
        quote = fill(guide.negotiate_up.quote, fillers) if guide.negotiate_up else None
        asked_formula, _ = formulas(counter.asked, counter.currency)
        if not case.at_least("counter"):
            case.stage = "counter"
        messages = self._render(
            template,
            counter=counter,
            levers=levers,
            quote=quote,
            asked_formula=asked_formula,
            cur=counter.currency,
            anchor=counter.targets[-1],
            **self._summary(case),
        )
        return Outcome(messages, case)

    def _pushback(self, case: Case, fixed: str) -> Outcome:
        counter = self._counter_for(case)
        if counter is None:
            return Outcome(self._render("coach_no_guide.j2", **self._summary(case)), case)
        guide, region = self._guide(case), self._region(case)
        cur = counter.currency
        offered, asked = counter.offered, counter.asked
        base_gap = (asked.base or 0) - (offered.base or 0)
        equity_gap = (asked.equity or 0) - (offered.equity or 0)
        case.stage = "pushback"
        fillers = self._fillers(case, counter)
        messages = self._render(
            "coach_pushback.j2",
            fixed=fixed,
            counter=counter,
            cur=cur,
            base_gap=base_gap,
            equity_gap=equity_gap,
            base_gap_text=_m(base_gap, cur),
            equity_gap_text=_m(equity_gap, cur),
            equity_ask=_m(asked.equity or 0, cur),
            sign_on_band=region.sign_on if region else None,
            levers=[(lever.title, fill(lever.script, fillers)) for lever in guide.levers][:2],
            **self._summary(case),
        )
        return Outcome(messages, case)

    def _close(self, case: Case, revised: bool) -> Outcome:
        first = case.first_offer or case.offer
        current = case.offer
        cur = current.currency or first.currency or "USD"
        first_formula, first_year_formula = formulas(first, cur)
        now_formula, now_year_formula = formulas(current, cur)
        gain = current.annualized() - first.annualized()
        gain_year = current.year_one() - first.year_one()
        case.stage = "close"
        evaluation = evaluate(current, self._guide(case), self._region(case))
        messages = self._render(
            "coach_close.j2",
            revised=revised,
            ev=evaluation,
            first_formula=first_formula,
            now_formula=now_formula,
            first_year_formula=first_year_formula,
            now_year_formula=now_year_formula,
            gain=_m(gain, cur),
            gain_year=_m(gain_year, cur),
            gain_positive=gain > 0,
            gain_value=gain,
            private=evaluation.private,
            **self._summary(case),
        )
        return Outcome(messages, case)
