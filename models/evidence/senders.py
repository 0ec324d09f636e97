"""Who sent a record, when its log's lines say: the program and the host at the head of a syslog line."""

from __future__ import annotations

import re

from postmortem.models.evidence.classify import is_level_word

_NIL = "-"  # RFC 5424's empty field


def sender(pattern: re.Pattern[str] | None, text: str, name_host: bool = True) -> str:
    """``program on host`` as the head of ``text`` names them (one alone when only one is named), or ""."""
    found = pattern.match(text) if pattern is not None else None
    if found is None:
        return ""
    host, program = found["host"], found["program"]
    if program == _NIL or is_level_word(program):
        program = ""  # "web-01 ERROR: …" names a host and a level, not a program
    host = host if name_host and host != _NIL else ""
    if program and host:
        return f"{program} on {host}"
    return program or host
