"""Forward-plan extraction: column mapping by meaning, rows cut by page breaks, month rows,
e-mail repair and dates, on a generated plan of another council and on the corpus pack; key-decision
flags printed inside other cells or in a narrow column, running page headings, tables continued
without their header, and the plans read from the table layer's tables (raw_docs' forward plans)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pytest
from pdfgen import Grid, Text, write_pdf
from pdfgen import PageBreak as BlockBreak
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.extractors.forward_plan import (
    PageGrid,
    PlanRow,
    about_forward_plan,
    cells_of,
    column_meanings,
    decision_date,
    extract_forward_plans,
    find_header,
    flag_after,
    forward_plans_in,
    is_heading,
    key_decision,
    key_flag,
    officer,
    repair_emails,
    row_fields,
    running_lines,
    unmarked_are_not_key,
    unread_plan_tables,
    without_running_text,
)
from pipeline.extractors.forward_plan.fallback import ruled_tables
from pipeline.extractors.forward_plan.stitching import OpenPlan, continues_columns, line_by_line
from pipeline.model import ForwardPlan, ForwardPlanDecision
from pipeline.pdf import PdfDocument
from pipeline.tables.model import Cell as LayerCell
from pipeline.tables.model import CellLine
from pipeline.tables.model import Row as LayerRow
from pipeline.tables.model import Table as LayerTable
from pipeline.tables.pages import document_tables, table_pages

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_DOCS = SHARED / "corpus" / "docs"
PACK = CORPUS_DOCS / "dorset-people-health-scrutiny-2022-05-19-pack.pdf"
PACK_TRUTH = SHARED / "corpus" / "truth" / "dorset-people-health-scrutiny-2022-05-19-pack.json"


def read_plans(path: Path) -> list[ForwardPlan]:
    with PdfDocument(path) as document:
        return extract_forward_plans(document)


# -- a generated plan: another council, another column order ---------------------------------------


@dataclass
class Item:
    """One decision as printed in the generated plan, and what must be read back from it."""

    due: str
    subject: str
    description: str
    maker: str
    key: str
    access: str
    consultation: str
    members: list[str]
    author: list[str]  # lines of the 'Report author' cell
    expected_date: str | None
    expected_name: str | None
    expected_title: str | None
    expected_email: str | None
    tail: str = ""  # description printed at the top of the next page: the row is cut by the page break
    members_tail: list[str] = field(default_factory=list)

    @property
    def full_description(self) -> str:
        return f"{self.description} {self.tail}".strip()


ITEMS = [
    Item("12 June 2023", "Household Support Fund round 4",
         "To agree the allocation of the fourth round of the Household Support Fund.",
         "Cabinet", "Yes", "Open", "Resources Scrutiny Committee 6 June 2023",
         ["Cabinet Member for Finance"],
         ["Samantha O'Neill", "Head of Revenues and Benefits", "samantha.oneill@northshire.gov.uk"],
         "2023-06-12", "Samantha O'Neill", "Head of Revenues and Benefits", "samantha.oneill@northshire.gov.uk"),
    Item("12 June 2023", "Local Transport Plan 4 adoption",
         "To recommend the adoption of the Local Transport Plan 4 to Full Council.",
         "Full Council", "Yes", "Open", "",
         ["Cabinet Member for Housing", "Cabinet Member for Planning"],
         ["Dr Amir Khan, Director of Highways", "amir.khan@northshire.gov.uk"],
         "2023-06-12", "Dr Amir Khan", "Director of Highways", "amir.khan@northshire.gov.uk"),
    Item("26 June 2023", "Highways maintenance contract renewal",
         "The report sets out the outcome of the review of the highways maintenance contract, the options "
         "considered for its renewal and the results of the soft market testing carried out with suppliers.",
         "Cabinet", "Yes", "Part exempt", "Place Scrutiny Committee 20 June 2023",
         ["Cabinet Member for Highways and Transport"],
         ["Christopher Featherstonehaugh", "Assistant Director, Highways",
          "christopher.featherstonehaugh@northshire.gov.uk"],
         "2023-06-26", "Christopher Featherstonehaugh", "Assistant Director, Highways",
         "christopher.featherstonehaugh@northshire.gov.uk",
         tail="It also sets out the risks of each option and the financial envelope over the ten years of "
              "the proposed contract."),
    Item("18/07/2023", "Treasury management outturn",
         "To note the treasury management activity of 2022/23.",
         "Cabinet Member for Finance", "No", "Open", "",
         ["Cabinet Member for Finance"],
         ["Chief Executive"],
         "2023-07-18", "Chief Executive", None, None),
    Item("July 2023", "Disposal of the former depot at Millbrook",
         "To agree the disposal of the former highways depot at Millbrook.",
         "Cabinet", "Yes", "Fully exempt", "",
         ["Leader of the Council"],
         ["Priya", "Ramanathan-Whitfield", "Estates Manager", "priya.ramanathan-whitfield@northshire.gov.uk"],
         "2023-07", "Priya Ramanathan-Whitfield", "Estates Manager",
         "priya.ramanathan-whitfield@northshire.gov.uk"),
    Item("Not before 25 Jul 2023", "Adult social care charging policy",
         "To agree the revised charging policy for adult social care following the consultation held over "
         "the spring,",
         "Cabinet", "Yes", "Open", "People Scrutiny Committee 5 July 2023",
         ["Cabinet Member for Adult Social Care"],
         ["Tom Baker", "Service Manager, Charging", "tom.baker@northshire.gov.uk"],
         "2023-07-25", "Tom Baker", "Service Manager, Charging", "tom.baker@northshire.gov.uk",
         tail="and the equality impact assessment of the revised policy.",
         members_tail=["Cabinet Member for Public Health"]),
    Item("20 Sept", "School place planning strategy",
         "To approve the school place planning strategy for 2023 to 2028.",
         "Cabinet", "No", "Open", "",
         ["Cabinet Member for Children and Education"],
         ["Laura Smith", "Head of Admissions", "laura.smith@northshire.gov.uk"],
         "2023-09-20", "Laura Smith", "Head of Admissions", "laura.smith@northshire.gov.uk"),
]
# The table's pages: month headings (spanned across the row or not) and items; an item with a tail
# ends its page and its tail opens the next one. 'October 2023' has no decision under it.
PAGES: list[list[tuple[str, int] | tuple[str, str, bool]]] = [
    [("month", "June 2023", True), ("item", 0), ("item", 1), ("item", 2)],
    [("item", 3), ("month", "July 2023", False), ("item", 4), ("item", 5)],
    [("month", "September 2023", True), ("item", 6), ("month", "October 2023", True)],
]
EXPECTED_PAGES = [2, 2, 2, 3, 3, 3, 4]  # front matter is page 1
HEADER = ["Decision due date", "Subject", "Decision maker", "Key decision", "Private / Exempt",
          "Consultation", "Lead member", "Report author"]
WIDTHS = [70, 190, 75, 48, 60, 95, 100, 95]
STYLES = getSampleStyleSheet()
CELL = STYLES["BodyText"].clone("cell", fontSize=8, leading=10)
BOLD = CELL.clone("bold", fontName="Helvetica-Bold")


def build_plan(path: Path, ruled: bool = True, repeat_header: bool = True) -> None:
    """A landscape plan as a word processor exports it: a front-matter page with a list of cabinet
    members, then the table over three pages with its header repeated and rows cut by page breaks.
    (Pages are laid out here rather than by reportlab's splitInRow, which draws split rows unlike
    any word processor: no rule under the cut, the header repeated mid-page.)"""

    story = [*_front_matter(), PageBreak()]
    for index, page in enumerate(PAGES):
        rows = [_header_row()] if repeat_header or not index else []
        if index and PAGES[index - 1][-1][0] == "item":
            cut = ITEMS[PAGES[index - 1][-1][1]]
            rows.append(_tail_row(cut))
        for entry in page:
            rows.append(_month_row(entry[1]) if entry[0] == "month" else _item_row(ITEMS[entry[1]]))
        story += [_table(rows, len(rows) - len(page), page, ruled), PageBreak()]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=30, rightMargin=30,
                      topMargin=30, bottomMargin=30).build(story[:-1])


def _front_matter() -> list[Flowable]:

    members = Table([["Councillor", "Portfolio"], ["Cllr Ann Lee", "Leader of the Council"],
                     ["Cllr Raj Patel", "Cabinet Member for Finance"]],
                    style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    return [
        Paragraph("Northshire County Council", STYLES["Title"]),
        Paragraph("Forward Plan of Key Decisions: June to September 2023", STYLES["Heading1"]),
        Paragraph("Published: 2 May 2023", STYLES["BodyText"]),
        Paragraph("Explanatory note: this plan lists the key decisions the Cabinet expects to take. A key "
                  "decision is one with expenditure or savings over £500,000 or a significant effect on "
                  "two or more electoral divisions. The decision maker, the date the decision is due and the "
                  "report author are shown for each item, and whether it will be taken in private.",
                  STYLES["BodyText"]),
        Spacer(1, 12), members,
    ]


def _header_row() -> list[Paragraph]:

    return [Paragraph(text, BOLD) for text in HEADER]


def _month_row(month: str) -> list[Paragraph | str]:

    return [Paragraph(month, BOLD)] + [""] * (len(HEADER) - 1)


def _lines(lines: list[str]) -> Paragraph:

    return Paragraph("<br/>".join(lines), CELL)


def _item_row(item: Item) -> list[Paragraph]:

    subject = Paragraph(f"<b>{item.subject}</b><br/>{item.description}", CELL)
    return [_lines([item.due]), subject, _lines([item.maker]), _lines([item.key]), _lines([item.access]),
            _lines([item.consultation]), _lines(item.members), _lines(item.author)]


def _tail_row(item: Item) -> list[Paragraph | str]:
    empty: list[Paragraph | str] = [""] * len(HEADER)
    empty[1] = _lines([item.tail])
    empty[6] = _lines(item.members_tail) if item.members_tail else ""
    return empty


def _table(rows: list[list], first_body: int, page: list, ruled: bool) -> Table:

    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for offset, entry in enumerate(page):
        if entry[0] == "month" and entry[2]:
            style.append(("SPAN", (0, first_body + offset), (-1, first_body + offset)))
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:
        style += [("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black), ("BOTTOMPADDING", (0, 1), (-1, -1), 8)]
    return Table(rows, colWidths=WIDTHS, style=TableStyle(style))


def build_work_programme(path: Path) -> None:
    """A scrutiny committee's work programme: dates, authors and portfolio holders, but no decisions."""

    header = ["Item", "Date of Committee Meeting", "Requested by", "Report Author", "Portfolio Holder/s"]
    rows = [[Paragraph(text, BOLD) for text in header],
            [Paragraph(text, CELL) for text in ["Annual self evaluation", "19 May 2022", "Committee",
                                                 "Claire Shiels", "Portfolio Holder for Children"]]]
    table = Table(rows, style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        [Paragraph("Scrutiny Committee Forward Plan: decisions to be scrutinised", BOLD), table])


