"""Cards for the table layer's tables (whatever they hold): those findings are about, and those read
without findings, so that a person can confirm that nothing on the page was missed."""

from __future__ import annotations

from . import boxes
from .data import BBox, Finding, Grid, GridRow
from .model import Card, Explained, Highlight, Region, TableRow, Tabulation
from .pdfs import DocumentPages

CHECKS = frozenset({"unread_table", "table_total_mismatch"})
_FIGURES = frozenset({"money", "number", "percent"})


def grid_of(finding: Finding, grids: list[Grid]) -> Grid | None:
    """The table a finding is about: an unread table by its page and caption, a wrong total by the label
    of its row on the page."""
    for grid in grids:
        if finding.check == "unread_table" and grid.page == finding.page and grid.caption == finding.subject:
            return grid
        if finding.check == "table_total_mismatch" and _rows_for(finding, grid):
            return grid
    return None


def grid_card(grid: Grid, findings: list[Finding], pages: DocumentPages,
              also: list[Tabulation] | None = None) -> Card:
    """The table's picture on each of its pages, marked where the findings are, and its cells as read;
    `also` adds other readings of it (the contributions read from it)."""
    marks = [mark for finding in findings for mark in _marks(finding, grid, pages)]
    regions = []
    for page in grid.pages:
        on_page = [highlight for marked_page, highlight in marks if marked_page == page]
        regions.append(Region(pages.document, page, _shown(grid, page, pages, on_page), _described(grid), on_page))
    explained = [Explained(finding) for finding in findings]
    return Card(f"table-{grid.id}", _title(grid), regions, explained, [_tabulation(grid, findings), *(also or [])])


def _described(grid: Grid) -> str:
    how = {"ruled": "a ruled table", "aligned": "a table set out in aligned columns", "list": "a list of figures"}
    return how.get(grid.method, "a table")


def _title(grid: Grid) -> str:
    where = f"page {grid.page}" if grid.page == grid.last_page else f"pages {grid.page}–{grid.last_page}"
    caption = f": {_shortened(grid.caption)}" if grid.caption else ""
    return f"Table {grid.position}, {where}{caption}"


def _shortened(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else "…" + text[-limit:].split(" ", 1)[-1]


def _rows_for(finding: Finding, grid: Grid) -> list[GridRow]:
    return [row for row in grid.rows if row.page == finding.page and row.label == finding.subject]


def _columns(grid: Grid, page: int) -> BBox | None:
    """Where the table can be on a page: its box on its first page, its width down the others."""
    if grid.bbox is None:
        return None
    x0, top, x1, bottom = grid.bbox
    return (x0, top, x1, bottom) if page == grid.page else (x0, 0.0, x1, float("inf"))


def _marks(finding: Finding, grid: Grid, pages: DocumentPages) -> list[tuple[int, Highlight]]:
    if finding.check == "unread_table" and grid.bbox:
        return [(grid.page, Highlight(grid.bbox, [finding], "the table no contributions could be read from"))]
    within = _columns(grid, finding.page or grid.page)
    marks = []
    for row in _rows_for(finding, grid):
        found = pages.find(row.page, row.label, within=within)
        if found and within is not None:
            line = boxes.band(found[-1], within)  # the last: a total row closes what is above it
            marks.append((row.page, Highlight(line, [finding], f"the row '{row.label}'")))
    return marks


def _shown(grid: Grid, page: int, pages: DocumentPages, highlights: list[Highlight]) -> BBox:
    """The table's box on its first page (with its caption); on the pages it runs on to, the lines where
    its rows' labels are found, or the whole page when none is."""
    parts = [highlight.box for highlight in highlights]
    if page == grid.page and grid.bbox:
        caption = pages.caption_line(page, grid.caption, grid.bbox)
        return boxes.table_region([grid.bbox, *parts], caption, pages.box(page))
    within = _columns(grid, page)
    for row in grid.rows:
        if row.page == page and row.label:
            parts += pages.find(page, row.label, within=within)[:1]
    if not parts:
        return pages.box(page)
    joined = boxes.union(parts)
    if within is not None:  # the rows' labels are at the left: the picture spans the table's width
        joined = (min(joined[0], within[0]), joined[1], max(joined[2], within[2]), joined[3])
    return boxes.table_region([joined], None, pages.box(page))


def _tabulation(grid: Grid, findings: list[Finding]) -> Tabulation:
    width = max((len(row.cells) for row in grid.rows), default=0)
    head = [[cell.text for cell in row.cells] for row in grid.rows if row.is_header]
    if not head:
        head = [[f"Column {index + 1}" for index in range(width)]]
    rows = [TableRow([cell.text for cell in row.cells], "total" if row.is_total else "body",
                     [finding for finding in findings if row in _rows_for(finding, grid)])
            for row in grid.rows if not row.is_header]
    numeric = {index for index, column in enumerate(grid.columns) if column.kind in _FIGURES}
    return Tabulation(f"{_described(grid).capitalize()} as read: every cell", head, rows, numeric)
