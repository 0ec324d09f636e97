"""The merge of the document with another version of it: what combined cleanly, and each conflict side by side.

Each conflict shows the version on disk (or in the file) and the one here next
to each other, with what both started from; the author picks one of the two.
Nothing is written until the author takes the merge.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static

from postmortem.models.codec import SchemaError
from postmortem.models.document import Postmortem
from postmortem.models.merge import Conflict, Merge, Side
from postmortem.screens.widgets.footer import KeysFooter


class ConflictChoice(Vertical):
    """One conflict: its label, what both started from, the two versions side by side, and the choice."""

    DEFAULT_CSS = """
    ConflictChoice {
        height: auto;
        margin-bottom: 1;
        border-left: thick $warning;
        padding-left: 1;
    }
    ConflictChoice .merge-label { text-style: bold; }
    ConflictChoice .merge-base { color: $text-muted; }
    ConflictChoice .merge-sides { height: auto; }
    ConflictChoice .merge-side {
        width: 1fr;
        height: auto;
        border: round $secondary 50%;
        padding: 0 1;
    }
    ConflictChoice .merge-side.-chosen { border: round $accent; }
    ConflictChoice RadioSet { layout: horizontal; width: auto; height: auto; border: none; }
    """

    def __init__(self, index: int, conflict: Conflict, theirs_name: str, mine_name: str) -> None:
        super().__init__(id=f"conflict-{index}")
        self.conflict = conflict
        self.theirs_name = theirs_name
        self.mine_name = mine_name

    def compose(self) -> ComposeResult:
        conflict = self.conflict
        yield Static(escape(conflict.label), classes="merge-label")
        yield Static(f"Before: {escape(conflict.base)}", classes="merge-base")
        with Horizontal(classes="merge-sides"):
            yield Static(escape(conflict.theirs), classes="merge-side merge-theirs")
            yield Static(escape(conflict.mine), classes="merge-side merge-mine")
        with RadioSet():
            yield RadioButton(f"Take {self.theirs_name.lower()}", id="take-theirs")
            yield RadioButton(f"Keep {self.mine_name.lower()}", id="take-mine", value=True)

    @property
    def side(self) -> Side:
        return Side.THEIRS if self.query_one("#take-theirs", RadioButton).value else Side.MINE

    def on_mount(self) -> None:
        self._show_choice()

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._show_choice()

    def _show_choice(self) -> None:
        """The chosen version is framed and ticked in words too (colour alone is lost on a projector)."""
        for pane, side, name in (
            (self.query_one(".merge-theirs"), Side.THEIRS, self.theirs_name),
            (self.query_one(".merge-mine"), Side.MINE, self.mine_name),
        ):
            chosen = self.side is side
            pane.set_class(chosen, "-chosen")
            pane.border_title = f"✓ {name} (chosen)" if chosen else name


class MergeDialog(ModalScreen[Postmortem | None]):
    """Dismisses with the merged document, or None when the author cancels."""

    CSS_PATH = "merge.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="merge.cancel"),
        Binding("ctrl+enter,ctrl+j", "take", "Take the merge", id="merge.take", key_display="ctrl+j", priority=True),
    ]

    def __init__(self, merge: Merge, heading: str, *, theirs_name: str = "On disk", mine_name: str = "Mine") -> None:
        super().__init__()
        self.merge = merge
        self.heading = heading
        self.theirs_name = theirs_name
        self.mine_name = mine_name

    def compose(self) -> ComposeResult:
        merge = self.merge
        with Vertical(id="merge", classes="" if merge.clean else "-conflicts"):
            yield Static(self.heading, id="merge-heading")
            if merge.clean:
                summary = "Both sets of changes combine without a conflict."
            else:
                count = len(merge.conflicts)
                summary = (
                    f"Everything else combines; {count} place{'s' if count != 1 else ''} changed on both sides "
                    "differently. Choose a version for each (yours is chosen until you pick another)."
                )
            yield Static(summary, id="merge-summary")
            for note in merge.notes:
                yield Static(f"• {escape(note)}", classes="merge-note")
            with VerticalScroll(id="merge-conflicts"):
                for index, conflict in enumerate(merge.conflicts):
                    yield ConflictChoice(index, conflict, self.theirs_name, self.mine_name)
            with Horizontal(id="merge-buttons"):
                yield Button("Take the merge", variant="primary", id="merge-take")
                yield Button("Cancel", id="merge-cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.merge.clean:
            self.query_one("#merge-take").focus()
        else:
            self.query_one(RadioSet).focus()

    def choices(self) -> dict[int, Side]:
        return {index: choice.side for index, choice in enumerate(self.query(ConflictChoice))}

    @on(Button.Pressed, "#merge-take")
    def action_take(self) -> None:
        try:
            merged = self.merge.resolve(self.choices())
        except SchemaError as error:  # the merge is built to be valid for every choice; never lose the session
            self.notify(
                "; ".join(error.problems), title="These choices do not make a valid postmortem", severity="error"
            )
            return
        self.dismiss(merged)

    @on(Button.Pressed, "#merge-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
