"""The three-way merge of the document on disk (theirs) with the one in the editor (mine)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.models.codec import dumps, from_data, loads, to_data
from postmortem.models.document import ActionItem, Factor, Postmortem, TimelineEvent, WhyStep
from postmortem.models.enums import AREAS_BY_CATEGORY, ActionStatus, Area, Category, EventKind, Milestone
from postmortem.models.examples import example_text
from postmortem.models.locations import parse_location, top_level, value_at
from postmortem.models.merge import Merge, Side, merge

THEIRS, MINE = Side.THEIRS, Side.MINE


def sides(doc: Postmortem) -> tuple[Postmortem, Postmortem]:
    """Two copies of ``doc`` to edit: the one on disk and the one in the editor."""
    return doc.model_copy(deep=True), doc.model_copy(deep=True)


def event(at: datetime, text: str, **fields: Any) -> TimelineEvent:
    return TimelineEvent(at=at, event=text, **fields)


def by_id(records: list[Any], ident: str) -> Any:
    return next(record for record in records if record.id == ident)


def milestones(doc: Postmortem) -> dict[str, str]:
    return {e.milestone.value: e.event for e in doc.timeline if e.milestone is not None}


# --- Examples on the bundled postmortem ---------------------------------------------------------------------------


def test_events_added_on_disk_and_edits_here_give_a_clean_merge_with_both(example_doc):
    theirs, mine = sides(example_doc)
    start = datetime(2026, 2, 12, 18, 0, tzinfo=UTC)
    added = [event(start + timedelta(minutes=7 * i), f"Imported log line {i}", kind=EventKind.NOTE) for i in range(5)]
    for new in added:
        theirs.add_event(new)
    mine.meta.title = "Checkout failed during the winter sale"
    mine.actions[2].owner = "Marketing operations and SRE"

    result = merge(example_doc, theirs, mine)

    assert result.clean and result.notes == ()
    merged = result.resolve()
    expected = theirs.model_copy(deep=True)
    expected.meta.title = mine.meta.title
    expected.actions[2].owner = mine.actions[2].owner
    assert dumps(merged) == dumps(expected)
    assert [e.at for e in merged.timeline] == sorted(e.at for e in merged.timeline)
    assert len(merged.timeline) == len(example_doc.timeline) + 5


def test_a_title_changed_on_both_sides_is_one_conflict_with_each_value(example_doc):
    theirs, mine = sides(example_doc)
    theirs.meta.title = "Checkout outage"
    mine.meta.title = "Checkout slowdown"

    result = merge(example_doc, theirs, mine)

    assert not result.clean
    [conflict] = result.conflicts
    assert conflict.label == "Title"
    assert conflict.location == "meta.title"
    assert (conflict.base, conflict.theirs, conflict.mine) == (
        '"Slow and failing checkout during the winter sale"',
        '"Checkout outage"',
        '"Checkout slowdown"',
    )
    assert result.resolve({0: THEIRS}).meta.title == "Checkout outage"
    assert result.resolve({0: MINE}).meta.title == "Checkout slowdown"
    assert result.resolve().meta.title == "Checkout slowdown"  # without a choice, mine


def test_two_fields_of_one_action_changed_on_each_side_are_both_kept(example_doc):
    theirs, mine = sides(example_doc)
    theirs.actions[0].owner = "Payments platform team"
    mine.actions[0].due = date(2026, 2, 20)

    result = merge(example_doc, theirs, mine)

    assert result.clean
    action = result.resolve().actions[0]
    assert (action.owner, action.due) == ("Payments platform team", date(2026, 2, 20))
    assert action.action == example_doc.actions[0].action


def test_one_field_changed_on_both_sides_points_at_the_record_in_the_merged_document(example_doc):
    theirs, mine = sides(example_doc)
    del theirs.actions[0]  # the merged document has A3 one place earlier than the base
    theirs.actions[1].due = date(2026, 2, 26)
    mine.actions[2].due = date(2026, 2, 27)

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label == "Action A3: due"
    assert conflict.location == "actions[1].due"
    assert (conflict.base, conflict.theirs, conflict.mine) == ("2026-02-19", "2026-02-26", "2026-02-27")
    for side, due in ((THEIRS, date(2026, 2, 26)), (MINE, date(2026, 2, 27))):
        merged = result.resolve({0: side})
        assert [a.id for a in merged.actions][:2] == ["A2", "A3"]
        assert value_at(merged, conflict.location) == due


def test_an_event_field_conflict_is_labelled_by_time_and_text_and_located_after_added_events(example_doc):
    theirs, mine = sides(example_doc)
    theirs.add_event(event(datetime(2026, 2, 12, 18, 10, tzinfo=UTC), "Alert rule reloaded"))
    theirs.timeline[9].actor = "Alertmanager"  # the 19:19 event, now at index 9 on disk
    mine.timeline[8].actor = "Paging system"

    [conflict] = merge(example_doc, theirs, mine).conflicts

    assert conflict.label == "Timeline event 19:19 'Checkout availability fast-burn alert f…': actor"
    assert conflict.location == "timeline[9].actor"


def test_a_new_utc_offset_for_the_same_moment_is_a_change_like_any_other(example_doc):
    theirs, mine = sides(example_doc)
    moment = example_doc.timeline[16].at  # 18:47 UTC, written with +00:00
    theirs.timeline[16].at = moment.astimezone(ZoneInfo("Europe/Berlin"))
    mine.timeline[16].actor = "payment provider support desk"

    result = merge(example_doc, theirs, mine)

    assert result.clean
    merged = result.resolve().timeline[16]
    assert merged.at.isoformat() == "2026-02-12T19:47:00+01:00"
    assert merged.actor == "payment provider support desk"


def test_a_record_deleted_on_disk_and_changed_here_is_one_conflict_to_keep_or_delete(example_doc):
    theirs, mine = sides(example_doc)
    del theirs.factors[1]
    mine.factors[1].title = "Confirmation holds a connection during card authorisation"

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label == "Factor F2 (deleted on disk, changed here)"
    assert conflict.location == "factors[1]"
    assert conflict.theirs == "(deleted)"
    assert 'title = "Confirmation holds a connection during card authorisation"' in conflict.mine
    assert by_id(result.resolve({0: MINE}).factors, "F2").title == mine.factors[1].title
    assert "F2" not in [f.id for f in result.resolve({0: THEIRS}).factors]


def test_a_record_changed_on_disk_and_deleted_here_is_located_at_its_list_while_deleted(example_doc):
    theirs, mine = sides(example_doc)
    theirs.links[2].label = "db-defaults v3.0 merge request (MR 4821)"
    del mine.links[2]

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label == "Link 'db-defaults v3.0 merge request' (changed on disk, deleted here)"
    assert conflict.location == "links"
    assert conflict.mine == "(deleted)"
    assert [link.label for link in result.resolve({0: THEIRS}).links][2] == theirs.links[2].label
    assert len(result.resolve().links) == 3


def test_a_record_deleted_on_one_side_and_untouched_on_the_other_is_deleted(example_doc):
    theirs, mine = sides(example_doc)
    del theirs.actions[4]
    mine.actions[5].status = ActionStatus.DONE

    result = merge(example_doc, theirs, mine)

    assert result.clean
    merged = result.resolve()
    assert "A5" not in [a.id for a in merged.actions]
    assert by_id(merged.actions, "A6").status is ActionStatus.DONE


def test_a_factor_id_added_on_both_sides_is_renumbered_here_with_its_references(example_doc):
    theirs, mine = sides(example_doc)
    theirs.factors.append(Factor(id="F10", title="The alert threshold was too lax", category=Category.PROCESS))
    theirs.actions.append(ActionItem(id="A11", action="Tighten the alert", factors=["F10"]))
    mine.factors.append(Factor(id="F10", title="No load test before the sale", category=Category.PROCESS))
    mine.actions[0].factors.append("F10")
    mine.actions.append(ActionItem(id="A11", action="Run a load test before each sale", factors=["F10"]))

    result = merge(example_doc, theirs, mine)

    assert result.clean
    assert result.notes == (
        "Your factor F10 is now F11: F10 was also added on disk.",
        "Your action A11 is now A12: A11 was also added on disk.",
    )
    merged = result.resolve()
    assert by_id(merged.factors, "F10").title == "The alert threshold was too lax"
    assert by_id(merged.factors, "F11").title == "No load test before the sale"
    assert merged.actions[0].factors == ["F1", "F11"]
    assert by_id(merged.actions, "A11").factors == ["F10"]
    assert by_id(merged.actions, "A12").factors == ["F11"]


def test_a_factor_added_identically_on_both_sides_is_kept_once(example_doc):
    theirs, mine = sides(example_doc)
    for doc in (theirs, mine):
        doc.factors.append(Factor(id="F10", title="No load test before the sale", category=Category.PROCESS))

    result = merge(example_doc, theirs, mine)

    assert result.clean and result.notes == ()
    assert [f.id for f in result.resolve().factors].count("F10") == 1


def test_a_milestone_moved_to_different_events_on_each_side_is_one_conflict(example_doc):
    theirs, mine = sides(example_doc)
    theirs.timeline[8].milestone = None
    theirs.timeline[7].milestone = Milestone.DETECTED
    mine.timeline[8].milestone = None
    mine.timeline[9].milestone = Milestone.DETECTED

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label == "Milestone 'detected'"
    assert conflict.location == "timeline[9].milestone"
    assert conflict.theirs.startswith("19:14 'First HTTP 504")
    assert conflict.mine.startswith("19:21 'Customer support")
    assert milestones(result.resolve({0: THEIRS}))["detected"] == example_doc.timeline[7].event
    assert milestones(result.resolve({0: MINE}))["detected"] == example_doc.timeline[9].event


def test_events_added_on_both_sides_are_merged_in_time_order(example_doc):
    theirs, mine = sides(example_doc)
    theirs.add_event(event(datetime(2026, 2, 12, 18, 11, tzinfo=UTC), "Seen on disk", milestone=Milestone.DETECTED))
    mine.add_event(event(datetime(2026, 2, 12, 18, 10, tzinfo=UTC), "Seen here", milestone=Milestone.DETECTED))

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.location == "timeline[7].milestone"
    merged = result.resolve()
    assert [e.event for e in merged.timeline[7:9]] == ["Seen here", "Seen on disk"]
    assert milestones(merged)["detected"] == "Seen here"
    assert milestones(result.resolve({0: THEIRS}))["detected"] == "Seen on disk"


def test_a_milestone_moved_on_one_side_follows_it_and_leaves_its_old_event(example_doc):
    theirs, mine = sides(example_doc)
    theirs.timeline[6].milestone = None
    theirs.timeline[5].milestone = Milestone.STARTED
    mine.timeline[6].actor = "checkout-api pods"

    result = merge(example_doc, theirs, mine)

    assert result.clean
    merged = result.resolve()
    assert milestones(merged)["started"] == example_doc.timeline[5].event
    assert merged.timeline[6].milestone is None and merged.timeline[6].actor == "checkout-api pods"


def test_two_milestones_moved_onto_one_event_become_one_conflict_that_keeps_them_apart(example_doc):
    theirs, mine = sides(example_doc)
    theirs.timeline[8].milestone = None
    theirs.timeline[9].milestone = Milestone.DETECTED
    mine.timeline[10].milestone = None
    mine.timeline[9].milestone = Milestone.ACKNOWLEDGED

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label == "Milestones 'detected' and 'acknowledged'"
    assert conflict.location == "timeline[9].milestone"
    on_theirs, on_mine = milestones(result.resolve({0: THEIRS})), milestones(result.resolve({0: MINE}))
    assert (on_theirs["detected"], on_theirs["acknowledged"]) == (
        example_doc.timeline[9].event,
        example_doc.timeline[10].event,
    )
    assert (on_mine["detected"], on_mine["acknowledged"]) == (
        example_doc.timeline[8].event,
        example_doc.timeline[9].event,
    )


def test_a_milestone_stays_with_an_event_kept_after_a_delete_and_change_conflict(example_doc):
    theirs, mine = sides(example_doc)
    theirs.timeline[8].source = "pager"
    del mine.timeline[8]

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label.endswith("(changed on disk, deleted here)")
    assert milestones(result.resolve({0: THEIRS}))["detected"] == example_doc.timeline[8].event
    assert "detected" not in milestones(result.resolve({0: MINE}))


def test_plain_lists_keep_additions_from_both_sides_and_removals_from_either(example_doc):
    theirs, mine = sides(example_doc)
    theirs.lessons.went_well.insert(1, "Support escalated quickly.")
    theirs.meta.tags.remove("rollout")
    mine.lessons.went_well.append("The rollback was rehearsed.")
    mine.meta.tags.insert(0, "checkout")

    result = merge(example_doc, theirs, mine)

    assert result.clean
    merged = result.resolve()
    went_well = example_doc.lessons.went_well
    assert merged.lessons.went_well == [
        went_well[0],
        "Support escalated quickly.",
        *went_well[1:],
        "The rollback was rehearsed.",
    ]
    assert merged.meta.tags == ["checkout", "connection-pool", "configuration", "shared-chart", "traffic-peak"]


def test_why_steps_merge_position_by_position_when_no_side_adds_or_removes_one(example_doc):
    theirs, mine = sides(example_doc)
    theirs.whys[1].steps[0].because = "It was scheduled at the usual time."
    mine.whys[1].steps[2].why = "Why was the sale not in the engineering calendar?"

    result = merge(example_doc, theirs, mine)

    assert result.clean
    steps = result.resolve().whys[1].steps
    assert (steps[0].because, steps[2].why) == (theirs.whys[1].steps[0].because, mine.whys[1].steps[2].why)


def test_why_steps_changed_in_length_and_edited_on_the_other_side_are_one_conflict(example_doc):
    theirs, mine = sides(example_doc)
    theirs.whys[1].steps.append(WhyStep(why="Why is there no such way?", because="Nobody owns it."))
    mine.whys[1].steps[0].because = "It was scheduled at the usual time."
    mine.whys[1].steps[1].because = "Only the marketing calendar had it."

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label == "Why chain 'The change reached checkout during the…': steps"
    assert conflict.location == "whys[1].steps"
    assert len(result.resolve({0: THEIRS}).whys[1].steps) == 4
    assert result.resolve({0: MINE}).whys[1].steps == mine.whys[1].steps


def test_one_step_changed_on_both_sides_is_a_conflict_at_that_step(example_doc):
    theirs, mine = sides(example_doc)
    theirs.whys[0].steps[3].because = "Disk"
    mine.whys[0].steps[3].because = "Editor"

    [conflict] = merge(example_doc, theirs, mine).conflicts

    assert conflict.label == "Why chain 'Order confirmations timed out for a qua…': step 4: because"
    assert conflict.location == "whys[0].steps[3].because"


def recategorised(factor: Factor, category: Category, area: Area | None) -> Factor:
    return Factor.model_validate({**factor.model_dump(), "category": category, "area": area})


def test_a_factor_whose_merged_area_is_not_in_its_merged_category_becomes_one_record_conflict(example_doc):
    theirs, mine = sides(example_doc)
    theirs.factors[0] = recategorised(theirs.factors[0], Category.PROCESS, Area.TESTING)
    mine.factors[0] = recategorised(mine.factors[0], Category.TECHNICAL, Area.CODE)

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.label.startswith("Factor F1 (changed on disk and here")
    assert conflict.location == "factors[0]"
    assert 'area = "testing"' in conflict.theirs and 'area = "code"' in conflict.mine
    for side, expected in ((THEIRS, theirs.factors[0]), (MINE, mine.factors[0])):
        assert result.resolve({0: side}).factors[0] == expected


def test_a_factor_that_merges_cleanly_into_an_invalid_one_is_a_record_conflict_too(example_doc):
    example_doc.factors[0].area = None
    theirs, mine = sides(example_doc)
    theirs.factors[0] = recategorised(theirs.factors[0], Category.PROCESS, None)  # no area: fine for any category
    mine.factors[0].area = Area.CODE  # a technical area

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert conflict.location == "factors[0]"
    assert result.resolve({0: THEIRS}).factors[0].category is Category.PROCESS
    assert result.resolve({0: MINE}).factors[0].area is Area.CODE


def test_extra_tables_merge_key_by_key(example_doc):
    example_doc.extra = {"tracker": {"project": "OPS", "board": 4}}
    theirs, mine = sides(example_doc)
    theirs.extra["tracker"]["board"] = 5
    theirs.extra["sync"] = True
    mine.extra["tracker"]["project"] = "SRE"
    mine.extra["tracker"]["board"] = 6

    result = merge(example_doc, theirs, mine)

    [conflict] = result.conflicts
    assert (conflict.label, conflict.theirs, conflict.mine) == ("Extra: tracker.board", "5", "6")
    assert result.resolve({0: THEIRS}).extra == {"tracker": {"project": "SRE", "board": 5}, "sync": True}


def test_factors_without_an_id_added_on_both_sides_are_all_kept(example_doc):
    theirs, mine = sides(example_doc)
    theirs.factors.append(Factor(title="Added on disk", category=Category.PROCESS))
    mine.factors.append(Factor(title="Added here", category=Category.PROCESS))

    result = merge(example_doc, theirs, mine)

    assert result.clean
    assert [f.title for f in result.resolve().factors][-2:] == ["Added on disk", "Added here"]


def test_resolve_refuses_a_conflict_number_the_merge_does_not_have(example_doc):
    theirs, mine = sides(example_doc)
    theirs.meta.title, mine.meta.title = "On disk", "Here"
    result = merge(example_doc, theirs, mine)
    with pytest.raises(ValueError, match="no conflict number 1"):
        result.resolve({1: THEIRS})


def test_resolve_gives_a_new_document_each_time(example_doc):
    example_doc.extra = {"tracker": {"labels": ["a"]}}
    theirs, mine = sides(example_doc)
    theirs.meta.title = "On disk"
    result = merge(example_doc, theirs, mine)
    first = result.resolve()
    first.extra["tracker"]["labels"].append("b")
    assert result.resolve().extra == {"tracker": {"labels": ["a"]}}
    assert theirs.extra == {"tracker": {"labels": ["a"]}}


# --- Properties over random edits of the example -----------------------------------------------------------------

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BASE_DATA = to_data(loads(example_text()))

# Few distinct values, so that the two sides often pick the same field and the same or different values.
WORDS = st.sampled_from(["alpha", "beta", "gamma"])
SPOT = st.integers(min_value=0, max_value=4)  # a record among the first few (modulo the length of its list)
EVENT_SPOT = st.sampled_from([6, 7, 8, 9, 10])  # around the first milestones of the example
MOMENTS = [datetime(2026, 2, 12, 18, 0, tzinfo=UTC) + timedelta(minutes=11 * i) for i in range(4)]
CATEGORY_AREAS = [(category, area) for category, areas in AREAS_BY_CATEGORY.items() for area in (None, *areas[:2])]

EVENT_EDITS = st.one_of(
    st.tuples(st.just("add_event"), st.sampled_from(range(len(MOMENTS))), WORDS, st.sampled_from([None, *Milestone])),
    st.tuples(st.just("del_event"), EVENT_SPOT),
    st.tuples(st.just("edit_event"), EVENT_SPOT, st.sampled_from(["actor", "source", "evidence"]), WORDS),
    st.tuples(st.just("key_event"), EVENT_SPOT),
    st.tuples(st.just("move_milestone"), st.sampled_from([Milestone.DETECTED, Milestone.ACKNOWLEDGED]), EVENT_SPOT),
    st.tuples(st.just("clear_milestone"), st.sampled_from(Milestone)),
)
OTHER_EDITS = st.one_of(
    st.tuples(st.just("title"), WORDS),
    st.tuples(st.just("summary"), st.sampled_from(["what_happened", "root_cause"]), WORDS),
    st.tuples(st.just("add_factor"), st.sampled_from(range(len(CATEGORY_AREAS))), WORDS),
    st.tuples(st.just("del_factor"), SPOT),
    st.tuples(st.just("edit_factor"), SPOT, st.sampled_from(["title", "description"]), WORDS),
    st.tuples(st.just("recategorise"), st.sampled_from([0, 1]), st.sampled_from(range(len(CATEGORY_AREAS)))),
    st.tuples(st.just("add_action"), WORDS, SPOT),
    st.tuples(st.just("del_action"), SPOT),
    st.tuples(st.just("edit_action"), SPOT, st.sampled_from(["owner", "success"]), WORDS),
    st.tuples(st.just("action_status"), SPOT, st.sampled_from(ActionStatus)),
    st.tuples(st.just("action_factors"), SPOT, SPOT),
    st.tuples(st.just("add_lesson"), st.sampled_from(["went_well", "lucky"]), WORDS),
    st.tuples(st.just("del_lesson"), st.sampled_from(["went_well", "lucky"]), SPOT),
    st.tuples(st.just("edit_step"), SPOT, SPOT, WORDS),
    st.tuples(st.just("add_step"), SPOT, WORDS),
    st.tuples(st.just("extra"), st.sampled_from(["tracker", "sync"]), WORDS),
)
EDITS = st.lists(st.one_of(EVENT_EDITS, OTHER_EDITS), max_size=8)
# Edits that two sides easily make differently to the same place: for merges with many conflicts.
CONTESTED_EDITS = st.one_of(
    st.tuples(st.just("recategorise"), st.just(0), st.sampled_from(range(3, len(CATEGORY_AREAS)))),  # not technical
    st.tuples(st.just("move_milestone"), st.sampled_from([Milestone.DETECTED, Milestone.ACKNOWLEDGED]), EVENT_SPOT),
    st.tuples(st.just("edit_event"), st.just(8), st.just("actor"), WORDS),
    st.tuples(st.just("del_event"), st.just(8)),
    st.tuples(st.just("del_factor"), st.just(0)),
)
BUSY_EDITS = st.lists(st.one_of(EVENT_EDITS, OTHER_EDITS, CONTESTED_EDITS), min_size=3, max_size=8)


def edited(data: dict[str, Any], edits: list[tuple[Any, ...]]) -> Postmortem:
    """The document ``data`` with ``edits`` made to it, as the editor would make them."""
    doc = from_data(data)
    for edit in edits:
        apply_edit(doc, *edit)
    return from_data(to_data(doc))  # validated again, as a save and a load would


def apply_edit(doc: Postmortem, name: str, *args: Any) -> None:
    """Make one edit, named by the first item of an edit drawn from the strategies above."""

    def nth(records: list[Any], spot: int) -> int | None:
        return spot % len(records) if records else None

    if name == "title":
        doc.meta.title = args[0]
    elif name == "summary":
        setattr(doc.summary, args[0], args[1])
    elif name == "add_event":
        moment, text, milestone = args
        doc.add_event(event(MOMENTS[moment], text, milestone=milestone))
    elif name in ("del_event", "edit_event", "key_event") and (i := nth(doc.timeline, args[0])) is not None:
        if name == "del_event":
            del doc.timeline[i]
        elif name == "edit_event":
            setattr(doc.timeline[i], args[1], args[2])
        else:
            doc.timeline[i].key = not doc.timeline[i].key
    elif name == "move_milestone" and (i := nth(doc.timeline, args[1])) is not None:
        moved = doc.timeline[i].model_copy(update={"milestone": args[0]})
        doc.replace_event(i, moved)
    elif name == "clear_milestone" and (held := doc.milestone_event(args[0])) is not None:
        held.milestone = None
    elif name == "add_factor":
        category, area = CATEGORY_AREAS[args[0]]
        doc.factors.append(Factor(id=doc.next_factor_id(), title=args[1], category=category, area=area))
    elif name in ("del_factor", "edit_factor", "recategorise") and (i := nth(doc.factors, args[0])) is not None:
        if name == "del_factor":
            del doc.factors[i]
        elif name == "edit_factor":
            setattr(doc.factors[i], args[1], args[2])
        else:
            doc.factors[i] = recategorised(doc.factors[i], *CATEGORY_AREAS[args[1]])
    elif name == "add_action":
        refs = [doc.factors[args[1] % len(doc.factors)].id] if doc.factors else []
        doc.actions.append(ActionItem(id=doc.next_action_id(), action=args[0], factors=refs))
    elif (
        name in ("del_action", "edit_action", "action_status", "action_factors")
        and (i := nth(doc.actions, args[0])) is not None
    ):
        if name == "del_action":
            del doc.actions[i]
        elif name == "edit_action":
            setattr(doc.actions[i], args[1], args[2])
        elif name == "action_status":
            doc.actions[i].status = args[1]
        elif doc.factors:
            doc.actions[i].factors = [doc.factors[args[1] % len(doc.factors)].id]
    elif name == "add_lesson":
        getattr(doc.lessons, args[0]).append(args[1])
    elif name == "del_lesson" and (i := nth(getattr(doc.lessons, args[0]), args[1])) is not None:
        del getattr(doc.lessons, args[0])[i]
    elif name == "edit_step" and (i := nth(doc.whys, args[0])) is not None:
        if (j := nth(doc.whys[i].steps, args[1])) is not None:
            doc.whys[i].steps[j].because = args[2]
    elif name == "add_step" and (i := nth(doc.whys, args[0])) is not None:
        doc.whys[i].steps.append(WhyStep(why=args[1], because=args[1]))
    elif name == "extra":
        doc.extra = {**doc.extra, args[0]: args[1]}


def assert_merges_to(result: Merge, expected: str) -> None:
    """A clean merge that gives the document whose file is ``expected``, byte for byte."""
    assert result.clean and result.notes == ()
    assert dumps(result.resolve()) == expected


@SETTINGS
@given(EDITS)
def test_merging_a_document_with_itself_gives_it_back(edits):
    doc = edited(BASE_DATA, edits)
    assert_merges_to(merge(doc, doc, doc), dumps(doc))


@SETTINGS
@given(EDITS, EDITS)
def test_a_change_made_on_one_side_only_comes_through_exactly(base_edits, edits):
    base = edited(BASE_DATA, base_edits)
    changed = edited(to_data(base), edits)
    text = dumps(changed)
    assert_merges_to(merge(base, changed, base), text)
    assert_merges_to(merge(base, base, changed), text)


@SETTINGS
@given(EDITS)
def test_the_same_change_made_on_both_sides_is_taken_once(edits):
    changed = edited(BASE_DATA, edits)
    base = from_data(BASE_DATA)
    assert_merges_to(merge(base, changed, changed), dumps(changed))


@SETTINGS
@given(BUSY_EDITS, BUSY_EDITS, st.data())
def test_any_choice_of_sides_gives_a_valid_document_that_survives_the_file(theirs_edits, mine_edits, data):
    base = from_data(BASE_DATA)
    theirs, mine = edited(BASE_DATA, theirs_edits), edited(BASE_DATA, mine_edits)

    result = merge(base, theirs, mine)

    count = len(result.conflicts)
    choices = dict(enumerate(data.draw(st.lists(st.sampled_from(Side), min_size=count, max_size=count))))
    merged = result.resolve(choices)
    text = dumps(merged)
    assert loads(text) == merged
    assert dumps(result.resolve(choices)) == text  # the same choices, the same document
    by_default = result.resolve()
    sections = list(Postmortem.model_fields)
    order = [sections.index(top_level(c.location)) for c in result.conflicts]
    assert order == sorted(order)  # conflicts come in document order
    for conflict in result.conflicts:
        assert conflict.label and conflict.location
        parse_location(conflict.location)
        if top_level(conflict.location) != "extra":
            value_at(by_default, conflict.location)


@SETTINGS
@given(st.lists(EVENT_EDITS, max_size=6), st.lists(OTHER_EDITS, max_size=6))
def test_edits_to_different_parts_merge_cleanly_and_keep_both(theirs_edits, mine_edits):
    base = from_data(BASE_DATA)
    theirs, mine = edited(BASE_DATA, theirs_edits), edited(BASE_DATA, mine_edits)

    result = merge(base, theirs, mine)

    assert result.clean
    merged = result.resolve()
    assert merged.timeline == theirs.timeline
    assert merged.model_dump(exclude={"timeline"}) == mine.model_dump(exclude={"timeline"})


@SETTINGS
@given(st.lists(CONTESTED_EDITS, min_size=1, max_size=4), st.lists(CONTESTED_EDITS, min_size=1, max_size=4), st.data())
def test_edits_to_the_same_places_give_a_valid_document_whichever_sides_are_chosen(theirs_edits, mine_edits, data):
    base = from_data(BASE_DATA)
    result = merge(base, edited(BASE_DATA, theirs_edits), edited(BASE_DATA, mine_edits))

    count = len(result.conflicts)
    alternating = [{index: (THEIRS, MINE)[(index + start) % 2] for index in range(count)} for start in (0, 1)]
    drawn = dict(enumerate(data.draw(st.lists(st.sampled_from(Side), min_size=count, max_size=count))))
    for choices in (dict.fromkeys(range(count), THEIRS), *alternating, drawn):
        result.resolve(choices)  # validated: raises SchemaError if the merged document is not valid


def test_two_versions_without_a_common_one_conflict_where_they_differ(example_doc):
    theirs = example_doc.model_copy(deep=True)
    mine = example_doc.model_copy(deep=True)
    theirs.meta.title = "Checkout outage"
    mine.summary.resolution = "Rolled back the pool change."
    result = merge(None, theirs, mine)
    assert [conflict.label for conflict in result.conflicts] == ["Title", "Summary: resolution"]
    merged = result.resolve({0: Side.THEIRS})
    assert (merged.meta.title, merged.summary.resolution) == ("Checkout outage", "Rolled back the pool change.")
