"""The wizard app: the author writes the postmortem step by step, with the review checks running as they type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from textual import on
from textual.app import App
from textual.markup import escape

from postmortem.exports.markdown import render_markdown
from postmortem.models.document import Postmortem
from postmortem.models.errors import DocumentError
from postmortem.models.files import write_atomic
from postmortem.models.locations import value_at
from postmortem.screens.dialogs.confirm import unusable_text_dialog
from postmortem.screens.widgets.fields import FieldRow, to_text
from postmortem.screens.wizard.screen import WizardScreen
from postmortem.screens.wizard.step import StepView
from postmortem.tui.commands import WizardCommands
from postmortem.tui.document_app import DocumentApp


class WizardApp(DocumentApp):
    COMMANDS = App.COMMANDS | {WizardCommands}
    # The wizard is the screen the app starts with (its one mode), rather than a
    # screen pushed over an empty default screen that would be laid out for nothing.
    DEFAULT_MODE = "wizard"

    def __init__(
        self, document: Postmortem, path: Path, *, start_step: str = "summary", today: date | None = None
    ) -> None:
        super().__init__(document, path, today=today)
        self.add_mode("wizard", lambda: WizardScreen(start_step))

    def fill_in(self, then: Callable[[], None]) -> None:
        # The screen is drawn before its first step is built: the app shows up sooner.
        self.wizard.fill_in(then)

    @property
    def wizard(self) -> WizardScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, WizardScreen)
        return screen

    def show_change(self) -> None:
        """Mark the steps at once; the review checks run once typing pauses."""
        self.wizard.show_progress()

    def after_typing(self) -> None:
        self.wizard.check()

    def show_document(self) -> None:
        self.call_later(self.wizard.show_document)

    def text_not_in_document(self) -> bool:
        return bool(self.unusable_rows())

    def unusable_rows(self) -> list[FieldRow]:
        """The fields whose text cannot be used (the document keeps their earlier values)."""
        if not self.screen_stack:  # the app is closing
            return []
        return [row for row in self.wizard.query(FieldRow) if row.invalid]

    @on(WizardScreen.StepShown)
    def _step_shown(self) -> None:
        self.safekeeper.write()

    # Actions

    def action_save(self) -> bool:
        """Save; while fields hold text that cannot be used, ask first: fix it, or save the rest."""
        rows = self.unusable_rows()
        if not rows:
            return super().action_save()
        self.push_screen(unusable_text_dialog([self._describe(row) for row in rows]), partial(self._unusable, rows[0]))
        return False

    def _describe(self, row: FieldRow) -> str:
        step = next(node for node in row.ancestors if isinstance(node, StepView))
        kept = to_text(row.spec, value_at(self.document, row.spec.name)) or "no value"
        typed = " ".join(str(row.raw_value()).split())
        return escape(f"{step.title} · {row.spec.label}: “{typed}” ({row.error}); saving keeps {kept}")

    def _unusable(self, first: FieldRow, answer: str | None) -> None:
        if answer == "fix":
            self.wizard.post_message(StepView.JumpTo(first.spec.name))
        elif answer == "save":
            super().action_save()

    def action_export_markdown(self) -> None:
        target = self.path.with_suffix(".md")
        try:
            write_atomic(target, render_markdown(self.document))
        except DocumentError as error:
            self.notify("\n".join(error.lines()), title="Not exported", severity="error", timeout=10)
            return
        self.notify(f"Exported Markdown to {target}", timeout=4)

    def action_export(self) -> None:
        """The Export dialog: a format, an audience and a path; the export is written when it closes."""
        # Imported here: the formats (and markdown-it for HTML) are not needed at start-up.
        from postmortem.screens.dialogs.export import Export, ExportDialog

        def chosen(choice: Export | None) -> None:
            if choice is None:
                return
            try:
                write_atomic(choice.path, choice.text)
            except DocumentError as error:
                self.notify("\n".join(error.lines()), title="Not exported", severity="error", timeout=10)
                return
            self.notify(f"Exported to {choice.path}", timeout=4)

        self.push_screen(ExportDialog(self.document, self.path), chosen)

    async def action_go_to(self, step_id: str) -> None:
        await self.wizard.go_to(step_id)

    async def action_step_action(self, step_id: str, action: str) -> None:
        """Open a step and run one of its actions, such as its "add" form (palette commands)."""
        step = await self.wizard.go_to(step_id)
        await step.run_action(action)
