"""What kind of evidence a file is, from a sample of its first bytes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from postmortem.models.evidence.structured import SourceError
from postmortem.models.evidence.timestamps import BY_NAME, FORMATS, TextFormat

SAMPLE_BYTES = 64 << 10
SAMPLE_LINES = 200
STRUCTURED_KINDS = ("jsonl", "csv", "chat", "git")
# What FORMAT:PATH may name: a structured kind, "log" (a text log of any format) or a text format.
SOURCE_KINDS = (*STRUCTURED_KINDS, "log", *BY_NAME)

_COMMIT = re.compile(rb"^commit [0-9a-f]{7,40}\b", re.MULTILINE)
_CSV_TIME_HEADER = re.compile(rb"(?i)^[^\n]*\b(?:time|timestamp|date|created|triggered|opened)\w*\b[^\n]*[,;\t]")


@dataclass(frozen=True)
class Detected:
    kind: str  # "log" or one of STRUCTURED_KINDS
    text_format: TextFormat | None = None
    # How far into a line a text log's timestamp may start.
    prefix_limit: int = 0


def split_source(spec: str) -> tuple[str | None, Path]:
    """``FORMAT:PATH`` forces a kind; a plain path (or one that exists as written) is detected."""
    kind, sep, rest = spec.partition(":")
    if sep and kind in SOURCE_KINDS and not Path(spec).exists():
        return kind, Path(rest)
    return None, Path(spec)


def detect(path: Path, forced: str | None = None, custom: TextFormat | None = None) -> Detected:
    """Decide how to read ``path``; SourceError says what was tried when nothing fits."""
    with path.open("rb") as stream:
        sample = stream.read(SAMPLE_BYTES)
    sample = sample.removeprefix(b"\xef\xbb\xbf")
    if forced in STRUCTURED_KINDS:
        return Detected(forced)
    if forced is None:
        if sample.count(b"\0") > len(sample) // 100 + 1:
            raise SourceError(f"{path}: looks like a binary file, not a log or an export")
        structured = _structured_kind(path, sample)
        if structured is not None:
            return Detected(structured)
    candidates = (custom,) if custom is not None else ((BY_NAME[forced],) if forced in BY_NAME else FORMATS)
    return _text_format(path, sample, candidates)


def _structured_kind(path: Path, sample: bytes) -> str | None:
    stripped = sample.lstrip()
    if stripped.startswith(b"["):
        return "chat" if _looks_like_chat(path) else None
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else None
        except ValueError:
            return None
    if _COMMIT.search(sample[:4096]):
        return "git"
    if path.suffix.lower() in (".csv", ".tsv") or _CSV_TIME_HEADER.match(sample):
        first = sample.split(b"\n", 1)[0]
        if first.count(b",") + first.count(b";") + first.count(b"\t") >= 1 and not BY_NAME["iso8601"].pattern.search(
            first
        ):
            return "csv"
    return None


def _looks_like_chat(path: Path) -> bool:
    try:
        messages = json.loads(path.read_bytes().decode("utf-8-sig", "replace"))
    except ValueError:
        return False
    return isinstance(messages, list) and any(isinstance(m, dict) and "ts" in m for m in messages[:50])


def _text_format(path: Path, sample: bytes, candidates: tuple[TextFormat, ...]) -> Detected:
    lines = [line for line in sample.splitlines()[:SAMPLE_LINES] if line.strip()]
    if not lines:
        return Detected("log", candidates[0], 0)  # an empty file: nothing to find, nothing to report
    best: tuple[int, int, TextFormat] | None = None
    for fmt in candidates:
        pattern = fmt.detect_pattern or fmt.pattern
        starts = [m.start() for line in lines if (m := pattern.search(line, 0, 300))]
        if starts and (best is None or len(starts) > best[0]):
            best = (len(starts), max(starts), fmt)
    if best is None:
        tried = ", ".join(fmt.name for fmt in candidates)
        raise SourceError(
            f"{path}: no timestamps recognised in the first {len(lines)} lines (tried {tried}); "
            "give the format with --time-format, e.g. --time-format '%d.%m.%Y %H:%M:%S'"
        )
    return Detected("log", best[2], best[1] + 16)
