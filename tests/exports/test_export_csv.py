"""The CSV export of the action items: RFC 4180, and every field reads back as it was."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.exports import render_csv
from postmortem.exports.csv_export import ACTION_COLUMNS, FACTOR_SEPARATOR
from postmortem.models.document import ActionItem, Meta, Postmortem, Verification
from postmortem.models.enums import ActionStatus, ActionType, Horizon, Priority, VerificationResult


def read_back(text: str) -> list[ActionItem]:
    """The CSV as a spreadsheet or a script would read it, turned back into action items."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == list(ACTION_COLUMNS)
    return [
        ActionItem(
            id=row["id"],
            action=row["action"],
            owner=row["owner"],
            due=date.fromisoformat(row["due"]) if row["due"] else None,
            priority=row["priority"] or None,
            horizon=row["horizon"] or None,
            type=row["type"] or None,
            status=row["status"],
            success=row["success"],
            ticket=row["ticket"],
            factors=row["factors"].split(FACTOR_SEPARATOR) if row["factors"] else [],
            agreed={"true": True, "false": False}[row["agreed"]],
            completed=date.fromisoformat(row["completed"]) if row["completed"] else None,
            verification=read_verification(row),
        )
        for row in reader
    ]


def read_verification(row: dict[str, str]) -> Verification | None:
    """The verification's three columns: all empty, or a date, a result and a note."""
    parts = (row["verification.checked"], row["verification.result"], row["verification.note"])
    if not any(parts):
        return None
    checked, result, note = parts
    return Verification(checked=date.fromisoformat(checked), result=result, note=note)


def document(*actions: ActionItem) -> Postmortem:
    return Postmortem(meta=Meta(title="Queue backlog"), actions=list(actions))


AWKWARD = [
    ActionItem(
        id="A1",
        action='Add a "queue depth" alert, paging the on-call; then review it',
        owner="SRE team, Zürich",
        due=date(2026, 3, 1),
        priority=Priority.P1,
        horizon=Horizon.SHORT_TERM,
        type=ActionType.DETECT,
        status=ActionStatus.IN_PROGRESS,
        success='Fires within 5 min in a replay.\nPages no one for 2 weeks ("quiet").\r\nReviewed monthly.',
        ticket="SRE-884",
        factors=["F1", "F2", "F3"],
        agreed=True,
        completed=date(2026, 3, 9),
        verification=Verification(
            checked=date(2026, 4, 2),
            result=VerificationResult.DID_NOT,
            note='Replayed the backlog, "queue depth" fired late,\nafter 9 min',
        ),
    ),
    ActionItem(id="A2", action="  =SUM(A1:A9) stays text, spaces kept  ", owner="", factors=[]),
    ActionItem(
        id="A3",
        action="Mettre à jour le runbook — 決済の手順 ✓ 🙂",
        owner="Équipe paiements",
        success='"quoted" at the start, a comma at the end,',
        ticket='"',
        factors=["F2"],
    ),
    ActionItem(id="", action="\n\nStarts and ends with blank lines\n\n", status=ActionStatus.WONT_DO),
]


def test_a_header_then_one_row_per_action(example_doc_readonly) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(example_doc_readonly), newline="")))
    assert rows[0] == list(ACTION_COLUMNS)
    assert [row[0] for row in rows[1:]] == [action.id for action in example_doc_readonly.actions]
    assert all(len(row) == len(ACTION_COLUMNS) for row in rows)


def test_the_example_reads_back_field_for_field(example_doc_readonly) -> None:
    assert read_back(render_csv(example_doc_readonly)) == example_doc_readonly.actions


def test_commas_quotes_newlines_and_non_ascii_read_back_field_for_field() -> None:
    assert read_back(render_csv(document(*AWKWARD))) == AWKWARD


def test_rfc_4180_quoting_and_line_ends() -> None:
    text = render_csv(document(*AWKWARD))
    assert text.startswith(",".join(ACTION_COLUMNS) + "\r\n")
    assert text.endswith("\r\n")
    # A field with a comma, a quote or a line break is quoted, its quotes doubled; others are not.
    assert '"Add a ""queue depth"" alert, paging the on-call; then review it"' in text
    assert ',"SRE team, Zürich",2026-03-01,P1,in-progress,SRE-884,F1; F2; F3,detect,short-term,' in text
    assert '"Fires within 5 min in a replay.\nPages no one for 2 weeks (""quiet"").\r\nReviewed monthly."' in text
    assert ',"""",F2,' in text


def test_no_actions_gives_the_header_alone() -> None:
    assert render_csv(document()) == ",".join(ACTION_COLUMNS) + "\r\n"


def test_empty_values_are_empty_cells() -> None:
    (row,) = list(csv.DictReader(io.StringIO(render_csv(document(ActionItem(action="Write the runbook"))))))
    assert row == {
        "id": "", "action": "Write the runbook", "owner": "", "due": "", "priority": "", "status": "open",
        "ticket": "", "factors": "", "type": "", "horizon": "", "success": "", "agreed": "false",
        "completed": "", "verification.checked": "", "verification.result": "", "verification.note": "",
    }  # fmt: skip


def test_the_done_day_and_the_verification_come_last_as_the_file_writes_them() -> None:
    assert ACTION_COLUMNS[-4:] == ("completed", "verification.checked", "verification.result", "verification.note")
    text = render_csv(document(*AWKWARD))
    assert (
        ',true,2026-03-09,2026-04-02,did-not,"Replayed the backlog, ""queue depth"" fired late,\nafter 9 min"\r\n'
        in text
    )
    done = ActionItem(action="Alert on lag", status=ActionStatus.DONE, completed=date(2026, 3, 9))
    assert render_csv(document(done)).endswith(",false,2026-03-09,,,\r\n")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_ACTIONS = st.builds(
    ActionItem,
    id=_TEXT,
    action=st.tuples(_TEXT, st.sampled_from("x✓,\"'"), _TEXT).map("".join),
    owner=_TEXT,
    due=st.none() | st.dates(),
    priority=st.none() | st.sampled_from(list(Priority)),
    horizon=st.none() | st.sampled_from(list(Horizon)),
    type=st.none() | st.sampled_from(list(ActionType)),
    status=st.sampled_from(list(ActionStatus)),
    success=_TEXT,
    ticket=_TEXT,
    # Factor ids are short names such as F1: none holds the separator or is empty.
    factors=st.lists(_TEXT.filter(lambda i: i and FACTOR_SEPARATOR not in i), max_size=3),
    agreed=st.booleans(),
    completed=st.none() | st.dates(),
    verification=st.none()
    | st.builds(Verification, checked=st.dates(), result=st.sampled_from(list(VerificationResult)), note=_TEXT),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ACTIONS, max_size=4))
def test_any_actions_read_back_field_for_field(actions: list[ActionItem]) -> None:
    assert read_back(render_csv(document(*actions))) == actions
