"""Property tests: any valid document survives the TOML file unchanged."""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.exports.markdown import render_markdown
from postmortem.models.checks import run_checks
from postmortem.models.codec import dumps, loads
from postmortem.models.document import (
    ActionItem,
    AgendaItem,
    Factor,
    HistoryEntry,
    Impact,
    ImpactedService,
    Lessons,
    Link,
    Meta,
    Postmortem,
    Response,
    ReviewMeeting,
    Summary,
    TimelineEvent,
    WhyChain,
    WhyStep,
)
from postmortem.models.enums import (
    AREAS_BY_CATEGORY,
    ActionStatus,
    ActionType,
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

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that stress the TOML writer, mixed with any other text (no
# surrogates: they cannot be written as UTF-8).
AWKWARD = st.sampled_from(
    [
        '"',
        "'",
        "\\",
        "\n",
        "\t",
        '"""',
        "'''",
        "\x00",
        "\x1f",
        "\x7f",
        "\r",
        "é",
        "✓",
        "火",
        "🙂",
        " ",
        "#",
        "=",
        "[",
        "]",
        "שלום",
        "مرحبا",
        "e\u0301",
        "👩\u200d💻",
        "\u202e",
    ]
)
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
VISIBLE_CHAR = ANY_CHAR.filter(lambda c: not c.isspace())
PIECE = st.one_of(AWKWARD, st.text(ANY_CHAR, min_size=1, max_size=8), st.text("abc xyz", min_size=1, max_size=8))


def _no_crlf(value: str) -> str:
    """tomli-w writes CRLF inside multi-line strings as LF, so generate none."""
    return re.sub(r"\r+\n", "\n", value)


nonempty_text = st.lists(PIECE, min_size=1, max_size=4).map("".join).map(_no_crlf)
text = st.just("") | nonempty_text  # most fields are often left empty
# Required texts must hold something besides whitespace.
filled_text = st.tuples(text, VISIBLE_CHAR, text).map("".join).map(_no_crlf)
text_list = st.lists(nonempty_text, max_size=3)

OFFSETS = st.one_of(
    st.just(UTC),
    st.sampled_from(
        [
            timedelta(hours=1),
            timedelta(hours=5, minutes=30),
            timedelta(hours=-3, minutes=-30),
            timedelta(hours=14),
            timedelta(hours=-12),
        ]
    ).map(timezone),
    st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m))),
)
naive_times = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 12, 31))
aware_times = st.builds(
    lambda naive, tz, whole: naive.replace(tzinfo=tz, microsecond=0 if whole else naive.microsecond),
    naive_times,
    OFFSETS,
    st.booleans(),
)
dates = st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31))
counts = st.none() | st.integers(min_value=0, max_value=10**9)


def optional(strategy):
    return st.none() | strategy


def enum(cls):
    return st.sampled_from(list(cls))


meta = st.builds(
    Meta,
    id=text,
    title=filled_text,
    status=enum(Status),
    severity=optional(enum(Severity)),
    incident_date=optional(dates),
    timezone=st.sampled_from(["UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns"]),
    detection=optional(enum(Detection)),
    variant=enum(Variant),
    confidentiality=enum(Confidentiality),
    authors=text_list,
    facilitator=text,
    reviewers=text_list,
    participants=text_list,
    services=text_list,
    tags=text_list,
    related=text_list,
)

summary = st.builds(Summary, what_happened=text, root_cause=text, resolution=text, customer_impact=text)

impact = st.builds(
    Impact,
    users_affected=text,
    regions=text_list,
    customer_experience=text,
    data_impact=optional(enum(DataImpact)),
    data_details=text,
    sla=optional(enum(Sla)),
    revenue=text,
    support_tickets=counts,
    escalations=counts,
    error_rate=text,
    latency=text,
    availability=text,
    compliance=text,
    dependent_systems=text,
    services=st.lists(st.builds(ImpactedService, name=filled_text, effect=text), max_size=2),
)


@st.composite
def timelines(draw) -> list[TimelineEvent]:
    size = draw(st.integers(min_value=0, max_value=6))
    milestones = draw(st.permutations(list(Milestone)))
    used = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    return [
        TimelineEvent(
            at=draw(aware_times),
            event=draw(filled_text),
            kind=draw(enum(EventKind)),
            milestone=milestones[i] if used[i] and i < len(milestones) else None,
            actor=draw(text),
            source=draw(text),
            evidence=draw(text),
            key=draw(st.booleans()),
        )
        for i in range(size)
    ]


