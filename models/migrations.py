"""Older files, brought up to the current schema when they are read (never written until the author saves).

Version 0 is the pre-release layout: the document information sat in
``[incident]`` (``name``, ``date``, ``severity``) and the timeline in
``[[events]]`` (``time``, ``text``, ``type``). Each migration takes the raw
TOML data of one version and returns the data of the next.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Data = dict[str, Any]


def _rename(table: Data, names: dict[str, str]) -> Data:
    return {names.get(key, key): value for key, value in table.items()}


def _from_0(data: Data) -> Data:
    data = dict(data)
    if "incident" in data:
        data["meta"] = _rename(data.pop("incident"), {"name": "title", "date": "incident_date"})
    if "events" in data:
        data["timeline"] = [
            _rename(event, {"time": "at", "text": "event", "type": "kind"}) for event in data.pop("events")
        ]
    return data


# Version n -> the function that turns its data into version n + 1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _from_0}


def migrate(data: Data, version: int, target: int) -> Data:
    for step in range(version, target):
        data = MIGRATIONS[step](data)
    data["schema_version"] = target
    return data
