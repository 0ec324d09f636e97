"""Durations derived from the timeline milestones (never stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postmortem.models.document import Postmortem
from postmortem.models.enums import Milestone
from postmortem.models.timeparse import format_event_time

METRIC_LABELS = ("Duration", "Time to detect", "Time to acknowledge", "Time to mitigate", "Time to resolve")
METRIC_NAMES = ("duration", "time_to_detect", "time_to_acknowledge", "time_to_mitigate", "time_to_resolve")
IMPACTED_LABEL = "Time impacted"


@dataclass(frozen=True)
class Metrics:
    duration: timedelta | None
    time_to_detect: timedelta | None
    time_to_acknowledge: timedelta | None
    time_to_mitigate: timedelta | None
    time_to_resolve: timedelta | None
    # From the impact start to mitigation (or resolution, when nothing mitigated it first); only
    # where the document records an impact start of its own.
    time_impacted: timedelta | None = None
    # The names of those measured from or to an approximate time: shown as ~1h 05m, never as exact.
    approximate: frozenset[str] = frozenset()
    impact_start: bool = False

    def _names(self) -> list[tuple[str, str]]:
        named = list(zip(METRIC_LABELS, METRIC_NAMES, strict=True))
        return [*named, (IMPACTED_LABEL, "time_impacted")] if self.impact_start else named

    def labelled(self) -> list[tuple[str, timedelta | None]]:
        """Each metric with its display name, in reading order."""
        return [(label, getattr(self, name)) for label, name in self._names()]

    def shown(self, missing: str = "—") -> list[tuple[str, str]]:
        """Each metric's display name and its duration as shown, ``~`` before an approximate one."""
        return [(label, self.show(name, missing)) for label, name in self._names()]

    def show(self, name: str, missing: str = "—") -> str:
        value = getattr(self, name)
        mark = "~" if value is not None and name in self.approximate else ""
        return mark + format_duration(value, missing)


# Each metric: the milestones it runs between.
SPANS = {
    "duration": (Milestone.STARTED, Milestone.RESOLVED),
    "time_to_detect": (Milestone.STARTED, Milestone.DETECTED),
    "time_to_acknowledge": (Milestone.DETECTED, Milestone.ACKNOWLEDGED),
    "time_to_mitigate": (Milestone.STARTED, Milestone.MITIGATED),
    "time_to_resolve": (Milestone.STARTED, Milestone.RESOLVED),
}


def compute_metrics(doc: Postmortem) -> Metrics:
    events = {e.milestone: e for e in doc.timeline if e.milestone is not None}
    values: dict[str, timedelta | None] = {}
    approximate = set()
    for name, (start, end) in SPANS.items():
        if start in events and end in events:
            values[name] = events[end].at - events[start].at
            if events[start].approximate or events[end].approximate:
                approximate.add(name)
        else:
            values[name] = None
    impact = doc.impact
    ended = events.get(Milestone.MITIGATED) or events.get(Milestone.RESOLVED)
    if impact.started_at is not None and ended is not None:
        values["time_impacted"] = ended.at - impact.started_at
        if impact.started_approximate or ended.approximate:
            approximate.add("time_impacted")
    return Metrics(**values, approximate=frozenset(approximate), impact_start=impact.started_at is not None)


def impact_began(doc: Postmortem) -> str | None:
    """When the impact began, where the document records it, with its offset from the start:
    ``~17:20 (T-6h 07m)``."""
    began = doc.impact.started_at
    if began is None:
        return None
    text = ("~" if doc.impact.started_approximate else "") + format_event_time(
        began, doc.meta.zone, doc.meta.incident_date
    )
    started = doc.milestone_event(Milestone.STARTED)
    return text if started is None else f"{text} ({format_offset(began - started.at)})"


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
