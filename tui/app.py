"""The postmortem App: owns the document, saves it, exports it, quits safely."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.binding import Binding
from textual.timer import Timer

from exports.markdown import render_markdown
from models.checks import Finding, run_checks
from models.codec import dumps
from models.document import Postmortem
from models.errors import DocumentError
from models.recovery import discard_recovery, read_recovery, recovery_path
from models.store import parse, save, write_atomic
from screens.confirm_dialog import conflict_dialog, quit_dialog, recovery_dialog
from screens.too_small import TooSmallScreen, too_small
from screens.wizard import WizardScreen
from tui.commands import WizardCommands
from tui.safekeeping import Safekeeper


# Seconds of quiet after an edit before the review checks run again.
CHECK_DELAY = 0.4


class PostmortemApp(App[int]):
    """Edit one postmortem file.

    ``saved_text`` is the TOML the document had when opened or last saved; the
    document has unsaved changes when it no longer serialises to that text.
    """

    CSS_PATH = "app.tcss"
    TITLE = "postmortem"
    COMMANDS = App.COMMANDS | {WizardCommands}
    # The wizard is the screen the app starts with (its one mode), rather than a
    # screen pushed over an empty default screen that would be laid out for nothing.
    MODES = {"wizard": WizardScreen}
    DEFAULT_MODE = "wizard"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="app.save", priority=True, tooltip="Save the postmortem file"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Quit (asks about unsaved changes)"),
        # Not a priority: in a text field ctrl+c copies. Elsewhere it keeps a recovery copy, then quits.
        Binding("ctrl+c", "interrupt", "Quit", id="app.interrupt", show=False),
    ]

    def __init__(self, document: Postmortem, path: Path, *, start_step: str = "summary",
                 today: date | None = None) -> None:
        super().__init__()
        self.document = document
        self.path = path
        self.saved_text = dumps(document)
        self.edited = False  # an edit since the last save: the cheap check for the title bar
        self.start_step = start_step
        self.today = today  # the date overdue actions are judged against (None: the real today)
        self.findings: list[Finding] = run_checks(document, today)
        self._check_timer: Timer | None = None
        self.disk_text = _text_on_disk(path)  # what the file held when opened or last saved here
        self.safekeeper = Safekeeper(self)
        self._too_small_screen: TooSmallScreen | None = None

    @property
    def wizard(self) -> WizardScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.refresh_title()
        self.safekeeper.start()
        self._offer_recovery()
        self._fit(self.size)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Below the smallest usable size, say so instead of squeezing the wizard."""
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
        """After a crash: restore the recovery copy, look at what differs, or discard it."""
        recovered = read_recovery(self.path)
        current = dumps(self.document)
        if recovered is None or recovered == current:
            discard_recovery(self.path)
            return
        kept = datetime.fromtimestamp(recovery_path(self.path).stat().st_mtime).strftime("%Y-%m-%d %H:%M")

        def answered(answer: str | None) -> None:
            if answer == "restore":
                try:
                    document = parse(recovered, recovery_path(self.path))
                except DocumentError as error:
                    self.notify("\n".join(error.lines()), title="Cannot restore", severity="error", timeout=10)
                    return
                self.replace_document(document)
                self.document_changed()
            elif answer == "discard":
                self.safekeeper.settled()

        self.push_screen(recovery_dialog(self.path.name, current, recovered, kept), answered)

    def replace_document(self, document: Postmortem) -> None:
        """Show another version of the document (restored or reloaded) in place of this one."""
        self.document = document
        self.findings = run_checks(document, self.today)
        self.call_later(self.wizard.go_to, self.wizard.current_step)
        self.wizard.show_progress()
        self.wizard.show_findings()

    # Document state

    @property
    def unsaved(self) -> bool:
        """Whether the file would change on save (exact, used before quitting)."""
        return dumps(self.document) != self.saved_text

    def document_changed(self) -> None:
        """Called by the steps after each edit; the review checks run once typing pauses."""
        self.edited = True
        self.refresh_title()
        self.wizard.show_progress()
        self.safekeeper.changed()
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self.refresh_findings)

    def refresh_findings(self) -> None:
        self._check_timer = None
        self.findings = run_checks(self.document, self.today)
        if self.screen_stack:  # not while the app is closing
            self.wizard.show_findings()

    def refresh_title(self) -> None:
        self.title = f"{self.path.name} ●" if self.edited else self.path.name

    # Actions

    def keep_recovery_copy(self) -> None:
        self.safekeeper.write()

    def action_save(self) -> bool:
        """Save, unless the file changed on disk since it was opened here: then ask first."""
        on_disk = _text_on_disk(self.path)
        if on_disk is not None and on_disk != self.disk_text:
            self.push_screen(conflict_dialog(self.path.name, self.disk_text or "", on_disk),
                             partial(self._conflict_answered, on_disk))
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
        self.edited = False
        self.refresh_title()
        self.safekeeper.settled()
        self.notify(f"Saved {self.path}", timeout=3)
        return True

    def _conflict_answered(self, on_disk: str, answer: str | None) -> None:
        if answer == "overwrite":
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
            self.edited = False
            self.refresh_title()
            self.safekeeper.settled()

    def action_export_markdown(self) -> None:
        target = self.path.with_suffix(".md")
        try:
            write_atomic(target, render_markdown(self.document))
        except DocumentError as error:
            self.notify("\n".join(error.lines()), title="Not exported", severity="error", timeout=10)
            return
        self.notify(f"Exported Markdown to {target}", timeout=4)

    async def action_go_to(self, step_id: str) -> None:
        await self.wizard.go_to(step_id)

    async def action_step_action(self, step_id: str, action: str) -> None:
        """Open a step and run one of its actions, such as its "add" form (palette commands)."""
        step = await self.wizard.go_to(step_id)
        await step.run_action(action)

    async def action_quit(self) -> None:
        if not self.unsaved:
            self.exit(0)
            return

        def answered(answer: str | None) -> None:
            if answer == "save" and self.action_save():
                self.exit(0)
            elif answer == "discard":
                self.safekeeper.settled()
                self.exit(0)

        self.push_screen(quit_dialog(), answered)

    async def action_interrupt(self) -> None:
        self.safekeeper.write()
        await self.action_quit()


def _text_on_disk(path: Path) -> str | None:
    """The file's text now (None when it does not exist; unreadable content counts as changed)."""
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"(unreadable: {error})"


def _free_name(path: Path) -> Path:
    """``incident-mine.toml``, or ``incident-mine-2.toml``…, whichever does not exist yet."""
    for number in range(1, 1000):
        candidate = path.with_name(f"{path.stem}-mine{'' if number == 1 else f'-{number}'}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(path)
