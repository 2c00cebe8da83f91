"""Generate the partner-contribution layout samples in raw_docs/ and what a correct pipeline must find.

    python scripts/make_layout_samples.py            # all of them
    python scripts/make_layout_samples.py cornwall   # only those whose file name contains 'cornwall'

Seven council reports whose contributions tables are laid out the ways real ones are:

1. a descriptive column after the amount ('Basis', 'Notes', 'Funding source') and the amount column
   not the last one (Ref | Partner | Amount | Basis, Partner | Amount | Share | Funding source);
2. figures in thousands or millions with the unit only in the header ('(£000s)', '£k', '£m') and
   cells without a £ sign and with one decimal place ('1,250.0' meaning £1,250,000; '0.3' under
   £m meaning £300,000);
3. a page set in two text columns (a briefing or bulletin) with the dash or bullet list of
   contributions in one column and prose in the other, their lines side by side;
4. the period written '2022-23', '2022–23', 'FY 2022/23', 'Year 2023/24', 'for 2023 to 2024',
   in the caption or in the amount column's header;
5. a long table (19 partner rows) running over a page break with its header row repeated at the
   top of the next page and a total row at the end.

Three are written as flat ODF (.fodt) and converted with LibreOffice, as councils' Word reports
are; four are laid out with reportlab (platypus Tables and Paragraphs, Frames for two columns).
Needs: reportlab and pypdfium2 (the project's dependencies) and LibreOffice Writer
(`apt-get install -y libreoffice-writer-nogui`, giving `soffice`); the fonts are Liberation Sans
(installed with LibreOffice) and reportlab's Helvetica. Output is byte-identical from run to run
(reportlab's invariant mode; LibreOffice's conversion time, /ID and checksum replaced by fixed
values), given the same LibreOffice version: another version may set the text slightly
differently, which the layout checks below catch.

The expected extraction of each (raw_docs/expected/<name>.json, in the contract's format) is
written from the same figures the document is drawn from; the page where each table starts is
found in the built PDF from the table's first printed line, and the script fails if a layout
did not come out as designed (the long table not crossing the page break, a list line wrapped).
Planted faults and the checks they must raise are listed with each sample.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sample_kit import FODT_PROLOGUE, FODT_TAIL, soffice_pdf, write_samples

OUT = Path(__file__).resolve().parents[1] / "raw_docs"
CREATED = "20240101090000"  # the creation time written into the LibreOffice samples (reproducible bytes)
D = Decimal


# -- the expected extraction ----------------------------------------------------------------------
def number(value: Decimal | None) -> int | float | None:
    """Pounds (or a percentage) as the contract gives them: 83424, 83424.5."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Contributions:
    """One contributions table or list as the document states it."""

    period: str
    marker: str  # the table's first printed line (its header or first row): where it starts
    rows: list[tuple[str, Decimal, Decimal | None]]  # partner, amount in pounds, share as printed
    stated_total: Decimal | None

    def expected(self, page: int) -> dict[str, Any]:
        return {"period": self.period, "page": page, "stated_total": number(self.stated_total),
                "rows": [{"partner": p, "amount": number(a), "share_pct": number(s)} for p, a, s in self.rows]}


@dataclass
class Sample:
    name: str
    generator: str  # 'libreoffice' or 'reportlab'
    meeting: tuple[str, str, str]  # council, committee, ISO date: as printed on page 1
    tables: list[Contributions]
    issues: list[str]  # the check codes the planted faults must raise
    build: Callable[[Path], None]  # writes the PDF to the path given
    checks: list[Callable[[pdfium.PdfDocument], None]] = field(default_factory=list)  # layout as designed

    def expected(self, pdf: pdfium.PdfDocument) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.name, "page_count": len(pdf),
            "meeting": dict(zip(("council", "committee", "date"), self.meeting, strict=True)),
            "agenda_items": [],
            "contribution_tables": [table.expected(page_of(pdf, table.marker)) for table in self.tables],
            "forward_plan": [], "expected_issues": sorted(self.issues),
        }
        data["issues"] = [{"check": code} for code in data["expected_issues"]]
        return data


def page_texts(pdf: pdfium.PdfDocument) -> list[str]:
    texts = []
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        texts.append(" ".join(textpage.get_text_range().replace("\r", " ").replace("\n", " ").split()))
    return texts


def page_of(pdf: pdfium.PdfDocument, marker: str) -> int:
    """The first page (1-based) whose text holds the marker."""
    wanted = " ".join(marker.split())
    for number_, text in enumerate(page_texts(pdf), start=1):
        if wanted in text:
            return number_
    raise SystemExit(f"layout check failed: {wanted!r} is on no page")


def lines_intact(*lines: str) -> Callable[[pdfium.PdfDocument], None]:
    """Each list line is printed on one line (not wrapped), so the list reads as designed."""
    def check(pdf: pdfium.PdfDocument) -> None:
        raw = "\n".join(pdf[i].get_textpage().get_text_range().replace("\r", "") for i in range(len(pdf)))
        for line in lines:
            if line not in raw:
                raise SystemExit(f"layout check failed: {line!r} is not printed on one line")
    return check


def one_page(pdf: pdfium.PdfDocument) -> None:
    """The briefing fits its one page (the header in its frame, the two columns side by side)."""
    if len(pdf) != 1:
        raise SystemExit(f"layout check failed: the briefing runs to {len(pdf)} pages")


def spans_pages(header: str, first_row: str, last_row: str) -> Callable[[pdfium.PdfDocument], None]:
    """The table starts on one page and ends on the next, with its header printed on both."""
    def check(pdf: pdfium.PdfDocument) -> None:
        start, end = page_of(pdf, first_row), page_of(pdf, last_row)
        texts = page_texts(pdf)
        if end != start + 1 or header not in texts[start - 1] or header not in texts[end - 1]:
            raise SystemExit(f"layout check failed: the table does not break from page {start} to {start + 1} "
                             "with its header repeated")
    return check


def pounds(amount: Decimal, pence: bool = False) -> str:
    return f"£{amount:,.2f}" if pence else f"£{amount:,.0f}"


def scaled(amount: Decimal, unit: Decimal) -> str:
    """An amount printed in thousands or millions to one decimal place: 1250000 in £000s -> '1,250.0'."""
    value = amount / unit
    assert value == value.quantize(D("0.1")), f"{amount} does not print exactly in units of {unit}"
    return f"{value:,.1f}"


