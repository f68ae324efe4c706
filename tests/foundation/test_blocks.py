"""Template directives -> Block Kit within Slack's limits; long content splits, never truncates figures."""

from bot.render.blocks import MAX_BLOCKS, MAX_SECTION, build_messages, escape, lead_with, mark_directives


def parse_directives(source: str) -> list[dict]:
    """Blocks of a literal template source (its directive lines marked as compiling does)."""
    from bot.render.blocks import parse_directives as parse

    return parse(mark_directives(source))


def test_directives_become_blocks():
    blocks = parse_directives(
        "::header Title\n::section\nline one\nline two\n::divider\n::field\na\n::field\nb\n::context\nsmall"
    )
    assert [b["type"] for b in blocks] == ["header", "section", "divider", "section", "context"]
    assert blocks[1]["text"]["text"] == "line one\nline two"
    assert [f["text"] for f in blocks[3]["fields"]] == ["a", "b"]


def test_long_sections_split_at_line_boundaries_without_losing_text():
    lines = [f"• figure {i}: $155K–$220K" for i in range(400)]
    blocks = parse_directives("::section\n" + "\n".join(lines))
    assert len(blocks) > 1
    assert all(len(b["text"]["text"]) <= MAX_SECTION for b in blocks)
    assert "\n".join(b["text"]["text"] for b in blocks).split("\n") == lines


def test_more_than_fifty_blocks_continue_in_a_second_message():
    rendered = "\n".join(f"::section\nitem {i}" for i in range(120))
    messages = build_messages(mark_directives(rendered))
    assert [len(m.blocks) for m in messages] == [MAX_BLOCKS, MAX_BLOCKS, 20]
    assert "item 119" in messages[-1].text


def test_a_line_put_first_comes_before_everything_and_the_blocks_split_again():
    reply = build_messages(mark_directives("\n".join(f"::section\nline {i}" for i in range(MAX_BLOCKS))))
    messages = lead_with(mark_directives("::section\n_first_"), reply)
    assert [len(m.blocks) for m in messages] == [MAX_BLOCKS, 1]
    assert messages[0].text.startswith("_first_\nline 0")
    assert messages[1].blocks == reply[0].blocks[-1:]


def test_headers_are_cut_to_150_characters():
    [block] = parse_directives("::header " + "H" * 400)
    assert len(block["text"]["text"]) == 150


def test_escape_neutralises_markup_and_directives():
    assert escape("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;"
    assert escape("a\n::divider") == "a ::divider"


def test_a_line_of_words_ending_in_a_tag_keeps_its_line_break(tmp_path):
    from bot.render.templates import environment

    (tmp_path / "t.j2").write_text(
        "::section\n{% if True %}\n• *Bonus:* none{% if flag %} (none listed){% endif %}\n"
        "{% endif %}\n• next\n::context\nx\n"
    )
    rendered = environment(tmp_path).get_template("t.j2").render(flag=False)
    assert parse_directives(rendered)[0]["text"]["text"] == "• *Bonus:* none\n• next"


def test_a_line_starting_with_a_tag_but_holding_words_keeps_its_line_break(tmp_path):
    from bot.render.templates import environment

    (tmp_path / "t.j2").write_text("::context\n{% if who %}Shared by {{ who }}.{% endif %}\n::divider\n")
    blocks = parse_directives(environment(tmp_path).get_template("t.j2").render(who="me"))
    assert [b["type"] for b in blocks] == ["context"]
    assert blocks[0]["elements"][0]["text"] == "Shared by me."


def test_a_removed_template_cache_folder_costs_speed_not_a_reply(tmp_path):
    from bot.render import templates

    folder = tmp_path / "templates"
    templates.use_bytecode_cache(folder)
    try:
        import shutil

        templates.environment()  # the cache folder is made here
        shutil.rmtree(folder)
        assert templates.render("coach_error.j2").strip()
    finally:
        templates.use_bytecode_cache(None)
