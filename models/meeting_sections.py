"""The review meeting's sections, in meeting order: their ids and titles."""

from __future__ import annotations

MEETING_SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"),
    ("impact", "Impact"),
    ("timeline", "Timeline"),
    ("factors", "Contributing factors"),
    ("whys", "Five whys"),
    ("actions", "Action items"),
    ("lessons", "Lessons learned"),
    ("wrap-up", "Wrap-up"),
)
MEETING_SECTION_IDS: tuple[str, ...] = tuple(section_id for section_id, _ in MEETING_SECTIONS)
# The sections that list records the meeting edits.
RECORD_SECTIONS = ("factors", "actions")
