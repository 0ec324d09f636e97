"""The Markdown export as it will be written: read-only text, drawn a screen at a time.

A document of thousands of lines stays quick to show: only the lines on screen are drawn, and showing the
same text again does nothing. Headings and bold text are highlighted from the Markdown itself.
"""

from __future__ import annotations

import re

from textual.widgets import TextArea

BOLD = re.compile(r"\*\*[^*\n]+\*\*")


class MarkdownPreview(TextArea):
    """Read-only, as tall as its text (the step around it scrolls), never focused."""

    DEFAULT_CSS = """
    MarkdownPreview {
        height: auto;
        border: none;
        padding: 0 1;
        background: $background;
        &:focus { border: none; }
    }
    """
    can_focus = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", read_only=True, soft_wrap=True, show_cursor=False, id=id)

    def show(self, text: str) -> None:
        """Show ``text``; the same text again changes nothing."""
        if text != self.text:
            self.load_text(text)

    def _build_highlight_map(self) -> None:
        """Headings and bold spans, in the byte columns TextArea's highlights use."""
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        for number, line in enumerate(self.text.splitlines()):
            if line.startswith("#"):
                highlights[number].append((0, None, "heading"))
                continue
            for match in BOLD.finditer(line):
                start = len(line[: match.start()].encode())
                highlights[number].append((start, start + len(match.group().encode()), "bold"))
