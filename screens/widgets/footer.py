"""The footer of every screen: the keys that work where the focus is, on one line.

It looks like Textual's compact footer but is one widget that draws a line of text, where Textual's
builds a widget per key and builds them again a frame after every focus change. Here a step change
redraws the line in the same frame, with no layout, and no key widgets are left behind. A key that
does not fit whole is left out rather than cut (the command palette lists every command).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

DIM = Style(dim=True)


@dataclass(frozen=True)
class FooterEntry:
    """One key as the footer shows it."""

    key: str  # the key pressed when the entry is clicked
    display: str  # how the key is written: ^s
    description: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        return len(self.display) + (1 + len(self.description) if self.description else 0)


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hover",
        "keys-footer--separator",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--hover {
            background: $block-hover-background;
        }
        .keys-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._entries: list[FooterEntry] | None = None  # None: not read from the screen yet
        self._palette: FooterEntry | None = None
        self._spans: list[tuple[int, int, FooterEntry]] = []  # where each entry was drawn: start, end
        self._hovered: FooterEntry | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            entries, palette = self._read(screen)
            if (entries, palette) != (self._entries, self._palette):
                self._entries, self._palette = entries, palette
                self.refresh()

    def _read(self, screen: Screen[object]) -> tuple[list[FooterEntry], FooterEntry | None]:
        """The entries in the order the screen lists its bindings, one an action (its first key); and the
        command palette's, shown on the right."""
        entries: dict[str, FooterEntry] = {}
        palette = None
        app = screen.app
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            entry = FooterEntry(binding.key, app.get_key_display(binding), binding.description, enabled, tooltip)
            if binding.key == app.COMMAND_PALETTE_BINDING:
                if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
                    palette = FooterEntry(
                        entry.key, entry.display, entry.description, enabled, binding.tooltip or binding.description
                    )
            elif binding.show and binding.action not in entries:
                entries[binding.action] = entry
        return list(entries.values()), palette

    # Drawing

    def render(self) -> Text:
        if self._entries is None:
            self._entries, self._palette = self._read(self.screen)
        width = self.size.width
        keys = sum(entry.width + 1 for entry in self._entries)
        palette = self._palette
        edge = palette.width + 2 if palette is not None else 0  # the palette's key between a bar and a space
        if keys - 1 + edge > width:  # the palette's key makes room first (ctrl+p opens it all the same)
            palette, edge = None, 0
        line = Text(no_wrap=True, overflow="crop")
        self._spans = []
        for entry in self._entries:
            if line.cell_len + entry.width > width - edge:
                break
            self._draw(line, entry)
            line.append(" ")
        if palette is not None:
            line.append(" " * max(0, width - edge - line.cell_len))
            line.append("▏", self.get_component_rich_style("keys-footer--separator"))
            self._draw(line, palette)
            line.append(" ")
        return line

    def _draw(self, line: Text, entry: FooterEntry) -> None:
        start = line.cell_len
        key_style = self.get_component_rich_style("keys-footer--key")
        description_style = self.get_component_rich_style("keys-footer--description")
        if entry is self._hovered:
            hover = Style(bgcolor=self.get_component_rich_style("keys-footer--hover").bgcolor)
            key_style, description_style = key_style + hover, description_style + hover
        if not entry.enabled:
            key_style, description_style = key_style + DIM, description_style + DIM
        line.append(entry.display, key_style)
        if entry.description:
            line.append(" " + entry.description, description_style)
        self._spans.append((start, line.cell_len, entry))

    # Mouse

    def _entry_at(self, x: int) -> FooterEntry | None:
        return next((entry for start, end, entry in self._spans if start <= x < end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._entry_at(event.x))

    def on_leave(self) -> None:
        self._hover(None)

    def _hover(self, entry: FooterEntry | None) -> None:
        if entry is not self._hovered:
            self._hovered = entry
            self.tooltip = entry.tooltip or None if entry is not None else None
            self.styles.pointer = "pointer" if entry is not None else "default"
            self.refresh()
