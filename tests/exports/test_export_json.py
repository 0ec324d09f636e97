"""The JSON export: the document in the shape of its TOML file, valid against the shipped schema."""

from __future__ import annotations

import json
import math
import re
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from postmortem.exports import render_json
from postmortem.exports.json_export import to_json_data
from postmortem.exports.schema import build_schema
from postmortem.models.codec import dumps, from_data, loads, to_data
from postmortem.models.document import ActionItem, Meta, Postmortem, TimelineEvent, Verification
from postmortem.models.enums import ActionStatus, EventKind, Milestone, Priority, VerificationResult


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(build_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def toml_as_json(value: Any) -> Any:
    """What the TOML file holds, times as ISO text: what the JSON export should say."""
    if isinstance(value, dict):
        return {key: toml_as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [toml_as_json(item) for item in value]
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value


def key_paths(value: Any, prefix: str = "") -> list[str]:
    """Every key, in order, with its path: the order of the keys is part of the shape."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in [f"{prefix}.{key}", *key_paths(item, f"{prefix}.{key}")]]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in key_paths(item, f"{prefix}[{index}]")]
    return []


def test_the_example_validates_against_the_schema(validator: Draft202012Validator, example_doc_readonly) -> None:
    data = json.loads(render_json(example_doc_readonly))
    assert [error.message for error in validator.iter_errors(data)] == []


def test_the_example_says_what_its_file_says(example_doc_readonly, example_toml: str) -> None:
    data = json.loads(render_json(example_doc_readonly))
    assert data == toml_as_json(tomllib.loads(example_toml))


def test_keys_in_the_order_and_with_the_omissions_of_the_file(example_doc_readonly) -> None:
    data = json.loads(render_json(example_doc_readonly))
    assert key_paths(data) == key_paths(to_data(example_doc_readonly))
    assert list(data) == list(to_data(example_doc_readonly))


def test_reads_back_as_the_same_document(example_doc_readonly) -> None:
    assert from_data(json.loads(render_json(example_doc_readonly))) == example_doc_readonly


def test_times_keep_their_offset_and_dates_are_iso(example_doc_readonly) -> None:
    data = json.loads(render_json(example_doc_readonly))
    first = example_doc_readonly.timeline[0]
    assert data["timeline"][0]["at"] == first.at.isoformat()
    assert data["timeline"][0]["at"].endswith("+01:00")
    assert data["meta"]["incident_date"] == "2026-02-12"
    assert data["actions"][0]["due"] == example_doc_readonly.actions[0].due.isoformat()


def test_the_done_day_and_the_verification_are_in_the_shape_of_the_file(validator: Draft202012Validator) -> None:
    action = ActionItem(
        id="A1",
        action="Alert on backlog",
        status=ActionStatus.DONE,
        completed=date(2026, 3, 10),
        verification=Verification(checked=date(2026, 4, 1), result=VerificationResult.DID_NOT, note="Replay"),
    )
    data = json.loads(render_json(Postmortem(meta=Meta(title="Queue backlog"), actions=[action])))
    assert data["actions"] == [
        {
            "id": "A1",
            "action": "Alert on backlog",
            "status": "done",
            "completed": "2026-03-10",
            "verification": {"checked": "2026-04-01", "result": "did-not", "note": "Replay"},
        }
    ]
    assert [error.message for error in validator.iter_errors(data)] == []
    assert from_data(data).actions == [action]


def test_pretty_utf8_and_a_final_newline() -> None:
    doc = Postmortem(meta=Meta(title="Zahlung in Zürich — 決済 ✓"))
    text = render_json(doc)
    assert text.endswith("}\n")
    assert "Zürich — 決済 ✓" in text  # not \u escapes
    assert text.startswith('{\n  "schema_version": 1,\n  "meta": {\n    "title": ')


def test_empty_values_are_left_out() -> None:
    doc = Postmortem(
        meta=Meta(title="Queue backlog"),
        timeline=[TimelineEvent(at=datetime(2026, 1, 31, 10, tzinfo=UTC), event="Alert fired")],
        actions=[ActionItem(action="Add a queue depth alert", agreed=False)],
    )
    assert json.loads(render_json(doc)) == {
        "schema_version": 1,
        "meta": {"title": "Queue backlog", "status": "draft", "timezone": "UTC", "variant": "standard",
                 "confidentiality": "internal"},
        "timeline": [{"at": "2026-01-31T10:00:00+00:00", "event": "Alert fired", "kind": "note"}],
        "actions": [{"action": "Add a queue depth alert", "status": "open"}],
    }  # fmt: skip


def test_extra_is_kept_with_its_times_as_text_and_stays_strict_json(validator: Draft202012Validator) -> None:
    text = (
        'schema_version = 1\n[meta]\ntitle = "x"\n[extra]\nsynced = 2026-02-13T08:00:00Z\nlocal = 2026-02-13T08:00:00\n'
        "day = 2026-02-13\nclock = 08:00:00\nratio = nan\nbig = inf\nsmall = -inf\nn = 3\n"
        '[extra.jira]\nids = [1, 2]\nproject = "PAY"\n'
    )
    doc = loads(text)
    rendered = render_json(doc)
    data = json.loads(rendered, parse_constant=lambda name: pytest.fail(f"not strict JSON: {name}"))
    assert data["extra"] == {
        "synced": "2026-02-13T08:00:00+00:00",
        "local": "2026-02-13T08:00:00",
        "day": "2026-02-13",
        "clock": "08:00:00",
        "ratio": "nan",
        "big": "inf",
        "small": "-inf",
        "n": 3,
        "jira": {"ids": [1, 2], "project": "PAY"},
    }
    assert list(validator.iter_errors(data)) == []
    assert math.isnan(doc.extra["ratio"])  # the document itself is unchanged


def test_to_json_data_is_the_documents_own_copy(example_doc) -> None:
    data = to_json_data(example_doc)
    data["meta"]["title"] = "changed"
    data["actions"].clear()
    assert example_doc.meta.title != "changed" and example_doc.actions


# Any document: valid against the schema, and the same as its TOML file

# No CRLF: tomli-w writes one inside a multi-line string as LF, which is the file's business, not the export's.
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12).map(lambda s: re.sub(r"\r+\n", "\n", s))
_FILLED = st.tuples(_TEXT, st.characters(blacklist_categories=("Cs", "Zs", "Cc")).filter(str.strip), _TEXT).map("".join)
_OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
_TIMES = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 12, 31)),
    _OFFSETS,
)
_EVENTS = st.lists(
    st.builds(
        TimelineEvent,
        at=_TIMES,
        event=_FILLED,
        kind=st.sampled_from(list(EventKind)),
        actor=_TEXT,
        approximate=st.booleans(),
    ),
    max_size=4,
)
_ACTIONS = st.lists(
    st.builds(
        ActionItem,
        id=_TEXT,
        action=_FILLED,
        owner=_TEXT,
        due=st.none() | st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)),
        priority=st.none() | st.sampled_from(list(Priority)),
        status=st.sampled_from(list(ActionStatus)),
        factors=st.lists(_TEXT, max_size=3),
        agreed=st.booleans(),
        completed=st.none() | st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)),
        verification=st.none()
        | st.builds(
            Verification,
            checked=st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)),
            result=st.sampled_from(list(VerificationResult)),
            note=_TEXT,
        ),
    ),
    max_size=3,
)


@st.composite
def documents(draw: st.DrawFn) -> Postmortem:
    events = draw(_EVENTS)
    if events:
        events[0].milestone = draw(st.sampled_from(list(Milestone)))
    return Postmortem(
        meta=Meta(title=draw(_FILLED), id=draw(_TEXT), tags=draw(st.lists(_TEXT, max_size=3))),
        timeline=events,
        actions=draw(_ACTIONS),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_is_valid_and_says_what_its_file_says(validator: Draft202012Validator, doc: Postmortem) -> None:
    data = json.loads(render_json(doc))
    assert [error.message for error in validator.iter_errors(data)] == []
    assert data == toml_as_json(tomllib.loads(dumps(doc)))
