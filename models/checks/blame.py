"""Wording that blames people instead of explaining how the system let an action become an incident.

Each family has its own rule id. Precision matters more than recall: a phrase
in quotes, a negated one ("this was not human error"), or one whose subject is
a system ("the health check failed to detect") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postmortem.models.checks.findings import Finding, Level
from postmortem.models.checks.names import FIRST_NAMES, given_names

_PERSON_WORDS = (
    r"engineers?|developers?|devs?|operators?|admins?|administrators?|interns?|new hires?|contractors?|dbas?"
    r"|sres?|on-?call(?: engineer| person| responder)?|responders?|reviewers?|authors?|managers?"
    r"|release managers?|someone|somebody|he|she|they|i|team|colleagues?|staff|employees?|person|people"
)
PERSON = re.compile(rf"\b(?:{_PERSON_WORDS})\b", re.IGNORECASE)
SYSTEM = re.compile(
    r"\b(?:system|service|services|check|checks|health ?check|alert|alerts|alerting|monitor\w*|script|job|cron"
    r"|pipeline|tool|tooling|deploy(?:er|ment)?|canary|server|host|node|pod|pods|cluster|database|db|cache|queue"
    r"|proxy|load balancer|balancer|api|library|process|config\w*|change|migration|flag|dashboard|runbook|bot"
    r"|scheduler|controller|daemon|agent|worker|workers|storm|dependency|provider|network|disk|automation"
    r"|kubernetes|postgres\w*|mysql|redis|kafka|nginx|terraform|jenkins|github|gitlab|aws|gcp|azure)\b",
    re.IGNORECASE,
)
# A capitalised word; a match only counts when it is a given name (checked in _excused), which keeps
# the patterns small and "Traffic caused…" out.
_NAME = r"[A-Z][a-z]+"
_NEGATION = re.compile(
    r"\b(?:not|no|nobody|never|without|neither|nor|isn't|wasn't|aren't|weren't|rather than|instead of|no one)\b"
    r"|n't\b",
    re.IGNORECASE,
)
_META = re.compile(r"\b(?:term|phrase|word|label|so-called|wording)\b", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|`[^`]*`|(?<!\w)'[^']*'(?!\w)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")

_DESTRUCTIVE = (
    r"caused|broke|deleted|dropped|misconfigured|took down|brought down|messed up|wiped|overwrote"
    r"|corrupted|killed|truncated|destroyed"
)
_ROUTINE = r"pushed|ran|merged|deployed|released|applied|shipped"
_CARELESS_HOW = r"\b(?:bad|wrong|untested|unreviewed|without|instead of|by mistake|by accident|accidentally)\b"
_HUMAN_ACTS = (
    r"follow|notice|escalate|page|check|test|review|read|update|communicate|acknowledge|remove|add"
    r"|renew|verify|tell|inform|wait|ask|document|respond|answer|reply|look|see|watch|monitor|report"
)


@dataclass(frozen=True)
class Family:
    rule: str
    severity: Level
    pattern: re.Pattern[str]
    message: str
    suggestion: str
    # Lower-case words of which the text must hold one before the (slower) pattern is tried.
    hint: tuple[str, ...]


FAMILIES = (
    Family(
        "blame.human-error",
        Level.ERROR,
        re.compile(r"\b(?:human|operator|user|engineer|pilot|manual|personnel)[ -]errors?\b", re.IGNORECASE),
        "names human error as a cause",
        "Say which condition made the slip likely or its effect large: the interface, a missing check, "
        "time pressure, an unclear runbook.",
        ("error",),
    ),
    Family(
        "blame.hindsight",
        Level.WARNING,
        re.compile(
            r"\bshould(?:n't| not| never)? have (?!(?:a|an|the|to|some|more|one|no|any)\b)|\bshould(?:n't)?'ve\b|\bcould have (?:easily|simply|just)\b"
            r"|\bif only\b|\bought to have\b|\bwould have been (?:obvious|clear|easy)\b"
            r"|\b(?:any|a) (?:competent|good|careful|reasonable|experienced) \w+ would have\b|\bobviously\b",
            re.IGNORECASE,
        ),
        "judges with hindsight",
        "Describe what people knew and saw at the time, and what made another choice hard to see then.",
        ("should", "could have", "if only", "ought", "would have", "obviously"),
    ),
    Family(
        "blame.judgement",
        Level.ERROR,
        re.compile(
            r"\b(?:careless\w*|negligen\w+|sloppy|sloppiness|lazy|laziness|incompeten\w+|reckless\w*"
            r"|irresponsibl\w+|stupid|dumb|idiot\w*|inattentive)\b",
            re.IGNORECASE,
        ),
        "judges a person's character",
        "Replace the judgement with facts: what was done, under which conditions, with which information.",
        (
            "careless",
            "negligen",
            "sloppi",
            "sloppy",
            "lazy",
            "lazi",
            "incompeten",
            "reckless",
            "irresponsib",
            "stupid",
            "dumb",
            "idiot",
            "inattentive",
        ),
    ),
    Family(
        "blame.failed-to",
        Level.WARNING,
        re.compile(r"\b(failed|forgot|neglected|omitted|did not bother|didn't bother) to (\w+)", re.IGNORECASE),
        "says a person failed to do something",
        'Describe what the process or tool expected and why it did not happen, e.g. "the runbook step was '
        'not reached because…".',
        ("failed to", "forgot to", "neglected to", "omitted to", "bother to"),
    ),
    Family(
        "blame.punishment",
        Level.ERROR,
        re.compile(
            r"\bdisciplinary\b|\bheld accountable\b|\bhold\b[^.]{0,40}?\baccountable\b|\bfault of\b|\bat fault\b"
            r"|\bto blame\b|\bblame (?:lies|rests|falls)\b|\breprimand\w*|\bwritten up\b|\bpunish\w*",
            re.IGNORECASE,
        ),
        "looks for someone to punish",
        "A postmortem looks for causes in the system; describe the safeguard that was missing instead.",
        ("disciplin", "accountable", "fault", "blame", "reprimand", "written up", "punish"),
    ),
    Family(
        "blame.person-cause",
        Level.ERROR,
        re.compile(
            rf"(?:\b(?i:{_PERSON_WORDS})\b|\b{_NAME}(?:'s \w+)?)(?:\s+(?:on|from|in) \w+)?"
            rf"\s+(?:(?:accidentally|just|then)\s+)?(?:{_DESTRUCTIVE})\b"
            rf"|\b(?i:caused|triggered) by (?:the |an? )?(?:(?i:{_PERSON_WORDS})|{_NAME})\b(?![ -]errors?\b)"
            rf"|\b(?i:because of) {_NAME}\b"
            rf"|(?:\b(?i:{_PERSON_WORDS})\b|\b{_NAME})\s+(?:{_ROUTINE})\b[^.]*{_CARELESS_HOW}",
        ),
        "names a person as the cause",
        "Describe what let this action become an outage (a tool, a default, a missing safeguard) and use a "
        "role instead of a name.",
        (*_DESTRUCTIVE.split("|"), *_ROUTINE.split("|"), "triggered", "because of"),
    ),
)


def _clause_before(sentence: str, start: int) -> str:
    """The words before ``start`` in the same clause: where the subject of the match is."""
    return re.split(r"[,;:()]|\b(?:and|but|because|so|when|while|after|as)\b", sentence[:start])[-1]


def _negated(sentence: str, start: int) -> bool:
    words = sentence[:start].split()[-5:]
    return _NEGATION.search(" ".join(words)) is not None


def _excused(family: Family, sentence: str, match: re.Match[str]) -> bool:
    """Whether a match is not blame after all: quoted, negated, about a term, or about a system."""
    start = match.start()
    if any(q.start() <= start < q.end() for q in _QUOTED.finditer(sentence)):
        return True
    if family.rule in ("blame.human-error", "blame.punishment", "blame.judgement") and _negated(sentence, start):
        return True
    if family.rule == "blame.human-error" and _META.search(sentence[:start].split(".")[-1][-40:]):
        return True
    subject = _clause_before(sentence, start)
    if family.rule == "blame.hindsight":
        return SYSTEM.search(subject) is not None and PERSON.search(subject) is None
    if family.rule == "blame.failed-to":
        if SYSTEM.search(subject):
            return True
        if PERSON.search(subject):
            return False
        human_verb = match.group(1).lower() not in ("failed", "omitted")
        acts = re.fullmatch(rf"(?:{_HUMAN_ACTS})\w*", match.group(2).lower()) is not None
        last = subject.split()[-1:] or [""]
        named = last[0] in FIRST_NAMES
        return not (human_verb or (named and acts))
    if family.rule == "blame.person-cause":
        said = match.group(0)
        if SYSTEM.fullmatch(said.split()[0].lower().removesuffix("'s")) is not None:
            return True
        return PERSON.search(said) is None and not given_names(said)
    return False


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def blame_in(text: str) -> Iterator[tuple[Family, str]]:
    """Each blaming family found in ``text`` (once per sentence), with the words that matched."""
    lowered = text.lower()
    families = [family for family in FAMILIES if any(word in lowered for word in family.hint)]
    if not families:
        return
    for sentence in sentences(text):
        for family in families:
            for match in family.pattern.finditer(sentence):
                if not _excused(family, sentence, match):
                    yield family, match.group(0)
                    break


def check_text(location: str, text: str) -> Iterator[Finding]:
    for family, words in blame_in(text):
        yield Finding(family.rule, family.severity, location, f'"{words.strip()}" {family.message}', family.suggestion)
