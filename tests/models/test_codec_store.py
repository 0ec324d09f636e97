"""TOML text <-> document (codec) and files on disk (store)."""

from __future__ import annotations

import os
import re
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from postmortem.models import files, store
from postmortem.models.codec import SchemaError, TomlSyntaxError, dumps, loads
from postmortem.models.document import (
    ActionItem,
    Impact,
    Lessons,
    Link,
    Meta,
    Postmortem,
    Summary,
    TimelineEvent,
    WhyChain,
    WhyStep,
)
from postmortem.models.enums import Milestone
from postmortem.models.errors import DocumentError, FileAccessError, InvalidDocumentError

UTC = UTC

# Every field set, in the exact form ``dumps`` writes it.
FULL_TEXT = '''\
schema_version = 1

[meta]
id = "INC-0042"
title = "Checkout latency after config push"
status = "in-review"
severity = "SEV-2"
incident_date = 2026-01-31
timezone = "Europe/Berlin"
detection = "alert"
variant = "performance"
confidentiality = "confidential"
authors = [
    "SRE on call",
    "Payments team",
]
facilitator = "Incident manager"
reviewers = [
    "Platform lead",
]
participants = [
    "Database on call",
]
services = [
    "checkout",
    "payments-api",
]
tags = [
    "latency",
    "config",
]
related = [
    "INC-0031",
]

[summary]
what_happened = """
A config push doubled checkout latency.
Customers saw \\"timeouts\\" for 38 minutes."""
root_cause = "Pool size came from a stale default."
resolution = "Rolled back the config."
customer_impact = "Slow checkout in EU."

[impact]
users_affected = "12%"
regions = [
    "eu-west-1",
]
customer_experience = "Slow pages"
data_impact = "delayed"
data_details = "Orders queued"
sla = "at-risk"
revenue = "unknown"
support_tickets = 0
escalations = 2
error_rate = "4%"
latency = "p99 9s"
availability = "99.2%"
compliance = "none"
dependent_systems = "emails"

[[impact.services]]
name = "checkout"
effect = "p99 9s"

[[impact.services]]
name = "payments-api"

[[timeline]]
at = 2026-01-31 14:52:00+01:00
event = "Config push"
kind = "trigger"
milestone = "started"
actor = "deploy pipeline"
source = "deploy log"
evidence = "https://ci/1"
key = true

[[timeline]]
at = 2026-01-31 13:58:30+00:00
event = "Latency alert"
kind = "detection"
milestone = "detected"

[[timeline]]
at = 2026-01-31 19:45:00+05:30
event = "On-call acknowledges"
kind = "escalation"
milestone = "acknowledged"

[[timeline]]
at = 2026-01-31 14:20:00+00:00
event = "Rollback"
kind = "mitigation"
milestone = "mitigated"
key = true

[[timeline]]
at = 2026-01-31 14:30:00+00:00
event = "Latency normal"
kind = "resolution"
milestone = "resolved"

[[factors]]
id = "F1"
title = "Stale default"
category = "technical"
area = "config"
weight = "primary"
description = "d"
why_it_mattered = "w"
evidence = "e"

[[whys]]
problem = "Checkout was slow"
steps = [
    { why = "Why slow?", because = "Pool too small" },
    { why = "Why small?" },
]
root_cause = "No review of defaults"

[[actions]]
id = "A1"
action = "Alert on pool saturation above 80%"
owner = "Payments team"
due = 2026-02-07
priority = "P1"
horizon = "immediate"
type = "detect"
status = "in-progress"
success = "Alert fires in drill"
ticket = "PAY-12"
factors = [
    "F1",
]

[lessons]
went_well = [
    "Fast rollback",
]
went_poorly = [
    "Late detection",
]
lucky = [
    "Low traffic",
]
key_learnings = [
    "Review defaults",
]

[response]
mitigation = "Rollback"
verification = "Dashboards"
residual_risk = "Low"
communication = "Status page"

[[links]]
label = "Dashboard"
url = "https://grafana/d/1"

[[history]]
date = 2026-02-01
author = "SRE on call"
change = "First draft"

[review]
meeting = 2026-02-02 15:00:00+00:00
agenda = [
    { topic = "Timeline", minutes = 15 },
]
notes = "Went fine"

[extra]
jira = "OPS-7"

[extra.pager]
incident = 991
'''

