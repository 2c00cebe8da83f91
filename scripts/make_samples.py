"""Generate the sample council PDFs in raw_docs/ and what a correct pipeline must find in them.

    python scripts/make_samples.py

Each sample reproduces a real document's layout and figures (../shared/seeds/ has their text)
the way councils export them from Word: A4 reports with header blocks and ruled tables, dash
lists, agenda packs with 'Agenda Item N' stamps and 'Page N' footers, and landscape forward
plans whose header repeats on every page and whose rows break across pages. The expected
extraction of each is written from the same data to raw_docs/expected/<name>.json, in the
contract's format. Output is byte-identical from run to run (reportlab's invariant mode).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

OUT = Path(__file__).resolve().parents[1] / "raw_docs"
STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=11, leading=14)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
HEADING = ParagraphStyle("heading", parent=BOLD, fontSize=12, spaceBefore=8, spaceAfter=4)
TITLE = ParagraphStyle("title", parent=BOLD, fontSize=14, leading=18)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5)
CELL_BOLD = ParagraphStyle("cellbold", parent=CELL, fontName="Helvetica-Bold")
RULED = TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
PLAIN = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])


@dataclass
class Sample:
    """One PDF: its flowables, page decorations and the extraction expected from it."""

    name: str
    story: list[Flowable]
    expected: dict[str, Any]
    footers: dict[int, str] = field(default_factory=dict)  # physical page -> footer text
    stamps: dict[int, str] = field(default_factory=dict)  # physical page -> 'Agenda Item N'
    first_page: str = "portrait"  # the page template the document starts on


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


def paras(*texts: str) -> list[Flowable]:
    return [para(text) for text in texts]


def ruled_table(rows: list[list[str]], widths: list[float], bold_header: bool = True) -> Table:
    cells = [[para(cell, CELL_BOLD if bold_header and r == 0 else CELL) for cell in row] for r, row in enumerate(rows)]
    return Table(cells, colWidths=widths, style=RULED, hAlign="LEFT")


def expected(name: str, pages: int, meeting: tuple[str, str, str] | None, **parts: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": name, "page_count": pages,
        "meeting": dict(zip(("council", "committee", "date"), meeting, strict=True)) if meeting else None,
        "agenda_items": [], "contribution_tables": [], "forward_plan": [], "expected_issues": [],
    }
    data.update(parts)
    data["issues"] = [{"check": code} for code in data["expected_issues"]]
    return data


def contribution_table(period: str, page: int, total: float | None, rows: list[tuple]) -> dict[str, Any]:
    return {"period": period, "page": page, "stated_total": total,
            "rows": [{"partner": p, "amount": a, "share_pct": s} for p, a, s in rows]}


# -- 1. Dorset Council Cabinet, 7 September 2021: ruled 2020/21 contributions table ---------------
PDSCP_2020_21 = [("BCP Council", 83424, 32), ("Dorset Council", 68932, 26), ("Dorset CCG", 86050, 33),
                 ("Dorset Police", 21906, 8)]


def pdscp_table() -> Table:
    rows = [["2020/21 Statutory Partner Contributions", "Contribution", "% of total budget"]]
    rows += [[partner, f"£{amount:,}", f"{share}%"] for partner, amount, share in PDSCP_2020_21]
    rows += [["Total Annual Statutory Partner Contributions to PDSCP", "£260,312", ""]]
    return ruled_table(rows, [200, 95, 95])


def dorset_header(committee: str, date: str, title: str, status: str) -> list[Flowable]:
    return [para("Dorset Council", TITLE), para(committee, BOLD), para(date, BOLD), Spacer(1, 4),
            para(title, TITLE), para(status, BOLD), Spacer(1, 6)]


def dorset_pdscp() -> Sample:
    story = dorset_header("Cabinet", "7 September 2021",
                          "The 2021 Annual Report of the pan-Dorset Safeguarding Children Partnership",
                          "For Decision")
    story += paras(
        "<b>Portfolio Holder:</b> Cllr A Parry, Children, Education, Skills and Early Help",
        "<b>Local Councillor(s):</b> All",
        "<b>Executive Director:</b> T Leavy, Executive Director of People - Children",
        "<b>Report Author:</b> Anthony Douglas CBE",
        "<b>Report Status:</b> Public",
        "<b>Recommendation:</b> That the Cabinet note the overall report, suggesting any further changes.",
        "<b>Reason for Recommendation:</b> The report is a statutory responsibility to produce hence the "
        "endorsement of all 4 statutory partners is needed – Dorset Council, BCP Council, Dorset CCG and "
        "Dorset Constabulary.")
    story += [para("1. Executive Summary", HEADING)]
    story += paras(
        "The pan-Dorset Safeguarding Children Partnership (PDSCP) is the statutory body which oversees "
        "multi-agency child safeguarding services which cover the Dorset Council and BCP Council footprints. "
        "The annual report sets out the work done and the issues involved. The report describes how operational "
        "services have been increasingly devolved into the two respective councils, so that safeguarding "
        "practice can be grounded in all other operational services to children and young people.")
    story += [para("2. Financial Implications", HEADING),
              para("The Partnership is funded by contributions from the four statutory partners."),
              para("2020 to 2021 contribution:"), Spacer(1, 4), pdscp_table(), Spacer(1, 6)]
    story += paras(
        "The strategic intention by partners is to move to equal contributions which clearly means a greater "
        "contribution by the police and proportionately reduced contributions from the other 3 partners.")
    story += [para("3. Well-being and Health Implications", HEADING)]
    story += paras("All of the Partnership’s work is designed to impact positively on the well-being and health "
                   "of Dorset’s children and young people, by keeping them safe and by reducing the risk of harm.")
    story += [para("4. Risk Assessment", HEADING), para("Current Risk: Medium. Residual Risk: Low.")]
    name = "dorset-cabinet-2021-09-07-pdscp.pdf"
    table = contribution_table("2020/21", 1, 260312, PDSCP_2020_21)
    return Sample(name, story, expected(name, 1, ("Dorset Council", "Cabinet", "2021-09-07"),
                                        contribution_tables=[table]))


# -- 2 and 3. BCP Council Cabinet reports (2024) ----------------------------------------------------
def bcp_front_table(subject: str, date: str, summary: str, classification: str) -> Table:
    rows = [["Report subject", subject], ["Meeting date", date], ["Status", "Public Report"],
            ["Executive summary", summary], ["Recommendations", "It is RECOMMENDED that Cabinet agrees the report."],
            ["Portfolio Holder(s):", "Councillor Richard Burton, Portfolio Holder for Children and Young People"],
            ["Corporate Director", "Cathi Hadley, Corporate Director for Children's Services"],
            ["Wards", "Council-wide"], ["Classification", classification]]
    cells = [[para(f"<b>{label}</b>", CELL), para(value, CELL)] for label, value in rows]
    return Table(cells, colWidths=[120, 330], style=RULED, hAlign="LEFT")


def bcp_review() -> Sample:
    story: list[Flowable] = [para("BCP Council", TITLE), para("CABINET", TITLE), Spacer(1, 8), bcp_front_table(
        "Children's Safeguarding Partnership Review", "17 July 2024",
        "A review of the Pan-Dorset arrangements for the delivery of the Safeguarding Children's Partnership "
        "has been considered by the statutory partners: Dorset Police, NHS Dorset and both local authorities. "
        "The review recommends that the partnership arrangements be delivered separately for each LA.",
        "For Decision"), PageBreak(), para("Background", HEADING)]
    story += paras(*[f"{n}. {text}" for n, text in enumerate([
        "Considering the distinct operational approaches of the two local authorities within the Pan-Dorset "
        "structure, a review of the Pan-Dorset Safeguarding Children's Partnership's delivery arrangements was "
        "undertaken.",
        "The current Safeguarding Partners can continue to convene informally as a Pan-Dorset group where "
        "required to review shared learning and to address any shared priorities.",
        "Both local authorities have an existing governance structure where the partnership is already "
        "embedded; this minimises the impact on the partners with no additional meetings being suggested.",
    ], start=1)])
    story += [para("Summary of financial implications", HEADING)]
    story += paras(
        "12. The Safeguarding Partners have agreed that they are committed to maintaining the current financial "
        "contributions and neither LA is requesting any additional funding to deliver two separate partnerships. "
        "As a result, it is agreed that the contributions will be split 50-50.",
        "13. The PDSCP contributions for 2023/24 were as follows:")
    dash = [("BCP Council", 75785), ("Dorset Police", 75785), ("Dorset Council", 75785), ("Dorset Police", 75785)]
    story += paras(*[f"- {partner} - £{amount:,}" for partner, amount in dash], "- Total - £303,140")
    story += [para("Summary of legal implications", HEADING)]
    story += paras("14. The arrangements must be compliant with Working Together 2023.")
    name = "bcp-cabinet-2024-07-17-partnership-review.pdf"
    table = contribution_table("2023/24", 2, 303140, [(p, a, None) for p, a in dash])
    return Sample(name, story, expected(name, 2, ("BCP Council", "Cabinet", "2024-07-17"),
                                        contribution_tables=[table], expected_issues=["duplicate_partner"]))


def bcp_annual() -> Sample:
    story: list[Flowable] = [para("BCP Council", TITLE), para("CABINET", TITLE), Spacer(1, 8), bcp_front_table(
        "Pan Dorset Safeguarding Children Partnership Annual Report 2023/2024", "2 October 2024",
        "Statutory guidance Working Together (2023) requires safeguarding partners to jointly report on "
        "partnership safeguarding activity they have undertaken in a 12-month period.",
        "For scrutiny and comment."), para("1. Background", HEADING)]
    story += paras(
        "Until July 2024 the PDSCP was responsible for delivering the Lead Safeguarding Partners multi-agency "
        "safeguarding arrangements for children and young people.",
        "The PDSCP (Delegated Safeguarding Partners) agree the annual contribution on behalf of the three LSPs.",
        "Since the agreement to separate into two local safeguarding partnerships, going forward annual "
        "contributions will be agreed by the LSPs specifically for the BCP Safeguarding Children Partnership.")
    name = "bcp-cabinet-2024-10-02-pdscp-annual.pdf"
    return Sample(name, story, expected(name, 1, ("BCP Council", "Cabinet", "2024-10-02")))


# -- 4. Borderless table with planted arithmetic faults ----------------------------------------------
def wiltshire_csp() -> Sample:
    rows = [("Wiltshire Council", "£48,250.50", "45%", 48250.5, 45),
            ("Wiltshire Police", "£32,100.00", "30%", 32100, 30),
            ("NHS BSW ICB", "£16,050.00", "20%", 16050, 20),
            ("Dorset and Wiltshire Fire", "£5,350.00", "5%", 5350, 5)]
    cells = [["Partner", "2022/23 contribution", "Share"]] + [[r[0], r[1], r[2]] for r in rows]
    cells += [["Total", "£101,000.00", ""]]  # the rows add up to £101,750.50
    table = Table([[para(c, CELL_BOLD if i == 0 else CELL) for c in row] for i, row in enumerate(cells)],
                  colWidths=[200, 110, 60], style=PLAIN, hAlign="LEFT")
    story: list[Flowable] = [para("Wiltshire Council", TITLE), para("Cabinet", BOLD), para("14 March 2023", BOLD),
                             para("Community Safety Partnership Funding 2023/24", TITLE), Spacer(1, 8)]
    story += [para("1. Purpose of Report", HEADING), para(
        "To set out the partner contributions to the Community Safety Partnership and the proposed budget.")]
    story += [para("2. Financial Implications", HEADING),
              para("The partner contributions to the Community Safety Partnership for 2022/23 were:"), table]
    story += paras("The Wiltshire Council share rose from 40% in 2021/22 following the review of funding.")
    name = "wiltshire-cabinet-2023-03-14-csp-funding.pdf"
    table_expected = contribution_table("2022/23", 1, 101000, [(r[0], r[3], r[4]) for r in rows])
    return Sample(name, story, expected(
        name, 1, ("Wiltshire Council", "Cabinet", "2023-03-14"), contribution_tables=[table_expected],
        expected_issues=["contribution_share_mismatch", "contribution_total_mismatch"]))


# -- 5. Bullet list with 'k' amounts and no total ---------------------------------------------------
def somerset_list() -> Sample:
    partners = [("Somerset Council", 40000), ("Avon and Somerset Police", 25000), ("NHS Somerset ICB", 35000)]
    story: list[Flowable] = [para("Somerset Council", TITLE), para("Executive", BOLD), para("5 October 2022", BOLD),
                             para("Domestic Abuse Partnership", TITLE), Spacer(1, 8),
                             para("3. Financial and Risk Implications", HEADING),
                             para("The partners agreed their contributions for 2022/23 as follows:")]
    story += [para(f"• {partner} - £{amount // 1000}k") for partner, amount in partners]
    story += paras("The contributions will be reviewed in the spring.")
    name = "somerset-executive-2022-10-05-domestic-abuse.pdf"
    table = contribution_table("2022/23", 1, None, [(p, a, None) for p, a in partners])
    return Sample(name, story, expected(name, 1, ("Somerset Council", "Executive", "2022-10-05"),
                                        contribution_tables=[table], expected_issues=["missing_total"]))


# -- 6. Budget outturn: numbers, no contributions ---------------------------------------------------
def dorset_outturn() -> Sample:
    rows = [["Directorate", "Budget £m", "Outturn £m", "Variance £m"],
            ["People - Adults", "£130.2", "£128.9", "(£1.3)"], ["People - Children", "£72.1", "£74.9", "£2.8"],
            ["Place", "£68.4", "£67.2", "(£1.2)"], ["Total", "£270.7", "£271.0", "£0.3"]]
    story = dorset_header("Cabinet", "21 June 2022", "Finance report - outturn 2021/2022", "For Decision")
    story += [para("1. Financial Implications", HEADING), para(
        "At quarter 3 the forecast was £74.864m compared with a budget of £72.12m, an overspend of £2.75m. "
        "The partners' contributions to joint services are reported separately."),
        ruled_table(rows, [160, 80, 80, 80])]
    name = "dorset-cabinet-2022-06-21-outturn.pdf"
    return Sample(name, story, expected(name, 1, ("Dorset Council", "Cabinet", "2022-06-21")))


def build(sample: Sample) -> None:
    """Lay the story out on A4 ('portrait' template, or 'landscape' after NextPageTemplate) with stamps and footers."""
    def decorate(canvas: Any, _document: Any) -> None:
        page = canvas.getPageNumber()
        width, height = canvas._pagesize
        if page in sample.stamps:
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawRightString(width - 20 * mm, height - 12 * mm, sample.stamps[page])
        if page in sample.footers:
            canvas.setFont("Helvetica", 10)
            canvas.drawCentredString(width / 2, 10 * mm, sample.footers[page])

    margin = 20 * mm
    templates = [
        PageTemplate(id=name, pagesize=size, onPage=decorate,
                     frames=[Frame(margin, margin, size[0] - 2 * margin, size[1] - 2 * margin, id=name)])
        for name, size in (("portrait", A4), ("landscape", landscape(A4)))
    ]
    templates.sort(key=lambda template: template.id != sample.first_page)
    document = BaseDocTemplate(str(OUT / sample.name), pageTemplates=templates, title=sample.name,
                               author="council-tables samples", invariant=1)
    document.build(sample.story)


SAMPLES: list[Callable[[], Sample]] = [dorset_pdscp, bcp_review, bcp_annual, wiltshire_csp, somerset_list,
                                       dorset_outturn]


def main() -> None:
    from packs import SAMPLES as PACK_SAMPLES  # noqa: PLC0415 - the packs build on this module's helpers

    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    for make in SAMPLES + PACK_SAMPLES:
        sample = make()
        build(sample)
        sample.expected["page_count"] = len(pdfium.PdfDocument(OUT / sample.name))
        target = OUT / "expected" / (Path(sample.name).stem + ".json")
        target.write_text(json.dumps(sample.expected, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote raw_docs/{sample.name}")


if __name__ == "__main__":
    main()
