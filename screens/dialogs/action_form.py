"""The form for adding or editing one action item.

The verification is a table of its own in the file (``[actions.verification]``); the form shows its three
parts as fields of the action (``verification`` is its result) and builds the table from them on save.
"""

from __future__ import annotations

from typing import Any

from postmortem.models.document import ActionItem, Factor
from postmortem.models.enums import ActionStatus, ActionType, Horizon, Priority, VerificationResult
from postmortem.models.labels import LABELS, RESULT_WORDS
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
        checked = values.pop("verification", None) or {}
        values["verification_checked"] = checked.get("checked")
        values["verification"] = checked.get("result")
        values["verification_note"] = checked.get("note", "")
        return values

    def completed(self, values: dict[str, Any]) -> dict[str, Any]:
        values = dict(values)
        checked, result = values.pop("verification_checked", None), values.pop("verification", None)
        note = values.pop("verification_note", "") or ""
        if checked is not None and result is not None:
            values["verification"] = {"checked": checked, "result": result, "note": note}
        else:
            values["verification"] = None  # joint_problems keeps the record from being built if one is given
        return values

    def joint_problems(self, values: dict[str, Any]) -> list[str]:
        checked, result = values.get("verification_checked"), values.get("verification")
        note = (values.get("verification_note") or "").strip()
        if checked is None and result is None:
            return ["A verification needs a date (Verified on) and a result."] if note else []
        if result is None:
            return ["A verification needs a result as well as its date."]
        if checked is None:
            return ["A verification needs a date (Verified on) as well as its result."]
        return []

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
            # What happened afterwards: after the fields of the plan, so that their order is unchanged.
            F("completed", LABELS["actions.completed"], "date", placeholder="YYYY-MM-DD"),
            F("verification_checked", "Verified on", "date", placeholder="YYYY-MM-DD"),
            F("verification", LABELS["actions.verification"], "choice", VerificationResult, show=_result_words),
            F(
                "verification_note",
                "How it was checked",
                placeholder="a drill, a game day, a month of metrics",
            ),
        ]


def _result_words(result: Any) -> str:
    return RESULT_WORDS[result]
