"""A part of an imported Markdown postmortem that no field took (``[[extra.imported]]``): read it, then move
it into a field of the author's choosing or remove it once its content is placed. The dialog changes
nothing itself: it dismisses with what to do."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static, TextArea

from postmortem.screens.dialogs.modal import modal_css
from postmortem.screens.widgets.footer import KeysFooter

# The text fields a part may be moved into: its Markdown goes after what the field holds, a blank line between.
TARGETS = (
    ("Summary · What happened", "summary.what_happened"),
    ("Summary · Background", "summary.background"),
    ("Summary · Root cause", "summary.root_cause"),
    ("Summary · Resolution", "summary.resolution"),
    ("Summary · Customer impact", "summary.customer_impact"),
    ("Impact · Customer experience", "impact.customer_experience"),
    ("Response · Recovery story", "response.recovery"),
    ("Response · Mitigation", "response.mitigation"),
    ("Response · Communication", "response.communication"),
    ("Response · Residual risk", "response.residual_risk"),
)

# What the dialog ends with: ("move", a location of TARGETS), ("remove", ""), or None to leave the part be.
Decision = tuple[str, str] | None


class ImportedPartDialog(ModalScreen[Decision]):
    DEFAULT_CSS = (
        modal_css("ImportedPartDialog")
        + """
    ImportedPartDialog TextArea {
        height: auto;
        max-height: 14;
    }
    ImportedPartDialog #part-target {
        margin-top: 1;
        width: 1fr;
    }
    """
    )
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="imported-part.close"),
        Binding("ctrl+j", "move", "Move into the field", id="imported-part.move"),
    ]

    def __init__(self, heading: str, markdown: str) -> None:
        super().__init__()
        self.heading = heading
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Imported, not placed yet: {self.heading}", classes="dialog-heading", markup=False)
            yield TextArea(self.markdown, read_only=True, soft_wrap=True, id="part-markdown")
            yield Static(
                "Move it into a field (added after what the field holds, where you can edit it), or remove it "
                "once what matters in it is placed.",
                markup=False,
            )
            yield Select(TARGETS, prompt="Move into…", id="part-target")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Move", variant="primary", id="part-move")
                yield Button("Remove", variant="warning", id="part-remove")
                yield Button("Close", id="part-close")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#part-target", Select).focus()

    @on(Button.Pressed, "#part-move")
    def action_move(self) -> None:
        target = self.query_one("#part-target", Select).value
        if isinstance(target, str):
            self.dismiss(("move", target))
        else:
            self.query_one("#part-target", Select).focus()
            self.notify("Choose the field to move it into first.", severity="warning")

    @on(Button.Pressed, "#part-remove")
    def _remove(self) -> None:
        self.dismiss(("remove", ""))

    @on(Button.Pressed, "#part-close")
    def _close(self) -> None:
        self.dismiss(None)
