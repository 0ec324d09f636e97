"""A multi-line text field that shows its text from the top and lets you type on from the end."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class EndTextArea(TextArea):
    """On the first focus the cursor moves to the end, like a one-line field's, so typing adds to the text.

    Until then the field shows the start of its text, which is what a reader wants to see. Text loaded
    later counts as new: the first focus after it moves to its end (at once, when the field has focus).
    """

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