MINIMAL_TEXT = """\
schema_version = 1

[meta]
title = "t"
status = "draft"
timezone = "UTC"
variant = "standard"
confidentiality = "internal"
"""

# The key order of shared/spec/file-format.md.
SPEC_SECTIONS = [
    "meta",
    "summary",
    "impact",
    "impact.services",
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
SPEC_KEYS = {
    "meta": [
        "id",
        "title",
        "status",
        "severity",
        "incident_date",
        "timezone",
        "detection",
        "variant",
        "confidentiality",
        "authors",
        "facilitator",
        "reviewers",
        "participants",
        "services",
        "tags",
        "related",
    ],
    "summary": ["what_happened", "root_cause", "resolution", "customer_impact"],
    "impact": [
        "users_affected",
        "regions",
        "customer_experience",
        "data_impact",
        "data_details",
        "sla",
        "revenue",
        "support_tickets",
        "escalations",
        "error_rate",
        "latency",
        "availability",
        "compliance",
        "dependent_systems",
    ],
    "impact.services": ["name", "effect"],
    "timeline": ["at", "event", "kind", "milestone", "actor", "source", "evidence", "key"],
    "factors": [
        "id",
        "title",
        "category",
        "area",
        "weight",
        "description",
        "why_it_mattered",
        "evidence",
    ],
    "whys": ["problem", "steps", "root_cause"],
    "actions": [
        "id",
        "action",
        "owner",
        "due",
        "priority",
        "horizon",
        "type",
        "status",
        "success",
        "ticket",
        "factors",
    ],
    "lessons": ["went_well", "went_poorly", "lucky", "key_learnings"],
    "response": ["mitigation", "verification", "residual_risk", "communication"],
    "links": ["label", "url"],
    "history": ["date", "author", "change"],
    "review": ["meeting", "agenda", "notes"],
}

_HEADER = re.compile(r"^\[\[?([^\]]+)\]\]?$")
_KEY = re.compile(r"^([A-Za-z0-9_-]+) = ")


def layout(text: str) -> list[tuple[str, list[str]]]:
    """(table name, its keys in order) for every table header in ``text``."""
    tables: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if header := _HEADER.match(line):
            tables.append((header[1], []))
        elif key := _KEY.match(line):
            tables[-1][1].append(key[1])
    return tables


def at(hour: int, minute: int = 0, tz: timezone = UTC, **more: int) -> datetime:
    return datetime(2026, 1, 31, hour, minute, tzinfo=tz, **more)


def minimal(**sections) -> Postmortem:
    return Postmortem(meta=Meta(title="t"), **sections)


# dumps -------------------------------------------------------------------


def test_full_document_round_trips_byte_for_byte():
    assert dumps(loads(FULL_TEXT)) == FULL_TEXT


def test_minimal_document_text():
    assert dumps(minimal()) == MINIMAL_TEXT
    assert dumps(loads(MINIMAL_TEXT)) == MINIMAL_TEXT


def test_schema_version_comes_first_and_sections_follow_the_spec_order():
    tables = layout(FULL_TEXT)
    assert tables[0] == ("", ["schema_version"])
    names = [name for name, _ in tables[1:]]
    seen = list(dict.fromkeys(n for n in names if not n.startswith("extra.")))
    assert seen == SPEC_SECTIONS


@pytest.mark.parametrize("section", list(SPEC_KEYS))
def test_keys_inside_each_section_follow_the_spec_order(section: str):
    for name, keys in layout(dumps(loads(FULL_TEXT))):
        if name == section:
            assert keys == SPEC_KEYS[section]
            break
    else:
        pytest.fail(f"no [{section}] in the text")


def test_keys_keep_the_spec_order_when_some_are_missing():
    doc = Postmortem(
        meta=Meta(title="t", related=["INC-1"], id="INC-2", severity="SEV-1", authors=["x"]),
    )
    [(_, top), (name, keys)] = layout(dumps(doc))
    assert (top, name) == (["schema_version"], "meta")
    assert keys == ["id", "title", "status", "severity", "timezone", "variant", "confidentiality", "authors", "related"]


def test_short_record_lists_are_still_arrays_of_tables_after_meta():
    doc = minimal(
        impact=Impact(services=[{"name": "api"}]),
        timeline=[TimelineEvent(at=at(10), event="x")],
        factors=[{"title": "f", "category": "technical"}],
        whys=[WhyChain(problem="p")],
        actions=[ActionItem(action="a")],
        links=[Link(url="u")],
        history=[{"date": date(2026, 2, 1)}],
    )
    text = dumps(doc)

    assert [name for name, _ in layout(text)] == [
        "",
        "meta",
        "impact.services",
        "timeline",
        "factors",
        "whys",
        "actions",
        "links",
        "history",
    ]
    assert "= [\n    {" not in text
    assert loads(text) == doc


def test_lengthening_one_event_changes_only_that_event():
    doc = minimal(timeline=[TimelineEvent(at=at(10), event="a"), TimelineEvent(at=at(11), event="b")])
    before = dumps(doc).splitlines()
    doc.timeline[1].event = "b" * 150
    after = dumps(doc).splitlines()

    assert len(before) == len(after)
    assert [i for i, (x, y) in enumerate(zip(before, after)) if x != y] == [after.index('event = "' + "b" * 150 + '"')]


def test_why_steps_too_long_for_one_line_stay_with_their_chain():
    long_step = WhyStep(why="Why did the pool run dry? " * 5, because="two\nlines")
    doc = minimal(
        whys=[
            WhyChain(steps=[long_step]),
            WhyChain(problem="second", steps=[WhyStep(why="short")]),
            WhyChain(problem="third", steps=[long_step, WhyStep(because="b")], root_cause="r"),
        ]
    )
    text = dumps(doc)

    assert text.count("[[whys]]\n") == 3
    assert text.count("[[whys.steps]]\n") == 3
    loaded = loads(text)
    assert loaded == doc
    assert [len(chain.steps) for chain in loaded.whys] == [1, 1, 2]


def test_empty_values_are_omitted():
    doc = Postmortem(
        meta=Meta(title="t", id="", facilitator="", authors=[], tags=[]),
        summary=Summary(what_happened="", root_cause=""),
        impact=Impact(users_affected="", regions=[], support_tickets=None),
        timeline=[TimelineEvent(at=at(10), event="x", actor="", key=False, milestone=None)],
        whys=[WhyChain(problem="p", steps=[], root_cause="")],
        actions=[ActionItem(action="a", factors=[], owner="")],
        lessons=Lessons(went_well=[]),
    )
    text = dumps(doc)

    assert '= ""' not in text
    assert "= []" not in text
    assert "= false" not in text
    assert "[summary]" not in text and "[lessons]" not in text and "[impact]" not in text
    assert "key" not in text and "milestone" not in text and "severity" not in text
    assert loads(text) == doc


def test_true_flags_and_zero_counts_are_written():
    doc = minimal(
        impact=Impact(support_tickets=0, escalations=0),
        timeline=[TimelineEvent(at=at(10), event="x", key=True)],
    )
    text = dumps(doc)
    assert "support_tickets = 0\n" in text
    assert "escalations = 0\n" in text
    assert "key = true\n" in text
    assert loads(text) == doc


def test_extra_is_written_last_and_untouched():
    doc = minimal(
        summary=Summary(root_cause="r"),
        extra={"empty": "", "none": [], "off": False, "sub": {"x": 1}},
    )
    text = dumps(doc)
    assert text.index("[extra]") > text.index("[summary]")
    assert 'empty = ""' in text and "none = []" in text and "off = false" in text
    assert loads(text).extra == doc.extra


def test_multiline_strings_are_written_with_triple_quotes():
    doc = minimal(summary=Summary(what_happened="First line.\nSecond line.\n", root_cause="one line"))
    text = dumps(doc)

    assert 'what_happened = """\nFirst line.\nSecond line.\n"""\n' in text
    assert 'root_cause = "one line"\n' in text
    assert loads(text).summary.what_happened == "First line.\nSecond line.\n"


def test_multiline_list_items_and_leading_newlines_survive():
    doc = minimal(
        summary=Summary(resolution="\nstarts with a newline"),
        lessons=Lessons(went_well=["two\nlines", "one"]),
    )
    text = dumps(doc)
    assert '"""' in text
    assert loads(text) == doc


@pytest.mark.parametrize(
    "value",
    ['quote " inside', "back\\slash", 'triple """ quotes', "tab\there", "bell\x07 and del\x7f", "ünïcødé ✓ 火"],
)
def test_awkward_characters_round_trip(value: str):
    doc = minimal(summary=Summary(root_cause=value, what_happened=value + "\nsecond line"))
    assert loads(dumps(doc)).summary == doc.summary


def test_datetimes_keep_their_offset():
    plus = timezone(timedelta(hours=5, minutes=30))
    minus = timezone(timedelta(hours=-3, minutes=-30))
    doc = minimal(
        timeline=[
            TimelineEvent(at=at(14, 52, timezone(timedelta(hours=1))), event="a"),
            TimelineEvent(at=at(19, 45, plus), event="b"),
            TimelineEvent(at=at(20, 0, minus), event="c"),
            TimelineEvent(at=at(23, 0), event="d"),
        ],
        review={"meeting": datetime(2026, 2, 2, 9, 0, tzinfo=plus)},
    )
    text = dumps(doc)

    assert "at = 2026-01-31 14:52:00+01:00\n" in text
    assert "at = 2026-01-31 19:45:00+05:30\n" in text
    assert "at = 2026-01-31 20:00:00-03:30\n" in text
    assert "at = 2026-01-31 23:00:00+00:00\n" in text
    assert "meeting = 2026-02-02 09:00:00+05:30\n" in text
    loaded = loads(text)
    assert [e.at.utcoffset() for e in loaded.timeline] == [
        timedelta(hours=1),
        timedelta(hours=5, minutes=30),
        timedelta(0),
        timedelta(hours=-3, minutes=-30),
    ]
    assert loaded.review.meeting.utcoffset() == timedelta(hours=5, minutes=30)


def test_microseconds_survive():
    doc = minimal(timeline=[TimelineEvent(at=at(10, 0, second=5, microsecond=123456), event="x")])
    assert loads(dumps(doc)).timeline[0].at.microsecond == 123456


def test_zone_aware_datetime_is_written_with_the_offset_in_force():
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    doc = minimal(
        timeline=[
            TimelineEvent(at=datetime(2026, 1, 31, 10, 0, tzinfo=berlin), event="winter"),
            TimelineEvent(at=datetime(2026, 7, 31, 10, 0, tzinfo=berlin), event="summer"),
        ]
    )
    text = dumps(doc)
    assert "at = 2026-01-31 10:00:00+01:00\n" in text
    assert "at = 2026-07-31 10:00:00+02:00\n" in text
    assert loads(text) == doc


def test_output_is_valid_toml_with_the_same_data_as_the_model():
    doc = loads(FULL_TEXT)
    data = tomllib.loads(dumps(doc))
    assert data["timeline"][2]["milestone"] == "acknowledged"
    assert data["impact"]["services"][1] == {"name": "payments-api"}
    assert data["whys"][0]["steps"][1] == {"why": "Why small?"}
    assert data["extra"] == {"jira": "OPS-7", "pager": {"incident": 991}}


def test_timeline_written_in_time_order():
    text = (
        '[meta]\ntitle = "t"\n[[timeline]]\nat = 2026-01-31T12:00:00Z\nevent = "late"\n'
        '[[timeline]]\nat = 2026-01-31T11:00:00Z\nevent = "early"\n'
    )
    out = dumps(loads(text))
    assert out.index('"early"') < out.index('"late"')


# loads errors --------------------------------------------------------------


def test_toml_syntax_error_has_line_and_column():
    with pytest.raises(TomlSyntaxError) as caught:
        loads('[meta]\ntitle = "x"\nstatus = \n')
    assert (caught.value.line, caught.value.column) == (3, 10)
    assert "at line" not in str(caught.value)


def test_schema_error_joins_problems():
    with pytest.raises(SchemaError) as caught:
        loads('[meta]\ntitle = ""\nstatus = "done"\n')
    assert len(caught.value.problems) == 2
    assert str(caught.value) == "; ".join(caught.value.problems)


@pytest.mark.parametrize("version", ['"1"', "-1", "-3", "true", "1.0"])  # 0 is migrated
def test_invalid_schema_version_is_refused(version: str):
    with pytest.raises(SchemaError) as caught:
        loads(f'schema_version = {version}\n[meta]\ntitle = "x"\n')
    [problem] = caught.value.problems
    assert problem.startswith("schema_version: ")
    assert "expected 1" in problem


def test_schema_version_is_checked_before_the_rest():
    with pytest.raises(SchemaError) as caught:
        loads("schema_version = 7\n[meta]\nbogus = 1\n")
    [problem] = caught.value.problems
    assert "7" in problem and "1" in problem and "newer" in problem


# store -------------------------------------------------------------------


def test_save_then_load_gives_an_equal_document(tmp_path: Path):
    doc = loads(FULL_TEXT)
    path = tmp_path / "inc.toml"

    text = store.save(doc, path)

    assert path.read_text(encoding="utf-8") == text == FULL_TEXT
    assert store.load(path) == doc
    assert store.load(str(path)) == doc


def test_save_without_change_is_byte_identical(tmp_path: Path):
    path = tmp_path / "inc.toml"
    path.write_text(FULL_TEXT, encoding="utf-8")
    store.save(store.load(path), path)
    assert path.read_bytes() == FULL_TEXT.encode("utf-8")


def test_save_writes_utf8(tmp_path: Path):
    path = tmp_path / "inc.toml"
    store.save(Postmortem(meta=Meta(title="Café ✓")), path)
    assert 'title = "Café ✓"'.encode() in path.read_bytes()


def test_save_leaves_no_temporary_files(tmp_path: Path):
    path = tmp_path / "inc.toml"
    store.save(minimal(), path)
    store.save(loads(FULL_TEXT), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inc.toml"]


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664])
def test_save_keeps_the_file_permissions(tmp_path: Path, mode: int):
    path = tmp_path / "inc.toml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    path.chmod(mode)

    store.save(loads(FULL_TEXT), path)

    assert path.stat().st_mode & 0o7777 == mode
    assert path.read_text(encoding="utf-8") == FULL_TEXT


