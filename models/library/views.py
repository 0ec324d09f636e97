"""Seeing across a library: open action items against their due-date rules, recurring themes, how long
incidents take, and what happened on this day in earlier years."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from postmortem.models.library.entry import SPANS, ActionEntry, Entry
from postmortem.models.library.rules import Rules

PRIORITY_ORDER = ("P0", "P1", "P2", "P3")
# Incidents that share a service and a factor area this close together are possibly one problem recurring.
RECURRENCE_DAYS = 90
# A theme's trend: its incidents in each of this many quarters, the current one last.
TREND_QUARTERS = 4


class ActionRow(NamedTuple):
    """An open action item of the library, against its due-date rule."""

    entry: Entry
    action: ActionEntry
    deadline: date | None  # by when the library's rule wants it done (None: no rule for its priority)
    overdue: bool  # its own due date has passed
    breaks_rule: bool  # not done by the rule's deadline, or due after it

    @property
    def late(self) -> bool:
        return self.overdue or self.breaks_rule


def action_rows(entries: Iterable[Entry], rules: Rules, today: date) -> list[ActionRow]:
    """Every open action item, overdue or rule-breaking first, then by due date."""
    rows = []
    for entry in entries:
        for action in entry.actions:
            if not action.open:
                continue
            days = rules.due_days.get(action.priority or "")
            deadline = entry.date + timedelta(days=days) if days is not None and entry.date is not None else None
            overdue = action.due is not None and action.due < today
            breaks = deadline is not None and (today > deadline or (action.due is not None and action.due > deadline))
            rows.append(ActionRow(entry, action, deadline, overdue, breaks))
    return sorted(rows, key=_urgency)


def late_counts(rows: Iterable[ActionRow]) -> Counter[str]:
    """How many late action items each incident has, by its path."""
    return Counter(row.entry.path for row in rows if row.late)


def _urgency(row: ActionRow) -> tuple[bool, str, date, str, str]:
    due = row.action.due or row.deadline or date.max
    return (not row.late, row.action.priority or "P9", due, row.entry.path, row.action.id)


def rank(priority: str | None) -> int:
    """0 for P0 … 3 for P3; 4 for none."""
    return PRIORITY_ORDER.index(priority) if priority in PRIORITY_ORDER else len(PRIORITY_ORDER)


def unverified(entries: Iterable[Entry]) -> list[tuple[Entry, ActionEntry]]:
    """Done action items that were never checked afterwards."""
    return [
        (entry, action)
        for entry in entries
        for action in entry.actions
        if action.status == "done" and not action.verified
    ]


@dataclass(frozen=True)
class Theme:
    dimension: str  # "area", "tag", "service", "category"
    name: str
    incidents: tuple[Entry, ...]  # newest first
    trend: tuple[int, ...]  # incidents per quarter, oldest first, the current quarter last

    @property
    def count(self) -> int:
        return len(self.incidents)


DIMENSIONS = {"area": "areas", "category": "categories", "service": "services", "tag": "tags"}


def themes(entries: list[Entry], today: date, least: int = 2) -> list[Theme]:
    """What recurs (factor areas, categories, services, tags met in at least ``least`` incidents), the most
    frequent first."""
    found = []
    quarters = _last_quarters(today, TREND_QUARTERS)
    for dimension, attribute in DIMENSIONS.items():
        behind: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            for name in getattr(entry, attribute):
                behind[name].append(entry)
        for name, incidents in behind.items():
            if len(incidents) >= least:
                per_quarter = Counter(quarter_of(entry.date) for entry in incidents if entry.date is not None)
                found.append(Theme(dimension, name, tuple(incidents), tuple(per_quarter[q] for q in quarters)))
    return sorted(found, key=lambda theme: (-theme.count, theme.dimension, theme.name))


@dataclass(frozen=True)
class Recurrence:
    earlier: Entry
    later: Entry
    services: tuple[str, ...]
    areas: tuple[str, ...]
    days: int


def recurrences(entries: Iterable[Entry], within: int = RECURRENCE_DAYS) -> list[Recurrence]:
    """Pairs of incidents that share a service and a factor area within ``within`` days: possibly recurring.

    Incidents are grouped by each (service, area) they have, so that only those sharing one are compared,
    each with the ones before it in its group up to ``within`` days back."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.date is not None:
            for service in entry.services:
                for area in entry.areas:
                    groups[(service, area)].append(entry)
    pairs: set[tuple[str, str]] = set()
    found = []
    for members in groups.values():
        members.sort(key=lambda entry: (entry.date, entry.path))
        for index, later in enumerate(members):
            for earlier in reversed(members[:index]):
                assert later.date is not None and earlier.date is not None
                days = (later.date - earlier.date).days
                if days > within:
                    break
                if (earlier.path, later.path) in pairs:
                    continue
                pairs.add((earlier.path, later.path))
                services = tuple(name for name in later.services if name in earlier.services)
                areas = tuple(name for name in later.areas if name in earlier.areas)
                found.append(Recurrence(earlier, later, services, areas, days))
    return sorted(found, key=lambda item: (item.later.date, item.later.path, item.earlier.path), reverse=True)


