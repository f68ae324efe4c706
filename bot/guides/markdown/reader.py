"""Read one Markdown guide into a `Guide`.

The reader works in two passes so that new variants of the format only add recognisers:
1. `blocks.parse_blocks` splits the file into headings, paragraphs, tables, lists, quotes.
2. `sections` groups blocks under their labels (`**Global Levers**`, `#### Levers`,
   `**Level Mapping:** ...`), and each part of the guide has its own reader below that
   looks for its section (title, DNA line, band table, narrative, levers, strategy, sources).

Problems are collected, never raised one at a time: an error (no title, no band table)
means no guide; a warning (a missing section, a cell kept as written) does not. A file
with neither a guide title nor a table (a company dossier) is no guide at all: skipped
with a note (`problems.NOT_A_GUIDE`), not a failure. Each problem carries the file, the
line and the field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from bot.guides.markdown.aligned import aligned_bands
from bot.guides.markdown.blocks import Block, definition_list, parse_blocks
from bot.guides.markdown.columns import EMOJI_RE, percent_bonus, region_aliases
from bot.guides.markdown.counter_variants import counter_variants
from bot.guides.markdown.front import code_block_bands, front_matter_bands
from bot.guides.markdown.grant_checks import stated_worth_disagreements, with_stated_years
from bot.guides.markdown.grids import read_level_grid
from bot.guides.markdown.kept import read_kept
from bot.guides.markdown.lists import is_band_list, lines_matching, read_list_bands
from bot.guides.markdown.place_scripts import scripts_by_place
from bot.guides.markdown.placed import placed_line_bands
from bot.guides.markdown.restated import restated_disagreements
from bot.guides.markdown.roles import ROLE_WORDS_RE
from bot.guides.markdown.summary import share_price_disagreements, summary_disagreements, vesting_disagreements
from bot.guides.markdown.tables import ONE_REGION, is_band_table, read_band_table
from bot.guides.markdown.text import clean_inline, strip_bold, strip_quotes
from bot.guides.model import (
    Company,
    Guide,
    GuideText,
    Lever,
    NegotiateUp,
    NegotiationDNA,
    PercentRange,
    Role,
    Source,
)
from bot.guides.money import AMOUNT_RE, MoneyError, parse_amount, parse_range
from bot.guides.problems import NOT_A_GUIDE, Problem
from bot.guides.script_checks import band_labelled, level_and_place_quoted


@dataclass
class ReadResult:
    guide: Guide | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


class _Context:
    """What every section reader needs: the file name and a place to put problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.currency: str | None = None  # the one currency all the guide's bands are in, once they are read

    def error(self, line: int | None, where: str, message: str) -> None:
        self.errors.append(Problem(self.path, line, where, message))

    def warn(self, line: int | None, where: str, message: str) -> None:
        self.warnings.append(Problem(self.path, line, where, message))


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def read_guide_file(path: Path, root: Path | None = None) -> ReadResult:
    """Read `path`; slugs come from the layout `<company>/<role>.md` under `root`."""
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return ReadResult(None, [Problem(display, None, "file", f"cannot be read: {exc}")])
    company_slug = role_slug = None
    if root is not None and path.parent != root:
        company_slug = slugify(path.parent.name)
        role_slug = slugify(path.stem)
    return read_guide(text, display, company_slug=company_slug, role_slug=role_slug)


def read_guide(
    text: str, path: str = "<guide>", company_slug: str | None = None, role_slug: str | None = None
) -> ReadResult:
    ctx = _Context(path)
    blocks = parse_blocks(text)
    if not any(block.kind == "table" for block in blocks) and not _has_title(blocks):
        note = "no `<Role> | <Company> Negotiation Guide` title and no table; skipped" + _unread_figures(text)
        return ReadResult(None, [], [Problem(path, None, NOT_A_GUIDE, note)])
    title = _read_title(blocks, ctx)
    if title is None:
        return ReadResult(None, ctx.errors, ctx.warnings)
    role_title, level, company_name, title_line, place = title
    sections = _sections(blocks)

    dna = _read_dna(blocks, ctx)
    unread: list[int] = []  # tables of figures after the one read: kept as written
    fronted = front_matter_bands(text, ctx)
    if fronted:  # the bands are the data's: every table is the text's (a ladder of titles), kept as written
        unread += [block.line for block in blocks if block.kind == "table"]
    regions = fronted or _read_regions(blocks, ctx, title_line, unread, role_title)
    regions = _bonus_said_for_all(blocks, regions)
    regions, grant_years = with_stated_years(blocks, regions)  # `Equity/yr = Equity Value ÷ 4`
    disagreements = [
        *grant_years,
        *stated_worth_disagreements(blocks, regions),
        *summary_disagreements(blocks, regions),
        *vesting_disagreements(blocks, regions),
        *share_price_disagreements(blocks, regions),
        *restated_disagreements(blocks, regions),
    ]
    for found in disagreements:
        region = regions[found.region]
        where = f"{region.level} {region.name}" if region.level else region.name
        ctx.warn(found.line, f"{where}: the guide's text", found.message)
        regions[found.region] = region.model_copy(update={"flags": [*region.flags, found.message]})
    if place:  # a band table naming no region, in a guide whose title says where (`... (London)`)
        regions = [
            r.model_copy(update={"name": place, "aliases": region_aliases(place)}) if r.name == ONE_REGION else r
            for r in regions
        ]
    currencies = {region.currency for region in regions}
    ctx.currency = currencies.pop() if len(currencies) == 1 else None
    narrative = _read_narrative(sections)
    mapping_raw, mapping = _read_level_mapping(sections)
    levers = _read_levers(sections, ctx)
    strategy = _written_for(_read_negotiate_up(blocks, sections, ctx), regions)
    sources = _read_sources(sections) or _source_line(blocks)
    variants = counter_variants(blocks, LABEL_RE, COUNTER_LABEL_RE)  # `> **Zurich Variant:** "..."`, kept as written
    by_place, not_scripts = _scripts_by_place(sections)  # `LA: "..."` then `Zurich: "..."`: the later ones kept
    variants = variants or [
        GuideText(title=label, kind="script", text=text, line=line) for label, text, line in by_place[1:]
    ]
    used = (_used_lines(blocks, sections, title_line) - set(unread) - not_scripts) | {text.line for text in variants}
    kept = [*variants, *read_kept(blocks, used, title_line)]

    for name, present in (
        ("negotiation DNA", dna is not None),
        ("narrative", bool(narrative)),
        ("level mapping", bool(mapping)),
        ("levers", bool(levers)),
        ("negotiate-up strategy", strategy is not None),
        ("sources", bool(sources)),
    ):
        if not present:
            ctx.warn(None, name, "section missing")
    if ctx.errors:
        return ReadResult(None, ctx.errors, ctx.warnings)
    try:
        guide = Guide(
            company=Company(name=company_name, slug=company_slug or slugify(company_name), dna=dna),
            role=Role(title=role_title, slug=role_slug or slugify(role_title), level=level),
            regions=regions,
            narrative=narrative,
            level_mapping=mapping,
            level_mapping_raw=mapping_raw,
            levers=levers,
            negotiate_up=strategy,
            sources=sources,
            kept=kept,
            source_file=path,
        )
    except ValidationError as exc:
        for problem in Problem.from_validation(path, exc):
            ctx.errors.append(problem)
        return ReadResult(None, ctx.errors, ctx.warnings)
    return ReadResult(guide, ctx.errors, ctx.warnings)


