"""`guides import` and `guides check` over whole libraries of guides.

`import`: Markdown guides -> the project's data files (`<company>/<role>.json`).
`check`: every guide read and checked, nothing written.

Both stream: one file is read, reported and let go before the next, so a library of
thousands of guides needs no more memory than one. On a terminal a progress line shows
files done and failures so far; each failed file gets one line, `file:line: field:
problem` (its first error, with a count of the others); a file that is not a guide at all
(no guide title, no table) gets a `note:` line and is skipped, not failed; a summary line
ends the run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.guides.catalog import DATA_SUFFIX, guide_files, read_any
from bot.guides.index import no_gc
from bot.guides.model import Guide
from bot.guides.problems import Problem


@dataclass
class ImportSummary:
    files: int = 0
    imported: int = 0
    failed: int = 0
    skipped: int = 0  # files that are not guides (see problems.NOT_A_GUIDE)
    warnings: int = 0
    problems: list[Problem] = field(default_factory=list)  # every error of every failed file


class Progress:
    """`1234/5000 files, 3 failed` on one terminal line, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 0
        self.shown = False
        self.last = 0.0

    def update(self, done: int, failed: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.1 and done != self.total):
            return
        self.last = now
        self.stream.write(f"\r\033[K{done}/{self.total} files, {failed} failed")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Before another line is printed on the same terminal."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def guide_paths(paths: Iterable[Path], suffixes: tuple[str, ...] = (".md",)) -> Iterator[tuple[Path, Path | None]]:
    """(file, the folder its slugs are relative to) for every guide under `paths`.
    A folder's layout (`<company>/<role>.md`) gives slugs; a file named on its own takes
    them from its title."""
    for path in paths:
        if path.is_dir():
            for file in guide_files(path):
                if file.suffix in suffixes:
                    yield file, path
        else:
            yield path, None


def read_one(file: Path, root: Path | None) -> tuple[Guide | None, list[Problem], list[Problem]]:
    """(guide, errors, warnings) for one file from `guide_paths`; a file named on its own
    (no root) takes its slugs from its title."""
    if not file.exists():
        return None, [Problem(str(file), None, "file", "does not exist")], []
    return read_any(file, root if root is not None else file.parent)


def failure_line(errors: list[Problem]) -> str:
    first = str(errors[0])
    return first if len(errors) == 1 else f"{first} (and {len(errors) - 1} more)"


def import_guides(paths: list[Path], out: Path, progress: bool = False, stream: TextIO | None = None) -> ImportSummary:
    stream = stream or sys.stdout
    errors_out = sys.stderr if stream is sys.stdout else stream
    files = list(guide_paths(paths))
    summary = ImportSummary(files=len(files))
    bar = Progress(len(files), sys.stderr, progress)
    with no_gc():
        for done, (file, root) in enumerate(files, start=1):
            guide, errors, warnings = read_one(file, root)
            notes = [problem for problem in warnings if problem.is_note]
            summary.warnings += len(warnings) - len(notes)
            if guide is None and notes and not errors:
                summary.skipped += 1
                bar.clear()
                print(f"note: {notes[0]}", file=errors_out)
            elif guide is None:
                summary.failed += 1
                summary.problems += errors
                bar.clear()
                print(failure_line(errors or [Problem(str(file), None, "guide", "not read")]), file=errors_out)
            else:
                guide = guide.model_copy(update={"source_file": _relative(file, root)})
                target = out / guide.company.slug / f"{guide.role.slug}{DATA_SUFFIX}"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(guide.model_dump_json(indent=2) + "\n", encoding="utf-8")
                summary.imported += 1
            bar.update(done, summary.failed)
    bar.finish()
    skipped = f", {summary.skipped} files skipped as not guides" if summary.skipped else ""
    print(
        f"imported {summary.imported} of {len(files) - summary.skipped} guides into {out} "
        f"({summary.failed} failed, {summary.warnings} warnings{skipped})",
        file=stream,
    )
    return summary


@dataclass
class CheckSummary:
    files: int = 0
    valid: int = 0
    errors: int = 0
    warnings: int = 0
    skipped: int = 0


def check_guides(paths: list[Path], out: TextIO, progress: bool = False, strict: bool = False) -> CheckSummary:
    """Read and check every guide under `paths` (data files and Markdown): errors print as
    `file:line: field: problem`, warnings (missing sections, cells kept as written, totals
    that disagree with their parts) prefixed `warning: `; files that are not guides
    `note: `. `strict` (for guide authors) makes every warning an error."""
    from bot.guides.checks import consistency_warnings

    summary = CheckSummary()
    files = list(guide_paths(paths, suffixes=(DATA_SUFFIX, ".md")))
    bar = Progress(len(files), sys.stderr, progress)
    failed = 0
    with no_gc():
        for done, (file, root) in enumerate(files, start=1):
            summary.files += 1
            guide, errors, warnings = read_one(file, root)
            notes = [problem for problem in warnings if problem.is_note]
            warnings = [problem for problem in warnings if not problem.is_note]
            if guide is not None:
                warnings = warnings + consistency_warnings(guide, str(file))
            if strict:
                errors, warnings = errors + warnings, []
            if guide is not None and not errors:
                summary.valid += 1
            elif guide is None and notes and not errors:
                summary.skipped += 1
            else:
                failed += 1
            if errors or warnings or notes:
                bar.clear()
            for problem in notes:
                print(f"note: {problem}", file=out)
            for problem in errors:
                print(problem, file=out)
            for problem in warnings:
                print(f"warning: {problem}", file=out)
            summary.errors += len(errors)
            summary.warnings += len(warnings)
            bar.update(done, failed)
    bar.finish()
    return summary


def _relative(file: Path, root: Path | None) -> str:
    if root is None:
        return file.name
    try:
        return str(file.resolve().relative_to(root.resolve()))
    except ValueError:
        return file.name
