"""The JSON Schema of the file: shipped up to date, and agreeing with the loader on what a valid file is."""

from __future__ import annotations

import copy
import json
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator

from postmortem.exports.schema import (
    DRAFT,
    FIELDS,
    REGENERATE,
    SCHEMA_ID,
    SCHEMA_PATH,
    TABLES,
    build_schema,
    render_schema,
)
from postmortem.models import document
from postmortem.models.codec import SchemaError, from_data
from postmortem.models.document import SCHEMA_VERSION, Postmortem

ROOT = Path(__file__).resolve().parents[2]


def as_json(value: Any, utc_as_z: bool = False) -> Any:
    """TOML data as Taplo (or a TOML-to-JSON conversion) hands it to a JSON Schema validator: times as RFC 3339
    text (Taplo writes a zero offset as Z, Python's isoformat as +00:00)."""
    if isinstance(value, dict):
        return {key: as_json(item, utc_as_z) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item, utc_as_z) for item in value]
    if isinstance(value, datetime) and utc_as_z and value.utcoffset() == timedelta(0):
        return value.replace(tzinfo=None).isoformat() + "Z"
    if isinstance(value, (date, time)):  # a datetime is a date
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = build_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def example_data(example_toml: str) -> dict[str, Any]:
    data: dict[str, Any] = as_json(tomllib.loads(example_toml))
    return data


def problems(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(data)]


# The shipped file


def test_the_shipped_schema_is_up_to_date() -> None:
    shipped = ROOT / SCHEMA_PATH
    assert shipped.exists(), f"{SCHEMA_PATH} is missing; create it with `{REGENERATE}`"
    stored, current = shipped.read_text(encoding="utf-8").splitlines(), render_schema().splitlines()
    if stored != current:
        line = next(
            (n for n, (a, b) in enumerate(zip(stored, current), start=1) if a != b),
            min(map(len, (stored, current))) + 1,
        )
        pytest.fail(
            f"{SCHEMA_PATH} differs from what the models give now (from line {line}); "
            f"regenerate it with `{REGENERATE}` and commit it",
            pytrace=False,
        )


def test_the_schema_names_itself() -> None:
    schema = json.loads(render_schema())
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"] and schema["description"]
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_the_schema_is_a_valid_schema_in_draft_2020_12_and_draft_7() -> None:
    schema = build_schema()
    Draft202012Validator.check_schema(schema)
    Draft7Validator.check_schema(schema)  # what older validators (Taplo's) read


def test_every_described_table_and_field_exists() -> None:
    for name in TABLES:
        assert issubclass(getattr(document, name), document.DocumentPart), name
    for name, fields in FIELDS.items():
        model = Postmortem if name == "Postmortem" else getattr(document, name)
        assert set(fields) <= set(model.model_fields), (name, set(fields) - set(model.model_fields))


def test_every_table_forbids_unknown_keys_but_extra() -> None:
    schema = build_schema()
    tables = [schema, *schema["$defs"].values()]
    assert all(table["additionalProperties"] is False for table in tables)
    assert schema["properties"]["extra"] == {
        "description": FIELDS["Postmortem"]["extra"],
        "type": "object",
        "additionalProperties": True,
    }


def test_no_null_and_no_enum_references() -> None:
    text = render_schema()
    assert '"null"' not in text
    assert "anyOf" not in text
    refs = set(_values(build_schema(), "$ref"))
    assert refs == {f"#/$defs/{name}" for name in build_schema()["$defs"]}


def _values(node: Any, key: str) -> list[Any]:
    if isinstance(node, dict):
        found = [node[key]] if key in node else []
        return found + [value for item in node.values() for value in _values(item, key)]
    if isinstance(node, list):
        return [value for item in node for value in _values(item, key)]
    return []


# The bundled example


@pytest.mark.parametrize("utc_as_z", [False, True])
def test_the_example_is_valid(validator: Draft202012Validator, example_toml: str, utc_as_z: bool) -> None:
    # The example's times, with a space between date and time in the file, and one of them in UTC.
    text = example_toml.replace("at = 2026-02-12 10:30:00+01:00", "at = 2026-02-12 09:30:00Z")
    assert text != example_toml
    assert problems(validator, as_json(tomllib.loads(text), utc_as_z)) == []


