"""Alt keys read from the terminal: a held alt+n is alt+n every time, never the characters ^n."""

from __future__ import annotations

from textual import events

from postmortem.tui.terminal_keys import AltKeyParser


def keys(data: str) -> list[tuple[str, str | None]]:
    parser = AltKeyParser()
    tokens = [*parser.feed(data), *parser.feed("")]
    return [(token.key, token.character) for token in tokens if isinstance(token, events.Key)]


def test_a_repeating_alt_key_reads_as_that_key_each_time():
    assert keys("\x1bn\x1bn\x1bn") == [("alt+n", "n")] * 3


def test_escape_sequences_and_plain_text_read_as_before():
    assert keys("\x1b[A") == [("up", None)]
    assert keys("\x1b[1;5C") == [("ctrl+right", None)]
    assert [key for key, _ in keys("ab")] == ["a", "b"]
    assert keys("\x1bN") == [("alt+shift+n", "N")]
