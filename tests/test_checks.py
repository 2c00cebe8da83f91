"""Each validation check on a document that trips it and on one that does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import Grid, Text, write_pdf, write_raw_pdf

from pipeline.checks import CHECKS, checks_markdown
from pipeline.extract import extract_pdf


def codes(path: Path) -> list[str]:
    return [issue.check for issue in extract_pdf(path).issues]


def table_pdf(tmp_path: Path, rows: list[tuple[str, str, str]], name: str = "doc.pdf") -> Path:
    return write_pdf(tmp_path / name, [
        Text(["The partnership is funded by contributions for 2021/22:"]),
        Grid([("Partner", "Contribution", "Share"), *rows]),
    ])


CLEAN = [("Alpha Council", "£50,000", "50%"), ("Beta Police", "£30,000", "30%"), ("Gamma ICB", "£20,000", "20%"),
         ("Total", "£100,000", "")]


def test_registry_has_the_contract_codes() -> None:
    assert {"contribution_total_mismatch", "contribution_share_mismatch", "duplicate_partner",
            "missing_total"} <= set(CHECKS)
    assert CHECKS["missing_total"].severity == "warning"
    assert CHECKS["duplicate_partner"].severity == "error"


def test_clean_table_raises_nothing(tmp_path: Path) -> None:
    assert codes(table_pdf(tmp_path, CLEAN)) == []


def test_total_mismatch_to_the_penny(tmp_path: Path) -> None:
    rows = [*CLEAN[:3], ("Total", "£100,000.01", "")]
    [issue] = extract_pdf(table_pdf(tmp_path, rows)).issues
    assert issue.check == "contribution_total_mismatch" and issue.severity == "error"
    assert "£100,000" in issue.message and "£100,000.01" in issue.message and "doc.pdf" in issue.message


@pytest.mark.parametrize(("printed", "trips"), [("35%", True), ("30.5%", False), ("29.4%", True)])
def test_share_mismatch_tolerance(tmp_path: Path, printed: str, trips: bool) -> None:
    rows = [CLEAN[0], ("Beta Police", "£30,000", printed), *CLEAN[2:]]
    issues = extract_pdf(table_pdf(tmp_path, rows)).issues
    assert [i.check for i in issues] == (["contribution_share_mismatch"] if trips else [])
    if trips:
        assert issues[0].subject == "Beta Police" and printed in issues[0].message


def test_duplicate_partner(tmp_path: Path) -> None:
    rows = [("Alpha Council", "£25,000", "25%"), ("Beta Police", "£25,000", "25%"),
            ("Gamma ICB", "£25,000", "25%"), ("Beta  Police", "£25,000", "25%"), ("Total", "£100,000", "")]
    [issue] = extract_pdf(table_pdf(tmp_path, rows)).issues
    assert issue.check == "duplicate_partner" and "Beta Police" in issue.message


def test_missing_total_is_a_warning(tmp_path: Path) -> None:
    [issue] = extract_pdf(table_pdf(tmp_path, CLEAN[:3])).issues
    assert (issue.check, issue.severity) == ("missing_total", "warning")


def test_readme_lists_the_checks_as_the_registry_does() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert checks_markdown() in readme


def test_a_partner_table_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    lone = table_pdf(tmp_path, [("Alpha Council", "£50,000", "100%"), ("Total", "£50,000", "")])
    assert codes(lone) == ["unread_table"]  # one partner is no contributions table: a person must look
    assert "unread_table" not in codes(table_pdf(tmp_path, CLEAN, "clean.pdf"))


def test_a_budget_table_under_talk_of_contributions_is_not_reported(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "budget.pdf", [
        Text(["The partners' contributions to joint services are reported separately."]),
        Grid([("Directorate", "Budget £m", "Outturn £m"), ("People", "£130.2", "£128.9"), ("Place", "£68.4", "£67.2"),
              ("Total", "£198.6", "£196.1")])])
    assert codes(pdf) == []


BUDGET = [("Service", "Budget", "Outturn"), ("Adults", "£130,200", "£128,900"), ("Children", "£72,100", "£74,900"),
          ("Place", "£68,400", "£67,200")]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
def test_a_wrong_total_in_any_table(tmp_path: Path, ruled: bool) -> None:
    wrong = write_pdf(tmp_path / "wrong.pdf", [Grid([*BUDGET, ("Total", "£270,700", "£271,500")], ruled=ruled,
                                                    columns=(0, 200, 300))])
    [issue] = [issue for issue in extract_pdf(wrong).issues if issue.check == "table_total_mismatch"]
    assert "'Total' (Outturn) is £271,500 but the figures it closes add up to £271,000" in issue.message
    right = write_pdf(tmp_path / "right.pdf", [Grid([*BUDGET, ("Total", "£270,700", "£271,000")], ruled=ruled,
                                                    columns=(0, 200, 300))])
    assert codes(right) == []


def test_figures_in_thousands_may_be_off_by_their_rounding(tmp_path: Path) -> None:
    def pdf(total: str) -> Path:
        return write_pdf(tmp_path / f"{total}.pdf", [Text(["Capital programme (£000s)"]), Grid([
            ("Scheme", "2024-25", "2025-26"), ("Roads", "1,250", "980"), ("Schools", "2,301", "1,120"),
            ("Libraries", "400", "95"), ("Total", "3,952", total)], columns=(0, 200, 300))])

    assert codes(pdf("2,196")) == []  # 2,195 printed from rounded figures: within half a thousand per figure
    [issue] = extract_pdf(pdf("2,205")).issues
    assert issue.check == "table_total_mismatch" and "£2,205,000" in issue.message


def test_budget_appendices_that_add_up_raise_nothing(shared: Path) -> None:
    council = shared / "realdocs/council"
    for name in ("kent-cabinet-2025-01-30-capital-investment-summary.pdf",
                 "kent-countycouncil-2025-02-13-revenue-plan-2025-28.pdf",
                 "kent-countycouncil-2025-02-13-budget-by-directorate.pdf"):
        assert "table_total_mismatch" not in codes(council / name), name


def test_unread_page_when_a_plan_header_gives_no_decision(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "plan.pdf", [
        Text(["Cabinet Forward Plan of Key Decisions", "",
              "Subject   Decision maker   Date of decision   Key decision   Portfolio Holder   Officer contact",
              "The entries for this month follow on a page that could not be printed."]),
    ])
    [issue] = extract_pdf(path).issues
    assert (issue.check, issue.severity, issue.page) == ("unread_page", "warning", 1)
    assert issue.message.startswith("plan.pdf page 1: its text prints a forward plan's header")


@pytest.mark.parametrize(("length", "trips"), [(b"9", True), (None, False)])
def test_unread_page_when_the_words_lose_the_text(tmp_path: Path, length: bytes | None, trips: bool) -> None:
    """A content stream whose /Length lies short: pdfminer believes it and its words lose the page, which
    pypdfium2's text layer (read to 'endstream') still holds."""
    lines = ["Partner contributions for 2021/22:", *(f"Partner Council number {n}    {n + 1},000" for n in range(12))]
    stream = b"BT /F1 12 Tf 72 800 Td " + b"".join(b"(%s) Tj 0 -16 Td " % line.encode() for line in lines) + b"ET"
    path = write_raw_pdf(tmp_path / "damaged.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %s >>\nstream\n%s\nendstream" % (length or str(len(stream)).encode(), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
    issues = extract_pdf(path).issues
    assert [(issue.check, issue.page) for issue in issues] == ([("unread_page", 1)] if trips else [])
    if trips:
        assert "damaged.pdf page 1: the words read from the page hold under half of the letters" in issues[0].message


def test_no_unread_page_on_a_plan_that_is_read(forward_plan_pdf: Path) -> None:
    assert "unread_page" not in codes(forward_plan_pdf)
