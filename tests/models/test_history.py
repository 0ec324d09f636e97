"""Undo and redo: any sequence of changes, taken back step by step, gives the document back byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from postmortem.models.codec import dumps, loads
from postmortem.models.document import ActionItem, Postmortem, TimelineEvent
from postmortem.models.enums import Milestone
from postmortem.models.examples import example_text
from postmortem.models.history import History

EXAMPLE = example_text()  # read once: hypothesis runs the property many times

TEXT = st.text(alphabet="abc xyz-", min_size=1, max_size=12).filter(str.strip)  # required texts are not blank

# Each change: (what it does to the document, the location of the one field it edits or None).
FIELD_CHANGES = st.one_of(
    st.tuples(st.just("meta.title"), TEXT),
    st.tuples(st.just("summary.resolution"), st.text(alphabet="ab \n", max_size=8)),
    st.tuples(st.just("impact.support_tickets"), st.none() | st.integers(0, 500)),
    st.tuples(st.just("lessons.lucky"), st.lists(TEXT, max_size=3)),
)
RECORD_CHANGES = st.one_of(
    st.tuples(st.just("add event"), st.integers(0, 600), TEXT),
    st.tuples(st.just("delete event"), st.integers(0, 50)),
    st.tuples(st.just("add action"), TEXT),
    st.tuples(st.just("delete action"), st.integers(0, 10)),
    st.tuples(st.just("move milestone"), st.sampled_from(list(Milestone)), st.integers(0, 50)),
)
CHANGES = st.lists(st.one_of(FIELD_CHANGES, RECORD_CHANGES), min_size=1, max_size=25)


def apply(doc: Postmortem, change: tuple) -> str | None:
    """Make ``change`` on ``doc`` as the app would; the location it reports (None for a whole-record change)."""
    name = change[0]
    if name == "add event":
        doc.add_event(
            TimelineEvent(at=datetime(2026, 2, 12, 18, tzinfo=UTC) + timedelta(minutes=change[1]), event=change[2])
        )
    elif name == "delete event" and doc.timeline:
        del doc.timeline[change[1] % len(doc.timeline)]
    elif name == "add action":
        doc.actions.append(ActionItem(id=doc.next_action_id(), action=change[1]))
    elif name == "delete action" and doc.actions:
        del doc.actions[change[1] % len(doc.actions)]
    elif name == "move milestone" and doc.timeline:
        index = change[2] % len(doc.timeline)
        moved = doc.timeline[index].model_copy(update={"milestone": change[1]})
        doc.replace_event(index, moved)
    elif "." in name:
        setattr(getattr(doc, name.split(".")[0]), name.split(".")[1], change[1])
        return name
    return None


@settings(max_examples=60, deadline=None)
@given(changes=CHANGES)
def test_each_undo_gives_back_the_document_before_its_step_and_redo_the_one_after(changes):
    doc = loads(EXAMPLE)
    history = History(doc)
    before_each_step: list[str] = []  # the file's text before each undo step (a run on one field is one step)
    previous: str | None = None
    for change in changes:
        text = dumps(doc)
        location = apply(doc, change)
        if location is None or location != previous:
            before_each_step.append(text)
        previous = location
        history.changed(doc, location)
    after_each_step = [*before_each_step[1:], dumps(doc)]
    for expected in reversed(before_each_step):
        doc = history.undo(doc)
        assert dumps(doc) == expected
    assert not history.can_undo and dumps(doc) == EXAMPLE
    for expected in after_each_step:
        doc = history.redo(doc)
        assert dumps(doc) == expected


def test_a_run_of_edits_to_one_field_is_one_step(example_doc):
    history = History(example_doc)
    title = example_doc.meta.title
    for text in ("C", "Ch", "Che"):
        example_doc.meta.title = text
        history.changed(example_doc, "meta.title")
    example_doc.summary.resolution = "Rolled back"
    history.changed(example_doc, "summary.resolution")
    doc = history.undo(example_doc)
    assert (doc.meta.title, doc.summary.resolution) == ("Che", example_doc.summary.resolution)
    doc = history.undo(doc)
    assert doc.meta.title == title
    assert not history.can_undo and history.can_redo


def test_a_new_change_after_undo_drops_what_could_be_redone(example_doc):
    history = History(example_doc)
    del example_doc.timeline[0]
    history.changed(example_doc)
    doc = history.undo(example_doc)
    doc.meta.title = "Other"
    history.changed(doc, "meta.title")
    assert not history.can_redo
    assert history.redo(doc) is None