# A figure of pay as notes write it (`128–152k`, `B2 is 215000`, `C$135k`): five digits, or digits then `k`
UNREAD_FIGURE_RE = re.compile(r"\d{5,}|\d[\d,.]*\s?[kK]\b|\d{1,3}(?:,\d{3})+")


def _unread_figures(text: str) -> str:
    """What a skipped file that writes figures of pay would need to be read (said, so its figures are not lost
    without a word); nothing for a file with none (a dossier, a README)."""
    found = next((n for n, line in enumerate(text.splitlines(), 1) if UNREAD_FIGURE_RE.search(line)), None)
    if found is None:
        return ""
    return (
        f" (it writes figures, the first on line {found}, none of them read: a `# <Role> | <Company> Negotiation"
        " Guide` title and each place's figures as a table row, or a list of labelled parts under the place's"
        " name, would make it read)"
    )


def _read_regions(blocks: list[Block], ctx: _Context, title_line: int, unread: list[int], role: str):
    """A grid of one part by level and region (`## Base salary by level and location`), else the band table's
    regions; else bands written as lists (`**London**` over `- Base salary: £95,000`),
    and then the table's problems are not the guide's (a table of levels is no band table)."""
    gridded = read_level_grid(blocks, ctx, title_line)
    if gridded:
        return gridded
    tables = _Context(ctx.path)
    regions = read_band_table(blocks, tables, line=title_line, unread=unread, role=role)
    if not regions:
        listed = (
            read_list_bands(blocks, ctx)
            or aligned_bands(blocks, ctx)
            or code_block_bands(blocks, ctx)
            or placed_line_bands(blocks, ctx)
        )
        if listed:
            regions, tables.errors = listed, [p for p in tables.errors if p.field != "band table"]
    ctx.errors += tables.errors
    ctx.warnings += tables.warnings
    return regions


def _used_lines(blocks: list[Block], sections: list[Section], title_line: int) -> set[int]:
    """The lines of every block a reader above takes apart (the rest is kept as written: `read_kept`)."""
    used = {title_line}
    for block in blocks:
        label = LABEL_RE.match(block.text) if block.kind in ("paragraph", "quote") else None
        if label and ("dna" in label["label"].lower() or "negotiat" in label["label"].lower()):
            used.add(block.line)  # the DNA line; a `> **Negotiate Up Strategy:**` quote
        if (block.kind == "table" and is_band_table(block)) or (block.kind == "list" and is_band_list(block)):
            used.add(block.line)
    found = [
        _narrative_section(sections),
        _mapping_section(sections),
        _lever_list_section(sections),
        _house_strategy_section(sections),
        _sources_section(sections),
        *(s for s in sections if LEVER_HEADING_RE.match(strip_bold(s.title))),
        *(s for _, s in _subheading_levers(sections)),
    ]
    for section in found:
        if section is not None:
            used.add(section.line)
            used.update(block.line for block in section.blocks)
    used.update(_counter_script_lines(sections))
    used.update(line for _, _, line in _lever_paragraphs(sections))
    used.update(line for _, line in _lever_table_rows(sections))
    used.update(block.line for block in blocks if block.kind == "paragraph" and SOURCE_LINE_RE.match(block.text))
    return used


# --- title ---------------------------------------------------------------------------

TITLE_RE = re.compile(
    r"^(?P<role>.+?)\s+(?:\||—|—|–|-|@|at)\s+(?P<company>.+?)\s+(?:[—–-]\s+)?"  # `Acme – Negotiation Guide`: no company
    r"(?:(?:Global\s+|Salary\s+|Compensation\s+|Comp\s+|Offer\s+)*Negotiation\s+Guide\b"
    # the house title written in the guide's language: `Guia Global de Negociação`, `Guide Global de Négociation`,
    # `Guía de Negociación`, `Verhandlungsleitfaden`, `Onderhandelingsgids`
    r"|(?:Guia|Guide|Guía|Guida)\s+(?:Global\s+|Globale\s+)?(?:de|di)\s+(?:Negocia[çc][ãa]o|N[ée]gociation"
    r"|Negociaci[óo]n|Negoziazione)\b|Verhandlungs(?:leitfaden|guide)\b|Onderhandelings(?:gids|handleiding)\b).*$",
    re.IGNORECASE,
)
LEVEL_RE = re.compile(r"\s*\((?P<level>[^)]*)\)\s*$")
# Titles without `Negotiation Guide` (`Game Developer — Nordic Games`, `Protocol Engineer | Crypto X`,
# `Founding Engineer @ Sparse Startup`, `Kestrel Mobility · Senior Product Manager`, `Koyal Health: Backend
# Engineer (SDE-2 / SDE-3)`), tried separator by separator, most telling first, so a role written with a
# slash (`ML / AI Engineer | PlanetScale`) is split at the bar, not the slash; never inside brackets.
LOOSE_SEPARATORS = (r"\|", r"—|–", r"·|•", r"::", r":", r"@|\bat\b", r"/", r"-")
GUIDE_WORDS_RE = re.compile(
    r"\s+(?:[—–]\s+)?(?:(?:Global|Salary|Compensation|Comp|Offer|Pay|Leveled|Levelled)\s+)*(?:Negotiation\s+)?"
    r"(?:Guide|Playbook|Notes|Handbook"
    r"|Cheat\s*sheet)\b.*$"
    # Japanese: a (salary-negotiation) guide, `交渉ガイド`, `年収交渉ガイド`
    r"|\s*(?:交渉|オファー|年収)*(?:ガイド|ハンドブック|攻略)\s*$",
    re.I,
)
# What a title says the guide covers, after the role and company (`... — APAC Offer Guide`, `... | EMEA`): no company
SCOPE_TAIL_RE = re.compile(
    r"\s*(?:—|–|\s-\s|\|)\s*(?:APAC|EMEA|AMER|LATAM|ANZ|DACH|Nordics|Benelux|Europe|EU|UK(?:\s*&\s*Ireland)?|US|USA|Global"
    r"|India|Asia(?:\s*Pacific)?|Americas|SEA|MENA|North\s+America)(?:\s+(?:edition|version|hubs?|offices?|region))?\s*$"
)
# `Guia de negociação: Maré Dados — ...`, `Guía de negociación:`, `Onderhandelgids:`, `Guide de négociation :`,
# `Negotiation guide:`: words before a colon that say what the document is, no part of its company or role
GUIDE_PREFIX_RE = re.compile(
    r"^(?:(?:gu[ií]a|guide|leitfaden|gids|handbook|playbook)\s+(?:de\s+|d['’]|zur\s+|voor\s+)?"
    r"(?:negocia[çc][ãa]o|negociaci[óo]n|n[ée]gociation|verhandlung|onderhandeling|negotiation)"
    r"|(?:negotiation|onderhandel|verhandlungs)\s*(?:guide|gids|leitfaden))\s*:\s*",
    re.I,
)
# `company: Bluegum Logistics` / `role: Senior Frontend Engineer` lines opening the file (a front matter
# written without its `---` fences, or with them)
# (the paragraph's lines arrive joined, so each value runs to the next key)
FRONT_KEY_RE = re.compile(
    r"(?:^|\s)(?P<key>company|role|title|position|currency|locations?|regions?|stage|updated|level|levels|team"
    r"|author|date|source|sources|tags)\s*:\s+",
    re.I,
)


