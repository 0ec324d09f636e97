"""The ``postmortem`` command (and ``python -m postmortem``): the command line, started quickly."""

from __future__ import annotations

import gc


def main() -> int:
    # Start-up makes modules, classes and the document: objects that all stay. Collecting garbage while
    # they are made is wasted time (a sixth of the imports' time). Collections start again with the
    # command's own work; for a command that opens the app, once its first frame is up.
    gc.disable()
    from postmortem.tui.cli import main as run_command_line

    return run_command_line()
