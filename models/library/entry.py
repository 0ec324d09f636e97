"""What the library keeps of one postmortem: enough to list it, follow its actions and see across incidents."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from postmortem.models.document import Postmortem
from postmortem.models.enums import ActionStatus
from postmortem.models.metrics import compute_metrics

# The time spans kept per incident, as the metrics name them.
SPANS = ("time_to_detect", "time_to_mitigate", "time_to_resolve", "duration")
# An action item is open in these states (plain text: compared tens of thousands of times).
OPEN_STATUSES = frozenset((ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value))


class ActionEntry(NamedTuple):
    """One action item. A named tuple: a library holds tens of thousands, and one is made in half the time of a
    frozen dataclass."""

    id: str
    action: str
    owner: str
    status: str
    priority: str | None = None
    due: date | None = None
    ticket: str = ""
    completed: date | None = None
    verified: str | None = None  # the verification's result, when the action was checked after it was done
    checked: date | None = None

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the library's root, with forward slashes
    title: str
    id: str = ""
    date: date | None = None
    severity: str | None = None
    kind: str = ""
    status: str = ""
    services: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()  # the factors' areas (monitoring, deployment…), each once
    categories: tuple[str, ...] = ()  # technical, process, organizational, each once
    seconds: dict[str, float] = field(default_factory=dict)  # SPANS measured, in seconds
    actions: tuple[ActionEntry, ...] = ()

    @property
    def name(self) -> str:
        """How the entry is named in one line: its id, else its file."""
        return self.id or self.path

    def as_data(self) -> dict[str, Any]:
        """Plain data for the cache: dates as ISO text, each action item as a list in field order (a library
        holds tens of thousands of them, and a list is quicker to read back than a table)."""
        data = asdict(self)
        data["date"] = _iso(self.date)
        data["actions"] = [
            [getattr(action, name) if name not in _DATES else _iso(getattr(action, name)) for name in _ACTION_FIELDS]
            for action in self.actions
        ]
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Entry:
        actions = tuple(
            ActionEntry(a, b, c, d, e, _date(f), g, _date(h), i, _date(j))
            for a, b, c, d, e, f, g, h, i, j in data["actions"]
        )
        tuples = {key: tuple(data[key]) for key in ("services", "tags", "areas", "categories")}
        return cls(**{**data, **tuples, "date": _date(data["date"]), "actions": actions})


_ACTION_FIELDS = ActionEntry._fields
_DATES = frozenset(("due", "completed", "checked"))


def summarize(doc: Postmortem, path: str) -> Entry:
    meta = doc.meta
    metrics = compute_metrics(doc)
    seconds = {name: span.total_seconds() for name in SPANS if (span := getattr(metrics, name)) is not None}
    return Entry(
        path=path,
        title=meta.title,
        id=meta.id,
        date=meta.incident_date,
        severity=meta.severity.value if meta.severity else None,
        kind=meta.variant.value,
        status=meta.status.value,
        services=tuple(meta.services),
        tags=tuple(meta.tags),
        areas=_once(factor.area.value for factor in doc.factors if factor.area is not None),
        categories=_once(factor.category.value for factor in doc.factors if factor.category is not None),
        seconds=seconds,
        actions=tuple(
            ActionEntry(
                id=item.id,
                action=item.action,
                owner=item.owner,
                status=item.status.value,
                priority=item.priority.value if item.priority else None,
                due=item.due,
                ticket=item.ticket,
                completed=item.completed,
                verified=item.verification.result.value if item.verification else None,
                checked=item.verification.checked if item.verification else None,
            )
            for item in doc.actions
        ),
    )


def _once(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
