"""Money: whole amounts with an ISO currency, parsed and written the way guides write them.

Guides write `$155K`, `£75,000`, `CHF 120K`, `S$115,000`, `₹20L`, `₹1.2Cr`, `₹47,00,000`,
`$1.2M`, `kr565,000`, `Rp 900M`, `UYU 1,800,000`: any ISO 4217 code is a currency (Babel's
list), and the symbols below are the ones guides write before a number. Parsing is exact
(Decimal arithmetic, never floats) and refuses anything that is not a whole amount, so no
figure is ever rounded on the way in. Formatting writes the shortest exact form people write
(`$155K`, `$222.5K`, `$1.25M`); a figure that short form cannot show exactly, or only with
two decimals of thousands, is written in full (`$155,250`), never rounded.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from bot.guides.scales import DOT_GROUPING_WORDS, LOCAL_SCALE_WORDS, joined_myriads, mil_factor, scale_key

# Currency code -> symbol as guides write it, and whether the symbol is a word (`CHF 120K`).
CURRENCIES: dict[str, tuple[str, bool]] = {
    "USD": ("$", False),
    "GBP": ("£", False),
    "EUR": ("€", False),
    "CHF": ("CHF", True),
    "SGD": ("S$", False),
    "CAD": ("C$", False),
    "AUD": ("A$", False),
    "NZD": ("NZ$", False),
    "HKD": ("HK$", False),
    "JPY": ("¥", False),
    "CNY": ("CN¥", False),
    "INR": ("₹", False),
    "SEK": ("SEK", True),
    "NOK": ("NOK", True),
    "DKK": ("DKK", True),
    "PLN": ("PLN", True),
    "ILS": ("₪", False),
    "BRL": ("R$", False),
    "MXN": ("MX$", False),
    "KRW": ("₩", False),
    "AED": ("AED", True),
    "ZAR": ("ZAR", True),
    "CZK": ("CZK", True),
    "TWD": ("NT$", False),
}

# Every way a guide may write a currency before the number, longest first so `S$` wins over `$`.
_PREFIXES: dict[str, str] = {
    "US$": "USD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "S$": "SGD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "¥": "JPY",
    "円": "JPY",  # written after the figure: `840万円`
    "JP¥": "JPY",
    "CN¥": "CNY",
    "RMB": "CNY",
    "₹": "INR",
    "RS": "INR",
    "RS.": "INR",
    "₪": "ILS",
    "R$": "BRL",
    "R": "ZAR",  # the rand: `R1.45m` (`R$` is the real, matched first as the longer prefix)
    "MX$": "MXN",
    "₩": "KRW",
    "NT$": "TWD",
    "RP": "IDR",
    "₺": "TRY",
    "₱": "PHP",
    "₫": "VND",
    "₦": "NGN",
    "₴": "UAH",
    "฿": "THB",
    "ZŁ": "PLN",
    "KČ": "CZK",  # the koruna, written after the figure: `1 250 000 Kč`
    "₽": "RUB",
    "원": "KRW",  # the won, written after the figure: `8,500만원`
}
# `kr` is the krona or krone of four countries; the region says which (see `krona_for`).
KRONA = "KR"
KRONA_CURRENCIES = ("SEK", "NOK", "DKK", "ISK")
for _code, (_symbol, _word) in CURRENCIES.items():
    _PREFIXES.setdefault(_code, _code)
    _PREFIXES.setdefault(_symbol.upper(), _code)
_PREFIX_ORDER = sorted(_PREFIXES, key=len, reverse=True)

SUFFIX_FACTORS: dict[str, int] = {
    "万": 10_000,  # Japanese and Chinese ten-thousands: `660万円` is ¥6,600,000
    "億": 100_000_000,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    "l": 100_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "lpa": 100_000,  # lakhs per annum: `₹20 LPA`
    "cr": 10_000_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    # Spanish, Portuguese and Dutch words for a million (`1.1 millones de pesos`, `R$ 1,2 milhão`, `€ 1,5 miljoen`)
    "millones": 1_000_000,
    "millón": 1_000_000,
    "milhões": 1_000_000,
    "milhão": 1_000_000,
    "miljoen": 1_000_000,
    "mil": 1_000,  # a thousand or a million, as the currency says (scales.mil_factor)
    **LOCAL_SCALE_WORDS,  # `Rp 850 juta`, `₫1.2 tỷ`, `1,5 Mio CHF`, `8,500만원`, `1.02 mn ILS` (bot/guides/scales.py)
}

# A dot-grouped figure (`€150.000`, `1.500.000`), a space-grouped one (`150 000 kr`, with a plain,
# no-break or thin space) and a Swiss apostrophe-grouped one (`CHF 150'000`) before the plain
# forms, so each is read whole.
_GROUP_SPACES = " \u00a0\u202f\u2009"
_NUMBER = (
    r"\d{1,3}(?:\.\d{3})+,\d{2}(?!\d)"  # `€80.000,00`: dot-grouped thousands and decimal-comma cents
    r"|\d{1,3}(?:\.\d{3})+(?![\d,])"
    rf"|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?![\d,.])"
    r"|\d{1,3}(?:['’]\d{3})+(?![\d,.])"
    r"|\d[\d,]*(?:\.\d+)?|\.\d+"
)
_SPACE_GROUPS_RE = re.compile(rf"\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+|\d{{1,3}}(?:['’]\d{{3}})+")
# Thousands grouped by commas the two ways guides write them: 155,000 and Indian 47,00,000.
_COMMA_GROUPS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_DOT_GROUPS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DOT_GROUPS_CENTS_RE = re.compile(r"(?P<whole>\d{1,3}(?:\.\d{3})+),(?P<cents>\d{2})")
_SUFFIX = (
    r"thousand|millones|millón|milhões|milhão|miljoen|million|billion|miliar|milyar|mil|crores?|lakhs?|lacs?|lpa"
    r"|juta|ribu|triệu|tỷ|tỉ|nghìn|ngàn|mio\.?|mrd\.?|mn|mm|bn|cr|[kmbl万億만억亿]"
)
# After the number: an ISO code (`150K USD`) or the symbol European guides write there
# (`85.000 €`, `650 000 kr`, `150 K€`).
_TRAILING = r"(?-i:[A-Z]{3})(?![A-Za-z])|[€£₹₽円원₫](?![A-Za-z])|(?-i:kr)\b\.?|(?-i:Kč|zł)(?!\w)"
AMOUNT_RE = re.compile(
    rf"(?P<prefix>[A-Za-z]{{0,3}}[$£€¥₹₪₩]|[₺₱₫₦₴฿]|(?-i:[A-Z]{{3}}|kr\.?|Kr\.?|KR|Rp|RP|zł|R)(?=\s?\d)|Rs\.?)?\s?"
    rf"(?P<number>{_NUMBER})\s?(?P<suffix>{_SUFFIX})?(?![A-Za-z\u00c0-\u024f\u1e00-\u1eff])"  # `1 250 000 Kč`: no K
    rf"(?:\s?(?P<code>{_TRAILING}))?",
    re.IGNORECASE,
)
# `～`/`〜`/`~` between two amounts is a range (`¥8M～¥12M`); before the first it is `about`,
# which never reaches here (the cell reader keeps an approximate figure as written).
# `bis`, `à`, `até`, `tot`: "to" as German, French, Portuguese and Dutch guides write it (`85.000 € bis 102.000 €`)
RANGE_SEPARATOR_RE = re.compile(r"\s*(?:–|—|-|―|‒|−|～|〜|~|to|until|bis|à|até|tot)\s*", re.IGNORECASE)


class MoneyError(ValueError):
    """A figure that cannot be read exactly; the message says why."""


def currency_for_prefix(prefix: str, default: str | None = None) -> str | None:
    """The ISO code for a written prefix such as `S$`, `CHF`, `₹` or `UYU`; None when
    unknown. `kr` is the default currency when that is a krona or krone, else unknown."""
    key = prefix.strip().upper()
    if key in (KRONA, KRONA + "."):
        return default if default in KRONA_CURRENCIES else None
    if key == "$" and default in PESOS:
        return default  # `$95 mil` in a guide whose figures are in Mexican pesos: the peso's own sign
    found = _PREFIXES.get(key)
    if found is None and len(key) == 3 and is_known_currency(key):
        return key
    return found


def is_known_currency(code: str) -> bool:
    """Any ISO 4217 code. The common ones are answered from `CURRENCIES` without Babel,
    whose currency list costs ~30 ms to import and load: a warm start validates every
    figure it shows and must stay fast (bench/lookup.py), so Babel loads only for a code
    outside that table."""
    code = code.upper()
    return code in CURRENCIES or code in _iso_currencies()


@lru_cache(maxsize=1)
def _iso_currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


# Region names that tell which krona or krone `kr` is, for rows that name no currency.
_KRONA_PLACES = {
    "SEK": ("sweden", "stockholm", "gothenburg", "göteborg", "malmö", "malmo", "uppsala", "lund"),
    "NOK": ("norway", "oslo", "bergen", "trondheim", "stavanger"),
    "DKK": ("denmark", "copenhagen", "aarhus", "odense"),
    "ISK": ("iceland", "reykjavik", "reykjavík"),
}


def krona_for(region: str) -> str | None:
    """SEK for `Stockholm`, NOK for `Oslo`...: which currency `kr` means in that region."""
    lowered = region.lower()
    return next((code for code, places in _KRONA_PLACES.items() if any(p in lowered for p in places)), None)


class Money(BaseModel):
    """A whole amount of one currency (no cents: guides and offers speak in whole units)."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    amount: int
    currency: str

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if not is_known_currency(value):
            raise ValueError(f"unknown currency {value!r}")
        return value

    def __str__(self) -> str:
        return format_amount(self.amount, self.currency)


