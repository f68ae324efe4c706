"""One band cell: the figure it writes and what the guide wrote around it.

A cell is mostly a range (`$155K–$220K`), but guides also write
- a conversion beside it: `€140,000-€195,000 / $153,000-$213,000` (the first is the figure);
- words after it: `/4yr` (a grant's years), `/yr` (a yearly figure), `/mo` (monthly), `+`
  (an open top), `sign-on`, `PD RSUs`, `equivalent`, `profit sharing`, `(target)`;
- words instead of it: `Discretionary`, `Choose Your Mix`.

`read_cell` returns the figure when it can be read exactly and the cell as written in
every case. A cell it cannot read exactly (words only, a range whose ends are in two
currencies, an unknown currency, a low above the high, words it does not know after the
amount) has no figure and a `problem`: the caller keeps it verbatim, shows it as written,
never computes with it, and warns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from bot.guides.markdown.text import clean_inline
from bot.guides.money import (
    AMOUNT_RE,
    RANGE_SEPARATOR_RE,
    Money,
    MoneyError,
    MoneyRange,
    format_range,
    parse_amount,
    parse_range,
)
from bot.guides.scales import joined_myriads

_AMOUNT = re.sub(r"\(\?P<[a-z]+>", "(?:", AMOUNT_RE.pattern)
_SEPARATOR = RANGE_SEPARATOR_RE.pattern
LEADING_RANGE_RE = re.compile(rf"^(?P<range>(?:{_AMOUNT})(?:{_SEPARATOR}(?:{_AMOUNT}))?)(?P<tail>.*)$", re.I | re.S)
CONVERSION_RE = re.compile(r"\s+/\s+|\s*\(\s*≈\s*|\s*≈\s*")
NOTE_RE = re.compile(r"\([^)]*\)")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10}
GRANT_YEARS_RE = re.compile(
    r"^(?:/\s*|over\s+|per\s+|across\s+)(?P<years>\d+|"
    + "|".join(NUMBER_WORDS)
    + r")\s*-?\s*(?:yr|yrs|year|years|y|jaar|jahre?n?|ans|años|anos)\b\.?",
    re.I,
)
# `1 yr cliff`, `12-month cliff` after a grant: said of its vesting, kept among the words
CLIFF_TAIL_RE = re.compile(r"\b\d+\s*-?\s*(?:yr|yrs|year|years|mo|mos|month|months)\s+cliff\b", re.I)
PER_YEAR_RE = re.compile(
    # `/an`, `/Jahr`, `/jaar`, `/año`, `/rok`: a year as French, German, Dutch, Spanish and Polish guides write it
    r"^(?:/\s*(?:yr|year|annum|y|a|an|jahr|jaar|año|ano|rok)\b|per\s+(?:year|annum)\b|a\s+year\b|annually\b|yearly\b"
    r"|p\.?\s?a\.?(?!\w)"
    # `im Jahr`, `pro Jahr`, `jährlich`, `par an`, `al año`, `por ano`, `ao ano`, `per jaar`
    r"|(?:im|pro)\s+jahr\b|j[äa]hrlich\b|par\s+an\b|(?:al|por)\s+a[ñn]o\b|ao\s+ano\b|per\s+jaar\b)",
    re.I,
)
PER_MONTH_RE = re.compile(
    # `/mån` (Swedish), `/md.` (Danish), `/mnd` (Norwegian), `/Monat`, `/mois`, `/mes`, `/mês` (Portuguese), `/mies.`
    # and `/mc` (Polish)
    r"^(?:/\s*(?:mo|month|mth|m|mån|månad|md|mnd|monat|mois|mes|mês|mies|miesiąc|mc|msc)\b\.?|per\s+month\b|a\s+month\b|monthly\b"
    r"|(?:im|pro)\s+monat\b|monatlich\b|par\s+mois\b|(?:al|por)\s+mes\b|per\s+maand\b"
    r"|p\.?\s?m\.?(?!\w))",
    re.I,
)
# Words a cell may write after its amount without changing what the amount is.
_QUALIFIERS = """sign on signon signing sign-on bonus pd rsu rsus equity options option stock shares equivalent
equiv profit sharing profit-sharing target targeted est estimated approx approximately grant grants cash total
guaranteed annual base salary value range typical typically avg average median new hire initial and or of in
plus incl including vest vesting cliff super superannuation pension emi iso isos nso nsos esop esops vsop conv
converted conversion"""
QUALIFIER_WORDS = frozenset(_QUALIFIERS.split())
SIGN_ON_RE = re.compile(r"\bsign(?:ing)?[- ]?on\b|\bsigning\b", re.I)


@dataclass(frozen=True)
class CellReading:
    """What one cell says: `figure` None means it is kept as text (`problem` says why)."""

    raw: str
    figure: MoneyRange | None = None
    conversion: MoneyRange | None = None
    per: str | None = None  # "year" or "month"
    years: int | None = None
    open_top: bool = False
    words: str | None = None
    problem: str | None = None
    spread: str | None = None  # `1 250 000 Kč ± 10 %`: the figure is the midpoint ± this percent, as written
    scale: str | None = None  # "thousands": bare numbers read in the scale the guide states above its table

    @property
    def plain(self) -> bool:
        """A range and nothing else: nothing to keep beside the figure."""
        return (
            self.scale is None
            and self.figure is not None
            and self.conversion is None
            and self.per is None
            and self.years is None
            and not self.open_top
            and not self.words
            and self.spread is None
        )

    @property
    def sign_on(self) -> bool:
        return bool(self.words and SIGN_ON_RE.search(self.words))


# A footnote mark after the figure (`$140K–$180K¹`, `$190K–$260K[^2]`, `10%[1]`, `€160K*`, `†`): it points
# at a note below the table and says nothing about the amount.
# A bracketed word (`[EUR]`) is no footnote: only `[1]`, `[^2]`, `[^note]`, `[a]` are.
FOOTNOTE_RE = re.compile(r"(?:\[(?:\^\w{1,12}|\d{1,2}|[a-z])\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡§]+)+$")
# `€ 95.000,–`, `CHF 120'000.–`: the `,–` or `.–` says "no cents", as German, Austrian and Swiss guides
# write whole amounts.
NO_CENTS_RE = re.compile(r"(?<=\d)[,.][-–—]{1,2}(?!\d)")
# A rate by the hour or the day after the amount (`75–90 GBP an hour`, `£600/day`, `€80 per hour`, `$95/hr`)
RATE_TAIL_RE = re.compile(r"^(?:(?:an?|per|/)\s*(?P<unit>hour|hr|h|day|d)\b|(?P<word>hourly|daily)\b)", re.I)
# A range whose two ends each say the same period (`AED 45,000/month–AED 55,000/month`): the period said once, after it
PERIOD_ON_BOTH_ENDS_RE = re.compile(
    r"^(?P<low>[^/]*\d[^/]*?)\s*(?P<per>/\s*(?:month|mo|mth|year|yr))(?P<sep>\s*(?:–|—|-|to)\s*)(?P<high>[^/]*\d[^/]*?)"
    r"\s*(?P=per)\s*$",
    re.I,
)
# A range written as its two ends, each named (`€ 48.000 (laag) / € 57.000 (hoog)`, `£80K (low) – £95K (high)`)
_LOW_WORDS = r"low|laag|min\.?|minimum|bas|bajo|baixo|niedrig|m[íi]n\.?|m[íi]nimo"
_HIGH_WORDS = r"high|hoog|max\.?|maximum|haut|alto|hoch|m[áa]x\.?|m[áa]ximo"
LOW_HIGH_RE = re.compile(
    rf"^(?P<low>{_AMOUNT})\s*\((?:{_LOW_WORDS})\)\s*(?:/|–|—|-|to|tot|a|bis)\s*"
    rf"(?P<high>{_AMOUNT})\s*\((?:{_HIGH_WORDS})\)(?P<tail>.*)$",
    re.I | re.S,
)
# An approximate figure or a bound (`~$150K`, `≈`, `c.`, `up to $200K`, `from $120K`): shown as written,
# never taken for the range it is close to.
STRUCK_RE = re.compile(r"~~[^~]*~~")
APPROX_RE = re.compile(r"^(?:~|≈|c\.|ca\.|circa\b|approx\.?|approximately\b|about\b|around\b|roughly\b)", re.I)
BOUND_RE = re.compile(
    r"^(?:up\s+to|upto|max\.?|maximum|min\.?|minimum|from|at\s+least|over|under|<|>|≤|≥)\s*(?=\D?\S*\d|(?-i:[A-Z]{0,3})[^\w\s]{1,2}\s\d|(?-i:[A-Z]{2,3})\s\d)",
    re.I,
)
LEADING_RATE_RE = re.compile(r"^(?P<unit>日額|日給|時給|hourly\s+rate|hourly|day\s+rate|daily\s+rate)\s*:?\s*", re.I)
TOTAL_LEAD_RE = re.compile(r"^(?:総額|合計|計)\s*")
FROM_TO_RE = re.compile(
    rf"^(?:from|von|vanaf|desde)\s+(?=(?:{_AMOUNT})\s*(?:to|bis|tot|à|até|[–—-])\s*(?:{_AMOUNT}))", re.I
)
# `..., vesting over four years` later among a grant's words: its years
VESTING_YEARS_RE = re.compile(
    r"\b(?:vesting|vests|vested)\s+(?:over|across|in)\s+(?P<years>\d+|"
    + "|".join(NUMBER_WORDS)
    + r")\s*-?\s*(?:yr|yrs|year|years|jaar|jahre?n?|ans|años|anos)\b\.?"
    # `4-year vest`; `4年で権利確定` (Japanese: vested over four years)
    r"|\b(?P<years2>\d)\s*-?\s*(?:yr|year)\s+vest(?:ing)?\b|(?P<years3>\d)\s*年(?:間)?で?\s*権利確定",
    re.I,
)
# Words that count shares or tokens, not money: `5,000 options` is no $5,000.
UNITS_RE = re.compile(r"\b(?:options?|shares?|units?|rsus?|psus?|tokens?|coins?)\b", re.I)
# No yearly figure in a band is below this many units of its currency (`100-150` is no $100–$150 salary,
# whatever the writer meant by it); a monthly one may be, so it is allowed ten times less.
SMALLEST_YEARLY = 1_000


@lru_cache(maxsize=32768)
def read_cell(cell: str, currency: str | None) -> CellReading:
    """Cached (readings are frozen): libraries repeat the same cells across many guides."""
    raw = clean_inline(cell)
    # `~~£90,000~~ £95,000`: the struck figure is superseded, the one after it the cell's
    text = STRUCK_RE.sub(" ", raw).strip() if "~~" in raw else raw
    text = text.strip().strip("*").strip()
    text = NO_CENTS_RE.sub("", FOOTNOTE_RE.sub("", text).strip())
    text = joined_myriads(text)  # `1억 1,200만 원`: one amount in ten thousands
    low_high = LOW_HIGH_RE.match(text)
    if low_high:  # `€ 48.000 (laag) / € 57.000 (hoog)`: the two ends, each named
        text = f"{low_high['low']} – {low_high['high']}{low_high['tail']}"
    if re.match(r"^[<~≈]?\s*\d+(?:[.,]\d+)?\s*%", text):
        return CellReading(raw, problem="a percentage, not an amount")
    text = FROM_TO_RE.sub("", text)  # `from $210,000 to $250,000 a year`: a range, not a bound
    text = PERIOD_ON_BOTH_ENDS_RE.sub(r"\g<low>\g<sep>\g<high>\g<per>", text)  # `AED 45,000/month–AED 55,000/month`
    rate = LEADING_RATE_RE.match(text)
    if rate:  # `日額 5.5万〜7万円`, `時給 US$70〜US$95`, `Day rate: €600`: a rate, never a year's pay
        unit = "hour" if rate["unit"].lower() in ("時給", "hourly", "hourly rate") else "day"
        return CellReading(raw, problem=f"a rate by the {unit}: shown as written, never taken for a year's pay")
    text = TOTAL_LEAD_RE.sub("", text)  # `総額 200万〜400万円`: the grant's whole, said before it
    if APPROX_RE.match(text):
        return CellReading(raw, problem="an approximate figure: shown as written")
    if BOUND_RE.match(text):
        return CellReading(raw, problem="a bound, not a range: shown as written")
    first, conversion_text = _split_conversion(text, currency)
    try:
        figure, tail = _leading_range(first, currency)
    except MoneyError as exc:
        return CellReading(raw, problem=str(exc))
    if figure is None:
        return CellReading(raw, problem="no amount in the cell")
    if UNITS_RE.search(tail) and not _names_currency(first):
        return CellReading(raw, problem="a count of shares or tokens, not an amount of money")
    conversion = None
    if conversion_text is not None:
        try:
            conversion, conversion_tail = _leading_range(conversion_text, None)
        except MoneyError:
            conversion, conversion_tail = None, conversion_text
        if conversion is None or _words(conversion_tail.rstrip(")").strip())[1]:
            return CellReading(raw, problem=f"{conversion_text!r} after the figure is not a conversion")
    rate = RATE_TAIL_RE.match(tail.lstrip())
    if rate:
        unit = "hour" if (rate["unit"] or rate["word"]).lower().startswith("h") else "day"
        return CellReading(raw, problem=f"a rate by the {unit}: shown as written, never taken for a year's pay")
    if tail.lstrip().startswith("±"):
        return _midpoint_spread(raw, figure, tail)
    reading, unknown = _tail(tail)
    if unknown:
        return CellReading(raw, problem=f"words after the amount not understood: {unknown!r}")
    smallest = SMALLEST_YEARLY // 10 if reading["per"] == "month" else SMALLEST_YEARLY
    if figure.high.amount < smallest:
        return CellReading(raw, problem=f"{figure} is too small for a pay figure; the unit may be missing")
    return CellReading(raw, figure=figure, conversion=conversion, **reading)


SPREAD_TAIL_RE = re.compile(r"^\s*±\s*(?P<percent>\d{1,2}(?:[.,]\d+)?)\s*%\s*(?P<rest>.*)$", re.S)


def _midpoint_spread(raw: str, figure: MoneyRange, tail: str) -> CellReading:
    """`1 250 000 Kč ± 10 %`: the range from the midpoint less the spread to the midpoint plus it, the cell kept
    beside it so the reply states the formula. Only a single midpoint with nothing after the spread but the
    period, and only when both ends are whole amounts (never rounded); else shown as written."""
    kept = CellReading(raw, problem="a midpoint ± a spread, not a range: shown as written")
    found = SPREAD_TAIL_RE.match(tail)
    if not found or figure.low != figure.high:
        return kept
    reading, unknown = _tail(found["rest"])
    if unknown or reading["words"] or reading["years"]:
        return kept
    spread = Fraction(Decimal(found["percent"].replace(",", "."))) / 100
    ends = [figure.low.amount * (1 - spread), figure.low.amount * (1 + spread)]
    if any(end.denominator != 1 for end in ends):
        return kept
    low, high = (Money(amount=int(end), currency=figure.low.currency) for end in ends)
    percent = found["percent"].replace(",", ".")
    return CellReading(raw, figure=MoneyRange(low=low, high=high), per=reading["per"], spread=percent)


def _names_currency(text: str) -> bool:
    """Whether the amount writes its own currency (`$5,000 in options` does; `5,000 options` does not)."""
    try:
        _leading_range(text, None)
    except MoneyError:
        return False
    return True


def _split_conversion(text: str, currency: str | None) -> tuple[str, str | None]:
    """`€140K-€195K / $153K-$213K` -> the figure's text and the conversion's."""
    outside = re.sub(r"\((?!\s*≈)[^)]*\)", lambda m: "\0" * len(m[0]), text)  # `(includes the AWS / 13th month)`
    found = CONVERSION_RE.search(outside)
    parts = [text[: found.start()], text[found.end() :]] if found else [text]
    if GRANT_YEARS_RE.match("/" + parts[-1]) and len(parts) == 2:
        return text, None  # `A$60k–A$100k / 4 yrs`: the grant's years, no conversion
    if len(parts) == 2 and parts[1] and LEADING_RANGE_RE.match(parts[1]) and any(c.isdigit() for c in parts[1]):
        return parts[0], parts[1]
    return text, None


def _leading_range(text: str, currency: str | None) -> tuple[MoneyRange | None, str]:
    """The range the text starts with, and what follows it; (None, text) when it does
    not start with an amount. A trailing three-letter word that is no currency (`RSU`)
    belongs to the words after the amount, not to it."""
    match = LEADING_RANGE_RE.match(text)
    if not match or not any(c.isdigit() for c in match["range"]):
        return None, text
    range_text, tail = match["range"].strip(), match["tail"]
    try:
        return parse_range(range_text, currency), tail
    except MoneyError as exc:
        word = re.search(r"\s([A-Z]{3})$", range_text)
        if word and "unknown currency" in str(exc):
            return parse_range(range_text[: word.start()], currency), f" {word[1]}{tail}"
        raise


def _tail(tail: str) -> tuple[dict, str]:
    """The words after the amount -> (per, years, open_top, words), and any word not understood."""
    rest = tail.rstrip()
    found: dict = {"per": None, "years": None, "open_top": False, "words": None}
    for _ in range(4):  # `+`, `/yr`, `+` again, in any order
        # A `+` on the amount (`$322K+`) or ending the cell opens the top; one spaced before
        # more words (`$150K/yr + equity`) adds something else and stays among the words.
        if rest.startswith("+") or rest.strip() == "+":
            found["open_top"] = True
            rest = rest.strip()[1:]
            continue
        if rest.lstrip().startswith("+"):
            break
        rest = rest.lstrip()
        years = GRANT_YEARS_RE.match(rest)
        if years:
            written = years["years"].lower()
            found["years"] = NUMBER_WORDS[written] if written in NUMBER_WORDS else int(written)
            rest = rest[years.end() :]
            continue
        year = PER_YEAR_RE.match(rest)
        if year:
            found["per"] = "year"
            rest = rest[year.end() :]
            continue
        month = PER_MONTH_RE.match(rest)
        if month:
            found["per"] = "month"
            rest = rest[month.end() :]
            continue
        break
    later = VESTING_YEARS_RE.search(rest)
    if later and found["years"] is None:
        written = (later["years"] or later["years2"] or later["years3"]).lower()
        found["years"] = NUMBER_WORDS[written] if written in NUMBER_WORDS else int(written)
        rest = re.sub(r",\s*,", ",", rest[: later.start()] + rest[later.end() :]).strip().rstrip(",")
        rest = re.sub(r"\(\s*\)", "", rest).strip()  # `(4年で権利確定)` said only the years
    words, unknown = _words(rest)
    found["words"] = words or None
    return found, unknown


def _words(text: str) -> tuple[str, str]:
    """(the words as written, the first word that is no known qualifier or '')."""
    text = text.strip().strip(",;").strip()
    if not text:
        return "", ""
    plain = CLIFF_TAIL_RE.sub(" ", NOTE_RE.sub(" ", text))
    for word in re.findall(r"[A-Za-z][A-Za-z.'-]*", plain):
        lowered = word.lower().strip(".'")
        if lowered not in QUALIFIER_WORDS and not all(part in QUALIFIER_WORDS for part in lowered.split("-")):
            return text, word
    leftover = re.sub(r"[A-Za-z][A-Za-z.'-]*|\([^)]*\)|[\s,;:&/+–—-]", "", CLIFF_TAIL_RE.sub(" ", text))
    return text, leftover[:20]


# `R$ 20 mil ± 10% (R$ 18 mil a R$ 23 mil)`: a midpoint and a spread, with the range they make written beside
# them. The cell is kept as written (a midpoint ± spread is a formula, never worked out into the band shown);
# the range beside it is only checked against it, so a guide whose two say different things is flagged.
MIDPOINT_RE = re.compile(rf"^(?P<mid>{_AMOUNT})\s*±\s*(?P<percent>\d+(?:[.,]\d+)?)\s*%", re.I)
BESIDE_RANGE_RE = re.compile(rf"\((?P<low>{_AMOUNT})\s*(?:a|to|até|tot|bis|à|[–—-])\s*(?P<high>{_AMOUNT})\s*\)", re.I)


# `SEK 68 000 to SEK 80 000 per month (× 12 = SEK 816 000 to SEK 996 000 a year)`: the year a monthly figure makes,
# written beside it
YEAR_BESIDE_RE = re.compile(
    rf"(?:[×x*]\s*12\s*=|=)\s*(?P<range>(?:{_AMOUNT})(?:{_SEPARATOR}(?:{_AMOUNT}))?)\s*(?:a|per|/)\s*(?:year|yr|annum)",
    re.I,
)


def yearly_mismatch(cell: str, monthly: MoneyRange) -> str | None:
    """What is wrong when the yearly figure written beside a monthly one is not twelve times it; None when it is,
    or when none is written."""
    beside = YEAR_BESIDE_RE.search(clean_inline(cell))
    if beside is None:
        return None
    try:
        said = parse_range(beside["range"], monthly.currency)
    except MoneyError:
        return None
    return twelve_months_mismatch(monthly, said, str(monthly), beside["range"])


def twelve_months_mismatch(
    monthly: MoneyRange,
    yearly: MoneyRange,
    monthly_text: str,
    yearly_text: str,
    months: tuple[Fraction, str] | None = None,
) -> str | None:
    """What is wrong when twelve months of `monthly` (or the months the guide says a year pays, `months`: `×13,33`,
    `(×14)`, `13 Monatslöhne`, `12 × maand + 8% vakantiegeld`) do not make `yearly` (each named as written); None
    when they do, or when the two are in different currencies. A multiplier is used as written (R$ 18.000 × 13,33
    is R$ 239.940); a year that is the twelfth it rounds instead (R$ 18 mil × 13,33 = R$ 240 mil, 13⅓) agrees too."""
    if monthly.currency != yearly.currency:
        return None
    factor, said = months or (Fraction(12), "12")
    for times in dict.fromkeys((factor, factor.limit_denominator(12))):
        if (yearly.low.amount, yearly.high.amount) == (monthly.low.amount * times, monthly.high.amount * times):
            return None
    made_text = format_range(monthly.low.amount * factor, monthly.high.amount * factor, monthly.currency)
    return f"{monthly_text} a month × {said} is {made_text}, but the guide writes {yearly_text} a year"


def year_beside_grant_mismatch(written: str, year: MoneyRange, grant: MoneyRange, years: int) -> str | None:
    """What is wrong when a yearly figure written beside a grant over `years` years (`$35K–$75K` under `Equity / yr`
    beside `$140K–$280K` under `Equity (4yr)`) is not the grant ÷ those years; None when it is, or when the two are
    in different currencies. Neither figure is changed: the caller flags the pair."""
    if grant.currency != year.currency or years < 2:
        return None
    if (grant.low.amount, grant.high.amount) == (year.low.amount * years, year.high.amount * years):
        return None
    divided = format_range(Fraction(grant.low.amount, years), Fraction(grant.high.amount, years), grant.currency)
    return f"{written} a year written beside a grant of {grant} over {years} years: ÷ {years} is {divided}"


# `Salário anual (×13,33)`, `(×14)`, `13 Monatslöhne`, `14 salaries`: the months a year's salary is paid in.
MONTHS_SAID_RE = re.compile(
    r"[×x]\s?(?P<times>1[2-6](?:[.,]\d{1,2})?)\b"
    r"|\b(?P<count>1[2-6])\s+(?:monatsl[öo]hne|monatsgeh[äa]lter|geh[äa]lter|salaries|sal[áa]rios|salarios|mensualit[ée]s"
    r"|pagas|payments|monthly\s+(?:salaries|payments))\b",
    re.I,
)
# `Jaarsalaris (12 × maand + 8% vakantiegeld)`, `12 × Monatsgehalt + 8 % Urlaubsgeld`: twelve months and a holiday
# allowance in percent of them (Dutch, Belgian and German pay), × 12 × 1.08
MONTHS_AND_HOLIDAY_PAY_RE = re.compile(
    r"\b(?P<count>1[2-4])\s*[×x*]\s*(?:maand\w*|month\w*|monat\w*|mois|mes)\s*\+\s*(?P<percent>\d{1,2}(?:[.,]\d+)?)\s*%"
    r"\s*(?:vakantiegeld|vakantietoeslag|urlaubsgeld|holiday\s+(?:pay|allowance)|p[ée]cule\s+de\s+vacances)",
    re.I,
)


def months_said(text: str) -> tuple[Fraction, str] | None:
    """(months as a fraction, as written) when the text says how many months' pay make a year."""
    holiday = MONTHS_AND_HOLIDAY_PAY_RE.search(text)
    if holiday:
        percent = Fraction(Decimal(holiday["percent"].replace(",", ".")))
        return int(holiday["count"]) * (1 + percent / 100), holiday[0]
    found = MONTHS_SAID_RE.search(text)
    if not found:
        return None
    written = found["times"] or found["count"]
    return Fraction(Decimal(written.replace(",", "."))), written


