"""A Markdown postmortem read into what a mapping needs: its front matter, its title, and its sections, each
with its blocks (paragraphs, lists, tables, code) and the verbatim Markdown of every part.

The Markdown is parsed with markdown-it-py (CommonMark with tables); the verbatim text of a block is the
source lines the parser says it spans, so what is kept is exactly what was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Blocks only: a field keeps its inline Markdown as written, so inline parsing (most of the parser's time)
# is not done.
_PARSER = MarkdownIt("commonmark").enable("table").disable("inline")
_TASK = re.compile(r"^\[([ xX])\]\s+")


@dataclass
class Item:
    """One list item: the inline Markdown of its first paragraph, its tick when it is a task, and its
    verbatim lines (nested lists included)."""

    text: str
    markdown: str
    checked: bool | None = None  # None: not a task list item


@dataclass
class Block:
    kind: str  # paragraph | list | table | code | quote | rule | html
    markdown: str  # the verbatim lines
    text: str = ""  # a paragraph's inline Markdown
    items: list[Item] = field(default_factory=list)  # a list's items
    rows: list[list[str]] = field(default_factory=list)  # a table's cells, its header row first
    ordered: bool = False


@dataclass
class Section:
    heading: str  # the heading's inline Markdown ("" for the text before the first heading)
    level: int
    markdown: str  # the verbatim lines: the heading and the blocks up to the next heading
    text: str = ""  # the same without the heading
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def body(self) -> str:
        """The section's own blocks as written, without its heading."""
        return "\n\n".join(block.markdown for block in self.blocks)

    def all_blocks(self) -> list[Block]:
        """Its blocks and those of its subsections, in order."""
        return [*self.blocks, *(block for child in self.children for block in child.all_blocks())]


@dataclass
class Source:
    front_matter: dict[str, Any]
    front_matter_markdown: str
    title: str
    preamble: Section  # what comes before the first heading after the title
    sections: list[Section]  # the top sections (their subsections inside)


def read_source(text: str) -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, front_text, text = _split_front_matter(text)
    lines = text.split("\n")
    tokens = _PARSER.parse(text)
    title = ""
    preamble = Section("", 0, "")
    top: list[Section] = []
    stack: list[Section] = []
    starts: list[tuple[Section, int, int]] = []  # each section, the line its heading starts on and the next
    current = preamble
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0:
            level = int(token.tag[1])
            heading = tokens[index + 1].content
            index += 3
            if level == 1 and not title and not top and not stack:
                title = heading
                continue
            section = Section(heading, level, "")
            span = token.map or [0, 1]
            starts.append((section, span[0], span[1]))
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else top).append(section)
            stack.append(section)
            current = section
            continue
        block, index = _block(tokens, index, lines)
        if block is not None:
            current.blocks.append(block)
    # A section's Markdown: its lines as written, from its heading to the next one.
    preamble.markdown = "\n\n".join(block.markdown for block in preamble.blocks)
    ends = [start for _, start, _ in starts[1:]] + [len(lines)] * bool(starts)
    for (section, start, after_heading), end in zip(starts, ends, strict=True):
        section.markdown = "\n".join(lines[start:end]).strip("\n")
        section.text = "\n".join(lines[after_heading:end]).strip("\n")
    return Source(front, front_text, title, preamble, top)


def _lines(lines: list[str], span: list[int] | None) -> str:
    return "\n".join(lines[span[0] : span[1]]).strip("\n") if span else ""


def _block(tokens: list[Token], index: int, lines: list[str]) -> tuple[Block | None, int]:
    """The block that starts at ``tokens[index]``, and the index after it."""
    token = tokens[index]
    end = _closing(tokens, index)
    markdown = _lines(lines, token.map)
    kind = token.type
    if kind == "paragraph_open":
        return Block("paragraph", markdown, text=tokens[index + 1].content), end
    if kind in ("bullet_list_open", "ordered_list_open"):
        return Block(
            "list", markdown, items=_items(tokens, index, end, lines), ordered=kind == "ordered_list_open"
        ), end
    if kind == "table_open":
        return Block("table", markdown, rows=_rows(tokens[index:end])), end
    if kind in ("fence", "code_block"):
        return Block("code", markdown), end
    if kind == "blockquote_open":
        return Block("quote", markdown), end
    if kind == "hr":
        return Block("rule", markdown), end
    if kind == "html_block":
        return Block("html", markdown), end
    return None, end


def _closing(tokens: list[Token], index: int) -> int:
    """The index after the token that closes ``tokens[index]`` (the next one for a token that does not open)."""
    if tokens[index].nesting != 1:
        return index + 1
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position + 1
    return len(tokens)


def _items(tokens: list[Token], start: int, end: int, lines: list[str]) -> list[Item]:
    items = []
    level = tokens[start].level + 1
    for position in range(start + 1, end):
        token = tokens[position]
        if token.type != "list_item_open" or token.level != level:
            continue
        inline = next((t for t in tokens[position:end] if t.type == "inline"), None)
        text = inline.content if inline is not None else ""
        checked = None
        if (task := _TASK.match(text)) is not None:
            checked, text = task.group(1) != " ", text[task.end() :]
        items.append(Item(text, _lines(lines, token.map), checked))
    return items


def _rows(tokens: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content.strip())
    return rows


# Front matter: the YAML most such headers use (key: value, key: [a, b], and key: followed by "- a" lines).


def _split_front_matter(text: str) -> tuple[dict[str, Any], str, str]:
    """(the front matter's keys, its verbatim text, the Markdown after it)."""
    if not text.startswith("---\n"):
        return {}, "", text
    closing = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if closing is None:
        return {}, "", text
    inside = text[4 : 4 + closing.start()]
    after = text[4 + closing.end() :].lstrip("\n")
    return _yaml_subset(inside), text[: 4 + closing.end()], after


def _yaml_subset(text: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    key = None
    for line in text.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if key is not None and (item := re.match(r"^\s+-\s+(.*)$", line)):
            value = found.get(key)
            found[key] = [*(value if isinstance(value, list) else []), _scalar(item.group(1))]
            continue
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if pair is None:
            key = None
            continue
        key, value = pair.group(1).lower(), pair.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            found[key] = [_scalar(part) for part in value[1:-1].split(",") if part.strip()]
        else:
            found[key] = _scalar(value) if value else []
    return found


def _scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text
