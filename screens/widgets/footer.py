"""The footer of every screen: Textual's, redrawn only when the keys it shows change.

Textual's footer rebuilds its keys whenever the focus moves, even to a widget with the same keys, and
each rebuild left the old keys' bindings to its ``compact`` setting behind, so every step change kept a
few more widgets alive. This one rebuilds only for a different set of keys, and drops what the old keys
left.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

# What a footer shows of an action: a change to any of these is a change on screen.
Shown = tuple[str, str, str, bool, str]


class KeysFooter(Footer):
    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self._shown: list[Shown] | None = None

    def _keys_on_show(self, screen: Screen[object]) -> list[Shown]:
        """One entry an action, in the order the footer shows them (the first of its keys, as it does)."""
        keys: dict[str, Shown] = {}
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            if (binding.show or binding.action == "command_palette") and binding.action not in keys:
                display = screen.app.get_key_display(binding)
                keys[binding.action] = (binding.action, display, binding.description, enabled, tooltip)
        return list(keys.values())

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = self._keys_on_show(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        # Textual keeps each key's binding to ``compact`` until ``compact`` changes, which it never does here.
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for name, entries in watchers.items():
            watchers[name] = [(node, callback) for node, callback in entries if getattr(node, "is_attached", True)]
