"""The agenda-pack and forward-plan samples (built with make_samples' helpers).

Packs mix portrait reports and a landscape forward plan, so they are laid out with two page
templates; each report's first page carries its 'Agenda Item N' stamp and every report page a
'Page N' footer counted from the first report, as ModernGov prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from make_samples import (
    BOLD,
    CELL,
    CELL_BOLD,
    HEADING,
    PDSCP_2020_21,
    PLAIN,
    RULED,
    TITLE,
    Sample,
    contribution_table,
    expected,
    para,
    paras,
    pdscp_table,
)
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle


@dataclass
class Decision:
    subject: str
    maker: str
    date: str  # as printed
    iso: str
    key: bool
    access: str
    holder: list[str]
    officer: list[str]  # the cell's lines: name and title, then a wrapped e-mail
    contact: str  # officer_contact as the contract gives it: 'name, title'
    description: str
    consulted: str = ""
    tail: str = ""  # description printed at the top of the next page: the row breaks across it


MAY_TO_AUGUST_2022 = [
    ("May", [
        Decision("Revised Inter Authority Agreement for Joint Archives Service", "Cabinet", "17 May 2022",
                 "2022-05-17", True, "Open", ["Portfolio Holder for Customer and Community Services"],
                 ["Lisa Cotton, Head of Customer Services, Libraries & Archives", "lisa.cotton@dorsetcouncil.g",
                  "ov.uk"], "Lisa Cotton, Head of Customer Services, Libraries & Archives",
                 "The item is subject to internal governance at BCP Council and may be delayed if unable to "
                 "progress in time for cut off dates at Dorset Council."),
        Decision("Minimum Income Guarantees in Charges for Adult Social Care and Support", "Cabinet",
                 "17 May 2022", "2022-05-17", True, "Open",
                 ["Deputy Leader and Portfolio Holder for Adult Social Care and Health"],
                 ["Michael Ford, Policy & Project Manager", "michael.ford@dorsetcouncil.gov.uk"],
                 "Michael Ford, Policy & Project Manager",
                 "A review of the appropriateness of continuing to use those published, national minimum MIG "
                 "rates in Dorset will be presented in accordance with the Care Act 2014 statutory guidance.",
                 tail="The review will consider option for MIG rates that are equal to, and greater than, the "
                      "national minimum rates."),
        Decision("Dorset Council 20mph speed limit process and Guidance", "Cabinet", "17 May 2022", "2022-05-17",
                 True, "Open", ["Portfolio Holder for Highways, Travel and Environment"],
                 ["Wayne Sayers, Transport Planning Manager", "wayne.sayers@dorsetcouncil.gov.uk"],
                 "Wayne Sayers, Transport Planning Manager",
                 "A report setting out the council’s approach to 20mph speed limits.",
                 consulted="Place and Resources Overview Committee 21 Apr 2022"),
    ]),
    ("July", [
        Decision("Youth Justice Plan", "Dorset Council", "14 Jul 2022", "2022-07-14", True, "Open",
                 ["Portfolio Holder for Children, Education, Skills and Early Help"],
                 ["David Webb, Manager - Dorset Combined Youth Justice Service", "david.webb@dorsetcouncil.gov.uk"],
                 "David Webb, Manager - Dorset Combined Youth Justice Service",
                 "To approve the Youth Justice Plan.", consulted="Cabinet 17 May 2022"),
    ]),
    ("June", [
        Decision("Finance report - outturn 2021/2022", "Cabinet", "21 Jun 2022", "2022-06-21", True, "Open",
                 ["Portfolio Holder for Finance, Commercial and Capital Strategy"],
                 ["Jim McManus, Corporate Director - Finance and Commercial", "jim.mcmanus@dorsetcouncil.gov.uk"],
                 "Jim McManus, Corporate Director - Finance and Commercial",
                 "To consider the Council’s performance against its revenue budget in 2021/22 and the impact "
                 "this has upon reserves, including the general fund."),
        Decision("Adult Social Care - Future Services", "Cabinet", "21 Jun 2022", "2022-06-21", True,
                 "Fully exempt", ["Deputy Leader and Portfolio Holder for Adult Social Care and Health"],
                 ["Steve Veevers, Corporate Director Operations, Adult Care"],
                 "Steve Veevers, Corporate Director Operations, Adult Care",
                 "Options for future Adult Social Care Services."),
    ]),
    ("August", []),
    ("September", [
        Decision("Quarter 1 2022/23 Financial Monitoring Report", "Cabinet", "6 Sep 2022", "2022-09-06", False,
                 "Open", ["Portfolio Holder for Finance, Commercial and Capital Strategy"],
                 ["Jim McManus, Corporate Director - Finance and Commercial", "jim.mcmanus@dorsetcouncil.gov.uk"],
                 "Jim McManus, Corporate Director - Finance and Commercial",
                 "To consider the Quarter 1 Financial Monitoring Report 2022/23."),
    ]),
]
PLAN_HEADER = ["Subject / Decision", "Decision Maker", "Date the Decision is Due",
               "Other Committee(s) consulted and Date of meeting(s)", "Portfolio Holder", "Officer Contact"]
PLAN_WIDTHS = [200, 85, 80, 110, 130, 150]


def plan_row(decision: Decision) -> list[Any]:
    subject = [para(decision.subject, CELL_BOLD), para(f"Key Decision - {'Yes' if decision.key else 'No'}", CELL),
               para(f"Public Access - {decision.access}", CELL), para(decision.description, CELL)]
    return [subject, [para("Decision Maker", CELL), para(decision.maker, CELL)],
            [para("Decision Date", CELL), para(decision.date, CELL)], para(decision.consulted, CELL),
            [para(holder, CELL) for holder in decision.holder], [para(line, CELL) for line in decision.officer]]


Row = tuple[str, Any]  # ("month", name), ("decision", Decision) or ("tail", text)


def paginate(months: list[tuple[str, list[Decision]]], rows_per_page: int) -> list[list[Row]]:
    """Rows per page; a decision with a tail ends its page and the tail opens the next one."""
    pages: list[list[Row]] = [[]]
    for month, decisions in months:
        pages[-1].append(("month", month))
        for decision in decisions:
            if len(pages[-1]) >= rows_per_page:
                pages.append([])
            pages[-1].append(("decision", decision))
            if decision.tail:
                pages.append([("tail", decision.tail)])
    return pages


def plan_tables(pages: list[list[Row]], header: list[str], widths: list[float],
                render: Any = None) -> list[Flowable]:
    """One ruled table per page, header repeated, month rows spanning the width."""
    render = render or plan_row
    flowables: list[Flowable] = []
    for number, rows in enumerate(pages):
        cells = [[para(f"<b>{title}</b>", CELL) for title in header]]
        spans = []
        for kind, value in rows:
            if kind == "decision":
                cells.append(render(value))
            else:
                cells.append([para(f"<b>{value}</b>" if kind == "month" else value, CELL)] + [""] * (len(header) - 1))
                if kind == "month":
                    spans.append(("SPAN", (0, len(cells) - 1), (-1, len(cells) - 1)))
        flowables.append(Table(cells, colWidths=widths, style=TableStyle([*RULED.getCommands(), *spans]),
                               hAlign="LEFT"))
        if number < len(pages) - 1:
            flowables.append(PageBreak())
    return flowables


def plan_truth(pages: list[list[Row]], first_page: int) -> list[dict[str, Any]]:
    """The contract's forward_plan entries, each with the physical page its row starts on."""
    return [{"subject": d.subject, "decision_maker": d.maker, "decision_date": d.iso, "key_decision": d.key,
             "public_access": d.access, "portfolio_holder": ", ".join(d.holder), "officer_contact": d.contact,
             "page": first_page + number}
            for number, rows in enumerate(pages) for kind, d in rows if kind == "decision"]


