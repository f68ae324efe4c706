"""Utterance normalisation: Slack markup out, quotes and dashes plain, spaces single.

`<@U123>` mentions and `<!channel>` go; `<https://x|label>` keeps its label; `*bold*`,
`_italic_`, `~strike~` and backticks lose their marks. Case is kept: company names in
capitals help tell a rival's name from a plain word.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from bot.guides.money import SUFFIX_FACTORS
from bot.guides.scales import LOCAL_SCALE_WORDS

_SLACK_LINK = re.compile(r"<(?:[^<>|]*\|)?([^<>]*)>")
_SLACK_MARK = re.compile(r"(?<!\w)[*_~]+|[*_~]+(?!\w)")
# Backticks hug what they mark ("+`$40k`/yr", "base:`$182k`"): dropped with no space, so the sign and the
# period stay on their figure.
_CODE_MARK = re.compile(r"`+")
# Emoji as Slack sends them (":sweat:", ":+1:", ":flag-gb:"): no words of the message.
_EMOJI_CODE = re.compile(r"(?<![\w:]):[a-z0-9_+'-]+:(?![\w:])", re.I)
# "$250k / 4 yrs": a grant over its years, spaced around the slash.
_SPACED_YEARS_SLASH = re.compile(r"(?<=[\dkKmM])(?:\s+/\s*|\s*/\s+)(?=\d{1,2}\s*(?:yrs?|years?|y)\b)", re.I)
# Contractions typed without the apostrophe ("im", "dont", "cant"): read as written with it, so
# one pattern serves both. Only words that are never anything else ("ill", "id", "were" are left).
_BARE_CONTRACTIONS = re.compile(
    r"\b(i|don|can|won|didn|doesn|isn|wasn|aren|wouldn|couldn|shouldn|haven|hasn|that|what|they|you|there|let)"
    r"(m|t|s|re|ve)\b",
    re.I,
)
_CONTRACTED = {
    ("i", "m"), ("don", "t"), ("can", "t"), ("won", "t"), ("didn", "t"), ("doesn", "t"), ("isn", "t"),
    ("wasn", "t"), ("aren", "t"), ("wouldn", "t"), ("couldn", "t"), ("shouldn", "t"), ("haven", "t"),
    ("hasn", "t"), ("that", "s"), ("what", "s"), ("they", "re"), ("you", "re"), ("there", "s"), ("let", "s"),
    ("i", "ve"), ("they", "ve"), ("you", "ve"),
}  # fmt: skip
# "w/" is "with" ("190k w/ 20k sign-on", "interviewing w/ google").
_WITH = re.compile(r"(?<![\w/])w/(?!o\b)(?=\s|\w)", re.I)
# Chat shorthand read as the words it stands for ("came thru with 184k", "im at 150k rn").
_SHORTHAND = {"thru": "through", "rn": "right now", "atm": "at the moment", "tho": "though", "abt": "about"}
_SHORTHAND_RE = re.compile(r"\b(?:" + "|".join(_SHORTHAND) + r")\b", re.I)
# A list typed on one line with bullets ("base $182k • RSUs $140k • sign-on $20k"): each item its own clause.
_BULLET = re.compile(r"\s*[•◦▪‣]\s*")
# A line Slack shows as a quote ("> Cohere: CAD 230,000 base", the recruiter's words pasted): the words, not the mark.
_QUOTE_MARK = re.compile(r"^[ \t]*>+[ \t]?", re.M)
# Fillers a dictated message keeps ("um so the offer is", "uh four years"): no word of what was said.
_FILLER = re.compile(r"\b(?:u+m+|u+h+m*|e+r+m+|hm+)\b,?\s*", re.I)
# A hedge glued to a figure ("180ish", "175k-ish", "180 ish"): the figure as written, the hedge dropped.
_ISH = re.compile(r"(?<=\d)(?P<suffix>[kKmM]?)\s?-?ish\b", re.I)
# Figures said in words, the way people say pay aloud: "one seventy five" (175k), "a hundred and
# eighty k" (180k), "ninety k", "two hundred thousand". Only the shapes that are figures of pay: a
# hundreds word with a tens word, or words closed by k / thousand / grand; "four years", "one year
# cliff", "a 10% bonus" and a time ("at two thirty") are left as written (bot/understanding/entities.py reads those).
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_U, _T, _TN = "|".join(_UNITS), "|".join(_TENS), "|".join(_TEENS)
_THOUSANDS = r"(?:\s*(?:k\b|thousand\b|grand\b))"
# After "at" or "by" such words are a time ("call at two thirty", "by one fifteen") unless a ceiling or a
# counter names them ("tops out at one ninety", "capped at two twenty", "counter at two ten") or a part follows.
_AT_BEFORE = re.compile(r"\b(?:at|by)\s+$", re.I)
_PAY_AT_BEFORE = re.compile(
    r"\b(?:out|capped|max(?:ed)?|ceiling|counter(?:ing)?|cap|land(?:ed)?|settled?|came\s+in|come\s+in|sits?)"
    r"\s+at\s+$",
    re.I,
)
_PART_AFTER = re.compile(r"\s+(?:base|total|tc|salary|comp|cash|all[\s-]in)\b", re.I)
_SPOKEN_HUNDREDS = re.compile(
    rf"\b(?:(?P<h>a|one|two|three|four|five)\s+hundred(?:\s+(?:and\s+)?(?:(?P<t>{_T})(?:[\s-](?P<u>{_U}))?"
    rf"|(?P<teen>{_TN})|(?P<u2>{_U})))?{_THOUSANDS}"
    rf"|(?P<h2>one|two|three)\s+(?:(?P<t2>{_T})(?:[\s-](?P<u3>{_U}))?|(?P<teen2>{_TN})){_THOUSANDS}?"
    rf"|(?P<t3>{_T})(?:[\s-](?P<u4>{_U}))?{_THOUSANDS}"
    rf"|(?P<h3>one|two|three)\s+oh\s+(?P<u5>{_U}){_THOUSANDS}?)\b",
    re.I,
)
# Any other run of number words ("fourteen thousand five hundred", "forty two lakh", "point one"), put in
# digits only where what follows makes it a figure the entity reader knows: a scale word of its own
# (thousand, lakh, million), then k / grand, a percent, shares, or a currency word. "four years", "one
# year cliff", "at two thirty", "one of them" are left as written.
_SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
           "crore": 10_000_000, "crores": 10_000_000, "million": 1_000_000}  # fmt: skip
_KEPT_SCALES = ("lakh", "lakhs", "lac", "lacs", "crore", "crores", "million")  # the amount reader knows these
_NUMBER = rf"(?:{_U}|{_TN}|{_T}|hundred|thousand|lakhs?|lacs?|crores?|million)"
_WORD_RUN = re.compile(
    rf"\b(?P<run>(?:a\s+(?:hundred|thousand|million|lakh|crore)|point\s+(?:{_U})|{_U}|{_TN}|{_T})"
    rf"(?:(?:[\s-]+(?:and\s+)?|\s+point\s+){_NUMBER})*)\b"
    r"(?=(?P<after>\s*(?:k\b|grand\b|percent\b|per\s?cent\b|%|shares?\b|options?\b|rsus?\b|units\b"
    r"|dollars?\b|bucks\b|pounds?\b|quid\b|euros?\b|rupees\b))?)",
    re.I,
)
# Thousands grouped with spaces, as much of Europe writes them ("168 000 dollars", "€95 000", a narrow
# no-break space being a space once NFKC has run): one number. Only where the last group ends in 00, as
# pay does, so two figures side by side ("170 185") stay two.
_SPACE_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?: \d{3})*? \d00)(?![\d.,%]|\s?[kKmM]\b)")
# Thousands grouped with apostrophes, as Switzerland writes them ("CHF 185'000"): one number.
_APOSTROPHE_GROUPED = re.compile(r"(?<![\d.,'])(\d{1,3})((?:'\d{3})+)(?![\d'])")
# A decimal comma before a suffix ("180,5k", "€85,75k"): a comma followed by fewer than three digits groups
# no thousands, so it is the decimal point much of Europe writes.
_DECIMAL_COMMA = re.compile(
    r"(?<=\d),(\d{1,2})(?=\s?(?:[kKmM]|mil|mill|mn|million|millones|mill[oó]n|milh[ãa]o|milh[õo]es|mio|lakhs?|lacs?|cr(?:ores?)?)\b)",
    re.I,
)
# The same comma in a percent ("7,5 % bonus", "12,5%"): read so, "7,5 %" would be read as 5%. A figure of one
# or two digits only, so a schedule written with commas ("25,25,25,25%") stays a list.
_PERCENT_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,2}),(\d{1,2})(?=\s?(?:%|percent\b|pct\b|per\s+cent\b))", re.I)
# "bass" for "base", as dictation and autocorrect write it: only in a message with a figure in it.
_BASS = re.compile(r"\bbass\b", re.I)
# A share's price in dollar words ("12 dollars a share", "20 bucks each"): the sign, as a typed price writes it.
# Elsewhere the words stay, so a reply quoting "5 dollars" quotes what was typed.
_DOLLAR_WORDS = re.compile(
    r"(?<![\w.,$])(\d[\d,.]*)\s*(?:dollars?|bucks)\b(?=\s*(?:(?:a|per|/)\s*share\b|each\b))", re.I
)
# "2 hundred grand", "1 hundred and eighty thousand": a digit before the spoken scale (dictation writes some numbers
# as digits), put as its word so the number words around it are read as one figure
_DIGIT_BEFORE_HUNDRED = re.compile(r"(?<![\d.,])([1-9])\s+(?=hundred\b)", re.I)
_DIGIT_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "1,200万円", "1.5億円": yen counted in Japanese myriads (万 ten thousand, 億 a hundred million: the guides' own
# factors, bot/guides/money.py), put as the yen they are; without the yen sign (万 is Chinese too) the figure is put
# in digits and its currency left unsaid
_MYRIAD_RE = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<unit>[万億亿])(?:\s?(?P<yen>円))?"
)
# "p.a." (per annum) read as the words, so its dots end no sentence ("£95,000 p.a. base").
_PER_ANNUM = re.compile(r"(?<!\w)p\.\s?a\.?(?!\w)", re.I)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "×": "x"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    text = _SLACK_LINK.sub(lambda m: "" if m[1].startswith(("@", "!", "#")) else m[1], text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = _QUOTE_MARK.sub("", text)
    text = _EMOJI_CODE.sub(" ", text)
    text = _CODE_MARK.sub("", text)
    text = _SLACK_MARK.sub(" ", text)
    text = _SPACED_YEARS_SLASH.sub("/", text)
    text = _BULLET.sub(", ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == "\n")
    text = _WITH.sub("with ", text)
    text = _FILLER.sub("", text).strip() or text  # "hmm" alone is said, not filler
    text = _SHORTHAND_RE.sub(lambda m: _SHORTHAND[m[0].lower()], text)
    text = _ISH.sub(lambda m: m["suffix"], text)
    text = _BARE_CONTRACTIONS.sub(_apostrophe, text)
    text = _MYRIAD_RE.sub(_myriads, text)
    text = _DIGIT_BEFORE_HUNDRED.sub(lambda m: _DIGIT_WORDS[int(m[1])] + " ", text)
    text = _SPOKEN_HUNDREDS.sub(_spoken, text)
    text = _WORD_RUN.sub(_number_words, text)
    text = _SPACE_GROUPED.sub(lambda m: m[1] + m[2].replace(" ", ""), text)
    text = _APOSTROPHE_GROUPED.sub(lambda m: m[1] + m[2].replace("'", ""), text)
    text = _DECIMAL_COMMA.sub(r".\1", text)
    text = _PERCENT_DECIMAL_COMMA.sub(r"\1.\2", text)
    if re.search(r"\d", text):
        text = _BASS.sub("base", text)
    text = _DOLLAR_WORDS.sub(lambda m: "$" + m[1].replace(" ", ""), text)
    text = _PER_ANNUM.sub("per annum", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _myriads(match: re.Match) -> str:
    """`1,200万円` -> `¥12,000,000`: the figure in whole units, exactly (a decimal that leaves a fraction of a unit is
    kept as written)."""
    unit = match["unit"]
    value = Decimal(match["n"].replace(",", "")) * (SUFFIX_FACTORS.get(unit) or LOCAL_SCALE_WORDS[unit])
    if value != value.to_integral_value():
        return match[0]
    return f"{'¥' if match['yen'] else ''}{int(value):,}"


def _apostrophe(match: re.Match) -> str:
    return f"{match[1]}'{match[2]}" if (match[1].lower(), match[2].lower()) in _CONTRACTED else match[0]


def _spoken(match: re.Match) -> str:
    """The figure in digits, in thousands: "one seventy five" and "a hundred and eighty k" -> "175k", "180k"."""
    word = {k: (v or "").lower() for k, v in match.groupdict().items()}
    if (word["h2"] or word["h3"]) and not re.search(r"k|thousand|grand", match[0][-8:], re.I) and _a_time(match):
        return match[0]
    hundreds = word["h"] or word["h2"]
    value = (1 if hundreds in ("a", "") else _UNITS[hundreds]) * 100 if hundreds else 0
    value += _TENS.get(word["t"] or word["t2"] or word["t3"], 0)
    value += _TEENS.get(word["teen"] or word["teen2"], 0)
    value += _UNITS.get(word["u"] or word["u2"] or word["u3"] or word["u4"] or word["u5"], 0)
    if word["h3"]:
        value = _UNITS[word["h3"]] * 100 + _UNITS[word["u5"]]
    return f"{value}k"


def _a_time(match: re.Match) -> bool:
    """'at two thirty' is a time; 'tops out at one ninety' and 'at two ten base' are pay."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    return bool(_AT_BEFORE.search(before)) and not _PAY_AT_BEFORE.search(before) and not _PART_AFTER.match(after)


