"""This app's own Markdown export imports back to the document it came from, for every field the Markdown
carries.

What the Markdown does not carry, and so is left out of the comparison: the public statement (only the
public export shows it), whether an event's milestone was guessed or its text is still as imported, the
order of factors and actions across their groups (the export groups them by category and horizon), a
five-whys question the export leaves out because it only repeats the answer above, and ``[extra]`` keys other
than the imported parts. Free text is Markdown that renders as what was written: lines of words, marks and
inline code, not headings, lists or tables of their own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.exports.markdown import _why_step, render_markdown
from postmortem.models.audience import Audience
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
    Verification,
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
    VerificationResult,
    Weight,
)
from postmortem.models.labels import FACTOR_GROUP_HEADINGS, HORIZON_HEADINGS
from postmortem.models.markdown_import.build import IMPORTED, import_markdown

ZONES = ("UTC", "Europe/Berlin", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe")
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßøΩ"
MARKS = "0123456789.,;:!?'\"()/&<>%#@+=-$[]{}`|~"

# Words and marks, one space between words; a line starts with a letter so it never opens a block of its own.
token = st.text(LETTERS + MARKS, min_size=1, max_size=7)
line = st.builds(
    lambda first, rest: " ".join([first, *rest]), st.text(LETTERS, min_size=1, max_size=6), st.lists(token, max_size=5)
).filter(lambda text: "<br>" not in text)
text = st.lists(line, min_size=1, max_size=3).map("\n".join)
paragraphs = st.lists(text, min_size=1, max_size=2).map("\n\n".join)
name = line.filter(lambda text: ", " not in text)  # an item of a list the export joins with commas
maybe_line, maybe_text, maybe_paragraphs = (st.one_of(st.just(""), s) for s in (line, text, paragraphs))
days = st.dates(date(2020, 1, 1), date(2030, 12, 31))


def instants(zone: str) -> st.SearchStrategy[datetime]:
    """Whole seconds, mostly whole minutes, in the zone's offset of the day (as the file keeps them)."""
    seconds = st.one_of(st.just(0), st.integers(0, 59))
    return st.builds(
        lambda start, minutes, second: (start + timedelta(minutes=minutes, seconds=second)).astimezone(ZoneInfo(zone)),
        st.datetimes(datetime(2021, 1, 1), datetime(2029, 12, 31)).map(
            lambda moment: moment.replace(second=0, microsecond=0, tzinfo=UTC)
        ),
        st.integers(0, 60 * 48),
        seconds,
    )


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


