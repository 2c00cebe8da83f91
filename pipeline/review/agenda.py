"""Cards for agenda page mismatches: the front sheet's line for the item, the page it points to,
and the page where the item's 'Agenda Item N' stamp really is, side by side."""

from __future__ import annotations

from . import boxes
from .data import AgendaItem, BBox, Finding, ReviewData
from .formatting import page_range
from .model import PAGE_SCALE, Card, Explained, Highlight, Region, TableRow, Tabulation
from .pdfs import DocumentPages

CHECKS = frozenset({"agenda_page_mismatch"})
# Margin of the band marked across a front-sheet line: the item number at its left, the pages at its right.
_LINE_MARGIN = 36.0


def agenda_cards(findings: list[Finding], pages: DocumentPages, data: ReviewData) -> tuple[list[Card], list[Finding]]:
    """One card per agenda item that findings are about, with every finding about it; and the findings
    whose item is not among the document's agenda items."""
    items = {item.number: item for item in data.agenda_items_of(pages.document)}
    about: dict[str, list[Finding]] = {}
    unplaced = []
    for finding in findings:
        if finding.subject in items:
            about.setdefault(finding.subject, []).append(finding)
        else:
            unplaced.append(finding)
    listed = list(items.values())
    return [_card(items[number], about[number], listed, pages) for number in about], unplaced


def _card(item: AgendaItem, findings: list[Finding], items: list[AgendaItem], pages: DocumentPages) -> Card:
    document = pages.document
    printed = pages.printed_pages()
    # findings without a page are about the front sheet alone (overlapping ranges, a range past the end):
    # only they concern the neighbouring items whose ranges overlap this one's
    about_ranges = [finding for finding in findings if finding.page is None]
    neighbours = _overlapping(item, items) if about_ranges else []
    regions = []
    front = _front_sheet(item, items, pages)
    if front is not None:
        page, lines = front
        highlights = [Highlight(box, list(findings if listed is item else about_ranges),
                                f"the front sheet's line for item {listed.number}, "
                                f"pages {page_range(listed.page_start, listed.page_end)}")
                      for listed, box in lines if listed is item or listed in neighbours]
        parts = [highlight.box for highlight in highlights] + pages.find(page, "Page No")[:1]
        regions.append(Region(document, page, boxes.region_box(parts, pages.box(page), above=30, below=24),
                              f"the front sheet's line for agenda item {item.number}", highlights))
    pointed = next((page for page, number in printed.items() if number == item.page_start), None)
    if pointed is not None and pointed != item.physical_start:
        footer = _footer(pages, pointed, item.page_start)
        regions.append(Region(
            document, pointed, pages.box(pointed),
            f"page {item.page_start} of the pack, where the front sheet says item {item.number} starts",
            [Highlight(box, list(findings), f"the footer 'Page {item.page_start}'") for box in footer], PAGE_SCALE))
    if item.physical_start is not None:
        stamp = pages.find(item.physical_start, f"Agenda Item {item.number}", whole_word=True)
        marks = [Highlight(box, list(findings), f"the 'Agenda Item {item.number}' stamp") for box in stamp[:1]]
        if item.physical_start in printed:
            number = printed[item.physical_start]
            marks += [Highlight(box, list(findings), f"the footer 'Page {number}'")
                      for box in _footer(pages, item.physical_start, number)]
        regions.append(Region(document, item.physical_start, pages.box(item.physical_start),
                              f"PDF page {item.physical_start}, where the 'Agenda Item {item.number}' stamp is",
                              marks, PAGE_SCALE))
    explained = [Explained(finding, _working(finding, item, neighbours, printed)) for finding in findings]
    return Card(f"agenda-item-{item.number}", f"Agenda item {item.number}: {item.title}", regions, explained,
                [_tabulation(items, item, neighbours, findings, about_ranges, printed)])


def _overlapping(item: AgendaItem, items: list[AgendaItem]) -> list[AgendaItem]:
    if item.page_start is None:
        return []
    end = item.page_end or item.page_start
    return [other for other in items if other is not item and other.page_start is not None
            and other.page_start <= end and item.page_start <= (other.page_end or other.page_start)]


def _front_sheet(item: AgendaItem, items: list[AgendaItem],
                 pages: DocumentPages) -> tuple[int, list[tuple[AgendaItem, BBox]]] | None:
    """The page listing the agenda, and the line of each item found on it. The front sheet comes before
    the first report, so the search stops there and never finds a report's own heading."""
    reports = [listed.physical_start for listed in items if listed.physical_start]
    last = min(reports) - 1 if reports else min(3, pages.document.page_count)
    for page in range(1, max(last, 1) + 1):
        page_box = pages.box(page)
        across = (page_box[0] + _LINE_MARGIN, page_box[1], page_box[2] - _LINE_MARGIN, page_box[3])
        lines = []
        for listed in items:
            found = pages.find(page, " ".join(listed.title.split()[:5]))
            if found:
                lines.append((listed, boxes.band(found[0], across)))
        if any(listed is item for listed, _ in lines):
            return page, lines
    return None


def _footer(pages: DocumentPages, page: int, number: int | None) -> list[BBox]:
    return pages.find(page, f"Page {number}", whole_word=True)[-1:] if number is not None else []


def _working(finding: Finding, item: AgendaItem, neighbours: list[AgendaItem], printed: dict[int, int]) -> list[str]:
    listed = f"Front sheet: item {item.number} is listed as pages {page_range(item.page_start, item.page_end)}"
    if finding.page is not None and item.physical_start is not None:  # the stamp is elsewhere
        where = f"Its 'Agenda Item {item.number}' stamp is on PDF page {item.physical_start}"
        if item.physical_start in printed:
            where += f", printed as page {printed[item.physical_start]}"
        return [listed, where]
    lines = [listed]
    for other in neighbours:
        shared = (max(item.page_start or 0, other.page_start or 0),
                  min(item.page_end or item.page_start or 0, other.page_end or other.page_start or 0))
        lines.append(f"Item {other.number} is listed as pages {page_range(other.page_start, other.page_end)}: "
                     f"page{'s' if shared[1] > shared[0] else ''} {page_range(*shared)} listed under both")
    end = item.page_end or item.page_start
    if printed and end is not None and end > max(printed.values()):
        lines.append(f"The pack's last printed page is {max(printed.values())}")
    return lines


def _tabulation(items: list[AgendaItem], item: AgendaItem, neighbours: list[AgendaItem], findings: list[Finding],
                about_ranges: list[Finding], printed: dict[int, int]) -> Tabulation:
    rows = []
    for listed in items:
        footers = [printed.get(page) for page in (listed.physical_start, listed.physical_end)]
        rows.append(TableRow(
            [listed.number, listed.title, page_range(listed.page_start, listed.page_end),
             page_range(listed.physical_start, listed.physical_end), page_range(*footers)],
            findings=list(findings) if listed is item else about_ranges if listed in neighbours else []))
    head = [["Item", "Title", "Pages on the front sheet", "PDF pages (stamped)", "Printed page numbers there"]]
    return Tabulation("The agenda as read", head, rows, {2, 3, 4})
