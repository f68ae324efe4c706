"""What a band table's words say before any figure is read: the kind of pay a column or row names (`column_kind`,
by its head noun, in the languages guides are written in), the period a header gives, a region's cell and its
currency, the names people use for a region, and a grant counted in shares.

The band readers (bot/guides/markdown/tables.py) and the list, grid and sheet readers beside them all read headers
and cells through these, so a word is read one way whatever the layout.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Protocol

from bot.guides.markdown.brackets import without_bracket_year
from bot.guides.markdown.cells import FOOTNOTE_RE, read_cell
from bot.guides.markdown.text import clean_inline
from bot.guides.markdown.units import without_unit
from bot.guides.model import CASH_PARTS_RE, Bonus, ExtraFigure, PercentRange
from bot.guides.money import MoneyError, currency_for_prefix, is_known_currency, krona_for

# A cell that says there is none: a dash, or `none` in the languages guides are written in (`geen`, `não`, `keine`)
DASHES = {
    "—", "–", "-", "n/a", "none", "", "—%", "0", "0%", "geen", "não", "nao", "ninguno", "ninguna", "nenhum", "keine",
    "kein", "aucun", "aucune", "no",
}  # fmt: skip


class Reporter(Protocol):
    errors: list

    def error(self, line: int | None, where: str, message: str) -> None: ...
    def warn(self, line: int | None, where: str, message: str) -> None: ...


# --- column headers -----------------------------------------------------------------------

# `4yr`, `4 Jahre`, `4 años`; `4年` (Japanese: `ストックオプション（4年総額）`, the whole grant over four years)
YEARS_RE = re.compile(
    r"(\d+)\s*-?\s*(?:(?:yr|yrs|year|years|y|jahre?|ans?|años|anos|anni|år|ar|lata|lat|jaar)\b|年(?!\d))", re.I
)
YEAR_ONE_RE = re.compile(r"\b(?:yr|year|y)\s*-?\s*(?:1|one)\b|\b(?:first|1st)[- ](?:year|yr)\b", re.I)
REGION_WORDS = (
    "region", "location", "market", "city", "geo", "office", "country", "site", "hub", "standort", "stadt", "ville",
    "lieu", "ubicación", "ciudad", "pays", "país", "pais", "land", "paese", "ort", "拠点", "勤務地", "所在地", "地域",
    "localisation", "localização", "localizacao", "região", "regiao", "cidade", "regione", "città", "sede", "miasto",
    "lokalizacja", "stad", "plats", "région", "región", "regio",
)  # fmt: skip
# Japanese headers, read by their words (no letters to read a head noun from): `月給` monthly pay, `年額（基本給）` the
# yearly base, `賞与` the bonus, `株式（RSU）` stock, `契約金` a sign-on, `年収（総額）` the total
JAPANESE_KINDS = (
    ("総報酬", "total"), ("年収", "total"), ("月給", "base"), ("月額", "base"), ("基本給", "base"), ("年額", "base"),
    ("給与", "base"), ("賞与", "bonus"), ("ボーナス", "bonus"), ("株式", "stock"), ("ストックオプション", "stock"),
    ("契約金", "sign_on"), ("サインオン", "sign_on"),
)  # fmt: skip
# Head nouns of a column header, read from its last word back (`Fidelity Profit-Based RSU`
# is stock: its head noun is RSU, and `Based` is no `base`).
HEAD_NOUNS = {
    "salary": "base",
    "base": "base",
    "pay": "base",
    "gross": "base",  # `Monthly gross`, `Annual gross (monthly × 14)`: the gross salary, by the month or the year
    "bonus": "bonus",
    "bonuses": "bonus",
    "incentive": "bonus",
    "sti": "bonus",  # a short-term incentive
    "stock": "stock",
    "equity": "stock",
    "rsu": "stock",
    "rsus": "stock",
    "option": "stock",
    "options": "stock",
    "shares": "stock",
    "grant": "stock",
    "esop": "stock",
    "esops": "stock",
    "grants": "stock",
    "psu": "stock",
    "psus": "stock",
    "fixgehalt": "base",  # German: fixed salary
    "gehalt": "base",
    "grundgehalt": "base",
    "fixed": "base",  # `Fixed`, `Fixed (INR)`: the fixed pay of an Indian offer, beside its variable
    "vsop": "stock",  # virtual stock option plan
    "fixe": "base",  # French: fixed pay
    "salaire": "base",
    "bspce": "stock",  # French founders' share warrants
    "aga": "stock",  # French free shares
    "actions": "stock",
    "esos": "stock",
    "comp": "total",
    "compensation": "total",
    "tc": "total",
    "package": "total",
    # Spanish, Portuguese and Dutch, read without their accents (`Salário-base`, `Participação`, `Basissalaris`)
    "salario": "base",
    "sueldo": "base",
    "salaris": "base",
    "basissalaris": "base",
    "bono": "bonus",
    "plr": "bonus",  # Brazil's profit sharing (participação nos lucros e resultados), paid as a bonus
    "lucros": "bonus",
    "acciones": "stock",
    "opciones": "stock",
    "opcoes": "stock",
    "participacao": "stock",  # a stake in the company
    "certificaten": "stock",  # Dutch depositary receipts of shares (STAK)
    "aandelen": "stock",
    "opties": "stock",
    "aandelenopties": "stock",
    "maandsalaris": "base",  # Dutch compounds: `Bruto maandsalaris`, `Jaarsalaris (12 × maand + 8% vakantiegeld)`
    "jaarsalaris": "base",
    # Swedish and Polish (`Månadslön`, `Årslön`, `Personaloptioner`; `Wynagrodzenie miesięczne`, `Premia`, `Opcje`,
    # and `Rocznie`, "yearly", the salary's column beside a monthly one)
    "lon": "base",
    "manadslon": "base",
    "arslon": "base",
    "grundlon": "base",
    "personaloptioner": "stock",
    "optioner": "stock",
    "aktier": "stock",
    "wynagrodzenie": "base",
    "pensja": "base",
    "rocznie": "base",
    "premia": "bonus",
    "opcje": "stock",
    "akcje": "stock",
}
# Words that make a bonus one paid on signing (`Bono de firma`, `Bônus de contratação`, `Tekenbonus`)
SIGN_ON_WORDS = {"firma", "contratacao", "contratacion", "assinatura", "bienvenue", "tekenbonus", "welkomstbonus"}
# Words that make a total one of cash alone (`Total Cash`, `Total anual em dinheiro`, `Totaal contant`)
CASH_WORDS = {"cash", "dinheiro", "efectivo", "contant"}
# A contractor's rate (`Hourly`, `Day rate`, `Daily rate`, `Rate`): the contractor's pay
CONTRACT_RATE_RE = re.compile(r"^(?:(?:day|daily|hourly|hour|contract(?:or)?)[- ]?rates?|hourly|daily|rates?)$")
# A 13th month's pay (`13e maand`, `13th month`, `13º salário`): a bonus of one month's salary
THIRTEENTH_MONTH_RE = re.compile(
    r"\b1[34](?:e|th|º|°|o|\.)?\s*(?:maand|month|mes|m[eê]s|mois|monatsgehalt|sal[áa]rio)\b", re.I
)


def column_kind(header: str) -> str:
    """base, stock, bonus, sign_on, total, total_year1 (`Total Comp (Yr 1)`), combined
    (`Stock/Bonus`: two components in one figure), region or extra, by the header's head
    noun rather than any word in it."""
    text = clean_inline(header)
    lowered = text.lower()
    if CASH_PARTS_RE.search(text):
        return "extra"  # `年収（基本給＋賞与）`: base and bonus without equity, no total comp (RegionBand.cash_differs)
    if not lowered.startswith(REGION_WORDS):
        japanese = next((kind for word, kind in JAPANESE_KINDS if word in text), None)
        if japanese:
            # `SO 年額 (per year)`: stock options by their initials; `年収 Total cash`, `月給 Monthly base`:
            # the English beside the Japanese says more (a total of cash alone is no total comp)
            if re.search(r"(?<![A-Za-z])SO(?![A-Za-z])", text):
                return "stock"
            latin = re.sub(r"[^\x00-\x7f]+", " ", re.sub(r"\(.*?\)", " ", text)).strip()
            if re.search(r"[A-Za-z]{2,}", latin):
                latin_kind = column_kind(latin)
                if latin_kind != "extra" or CASH_WORDS & set(re.findall(r"[a-z]+", latin.lower())):
                    return latin_kind
            return japanese
    if lowered.startswith(REGION_WORDS) or any(part.strip().startswith(REGION_WORDS) for part in lowered.split("/")):
        return "region"  # `Region`, `Location (currency)`, `Desk / Region`
    main = _unaccented(re.sub(r"\(.*?\)", " ", lowered))
    words = re.findall(r"[a-z]+", main)
    if THIRTEENTH_MONTH_RE.search(lowered):
        return "bonus"
    if CONTRACT_RATE_RE.match(main.strip()):
        return "base"  # a contractor's rate is the pay a base salary is for others; read_cell keeps it as written
    parts = [part for part in re.split(r"\s*/\s*|\s+\+\s+|\s+&\s+|\s+and\s+", main) if part.strip()]
    if NOT_A_BAND_PART & set(words):
        return "extra"
    if re.match(r"(?:share|stake|percent(?:age)?|%)\s+of\s+(?:the\s+)?company\b", lowered):
        return "stock"  # `Share of company`: a stake, kept as written (a percent is no amount)
    if set(words) & PACKAGE_WORDS and set(words) <= PACKAGE_WORDS | PERIOD_WORDS:
        return "total"  # `Package annuel`, `Annual package`: the whole package a year (`Relocation package` is none)
    if {
        "total",
        "totaal",
        "tc",
        "ctc",
        "jahrespaket",
        "gesamtpaket",
        "gesamtvergutung",
        "totale",
        "totalt",
        "razem",
    } & set(words):
        if CASH_WORDS & set(words):
            return "extra"  # `Total Cash`: base and bonus without equity, no total comp
        if _grant_total(main, words):
            return "stock"  # `Stock Grant, 4 yrs total`: the whole grant over its years, no total comp
        years = YEARS_RE.search(text)
        if years and int(years[1]) > 1:
            return "extra"  # `Total Comp (4yr)`: four years' worth, no yearly total
        return "total_year1" if YEAR_ONE_RE.search(text) else "total"
    if any(word.startswith("sign") for word in words) or SIGN_ON_WORDS & set(words):
        return "sign_on" if len(parts) == 1 else "extra"  # `Sign-on / Relocation`: one figure for both
    if len(parts) > 1:
        kinds = {_head_kind(part) for part in parts} - {"extra"}
        if len(kinds) > 1:
            return "combined"
    return _head_kind(main)


# Words that make a total one of pay (`Total Comp incl. stock`), and words that add a part to it (`incl.`, `with`)
PAY_WORDS = {"comp", "compensation", "tc", "ctc", "package", "pay", "remuneration", "earnings", "ote"}
INCLUDING_WORDS = {"incl", "including", "inc", "with", "plus"}
PACKAGE_WORDS = {"package", "paquete", "pacote", "pakket", "paket"}
PERIOD_WORDS = {"annual", "annuel", "anual", "yearly", "annuale", "jahrlich", "jaarlijks", "per", "year", "an", "ano"}
# Words that make a column something beside the band's own parts, kept with its label: a refresh grant
# is no initial grant, a retention bonus no yearly target bonus, variable pay or commission no salary.
NOT_A_BAND_PART = {"refresh", "refresher", "refreshers", "retention", "variable", "commission", "commissions"}
# A header that says its figures are monthly (`Base (monthly)`, `Monthly Salary`), or, for stock, yearly
# (`Annual Equity`, `Stock (per year)`): its cells are read so unless they say otherwise.
MONTHLY_HEADER_RE = re.compile(
    r"\bmonthly\b|\bper\s+month\b|/\s*mo(?:nth)?\b|\bmonth\b|\bmensal\b|\bmensual\b|\bmensuel\b|\bmonatlich\b"
    r"|\bmaandelijks\b|\bper\s+maand\b|\bmaand(?:salaris|loon)\b|月給|月額|\bm[åa]nads|\bmiesi[ęe]czn|\bmensile\b",
    re.I,
)
YEARLY_STOCK_HEADER_RE = re.compile(
    r"\bannual(?:ized|ised)?\b|\byearly\b|\bper\s+(?:year|annum|jaar)\b|/\s*yr\b|\bpar\s+an\b|\bpro\s+jahr\b"
    r"|\bj[äa]hrlich\b|\bpor\s+a[ñn]o\b|\bal\s+a[ñn]o\b|\bao\s+ano\b",
    re.I,
)


def header_period(label: str, kind: str) -> str | None:
    """The period a header gives its figures; a footnote mark after it (`Equity / yr¹`) is no part of its words, nor
    is a year it says of its brackets (`RSU Grant (3 yrs; per year in brackets)`: the column is the grant's)."""
    label = without_bracket_year(FOOTNOTE_RE.sub("", label))
    if THIRTEENTH_MONTH_RE.search(label):
        return None  # `13th month`: a bonus of a month's pay, paid once a year
    if _yearly_of_months(label):
        return "year" if kind == "stock" else None
    if MONTHLY_HEADER_RE.search(label):
        return "month"
    if kind == "stock" and YEARLY_STOCK_HEADER_RE.search(label):
        return "year"
    return None


def _yearly_of_months(label: str) -> bool:
    """`Annual gross (monthly × 14)`: a yearly header whose brackets say how the months make it; the month in the
    brackets is the formula's, not the figures' period."""
    outside = re.sub(r"\(.*?\)", " ", label)
    return bool(YEARLY_STOCK_HEADER_RE.search(outside)) and not MONTHLY_HEADER_RE.search(outside)


def _grant_total(main: str, words: list[str]) -> bool:
    """`Stock Grant, 4 yrs total`, `Total equity`: "total" said of a grant, every part the header names being stock;
    never a total of pay (`Total Comp incl. stock`, `Total = base + bonus + yearly equity`)."""
    parts = {HEAD_NOUNS[word] for word in words if word in HEAD_NOUNS}
    return parts == {"stock"} and not (PAY_WORDS | INCLUDING_WORDS) & set(words) and not re.search(r"[+=]", main)


def _unaccented(text: str) -> str:
    """`salário-base` -> `salario-base`: header words looked up as they are spelt without accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _head_kind(text: str) -> str:
    for word in reversed(re.findall(r"[a-z]+", text)):
        if word in HEAD_NOUNS:
            kind = HEAD_NOUNS[word]
            return "extra" if kind == "total" else kind
    return "extra"


# `over`, `across`, and the same word in the languages guides are written in (`RSUs a 4 años`, `em 4 anos`, `über`)
GRANT_SPAN_TAIL_RE = re.compile(
    r"\s*[-–—,;:]?\s*(?:total\s+|whole\s+grant\s+)?(?:over|across|a|en|em|sur|über|uber|op|in)$", re.I
)
TOTAL_GRANT_WORDS_RE = re.compile(
    r"total(?:t|e|es)?|gesamt|łącznie|lacznie|totaal|whole\s+grant|grant\s+total|総額|合計", re.I
)


# `valeur estimée`, `estimated value`, `geschätzter Wert`, `valor estimado`, `geschatte waarde`: a grant's worth
ESTIMATED_VALUE_RE = re.compile(
    r"(?:valeur|value|wert|valor|waarde)(?:\s+(?:estim[ée]e|estimated|est\.?|estimad[oa]))?"
    r"|(?:estimated|est\.?|gesch[äa]tzter|geschatte)\s+(?:value|wert|waarde)",
    re.I,
)


def stock_column(header: str) -> tuple[str, int | None]:
    """`Stock (Equity/4yr)` -> ('Equity', 4); `RSU (4yr)` -> ('RSU', 4);
    `Equity (Options/RSU est.)` -> ('Options/RSU est.', None)."""
    text = without_unit(clean_inline(header))  # `(₩ million)` says the figures' unit, no name
    years_match = YEARS_RE.search(text)
    years = int(years_match[1]) if years_match else None
    inner = re.search(r"\(([^)]*)\)", text)
    kind = ""
    if inner:
        kind = YEARS_RE.sub("", without_bracket_year(inner[1])).strip(" /,;-")
        kind = GRANT_SPAN_TAIL_RE.sub("", kind)  # `options – total over 4 years`: the span said, no name
        if TOTAL_GRANT_WORDS_RE.fullmatch(kind.strip()):
            kind = ""  # `Opcje (łącznie, 3 lata)`, `Stock options (total, 4 anos)`: "the whole grant", no name
        if YEARLY_STOCK_HEADER_RE.fullmatch(kind.strip()) or MONTHLY_HEADER_RE.fullmatch(kind.strip()):
            kind = ""  # `Equity (per year)`, `BSPCE (par an)`: the brackets say when, the name is outside them
        if ESTIMATED_VALUE_RE.fullmatch(YEARLY_STOCK_HEADER_RE.sub("", kind).strip()):
            kind = ""  # `BSPCE (valeur estimée par an)`: what the figure is worth and when, the name outside them
    if not kind:
        kind = re.sub(r"\(.*\)", "", text).strip()
    return kind, years


# --- cells ----------------------------------------------------------------------------------

CURRENCY_IN_CELL_RE = re.compile(r"\((?P<code>[A-Z]{3})\)")
# `10–15%`, `12.5%`, and a decimal comma as European guides write it (`7,5 %`)
PERCENT_RE = re.compile(r"^(?P<low>\d+(?:[.,]\d+)?)\s*%?\s*(?:(?:[–—-]|to)\s*(?P<high>\d+(?:[.,]\d+)?))?\s*%")


# Emoji in a region cell (`Berlin 🇩🇪 (EUR)`): flags and pictographs, no part of the region's name.
EMOJI_RE = re.compile(
    "[\U0001f1e6-\U0001f1ff\U0001f300-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]+"
)


def region_cell(cell: str) -> tuple[str, str | None]:
    """`:gb: **London (GBP)**` -> ('London', 'GBP'); `Berlin 🇩🇪 (EUR)` -> ('Berlin', 'EUR')."""
    text = FOOTNOTE_RE.sub("", clean_inline(EMOJI_RE.sub(" ", cell))).strip()
    code = None
    match = CURRENCY_IN_CELL_RE.search(text) or CODE_ON_ITS_LINE_RE.search(text)
    if match and is_known_currency(match["code"]):
        code = match["code"]
        text = (text[: match.start()] + text[match.end() :]).strip()
    return text, code


# `<td><strong>London</strong><br>GBP</td>` (its lines joined by "; "): the code on a line of its own
CODE_ON_ITS_LINE_RE = re.compile(r";\s*(?P<code>[A-Z]{3})\s*$")


VARIABLE_RE = re.compile(r"\bvariable\b", re.I)


def is_blank(cell: str) -> bool:
    return clean_inline(cell).lower() in DASHES


def percent_bonus(text: str) -> Bonus | None:
    """`10–15%`, `12.5% target` -> a percent bonus; None when the cell is no percentage."""
    match = PERCENT_RE.match(text)
    if not match:
        return None
    low, high = (Decimal(number.replace(",", ".")) for number in (match["low"], match["high"] or match["low"]))
    if low > high:
        return None
    return Bonus(kind="percent", percent=PercentRange(low=low, high=high), raw=text)


# `até 2 salários (R$ 36.000 – R$ 48.000)`, `年2回・計4ヶ月分（220万円〜280万円）`, `30 días ($95 mil – $120 mil)`: a
# bonus said in months or days of salary, its amount written in brackets after the words
WORDS_THEN_AMOUNT_RE = re.compile(r"^(?P<words>[^()]+?)\s*\((?P<amount>[^()]+)\)$")


def bracketed_bonus(cell: str, currency: str | None) -> Bonus | None:
    """The amount a bonus cell writes in brackets after words that are no amount (months or days of salary), as
    written, with the cell kept whole beside it; None when the cell is no such pair, or the words write an amount
    themselves (then the bracket may be anything: a conversion, a note)."""
    text = clean_inline(cell)
    found = WORDS_THEN_AMOUNT_RE.match(text)
    if not found or CURRENCY_TOKEN_RE.search(found["words"]) or read_cell(found["words"], currency).figure:
        return None
    reading = read_cell(found["amount"], currency)
    return Bonus(kind="amount", amount=reading.figure, raw=text) if reading.plain else None


def extra_figure(label: str, cell: str, currency: str | None) -> ExtraFigure:
    """A column or row the model has no slot for, kept as written, with its figure when
    it reads as a plain one (a relocation allowance does; `remote-friendly` does not)."""
    value = None
    if not is_blank(cell):
        reading = read_cell(cell, currency)
        value = reading.figure if reading.figure is not None and not reading.per else None
        bracketed = bracketed_bonus(cell, currency) if reading.figure is None else None
        value = bracketed.amount if bracketed else value  # `Aguinaldo`: `30 días ($95 mil – $120 mil)`
    return ExtraFigure(name=label, raw=clean_inline(cell), value=value)


CURRENCY_TOKEN_RE = re.compile(r"[A-Z]{0,3}[$£€¥₹₪₩]|[₺₱₫₦₴฿]|\b[A-Z]{3}\b|\b(?:kr|Kr|Rp)(?=\s?\d)")


DOLLAR_CODE_AFTER_RE = re.compile(r"\d\s*[kKmM]?\s+(CAD|AUD|NZD|SGD|HKD|USD)\b")


def first_currency(cells: list[str], region: str = "") -> str | None:
    """The currency of the first amount that names one, for rows that name it only once;
    `kr` is the krona or krone the region's name tells (see `money.krona_for`)."""
    krona = krona_for(region)
    for cell in cells:
        dollar = DOLLAR_CODE_AFTER_RE.search(cell)
        if dollar and "$" in cell:  # `$150,000 to $175,000 CAD`: the code says which dollar
            return dollar[1]
        for token in CURRENCY_TOKEN_RE.findall(clean_inline(cell)):
            code = currency_for_prefix(token, krona)
            if code:
                return code
    return krona


def region_aliases(name: str) -> list[str]:
    """Names a person may use for a region beyond its own: `San Francisco HQ` -> san francisco, hq."""
    lowered = name.lower()
    aliases = []
    core = re.sub(r"\b(hq|headquarters|office|studio|campus|hub)\b|\(.*?\)", "", lowered).strip(" -,")
    if core and core != lowered:
        aliases.append(core)
    if HEADQUARTERS_RE.search(lowered):
        aliases.append("hq")
    city = re.match(r"^([^,(]{2,40}),\s*[A-Za-z .]{2,30}$", name)  # `Edinburgh, UK`: the city without its country
    if city and city[1].strip().lower() not in aliases:
        aliases.append(city[1].strip().lower())
    for other in OTHER_NAME_RE.findall(name):  # `Praha (Prague)`: the city's other name
        if not HEADQUARTERS_RE.search(other.lower()) and other.lower() not in aliases:
            aliases.append(other.lower())
    remote = REMOTE_FROM_RE.match(lowered)
    if remote:  # `Remoto — Portugal`, `Remoto desde Colombia`: remote from a place, and the place alone
        aliases += [f"remote {remote['place']}", remote["place"]]
    # `東京 Tokyo (HQ)`, `大阪 Osaka`: a place named in two scripts answers to each
    scripts = re.match(r"^([^\x00-\x7f(]+?)\s+([A-Za-z][A-Za-z .'-]{1,40}?)\s*(?:\(.*\))?$", name.strip())
    if scripts:
        aliases += [alias for alias in (scripts[2].strip().lower(), scripts[1].strip()) if alias not in aliases]
    return aliases


# A place's other name in brackets, capitalised and four letters or more (`Praha (Prague)`, `London (Shoreditch)`);
# not a country code (`Remote (US)`) nor a word about the office (`(hoofdkantoor)`)
OTHER_NAME_RE = re.compile(r"\((?!remote\b|hq\b)([A-Z][a-zà-ÿ]{3,}(?: [A-Z][a-zà-ÿ]+)?)\)")
# The headquarters as guides in other languages say it (`(hoofdkantoor)`, `(oficinas centrales)`, `(siège)`)
HEADQUARTERS_RE = re.compile(r"\b(?:hq|headquarters|hoofdkantoor|oficinas\s+centrales|si[èe]ge|hauptsitz|zentrale)\b")
REMOTE_FROM_RE = re.compile(
    r"^(?:remoto|remota|remote)\s*(?:[—–:-]\s*|\s(?:desde|from|a\s+partir\s+de|vanuit|aus|depuis)\s+)(?P<place>[^()]+?)\s*$"
)


SHARES_RE = re.compile(
    r"^(?P<low>\d[\d,]*)\s*(?:(?:–|—|-|to)\s*(?P<high>\d[\d,]*)\s*)?(?P<unit>options|shares|units|rsus|sh\b\.?)\b",
    re.I,
)


# A header that says its cells count shares (`Options (shares)`, `# of options`, `Share count`): a plain number under it
# (`64,000–128,000`) is a count, never money in the guide's currency
SHARE_COUNT_HEADER_RE = re.compile(
    r"\((?:shares|options|units|#|count|no\.?)\)|#\s*(?:of\s+)?(?:options|shares|units|rsus)\b"
    r"|\b(?:share|option|unit|rsu)\s+count\b|\bnumber\s+of\s+(?:options|shares|units|rsus)\b",
    re.I,
)
PLAIN_COUNT_RE = re.compile(r"^\d[\d,]*\s*(?:(?:–|—|-|to)\s*\d[\d,]*)?\s*$")


def parse_shares(cell: str, header: str = "") -> tuple[int, int] | None:
    """`15,000 – 30,000 options` -> (15000, 30000): a grant counted in shares, not money; a plain
    `64,000–128,000` too under a header that says it counts shares (`Options (shares)`)."""
    written = clean_inline(cell)
    if SHARE_COUNT_HEADER_RE.search(header) and PLAIN_COUNT_RE.match(written):
        written += " shares"
    match = SHARES_RE.match(written)
    if not match:
        return None
    low = int(match["low"].replace(",", ""))
    high = int((match["high"] or match["low"]).replace(",", ""))
    if low > high:
        unit = "shares" if match["unit"].lower().startswith("sh") else match["unit"].lower()  # `sh`: shares
        raise MoneyError(f"low {low:,} exceeds high {high:,} {unit}")
    return low, high


def stock_row_kind(label: str) -> tuple[str, int | None]:
    """`RSU Grant (4-yr vest)` -> ('RSU', 4); `Options (4-yr vest)` -> ('Options', 4)."""
    text = clean_inline(label)
    years_match = YEARS_RE.search(text)
    years = int(years_match[1]) if years_match else None
    kind = YEARLY_STOCK_HEADER_RE.sub("", re.sub(r"\(.*?\)", "", text))  # `equity / yr`: the name is `equity`
    kind = re.sub(r"\b(grant|grants|value|award|package|est\.?|estimated|annual)\b", "", kind, flags=re.I)
    return re.sub(r"\s+", " ", kind).strip(" /,-") or "Equity", years
