"""The compiled index of a guide folder: parse thousands of guides once, start fast after.

Serving a folder of Markdown guides (`COMP_COACH_GUIDES`) must not reparse every file at
each start. The first start reads every guide and writes, in the state folder, one file
holding for each guide file its size and modification time, the problems found, a short
summary (names and aliases, all the resolver needs) and the guide itself as JSON. Later
starts compare the folder's file list, sizes and times and the reader's fingerprint with
the index; what changed is reparsed, the rest reused.

Guides stay as JSON bytes until someone asks for one: a library of 5,000 guides as
pydantic objects would take a quarter of a gigabyte, while the summaries and bytes take
a few tens of megabytes, and one guide is validated from its bytes in a tenth of a
millisecond (then kept in a small cache).

File layout: one line of JSON (the header) then the guides' JSON back to back; each
header entry names its guide's byte span.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.guides.model import Guide
from bot.guides.problems import Problem

log = logging.getLogger(__name__)

INDEX_FORMAT = 1
# Bump when what the reader produces changes in a way its source files do not show
# (a dependency's behaviour); any edit to the reader's own files rebuilds indexes anyway.
READER_VERSION = "2"
INDEX_FOLDER = "guide-index"
GUIDE_SUFFIXES = (".json", ".md")
_PACKAGE = Path(__file__).resolve().parent
# What a guide becomes depends on these; any change to them rebuilds every index.
_CODE = [_PACKAGE / "model.py", _PACKAGE / "money.py", _PACKAGE / "catalog.py", Path(__file__).resolve()]


def reader_fingerprint() -> str:
    """The reader's version and a hash of its source files (read, not imported: a warm
    start never needs the Markdown reader)."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}/{READER_VERSION}".encode())
    for path in sorted(_CODE) + sorted((_PACKAGE / "markdown").glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


# --- summaries ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuideSummary:
    """What finding a guide needs, without the guide: names, slugs, aliases, region names."""

    key: str
    company_name: str
    company_slug: str
    company_aliases: tuple[str, ...]
    role_title: str
    role_slug: str
    role_level: str | None
    role_aliases: tuple[str, ...]
    regions: tuple[tuple[str, tuple[str, ...]], ...]  # (name, aliases) in the guide's order

    @classmethod
    def of(cls, guide: Guide) -> GuideSummary:
        return cls(
            key=guide.key,
            company_name=guide.company.name,
            company_slug=guide.company.slug,
            company_aliases=tuple(guide.company.aliases),
            role_title=guide.role.title,
            role_slug=guide.role.slug,
            role_level=guide.role.level,
            role_aliases=tuple(guide.role.aliases),
            regions=tuple((region.name, tuple(region.aliases)) for region in guide.regions),
        )

    def to_json(self) -> list:
        return [
            self.company_name,
            self.company_slug,
            list(self.company_aliases),
            self.role_title,
            self.role_slug,
            self.role_level,
            list(self.role_aliases),
            [[name, list(aliases)] for name, aliases in self.regions],
        ]

    @classmethod
    def from_json(cls, data: list) -> GuideSummary:
        company_name, company_slug, company_aliases, role_title, role_slug, role_level, role_aliases, regions = data
        return cls(
            key=f"{company_slug}/{role_slug}",
            company_name=company_name,
            company_slug=company_slug,
            company_aliases=tuple(company_aliases),
            role_title=role_title,
            role_slug=role_slug,
            role_level=role_level,
            role_aliases=tuple(role_aliases),
            regions=tuple((name, tuple(aliases)) for name, aliases in regions),
        )


class GuideBytes:
    """Guides kept as their JSON; `load(key)` validates one into a `Guide`."""

    def __init__(self, data: bytes, spans: dict[str, tuple[int, int]]) -> None:
        self.data = data
        self.spans = spans

    def load(self, key: str) -> Guide:
        start, end = self.spans[key]
        return Guide.model_validate_json(self.data[start:end])


# --- scanning a folder ----------------------------------------------------------------------------------


def scan(folder: Path) -> list[tuple[str, int, int]]:
    """(path relative to `folder`, size, mtime in ns) of every guide file, sorted. Names
    starting with `.` or `_` (hidden files, `_manifest.json`) are not guides."""
    found = []
    root = os.fspath(folder)
    prefix = len(os.path.join(root, ""))
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith((".", "_"))]
        for name in files:
            if name.startswith((".", "_")) or not name.endswith(GUIDE_SUFFIXES) or name.lower() == "readme.md":
                continue
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            found.append((path[prefix:], stat.st_size, stat.st_mtime_ns))
    found.sort()
    return found


def select(relative: list[str]) -> list[str]:
    """The guide files to read, in order: data files before Markdown, and a data file
    wins over a Markdown guide of the same `<company>/<role>`."""
    ordered = sorted(p for p in relative if p.endswith(".json")) + sorted(p for p in relative if p.endswith(".md"))
    seen: set[tuple[str, str]] = set()
    chosen = []
    for rel in ordered:
        parent, _, name = rel.rpartition(os.sep)
        key = (parent.rpartition(os.sep)[2], name.rpartition(".")[0])
        if key in seen:
            continue
        seen.add(key)
        chosen.append(rel)
    return chosen