def _has_title(blocks: list[Block]) -> bool:
    """A guide's title: the full form, or a loose one (`Role — Company`) whose one half names a role or
    in a file with the guide's `Negotiation DNA` line, or a front matter naming both; a dossier
    (`# Acme: company dossier`) has none of these."""
    if any(block.kind == "heading" and TITLE_RE.match(clean_inline(block.text)) for block in blocks):
        return True
    if _front_matter(blocks) is not None:
        return True
    loose = _loose_title(blocks)
    if loose is None:
        return False
    has_dna = any("negotiation dna" in block.text.lower() for block in blocks if block.kind in ("paragraph", "heading"))
    return has_dna or any(ROLE_WORDS_RE.search(part) for part in loose[:2])


def _read_title(blocks: list[Block], ctx: _Context) -> tuple[str, str | None, str, int, str | None] | None:
    front = _front_matter(blocks)
    if front is not None:
        role, company, line = front
        return (*_role_and_level(role), company, line, _place_in(role))
    for block in [*(b for b in blocks if b.kind == "heading"), *_bold_lines_before_table(blocks)]:
        match = TITLE_RE.match(clean_inline(block.text))
        if match:
            role, company = _company_before_colon(match["role"].strip(), match["company"].strip())
            role, company = _oriented(role, company)
            return (*_role_and_level(role), company, block.line, _place_in(role))
    loose = _loose_title(blocks)
    if loose is not None:
        role, company, line = loose
        ctx.warn(line, "title", f"read as role {role!r} at company {company!r} (no `Negotiation Guide` in the title)")
        return (*_role_and_level(role), company, line, _place_in(role))
    by_folder = _title_by_folder(blocks, ctx.path)
    if by_folder is not None:
        role, company, line = by_folder
        message = (
            f"read as role {role!r} at company {company!r} (no separator in the title: the folder names the company)"
        )
        ctx.warn(line, "title", message)
        return (*_role_and_level(role), company, line, _place_in(role))
    first = next((b for b in blocks if b.kind == "heading"), None)
    ctx.error(
        first.line if first else 1,
        "title",
        "no `<Role> | <Company> Negotiation Guide` heading" + (f" (found {first.text!r})" if first else ""),
    )
    return None


def _bold_lines_before_table(blocks: list[Block]) -> list[Block]:
    """Bold-only paragraphs before the first table: a title written as a bold line (a Word document pasted into an
    email: `**Engineering Manager | Marrowgate Payments – Negotiation Guide**` under the mail's header)."""
    found = []
    for block in blocks:
        if block.kind == "table":
            break
        if block.kind == "paragraph" and re.fullmatch(r"\*\*[^*]+\*\*", block.text.strip()):
            found.append(block)
    return found


def _front_matter(blocks: list[Block]) -> tuple[str, str, int] | None:
    """`company:` and `role:` lines in the file's first paragraph."""
    first = next((b for b in blocks if b.kind in ("paragraph", "heading", "table", "list")), None)
    if first is None or first.kind != "paragraph":
        return None
    found: dict[str, str] = {}
    if "\n" in first.raw:  # a fenced front matter: a key a line
        for line in first.raw.splitlines():
            key, colon, value = line.partition(":")
            key = key.strip().lower()
            key = "role" if key in ("role", "position") else key
            if colon and value.strip() and key in ("role", "title", "company"):
                found.setdefault(key, clean_inline(value.strip().strip("\"'")))
        # `title:` is the role only when no `role:` says it (Obsidian's `title:` is the whole note's title)
        role = found.get("role") or found.get("title")
        return (role, found["company"], first.line) if role and "company" in found else None
    keys = list(FRONT_KEY_RE.finditer(first.text))
    if not keys or keys[0].start() != 0:
        return None
    for match, after in zip(keys, [*keys[1:], None], strict=True):
        value = clean_inline(first.text[match.end() : after.start() if after else None])
        key = match["key"].lower()
        key = "role" if key in ("role", "title", "position") else key
        if value:
            found.setdefault(key, value)
    if "role" in found and "company" in found:
        return found["role"], found["company"], first.line
    return None


# `Negotiating a Senior Product Designer offer` (at Northpine): the role inside the words around it
ROLE_AROUND_RE = re.compile(
    r"^(?:(?:how\s+to\s+)?negotiat(?:e|ing|ion)(?:\s+guide)?\s+(?:for\s+)?(?:an?\s+|your\s+|the\s+)?)?(?P<role>.+?)"
    r"(?:\s+(?:job\s+)?offers?)?$",
    re.I,
)
# A word that says a level (`(VP)`, `(L3-L4)`, `(SDE-2 / SDE-3)`, `(confirmé·e)`); a bracket without one
# (`Engineering Manager (London)`) says where, not which level, and is no part of the role's name.
LEVEL_WORD_RE = re.compile(
    r"\d|\b(?:vp|svp|avp|director|principal|staff|senior|sr|junior|jr|mid|lead|associate|entry|grade|band|level|ic"
    r"|confirm[ée]|d[ée]butant|exp[ée]riment[ée])",
    re.I,
)


def _place_in(role: str) -> str | None:
    """`Engineering Manager (London)`: the place a title's brackets give, when they give no level."""
    match = LEVEL_RE.search(role.strip())
    return match["level"].strip() if match and not LEVEL_WORD_RE.search(match["level"]) else None


