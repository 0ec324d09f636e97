"""Opening the interactive apps from the command line: the file's problems first, the work kept safe."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from postmortem.models.errors import DocumentError

if TYPE_CHECKING:  # the apps import Textual: only the interactive commands pay for it
    from postmortem.models.document import Postmortem
    from postmortem.tui.document_app import DocumentApp


def load_for_screen(path: Path) -> Postmortem:
    """Load a file an interactive command will show; if it cannot be, its problems get a screen first."""
    from postmortem.models.store import load

    try:
        return load(path)
    except DocumentError as error:
        if path.exists():
            from postmortem.tui.load_error import LoadErrorApp

            LoadErrorApp(path, error).run()
        raise


def run_wizard(document: Postmortem, path: Path, as_of: date | None = None) -> int:
    """The wizard on a document; when the author asks it for the library, the library the file belongs to
    follows (its folder or repository)."""
    from postmortem.models.library.load import library_root

    code, then = _wizard(document, path, as_of)
    if then == "library":
        return browse(shown(library_root(path)), as_of)
    return code


def _wizard(document: Postmortem, path: Path, as_of: date | None) -> tuple[int, str | None]:
    from postmortem.tui.wizard_app import WizardApp

    app = WizardApp(document, path, today=as_of)
    return run(app), app.then


def browse(folder: Path, as_of: date | None = None) -> int:
    """The library of ``folder``. A postmortem chosen there opens in the wizard or for review; closing it, or
    asking it for the library, comes back."""
    from postmortem.tui.library_app import LibraryApp
    from postmortem.tui.meeting_app import MeetingApp

    while True:
        choice = LibraryApp(folder, as_of).run()
        if not isinstance(choice, tuple):
            return 0
        how, path = choice
        try:
            document = load_for_screen(path)
        except DocumentError:
            continue  # its problems were shown; back to the library
        if how == "review":
            code = run(MeetingApp(document, path, today=as_of))
        else:
            code, _ = _wizard(document, path, as_of)
        if code:  # a signal or a fault ended it: no library after it
            return code


def shown(folder: Path) -> Path:
    """A folder as the library names it: relative to the current one when inside it."""
    try:
        return folder.relative_to(Path.cwd().resolve())
    except ValueError:
        return folder


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        metavar="DATE",
        help="judge overdue action items on this day, YYYY-MM-DD or 'today' "
        "(default: the review meeting's day if the file has one, else today)",
    )


def as_of_date(text: str) -> date:
    if text == "today":
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31 (or 'today')") from None


def run(app: DocumentApp) -> int:
    """Run an app with its work kept safe, then put its file first among the recent ones (with the title it
    has by then); 128 + n when signal n ended it, 1 when an unexpected error did, else 0."""
    from postmortem.models.recent import remember

    try:
        with app.safekeeper.guard():
            code = app.run()
    finally:
        remember(app.path, app.document.meta.title)
    if app.crash_message is not None:
        print(app.crash_message, file=sys.stderr)
        return 1
    return code if isinstance(code, int) and code > 128 else 0


def theme_problem(name: str) -> str | None:
    """Why ``--theme NAME`` cannot be used, or None."""
    from textual.theme import BUILTIN_THEMES

    from postmortem.tui.themes import PROJECTOR

    names = sorted({PROJECTOR.name, *BUILTIN_THEMES})
    if name not in names:
        return f"--theme: unknown theme {name!r}; choose one of: {', '.join(names)}"
    return None
