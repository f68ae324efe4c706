"""Entities with roles: every figure with whose it is, which part, unit and period, and the
small facts around them (vesting years and schedule, cliff, grant type, level, rivals, the
current job, fixed parts, notes).

A rule grammar on purpose: numbers, units and periods are where rules are exact, and the
labelled set (tests/understanding) measures them. Amounts are read by the money grammar
in bot/understanding/amounts.py (currencies, `k`/`M`/lakh suffixes, Indian grouping); this module
gives them their roles. Whose figure it is comes from the nearest holder phrase before it
in the same sentence ("another offer from Acme", "I currently make", "the anthropic one");
with none, the figure is the offer under discussion ("they", "the recruiter", "HR").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from bot.guides.money import MoneyError, parse_number
from bot.understanding.amounts import (
    AMOUNT_RE,
    LEVEL_RE,
    NOT_MONEY_AFTER,
    NOTHING_ELSE_RE,
    PERCENT_RE,
    SUFFIX_ALIASES,
    currency_of,
)
from bot.understanding.model import ANY_RIVAL, CURRENT, OFFER, Amount, Utterance, rival

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "a": 1, "an": 1,
}  # fmt: skip
_WORD_DURATION = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|(?:a|an)(?=[- ](?:year|month)[- ]cliff))"
    r"([- ](?:years?|yrs?|months?)\b)",
    re.I,
)
# 401(k) is a plan's name, not 401 thousand: read first, as a note.
RETIREMENT_RE = re.compile(
    r"\b401\s?\(?k\)?(?:\s+match(?:ing)?)?|\bpension(?:\s+match(?:ing)?)?|\bretirement\s+match"
    # Canada's RRSP and DPSP, New Zealand's KiwiSaver, Hong Kong's MPF: an employer's contribution to retirement
    r"|\b(?:rrsp|dpsp|kiwisaver|mpf)(?:\s+match(?:ing)?|\s+contribution)?\b",
    re.I,
)

# Australian superannuation, which the employer pays into a retirement fund on top of the salary ("A$170k +
# super", "11.5% super", "superannuation"): a retirement contribution, kept as a note like a 401k match, never
# pay. "super" alone only where it names the fund (after "+", "plus", "and", "incl", "ex" or a percent, or
# before a percent or the end of a clause), never the adverb ("super helpful", "and super low equity").
_SUPER_ENDS = (
    r"(?=\s*(?:$|[,.;:!?)(+&/-]|\d|(?:in|on\s+top|contributions?|guarantee|included|extra|separately|at|of|is|and"
    r"|plus|with)\b))"
)
SUPER_RE = re.compile(
    r"\bsuperannuation\b"
    r"|(?:\+\s*|\b(?:plus|and|with|incl(?:uding|\.)?|inc\.?|excl(?:uding|\.)?|ex|no)\s+|%\s*)super\b"
    + _SUPER_ENDS
    + r"|\bsuper\s*(?:contributions?|guarantee)?\s*(?:of|at|is|:|-)?\s*(?=\d{1,2}(?:\.\d+)?\s?%)",
    re.I,
)
# "A$170k + super": the figure the fund is paid on top of is the salary
PLUS_SUPER_AFTER_RE = re.compile(
    r"\s*(?:\+|plus|and)\s*(?:\d{1,2}(?:\.\d+)?\s?%\s*)?(?:superannuation\b|super\b" + _SUPER_ENDS + ")", re.I
)
PLAN_BEFORE_GAP_RE = re.compile(r"\s*(?:employer(?:'s)?\s+|company\s+|matching\s+|matched\s+)*", re.I)
PLAN_GAP_RE = re.compile(r"[\s:=-]*(?:(?:is|of|at|up\s+to|of\s+up\s+to)\s*)?[\s:=-]*", re.I)

# Words that name a place or a role change; the coach adds the catalog's own words (Context.known_words).
PLACE_WORDS = frozenset(
    [
        "remote",
        "hq",  # the guide's headquarters region ("no, it's hq")
        "headquarters",
        "sf",
        "nyc",
        "london",
        "seattle",
        "austin",
        "boston",
        "berlin",
        "toronto",
        "dublin",
        "paris",
        "amsterdam",
        "bangalore",
        "india",
        "uk",
        "us",
        "usa",
        "europe",
        "eu",
        "canada",
        "la",
        "chicago",
        "denver",
        "singapore",
        "sydney",
        "tokyo",
        "onsite",
        "on-site",
        "hybrid",
        "role",
        "location",
        "region",
        "city",
        "office",
        "relocate",
        "based",
        "engineer",
        "engineering",
        "manager",
        "ml",
        "ai",
        "backend",
        "frontend",
        "infra",
    ]
)
NOT_FIGURES_RE = re.compile(
    r"\bh-?1b\b|\bo-?1\b|\b(?:q|h)[1-4]\b|\b83\s?\(?b\)?"
    # "8 yrs experience" is no vesting term
    r"|\b\d{1,2}\+?\s*(?:years?|yrs?)\s+(?:of\s+)?(?:experience|exp|xp|in\s+(?:the\s+)?industry)\b"
    # "25% vests on the first anniversary": a share of the grant vesting, no stake and no schedule said whole
    r"|\b\d{1,3}(?:\.\d+)?\s?%\s*(?:of\s+(?:the\s+|my\s+)?(?:grant|shares|rsus?|options|equity)\s+)?vests?\b"
    # the Dutch 30% ruling, a tax rate or bracket: no part of the offer
    r"|\b\d{1,2}\s?%\s+(?:ruling|tax\s+(?:rate|bracket|free|exempt)|tax-free|income\s+tax)\b"
    # a tax rate ("will the sign-on get taxed at like 40%?"): no part of the offer
    r"|\btax(?:ed)?\s+at\s+(?:like\s+|about\s+|around\s+|roughly\s+)?\d{1,2}(?:\.\d+)?\s?%"
    # a figure said to be a slip ("I typed 158k earlier"): the one replaced
    r"|\bi\s+(?:typed|wrote|put|entered|said|told\s+you)\s+[$£€₹]?\d[\d,.]*\s*(?:[kKlL]|lpa|lakhs?)?(?:\s+[a-z]+)?\s+(?:earlier"
    r"|before|by\s+mistake)\b"
    # the person's own ask, told as what happened ("I asked for 210k and she said ..."): no figure of any offer
    r"|\bi\s+(?:had\s+)?(?:asked\s+(?:them\s+|her\s+|him\s+)?for|requested)\s+[$£€]?\d[\d,.]*\s*[kK]?\b"
    r"|\bmy\s+(?:ask|counter)\s+(?:was|of)\s+[$£€]?\d[\d,.]*\s*[kK]?\b"
    # "recruiter opened w the same 180k": a figure said again, no news of any offer
    r"|\bthe\s+same\s+[$£€]?\d[\d,.]*\s*[kK]?\b(?!\s*(?:base|salary|equity|stock|rsus?|bonus|sign))"
    # "couldnt do the 215k i asked for", "told the recruiter i need 200k": the person's own ask, told as what
    # happened, never a figure of any offer ("an email asking for 190k" keeps the figure the email asks for)
    r"|\bthe\s+[$£€]?\d[\d,.]*\s*[kK]?\s+(?:that\s+)?i\s+(?:had\s+)?(?:asked\s+for|requested|wanted|countered\s+with)\b"
    r"|\b(?:told|tell)\s+(?:them|her|him|the\s+recruiter|hr)\s+(?:that\s+)?i\s+(?:need|want|would\s+need)\s+[$£€]?\d[\d,.]*\s*[kK]?\b"
    # "i was thinking asking for 20k", "im planning to counter at 130k": an ask weighed, no figure of any offer
    r"|\b(?:thinking|planning|hoping|considering|going|want(?:ing)?|plan)\s+(?:of\s+|about\s+|to\s+|on\s+)?"
    r"(?:ask(?:ing)?(?:\s+(?:them|her|him))?\s+for|counter(?:ing)?\s+(?:at|with)|request(?:ing)?)\s+(?:like\s+|about\s+)?"
    r"[$£€]?\d[\d,.]*\s*[kK]?\b"
    # a figure said in jest: "like a million bucks. jk", "I'd need a million bucks to move to Ohio lol", "250k jk":
    # hyperbole ("a million bucks") laughed at, or any figure taken back with "jk" / "just kidding"
    r"|\b(?:like\s+)?1\s+(?:million|billion)\s+(?:bucks|dollars|quid)\b(?=[^.;!?\d]{0,30}[.!]*\s*\b(?:lol|lmao|jk|j/k"
    r"|haha+|just\s+kidding)\b)"
    r"|[$£€]?\d[\d,.]*\s*[kKmM]?\b(?=[^.;!?\d]{0,20}[.!]*\s*\b(?:jk|j/k|just\s+kidding)\b)"
    # what an agency or a referrer is paid, never the person: "her agency takes 20% of first-year salary as its fee",
    # "she gets a 5k referral bonus"
    r"|[$£€]?\d[\d,.]*\s*(?:[kK]\b|%)?\s+(?:of\s+[^.;!?\d]{0,30}?\s+)?(?:as\s+(?:its|their|his|her|a|the)\s+)?"
    r"(?:fees?|referral\s+bonus|finder'?s\s+fee)\b"
    # (a commission is a salesperson's pay: "a 10% commission on sales"; an agency's is said as its fee)
    r"|\b(?:fees?|referral\s+bonus)\s+(?:is|of|runs?|at)\s+(?:about\s+|around\s+)?[$£€]?\d[\d,.]*\s*(?:[kK]\b|%)?"
    # what living costs, not pay: "need about 80k for the deposit", "daycare at about 2,400 a month", "rent is
    # 2,800 a month", "2k a month in childcare", "about 60k left" on student loans, "11k a month take-home" needed
    # (the company's budget for the role is pay: "budget is capped at 220k"; the household's is not)
    r"|\b(?:rent|mortgage|deposit|down\s?payment|daycare|childcare|nursery|tuition|(?:student\s+)?loans?|(?:our|my)\s+budget"
    r"|savings"
    r"|car\s+payment)\b[^.;!?\d]{0,25}?(?:about\s+|around\s+|like\s+|roughly\s+|~\s*)?[$£€]?\d[\d,.]*\s*[kK]?"
    r"(?:\s*(?:a|per|/)\s*(?:month|mo)\b)?"
    r"|[$£€]?\d[\d,.]*\s*[kK]?(?:\s*(?:a|per|/)\s*(?:month|mo)\b)?[^.;!?\d]{0,12}?\b(?:for|on|in|of)\s+(?:the\s+|our\s+|my\s+)?"
    r"(?:(?:house\s+)?deposit|down\s?payment|rent|mortgage|daycare|childcare|student\s+loans|loans|tuition)\b"
    r"|[$£€]?\d[\d,.]*\s*[kK]?\s*(?:a|per|/)\s*(?:month|mo)\s+take[- ]home\b"
    # what the market says, quoted: "Glassdoor says that role averages 190k", "the Glassdoor median ... is 190k"
    r"|\b(?:glassdoor|levels\.?fyi|payscale|teamblind|blind)\b[^.;!?]{0,40}?[$£€]?\d[\d,.]*\s*[kK]?"
    r"(?:\s*[-–]\s*[$£€]?\d[\d,.]*\s*[kK]?)?"
    # last year's figures, no longer true: "last year's bonus was actually only 9k", "last year ... my bonus was 30k"
    r"|\blast\s+year(?:'s)?\b[^.;!?\d]{0,40}?\b(?:was|were|got|paid|came\s+to)\s+(?:actually\s+|only\s+|just\s+)?[$£€]?"
    r"\d[\d,.]*\s*[kK]?"
    # "the market figure I quoted (230k)": the person's own quote of the market, no figure of any offer
    r"|\b(?:figure|number|rate|data|range)\s+i\s+(?:quoted|cited|mentioned|gave|showed|brought\s+up|shared|found)"
    r"(?:\s+(?:them|her|him|the\s+recruiter))?\s*[(,:]?\s*[$£€]?\d[\d,.]*\s*[kK]?\)?"
    # "a 60/40 base to variable split", "70/30 mix": how pay is shared between parts, no figure of it
    r"|\b\d{2}\s?/\s?\d{2}\s+(?:(?:base|salary|fixed)\s*(?:to|/|-)\s*(?:variable|commission|bonus)\s+)?(?:split|mix|ratio)\b"
    # "i was a nurse for 6 years": years of a past job, no vesting term
    r"|\b(?:was|been|worked|working)\s+(?:as\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?for\s+(?:\d{1,2}|two|three|four|five|six"
    r"|seven|eight|nine|ten)\+?\s+(?:years?|yrs?)\b",
    re.I,
)
# Numbers in pasted letters, emails and HR portals that are no pay: dates and years, IDs and reference numbers,
# addresses, phones, floors, times of day, and counts of people, days, hours or rounds. Masked before figures
# are read, so "Start date: 03/02/2027 / Req #48213 / 1250 Market St, SF 94103" gives no figure.
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d%kK.,])(?!\s*-?\s*(?:years?|yrs?|months?|mos?|weeks?)\b)"  # "may 1 year cliff"
NOT_PAY_NUMBERS_RE = re.compile(
    r"\b\d{1,2}/\d{1,2}/(?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}(?:-\d{2})?\b"  # never a schedule (10/20/30/40)
    rf"|\b{_MONTHS}\s+{_DAY}(?:,?\s+(?:19|20)\d{{2}})?|\b{_DAY}\s+{_MONTHS}(?:\s+(?:19|20)\d{{2}})?\b"
    # a year alone, never money ("from 2023", "the 2026 handbook"; not "2000 shares", "€2000", "2000 a month")
    r"|(?:(?<=since\s)|(?<=\bin\s)|(?<=from\s)|(?<=until\s)|(?<=till\s))(?:19|20)\d{2}(?=[,.](?!\d))"  # "since 2019,"
    r"|(?<![$£€\d,.])(?:19|20)\d{2}(?![\d,.]|\s*(?:k\b|%|shares|options|rsus?|units|a\s+month|/mo|per\s+month|monthly"
    r"|usd|eur|gbp|base|salary|total))"
    # an ID or reference: "Req #48213", "candidate ID 771-204", "case #30145", "job code 4471", "ext. 4417", "v5.1"
    r"|#\s*[A-Z]{0,4}-?\d[\w.-]*"
    r"|\b(?:id|req(?:uisition)?|candidate|employee|ref(?:erence)?|case|ticket|job\s+code|ext|policy|bulletin|page"
    r"|section|version|envelope|statement|certificate|grant\s+number)\.?\s*(?:id|no\.?|number)?\s*[#:]?\s*"
    r"[A-Z]{0,4}-?\d[\w.-]*"
    r"|\bv\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+\b"
    # an address, a postal code after a state (both as written, in capitals), a phone, a floor, a time of day
    r"|(?-i:\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Blvd|Rd|Road|Center|Centre|Way|Plaza|Drive"
    r"|Dr|Lane|Ln|Sq|Square)\b\.?|(?<=\b[A-Z]{2}\s)\d{5}(?:-\d{4})?\b)"
    r"|\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s+(?:floor|fl)\b|\bfloor\s+\d+\b|\bsuite\s+\d+\b|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    # counts that are no pay: "a team of 12", "pod of 4", "340 employees", "20 days", "4 rounds", "26 pay periods"
    r"|\b(?:team|pod|group|panel)\s+of\s+\d+\b|\b\d[\d,]*\s+(?:employees|engineers|people|interviewers|reports"
    r"|(?:business\s+|working\s+|sick\s+|pto\s+)?days|hours|weeks|rounds|pay\s+periods|interviews|pages)\b",
    re.I,
)
# "175/90/20", "$180k/60k/15k": figures in a row with no part named (base / stock / bonus is a common
# order, not the only one): kept verbatim and asked about, never guessed. The first is pay in thousands
# or more, so dates ("11/27/26") and vesting schedules ("25/25/25/25") are not read as one.
PART_GAP_RE = re.compile(r"\s*(?:in\s+)?")  # between figures and the part word that names them ("100k in rsus")
SLASHED_FIGURES_RE = re.compile(
    r"(?<![\w.$/])[$£€]?(?:[4-9]\d|[1-9]\d{2})(?:[.,]\d+)?\s*[kK]?"
    r"(?:\s*/\s*[$£€]?\d{1,3}(?:[.,]\d+)?\s*[kK]?){1,4}(?![\w/%]|\.\d|\s*(?:yrs?|years?)\b)"  # "250k/4 yrs": a grant
)
SCHEDULE_RE = re.compile(
    r"(?<![\w.$])(?P<parts>\d{1,2}(?:\.\d+)?\s*%?(?:\s*[/,-]?\s*\d{1,2}(?:\.\d+)?\s*%?){2,5})(?![\w.]|\s*[kKmM]\b)"
)
# "175-185k base", "$175k–$185k", "between 175k and 185k", "10-15% bonus": a range, whose ends are never
# the offer's figure (reading "175-185k" as 185k took its top). Not a schedule (masked before), a span of
# years or months ("1-2 years"), nor years ("2024-2025").
RANGE_RE = re.compile(
    r"(?<![\w.$£€/-])(?:between\s+)?(?P<a>[$£€]?\d[\d,.]*\s*[kKmM]?)\s*%?\s*(?:[-–—]|(?<=\d)\s+and\s+|(?<=[kKmM])\s+and\s+)"
    r"\s*(?P<b>[$£€]?\d[\d,.]*\s*[kKmM]?)(?P<pct>\s*%)?(?![\w.%/-]|\s*(?:years?|yrs?|months?|mos?|weeks?|days?)\b)",
    re.I,
)
EVEN_RE = re.compile(r"(?P<p>\d{1,2}(?:\.\d+)?)\s?%\s*(?:(?:each|a|per|every)\s+year|yearly|annually)", re.I)
CLIFF_RE = re.compile(
    r"(?P<n>\d{1,2})\s*[- ]?\s*(?P<unit>years?|yrs?|y|months?|mos?|m)\s*[- ]?\s*cliff"
    r"|cliff\s+(?:of|is|at|:)?\s*(?P<n2>\d{1,2})\s*[- ]?\s*(?P<unit2>years?|yrs?|months?|mos?)"
    r"|(?<!\bor\s)(?P<none>no\s+cliff)(?!\s+or\b)",  # "cliff or no cliff usually?": asked, not said
    re.I,
)
YEARS_RE = re.compile(
    r"(?:over|across|vesting|vests?|/|for|\()\s*(?:over\s+|in\s+)?(?P<a>\d{1,2})\s*-?\s*(?:years?|yrs?|y)\b"
    r"|(?P<b>\d{1,2})\s*-?\s*(?:years?|yrs?|y)\s+(?:vest(?:ing)?|cliff|schedule|grant)"
    r"|(?P<c>\d{1,2})\s*-?\s*(?:years?|yrs?)\b"
    # "120k equity over 4": the grant's years, the word left out
    r"|(?:(?<=equity )|(?<=stock )|(?<=rsus )|(?<=rsu )|(?<=options )|(?<=grant )|(?<=shares ))over\s+(?P<d>[2-6])\b"
    r"(?!\s*(?:k\b|%|[\d.,]|months?|mos?|weeks?|days?|quarters?))",
    re.I,
)
# "12,000 shares at $10 a share", "share price of $12": the price a share count is worth; a strike
# price is what options cost, not what they are worth: it is `Utterance.strike_price`, never an amount.
SHARE_PRICE_RE = re.compile(
    r"(?:\bat|@|\bpriced\s+at|\bworth|\bvalued\s+at)\s*(?P<a>[$£€]?\s?\d+(?:\.\d+)?)\s*(?:a|per|/|each)\s*share\b"
    # "6,000 rsus priced at $20 each", "each share is worth $40", "the shares are worth $22 each",
    # "3,000 shares at $25 each": a price said with its currency, per share
    r"|(?:\bpriced\s+at|\bworth|\bvalued\s+at|\bat|@)\s*(?P<c>[$£€]\s?\d+(?:\.\d+)?)\s*each\b"
    r"|\b(?:each|a|one|per)\s+(?:share|unit|rsu|option)\s+(?:is\s+)?(?:worth|valued\s+at|priced\s+at|at)\s*(?P<d>[$£€]?\s?\d+(?:\.\d+)?)(?![\d.,]|\s*[kKmM]\b)"
    # "with shares at roughly $20": the shares' price, said about
    r"|\b(?:shares|rsus|options|units)\s+(?:are\s+)?(?:worth|valued\s+at|priced\s+at|(?:trading\s+)?at)\s*"
    r"(?:(?:roughly|about|around|approximately|approx\.?)\s+|~\s*)?(?P<e>[$£€]\s?\d+(?:\.\d+)?)"
    r"(?![\d.,]|\s*[kKmM]\b)"
    # "5,000 shares at $18", "6,000 rsus at $25": a count, then a price with its currency and no thousands
    r"|(?<=\d)\s+(?:shares|rsus|options|units)\s+at\s+(?P<f>[$£€]\s?\d+(?:\.\d+)?)(?![\d.]|\s*[kKmM]\b)"
    # "preferred price is $12.40", "the preferred is $9": what investors paid a share, its value as the guide's price is
    r"|\b(?:share\s+price|price\s+per\s+share|per[- ]share\s+(?:price|value)|409a(?:\s+(?:price|value))?|fmv"
    r"|preferred(?:\s+(?:stock\s+|share\s+)?price)?)"
    r"\s*(?:of|is|:|at|was)?\s*(?P<b>[$£€]?\s?\d+(?:\.\d+)?)"
    # "last round priced them at $6.25": a price put on the count said before (_a_share_price checks one was)
    r"|\bpriced\s+(?:them|those|it|the\s+(?:shares|rsus|options|units))\s+at\s+(?P<h>[$£€]\s?\d+(?:\.\d+)?)"
    # "still $12 a share": a price with its currency, a share, needs no word before it
    r"|(?<![\w.])(?P<g>[$£€]\s?\d+(?:\.\d+)?)\s*(?:a|per|/)\s*share\b",
    re.I,
)
STRIKE_RE = re.compile(
    r"\b(?:strike|exercise)(?:\s+price)?\s*(?:(?:still|now|stays|remains)\s+)?(?:of|is|:|at|was|=)?\s*"
    r"(?P<a>[$£€]?\s?\d+(?:\.\d+)?)"
    r"|(?:\bat\s+(?:a|an)\s+)?(?P<b>[$£€]?\s?\d+(?:\.\d+)?)\s+(?:strike|exercise)(?:\s+price)?\b",
    re.I,
)
GRANT_RE = re.compile(
    # a singular "option" is a grant only as a stock option or an option grant ("my other option is ramp")
    r"(?P<rsu>\brsus?\b|restricted stock)|(?P<options>\b(?:stock\s+)?options\b|\bstock\s+option\b"
    r"|\boption(?=\s+(?:grant|package|award|pool))|\bisos?\b|\bnsos?\b)",
    re.I,
)

OTHER_PAY = (
    r"(?:(?:non-?)?recoverable\s+)?draws?(?:\s+against\s+commission)?|(?:(?:night|weekend|evening)\s+)?(?:shift\s+)?"
    # tips only as pay ("20k in tips"): "any tips on 180k?" asks for advice
    r"differentials?|overtime(?:\s+pay)?|ot\s+pay|(?<=\bin\s)(?:tips|gratuities)|per\s+diems?|on-?call\s+pay"
)
OTHER_PAY_RE = re.compile(rf"\b(?:{OTHER_PAY})\b", re.I)
# Part words, nearest to a figure first. Longer phrases before the words inside them.
KIND_RE = re.compile(
    r"(?P<relocation>reloc(?:ation)?(?:\s+(?:bonus|package|stipend|allowance|assistance))?|moving\s+(?:costs"
    r"|allowance|bonus))"
    r"|(?P<refresh>refresh(?:er)?s?(?:\s+grants?)?|annual\s+(?:equity\s+)?refresh)"
    r"|(?P<sign_on>sign[\s-]?on(?:\s+bonus(?:es)?)?|signing(?:\s+bonus(?:es)?)?|joining\s+(?:bonus|money|amount|cash|payment)"
    r"|sign[\s-]?in\s+bonus|one[\s-]?time\s+bonus|(?:hiring|welcome|start(?:ing)?)\s+bonus)"
    r"|(?P<bonus>(?:target\s+|annual\s+|performance\s+|yearly\s+)?bonus(?:es)?|variable(?:\s+(?:pay|comp))?"
    # a year-end bonus by its local name: Mexico's aguinaldo, a 13th month's pay, Singapore's annual wage supplement
    r"|aguinaldo|13th[\s-]month(?:\s+(?:pay|salary|bonus))?|thirteenth[\s-]month|annual\s+wage\s+supplement"
    # a salesperson's variable pay: commission, at target or on-target
    r"|(?:on[- ]target\s+)?commission(?:\s+at\s+target)?)"
    # ESOPs and VSOPs (an employee or virtual stock option plan), virtual and phantom shares: equity, however
    # it is settled
    r"|(?P<equity>equity|stocks?|rsus?|options?|shares|grant|espp|in\s+stock|vests|[ev]sops?"
    r"|(?:virtual|phantom)\s+(?:shares|stocks?|equity|options?))"
    # "fixed pay", "fixed component": the base, as Indian offers name the salary beside the CTC
    r"|(?P<base>base(?:\s+salary|\s+pay)?|salary|cash|a\s+year\s+base|gross(?:\s+(?:salary|pay))?|brutto|bruto"
    r"|fixed\s+(?:pay|salary|comp(?:onent|ensation)?|ctc|portion|part|cash))"
    r"|(?P<total>total(?:\s+comp(?:ensation)?)?|\btc\b|package|all[\s-]in|overall"
    # "the comp committee", "comp team": who sets pay, no total
    r"|comp\b(?!\s+(?:committee|team|review|cycle|department|dept|philosophy|policy|partner))|ctc|cost\s+to\s+company"
    r"|ote|on[- ]target\s+earnings)"  # a salesperson's base and commission at target
    r"|(?P<stipend>stipend|allowance|learning\s+budget|equipment|home\s+office|wellness|education\s+budget)"
    # pay no part of the band covers, kept as a note in its own words: a salesperson's draw (an advance against
    # commission), shift differentials, overtime, tips, per diems ("a 6k monthly draw", "9k in night differentials")
    r"|(?P<other_pay>" + OTHER_PAY + r")",
    re.I,
)
NOTE_KINDS = {"relocation", "refresh", "stipend"}
NOT_PLACE_RE = re.compile(
    r"\b(?:not|instead\s+of|rather\s+than)\s+(?:the\s+|in\s+)?[\w/ -]{1,30}?(?=[,.;!?)]"
    r"|$)",
    re.I,
)
# Whole words only: "stockco" is a company, not stock.
KIND_RE = re.compile(rf"\b(?:{KIND_RE.pattern})\b", re.I)
SEPARATOR_RE = re.compile(r"[,;|\n]|\s/\s|\.(?!\d)|\band\b|\bplus\b|\+|\bwith\b|&|\bbut\b|\balso\b", re.I)
SENTENCE_RE = re.compile(r"[;\n!?]|\.(?!\d)(?=\s|$)|\bbut\b", re.I)
PER_YEAR_RE = re.compile(
    r"^\s*(?:/\s*(?:yr|year|y)\b|per\s+(?:year|yr|annum)|a\s+year|each\s+year|annually|yearly|every\s+year"
    r"|p\.?a\.?\b"
    # "1.8M PHP kada taon", "€90k al año", "R$ 300 mil por ano", "60k par an", "90k pro Jahr"
    r"|(?:(?:pesos|reais|euros?)\s+)?(?:al\s+a[ñn]o|por\s+a[ñn]o|ao\s+ano|par\s+an\b|pro\s+jahr|im\s+jahr"
    r"|j[äa]hrlich|anual(?:es)?\b|anuais\b|annuel(?:le)?s?\b|kada\s+taon|saalana))",
    re.I,
)
PER_MONTH_RE = re.compile(
    r"^\s*(?:/\s*(?:mo|month|m)\b|per\s+month|a\s+month|each\s+month|monthly|every\s+month"
    # "R$ 28 mil por mês", "45 mil pesos al mes", "4.500 € pro Monat", "5k par mois", "2 lakh har mahina"
    r"|(?:(?:pesos|reais|euros?)\s+)?(?:por\s+m[eê]s|al\s+mes|ao\s+m[eê]s|mensual(?:es)?\b|mensais?\b|par\s+mois"
    r"|mensuel(?:le)?s?\b|pro\s+monat|im\s+monat|monatlich|(?:har|ek|per)\s+mahin[ae]|kada\s+buwan))",
    re.I,
)
SHARES_AFTER_RE = re.compile(
    r"^\s*(?:(?:more|extra|additional|new)\s+)?(?:shares|options|stock\s+options|units|isos?|nsos?)\b", re.I
)  # "2,000 more RSUs" counts units too (RSU_COUNT_AFTER_RE)
SHARES_WORTH_RE = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}(?:worth|valued\s+at|at\s+a\s+value\s+of|with\s+a\s+value\s+of)\s*(?:about|around"
    r"|roughly|approx\.?|~)?\s*[$£€]?\d",
    re.I,
)
# A minus sign against a figure ("$-5k", "-5000"), not a range's dash ("150k-200k") nor a word's ("4-year").
NEGATIVE_BEFORE_RE = re.compile(r"(?:^|(?<=[\s:=(]))(?P<sign>[$£€¥₹]?[-−])$")
# "9000 RSUs", and as an offer letter writes it, "9,000 restricted stock units (RSUs)", "5,000 performance
# share units": a count when written without a suffix (`90k RSUs` is money)
RSU_COUNT_AFTER_RE = re.compile(
    r"^\s*(?:(?:more|extra|additional|new)\s+)?(?:rsus?|psus?|[ev]sops?|(?:restricted|performance)\s+(?:stock|share)\s+units?|stock\s+units?"
    r"|(?:virtual|phantom)\s+(?:shares|options|units))\b",
    re.I,
)

# Holder phrases. A rival's name is a word that is not a pronoun or a role word.
_NOT_A_NAME = (
    r"(?!(?:they|them|he|she|it|we|i|you|hr|the|a|an|my|our|their|this|that|recruiter|company|someone|"
    r"somebody|who|which|also|just|finally|now|then|actually|so|and|but|offer|one|other|there|here|where|what|parallel|fyi|fwiw|btw|tbh|imo|ps"
    r"|let|that|since|already|recently|finally|later|formally|officially|verbally|originally|initially|future"
    r"|different|level)\b"
    # a preposition starts no name: "my current job at Uber pays" names Uber ("AT&T" is a name)
    r"|(?:at|with|from|for|by)\b(?!\s*&))"
)
# Words that end a company's name written in lower case ("an offer from o1 labs, 190k", "de shaw
# offered", "interviewed with hugging face and they offered"): function words, pay words and verbs.
_NAME_STOPS = (
    r"for|at|with|of|and|or|vs|is|are|was|were|be|has|have|had|offered|offering|offers|paying|pays|pay|came|gave"
    r"|said|says|told|wants|will|would|could|can|also|just|now|too|as|but|so|who|which|that|the|a|an|they|them"
    r"|he|she|it|i|me|my|we|you|to|in|on|by|plus|from|base|salary|equity|stock|stocks|rsus?|options?|shares|bonus"
    r"|sign|signing|total|comp|offer|one|yesterday|today|tomorrow|last|this|next|week|month|year|not|either"
    r"|both|upped|raised|bumped|matched|sent|made|extended|countered|remote|role|team|position|job|engineer"
    r"|engineering|ml|swe|sf|nyc|onsite|hybrid|senior|staff|too|though|tho|too|if|when|after|before|than"
    r"|then|about|around|like|only|still|really|actually|basically|already|yet|via|per|up|down|over|under"
    r"|i'm|im|i've|i'd|their|our|his|her|its|this|these|those|what|how|why|where|there|here|here's|there's"
    r"|thinking|seems|looks|probably|maybe|currently|right|honestly|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|wants|needs|makes|make|fwiw|fyi|btw|tbh|imo|ps|weighing|considering|oh|ok|okay|yeah|lol|update|news|anyway"
    r"|hey|hi|well|got|get|gets|getting|received|both|all|these|those|while|whereas|meanwhile|besides|put|quoted"
    r"|called|improved|moved|raised|bumped|upped|increased|revised|result|results|decision|outcome|answer|response"
    r"|manager|mgr|boss|skip|lead|director|vp|co|place|counter|counteroffer|retention|promo|promotion|employer"
    r"|interview|interviews|process|round|rounds|loop"
)
_WORD = r"(?![$£€]?\d[\d,.]*[kKmM]?\b)[A-Za-z0-9][\w'.-]*(?<![.'-])"
# First word any case; the next (up to two) capitalised, joined by "&", or a company suffix ("ai", "labs").
_SUFFIXES = (
    r"ai|labs?|inc|io|hq|health|robotics|bio|systems|technologies|security|cloud|capital|street|research"
    r"|analytics|software|networks|group|partners|studios?|games|bank|motors|energy|therapeutics|tech|data"
    r"|dynamics|face|biases"
)
_NAME = (
    _NOT_A_NAME + r"(?<!')(?P<name>[A-Za-z0-9][\w&'.-]*(?:\s*&\s*[A-Za-z][\w'.-]*"
    r"|(?<!\.)\s+(?!for\b|at\b|with\b|of\b|and\b|is\b|offered\b|paying\b)(?-i:[A-Z])[\w&'.-]*){0,2}"
    r"(?:\s+(?:" + _SUFFIXES + r")\b)?)"
)
# After a preposition or "called", a name may run over several lower-case words, up to a stop word,
# a figure or punctuation ("from vercel for 180k", "with o1 labs, 190k", "called together ai").
_NOT_A_STOP = r"(?!(?:" + _NAME_STOPS + r")\b(?!\s*&))"  # "AT&T" starts with a stop word and is a name
_LOOSE_NAME = _NOT_A_STOP + r"(?P<name>" + _WORD + r"(?:\s*&\s*" + _WORD + r"|\s+" + _NOT_A_STOP + _WORD + r"){0,2})"
_NAME_NAMED = _LOOSE_NAME.replace("(?P<name>", "(?P<name2>")
# Where a clause starts: punctuation, a joining word, a spoken opener ("so datadog came through"), or
# a verb of telling ("i should mention airtable put 185k on the table").
_CLAUSE_START = (
    r"(?:^|[,;:.!?(]\s*|\b(?:and|but|while|whereas|meanwhile|plus|so|then|btw|fwiw|also|anyway|oh|ok(?:ay)?|though"
    r"|although|since|because)\s+"
    r"|\b(?:mention|add|note|tell\s+you)\s+(?:that\s+)?)"
)
_RIVAL_VERBS = (
    r"(?:(?:also|just|finally|now|then|actually|eventually|officially|ultimately)\s+)?(?:(?:has|have|had)\s+(?:(?:also|just|finally|now|since|formally|officially"
    r"|verbally)\s+)?(?:offered"
    r"|proposed|floated|pitched|countered|(?:made|sent|extended)\s+(?:me\s+)?an?\s+offer)"
    r"|countered(?:\s+(?:with|at))?"
    # "stripe is dangling 215k", "brex floated 190k", "figma is pitching 200k"
    r"|(?:is|are)\s+(?:dangling|floating|pitching|proposing)|floated|pitched|threw\s+out|dangled|proposed"
    r"|has\s+(?:a\s+)?(?:better|bigger|higher|lower|smaller|worse)\b"  # "mongodb has a better bonus (20%)"
    r"|sent\s+(?:me\s+)?(?:theirs|their\s+(?:offer|numbers|letter))\b"  # "Scale AI sent theirs: ..."
    r"|got\s+back\s+(?:to\s+me\s+)?with|(?:came|got)\s+back\s+(?:to\s+me\s+)?at|got\s+back\s+to\s+me(?=\s*[.:;!,-])"
    r"|(?:also|finally|just)\s+came\s+back(?=\s*[.:;!,-])"  # "razorpay also came back, 38 LPA fixed"
    # "neon pinged back, they're at 185k", "anthropic is also in the mix": a company answering, or weighing in
    r"|ne\s+(?:bhi\s+)?offer\s+(?:diya|de\s+diya|kiya)"  # "Flipkart ne bhi offer diya" (Hinglish)
    r"|pinged\s+(?:me\s+)?back|(?:is|are)\s+(?:also\s+)?in\s+the\s+(?:mix|running|picture)"
    r"|offered|is\s+offering|are\s+offering|came\s+in|comes\s+in\s+(?:with|at)|came\s+through|gave\s+me|offers"
    # "Mercado Libre offer me 32 mil", "Zalando propose me 95.000": the verb as written in a second language
    r"|(?:offer|propose|proposes)\s+me"
    r"|(?:is|are|would\s+be|will\s+be)\s+paying|pays|came\s+back\s+with\s+(?:an?|their|its|the)\s+offer"
    r"|(?:made|sent|extended)\s+(?:me\s+)?an?\s+offer)\b"
)
OFFER_FROM_RE = re.compile(
    r"\b(?:offers?\s+(?:(?:on\s+the\s+table|in\s+hand|as\s+well|too|also|letter|i\s+(?:got|have|received|had))\s+)?"
    r"(?:from|at|with|by)"
    r"|(?:otra\s+|outra\s+)?ofertas?\s+(?:de|da|do)"  # "tengo otra oferta de Mercado Libre" (Spanish, Portuguese)
    r"|one\s+(?:from|at|with))\s+" + _LOOSE_NAME,
    re.I,
)
NAME_OFFERED_RE = re.compile(r"\b" + _NAME + r"\s+" + _RIVAL_VERBS, re.I)
# "I was offered 175k base at Datadog", "got offered 180k by stripe": the figures, then who offered them
OFFERED_AT_RE = re.compile(
    r"\b(?:was|been|got|am\s+being|i'm\s+being)\s+offered\s+(?:[^.!?;:]{0,40}?\d[^.!?;:]{0,40}?)\s+(?:at|by)\s+"
    r"(?:the\s+)?" + _LOOSE_NAME + r"(?=\s*(?:$|[,;.!?)]|\band\b|\bbut\b|\bfor\b|\bas\s+well\b|\btoo\b))",
    re.I,
)
# "just heard back from snowflake, they're offering 195k", "just got word from cohere: 215k base": a company
# that answered, with its offer. Not "haven't heard back from openai" nor "waiting to hear from ramp": those
# are offers waited on.
_HEARD_NOT = r"(?:(?<=n't\s)|(?<=not\s)|(?<=yet\s)|(?<=never\s))"  # before "heard": none came yet
HEARD_FROM_RE = re.compile(
    r"\b(?:(?:just|finally|now)\s+)?(?<!n't\s)(?<!not\s)(?<!yet\s)(?<!never\s)(?:heard\s+back|(?:got|received|had)\s+(?:word|news|an?\s+(?:answer|reply|response|call|email"
    r"|yes))(?:\s+back)?)\s+from\s+(?:the\s+)?" + _LOOSE_NAME,
    re.I,
)
# "de shaw offered", "Weights & Biases came back with 188k", "figma has me at 190k", "ramp is at 200k":
# a name that starts its clause, before a verb of offering.
CLAUSE_NAME_OFFERED_RE = re.compile(
    _CLAUSE_START
    + _LOOSE_NAME
    + r"\s+(?:"
    + _RIVAL_VERBS
    + r"|(?:(?:also|just|now)\s+)?(?:came\s+back\s+(?:with|at)|came\s+(?:in|through)\s+(?:(?:as\s+well|too|also)\s+)?"
    r"(?:at|with)|has\s+me\s+at"
    r"|put\s+me\s+at|put\s+together|put|(?:also\s+)?sent\s+(?:over\s+)?(?:numbers|figures)\s*:?|sent\s+(?:me\s+)?over|sent\s+me"
    r"|sent"
    r"|(?:is|are)\s+at|at|said|gave|quoted|mentioned|wants\s+to\s+pay(?:\s+me)?|would\s+pay(?:\s+me)?"
    r"|(?:has|had)(?:\s+an?)?(?!\s+\d+[\s-]*(?:years?|yrs?|months?|mos?|weeks?|days?|%|percent)\b)"
    r"|wants\s+(?:to\s+(?:hire|bring\s+on|bring)\s+)?me(?:\s+on)?\s+(?:at|for)"
    r"|(?:is|are)\s+willing\s+to\s+(?:go\s+(?:up\s+)?to|pay(?:\s+me)?|do|offer))\s+(?=[$£€~]?\d)"
    # "figma sweetened theirs to 204k", "ramp bumped their offer to 210k": a name that raised its own offer
    r"|(?:(?:also|just|now)\s+)?(?:sweetened|bumped|raised|upped|improved|increased|boosted|revised|lifted|moved"
    r"|pushed)\s+(?:up\s+)?(?:theirs|its\s+own|their\s+own|(?:their|its)\s+(?:offer|number|base|package|deal|figures?"
    r"|equity|salary|bonus))\b"
    # "brex wants to hear back by monday", "cohere needs my decision by the 15th": a deadline a name sets
    r"|(?:needs|wants|gave\s+me\s+until|expects)\s+(?:an?\s+|my\s+|to\s+)?(?:answer|decision|hear|know|reply"
    r"|response|until)\b)",
    re.I,
)
OFFER_KINDS = (
    r"remote|counter|counter-offer|verbal|written|formal|final|new|better|competing|good|real|job|current|other"
    r"|second|first|initial|revised|updated|official|full|signed|onsite|hybrid|great|bad|low|high|decent|strong"
    r"|weak|solid|senior|staff|startup|big|contract|original|latest|exploding|own|backup|best|only|actual|base"
    r"|equity|cash|total|higher|lower|similar|same|whole|entire|written|email|ml|swe|engineering|full-time"
    r"|part-time|internal|external|rival|another|second|their|this|that|the|an?|one|two|three|dream|faang|local"
    r"|wrong|right|correct|old|previous|earlier|last|other"
)
# A currency's code before a figure ("Cohere: CAD 230,000", "monzo - GBP 95k")
_CODE_BEFORE = r"(?:(?:usd|cad|eur|gbp|inr|aud|sgd|chf|nzd|sek|nok|dkk|jpy|brl|mxn)\s?)?"
LABEL_NAME_RE = re.compile(
    r"(?:^|[,;]\s*|\.\s+|^\s*(?:ok(?:ay)?|so|and|also)\W*\s+(?:so\s+)?)"
    + _LOOSE_NAME
    + r"\s*(?::|=|\s[-–—])\s*(?="
    + _CODE_BEFORE
    + r"[$£€~]?\d)",
    re.I,
)
# "the anthropic one", "got the planetscale ML offer": the first named with no company known is the own.
THE_NAMED_OFFER_RE = re.compile(
    r"\bthe\s+(?!(?:wrong|right|correct|old|previous|earlier|last|other|new|first|second|same|real|actual)\b)"
    + _NAME
    + r"\s+(?:one|offer|package|deal|numbers?|figures?|letter|contract|paperwork)\b",
    re.I,
)
# "i also have a google offer", "there's also a datadog offer", "my linear offer": a named offer in
# any case, unless the word before "offer" says what kind of offer it is. With no company known yet
# and no "also", the first one named is the person's own ("can you look at my planetscale offer").
NAMED_OFFER_RE = re.compile(
    # "also sitting on a snowflake offer": one held, waiting
    r"\b(?:(?:have|got|received|holding|hold|sitting\s+on|there'?s|there\s+is)\s+(?:also\s+)?(?:an?\s+)?(?:also\s+)?|my\s+)"
    r"(?!(?:" + OFFER_KINDS + r")\b)" + _LOOSE_NAME + r"\s+offer\b",
    re.I,
)
# "vercel's offer is 176k", "ramp's base": a company's offer or a part of it, by the possessive
NAMES_OFFER_RE = re.compile(
    r"\b" + _NAME + r"'s\s+(?:offer|package|one|counter|base|salary|equity|stock|rsus?|bonus|sign[- ]?on|signing"
    r"|numbers?|total|tc|final|latest|best"
    r"|has|had|includes|comes\s+with|(?:fully\s+)?remote\s+at|at)\b",  # "and Cohere's has a 40k sign-on on top"
    re.I,
)
RIVAL_RES = [
    re.compile(
        r"\b(?:another|other|competing|second|rival|separate|backup|one\s+more)\s+(?:job\s+)?(?:offers?|ones?|packages?"
        r"|deals?)\s*,?\s+"
        r"(?:(?:on\s+the\s+table|on\s+my\s+plate|in\s+hand|as\s+well|too|already|now)\s*,?\s+)?(?:(?:i|we)\s+(?:have|got|hold)\s+)?"
        r"(?:is\s+)?(?:from|at|with|by)\s+" + _LOOSE_NAME,
        re.I,
    ),
    # "offers from Databricks and Snowflake": both named after a plural offers
    re.compile(
        r"\boffers\s+(?:(?:on\s+the\s+table|in\s+hand|as\s+well|too)\s+)?(?:from|at|with|by)\s+"
        + _LOOSE_NAME
        + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:one\s+)?(?:from|at|with)\s+)?"
        + _NAME_NAMED,
        re.I,
    ),
    re.compile(
        r"\b(?:also|too)\s+(?:have|got|received|holding)\s+(?:an?\s+)?(?:(?:offer|one|something)\s+)?(?:from|at|with)\s+"
        + _LOOSE_NAME,
        re.I,
    ),
    re.compile(
        r"\b(?:have|got|received|holding)\s+(?:an?\s+)?offer\s+(?:from|at|with)\s+" + _NAME + r"\s+(?:too|as\s+well)",
        re.I,
    ),
    THE_NAMED_OFFER_RE,
    NAMES_OFFER_RE,
    # an offer relayed by its own recruiter: "the headhunter for Stripe says", "a headhunter is repping me for Datadog",
    # "Cockroach Labs' recruiter says they're at 195k"
    re.compile(
        r"\b(?:headhunter|recruiter|agent|agency|talent\s+partner)\s+(?:for|at|from|with)\s+" + _LOOSE_NAME, re.I
    ),
    re.compile(r"\brepp?ing\s+me\s+(?:for|with|at)\s+" + _LOOSE_NAME, re.I),
    re.compile(
        r"\b" + _NAME + r"(?:'s|’s|'|’)\s+(?:recruiter|headhunter|hiring\s+manager|hr|talent\s+(?:team|partner))\s+"
        r"(?:says|said|told|called|emailed|came\s+back)\b",
        re.I,
    ),
    re.compile(r"\b" + _NAME + r"'s\s+(?=[$£€~]?\d)", re.I),  # "mentions ramp's 200k"
    # "plaid's final number was 193k", "ramp's latest figure is 200k"
    re.compile(
        r"\b"
        + _NAME
        + r"'s\s+(?:final|latest|new|best|last|first|opening|initial)?\s*(?:number|figure|offer|package|comp)s?"
        r"\s+(?:is|was|came\s+in\s+at|landed\s+at)\s+(?=[$£€~]?\d)",
        re.I,
    ),
    OFFER_FROM_RE,
    CLAUSE_NAME_OFFERED_RE,
    NAME_OFFERED_RE,
    OFFERED_AT_RE,
    # "i have offer also from Grafana Labs": the "also" after the offer, as non-native writers often put it
    re.compile(
        r"\b(?:have|got|received|holding)\s+(?:an?\s+)?(?:offer|one)\s+(?:also|too|as\s+well)\s+(?:from|at|with)\s+"
        + _LOOSE_NAME,
        re.I,
    ),
    # "competing offer: stripe 205k base", "the other company (mongodb)", "the other company is called
    # together ai", "the other offer (from ramp)"
    re.compile(
        r"\b(?:another|other|competing|second|rival|backup)\s+(?:job\s+)?(?:offer|company|one|place|co|firm|startup)"
        r"\s*(?:[:(-]|is)\s*"
        r"(?:(?:called|named|from|with|at)\s+)?" + _LOOSE_NAME,
        re.I,
    ),
    re.compile(r"\b(?:startup|company|place|firm|shop)\s+(?:called|named)\s+" + _LOOSE_NAME, re.I),
    # "from openai i got 250k base": the name before whoever offered
    re.compile(
        r"(?:^|[,;:.!?]\s*)from\s+" + _LOOSE_NAME + r"\s*,?\s+(?:i|we)\s+(?:got|get|have|received|was\s+offered)\b",
        re.I,
    ),
    # "the Snowflake base is 215k": a part of a named company's pay; capitalised only, since "the target
    # bonus" and "the proposed salary" have the same shape (a rival named before is read in any case)
    re.compile(
        r"\bthe\s+(?-i:(?=[A-Z]))"
        + _NAME
        + r"\s+(?:base|salary|equity|stock|rsus?|bonus|sign[- ]?on|signing|total|tc)\b",
        re.I,
    ),
    # "Got another one! Doordash, 195k base": the offer announced, then whose, then its figures
    re.compile(
        r"\b(?:another|one\s+more|a\s+second|a\s+new)\s+(?:one|offer)\b\s*[!.:-]+\s*"
        + _NAME
        + r"\s*[,:(-]\s*(?=[$£€~]?\d)",
        re.I,
    ),
    # "got a competing offer, 200k base at retool": the offer said to be another, then its figures, then whose
    re.compile(
        r"\b(?:competing|another|other|second|rival|backup)\s+(?:job\s+)?offer\b[^.;!?]{0,40}?\b(?:at|from|with)\s+"
        + _LOOSE_NAME
        + r"(?=\s*(?:$|[,;.!?]))",
        re.I,
    ),
    # "got another one today from retool 190k base", "a second offer this morning from brex"
    re.compile(
        r"\b(?:another|one\s+more|a\s+second|a\s+new)\s+(?:one|offer)\s+(?:(?:today|yesterday|last\s+night|just\s+now"
        r"|this\s+(?:morning|afternoon|evening|week)|as\s+well|too)\s+)?(?:from|at|with|by)\s+" + _LOOSE_NAME,
        re.I,
    ),
    # "Cockroach Labs informed me yesterday that they can offer 201k base": a company's word of what it can pay
    re.compile(
        r"\b" + _NAME + r"\s+(?:informed|told|notified|let)\s+me(?:\s+know)?\b[^.;!?]{0,30}?\bthey\s+(?:can|could|would"
        r"|will|are\s+able\s+to|'re\s+able\s+to|are\s+prepared\s+to)\s+(?:offer|pay|do|go)\b",
        re.I,
    ),
    # "I have a parallel process with Temporal", "a separate interview loop at Brex"
    re.compile(
        r"\b(?:parallel|separate|another|ongoing|second)\s+(?:interview\s+)?(?:process|loop)\s+(?:with|at)\s+"
        + _LOOSE_NAME,
        re.I,
    ),
    # "rippling wants me too", "brex is keen on me as well": another company's interest
    re.compile(
        r"\b" + _NAME + r"\s+(?:also\s+)?(?:wants\s+(?:to\s+hire\s+)?me|is\s+(?:keen\s+on|interested\s+in)\s+me)"
        r"\s+(?:too|as\s+well|also)\b",
        re.I,
    ),
    # "my other lead, cruise, is at 196k base", "and then there's grammarly with 178k"
    re.compile(
        r"\b(?:my\s+)?(?:other|another|second|backup)\s+(?:lead|option|offer|one|prospect|company|choice)\s*,\s*"
        + _NAME
        + r"\s*,",
        re.I,
    ),
    re.compile(
        r"\bthere(?:'s|s|\s+is)\s+(?:also\s+)?" + _LOOSE_NAME + r"\s+(?:with|w|at|offering|paying)\s+(?=[$£€~]?\d)",
        re.I,
    ),
    # "i'm also considering brex, who offered 186k", "weighing coinbase against this"
    # (not "considering accepting": a lower-case word in -ing is a verb)
    re.compile(
        r"\b(?:also\s+)?(?:considering|weighing)\s+(?:an?\s+offer\s+from\s+)?(?!(?-i:[a-z]+ing\b))"
        + _LOOSE_NAME
        + r"(?=\s*(?:$|[,.;!?(]|\bwho\b|\bat\b|\bagainst\b|\btoo\b|\bas\s+well\b|\bwith\b|[$£€]?\d))",
        re.I,
    ),
    # "offer #2 is from okta", "i have a verbal from gusto at 181k"
    re.compile(
        r"\b(?:offer\s*(?:#\s*[2-9]|no\.?\s*[2-9]|number\s+(?:two|three|2|3))\s+(?:is\s+)?|(?:a|the)\s+verbal(?:\s+offer)?\s+)"
        r"(?:from|with|at)\s+" + _LOOSE_NAME,
        re.I,
    ),
    # "the other one's from gitlab: 178k base", "the other offer is with hex"
    re.compile(r"\bthe\s+other\s+(?:one|offer)(?:'s|\s+is)\s+(?:from|with|at)\s+" + _LOOSE_NAME, re.I),
    # "the datadog rsus are 110k", "the supabase base is 195k": in lower case too when the part is stated
    # as a figure, unless the word before the part says what kind of pay it is ("the target bonus is 15%")
    re.compile(
        r"\bthe\s+(?!(?:" + OFFER_KINDS + r"|target|proposed|annual|yearly|monthly|starting|signing|sign|updated"
        r"|current|offered|stated|listed|quoted|guaranteed|expected|implied|headline|annualized|annualised|vested"
        r"|unvested|remaining|extra|additional|one-time|cash|new|old|max|maximum|min|minimum|asking|planetscale)\b)"
        r"(?P<name>[a-z][\w&'-]*)\s+(?:base|salary|equity|stock|rsus?|bonus|sign[- ]?on|signing|total|tc)\s+"
        r"(?:is|are|was|were|'s)\s+(?:now\s+|actually\s+|really\s+)?(?=[$£€~]?\d)",
        re.I,
    ),
    # "another company, rippling, offered me ...": the name set off by commas
    re.compile(
        r"\b(?:(?:another|other|a\s+second|the\s+second|a\s+third|the\s+third|an?\s+(?:smaller|bigger|larger|different"
        r"|small|big|later[- ]stage|early[- ]stage|public))\s+(?:company|place|startup|one|firm)"
        r"|(?:their|a|one\s+of\s+their|the)\s+(?:main\s+|biggest\s+|direct\s+)?(?:competitors?|rivals?))\s*,\s*"
        r"(?:called\s+|named\s+)?" + _NAME + r"\s*,",
        re.I,
    ),
    re.compile(
        r"\b(?:also\s+)?(?:interviewing|interviewed|talking|chatting|speaking|in\s+talks|in\s+touch"
        r"|looking"
        r"|in\s+(?:the\s+)?(?:process|final\s+rounds?|loop))\s+"
        r"(?:with|at|to)\s+" + _LOOSE_NAME,
        re.I,
    ),
    # "should i go with ramp or planetscale", "choosing between linear and notion": both are named
    re.compile(
        r"\b(?:between|go\s+with|take|choose|pick)\s+(?:the\s+)?" + _LOOSE_NAME + r"(?:\s+(?:offer|one))?"
        # its figure after it: "at 190k", "(195k base)"
        r"(?:\s+(?:at|for)\s+[$£€]?\d[\d,.]*\s*[kKmM]?|\s*\([^()]{1,40}\))?\s+"
        r"(?:or|and|vs\.?|versus)\s+(?:the\s+)?" + _NAME_NAMED,
        re.I,
    ),
    # "I also have a Google offer, 210k base": a named offer the person also holds
    re.compile(
        r"\b(?:(?:also|too)\s+(?:have|got|received|holding|hold)\s+(?:an?\s+)?|(?:have|got|received|holding|hold)"
        r"\s+(?:another|a\s+second|a\s+competing)\s+)"
        # capitalised only: "a Google offer" names a company; "a remote offer", "a counter offer" do not
        r"(?-i:(?=[A-Z0-9]))" + _NAME + r"\s+(?:offer|one)\b",
        re.I,
    ),
    # "should i accept 185k or wait for ramp?", "hold out for figma", "wait to hear from openai"
    re.compile(
        r"\b(?:wait(?:ing)?\s+(?:for|on)|hold(?:ing)?\s+out\s+for|(?:wait\s+to\s+)?hear(?:ing)?\s+(?:back\s+)?from"
        r"|" + _HEARD_NOT + r"heard\s+(?:back\s+)?from|heard\s+from)\s+(?:the\s+)?" + _LOOSE_NAME,
        re.I,
    ),
    HEARD_FROM_RE,
    # "would you take figma over planetscale", "go with linear over this one"
    re.compile(
        r"\b(?:take|pick|choose|go\s+with|prefer|accept|join)\s+(?:the\s+)?"
        + _LOOSE_NAME
        + r"(?:\s+(?:offer|one))?\s+over\b",
        re.I,
    ),
    # "my other option is together ai at 185k", "my plan b is grammarly", "another option for me is modal",
    # "my backup is a temporal offer", "the runner-up is airtable"
    re.compile(
        r"\b(?:(?:other|backup|another|second|alternative|fallback)\s+(?:option|choice|offer|one)|plan\s+b"
        r"|(?:my|the)\s+(?:backup|fallback|runner[- ]up|alternative))"
        r"\s+(?:for\s+me\s+|on\s+the\s+table\s+|i\s+have\s+)?(?:is|would\s+be)\s+(?:an?\s+offer\s+)?(?:(?:with|at|from)\s+)?(?:an?\s+)?"
        + _LOOSE_NAME,
        re.I,
    ),
    # "the cohere people offered 205k", "the modal team came back at 193k": a company's people, named first
    re.compile(
        r"\bthe\s+" + _LOOSE_NAME + r"\s+(?:people|team|folks|crew|guys|recruiters?|hiring\s+manager)\s+"
        r"(?:(?:also|just|finally|now|then)\s+)?(?:offered|came|gave|quoted|said|put|sent|made|would|are|want|emailed|called"
        r"|wrote|texted|messaged|reached\s+out)\b",
        re.I,
    ),
    NAMED_OFFER_RE,
    # "competing: ramp, 198k", "other offer: de shaw - 275k"
    re.compile(
        r"\b(?:competing|other|rival|backup|second)(?:\s+(?:offers?|options?|choices?))?(?:\s+on\s+the\s+table)?\s*:\s*"
        + _LOOSE_NAME
        + r"\s*(?:[,:(]|\s[-–—])",
        re.I,
    ),
    # "actually linear is 60k rsus": a correction naming whose figure it is
    re.compile(
        r"^(?:actually|correction|sorry|wait|oops|no|my\s+bad|my\s+mistake)\W*\s+"
        + _NAME
        + r"\s+(?:(?:base|salary|equity|stock|rsus?|bonus|sign[- ]?on|signing|total|tc)\s+)?"
        r"(?:is|are|was|were)\s+(?:now\s+)?"
        r"(?=[$£€~]?\d)",
        re.I,
    ),
    # "besides planetscale i have twilio at 188k": a company held at a figure
    # "i've got uber at 210k total", "i have instacart offering 188k"
    re.compile(
        r"\bi(?:'ve|\s+have)?\s+(?:also\s+)?(?:have|got)\s+"
        + _LOOSE_NAME
        + r"\s+(?:at|offering(?:\s+me)?|paying(?:\s+me)?)\s+(?=[$£€~]?\d)",
        re.I,
    ),
    # "asana's is 185k base": a company's offer, the offer word left out
    re.compile(r"\b" + _NAME + r"'s\s+(?:is|are|was|were)\s+(?:now\s+)?(?=[$£€~]?\d)", re.I),
    # "the people at snowflake said", "the hiring team at gitlab quoted", "coinbase's recruiters put": a
    # company's people, the company named after them or with an apostrophe
    re.compile(
        r"\b(?:people|team|folks|crew|guys|recruiters?|hiring\s+(?:manager|team)|hr)\s+(?:at|from|over\s+at)\s+"
        + _LOOSE_NAME,
        re.I,
    ),
    re.compile(r"\b" + _NAME + r"'s\s+(?:people|team|folks|recruiters?|hiring\s+(?:manager|team)|hr)\b", re.I),
    # "over at pinterest they're offering 202k", "at robinhood is my other option"
    re.compile(r"\bover\s+at\s+" + _LOOSE_NAME, re.I),
    re.compile(
        r"\bat\s+" + _LOOSE_NAME + r"\s+(?:is|was|would\s+be)\s+(?:my|the)\s+(?:other|backup|second|alternative"
        r"|fallback)\s+(?:option|offer|one|choice)\b",
        re.I,
    ),
    # "201k base is where robinhood landed"
    re.compile(
        r"\b(?:is|was|are|were)\s+where\s+" + _LOOSE_NAME + r"\s+(?:landed|ended\s+up|came\s+in|settled|is|are)\b", re.I
    ),
    # "188k and 90k in stock is what apple offered", "188k base is what the folks at chime came back with"
    re.compile(r"\b(?:is|was|are|were)\s+what\s+" + _NAME + r"\s+(?:offered|gave|came|sent|quoted|put)", re.I),
    # "60k rsus on the table from asana", "a 195k offer came from discord too": the figures, then whose
    # never "im coming from teaching": where the person comes from
    re.compile(
        r"(?:\bon\s+the\s+table|\bin\s+hand|\bcame|\bcomes|(?<!i'm\s)(?<!im\s)(?<!am\s)\bcoming|\bcame\s+in)\s+from\s+"
        + _LOOSE_NAME,
        re.I,
    ),
    # "de shaw: 275k base", "jane street - 320k", "..., linear: 190k base": a name that labels its figures,
    # in any case (a label word in lower case is no name: see LABEL_WORDS)
    LABEL_NAME_RE,
    # LABELLED_RIVAL_RE: a label unless capitalised
    re.compile(r"^\s*" + _NAME + r"\s*:\s*(?=" + _CODE_BEFORE + r"\$?\d)", re.I),
]
# "i got 182k base from planetscale and 195k base from linear": each figure, then whose it is
FIGURE_FROM_RE = re.compile(
    r"(?<![\w.$£€])[$£€]?\d[\d,.]*\s*(?:grand\b|thousand\b|[kKmM]?\b)(?:\s+(?:base|salary|total|tc|(?:in\s+)?(?:rsus?|stock|equity)"
    r"|sign[- ]?on|signing|bonus))?"
    r"(?:\s+(?:over|vesting\s+over)\s+(?:\d{1,2}|four|three|five)\s+(?:years?|yrs?))?\s+from\s+"
    r"(?:the\s+)?"
    + _LOOSE_NAME
    + r"(?=\s*(?:$|[,;.!?]|\band\b|\bbut\b|\bwhile\b|\bplus\b|\bin\s+hand\b|\bon\s+the\s+table\b|\btoo\b"
    r"|\bas\s+well\b))",
    re.I,
)
OFFERS_LIST_RE = re.compile(
    r"\b(?:other|competing|more|rival|two|three|several|multiple|few|[2-9])\s+(?:job\s+)?offers\b|\boffers\s*:"
    # "comparing 3 now - cockroach labs 200k base, vercel 182k base": a list of offers, a name before each's figures
    r"|\bcomparing(?:\s+(?:\d|two|three|four)(?:\s+offers)?)?(?:\s+now)?\s*(?:[-–—:]|\s-\s)",
    re.I,
)
LISTED_NAME_RE = re.compile(
    r"(?:[:,;]|\s[-–—]\s|\band\b|\bplus\b)\s*" + _NAME + r"\s*(?:[:(-]\s*|at\s+|with\s+)?(?=[$£€~]?\d)", re.I
)
# What may stand before "188k base from okta" for those figures to be okta's too: figures, their
# parts and joiners only ("199k base and 80k rsus from notion"), never other words ("179k base here and").
FIGURES_ONLY_RE = re.compile(
    r"(?:\s*(?:[$£€]?\d[\d,.]*\s*[kKmM]?|base|salary|total|tc|in|rsus?|stock|equity|sign[- ]?on|signing|bonus"
    r"|and|plus|&|\+|,))*\s*",
    re.I,
)
# "ramp and brex both offered, 200k and 197k": two names, then their figures in the same order
PAIR_OFFERED_RE = re.compile(
    r"\b(?:both\s+)?" + _LOOSE_NAME + r"\s+and\s+" + _NAME_NAMED + r"\s+(?:both\s+)?(?:also\s+)?(?:offered|came\s+back"
    r"|came\s+through|made\s+(?:me\s+)?offers|sent\s+(?:me\s+)?offers|got\s+back(?:\s+to\s+me)?)\b",
    re.I,
)
PAIR_FIGURE_RE = re.compile(r"(?<![\w.$£€])[$£€]?\d[\d,.]*\s*[kKmM]?\b")
# Rival phrases that may follow the figures they own ("188k is what apple offered", "60k rsus on the
# table from asana"): the words just before the name say so.
TRAILING_BEFORE_RE = re.compile(
    r"(?:\bfrom|\bcalled|\bnamed|\bwhat|\bat|\bwhere|\bthat'?s|\bthose\s+are|\bthis\s+is)\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?:people|team|folks|recruiters?|hiring"
    r"\s+(?:manager|team))\s+(?:at|from)\s+)?$",
    re.I,
)
# Patterns where the first company to make an offer, with none discussed yet, is the person's own.
# "Snowflake offer base 231k", "google L4 offer: base 178k": a name and "offer" opening a sentence, the
# offer's words or figures after it (OWN_OFFER_RE takes it as the own while no company is known)
NAME_OFFER_OPENS_RE = re.compile(
    r"(?:^|[.!?;]\s+)(?!(?:"
    + OFFER_KINDS
    + r"|my|job)\b)"
    + _NAME
    + r"(?:\s+(?:(?:[LEM]|IC|SDE)-?\d{1,2}|senior|staff|principal|sr))?\s+offer\b\s*(?=[:=-]|is\b|came\b|[$£€~]?\d"
    r"|(?:base|salary|tc|total|equity|stock|rsus?)\b)",
    re.I,
)
# "offer came: Datadog senior MLE, 198 base": the offer announced, then whose
OFFER_CAME_RE = re.compile(
    r"^\s*(?:(?:the|an?|my|new)\s+)?offer\s+(?:came(?:\s+in)?|arrived|is\s+in|landed)\s*[:!-]+\s*" + _NAME, re.I
)
# "Monzo improved to £112k base", "anthropic moved equity from 300k to 355k", "Meta revised offer": a name that
# changed its own offer (CLAUSE_NAME_OFFERED_RE takes "raised their offer")
NAME_CHANGED_RE = re.compile(
    r"\b" + _NAME + r"\s+(?:(?:also|just|now|then|finally)\s+)?(?:improved|raised|bumped|upped|increased|moved"
    r"|lifted|boosted|pushed|revised|sweetened)\s+(?:up\s+)?(?:(?:the|their|its)\s+)?(?:to\s+(?=[$£€~]?\d)|(?:base"
    r"|salary|equity|stock|rsus?|bonus|sign[- ]?on|signing|offer|package|numbers?|comp)\b)",
    re.I,
)
# "new numbers from databricks", "updated package from brex" ("offer from" is OFFER_FROM_RE's)
NUMBERS_FROM_RE = re.compile(
    r"\b(?:numbers|figures|package|terms|counter(?:[- ]?offer)?)\s+(?:from|by)\s+" + _LOOSE_NAME, re.I
)
# "got competing from Shopify 165k", "have another from figma": the offer's noun left out
COMPETING_FROM_RE = re.compile(
    r"\b(?:got|have|received|holding)\s+(?:a\s+)?(?:competing|another|second|rival|backup)\s+(?:from|at)\s+"
    + _LOOSE_NAME,
    re.I,
)
# "competing: Hugging Face, base €120k", "other offer - Datadog: 190k": the rival named after a label saying so
RIVAL_LABEL_RE = re.compile(
    r"^\s*(?:competing(?:\s+offer)?|competitor|rival(?:\s+offer)?|other\s+offer|backup(?:\s+offer)?|second\s+offer)"
    r"\s*[:=-]\s*" + _LOOSE_NAME,
    re.I,
)
# "Zalando wants me as a design lead at €98k": a company wanting the person, never the offer discussed
# ("Samsara wants me too" says as much with "too"); not among the first named (FIRST_IS_OWN)
# "fyi got another one today - databricks, 200k base": another offer, its company named after a dash or colon
ANOTHER_ONE_RE = re.compile(
    r"\b(?:another|second|other|new)\s+(?:one|offer)\b[^-–—:.;!?]{0,25}(?:\s[-–—]\s*|:\s*)" + _LOOSE_NAME + r"\s*(?=,)",
    re.I,
)
# "going with monzo", "i'm taking the monzo offer": another company chosen over the one discussed
GOING_WITH_RE = re.compile(r"\b(?:going|go|went|i'?ll\s+go)\s+with\s+" + _LOOSE_NAME + r"\s*(?:[.!,;]|$)", re.I)
WANTS_ME_RE = re.compile(
    # "Plaid wants me", "a startup, Foxglove, that wants me too"
    r"\b" + _NAME + r"\s*,?\s+(?:(?:that|which|who)\s+)?(?:also\s+)?wants\s+(?:me|to\s+hire\s+me)\b",
    re.I,
)
# "I also have this from Databricks, pasting their letter: ...": what is pasted next is that company's
THIS_FROM_RE = re.compile(r"\b(?:this|these|that|one|it)\s+(?:is\s+|came\s+)?from\s+" + _LOOSE_NAME, re.I)
# "stripe verbal: 205k base", "datadog offer - 190k": a company's offer labelled by its name and kind
NAME_KIND_LABEL_RE = re.compile(
    r"^\s*" + _LOOSE_NAME + r"\s+(?:verbal|offer|written(?:\s+offer)?|numbers|package|final)\s*(?::|=|,|\s[-–—])", re.I
)
LABELLED_RIVAL_RE = RIVAL_RES[-1]  # "cohere: $230k", whose name may be a label instead (_mark_name)
RIVAL_RES += [
    NAME_OFFER_OPENS_RE,
    OFFER_CAME_RE,
    NAME_CHANGED_RE,
    NUMBERS_FROM_RE,
    COMPETING_FROM_RE,
    RIVAL_LABEL_RE,
    NAME_KIND_LABEL_RE,
    WANTS_ME_RE,
    THIS_FROM_RE,
    GOING_WITH_RE,
    ANOTHER_ONE_RE,
]
FIRST_IS_OWN = (
    NAME_OFFER_OPENS_RE,
    OFFER_CAME_RE,
    NAME_CHANGED_RE,
    NUMBERS_FROM_RE,
    OFFER_FROM_RE,
    CLAUSE_NAME_OFFERED_RE,
    NAME_OFFERED_RE,
    NAMED_OFFER_RE,
    THE_NAMED_OFFER_RE,
    HEARD_FROM_RE,
    OFFERED_AT_RE,
    LABEL_NAME_RE,  # "planetscale: 176k base / 100k rsu" as a first message
    NAMES_OFFER_RE,  # "vercel's offer is 176k + 60k equity"
)
NOT_NAMES = frozenset(
    [
        # a question word before "'s" ("how's 183k base") and one's current work ("my current gig pays")
        "how",
        "what",
        "who",
        "where",
        "why",
        "when",
        "here",
        "gig",
        "role",
        "employer",
        # someone the person asks for ("my wife's offer": the offer coached) and kinds of offer ("the return offer")
        "wife",
        "husband",
        "partner",
        "spouse",
        "sister",
        "brother",
        "daughter",
        "son",
        "mom",
        "dad",
        "mother",
        "father",
        "fiance",
        "fiancee",
        "girlfriend",
        "boyfriend",
        "return",
        "promotion",
        "promo",
        "conversion",
        "transfer",
        "internal",
        "rejoin",
        "boomerang",
        # a preposition the rival patterns take for a name ("my current job in Berlin pays 92k")
        "in",
        # where pay figures are looked up ("levels.fyi has a higher top than your 250k"): a source, no offer
        "glassdoor",
        "levels.fyi",
        "levels",
        "payscale",
        "teamblind",
        # what a pushback says of a part ("the 120k stock grant is fixed, nothing they can do")
        "fixed",
        "capped",
        "locked",
        "maxed",
        # a verb after a name the rival patterns take for one ("... and stays at 210k base?")
        "stays",
        "says",
        # who at the current job makes a counteroffer ("my boss offered 185k to stay"): no company
        "manager",
        "mgr",
        "boss",
        "skip",
        "director",
        "vp",
        "co",
        "place",
        "counter",
        "retention",
        "was",
        "people",
        "folks",
        "crew",
        "guys",
        "were",
        "is",
        "are",
        "be",
        "been",
        "have",
        "had",
        "has",
        "they",
        "them",
        "he",
        "she",
        "it",
        "we",
        "i",
        "you",
        "me",
        "my",
        "our",
        "their",
        "this",
        "that",
        "the",
        "a",
        "an",
        "no",
        "any",
        "other",
        "another",
        "new",
        "revised",
        "updated",
        "improved",
        "fresh",
        "latest",
        "newest",
        "numbers",
        "figures",
        "package",
        "stay",
        "want",
        "wants",
        "final",
        "first",
        "second",
        "salary",
        "base",
        "equity",
        "stock",
        "bonus",
        "total",
        "walk",
        "away",
        "number",
        "offer",
        "team",
        "offers",
        "package",
        "comp",
        "current",
        "old",
        "present",
        "competing",
        "rival",
        "so",
        "and",
        "but",
        "also",
        "just",
        "now",
        "then",
        "actually",
        "recruiter",
        "valued",
        "priced",
        "worth",
        "hr",
        "company",
        "someone",
        "who",
        "which",
        "script",
        "email",
        "call",
        "one",
        "none",
        "nothing",
        "only",
        "i'm",
        "im",
        "i've",
        # Words that describe an offer rather than name who made it ("the verbal offer", "the formal one").
        "verbal",
        "formal",
        "written",
        "official",
        "initial",
        "original",
        "actual",
        "real",
        "full",
        "whole",
        "same",
        "last",
        "latest",
        "previous",
        "better",
        "best",
        "good",
        "great",
        "bad",
        "low",
        "lower",
        "high",
        "higher",
        "exploding",
        "signed",
        "draft",
        "job",
        "his",
        "her",
        "your",
        "startup",
        "fang",
        "faang",
        "cash",
        "employer",
        "work",
        "currently",
        "right",
        "today",
        "honestly",
        "basically",
        "anyway",
        "btw",
        "meanwhile",
        "well",
        "yeah",
        "ok",
        "okay",
        "friend",
        "fwiw",
        "tbh",
        "imo",
        "ps",
        "oh",
        "lol",
        "hey",
        "hi",
        "buddy",
        "colleague",
        "got",
        "get",
        "received",
        "both",
        "all",
        "these",
        "those",
        # interjections a dictated or hurried message starts with ("no sorry equity is 160k")
        "sorry",
        "oops",
        "wait",
        "yes",
        "yep",
        "nope",
        "sure",
        "update",
        "correction",
        "fyi",
        "like",
        # things waited on or done that are no company ("waiting on the grant doc", "a script to compare offers")
        "doc",
        "docs",
        "share",  # "waiting on the share count"
        "count",
        "document",
        "paperwork",
        "letter",
        "details",
        "compare",
        # what the market pays, quoted ("the market figure I quoted (230k)"): no company's offer
        "market",
        # who relays an offer, never whose it is: "the client" is what an agency calls the company hiring
        "client",
        "agency",
        "headhunter",
        "recruiters",
        "really",
        # "last year's bonus was 9k": a time, no company
        "year",
        # "take the money and run": the pay itself, no company; "a bonus that never pays out": no name
        "money",
        "never",
        # nobody in particular ("not talking to anyone else right now")
        "anyone",
        "anybody",
        "anywhere",
        "everyone",
        "everybody",
        "nobody",
        # a team or line of work inside the company coached ("start over with the sales offer", "the design offer")
        "sales",
        "design",
        "engineering",
        "marketing",
        "product",
        "finance",
        "clinical",
        "support",
        "research",
        # counts of offers: "two more offers", "a couple of offers"
        "more",
        "several",
        "couple",
        "few",
        "multiple",
    ]
)
# A company's people after its name: "the scale ai recruiters", "the hiring manager" (no company at all).
PEOPLE_AFTER_RE = re.compile(
    r"(?:^|\s+)(?:hiring\s+)?(?:recruiters?|recruiting|managers?|manager|team|folks|people|crew|guys|hr|talent"
    r"|hiring)$",
    re.I,
)
# Words before a colon that label what follows rather than name a company ("update: 176k base").
LABEL_WORDS = (
    frozenset(
        [
            "update",
            "updates",
            "numbers",
            "number",
            "figures",
            "details",
            "correction",
            "edit",
            "note",
            "ps",
            "fyi",
            "news",
            "summary",
            "breakdown",
            "recap",
            "context",
            "tldr",
            "question",
            "q",
            "status",
            "mine",
            "theirs",
            "result",
            "results",
            "counter",
            "ask",
            "target",
            "targets",
            "total",
            "base",
            "salary",
            "equity",
            "stock",
            "bonus",
            "current",
            "latest",
            "final",
            "revised",
            "new",
            "so",
            "here",
            "plus",
            "comp",
            "package",
            "offer",
            "info",
            "basics",
            "compensation",
            "pay",
            "tc",
            "overall",
            "package",
            "total comp",
            "total compensation",
            "offer details",
            # the parts as Indian and European offers label them ("fixed: 31 LPA", "ESOPs - 48L")
            "fixed",
            "variable",
            "ctc",
            "esop",
            "esops",
            "vsop",
            "vsops",
        ]
    )
    | PLACE_WORDS
)
# A third person's pay ("my friend at ramp makes 220k") is nobody's offer: its figures are left out.
SOMEONE_ELSE = "someone else"
SOMEONE_ELSE_RE = re.compile(
    r"\b(?:my|a)\s+(?:friend|buddy|colleague|coworker|co-worker|brother|sister|partner|roommate|cousin|peer"
    r"|former\s+colleague|ex-colleague)s?\b"
    # never the offer asked about for them ("my sister's offer: ...", the case coached; not "my sister's offer at
    # another company")
    r"(?!'s\s+(?:(?:new|revised|return|job)\s+)?offer\b(?!\s+(?:at|from|with)\b))"
    # whoever held the job before ("the guy before me was paid 160k", "my predecessor")
    r"|\bthe\s+(?:guy|person|woman|man|lady|dude|engineer|one)\s+(?:before\s+me|who\s+(?:had|held|left)\b)"
    r"|\bmy\s+predecessor\b"
    # pay in the past ("last year I was making 140k", "I used to make 120k", "at my old job I got 130k")
    r"|\blast\s+year\b|\bused\s+to\s+(?:make|earn|get)\b|\bat\s+my\s+(?:old|last|previous|former|first)\s+(?:job|company"
    r"|role|employer)\b"
    # "I made 61k as an army logistics officer before I got out", "before my career break i was making 140k":
    # one's pay then, told in the past tense
    r"|\bi\s+(?:made|earned|was\s+(?:making|earning|paid|on)|got\s+paid)\s+(?=(?:about|around|roughly|like|~)?\s*[$£€]?\d)",
    re.I,
)
# A figure quoted back from the coach's own reply ("you said the band tops out at 220k", "your target of 250k", "how
# did you come up with 278,750?", "you put the sign-on at 30k in the counter"): nobody's offer or pay, left out
FROM_THE_COACH_RE = re.compile(
    r"\byou\s+(?:said|say|wrote|put|suggested|suggest|told\s+me|mentioned|quoted|gave\s+me|c[ao]me\s+up\s+with|got)\b"
    r"(?=[^.;!?,]{0,40}?[$£€]?\d)"  # (never "whatever you suggest, I won't go below 200k": the person's own)
    r"|\byour\s+(?:target|anchor|counter|number|figure|estimate|math|suggestion|ask|walk[- ]?away|(?=[$£€]?\d))"
    r"|\b(?:in|from)\s+your\s+(?:reply|answer|message|counter|numbers|breakdown)\b",
    re.I,
)
CLAUSE_END_RE = re.compile(r"[,;:.!?](?!\d)|\s(?:but|and|so|while)\s", re.I)
# Whose a figure is, said after it: "190k is my current base", "the 240k was databricks's base".
_FIGURE = r"(?<![\w.$£€])[$£€]?\d[\d,.]*\s*[kK]?"
CURRENT_AFTER_RE = re.compile(
    _FIGURE + r"\s+(?:is|was)\s+my\s+(?:current|present)\s+(?:base|salary|pay|comp|tc|total\s+comp|package)\b", re.I
)
# "a 200k counter", "the 190k retention offer", "a 25k retention bonus": a figure the current employer put up to keep
# the person (whose "counter" a message about staying means)
COUNTER_AFTER_RE = re.compile(
    _FIGURE + r"\s+(?:retention\s+(?:bonus|offer|package|grant)|stay\s+(?:bonus|offer)|counter(?:-?offer)?)\b", re.I
)
# "ps is 210k base vs a 200k counter": an offer set against a counter is set against the current employer's
VERSUS_COUNTER_RE = re.compile(
    r"\b(?:vs\.?|versus|against|compared\s+(?:to|with))\s+(?:a|the|their|my\s+(?:employer'?s|company'?s))\s+"
    r"[$£€]?\d[\d,.]*\s*[kK]?\s+counter(?:-?offer)?\b",
    re.I,
)
STAYING_RE = re.compile(
    r"\b(?:if\s+i\s+stay|to\s+stay|to\s+keep\s+me|stay(?:ing)?\s+put|retention|counter-?offer|my\s+(?:current\s+)?"
    r"(?:manager|boss|skip|employer|company|co|place|job))\b",
    re.I,
)
# "is my 180k base low?": the person's own figure, after someone else's in the same sentence (never "my 180k
# base now", "my 180k current base": today's pay)
MY_FIGURE_RE = re.compile(
    r"\bmy\s+(?=[$£€]?\d[\d,.]*\s*[kK]?\s+(?:base|salary|offer|equity|stock|rsus?|sign[- ]?on|bonus|total|tc|package)\b"
    r"(?![^.;!?,]{0,25}\b(?:now|currently|today|at\s+the\s+moment|right\s+now)\b))",
    re.I,
)
FLOOR_RE = re.compile(
    r"\b(?:won'?t|will\s+not|wouldn'?t|would\s+not|not\s+going\s+to|can'?t|cannot|don'?t|do\s+not)\s+(?:take|accept"
    r"|go\s+for|sign\s+for|settle\s+for|consider|move\s+for|leave\s+for|switch\s+for)\s+(?:anything\s+)?"
    r"(?:less\s+than|under|below|lower\s+than)",
    re.I,
)
CALLED_RE = re.compile(
    r"\b(?:from|at|with|by)\s+(?:a|an|the|this|some)\s+(?:[\w-]+\s+){0,3}?(?:co|company|startup|firm|shop|place|outfit)"
    r"\s+(?:called|named)\s+" + _LOOSE_NAME,
    re.I,
)
MINE_SAYS_RE = re.compile(r"\bmine\s+(?:says|said|is|was|has|came\s+in\s+at|(?:is\s+)?only)\b", re.I)
FIGURE_WAS_NAMES_RE = re.compile(
    _FIGURE
    + r"\s+(?:is|was)\s+"
    + _NAME
    + r"'s\b"
    # "60k/yr equity is datadog, ps is 45k/yr", "the 20k sign on was from vercel": a figure said to be a name's
    + r"|(?<![\w.$£€])(?:[$£€]\d[\d,.]*\s*[kK]?|\d[\d,.]*\s*[kK])(?:\s*/\s*(?:yr|year))?(?:\s+[a-z-]+){0,2}\s+"
    + r"(?:is|was|came)\s+(?:from\s+)?"
    + _NAME.replace("(?P<name>", "(?P<name2>")
    + r"(?:'s)?(?=\s*[,.;!?]|\s*$|\s+(?:not|and|but)\b)",
    re.I,
)
# "the 240k I gave you for stripe was total": a figure told earlier, and whose it was
FIGURE_TOLD_FOR_RE = re.compile(
    _FIGURE + r"\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:gave\s+you|told\s+you|sent\s+you|said|mentioned|typed"
    r"|put(?:\s+in)?|wrote|quoted|listed|shared|entered)\s+(?:for|from|as)\s+(?:the\s+)?" + _LOOSE_NAME,
    re.I,
)
# "mongodb 200k vs planetscale 212k": each figure, the name just before it, where two offers are set side by side
VERSUS_NAME_RE = re.compile(r"\b(?:vs\.?|versus)\s+" + _NAME + r"\s+(?=[$£€~]?\d)", re.I)
VERSUS_FIRST_RE = re.compile(r"^\s*" + _NAME + r"\s+(?=[$£€~]?\d[^.;!?]*\b(?:vs\.?|versus)\s)", re.I)
# Pay in the past said after it ("I was at 145k two jobs ago"): that figure is nobody's now.
PAST_AFTER_RE = re.compile(
    r"(?<![\w.$£€])[$£€]?\d[\d,.]*\s*[kK]?\s+(?:\w+\s+){0,2}?(?:(?:two|three|four|five|a\s+few|several|\d+)\s+"
    r"(?:jobs?|years?|months?)\s+ago|last\s+year|back\s+then)\b",
    re.I,
)
OTHER_ONE_RE = re.compile(
    r"\b(?:the\s+other\s+(?:one|offer|company|place)|the\s+competing\s+(?:one|offer)|the\s+rival)\b", re.I
)
# Words that put a figure in the present ("my salary is 150k at the moment") and the words for one's pay.
_NOW = (
    r"(?:right\s+now|at\s+the\s+moment|at\s+present|presently|as\s+of\s+(?:now|today)|as\s+things\s+stand"
    r"|currently|today|these\s+days|nowadays|now)"
)
_MY_PAY = (
    r"(?:salary|base|pay|paycheck|paycheque|(?:total\s+)?comp(?:ensation)?|tc|package|earnings|income|remuneration)"
)
_MY_PAY_WORD = r"(?:salary|base|pay|comp|tc|ctc|package|total\s+comp)"
CURRENT_RES = [
    re.compile(
        # never the offer's figure now ("they're currently at 185k base")
        r"(?<!they're\s)(?<!they\sare\s)(?<!it's\s)(?<!it\sis\s)(?<!offer\sis\s)(?<!she's\s)(?<!he's\s)(?<!they\s)"
        r"\b(?:i\s+)?(?:currently|presently)\s+(?:make|earn|get|getting|have|take\s+home|pull|bring\s+in|draw|drawing"
        r"|am\s+(?:on|at|paid|making|earning|getting)|i'?m\s+(?:getting|paid)\s+(?=[$£€]?\d)|"
        r"i'?m\s+(?:on|at|making|earning)|on|at|making|earning|paid|get)\b",
        re.I,
    ),
    re.compile(
        r"\bmy\s+(?:current|present)\s+(?:(?:is|=)\s+)?(?=[$£€₹]?\d)"  # "my current is 160k", "my current 200k total"
        r"|\bmy\s+(?:current|present|existing|old|today'?s)\s+(?:job|role|employer|company|salary|base|comp|ctc|payslip"
        r"|paystub|pay\s+stub|pay\s+slip"
        r"|pay|package|position|gig|place|tc|total\s+comp|compensation|total|bonus|equity|stock|rsus?|grant"
        r"|sign[- ]?on)\b"
        r"|\bmy\s+(?:salary|base|pay|comp|tc|total\s+comp|package)\s+(?:now|today|right\s+now|currently"
        r"|at\s+the\s+moment|at\s+my\s+(?:job|company))\b",
        re.I,
    ),
    re.compile(
        r"\b(?:right\s+now|today|at\s+the\s+moment|at\s+present|now)\s*,?\s+i\s*(?:make|earn|get|'m\s+(?:on"
        r"|making|at)|am\s+(?:on|making|at))\b",
        re.I,
    ),
    re.compile(r"\bi\s*(?:'m|am)\s+(?:currently\s+)?(?:sitting\s+)?(?:on|at)\s+(?=(?:[A-Z]{1,3})?[$£€₹₦]?\s?\d)", re.I),
    # "I'm hourly on the support desk right now, base pay comes to about 68k": how one is paid or placed now
    re.compile(
        r"\bi\s*(?:'m|am)\s+(?:currently\s+|still\s+)?(?:hourly|salaried|on\s+salary|paid\s+(?:hourly|by\s+the\s+hour)"
        r"|on\s+the\s+[\w-]+\s+(?:desk|team|floor|unit|ward|line)\s+(?:right\s+now|now|currently|at\s+the\s+moment))\b",
        re.I,
    ),
    # "I'd stay where I am, currently 175k base plus ...": "currently" opening a clause, then a figure
    re.compile(
        r"(?:^|[,;:.!?(]\s*|\b(?:and|so)\s+)(?:currently|presently)\s*[,:-]?\s*(?:(?:at|on|around|about)\s+|~\s*)?"
        r"(?=(?:[A-Z]{1,3})?[$£€₹]?\s?\d)",
        re.I,
    ),
    # "ahorita gano €70k al año", "atualmente ganho R$ 20 mil", "abhi mera CTC 28 lakh hai": one's pay now, said in
    # Spanish, Portuguese or Hinglish
    re.compile(
        r"\b(?:gano|cobro|ganho|actualmente|atualmente|abhi\s+(?:mera|meri|main)|mera\s+(?:ctc|salary|package))\b", re.I
    ),
    # "here's what I have now, copied from my total rewards statement": one's pay now, pasted
    re.compile(r"\bwhat\s+i\s+(?:have|make|earn|get)\s+now\b|\b(?:total\s+rewards|compensation)\s+statement\b", re.I),
    # the current employer's counteroffer: "my manager just said theyd bump me to 190k if i stay", "my current co
    # (datadog) countered at 230k total", "my boss offered 185k to stay", "a 200k counter", "the 190k retention offer"
    re.compile(
        r"\bmy\s+(?:current\s+)?(?:manager|boss|skip(?:[- ]level)?|lead|director|vp|employer|company|co|place|job|team"
        r"|org|firm)\b(?:\s*\([^)]{1,30}\))?[^.;!?]{0,60}?\b(?:counter(?:ed|s)?|offer(?:ed|s)?|bump(?:ed)?"
        r"|match(?:ed|es|ing)?|would\s+(?:pay|match|bump|give)|(?:'?d|would)\s+(?:bump|pay|match|give)|put\s+together)\b"
        r"|\b(?:retention|stay)\s+(?:bonus|offer|package|grant)\b|\bcounter-?offer\s+from\s+my\b"
        r"|\bthe\s+counter(?:-?offer)?\s+(?:is|was|from\s+my)\b",
        re.I,
    ),
    # "I am presently compensated at 163k base"
    re.compile(r"\bi\s*(?:'m|am)\s+(?:currently\s+|presently\s+|now\s+)?(?:compensated|remunerated)\b", re.I),
    # "these days i pull 152k", "my paycheck right now works out to 160k"
    re.compile(r"\b(?:these\s+days|nowadays)\s*,?\s+i\s+(?:pull|make|earn|get|take\s+home|bring\s+in)\b", re.I),
    re.compile(
        r"\bmy\s+(?:paycheck|paycheque|(?:base\s+)?salary|(?:base\s+)?pay|base|ctc|tc|comp|total\s+comp)\s+"
        + _NOW
        + r"\b",
        re.I,
    ),
    # "my salary is 150k at the moment", "i get 145k base where i am"
    re.compile(r"\bmy\s+" + _MY_PAY + r"\s+is\s+(?=[^.;!?]{0,30}\b" + _NOW + r"\b)", re.I),
    re.compile(r"\bi\s+(?:get|make|earn)\s+(?=[^.;!?]{0,30}\bwhere\s+i\s+(?:am|work)\b)", re.I),
    re.compile(r"^\s*(?:right\s+now|currently|today|at\s+the\s+moment)\s*[,:-]\s*(?=[$£€]?\d)", re.I),
    # "I'm a director at Meta now, 260k base and ...": one's job now, then its pay
    re.compile(
        r"\bi\s*(?:'m|am)\s+an?\s+(?:[\w/-]+\s+){1,4}?(?:at|with|for)\s+[A-Za-z][\w&'.-]*(?:\s+[A-Za-z][\w&'.-]*)?\s+"
        r"(?:right\s+now|currently|now|today|these\s+days)\s*[,:;-]",
        re.I,
    ),
    # "a nurse at mercy hospital right now making about 88k", "im a teacher making 52k": one's pay now, told
    # with what one does
    re.compile(
        r"\b(?:right\s+now|currently|presently|rn|atm|at\s+the\s+moment)\s+(?:making|earning|pulling|paid)\b"
        r"|\bi\s*(?:'m|am)\s+an?\s+(?!(?:bit|little|lot|tad)\b)(?:(?!(?:nervous|worried|scared|anxious|afraid|unsure|fan)\b)"
        r"[\w/-]+\s+){1,6}?(?:making|earning|pulling\s+in|paid)"
        r"(?=\s+(?:about|around|roughly|like|almost|just\s+under|~)?\s*[$£€]?\d)",
        re.I,
    ),
    # "right now on £86k in london", "curr comp: 171k base", "current tc 180k": no "I", as people type it
    re.compile(r"^\s*(?:right\s+now|currently|rn|atm|now)\s*,?\s+(?:on|at|making|earning|paid)\s+(?=[$£€]?\d)", re.I),
    re.compile(r"^\s*(?:curr(?:ent)?\.?|present)\s+(?:comp|tc|pay|salary|base|package)\s*[:=-]?\s*(?=[$£€]?\d)", re.I),
    # "at the moment my salary is 140k"
    re.compile(r"\b" + _NOW + r"\s*,?\s+my\s+" + _MY_PAY + r"\b", re.I),
    # "my employer now pays 171k", "my salary at workday is 158k right now"
    re.compile(r"\bmy\s+(?:employer|company|job|boss)\s+(?:now\s+|currently\s+|today\s+)?pays\b", re.I),
    re.compile(
        r"\bmy\s+" + _MY_PAY + r"\s+(?:at|with)\s+[\w&'.-]+(?:\s+[\w&'.-]+)?\s+(?:is|was)\b"
        r"(?=[^.;!?]{0,30}\b" + _NOW + r"\b)",
        re.I,
    ),
    re.compile(
        r"\bi\s*(?:make|earn|'m\s+making|am\s+making|'m\s+earning|am\s+earning|'m\s+paid|am\s+paid"
        r"|get\s+paid)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:where\s+i\s+am\s+now|where\s+i\s+work\s+now|my\s+job\s+now|at\s+my\s+(?:current|present)\s+\w+"
        r"|where\s+i'?m\s+(?:at\s+)?(?:now|currently|right\s+now)|at\s+my\s+(?:day\s+job|job|work|employer)"
        r"|staying\s+put|current\s+(?:job|employer|salary|base|comp|gig|role|position|place|company|package|tc|pay))\b",
        re.I,
    ),
]
LEAVING_BEFORE_RE = re.compile(
    r"\b(?:leave|leaving|quit|quitting|give\s+up|giving\s+up|walk\s+away\s+from|switch(?:ing)?\s+from"
    r"|mov(?:e|ing)\s+from)\s+(?:my\s+|the\s+)?(?:\w+\s+)?$",
    re.I,
)
CURRENT_COMPANY_RE = re.compile(
    r"\b(?:currently|now|today|presently)\s+(?:at|with|(?:working|employed)\s+(?:at|for|with|by))\s+"
    r"(?P<a>[A-Za-z][\w&'.-]*)"
    r"|^\s*(?:right\s+now\s+|currently\s+)?at\s+(?P<f>[A-Za-z][\w&'.-]*)\s*(?:today|now|currently|right\s+now)?"
    r"\s*,?\s+i\s*(?:'m|am|make|earn|get)\b"
    # "my base at atlassian is 178k": one's pay where one works, said with its company
    r"|\bmy\s+(?:base|salary|pay|bonus|comp|tc|package)\s+(?:at|with)\s+(?P<n>[A-Za-z][\w&'.-]*)\s+(?:is|was)\b"
    # "currently finance manager at DBS, S$9,800 monthly", "my current CTC at infosys is 18.5 lakh", "at shopify i'm on
    # 160k base", "i'd rather stay at shopify"
    r"|\b(?:currently|presently)\s+(?:an?\s+)?(?:(?!offer|offered|interviewing|talking)[a-z]+\s+){1,4}?(?:at|with)\s+"
    r"(?P<r>[A-Za-z][\w&'.-]*)(?=\s*[,.;:]|\s+(?:and|on|making|earning|paid)\b)"
    r"|\bmy\s+current\s+(?:ctc|tc|comp|base|salary|package|pay)\s+(?:at|with)\s+(?P<s>[A-Za-z][\w&'.-]*)"
    r"|\bat\s+(?P<t>[A-Za-z][\w&'.-]*)\s+i\s*(?:'m|am)\s+(?:on|at|making|earning|paid)\b"
    # "now i am working in Infosys only", "i am in SAP since 5 years", "my salary in Shopify now is 140k": "in" for
    # "at", as written in a second language; a capitalised name that is no place
    r"|\bi\s*(?:'m|am)\s+(?:(?:working|employed)\s+in\s+(?P<o>(?-i:[A-Z])[\w&'.-]*)|in\s+(?P<q>(?-i:[A-Z])[\w&'.-]*)"
    r"(?=\s+(?:since|for)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\b))"
    r"|\bmy\s+(?:current\s+)?"
    + _MY_PAY_WORD
    + r"\s+in\s+(?P<p>(?-i:[A-Z])[\w&'.-]*)\s+(?:now\s+|currently\s+)?(?:is|was)\b"
    # "im a nurse at mercy hospital right now making about 88k", "I'm a director at Meta now, 260k base": what one
    # does, where, and its pay now
    r"|\bi\s*(?:'m|am)\s+an?\s+(?:[\w/-]+\s+){1,4}?(?:at|with|for)\s+(?P<w>[A-Za-z][\w&'.-]*(?:\s+(?!(?:right|now"
    r"|currently|making|earning|paid)\b)[A-Za-z][\w&'.-]*)?)\s+(?:(?:right\s+now\s+|currently\s+|now\s+)?(?:making|earning"
    r"|paid)\b|(?:right\s+now|currently|now|today|these\s+days)\s*[,:;-])"
    r"|\b(?:rather|just|would|'d)\s+stay\s+(?:at|with)\s+(?P<u>[A-Za-z][\w&'.-]*)"
    r"|\bmy\s+current\s+(?:co|company|employer|job|place|firm)\s*\((?P<v>[A-Za-z][\w&'.-]*)\)"
    # "at Twilio now, base is 150k": where one works now, then one's pay
    r"|^\s*at\s+(?P<m>[A-Za-z][\w&'.-]*)\s+(?:today|now|currently|right\s+now)\s*[,:;-]"
    r"|\bi\s*(?:currently\s+|now\s+|still\s+)?(?:work|'m\s+working|am\s+working|'m|am)\s+(?:at|for)\s+"
    r"(?P<b>[A-Z][\w&'.-]*)(?:\s+(?:now"
    r"|currently|right\s+now|today))?"
    r"|\bmy\s+(?:current\s+(?:employer|company)\s*(?:is\s+|:\s*|\s(?-i:(?=[A-Z])))"
    # "my employer right now is plaid", "my company at the moment is gusto"
    r"|(?:current\s+)?(?:employer|company)\s+(?:right\s+now|at\s+the\s+moment|now|today|currently|these\s+days)"
    r"\s+(?:is\s+|:\s*))(?!pays?\b|paying\b)"
    r"(?P<c>[A-Za-z][\w&'.-]*)"
    # "the company i'm at now, twilio, pays 160k"
    r"|\bthe\s+(?:company|place|firm|startup)\s+i\s*(?:'m|am)\s+(?:at|with)\s+(?:now|currently|right\s+now|today)\s*,"
    r"\s*(?P<h>[A-Za-z][\w&'.-]*)\s*,"
    # "my current job at Uber pays": the company of the current job, never a rival
    r"|\bmy\s+(?:current|present|existing)\s+(?:job|role|employer|company|position|gig|place)\s+(?:is\s+)?"
    r"(?:at|with)\s+(?P<g>[A-Za-z][\w&'.-]*)"
    # "right now, 160k base at salesforce"
    r"|^\s*(?:right\s+now|currently|today|at\s+the\s+moment)\s*[,:-]\s*[$£€]?\d[^.;!?]{0,30}?\bat\s+(?P<k>[A-Za-z][\w&'.-]*)"
    # "my salary at workday is 158k right now"
    r"|\bmy\s+"
    + _MY_PAY
    + r"\s+(?:at|with)\s+(?P<j>[A-Za-z][\w&'.-]*)\s+(?:is|was)\b(?=[^.;!?]{0,30}\b"
    + _NOW
    + r"\b)"
    # "my current salary at okta is 155k": the pay of the current job, with its company
    r"|\bmy\s+(?:current|present|existing)\s+(?:salary|base|pay|comp|package|total\s+comp)\s+(?:at|with)\s+"
    r"(?P<i>[A-Za-z][\w&'.-]*)"
    r"|(?<!was\s)(?<!were\s)\b(?:make|earn|making|earning|paid|get)\b[^.;!?]{0,30}?\b(?:at|with)\s+(?P<d>(?-i:[A-Z])[\w&'.-]*)"
    r"|(?<!was\s)(?<!were\s)\b(?:i'?m|i\s+am|make|earn|making|earning|paid|get|on|currently)\s+(?:at\s+|on\s+)?(?:[A-Z]{1,3})?[$£€₹]?\d[\d,.]*\s*"
    r"(?:k|lakhs?|l|lpa)?\b"
    r"(?:[^.;!?,]|(?<=\d)\.(?=\d)){0,30}?\bat\s+(?P<e>[a-z][\w&'.-]*)\s*(?:[.!]?$|(?=,|\s+(?:and|but|while|whereas|with|plus)\b"
    r"|\s+(?:at\s+the\s+moment|right\s+now|currently|now|today)\b))"
    # "i make 125k now plus 40k in stock a year at datadog", "my current ctc is 18 lakh a year at infosys": the
    # company closing the message that said one's pay, however far from the figure
    r"|(?<!was\s)(?<!were\s)\b(?:i'?m|i\s+am|make|earn|making|earning|paid|(?:my\s+)?(?:current|present)\s+"
    + _MY_PAY_WORD
    + r")\b"
    r"(?=[^.;!?,]{0,60}?(?<!\w)[$£€]?\d)(?:(?!\b(?:offer|offered|offering|from|rival|competing)\b)[^.;!?,]){0,60}?"
    r"\bat\s+(?P<l>[a-z][\w&'.-]*)\s*[.!]?$",
    re.I,
)
# "the client came back at 192k": an agency's word for the company hiring, the one coached
CLIENT_RE = re.compile(r"\bthe\s+client(?:'s|’s)?\b", re.I)
OFFER_HOLDER_RE = re.compile(
    r"(?:^|[.;!?]\s*|\band\s+|\bbut\s+|,\s*(?:and\s+)?(?:now|today|then|this\s+week)\s+)(?:so\s+)?(?:they|the\s+recruiter|recruiter|hr|the\s+company"
    r"|the\s+hiring\s+manager|"
    r"hiring\s+manager|the\s+offer|their\s+offer|my\s+offer|the\s+new\s+offer|their\s+new\s+offer)\b"
    # "they can't match the anthropic number, max they can do is 225k base": a limit said is the company's own
    r"|\b(?:the\s+)?(?:max(?:imum)?|best|most|highest|top)\s+(?:they|she|he|we)\s+(?:can|could|will|'ll)\s+"
    r"(?:do|offer|go|give|pay)\b",
    re.I,
)
# "Offer from X" where X is the company discussed is the person's own offer.
OWN_OFFER_RE = re.compile(
    r"\b(?:i\s+)?(?:got|have|received|was\s+given|just\s+got)\s+(?:an?\s+)?(?:job\s+)?offer\s+(?:from|at|with)\s+"
    + _NAME
    # "I got the job at Airtable!!", "landed a role with Brex"
    + r"|\b(?:got|landed|was\s+offered|have\s+been\s+offered)\s+(?:the|a)\s+(?:job|role|position)\s+(?:at|with)\s+"
    + _NAME.replace("(?P<name>", "(?P<name_job>")
    # "... Company is Linear.", "company: brex"
    + r"|(?:^|[.!?;]\s*)(?:the\s+)?company(?:\s+is|\s*:)\s+"
    + _NAME.replace("(?P<name>", "(?P<name_is>")
    # "anthropic offer!!! 300k base": a name and "offer" opening the message
    + r"|^\s*(?!(?:"
    + OFFER_KINDS
    + r"|my|job)\b)"
    + _NAME.replace("(?P<name>", "(?P<name_first>")
    + r"\s+offer\b(?!\s+(?:from|at|with|by)\b)"
    # "Plaid wants me! 185k base" (not "wants me too": an offer besides)
    + r"|(?:^|[.!?;]\s*)"
    + _NAME.replace("(?P<name>", "(?P<name_wants>")
    + r"\s+wants\s+(?:to\s+hire\s+)?me\b(?!\s+(?:too|as\s+well|also)\b)",
    re.I,
)
OWN_NAME_GROUPS = ("name", "name_job", "name_is", "name_first", "name_wants")

PUSHBACK_RE = re.compile(
    # "'s" only after a part or "it" ("base's fixed", "it's final"), never after a company ("figma's final: 207k")
    r"\b(?:is|are|(?:(?<=\bit)|(?<=\bthat)|(?<=\bthis)|(?<=\bwhich)|(?<=\boffer)|(?<=\bpackage)|(?<=\bbase)|(?<=\bsalary)|(?<=\bequity)|(?<=\bstock)|(?<=\bbonus)|(?<=\bnumber)|(?<=\btotal))'s)"
    r"\s+(?:fixed|locked|capped|set(?:\s+in\s+stone)?|final(?!\s+(?:numbers?|figures?)\b)"
    r"|non[- ]?negotiable|not\s+negotiable"
    r"|maxed(?:\s+out)?|firm)\b(?!\s+for\s+me\b)"
    r"|\bfixed\s+at\b|\b(?:no|zero|not\s+much|very\s+little|little|not\s+any)\s+(?:room|flexibility|movement"
    r"|wiggle\s+room|give|leeway)\s+(?:(?:at\s+all|whatsoever|left|really)\s+)?(?:on|in|for|with|around)\b"
    r"|\b(?:no|zero)\s+(?:room|flexibility|wiggle\s+room|leeway)(?:\s+(?:at\s+all|whatsoever|left))?\s*[.!]?\s*$"
    r"|\bnon[- ]?negotiable\b(?!\s+for\s+me\b)"
    r"|\btops?\s+out\b|\bmax(?:es|ed)?\s+out\s+at\b|\bcapped\s+at\b"
    r"|\bcapped\s+(?:the\s+)?(?:base|salary|equity|stock|rsus?|bonus|sign[- ]?on|total|package|it)\s+at\b"
    r"|\b(?:hard\s+)?ceiling\b"
    r"|\bcan(?:'?t|not)\s+(?:move|budge|go\s+(?:higher|up|any\s+higher|above|over|past|beyond)|change"
    r"|do\s+(?:more|better|anything))\b"
    r"|\bwon'?t\s+go\s+(?:above|over|past|beyond)\b|\b(?:firm|final)\s+on\b"
    # "they won't move"; "i won't move for less than 210k" is the person's own floor, no pushback
    r"|(?<!\bi\s)\bwon'?t\s+(?:move|budge|go\s+(?:higher|up)|change)\b(?!\s+for\s+(?:less|under|below|anything))"
    r"|\bwill\s+not\s+(?:move|budge)\b"
    r"|\b(?:best|most|max(?:imum)?|highest|top)\s+(?:they|we|he|she)\s+can\s+(?:do|offer|go)\b"
    r"|\bnot\s+(?:moving|budging|flexible)\s+on\b|\b(?:not\s+(?:willing|able|going)|unable)\s+to\s+(?:budge|move|go\s+(?:higher"
    r"|up)|change|negotiate|increase|raise|touch)\b|\bbest\s+and\s+final\b|\b(?:can'?t|cannot|won'?t)\s+(?:touch"
    r"|increase|raise|improve|adjust|negotiate)\b|\btop\s+of\s+(?:the\s+)?(?:band|range)\b|\bhard\s+cap\b"
    r"|\bout\s+of\s+(?:the\s+)?budget\b|\bno\s+budget\b"
    # "that's their final offer" holds the line; "final offer came in: £95k base" brings the offer
    r"|\bfinal\s+offer\b(?!\s*(?:(?:just\s+|finally\s+)?(?:came|arrived|landed|is\s+(?:in|here))|letter|(?::|-\s)\s*[$£€]?\d))|\bthat'?s\s+(?:their"
    r"|the)\s+(?:limit|max|ceiling)\b"
    r"|\b(?:is|'s)\s+(?:the|their|our)\s+(?:max(?:imum)?|most|limit|ceiling|cap|top)\b(?!\s+(?:i|you)\b)"
    # "185k is their final number on base", "186k is as high as base goes"
    r"|\b(?:their|the|our)\s+(?:final|last)\s+(?:number|figure|word)\b"
    r"|\bas\s+(?:high|far|much)\s+as\s+(?:\w+\s+){0,2}(?:goes|go|can\s+go|will\s+go|they'?ll\s+go)\b"
    # a limit said with its figure: "base is max 200k", "the max for base is 200k", "the maximum base is
    # 200k", "maxes at 200k", "200k base at most", "200k base tops", "no more than 200k base", "up to 200k
    # but no higher"
    r"|\b(?:is|'s)\s+(?:the\s+)?max(?:imum)?\s+[$£€]?\d|\b(?:is|'s)\s+(?:the\s+)?max(?:imum)?\s+(?:on|for)\s+(?:the\s+)?"
    r"(?:base|salary|equity|stock|rsus?|bonus|sign[- ]?on|total|package)\b"
    r"|(?<!\bmy\s)\bmax(?:imum)?\s+(?:(?:for|on)\s+(?:the\s+)?)?"
    r"(?:base|salary|equity|stock|rsus?|bonus|sign[- ]?on|total|tc|package)?"
    r"\s*(?:is|would\s+be|they\s+can\s+(?:do|go|offer))\s+[$£€]?\d"
    r"|\b(?:base|salary|equity|bonus|sign[\s-]?on|total|tc|ctc)\s+max\s+[$£€₹]?\d"  # "base max 45 LPA"
    # "they won't do more than 5k extra base", "they don't negotiate equity for l4s"
    r"|\bwon'?t\s+(?:do|go|offer|pay|give)\s+(?:any\s+)?more\s+than\b"
    r"|(?<!\bi\s)(?<!\byou\s)(?<!\bpeople\s)(?<!\bfolks\s)\b(?:don'?t|do\s+not|doesn'?t|does\s+not|never"
    r"|won'?t)\s+negotiate\b"
    # "everyone coming over from teaching starts at the same base, no exceptions": one figure for all, held
    r"|\b(?:everyone|everybody|all\s+(?:new\s+)?[\w-]+|every\s+(?:new\s+)?[\w-]+)\b[^.;!?]{0,50}?\b(?:starts?|gets?"
    r"|(?:is|are)\s+(?:on|paid)|comes?\s+in|lands?)\s+(?:at\s+|on\s+|with\s+)?the\s+same\s+(?:base|salary|pay|band"
    r"|package|offer|number|rate|step|level|equity|grant|bonus|sign[- ]?on)\b"
    r"|\bthe\s+same\s+(?:base|salary|pay|band|package|offer|number|rate|equity|grant)\s+(?:for|as)\s+(?:everyone"
    r"|everybody|all)\b"
    r"|\b(?:base|salary|pay|equity|grant|bonus|sign[- ]?on)\s+(?:is|are)\s+the\s+same\s+for\s+(?:everyone|everybody"
    r"|all)\b"
    r"|\bmax(?:es)?\s+(?:out\s+)?at\s+[$£€]?\d|\b[$£€]?\d[\d,.]*\s*k?\b[^.;!?]{0,20}\b(?:at\s+(?:the\s+)?most|tops)\b"
    # "at the most recent tender price": "most" of an adjective, no limit
    r"(?!\s+(?:recent|important|likely|common|popular|\w+ive|\w+ous)\b)"
    r"|\bno\s+more\s+than\s+(?:[$£€]\d|\d[\d,.]*\s*k\b|\d{4,})|\bup\s+to\s+[$£€]?\d[^.;!?]{0,25}\bno\s+(?:higher|more|further)\b"
    # "we can go to 192k but not beyond": the clause after "but" says the limit
    r"|^\s*not\s+(?:beyond|above|higher|further|any\s+(?:higher|further))\b"
    r"|\bpushed\s+back\b|\bsaid\s+no\s+(?:to|on)\b"
    # "they cannot match the google one", "salary band for this level stops at 207k"
    r"|\b(?:can(?:'?t|not)|won'?t|unable\s+to|not\s+able\s+to)\s+match\b"
    r"|\b(?:band|range|budget)\b[^.;!?]{0,30}\b(?:stops|ends|caps|maxes|tops\s+out)\s+at\b"
    r"|\b(?:equity|base|stock|bonus|salary"
    r"|sign[- ]?on)\s+is\s+(?:off\s+the\s+table)\b",
    re.I,
)
ROOM_RE = re.compile(
    r"\b(?:has|have|there'?s|is)\s+(?:some\s+|a\s+little\s+|a\s+bit\s+of\s+)?(?:room|flexibility|wiggle\s+room)\b"
    r"|(?<!-)(?<!not\s)(?<!non\s)(?<!non)\bnegotiable\b|\bcan\s+move\b|\bmight\s+move\b",
    re.I,
)
# "we don't offer", "they dont do", "they did NOT mention": a part refused or left out (intents reads it too)
REFUSES = r"(?:don'?t|do\s+not|doesn'?t|does\s+not|never|didn'?t|did\s+not)\s+(?:offer|do|give|pay|mention)"
NO_PART_RE = re.compile(
    r"(?:\b(?:no|zero|without(?:\s+any)?)|(?<![\w.,$£€])[$£€]?0k?)\s+(?P<part>equity|stock|rsus?|[ev]sops?|options|shares|(?:target\s+|annual\s+)?bonus|"
    r"sign[\s-]?(?:on|ing)(?:\s+bonus)?|relocation)\b(?!\s+(?:mentioned|discussed|listed|yet|info|details))"
    r"|\b(?P<part2>equity|bonus|sign[\s-]?on(?:\s+bonus)?|relocation)\s*(?::|is|-|\?)?\s*(?:none|zero|0(?![.,]\d)|n/?a)\b"
    # "it's all cash", "a cash-only offer": no equity
    r"|(?:(?:^|[,;:.!?]\s*)(?:it'?s\s+|its\s+|it\s+is\s+)?|\b(?:offer|package|comp)\s+is\s+)all\s+(?P<cash>cash)"
    r"(?:[\s-]+only)?\b(?!\s+(?:bonus|comp|total))"
    r"|\b(?P<cash2>cash)[\s-]+only\b"
    # "scratch the bonus, there isn't one", "sign-on: they don't have one"
    r"|\b(?P<part4>equity|stock|rsus|bonus|sign[\s-]?on(?:\s+bonus)?|relocation)\b\s*[,:;-]?\s*(?:there\s+(?:isn'?t|is\s+not|is\s+no"
    r"|'?s\s+no|are\s+no|aren'?t)\s+(?:one|any|such\s+thing)|there'?s\s+none|there\s+is\s+none|(?:they|it)\s+(?:don'?t|doesn'?t|do\s+not"
    r"|does\s+not)\s+(?:have|include|come\s+with)\s+(?:one|any)|doesn'?t\s+exist)\b"
    # "we don't offer sign-on bonuses for this role", "they dont do sign on bonuses at all", "they did NOT mention
    # a sign-on at all"
    r"|\b" + REFUSES + r"\s+"
    r"(?:an?\s+|any\s+)?"
    r"(?P<part3>equity|stock|rsus|options|bonus(?:es)?|sign[\s-]?(?:on|ing)(?:\s+bonus(?:es)?)?|relocation)\b",
    re.I,
)
NOTE_WORDS_RE = re.compile(
    r"\b(?P<relocation>reloc(?:ation)?|moving\s+(?:costs|allowance))\b|\b(?P<refresh>refresh(?:er)?s?)\b"
    # "10 days extra PTO", "25 days of vacation": time off, kept as the person's words
    r"|\b(?P<pto>pto|paid\s+time\s+off|vacation\s+days|days\s+of\s+vacation|days\s+off|annual\s+leave|holidays)\b",
    re.I,
)
ONLY_OFFER_RE = re.compile(
    r"\b(?:my|the)\s+only\s+(?:offer|one)\b|\bonly\s+one\s+i\s+(?:have|got)\b|\bno\s+others?\b|\bjust\s+this\s+(?:one|offer)\b"
    r"|\bnothing\s+else\b(?!\s+(?:changed|moved|changes|is\s+different|was\s+different|came\s+up|new))"
    # "I'm not interviewing anywhere else", "not talking to any other companies": no other process to set against it
    r"|\b(?:not|n't|never)\s+(?:currently\s+|really\s+|actively\s+|even\s+)?(?:interviewing|talking|speaking|applying"
    r"|in\s+(?:process|the\s+running)|looking)\s+(?:(?:with|to|at|for|anywhere)\s+)?(?:anywhere|anyone|anybody"
    r"|any(?:\s+other)?\s+(?:companies|company|places?|firms?|teams?))(?:\s+else)?\b"
    r"|\bonly\s+(?:have\s+|got\s+|received\s+)?(?:the\s+)?(?:this|one|single)"
    r"\s+offer\b|\bno\s+other\s+(?:options|leverage)\b"
    # "only planetscale for now": the one company, nothing else yet
    r"|^(?:no\W*\s*)?(?:just|only)\s+(?!base|equity|stock|salary|bonus|sign|the\s)\w+\s+(?:for\s+now|so\s+far|right\s+now"
    r"|at\s+the\s+moment|atm)\W*$",
    re.I,
)
# "it's just ps", "it's only them": the one company, by a name the coach knows it by (checked against the context)
JUST_THEM_RE = re.compile(r"\b(?:it'?s|its)\s+(?:just|only)\s+(?P<name>[\w.&'-]+(?:\s+[\w.&'-]+)?)\s*[.!]*$", re.I)
# A figure named as the one being replaced, in a correction.
WAS_BEFORE_RE = re.compile(
    # "instead 170k": "of" left out, as written in a second language
    r"(?:\bnot|,\s*no|\binstead(?:\s+of)?|\brather\s+than|\bup\s+from|\bwent\s+from"
    r"|\bfrom)\s*:?\s*$",
    re.I,
)
BARE_ANSWERS = {
    "skip": re.compile(
        r"^(?:(?:(?:(?:i'?d\s+)?(?:rather|prefer\s+to)|let'?s|can\s+we|just)\s+)?(?:skip|pass\s+on)(?:\s+(?:it|this|that)"
        r"(?:\s+(?:one|question|part|bit))?)?(?:\s+(?:for\s+now|please|pls))?|pass|next(?:\s+(?:question|one))?"
        r"|move\s+on|skip\s+please|rather\s+not\s+say"
        r"|prefer\s+not\s+to\s+say|leave\s+it)\W*$",
        re.I,
    ),
    "unknown": re.compile(
        r"^(?:i\s+)?(?:don'?t|do\s+not|dont)\s+know\b.*|^(?:no\s+idea|not\s+sure|unsure|idk|dunno|unknown|no\s+clue|"
        r"haven'?t\s+been\s+told|they\s+didn'?t\s+say|not\s+(?:specified|mentioned|stated)|no\s+clue"
        r"|(?:they\s+)?(?:didn'?t|haven'?t|did\s+not|have\s+not)\s+(?:say|said|tell\s+me|told\s+me|mention(?:ed)?)"
        r"|not\s+(?:told|known|clear)|no\s+(?:info|details)|can'?t\s+remember|don'?t\s+remember|forgot|tbd|not\s+yet"
        # "i'll find out later", "will check and come back": not known yet
        r"|i'?ll\s+(?:find\s+out|check|ask)(?:\s+(?:later|and\s+(?:let\s+you\s+know|come\s+back)))?"
        r"|(?:i\s+)?(?:haven'?t|didn'?t|did\s+not|have\s+not|never|forgot\s+to)\s+ask(?:ed)?(?:\s+(?:them|about\s+(?:it|that)))?(?:\s+yet)?"
        r"|(?:i\s+)?(?:haven'?t|have\s+not|didn'?t|did\s+not)\s+(?:seen|got(?:ten)?|received|heard)"
        r"(?:\s+(?:it|that|the\s+\w+|anything|about\s+(?:it|that)))?(?:\s+yet)?"
        r"|(?:they\s+)?(?:haven'?t|have\s+not)\s+(?:told|said|shared|sent)(?:\s+(?:me|us))?(?:\s+yet)?)\W*$",
        re.I,
    ),
    "none": re.compile(
        r"^(?:(?:nah|nope|no|um+)\W*\s*)?(?:(?:none|nothing)(?:\s+at\s+all)?|no|nope|zero|n/?a|0|nil"
        r"|there\s+is(?:n'?t|\s+no)\s+(?:one|any)|not\s+any)\W*$",
        re.I,
    ),
    "yes": re.compile(
        r"^(?:yes|y|yep|yeah|yup|sure|ok|okay|confirm|correct|right|that'?s\s+right|do\s+it|yes\s+please)\W*$", re.I
    ),
}


@dataclass
class Context:
    """What the dialogue state tells the reader: the question pending, the company discussed
    (names in lower case, to tell "planetscale offered me" from a rival) and the rivals named."""

    pending: str | None = None
    company_names: frozenset[str] = frozenset()
    rival_names: tuple[str, ...] = ()
    known_words: frozenset[str] = field(default_factory=frozenset)  # the catalog's region words


def initials(name: str) -> str | None:
    """The letters people write for a company of two or more words or capitalised parts ("PlanetScale" -> "ps",
    "Scale AI" -> "sa"): what "ps 180k, figma 175k" calls the company discussed. None for a one-part name."""
    parts = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+", name.replace("&", " "))
    return "".join(part[0] for part in parts).lower() if len(parts) >= 2 else None


def read(text: str, context: Context) -> Utterance:
    """Everything the text states, with roles; the intent is set by bot/understanding/intents.py."""
    utterance = Utterance(text=text)
    spoken = _WORD_DURATION.sub(lambda m: f"{NUMBER_WORDS[m[1].lower()]}{m[2]}", text)
    masked = spoken
    notes: set[str] = set()

    plan_ends: list[int] = []  # where each "401k match" ends: a percent right after it is the match
    plan_starts = [m.start() for m in RETIREMENT_RE.finditer(masked)]  # "5% employer pension": a percent before it
    masked = _mask(RETIREMENT_RE, masked, lambda m: (notes.add("retirement_match"), plan_ends.append(m.end())))
    for match in SUPER_RE.finditer(masked):
        notes.add("retirement_match")
        plan_ends.append(match.end())
    masked = _mask(NOT_FIGURES_RE, masked)
    masked = _mask(NOT_PAY_NUMBERS_RE, masked)
    masked = _mask(SLASHED_FIGURES_RE, masked, lambda m: utterance.unreadable.append(m[0]), keep=_not_slashed_pay)
    price = next((found for found in SHARE_PRICE_RE.finditer(masked) if _a_share_price(found, masked)), None)
    if price:
        written = next(price[g] for g in "abcdefgh" if price[g])
        utterance.share_price = Decimal(re.sub(r"[^\d.]", "", written))
        start, end = price.span(next(g for g in "abcdefgh" if price[g]))
        masked = _mask_span(masked, (start, end) if price["e"] or price["f"] else price.span())
    strike = STRIKE_RE.search(masked)
    if strike:
        written = (strike["a"] or strike["b"]).strip()
        utterance.strike_price = Decimal(re.sub(r"[^\d.]", "", written))
        utterance.strike_text = written if re.match(r"[$£€]", written) else ""
    masked = _mask(STRIKE_RE, masked)
    _read_schedule(masked, utterance)
    masked = _mask(SCHEDULE_RE, masked, keep=lambda m: not _is_schedule(m))
    masked = _mask(RANGE_RE, masked, lambda m: _kept_out_as_a_range(m, utterance), keep=_not_a_range)
    masked = _mask(LOOSE_BAND_RE, masked, lambda m: _kept_out_as_a_range(m, utterance))
    masked = _mask(RELATIVE_RE, masked)
    masked = _mask(EVEN_RE, masked)
    cliff = CLIFF_RE.search(masked)
    if cliff:
        if cliff["none"]:
            utterance.cliff_months = 0
        else:
            n, unit = (cliff["n"], cliff["unit"]) if cliff["n"] else (cliff["n2"], cliff["unit2"])
            utterance.cliff_months = int(n) * (12 if unit.lower().startswith("y") else 1)
        masked = _mask_span(masked, cliff.span())
    years = _vesting_years(masked)
    bare = re.fullmatch(
        # "four, with a one-year cliff": the cliff read above leaves its joining words
        r"\s*(?:(?:over|across|for|about|around|probably|maybe)\s+)?(\d{1,2}|[a-z]+)\W*(?:(?:with|and|plus)(?:\s+an?)?\W*)?"
        # "four, I think", "4 i believe": hedged
        r"(?:(?:i\s+think|i\s+believe|i\s+guess|iirc|probably|maybe|i'?m\s+pretty\s+sure)\W*)?",
        masked.lower(),
    )
    count = (int(bare[1]) if bare[1].isdigit() else NUMBER_WORDS.get(bare[1], 0)) if bare else 0
    if not years and context.pending == "years" and 1 <= count <= 10:
        years = count  # "4" or "four", answering "over how many years?"
    if years:
        utterance.vesting_years = years
    level = LEVEL_RE.search(masked)
    if not level and context.pending in ("level", "band_level"):
        level = ANSWERED_LEVEL_RE.match(masked)  # "staff", answering "which level is this?"
    if level:
        utterance.level = (level["level"] or level["code"] or level["title"] or level["title2"]).strip()[:20]
        masked = _mask_span(masked, level.span())
        code = LEVEL_RE.search(masked)
        named = level["title"] or level["title2"] or (level["level"] or "").lower() in ("senior", "staff", "principal")
        if named and code and code["code"]:
            utterance.level = code["code"].strip()[:20]  # "senior (L5)": the code says more than the title
            masked = _mask_span(masked, code.span())
    grant = GRANT_RE.search(masked)
    if grant:
        utterance.grant_type = "rsu" if grant["rsu"] else "options"

    markers = _holder_markers(spoken, context, utterance)
    sentences = [m.start() for m in SENTENCE_RE.finditer(spoken)]
    amounts = _amounts(masked, utterance)
    percents = _percents(masked)
    carried = None
    found = sorted(amounts + percents, key=lambda item: item[0])
    figures = [start for start, _end, _amount in found]
    for start, _end, amount in found:
        if WAS_BEFORE_RE.search(masked[max(0, start - 16) : start]):
            continue  # "178k not 168k": the figure being replaced is no value of the offer
        if _is_change(masked, start, _end):
            carried = amount.component  # the new figure after it is of the same part
            continue
        change = _change_of(masked, start, _end)
        if carried and amount.component is None and amount.unit != "percent":
            amount.component = carried  # "base went up 5k, so it's 185k now": 185k is the base
        carried = None
        if amount.unit == "percent" and amount.component is None and amount.value < 1:
            amount.component = "equity"  # "188k + 0.2%": a fraction of a percent is a stake, never a bonus
        if amount.unit == "money" and amount.period == "month" and amount.component is None:
            amount.component = "base"  # "15k a month": pay by the month is salary
        holder = _holder_at(start, markers, sentences, figures)
        if holder == SOMEONE_ELSE:
            continue
        if amount.unit == "percent" and (
            any(0 <= start - end <= 12 and PLAN_GAP_RE.fullmatch(spoken[end:start]) for end in plan_ends)
            or any(
                0 <= begin - _end <= 24 and PLAN_BEFORE_GAP_RE.fullmatch(spoken[_end:begin]) for begin in plan_starts
            )
        ):
            amount.component = "retirement_match"  # "401k match 4%", even with a bonus named nearby
        years_here = utterance.vesting_years if amount.component == "equity" and amount.unit != "percent" else None
        if amount.component in NOTE_KINDS and holder == OFFER:
            notes.add(amount.component)
        utterance.amounts.append(
            Amount(
                holder,
                amount.component,
                amount.value,
                amount.unit,
                amount.period,
                amount.currency,
                years_here,
                amount.text,
                change,
                _other_pay_words(masked, start, _end) if amount.component == "other_pay" else "",
            )
        )
    if "retirement_match" in notes:
        utterance.amounts = [
            a if not (a.unit == "percent" and a.component is None) else _with(a, component="retirement_match")
            for a in utterance.amounts
        ]
    for match in NOTE_WORDS_RE.finditer(masked):
        notes.add(next(k for k, v in match.groupdict().items() if v))
    utterance.notes = sorted(notes)
    _read_parts_stated_absent(masked, utterance, lambda position: _holder_at(position, markers, sentences, figures))
    # "Relocation: n/a", "no relocation": an item said to be absent is no note to keep
    utterance.notes = [note for note in utterance.notes if note not in utterance.none_of]
    _read_fixed(spoken, utterance)
    _read_partly_yes(spoken, utterance)
    just = JUST_THEM_RE.search(spoken)
    only = (
        NOTHING_ELSE_RE.search(spoken)
        or ONLY_OFFER_RE.search(spoken)
        or (just and just["name"].lower() in {*context.company_names, "them", "this", "this one"})
    )
    utterance.no_alternatives = bool(only) and not utterance.rivals
    _read_bare_answer(spoken, utterance, context.pending)
    said_years = re.match(r"^\s*(\d{1,2})\s*-?\s*(?:years?|yrs?)\b", spoken, re.I)
    if context.pending == "years" and said_years and not utterance.vesting_years:
        utterance.vesting_years = int(said_years[1])  # "4 yrs w 1 yr cliff", answering "over how many years?"
    utterance.place_text = _place_text(masked)
    for name in [*utterance.rivals, utterance.current_company or ""]:
        if name:  # a rival's or the current employer's name is not the company discussed
            utterance.place_text = re.sub(rf"\b{re.escape(name)}\b", " ", utterance.place_text, flags=re.I).strip()
    lowered = set(re.findall(r"[a-z][a-z-]*", spoken.lower()))
    utterance.mentions_place = bool(lowered & (PLACE_WORDS | context.known_words)) or bool(
        re.search(r"\b(?:san francisco|new york|bay area|los angeles)\b", spoken, re.I)
    )
    return utterance


# --- pieces ------------------------------------------------------------------------------------


# A change said with the figure it leads to: "bumped equity by 20k to 120k", "bumped the base 7k to 184k",
# "base went up 5k, so it's 185k now", "8k more on base, now 188k", "added 15k to the sign on, which makes
# it 25k". The change is no value of the offer; the figure it leads to is.
CHANGE_BEFORE_RE = re.compile(
    r"(?:\bby|\bup|\badded|\badd|\bgave|\bbumped|\braised|\bupped|\bincreased|\banother|\bextra|\+)"
    r"\s*(?:(?:the|their|my)\s+)?(?:[a-z-]+\s+){0,2}$",
    re.I,
)
CHANGE_AFTER_RE = re.compile(
    r"\s*(?P<more>more\b)?[^.;!?\d$£€]{0,30}?(?:,\s*|\s)(?:so\s+(?:it'?s\s+|it\s+is\s+|that'?s\s+|now\s+)?"
    r"|which\s+(?:makes|brings|puts)\s+it\s+(?:to\s+|at\s+)?|bringing\s+it\s+(?:up\s+)?to\s+|making\s+it\s+"
    r"|(?:and\s+)?now\s+(?:it'?s\s+|at\s+)?|(?:up\s+)?to\s+)[$£€]?\d",
    re.I,
)


# "bumped base by about 10k", "added roughly 5% to the bonus": a change said loosely is the change all the same
_ABOUT = r"(?:\s+(?:about|around|roughly|approximately|approx\.?|nearly|almost|like|just\s+about|~))?"
# A figure that is a change to a part, with no figure after it that the change makes ("bumped equity by
# 20k", "10k more on base", "an extra 15k in equity", "base went down 5k"): never the part's own figure.
DELTA_UP_BEFORE_RE = re.compile(
    r"(?:\b(?:bump(?:ed)?|raised?|up(?:ped)?|increased?|lift(?:ed)?|boost(?:ed)?|sweeten(?:ed)?|top(?:ped)?\s+up)\b"
    r"[^.;!?\d$£€]{0,25}\bby"
    r"|\b(?:up|go(?:ne)?\s+up|went\s+up|came\s+up)(?:\s+by)?|\badded|\badd(?:ing)?|\ban?\s+(?:extra|additional)|\banother"
    r"|(?:^|[(\[])\s*\+"  # "(+$40k/yr)": a change in brackets, never a sum's "+" (nor a label's: "update: +10k base")
    # "same numbers but +5k sign-on": "+" on the figure after a word, with no figure before it to add to
    r"|^[^\d]*[^\W\d_]{2}\s+\+)" + _ABOUT + r"\s*$",
    re.I,
)
ADDED_PART_RE = re.compile(r"\b(?:added|adding|threw\s+in|throwing\s+in)\s*$", re.I)
NEW_PART_AFTER_RE = re.compile(
    r"\s*(?:in\s+)?(?:reloc(?:ation)?|stipend|allowance)\b",
    re.I,  # items an offer seldom had ("added 10k sign on" moves one)
)
# "10k on top" is more; "11.5% on top of the base" is paid beside the base, no change
DELTA_UP_AFTER_RE = re.compile(
    r"\s*(?:more|extra|additional|higher|on\s+top(?!\s+of)|bump|raise|increase|boost)\b", re.I
)
DELTA_DOWN_BEFORE_RE = re.compile(
    r"(?:\b(?:lowered|cut|reduced|dropped|decreased|trimmed)\b[^.;!?\d$£€]{0,25}\bby|\b(?:down|went\s+down)(?:\s+by)?)"
    + _ABOUT
    + r"\s*$",
    re.I,
)
DELTA_DOWN_AFTER_RE = re.compile(r"\s*(?:less|lower|fewer)\b", re.I)


SHARE_COUNT_RE = re.compile(r"\d[\d,.]*\s*[kK]?\s+(?:shares|rsus|options|units)\b", re.I)
STRIKE_AFTER_RE = re.compile(r"\s*(?:strike|exercise)\b", re.I)
STRIKE_BEFORE_RE = re.compile(r"\b(?:strike|exercise)(?:\s+price)?(?:\s+(?:of|is|at))?\s*$", re.I)


# A seniority word alone, answering "which level is this?" ("staff", "senior, i think"); the groups are LEVEL_RE's
ANSWERED_LEVEL_RE = re.compile(
    r"\s*(?:(?:it'?s|its|i'?m|they\s+said)\s+)?(?:an?\s+)?(?P<title>senior|staff|principal|junior|mid[- ]?level|lead)\b"
    r"(?:\s+(?:engineer|eng|swe|ic|level|role|designer|scientist|manager))?(?P<level>)(?P<code>)(?P<title2>)"
    r"\s*(?:,?\s*(?:i\s+think|i\s+believe|probably|maybe))?\s*[.!?]*\s*$",
    re.I,
)


def _a_share_price(match: re.Match, masked: str) -> bool:
    """A price with no word before it ("still $12 a share") values a count said in the same message; it is
    no strike price ("a strike of $0.85 per share"), and alone it answers the question asked."""
    if STRIKE_AFTER_RE.match(masked, match.end()):
        return False  # "25,000 options at $2 strike": what exercising costs
    if not (match["g"] or match["h"]):
        return True
    return bool(SHARE_COUNT_RE.search(masked)) and not STRIKE_BEFORE_RE.search(masked[: match.start()])


def _change_of(masked: str, start: int, end: int) -> str | None:
    """ "up" / "down" when the figure at start:end is a change to a part, not the part's figure."""
    before = masked[max(0, start - 40) : start]
    if ADDED_PART_RE.search(before) and NEW_PART_AFTER_RE.match(masked, end):
        return None  # "added €5k relocation": a part added with its figure ("added 10k to base" changes one)
    if DELTA_UP_AFTER_RE.match(masked, end) or DELTA_UP_BEFORE_RE.search(before):
        return "up"
    if DELTA_DOWN_AFTER_RE.match(masked, end) or DELTA_DOWN_BEFORE_RE.search(before):
        return "down"
    return None