def _role_and_level(role: str) -> tuple[str, str | None]:
    """`Quant Developer (VP)` -> ('Quant Developer', 'VP'); `Engineering Manager (London)` -> its role alone;
    `Security Engineering Offers (Senior and Staff)` -> ('Security Engineering', 'Senior and Staff')."""
    role, level = role.strip(), None
    level_match = LEVEL_RE.search(role)
    if level_match:
        written = level_match["level"].strip()
        role, level = role[: level_match.start()].strip(), written if LEVEL_WORD_RE.search(written) else None
    return ROLE_AROUND_RE.match(role)["role"].strip(), level


# The kind of pay a guide is about, said before `Negotiation Guide` (`... — Day-Rate Negotiation Guide`): no company
GUIDE_KIND_RE = re.compile(r"(?:day|daily|hourly|contract(?:or)?)(?:[- ]rates?)?|rates?|ote|commission", re.I)


def _company_before_colon(role: str, company: str) -> tuple[str, str]:
    """`Orrery Lane Analytics: Contract Data Migration Consultant — Day-Rate Negotiation Guide`: the words before
    `Negotiation Guide` say the guide's kind, and the company is the first half's, before its colon."""
    halves = _split_outside_brackets(role, ":") if GUIDE_KIND_RE.fullmatch(company) else [role]
    return (halves[1].strip(), halves[0].strip()) if len(halves) == 2 else (role, company)


def _oriented(role: str, company: str) -> tuple[str, str]:
    """(role, company) as a title reads, swapped when only the first half names a role's head word."""
    if ROLE_WORDS_RE.search(company) and not ROLE_WORDS_RE.search(role):
        return company, role
    return role, company


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    depth = 0
    for match in re.finditer(rf"\s*(?:{separator})\s+|\s+(?:{separator})\s*|\(|\)", text):
        token = match[0].strip()
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and match.start() > 0 and (separator == ":" or match[0][0].isspace()):
            return [text[: match.start()], text[match.end() :]]
    return [text]


# A letter in any script: a title's half written in Japanese (`株式会社ミズスマシ・ロボティクス`) names a company too
LETTER_RE = re.compile(r"[^\W\d_]")


def _loose_title(blocks: list[Block]) -> tuple[str, str, int] | None:
    """The first heading (or a bold-only first paragraph) before the band table that reads
    `<Role> <separator> <Company>` (or the company first) without the words `Negotiation Guide`."""
    for block in blocks:
        if block.kind == "table":
            return None
        if block.kind == "paragraph" and not re.fullmatch(r"\*\*[^*]+\*\*", block.text.strip()):
            continue
        if block.kind not in ("heading", "paragraph"):
            continue
        text = EMOJI_RE.sub("", clean_inline(block.text)).strip()
        text = GUIDE_WORDS_RE.sub("", GUIDE_PREFIX_RE.sub("", text)).strip()
        text = SCOPE_TAIL_RE.sub("", text).strip()  # `Kestrel Ledger · Backend Engineer — APAC`: the guide's reach
        for separator in LOOSE_SEPARATORS:
            parts = _split_outside_brackets(text, separator)
            if len(parts) == 2 and all(LETTER_RE.search(part) for part in parts):
                role, company = _oriented(parts[0].strip(), parts[1].strip())
                return role, company, block.line
    return None


# `**Bonus:** 10% of base, target, all levels and regions.`: one bonus said once for every band
BONUS_FOR_ALL_RE = re.compile(
    r"\b(?:all|every|each)\s+(?:levels?|regions?|locations?|places?|bands?|offices?)\b|\beverywhere\b", re.I
)


def _bonus_said_for_all(blocks: list[Block], regions: list) -> list:
    """Bands whose tables publish no bonus take the one a bold-labelled line says holds for all of them; the line as
    written is the bonus's text. A bonus a table does publish is never overwritten."""
    for block in blocks:
        label = LABEL_RE.match(block.text) if block.kind == "paragraph" else None
        if not label or _norm_label(label["label"]) not in ("bonus", "target bonus", "annual bonus"):
            continue
        rest = clean_inline(label["rest"])
        bonus = percent_bonus(rest)
        if bonus is None or not BONUS_FOR_ALL_RE.search(rest):
            continue
        said = bonus.model_copy(update={"raw": rest})
        return [r.model_copy(update={"bonus": said}) if not r.bonus.published else r for r in regions]
    return regions


def _title_by_folder(blocks: list[Block], path: str) -> tuple[str, str, int] | None:
    """`Tidewell Solutions Engineer Negotiation Guide` in `tidewell/`: a first heading with no separator, whose
    first (or last) words are the company its folder names; the rest is the role."""
    folder = Path(path).parent.name
    first = next((b for b in blocks if b.kind == "heading"), None)
    if first is None or not folder:
        return None
    text = EMOJI_RE.sub("", clean_inline(first.text)).strip()
    words = GUIDE_WORDS_RE.sub("", GUIDE_PREFIX_RE.sub("", text)).strip().split()
    for size in range(1, len(words)):
        if slugify(" ".join(words[:size])) == folder:
            return " ".join(words[size:]), " ".join(words[:size]), first.line
        if slugify(" ".join(words[-size:])) == folder:
            return " ".join(words[:-size]), " ".join(words[-size:]), first.line
    return None


# --- sections ------------------------------------------------------------------------

LABEL_RE = re.compile(r"^\*\*(?P<label>[^*]+?)(?::\*\*|\*\*:?)\s*(?P<rest>.*)$")
# The house labels written without bold (a Word document pasted as plain text: `Negotiation DNA: Private ... | ...`,
# `Negotiate Up Strategy (Bengaluru): “I’m targeting ...”`, `Level Mapping: M1 = ...`): only these, whose words no
# sentence starts with
PLAIN_LABEL_RE = re.compile(
    r"^(?P<label>negotiation\s+dna|level\s+mapping|negotiate[- ]up\s+strategy(?:\s*\([^)]{1,60}\))?)\s*:\s*"
    r"(?P<rest>\S.*)$",
    re.I | re.S,
)


@dataclass
class Section:
    label: str
    line: int
    inline: str = ""
    blocks: list[Block] = field(default_factory=list)
    title: str = ""  # the heading or label as written (cleaned), for `Lever 1: ...` headings
    level: int = 0  # a heading's level (`###` is 3); 0 for a bold label


def _norm_label(label: str) -> str:
    return re.sub(r"[^a-z& ]+", " ", label.lower()).strip()


def _sections(blocks: list[Block]) -> list[Section]:
    """Group blocks under labels: headings below the title and bold-led paragraphs."""
    sections: list[Section] = []
    current: Section | None = None
    for index, block in enumerate(blocks):
        if block.kind == "heading" and index > 0:
            title = clean_inline(block.text)
            current = Section(_norm_label(title), block.line, title=title, level=block.level)
            sections.append(current)
            continue
        if block.kind == "paragraph":
            match = LABEL_RE.match(block.text) or PLAIN_LABEL_RE.match(block.text)
            if match:
                label = match["label"]
                current = Section(_norm_label(label), block.line, inline=match["rest"].strip(), title=label.strip())
                sections.append(current)
                continue
        if current is not None:
            current.blocks.append(block)
    return sections


