"""The structure of an agenda pack: which physical pages hold which agenda item's report.

ModernGov packs stamp 'Agenda Item N' at the head of each report's first page (a town or parish
council's running minute number too: 'Agenda Item 2403') and number the pack's pages 'Page N' in
the footers (covering letters and front sheets carry none). Reading both from the fast text of
every page maps printed page numbers to physical pages, splits the pack into reports, and lets
the front sheet's page ranges be checked against them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .model import AgendaItem, Finding
from .pdf import PdfDocument

# A line that is only the stamp or only the footer; the text layer may put them anywhere on the
# page, and ModernGov packs often run the two together ('Page 1 Agenda Item 7').
STAMP = re.compile(r"^(?:Page\s+\d{1,4}\s+)?Agenda Item\s+(\d{1,4}[a-z]?)\.?$", re.IGNORECASE)
_FOOTER = re.compile(r"^Page\s+(\d{1,4})(?:\s+Agenda Item\s+\d{1,4}[a-z]?\.?)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Report:
    item: str  # the agenda item number on its stamp
    first_page: int  # physical, 1-based
    last_page: int


@dataclass
class PackStructure:
    page_count: int
    printed: dict[int, int] = field(default_factory=dict)  # physical page -> printed 'Page N'
    reports: list[Report] = field(default_factory=list)

    @property
    def has_reports(self) -> bool:
        return bool(self.reports)

    @property
    def offset(self) -> int | None:
        """physical - printed, as most footers agree (blank pages carry no footer)."""
        counts = Counter(physical - printed for physical, printed in self.printed.items())
        return counts.most_common(1)[0][0] if counts else None

    def printed_page(self, physical: int) -> int | None:
        if physical in self.printed:
            return self.printed[physical]
        return None if self.offset is None else physical - self.offset

    def physical_page(self, printed: int) -> int | None:
        for physical, number in self.printed.items():
            if number == printed:
                return physical
        return None if self.offset is None else printed + self.offset

    def item_for_page(self, physical: int) -> str | None:
        """The agenda item whose report holds this physical page."""
        for report in self.reports:
            if report.first_page <= physical <= report.last_page:
                return report.item
        return None

    def report_for(self, item: str) -> Report | None:
        return next((report for report in self.reports if report.item == item), None)

    @property
    def last_printed_page(self) -> int | None:
        return self.printed_page(self.page_count) if self.printed else None


def read_pack(document: PdfDocument) -> PackStructure:
    """Stamps and footers from every page's fast text (no layout parsing: packs run to 500+ pages)."""
    structure = PackStructure(document.page_count)
    starts: list[tuple[int, str]] = []
    for page in document.pages():
        lines = page.lines
        if stamp := next((m for line in lines if (m := STAMP.match(line))), None):
            starts.append((page.number, stamp.group(1)))
        footers = [int(m.group(1)) for line in lines if (m := _FOOTER.match(line))]
        if footers:
            structure.printed[page.number] = footers[-1]
    ends = [first - 1 for first, _ in starts[1:]] + [document.page_count] if starts else []
    structure.reports = [Report(item, first, end) for (first, item), end in zip(starts, ends, strict=True)]
    return structure


def link_physical_pages(items: list[AgendaItem], structure: PackStructure) -> None:
    """Fill each item's physical page range from its report's stamp, where the pack holds it."""
    for item in items:
        if report := structure.report_for(item.number):
            item.physical_start, item.physical_end = report.first_page, report.last_page


def page_mismatches(file: str, items: list[AgendaItem], structure: PackStructure) -> list[Finding]:
    """Front-sheet ranges that disagree with the pack: a stamp elsewhere, a range past its end, overlaps.

    Only a pack that holds reports can disagree; a front sheet on its own is not checked.
    """
    if not structure.has_reports:
        return []
    issues = []
    ranged = [item for item in items if item.page_start is not None]
    for item in ranged:
        issues.extend(_start_disagrees(file, item, structure))
        issues.extend(_past_the_end(file, item, structure))
    issues.extend(_overlaps(file, ranged))
    return issues


def _finding(file: str, item: AgendaItem, message: str, page: int | None) -> Finding:
    return Finding(f"{file}: agenda item {item.number} '{item.title}' {message}", page, item.number)


def _start_disagrees(file: str, item: AgendaItem, structure: PackStructure) -> list[Finding]:
    report = structure.report_for(item.number)
    if report is None:
        return []
    printed = structure.printed_page(report.first_page)
    if printed is None or printed == item.page_start:
        return []
    return [_finding(file, item, f"is listed from page {item.page_start} but its 'Agenda Item {item.number}' stamp is "
                               f"on page {printed} (PDF page {report.first_page})", report.first_page)]


def _past_the_end(file: str, item: AgendaItem, structure: PackStructure) -> list[Finding]:
    last = structure.last_printed_page
    end = item.page_end or item.page_start
    if last is None or end is None or end <= last:
        return []
    return [_finding(file, item, f"is listed up to page {end} but the pack ends at page {last}", None)]


def _overlaps(file: str, items: list[AgendaItem]) -> list[Finding]:
    issues = []
    ordered = sorted(items, key=lambda item: item.page_start or 0)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.page_end is not None and after.page_start is not None and after.page_start <= before.page_end:
            issues.append(_finding(file, after, f"starts on page {after.page_start}, inside item {before.number}'s "
                                              f"pages {before.page_start} - {before.page_end}", None))
    return issues