# Between a change and the figure it makes, a new clause: "cut the sign-on by 5k but raised the stock to 180k"
NEW_CLAUSE_RE = re.compile(
    r"\bbut\b|\b(?:raised|cut|bumped|lowered|increased|dropped|reduced|upped|boosted|trimmed|added)\b"
    # "got the sign-on up by 10k and the RSUs to 140k": another part, with its own figure
    r"|\band\s+(?:the\s+|their\s+|my\s+)?(?:base|salary|equity|stock|rsus?|options|bonus|sign[- ]?on|signing|total|tc"
    r"|relocation)\b",
    re.I,
)


def _is_change(masked: str, start: int, end: int) -> bool:
    after = CHANGE_AFTER_RE.match(masked, end)
    if not after or NEW_CLAUSE_RE.search(masked, end, after.end()):
        return False
    before = masked[max(0, start - 30) : start]
    return bool(after["more"]) or bool(
        CHANGE_BEFORE_RE.search(SEPARATOR_RE.split(before)[-1] if "," in before else before)
    )


def _mask_span(text: str, span: tuple[int, int]) -> str:
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


def _not_slashed_pay(match: re.Match) -> bool:
    """Plain numbers under 100 are no pay ("50/50", "24/7", a schedule "40/30/20/10"); a `k`, a
    currency or a first figure of 100 or more is ("175/90/20", "180k/20k"). Nor are figures that
    a part word follows ("176k / 100k rsu / 0 sign on"): those parts are named."""
    written = match[0]
    first = int(re.match(r"\D*(\d+)", written)[1])
    gap = PART_GAP_RE.match(match.string, match.end())
    named = KIND_RE.match(match.string, gap.end())
    return bool(named) or (not re.search(r"[kK$£€]", written) and first < 100)


