"""A three-way merge of two edited versions of one postmortem.

``base`` is the document both versions started from, ``theirs`` the file as it
is on disk now and ``mine`` the document in the editor (or a recovery copy).
The merge works on the plain data the file holds (``codec.to_data``):

- At every table, list, record and value: if one side left it as in ``base``,
  the other side's version is taken whole; if both sides made the same change,
  that change is taken. Only when both changed it differently does the merge
  look deeper, so a change made on one side only comes through exactly.
- Tables merge key by key, lists of records by each record's key (a timeline
  event by its time and text, a factor or action by its id, ...), lists of
  plain values as ordered sets. Two different values for one field are a
  conflict; so is a record deleted on one side and changed on the other.
- A record whose merged fields would not make a valid record for some choice
  of sides (a factor's area outside its category) becomes one conflict
  between the two versions of the whole record. Timeline milestones are merged
  as a map from milestone to event, so that each stays on at most one event.

``Merge.resolve`` builds the merged document for a choice of side per conflict;
it is valid whatever the choices.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeAlias
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ValidationError

from postmortem.models.codec import from_data, to_data
from postmortem.models.document import (
    ActionItem,
    AgendaItem,
    Factor,
    HistoryEntry,
    ImpactedService,
    Link,
    Postmortem,
    TimelineEvent,
    WhyChain,
    next_id,
)
from postmortem.models.enums import Milestone
from postmortem.models.locations import Part, format_location
from postmortem.models.timeparse import zone_named


class Side(StrEnum):
    """Which version a conflict is resolved with."""

    THEIRS = "theirs"
    MINE = "mine"


@dataclass(frozen=True)
class Conflict:
    """One place where both sides changed the document differently."""

    label: str  # for a person: "Title", "Action A3: due", "Factor F2 (deleted on disk, changed here)"
    location: str  # where it is in the document resolve() gives without choices; "" if nowhere
    base: str  # each version as short display text, "(not set)" or "(deleted)" when absent
    theirs: str
    mine: str


@dataclass(frozen=True)
class Merge:
    """The outcome of ``merge``: the conflicts to decide, and what the merge did by itself."""

    conflicts: tuple[Conflict, ...]
    notes: tuple[str, ...]
    _plan: _Plan = field(repr=False, compare=False)

    @property
    def clean(self) -> bool:
        """Whether nothing is left to decide."""
        return not self.conflicts

    def resolve(self, choices: Mapping[int, Side] | None = None) -> Postmortem:
        """The merged document, each conflict (by its index in ``conflicts``) taking the chosen side.

        A conflict without a choice takes ``Side.MINE``. The same choices always give the same document.
        """
        by_ident: dict[int, Side] = {}
        for index, side in (choices or {}).items():
            if not 0 <= index < len(self.conflicts):
                raise ValueError(f"there is no conflict number {index}; this merge has {len(self.conflicts)}")
            by_ident[self._plan.idents[index]] = Side(side)
        data = _Render(self._plan.units, by_ident).value(self._plan.root, ())
        if "extra" in data:
            data = {**data, "extra": copy.deepcopy(data["extra"])}  # each document gets its own nested values
        return from_data(data)


def merge(base: Postmortem | None, theirs: Postmortem, mine: Postmortem) -> Merge:
    """Merge the changes ``theirs`` and ``mine`` each made to ``base`` (None: they share no earlier version,
    so whatever both have and differ on is a conflict)."""
    base_data = to_data(base) if base is not None else {}
    theirs_data, mine_data = to_data(theirs), to_data(mine)
    notes: list[str] = []
    _renumber_added_ids(base_data, theirs_data, mine_data, notes)
    builder = _Builder(mine_data)
    root = builder.node(base_data, theirs_data, mine_data, (), "")
    render = _Render(builder.units, {}, collect=True)
    render.value(root, ())
    idents = tuple(found.ident for found in render.found)
    conflicts = tuple(
        Conflict(label=f.label, location=f.location, base=f.texts[0], theirs=f.texts[1], mine=f.texts[2])
        for f in render.found
    )
    return Merge(conflicts=conflicts, notes=tuple(notes), _plan=_Plan(root, tuple(builder.units), idents))


# --- The merge tree: built once, rendered for any choice of sides ------------------------------------------------


class _Absent:
    """A key or record that a version does not have."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()

