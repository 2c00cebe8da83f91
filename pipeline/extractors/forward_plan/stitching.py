"""Stitching a plan's table together across pages: headers found (and found again where they
repeat), rows cut by a page break merged back, month rows kept as headings, running page
headings dropped, and a table continued without its header recognised by where its columns are.

A plan's table runs over several pages with its header repeated (or printed once); a row cut by
a page break continues at the top of the next page, where its one-line cells (date, key decision,
access) are empty, so such a first row is merged back into its row. Rows holding only a
month name ('May', 'June 2023') group the decisions and are not decisions themselves; nor is
the running heading a page prints over the table ('Kent County Council Forward Plan – March 2025').
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from .fields import join, label_of, row_fields, subject_lines
from .model import Cell, PageGrid, PlanRow, Span
from .vocabulary import MONTH_HEADING, ROW_START_FIELDS, SHORT_FIELDS, access_word, column_meanings, is_title

HEADER_SEARCH_ROWS = 3  # a table's header is within its first rows
COLUMN_TOLERANCE = 5.0  # points: the same table's columns on the next page
ROW_GAP = 0.6  # a gap between lines wider than this share of a line's height parts two rows
MAX_HEADING_LINES = 2


@dataclass
class OpenPlan:
    """One forward plan being read: its column meanings and its body rows so far."""

    first_page: int
    columns: list[str | None]
    access: str  # what 'Yes' means in the access column ('Exempt', 'Private'...)
    spans: list[Span]
    front_matter: list[str]
    last_page: int
    rows: list[PlanRow] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # row index -> heading above it


def trial_copy(plan: OpenPlan | None) -> OpenPlan | None:
    """A copy of the open plan that reading a page into leaves the plan as it was (rows are never
    changed in place, only replaced)."""
    if plan is None:
        return None
    return replace(plan, rows=list(plan.rows), headings=dict(plan.headings))


# -- headers ---------------------------------------------------------------------------------------


def find_header(rows: list[PlanRow]) -> tuple[int, list[str | None], str] | None:
    """(index of the header's last row, meaning of each column, access word) for a plan's table.
    A header may take two rows ('Decision' spanning 'Maker' and 'Date')."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        candidates = [(index, row.cells)]
        if index + 1 < len(rows):
            candidates.append((index + 1, [a + b for a, b in zip(row.cells, rows[index + 1].cells, strict=True)]))
        for last, cells in candidates:
            texts = [join(cell) for cell in cells]
            if columns := column_meanings(texts):
                return last, columns, access_word(texts, columns)
    return None


# -- pages -----------------------------------------------------------------------------------------


def read_page(grids: list[PageGrid], current: OpenPlan | None, page: int,
              front_matter: Callable[[int, list[str]], list[str]]) -> tuple[OpenPlan | None, list[OpenPlan], int]:
    """Feed one page's tables into the open plan. Returns the open plan, the plans it finished, and
    how many rows the page gave. `front_matter(page, above)` gives a new plan's front matter."""
    finished: list[OpenPlan] = []
    page_rows = 0  # body rows already taken from this page (only the first may continue a row)
    for grid in grids:
        header = find_header(grid.rows)
        if header is not None:
            index, columns, access = header
            if not (current and same_plan(current, columns, page)):
                if current:
                    finished.append(current)
                current = OpenPlan(page, columns, access, grid.spans, front_matter(page, grid.above), page)
            body = grid.rows[index + 1 :]
        elif current and (mapping := continues_columns(current, grid, page)) is not None:
            body = [remapped(row, mapping, len(current.columns)) for row in grid.rows]
        else:
            continue
        if grid.method == "aligned":
            body = regrouped(body)
        page_rows += add_rows(current, body, continuing=page_rows == 0)
        current.last_page = page
    return current, finished, page_rows


def plan_grids(grids: list[PageGrid], current: OpenPlan | None, page: int
               ) -> Iterator[tuple[PageGrid, list[str | None], list[PlanRow]]]:
    """The grids that would give the plan rows: each with its columns' meanings and its body."""
    for grid in grids:
        header = find_header(grid.rows)
        if header is not None:
            yield grid, header[1], grid.rows[header[0] + 1 :]
        elif current and (mapping := continues_columns(current, grid, page)) is not None:
            yield grid, current.columns, [remapped(row, mapping, len(current.columns)) for row in grid.rows]


def misread(grids: list[PageGrid], current: OpenPlan | None, page: int) -> bool:
    """Whether the layer misread a plan's table on this page: a ruled one read line by line (a
    table's part on a page with too few rules across it for the layer to see rows between rules),
    or a borderless one whose last lines it may have left out."""
    return any((grid.method == "ruled" and line_by_line(body, columns)) or (grid.method == "aligned" and grid.cut_short)
               for grid, columns, body in plan_grids(grids, current, page))


def without_rules(grids: list[PageGrid], current: OpenPlan | None, page: int) -> bool:
    """Whether a plan's table on this page was read by the alignment of its text (no rules)."""
    return any(grid.method == "aligned" for grid, _, _ in plan_grids(grids, current, page))


@dataclass(frozen=True)
class Yield:
    """What reading a page's grids gives the plan."""

    rows: int  # rows taken (headings and rows finishing the previous page's last row included)
    decisions: int  # rows naming a subject and a decision maker or date
    text: int  # characters of text taken in


def page_yield(grids: list[PageGrid], current: OpenPlan | None, page: int) -> Yield:
    """What these grids would give the open plan (read into a copy of it)."""
    if not grids:
        return Yield(0, 0, 0)
    trial = trial_copy(current)
    before = len(trial.rows) if trial else 0
    before_text = _text(trial.rows[-1]) if trial and trial.rows else 0
    plan, _, added = read_page(grids, trial, page, lambda _page, above: above)
    if plan is None:
        return Yield(0, 0, 0)
    if plan is trial:
        rows, extra = plan.rows[before:], (_text(plan.rows[before - 1]) - before_text if before else 0)
    else:
        rows, extra = plan.rows, 0
    decisions = sum(1 for row in rows if complete(row_fields(row, plan.columns)))
    return Yield(added, decisions, extra + sum(_text(row) for row in rows))


def complete(fields: dict[str, Cell]) -> bool:
    """A decision's row: it names a subject, and a decision maker or a date."""
    return bool(subject_lines(fields)[0]) and any(fields.get(name) for name in SHORT_FIELDS if name != "key_decision")


def _text(row: PlanRow) -> int:
    return sum(len(line.text) for cell in row.cells for line in cell)


def same_plan(plan: OpenPlan, columns: list[str | None], page: int) -> bool:
    return plan.columns == columns and plan.last_page in (page, page - 1)


def continues_columns(plan: OpenPlan, grid: PageGrid, page: int) -> list[int] | None:
    """A header-less table on the plan's page or the next, under the plan's columns, carries on the
    plan: for each of its columns, the plan's column it sits under (a column empty on this page may
    be missing). None when it is another table."""
    if plan.last_page not in (page, page - 1) or not grid.spans or len(grid.spans) > len(plan.spans):
        return None
    if len(grid.spans) == len(plan.spans) and all(
            abs(a[0] - b[0]) <= COLUMN_TOLERANCE for a, b in zip(grid.spans, plan.spans, strict=True)):
        return list(range(len(grid.spans)))
    left, right = plan.spans[0][0], plan.spans[-1][1]
    if sum(grid.spans[0]) / 2 < left or sum(grid.spans[-1]) / 2 > right:
        return None  # it sticks out of the plan's table
    cuts = [(a[1] + b[0]) / 2 for a, b in zip(plan.spans, plan.spans[1:], strict=False)]
    mapping = []
    for x0, x1 in grid.spans:
        column = sum(cut < (x0 + x1) / 2 for cut in cuts)
        low = cuts[column - 1] if column else x0
        high = cuts[column] if column < len(cuts) else x1
        if x0 < low - COLUMN_TOLERANCE or x1 > high + COLUMN_TOLERANCE:
            return None  # its text runs across the plan's columns: another table
        mapping.append(column)
    return mapping if len(set(mapping)) == len(mapping) else None


def remapped(row: PlanRow, mapping: list[int], count: int) -> PlanRow:
    """The row with its cells moved under the plan's columns."""
    if mapping == list(range(count)):
        return row
    cells: list[Cell] = [[] for _ in range(count)]
    for cell, column in zip(row.cells, mapping, strict=True):
        cells[column] = cell
    return PlanRow(row.page, cells, row.spanning, row.top, row.bottom)


# -- rows -----------------------------------------------------------------------------------------


def add_rows(plan: OpenPlan, body: list[PlanRow], continuing: bool) -> int:
    """Append body rows to the plan; the first may finish the row cut at the previous page's foot
    (or above a header repeated inside the table, where the table restarts)."""
    added = 0
    for row in body:
        if not row.filled:
            continue
        if column_meanings([join(cell) for cell in row.cells]) == plan.columns:
            continuing = True
            continue
        if is_heading(row):
            plan.headings[len(plan.rows)] = join(row.filled[0])
        elif continuing and continues_row(plan, row):
            previous = plan.rows[-1]  # a new row, not the grid's: a trial reading must change no grid
            plan.rows[-1] = replace(previous, cells=[a + b for a, b in zip(previous.cells, row.cells, strict=True)])
        else:
            plan.rows.append(row)
        continuing = False
        added += 1
    return added


def is_heading(row: PlanRow) -> bool:
    """A month row ('May', 'June 2023'), or one cell spanning the row (or set in bold alone in it)
    with a short heading in it ('Adult Social Care')."""
    if len(row.filled) != 1 or len(row.filled[0]) > MAX_HEADING_LINES:
        return False
    cell = row.filled[0]
    if MONTH_HEADING.match(join(cell)):
        return True
    return (row.spanning or all(line.bold for line in cell)) and not label_of(cell, 0)


def continues_row(plan: OpenPlan, row: PlanRow) -> bool:
    """The first row on a page continues the previous page's last row when it starts no decision:
    no subject of its own, or none of the one-line cells a decision prints where its row starts (date,
    key decision, access; where the plan has none of those columns, maker). A decision maker wraps, so
    the end of one ('... Transport and' / 'Countryside') may go over the break with the description."""
    if not plan.rows or len(plan.rows) in plan.headings:
        return False  # a heading came in between
    fields = row_fields(row, plan.columns)
    if not subject_lines(fields)[0]:
        return True
    starting = [name for name in ROW_START_FIELDS if name in plan.columns] or SHORT_FIELDS
    previous = row_fields(plan.rows[-1], plan.columns)
    return not any(fields.get(name) for name in starting) and any(previous.get(name) for name in starting)


# -- running page headings -------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def running_key(text: str) -> str:
    """A line as it repeats from page to page: its page number and spacing do not count."""
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def running_lines(pages: list[list[str]]) -> set[str]:
    """Lines printed on at least two of the pages (the running heading or footer), as `running_key`s."""
    seen: dict[str, int] = {}
    for lines in pages:
        for key in {running_key(line) for line in lines}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 2}


