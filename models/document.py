"""The postmortem document: one pydantic model per section of the file format.

Field order matches ``shared/spec/file-format.md`` because the TOML writer
emits keys in declaration order.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from postmortem.models.enums import (
    AREAS_BY_CATEGORY,
    ActionStatus,
    ActionType,
    Area,
    Category,
    Confidentiality,
    DataImpact,
    Detection,
    EventKind,
    Horizon,
    Milestone,
    Priority,
    Severity,
    Sla,
    Status,
    Variant,
    VerificationResult,
    Weight,
)

SCHEMA_VERSION = 1


class DocumentPart(BaseModel):
    """The base of every table of the file. Unknown keys are errors, numbers are accepted as text."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=False,
    )


def _required_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _fixed_offset(value: datetime | None) -> datetime | None:
    """Keep the offset in force rather than the zone, as the file stores it.

    Python compares and subtracts two times of one zone by wall clock, which is
    wrong across a daylight-saving change; and TOML offsets are whole minutes.
    """
    if value is None:
        return None
    offset = value.utcoffset()
    if offset is None:
        raise TypeError(f"{value.isoformat()}: expected a time with a UTC offset")
    if offset % timedelta(minutes=1):
        raise ValueError(f"{value.isoformat()}: the UTC offset must be whole minutes, e.g. +05:30")
    return value.replace(tzinfo=timezone(offset), fold=0)


class Meta(DocumentPart):
    id: str = ""
    title: str
    status: Status = Status.DRAFT
    severity: Severity | None = None
    incident_date: date | None = None
    timezone: str = "UTC"
    detection: Detection | None = None
    variant: Variant = Variant.STANDARD
    confidentiality: Confidentiality = Confidentiality.INTERNAL
    authors: list[str] = []
    facilitator: str = ""
    reviewers: list[str] = []
    participants: list[str] = []
    services: list[str] = []
    tags: list[str] = []
    related: list[str] = []

    _check_title = field_validator("title")(_required_text)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as 'UTC' or 'Europe/Paris'") from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Summary(DocumentPart):
    what_happened: str = ""
    root_cause: str = ""
    resolution: str = ""
    customer_impact: str = ""
    # What a reader must know first: how the system is set up, what was going on around it.
    background: str = ""
    # For customers and the status page: the apology and what is being done, in plain words.
    statement: str = ""


class ImpactedService(DocumentPart):
    name: str
    effect: str = ""

    _check_name = field_validator("name")(_required_text)


class Impact(DocumentPart):
    # When people first felt the incident, where that is not the started milestone's event: before
    # it (a slow build-up) or after it (a fault that lay dormant). Optional, and no event of its own.
    started_at: AwareDatetime | None = None
    started_approximate: bool = False  # that time is an estimate, shown as ~17:20
    users_affected: str = ""
    regions: list[str] = []
    customer_experience: str = ""
    data_impact: DataImpact | None = None
    data_details: str = ""
    sla: Sla | None = None
    revenue: str = ""
    support_tickets: int | None = Field(default=None, ge=0)
    escalations: int | None = Field(default=None, ge=0)
    error_rate: str = ""
    latency: str = ""
    availability: str = ""
    compliance: str = ""
    dependent_systems: str = ""
    services: list[ImpactedService] = []

    _check_started_at = field_validator("started_at")(_fixed_offset)


class TimelineEvent(DocumentPart):
    at: AwareDatetime
    approximate: bool = False  # the time is an estimate ("around 23:00"), shown as ~23:00
    event: str
    kind: EventKind = EventKind.NOTE
    milestone: Milestone | None = None
    # The milestone was guessed from the words when the event was imported: the author has not confirmed it.
    milestone_guessed: bool = False
    actor: str = ""
    source: str = ""
    evidence: str = ""
    key: bool = False
    # The text is still the line as imported from a log, chat or commit: the author has not yet put it
    # in their own words or accepted it.
    as_imported: bool = False

    _check_event = field_validator("event")(_required_text)
    _check_at = field_validator("at")(_fixed_offset)


class Factor(DocumentPart):
    id: str = ""
    title: str
    category: Category | None = None  # None: not categorised yet (an imported factor whose text did not say)
    area: Area | None = None
    weight: Weight = Weight.PRIMARY
    description: str = ""
    why_it_mattered: str = ""
    evidence: str = ""

    _check_title = field_validator("title")(_required_text)

    @field_validator("area")
    @classmethod
    def _area_in_category(cls, area: Area | None, info: ValidationInfo) -> Area | None:
        category = info.data.get("category")
        if area is None or category is None:
            return area
        allowed = AREAS_BY_CATEGORY[category]
        if area not in allowed:
            names = ", ".join(a.value for a in allowed)
            raise ValueError(f"area {area.value!r} is not a {category.value} area; use one of: {names}")
        return area


