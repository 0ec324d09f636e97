"""The document model: defaults, validation messages and the timeline edits."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import tomli_w
from pydantic import ValidationError

from postmortem.models.codec import SchemaError, loads
from postmortem.models.document import (
    SCHEMA_VERSION,
    ActionItem,
    Factor,
    Meta,
    Postmortem,
    ReviewMeeting,
    TimelineEvent,
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
    Weight,
)

UTC = UTC
PLUS_ONE = timezone(timedelta(hours=1))


def at(hour: int, minute: int = 0, tz: timezone = UTC) -> datetime:
    return datetime(2026, 1, 31, hour, minute, tzinfo=tz)


def base_data() -> dict[str, Any]:
    """A valid document as plain data, with one record in every list."""
    return {
        "meta": {"title": "Checkout latency"},
        "impact": {"services": [{"name": "checkout"}]},
        "timeline": [
            {"at": at(13, 52), "event": "Deploy of 4.2", "kind": "trigger"},
            {"at": at(14, 0), "event": "Alert fires", "kind": "detection"},
        ],
        "factors": [{"id": "F1", "title": "No canary", "category": "process"}],
        "whys": [{"problem": "p", "steps": [{"why": "w", "because": "b"}]}],
        "actions": [{"id": "A1", "action": "Add a canary stage"}],
        "links": [{"url": "https://example.com"}],
        "history": [{"date": date(2026, 2, 1), "change": "draft"}],
        "review": {"agenda": [{"topic": "timeline", "minutes": 15}]},
    }


def set_path(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    target: Any = data
    for part in path[:-1]:
        target = target.setdefault(part, {}) if isinstance(part, str) else target[part]
    target[path[-1]] = value


def problems_for(data: dict[str, Any]) -> list[str]:
    """The SchemaError problems for ``data`` written as TOML and read back."""
    text = tomli_w.dumps(data)
    with pytest.raises(SchemaError) as caught:
        loads(text)
    return caught.value.problems


def timeline_doc(*events: TimelineEvent) -> Postmortem:
    return Postmortem(meta=Meta(title="t"), timeline=list(events))


def event(hour: int, minute: int = 0, name: str = "", **fields: Any) -> TimelineEvent:
    return TimelineEvent(at=at(hour, minute), event=name or f"{hour}:{minute:02d}", **fields)


# Construction -------------------------------------------------------------


def test_only_a_title_is_needed_and_everything_else_has_defaults():
    doc = Postmortem(meta=Meta(title="Outage"))

    assert doc.schema_version == SCHEMA_VERSION == 1
    meta = doc.meta
    assert (meta.id, meta.title, meta.facilitator) == ("", "Outage", "")
    assert meta.status is Status.DRAFT
    assert meta.severity is None
    assert meta.incident_date is None
    assert meta.timezone == "UTC"
    assert meta.detection is None
    assert meta.variant is Variant.STANDARD
    assert meta.confidentiality is Confidentiality.INTERNAL
    assert meta.authors == meta.reviewers == meta.participants == []
    assert meta.services == meta.tags == meta.related == []
    assert doc.summary.what_happened == doc.summary.root_cause == ""
    assert doc.impact.support_tickets is None and doc.impact.escalations is None
    assert doc.impact.data_impact is None and doc.impact.sla is None
    assert doc.timeline == doc.factors == doc.whys == doc.actions == []
    assert doc.links == doc.history == []
    assert doc.lessons.went_well == doc.lessons.key_learnings == []
    assert doc.review.meeting is None and doc.review.agenda == []
    assert doc.extra == {}


def test_minimal_file_loads_with_the_same_defaults():
    assert loads('[meta]\ntitle = "Outage"\n') == Postmortem(meta=Meta(title="Outage"))


def test_record_defaults():
    ev = TimelineEvent(at=at(10), event="x")
    assert (ev.kind, ev.milestone, ev.key) == (EventKind.NOTE, None, False)
    factor = Factor(title="f", category=Category.TECHNICAL)
    assert (factor.area, factor.weight) == (None, Weight.PRIMARY)
    action = ActionItem(action="do it")
    assert action.status is ActionStatus.OPEN
    assert (action.priority, action.horizon, action.type, action.due) == (None, None, None, None)


def test_default_sections_and_lists_are_not_shared_between_documents():
    first = Postmortem(meta=Meta(title="a"))
    second = Postmortem(meta=Meta(title="b"))

    first.summary.root_cause = "changed"
    first.meta.authors.append("SRE")
    first.add_event(event(10))

    assert second.summary.root_cause == ""
    assert second.meta.authors == []
    assert second.timeline == []
    assert Postmortem(meta=Meta(title="c")).timeline == []


def test_values_are_converted_to_enums():
    doc = loads(
        '[meta]\ntitle = "x"\nstatus = "in-review"\nseverity = "SEV-1"\n'
        '[[timeline]]\nat = 2026-01-31T10:00:00Z\nevent = "e"\nmilestone = "started"\n'
    )
    assert doc.meta.status is Status.IN_REVIEW
    assert doc.meta.severity is Severity.SEV1
    assert doc.timeline[0].milestone is Milestone.STARTED


# Enumerations ------------------------------------------------------------

ENUM_FIELDS = [
    (("meta", "status"), Status),
    (("meta", "severity"), Severity),
    (("meta", "detection"), Detection),
    (("meta", "variant"), Variant),
    (("meta", "confidentiality"), Confidentiality),
    (("impact", "data_impact"), DataImpact),
    (("impact", "sla"), Sla),
    (("timeline", 1, "kind"), EventKind),
    (("timeline", 1, "milestone"), Milestone),
    (("factors", 0, "category"), Category),
    (("factors", 0, "area"), Area),
    (("factors", 0, "weight"), Weight),
    (("actions", 0, "priority"), Priority),
    (("actions", 0, "horizon"), Horizon),
    (("actions", 0, "type"), ActionType),
    (("actions", 0, "status"), ActionStatus),
]


def dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@pytest.mark.parametrize(("path", "enum"), ENUM_FIELDS, ids=lambda v: dotted(v) if isinstance(v, tuple) else "")
def test_every_enum_rejects_a_bad_value_listing_the_allowed_ones(path: tuple[str | int, ...], enum: type[StrEnum]):
    data = base_data()
    set_path(data, path, "bogus")

    allowed = ", ".join(member.value for member in enum)
    assert problems_for(data) == [f"{dotted(path)}: 'bogus' is not allowed; use one of: {allowed}"]


@pytest.mark.parametrize(("path", "enum"), ENUM_FIELDS, ids=lambda v: dotted(v) if isinstance(v, tuple) else "")
def test_every_enum_accepts_each_of_its_values(path: tuple[str | int, ...], enum: type[StrEnum]):
    for member in enum:
        data = base_data()
        if path == ("factors", 0, "area"):
            category = next(c for c, areas in AREAS_BY_CATEGORY.items() if member in areas)
            set_path(data, ("factors", 0, "category"), category.value)
        set_path(data, path, member.value)

        doc = loads(tomli_w.dumps(data))

        target: Any = doc
        for part in path:
            target = target[part] if isinstance(part, int) else getattr(target, part)
        assert target is member


def test_enum_values_are_case_sensitive():
    data = base_data()
    set_path(data, ("meta", "severity"), "sev-1")
    assert problems_for(data) == ["meta.severity: 'sev-1' is not allowed; use one of: SEV-1, SEV-2, SEV-3, SEV-4"]


# Datetimes ---------------------------------------------------------------


def test_naive_event_time_is_rejected_with_a_message_about_the_offset():
    data = base_data()
    data["timeline"][1]["at"] = datetime(2026, 1, 31, 14, 0)

    [problem] = problems_for(data)

    assert problem.startswith("timeline[1].at: ")
    assert "offset" in problem
    assert "2026-01-31T13:52:00Z" in problem


def test_naive_meeting_time_is_rejected_with_a_message_about_the_offset():
    data = base_data()
    data["review"]["meeting"] = datetime(2026, 2, 2, 15, 0)

    [problem] = problems_for(data)

    assert problem.startswith("review.meeting: ")
    assert "offset" in problem


def test_naive_datetime_is_rejected_when_building_the_model():
    with pytest.raises(ValidationError, match="timezone"):
        TimelineEvent(at=datetime(2026, 1, 31, 10, 0), event="x")
    with pytest.raises(ValidationError):
        ReviewMeeting(meeting=datetime(2026, 1, 31, 10, 0))


def test_date_without_time_is_not_an_event_time():
    data = base_data()
    data["timeline"][0]["at"] = date(2026, 1, 31)
    [problem] = problems_for(data)
    assert problem.startswith("timeline[0].at: ")
    assert "offset" in problem


def test_offset_is_kept_as_given():
    doc = Postmortem(meta=Meta(title="t"), timeline=[TimelineEvent(at=at(14, tz=PLUS_ONE), event="x")])
    assert doc.timeline[0].at.utcoffset() == timedelta(hours=1)


def test_offset_with_seconds_is_rejected_because_toml_cannot_write_it():
    odd = timezone(timedelta(hours=5, minutes=30, seconds=15))
    with pytest.raises(ValidationError, match="whole minutes"):
        TimelineEvent(at=datetime(2026, 1, 31, 10, 0, tzinfo=odd), event="x")
    with pytest.raises(ValidationError, match="whole minutes"):
        ReviewMeeting(meeting=datetime(2026, 1, 31, 10, 0, tzinfo=odd))
    # Whole minutes, even unusual ones, are fine.
    quarter = timezone(timedelta(hours=5, minutes=45))
    assert TimelineEvent(at=datetime(2026, 1, 31, 10, 0, tzinfo=quarter), event="x").at.utcoffset() == timedelta(
        hours=5, minutes=45
    )


def test_offset_with_seconds_from_a_zone_is_rejected_too():
    monrovia_1960 = datetime(1960, 1, 1, 10, 0, tzinfo=ZoneInfo("Africa/Monrovia"))  # -00:44:30
    with pytest.raises(ValidationError, match="whole minutes"):
        TimelineEvent(at=monrovia_1960, event="x")


def test_a_zone_becomes_the_offset_in_force_at_that_time():
    berlin = ZoneInfo("Europe/Berlin")
    winter = TimelineEvent(at=datetime(2026, 3, 29, 1, 30, tzinfo=berlin), event="x").at
    summer = TimelineEvent(at=datetime(2026, 3, 29, 3, 30, tzinfo=berlin), event="x").at
    meeting = ReviewMeeting(meeting=datetime(2026, 7, 1, 9, 0, tzinfo=berlin)).meeting

    assert winter.tzinfo == timezone(timedelta(hours=1))
    assert summer.tzinfo == timezone(timedelta(hours=2))
    assert meeting.tzinfo == timezone(timedelta(hours=2))
    assert (winter.hour, winter.minute, summer.hour) == (1, 30, 3)
    # The night the clocks go forward, 01:30 to 03:30 is one hour.
    assert summer - winter == timedelta(hours=1)


def test_order_is_by_instant_for_times_entered_in_a_zone():
    berlin = ZoneInfo("Europe/Berlin")
    # The night the clocks go back, 02:10 happens twice; the second one (fold=1)
    # is after 02:50 of the first one.
    second_0210 = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=berlin)
    first_0250 = datetime(2026, 10, 25, 2, 50, tzinfo=berlin)
    doc = timeline_doc(
        TimelineEvent(at=second_0210, event="later"),
        TimelineEvent(at=first_0250, event="earlier"),
    )
    assert [e.event for e in doc.timeline] == ["earlier", "later"]
    assert doc.add_event(TimelineEvent(at=datetime(2026, 10, 25, 0, 55, tzinfo=UTC), event="between")) == 1


def test_incident_date_must_be_a_plain_date():
    data = base_data()
    data["meta"]["incident_date"] = datetime(2026, 1, 31, 10, 0, tzinfo=UTC)
    assert problems_for(data) == ["meta.incident_date: should be a date without a time, e.g. 2026-01-31"]


# Unknown keys and [extra] -------------------------------------------------


@pytest.mark.parametrize(
    ("path", "section"),
    [
        (("colour",), None),
        (("meta", "titel"), "meta"),
        (("summary", "whathappened"), "summary"),
        (("impact", "services", 0, "impact"), "impact.services[0]"),
        (("timeline", 1, "who"), "timeline[1]"),
        (("factors", 0, "owner"), "factors[0]"),
        (("whys", 0, "steps", 0, "answer"), "whys[0].steps[0]"),
        (("actions", 0, "assignee"), "actions[0]"),
        (("review", "agenda", 0, "length"), "review.agenda[0]"),
    ],
)
def test_unknown_key_is_rejected_naming_the_key_and_where_it_is(path: tuple[str | int, ...], section: str | None):
    data = base_data()
    set_path(data, path, "value")

    [problem] = problems_for(data)

    where = f" in [{section}]" if section else ""
    assert problem.startswith(f"unknown key {path[-1]!r}{where} ")
    assert "[extra]" in problem


def test_every_unknown_key_is_reported():
    data = base_data()
    data["colour"] = "red"
    data["meta"]["titel"] = "typo"
    problems = problems_for(data)
    assert len(problems) == 2
    assert any("'colour'" in p for p in problems)
    assert any("'titel' in [meta]" in p for p in problems)


def test_extra_keeps_anything_as_is():
    extra = {
        "jira": "OPS-1",
        "Weird Key!": [1, "two", 3.5, True],
        "empty": "",
        "nothing": [],
        "when": datetime(2026, 1, 31, 10, 0, tzinfo=PLUS_ONE),
        "local": datetime(2026, 1, 31, 10, 0),
        "day": date(2026, 1, 31),
        "nested": {"deeper": {"x": 1}, "records": [{"a": 1}, {"b": 2}]},
    }
    data = base_data()
    data["extra"] = copy.deepcopy(extra)

    doc = loads(tomli_w.dumps(data))

    assert doc.extra == extra
    assert list(doc.extra) == list(extra)


def test_extra_must_be_a_table():
    data = base_data()
    data["extra"] = "text"
    assert problems_for(data) == ["extra: should be a table"]


# Factors -----------------------------------------------------------------

AREA_CASES = [(category, area) for category in Category for area in Area]


@pytest.mark.parametrize(("category", "area"), AREA_CASES, ids=[f"{c}-{a}" for c, a in AREA_CASES])
def test_area_must_belong_to_the_category(category: Category, area: Area):
    data = base_data()
    data["factors"][0].update(category=category.value, area=area.value)
    allowed = AREAS_BY_CATEGORY[category]

    if area in allowed:
        assert loads(tomli_w.dumps(data)).factors[0].area is area
    else:
        names = ", ".join(a.value for a in allowed)
        assert problems_for(data) == [
            f"factors[0].area: area {area.value!r} is not a {category.value} area; use one of: {names}"
        ]


def test_every_area_belongs_to_exactly_one_category():
    owners = [c for area in Area for c, areas in AREAS_BY_CATEGORY.items() if area in areas]
    assert len(owners) == len(Area)


def test_area_is_checked_on_assignment_too():
    factor = Factor(title="f", category=Category.PROCESS, area=Area.TESTING)
    with pytest.raises(ValidationError, match="not a process area"):
        factor.area = Area.CODE
    assert factor.area is Area.TESTING
    factor.area = Area.DEPLOYMENT
    assert factor.area is Area.DEPLOYMENT


def test_area_is_optional_and_an_unknown_category_reports_only_the_category():
    data = base_data()
    data["factors"][0].update(category="people", area="code")
    [problem] = problems_for(data)
    assert problem.startswith("factors[0].category: 'people' is not allowed")


# Timeline ----------------------------------------------------------------


def test_one_event_per_milestone_naming_both_indices():
    data = base_data()
    data["timeline"] = [
        {"at": at(10), "event": "a", "milestone": "started"},
        {"at": at(11), "event": "b", "milestone": "detected"},
        {"at": at(9), "event": "c", "milestone": "started"},
    ]

    [problem] = problems_for(data)

    assert problem.startswith("timeline: milestone 'started' ")
    assert "timeline[0]" in problem and "timeline[2]" in problem


def test_one_event_per_milestone_when_building_the_model():
    with pytest.raises(ValidationError, match=r"timeline\[0\] and timeline\[1\]"):
        timeline_doc(event(10, milestone=Milestone.RESOLVED), event(11, milestone=Milestone.RESOLVED))


def test_each_milestone_may_be_used_once():
    doc = timeline_doc(*(event(10 + i, milestone=m) for i, m in enumerate(Milestone)))
    assert [e.milestone for e in doc.timeline] == list(Milestone)


def test_timeline_is_sorted_on_load_by_instant_keeping_file_order_for_ties():
    data = base_data()
    data["timeline"] = [
        {"at": at(15, 0), "event": "third"},
        {"at": at(14, 30, PLUS_ONE), "event": "first"},  # 13:30Z
        {"at": at(14, 0), "event": "second-a"},
        {"at": at(15, 0, PLUS_ONE), "event": "second-b"},  # 14:00Z, same instant
    ]

    doc = loads(tomli_w.dumps(data))

    assert [e.event for e in doc.timeline] == ["first", "second-a", "second-b", "third"]


def test_assigning_a_timeline_sorts_it():
    doc = timeline_doc()
    doc.timeline = [event(12, name="b"), event(11, name="a")]
    assert [e.event for e in doc.timeline] == ["a", "b"]


def test_add_event_inserts_in_time_order_and_returns_the_index():
    doc = timeline_doc(event(10, name="ten"), event(12, name="twelve"))

    assert doc.add_event(event(11, name="eleven")) == 1
    assert doc.add_event(event(9, name="nine")) == 0
    assert doc.add_event(event(13, name="thirteen")) == 4

    assert [e.event for e in doc.timeline] == ["nine", "ten", "eleven", "twelve", "thirteen"]


def test_add_event_goes_after_events_at_the_same_time():
    doc = timeline_doc(event(10, name="first"), event(11, name="later"))
    same_instant = TimelineEvent(at=at(11, tz=PLUS_ONE), event="second")  # 10:00Z

    assert doc.add_event(same_instant) == 1
    assert [e.event for e in doc.timeline] == ["first", "second", "later"]


def test_add_event_moves_a_milestone_instead_of_duplicating_it():
    doc = timeline_doc(event(10, name="old", milestone=Milestone.DETECTED))

    doc.add_event(event(11, name="new", milestone=Milestone.DETECTED))

    assert [(e.event, e.milestone) for e in doc.timeline] == [
        ("old", None),
        ("new", Milestone.DETECTED),
    ]
    assert doc.milestone_event(Milestone.DETECTED).event == "new"


def test_add_event_without_milestone_leaves_milestones_alone():
    doc = timeline_doc(event(10, milestone=Milestone.STARTED))
    doc.add_event(event(11))
    assert doc.timeline[0].milestone is Milestone.STARTED


def test_replace_event_moves_it_to_its_new_place():
    doc = timeline_doc(event(10, name="a"), event(11, name="b"), event(12, name="c"))

    index = doc.replace_event(0, event(13, name="a-later"))

    assert index == 2
    assert [e.event for e in doc.timeline] == ["b", "c", "a-later"]


def test_replace_event_keeps_its_own_milestone():
    doc = timeline_doc(event(10, name="a", milestone=Milestone.STARTED), event(11, name="b"))

    index = doc.replace_event(0, event(10, 5, name="a2", milestone=Milestone.STARTED))

    assert index == 0
    assert [(e.event, e.milestone) for e in doc.timeline] == [
        ("a2", Milestone.STARTED),
        ("b", None),
    ]


def test_replace_event_takes_a_milestone_from_another_event():
    doc = timeline_doc(
        event(10, name="a", milestone=Milestone.MITIGATED),
        event(11, name="b"),
        event(12, name="c"),
    )

    index = doc.replace_event(2, event(12, name="c", milestone=Milestone.MITIGATED))

    assert index == 2
    assert [e.milestone for e in doc.timeline] == [None, None, Milestone.MITIGATED]
    assert len(doc.timeline) == 3


def test_milestone_event():
    doc = timeline_doc(event(10, name="start", milestone=Milestone.STARTED), event(11))
    assert doc.milestone_event(Milestone.STARTED).event == "start"
    assert doc.milestone_event(Milestone.RESOLVED) is None


# Ids ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([], "A1"),
        (["A1"], "A2"),
        (["A1", "A3"], "A4"),
        (["A10", "A2"], "A11"),
        (["", "X7", "A-2", "Ab", "a5"], "A1"),
        (["A01", "F9"], "A2"),
    ],
)
def test_next_action_id(ids: list[str], expected: str):
    doc = Postmortem(meta=Meta(title="t"), actions=[ActionItem(id=i, action="x") for i in ids])
    assert doc.next_action_id() == expected


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([], "F1"),
        (["F1", "F2"], "F3"),
        (["F7", "F3"], "F8"),
        (["", "A9", "f2", "F"], "F1"),
    ],
)
def test_next_factor_id(ids: list[str], expected: str):
    doc = Postmortem(
        meta=Meta(title="t"),
        factors=[Factor(id=i, title="x", category=Category.TECHNICAL) for i in ids],
    )
    assert doc.next_factor_id() == expected


def test_next_ids_ignore_the_other_list():
    doc = Postmortem(
        meta=Meta(title="t"),
        actions=[ActionItem(id="A4", action="x")],
        factors=[Factor(id="F2", title="y", category=Category.PROCESS)],
    )
    assert (doc.next_action_id(), doc.next_factor_id()) == ("A5", "F3")


# Required and checked values ----------------------------------------------


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_empty_title_is_rejected(title: str):
    data = base_data()
    data["meta"]["title"] = title
    assert problems_for(data) == ["meta.title: must not be empty"]
    with pytest.raises(ValidationError, match="must not be empty"):
        Meta(title=title)


def test_missing_title_and_missing_meta_are_reported():
    data = base_data()
    del data["meta"]["title"]
    assert problems_for(data) == ["meta.title: is required"]

    data = base_data()
    del data["meta"]
    assert problems_for(data) == ["meta: is required"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("timeline", 0, "event"), "timeline[0].event: must not be empty"),
        (("factors", 0, "title"), "factors[0].title: must not be empty"),
        (("actions", 0, "action"), "actions[0].action: must not be empty"),
        (("links", 0, "url"), "links[0].url: must not be empty"),
        (("impact", "services", 0, "name"), "impact.services[0].name: must not be empty"),
        (("review", "agenda", 0, "topic"), "review.agenda[0].topic: must not be empty"),
    ],
)
def test_other_required_texts_must_not_be_blank(path: tuple[str | int, ...], expected: str):
    data = base_data()
    set_path(data, path, "  ")
    assert problems_for(data) == [expected]


def test_title_keeps_surrounding_whitespace():
    assert Meta(title="  spaced  ").title == "  spaced  "


def test_unknown_time_zone_is_rejected():
    data = base_data()
    data["meta"]["timezone"] = "Mars/Olympus"
    [problem] = problems_for(data)
    assert problem.startswith("meta.timezone: unknown time zone 'Mars/Olympus'")


def test_known_time_zone_gives_a_zone():
    assert Meta(title="t", timezone="Europe/Berlin").zone.key == "Europe/Berlin"


def test_counts_must_not_be_negative_and_agenda_minutes_positive():
    data = base_data()
    data["impact"]["support_tickets"] = -1
    data["review"]["agenda"][0]["minutes"] = 0
    assert problems_for(data) == [
        "impact.support_tickets: should be at least 0",
        "review.agenda[0].minutes: should be more than 0",
    ]


def test_wrong_types_are_described_in_words():
    data = base_data()
    data["meta"]["authors"] = "SRE"
    data["impact"]["escalations"] = 1.5
    data["history"][0]["date"] = "yesterday"
    assert problems_for(data) == [
        'meta.authors: should be a list, e.g. ["a", "b"]',
        "impact.escalations: should be a whole number",
        "history[0].date: should be a date, e.g. 2026-01-31",
    ]


def test_assignment_is_validated():
    meta = Meta(title="t")
    with pytest.raises(ValidationError):
        meta.severity = "SEV-9"
    meta.severity = "SEV-3"
    assert meta.severity is Severity.SEV3
