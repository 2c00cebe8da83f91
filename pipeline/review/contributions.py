"""Cards for contributions tables: the table's picture with the rows and totals the findings are
about marked on it, the rows as they were read, and the arithmetic of each finding spelt out."""

from __future__ import annotations

from collections.abc import Callable

from ..checks import SHARE_TOLERANCE_POINTS
from ..normalise import name_key
from . import boxes
from .data import BBox, Conflict, ContributionRow, ContributionTable, Document, Finding, ReviewData
from .formatting import percent, pounds, share_of
from .model import Card, Explained, Highlight, Region, TableRow, Tabulation
from .pdfs import DocumentPages

# The checks whose findings are about one contributions table.
CHECKS = frozenset({"contribution_total_mismatch", "contribution_share_mismatch", "duplicate_partner",
                    "missing_total", "new_partner", "contribution_conflict"})
# A sum written out term by term up to this many rows; beyond, the table beside it shows them.
TERMS_WRITTEN_OUT = 8

PagesOf = Callable[[Document], DocumentPages]
Mark = tuple[int, BBox, str]  # page, box, what it marks


def table_of(finding: Finding, tables: list[ContributionTable]) -> ContributionTable | None:
    """The contributions table a finding is about, from its check, page and subject."""
    return next((table for table in tables if _is_about(finding, table)), None)


def _is_about(finding: Finding, table: ContributionTable) -> bool:
    if finding.check in ("contribution_total_mismatch", "missing_total"):
        return table.page == finding.page and table.period == finding.subject
    if finding.check == "duplicate_partner":
        return table.page == finding.page and len(_rows_for(finding, table)) > 1
    if finding.check == "contribution_conflict" and _conflict_about_total(finding, table):
        return True
    return bool(_rows_for(finding, table))


def contribution_card(table: ContributionTable, findings: list[Finding], pages: DocumentPages, data: ReviewData,
                      pages_of: PagesOf) -> Card:
    document = pages.document
    total = _stated_total(table, pages, data)
    marks: list[tuple[int, Highlight]] = []
    for finding in findings:
        marks += [(page, Highlight(box, [finding], label)) for page, box, label in _marks(finding, table, total)]
    merged = _merged(marks)
    regions = []
    for page in table.pages:
        parts = [row.bbox for row in table.rows if row.page == page and row.bbox]
        parts += [table.bbox] if page == table.page and table.bbox else []
        parts += [total[1]] if total is not None and total[0] == page else []
        parts += [highlight.box for on, highlight in merged if on == page]
        caption = pages.caption_line(page, table.caption, table.bbox) if page == table.page else None
        regions.append(Region(document, page, boxes.table_region(parts, caption, pages.box(page)),
                              _described(table), [highlight for on, highlight in merged if on == page]))
    explained = []
    for finding in findings:
        conflict = _conflict(finding, table, data) if finding.check == "contribution_conflict" else None
        if conflict is not None:
            regions = _joined(regions, _other_side(conflict, finding, data, pages_of))
        explained.append(Explained(finding, _working(finding, table, conflict)))
    tabulation = contribution_tabulation(table, findings)
    return Card(f"contributions-{table.id}", _title(table), regions, explained, [tabulation])


def _joined(regions: list[Region], more: list[Region]) -> list[Region]:
    """The regions with `more` added; one of the same part of the same page takes the other's marks."""
    for region in more:
        same = next((kept for kept in regions if kept.document.id == region.document.id and kept.page == region.page
                     and kept.box == region.box), None)
        if same is None:
            regions.append(region)
        else:
            same.highlights += region.highlights
    return regions


def _named(table: ContributionTable) -> str:
    """'2022/23 contributions table', 'contributions list'."""
    kind = "list" if table.layout == "list" else "table"
    return f"{table.period} contributions {kind}" if table.period else f"contributions {kind}"


def _described(table: ContributionTable) -> str:
    return f"the {_named(table)}"


def _title(table: ContributionTable) -> str:
    pages = table.pages
    where = f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}–{pages[-1]}"
    return f"{_capitalised(_named(table))}, {where}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rows_for(finding: Finding, table: ContributionTable) -> list[ContributionRow]:
    """The rows a finding names: by the partner as printed, by its spelling folded (duplicates), or by
    the partner it resolved to (conflicts between documents name the partner, not the spelling)."""
    if finding.subject is None:
        return []
    if finding.check == "duplicate_partner":
        return [row for row in table.rows if name_key(row.partner) == name_key(finding.subject)]
    if finding.check == "contribution_conflict":
        return [row for row in table.rows if row.page == finding.page and row.partner_name == finding.subject]
    return [row for row in table.rows if row.page == finding.page and row.partner == finding.subject]


def _conflict_about_total(finding: Finding, table: ContributionTable) -> bool:
    return table.page == finding.page and table.period == finding.subject and table.stated_total_pence is not None