Slot: TypeAlias = tuple[Any, ...]


@dataclass(frozen=True)
class _Value:
    """A part both sides agree on (or only one changed): taken as it is."""

    value: Any


@dataclass(frozen=True)
class _Table:
    items: tuple[tuple[str, _Node], ...]


@dataclass(frozen=True)
class _Seq:
    items: tuple[_Node, ...]
    timeline: bool = False


@dataclass(frozen=True)
class _Pick:
    """A conflict: the value comes from the side chosen for it."""

    ident: int
    label: str
    texts: tuple[str, str, str]
    theirs: Any
    mine: Any
    record: bool  # a whole record of a list: where the chosen side deletes it, its location is the list


@dataclass(frozen=True)
class _Event:
    """A timeline event; its milestone comes from the merged milestone map."""

    body: _Node
    slot: Slot


_Node: TypeAlias = _Value | _Table | _Seq | _Pick | _Event


@dataclass
class _MilestoneUnit:
    """Milestones decided together: one option (merged cleanly) or two (theirs, mine)."""

    milestones: tuple[str, ...]
    options: tuple[dict[str, Slot | None], ...]
    ident: int = -1
    label: str = ""
    texts: tuple[str, str, str] = ("", "", "")
    was: dict[str, Slot | None] = field(default_factory=dict)  # where the base has each milestone

    def chosen(self, choices: Mapping[int, Side]) -> dict[str, Slot | None]:
        if len(self.options) == 1 or choices.get(self.ident, Side.MINE) is Side.THEIRS:
            return self.options[0]
        return self.options[1]

    @property
    def candidates(self) -> set[Slot]:
        return {slot for option in self.options for slot in option.values() if slot is not None}


@dataclass(frozen=True)
class _Plan:
    root: _Node
    units: tuple[_MilestoneUnit, ...]
    idents: tuple[int, ...]  # conflict index -> the ident of its pick or milestone unit


@dataclass
class _Found:
    ident: int
    label: str
    location: str
    texts: tuple[str, str, str]


class _Render:
    """Turns the merge tree into plain data for a choice of sides; with ``collect``, also lists the conflicts."""

    def __init__(self, units: Iterable[_MilestoneUnit], choices: Mapping[int, Side], *, collect: bool = False):
        units = list(units)
        self.choices = choices
        self.collect = collect
        self.found: list[_Found] = []
        self.assignment: dict[Slot, str] = {}
        self.units = [unit for unit in units if len(unit.options) == 2]
        self.pending = list(self.units)
        self.milestones_found: list[tuple[_Found, _MilestoneUnit]] = []
        self.event_index: dict[Slot, int] = {}
        for unit in units:
            for milestone, slot in unit.chosen(choices).items():
                if slot is not None:
                    self.assignment[slot] = milestone

    def value(self, node: _Node, path: tuple[Part, ...]) -> Any:
        if isinstance(node, _Value):
            return node.value
        if isinstance(node, _Table):
            table: dict[str, Any] = {}
            for key, child in node.items:
                item = self.value(child, (*path, key))
                if item is not ABSENT:
                    table[key] = item
            return table
        if isinstance(node, _Seq):
            items: list[Any] = []
            for child in node.items:
                item = self.value(child, (*path, len(items)))
                if item is not ABSENT:
                    items.append(item)
            if node.timeline and self.collect:
                self._milestones_found(list(self.pending))
                for found, unit in self.milestones_found:
                    found.location = self._milestone_location(unit, path)
            return items
        if isinstance(node, _Pick):
            chosen = node.theirs if self.choices.get(node.ident, Side.MINE) is Side.THEIRS else node.mine
            if self.collect:
                place = path[:-1] if node.record and chosen is ABSENT else path
                self.found.append(_Found(node.ident, node.label, _location(place), node.texts))
            return chosen
        body = self.value(node.body, path)
        if self.collect:
            here = [unit for unit in self.pending if node.slot in unit.candidates]
            self._milestones_found(here)
        if body is ABSENT:
            return ABSENT
        self.event_index[node.slot] = int(path[-1])
        milestone = self.assignment.get(node.slot)
        return body if milestone is None else {**body, "milestone": milestone}

    def _milestones_found(self, units: list[_MilestoneUnit]) -> None:
        """List milestone conflicts; their locations are known once the whole timeline is rendered."""
        for unit in units:
            self.pending.remove(unit)
            found = _Found(unit.ident, unit.label, "", unit.texts)
            self.found.append(found)
            self.milestones_found.append((found, unit))

    def _milestone_location(self, unit: _MilestoneUnit, timeline: tuple[Part, ...]) -> str:
        # Mine's choice, the milestones mine moved first: that is where the two sides met.
        for milestone, slot in sorted(unit.options[-1].items(), key=lambda item: item[1] == unit.was[item[0]]):
            if slot in self.event_index and self.assignment.get(slot) == milestone:
                return format_location((*timeline, self.event_index[slot], "milestone"))
        return format_location(timeline)


