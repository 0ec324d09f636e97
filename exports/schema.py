"""The JSON Schema of the postmortem file, generated from the pydantic models.

Pydantic's own schema describes what ``Postmortem.model_validate`` takes in
Python; this module turns it into a description of the file as it is stored
(and as ``render_json`` writes it), for editors such as Taplo / Even Better
TOML and for other tools:

- an optional field is simply not required: no ``null`` (TOML has none);
- times are RFC 3339 date-times with a UTC offset (TOML offset date-times,
  which a validator sees as such strings), dates ``YYYY-MM-DD``;
- enums are inlined as their values;
- every table but ``[extra]`` refuses unknown keys; ``[extra]`` is free-form;
- text the app requires (a title, an event, an action…) must not be blank;
- a factor's area must belong to its category.

The schema keeps to keywords that mean the same from draft 7 on (Taplo's
validator is older than draft 2020-12), although it declares 2020-12.
``render_schema`` gives the text of ``exports/postmortem.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ValidationError

from postmortem.models import document
from postmortem.models.document import SCHEMA_VERSION, Postmortem
from postmortem.models.enums import AREAS_BY_CATEGORY

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# The project publishes the file at no address yet, so the id is a name rather than a location.
SCHEMA_ID = f"urn:postmortem:schema:v{SCHEMA_VERSION}"
# Where the generated schema is kept in the repository (relative to its root).
SCHEMA_PATH = "exports/postmortem.schema.json"
REGENERATE = f"postmortem schema -o {SCHEMA_PATH}"

# RFC 3339 date-time with a UTC offset: how Taplo, or any TOML-to-JSON conversion, gives a TOML offset
# date-time to the validator (a time without an offset does not match).
DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
NOT_BLANK = r"\S"

TITLE = "Postmortem"
DESCRIPTION = (
    f"A blameless incident postmortem as the postmortem app stores it: one TOML file, format version "
    f"{SCHEMA_VERSION}. Keys are written in a fixed order and empty values are left out, so every key is "
    "optional except meta.title and the few a record cannot do without. Times are date-times with a UTC "
    "offset. Unknown keys are errors, except under [extra]."
)

# What each table is, as its key appears in the file.
TABLES: dict[str, tuple[str, str]] = {
    "Meta": ("[meta]", "What the postmortem is about, its status and who wrote it."),
    "Summary": ("[summary]", "The incident in four short answers."),
    "Impact": ("[impact]", "Who and what was affected, and how badly."),
    "ImpactedService": ("[[impact.services]]", "One affected service and what happened to it."),
    "TimelineEvent": ("[[timeline]]", "One event of the incident."),
    "Factor": ("[[factors]]", "A contributing factor: a condition of the system, the process or the organisation."),
    "WhyChain": ("[[whys]]", "One five-whys chain, from the problem down to a root cause the team can change."),
    "WhyStep": ("[[whys.steps]]", "One question of a five-whys chain and its answer."),
    "ActionItem": ("[[actions]]", "An action item."),
    "Lessons": ("[lessons]", "What the team learned, one entry per item."),
    "Response": ("[response]", "How the incident was handled."),
    "Link": ("[[links]]", "A link to evidence: a dashboard, a chat channel, a ticket, a change."),
    "HistoryEntry": ("[[history]]", "A change to the postmortem itself."),
    "ReviewMeeting": ("[review]", "The review meeting: its time, its agenda and its notes."),
    "AgendaItem": ("[review].agenda item", "One item of the review meeting's agenda."),
}

_OFFSET = "a date and time with a UTC offset, e.g. 2026-02-12T19:08:00+01:00"

# Descriptions of the fields that need more than their name (tests check each names a field).
FIELDS: dict[str, dict[str, str]] = {
    "Postmortem": {
        "schema_version": "The version of the file format. Older files are brought up to date when read.",
        "timeline": "The timeline's events (read back in time order).",
        "factors": "The contributing factors.",
        "whys": "The five-whys chains.",
        "actions": "The action items.",
        "links": "Links to evidence.",
        "history": "Changes to this postmortem.",
        "extra": "Free-form data for integrations, kept as it is.",
    },
    "Meta": {
        "id": "The incident's id, e.g. INC-2026-014.",
        "title": "The postmortem's title (required, not blank).",
        "incident_date": "The day of the incident.",
        "timezone": "The IANA time zone the times are shown in, e.g. Europe/Berlin. Stored times keep their "
        "own offsets.",
        "detection": "How the incident was noticed.",
        "authors": "Who wrote the postmortem.",
        "participants": "Who took part in the response; roles rather than names.",
        "services": "The services involved.",
        "related": "Ids of related incidents or postmortems.",
    },
    "Impact": {
        "started_at": f"When people first felt the incident, where that is not the started milestone's event: {_OFFSET}.",
        "started_approximate": "started_at is an estimate.",
        "support_tickets": "The number of support tickets.",
        "escalations": "The number of escalations.",
    },
    "TimelineEvent": {
        "at": f"When it happened: {_OFFSET}.",
        "approximate": 'The time is an estimate ("around 23:00").',
        "event": "What happened (required, not blank).",
        "milestone": "The milestone this event marks; each milestone marks one event at most.",
        "milestone_guessed": "The milestone was guessed from the event's words on import; the author has not "
        "confirmed it.",
        "actor": "Who or what acted: a role or a system rather than a person's name.",
        "source": "Where the event comes from (a log, a chat export, a dashboard).",
        "key": "A key event, shown among the incident's key moments.",
    },
    "Factor": {
        "id": "The factor's id (F1, F2, ...), which action items refer to.",
        "category": "Technical, process or organizational; left out while not categorised yet (an imported "
        "factor whose text did not say).",
        "area": "The area of the factor; it must belong to the category.",
        "why_it_mattered": "Why this condition mattered to the incident.",
    },
    "ActionItem": {
        "id": "The action's id (A1, A2, ...).",
        "action": "What will be done (required, not blank).",
        "owner": "The team or role that owns it.",
        "due": "The due date.",
        "success": "How the team will know it worked.",
        "ticket": "The ticket that tracks it.",
        "factors": "Ids of the contributing factors it addresses.",
        "agreed": "The review meeting accepted the item, its owner included.",
    },
    "Link": {"url": "The address (required, not blank)."},
    "HistoryEntry": {"date": "The day of the change."},
    "AgendaItem": {"minutes": "The minutes planned for it, at least 1."},
    "ReviewMeeting": {"meeting": f"When the review meeting takes place: {_OFFSET}."},
}


def build_schema() -> dict[str, Any]:
    """The JSON Schema of the file, as a dict (keys in the order they are written)."""
    raw = Postmortem.model_json_schema(mode="validation")
    defs: dict[str, Any] = raw.pop("$defs", {})
    enums = {name: part for name, part in defs.items() if "enum" in part}
    tables = {name: _table(name, part, enums) for name, part in defs.items() if name not in enums}
    root = _table("Postmortem", raw, enums)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": TITLE,
        "description": DESCRIPTION,
        **root,
        "$defs": {name: tables[name] for name in _reference_order(root, tables)},
    }
    return schema


def render_schema() -> str:
    """The schema as the text of ``exports/postmortem.schema.json``: two-space indents, UTF-8, a final newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def _table(name: str, raw: dict[str, Any], enums: dict[str, Any]) -> dict[str, Any]:
    model = Postmortem if name == "Postmortem" else getattr(document, name)
    descriptions = FIELDS.get(name, {})
    properties = {
        key: _field(model, key, value, enums, descriptions.get(key)) for key, value in raw["properties"].items()
    }
    table: dict[str, Any] = {}
    if name in TABLES:
        table["title"], table["description"] = TABLES[name]
    table["type"] = "object"
    table["properties"] = properties
    if raw.get("required"):
        table["required"] = list(raw["required"])
    table["additionalProperties"] = raw.get("additionalProperties", True)
    if name == "Factor":
        table["allOf"] = _areas_by_category()
    return table


