"""The library's own settings, from a ``postmortem.toml`` at its root: how soon action items of each priority
must be done."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from postmortem.models.enums import Priority

CONFIG_NAME = "postmortem.toml"
# Priority actions done within this many days of the incident (the practice of running P0 fixes within four
# weeks and P1 fixes within eight); the lower priorities have no rule unless the library sets one.
DEFAULT_DUE_DAYS = {"P0": 28, "P1": 56}

_SPAN = re.compile(r"^\s*(\d+)\s*(d|day|days|w|wk|week|weeks)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Rules:
    due_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DUE_DAYS))


def read_rules(root: Path) -> tuple[Rules, list[str]]:
    """The rules of the library at ``root`` (the defaults without a file), and the problems found in the file,
    one line each naming it."""
    path = root / CONFIG_NAME
    if not path.is_file():
        return Rules(), []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Rules(), [f"{path}: {error}; the default due-date rules apply"]
    section = data.get("actions", {}).get("due_within", {})
    if not isinstance(section, dict):
        return Rules(), [f'{path}: [actions.due_within] should be a table such as P0 = "4 weeks"']
    days = dict(DEFAULT_DUE_DAYS)
    problems = []
    for priority, value in section.items():
        if priority not in Priority.__members__.values():
            problems.append(f"{path}: actions.due_within.{priority}: not a priority (P0 to P3)")
            continue
        parsed = _days(value)
        if parsed is None:
            problems.append(f'{path}: actions.due_within.{priority}: {value!r} is not a span such as "4 weeks"')
        else:
            days[priority] = parsed
    return Rules(days), problems


def _days(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and (found := _SPAN.match(value)):
        number = int(found[1])
        return number * 7 if (found[2] or "d").lower().startswith("w") else number
    return None
