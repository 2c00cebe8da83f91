"""The reader's own reading of a page, for a page that names decision columns where the table
layer gives no plan's table: ruled tables through pdfplumber's table finder (its stages, run on the
page's rules: no parsed page needed), borderless ones by rebuilding the columns from the header words
and the rows from the gaps between lines."""

from __future__ import annotations

from pdfplumber.table import (
    Table,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)

from ...lines import Line, group_lines, rule_between
from ...pdf import Page, Rule, Word
from ...tables.model import CellLine
from .fields import row_fields
from .model import Cell, PageGrid, PlanRow, Span
from .stitching import ROW_GAP, complete, find_header, is_heading
from .vocabulary import MIN_LINE_HINTS, MIN_MEANINGS, MONTH_HEADING, hint_count

COLUMN_EDGE_TOLERANCE = 5.0  # points: a word this far left of a header word's edge is still in its column
WIDE_SPACE = 0.6  # words further apart than this share of their height start another column
PLUMBER = TableSettings.resolve(None)  # pdfplumber's default table settings, as `find_tables()` uses them


def page_grids(page: Page, continued: tuple[list[Span], list[str | None]] | None = None) -> list[PageGrid]:
    """The page's ruled tables; failing any with a plan header over rows, a borderless reading of it
    (under its own header, or else under the columns of the plan it may carry on: `continued`, the
    plan's columns and their meanings)."""
    words = page.words
    grids = [_ruled_grid(table, words, page.number) for table in ruled_tables(page.rules)]
    headed = [grid for grid in grids if (header := find_header(grid.rows)) and len(grid.rows) > header[0] + 1]
    if headed:
        # a header-less table overlapping a headed one is the same table found twice, not more rows
        grids = [grid for grid in grids if grid in headed or not any(_overlap(grid, h) for h in headed)]
    elif borderless := _borderless_grid(words, page.rules, page.number):
        # a header shaded in a box of its own over a table without rules is read with the table
        grids = [grid for grid in grids if not find_header(grid.rows)] + [borderless]
    elif continued and not grids and (carried := _continued_grid(words, page.rules, page.number, *continued)):
        grids = [carried]
    lines = group_lines(words, page.number)
    for grid in grids:
        grid.above = [line.text for line in lines if line.bottom <= grid.bbox[1]]
    return grids


def ruled_tables(rules: list[Rule]) -> list[Table]:
    """pdfplumber's `find_tables()` with its default settings ("lines" strategy), on the page's rules:
    edges merged, their intersections, the cells they draw, the cells grouped into tables."""
    edges = [_edge(rule) for rule in rules if _length(rule) >= PLUMBER.edge_min_length_prefilter]
    edges = merge_edges(edges, PLUMBER.snap_x_tolerance, PLUMBER.snap_y_tolerance,
                        PLUMBER.join_x_tolerance, PLUMBER.join_y_tolerance)
    edges = [edge for edge in edges if _edge_length(edge) >= PLUMBER.edge_min_length]
    intersections = edges_to_intersections(edges, PLUMBER.intersection_x_tolerance, PLUMBER.intersection_y_tolerance)
    cells = intersections_to_cells(intersections)
    return [Table(None, group) for group in cells_to_tables(cells)]  # no page: only the cells are read


def _length(rule: Rule) -> float:
    return rule.bottom - rule.top if rule.orientation == "v" else rule.x1 - rule.x0


def _edge_length(edge: dict) -> float:
    return edge["height"] if edge["orientation"] == "v" else edge["width"]


def _edge(rule: Rule) -> dict:
    return {"x0": rule.x0, "x1": rule.x1, "top": rule.top, "bottom": rule.bottom, "orientation": rule.orientation,
            "width": rule.x1 - rule.x0, "height": rule.bottom - rule.top}


def _overlap(a: PageGrid, b: PageGrid) -> bool:
    return a.bbox[0] < b.bbox[2] and b.bbox[0] < a.bbox[2] and a.bbox[1] < b.bbox[3] and b.bbox[1] < a.bbox[3]


def _ruled_grid(table: Table, words: list[Word], page_number: int) -> PageGrid:
    """A pdfplumber table as rows of cells; each cell's words rebuilt into lines.

    pdfplumber aligns every row's cells on the table's column edges, with None where a cell
    of an earlier column spans over it (month headings span the whole row)."""
    rows = []
    for row in table.rows:
        cells = [_cell_lines(_words_inside(words, bbox), page_number) if bbox else [] for bbox in row.cells]
        rows.append(PlanRow(page_number, cells, spanning=any(bbox is None for bbox in row.cells),
                            top=row.bbox[1], bottom=row.bbox[3]))
    edges = sorted({bbox[0] for row in table.rows for bbox in row.cells if bbox})
    return PageGrid(page_number, table.bbox, _spans(edges, table.bbox[2]), rows, method="own")


def _spans(edges: list[float], right: float) -> list[Span]:
    return [(edge, following) for edge, following in zip(edges, [*edges[1:], right], strict=True)]


def _words_inside(words: list[Word], bbox: tuple[float, float, float, float]) -> list[Word]:
    x0, top, x1, bottom = bbox
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= w.middle <= bottom]