def spread_mismatch(cell: str, currency: str | None) -> str | None:
    """What is wrong when a midpoint ± spread and the range written beside it disagree; None when they agree,
    or when the cell is no such pair."""
    text = clean_inline(cell)
    found = MIDPOINT_RE.match(text)
    beside = BESIDE_RANGE_RE.search(text, found.end()) if found else None
    if beside is None:
        return None
    try:
        mid = parse_amount(found["mid"], currency)
        low, high = (parse_amount(beside[key], currency) for key in ("low", "high"))
    except MoneyError:
        return None
    if len({mid.currency, low.currency, high.currency}) > 1:
        return None
    spread = Fraction(Decimal(found["percent"].replace(",", "."))) / 100
    made = (mid.amount * (1 - spread), mid.amount * (1 + spread))
    if made == (low.amount, high.amount):
        return None
    return (
        f"{found['mid']} ± {found['percent']}% is {format_range(*made, mid.currency)}, but the range written beside it "
        f"is {format_range(low.amount, high.amount, mid.currency)}"
    )


# `75–90 GBP an hour (i.e. 650–720 GBP a day on an 8-hour day)`: an hourly rate with the day rate it makes and the
# hours of that day written beside it. Both stay as written; the day rate is only checked against the hours.
DAY_RATE_BESIDE_RE = re.compile(rf"(?P<range>{_AMOUNT}(?:{_SEPARATOR}{_AMOUNT})?)\s*(?:an?|per|/)\s*day\b", re.I)
HOURS_A_DAY_RE = re.compile(
    r"(?<![\d.,])(?P<hours>\d{1,2}(?:[.,]\d+)?)[- ]?(?:hours?|hrs?|h)[- ]?(?:work(?:ing)?[- ]?)?day\b", re.I
)


