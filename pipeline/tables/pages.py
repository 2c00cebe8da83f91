"""Tables of a whole document: each page's tables, and a table that runs on over a page break
merged into one, its repeated header dropped (each page's rows kept as a part)."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..lines import is_furniture
from ..normalise import MONEY_TOKEN
from ..pdf import Page, ParsedPage, PdfDocument
from .columns import type_columns
from .finder import page_tables
from .lists import MIN_ITEMS
from .model import Table, TablePart
from .settings import DEFAULT_SETTINGS, TableSettings

# A line of the fast text with two figures (or a list line ending in one): a table's row.
_FIGURE = rf"(?:{MONEY_TOKEN}|\b\d[\d.,]*%?)"
_FIGURES_LINE = re.compile(rf"{_FIGURE}\s+.*?{_FIGURE}\s*$|{MONEY_TOKEN}\s*$", re.IGNORECASE)
MIN_FIGURE_LINES = 2
MIN_DRAWINGS = 4  # path objects: the rules of a grid (a header's single line is not one)


def may_hold_table(page: Page) -> bool:
    """Cheap triage on the fast text: lines of figures, or rules drawn on the page."""
    if page.drawings >= MIN_DRAWINGS:
        return True
    return sum(1 for line in page.lines if _FIGURES_LINE.search(line)) >= MIN_FIGURE_LINES


def table_pages(document: PdfDocument) -> list[int]:
    """Pages that may hold a table; the page after each, which a table may run on to; and the page
    before one that starts with a row of figures, which the table may have begun on."""
    wanted: set[int] = set()
    for page in document.pages():
        if may_hold_table(page):
            wanted.update({page.number, min(page.number + 1, document.page_count)})
            first = next((line for line in page.lines if not is_furniture(line)), "")
            if page.number > 1 and _FIGURES_LINE.search(first):
                wanted.add(page.number - 1)
    return sorted(wanted)


@dataclass
class PageTables:
    """One page's tables as found, before any merge over page breaks, with the page's fast-text lines
    (which tell a running header from text above a continued table). A page-range task's result."""

    page: int
    tables: list[Table]
    lines: list[str]
    lost_text: bool = False  # its words hold far less than its text layer (PdfDocument.lost_text_pages)
    parsed: ParsedPage | None = None  # its words and rules, kept for a reader that reads the page again


def document_tables(document: PdfDocument, pages: Iterable[int] | None = None,
                    settings: TableSettings = DEFAULT_SETTINGS) -> list[Table]:
    """Every table in the document (or in the given 1-based pages), continued tables merged."""
    wanted = list(pages) if pages is not None else range(1, document.page_count + 1)
    return merge_pages(read_pages(document, wanted, settings), settings)


def read_pages(document: PdfDocument, pages: Iterable[int], settings: TableSettings = DEFAULT_SETTINGS,
               keep: Container[int] = ()) -> list[PageTables]:
    """Each page's tables, each its own part, the parsed page released as soon as it is read; the
    words and rules of the pages in `keep` kept with their tables (`PageTables.parsed`)."""
    found: list[PageTables] = []
    for number in pages:
        page = document.page(number)
        tables = page_tables(page, settings)
        parsed = document.parsed_page(number) if number in keep else None
        page.release()
        for table in tables:
            table.parts = [TablePart(table.page, table.bbox, list(table.rows))]
        found.append(PageTables(number, tables, page.lines, number in document.lost_text_pages, parsed))
    return found


def merge_pages(pages: Iterable[PageTables], settings: TableSettings = DEFAULT_SETTINGS) -> list[Table]:
    """The pages' tables in order, a table that runs on over a page break merged into one (the pages
    may have been read apart, by different workers: only their order matters)."""
    tables: list[Table] = []
    previous: PageTables | None = None
    for page in pages:
        found = list(page.tables)
        if (found and tables and previous is not None and previous.page == page.page - 1
                and continues(tables[-1], found[0], previous.lines, settings)):
            merge_into(tables[-1], found.pop(0))
        tables.extend(found)
        previous = page
    return [table for table in tables if table.method != "list" or len(table.rows) >= MIN_ITEMS]


def continues(earlier: Table, later: Table, earlier_lines: list[str],
              settings: TableSettings = DEFAULT_SETTINGS) -> bool:
    """True when `later` (first on its page) carries on `earlier` (last on the page before, whose
    fast-text lines are `earlier_lines`): nothing but running text between them, and the same
    columns in the same places."""
    if earlier.pages[-1] != later.page - 1 or not earlier.ends_page:
        return False
    running = set(earlier_lines)  # a running header repeats the previous page's line
    if not later.starts_page and not all(text in running or is_furniture(text) for text in later.above):
        return False
    if earlier.n_cols != later.n_cols or earlier.method != later.method:
        return False
    if later.header and not _repeats_header(earlier, later):
        return False
    tolerance = settings.continuation_tolerance * 4
    last_part = earlier.parts[-1].bbox
    return abs(last_part[0] - later.bbox[0]) <= tolerance and abs(last_part[2] - later.bbox[2]) <= tolerance


def _repeats_header(earlier: Table, later: Table) -> bool:
    """`later` starts with `earlier`'s header rows as printed (whether or not they were told apart)."""
    header = [row.texts for row in earlier.header]
    return bool(header) and [row.texts for row in later.rows[: len(header)]] == header


def merge_into(earlier: Table, later: Table) -> None:
    """`later`'s rows appended to `earlier`, less the header it repeats; its page kept as a part
    with its rows as printed."""
    earlier.parts.append(TablePart(later.page, later.bbox, later.rows))
    repeated = earlier.header_rows if _repeats_header(earlier, later) else later.header_rows
    earlier.rows.extend(row for row in later.rows[repeated:])
    earlier.ends_page = later.ends_page
    earlier.below = later.below
    earlier.columns = type_columns(earlier, " ".join(earlier.above[-2:]))
