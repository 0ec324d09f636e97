"""Undo and redo for one document: every change, in the order it was made.

The history keeps a private copy of the document as of the last change it
recorded. A change reported with the location of the one field it edited is
kept as that field's value before and after, and a run of edits to the same
field is one step; any other change (a record added, edited or deleted, a
milestone moved, an import, a merge) is kept as the whole document before and
after, as JSON (a fifth of the memory of a copy, and quicker to make and to
read back). Undoing then redoing gives the document back exactly.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from postmortem.models.document import Postmortem
from postmortem.models.locations import set_value_at, value_at

# Steps kept; the oldest are forgotten first.
LIMIT = 500


@dataclass
class _FieldEdit:
    location: str
    before: Any
    after: Any


@dataclass(frozen=True)
class _Replaced:
    before: str  # the document as JSON
    after: str


_Step = _FieldEdit | _Replaced


class History:
    def __init__(self, document: Postmortem, limit: int = LIMIT) -> None:
        self._shadow = document.model_copy(deep=True)  # the document as of the last recorded change
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._limit = limit
        self._open_field: str | None = None  # the field whose run of edits the last step still takes in

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def changed(self, document: Postmortem, location: str | None = None) -> None:
        """Record a change made to ``document``: of the field at ``location`` only, or of anything (None)."""
        self._redo.clear()
        if location is None:
            after = document.model_dump_json()
            self._push(_Replaced(self._shadow.model_dump_json(), after))
            self._shadow = Postmortem.model_validate_json(after)
            self._open_field = None
            return
        after = copy.deepcopy(value_at(document, location))
        last = self._undo[-1] if self._undo else None
        if isinstance(last, _FieldEdit) and self._open_field == location:
            last.after = after
        else:
            self._push(_FieldEdit(location, copy.deepcopy(value_at(self._shadow, location)), after))
            self._open_field = location
        set_value_at(self._shadow, location, copy.deepcopy(after))

    def pause(self) -> None:
        """The author moved on (typing paused, another field): the next edit of the same field is a new step."""
        self._open_field = None

    def undo(self, document: Postmortem) -> Postmortem | None:
        """Take back the last step: the document to show (``document`` changed in place, or another one);
        None when there is nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        return self._go(document, step, back=True)

    def redo(self, document: Postmortem) -> Postmortem | None:
        """Make the last undone step again; None when there is nothing to redo."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        return self._go(document, step, back=False)

    def _go(self, document: Postmortem, step: _Step, *, back: bool) -> Postmortem:
        self._open_field = None
        if isinstance(step, _FieldEdit):
            value = step.before if back else step.after
            set_value_at(document, step.location, copy.deepcopy(value))
            set_value_at(self._shadow, step.location, copy.deepcopy(value))
            return document
        version = step.before if back else step.after
        self._shadow = Postmortem.model_validate_json(version)
        return Postmortem.model_validate_json(version)

    def _push(self, step: _Step) -> None:
        self._undo.append(step)
        del self._undo[: -self._limit]
