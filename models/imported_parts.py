"""The parts of an imported Markdown postmortem that no field took, kept in ``[[extra.imported]]`` (each a
heading and its Markdown as written): read, moved into a text field by the author, or removed once placed."""

from __future__ import annotations

from typing import Any

from postmortem.models.document import Postmortem
from postmortem.models.locations import set_value_at, value_at

KEY = "imported"  # the key in [extra]


def imported_parts(doc: Postmortem) -> list[dict[str, Any]]:
    """The kept parts, as the file has them (an entry that is not a table is left out)."""
    kept = doc.extra.get(KEY)
    return [part for part in kept if isinstance(part, dict)] if isinstance(kept, list) else []


def remove_part(doc: Postmortem, index: int) -> dict[str, Any]:
    """Take the part at ``index`` (of ``imported_parts``) out of the document; the key goes with the last."""
    parts = imported_parts(doc)
    removed = parts.pop(index)
    extra = {key: value for key, value in doc.extra.items() if key != KEY}
    doc.extra = {**extra, KEY: parts} if parts else extra
    return removed


def move_part(doc: Postmortem, index: int, location: str) -> None:
    """Put the part's Markdown at the end of the text field at ``location`` (a blank line after what the field
    holds), and take the part out."""
    markdown = str(imported_parts(doc)[index].get("markdown") or "").strip("\n")
    held = str(value_at(doc, location) or "").rstrip()
    set_value_at(doc, location, f"{held}\n\n{markdown}" if held else markdown)
    remove_part(doc, index)