def test_new_file_gets_the_umask_permissions(tmp_path: Path):
    old = os.umask(0o027)
    try:
        store.save(minimal(), tmp_path / "new.toml")
    finally:
        os.umask(old)
    assert (tmp_path / "new.toml").stat().st_mode & 0o7777 == 0o640


def test_save_into_a_missing_folder_is_an_access_error(tmp_path: Path):
    path = tmp_path / "nope" / "inc.toml"
    with pytest.raises(FileAccessError) as caught:
        store.save(minimal(), path)
    assert caught.value.exit_code == 2
    assert all(line.startswith(f"{path}: ") for line in caught.value.lines())
    assert list(tmp_path.iterdir()) == []


def test_failed_save_over_a_folder_leaves_nothing_behind(tmp_path: Path):
    path = tmp_path / "inc.toml"
    path.mkdir()
    with pytest.raises(FileAccessError) as caught:
        store.save(minimal(), path)
    assert caught.value.exit_code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["inc.toml"]
    assert path.is_dir() and list(path.iterdir()) == []


def test_failed_rename_keeps_the_old_file_and_removes_the_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "inc.toml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(FileAccessError) as caught:
        store.save(loads(FULL_TEXT), path)

    assert caught.value.lines() == [f"{path}: cannot write: No space left on device"]
    assert path.read_text(encoding="utf-8") == MINIMAL_TEXT
    assert [p.name for p in tmp_path.iterdir()] == ["inc.toml"]


