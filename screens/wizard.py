"""The wizard: the step list on the left, the current step on the right."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, OptionList

from models.completeness import missing_by_step
from screens.actions import ActionsStep
from screens.factors import FactorsStep
from screens.impact import ImpactStep
from screens.lessons import LessonsStep
from screens.review import ReviewStep
from screens.step import StepView
from screens.summary import SummaryStep
from screens.timeline import TimelineStep
from screens.whys import WhysStep
from screens.widgets.step_list import StepList

STEP_CLASSES: list[type[StepView]] = [
    SummaryStep,
    ImpactStep,
    TimelineStep,
    FactorsStep,
    WhysStep,
    ActionsStep,
    LessonsStep,
    ReviewStep,
]
STEPS: list[tuple[str, str]] = [(cls.step_id, cls.title) for cls in STEP_CLASSES]
STEP_IDS = [step_id for step_id, _ in STEPS]
NARROW_WIDTH = 110


class WizardScreen(Screen):
    CSS_PATH = [
        "wizard.tcss",
        "widgets/step_list.tcss",
        "widgets/fields.tcss",
        "timeline.tcss",
        "whys.tcss",
        "review.tcss",
    ]
    BINDINGS = [
        Binding("alt+n,ctrl+pagedown", "next_step", "Next step", id="wizard.next", key_display="alt+n", priority=True),
        Binding("alt+p,ctrl+pageup", "previous_step", "Prev step", id="wizard.previous", key_display="alt+p", priority=True),
    ]

    def __init__(self, start_step: str = "summary") -> None:
        super().__init__()
        self.current_step = start_step

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="wizard-body"):
            yield StepList([(cls.step_id, cls.short_title or cls.title) for cls in STEP_CLASSES])
            with ContentSwitcher(initial=f"step-{self.current_step}", id="steps"):
                for cls in STEP_CLASSES:
                    yield ReviewStep(dict(STEPS)) if cls is ReviewStep else cls()
        yield Footer()

    def on_mount(self) -> None:
        self.show_progress()
        self.go_to(self.current_step)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "narrow")

    def step(self, step_id: str) -> StepView:
        return self.query_one(f"#step-{step_id}", StepView)

    def go_to(self, step_id: str) -> None:
        self.current_step = step_id
        self.query_one("#steps", ContentSwitcher).current = f"step-{step_id}"
        self.query_one(StepList).select_step(step_id)
        step = self.step(step_id)
        step.refresh_from_document()
        step.scroll_home(animate=False)
        self.call_after_refresh(step.focus_first)
        self.sub_title = f"{STEP_IDS.index(step_id) + 1}/{len(STEPS)} {step.title}"

    def show_progress(self) -> None:
        """Mark each step in the step list as complete or lacking content."""
        self.query_one(StepList).show_gaps(missing_by_step(self.app.document))  # type: ignore[attr-defined]

    def action_go_to(self, step_id: str) -> None:
        self.go_to(step_id)

    def action_next_step(self) -> None:
        index = STEP_IDS.index(self.current_step)
        self.go_to(STEP_IDS[min(index + 1, len(STEP_IDS) - 1)])

    def action_previous_step(self) -> None:
        index = STEP_IDS.index(self.current_step)
        self.go_to(STEP_IDS[max(index - 1, 0)])

    @on(OptionList.OptionSelected, "#step-list")
    def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and event.option.id != self.current_step:
            self.go_to(event.option.id)
