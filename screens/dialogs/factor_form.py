"""The form for adding or editing one contributing factor."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.widgets import Select

from postmortem.models.document import Factor
from postmortem.models.enums import AREAS_BY_CATEGORY, Area, Category, Weight
from postmortem.models.guidance import AREA_QUESTIONS, CATEGORY_QUESTIONS
from postmortem.screens.dialogs.record_form import RecordForm
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.fields import FieldSpec as F


class FactorForm(RecordForm[Factor]):
    model = Factor
    list_name = "factors"
    first_field = "title"

    new_id = ""
    category: Category | None = Category.TECHNICAL

    def open_as(self, title: str, initial: Factor | None, *, new_id: str, category: Category | None) -> FactorForm:
        self.new_id = new_id
        self.category = initial.category if initial is not None else category
        self._open(title, initial)
        return self

    def initial_values(self) -> dict[str, Any]:
        values = super().initial_values()
        if self.initial is None:  # the model's defaults (no id, no category) would be kept by setdefault
            values["id"] = self.new_id
            values["category"] = self.category
        return values

    def field_specs(self) -> list[F]:
        return [
            F("id", "ID", placeholder="F1"),
            F("title", "Title", required=True, placeholder="The condition, e.g. Pool size not validated against load"),
            F("category", "Category", "choice", Category),
            F("area", "Area", "choice", Area),
            F(
                "weight",
                "Weight",
                "choice",
                Weight,
                required=True,
                help="primary: made it happen · secondary: made it worse · environmental: the setting",
            ),
            F("description", "Description", "long", placeholder="What the condition was."),
            F("why_it_mattered", "Why it mattered", "long", placeholder="How it let the incident happen or grow."),
            F("evidence", "Evidence", "long", placeholder="Logs, graphs, tickets that show it."),
        ]

    def _refill(self) -> None:
        self._limit_areas(self.category)  # first: the area put back must be one the list offers
        super()._refill()

    def _opened(self) -> None:
        super()._opened()
        self._limit_areas(self.category)
        self._show_question()

    def _limit_areas(self, category: Category | None) -> None:
        area = self.query_one("#dialog-area", FieldRow).control
        assert isinstance(area, Select)
        current = area.value
        allowed = AREAS_BY_CATEGORY[category] if category is not None else tuple(Area)
        # The area the list drops is not one the author chose to clear: no Edited for it.
        with area.prevent(Select.Changed):
            area.set_options([(a.value, a) for a in allowed])
            if current in allowed:
                area.value = current

    # FieldRow stops its control's Select.Changed and posts FieldRow.Edited instead.
    @on(FieldRow.Edited)
    def _guide(self, event: FieldRow.Edited) -> None:
        name = event.row.spec.name
        if name == "category" and isinstance(event.value, Category):
            self._limit_areas(event.value)
        if name in ("category", "area"):
            self._show_question()

    def _show_question(self) -> None:
        category = self.query_one("#dialog-category", FieldRow).raw_value()
        area = self.query_one("#dialog-area", FieldRow).raw_value()
        question = AREA_QUESTIONS.get(area) if area else CATEGORY_QUESTIONS.get(category)
        self.query_one("#dialog-area", FieldRow).set_help(f"Ask: {question}" if question else "")