def day_rate_mismatch(cell: str, currency: str | None) -> str | None:
    """What is wrong when an hourly rate times the hours of a day is not the day rate written beside it; None
    when they agree, or when the cell is no such pair."""
    text = clean_inline(cell)
    try:
        hourly, tail = _leading_range(text, currency)
    except MoneyError:
        return None
    rate = RATE_TAIL_RE.match(tail.lstrip()) if hourly else None
    day = DAY_RATE_BESIDE_RE.search(tail) if rate and (rate["unit"] or rate["word"]).lower().startswith("h") else None
    hours = HOURS_A_DAY_RE.search(tail, day.end()) if day else None
    if hours is None:
        return None
    try:
        daily = parse_range(day["range"], hourly.currency)
    except MoneyError:
        return None
    length = Fraction(Decimal(hours["hours"].replace(",", ".")))
    made = (hourly.low.amount * length, hourly.high.amount * length)
    if daily.currency != hourly.currency or made == (daily.low.amount, daily.high.amount):
        return None
    return (
        f"{hourly} an hour for a day of {hours['hours']} hours is {format_range(*made, hourly.currency)}, but the day "
        f"rate written beside it is {daily}"
    )


# A number as a cell writes it, and what may follow it that says its scale or that it is no amount.
_NUMBER_RE = re.compile(r"\d[\d,.']*")
_SCALED_AFTER_RE = re.compile(r"\s*(?:[kKmMlL]\b|%|mio|mn|bn|lakh|lpa|cr\b|万|千|만|억|亿|k€|tsd)", re.I)


