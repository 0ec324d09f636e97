"""What each wizard step still lacks before the postmortem can be reviewed.

This is a short list of gaps for the step list and the Review step, not the
detailed wording and quality checks.
"""

from __future__ import annotations

from postmortem.models.document import Postmortem
from postmortem.models.enums import Milestone

REQUIRED_MILESTONES = (Milestone.STARTED, Milestone.DETECTED, Milestone.RESOLVED)


def missing_by_step(doc: Postmortem) -> dict[str, list[str]]:
    """Step id -> sentences naming what is missing (empty list when complete)."""
    return {
        "summary": _summary(doc),
        "impact": _impact(doc),
        "timeline": _timeline(doc),
        "factors": _factors(doc),
        "whys": _whys(doc),
        "actions": _actions(doc),
        "lessons": _lessons(doc),
    }


def _summary(doc: Postmortem) -> list[str]:
    gaps = []
    if doc.meta.severity is None:
        gaps.append("severity")
    if doc.meta.incident_date is None:
        gaps.append("incident date")
    if not doc.meta.authors:
        gaps.append("authors")
    for label, value in (
        ("what happened", doc.summary.what_happened),
        ("root cause", doc.summary.root_cause),
        ("resolution", doc.summary.resolution),
    ):
        if not value.strip():
            gaps.append(label)
    return gaps


def _impact(doc: Postmortem) -> list[str]:
    gaps = []
    if not doc.impact.users_affected.strip():
        gaps.append("users affected")
    if not doc.impact.customer_experience.strip():
        gaps.append("customer experience")
    if not doc.impact.services:
        gaps.append("services affected")
    return gaps


def _timeline(doc: Postmortem) -> list[str]:
    if not doc.timeline:
        return ["at least one event"]
    return [f"a '{m.value}' milestone" for m in REQUIRED_MILESTONES if doc.milestone_event(m) is None]


def _factors(doc: Postmortem) -> list[str]:
    return [] if doc.factors else ["at least one contributing factor"]


def _whys(doc: Postmortem) -> list[str]:
    if not any(chain.steps for chain in doc.whys):
        return ["a five-whys chain with at least one step"]
    unfinished = [str(i + 1) for i, chain in enumerate(doc.whys) if not chain.root_cause.strip()]
    return [f"a root cause for chain {', '.join(unfinished)}"] if unfinished else []


def _actions(doc: Postmortem) -> list[str]:
    if not doc.actions:
        return ["at least one action item"]
    gaps = []
    no_owner = [a.id or str(i + 1) for i, a in enumerate(doc.actions) if not a.owner.strip()]
    no_due = [a.id or str(i + 1) for i, a in enumerate(doc.actions) if a.due is None]
    if no_owner:
        gaps.append(f"an owner for {', '.join(no_owner)}")
    if no_due:
        gaps.append(f"a due date for {', '.join(no_due)}")
    return gaps


def _lessons(doc: Postmortem) -> list[str]:
    lessons = doc.lessons
    gaps = []
    if not lessons.went_well:
        gaps.append("what went well")
    if not lessons.went_poorly:
        gaps.append("what went poorly")
    if not lessons.key_learnings:
        gaps.append("key learnings")
    return gaps
