"""What must not reach the public: people, internal hosts, IP addresses, ticket ids, chat channels, e-mails.

``find_leaks`` reads an export as it will be published and lists each suspicious piece with its line, so
that the author can reword the document (or publish anyway, knowingly). It looks for:

- the people the document itself names (authors, facilitator, reviewers, participants, owners and actors
  that are persons), and common given names and @handles anywhere;
- IPv4 and IPv6 addresses;
- host names: names under an internal domain (``.internal``, ``.local``, ``.corp``, ``.svc``…) and
  names made of a host role and a number (``web01``, ``db-02``, ``worker-3``);
- ticket ids such as ``PLAT-2291`` (and any ticket the actions cite), chat channels such as
  ``#inc-2026-014``, and e-mail addresses.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from postmortem.models.checks.names import given_names, is_personal
from postmortem.models.document import Postmortem
from postmortem.models.enums import Confidentiality


@dataclass(frozen=True)
class Leak:
    line: int  # 1-based; 0 for the document as a whole
    what: str  # "a person's name", "an IP address"…
    found: str

    def sentence(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.what}: {self.found!r}" if self.found else f"{where}{self.what}"


_INTERNAL_DOMAINS = (
    "internal|local|localdomain|lan|corp|intra|intranet|private|priv|svc|cluster|home|infra|prod|staging|dev"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an e-mail address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("an internal host name", re.compile(rf"\b[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*\.(?:{_INTERNAL_DOMAINS})\b", re.I)),
    (
        "a host name",
        re.compile(
            r"\b(?:[a-z]+-)*(?:web|www|db|app|api|srv|server|host|node|worker|cache|redis|pg|mysql|mongo|lb|proxy"
            r"|vm|box|k8s|ip)-?\d+(?:-\d+)*\b"
        ),
    ),
    ("a ticket id", re.compile(r"\b(?!(?:SEV|UTF|ISO|RFC|HTTP|TLS|SHA|AES|CVE|COVID|IPV)-)[A-Z][A-Z0-9]{1,9}-\d+\b")),
    ("a chat channel", re.compile(r"(?<![\w&#/])#[a-z][\w-]*[a-z0-9]\b")),
    ("an @handle", re.compile(r"(?<![\w.])@[A-Za-z][\w.-]+")),
)
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\w)")  # a full stop may end the sentence
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])", re.I)


def find_leaks(text: str, doc: Postmortem) -> list[Leak]:
    """What in ``text`` (an export of ``doc``) should not be published, line by line."""
    leaks = []
    if doc.meta.confidentiality is Confidentiality.CONFIDENTIAL:
        leaks.append(Leak(0, "the document is marked confidential", ""))
    people = _people(doc)
    tickets = {action.ticket.strip() for action in doc.actions if action.ticket.strip()}
    for number, line in enumerate(text.splitlines(), 1):
        found: list[tuple[str, str]] = []
        found += [("a person's name", name) for name in people if re.search(rf"\b{re.escape(name)}\b", line)]
        found += [("a person's name", name) for name in given_names(line) if name not in people]
        found += [("a ticket", ticket) for ticket in tickets if ticket in line]
        for what, pattern in _PATTERNS:
            found += [(what, match[0]) for match in pattern.finditer(line)]
        found += [("an IP address", match[0]) for match in _IPV4.finditer(line) if _is_ip(match[0])]
        found += [("an IP address", match[0]) for match in _IPV6.finditer(line) if _is_ip(match[0])]
        readings: dict[str, str] = {}  # one reading of each piece, the first; none of a part of another
        for what, piece in found:
            if not any(piece != other and piece in other for _, other in found):
                readings.setdefault(piece, what)
        leaks += [Leak(number, what, piece) for piece, what in readings.items()]
    return leaks


def _people(doc: Postmortem) -> set[str]:
    """The people the document names, and each one's first name."""
    meta = doc.meta
    named = [*meta.authors, meta.facilitator, *meta.reviewers, *meta.participants]
    named += [action.owner for action in doc.actions] + [event.actor for event in doc.timeline]
    people = {name.strip() for name in named if is_personal(name.strip())}
    return people | {name.split()[0] for name in people if not name.startswith("@")}


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
