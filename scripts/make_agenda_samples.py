"""Generate the agenda front-sheet samples in raw_docs/ and what a correct pipeline must find.

    python scripts/make_agenda_samples.py            # all of them
    python scripts/make_agenda_samples.py parish     # only those whose file name contains 'parish'

Front sheets laid out the ways that issue 10 found unread (classes 2 and 4):

1. a parish council's agenda (LibreOffice): items numbered by running minute numbers ('2399.',
   '2400', with and without a full stop, and a gap where 2405 would be), each a bold heading with
   its description on the same line in regular type (one heading long enough to wrap onto a second
   line, its description going on after it there), lettered sub-items, and a ruled action-log
   table between two items whose rows start with minute numbers;
2. a town council committee's agenda (reportlab): items numbered 1…N without full stops in a
   narrow bold column, no item 6, the heading in bold with its description after it on the same
   line, and between items 4 and 5 a ruled action log across the full width, its first column in
   line with the item numbers, whose rows are numbered 5, 6 and 7 (the
   minute numbers of the last meeting): read as items they would make a longer run (1-4, 5, 6, 7,
   8, 9) than the real one (1-5, 7, 8, 9);
3. a district council's ModernGov-style front sheet (LibreOffice): a borderless table with the
   item numbers alone in a narrow left column, the title in bold capitals over a description in
   regular type, one title wrapping onto a second line, and a 'Page(s)' column;
4. that front sheet printed and scanned: rendered at 200 dpi by pypdfium2, turned 0.6 degrees,
   given mild grey noise, a few specks and a slight blur, saved as a JPEG and wrapped in a PDF
   with no text layer. With tesseract (`apt-get install tesseract-ocr`) it must read exactly as
   the born-digital sheet does: the numbers in their narrow column found and joined to their rows;
5. the parish council's agenda (1) printed and scanned the same way, turned 0.45 degrees the
   other way: four-digit minute numbers, and bold headings told from their descriptions by the
   thickness of their strokes.

Needs: reportlab and pypdfium2 (the project's dependencies), Pillow (pdfplumber's) and
LibreOffice Writer (`apt-get install -y libreoffice-writer-nogui`, giving `soffice`). Output is
byte-identical from run to run (reportlab's invariant mode; LibreOffice's conversion time, /ID and
checksum replaced by fixed values; the scan's noise from a seeded generator), given the same
LibreOffice, Pillow and libjpeg versions. The script fails if a layout did not come out as
designed (a heading that should wrap did not, the action log not between its two items).

The expected extraction of each (raw_docs/expected/<name>.json, in the contract's format) is
written from the same data the document is drawn from: the item number as printed without its
full stop, the title by the agenda module's rule (the item's heading, without its description),
the printed page range.
"""

from __future__ import annotations

import bisect
import io
import math
import random
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sample_kit import FODT_PROLOGUE, FODT_TAIL, soffice_pdf, write_samples

OUT = Path(__file__).resolve().parents[1] / "raw_docs"
CREATED = "20250101090000"  # the creation time written into the LibreOffice samples (reproducible bytes)


@dataclass(frozen=True)
class Item:
    number: str  # as printed: '2399.', '2400', '3.'
    heading: str  # the title
    description: str = ""
    pages: tuple[int, int] | None = None
    subitems: tuple[str, ...] = ()

    def expected(self) -> dict[str, Any]:
        start, end = self.pages or (None, None)
        return {"number": self.number.rstrip("."), "title": self.heading, "page_start": start, "page_end": end}


@dataclass
class Sample:
    name: str
    generator: str  # 'libreoffice', 'reportlab' or 'scanned'
    meeting: tuple[str, str, str]  # council, committee, ISO date: as printed on page 1
    items: list[Item]
    build: Callable[[Path], None]  # writes the PDF to the path given
    checks: list[Callable[[pdfium.PdfDocument], None]] = field(default_factory=list)  # layout as designed

    def expected(self, pdf: pdfium.PdfDocument) -> dict[str, Any]:
        return {
            "file": self.name, "page_count": len(pdf),
            "meeting": dict(zip(("council", "committee", "date"), self.meeting, strict=True)),
            "agenda_items": [item.expected() for item in self.items],
            "contribution_tables": [], "forward_plan": [], "expected_issues": [], "issues": [],
        }


