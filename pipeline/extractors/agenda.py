"""Agenda items from a front sheet: number, title, description and printed page range.

Front sheets list items as '8. TITLE' with the range in a right-hand 'Page No.' column
('11 - 100'), or inline as '3. Minutes ... (Pages 1 - 10)', a range that may wrap onto the next
line or sit inside a two-line title. A title goes on over the next line when its line wrapped
(the next line's first word would not have fitted before the margin), or when the next line
plainly continues it (starts in lower case or with '(' or holds only the range); otherwise the
lines under it are its description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lines import Line, group_lines
from ..model import AgendaItem
from ..normalise import clean_text
from ..pack import STAMP
from ..pdf import Page, PdfDocument

FRONT_SHEET_PAGES = 6  # the agenda is within the first pages of a pack
# 'AGENDA', 'A G E N D A', 'Agenda Item No' (a covering letter's list), 'Agenda for ...'; not a report's
# 'Agenda Item 8' stamp.
_AGENDA_HEADING = re.compile(
    r"^(?:A\s?G\s?E\s?N\s?D\s?A\b(?!\s+Item\s+\d)|Agenda Item No\b|Agenda for\b)", re.IGNORECASE
)
_ITEM = re.compile(r"^(\d{1,3}[a-z]?)(?:\.|\s)\s*(?=\S)")
# '(Pages 1 - 10)', '(Page 5)', or the same without brackets at the end of a line
_PAGES = re.compile(r"\(\s*Pages?\s+(\d+)(?:\s*[-–]\s*(\d+))?\s*\)|\bPages?\s+(\d+)(?:\s*[-–]\s*(\d+))?\s*$",
                    re.IGNORECASE)
_BARE_RANGE = re.compile(r"^(\d{1,4})(?:\s*[-–]\s*|\s+)(\d{1,4})$|^(\d{1,4})$")
_ENDS_AGENDA = re.compile(r"^Yours (?:sincerely|faithfully)\b", re.IGNORECASE)  # a covering letter's sign-off
RANGE_COLUMN_GAP = 18.0  # points of white space between a title and a 'Page No.' column entry
MAX_DESCRIPTION_LINES = 8
SPACE = 4.0  # points: a space between words
GAP_LINES = 3.0  # white space taller than this many lines after an item ends it
INDENT = 40.0  # points: a title's next line starts no further right than this past the title's start


@dataclass
class _Item:
    number: str
    title_lines: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    column_range: tuple[int, int | None] | None = None  # from a right-hand 'Page No.' column
    title_left: float = 0.0  # where the title's text starts, after the number
    title_right: float = 0.0  # where its last line ends
    last_line: Line | None = None
    ended: bool = False  # a wide gap closed the item: what follows (a sign-off, a note) is not its text


@dataclass(frozen=True)
class _SheetLine:
    """A front-sheet line split once into its text and any range in a right-hand 'Page No.' column."""

    line: Line
    text: str
    column_range: tuple[int, int | None] | None
    column_left: float | None  # where that range starts
    text_right: float  # where the text ends (before an inline '(Pages ...)')


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
        if pages and any(STAMP.match(line) for line in page.lines):
            break  # the first report
        if pages or any(_AGENDA_HEADING.match(line) for line in page.lines):
            pages.append(page)
    return pages


def _lines(page: Page) -> list[Line]:
    lines = group_lines(page.words, page.number)
    heading = next((i for i, line in enumerate(lines) if _AGENDA_HEADING.match(line.text)), None)
    return lines[heading + 1:] if heading is not None else lines


def _items(lines: list[Line]) -> list[_Item]:
    # the agenda runs from its first numbered line to the sign-off, if there is one
    start = next((i for i, line in enumerate(lines) if _ITEM.match(line.text)), len(lines))
    end = next((i for i, line in enumerate(lines) if _ENDS_AGENDA.match(line.text)), len(lines))
    sheet = [_split_range_column(line) for line in lines[start:end]]
    starts = _item_starts(sheet)
    margin = _title_margin(sheet, starts)
    items: list[_Item] = []
    for index, entry in enumerate(sheet):
        text = entry.text
        if index in starts and (match := _ITEM.match(text)):
            words = entry.line.words
            items.append(_Item(match.group(1), title_left=words[min(1, len(words) - 1)].x0))
            text = text[match.end():]
        _add_line(items[-1], entry, text, margin)
    return items


def _item_starts(sheet: list[_SheetLine]) -> set[int]:
    """The lines that start an item: numbered, and in sequence."""
    starts: set[int] = set()
    previous: str | None = None
    for index, entry in enumerate(sheet):
        if (match := _ITEM.match(entry.text)) and _next_number(previous, match.group(1)):
            previous = match.group(1)
            starts.add(index)
    return starts


def _title_margin(sheet: list[_SheetLine], starts: set[int]) -> float | None:
    """Where titles wrap: before a 'Page No.' column if the sheet has one, else where the longest
    item line ends (its next word did not fit)."""
    column = [entry.column_left for entry in sheet if entry.column_left is not None]
    if column:
        return min(column) - RANGE_COLUMN_GAP
    return max((sheet[index].text_right for index in starts), default=None)


def _next_number(previous: str | None, number: str) -> bool:
    """Items are numbered in order: '4' after '3', '3a' after '3'; a stray number in a description is not."""
    if previous is None:
        return True
    before, current = int(re.match(r"\d+", previous).group()), int(re.match(r"\d+", number).group())
    return before < current <= before + 5 or (current == before and number != previous)


def _split_range_column(line: Line) -> _SheetLine:
    """'MINUTES        1 - 2': the text, and the range set apart in a right-hand column."""
    words = line.words
    for start in range(max(1, len(words) - 3), len(words)):
        tail = " ".join(word.text for word in words[start:])
        if (match := _BARE_RANGE.match(tail)) and words[start].x0 - words[start - 1].x1 >= RANGE_COLUMN_GAP:
            first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), None)
            text = " ".join(word.text for word in words[:start])
            return _SheetLine(line, text, (int(first), int(last) if last else None), words[start].x0,
                              words[start - 1].x1)
    return _SheetLine(line, line.text, None, None, _title_right(words))


def _title_right(words: list) -> float:
    """Where the title's text ends on a line: before an inline '(Pages 1 - 14)', which has a column of its own."""
    starts = [i for i, word in enumerate(words) if word.text.lower().startswith("(page")]
    if starts and starts[-1] > 0 and _PAGES.fullmatch(" ".join(word.text for word in words[starts[-1]:])):
        return words[starts[-1] - 1].x1
    return words[-1].x1