@pytest.mark.parametrize(
    "at",
    [
        datetime(2026, 2, 12, 19, 8, tzinfo=UTC),
        datetime(2026, 2, 12, 19, 8, 5, 120000, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(2026, 2, 12, 19, 8, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
    ],
)
def test_times_with_any_offset_are_valid(validator: Draft202012Validator, at: datetime) -> None:
    event = {"at": at.isoformat(), "event": "Queue depth alert fired"}
    assert problems(validator, {"meta": {"title": "Queue backlog"}, "timeline": [event]}) == []


def test_a_minimal_file_is_valid(validator: Draft202012Validator) -> None:
    assert problems(validator, {"meta": {"title": "Queue backlog"}}) == []


def test_extra_is_free_form(validator: Draft202012Validator, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["extra"] = {"jira": {"project": "PAY", "ids": [1, 2], "synced": "2026-02-13T08:00:00Z"}, "x": True}
    assert problems(validator, data) == []


# What the schema refuses, the loader refuses too (and the other way round for these cases)


_DELETE = object()


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    if value is _DELETE:
        del data[path[-1]]
    else:
        data[path[-1]] = value


INVALID = [
    pytest.param(("colour",), "red", id="unknown top-level key"),
    pytest.param(("meta", "colour"), "red", id="unknown key in meta"),
    pytest.param(("actions", 0, "assignee"), "SRE team", id="unknown key in an action"),
    pytest.param(("impact", "services", 0, "impact"), "slow", id="unknown key in an impact service"),
    pytest.param(("meta", "severity"), "SEV-9", id="wrong severity"),
    pytest.param(("meta", "status"), "Final", id="wrong status"),
    pytest.param(("timeline", 0, "kind"), "guess", id="wrong event kind"),
    pytest.param(("actions", 0, "priority"), "P9", id="wrong priority"),
    pytest.param(("factors", 0, "area"), "incentives", id="area of another category"),
    pytest.param(("meta", "title"), "   ", id="blank title"),
    pytest.param(("meta", "title"), _DELETE, id="no title"),
    pytest.param(("meta",), _DELETE, id="no meta"),
    pytest.param(("timeline", 0, "at"), "2026-02-12T10:30:00", id="time without an offset"),
    pytest.param(("timeline", 0, "at"), "yesterday", id="not a time"),
    pytest.param(("timeline", 0, "event"), _DELETE, id="event without text"),
    pytest.param(("actions", 0, "due"), "13/02/2026", id="not a date"),
    pytest.param(("actions", 0, "factors"), "F1", id="factors not a list"),
    pytest.param(("impact", "support_tickets"), -1, id="negative count"),
    pytest.param(("review", "agenda", 0, "minutes"), 0, id="agenda item of no minutes"),
    pytest.param(("links", 0, "url"), "", id="empty url"),
    pytest.param(("schema_version",), SCHEMA_VERSION + 1, id="newer schema version"),
    pytest.param(("summary",), "short", id="a table as text"),
]


@pytest.mark.parametrize(("path", "value"), INVALID)
def test_an_invalid_file_fails_validation_and_loading(
    validator: Draft202012Validator, example_data: dict[str, Any], path: tuple[str | int, ...], value: Any
) -> None:
    data = copy.deepcopy(example_data)
    _set(data, path, value)
    assert problems(validator, data), "the schema accepted it"
    with pytest.raises(SchemaError):
        from_data(data)


def test_the_first_problem_points_at_the_key(validator: Draft202012Validator, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["meta"]["colour"] = "red"
    data["timeline"][2]["kind"] = "guess"
    found = problems(validator, data)
    assert any(line.startswith("$.meta: ") and "colour" in line for line in found), found
    assert any(line.startswith("$.timeline[2].kind: ") and "guess" in line for line in found), found
