"""Offer figures from what people type: `$168k base, $100k stock over 4 years`.

Each amount is read with the guide reader's exact number rules (`money.parse_number`:
Decimal arithmetic, `170 thousand`, `1.2M`, `₹20L`, Indian grouping) and given a kind
(base, equity, bonus, sign-on, total) from the words right after it ("$168k base"),
or else right before it ("base of $168k"). A competing offer ("another offer from Acme
for $300k total") is read as its own clause so its figures never land in the offer.
Nothing here knows about guides or conversations: it only reports what the text says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from bot.guides.money import CURRENCIES, MoneyError, currency_for_prefix, parse_number

# Currency prefixes people write before a number: symbols, `S$`-style, and ISO codes.
_PREFIX_WORDS = {code for code in CURRENCIES} | {symbol for symbol, _ in CURRENCIES.values()}
_PREFIX_WORDS |= {"US$", "CA$", "AU$", "JP¥", "RMB", "Rs.", "Rs"}
_PREFIX_RE = "|".join(re.escape(p) for p in sorted(_PREFIX_WORDS, key=len, reverse=True))
# Currency names written after a number ("5 dollars", "80000 euros").
WORD_CURRENCIES = {
    "dollar": "USD",
    "dollars": "USD",
    "bucks": "USD",
    "usd": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "quid": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "rupee": "INR",
    "rupees": "INR",
    "francs": "CHF",
    "yen": "JPY",
}
_CODE_RE = "|".join(sorted((*CURRENCIES, *WORD_CURRENCIES), key=len, reverse=True))
AMOUNT_RE = re.compile(
    rf"(?<![\w.$£€¥₹₪₩])(?P<prefix>{_PREFIX_RE})?\s?"
    r"(?P<number>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<suffix>thousand|million|billion|crores?|lakhs?|lacs?|mm|bn|cr|[kmbl]))?(?![\w$£€])"
    rf"(?:\s?(?P<code>{_CODE_RE})\b)?",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(r"(?<![\w.])(?P<number>\d+(?:\.\d+)?)\s?%")
YEARS_RE = re.compile(
    r"(?:over|across|vesting|vests?|/)\s*(?:over\s+)?(?P<a>\d{1,2})\s*-?\s*(?:years?|yrs?|y)\b"
    r"|(?P<b>\d{1,2})\s*-?\s*(?:years?|yrs?|y)\s+(?:vest|cliff|schedule|grant)",
    re.IGNORECASE,
)
# A small number right before `years`, `%`, `x`: a duration or ratio, never money.
_NOT_MONEY_AFTER = re.compile(r"\s*(?:-\s*)?(?:years?|yrs?|yr\b|y\b|months?|mo\b|weeks?|days?|%|x\b|percent)", re.I)
PER_YEAR_RE = re.compile(
    r"/\s*(?:yr|year|y)\b|\bper\s+year|\ba\s+year|\beach\s+year|\bannually|\byearly|\bper\s+annum", re.I
)

KIND_RE = re.compile(
    r"(?P<sign_on>sign[\s-]?on(?:\s+bonus)?|signing(?:\s+bonus)?|joining\s+bonus|sign[\s-]?in\s+bonus)"
    r"|(?P<bonus>(?:target\s+|annual\s+|performance\s+)?bonus(?:es)?)"
    r"|(?P<equity>equity|stocks?|rsus?|options?|shares|grant|espp)"
    r"|(?P<base>base(?:\s+salary|\s+pay)?|salary|cash)"
    r"|(?P<total>total(?:\s+comp(?:ensation)?)?|\btc\b|package)",
    re.IGNORECASE,
)
# Where one component's words end and the next one's begin.
SEPARATOR_RE = re.compile(r"[,;\n]|\.(?!\d)|\band\b|\bplus\b|\+|\bwith\b|&", re.IGNORECASE)
COMPETING_RE = re.compile(
    r"(?:another|other|competing|second|counter|rival|also\s+(?:have|got|received)\s+an?|"
    r"(?:have|got|received)\s+an?\s+(?:other|second))\s*(?:job\s+)?offer\s+(?:from|at|with)\s+"
    r"(?P<company>[A-Za-z0-9][\w&'.-]*(?:\s+(?!for\b|at\b|with\b|of\b|and\b|that\b|paying\b|worth\b)[A-Z][\w&'.-]*)*)"
    r"|(?P<company2>[A-Z][\w&'.-]*)\s+(?:offered|is\s+offering|also\s+offered)\s+(?:me\s+)?",
    re.IGNORECASE,
)
NOTHING_ELSE_RE = re.compile(
    r"\b(?:no|none|not\s+any|don'?t\s+have\s+(?:any|an?)|do\s+not\s+have\s+(?:any|an?))\s+"
    r"(?:other|competing|alternative|second)?\s*(?:offers?|alternatives?|leverage)\b|^\s*(?:no|none|nope|nothing)\s*[.!]?\s*$",
    re.IGNORECASE,
)
NO_EQUITY_RE = re.compile(r"\bno\s+(?:equity|stock|rsus?|options|shares)\b", re.IGNORECASE)
NO_BONUS_RE = re.compile(r"\bno\s+(?:target\s+|annual\s+)?bonus\b", re.IGNORECASE)
NO_SIGN_ON_RE = re.compile(r"\bno\s+sign[\s-]?(?:on|ing)\b", re.IGNORECASE)
CURRENT_COMPANY_RE = re.compile(
    r"\b(?:currently|now|today)\s+(?:at|with|working\s+(?:at|for))\s+(?P<company>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*)"
    r"|\b(?:I\s+work|I'm\s+working|I\s+am\s+working)\s+(?:at|for)\s+(?P<company2>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*)",
)
LEVEL_RE = re.compile(
    r"\blevel(?:ed)?\s*(?:is|at|as|of|:)?\s*(?P<level>[A-Za-z]{0,4}\s?\d{1,2}|senior|staff|principal)\b"
    r"|\b(?P<code>[LEIMP]\d{1,2})\b",
    re.IGNORECASE,
)


@dataclass
class Figure:
    """One amount found in the text, with the kind its words give it."""

    amount: int
    currency: str | None
    kind: str | None  # base | equity | bonus | sign_on | total | None (no word says)
    text: str
    per_year: bool = False


@dataclass
class Competing:
    company: str
    figures: list[Figure] = field(default_factory=list)


@dataclass
class Parsed:
    """Everything the text says about an offer; None where it says nothing."""

    figures: list[Figure] = field(default_factory=list)
    bonus_percent: Decimal | None = None
    equity_years: int | None = None
    competing: list[Competing] = field(default_factory=list)
    nothing_else: bool = False  # "no other offers"
    no_equity: bool = False
    no_bonus: bool = False
    no_sign_on: bool = False
    current_company: str | None = None
    level: str | None = None
    unreadable: list[str] = field(default_factory=list)  # "77.55k": not a whole amount
    rest: str = ""  # the text with figures and the competing clause taken out (for the resolver)

    def first(self, kind: str) -> Figure | None:
        return next((f for f in self.figures if f.kind == kind), None)

    @property
    def has_offer_figures(self) -> bool:
        return bool(self.figures or self.bonus_percent is not None)


def parse_offer_text(text: str) -> Parsed:
    """Read the figures, the competing offers and the small facts a message states."""
    parsed = Parsed()
    text = text or ""
    main = text
    for match in list(COMPETING_RE.finditer(text))[:3]:
        company = (match["company"] or match["company2"] or "").strip(" .,'")
        clause_end = _clause_end(text, match.end())
        clause = text[match.end() : clause_end]
        competing = Competing(company=company[:60])
        competing.figures = [f for f in _figures(clause, parsed) if f.kind in (None, "total", "base", "equity")]
        parsed.competing.append(competing)
        main = main.replace(text[match.start() : clause_end], " ")
    parsed.figures = _figures(main, parsed)
    parsed.bonus_percent = _bonus_percent(main)
    years = YEARS_RE.search(main)
    if years:
        parsed.equity_years = int(years["a"] or years["b"])
    parsed.nothing_else = bool(NOTHING_ELSE_RE.search(text))
    parsed.no_equity = bool(NO_EQUITY_RE.search(main))
    parsed.no_bonus = bool(NO_BONUS_RE.search(main))
    parsed.no_sign_on = bool(NO_SIGN_ON_RE.search(main))
    current = CURRENT_COMPANY_RE.search(text)
    if current:
        parsed.current_company = (current["company"] or current["company2"]).strip(" .,")[:60]
    level = LEVEL_RE.search(main)
    if level:
        parsed.level = (level["level"] or level["code"]).strip()[:20]
    parsed.rest = _strip_figures(main)
    return parsed


def _clause_end(text: str, start: int) -> int:
    """A competing offer's clause runs to the end of its sentence."""
    match = re.compile(r"[;\n]|\.(?!\d)(?=\s|$)").search(text, start)
    return match.start() if match else len(text)


