"""What a review meeting changed in the action items: new, changed (with the fields), still incomplete."""

from __future__ import annotations

from datetime import date

from postmortem.models.document import ActionItem
from postmortem.models.meeting import FIELD_WORDS, meeting_changes


def item(id: str, action: str = "Alert on pool wait above 200 ms", **fields) -> ActionItem:
    return ActionItem(
        id=id, action=action, owner=fields.pop("owner", "SRE team"), due=fields.pop("due", date(2026, 3, 1)), **fields
    )


def test_every_action_field_has_a_name_in_the_wrap_up():
    assert set(FIELD_WORDS) == set(ActionItem.model_fields)


def test_nothing_changed():
    start = [item("A1"), item("A2", owner="")]
    changes = meeting_changes(start, [a.model_copy(deep=True) for a in start])
    assert changes.new == [] and changes.changed == []
    assert [a.id for a in changes.incomplete] == ["A2"]


def test_new_changed_and_incomplete_items():
    start = [item("A1"), item("A2"), item("A3")]
    now = [item("A1"), item("A2", owner="Database team", agreed=True), item("A3"), item("A4", due=None)]
    changes = meeting_changes(start, now)
    assert [(c.item.id, c.fields) for c in changes.new] == [("A4", ())]
    assert [(c.item.id, c.fields) for c in changes.changed] == [("A2", ("owner", "agreed"))]
    assert [a.id for a in changes.incomplete] == ["A4"]


def test_a_renamed_id_is_a_change_not_a_new_item():
    changes = meeting_changes([item("A1"), item("A2")], [item("A1"), item("B2", action="Reworded")])
    assert changes.new == []
    assert [(c.item.id, c.fields) for c in changes.changed] == [("B2", ("id", "wording"))]


def test_items_matched_by_id_wherever_they_moved():
    changes = meeting_changes([item("A1"), item("A2")], [item("A2"), item("A1"), item("A3")])
    assert changes.changed == []
    assert [c.item.id for c in changes.new] == ["A3"]
