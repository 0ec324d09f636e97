"""The wizard: the step list on the left, the current step on the right.

Steps are built the first time they are shown, so that start-up only pays for
the first one; once built, a step stays mounted and keeps its scroll position.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher, Header, OptionList

from postmortem.models.checks import Finding, Level, run_checks
from postmortem.models.completeness import missing_by_step
from postmortem.models.steps import REVIEW_STEP, STEP_BY_ID, STEP_IDS, STEPS
from postmortem.screens.dialogs.help import HelpScreen, KeyGroup, key_rows
from postmortem.screens.host import document_host
from postmortem.screens.widgets.footer import KeysFooter
from postmortem.screens.widgets.step_list import StepList
from postmortem.screens.wizard.registry import view_class
from postmortem.screens.wizard.step import StepView


class WizardScreen(Screen[None]):
    CSS_PATH = "screen.tcss"
    # Below WIDE columns the screen has the class -narrow: side panels move above tables.
    WIDE = 180
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    # Below TALL lines it has the class -short: step introductions hide, detail panes shrink.
    TALL = 30
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]
    BINDINGS = [
        Binding("alt+p,ctrl+pageup", "previous_step", "Back", id="wizard.previous", key_display="alt+p", priority=True),
        Binding("alt+n,ctrl+pagedown", "next_step", "Next", id="wizard.next", key_display="alt+n", priority=True),
    ]

    class StepShown(Message):
        """Another step is shown: a moment to keep a recovery copy."""

    def __init__(self, start_step: str) -> None:
        super().__init__()
        self.current_step = start_step
        self.findings: list[Finding] = []  # the review checks' findings on the document, by check()
        self._mounting: dict[str, AwaitMount] = {}  # the steps, as they were mounted
        self._built: set[str] = set()  # the steps whose every widget is mounted
        # The classes the first resize would set, set now: changing it later restyles every widget.
        self.add_class("-wide" if self.app.size.width >= self.WIDE else "-narrow")
        self.add_class("-tall" if self.app.size.height >= self.TALL else "-short")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="wizard-body"):
            yield StepList([(step.id, step.short_title) for step in STEPS])
            yield ContentSwitcher(id="steps")
        yield KeysFooter()

    def on_mount(self) -> None:
        # Keys typed before the first step is built wait for its field.
        self._release_keys = document_host(self).hold_keys()

    def fill_in(self, then: Callable[[], None]) -> None:
        """Once the app is up: draw the screen around the steps, then build the first step, show it,
        and call ``then``."""
        self.call_after_refresh(self._first_step, then)

    async def _first_step(self, then: Callable[[], None]) -> None:
        await self.show_document()
        self._release_keys()
        self.call_after_refresh(then)
        # The other steps are built at quiet moments, the next ones first: a step's first visit then
        # costs what any step change does. One visited sooner is built on the key.
        shown = STEP_IDS.index(self.current_step)
        for step_id in STEP_IDS[shown + 1 :] + STEP_IDS[:shown]:
            document_host(self).when_quiet(partial(self._build_step, step_id))

    async def _build_step(self, step_id: str) -> None:
        """Build the step's view (hidden) unless it was or is being built."""
        if not self.is_attached or self.app.return_code is not None:  # the app is closing: nothing to build for
            return
        if step_id not in self._mounting:
            view = view_class(step_id)()
            view.display = False
            self._mounting[step_id] = self.query_one("#steps", ContentSwitcher).mount(view)
        await self._mounting[step_id]
        self._built.add(step_id)

    def _run_checks(self) -> list[Finding]:
        host = document_host(self)
        return run_checks(host.document, host.today)

    def check(self) -> None:
        """Run the review checks on the document as it is now and show their findings."""
        self.show_findings(self._run_checks())

    async def show_document(self) -> None:
        """The document as it is now (opened, or another version: undone, restored, merged) in the shown
        step, with the findings of the checks run on it (old ones may point at records that are gone)."""
        self.findings = self._run_checks()
        await self.go_to(self.current_step)
        self.show_findings(self.findings)
        self.show_progress()

    def help_screen(self) -> HelpScreen:
        """Help on the step on show: its keys, the wizard's, and what to ask of the step's content."""
        step, about = self.step(self.current_step), STEP_BY_ID[self.current_step]
        groups = [
            KeyGroup("On this step", key_rows(self, [step, *step.query("*")])),
            KeyGroup("Moving between steps", key_rows(self, [self])),
            KeyGroup("Anywhere", key_rows(self, [self.app])),
        ]
        return HelpScreen(f"Help · {about.title}", groups, about.questions)

    def step(self, step_id: str) -> StepView:
        return self.query_one(f"#step-{step_id}", StepView)

    async def go_to(self, step_id: str, focus: Callable[[StepView], None] | None = None) -> StepView:
        """Show a step (building it the first time) and focus its first field, or where ``focus`` says.
        Keys typed meanwhile wait for that field."""
        release = document_host(self).hold_keys()
        switcher = self.query_one("#steps", ContentSwitcher)
        await self._build_step(step_id)
        step = self.step(step_id)
        if step_id != self.current_step and self.current_step in self._built:
            self.step(self.current_step).left()
            self.post_message(self.StepShown())
        self.current_step = step_id
        with self.app.batch_update():  # one layout and one frame for all of it
            switcher.current = step.id
            self.query_one(StepList).select_step(step_id)
            step.refresh_from_document()
            step.show_findings(self.findings_in(step_id))
            step.focus_first() if focus is None else focus(step)
            self.sub_title = f"{STEP_IDS.index(step_id) + 1}/{len(STEPS)} {STEP_BY_ID[step_id].title}"
            # The whole screen is laid out in the first frame after the batch. Left to the widgets, the
            # layout waits for each to post it, and the frame before it is drawn with the old one.
            self.refresh(layout=True)
        self.call_after_refresh(release)
        return step

    def show_progress(self) -> None:
        """Mark each step in the step list as complete or lacking content."""
        self.query_one(StepList).show_gaps(missing_by_step(document_host(self).document))

    def findings_in(self, step_id: str) -> list[Finding]:
        return self.findings if step_id == REVIEW_STEP else [f for f in self.findings if f.step == step_id]

    def show_findings(self, findings: list[Finding]) -> None:
        """Counts per step in the step list; the shown step puts its findings by its fields."""
        self.findings = findings
        counts: dict[str, tuple[int, int]] = {}
        for finding in findings:
            errors, warnings = counts.get(finding.step, (0, 0))
            counts[finding.step] = (
                errors + (finding.severity == Level.ERROR),
                warnings + (finding.severity == Level.WARNING),
            )
        self.query_one(StepList).show_counts(counts)
        if self.current_step in self._built:  # else they are shown once it is
            self.step(self.current_step).show_findings(self.findings_in(self.current_step))

    @on(StepView.JumpTo)
    async def _jump_to(self, message: StepView.JumpTo) -> None:
        """Show the step of a location and focus the field there."""
        await self.go_to(message.step_id, focus=lambda step: step.focus_location(message.location))

    async def action_go_to(self, step_id: str) -> None:
        await self.go_to(step_id)

    async def action_next_step(self) -> None:
        index = STEP_IDS.index(self.current_step)
        await self.go_to(STEP_IDS[min(index + 1, len(STEP_IDS) - 1)])

    async def action_previous_step(self) -> None:
        index = STEP_IDS.index(self.current_step)
        await self.go_to(STEP_IDS[max(index - 1, 0)])

    @on(OptionList.OptionSelected, "#step-list")
    async def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and event.option.id != self.current_step:
            await self.go_to(event.option.id)