# -- fixtures ----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def plan_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("forward_plan")
    variants = {"ruled": {}, "borderless": {"ruled": False}, "header once": {"repeat_header": False},
                "borderless header once": {"ruled": False, "repeat_header": False}}
    paths = {}
    for name, options in variants.items():
        paths[name] = folder / f"{name.replace(' ', '_')}.pdf"
        build_plan(paths[name], **options)
    return paths


def expected_decision(item: Item, page: int) -> dict:
    return {
        "subject": item.subject, "page": page, "description": item.full_description,
        "decision_maker": item.maker, "decision_date": item.expected_date, "key_decision": item.key == "Yes",
        "public_access": item.access, "consultees": item.consultation or None,
        "portfolio_holder": ", ".join(item.members + item.members_tail),
        "officer_name": item.expected_name, "officer_title": item.expected_title,
        "officer_email": item.expected_email,
    }


# -- the generated plan --------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["ruled", "borderless", "header once", "borderless header once"])
def test_generated_plan_reads_back_every_field(plan_pdfs: dict[str, Path], variant: str) -> None:
    plans = read_plans(plan_pdfs[variant])
    assert len(plans) == 1
    decisions = [decision.to_contract() for decision in plans[0].decisions]
    expected = [expected_decision(item, page) for item, page in zip(ITEMS, EXPECTED_PAGES, strict=True)]
    assert [{key: decision[key] for key in expected[0]} for decision in decisions] == expected


