"""A document's page of the report as cards: its findings grouped by what they are about (a
contributions table, a table, an agenda item, a page), and the tables read without findings."""

from __future__ import annotations

from dataclasses import dataclass

from . import agenda, contributions, tables
from .boxes import overlaps
from .data import ContributionTable, Document, Finding, Grid, ReviewData
from .formatting import severity_rank
from .model import PAGE_SCALE, Card, Explained, Highlight, Region
from .pdfs import DocumentPages, OpenPdfs

# Findings on a page with nothing better to show than the page: how many places of their subject to mark.
_MOST_MARKS = 3


@dataclass
class DocumentCards:
    with_findings: list[Card]
    quiet_tables: list[Card]  # tables read without findings, shown collapsed

    @property
    def numbers(self) -> dict[str, int]:
        """Each finding's number on the page, as its marks on the pictures show it."""
        keys = [item.finding.key for card in self.with_findings for item in card.findings]
        return {key: number for number, key in enumerate(keys, start=1)}


class PagesCache:
    """One DocumentPages per document, so that a PDF's text is searched through one handle."""

    def __init__(self, pdfs: OpenPdfs) -> None:
        self.pdfs = pdfs
        self._pages: dict[int, DocumentPages] = {}

    def __call__(self, document: Document) -> DocumentPages:
        if document.id not in self._pages:
            self._pages[document.id] = DocumentPages(self.pdfs, document)
        return self._pages[document.id]


def document_cards(document: Document, data: ReviewData, pages_of: PagesCache) -> DocumentCards:
    pages = pages_of(document)
    contribution_tables = data.contribution_tables_of(document)
    grids = data.grids_of(document)
    by_table: dict[int, list[Finding]] = {}
    by_grid: dict[int, list[Finding]] = {}
    about_agenda, elsewhere = [], []
    for finding in data.findings_of(document):
        table = contributions.table_of(finding, contribution_tables) if finding.check in contributions.CHECKS else None
        grid = tables.grid_of(finding, grids) if finding.check in tables.CHECKS else None
        if table is not None:
            by_table.setdefault(table.id, []).append(finding)
        elif grid is not None:
            by_grid.setdefault(grid.id, []).append(finding)
        elif finding.check in agenda.CHECKS:
            about_agenda.append(finding)
        else:
            elsewhere.append(finding)
    cards = [contributions.contribution_card(table, by_table[table.id], pages, data, pages_of)
             for table in contribution_tables if table.id in by_table]
    cards += [tables.grid_card(grid, by_grid[grid.id], pages) for grid in grids if grid.id in by_grid]
    agenda_found, unplaced = agenda.agenda_cards(about_agenda, pages, data)
    cards += agenda_found
    cards += [_page_card(finding, pages) for finding in elsewhere + unplaced]
    cards.sort(key=lambda card: (severity_rank(card.severity or ""), _first_page(card)))
    return DocumentCards(cards, _quiet_tables(contribution_tables, grids, set(by_table), set(by_grid), pages, data,
                                              pages_of))


def _first_page(card: Card) -> int:
    return min((region.page for region in card.regions), default=0)


def _page_card(finding: Finding, pages: DocumentPages) -> Card:
    """A finding with nothing more particular to show: its page, its subject marked where it is printed."""
    page = min(max(finding.page or 1, 1), pages.document.page_count)
    found = pages.find(page, finding.subject)[:_MOST_MARKS] if finding.subject else []
    highlights = [Highlight(box, [finding], f"'{finding.subject}'") for box in found]
    description = "the scanned page, which has no text to read" if finding.check == "needs_ocr" else "the whole page"
    title = f"Page {page}" + (f": {finding.subject}" if finding.subject else "")
    region = Region(pages.document, page, pages.box(page), description, highlights, PAGE_SCALE)
    return Card(f"page-{finding.key}", title, [region], [Explained(finding)])


def _read_from(grid: Grid, table: ContributionTable) -> bool:
    return table.page == grid.page and bool(table.bbox and grid.bbox and overlaps(table.bbox, grid.bbox))


def _quiet_tables(contribution_tables: list[ContributionTable], grids: list[Grid], carded_tables: set[int],
                  carded_grids: set[int], pages: DocumentPages, data: ReviewData,
                  pages_of: PagesCache) -> list[Card]:
    """Every table no finding is about: the table layer's, with the contributions read from each, and
    contributions tables the layer did not find itself."""
    quiet = []
    shown: set[int] = set()
    for grid in grids:
        read = [table for table in contribution_tables if _read_from(grid, table)]
        shown.update(table.id for table in read)
        if grid.id in carded_grids or any(table.id in carded_tables for table in read):
            continue  # shown above, with its findings
        quiet.append(tables.grid_card(grid, [], pages, [contributions.contribution_tabulation(table, [])
                                                         for table in read]))
    quiet += [contributions.contribution_card(table, [], pages, data, pages_of) for table in contribution_tables
              if table.id not in carded_tables and table.id not in shown]
    return sorted(quiet, key=_first_page)
