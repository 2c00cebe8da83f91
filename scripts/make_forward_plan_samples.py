"""Generate the forward-plan samples in raw_docs/ and what a correct pipeline must find in them.

    python scripts/make_forward_plan_samples.py          # all of them
    python scripts/make_forward_plan_samples.py surrey   # only those whose file name contains 'surrey'
    python scripts/make_forward_plan_samples.py --out=/tmp/plans   # somewhere else than raw_docs/

Three landscape forward plans laid out the ways real ones are, each with a running page heading
('<Council> Forward Plan – <Month> 2025') printed on every page, which is not a decision:

1. Kent (reportlab, ruled): the key-decision flag printed inside the reference cell, under the
   reference number ('25/00012' over 'Key Decision: Yes'); the subject in bold over its
   description in one cell; month rows spanning the table; the header row repeated on every page;
   rows moved whole to the next page.
2. Surrey (LibreOffice, ruled): a narrow 'KD' column holding 'Y' or 'N'; the running heading in
   the page header and 'Page N of M' in the footer; month rows spanning the table; the header row
   repeated; rows allowed to break across pages, as Writer does by default.
3. Essex (reportlab, borderless): only a rule under the header, which is printed on the first page
   only; rows parted by white space; a narrow 'Key' column holding 'Y' or 'N'; the running
   heading right above the rows that continue the table on each later page, within the table's
   width; month headings in bold in the first column.

The expected extraction of each (raw_docs/expected/<name>.json, in the contract's format) is
written from the same decisions the document is drawn from; the page of each decision is the page
its row starts on, found in the built PDF from the first line of its subject, and the script fails
if a layout did not come out as designed (a table not running over pages, a row not broken).

Needs reportlab and pypdfium2 (the project's dependencies) and LibreOffice Writer (`apt-get install
-y libreoffice-writer-nogui`, giving `soffice`). Output is byte-identical from run to run
(reportlab's invariant mode; LibreOffice's conversion time, /ID and checksum replaced by fixed
values), given the same LibreOffice version.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle
from sample_kit import FODT_PROLOGUE, soffice_pdf, write_samples

OUT = Path(__file__).resolve().parents[1] / "raw_docs"
CREATED = "20250101090000"  # the creation time written into the LibreOffice samples (reproducible bytes)
PAGE = landscape(A4)


@dataclass
class Decision:
    """One decision as the plan prints it, and what must be read back from it."""

    ref: str
    subject: str
    description: str
    maker: str
    date: str  # as printed
    iso: str  # the decision date the contract gives
    key: bool
    access: str
    holders: list[str]  # one per line
    officer: str
    title: str
    email: str
    month: str  # the month row it sits under

    def expected(self, page: int) -> dict[str, Any]:
        return {"subject": self.subject, "decision_maker": self.maker, "decision_date": self.iso,
                "key_decision": self.key, "public_access": self.access, "portfolio_holder": ", ".join(self.holders),
                "officer_contact": f"{self.officer}, {self.title}", "page": page}


@dataclass
class Sample:
    name: str
    generator: str  # 'libreoffice' or 'reportlab'
    decisions: list[Decision]
    build: Callable[[Path], None]
    checks: list[Callable[[pdfium.PdfDocument], None]] = field(default_factory=list)

    def expected(self, pdf: pdfium.PdfDocument) -> dict[str, Any]:
        decisions = [d.expected(page_of(pdf, d.subject)) for d in self.decisions]
        return {"file": self.name, "page_count": len(pdf), "meeting": None, "agenda_items": [],
                "contribution_tables": [], "forward_plan": decisions, "issues": [], "expected_issues": []}


def page_texts(pdf: pdfium.PdfDocument) -> list[str]:
    texts = []
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        texts.append(textpage.get_text_range().replace("\r", ""))
    return texts


def page_of(pdf: pdfium.PdfDocument, subject: str) -> int:
    """The page (1-based) where a subject starts: the first page with a line holding the longest
    run of its first words that is printed on one line (its cell wraps the rest)."""
    texts = [text.split("\n") for text in page_texts(pdf)]
    words = subject.split()
    for count in range(len(words), 1, -1):
        marker = " ".join(words[:count])
        for number, page_lines in enumerate(texts, start=1):
            if any(marker in line for line in page_lines):
                return number
    raise SystemExit(f"layout check failed: {subject!r} is printed on no line of any page")


def months(decisions: list[Decision]) -> list[tuple[str, list[Decision]]]:
    """The month rows in order, each with the decisions under it (a month may have none)."""
    grouped: dict[str, list[Decision]] = {}
    for decision in decisions:
        grouped.setdefault(decision.month, []).append(decision)
    return list(grouped.items())


def runs_over(pages: int) -> Callable[[pdfium.PdfDocument], None]:
    def check(pdf: pdfium.PdfDocument) -> None:
        if len(pdf) < pages:
            raise SystemExit(f"layout check failed: the plan has {len(pdf)} pages, fewer than {pages}")
    return check


def heading_on_every_page(heading: str) -> Callable[[pdfium.PdfDocument], None]:
    def check(pdf: pdfium.PdfDocument) -> None:
        missing = [n for n, text in enumerate(page_texts(pdf), start=1) if heading not in text]
        if missing:
            raise SystemExit(f"layout check failed: the running heading is not on page(s) {missing}")
    return check


def row_broken(first: str, last: str) -> Callable[[pdfium.PdfDocument], None]:
    """A row's first line and its last line are on consecutive pages: Writer broke the row."""
    def check(pdf: pdfium.PdfDocument) -> None:
        if page_of(pdf, last) != page_of(pdf, first) + 1:
            raise SystemExit(f"layout check failed: the row of {first!r} is not broken across a page")
    return check


