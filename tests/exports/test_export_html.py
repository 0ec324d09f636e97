"""The HTML export: one well-formed, self-contained page saying what the Markdown says; in a real headless
Chromium (where one is installed) it renders and prints to PDF with a page per section."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from postmortem.exports.html import render_html
from postmortem.exports.markdown import render_markdown
from postmortem.models.audience import Audience
from postmortem.models.document import Postmortem

VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class Page(HTMLParser):
    """Reads a page strictly enough for the tests: every element closed in order, and what it shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1] if self.open else 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if not self.open or self.open[-1] not in ("style", "title"):
            self.text.append(data)

    @property
    def shown(self) -> str:
        return " ".join("".join(self.text).split())


def read(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def test_the_page_is_well_formed_and_self_contained(example_doc_readonly):
    page = render_html(example_doc_readonly)
    parsed = read(page)
    assert parsed.problems == [] and parsed.open == []
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">') and page.endswith("</html>\n")
    # Nothing is fetched: no scripts, no style sheets, pictures, frames or fonts from elsewhere.
    assert not [tag for tag, attrs in parsed.tags if tag in ("script", "link", "img", "iframe", "object")]
    assert not [attrs for _, attrs in parsed.tags if "src" in attrs]
    assert "@import" not in page and "url(" not in page
    assert ("title", {}) in parsed.tags and f"<title>{example_doc_readonly.meta.title}</title>" in page


@pytest.mark.parametrize("audience", list(Audience))
def test_the_page_shows_what_the_markdown_says(example_doc_readonly, audience):
    from markdown_it import MarkdownIt

    markdown = render_markdown(example_doc_readonly, audience)
    expected = read(MarkdownIt("commonmark").enable("table").render(markdown)).shown
    assert read(render_html(example_doc_readonly, audience)).shown == expected


def test_text_that_looks_like_html_is_shown_not_run():
    doc = Postmortem.model_validate(
        {
            "meta": {"title": "<script>alert(1)</script> & <b>co</b>"},
            "summary": {"what_happened": "worker <hex> said <img src=x onerror=alert(1)> and [a](javascript:x)"},
        }
    )
    page = render_html(doc)
    parsed = read(page)
    assert not [tag for tag, _ in parsed.tags if tag in ("script", "img", "b")]
    assert "javascript:" not in "".join(str(attrs) for _, attrs in parsed.tags)
    assert "worker <hex> said <img src=x onerror=alert(1)>" in parsed.shown
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;</title>" in page


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (the Debian package chromium provides one)")
def test_chromium_renders_the_page_and_prints_a_page_per_section(example_doc_readonly, tmp_path: Path):
    page = tmp_path / "postmortem.html"
    page.write_text(render_html(example_doc_readonly), encoding="utf-8")
    sections = len(re.findall(r"^## ", render_markdown(example_doc_readonly), re.M))
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    pdf, png = tmp_path / "postmortem.pdf", tmp_path / "postmortem.png"
    for output in (
        ["--no-pdf-header-footer", f"--print-to-pdf={pdf}"],
        ["--hide-scrollbars", "--window-size=1200,1400", f"--screenshot={png}"],
    ):
        subprocess.run([str(CHROMIUM), *flags, *output, page.as_uri()], capture_output=True, timeout=120, check=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages >= sections  # each section starts a page; long ones take more
    picture = png.read_bytes()
    assert picture.startswith(b"\x89PNG") and len(picture) > 20_000  # a rendered page, not a blank one
