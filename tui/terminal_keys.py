"""Reading alt keys from the terminal: held down, they must stay alt keys.

A terminal sends alt+n as ESC followed by ``n``. Textual's parser waits a short
delay after ESC to tell alt+n from Escape then ``n``; when the next ESC comes
within that delay, as it does while the key repeats, it gives up and reports
the first pair as the characters ``^n``, which a focused field then inserts.
``AltKeyParser`` reads ESC and one character as the alt key at once, which is
also what the delay would have decided, without making the author wait for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver, web_driver

# After ESC these characters open longer sequences (CSI, SS3, OSC, DCS, APC, ST): keep waiting.
_SEQUENCE_STARTS = frozenset("[O]P_\\\x1b")


class AltKeyParser(XTermParser):
    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if len(sequence) == 2 and sequence[0] == "\x1b" and sequence[1] not in _SEQUENCE_STARTS:
            character = sequence[1]
            if character.isprintable():
                return super()._sequence_to_key_events(character, alt=True)
        return super()._sequence_to_key_events(sequence, alt)


def use_alt_key_parser() -> None:
    """Make the terminal drivers read keys with ``AltKeyParser`` (they build their parser by this name)."""
    for driver in (linux_driver, web_driver):
        setattr(driver, "XTermParser", AltKeyParser)  # noqa: B010 (the name is not exported, only looked up)