# -- reportlab --------------------------------------------------------------------------------------
def style(name: str, size: float, bold: bool = False, leading: float | None = None, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName="Helvetica-Bold" if bold else "Helvetica", fontSize=size,
                          leading=leading or size * 1.22, **extra)


TITLE = style("title", 16, bold=True, spaceAfter=4)
SUBTITLE = style("subtitle", 12.5, bold=True, spaceAfter=4)
BODY = style("body", 9.5, spaceAfter=5)
CELL = style("cell", 8.5)
CELL_BOLD = style("cellbold", 8.5, bold=True)


def lines(*texts: str, bold_first: bool = False) -> Paragraph:
    parts = [escape(text) for text in texts if text]
    if bold_first and parts:
        parts[0] = f"<b>{parts[0]}</b>"
    return Paragraph("<br/>".join(parts), CELL)


def rl_build(target: Path, story: list, heading: str, heading_x: float, heading_y: float) -> None:
    """A landscape document with the running heading and 'Page N' drawn on every page."""
    def decorate(canvas: Any, _document: Any) -> None:
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(heading_x, heading_y, heading)
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(PAGE[0] - 15 * mm, 8 * mm, f"Page {canvas.getPageNumber()}")

    frame = Frame(15 * mm, 14 * mm, PAGE[0] - 30 * mm, PAGE[1] - 30 * mm, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    document = BaseDocTemplate(str(target), pagesize=PAGE, title=target.stem, author="Democratic Services",
                               invariant=1, pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=decorate)])
    document.build(story)