# -- the Dorset People and Health Scrutiny Committee pack, 19 May 2022 ------------------------------
@dataclass
class Report:
    item: str
    story: list[Flowable]
    pages: int  # how many pages the story fills (each page ends with an explicit break)
    orientation: str = "portrait"


AGENDA = [
    ("1", "APOLOGIES", "To receive any apologies for absence."),
    ("2", "DECLARATIONS OF INTEREST", "To disclose any pecuniary, other registrable or non-registrable interest "
                                      "as set out in the adopted Code of Conduct."),
    ("3", "MINUTES", "To confirm the minutes of the meeting held on 14 March 2022."),
    ("4", "PUBLIC PARTICIPATION", "Representatives of town or parish councils and members of the public who live, "
                                  "work or represent an organisation within the Dorset Council area are welcome to "
                                  "submit up to two questions or two statements for each meeting."),
    ("5", "COUNCILLOR QUESTIONS", "To receive questions submitted by councillors."),
    ("6", "URGENT ITEMS", "To consider any items of business which the Chairman has had prior notification and "
                          "considers to be urgent pursuant to section 100B (4)b) of the Local Government Act 1972."),
    ("7", "COST OF CARE INFORMATION", "To receive an update from the Interim Corporate Director for Commissioning."),
    ("8", "ANNUAL SELF EVALUATION OF CHILDREN’S SERVICES", "To consider the report of the Service Manager for "
                                                            "Strategic Partnerships."),
    ("9", "PERFORMANCE SCRUTINY", "A review of the relevant Dorset Council performance dashboard to inform the "
                                  "Scrutiny Committee’s Forward Plan and identify items for deep dives."),
    ("10", "COMMITTEE AND CABINET'S FORWARD PLANS", "To consider the committee’s Forward Plan and Cabinet’s "
                                                    "Forward Plan."),
    ("11", "PREVENT AND CHANNEL", "To consider the report of the Programme Coordinator for the Community Safety "
                                  "Team."),
    ("12", "EXEMPT BUSINESS", "To move the exclusion of the press and public for the following item."),
]
PLAN_ROWS_PER_PAGE = 3


