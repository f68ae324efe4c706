"""Markdown split into the few block kinds guides use, each with its line number.

Guides are simple Markdown: headings, paragraphs, pipe tables, lists and block quotes.
A full CommonMark parser would lose the line numbers error messages need and would not
understand guide conventions such as a bold-only paragraph acting as a heading, so this
small splitter keeps exactly what the section readers need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bot.guides.markdown.text import as_shown, clean_inline
from bot.guides.markdown.wiki import is_wiki, wiki_as_markdown

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_RE = re.compile(r"^(?:={3,}|-{3,})$")
# `- item`, `1. item`, and the bullets a Word document pasted as text keeps (`·<TAB>item`, `•<TAB>item`)
LIST_ITEM_RE = re.compile(r"^\s*(?:(?P<number>\d+)[.)]|[-*+]|[•·](?=\s))\s+(?P<text>.*)$")
# A house section's name alone on its line, neither `#` nor bold (a Word document pasted as text): its heading
HOUSE_SECTION_RE = re.compile(
    r"^(?:(?:global\s+)?levers|negotiation\s+dna|counter\s+script|(?:evidence\s*(?:&|and)\s*)?sources"
    r"|negotiate[- ]up\s+strategy|level\s+mapping|compensation|pay\s+bands)$",
    re.I,
)
TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Block:
    kind: str  # heading | paragraph | table | list | quote
    line: int
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)  # tables: header first
    row_lines: list[int] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # lists
    item_lines: list[int] = field(default_factory=list)
    item_indents: list[int] = field(default_factory=list)  # lists: each item's indent, for lists nested in lists
    ordered: bool = False
    raw: str = ""  # paragraphs, quotes and code: the lines as written (`text` joins them into one)
    info: str = ""  # code: the word after the opening fence (`json`, `yaml`), lower-case
    stated_currency: str | None = None  # tables: a currency said once above them ("All figures CAD")
    stated_thousands: bool = False  # ... and its scale ("All figures are GBP in thousands (£k)")
    stated_exceptions: bool = False  # ... with rows allowed another ("unless a row is marked €")
    stated_points: str | None = None  # tables: the middle's name when every cell is said to be low / mid / high
    # tables: each place's currency, said in a legend ("France et Belgique : en euros (EUR). Suisse : ... (CHF)")
    place_currencies: tuple[tuple[str, str], ...] = ()
    # tables: the footnote under the table a mark on a header cell points at (`Equity†`: "† Equity is the yearly
    # vesting value ..."), by the header cell as written; and the one a mark on a row's place points at
    # (`São Paulo[^2]`), by the row's line (footnotes.with_footnotes)
    column_notes: tuple[tuple[str, str], ...] = ()
    row_notes: tuple[tuple[int, str], ...] = ()
    # tables: cells a note under the table replaces (notes.with_note_overrides): (row line, header cell, the cell as
    # the row writes it, the note as written); the row holds the note's figure in its place
    overrides: tuple[tuple[int, str, str, str], ...] = ()
    # tables: the paragraphs right under them, as written (what they say of a place: notes.none_said)
    words_under: tuple[str, ...] = ()


WIKI_HEADER_RE = re.compile(r"^\s*\|\|.*\|\|\s*$")
# `> [!NOTE]` (GitHub), `> [!example] Counter Script` (Obsidian, whose callouts are of any kind and may be titled)
CALLOUT_RE = re.compile(r"^\[![A-Za-z][\w-]{1,20}\][+-]?\s*", re.I)
DETAILS_RE = re.compile(r"^</?(?:details|aside)(?:\s[^>]*)?>$", re.I)
SUMMARY_RE = re.compile(r"^<summary>(?P<text>.*?)</summary>$", re.I)


def split_cells(line: str) -> list[str]:
    """`| a | b |` -> ['a', 'b']; escaped pipes (`\\|`) stay inside their cell."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [cell.strip().replace("\\|", "|") for cell in cells]


HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def parse_blocks(text: str) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # `<!-- old London row: £85k ... -->`: an editor's note, never shown where the guide is read; left out, its
    # lines kept as blank lines so every later line keeps its number
    text = HTML_COMMENT_RE.sub(lambda m: "\n" * m[0].count("\n"), text) if "<!--" in text else text
    text = wiki_as_markdown(text) if is_wiki(text) else text  # a Confluence paste (wiki.py)
    lines = text.split("\n")
    blocks: list[Block] = []
    index = _front_matter(lines, blocks)
    while index < len(lines):
        line = lines[index]
        number = index + 1
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        heading = HEADING_RE.match(stripped)
        if heading:
            blocks.append(Block("heading", number, text=heading[2], level=len(heading[1])))
            index += 1
            continue
        underline = SETEXT_RE.match(lines[index + 1].strip()) if index + 1 < len(lines) else None
        if underline and not stripped.startswith(("|", ">", "-", "*", "`")) and "|" not in stripped:
            # `Pay bands` over `---------` (or `===`): a heading written the other Markdown way
            blocks.append(Block("heading", number, text=stripped, level=1 if underline[0][0] == "=" else 2))
            index += 2
            continue
        if WIKI_HEADER_RE.match(stripped):
            # `|| Region | Base ||` (a Confluence header, as wiki.py writes it) over `|cell|cell|` rows: no rule between
            table = Block("table", number, rows=[split_cells(stripped[1:-1])], row_lines=[number])
            index += 1
            while (
                index < len(lines) and lines[index].strip().startswith("|") and not WIKI_HEADER_RE.match(lines[index])
            ):
                table.rows.append(split_cells(lines[index]))
                table.row_lines.append(index + 1)
                index += 1
            blocks.append(table)
            continue
        bare = _bare_table_starts(lines, index)  # `Region | Base Salary` over `---|---`: pipes only between cells
        if (stripped.startswith("|") or bare) and index + 1 < len(lines) and TABLE_RULE_RE.match(lines[index + 1]):
            table = Block("table", number)
            table.rows.append(split_cells(stripped))
            table.row_lines.append(number)
            index += 2
            while index < len(lines) and (
                lines[index].strip().startswith("|") or (bare and "|" in lines[index] and lines[index].strip())
            ):
                table.rows.append(split_cells(lines[index]))
                table.row_lines.append(index + 1)
                index += 1
            blocks.append(table)
            continue
        if stripped.startswith(">") and _quoted_table_starts(lines, index):
            # A table inside a block quote (`> | Region | Base Salary |`): read as a table.
            table = Block("table", number)
            table.rows.append(split_cells(_unquote(stripped)))
            table.row_lines.append(number)
            index += 2
            while index < len(lines) and _unquote(lines[index].strip()).startswith("|"):
                table.rows.append(split_cells(_unquote(lines[index].strip())))
                table.row_lines.append(index + 1)
                index += 1
            blocks.append(table)
            continue
        if stripped.startswith(">"):
            quoted = []
            while index < len(lines) and lines[index].strip().startswith(">"):
                if quoted and _quoted_table_starts(lines, index):
                    break  # `> **Bands**` then `> | Region | ... |`: the table is read as one
                quoted.append(lines[index].strip()[1:].strip())
                index += 1
            if quoted and CALLOUT_RE.match(quoted[0]):  # `> [!NOTE]`: GitHub's callout; its kind is no text
                title = CALLOUT_RE.sub("", quoted[0]).strip()
                # `> [!example] Counter Script (Pittsburgh HQ)`: an Obsidian callout's title labels what it holds
                quoted[0] = f"**{title}:**" if title and len(quoted) > 1 and "*" not in title else title
            blocks.append(Block("quote", number, text=" ".join(q for q in quoted if q), raw="\n".join(quoted).strip()))
            continue
        if DETAILS_RE.match(stripped):
            index += 1  # `<details>`, `</details>`: a collapsible section's frame; its summary is its heading
            continue
        summary = SUMMARY_RE.match(stripped)
        if summary:
            blocks.append(Block("heading", number, text=re.sub(r"<[^>]+>", "", summary["text"]).strip(), level=3))
            index += 1
            continue
        if stripped.lower().startswith("<table"):
            # an HTML table, as some authors paste one: its rows, `rowspan` carried down (html_table)
            end = next((i for i in range(index, len(lines)) if "</table>" in lines[i].lower()), len(lines) - 1)
            rows = html_table("\n".join(lines[index : end + 1]))
            if rows:
                blocks.append(Block("table", number, rows=rows, row_lines=[number] * len(rows)))
                index = end + 1
                continue
        if stripped.startswith("```"):
            # a fenced block (an email written out): its lines as written, never read for figures; a ```csv
            # block of places is a table (bot/guides/markdown/datablocks.py)
            end = next((i for i in range(index + 1, len(lines)) if lines[i].strip().startswith("```")), len(lines))
            body = "\n".join(lines[index + 1 : end]).strip("\n")
            info = stripped[3:].strip().lower()
            table = None
            if info == "csv":
                from bot.guides.markdown.datablocks import csv_table  # it reads columns: imported where needed

                table = csv_table("\n".join(lines[index + 1 : end]), number)
            blocks.append(table or Block("code", number, text=" ".join(body.split()), raw=body, info=info))
            index = end + 1
            continue
        pasted = _pasted_sheet(lines, index)
        if pasted is not None:
            blocks.append(pasted)
            index += len(pasted.rows)
            continue
        item = LIST_ITEM_RE.match(line)
        if item:
            block = Block("list", number, ordered=item["number"] is not None)
            while index < len(lines):
                current = lines[index]
                match = LIST_ITEM_RE.match(current)
                if current.strip().startswith("|") and index + 1 < len(lines) and TABLE_RULE_RE.match(lines[index + 1]):
                    break  # a table right under an item (`- Bands:` then `  | Region | ... |`) is a table
                if match:
                    block.items.append(match["text"].strip())
                    block.item_lines.append(index + 1)
                    block.item_indents.append(len(current.expandtabs(4)) - len(current.expandtabs(4).lstrip()))
                elif current.strip() and current.startswith((" ", "\t")) and block.items:
                    block.items[-1] += " " + current.strip()  # continuation line
                else:
                    break
                index += 1
            blocks.append(block)
            continue
        paragraph = [stripped]
        index += 1
        while index < len(lines):
            following = lines[index].strip()
            if (
                not following
                or HEADING_RE.match(following)
                or following.startswith(("|", ">"))
                or LIST_ITEM_RE.match(lines[index])
            ):
                break
            paragraph.append(following)
            index += 1
        if len(paragraph) == 1 and HOUSE_SECTION_RE.match(stripped):
            blocks.append(Block("heading", number, text=stripped, level=2))
            continue
        blocks.append(Block("paragraph", number, text=" ".join(paragraph), raw="\n".join(paragraph)))
    return [_shown(block) for block in blocks]