# -- layout checks -----------------------------------------------------------------------------------
def raw_text(pdf: pdfium.PdfDocument) -> str:
    return "\n".join(pdf[i].get_textpage().get_text_range().replace("\r", "") for i in range(len(pdf)))


def wraps(first_line_end: str, second_line_start: str) -> Callable[[pdfium.PdfDocument], None]:
    """A heading wraps: one printed line ends with the first words and the next begins with the second."""
    def check(pdf: pdfium.PdfDocument) -> None:
        lines = [line.strip() for line in raw_text(pdf).split("\n")]
        pairs = zip(lines, lines[1:], strict=False)
        if not any(a.endswith(first_line_end) and b.startswith(second_line_start) for a, b in pairs):
            raise SystemExit(f"layout check failed: no line ends {first_line_end!r} before one starting "
                             f"{second_line_start!r}")
    return check


def in_order(*markers: str) -> Callable[[pdfium.PdfDocument], None]:
    """The markers are printed in this order (an action log between its two items)."""
    def check(pdf: pdfium.PdfDocument) -> None:
        text = " ".join(raw_text(pdf).split())
        places = [text.find(marker) for marker in markers]
        if -1 in places or places != sorted(places):
            raise SystemExit(f"layout check failed: {markers} are not printed in this order")
    return check


def pages(count: int) -> Callable[[pdfium.PdfDocument], None]:
    def check(pdf: pdfium.PdfDocument) -> None:
        if len(pdf) != count:
            raise SystemExit(f"layout check failed: {len(pdf)} pages, not {count}")
    return check


def image_only(pdf: pdfium.PdfDocument) -> None:
    if raw_text(pdf).strip():
        raise SystemExit("layout check failed: the scan has a text layer")


# -- LibreOffice: flat ODF text documents converted to PDF -----------------------------------------
FODT_HEAD = FODT_PROLOGUE + """\
 <style:style style:name="Council" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.1cm"/>
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="CouncilLeft" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/>
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Centred" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.05cm"/>
  <style:text-properties fo:font-size="9.5pt"/></style:style>
 <style:style style:name="Meeting" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Plain" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/></style:style>
 <style:style style:name="Label" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.05cm"/></style:style>
 <style:style style:name="AgendaHeading" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.35cm"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Item" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm" fo:margin-left="1.7cm" fo:text-indent="-1.7cm"/>
 </style:style>
 <style:style style:name="SubItem" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.1cm" fo:margin-left="2.4cm" fo:text-indent="-0.7cm"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9.5pt"/></style:style>
 <style:style style:name="CellHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="9.5pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="SheetNumber" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="SheetTitle" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="SheetText" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/></style:style>
 <style:style style:name="SheetHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="10pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.6cm"
   fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
 </style:page-layout>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Ruled" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="RuledHead" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"
   fo:background-color="#e7e6e6"/></style:style>
 <style:style style:name="Open" style:family="table-cell">
  <style:table-cell-properties fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:padding-top="0cm"
   fo:padding-bottom="0.3cm" fo:border="none"/></style:style>
 {automatic}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
"""


