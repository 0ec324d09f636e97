"""Command-palette entries for the wizard: go to a step, save, export, add records."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from screens.steps import STEPS


class WizardCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        """(name, action, help) for every command."""
        commands = [(f"Go to {step.title}", f"go_to('{step.id}')", f"Show the {step.title} step") for step in STEPS]
        commands += [
            ("Save", "save", "Write the postmortem file (ctrl+s)"),
            ("Export Markdown", "export_markdown", "Write the Markdown document next to the file"),
            ("Add timeline event", "step_action('timeline', 'add')", "Open the event form on the Timeline step"),
            ("Import evidence…", "step_action('timeline', 'import_evidence')",
             "Propose timeline events from logs, alert and chat exports, git history"),
            ("Add contributing factor", "step_action('factors', 'add')", "Open the factor form on the Factors step"),
            ("Add action item", "step_action('actions', 'add')", "Open the action form on the Action items step"),
        ]
        return commands

    def _run(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action)

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action), text=name, help=help_text)
