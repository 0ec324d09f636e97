"""A postmortem as one self-contained HTML page: readable in a browser, printable to PDF.

The page is the Markdown document (``exports.markdown``) rendered by markdown-it-py, so that both say the
same thing in the same order, inside a page of its own: the styles are in the page, no font, script or
picture is fetched from anywhere, and the print styles start each section on a new page, repeat table
headers across pages and keep a row or a heading from being split from what follows it.
"""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

from postmortem.exports.markdown import render_markdown
from postmortem.models.audience import Audience
from postmortem.models.document import Postmortem

# CommonMark with tables. Raw HTML stays on: the Markdown escapes whatever the author typed that HTML would
# take for a tag, and writes only <br> in table cells itself. Links to javascript: and the like are refused
# by markdown-it's own link check.
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")

_STYLE = """
:root { color-scheme: light; --text: #1d2125; --muted: #5e6670; --line: #d3d8de; --head: #f3f5f7; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 2rem 1.5rem 4rem; max-width: 62rem;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: #fff;
}
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 1.2rem; }
h2 { font-size: 1.4rem; margin: 2.4rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.6rem 0 0.6rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
p, ul, ol { margin: 0 0 0.9rem; }
li { margin: 0.2rem 0; }
em { color: var(--muted); }
code { font: 0.9em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--head);
  padding: 0.05em 0.3em; border-radius: 3px; }
pre { background: var(--head); padding: 0.8rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
blockquote { margin: 0 0 0.9rem; padding: 0.4rem 0.9rem; border-left: 4px solid #d9822b; background: #fdf6ee; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
tbody tr:nth-child(even) td { background: #fafbfc; }
a { color: #0b57d0; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: page; margin-top: 0; }
  h1 + table + h2, h1 + p + h2 { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li, blockquote, pre { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  tbody tr:nth-child(even) td { background: none; }
}
"""


def render_html(doc: Postmortem, audience: Audience = Audience.INTERNAL) -> str:
    """The document as ``audience`` reads it, as a complete HTML page ending with one newline."""
    return html_page(render_markdown(doc, audience), doc.meta.title)


def html_page(markdown: str, title: str) -> str:
    """The page that shows ``markdown`` (the Markdown document) under ``title``."""
    body = _MARKDOWN.render(markdown)
    title = html.escape(title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="postmortem">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