class Fodt:
    """A flat ODF text document built paragraph by paragraph (text is XML: escape it with esc())."""

    def __init__(self, title: str, creator: str) -> None:
        self.title, self.creator = title, creator
        self.body: list[str] = []
        self.automatic: list[str] = []
        self.tables = 0

    def p(self, text: str, style: str = "Plain") -> Fodt:
        self.body.append(f'<text:p text:style-name="{style}">{text}</text:p>')
        return self

    def table(self, rows: list[list[str | list[tuple[str, str]]]], widths_cm: list[float], cell: str,
              head_cell: str | None = None, indent_cm: float = 0.0) -> Fodt:
        """A table; a cell is a string (one paragraph, style 'Cell') or [(style, xml), ...] paragraphs;
        with head_cell the first row is a header in that cell style."""
        self.tables += 1
        name = f"Table{self.tables}"
        self.automatic.append(
            f'<style:style style:name="{name}" style:family="table"><style:table-properties '
            f'style:width="{sum(widths_cm):.2f}cm" table:align="margins" fo:margin-left="{indent_cm:.2f}cm" '
            f'fo:margin-right="{21 - 4.4 - indent_cm - sum(widths_cm):.2f}cm" fo:margin-bottom="0.3cm"/>'
            f'</style:style>')
        for index, width in enumerate(widths_cm):
            self.automatic.append(
                f'<style:style style:name="{name}.C{index}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width:.2f}cm"/></style:style>')
        xml = [f'<table:table table:name="{name}" table:style-name="{name}">']
        xml += [f'<table:table-column table:style-name="{name}.C{i}"/>' for i in range(len(widths_cm))]
        for r, row in enumerate(rows):
            head = head_cell is not None and r == 0
            cells = []
            for content in row:
                paragraphs = ([("CellHead" if head else "Cell", content)] if isinstance(content, str) else content)
                body = "".join(f'<text:p text:style-name="{style}">{text}</text:p>' for style, text in paragraphs)
                cells.append(f'<table:table-cell table:style-name="{head_cell if head else cell}" '
                             f'office:value-type="string">{body}</table:table-cell>')
            xml.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        xml.append("</table:table>")
        self.body.append("".join(xml))
        return self

    def xml(self) -> str:
        head = FODT_HEAD.format(title=escape(self.title), creator=escape(self.creator), size=11,
                                automatic="\n ".join(self.automatic))
        return head + "\n".join(self.body) + "\n" + FODT_TAIL


def esc(text: str) -> str:
    return escape(text)


def bold(text: str) -> str:
    return f'<text:span text:style-name="B">{esc(text)}</text:span>'


PARISH = [
    Item("2399.", "Apologies for absence", "To receive and consider approval of apologies for absence."),
    Item("2400", "Declarations of interest", "To receive declarations of disclosable pecuniary and other "
         "interests in items on this agenda, and to consider any written requests for dispensations."),
    Item("2401.", "Public participation", "A period of up to 15 minutes in which members of the public may "
         "address the Council on matters on this agenda."),
    Item("2402.", "Minutes", "To approve the minutes of the Parish Council meeting held on 9 December 2024 as a "
         "true record and to authorise the Chair to sign them."),
    Item("2403", "Clerk’s report and action log", "To note the Clerk’s report and progress on the actions "
         "from previous meetings:"),
    Item("2404.", "Planning applications received since the last meeting and decisions notified by Babergh "
         "District Council", "To consider the following applications and to note the decisions:",
         subitems=("a) DC/24/05871 – 12 The Street: single-storey rear extension and porch.",
                   "b) DC/24/06012 – Land east of Mill Lane: erection of two dwellings with garages.",
                   "c) DC/24/05120 – The Old Forge: notified decision, granted 18 December 2024.")),
    Item("2406", "Finance", "To approve the payments listed in the schedule, to note the bank reconciliation to "
         "31 December 2024 and to receive the budget monitoring report."),
    Item("2407.", "Precept 2025/26", "To agree the budget for 2025/26 and the precept to be requested from "
         "Babergh District Council."),
    Item("2408", "Highways and footpaths", "To receive reports of defects and to agree any to be reported to "
         "Suffolk Highways."),
    Item("2409.", "Correspondence", "To note the correspondence received since the last meeting."),
    Item("2410.", "Date of next meeting", "Monday 10 February 2025 at 7.30 pm in the Village Hall."),
]
PARISH_ACTIONS = [
    ["Minute", "Action", "Owner", "Status"],
    ["2371", "Report the blocked drain in Mill Lane to Suffolk Highways", "Clerk", "Done (ref. 1129845)"],
    ["2385", "Obtain three quotes for repairs to the bus shelter", "Cllr Pryke", "Two received"],
    ["2390", "Arrange the annual play area inspection", "Clerk", "Booked for 20 January"],
    ["2396", "Write to Babergh about the Church Lane street light", "Chair", "Open"],
]


