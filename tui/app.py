"""The postmortem App: owns the document, saves it, exports it, quits safely."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.timer import Timer

from exports.markdown import render_markdown
from models.checks import Finding, run_checks
from models.codec import dumps
from models.document import Postmortem
from models.errors import DocumentError
from models.store import save, write_atomic
from screens.confirm_dialog import quit_dialog
from screens.wizard import WizardScreen
from tui.commands import WizardCommands


# Seconds of quiet after an edit before the review checks run again.
CHECK_DELAY = 0.4


class PostmortemApp(App[int]):
    """Edit one postmortem file.

    ``saved_text`` is the TOML the document had when opened or last saved; the
    document has unsaved changes when it no longer serialises to that text.
    """

    CSS_PATH = "app.tcss"
    TITLE = "postmortem"
    COMMANDS = App.COMMANDS | {WizardCommands}
    # The wizard is the screen the app starts with (its one mode), rather than a
    # screen pushed over an empty default screen that would be laid out for nothing.
    MODES = {"wizard": WizardScreen}
    DEFAULT_MODE = "wizard"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="app.save", priority=True, tooltip="Save the postmortem file"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Quit (asks about unsaved changes)"),
    ]

    def __init__(self, document: Postmortem, path: Path, *, start_step: str = "summary",
                 today: date | None = None) -> None:
        super().__init__()
        self.document = document
        self.path = path
        self.saved_text = dumps(document)
        self.edited = False  # an edit since the last save: the cheap check for the title bar
        self.start_step = start_step
        self.today = today  # the date overdue actions are judged against (None: the real today)
        self.findings: list[Finding] = run_checks(document, today)
        self._check_timer: Timer | None = None

    @property
    def wizard(self) -> WizardScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.refresh_title()

    # Document state

    @property
    def unsaved(self) -> bool:
        """Whether the file would change on save (exact, used before quitting)."""
        return dumps(self.document) != self.saved_text

    def document_changed(self) -> None:
        """Called by the steps after each edit; the review checks run once typing pauses."""
        self.edited = True
        self.refresh_title()
        self.wizard.show_progress()
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self.refresh_findings)

    def refresh_findings(self) -> None:
        self._check_timer = None
        self.findings = run_checks(self.document, self.today)
        if self.screen_stack:  # not while the app is closing
            self.wizard.show_findings()

    def refresh_title(self) -> None:
        self.title = f"{self.path.name} ●" if self.edited else self.path.name

    # Actions

    def action_save(self) -> bool:
        try:
            self.saved_text = save(self.document, self.path)
        except DocumentError as error:
            self.notify("\n".join(error.lines()), title="Not saved", severity="error", timeout=10)
            return False
        self.edited = False
        self.refresh_title()
        self.notify(f"Saved {self.path}", timeout=3)
        return True

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

    async def action_quit(self) -> None:
        if not self.unsaved:
            self.exit(0)
            return

        def answered(answer: str | None) -> None:
            if answer == "save" and self.action_save():
                self.exit(0)
            elif answer == "discard":
                self.exit(0)

        self.push_screen(quit_dialog(), answered)
