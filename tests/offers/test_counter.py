"""The counter rule: band tops and the guide's targets, competing offers, never below the
offer, never above the band's top raised by the premium."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.guides.model import NegotiationDNA
from bot.guides.money import MoneyRange
from bot.offers.counter import CompetingOffer, build_counter, capped, hold
from bot.offers.model import Offer

OFFER = Offer(currency="USD", base=168_000, equity=100_000, equity_years=4)


def asks(counter):
    return {a.key: (a.offered, a.ask) for a in counter.asks}


def test_the_seed_counter(seed):
    guide, region = seed
    counter = build_counter(OFFER, guide, region)
    assert asks(counter) == {"base": ("$168K", "$220K"), "equity": ("$100K", "$235K")}
    base, equity = counter.asks
    assert base.reason == "the top of the published base band ($155K–$220K)"
    assert equity.reason == "the guide's negotiate-up target (equity at $235K over 4 years)"
    assert counter.asked.annualized() == 278_750
    assert counter.gain == 85_750
    assert counter.premium == Decimal(20) and counter.premium_stated
    assert "band's top × 1.2 (the guide's +20% AI PREMIUM)" in counter.rule
    assert counter.settle == "Counter at $200K-$225K equity is competitive."
    walk_away, target, anchor = counter.targets
    assert (walk_away.amount, target.amount, anchor.amount) == (193_000, 278_750, 350_000)
    assert "negotiate-up line" in anchor.reason


def test_a_competing_offer_raises_the_base_within_the_cap(seed):
    guide, region = seed
    counter = build_counter(OFFER, guide, region, [CompetingOffer("Acme", total=300_000)])
    assert asks(counter) == {"base": ("$168K", "$242K"), "equity": ("$100K", "$235K")}
    assert counter.asked.annualized() == 300_750  # $242K + $235K ÷ 4: the match, rounded up
    assert "match the Acme offer ($300K total) ($241,250, rounded up to a figure people say)" in counter.asks[0].reason
    assert counter.targets[0].amount == 300_000 and "Acme" in counter.targets[0].reason


def test_never_above_the_premium_cap(seed):
    guide, region = seed
    counter = build_counter(OFFER, guide, region, [CompetingOffer("Acme", total=900_000)])
    # base cap 220K × 1.2 = 264K; equity cap 225K × 1.2 = 270K; total cap 340K × 1.2 = 408K.
    assert asks(counter) == {"base": ("$168K", "$264K"), "equity": ("$100K", "$270K")}
    assert counter.asked.annualized() == 331_500 <= capped(340_000, Decimal(20))


def test_a_competing_base_is_matched(seed):
    guide, region = seed
    counter = build_counter(OFFER, guide, region, [CompetingOffer("Beta", base=240_000)])
    assert asks(counter)["base"] == ("$168K", "$240K")
    assert counter.asks[0].reason == "matches the Beta offer's base ($240K)"


def test_never_below_the_offer(seed):
    guide, region = seed
    offer = Offer(currency="USD", base=300_000, equity=300_000, equity_years=4)
    counter = build_counter(offer, guide, region)
    assert asks(counter) == {"base": ("$300K", "$300K"), "equity": ("$300K", "$300K")}
    assert all(not a.moved and "hold" in a.reason for a in counter.asks)
    assert counter.gain == 0


def test_default_premium_when_the_guide_states_none(seed):
    guide, region = seed
    dna = NegotiationDNA(raw="Public", parts=["Public"], ownership="public")
    plain = guide.model_copy(update={"company": guide.company.model_copy(update={"dna": dna}), "negotiate_up": None})
    counter = build_counter(OFFER, plain, region, [CompetingOffer("Acme", total=900_000)])
    assert not counter.premium_stated and counter.premium == Decimal(20)
    assert "20%: the guide states no premium" in counter.rule
    assert asks(counter) == {"base": ("$168K", "$264K"), "equity": ("$100K", "$270K")}
    # Without a negotiate-up line the anchor is the counter itself.
    assert counter.targets[2].amount == counter.targets[1].amount


def test_a_sign_on_band_is_asked_for(seed):
    guide, region = seed
    region = region.model_copy(update={"sign_on": MoneyRange.of(10_000, 40_000, "USD")})
    counter = build_counter(OFFER, guide, region)
    assert asks(counter)["sign_on"] == ("$0", "$40K")
    assert counter.asked.annualized() == 278_750 + 10_000


def test_the_total_cap_trims_equity_first(seed):
    guide, region = seed
    region = region.model_copy(update={"total": MoneyRange.of(150_000, 200_000, "USD")})
    counter = build_counter(OFFER, guide, region)
    # Cap: 200K × 1.2 = 240K; base 220K leaves 20K a year for equity = 80K over 4 years,
    # but equity never goes below the 100K offered, so base gives way: 240K − 25K = 215K.
    assert counter.asked.annualized() == 240_000
    assert asks(counter) == {"base": ("$168K", "$215K"), "equity": ("$100K", "$100K")}
    assert [a.moved for a in counter.asks] == [True, False]
    assert counter.notes == ["trimmed to the total-comp cap $240K (the total band's top × the premium)"]


# --- what the company said cannot move ---------------------------------------------------------------


def test_hold_keeps_a_fixed_base_and_moves_its_first_year_gap_to_sign_on(seed):
    guide, region = seed
    counter = build_counter(OFFER, guide, region)
    held = hold(counter, ["base"])
    assert asks(held) == {"base": ("$168K", "$168K"), "equity": ("$100K", "$235K"), "sign_on": ("$0", "$52K")}
    base = held.asks[0]
    assert base.held and not base.moved and base.reason == "fixed: they said it cannot move"
    assert held.asks[2].reason == (
        "the base cannot move, so a one-time sign-on of $52K covers the first year's base gap ($220K asked − $168K)"
    )
    assert held.asked.annualized() == 239_750  # 168K + 235K ÷ 4 + 52K ÷ 4
    assert held.targets[1].amount == 239_750
    assert asks(counter)["base"] == ("$168K", "$220K")  # the counter passed in is unchanged


def test_hold_with_everything_fixed_asks_for_nothing(seed):
    guide, region = seed
    held = hold(build_counter(OFFER, guide, region), ["total"])
    assert not any(ask.moved for ask in held.asks)
    assert held.asked.annualized() == OFFER.annualized() == 193_000


def test_hold_caps_a_part_at_the_limit_they_stated(seed):
    guide, region = seed
    held = hold(build_counter(OFFER, guide, region), [], {"base": 190_000, "equity": 90_000})
    assert asks(held) == {"base": ("$168K", "$190K"), "equity": ("$100K", "$100K"), "sign_on": ("$0", "$30K")}
    assert held.asks[0].reason == "held to the limit they stated ($190K)"
    assert held.asks[1].held  # a limit below the offer holds the offer, never asks for less


def test_hold_with_a_fixed_sign_on_moves_nothing_to_it(seed):
    guide, region = seed
    held = hold(build_counter(OFFER, guide, region), ["base", "sign_on"])
    assert "sign_on" not in asks(held)
    assert held.asked.annualized() == 226_750  # 168K + 235K ÷ 4


def test_hold_with_nothing_fixed_is_the_counter_itself(seed):
    guide, region = seed
    counter = build_counter(OFFER, guide, region)
    assert hold(counter, []) is counter


def test_a_computed_ask_is_rounded_down_when_rounding_up_would_cross_the_cap():
    from bot.offers.counter import Ask, _round_asks, natural_step
    from bot.offers.model import Offer

    assert [natural_step(v) for v in (241_250, 1_234_567, 4_731_250, 999)] == [1000, 10_000, 10_000, 1000]
    offer = Offer(base=150_000, currency="USD")
    asked = Offer(base=178_250, currency="USD")
    asks = [Ask("base", "Base salary", "$150K", "$178,250", "held to the cap $178,250", True)]
    _round_asks(offer, asked, asks, {"base": 178_250}, None, lambda v: f"${v:,}")
    assert asked.base == 178_000
    assert asks[0].ask == "$178,000" and "($178,250, rounded down to a figure people say)" in asks[0].reason
    # never below the offer: an offer of $178,100 keeps the exact ask
    asked = Offer(base=178_250, currency="USD")
    _round_asks(Offer(base=178_100, currency="USD"), asked, asks, {"base": 178_250}, None, str)
    assert asked.base == 178_250


# --- the cap: band top × (1 + premium) -------------------------------------------------------------


def test_a_competing_base_above_the_cap_is_held_to_the_cap(seed):
    """Kills the mutation that lets an ask exceed the band top × (1 + premium): `_bounded`'s
    cap branch returning the goal instead of the cap. With it this test fails:
    `('$168K', '$383K') == ('$168K', '$264K')` (the rival's $400K asked, only trimmed back by the
    total cap). Before this test the branch never ran: every goal in the suite was under its cap."""
    guide, region = seed
    counter = build_counter(OFFER, guide, region, [CompetingOffer("Beta", base=400_000)])
    # base cap: $220K (band top) × 1.2 (the guide's +20% premium) = $264K
    assert asks(counter)["base"] == ("$168K", "$264K")
    assert counter.asked.base == 264_000 == capped(220_000, Decimal(20))
    assert counter.asks[0].reason == "matches the Beta offer's base ($400K), held to the cap $264K"
    assert counter.asked.annualized() == 322_750  # $264K + $235K ÷ 4


def test_a_guide_target_above_the_cap_is_held_to_the_cap(seed):
    """A guide whose own negotiate-up equity target is above the equity band's top × 1.2:
    the ask stops at the cap and says so. (Same mutation: fails with
    `('$100K', '$400K') == ('$100K', '$270K')`.)"""
    guide, region = seed
    plan = guide.negotiate_up.model_copy(
        update={"target_equity": guide.negotiate_up.target_total.model_copy(update={"amount": 400_000})}
    )
    greedy = guide.model_copy(update={"negotiate_up": plan})
    counter = build_counter(OFFER, greedy, region)
    # equity cap: $225K (band top over 4 years) × 1.2 = $270K
    assert asks(counter)["equity"] == ("$100K", "$270K")
    assert counter.asks[1].reason == (
        "the guide's negotiate-up target (equity at $400K over 4 years), held to the cap $270K"
    )


def test_a_cap_below_the_offer_never_asks_for_less(seed):
    """An offer already above the cap: the ask holds the offer (the cap never lowers it)."""
    guide, region = seed
    offer = Offer(currency="USD", base=280_000, equity=100_000, equity_years=4)
    counter = build_counter(offer, guide, region, [CompetingOffer("Beta", base=400_000)])
    assert asks(counter)["base"] == ("$280K", "$280K")
    assert not counter.asks[0].moved
    assert counter.asks[0].reason == "already at or above that mark; hold what they offered"


@settings(max_examples=200, deadline=None)
@given(
    base=st.integers(50_000, 400_000),
    equity=st.integers(0, 600_000),
    rival_base=st.none() | st.integers(0, 1_000_000),
    rival_total=st.none() | st.integers(0, 2_000_000),
)
def test_no_ask_above_the_cap_unless_the_offer_already_is(seed, base, equity, rival_base, rival_total):
    """Whatever the offer and the rival: each part asks at most max(offered, band top × 1.2),
    never below the offer, and the whole package at most max(offered, total top × 1.2).
    (Same mutation: hypothesis finds base $50K, rival base $265K: `assert 265000 <= 264000`.)"""
    guide, region = seed
    offer = Offer(currency="USD", base=base, equity=equity, equity_years=4)
    rivals = [CompetingOffer("Rival", total=rival_total, base=rival_base)]
    counter = build_counter(offer, guide, region, rivals)
    assert offer.base <= counter.asked.base <= max(offer.base, capped(220_000, Decimal(20)))  # $264K
    if equity:
        assert offer.equity <= counter.asked.equity <= max(offer.equity, capped(225_000, Decimal(20)))  # $270K
    assert counter.asked.annualized() <= max(offer.annualized(), capped(340_000, Decimal(20)))  # $408K


def test_a_script_in_another_currency_sets_no_target(variants_answers):
    """Before: Acme's script ("targeting $300K total comp with equity at $200K") was quoted as
    "targeting €300K" for a Berlin offer in euros, and its $200K became the euro equity goal."""
    guide = variants_answers.catalog.by_key["acme/software-engineer"]
    berlin = next(r for r in guide.regions if r.name == "Berlin")
    offer = Offer(currency="EUR", base=85_000, equity=40_000, equity_years=4, bonus_percent=Decimal(10))
    counter = build_counter(offer, guide, berlin)
    assert asks(counter) == {"base": ("€85K", "€99K"), "equity": ("€40K", "€50K"), "bonus": ("10%", "10%")}
    assert counter.asks[1].reason == "the top of the published equity band (€30K–€50K over 4 years)"
    assert counter.notes == [
        "the guide's counter script names its targets in USD, and this counter is in EUR: they are not used"
        " here, as currencies are never converted"
    ]
    _, target, anchor = counter.targets
    assert anchor.amount == target.amount and "negotiate-up" not in anchor.reason
    assert counter.settle is None
    assert "€300K" not in str(counter) and "€200K" not in str(counter)


def test_a_script_in_the_offers_currency_still_sets_the_targets(variants_answers):
    guide = variants_answers.catalog.by_key["acme/software-engineer"]
    sf = guide.regions[0]
    counter = build_counter(Offer(currency="USD", base=150_000, equity=100_000, equity_years=4), guide, sf)
    assert counter.notes == []
    assert counter.asks[1].reason == "the guide's negotiate-up target (equity at $200K over 4 years)"
    assert counter.targets[-1].amount == 300_000
    assert counter.targets[-1].reason.startswith("the guide's negotiate-up line (“targeting $300K total comp”)")


def test_the_lookup_says_a_script_in_another_currency_is_no_target_there(variants_answers):
    berlin = "\n".join(m.text for m in variants_answers.comp("acme swe berlin"))
    assert ">I'm targeting $300K total comp with equity at $200K over 4 years." in berlin  # quoted as written
    assert (
        ":warning: This script's figures are in USD, and the Berlin band is in EUR: they are the guide's as"
        " written, never converted, and no target for Berlin." in berlin
    )
    assert "This script's figures are in" not in "\n".join(m.text for m in variants_answers.comp("acme swe sf"))
