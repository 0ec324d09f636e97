"""A sized table shows its first rows at once and adds the rest once drawn; columns are as wide as their
widest cell, whether or not it is among the first rows."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from postmortem.screens.widgets.sized_table import FIRST_ROWS, SizedTable


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SizedTable(id="table")


def rows(count: int, word: str) -> list[tuple[str, object]]:
    return [(f"{word} {number}", Text(str(number), style="bold")) for number in range(count)]


async def test_the_rows_past_the_first_screens_are_added_after_the_first_frame(ui):
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(SizedTable)
        many = rows(FIRST_ROWS * 3, "row")
        many[-1] = ("the widest cell of them all, last", Text("9"))
        table.fill(["Name", "Number"], many)
        assert table.row_count == FIRST_ROWS
        await ui.wait_until(pilot, lambda: table.row_count == len(many))
        assert table.get_row_at(len(many) - 1)[0] == "the widest cell of them all, last"
        assert [column.width for column in table.ordered_columns] == [33, 6]
        assert table.virtual_size.height == len(many) + 1  # every row, and the header


async def test_a_fill_before_the_rest_of_an_earlier_one_is_added_keeps_only_its_own_rows(ui):
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(SizedTable)
        table.fill(["Name", "Number"], rows(FIRST_ROWS * 3, "old"))
        table.fill(["Name", "Number"], rows(FIRST_ROWS + 5, "new"))
        # The rest of each fill is added in the order the fills were made: once the second's is in, the
        # first's turn has passed.
        await ui.wait_until(pilot, lambda: table.row_count == FIRST_ROWS + 5)
        assert {str(table.get_row_at(index)[0]).split()[0] for index in range(table.row_count)} == {"new"}
