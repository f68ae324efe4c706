"""Answers to the questions people ask mid-negotiation (bot/coaching/questions.py): each topic
from the guide's own sections and the case, figures checked exactly, general advice labelled."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.coaching import questions
from bot.coaching.case import Case, CurrentJob, Note, Rival, SharesPending
from bot.guides.markdown import read_guide_file
from bot.guides.model import Guide, Lever, RegionBand
from bot.offers.model import Offer
from bot.render.blocks import build_messages

VARIANTS = Path(__file__).parents[1] / "guides" / "fixtures" / "variants"


@pytest.fixture(scope="module")
def planetscale(answers) -> Guide:
    return answers.catalog.by_key["planetscale/ml-ai-engineer"]


def variant(company: str, role: str) -> Guide:
    result = read_guide_file(VARIANTS / company / f"{role}.md", VARIANTS)
    assert result.guide is not None
    return result.guide


def region(guide: Guide, name: str) -> RegionBand:
    return next(r for r in guide.regions if r.name == name)


def offer_case(guide: Guide, region_name: str, **fields) -> Case:
    offer = fields.pop("offer", Offer(currency="USD", base=168_000, equity=100_000, equity_years=4))
    return Case(company_slug=guide.company.slug, guide_key=guide.key, region=region_name, offer=offer, **fields)


def ask(topic: str, case: Case, guide: Guide | None, region_band: RegionBand | None) -> str:
    return questions.answer(topic, case, guide, region_band)


# --- is this good ----------------------------------------------------------------------------------


def test_good_places_every_part_and_says_why(planetscale):
    remote = region(planetscale, "Remote US")
    text = ask("good", offer_case(planetscale, "Remote US", stage="leverage"), planetscale, remote)
    assert "*Base salary:* $168K, lower third ($155K–$220K): $52K below the top ($220K − $168K)" in text
    assert "*Equity (4-year grant):* $100K, lower third ($80K–$225K): $125K below the top ($225K − $100K)" in text
    assert (
        "*Annualized total:* $193K, below the band ($210K–$340K): $17K under the bottom of the band ($210K − $193K)"
        in text
    )
    assert "*In short:* below the guide's range" in text
    assert "the guide gives this role a +10–20% AI PREMIUM" in text
    # the overview's sentence on why the role pays as it does, quoted as written
    assert "The intersection of ML expertise and database internals knowledge is extremely rare.”" in text
    assert "a year of equity is $25K on paper, $12.5K at a 50% discount" in text
    assert "the annualized total becomes $180.5K" in text


def test_good_shows_a_computed_total_exactly(planetscale):
    sf = region(planetscale, "San Francisco HQ")
    case = offer_case(planetscale, sf.name, offer=Offer(currency="USD", base=220_000, equity=245_000, equity_years=4))
    text = ask("good", case, planetscale, sf)
    # 220K + 245K ÷ 4 = 281,250: written in full, never rounded to $281K nor shown as $281.25K
    assert "*Annualized total:* $281,250, middle third ($230K–$365K): $83,750 below the top ($365K − $281,250)" in text
    assert "*Equity (4-year grant):* $245K, upper third ($90K–$245K): at the top" in text
    assert "*In short:* a solid, mid-range offer." in text
    assert "a year of equity is $61,250 on paper, $30,625 at a 50% discount" in text


def test_good_compares_rivals_and_the_current_job():
    acme = variant("acme", "software-engineer")
    sf = region(acme, "San Francisco HQ")
    case = offer_case(
        acme,
        sf.name,
        offer=Offer(currency="USD", base=170_000, equity=120_000, equity_years=4, bonus_percent=Decimal(15)),
        rivals=[Rival(company="Stripe", base=190_000, equity=200_000, equity_years=4)],
        current=CurrentJob(company="Initech", total=160_000),
        fixed=["base"],
    )
    text = ask("good", case, acme, sf)
    # 170K + 120K ÷ 4 + 15% × 170K = 225.5K; Stripe 190K + 200K ÷ 4 = 240K
    assert "*Annualized total:* $225.5K, lower third ($215K–$302K)" in text
    assert "• The Stripe offer: $240K a year, +$14.5K ($240K − $225.5K) against this offer" in text
    assert "• Your current job at Initech: $160K a year, −$65.5K ($160K − $225.5K) against this offer" in text
    assert "Fixed, they said: base." in text


def test_good_never_compares_across_currencies():
    acme = variant("acme", "software-engineer")
    sf = region(acme, "San Francisco HQ")
    case = offer_case(acme, sf.name, rivals=[Rival(company="Monzo", currency="GBP", total=120_000)])
    text = ask("good", case, acme, sf)
    assert "• The Monzo offer: no total I can compare (a missing figure or another currency)" in text
    assert "£" not in text


def test_good_with_levels_places_the_total_by_level():
    orbital = variant("orbital", "site-reliability-engineer")
    remote = region(orbital, "Remote US")
    case = offer_case(orbital, remote.name, offer=Offer(currency="USD", base=180_000, equity=40_000, equity_years=4))
    text = ask("good", case, orbital, remote)
    assert "(your offer: $190K a year annualized" in text
    assert "• L4 (SRE II): $170K–$235K: your offer falls in this band" in text
    assert "• L3 (SRE I): $135K–$180K\n" in text
    assert "Which level is the offer at?" in text


def test_good_without_a_region_asks_for_it_and_places_nothing(planetscale):
    case = Case(company_slug="planetscale", guide_key=planetscale.key, offer=Offer(base=168_000))
    text = ask("good", case, planetscale, None)
    assert "Which location is the offer for?" in text and "San Francisco HQ, Remote US" in text
    assert "lower third" not in text and "$155K" not in text


def test_good_without_a_guide_says_so_first_and_invents_no_band():
    case = Case(company_text="Foo <!channel> & Co", offer=Offer(currency="USD", base=150_000))
    text = ask("good", case, None, None)
    first = text.split("::section\n", 1)[1].splitlines()[0]
    assert first.startswith("I have no guide for Foo &lt;!channel&gt; &amp; Co")
    assert "general advice, not from a guide" in first
    assert "Your offer comes to $150K a year, annualized" in text
    assert "band (" not in text and "premium" not in text


# --- should I accept -------------------------------------------------------------------------------


def test_accept_before_a_counter_weighs_the_case(planetscale):
    remote = region(planetscale, "Remote US")
    case = offer_case(planetscale, remote.name, stage="leverage", walk_away=180_000)
    text = ask("accept", case, planetscale, remote)
    assert "That is your decision" in text
    assert "*The offer:* $193K a year annualized, below the guide's band." in text
    assert "targets $350K total comp: $157K ($350K − $193K) above this offer" in text
    assert "*Your walk-away* of $180K: the offer is $13K ($193K − $180K) above it." in text
    assert "“Counter at $200K-$225K equity is competitive.”" in text  # the guide's own line
    assert "*You haven't countered yet.* General advice, not from the guide" in text
    assert "$180.5K a year at a 50% discount" in text


def test_accept_after_a_counter_names_rivals_fixed_parts_and_notes(planetscale):
    remote = region(planetscale, "Remote US")
    case = offer_case(
        planetscale,
        remote.name,
        stage="pushback",
        walk_away=200_000,
        rivals=[Rival(company="Anthropic", base=320_000, equity=400_000, equity_years=4)],
        fixed=["base"],
        notes=[Note(item="relocation", amount=5_000)],
    )
    text = ask("accept", case, planetscale, remote)
    assert "the offer is $7K ($200K − $193K) below it" in text
    assert "*The Anthropic offer* pays more: +$227K ($420K − $193K)." in text
    assert "*Fixed, they said:* base" in text
    assert "*You have countered.*" in text
    assert "not counted in the totals: relocation: $5K" in text


@pytest.mark.parametrize(
    ("grant", "present", "absent"),
    [
        ("rsu", ["number of RSUs", "latest preferred price"], ["strike", "409A"]),
        ("options", ["number of options, the strike price, the latest 409A valuation"], ["RSUs"]),
        (None, ["whether the grant is RSUs or options", "for options also the strike price"], []),
    ],
)
def test_accept_asks_only_what_fits_the_grant_type(planetscale, grant, present, absent):
    remote = region(planetscale, "Remote US")
    text = ask("accept", offer_case(planetscale, remote.name, grant_type=grant), planetscale, remote)
    for words in present:
        assert words in text
    for words in absent:
        assert words not in text


# --- refreshers ---------------------------------------------------------------------------------------


def test_refreshers_when_the_guide_says_nothing(planetscale):
    remote = region(planetscale, "Remote US")
    case = offer_case(planetscale, remote.name, notes=[Note(item="refresh", words="equity refresh")])
    text = ask("refreshers", case, planetscale, remote)
    assert "The PlanetScale guide says nothing about refreshers, so what follows is general advice." in text
    assert "your grant pays $25K a year ($100K ÷ 4) for 4 years" in text
    assert "your pay falls by $25K a year" in text
    assert "*General advice:*" in text
    assert "You told me: equity refresh (kept as a note" in text


def test_refreshers_quote_the_guide_when_it_speaks(planetscale):
    guide = planetscale.model_copy(
        update={"narrative": ["Engineers get yearly refreshers of about 25% of the first grant. Hiring is hot."]}
    )
    text = ask("refreshers", offer_case(guide, "Remote US"), guide, region(guide, "Remote US"))
    assert "*What the PlanetScale guide says:*" in text
    assert "• (Overview) “Engineers get yearly refreshers of about 25% of the first grant.”" in text
    assert "Hiring is hot" not in text and "says nothing" not in text


# --- vesting ------------------------------------------------------------------------------------------


def test_a_back_loaded_schedule_changes_year_one(planetscale):
    remote = region(planetscale, "Remote US")
    case = offer_case(
        planetscale, remote.name, vesting_schedule=[Decimal(5), Decimal(15), Decimal(40), Decimal(40)], cliff_months=12
    )
    text = ask("vesting", case, planetscale, remote)
    assert "Vesting: 5/15/40/40" in text
    assert "• Year 1: $100K × 5% = $5K" in text
    assert "• Year 2: $100K × 15% = $15K" in text
    assert "• Year 3: $100K × 40% = $40K" in text
    assert "• Year 4: $100K × 40% = $40K" in text
    assert "*Year 1 with this schedule:* base $168K + equity $5K + bonus $0 + sign-on $0 = $173K" in text
    assert "*Year 1 if it vested evenly:* base $168K + equity $100K ÷ 4 + bonus $0 + sign-on $0 = $193K" in text
    assert "The back-loading costs you $20K in year 1 ($25K − $5K)" in text
    assert "The annualized total ($193K) does not change" in text
    assert "*Cliff:* 12 months. Nothing vests before month 12" in text
    assert "At month 12, year 1's $5K vests at once." in text


def test_back_loading_with_a_bonus_and_sign_on_is_exact():
    acme = variant("acme", "software-engineer")
    sf = region(acme, "San Francisco HQ")
    offer = Offer(
        currency="USD", base=170_000, equity=150_000, equity_years=4, bonus_percent=Decimal(15), sign_on=25_000
    )
    case = offer_case(acme, sf.name, offer=offer, vesting_schedule=[Decimal(5), Decimal(15), Decimal(40), Decimal(40)])
    text = ask("vesting", case, acme, sf)
    assert "• Year 1: $150K × 5% = $7.5K" in text
    # 170K + 7.5K + 25.5K + 25K = 228K; evenly: 170K + 37.5K + 25.5K + 25K = 258K
    assert "base $170K + equity $7.5K + bonus $25.5K + sign-on $25K = $228K" in text
    assert "base $170K + equity $150K ÷ 4 + bonus $25.5K + sign-on $25K = $258K" in text
    assert "costs you $30K in year 1 ($37.5K − $7.5K)" in text
    assert "The Acme guide's band assumes a 4-year RSU grant" in text


def test_a_schedule_that_does_not_add_up_is_flagged_not_fixed(planetscale):
    remote = region(planetscale, "Remote US")
    offer = Offer(currency="USD", base=168_000, equity=100_000, equity_years=4)
    case = offer_case(planetscale, remote.name, offer=offer, vesting_schedule=[Decimal(10), Decimal(20), Decimal(30)])
    text = ask("vesting", case, planetscale, remote)
    assert "These shares add up to 60%, not 100%" in text
    assert "The schedule has 3 years but you told me the grant vests over 4" in text
    assert "• Year 3: $100K × 30% = $30K" in text  # computed as written


def test_vesting_without_a_schedule_assumes_even_and_says_so(planetscale):
    remote = region(planetscale, "Remote US")
    text = ask("vesting", offer_case(planetscale, remote.name), planetscale, remote)
    assert "I count your grant evenly, $25K a year ($100K ÷ 4), as Levels.fyi does." in text
    assert "Tell me your schedule" in text
    assert "you haven't told me one" in text
    assert "says nothing about the schedule or cliff" in text


# --- deadlines, level, remote, sign-on ---------------------------------------------------------------


def test_deadline_is_general_advice_labelled(planetscale):
    remote = region(planetscale, "Remote US")
    case = offer_case(planetscale, remote.name, rivals=[Rival(company="Anthropic", total=400_000)])
    text = ask("deadline", case, planetscale, remote)
    assert "The PlanetScale guide says nothing about deadlines, so this is general advice." in text
    assert "exploding" in text and "Could we set the decision date to [fill in: date]?" in text
    assert "With the Anthropic offer in play" in text
    assert "$" not in text  # no figure for a question with none


def test_deadline_quotes_the_guide_when_it_speaks(planetscale):
    guide = planetscale.model_copy(
        update={"levers": [*planetscale.levers, Lever(title="Timing", script="Exploding offers are rare here.")]}
    )
    text = ask("deadline", offer_case(guide, "Remote US"), guide, region(guide, "Remote US"))
    assert "• (Lever: Timing) “Exploding offers are rare here.”" in text


def test_level_uses_the_guide_mapping(planetscale):
    remote = region(planetscale, "Remote US")
    text = ask("level", offer_case(planetscale, remote.name, level="L4"), planetscale, remote)
    assert (
        "*The guide's level mapping:* PlanetScale ML/AI Eng = CockroachDB ML Eng = MongoDB ML Eng = Google L4 ML."
        in text
    )
    assert "You told me the offer is at L4." in text


def test_level_without_a_mapping_says_so():
    alpha = variant("stockco", "alpha")
    guide = alpha.model_copy(update={"level_mapping": [], "level_mapping_raw": None})
    text = ask("level", Case(guide_key=guide.key), guide, guide.regions[0])
    assert "guide gives no level mapping, so this is general advice" in text


def test_remote_compares_the_guide_regions_exactly(planetscale):
    remote = region(planetscale, "Remote US")
    text = ask("remote", offer_case(planetscale, remote.name), planetscale, remote)
    assert "• *Remote US:* base $155K–$220K, total comp $210K–$340K (your offer's band)" in text
    assert (
        "• Base, Remote US against San Francisco HQ: −$15K ($155K − $170K) at the low end, "
        "−$15K ($220K − $235K) at the top." in text
    )
    assert "• Total comp, Remote US against San Francisco HQ: −$20K ($210K − $230K) at the low end" in text
    assert "−$25K ($340K − $365K) at the top" in text
    assert "*Your $168K base in each band:*" in text
    assert "• San Francisco HQ: below the band ($170K–$235K), $2K under the bottom of the band ($170K − $168K)" in text
    assert "• Remote US: lower third ($155K–$220K), $52K below the top ($220K − $168K)" in text


def test_remote_without_a_remote_band_says_so():
    acme = variant("acme", "software-engineer")
    text = ask("remote", Case(guide_key=acme.key), acme, region(acme, "San Francisco HQ"))
    assert "The Acme guide publishes no remote band, only San Francisco HQ, London, Zurich, Singapore, Berlin." in text


def test_sign_on_vs_base_computes_what_a_base_raise_is_worth(planetscale):
    remote = region(planetscale, "Remote US")
    text = ask("sign_on_vs_base", offer_case(planetscale, remote.name), planetscale, remote)
    assert "Your base is $52K below the top of the band ($220K − $168K)." in text
    assert "Over 4 years that is $208K ($52K × 4); a one-time sign-on of $52K covers only the first year." in text
    assert "*The guide publishes no sign-on band for Remote US*" in text
    assert "*General advice:* ask for base first" in text


def test_sign_on_when_the_base_is_fixed():
    acme = variant("acme", "software-engineer")
    sf = region(acme, "San Francisco HQ")
    offer = Offer(currency="USD", base=170_000, equity=120_000, equity_years=4, bonus_percent=Decimal(15))
    text = ask("sign_on_vs_base", offer_case(acme, sf.name, offer=offer, fixed=["base"]), acme, sf)
    assert "*The guide's San Francisco HQ sign-on band:* $20K–$40K." in text
    assert "They told you the base is fixed, so a sign-on is the way to close the gap now: ask for $40K" in text
    assert "Your 15% target bonus is a share of base" in text


# --- small talk, scope, every topic on every kind of case -----------------------------------------------


@pytest.mark.parametrize(
    ("stage", "words"),
    [
        ("intake", "tell me the offer's figures"),
        ("leverage", "say `no other offers`"),
        ("counter", "tell me what they answer"),
        ("close", "get the final terms in writing"),
    ],
)
def test_thanks_points_at_the_next_step(planetscale, stage, words):
    text = ask("thanks", offer_case(planetscale, "Remote US", stage=stage), planetscale, None)
    assert text.strip().startswith("::section\nYou're welcome.") and words in text


def test_goodbye_and_out_of_scope(planetscale):
    assert "Good luck with PlanetScale!" in ask("goodbye", offer_case(planetscale, "Remote US"), planetscale, None)
    assert "`forget me`" in ask("goodbye", offer_case(planetscale, "Remote US"), planetscale, None)
    assert "`forget me`" not in ask("goodbye", Case(), None, None)
    scope = ask("out_of_scope", Case(), None, None)
    assert "outside what I can help with" in scope and "tax adviser" in scope and "$" not in scope


def test_an_unknown_topic_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown question topic 'salsa'"):
        questions.answer("salsa", Case(), None, None)


@pytest.mark.parametrize("topic", questions.TOPICS)
def test_every_topic_answers_any_case(planetscale, topic):
    remote = region(planetscale, "Remote US")
    rich = offer_case(
        planetscale,
        remote.name,
        rivals=[Rival(company="Anthropic", base=320_000, equity=400_000, equity_years=4)],
        current=CurrentJob(company="Stripe", base=160_000),
        fixed=["total"],
        caps={"base": 180_000},
        notes=[Note(item="other", words="<b>gym</b>")],
        vesting_schedule=[Decimal(25)] * 4,
        cliff_months=6,
        grant_type="options",
        stage="close",
    )
    for case, guide, band in ((Case(), None, None), (rich, planetscale, remote), (rich, planetscale, None)):
        text = ask(topic, case, guide, band)
        assert text.strip() and "<b>" not in text and "None" not in text
        messages = build_messages(text)  # what the coach sends: blocks within Slack's limits
        assert messages and all(message.text.strip() for message in messages)


def test_limits_and_a_grant_in_shares_are_named_never_priced(planetscale):
    remote = region(planetscale, "Remote US")
    case = offer_case(
        planetscale,
        remote.name,
        offer=Offer(currency="USD", base=168_000),
        caps={"base": 180_000},
        fixed=["sign_on"],
        shares=SharesPending(count=10_000, years=4),
    )
    text = ask("accept", case, planetscale, remote)
    assert "*Fixed, they said:* sign-on; the other parts may still move." in text
    assert "*Their stated limits:* base at most $180K." in text
    assert "*Your grant is 10,000 shares over 4 years*: tell me the price per share" in text
    assert "$10K" not in text  # a count of shares is never read as money
    good = ask("good", case, planetscale, remote)
    assert "Your grant is 10,000 shares over 4 years: tell me the price per share" in good
    sign_on = ask("sign_on_vs_base", case, planetscale, remote)
    assert "They told you the sign-on is fixed, so keep the ask on base." in sign_on


def test_a_fixed_package_in_words(planetscale):
    remote = region(planetscale, "Remote US")
    text = ask("accept", offer_case(planetscale, remote.name, fixed=["total"]), planetscale, remote)
    assert "*Fixed, they said:* the whole package; terms (level, start date, refreshers) may still move." in text


def test_good_never_places_an_offer_in_another_currency_band(planetscale):
    remote = region(planetscale, "Remote US")
    case = offer_case(planetscale, remote.name, offer=Offer(currency="GBP", base=90_000))
    text = ask("good", case, planetscale, remote)
    assert "Your offer comes to £90K a year, annualized" in text
    assert "Your figures are in GBP and the guide's Remote US band in USD; I never convert currencies" in text
    assert "lower third" not in text and "below the band" not in text


def test_level_places_the_offer_in_the_band_of_the_level_they_named():
    orbital = variant("orbital", "site-reliability-engineer")
    remote = region(orbital, "Remote US")
    offer = Offer(currency="USD", base=180_000, equity=40_000, equity_years=4)
    text = ask("level", offer_case(orbital, remote.name, offer=offer, level="L5"), orbital, remote)
    assert "*The guide's level mapping:* Orbital L4 = Google L4 = Meta E4." in text
    assert "• L4 (SRE II): $170K–$235K: your offer falls in this band" in text
    # $190K annualized against L5's $225K–$305K
    assert "At L5 (Senior), your offer sits below the band: $35K under the bottom of the band ($225K − $190K)." in text
