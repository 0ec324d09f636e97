"""Conversion between a Postmortem and TOML text, in the file format's key order."""

from __future__ import annotations

import copy
import re
import tomllib
from enum import Enum
from typing import Any

import tomli_w
from pydantic import ValidationError

from postmortem.models.document import SCHEMA_VERSION, Postmortem
from postmortem.models.errors import describe_validation
from postmortem.models.migrations import MIGRATIONS, migrate

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class TomlSyntaxError(ValueError):
    def __init__(self, message: str, line: int | None, column: int | None):
        self.line = line
        self.column = column
        super().__init__(message)


class SchemaError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


# Lists of records written as arrays of tables ([[timeline]]) whatever their
# length. Left to itself, tomli-w writes short ones as inline arrays, which puts
# a top-level list before [meta] and reshapes it whenever one text grows.
_RECORD_LISTS = ("timeline", "factors", "whys", "actions", "links", "history")


def to_data(doc: Postmortem) -> dict[str, Any]:
    """The plain data that ``dumps`` writes: keys in declared order, empty values left out, enums as text.

    ``[extra]`` is kept as it is (a copy of it, so the caller may change the result freely).
    ``from_data`` turns the result back into an equal document.
    """
    data: dict[str, Any] = _prune(doc.model_dump(mode="python", exclude={"extra"}))
    if doc.extra:
        data["extra"] = copy.deepcopy(doc.extra)
    return data


def dumps(doc: Postmortem) -> str:
    """The document as TOML: keys in declared order, empty values left out."""
    data = to_data(doc)
    chunks: list[str] = []
    for key, value in data.items():
        if key in _RECORD_LISTS:
            chunks.extend(_record_table(key, record) for record in value)
        elif key == "impact" and "services" in value:
            services = value.pop("services")
            if value:
                chunks.append(_toml({key: value}))
            chunks.extend(_record_table("impact.services", record) for record in services)
        else:
            chunks.append(_toml({key: value}))
    return "\n".join(chunks)


def _toml(data: dict[str, Any]) -> str:
    return tomli_w.dumps(data, multiline_strings=True)


def _record_table(name: str, record: dict[str, Any]) -> str:
    """``record`` as one ``[[name]]`` table (nested lists keep their full names)."""
    nested: dict[str, Any] = record
    for part in reversed(name.split(".")):
        nested = {part: nested}
    return f"[[{name}]]\n" + _toml(nested).removeprefix(f"[{name}]\n")


def loads(text: str) -> Postmortem:
    """Parse and validate. Raises TomlSyntaxError or SchemaError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line, column = (int(match[1]), int(match[2])) if match else (None, None)
        reason = _TOML_POSITION.sub("", message).strip()
        raise TomlSyntaxError(reason, line, column) from None
    return from_data(data)


def from_data(data: dict[str, Any]) -> Postmortem:
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < min(MIGRATIONS, default=1):
        raise SchemaError([f"schema_version: {version!r} is not a schema version (expected {SCHEMA_VERSION})"])
    if version > SCHEMA_VERSION:
        raise SchemaError(
            [
                f"schema_version {version} is newer than this version of postmortem reads "
                f"(up to {SCHEMA_VERSION}); upgrade postmortem to open it"
            ]
        )
    if version < SCHEMA_VERSION:
        data = migrate(data, version, SCHEMA_VERSION)
    try:
        return Postmortem.model_validate(data)
    except ValidationError as error:
        raise SchemaError(describe_validation(error)) from None


def _prune(value: Any) -> Any:
    """Drop None, empty text, empty lists/tables and false flags; unwrap enums."""
    if isinstance(value, dict):
        pruned = {}
        for key, item in value.items():
            item = _prune(item)
            if not _is_empty(item):
                pruned[key] = item
        return pruned
    if isinstance(value, list):
        return [item for item in (_prune(i) for i in value) if not _is_empty(item)]
    if isinstance(value, Enum):
        return value.value
    return value


def _is_empty(value: Any) -> bool:
    if value is None or value is False:
        return True
    if isinstance(value, (str, list, dict)):
        return len(value) == 0
    return False