def _add_line(item: _Item, entry: _SheetLine, text: str, margin: float | None) -> None:
    line = entry.line
    item.column_range = item.column_range or entry.column_range
    previous, item.last_line = item.last_line, line
    if previous is not None and line.page == previous.page and line.top - previous.bottom > GAP_LINES * (
            previous.bottom - previous.top):
        item.ended = True
    if item.ended:
        return
    if not item.title_lines or (not item.description and _continues_title(item, line, text, margin)):
        item.title_lines.append(text)
        item.title_right = entry.text_right
    elif text and len(item.description) < MAX_DESCRIPTION_LINES:
        item.description.append(text)


def _continues_title(item: _Item, line: Line, text: str, margin: float | None) -> bool:
    """The line is more of the title: the title's last line wrapped (this line's first word would not
    have fitted on it), or this line plainly carries on (lower case, '(', the page range)."""
    if not text or line.x0 > item.title_left + INDENT:
        return False  # a centred heading such as 'EXEMPT ITEMS' is not part of a title
    carries_on = text[0].islower() or text[0] == "(" or bool(_BARE_RANGE.match(text.rstrip(")")))
    capitals = text.isupper() and item.title_lines[-1].isupper()  # 'ANNUAL SELF EVALUATION' / 'OF ...'
    first_word = line.words[0]
    wrapped = margin is not None and item.title_right + SPACE + (first_word.x1 - first_word.x0) > margin + SPACE
    return carries_on or capitals or (wrapped and not text.isupper())


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
