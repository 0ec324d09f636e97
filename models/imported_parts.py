"""The parts of an imported Markdown postmortem that no field took, kept in ``[[extra.imported]]`` (each a
heading and its Markdown as written): read, moved into a text field by the author, or removed once placed."""

from __future__ import annotations

from typing import Any, NamedTuple

from postmortem.models.document import Postmortem
from postmortem.models.locations import set_value_at, value_at

KEY = "imported"  # the key in [extra]


class ImportedPart(NamedTuple):
    heading: str  # "Untitled part" where the file has none
    markdown: str  # as written, without blank lines around it


def imported_parts(doc: Postmortem) -> list[ImportedPart]:
    """The kept parts (an entry that is not a table is left out)."""
    return [
        ImportedPart(str(entry.get("heading") or "Untitled part"), str(entry.get("markdown") or "").strip("\n"))
        for entry in _entries(doc)
    ]


def remove_part(doc: Postmortem, index: int) -> None:
    """Take the part at ``index`` (of ``imported_parts``) out of the document; the key goes with the last."""
    entries = _entries(doc)
    del entries[index]
    extra = {key: value for key, value in doc.extra.items() if key != KEY}
    doc.extra = {**extra, KEY: entries} if entries else extra


def move_part(doc: Postmortem, index: int, location: str) -> None:
    """Put the part's Markdown at the end of the text field at ``location`` (a blank line after what the field
    holds), and take the part out."""
    markdown = imported_parts(doc)[index].markdown
    held = str(value_at(doc, location) or "").rstrip()
    set_value_at(doc, location, f"{held}\n\n{markdown}" if held else markdown)
    remove_part(doc, index)


def _entries(doc: Postmortem) -> list[dict[str, Any]]:
    kept = doc.extra.get(KEY)
    return [entry for entry in kept if isinstance(entry, dict)] if isinstance(kept, list) else []