@st.composite
def factors(draw) -> Factor:
    category = draw(enum(Category))
    return Factor(
        id=draw(text),
        title=draw(filled_text),
        category=category,
        area=draw(optional(st.sampled_from(AREAS_BY_CATEGORY[category]))),
        weight=draw(enum(Weight)),
        description=draw(text),
        why_it_mattered=draw(text),
        evidence=draw(text),
    )


# A step or chain with nothing in it is dropped when written, so each has content.
why_steps = st.builds(WhyStep, why=nonempty_text, because=text) | st.builds(WhyStep, why=text, because=nonempty_text)
why_chains = st.one_of(
    st.builds(WhyChain, problem=nonempty_text, steps=st.lists(why_steps, max_size=3), root_cause=text),
    st.builds(WhyChain, problem=text, steps=st.lists(why_steps, min_size=1, max_size=3), root_cause=text),
    st.builds(WhyChain, problem=text, steps=st.lists(why_steps, max_size=3), root_cause=nonempty_text),
)

actions = st.builds(
    ActionItem,
    id=text,
    action=filled_text,
    owner=text,
    due=optional(dates),
    priority=optional(enum(Priority)),
    horizon=optional(enum(Horizon)),
    type=optional(enum(ActionType)),
    status=enum(ActionStatus),
    success=text,
    ticket=text,
    factors=text_list,
)

lessons = st.builds(Lessons, went_well=text_list, went_poorly=text_list, lucky=text_list, key_learnings=text_list)
response = st.builds(Response, mitigation=text, verification=text, residual_risk=text, communication=text)
links = st.builds(Link, label=text, url=filled_text)
history = st.builds(HistoryEntry, date=dates, author=text, change=text)
review = st.builds(
    ReviewMeeting,
    meeting=optional(aware_times),
    agenda=st.lists(st.builds(AgendaItem, topic=filled_text, minutes=st.integers(1, 600)), max_size=3),
    notes=text,
)

# [extra] is kept as is, empty values included.
extra_scalars = st.one_of(text, st.integers(-(2**63), 2**63 - 1), st.booleans(), dates, aware_times, naive_times)
extra_values = st.recursive(
    extra_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
extra = st.dictionaries(text, extra_values, max_size=4)

documents = st.builds(
    Postmortem,
    meta=meta,
    summary=summary,
    impact=impact,
    timeline=timelines(),
    factors=st.lists(factors(), max_size=2),
    whys=st.lists(why_chains, max_size=2),
    actions=st.lists(actions, max_size=2),
    lessons=lessons,
    response=response,
    links=st.lists(links, max_size=2),
    history=st.lists(history, max_size=2),
    review=review,
    extra=extra,
)


@SETTINGS
@given(documents)
def test_a_document_survives_the_file(doc: Postmortem):
    assert loads(dumps(doc)) == doc


@SETTINGS
@given(documents)
def test_export_and_checks_never_raise(doc: Postmortem):
    assert render_markdown(doc).endswith("\n")
    run_checks(doc)


SECTION_ORDER = [
    "schema_version",
    "meta",
    "summary",
    "impact",
    "timeline",
    "factors",
    "whys",
    "actions",
    "lessons",
    "response",
    "links",
    "history",
    "review",
    "extra",
]


@SETTINGS
@given(documents)
def test_the_text_is_stable_and_in_the_spec_order(doc: Postmortem):
    text = dumps(doc)

    assert dumps(loads(text)) == text
    sections = list(tomllib.loads(text))
    assert sections == [key for key in SECTION_ORDER if key in sections]
    # Nothing between the version and [meta]: no record list was written inline.
    assert text.startswith("schema_version = 1\n\n[meta]\n")


@SETTINGS
@given(timelines())
def test_timeline_is_in_time_order_after_reading(events: list[TimelineEvent]):
    doc = loads(dumps(Postmortem(meta=Meta(title="t"), timeline=events)))
    instants = [e.at for e in doc.timeline]
    assert instants == sorted(instants)
    assert sorted(e.event for e in doc.timeline) == sorted(e.event for e in events)