_NAME = re.compile(r"[A-Za-z_]\w*")


def _location(path: tuple[Part, ...]) -> str:
    """``path`` in the location language, cut before a key it cannot spell (a key of [extra] such as "a-b")."""
    for index, part in enumerate(path):
        if isinstance(part, str) and not _NAME.fullmatch(part):
            return format_location(path[:index])
    return format_location(path)


# --- Building the tree -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RecordList:
    key: tuple[str, ...]  # the fields that identify a record
    model: type[BaseModel]  # what each merged record must validate as
    noun: str


_RECORD_LISTS: dict[tuple[str, ...], _RecordList] = {
    ("timeline",): _RecordList(("at", "event"), TimelineEvent, "Timeline event"),
    ("factors",): _RecordList(("id",), Factor, "Factor"),
    ("whys",): _RecordList(("problem",), WhyChain, "Why chain"),
    ("actions",): _RecordList(("id",), ActionItem, "Action"),
    ("impact", "services"): _RecordList(("name",), ImpactedService, "Impacted service"),
    ("links",): _RecordList(("url",), Link, "Link"),
    ("history",): _RecordList(("date", "change"), HistoryEntry, "History entry"),
    ("review", "agenda"): _RecordList(("topic",), AgendaItem, "Agenda item"),
}

# Lists of records with no key of their own: merged position by position.
_POSITIONAL = {("whys", "steps")}

# A record whose conflicts have more combinations than this is not checked one by one: it becomes one conflict.
_MAX_PICKS_CHECKED = 8