def test_generated_plan_metadata(plan_pdfs: dict[str, Path]) -> None:
    plan = read_plans(plan_pdfs["ruled"])[0]
    assert plan.to_contract() == {
        "council": "Northshire County Council",
        "title": "Forward Plan of Key Decisions: June to September 2023",
        "period": "June to September 2023",
        "published": "2023-05-02",
        "page": 1,  # the title is on the front-matter page before the table
    }


def test_row_cut_by_a_page_break_is_one_decision_on_its_first_page(plan_pdfs: dict[str, Path]) -> None:
    decisions = read_plans(plan_pdfs["ruled"])[0].decisions
    assert len(decisions) == len(ITEMS)
    highways = next(d for d in decisions if d.subject == "Highways maintenance contract renewal")
    assert highways.page == 2
    assert highways.description.endswith("over the ten years of the proposed contract.")
    charging = next(d for d in decisions if d.subject == "Adult social care charging policy")
    assert charging.page == 3
    assert charging.portfolio_holder == "Cabinet Member for Adult Social Care, Cabinet Member for Public Health"


def test_month_rows_and_front_matter_are_not_decisions(plan_pdfs: dict[str, Path]) -> None:
    subjects = [d.subject for d in read_plans(plan_pdfs["ruled"])[0].decisions]
    assert subjects == [item.subject for item in ITEMS]  # no 'June 2023', 'October 2023', no cabinet member


def test_month_row_is_a_heading_whether_spanned_or_not() -> None:
    def row(cells: list[list[str]], spanning: bool = False) -> PlanRow:
        return PlanRow(1, [[CellLine(text) for text in cell] for cell in cells], spanning)

    assert is_heading(row([["May"], [], []], spanning=True))
    assert is_heading(row([["July 2023"], [], []]))
    assert not is_heading(row([["including the general fund."], [], []]))  # a row's tail, not a heading
    assert not is_heading(row([["Youth Justice Plan"], ["Cabinet"], []]))


def test_a_work_programme_is_not_a_forward_plan(tmp_path: Path) -> None:
    path = tmp_path / "work_programme.pdf"
    build_work_programme(path)
    assert read_plans(path) == []