def without_running_text(grid: PageGrid, running: set[str]) -> PageGrid:
    """The grid less its first and last rows where they are the page's running heading or footer
    ('Kent County Council Forward Plan – March 2025' over the rows that continue a table, a title
    row a spreadsheet repeats on every page, 'Page 3 of 7'), which are not decisions."""
    rows = list(grid.rows)
    while rows and _is_running(rows[0], running):
        rows.pop(0)
    while rows and _is_running(rows[-1], running):
        rows.pop()
    if len(rows) == len(grid.rows):
        return grid
    return PageGrid(grid.page, grid.bbox, grid.spans, rows, grid.above, grid.method, grid.cut_short)


def _is_running(row: PlanRow, running: set[str]) -> bool:
    """A row of single lines that is a line printed on other pages too, or a plan's title with its
    month or year standing alone in the row. A header of one-line headings repeated on every page is
    printed on other pages too, but it is the table's header, not running text."""
    filled = row.filled
    if not filled or any(len(cell) > 1 for cell in filled):
        return False
    text = " ".join(join(cell) for cell in filled)
    if running_key(text) in running:
        return column_meanings([join(cell) for cell in row.cells]) is None
    return len(filled) == 1 and is_title(text) and bool(re.search(r"\b(?:19|20)\d{2}\b", text))