class _Builder:
    def __init__(self, mine: Mapping[str, Any]):
        self.units: list[_MilestoneUnit] = []
        self.events: dict[Slot, dict[str, Any]] = {}
        self._next_ident = 0
        meta = mine.get("meta", {})
        self.zone = zone_named(meta.get("timezone", "UTC")) or ZoneInfo("UTC")
        self.day: date | None = meta.get("incident_date")

    def ident(self) -> int:
        self._next_ident += 1
        return self._next_ident

    def pick(self, label: str, base: Any, theirs: Any, mine: Any, *, record: bool = False) -> _Pick:
        texts = (_display(base, False), _display(theirs, record), _display(mine, record))
        return _Pick(self.ident(), label, texts, theirs, mine, record)

    def node(self, base: Any, theirs: Any, mine: Any, schema: tuple[str, ...], label: str) -> _Node:
        if _same(mine, base):
            return _Value(theirs)
        if _same(theirs, base) or _same(theirs, mine):
            return _Value(mine)
        present = [v for v in (base, theirs, mine) if v is not ABSENT]
        if all(isinstance(v, dict) for v in present):
            return self.table(_or(base, {}), _or(theirs, {}), _or(mine, {}), schema, label)
        if all(isinstance(v, list) for v in present):
            return self.sequence(_or(base, []), _or(theirs, []), _or(mine, []), schema, label)
        return self.pick(label, base, theirs, mine)

    def table(
        self,
        base: Mapping[str, Any],
        theirs: Mapping[str, Any],
        mine: Mapping[str, Any],
        schema: tuple[str, ...],
        label: str,
    ) -> _Table:
        items = []
        for key in _ordered_union(list(theirs), list(mine)):
            versions = (base.get(key, ABSENT), theirs.get(key, ABSENT), mine.get(key, ABSENT))
            items.append((key, self.node(*versions, (*schema, key), _field_label(schema, label, key))))
        return _Table(tuple(items))

    def sequence(
        self, base: list[Any], theirs: list[Any], mine: list[Any], schema: tuple[str, ...], label: str
    ) -> _Node:
        if schema == ("timeline",):
            return self.timeline(base, theirs, mine)
        if schema in _RECORD_LISTS:
            return _Seq(tuple(node for _, node in self.records(base, theirs, mine, schema)))
        in_extra = schema[:1] == ("extra",)
        nested = any(isinstance(item, (dict, list)) for item in (*base, *theirs, *mine))
        if schema in _POSITIONAL or (in_extra and nested):
            if not len(base) == len(theirs) == len(mine):
                return self.pick(label, base, theirs, mine)
            items = []
            for index, versions in enumerate(zip(base, theirs, mine)):
                item_label = f"{label}[{index}]" if in_extra else f"{label.removesuffix('steps')}step {index + 1}"
                items.append(self.node(*versions, schema, item_label))
            return _Seq(tuple(items))
        return _Value(_merge_set(base, theirs, mine))

    def records(
        self,
        base: list[dict[str, Any]],
        theirs: list[dict[str, Any]],
        mine: list[dict[str, Any]],
        schema: tuple[str, ...],
        *,
        sort_by_time: bool = False,
    ) -> list[tuple[Slot, _Node]]:
        kind = _RECORD_LISTS[schema]
        keyed_base = _keyed(base, kind.key, "base", 0)
        empties = sum(1 for natural, *_ in keyed_base if natural == ())
        keyed_theirs = _keyed(theirs, kind.key, "theirs", empties)
        keyed_mine = _keyed(mine, kind.key, "mine", empties)
        order = _ordered_union(list(keyed_theirs), list(keyed_mine))
        if sort_by_time:
            order.sort(key=lambda slot: (keyed_mine.get(slot) or keyed_theirs[slot])["at"])
        return [
            (
                slot,
                self.record(
                    keyed_base.get(slot, ABSENT), keyed_theirs.get(slot, ABSENT), keyed_mine.get(slot, ABSENT), schema
                ),
            )
            for slot in order
        ]

    def record(self, base: Any, theirs: Any, mine: Any, schema: tuple[str, ...]) -> _Node:
        if _same(mine, base):
            return _Value(theirs)
        if _same(theirs, base) or _same(theirs, mine):
            return _Value(mine)
        kind = _RECORD_LISTS[schema]
        name = self.record_name(schema, next(v for v in (mine, base, theirs) if v is not ABSENT))
        if theirs is ABSENT or mine is ABSENT:
            why = "deleted on disk, changed here" if theirs is ABSENT else "changed on disk, deleted here"
            return self.pick(f"{name} ({why})", base, theirs, mine, record=True)
        merged = self.table(_or(base, {}), theirs, mine, schema, name)
        if not _always_valid(merged, kind.model):
            why = "changed on disk and here in ways that do not fit together"
            return self.pick(f"{name} ({why})", base, theirs, mine, record=True)
        return merged

    def timeline(self, base: list[dict[str, Any]], theirs: list[dict[str, Any]], mine: list[dict[str, Any]]) -> _Seq:
        key = _RECORD_LISTS[("timeline",)].key
        keyed = [_keyed(base, key, "base", 0), _keyed(theirs, key, "theirs", 0), _keyed(mine, key, "mine", 0)]
        for version in keyed:
            for slot, event in version.items():
                self.events.setdefault(slot, event)
        self.units = self.milestone_units(*keyed)

        def without_milestone(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{name: value for name, value in event.items() if name != "milestone"} for event in events]

        merged = self.records(
            without_milestone(base),
            without_milestone(theirs),
            without_milestone(mine),
            ("timeline",),
            sort_by_time=True,
        )
        return _Seq(tuple(_Event(node, slot) for slot, node in merged), timeline=True)

    def milestone_units(
        self, keyed_base: dict[Slot, Any], keyed_theirs: dict[Slot, Any], keyed_mine: dict[Slot, Any]
    ) -> list[_MilestoneUnit]:
        """Merge the map milestone -> event three ways, then join the decisions that could put two on one event."""

        def carried(keyed: dict[Slot, Any]) -> dict[str, Slot]:
            return {event["milestone"]: slot for slot, event in keyed.items() if "milestone" in event}

        base = carried(keyed_base)

        def side_map(keyed: dict[Slot, Any]) -> dict[str, Slot | None]:
            # A side that deleted the event carrying a milestone did not move the milestone: it goes with its event.
            side = carried(keyed)
            out: dict[str, Slot | None] = {}
            for milestone in Milestone:
                slot = side.get(milestone.value)
                held = base.get(milestone.value)
                if slot is None and held is not None and held not in keyed:
                    slot = held
                out[milestone.value] = slot
            return out

        on_theirs, on_mine = side_map(keyed_theirs), side_map(keyed_mine)
        units = []
        for milestone in Milestone:
            m: str = milestone.value
            was, t, n = base.get(m), on_theirs[m], on_mine[m]
            if n == was:
                options: tuple[dict[str, Slot | None], ...] = ({m: t},)
            elif t in (was, n):
                options = ({m: n},)
            else:
                options = ({m: t}, {m: n})
            units.append(_MilestoneUnit((m,), options))
        while (clash := _clash(units)) is not None:
            first, second = clash
            together = units[first].milestones + units[second].milestones
            joined = tuple(str(m.value) for m in Milestone if m.value in together)
            theirs_choice: dict[str, Slot | None] = {m: on_theirs[m] for m in joined}
            mine_choice: dict[str, Slot | None] = {m: on_mine[m] for m in joined}
            options = (theirs_choice,) if theirs_choice == mine_choice else (theirs_choice, mine_choice)
            units = [u for i, u in enumerate(units) if i not in clash] + [_MilestoneUnit(joined, options)]
        units.sort(key=lambda unit: [m.value for m in Milestone].index(unit.milestones[0]))
        for unit in units:
            if len(unit.options) == 2:
                names = [f"'{m}'" for m in unit.milestones]
                unit.ident = self.ident()
                if len(names) == 1:
                    unit.label = f"Milestone {names[0]}"
                else:
                    unit.label = f"Milestones {', '.join(names[:-1])} and {names[-1]}"
                unit.was = {m: base.get(m) for m in unit.milestones}
                unit.texts = (
                    self.placement(unit.was),
                    self.placement(unit.options[0]),
                    self.placement(unit.options[1]),
                )
        return units

    def placement(self, choice: Mapping[str, Slot | None]) -> str:
        def where(slot: Slot | None) -> str:
            if slot is None:
                return "(not set)"
            event = self.events[slot]
            return f"{self.when(event['at'])} '{_short(event.get('event', ''))}'"

        if len(choice) == 1:
            return where(next(iter(choice.values())))
        return "; ".join(f"{milestone}: {where(slot)}" for milestone, slot in choice.items())

    def when(self, moment: Any) -> str:
        if not isinstance(moment, datetime):
            return str(moment)
        local = moment.astimezone(self.zone)
        return local.strftime("%H:%M" if local.date() == self.day else "%Y-%m-%d %H:%M")

    def record_name(self, schema: tuple[str, ...], record: Mapping[str, Any]) -> str:
        noun = _RECORD_LISTS[schema].noun
        match schema:
            case ("timeline",):
                return f"{noun} {self.when(record.get('at'))} '{_short(record.get('event', ''))}'"
            case ("factors",) | ("actions",) if record.get("id"):
                return f"{noun} {record['id']}"
            case ("factors",):
                return f"{noun} '{_short(record.get('title', ''))}'"
            case ("actions",):
                return f"{noun} '{_short(record.get('action', ''))}'"
            case ("whys",) if not record.get("problem"):
                return f"{noun} without a problem"
            case ("links",):
                return f"{noun} '{_short(record.get('label') or record.get('url', ''))}'"
            case ("history",):
                change = record.get("change")
                stamp = f"{noun} {record.get('date')}"
                return f"{stamp} '{_short(change)}'" if change else stamp
        text = record.get(_RECORD_LISTS[schema].key[0], "")
        return f"{noun} '{_short(str(text))}'"


