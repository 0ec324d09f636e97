"""Levels, the words that make a record worth a look, and a guess at its event kind."""

from __future__ import annotations

import re

from postmortem.models.enums import EventKind

# Levels in rising order; a record at WARNING or above becomes a candidate.
LEVELS = ("debug", "info", "notice", "warning", "error", "critical")
RANK = {name: rank for rank, name in enumerate(LEVELS)}
WARNING = RANK["warning"]
ALARMING = frozenset(name for name in LEVELS if RANK[name] >= WARNING)

# What log lines call their levels, and the level each word means.
_LEVEL_WORDS = {
    "trace": "debug",
    "debug": "debug",
    "dbug": "debug",
    "fine": "debug",
    "info": "info",
    "inf": "info",
    "information": "info",
    "notice": "notice",
    "warn": "warning",
    "warning": "warning",
    "wrn": "warning",
    "err": "error",
    "error": "error",
    "eror": "error",
    "severe": "error",
    "crit": "critical",
    "critical": "critical",
    "fatal": "critical",
    "alert": "critical",
    "emerg": "critical",
    "emergency": "critical",
    "panic": "critical",
}
LEVEL_OF_WORD = {word.encode(): level for word, level in _LEVEL_WORDS.items()}  # as read from bytes, lower-cased
LEVEL_WORD = re.compile(rb"(?i)\b(" + b"|".join(w.encode() for w in _LEVEL_WORDS) + rb")\b")

# Upper-case level words, as scanned for in raw text (lower-case ones are too common in messages).
HIGH_LEVEL_WORDS = r"\b(?:WARN(?:ING)?|ERR(?:OR)?|CRIT(?:ICAL)?|FATAL|ALERT|EMERG(?:ENCY)?|SEVERE|PANIC)\b"
# Level words in any case where a log puts its level: after a marker ([error], level=warn, <warning>,
# "level":"error", "app: error:") or right after the timestamp ("...19:08:01Z error ...").
MARKED_LEVEL_WORDS = (
    r"(?i:(?:[\[<(|:=\"]\s*|[\dZ]\]?\s+)(?:warn(?:ing)?|err(?:or)?|crit(?:ical)?|fatal|alert|emerg(?:ency)?"
    r"|severe|panic)\b)"
)
# Changes, deploys, rollbacks, restarts, failovers, alerts and pages (matched in any case).
CHANGE_WORDS = (
    r"(?i:\b(?:deploy\w*|redeploy\w*|roll(?:ed|ing)?[ -]?(?:back|out)\w*|revert\w*|restart\w*|reboot\w*"
    r"|fail(?:ed|ing)?[ -]?over\w*|alert\w*|paged|paging|pager\w*|chang(?:e|ed|es|ing)\b"
    r"|releas(?:e|ed|ing)\b|migrat\w*|config(?:uration)? (?:change|update|push)\w*))"
)

# Destructive and privileged commands: changes worth reviewing whatever their level.
DESTRUCTIVE_WORDS = (
    r"(?:\brm\s+-(?:[a-zA-Z]*r[a-zA-Z]*f|[a-zA-Z]*f[a-zA-Z]*r)\b|\b(?i:drop\s+(?:table|database|schema|index))\b"
    r"|\b(?i:truncate\s+(?:table\s+)?\w)|\bkubectl\s+(?:\S+\s+)*?delete\b|\bterraform\s+destroy\b"
    r"|\bsudo\b.*\bCOMMAND=|\bsystemctl\s+(?:reboot|poweroff|halt)\b|\bshutdown\s+(?:-[hrP]\b|now\b)"
    r"|\breboot(?: -f)?[ \t]*(?:\r?\n|$)|\biptables\s+(?:-\w\s+)*(?:-F|--flush)\b|\bnft\s+flush\b|\bufw\s+reset\b)"
)
# Maintenance mode switched on or off: the site taken down on purpose, or back.
MAINTENANCE_WORDS = (
    r"(?i:\bmaintenance\W+(?:mode\W+)?(?:is\s+)?(?:on|off|enabled|disabled|started|ended|over|lifted)\b)"
)

