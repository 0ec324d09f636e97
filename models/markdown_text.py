"""Markdown text changed everywhere but in its code: fenced code blocks and code spans are left as written
(the Markdown export escapes what HTML would take outside code; the Markdown import undoes it)."""

from __future__ import annotations

import re
from collections.abc import Callable

_CODE_SPAN = re.compile(r"(`+).+?(?<!`)\1(?!`)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def outside_code(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to each stretch of a line outside fenced blocks and code spans."""
    lines, fence = [], ""
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening[1].startswith(fence):
                fence = ""
        elif opening:
            fence = opening[1]
        else:
            line = _outside_spans(line, change)
        lines.append(line)
    return "\n".join(lines)


def _outside_spans(line: str, change: Callable[[str], str]) -> str:
    parts, done = [], 0
    for span in _CODE_SPAN.finditer(line):
        parts += [change(line[done : span.start()]), span[0]]
        done = span.end()
    parts.append(change(line[done:]))
    return "".join(parts)
