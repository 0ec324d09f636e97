"""What each wizard step still lacks, as content is added."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from postmortem.models.completeness import REQUIRED_MILESTONES, missing_by_step
from postmortem.models.document import (
    ActionItem,
    Factor,
    ImpactedService,
    Meta,
    Postmortem,
    TimelineEvent,
    WhyChain,
    WhyStep,
)
from postmortem.models.enums import Category, Milestone, Severity

STEPS = ["summary", "impact", "timeline", "factors", "whys", "actions", "lessons"]


def empty() -> Postmortem:
    return Postmortem(meta=Meta(title="t"))


def gaps(doc: Postmortem, step: str) -> list[str]:
    return missing_by_step(doc)[step]


def event(minute: int, milestone: Milestone | None = None) -> TimelineEvent:
    at = datetime(2026, 1, 31, 10, 0, tzinfo=UTC) + timedelta(minutes=minute)
    return TimelineEvent(at=at, event=f"event {minute}", milestone=milestone)


def test_every_step_is_listed_in_wizard_order():
    assert list(missing_by_step(empty())) == STEPS


def test_an_empty_document_lacks_everything():
    assert missing_by_step(empty()) == {
        "summary": ["severity", "incident date", "authors", "what happened", "root cause", "resolution"],
        "impact": ["users affected", "customer experience", "services affected"],
        "timeline": ["at least one event"],
        "factors": ["at least one contributing factor"],
        "whys": ["a five-whys chain with at least one step"],
        "actions": ["at least one action item"],
        "lessons": ["what went well", "what went poorly", "key learnings"],
    }


def test_summary_gaps_disappear_one_by_one():
    doc = empty()
    doc.meta.severity = Severity.SEV2
    assert gaps(doc, "summary") == ["incident date", "authors", "what happened", "root cause", "resolution"]
    doc.meta.incident_date = date(2026, 1, 31)
    doc.meta.authors = ["SRE on call"]
    assert gaps(doc, "summary") == ["what happened", "root cause", "resolution"]
    doc.summary.what_happened = "Checkout was slow."
    doc.summary.root_cause = "   "  # blank text is still missing
    assert gaps(doc, "summary") == ["root cause", "resolution"]
    doc.summary.root_cause = "A stale default."
    doc.summary.resolution = "Rolled back."
    assert gaps(doc, "summary") == []


def test_summary_does_not_need_customer_impact():
    doc = empty()
    doc.summary.customer_impact = "Slow pages"
    assert "customer impact" not in " ".join(gaps(doc, "summary"))


def test_impact_gaps():
    doc = empty()
    doc.impact.users_affected = "12%"
    assert gaps(doc, "impact") == ["customer experience", "services affected"]
    doc.impact.customer_experience = "\n"
    assert gaps(doc, "impact") == ["customer experience", "services affected"]
    doc.impact.customer_experience = "Slow checkout"
    doc.impact.services = [ImpactedService(name="checkout")]
    assert gaps(doc, "impact") == []


def test_timeline_needs_events_then_the_required_milestones():
    assert REQUIRED_MILESTONES == (Milestone.STARTED, Milestone.DETECTED, Milestone.RESOLVED)
    doc = empty()
    doc.add_event(event(0))
    assert gaps(doc, "timeline") == [
        "a 'started' milestone",
        "a 'detected' milestone",
        "a 'resolved' milestone",
    ]
    doc.add_event(event(5, Milestone.DETECTED))
    assert gaps(doc, "timeline") == ["a 'started' milestone", "a 'resolved' milestone"]
    doc.add_event(event(1, Milestone.ACKNOWLEDGED))
    doc.add_event(event(2, Milestone.MITIGATED))
    assert gaps(doc, "timeline") == ["a 'started' milestone", "a 'resolved' milestone"]
    doc.replace_event(0, event(0, Milestone.STARTED))
    doc.add_event(event(60, Milestone.RESOLVED))
    assert gaps(doc, "timeline") == []


def test_timeline_gap_comes_back_when_a_milestone_moves_away():
    doc = empty()
    doc.add_event(event(0, Milestone.STARTED))
    doc.add_event(event(5, Milestone.DETECTED))
    doc.add_event(event(9, Milestone.RESOLVED))
    assert gaps(doc, "timeline") == []
    doc.replace_event(2, event(9))
    assert gaps(doc, "timeline") == ["a 'resolved' milestone"]


def test_factors_gap():
    doc = empty()
    doc.factors.append(Factor(title="No canary", category=Category.PROCESS))
    assert gaps(doc, "factors") == []


def test_whys_need_a_step_then_a_root_cause_for_each_chain():
    doc = empty()
    doc.whys.append(WhyChain(problem="Checkout was slow"))
    assert gaps(doc, "whys") == ["a five-whys chain with at least one step"]
    doc.whys[0].steps.append(WhyStep(why="Why?", because="Pool too small"))
    assert gaps(doc, "whys") == ["a root cause for chain 1"]
    doc.whys.append(WhyChain(problem="Alert was late"))
    assert gaps(doc, "whys") == ["a root cause for chain 1, 2"]
    doc.whys[0].root_cause = "No review of defaults"
    assert gaps(doc, "whys") == ["a root cause for chain 2"]
    doc.whys[1].root_cause = " "
    assert gaps(doc, "whys") == ["a root cause for chain 2"]
    doc.whys[1].root_cause = "Thresholds never revisited"
    assert gaps(doc, "whys") == []


def test_actions_need_owners_and_due_dates_named_by_id_or_position():
    doc = empty()
    doc.actions.append(ActionItem(id="A1", action="Add a canary"))
    doc.actions.append(ActionItem(action="Alert on saturation"))
    assert gaps(doc, "actions") == ["an owner for A1, 2", "a due date for A1, 2"]
    doc.actions[0].owner = "Payments team"
    doc.actions[1].due = date(2026, 2, 7)
    assert gaps(doc, "actions") == ["an owner for 2", "a due date for A1"]
    doc.actions[1].owner = "  "
    assert gaps(doc, "actions") == ["an owner for 2", "a due date for A1"]
    doc.actions[1].owner = "SRE"
    doc.actions[0].due = date(2026, 2, 14)
    assert gaps(doc, "actions") == []


def test_lessons_gaps_but_lucky_is_optional():
    doc = empty()
    doc.lessons.lucky = ["Low traffic"]
    assert gaps(doc, "lessons") == ["what went well", "what went poorly", "key learnings"]
    doc.lessons.went_poorly = ["Late alert"]
    assert gaps(doc, "lessons") == ["what went well", "key learnings"]
    doc.lessons.went_well = ["Fast rollback"]
    doc.lessons.key_learnings = ["Review defaults"]
    assert gaps(doc, "lessons") == []


def test_a_complete_document_has_no_gaps():
    doc = empty()
    doc.meta.severity = Severity.SEV1
    doc.meta.incident_date = date(2026, 1, 31)
    doc.meta.authors = ["SRE"]
    doc.summary.what_happened = doc.summary.root_cause = doc.summary.resolution = "text"
    doc.impact.users_affected = doc.impact.customer_experience = "text"
    doc.impact.services = [ImpactedService(name="api")]
    for minute, milestone in ((0, Milestone.STARTED), (3, Milestone.DETECTED), (30, Milestone.RESOLVED)):
        doc.add_event(event(minute, milestone))
    doc.factors = [Factor(title="f", category=Category.TECHNICAL)]
    doc.whys = [WhyChain(steps=[WhyStep(why="w")], root_cause="r")]
    doc.actions = [ActionItem(action="a", owner="o", due=date(2026, 2, 1))]
    doc.lessons.went_well = doc.lessons.went_poorly = doc.lessons.key_learnings = ["x"]

    assert missing_by_step(doc) == {step: [] for step in STEPS}
