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
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "×": "x"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    text = _SLACK_LINK.sub(lambda m: "" if m[1].startswith(("@", "!", "#")) else m[1], text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = _SLACK_MARK.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == "\n")
    return re.sub(r"[ \t]+", " ", text).strip()
