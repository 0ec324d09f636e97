"""A finding: one thing a check noticed, where, how serious, and what to do about it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

from postmortem.models.steps import step_of


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


LEVEL_ORDER = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}


@dataclass(frozen=True)
class Finding:
    rule: str  # stable id such as "blame.hindsight" or "smart.time-bound"
    severity: Level
    location: str  # field path in the file format, e.g. "actions[1].action"; "" for the document
    message: str
    suggestion: str = ""

    @property
    def step(self) -> str:
        """The wizard step where the author fixes it."""
        return step_of(self.location)

    def as_json(self) -> dict[str, str]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def sort_key(finding: Finding) -> tuple[int, str, str]:
    return LEVEL_ORDER[finding.severity], finding.location, finding.rule
