"""How review findings look in the wizard: one line each, and a strip for those without a field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from postmortem.models.checks import Finding, Level

ICONS = {Level.ERROR: "[$text-error]✖[/]", Level.WARNING: "[$text-warning]⚠[/]", Level.INFO: "[$text-primary]ℹ[/]"}
NAMES = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
PLURALS = {Level.ERROR: "errors", Level.WARNING: "warnings", Level.INFO: "notes"}


def finding_markup(finding: Finding, prefix: str = "", suggestion: bool = True) -> str:
    """``⚠ prefix: message. suggestion`` as markup."""
    text = f"{prefix}: {finding.message}" if prefix else finding.message
    line = f"{ICONS[finding.severity]} {escape(text)}"
    if suggestion and finding.suggestion:
        line += f" [dim]— {escape(finding.suggestion)}[/]"
    return line


class FindingsStrip(VerticalScroll, can_focus=False):
    """The step's findings that belong to no single field (or to table rows); hidden when there are none.

    One finding is shown as it is. More fold into one line that counts them, so that they do not push the
    step's work down; ``f`` (outside a text field) or a click unfolds them, and folds them again."""

    DEFAULT_CLASSES = "findings-strip"
    DEFAULT_CSS = """
    FindingsStrip {
        display: none;
        height: auto;
        max-height: 7;
        margin: 0 0 1 0;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._findings: list[tuple[Finding, str]] = []
        self.unfolded = False

    def compose(self) -> ComposeResult:
        yield Static(self._text())

    def show(self, findings: list[tuple[Finding, str]]) -> None:
        """Show these findings, each with its line of markup (also before the strip is composed: they are
        shown once it is)."""
        self._findings = findings
        self.display = bool(findings)
        self._redraw()

    def toggle(self) -> None:
        """Unfold the findings, or fold them again."""
        self.unfolded = not self.unfolded
        self._redraw()

    def on_click(self) -> None:
        self.toggle()

    def _redraw(self) -> None:
        texts = self.query(Static)
        if texts:
            texts.first().update(self._text())

    def _text(self) -> str:
        if len(self._findings) <= 1:
            return "\n".join(line for _, line in self._findings)
        levels = [finding.severity for finding, _ in self._findings]
        counts = ", ".join(
            f"{ICONS[level]} {levels.count(level)} {NAMES[level] if levels.count(level) == 1 else PLURALS[level]}"
            for level in (Level.ERROR, Level.WARNING, Level.INFO)
            if level in levels
        )
        if not self.unfolded:
            return f"▸ {len(levels)} findings: {counts} [dim]· f shows them[/]"
        lines = "\n".join(line for _, line in self._findings)
        return f"▾ {len(levels)} findings [dim]· f folds them[/]\n{lines}"
