"""The view of each wizard step. A step's module is imported when the step is first shown."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from postmortem.models.steps import STEP_IDS

if TYPE_CHECKING:
    from postmortem.screens.wizard.step import StepView

# Step id -> (module in this package, class).
VIEWS: dict[str, tuple[str, str]] = {
    "summary": ("summary", "SummaryStep"),
    "impact": ("impact", "ImpactStep"),
    "timeline": ("timeline", "TimelineStep"),
    "factors": ("factors", "FactorsStep"),
    "whys": ("whys", "WhysStep"),
    "actions": ("actions", "ActionsStep"),
    "lessons": ("lessons", "LessonsStep"),
    "review": ("review", "ReviewStep"),
}
assert tuple(VIEWS) == STEP_IDS, "every step has a view, in order"


def view_class(step_id: str) -> type[StepView]:
    module, name = VIEWS[step_id]
    view: type[StepView] = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    return view