def _field_label(schema: tuple[str, ...], label: str, key: str) -> str:
    if not schema:
        return "" if key == "meta" else _capitalized(_human(key))
    if schema == ("meta",) and key == "id":
        return "Incident ID"
    if schema[0] == "extra":
        return f"Extra: {key}" if len(schema) == 1 else f"{label}.{key}"
    return f"{label}: {_human(key)}" if label else _capitalized(_human(key))


_WORDS = {"id": "ID", "sla": "SLA"}


def _human(key: str) -> str:
    return _WORDS.get(key, key.replace("_", " "))


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _always_valid(node: _Node, model: type[BaseModel]) -> bool:
    """Whether ``node`` renders as a valid ``model`` whichever side each of its conflicts takes."""
    picks = list(_picks(node))
    if len(picks) > _MAX_PICKS_CHECKED:
        return False
    for sides in itertools.product(Side, repeat=len(picks)):
        choices = {pick.ident: side for pick, side in zip(picks, sides)}
        try:
            model.model_validate(_Render((), choices).value(node, ()))
        except ValidationError:
            return False
    return True


def _picks(node: _Node) -> Iterable[_Pick]:
    if isinstance(node, _Pick):
        yield node
    elif isinstance(node, _Table):
        for _, child in node.items:
            yield from _picks(child)
    elif isinstance(node, _Seq):
        for child in node.items:
            yield from _picks(child)
    elif isinstance(node, _Event):
        yield from _picks(node.body)


