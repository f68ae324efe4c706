"""Any `/comp` text gets a helpful reply, and none of it reaches mrkdwn unescaped."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NASTY = [
    "",
    " ",
    "x" * 5000,
    "<!channel>",
    "<!here> planetscale ml",
    "<@U123> planetscale",
    "planetscale <script>alert(1)</script>",
    "😀🔥 planetscale 💸",
    "\u202eplanetscale\u202c ml",  # bidi override
    "planet\x00scale\x07 ml\x1b[31m",
    "& && &amp; <>",
    "::header injected\n::section pwned",
    '"unterminated quote planetscale',
    "ＰｌａｎｅｔＳｃａｌｅ ｍｌ",  # full-width
]

ENTITY_RE = re.compile(r"&(amp|lt|gt);")


def mrkdwn_texts(message):
    yield message.text
    for block in message.blocks:
        for key in ("text",):
            if key in block:
                yield block[key]["text"]
        for item in block.get("fields", []) + block.get("elements", []):
            yield item["text"]


def assert_escaped(text):
    body = "\n".join(line[1:] if line.startswith(">") else line for line in text.split("\n"))
    assert "<" not in body and ">" not in body, body
    assert "&" not in ENTITY_RE.sub("", body), body


def check(answers, query):
    messages = answers.comp(query)
    assert messages
    for message in messages:
        assert message.text.strip()
        assert message.blocks
        for text in mrkdwn_texts(message):
            assert_escaped(text)


def test_nasty_inputs(answers):
    for query in NASTY:
        check(answers, query)


def test_mentions_are_shown_escaped_not_live(answers):
    text = "\n".join(m.text for m in answers.comp("<!channel> acme"))
    assert "&lt;!channel&gt;" in text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text(answers, query):
    check(answers, query)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(["planetscale", "ml", "remote", "sf", "<!channel>", "&", "<@U1>", '"', "levers", "🙂", "acme"])
        | st.text(alphabet="<>&:*_~`\"' \n\t", max_size=8),
        max_size=8,
    )
)
def test_mixtures_of_real_words_and_markup(answers, words):
    check(answers, " ".join(words))
