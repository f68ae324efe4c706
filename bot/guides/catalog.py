"""The catalog: every guide on hand, loaded from data files and Markdown folders.

Guides come from the shipped `data/guides/` and from each folder in `COMP_COACH_GUIDES`.
A folder may hold the project's data files (`<company>/<role>.json`) or Markdown guides
(`<company>/<role>.md`). A guide that fails to load is reported and left out; it never
takes the other guides down with it.

Extra folders go through their compiled index (`bot.guides.index`): a restart reuses
what the last start parsed, and guides stay compact bytes until a lookup needs one.
The catalog answers in summaries (names, aliases, regions) for the resolver, and in
`Guide`s for a key, a company, or `guides` (built one at a time, a few hundred cached).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from bot.guides.index import GuideSummary, load_folder_index, scan, select
from bot.guides.model import Guide
from bot.guides.problems import Problem
from bot.settings import DEFAULT_STATE_DIR, ENVIRONMENT

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
SHIPPED_GUIDES = DATA_DIR / "guides"
DATA_SUFFIX = ".json"
CACHED_GUIDES = 512


@dataclass
class LoadReport:
    """What loading found besides the guides: errors (guide left out) and warnings."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: int = 0
    parsed: int = 0  # files read this time (the rest came from a compiled index)


class _Guides(Sequence):
    """`catalog.guides`: every guide in load order, built on demand."""

    def __init__(self, keys: list[str], get: Callable[[str], Guide]) -> None:
        self._keys = keys
        self._get = get

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._get(key) for key in self._keys[index]]
        return self._get(self._keys[index])

    def __iter__(self) -> Iterator[Guide]:
        return (self._get(key) for key in self._keys)


class _ByKey(Mapping):
    """`catalog.by_key`: `company/role` -> Guide, built on demand."""

    def __init__(self, keys: dict[str, object], get: Callable[[str], Guide]) -> None:
        self._keys = keys
        self._get = get

    def __getitem__(self, key: str) -> Guide:
        if key not in self._keys:
            raise KeyError(key)
        return self._get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class Catalog:
    """Guides by key and by company. Built from `Guide`s (`Catalog(guides, report, paths)`)
    or from summaries and a loader (`Catalog.lazy`), which keeps a big library small."""

    def __init__(
        self, guides: Iterable[Guide] = (), report: LoadReport | None = None, paths: dict[str, str] | None = None
    ) -> None:
        eager = {guide.key: guide for guide in guides}
        self._setup(
            {key: GuideSummary.of(guide) for key, guide in eager.items()},
            eager.__getitem__,
            report or LoadReport(),
            paths or {},
        )

    @classmethod
    def lazy(
        cls,
        summaries: dict[str, GuideSummary],
        load: Callable[[str], Guide],
        report: LoadReport,
        paths: dict[str, str],
    ) -> Catalog:
        catalog = cls.__new__(cls)
        catalog._setup(summaries, lru_cache(maxsize=CACHED_GUIDES)(load), report, paths)
        return catalog

    def _setup(
        self, summaries: dict[str, GuideSummary], load: Callable[[str], Guide], report: LoadReport, paths: dict
    ) -> None:
        self.summaries = summaries
        self.report = report
        self.paths = paths  # guide key -> the file it came from
        self._load = load
        self.guides = _Guides(list(summaries), load)
        self.by_key = _ByKey(summaries, load)
        self.company_keys: dict[str, list[str]] = {}
        for key, summary in summaries.items():
            self.company_keys.setdefault(summary.company_slug, []).append(key)

    def company_guides(self, slug: str) -> list[Guide]:
        return [self._load(key) for key in self.company_keys.get(slug, [])]

    @property
    def company_count(self) -> int:
        return len(self.company_keys)

    @property
    def company_slugs(self) -> dict[str, str]:
        """Company display name -> slug, without building any guide."""
        return {s.company_name: s.company_slug for s in self.summaries.values()}


