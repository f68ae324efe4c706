"""What a DM asks for, beyond figures: commands, the coaching moves, and out-of-scope topics.

Plain word patterns on purpose: the coach must be predictable, and every pattern here is
exercised by a conversation test.
"""

from __future__ import annotations

import re

from bot.guides.resolve import normalize

HELP = {"help", "usage", "commands", "what can you do", "how does this work", "h", "?"}
START_OVER = {"start over", "restart", "reset", "new offer please", "start again", "clear", "begin again"}
FORGET = {"forget me", "forget", "delete my data", "delete me", "forget everything", "erase me", "delete everything"}
STATUS = {"status", "where are we", "summary", "my case", "what do you know", "what do you have", "recap"}
YES = {"yes", "y", "yes please", "confirm", "yes forget me", "yes delete", "do it", "sure", "ok", "okay", "yep"}

PATTERNS = {
    "scope": r"\b(?:tax(?:es|ed|ation)?|withholding|irs|hmrc|83\s?\(?b\)?|amt|capital gains|"
    r"legal(?:ly)?|lawyer|attorney|non[- ]?compete|nda|visa|"
    r"immigration|h-?1b|green card|sue|lawsuit|contract law|enforceable|employment law)\b",
    "email": r"\b(?:e-?mail|write (?:it|them|back)|written counter|draft|reply to the recruiter|letter)\b",
    "phone": r"\b(?:phone|call|script|talk(?:ing)? points|what (?:do|should) i say|on the phone|conversation)\b",
    "pushback": r"\b(?:fixed|can'?t move|cannot move|won'?t move|will not move|no room|not negotiable|non-?negotiable|"
    r"push(?:ed)?[- ]?back|they said no|said no|budget|maxed|top of (?:the )?band|can'?t go (?:higher|up)|"
    r"cannot go|no flexibility|not flexible|capped|hard cap|won'?t budge|final offer|best (?:they|we) can do|locked)\b",
    "counter": r"\b(?:counter|what should i ask|how much should i ask|ask for|targets?|anchor|walk[- ]?away|"
    r"negotiate)\b",
    "accepted": r"\b(?:accepted|i accept|signed|they said yes|we agreed|deal done|closing|close the deal)\b",
    "correction": r"\b(?:actually|correction|sorry|typo|i meant|mistake|wrong|rather)\b",
    "walk_away": r"\bwalk[- ]?away\b|\bminimum\b|\blowest i(?:'d| would)\b",
    "clarify": r"\b(?:level|vesting|vest|cliff|refreshers?|refresh)\b",
    "offerish": r"\b(?:offer(?:ed)?|got an?|received|package|recruiter|hired)\b",
}
_COMPILED = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in PATTERNS.items()}


def said(name: str, text: str) -> bool:
    return bool(_COMPILED[name].search(text))


def command(text: str) -> str | None:
    """help | start_over | forget | status, when the whole message is that command."""
    words = normalize(text)
    for name, phrases in (("help", HELP), ("start_over", START_OVER), ("forget", FORGET), ("status", STATUS)):
        if words in phrases:
            return name
    if not words and text.strip() == "?":
        return "help"
    return None


def is_yes(text: str) -> bool:
    return normalize(text) in YES


def fixed_part(text: str) -> str:
    """Which part of the offer the company says cannot move: base | equity | sign_on | total."""
    lowered = text.lower()
    if re.search(r"equity|stock|rsus?|options|shares|grant", lowered):
        return "equity"
    if re.search(r"sign[- ]?on|signing", lowered):
        return "sign_on"
    if re.search(r"total|package|overall|everything", lowered):
        return "total"
    return "base"
