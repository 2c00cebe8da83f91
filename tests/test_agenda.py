"""Front sheets: agenda item numbers, titles and printed page ranges, and the meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import Grid, PageBreak, Text, write_pdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract import extract_pdf
from pipeline.extractors.meeting import title_case


def items(path: Path) -> list[tuple[str, str, int | None, int | None]]:
    return [(i.number, i.title, i.page_start, i.page_end) for i in extract_pdf(path).agenda_items]


Run = tuple[float, str, bool]  # x, text, bold


def sheet(path: Path, rows: list[list[Run]], header: tuple[str, ...] = ("Great Bramford Parish Council",
                                                                       "FULL COUNCIL", "Monday 13 January 2025",
                                                                       "AGENDA")) -> Path:
    """A front sheet drawn run by run: each row a line of (x offset, text, bold) runs; a run's x of None
    follows on from the run before it, as a word processor sets a bold heading and its description."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    y = A4[1] - 60
    for line in header:
        canvas.setFont("Helvetica", 11)
        canvas.drawString(57, y, line)
        y -= 16
    for row in rows:
        x = 57.0
        for offset, text, bold in row:
            font = "Helvetica-Bold" if bold else "Helvetica"
            canvas.setFont(font, 11)
            x = 57 + offset if offset is not None else x + canvas.stringWidth(" ", font, 11)
            canvas.drawString(x, y, text)
            x += canvas.stringWidth(text, font, 11)
        y -= 16
    canvas.save()
    return path


def test_running_minute_numbers_with_and_without_stops_and_a_gap(tmp_path: Path) -> None:
    """A parish council's summons and agenda: minute numbers run on from the last meeting ('2399.'),
    some printed without a full stop; 2403 is missing; a year or a list in a description starts no item."""
    header = ("GREAT BRAMFORD PARISH COUNCIL", "Full Council, Monday 13 January 2025", "SUMMONS AND AGENDA")
    pdf = sheet(tmp_path / "parish.pdf", header=header, rows=[
        [(0, "2399.", False), (50, "Apologies for absence", False)],
        [(50, "To receive and consider approval of apologies for absence from members of the", False)],
        [(50, "Council.", False)],
        [(0, "2400", False), (50, "Declarations of interest", False)],
        [(0, "2401.", False), (50, "Minutes of the meeting held on 9 December 2024", False)],
        [(50, "2025 dates will be agreed at this meeting.", False)],
        [(0, "2402", False), (50, "Finance", False)],
        [(50, "1. To approve the payments schedule", False)],
        [(50, "2. To note the bank reconciliation", False)],
        [(0, "2404.", False), (50, "Date of next meeting", False)],
    ])
    assert items(pdf) == [("2399", "Apologies for absence", None, None),
                          ("2400", "Declarations of interest", None, None),
                          ("2401", "Minutes of the meeting held on 9 December 2024", None, None),
                          ("2402", "Finance", None, None), ("2404", "Date of next meeting", None, None)]


def test_a_bold_heading_with_its_description_on_the_same_line(tmp_path: Path) -> None:
    """The title is the bold heading; the regular text after it on its line (and on the lines the
    heading wrapped onto) is the description."""
    pdf = sheet(tmp_path / "bold.pdf", [
        [(0, "1.", False), (40, "Apologies for absence", True), (None, "To receive apologies for absence.", False)],
        [(0, "2.", False), (40, "Planning applications received since the last meeting and decisions", True)],
        [(40, "notified by Babergh District Council", True), (None, "To consider the applications.", False)],
        [(0, "3.", False), (40, "Finance", True),
         (None, "To approve the payments listed in the schedule and to", False)],
        [(40, "note the bank reconciliation.", False)],
        [(0, "4.", False), (40, "Minutes", True), (None, "(Pages 1 - 6)", False)],
    ])
    extraction = extract_pdf(pdf)
    assert items(pdf) == [
        ("1", "Apologies for absence", None, None),
        ("2", "Planning applications received since the last meeting and decisions notified by Babergh District "
              "Council", None, None),
        ("3", "Finance", None, None), ("4", "Minutes", 1, 6)]
    assert extraction.agenda_items[2].description == ("To approve the payments listed in the schedule and to note "
                                                      "the bank reconciliation.")