def read_data_file(path: Path) -> tuple[Guide | None, list[Problem]]:
    """A guide from the project's JSON data file, or the problems that stop it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(str(path), None, "file", f"cannot be read: {exc}")]
    try:
        return Guide.model_validate_json(text), []
    except ValidationError as exc:
        if any(error["type"] == "json_invalid" for error in exc.errors()):
            try:
                json.loads(text)
            except json.JSONDecodeError as decode_error:
                return None, [Problem(str(path), decode_error.lineno, "file", f"invalid JSON: {decode_error.msg}")]
        return None, Problem.from_validation(str(path), exc)


def guide_files(folder: Path) -> Iterable[Path]:
    """Data files and Markdown guides under `folder`, in a stable order. A data file
    wins over a Markdown guide of the same `<company>/<role>`; names starting with `_`
    or `.` (a corpus manifest, hidden files) are not guides."""
    for rel in select([rel for rel, _size, _mtime in scan(folder)]):
        yield folder / rel


def read_any(path: Path, root: Path) -> tuple[Guide | None, list[Problem], list[Problem]]:
    """(guide, errors, warnings) for a data file or a Markdown guide. A reader's own bug on one file (an exception
    nobody expected, such as blind18's `IDR 150.000.000` raising a decimal error) is that file's load error,
    `file: guide: could not be read (<ExceptionType>: ...)`, its traceback logged for developers: it never takes
    the other guides of the load, or `guides check`, down with it."""
    try:
        if path.suffix == DATA_SUFFIX:
            guide, errors = read_data_file(path)
            return guide, errors, []
        from bot.guides.markdown import read_guide_file  # only folders of Markdown pay for the reader

        result = read_guide_file(path, root)
    except Exception as exc:  # one guide's failure is reported as its own; the load carries on
        log.exception("guide %s could not be read", path)
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return None, [Problem(str(path), None, "guide", f"could not be read ({reason})")], []
    return result.guide, result.errors, result.warnings


def load_folders(folders: Iterable[Path]) -> Catalog:
    """Read every guide in `folders` now (what `guides check` wants: no index, no cache)."""
    guides: dict[str, Guide] = {}
    paths: dict[str, str] = {}
    report = LoadReport()
    for folder in folders:
        if not folder.is_dir():
            report.errors.append(Problem(str(folder), None, "folder", "not a folder"))
            continue
        for path in guide_files(folder):
            report.files += 1
            report.parsed += 1
            guide, errors, warnings = read_any(path, folder)
            report.errors.extend(errors)
            report.warnings.extend(warnings)
            if guide is None:
                continue
            if guide.key in guides:
                report.warnings.append(Problem(str(path), None, "guide", f"{guide.key} already loaded; this copy wins"))
            guides[guide.key] = guide
            paths[guide.key] = str(path)
    log_left_out(report.errors)
    return Catalog(list(guides.values()), report, paths)


def log_left_out(errors: list[Problem], limit: int = 20) -> None:
    """One log line per problem, up to `limit`: a library with hundreds of broken guides
    should not bury the start-up log; `guides check` lists them all."""
    for problem in errors[:limit]:
        log.warning("guide left out: %s", problem)
    if len(errors) > limit:
        log.warning("... and %d more problems; `comp-coach guides check` lists them all", len(errors) - limit)


def guide_folders(extra: Iterable[Path] = ()) -> list[Path]:
    return [SHIPPED_GUIDES, *extra]


def default_state_dir() -> Path:
    """The state folder as Settings reads it, without failing on unrelated variables."""
    return Path(os.environ.get(ENVIRONMENT["state_dir"], "").strip() or DEFAULT_STATE_DIR).expanduser()


def load_catalog(extra: Iterable[Path] = (), state_dir: Path | None = None) -> Catalog:
    """The shipped guides plus the extra folders (from `COMP_COACH_GUIDES`), the extra
    folders through their compiled index in `state_dir` (default: `COMP_COACH_STATE_DIR`)."""
    extra = list(extra)
    shipped = load_folders([SHIPPED_GUIDES])
    if not extra:
        return shipped
    state_dir = state_dir if state_dir is not None else default_state_dir()
    summaries: dict[str, GuideSummary] = dict(shipped.summaries)
    loaders: dict[str, Callable[[str], Guide]] = {key: shipped.by_key.__getitem__ for key in summaries}
    report = shipped.report
    logged = len(report.errors)  # the shipped folder's problems are logged already
    paths = dict(shipped.paths)
    for folder in extra:
        if not folder.is_dir():
            problem = Problem(str(folder), None, "folder", "not a folder")
            report.errors.append(problem)
            log.warning("guide folder left out: %s", problem)
            continue
        index = load_folder_index(folder, state_dir)
        report.parsed += index.rebuilt
        for entry in index.entries:
            report.files += 1
            report.errors.extend(entry.errors)
            report.warnings.extend(entry.warnings)
            summary = entry.summary
            if summary is None:
                continue
            file = os.path.join(folder, entry.rel)
            if summary.key in summaries:
                report.warnings.append(Problem(file, None, "guide", f"{summary.key} already loaded; this copy wins"))
                del summaries[summary.key]  # the winner takes the later place
            summaries[summary.key] = summary
            loaders[summary.key] = index.guides.load
            paths[summary.key] = file
    log_left_out(report.errors[logged:])
    return Catalog.lazy(summaries, lambda key: loaders[key](key), report, paths)
