"""The contributions extractor on the layouts councils print, drawn as small PDFs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pdfgen import Grid, PageBreak, Text, write_pdf

from pipeline.extractors.contributions import extract_contributions
from pipeline.pdf import PdfDocument


def contributions(path: Path) -> list:
    with PdfDocument(path) as document:
        return extract_contributions(document)


def rows(table) -> list[tuple[str, Decimal, Decimal | None]]:
    return [(row.partner, row.amount, row.share_pct) for row in table.rows]


def test_ruled_table_with_share_column_and_wrapped_total(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "ruled.pdf", [
        Text(["2. Financial Implications", "2020 to 2021 contribution:"]),
        Grid([("2020/21 Statutory Partner", "Contribution", "% of total"),
              ("BCP Council", "£83,424", "32%"), ("Dorset Council", "£68,932", "26%"),
              ("Dorset Clinical\nCommissioning Group", "£86,050", "33%"), ("Dorset Police", "£21,906", "8%"),
              ("Total Annual Statutory Partner\nContributions", "£260,312", "")]),
        Text(["The strategic intention by partners is to move to equal contributions."]),
    ])
    [table] = contributions(pdf)
    assert table.period == "2020/21"
    assert table.stated_total == Decimal("260312")
    assert table.page == 1
    assert rows(table) == [
        ("BCP Council", Decimal("83424"), Decimal("32")),
        ("Dorset Council", Decimal("68932"), Decimal("26")),
        ("Dorset Clinical Commissioning Group", Decimal("86050"), Decimal("33")),
        ("Dorset Police", Decimal("21906"), Decimal("8")),
    ]
    assert all(row.bbox and row.page == 1 for row in table.rows)


def test_dash_list_over_a_page_break(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "list.pdf", [
        Text(["13. The PDSCP contributions for 2023/24 were as follows:", "- BCP Council - £75,785", "", "Page 7"]),
        PageBreak(),
        Text(["- Dorset Police - £75,785", "- Dorset Council - £75,785", "- Total - £227,355",
              "Summary of legal implications"]),
    ])
    [table] = contributions(pdf)
    assert (table.period, table.page, table.layout) == ("2023/24", 1, "list")
    assert [row.partner for row in table.rows] == ["BCP Council", "Dorset Police", "Dorset Council"]
    assert [row.page for row in table.rows] == [1, 2, 2]
    assert table.stated_total == Decimal("227355")


def test_borderless_table_with_pence_and_suffixes(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "borderless.pdf", [
        Text(["Partner contributions for 2022/23 are set out below."]),
        Grid([("Partner", "Amount", "Share"), ("Wiltshire Council", "£12,345.50", "50%"),
              ("Wiltshire Police", "£7.5k", "30%"), ("NHS BSW ICB", "£4,938.20", "20%"),
              ("Total", "£24,783.70", "")], ruled=False),
    ])
    [table] = contributions(pdf)
    assert rows(table) == [
        ("Wiltshire Council", Decimal("12345.50"), Decimal("50")),
        ("Wiltshire Police", Decimal("7500"), Decimal("30")),
        ("NHS BSW ICB", Decimal("4938.20"), Decimal("20")),
    ]
    assert table.stated_total == Decimal("24783.70")
    assert table.period == "2022/23"


def test_bullet_list_without_total(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "bullets.pdf", [
        Text(["Partners agreed contributions for 2022/23 as follows:",
              "• Somerset Council - £40k", "• Avon and Somerset Police - £25k", "• NHS Somerset - £35k"]),
    ])
    [table] = contributions(pdf)
    assert table.stated_total is None
    assert [row.amount for row in table.rows] == [Decimal(40000), Decimal(25000), Decimal(35000)]


def test_budget_tables_and_prose_are_not_contributions(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "budget.pdf", [
        Text(["At quarter 3 the forecast was £74.864m compared with a budget",
              "of £72.12m, an overspend of £2.75m (3.81%). Savings total £2.09m.",
              "The transformation programme aims to deliver £14.9m over five years."]),
        Grid([("Service", "Budget", "Outturn", "Variance"), ("Children's Services", "£72.12m", "£74.86m", "£2.75m"),
              ("Adult Care", "£130.2m", "£128.9m", "(£1.3m)"), ("Total", "£202.3m", "£203.8m", "£1.45m")],
             columns=(0, 200, 280, 360)),
        Text(["Budget by service 2022/23:"]),
        Grid([("Staffing", "£1,200,000"), ("Premises", "£300,000"), ("Total", "£1,500,000")], columns=(0, 250)),
    ])
    assert contributions(pdf) == []


def test_pounds_in_the_header_and_share_before_amount(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "header.pdf", [
        Text(["Table 3: Partner funding 2021-22"]),
        Grid([("Partner", "Share", "Contribution (£)"), ("1 Somerset Council", "60%", "120,000"),
              ("2 Avon and Somerset Police", "40%", "80,000"), ("Total", "100%", "200,000")]),
    ])
    [table] = contributions(pdf)
    assert table.period == "2021/22" and table.stated_total == Decimal(200000)
    assert rows(table) == [("Somerset Council", Decimal(120000), Decimal(60)),
                           ("Avon and Somerset Police", Decimal(80000), Decimal(40))]


def test_counts_in_another_currency_are_not_contributions(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "dollars.pdf", [
        Text(["Partner contributions 2021/22 ($)"]),
        Grid([("Partner", "Amount"), ("Marin County", "36,006"), ("Napa County", "28,398"), ("Total", "64,404")]),
    ])
    assert contributions(pdf) == []


def test_one_table_per_period_column(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "two-years.pdf", [
        Text(["Statutory partner contributions to the Safeguarding Adults Board:"]),
        Grid([("Partner", "2022/23", "2023/24"), ("Dorset Council", "£40,000", "£42,000"),
              ("Dorset Police", "£20,000", "£21,000"), ("NHS Dorset", "£40,000", "£42,000"),
              ("Total", "£100,000", "£105,000")]),
    ])
    first, second = contributions(pdf)
    assert (first.period, first.stated_total, second.period, second.stated_total) == (
        "2022/23", Decimal(100000), "2023/24", Decimal(105000))
    assert [row.amount for row in second.rows] == [Decimal(42000), Decimal(21000), Decimal(42000)]


def test_shares_printed_without_their_sign_under_a_percent_heading(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "bare.pdf", [
        Text(["Partner contributions 2021/22:"]),
        Grid([("Partner", "Contribution", "% of total"), ("Alpha Council", "£60,000", "60"),
              ("Beta Police", "£40,000", "40"), ("Total", "£100,000", "")]),
    ])
    [table] = contributions(pdf)
    assert [(row.amount, row.share_pct) for row in table.rows] == [(Decimal(60000), Decimal(60)),
                                                                    (Decimal(40000), Decimal(40))]


def test_caption_under_the_table(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "below.pdf", [
        Text(["The partnership was set up in 2019/20 by the four statutory partners.", "", "", ""]),
        Grid([("Partner", "Amount"), ("Alpha Council", "£30,000"), ("Beta Police", "£20,000"), ("Total", "£50,000")]),
        Text(["Table 2: statutory partner contributions 2023/24"]),
    ])
    [table] = contributions(pdf)
    assert table.period == "2023/24"


def test_pound_sign_in_a_column_of_its_own_and_nil(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "sign.pdf", [
        Text(["Partner contributions 2023/24:"]),
        Grid([("Organisation", "Contribution", "", "%"), ("Alpha Council", "£", "120,000", "60"),
              ("Beta Police", "£", "80,000", "40"), ("Gamma Fire and Rescue", "£", "Nil", "0"),
              ("Total contributions", "£", "200,000", "100")], columns=(0, 200, 230, 330)),
    ])
    [table] = contributions(pdf)
    assert rows(table) == [("Alpha Council", Decimal(120000), Decimal(60)),
                           ("Beta Police", Decimal(80000), Decimal(40)),
                           ("Gamma Fire and Rescue", Decimal(0), Decimal(0))]
    assert table.stated_total == Decimal(200000)


def test_period_columns_beside_a_change_column(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "change.pdf", [
        Text(["Partner contributions to the Community Safety Partnership:"]),
        Grid([("Partner", "2023/24 (£)", "2024/25 (£)", "Change (£)"), ("Alpha Council", "160,000", "165,000", "5,000"),
              ("Beta Police", "60,000", "58,000", "(2,000)"), ("Total", "220,000", "223,000", "3,000")],
             columns=(0, 180, 270, 360)),
    ])
    first, second = contributions(pdf)
    assert (first.period, first.stated_total, second.period, second.stated_total) == (
        "2023/24", Decimal(220000), "2024/25", Decimal(223000))


def test_a_subtotal_is_not_the_end_of_the_table(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "subtotal.pdf", [
        Text(["Partner contributions 2023/24:"]),
        Grid([("Partner", "Contribution"), ("Alpha Council", "£50,000"), ("Beta Police", "£30,000"),
              ("Subtotal", "£80,000"),
              ("Office of the Police and Crime\nCommissioner for Leicester,\nLeicestershire and Rutland", "£5,000"),
              ("Total", "£85,000")], columns=(0, 330)),
    ])
    [table] = contributions(pdf)
    assert table.rows[-1].partner == ("Office of the Police and Crime Commissioner for Leicester, Leicestershire "
                                      "and Rutland")
    assert table.stated_total == Decimal(85000)


def test_the_period_from_the_reports_title_when_nothing_nearer_names_one(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "title.pdf", [
        Text(["Safeguarding Adults Board Annual Report 2023/24", "", "1. Introduction",
              "The Board met four times in the year.", "", "", "", "2. Finance", "The partners paid as follows:"]),
        Grid([("Contributing organisation", "£"), ("Alpha Council", "60,000"), ("Beta Police", "40,000"),
              ("Total", "100,000")]),
    ])
    [table] = contributions(pdf)
    assert table.period == "2023/24" and table.stated_total == Decimal(100000)
