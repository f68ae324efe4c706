"""Problems found in guide data, printed as `file:line: field: problem`."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

# The field of the note for a file that is not a guide at all (a company dossier with no
# title and no table): skipped, neither a failure nor a warning (see `Problem.is_note`).
NOT_A_GUIDE = "not a guide"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    @property
    def is_note(self) -> bool:
        return self.field == NOT_A_GUIDE

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"

    @classmethod
    def from_validation(cls, file: str, exc: ValidationError) -> list[Problem]:
        """One problem per pydantic error, the location written as a dotted field path."""
        problems = []
        for error in exc.errors():
            location = ".".join(str(part) for part in error["loc"]) or "guide"
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(cls(file, None, location, message))
        return problems
