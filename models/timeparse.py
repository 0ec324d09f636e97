"""Flexible entry of event times, as an author types them."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_TIME_ONLY = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def zone_named(name: str) -> ZoneInfo | None:
    """The time zone of an IANA name (``Europe/Berlin``), or None when there is none of that name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_event_time(text: str, incident_date: date | None, zone: ZoneInfo) -> datetime:
    """Turn what an author typed into an aware datetime.

    Accepted: ``14:05`` or ``14:05:30`` (on the incident date, in ``zone``),
    ``2026-01-31 14:05`` (in ``zone``), and ISO 8601 with ``Z`` or an offset
    (kept as typed). Raises ``ValueError`` with a sentence for the author.
    """
    text = text.strip()
    if not text:
        raise ValueError("enter a time, e.g. 14:05 or 2026-01-31 14:05")
    match = _TIME_ONLY.match(text)
    if match:
        if incident_date is None:
            raise ValueError("set the incident date first, or type a full date and time")
        hour, minute, second = (int(g or 0) for g in match.groups())
        try:
            clock = time(hour, minute, second)
        except ValueError:
            raise ValueError(f"{text!r} is not a valid time of day") from None
        return datetime.combine(incident_date, clock, tzinfo=zone)
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        raise ValueError(f"{text!r} is not a time; use 14:05, 2026-01-31 14:05 or 2026-01-31T14:05+01:00") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed


def format_event_time(at: datetime, zone: ZoneInfo, incident_date: date | None, seconds: bool = False) -> str:
    """How a time is shown for editing: the short form when it is on the incident date; seconds when
    it has them, or always with ``seconds`` (times in a column read alike)."""
    local = at.astimezone(zone)
    clock = local.strftime("%H:%M:%S" if local.second or seconds else "%H:%M")
    if incident_date is not None and local.date() == incident_date:
        return clock
    return f"{local.date().isoformat()} {clock}"
