"""Step 4: contributing factors, grouped by category, with guiding questions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from models.document import Factor
from models.enums import AREAS_BY_CATEGORY, Category
from screens.factor_dialog import FactorDialog
from screens.guidance import AREA_QUESTIONS, CATEGORY_QUESTIONS
from screens.records import RecordDetail, RecordsStep, RecordTable, escape


class FactorsStep(RecordsStep):
    step_id = "factors"
    intro = (
        "Incidents rarely have one cause. Ask what allowed a reasonable action to "
        "become an incident: in the system, in the process, in the organisation."
    )
    record_name = "factor"

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        for category in Category:
            yield Static(category.value.capitalize(), classes="step-subtitle")
            questions = "\n".join(
                f"[b]{area.value}[/b] · {AREA_QUESTIONS[area]}" for area in AREAS_BY_CATEGORY[category]
            )
            yield Static(f"{CATEGORY_QUESTIONS[category]}\n{questions}", classes="factor-questions")
            yield RecordTable(["ID", "Weight", "Area", "Title"], id=f"factors-{category.value}")
        yield RecordDetail(id="factors-detail")

    def on_mount(self) -> None:
        self.refresh_from_document()

    def refresh_from_document(self) -> None:
        for category in Category:
            rows = [
                (
                    str(index),
                    (factor.id, factor.weight.value, factor.area.value if factor.area else "", factor.title),
                )
                for index, factor in enumerate(self.document.factors)
                if factor.category == category
            ]
            self.query_one(f"#factors-{category.value}", RecordTable).fill(rows)
        detail = self.query_one("#factors-detail", RecordDetail)
        if not self.document.factors:
            detail.update("No factors yet. Press [b]a[/b] to add one to the category under the cursor.")

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

    def _focused_category(self) -> Category:
        table = self.focused_table()
        if table is not None and table.id:
            return Category(table.id.removeprefix("factors-"))
        return Category.TECHNICAL

    def _dialog(self, title: str, factor: Factor | None) -> FactorDialog:
        return FactorDialog(
            title, factor, new_id=self.document.next_factor_id(), category=self._focused_category()
        )

    def action_add(self) -> None:
        def added(factor: Factor | None) -> None:
            if factor is not None:
                self.document.factors.append(factor)
                self._show_record(len(self.document.factors) - 1)

        self.app.push_screen(self._dialog("Add contributing factor", None), added)

    def edit(self, key: str) -> None:
        index = int(key)

        def edited(factor: Factor | None) -> None:
            if factor is not None:
                self.document.factors[index] = factor
                self._show_record(index)

        self.app.push_screen(self._dialog("Edit contributing factor", self.document.factors[index]), edited)

    def remove(self, key: str) -> None:
        del self.document.factors[int(key)]

    def _show_record(self, index: int) -> None:
        category = self.document.factors[index].category
        self.record_changed(f"factors-{category.value}", str(index))
