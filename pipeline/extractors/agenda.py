"""Agenda items from a front sheet: number, title, description and printed page range.

Front sheets list items as '8. TITLE' with the range in a right-hand 'Page No.' column
('11 - 100'), or inline as '3. Minutes ... (Pages 1 - 10)', a range that may wrap onto the next
line or sit inside a two-line title. A title goes on over the next line when its line runs to
the right margin (it wrapped), or when the next line plainly continues it (starts in lower case
or with '(' or holds only the range); otherwise the lines under it are its description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lines import Line, group_lines
from ..model import AgendaItem
from ..normalise import clean_text
from ..pdf import Page, PdfDocument

FRONT_SHEET_PAGES = 6  # the agenda is within the first pages of a pack
# 'AGENDA', 'A G E N D A', 'Agenda Item No' (a covering letter's list), 'Agenda for ...'; not a report's
# 'Agenda Item 8' stamp.
_AGENDA_HEADING = re.compile(
    r"^(?:A\s?G\s?E\s?N\s?D\s?A\b(?!\s+Item\s+\d)|Agenda Item No\b|Agenda for\b)", re.IGNORECASE
)
_REPORT_STAMP = re.compile(r"^\s*Agenda Item \d+[a-z]?\s*$", re.IGNORECASE | re.MULTILINE)
_ITEM = re.compile(r"^(\d{1,3}[a-z]?)(?:\.|\s)\s*(?=\S)")
# '(Pages 1 - 10)', '(Page 5)', or the same without brackets at the end of a line
_PAGES = re.compile(r"\(\s*Pages?\s+(\d+)(?:\s*[-–]\s*(\d+))?\s*\)|\bPages?\s+(\d+)(?:\s*[-–]\s*(\d+))?\s*$",
                    re.IGNORECASE)
_BARE_RANGE = re.compile(r"^(\d{1,4})(?:\s*[-–]\s*|\s+)(\d{1,4})$|^(\d{1,4})$")
_ENDS_AGENDA = re.compile(r"^(?:Yours sincerely|Benjamin Watts|General Counsel|Chief Executive\b)", re.IGNORECASE)
RANGE_COLUMN_GAP = 18.0  # points of white space between a title and a 'Page No.' column entry
WRAP_MARGIN = 45.0  # a line ending this close to the right margin ran out of room: it wrapped
MAX_DESCRIPTION_LINES = 8


@dataclass
class _Item:
    number: str
    title_lines: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    column_range: tuple[int, int | None] | None = None  # from a right-hand 'Page No.' column
    wrapped: bool = False  # the last title line ran to the right margin, so the title goes on


def extract_agenda_items(document: PdfDocument) -> list[AgendaItem]:
    pages = _front_sheet_pages(document)
    lines = [line for page in pages for line in _lines(page)]
    for page in pages:
        page.release()
    return [_finish(item) for item in _items(lines)]


def _front_sheet_pages(document: PdfDocument) -> list[Page]:
    """The pages from the agenda heading to the first report ('Agenda Item N' stamp)."""
    pages: list[Page] = []
    for number in range(1, min(document.page_count, FRONT_SHEET_PAGES) + 1):
        page = document.page(number)
        if pages and _REPORT_STAMP.search("\n".join(page.lines[:3])):
            break
        if pages or any(_AGENDA_HEADING.match(line) for line in page.lines):
            pages.append(page)
    return pages


def _lines(page: Page) -> list[Line]:
    lines = group_lines(page.words, page.number)
    heading = next((i for i, line in enumerate(lines) if _AGENDA_HEADING.match(line.text)), None)
    return lines[heading + 1:] if heading is not None else lines


def _items(lines: list[Line]) -> list[_Item]:
    # the agenda runs from its first numbered line to the sign-off; the margin is measured there only
    start = next((i for i, line in enumerate(lines) if _ITEM.match(line.text)), len(lines))
    end = next((i for i, line in enumerate(lines) if _ENDS_AGENDA.match(line.text)), len(lines))
    lines = lines[start:end]
    right_margin = _title_margin(lines)
    items: list[_Item] = []
    for line in lines:
        text, column_range, text_right = _split_range_column(line)
        if (match := _ITEM.match(text)) and _next_number(items, match.group(1)):
            items.append(_Item(match.group(1)))
            text = text[match.end():]
        _add_line(items[-1], text, column_range, text_right >= right_margin - WRAP_MARGIN)
    return items


def _title_margin(lines: list[Line]) -> float:
    """Where titles wrap: before a 'Page No.' column if the sheet has one, else at the longest title's end."""
    split = [_split_range_column(line) for line in lines]
    column = [line.words[len(text.split())].x0 for line, (text, pages, _) in zip(lines, split, strict=True) if pages]
    if column:
        return min(column) - RANGE_COLUMN_GAP
    return max((right for _, _, right in split), default=0.0)


def _next_number(items: list[_Item], number: str) -> bool:
    """Items are numbered in order: '4' after '3', '3a' after '3'; a stray number in a description is not."""
    if not items:
        return True
    previous, current = int(re.match(r"\d+", items[-1].number).group()), int(re.match(r"\d+", number).group())
    return previous < current <= previous + 5 or (current == previous and number != items[-1].number)


def _split_range_column(line: Line) -> tuple[str, tuple[int, int | None] | None, float]:
    """'MINUTES        1 - 2': the text, the range set apart in a right-hand column, and the text's right edge."""
    words = line.words
    for start in range(max(1, len(words) - 3), len(words)):
        tail = " ".join(word.text for word in words[start:])
        if (match := _BARE_RANGE.match(tail)) and words[start].x0 - words[start - 1].x1 >= RANGE_COLUMN_GAP:
            first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), None)
            text = " ".join(word.text for word in words[:start])
            return text, (int(first), int(last) if last else None), words[start - 1].x1
    return line.text, None, _title_right(words)


def _title_right(words: list) -> float:
    """Where the title's text ends on a line: before an inline '(Pages 1 - 14)', which has a column of its own."""
    starts = [i for i, word in enumerate(words) if word.text.lower().startswith("(page")]
    if starts and starts[-1] > 0 and _PAGES.fullmatch(" ".join(word.text for word in words[starts[-1]:])):
        return words[starts[-1] - 1].x1
    return words[-1].x1


def _add_line(item: _Item, text: str, column_range: tuple | None, runs_to_margin: bool) -> None:
    item.column_range = item.column_range or column_range
    if not item.title_lines or (not item.description and _continues_title(item, text)):
        item.title_lines.append(text)
        item.wrapped = runs_to_margin
    elif text and len(item.description) < MAX_DESCRIPTION_LINES:
        item.description.append(text)


def _continues_title(item: _Item, text: str) -> bool:
    """The next line is more of the title: the last one wrapped, or this one plainly carries on."""
    if not text:
        return False
    carries_on = text[0].islower() or text[0] == "(" or bool(_BARE_RANGE.match(text.rstrip(")")))
    capitals = text.isupper() and item.title_lines[-1].isupper()  # 'ANNUAL SELF EVALUATION' / 'OF ...'
    return item.wrapped or carries_on or capitals


def _finish(item: _Item) -> AgendaItem:
    title = clean_text(" ".join(item.title_lines))
    start = end = None
    if match := _PAGES.search(title):
        first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        start, end = int(first), int(last or first)
        title = clean_text(title[: match.start()] + " " + title[match.end():])
    elif item.column_range:
        start, end = item.column_range[0], item.column_range[1] or item.column_range[0]
    description = clean_text(" ".join(item.description)) or None
    return AgendaItem(item.number.rstrip("."), title.strip(" -–"), description, start, end)