def _mask(pattern: re.Pattern, text: str, seen=None, keep=None) -> str:
    def blank(match: re.Match) -> str:
        if keep is not None and keep(match):
            return match[0]
        if seen is not None:
            seen(match)
        return " " * len(match[0])

    return pattern.sub(blank, text)


def _kept_out_as_a_range(match: re.Match, utterance: Utterance) -> None:
    utterance.unreadable.append(match[0].strip())
    utterance.ranges.append(match[0].strip())


_LOOSE_FIGURE = r"[$£€]?\d[\d,.]*\s*[kKmM]?\b"
# A figure said only as a bound or a band of figures, loosely: "a bit under 200k", "north of 250k", "the low 200s",
# "mid six figures". No figure of anything: kept out as a range, said so, and asked about.
LOOSE_BAND_RE = re.compile(
    rf"\b(?:a\s+(?:bit|little|tad)|just|slightly)\s+(?:under|below|over|above|shy\s+of)\s+{_LOOSE_FIGURE}"
    rf"|\b(?:north|south|upwards|in\s+excess)\s+of\s+{_LOOSE_FIGURE}"
    r"|\b(?:low|mid|high|upper|lower)[\s-]+(?:\d{1,3}0'?s\b|(?:five|six|seven|5|6|7)[\s-]+figures?\b)",
    re.I,
)
# "20k more than ps", "10% more than what I make now": a figure set against another, no figure of its own
RELATIVE_RE = re.compile(
    r"(?<![\w.$£€])[$£€]?\d[\d,.]*\s*(?:[kKmM]\b|%)?\s*(?:more|less|higher|lower|above|below)\s+than\b", re.I
)


