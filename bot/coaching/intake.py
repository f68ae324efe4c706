"""Where the case stands against the catalog: company, role and region through the
catalog's resolver, the guide's bands for the figures' checks, and the next missing piece
to ask for (one at a time; a question skipped in this stage is not asked again).

The figures themselves go into the case through bot/coaching/operations.py.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

from bot.answers import Answers
from bot.coaching.case import Case
from bot.guides.model import Guide, RegionBand
from bot.guides.money import MoneyRange, format_amount
from bot.guides.resolve import Resolution, normalize
from bot.understanding.intents import QUESTIONS
from bot.understanding.model import Utterance

ROLE_NOT_COVERED = (
    "the {role} role at {company}, which no guide of mine covers (my {company} guides: {roles}; name one if the offer"
    " is for it after all): no band to compare with, but I'll total the offer and help with the words"
)
NO_GUIDE = (
    "company {company}, which no guide of mine covers: no band to compare with, but I'll total the offer"
    " and help with the words"
)
# What people put around a company's name answering "which company?" ("it's stripe", "the company is Acme").
ANSWER_FILLER_RE = re.compile(
    r"^\s*(?:it'?s|it\s+is|that'?s|they'?re|they\s+are|company(?:\s+is)?:?|the\s+company\s+is|called|at|with|from)\b",
    re.I,
)

NOT_THE_COMPANY_RE = re.compile(
    r"\b(?:wrong\s+company|not\s+(?:that|the\s+same|this)\s+(?:company|one)|(?:that'?s|that\s+is|it'?s|it\s+is)\s+not"
    r"\s+(?:the\s+(?:right\s+)?company|my\s+company|them|it))\b",
    re.I,
)

# "actually the offer is from Stripe, not PlanetScale", "sorry, the company is Datadog", "wrong company, it's
# Ramp": a marker of a correction (or the company said outright), the name, and the one it replaces.
COMPANY_INSTEAD_RE = re.compile(
    r"^(?P<marker>(?:(?:actually|sorry|oops|no|nope|correction|wait|my\s+(?:bad|mistake)|wrong\s+company)\W+)+)?"
    r"(?:(?P<said>the\s+(?:offer|job|role)\s+is\s+(?:from|with|at)|the\s+company\s+is|company\s*:)"
    r"|(?:it'?s|it\s+is|it\s+was|they'?re|they\s+are)(?:\s+(?:from|with|at))?)\s+"
    r"(?P<name>(?!(?:the|a|an|my|our|their|base|salary|equity|bonus|sign|total|remote|hybrid)\b)[A-Za-z][\w&'.-]*"
    r"(?:\s+(?!not\b)[A-Za-z0-9][\w&'.-]*){0,2}?)"
    r"\s*[,.]?(?:\s*not\s+(?P<old>[\w&'. -]+?))?\s*[.!]?\s*$",
    re.I,
)

# Where a message names a location: "in syd", "location is syd", "based in bengaluru", "city: london". The words
# after are looked up in the catalog's location words (its aliases too: "syd", "blr", "ldn").
PLACE_SAID_RE = re.compile(
    r"\b(?:in|location(?:\s+is)?|located\s+in|based\s+(?:in|out\s+of)|city(?:\s+is)?|office\s+(?:is\s+)?in"
    r"|relocat\w*\s+to|mov(?:e|ing)\s+to)\s*[:=-]?\s+(?:the\s+)?(?P<place>[a-z][a-z .'-]{0,40})",
    re.I,
)

LOCATION_LABELS = frozenset({"location", "located", "region", "city", "country", "office", "based", "place"})

# Words that answer "which company?" without naming one ("lol", "hmm", "idk"): never taken as a
# company no guide covers.
NOT_A_COMPANY = frozenset({
    "lol", "lmao", "haha", "hah", "hmm", "hm", "um", "umm", "uh", "uhh", "ok", "okay", "k", "yes", "yeah", "yep",
    "yup", "no", "nope", "nah", "sure", "thanks", "thx", "ty", "idk", "dunno", "what", "huh", "why", "how", "who",
    "wait", "sorry", "oops", "hi", "hey", "hello", "help", "please", "pls", "none", "nothing", "n/a", "na", "?",
    "??", "...",
})  # fmt: skip


UNCOVERED_ROLE_KINDS = ("role_unknown", "level_unknown")


def _names(guide: Guide) -> set[str]:
    """The ways a guide's company is written, normalized: its name, its slug, the slug in words."""
    return {normalize(guide.company.name), guide.company.slug, guide.company.slug.replace("-", " ")}