class MoneyRange(BaseModel):
    """A low–high band in one currency, as published (low never above high)."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    low: Money
    high: Money

    @model_validator(mode="after")
    def _ordered_same_currency(self) -> MoneyRange:
        if self.low.currency != self.high.currency:
            raise ValueError(f"mixes currencies {self.low.currency} and {self.high.currency}")
        if self.low.amount > self.high.amount:
            raise ValueError(f"low {self.low} exceeds high {self.high}")
        return self

    @property
    def currency(self) -> str:
        return self.low.currency

    @classmethod
    def of(cls, low: int, high: int, currency: str) -> MoneyRange:
        return cls(low=Money(amount=low, currency=currency), high=Money(amount=high, currency=currency))

    def __str__(self) -> str:
        return format_range(self.low.amount, self.high.amount, self.currency)


def parse_number(number: str, suffix: str | None, currency: str | None = None) -> int:
    """`1.2` + `M` -> 1200000 exactly; Indian grouping (`47,00,000`) is accepted, and dots
    that group thousands (`150.000`, `1.500.000`: no salary has three decimals) when no
    suffix follows, or a scale word of a language that groups with dots (`Rp 1.200 juta`),
    with decimal-comma cents that are whole (`€80.000,00`). Commas anywhere else (`150,5K`,
    a decimal comma) are refused rather than guessed: `$150,5K` is not $1,505,000. `mil`
    is a thousand or a million as `currency` says (scales.mil_factor; a thousand if none)."""
    key, written = (scale_key(suffix) if suffix else None), number
    if key in DOT_GROUPING_WORDS and re.fullmatch(r"\d{1,3},\d{1,2}", number):
        number = number.replace(",", ".")  # `R$ 25,5 mil`, `Rp 1,1 miliar`: a decimal comma before the word
    cents = _DOT_GROUPS_CENTS_RE.fullmatch(number)
    if cents:  # `€80.000,00`: the cents as a decimal, refused below unless they are nothing
        number = f"{cents['whole'].replace('.', '')}.{cents['cents']}"
    if "," in number and not _COMMA_GROUPS_RE.fullmatch(number):
        raise MoneyError(f"{written!r} groups its digits in a way I cannot read for certain")
    digits = number.replace(",", "")
    if _SPACE_GROUPS_RE.fullmatch(number):
        digits = re.sub(rf"[{_GROUP_SPACES}'’]", "", number)
    elif (not suffix or key in DOT_GROUPING_WORDS) and _DOT_GROUPS_RE.fullmatch(number):
        digits = number.replace(".", "")
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:
        raise MoneyError(f"{written!r} is not a number") from exc
    if key:
        factor = (mil_factor(currency) if currency else None) if key == "mil" else None
        value *= factor or SUFFIX_FACTORS[key]
    if value != value.to_integral_value():
        raise MoneyError(f"{written}{suffix or ''} is not a whole amount")
    return int(value)


def parse_amount(text: str, default_currency: str | None = None) -> Money:
    """One amount such as `$155K` or `CHF 120,000`; the currency may come from the context."""
    match = AMOUNT_RE.fullmatch(joined_myriads(text.strip()))
    if not match:
        raise MoneyError(f"{text.strip()!r} is not an amount")
    return _money_from_match(match, default_currency, text)


def _money_from_match(match: re.Match, default_currency: str | None, text: str) -> Money:
    currency = _explicit_currency(match, text, default_currency) or default_currency
    if currency is None:
        raise MoneyError(f"{text.strip()!r} names no currency")
    _check_mil(match, currency, text)
    return Money(amount=parse_number(match["number"], match["suffix"], currency), currency=currency)


def _check_mil(match: re.Match, currency: str, text: str) -> None:
    """`mil` after a figure is read only in a currency whose countries say which it is (scales.mil_factor)."""
    if (match["suffix"] or "").lower() == "mil" and mil_factor(currency) is None:
        raise MoneyError(f"'mil' in {text.strip()!r} may be a thousand or a million; {currency} does not say which")


DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"})
# The pesos written with a bare `$` at home (Mexico, Colombia, Argentina, Chile, Uruguay, the Dominican Republic)
PESOS = frozenset({"MXN", "COP", "ARS", "CLP", "UYU", "DOP"})


def _explicit_currency(match: re.Match, text: str, default: str | None = None) -> str | None:
    """The currency an amount writes itself (`S$`, `CHF`, a trailing `GBP`), if any;
    `kr` is the default's krona or krone."""
    prefix, code = match["prefix"], match["code"]
    currency = None
    if prefix:
        currency = currency_for_prefix(prefix, default)
        if currency is None and prefix.strip().upper() == KRONA:
            raise MoneyError(f"'kr' in {text.strip()!r} may be SEK, NOK, DKK or ISK; the region does not say which")
        if currency is None:
            raise MoneyError(f"unknown currency {prefix.strip()!r} in {text.strip()!r}")
    if code:
        named = code.upper()
        is_code = re.fullmatch(r"[A-Z]{3}", named) is not None
        if is_code and not is_known_currency(named):
            raise MoneyError(f"unknown currency {code!r} in {text.strip()!r}")
        if not is_code:  # a symbol after the number: `85.000 €`, `650 000 kr`
            symbol, named = named, currency_for_prefix(named, default)
            if named is None and symbol.rstrip(".") != KRONA:
                raise MoneyError(f"unknown currency {code!r} in {text.strip()!r}")
            if named is None:
                raise MoneyError(f"'kr' in {text.strip()!r} may be SEK, NOK, DKK or ISK; the region does not say which")
        if currency is not None and named != currency and not (prefix.strip() == "$" and named in DOLLARS):
            raise MoneyError(f"{text.strip()!r} names two currencies")
        # `$150,000 CAD`: a bare dollar sign is whichever dollar the code after the figure names
        currency = named if prefix and prefix.strip() == "$" else currency or named
    return currency


