"""Help for where the author is: the keys that work there, how the fields take input, and the questions
that make that part of the postmortem good. F1 (or ? outside a text field) opens it; escape closes it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static

from postmortem.screens.widgets.footer import KeysFooter

# How the fields take input: the same everywhere.
FIELD_TIPS = (
    ("tab / shift+tab", "Next / previous field; in a text area, tab also moves on (its text keeps every line)"),
    ("ctrl+a", "Select all the text of the field, so that what you type next replaces it (home: start of line)"),
    ("enter", "In a dropdown: open it; then type the first letters of a choice to jump to it, enter picks it"),
    ("space", "Tick or untick a box (▐✓▌ ticked, ▐ ▌ not)"),
    ("ctrl+p", "The command palette: type a few letters of any command (save, export, add, go to, help)"),
    ("F1", "This help, anywhere; ? too, outside a text field"),
)


@dataclass(frozen=True)
class KeyGroup:
    """Keys under a heading: each row is (the keys, what they do)."""

    heading: str
    rows: Sequence[tuple[str, str]]


def key_rows(app_node: DOMNode, nodes: Iterable[DOMNode]) -> list[tuple[str, str]]:
    """The keys of these nodes' own bindings that have a description, each action once, keys joined."""
    rows: dict[tuple[str, str], list[str]] = {}
    for node in nodes:
        for binding in _own_bindings(type(node)):
            if not binding.description:
                continue
            what = binding.tooltip or binding.description
            keys = rows.setdefault((binding.action, what), [])
            for key in binding.key.split(","):
                shown = app_node.app.get_key_display(replace(binding, key=key.strip(), key_display=None))
                if shown not in keys:
                    keys.append(shown)
    return [(" / ".join(keys), what) for (_, what), keys in rows.items()]


def _own_bindings(node_class: type) -> Iterable[Binding]:
    """The bindings the package's own classes declare (Textual's widgets bring many of their own)."""
    for cls in node_class.__mro__:
        if cls.__module__.startswith("postmortem."):
            declared: Iterable[BindingType] = cls.__dict__.get("BINDINGS", [])
            for item in declared:
                yield item if isinstance(item, Binding) else Binding(*item)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
    }
    HelpScreen #help {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 95%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-title {
        dock: top;
        text-style: bold;
        color: $primary;
        padding: 0 0 1 0;
    }
    HelpScreen #help-body {
        height: auto;
        max-height: 1fr;
    }
    HelpScreen .help-heading {
        text-style: bold;
        margin-top: 1;
    }
    """
    BINDINGS = [
        Binding("escape,f1,question_mark,q", "close", "Close", id="help.close"),
    ]

    def __init__(self, title: str, groups: Sequence[KeyGroup], questions: Sequence[str] = ()) -> None:
        super().__init__()
        self.help_title = title
        self.groups = groups
        self.questions = questions

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(escape(self.help_title), id="help-title")
            with VerticalScroll(id="help-body"):
                if self.questions:
                    yield Static("Before calling it done, ask", classes="help-heading")
                    yield Static("\n".join(f"• {escape(question)}" for question in self.questions))
                for group in [*self.groups, KeyGroup("In the fields", FIELD_TIPS)]:
                    if not group.rows:
                        continue
                    yield Static(escape(group.heading), classes="help-heading")
                    width = max(len(keys) for keys, _ in group.rows)
                    lines = [f"[b]{escape(keys.ljust(width))}[/b]  {escape(what)}" for keys, what in group.rows]
                    yield Static("\n".join(lines))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