# -- column mapping --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Subject / Decision", "Decision Maker", "Date the Decision is Due",
          "Other Committee(s) consulted and Date of meeting(s)", "Portfolio Holder", "Officer Contact"],
         ["subject", "decision_maker", "decision_date", "consultees", "portfolio_holder", "officer"]),
        (["Decision due date", "Subject", "Decision maker", "Key decision", "Private / Exempt", "Consultation",
          "Lead member", "Report author"],
         ["decision_date", "subject", "decision_maker", "key_decision", "public_access", "consultees",
          "portfolio_holder", "officer"]),
        (["Matter for decision", "Exempt?", "Decision maker and date", "Cabinet Member", "Contact officer"],
         ["subject", "public_access", "maker_and_date", "portfolio_holder", "officer"]),
        (["Date first published", "Description", "Key", "Date of decision", "Wards affected"],
         [None, "subject", "key_decision", "decision_date", None]),
    ],
)
def test_columns_are_mapped_by_the_meaning_of_their_header(header: list[str], expected: list) -> None:
    assert column_meanings(header) == expected


@pytest.mark.parametrize(
    "header",
    [
        ["Councillor", "Portfolio"],  # the list of portfolio holders in the front matter
        ["Description", "Date of Committee Meeting", "Requested by", "Report Author", "Portfolio Holder/s"],
        ["Directorate", "Budget 2022/23", "Forecast", "Variance"],
    ],
)
def test_other_tables_are_not_plan_headers(header: list[str]) -> None:
    assert column_meanings(header) is None


# -- officers and e-mail addresses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["lisa.cotton@dorsetcouncil.g", "ov.uk"], ["lisa.cotton@dorsetcouncil.gov.uk"]),
        (["Michael Ford, Policy &", "michael.ford@dorsetcouncil", ".gov.uk , Steve Veevers,"],
         ["Michael Ford, Policy &", "michael.ford@dorsetcouncil.gov.uk", ", Steve Veevers,"]),
        (["christopher.featherston", "ehaugh@northshire.go", "v.uk"],
         ["christopher.featherstonehaugh@northshire.gov.uk"]),
        (["david.webb@bcpcouncil.go", "v.uk"], ["david.webb@bcpcouncil.gov.uk"]),
        (["Grants Officer", "jo.hart@northshire.gov.uk"], ["Grants Officer", "jo.hart@northshire.gov.uk"]),
        (["jo.hart@northshire.gov.uk", "Executive Director"], ["jo.hart@northshire.gov.uk", "Executive Director"]),
    ],
)
def test_email_cut_by_wrapping_is_repaired(lines: list[str], expected: list[str]) -> None:
    assert repair_emails(lines) == expected


def _cell(*lines: str) -> list[CellLine]:
    return [CellLine(line) for line in lines]


def test_officer_cell_as_dorset_prints_it() -> None:
    # name and title, the address cut mid-word, then the responsible director (not the contact)
    cell = _cell("Lisa Cotton, Head of", "Customer Services,", "Libraries & Archives", "lisa.cotton@dorsetcouncil.g",
                 "ov.uk", "Executive Director, Place", "(John Sellgren)")
    assert officer(cell) == ("Lisa Cotton", "Head of Customer Services, Libraries & Archives",
                              "lisa.cotton@dorsetcouncil.gov.uk")


def test_officer_cell_with_two_contacts_and_a_phone_number() -> None:
    cell = _cell("Steve Veevers, Corporate", "Director Operations, Adult", "Care", "steve.veevers@dorsetcoun",
                 "cil.gov.uk , Derek Hoddinott,", "Programme Lead", "Tel: 01305 224682",
                 "derek.hoddinott@dorsetcouncil.gov.uk")
    name, title, email = officer(cell)
    assert f"{name}, {title}" == (
        "Steve Veevers, Corporate Director Operations, Adult Care, Derek Hoddinott, Programme Lead")
    assert email == "steve.veevers@dorsetcouncil.gov.uk, derek.hoddinott@dorsetcouncil.gov.uk"


def test_officer_without_a_name_is_kept_whole() -> None:
    assert officer(_cell("Executive Director, People -", "Children (Theresa Leavy)")) == (
        "Executive Director, People - Children (Theresa Leavy)", None, None)


# -- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "heading", "expected"),
    [
        ("17 May 2022", None, "2022-05-17"),
        ("Decision Date 14 Jul 2022", None, "2022-07-14"),
        ("18/07/2023", None, "2023-07-18"),
        ("July 2023", None, "2023-07"),  # a month stays a month: no day is invented
        ("Not before 4 Sep 2023", None, "2023-09-04"),
        ("20 Sept", None, "2022-09-20"),  # no year printed: the plan's (published April 2022)
        ("January", None, "2023-01"),  # a month before publication is next year's
        ("", "June 2023", "2023-06"),  # nothing in the cell: the month heading the row is under
        ("To be confirmed", None, None),
        ("March – April 2025", None, "2025-03"),  # a window: due from its start
        ("10 March to 14 April 2025", None, "2025-03-10"),
        ("December - January 2026", None, "2025-12"),  # over the new year
        ("Septemb er 2025", None, "2025-09"),  # a month name broken by a narrow column
    ],
)
def test_decision_dates(text: str, heading: str | None, expected: str | None) -> None:
    assert decision_date(text, heading, "2022-04-14") == expected