def _number_words(match: re.Match) -> str:
    """A run of number words in digits where it is a figure (see `_WORD_RUN`), else as written."""
    words = re.findall(r"[a-z]+", match["run"].lower())
    after = (match["after"] or "").strip().lower()
    scales = [word for word in words if word in _SCALES and word != "hundred"]
    if not scales and not after:
        return match[0]
    if after.startswith(("percent", "per", "%")) and words[-1] == "hundred":
        return match[0]  # "a hundred percent sure"
    whole, group, decimals = 0, 0, ""
    for index, word in enumerate(words):
        if word == "point":
            decimals = "".join(str(_UNITS[w]) for w in words[index + 1 :] if w in _UNITS)
            break
        if word in _SCALES:
            if word == "hundred":
                group = (group or 1) * 100
            elif word in _KEPT_SCALES and index == len(words) - 1:
                group = group or 1  # "a million": one of them, never none
                break  # "forty two lakh": the amount reader takes the scale word itself
            else:
                whole, group = whole + (group or 1) * _SCALES[word], 0
        elif word != "a" and word != "and":
            group += _UNITS.get(word) or _TEENS.get(word) or _TENS.get(word, 0)
    digits = str(whole + group) + (f".{decimals}" if decimals else "")
    if decimals and not (whole + group):
        digits = f"0.{decimals}"
    if words[-1] in _KEPT_SCALES:
        return f"{digits} {words[-1]}"
    return digits