def _narrative_section(sections: list[Section]) -> Section | None:
    found = _find(sections, "dna", "overview", "context", "about", inline=False)
    return found or next((s for s in sections if not s.inline and DNA_ELSEWHERE_RE.search(s.title)), None)


def _strategy_section(sections: list[Section]) -> Section | None:
    """The section of the words to say: the house's `Negotiate Up Strategy`, or a heading or bold label that names
    the counter itself (`### Counter script`, `**Counter script**`, `## Negotiation script`, `**Your counter**`),
    as guides written for roles paid other than base + equity label it."""
    return _house_strategy_section(sections) or _find(sections, *COUNTER_SECTION_WORDS)


def _house_strategy_section(sections: list[Section]) -> Section | None:
    """The section labelled as the house labels its strategy: every block of it is the strategy's."""
    return _find(sections, "negotiate up", "negotiation strategy", "strategy")


def _counter_script_lines(sections: list[Section]) -> set[int]:
    """The paragraphs and quotes of a section named for the counter itself, read as the strategy (its words and
    what is said after them), so they are not shown twice; its lists (the arithmetic under the quote) and anything
    else stay kept as written under the section's title."""
    if _house_strategy_section(sections) is not None:
        return set()
    section = _find(sections, *COUNTER_SECTION_WORDS)
    if section is None or section.inline:
        return set()
    return {block.line for block in section.blocks if block.kind in ("paragraph", "quote")}


# A section's label that names the counter itself, in order of preference
COUNTER_SECTION_WORDS = ("counter script", "negotiation script", "your counter", "counter offer script")


def _sources_section(sections: list[Section]) -> Section | None:
    found = _find(sections, "source", "evidence", "references")
    return found or next((s for s in sections if SOURCES_ELSEWHERE_RE.search(s.title)), None)


# The sources' heading in other languages: `Belege & Quellen`, `Evidencia y fuentes`, `Evidências e fontes`, `Bewijs &
# bronnen`, `根拠・出典`
SOURCES_ELSEWHERE_RE = re.compile(r"\b(?:quellen|fuentes|fontes|bronnen)\b|出典", re.I)


def _find(sections: list[Section], *words: str, inline: bool | None = None) -> Section | None:
    """The first section labelled with the first word that any section has (words in
    order of preference); `Lever N: ...` headings are levers, never another section."""
    for word in words:
        for section in sections:
            if (
                word in section.label
                and (inline is None or bool(section.inline) == inline)
                and not LEVER_HEADING_RE.match(strip_bold(section.title))
            ):
                return section
    return None


# --- Negotiation DNA -----------------------------------------------------------------

PREMIUM_RE = re.compile(
    r"\+?\s*(?P<low>\d+(?:\.\d+)?)\s*(?:[–—-]|to)\s*(?P<high>\d+(?:\.\d+)?)\s*%"
    r"|\+\s*(?P<single>\d+(?:\.\d+)?)\s*%"
)


def _read_dna(blocks: list[Block], ctx: _Context) -> NegotiationDNA | None:
    for block in blocks:
        if block.kind not in ("paragraph", "quote"):
            continue
        text = EMOJI_RE.sub("", block.text).lstrip()  # `💡 **Negotiation DNA:** ...` (a Notion callout's icon)
        match = LABEL_RE.match(text) or PLAIN_LABEL_RE.match(text)
        if (
            match
            and ("dna" in match["label"].lower() or DNA_ELSEWHERE_RE.search(match["label"]))
            and match["rest"].strip()
        ):
            return parse_dna(match["rest"].strip(), ctx, block.line)
    titled = _dna_under_its_title(blocks)
    return parse_dna(titled[0], ctx, titled[1]) if titled else None


def _dna_under_its_title(blocks: list[Block]) -> tuple[str, int] | None:
    """The DNA line under a title of its own, not led by it: a `Negotiation DNA` heading (a Confluence
    `{info:title=Negotiation DNA}` panel) right over a line of `|`-separated parts (a callout titled so
    (`> [!info] Negotiation DNA` over `> Private (Series C, ...) | ... | ...` is a bold-led quote, blocks.py)."""
    for block, after in zip(blocks, [*blocks[1:], None], strict=True):
        titled = block.kind == "heading" and DNA_TITLE_RE.match(clean_inline(block.text))
        if titled and after is not None and after.kind in ("paragraph", "quote") and after.text.count("|") >= 2:
            return after.text, after.line
    return None


DNA_TITLE_RE = re.compile(r"^negotiation\s+dna\s*:?$", re.I)
# The DNA line's label in other languages: `ADN de la négociation` (French, Spanish), `交渉のポイント` (Japanese)
DNA_ELSEWHERE_RE = re.compile(r"\badn\b|交渉のポイント", re.I)


def parse_dna(raw: str, ctx: _Context | None = None, line: int | None = None) -> NegotiationDNA:
    parts = [strip_bold(part).strip() for part in raw.split("|") if part.strip()]
    ownership = valuation = valuation_text = product = premium = premium_label = risk = None
    for part in parts:
        lowered = part.lower()
        if ownership is None and re.match(r"^(private|public|pre-ipo|listed)\b", lowered):
            ownership = "public" if lowered.startswith(("public", "listed")) else "private"
            inner = re.search(r"\(([^)]*)\)", part)
            if inner:
                valuation_text = inner[1].strip()
                amount = AMOUNT_RE.search(valuation_text)
                if amount and "valuation" in valuation_text.lower():
                    try:
                        valuation = parse_amount(amount[0])
                    except MoneyError as exc:
                        if ctx:
                            ctx.warn(line, "negotiation DNA: valuation", str(exc))
            continue
        if premium is None and "premium" in lowered:
            match = PREMIUM_RE.search(part)
            if match:
                low = Decimal(match["low"] or match["single"])
                high = Decimal(match["high"] or match["single"])
                premium = PercentRange(low=low, high=high) if low <= high else None
                premium_label = part[match.end() :].strip() or None
            continue
        if risk is None and "risk" in lowered:
            risk = part
            continue
        if product is None:
            product = part
    return NegotiationDNA(
        raw=raw,
        parts=parts,
        ownership=ownership,
        valuation=valuation,
        valuation_text=valuation_text,
        product=product,
        premium=premium,
        premium_label=premium_label,
        risk=risk,
    )


# --- narrative, level mapping ----------------------------------------------------------


def _read_narrative(sections: list[Section]) -> list[str]:
    section = _narrative_section(sections)
    if section is None:
        return []
    return [clean_inline(b.text, keep_bold=True) for b in section.blocks if b.kind == "paragraph"]