# -- the corpus --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pack_plans() -> list[ForwardPlan]:
    if not PACK.exists():
        pytest.skip("the shared corpus is not available")
    return read_plans(PACK)


def test_corpus_pack_decisions_match_the_truth(pack_plans: list[ForwardPlan]) -> None:
    truth = json.loads(PACK_TRUTH.read_text())["forward_plan"]
    decisions = [decision.to_contract() for plan in pack_plans for decision in plan.decisions]
    assert len(decisions) == len(truth)
    assert [{key: got[key] for key in expected} for got, expected in zip(decisions, truth, strict=True)] == truth


def test_corpus_pack_plan_metadata(pack_plans: list[ForwardPlan]) -> None:
    assert [plan.to_contract() for plan in pack_plans] == [{
        "council": "Dorset Council",
        "title": "The Cabinet Forward Plan - May to August 2022",
        "period": "May to August 2022",
        "published": "2022-04-14",
        "page": 10,
    }]


def test_no_plan_in_the_other_corpus_documents() -> None:
    others = sorted(path for path in CORPUS_DOCS.glob("*.pdf") if path != PACK) if CORPUS_DOCS.exists() else []
    if not others:
        pytest.skip("the shared corpus is not available")
    assert {path.name: read_plans(path) for path in others} == {path.name: [] for path in others}


# -- key-decision flags inside other cells, and in narrow columns ----------------------------------------

REF_PLAN = [None, "subject", "decision_maker", "decision_date", "public_access", "portfolio_holder", "officer"]


def plan_row(*cells: list[str], bold_subject: bool = False) -> PlanRow:
    row = PlanRow(1, cells_of(list(cells)))
    if bold_subject:
        row.cells[1] = [CellLine(line.text, index == 0) for index, line in enumerate(row.cells[1])]
    return row


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (["25/00012", "Key Decision: Yes"], True),
        (["25/00012", "Key", "Decision:", "Yes"], True),  # wrapped in a narrow column
        (["24/00118", "Key", "Decision: No"], False),
        (["FP/25/001", "Key decision? No"], False),
        (["FP/25/001", "KD: Y"], True),
        (["FP/25/001", "Key decision"], True),
        (["FP/25/001", "Non-key decision"], False),
        (["25/00012"], None),  # a reference and nothing else: no flag
    ],
)
def test_key_decision_printed_under_the_reference_number(reference: list[str], expected: bool | None) -> None:
    row = plan_row(reference, ["Household Support Fund 2025-26", "To approve the scheme."], ["Cabinet"],
                   ["27 March 2025"], ["Open"], ["Cabinet Member for Communities"], ["Sarah Hughes"],
                   bold_subject=True)
    fields = row_fields(row, REF_PLAN)
    assert key_decision(" ".join(line.text for line in fields.get("key_decision", []))) is expected
    assert [line.text for line in fields["subject"]] == ["Household Support Fund 2025-26", "To approve the scheme."]
    assert "25/00012" not in str(fields)  # the reference itself is no field


def test_key_flag_wording() -> None:
    assert key_flag("Key Decision - Yes") == (True, True)
    assert key_flag("KEY DECISION: NO") == (False, True)
    assert key_flag("Key decision") == (True, False)
    assert key_flag("Not a key decision") == (False, False)
    assert key_flag("Key decisions are those over £1m") is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Subject", "Decision maker", "Date of decision", "KD", "Open / Exempt", "Cabinet Member", "Lead officer"],
         ["subject", "decision_maker", "decision_date", "key_decision", "public_access", "portfolio_holder",
          "officer"]),
        (["Ref", "Title of decision", "Decision taker", "Date", "Key", "Open / Private", "Portfolio", "Contact"],
         [None, "subject", "decision_maker", "decision_date", "key_decision", "public_access", "portfolio_holder",
          "officer"]),
        (["Ref.", "Decision", "Decision maker", "Expected date of decision", "Open or exempt", "Cabinet Member",
          "Contact officer"], REF_PLAN),
        (["Decision", "Decision maker", "Decision date", "Key?", "Open / exempt", "Executive Member",
          "Contact officer"],
         ["subject", "decision_maker", "decision_date", "key_decision", "public_access", "portfolio_holder",
          "officer"]),
    ],
)
def test_narrow_key_decision_columns_are_mapped(header: list[str], expected: list) -> None:
    assert column_meanings(header) == expected


@pytest.mark.parametrize(("text", "expected"), [("Y", True), ("N", False), ("KD", True), ("Yes", True),
                                                ("Non-key", False), ("NKD", False), ("", None)])
def test_key_decision_values(text: str, expected: bool | None) -> None:
    assert key_decision(text) is expected


def test_key_decision_flag_after_the_subject() -> None:
    assert flag_after("Library service opening hours (Key Decision)") == ("Library service opening hours", True)
    assert flag_after("Treasury Management Outturn [Non-key]") == ("Treasury Management Outturn", False)
    assert flag_after("Household Support Fund (round 4)") == ("Household Support Fund (round 4)", None)


