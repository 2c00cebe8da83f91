"""A table region's words and rules → column boundaries → pieces of lines → rows → cells.

One reader for every table, ruled or not: columns are parted by vertical rules where the table
has them and by gaps that the lines' text leaves free (Camelot's stream, Nurminen's method)
where it has none; rows by horizontal rules where they are drawn between the rows and by text
lines (wrapped cells joined) where they are not. Each stage is a public pure function.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..pdf import Rule, Word
from .model import BBox, Cell, CellLine, Row, union
from .settings import DEFAULT_SETTINGS, TableSettings
from .text import Segment, TextLine

_NUMERIC = re.compile(r"^[(\-–−+]?[£$€]?\s?\d[\d,. ]*(?:%|\s?[€$£]|\s?eur)?\)?[*†‡a-z]?$|^[-–—]$|^\(?[xX]\)?$|^n/?a$",
                      re.IGNORECASE)
# Not figures but headings: a year, or a unit such as '(000)' or "£'000".
_HEADING_NUMBER = re.compile(r"^(?:19|20)\d{2}\*{0,2}$|^\(?[£$€]?\s?['’]?0{3}['’]?s?\)?$")
# A word that cannot end a wrapped line's thought: the cell continues on the next line.
_CONTINUES = re.compile(r"(?:[-,/&(+]|\b(?:and|or|of|the|for|to|in|on|with|by|a|an|from|at|as|per))$",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Boundary:
    """Where one column ends and the next begins: a vertical rule, or a gap the text leaves."""

    left: float  # right edge of the text on the left
    right: float  # left edge of the text on the right
    rule: Rule | None = None

    @property
    def x(self) -> float:
        return self.rule.x0 if self.rule else (self.left + self.right) / 2

    def drawn_at(self, top: float, bottom: float) -> bool:
        """True when the boundary's rule is drawn beside this stretch of the page."""
        return self.rule is not None and self.rule.top - 2 <= (top + bottom) / 2 <= self.rule.bottom + 2


@dataclass
class Piece:
    """Part of one line that falls in one column (or spans several)."""

    first: int  # first column
    last: int  # last column it spans
    segment: Segment

    @property
    def text(self) -> str:
        return self.segment.text

    @property
    def numeric(self) -> bool:
        return is_numeric(self.segment.text)


def is_numeric(text: str) -> bool:
    return bool(_NUMERIC.match(text.strip()))


# -- columns -----------------------------------------------------------------------------------------


def body_start(lines: list[TextLine]) -> int:
    """Index of the first line with as many segments as most of the table's lines: headers come before it."""
    counts = [len(line.segments) for line in lines if len(line.segments) >= 2]
    if not counts:
        return 0
    usual = Counter(counts).most_common(1)[0][0]
    return next(index for index, line in enumerate(lines) if len(line.segments) >= usual)


def text_gaps(lines: list[TextLine], settings: TableSettings = DEFAULT_SETTINGS) -> list[Boundary]:
    """Gaps that run down the lines: x-ranges that few of the lines' segments cross, with text
    on both sides in at least two lines."""
    tabular = [line for line in lines if len(line.segments) >= 2]
    if not tabular:
        return []
    allowed = int(settings.gap_crossing_share * len(tabular))
    spans = [(segment.x0, segment.x1) for line in tabular for segment in line.segments]
    edges = sorted({x for span in spans for x in span})
    counts = [sum(1 for x0, x1 in spans if x0 < a + 0.01 and x1 > b - 0.01)
              for a, b in zip(edges, edges[1:], strict=False)]
    boundaries = []
    start = 0
    while start < len(counts):
        if counts[start] > allowed:
            start += 1
            continue
        end = start
        while end + 1 < len(counts) and counts[end + 1] <= allowed:
            end += 1
        boundaries += _clearest(edges, counts, start, end, settings.min_column_gap)
        start = end + 1
    return [gap for gap in boundaries if _supported(gap, tabular)]


def _clearest(edges: list[float], counts: list[int], start: int, end: int, min_width: float) -> list[Boundary]:
    """Within a run of little-crossed x-ranges, the stretches crossed least, each wide enough."""
    least = min(counts[start : end + 1])
    found = []
    index = start
    while index <= end:
        if counts[index] != least:
            index += 1
            continue
        stop = index
        while stop + 1 <= end and counts[stop + 1] == least:
            stop += 1
        if edges[stop + 1] - edges[index] >= min_width:
            found.append(Boundary(edges[index], edges[stop + 1]))
        index = stop + 1
    return found