class WhyStep(DocumentPart):
    why: str = ""
    because: str = ""


class WhyChain(DocumentPart):
    problem: str = ""
    steps: list[WhyStep] = []
    root_cause: str = ""


class Verification(DocumentPart):
    """That a done action was checked afterwards: when, with what result, and how."""

    checked: date
    result: VerificationResult
    note: str = ""  # how it was checked (a drill, a game day, a metric watched for a month)


class ActionItem(DocumentPart):
    id: str = ""
    action: str
    owner: str = ""
    due: date | None = None
    priority: Priority | None = None
    horizon: Horizon | None = None
    type: ActionType | None = None
    status: ActionStatus = ActionStatus.OPEN
    success: str = ""
    ticket: str = ""
    factors: list[str] = []
    agreed: bool = False  # accepted by the review meeting (the owner included)
    completed: date | None = None  # the day it was done (a closed ticket's day, when synced from the tracker)
    verification: Verification | None = None

    _check_action = field_validator("action")(_required_text)


class Lessons(DocumentPart):
    went_well: list[str] = []
    went_poorly: list[str] = []
    lucky: list[str] = []
    key_learnings: list[str] = []


class Response(DocumentPart):
    # The story of the way back, in the order it happened: what was tried, what worked, what it cost.
    recovery: str = ""
    mitigation: str = ""
    verification: str = ""
    residual_risk: str = ""
    communication: str = ""


class Link(DocumentPart):
    label: str = ""
    url: str

    _check_url = field_validator("url")(_required_text)


class HistoryEntry(DocumentPart):
    date: date
    author: str = ""
    change: str = ""


class AgendaItem(DocumentPart):
    topic: str
    minutes: int = Field(gt=0)

    _check_topic = field_validator("topic")(_required_text)


class ReviewMeeting(DocumentPart):
    """The [review] table: the review meeting's time, its agenda and its notes."""

    meeting: AwareDatetime | None = None
    agenda: list[AgendaItem] = []
    notes: str = ""

    _check_meeting = field_validator("meeting")(_fixed_offset)


class Postmortem(DocumentPart):
    schema_version: int = SCHEMA_VERSION
    meta: Meta
    summary: Summary = Summary()
    impact: Impact = Impact()
    timeline: list[TimelineEvent] = []
    factors: list[Factor] = []
    whys: list[WhyChain] = []
    actions: list[ActionItem] = []
    lessons: Lessons = Lessons()
    response: Response = Response()
    links: list[Link] = []
    history: list[HistoryEntry] = []
    review: ReviewMeeting = ReviewMeeting()
    extra: dict[str, Any] = {}

    @field_validator("timeline")
    @classmethod
    def _one_event_per_milestone_sorted(cls, events: list[TimelineEvent]) -> list[TimelineEvent]:
        seen: dict[Milestone, int] = {}
        for index, event in enumerate(events):
            if event.milestone is None:
                continue
            if event.milestone in seen:
                raise ValueError(
                    f"milestone {event.milestone.value!r} is set on timeline[{seen[event.milestone]}]"
                    f" and timeline[{index}]; a milestone marks one event"
                )
            seen[event.milestone] = index
        return sorted(events, key=lambda e: e.at)

    # Named edits, so that every caller keeps the timeline sorted.

    def add_event(self, event: TimelineEvent) -> int:
        """Insert ``event`` in time order (after equal times); return its index."""
        self._release_milestone(event)
        index = bisect.bisect_right([e.at for e in self.timeline], event.at)
        self.timeline.insert(index, event)
        return index

    def replace_event(self, index: int, event: TimelineEvent) -> int:
        del self.timeline[index]
        return self.add_event(event)

    def _release_milestone(self, event: TimelineEvent) -> None:
        """A milestone marks one event: moving it to ``event`` clears the old one."""
        if event.milestone is None:
            return
        for other in self.timeline:
            if other.milestone == event.milestone:
                other.milestone = None

    def milestone_event(self, milestone: Milestone) -> TimelineEvent | None:
        for event in self.timeline:
            if event.milestone == milestone:
                return event
        return None

    def next_action_id(self) -> str:
        return next_id("A", (a.id for a in self.actions))

    def next_factor_id(self) -> str:
        return next_id("F", (f.id for f in self.factors))


def next_id(prefix: str, existing: Iterable[str]) -> str:
    numbers = [int(i[len(prefix) :]) for i in existing if i.startswith(prefix) and i[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"
