"""Rows of a label column and text that wraps under itself, as one widget.

A long list (a timeline of a thousand events) is one widget rather than three a row: it is laid out and
drawn in one go, and only again when its width changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget


class LabelRows(Widget):
    """``rows`` of (label, text) in markup; the labels take ``label_width`` cells. With the class ``-ids``
    the labels are bold in the text's colour (action ids), otherwise muted."""

    COMPONENT_CLASSES = {"label-rows--label"}
    DEFAULT_CSS = """
    LabelRows {
        height: auto;
        & > .label-rows--label { color: $text-muted; }
        &.-ids > .label-rows--label { color: $text; text-style: bold; }
    }
    """

    def __init__(self, rows: list[tuple[str, str]], *, label_width: int, classes: str = "") -> None:
        super().__init__(classes=classes)
        self._rows = [(Content.from_markup(label), Content.from_markup(text)) for label, text in rows]
        self.label_width = label_width
        self._visual: RowsVisual | None = None

    @property
    def plain(self) -> str:
        """The rows as plain text, a line each: the label, a space, the text."""
        return "\n".join(f"{label.plain} {text.plain}" for label, text in self._rows)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._visual = None  # the labels' colour may have changed with the theme

    def render(self) -> Visual:
        if self._visual is None:
            label_style = self.get_visual_style("label-rows--label")
            self._visual = RowsVisual(
                [(label.stylize_before(label_style), text) for label, text in self._rows], self.label_width
            )
        return self._visual


class RowsVisual(Visual):
    """The rows, measured for a width once and kept for that width."""

    def __init__(self, rows: list[tuple[Content, Content]], label_width: int) -> None:
        self.rows = rows
        self.label_width = label_width
        self._height: tuple[int, int] | None = None  # (width, height) last measured

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self._height is None or self._height[0] != width:
            text_width = max(width - self.label_width, 1)
            height = sum(
                max(label.get_height(rules, self.label_width), text.get_height(rules, text_width), 1)
                for label, text in self.rows
            )
            self._height = (width, height)
        return self._height[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        label_width = min(self.label_width, width)
        text_width = max(width - label_width, 1)
        blank = style.rich_style
        strips: list[Strip] = []
        for label, text in self.rows:
            if height is not None and len(strips) >= height:
                break
            labels = label.render_strips(label_width, None, style, options)
            texts = text.render_strips(text_width, None, style, options)
            for line in range(max(len(labels), len(texts), 1)):
                left = labels[line] if line < len(labels) else Strip.blank(0)
                right = texts[line] if line < len(texts) else Strip.blank(0)
                strips.append(
                    Strip.join(
                        [left.extend_cell_length(label_width, blank), right.extend_cell_length(text_width, blank)]
                    )
                )
        return strips if height is None else strips[:height]