def _field(
    model: type[BaseModel], key: str, raw: dict[str, Any], enums: dict[str, Any], description: str | None
) -> dict[str, Any]:
    value = _plain(raw, enums)
    if key == "extra":
        value = {"type": "object", "additionalProperties": True}
    if model is Postmortem and key == "schema_version":
        value["const"] = SCHEMA_VERSION
    if value.get("type") == "string" and "format" not in value and "enum" not in value and _blank_refused(model, key):
        value["pattern"] = NOT_BLANK
    if description:
        value["description"] = description
    # A default only where the file would show it: an empty value is simply left out.
    default = value.pop("default", None)
    if default not in (None, False, "") and not isinstance(default, (list, dict)):
        value["default"] = default
    return dict(sorted(value.items(), key=lambda item: _KEY_ORDER.get(item[0], len(_KEY_ORDER))))


# The order of a property's keywords in the file, whatever order pydantic gives them in.
_KEY_ORDER = {
    key: rank
    for rank, key in enumerate(
        [
            "description",
            "$ref",
            "type",
            "const",
            "enum",
            "format",
            "pattern",
            "minimum",
            "items",
            "additionalProperties",
        ]
    )
}


def _plain(raw: dict[str, Any], enums: dict[str, Any]) -> dict[str, Any]:
    """One property's schema without null, titles or enum references, with the file's date formats."""
    value = {key: item for key, item in raw.items() if key != "title"}
    if "anyOf" in value:
        branches = [branch for branch in value.pop("anyOf") if branch != {"type": "null"}]
        if len(branches) == 1:
            value = {**value, **branches[0]}
        else:
            value["anyOf"] = branches
    ref = value.get("$ref", "")
    enum = enums.get(ref.rpartition("/")[2]) if ref else None
    if enum is not None:
        del value["$ref"]
        value = {"type": "string", "enum": list(enum["enum"]), **value}
    if isinstance(value.get("items"), dict):
        value["items"] = _plain(value["items"], enums)
    if value.get("format") == "date-time":
        value["pattern"] = DATETIME_PATTERN
    elif value.get("format") == "date":
        value["pattern"] = DATE_PATTERN
    if value.get("type") == "integer" and "exclusiveMinimum" in value:
        # The same in every draft: draft 4 read exclusiveMinimum as a flag.
        value["minimum"] = value.pop("exclusiveMinimum") + 1
    return value


def _blank_refused(model: type[BaseModel], key: str) -> bool:
    """Whether the model refuses blank text for ``key`` (its own check of that field, not the record's)."""
    try:
        model.__pydantic_validator__.validate_assignment(model.model_construct(), key, "  ")
    except ValidationError as error:
        return any(tuple(problem["loc"]) == (key,) for problem in error.errors())
    return False


def _areas_by_category() -> list[dict[str, Any]]:
    return [
        {
            "if": {"properties": {"category": {"const": category.value}}, "required": ["category"]},
            "then": {"properties": {"area": {"enum": [area.value for area in areas]}}},
        }
        for category, areas in AREAS_BY_CATEGORY.items()
    ]


def _reference_order(root: dict[str, Any], tables: dict[str, Any]) -> list[str]:
    """The tables in the order the file first mentions them (depth first), then any left over."""
    order: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref.rpartition("/")[2]
                if name in tables and name not in order:
                    order.append(name)
                    visit(tables[name])
            for item in node.values():
                visit(item)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(root)
    return order + sorted(set(tables) - set(order))
