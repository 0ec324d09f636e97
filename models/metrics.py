"""Durations derived from the timeline milestones (never stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from postmortem.models.document import Postmortem
from postmortem.models.enums import Milestone

METRIC_LABELS = ("Duration", "Time to detect", "Time to acknowledge", "Time to mitigate", "Time to resolve")


@dataclass(frozen=True)
class Metrics:
    duration: timedelta | None
    time_to_detect: timedelta | None
    time_to_acknowledge: timedelta | None
    time_to_mitigate: timedelta | None
    time_to_resolve: timedelta | None

    def labelled(self) -> list[tuple[str, timedelta | None]]:
        """Each metric with its display name, in reading order."""
        values = (
            self.duration,
            self.time_to_detect,
            self.time_to_acknowledge,
            self.time_to_mitigate,
            self.time_to_resolve,
        )
        return list(zip(METRIC_LABELS, values))


def compute_metrics(doc: Postmortem) -> Metrics:
    at = {e.milestone: e.at for e in doc.timeline if e.milestone is not None}

    def between(start: Milestone, end: Milestone) -> timedelta | None:
        if start in at and end in at:
            return at[end] - at[start]
        return None

    to_resolve = between(Milestone.STARTED, Milestone.RESOLVED)
    return Metrics(
        duration=to_resolve,
        time_to_detect=between(Milestone.STARTED, Milestone.DETECTED),
        time_to_acknowledge=between(Milestone.DETECTED, Milestone.ACKNOWLEDGED),
        time_to_mitigate=between(Milestone.STARTED, Milestone.MITIGATED),
        time_to_resolve=to_resolve,
    )


def milestone_order_problems(doc: Postmortem) -> list[str]:
    """Sentences naming each pair of milestones that happen in the wrong order."""
    events = [(m, doc.milestone_event(m)) for m in Milestone]
    present = [(m, e.at) for m, e in events if e is not None]
    problems = []
    for (earlier, earlier_at), (later, later_at) in zip(present, present[1:]):
        if later_at < earlier_at:
            problems.append(f"'{later.value}' is before '{earlier.value}'")
    return problems


def format_duration(delta: timedelta | None, missing: str = "—") -> str:
    """Compact human duration: ``45m``, ``2h 05m``, ``1d 3h``; negative gets a minus."""
    if delta is None:
        return missing
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours}h" if hours else f"{sign}{days}d"
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    if minutes:
        return f"{sign}{minutes}m" if not secs else f"{sign}{minutes}m {secs:02d}s"
    return f"{sign}{secs}s"


def format_offset(delta: timedelta) -> str:
    """T+ notation relative to the start milestone: ``T+0``, ``T+1h 05m``, ``T-10m``."""
    if delta == timedelta(0):
        return "T+0"
    sign = "-" if delta < timedelta(0) else "+"
    return f"T{sign}{format_duration(abs(delta))}"