def _supported(gap: Boundary, lines: list[TextLine]) -> bool:
    both_sides = sum(
        1 for line in lines
        if any(s.x1 <= gap.left + 0.5 for s in line.segments) and any(s.x0 >= gap.right - 0.5 for s in line.segments)
    )
    return both_sides >= 2


def column_boundaries(lines: list[TextLine], vertical: list[Rule], box: BBox,
                      settings: TableSettings = DEFAULT_SETTINGS) -> list[Boundary]:
    """Vertical rules inside the table, and gaps in its text where no rule is drawn."""
    height = box[3] - box[1]
    inner = sorted((rule for rule in vertical if box[0] + 3 < rule.x0 < box[2] - 3), key=lambda r: r.x0)
    ruled = [Boundary(rule.x0, rule.x0, rule) for rule in inner]
    body = lines[body_start(lines):]
    gaps = text_gaps(body, settings)
    if any(rule.bottom - rule.top >= 0.5 * height for rule in inner):
        # Columns are drawn: a gap with no rule is a column only where most lines confirm it.
        gaps = [gap for gap in gaps if _share_both_sides(gap, body) >= 0.5]
    free = [gap for gap in gaps if not any(gap.left - 3 <= rule.x0 <= gap.right + 3 for rule in inner)]
    return sorted(ruled + free, key=lambda boundary: boundary.x)


def _share_both_sides(gap: Boundary, lines: list[TextLine]) -> float:
    tabular = [line for line in lines if len(line.segments) >= 2] or lines
    both = sum(1 for line in tabular
               if any(s.x1 <= gap.left + 0.5 for s in line.segments)
               and any(s.x0 >= gap.right - 0.5 for s in line.segments))
    return both / len(tabular)


# -- pieces ------------------------------------------------------------------------------------------


def line_pieces(line: TextLine, boundaries: list[Boundary]) -> list[Piece]:
    """The line's segments placed in columns: split at a rule, or at a word gap over a column
    boundary; text that runs over a boundary with no gap spans the columns."""
    pieces: list[Piece] = []
    for segment in line.segments:
        pieces.extend(_place(segment, boundaries, line))
    return pieces


def _column_of(x: float, boundaries: list[Boundary]) -> int:
    return sum(1 for boundary in boundaries if x > boundary.x)


def _place(segment: Segment, boundaries: list[Boundary], line: TextLine) -> list[Piece]:
    first = _column_of(segment.x0 + 1, boundaries)
    last = _column_of(segment.x1 - 1, boundaries)
    if first >= last:
        return [Piece(first, first, segment)]
    for boundary in boundaries[first:last]:
        cut = _cut(segment, boundary, line)
        if cut is not None:
            left, right = Segment(segment.words[:cut]), Segment(segment.words[cut:])
            return _place(left, boundaries, line) + _place(right, boundaries, line)
    return [Piece(first, last, segment)]


def _cut(segment: Segment, boundary: Boundary, line: TextLine) -> int | None:
    """Index of the first word right of the boundary, if the segment can be cut there."""
    words = segment.words
    if boundary.drawn_at(line.top, line.bottom):
        # a rule between two words a plain space apart is the edge of a shading, not a cell border
        cut = sum(1 for word in words if (word.x0 + word.x1) / 2 < boundary.x)
        if 0 < cut < len(words) and words[cut].x0 - words[cut - 1].x1 > _space(words, cut, line):
            return cut
        return None
    min_gap = max(2.0, 0.3 * line.height)
    for index in range(1, len(words)):
        before, after = words[index - 1], words[index]
        if after.x0 - before.x1 >= min_gap and before.x1 <= boundary.right + 1 and after.x0 >= boundary.left - 1:
            return index
    return None


def _space(words: tuple[Word, ...], cut: int, line: TextLine) -> float:
    """The widest gap that is still a plain space between two words of this text, judged by its
    other gaps (the narrowest of them is a plain space)."""
    gaps = [words[i].x0 - words[i - 1].x1 for i in range(1, len(words)) if i != cut]
    if gaps:
        return max(1.5 * min(gaps), 0.25 * line.height)
    return 0.3 * line.height


# -- rows --------------------------------------------------------------------------------------------


