"""Utterance normalisation: Slack markup out, quotes and dashes plain, spaces single.

`<@U123>` mentions and `<!channel>` go; `<https://x|label>` keeps its label; `*bold*`,
`_italic_`, `~strike~` and backticks lose their marks. Case is kept: company names in
capitals help tell a rival's name from a plain word.
"""

from __future__ import annotations

import re
import unicodedata

_SLACK_LINK = re.compile(r"<(?:[^<>|]*\|)?([^<>]*)>")
_SLACK_MARK = re.compile(r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)")
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
# A hedge glued to a figure ("180ish", "175k-ish", "180 ish"): the figure as written, the hedge dropped.
_ISH = re.compile(r"(?<=\d)(?P<suffix>[kKmM]?)\s?-?ish\b", re.I)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "×": "x"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    text = _SLACK_LINK.sub(lambda m: "" if m[1].startswith(("@", "!", "#")) else m[1], text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = _SLACK_MARK.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == "\n")
    text = _WITH.sub("with ", text)
    text = _ISH.sub(lambda m: m["suffix"], text)
    text = _BARE_CONTRACTIONS.sub(_apostrophe, text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _apostrophe(match: re.Match) -> str:
    return f"{match[1]}'{match[2]}" if (match[1].lower(), match[2].lower()) in _CONTRACTED else match[0]