def _masked(text: str) -> str:
    """Percentages and durations blanked out (same length, so positions stay)."""
    text = PERCENT_RE.sub(lambda m: " " * len(m[0]), text)
    return YEARS_RE.sub(lambda m: " " * len(m[0]), text)


def _figures(text: str, parsed: Parsed) -> list[Figure]:
    masked = _masked(text)
    matches = []
    for match in AMOUNT_RE.finditer(masked):
        if _NOT_MONEY_AFTER.match(masked, match.end()) and not (match["suffix"] or match["prefix"]):
            continue
        try:
            amount = parse_number(match["number"], match["suffix"])
        except MoneyError:
            parsed.unreadable.append(match[0].strip())
            continue
        currency = _currency(match)
        if currency is None and not match["suffix"] and amount < 1000:
            continue  # a bare small number: a level, a count, a day of the month
        matches.append((match, amount, currency))
    figures = []
    for index, (match, amount, currency) in enumerate(matches):
        previous_end = matches[index - 1][0].end() if index else 0
        next_start = matches[index + 1][0].start() if index + 1 < len(matches) else len(masked)
        after = masked[match.end() : next_start]
        before = masked[previous_end : match.start()]
        kind = _kind_after(after) or _kind_before(before)
        figures.append(
            Figure(
                amount,
                currency,
                kind,
                match[0].strip(),
                per_year=bool(PER_YEAR_RE.search(SEPARATOR_RE.split(after, maxsplit=1)[0])),
            )
        )
    return figures