def _not_a_range(match: re.Match) -> bool:
    """Years ("2024-2025"), a low end above the high one, or "between" missing where "and" joins."""
    a, b = (re.sub(r"[^\d.]", "", match[g]) for g in ("a", "b"))
    if not a or not b or a.count(".") > 1 or b.count(".") > 1:
        return True
    if re.fullmatch(r"(?:19|20)\d\d", a) and re.fullmatch(r"(?:19|20)\d\d", b):
        return True
    if " and " in match[0].lower() and not match[0].lower().startswith("between"):
        return True  # "175k and 20k sign-on": two figures, not a range
    # "175-185k": the low end takes the high end's thousands when it has no suffix of its own
    implied = re.search(r"[kK]\s*$", match["b"]) and not re.search(r"[kKmM]\s*$", match["a"]) and float(a) < 1000
    return _range_end(match["a"], bool(implied)) >= _range_end(match["b"], False)


def _range_end(written: str, thousands: bool) -> float:
    number = float(re.sub(r"[^\d.]", "", written))
    if thousands or re.search(r"[kK]\s*$", written):
        return number * 1000
    return number * 1_000_000 if re.search(r"[mM]\s*$", written) else number


def _schedule_parts(match: re.Match) -> list[Decimal]:
    return [Decimal(p) for p in re.findall(r"\d{1,2}(?:\.\d+)?", match["parts"])]


