"""``postmortem new FILE``: create a postmortem file and open it."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from postmortem.models.enums import Severity
from postmortem.models.errors import FileAccessError, describe_validation
from postmortem.tui.cli.apps import run_wizard

if TYPE_CHECKING:
    from postmortem.models.document import Postmortem


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("new", help="create a postmortem file and open it")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--title", help="the incident title (default: from the file name)")
    parser.add_argument("--severity", choices=[s.value for s in Severity])
    parser.add_argument("--date", type=_iso_date, help="the day the incident began, YYYY-MM-DD (default: today)")
    parser.add_argument("--timezone", help="IANA zone for showing times (default: this machine's)")


def run(args: argparse.Namespace) -> int:
    return create(args.file, args.title, args.severity, args.date, args.timezone)


def create(
    path: Path,
    title: str | None = None,
    severity: str | None = None,
    incident_date: date | None = None,
    timezone: str | None = None,
) -> int:
    """Write a new postmortem file and open it in the wizard; DocumentError names the file when it cannot be."""
    from pydantic import ValidationError

    from postmortem.models.store import save

    if path.exists():
        raise FileAccessError(path, ["already exists; open it with `postmortem edit`"])
    try:
        doc = new_document(path, title, severity, incident_date, timezone)
    except ValueError as error:
        reason = describe_validation(error)[0] if isinstance(error, ValidationError) else str(error)
        raise FileAccessError(path, [reason]) from None
    save(doc, path)
    return run_wizard(doc, path)


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


def new_document(
    path: Path,
    title: str | None = None,
    severity: str | None = None,
    incident_date: date | None = None,
    timezone: str | None = None,
) -> Postmortem:
    from postmortem.models.document import Meta, Postmortem

    meta = Meta(
        title=title or title_from_path(path),
        severity=severity,
        incident_date=incident_date or date.today(),
        timezone=timezone or local_zone_name(),
    )
    return Postmortem(meta=meta)