def parse_range(text: str, default_currency: str | None = None) -> MoneyRange:
    """`$155K–$220K`, `155-220K`, `£75,000 to £95,000`, `$1.2M`; a single figure is a
    one-point range. The suffix and currency of one end carry to the other when it
    leaves them out (`$155–220K` is $155K–$220K)."""
    cleaned = joined_myriads(text.strip().strip("*").strip())
    parts = _split_range(cleaned)
    if len(parts) == 1:
        money = parse_amount(parts[0], default_currency)
        return MoneyRange(low=money, high=money)
    low_text, high_text = parts
    low_match, high_match = AMOUNT_RE.fullmatch(low_text), AMOUNT_RE.fullmatch(high_text)
    if not low_match or not high_match:
        raise MoneyError(f"{cleaned!r} is not a range of amounts")
    # An end that leaves out its currency or suffix takes the other end's (`$155–220K`).
    low_currency = _explicit_currency(low_match, low_text, default_currency)
    high_currency = _explicit_currency(high_match, high_text, default_currency)
    if low_currency != high_currency and {low_currency, high_currency} <= DOLLARS:
        # `$150,000 to $175,000 CAD`: the code after the range says which dollar a bare `$` end is
        if _bare_dollar(low_match) and high_match["code"]:
            low_currency = high_currency
        elif _bare_dollar(high_match) and low_match["code"]:
            high_currency = low_currency
    currency = low_currency or high_currency or default_currency
    if currency is None:
        raise MoneyError(f"{cleaned!r} names no currency")
    _check_mil(low_match, low_currency or currency, low_text)
    _check_mil(high_match, high_currency or currency, high_text)
    low_suffix = low_match["suffix"] or _borrowed_suffix(low_match, high_match)
    low = Money(
        amount=parse_number(low_match["number"], low_suffix, low_currency or currency),
        currency=low_currency or currency,
    )
    high_currency = high_currency or currency
    high = Money(amount=parse_number(high_match["number"], high_match["suffix"], high_currency), currency=high_currency)
    short = low.amount < 1000 and low.amount != 0  # `S$0–S$50,000`: nothing is nothing in any unit
    if short and high.amount >= 1000 and not low_match["suffix"] and not _borrowed_suffix(low_match, high_match):
        # `$150-200,000`, `150 - 200 000 kr`: a low end written short beside a high end in full. Its
        # unit cannot be told for sure ($150 or $150,000), so the cell is kept as written.
        raise MoneyError(f"{cleaned!r}: the low end leaves out its unit and the high end is written in full")
    try:
        return MoneyRange(low=low, high=high)
    except ValueError as exc:
        raise MoneyError(_pydantic_reason(exc)) from exc


