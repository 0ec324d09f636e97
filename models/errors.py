"""Errors raised when a postmortem file cannot be read or written.

Each error carries the sentences to show a person, one per problem, already
prefixed with the file name, so the command line and the TUI print them as is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails


class DocumentError(Exception):
    """Base class. ``exit_code`` is what the command line returns."""

    exit_code = 2

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = Path(path)
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.path}: {problem}" for problem in self.problems]


class FileAccessError(DocumentError):
    """The file could not be read or written (missing, permission, not text...)."""

    exit_code = 2


class InvalidDocumentError(DocumentError):
    """The file was read but is not a valid postmortem."""

    exit_code = 1


def field_path(loc: tuple[str | int, ...]) -> str:
    """``('timeline', 3, 'at')`` -> ``timeline[3].at``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


_SIMPLE = {
    "missing": "is required",
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "list_type": 'should be a list, e.g. ["a", "b"]',
    "dict_type": "should be a table",
    "model_type": "should be a table",
    "model_attributes_type": "should be a table",
    "timezone_aware": "needs a UTC offset, e.g. 2026-01-31T13:52:00Z or 2026-01-31T14:52:00+01:00",
    "datetime_type": "should be a date and time with an offset, e.g. 2026-01-31T13:52:00Z",
    "datetime_parsing": "should be a date and time with an offset, e.g. 2026-01-31T13:52:00Z",
    "datetime_from_date_parsing": "should be a date and time with an offset, e.g. 2026-01-31T13:52:00Z",
    "date_type": "should be a date, e.g. 2026-01-31",
    "date_parsing": "should be a date, e.g. 2026-01-31",
    "date_from_datetime_parsing": "should be a date, e.g. 2026-01-31",
    "date_from_datetime_inexact": "should be a date without a time, e.g. 2026-01-31",
}


def describe(error: ErrorDetails) -> str:
    """One pydantic error as ``path: sentence``."""
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        parent = field_path(loc[:-1])
        where = f" in [{parent}]" if parent else ""
        return f"unknown key {loc[-1]!r}{where} (check the spelling; free-form data belongs in [extra])"
    if kind == "enum":
        return f"{field_path(loc)}: {error['input']!r} is not allowed; use one of: {_choices(ctx)}"
    if kind == "value_error":
        return f"{field_path(loc)}: {ctx.get('error', error['msg'])}"
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        word = "at least" if kind == "greater_than_equal" else "more than"
        return f"{field_path(loc)}: should be {word} {limit}"
    sentence = _SIMPLE.get(kind, error["msg"])
    return f"{field_path(loc)}: {sentence}"


def _choices(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return expected.replace("'", "").replace(" or ", ", ")


def describe_validation(error: ValidationError) -> list[str]:
    return [describe(e) for e in error.errors()]