@pytest.mark.parametrize(("line", "title"), [
    ("Minutes. To approve the minutes of the meeting held on 9 December 2024.", "Minutes"),
    ("Apologies for absence – to receive apologies.", "Apologies for absence"),
    ("Public forum: Members are invited to raise matters of concern.", "Public forum"),
    ("Correspondence To note the correspondence received.", "Correspondence"),
    # not descriptions: Kent's titles as printed
    ("Minutes of the meeting held on 13 February 2025 and, if in order, to be approved as a correct record",
     "Minutes of the meeting held on 13 February 2025 and, if in order, to be approved as a correct record"),
    ("Corporate Parenting Panel - October 2024 Minutes for noting",
     "Corporate Parenting Panel - October 2024 Minutes for noting"),
    ("Report by Leader of the Council", "Report by Leader of the Council"),
])
def test_what_a_description_says_is_not_the_title(tmp_path: Path, line: str, title: str) -> None:
    pdf = sheet(tmp_path / "line.pdf", [[(0, "1.", False), (40, line, False)],
                                        [(0, "2.", False), (40, "Close", False)]])
    assert items(pdf)[0] == ("1", title, None, None)


def test_a_number_alone_on_its_line(tmp_path: Path) -> None:
    """A number cell set a line above its title (or a scan that put them apart): the next line is the title."""
    pdf = sheet(tmp_path / "alone.pdf", [
        [(0, "1.", False)], [(50, "APOLOGIES FOR ABSENCE", True)], [(50, "To receive apologies.", False)],
        [(0, "2.", False)], [(50, "MINUTES", True), (430, "1 - 8", False)], [(50, "To confirm the minutes.", False)],
        [(0, "3.", False)], [(50, "FINANCE", True)], [(240, "3", False)]])  # the page number is no item
    assert items(pdf) == [("1", "APOLOGIES FOR ABSENCE", None, None), ("2", "MINUTES", 1, 8),
                          ("3", "FINANCE", None, None)]


def test_a_ruled_action_log_between_items_is_not_items(tmp_path: Path) -> None:
    """The action log under item 4 is a ruled table whose rows are numbered 5, 6 and 7 (minute numbers
    of the last meeting) in line with the item numbers: read as items they would make a longer run
    than the agenda's own (no item 6). The table layer finds the table; its rows are not items."""
    number = (0, 40)
    pdf = write_pdf(tmp_path / "log.pdf", [
        Text(["Royal Sutton Coldfield Town Council", "Amenities Committee", "Tuesday 13 March 2018", "AGENDA"]),
        *[Grid([(n, t)], columns=number, ruled=False) for n, t in
          [("1", "Apologies"), ("2", "Declarations of Interest"), ("3", "Minutes"), ("4", "Action Log")]],
        Grid([("Min.", "Action", "By"), ("5", "Publicise the grants round", "Clerk"),
              ("6", "Report on the Christmas lights", "Town Clerk"), ("7", "Quotes for a bench", "RFO")],
             columns=(0, 40, 300)),
        *[Grid([(n, t)], columns=number, ruled=False) for n, t in
          [("5", "Community Grant Applications"), ("7", "Summer in Sutton Coldfield"), ("8", "Christmas Lights"),
           ("9", "Date of Next Meeting")]],
    ])
    assert [(number, title) for number, title, _, _ in items(pdf)] == [
        ("1", "Apologies"), ("2", "Declarations of Interest"), ("3", "Minutes"), ("4", "Action Log"),
        ("5", "Community Grant Applications"), ("7", "Summer in Sutton Coldfield"), ("8", "Christmas Lights"),
        ("9", "Date of Next Meeting")]


