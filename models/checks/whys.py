"""Five whys: chains that stop too early, or stop at a person instead of the system."""

from __future__ import annotations

import re
from collections.abc import Iterator

from postmortem.models.checks.blame import PERSON, SYSTEM, blame_in
from postmortem.models.checks.findings import Finding, Level
from postmortem.models.checks.names import given_names
from postmortem.models.document import Postmortem

MIN_STEPS = 3
_PERSONAL_FAMILIES = {"blame.human-error", "blame.person-cause", "blame.judgement", "blame.failed-to"}


# "No team…", "none of the engineers…": an absence, which is about the organisation.
_ABSENT = re.compile(r"\b(?:no|none of the|not a single|not one|without an?|without any)\s+(?:\S+\s+)?$", re.IGNORECASE)
# A person word used as a modifier of something the organisation sets up: "the on-call rota", "team charter".
_ORGANISED = re.compile(
    r"\s*(?:rota|rotation|roster|schedule|shifts?|policy|policies|process|handbook|training|budget|channel|calendar"
    r"|staffing|headcount|load|workload|charter|structure|size|capacity|hand-?over|guide|onboarding|priorities"
    r"|boundaries|ownership)\b",
    re.IGNORECASE,
)
# What the organisation gave or asked of people: time, training, ownership, staffing.
_CONDITIONS = re.compile(
    r"\s+(?:(?:had|has|have)\s+(?:no|not enough|too little|too much|too many|only one|only a|a single|little)\b"
    r"|(?:had|has|have)\s+(?:not\s+|never\s+)?(?:been\s+)?(?:trained|given|told|shown|staffed)\b|lacked\b|lacks\b|lack\b"
    r"|owned\b|owns\b|own\b|could not\b|couldn't\b|(?:was|were) unable to\b"
    r"|(?:was|were|is|are|had been|has been|have been)\s+(?:not\s+|never\s+|only\s+)?(?:trained|given|told|shown"
    r"|staffed|understaffed|short-staffed|overloaded|stretched|responsible|assigned|expected|asked|required|allowed"
    r"|able|new|too few|too small|spread|split|reorganised|reorganized)\b)",
    re.IGNORECASE,
)


def _about_the_organisation(opening: str, person: re.Match[str]) -> bool:
    """Whether the person in an answer's opening stands for the organisation: "No team owned…", "The on-call
    rota had…", "The team had no time…", "Engineers had not been trained…"."""
    after = opening[person.end() :]
    return (
        _ABSENT.search(opening[: person.start()]) is not None
        or _ORGANISED.match(after) is not None
        or _CONDITIONS.match(after) is not None
    )


def ends_at_person(answer: str) -> bool:
    """Whether the last answer of a chain is about a person rather than the system."""
    if any(family.rule in _PERSONAL_FAMILIES for family, _ in blame_in(answer)):
        return True
    opening = " ".join(answer.split()[:8])
    names = given_names(opening)
    person = PERSON.search(opening)
    if person is not None and person.start() > len(" ".join(answer.split()[:4])):
        person = None
    if person is not None and _about_the_organisation(opening, person):
        return False
    if person is None and names:
        person = re.search(rf"\b{names[0]}\b", " ".join(answer.split()[:4]))
    # The answer opens with a person ("The on-call engineer…", "Bob…") and no system before them.
    return person is not None and SYSTEM.search(opening[: person.start()]) is None


def check_whys(doc: Postmortem) -> Iterator[Finding]:
    for index, chain in enumerate(doc.whys):
        answered = sum(1 for step in chain.steps if step.because.strip())
        if answered < MIN_STEPS:
            yield Finding(
                "whys.short",
                Level.WARNING,
                f"whys[{index}]",
                f"the chain has {answered} answered why{'s' if answered != 1 else ''}",
                f"Keep asking until the answer is about the system; most chains need {MIN_STEPS} to 5 steps.",
            )
        answered_at = [i for i, step in enumerate(chain.steps) if step.because.strip()]
        if chain.root_cause.strip():
            location, last = f"whys[{index}].root_cause", chain.root_cause
        elif answered_at:
            location, last = f"whys[{index}].steps[{answered_at[-1]}].because", chain.steps[answered_at[-1]].because
        else:
            continue
        if ends_at_person(last):
            yield Finding(
                "whys.ends-at-person",
                Level.ERROR,
                location,
                "the chain ends at a person or at human error",
                "Ask once more: what in the tools, process or organisation let this happen?",
            )
