"""The form for adding or editing one action item."""

from __future__ import annotations

from typing import Any

from postmortem.models.document import ActionItem, Factor
from postmortem.models.enums import ActionStatus, ActionType, Horizon, Priority
from postmortem.screens.dialogs.record_form import RecordForm
from postmortem.screens.widgets.fields import FieldSpec as F


class ActionForm(RecordForm[ActionItem]):
    model = ActionItem
    list_name = "actions"
    first_field = "action"

    new_id = ""
    factors: list[Factor] = []

    def open_as(self, title: str, initial: ActionItem | None, *, new_id: str, factors: list[Factor]) -> ActionForm:
        self.new_id = new_id
        self.factors = factors
        self._open(title, initial)
        return self

    def initial_values(self) -> dict[str, Any]:
        values = super().initial_values()
        if self.initial is None:  # the model's default id is "", so setdefault would keep it
            values["id"] = self.new_id
        return values

    def multi_options(self, spec: F) -> list[tuple[str, str]]:
        if spec.name != "factors":
            return []
        return [(f"{f.id}  {f.title}", f.id) for f in self.factors if f.id]

    def field_specs(self) -> list[F]:
        return [
            F("id", "ID", placeholder="A1"),
            F(
                "action",
                "Action",
                "long",
                required=True,
                placeholder="Verb + object + threshold, e.g. Alert when pool wait > 200 ms for 5 min",
            ),
            F("owner", "Owner", placeholder="a team or role that accepts it"),
            F("due", "Due date", "date", placeholder="YYYY-MM-DD"),
            F("priority", "Priority", "choice", Priority),
            F(
                "horizon",
                "Horizon",
                "choice",
                Horizon,
                help="immediate: within a week · short-term: a month · long-term: a quarter",
            ),
            F("type", "Type", "choice", ActionType),
            F("status", "Status", "choice", ActionStatus, required=True),
            F("success", "Success measure", placeholder="How we will know it worked, measurably"),
            F("ticket", "Ticket", placeholder="tracker key or URL"),
            F("factors", "Factors", "multi", help="the contributing factors this action addresses"),
            F("agreed", "Agreed in review", "flag"),
        ]
