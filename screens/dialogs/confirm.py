"""A small modal question with a few answers, each a button (tab moves between them, escape cancels)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from postmortem.screens.widgets.diff_view import DiffView
from postmortem.screens.widgets.footer import KeysFooter


class ConfirmDialog(ModalScreen[str]):
    """Dismisses with the id of the chosen answer; escape gives ``"cancel"``."""

    # Default CSS rather than a CSS file: see RecordForm.
    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
        background: $background 60%;
    }
    ConfirmDialog #confirm {
        width: auto;
        max-width: 90%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    ConfirmDialog #confirm-question {
        width: auto;
        max-width: 100%;
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-buttons {
        width: auto;
        height: auto;
    }
    ConfirmDialog #confirm-buttons Button {
        margin-right: 1;
        min-width: 0;
    }
    ConfirmDialog #confirm.-with-details {
        width: 90%;
        max-width: 110;
    }
    ConfirmDialog #confirm.-with-details #confirm-question {
        width: 100%;
    }
    ConfirmDialog #confirm-details {
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-show-details {
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-buttons.-many {
        layout: grid;
        grid-size: 3;
        grid-columns: auto;
        grid-rows: 3;
        grid-gutter: 0 1;
    }
    ConfirmDialog #confirm-buttons.-many Button {
        margin-right: 0;
    }
    """
    BINDINGS = [Binding("escape", "choose('cancel')", "Cancel", id="confirm.cancel")]

    def __init__(
        self, question: str, answers: list[tuple[str, str, ButtonVariant]], details: DiffView | None = None
    ) -> None:
        """``answers``: (id, button label, button variant), the first is the default. ``details``, when
        given, is shown by a "Show differences" button."""
        super().__init__()
        self.question = question
        self.answers = answers
        self.details = details

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="-with-details" if self.details is not None else ""):
            yield Static(self.question, id="confirm-question")
            if self.details is not None:
                self.details.display = False
                yield self.details
                yield Button("Show differences", id="confirm-show-details", compact=True)
            with Horizontal(id="confirm-buttons", classes="-many" if len(self.answers) > 4 else ""):
                for answer_id, label, variant in self.answers:
                    yield Button(label, id=f"answer-{answer_id}", variant=variant, classes="answer")
        yield KeysFooter()

    @on(Button.Pressed, "#confirm-show-details")
    def _toggle_details(self, event: Button.Pressed) -> None:
        event.stop()
        assert self.details is not None
        self.details.display = not self.details.display
        event.button.label = "Hide differences" if self.details.display else "Show differences"

    def on_mount(self) -> None:
        self.query(".answer").first().focus()

    @on(Button.Pressed, ".answer")
    def _pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("answer-"))

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer)


def delete_dialog(what: str) -> ConfirmDialog:
    return ConfirmDialog(f"Delete {what}?", [("delete", "Delete", "error"), ("cancel", "Cancel", "default")])


def discard_dialog() -> ConfirmDialog:
    """Escape on a form with something typed in it."""
    return ConfirmDialog(
        "Discard what you typed in this form?",
        [
            ("keep", "Keep editing", "primary"),
            ("discard", "Discard", "error"),
            ("save", "Save it", "default"),
        ],
    )


def quit_dialog(then: str = "") -> ConfirmDialog:
    """Before the app closes with unsaved changes; ``then`` names what opens after it ("the library")."""
    verb = "open" if then else "quit"
    return ConfirmDialog(
        f"The postmortem has unsaved changes{f'; {then} opens once it is closed' if then else ''}.",
        [
            ("save", f"Save and {verb}", "primary"),
            ("discard", f"{verb.capitalize()} without saving", "error"),
            ("cancel", "Cancel", "default"),
        ],
    )


def unusable_text_dialog(fields: list[str]) -> ConfirmDialog:
    """Before a save, when fields hold text that cannot be used; ``fields`` says what each keeps instead."""
    count = f"{len(fields)} field{'s' if len(fields) != 1 else ''} hold{'s' if len(fields) == 1 else ''}"
    return ConfirmDialog(
        f"{count} text that cannot be saved:\n" + "\n".join(f"• {field}" for field in fields),
        [
            ("fix", "Fix it", "primary"),
            ("save", "Save the rest", "warning"),
            ("cancel", "Cancel", "default"),
        ],
    )


def recovery_dialog(path_name: str, file_text: str, recovered_text: str, saved_at: str) -> ConfirmDialog:
    return ConfirmDialog(
        f"{path_name} has unsaved work from an earlier session (kept {saved_at}) that the file does not have.",
        [
            ("restore", "Restore it", "primary"),
            ("discard", "Discard it", "error"),
            ("cancel", "Decide later", "default"),
        ],
        DiffView(file_text, recovered_text, f"{path_name} (file)", f"{path_name} (recovered)", id="confirm-details"),
    )


def conflict_dialog(path_name: str, loaded_text: str, disk_text: str) -> ConfirmDialog:
    return ConfirmDialog(
        f"{path_name} was changed on disk by someone or something else since it was opened here. The merge "
        "combines both sets of changes and shows where they disagree; nothing is written until you take it.",
        [
            ("merge", "Show the merge", "primary"),
            ("save-as", "Save mine as new file", "default"),
            ("reload", "Reload theirs", "warning"),
            ("overwrite", "Overwrite", "error"),
            ("cancel", "Cancel", "default"),
        ],
        DiffView(
            loaded_text, disk_text, f"{path_name} (as opened here)", f"{path_name} (on disk now)", id="confirm-details"
        ),
    )