def front_sheet(council: str, committee: str, date_line: str, items: list[tuple[str, str, str]],
                ranges: dict[str, str]) -> list[Flowable]:
    """A ModernGov front sheet: the meeting on page 1, the agenda with a 'Page No.' column on page 2."""
    story: list[Flowable] = [para(council, TITLE), para(committee, TITLE), Spacer(1, 10), para(date_line, BOLD),
                             para("<b>Time:</b> 10.00 am"), para("<b>Venue:</b> Council Chamber, County Hall"),
                             para("<b>Membership:</b> (Quorum 3)"), PageBreak()]
    rows = [[para("<b>AGENDA</b>", CELL), para("<b>Page No.</b>", CELL)]]
    for number, title, description in items:
        rows.append([para(f"<b>{number}. {title}</b>", BOLD), para(ranges.get(number, ""), BOLD)])
        rows.append([para(description, CELL), ""])
    story += [Table(rows, colWidths=[380, 70], style=PLAIN, hAlign="LEFT"), PageBreak()]
    return story


def minutes() -> Report:
    story: list[Flowable] = [para("PEOPLE AND HEALTH SCRUTINY COMMITTEE", BOLD),
                             para("MINUTES OF MEETING HELD ON MONDAY 14 MARCH 2022", BOLD)]
    story += paras("Present: Cllrs Gill Taylor (Chairman), Barry Goringe, Nick Ireland, Robin Legg and Mary Penfold",
                   "53. Apologies", "Apologies for absence were received from Cllrs Molly Rennie, Bill Pipe, and "
                   "Louie O’Leary.", "54. Declarations of Interest",
                   "No declarations of pecuniary interests were made at the meeting.")
    story += [PageBreak()] + paras("55. Minutes", "Proposed by Cllr Legg, seconded by Cllr Goringe.",
                                   "Duration of meeting: 10.00 am - 12.45 pm") + [PageBreak()]
    return Report("3", story, 2)


