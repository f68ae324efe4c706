"""A coaching case: what one person has told the coach about their offer, and where they are.

Stored as JSON (see bot/store/cases.py); every field has a default so a case written by an
older version still loads, and unknown fields are dropped.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.offers.model import Offer

# The coaching stages, in order (see the issue): the offer arrives and is clarified,
# alternatives are named, targets set, the counter made, pushback handled, terms closed.
STAGES = ("intake", "offer", "leverage", "targets", "counter", "pushback", "close")
CASE_FORMAT = 1


class Rival(BaseModel):
    """A competing offer the person named (never one the coach made up)."""

    model_config = ConfigDict(extra="ignore")

    company: str
    total: int | None = None
    base: int | None = None
    currency: str | None = None


class Case(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=False)

    format: int = CASE_FORMAT
    company_slug: str | None = None
    guide_key: str | None = None
    region: str | None = None
    company_text: str | None = None  # a company named that no guide covers
    offer: Offer = Field(default_factory=Offer)
    first_offer: Offer | None = None  # the offer as first evaluated, for the gain at the close
    rivals: list[Rival] = Field(default_factory=list)
    no_alternatives: bool = False
    current_company: str | None = None
    walk_away: int | None = None
    level: str | None = None
    stage: str = "intake"
    pending: str | None = None  # the question the last reply asked

    @classmethod
    def from_stored(cls, data: dict | None) -> Case:
        if not data:
            return cls()
        try:
            return cls.model_validate(data)
        except ValidationError:
            return cls()  # an unreadable case starts over rather than failing every turn

    def to_stored(self) -> dict:
        return self.model_dump(mode="json", exclude_none=True)

    @property
    def is_empty(self) -> bool:
        return self == Case()

    @property
    def evaluated(self) -> bool:
        return self.first_offer is not None

    def at_least(self, stage: str) -> bool:
        return STAGES.index(self.stage) >= STAGES.index(stage)
