"""The wizard's steps in order. Each step's module is imported when first shown."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screens.step import StepView


@dataclass(frozen=True)
class StepInfo:
    id: str
    title: str
    short_title: str
    module: str
    class_name: str

    def view_class(self) -> type[StepView]:
        return getattr(importlib.import_module(self.module), self.class_name)


STEPS: tuple[StepInfo, ...] = (
    StepInfo("summary", "Summary & details", "Summary", "screens.summary", "SummaryStep"),
    StepInfo("impact", "Impact", "Impact", "screens.impact", "ImpactStep"),
    StepInfo("timeline", "Timeline", "Timeline", "screens.timeline", "TimelineStep"),
    StepInfo("factors", "Contributing factors", "Factors", "screens.factors", "FactorsStep"),
    StepInfo("whys", "Five whys", "Five whys", "screens.whys", "WhysStep"),
    StepInfo("actions", "Action items", "Actions", "screens.actions", "ActionsStep"),
    StepInfo("lessons", "Lessons learned", "Lessons", "screens.lessons", "LessonsStep"),
    StepInfo("review", "Review", "Review", "screens.review", "ReviewStep"),
)
STEP_IDS: tuple[str, ...] = tuple(step.id for step in STEPS)
BY_ID: dict[str, StepInfo] = {step.id: step for step in STEPS}
