"""Reading a document's forward plans from the tables the table layer found.

Pages are triaged on their fast text (a plan page names several decision columns). The layer's
tables on those pages are read as plans where their header names decision columns, and carried on
over the pages that follow; a page the layer did not read is read with the layer here, and a page
that names decision columns where no plan's table comes out of the layer is read by the reader's
own fallback (`fallback.page_grids`), so that nothing is lost in silence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ...model import ForwardPlan, ForwardPlanDecision
from ...normalise import clean_text, find_period, parse_date
from ...pdf import Page, PdfDocument
from ...tables import Table, TablePart
from ...tables.finder import page_tables
from ...tables.model import CellLine, Row
from ...tables.pages import document_tables, table_pages
from ..councils import named_councils
from .fallback import page_grids
from .fields import decision
from .model import Cell, PageGrid, PlanRow, Span
from .stitching import (
    OpenPlan,
    misread,
    page_yield,
    read_page,
    running_lines,
    without_rules,
    without_running_text,
)
from .vocabulary import (
    MIN_LINE_HINTS,
    MONTH_RANGE,
    PUBLISHED,
    TITLE,
    column_meanings,
    hint_count,
    is_title,
    may_hold_plan,
)

CUT_WORDS = 3  # a line this short under a borderless table may be its last row's wrapped end
MIN_PLAN_COLUMNS = 4  # a table under a plan's heading with fewer columns is a list of members, not the plan


def forward_plan_reader(tables: list[Table]) -> Callable[[PdfDocument], list[ForwardPlan]]:
    """`extract_forward_plans` bound to the layer's tables of the document (for `extract.py`, which
    runs each extractor as a function of the document alone)."""
    def extract_forward_plans(document: PdfDocument) -> list[ForwardPlan]:
        return forward_plans_in(document, tables)

    return extract_forward_plans


def extract_forward_plans(document: PdfDocument, tables: list[Table] | None = None) -> list[ForwardPlan]:
    """Every forward plan in the document. `tables` are the layer's tables when the document's were
    already read (`Extraction.tables`); without them the layer reads the pages that may hold a plan."""
    if tables is None:
        pages = plan_pages(document)
        return forward_plans_in(document, document_tables(document, pages), set(pages))
    return forward_plans_in(document, tables)


def forward_plans_in(document: PdfDocument, tables: list[Table], layer_pages: Iterable[int] | None = None
                     ) -> list[ForwardPlan]:
    """The forward plans among the layer's tables. `layer_pages` are the pages the layer read (by
    default those `tables.pages.table_pages` chooses); other pages that may hold a plan are read here."""
    if not any(may_hold_plan(page.text) for page in document.pages()):
        return []
    read = set(table_pages(document) if layer_pages is None else layer_pages)
    by_page: dict[int, list[PageGrid]] = {}
    for table in tables:
        for grid in layer_grids(table):
            by_page.setdefault(grid.page, []).append(grid)
    running = running_lines([page.lines for page in document.pages()])
    plans: list[ForwardPlan] = []
    current: OpenPlan | None = None

    def front_matter(page_number: int, above: list[str]) -> list[str]:
        return _front_matter(document, page_number, above)

    for page in document.pages():
        continuing = current is not None and current.last_page == page.number - 1
        if not (may_hold_plan(page.text) or continuing):
            continue
        if page.number in read:
            grids = by_page.get(page.number, [])
        else:
            grids = [grid for table in page_tables(page) for grid in layer_grids(table)]
        grids = sorted((_prepared(grid, running) for grid in grids), key=lambda grid: grid.top)
        grids = _best_reading(page, grids, current, running)
        current, finished, _ = read_page(grids, current, page.number, front_matter)
        page.release()
        if current and current.last_page != page.number:
            finished.append(current)
            current = None
        plans.extend(plan for part in finished if (plan := to_plan(document, part)))
    if current and (plan := to_plan(document, current)):
        plans.append(plan)
    return plans


def _best_reading(page: Page, grids: list[PageGrid], current: OpenPlan | None, running: set[str]) -> list[PageGrid]:
    """The layer's reading of the page, or the reader's own where the layer gives the plan nothing,
    misread it (a ruled table read line by line, a borderless one cut short), or read a table without
    rules into fewer decisions, or less of their text, than the reader's own reading does."""
    wrong = misread(grids, current, page.number)
    layer = page_yield(grids, current, page.number)
    if not (wrong or not layer.rows or without_rules(grids, current, page.number)):
        return grids
    continued = (current.spans, current.columns) if current and current.last_page == page.number - 1 else None
    if not (wrong or layer.rows or continued or any(hint_count(line) >= MIN_LINE_HINTS for line in page.lines)):
        return grids  # no line of the page names two decision columns: no header for the reader to find
    own = [_prepared(grid, running) for grid in page_grids(page, continued)]
    mine = page_yield(own, current, page.number)
    if wrong or not layer.rows:
        return own if mine.rows else grids
    return own if (mine.decisions, mine.text) > (layer.decisions, layer.text) else grids


