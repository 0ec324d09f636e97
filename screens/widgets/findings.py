"""How review findings look in the wizard: one line each, and a strip for those without a field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from postmortem.models.checks import Finding, Level

ICONS = {Level.ERROR: "[$text-error]✖[/]", Level.WARNING: "[$text-warning]⚠[/]", Level.INFO: "[$text-primary]ℹ[/]"}


def finding_markup(finding: Finding, prefix: str = "", suggestion: bool = True) -> str:
    """``⚠ prefix: message. suggestion`` as markup."""
    text = f"{prefix}: {finding.message}" if prefix else finding.message
    line = f"{ICONS[finding.severity]} {escape(text)}"
    if suggestion and finding.suggestion:
        line += f" [dim]— {escape(finding.suggestion)}[/]"
    return line


class FindingsStrip(VerticalScroll, can_focus=False):
    """The step's findings that belong to no single field (or to table rows); hidden when there are none."""

    DEFAULT_CLASSES = "findings-strip"
    DEFAULT_CSS = """
    FindingsStrip {
        display: none;
        height: auto;
        max-height: 6;
        margin: 0 0 1 0;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._text = ""

    def compose(self) -> ComposeResult:
        yield Static(self._text)

    def show(self, lines: list[str]) -> None:
        """Show these lines (also before the strip is composed: they are shown once it is)."""
        self._text = "\n".join(lines)
        self.display = bool(lines)
        texts = self.query(Static)
        if texts:
            texts.first().update(self._text)