def in_thousands(cell: str) -> str | None:
    """`85–104`, `€88–€108` in a table whose guide says its figures are in thousands: each number with `K`
    after it (`85K–104K`), for the cell to be read as it means; None when a number already says its scale,
    is a percent, or is 1,000 or more (then the cell means what it writes)."""
    return in_scale(cell, "K")


def in_scale(cell: str, suffix: str) -> str | None:
    """`85–125` under `Base (₩ million)`: each number with the scale's suffix after it (`85M–125M`), as
    `in_thousands` does for thousands; None in the same cases."""
    text = clean_inline(cell)
    numbers = list(_NUMBER_RE.finditer(text))
    if not numbers:
        return None
    for match in numbers:
        digits = match[0].rstrip(".,'")
        if _SCALED_AFTER_RE.match(text, match.start() + len(digits)) or re.search(r"\d[,']\d{3}", digits):
            return None
        try:
            if float(digits.replace(",", ".")) >= 1000:
                return None
        except ValueError:
            return None
    out, at = [], 0
    for match in numbers:  # every number small and bare: each gets its K
        end = match.start() + len(match[0].rstrip(".,'"))
        out += [text[at:end], suffix]
        at = end
    return "".join(out) + text[at:]


def writes_whole(cell: str) -> bool:
    """A number of 1,000 or more with no scale after it (`128,000`): under "in thousands", a cell that says two
    things (128 million, or the guide's scale not meant for it), so it is kept as written."""
    text = clean_inline(cell)
    for match in _NUMBER_RE.finditer(text):
        digits = match[0].rstrip(".,'")
        if _SCALED_AFTER_RE.match(text, match.start() + len(digits)):
            continue
        if re.search(r"\d[,'.\s]\d{3}", digits) or (digits.isdigit() and int(digits) >= 1000):
            return True
    return False


