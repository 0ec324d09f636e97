"""The Markdown export: sections, times, empty-section notes and table safety."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from postmortem.exports import render_markdown
from postmortem.models.audience import Audience
from postmortem.models.document import Postmortem
from postmortem.models.enums import Priority

MD = MarkdownIt("commonmark").enable("table")

# The example fills every section.
SECTIONS = [
    "Executive summary",
    "Background",
    "Impact",
    "Timeline",
    "Recovery",
    "Contributing factors",
    "Five whys",
    "Root cause summary",
    "Action items",
    "Lessons learned",
    "Response",
    "Links",
    "History",
    "Review meeting",
]
# The sections every postmortem needs: said when empty; the others are left out until written.
NEEDED = ["Executive summary", "Impact", "Timeline", "Contributing factors", "Five whys", "Action items"]
ACTION_HEADER = [
    "ID",
    "Action",
    "Owner",
    "Due date",
    "Priority",
    "Type",
    "Status",
    "Success measure",
    "Ticket",
    "Factors",
]


# Reading the output back with a real GFM-style parser


@dataclass
class Table:
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # cell text as the parser split it
    row_lines: list[int] = field(default_factory=list)  # source line of each body row
    lines: tuple[int, int] = (0, 0)  # source lines the parser gave the whole table


def parse_tables(markdown: str) -> list[Table]:
    tables: list[Table] = []
    cells: list[str] | None = None
    in_head = False
    for token in MD.parse(markdown):
        if token.type == "table_open":
            tables.append(Table(lines=tuple(token.map)))
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells = []
            if not in_head:
                tables[-1].row_lines.append(token.map[0])
        elif token.type == "inline" and cells is not None:
            cells.append(token.content)
        elif token.type == "tr_close":
            if in_head:
                tables[-1].header = cells
            else:
                tables[-1].rows.append(cells)
            cells = None
    return tables


def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MD.parse(markdown)
    return [
        (token.tag, tokens[index + 1].content) for index, token in enumerate(tokens) if token.type == "heading_open"
    ]


def section_titles(markdown: str) -> list[str]:
    return [text for tag, text in headings(markdown) if tag == "h2"]


def source_cell_count(line: str) -> int:
    """Cells in a table row as GFM splits it: a pipe after a backslash is text."""
    body = line.strip()
    assert body.startswith("|") and body.endswith("|") and not body.endswith("\\|"), line
    return len(re.split(r"(?<!\\)\|", body[1:-1]))


def assert_tables_well_formed(markdown: str) -> list[Table]:
    """Every row has as many cells as its header and sits on one line of its own.

    The parser pads or cuts rows to the header's width, so the count is also
    taken from the source line; and a table that a stray line break had cut
    short would cover fewer source lines than it has rows.
    """
    source = markdown.split("\n")
    tables = parse_tables(markdown)
    assert tables
    for table in tables:
        first, end = table.lines
        width = len(table.header)
        assert source_cell_count(source[first]) == width
        assert end - first == 2 + len(table.rows)
        assert table.row_lines == list(range(first + 2, end))
        for line, cells in zip(table.row_lines, table.rows):
            assert source_cell_count(source[line]) == width, source[line]
            assert any(cell.strip() for cell in cells), source[line]
    return tables


def table_with_header(markdown: str, first_column: str) -> list[Table]:
    return [t for t in parse_tables(markdown) if t.header and t.header[0] == first_column]


def section(markdown: str, title: str) -> str:
    """The text of one level-2 section, up to the next one."""
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


# Documents


@pytest.fixture(scope="module")
def example_markdown(example_doc_readonly: Postmortem) -> str:
    """The shared example rendered once, for the tests that only read the Markdown (a str cannot change)."""
    return render_markdown(example_doc_readonly)


def minimal_doc() -> Postmortem:
    return Postmortem(meta={"title": "Nothing written yet"})


def timed_doc(**changes) -> Postmortem:
    """An incident in New York time whose clock times are given in UTC."""
    data = {
        "meta": {
            "title": "Queue backlog",
            "incident_date": "2026-03-03",
            "timezone": "America/New_York",
        },
        "timeline": [
            {"at": "2026-03-03T17:30:00Z", "event": "Config pushed", "kind": "trigger"},
            {
                "at": "2026-03-03T18:00:00Z",
                "event": "Backlog grows",
                "kind": "symptom",
                "milestone": "started",
                "key": True,
            },
            {
                "at": "2026-03-03T18:12:00Z",
                "event": "Queue alert fires",
                "kind": "detection",
                "milestone": "detected",
                "actor": "alerting",
            },
            {
                "at": "2026-03-03T18:15:00Z",
                "event": "Page acknowledged",
                "kind": "escalation",
                "milestone": "acknowledged",
                "actor": "on-call engineer",
            },
            {
                "at": "2026-03-03T19:05:00Z",
                "event": "Consumers scaled out",
                "kind": "mitigation",
                "milestone": "mitigated",
                "source": "deploy log",
                "evidence": "run 77",
            },
            {"at": "2026-03-04T05:30:00Z", "event": "Backlog drained", "kind": "resolution", "milestone": "resolved"},
        ],
    }
    data.update(changes)
    return Postmortem.model_validate(data)


def nasty_doc() -> Postmortem:
    """Pipes, line breaks of every kind, backslashes, emoji and empty fields."""
    return Postmortem(
        meta={
            "id": "INC|7",
            "title": "Pipes | breaks\r\nand hashes #",
            "timezone": "Asia/Kolkata",
            "authors": ["ops|team", "", "back\\slash\\"],
            "tags": ["🔥|hot", "a\nb"],
            "related": ["INC-1|INC-2"],
        },
        summary={"what_happened": "First line | kept\r\nsecond line\rthird line"},
        impact={
            "users_affected": "",
            "services": [
                {"name": "api|v2", "effect": "slow\r\n| very |\n\nthen 💥"},
                {"name": "worker\\", "effect": ""},
            ],
        },
        timeline=[
            {"at": "2026-05-01T10:00:00+05:30", "event": "| starts with a pipe", "milestone": "started"},
            {
                "at": "2026-05-01T10:05:00+05:30",
                "event": "ends with a backslash\\",
                "actor": "bot|1\\",
                "source": "log\\|x",
                "key": True,
            },
            {"at": "2026-05-01T10:06:00+05:30", "event": "two\\\\|pipes||\r\n\r\n🚀 rocket"},
            {"at": "2026-05-02T00:10:00+05:30", "event": "`code | span`", "milestone": "resolved"},
        ],
        factors=[
            {
                "id": "F|1",
                "title": "Title with | pipe\nand break",
                "category": "process",
                "description": "- looks like a list\n- second item",
            },
        ],
        whys=[
            {"problem": "p|q", "steps": [{"why": "", "because": ""}, {"why": "x\ny", "because": "z|"}]},
        ],
        actions=[
            {
                "id": "A1",
                "action": "Do | this\r\nthen\\",
                "owner": "team|ops\\",
                "horizon": "immediate",
                "ticket": "T\\|1",
                "factors": ["F|1", ""],
                "success": "p99 < 1s | 99%",
            },
            {"id": "A2", "action": "🧯 extinguish\n\n\nlater", "owner": "", "status": "done"},
            {"id": "", "action": "  \\  ", "type": "detect"},
        ],
        lessons={"went_well": ["good | thing\nsecond line"], "lucky": ["", "🍀"]},
        links=[
            {"label": "see [this] | that", "url": "https://example.com/a b(c)"},
            {"url": "https://example.com/plain"},
        ],
        history=[{"date": "2026-05-03", "change": "a|b\r\n\r\nc"}],
        review={"agenda": [{"topic": "pipes | everywhere\\", "minutes": 5}], "notes": "n|o\nt\\"},
    )


def action_doc(action: str, owner: str) -> Postmortem:
    return Postmortem(
        meta={"title": "Property"},
        actions=[
            {"id": "A1", "action": action, "owner": owner, "horizon": "immediate", "factors": ["F1"]},
            {"id": "A2", "action": "Plain follow-up", "horizon": "immediate", "ticket": "OPS-2"},
        ],
    )


# Sections and their order


def test_every_section_is_present_in_reading_order(example_doc_readonly, example_markdown):
    markdown = example_markdown
    assert markdown.startswith(f"# Postmortem: {example_doc_readonly.meta.title}\n")
    assert [tag for tag, _ in headings(markdown)].count("h1") == 1
    assert section_titles(markdown) == SECTIONS


def test_an_empty_document_says_which_needed_sections_are_empty_and_leaves_out_the_others():
    markdown = render_markdown(minimal_doc())
    assert section_titles(markdown) == NEEDED
    for note in (
        "_Not written yet._",
        "_No impact recorded yet._",
        "_No timeline events recorded yet._",
        "_No contributing factors recorded yet._",
        "_No five-whys chains recorded yet._",
        "_No action items recorded yet._",
    ):
        assert note in markdown
    assert "not recorded" not in markdown and "Duration" not in markdown


def test_empty_fields_parts_and_optional_sections_are_left_out():
    doc = timed_doc(
        factors=[{"id": "F1", "title": "Retry storm", "category": "technical"}],
        lessons={"went_well": ["Alert fired early"]},
        response={"verification": "Backlog at zero for an hour"},
    )
    markdown = render_markdown(doc)
    factors = section(markdown, "Contributing factors")
    assert "### Technical factors" in factors and "### Process factors" not in factors
    assert "- **Addressed by:** _no action item yet_" in factors  # a gap worth seeing: said
    assert "Description" not in factors
    lessons = section(markdown, "Lessons learned")
    assert lessons.strip() == "## Lessons learned\n\n### What went well\n\n- Alert fired early"
    response = section(markdown, "Response")
    assert response.strip() == "## Response\n\n### Verification\n\nBacklog at zero for an hour"
    assert "## Links" not in markdown and "## History" not in markdown and "## Background" not in markdown


def test_background_and_recovery_are_sections_of_their_own():
    doc = timed_doc(
        summary={"background": "Orders go through a queue that three consumers drain."},
        response={"recovery": "Consumers were added one at a time.\n\nThe backlog drained by morning."},
    )
    markdown = render_markdown(doc)
    titles = section_titles(markdown)
    assert titles.index("Executive summary") + 1 == titles.index("Background")
    assert titles.index("Timeline") + 1 == titles.index("Recovery")
    assert (
        section(markdown, "Background").strip()
        == "## Background\n\nOrders go through a queue that three consumers drain."
    )
    assert "The backlog drained by morning." in section(markdown, "Recovery")


def test_document_information_table_lists_the_metadata(example_doc_readonly, example_markdown):
    info = parse_tables(example_markdown)[0]
    assert info.header == ["Field", "Value"]
    values = dict(info.rows)
    meta = example_doc_readonly.meta
    assert values["ID"] == meta.id
    assert values["Status"] == meta.status.value
    assert values["Time zone"] == meta.timezone
    assert values["Authors"] == ", ".join(meta.authors)
    assert values["Related incidents"] == ", ".join(meta.related)
    assert values["Facilitator"] == meta.facilitator
    assert values["Kind of incident"] == meta.variant.value  # the form's label
    assert list(values)[:3] == ["ID", "Status", "Severity"]
    empty = render_markdown(minimal_doc())
    assert parse_tables(empty)[0].rows == [
        ["Status", "draft"],
        ["Time zone", "UTC"],
        ["Kind of incident", "standard"],
        ["Confidentiality", "internal"],
    ]


# Times


def test_timeline_shows_times_in_the_document_zone_with_offsets():
    markdown = render_markdown(timed_doc())
    timeline = section(markdown, "Timeline")
    assert "All times in America/New_York." in timeline
    (table,) = table_with_header(markdown, "Time")
    assert table.header == ["Time", "T+", "Event", "Kind", "Milestone", "Actor", "Source", "Evidence"]
    times = [row[0] for row in table.rows]
    offsets = [row[1] for row in table.rows]
    # UTC-5 (summer time starts on 8 March); the last event is on the next day.
    assert times == ["12:30", "13:00", "13:12", "13:15", "14:05", "2026-03-04 00:30"]
    assert offsets == ["T-30m", "T+0", "T+12m", "T+15m", "T+1h 05m", "T+11h 30m"]
    started = table.rows[1]
    assert started[2:] == ["★ Backlog grows", "symptom", "**started**", "", "", ""]
    assert table.rows[2][5] == "alerting"
    assert table.rows[4][2:] == ["Consumers scaled out", "mitigation", "**mitigated**", "", "deploy log", "run 77"]
    assert "★ marks a key moment." in timeline


def test_summary_shows_start_end_and_derived_durations():
    summary = section(render_markdown(timed_doc()), "Executive summary")
    assert "- **Started:** 2026-03-03 13:00 EST" in summary
    assert "- **Resolved:** 2026-03-04 00:30 EST" in summary
    assert "- **Duration:** 11h 30m" in summary
    assert "- **Time to detect:** 12m" in summary
    assert "- **Time to acknowledge:** 3m" in summary
    assert "- **Time to mitigate:** 1h 05m" in summary
    assert "- **Time to resolve:** 11h 30m" in summary


def test_without_a_start_milestone_no_offsets_and_no_durations_from_it():
    doc = timed_doc()
    doc.timeline[1].milestone = None
    doc.timeline[0].source = doc.timeline[0].evidence = ""
    markdown = render_markdown(doc)
    (table,) = table_with_header(markdown, "Time")
    assert table.header == ["Time", "Event", "Kind", "Milestone", "Actor", "Source", "Evidence"]  # no T+
    summary = section(markdown, "Executive summary")
    assert "Duration" not in summary and "Started" not in summary
    assert "- **Time to acknowledge:** 3m" in summary


def test_timeline_without_incident_date_uses_the_first_day():
    doc = timed_doc(meta={"title": "No date", "timezone": "UTC"})
    markdown = render_markdown(doc)
    assert "All times in UTC. Times shown without a date are on 2026-03-03." in markdown
    (table,) = table_with_header(markdown, "Time")
    assert table.rows[0][0] == "17:30"
    assert table.rows[-1][0] == "2026-03-04 05:30"


def test_milestones_out_of_order_are_flagged():
    doc = timed_doc()
    doc.timeline[0].milestone = "detected"
    doc.timeline[2].milestone = None
    timeline = section(render_markdown(doc), "Timeline")
    warning = "> **Warning:** the milestones are out of order: 'detected' is before 'started'."
    assert f"\n{warning}\n" in timeline
    assert "Warning" not in render_markdown(timed_doc())


# Analysis and actions


def test_factors_are_grouped_with_every_field():
    doc = timed_doc(
        factors=[
            {
                "id": "F1",
                "title": "No budget for on-call",
                "category": "organizational",
                "area": "resources",
                "weight": "environmental",
            },
            {
                "id": "F2",
                "title": "Retry storm",
                "category": "technical",
                "area": "code",
                "description": "Clients retried\nwithout backoff",
                "why_it_mattered": "Tripled load",
                "evidence": "Trace 12",
            },
        ],
        actions=[{"id": "A1", "action": "Add backoff", "factors": ["F2"]}],
    )
    factors = section(render_markdown(doc), "Contributing factors")
    assert factors.index("#### F2: Retry storm") < factors.index("#### F1: No budget for on-call")
    assert "- **Area:** code" in factors
    assert "- **Weight:** environmental" in factors
    assert "- **Description:** Clients retried\n  without backoff" in factors
    assert "- **Why it mattered:** Tripled load" in factors
    assert "- **Evidence:** Trace 12" in factors
    assert "- **Addressed by:** A1" in factors
    assert "- **Addressed by:** _no action item yet_" in factors


def test_factors_not_categorised_yet_come_last_under_their_own_heading():
    doc = timed_doc(
        factors=[
            {"id": "F1", "title": "Imported, kind not said"},
            {"id": "F2", "title": "Retry storm", "category": "technical"},
        ],
    )
    factors = section(render_markdown(doc), "Contributing factors")
    assert factors.index("### Technical factors") < factors.index("#### F2: Retry storm")
    assert factors.index("#### F2: Retry storm") < factors.index("### Factors not categorised yet")
    assert factors.index("### Factors not categorised yet") < factors.index("#### F1: Imported, kind not said")


def test_five_whys_chains_read_as_compact_chains_of_answers():
    doc = timed_doc(
        summary={"root_cause": "Limits are copied, not reviewed."},
        whys=[
            {
                "problem": "Backlog grew",
                "steps": [
                    {"why": "", "because": "Consumers were too few"},
                    {"why": "Why consumers were too few?", "because": "The limit was copied"},  # an echo
                    {"why": "Who sets the limits?", "because": "Nobody reviews them"},  # the author's own
                ],
                "root_cause": "Limits are not reviewed",
            },
            {"problem": "Late page"},
        ],
    )
    markdown = render_markdown(doc)
    whys = section(markdown, "Five whys")
    assert "### Chain 1: Backlog grew" in whys and "### Chain 2: Late page" in whys
    assert "Each answer explains the one before it." in whys
    assert ("1. Consumers were too few\n2. The limit was copied\n3. *Who sets the limits?* Nobody reviews them") in whys
    assert "- **Root cause:** Limits are not reviewed" in whys
    assert "_No answers yet._" in whys
    causes = section(markdown, "Root cause summary")
    assert "Limits are copied, not reviewed." in causes
    assert "- **Chain 1:** Limits are not reviewed" in causes
    assert "Chain 2" not in causes


def test_actions_are_grouped_by_horizon_with_the_columns_they_fill():
    doc = timed_doc(
        actions=[
            {"id": "A1", "action": "Later thing", "horizon": "long-term", "type": "process"},
            {
                "id": "A2",
                "action": "Alert on backlog > 10k",
                "owner": "SRE",
                "due": "2026-03-17",
                "priority": "P1",
                "horizon": "immediate",
                "type": "detect",
                "status": "done",
                "success": "Fires in replay",
                "ticket": "OPS-1",
                "factors": ["F1", "F2"],
                "agreed": True,
            },
            {"id": "A3", "action": "Unplanned", "status": "wont-do", "type": "prevent"},
        ]
    )
    actions = section(render_markdown(doc), "Action items")
    order = ["### Immediate (within a week)", "### Long term (within a quarter)", "### No horizon set"]
    assert [actions.index(h) for h in order] == sorted(actions.index(h) for h in order)
    assert "Short term" not in actions  # no action planned for it
    assert "3 in total: 1 open, 1 done, 1 won't do. 1 agreed in the review meeting." in actions
    tables = table_with_header(actions, "ID")
    assert tables[0].header == ACTION_HEADER
    assert tables[0].rows == [
        [
            "A2",
            "Alert on backlog > 10k",
            "SRE",
            "2026-03-17",
            "P1",
            "detect",
            "done (agreed)",
            "Fires in replay",
            "OPS-1",
            "F1, F2",
        ]
    ]
    assert tables[1].header == ["ID", "Action", "Type", "Status"]
    assert [t.rows[0][0] for t in tables] == ["A2", "A1", "A3"]
    assert "Prevention measures" not in render_markdown(doc)  # the same items are not listed twice


def test_no_horizon_group_is_left_out_when_every_action_has_one():
    doc = timed_doc(actions=[{"id": "A1", "action": "Fix", "horizon": "short-term"}])
    assert "No horizon set" not in render_markdown(doc)


def test_the_done_day_and_the_verification_have_columns_of_their_own():
    doc = timed_doc(
        actions=[
            {
                "id": "A1",
                "action": "Alert on backlog > 10k",
                "status": "done",
                "success": "Fires in replay",
                "completed": "2026-03-10",
                "verification": {
                    "checked": "2026-04-01",
                    "result": "partly",
                    "note": "Replayed the backlog | fired after 9 min\nnot <5>",
                },
            },
            {"id": "A2", "action": "Scale on queue depth", "status": "done", "completed": "2026-03-12"},
            {
                "id": "A3",
                "action": "Cap retries",
                "verification": {"checked": "2026-04-02", "result": "did-not"},
            },
            {"id": "A4", "action": "Write the runbook", "verification": {"checked": "2026-04-03", "result": "worked"}},
        ]
    )
    markdown = render_markdown(doc)
    (table,) = table_with_header(section(markdown, "Action items"), "ID")
    assert table.header == ["ID", "Action", "Status", "Done on", "Success measure", "Verification"]
    assert [row[3] for row in table.rows] == ["2026-03-10", "2026-03-12", "", ""]
    assert [row[5] for row in table.rows] == [
        "partly worked, checked 2026-04-01: Replayed the backlog | fired after 9 min<br>not <5>",
        "",
        "did not work, checked 2026-04-02",
        "worked, checked 2026-04-03",
    ]
    assert_tables_well_formed(markdown)
    page = MD.render(markdown)
    assert (
        "<td>partly worked, checked 2026-04-01: Replayed the backlog | fired after 9 min<br>not &lt;5&gt;</td>" in page
    )
    # Left out while no action has them; the summary keeps them with its actions, the public version does not.
    assert "Done on" not in render_markdown(timed_doc(actions=[{"id": "A1", "action": "Cap retries"}]))
    doc.actions[0].priority = Priority.P1
    assert "partly worked, checked 2026-04-01" in render_markdown(doc, Audience.SUMMARY)
    public = render_markdown(doc, Audience.PUBLIC)
    assert "2026-04-01" not in public and "worked" not in public and "2026-03-10" not in public


def test_links_history_and_review_are_rendered(example_doc_readonly, example_markdown):
    markdown = example_markdown
    links = section(markdown, "Links")
    for link in example_doc_readonly.links:
        assert f"- [{link.label}]({link.url})" in links
    (history,) = table_with_header(markdown, "Date")
    assert len(history.rows) == len(example_doc_readonly.history)
    review = section(markdown, "Review meeting")
    total = sum(item.minutes for item in example_doc_readonly.review.agenda)
    assert f"{total} minutes in total." in review
    (agenda,) = table_with_header(markdown, "Topic")
    assert [row[0] for row in agenda.rows] == [item.topic for item in example_doc_readonly.review.agenda]


def test_review_meeting_time_is_in_the_document_zone():
    # New York is on summer time (UTC-4) by the day of the review.
    doc = timed_doc(review={"meeting": "2026-03-12T15:00:00Z", "notes": "Agreed on A1"})
    review = section(render_markdown(doc), "Review meeting")
    assert "**Meeting:** 2026-03-12 11:00 EDT" in review
    assert "### Notes\n\nAgreed on A1" in review


def test_link_labels_and_targets_cannot_break_the_link():
    markdown = render_markdown(nasty_doc())
    links = section(markdown, "Links")
    assert "- [see \\[this\\] | that](https://example.com/a%20b%28c%29)" in links
    assert "- [https://example.com/plain](https://example.com/plain)" in links
    html = MD.render(links)
    assert '<a href="https://example.com/a%20b%28c%29">see [this] | that</a>' in html


# Escaping


def test_cells_escape_pipes_and_turn_line_breaks_into_br():
    markdown = render_markdown(nasty_doc())
    assert "| A1 | Do \\| this<br>then&#92; | team\\|ops&#92; |" in markdown
    assert "| api\\|v2 | slow<br>\\| very \\|<br><br>then 💥 |" in markdown
    assert "| 2026-05-03 |  | a\\|b<br><br>c |" in markdown
    assert "\r" not in markdown


def test_paragraphs_and_list_items_keep_their_line_breaks():
    markdown = render_markdown(nasty_doc())
    assert "- **What happened:** First line | kept\n  second line\n  third line\n" in markdown
    assert "- good | thing\n  second line\n" in markdown
    assert "### Notes\n\nn|o\nt\\\n" in markdown


def test_headings_stay_on_one_line_and_keep_a_trailing_hash():
    markdown = render_markdown(nasty_doc())
    assert markdown.startswith("# Postmortem: Pipes | breaks and hashes \\#\n")
    assert headings(markdown)[0] == ("h1", "Postmortem: Pipes | breaks and hashes \\#")
    assert MD.render(markdown).startswith("<h1>Postmortem: Pipes | breaks and hashes #</h1>")
    assert "#### F|1: Title with | pipe and break" in markdown


@pytest.mark.parametrize(
    "make",
    [
        lambda example: example,
        lambda _: nasty_doc(),
        lambda _: minimal_doc(),
        lambda _: timed_doc(),
    ],
    ids=["example", "nasty", "minimal", "timed"],
)
def test_every_table_row_has_as_many_cells_as_its_header(example_doc_readonly, make):
    assert_tables_well_formed(render_markdown(make(example_doc_readonly)))


def test_nasty_cells_come_back_whole_from_the_parser():
    markdown = render_markdown(nasty_doc())
    tables = table_with_header(markdown, "ID")
    assert [t.header for t in tables] == [
        ["ID", "Action", "Owner", "Status", "Success measure", "Ticket", "Factors"],
        ["ID", "Action", "Type", "Status"],
    ]
    rows = {row[0]: row for t in tables for row in t.rows}
    assert rows["A1"][1:3] == ["Do | this<br>then&#92;", "team|ops&#92;"]
    assert rows["A1"][4:] == ["p99 < 1s | 99%", "T&#92;|1", "F|1"]
    assert rows["A2"][1] == "🧯 extinguish<br><br><br>later"
    assert rows[""][1] == "&#92;"
    (timeline,) = table_with_header(markdown, "Time")
    assert [row[1] for row in timeline.rows] == ["T+0", "T+5m", "T+6m", "T+14h 10m"]
    assert timeline.header == ["Time", "T+", "Event", "Kind", "Milestone", "Actor", "Source"]
    assert timeline.rows[1][2] == "★ ends with a backslash&#92;"
    assert timeline.rows[1][5:] == ["bot|1&#92;", "log&#92;|x"]
    assert timeline.rows[2][2] == "two&#92;&#92;|pipes||<br><br>🚀 rocket"
    assert timeline.rows[3][0] == "2026-05-02 00:10"
    html = MD.render(markdown)
    assert "<td>Do | this<br>then\\</td>" in html
    assert "<td><code>code | span</code></td>" in html


text_in_cells = st.text(
    alphabet=st.one_of(st.sampled_from("|\\\n\r \t*_`<>#-[]🔥é"), st.characters(codec="utf-8")),
    min_size=1,
    max_size=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(action=text_in_cells.filter(str.strip), owner=text_in_cells)
def test_generated_action_text_never_changes_the_table_shape(action, owner):
    markdown = render_markdown(action_doc(action, owner))
    tables = assert_tables_well_formed(markdown)
    (actions,) = [t for t in tables if t.header[:2] == ["ID", "Action"]]
    header = ["ID", "Action", "Owner", "Status", "Ticket", "Factors"] if owner.strip() else None
    assert header is None or actions.header == header
    assert [row[0] for row in actions.rows] == ["A1", "A2"]
    assert actions.rows[0][-1] == "F1"
    assert actions.rows[1][-3:] == ["open", "OPS-2", ""]


# Output as a whole


def test_output_is_deterministic_and_ends_with_one_newline(example_doc_readonly):
    first = render_markdown(example_doc_readonly)
    assert first == render_markdown(example_doc_readonly.model_copy(deep=True))
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert "\n\n\n" not in first
    assert not any(line != line.rstrip() for line in first.split("\n"))


def test_example_lists_every_action_and_factor(example_doc_readonly, example_markdown):
    markdown = example_markdown
    action_rows = [row for t in table_with_header(markdown, "ID") for row in t.rows]
    assert sorted(row[0] for row in action_rows) == sorted(a.id for a in example_doc_readonly.actions)
    for factor in example_doc_readonly.factors:
        assert f"#### {factor.id}: {factor.title}" in markdown
    (timeline,) = table_with_header(markdown, "Time")
    assert len(timeline.rows) == len(example_doc_readonly.timeline)


def test_an_estimated_time_and_the_durations_from_it_are_marked_approximate():
    doc = timed_doc()
    doc.timeline[2].approximate = True  # the alert "around" 13:12
    markdown = render_markdown(doc)
    (table,) = table_with_header(markdown, "Time")
    assert [row[0] for row in table.rows][1:4] == ["13:00", "~13:12", "13:15"]
    summary = section(markdown, "Executive summary")
    assert "- **Time to detect:** ~12m" in summary  # from the started milestone to the estimated alert
    assert "- **Time to acknowledge:** ~3m" in summary
    assert "- **Time to mitigate:** 1h 05m" in summary  # both ends exact


def test_an_impact_start_of_its_own_is_said_with_the_time_impacted_only_where_recorded():
    without = section(render_markdown(timed_doc()), "Executive summary")
    assert "Impact began" not in without and "Time impacted" not in without
    doc = timed_doc(impact={"started_at": "2026-03-03T17:40:00Z", "started_approximate": True})
    doc.timeline[1].approximate = True  # the started milestone's time is an estimate too
    summary = section(render_markdown(doc), "Executive summary")
    assert "- **Impact began:** ~2026-03-03 12:40 EST\n- **Started:** ~2026-03-03 13:00 EST\n" in summary
    assert "- **Time impacted:** ~1h 25m" in summary  # from 12:40 to the mitigated milestone, 14:05
    assert "- **Duration:** ~11h 30m" in summary  # still from the started milestone


def html_text(markdown: str) -> str:
    """What a reader sees of the Markdown once rendered: the HTML's text, tags dropped, entities read."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(MD.render(markdown))
    return " ".join("".join(parser.parts).split())


