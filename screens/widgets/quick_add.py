"""A line of fields above a record table for adding a record without a form. Enter hands the fields to the
step at once (before the next key is read, so that a fast typist's next record starts in empty fields);
what the step cannot use is said on the line below, and the text stays for the author to fix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from postmortem.screens.host import document_host
from postmortem.screens.widgets.fields import FieldInput

# Takes the typed fields; says why they could not be used, or None once they were.
Adder = Callable[[list[str]], str | None]


@dataclass(frozen=True)
class QuickField:
    placeholder: str
    share: int | None = None  # percent of the line, at most ``max_width`` cells; None: the room left
    max_width: int | None = None


class QuickInput(FieldInput):
    def __init__(self, field: QuickField) -> None:
        super().__init__(placeholder=field.placeholder, compact=True, select_on_focus=False)
        if field.share is not None:
            self.styles.width = f"{field.share}%"
            self.styles.max_width = field.max_width

    async def action_submit(self) -> None:
        quick = next(node for node in self.ancestors if isinstance(node, QuickAdd))
        quick.submit()


class QuickAdd(Vertical):
    DEFAULT_CSS = """
    QuickAdd {
        height: auto;
    }
    QuickAdd Horizontal {
        height: auto;
    }
    QuickAdd QuickInput {
        width: 1fr;
        margin: 0 1 0 0;
    }
    QuickAdd .quick-add-error {
        color: $text-error;
        display: none;
    }
    """
    BINDINGS = [
        Binding("down", "leave", "To the table", id="quick-add.down", show=False),
        Binding("escape", "leave", "To the table", id="quick-add.escape", show=False),
    ]

    def __init__(self, fields: Sequence[QuickField], add: Adder, *, id: str) -> None:
        super().__init__(id=id)
        self.fields = fields
        self.add = add

    def compose(self) -> ComposeResult:
        with Horizontal():
            for field in self.fields:
                yield QuickInput(field)
        yield Static("", classes="quick-add-error", markup=False)

    def focus_first(self) -> None:
        """Focus the first field; the keys typed meanwhile wait for it (focus moves after the key)."""
        release = document_host(self).hold_keys()
        self.query(QuickInput).first().focus()
        self.call_after_refresh(release)

    def action_leave(self) -> None:
        """Focus what follows the line (the table), from any of its fields; what was typed stays. At once,
        not after the next key (as ``focus()`` would): that key is meant for the table."""
        chain = self.screen.focus_chain
        after = chain.index(self.query(QuickInput).last()) + 1
        if after < len(chain):
            self.screen.set_focus(chain[after])

    def submit(self) -> None:
        inputs = list(self.query(QuickInput))
        values = [field.value for field in inputs]
        if not any(value.strip() for value in values):
            return
        problem = self.add(values)
        self.show_error(problem or "")
        if problem is None:
            for field in inputs:
                field.value = ""
            self.focus_first()  # for the next record

    def show_error(self, message: str) -> None:
        line = self.query_one(".quick-add-error", Static)
        line.update(message)
        line.display = bool(message)