def _shown(block: Block) -> Block:
    """The block's words as its exporter shows them (text.as_shown): `\\-` a dash, `[[Boston]]` Boston. Code is
    kept as written; a table's cells are split first, so an escaped pipe stays inside its cell."""
    if block.kind == "code":
        return block
    block.text, block.raw = as_shown(block.text), as_shown(block.raw)
    block.items = [as_shown(item) for item in block.items]
    block.rows = [[as_shown(cell) for cell in row] for row in block.rows]
    return block


def _pasted_sheet(lines: list[str], index: int) -> Block | None:
    """Rows of a spreadsheet pasted as text (`Region<TAB>Currency<TAB>Base Low<TAB>...`): lines of three cells or
    more apart by tabs, as many on each, read as a ```csv block of places would be (datablocks.csv_table); None when
    the lines are no such rows, or no column names a place."""
    width = lines[index].count("\t")
    if width < 2:
        return None
    end = index + 1
    while end < len(lines) and lines[end].strip() and lines[end].count("\t") == width:
        end += 1
    if end - index < 2:
        return None
    from bot.guides.markdown.datablocks import csv_table  # it reads columns: imported where needed

    return csv_table("\n".join(lines[index:end]), index, delimiter="\t")


def definition_list(block: Block) -> tuple[str, list[str]] | None:
    """`London (outside IR35)` over `: Hourly: 75–90 GBP an hour` lines (a Markdown definition list, which this
    splitter reads as one paragraph): (the term, its definitions); None for any other block. A line that does not
    start with `: ` continues the definition above it."""
    lines = block.raw.splitlines() if block.kind == "paragraph" else []
    if len(lines) < 2 or lines[0].startswith(":") or not lines[1].startswith(":"):
        return None
    definitions: list[str] = []
    for line in lines[1:]:
        if line.startswith(":"):
            definitions.append(line[1:].strip())
        else:
            definitions[-1] += " " + line.strip()
    return lines[0].strip(), definitions