def _is_schedule(match: re.Match) -> bool:
    parts = _schedule_parts(match)
    return len(parts) >= 3 and sum(parts) == 100


def _read_schedule(text: str, utterance: Utterance) -> None:
    even = EVEN_RE.search(text)
    if even and Decimal(100) % Decimal(even["p"]) == 0 and 2 <= 100 / Decimal(even["p"]) <= 10:
        part = Decimal(even["p"])
        utterance.schedule = tuple([part] * int(100 / part))
        utterance.vesting_years = utterance.vesting_years or len(utterance.schedule)
        return
    for match in SCHEDULE_RE.finditer(text):
        if _is_schedule(match):
            utterance.schedule = tuple(_schedule_parts(match))
            utterance.vesting_years = utterance.vesting_years or len(utterance.schedule)
            return


def _vesting_years(text: str) -> int | None:
    alone = re.fullmatch(r"\s*(\d{1,2})\s*-?\s*(?:years?|yrs?)\W*", text)
    if alone and 1 <= int(alone[1]) <= 10:
        return int(alone[1])
    instead = re.search(r"\b(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*,?\s*(?:not|instead\s+of)\s+\d{1,2}\b", text, re.I)
    if instead and 1 <= int(instead[1]) <= 10:
        return int(instead[1])  # "it's 4 years not 5": a vesting term put right
    for match in YEARS_RE.finditer(text):
        value = int(match["a"] or match["b"] or match["c"] or match["d"])
        before = text[max(0, match.start() - 40) : match.start()].lower()
        after = text[match.end() : match.end() + 25].lower()
        if match["c"] and not re.search(r"vest|grant|rsu|stock|equity|option|share|over|across", before + after):
            continue  # "2 years of experience", "in 3 years"
        if re.search(r"\bcliff", after[:8]):
            continue
        if 1 <= value <= 10:
            return value
    return None


