"""Where the tables are on a page: grids drawn by rules, and blocks of lines whose text is aligned
in columns (with the header lines above them). Prose, captions and big gaps end a table."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def aligned_blocks(lines: list[TextLine], width: float, settings: TableSettings = DEFAULT_SETTINGS
                   ) -> list[list[TextLine]]:
    """Runs of lines in columns: lines of two or more segments, with the short lines between them;
    a prose line or a wide vertical gap ends a run, and so does a repeat of its header (tables
    stacked one under the other). Header lines above a run join it."""
    blocks = []
    for run in _runs(lines, width, settings):
        while run and len(run[-1].segments) < 2:
            run.pop()
        if not run:
            continue
        for block in _split_at_repeated_header(_with_header(run, lines, settings)):
            if sum(len(line.segments) >= 2 for line in block) >= settings.min_table_lines and not _two_prose_columns(
                    block):
                blocks.append(block)
    return blocks


def _runs(lines: list[TextLine], width: float, settings: TableSettings) -> list[list[TextLine]]:
    runs: list[list[TextLine]] = []
    current: list[TextLine] = []
    for line in lines:
        prose = is_prose(line, width, settings)
        if current and (prose or line.top - current[-1].bottom > settings.max_row_gap * line.height):
            runs.append(current)
            current = []
        if not prose and (len(line.segments) >= 2 or current):
            current.append(line)
    if current:
        runs.append(current)
    return runs


def _split_at_repeated_header(block: list[TextLine]) -> list[list[TextLine]]:
    """A block cut where its first line comes again after some rows: a second table with the same header."""
    first = block[0].text
    for index in range(2, len(block)):
        if block[index].text == first:
            return [block[:index], *_split_at_repeated_header(block[index:])]
    return [block]


def _two_prose_columns(block: list[TextLine]) -> bool:
    """Text set in two columns looks like a two-column table: its segments are long runs of words."""
    segments = [segment for line in block for segment in line.segments]
    return sum(len(segment.words) for segment in segments) / len(segments) >= 4.5


def _with_header(block: list[TextLine], lines: list[TextLine], settings: TableSettings) -> list[TextLine]:
    """The block with the header lines right above it: short lines within its width, no caption
    (nor the second line of a caption)."""
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
    above_index = start - len(header) - 1
    above = lines[above_index] if above_index >= 0 else None
    while header and above is not None and _CAPTION.match(lines[above_index].text):
        following = header[1] if len(header) > 1 else block[0]
        if header[0].top - above.bottom > following.top - header[0].bottom:
            break
        above = header.pop(0)  # closer to the caption than to the table: the caption's next line
    return header + block


def lines_outside(lines: list[TextLine], boxes: list[BBox]) -> list[TextLine]:
    return [line for line in lines if not any(within(line, box) for box in boxes)]