def _bare_dollar(match: re.Match) -> bool:
    return (match["prefix"] or "").strip() == "$" and not match["code"]


def _borrowed_suffix(low: re.Match, high: re.Match) -> str | None:
    """The high end's suffix for a low end written short (`$155–220K`, `₹20–35L`). A low end
    written in full (`$186,900–$266K`, `£75,000–£95K`, `IDR 150.000.000`, `€80.000,00`) is
    already a whole amount: giving it the K would read $186.9M."""
    number = low["number"]
    if "," in number or _SPACE_GROUPS_RE.fullmatch(number):
        return None
    try:
        short = Decimal(number) < 1000
    except InvalidOperation:  # `150.000.000`: two dots group thousands, a whole amount
        return None
    return high["suffix"] if short else None


def _split_range(text: str) -> list[str]:
    # Split on the first separator that has an amount on both sides; hyphens inside
    # numbers do not occur, so the first separator after a digit is the range's.
    pieces = RANGE_SEPARATOR_RE.split(text, maxsplit=1)
    if len(pieces) == 2 and pieces[0] and pieces[1]:
        return [pieces[0].strip(), pieces[1].strip()]
    return [text]


def _pydantic_reason(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in errors())
    return str(exc)


# --- writing figures -----------------------------------------------------------------