def self_evaluation() -> Report:
    kpis = [["Indicator", "2019/20", "2020/21", "2021/22 (Q3)", "Statistical neighbours"],
            ["Re-referrals within 12 months", "24%", "19%", "17%", "21%"],
            ["Child protection plans per 10,000", "41.2", "36.8", "33.5", "40.1"],
            ["Care leavers in education, employment or training", "49%", "52%", "58%", "53%"]]
    story = [para("Dorset Council", TITLE), para("People and Health Scrutiny Committee", BOLD),
             para("19 May 2022", BOLD), para("Self-Evaluation of Children’s Services", TITLE),
             para("For Review and Consultation", BOLD), para("2. Financial Implications", HEADING),
             para("There are no financial implications arising directly from this report."), PageBreak(),
             para("2.3 Financial Position", HEADING),
             para("At quarter 3 2021-22, Children’s Services forecast was £74.864m compared with a budget of "
                  "£72.12m, an overspend of £2.75m (3.81%). The transformation programme aims to deliver £14.9m "
                  "cashable savings over five years, £2.2m in 2022/23."),
             para("2.5 Key performance indicators", HEADING),
             Table([[para(c, CELL) for c in row] for row in kpis], colWidths=[170, 55, 55, 70, 90], style=RULED,
                   hAlign="LEFT"), PageBreak(),
             para("2.6 Safeguarding Partnership", HEADING),
             para("The pan-Dorset Safeguarding Children Partnership is funded by its statutory partners."),
             para("2020 to 2021 contribution:"), pdscp_table(), PageBreak(),
             para("3. What’s next for Dorset", HEADING),
             para("We are determined that in Dorset, all our Children Thrive."), PageBreak()]
    return Report("8", story, 4)


def forward_plan_report(pages: list[list[Row]]) -> Report:
    story: list[Flowable] = [para("The Cabinet Forward Plan - May to August 2022", TITLE),
                             para("(Publication date 14 April 2022)", BOLD),
                             para("Explanatory Note:", BOLD),
                             para("This Forward Plan contains future items to be considered by the Cabinet and "
                                  "Council. It is published 28 days before the next meeting of the Committee."),
                             para("Definition of Key Decisions", BOLD),
                             para("Key decisions are defined in Dorset Council's Constitution as decisions of the "
                                  "Cabinet which are likely to result in expenditure or savings which are "
                                  "significant (Thresholds - £500k)."), PageBreak()]
    story += plan_tables(pages, PLAN_HEADER, PLAN_WIDTHS) + [NextPageTemplate("portrait"), PageBreak()]
    return Report("10", story, 1 + len(pages), orientation="landscape")


def prevent() -> Report:
    story = [para("Dorset Council", TITLE), para("People &amp; Health Scrutiny Committee", BOLD),
             para("19 May 2022", BOLD), para("Prevent and Channel", TITLE),
             para("2. Financial Implications", HEADING),
             para("The Prevent and Channel work is delivered within existing budgets."), PageBreak(),
             para("5. Risk Assessment", HEADING), para("Current Risk: Medium. Residual Risk: Low.")]
    return Report("11", story, 2)


def assemble(name: str, front: list[Flowable], front_pages: int, reports: list[Report],
             meeting: tuple[str, str, str], items: list[dict[str, Any]], **parts: Any) -> Sample:
    """A pack: stamps on each report's first page, 'Page N' footers from the first report on."""
    story, stamps, footers = list(front), {}, {}
    physical = front_pages + 1
    for report in reports:
        if report.orientation == "landscape":
            story.insert(len(story) - 1, NextPageTemplate("landscape"))  # before the front's last break
        stamps[physical] = f"Agenda Item {report.item}"
        for _ in range(report.pages):
            footers[physical] = f"Page {physical - front_pages}"
            physical += 1
        story += report.story
    if isinstance(story[-1], PageBreak):
        story.pop()
    return Sample(name, story, expected(name, physical - 1, meeting, agenda_items=items, **parts),
                  footers=footers, stamps=stamps)


def agenda_truth(items: list[tuple[str, str, str]], ranges: dict[str, str]) -> list[dict[str, Any]]:
    def bounds(number: str) -> tuple[int | None, int | None]:
        if number not in ranges:
            return None, None
        first, _, last = ranges[number].partition(" - ")
        return int(first), int(last or first)

    return [{"number": n, "title": t, "page_start": bounds(n)[0], "page_end": bounds(n)[1]} for n, t, _ in items]


