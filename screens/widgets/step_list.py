"""The list of wizard steps, always visible: where the author is, and what lacks content."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class StepList(OptionList):
    """One option per step; the option id is the step id."""

    def __init__(self, steps: list[tuple[str, str]]) -> None:
        super().__init__(id="step-list")
        self.steps = steps
        self.border_title = "Steps"

    def on_mount(self) -> None:
        self.show_gaps({})

    def show_gaps(self, gaps: dict[str, list[str]]) -> None:
        """Redraw the options with a mark per step: ✓ complete, ● something missing."""
        highlighted = self.highlighted
        self.clear_options()
        for number, (step_id, title) in enumerate(self.steps, start=1):
            label = Text.assemble((f"{number} ", "dim"), title)
            if step_id in gaps:
                missing = gaps[step_id]
                label.append("  ●" if missing else "  ✓", style="bold yellow" if missing else "green")
            self.add_option(Option(label, id=step_id))
        if highlighted is not None:
            self.highlighted = highlighted

    def select_step(self, step_id: str) -> None:
        self.highlighted = self.get_option_index(step_id)
