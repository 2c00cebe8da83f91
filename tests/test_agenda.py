"""Front sheets: agenda item numbers, titles and printed page ranges, and the meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import Grid, Text, write_pdf
from reportlab.lib.utils import simpleSplit

from pipeline.extract import extract_pdf
from pipeline.extractors.meeting import title_case


def items(path: Path) -> list[tuple[str, str, int | None, int | None]]:
    return [(i.number, i.title, i.page_start, i.page_end) for i in extract_pdf(path).agenda_items]


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
])
def test_meeting_from_letters_and_header_blocks(tmp_path: Path, lines: list[str], expected: tuple) -> None:
    meeting = extract_pdf(write_pdf(tmp_path / "m.pdf", [Text(lines)])).meeting
    assert (meeting.council, meeting.committee, meeting.date) == expected


def test_title_case_keeps_small_words_small() -> None:
    assert title_case("PEOPLE AND HEALTH SCRUTINY COMMITTEE") == "People and Health Scrutiny Committee"
    assert title_case("Health and Wellbeing Board") == "Health and Wellbeing Board"