def parish_build(target: Path) -> None:
    doc = Fodt("Great Bramford Parish Council: agenda, 13 January 2025", "Clerk to the Council")
    doc.p("GREAT BRAMFORD PARISH COUNCIL", "Council")
    doc.p(esc("Clerk: Mrs Helen Ward, The Parish Office, Church Lane, Great Bramford, Ipswich IP8 4AA"), "Centred")
    doc.p(esc("Tel: 01473 555012 · Email: clerk@greatbramford-pc.gov.uk"), "Centred")
    doc.p("FULL COUNCIL", "Meeting")
    doc.p("Monday 13 January 2025 at 7.30 pm, Great Bramford Village Hall, Church Lane", "Meeting")
    doc.p(esc("To all members of the Council: you are hereby summoned to attend the meeting of the Parish Council "
              "at the time and place above to transact the business set out below. Members of the public and "
              "press are welcome to attend."))
    doc.p(esc("Helen Ward, Clerk to the Council, 7 January 2025"), "Label")
    doc.p("AGENDA", "AgendaHeading")
    for item in PARISH:
        doc.p(f"{esc(item.number)}<text:tab/>{bold(item.heading)} {esc(item.description)}", "Item")
        for sub in item.subitems:
            doc.p(esc(sub), "SubItem")
        if item.number == "2403":
            doc.table([[esc(cell) for cell in row] for row in PARISH_ACTIONS], [1.6, 7.4, 2.2, 3.4], "Ruled",
                      head_cell="RuledHead", indent_cm=1.7)
    soffice_pdf(doc.xml(), target, CREATED)


# == 2. A town council committee's agenda: 1…N, no item 6, an action log numbered 5, 6, 7 (reportlab) ==
TOWN = [
    Item("1", "Apologies", "To receive apologies for absence."),
    Item("2", "Declarations of Interest", "To receive declarations of disclosable pecuniary interests and other "
         "interests in items on the agenda."),
    Item("3", "Minutes", "To approve the minutes of the meeting held on 13 February 2018 as a correct record."),
    Item("4", "Action Log", "To note progress on the actions agreed at previous meetings:"),
    Item("5", "Community Grant Applications", "To consider the applications received for the March round, set "
         "out in the report of the Community Grants Officer, and the ward budget summary."),
    Item("7", "Summer in Sutton Coldfield", "To receive an update on the events planned in Sutton Park for "
         "Saturday 7 and Sunday 8 July 2018 and the budget approved by Council."),
    Item("8", "Christmas Lights 2018", "To agree the specification for the tender for the installation of the "
         "Christmas lights in the town centre and the Four Oaks, Mere Green and Wylde Green centres."),
    Item("9", "Date of Next Meeting", "Tuesday 10 April 2018 at 6.30 pm in the Council Chamber."),
]
TOWN_ACTIONS = [
    ["Min.", "Action", "By", "Status"],
    ["5", "Publicise the March round of community grants", "Clerk", "Done"],
    ["6", "Report on repairs to the Christmas lights", "Town Clerk", "Due April 2018"],
    ["7", "Obtain quotes for a bench in Vesey Gardens", "RFO", "In progress"],
]
TEXT = ParagraphStyle("text", fontName="Helvetica", fontSize=10.5, leading=13.5)
SMALL = ParagraphStyle("small", parent=TEXT, fontSize=9.5, leading=12)
CENTRE = ParagraphStyle("centre", parent=TEXT, alignment=1)
COUNCIL = ParagraphStyle("council", parent=CENTRE, fontName="Helvetica-Bold", fontSize=15, leading=19)
HEAD = ParagraphStyle("head", parent=CENTRE, fontName="Helvetica-Bold", fontSize=11.5, leading=15)
NUMBER = ParagraphStyle("number", parent=TEXT, fontName="Helvetica-Bold")


