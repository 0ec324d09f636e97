"""``models/tracker.py``: issue text, the gh and glab command lines, and reading their answers back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from postmortem.models.codec import loads
from postmortem.models.document import ActionItem, Postmortem
from postmortem.models.enums import ActionStatus
from postmortem.models.tracker import (
    IssueState,
    auth_argv,
    create_argv,
    created_url,
    issue_body,
    issue_labels,
    issue_title,
    issue_tracker,
    labels_rejected,
    login_hint,
    parse_ids,
    parse_state,
    plan_push,
    remote_host,
    sync_outcome,
    tracker_for_remote,
    view_argv,
)

DOCUMENT = """\
schema_version = 1

[meta]
id = "INC-2026-021"
title = "Card payments timing out"
incident_date = 2026-03-02
timezone = "Asia/Tokyo"

[[factors]]
id = "F1"
title = "Retries against the card gateway had no cap"
category = "technical"

[[actions]]
id = "A1"
action = "Cap retries to the card gateway at three per request"
owner = "Payments team"
due = 2026-03-20
priority = "P1"
success = "No more than 3 gateway calls per payment in a replayed outage"
factors = ["F1", "F9"]

[[actions]]
id = "A2"
action = "Page the payments on-call when gateway latency doubles"

[[actions]]
id = "A3"
action = "Write a runbook for gateway outages"
ticket = "PAY-2417"

[[actions]]
id = "A4"
action = "Move the gateway timeout into the shared config"
status = "done"

