"""A postmortem as JSON, in the shape of its TOML file.

The keys, their order and what is left out are those of the file
(``models.codec.to_data``): the JSON describes the same document and validates
against the same schema (``exports/postmortem.schema.json``). Times become
ISO 8601 / RFC 3339 strings with their UTC offset, dates ``YYYY-MM-DD``.
Nothing is derived or added. Under ``[extra]``, which is free-form, TOML's
local times become ISO strings too and its ``nan`` and ``inf`` stay words, so
the output is always strict JSON.
"""

from __future__ import annotations

import json
import math
from datetime import date, time
from typing import Any

from postmortem.models.codec import to_data
from postmortem.models.document import Postmortem


def to_json_data(doc: Postmortem) -> dict[str, Any]:
    """The document as plain JSON data: ``to_data`` with times and dates as ISO strings."""
    data: dict[str, Any] = _json_value(to_data(doc))
    return data


def render_json(doc: Postmortem) -> str:
    """The document as pretty-printed JSON (two-space indents, non-ASCII kept as it is, a final newline)."""
    return json.dumps(to_json_data(doc), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _json_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, (date, time)):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value