def _stated_total(table: ContributionTable, pages: DocumentPages, data: ReviewData) -> tuple[int, BBox] | None:
    """Where the stated total is printed: the figure in the table layer's Total row, found on the page."""
    if table.stated_total_pence is None:
        return None
    printed = [cell.text for grid in data.grids_of(pages.document) if grid.page <= table.pages[-1]
               and table.page <= grid.last_page for row in grid.rows if row.is_total
               for cell in row.cells if cell.amount_pence == table.stated_total_pence and cell.text]
    whole, part = divmod(table.stated_total_pence, 100)
    printed += [f"{whole:,}.{part:02d}" if part else f"{whole:,}"]
    for page in reversed(table.pages):
        near = _near_rows(table, page)
        for text in dict.fromkeys(printed):
            found = pages.find(page, text, within=near)
            if found:
                return page, max(found, key=lambda box: box[1])  # the lowest: totals close tables
    return None


def _near_rows(table: ContributionTable, page: int) -> BBox | None:
    """Where a table's total can be on a page: under and beside its rows there, or in its box."""
    parts = [row.bbox for row in table.rows if row.page == page and row.bbox]
    parts += [table.bbox] if page == table.page and table.bbox else []
    joined = boxes.union(parts)
    return None if joined is None else boxes.padded(joined, horizontal=40, above=4, below=60)


def _row_mark(row: ContributionRow, label: str) -> list[Mark]:
    return [(row.page, boxes.padded(row.bbox, 2, 1.5, 1.5), label)] if row.bbox else []


def _marks(finding: Finding, table: ContributionTable, total: tuple[int, BBox] | None) -> list[Mark]:
    rows = _rows_for(finding, table)
    if finding.check == "contribution_total_mismatch" or (finding.check == "contribution_conflict" and not rows):
        if total is not None:
            page, box = total
            return [(page, boxes.padded(box, 3, 2, 2), f"the stated total, {pounds(table.stated_total_pence)}")]
        return _all_rows(table, "the rows that were added up")
    if finding.check == "missing_total":
        return _all_rows(table, f"the {len(table.rows)} rows, with no total printed under them")
    if finding.check == "contribution_share_mismatch":
        return [mark for row in rows
                for mark in _row_mark(row, f"'{row.partner}', printed as {percent(row.share_pct)}")]
    if finding.check == "duplicate_partner":
        return [mark for row in rows for mark in _row_mark(row, f"'{row.partner}', row {row.position}")]
    if finding.check == "contribution_conflict":
        return [mark for row in rows for mark in _row_mark(row, f"'{row.partner}', {pounds(row.amount_pence)}")]
    return [mark for row in rows for mark in _row_mark(row, f"'{row.partner}', not a known partner")]


def _all_rows(table: ContributionTable, label: str) -> list[Mark]:
    marks = []
    for page in table.pages:
        joined = boxes.union(row.bbox for row in table.rows if row.page == page and row.bbox)
        if joined is not None:
            marks.append((page, boxes.padded(joined, 3, 2, 2), label))
    return marks


def _merged(marks: list[tuple[int, Highlight]]) -> list[tuple[int, Highlight]]:
    """One highlight per marked box, carrying every finding about it (a row can be both a new partner
    and a wrong share)."""
    merged: dict[tuple[int, tuple[float, ...]], Highlight] = {}
    for page, highlight in marks:
        key = (page, tuple(round(value, 1) for value in highlight.box))
        if key in merged:
            kept = merged[key]
            kept.findings.append(highlight.findings[0])
            if highlight.label not in kept.label:
                kept.label += f"; {highlight.label}"
        else:
            merged[key] = highlight
    return [(page, highlight) for (page, _), highlight in merged.items()]


def _base(table: ContributionTable) -> int:
    """What the shares are shares of: the stated total, or the rows' sum when none is printed (as the check)."""
    return table.stated_total_pence or table.rows_pence


def _working(finding: Finding, table: ContributionTable, conflict: Conflict | None) -> list[str]:
    added = table.rows_pence
    if finding.check == "contribution_total_mismatch" and table.stated_total_pence is not None:
        return [_sum_written_out(table), f"Stated total: {pounds(table.stated_total_pence)}",
                _difference(added, table.stated_total_pence)]
    if finding.check == "missing_total":
        return [f"No total is printed under the {len(table.rows)} rows.", _sum_written_out(table)]
    if finding.check == "contribution_share_mismatch":
        return [line for row in _rows_for(finding, table) if row.share_pct is not None for line in _share(row, table)]
    if finding.check == "duplicate_partner":
        return [f"Row {row.position}: '{row.partner}', {pounds(row.amount_pence)} (page {row.page})"
                for row in _rows_for(finding, table)]
    if conflict is not None:
        return [f"This document, page {conflict.other_page}: {pounds(conflict.other_amount_pence)}",
                f"{conflict.file}, page {conflict.page}: {pounds(conflict.amount_pence)}",
                f"Difference: {pounds(abs(conflict.other_amount_pence - conflict.amount_pence))}"]
    return []