def test_a_front_sheet_printed_as_a_ruled_table_is_read(tmp_path: Path) -> None:
    """Every item in a ruled table (number | title | pages): the table is the agenda, not something
    between its items."""
    pdf = write_pdf(tmp_path / "ruled.pdf", [
        Text(["Somerset Council", "EXECUTIVE", "Date: Wednesday, 5 October 2022", "AGENDA"]),
        Grid([("Item", "Subject", "Pages"), ("1", "Apologies", ""), ("2", "Minutes", "1 - 4"),
              ("3", "Budget Monitoring", "5 - 20"), ("4", "Urgent Business", "")], columns=(0, 40, 380)),
    ])
    assert items(pdf) == [("1", "Apologies", None, None), ("2", "Minutes", 1, 4), ("3", "Budget Monitoring", 5, 20),
                          ("4", "Urgent Business", None, None)]


def test_the_title_rule_is_the_same_on_every_layout(tmp_path: Path) -> None:
    """One agenda set four ways gives the same items: the heading, without its description or range."""
    expected = [("1", "Apologies", None, None), ("2", "Minutes", 1, 8), ("3", "Housing Revenue Account Business Plan",
                                                                         9, 30)]
    layouts = {
        "heading then description": [
            [(0, "1.", False), (40, "Apologies", False)], [(40, "To receive apologies for absence.", False)],
            [(0, "2.", False), (40, "Minutes (Pages 1 - 8)", False)], [(40, "To confirm the minutes.", False)],
            [(0, "3.", False), (40, "Housing Revenue Account Business Plan (Pages 9 - 30)", False)],
            [(40, "Report of the Cabinet Member for Housing.", False)]],
        "bold heading, description after it": [
            [(0, "1.", False), (40, "Apologies", True), (None, "To receive apologies for absence.", False)],
            [(0, "2.", False), (40, "Minutes", True), (None, "To confirm the minutes.", False),
             (None, "(Pages 1 - 8)", False)],
            [(0, "3.", False), (40, "Housing Revenue Account Business Plan", True),
             (None, "Report of the Cabinet Member for Housing.", False), (None, "(Pages 9 - 30)", False)]],
        "capitals over a description, page column": [
            [(0, "1.", True), (40, "APOLOGIES", True)], [(40, "To receive apologies for absence.", False)],
            [(0, "2.", True), (40, "MINUTES", True), (420, "1 - 8", False)],
            [(40, "To confirm the minutes.", False)],
            [(0, "3.", True), (40, "HOUSING REVENUE ACCOUNT BUSINESS PLAN", True), (420, "9 - 30", False)],
            [(40, "Report of the Cabinet Member for Housing.", False)]],
        "a stop, then the description": [
            [(0, "1", False), (40, "Apologies. To receive apologies for absence.", False)],
            [(0, "2", False), (40, "Minutes. To confirm the minutes. (Pages 1 - 8)", False)],
            [(0, "3", False), (40, "Housing Revenue Account Business Plan (Pages 9 - 30)", False)]],
    }
    for index, (layout, rows) in enumerate(layouts.items()):
        read = items(sheet(tmp_path / f"{index}.pdf", rows))
        got = [(number, title.title() if title.isupper() else title, start, end) for number, title, start, end in read]
        assert got == expected, layout