def town_build(target: Path) -> None:
    story: list[Flowable] = [
        Paragraph("Royal Sutton Coldfield Town Council", COUNCIL),
        Paragraph("Amenities, Leisure and Community Services Committee", HEAD),
        Paragraph("Tuesday 13 March 2018 at 6.30 pm, Council Chamber, Sutton Coldfield Town Hall", CENTRE),
        Spacer(1, 10),
        Paragraph("Members of the Committee are summoned to attend the meeting above. The public are welcome; "
                  "questions may be put to the Committee under item 2 of the standing orders.", TEXT),
        Spacer(1, 12),
        Paragraph("AGENDA", HEAD),
        Spacer(1, 6),
    ]
    plain = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 7)])
    for item in TOWN:
        text = f"<b>{esc(item.heading)}</b> {esc(item.description)}"
        story.append(Table([[Paragraph(item.number, NUMBER), Paragraph(text, TEXT)]], colWidths=[1.1 * cm, 15.9 * cm],
                           style=plain, hAlign="LEFT"))
        if item.number == "4":
            cells = [[Paragraph(f"<b>{esc(c)}</b>" if r == 0 else esc(c), SMALL) for c in row]
                     for r, row in enumerate(TOWN_ACTIONS)]
            story.append(Table(cells, colWidths=[1.1 * cm, 10.3 * cm, 2.4 * cm, 3.2 * cm], hAlign="LEFT",
                               style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e7e6e6")),
                                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                 ("LEFTPADDING", (0, 0), (0, -1), 3)])))
            story.append(Spacer(1, 9))
    story += [Spacer(1, 14), Paragraph("Town Clerk, 6 March 2018", TEXT)]
    SimpleDocTemplate(str(target), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                      bottomMargin=18 * mm, title=target.stem, author="Town Clerk", invariant=1).build(story)


# == 3. A district council's front sheet: numbers alone in a narrow column (LibreOffice) ================
SCRUTINY = [
    Item("1.", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS", "To receive apologies for absence and to note any "
         "substitute members."),
    Item("2.", "DECLARATIONS OF INTEREST BY COUNCILLORS", "To receive any declarations of interest in items on "
         "this agenda."),
    Item("3.", "MINUTES OF THE MEETING HELD ON 20 JANUARY 2025", "To confirm the minutes as a correct record.",
         (1, 8)),
    Item("4.", "PUBLIC QUESTIONS", "To receive questions from members of the public under the Committee’s "
         "procedure rules."),
    Item("5.", "HOUSING REVENUE ACCOUNT BUSINESS PLAN 2025-2055", "Report of the Cabinet Member for Housing.",
         (9, 30)),
    Item("6.", "WASTE COLLECTION CONTRACT: PERFORMANCE REVIEW", "Report of the Director of Operations.", (31, 54)),
    Item("7.", "CABINET KEY DECISIONS", "To note the key decisions due to be taken by the Cabinet.", (55, 60)),
    Item("8.", "OVERVIEW AND SCRUTINY WORK PLAN", "To review the Committee’s work plan for 2025/26.", (61, 64)),
    Item("9.", "PROCUREMENT OF THE LEISURE CENTRE MANAGEMENT CONTRACT AND REVIEW OF FEES AND CHARGES FOR "
         "2025/26", "Report of the Director of Leisure and Communities.", (65, 90)),
    Item("10.", "URGENT BUSINESS", "Any other business which the Chair considers to be urgent."),
]


def scrutiny_build(target: Path) -> None:
    doc = Fodt("Mid Suffolk District Council: Overview and Scrutiny Committee, 17 March 2025",
               "Governance and Civic Office")
    doc.p("Mid Suffolk District Council", "CouncilLeft")
    doc.p("OVERVIEW AND SCRUTINY COMMITTEE", "Meeting")
    for label in ("DATE: Monday, 17 March 2025", "TIME: 9.30 am",
                  "VENUE: King Edmund Chamber, Endeavour House, 8 Russell Road, Ipswich",
                  "For more information please contact Committee Services: committees@baberghmidsuffolk.gov.uk"):
        doc.p(esc(label), "Label")
    doc.p("AGENDA", "AgendaHeading")
    rows: list[list[str | list[tuple[str, str]]]] = [
        [[("SheetHead", "Item")], [("SheetHead", "Business")], [("SheetHead", "Page(s)")]]]
    for item in SCRUTINY:
        pages_text = f"{item.pages[0]} - {item.pages[1]}" if item.pages else ""
        rows.append([[("SheetNumber", esc(item.number))],
                     [("SheetTitle", esc(item.heading)), ("SheetText", esc(item.description))],
                     [("SheetText", pages_text)]])
    doc.table(rows, [1.3, 12.3, 3.0], "Open")
    doc.p(esc("Date and time of the next meeting: Monday, 19 May 2025 at 9.30 am."), "Label")
    soffice_pdf(doc.xml(), target, CREATED)