def _clash(units: Sequence[_MilestoneUnit]) -> tuple[int, int] | None:
    """Two units that, for some choice of sides, put their milestones on one event."""
    for options in itertools.product(*(unit.options for unit in units)):
        owner: dict[Slot, int] = {}
        for index, option in enumerate(options):
            for slot in option.values():
                if slot is None:
                    continue
                if slot in owner and owner[slot] != index:
                    return owner[slot], index
                owner[slot] = index
    return None


def _keyed(records: Iterable[dict[str, Any]], key: tuple[str, ...], side: str, base_empties: int) -> dict[Slot, Any]:
    """Records by slot: their key and how many records with that key came before.

    Records with an empty key are matched with the base's by position; those past the base's count are new,
    and never taken for a record the other side added.
    """
    seen: Counter[tuple[Any, ...]] = Counter()
    keyed: dict[Slot, Any] = {}
    for record in records:
        natural = tuple(_hashable(record.get(name)) for name in key)
        if all(part in (None, "") for part in natural):
            natural = ()
        count = seen[natural]
        seen[natural] += 1
        if natural == () and side != "base" and count >= base_empties:
            keyed[((), side, count)] = record
        else:
            keyed[(natural, count)] = record
    return keyed


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return _freeze(value)
    return value


def _ordered_union(theirs: Sequence[Any], mine: Sequence[Any]) -> list[Any]:
    """Mine's order, each key only theirs has inserted after the key before it in theirs."""
    order = list(mine)
    known = set(order)
    previous: Any = ABSENT
    for key in theirs:
        if key not in known:
            order.insert(order.index(previous) + 1 if previous is not ABSENT else 0, key)
            known.add(key)
        previous = key
    return order


