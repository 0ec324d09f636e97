"""``postmortem serve`` through ``main()``: its checks of the file, theme, port and host, without starting a server.

The server itself, answering a browser on loopback, runs in process/test_serve_process.py.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from postmortem.tui.cli import main
from postmortem.tui.cli import serve as serve_command


@pytest.fixture
def example(write_example) -> Path:
    return write_example("example.toml")


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
