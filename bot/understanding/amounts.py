"""The money grammar: amounts as people type them, with their currency.

`$168k`, `170 thousand`, `£75k`, `€77.5k`, `₹20L`, `₹47,00,000`, `CHF 120,000`, `80000 euros`:
the number, its suffix (`k`, `M`, lakh, crore) and its currency, read exactly (bot/guides/money.py
parses the number, so `77.55k` is reported as not a whole amount rather than rounded).
Percentages, durations (`4 years`), levels (`L5`) and "no other offers" are read here too, since
they are what a figure must not be mistaken for.
"""

from __future__ import annotations

import re

from bot.guides.money import CURRENCIES, currency_for_prefix

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
# Currency symbols written after a number, as much of Europe writes them ("85.000 €", "20k€", "85k£").
_SYMBOL_AFTER_RE = "|".join(
    re.escape(symbol) for symbol, is_word in sorted(CURRENCIES.values(), key=lambda s: -len(s[0])) if not is_word
)
AMOUNT_RE = re.compile(
    rf"(?<![\w.$£€¥₹₪₩])(?P<prefix>{_PREFIX_RE})?\s?"
    r"(?P<number>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<suffix>thousand|millones|mill[oó]n|milh[ãa]o|milh[õo]es|million|mill?|mio|mln|mn|grand|billion|crores?"
    r"|lakhs?|lacs?|lpa|mm|bn|cr|[kmbl]))?"
    # a code or a symbol after the figure, glued or not ("120k CHF", "20kEUR", "20k€"); nothing else glued
    rf"(?:(?![\w$£€])\s?(?P<code>{_CODE_RE})\b|(?<=[\dkKmMlL])(?P<code_glued>{_CODE_RE})\b"
    rf"|\s?(?P<symbol>{_SYMBOL_AFTER_RE})(?![\w$£€]))?(?![\w$£€])",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(r"(?<![\w.])(?P<number>\d+(?:\.\d+)?)\s?(?:%|percent\b|pct\b|per\s+cent\b)", re.I)
# Short ways of writing a suffix, read as the suffix bot/guides/money.py knows ("1.2 mil", "5 grand").
SUFFIX_ALIASES = {
    "mil": "m",
    "mill": "m",
    "mn": "m",
    "grand": "k",
    "lpa": "l",
    "mio": "m",
    "mln": "m",
}  # LPA: lakh p.a.
# A million as Spanish and Portuguese write it ("R$ 1,5 milhão", "1,2 millones")
SUFFIX_ALIASES |= {word: "m" for word in ("millones", "millón", "millon", "milhão", "milhao", "milhões", "milhoes")}
# A small number right before `years`, `%`, `x`: a duration or ratio, never money.
NOT_MONEY_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:years?\b|yrs?\b|yr\b|y\b|months?\b|mo\b|weeks?\b|days?\b|hours?\b|hrs?\b|%|x\b|percent)", re.I
)
NOTHING_ELSE_RE = re.compile(
    r"\b(?:no|none|not\s+any|don'?t\s+have\s+(?:any|an?)|do\s+not\s+have\s+(?:any|an?))\s+"
    r"(?:other|competing|alternative|second)?\s*(?:offers?|alternatives?|leverage)\b|^\s*(?:no|none|nope|nothing)\s*[.!]?\s*$",
    re.IGNORECASE,
)
LEVEL_RE = re.compile(
    r"\blevel(?:ed)?\s*(?:is|at|as|of|:)?\s*(?P<level>[A-Za-z]{0,4}\s?\d{1,2}|senior|staff|principal)\b"
    r"|\b(?P<code>[LEIMP]\d{1,2})\b"
    r"|\b(?:in|hired|hiring\s+me|coming\s+in|bring(?:ing)?\s+me\s+in|join(?:ing)?|offered\s+me|(?:leveled|levelled|slotted"
    r"|placed|put)(?:\s+me)?)\s+"
    r"(?:at|as)\s+(?:an?\s+)?(?P<title>senior|staff|principal|junior|mid[- ]level|lead)\b"
    r"|\b(?P<title2>senior|staff|principal)\s+level\b",
    re.IGNORECASE,
)


def currency_of(match: re.Match) -> str | None:
    prefix, code = match["prefix"], match["code"] or match["code_glued"]
    if prefix == "$" and code:
        prefix = None  # "$150k SGD": the dollar sign is any dollar, the code says which
    for symbol in (prefix, match["symbol"]):
        found = symbol and currency_for_prefix(symbol)
        if found:
            return found
    if code:
        return WORD_CURRENCIES.get(code.lower()) or code.upper()
    return None