def test_page_number_column(tmp_path: Path) -> None:
    column = (0, 400)
    pdf = write_pdf(tmp_path / "front.pdf", [
        Text(["Wiltshire Council", "ENVIRONMENT SELECT COMMITTEE", "Date: Tuesday, 8 November 2022", ""]),
        Grid([("AGENDA", "Page No.")], columns=column, ruled=False),
        Grid([("1. APOLOGIES", "")], columns=column, ruled=False),
        Text(["To receive any apologies for absence."]),
        Grid([("3. MINUTES", "1 - 12")], columns=column, ruled=False),
        Text(["To confirm the minutes of the meeting held on 6 September 2022."]),
        Grid([("5. HOUSEHOLD WASTE AND RECYCLING", "101 114")], columns=column, ruled=False),
        Grid([("COLLECTION REVIEW", "")], columns=column, ruled=False),
        Text(["To consider the report of the Director of Environment."]),
        Grid([("6a. URGENT ITEMS", "115")], columns=column, ruled=False),
        Text(["Any other items of business which the Chairman agrees to consider as a matter of urgency."]),
    ])
    assert items(pdf) == [("1", "APOLOGIES", None, None), ("3", "MINUTES", 1, 12),
                          ("5", "HOUSEHOLD WASTE AND RECYCLING COLLECTION REVIEW", 101, 114),
                          ("6a", "URGENT ITEMS", 115, 115)]
    meeting = extract_pdf(pdf).meeting
    assert (meeting.council, meeting.committee, meeting.date) == (
        "Wiltshire Council", "Environment Select Committee", "2022-11-08")


def test_inline_ranges_wrapped_and_inside_titles(tmp_path: Path) -> None:
    """Kent's layout: titles wrap at the edge of their column, as a word processor wraps them."""
    column = (0, 390)

    def item(title: str, pages: str = "") -> list[Grid]:
        lines = simpleSplit(title, "Helvetica", 11, 330)  # wrapped like Word: each line filled to the edge
        return [Grid([(line, pages if i == 0 else "")], columns=column, ruled=False) for i, line in enumerate(lines)]

    pdf = write_pdf(tmp_path / "kent-style.pdf", [
        Text(["AGENDA", "CABINET", "Thursday, 30th January, 2025, at 10.00 am", "UNRESTRICTED ITEMS"]),
        *item("1. Apologies"),
        *item("2. Minutes of the Meeting held on 9th January 2025", "(Pages 1 - 10)"),
        *item("3. 24/00108 - Revenue and Capital Budget Monitoring Report - November 2024-25 and Treasury "
              "Management Strategy (Pages 11 - 84)"),
        *item("4. Minutes of the meetings held on 19 December 2024 and 9 January 2025 and, if in order, to be "
              "approved as a correct record", "(Pages 85 - 96)"),
        *item("5. Kent Minerals and Waste Local Plan 2024-39"),
        *item("See supplement pack published alongside the main agenda"),
        *item("6. Treasury Management Strategy Pages 97 - 120"),
        Text(["Yours sincerely"]),
    ])
    assert items(pdf) == [
        ("1", "Apologies", None, None),
        ("2", "Minutes of the Meeting held on 9th January 2025", 1, 10),
        ("3", "24/00108 - Revenue and Capital Budget Monitoring Report - November 2024-25 and Treasury "
              "Management Strategy", 11, 84),
        ("4", "Minutes of the meetings held on 19 December 2024 and 9 January 2025 and, if in order, to be approved "
              "as a correct record", 85, 96),
        ("5", "Kent Minerals and Waste Local Plan 2024-39", None, None),
        ("6", "Treasury Management Strategy", 97, 120),
    ]


