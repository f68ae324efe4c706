"""The negotiation coach: one DM turn in, one reply out, the case kept between turns.

`Coach.turn(case, text)` is the whole conversation logic, free of storage: the message is
understood (bot/understanding: an intent and entities with roles), its intent picks a
handler (`Coach._handlers`; statements go to `Coach._statement`), the case changes only
through the operations in bot/coaching/operations.py, which name every change back, and
the reply is rendered from `responses/coach_*.j2` (questions by topic from
bot/coaching/questions.py). The question just asked (`Case.pending`) is the dialogue state
a bare answer (`175`, `none`, `skip`) fills. `Coach.reply`
wraps a turn in the person's row lock (bot/store/cases.py), so turns of one person on two
processes run one after the other. A DM with no offer in it and no case open is a plain
lookup and gets the `/comp` answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from bot.answers import MAX_INPUT_CHARS, Answers
from bot.coaching import operations, questions, rivals
from bot.coaching.case import Case, Note, Rival
from bot.coaching.intake import NO_GUIDE, Intake, Placed
from bot.coaching.operations import MONEY_SLOTS, PART_WORDS, Applied
from bot.coaching.placeholders import Fillers, asks_for_fixed, fill, script_levers
from bot.guides.model import Guide, RegionBand
from bot.guides.money import CURRENCIES, format_amount
from bot.guides.resolve import normalize
from bot.offers.counter import CompetingOffer, Counter, build_counter, hold, plan_in
from bot.offers.evaluate import PRIVATE_EQUITY_DISCOUNT, evaluate, formulas
from bot.offers.model import Offer
from bot.render.blocks import Message, build_messages, is_directive, lead_with
from bot.render.fixed import coach_error
from bot.render.templates import render
from bot.understanding.entities import Context, initials, parts_named
from bot.understanding.intents import OFFER_WORDS_RE, QUESTION_RE, QUESTIONS
from bot.understanding.model import CURRENT, OFFER, Amount, Utterance
from bot.understanding.reader import understand

log = logging.getLogger(__name__)
# Resolutions a DM with no case open answers as the `/comp` lookup it is.
ORDINAL_WORDS = {1: "the first", 2: "the second", 3: "the third", 4: "the fourth", -1: "the last"}
LOOKUP_KINDS = ("band", "regions", "roles", "region_unknown", "role_unknown", "level_unknown", "companies")
# A one-part answer to "Is 175 the base salary, …?" is short: `base`, `it is the signing bonus`.
ANSWER_WORDS = 6
FORGET_YES = {"yes forget me", "yes delete", "yes delete it", "delete it", "yes please delete"}
# A question about the person's own grant, not about vesting terms in general.
OWN_TERMS_RE = re.compile(
    r"\b(?:my|mine|our|their|they|they're|theirs|it's|its|it has|it is|this"
    r"|the (?:offer|grant|rsus?|options?|equity|stock)|i (?:have|got|get)|i'm getting|comes with|includes?"
    r"|with (?:a|an)\b.*\b(?:cliff|vest))\b",
    re.I,
)
PRICE_TEXT_RE = re.compile(r"(?P<cur>[$€£₹])?\s*(?P<n>\d{1,6}(?:\.\d{1,4})?)\b")
PER_SHARE_RE = re.compile(r"\b(?:per|a|each|/)\s*(?:share|option|unit)\b|\bstrike\b|\bprice\b|\b409a\b", re.I)
SLOT_WORDS = {
    "base": "the base salary",
    "equity": "the equity grant",
    "years": "the vesting years",
    "bonus": "the target bonus",
    "sign_on": "the sign-on",
    "shares": "the shares' value",
    "region": "the location",
    "role": "the role",
    "company": "the company",
    "currency": "the currency",
}


@dataclass
class Outcome:
    messages: list[Message]
    case: Case | None  # what to store; None leaves the store as it was
    forget: bool = False


# "I'm negotiating an offer", "help me negotiate my offer", "weighing this new offer": an offer the person
# holds, named without figures (not "my dog ate my offer letter")
HELD_OFFER_RE = re.compile(
    r"\b(?:negotiat\w*|got|have|received|considering|weighing|evaluating|deciding\s+on|reviewing|looking\s+at)\b"
    r"[^.?!]{0,30}\b(?:my|an?|the|this)\s+(?:\w+\s+)?offer\b(?!\s+letter)",
    re.I,
)


def _m(value: int | Fraction, currency: str) -> str:
    return format_amount(Fraction(value), currency)


def _parts_text(package, currency: str) -> str:
    cur = package.currency or currency
    parts = []
    if package.base is not None:
        parts.append(f"base {_m(package.base, cur)}")
    if package.equity:
        parts.append(f"equity {_m(package.equity, cur)} over {package.equity_years or '?'} years")
    if package.bonus_percent is not None:
        parts.append(f"bonus {format(package.bonus_percent.normalize(), 'f')}%")
    elif package.bonus_amount:
        parts.append(f"bonus {_m(package.bonus_amount, cur)}")
    if package.sign_on:
        parts.append(f"sign-on {_m(package.sign_on, cur)}")
    if package.total is not None:
        parts.append(f"total {_m(package.total, cur)} (as you stated it)")
    return ", ".join(parts)


def _strike_text(value: Decimal, currency: str) -> str:
    """A strike price typed with no currency sign (`strike 1.20`), written in the offer's
    currency with its cents kept: `$1.20`."""
    if value == int(value):
        return format_amount(Fraction(value), currency)
    symbol, is_word = CURRENCIES.get(currency, (currency, True))  # `CHF 1.20`, `$1.20`
    return f"{symbol} {value:.2f}" if is_word else f"{symbol}{value:.2f}"


def _part_of_the_figure_asked(case: Case, u: Utterance) -> tuple[Case, Utterance]:
    """Answering "Is 175 the base salary, the equity grant, a bonus or a sign-on?" with the part
    alone (`base`, `it's the signing bonus`): the figure asked about is that part. Figures
    stated in answer replace it (`175 base`); `skip` drops it; anything else leaves the
    question open (`Intake.missing` asks it again)."""
    figure = case.figure_asked
    if figure is None:
        return case, u
    parts = parts_named(u.text)
    if u.amounts and case.pending == "unlabelled":
        # the figures stated afresh ("180k base actually", the figure again, a correction) replace it; other parts
        # ("30k sign-on", "ESOPs ₹48 L") are noted and the question is asked again (`Intake.missing`)
        afresh = u.intent == "correction" or any(
            a.holder == OFFER and (a.component in (None, "base") or figure.value in (a.value, a.value * 1000))
            for a in u.amounts
        )
        return (case.model_copy(update={"figure_asked": None}), u) if afresh else (case, u)
    if u.amounts or u.intent in QUESTIONS or len(parts) != 1 or len(u.text.split()) > ANSWER_WORDS:
        return case, u  # not an answer: the question stands (`skip` lets the figure go)
    amount = Amount(OFFER, parts[0], figure.value, "money", currency=figure.currency, text=figure.text)
    return case.model_copy(update={"figure_asked": None}), replace(u, intent="answer", amounts=[amount])


A_SHARES_PRICE_RE = re.compile(
    r"\b(?:preferred|409a|fmv|fair\s+market|share\s+price|price\s+(?:per|a)\s+share|(?:per|a)\s+share)\b", re.I
)


def _strike_value(strike: str | None) -> Fraction | None:
    """`$1.85` -> 1.85: the strike kept with the grant, as a number to take off an option's price."""
    found = re.search(r"\d+(?:\.\d+)?", (strike or "").replace(",", ""))
    return Fraction(found[0]) if found else None


