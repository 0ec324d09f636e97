"""Reading and writing postmortem files on disk."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from models.codec import SchemaError, TomlSyntaxError, dumps, loads
from models.document import Postmortem
from models.errors import FileAccessError, InvalidDocumentError


def read_text(path: Path) -> str:
    """The file's text, or a FileAccessError / InvalidDocumentError that names it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileAccessError(path, ["no such file"]) from None
    except IsADirectoryError:
        raise FileAccessError(path, ["is a folder, not a postmortem file"]) from None
    except PermissionError:
        raise FileAccessError(path, ["permission denied (cannot read)"]) from None
    except OSError as error:
        raise FileAccessError(path, [f"cannot read: {error.strerror or error}"]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InvalidDocumentError(
            path, [f"line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); is this a postmortem file?"]
        ) from None


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


def save(doc: Postmortem, path: Path | str) -> str:
    """Write ``doc`` atomically (temp file beside it, fsync, rename); return the text."""
    path = Path(path)
    text = dumps(doc)
    write_atomic(path, text)
    return text


def write_atomic(path: Path, text: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    data = text.encode("utf-8")  # before the temp file exists: a failure leaves nothing behind
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise FileAccessError(path, [f"cannot write: {error.strerror or error}"]) from None
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FileAccessError(path, [f"cannot write in {folder}: {error.strerror or error}"]) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise FileAccessError(path, [f"cannot write: {error.strerror or error}"]) from None
    _fsync_folder(folder)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