def dorset_pack() -> Sample:
    plan_pages = paginate(MAY_TO_AUGUST_2022, PLAN_ROWS_PER_PAGE)
    reports = [minutes(), self_evaluation(), forward_plan_report(plan_pages), prevent()]
    ranges, printed = {}, 1
    for report in reports:
        ranges[report.item] = f"{printed} - {printed + report.pages - 1}"
        printed += report.pages
    front = front_sheet("Dorset Council", "PEOPLE AND HEALTH SCRUTINY COMMITTEE", "Date: Thursday, 19 May 2022",
                        AGENDA, ranges)
    name = "dorset-people-health-scrutiny-2022-05-19-pack.pdf"
    plan_first_page = 2 + 2 + 4 + 1 + 1  # front sheet, minutes, self-evaluation, the plan's front matter
    return assemble(name, front, 2, reports, ("Dorset Council", "People and Health Scrutiny Committee",
                                              "2022-05-19"), agenda_truth(AGENDA, ranges),
                    contribution_tables=[contribution_table("2020/21", 7, 260312, PDSCP_2020_21)],
                    forward_plan=plan_truth(plan_pages, plan_first_page))


# -- a short pack whose front sheet disagrees with its stamps -------------------------------------
def mismatched_pack() -> Sample:
    items = [("1", "APOLOGIES", "To receive any apologies for absence."),
             ("3", "MINUTES", "To confirm the minutes of the last meeting."),
             ("5", "HOUSING REVENUE ACCOUNT BUSINESS PLAN", "To consider the report of the Director of Place."),
             ("6", "PERFORMANCE REPORT", "To note the quarter 2 performance report.")]
    ranges = {"3": "1 - 2", "5": "3 - 6", "6": "5 - 6"}  # item 6 really starts on page 7
    reports = []
    for number, title, pages in (("3", "Minutes", 2), ("5", "Housing Revenue Account Business Plan", 4),
                                 ("6", "Performance Report", 2)):
        story: list[Flowable] = []
        for page in range(pages):
            story += [para(title if page == 0 else f"{title} (continued)", HEADING),
                      para("The report sets out the position for the committee."), PageBreak()]
        reports.append(Report(number, story, pages))
    front = front_sheet("Somerset Council", "SCRUTINY COMMITTEE - COMMUNITIES", "Date: Wednesday, 11 January 2023",
                        items, ranges)
    name = "somerset-scrutiny-2023-01-11-pack.pdf"
    return assemble(name, front, 2, reports, ("Somerset Council", "Scrutiny Committee - Communities", "2023-01-11"),
                    agenda_truth(items, ranges), expected_issues=["agenda_page_mismatch"])


# -- a standalone forward plan with another council's column order ----------------------------------
OTHER_HEADER = ["Decision due date", "Item", "Key decision", "Decision maker", "Lead member", "Report author",
                "Consultation"]
OTHER_WIDTHS = [70, 210, 50, 80, 120, 150, 90]


def other_row(decision: Decision) -> list[Any]:
    return [para(decision.date, CELL), [para(decision.subject, CELL_BOLD), para(decision.description, CELL)],
            para("Yes" if decision.key else "No", CELL), para(decision.maker, CELL),
            [para(holder, CELL) for holder in decision.holder], [para(line, CELL) for line in decision.officer],
            para(decision.consulted, CELL)]


def standalone_plan() -> Sample:
    pages = paginate(MAY_TO_AUGUST_2022, 3)
    story: list[Flowable] = [para("Dorset Council", TITLE),
                             para("Cabinet Forward Plan - May to September 2022", TITLE),
                             para("(Publication date 14 April 2022)", BOLD), Spacer(1, 6)]
    story += plan_tables(pages, OTHER_HEADER, OTHER_WIDTHS, render=other_row)
    name = "dorset-cabinet-forward-plan-2022-05.pdf"
    truth = plan_truth(pages, 1)
    for decision in truth:
        decision["public_access"] = None  # this plan's layout has no public access column
    return Sample(name, story, expected(name, 0, None, forward_plan=truth), first_page="landscape")


SAMPLES = [dorset_pack, mismatched_pack, standalone_plan]
