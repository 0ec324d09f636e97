"""The wizard's steps in order: their ids and titles, and the step where each part of the file is written."""

from __future__ import annotations

from dataclasses import dataclass

from postmortem.models.locations import top_level


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    short_title: str  # in the step list


STEPS: tuple[Step, ...] = (
    Step("summary", "Summary & details", "Summary"),
    Step("impact", "Impact", "Impact"),
    Step("timeline", "Timeline", "Timeline"),
    Step("factors", "Contributing factors", "Factors"),
    Step("whys", "Five whys", "Five whys"),
    Step("actions", "Action items", "Actions"),
    Step("lessons", "Lessons learned", "Lessons"),
    Step("review", "Review", "Review"),
)
STEP_IDS: tuple[str, ...] = tuple(step.id for step in STEPS)
STEP_BY_ID: dict[str, Step] = {step.id: step for step in STEPS}
# The step that lists every finding, and the one for findings about the document as a whole.
REVIEW_STEP = "review"

# The step where each top-level table or list of the file is written.
STEP_OF_TABLE = {
    "meta": "summary",
    "summary": "summary",
    "impact": "impact",
    "timeline": "timeline",
    "factors": "factors",
    "whys": "whys",
    "actions": "actions",
    "lessons": "lessons",
    "response": "lessons",
    "links": "lessons",
}


def step_of(location: str) -> str:
    """The step where the value at a location is written (the Review step for anything else)."""
    return STEP_OF_TABLE.get(top_level(location), REVIEW_STEP)
