"""More scripted conversations, written the way people write and checked after every turn
(the format of tests/coaching/scripted.py): currencies the person did or did not write, a
location change before the offer is evaluated, a limit a pushback states, option grants
priced later (with cents, and a strike that is not a value), figures that cannot be read,
and offers with no equity. Guides: the seed and tests/guides/fixtures/variants (Acme has
London and Berlin bands, Zenith Indian ones)."""

from __future__ import annotations

from tests.coaching.scripted import DONE_WHEN, EVALUATED, GUIDE, REMOTE, T, Turn

ACME, ZENITH = "acme/software-engineer", "zenith/data-scientist"
ZENITH_OFFER = {"currency": "INR", "base": 2_800_000, "no_equity": True}
STRIKE_NOTE = ("strike", "offer", None)
LONDON_OFFER = {"currency": "GBP", "base": 85_000, "equity": 60_000, "equity_years": 4, "bonus_percent": "10"}
PRICED = {"currency": "USD", "base": 187_500, "equity": 165_000, "equity_years": 4}

NIMBUS_DONE = {"currency": "GBP", "base": 95_000, "sign_on": 10_000, "no_equity": True, "no_bonus": True}

CONVERSATIONS: dict[str, list[Turn]] = {
    "a final offer that comes in is a revision, confirmed": [
        T(
            "Nimbus offered me an ML engineer job in London, £95k base and £10k signing",
            {
                "guide": "nimbus/ml-ai-engineer",
                "region": "London",
                "offer": {"currency": "GBP", "base": 95_000, "sign_on": 10_000},
                "pending": "equity",
            },
        ),
        T(
            "no equity",
            {"offer": {"currency": "GBP", "base": 95_000, "sign_on": 10_000, "no_equity": True}, "pending": "bonus"},
        ),
        T("no bonus", {"offer": NIMBUS_DONE, "first": NIMBUS_DONE, "stage": "leverage", "pending": "leverage"}),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T(
            "final offer came in: £95k base, £18k signing",
            {"offer": {**NIMBUS_DONE, "sign_on": 18_000}, "stage": "close"},
            has=("sign-on £18K (was £10K)", "Revised offer, annualized:* base £95K"),
            lacks="the package fixed",
        ),
    ],
    "a current company that pays in lakh is the current job, in rupees, with no name": [
        T(
            "hi! I got an offer from Zenith for data scientist in Bangalore",
            {"guide": ZENITH, "region": "Bangalore", "pending": "base"},
        ),
        T("28 lakh base", {"offer": {"currency": "INR", "base": 2_800_000}, "pending": "equity"}),
        T("no equity", {"offer": ZENITH_OFFER, "first": ZENITH_OFFER, "stage": "leverage", "pending": "leverage"}),
        T(
            "my current company pays me 22 lakh",
            {"current": {"currency": "INR", "base": 2_200_000}, "stage": "counter", "pending": None},
            has="current job: base ₹22L",
            lacks=("current job at pays", "$2.2M"),
        ),
    ],
    "a strike price typed without a sign keeps its cents and leaves the value asked": [
        T(
            "offer from planetscale, remote ML eng: base 185k, 20,000 options vesting over 4 years",
            {
                "guide": GUIDE,
                "region": REMOTE,
                "offer": {"currency": "USD", "base": 185_000},
                "grant_type": "options",
                "shares": (20_000, 4),
                "pending": "shares",
            },
        ),
        T(
            "strike price 1.20",
            {"notes": [STRIKE_NOTE]},
            has=("strike price $1.20 (what exercising costs", "20,000 options: what is that worth?"),
        ),
        T(
            "the strike is $1.20 and they are worth about $8.25 each",
            {
                "offer": {"currency": "USD", "base": 185_000, "equity": 165_000, "equity_years": 4},
                "first": {"currency": "USD", "base": 185_000, "equity": 165_000, "equity_years": 4},
                "shares": None,
                "stage": "leverage",
                "pending": "leverage",
            },
            has=("strike price $1.20", "equity 20,000 × $8.25 = $165K"),
            lacks="equity 20,000 × $1.20",
        ),
    ],
    "figures with no currency follow a location change made before the evaluation": [
        T(
            "I have an offer from Acme for a software engineer role in Berlin, 85k base",
            {
                "guide": ACME,
                "region": "Berlin",
                "offer": {"currency": "EUR", "base": 85_000},
                "pending": "equity",
            },
            has="base €85K",
            lacks="$85K",
        ),
        T(
            "actually its the London role",
            {"region": "London", "offer": {"currency": "GBP", "base": 85_000}},
            has=("location London (was Berlin)", "figures read in GBP"),
        ),
        T(
            "equity is £60k over 4 years",
            {"offer": {"currency": "GBP", "base": 85_000, "equity": 60_000, "equity_years": 4}, "pending": "bonus"},
            has="equity £60K",
            lacks="€60K",
        ),
        T(
            "and a 10% bonus",
            {
                "offer": LONDON_OFFER,
                "first": LONDON_OFFER,
                "stage": "leverage",
                "pending": "leverage",
            },
            has="London band",
            lacks="your figures is",
        ),
        T(
            "there is also £5k relocation and a 5% pension match",
            {"notes": [("relocation", "offer", 5_000), ("retirement_match", "offer", "5")]},
            has="relocation £5K",
            lacks="401k match 5%",
        ),
        T("status", {}, has="Base:* £85K"),
    ],
    "a figure in another currency than the one written is asked about, not mixed in": [
        T(
            "I have an offer from Acme for a software engineer role in Berlin, €85k base",
            {"guide": ACME, "region": "Berlin", "offer": {"currency": "EUR", "base": 85_000}, "pending": "equity"},
        ),
        T("actually its the London role", {"region": "London"}, has="location London (was Berlin)"),
        T("equity is £60k over 4 years", {}, has="£60k is in GBP, but the rest of the offer", lacks="equity €60K"),
        T(
            "base is £80k",
            {"offer": {"currency": "GBP", "base": 80_000}},
            has=("figures in GBP now (was EUR)", "base £80K"),
        ),
        T(
            "equity is £60k over 4 years",
            {"offer": {"currency": "GBP", "base": 80_000, "equity": 60_000, "equity_years": 4}, "pending": "bonus"},
        ),
    ],
    "rupee figures are shown in rupees, the offer's, a rival's and the current job's": [
        T(
            "hi! I got an offer from Zenith for data scientist in Bangalore",
            {"guide": ZENITH, "region": "Bangalore", "pending": "base"},
        ),
        T(
            "28L base",
            {"offer": {"currency": "INR", "base": 2_800_000}, "pending": "equity"},
            has="base ₹28L",
            lacks="$2.8M",
        ),
        T(
            "no equity",
            {"offer": ZENITH_OFFER, "first": ZENITH_OFFER, "stage": "leverage", "pending": "leverage"},
        ),
        T(
            "I also have an offer from Flipkart for 32L",
            {"rivals": {"Flipkart": {"currency": "INR", "total": 3_200_000}}, "stage": "counter", "pending": None},
            has="Flipkart offer: total ₹32L",
            lacks="$3.2M",
        ),
        T(
            "my current job pays 22L base",
            {"current": {"currency": "INR", "base": 2_200_000}},
            has="current job: base ₹22L",
            lacks="$2.2M",
        ),
        T(
            "wait, flipkart is 30L not 32",
            {"rivals": {"Flipkart": {"currency": "INR", "total": 3_000_000}}},
            has="Flipkart offer: total ₹30L",
        ),
        T("email", {}, has="Base salary: ₹35L", lacks=("Could you also confirm", "RSUs or options")),
        T("should I accept?", {}, has="Should you accept?", lacks="RSUs or options"),
    ],
    "a limit they state is asked up to, and only the rest of the gap moves to the sign-on": [
        T(DONE_WHEN, EVALUATED),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T(
            "the best they can do is 185k base",
            {"fixed": ["base"], "caps": {"base": 185_000}, "stage": "pushback"},
            has=(
                "no higher than $185K",
                "take it to their stated limit, $185K ($168K offered)",
                "ask for $35K, the first year's gap between the base you asked for and their limit ($220K − $185K)",
            ),
            lacks=("$52K", "Revised offer"),
        ),
        T("email", {}, has=("Base salary: $185K (offer: $168K)", "Sign-on: $35K"), lacks="Base salary: $168K"),
        T(
            "ok they came back with 185k base",
            {
                "offer": {"currency": "USD", "base": 185_000, "equity": 100_000, "equity_years": 4},
                "stage": "close",
            },
            has="base $185K (was $168K)",
        ),
    ],
    "a limit beside a sign-on already offered asks for the sign-on in all": [
        T(
            "PlanetScale remote ML offer: 170k base, 90k RSU, $10k sign on",
            {
                "guide": GUIDE,
                "region": REMOTE,
                "offer": {"currency": "USD", "base": 170_000, "equity": 90_000, "equity_years": 4, "sign_on": 10_000},
                "first": {"currency": "USD", "base": 170_000, "equity": 90_000, "equity_years": 4, "sign_on": 10_000},
                "grant_type": "rsu",
                "stage": "leverage",
                "pending": "leverage",
            },
        ),
        T(
            "Also interviewing at Anthropic, they offered 250k base and 300k stock",
            {
                "rivals": {"Anthropic": {"currency": "USD", "base": 250_000, "equity": 300_000, "equity_years": 4}},
                "stage": "counter",
                "pending": None,
            },
        ),
        T(
            "they told me the best they can do is 185k base",
            {"fixed": ["base"], "caps": {"base": 185_000}, "stage": "pushback"},
            has=("ask for $89K in all ($10K offered + $79K)", "($264K − $185K)", "sign-on bonus of $89K"),
            lacks="$94K",
        ),
        T("email", {}, has=("Base salary: $185K (offer: $170K)", "Sign-on: $89K (offer: $10K)")),
    ],
    "options: a strike is not a value, a price with cents is, and a base said meanwhile stays a base": [
        T(
            "offer from planetscale, remote ML eng: base 185k, 20,000 options vesting over 4 years",
            {
                "guide": GUIDE,
                "region": REMOTE,
                "offer": {"currency": "USD", "base": 185_000},
                "grant_type": "options",
                "shares": (20_000, 4),
                "pending": "shares",
            },
            has="20,000 options: what is that worth?",
        ),
        T("status", {}, has="20,000 options over 4 years: value not given yet"),
        T(
            "strike is $2.50",
            {"notes": [STRIKE_NOTE]},
            has=("strike price $2.50 (what exercising costs", "20,000 options: what is that worth?"),
            lacks="What next?",
        ),
        T(
            "base is actually 187.5k",
            {"offer": {"currency": "USD", "base": 187_500}},
            has=("base $187.5K", "20,000 options: what is that worth?"),
            lacks="equity $187.5K",
        ),
        T(
            "they are worth about $8.25 each per the last round",
            {"offer": PRICED, "first": PRICED, "shares": None, "stage": "leverage", "pending": "leverage"},
            has="equity 20,000 × $8.25 = $165K",
        ),
        T("status", {}, has="option strike price:* $2.50 per option"),
    ],
    "a figure that cannot be read is asked about and nothing else changes": [
        T(DONE_WHEN, EVALUATED),
        T("they also offered a sign-on of $7,500.75", {}, has="I can't read $7,500.75", lacks="What next?"),
        T(
            "sign-on is $7,500",
            {
                "offer": {"currency": "USD", "base": 168_000, "equity": 100_000, "equity_years": 4, "sign_on": 7_500},
                "first": {"currency": "USD", "base": 168_000, "equity": 100_000, "equity_years": 4, "sign_on": 7_500},
            },
            has="sign-on $7.5K",
        ),
    ],
    "a rival's sign-on alone is not its year's pay": [
        T(DONE_WHEN, EVALUATED),
        T(
            "I also have an offer from Google, they gave me a 50k signing bonus",
            {"rivals": {"Google": {"currency": "USD", "sign_on": 50_000}}, "stage": "counter", "pending": None},
            has="Google offer: sign-on $50K",
            lacks=("$12.5K", "Walk-away:* $12.5K"),
        ),
        T("status", {}, has="Other offer:* Google", lacks="$12.5K total"),
        T(
            "google base is 200k",
            {"rivals": {"Google": {"currency": "USD", "sign_on": 50_000, "base": 200_000}}},
            has="Google offer: base $200K",
        ),
        T("status", {}, has="Other offer:* Google, $212.5K total"),
    ],
    "a figure a question names is placed, not kept, and a grant not given is not a $0 grant": [
        T(
            "hey so planetscale made me an offer, remote, ML engineer",
            {"guide": GUIDE, "region": REMOTE, "pending": "base"},
        ),
        T(
            "is 170k base good for remote?",
            {},
            has=("placing the figures you asked about (base $170K); not kept", "$170K, lower third ($155K–$220K)"),
            lacks=("Tell me the offer's figures", "Annualized total:* $170K"),
        ),
        T("170k base", {"offer": {"currency": "USD", "base": 170_000}, "pending": "equity"}),
        T(
            "not sure about equity yet",
            {
                "skipped": ["equity"],
                "first": {"currency": "USD", "base": 170_000},
                "stage": "leverage",
                "pending": "leverage",
            },
            has=("equity (not given yet, left out)", "Not placed in the guide's total-comp band"),
            lacks=("equity $0", "below the band"),
        ),
    ],
    "a cliff asked about in general is answered, not kept; one said of the grant is kept": [
        T(DONE_WHEN, EVALUATED),
        T("what does a 1 year cliff mean?", {}, has="Cliff:* 12 months", lacks="Noted"),
        T("is a 1 year cliff normal?", {}, has="Cliff:* 12 months"),
        T("status", {}, lacks="12-month cliff"),
        T("my grant has a 1 year cliff, is that normal?", {"cliff_months": 12}, has="Cliff:* 12 months"),
        T("status", {}, has="12-month cliff"),
    ],
    "a counter built is not a counter sent": [
        T(DONE_WHEN, EVALUATED),
        T("no other offers", {"no_alternatives": True, "stage": "counter", "pending": None}),
        T("should I accept?", {}, has="Your counter is ready", lacks="You have countered"),
        T("they said the base is fixed", {"fixed": ["base"], "stage": "pushback"}),
        T("should I accept?", {}, has="You have countered"),
    ],
    "terse answers, a skipped grant, and totals that say they leave it out": [
        T("offer from planetscale remote ml", {"guide": GUIDE, "region": REMOTE, "pending": "base"}),
        T("180k", {"offer": {"currency": "USD", "base": 180_000}, "pending": "equity"}),
        T(
            "skip",
            {
                "skipped": ["equity"],
                "first": {"currency": "USD", "base": 180_000},
                "stage": "leverage",
                "pending": "leverage",
            },
            has="skipped: the equity grant",
        ),
        T(
            "no other offers",
            {"no_alternatives": True, "stage": "counter", "pending": None},
            has="without the equity grant: you haven't given it yet",
        ),
        T(
            "email",
            {},
            has="annualized compensation before equity to $220K",
            lacks="total compensation to $220K",
        ),
    ],
    "an answer with the part named is read; a stated limit is a pushback, not a figure of the offer": [
        T(
            "Nimbus offered me an ML engineer job in London, £95k base and £10k signing",
            {
                "guide": "nimbus/ml-ai-engineer",
                "region": "London",
                "offer": {"currency": "GBP", "base": 95_000, "sign_on": 10_000},
                "pending": "equity",
            },
        ),
        T(
            "equity? none, its all cash",
            {"offer": {"currency": "GBP", "base": 95_000, "sign_on": 10_000, "no_equity": True}, "pending": "bonus"},
            has=("no equity", "What is the target bonus"),
            lacks="couldn't read",
        ),
        T(
            "the recruiter said £95k is the top of their range for base",
            {"fixed": ["base"], "caps": {"base": 95_000}},
            has=("base fixed at no more than £95K, they said: asked no higher", "What is the target bonus"),
            lacks=("equity £95K", "Is £95k the base salary", "revised"),
        ),
        T(
            "no bonus",
            {
                "offer": NIMBUS_DONE,
                "first": NIMBUS_DONE,
                "stage": "leverage",
                "pending": "leverage",
            },
            has="base £95K",
        ),
    ],
    "a current job's yearly grant and monthly pay are shown with their formulas": [
        T(DONE_WHEN, EVALUATED),
        T(
            "my current job at Uber pays 185k base + 100k RSU/yr",
            {
                "current": {
                    "company": "Uber",
                    "currency": "USD",
                    "base": 185_000,
                    "equity": 400_000,
                    "equity_years": 4,
                },
                "stage": "counter",
                "pending": None,
            },
            has="equity $100K a year × 4 years (4 years assumed; tell me if it differs) = $400K",
        ),
        T(
            "correction, my current base is 15k a month",
            {"current": {"company": "Uber", "currency": "USD", "base": 180_000, "equity": 400_000, "equity_years": 4}},
            has="base $15K a month × 12 = $180K",
        ),
    ],
    "a level they gave is kept from the question that states it": [
        T(DONE_WHEN, EVALUATED),
        T("what level should I ask for?", {}, has="The level", lacks="You told me the offer is at"),
        T(
            "they leveled me at L4, should I ask for L5?",
            {"level": "L4"},
            has="You told me the offer is at L4",
        ),
    ],
}