[[actions]]
id = "A5"
action = "Drop the legacy gateway client"
status = "wont-do"
"""


@pytest.fixture
def doc() -> Postmortem:
    return loads(DOCUMENT)


def test_title_is_the_action_on_one_line():
    assert issue_title(ActionItem(action="Cap  retries\nat three")) == "Cap retries at three"


def test_a_long_title_is_cut_at_a_word():
    words = "Alert when p95 database connection wait on any checkout pod exceeds 500 ms for 3 minutes " * 3
    title = issue_title(ActionItem(action=words))
    assert len(title) <= 120 and title.endswith("…")
    assert words.startswith(title[:-1]) and words[len(title) - 1] == " "


def test_body_names_the_incident_the_measure_and_the_source(doc):
    body = issue_body(doc, doc.actions[0], "postmortems/2026-03-02-payments.toml")
    assert "**Card payments timing out** (INC-2026-021, 2026-03-02)" in body
    assert "- Success measure: No more than 3 gateway calls per payment in a replayed outage" in body
    assert "- Due: 2026-03-20" in body and "- Owner: Payments team" in body and "- Priority: P1" in body
    assert "  - F1: Retries against the card gateway had no cap" in body
    assert "  - F9" in body  # a factor id the document does not define is kept as it is
    assert body.endswith("from `postmortems/2026-03-02-payments.toml` (action A1).")


def test_body_leaves_out_empty_fields_and_repeats_a_shortened_action(doc):
    body = issue_body(doc, doc.actions[1], "p.toml")
    assert "Owner" not in body and "Due" not in body and "factors" not in body
    long = ActionItem(id="A9", action="word " * 60)
    assert ("word " * 60).strip() in issue_body(doc, long, "p.toml")


def test_labels_are_the_priority(doc):
    assert issue_labels(doc.actions[0]) == ["P1"]
    assert issue_labels(doc.actions[1]) == []


def test_command_lines():
    assert create_argv("github", "T", "B", ["P1"]) == [
        "gh",
        "issue",
        "create",
        "--title",
        "T",
        "--body",
        "B",
        "--label",
        "P1",
    ]
    assert create_argv("gitlab", "T", "B", []) == [
        "glab",
        "issue",
        "create",
        "--title",
        "T",
        "--description",
        "B",
        "--yes",
    ]
    assert view_argv("github", "U") == ["gh", "issue", "view", "U", "--json", "state,closedAt,stateReason"]
    assert view_argv("gitlab", "U") == ["glab", "issue", "view", "U", "--output", "json"]
    assert auth_argv("github") == ["gh", "auth", "status"]
    assert auth_argv("gitlab", "gitlab.example.com") == ["glab", "auth", "status", "--hostname", "gitlab.example.com"]
    assert login_hint("github", "github.com") == "gh auth login"
    assert login_hint("gitlab", "gitlab.example.com") == "glab auth login --hostname gitlab.example.com"


def test_created_url_from_gh_and_glab_output():
    assert created_url("https://github.com/acme/shop/issues/12\n") == "https://github.com/acme/shop/issues/12"
    glab = "\x1b[32m#7\x1b[0m Cap retries (less than a minute ago)\n https://gitlab.com/acme/shop/-/issues/7\n\n"
    assert created_url(glab) == "https://gitlab.com/acme/shop/-/issues/7"
    assert created_url("Creating issue in acme/shop\n") is None


def test_labels_rejected_only_for_the_label_message():
    assert labels_rejected("could not add label: 'P1' not found", ["P1"])
    assert not labels_rejected("could not add label: 'P1' not found", [])
    assert not labels_rejected("HTTP 502: Bad Gateway", ["P1"])


@pytest.mark.parametrize(
    ("ticket", "tracker"),
    [
        ("https://github.com/acme/shop/issues/12", "github"),
        ("https://github.example.com/acme/shop/issues/3", "github"),
        ("https://gitlab.com/acme/group/shop/-/issues/7", "gitlab"),
        ("https://gitlab.example.com/acme/shop/issues/7", "gitlab"),
        ("PAY-2417", None),
        ("https://jira.example.com/browse/PAY-2417", None),
        ("https://github.com/acme/shop/pull/12", None),
    ],
)
def test_issue_tracker(ticket, tracker):
    assert issue_tracker(ticket) == tracker


@pytest.mark.parametrize(
    ("remote", "host", "tracker"),
    [
        ("git@gitlab.com:acme/shop.git", "gitlab.com", "gitlab"),
        ("https://gitlab.example.com/acme/shop.git", "gitlab.example.com", "gitlab"),
        ("ssh://git@github.com:22/acme/shop.git", "github.com", "github"),
        ("git@github.com:acme/shop.git", "github.com", "github"),
        ("/srv/git/shop.git", None, "github"),
    ],
)
def test_remote(remote, host, tracker):
    assert remote_host(remote) == host
    assert tracker_for_remote(remote) == tracker


def test_parse_state_github():
    closed = parse_state("github", '{"closedAt":"2026-03-10T16:30:00Z","state":"CLOSED","stateReason":"COMPLETED"}')
    assert closed == IssueState(closed=True, closed_at=datetime(2026, 3, 10, 16, 30, tzinfo=UTC))
    assert parse_state("github", '{"closedAt":null,"state":"OPEN"}') == IssueState(closed=False)
    assert parse_state("github", '{"state":"CLOSED","stateReason":"NOT_PLANNED","closedAt":null}').not_planned


def test_parse_state_gitlab():
    output = 'some notice\n{"iid": 7, "state": "closed", "closed_at": "2026-03-10T16:30:00.123Z"}'
    state = parse_state("gitlab", output)
    assert state.closed and state.closed_at == datetime(2026, 3, 10, 16, 30, 0, 123000, tzinfo=UTC)
    assert parse_state("gitlab", '{"state": "opened", "closed_at": null}') == IssueState(closed=False)


@pytest.mark.parametrize("output", ["", "not json", "[]", '{"state": "merged"}', '{"state":"CLOSED","closedAt":"x"}'])
def test_parse_state_refuses_what_it_cannot_read(output):
    with pytest.raises(ValueError):
        parse_state("github", output)


TOKYO = ZoneInfo("Asia/Tokyo")
LATE = datetime(2026, 3, 10, 16, 30, tzinfo=UTC)  # already 11 March in Tokyo


def test_sync_closed_marks_done_on_the_local_day():
    outcome = sync_outcome(ActionItem(action="x"), IssueState(closed=True, closed_at=LATE), TOKYO)
    assert outcome.status == ActionStatus.DONE and outcome.completed == date(2026, 3, 11)
    assert outcome.message == "open -> done on 2026-03-11 (issue closed)"


def test_sync_keeps_a_completed_day_the_author_wrote():
    action = ActionItem(action="x", status="in-progress", completed=date(2026, 3, 9))
    outcome = sync_outcome(action, IssueState(closed=True, closed_at=LATE), TOKYO)
    assert outcome.status == ActionStatus.DONE and outcome.completed is None


def test_sync_never_reopens_and_reports_the_mismatch():
    outcome = sync_outcome(ActionItem(action="x", status="done"), IssueState(closed=False), TOKYO)
    assert not outcome.changes and outcome.mismatch and "still open" in outcome.message


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("open", IssueState(closed=False)),
        ("done", IssueState(closed=True, closed_at=LATE)),
        ("wont-do", IssueState(closed=True, closed_at=LATE)),
        ("open", IssueState(closed=True, closed_at=LATE, not_planned=True)),
    ],
)
def test_sync_leaves_these_alone(status, state):
    assert not sync_outcome(ActionItem(action="x", status=status), state, TOKYO).changes


def test_plan_push_skips_tickets_and_finished_items(doc):
    plan = plan_push(doc)
    assert plan.push == [0, 1]
    assert [(i, why.split(" (")[0]) for i, why in plan.skipped] == [
        (2, "has a ticket already"),
        (3, "is done"),
        (4, "is wont-do"),
    ]


def test_plan_push_with_ids_takes_finished_items_but_never_one_with_a_ticket(doc):
    plan = plan_push(doc, ["A4", "A3", "A2"])
    assert plan.push == [1, 3] and [i for i, _ in plan.skipped] == [2] and plan.unknown_ids == []
    assert plan_push(doc, ["A1", "A7"]).unknown_ids == ["A7"]


def test_parse_ids():
    assert parse_ids(" A1, A3,,A1 ") == ["A1", "A3"]
    assert parse_ids(" , ") == []