def _exact_decimal(value: Fraction) -> Decimal | None:
    """The value as a terminating decimal, or None when it would repeat forever."""
    den = value.denominator
    for prime in (2, 5):
        while den % prime == 0:
            den //= prime
    if den != 1:
        return None
    return Decimal(value.numerator) / Decimal(value.denominator)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


# The short forms people write: (unit, letter, most decimal places). Thousands take one
# place at most ($222.5K); a figure that would need more ($241.25K) is written in full
# ($241,250): nobody writes $241.25K, and rounding it to $241K would change the figure.
# Millions and lakhs/crores take two ($1.25M, ₹1.25Cr), as people write them.
UNITS = ((1_000_000_000, "B", 2), (1_000_000, "M", 2), (1_000, "K", 1))
INDIAN_UNITS = ((10_000_000, "Cr", 2), (100_000, "L", 2))


def format_amount(amount: int | Fraction, currency: str) -> str:
    """The figure the way people write it: $155K, $222.5K, £75K, CHF 120K, ₹20L, ₹1.2Cr, $1.2M.

    Exact, never rounded: a value the short style cannot show exactly (or would show with
    more places than `UNITS` allows) is written in full ($241,250); a value with no exact
    decimal form (a third of a grant) is prefixed with `≈`.
    """
    return _format_amount(amount, currency)


@lru_cache(maxsize=65536)
def _format_amount(amount: int | Fraction, currency: str) -> str:
    # Cached: replies format the same few hundred figures over and over.
    value = Fraction(amount)
    if currency == "INR":
        return _with_symbol(_scaled_with(value, INDIAN_UNITS), currency)
    return _with_symbol(_scaled_with(value, UNITS), currency)


def format_range(low: int | Fraction, high: int | Fraction, currency: str) -> str:
    if low == high:
        return format_amount(low, currency)
    return f"{format_amount(low, currency)}–{format_amount(high, currency)}"


def _scaled_with(value: Fraction, units: tuple[tuple[int, str, int], ...]) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    for factor, letter, max_places in units:
        if value >= factor:
            scaled = _exact_decimal(value / factor)
            if scaled is not None and -scaled.as_tuple().exponent <= max_places:
                return f"{sign}{_plain(scaled)}{letter}"
            break
    exact = _exact_decimal(value)
    if exact is None:
        return f"≈{sign}{_group(round(value))}"
    if exact == exact.to_integral_value():
        return f"{sign}{_group(int(exact))}"
    return f"{sign}{_group(int(exact))}{_plain(exact - int(exact))[1:]}"


def _group(number: int) -> str:
    return f"{number:,}"


def _with_symbol(number: str, currency: str) -> str:
    approx = number.startswith("≈")
    number = number.removeprefix("≈")
    symbol, is_word = CURRENCIES.get(currency, (currency, True))
    text = f"{symbol} {number}" if is_word else f"{symbol}{number}"
    return f"≈{text}" if approx else text
