"""Band positions, gauges and the two totals, with exact figures and formulas."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from bot.guides.model import Bonus, PercentRange
from bot.offers.evaluate import band_position, evaluate, gauge
from bot.offers.model import Offer


@pytest.mark.parametrize(
    ("value", "position"),
    [
        (154_999, "below"),
        (155_000, "lower"),
        (176_666, "lower"),
        (176_667, "middle"),
        (198_333, "middle"),
        (198_334, "upper"),
        (220_000, "upper"),
        (220_001, "above"),
    ],
)
def test_thirds_of_the_band(value, position):
    assert band_position(value, 155_000, 220_000) == position


def test_gauge():
    assert gauge(100, 200, 300) == "●|──────────|"
    assert gauge(200, 200, 300) == "|●─────────|"
    assert gauge(250, 200, 300) == "|─────●────|"
    assert gauge(300, 200, 300) == "|─────────●|"
    assert gauge(301, 200, 300) == "|──────────|●"
    assert gauge(5, 5, 5) == "|─────────●|"


def test_the_seed_offer(seed):
    guide, region = seed
    offer = Offer(currency="USD", base=168_000, equity=100_000, equity_years=4)
    ev = evaluate(offer, guide, region)
    base, equity = ev.placed
    assert (base.offered, base.band, base.position, base.gauge) == ("$168K", "$155K–$220K", "lower", "|──●───────|")
    assert (equity.offered, equity.band, equity.position) == ("$100K", "$80K–$225K", "lower")
    assert ev.annualized == 193_000 and ev.year_one == 193_000
    assert ev.annualized_formula == "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 ÷ 4 = $193K"
    assert ev.year_one_formula == "base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 = $193K"
    assert (ev.total.band, ev.total.position) == ("$210K–$340K", "below")
    # PlanetScale is private: equity is illiquid, risk-adjusted at the stated 50%.
    assert ev.private
    assert ev.risk_adjusted_equity == 12_500
    assert ev.risk_adjusted_annualized == 180_500


def test_sign_on_counts_a_quarter_a_year_and_fully_in_year_one(seed):
    guide, region = seed
    offer = Offer(
        currency="USD", base=168_000, equity=100_000, equity_years=4, sign_on=30_000, bonus_percent=Decimal(10)
    )
    ev = evaluate(offer, guide, region)
    # 168,000 + 25,000 + 16,800 + 7,500
    assert ev.annualized == 217_300
    assert ev.annualized_formula == ("base $168K + equity $100K ÷ 4 + bonus 10% × $168K + sign-on $30K ÷ 4 = $217.3K")
    assert ev.year_one == 239_800
    assert ev.year_one_formula == "base $168K + equity $100K ÷ 4 + bonus 10% × $168K + sign-on $30K = $239.8K"
    assert ev.total.position == "lower"
    bonus = next(p for p in ev.placed if p.key == "bonus")
    assert bonus.band is None and "no bonus" in bonus.note


def test_non_terminating_figures_are_marked_not_rounded(seed):
    guide, region = seed
    ev = evaluate(Offer(currency="USD", base=150_000, equity=100_000, equity_years=3), guide, region)
    assert ev.annualized == Fraction(550_000, 3)
    assert ev.annualized_formula.endswith("= ≈$183,333")
    equity = next(p for p in ev.placed if p.key == "equity")
    assert equity.label == "Equity per year (3-year grant)"
    assert "a year at a time" in equity.note
    assert equity.band == "$20K–$56,250"


def test_a_percent_bonus_band(seed):
    guide, region = seed
    region = region.model_copy(
        update={"bonus": Bonus(kind="percent", percent=PercentRange(low=Decimal(10), high=Decimal(20)))}
    )
    ev = evaluate(Offer(currency="USD", base=200_000, bonus_percent=Decimal(15), no_equity=True), guide, region)
    bonus = next(p for p in ev.placed if p.key == "bonus")
    assert (bonus.offered, bonus.band, bonus.position) == ("15% of base", "10–20%", "middle")
    assert not ev.private  # no equity, nothing illiquid to value


def test_without_a_guide_only_totals(seed):
    ev = evaluate(Offer(currency="GBP", base=75_000), None, None)
    assert ev.annualized_formula == "base £75K + equity (not given yet, left out) + bonus £0 + sign-on £0 ÷ 4 = £75K"
    assert ev.total is None and ev.placed[0].band is None
    stated_none = evaluate(Offer(currency="GBP", base=75_000, no_equity=True), None, None)
    assert stated_none.annualized_formula == "base £75K + equity £0 + bonus £0 + sign-on £0 ÷ 4 = £75K"


def test_a_grant_not_given_is_not_placed_in_the_total_band(seed):
    guide, region = seed
    ev = evaluate(Offer(currency="USD", base=170_000), guide, region)
    assert ev.total is None and "(not given yet, left out)" in ev.annualized_formula
    assert evaluate(Offer(currency="USD", base=170_000, no_equity=True), guide, region).total is not None