def _merge_set(base: list[Any], theirs: list[Any], mine: list[Any]) -> list[Any]:
    """Plain values as an ordered set: mine's order, theirs' additions, without what theirs removed."""
    in_base, in_theirs, in_mine = (_occurrences(values) for values in (base, theirs, mine))
    merged = []
    for key in _ordered_union(list(in_theirs), list(in_mine)):
        kept = key in in_theirs if (key in in_mine) == (key in in_base) else key in in_mine
        if kept:
            merged.append(in_mine[key] if key in in_mine else in_theirs[key])
    return merged


def _occurrences(values: Iterable[Any]) -> dict[tuple[Any, int], Any]:
    seen: Counter[Any] = Counter()
    out: dict[tuple[Any, int], Any] = {}
    for value in values:
        frozen = _freeze(value)
        out[(frozen, seen[frozen])] = value
        seen[frozen] += 1
    return out


def _freeze(value: Any) -> Any:
    """A hashable stand-in for ``value`` that is equal for two values exactly when ``_same`` says so."""
    if isinstance(value, dict):
        return ("table", tuple((key, _freeze(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("array", tuple(_freeze(item) for item in value))
    if isinstance(value, datetime):
        return ("datetime", value, value.utcoffset())
    if isinstance(value, float):
        return ("float", repr(value))
    return (type(value).__name__, value)


def _same(a: Any, b: Any) -> bool:
    """Equal as the file would write them: same types, key order and UTC offsets (``==`` ignores these)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, datetime):
        return bool(a == b and a.utcoffset() == b.utcoffset())
    if isinstance(a, float):
        return repr(a) == repr(b)
    return bool(a == b)


def _or(value: Any, default: Any) -> Any:
    return default if value is ABSENT else value


def _renumber_added_ids(base: dict[str, Any], theirs: dict[str, Any], mine: dict[str, Any], notes: list[str]) -> None:
    """Give mine's factors and actions a new id where theirs added a different one with the same id.

    Mine's references to a renumbered factor follow it. Changes ``mine`` in place.
    """
    for name, prefix, noun in (("factors", "F", "factor"), ("actions", "A", "action")):
        base_ids = {record.get("id", "") for record in base.get(name, [])}
        on_theirs = _by_id(theirs.get(name, []))
        on_mine = _by_id(mine.get(name, []))
        used = base_ids | set(on_theirs) | set(on_mine)
        for old, records in on_mine.items():
            if not old or old in base_ids or old not in on_theirs or _same(on_theirs[old], records):
                continue
            new = next_id(prefix, used)
            used.add(new)
            for record in records:
                record["id"] = new
            if name == "factors":
                for action in mine.get("actions", []):
                    if "factors" in action:
                        action["factors"] = [new if ref == old else ref for ref in action["factors"]]
            notes.append(f"Your {noun} {old} is now {new}: {old} was also added on disk.")


def _by_id(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        out.setdefault(record.get("id", ""), []).append(record)
    return out


# --- Display ------------------------------------------------------------------------------------------------------

_INNER_TEXT_LIMIT = 60


def _display(value: Any, record: bool) -> str:
    """The whole value (the author chooses between the two in full), texts inside a record shortened."""
    if value is ABSENT:
        return "(deleted)" if record else "(not set)"
    return _toml_ish(value, inner=False)


def _toml_ish(value: Any, *, inner: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(_short(value, _INNER_TEXT_LIMIT) if inner else value, ensure_ascii=False)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_ish(item, inner=True) for item in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{key} = {_toml_ish(item, inner=True)}" for key, item in value.items()) + " }"
    return str(value)


def _short(text: str, limit: int = 40, *, squeeze: bool = True) -> str:
    if squeeze:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