def _cell_lines(words: list[Word], page_number: int) -> Cell:
    return [_cell_line(line.words) for line in group_lines(words, page_number)]


def _cell_line(words: list[Word]) -> CellLine:
    return CellLine(" ".join(word.text for word in words), all(word.bold for word in words))


def _borderless_grid(words: list[Word], rules: list[Rule], page_number: int) -> PageGrid | None:
    """A table without vertical rules: columns from the header words, rows from gaps or h-rules."""
    lines = [line for line in group_lines(words, page_number) if not line.is_furniture]
    for start, line in enumerate(lines):
        if hint_count(line.text) < MIN_LINE_HINTS:
            continue  # prose naming decision makers and dates is not a header: its words are not in columns
        header = _header_lines(lines, start, rules)
        edges = _column_edges([word for line in header for word in line.words])
        header_row = PlanRow(page_number, _split_columns(header, edges))
        if len(edges) >= MIN_MEANINGS and find_header([header_row]):
            rows = [header_row, *_borderless_rows(lines[start + len(header) :], edges, rules, page_number)]
            right = max(word.x1 for word in words)
            return PageGrid(page_number, (edges[0], header[0].top, float("inf"), float("inf")),
                            _spans(edges, right), rows, method="own")
    return None


def _continued_grid(words: list[Word], rules: list[Rule], page_number: int, spans: list[Span],
                    columns: list[str | None]) -> PageGrid | None:
    """A table without rules or header carrying on a plan's table: its rows from the first line that
    keeps to the plan's columns (a running heading across them comes before) to the next that does not;
    None unless they are decisions (a subject with a maker or date), after at most the end of a row
    cut by the page break."""
    edges = [span[0] for span in spans]
    lines = [line for line in group_lines(words, page_number) if not line.is_furniture]
    start = next((index for index, line in enumerate(lines) if not _crosses_columns(line, edges)), None)
    if start is None or len(edges) != len(columns):
        return None
    rows = _borderless_rows(lines[start:], edges, rules, page_number)
    decisions = [index for index, row in enumerate(rows) if complete(row_fields(row, columns))]
    if not decisions or sum(not is_heading(row) for row in rows[: decisions[0]]) > 1:
        return None
    rows = rows[: decisions[-1] + 1]
    bbox = (spans[0][0], rows[0].top or 0.0, spans[-1][1], rows[-1].bottom or 0.0)
    return PageGrid(page_number, bbox, _spans(edges, spans[-1][1]), rows, method="own")


def _header_lines(lines: list[Line], start: int, rules: list[Rule]) -> list[Line]:
    """The header line and the lines wrapped under it (set tight, in the same weight, no rule between)."""
    header = [lines[start]]
    bold = _is_bold(lines[start])
    for line in lines[start + 1 :]:
        if _starts_row(header[-1], line, rules) or _is_bold(line) != bold:
            break
        header.append(line)
    return header


def _is_bold(line: Line) -> bool:
    return _cell_line(line.words).bold


def _column_edges(words: list[Word]) -> list[float]:
    """Left edges of the header's columns: words further apart than a wide space start a column."""
    edges: list[float] = []
    right = float("-inf")
    for word in sorted(words, key=lambda w: w.x0):
        if word.x0 > right + (word.bottom - word.top) * WIDE_SPACE:
            edges.append(word.x0)
        right = max(right, word.x1)
    return edges


def _column_of(word: Word, edges: list[float]) -> int:
    return max(0, sum(edge - COLUMN_EDGE_TOLERANCE <= word.x0 for edge in edges) - 1)


def _crosses_columns(line: Line, edges: list[float]) -> bool:
    """Prose under a table runs across the column edges; a table's words never do."""
    return any(word.x0 < edge - COLUMN_EDGE_TOLERANCE < word.x1 for word in line.words for edge in edges[1:])


def _split_columns(lines: list[Line], edges: list[float]) -> list[Cell]:
    cells: list[Cell] = [[] for _ in edges]
    for line in lines:
        parts: dict[int, list[Word]] = {}
        for word in line.words:
            parts.setdefault(_column_of(word, edges), []).append(word)
        for column, words in parts.items():
            cells[column].append(_cell_line(words))
    return cells


def _borderless_rows(lines: list[Line], edges: list[float], rules: list[Rule], page_number: int) -> list[PlanRow]:
    """Body lines grouped into rows: a row starts after a gap wider than line spacing or at a rule."""
    rows: list[list[Line]] = []
    for line in lines:
        if _crosses_columns(line, edges):
            break
        if rows and not _starts_row(rows[-1][-1], line, rules):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [PlanRow(page_number, _split_columns(row, edges), top=row[0].top, bottom=row[-1].bottom) for row in rows]


def _starts_row(previous: Line, line: Line, rules: list[Rule]) -> bool:
    """Lines of one cell are set tight; rows are parted by a rule or by their cells' padding."""
    if MONTH_HEADING.match(line.text) or MONTH_HEADING.match(previous.text):
        return True
    gap = line.top - previous.bottom
    return gap > (previous.bottom - previous.top) * ROW_GAP or rule_between(rules, previous, line)