def _read_level_mapping(sections: list[Section]) -> tuple[str | None, list[str]]:
    section = _mapping_section(sections)
    if section is None:
        return None, []
    if section.inline:
        raw = clean_inline(section.inline)
        return raw, [part.strip() for part in re.split(r"\s+=\s+|\s*[≈＝]\s*", raw) if part.strip()]  # `＝`: Japanese
    for block in section.blocks:
        if block.kind == "list":
            return None, [clean_inline(item) for item in block.items]
        if block.kind == "table":
            return None, [" = ".join(cell for cell in row if cell) for row in block.rows[1:]]
        if block.kind == "paragraph":
            raw = clean_inline(block.text)
            return raw, [part.strip() for part in raw.split("=") if part.strip()]
    return None, []


# `Level Mapping:`, `Levels`, `Leveling`, `Level guide`: a label that starts with the word (a pushback
# answer that mentions leveling is no mapping)
MAPPING_LABEL_RE = re.compile(r"^(?:level(?:s|ling|ing)?(?:\s+(?:mapping|map|guide|equivalents?))?)$|^level mapping\b")


# The same in the languages guides are written in: `Level-Zuordnung`, `Correspondance des niveaux`, `Equivalencia de
# niveles`, `Equivalência de níveis`, `Niveau-indeling`, `レベル対応`
MAPPING_ELSEWHERE_RE = re.compile(
    r"^(?:level-?zuordnung|correspondance\s+des\s+niveaux|equivalencia\s+de\s+niveles|equival[êe]ncia\s+de\s+n[íi]veis"
    r"|niveau-?indeling|レベル対応)\s*[:：]?$",
    re.I,
)


def _mapping_section(sections: list[Section]) -> Section | None:
    return next(
        (s for s in sections if MAPPING_LABEL_RE.match(s.label) or MAPPING_ELSEWHERE_RE.match(s.title.strip())), None
    )


# --- levers ----------------------------------------------------------------------------

LEVER_ITEM_RE = re.compile(r"^\*\*(?P<title>.+?):?\*\*:?\s*(?P<script>.*)$")
LEVER_HEADING_RE = re.compile(r"^Lever\s*#?\s*\d+\s*(?:[:.)—–-]\s*)?(?P<title>.*)$", re.IGNORECASE)
TASK_BOX_RE = re.compile(r"^\[[ xX]\]\s+")  # `- [ ] **Hiring budget** — ...`: a checklist's box is no part of the lever


def _read_levers(sections: list[Section], ctx: _Context) -> list[Lever]:
    """Levers as a list under `**Global Levers**` (or a `Levers` heading), or as one
    `#### Lever 1: Title` heading each with the script below it."""
    headed = _lever_headings(sections)
    section = _lever_list_section(sections)
    if section is None:
        return (
            headed
            or _paragraph_levers(sections)
            or [lever for lever, _ in _subheading_levers(sections)]
            or [lever for lever, _ in _lever_table_rows(sections)]
        )
    levers: list[Lever] = []
    for block in section.blocks:
        if block.kind != "list":
            continue
        for item, line in zip(block.items, block.item_lines, strict=True):
            item = TASK_BOX_RE.sub("", item)
            match = LEVER_ITEM_RE.match(item)
            if not match:
                # `- Sign-on: up to A$10k if you're forfeiting a bonus`: the words before a colon are its title
                plain = clean_inline(item, keep_bold=True)
                title, colon, script = plain.partition(": ")
                dashed = re.split(r"\s+[—–]\s+", plain, maxsplit=1)
                if not colon and len(dashed) == 2 and len(dashed[0].split()) <= 6:
                    title, colon, script = dashed[0], "—", dashed[1]  # `On-call load — ask for the top ...`
                if not colon or len(title) > 60:
                    title, script = plain, ""
                    ctx.warn(line, "levers", f"item without a title of its own, kept whole as one: {item[:60]!r}")
                levers.append(Lever(title=title.strip(), script=strip_quotes(script.strip())))
                continue
            script = strip_quotes(match["script"].strip().lstrip("—–-:").strip())
            levers.append(Lever(title=match["title"].strip().rstrip(":"), script=script))
    return levers


# A heading over levers written as bold-led paragraphs (`## Where you actually have room`, then
# `**Payments domain expertise.** This is the lever I'd lead with ...`)
LEVER_SECTION_RE = re.compile(
    r"\blevers?\b|\bhave\s+room\b|\bwhere\s+(?:to|you\s+can)\s+(?:actually\s+)?push\b|\bwhat\s+(?:actually\s+|really\s+)?(?:moves|works|is\s+negotiable)\b"
    r"|\bnegotiable\b|\bleviers?\b|\bhebel\b|\bpalancas?\b|\balavancas?\b|hefbomen\b|\bonderhandelen\b|\bwhat\s+(?:you\s+)?can\s+(?:be\s+)?negotiate"
    r"|レバー|交渉材料|交渉ポイント",  # Japanese: levers, what to negotiate with
    re.I,
)


def _lever_list_section(sections: list[Section]) -> Section | None:
    """`**Global Levers**`, `## Levers`, `## What moves at Alpenrand`, `## Leviers de négociation` over a list."""
    return next(
        (
            s
            for s in sections
            if LEVER_SECTION_RE.search(s.title or s.label) and any(b.kind == "list" for b in s.blocks)
        ),
        None,
    )


def _paragraph_levers(sections: list[Section]) -> list[Lever]:
    """Levers as bold- or italic-led paragraphs right under a heading that names them."""
    return [
        Lever(title=title.strip().rstrip(".:"), script=clean_inline(script, keep_bold=True))
        for title, script, _ in _lever_paragraphs(sections)
    ]


# `*Grade placement (等級).* Ask what evidence would put you at G4.`: a lever's title in italics
ITALIC_LEAD_RE = re.compile(r"^\*(?!\*)(?P<title>[^*]{2,80})\*\s*(?P<script>\S.*)$", re.S)


def _lever_paragraphs(sections: list[Section]) -> list[tuple[str, str, int]]:
    """(title, script, line) of each lever written as a paragraph led by its title."""
    found: list[tuple[str, str, int]] = []
    under = False
    for section in sections:
        if not section.inline:  # a heading (or a label alone): levers follow only one that names them
            under = bool(LEVER_SECTION_RE.search(section.title))
            for block in section.blocks if under else []:
                led = ITALIC_LEAD_RE.match(block.text) if block.kind == "paragraph" else None
                defined = definition_list(block)  # `IR35 determination` over `: Get the Status ...`
                lines = _bold_led_lines(block)
                if lines:  # `🛡️ **Functional-safety experience** — IEC 61508 work is scarce ...`, a lever a line
                    found += [(title, script, block.line + i) for i, (title, script) in enumerate(lines)]
                elif led:
                    found.append((led["title"], led["script"], block.line))
                elif defined:
                    found.append((defined[0], " ".join(defined[1]), block.line))
        elif under:
            found.append((section.title, section.inline, section.line))
    return found


