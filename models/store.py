"""Reading and writing postmortem files on disk."""

from __future__ import annotations

from pathlib import Path

from postmortem.models.codec import SchemaError, TomlSyntaxError, dumps, loads
from postmortem.models.document import Postmortem
from postmortem.models.errors import FileAccessError, InvalidDocumentError
from postmortem.models.files import followed, read_text, write_atomic


def parse(text: str, path: Path) -> Postmortem:
    """Validate ``text`` as the content of ``path``."""
    try:
        return loads(text)
    except TomlSyntaxError as error:
        where = f"line {error.line}, column {error.column}: " if error.line else ""
        raise InvalidDocumentError(path, [f"{where}TOML syntax error: {error}"]) from None
    except SchemaError as error:
        raise InvalidDocumentError(path, error.problems) from None


def load(path: Path | str) -> Postmortem:
    path = Path(path)
    return parse(read_text(path), path)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save(doc: Postmortem, path: Path | str, *, backup: bool = False) -> str:
    """Write ``doc`` atomically (temp file beside it, fsync, rename); return the text.

    With ``backup`` the file's previous content is kept as ``FILE.bak`` first. Through a
    symbolic link, the file it points to is written (and its ``.bak`` kept beside it).
    """
    path = followed(Path(path))
    text = dumps(doc)
    if backup:
        try:
            previous = path.read_bytes()
        except FileNotFoundError:
            previous = None
        except OSError as error:
            raise FileAccessError(path, [f"cannot read the previous version: {error.strerror or error}"]) from None
        if previous is not None and previous != text.encode("utf-8"):
            write_atomic(backup_path(path), previous, mode_from=path)
    write_atomic(path, text)
    return text