def row_groups(lines: list[TextLine], pieces: list[list[Piece]], horizontal: list[Rule], box: BBox,
               settings: TableSettings = DEFAULT_SETTINGS) -> list[list[int]]:
    """Lines grouped into rows: line by line with wrapped lines joined to the row they continue,
    never across a horizontal rule; where rules part most rows, all lines between two rules are one
    row unless they hold figures in the same column."""
    width = box[2] - box[0]
    cuts = sorted(rule.top for rule in horizontal if rule.x1 - rule.x0 >= 0.3 * width)
    bands: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        bands.setdefault(sum(1 for y in cuts if y < line.middle), []).append(index)
    extents = _column_extents(pieces)
    head = header_zone(pieces)
    by_band = [_band_rows(bands[key], head, lines, pieces, extents, settings) for key in sorted(bands)]
    first = min((piece.first for line in pieces for piece in line), default=0)
    # Rules drawn between the rows (not only round the header and the body): few lines between two rules,
    # or one label in the first column (a subject over its description is one row, not one line)
    single = sum(len(rows) == 1 or _one_label([i for row in rows for i in row], pieces, first, extents)
                 for rows in by_band)
    ruled_rows = len(by_band) >= 4 or (len(by_band) == 3 and single >= 2)
    rows: list[list[int]] = []
    for band_rows in by_band:
        band = [index for row in band_rows for index in row]
        one_row = len(by_band) >= 2 and _one_label(band, pieces, first, extents)
        if (ruled_rows or one_row) and not _figures_stacked(band, pieces):
            # only the first band can hold the header: a later one is a body row, whatever number its text
            # holds first ('Local Transport Plan 4' over its description)
            parts = ([i for i in band if i < head], [i for i in band if i >= head]) if band[0] == 0 else (band,)
            rows.extend(part for part in parts if part)
        else:
            rows.extend(band_rows)
    return rows


def _one_label(band: list[int], pieces: list[list[Piece]], first: int, extents: dict[int, float]) -> bool:
    """Between two rules, only one line starts a row: the first column holds one label (wrapped
    over lines perhaps); the other lines carry on the cells beside it."""
    labels = [next((p for p in pieces[i] if p.first == first), None) for i in band]
    starts = 0
    previous: Piece | None = None
    for label in labels:
        if label is not None and not (previous is not None and _wrapped(previous, label, extents)):
            starts += 1
        previous = label or previous
    return starts <= 1


def header_zone(pieces: list[list[Piece]]) -> int:
    """How many lines come before the first line with a figure (a year heads a column, it is not a
    figure): the header's lines, if the table has figures."""
    for index, line in enumerate(pieces):
        if any(piece.numeric and not _HEADING_NUMBER.match(piece.text.strip()) for piece in line):
            return index
    return 0


def _band_rows(band: list[int], head: int, lines: list[TextLine], pieces: list[list[Piece]],
               extents: dict[int, float], settings: TableSettings) -> list[list[int]]:
    rows: list[list[int]] = []
    for index in band:
        joins = _joins_header if index < head else _joins
        if rows and joins(rows[-1], index, lines, pieces, extents, settings):
            rows[-1].append(index)
        else:
            rows.append([index])
    return rows


def _joins_header(row: list[int], index: int, lines: list[TextLine], pieces: list[list[Piece]],
                  extents: dict[int, float], settings: TableSettings) -> bool:
    """Header lines stack into one row of multi-line headings ('Body' / 'Weight' / '(g)'), except
    that a heading spanning several columns is a row of its own, above the headings it spans."""
    line, above = lines[index], lines[row[-1]]
    if line.top - above.bottom > settings.wrap_gap * max(line.height, above.height) + 1:
        return False
    return not (_spanning_line(pieces[row[-1]]) or _spanning_line(pieces[index]))


def _spanning_line(line: list[Piece]) -> bool:
    """A line of group headings: most of its pieces span several columns."""
    return bool(line) and sum(piece.last > piece.first for piece in line) >= 0.5 * len(line)


def _figures_stacked(band: list[int], pieces: list[list[Piece]]) -> bool:
    """True when two lines have figures in the same column: they are two rows, rule or no rule."""
    seen: set[int] = set()
    for index in band:
        columns = {piece.first for piece in pieces[index] if piece.numeric}
        if columns & seen:
            return True
        seen |= columns
    return False