FRONT_LINE_RE = re.compile(r"^[A-Za-z_][\w -]{0,30}:\s*\S")


def _front_matter(lines: list[str], blocks: list[Block]) -> int:
    """A YAML front matter (`---`, `key: value` lines, `---`) opening the file: one paragraph of its lines, so
    the reader takes `company:` and `role:` from it as from unfenced ones; the index after it (0: none)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return 0
    end = next((i for i in range(first + 1, min(len(lines), first + 60)) if lines[i].strip() == "---"), None)
    if end is None:
        return 0
    body = [line.strip() for line in lines[first + 1 : end] if line.strip()]
    if not body or sum(bool(FRONT_LINE_RE.match(line)) for line in body) * 2 < len(body):
        return 0
    blocks.append(Block("paragraph", first + 2, text=" ".join(body), raw="\n".join(body)))
    return end + 1


class _TableRows(HTMLParser):
    """Rows of cells from an HTML table; a cell with `rowspan` repeats in the rows below it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1
        self._pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._fill()
            self._cell, self._span = [], int(dict(attrs).get("rowspan") or 1)
        elif tag == "br" and self._cell is not None:
            self._cell.append("; ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            if self._span > 1:
                self._pending[len(self._row)] = (text, self._span - 1)
            self._row.append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._fill()
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _fill(self) -> None:
        while self._row is not None and len(self._row) in self._pending:
            column = len(self._row)
            text, left = self._pending[column]
            self._row.append(text)
            if left > 1:
                self._pending[column] = (text, left - 1)
            else:
                del self._pending[column]


def html_table(source: str) -> list[list[str]]:
    parser = _TableRows()
    parser.feed(source)
    return [row for row in parser.rows if any(cell for cell in row)]


def _unquote(line: str) -> str:
    return line[1:].strip() if line.startswith(">") else line


def _quoted_table_starts(lines: list[str], index: int) -> bool:
    if index + 1 >= len(lines):
        return False
    head, rule = _unquote(lines[index].strip()), lines[index + 1].strip()
    return head.startswith("|") and rule.startswith(">") and bool(TABLE_RULE_RE.match(_unquote(rule)))


def _bare_table_starts(lines: list[str], index: int) -> bool:
    """A table written without outer pipes: a header with a `|` over a rule that has one too
    (a `---` rule alone is a horizontal line, not a table)."""
    if index + 1 >= len(lines) or "|" not in lines[index] or lines[index].strip().startswith(">"):
        return False
    rule = lines[index + 1].strip()
    return "|" in rule and bool(TABLE_RULE_RE.match(rule))


def prose_lines(blocks: list[Block]) -> list[tuple[str, int]]:
    """(text as shown, line) of each paragraph, quote and list item: the guide's sentences, where the checks of its
    text look for what it says of the bands."""
    out: list[tuple[str, int]] = []
    for block in blocks:
        if block.kind == "list":
            out += [(clean_inline(item), line) for item, line in zip(block.items, block.item_lines, strict=False)]
        elif block.kind in ("paragraph", "quote"):
            out.append((clean_inline(block.text), block.line))
    return out