def test_lettered_sub_items_pp_ranges_and_an_exempt_heading(tmp_path: Path) -> None:
    """ModernGov's sub-items numbered '3(a)' in the number column, ranges printed 'pp. 5-12' at the right
    margin (a title wrapping before it), and a centred 'PART B' heading that is no part of an item."""
    title = "Application 24/P/2011/OUT: Outline application for up to 120 dwellings, Land at Churchill Green"
    first, second = simpleSplit(title, "Helvetica-Bold", 11, 330)
    pdf = sheet(tmp_path / "sub-items.pdf", header=("Tendring District Council", "CABINET",
                                                     "Friday, 14 February 2025", "AGENDA"), rows=[
        [(0, "1", True), (40, "Apologies for Absence", True)],
        [(40, "The Cabinet is asked to note any apologies.", False)],
        [(0, "2", True), (40, "Minutes of the Last Meeting", True), (420, "pp. 5-12", False)],
        [(0, "3", True), (40, "Cabinet Members' Items", True)],
        [(0, "3(a)", True), (40, "Housing Revenue Account Budget 2025/26", True), (420, "pp. 13-40", False)],
        [(40, "To agree the HRA budget and rents.", False)],
        [(0, "3(b)", True), (40, first, True)],
        [(40, second, True), (420, "pp. 41-80", False)],
        [(150, "PART B – EXEMPT ITEMS", True)],
        [(0, "4", True), (40, "Disposal of Land at Coastal Car Park", True), (420, "pp. 81-90", False)],
    ])
    assert items(pdf) == [("1", "Apologies for Absence", None, None), ("2", "Minutes of the Last Meeting", 5, 12),
                          ("3", "Cabinet Members' Items", None, None),
                          ("3(a)", "Housing Revenue Account Budget 2025/26", 13, 40), ("3(b)", title, 41, 80),
                          ("4", "Disposal of Land at Coastal Car Park", 81, 90)]


def test_decimal_sub_items(tmp_path: Path) -> None:
    """A planning committee's applications numbered '5.1.', '5.2.' under item 5 (each with its own range); a
    time at the start of a line ('7.30 pm') is no sub-item."""
    pdf = sheet(tmp_path / "decimal.pdf", header=("Hinckley and Bosworth Borough Council", "Planning Committee",
                                                   "Tuesday, 8 April 2025", "AGENDA"), rows=[
        [(0, "4.", True), (40, "Decisions delegated at the previous meeting", True)],
        [(0, "5.", True), (40, "Planning applications", True)],
        [(0, "5.1.", True), (40, "24/01234/FUL – Land north of Station Road (Pages 9 - 40)", True)],
        [(0, "5.2.", True), (40, "24/01377/OUT – Land off Ashby Road (Pages 41 - 100)", True)],
        [(0, "6.", True), (40, "Appeals progress report (Pages 101 - 104)", True)],
        [(0, "7.30 pm", False), (60, "Close of meeting", False)],
    ])
    assert items(pdf) == [("4", "Decisions delegated at the previous meeting", None, None),
                          ("5", "Planning applications", None, None),
                          ("5.1", "24/01234/FUL – Land north of Station Road", 9, 40),
                          ("5.2", "24/01377/OUT – Land off Ashby Road", 41, 100),
                          ("6", "Appeals progress report", 101, 104)]


def test_a_range_on_a_line_of_its_own_under_the_description(tmp_path: Path) -> None:
    """'Pages 13 - 36' printed alone under the item's description (a report pack's front sheet); 'see pages'
    in running text is no range."""
    pdf = sheet(tmp_path / "under.pdf", header=("West Berkshire Council", "Executive", "Thursday 6 March 2025",
                                                 "AGENDA"), rows=[
        [(0, "1.", True), (40, "Apologies", True)],
        [(0, "2.", True), (40, "Minutes of the previous meeting", True)],
        [(40, "To approve the minutes of the meeting held on 6 February 2025.", False)],
        [(40, "Pages 5 - 12", False)],
        [(0, "3.", True), (40, "Budget Monitoring Report: Month 10", True)],
        [(40, "Report of the Director of Finance.", False)],
        [(40, "Pages 13 - 36", False)],
        [(0, "4.", True), (40, "Public Questions", True)],
        [(40, "Questions received by the deadline are listed on the website; see pages", False)],
    ])
    assert items(pdf) == [("1", "Apologies", None, None), ("2", "Minutes of the previous meeting", 5, 12),
                          ("3", "Budget Monitoring Report: Month 10", 13, 36), ("4", "Public Questions", None, None)]


