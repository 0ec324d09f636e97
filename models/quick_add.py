"""Quick entry: a timeline event typed as one line (``23:30 Incident declared on the call``; ``~23:30`` for
"around then"), and the due date of an action typed the short way (``+2w``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from postmortem.models.enums import EventKind
from postmortem.models.evidence.classify import guess_kind
from postmortem.models.timeparse import parse_event_time

# A time at the start of the line: a date and time, a time of day, or "+5m" after the selected event.
_LEADING_TIME = re.compile(
    r"^\s*(?P<time>\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\+(?:\d+[hms])+)"
    r"(?:\s*[-–—:·|]\s*|\s+|$)"
)
_STEP = re.compile(r"(\d+)([hms])")
_UNIT = {"h": "hours", "m": "minutes", "s": "seconds"}


@dataclass(frozen=True)
class QuickEvent:
    at: datetime
    text: str
    kind: EventKind
    approximate: bool = False  # typed with a ~ before the time


def parse_quick_event(line: str, incident_date: date | None, zone: ZoneInfo, after: datetime | None) -> QuickEvent:
    """An event from one typed line: its time first, then what happened. ``after`` is the time ``+5m``
    counts from (the selected event). Raises ``ValueError`` with a sentence for the author."""
    approximate = line.lstrip().startswith("~")
    match = _LEADING_TIME.match(line.lstrip().removeprefix("~"))
    if match is None:
        raise ValueError("start with a time: 23:30, a date and a time, or +5m after the selected event")
    typed, text = match.group("time"), line.lstrip().removeprefix("~")[match.end() :].strip()
    if not text:
        raise ValueError("after the time, write what happened")
    if typed.startswith("+"):
        if after is None:
            raise ValueError(f"{typed} counts from the selected event, and there is none yet; type a time")
        at = after + timedelta(**{_UNIT[unit]: int(amount) for amount, unit in _STEP.findall(typed)})
    else:
        at = parse_event_time(typed, incident_date, zone)
    return QuickEvent(at, text, guess_kind(text, "info"), approximate)


_RELATIVE_DAYS = re.compile(r"^\+(\d+)([dw])$")
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


def parse_due(text: str, today: date) -> date | None:
    """A due date as typed: ``2026-04-30``, ``04-30`` (the next such day), ``+10d`` or ``+2w`` from
    ``today``; empty is no date. Raises ``ValueError`` with a sentence for the author."""
    text = text.strip()
    if not text:
        return None
    if relative := _RELATIVE_DAYS.match(text):
        amount, unit = int(relative.group(1)), relative.group(2)
        return today + timedelta(days=amount * (7 if unit == "w" else 1))
    if month_day := _MONTH_DAY.match(text):
        month, day = int(month_day.group(1)), int(month_day.group(2))
        for year in (today.year, today.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:  # 02-29 outside a leap year
                continue
            if candidate >= today:
                return candidate
        raise ValueError(f"{text!r} is not a day of the year; use 2026-04-30, 04-30, +10d or +2w")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date; use 2026-04-30, 04-30, +10d or +2w") from None
