"""A guide's own words reach Slack escaped: `&`, `<`, `>` and `<!channel>` in a guide's DNA line,
levers, counter script, level mapping and sources are shown as text, never as markup, a
mention or a link. Checked on the rendered replies (every mrkdwn string of every message),
whatever the renderer does inside.

Kills the mutation that drops the escaping of guide text (`_finalize` in
bot/render/templates.py returning the value unescaped): with it all three tests fail, with
`AssertionError: assert '<!channel>' not in '*ML / AI En...'` (the DNA line `Chips & Dips <!channel>`
raw in the /comp answer and in the coach's evaluation) and the JSON payload lacking `&lt;!channel&gt;`.
"""

from __future__ import annotations

import json
import re

import pytest

from bot.answers import Answers
from bot.coaching.coach import Coach
from bot.store.cases import CaseStore
from bot.store.database import Store

HOSTILE_GUIDE = """\
### ML / AI Engineer | Ampco Global Negotiation Guide

**Negotiation DNA:** Private ($2B Valuation) | Chips & Dips <!channel> | **+15% AI PREMIUM** | Risk > Reward

| Region | Base Salary | Stock (Equity/4yr) | Bonus | Total Comp |
|--------|-------------|---------------------|-------|------------|
| Remote US | $150K–$200K | $80K–$200K | — | $170K–$250K |
| New York | $160K–$210K | $80K–$200K | — | $180K–$260K |

**Level Mapping:** Ampco ML Eng = <!here> L4 & up

**Global Levers**

1. **Rare <Skill> & Scope:** "Tell them <!channel> & <!everyone> that 5 < 6 > 4."
2. **Plain lever:** "No markup here."

> **Negotiate Up Strategy:** "I'm targeting $300K total comp with equity at $200K over 4 years. <!channel> & friends." \
Counter at $180K-$200K equity is competitive <@U0ADMIN>.

**Evidence & Sources**
- [Levels.fyi <!channel> & co](https://example.com/a&b)

## Email to the recruiter

> Hi <!channel> & <@U0ADMIN>,
>
> I'd like **5 < 6 > 4** more.

## Watch outs

- Their <Skill> & <!here> clause
"""

LIVE_MARKUP = (
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U0ADMIN>",
    "<Skill>",
    "5 < 6",
    "Risk > Reward",
    "Chips & Dips",
)
ENTITY = re.compile(r"&(amp|lt|gt);")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Answers:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "ampco").mkdir()
    (folder / "ampco" / "ml-ai-engineer.md").write_text(HOSTILE_GUIDE, encoding="utf-8")
    answers = Answers.load([folder])
    assert not answers.catalog.report.errors
    return answers


def mrkdwn_strings(messages) -> list[str]:
    """Every string Slack would read as mrkdwn or show: message texts and every `text` in the blocks."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for message in messages:
        found.append(message.text)
        walk(message.blocks)
    return found


def assert_no_live_markup(strings: list[str]) -> None:
    for text in strings:
        for markup in LIVE_MARKUP:
            assert markup not in text
        # Outside a leading `>` (a block quote the template writes), no raw `<`, `>` or bare `&`.
        body = "\n".join(line[1:] if line.startswith(">") else line for line in text.split("\n"))
        assert "<" not in body and ">" not in body, body
        assert "&" not in ENTITY.sub("", body), body


def test_comp_replies_show_guide_markup_as_text(hostile):
    band = hostile.comp("ampco ml remote", interactive=True)
    strings = mrkdwn_strings(band)
    assert_no_live_markup(strings)
    everything = "\n".join(strings)
    for shown in (
        "Chips &amp; Dips &lt;!channel&gt;",
        "Risk &gt; Reward",
        "*1. Rare &lt;Skill&gt; &amp; Scope*",
        "Tell them &lt;!channel&gt; &amp; &lt;!everyone&gt; that 5 &lt; 6 &gt; 4.",
        "&lt;!channel&gt; &amp; friends.",
        "competitive &lt;@U0ADMIN&gt;",
        "Ampco ML Eng = &lt;!here&gt; L4 &amp; up",
        "Levels.fyi &lt;!channel&gt; &amp; co",
    ):
        assert shown in everything, shown
    queries = ("ampco ml remote levers", "ampco ml", "ampco", "ampco ml london", "ampco ml script", "ampco ml notes")
    for query in queries:
        assert_no_live_markup(mrkdwn_strings(hostile.comp(query, interactive=True)))


def test_a_coached_offer_shows_guide_markup_as_text(hostile, isolated_environment):
    store = Store.open(None, isolated_environment)
    try:
        coach = Coach(hostile, CaseStore(store))
        said = []
        for text in (
            "I got an offer from Ampco for ML engineer, remote: $160k base, $100k stock over 4 years",
            "counter",
            "phone script",
            "email",
        ):
            said += coach.reply(text, user="U1", team="T1")
        strings = mrkdwn_strings(said)
        assert_no_live_markup(strings)
        everything = "\n".join(strings)
        for shown in (
            "Chips &amp; Dips &lt;!channel&gt;",  # the DNA line (evaluation, phone script)
            "Ampco ML Eng = &lt;!here&gt; L4 &amp; up",  # the level question
            "competitive &lt;@U0ADMIN&gt;",  # where it settles (counter)
            "• *Rare &lt;Skill&gt; &amp; Scope:* [adapt: Tell them &lt;!channel&gt; &amp; &lt;!everyone&gt;",
        ):
            assert shown in everything, shown
    finally:
        store.dispose()


def test_the_blocks_survive_json_as_escaped_text(hostile):
    """The payload Slack receives (JSON) carries the entities, not the characters."""
    payload = json.dumps([m.blocks for m in hostile.comp("ampco ml remote")], ensure_ascii=False)
    assert "&lt;!channel&gt;" in payload and "<!channel>" not in payload


def test_sections_kept_as_written_are_shown_escaped(hostile):
    """The guide's own email and notes (bot/guides/markdown/kept.py) reach Slack as text, their Markdown
    bold as Slack's."""
    script = "\n".join(mrkdwn_strings(hostile.comp("ampco ml script", interactive=True)))
    assert "Hi &lt;!channel&gt; &amp; &lt;@U0ADMIN&gt;," in script
    assert "I'd like *5 &lt; 6 &gt; 4* more." in script
    notes = "\n".join(mrkdwn_strings(hostile.comp("ampco ml notes", interactive=True)))
    assert "• Their &lt;Skill&gt; &amp; &lt;!here&gt; clause" in notes