def _role_words(resolution: Resolution) -> str:
    """The role (with its seniority) as typed, for a role or seniority no guide of the company covers."""
    if resolution.kind == "level_unknown":
        return " ".join(w for w in (resolution.asked_level, resolution.asked_role) if w).strip()
    return resolution.asked_role or resolution.unknown


class Placed(NamedTuple):
    said: str | None  # a change of role or location in a case already evaluated, in words
    readings: list[tuple[str, str]]  # (typed, read as): role and location words read as typos
    note: str | None = None  # something named that changed nothing, said ("location London: ... no band")


class Intake:
    def __init__(self, answers: Answers) -> None:
        self.answers = answers

    def guide(self, case: Case) -> Guide | None:
        return self.answers.catalog.by_key.get(case.guide_key) if case.guide_key else None

    def region(self, case: Case) -> RegionBand | None:
        """The band the offer is placed in: its place, and its level where the guide has a band per level
        there (the level a resolution gave, else the person's); None while that level is unknown, never
        another level's band (`missing` asks which)."""
        guide = self.guide(case)
        if guide is None or case.region is None:
            return None
        here = [r for r in guide.regions if r.name == case.region]
        if len(here) <= 1:
            return here[0] if here else None
        for wanted in (case.region_level, case.level):
            found = next((r for r in here if wanted and r.level and _same_level(r.level, wanted)), None)
            if found is not None:
                return found
        return None

    def band_level_named(self, case: Case, text: str) -> str | None:
        """The level of the place's bands the message names, while which one is the offer's is unknown."""
        levels = self.levels_unplaced(case)
        words = re.findall(r"[a-z]+[- ]?\d+|\w+", text.lower())
        return next((level for level in levels if any(_same_level(level, word) for word in words)), None)

    def levels_unplaced(self, case: Case) -> list[str]:
        """The levels the guide has bands for at the offer's place, while which one is the offer's is unknown."""
        guide = self.guide(case)
        if guide is None or case.region is None or self.region(case) is not None:
            return []
        return [r.level for r in guide.regions if r.name == case.region and r.level]

    def place(self, case: Case, u: Utterance, text: str) -> Placed:
        """Company, role and region from the message, through the catalog's resolver: the words
        for a change of role or region in a case already evaluated (the reply says it; a new
        role evaluates the offer afresh against that role's band), and the role and location
        words read as typos of the guide's (the reply's first line says so)."""
        before = (self.guide(case), case.region, case.company_text)
        resolution = self._place(case, u)
        located = self._located(case, text)
        if resolution is not None and resolution.kind == "region_unknown" and resolution.guide and resolution.unknown:
            # "actually it's London" for a guide with no London band: said, never passed over
            guide = resolution.guide
            regions = ", ".join(region.name for region in guide.regions)
            note = (
                f"location {resolution.unknown.title()}: the {guide.company.name} {guide.role.title} guide has no band"
                f" for it (it has: {regions})" + (f"; the band stays {case.region}" if case.region else "")
            )
            return Placed(None, [], note)
        if resolution is not None and resolution.kind in UNCOVERED_ROLE_KINDS:
            roles = ", ".join(sorted({g.role.title for g in resolution.guides}))
            company = resolution.guides[0].company.name
            said = ROLE_NOT_COVERED.format(role=_role_words(resolution), company=company, roles=roles)
            return Placed(said, [], located)
        return Placed(self._change_said(case, *before), self._readings(case, resolution), located)

    def place_named(self, text: str) -> str | None:
        """The location the message names, as the catalog's words for it ("syd"), or None."""
        phrases = self.answers.resolver.region_phrases
        whole = normalize(text)
        if whole in phrases:
            return whole
        for match in PLACE_SAID_RE.finditer(text):
            words = normalize(match["place"]).split()
            for size in (3, 2, 1):
                phrase = " ".join(words[:size])
                if len(words) >= size and phrase in phrases:
                    return phrase
        return None

    def _located(self, case: Case, text: str) -> str | None:
        """A location no guide could place yet, kept and said back (never passed over in silence);
        one kept before, placed in the band once the company's guide is known. The words to say,
        or None when there is nothing to say beyond what placing the message says."""
        guide = self.guide(case)
        if case.region is not None:
            case.place_said = None
            return None
        named = self.place_named(text)
        if guide is None:
            if named is None:
                return None
            case.place_said = named
            if case.company_text:
                return f"location {named}"  # no guide covers the company: kept, with no band to place it in
            awaited = "role" if case.company_slug else "company"
            return f"location {named} (kept: I'll place it in the band once I know the {awaited})"
        said, case.place_said = case.place_said, None
        if said is None or named is not None:
            return None  # named in this message: the resolver read it with the company, as it reads any
        found = self.answers.resolver.resolve(f"{guide.key.replace('/', ' ')} {said}")
        if found.kind == "band" and found.guide is not None and found.guide.key == guide.key and found.region:
            case.region, case.region_level = found.region.name, found.region.level
            return f"location {case.region} (“{said}”, as you said before)"
        regions = ", ".join(region.name for region in guide.regions)
        return (
            f"location {said}: the {guide.company.name} {guide.role.title} guide has no band for it (it has: {regions})"
        )

    def _change_said(
        self, case: Case, guide_before: Guide | None, region_before: str | None, uncovered_before: str | None
    ) -> str | None:
        guide = self.guide(case)
        if case.company_text and case.company_text != uncovered_before and guide is None:
            return NO_GUIDE.format(company=case.company_text)
        if not case.evaluated:
            moved = region_before and case.region and case.region != region_before and guide == guide_before
            return f"location {case.region} (was {region_before})" if moved else None
        if guide_before is not None and guide is not None and guide.key != guide_before.key:
            case.first_offer = None  # another role's bands: the offer is evaluated again from the start
            case.stage = "intake"
            return f"role {guide.role.title} (was {guide_before.role.title}): evaluated against its bands"
        if region_before and case.region and case.region != region_before:
            return f"region {case.region} (was {region_before}): evaluated against the {case.region} band"
        return None

    def _place(self, case: Case, u: Utterance) -> Resolution | None:
        """What the message places in the case, and the resolution that placed it (None: nothing)."""
        rest = u.place_text
        if not rest.strip():
            return None
        resolver = self.answers.resolver
        direct = resolver.resolve(rest)
        may_change = not case.evaluated or u.intent == "correction"
        role = _role_words(direct)
        if direct.kind in UNCOVERED_ROLE_KINDS and role and direct.guides and case.guide_key is None:
            # "planetscale offered me a backend engineer role", "a senior offer from planetscale": a role or a
            # seniority none of the company's guides covers is never read as one they do (another role's or
            # seniority's band, as /comp never shows either); the offer goes on without a band
            case.company_slug, case.region, case.company_read_as = None, None, None
            case.company_text = f"{direct.guides[0].company.name} {role}"[:60]
            case.role_uncovered_at = direct.guides[0].company.slug
            return direct
        resolution: Resolution | None = None
        if direct.kind not in ("help", "company_unknown"):
            if case.company_slug is None or may_change:
                resolution = direct
            elif direct.guides and direct.guides[0].company.slug != case.company_slug:
                return None  # another company mid-case: not this offer
        if resolution is None and case.role_uncovered_at and u.intent == "correction":
            # "actually it's the ml engineer role", after a role none of the company's guides covered
            alone = resolver.resolve(f"{case.role_uncovered_at} {rest}")
            if alone.guide is not None:
                resolution = alone
                case.first_offer, case.stage = None, "intake"  # placed in a band now: evaluated afresh
        if resolution is None and case.company_slug and u.intent == "correction":
            # "actually the role is beta": the company alone, so the role named can replace the one held
            alone = resolver.resolve(f"{case.company_slug} {rest}")
            if alone.guide is not None and alone.guide.key != case.guide_key:
                resolution = alone
        if resolution is None and case.company_slug:
            guide = self.guide(case)
            prefix = guide.key.replace("/", " ") if guide else case.company_slug
            resolution = resolver.resolve(f"{prefix} {rest}")
        if resolution is None:
            if case.company_slug is None and not case.company_text:
                case.company_text = self._uncovered_company(case, u, direct)
            return None
        if resolution.guide is not None or resolution.guides:
            case.role_uncovered_at = None
            company_typos = [typed for typed, read in resolution.corrections if read in resolver.company_phrases]
            if resolution is direct:
                case.company_read_as = company_typos[0] if company_typos else None
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
        case.headquarters_unknown = resolution.no_headquarters and case.region is None
        if (
            resolution.kind == "band"
            and resolution.region is not None
            and (case.region is None or may_change or case.pending == "region")
        ):
            case.region, case.region_level = resolution.region.name, resolution.region.level
        elif (
            resolution.kind == "regions"
            and len({r.name for r in resolution.regions}) == 1
            and (case.region is None or may_change or case.pending == "region")
        ):
            # `lumenfield sre seattle`: Seattle's bands, one per level; which level is asked (`missing`)
            case.region, case.region_level = resolution.regions[0].name, None
        guide = self.guide(case)
        if guide and len(guide.regions) == 1:
            case.region, case.region_level = guide.regions[0].name, guide.regions[0].level
        return resolution

    def _readings(self, case: Case, resolution: Resolution | None) -> list[tuple[str, str]]:
        """(typed, read as) for the role and location words the resolution read as typos of the
        guide's, as the case now holds them (a company read so is `case.company_read_as`)."""
        guide = self.guide(case)
        if resolution is None or guide is None:
            return []
        resolver = self.answers.resolver
        readings = []
        for typed, read in resolution.corrections:
            if read in resolver.role_phrases:
                readings.append((typed, guide.role.title))
            elif read in resolver.region_phrases and case.region:
                readings.append((typed, case.region))
        return readings

    @staticmethod
    def _uncovered_company(case: Case, u: Utterance, direct: Resolution) -> str | None:
        """A company no guide covers, so the coach goes on without a band instead of asking
        for the company again: the one the message says made the offer ("Stripe offered me"),
        or the words the resolver could not place, answering "which company?" ("stripe")."""
        if u.company:
            return u.company
        if case.pending != "company" or direct.kind != "company_unknown" or u.intent in QUESTIONS:
            return None
        typed = [w for w in re.split(r"\s+", ANSWER_FILLER_RE.sub(" ", u.place_text)) if w]
        unknown = set(direct.unknown.split())
        words = [w for w in typed if (n := normalize(w)) in unknown or n.replace(" ", "") in unknown]
        # "location is syd": the word that says the words are a location names no company
        words = [w for w in words if normalize(w) not in LOCATION_LABELS]
        if all(w.lower().strip(",.;:!?\"'()") in NOT_A_COMPANY for w in words):
            return None
        return " ".join(w.strip(",.;:!?\"'()") for w in words).strip()[:60] or None

    def not_the_company(self, case: Case, text: str) -> bool:
        """ "not PlanetScale", "wrong company": the company read from a typo is not the person's."""
        guide = self.guide(case)
        if not case.company_read_as or guide is None:
            return False
        said = normalize(text)
        return bool(NOT_THE_COMPANY_RE.search(text)) or any(
            re.search(rf"\bnot\s+(?:at\s+|with\s+)?{re.escape(name)}\b", said) for name in _names(guide)
        )

    def company_instead(self, case: Case, text: str) -> tuple[str, list[Guide]] | None:
        """ "actually the offer is from Stripe, not PlanetScale", "wrong company, it's Datadog": the
        offer's company said to be another than the one held. Returns the name as typed and, when a
        guide's company is named so exactly, its guides ([] for a company no guide covers); None
        when the message says no such thing, or names a role or a location ("actually it's
        remote" is the location's correction)."""
        if not (case.company_slug or case.company_text):
            return None
        match = COMPANY_INSTEAD_RE.match(text.strip())
        if match is None or not (match["marker"] or match["old"] or match["said"]):
            return None
        name = match["name"].strip(" .,'\"")
        held = {case.company_slug or "", normalize(case.company_text or "")}
        guide = self.guide(case)
        if guide is not None:
            held |= _names(guide)
        if normalize(name) in held or normalize(name).replace(" ", "-") in held or name.lower() in NOT_A_COMPANY:
            return None
        resolution = self.answers.resolver.resolve(name)
        if resolution.kind == "company_unknown" and normalize(resolution.unknown) == normalize(name):
            return name, []  # a company no guide covers, named whole
        if match["old"] and normalize(match["old"]) in held and resolution.corrections:
            return name, []  # "it's Scale AI, not PlanetScale": never read back as the company it denies
        named = resolution.guides or ([resolution.guide] if resolution.guide else [])
        exact = named and not resolution.corrections and not resolution.unknown
        if exact and len({g.company.slug for g in named}) == 1 and normalize(name) in _names(named[0]):
            return name, self.answers.catalog.company_guides(named[0].company.slug)
        return None

    def names_a_company(self, name: str) -> bool:
        """`name` is a guide's company as written: resolved without reading any word as a typo."""
        resolution = self.answers.resolver.resolve(name)
        return bool((resolution.guide or resolution.guides) and not resolution.corrections)

    def bands(self, case: Case) -> dict[str, MoneyRange | None]:
        region = self.region(case)
        if region is None:
            return {}
        # a band of stock a year is no measure of a grant over years (`$200K over 4 years` beside `$50K a year`)
        stock = region.stock.value if region.stock and not region.stock.per_year else None
        bonus = region.bonus.amount if region.bonus.kind == "amount" else None
        return {"base": region.base, "equity": stock, "sign_on": region.sign_on, "total": region.total, "bonus": bonus}

    def missing(self, case: Case) -> dict | None:
        """The next thing to ask, one at a time, in the order a recruiter's offer reads."""
        guide = self.guide(case)
        if case.figure_asked is not None:  # asked first, as it was: the figure is never dropped unsaid
            return {"key": "unlabelled", "figure": case.figure_asked.text}
        if case.company_slug is None and case.company_text is None:
            return {"key": "company"}
        if case.company_slug and guide is None:
            roles = [g.role.title for g in self.answers.catalog.company_guides(case.company_slug)]
            return {"key": "role", "roles": roles}
        if guide and case.region is None:
            return {
                "key": "region",
                "regions": list(dict.fromkeys(r.name for r in guide.regions)),
                "no_headquarters": case.headquarters_unknown,
            }
        levels = self.levels_unplaced(case)
        if levels:
            return {"key": "band_level", "levels": levels, "place": case.region}
        offer = case.offer
        region = self.region(case)
        skipped = set(case.skipped)
        if case.shares is not None:
            return {
                "key": "shares",
                "figure": f"{case.shares.count:,}",
                "unit": "options" if case.grant_type == "options" else "shares",
            }
        if offer.base is None and "base" not in skipped:
            return {"key": "base"}
        if case.equity_yearly and "years" not in skipped:
            currency = offer.currency or (region.currency if region else "USD")
            return {"key": "years", "per_year": format_amount(Fraction(case.equity_yearly), currency)}
        if offer.equity is None and not offer.no_equity and "equity" not in skipped:
            return {"key": "equity"}
        if offer.equity and offer.equity_years is None and "years" not in skipped:
            return {"key": "years"}
        bonus_open = offer.target_bonus() == 0 and not offer.no_bonus and "bonus" not in skipped
        if region and region.bonus.kind != "none" and bonus_open:
            return {"key": "bonus", "guide_bonus": region.bonus}
        if region and offer.currency and offer.currency != region.currency:
            return {
                "key": "currency",
                "figure": "your figures",
                "currency": offer.currency,
                "band_currency": region.currency,
            }
        return None


def _same_level(band_level: str, said: str) -> bool:
    """`IC3` is the band `IC3`; `M3` the band `M3 – Director of Engineering`; `sde 2` the band `SDE-2`."""
    band, typed = (re.sub(r"[^a-z0-9]+", "", text.lower()) for text in (band_level.split(" – ")[0], said))
    return bool(typed) and band == typed