# The hours a year an hourly rate is annualised at, as the guide states its formula: `hourly rate × 2,080 hours`,
# `(hourly × 2,080)`, `$45/hr × 2,080 hrs`
HOURS_A_YEAR_RE = re.compile(
    r"(?:hourly(?:\s+rate)?|rate|/\s*h(?:ou)?r)\s*[×x*]\s*(?P<hours>\d,?\d{3})\b(?!\s*(?:days?|weeks?))", re.I
)
# The one rate an offer is made at, beside a band of rates: `typical offer A$44.00/hr`, `offer at $38 an hour`
OFFER_RATE_RE = re.compile(
    rf"\boffers?\s+(?:(?:of|at|is)\s+)?(?P<rate>{_AMOUNT})\s*(?:/\s*h(?:ou)?r\b|(?:an?|per)\s+hour\b)", re.I
)


def hours_stated(texts: list[str]) -> tuple[int, str] | None:
    """(hours, as written) when the guide states the one number of hours a year its hourly rates make a year at;
    None when it states none, or more than one."""
    found = {m["hours"] for text in texts for m in HOURS_A_YEAR_RE.finditer(clean_inline(text))}
    if len(found) != 1:
        return None
    written = found.pop()
    return int(written.replace(",", "")), written


def annualised_mismatch(rates: str, annual: str, hours: tuple[int, str], currency: str | None) -> str | None:
    """What is wrong when the offer's hourly rate (`typical offer A$42.00/hr`) times the hours the guide states is
    not the annualised figure written for it (`A$87,630`); the formula is said. None when they agree, or when there
    is no one offer rate and one annual amount in the same currency to compare."""
    offer = OFFER_RATE_RE.search(clean_inline(rates))
    try:
        rate = parse_amount(offer["rate"], currency) if offer else None
        year = parse_range(clean_inline(annual), currency)
    except MoneyError:
        return None
    if rate is None or year.low != year.high or year.currency != rate.currency:
        return None
    made = rate.amount * hours[0]
    if made == year.low.amount:
        return None
    made_text = format_range(made, made, rate.currency)
    return f"{offer['rate']} an hour × {hours[1]} hours is {made_text}, but the guide writes {year.low}"
