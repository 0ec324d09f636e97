"""The wizard app: the author writes the postmortem step by step, with the review checks running as they type."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import App
from textual.timer import Timer

from postmortem.exports.markdown import render_markdown
from postmortem.models.checks import Finding, run_checks
from postmortem.models.document import Postmortem
from postmortem.models.errors import DocumentError
from postmortem.models.store import write_atomic
from postmortem.screens.wizard.screen import WizardScreen
from postmortem.tui.commands import WizardCommands
from postmortem.tui.document_app import DocumentApp

# Seconds of quiet after an edit before the review checks run again.
CHECK_DELAY = 0.4


class WizardApp(DocumentApp):
    COMMANDS = App.COMMANDS | {WizardCommands}
    # The wizard is the screen the app starts with (its one mode), rather than a
    # screen pushed over an empty default screen that would be laid out for nothing.
    DEFAULT_MODE = "wizard"

    def __init__(
        self, document: Postmortem, path: Path, *, start_step: str = "summary", today: date | None = None
    ) -> None:
        super().__init__(document, path, today=today)
        self.findings: list[Finding] = run_checks(document, today)
        self._check_timer: Timer | None = None
        self.add_mode("wizard", lambda: WizardScreen(start_step, self.findings))

    @property
    def wizard(self) -> WizardScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, WizardScreen)
        return screen

    def show_change(self) -> None:
        """Mark the steps at once; the review checks run once typing pauses."""
        self.wizard.show_progress()
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self.refresh_findings)

    def show_document(self) -> None:
        self.findings = run_checks(self.document, self.today)
        self.call_later(self.wizard.go_to, self.wizard.current_step)
        self.wizard.show_progress()
        self.wizard.show_findings(self.findings)

    def refresh_findings(self) -> None:
        self._check_timer = None
        self.findings = run_checks(self.document, self.today)
        if self.screen_stack:  # not while the app is closing
            self.wizard.show_findings(self.findings)

    @on(WizardScreen.StepShown)
    def _step_shown(self) -> None:
        self.safekeeper.write()

    # Actions

    def action_export_markdown(self) -> None:
        target = self.path.with_suffix(".md")
        try:
            write_atomic(target, render_markdown(self.document))
        except DocumentError as error:
            self.notify("\n".join(error.lines()), title="Not exported", severity="error", timeout=10)
            return
        self.notify(f"Exported Markdown to {target}", timeout=4)

    async def action_go_to(self, step_id: str) -> None:
        await self.wizard.go_to(step_id)

    async def action_step_action(self, step_id: str, action: str) -> None:
        """Open a step and run one of its actions, such as its "add" form (palette commands)."""
        step = await self.wizard.go_to(step_id)
        await step.run_action(action)
