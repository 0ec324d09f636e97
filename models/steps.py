"""The wizard's steps in order: their ids and titles, and the step where each part of the file is written."""

from __future__ import annotations

from dataclasses import dataclass

from postmortem.models.locations import top_level


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    short_title: str  # in the step list
    questions: tuple[str, ...]  # what to ask of the step's content before calling it done (its help)


STEPS: tuple[Step, ...] = (
    Step(
        "summary",
        "Summary & details",
        "Summary",
        (
            "Could a reader from another team tell, from the summary alone, what broke, for whom and for how long?",
            "Does it say what the system did rather than who did what, with roles instead of names?",
            "Are the severity and the status the ones the team agreed on, not a first guess?",
        ),
    ),
    Step(
        "impact",
        "Impact",
        "Impact",
        (
            "Who noticed the incident, and what could they not do while it lasted?",
            "Is there a figure behind each claim (people, requests, orders, money, minutes), estimates marked?",
            "Did it touch customers, partners or a promise such as an SLA?",
        ),
    ),
    Step(
        "timeline",
        "Timeline",
        "Timeline",
        (
            "Can a reader follow cause and effect from the first signal to the all-clear?",
            "Are detection, mitigation and resolution marked, so that the durations can be worked out?",
            "Does each event say what people knew at that moment, not what was learned later?",
        ),
    ),
    Step(
        "factors",
        "Contributing factors",
        "Factors",
        (
            "Which conditions let the trigger happen or made the damage larger: tools, process, organisation?",
            "Would another reasonable person, in the same place with the same information, have done the same?",
            "Is each factor something the team or the organisation can change?",
        ),
    ),
    Step(
        "whys",
        "Five whys",
        "Five whys",
        (
            "Does each answer explain the one above it, and stay with how the system works rather than people?",
            "Does each chain end at something the organisation can change, not at a person?",
        ),
    ),
    Step(
        "actions",
        "Action items",
        "Actions",
        (
            "Is each action specific, with an owner (a team or a role), a due date and a way to tell it worked?",
            "Does every important contributing factor have at least one action?",
            "Are there few enough actions for them to get done?",
        ),
    ),
    Step(
        "lessons",
        "Lessons learned",
        "Lessons",
        (
            "What went well that the team should keep doing?",
            "Where did the team get lucky, and what would have happened without that luck?",
        ),
    ),
    Step(
        "review",
        "Review",
        "Review",
        (
            "Does the document read well to someone who was not there?",
            "Is each finding below either fixed or left on purpose?",
        ),
    ),
)
STEP_IDS: tuple[str, ...] = tuple(step.id for step in STEPS)
STEP_BY_ID: dict[str, Step] = {step.id: step for step in STEPS}
# The step that lists every finding, and the one for findings about the document as a whole.
REVIEW_STEP = "review"

# The step where each top-level table or list of the file is written.
STEP_OF_TABLE = {
    "meta": "summary",
    "summary": "summary",
    "impact": "impact",
    "timeline": "timeline",
    "factors": "factors",
    "whys": "whys",
    "actions": "actions",
    "lessons": "lessons",
    "response": "lessons",
    "links": "lessons",
}


def step_of(location: str) -> str:
    """The step where the value at a location is written (the Review step for anything else)."""
    return STEP_OF_TABLE.get(top_level(location), REVIEW_STEP)