def test_a_column_that_only_marks_key_decisions_leaves_the_others_blank() -> None:
    columns = ["subject", "decision_maker", "key_decision"]
    def read(subject: str, flag: list[str], key: bool | None) -> tuple[PlanRow, ForwardPlanDecision]:
        return PlanRow(1, cells_of([[subject], ["Cabinet"], flag])), ForwardPlanDecision(subject, 1, key_decision=key)

    marked = [read("Budget 2026-27", ["KD"], True), read("Library hours", [], None)]
    unmarked_are_not_key(marked, columns)
    assert [found.key_decision for _, found in marked] == [True, False]
    explicit = [read("Budget", ["Y"], True), read("Fees", ["N"], False), read("Hours", [], None)]
    unmarked_are_not_key(explicit, columns)  # the column says 'N' where a decision is not key: a blank is unknown
    assert [found.key_decision for _, found in explicit] == [True, False, None]


# -- running page headings ----------------------------------------------------------------------------------

HEADING = "Kent County Council Forward Plan – March 2025"


def grid(*rows: PlanRow) -> PageGrid:
    return PageGrid(2, (0.0, 0.0, 800.0, 500.0), [(0.0, 100.0)] * 7, list(rows))


def test_running_lines_are_those_printed_on_several_pages() -> None:
    pages = [[HEADING, "Kent County Council", "Page 1"], [HEADING, "25/00026 Annual Youth Justice Plan", "Page 2"],
             [HEADING, "Page 3"]]
    running = running_lines(pages)
    assert len(running) == 2  # the heading, and 'Page N' whatever its number
    assert not any("youth justice" in key for key in running)


def test_running_heading_over_a_continued_table_is_not_a_decision() -> None:
    heading_row = plan_row([HEADING], [], [], [], [], [], [])
    spread_row = plan_row(["Kent County"], ["Council Forward Plan –"], ["March 2025"], [], [], [], [])  # a sheet's
    decision_row = plan_row(["25/00026"], ["Annual Youth Justice Plan"], ["County Council"], ["15 May 2025"],
                            ["Open"], ["Cabinet Member for Children"], ["Nick Wilkinson"])
    running = running_lines([[HEADING], [HEADING]])
    assert without_running_text(grid(heading_row, decision_row), running).rows == [decision_row]
    assert without_running_text(grid(spread_row, decision_row), running).rows == [decision_row]
    # printed once, the title with its month is not a decision either (nor a month heading over the rows)
    assert without_running_text(grid(heading_row, decision_row), set()).rows == [decision_row]


def test_a_decision_about_a_forward_plan_is_kept() -> None:
    row = plan_row(["25/00040"], ["Procurement Forward Plan 2025"], ["Cabinet"], ["10 July 2025"], ["Open"],
                   ["Cabinet Member for Finance"], ["John Betts"])
    assert without_running_text(grid(row), running_lines([[HEADING], [HEADING]])).rows == [row]


# -- stitching -------------------------------------------------------------------------------------------------


def test_header_repeated_over_two_rows_is_found() -> None:
    rows = [PlanRow(1, cells_of([[], [], [], [], ["Open /"], [], []])),
            PlanRow(1, cells_of([["Ref"], ["Title of decision"], ["Decision taker"], ["Date"], ["Private"],
                                 ["Portfolio"], ["Contact"]]))]
    assert find_header(rows) == (1, [None, "subject", "decision_maker", "decision_date", "public_access",
                                     "portfolio_holder", "officer"], "Private")


def test_a_table_continued_without_a_column_empty_on_its_page_is_mapped_by_position() -> None:
    spans = [(60, 110), (130, 308), (320, 380), (395, 428), (443, 489), (503, 585), (598, 685), (698, 781)]
    plan = OpenPlan(2, ["decision_date", "subject", "decision_maker", "key_decision", "public_access", "consultees",
                        "portfolio_holder", "officer"], "Exempt", spans, [], 3)
    missing_consultees = PageGrid(4, (54, 40, 787, 200), [*spans[:5], *spans[6:]], [])
    assert continues_columns(plan, missing_consultees, 4) == [0, 1, 2, 3, 4, 6, 7]
    assert continues_columns(plan, missing_consultees, 6) is None  # not the next page
    other = PageGrid(4, (54, 40, 787, 200), [(60, 300), (320, 781)], [])  # text across the plan's columns
    assert continues_columns(plan, other, 4) is None


def test_a_ruled_table_read_line_by_line_is_told_apart() -> None:
    columns = [None, "subject", "decision_maker", "decision_date", "public_access", "portfolio_holder", "officer"]
    lines = [plan_row(["25/00041"], ["Kent Fostering Service"], ["Cabinet Member for"], ["August 2025"], ["Open"],
                      ["Cabinet Member for"], ["Sarah Hammond"]),
             plan_row(["Key"], ["To agree the allowances"], ["Integrated Children's"], [], [], ["Integrated"],
                      ["Director"]),
             plan_row(["Decision:"], ["paid to foster carers"], ["Services"], [], [], [],
                      ["sarah.hammond@kent.gov.uk"]),
             plan_row(["Yes"], [], [], [], [], [], [])]
    assert line_by_line(lines, columns)
    whole = [plan_row(["25/00041", "Key Decision: Yes"], ["Kent Fostering Service"], ["Cabinet"], ["August 2025"],
                      ["Open"], ["Cabinet Member"], ["Sarah Hammond"]),
             plan_row(["25/00043", "Key Decision: Yes"], ["Coldharbour site"], ["Cabinet"], ["14 August 2025"],
                      ["Open"], ["Cabinet Member"], ["Stephanie Holt-Castle"])]
    assert not line_by_line(whole, columns)


