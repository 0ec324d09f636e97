"""The list of wizard steps, always visible: where the author is, and what lacks content."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class StepList(OptionList):
    """One option per step; the option id is the step id."""

    # Unscoped: narrower on the wizard's -narrow screen.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #step-list {
        width: 24;
        height: 1fr;
        border: round $primary 50%;
        border-title-color: $text-muted;
        padding: 0;
    }
    #step-list:focus {
        border: round $primary;
    }
    .-narrow #step-list {
        width: 19;
    }
    """

    def __init__(self, steps: list[tuple[str, str]]) -> None:
        super().__init__(id="step-list")
        self.steps = steps
        self.border_title = "Steps"

    def on_mount(self) -> None:
        self.gaps: dict[str, list[str]] = {}
        self.counts: dict[str, tuple[int, int]] = {}
        self._redraw()

    def show_gaps(self, gaps: dict[str, list[str]]) -> None:
        """Mark each step ✓ complete or ● something missing."""
        if gaps != self.gaps:
            self.gaps = gaps
            self._redraw()

    def show_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        """Show each step's review findings: (errors, warnings)."""
        if counts != self.counts:
            self.counts = counts
            self._redraw()

    def _redraw(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for number, (step_id, title) in enumerate(self.steps, start=1):
            label = Text.assemble((f"{number} ", "dim"), title)
            if step_id in self.gaps:
                missing = self.gaps[step_id]
                label.append(" ●" if missing else " ✓", style="bold yellow" if missing else "green")
            errors, warnings = self.counts.get(step_id, (0, 0))
            if errors or warnings:
                label.append(f" {errors + warnings}", style="bold red" if errors else "yellow")
            self.add_option(Option(label, id=step_id))
        if highlighted is not None:
            self.highlighted = highlighted

    def select_step(self, step_id: str) -> None:
        self.highlighted = self.get_option_index(step_id)
