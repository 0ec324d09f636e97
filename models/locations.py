"""Locations: where a value lives in a postmortem, written as in the file format.

A location names a field by its path, with list items in brackets:
``meta.title``, ``actions[1].due``, ``whys[0].steps[2].because``,
``lessons.went_well[3]``. The review checks report findings at locations; the
wizard's form fields are bound to them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

Part = str | int

_LOCATION = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*")
_PART = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")


def parse_location(location: str) -> tuple[Part, ...]:
    """``"actions[1].due"`` -> ``("actions", 1, "due")``; ``""`` (the document) -> ``()``.

    ValueError for anything else.
    """
    if not location:
        return ()
    if not _LOCATION.fullmatch(location):
        raise ValueError(f"not a location: {location!r}")
    return tuple(name if name else int(index) for name, index in _PART.findall(location))


def format_location(parts: tuple[Part, ...]) -> str:
    """``("actions", 1, "due")`` -> ``"actions[1].due"``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def value_at(root: Any, location: str) -> Any:
    """The value at a location (IndexError, AttributeError when there is none)."""
    value = root
    for part in parse_location(location):
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def set_value_at(root: BaseModel, location: str, value: Any) -> None:
    """Assign through pydantic, so that the value is validated; raises ValidationError."""
    *parents, last = parse_location(location)
    parent: Any = value_at(root, format_location(tuple(parents))) if parents else root
    if isinstance(last, int):
        parent[last] = value
    else:
        setattr(parent, last, value)


def top_level(location: str) -> str:
    """The table or list a location is in: ``"actions[3].due"`` -> ``"actions"`` ("" for the document)."""
    match = re.match(r"\w+", location)
    return match.group(0) if match else ""


def record_index(location: str) -> int | None:
    """The record of a top-level list a location points into: ``"actions[3].due"`` -> 3."""
    match = re.match(r"^\w+\[(\d+)\]", location)
    return int(match.group(1)) if match else None


def within(location: str, field: str) -> bool:
    """Whether ``location`` is the field at ``field`` or inside it."""
    return location == field or location.startswith((field + ".", field + "["))
