"""A multi-line text field that shows its text from the top and lets you type on from the end."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea

# ctrl+a selects all of a field's text, so that typing replaces it. Textual binds it to the line's start, which
# home does as well; its own select-all keys are f7 in a text area (hard to guess) and ctrl+shift+a in a one-line
# field (which a terminal sends as plain ctrl+a). No description: the help lists it once, among the fields' keys.
SELECT_ALL = Binding("ctrl+a", "select_all", show=False, id="field.select_all")


class EndTextArea(TextArea):
    """On the first focus the cursor moves to the end, like a one-line field's, so typing adds to the text.

    Until then the field shows the start of its text, which is what a reader wants to see. Text loaded
    later counts as new: the first focus after it moves to its end (at once, when the field has focus).
    ``ctrl+a`` selects all the text.
    """

    BINDINGS = [SELECT_ALL]

    _moved = False

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        if not self._moved and self.cursor_location == (0, 0):
            self.move_cursor(self.document.end)
        self._moved = True

    def load_text(self, text: str) -> None:
        super().load_text(text)
        self._moved = False
        if self.has_focus:
            self.move_cursor(self.document.end)
            self._moved = True