BOLD_LED_LINE_RE = re.compile(r"^\*\*(?P<title>[^*]{2,80}?)[.:]?\*\*\s*[—–:-]?\s*(?P<script>\S.*)$")


def _bold_led_lines(block: Block) -> list[tuple[str, str]]:
    """A paragraph whose every line (two or more) is a bold title then its words, an emoji before it or not."""
    return [(match["title"].strip(), match["script"].strip()) for match in lines_matching(block, BOLD_LED_LINE_RE)]


LEVER_TABLE_HEADERS = {"lever", "levers", "hebel", "levier", "leviers", "palanca", "palancas", "alavanca", "alavancas"}


def _lever_table_rows(sections: list[Section]) -> list[tuple[Lever, int]]:
    """`| Lever | Why it works | What to say |` under a heading naming levers: (lever, table line) a row, its title
    the first cell and its script the others as written, joined by ` — `."""
    for section in sections:
        if not LEVER_SECTION_RE.search(section.title or section.label):
            continue
        for block in section.blocks:
            if block.kind != "table" or clean_inline(block.rows[0][0]).lower() not in LEVER_TABLE_HEADERS:
                continue
            return [
                (
                    Lever(title=clean_inline(row[0]), script=" — ".join(clean_inline(c) for c in row[1:] if c.strip())),
                    block.line,
                )
                for row in block.rows[1:]
                if row and clean_inline(row[0])
            ]
    return []


def _subheading_levers(sections: list[Section]) -> list[tuple[Lever, Section]]:
    """`## 🎯 Levers` over `### 🧪 Experimentation depth` and its paragraph: each heading one level down a lever,
    its first paragraph or quote the script (with the section it came from)."""
    out: list[tuple[Lever, Section]] = []
    for index, section in enumerate(sections):
        if not section.level or not LEVER_SECTION_RE.search(section.title):
            continue
        for sub in sections[index + 1 :]:
            if not sub.level or sub.level <= section.level:
                break
            texts = [sub.inline] if sub.inline else []
            texts += [b.text for b in sub.blocks[:1] if b.kind in ("paragraph", "quote") and not texts]
            title = EMOJI_RE.sub("", sub.title).strip()
            if title and texts:
                script = strip_quotes(clean_inline(" ".join(texts), keep_bold=True))
                out.append((Lever(title=title.rstrip(":"), script=script), sub))
        if out:
            return out
    return []


def _lever_headings(sections: list[Section]) -> list[Lever]:
    levers: list[Lever] = []
    for section in sections:
        match = LEVER_HEADING_RE.match(strip_bold(section.title))
        if not match:
            continue
        # The script is the paragraph or quote right under the heading; a labelled block
        # after it (`> **Negotiate Up Strategy:** ...`) belongs to another section.
        texts = [section.inline] if section.inline else []
        for block in section.blocks:
            if block.kind not in ("paragraph", "quote") or LABEL_RE.match(block.text) or texts:
                break
            texts.append(block.text)
        script = strip_quotes(clean_inline(" ".join(texts), keep_bold=True))
        title = match["title"].strip().rstrip(":") or section.title
        if script:
            levers.append(Lever(title=title, script=script))
    return levers


# --- negotiate-up strategy ---------------------------------------------------------------

# `"..."`, `“...”`, and the quotes of other languages: German `„...“`, French `« ... »`, Japanese `「...」`
QUOTE_RE = re.compile(r"[\"“„«「](?P<quote>.+?)[\"”“»」](?P<after>.*)$", re.DOTALL)
# `A$188,000,` ends at its last digit (the comma is the sentence's); `€128 000` (a space, often a no-break or thin
# one, between thousands) is one amount, as is a Swiss `CHF 255'000`; `₹1.2 crore`, `₹90 lakh` take their word
# `GBP 172,000`: a code written before its amount (CHF's, and the codes guides write so)
_CODE_FIRST = r"(?:CHF|USD|GBP|EUR|CAD|AUD|SGD|INR|JPY)\s?"
AMOUNT = (
    rf"(?:[A-Z]{{0,3}}[$£€¥₹]|{_CODE_FIRST})\s?\d(?:[\d,.'’]*\d)?(?:\s\d{{3}}(?!\d))*\s?(?:crores?|lakhs?|[KMkm]|L|Cr)?"
)
TOTAL_TARGET_RE = re.compile(rf"(?P<amount>{AMOUNT})\+?\s+(?:in\s+)?total(?:\s+comp(?:ensation)?)?", re.I)
# An amount with its currency after it, as German, French and Japanese write it: `128.000 €`, `87 000 €`, `1,220万円`
AMOUNT_SYMBOL_AFTER = r"\d(?:[\d,.]*\d)?(?:\s\d{3}(?!\d))*\s?(?:€|万円|円)"
# The total said in the guide's language, before its amount: `compensación total anual de $2,224,000`, `remuneração
# total anual de R$ 387.260`, `package total de 87 000 €`, `Gesamtvergütung bei 128.000 €`, `totale beloning van
# € 99.344`, `総報酬は年1,220万円`
OTHER_LANGUAGE_TOTAL_TARGET_RE = re.compile(
    r"(?:\btotal(?:e|es)?\s+(?:anual\s+|annuel\s+|beloning\s+)?(?:de|van)\s+|\bgesamtverg[üu]tung\s+(?:von|bei)\s+"
    rf"|総報酬は?年?)(?P<amount>{AMOUNT}|{AMOUNT_SYMBOL_AFTER})",
    re.I,
)
EQUITY_TARGET_RE = re.compile(
    rf"(?:equity|stock|RSUs?|options)\s+(?:at|of|to)\s+(?P<amount>{AMOUNT})"
    rf"(?:\s+over\s+(?P<years>\d+)\s+years?)?",
    re.I,
)
BASE_TARGET_RE = re.compile(
    rf"(?:base(?:\s+salary)?\s+(?:at|of|to)\s+(?P<a>{AMOUNT})|(?P<b>{AMOUNT})\s+(?:base|fixed))", re.I
)
COUNTER_RE = re.compile(
    rf"[Cc]ounter(?:ing)?\s+(?:at|with|for)\s+(?P<range>{AMOUNT}\s*(?:[–—-]|to)\s*{AMOUNT})"
    rf"\s+(?P<component>base|equity|stock|RSUs?|options|total|sign[- ]on|bonus)?",
)


