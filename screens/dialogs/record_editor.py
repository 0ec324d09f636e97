"""Adding, editing and deleting records through their forms: the one path the table steps and the meeting share.

A ``RecordKind`` says where records of a kind live in the document and which
form edits them; a ``RecordEditor`` opens that form (or asks before deleting),
changes the document, reports the change upward and hands the record's index
to its owner to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from textual.widget import AwaitMount, Widget

from postmortem.models.document import ActionItem, Factor, Postmortem, TimelineEvent
from postmortem.models.enums import Category
from postmortem.screens.dialogs.action_form import ActionForm
from postmortem.screens.dialogs.confirm import delete_dialog
from postmortem.screens.dialogs.event_form import EventForm
from postmortem.screens.dialogs.factor_form import FactorForm
from postmortem.screens.dialogs.record_form import RecordForm
from postmortem.screens.host import DocumentChanged, document_host

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class RecordKind(Generic[R]):
    noun: str  # in the forms' titles: "Add action item"
    short_noun: str  # in the delete question: "Delete action A1?"
    list_name: str  # the document's list of these records
    # Opens the form (the app's, when it has one) on a record (None: a new one), with what the owner
    # knows of the context: (document, form or None, title, record, **context).
    form: Callable[..., RecordForm[R]]
    # Where the document puts a new or changed record (timeline events keep time order);
    # None: a new one at the end, a changed one in its place.
    insert: Callable[[Postmortem, R], int] | None = None
    replace: Callable[[Postmortem, int, R], int] | None = None

    def records(self, doc: Postmortem) -> list[R]:
        records: list[R] = getattr(doc, self.list_name)
        return records

    def add_to(self, doc: Postmortem, record: R) -> int:
        """Add a record; its index."""
        if self.insert is not None:
            return self.insert(doc, record)
        records = self.records(doc)
        records.append(record)
        return len(records) - 1

    def put(self, doc: Postmortem, index: int, record: R) -> int:
        """Replace the record at ``index``; the changed record's index."""
        if self.replace is not None:
            return self.replace(doc, index, record)
        self.records(doc)[index] = record
        return index


def _action_form(doc: Postmortem, form: ActionForm | None, title: str, item: ActionItem | None) -> ActionForm:
    return (form or ActionForm()).open_as(title, item, new_id=doc.next_action_id(), factors=doc.factors)


def _factor_form(
    doc: Postmortem,
    form: FactorForm | None,
    title: str,
    factor: Factor | None,
    category: Category | None = Category.TECHNICAL,
) -> FactorForm:
    return (form or FactorForm()).open_as(title, factor, new_id=doc.next_factor_id(), category=category)


def _event_form(doc: Postmortem, form: EventForm | None, title: str, event: TimelineEvent | None) -> EventForm:
    last: datetime | None = doc.timeline[-1].at if doc.timeline else None
    return (form or EventForm()).open_as(
        title, event, incident_date=doc.meta.incident_date, zone=doc.meta.zone, default_time=last
    )


ACTIONS = RecordKind[ActionItem]("action item", "action", "actions", _action_form)
FACTORS = RecordKind[Factor]("contributing factor", "factor", "factors", _factor_form)
EVENTS = RecordKind[TimelineEvent](
    "timeline event", "event", "timeline", _event_form, insert=Postmortem.add_event, replace=Postmortem.replace_event
)


class RecordEditor(Generic[R]):
    """Edits the records of one kind for ``owner``; ``shown`` is called with the changed record's index
    (None after a delete) once the document has it."""

    def __init__(self, owner: Widget, kind: RecordKind[R], shown: Callable[[int | None], object]) -> None:
        self.owner = owner
        self.kind = kind
        self.shown = shown

    @property
    def document(self) -> Postmortem:
        return document_host(self.owner).document

    def add(self, **context: Any) -> None:
        def added(record: R | None) -> None:
            if record is not None:
                self._changed(self.kind.add_to(self.document, record))

        self.owner.app.push_screen(self._form(f"Add {self.kind.noun}", None, **context), added)

    def edit(self, index: int, **context: Any) -> None:
        def edited(record: R | None) -> None:
            if record is not None:
                self._changed(self.kind.put(self.document, index, record))

        record = self.kind.records(self.document)[index]
        self.owner.app.push_screen(self._form(f"Edit {self.kind.noun}", record, **context), edited)

    async def prepare(self) -> None:
        """Build the app's form for this kind now, unseen, so that the first add or edit opens it at once
        (built on the key, it takes a third of a second). For a quiet moment."""
        app = self.owner.app
        if not app.is_screen_installed(self._form_name):
            form = self._form("", None)
            # What push_screen does first: start the screen, which composes and styles its widgets.
            await AwaitMount(form, app._register(app, form))
            # And what its first frame does: lay it out, so that its widgets know their sizes.
            if app.is_running:  # not while the app closes
                form._refresh_layout(app.size)

    @property
    def _form_name(self) -> str:
        return f"{self.kind.list_name}-form"

    def _form(self, title: str, record: R | None, **context: Any) -> RecordForm[R]:
        """The app's form for this kind, built the first time and kept (installed) for the next."""
        app, name = self.owner.app, self._form_name
        kept = app.get_screen(name) if app.is_screen_installed(name) else None
        form = self.kind.form(self.document, kept, title, record, **context)
        if kept is None:
            app.install_screen(form, name)
        return form

    def delete(self, index: int, label: str) -> None:
        """Ask first; ``label`` names the record in the question."""

        def confirmed(answer: str | None) -> None:
            if answer == "delete":
                del self.kind.records(self.document)[index]
                self._changed(None)

        self.owner.app.push_screen(delete_dialog(f"{self.kind.short_noun} {label}"), confirmed)

    def _changed(self, index: int | None) -> None:
        self.owner.post_message(DocumentChanged())
        self.shown(index)
