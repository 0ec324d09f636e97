"""When a file cannot be opened for editing: its problems, and the file itself read-only."""

from __future__ import annotations

import re
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Static, TextArea

from postmortem.models.errors import DocumentError
from postmortem.models.files import MAX_BYTES
from postmortem.screens.widgets.footer import KeysFooter

_LINE = re.compile(r"\bline (\d+)")


class LoadErrorApp(App[int]):
    """Shows why ``path`` cannot be edited; offers its text read-only when it is text at all."""

    CSS_PATH = "load_error.tcss"
    TITLE = "postmortem"
    BINDINGS = [
        Binding("q,escape", "quit", "Quit", id="load-error.quit"),
        Binding("v", "view", "View read-only", id="load-error.view"),
    ]

    def __init__(self, path: Path, error: DocumentError) -> None:
        super().__init__()
        self.path = path
        self.error = error
        self.text = _readable_text(path)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="load-error"):
            yield Static(f"[b]{self.path} cannot be opened for editing[/b]", id="load-error-title")
            with VerticalScroll(id="load-error-problems"):
                yield Static("\n".join(f"• {problem}" for problem in self.error.problems), markup=False)
            yield Static(
                "Fix the file in an editor (or restore FILE.bak) and open it again. Nothing has been changed.",
                id="load-error-hint",
            )
            with Horizontal(id="load-error-buttons"):
                if self.text is not None:
                    yield Button("View the file read-only", id="load-error-view", variant="primary")
                yield Button("Quit", id="load-error-quit")
            if self.text is not None:
                yield TextArea(self.text, read_only=True, show_line_numbers=True, soft_wrap=False, id="load-error-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = self.path.name
        text_area = self.query("#load-error-text")
        if text_area:
            text_area.first().display = False

    def action_view(self) -> None:
        if self.text is None:
            return
        area = self.query_one("#load-error-text", TextArea)
        area.display = True
        first = _LINE.search(" ".join(self.error.problems))
        if first:
            row = int(first.group(1)) - 1
            area.move_cursor((row, 0))
            area.scroll_cursor_visible(center=True, animate=False)
        area.focus()

    async def action_quit(self) -> None:
        self.exit(self.error.exit_code)

    @on(Button.Pressed, "#load-error-view")
    def _view(self) -> None:
        self.action_view()

    @on(Button.Pressed, "#load-error-quit")
    async def _quit(self) -> None:
        await self.action_quit()


def _readable_text(path: Path) -> str | None:
    """The file as text (bad bytes shown as replacement marks), or None for a folder, a huge or binary file."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    if b"\0" in raw[:4096] and raw[:4096].count(b"\0") > 8:
        return None
    return raw.decode("utf-8", "replace")
