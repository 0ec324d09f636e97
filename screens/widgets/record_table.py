"""A table of records with a row cursor, and the highlighted record in full below it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Column:
    """A column of a record table. The ``main`` one (the record's text) takes the room the others leave;
    as the table narrows, the others with a ``gives_way`` rank leave it, the highest rank first, and are
    shown in the record's detail instead."""

    title: str
    gives_way: int = 0  # 0: stays
    main: bool = False
    max_width: int | None = None  # longer text is cut to this (the detail shows it whole)


MAIN_MIN_WIDTH = 40  # the main column gets at least this room (or its longest text) before others leave


class RecordTable(DataTable[Any]):
    """A row-cursor table whose row keys are the records' indexes in the document, fitted to its width:
    one main column takes the room that is left, cut to one line (the detail below shows it whole)."""

    # Unscoped: the rules style the table itself.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .record-table {
        height: auto;
        max-height: 16;
        margin: 1 0 0 0;
    }
    """

    def __init__(self, columns: Sequence[Column], *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes="record-table")
        assert sum(column.main for column in columns) == 1, "one main column"
        self.all_columns = tuple(columns)
        self.shown_columns: tuple[Column, ...] = ()
        self._rows: list[tuple[str, tuple[Any, ...]]] = []  # every cell of every row, as filled
        self._fitted: tuple[int, list[tuple[str, tuple[Any, ...]]]] | None = None  # (width, rows) drawn

    def fill(self, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
        """Replace all rows (a cell for every column), keeping the cursor where it was; nothing is redrawn
        when the rows and the width are what they were."""
        self._rows = [(key, tuple(cells)) for key, cells in rows]
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def record_keys(self) -> list[str]:
        return [key for key, _ in self._rows]

    def folded_cells(self, key: str) -> list[tuple[str, Any]]:
        """The cells of a row that its table has no room for: (column title, cell)."""
        for row_key, cells in self._rows:
            if row_key == key:
                return [
                    (column.title, cell)
                    for column, cell in zip(self.all_columns, cells, strict=True)
                    if column not in self.shown_columns and cell not in ("", None)
                ]
        return []

    def _fit(self) -> None:
        # Room for the vertical scrollbar is kept whether it shows or not: the fit does not depend on it.
        # A hidden table has no size: it keeps the width it was last fitted to (or, never laid out yet, it
        # is filled for the app's width, so that the rows are there to move to, and fitted again once it
        # knows its own).
        if self.content_size.width:
            width = self.content_size.width - self.styles.scrollbar_size_vertical
        else:
            width = self._fitted[0] if self._fitted else self.app.size.width
        if self._fitted == (width, self._rows):
            return
        self._fitted = (width, self._rows)
        shown, main_width = fit_columns(self.all_columns, [cells for _, cells in self._rows], width, self.cell_padding)
        row = self.cursor_row
        # The columns are added again: a DataTable's column only ever widens to its widest cell.
        self.shown_columns = shown
        self.clear(columns=True)
        self.add_columns(*(column.title for column in shown))
        widths = {column: main_width if column.main else column.max_width for column in shown}
        for key, cells in self._rows:
            kept = [
                shorten(cell, room) if isinstance(cell, str) and (room := widths[column]) else cell
                for column, cell in zip(self.all_columns, cells, strict=True)
                if column in shown
            ]
            self.add_row(*plain(kept), key=key)
        if self._rows:
            self.move_cursor(row=min(row, len(self._rows) - 1))

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


def fit_columns(
    columns: Sequence[Column], rows: Sequence[Sequence[Any]], width: int, padding: int
) -> tuple[tuple[Column, ...], int]:
    """The columns that fit in ``width`` cells, and the room left for the main one."""

    def natural(index: int) -> int:
        column = columns[index]
        cells = max((cell_width(row[index]) for row in rows), default=0)
        return max(cell_len(column.title), min(cells, column.max_width or cells))

    widths = {column: natural(index) for index, column in enumerate(columns)}
    shown = list(columns)
    leaving = sorted((c for c in columns if c.gives_way), key=lambda c: -c.gives_way)

    def others() -> int:
        return sum(widths[c] + 2 * padding for c in shown if not c.main) + 2 * padding

    main = next(c for c in columns if c.main)
    while leaving and others() + min(MAIN_MIN_WIDTH, widths[main]) > width:
        shown.remove(leaving.pop(0))
    return tuple(shown), max(min(widths[main], width - others()), 8)


def cell_width(cell: Any) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(str(cell))


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
