"""Agenda packs: stamps and footers, reports linked to items, and agenda_page_mismatch."""

from __future__ import annotations

from pathlib import Path

from pdfgen import Footer, Grid, PageBreak, Text, write_pdf

from pipeline.extract import extract_pdf

COLUMN = (0, 400)


def pack(path: Path, front_sheet: list[tuple[str, str]], reports: list[tuple[str, int]]) -> Path:
    """A front sheet, then for each (item, pages) a report stamped 'Agenda Item N' with 'Page N' footers."""
    blocks: list = [Text(["Somerset Council", "EXECUTIVE", "Date: Wednesday, 5 October 2022"]),
                    Grid([("AGENDA", "Page No.")], columns=COLUMN, ruled=False)]
    blocks += [Grid([row], columns=COLUMN, ruled=False) for row in front_sheet]
    printed = 1
    for item, pages in reports:
        for page in range(pages):
            blocks.append(PageBreak())
            if page == 0:
                blocks.append(Text([f"Agenda Item {item}", f"Report for item {item}"]))
                if item == "6":
                    blocks += [Text(["Partner contributions for 2022/23:"]),
                               Grid([("Partner", "Contribution"), ("Somerset Council", "£40,000"),
                                     ("Avon and Somerset Police", "£20,000"), ("Total", "£60,000")])]
            else:
                blocks.append(Text(["More of the report."]))
            blocks.append(Footer(f"Page {printed}"))
            printed += 1
    return write_pdf(path, blocks)


FRONT = [("1. APOLOGIES", ""), ("3. MINUTES", "1 - 2"), ("6. COMMUNITY SAFETY PARTNERSHIP", "3 - 5"),
         ("7. BUDGET MONITORING", "6 - 7")]


def mismatches(path: Path) -> list[str]:
    return [issue.message for issue in extract_pdf(path).issues if issue.check == "agenda_page_mismatch"]


def test_an_agreeing_pack_links_every_report(tmp_path: Path) -> None:
    extraction = extract_pdf(pack(tmp_path / "pack.pdf", FRONT, [("3", 2), ("6", 3), ("7", 2)]))
    assert [i.check for i in extraction.issues] == []
    physical = {item.number: (item.physical_start, item.physical_end) for item in extraction.agenda_items}
    assert physical == {"1": (None, None), "3": (2, 3), "6": (4, 6), "7": (7, 8)}
    [table] = extraction.contribution_tables
    assert (table.page, table.agenda_item) == (4, "6")


def test_a_stamp_on_another_page_is_a_mismatch(tmp_path: Path) -> None:
    front = [("1. APOLOGIES", ""), ("3. MINUTES", "1 - 2"), ("6. COMMUNITY SAFETY PARTNERSHIP", "3 - 5"),
             ("7. BUDGET MONITORING", "5 - 6")]  # item 7 really starts on page 6
    stamp, overlap = mismatches(pack(tmp_path / "pack.pdf", front, [("3", 2), ("6", 3), ("7", 2)]))
    assert "agenda item 7" in stamp and "from page 5" in stamp and "on page 6" in stamp
    assert "inside item 6's pages 3 - 5" in overlap


def test_a_range_past_the_end_is_a_mismatch(tmp_path: Path) -> None:
    front = [*FRONT[:3], ("7. BUDGET MONITORING", "6 - 12")]
    [message] = mismatches(pack(tmp_path / "pack.pdf", front, [("3", 2), ("6", 3), ("7", 2)]))
    assert "up to page 12" in message and "ends at page 7" in message


def test_a_front_sheet_alone_is_not_checked(tmp_path: Path) -> None:
    front = [*FRONT[:3], ("7. BUDGET MONITORING", "2 - 900")]
    assert mismatches(pack(tmp_path / "front.pdf", front, [])) == []


def test_a_parish_pack_stamped_with_minute_numbers_links_its_reports(tmp_path: Path) -> None:
    """Running minute numbers on the front sheet and on the stamps ('Agenda Item 2403')."""
    front = [("2401. APOLOGIES", ""), ("2402 MINUTES", "1 - 2"), ("2404. FINANCE", "3 - 5")]
    extraction = extract_pdf(pack(tmp_path / "parish.pdf", front, [("2402", 2), ("2404", 3)]))
    assert [(i.number, i.title, i.page_start, i.physical_start, i.physical_end) for i in extraction.agenda_items] == [
        ("2401", "APOLOGIES", None, None, None), ("2402", "MINUTES", 1, 2, 3), ("2404", "FINANCE", 3, 4, 6)]
    assert [issue.check for issue in extraction.issues] == []
