"""Reading and writing files safely: a size limit and a clear message on the way in, an atomic replace that
keeps the file's permissions and owner on the way out."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from contextlib import suppress
from pathlib import Path

from postmortem.models.errors import FileAccessError, InvalidDocumentError

# A postmortem is a few hundred kilobytes at most; far larger files are something else.
MAX_BYTES = 10 * 1024 * 1024


def read_text(
    path: Path, what: str = "postmortem file", when_empty: str = "start a postmortem with `postmortem new`"
) -> str:
    """The file's text, or a FileAccessError / InvalidDocumentError that names it; ``what`` the file should be,
    ``when_empty`` what to do about an empty one."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and path.is_file():
            raise InvalidDocumentError(
                path,
                [
                    f"is {size / 1024 / 1024:.0f} MB; a {what} is at most {MAX_BYTES // 1024 // 1024} MB "
                    "(is this the right file?)"
                ],
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileAccessError(path, ["no such file"]) from None
    except IsADirectoryError:
        raise FileAccessError(path, [f"is a folder, not a {what}"]) from None
    except PermissionError:
        raise FileAccessError(path, ["permission denied (cannot read)"]) from None
    except OSError as error:
        raise FileAccessError(path, [f"cannot read: {error.strerror or error}"]) from None
    if not raw.strip():
        raise InvalidDocumentError(path, [f"the file is empty; {when_empty}"])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InvalidDocumentError(
            path, [f"line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); is this a {what}?"]
        ) from None


def write_atomic(path: Path, content: str | bytes, *, mode_from: Path | None = None) -> None:
    """Replace ``path`` with ``content`` keeping its permissions and owner (or those of ``mode_from``).

    A symbolic link stays a link: the file it points to is replaced.
    """
    path = followed(path)
    folder = path.parent if str(path.parent) else Path(".")
    # Encoded before the temp file exists: a failure leaves nothing behind.
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        before: os.stat_result | None = (mode_from or path).stat()
    except FileNotFoundError:
        before = None
    except OSError as error:
        raise FileAccessError(path, [f"cannot write: {error.strerror or error}"]) from None
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FileAccessError(
            path, [f"cannot save in {folder}: {error.strerror or error}; the file is unchanged"]
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, before.st_mode & 0o7777 if before is not None else 0o666 & ~_umask())
        if before is not None:
            _keep_owner(temp_name, before)
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise FileAccessError(path, [f"cannot write: {error.strerror or error}"]) from None
    _fsync_folder(folder)


def followed(path: Path) -> Path:
    """The file a symbolic link (or a chain of them) points to; any other path as it is."""
    return path.resolve() if path.is_symlink() else path


def _keep_owner(name: str, before: os.stat_result) -> None:
    """Give the new file the old one's owner and group, where this process may (root, or its own group)."""
    if not hasattr(os, "chown") or (before.st_uid, before.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(name, before.st_uid, before.st_gid)
    except PermissionError:
        with suppress(PermissionError):
            os.chown(name, -1, before.st_gid)


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


def title_words(title: str) -> list[str]:
    """A title's words as a file name may use them: ASCII letters and digits, lower case."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", plain.lower())