# == 1. Kent County Council (reportlab, ruled): the key flag under the reference number =================
KENT_HEADING = "Kent County Council Forward Plan – March 2025"
KENT = [
    Decision("25/00012", "Highways Term Maintenance Contract - extension",
             "To agree a two-year extension of the highways term maintenance contract with the current provider.",
             "Cabinet Member for Highways and Transport", "18 March 2025", "2025-03-18", True, "Open",
             ["Cabinet Member for Highways and Transport"], "Haroona Chughtai",
             "Director of Highways and Transportation", "haroona.chughtai@kent.gov.uk", "March 2025"),
    Decision("25/00015", "Household Support Fund 2025-26",
             "To approve the scheme for distributing the Household Support Fund grant for 2025-26 and delegate its "
             "operation to the Director of Growth and Communities.",
             "Cabinet", "27 March 2025", "2025-03-27", True, "Open",
             ["Cabinet Member for Communities and Regulatory Services"], "Sarah Hughes",
             "Head of Community Services", "sarah.hughes@kent.gov.uk", "March 2025"),
    Decision("24/00118", "Kent and Medway Business Fund - loan write-off policy",
             "To adopt a policy for writing off loans made by the Kent and Medway Business Fund that cannot be "
             "recovered.",
             "Cabinet Member for Economic Development", "March 2025", "2025-03", False, "Part exempt",
             ["Cabinet Member for Economic Development"], "Martyn Riley", "Programme Manager, Business Investment",
             "martyn.riley@kent.gov.uk", "March 2025"),
    Decision("25/00020", "School Admission Arrangements 2026-27",
             "To determine the admission arrangements for community and voluntary controlled schools for the "
             "2026-27 school year, following the statutory consultation.",
             "Cabinet Member for Education and Skills", "1 April 2025", "2025-04-01", True, "Open",
             ["Cabinet Member for Education and Skills"], "Craig Chapman", "Head of Fair Access",
             "craig.chapman@kent.gov.uk", "April 2025"),
    Decision("25/00021", "Adult Social Care Charging Policy",
             "To agree changes to the charging policy for adult social care following public consultation, "
             "including the treatment of disability-related expenditure.",
             "Cabinet", "10 April 2025", "2025-04-10", True, "Open",
             ["Cabinet Member for Adult Social Care and Public Health", "Cabinet Member for Finance"],
             "Michael Thomas-Sam", "Strategic Commissioner", "michael.thomas-sam@kent.gov.uk", "April 2025"),
    Decision("25/00024", "Disposal of the former Oakwood House site, Maidstone",
             "To agree the freehold disposal of the former Oakwood House site.",
             "Cabinet Member for Finance", "April 2025", "2025-04", True, "Exempt",
             ["Cabinet Member for Finance"], "Rebecca Spore", "Director of Infrastructure",
             "rebecca.spore@kent.gov.uk", "April 2025"),
    Decision("25/00026", "Annual Youth Justice Plan 2025-26",
             "To recommend the Youth Justice Plan to County Council.",
             "County Council", "15 May 2025", "2025-05-15", False, "Open",
             ["Cabinet Member for Integrated Children's Services"], "Nick Wilkinson",
             "Assistant Director, Youth Justice", "nick.wilkinson@kent.gov.uk", "May 2025"),
    Decision("25/00027", "Kent Minerals and Waste Local Plan - adoption",
             "To recommend to County Council the adoption of the Kent Minerals and Waste Local Plan following "
             "the inspector's report on its examination in public.",
             "Cabinet", "22 May 2025", "2025-05-22", True, "Open",
             ["Cabinet Member for Environment"], "Sharon Thompson", "Head of Planning Applications",
             "sharon.thompson@kent.gov.uk", "May 2025"),
    Decision("25/00029", "Home to School Transport Policy 2025-26",
             "To agree the home to school transport policy for 2025-26, including post-16 transport "
             "arrangements and the charges for spare seats.",
             "Cabinet Member for Education and Skills", "22 May 2025", "2025-05-22", True, "Open",
             ["Cabinet Member for Education and Skills"], "Craig Chapman", "Head of Fair Access",
             "craig.chapman@kent.gov.uk", "May 2025"),
    Decision("25/00031", "Library service opening hours",
             "To agree revised opening hours across the library network after the review of the service.",
             "Cabinet Member for Communities and Regulatory Services", "5 June 2025", "2025-06-05", False, "Open",
             ["Cabinet Member for Communities and Regulatory Services"], "James Pearson",
             "Head of Libraries, Registration and Archives", "james.pearson@kent.gov.uk", "June 2025"),
    Decision("25/00033", "Treasury Management Annual Report 2024-25",
             "To note the treasury management activity of 2024-25 and recommend the report to County Council.",
             "Cabinet", "26 June 2025", "2025-06-26", False, "Open",
             ["Cabinet Member for Finance"], "John Betts", "Interim Corporate Director Finance",
             "john.betts@kent.gov.uk", "June 2025"),
    Decision("25/00035", "Kent Supported Employment service - recommissioning",
             "To agree the recommissioning of the supported employment service for adults with learning "
             "disabilities and autism, and to delegate the award of the contract.",
             "Cabinet Member for Adult Social Care and Public Health", "July 2025", "2025-07", True, "Open",
             ["Cabinet Member for Adult Social Care and Public Health"], "Simon Mitchell",
             "Senior Commissioner", "simon.mitchell@kent.gov.uk", "July 2025"),
    Decision("25/00036", "Local Nature Recovery Strategy for Kent and Medway",
             "To approve the publication of the Local Nature Recovery Strategy.",
             "Cabinet", "10 July 2025", "2025-07-10", True, "Open",
             ["Cabinet Member for Environment", "Deputy Leader"], "Elizabeth Milne",
             "Natural Environment and Coast Manager", "elizabeth.milne@kent.gov.uk", "July 2025"),
    Decision("25/00038", "Quarterly Performance Report, Quarter 4 2024-25",
             "To note the council's performance in the fourth quarter of 2024-25.",
             "Cabinet", "10 July 2025", "2025-07-10", False, "Open",
             ["Leader of the Council"], "Rachel Kennard", "Chief Analyst",
             "rachel.kennard@kent.gov.uk", "July 2025"),
    Decision("25/00040", "Disposal of land at Manston Road, Ramsgate",
             "To agree the sale of surplus land at Manston Road to the highest bidder following marketing.",
             "Cabinet Member for Finance", "Not before 24 July 2025", "2025-07-24", True, "Part exempt",
             ["Cabinet Member for Finance"], "Rebecca Spore", "Director of Infrastructure",
             "rebecca.spore@kent.gov.uk", "July 2025"),
    Decision("25/00041", "Kent Fostering Service: allowances and fees 2025-26",
             "To agree the allowances paid to foster carers and the fees paid for specialist placements in "
             "2025-26, and the arrangements for uprating them in later years.",
             "Cabinet Member for Integrated Children's Services", "August 2025", "2025-08", True, "Open",
             ["Cabinet Member for Integrated Children's Services"], "Sarah Hammond",
             "Director of Children's Countywide Services", "sarah.hammond@kent.gov.uk", "August 2025"),
    Decision("25/00043", "Gypsy and Traveller site at Coldharbour, Aylesford - refurbishment",
             "To approve the refurbishment of the Coldharbour site and the award of the building contract.",
             "Cabinet Member for Communities and Regulatory Services", "14 August 2025", "2025-08-14", True,
             "Open", ["Cabinet Member for Communities and Regulatory Services"], "Stephanie Holt-Castle",
             "Director of Growth and Communities", "stephanie.holt-castle@kent.gov.uk", "August 2025"),
]
KENT_HEADER = ["Ref.", "Decision", "Decision maker", "Expected date of decision", "Open or exempt",
               "Cabinet Member", "Contact officer"]
KENT_WIDTHS = [62, 236, 92, 70, 56, 122, 150]


