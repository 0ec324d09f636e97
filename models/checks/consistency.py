"""Parts of the document that contradict each other: milestone order, window, references, ids."""

from __future__ import annotations

from collections.abc import Iterator

from postmortem.models.checks.findings import Finding, Level
from postmortem.models.checks.names import is_personal, names_in
from postmortem.models.document import Postmortem
from postmortem.models.enums import EventKind, Milestone
from postmortem.models.metrics import milestone_order_problems

_BEFORE_START_IS_FINE = (EventKind.PRECURSOR, EventKind.TRIGGER, EventKind.NOTE)
_AFTER_END_IS_FINE = (EventKind.NOTE, EventKind.COMMUNICATION, EventKind.RECOVERY, EventKind.RESOLUTION)


def check_consistency(doc: Postmortem) -> Iterator[Finding]:
    for problem in milestone_order_problems(doc):
        yield Finding(
            "consistency.milestone-order",
            Level.ERROR,
            "timeline",
            f"milestones out of order: {problem}",
            "Check the times of the milestone events, or move the milestone to the right event.",
        )
    yield from _impact_after_the_end(doc)
    yield from _outside_window(doc)
    yield from _references(doc)
    yield from _people_in_timeline(doc)


def _impact_after_the_end(doc: Postmortem) -> Iterator[Finding]:
    began = doc.impact.started_at
    if began is None:
        return
    for milestone in (Milestone.MITIGATED, Milestone.RESOLVED):
        event = doc.milestone_event(milestone)
        if event is not None and began > event.at:
            yield Finding(
                "consistency.impact-start",
                Level.WARNING,
                "impact.started_at",
                f"the impact began after the '{milestone.value}' milestone",
                "Check the time the impact began, or the time of that milestone's event.",
            )
            return


def _outside_window(doc: Postmortem) -> Iterator[Finding]:
    started, resolved = doc.milestone_event(Milestone.STARTED), doc.milestone_event(Milestone.RESOLVED)
    # Events after the impact began are within the incident, even before the started milestone.
    starts = [doc.impact.started_at] + ([started.at] if started else [])
    start = min((at for at in starts if at is not None), default=None)
    for index, event in enumerate(doc.timeline):
        if start is not None and event.at < start and event.kind not in _BEFORE_START_IS_FINE:
            yield Finding(
                "consistency.outside-window",
                Level.INFO,
                f"timeline[{index}].at",
                f"a {event.kind.value} event before the incident started",
                "If the incident began earlier, move the started milestone or set when the impact"
                " began (Impact step); else call it a precursor.",
            )
        elif resolved and event.at > resolved.at and event.kind not in _AFTER_END_IS_FINE:
            yield Finding(
                "consistency.outside-window",
                Level.INFO,
                f"timeline[{index}].at",
                f"a {event.kind.value} event after the incident was resolved",
                "If the incident went on, move the resolved milestone to the event that ended it.",
            )


def _references(doc: Postmortem) -> Iterator[Finding]:
    factor_ids = [factor.id for factor in doc.factors if factor.id]
    for index, factor_id in enumerate(factor_ids):
        if factor_id in factor_ids[:index]:
            yield Finding(
                "consistency.duplicate-id",
                Level.ERROR,
                f"factors[{index}].id",
                f"factor id {factor_id} is used twice",
                "Give each factor its own id.",
            )
    seen: set[str] = set()
    for index, action in enumerate(doc.actions):
        if action.id and action.id in seen:
            yield Finding(
                "consistency.duplicate-id",
                Level.ERROR,
                f"actions[{index}].id",
                f"action id {action.id} is used twice",
                "Give each action its own id.",
            )
        seen.add(action.id)
        unknown = [ref for ref in action.factors if ref not in factor_ids]
        if unknown:
            yield Finding(
                "consistency.unknown-factor",
                Level.ERROR,
                f"actions[{index}].factors",
                (
                    "refers to factors that do not exist: "
                    if len(unknown) > 1
                    else "refers to a factor that does not exist: "
                )
                + ", ".join(unknown),
                "Pick factor ids from the Contributing factors step.",
            )


def _people_in_timeline(doc: Postmortem) -> Iterator[Finding]:
    for index, event in enumerate(doc.timeline):
        if is_personal(event.actor):
            yield Finding(
                "blame.name",
                Level.INFO,
                f"timeline[{index}].actor",
                f"the actor {event.actor!r} is a person",
                "Use the role they had (on-call SRE, incident commander) or the system that acted.",
            )
        mentioned = names_in(event.event)
        if mentioned:
            yield Finding(
                "blame.name",
                Level.INFO,
                f"timeline[{index}].event",
                f"names {', '.join(dict.fromkeys(mentioned))}",
                "Name the role instead of the person.",
            )