@dataclass
class _Found:
    component: str | None
    value: int | Decimal
    unit: str
    period: str | None
    currency: str | None
    text: str


def _other_pay_words(masked: str, start: int, end: int) -> str:
    """What the pay no part covers is called, as written nearest the figure ("monthly draw", "night shift
    differentials"), for the note that keeps it."""
    after = OTHER_PAY_RE.search(masked, end, end + 40)
    before = list(OTHER_PAY_RE.finditer(masked, max(0, start - 40), start))
    found = after or (before[-1] if before else None)
    return " ".join(found[0].lower().split()) if found else "other pay"


def _with(amount: Amount, **changes) -> Amount:
    from dataclasses import replace

    return replace(amount, **changes)


# Currencies and words of the countries where "mil" is a thousand ("R$ 20 mil", "80 mil pesos", "€30 mil brutos")
MIL_THOUSAND_PREFIXES = {"R$", "BRL", "MX$", "MXN", "COP", "ARS", "CLP", "PEN", "UYU", "€", "EUR"}
MIL_THOUSAND_AFTER_RE = re.compile(
    r"\s*(?:pesos|reais|reales|soles|euros|brutos?|netos?|l[ií]quidos?|por\s+m[eê]s|al\s+(?:mes|año|ano)|ao\s+(?:m[eê]s|ano)"
    r"|de\s+(?:base|sal[aá]rio|salario|bono|b[oô]nus))\b",
    re.I,
)


def _mil_is_thousand(match: re.Match, after: str) -> bool:
    """ "mil" after a whole number is a thousand where Spanish and Portuguese are written (a peso's, real's or
    euro's prefix, or a word of those languages after it); "1.2 mil" in English is a million."""
    whole = re.fullmatch(r"\d+", match["number"]) is not None
    prefix = (match["prefix"] or "").strip().upper()
    return whole and (prefix in MIL_THOUSAND_PREFIXES or bool(MIL_THOUSAND_AFTER_RE.match(after)))