def plan_pages(document: PdfDocument, among: Iterable[int] | None = None) -> list[int]:
    """Pages whose fast text names decision columns, and the page after each (a table runs on): the
    pages the reader reads, of those `among` (by default every page)."""
    numbers = range(1, document.page_count + 1) if among is None else among
    return [number for number in numbers if may_hold_plan(document.page(number).text)
            or (number > 1 and may_hold_plan(document.page(number - 1).text))]


def _prepared(grid: PageGrid, running: set[str]) -> PageGrid:
    """A grid as the stitching reads it: the running heading and footer dropped."""
    return without_running_text(grid, running)


# -- the layer's tables --------------------------------------------------------------------------------


def layer_grids(table: Table) -> list[PageGrid]:
    """The table as the reader's grids, one per page it is printed on (a repeated header included)."""
    spans = column_spans(table)
    parts = table.parts or [TablePart(table.page, table.bbox, table.rows)]
    last = len(parts) - 1
    return [PageGrid(part.page, part.bbox, spans, [plan_row(row) for row in part.rows],
                     list(table.above) if index == 0 else [], table.method, index == last and _cut_short(table))
            for index, part in enumerate(parts)]


def _cut_short(table: Table) -> bool:
    """A short line right under a table without rules, not a page number: perhaps the wrapped end
    of its last row, which the layer leaves out of a table read by alignment."""
    return table.method == "aligned" and not table.ends_page and bool(table.below) and len(
        table.below[0].split()) <= CUT_WORDS


def column_spans(table: Table) -> list[Span]:
    """Where each column's text is across the page (cells spanning columns left out)."""
    spans: list[Span] = []
    for column in range(table.n_cols):
        boxes = [row.cells[column].bbox for row in table.rows
                 if row.cells[column].bbox and row.cells[column].col_span == 1 and not row.cells[column].covered]
        if boxes:
            spans.append((min(box[0] for box in boxes), max(box[2] for box in boxes)))
        else:
            spans.append(spans[-1] if spans else (table.bbox[0], table.bbox[0]))
    return spans


def plan_row(row: Row) -> PlanRow:
    """A layer row as the reader's row: each cell the list of its printed lines."""
    cells: list[Cell] = []
    for cell in row.cells:
        if cell.covered or not cell.text:
            cells.append([])
        else:
            cells.append(list(cell.lines) or [CellLine(cell.text, row.bold)])
    spanning = any(cell.covered or cell.col_span > 1 for cell in row.cells)
    return PlanRow(row.page, cells, spanning, row.bbox[1], row.bbox[3])


# -- the plan ------------------------------------------------------------------------------------


