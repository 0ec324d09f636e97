"""Typing fast in a real terminal: 10 ms a key, a held alt+n, a dialog and a new why chain opened mid-stream.

The saved file must be exactly the document with what was typed, in the fields it was typed into.
"""

from __future__ import annotations

import time
from datetime import date

from terminal import Terminal

from postmortem.models.codec import dumps
from postmortem.models.document import ActionItem, WhyChain
from postmortem.models.store import load, save
from postmortem.tui.cli.new import new_document

END, TAB, CTRL_J, CTRL_R, CTRL_S, CTRL_Q = "\x1b[F", "\t", "\n", "\x12", "\x13", "\x11"


def alt(letter: str) -> str:
    return "\x1b" + letter


def type_keys(app: Terminal, keys: list[str], per_key: float) -> None:
    """Send each key on its own, ``per_key`` seconds apart (the typist's pace, not a wait for the app)."""
    for key in keys:
        app.type(key)
        time.sleep(per_key)


def test_keys_typed_at_10_ms_with_a_held_alt_key_are_saved_where_they_were_typed(tmp_path):
    path = tmp_path / "replica-lag.toml"
    save(new_document(path, title="Replica lag", incident_date=date(2026, 11, 30), timezone="UTC"), path)
    expected = load(path)
    expected.meta.title = "Replica lag in eu-west"
    expected.actions.append(ActionItem(id="A1", action="Alert when replica lag exceeds 30 s", owner="Database team"))
    expected.whys.append(WhyChain(problem="Replicas fell behind"))

    app = Terminal("edit", str(path))
    try:
        app.wait_for("Summary & details")
        type_keys(app, [END, *" in eu-west"], 0.01)
        type_keys(app, [alt("n")] * 5, 0.03)  # held down: key repeat, to the Action items step
        type_keys(app, ["a", *"Alert when replica lag exceeds 30 s", TAB, *"Database team", CTRL_J], 0.01)
        type_keys(app, [alt("p"), CTRL_R, *"Replicas fell behind", CTRL_S], 0.01)
        app.wait_until(lambda: "Replicas fell behind" in path.read_text(encoding="utf-8"))
        app.type(CTRL_Q)
        assert app.wait_for_exit() == 0
    finally:
        app.close()
    assert path.read_text(encoding="utf-8") == dumps(expected)
