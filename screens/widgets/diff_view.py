"""Two versions of a file, as a coloured unified diff that scrolls."""

from __future__ import annotations

import difflib

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

_STYLES = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"), ("-", "red"))


def diff_text(old: str, new: str, old_name: str, new_name: str) -> Text:
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), old_name, new_name, lineterm="", n=2)
    text = Text()
    for line in lines:
        style = next((style for prefix, style in _STYLES if line.startswith(prefix)), "")
        text.append(line + "\n", style=style)
    return text if text.plain else Text("The two versions are the same.")


class DiffView(VerticalScroll):
    DEFAULT_CSS = """
    DiffView {
        height: auto;
        max-height: 20;
        border: round $secondary 50%;
        padding: 0 1;
    }
    """

    def __init__(self, old: str, new: str, old_name: str, new_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = diff_text(old, new, old_name, new_name)

    def compose(self) -> ComposeResult:
        yield Static(self._text)