def _column_extents(pieces: list[list[Piece]]) -> dict[int, float]:
    """How far right each column's text reaches: the width its cells wrap at."""
    extents: dict[int, float] = {}
    for line in pieces:
        for piece in line:
            if piece.first == piece.last:
                extents[piece.first] = max(extents.get(piece.first, 0.0), piece.segment.x1)
    return extents


def _joins(row: list[int], index: int, lines: list[TextLine], pieces: list[list[Piece]],
           extents: dict[int, float], settings: TableSettings) -> bool:
    """True when the line continues the row: cells wrapped onto it, or a row label printed on the
    line above its figures (cells centred vertically)."""
    line, above = lines[index], lines[row[-1]]
    if line.top - above.bottom > settings.wrap_gap * max(line.height, above.height) + 1:
        return False
    mine = pieces[index]
    theirs = _columns(pieces[i] for i in row)
    columns = {c for piece in mine for c in range(piece.first, piece.last + 1)}
    if not columns & theirs:
        return len(columns) == 1 or len(theirs) == 1  # a label beside (not under) the row's figures
    if any(piece.numeric for piece in mine):
        return False  # figures do not wrap
    last_pieces = {piece.first: piece for piece in pieces[row[-1]]}
    for piece in mine:
        above_piece = last_pieces.get(piece.first)
        if above_piece is None or piece.first not in theirs:
            return False
        if not _wrapped(above_piece, piece, extents):
            return False
    return True


def _columns(line_pieces_: object) -> set[int]:
    return {c for line in line_pieces_ for piece in line for c in range(piece.first, piece.last + 1)}


def _wrapped(above: Piece, below: Piece, extents: dict[int, float]) -> bool:
    """The lower text continues the upper: it starts in lower case, the upper breaks off mid-phrase,
    or its first word would not have fitted at the end of the upper line."""
    text = below.text
    if text[:1].islower() or _CONTINUES.search(above.text):
        return True
    if len(above.segment.words) < 2:
        return False  # a cell of one word says nothing of the width its column wraps at
    first_word = below.segment.words[0]
    room = extents.get(above.first, above.segment.x1) - above.segment.x1
    return first_word.x1 - first_word.x0 > room


# -- cells -------------------------------------------------------------------------------------------


def build_rows(lines: list[TextLine], pieces: list[list[Piece]], groups: list[list[int]], n_cols: int,
               page: int) -> list[Row]:
    """Rows of cells: each column's pieces joined top to bottom; a piece spanning columns makes a
    spanning cell where nothing else sits in the columns it covers."""
    rows = []
    for group in groups:
        by_column: dict[int, list[Piece]] = {}
        for index in group:
            for piece in pieces[index]:
                by_column.setdefault(piece.first, []).append(piece)
        cells = [Cell() for _ in range(n_cols)]
        for column, found in by_column.items():
            found.sort(key=lambda p: (p.segment.top, p.segment.x0))
            span_end = max(piece.last for piece in found)
            if any(c in by_column for c in range(column + 1, span_end + 1)):
                span_end = column
            cells[column] = Cell(" ".join(piece.text for piece in found),
                                 union([(p.segment.x0, p.segment.top, p.segment.x1, p.segment.bottom) for p in found]),
                                 col_span=span_end - column + 1, lines=cell_lines(found))
            for covered in range(column + 1, span_end + 1):
                cells[covered] = Cell(covered=True)
        box = union([(lines[i].x0, lines[i].top, lines[i].x1, lines[i].bottom) for i in group])
        bold = all(piece.segment.bold for found in by_column.values() for piece in found)
        rows.append(Row(cells, page, box, bold=bold))
    return rows


def cell_lines(found: list[Piece]) -> list[CellLine]:
    """A cell's pieces (top to bottom) as its printed lines: pieces side by side on one line are one line."""
    lines: list[list[Piece]] = []
    for piece in found:
        last = lines[-1][-1].segment if lines else None
        height = piece.segment.bottom - piece.segment.top
        if last is not None and min(last.bottom, piece.segment.bottom) - max(last.top, piece.segment.top) >= 0.5 * min(
                height, last.bottom - last.top):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [CellLine(" ".join(piece.text for piece in sorted(line, key=lambda p: p.segment.x0)),
                     all(piece.segment.bold for piece in line)) for line in lines]
