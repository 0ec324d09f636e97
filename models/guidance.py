"""Guiding questions shown while an author looks for contributing factors."""

from __future__ import annotations

from postmortem.models.enums import Area, Category

CATEGORY_QUESTIONS: dict[Category, str] = {
    Category.TECHNICAL: "Which parts of the system behaved in a way that let this happen?",
    Category.PROCESS: "Which of our ways of working let the problem through or slowed the response?",
    Category.ORGANIZATIONAL: "What about how we are organised made the right action harder?",
}

AREA_QUESTIONS: dict[Area, str] = {
    Area.CODE: "Which code path behaved unexpectedly, and why did it seem safe?",
    Area.CONFIG: "Which setting was involved, and how is a change to it checked?",
    Area.INFRASTRUCTURE: "Which capacity limit or single point of failure was reached?",
    Area.DEPENDENCIES: "Which service or vendor outside our control played a part?",
    Area.TESTING: "Which situation did no test exercise?",
    Area.REVIEW: "What did the review not show to the people reviewing?",
    Area.DEPLOYMENT: "How did the rollout expose everyone at once, and how fast could it be undone?",
    Area.MONITORING: "What was not watched or alerted on?",
    Area.RESPONSE: "What slowed diagnosis or mitigation once we knew?",
    Area.KNOWLEDGE: "What did the people involved not know, and where could they have learned it?",
    Area.COMMUNICATION: "Which information did not reach the people who needed it in time?",
    Area.RESOURCES: "Which limits of people, time or budget were in play?",
    Area.INCENTIVES: "Which pressures or goals made the risky path look reasonable?",
}
