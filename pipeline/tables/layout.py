"""Pages set in several text columns, found before any table is looked for, so that each column is
read on its own: read as whole-width lines, the lines of two columns interleave.

A gutter is an x-range that several lines of prose leave free, with prose on both sides; its
zone runs up and down the page for as long as no line crosses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import BBox
from .settings import DEFAULT_SETTINGS, TableSettings
from .text import TextLine, text_lines

MIN_GUTTER_LINES = 3  # lines of prose on both sides of a gutter
PROSE_SEGMENT_WORDS = 3
MIN_COLUMN_SHARE = 0.25  # each text column is at least this share of the text's width


@dataclass
class TextColumn:
    bbox: BBox
    lines: list[TextLine]

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]


@dataclass
class _Gutter:
    left: float
    right: float
    first: int  # index of the first line of its zone
    last: int

    @property
    def x(self) -> float:
        return (self.left + self.right) / 2


def text_columns(lines: list[TextLine], settings: TableSettings = DEFAULT_SETTINGS) -> list[TextColumn]:
    """The page's text as columns to read one by one: the whole width where it is not set in
    columns, and each column of a zone that is."""
    if not lines:
        return []
    box = _box(lines)
    gutters = find_gutters(lines, box[2] - box[0])
    if not gutters:
        return [TextColumn(box, lines)]
    in_zone: set[int] = set()
    columns: list[TextColumn] = []
    for zone in _zones(gutters):
        indices = range(zone[0].first, zone[0].last + 1)
        in_zone.update(indices)
        words = [word for i in indices for word in lines[i].words]
        edges = [box[0] - 1, *(gutter.x for gutter in zone), box[2] + 1]
        for left, right in zip(edges, edges[1:], strict=False):
            part = [word for word in words if left <= (word.x0 + word.x1) / 2 < right]
            if part:
                part_lines = text_lines(part, settings)
                columns.append(TextColumn(_box(part_lines), part_lines))
    rest = [line for index, line in enumerate(lines) if index not in in_zone]
    if rest:
        columns.insert(0, TextColumn(_box(rest), rest))
    return columns


def find_gutters(lines: list[TextLine], width: float) -> list[_Gutter]:
    """Gutters between text columns, each with the run of lines it parts."""
    candidates: list[tuple[float, float, int]] = []
    for index, line in enumerate(lines):
        for a, b in zip(line.segments, line.segments[1:], strict=False):
            if _prose_segment(a, width) and _prose_segment(b, width):
                candidates.append((a.x1, b.x0, index))
    gutters = []
    for left, right, support in _overlapping(candidates):
        if len(support) < MIN_GUTTER_LINES:
            continue
        first, last = _zone(lines, left, right, min(support), max(support))
        if _wide_columns(lines[first : last + 1], left, right, width):
            gutters.append(_Gutter(left, right, first, last))
    return gutters


def _prose_segment(segment, width: float) -> bool:
    return len(segment.words) >= PROSE_SEGMENT_WORDS and segment.x1 - segment.x0 >= 0.15 * width


def _overlapping(candidates: list[tuple[float, float, int]]) -> list[tuple[float, float, list[int]]]:
    """Gaps of different lines grouped where they overlap: (common left, common right, lines)."""
    groups: list[tuple[float, float, list[int]]] = []
    for left, right, index in sorted(candidates):
        for position, (g_left, g_right, support) in enumerate(groups):
            if min(right, g_right) - max(left, g_left) >= 2:
                groups[position] = (max(left, g_left), min(right, g_right), support + [index])
                break
        else:
            groups.append((left, right, [index]))
    return groups


def _zone(lines: list[TextLine], left: float, right: float, first: int, last: int) -> tuple[int, int]:
    """The run of lines around the supporting ones that no word crosses the gutter in."""
    def crosses(line: TextLine) -> bool:
        return any(word.x0 < right - 1 and word.x1 > left + 1 for word in line.words)

    if any(crosses(line) for line in lines[first : last + 1]):
        return first, first - 1  # lines between the supporting ones cross it: not a gutter
    while first > 0 and not crosses(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and not crosses(lines[last + 1]):
        last += 1
    return first, last


def _wide_columns(lines: list[TextLine], left: float, right: float, width: float) -> bool:
    """Both sides of the gutter are text columns, not a table's narrow columns."""
    if not lines:
        return False
    x0, x1 = min(line.x0 for line in lines), max(line.x1 for line in lines)
    return left - x0 >= MIN_COLUMN_SHARE * width and x1 - right >= MIN_COLUMN_SHARE * width


def _zones(gutters: list[_Gutter]) -> list[list[_Gutter]]:
    """Gutters grouped where their runs of lines overlap (a page of three columns has two), each
    group's run made the union of theirs."""
    zones: list[list[_Gutter]] = []
    for gutter in sorted(gutters, key=lambda g: g.first):
        zone = zones[-1] if zones else None
        if zone and gutter.first <= max(g.last for g in zone):
            zone.append(gutter)
        else:
            zones.append([gutter])
    for zone in zones:
        first, last = min(g.first for g in zone), max(g.last for g in zone)
        for gutter in zone:
            gutter.first, gutter.last = first, last
        zone.sort(key=lambda g: g.x)
    return zones


def _box(lines: list[TextLine]) -> BBox:
    return (min(line.x0 for line in lines), min(line.top for line in lines),
            max(line.x1 for line in lines), max(line.bottom for line in lines))
