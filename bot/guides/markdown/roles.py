"""Which role a heading names: a guide's title says its role, and a file may also hold another role's table under a
heading of its own (`#### Analytics Engineer (for comparison)` in a Senior Data Engineer's guide). Those figures are
the other role's: read as levels of the guide they would be shown as this role's band, so they are told apart here.
"""

from __future__ import annotations

import re

from bot.guides.markdown.text import clean_inline

# A role's head words: which half of a title is the role when the company comes first
# (`Lumenfield — Site Reliability Engineer`); guides written role first stay as they are.
ROLE_WORDS_RE = re.compile(
    r"\b(?:engineers?|eng|developers?|dev|scientists?|managers?|designers?|analysts?|architects?|researchers?"
    r"|leads?|directors?|executives?|consultants?|specialists?|administrators?|officers?|recruiters?|writers?"
    r"|marketers?|representatives?|associates?|interns?|heads?\s+of|vp|pm|sre|swe|mle|sde|ds|ae|sdr|cto|cfo"
    r"|programmers?|technicians?|strategists?|economists?|accountants?|counsel|attorneys?|traders?|quants?"
    r"|artists?|animators?|producers?|editors?|nurses?|pharmacists?|physicians?|teachers?|copywriters?"
    r"|engineering"
    # the same heads in the languages guides are written in: `Ingeniero/a de Backend`, `Engenheiro(a) de ML`,
    # `Ingénieur·e DevOps`, `Softwareentwickler`, `Ontwerper`, `Desarrollador`, `Diseñadora`, `Analista`
    r"|ingenier[oa]s?|engenheir[oa]s?|ing[ée]nieur|ingenieur(?:in)?|\w*entwickler(?:in)?|d[ée]veloppeur|desarrollador[a]?"
    r"|desenvolvedor[a]?|ontwerper|dise[ñn]ador[a]?|analista|cient[íi]fic[oa]|cientista|gerente)\b",
    re.I,
)
# Words that say how senior, not which role: `Senior Data Engineer` and `Staff Data Engineer` are one role's levels
SENIORITY_RE = re.compile(
    r"\b(?:senior|sr|staff|principal|junior|jr|mid|entry|lead|founding|distinguished|level|grade"
    r"|(?:l|ic|e|m|p|sde|swe)?-?\d{1,2}|i{1,3}|iv|v)\b",
    re.I,
)
# `(for comparison)`, `— for reference only`: a table shown beside the guide's own, not the guide's
COMPARISON_RE = re.compile(r"\bfor\s+(?:comparison|reference)\b|\bcomparison\s+only\b", re.I)


def role_words(text: str) -> tuple[str, ...]:
    """`Senior Data Engineer` -> ('data', 'engineer'): the words that name the role, without its seniority or the
    words in brackets after it."""
    plain = SENIORITY_RE.sub(" ", re.sub(r"\([^)]*\)", " ", clean_inline(text)))
    return tuple(word.lower() for word in re.findall(r"[^\W\d_]+", plain))


def another_roles_heading(heading: str, role: str, headings: list[str | None]) -> bool:
    """Whether a table's heading names a role other than the guide's `role`, and says the table is not the guide's:
    it is marked as for comparison, or another table's heading names the guide's own role (so which is the
    guide's is told by the guide). Headings naming one role at other seniorities (`Staff Data Engineer`) are
    levels of it, and a heading naming no role (`L4`, `Backend`) says nothing of another role."""
    own = role_words(role)
    words = role_words(heading)
    if not words or words == own or not ROLE_WORDS_RE.search(re.sub(r"\([^)]*\)", " ", heading)):
        return False
    return bool(COMPARISON_RE.search(heading)) or any(h and role_words(h) == own for h in headings)
