"""The ``postmortem`` command line.

Exit codes: 0 ok, 1 invalid document, 2 usage or I/O error. Problems are
printed on stderr, one line each, naming the file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from models.document import Meta, Postmortem
from models.enums import Severity
from models.errors import DocumentError, FileAccessError
from models.examples import EXAMPLE_NAME, example_text
from models.store import load, save, write_atomic
from tui import check_command, import_command, serve_command

if TYPE_CHECKING:
    from tui.app import PostmortemApp

COMMANDS = ("new", "edit", "review", "serve", "export", "check", "timeline", "demo")


def _version() -> str:
    try:
        return version("postmortem")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="postmortem",
        description="Write a blameless incident postmortem in the terminal.",
        epilog="`postmortem FILE` is short for `postmortem edit FILE`.",
    )
    parser.add_argument("--version", action="version", version=f"postmortem {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = commands.add_parser("new", help="create a postmortem file and open it")
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--title", help="the incident title (default: from the file name)")
    new.add_argument("--severity", choices=[s.value for s in Severity])
    new.add_argument("--date", type=_iso_date, help="the day the incident began, YYYY-MM-DD (default: today)")
    new.add_argument("--timezone", help="IANA zone for showing times (default: this machine's)")

    edit = commands.add_parser("edit", help="open a postmortem file (created on first save if missing)")
    edit.add_argument("file", type=Path, metavar="FILE")

    review = commands.add_parser("review", help="run the review meeting from the postmortem (projector friendly)")
    review.add_argument("file", type=Path, metavar="FILE")
    review.add_argument("--theme", default="projector",
                        help="projector (default), or any Textual theme such as textual-dark or nord")

    serve_command.add_parser(commands)

    export = commands.add_parser("export", help="write the postmortem as Markdown")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--format", choices=["markdown"], default="markdown")
    export.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here instead of stdout")

    check_command.add_parser(commands)
    import_command.add_parser(commands)
    commands.add_parser("demo", help="open a copy of the bundled example in a temporary folder")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def local_zone_name() -> str:
    """This machine's IANA zone, or UTC when it cannot be told."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name and "/" in name or name == "UTC":
        return name
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return "UTC"
    _, marker, zone = target.partition("zoneinfo/")
    return zone if marker else "UTC"


def title_from_path(path: Path) -> str:
    words = path.stem.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else "Untitled incident"


def new_document(path: Path, title: str | None = None, severity: str | None = None,
                 incident_date: date | None = None, timezone: str | None = None) -> Postmortem:
    meta = Meta(
        title=title or title_from_path(path),
        severity=severity,
        incident_date=incident_date or date.today(),
        timezone=timezone or local_zone_name(),
    )
    return Postmortem(meta=meta)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "edit")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "new":
            return _new(args)
        if args.command == "edit":
            return _edit(args.file)
        if args.command == "review":
            return _review(args)
        if args.command == "serve":
            return serve_command.run(args, _theme_problem(args.theme))
        if args.command == "export":
            return _export(args)
        if args.command == "check":
            return check_command.run(args)
        if args.command == "timeline":
            return import_command.run(args)
        if args.command == "demo":
            return _demo()
    except DocumentError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    build_parser().print_help(sys.stderr)
    return 2


def _new(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.exists():
        raise FileAccessError(path, ["already exists; open it with `postmortem edit`"])
    try:
        doc = new_document(path, args.title, args.severity, args.date, args.timezone)
    except ValueError as error:
        raise FileAccessError(path, [_first_reason(error)]) from None
    save(doc, path)
    return _run_app(doc, path)


def _first_reason(error: ValueError) -> str:
    from pydantic import ValidationError

    from models.errors import describe_validation

    if isinstance(error, ValidationError):
        return describe_validation(error)[0]
    return str(error)


def _edit(path: Path) -> int:
    if path.exists():
        doc = _load_for_screen(path)
    elif path.parent.is_dir() or str(path.parent) == "":
        doc = new_document(path)
    else:
        raise FileAccessError(path, [f"folder {path.parent} does not exist"])
    return _run_app(doc, path)


def _load_for_screen(path: Path) -> Postmortem:
    """Load a file an interactive command will show; if it cannot be, its problems get a screen first."""
    try:
        return load(path)
    except DocumentError as error:
        if path.exists():
            _show_load_error(path, error)
        raise


def _theme_problem(name: str) -> str | None:
    from textual.theme import BUILTIN_THEMES

    from tui.themes import PROJECTOR

    names = sorted({PROJECTOR.name, *BUILTIN_THEMES})
    if name not in names:
        return f"--theme: unknown theme {name!r}; choose one of: {', '.join(names)}"
    return None


def _review(args: argparse.Namespace) -> int:
    from tui.review_app import ReviewApp

    problem = _theme_problem(args.theme)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return _run(ReviewApp(_load_for_screen(args.file), args.file, theme=args.theme))


def _export(args: argparse.Namespace) -> int:
    from exports.markdown import render_markdown

    markdown = render_markdown(load(args.file))
    if args.output is None:
        sys.stdout.write(markdown)
    else:
        write_atomic(args.output, markdown)
    return 0


def _demo() -> int:
    folder = Path(tempfile.mkdtemp(prefix="postmortem-demo-"))
    path = folder / EXAMPLE_NAME
    path.write_text(example_text(), encoding="utf-8")
    code = _run_app(load(path), path)
    print(f"The demo copy is in {folder}", file=sys.stderr)
    return code


def _show_load_error(path: Path, error: DocumentError) -> None:
    """The problems on a screen of their own (the file shown read-only on request), before they are printed."""
    from tui.load_error import LoadErrorApp

    LoadErrorApp(path, error).run()


def _run_app(doc: Postmortem, path: Path) -> int:
    from tui.app import PostmortemApp

    return _run(PostmortemApp(doc, path))


def _run(app: PostmortemApp) -> int:
    """Run an app with its work kept safe; 128 + n when signal n ended it, else 0."""
    with app.safekeeper.guard():
        code = app.run()
    return code if isinstance(code, int) and code > 128 else 0


if __name__ == "__main__":
    sys.exit(main())
