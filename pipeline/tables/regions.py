"""Where the tables are on a page: grids drawn by rules, and blocks of lines whose text is aligned
in columns (with the header lines above them). Prose, captions and big gaps end a table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..pdf import Rule
from .model import BBox
from .settings import DEFAULT_SETTINGS, TableSettings
from .text import TextLine

_CAPTION = re.compile(r"^(?:table|figure|fig\.|chart|graph|exhibit|annex|appendix|source|note)s?\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[a-z]{2,}[.:;]$")
MAX_HEADER_LINES = 4


@dataclass
class Region:
    """Part of a page that holds one table, with the lines in it."""

    bbox: BBox
    lines: list[TextLine]
    ruled: bool  # drawn as a grid of rules


def line_box(lines: list[TextLine]) -> BBox:
    return (min(line.x0 for line in lines), min(line.top for line in lines),
            max(line.x1 for line in lines), max(line.bottom for line in lines))


def within(line: TextLine, box: BBox, margin: float = 1.0) -> bool:
    middle_x = (line.x0 + line.x1) / 2
    return box[0] - margin <= middle_x <= box[2] + margin and box[1] - margin <= line.middle <= box[3] + margin


def is_prose(line: TextLine, width: float, settings: TableSettings = DEFAULT_SETTINGS) -> bool:
    """A line of running text: one segment, long, many words; or every segment a sentence's part."""
    if len(line.segments) == 1:
        segment = line.segments[0]
        return len(segment.words) >= settings.prose_words and segment.x1 - segment.x0 >= settings.prose_width * width
    return all(len(segment.words) >= settings.prose_words for segment in line.segments)


def aligned_blocks(lines: list[TextLine], horizontal: list[Rule], width: float,
                   settings: TableSettings = DEFAULT_SETTINGS) -> list[list[TextLine]]:
    """Runs of lines in columns: lines of two or more segments, with the short lines between them;
    a prose line or a wide vertical gap ends a run. Header lines above a run join it."""
    blocks: list[list[TextLine]] = []
    current: list[TextLine] = []
    for line in lines:
        prose = is_prose(line, width, settings)
        if current and (prose or line.top - current[-1].bottom > settings.max_row_gap * line.height):
            blocks.append(current)
            current = []
        if not prose and (len(line.segments) >= 2 or current):
            current.append(line)
    if current:
        blocks.append(current)
    tables = []
    for block in blocks:
        while block and len(block[-1].segments) < 2:
            block.pop()
        if sum(len(line.segments) >= 2 for line in block) >= settings.min_table_lines and not _two_prose_columns(block):
            tables.append(_with_header(block, lines, horizontal, settings))
    return tables


def _two_prose_columns(block: list[TextLine]) -> bool:
    """Text set in two columns looks like a two-column table: its segments are long runs of words."""
    segments = [segment for line in block for segment in line.segments]
    return sum(len(segment.words) for segment in segments) / len(segments) >= 4.5


def _with_header(block: list[TextLine], lines: list[TextLine], horizontal: list[Rule],
                 settings: TableSettings) -> list[TextLine]:
    """The block with the header lines right above it: short lines within its width, no caption."""
    start = lines.index(block[0])
    left, right = min(line.x0 for line in block) - 10, max(line.x1 for line in block) + 10
    header: list[TextLine] = []
    below = block[0]
    for line in reversed(lines[max(0, start - MAX_HEADER_LINES) : start]):
        if (line.bottom > below.top - 0.5 or below.top - line.bottom > 1.2 * line.height
                or line.x0 < left or line.x1 > right or _CAPTION.match(line.text)
                or _SENTENCE.search(line.text) or is_prose(line, right - left, settings)):
            break
        header.insert(0, line)
        below = line
    return header + block


def lines_outside(lines: list[TextLine], boxes: list[BBox]) -> list[TextLine]:
    return [line for line in lines if not any(within(line, box) for box in boxes)]