def _amounts(masked: str, utterance: Utterance) -> list[tuple[int, int, _Found]]:
    masked = PERCENT_RE.sub(lambda m: " " * len(m[0]), masked)
    masked = YEARS_RE.sub(lambda m: " " * len(m[0]), masked)
    matches = []
    # "R$ 32 mil per month ..., and ps salary is only 28 mil": once one "mil" is a thousand, so are the rest
    mil_thousand = (
        "mil" in masked.lower()
        and any(  # a second pass over the figures only where a "mil" is written
            m["suffix"] and m["suffix"].lower() == "mil" and _mil_is_thousand(m, masked[m.end() :])
            for m in AMOUNT_RE.finditer(masked)
        )
    )
    for match in AMOUNT_RE.finditer(masked):
        after_text = masked[match.end() :]
        minus = not match["prefix"] and NEGATIVE_BEFORE_RE.search(masked, 0, match.start("number"))
        if minus:  # "base is $-5k": no pay is negative, and dropping the sign would make it 5k
            utterance.unreadable.append(masked[minus.start("sign") : match.end()].strip())
            continue
        if NOT_MONEY_AFTER.match(masked, match.end()) and not (match["suffix"] or match["prefix"]):
            continue
        try:
            suffix = match["suffix"] and SUFFIX_ALIASES.get(match["suffix"].lower(), match["suffix"])
            mil = match["suffix"] and match["suffix"].lower() == "mil"
            if mil and (mil_thousand or _mil_is_thousand(match, after_text)):
                suffix = "k"  # "R$ 20 mil por mês", "80 mil pesos": mil is a thousand in Spanish and Portuguese
            value = parse_number(match["number"], suffix)
        except MoneyError:
            utterance.unreadable.append(match[0].strip())
            continue
        currency = currency_of(match)
        if currency is None and suffix and suffix.lower()[:1] in ("l", "c"):
            currency = "INR"  # "22 lakh", "1.2 crore": counted in lakh and crore, the figure is in rupees
        rsu_count = RSU_COUNT_AFTER_RE.match(after_text) and not match["suffix"] and value >= 1000
        # "70 000 dollars shares value": a figure with its currency is money, whatever word follows
        shares = not match["prefix"] and currency is None and (SHARES_AFTER_RE.match(after_text) or rsu_count)
        small = not shares and currency is None and not match["suffix"] and value < 1000
        if small and not _bare_small_is_money(masked, match, utterance):
            continue  # a bare small number: a level, a count, a day of the month
        if shares and SHARES_WORTH_RE.match(after_text):
            continue  # "6,500 RSUs worth about $90k": the value is the figure, the count says no more
        matches.append((match, value, currency, bool(shares)))
    found = []
    for index, (match, value, currency, shares) in enumerate(matches):
        previous_end = matches[index - 1][0].end() if index else 0
        next_start = matches[index + 1][0].start() if index + 1 < len(matches) else len(masked)
        after = masked[match.end() : next_start]
        before = masked[previous_end : match.start()]
        plus_super = "base" if PLUS_SUPER_AFTER_RE.match(masked, match.end()) else None
        component = "equity" if shares else (_kind_after(after) or plus_super or _kind_before(before))
        if component is None and found and re.fullmatch(r"\s*,?\s*(?:up\s+|all\s+the\s+way\s+)?to\s*", before, re.I):
            component = found[-1][2].component  # "base went from 175k to 185k", "raised base by 8k to 188k"
        # The period is said right after the figure, before any vesting words ("100k RSUs vesting
        # 25% per year" is a grant, not 100k a year).
        first_after = re.split(r"\bvest", SEPARATOR_RE.split(after, maxsplit=1)[0], maxsplit=1, flags=re.I)[0]
        period = None
        if PER_MONTH_RE.search(first_after) or re.search(
            r"\b(?:a|per)\s+month\b|/\s*mo\b"
            r"|monthly",
            first_after,
            re.I,
        ):
            period = "month"
        elif PER_YEAR_RE.search(first_after) or re.search(
            r"\b(?:a|per|each|every)\s+year\b|/\s*(?:yr|year)\b|annually|(?<!twice-)(?<!twice\s)\byearly",
            first_after,
            re.I,
        ):
            period = "year"
        elif re.search(r"\b(?:a|per|each|every)\s+quarter\b|/\s*(?:qtr|quarter|q)\b|quarterly", first_after, re.I):
            period = "quarter"  # "10k bonus every quarter": four of them a year
        elif re.search(r"\b(?:an?|per|each)\s+h(?:ou)?r\b|/\s*h(?:ou)?r?\b|hourly|\bp/?h\b", first_after, re.I):
            period = "hour"  # "$95/hour": a rate, whose year depends on the hours billed
        elif component == "equity":
            period = "grant"
        found.append(
            (
                match.start(),
                match.end(),
                _Found(component, value, "shares" if shares else "money", period, currency, match[0].strip()),
            )
        )
    return found


# A bare figure right after the offer's verb, or beside a figure written in thousands ("175 plus
# 90k RSUs"), is pay in thousands said short, whatever part it is.
OFFERED_BEFORE_RE = re.compile(
    r"\b(?:offered(?:\s+me)?|offering(?:\s+me)?|offer\s+(?:is|was|of)|came\s+(?:in|back)\s+(?:at|with)|gave\s+me"
    # "base is capped at 185 for this level": a limit said short
    r"|capped\s+at|max(?:es)?\s+out\s+at|tops?\s+out\s+at|(?:is|'s)\s+max(?:imum)?)"
    r"\s*:?\s*$",
    re.I,
)
PART_BEFORE_RE = re.compile(
    r"\b(?:base|salary|rsus?|stock|equity|sign[- ]?on|signing)(?:\s+(?:of|is|was|at|would\s+be))?\s*:?\s*$", re.I
)
SHORT_BESIDE_RE = re.compile(r"\s*(?:,|plus|\+|and|with)\s*(?:a\s+)?[$£€]?\d[\d,.]*\s*k\b", re.I)


def _bare_small_is_money(masked: str, match: re.Match, utterance: Utterance) -> bool:
    """`175` alone (an answer to "what is the base?") or `175 base`: thousands, said short."""
    rest = (masked[: match.start()] + masked[match.end() :]).strip(" .!")
    value = match["number"].replace(",", "")
    if value.isdigit() and int(value) == 0:
        # "base is 0": kept, so the coach questions it as implausible rather than dropping it unsaid
        before = masked[max(0, match.start() - 20) : match.start()]
        return bool(
            re.search(r"\b(?:base|salary|total|tc|comp)(?:\s+(?:of|is|was|would\s+be))?\s*[:=]?\s*$", before, re.I)
        )
    if not value.isdigit() or not 20 <= int(value) < 1000:
        return False
    if not rest or re.fullmatch(
        r"(?:about|around|roughly|approx\.?|~|like|maybe|it'?s|its|call\s+it|say|let'?s\s+say)?\s*"
        r"(?:base|salary|base salary|for base|sign[- ]?on|bonus|equity|stock|total|k|grand)?",
        rest,
        re.I,
    ):
        return True
    before = masked[max(0, match.start() - 12) : match.start()]
    after = masked[match.end() : match.end() + 16]
    if re.match(r"\s*,?\s*(?:not|instead\s+of|rather\s+than)\s+\d", after, re.I):
        return True  # "i meant 185, not 180": a figure put in place of another
    if OFFERED_BEFORE_RE.search(masked[max(0, match.start() - 24) : match.start()]) or SHORT_BESIDE_RE.match(after):
        return True  # "they offered me 175 plus 90k RSUs": a figure of the offer; the coach asks which part
    return bool(
        PART_BEFORE_RE.search(before)
        or re.match(
            r"\s*(?:k\b\s*)?(?:(?:for|on|in)\s+(?:the\s+)?)?(?:base|salary|rsus?|stock|equity|sign[- ]?on"
            r"|signing|bonus)\b",
            after,
            re.I,
        )
    )


# "the 240k I gave you for stripe was total": who told it, between a figure and what it is
TOLD_BETWEEN_RE = re.compile(
    r"^\s*(?:that\s+|which\s+)?(?:i|we)\s+(?:gave\s+you|told\s+you|sent\s+you|said|mentioned|typed|put(?:\s+in)?|wrote"
    r"|quoted|listed|shared|entered)(?:\s+(?:for|from|as)\s+(?:the\s+)?[\w&'.-]+)?",
    re.I,
)


def _kind_after(after: str) -> str | None:
    segment = TOLD_BETWEEN_RE.sub("", SEPARATOR_RE.split(after, maxsplit=1)[0], count=1)
    if re.match(r"\s*fixed\b", segment, re.I):
        return "base"  # "28 LPA fixed", as Indian offers name the salary
    if re.match(r"\s*(?:including|incl\.?|inclusive\s+of)\s", segment, re.I):
        return None  # "total comp is 175k including stock": what the figure holds, not what it is
    if re.match(r"\s*(?:in\s+)?total\s+(?:over|across|vesting)\b", segment, re.I):
        return "equity"  # "the equity is 120k total over four years": a grant's whole, not the package
    match = KIND_RE.search(" ".join(segment.split()[:4]))
    return _kind_of(match)


# "fixed ₹31L", "fixed: 31 LPA": the word alone before a figure names the base too; not after a verb ("base is
# fixed at 180k", "they fixed it at 180k" hold a part where it is: a pushback)
FIXED_BEFORE_RE = re.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!'s\s)(?<!\bbe\s)\bfixed\s*[:=-]?\s*$"
    # "fixed is 36 LPA"
    r"|(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)\bfixed\s+(?:pay\s+|part\s+|portion\s+|component\s+)?(?:is|was|of)\s*$",
    re.I,
)


def _kind_before(before: str) -> str | None:
    segment = SEPARATOR_RE.split(before)[-1]
    if FIXED_BEFORE_RE.search(segment) and not KIND_RE.search(segment):
        return "base"
    matches = list(KIND_RE.finditer(segment))
    if (
        len(matches) > 1
        and matches[-1][0].lower() == "total"
        and not segment[matches[-2].end() : matches[-1].start()].strip()
    ):
        return _kind_of(matches[-2])  # "the RSUs total 90k": "total" is the verb, the part is the RSUs
    return _kind_of(matches[-1]) if matches else None


def _kind_of(match: re.Match | None) -> str | None:
    if match is None:
        return None
    return next(name for name, value in match.groupdict().items() if value)


def _percents(masked: str) -> list[tuple[int, int, _Found]]:
    out = []
    for match in PERCENT_RE.finditer(masked):
        after = SEPARATOR_RE.split(masked[match.end() :], maxsplit=1)[0]
        before = SEPARATOR_RE.split(masked[: match.start()])[-1]
        if re.match(r"\s*(?:of\s+(?:my\s+|the\s+)?(?:quota|target|plan)|attainment)\b", after, re.I):
            continue  # "130k bonus at 100% of quota": how much of the quota is met, no figure of pay
        if re.match(
            r"\s*of\s+(?:my\s+|the\s+|their\s+|your\s+)?(?:initial\s+|original\s+|new[- ]hire\s+|first\s+"
            r"|sign[- ]?on\s+)?(?:grant|equity\s+grant|rsu\s+grant|award)\b",
            after,
            re.I,
        ):
            continue  # "refreshers run about 25% of the initial grant": a share of a grant, no stake and no figure
        # "12% of base", "20% of CTC": what the percent is a share of, never what it is
        of_base = re.match(
            r"\s*of\s+(?:the\s+|my\s+)?(?:base|salary|base\s+salary|base\s+pay|ctc|total(?:\s+comp)?|package|tc|fixed)\b",
            after,
            re.I,
        )
        if of_base:  # "12% of base": a share of the base (a bonus, most often), never the base itself
            after = after[of_base.end() :]
        component = _kind_of(KIND_RE.search(" ".join(after.split()[:4]))) or _kind_before(before)
        if re.match(r"\s*super(?:annuation)?\b", after, re.I):
            component = "retirement_match"  # "11% super": what the employer pays into the fund
        if component == "base":
            component = None  # pay is never a percent: the base named beside one is what it is a share of
        if component in ("total", "equity") and re.search(r"\bbonus\b", after + before, re.I):
            component = "bonus"
        if component is None and re.match(r"\s*of\s+(?:the\s+)?(?:company|shares|cap\s+table|equity)\b", after, re.I):
            component = "equity"  # "0.25% of the company"
        if component is None and re.search(r"bonus", masked[max(0, match.start() - 30) : match.end() + 30], re.I):
            component = "bonus"
        out.append(
            (match.start(), match.end(), _Found(component, Decimal(match["number"]), "percent", None, None, match[0]))
        )
    return out


def _holder_markers(text: str, context: Context, utterance: Utterance) -> list[tuple[int, str]]:
    """(position, holder) for every phrase that says whose figures follow."""
    markers: list[tuple[int, str]] = []
    own = set(context.company_names)
    taken: list[tuple[int, int]] = []
    told: list[tuple[int, str, str]] = []  # (where, OFFER or "rival", name): offers said alike, for _side_by_side
    for match in OWN_OFFER_RE.finditer(text):
        group = next(g for g in OWN_NAME_GROUPS if match[g])
        name = match[group].strip(" .,'").lower()
        if _an_offer_besides(text, match, group):
            continue  # "i also have an offer from google": another offer (RIVAL_RES reads it), never this one
        if not own or _same_company(name, own):
            _own_named(utterance, context, match[group].strip(" .,'"))
            own.add(name)
            markers.append((match.start(), OFFER))
            taken.append(match.span())
    company = CURRENT_COMPANY_RE.search(text)
    if company:
        group = next(g for g in "abcdefghijklmnopqrstuvw" if company[g])
        name = company[group].strip(" .,'")
        if (
            _clean_name(name)
            and not (group in "opq" and name.lower() in PLACE_WORDS | context.known_words)  # "i am in Berlin since"
            and name.lower() not in {"home", "least", "most", "work"}
            and not _same_company(name.lower(), own)
        ):
            utterance.current_company = name[:60]
            utterance.mentions_current = True
            markers.append((company.start(), CURRENT))
            taken.append(company.span())  # its name is no rival's, nor the offer's
    for match in PAIR_OFFERED_RE.finditer(text):
        names = [_clean_name(match["name"]), _clean_name(match["name2"])]
        end = min((s for s in (m.start() for m in SENTENCE_RE.finditer(text)) if s > match.end()), default=len(text))
        figures = list(PAIR_FIGURE_RE.finditer(text, match.end(), end))
        if not all(names) or any(_same_company(n.lower(), own) for n in names) or len(figures) != 2:
            continue
        # each name from the end of what comes before its figure
        for name, at in zip(names, (match.end(), figures[0].end()), strict=True):
            markers.append((at, rival(name)))
            _add_rival(utterance, name)
        taken.append(match.span())
    for match in CALLED_RE.finditer(text):  # "from a seed stage co called Tessl": Tessl, never "seed stage"
        _mark_name(match, "name", CALLED_RE, context, utterance, own, markers, taken, text, told)
    for pattern in RIVAL_RES:
        for match in pattern.finditer(text):
            if any(s <= match.start("name") < e for s, e in taken):
                continue
            groups = ["name", "name2"] if "name2" in pattern.groupindex else ["name"]
            first = (match["name"] or "").strip(" .,'").lower()
            if len(groups) == 2 and _clean_name(match["name"]) is None and not _same_company(first, own):
                groups = ["name"]  # "take the money and cry": no company first, so none second either
            for group in groups:
                _mark_name(match, group, pattern, context, utterance, own, markers, taken, text, told)
    figure_from: set[int] = set()  # rival markers of "199k base from notion", which may own figures before
    for match in FIGURE_FROM_RE.finditer(text):
        name = _clean_name(match["name"])
        if not name or any(s <= match.start("name") < e for s, e in taken):
            continue
        if _same_company(name.lower(), own) or (not own and not context.rival_names):
            if not own:
                told.append((match.start(), OFFER, name))
            _own_named(utterance, context, name)
            own.add(name.lower())
            markers.append((match.start(), OFFER))
        else:  # from just before the figure, as its amount starts with the space before it
            told.append((max(0, match.start() - 1), "rival", name))
            markers.append((max(0, match.start() - 1), rival(name)))
            figure_from.add(max(0, match.start() - 1))
            _add_rival(utterance, name)
        taken.append(match.span("name"))
    listed = OFFERS_LIST_RE.search(text)
    if listed:  # "two other offers: Google 260k total and Meta 280k total": each name before its figures
        for match in LISTED_NAME_RE.finditer(text, listed.start()):
            if not any(s <= match.start("name") < e for s, e in taken):
                _mark_name(match, "name", LISTED_NAME_RE, context, utterance, own, markers, taken, text, told)
    for name in context.rival_names:  # a rival named before: "correction on anthropic: 320k base"
        for match in _named(name, r"\b", text):
            if not any(s <= match.start() < e for s, e in taken):
                markers.append((match.start(), rival(name)))
                _add_rival(utterance, name)
    for match in SOMEONE_ELSE_RE.finditer(text):
        markers.append((match.start(), SOMEONE_ELSE))
    for match in FROM_THE_COACH_RE.finditer(text):
        markers.append((match.start(), SOMEONE_ELSE))  # "you said the band tops out at 220k": the coach's figure
        end = CLAUSE_END_RE.search(text, match.end())
        if end:
            markers.append((end.start(), OFFER))  # "..., so is 230k really that low?": the quote ends with its clause
    for match in FLOOR_RE.finditer(text):
        markers.append((match.start(), OFFER))  # "I make 165k now so I won't take less than 180k": the floor is theirs
    for match in MINE_SAYS_RE.finditer(text):
        markers.append((match.start(), OFFER))  # "my friend got 95k at planetscale, mine says 88k": mine again
    for match in MY_FIGURE_RE.finditer(text):
        markers.append((match.start(), OFFER))  # "my friend ... got 210k base, is my 180k base low?": mine again
    for match in PAST_AFTER_RE.finditer(text):
        markers.append((match.start(), SOMEONE_ELSE))
    for match in CURRENT_AFTER_RE.finditer(text):
        markers.append((max(0, match.start() - 1), CURRENT))  # a figure's span may start at the space before it
        utterance.mentions_current = True
    if STAYING_RE.search(text) or VERSUS_COUNTER_RE.search(text):
        for match in COUNTER_AFTER_RE.finditer(text):
            if not re.search(r"\bmy\s+(?:own\s+)?$", text[max(0, match.start() - 10) : match.start()], re.I):
                markers.append((max(0, match.start() - 1), CURRENT))  # "a 200k counter": theirs, never my own ask
                utterance.mentions_current = True
    for name in context.company_names:  # "planetscale is 205k base": the company discussed, then its figure
        for match in _named(name, NAME_IS_FIGURE, text):
            markers.append((match.start(), OFFER))
        for match in _named(name, NAMES_FIGURE, text):
            markers.append((match.start(), OFFER))  # "... which beats ps's 185k base": the discussed company's
        # "and ps salary is only 28 mil", "so the ps offer of 165k": the discussed company's pay, named by its name
        for match in _named(name, NAMES_PAY, text):
            markers.append((match.start(), OFFER))
    for pattern in (FIGURE_WAS_NAMES_RE, FIGURE_TOLD_FOR_RE):
        for match in pattern.finditer(text):
            _mark_figure_owner(match, context, utterance, own, markers, taken)
    for pattern in (VERSUS_FIRST_RE, VERSUS_NAME_RE):
        for match in pattern.finditer(text):
            if not any(s <= match.start("name") < e for s, e in taken):
                _mark_name(match, "name", pattern, context, utterance, own, markers, taken, text, told)
    _listed_pairs(text, context, utterance, own, markers, taken, told)
    for match in OTHER_ONE_RE.finditer(text):
        markers.append((match.start(), _last_rival(context, utterance)))
    markers += [(match.start(), OFFER) for match in CLIENT_RE.finditer(text)]
    markers += _own_name_offering(text, context.company_names, taken)
    for pattern in CURRENT_RES:
        for match in pattern.finditer(text):
            if LEAVING_BEFORE_RE.search(text, max(0, match.start() - 30), match.start()):
                continue  # "leaving my current role for less than 200k": the figure is a floor, not today's pay
            markers.append((match.start(), CURRENT))
            utterance.mentions_current = True
    sentences = [m.start() for m in SENTENCE_RE.finditer(text)]
    for match in OFFER_HOLDER_RE.finditer(text):
        at = match.end() - 1
        if any(s <= at < e for s, e in taken):
            continue  # "the offer from notion is 192k": the offer named is the rival's
        start = max((s for s in sentences if s < at), default=-1)
        before = [who for position, who in sorted(markers) if start <= position < at]
        if before and before[-1].startswith("rival:") and re.search(r"\band\s+(?:so\s+)?they\b", match[0], re.I):
            continue  # "Anthropic offered me 300k and they also gave 50k sign-on": they are Anthropic
        if before and before[-1].startswith("rival:") and re.match(r"\s*they\b", match[0], re.I):
            last = max(position for position, who in markers if start <= position < at)
            if not PAIR_FIGURE_RE.search(text, last, match.start()):
                continue  # "over at pinterest they're offering 202k": they are pinterest
        markers.append((at, OFFER))
    if context.pending == "leverage" and not markers:
        markers += _leverage_named(text, utterance, own)
    if not context.company_names and not context.rival_names:
        markers = _side_by_side(told, markers, utterance)
    markers += _quoted_for(text, markers, sentences)
    markers += _it_is_again(text, markers)
    return _trailing_rivals(text, sorted(markers), sentences, figure_from)


OFFERING_AFTER_RE = re.compile(r"\s+" + _RIVAL_VERBS, re.I)  # one compile: the verbs are long, the names many
# What may follow a company's name for its figures to be that company's (see _holder_markers)
NAME_IS_FIGURE = r"\s+is\s+(?:at\s+|offering\s+)?(?=[$£€~]?\d)"  # "planetscale is 205k base"
NAMES_FIGURE = r"(?:'s|’s)\s+(?=[$£€~]?\d)"  # "ps's 185k base"
NAMES_PAY = r"(?:'s|’s)?\s+(?:offer|" + _MY_PAY_WORD + r")\b"  # "the ps offer of 165k", "ps salary is 28 mil"
NAME_THEN_FIGURE = r"\s+(?=[$£€]\d|\d[\d,.]*\s?[kKmM]\b)"  # "ps 175k + 10k sign on, ramp 180k"


def _named(name: str, after: str, text: str) -> Iterator[re.Match]:
    """Where `name` is written in `text`, whole, followed by `after`. A name not written at all costs a substring
    test: the names change with every conversation, so a pattern per name would be compiled over and over (Python's
    own cache of patterns holds 512, and a library holds thousands of companies)."""
    if name.lower() not in text.lower():
        return iter(())
    return _name_pattern(name, after).finditer(text)


@lru_cache(maxsize=4096)
def _name_pattern(name: str, after: str) -> re.Pattern:
    return re.compile(rf"\b{re.escape(name)}{after}", re.I)