# A quote (a callout) labelled as the counter script: `> **Negotiate Up Strategy:** "..."`, an Obsidian
# `> [!example] Counter Script (Pittsburgh HQ)` over the words to say
COUNTER_LABEL_RE = re.compile(
    r"negotiat(?!ion\s+dna\b)|\bcounter[- ]script\b"  # the DNA line is no script
    # the counter offer in the languages guides are written in: `Gegenangebot-Skript`, `Script de contre-proposition`,
    # `Guion de contraoferta`, `Roteiro de contraproposta`, `Tegenvoorstel-script`, `カウンターオファーの伝え方`
    r"|\bgegenangebot|\bcontre-?proposition|\bcontraoferta|\bcontraproposta|\btegenvoorstel|カウンターオファー",
    re.I,
)


def _read_negotiate_up(blocks: list[Block], sections: list[Section], ctx: _Context) -> NegotiateUp | None:
    for block in blocks:
        if block.kind == "quote" or (block.kind == "paragraph" and EMOJI_RE.match(block.text)):
            # a quote, or a paragraph led by a callout's icon (Notion: `🎯 **Counter Script (London HQ):** "..."`)
            match = LABEL_RE.match(EMOJI_RE.sub("", block.text).lstrip())
            if match and COUNTER_LABEL_RE.search(match["label"]):
                plan = parse_negotiate_up(match["rest"], ctx, block.line)
                return plan.model_copy(update={"label": match["label"].strip()})
    for block in blocks:
        match = PLAIN_LABEL_RE.match(block.text) if block.kind in ("paragraph", "quote") else None
        if match and "strategy" in match["label"].lower():
            return parse_negotiate_up(match["rest"], ctx, block.line)
    section = _strategy_section(sections)
    if section is None:
        return None
    by_place, _ = _scripts_by_place(sections)
    if by_place:  # a script for each place: the first is the strategy, for the place its label names
        label, text, line = by_place[0]
        return parse_negotiate_up(text, ctx, line).model_copy(update={"label": label})
    text = section.inline or " ".join(b.text for b in section.blocks if b.kind in ("paragraph", "quote"))
    return parse_negotiate_up(text, ctx, section.line) if text else None


def _scripts_by_place(sections: list[Section]) -> tuple[list[tuple[str, str, int]], set[int]]:
    """The counter section's scripts place by place (place_scripts.py), and the lines of its other paragraphs (a
    closing remark), which are then no part of a script: the guide's text, kept as written."""
    section = _strategy_section(sections)
    if section is None or section.inline:
        return [], set()
    found = scripts_by_place(section.blocks)
    if not found:
        return [], set()
    scripts = {line for _, _, line in found}
    return found, {b.line for b in section.blocks if b.kind in ("paragraph", "quote") and b.line not in scripts}


def parse_negotiate_up(text: str, ctx: _Context, line: int) -> NegotiateUp:
    text = text.strip()
    match = QUOTE_RE.search(text)
    quote, after = (match["quote"].strip(), match["after"].strip()) if match else (text, "")
    figures: dict = {}

    def amount(found: str, what: str):
        try:  # `$2,224,000` in a guide whose bands are all in Mexican pesos is pesos (money.currency_for_prefix)
            return parse_amount(found.strip(), ctx.currency)
        except MoneyError as exc:
            ctx.warn(line, f"negotiate-up strategy: {what}", str(exc))
            return None

    total = TOTAL_TARGET_RE.search(quote) or OTHER_LANGUAGE_TOTAL_TARGET_RE.search(quote)
    if total:
        figures["target_total"] = amount(total["amount"], "target total")
    equity = EQUITY_TARGET_RE.search(quote)
    if equity:
        figures["target_equity"] = amount(equity["amount"], "target equity")
        if equity["years"]:
            figures["target_equity_years"] = int(equity["years"])
    base = _target_not_offer(BASE_TARGET_RE, quote)
    if base:
        figures["target_base"] = amount(base["a"] or base["b"], "target base")
    counter = COUNTER_RE.search(text)
    if counter:
        try:
            figures["counter_range"] = parse_range(counter["range"])
            component = (counter["component"] or "").lower() or None
            figures["counter_component"] = "equity" if component in ("stock", "rsu", "rsus", "options") else component
        except MoneyError as exc:
            ctx.error(line, "negotiate-up strategy: counter range", str(exc))
    return NegotiateUp(quote=quote, commentary=after, **{k: v for k, v in figures.items() if v is not None})


OFFER_BEFORE_RE = re.compile(r"\boffer(?:ed)?\s+(?:of\s+)?$", re.I)


def _written_for(plan: NegotiateUp | None, regions: list) -> NegotiateUp | None:
    """The plan with the one band its label names (`Negotiate Up Strategy (Bengaluru)`), for replies under another."""
    named = band_labelled(regions, plan.label) if plan is not None and plan.label else None
    named = named or (level_and_place_quoted(regions, plan.quote) if plan is not None else None)
    if named is None:
        return plan
    return plan.model_copy(update={"written_for": f"{named.level} {named.name}" if named.level else named.name})


def _target_not_offer(pattern: re.Pattern, quote: str) -> re.Match | None:
    """The first match of `pattern` in the quote, or the first after it when that one is the offer being countered
    (`Thank you for the offer of GBP 145,000 base ... I'm asking for GBP 172,000 base`): the offer is no target."""
    found = list(pattern.finditer(quote))
    if len(found) > 1 and OFFER_BEFORE_RE.search(quote[max(0, found[0].start() - 30) : found[0].start()]):
        return found[1]
    return found[0] if found else None


# --- sources -------------------------------------------------------------------------------

LINK_RE = re.compile(r"^\[(?P<text>[^\]]+)\](?:\((?P<url>[^)]+)\))?$")


def _read_sources(sections: list[Section]) -> list[Source]:
    section = _sources_section(sections)
    if section is None:
        return []
    sources: list[Source] = []
    for block in section.blocks:
        if block.kind != "list":
            continue
        for item in block.items:
            match = LINK_RE.match(item.strip())
            if match:
                sources.append(Source(text=match["text"].strip(), url=match["url"]))
            else:
                sources.append(Source(text=clean_inline(item)))
    return sources


# `*Sources: 23 self-reported offers (2023–2025), Levels.fyi, ...*`, `Fontes: 6 propostas ...`, `Bronnen: ...`: the
# sources said in one line of their own, in the guide's language, under no heading of theirs
SOURCE_LINE_RE = re.compile(r"^[*_]?(?:sources?|fontes|fuentes|bronnen|quellen)\s*:\s*(?P<text>\S.*?)[*_]?$", re.I)


def _source_line(blocks: list[Block]) -> list[Source]:
    """The guide's sources as one line of their own, kept whole as one source."""
    for block in blocks:
        found = SOURCE_LINE_RE.match(block.text) if block.kind == "paragraph" else None
        if found:
            return [Source(text=clean_inline(found["text"]))]
    return []
