"""Keys handled in the order they were typed, and sent to the field they were typed for.

Textual runs a key's binding once the key has travelled back up from the
focused widget; by then the keys typed after it have gone to the old focus
(the first letters after ``a`` into the table, the owner after a ``tab`` glued
to the action). Here a bound key runs once the keys before it have reached
the document and before the next key is read, and the keys typed while a
dialog, a step or a why chain is being built wait for the field it focuses.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from textual import events
from textual.app import App, ReturnType
from textual.widgets import Input, TextArea

from postmortem.tui.terminal_keys import use_alt_key_parser

# Seconds keys wait at most for a view that said it would be ready for them (a safety net, never the rule).
HOLD_LIMIT = 3.0
# A key's edits pass a few widgets (field, row, step) on their way to the document: rounds to wait at most.
_SETTLE_ROUNDS = 8
# Keys with these modifiers run bindings; they never type their character into a field.
_COMMAND_MODIFIERS = ("alt+", "ctrl+", "super+", "hyper+", "meta+")


class KeysInOrder(App[ReturnType]):
    def __init__(self) -> None:
        super().__init__()
        self._holds = 0
        self._held_keys: deque[events.Key | events.Paste] = deque()
        use_alt_key_parser()

    def hold_keys(self) -> Callable[[], None]:
        """Keep the keys typed from now on until the returned function is called, once the view they are
        meant for is ready. Focus changes asked for before the call take effect before the keys go on."""
        self._holds += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self.call_later(self._release_hold)

        self.set_timer(HOLD_LIMIT, release)
        return release

    def _release_hold(self) -> None:
        self._holds -= 1
        if not self._holds and self._held_keys:
            self.call_later(self._replay_held_keys)

    async def _replay_held_keys(self) -> None:
        while self._held_keys and not self._holds:
            await self._take_key(self._held_keys.popleft())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._holds or self._held_keys:
                self._held_keys.append(event)
            else:
                await self._take_key(event)
            return
        await super().on_event(event)

    async def _take_key(self, event: events.Key | events.Paste) -> None:
        """Handle one key now. A key bound to a command runs once the keys before it have reached the
        document, and before the next key is read (not once it has travelled back up from the focused
        widget, when the keys typed after it have gone to the old focus). Enter chooses or submits, which may
        close the view (a dialog, the palette) or open another: the next key is read once the view has handled
        it."""
        chooses = isinstance(event, events.Key) and event.key == "enter"
        if isinstance(event, events.Key):
            if event.key.startswith(_COMMAND_MODIFIERS):
                event.character = None  # alt+n is a command, never the letter n
            if self._bound(event):
                await self._settle_typing()
                if await self._check_bindings(event.key, priority=True) or await self._check_bindings(event.key):
                    if chooses:
                        await self._settle_typing()
                    return
        await super().on_event(event)
        if chooses and isinstance(self.focused, Input):
            await self._settle_typing()

    def _bound(self, event: events.Key) -> bool:
        """Whether a binding around the focused widget takes the key (and the widget does not)."""
        focused, key = self.focused, event.key
        if focused is not None and focused.check_consume_key(key, event.character):
            return False  # typed text: the common case, decided without walking the bindings
        if isinstance(focused, TextArea) and not focused.read_only and key == "enter":
            return False  # a new line, typed in the widget itself
        return any(key in bindings.key_to_bindings for _, bindings in self.screen._binding_chain)

    async def _settle_typing(self) -> None:
        """Wait until the focused widget and those around it have handled what they were sent (the keys
        typed into a field, the edits those make), so that a command sees the document as typed."""
        focused = self.focused
        nodes = list(focused.ancestors_with_self) if focused is not None else [self.screen]
        pumps = [node for node in nodes if node is not self]
        for _ in range(_SETTLE_ROUNDS):
            if all(pump._message_queue.empty() for pump in pumps):
                return
            for pump in pumps:
                done = asyncio.Event()
                if pump.call_later(done.set):
                    with suppress(TimeoutError):
                        await asyncio.wait_for(done.wait(), HOLD_LIMIT)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Open a screen; keys typed meanwhile go to the field it focuses, once it has."""
        shown = super().push_screen(*args, **kwargs)
        self._hold_until_shown()
        return shown

    def pop_screen(self) -> Any:
        """Close a screen; keys typed meanwhile go where focus returns, once its result is in the document."""
        popped = super().pop_screen()
        self._hold_until_shown()
        return popped

    def _hold_until_shown(self) -> None:
        if self.screen_stack:  # none while the app is closing
            self.screen.call_after_refresh(self.hold_keys())
