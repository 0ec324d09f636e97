"""Step 4: contributing factors, grouped by category, with guiding questions."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from postmortem.models.enums import AREAS_BY_CATEGORY, Category
from postmortem.models.guidance import AREA_QUESTIONS, CATEGORY_QUESTIONS
from postmortem.screens.dialogs.record_editor import FACTORS
from postmortem.screens.widgets.record_table import Column, RecordDetail, RecordTable, escape
from postmortem.screens.wizard.records import RecordsStep

COLUMNS = (Column("ID"), Column("Weight", gives_way=1), Column("Area", gives_way=2), Column("Title", main=True))


class FactorsStep(RecordsStep):
    DEFAULT_CSS = """
    .factor-questions {
        color: $text-muted;
        padding: 0 0 0 2;
    }
    #factors-uncategorised {
        height: auto;
    }
    """

    step_id = "factors"
    intro = (
        "Incidents rarely have one cause. Ask what allowed a reasonable action to "
        "become an incident: in the system, in the process, in the organisation."
    )
    kind = FACTORS

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        for category in Category:
            yield Static(category.value.capitalize(), classes="step-subtitle", id=f"factors-{category.value}-title")
            questions = "\n".join(
                f"[b]{area.value}[/b] · {AREA_QUESTIONS[area]}" for area in AREAS_BY_CATEGORY[category]
            )
            yield Static(f"{CATEGORY_QUESTIONS[category]}\n{questions}", classes="factor-questions")
            yield RecordTable(COLUMNS, id=f"factors-{category.value}")
        yield RecordDetail(id="factors-detail")

    _none_table: RecordTable | None = None  # the table of factors not categorised yet, while there are some

    def on_mount(self) -> None:
        self.fill()

    def refresh_from_document(self) -> None:
        for category in [None, *Category]:
            rows = [
                (
                    str(index),
                    (factor.id, factor.weight.value, factor.area.value if factor.area else "", factor.title),
                )
                for index, factor in enumerate(self.document.factors)
                if factor.category == category
            ]
            if category is None:
                self._uncategorised(bool(rows))
            if rows or category is not None:
                self._table(category).fill(rows)
        detail = self.query_one("#factors-detail", RecordDetail)
        if not self.document.factors:
            detail.update("No factors yet. Press [b]a[/b] to add one to the category under the cursor.")

    def _uncategorised(self, needed: bool) -> None:
        """Factors whose category is left to the author (imported from text that did not say) get a table of
        their own, first, while there are some; a step without them has no such table at all."""
        if needed and self._none_table is None:
            self._none_table = RecordTable(COLUMNS, id="factors-none")
            self.mount(
                Vertical(
                    Static("Not categorised yet", classes="step-subtitle"),
                    Static(
                        "Imported factors whose text did not say their kind: choose one for each ([b]e[/b]).",
                        classes="factor-questions",
                    ),
                    self._none_table,
                    id="factors-uncategorised",
                ),
                before=self.query_one(f"#factors-{Category.TECHNICAL.value}-title"),
            )
        elif not needed and self._none_table is not None:
            self._none_table = None
            self.query("#factors-uncategorised").remove()

    def _table(self, category: Category | None) -> RecordTable:
        if category is None:
            assert self._none_table is not None
            return self._none_table
        return self.query_one(f"#factors-{category.value}", RecordTable)

    def describe_key(self, key: str) -> str:
        factor = self.document.factors[int(key)]
        lines = [f"[b]{escape(factor.id)} {escape(factor.title)}[/b]"]
        for label, text in (
            ("Description", factor.description),
            ("Why it mattered", factor.why_it_mattered),
            ("Evidence", factor.evidence),
        ):
            if text:
                lines.append(f"[dim]{label}:[/dim] {escape(text)}")
        return "\n".join(lines)

    def label_for(self, key: str) -> str:
        factor = self.document.factors[int(key)]
        return f"{factor.id} {factor.title[:40]}".strip()

    def _focused_category(self) -> Category | None:
        table = self.focused_table()
        if table is not None and table.id:
            name = table.id.removeprefix("factors-")
            return None if name == "none" else Category(name)
        return Category.TECHNICAL

    def form_context(self) -> dict[str, Any]:
        return {"category": self._focused_category()}

    def table_of(self, index: int) -> RecordTable:
        return self._table(self.document.factors[index].category)