# --- the index ------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """One guide file as the index remembers it."""

    rel: str
    size: int
    mtime: int
    summary: GuideSummary | None = None
    guide_json: bytes | None = None  # a guide parsed this time
    span: tuple[int, int] | None = None  # or where the index read holds it
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class FolderIndex:
    """A folder's guides: summaries in file order, the guides' bytes, and the problems."""

    folder: Path
    entries: list[Entry]
    guides: GuideBytes
    rebuilt: int = 0  # files parsed this time (0: the index was reused as it was)


def index_path(state_dir: Path, folder: Path) -> Path:
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return state_dir / INDEX_FOLDER / f"{folder.resolve().name}-{digest}.idx"


def _problems(folder: Path, rel: str, rows: list) -> list[Problem]:
    return [Problem(os.path.join(folder, rel), line, where, message) for line, where, message in rows]


def _rows(problems: list[Problem]) -> list:
    return [[p.line, p.field, p.message] for p in problems]


def read_index(path: Path, folder: Path, fingerprint: str) -> tuple[dict[str, Entry], bytes]:
    """The entries of an index built by this reader and the guides' bytes they point
    into; nothing when the index is missing, stale or damaged."""
    try:
        data = path.read_bytes()
        newline = data.index(b"\n")
        header = json.loads(data[:newline])
        if header.get("format") != INDEX_FORMAT or header.get("reader") != fingerprint:
            return {}, b""
        body = data[newline + 1 :]
        entries = {}
        for rel, size, mtime, summary, start, end, errors, warnings in header["files"]:
            entry = Entry(
                rel, size, mtime, errors=_problems(folder, rel, errors), warnings=_problems(folder, rel, warnings)
            )
            if summary is not None:
                if not 0 <= start <= end <= len(body):
                    raise ValueError(f"{rel}: span outside the index")
                entry.summary = GuideSummary.from_json(summary)
                entry.span = (start, end)
            entries[rel] = entry
        return entries, body
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("guide index %s unreadable (%s); rebuilding", path, exc)
        return {}, b""


def layout(entries: list[Entry], old_body: bytes) -> bytes:
    """Lay the guides' bytes out back to back (new ones and reused ones); each entry's
    span then points into the result."""
    chunks = []
    offset = 0
    view = memoryview(old_body)
    for entry in entries:
        if entry.summary is None:
            continue
        if entry.guide_json is not None:
            chunk = entry.guide_json
        elif entry.span is not None:
            chunk = view[entry.span[0] : entry.span[1]]
        else:
            raise ValueError(f"{entry.rel}: no bytes for its guide")
        entry.span = (offset, offset + len(chunk))
        entry.guide_json = None
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def write_index(path: Path, fingerprint: str, folder: Path, entries: list[Entry], body: bytes) -> None:
    """Write the index atomically (a reader never sees half a file)."""
    files = []
    for entry in entries:
        start, end = entry.span or (0, 0)
        files.append(
            [
                entry.rel,
                entry.size,
                entry.mtime,
                entry.summary.to_json() if entry.summary else None,
                start,
                end,
                _rows(entry.errors),
                _rows(entry.warnings),
            ]
        )
    header = {"format": INDEX_FORMAT, "reader": fingerprint, "folder": str(folder), "files": files}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with open(temporary, "wb") as out:
        out.write(json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode())
        out.write(b"\n")
        out.write(body)
    os.replace(temporary, path)


@contextmanager
def no_gc() -> Iterator[None]:
    """Parsing thousands of guides makes millions of short-lived objects and no cycles;
    the cyclic collector's passes over them would double the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_entry(folder: Path, rel: str, size: int, mtime: int) -> Entry:
    from bot.guides.catalog import read_any

    guide, errors, warnings = read_any(folder / rel, folder)
    entry = Entry(rel, size, mtime, errors=errors, warnings=warnings)
    if guide is not None:
        entry.summary = GuideSummary.of(guide)
        entry.guide_json = guide.model_dump_json().encode()
    return entry


def load_folder_index(folder: Path, state_dir: Path | None) -> FolderIndex:
    """The folder's guides through its compiled index in `state_dir` (built or refreshed
    as needed). Without a state folder the index lives in memory only."""
    stats = {rel: (size, mtime) for rel, size, mtime in scan(folder)}
    chosen = select(list(stats))
    fingerprint = reader_fingerprint()
    path = index_path(state_dir, folder) if state_dir is not None else None
    entries: list[Entry] = []
    parsed = 0
    with no_gc():
        old, old_body = read_index(path, folder, fingerprint) if path is not None else ({}, b"")
        for rel in chosen:
            size, mtime = stats[rel]
            cached = old.get(rel)
            if cached is not None and (cached.size, cached.mtime) == (size, mtime):
                entries.append(cached)
            else:
                entries.append(parse_entry(folder, rel, size, mtime))
                parsed += 1
    if parsed == 0 and len(old) == len(entries):
        body = old_body  # nothing changed: the spans already point into it
    else:
        body = layout(entries, old_body)
        if path is not None:
            try:
                write_index(path, fingerprint, folder, entries, body)
            except OSError as exc:
                log.warning("guide index %s not written (%s); the next start parses again", path, exc)
    spans = {e.summary.key: e.span for e in entries if e.summary is not None and e.span is not None}
    return FolderIndex(folder, entries, GuideBytes(body, spans), parsed)
