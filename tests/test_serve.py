"""``postmortem serve``: review mode in a browser through textual-serve, on loopback unless asked otherwise."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from postmortem.models.examples import example_text
from postmortem.tui.cli import main
from postmortem.tui.cli import serve as serve_command

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
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.toml"
    path.write_text(example_text(), encoding="utf-8")
    return path


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

    # A browser session runs review mode on the file: the agenda strip with its countdown reaches the page.
    screen = asyncio.run(_screen_text(f"ws://127.0.0.1:{PORT}/ws?width=100&height=30", b"(paused)", 60))
    assert b"Walk through the timeline" in screen and b"(paused)" in screen

    server.send_signal(signal.SIGINT)
    assert server.wait(timeout=20) == 0
    assert _port_free(PORT)


def test_serve_refuses_a_busy_port(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert main(["serve", str(example), "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_serve_reports_an_invalid_file_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("schema_version = 1\n[meta\n", encoding="utf-8")
    assert main(["serve", str(path)]) == 1
    err = capsys.readouterr().err
    assert "broken.toml" in err
    assert path.read_text(encoding="utf-8") == "schema_version = 1\n[meta\n"


def test_serve_checks_the_theme_and_port(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(example), "--theme", "no-such-theme"]) == 2
    assert "unknown theme 'no-such-theme'" in capsys.readouterr().err
    assert main(["serve", str(example), "--port", "70000"]) == 2
    assert "70000 is not a port number" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("review.example.org", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert serve_command.is_loopback(host) is loopback


def test_other_hosts_get_a_clear_warning(
    example: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started = []
    monkeypatch.setattr("textual_serve.server.Server.serve", lambda server, debug=False: started.append(server))
    monkeypatch.setattr(serve_command, "port_in_use", lambda host, port: None)

    assert main(["serve", str(example), "--host", "0.0.0.0", "--public-url", "http://review-room:8000"]) == 0
    assert "NO authentication" in capsys.readouterr().err
    (server,) = started
    assert (server.host, server.public_url) == ("0.0.0.0", "http://review-room:8000")
    assert server.command.endswith(f"review {example.resolve()} --theme projector")

    assert main(["serve", str(example)]) == 0
    assert "authentication" not in capsys.readouterr().err