def kent_build(target: Path) -> None:
    head = [Paragraph(escape(text), CELL_BOLD) for text in KENT_HEADER]
    rows: list[list[Any]] = [head]
    spans = []
    for month, decisions in months(KENT):
        spans.append(len(rows))
        rows.append([Paragraph(month, CELL_BOLD)] + [""] * (len(KENT_HEADER) - 1))
        for d in decisions:
            rows.append([lines(d.ref, f"Key Decision: {'Yes' if d.key else 'No'}"),
                         lines(d.subject, d.description, bold_first=True), lines(d.maker), lines(d.date),
                         lines(d.access), lines(*d.holders), lines(d.officer, d.title, d.email)])
    table_style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee"))]
    table_style += [("SPAN", (0, r), (-1, r)) for r in spans]
    table_style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f2f2f2")) for r in spans]
    story = [
        Paragraph("Kent County Council", TITLE),
        Paragraph("Forward Plan of Key and Significant Decisions", SUBTITLE),
        Paragraph("Decisions expected to be taken from 1 March 2025 to 30 June 2025", BODY),
        Paragraph("Publication date: 14 February 2025", BODY),
        Paragraph("This plan gives notice of the decisions that the Cabinet, individual Cabinet Members and "
                  "officers expect to take over the coming months. A key decision is one that involves "
                  "expenditure or savings of more than £1m or affects two or more electoral divisions; each entry "
                  "says whether it is one. Reports are published five clear working days before the decision.",
                  BODY),
        Spacer(1, 6),
        Table(rows, colWidths=KENT_WIDTHS, repeatRows=1, hAlign="LEFT", style=TableStyle(table_style)),
    ]
    rl_build(target, story, KENT_HEADING, 15 * mm, PAGE[1] - 10 * mm)


KENT_SAMPLE = Sample("kent-cabinet-forward-plan-2025-03.pdf", "reportlab", KENT, kent_build,
                     checks=[runs_over(3), heading_on_every_page(KENT_HEADING)])


# == 3. Essex County Council (reportlab, borderless): header on the first page only ===================
ESSEX_HEADING = "Essex County Council Forward Plan – May 2025"
ESSEX = [
    Decision("FP/001/05/25", "Essex Climate Action Plan annual update", "", "Cabinet", "20 May 2025",
             "2025-05-20", True, "Open", ["Cabinet Member for Climate Action, Environment and Waste"], "Sam Ross",
             "Head of Climate Action", "sam.ross@essex.gov.uk", "May 2025"),
    Decision("FP/004/05/25", "Award of the contract for the Essex Carers Support service", "", "Cabinet",
             "20 May 2025", "2025-05-20", True, "Private", ["Cabinet Member for Adult Social Care"],
             "Emma Richardson", "Head of Strategic Commissioning", "emma.richardson@essex.gov.uk", "May 2025"),
    Decision("FP/007/05/25", "Fees and charges for registration services 2025-26", "",
             "Cabinet Member for Finance", "May 2025", "2025-05", False, "Open", ["Cabinet Member for Finance"],
             "Kate Ellis", "Registration Service Manager", "kate.ellis@essex.gov.uk", "May 2025"),
    Decision("FP/009/06/25", "Chelmsford North East Bypass - land acquisition", "", "Cabinet", "17 June 2025",
             "2025-06-17", True, "Part exempt", ["Cabinet Member for Highways Maintenance and Sustainable Transport"],
             "Clare Davies", "Programme Director, Major Schemes", "clare.davies@essex.gov.uk", "June 2025"),
    Decision("FP/011/06/25", "Special educational needs transport: independent travel training", "",
             "Cabinet Member for Education Excellence", "17 June 2025", "2025-06-17", True, "Open",
             ["Cabinet Member for Education Excellence, Life Long Learning and Employability"], "Ralph Holloway",
             "Head of SEND Strategy", "ralph.holloway@essex.gov.uk", "June 2025"),
    Decision("FP/013/06/25", "Essex Housing: Harlow development viability", "", "Cabinet", "17 June 2025",
             "2025-06-17", True, "Private", ["Leader of the Council", "Cabinet Member for Finance"], "Mark Carroll",
             "Director of Essex Housing", "mark.carroll@essex.gov.uk", "June 2025"),
    Decision("FP/016/07/25", "Youth Service Strategy 2025-2030", "", "Cabinet", "15 July 2025", "2025-07-15",
             False, "Open", ["Cabinet Member for Children's Services"], "Nicola Grant", "Head of Youth Service",
             "nicola.grant@essex.gov.uk", "July 2025"),
    Decision("FP/018/07/25", "Treasury Management Outturn 2024-25", "", "Cabinet Member for Finance",
             "July 2025", "2025-07", False, "Open", ["Cabinet Member for Finance"], "Christine Golding",
             "Chief Investment Officer", "christine.golding@essex.gov.uk", "July 2025"),
    Decision("FP/020/07/25", "Passenger Transport: bus service improvement plan funding", "", "Cabinet",
             "15 July 2025", "2025-07-15", True, "Open",
             ["Cabinet Member for Highways Maintenance and Sustainable Transport"], "Helen Morris",
             "Head of Integrated Passenger Transport", "helen.morris@essex.gov.uk", "July 2025"),
    Decision("FP/022/07/25", "Independent living programme: Colchester scheme", "", "Cabinet",
             "Not before 29 July 2025", "2025-07-29", True, "Open", ["Cabinet Member for Adult Social Care"],
             "Gavin Jones", "Head of Commissioning, Independent Living", "gavin.jones@essex.gov.uk", "July 2025"),
    Decision("FP/025/08/25", "Minerals Local Plan review - consultation", "", "Cabinet Member for Planning",
             "August 2025", "2025-08", False, "Open", ["Cabinet Member for Planning"], "Graham Thomas",
             "Head of Planning and Sustainable Development", "graham.thomas@essex.gov.uk", "August 2025"),
    Decision("FP/027/08/25", "Highways verge maintenance contract", "", "Cabinet", "19 August 2025",
             "2025-08-19", True, "Open", ["Cabinet Member for Highways Maintenance and Sustainable Transport"],
             "Tracey Vickers", "Head of Highways Operations", "tracey.vickers@essex.gov.uk", "August 2025"),
]
ESSEX_HEADER = ["Ref", "Title of decision", "Decision taker", "Date", "Key", "Open / Private", "Portfolio",
                "Contact"]
