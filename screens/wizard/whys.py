"""Step 5: five whys, one chain or several, each ending at a systemic cause."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Static

from postmortem.models.document import WhyChain, WhyStep
from postmortem.screens.host import document_host
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.fields import FieldSpec as F
from postmortem.screens.wizard.step import FormStep, row_id


class WhysStep(FormStep):
    DEFAULT_CSS = """
    .why-chain {
        height: auto;
        border-left: thick $primary 50%;
        padding-left: 1;
        margin-bottom: 1;
    }
    /* The chains' labels are short (Problem, Why 1?, Because): their column leaves the text more room. */
    .why-chain FieldRow {
        grid-columns: 12 1fr;
    }
    .why-chain FieldRow .field-help, .why-chain FieldRow .field-error, .why-chain FieldRow .field-finding {
        padding-left: 12;
    }
    .why-buttons {
        height: auto;
    }
    .why-buttons Button {
        margin-right: 1;
    }
    """

    step_id = "whys"
    intro = (
        "Start from the symptom and keep asking why until you reach a condition of the system "
        "that can be changed. Stop at a process or a safeguard, never at a person."
    )
    BINDINGS = [
        Binding("ctrl+t", "add_step", "Add why", id="whys.add_step"),
        Binding("ctrl+r", "add_chain", "New chain", id="whys.add_chain"),
    ]
    FIELDS: ClassVar[list[F]] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        for number, chain in enumerate(self.document.whys):
            yield self._chain_box(number, chain)
        yield Button("New chain", id="add-chain", variant="primary")

    def _chain_box(self, number: int, chain: WhyChain) -> Vertical:
        base = f"whys[{number}]"
        specs = [F(f"{base}.problem", "Problem", "long", placeholder="The symptom this chain starts from")]
        for step, _ in enumerate(chain.steps):
            specs += _step_specs(number, step)
        specs.append(
            F(f"{base}.root_cause", "Root cause", "long", placeholder="A condition of the system, not a person")
        )
        return Vertical(
            Static(f"Chain {number + 1}", classes="step-subtitle"),
            *self.compose_fields(specs),
            Horizontal(
                Button("Add why", id=f"add-step-{number}", classes="add-step"),
                Button("Remove last why", id=f"drop-step-{number}", disabled=not chain.steps),
                Button("Remove chain", id=f"drop-chain-{number}", variant="error"),
                classes="why-buttons",
            ),
            classes="why-chain",
            id=f"chain-{number}",
        )

    def _shape(self) -> list[int]:
        return [len(chain.steps) for chain in self.document.whys]

    def on_mount(self) -> None:
        self._shown_shape = self._shape()

    def refresh_from_document(self) -> None:
        if self._shape() != self._shown_shape:
            self.call_later(self._rebuild)
        else:
            super().refresh_from_document()

    async def _rebuild(self, focus: str | None = None) -> None:
        """Show the chains as the document has them now; keys typed meanwhile go to the ``focus`` field."""
        release = document_host(self).hold_keys()
        await self.recompose()
        self._shown_shape = self._shape()
        if focus:
            self.query_one(f"#{focus}", FieldRow).focus_control()
        release()

    async def add_step(self, number: int) -> None:
        """A why at the end of a chain: its two fields are added to the chain on show, the rest stays."""
        chain = self.document.whys[number]
        above = f"whys[{number}].steps[{len(chain.steps) - 1}].because" if chain.steps else f"whys[{number}].problem"
        chain.steps.append(WhyStep())  # the question is the author's to ask: it starts empty
        self.document_changed()
        release = document_host(self).hold_keys()
        rows = list(self.compose_fields(_step_specs(number, len(chain.steps) - 1)))
        root_cause = self.query_one(f"#{row_id(f'whys[{number}].root_cause')}", FieldRow)
        await self.query_one(f"#chain-{number}", Vertical).mount_all(rows, before=root_cause)
        self.query_one(f"#drop-step-{number}", Button).disabled = False
        self._shown_shape = self._shape()
        rows[-1].focus_control()
        self.call_after_refresh(self._show_below, self.query_one(f"#{row_id(above)}", FieldRow), rows[-1])
        release()

    async def add_chain(self) -> None:
        """A chain after the others, added to those on show."""
        self.document.whys.append(WhyChain())
        self.document_changed()
        release = document_host(self).hold_keys()
        number = len(self.document.whys) - 1
        box = self._chain_box(number, self.document.whys[number])
        await self.mount(box, before="#add-chain")
        self._shown_shape = self._shape()
        self._show_new(box, focus=self.query_one(f"#{row_id(f'whys[{number}].problem')}", FieldRow))
        release()

    def _show_new(self, first: Widget, focus: FieldRow) -> None:
        """Scroll what was just added to the top of the step, once it has its place, and focus its field."""
        focus.focus_control()
        first.scroll_visible(top=True, animate=False)

    def _show_below(self, above: FieldRow, last: FieldRow) -> None:
        """Scroll a new why into view with the answer it asks about (``above``) on show above it: from that
        answer's first line when everything fits, else as much of its end as the step has room for."""
        window = self.scrollable_content_region
        if not (window and above.region and last.region):  # not laid out (the step is hidden): nothing to show
            return
        top = above.region.y
        bottom = last.region.bottom + last.styles.margin.bottom
        wanted = max(top, bottom - window.height)
        self.scroll_to(y=self.scroll_y + wanted - window.y, animate=False, immediate=True)

    def _focused_chain(self) -> int | None:
        focused = self.screen.focused
        for chain in self.query(".why-chain"):
            if focused is not None and chain.id is not None and focused in chain.walk_children():
                return int(chain.id.removeprefix("chain-"))
        return len(self.document.whys) - 1 if self.document.whys else None

    async def action_add_step(self) -> None:
        number = self._focused_chain()
        if number is None:
            await self.add_chain()
        else:
            await self.add_step(number)

    async def action_add_chain(self) -> None:
        await self.add_chain()

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        event.stop()
        if button == "add-chain":
            await self.add_chain()
            return
        action, _, number = button.rpartition("-")
        chain = int(number)
        if action == "add-step":
            await self.add_step(chain)
        elif action == "drop-step":
            self.document.whys[chain].steps.pop()
            self.document_changed()
            await self._rebuild()
        elif action == "drop-chain":
            del self.document.whys[chain]
            self.document_changed()
            await self._rebuild()


# A new why starts with an empty question: copying the answer above into it made a long, oddly cased
# sentence the author had to rewrite. The answer is on show just above; a short question of their own is better.
# One line at 80 columns (39 cells): an empty field is one line high, and shows no more of its placeholder.
QUESTION_PLACEHOLDER = "Why? Ask about the answer, or leave it"


def _step_specs(chain: int, step: int) -> list[F]:
    base = f"whys[{chain}].steps[{step}]"
    return [
        F(f"{base}.why", f"Why {step + 1}?", "long", placeholder=QUESTION_PLACEHOLDER),
        F(f"{base}.because", "Because", "long"),
    ]
