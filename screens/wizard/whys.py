"""Step 5: five whys, one chain or several, each ending at a systemic cause."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from postmortem.models.document import WhyChain, WhyStep
from postmortem.models.text_formats import next_question
from postmortem.screens.host import document_host
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.fields import FieldSpec as F
from postmortem.screens.wizard.step import FormStep


class WhysStep(FormStep):
    DEFAULT_CSS = """
    .why-chain {
        height: auto;
        border-left: thick $primary 50%;
        padding-left: 1;
        margin-bottom: 1;
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
            with Vertical(classes="why-chain", id=f"chain-{number}"):
                yield Static(f"Chain {number + 1}", classes="step-subtitle")
                yield from self.compose_fields(self._chain_specs(number, chain))
                with Horizontal(classes="why-buttons"):
                    yield Button("Add why", id=f"add-step-{number}", classes="add-step")
                    yield Button("Remove last why", id=f"drop-step-{number}", disabled=not chain.steps)
                    yield Button("Remove chain", id=f"drop-chain-{number}", variant="error")
        yield Button("New chain", id="add-chain", variant="primary")

    def _chain_specs(self, number: int, chain: WhyChain) -> list[F]:
        base = f"whys[{number}]"
        specs = [F(f"{base}.problem", "Problem", "long", placeholder="The symptom this chain starts from")]
        for step, _ in enumerate(chain.steps):
            specs.append(F(f"{base}.steps[{step}].why", f"Why {step + 1}?", "long"))
            specs.append(F(f"{base}.steps[{step}].because", "Because", "long"))
        specs.append(
            F(f"{base}.root_cause", "Root cause", "long", placeholder="A condition of the system, not a person")
        )
        return specs

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
        chain = self.document.whys[number]
        previous = chain.steps[-1].because if chain.steps else chain.problem
        chain.steps.append(WhyStep(why=next_question(previous)))
        self.document_changed()
        await self._rebuild(focus=f"field-whys-{number}-steps-{len(chain.steps) - 1}-because")

    async def add_chain(self) -> None:
        self.document.whys.append(WhyChain())
        self.document_changed()
        await self._rebuild(focus=f"field-whys-{len(self.document.whys) - 1}-problem")

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