def test_minute_numbers_by_year(tmp_path: Path) -> None:
    """A parish council numbering its minutes by year ('25/031'), no 25/037; a date at the start of a line
    ('14/04/2025') and a planning reference ('24/01234/FUL') start no item."""
    pdf = sheet(tmp_path / "by-year.pdf", header=("Long Melford Parish Council", "PARISH COUNCIL MEETING",
                                                   "Monday 10 March 2025", "AGENDA"), rows=[
        [(0, "25/035", False), (50, "Reports", True), (None, "To receive reports.", False)],
        [(0, "25/036", False), (50, "Finance", True), (None, "To approve the payments.", False)],
        [(0, "25/038", False), (50, "Planning", True), (None, "To consider:", False)],
        [(50, "24/01234/FUL Land at Hall Street", False)],
        [(0, "25/039", False), (50, "Date of next meeting", True)],
        [(0, "14/04/2025", False), (80, "at 7.30 pm", False)],
    ])
    assert items(pdf) == [("25/035", "Reports", None, None), ("25/036", "Finance", None, None),
                          ("25/038", "Planning", None, None), ("25/039", "Date of next meeting", None, None)]


def test_a_summons_letter_before_the_agenda(tmp_path: Path) -> None:
    """'Dear Councillor' and a summons on page 1 (its sentence wrapping 'agenda below.' onto a line of its
    own, which is no heading), the agenda on page 2 in a ruled table with a 'Page No.' column of en-dash
    ranges. The meeting's day is the summons's, not the day the letter was written."""
    pdf = write_pdf(tmp_path / "summons.pdf", [
        Text(["Stockport Metropolitan Borough Council", "Date: 7 March 2025", "Dear Councillor,",
              "You are hereby summoned to attend a meeting of the Cabinet to be held in the",
              "Town Hall on Tuesday, 18 March 2025 at 6.00 pm for the business set out in the",
              "agenda below.", "Yours sincerely,", "Chief Executive"]),
        PageBreak(),
        Text(["AGENDA"]),
        Grid([("Item", "Subject", "Page No."), ("1.", "Declarations of Interest", ""), ("2.", "Minutes", "5 – 12"),
              ("3.", "Medium Term Financial Plan", "13 – 40")], columns=(0, 40, 380)),
    ])
    assert items(pdf) == [("1", "Declarations of Interest", None, None), ("2", "Minutes", 5, 12),
                          ("3", "Medium Term Financial Plan", 13, 40)]
    meeting = extract_pdf(pdf).meeting
    assert (meeting.council, meeting.committee, meeting.date) == (
        "Stockport Metropolitan Borough Council", "Cabinet", "2025-03-18")


def test_a_forward_plan_is_no_meeting(tmp_path: Path) -> None:
    """A standalone plan: the cells under its header ('Cabinet', a subject wrapped onto 'assembly') and its
    publication date name no meeting."""
    pdf = write_pdf(tmp_path / "plan.pdf", [
        Text(["Cheshire West and Chester Council", "Forward Plan of Key Decisions", "Published: 14 February 2025"]),
        Grid([("Subject", "Decision maker", "Date of decision"), ("Town centre land", "Cabinet", "18 March 2025"),
              ("assembly", "", "")], columns=(0, 200, 320)),
    ])
    assert extract_pdf(pdf).meeting.to_contract() is None


def test_a_report_with_numbered_sections_has_no_agenda(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "report.pdf", [
        Text(["Dorset Council", "Cabinet", "7 September 2021", "1. Executive Summary", "The Partnership is ...",
              "2. Financial Implications", "None."]),
    ])
    assert items(pdf) == []
    assert extract_pdf(pdf).meeting.committee == "Cabinet"