ESSEX_WIDTHS = [68, 180, 90, 70, 28, 58, 128, 150]


def essex_build(target: Path) -> None:
    head = [Paragraph(escape(text), CELL_BOLD) for text in ESSEX_HEADER]
    body: list[list[Any]] = []
    for month, decisions in months(ESSEX):
        body.append([Paragraph(month, CELL_BOLD)] + [""] * (len(ESSEX_HEADER) - 1))
        for d in decisions:
            body.append([lines(d.ref), lines(d.subject), lines(d.maker), lines(d.date), lines("Y" if d.key else "N"),
                         lines(d.access), lines(*d.holders), lines(d.officer, d.title, d.email)])
    table_style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    header = Table([head], colWidths=ESSEX_WIDTHS, hAlign="LEFT", style=TableStyle(
        [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black)]))
    story = [
        Paragraph("Essex County Council", TITLE),
        Paragraph("Forward Plan of Decisions", SUBTITLE),
        Paragraph("Published 22 April 2025: decisions expected from May to August 2025", BODY),
        Paragraph("The plan lists the decisions to be taken by the Cabinet, Cabinet Members and Chief Officers. "
                  "Key decisions are marked Y in the Key column. Where a decision is to be taken in private the "
                  "reason is given in the report, which is published five clear days before the decision.", BODY),
        Spacer(1, 6), header,
        Table(body, colWidths=ESSEX_WIDTHS, hAlign="LEFT", style=table_style),
    ]
    rl_build(target, story, ESSEX_HEADING, 15 * mm, PAGE[1] - 11 * mm)


ESSEX_SAMPLE = Sample("essex-cabinet-forward-plan-2025-05.pdf", "reportlab", ESSEX, essex_build,
                      checks=[runs_over(2), heading_on_every_page(ESSEX_HEADING)])