PLAN_HEADER = ("Subject", "Decision maker", "Date of decision", "Key", "Officer contact")
PLAN_COLUMNS = (0, 140, 250, 345, 385)


def test_a_decision_makers_last_words_over_the_page_break(tmp_path: Path) -> None:
    """A ruled row cut by the page break: its description and the end of its wrapped decision maker
    ('... Transport and' / 'Countryside') go on at the top of the next page under the repeated header;
    no date, key or access there, so it carries on the decision above. A date given as a window
    ('March – April 2025') is due from its start."""
    pdf = write_pdf(tmp_path / "cut.pdf", [
        Text(["Bracknell Forest Council", "Executive Forward Plan"]),
        Grid([PLAN_HEADER, ("School Places Plan", "Executive", "18 March 2025", "Yes", "Grainne Siggins"),
              ("Highway Maintenance\nWorks Programme\nTo agree the works", "Executive Member\nfor Planning,\n"
               "Transport and", "1 April 2025", "Yes", "Tony Dwyer")], columns=PLAN_COLUMNS),
        BlockBreak(),
        Grid([PLAN_HEADER, ("programme for the year.", "Countryside", "", "", ""),
              ("Libraries Strategy", "Executive", "March –\nApril 2025", "No", "Darren Rogers")],
             columns=PLAN_COLUMNS),
    ])
    decisions = [decision for plan in read_plans(pdf) for decision in plan.decisions]
    assert [(d.subject, d.decision_maker, d.decision_date, d.key_decision, d.page) for d in decisions] == [
        ("School Places Plan", "Executive", "2025-03-18", True, 1),
        ("Highway Maintenance Works Programme To agree the works programme for the year.",
         "Executive Member for Planning, Transport and Countryside", "2025-04-01", True, 1),
        ("Libraries Strategy", "Executive", "2025-03", False, 2)]


def test_ruled_rows_of_a_subject_over_its_description(tmp_path: Path) -> None:
    """Every ruled row one decision, however its subject cell runs on: a subject wrapped to leave a figure
    alone on a line ('Local Transport Plan' / '4') over its description (not the end of the header, where
    the table's first figure would be), and, on a page of two rows, a subject wrapped over two lines before
    its description."""
    pdf = write_pdf(tmp_path / "ruled.pdf", [
        Text(["Gateshead Council", "Cabinet Forward Plan"]),
        Grid([PLAN_HEADER, ("Local Transport Plan\n4\nAdoption of the plan\nafter consultation", "Council",
                            "March\n2025", "Yes", "Maria Lopez"),
              ("Quays arena and\nconference centre\nApproval of the\nfunding", "Cabinet", "21 January\n2025", "Yes",
               "Anneliese\nHutchinson")], columns=PLAN_COLUMNS),
    ])
    decisions = [decision for plan in read_plans(pdf) for decision in plan.decisions]
    assert [(d.subject, d.decision_maker, d.decision_date, d.officer_contact) for d in decisions] == [
        ("Local Transport Plan 4 Adoption of the plan after consultation", "Council", "2025-03", "Maria Lopez"),
        ("Quays arena and conference centre Approval of the funding", "Cabinet", "2025-01-21",
         "Anneliese Hutchinson")]


def test_key_decisions_flagged_under_the_subject_and_a_combined_maker_and_date(tmp_path: Path) -> None:
    """No key-decision column: 'KEY DECISION' printed under the subjects of the key ones only, so the others
    are not key; the decision maker and the date on one line of a 'Decision maker and date' column."""
    pdf = write_pdf(tmp_path / "flagged.pdf", [
        Text(["North Northamptonshire Council", "Notice of Key Decisions"]),
        Grid([("Matter for decision", "Decision maker and date", "Access", "Contact officer"),
              ("Cycling and Walking Plan\nKEY DECISION", "Executive 17 April 2025", "Open", "Graeme Kane"),
              ("Pest control fees", "Executive 24 April 2025", "Open", "Janice Gotts")], columns=(0, 170, 330, 390)),
    ])
    decisions = [decision for plan in read_plans(pdf) for decision in plan.decisions]
    assert [(d.subject, d.decision_maker, d.decision_date, d.key_decision) for d in decisions] == [
        ("Cycling and Walking Plan", "Executive", "2025-04-17", True),
        ("Pest control fees", "Executive", "2025-04-24", False)]