def to_plan(document: PdfDocument, plan: OpenPlan) -> ForwardPlan | None:
    """The finished plan with its decisions; None when its table held no decision."""
    title, title_page = _title(document, plan)
    published = _published(plan.front_matter)
    year_hint = published or _year_of(title)
    read: list[tuple[PlanRow, ForwardPlanDecision]] = []
    heading = None
    for index, row in enumerate(plan.rows):
        heading = plan.headings.get(index, heading)
        if found := decision(row, plan.columns, plan.access, heading, year_hint):
            read.append((row, found))
    if not read:
        return None
    unmarked_are_not_key(read, plan.columns)
    decisions = [found for _, found in read]
    return ForwardPlan(
        council=_council(plan.front_matter) or _council(document.page(1).lines),
        title=title,
        period=_period(title),
        published=published,
        page=title_page,
        decisions=decisions,
    )


def unmarked_are_not_key(read: list[tuple[PlanRow, ForwardPlanDecision]], columns: list[str | None]) -> None:
    """In a column that marks the key decisions ('KD', 'Y', a tick) and never says no, an empty
    cell is a decision that is not a key one; so is a decision without the flag ('KEY DECISION' under
    the subject) in a plan with no such column that flags its key decisions and never says no."""
    flags = {found.key_decision for _, found in read}
    if True not in flags or False in flags:
        return
    column = columns.index("key_decision") if "key_decision" in columns else None
    for row, found in read:
        if found.key_decision is None and (column is None or not row.cells[column]):
            found.key_decision = False


def _front_matter(document: PdfDocument, page_number: int, above: list[str]) -> list[str]:
    """Text above the table on its first page; the page before too when the title is not above it
    (a plan's explanatory notes and list of portfolio holders may fill a page of their own)."""
    if any(is_title(line) for line in above) or page_number == 1:
        return above
    return document.page(page_number - 1).lines + above


def _title(document: PdfDocument, plan: OpenPlan) -> tuple[str | None, int]:
    """The plan's title line and the page it is on (the table's page or, for front matter, before)."""
    for line in plan.front_matter:
        if is_title(line):
            on_previous = plan.first_page > 1 and line in document.page(plan.first_page - 1).lines
            return clean_text(line), plan.first_page - on_previous
    return None, plan.first_page


def _period(title: str | None) -> str | None:
    """'May to August 2022' out of 'The Cabinet Forward Plan - May to August 2022'."""
    if not title:
        return None
    if match := MONTH_RANGE.search(title):
        return clean_text(match.group(0))
    return find_period(title)


def _published(front_matter: list[str]) -> str | None:
    for line in front_matter:
        if (match := PUBLISHED.search(line)) and (found := parse_date(match.group(1))):
            return found
    return None


def _year_of(title: str | None) -> str | None:
    match = re.search(r"\b(20\d{2})\b", title or "")
    return f"{match.group(1)}-01" if match else None


def _council(lines: list[str]) -> str | None:
    """The first council named in the text ('Dorset Council's Constitution' -> 'Dorset Council')."""
    names = named_councils("\n".join(lines))
    return names[0] if names else None


# -- tables no decision came out of (for the unread_table check) --------------------------------------


def about_forward_plan(table: Table) -> bool:
    """A table whose header names decision columns, or one of several columns under a heading that
    names a forward plan or key decisions: one the reader should have read decisions from."""
    for row in table.rows[:3]:
        if column_meanings([cell.text for cell in row.cells]):
            return True
    headings = [text for text in (getattr(table, "heading", None), table.caption) if text]
    return table.n_cols >= MIN_PLAN_COLUMNS and any(TITLE.search(text) for text in headings)


def unread_plan_tables(tables: list[Table], plans: list[ForwardPlan]) -> list[Table]:
    """The tables about forward plans that gave no decision: on none of their pages was one read."""
    read = {found.page for plan in plans for found in plan.decisions}
    return [table for table in tables if about_forward_plan(table) and not read & set(table.pages)]