@pytest.mark.parametrize(("lines", "expected"), [
    (["Direct Dial/Ext: 03000414043", "e-mail: someone@kent.gov.uk", "Date: 29 January 2025", "Dear Member",
      "CABINET - THURSDAY, 30 JANUARY 2025"], ("Kent County Council", "Cabinet", "2025-01-30")),
    (["Contact: democratic.services@dorsetcouncil.gov.uk", "HEALTH AND WELLBEING BOARD - WEDNESDAY, 8 JUNE 2022"],
     ("Dorset Council", "Health and Wellbeing Board", "2022-06-08")),
    (["BCP Council", "CABINET", "Report subject Children's Safeguarding Partnership Review",
      "Meeting date 17 July 2024"], ("BCP Council", "Cabinet", "2024-07-17")),
    (["From: Cabinet Member for Finance", "To: County Council Date: 13 March 2025",
      "Subject: Pay Policy Statement 2025/26", "Surrey County Council"], ("Surrey County Council", "County Council",
                                                                          "2025-03-13")),
    (["Suffolk County Council", "Report to: Cabinet", "Date of meeting: 12 March 2024"],
     ("Suffolk County Council", "Cabinet", "2024-03-12")),
    (["Nottinghamshire County Council", "Report to the Health and Wellbeing Board", "22 November 2023"],
     ("Nottinghamshire County Council", "Health and Wellbeing Board", "2023-11-22")),
    (["Shropshire Council", "Committee and date: Cabinet, 17 January 2024", "Item 9"],
     ("Shropshire Council", "Cabinet", "2024-01-17")),
    (["Leader of the Council", "Cabinet", "Date of meeting: 9 April 2024", "Contact: a.b@bucks.gov.uk",
      "Buckinghamshire Council"], ("Buckinghamshire Council", "Cabinet", "2024-04-09")),
    (["Great Bramford Parish Council", "Meeting of the Full Council", "Monday 13 January 2025 at 7.30pm"],
     ("Great Bramford Parish Council", "Full Council", "2025-01-13")),
    (["Great Bramford Parish Council", "Full Council Meeting", "13 January 2025"],
     ("Great Bramford Parish Council", "Full Council", "2025-01-13")),
    (["Great Bramford Parish Council", "You are summoned to attend a meeting of the Full Council to be held on",
      "Monday 13 January 2025"], ("Great Bramford Parish Council", "Full Council", "2025-01-13")),
    (["Little Wenlock Parish Council", "24 February 2025", "Members are hereby summoned to attend a meeting of the",
      "Planning Committee of Little Wenlock Parish Council to be held in the Village Hall on",
      "Monday 3rd March 2025 at 7.00 pm."], ("Little Wenlock Parish Council", "Planning Committee", "2025-03-03")),
    (["Cheshire West and Chester Council", "Cabinet", "Wednesday, 12 March 2025"],
     ("Cheshire West and Chester Council", "Cabinet", "2025-03-12")),
    (["City of York Council", "Executive", "Thursday, 13 February 2025, 5.30 pm", "Contact: a.b@york.gov.uk"],
     ("City of York Council", "Executive", "2025-02-13")),
    (["FROME TOWN COUNCIL", "NOTICE OF MEETING", "Date of notice: 3 April 2025",
      "Notice is hereby given that a meeting of the Full Council will be held at the Council Chamber,",
      "Town Hall, Frome on Wednesday 9 April 2025 at 7.00 pm."], ("Frome Town Council", "Full Council", "2025-04-09")),
])
def test_meeting_from_letters_and_header_blocks(tmp_path: Path, lines: list[str], expected: tuple) -> None:
    meeting = extract_pdf(write_pdf(tmp_path / "m.pdf", [Text(lines)])).meeting
    assert (meeting.council, meeting.committee, meeting.date) == expected


def test_title_case_keeps_small_words_small() -> None:
    assert title_case("PEOPLE AND HEALTH SCRUTINY COMMITTEE") == "People and Health Scrutiny Committee"
    assert title_case("Health and Wellbeing Board") == "Health and Wellbeing Board"