@dataclass(frozen=True)
class Recurring:
    """An incident that possibly recurs: the pairs it is the later of, the nearest earlier incident first, and
    what it shares with them."""

    incident: Entry
    follows: tuple[Recurrence, ...]
    services: tuple[str, ...]
    areas: tuple[str, ...]


def by_incident(pairs: Iterable[Recurrence]) -> list[Recurring]:
    """The pairs gathered by their later incident, in the order the pairs come (newest first)."""
    groups: dict[str, list[Recurrence]] = {}
    for pair in pairs:
        groups.setdefault(pair.later.path, []).append(pair)
    found = []
    for group in groups.values():
        group.sort(key=lambda pair: (pair.days, pair.earlier.path))
        services = tuple(dict.fromkeys(name for pair in group for name in pair.services))
        areas = tuple(dict.fromkeys(name for pair in group for name in pair.areas))
        found.append(Recurring(group[0].later, tuple(group), services, areas))
    return found


def follows_text(found: Recurring, named: int = 3) -> str:
    """The earlier incidents a possibly recurring one follows, nearest first: the first ``named`` with how
    many days before, then how many more."""
    text = ", ".join(f"{pair.earlier.name} ({_days_before(pair.days)})" for pair in found.follows[:named])
    return text + (f" and {len(found.follows) - named} more" if len(found.follows) > named else "")


def _days_before(days: int) -> str:
    return "the same day" if days == 0 else "1 day" if days == 1 else f"{days} days"


@dataclass(frozen=True)
class Spread:
    """The median and 90th percentile of one span over a group of incidents, and how many are behind them."""

    count: int
    median: float | None
    p90: float | None


def spread(values: list[float]) -> Spread:
    """Median and 90th percentile (interpolated between the nearest ranks, as most tools do)."""
    if not values:
        return Spread(0, None, None)
    ordered = sorted(values)
    if len(ordered) == 1:
        return Spread(1, ordered[0], ordered[0])
    return Spread(len(ordered), statistics.median(ordered), statistics.quantiles(ordered, n=10, method="inclusive")[8])


@dataclass(frozen=True)
class DurationRow:
    group: str  # "2026-Q1", or a severity such as "SEV-2" (or "no severity")
    spans: dict[str, Spread]  # by SPANS name


def durations(entries: Iterable[Entry], by: str) -> list[DurationRow]:
    """Each span's spread per quarter (``by="quarter"``, oldest first) or per severity (``by="severity"``)."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if by == "quarter":
            if entry.date is not None:
                groups[quarter_of(entry.date)].append(entry)
        else:
            groups[entry.severity or "no severity"].append(entry)
    return [
        DurationRow(group, {span: spread([e.seconds[span] for e in members if span in e.seconds]) for span in SPANS})
        for group, members in sorted(groups.items())
    ]


def on_this_day(entries: Iterable[Entry], today: date) -> list[Entry]:
    """Incidents from this month and day in earlier years, the most recent first."""
    return [
        entry
        for entry in entries
        if entry.date is not None
        and (entry.date.month, entry.date.day) == (today.month, today.day)
        and entry.date.year < today.year
    ]


TREND_BARS = "·▁▂▃▄▅▆▇█"


def trend_bars(counts: tuple[int, ...]) -> str:
    """One bar per quarter, scaled to the highest; a dot for none."""
    top = max(counts, default=0)
    return "".join(TREND_BARS[round(count / top * (len(TREND_BARS) - 1))] if top else TREND_BARS[0] for count in counts)


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _last_quarters(today: date, count: int) -> list[str]:
    year, quarter = today.year, (today.month - 1) // 3
    names = []
    for _ in range(count):
        names.append(f"{year}-Q{quarter + 1}")
        quarter -= 1
        if quarter < 0:
            year, quarter = year - 1, 3
    return names[::-1]
