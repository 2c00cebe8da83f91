"""The table layer, stage by stage, on PDFs drawn the way councils draw them and on the samples."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pdfgen import Grid, PageBreak, Text, write_pdf

from pipeline.normalise import parse_amount
from pipeline.pdf import PdfDocument, Rule, Word
from pipeline.tables import Table, page_tables
from pipeline.tables.layout import text_columns
from pipeline.tables.pages import document_tables, table_pages
from pipeline.tables.rules import merge_rules, ruled_grids
from pipeline.tables.text import text_lines

PARTNERS = [("Partner", "Contribution", "Share"), ("Alpha Council", "£60,000", "60%"),
            ("Beta Police", "£30,000", "30%"), ("Gamma NHS Trust", "£10,000", "10%"), ("Total", "£100,000", "")]


def tables_of(path: Path, pages: list[int] | None = None) -> list[Table]:
    with PdfDocument(path) as document:
        return document_tables(document, pages)


def word(text: str, x0: float, top: float = 100.0, width: float | None = None) -> Word:
    return Word(text, x0, x0 + (width if width is not None else 5.0 * len(text)), top, top + 10.0)


def test_segments_part_at_wide_gaps_and_dot_leaders() -> None:
    [line] = text_lines([word("Severe", 10), word("disability.........", 45), word("32,771", 200),
                         word("Total", 260), word("cost", 287)])
    assert [segment.text for segment in line.segments] == ["Severe disability", "32,771", "Total cost"]


def test_a_bullet_hanging_left_of_its_text_is_not_a_column() -> None:
    [line] = text_lines([word("13.", 10), word("The", 60), word("contributions", 78)])
    assert [segment.text for segment in line.segments] == ["13. The contributions"]


def test_words_that_touch_are_one_figure() -> None:
    [line] = text_lines([word("1", 100, width=4.3), word("59,314", 104.3)])
    assert line.text == "159,314"


def test_rules_drawn_twice_and_in_pieces_merge_into_grids() -> None:
    strokes = [Rule("h", 10, 60, 100, 100), Rule("h", 59, 200, 100.4, 100.4), Rule("h", 10, 200, 140, 140),
               Rule("h", 10, 200, 120, 120), Rule("v", 10, 10, 100, 140), Rule("v", 200, 200, 100, 140),
               Rule("v", 100, 100, 100, 140), Rule("h", 300, 302, 50, 50)]
    merged = merge_rules(strokes)
    assert sorted((r.orientation, round(r.x0), round(r.x1)) for r in merged if r.orientation == "h") == [
        ("h", 10, 200)] * 3
    assert ruled_grids(merged) == [(10, 100, 200, 140)]


def test_ruled_table_with_a_wrapped_cell(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "ruled.pdf", [
        Text(["Partner contributions 2020/21:"]),
        Grid([("Partner", "Contribution", "Share"), ("Dorset Clinical\nCommissioning Group", "£86,050", "33%"),
              *PARTNERS[1:]]),
    ])
    [table] = tables_of(pdf)
    assert table.method == "ruled" and table.header_rows == 1
    assert table.grid()[:2] == [["Partner", "Contribution", "Share"],
                                ["Dorset Clinical Commissioning Group", "£86,050", "33%"]]
    assert table.rows[-1].is_total and table.caption == "Partner contributions 2020/21:"
    assert [column.kind for column in table.columns] == ["text", "money", "percent"]


def test_borderless_table_read_from_the_alignment_of_its_text(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "borderless.pdf", [Text(["Funding by partner:"]), Grid(PARTNERS, ruled=False)])
    [table] = tables_of(pdf)
    assert table.method == "aligned"
    assert table.grid() == [list(row) for row in PARTNERS]


def test_figures_take_their_scale_from_the_header(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "thousands.pdf", [Grid([
        ("Partner", "Amount (£000s)", "Notes"), ("Alpha Council", "1,250.0", "Core grant"),
        ("Beta Police", "312.5", "Cash 2023/24"), ("Total", "1,562.5", "")])])
    [table] = tables_of(pdf)
    amount = table.columns[1]
    assert (amount.kind, amount.unit, amount.scale) == ("money", "£", Decimal(1000))
    assert table.columns[2].kind == "text"
    assert parse_amount(table.rows[1].cells[1].text, amount.scale) == Decimal(1250000)


def test_a_table_continued_over_a_page_break_is_one_table(tmp_path: Path) -> None:
    header = ("Partner", "2023/24", "Share")
    first = [(f"Partner number {i}", f"£{i},000", f"{i}%") for i in range(1, 6)]
    second = [(f"Partner number {i}", f"£{i},000", f"{i}%") for i in range(6, 10)]
    pdf = write_pdf(tmp_path / "long.pdf", [
        Text(["Contributions of the partners:"]), Grid([header, *first]), PageBreak(),
        Grid([header, *second, ("Total", "£45,000", "")])])
    [table] = tables_of(pdf)
    assert table.pages == [1, 2] and table.header_rows == 1
    assert [row.texts for row in table.body][-1] == ["Total", "£45,000", ""]
    assert len(table.body) == 10
    assert [len(part.rows) for part in table.parts] == [6, 6]  # each page's rows, its header included


def test_a_dash_list_is_a_table_of_two_columns(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "list.pdf", [Text([
        "The contributions for 2023/24 were as follows:", "- BCP Council - £75,785", "- Dorset Police - £75,785",
        "- Total - £151,570", "The next section covers the risks."])])
    [table] = tables_of(pdf)
    assert table.method == "list"
    assert table.grid() == [["BCP Council", "£75,785"], ["Dorset Police", "£75,785"], ["Total", "£151,570"]]


def test_prose_and_numbered_paragraphs_are_not_tables(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "prose.pdf", [Text([
        "1.   The report sets out the progress made over the past twelve months and the areas",
        "      for development, drawing on the views of children, families, partners and staff.",
        "2.   It describes how services are led and governed and the quality of practice, with",
        "      the evidence behind each judgement and the actions that follow from it.",
        "3.   Partners contributed £303,140 in 2023/24, as in the year before."])])
    assert tables_of(pdf) == []


def test_a_page_in_two_text_columns_is_read_column_by_column(raw_docs: Path) -> None:
    with PdfDocument(raw_docs / "hampshire-hasc-2024-01-16-safeguarding-adults.pdf") as document:
        page = document.page(1)
        columns = text_columns(text_lines(page.words))
        [table] = page_tables(page)
    assert len(columns) >= 3  # the full-width heading, then the left and right columns
    assert table.method == "list" and table.rows[0].texts == ["Hampshire County Council", "£162,400"]
    assert "Partner contributions 2022-23" in table.above  # from its own column, not the one beside it


def test_triage_skips_pages_of_prose(raw_docs: Path) -> None:
    with PdfDocument(raw_docs / "dorset-people-health-scrutiny-2022-05-19-pack.pdf") as document:
        wanted = table_pages(document)
        assert 0 < len(wanted) < document.page_count
        assert 7 in wanted  # the page holding the contributions table


@pytest.mark.parametrize(("name", "page", "expected_rows"), [("eu-001", 1, 8), ("us-034", 2, 19)])
def test_icdar_tables_come_out_with_their_columns(shared: Path, name: str, page: int, expected_rows: int) -> None:
    [pdf] = (shared / "realdocs/tables/icdar2013").glob(f"*/{name}.pdf")
    tables = [table for table in tables_of(pdf, [page]) if table.page == page]
    assert tables and len(tables[0].rows) == expected_rows
    assert len({len(row.cells) for row in tables[0].rows}) == 1 and tables[0].n_cols >= 4


def test_charts_are_not_tables(shared: Path) -> None:
    [pdf] = (shared / "realdocs/tables/icdar2013").glob("*/us-028.pdf")
    texts = [text for table in tables_of(pdf, [1]) for row in table.grid() for text in row]
    assert not any("Students Enrolled" in text or "Fall Enrollment" in text for text in texts)


def test_row_labels_beside_a_shaded_block_of_figures_are_one_table(shared: Path) -> None:
    pdf = shared / "realdocs/council/kent-countycouncil-2025-02-13-budget-by-directorate.pdf"
    [table] = tables_of(pdf)
    assert table.n_cols == 18 and table.columns[0].kind == "text"
    assert table.body[0].texts[:5] == ["Original base budget", "1,429,506.8", "0.0", "1,429,506.8", "585,946.2"]
    assert all(column.scale == 1000 for column in table.columns[1:])


def test_a_frame_round_the_page_is_not_a_table(shared: Path) -> None:
    [pdf] = (shared / "realdocs/tables/icdar2013").glob("*/us-038.pdf")
    tables = tables_of(pdf)
    assert len(tables) == 1 and tables[0].bbox[2] - tables[0].bbox[0] < 400  # the table, not the framed page


def test_a_page_printed_sideways_is_read_turned(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "turned.pdf", [Text(["Partner contributions 2023/24:"]), Grid(PARTNERS)], turned=True)
    [table] = tables_of(pdf)
    assert table.grid() == [list(row) for row in PARTNERS]


def test_camelots_rotated_tables_are_read(shared: Path) -> None:
    for name in ("clockwise_table_1", "anticlockwise_table_1"):
        [table] = tables_of(shared / f"realdocs/tables/camelot/files/{name}.pdf")
        assert table.rows[1].texts[:3] == ["Kerala", "5738", "6633"], name