# -- records from lines ----------------------------------------------------------------------------

RECORD_STARTS = 0.75  # in a table read row by row, at least this share of its rows have a date


def line_by_line(body: list[PlanRow], columns: list[str | None]) -> bool:
    """Many rows without a date, where every decision has one: the lines (or groups of lines) of
    wrapped cells, each read as a row of its own."""
    rows = [row for row in body if row.filled and not is_heading(row)]
    dated = [i for i, name in enumerate(columns) if name in ("decision_date", "maker_and_date")]
    if rows and body and rows[0] is body[0] and not any(rows[0].cells[i] for i in dated):
        rows = rows[1:]  # the end of a row cut by the page break, at the top of the page
    if len(rows) < 2:
        return False
    if not dated:
        return False
    starts = sum(1 for row in rows if any(row.cells[i] for i in dated))
    return starts < RECORD_STARTS * len(rows)


def regrouped(rows: list[PlanRow]) -> list[PlanRow]:
    """Rows of a table without rules, as the layer read them (a wrapped cell may make several),
    rebuilt: lines set tight under one another are one row; a row starts after a gap wider than the
    line spacing, or at a month heading."""
    if len(rows) < 2 or any(row.top is None or row.bottom is None for row in rows):
        return rows
    heights = sorted(row.bottom - row.top for row in rows if all(len(cell) <= 1 for cell in row.cells))
    if not heights:
        return rows
    line_height = heights[len(heights) // 2]
    grouped: list[PlanRow] = []
    for row in rows:
        previous = grouped[-1] if grouped else None
        if previous is None or _starts_row(previous, row, line_height):
            grouped.append(PlanRow(row.page, [list(cell) for cell in row.cells], row.spanning, row.top, row.bottom))
        else:
            previous.cells = [a + b for a, b in zip(previous.cells, row.cells, strict=True)]
            previous.bottom = row.bottom
    return grouped


def _starts_row(previous: PlanRow, row: PlanRow, line_height: float) -> bool:
    if not previous.filled or not row.filled or is_heading(row) or is_heading(previous):
        return True
    return row.top - previous.bottom > line_height * ROW_GAP
