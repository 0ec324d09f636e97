"""A data table filled at once, its columns sized as they are filled, so that thousands of rows show at once.

Textual's DataTable measures every cell of the rows added, at its next idle moment, to size its columns;
for 5,000 rows of ten columns that is most of a second during which nothing is drawn. Here the widths are
worked out while the rows are added (a string's length, not a rendering), and the idle moment only sizes
the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

# Rows added at once, more than a screen holds; the rest once the screen is drawn.
FIRST_ROWS = 120


class SizedTable(DataTable[Any]):
    _fills = 0  # how many times the table was filled: rows still to add from an earlier fill are not added

    def fill(self, labels: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Put ``rows`` in the table under ``labels``, each column as wide as its widest cell. The first screens
        of rows are drawn before the rest is added."""
        self._fills += 1
        self.clear(columns=True)
        for index, label in enumerate(labels):
            cells = (row[index] for row in rows)
            width = max([cell_len(label), *(c.cell_len if isinstance(c, Text) else cell_len(str(c)) for c in cells)])
            self.add_column(label, width=width)
        self.add_rows(rows[:FIRST_ROWS])
        if len(rows) > FIRST_ROWS:
            self.call_after_refresh(self._add_rest, rows[FIRST_ROWS:], self._fills)

    def _add_rest(self, rows: Sequence[tuple[Any, ...]], fill: int) -> None:
        if fill == self._fills:
            self.add_rows(rows)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        if any(column.auto_width for column in self.columns.values()) or any(
            row.label is not None or row.auto_height for row in self.rows.values()
        ):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)
