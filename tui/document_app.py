"""The base of the apps that edit one postmortem file: load, save safely, settle conflicts, recover, quit.

The app owns the one ``Postmortem``; views read it through ``DocumentHost`` and
report their changes with ``DocumentChanged``. What a change redraws is up to
the app on top (the wizard or the meeting).
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.timer import Timer

from postmortem.models.codec import dumps
from postmortem.models.document import Postmortem
from postmortem.models.errors import DocumentError
from postmortem.models.history import History
from postmortem.models.merge import merge
from postmortem.models.recovery import (
    data_dir,
    discard_recovery,
    read_recovery,
    read_recovery_base,
    recovery_path,
)
from postmortem.models.store import parse, save
from postmortem.screens.dialogs.confirm import conflict_dialog, quit_dialog, recovery_dialog
from postmortem.screens.dialogs.help import HelpScreen, KeyGroup, key_rows
from postmortem.screens.dialogs.merge import MergeDialog
from postmortem.screens.dialogs.too_small import TooSmallScreen, too_small
from postmortem.screens.host import DocumentChanged
from postmortem.tui.keys_in_order import KeysInOrder
from postmortem.tui.quiet_work import QuietWork, Work
from postmortem.tui.safekeeping import Safekeeper

# Seconds of quiet after an edit before the work too slow for every key runs (the unsaved mark is
# checked against the saved text; the wizard runs the review checks).
PAUSE = 0.4


class DocumentApp(KeysInOrder[int]):
    """Edit one postmortem file.

    ``saved_text`` is the TOML the document had when opened or last saved; the
    document has unsaved changes when it no longer serialises to that text.
    """

    CSS_PATH = "app.tcss"
    TITLE = "postmortem"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="app.save", priority=True, tooltip="Save the postmortem file"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Quit (asks about unsaved changes)"),
        # Not a priority: in a text field ctrl+c copies. Elsewhere it keeps a recovery copy, then quits.
        Binding("ctrl+c", "interrupt", "Quit", id="app.interrupt", show=False),
        # Undo is in the footer while there is something to undo; redo only in the palette (the footer is full).
        Binding("ctrl+z", "undo", "Undo", id="app.undo", priority=True, tooltip="Take back the last change"),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", priority=True, show=False),
        Binding("f1", "help", "Help", id="app.help", priority=True, show=False, tooltip="Keys and guidance for here"),
        # Not a priority: in a text field ? types a ?.
        Binding("question_mark", "help", "Help", id="app.help_key", show=False, tooltip="Keys and guidance for here"),
    ]

    def __init__(self, document: Postmortem, path: Path, *, today: date | None = None) -> None:
        super().__init__()
        self._document = document
        self.path = path
        self.saved_text = dumps(document)
        # What the title bar's unsaved mark shows. An edit sets it at once; once typing pauses it is
        # compared with the saved text, so that an edit undone by hand clears it as quitting would find.
        self.marked_unsaved = False
        self._pause_timer: Timer | None = None
        self._today = today
        self.disk_text = _text_on_disk(path)  # what the file held when opened or last saved here
        self.safekeeper = Safekeeper(self, path, lambda: self.document, lambda: self.disk_text, self._settle_typing)
        self._too_small_screen: TooSmallScreen | None = None
        self.history = History(document)
        self._undo_shown = False  # whether the footer shows ^z Undo
        self.crash_message: str | None = None  # why an unexpected error ended the app, for the terminal
        self.then: str | None = None  # what the command line opens once the app has closed: "library" or nothing
        self.quiet_work = QuietWork(self)

    # DocumentHost

    @property
    def document(self) -> Postmortem:
        return self._document

    @property
    def today(self) -> date | None:
        """The day overdue actions are judged against (None: the real today)."""
        return self._today

    def when_quiet(self, work: Work) -> None:
        """Run ``work`` at a quiet moment (no input for half a second)."""
        self.quiet_work.add(work)

    # What the app on top redraws

    def show_change(self) -> None:
        """The document was edited: show what depends on it."""

    def show_document(self) -> None:
        """Another version of the document (restored or reloaded) took the place of this one."""

    def after_typing(self) -> None:
        """Typing paused after edits: show what is too slow to work out on every key."""

    def text_not_in_document(self) -> bool:
        """Whether a view shows typed text the document could not take (it would be lost on quitting)."""
        return False

    # Start and size

    def on_mount(self) -> None:
        self.refresh_title()
        self.safekeeper.start()
        self._offer_recovery()
        self._fit(self.size)

    async def run_async(self, *args: Any, **kwargs: Any) -> int | None:
        """Start-up makes mostly objects that stay: it runs without garbage collections (until Ready)."""
        gc.disable()
        try:
            return await super().run_async(*args, **kwargs)
        finally:
            gc.enable()

    def on_ready(self) -> None:
        self.fill_in(then=self.quiet_work.start)

    def fill_in(self, then: Callable[[], None]) -> None:
        """The app's first frame is up: build what it left out, then call ``then`` after a refresh."""
        self.call_after_refresh(then)

    def on_unmount(self) -> None:
        self.quiet_work.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.quiet_work.input()
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Below the smallest usable size, say so instead of squeezing the screen."""
        screen = self._too_small_screen
        if too_small(size):
            if screen is None:
                self._too_small_screen = TooSmallScreen()
                self.push_screen(self._too_small_screen)
            elif screen.is_mounted:
                screen.show(size)
        elif screen is not None:
            self._too_small_screen = None
            if self.screen is screen:
                self.pop_screen()

    def _offer_recovery(self) -> None:
        """After a crash: restore the recovery copy (merged with the file if that changed since), look at
        what differs, or discard it."""
        recovered = read_recovery(self.path)
        current = dumps(self.document)
        if recovered is None or recovered == current:
            discard_recovery(self.path)
            return
        kept = datetime.fromtimestamp(recovery_path(self.path).stat().st_mtime).strftime("%Y-%m-%d %H:%M")

        def answered(answer: str | None) -> None:
            if answer == "restore":
                self._restore(recovered)
            elif answer == "discard":
                self.safekeeper.settled()

        self.push_screen(recovery_dialog(self.path.name, current, recovered, kept), answered)

    def _restore(self, recovered: str) -> None:
        """Take the recovery copy; where the file changed since its edits began, merge the two."""
        base = read_recovery_base(self.path)
        try:
            document = parse(recovered, recovery_path(self.path))
            if base is None or base == self.disk_text:
                self._take(document)
                return
            started_from = parse(base, recovery_path(self.path))
        except DocumentError as error:
            self.notify("\n".join(error.lines()), title="Cannot restore", severity="error", timeout=10)
            return
        combined = merge(started_from, self.document, document)
        heading = f"{self.path.name} changed since the recovered work began: the two are merged."
        self.push_screen(
            MergeDialog(combined, heading, theirs_name="In the file", mine_name="Recovered"),
            lambda merged: self._take(merged) if merged is not None else None,
        )

    def _take(self, document: Postmortem) -> None:
        """Show a restored or merged document in place of this one, as an unsaved change."""
        self.replace_document(document)
        self.note_change()

    def replace_document(self, document: Postmortem) -> None:
        """Show another version of the document (restored, merged or reloaded) in place of this one; undo
        takes it back."""
        self._document = document
        self.history.changed(document)
        self.show_document()

    # Document state

    @property
    def unsaved(self) -> bool:
        """Whether quitting now would lose anything: text the document could not take, or a change not saved."""
        return self.text_not_in_document() or dumps(self.document) != self.saved_text

    @on(DocumentChanged)
    def _document_changed(self, message: DocumentChanged) -> None:
        self.history.changed(self.document, message.location)
        self.note_change()

    # Help

    def action_help(self) -> None:
        """Help for the screen on top (the step, the meeting section, a form); again closes it."""
        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss(None)
            return
        make = getattr(screen, "help_screen", None)
        if callable(make):
            self.push_screen(make())
            return
        groups = [
            KeyGroup("Here", key_rows(screen, [screen, *screen.focus_chain])),
            KeyGroup("Anywhere", key_rows(screen, [self])),
        ]
        self.push_screen(HelpScreen("Help", groups))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Help (F1) takes the place of Textual's panel of keys.
        return [command for command in super().get_system_commands(screen) if command.title != "Keys"]

    # Undo and redo

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.history.can_undo
        if action == "redo":
            return self.history.can_redo
        return True

    def action_undo(self) -> None:
        self._show_history_step(self.history.undo(self.document))

    def action_redo(self) -> None:
        self._show_history_step(self.history.redo(self.document))

    def _show_history_step(self, document: Postmortem | None) -> None:
        if document is None:  # check_action keeps the keys and the palette from asking then
            return
        self._document = document
        self.show_document()
        self.note_change()

    def note_change(self) -> None:
        """After each edit: mark the title, keep a recovery copy soon, redraw what depends on the document."""
        self.show_unsaved(True)
        if self._pause_timer is not None:
            self._pause_timer.stop()
        self._pause_timer = self.set_timer(PAUSE, self._typing_paused)
        self.safekeeper.changed()
        if not self.screen_stack:  # the app is closing: the change is kept safe, nothing is drawn
            return
        self.show_change()
        if self.history.can_undo != self._undo_shown:  # the footer offers undo only when it does something
            self._undo_shown = self.history.can_undo
            self.refresh_bindings()

    @property
    def pause_due(self) -> bool:
        """Whether edits wait for typing to pause (for the unsaved mark's check and ``after_typing``)."""
        return self._pause_timer is not None

    def _typing_paused(self) -> None:
        self._pause_timer = None
        self.show_unsaved(self.unsaved)
        if self.screen_stack:  # not while the app is closing
            self.after_typing()

    def show_unsaved(self, unsaved: bool) -> None:
        self.marked_unsaved = unsaved
        self.refresh_title()

    def refresh_title(self) -> None:
        self.title = f"{self.path.name} ●" if self.marked_unsaved else self.path.name

    # Saving

    def action_save(self) -> bool:
        """Save, unless the file changed on disk since it was opened here: then ask first."""
        on_disk = _text_on_disk(self.path)
        if on_disk is not None and on_disk != self.disk_text:
            self.push_screen(
                conflict_dialog(self.path.name, self.disk_text or "", on_disk),
                partial(self._conflict_answered, on_disk),
            )
            return False
        return self._save_to(self.path)

    def _save_to(self, path: Path) -> bool:
        try:
            text = save(self.document, path, backup=True)
        except DocumentError as error:
            self.notify("\n".join(error.lines()), title="Not saved", severity="error", timeout=10)
            return False
        if path != self.path:
            self.safekeeper.moved(path)
            self.path = path
        self.saved_text = self.disk_text = text
        self.show_unsaved(self.text_not_in_document())
        self.safekeeper.settled()
        self.notify(f"Saved {self.path}", timeout=3)
        return True

    def _conflict_answered(self, on_disk: str, answer: str | None) -> None:
        if answer == "merge":
            self._offer_merge(on_disk)
        elif answer == "overwrite":
            self._save_to(self.path)
        elif answer == "save-as":
            self._save_to(_free_name(self.path))
        elif answer == "reload":
            try:
                document = parse(on_disk, self.path)
            except DocumentError as error:
                self.notify("\n".join(error.lines()), title="Cannot reload", severity="error", timeout=10)
                return
            self.replace_document(document)
            self.saved_text = self.disk_text = on_disk
            self.show_unsaved(False)
            self.safekeeper.settled()

    def _offer_merge(self, on_disk: str) -> None:
        """Merge the changes made here with those on disk since the file was opened or last saved here; once
        the author takes the merge, it is saved."""
        try:
            theirs = parse(on_disk, self.path)
            base = parse(self.disk_text, self.path) if self.disk_text is not None else None
        except DocumentError as error:
            self.notify("\n".join(error.lines()), title="Cannot merge", severity="error", timeout=10)
            return

        def taken(merged: Postmortem | None) -> None:
            if merged is not None:
                self._take(merged)
                self.disk_text = on_disk  # what the merge started from on disk
                self.action_save()

        heading = f"{self.path.name}: the changes on disk and the changes made here, merged."
        self.push_screen(MergeDialog(merge(base, theirs, self.document), heading), taken)

    # Quitting

    async def action_quit(self) -> None:
        self._close()

    def action_open_library(self) -> None:
        """Close the postmortem, as quitting does, and show the library it belongs to."""
        self._close(then="library")

    def _close(self, then: str | None = None) -> None:
        """End the app, asking first what to do with unsaved changes; ``then`` is what opens next."""

        def leave() -> None:
            self.then = then
            self.exit(0)

        if not self.unsaved:
            leave()
            return

        def answered(answer: str | None) -> None:
            if answer == "save" and self.action_save():
                leave()
            elif answer == "discard":
                self.safekeeper.settled()
                leave()

        self.push_screen(quit_dialog("the library" if then == "library" else ""), answered)

    async def action_interrupt(self) -> None:
        self.safekeeper.write()
        await self.action_quit()

    # A fault of the app itself

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error ends the app (Textual's rule), but not the work: the document goes to its
        recovery copy, the traceback to a report file, and ``crash_message`` says so in one line, printed
        instead of the traceback once the terminal is back."""
        super()._handle_exception(error)
        self._exit_renderables.clear()
        self.safekeeper.write(always=True)
        report = _write_report(error)
        first_line = next(iter(str(error).strip().splitlines()), "")
        self.crash_message = (
            f"postmortem stopped on an unexpected error ({type(error).__name__}{': ' if first_line else ''}"
            f"{first_line}). Your edits are kept: open {self.path} again to restore them from the recovery copy."
            + (f" The details are in {report}." if report else "")
        )


def _text_on_disk(path: Path) -> str | None:
    """The file's text now (None when it does not exist; unreadable content counts as changed)."""
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"(unreadable: {error})"


def _write_report(error: Exception) -> Path | None:
    """Keep the traceback of an unexpected error in the data folder, for a bug report (None if it cannot)."""
    report = data_dir() / "errors" / f"{datetime.now():%Y%m%d-%H%M%S}-{type(error).__name__}.txt"
    try:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return None
    return report


def _free_name(path: Path) -> Path:
    """``incident-mine.toml``, or ``incident-mine-2.toml``…, whichever does not exist yet."""
    for number in range(1, 1000):
        candidate = path.with_name(f"{path.stem}-mine{'' if number == 1 else f'-{number}'}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(path)
