"""`guides import`: Markdown guides -> the project's data files (`<company>/<role>.json`)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.guides.catalog import DATA_SUFFIX
from bot.guides.markdown import read_guide_file
from bot.guides.problems import Problem


@dataclass
class ImportSummary:
    imported: int = 0
    failed: int = 0
    warnings: int = 0
    problems: list[Problem] = field(default_factory=list)


def markdown_files(paths: Iterable[Path]) -> Iterator[tuple[Path, Path | None]]:
    """(file, the folder its slugs are relative to) for every Markdown guide under `paths`.
    A folder's layout (`<company>/<role>.md`) gives slugs; a file named on its own takes
    them from its title."""
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*.md")):
                if file.name.lower() != "readme.md":
                    yield file, path
        else:
            yield path, None


def import_guides(paths: list[Path], out: Path, progress: bool = False, stream=None) -> ImportSummary:
    stream = stream or sys.stdout
    errors = sys.stderr if stream is sys.stdout else stream
    summary = ImportSummary()
    files = list(markdown_files(paths))
    for done, (file, root) in enumerate(files, start=1):
        if not file.exists():
            problem = Problem(str(file), None, "file", "does not exist")
            print(problem, file=errors)
            summary.failed += 1
            continue
        result = read_guide_file(file, root)
        summary.warnings += len(result.warnings)
        if result.guide is None:
            summary.failed += 1
            summary.problems += result.errors
            for problem in result.errors:
                print(problem, file=errors)
        else:
            guide = result.guide.model_copy(update={"source_file": _relative(file, root)})
            target = out / guide.company.slug / f"{guide.role.slug}{DATA_SUFFIX}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(guide.model_dump_json(indent=2) + "\n", encoding="utf-8")
            summary.imported += 1
        if progress and (done % 50 == 0 or done == len(files)):
            print(f"\r{done}/{len(files)} files, {summary.failed} failed", end="", file=sys.stderr, flush=True)
    if progress and files:
        print(file=sys.stderr)
    print(
        f"imported {summary.imported} of {len(files)} guides into {out} "
        f"({summary.failed} failed, {summary.warnings} warnings)",
        file=stream,
    )
    return summary


def _relative(file: Path, root: Path | None) -> str:
    if root is None:
        return file.name
    try:
        return str(file.resolve().relative_to(root.resolve()))
    except ValueError:
        return file.name