def test_a_combined_maker_and_date_wrapped_and_a_key_decision_with_its_reason(tmp_path: Path) -> None:
    """'Cabinet – 15 April' over '2025' in a narrow 'Decision maker and date' column; 'Yes – expenditure
    over £1m' in the key-decision column; the contact's title in brackets after the name."""
    pdf = write_pdf(tmp_path / "combined.pdf", [
        Text(["Buckinghamshire Council", "Cabinet Forward Plan"]),
        Grid([("Subject", "Decision maker\nand date", "Key decision?", "Officer contact"),
              ("Waste Collection Contract", "Cabinet – 15 April\n2025", "Yes – expenditure\nover £1m",
               "Contact: Jane Smith\n(Head of Waste)")], columns=(0, 150, 270, 390)),
    ])
    decisions = [decision for plan in read_plans(pdf) for decision in plan.decisions]
    assert [(d.subject, d.decision_maker, d.decision_date, d.key_decision, d.officer_contact) for d in decisions] == [
        ("Waste Collection Contract", "Cabinet", "2025-04-15", True, "Jane Smith, Head of Waste")]


# -- the samples in raw_docs: read from the table layer's tables ------------------------------------------------

PLAN_SAMPLES = ["kent-cabinet-forward-plan-2025-03", "surrey-cabinet-forward-plan-2025-04",
                "essex-cabinet-forward-plan-2025-05", "hertfordshire-cabinet-forward-plan-2025-06",
                "dorset-cabinet-forward-plan-2022-05"]
FIELDS = ("subject", "decision_maker", "decision_date", "key_decision", "public_access", "portfolio_holder",
          "officer_contact", "page")


@pytest.mark.parametrize("stem", PLAN_SAMPLES)
def test_plans_read_from_the_layers_tables(raw_docs: Path, stem: str) -> None:
    """As `extract.py` reads them: from the tables the layer found on the pages it chose."""
    expected = json.loads((raw_docs / "expected" / f"{stem}.json").read_text())["forward_plan"]
    with PdfDocument(raw_docs / f"{stem}.pdf") as document:
        plans = forward_plans_in(document, document_tables(document, table_pages(document)))
    assert [{key: d.to_contract()[key] for key in FIELDS} for plan in plans for d in plan.decisions] == expected


@pytest.mark.parametrize("stem", PLAN_SAMPLES)
def test_ruled_tables_from_the_rules_are_pdfplumbers(raw_docs: Path, stem: str) -> None:
    """The fallback's ruled tables, found from the page's rules alone (which a page-range task hands
    on), are those pdfplumber's `find_tables()` finds on the parsed page: the same cells."""
    def cells(tables: list) -> list:
        return [[[tuple(round(v, 2) for v in cell) if cell else None for cell in row.cells] for row in table.rows]
                for table in tables]

    path = raw_docs / f"{stem}.pdf"
    with PdfDocument(path) as document, pdfplumber.open(path) as plumber:
        found = [(cells(ruled_tables(document.page(page.page_number).rules)), cells(page.find_tables()))
                 for page in plumber.pages]
    assert [mine for mine, theirs in found] == [theirs for mine, theirs in found]
    if stem != "essex-cabinet-forward-plan-2025-05":  # the one plan printed without rules
        assert any(mine for mine, _ in found)


@pytest.mark.parametrize("stem", PLAN_SAMPLES[:4])
def test_every_key_decision_flag_is_read_and_no_page_heading_is_a_decision(raw_docs: Path, stem: str) -> None:
    decisions = [d for plan in read_plans(raw_docs / f"{stem}.pdf") for d in plan.decisions]
    assert all(d.key_decision is not None for d in decisions)
    assert not [d.subject for d in decisions if "Forward Plan" in d.subject]


# -- tables that gave no decision (for the unread_table check) -----------------------------------------------


def layer_table(rows: list[list[str]], caption: str | None = None) -> LayerTable:
    cells = [LayerRow([LayerCell(text) for text in row], 1, (0.0, 0.0, 1.0, 1.0), header=index == 0)
             for index, row in enumerate(rows)]
    return LayerTable(1, (0.0, 0.0, 800.0, 400.0), cells, "ruled", caption=caption)


def test_a_plan_table_that_gave_no_decision_is_reported() -> None:
    plan_header = ["Subject", "Decision maker", "Date of decision", "KD", "Lead officer"]
    unread = layer_table([plan_header, ["see the appendix", "", "", "", ""]])
    members = layer_table([["Councillor", "Portfolio"], ["Cllr Ann Lee", "Leader"]], caption="Forward Plan 2025")
    headed = layer_table([["A", "B", "C", "D"], ["1", "2", "3", "4"]], caption="Forward Plan of Key Decisions")
    assert about_forward_plan(unread) and about_forward_plan(headed)
    assert not about_forward_plan(members)  # a list of cabinet members under the plan's title
    assert unread_plan_tables([unread, members, headed], []) == [unread, headed]
    assert unread_plan_tables([unread], [ForwardPlan(decisions=[ForwardPlanDecision("Youth Justice Plan", 1)])]) == []