def _currency(match: re.Match) -> str | None:
    prefix, code = match["prefix"], match["code"]
    if prefix:
        found = currency_for_prefix(prefix)
        if found:
            return found
    if code:
        return WORD_CURRENCIES.get(code.lower()) or code.upper()
    return None


def _kind_after(after: str) -> str | None:
    """`$168k base`: the component word before the next separator."""
    segment = SEPARATOR_RE.split(after, maxsplit=1)[0]
    words = segment.split()
    # Only a word close to the figure names it ("$100k in RSUs over 4 years").
    match = KIND_RE.search(" ".join(words[:4]))
    return _kind_of(match)


def _kind_before(before: str) -> str | None:
    """`base of $168k`, `stock: $100k`: the last component word since the last separator."""
    segment = SEPARATOR_RE.split(before)[-1]
    matches = list(KIND_RE.finditer(segment))
    return _kind_of(matches[-1]) if matches else None


def _kind_of(match: re.Match | None) -> str | None:
    if match is None:
        return None
    return next(name for name, value in match.groupdict().items() if value)


def _bonus_percent(text: str) -> Decimal | None:
    for match in PERCENT_RE.finditer(text):
        around = text[max(0, match.start() - 30) : match.end() + 30]
        segment_after = SEPARATOR_RE.split(text[match.end() :], maxsplit=1)[0]
        segment_before = SEPARATOR_RE.split(text[: match.start()])[-1]
        if re.search(r"bonus", segment_after + segment_before, re.I) or (
            re.search(r"bonus", around, re.I) and not re.search(r"sign", around, re.I)
        ):
            return Decimal(match["number"])
    return None


def _strip_figures(text: str) -> str:
    text = PERCENT_RE.sub(" ", text)
    text = YEARS_RE.sub(" ", text)
    text = AMOUNT_RE.sub(" ", text)
    text = KIND_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()