# Changes that set an incident up, looked for earlier than the rest (see Window.changes_from).
SETUP_WORDS = (
    r"(?i:\b(?:deploy\w*|redeploy\w*|releas(?:e|ed|ing)\b|roll(?:ed|ing)?[ -]?out\w*|migrat\w*|merged?\b"
    r"|config(?:uration)? (?:change|update|push)\w*|upgrad\w*))"
)

# Everything but the level that makes a record a candidate: what the fast scans of a file look for.
NOTABLE_WORDS = f"(?:{CHANGE_WORDS})|(?:{DESTRUCTIVE_WORDS})|(?:{MAINTENANCE_WORDS})"

_CHANGE = re.compile(CHANGE_WORDS)
_DESTRUCTIVE = re.compile(DESTRUCTIVE_WORDS)
_MAINTENANCE = re.compile(MAINTENANCE_WORDS)
_SETUP = re.compile(SETUP_WORDS)


def is_change(text: str) -> bool:
    """Whether a record is a change that may have set the incident up (a deploy, a destructive command…)."""
    return _SETUP.search(text) is not None or _DESTRUCTIVE.search(text) is not None


def level_of_word(word: str) -> str:
    """The level a log's level word means (``info`` for one it does not know)."""
    return _LEVEL_WORDS.get(word.lower(), "info")


def is_level_word(word: str) -> bool:
    return word.lower() in _LEVEL_WORDS


def is_notable(level: str, text: str) -> bool:
    """Whether a record is a candidate without --all or --grep."""
    return RANK[level] >= WARNING or any(
        pattern.search(text) is not None for pattern in (_CHANGE, _DESTRUCTIVE, _MAINTENANCE)
    )


_KIND_RULES: tuple[tuple[re.Pattern[str], EventKind], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        # Maintenance mode going off (the site back) before on (taken down on purpose, to limit the harm).
        (
            r"\bmaintenance\W+(?:mode\W+)?(?:is\s+)?(?:off|disabled|ended|over|lifted)\b|\b(?:back\s+)?online again\b"
            r"|\bback online\b",
            EventKind.RECOVERY,
        ),
        (r"\bmaintenance\W+(?:mode\W+)?(?:is\s+)?(?:on|enabled|started|active)\b", EventKind.MITIGATION),
        (DESTRUCTIVE_WORDS, EventKind.PRECURSOR),
        (
            r"\b(?:roll(?:ed|ing)?[ -]?back|revert|fail(?:ed|ing)?[ -]?over|restart|reboot|scal(?:ed|ing) (?:up|out)"
            r"|disabl(?:e|ed|ing)|drain|throttl|rate[ -]limit|mitigat|hotfix)",
            EventKind.MITIGATION,
        ),
        (r"\b(?:alert\w*|paged|paging|pager\w*|firing|triggered|on-?call)\b", EventKind.DETECTION),
        (r"\b(?:acknowledg\w*|escalat\w*|incident (?:declared|opened))", EventKind.ESCALATION),
        (r"\b(?:recover\w*|resolved|healthy|back to normal|back up|restored|succeeded)\b", EventKind.RECOVERY),
        (
            r"\b(?:deploy\w*|releas\w*|roll(?:ed|ing)?[ -]?out|migrat\w*|config\w*|chang(?:e|ed|es)|merge[ds]?)\b",
            EventKind.PRECURSOR,
        ),
        (
            r"\b(?:error|exception|timeout|timed out|fail\w*|refused|unavailable|exhausted|panic|crash\w*)\b",
            EventKind.SYMPTOM,
        ),
    )
)


def guess_kind(text: str, level: str) -> EventKind:
    """The event kind a record most likely is, from its words and level."""
    for pattern, kind in _KIND_RULES:
        if pattern.search(text):
            return kind
    return EventKind.SYMPTOM if RANK[level] >= WARNING else EventKind.NOTE
