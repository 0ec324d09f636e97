"""A small modal question with a few answers, each with its own key."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static


class ConfirmDialog(ModalScreen[str]):
    """Dismisses with the id of the chosen answer; escape gives ``"cancel"``."""

    CSS_PATH = "confirm_dialog.tcss"
    BINDINGS = [Binding("escape", "choose('cancel')", "Cancel", id="confirm.cancel")]

    def __init__(self, question: str, answers: list[tuple[str, str, str]]) -> None:
        """``answers``: (id, button label, button variant), the first is the default."""
        super().__init__()
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                for answer_id, label, variant in self.answers:
                    yield Button(label, id=f"answer-{answer_id}", variant=variant)  # type: ignore[arg-type]
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("answer-"))

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer)


def delete_dialog(what: str) -> ConfirmDialog:
    return ConfirmDialog(
        f"Delete {what}?", [("delete", "Delete", "error"), ("cancel", "Cancel", "default")]
    )


def quit_dialog() -> ConfirmDialog:
    return ConfirmDialog(
        "The postmortem has unsaved changes.",
        [
            ("save", "Save and quit", "primary"),
            ("discard", "Quit without saving", "error"),
            ("cancel", "Cancel", "default"),
        ],
    )
