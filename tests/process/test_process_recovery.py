"""The real thing: the app in a pseudo-terminal, killed with SIGKILL after typing, then reopened."""

from __future__ import annotations

import signal

from terminal import Terminal

from postmortem.models.recovery import read_recovery


def test_typed_text_survives_kill_9_and_is_offered_on_reopening(write_example):
    path = write_example("incident.toml")
    before = path.read_bytes()

    first = Terminal("edit", str(path))
    try:
        first.wait_for("Summary & details")
        first.type("\x1b[F")  # End, in the title field that has the focus
        first.type(" ZEBRA-CROSSING")
        first.wait_for("ZEBRA-CROSSING")
        # The recovery copy is written within the autosave delay of the typing: wait for it, then kill.
        first.wait_until(lambda: "ZEBRA-CROSSING" in (read_recovery(path) or ""))
    finally:
        first.close()
    assert path.read_bytes() == before  # the document itself was never written
    kept = read_recovery(path)
    assert kept is not None and "ZEBRA-CROSSING" in kept

    second = Terminal("edit", str(path))
    try:
        second.wait_for("unsaved work from an earlier session")
    finally:
        second.close()


def test_sigterm_writes_the_recovery_copy_before_the_app_ends(write_example):
    path = write_example("incident.toml")
    app = Terminal("edit", str(path))
    try:
        app.wait_for("Summary & details")
        app.type("\x1b[F TERMINATED-EARLY")
        app.wait_for("TERMINATED-EARLY")
        app.process.send_signal(signal.SIGTERM)  # well before the autosave delay
        assert app.wait_for_exit() == 128 + signal.SIGTERM
    finally:
        app.close()
    kept = read_recovery(path)
    assert kept is not None and "TERMINATED-EARLY" in kept
