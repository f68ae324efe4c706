"""Pay talk typed fast, read as the words it stands for: before any rule reads a message.

People type offers with one thumb: "ofr: b172k e90k stok", "190k/150k/25k b/e/s", "sallary 178k + 15%
bonous", "base 175->185". Each rule here rewrites one such habit into the words the entity and intent
rules already read ("offer: base 172k equity 90k stock", "190k base, 150k equity, 25k sign-on"), so those
rules stay written once. Nothing here guesses a figure: figures are only moved next to the words that
name them, never changed.

Misspelt pay words are put right by edit distance (one slip: a letter missing, doubled, swapped or
wrong) against the words of pay, but only in words of five letters or more that are none of the
ordinary words one slip away from them ("based", "stack", "bones", "offers").
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from bot.understanding.loanwords import translate

# Abbreviations and slips common enough to be listed: whole words, any case.
_WORDS = {
    "ofr": "offer", "offr": "offer", "ofer": "offer", "ofrs": "offers", "ofrd": "offered", "offrd": "offered",
    "ofered": "offered", "bns": "bonus", "bonous": "bonus", "tgt": "target", "relo": "relocation",
    "optns": "options", "opts": "options", "stok": "stock", "stk": "stock", "pkg": "package", "eq": "equity",
    "bse": "base", "sched": "schedule", "qtrly": "quarterly", "clif": "cliff", "shld": "should", "shd": "should",
    "wat": "what", "wut": "what", "wrk": "work", "frm": "from", "aftr": "after", "othr": "other", "hav": "have",
    "b4": "before", "ovr": "over", "sry": "sorry", "thx": "thanks", "ans": "answer", "signd": "signed",
    "mentiond": "mentioned", "offerd": "offered", "recruitr": "recruiter", "recrutier": "recruiter",
    "currnt": "current", "compting": "competing", "revisd": "revised", "u": "you", "ur": "your", "r": "are",
    "n": "and", "w/o": "without", "yoe": "years of experience", "shud": "should", "wud": "would", "cud": "could",
    "mgr": "manager",
}  # fmt: skip
_WORDS_RE = re.compile(
    r"(?<![\w/])(?:" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + r")(?![\w/$])", re.I
)  # never a currency's letters ("R$")
# "wtf is a cliff?": a question, asked with feeling (an exclamation, "wtf, they cut my base", stays one)
_WTF_ASKING_RE = re.compile(r"\bwt[fh](?=\s+(?:is|are|does|do|was|were|did)\b)", re.I)
# "singing bonus": the autocorrect of "signing bonus" (only beside "bonus": singing is a word)
_SINGING_RE = re.compile(r"\bsinging(?=\s+bonus)", re.I)
# "sing on bonus", "a bigger sing on", "15k sing on": a phone's autocorrect of "sign on", read so only where pay is
# meant (beside "bonus", a figure, or a word that sizes it: singing on stage stays singing)
_SING_ON_RE = re.compile(
    r"(?:(?<=\d)|(?<=\d[kK])|\b(?:the|a|bigger|higher|more|larger|smaller|any|no|my|their))\s+sing(?=[\s-]?on\b)"
    r"|\bsing(?=[\s-]?on\s+bonus\b)",
    re.I,
)
# "60k RSI", "RSI taxed when they vest": a phone's autocorrect of "RSU", read so beside a figure or a word of grants
# (a repetitive strain injury is no figure's neighbour)
_RSI_RE = re.compile(
    r"(?:(?<=\d)|(?<=\d[kK])|\bin)\s+RSIs?\b|\bRSIs?(?=\s+(?:vest|vests|vesting|are|grant|over|taxed|refresh)\b)", re.I
)
# "base of 180 comma plus 60k", dictated: the word for the mark, put as the mark
_SPOKEN_COMMA_RE = re.compile(r"(?<=\d)\s+comma\b|(?<=\d[kK])\s+comma\b", re.I)
# Words of pay that a slip may be made in, and the ordinary words one slip away from them.
_PAY_WORDS = (
    "salary", "equity", "bonus", "signing", "stock", "options", "offer", "offered", "recruiter", "competing",
    "current", "currently", "revised", "relocation", "target", "vesting", "shares", "package", "counter", "base",
)  # fmt: skip
_REAL_WORDS = frozenset(
    {
        "based", "bases", "basis", "basic", "basel", "stack", "stick", "stuck", "bones", "bonds", "bogus", "offers",
        "office", "offset", "counted", "county", "country", "current", "currents", "shared", "sharer", "target",
        "targets", "options", "option", "revise", "revises", "revived", "package", "packages", "singing", "completing",
        "share", "location", "locations", "allocation", "comparing", "compared", "compare",
    }
)  # fmt: skip
_LONG_WORD_RE = re.compile(r"\b[a-z]{5,}\b", re.I)
# A figure glued to the pay word after it ("185kbase", "20ksign on").
_GLUED_AFTER_RE = re.compile(
    r"(?<=\d[kKmM])(?=(?:base|sign|signing|bonus|equity|stock|rsus?|options|tc|ctc|total|salary|relocation)\b)", re.I
)  # a pay word only: "20kfoo" stays a word no rule reads
_LETTER_THEN_FIGURE = re.compile(
    r"(?<![\w/.$])([bBeE])\s?([$£€]?\d(?:[\d,.]*\d)?\s?[kKmM]?(?:/\d{1,2}\s?(?:y|yrs?|years?)\b)?)(?![\w.])"
)
# "b" and "e" alone beside figures: base and equity ("182k b", "b 210k e 400k/4y", "bumped b by 10k").
_PART_LETTER_RE = re.compile(r"(?<![\w/.$])([bBeE])(?![\w/.'])")
# A letter that names something else after these words ("plan b", "series b", "option e"): never a part.
_LETTER_NAMED_RE = re.compile(r"\b(?:plan|series|option|type|class|grade|round|part|section|vitamin)\s+$", re.I)
# Figures in a row, then their parts in the same order: "190k/150k/25k b/e/s", "190k/140k/25k (base/equity/signing)".
_FIG = r"[$£€]?\d(?:[\d,.]*\d)?\s?[kKmM]?"
_PART = r"(?:signing(?:\s+bonus)?|sign[- ]?on|salary|equity|stock|rsus?|options|bonus|base|s/o|eq|b|e|s)(?![a-z])"
_ROW_RE = re.compile(
    rf"(?P<figs>{_FIG}(?:\s*/\s*{_FIG}){{1,3}})\s*\(?\s*(?P<parts>(?:{_PART})(?:\s*/\s*(?:{_PART})){{1,3}})\s*\)?",
    re.I,
)
_PART_NAMES = {"b": "base", "e": "equity", "s": "sign-on", "s/o": "sign-on", "eq": "equity"}
# "base 175->185", "15k->25k": the figure it became, from the one before (read as a replaced figure)
_ARROW_RE = re.compile(rf"(?P<old>{_FIG})\s*(?:-+>|→|=>)\s*(?P<new>{_FIG})")
_SIGN_ON_SLASH_RE = re.compile(r"\bs/o\b", re.I)


_AT_SIGN_RE = re.compile(r"(?<=\s)@\s*(?=[A-Za-z])")  # "210k @ datadog": at, never a mention (those are gone)


def expand(text: str, names: frozenset[str] = frozenset()) -> str:
    """`text` with typed shorthand and slips put as the words they stand for (see the module docstring);
    `names`, the companies the conversation is about, put right the same way ("plnaetscale", "planetscle")."""
    text = translate(text)  # phrases of another language, as English (bot/understanding/loanwords.py)
    text = _WORDS_RE.sub(lambda m: _WORDS[m[0].lower()], text)
    text = _AT_SIGN_RE.sub("at ", text)
    text = _SINGING_RE.sub("signing", text)
    text = _WTF_ASKING_RE.sub("what", text)
    text = _SING_ON_RE.sub(lambda m: m[0][:-4] + "sign", text)
    text = _RSI_RE.sub(lambda m: m[0][: m[0].lower().rindex("rsi")] + ("RSUs" if m[0][-1] in "sS" else "RSU"), text)
    text = _SPOKEN_COMMA_RE.sub(",", text)
    vocabulary = _PAY_WORDS + tuple(name for name in names if " " not in name)
    text = _LONG_WORD_RE.sub(lambda m: _put_right(m[0], vocabulary), text)
    text = _ROW_RE.sub(_row, text)
    text = _ARROW_RE.sub(lambda m: f"{m['new']} from {m['old']}", text)
    text = _SIGN_ON_SLASH_RE.sub("sign-on", text)
    if re.search(r"\d|\b[bBeE]\s+(?:is|was|by|locked|fixed)\b", text):
        text = _GLUED_AFTER_RE.sub(" ", text)
        # "b172k e90k", "b 210k e 400k": the part's word put after its figure, where no other part word can claim it
        text = _LETTER_THEN_FIGURE.sub(_figure_then_part, text)
        text = _PART_LETTER_RE.sub(_part_of_letter, text)
    return text


def _named_letter(match: re.Match) -> bool:
    return bool(_LETTER_NAMED_RE.search(match.string, 0, match.start()))


def _figure_then_part(match: re.Match) -> str:
    if _named_letter(match):
        return match[0]
    return f"{match[2]} {'base' if match[1].lower() == 'b' else 'equity'}"


def _part_of_letter(match: re.Match) -> str:
    if _named_letter(match):
        return match[0]
    return "base" if match[1].lower() == "b" else "equity"


def _row(match: re.Match) -> str:
    figures = [f.strip() for f in match["figs"].split("/")]
    parts = [p.strip() for p in re.split(r"\s*/\s*(?!o\b)", match["parts"])]
    if len(figures) != len(parts):
        return match[0]
    return ", ".join(
        f"{figure} {_PART_NAMES.get(part.lower(), part)}" for figure, part in zip(figures, parts, strict=True)
    )


def _put_right(word: str, vocabulary: tuple[str, ...]) -> str:
    lower = word.lower()
    if lower in _REAL_WORDS or lower in vocabulary:
        return word
    for right in vocabulary:
        if right[0] != lower[0]:
            continue  # a slip is rarely in the first letter ("location" is no "relocation")
        limit = 2 if len(right) >= 9 else 1
        if abs(len(right) - len(lower)) <= limit and OSA.distance(lower, right, score_cutoff=limit) <= limit:
            return right
    return word