# == 4. The same front sheet printed and scanned ==========================================================
SCAN_DPI = 200
SCAN_TURN = 0.6  # degrees, anticlockwise
SCAN_SEED = 2025


def scan(source: Path, target: Path, turn: float = SCAN_TURN, seed: int = SCAN_SEED) -> None:
    """The source's page rendered, turned, given grey noise, specks and a blur, saved as a JPEG and
    wrapped alone in a PDF page (no text layer), as a scanner would."""
    pdf = pdfium.PdfDocument(source)
    image = pdf[0].render(scale=SCAN_DPI / 72).to_pil().convert("L")
    pdf.close()
    image = image.rotate(turn, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.5))
    rng = random.Random(seed)
    image = ImageChops.subtract(image, _noise(image.size, rng, sigma=9.0))
    pixels = image.load()
    for _ in range(40):  # dust
        x, y = rng.randrange(image.width - 3), rng.randrange(image.height - 3)
        for dx in range(2):
            for dy in range(2):
                pixels[x + dx, y + dy] = 60
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    canvas.setTitle(target.stem)
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width=A4[0], height=A4[1])
    canvas.save()


def _noise(size: tuple[int, int], rng: random.Random, sigma: float) -> Image.Image:
    """Darkening grey noise (the absolute of a normal deviate times sigma), from a seeded generator:
    the same bytes on every run."""
    grid = [i / 1000 for i in range(-6000, 6001)]
    cdf = [0.5 * (1 + math.erf(x / math.sqrt(2))) for x in grid]
    quantiles = [grid[min(bisect.bisect_left(cdf, (value + 0.5) / 256), len(grid) - 1)] for value in range(256)]
    uniform = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return uniform.point([min(255, round(abs(q) * sigma)) for q in quantiles])


def scanned(build: Callable[[Path], None], turn: float, seed: int) -> Callable[[Path], None]:
    """A builder of the document `build` makes, printed and scanned."""
    def build_scanned(target: Path) -> None:
        with tempfile.TemporaryDirectory() as work:
            original = Path(work) / "original.pdf"
            build(original)
            scan(original, target, turn, seed)
    return build_scanned


SAMPLES = [
    Sample("great-bramford-parish-council-2025-01-13-agenda.pdf", "libreoffice",
           ("Great Bramford Parish Council", "Full Council", "2025-01-13"), PARISH, parish_build,
           [pages(1), wraps("Planning applications received since the last meeting and decisions notified by",
                            "Babergh District Council To consider"),
            in_order("2403", "Minute Action Owner Status", "2396", "2404.")]),
    Sample("royal-sutton-coldfield-amenities-2018-03-13-agenda.pdf", "reportlab",
           ("Royal Sutton Coldfield Town Council", "Amenities, Leisure and Community Services Committee",
            "2018-03-13"), TOWN, town_build,
           [pages(1), in_order("Action Log", "Min. Action By Status", "Vesey Gardens", "Community Grant")]),
    Sample("mid-suffolk-scrutiny-2025-03-17-agenda.pdf", "libreoffice",
           ("Mid Suffolk District Council", "Overview and Scrutiny Committee", "2025-03-17"), SCRUTINY,
           scrutiny_build, [pages(1), wraps("LEISURE CENTRE MANAGEMENT", "CONTRACT AND REVIEW")]),
    Sample("mid-suffolk-scrutiny-2025-03-17-agenda-scanned.pdf", "scanned",
           ("Mid Suffolk District Council", "Overview and Scrutiny Committee", "2025-03-17"), SCRUTINY,
           scanned(scrutiny_build, SCAN_TURN, SCAN_SEED), [pages(1), image_only]),
    Sample("great-bramford-parish-council-2025-01-13-agenda-scanned.pdf", "scanned",
           ("Great Bramford Parish Council", "Full Council", "2025-01-13"), PARISH,
           scanned(parish_build, -0.45, SCAN_SEED + 1), [pages(1), image_only]),
]


if __name__ == "__main__":
    write_samples(SAMPLES, OUT, sys.argv[1:])
