"""Command-palette entries: the wizard's (go to a step, save, export, add records) and the meeting's."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from postmortem.models.meeting_sections import MEETING_SECTIONS
from postmortem.models.steps import STEPS
from postmortem.tui.keys_in_order import KeysInOrder


class ActionCommands(Provider):
    """Commands that run an action of the app or its screen."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(name, action, help) for every command."""
        raise NotImplementedError

    def _run(self, action: str) -> None:
        """Run the action once the palette has closed. Keys typed meanwhile (the path after "Import
        Markdown…", the text after "Add action item") wait for the view the action opens, not the one below."""
        release = self.app.hold_keys() if isinstance(self.app, KeysInOrder) else None

        async def run() -> None:
            try:
                await self.app.run_action(action)
            finally:
                if release is not None:
                    release()

        self.app.call_later(run)

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action), text=name, help=help_text)


# Undo, redo and help, in both apps' palettes.
_HISTORY = [
    ("Undo", "undo", "Take back the last change to the document (ctrl+z)"),
    ("Redo", "redo", "Make the last undone change again (ctrl+y)"),
    ("Help", "help", "Keys and guidance for where you are (F1)"),
]


class WizardCommands(ActionCommands):
    def _commands(self) -> list[tuple[str, str, str]]:
        commands = [(f"Go to {step.title}", f"go_to('{step.id}')", f"Show the {step.title} step") for step in STEPS]
        commands += [
            ("Save", "save", "Write the postmortem file (ctrl+s)"),
            *_HISTORY,
            ("Export Markdown", "export_markdown", "Write the Markdown document next to the file"),
            ("Export…", "export", "Choose a format (Markdown, HTML, JSON, CSV), an audience and a path"),
            ("Add timeline event", "step_action('timeline', 'add')", "Open the event form on the Timeline step"),
            (
                "Import evidence…",
                "step_action('timeline', 'import_evidence')",
                "Propose timeline events from logs, alert and chat exports, git history",
            ),
            ("Add contributing factor", "step_action('factors', 'add')", "Open the factor form on the Factors step"),
            ("Add action item", "step_action('actions', 'add')", "Open the action form on the Action items step"),
            (
                "Open the library…",
                "open_library",
                "Close this postmortem and browse every postmortem of its folder or repository",
            ),
        ]
        return commands


class MeetingCommands(ActionCommands):
    def _commands(self) -> list[tuple[str, str, str]]:
        commands = [
            (f"Show {title}", f"screen.show('{section_id}')", f"Show the {title} section")
            for section_id, title in MEETING_SECTIONS
        ]
        commands += [
            ("Start or pause the timer", "screen.toggle_timer", "The countdown of the current agenda item (space)"),
            ("Next agenda item", "screen.agenda(1)", "Move the agenda on and show its section (n)"),
            ("Previous agenda item", "screen.agenda(-1)", "Go back one agenda item (p)"),
            ("Add action item", "screen.add_action", "Open the action form (a)"),
            ("Add contributing factor", "screen.add_factor", "Open the factor form (f)"),
            ("Meeting notes", "screen.notes", "Type the notes of the meeting (m)"),
            ("Save", "save", "Write the postmortem file (ctrl+s)"),
            *_HISTORY,
        ]
        return commands


class LibraryCommands(ActionCommands):
    def _commands(self) -> list[tuple[str, str, str]]:
        return [
            (
                "Import Markdown…",
                "screen.import_markdown",
                "Turn Markdown postmortems (files or folders) into postmortem files of this library",
            ),
        ]


class StartCommands(ActionCommands):
    def _commands(self) -> list[tuple[str, str, str]]:
        return [
            ("New postmortem…", "screen.new", "Start a postmortem: its title and its file (n)"),
            ("Open a file…", "screen.open_file", "Open a postmortem file by its path (o)"),
            ("Library of this folder", "screen.library", "Browse every postmortem of this folder or repository (l)"),
            (
                "Import Markdown…",
                "screen.import_markdown",
                "Turn Markdown postmortems (files or folders) into postmortem files in this folder (i)",
            ),
            ("The example postmortem", "screen.example", "Open a copy of the bundled example (e)"),
        ]