def _share_price(u: Utterance) -> tuple[Fraction, str | None] | None:
    """A price or value for shares: the first money figure read, or one with cents the
    understanding layer keeps verbatim as not a whole amount (`$2.50`): a share's price has
    cents. Returns the value and, for such a figure, how it was written."""
    amount = next((a for a in u.amounts if a.unit == "money"), None)
    if amount is not None:
        return Fraction(amount.value), None
    for written in u.unreadable:
        match = PRICE_TEXT_RE.search(written)
        if match and "." in match["n"]:
            return Fraction(match["n"]), written.strip()
    return None


class Coach:
    def __init__(self, answers: Answers, cases=None, ttl_days: float = 30.0) -> None:
        self.answers = answers
        self.intake = Intake(answers)
        self._place_words: frozenset[str] | None = None
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
                slot.reply = outcome.messages
            return outcome.messages
        except Exception as exc:
            log.error("%s failed: %s", what, type(exc).__name__, exc_info=log.isEnabledFor(logging.DEBUG))
            return coach_error()

    # --- the offer form and the person's case outside the DM -----------------------------------------

    def start_from_form(self, team: str, user: str, guide_key: str, region_name: str, offer: Offer) -> list[Message]:
        """An offer stated in a form (already checked, see bot/offers/form.py) becomes the
        person's case, evaluated: the reply the DM shows. A case about the same guide keeps
        what the person said besides the offer (other offers, current company, walk-away)."""
        guide = self.answers.catalog.by_key.get(guide_key)
        if guide is None or not any(region.name == region_name for region in guide.regions):
            return coach_error()
        return self._locked(
            team, user, lambda case: self._from_form(case, guide, region_name, offer), "offer form case"
        )

    def _from_form(self, before: Case, guide: Guide, region_name: str, offer: Offer) -> Outcome:
        case = Case(company_slug=guide.company.slug, guide_key=guide.key, region=region_name, offer=offer)
        if before.guide_key == guide.key:
            case.rivals = before.rivals
            case.no_alternatives = before.no_alternatives
            case.current = before.current
            case.notes = before.notes
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
        """One message: understood (bot/understanding), then handled by its intent's handler."""
        text = (text or "")[:MAX_INPUT_CHARS]
        u = understand(text, self._context(case))
        if case.pending == "forget":
            return self._forget_answer(case, u)
        if self.intake.not_the_company(case, text):
            return self._not_the_company(case, u, text)
        instead = self.intake.company_instead(case, text)
        if instead is not None:
            return self._company_instead(case, u, *instead)
        matched = rivals.matched_rival(case, text)
        if matched is not None:
            return self._matched(case, u, *matched)
        case, u = rivals.offer_chosen(case, u, self.intake.names_a_company)
        case, u = _part_of_the_figure_asked(case, u)
        level = self.intake.band_level_named(case, text)
        if level is not None:  # "IC4", answering which of the place's bands is the offer's
            case = case.model_copy(deep=True)
            case.region_level = level
            return self._after_update(case, replace(u, intent="offer"), Applied([f"level {level}"]))
        handler = self._handlers.get(u.intent, Coach._statement)
        return handler(self, case, u, text)

    def _context(self, case: Case) -> Context:
        guide = self._guide(case)
        names = set()
        if guide:
            names |= {guide.company.name.lower(), guide.company.slug.lower(), guide.company.slug.replace("-", " ")}
            short = initials(guide.company.name)  # "ps 180k, figma 175k": PlanetScale by its initials
            if short:
                names.add(short)
        if case.company_text:
            names.add(case.company_text.lower())
        return Context(
            pending=case.pending,
            company_names=frozenset(names),
            rival_names=tuple(r.company for r in case.rivals),
            known_words=self._known_words(),
        )

    def _known_words(self) -> frozenset[str]:
        """Region and role words from the catalog, so "actually it's Dublin" reads as a place."""
        if self._place_words is None:
            words: set[str] = set()
            for guide in self.answers.catalog.guides:
                for region in guide.regions:
                    words |= set(normalize(region.name).split())
            self._place_words = frozenset(w for w in words if len(w) > 2 and not w.isdigit())
        return self._place_words

    # --- handlers, by intent ----------------------------------------------------------------------

    def _on_command(self, case: Case, u: Utterance, text: str) -> Outcome:
        return self._command(u.intent, case)

    def _on_question(self, case: Case, u: Utterance, text: str) -> Outcome:
        """A question by topic: answered from the guide's sections and the case
        (bot/coaching/questions.py). Facts the question states about the person's own grant
        ("my grant vests 5/15/40/40, what about year 1?") are kept; terms asked about in general
        ("what does a 1 year cliff mean?") are answered, not kept."""
        stored = None
        states_terms = u.schedule or u.cliff_months is not None or u.grant_type
        if u.intent == "level" and u.level and not case.is_empty and OWN_TERMS_RE.search(u.text):
            stored = case.model_copy(deep=True)  # "they leveled me at L4, should I ask for L5?": L4 is theirs
            operations.details(stored, replace(u, amounts=[], notes=[], schedule=None, cliff_months=None), Applied())
            case = stored
        if u.intent == "vesting" and states_terms and not case.is_empty:
            terms = case.model_copy(deep=True)
            operations.details(terms, replace(u, amounts=[], notes=[], level=None), Applied())
            stored = terms if OWN_TERMS_RE.search(u.text) else None
            case = terms
        told_now = [a for a in u.amounts if a.holder == CURRENT]
        if u.intent == "salary_history" and told_now and not case.is_empty:
            # "they asked what i make now ... do i have to tell her?? its only 52k": today's pay, told: kept
            stored = case.model_copy(deep=True)
            done = operations.apply(
                stored,
                replace(u, intent="current", amounts=told_now, notes=[]),
                self._region(stored),
                self.intake.bands(stored),
            )
            if done.lines:
                reply = questions.answer(u.intent, stored, self._guide(stored), self._region(stored))
                note = render("_coach_changes.j2", changes=done.lines)
                head, _, rest = reply.partition("\n")
                reply = f"{head}\n{note}\n{rest}" if is_directive(head, "header") else f"{note}\n{reply}"
                return Outcome(build_messages(reply), stored)
            stored = None
        asked_about = self._figures_asked_about(case, u) if u.intent == "good" else None
        if asked_about is not None:
            hypothetical, words = asked_about
            reply = questions.answer(u.intent, hypothetical, self._guide(case), self._region(case))
            head, _, rest = reply.partition("\n")
            note = render("_coach_changes.j2", changes=[f"placing the figures you asked about ({words}); not kept"])
            reply = f"{head}\n{note}\n{rest}" if is_directive(head, "header") else f"{note}\n{reply}"
            return Outcome(build_messages(reply), stored)
        reply = questions.answer(u.intent, case, self._guide(case), self._region(case))
        return Outcome(build_messages(reply), stored)

    def _figures_asked_about(self, case: Case, u: Utterance) -> tuple[Case, str] | None:
        """ "Is 170k base good for remote?": the offer's figures a question names, placed on a
        copy of the case (the reply says so first; the case keeps what the person stated as
        the offer). None when the question names no figure the case does not already hold."""
        if not u.amounts or case.company_slug is None:
            return None
        named = [a for a in u.amounts if a.holder == OFFER and a.component in MONEY_SLOTS and a.unit == "money"]
        if not named or len(named) != len(u.amounts):
            return None
        copy = case.model_copy(deep=True)
        done = operations.apply(copy, replace(u, intent="offer", notes=[]), self._region(copy), self.intake.bands(copy))
        if done.question or not done.offer_changed:
            return None
        self._defaults(copy, Applied())
        return copy, "; ".join(line for line in done.lines)

    def _on_greeting(self, case: Case, u: Utterance, text: str) -> Outcome:
        return Outcome(self._render("coach_help.j2", intro=True, **self._summary(case)), None)

    def _on_other(self, case: Case, u: Utterance, text: str) -> Outcome:
        """Nothing the coach can act on: a band lookup when the words name one, else where we are."""
        lookup = self.answers.resolver.resolve(text) if text.strip() else None
        if case.is_empty and u.unreadable:  # "planetscale ml remote, offer: 175/90/20": asked, not looked up
            return self._statement(case, u, text)
        if case.is_empty:
            if lookup and lookup.kind in LOOKUP_KINDS:
                return Outcome(self.answers.mention(text), None)
            if HELD_OFFER_RE.search(text) and not QUESTION_RE.search(text):
                # "I'm negotiating an offer": theirs, so the case opens and its first question is asked
                return self._after_update(case.model_copy(deep=True), replace(u, intent="offer"), Applied())
            return Outcome(self._render("coach_help.j2", intro=True, **self._summary(case)), None)
        missing = self.intake.missing(case) if not case.evaluated else None
        # (a company no guide covers has no location to ask for)
        unplaced = case.company_text is None and (case.company_slug is None or case.region is None)
        placeable = lookup is not None and lookup.kind in ("band", "regions", "roles")
        # "location is syd" with no band placed yet: kept (and said) even while another question is open
        located = case.region is None and self.intake.place_named(text) is not None
        known = lookup is not None and lookup.kind in ("band", "regions", "roles") and not lookup.unknown
        if case.pending in ("company", "role", "region") and QUESTION_RE.search(text) and not known and missing:
            # "what do you mean?" answers no "which company?": the question stands, nothing is taken as a name
            return Outcome(self._render("coach_question.j2", **missing, unread=True, **self._summary(case)), None)
        if case.pending in ("company", "role", "region") or u.unreadable or (unplaced and placeable) or located:
            # a company, role or location still missing is taken even when another question came last
            return self._statement(case, u, text)
        if case.pending == "shares" and self._answers_shares(u):
            return self._statement(case, u, text)
        if missing is not None and missing["key"] == case.pending:
            # "equity? none, its all cash" unread: the question stands, not a menu of later steps
            return Outcome(self._render("coach_question.j2", **missing, unread=True, **self._summary(case)), None)
        if lookup and lookup.kind in ("band", "regions", "roles") and not lookup.unknown:
            return Outcome(self.answers.mention(text), None)
        return Outcome(self._render("coach_next.j2", **self._summary(case), clarified=False), case)

    def _on_skip(self, case: Case, u: Utterance, text: str) -> Outcome:
        """`skip` / `don't know`: the pending question is marked skipped and not asked again
        in this stage; the coach moves on."""
        if case.is_empty:
            return self._on_other(case, u, text)
        case = case.model_copy(deep=True)
        slot = case.pending
        if slot and slot not in case.skipped and slot not in ("forget", "leverage", "unlabelled"):
            case.skipped.append(slot)
        if slot == "shares":
            case.shares = None
        changes = [f"skipped: {SLOT_WORDS.get(slot, slot)}"] if slot and slot in SLOT_WORDS else []
        if slot == "unlabelled" and case.figure_asked:
            changes = [f"left out: {case.figure_asked.text}, as you skipped saying what it is"]
            case.figure_asked = None
        case.pending = None
        if slot == "years":
            assumed = Applied()
            operations.assume_vesting_years(case, assumed)
            changes += assumed.lines
        if slot == "leverage":
            return self._counter(case, changes)
        return self._after_update(case, u, Applied(lines=changes))

    def _statement(self, case: Case, u: Utterance, text: str) -> Outcome:
        """Offers, rivals, the current job, answers, corrections, pushbacks, details and
        coaching moves: the case is updated by operations (bot/coaching/operations.py) and the
        reply names what changed."""
        opens = u.amounts or u.rivals or u.current_company or OFFER_WORDS_RE.search(u.text) or u.none_of or u.unreadable
        if case.is_empty and not opens and u.intent not in ("answer",):
            return self._on_other(case, u, text)
        if case.is_empty and u.intent in ("counter", "email", "phone", "accepted", "pushback"):
            if not any(a.holder == OFFER for a in u.amounts):
                if u.intent == "counter" and HELD_OFFER_RE.search(u.text):
                    # "I'm negotiating an offer", "help me negotiate my offer": theirs, so the case opens
                    # and its first question is asked; the next message ("it's from planetscale") answers it
                    return self._after_update(case.model_copy(deep=True), replace(u, intent="offer"), Applied())
                return Outcome(self._render("coach_help.j2", intro=True, **self._summary(case)), None)
            # "what's a good counter for planetscale ml sf if they offered 180k?", "I accepted 180k base at
            # X": the offer comes first, never dropped for the introduction
            u = replace(u, intent="offer")
        refused_line = None
        if u.intent == "pushback" and u.refused_asks and not u.fixed:
            refused = self._refused_by_place(case, u.refused_asks)
            if isinstance(refused, Outcome):
                return refused
            u, refused_line = replace(u, fixed=refused[0]), refused[1]
        case = case.model_copy(deep=True)
        read_before = (case.company_slug, case.company_read_as)
        placed = self.intake.place(case, u, text) if self._may_place(case, u) else Placed(None, [])
        moved = placed.said
        read_as = case.company_read_as if (case.company_slug, case.company_read_as) != read_before else None
        recurrency = self._band_currency(case)  # a new band in another currency than the one assumed
        if case.pending == "shares" and self._answers_shares(u):
            done = self._share_value(case, u)
        elif case.pending == "years" and u.intent == "answer" and (case.offer.equity or case.equity_yearly):
            done = self._years_answer(case, u)
        elif u.intent == "answer" and u.answer == "none" and case.pending in MONEY_SLOTS:
            done = operations.none_answer(case, case.pending)
        else:
            done = operations.apply(case, u, self._region(case), self.intake.bands(case))
            if (
                case.shares is not None
                and done.question is not None
                and done.question.get("key") == "shares"
                and (u.share_price is not None or u.strike_price is not None)
            ):
                # a count with its price or strike in the same message ("25,000 ISOs at a strike of $0.85;
                # the latest 409A is $3.40 per share"): valued, or the strike kept, at once
                priced = self._share_value(case, replace(u, amounts=[]))  # the other figures are placed
                done.question = priced.question
                for line in priced.lines:
                    done.say(line)
                done.offer_changed = done.offer_changed or priced.offer_changed
            if u.unreadable:
                figure = u.unreadable[0]  # never dropped without a word; "$-5k" is no pay at all, not 5k
                negative = bool(re.match(r"\D?[-−]", figure))
                done.ask(
                    {
                        "key": "unreadable",
                        "figure": figure,
                        "negative": negative,
                        "slashed": "/" in figure,
                        "ranged": figure in u.ranges,
                    }
                )
        self._defaults(case, done)
        if refused_line:
            done.lines.insert(0, refused_line)  # how "the second" was read, before what it fixed
        if moved:
            done.say(moved)
        if recurrency:
            done.say(recurrency)
        if placed.note:
            done.say(placed.note)
        outcome = self._after_update(case, u, done, region_changed=bool(moved and case.evaluated))
        if read_as or placed.readings:
            return self._read_as_first(outcome, case, read_as, placed.readings)
        return outcome

    def _refused_by_place(self, case: Case, places: list[int]) -> tuple[list[str], str] | Outcome:
        """ "They said yes to the first one but not the second": the parts refused, by their place among the
        asks of the counter as it stands, with the reading said; with no counter, or no ask at that place,
        the question which part they said no to (nothing is fixed on a guess)."""
        counter = self._script_counter(case) if case.offer.base is not None else None
        asks = [ask for ask in counter.asks if not ask.held] if counter else []
        chosen = [asks[place if place < 0 else place - 1] for place in places if -len(asks) <= place <= len(asks)]
        if not chosen or len(chosen) < len(places):
            return Outcome(self._render("coach_which_refused.j2", asks=asks, **self._summary(case)), None)
        named = ", then ".join(PART_WORDS[ask.key] for ask in asks)
        pairs = zip(places, chosen, strict=True)
        said = " and ".join(f"{ORDINAL_WORDS[place]} read as the {PART_WORDS[ask.key]}" for place, ask in pairs)
        return [ask.key for ask in chosen], f"{said} (the counter asks {named})"

    def _read_as_first(
        self, outcome: Outcome, case: Case, company_typed: str | None, readings: list[tuple[str, str]]
    ) -> Outcome:
        """Words read as typos of a guide's: said on the reply's first line, before anything from
        that guide; a company ("scale" as PlanetScale) with the way back (`not PlanetScale`), a
        role or location ("remoet" as Remote US) as a correction would put it right."""
        guide = self._guide(case)
        name = guide.company.name if guide else case.company_slug
        note = render("_coach_read_as.j2", typed=company_typed, company=name, readings=readings)
        return replace(outcome, messages=lead_with(note, outcome.messages))

    def _not_the_company(self, case: Case, u: Utterance, text: str) -> Outcome:
        """ "not PlanetScale" after a company was read from a typo: the words typed are the
        company, one no guide covers."""
        return self._company_instead(case, u, case.company_read_as, [], word="not")

    def _matched(self, case: Case, u: Utterance, rival: Rival, parts: tuple[str, ...]) -> Outcome:
        """ "They matched Datadog's base": the offer's part takes the other offer's figure (bot/coaching/rivals.py)."""
        case = case.model_copy(deep=True)
        return self._after_update(case, replace(u, intent="revised"), rivals.match(case, rival, parts))

    def _company_instead(self, case: Case, u: Utterance, name: str, guides: list[Guide], word: str = "was") -> Outcome:
        """The offer's company replaced: what the old company's guide gave the case (role,
        location, its evaluation) goes with it, and the offer's figures stay, placed afresh in
        the new company's band (its guides, `guides`: the role is asked when it has several) or
        totalled without one."""
        case = case.model_copy(deep=True)
        old = self._company_name(case)
        case.company_slug = case.guide_key = case.region = case.company_read_as = case.company_text = None
        case.role_uncovered_at = None
        case.first_offer, case.stage, case.headquarters_unknown = None, "intake", False
        if guides:
            company = guides[0].company
            case.company_slug = company.slug
            if len(guides) == 1:
                case.guide_key = guides[0].key
                case.region = guides[0].regions[0].name if len(guides[0].regions) == 1 else None
            changes = [f"company {company.name} ({word} {old})"]
            changes += [said] if (said := self._band_currency(case)) else []
        else:
            case.company_text = name
            changes = [NO_GUIDE.format(company=f"{name} ({word} {old})")]
        return self._after_update(case, replace(u, intent="answer"), Applied(lines=changes))

    def _band_currency(self, case: Case) -> str | None:
        """A new location whose band is in another currency: figures written with no currency
        (`85k`) were read in the old band's and now read in the new one's, and the reply says
        so; figures written in a currency keep it (the currency question follows)."""
        region = self._region(case)
        if region is None or not case.currency_assumed or case.offer.currency in (None, region.currency):
            return None
        before = case.offer.currency
        case.offer.currency = region.currency
        return f"figures read in {region.currency}, the {region.name} band's currency (you named none; was {before})"

    @staticmethod
    def _answers_shares(u: Utterance) -> bool:
        """A figure for the shares asked about: one with no part named, or the equity (not
        "base is actually 187.5k", which goes where it says)."""
        if u.amounts:
            return all(a.holder == OFFER and a.component in (None, "equity") for a in u.amounts)
        return bool(u.unreadable) or u.strike_price is not None

    def _defaults(self, case: Case, done: Applied) -> None:
        """What the guide states where the person said nothing: the band's currency and the
        grant's vesting years (the reply says the years came from the guide)."""
        region = self._region(case)
        if region is None:
            return
        if case.offer.currency is None and (case.offer.base is not None or case.offer.equity):
            case.offer.currency, case.currency_assumed = region.currency, True
        years = region.stock.vesting_years if region.stock else None
        if case.offer.equity and case.offer.equity_years is None and years:
            case.offer.equity_years = years
            done.say(f"vesting over {years} years (the guide's schedule; tell me if yours differs)")

    def _may_place(self, case: Case, u: Utterance) -> bool:
        if u.intent in ("pushback", "walk_away", "rival", "current"):
            return False
        if case.company_slug is None or u.mentions_place or case.pending in ("company", "role", "region"):
            return True
        return case.region is None and self.intake.place_named(u.text) is not None  # "in syd", before the band

    def _after_update(self, case: Case, u: Utterance, done: Applied, region_changed: bool = False) -> Outcome:
        """The reply once the case is updated: a question when a figure cannot be used or a
        piece is missing, else the move the intent asks for."""
        changes = done.lines
        # Before the evaluation too: a figure of the offer replaced by a message naming no company the reading
        # could tie it to may be another company's, and the reply's first line says how it was read.
        intake_assumed = (
            self._company_name(case)
            if not case.evaluated
            and done.replaced
            and u.intent == "offer"
            and not self._names_own(case, u)
            and (case.company_slug or case.company_text)
            else None
        )
        if done.question:
            question = done.question
            if question["key"] in ("implausible", "stake"):
                case.pending = question.get("slot") if question.get("slot") in MONEY_SLOTS else case.pending
            elif question["key"] in ("shares", "unlabelled"):
                case.pending = question["key"]
            return self._ask(case, question, changes, intake_assumed)
        missing = self.intake.missing(case)
        if missing:
            case.pending = missing["key"]
            return self._ask(case, missing, changes, intake_assumed)
        if case.pending not in ("leverage",):
            case.pending = None
        if case.offer.base is None:  # the base was skipped: nothing to place yet, and no asking again
            return self._ask(case, {"key": "base_later"}, changes)
        intent = u.intent
        if not case.evaluated:
            return self._evaluation(case, changes, assumed_own=intake_assumed)
        if region_changed:
            return self._evaluation(case, changes, region_changed=True)
        if intent == "correction" and done.offer_changed and not case.at_least("close"):
            return self._evaluation(case, changes)  # a misread offer is corrected, not revised: evaluated afresh
        revised = done.offer_changed and intent in ("revised", "offer", "answer")
        # A plain offer statement after the evaluation that names none of the company's names may be
        # another company's figures the reading did not tie to a name: said, with the way back.
        assumed = self._company_name(case) if revised and intent == "offer" and not self._names_own(case, u) else None
        if revised and not case.at_least("counter"):
            return self._evaluation(case, changes, assumed_own=assumed)
        if revised:
            return self._close(case, revised=True, changes=changes, assumed_own=assumed)
        if intent == "email":
            return self._words(case, "coach_email.j2", changes)
        if intent == "phone":
            return self._words(case, "coach_phone.j2", changes)
        if intent == "pushback":
            return self._pushback(case, case.fixed[-1] if case.fixed else "total", changes)
        if intent == "accepted":
            return self._close(case, revised=False, changes=changes)
        moves = ("counter", "rival", "current", "no_alternatives", "walk_away")
        if intent == "answer" and u.no_alternatives and case.at_least("leverage"):
            intent = "no_alternatives"  # `no` to "any other offer?"
        if intent in moves or (intent == "correction" and (done.rivals_changed or done.current_changed)):
            return self._counter(case, changes)
        return Outcome(
            self._render("coach_next.j2", changes=changes, **self._summary(case), clarified=bool(changes)), case
        )

    def _ask(self, case: Case, question: dict, changes: list[str], assumed_own: str | None = None) -> Outcome:
        context = {**question, **self._summary(case), "assumed_own": assumed_own}
        return Outcome(self._render("coach_question.j2", changes=changes, **context), case)

    def _share_value(self, case: Case, u: Utterance) -> Applied:
        """The answer to "what are the N shares worth?": a price per share (the grant is
        count × price, formula shown; cents are read here, `$12.75 a share`) or the grant's
        value. An option's strike price is what exercising costs, not what the grant is
        worth: it is kept as a note and the question stays open."""
        done = Applied()
        shares = case.shares
        unit = "options" if case.grant_type == "options" else "shares"
        # the price the message names per share ("the latest 409A is $3.40 per share") before any figure
        price = _share_price(u)
        if u.share_price is not None:
            region = self._region(case)
            cents = _strike_text(u.share_price, case.offer.currency or (region.currency if region else "USD"))
            price = (Fraction(u.share_price), cents)
        if shares is not None and u.strike_price is not None:
            strike = u.strike_text or _strike_text(u.strike_price, case.offer.currency or "USD")
            shares.strike = strike
            case.notes = [n for n in case.notes if n.item != "strike"] + [
                Note(item="strike", words=f"{strike} per {unit[:-1]}")
            ]
            done.say(f"strike price {strike} (what exercising costs, not what the {unit} are worth)")
            if price is None:  # the value is still to come: the question stays open
                done.ask({"key": "shares", "figure": f"{shares.count:,}", "unit": unit})
                return done
        if shares is None or price is None:
            done.ask({"key": "shares", "figure": f"{shares.count:,}" if shares else "", "unit": unit})
            return done
        value_per, written = price
        region = self._region(case)
        cur = case.offer.currency or (region.currency if region else None)
        amount = next((a for a in u.amounts if a.unit == "money"), None)
        if amount is not None and amount.currency:
            cur = amount.currency
        text = written or _m(value_per, cur or "USD")
        per_share = PER_SHARE_RE.search(u.text) or value_per < 1000
        # a share's price (the preferred, a 409A, "$9 a share"), not what an option is worth ("worth $8.25 each")
        strike = _strike_value(shares.strike) if unit == "options" and A_SHARES_PRICE_RE.search(u.text) else None
        if per_share and strike is not None:
            # an option is worth its share's price less the strike: "40,000 × ($9 − $1.85 strike)"
            exact = shares.count * max(value_per - strike, Fraction(0))
            value = int(exact)
            rounded = "" if value == exact else " (rounded down to a whole amount)"
            under = "" if exact else " (the price is at or under the strike: worth nothing today)"
            formula = f"{shares.count:,} × ({text} − {shares.strike} strike) = {_m(value, cur or 'USD')}"
            done.say(f"equity {formula}: an option is worth its share's price less the strike{rounded}{under}")
        elif per_share:
            exact = shares.count * value_per
            value = int(exact)
            rounded = "" if value == exact else " (rounded down to a whole amount)"
            done.say(f"equity {shares.count:,} × {text} = {_m(value, cur or 'USD')}{rounded}")
        else:
            value = int(value_per)
            done.say(f"equity {_m(value, cur or 'USD')} for {shares.count:,} {unit}")
        case.offer.equity, case.offer.no_equity = value, False
        if shares.years:
            case.offer.equity_years = shares.years
        if cur and case.offer.currency is None:
            case.offer.currency = cur
        case.shares = None
        case.pending = None
        done.offer_changed = True
        return done

    def _years_answer(self, case: Case, u: Utterance) -> Applied:
        done = Applied()
        match = re.match(r"\s*(\d{1,2})", u.text)
        years = u.vesting_years or (int(match[1]) if match else None)
        if years and 0 < years <= 10:
            operations.vesting_years(case, years, done)
            if not done.lines:  # the same years again: said, so the answer is seen to be read
                done.say(f"equity vests over {years} years")
        return done

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

    def _forget_answer(self, case: Case, u: Utterance) -> Outcome:
        if u.answer == "yes" or u.intent == "forget" or normalize(u.text) in FORGET_YES:
            return Outcome(self._render("coach_forget.j2", step="done"), None, forget=True)
        case = case.model_copy()
        case.pending = None
        return Outcome(self._render("coach_forget.j2", step="kept"), case)

    def _guide(self, case: Case) -> Guide | None:
        return self.intake.guide(case)

    def _region(self, case: Case) -> RegionBand | None:
        return self.intake.region(case)

    # --- replies ----------------------------------------------------------------------------------

    def _render(self, template: str, changes: list[str] | None = None, **context) -> list[Message]:
        """The template's reply, with what this message changed in the case named first
        (`_coach_changes.j2`), right under the header when there is one. Figures read as the
        person's own offer's with no company tied to them say so on the very first line, before
        anything is shown from them (`_coach_assumed_own.j2`)."""
        text = render(template, **context)
        if changes:
            noted = render("_coach_changes.j2", changes=changes)
            if is_directive(text, "header"):
                head, _, rest = text.partition("\n")
                text = f"{head}\n{noted}\n{rest}"
            else:
                text = f"{noted}\n{text}"
        if context.get("assumed_own"):
            text = f"{render('_coach_assumed_own.j2', assumed_own=context['assumed_own'])}\n{text}"
        return build_messages(text)

    def _summary(self, case: Case) -> dict:
        guide = self._guide(case)
        region = self._region(case)
        currency = case.offer.currency or (region.currency if region else "USD")
        offer = case.offer
        lines = []
        if offer.base is not None:
            lines.append(("Base", _m(offer.base, currency)))
        if offer.equity:
            assumed = " (assumed)" if offer.equity_years_assumed else ""
            lines.append(("Equity", f"{_m(offer.equity, currency)} over {offer.equity_years or '?'} years{assumed}"))
        elif case.equity_yearly:
            lines.append(("Equity", f"{_m(case.equity_yearly, currency)} a year, over ? years"))
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
                # a base alone is shown as the base: calling it the total would say the rest is nothing
                _m(r.annualized(), r.currency or currency) if r.annualized() and not r.base_only else None,
                _m(r.base, r.currency or currency) if r.base else None,
            )
            for r in case.rivals
        ]
        current = case.current
        current_pay = None
        if current is not None and (current.base is not None or current.annualized()):
            pay = current.annualized() if current.annualized() and not current.base_only else current.base
            current_pay = f"{_m(pay, current.currency or currency)} {'base' if current.base_only else 'a year'}"
        return {
            "case": case,
            "guide": guide,
            "region": region,
            # what the current job pays, and whether it is in the offer's currency (never converted)
            "current_pay": current_pay,
            "current_elsewhere": bool(current and current.currency and current.currency != currency),
            "company": self._company_name(case, default=None),
            "prompt_currency": currency,  # example figures in prompts are written in it (`example` filter)
            "offer_lines": lines,
            "rivals": rivals,
            "walk_away": _m(case.walk_away, currency) if case.walk_away else None,
            "case_lines": self._held_lines(case),
            # the grant is not known (skipped or not given) where the band has one: totals leave it out
            "grant_unknown": offer.equity is None
            and not offer.no_equity
            and bool(region and region.stock and region.stock.value),
        }

    def _held_lines(self, case: Case) -> list[tuple[str, str]]:
        """The rest of what the case holds, for `status`: the current job's pay, each rival's
        parts, what is fixed, vesting terms, notes and skipped questions."""
        currency = case.offer.currency or "USD"
        lines = []
        if case.current and case.current.has_parts:
            lines.append(("Current job pay", _parts_text(case.current, currency)))
        for rival in case.rivals:
            if rival.has_parts:
                lines.append((f"{rival.company} offer", _parts_text(rival, currency)))
        if case.fixed:
            caps = [f"{PART_WORDS[k]} at most {_m(v, currency)}" for k, v in case.caps.items()]
            lines.append(
                ("Fixed", ", ".join(PART_WORDS[p] for p in case.fixed) + (f" ({'; '.join(caps)})" if caps else ""))
            )
        terms = []
        if case.grant_type:
            terms.append("RSUs" if case.grant_type == "rsu" else "stock options")
        if case.vesting_schedule:
            terms.append("vesting " + "/".join(format(p.normalize(), "f") for p in case.vesting_schedule))
        if case.cliff_months is not None:
            terms.append("no cliff" if case.cliff_months == 0 else f"{case.cliff_months}-month cliff")
        if terms:
            lines.append(("Equity terms", ", ".join(terms)))
        if case.shares is not None:
            unit = "options" if case.grant_type == "options" else "shares"
            years = f" over {case.shares.years} years" if case.shares.years else ""
            lines.append(("Equity", f"{case.shares.count:,} {unit}{years}: value not given yet, not in the totals"))
        for note in case.notes:
            amount = _m(note.amount, note.currency or currency) if note.amount else None
            if amount:
                amount += note.per()  # "draw: $6K a month"
            percent = f"{format(note.percent.normalize(), 'f')}%" if note.percent is not None else None
            shown = amount or percent or note.words or "mentioned"
            holder = (
                "" if note.holder == "offer" else f" ({'current job' if note.holder == 'current' else note.holder})"
            )
            # pay no band part covers ("draw", "overtime") is named in the person's words beside its figure
            named = note.words if note.item == "other" and note.words and shown != note.words else None
            label = named or PART_WORDS.get(note.item, note.item)
            lines.append((f"Note: {label}{holder}", f"{shown}, not in the totals"))
        if case.skipped:
            lines.append(("Skipped", ", ".join(SLOT_WORDS.get(s, s) for s in case.skipped)))
        return lines

    def _names_own(self, case: Case, u: Utterance) -> bool:
        text = u.text.lower()
        return any(re.search(rf"\b{re.escape(name)}\b", text) for name in self._context(case).company_names if name)

    def _company_name(self, case: Case, default: str | None = "the company's") -> str | None:
        """The offer's company as shown: its guide's name, the company's with its role still to pick
        (a company with several guides), or the words of one no guide covers."""
        guide = self._guide(case)
        if guide is None and case.company_slug:
            guide = next(iter(self.answers.catalog.company_guides(case.company_slug)), None)
        return guide.company.name if guide else (case.company_text or default)

    def _evaluation(
        self, case: Case, changes: list[str] | None = None, region_changed: bool = False, assumed_own: str | None = None
    ) -> Outcome:
        guide, region = self._guide(case), self._region(case)
        evaluation = evaluate(case.offer, guide, region)
        first_time = not case.evaluated
        case.first_offer = case.offer.model_copy()
        case.stage = "leverage"
        case.pending = "leverage"
        messages = self._render(
            "coach_evaluation.j2",
            changes=changes,
            assumed_own=assumed_own,
            region_changed=region_changed,
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
            CompetingOffer(r.company, r.annualized(), r.base, base_only=r.base_only)
            for r in case.rivals
            if (r.currency or region.currency) == region.currency and r.annualized() is not None
        ]
        return build_counter(base_offer, guide, region, rivals, walk_away=case.walk_away)

    def _script_counter(self, case: Case) -> Counter | None:
        """The counter the scripts ask for: what the company said is fixed (or capped) is
        held at the offer, and a base that cannot move turns its first-year gap into a
        sign-on ask (bot/offers/counter.py: `hold`)."""
        counter = self._counter_for(case)
        if counter is None:
            return None
        return hold(counter, list(getattr(case, "fixed", None) or []), dict(getattr(case, "caps", None) or {}))

    def _script_context(self, case: Case, counter: Counter) -> dict:
        """What the counter, email and phone templates share: the fixed parts, the grant
        type (which equity questions fit), and the guide's levers as suggestions to adapt."""
        guide = self._guide(case)
        fixed = list(getattr(case, "fixed", None) or [])
        fillers = self._fillers(case, counter)
        dna = guide.company.dna if guide else None
        return {
            "counter": counter,
            "cur": counter.currency,
            "fixed": fixed,
            "held": [ask for ask in counter.asks if ask.held],
            "grant_type": getattr(case, "grant_type", None),
            "private": bool(dna and dna.ownership == "private"),
            "levers": script_levers(guide, fillers, has_rival=bool(case.rivals)) if guide else [],
            "asked_formula": formulas(counter.asked, counter.currency)[0],
        }

    def _counter(self, case: Case, changes: list[str] | None = None) -> Outcome:
        counter = self._script_counter(case)
        if counter is None:
            return Outcome(self._render("coach_no_guide.j2", **self._summary(case)), case)
        case.stage = "counter"
        case.pending = None
        offered_formula, _ = formulas(counter.offered, counter.currency)
        messages = self._render(
            "coach_counter.j2",
            changes=changes,
            offered_formula=offered_formula,
            **self._script_context(case, counter),
            **self._summary(case),
        )
        return Outcome(messages, case)

    def _fillers(self, case: Case, counter: Counter) -> Fillers:
        guide = self._guide(case)
        cur = counter.currency
        comparable = [r for r in case.rivals if (r.currency or cur) == cur and r.annualized() is not None]
        best = max(comparable, key=lambda r: r.annualized(), default=None)
        current = getattr(case, "current", None)
        current_total = current.annualized() if current is not None and (current.currency or cur) == cur else None
        return Fillers(
            current_company=case.current_company,
            current_total=_m(current_total, cur) if current_total else None,
            competing_company=best.company if best else (case.rivals[0].company if case.rivals else None),
            competing_total=_m(best.annualized(), cur) if best and not best.base_only else None,
            target_total=_m(counter.asked.annualized(), cur),
            company=guide.company.name if guide else None,
            role=guide.role.title if guide else None,
        )

    def _words(self, case: Case, template: str, changes: list[str] | None = None) -> Outcome:
        counter = self._script_counter(case)
        if counter is None:
            return Outcome(self._render("coach_no_guide.j2", **self._summary(case)), case)
        guide = self._guide(case)
        context = self._script_context(case, counter)
        quote = fill(guide.negotiate_up.quote, self._fillers(case, counter)) if guide.negotiate_up else None
        if guide.negotiate_up and asks_for_fixed(guide.negotiate_up, context["fixed"]):
            quote = None  # the guide's line asks for a part they said cannot move
        if plan_in(guide, counter.currency) is None:
            quote = None  # the guide's line names figures in another currency than the counter's
        if not case.at_least("counter"):
            case.stage = "counter"
        messages = self._render(
            template,
            changes=changes,
            quote=quote,
            anchor=counter.targets[-1],
            vesting_known=bool(getattr(case, "vesting_schedule", None)),
            **context,
            **self._summary(case),
        )
        return Outcome(messages, case)

    def _pushback(self, case: Case, fixed: str, changes: list[str] | None = None) -> Outcome:
        unheld = self._counter_for(case)
        if unheld is None:
            return Outcome(self._render("coach_no_guide.j2", **self._summary(case)), case)
        # What they said can move is asked within what they said ("the best we can do is $185K
        # base": the base goes to $185K and the rest of the base ask moves to the sign-on).
        counter = hold(unheld, [p for p in case.fixed if p != fixed], dict(case.caps))
        guide, region = self._guide(case), self._region(case)
        cur = counter.currency
        offered, asked = counter.offered, counter.asked
        cap = case.caps.get(fixed)
        base_kept = max(cap, offered.base or 0) if fixed == "base" and cap is not None else (offered.base or 0)
        base_gap = (unheld.asked.base or 0) - base_kept
        equity_gap = (asked.equity or 0) - (offered.equity or 0)
        case.stage = "pushback"
        fillers = self._fillers(case, counter)
        messages = self._render(
            "coach_pushback.j2",
            changes=changes,
            fixed=fixed,
            counter=counter,
            cur=cur,
            cap=cap,
            base_asked=unheld.asked.base or 0,
            base_kept=base_kept,
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

    def _close(
        self, case: Case, revised: bool, changes: list[str] | None = None, assumed_own: str | None = None
    ) -> Outcome:
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
            changes=changes,
            assumed_own=assumed_own,
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

    _handlers: dict[str, Callable] = {}


Coach._handlers = {
    **{name: Coach._on_command for name in ("help", "status", "start_over", "forget")},
    **{topic: Coach._on_question for topic in QUESTIONS},
    "greeting": Coach._on_greeting,
    "other": Coach._on_other,
    "skip": Coach._on_skip,
}  # every other intent is a statement (Coach._statement)
