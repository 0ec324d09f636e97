"""The location language (``actions[1].due``), the steps that own each location, and the small text formats."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from postmortem.models.checks import run_checks
from postmortem.models.document import ActionItem, ImpactedService, Link, Meta, Postmortem, WhyChain, WhyStep
from postmortem.models.locations import (
    format_location,
    parse_location,
    record_index,
    set_value_at,
    top_level,
    value_at,
    within,
)
from postmortem.models.steps import REVIEW_STEP, STEP_IDS, step_of
from postmortem.models.text_formats import (
    format_links,
    format_services,
    parse_links,
    parse_services,
)


def document() -> Postmortem:
    doc = Postmortem(meta=Meta(title="Queue backlog", incident_date=date(2026, 3, 2)))
    doc.whys.append(WhyChain(problem="Writes failed", steps=[WhyStep(why="Why?", because="Disk full")]))
    doc.actions.append(ActionItem(id="A1", action="Alert when the disk is 80% full"))
    return doc


@pytest.mark.parametrize(
    ("location", "parts"),
    [
        ("meta.title", ("meta", "title")),
        ("actions[1].due", ("actions", 1, "due")),
        ("whys[0].steps[2].because", ("whys", 0, "steps", 2, "because")),
        ("lessons.went_well[3]", ("lessons", "went_well", 3)),
        ("links", ("links",)),
        ("", ()),
    ],
)
def test_locations_parse_and_format_back(location: str, parts: tuple[str | int, ...]):
    assert parse_location(location) == parts
    assert format_location(parts) == location


@pytest.mark.parametrize(
    "text", ["[0]", "actions[", "actions[x]", "actions..due", "meta.", "a b", "1meta", "meta[0]x", ".meta"]
)
def test_what_is_not_a_location_is_refused(text: str):
    with pytest.raises(ValueError, match="not a location"):
        parse_location(text)


names = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)


@given(st.lists(st.one_of(names, st.integers(0, 999)), min_size=1, max_size=6).filter(lambda p: isinstance(p[0], str)))
def test_any_path_survives_formatting_and_parsing(parts: list[str | int]):
    assert parse_location(format_location(tuple(parts))) == tuple(parts)


def test_values_are_read_and_written_through_the_model():
    doc = document()
    assert value_at(doc, "whys[0].steps[0].because") == "Disk full"
    set_value_at(doc, "whys[0].steps[0].because", "The disk filled up")
    assert doc.whys[0].steps[0].because == "The disk filled up"
    set_value_at(doc, "actions[0].due", date(2026, 3, 20))
    assert doc.actions[0].due == date(2026, 3, 20)
    with pytest.raises(ValidationError):
        set_value_at(doc, "actions[0].due", "next week")
    assert doc.actions[0].due == date(2026, 3, 20)


def test_record_and_table_of_a_location():
    assert record_index("actions[3].due") == 3
    assert record_index("meta.title") is None
    assert top_level("actions[3].due") == "actions"
    assert top_level("") == ""
    assert within("impact.services[0].effect", "impact.services")
    assert within("impact.services", "impact.services")
    assert not within("impact.services_count", "impact.services")


@pytest.mark.parametrize(
    ("location", "step"),
    [
        ("meta.title", "summary"),
        ("summary.root_cause", "summary"),
        ("impact.services[0].effect", "impact"),
        ("timeline[4].event", "timeline"),
        ("factors[0].title", "factors"),
        ("whys[1].steps[0].why", "whys"),
        ("actions[2].due", "actions"),
        ("response.mitigation", "lessons"),
        ("links[0]", "lessons"),
        ("review.notes", REVIEW_STEP),
        ("", REVIEW_STEP),
    ],
)
def test_each_location_belongs_to_the_step_where_it_is_written(location: str, step: str):
    assert step_of(location) == step


def test_every_finding_of_the_example_points_to_a_step(example_doc_readonly: Postmortem):
    findings = run_checks(example_doc_readonly, date(2026, 2, 19))
    assert findings
    for finding in findings:
        assert finding.step in STEP_IDS
        if finding.location:
            parse_location(finding.location)


def test_services_and_links_read_their_lines_and_write_them_back():
    services = parse_services("checkout-api: timeouts for 30 s\n\nstorefront-web\n  : no name\n")
    assert services == [
        ImpactedService(name="checkout-api", effect="timeouts for 30 s"),
        ImpactedService(name="storefront-web", effect=""),
    ]
    assert format_services(services) == "checkout-api: timeouts for 30 s\nstorefront-web"
    links = parse_links(
        "Dashboard | https://grafana.example/d/1\nRunbook|https://wiki.example/pool\n \nhttps://x.example\n"
    )
    assert links == [
        Link(label="Dashboard", url="https://grafana.example/d/1"),
        Link(label="Runbook", url="https://wiki.example/pool"),
        Link(label="", url="https://x.example"),
    ]
    assert parse_links(format_links(links)) == links