# == 4. Hertfordshire County Council (reportlab, an Excel sheet's grid): the heading inside the grid =====
# Exported from a spreadsheet with borders on every cell: its first row (the plan's title, overflowing
# the first cell across the empty cells beside it) is repeated at the top of every page, and the
# column headings are printed on the first page only.
HERTS_HEADING = "Hertfordshire County Council Forward Plan – June 2025"
HERTS = [
    Decision("", "Integrated Care Partnership Strategy refresh", "", "Cabinet", "16 June 2025", "2025-06-16", True,
             "Open", ["Executive Member for Adult Care and Health"], "Sarah Perman", "Director of Public Health",
             "sarah.perman@hertfordshire.gov.uk", "June 2025"),
    Decision("", "Hertfordshire Waste Partnership agreement", "", "Cabinet", "16 June 2025", "2025-06-16", True,
             "Open", ["Executive Member for Environment"], "Ian Church", "Head of Waste Management",
             "ian.church@hertfordshire.gov.uk", "June 2025"),
    Decision("", "School meals contract extension", "", "Executive Member for Education", "June 2025", "2025-06",
             False, "Open", ["Executive Member for Education"], "Jo Fisher", "Head of Catering Commissioning",
             "jo.fisher@hertfordshire.gov.uk", "June 2025"),
    Decision("", "Disposal of the former Bishop's Stortford library", "", "Cabinet", "16 June 2025",
             "2025-06-16", True, "Part exempt", ["Executive Member for Resources and Performance"], "Peter Fletcher",
             "Assistant Director, Property", "peter.fletcher@hertfordshire.gov.uk", "June 2025"),
    Decision("", "Highways Locality Budget allocations 2025-26", "", "Executive Member for Highways",
             "30 June 2025", "2025-06-30", False, "Open", ["Executive Member for Highways and Transport"],
             "Mark Kemp", "Director of Environment and Infrastructure", "mark.kemp@hertfordshire.gov.uk",
             "June 2025"),
    Decision("", "Children's centre services recommissioning", "", "Cabinet", "14 July 2025", "2025-07-14", True,
             "Open", ["Executive Member for Children, Young People and Families"], "Sue Darker",
             "Operations Director, Children's Services", "sue.darker@hertfordshire.gov.uk", "July 2025"),
    Decision("", "Hertfordshire Local Transport Plan: Watford growth area", "", "Cabinet", "14 July 2025",
             "2025-07-14", True, "Open", ["Executive Member for Highways and Transport"], "Rupert Thacker",
             "Head of Transport Strategy", "rupert.thacker@hertfordshire.gov.uk", "July 2025"),
    Decision("", "Treasury Management Outturn 2024-25", "", "Cabinet", "14 July 2025", "2025-07-14", False, "Open",
             ["Executive Member for Resources and Performance"], "Claire Cook", "Head of Treasury",
             "claire.cook@hertfordshire.gov.uk", "July 2025"),
    Decision("", "Fire and Rescue Service fleet replacement", "", "Executive Member for Community Safety",
             "28 July 2025", "2025-07-28", True, "Exempt", ["Executive Member for Community Safety"],
             "Alex Woodman", "Chief Fire Officer", "alex.woodman@hertfordshire.gov.uk", "July 2025"),
    Decision("", "Adult disability services day opportunities", "", "Cabinet", "15 September 2025",
             "2025-09-15", True, "Open", ["Executive Member for Adult Care and Health"], "Helen Maneuf",
             "Assistant Director, Planning and Resources", "helen.maneuf@hertfordshire.gov.uk", "September 2025"),
    Decision("", "Libraries capital investment programme", "", "Executive Member for Community Safety",
             "September 2025", "2025-09", False, "Open", ["Executive Member for Community Safety"], "Taryn Pearson",
             "Head of Libraries", "taryn.pearson@hertfordshire.gov.uk", "September 2025"),
    Decision("", "Herts Living: Hemel Hempstead housing scheme", "", "Cabinet", "15 September 2025",
             "2025-09-15", True, "Part exempt", ["Executive Member for Resources and Performance"],
             "Ruth Bakewell", "Managing Director, Herts Living", "ruth.bakewell@hertfordshire.gov.uk",
             "September 2025"),
    Decision("", "Schools capital programme 2026-27", "", "Cabinet", "13 October 2025", "2025-10-13", True,
             "Open", ["Executive Member for Education"], "Jo Fisher", "Head of Catering Commissioning",
             "jo.fisher@hertfordshire.gov.uk", "October 2025"),
    Decision("", "Budget consultation 2026-27", "", "Cabinet", "13 October 2025", "2025-10-13", False, "Open",
             ["Leader of the Council"], "Scott Crudgington", "Director of Resources",
             "scott.crudgington@hertfordshire.gov.uk", "October 2025"),
    Decision("", "Quarter 2 Performance Monitor 2025-26", "", "Cabinet", "17 November 2025", "2025-11-17", False,
             "Open", ["Leader of the Council"], "Lindsey McLeod", "Head of Performance",
             "lindsey.mcleod@hertfordshire.gov.uk", "November 2025"),
    Decision("", "Special Educational Needs capital programme", "", "Cabinet", "17 November 2025", "2025-11-17",
             True, "Open", ["Executive Member for Education"], "Marion Ingram", "Director of Education",
             "marion.ingram@hertfordshire.gov.uk", "November 2025"),
    Decision("", "Flood risk management strategy review", "", "Executive Member for Environment", "November 2025",
             "2025-11", False, "Open", ["Executive Member for Environment"], "Ian Church", "Head of Waste Management",
             "ian.church@hertfordshire.gov.uk", "November 2025"),
    Decision("", "Home care framework: lot 2 award", "", "Executive Member for Adult Care and Health",
             "1 December 2025", "2025-12-01", True, "Exempt", ["Executive Member for Adult Care and Health"],
             "Helen Maneuf", "Assistant Director, Planning and Resources", "helen.maneuf@hertfordshire.gov.uk",
             "December 2025"),
    Decision("", "Council Tax base 2026-27", "", "Cabinet", "15 December 2025", "2025-12-15", False, "Open",
             ["Executive Member for Resources and Performance"], "Claire Cook", "Head of Treasury",
             "claire.cook@hertfordshire.gov.uk", "December 2025"),
    Decision("", "Stevenage bus interchange: construction contract", "", "Cabinet", "15 December 2025",
             "2025-12-15", True, "Part exempt", ["Executive Member for Highways and Transport"], "Rupert Thacker",
             "Head of Transport Strategy", "rupert.thacker@hertfordshire.gov.uk", "December 2025"),
    Decision("", "Integrated Budget Proposals 2026-27 to 2028-29", "", "County Council", "February 2026",
             "2026-02", True, "Open", ["Leader of the Council"], "Scott Crudgington", "Director of Resources",
             "scott.crudgington@hertfordshire.gov.uk", "February 2026"),
    Decision("", "Capital Strategy 2026-27", "", "County Council", "February 2026", "2026-02", True, "Open",
             ["Executive Member for Resources and Performance"], "Claire Cook", "Head of Treasury",
             "claire.cook@hertfordshire.gov.uk", "February 2026"),
]
HERTS_HEADER = ["Decision", "Decision maker", "Decision date", "Key?", "Open / exempt", "Executive Member",
                "Contact officer"]
HERTS_WIDTHS = [190, 100, 74, 34, 62, 140, 170]
SHEET = style("sheet", 8.5, leading=10.5)
SHEET_BOLD = style("sheetbold", 8.5, bold=True, leading=10.5)


