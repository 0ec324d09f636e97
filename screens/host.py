"""The seam between the views and the app that owns the document.

Data goes down: a view reads and changes the document through ``DocumentHost``,
the small interface every app of the package offers. Events go up: after a
change a view posts ``DocumentChanged``; the app keeps the work safe and
redraws what depends on the document.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.dom import DOMNode
from textual.message import Message

if TYPE_CHECKING:
    from postmortem.models.document import Postmortem


@runtime_checkable
class KeyHolder(Protocol):
    """An app that keeps the keys typed while a view builds or focuses what they are meant for."""

    def hold_keys(self) -> Callable[[], None]:
        """Keep the keys typed from now on until the returned function is called (after focusing their field)."""
        ...


@runtime_checkable
class DocumentHost(KeyHolder, Protocol):
    """What a view may use of the app: the one document, the day findings are judged on, holding the keys
    typed while the view builds what they are meant for, and building ahead at quiet moments."""

    @property
    def document(self) -> Postmortem: ...

    @property
    def today(self) -> date | None:
        """The day overdue actions are judged against (None: the real today)."""
        ...

    def when_quiet(self, work: Callable[[], Awaitable[None] | None]) -> None:
        """Run ``work`` at a quiet moment, when no key has come for a while: building a view ahead."""
        ...


def document_host(node: DOMNode) -> DocumentHost:
    """The app a view belongs to, as the document's host."""
    app = node.app
    assert isinstance(app, DocumentHost), f"{type(app).__name__} does not host a document"
    return app


class DocumentChanged(Message):
    """A view changed the document: an edit, or a record added, replaced or deleted. ``location`` names the
    one field an edit changed (None: anything may have changed), so that undo can take it back."""

    def __init__(self, location: str | None = None) -> None:
        super().__init__()
        self.location = location
