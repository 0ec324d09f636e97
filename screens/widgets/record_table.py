"""A table of records with a row cursor, and the highlighted record in full below it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static


class RecordDetail(VerticalScroll):
    """The highlighted record in full, below its table; scrolls when it is taller than its space."""

    DEFAULT_CLASSES = "record-detail"
    # Unscoped: it shrinks on the wizard's -short screen.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .record-detail {
        margin: 1 0 0 0;
        padding: 0 1;
        border-left: thick $secondary 50%;
        height: auto;
    }
    .-short .record-detail {
        max-height: 3;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("")

    def update(self, content: str) -> None:
        self.query_one(Static).update(content)
        self.scroll_home(animate=False)


class RecordTable(DataTable[Any]):
    """A row-cursor table whose row keys are the records' indexes in the document."""

    # Unscoped: the rules style the table itself.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .record-table {
        height: auto;
        max-height: 16;
        margin: 1 0 0 0;
    }
    """

    def __init__(self, columns: Sequence[str], *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes="record-table")
        self._columns = columns
        self._shown: list[tuple[str, tuple[Any, ...]]] | None = None

    def on_mount(self) -> None:
        self.add_columns(*self._columns)

    def fill(self, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
        """Replace all rows, keeping the cursor where it was (nothing to do when they are the same)."""
        shown = [(key, tuple(cells)) for key, cells in rows]
        if shown == self._shown:
            return
        self._shown = shown
        row = self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_row(*plain(cells), key=key)
        if rows:
            self.move_cursor(row=min(row, len(rows) - 1))

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


def plain(cells: Sequence[Any]) -> list[Any]:
    """Table cells with strings shown as typed (a DataTable reads a string as markup)."""
    return [Text(cell) if isinstance(cell, str) else cell for cell in cells]


def escape(text: str) -> str:
    """Text for a Static with markup: square brackets shown as typed."""
    return text.replace("[", r"\[")


def shorten(text: str, width: int) -> str:
    """One line at most ``width`` cells wide (wide characters count twice), with an ellipsis when cut."""
    line = " ".join(text.split())
    if cell_len(line) <= width:
        return line
    return set_cell_size(line, width - 1).rstrip() + "…"