def test_text_that_cannot_be_encoded_leaves_the_old_file_and_no_temp_file(tmp_path: Path):
    path = tmp_path / "inc.toml"
    path.write_text(MINIMAL_TEXT, encoding="utf-8")
    with pytest.raises(ValueError):
        store.save(Postmortem(meta=Meta(title="lone surrogate \ud800")), path)
    assert path.read_text(encoding="utf-8") == MINIMAL_TEXT
    assert [p.name for p in tmp_path.iterdir()] == ["inc.toml"]


# store load errors ---------------------------------------------------------


def write(tmp_path: Path, content: str | bytes, name: str = "inc.toml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_error(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        store.load(path)
    error = caught.value
    assert error.path == path
    assert str(error) == "\n".join(error.lines())
    return error


def test_toml_syntax_error_names_file_line_and_column(tmp_path: Path):
    path = write(tmp_path, '[meta]\ntitle = "x"\nstatus = \n')

    error = load_error(path)

    assert isinstance(error, InvalidDocumentError)
    assert error.exit_code == 1
    [line] = error.lines()
    assert line.startswith(f"{path}: line 3, column 10: TOML syntax error: ")


def test_toml_syntax_error_on_an_unclosed_string(tmp_path: Path):
    path = write(tmp_path, '[meta]\ntitle = "x\n')
    [line] = load_error(path).lines()
    assert line.startswith(f"{path}: line 2, column 11: TOML syntax error")


def test_every_bad_field_is_listed_by_path(tmp_path: Path):
    path = write(
        tmp_path,
        '[meta]\ntitle = "x"\nstatus = "done"\n'
        '[[timeline]]\nat = 2026-01-31T10:00:00Z\nevent = "a"\n'
        '[[timeline]]\nat = 2026-01-31T10:01:00Z\nevent = "b"\n'
        '[[timeline]]\nat = 2026-01-31T10:02:00Z\nevent = "c"\n'
        '[[timeline]]\nat = 2026-01-31T10:03:00\nevent = "d"\n'
        '[[factors]]\ntitle = "f"\ncategory = "process"\narea = "code"\n'
        '[[actions]]\naction = "a"\npriority = "P9"\n',
    )

    error = load_error(path)

    assert isinstance(error, InvalidDocumentError)
    assert error.exit_code == 1
    assert error.lines() == [
        f"{path}: meta.status: 'done' is not allowed; use one of: draft, in-review, final",
        f"{path}: timeline[3].at: needs a UTC offset, e.g. 2026-01-31T13:52:00Z or 2026-01-31T14:52:00+01:00",
        f"{path}: factors[0].area: area 'code' is not a process area; use one of: testing, review, deployment, monitoring, response",
        f"{path}: actions[0].priority: 'P9' is not allowed; use one of: P0, P1, P2, P3",
    ]


def test_unknown_key_names_the_key(tmp_path: Path):
    path = write(tmp_path, '[meta]\ntitle = "x"\n[[timeline]]\nat = 2026-01-31T10:00:00Z\nevent = "a"\nwhen = 1\n')
    [line] = load_error(path).lines()
    assert line.startswith(f"{path}: unknown key 'when' in [timeline[0]]")


def test_newer_schema_version_is_refused_with_both_versions(tmp_path: Path):
    path = write(tmp_path, 'schema_version = 2\n[meta]\ntitle = "x"\n')

    error = load_error(path)

    assert isinstance(error, InvalidDocumentError)
    assert error.exit_code == 1
    [line] = error.lines()
    assert line.startswith(f"{path}: schema_version 2 ")
    assert "(up to 1)" in line


def test_missing_file(tmp_path: Path):
    error = load_error(tmp_path / "missing.toml")
    assert isinstance(error, FileAccessError)
    assert error.exit_code == 2
    assert error.lines() == [f"{tmp_path / 'missing.toml'}: no such file"]


def test_folder_instead_of_file(tmp_path: Path):
    folder = tmp_path / "inc.toml"
    folder.mkdir()
    error = load_error(folder)
    assert isinstance(error, FileAccessError)
    assert error.exit_code == 2
    assert error.lines() == [f"{folder}: is a folder, not a postmortem file"]


def test_non_utf8_bytes(tmp_path: Path):
    path = write(tmp_path, b'[meta]\ntitle = "caf\xe9"\n')
    error = load_error(path)
    assert isinstance(error, InvalidDocumentError)
    assert error.exit_code == 1
    [line] = error.lines()
    assert line.startswith(f"{path}: line 2: not UTF-8 text (byte 0xe9)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path):
    path = write(tmp_path, MINIMAL_TEXT)
    path.chmod(0)
    try:
        error = load_error(path)
    finally:
        path.chmod(0o600)
    assert isinstance(error, FileAccessError)
    assert error.exit_code == 2
    assert error.lines() == [f"{path}: permission denied (cannot read)"]


def test_permission_denied_reported_as_access_error(tmp_path: Path, monkeypatch):
    path = write(tmp_path, MINIMAL_TEXT)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    error = load_error(path)
    assert isinstance(error, FileAccessError)
    assert error.exit_code == 2
    assert error.lines() == [f"{path}: permission denied (cannot read)"]


def test_other_read_failures_are_access_errors(tmp_path: Path, monkeypatch):
    path = write(tmp_path, MINIMAL_TEXT)

    def broken(self):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", broken)
    error = load_error(path)
    assert isinstance(error, FileAccessError)
    assert error.lines() == [f"{path}: cannot read: Input/output error"]


BAD_CONTENTS = {
    "syntax": '[meta]\ntitle = "x"\nstatus = \n',
    "schema": '[meta]\ntitle = ""\n',
    "unknown-key": '[meta]\ntitle = "x"\ncolour = "red"\n',
    "newer": 'schema_version = 99\n[meta]\ntitle = "x"\n',
    "not-utf8": b'[meta]\ntitle = "\xff\xfe"\n',
}


@pytest.mark.parametrize("kind", list(BAD_CONTENTS))
def test_failed_load_never_modifies_the_file(tmp_path: Path, kind: str):
    path = write(tmp_path, BAD_CONTENTS[kind])
    past = 1_600_000_000_000_000_000
    os.utime(path, ns=(past, past))
    before = path.read_bytes()

    with pytest.raises(InvalidDocumentError):
        store.load(path)

    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == past
    assert [p.name for p in tmp_path.iterdir()] == ["inc.toml"]

    from postmortem import models

    assert models.load is store.load and models.save is store.save
    assert issubclass(models.FileAccessError, models.DocumentError)
    assert issubclass(models.InvalidDocumentError, models.DocumentError)
    assert (FileAccessError.exit_code, InvalidDocumentError.exit_code) == (2, 1)


def test_milestones_survive_a_save(tmp_path: Path):
    path = tmp_path / "inc.toml"
    store.save(loads(FULL_TEXT), path)
    loaded = store.load(path)
    assert [e.milestone for e in loaded.timeline] == list(Milestone)


def test_an_estimated_time_is_written_after_the_time_and_only_when_set():
    doc = Postmortem(meta=Meta(title="t", incident_date=date(2026, 3, 2)))
    doc.timeline = [
        TimelineEvent(at=datetime(2026, 3, 2, 23, 0, tzinfo=UTC), approximate=True, event="Around then"),
        TimelineEvent(at=datetime(2026, 3, 2, 23, 30, tzinfo=UTC), event="Exactly then"),
    ]
    text = dumps(doc)
    assert text.count("approximate") == 1
    assert 'at = 2026-03-02 23:00:00+00:00\napproximate = true\nevent = "Around then"' in text
    assert loads(text) == doc
    assert [event.approximate for event in loads(text).timeline] == [True, False]


def test_an_impact_start_is_written_first_in_impact_with_its_offset_and_only_when_set():
    doc = Postmortem(meta=Meta(title="t", incident_date=date(2026, 3, 2)))
    assert "started" not in dumps(doc)
    doc.impact.started_at = datetime(2026, 3, 2, 22, 40, tzinfo=ZoneInfo("Europe/Madrid"))
    doc.impact.users_affected = "most"
    text = dumps(doc)
    assert '[impact]\nstarted_at = 2026-03-02 22:40:00+01:00\nusers_affected = "most"\n' in text
    doc.impact.started_approximate = True
    assert "started_at = 2026-03-02 22:40:00+01:00\nstarted_approximate = true\n" in dumps(doc)
    assert loads(dumps(doc)) == doc
