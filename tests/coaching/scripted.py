"""Scripted conversations: every turn's message and the case expected after it, exactly.

`snapshot(case)` is the case in a compact, readable form (defaults left out); each turn
gives the keys that change (None removes one), and the whole snapshot is compared after
every turn. Shared by tests/coaching/test_scripted.py (through the store) and
bench/understanding.py (in-process)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.coaching.case import Case

GUIDE = "planetscale/ml-ai-engineer"
REMOTE, SF = "Remote US", "San Francisco HQ"
DONE_WHEN = "I got an offer from PlanetScale for ML engineer, remote: $168k base, $100k stock over 4 years"


def offer(**parts) -> dict:
    return {"currency": "USD", **parts}


PLACED = {"guide": GUIDE, "region": REMOTE, "stage": "intake"}
DONE_OFFER = offer(base=168_000, equity=100_000, equity_years=4)
EVALUATED = {
    "guide": GUIDE,
    "region": REMOTE,
    "offer": DONE_OFFER,
    "first": DONE_OFFER,
    "stage": "leverage",
    "pending": "leverage",
}
GOOGLE_OFFER = {"currency": "USD", "base": 210_000, "equity": 200_000, "equity_years": 4, "bonus_percent": "15"}
COUNTERED = {**EVALUATED, "stage": "counter", "pending": None}


def snapshot(case: Case) -> dict:
    out: dict = {}
    if case.guide_key:
        out["guide"] = case.guide_key
    if case.region:
        out["region"] = case.region
    if case.company_text:
        out["company_text"] = case.company_text
    if _parts(case.offer):
        out["offer"] = _parts(case.offer)
    if case.first_offer is not None:
        out["first"] = _parts(case.first_offer)
    if case.rivals:
        out["rivals"] = {r.company: _parts(r, skip=("company",)) for r in case.rivals}
    if case.current is not None:
        out["current"] = _parts(case.current)
    for name in ("fixed", "caps", "skipped"):
        if getattr(case, name):
            out[name] = getattr(case, name)
    if case.vesting_schedule:
        out["vesting_schedule"] = [int(p) for p in case.vesting_schedule]
    if case.notes:
        out["notes"] = [
            (n.item, n.holder, n.amount if n.amount is not None else (str(n.percent) if n.percent else None))
            for n in case.notes
        ]
    for name in ("cliff_months", "grant_type", "level", "walk_away", "pending"):
        if getattr(case, name) is not None:
            out[name] = getattr(case, name)
    if case.no_alternatives:
        out["no_alternatives"] = True
    if case.shares is not None:
        out["shares"] = (case.shares.count, case.shares.years)
    out["stage"] = case.stage
    return out


def _parts(model, skip=()) -> dict:
    data = model.model_dump(exclude_none=True)
    return {
        k: (str(v) if k == "bonus_percent" else v)
        for k, v in data.items()
        if k not in skip and v is not False and k != "format"
    }


@dataclass
class Turn:
    say: str
    changes: dict  # keys of the snapshot that change; None removes a key
    reply_has: tuple[str, ...] = ()
    reply_lacks: tuple[str, ...] = ()


def T(say: str, changes: dict | None = None, has: tuple | str = (), lacks: tuple | str = ()) -> Turn:  # noqa: N802
    return Turn(
        say, changes or {}, (has,) if isinstance(has, str) else has, (lacks,) if isinstance(lacks, str) else lacks
    )


CONVERSATIONS: dict[str, list[Turn]] = {
    "a named offer also held is a rival, and the person's own offer is untouched": [
        T(DONE_WHEN, EVALUATED),
        T(
            "I also have a Google offer, 210k base 200k stock 15% bonus",
            {"rivals": {"Google": GOOGLE_OFFER}, "stage": "counter", "pending": None},
            has=("Google offer: base $210K", "Google offer: bonus 15%", "the Google offer ($291.5K total)"),
            lacks="Revised offer",
        ),
        T("I currently work at Stripe", {"current": {"company": "Stripe"}}, has="current job at Stripe"),
        T(
            "and my current bonus is actually 15%",
            {"current": {"company": "Stripe", "currency": "USD", "bonus_percent": "15"}},
            has="current job: bonus 15%",
        ),
        T(
            "they said there is no flexibility at all on the package",
            {"fixed": ["total"], "stage": "pushback"},
            has="the package fixed: kept out of the ask",
            lacks="Revised offer",
        ),
    ],
    "offers listed by name are rivals, each with its own figures": [
        T(DONE_WHEN, EVALUATED),
        T(
            "two other offers: Google 260k total and Meta 280k total",
            {
                "rivals": {
                    "Google": {"currency": "USD", "total": 260_000},
                    "Meta": {"currency": "USD", "total": 280_000},
                },
                "stage": "counter",
                "pending": None,
            },
            lacks="Your offer, ML",
        ),
    ],
    "two rivals named without figures are both kept": [
        T(DONE_WHEN, EVALUATED),
        T(
            "I have two other offers, one from Databricks and one from Snowflake",
            {"rivals": {"Databricks": {}, "Snowflake": {}}, "stage": "counter", "pending": None},
        ),
        T("what now?", {}, has="What next?", lacks="*Your counter"),
    ],
    "a zero or negative base is asked about, never used nor dropped unsaid": [
        T("I got an offer from PlanetScale for ML engineer, remote", {**PLACED, "pending": "base"}),
        T("base is 0", {}, has="0 as the base salary is no pay at all", lacks="Noted"),
        T("base is $-5k", {}, has="I can't use $-5k: pay is never below zero", lacks=("$5K", "Noted")),
        T("175k base", {"offer": offer(base=175_000), "pending": "equity"}, has="base $175K"),
    ],
    "they offered me is the person's own offer": [
        T("I got an offer from PlanetScale for ML engineer, remote", {**PLACED, "pending": "base"}),
        T(
            "they offered me 175k base plus 90k in RSUs",
            {
                "offer": offer(base=175_000, equity=90_000, equity_years=4),
                "first": offer(base=175_000, equity=90_000, equity_years=4),
                "grant_type": "rsu",
                "stage": "leverage",
                "pending": "leverage",
            },
            has="Where each part sits",
            lacks="Other offer",
        ),
        T("is that good?", has="Is this offer good?"),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T("email", has="Counter email"),
    ],
    "the company named as the offerer is not a rival": [
        T(
            "planetscale offered me $180k base and $120k stock, remote",
            {
                **EVALUATED,
                "offer": offer(base=180_000, equity=120_000, equity_years=4),
                "first": offer(base=180_000, equity=120_000, equity_years=4),
            },
            lacks="Other offer",
        ),
    ],
    "a pushback constrains and is never a new offer": [
        T(DONE_WHEN, EVALUATED),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T(
            "recruiter says equity is fixed at 150k but base has some room",
            {"fixed": ["equity"], "caps": {"equity": 150_000}, "stage": "pushback"},
            has="equity fixed",
            lacks=("Revised offer", "-$50K"),
        ),
        T("email", {}, has="Counter email"),
    ],
    "a correction of the rival changes only the rival": [
        T(DONE_WHEN, EVALUATED),
        T(
            "I also have an offer from Anthropic for 300k total",
            {"rivals": {"Anthropic": {"currency": "USD", "total": 300_000}}, "stage": "counter", "pending": None},
        ),
        T(
            "actually the anthropic one is 320k base plus 400k in stock",
            {
                "rivals": {
                    "Anthropic": {
                        "currency": "USD",
                        "total": 300_000,
                        "base": 320_000,
                        "equity": 400_000,
                        "equity_years": 4,
                    }
                }
            },
            has="Anthropic offer: base $320K",
        ),
        T(
            "correction on anthropic: 330k base",
            {
                "rivals": {
                    "Anthropic": {
                        "currency": "USD",
                        "total": 300_000,
                        "base": 330_000,
                        "equity": 400_000,
                        "equity_years": 4,
                    }
                }
            },
            lacks="was $168K",
        ),
    ],
    "a bare answer fills the pending question": [
        T("I got an offer from PlanetScale for ML engineer, remote", {**PLACED, "pending": "base"}),
        T("175", {"offer": offer(base=175_000), "pending": "equity"}, has="175 read as $175K"),
        T(
            "$90k",
            {
                "offer": offer(base=175_000, equity=90_000, equity_years=4),
                "first": offer(base=175_000, equity=90_000, equity_years=4),
                "stage": "leverage",
                "pending": "leverage",
            },
        ),
    ],
    "a skipped question is not asked again": [
        T("I got an offer from PlanetScale for ML engineer, remote", {**PLACED, "pending": "base"}),
        T("175k", {"offer": offer(base=175_000), "pending": "equity"}),
        T(
            "I don't know the breakdown",
            {
                "skipped": ["equity"],
                "first": offer(base=175_000),
                "stage": "leverage",
                "pending": "leverage",
            },
            lacks="What is the equity grant",
        ),
        T(
            "I currently make 160k",
            {"current": {"currency": "USD", "base": 160_000}, "stage": "counter", "pending": None},
            lacks="What is the equity grant",
        ),
    ],
    "skip on the base does not loop": [
        T("I got an offer from PlanetScale for ML engineer, remote", {**PLACED, "pending": "base"}),
        T("skip", {"skipped": ["base"], "pending": "equity"}, lacks="What is the base salary"),
        T(
            "no equity",
            {"offer": {"no_equity": True}, "pending": None},
            has="I'll wait for that",
            lacks="What is the base salary",
        ),
        T(
            "180k base",
            {
                "offer": offer(base=180_000, no_equity=True),
                "first": offer(base=180_000, no_equity=True),
                "stage": "leverage",
                "pending": "leverage",
            },
        ),
    ],
    "shares ask for a price before any figure": [
        T(
            "I got an offer from PlanetScale for ML engineer, remote: $170k base and 10,000 shares over 4 years",
            {**PLACED, "offer": offer(base=170_000), "shares": (10_000, 4), "pending": "shares"},
            has="10,000 shares: what is that worth?",
            lacks="$10K",
        ),
        T(
            "$15 a share",
            {
                "shares": None,
                "offer": offer(base=170_000, equity=150_000, equity_years=4),
                "first": offer(base=170_000, equity=150_000, equity_years=4),
                "stage": "leverage",
                "pending": "leverage",
            },
            has="10,000 × $15 = $150K",
        ),
    ],
    "options with a grant value": [
        T(
            "got an offer from PlanetScale for ML engineer, remote: 175k base and 20,000 options vesting over 4 years",
            {
                **PLACED,
                "offer": offer(base=175_000),
                "shares": (20_000, 4),
                "grant_type": "options",
                "pending": "shares",
            },
            has="20,000 options",
        ),
        T(
            "$200k",
            {
                "shares": None,
                "offer": offer(base=175_000, equity=200_000, equity_years=4),
                "first": offer(base=175_000, equity=200_000, equity_years=4),
                "stage": "leverage",
                "pending": "leverage",
            },
        ),
    ],
    "an implausible figure is questioned, the rest kept": [
        T(
            "I got an offer from PlanetScale for ML engineer, remote: $1.75M base, $100k stock",
            {**PLACED, "offer": offer(equity=100_000, equity_years=4), "pending": "base"},
            has="$1.75M as the base salary",
        ),
        T(
            "175k",
            {
                "offer": offer(base=175_000, equity=100_000, equity_years=4),
                "first": offer(base=175_000, equity=100_000, equity_years=4),
                "stage": "leverage",
                "pending": "leverage",
            },
        ),
    ],
    "an unknown item is a note and keeps the rest": [
        T(
            "I got an offer from PlanetScale for ML engineer, remote: 175k base, $5k relocation and 90k in RSUs",
            {
                **EVALUATED,
                "offer": offer(base=175_000, equity=90_000, equity_years=4),
                "first": offer(base=175_000, equity=90_000, equity_years=4),
                "grant_type": "rsu",
                "notes": [("relocation", "offer", 5_000)],
            },
            has="relocation $5K (kept as a note",
        ),
        T("there's a 4% 401k match", {"notes": [("relocation", "offer", 5_000), ("retirement_match", "offer", "4")]}),
    ],
    "the current job is kept apart": [
        T(DONE_WHEN, EVALUATED),
        T(
            "I currently make 160k",
            {"current": {"currency": "USD", "base": 160_000}, "stage": "counter", "pending": None},
            lacks="another offer?",
        ),
        T("I work at Shopify", {"current": {"currency": "USD", "base": 160_000, "company": "Shopify"}}),
    ],
    "a region change re-evaluates and says so": [
        T(DONE_WHEN, EVALUATED),
        T(
            "actually it's SF, not remote",
            {"region": SF},
            has=("region San Francisco HQ (was Remote US)", "San Francisco HQ band"),
        ),
    ],
    "vesting details are recorded": [
        T(DONE_WHEN, EVALUATED),
        T("1 year cliff", {"cliff_months": 12}, has="1-year cliff"),
        T("vesting is 5/15/40/40", {"vesting_schedule": [5, 15, 40, 40]}, has="vesting 5/15/40/40"),
        T("it's RSUs", {"grant_type": "rsu"}),
    ],
    "call or script inside a sentence is not a request": [
        T(DONE_WHEN, EVALUATED),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T("they said they would call me back tomorrow", {}, lacks=("Phone script", "Rapport")),
        T("the script idea sounds good but I will wait", {}, lacks=("Phone script", "Rapport")),
        T("phone script", {}, has="Rapport"),
    ],
    "a revised offer after the counter closes with the gain": [
        T(DONE_WHEN, EVALUATED),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T(
            "they came back with $185k base and $150k stock",
            {"offer": offer(base=185_000, equity=150_000, equity_years=4), "stage": "close"},
            has=("base $185K (was $168K)", "Gain over the first offer"),
        ),
    ],
    "a revision before the counter is evaluated again": [
        T(DONE_WHEN, EVALUATED),
        T(
            "good news, they bumped base to 175k",
            {
                "offer": offer(base=175_000, equity=100_000, equity_years=4),
                "first": offer(base=175_000, equity=100_000, equity_years=4),
            },
            has="base $175K (was $168K)",
        ),
    ],
    "two rivals and the other one": [
        T(DONE_WHEN, EVALUATED),
        T(
            "another offer from Acme for $300k total",
            {"rivals": {"Acme": {"currency": "USD", "total": 300_000}}, "stage": "counter", "pending": None},
        ),
        T(
            "Stripe offered me 200k base + 150k RSUs",
            {
                "rivals": {
                    "Acme": {"currency": "USD", "total": 300_000},
                    "Stripe": {"currency": "USD", "base": 200_000, "equity": 150_000, "equity_years": 4},
                },
                "grant_type": None,
            },
        ),
        T(
            "actually the other one is 280k total",
            {
                "rivals": {
                    "Acme": {"currency": "USD", "total": 300_000},
                    "Stripe": {
                        "currency": "USD",
                        "base": 200_000,
                        "equity": 150_000,
                        "equity_years": 4,
                        "total": 280_000,
                    },
                }
            },
        ),
    ],
    "a bare no to 'any other offer?' builds the counter": [
        T(DONE_WHEN, EVALUATED),
        T("nope", {"no_alternatives": True, "stage": "counter", "pending": None}, has="Your counter"),
    ],
    "a walk-away is a total": [
        T(DONE_WHEN, EVALUATED),
        T("my walk-away is 250k", {"walk_away": 250_000, "stage": "counter", "pending": None}, has="Walk-away"),
    ],
    "a monthly base is made yearly and said so": [
        T(
            "I got an offer from PlanetScale for ML engineer, remote: $15k a month base, no equity",
            {
                **EVALUATED,
                "offer": offer(base=180_000, no_equity=True),
                "first": offer(base=180_000, no_equity=True),
            },
            has="$15K a month × 12 = $180K a year",
        ),
    ],
    "a correction of the own offer changes only the part named": [
        T(DONE_WHEN, EVALUATED),
        T(
            "sorry, base is 178k not 168k",
            {
                "offer": offer(base=178_000, equity=100_000, equity_years=4),
                "first": offer(base=178_000, equity=100_000, equity_years=4),
            },
            has="base $178K (was $168K)",
            lacks="Is $168k",
        ),
    ],
    "the best they can do is a cap, not an offer": [
        T(DONE_WHEN, EVALUATED),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T(
            "HR says the best they can do is 185k base",
            {"fixed": ["base"], "caps": {"base": 185_000}, "stage": "pushback"},
            lacks="Revised offer",
        ),
        T(
            "they won't go above 190 for base",
            {"caps": {"base": 190_000}},
            has="190 read as $190K",
            lacks="Revised offer",
        ),
        T("thanks!", {}, has="welcome"),
        T("bye", {}),
    ],
    "a figure the person may ask for is not the offer": [
        T(DONE_WHEN, EVALUATED),
        T("what if I ask for 200k base?", {"stage": "counter", "pending": None}, lacks="was $168K"),
        T("can I ask for more equity instead?", {}, lacks="was $168K"),
    ],
    "questions leave the case as it was": [
        T(DONE_WHEN, EVALUATED),
        T("what about refreshers", {}, has="Refresher"),
        T("they want an answer by friday, is that normal?", {}),
        T("should I ask for sign-on instead of base?", {}),
        T("how are RSUs taxed?", {}),
    ],
    "answers written the way people type them in Slack": [
        T("I got an offer from PlanetScale for ML engineer, remote", {**PLACED, "pending": "base"}),
        T("about 175k i think", {"offer": offer(base=175_000), "pending": "equity"}, lacks="What is the base salary"),
        T(
            "no idea tbh",
            {"first": offer(base=175_000), "skipped": ["equity"], "pending": "leverage", "stage": "leverage"},
            lacks="What is the equity grant",
        ),
        T(
            "im at 160k rn at datadog",
            {
                "current": {"currency": "USD", "base": 160_000, "company": "datadog"},
                "stage": "counter",
                "pending": None,
            },
            lacks="Is 160k",
        ),
        T("they gave me till monday to decide, normal?", has="Deadlines and exploding offers"),
        T("ty!", has="You're welcome"),
        T("gotta run, ttyl", has="Good luck with PlanetScale"),
    ],
    "a 401k match stays a note and pushbacks in looser words constrain": [
        T(
            "planetscale offered me 175k base and 100k rsus, remote",
            {
                **EVALUATED,
                "offer": offer(base=175_000, equity=100_000, equity_years=4),
                "first": offer(base=175_000, equity=100_000, equity_years=4),
                "grant_type": "rsu",
            },
        ),
        T(
            "oh and theres a $5k relocation bonus + 401k match 4%",
            {"notes": [("relocation", "offer", 5000), ("retirement_match", "offer", "4")]},
            lacks="bonus 4% of base",
        ),
        T("no other offers rn", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T("hr said the sign on bonus is non negotiable", {"fixed": ["sign_on"], "stage": "pushback"}),
        T("they told me theres zero flexibility on equity", {"fixed": ["sign_on", "equity"]}, lacks="Revised offer"),
        T("anything below 200k and im out", {"walk_away": 200_000, "stage": "counter"}),
    ],
    "a rival met while interviewing, corrected in passing": [
        T(
            "planetscale offered me 175k base and 100k rsus, remote",
            {
                **EVALUATED,
                "offer": offer(base=175_000, equity=100_000, equity_years=4),
                "first": offer(base=175_000, equity=100_000, equity_years=4),
                "grant_type": "rsu",
            },
        ),
        T(
            "im also interviewing w/ google and they offered 280k total comp",
            {"rivals": {"Google": offer(total=280_000)}, "stage": "counter", "pending": None},
        ),
        T("my bad, google total was 290k", {"rivals": {"Google": offer(total=290_000)}}),
        T("done, told them yes today", {"stage": "close"}),
    ],
    "a hedged answer, a polite skip, a floor said as a condition, polite commands": [
        T("I got an offer from PlanetScale for ML engineer, remote", {**PLACED, "pending": "base"}),
        T("175k-ish", {"offer": offer(base=175_000), "pending": "equity"}, lacks="What is the base salary"),
        T(
            "i'd rather skip this",
            {"first": offer(base=175_000), "skipped": ["equity"], "pending": "leverage", "stage": "leverage"},
            lacks="What is the equity grant",
        ),
        T("nothing else rn", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T("i need at least 210k or i'm staying put", {"walk_away": 210_000}, has="walk-away $210K"),
        T("what do you know so far", {}, has="Your case"),
        T("my dog ate my offer letter lol", {}, lacks=("Revised offer", "Noted")),
        T(
            "can we start over",
            {
                "guide": None,
                "region": None,
                "offer": None,
                "first": None,
                "skipped": None,
                "walk_away": None,
                "no_alternatives": None,
                "stage": "intake",
            },
            has="cleared",
        ),
    ],
}


def play(turns: list[Turn], say, stored) -> list[str]:
    """Each turn through `say(text) -> reply` and `stored() -> Case`; the mismatches found."""
    expected: dict = {"stage": "intake"}
    problems = []
    for number, turn in enumerate(turns, 1):
        reply = say(turn.say)
        for key, value in turn.changes.items():
            if value is None:
                expected.pop(key, None)
            else:
                expected[key] = value
        got = snapshot(stored())
        if got != expected:
            diff = {k: (expected.get(k), got.get(k)) for k in set(expected) | set(got) if expected.get(k) != got.get(k)}
            problems.append(f"turn {number} ({turn.say!r}): case differs (expected, got): {diff}")
        problems += [f"turn {number}: reply lacks {text!r}" for text in turn.reply_has if text not in reply]
        problems += [f"turn {number}: reply has {text!r}" for text in turn.reply_lacks if text in reply]
    return problems
