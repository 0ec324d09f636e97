"""``postmortem serve``: review mode in a web browser, to project it or share it on a call."""

from __future__ import annotations

import argparse
import ipaddress
import re
import shlex
import socket
import sys
import tempfile
from pathlib import Path

from postmortem.tui.cli.apps import theme_problem

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "serve",
        help="serve review mode in a web browser (textual-serve)",
        description="Each browser tab runs its own review of FILE; saves go through the same safe save as the "
        "terminal. There is no authentication: keep the default loopback address unless everyone who can reach "
        "the machine may read and change the postmortem.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach the server, if not http://HOST:PORT (a proxy, a "
        "tunnel, or the machine's name when --host is 0.0.0.0)",
    )
    parser.add_argument("--theme", default="projector", help="as for `postmortem review`")


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def port_in_use(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None when it can."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        return f"cannot resolve host {host!r}: {error.strerror}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            return f"cannot listen on {host}:{port}: {error.strerror}; choose another with --port"
    return None


def review_command(path: Path, theme: str) -> str:
    """The command each browser session runs: review mode on the same file, in this Python."""
    return shlex.join([sys.executable, "-m", "postmortem", "review", str(path.resolve()), "--theme", theme])


def run(args: argparse.Namespace) -> int:
    from postmortem.models.store import load

    problem = theme_problem(args.theme)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"--port: {args.port} is not a port number (1-65535)", file=sys.stderr)
        return 2
    load(args.file)  # an invalid file is reported here, once, rather than in every browser tab
    problem = port_in_use(args.host, args.port)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if not is_loopback(args.host):
        print(
            f"WARNING: serving on {args.host}:{args.port} with NO authentication. Anyone who can reach this "
            "address can read this postmortem and change it. Stop with ctrl+c unless that is what you want.",
            file=sys.stderr,
        )

    import textual_serve
    from textual_serve.server import Server  # heavy (aiohttp): only for this command

    with tempfile.TemporaryDirectory(prefix="postmortem-serve-") as folder:
        package = Path(textual_serve.__file__).parent
        server = Server(
            review_command(args.file, args.theme),
            host=args.host,
            port=args.port,
            title=f"postmortem review: {args.file.name}",
            public_url=args.public_url,
            statics_path=package / "static",
            templates_path=offline_templates(package / "templates", Path(folder)),
        )
        server.serve()
    return 0


# A stylesheet loaded from another site (textual-serve asks a web font service for its font).
_REMOTE_STYLESHEET = re.compile(r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>", re.DOTALL)


def offline_templates(source: Path, folder: Path) -> Path:
    """textual-serve's page templates, rewritten into ``folder`` to ask nothing of another site: the page's
    font comes from the fonts textual-serve serves itself, so the page works in a room with no internet."""
    faces = "".join(
        f'@font-face {{ font-family: "Roboto Mono"; font-style: {style}; '
        f'src: url("{{{{ config.static.url }}}}fonts/{font.name}"); }}'
        for font in sorted((source.parent / "static" / "fonts").glob("RobotoMono-*.ttf"))
        for style in ["italic" if "Italic" in font.name else "normal"]
    )
    for template in source.glob("*.html"):
        text = _REMOTE_STYLESHEET.sub(f"<style>{faces}</style>", template.read_text(encoding="utf-8"))
        (folder / template.name).write_text(text, encoding="utf-8")
    return folder