def _sum_written_out(table: ContributionTable) -> str:
    total = pounds(table.rows_pence)
    if len(table.rows) > TERMS_WRITTEN_OUT:
        return f"The {len(table.rows)} rows add up to {total}."
    return f"{' + '.join(pounds(row.amount_pence) for row in table.rows)} = {total}"


def _difference(added: int, stated: int) -> str:
    if added == stated:
        return "Difference: none"
    direction = "more" if added > stated else "less"
    return f"Difference: the rows come to {pounds(abs(added - stated))} {direction} than the stated total"


def _share(row: ContributionRow, table: ContributionTable) -> list[str]:
    base = _base(table)
    actual = share_of(row.amount_pence, base)
    what = "the stated total" if table.stated_total_pence else "the rows' sum (no total is printed)"
    off = abs(actual - row.share_pct)
    return [f"{pounds(row.amount_pence)} ÷ {pounds(base)} × 100 = {actual:.1f}% ({pounds(base)} is {what})",
            f"Printed: {percent(row.share_pct)}, {off:.1f} points away (the check allows "
            f"{SHARE_TOLERANCE_POINTS:.1f})"]


def contribution_tabulation(table: ContributionTable, findings: list[Finding]) -> Tabulation:
    shares = any(row.share_pct is not None for row in table.rows)
    several_pages = len(table.pages) > 1
    head = ["#", "Partner", "Amount"] + (["Share printed", "Share worked out"] if shares else [])
    head += ["Page"] if several_pages else []
    base = _base(table)
    rows = []
    for row in table.rows:
        partner = row.partner
        if row.partner_name and name_key(row.partner_name) != name_key(row.partner):
            partner += f" (known as {row.partner_name})"
        cells = [str(row.position), partner, pounds(row.amount_pence)]
        if shares:
            cells += [percent(row.share_pct), percent(share_of(row.amount_pence, base)) if base else ""]
        cells += [str(row.page)] if several_pages else []
        about = [finding for finding in findings if row in _rows_for(finding, table)]
        rows.append(TableRow(cells, findings=about))
    width = len(head)

    def summary(label: str, value: str, kind: str, about: list[Finding]) -> TableRow:
        return TableRow(["", label, value] + [""] * (width - 3), kind, about)

    about_total = [finding for finding in findings if finding.check in ("contribution_total_mismatch", "missing_total")]
    rows.append(summary("Rows add up to", pounds(table.rows_pence), "worked", []))
    if table.stated_total_pence is None:
        rows.append(summary("Stated total", "none printed", "total", about_total))
    else:
        rows.append(summary("Stated total", pounds(table.stated_total_pence), "total", about_total))
        rows.append(summary("Difference", pounds(table.rows_pence - table.stated_total_pence), "worked", []))
    numeric = {index for index, name in enumerate(head) if name != "Partner"}
    return Tabulation(f"{_capitalised(_named(table))} as read", [head], rows, numeric,
                      anchor=tabulation_anchor(table))


def tabulation_anchor(table: ContributionTable) -> str:
    return f"rows-of-contributions-{table.id}"


def _conflict(finding: Finding, table: ContributionTable, data: ReviewData) -> Conflict | None:
    document = data.all_documents[table.document_id]
    for conflict in data.conflicts:
        named = conflict.partner if conflict.partner is not None else conflict.period
        if conflict.other_file == document.name and conflict.other_page == finding.page and named == finding.subject:
            return conflict
    return None


def _other_side(conflict: Conflict, finding: Finding, data: ReviewData, pages_of: PagesOf) -> list[Region]:
    """The other document's figure, so that both sides of a disagreement are seen together."""
    for document in data.documents_named(conflict.file):
        pages = pages_of(document)
        for table in data.contribution_tables_of(document):
            if conflict.partner is None:
                if table.page != conflict.page or table.period != conflict.period:
                    continue
                total = _stated_total(table, pages, data)
                marks = [(total[0], boxes.padded(total[1], 3, 2, 2))] if total else []
                label = f"the stated total, {pounds(conflict.amount_pence)}"
            else:
                rows = [row for row in table.rows if row.page == conflict.page and row.partner_name == conflict.partner]
                if not rows:
                    continue
                marks = [(row.page, boxes.padded(row.bbox, 2, 1.5, 1.5)) for row in rows if row.bbox]
                label = f"'{rows[0].partner}', {pounds(conflict.amount_pence)}"
            highlights = [Highlight(box, [finding], f"{label} in {document.title}") for _, box in marks]
            parts = [table.bbox] if table.bbox and table.page == conflict.page else []
            parts += [highlight.box for highlight in highlights]
            caption = pages.caption_line(table.page, table.caption, table.bbox) if table.page == conflict.page else None
            box = boxes.table_region(parts, caption, pages.box(conflict.page))
            return [Region(document, conflict.page, box, f"{_described(table)} of the other document", highlights)]
    return []
