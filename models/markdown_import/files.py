"""Markdown files in, postmortem files out: where each goes (its date and title, never over another file)
and the writing through the document's normal save."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from postmortem.models.document import Meta
from postmortem.models.files import read_text, title_words
from postmortem.models.markdown_import.build import MarkdownImport, import_markdown

# Words a title may start with that say what every file in the folder is.
_GENERIC = frozenset(("postmortem", "post", "mortem", "incident", "report", "review", "rca"))


@dataclass
class Imported:
    source: Path
    target: Path
    result: MarkdownImport


def read_markdown(source: Path, folder: Path | None = None, zone: str | None = None) -> Imported:
    """The document a Markdown file gives and the free file it would be written to, in ``folder`` (default:
    beside it). Raises DocumentError naming the file when it cannot be read."""
    from pydantic import ValidationError

    from postmortem.models.errors import InvalidDocumentError, describe_validation

    try:
        result = import_markdown(read_text(source, "Markdown file", "nothing to import"), source.name, zone)
    except ValidationError as error:  # what the Markdown gave does not make a document: said, not raised
        raise InvalidDocumentError(source, describe_validation(error)) from None
    return Imported(source, free_path((folder or source.parent) / file_name(result.document.meta, source)), result)


def write(imported: Imported) -> None:
    """Write through the normal save; never over a file (DocumentError names it)."""
    from postmortem.models.errors import FileAccessError
    from postmortem.models.store import save

    if imported.target.exists():
        raise FileAccessError(
            imported.target, ["already exists; nothing was written over it (choose another name, or move it away)"]
        )
    save(imported.result.document, imported.target)


def file_name(meta: Meta, source: Path) -> str:
    """``2026-03-14-checkout-api-errors.toml``: the incident's date and its title's first words."""
    words = title_words(meta.title or source.stem)
    while len(words) > 1 and words[0] in _GENERIC:  # "Postmortem: …", "Incident report: …"
        words.pop(0)
    slug = "-".join(words[:6]) or source.stem
    return f"{meta.incident_date.isoformat()}-{slug}.toml" if meta.incident_date else f"{slug}.toml"


def free_path(path: Path) -> Path:
    """``path``, or the first of ``name-2.toml``, ``name-3.toml``… that does not exist: two Markdown files of
    one day and title each get a file."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def report_lines(imported: Imported) -> list[str]:
    """What went where, then what was kept as written, one line each."""
    return [
        *imported.result.placed,
        *(f"kept as written in [extra], not placed: {heading}" for heading in imported.result.unplaced),
    ]


@dataclass
class ImportRun:
    """What importing several Markdown files into one folder did: a heading, the report's lines, and the
    files written."""

    heading: str
    lines: list[str]
    written: list[Imported]


def import_files(files: list[Path], folder: Path) -> ImportRun:
    """Each Markdown file's postmortem written into ``folder``; a file that cannot be read or written is said
    in the report, and the others go on."""
    from postmortem.models.errors import DocumentError

    lines: list[str] = []
    written: list[Imported] = []
    for source in files:
        try:
            imported = read_markdown(source, folder)
            write(imported)
        except DocumentError as error:
            lines += [*error.lines(), ""]
            continue
        written.append(imported)
        lines += [f"{source} -> {imported.target.name}", *(f"  {line}" for line in report_lines(imported)), ""]
    heading = f"{len(written)} of {len(files)} Markdown postmortem{'s' if len(files) != 1 else ''} imported"
    return ImportRun(heading, lines, written)