# -- LibreOffice: flat ODF text documents converted to PDF -----------------------------------------
FODT_HEAD = FODT_PROLOGUE + """\
 <style:style style:name="Council" style:family="paragraph">
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Meeting" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.25cm" fo:margin-left="1.1cm" fo:text-indent="-1.1cm"/></style:style>
 <style:style style:name="Plain" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ColumnHeading" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.15cm" fo:break-before="column"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Bullet" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.08cm"/><style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="BulletLast" style:family="paragraph" style:parent-style-name="Bullet">
  <style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="{cell}pt"/></style:style>
 <style:style style:name="CellHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="{cell}pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="CellNum" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:text-align="end"/>
  <style:text-properties fo:font-size="{cell}pt"/></style:style>
 <style:style style:name="CellHeadNum" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:text-align="end"/>
  <style:text-properties fo:font-size="{cell}pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.8cm"
   fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="HeadCell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"
   fo:background-color="#d9e2f3"/></style:style>
 <style:style style:name="InfoLabel" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080"
   fo:background-color="#eeeeee"/></style:style>
 <style:style style:name="InfoValue" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>
 <style:style style:name="TwoColumns" style:family="section">
  <style:section-properties text:dont-balance-text-columns="true">
   <style:columns fo:column-count="2" fo:column-gap="0.7cm"/></style:section-properties></style:style>
 {automatic}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">{footer}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""
KEEP = ' style:may-break-between-rows="false"'


class Fodt:
    """A flat ODF text document built paragraph by paragraph."""

    def __init__(self, title: str, footer: str = 'Page <text:page-number text:select-page="current"/>',
                 size: float = 11, cell: float = 10) -> None:
        self.title, self.footer, self.size, self.cell = title, footer, size, cell
        self.body: list[str] = []
        self.automatic: list[str] = []
        self.tables = 0

    def p(self, text: str, style: str = "Plain") -> Fodt:
        """A paragraph; text is already XML (escape it with esc() when it holds &, < or >)."""
        self.body.append(f'<text:p text:style-name="{style}">{text}</text:p>')
        return self

    def numbered(self, number_: str, text: str) -> Fodt:
        return self.p(f"{number_}<text:tab/>{text}", "Body")

    def raw(self, xml: str) -> Fodt:
        self.body.append(xml)
        return self

    def table(self, rows: list[list[str]], widths_cm: list[float], numeric: set[int], header_rows: int = 1,
              repeat_header: bool = True, bold_last: bool = False, info: bool = False,
              keep_together: bool = False) -> Fodt:
        """A ruled table; columns in `numeric` are right-aligned; the header row repeats on every page;
        a table kept together moves whole to the next page rather than break."""
        self.tables += 1
        name = f"Table{self.tables}"
        self.automatic.append(
            f'<style:style style:name="{name}" style:family="table"><style:table-properties '
            f'style:width="{sum(widths_cm):.2f}cm" table:align="left" fo:margin-bottom="0.2cm"'
            f'{KEEP if keep_together else ""}/></style:style>')
        for index, width in enumerate(widths_cm):
            self.automatic.append(
                f'<style:style style:name="{name}.C{index}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{width:.2f}cm"/></style:style>')
        xml = [f'<table:table table:name="{name}" table:style-name="{name}">']
        xml += [f'<table:table-column table:style-name="{name}.C{i}"/>' for i in range(len(widths_cm))]

        def row_xml(row: list[str], head: bool) -> str:
            cells = []
            for index, text in enumerate(row):
                if info:
                    cell_style, para = ("InfoLabel", "CellHead") if index == 0 else ("InfoValue", "Cell")
                else:
                    cell_style = "HeadCell" if head else "Cell"
                    para = ("CellHead" if head else "Cell") if index not in numeric else (
                        "CellHeadNum" if head else "CellNum")
                cells.append(f'<table:table-cell table:style-name="{cell_style}" office:value-type="string">'
                             f'<text:p text:style-name="{para}">{text}</text:p></table:table-cell>')
            return "<table:table-row>" + "".join(cells) + "</table:table-row>"

        head, body = rows[:header_rows], rows[header_rows:]
        if head:
            wrap = ("<table:table-header-rows>", "</table:table-header-rows>") if repeat_header else ("", "")
            xml.append(wrap[0] + "".join(row_xml(r, True) for r in head) + wrap[1])
        for index, row in enumerate(body):
            if bold_last and index == len(body) - 1:
                row = [f'<text:span text:style-name="B">{text}</text:span>' if text else text for text in row]
            xml.append(row_xml(row, False))
        xml.append("</table:table>")
        if bold_last and not any('style:name="B"' in a for a in self.automatic):
            self.automatic.append('<style:style style:name="B" style:family="text">'
                                  '<style:text-properties fo:font-weight="bold"/></style:style>')
        self.body.append("".join(xml))
        return self

    def xml(self) -> str:
        head = FODT_HEAD.format(title=escape(self.title), creator="Democratic Services", size=self.size, cell=self.cell,
                                automatic="\n ".join(self.automatic), footer=self.footer)
        return head + "\n".join(self.body) + "\n" + FODT_TAIL


def esc(text: str) -> str:
    return escape(text)


def info_rows(pairs: list[tuple[str, str]]) -> list[list[str]]:
    return [[esc(label), esc(value)] for label, value in pairs]


# -- reportlab ------------------------------------------------------------------------------------
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=13.5, spaceAfter=6)
NUMBERED = ParagraphStyle("numbered", parent=BODY, leftIndent=28, bulletIndent=0, bulletFontName="Helvetica",
                          bulletFontSize=10.5)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
COUNCIL = ParagraphStyle("council", parent=BOLD, fontSize=16, leading=20, spaceAfter=2)
MEETING = ParagraphStyle("meeting", parent=BOLD, fontSize=11, leading=14, spaceAfter=1)
TITLE = ParagraphStyle("title", parent=BOLD, fontSize=13.5, leading=17, spaceBefore=8, spaceAfter=8)
HEADING = ParagraphStyle("heading", parent=BOLD, fontSize=11.5, leading=14, spaceBefore=8, spaceAfter=5)
CAPTION = ParagraphStyle("caption", parent=BOLD, fontSize=10, leading=12.5, spaceBefore=4, spaceAfter=4)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
CELL_BOLD = ParagraphStyle("cellbold", parent=CELL, fontName="Helvetica-Bold")
CELL_NUM = ParagraphStyle("cellnum", parent=CELL, alignment=TA_RIGHT)
CELL_NUM_BOLD = ParagraphStyle("cellnumbold", parent=CELL_NUM, fontName="Helvetica-Bold")


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


def numbered(number_: str, text: str) -> Paragraph:
    return Paragraph(text, NUMBERED, bulletText=number_)


def rl_table(rows: list[list[str]], widths: list[float], numeric: set[int], style: TableStyle,
             bold_last: bool = False) -> Table:
    cells = []
    for r, row in enumerate(rows):
        head, last = r == 0, bold_last and r == len(rows) - 1
        cells.append([para(text, (CELL_NUM_BOLD if head or last else CELL_NUM) if c in numeric else
                           (CELL_BOLD if head or last else CELL)) for c, text in enumerate(row)])
    return Table(cells, colWidths=widths, style=style, hAlign="LEFT", repeatRows=1)


def rl_build(target: Path, story: list[Flowable], footer: Callable[[int], str] | None = None,
             templates: list[PageTemplate] | None = None) -> None:
    def decorate(canvas: Any, _document: Any) -> None:
        if footer:
            canvas.setFont("Helvetica", 8.5)
            canvas.drawCentredString(A4[0] / 2, 11 * mm, footer(canvas.getPageNumber()))

    margin = 20 * mm
    if templates is None:
        templates = [PageTemplate(id="page", pagesize=A4, onPage=decorate, frames=[
            Frame(margin, margin, A4[0] - 2 * margin, A4[1] - 2 * margin, id="body")])]
    else:
        for template in templates:
            template.onPage = decorate
    document = BaseDocTemplate(str(target), pageTemplates=templates, title=target.stem,
                               author="Democratic Services", invariant=1)
    document.build(story)


# == 1. Cornwall Council Cabinet, 13 March 2024 (LibreOffice) ========================================
# Ref | Partner | Contribution 2023–24 (£) | Basis of contribution: the amount is the third of four
# columns, the period is in its header with an en dash, and the Basis cells hold figures and years.
# No faults: the rows add up to the stated total.
CORNWALL = [
    ("SC1", "Cornwall Council", D(182500), "Public health grant and general fund; agreed in the 2023/24 budget"),
    ("SC2", "Devon and Cornwall Police", D(95000), "Fixed sum agreed by the Partnership Board in 2021"),
    ("SC3", "Devon and Cornwall Police and Crime Commissioner", D(120000),
     "Community Safety Grant, paid quarterly in advance"),
    ("SC4", "NHS Cornwall and Isles of Scilly ICB", D(64250), "Drug and alcohol treatment commissioning"),
    ("SC5", "Cornwall Fire and Rescue Service", D(12000), "Cash contribution, reviewed annually"),
    ("SC6", "Probation Service (Devon and Cornwall)", D(8750), "Ministry of Justice regional allocation"),
    ("SC7", "Council of the Isles of Scilly", D(2500), "Pro rata to resident population"),
]
CORNWALL_TOTAL = sum(amount for _, _, amount, _ in CORNWALL)  # £485,000


def cornwall_build(target: Path) -> None:
    doc = Fodt("Safer Cornwall Partnership: community safety funding")
    doc.p("Cornwall Council", "Council").p("Cabinet", "Meeting").p("Date: 13 March 2024", "Meeting")
    doc.p("Safer Cornwall Partnership: Community Safety Funding and Priorities 2024/25", "Title")
    doc.table(info_rows([
        ("Portfolio Holder", "Councillor Carol Mould, Portfolio Holder for Neighbourhoods"),
        ("Divisions Affected", "All"),
        ("Report author", "Head of Community Safety, Neighbourhoods Directorate"),
        ("Decision type", "Key decision; included in the Forward Plan"),
        ("Report status", "Public"),
    ]), [4.2, 12.4], set(), header_rows=0, info=True)
    doc.p("1. Recommendations", "Heading")
    doc.numbered("1.1", "That Cabinet notes the partner contributions to the Safer Cornwall pooled budget for "
                        "2023–24 set out in Table 1.")
    doc.numbered("1.2", "That Cabinet approves the Council’s contribution for 2024/25 at the same cash level, "
                        "subject to the outcome of the Partnership Board’s review of the funding formula.")
    doc.p("2. Purpose of the report", "Heading")
    doc.numbered("2.1", "Safer Cornwall is the statutory community safety partnership for Cornwall and the Isles "
                        "of Scilly. Under the Crime and Disorder Act 1998 the responsible authorities must work "
                        "together to reduce crime and disorder, substance misuse and reoffending.")
    doc.numbered("2.2", "The partnership’s priorities for 2024/25 are domestic abuse and sexual violence, drug and "
                        "alcohol related harm, anti-social behaviour, serious violence and safer towns. The "
                        "Strategic Assessment presented to the Partnership Board in January 2024 confirmed these "
                        "priorities and the work programme set out in Appendix 1.")
    doc.numbered("2.3", "The partnership is funded from a pooled budget held by the Council as accountable body. "
                        "Each responsible authority contributes on the basis agreed by the Board; the Police and "
                        "Crime Commissioner’s Community Safety Grant is the largest external contribution.")
    doc.p("3. Financial implications", "Heading")
    doc.numbered("3.1", "The contributions made by the partners to the pooled budget in the last financial year "
                        "are shown below.")
    doc.p("Table 1: Partner contributions to the Safer Cornwall pooled budget", "Caption")
    rows = [["Ref", "Partner", "Contribution<text:line-break/>2023–24 (£)", "Basis of contribution"]]
    rows += [[ref, esc(partner), pounds(amount), esc(basis)] for ref, partner, amount, basis in CORNWALL]
    rows += [["", "Total", pounds(CORNWALL_TOTAL), ""]]
    doc.table(rows, [1.2, 5.6, 3.4, 6.4], numeric={2}, bold_last=True, keep_together=True)
    doc.numbered("3.2", "The Council’s contribution is met from the public health grant (£120,000) and the general "
                        "fund (£62,500). No growth is requested for 2024/25; any shortfall arising from the review "
                        "of the funding formula will be met from the partnership’s reserve.")
    doc.numbered("3.3", "The Police and Crime Commissioner has confirmed the Community Safety Grant for 2024/25 at "
                        "the 2023/24 level.")
    doc.p("4. Legal implications", "Heading")
    doc.numbered("4.1", "The Council is a responsible authority under section 5 of the Crime and Disorder Act 1998 "
                        "and must have regard to the partnership’s strategy when exercising its functions.")
    doc.p("5. Risks", "Heading")
    doc.numbered("5.1", "A reduction in any partner’s contribution would reduce the commissioning budget for "
                        "domestic abuse services, which are already under pressure from rising demand.")
    doc.p("Background papers: Safer Cornwall Strategic Assessment 2023/24; Partnership Plan 2022–2025.")
    soffice_pdf(doc.xml(), target, CREATED)


CORNWALL_SAMPLE = Sample(
    "cornwall-cabinet-2024-03-13-safer-cornwall.pdf", "libreoffice", ("Cornwall Council", "Cabinet", "2024-03-13"),
    [Contributions("2023/24", "Ref Partner Contribution 2023–24 (£) Basis of contribution",
                   [(p, a, None) for _, p, a, _ in CORNWALL], CORNWALL_TOTAL)],
    [], cornwall_build)


# == 2. Devon County Council Cabinet, 13 September 2023 (reportlab) ==================================
# Partner | Contribution (£000s) | Share (%) | Funding source: figures in thousands to one decimal
# place with the unit only in the header, shares without a % sign, the period as 'FY 2022/23' in
# the caption. Planted fault: the police share is printed 8.6 where 148.5 / 2,255.4 is 6.6%.
DEVON = [  # partner, amount (£), share as printed, funding source
    ("Devon County Council", D(1250000), D("55.4"), "Base budget (Children's Services)"),
    ("Devon and Cornwall Police", D(148500), D("8.6"), "Police core grant"),
    ("NHS Devon ICB", D(212000), D("9.4"), "ICB baseline allocation"),
    ("Probation Service", D(61400), D("2.7"), "Ministry of Justice"),
    ("Office of the Police and Crime Commissioner", D(96200), D("4.3"), "Community Safety Fund"),
    ("Youth Justice Board", D(487300), D("21.6"), "Youth Justice Grant"),
]
DEVON_TOTAL = sum(amount for _, amount, _, _ in DEVON)  # £2,255,400


def devon_build(target: Path) -> None:
    thousand = D(1000)
    rows = [["Partner", "Contribution (£000s)", "Share (%)", "Funding source"]]
    rows += [[p, scaled(a, thousand), f"{s:.1f}", src] for p, a, s, src in DEVON]
    rows += [["Total", scaled(DEVON_TOTAL, thousand), "100.0", ""]]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dbe5f1")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story: list[Flowable] = [
        para("CS/23/31", ParagraphStyle("ref", parent=BODY, alignment=TA_RIGHT, fontName="Helvetica-Bold")),
        para("Devon County Council", COUNCIL), para("Cabinet", MEETING), para("13 September 2023", MEETING),
        para("Devon Youth Justice Service: Partnership Funding and Youth Justice Plan", TITLE),
        para("Report of the Director of Children and Young People’s Futures", BOLD),
        para("<i>Please note that the following recommendations are subject to consideration and determination "
             "by the Cabinet (and confirmation under the provisions of the Council’s Constitution) before taking "
             "effect.</i>"),
        para("1) Recommendation", HEADING),
        numbered("1.1", "That the Cabinet notes the partner contributions to the Youth Justice Service for "
                        "2022/23 and endorses the Youth Justice Plan 2023–2025 for adoption by Council."),
        para("2) Background", HEADING),
        numbered("2.1", "The Crime and Disorder Act 1998 requires the local authority, with the police, probation "
                        "and health, to establish a youth offending team and to fund it. The Devon Youth Justice "
                        "Service is hosted by the County Council and overseen by the Youth Justice Management "
                        "Board, chaired by the Director of Children and Young People’s Futures."),
        numbered("2.2", "Each statutory partner contributes cash to a pooled budget, supplemented by the Youth "
                        "Justice Grant from the Youth Justice Board. Contributions in kind (seconded officers and "
                        "accommodation) are not included below."),
        para("3) Performance", HEADING),
        numbered("3.1", "First time entrants to the youth justice system fell by 18% in 2022/23, and the "
                        "reoffending rate remains below the national average. Use of custody remains very low."),
        para("4) Financial Considerations", HEADING),
        numbered("4.1", "The partner contributions to the pooled budget for the last financial year are set out "
                        "in Table 2."),
        KeepTogether([para("Table 2: Partner contributions to the Youth Justice Service, FY 2022/23", CAPTION),
                      rl_table(rows, [170, 90, 55, 175], numeric={1, 2}, style=grid, bold_last=True)]),
        Spacer(1, 6),
        numbered("4.2", "The Youth Justice Grant for 2023/24 has been confirmed at £512,000. Partners have agreed "
                        "to hold their cash contributions for 2023/24 at the 2022/23 level while the Management "
                        "Board reviews the funding formula against the national guidance on partner "
                        "contributions."),
        numbered("4.3", "The County Council’s contribution is contained within the Children’s Services base "
                        "budget; there is no request for additional funding in this report."),
        para("5) Legal Considerations", HEADING),
        numbered("5.1", "The Council must publish a youth justice plan each year under section 40 of the Crime and "
                        "Disorder Act 1998. The Plan is part of the Council’s Policy Framework and so must be "
                        "approved by full Council."),
        para("6) Risk Management Considerations", HEADING),
        numbered("6.1", "The principal risk is a reduction in partner funding; this is mitigated by the Management "
                        "Board’s annual review of contributions and a small earmarked reserve."),
        Spacer(1, 8),
        para("Electoral Divisions: All", BOLD),
        para("Cabinet Member for Children’s Services and Schools: Councillor Andrew Leadbetter"),
        para("Contact for enquiries: Head of Youth Justice, County Hall, Topsham Road, Exeter, EX2 4QD"),
    ]
    rl_build(target, story, footer=lambda page: f"Page {page}")


DEVON_SAMPLE = Sample(
    "devon-cabinet-2023-09-13-youth-justice.pdf", "reportlab", ("Devon County Council", "Cabinet", "2023-09-13"),
    [Contributions("2022/23", "Table 2: Partner contributions to the Youth Justice Service, FY 2022/23",
                   [(p, a, s) for p, a, s, _ in DEVON], DEVON_TOTAL)],
    ["contribution_share_mismatch"], devon_build)


# == 3. Norfolk County Council Cabinet, 5 February 2024 (LibreOffice) ================================
# Contributor | Amount (£m) | Notes: figures in millions to one decimal place ('0.3' is £300,000),
# the period as 'Year 2023/24' in the caption, notes holding a percentage. Planted fault: the total
# row says 141.9 where the rows add up to 141.6 (a transposed digit): £300,000 out.
NORFOLK = [
    ("Norfolk County Council", D(44600000), "Improved Better Care Fund and Adult Social Care Discharge Fund"),
    ("NHS Norfolk and Waveney ICB", D(86900000), "NHS minimum contribution (uplifted by 5.66%)"),
    ("Breckland District Council", D(1600000), "Housing adaptations and homelessness prevention"),
    ("Broadland District Council", D(1200000), "Housing adaptations"),
    ("Great Yarmouth Borough Council", D(1100000), "Housing adaptations"),
    ("King's Lynn and West Norfolk Borough Council", D(1900000), "Housing adaptations and handyperson service"),
    ("North Norfolk District Council", D(1300000), "Housing adaptations"),
    ("Norwich City Council", D(1500000), "Housing adaptations and homelessness prevention"),
    ("South Norfolk Council", D(1200000), "Housing adaptations"),
    ("Norfolk Community Health and Care NHS Trust", D(300000), "Additional voluntary contribution"),
]
NORFOLK_STATED = D(141900000)  # the rows add up to £141,600,000


def norfolk_build(target: Path) -> None:
    million = D(1000000)
    doc = Fodt("Better Care Fund pooled budget")
    doc.p("Norfolk County Council", "Council").p("Cabinet", "Meeting").p("Item No: 11", "Plain")
    doc.table(info_rows([
        ("Report Title", "Better Care Fund and Section 75 Pooled Budget"),
        ("Date of Meeting", "5 February 2024"),
        ("Responsible Cabinet Member", "Cllr Alison Thomas (Cabinet Member for Adult Social Care)"),
        ("Responsible Director", "James Bullion, Executive Director of Adult Social Services"),
        ("Is this a Key Decision?", "Yes"),
    ]), [5.2, 11.4], set(), header_rows=0, info=True)
    doc.p("Executive Summary", "Heading")
    doc.p("The Better Care Fund (BCF) brings together health and social care funding in a pooled budget under a "
          "section 75 agreement between the County Council and NHS Norfolk and Waveney Integrated Care Board. "
          "This report sets out the contributions made to the pool, the performance of the schemes it funds and "
          "the proposed arrangements for 2024/25.")
    doc.p("Recommendations", "Heading")
    doc.p("Cabinet is asked to:")
    doc.numbered("1.", "Note the contributions to the pooled fund in Table 3 and the outturn of the BCF schemes.")
    doc.numbered("2.", "Delegate to the Executive Director of Adult Social Services, in consultation with the "
                       "Cabinet Member for Adult Social Care, authority to agree the section 75 agreement for "
                       "2024/25.")
    doc.p("1. Background and Purpose", "Heading")
    doc.numbered("1.1", "The BCF is the only mandatory policy to facilitate integration between health and social "
                        "care. Its national conditions require the NHS minimum contribution to be pooled with the "
                        "Disabled Facilities Grant and the improved Better Care Fund.")
    doc.numbered("1.2", "The district councils add their own funding for housing adaptations and homelessness "
                        "prevention, recognising the part housing plays in hospital discharge.")
    doc.p("2. Financial Implications", "Heading")
    doc.numbered("2.1", "The contributions made by each partner to the pool are set out in Table 3.")
    doc.p("Table 3: Contributions to the pooled fund, Year 2023/24", "Caption")
    rows = [["Contributor", "Amount (£m)", "Notes"]]
    rows += [[esc(p), scaled(a, million), esc(n)] for p, a, n in NORFOLK]
    rows += [["Total pooled fund", scaled(NORFOLK_STATED, million), ""]]
    doc.table(rows, [6.4, 2.6, 7.6], numeric={1}, bold_last=True, keep_together=True)
    doc.numbered("2.2", "The Adult Social Care Discharge Fund was paid to the County Council and the Integrated "
                        "Care Board in two tranches and has been pooled in full.")
    doc.numbered("2.3", "There is no additional cost to the County Council arising from this report.")
    doc.p("3. Risk Implications", "Heading")
    doc.numbered("3.1", "The principal risk is the continued pressure on hospital discharge over the winter; the "
                        "BCF plan includes a contingency held within the pool.")
    doc.p("Officer Contact: Director of Commissioning, Adult Social Services. Tel: 01603 222222.")
    soffice_pdf(doc.xml(), target, CREATED)


NORFOLK_SAMPLE = Sample(
    "norfolk-cabinet-2024-02-05-better-care-fund.pdf", "libreoffice",
    ("Norfolk County Council", "Cabinet", "2024-02-05"),
    [Contributions("2023/24", "Table 3: Contributions to the pooled fund, Year 2023/24",
                   [(p, a, None) for p, a, _ in NORFOLK], NORFOLK_STATED)],
    ["contribution_total_mismatch"], norfolk_build)


# == 4. Hampshire County Council select committee, 16 January 2024 (reportlab, two columns) ==========
# A briefing set in two text columns: numbered prose on the left, beside it on the right a dash list
# of contributions ('Hampshire County Council - £162,400') with a total line, the period as
# '2022-23' in the list's heading. No faults.
HAMPSHIRE = [
    ("Hampshire County Council", D(162400)), ("Hampshire Constabulary", D(41500)),
    ("NHS Hampshire and Isle of Wight ICB", D(58000)), ("HIW Fire and Rescue Service", D(6200)),
    ("Probation Service", D(4100)), ("Southern Health NHS FT", D(10000)), ("Hampshire Hospitals NHS FT", D(7500)),
]
HAMPSHIRE_TOTAL = sum(amount for _, amount in HAMPSHIRE)  # £289,700


def hampshire_build(target: Path) -> None:
    margin, gap = 18 * mm, 7 * mm
    width = A4[0] - 2 * margin
    column = (width - gap) / 2
    header_height = 52 * mm
    top = A4[1] - margin
    frames = [
        Frame(margin, top - header_height, width, header_height, id="header", showBoundary=0),
        Frame(margin, margin, column, top - header_height - margin, id="left"),
        Frame(margin + column + gap, margin, column, top - header_height - margin, id="right"),
    ]
    later = [Frame(margin, margin, column, top - margin, id="left2"),
             Frame(margin + column + gap, margin, column, top - margin, id="right2")]
    small = ParagraphStyle("small", parent=BODY, fontSize=9.5, leading=12.2, spaceAfter=5)
    small_numbered = ParagraphStyle("smallnumbered", parent=small, leftIndent=16, bulletIndent=0,
                                    bulletFontName="Helvetica", bulletFontSize=9.5)
    side_heading = ParagraphStyle("sideheading", parent=HEADING, fontSize=10.5, leading=13, spaceBefore=4)
    dash = ParagraphStyle("dash", parent=small, spaceAfter=1.5)
    rule = Table([[""]], colWidths=[width], style=TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.2,
                                                                colors.HexColor("#1f4e79"))]))
    left_paras = [
        "The Hampshire Safeguarding Adults Board (HSAB) is the statutory board required by section 43 of the "
        "Care Act 2014. It brings together the County Council, the police and the NHS with other agencies to "
        "assure itself that local safeguarding arrangements work and help adults at risk.",
        "The Board met four times in 2022-23 and held two development sessions, on self-neglect and on "
        "transitional safeguarding for young people moving into adult services.",
        "Safeguarding concerns received by Adults' Health and Care rose by 9% on the previous year. Around a "
        "third led to a section 42 enquiry, in line with the regional picture.",
        "Two Safeguarding Adults Reviews were published. Both found that agencies shared information too late "
        "and that the person's own views were not recorded; the Board's learning briefings on both have been "
        "circulated to all partner agencies.",
        "The Board's priorities for 2023-25 are self-neglect and hoarding, exploitation and modern slavery, "
        "and making safeguarding personal, with a stronger voice for people with lived experience.",
        "The statutory partners fund the Board's business unit, its independent chair and the cost of "
        "commissioning reviews. The contributions for the year are set out opposite.",
        "Members are asked to note the Board's annual report and the partner contributions, and to comment on "
        "the Board's priorities for the next two years.",
    ]
    right_intro = ("The Board's budget is met by cash contributions from its statutory and associate partners, "
                   "agreed each year by the Board's Executive Group.")
    right_after = [
        "The Council's share is unchanged from 2021-22. Contributions in kind, such as the police lead for "
        "exploitation and the NHS designated professionals, are not included.",
        "Reserves carried forward at 31 March 2023 were £21,300, held against the cost of future reviews.",
        "Further information: HSAB Business Unit, Elizabeth II Court North, The Castle, Winchester, SO23 8UQ.",
    ]
    story: list[Flowable] = [
        para("Hampshire County Council", COUNCIL),
        para("Health and Adult Social Care Select Committee", MEETING),
        para("Date of meeting: 16 January 2024", MEETING),
        para("Hampshire Safeguarding Adults Board: Annual Briefing 2022-23", TITLE),
        para("Report of the Director of Adults’ Health and Care. For information.", BODY),
        rule, FrameBreak(), NextPageTemplate("later"),
    ]
    story += [para("About the Board", side_heading)]
    story += [Paragraph(text, small_numbered, bulletText=f"{n}.") for n, text in enumerate(left_paras, start=1)]
    story += [FrameBreak(), para("Partner contributions 2022-23", side_heading), para(right_intro, small)]
    story += [para(f"{partner} - {pounds(amount)}", dash) for partner, amount in HAMPSHIRE]
    story += [para(f"Total - {pounds(HAMPSHIRE_TOTAL)}", ParagraphStyle("dashbold", parent=dash,
                                                                       fontName="Helvetica-Bold")), Spacer(1, 6)]
    story += [para(text, small) for text in right_after]
    templates = [PageTemplate(id="first", pagesize=A4, frames=frames),
                 PageTemplate(id="later", pagesize=A4, frames=later)]
    rl_build(target, story, footer=lambda page: f"Page {page}", templates=templates)


HAMPSHIRE_SAMPLE = Sample(
    "hampshire-hasc-2024-01-16-safeguarding-adults.pdf", "reportlab",
    ("Hampshire County Council", "Health and Adult Social Care Select Committee", "2024-01-16"),
    [Contributions("2022/23", "Hampshire County Council - £162,400", [(p, a, None) for p, a in HAMPSHIRE],
                   HAMPSHIRE_TOTAL)],
    [], hampshire_build,
    checks=[one_page,
            lines_intact(*[f"{p} - {pounds(a)}" for p, a in HAMPSHIRE], f"Total - {pounds(HAMPSHIRE_TOTAL)}")])


# == 5. Lancashire County Council Cabinet, 11 July 2024 (LibreOffice) ================================
# A 19-row table (the county, police, commissioner, fire, probation, ICB and the twelve districts)
# breaking over a page with its header row repeated, a total row at the end, the period as 'for
# 2023 to 2024' in the caption. Planted fault: the Police and Crime Commissioner is listed twice,
# on page 1 (£120,000) and again as the last row on page 2 (£25,000, its serious violence match
# funding, not labelled as such); the total and the shares include both rows, so only
# duplicate_partner fires.
LANCASHIRE = [
    ("Lancashire County Council", D(150000)), ("Lancashire Constabulary", D(85000)),
    ("Police and Crime Commissioner for Lancashire", D(120000)), ("Lancashire Fire and Rescue Service", D(20000)),
    ("Probation Service North West", D(12500)), ("NHS Lancashire and South Cumbria ICB", D(40000)),
    ("Burnley Borough Council", D(8250)), ("Chorley Council", D(7900)), ("Fylde Council", D(6100)),
    ("Hyndburn Borough Council", D(7400)), ("Lancaster City Council", D(10300)),
    ("Pendle Borough Council", D(7800)), ("Preston City Council", D(11600)),
    ("Ribble Valley Borough Council", D(4900)), ("Rossendale Borough Council", D(5700)),
    ("South Ribble Borough Council", D(8100)), ("West Lancashire Borough Council", D(8900)),
    ("Wyre Council", D(8800)), ("Police and Crime Commissioner for Lancashire", D(25000)),
]
LANCASHIRE_TOTAL = sum(amount for _, amount in LANCASHIRE)  # £548,250


def share(amount: Decimal, total: Decimal) -> Decimal:
    return (amount * 100 / total).quantize(D("0.1"))


def lancashire_build(target: Path) -> None:
    doc = Fodt("Lancashire Community Safety Partnership funding", size=11, cell=9.5)
    doc.p("Lancashire County Council", "Council").p("Cabinet", "Meeting")
    doc.p("Meeting to be held on Thursday, 11 July 2024", "Meeting")
    doc.p("Report of the Director of Public Health and Wellbeing", "Plain")
    doc.p("Part I; Electoral Divisions affected: (All Divisions)", "Plain")
    doc.p("Lancashire Community Safety Partnership: Funding Agreement 2024/25", "Title")
    doc.p("Contact for further information: Community Safety Team, County Hall, Preston, PR1 8XJ", "Plain")
    doc.p("Brief Summary", "Heading")
    doc.p("This report sets out the contributions made by the partners to the Lancashire Community Safety "
          "Partnership's pooled budget in the last financial year and seeks approval to renew the funding "
          "agreement for 2024/25 on the same basis. This is deemed to be a Key Decision and the provisions of "
          "Standing Order C19 have been complied with.")
    doc.p("Recommendation", "Heading")
    doc.p("Cabinet is asked to approve the renewal of the partnership funding agreement for 2024/25 and to note "
          "the partner contributions set out in Table 1.")
    doc.p("Detail", "Heading")
    doc.numbered("1.", "The Lancashire Community Safety Partnership brings together the responsible authorities "
                       "under the Crime and Disorder Act 1998 across the county's twelve districts: the County "
                       "Council, the district councils, Lancashire Constabulary, Lancashire Fire and Rescue "
                       "Service, the Probation Service and the Integrated Care Board, with the Police and Crime "
                       "Commissioner as a co-opted member.")
    doc.numbered("2.", "The Partnership's strategic assessment for 2023 identified serious violence, domestic abuse, "
                       "exploitation and anti-social behaviour as its priorities. Its pooled budget funds the "
                       "partnership analysts, the domestic homicide review programme and a small grants scheme "
                       "for community-led projects, and provides match funding for the Serious Violence Duty.")
    doc.numbered("3.", "The district councils contribute according to a formula based on population and recorded "
                       "crime. The County Council and the Commissioner make fixed contributions agreed in the "
                       "2021 funding agreement, which expired on 31 March 2024.")
    doc.numbered("4.", "A review of the funding formula was completed in March 2024. It recommends that the "
                       "formula be retained with updated population figures from the 2021 Census, and that "
                       "the fixed contributions be held at their current cash level.")
    doc.numbered("5.", "The contributions received for the last financial year were as follows.")
    doc.p("Table 1: Partner contributions to the Lancashire Community Safety Partnership for 2023 to 2024",
          "Caption")
    rows = [["Partner", "Contribution (£)", "Share of total (%)"]]
    rows += [[esc(p), pounds(a), f"{share(a, LANCASHIRE_TOTAL):.1f}"] for p, a in LANCASHIRE]
    rows += [["Total", pounds(LANCASHIRE_TOTAL), "100.0"]]
    doc.table(rows, [8.6, 3.8, 4.2], numeric={1, 2}, bold_last=True)
    doc.numbered("6.", "The Partnership held a balance of £38,400 at 31 March 2024, which is committed to the "
                       "domestic homicide reviews in progress.")
    doc.p("Consultations", "Heading")
    doc.p("The Partnership Board and the Lancashire Leaders' Group have been consulted on the renewal of the "
          "funding agreement and support the recommendation.")
    doc.p("Implications", "Heading")
    doc.p("Financial: the County Council's contribution of £150,000 is contained within the Public Health and "
          "Wellbeing budget. Legal: the agreement is made under section 5 of the Crime and Disorder Act 1998 "
          "and the Local Government Act 1972.")
    soffice_pdf(doc.xml(), target, CREATED)


LANCASHIRE_SAMPLE = Sample(
    "lancashire-cabinet-2024-07-11-csp-funding.pdf", "libreoffice",
    ("Lancashire County Council", "Cabinet", "2024-07-11"),
    [Contributions("2023/24", "Partner Contribution (£) Share of total (%)",
                   [(p, a, share(a, LANCASHIRE_TOTAL)) for p, a in LANCASHIRE], LANCASHIRE_TOTAL)],
    ["duplicate_partner"], lancashire_build,
    checks=[spans_pages("Partner Contribution (£) Share of total (%)", "Lancashire County Council £150,000",
                        "Wyre Council £8,800")])  # the last row but one: the table ends on page 2


# == 6. Leeds City Council Executive Board, 20 November 2024 (reportlab) =============================
# Partner | 2024-25 (£k) | Notes: thousands as '£k' in the amount column's header, one decimal place,
# the period as '2024-25' in that header, a note holding its own '£15k'; no total row or total
# anywhere: missing_total.
LEEDS = [
    ("Leeds City Council", D(425000), "Core funding, Communities, Housing and Environment"),
    ("West Yorkshire Police", D(120000), "Leeds District policing budget"),
    ("West Yorkshire Combined Authority", D(95500), "Mayor's Safer Communities Fund"),
    ("NHS West Yorkshire ICB", D(60000), "Leeds Health and Care Partnership"),
    ("Leeds Teaching Hospitals NHS Trust", D(18500), "Includes one-off £15k for the hospital IDVA post"),
    ("Leeds and York Partnership NHS Foundation Trust", D(12000), "Recurrent"),
    ("Probation Service (West Yorkshire)", D(9500), "Recurrent"),
    ("West Yorkshire Fire and Rescue Service", D(4000), "Recurrent"),
]


def leeds_build(target: Path) -> None:
    thousand = D(1000)
    rows = [["Partner", "2024-25 (£k)", "Notes"]]
    rows += [[p, scaled(a, thousand), n] for p, a, n in LEEDS]
    rules = TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                        ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0)])
    front = Table([[para(f"<b>{k}</b>", CELL), para(v, CELL)] for k, v in [
        ("Report author:", "Head of Safer Leeds, Tel: 0113 378 9000"),
        ("Report of:", "Director of Communities, Housing and Environment"),
        ("Will the decision be open for call in?", "Yes"),
        ("Does the report contain confidential or exempt information?", "No"),
    ]], colWidths=[200, 290], style=TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.grey),
                                                ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
                                                ("VALIGN", (0, 0), (-1, -1), "TOP")]), hAlign="LEFT")
    story: list[Flowable] = [
        para("Leeds City Council", COUNCIL), para("Executive Board", MEETING), para("Date: 20 November 2024", MEETING),
        para("Domestic Abuse Partnership: Funding and Commissioning Intentions", TITLE), front,
        para("Brief summary", HEADING),
        numbered("1", "The Leeds Domestic Abuse Partnership funds the Front Door Safeguarding Hub, the independent "
                      "domestic violence advisers (IDVAs) and the Domestic Abuse Housing Alliance programme. This "
                      "report sets out the partner contributions agreed for the current year and the proposed "
                      "recommissioning of specialist support services from April 2025."),
        para("Recommendations", HEADING),
        numbered("a)", "Executive Board is asked to note the partner contributions for 2024-25 and to approve "
                       "the recommissioning of specialist domestic abuse support services from 1 April 2025."),
        para("What is this report about?", HEADING),
        numbered("2", "Part 4 of the Domestic Abuse Act 2021 places a duty on the Council to assess the need for "
                      "support in safe accommodation and to commission services to meet it. The Council receives "
                      "the Domestic Abuse Duty grant for this purpose, which is not pooled."),
        numbered("3", "The wider partnership is funded by cash contributions from the Council and its partners. "
                      "The contributions agreed by the Domestic Abuse Partnership Board are:"),
        rl_table(rows, [190, 75, 225], numeric={1}, style=rules), Spacer(1, 8),
        numbered("4", "Contributions from the hospital trusts are confirmed one year at a time. The Combined "
                      "Authority's contribution is confirmed until March 2026."),
        para("What impact will this proposal have?", HEADING),
        numbered("5", "The recommissioned service will keep the current number of IDVAs and add a dedicated "
                      "worker for older people, a gap identified by the 2023 needs assessment."),
        para("What are the resource implications?", HEADING),
        numbered("6", "The Council's contribution is met from the Communities, Housing and Environment budget. "
                      "The recommissioned contract will be let for three years with an option to extend by two."),
        para("What are the legal implications?", HEADING),
        numbered("7", "This is a Key Decision and is subject to call in. The procurement will follow the "
                      "Council's Contracts Procedure Rules."),
    ]
    rl_build(target, story, footer=lambda page: f"Page {page}")


LEEDS_SAMPLE = Sample(
    "leeds-executive-board-2024-11-20-domestic-abuse.pdf", "reportlab",
    ("Leeds City Council", "Executive Board", "2024-11-20"),
    [Contributions("2024/25", "Partner 2024-25 (£k) Notes", [(p, a, None) for p, a, _ in LEEDS], None)],
    ["missing_total"], leeds_build)


# == 7. Cheshire East Council committee, 4 March 2024 (LibreOffice, two text columns) ==============
# A bulletin page set in a two-column LibreOffice section: prose in the left column, a bullet list
# of contributions with an en dash separator ('Cheshire East Council – £98,000') in the right, the
# period as '2022–23' (en dash) in the list's heading. Planted fault: the total line says £202,350
# where the items add up to £201,850.
CHESHIRE = [
    ("Cheshire East Council", D(98000)), ("Cheshire Constabulary", D(42000)),
    ("NHS Cheshire and Merseyside ICB", D(52500)), ("Cheshire Fire and Rescue Service", D(5000)),
    ("Probation Service", D(3800)), ("Cafcass", D(550)),
]
CHESHIRE_STATED = D(202350)  # the items add up to £201,850


def cheshire_build(target: Path) -> None:
    doc = Fodt("Cheshire East Safeguarding Children Partnership briefing", size=10.5)
    doc.p("Cheshire East Council", "Council").p("Children and Families Committee", "Meeting")
    doc.p("Date of Meeting: 4 March 2024", "Meeting")
    doc.p("Report Title: Cheshire East Safeguarding Children Partnership – Annual Briefing", "Plain")
    doc.p("Report of: Executive Director of Children’s Services", "Plain")
    doc.p("Report Reference No: CF/12/23-24; Ward(s) Affected: All Wards", "Plain")
    doc.p("1. Purpose of Report", "Heading")
    doc.numbered("1.1", "To present the Partnership’s annual briefing to the Committee, as required by the "
                        "multi-agency safeguarding arrangements published in 2019 and revised in 2023.")
    doc.p("2. Partnership Briefing", "Heading")
    left = [
        "The Cheshire East Safeguarding Children Partnership (CESCP) is led by the three statutory safeguarding "
        "partners: the Council, Cheshire Constabulary and NHS Cheshire and Merseyside Integrated Care Board.",
        "Over the year the Partnership published two Child Safeguarding Practice Reviews, refreshed its "
        "neglect strategy and launched the Graded Care Profile 2 tool across early help services.",
        "Multi-agency audits looked at children missing from education, child exploitation and the voice of "
        "the child in child protection plans. Each audit produced an action plan monitored by the Quality "
        "Assurance subgroup.",
        "Training was delivered to 3,100 practitioners, two thirds of them from schools and health settings, "
        "with the highest demand for the courses on neglect and on contextual safeguarding.",
        "The Partnership’s business unit is funded by the partners. The agreed contributions are shown in the "
        "next column; the Council also provides the business unit’s accommodation and support services.",
    ]
    doc.raw('<text:section text:style-name="TwoColumns" text:name="Briefing">')
    for text in left:
        doc.p(esc(text), "Plain")
    doc.p("Partner contributions 2022–23", "ColumnHeading")
    doc.p("The partners agreed the following contributions for the year:", "Plain")
    for partner, amount in CHESHIRE:
        doc.p(f"• {esc(partner)} – {pounds(amount)}", "Bullet")
    doc.p(f'<text:span text:style-name="B">• Total – {pounds(CHESHIRE_STATED)}</text:span>', "BulletLast")
    doc.p("Contributions were held at their 2021–22 level. The Partnership’s reserve at 31 March 2023 stood at "
          "£14,600 and is held for the cost of independent reviewers.", "Plain")
    doc.p("The partners have agreed to review the funding formula in 2024–25, when the revised Working Together "
          "guidance takes full effect.", "Plain")
    doc.raw("</text:section>")
    doc.automatic.append('<style:style style:name="B" style:family="text">'
                         '<style:text-properties fo:font-weight="bold"/></style:style>')
    doc.p("3. Recommendations", "Heading")
    doc.numbered("3.1", "That the Committee notes the Partnership’s annual briefing and the partner contributions.")
    doc.p("4. Implications", "Heading")
    doc.numbered("4.1", "There are no new financial implications: the Council’s contribution is within the "
                        "Children’s Services budget for 2023/24.")
    doc.p("Access to Information. Contact Officer: CESCP Business Manager, Westfields, Middlewich Road, Sandbach, "
          "CW11 1HZ.", "Plain")
    soffice_pdf(doc.xml(), target, CREATED)


CHESHIRE_SAMPLE = Sample(
    "cheshire-east-children-families-2024-03-04-cescp.pdf", "libreoffice",
    ("Cheshire East Council", "Children and Families Committee", "2024-03-04"),
    [Contributions("2022/23", "• Cheshire East Council – £98,000", [(p, a, None) for p, a in CHESHIRE],
                   CHESHIRE_STATED)],
    ["contribution_total_mismatch"], cheshire_build,
    checks=[lines_intact(*[f"• {p} – {pounds(a)}" for p, a in CHESHIRE], f"• Total – {pounds(CHESHIRE_STATED)}")])


SAMPLES = [CORNWALL_SAMPLE, DEVON_SAMPLE, NORFOLK_SAMPLE, HAMPSHIRE_SAMPLE, LANCASHIRE_SAMPLE, LEEDS_SAMPLE,
           CHESHIRE_SAMPLE]


if __name__ == "__main__":
    write_samples(SAMPLES, OUT, sys.argv[1:])
