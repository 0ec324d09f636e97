"""``postmortem serve`` for real: the server in a subprocess runs review mode for a browser on loopback, then stops."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

PORT = 8765  # fixed, so a busy port is a reason to skip rather than a flaky pick


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is not busy
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture
def example(write_example) -> Path:
    return write_example("example.toml")


@pytest.fixture
def server(example: Path):
    if not _port_free(PORT):
        pytest.skip(f"port {PORT} on 127.0.0.1 is busy")
    process = subprocess.Popen(
        [sys.executable, "-m", "postmortem", "serve", str(example), "--port", str(PORT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "120"},
    )
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def _get_bytes(url: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read()


async def _screen_text(url: str, wanted: bytes, seconds: float) -> bytes:
    """What the review app sends to a browser until ``wanted`` appears or time runs out."""
    received = b""
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as websocket:
        deadline = time.monotonic() + seconds
        while wanted not in received and time.monotonic() < deadline:
            try:
                message = await websocket.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
    return received


def _wait_until_answering(process: subprocess.Popen, seconds: float = 30) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            return asyncio.run(_get(f"http://127.0.0.1:{PORT}/"))
        except aiohttp.ClientConnectionError:
            time.sleep(0.2)
    raise AssertionError("the server did not answer")


def test_serve_starts_answers_on_loopback_and_stops(server: subprocess.Popen) -> None:
    status, page = _wait_until_answering(server)
    assert status == 200
    assert "postmortem review: example.toml" in page
    assert f"ws://127.0.0.1:{PORT}/ws" in page
    # Everything the page loads comes from this server: it works in a meeting room with no internet.
    loads = re.findall(r"""(?:\bsrc=|\bhref=|url\()\s*["']?([^"')\s>]+)""", page)
    assert any("/fonts/RobotoMono" in url for url in loads)
    assert [url for url in loads if not url.startswith(f"http://127.0.0.1:{PORT}/")] == []
    status, font = asyncio.run(_get_bytes(next(url for url in loads if "/fonts/" in url)))
    assert status == 200 and len(font) > 10_000

    # A browser session runs review mode on the file: the agenda strip with its countdown reaches the page.
    screen = asyncio.run(_screen_text(f"ws://127.0.0.1:{PORT}/ws?width=100&height=30", b"(paused)", 60))
    assert b"Walk through the timeline" in screen and b"(paused)" in screen

    server.send_signal(signal.SIGINT)
    assert server.wait(timeout=20) == 0
    assert _port_free(PORT)
