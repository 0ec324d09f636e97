"""``postmortem`` in a pseudo-terminal, for the tests of the real thing."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


class Terminal:
    """``postmortem`` running in a pseudo-terminal of 100x32."""

    def __init__(self, *args: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "postmortem", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.screen = b""

    def wait_for(self, text: str) -> None:
        """Read the output until ``text`` has been drawn (fails after TIMEOUT seconds)."""
        deadline = time.monotonic() + TIMEOUT
        while text.encode() not in self.screen:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never appeared"
            ready, _, _ = select.select([self.master], [], [], min(left, 0.5))
            if ready:
                try:
                    self.screen += os.read(self.master, 65536)
                except OSError:  # the process ended
                    break
        assert text.encode() in self.screen, f"{text!r} never appeared"

    def wait_for_exit(self) -> int:
        """The exit code, reading the output meanwhile (a full terminal buffer would block the app)."""
        deadline = time.monotonic() + TIMEOUT
        while self.process.poll() is None:
            assert time.monotonic() < deadline, "the app did not end"
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                with contextlib.suppress(OSError):
                    self.screen += os.read(self.master, 65536)
        return self.process.returncode

    def wait_until(self, condition: Callable[[], bool]) -> None:
        """Read the output until ``condition()`` holds, such as a file the app writes (fails after TIMEOUT seconds)."""
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            assert time.monotonic() < deadline, "the condition never held"
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                with contextlib.suppress(OSError):
                    self.screen += os.read(self.master, 65536)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        """End the process with SIGKILL if it still runs (as a crash would), and the terminal."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(TIMEOUT)
        os.close(self.master)