HTML_LIKE = [
    "unicorn[<n>]: -- : worker <hex> stopped",
    "<b>not bold</b> & &amp; &#169; stay as typed",
    "a <!-- not a comment --> and </div>",
    r"already escaped \<n> stays",
]


def test_html_like_text_is_shown_as_written_everywhere_outside_code():
    doc = timed_doc(
        summary={"what_happened": HTML_LIKE[0], "background": HTML_LIKE[1]},
        factors=[{"id": "F1", "title": HTML_LIKE[2], "category": "technical", "description": HTML_LIKE[3]}],
        actions=[{"id": "A1", "action": HTML_LIKE[0], "owner": HTML_LIKE[1]}],
        lessons={"went_well": [HTML_LIKE[2]]},
        links=[{"label": HTML_LIKE[0], "url": "https://example.com/x"}],
    )
    doc.timeline[0].event = HTML_LIKE[1]
    shown = html_text(render_markdown(doc))
    for text in HTML_LIKE[:3]:
        assert shown.count(" ".join(text.split())) >= 2, text
    assert "already escaped <n> stays" in shown  # the author's own escape is kept, not doubled
    # Inside code, text is already literal: nothing is added to it.
    doc.summary.what_happened = "the line `worker <hex> stopped` and\n```\n<n> in a block\n```"
    markdown = render_markdown(doc)
    assert "`worker <hex> stopped`" in markdown and "\n  <n> in a block\n" in markdown
    assert "worker <hex> stopped" in html_text(markdown) and "<n> in a block" in html_text(markdown)
