"""The words Markdown postmortems use: what a section is about by its heading, which milestone an event's
words suggest, and which time zone a timeline's note names."""

from __future__ import annotations

import re
from datetime import date

# A section's heading, lower-cased, without numbering or punctuation -> what it holds.
SECTION_KINDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "summary",
            "tl;dr",
            "tldr",
            "overview",
            "description",
            "executive summary",
            "incident summary",
            "what happened",
        ),
        "summary",
    ),
    **dict.fromkeys(("background", "context"), "background"),
    **dict.fromkeys(("impact", "customer impact", "user impact", "business impact", "impact assessment"), "impact"),
    **dict.fromkeys(("timeline", "timeline of events", "sequence of events", "chronology"), "timeline"),
    **dict.fromkeys(("root cause", "root causes", "root cause analysis", "cause"), "root cause"),
    **dict.fromkeys(("contributing factors", "causes", "contributing causes", "factors"), "factors"),
    **dict.fromkeys(("resolution", "how it was resolved"), "resolution"),
    **dict.fromkeys(("mitigation", "mitigations"), "mitigation"),
    **dict.fromkeys(("recovery",), "recovery"),
    **dict.fromkeys(
        (
            "action items",
            "actions",
            "follow-ups",
            "follow ups",
            "followups",
            "follow-up actions",
            "remediation",
            "remediations",
            "corrective actions",
            "corrective and preventative actions",
            "next steps",
        ),
        "actions",
    ),
    **dict.fromkeys(("lessons learned", "lessons", "learnings", "key learnings", "takeaways"), "lessons"),
    **dict.fromkeys(("what went well", "things that went well"), "went well"),
    **dict.fromkeys(
        (
            "what went wrong",
            "what went poorly",
            "what didn't go well",
            "what did not go well",
            "things that went wrong",
        ),
        "went poorly",
    ),
    **dict.fromkeys(("where we got lucky", "where we were lucky", "lucky"), "lucky"),
    **dict.fromkeys(("detection", "how it was detected", "how we found out"), "detection"),
    **dict.fromkeys(("attendees", "participants", "people involved", "responders"), "attendees"),
    **dict.fromkeys(("stats", "statistics", "metadata", "incident details", "details", "key figures"), "stats"),
    **dict.fromkeys(("communication", "customer communication", "communications"), "communication"),
}


def section_kind(heading: str) -> str | None:
    """What a heading's section holds, or None when it is not one a postmortem's mapping knows."""
    name = re.sub(r"[*_`]", "", heading).strip().lower()
    name = re.sub(r"^(\d+[.)]|[ivx]+\.)\s*", "", name)  # "3. Timeline", "iv. Impact"
    name = re.sub(r"\s*\(.*\)$", "", name).rstrip(":").strip()  # "Root cause(s)", "Timeline (UTC)"
    name = name.replace("’", "'")
    return SECTION_KINDS.get(name)


# The words that suggest an event marks a milestone, in the order the milestones come.
MILESTONE_WORDS: dict[str, re.Pattern[str]] = {
    "detected": re.compile(
        r"\b(alert(?:ed|s)? (?:fired|triggered|went off)|fired an alert|detected|customers? reported|"
        r"first (?:customer )?reports?|noticed)\b",
        re.IGNORECASE,
    ),
    "acknowledged": re.compile(
        r"\b(acknowledged|ack(?:ed|'d)|incident declared|declared an incident)\b", re.IGNORECASE
    ),
    "mitigated": re.compile(
        r"\b(mitigated|mitigation (?:applied|in place)|rolled back|rollback (?:complete|finished|done)|"
        r"back to normal|recovered|workaround (?:applied|in place))\b",
        re.IGNORECASE,
    ),
    "resolved": re.compile(
        r"\b(resolved|incident closed|closed the incident|all clear|fully recovered)\b", re.IGNORECASE
    ),
}

# Zone names a timeline's note may use, beyond IANA names.
ZONE_WORDS: dict[str, str] = {
    "utc": "UTC",
    "gmt": "UTC",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "ist": "Asia/Kolkata",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "us/pacific": "America/Los_Angeles",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "us/eastern": "America/New_York",
    "jst": "Asia/Tokyo",
    "aest": "Australia/Sydney",
    "bst": "Europe/London",
}


_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def date_in(text: str) -> date | None:
    """The first ISO date (2026-03-14) a text gives, if it is a real day."""
    match = _DATE.search(text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
