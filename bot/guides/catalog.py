"""The catalog: every guide on hand, loaded from data files and Markdown folders.

Guides come from the shipped `data/guides/` and from each folder in `COMP_COACH_GUIDES`.
A folder may hold the project's data files (`<company>/<role>.json`) or Markdown guides
(`<company>/<role>.md`). A guide that fails to load is reported and left out; it never
takes the other guides down with it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from bot.guides.model import Guide
from bot.guides.problems import Problem

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
SHIPPED_GUIDES = DATA_DIR / "guides"
DATA_SUFFIX = ".json"


@dataclass
class LoadReport:
    """What loading found besides the guides: errors (guide left out) and warnings."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: int = 0


@dataclass
class Catalog:
    guides: list[Guide]
    report: LoadReport = field(default_factory=LoadReport)
    paths: dict[str, str] = field(default_factory=dict)  # guide key -> the file it came from

    def __post_init__(self) -> None:
        self.by_key = {guide.key: guide for guide in self.guides}
        self.by_company: dict[str, list[Guide]] = {}
        for guide in self.guides:
            self.by_company.setdefault(guide.company.slug, []).append(guide)

    def company_guides(self, slug: str) -> list[Guide]:
        return self.by_company.get(slug, [])

    @property
    def company_count(self) -> int:
        return len(self.by_company)


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
    wins over a Markdown guide of the same `<company>/<role>`."""
    seen: set[tuple[str, str]] = set()
    paths = sorted(folder.rglob(f"*{DATA_SUFFIX}")) + sorted(folder.rglob("*.md"))
    for path in paths:
        if path.name.lower() == "readme.md":
            continue
        key = (path.parent.name, path.stem)
        if key in seen:
            continue
        seen.add(key)
        yield path


def read_any(path: Path, root: Path) -> tuple[Guide | None, list[Problem], list[Problem]]:
    """(guide, errors, warnings) for a data file or a Markdown guide."""
    if path.suffix == DATA_SUFFIX:
        guide, errors = read_data_file(path)
        return guide, errors, []
    from bot.guides.markdown import read_guide_file  # only folders of Markdown pay for the reader

    result = read_guide_file(path, root)
    return result.guide, result.errors, result.warnings


def load_folders(folders: Iterable[Path]) -> Catalog:
    guides: dict[str, Guide] = {}
    paths: dict[str, str] = {}
    report = LoadReport()
    for folder in folders:
        if not folder.is_dir():
            report.errors.append(Problem(str(folder), None, "folder", "not a folder"))
            continue
        for path in guide_files(folder):
            report.files += 1
            guide, errors, warnings = read_any(path, folder)
            report.errors.extend(errors)
            report.warnings.extend(warnings)
            if guide is None:
                continue
            if guide.key in guides:
                report.warnings.append(Problem(str(path), None, "guide", f"{guide.key} already loaded; this copy wins"))
            guides[guide.key] = guide
            paths[guide.key] = str(path)
    for problem in report.errors:
        log.warning("guide left out: %s", problem)
    return Catalog(list(guides.values()), report, paths)


def guide_folders(extra: Iterable[Path] = ()) -> list[Path]:
    return [SHIPPED_GUIDES, *extra]


def load_catalog(extra: Iterable[Path] = ()) -> Catalog:
    """The shipped guides plus the extra folders (from `COMP_COACH_GUIDES`)."""
    return load_folders(guide_folders(extra))