@st.composite
def documents(draw: st.DrawFn) -> Postmortem:
    zone = draw(st.sampled_from(ZONES))
    at = instants(zone)
    meta = Meta(
        id=draw(maybe_line),
        title=draw(line),
        status=draw(st.sampled_from(Status)),
        severity=draw(optional(st.sampled_from(Severity))),
        incident_date=draw(optional(days)),
        timezone=zone,
        detection=draw(optional(st.sampled_from(Detection))),
        variant=draw(st.sampled_from(Variant)),
        confidentiality=draw(st.sampled_from(Confidentiality)),
        **{
            field: draw(st.lists(name, max_size=3))
            for field in ("authors", "reviewers", "participants", "services", "tags", "related")
        },
        facilitator=draw(maybe_text),
    )
    started_at = draw(optional(at))
    impact = Impact(
        started_at=started_at,
        started_approximate=started_at is not None and draw(st.booleans()),
        users_affected=draw(maybe_paragraphs),
        regions=draw(st.lists(name, max_size=3)),
        customer_experience=draw(maybe_paragraphs),
        data_impact=draw(optional(st.sampled_from(DataImpact))),
        data_details=draw(maybe_text),
        sla=draw(optional(st.sampled_from(Sla))),
        revenue=draw(maybe_text),
        support_tickets=draw(optional(st.integers(0, 10_000))),
        escalations=draw(optional(st.integers(0, 50))),
        **{field: draw(maybe_text) for field in ("error_rate", "latency", "availability", "compliance")},
        dependent_systems=draw(maybe_paragraphs),
        services=[ImpactedService(name=draw(text), effect=draw(maybe_text)) for _ in range(draw(st.integers(0, 2)))],
    )
    count = draw(st.integers(0, 6))
    milestones = draw(st.permutations(list(Milestone)))
    marked = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    timeline = [
        TimelineEvent(
            at=draw(at),
            approximate=draw(st.booleans()),
            event=draw(text),
            kind=draw(st.sampled_from(EventKind)),
            milestone=milestones[index] if marked[index] and index < len(milestones) else None,
            milestone_guessed=draw(st.booleans()),
            actor=draw(maybe_line),
            source=draw(maybe_line),
            evidence=draw(maybe_text),
            key=draw(st.booleans()),
            as_imported=draw(st.booleans()),
        )
        for index in range(count)
    ]
    factors = []
    for number in range(1, draw(st.integers(0, 4)) + 1):
        category = draw(optional(st.sampled_from(Category)))
        areas = AREAS_BY_CATEGORY[category] if category else ()
        factors.append(
            Factor(
                id=f"F{number}",
                title=draw(line),
                category=category,
                area=draw(optional(st.sampled_from(areas))) if areas else None,
                weight=draw(st.sampled_from(Weight)),
                description=draw(maybe_paragraphs),
                why_it_mattered=draw(maybe_text),
                evidence=draw(maybe_text),
            )
        )
    whys = [
        WhyChain(
            problem=draw(maybe_line),
            steps=[
                WhyStep(why=draw(st.one_of(maybe_text, st.just("Why?"))), because=draw(maybe_text))
                for _ in range(draw(st.integers(0, 3)))
            ],
            root_cause=draw(maybe_text),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    actions = [
        ActionItem(
            id=draw(st.sampled_from(("", f"A{number}"))),
            action=draw(text),
            owner=draw(maybe_line),
            due=draw(optional(days)),
            priority=draw(optional(st.sampled_from(Priority))),
            horizon=draw(optional(st.sampled_from(Horizon))),
            type=draw(optional(st.sampled_from(ActionType))),
            status=draw(st.sampled_from(ActionStatus)),
            success=draw(maybe_text),
            ticket=draw(maybe_line),
            factors=draw(st.lists(st.sampled_from([f.id for f in factors]), max_size=2)) if factors else [],
            agreed=draw(st.booleans()),
            completed=draw(optional(days)),
            verification=draw(
                optional(
                    st.builds(
                        Verification,
                        checked=days,
                        result=st.sampled_from(VerificationResult),
                        note=maybe_text,
                    )
                )
            ),
        )
        for number in range(1, draw(st.integers(0, 4)) + 1)
    ]
    meeting = draw(optional(at))
    return Postmortem(
        meta=meta,
        summary=Summary(
            what_happened=draw(maybe_paragraphs),
            root_cause=draw(maybe_paragraphs),
            resolution=draw(maybe_paragraphs),
            customer_impact=draw(maybe_text),
            background=draw(maybe_paragraphs),
            statement=draw(maybe_text),
        ),
        impact=impact,
        timeline=timeline,
        factors=factors,
        whys=whys,
        actions=actions,
        lessons=Lessons(**{field: draw(st.lists(text, max_size=2)) for field in Lessons.model_fields}),
        response=Response(**{field: draw(maybe_paragraphs) for field in Response.model_fields}),
        links=[
            Link(
                label=draw(line),
                url="https://" + draw(st.from_regex(r"[a-z0-9]{1,8}\.example/[a-z0-9/-]{0,12}", fullmatch=True)),
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
        history=[
            HistoryEntry(date=draw(days), author=draw(maybe_line), change=draw(maybe_text))
            for _ in range(draw(st.integers(0, 2)))
        ],
        review=ReviewMeeting(
            meeting=meeting,
            agenda=[
                AgendaItem(topic=draw(text), minutes=draw(st.integers(1, 90))) for _ in range(draw(st.integers(0, 2)))
            ],
            notes=draw(maybe_paragraphs),
        ),
        extra={
            IMPORTED: [{"heading": draw(line), "markdown": draw(paragraphs)} for _ in range(draw(st.integers(0, 2)))],
            "elsewhere": {"kept": "in the file, not in the Markdown"},
        },
    )


def carried(doc: Postmortem) -> Postmortem:
    """The document as far as its Markdown export carries it (see the module's note)."""
    doc = doc.model_copy(deep=True)
    doc.summary.statement = ""
    for event in doc.timeline:
        event.milestone_guessed = event.as_imported = False
    groups, horizons = list(FACTOR_GROUP_HEADINGS), list(HORIZON_HEADINGS)
    doc.factors.sort(key=lambda factor: groups.index(factor.category))
    doc.actions.sort(key=lambda action: horizons.index(action.horizon))
    for chain in doc.whys:
        previous = chain.problem
        for step in chain.steps:
            if not _why_step(step, previous).startswith("*"):
                step.why = ""
            previous = step.because or previous
    doc.extra = {IMPORTED: doc.extra[IMPORTED]} if doc.extra.get(IMPORTED) else {}
    return doc


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_an_exported_document_imports_back_to_itself(doc):
    result = import_markdown(render_markdown(doc))
    expected = carried(doc)
    got, want = result.document.model_dump(), expected.model_dump()
    for part in want:  # one part at a time, so that a failure shows the field
        assert got[part] == want[part], part
    assert result.unplaced == [part["heading"] for part in expected.extra.get(IMPORTED, [])]  # still to place


def test_times_the_clocks_show_twice_come_back_as_the_right_one():
    """In Berlin 02:30 comes twice on 25 October 2026; the export says which by the zone's abbreviation."""
    berlin = ZoneInfo("Europe/Berlin")
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(berlin)  # 02:30 CEST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(berlin)  # 02:30 CET, an hour later
    doc = Postmortem(
        meta=Meta(title="Batch ran twice", timezone="Europe/Berlin", incident_date=date(2026, 10, 25)),
        timeline=[TimelineEvent(at=first, event="First run"), TimelineEvent(at=second, event="Second run")],
    )
    markdown = render_markdown(doc)
    assert "| 02:30 CEST |" in markdown and "| 02:30 CET |" in markdown
    back = [event.at.astimezone(UTC) for event in import_markdown(markdown).document.timeline]
    assert back == [first.astimezone(UTC), second.astimezone(UTC)]


def test_a_section_added_to_an_export_by_hand_is_kept_as_written():
    doc = Postmortem(meta=Meta(title="Queue stalled"), summary=Summary(what_happened="The queue stalled."))
    markdown = render_markdown(doc) + "\n## Customer quotes\n\n> It just spun.\n"
    result = import_markdown(markdown)
    assert result.document.summary.what_happened == "The queue stalled."
    assert result.document.extra[IMPORTED] == [{"heading": "Customer quotes", "markdown": "> It just spun."}]
    assert result.unplaced == ["Customer quotes"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_the_summary_export_reads_back_to_the_same_summary(doc):
    """The shorter export for leadership is read the same way: exported again, it is the same Markdown (its
    actions in the export's order, so that the factors name the actions without an id alike)."""
    markdown = render_markdown(carried(doc), Audience.SUMMARY)
    assert render_markdown(import_markdown(markdown).document, Audience.SUMMARY) == markdown


def test_a_worked_out_part_edited_by_hand_is_kept_as_written():
    """The root-cause summary is worked out again from the fields; where its text says more, it is kept."""
    doc = Postmortem(meta=Meta(title="Queue stalled"), summary=Summary(root_cause="The broker's disk filled."))
    markdown = render_markdown(doc)
    assert "## Root cause summary\n\nThe broker's disk filled.\n" in markdown
    edited = markdown.replace(
        "## Root cause summary\n\nThe broker's disk filled.", "## Root cause summary\n\nThe broker's disk filled up."
    )
    result = import_markdown(edited)
    assert result.document.summary.root_cause == "The broker's disk filled."
    assert result.document.extra[IMPORTED] == [
        {"heading": "Root cause summary", "markdown": "The broker's disk filled up."}
    ]
