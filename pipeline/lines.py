"""Text lines rebuilt from positioned words: the layout unit that borderless tables and lists share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import BBox
from .pdf import Rule, Word

# Words whose vertical middles are this close (points) sit on one printed line.
SAME_LINE_TOLERANCE = 3.0
# Running page furniture that can sit between the parts of a table split over two pages.
_FURNITURE = re.compile(r"^(page\s+\d+(\s+of\s+\d+)?|\d{1,4}|agenda item\s+\w+)$", re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """Page numbers, 'Page 7 of 12' and 'Agenda Item 6' stamps: running text, not content."""
    return bool(_FURNITURE.match(text.strip()))


@dataclass
class Line:
    page: int
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def is_furniture(self) -> bool:
        return is_furniture(self.text)


def group_lines(words: Iterable[Word], page: int) -> list[Line]:
    """Words grouped into lines, top to bottom, each line's words left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.middle, w.x0)):
        if lines and abs(lines[-1].words[-1].middle - word.middle) <= SAME_LINE_TOLERANCE:
            lines[-1].words.append(word)
        else:
            lines.append(Line(page, [word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def rule_between(rules: list[Rule], upper: Line, lower: Line) -> bool:
    """True when a horizontal ruling line separates two lines (so they are in different cells)."""
    left, right = min(upper.x0, lower.x0), max(upper.x0, lower.x0)
    return any(
        rule.orientation == "h"
        and upper.bottom - 1 <= rule.top <= lower.top + 1
        and rule.x0 <= left + 1
        and rule.x1 >= right
        for rule in rules
    )