def _own_name_offering(text: str, names: frozenset[str], taken: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """ "I make 72k and ps offered 95k": the coach's own names before an offering verb mark the offer, initials
    ("ps") among them, which no stranger's name may be. Each name found whole, then the verbs matched after it."""
    return [
        (match.start(), OFFER)
        for name in names
        for match in _named(name, r"\b", text)
        if OFFERING_AFTER_RE.match(text, match.end()) and not any(s <= match.start() < e for s, e in taken)
    ]


# Answers to "do you have another offer, or a current job you would stay in?" that name a company and a figure
# with nothing between to say whose: "Stripe, 700k total", "410k base at Netflix"
LEVERAGE_NAME_FIRST_RE = re.compile(
    r"^\s*(?:(?:yeah|yes|yep|yup|sure|well)\W*\s*)?(?P<name>(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*)?)\s*[,:–—-]\s*"
    r"(?=[$£€]?\d)",
    re.I,
)
LEVERAGE_NAME_LAST_RE = re.compile(
    r"^\s*(?:(?:yeah|yes|yep|yup|sure|well)\W*\s*)?[$£€]?\d[\d,.]*\s*[kKmM]?\b[^.;!?,\d]{0,40}?\s(?:at|from|with)\s+"
    r"(?P<name>(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*)?)\s*[.!]?\s*$",
    re.I,
)


def _leverage_named(text: str, utterance: Utterance, own: set[str]) -> list[tuple[int, str]]:
    """The coach asked for an alternative and the answer names a company beside its figure: that company's figure
    (another offer), never the offer's, unless the company named is the one discussed."""
    for pattern in (LEVERAGE_NAME_FIRST_RE, LEVERAGE_NAME_LAST_RE):
        match = pattern.match(text)
        name = _clean_name(match["name"]) if match else None
        if not name or _same_company(name.lower(), own):
            continue
        _add_rival(utterance, name)
        return [(0, rival(name))]
    return []


QUOTED_RE = re.compile(r'"[^"]{12,}"')


def _quoted_for(text: str, markers: list[tuple[int, str]], sentences: list[int]) -> list[tuple[int, str]]:
    """A letter pasted after the words that say whose it is ("I also have this from Databricks, pasting their
    letter: "... Base salary: $215,000 ..."", "from my current payslip at Stripe: "..."): the quote is theirs, sentence
    by sentence, unless it names a holder of its own."""
    out = []
    for quote in QUOTED_RE.finditer(text):
        before = [who for at, who in sorted(markers) if at < quote.start()]
        inside = [at for at, _ in markers if quote.start() <= at < quote.end()]
        if not before or inside or before[-1] == OFFER:
            continue
        who = before[-1]
        out.append((quote.start(), who))
        out += [(at + 1, who) for at in sentences if quote.start() < at < quote.end()]
    return out


def _side_by_side(told: list[tuple[int, str, str]], markers: list, utterance: Utterance) -> list:
    """A first message telling two offers alike ("Stripe offered 195k base and Ramp offered 205k",
    "I have 200k from datadog and planetscale offered 190k"): nothing says which one is coached, so
    the one first read as the person's own becomes an offer held side by side with the other,
    and the coach asks which (bot/coaching/coach.py `_offer_chosen_among_rivals`). An offer said
    otherwise ("I also have", "a competing offer from") leaves the first as the person's own."""
    owned = [(at, name) for at, kind, name in told if kind == OFFER]
    if len(owned) != 1 or not any(kind == "rival" for _, kind, _ in told):
        return markers
    at, name = owned[0]
    if utterance.company == name[:60]:
        utterance.company = None
    if name.lower() not in [n.lower() for n in utterance.rivals]:
        utterance.rivals.insert(0, name)
    return [(p, rival(name)) if (p, who) == (at, OFFER) else (p, who) for p, who in markers]


SET_AGAINST_RE = re.compile(
    r"\b(?:compare[sd]?|comparing|against|vs\.?|versus|beats?|match(?:es)?|better\s+than|worse\s+than)\b", re.I
)


def _trailing_rivals(
    text: str, markers: list[tuple[int, str]], sentences: list[int], figure_from: set[int]
) -> list[tuple[int, str]]:
    """Figures that open a sentence with nobody named before them, then a rival phrase that may follow
    its figures ("188k and 90k in stock is what apple offered"): the figures are the rival's."""
    out = list(markers)
    for position, who in markers:
        trailing = position in figure_from or TRAILING_BEFORE_RE.search(text[max(0, position - 60) : position])
        if not who.startswith("rival:") or not trailing:
            continue
        start = max((s for s in sentences if s < position), default=-1)
        if any(start <= at < position for at, _ in markers):
            continue
        if position in figure_from and not FIGURES_ONLY_RE.fullmatch(text, start + 1, position):
            continue  # "179k base here and 188k base from okta": the words between keep the first figure ours
        figure = PAIR_FIGURE_RE.search(text, start + 1, position)
        if figure and SET_AGAINST_RE.search(text, figure.end(), position):
            continue  # "how does 185k compare to what modal offered": the figure is set against theirs, so ours
        if figure:
            out.append((start + 1, who))
    return sorted(out)


# "ps 180k, figma 175k, linear 172k", "stirpe offered 210k tc, rampp 198k tc", "airbnb 205k tc and doordash 190k tc",
# "stripe (205k)": a name right before its figure at the start of an item; two or more such items in a message make a
# list of offers, each name owning its figures (a name in brackets before a figure is one alone)
PAIR_ITEM_RE = re.compile(
    r"(?:^|[,;:(]\s*|\s[-–—]\s+|\b(?:and|vs\.?|versus|plus|but|while|be|want\s+to\s+bring\s+up)\s+|\.\s+)"
    + _LOOSE_NAME
    + r"\s*(?P<bracket>\(\s*)?(?:'s\s+(?:offer\s+)?(?:is\s+)?|is\s+at\s+|at\s+|(?:offered|is)\s+)?"
    # a figure of pay as people type it in a list ("205k", "$210k", "1.2M"): never a date, an ID or a count
    r"(?=[$£€]\d|\d[\d,.]*\s?[kKmM]\b)",
    re.I,
)
_JOINED_RE = re.compile(r"\s*(?:,\s*|;\s*)?(?:and|plus|while)\s", re.I)
NOT_PAIR_NAMES = frozenset({
    "asking", "ask", "want", "need", "got", "get", "getting", "make", "making", "earn", "earning", "paying",
    "hoping", "targeting", "expecting", "counter", "countered", "said", "told", "wants", "take", "taking", "maybe",
    "around", "about", "roughly", "approx", "like", "only", "just", "also", "still", "even", "least", "most",
    "over", "under", "above", "below", "between", "than", "to", "from", "for", "of", "in", "on", "at", "by",
    "with", "is", "was", "are", "were", "be", "been", "tc", "ote", "ctc", "lpa", "deciding", "choosing",
    "comparing", "picking", "considering", "weighing",
})  # fmt: skip


def _listed_pairs(text, context, utterance, own, markers, taken, told) -> None:
    """Names a list of offers puts right before their figures (see PAIR_ITEM_RE)."""
    found = [
        match
        for match in PAIR_ITEM_RE.finditer(text)
        if not any(s < match.end("name") and match.start("name") < e for s, e in taken)
        and match["name"].split()[0].lower() not in NOT_PAIR_NAMES
        and match["name"].lower() not in LABEL_WORDS
        and not any(ch.isdigit() for ch in match["name"])
        and _clean_name(match["name"])
    ]
    # the company discussed, named before its own figures among them ("ps 175k + 10k sign on, ramp 180k + ...")
    own_items = [match for name in context.company_names for match in _named(name, NAME_THEN_FIGURE, text)]
    for match in own_items:
        markers.append((match.start(), OFFER))
    if len(found) + len(own_items) < 2:
        # "stripe (205k)": one name, its figure in brackets; "Zalando propose me 95.000 and Celonis 100k base": one
        # more name and its figure after a rival's offer told
        rival_told = any(who.startswith("rival:") for _, who in markers)
        found = [match for match in found if match["bracket"] or (rival_told and _JOINED_RE.match(match[0]))]
    for match in found:
        _mark_name(match, "name", PAIR_ITEM_RE, context, utterance, own, markers, taken, text, told)


def _add_rival(utterance: Utterance, name: str) -> None:
    """`name` among the message's rivals, once whatever its case."""
    if name.lower() not in [n.lower() for n in utterance.rivals]:
        utterance.rivals.append(name)


def _mark_figure_owner(match, context, utterance, own, markers, taken) -> None:
    """ "the 240k was databricks's base": the figure before the name is that company's (the offer's, when
    the company is the person's own)."""
    group = "name" if match["name"] else "name2"
    name = _clean_name(match[group])
    if not name:
        return
    at = max(0, match.start() - 1)  # a figure's span may start at the space before it
    if _same_company(name.lower(), own | set(context.company_names)):
        markers.append((at, OFFER))
    else:
        markers.append((at, rival(name)))
        _add_rival(utterance, name)
    taken.append(match.span(group))


def _mark_name(match, group, pattern, context, utterance, own, markers, taken, text, told) -> None:
    """One name a rival pattern found: the person's own company (an offer marker), a rival, or nothing."""
    name = _clean_name(match[group])
    at = match.start(group)
    if (
        pattern in (LABELLED_RIVAL_RE, LABEL_NAME_RE)
        and name
        and (not name[0].isupper() or pattern is LABEL_NAME_RE)
        and (name.lower() in LABEL_WORDS or any(w in LABEL_WORDS for w in name.lower().split()))
    ):
        name = None  # "numbers: 176 base": a label, not a company ("cohere: $230k" is one)
    if not name or _same_company(name.lower(), own):
        if name and pattern is not RIVAL_RES[0]:
            markers.append((at, OFFER))
            taken.append(match.span())
        return
    if (
        not own
        and pattern in FIRST_IS_OWN  # "offer from X", "X offered": the first is the person's own
        and (not context.rival_names or context.pending == "company")  # or the answer to "which company?"
        and not _an_offer_besides(text, match, group)
        and not _earlier_offer(text, match.start())
        and not OFFERS_LIST_RE.search(text[: match.start()])  # "two other offers, one from X": X is a rival
        and not re.match(r"offers\b", match[0], re.I)  # "offers from brex at 180k and plaid at 190k": several
    ):
        _own_named(utterance, context, name)
        own.add(name.lower())  # the first company to make an offer is the person's own
        markers.append((at, OFFER))
        taken.append(match.span())
        told.append((at, OFFER, name))
        return
    if name.lower() in {"current", "old", "present"}:
        return
    if KEEP_ME_RE.match(text, match.end()):
        # "I handed in my notice and Stripe countered with 215k base to keep me": the employer one is leaving
        utterance.current_company = utterance.current_company or name[:60]
        utterance.mentions_current = True
        markers.append((at, CURRENT))
        taken.append(match.span())
        return
    if pattern in FIRST_IS_OWN and not _an_offer_besides(text, match, group):
        told.append((at, "rival", name))
    markers.append((at, rival(name)))
    taken.append(match.span())
    _add_rival(utterance, name)


# What a company put up to keep the person, in the clause after its name: the current employer's counteroffer
KEEP_ME_RE = re.compile(
    r"[^.;!?]{0,60}?\b(?:to\s+(?:keep|retain)\s+me|(?:for\s+me\s+)?to\s+stay|if\s+i\s+stay)\b", re.I
)
# "also" up to three words before ("also i have an offer from"), "too"/"as well" right after the name.
ALSO_BEFORE_RE = re.compile(
    r"\b(?:also|additionally|on\s+top\s+of\s+that|besides\s+that|in\s+addition)[:,;.!-]*(?:\s+[\w']+){0,3}\s*$", re.I
)
ALSO_INSIDE_RE = re.compile(r"\b(?:also|another|second|other)\b", re.I)
ALSO_AFTER_RE = re.compile(r"\s*,?\s*(?:too|as\s+well|also)\b", re.I)
# "Gusto has offered 175k base as well", "google offered me 200k base too": at the end of the clause
# with the figures ("as well as" joins parts instead: "190k base as well as 50k rsus").
ALSO_AT_END_RE = re.compile(
    r"[^.!?;\n]{0,60}?[\s,](?:too|as\s+well(?!\s+as\b))\s*(?:[.!?;)\n]|$)",
    re.I,
)


def _an_offer_besides(text: str, match: re.Match, group: str = "name") -> bool:
    """ "I also have an offer from Google", "got an offer from Meta too": an offer held besides
    the one being coached, whoever's name comes first in the conversation."""
    before = text[max(0, match.start() - 32) : match.start()]
    inside = text[match.start() : match.start(group)]  # "there's also a datadog offer"
    return bool(
        ALSO_BEFORE_RE.search(before)
        or ALSO_INSIDE_RE.search(inside)
        or ALSO_AFTER_RE.match(text, match.end(group))
        or ALSO_AT_END_RE.match(text, match.end())
    )


# "... what i make now at the school district, do i have to tell her?? its only 52k": a sentence that is only
# "it's N" names no one: its figure is the last one's talked about
IT_IS_AGAIN_RE = re.compile(
    r"(?:^|(?<=[.;!?])\s*)(?:it'?s|its|it\s+is|that'?s|thats|which\s+is)\s+(?:only|just|barely|about|around"
    r"|roughly|like|not\s+even)?\s*(?=[$£€~]?\d)",
    re.I,
)


def _it_is_again(text: str, markers: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The current job's marker again where a sentence only says "it's N" after one about today's pay."""
    out = []
    for match in IT_IS_AGAIN_RE.finditer(text):
        before = [who for position, who in sorted(markers) if position < match.start()]
        if before and before[-1] == CURRENT:
            out.append((match.start(), CURRENT))
    return out


def _own_named(utterance: Utterance, context: Context, name: str) -> None:
    """The offer's company as typed ("Stripe offered me"), when it is new to the conversation:
    the coach takes it for a company no guide covers when the catalog has none of that name."""
    name = _without_tail(name)
    if utterance.company is None and name and not _same_company(name.lower(), context.company_names):
        utterance.company = name[:60]


def _earlier_offer(text: str, position: int) -> bool:
    """A figure before the name, so the name is not the first offer made ("I have 200k from X and
    Y offered..."); the current job's figures don't count ("my current salary is 150k and
    planetscale is offering 175k": PlanetScale's is the offer)."""
    before = text[:position]
    for pattern in CURRENT_RES:
        for match in pattern.finditer(before):
            clause_end = SEPARATOR_RE.search(before, match.end())
            before = _mask_span(before, (match.start(), clause_end.start() if clause_end else len(before)))
    return bool(re.search(r"\$?\d", before))


def _same_company(name: str, own: set[str] | frozenset[str]) -> bool:
    name = name.lower().strip()
    return any(
        name == o
        or name.startswith(o + " ")
        or o.startswith(name + " ")
        or name.replace(" ", "") == o.replace(" ", "")
        # "on the drive home PlanetScale's recruiter called": words before the name taken into it
        or (len(o) > 3 and name.endswith(" " + o))
        for o in own
    )


NAME_TAIL_RE = re.compile(r"(?:[LEM]|IC|SDE)-?\d{1,2}|senior|staff|principal|sr", re.I)
# Cities a name may be followed by ("Spotify Stockholm"): the places read elsewhere, without the words that
# qualify a role or a location, and a few more cities
CITY_WORDS = (
    PLACE_WORDS
    - {"hq", "headquarters", "onsite", "on-site", "hybrid", "role", "location", "region", "city", "office", "relocate"}
    - {"based", "engineer", "engineering", "manager", "ml", "ai", "backend", "frontend", "infra", "india", "uk", "us"}
    - {"usa", "europe", "eu", "canada"}
) | frozenset(
    {"ny", "bengaluru", "hyderabad", "melbourne", "stockholm", "munich", "zurich", "madrid", "lisbon", "warsaw"}
    | {"vancouver", "montreal", "manchester", "barcelona"}
)


ROLE_HEAD_RE = re.compile(
    r"\b(?:manager|engineer|designer|developer|scientist|analyst|architect|director|executive|lead|role|position)s?$"
    r"|^(?:ae|sdr|bdr|pm|em|swe|sre|mle|ds|tpm|csm)$",
    re.I,
)


# Words of feeling a message opens with, before a name a rival pattern takes them into ("lol Meta", "ugh Stripe")
LEADING_INTERJECTION_RE = re.compile(
    r"^(?:(?:lol|lmao|omg|ugh+|haha+|wow|welp|whoa|yay|also|btw|fwiw|tbh|ok|okay|so|well|yeah|oh"
    # "this morning Stripe sent an offer letter": when, before the name
    r"|(?:this\s+)?(?:morning|afternoon|evening|tonight|today|yesterday|then|now))\W*\s+)+",
    re.I,
)


def _clean_name(name: str | None) -> str | None:
    """The rival's name, or None when the words cannot be a company's name ("I was offered")."""
    if not name:
        return None
    name = LEADING_INTERJECTION_RE.sub("", name.strip(" .,'"))  # "lol Meta offered me ...": the name is Meta
    if ROLE_HEAD_RE.search(name):
        return None  # "Sales development manager offer:", "AE offer:": a role, not a company
    name = re.sub(r"'s$", "", PEOPLE_AFTER_RE.sub("", name))  # "the scale ai recruiters": the company is "scale ai"
    if not name or any(word.lower() in NOT_NAMES for word in name.split()) or KIND_RE.fullmatch(name):
        return None
    if name.lower() in NUMBER_WORDS:  # "three offers" counts them; "Two Sigma" is a name
        return None
    if re.match(r"[$£€]?\d", name):  # "an offer at 166k base": a figure, not a company
        return None
    if name.lower() in CITY_WORDS:
        return None  # "the Tokyo offer": a place, not a company
    return _without_tail(name)[:60]


def _without_tail(name: str) -> str:
    """ "amazon L5 came in", "Spotify Stockholm, 72k eur": a level or city after a name is not the name."""
    words = name.split()
    while len(words) > 1 and (NAME_TAIL_RE.fullmatch(words[-1]) or words[-1].lower() in CITY_WORDS):
        words.pop()
    return " ".join(words)


def _last_rival(context: Context, utterance: Utterance) -> str:
    if utterance.rivals:
        return rival(utterance.rivals[-1])
    if context.rival_names:
        return rival(context.rival_names[-1])
    return ANY_RIVAL


def _holder_at(position: int, markers: list[tuple[int, str]], sentences: list[int], figures: list[int]) -> str:
    """Whose a figure is: the last holder named in its sentence before it; else a rival named in the
    sentence before with no figure of its own yet ("got the offer from stripe!! base 214k": Stripe's)."""
    sentence_start = max((s for s in sentences if s < position), default=-1)
    holder, before = OFFER, None
    for at, who in markers:
        if at > position:
            break
        if at >= sentence_start:
            holder = who
        else:
            before = (at, who)
    if holder == OFFER and before and before[1].startswith("rival:"):
        named_at = before[0]
        if not any(m >= sentence_start for m, _ in markers if m < position) and not any(
            named_at < f < sentence_start for f in figures
        ):
            return before[1]
    return holder


PART_WORDS = {
    "equity": "equity", "stock": "equity", "rsu": "equity", "rsus": "equity", "options": "equity",
    "shares": "equity", "bonus": "bonus", "target bonus": "bonus", "annual bonus": "bonus",
    "relocation": "relocation",
}  # fmt: skip


def _read_parts_stated_absent(text: str, utterance: Utterance, holder_at=lambda position: OFFER) -> None:
    """Parts said to be absent from the offer ("no equity", "all cash"); one said of the current job or
    a rival ("right now on 86k, no bonus at all", "netflix gave me 320k all cash") is theirs, not kept."""
    for match in NO_PART_RE.finditer(text):
        holder = holder_at(match.start())
        if holder != OFFER and any(a.holder == holder for a in utterance.amounts):
            continue  # said beside their figures; "I'm currently at Stripe, leveled at L5, no equity" is the offer's
        named = match["part"] or match["part2"] or match["part3"] or match["part4"]
        part = "equity" if match["cash"] or match["cash2"] else named.lower()
        name = "sign_on" if part.startswith("sign") else PART_WORDS.get(part, "bonus" if "bonus" in part else "equity")
        if name not in utterance.none_of:
            utterance.none_of.append(name)


def parts_named(text: str) -> list[str]:
    """The parts of pay the words name, in order ("the rsus" -> equity, "salary" -> base)."""
    parts: list[str] = []
    for match in KIND_RE.finditer(text):
        kind = _kind_of(match)
        if kind in ("base", "equity", "bonus", "sign_on", "total") and kind not in parts:
            parts.append(kind)
    return parts


HYPOTHETICAL_RE = re.compile(r"\b(?:what\s+if|if|in\s+case|suppose|supposing|assuming|unless)\b", re.I)


# A part said to have room, beside one that has none ("equity tops out at 150k and the sign-on is the only
# flexible piece"): that part is not fixed.
FLEXIBLE_PART_RE = re.compile(
    r"\b(?:sign[\s-]?on|signing(?:\s+bonus)?|base(?:\s+salary)?|salary|equity|stock|rsus?|bonus)\s+(?:is|are|has|have)\s+"
    r"(?:the\s+only\s+(?:flexible|negotiable|movable)|(?:some\s+|a\s+little\s+)?(?:room|flexibility)|negotiable|flexible)\b",
    re.I,
)


# "20% of CTC", "15% of base": the part a percent is a share of, which a pushback about the percent does not fix
SHARE_OF_PART_RE = re.compile(
    r"%\s*of\s+(?:the\s+|my\s+)?(?:base|salary|ctc|total(?:\s+comp)?|package|tc|fixed)\b", re.I
)


def _read_fixed(text: str, utterance: Utterance) -> None:
    """The parts a pushback names as fixed: the part words in the clause that says so. A
    pushback naming no part ("that's their final offer") fixes the total."""
    for clause in re.split(
        r"[;\n]|\.(?!\d)(?=\s|$)|\bbut\b|,\s*(?=\w+\s+(?:has|have|is)\s+(?:some\s+)?room)", text, flags=re.I
    ):
        clause = SHARE_OF_PART_RE.sub("%", clause)  # "the variable is fixed at 20% of CTC": the variable is fixed
        said = PUSHBACK_RE.search(clause)
        if (
            not said
            or PEOPLE_LIKE_ME_RE.search(clause)  # "teachers never negotiate, we just get placed": no company said it
            or FROM_THE_COACH_RE.search(clause)  # "you said the band tops out at 220k": the coach's words, quoted
            or ROOM_RE.search(clause)
            and not PUSHBACK_RE.search(ROOM_RE.split(clause)[0])
            # "what happens if they won't budge": asked, not said. With a part named ("what if they say the
            # base is fixed?") it stays a pushback, answered with that part's playbook (tests/coaching/test_say_no.py).
            or HYPOTHETICAL_RE.search(clause, 0, said.start())
            and not parts_named(clause)
        ):
            continue
        flexible = {part for match in FLEXIBLE_PART_RE.finditer(clause) for part in parts_named(match[0])}
        # "came back with 172k and kept the bonus, said equity is standard and cant move": the part named in the
        # piece that says so, or the nearest piece before it ("the base, too, is at its ceiling")
        named = [part for match in PUSHBACK_RE.finditer(clause) for part in _parts_before(clause, match.start())]
        parts = [part for part in dict.fromkeys(named) if part not in flexible] or ["total"]
        for part in parts:
            if part not in utterance.fixed:
                utterance.fixed.append(part)


# "they said yes to the first one but not the second", "agreed to the sign-on but not the base": part of the
# ask agreed, the rest (after "but") refused
PARTLY_YES_RE = re.compile(
    r"\b(?:said\s+yes|agreed|ok(?:ay)?'?d|approved|accepted)\s+(?:to\s+|on\s+)?[^.;!?]{1,40}?\b(?:but|except)\s+"
    r"(?P<refused>(?:not|no|said\s+no|refused|declined|rejected|won'?t)\b[^.;!?]*)",
    re.I,
)
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}
ORDINAL_RE = re.compile(r"\b(?:" + "|".join(ORDINALS) + r")\b", re.I)


def _read_partly_yes(text: str, utterance: Utterance) -> None:
    """The parts refused where part of the ask was agreed: named ("but not the base") or by their place
    in the counter ("but not the second"), which the coach maps to its asks (bot/coaching/coach.py)."""
    match = PARTLY_YES_RE.search(text)
    if not match:
        return
    refused = match["refused"]
    named = parts_named(refused)
    if named:
        utterance.fixed = [part for part in named if part != "total"] or named
        return
    utterance.fixed = []
    utterance.refused_asks = [ORDINALS[m[0].lower()] for m in ORDINAL_RE.finditer(refused)]


# "teachers never negotiate", "most people don't negotiate": a habit of people like the person, no company's word
PEOPLE_LIKE_ME_RE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|because|since|so|like)\s+)(?:most\s+|many\s+|all\s+)?"
    r"(?!recruiters\b|managers\b|employers\b|companies\b|they\b)[a-z]+s\s+(?:never|don'?t|do\s+not|rarely|usually\s+don'?t)"
    r"\s+negotiate\b",
    re.I,
)


def _parts_before(clause: str, at: int) -> list[str]:
    """The parts named in the comma-separated piece of `clause` holding `at`, else in the nearest piece before it
    that names one, else in the whole clause."""
    bounds = [0, *(m.end() for m in re.finditer(r",\s+", clause)), len(clause) + 1]
    pieces = list(zip(bounds, bounds[1:], strict=False))
    index = next(i for i, (start, end) in enumerate(pieces) if start <= at < end)
    for start, end in reversed(pieces[: index + 1]):
        named = parts_named(clause[start:end])
        if named:
            return named
    return parts_named(clause)


FILLER_RE = re.compile(
    r"\b(?:tbh|honestly|sorry|lol|really|atm|rn|right\s+now|for\s+now|yet|tho|though|haha|sadly|unfortunately"
    r"|i'?m\s+afraid|to\s+be\s+honest|ok(?:ay)?|hmm+|um+|uh+|i'?d|i\s+would)\b",
    re.I,
)


DEFER_RE = re.compile(
    r"^(?:can|could)\s+we\s+(?:come|circle|get)\s+back\s+(?:to|on)\s+(?:that|this|it)\b"
    r"|^let'?s\s+(?:come|circle|get)\s+back\s+(?:to|on)\s+(?:that|this|it)\b",
    re.I,
)


SKIP_THEN_WHY_RE = re.compile(r"^(?:skip|pass)(?:\s+(?:it|this|that))?(?:\s+for\s+now)?\s*[,;:!-]", re.I)


def _read_bare_answer(text: str, utterance: Utterance, pending: str | None = None) -> None:
    plain = text.strip().strip(".!")
    if DEFER_RE.match(plain) or SKIP_THEN_WHY_RE.match(plain):
        # "can we come back to that? I'm not in a good headspace", "skip for now, still waiting on the share count":
        # asked later
        utterance.answer = "skip"
        return
    for name, pattern in BARE_ANSWERS.items():
        if pattern.match(plain):
            utterance.answer = name
            return
    # "no idea tbh", "idk, next", "not sure yet, they didn't say": every clause a skip or an
    # unknown once fillers are gone; a skip said anywhere makes it a skip.
    clauses = [FILLER_RE.sub(" ", c).strip(" .!") for c in re.split(r"[,;.!]|\s-\s", text)]
    found = []
    for clause in filter(None, clauses):
        name = next((n for n in ("skip", "unknown") if BARE_ANSWERS[n].match(clause)), None)
        if name is None:
            if found and pending and _only_says_why(text, utterance):
                break  # "no idea, they only called it discretionary": not known, and why
            return
        found.append(name)
    if found:
        utterance.answer = "skip" if "skip" in found else "unknown"


def _only_says_why(text: str, utterance: Utterance) -> bool:
    """After a first clause that does not know the answer, the rest only says why: no figure, nothing said fixed
    or absent, no other offer, no question (\"not sure, should I ask?\" asks something of its own)."""
    return not (utterance.amounts or utterance.fixed or utterance.none_of or utterance.rivals or "?" in text)


def _place_text(masked: str) -> str:
    """The words left for the company/role/region resolver: no figures, no part words, and
    nothing named as what it is not ("remote, not SF" leaves "remote")."""
    text = NOT_PLACE_RE.sub(" ", masked)
    text = PERCENT_RE.sub(" ", text)
    text = YEARS_RE.sub(" ", text)
    text = AMOUNT_RE.sub(" ", text)
    text = KIND_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()
