"""What a review meeting changed in the action items, for its wrap-up."""

from __future__ import annotations

from dataclasses import dataclass

from postmortem.models.document import ActionItem

# How the wrap-up names a changed field.
FIELD_WORDS = {
    "id": "id",
    "action": "wording",
    "owner": "owner",
    "due": "due date",
    "priority": "priority",
    "horizon": "horizon",
    "type": "type",
    "status": "status",
    "success": "success measure",
    "ticket": "ticket",
    "factors": "factors",
    "agreed": "agreed",
    "completed": "day done",
    "verification": "verification",
}


@dataclass(frozen=True)
class ActionChange:
    item: ActionItem
    fields: tuple[str, ...]  # the changed fields in the wrap-up's words; empty for a new item


@dataclass(frozen=True)
class MeetingChanges:
    new: list[ActionChange]
    changed: list[ActionChange]
    incomplete: list[ActionItem]  # missing an owner or a due date, new or not


def meeting_changes(before: list[ActionItem], after: list[ActionItem]) -> MeetingChanges:
    """Compare the action items at the start of the meeting with the current ones.

    Items are matched by position first while their ids agree, so renaming an id during the meeting
    shows as a change, not as a new item; items beyond the starting list are new.
    """
    by_id = {item.id: item for item in before if item.id}
    new: list[ActionChange] = []
    changed: list[ActionChange] = []
    for index, item in enumerate(after):
        old = by_id.get(item.id) if item.id in by_id else (before[index] if index < len(before) else None)
        if old is None:
            new.append(ActionChange(item, ()))
            continue
        fields = tuple(FIELD_WORDS[name] for name in FIELD_WORDS if getattr(old, name) != getattr(item, name))
        if fields:
            changed.append(ActionChange(item, fields))
    incomplete = [item for item in after if not item.owner.strip() or item.due is None]
    return MeetingChanges(new, changed, incomplete)