def herts_build(target: Path) -> None:
    def plain(*texts: str) -> Paragraph:
        return Paragraph("<br/>".join(escape(text) for text in texts if text), SHEET)

    # The title is a plain string in the first cell: drawn unwrapped across the empty cells beside it,
    # as a spreadsheet prints a long title.
    rows: list[list[Any]] = [[HERTS_HEADING] + [""] * (len(HERTS_HEADER) - 1),
                             [Paragraph(escape(text), SHEET_BOLD) for text in HERTS_HEADER]]
    for _month, decisions in months(HERTS):
        for d in decisions:
            rows.append([plain(d.subject), plain(d.maker), plain(d.date), plain("Y" if d.key else "N"),
                         plain(d.access), plain(*d.holders), plain(d.officer, d.title, d.email)])
    table_style = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#808080")),
                              ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 11), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                              ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#c6e0b4"))])
    frame = Frame(12 * mm, 12 * mm, PAGE[0] - 24 * mm, PAGE[1] - 24 * mm, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)

    def footer(canvas: Any, _document: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(PAGE[0] - 12 * mm, 7 * mm, f"Page {canvas.getPageNumber()}")

    document = BaseDocTemplate(str(target), pagesize=PAGE, title=target.stem, author="Democratic Services",
                               invariant=1, pageTemplates=[PageTemplate(id="sheet", frames=[frame], onPage=footer)])
    document.build([Table(rows, colWidths=HERTS_WIDTHS, repeatRows=1, hAlign="LEFT", style=table_style)])


HERTS_SAMPLE = Sample("hertfordshire-cabinet-forward-plan-2025-06.pdf", "reportlab", HERTS, herts_build,
                      checks=[runs_over(3), heading_on_every_page(HERTS_HEADING)])


# == 2. Surrey County Council (LibreOffice, ruled): a narrow 'KD' column ================================
SURREY_HEADING = "Surrey County Council Forward Plan – April 2025"
SURREY = [
    Decision("", "Surrey Infrastructure Plan: schemes for 2025-26",
             "To approve the next phase of schemes in the Surrey Infrastructure Plan and the funding for each, "
             "including the walking and cycling schemes in Guildford, Woking and Staines, and to delegate the "
             "award of the construction contracts to the Executive Director for Environment, Infrastructure and "
             "Growth in consultation with the Cabinet Member.", "Cabinet", "29 April 2025", "2025-04-29", True,
             "Open", ["Cabinet Member for Highways, Transport and Economic Growth"], "Katie Stewart",
             "Executive Director for Environment, Infrastructure and Growth", "katie.stewart@surreycc.gov.uk",
             "April 2025"),
    Decision("", "Month 12 Financial Report 2024-25",
             "To note the outturn of the revenue and capital budgets for 2024-25.", "Cabinet", "29 April 2025",
             "2025-04-29", False, "Open", ["Cabinet Member for Finance and Resources"], "Andy Brown",
             "Executive Director of Finance and Corporate Services", "andy.brown@surreycc.gov.uk", "April 2025"),
    Decision("", "Adult Social Care: extra care housing at Pinehurst",
             "To agree the award of the contract for the design and build of extra care housing at the former "
             "Pinehurst resource centre, Camberley.", "Cabinet", "29 April 2025", "2025-04-29", True,
             "Part exempt", ["Cabinet Member for Adult Social Care"], "Simon White",
             "Executive Director for Adult Social Care", "simon.white@surreycc.gov.uk", "April 2025"),
    Decision("", "Home to School Travel Assistance Policy",
             "To agree the revised policy for home to school travel assistance from September 2025.",
             "Cabinet Member for Education and Learning", "May 2025", "2025-05", True, "Open",
             ["Cabinet Member for Education and Learning"], "Julia Katherine",
             "Director for Education and Lifelong Learning", "julia.katherine@surreycc.gov.uk", "May 2025"),
    Decision("", "Surrey Fire and Rescue Service: Community Risk Management Plan",
             "To approve the Community Risk Management Plan 2025-2030 following the consultation held over the "
             "winter, including changes to the crewing of two fire stations and the response standards for the "
             "county, and to note the equality impact assessment and the responses to the consultation. The plan "
             "also sets out how the service will meet the risks identified in the county's community risk profile, "
             "the prevention and protection work planned for each of the five years of the plan, the investment in "
             "fleet and equipment, and the arrangements for reviewing the plan each year with the Fire and Rescue "
             "Select Committee and for publishing the results of that review.",
             "Cabinet", "27 May 2025", "2025-05-27", True, "Open", ["Cabinet Member for Fire and Rescue"],
             "Dan Quin", "Chief Fire Officer", "dan.quin@surreycc.gov.uk", "May 2025"),
    Decision("", "Libraries Transformation: Redhill library refurbishment",
             "To approve the capital spending on the refurbishment of Redhill library.",
             "Cabinet Member for Customer and Communities", "12 June 2025", "2025-06-12", False, "Open",
             ["Cabinet Member for Customer and Communities"], "Marie Snelling",
             "Executive Director for Customer and Communities", "marie.snelling@surreycc.gov.uk", "June 2025"),
    Decision("", "Surrey Waste Local Plan: annual monitoring report",
             "To approve the annual monitoring report of the Surrey Waste Local Plan for publication.",
             "Cabinet Member for Environment", "24 June 2025", "2025-06-24", False, "Open",
             ["Cabinet Member for Environment"], "Caroline Smith", "Planning Group Manager",
             "caroline.smith@surreycc.gov.uk", "June 2025"),
    Decision("", "Disposal of land at Brooklands, Weybridge",
             "To agree the disposal of surplus land at Brooklands to a registered provider of affordable housing.",
             "Cabinet", "24 June 2025", "2025-06-24", True, "Exempt",
             ["Cabinet Member for Property, Waste and Infrastructure", "Deputy Leader"], "Diane Wilding",
             "Director of Land and Property", "diane.wilding@surreycc.gov.uk", "June 2025"),
    Decision("", "Children's homes capital programme",
             "To approve the next stage of the capital programme for children's homes in Surrey.",
             "Cabinet", "22 July 2025", "2025-07-22", True, "Open",
             ["Cabinet Member for Children, Families and Lifelong Learning"], "Rachael Wardell",
             "Executive Director for Children, Families and Lifelong Learning", "rachael.wardell@surreycc.gov.uk",
             "July 2025"),
    Decision("", "Treasury Management Outturn 2024-25",
             "To note the treasury management outturn and recommend it to Council.", "Cabinet", "22 July 2025",
             "2025-07-22", False, "Open", ["Cabinet Member for Finance and Resources"], "Nicola O'Connor",
             "Strategic Finance Business Partner", "nicola.oconnor@surreycc.gov.uk", "July 2025"),
]
SURREY_HEADER = ["Subject", "Decision maker", "Date of decision", "KD", "Open / Exempt", "Cabinet Member",
                 "Lead officer"]
SURREY_WIDTHS = [8.4, 3.2, 2.4, 0.9, 2.0, 4.0, 4.6]
# Writer breaks this long row across the page; its first and last printed lines (for the check).
SURREY_BROKEN = ("Surrey Fire and Rescue Service:", "publishing the results of that review.")

FODT = FODT_PROLOGUE + """\
 <style:style style:name="Council" style:family="paragraph">
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Plain" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9pt"/></style:style>
 <style:style style:name="CellHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="9pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Running" style:family="paragraph">
  <style:text-properties fo:font-size="10pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"
   fo:margin-top="1.0cm" fo:margin-bottom="0.8cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/>
  <style:header-style>
   <style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
  <style:footer-style>
   <style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="HeadCell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"
   fo:background-color="#d9e2f3"/></style:style>
 <style:style style:name="MonthCell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"
   fo:background-color="#eeeeee"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 {automatic}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Running">{heading}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current"/> of
   <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def cell(paragraphs: list[str], head: bool = False, span: int = 1, style_name: str | None = None) -> str:
    """A table cell of paragraphs (XML already), spanning `span` columns."""
    style_name = style_name or ("HeadCell" if head else "Cell")
    spanned = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    text = "".join(f'<text:p text:style-name="{"CellHead" if head else "Cell"}">{p}</text:p>' for p in paragraphs)
    covered = "<table:covered-table-cell/>" * (span - 1)
    return f'<table:table-cell table:style-name="{style_name}"{spanned} office:value-type="string">{text}' \
           f"</table:table-cell>{covered}"


def surrey_build(target: Path) -> None:
    columns = "".join(f'<style:style style:name="Plan.C{i}" style:family="table-column"><style:table-column-properties '
                      f'style:column-width="{w:.2f}cm"/></style:style>' for i, w in enumerate(SURREY_WIDTHS))
    automatic = ('<style:style style:name="Plan" style:family="table"><style:table-properties '
                 f'style:width="{sum(SURREY_WIDTHS):.2f}cm" table:align="left"/></style:style>' + columns)
    header = "".join(cell([escape(text)], head=True) for text in SURREY_HEADER)
    rows = [f"<table:table-header-rows><table:table-row>{header}</table:table-row></table:table-header-rows>"]
    for month, decisions in months(SURREY):
        rows.append("<table:table-row>" + cell([f'<text:span text:style-name="B">{month}</text:span>'],
                                                span=len(SURREY_HEADER), style_name="MonthCell") + "</table:table-row>")
        for d in decisions:
            rows.append("<table:table-row>" + "".join([
                cell([f'<text:span text:style-name="B">{escape(d.subject)}</text:span>', escape(d.description)]),
                cell([escape(d.maker)]), cell([escape(d.date)]), cell(["Y" if d.key else "N"]),
                cell([escape(d.access)]),
                cell([escape(h) for h in d.holders]), cell([escape(d.officer), escape(d.title), escape(d.email)]),
            ]) + "</table:table-row>")
    table = ('<table:table table:name="Plan" table:style-name="Plan">'
             + "".join(f'<table:table-column table:style-name="Plan.C{i}"/>' for i in range(len(SURREY_WIDTHS)))
             + "".join(rows) + "</table:table>")
    body = "\n".join([
        '<text:p text:style-name="Council">Surrey County Council</text:p>',
        '<text:p text:style-name="Title">Cabinet Forward Plan: April to July 2025</text:p>',
        '<text:p text:style-name="Plain">Date of publication: 28 March 2025</text:p>',
        '<text:p text:style-name="Plain">This plan lists the decisions that the Cabinet and individual Cabinet '
        "Members expect to take. A key decision (KD: Y) is one that results in spending or savings of £1 million or "
        "more, or that has a significant effect on communities in two or more divisions. Exempt reports are "
        "considered in private; the reasons are given in the report.</text:p>",
        table,
    ])
    document = FODT.format(title="Surrey County Council Forward Plan", creator="Democratic Services", size=10,
                           automatic=automatic,
                           heading=escape(SURREY_HEADING), body=body)
    soffice_pdf(document, target, CREATED)


SURREY_SAMPLE = Sample("surrey-cabinet-forward-plan-2025-04.pdf", "libreoffice", SURREY, surrey_build,
                       checks=[runs_over(2), heading_on_every_page(SURREY_HEADING), row_broken(*SURREY_BROKEN)])

SAMPLES = [KENT_SAMPLE, SURREY_SAMPLE, ESSEX_SAMPLE, HERTS_SAMPLE]


def main(arguments: list[str]) -> None:
    out = next((Path(a.split("=", 1)[1]) for a in arguments if a.startswith("--out=")), OUT)
    write_samples(SAMPLES, out, [a for a in arguments if not a.startswith("--")])


if __name__ == "__main__":
    main(sys.argv[1:])
