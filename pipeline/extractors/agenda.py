"""Agenda items from a front sheet: number, title, description and printed page range.

**The title rule.** An item's title is its heading: the words after its number up to where its
description begins, joined over the lines the heading wrapped onto, without its page range. It is
the same rule on every layout (born-digital or scanned: OCR marks bold words too). The
description begins at the first of

1. a change from bold to regular type, when the heading is set in bold ('**Apologies for
   absence** To receive apologies' gives 'Apologies for absence'); a bold heading goes on only
   over bold words, on its line and the lines it wrapped onto;
2. on the heading's line, what a description says, after a stop, colon or dash ('Minutes. To
   approve the minutes ...', 'Apologies – to receive apologies ...', 'Public forum: Members are
   invited to ...') or after no stop at all when it begins 'To' and a verb ('Minutes To approve');
3. a new line that does not carry the heading on. The heading goes on over the next line only
   when its line wrapped (the next line's first word would not have fitted before the margin:
   a 'Page No.' column, or where the agenda's longest line ends) or the next line plainly continues
   it (starts in lower case or with '(', holds only the page range, or both are in capitals). A
   line that begins as a description does ('To approve ...', 'Report of the Director ...'), a line
   in mixed case under a heading in capitals, and a line set apart to the right of the heading (a
   section heading such as 'EXEMPT ITEMS', a sign-off) are never part of it.

The page range ('(Pages 1 - 10)', 'Pages 97 - 120', 'pp. 5-12', or '11 - 100' in a right-hand 'Page
No.' column) is taken out of the title wherever it sits: at the end, wrapped onto the next line, inside
a two-line title, after the description on the heading's line, or on a line of its own under the
description.

**Numbers.** Items are the longest run of numbered lines, aligned in one column, whose numbers
go up in order: 1…N with gaps ('no item 6'), sub-items ('3a', '3(a)' or '3.1' after '3'), or a parish
council's running minute numbers ('2399.', '2400', or by year, '25/031'); with or without a full stop.
A stray number in a description (a year, a wrapped page range, a numbered list inside an item, a time
such as '7.30 pm') does not break the run.
A ruled table set between two items (an action log, a schedule of payments) belongs to the item
above it: its rows are not items, whatever their numbers (the table layer finds the table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lines import Line
from ..model import AgendaItem
from ..normalise import clean_text
from ..pack import STAMP
from ..pdf import Page, PdfDocument, Word
from ..tables import find_tables
from ..tables.model import BBox
from ..tables.text import text_lines

FRONT_SHEET_PAGES = 6  # the agenda is within the first pages of a pack
# 'AGENDA', 'A G E N D A', 'Agenda Item No' (a covering letter's list), 'Agenda for ...'; not a report's
# 'Agenda Item 8' stamp, nor a sentence wrapped onto a line ('agenda below.': a heading has its capital).
# OCR may leave a speck before it.
_AGENDA_HEADING = re.compile(
    r"^[^\w(]{0,2}(?=(?-i:A))(?:A\s?G\s?E\s?N\s?D\s?A\b(?!\s+Item\s+\d)|Agenda Item No\b|Agenda for\b)", re.IGNORECASE
)
# ... or a title ending in it: 'SUMMONS AND AGENDA', 'Notice of Meeting and Agenda', 'Full Council Agenda' (not
# '... items on the agenda')
_AGENDA_TITLE = re.compile(r"^[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|the|for|to|&)){0,7}\s+(?:AGENDA|Agenda):?$")
# '8.', '8', '2399.', '25/031', '6a', '6(a)', '5.1', '4)', '3.0', 'Item 5:' at the start of a line, before the
# title (OCR may read the stop as a comma), or alone on its line with the title on the next. A sub-item's
# decimal is one digit, and a stop with a figure right after it is no item's: '7.30 pm' is a time.
_ITEM = re.compile(r"^(?:Item\s+)?(\d{2}/\d{1,4}|\d{1,4}(?:[a-z]|\([a-z]\)|\.[1-9](?!\d))?)(?:\.0(?=\s))?"
                   r"(?:(?:\.(?!\d)|\))\s*(?=\S)|(?:[:,]\s+|\s+)(?=\S)|[.)]?$)", re.IGNORECASE)
# '(Pages 1 - 10)', '(Page 5)', '(pp. 5-12)', or the same without brackets at the end of a line
_PAGE_RANGE = r"(?:Pages?\s+|pp?\.\s*)(\d+)(?:\s*[-–]\s*(\d+))?"
_PAGES = re.compile(rf"\(\s*{_PAGE_RANGE}\s*\)|(?<!\w){_PAGE_RANGE}\s*$", re.IGNORECASE)
_BRACKETED_PAGES = re.compile(rf"\(\s*{_PAGE_RANGE}\s*\)", re.IGNORECASE)
# a range alone in a 'Page No.' column: '1 - 12', '101 114', '115'; OCR may leave a stop or a speck by it
_BARE_RANGE = re.compile(r"^[.,'‘]?(\d{1,4})[.,]?(?:\s*[-–—=]\s*|\s+)(\d{1,4})[.,:;°]?$|^[.,'‘]?(\d{1,4})[.,:;°]?$")
_SPECK = re.compile(r"^[-–—.,:;'‘’`]$")  # a lone mark in the gap before a range column: OCR's speck
_SPECKED = re.compile(r"^[-–—.,:;'‘’`] (\d.*)$")  # ... or before an item's number
_ENDS_AGENDA = re.compile(r"^Yours (?:sincerely|faithfully)\b", re.IGNORECASE)  # a covering letter's sign-off
# What a description says: 'To receive ...', 'Members are invited to ...', 'Report of the Director ...'.
_VERB_WORDS = ("receive|consider|approve|note|agree|resolve|discuss|review|confirm|ratify|accept|adopt|elect|appoint|"
               "decide|determine|authorise|authorize|record|sign|hear|answer|welcome|update|declare")
_VERBS = rf"(?:{_VERB_WORDS})\b"
# ... after a stop, colon or dash on the heading's line
_DESCRIPTION = re.compile(
    r"(?:[.:;]|\s[-–—])\s+(?=(?:members|councillors|(?:the\s+)?(?:council|committee|cabinet|board|panel))\s+"
    r"(?:(?:is|are)\s+)?(?:asked|invited|requested)\s+to\b|(?:(?:members|council|committee)\s+)?to\s+"
    rf"(?:{_VERB_WORDS}|invite|raise|report|formally|be|re-?elect)\b)", re.IGNORECASE)
# ... with no stop before it: 'To' in capitals and a verb ('Minutes To approve the minutes ...')
_TO_DESCRIPTION = re.compile(r"\s(?=To\s+" + _VERBS + ")")
# ... at the start of a line under the heading
_DESCRIBES = re.compile(r"^(?:To\s+" + _VERBS + r"|Reports?\s+(?:of|by|from)\s+the\b)")
# the words of a page range: neither bold nor regular for the bold-heading rule
_NEUTRAL = re.compile(r"^(?:\(?Pages?|\(?pp?\.|\(?\d{1,4}\)?[.,]?|[-–—]|\(?\d{1,4}[-–]\d{1,4}\)?)$", re.IGNORECASE)
RANGE_COLUMN_GAP = 18.0  # points of white space between a title and a 'Page No.' column entry
MAX_DESCRIPTION_LINES = 8
SPACE = 4.0  # points: a space between words
GAP_LINES = 3.0  # white space taller than this many lines after an item ends it
INDENT = 40.0  # points: a title's next line starts no further right than this past the title's start
NUMBER_COLUMN = 30.0  # points: item numbers in one column start within this of each other
MAX_STEP = 5  # an item number follows the one before by at most this much (gaps in the numbering)


@dataclass
class _Item:
    number: str
    title_words: list[Word] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    column_range: tuple[int, int | None] | None = None  # from a right-hand 'Page No.' column
    number_left: float = 0.0  # where the number starts
    title_left: float | None = None  # where the title's text starts, after the number (None: not yet seen)
    title_right: float = 0.0  # where its last line ends
    title_lines: int = 0
    bold: bool = False  # the heading is set in bold: it goes on only over bold words
    title_done: bool = False  # the description has begun: nothing more is title
    last_line: Line | None = None
    ended: bool = False  # a wide gap closed the item: what follows (a sign-off, a note) is not its text


@dataclass(frozen=True)
class _SheetLine:
    """A front-sheet line split once into its words and any range in a right-hand 'Page No.' column."""

    line: Line
    words: list[Word]  # without the range column
    column_range: tuple[int, int | None] | None
    column_left: float | None  # where that range starts
    text_right: float  # where the text ends (before an inline '(Pages ...)')

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def extract_agenda_items(document: PdfDocument) -> list[AgendaItem]:
    pages = _front_sheet_pages(document)
    lines: list[Line] = []
    tables: list[tuple[int, BBox]] = []
    for page in pages:
        lines += _lines(page)
        tables += [(page.number, box) for box in _ruled_tables(page)]
        page.release()
    return [_finish(item) for item in _items(lines, tables)]


def _front_sheet_pages(document: PdfDocument) -> list[Page]:
    """The pages from the agenda heading to the first report ('Agenda Item N' stamp)."""
    pages: list[Page] = []
    for number in range(1, min(document.page_count, FRONT_SHEET_PAGES) + 1):
        page = document.page(number)
        if pages and any(STAMP.match(line) for line in page.lines):
            break  # the first report
        if pages or any(_is_heading(line) for line in page.lines):
            pages.append(page)
    return pages


def _lines(page: Page) -> list[Line]:
    """The page's lines (the table layer's: a word joins the line whose first word it overlaps by half its
    height, which holds a scanned line's words together), from the agenda heading on."""
    lines = [Line(page.number, line.words) for line in text_lines(page.words)]
    heading = next((i for i, line in enumerate(lines) if _is_heading(line.text)), None)
    return lines[heading + 1:] if heading is not None else lines


def _is_heading(text: str) -> bool:
    return bool(_AGENDA_HEADING.match(text) or _AGENDA_TITLE.match(text))


def _ruled_tables(page: Page) -> list[BBox]:
    """The boxes of the ruled tables on a front-sheet page (the table layer's), if it has rules."""
    if not page.rules:
        return []
    return [table.bbox for table in find_tables(page.words, page.rules, page.number) if table.method == "ruled"]


# -- which lines start items ------------------------------------------------------------------------
def _items(lines: list[Line], tables: list[tuple[int, BBox]]) -> list[_Item]:
    end = next((i for i, line in enumerate(lines) if _ENDS_AGENDA.match(line.text)), len(lines))
    lines = lines[:end]
    inside = _table_lines(lines, tables)
    starts = _item_starts(lines, inside)
    if not starts:
        return []
    sheet = {index: _split_range_column(line) for index, line in enumerate(lines) if index >= min(starts)}
    margin = _title_margin(sheet, starts, inside)
    items: list[_Item] = []
    for index in sorted(sheet):
        entry = sheet[index]
        if index in inside and index not in starts:
            continue  # a row of a table inside an item (an action log): not the item's text
        words = entry.words
        if index in starts and (match := _ITEM.match(_unspecked(entry.text))):
            words = words[1:] if _unspecked(entry.text) != entry.text else words
            item = _Item(match.group(1), number_left=words[0].x0)
            words = _after_number(words, match.end())
            item.title_left = words[0].x0 if words else None  # the number alone: its title on the next line
            items.append(item)
        if items:
            _add_line(items[-1], entry, words, margin)
    return items


def _table_lines(lines: list[Line], tables: list[tuple[int, BBox]]) -> dict[int, int]:
    """Line index -> table, for the lines in the ruled tables that sit between two items (an action
    log under an item): their rows are not items. A table holding the items themselves (a front sheet
    printed as a ruled table) has no item outside it on both sides."""
    placed = {index: table for index, line in enumerate(lines)
              for table, (page, box) in enumerate(tables) if line.page == page and _in_box(line, box)}
    outside = _item_starts(lines, placed)
    between = {table for table in set(placed.values())
               if any(i < min(k for k, t in placed.items() if t == table) for i in outside)
               and any(i > max(k for k, t in placed.items() if t == table) for i in outside)}
    return {index: table for index, table in placed.items() if table in between}


def _in_box(line: Line, box: BBox) -> bool:
    middle = (line.top + line.bottom) / 2
    return box[1] - 1 <= middle <= box[3] + 1 and line.x0 >= box[0] - 2 and line.x1 <= box[2] + 2


def _item_starts(lines: list[Line], skip: dict[int, int]) -> set[int]:
    """The lines that start items: the longest run of numbered lines whose numbers go up in order and
    which are aligned in one column (the earliest such run where two are as long)."""
    candidates = [(index, match.group(1), line.words[0].x0) for index, line in enumerate(lines)
                  if index not in skip and (match := _ITEM.match(_unspecked(line.text)))]
    best: list[tuple[int, int]] = []  # per candidate: (length of the best run ending here, previous)
    for position, (_, number, left) in enumerate(candidates):
        length, previous = 1, -1
        for before in range(position):
            _, earlier, earlier_left = candidates[before]
            if (best[before][0] + 1 > length and abs(left - earlier_left) <= NUMBER_COLUMN
                    and _next_number(earlier, number)):
                length, previous = best[before][0] + 1, before
        best.append((length, previous))
    if not best:
        return set()
    last = max(range(len(best)), key=lambda p: (best[p][0], -_run(best, p)[0]))
    return {candidates[p][0] for p in _run(best, last)}


def _run(best: list[tuple[int, int]], position: int) -> list[int]:
    run = []
    while position >= 0:
        run.append(position)
        position = best[position][1]
    return run[::-1]


def _unspecked(text: str) -> str:
    """The line without a lone mark before its number (OCR's speck, '- 6 Waste ...')."""
    return match.group(1) if (match := _SPECKED.match(text)) else text


def _next_number(previous: str, number: str) -> bool:
    """Items are numbered in order: '4' after '3', '7' after '5' (no item 6), '3a' or '3.1' after '3',
    '25/032' after '25/031'."""
    (before, before_sub), (current, sub) = _order(previous), _order(number)
    return before < current <= before + MAX_STEP or (current == before and sub > before_sub)


def _order(number: str) -> tuple[int, int]:
    """(item, sub-item) of a number: '3' is (3, 0), '3a' and '3(a)' are (3, 1), '3.2' is (3, 2); a minute
    number by year, '25/031', is (31, 0)."""
    main, sub = re.fullmatch(r"(?:\d+/)?(\d+)\W*(\w?)\W*", number.lower()).groups()
    if not sub:
        return int(main), 0
    return int(main), int(sub) if sub.isdigit() else ord(sub) - ord("a") + 1


def _after_number(words: list[Word], end: int) -> list[Word]:
    """The line's words after the item number (which may be run together with the title's first word)."""
    consumed = 0
    for index, word in enumerate(words):
        cut = end - consumed
        if cut <= 0:
            return words[index:]
        if cut < len(word.text):
            width = (word.x1 - word.x0) * cut / len(word.text)
            rest = Word(word.text[cut:].lstrip(), word.x0 + width, word.x1, word.top, word.bottom, word.bold)
            return [rest, *words[index + 1:]]
        consumed += len(word.text) + 1
    return []


# -- the lines of each item ---------------------------------------------------------------------------
def _title_margin(sheet: dict[int, _SheetLine], starts: set[int], skip: dict[int, int]) -> float | None:
    """Where titles wrap: before a 'Page No.' column if the sheet has one, else where the longest
    line of the agenda ends (an item's or a description's: the next word did not fit); a sign-off
    set to the right is not one of its lines."""
    column = [entry.column_left for entry in sheet.values() if entry.column_left is not None]
    if column:
        return min(column) - RANGE_COLUMN_GAP
    left = min(sheet[index].line.x0 for index in starts)
    return max((entry.text_right for index, entry in sheet.items()
                if index not in skip and entry.words and entry.line.x0 <= left + 2 * INDENT), default=None)


def _split_range_column(line: Line) -> _SheetLine:
    """'MINUTES        1 - 2': the text, and the range set apart in a right-hand column."""
    words = [word for index, word in enumerate(line.words)
             if not (index and _SPECK.match(word.text) and word.x0 - line.words[index - 1].x1 >= RANGE_COLUMN_GAP)]
    for start in range(max(1, len(words) - 3), len(words)):
        tail = " ".join(word.text for word in words[start:])
        if (match := _BARE_RANGE.match(tail)) and words[start].x0 - words[start - 1].x1 >= RANGE_COLUMN_GAP:
            first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), None)
            return _SheetLine(line, words[:start], (int(first), int(last) if last else None), words[start].x0,
                              words[start - 1].x1)
    return _SheetLine(line, words, None, None, _title_right(words))


def _title_right(words: list[Word]) -> float:
    """Where the title's text ends on a line: before an inline '(Pages 1 - 14)' or 'pp. 5-12' at its end,
    which has a column of its own."""
    for start in range(1, len(words)):
        if _PAGES.fullmatch(" ".join(word.text for word in words[start:])):
            return words[start - 1].x1
    return words[-1].x1


def _add_line(item: _Item, entry: _SheetLine, words: list[Word], margin: float | None) -> None:
    line = entry.line
    item.column_range = item.column_range or entry.column_range
    previous, item.last_line = item.last_line, line
    if previous is not None and line.page == previous.page and line.top - previous.bottom > GAP_LINES * (
            previous.bottom - previous.top):
        item.ended = True
    if item.title_left is not None and previous is not None and line.x0 > item.title_left + INDENT \
            and any(c.isalpha() for c in entry.text) and not _PAGES.search(entry.text):
        item.ended = True  # a centred heading ('EXEMPT ITEMS') or a sign-off: the item is over
    if item.ended or not words:
        return
    if item.title_left is None:
        item.title_left = words[0].x0
    first = not item.title_lines
    if first:
        item.bold = bool(_starts_bold(words))
    elif item.title_done or not _continues_title(item, line, words, margin):
        item.title_done = True
        _describe(item, words)
        return
    if item.bold and (split := _bold_end(words)) is not None:
        item.title_words += words[:split]
        item.title_done = True
        _describe(item, words[split:])
    else:
        item.title_words += words
    item.title_lines += 1
    item.title_right = entry.text_right


def _describe(item: _Item, words: list[Word]) -> None:
    text = " ".join(word.text for word in words)
    if text and len(item.description) < MAX_DESCRIPTION_LINES:
        item.description.append(text)


def _starts_bold(words: list[Word]) -> bool | None:
    """Whether the line's first word that is not part of a page range is bold (None: it has none)."""
    return next((word.bold for word in words if not _NEUTRAL.match(word.text)), None)


def _bold_end(words: list[Word]) -> int | None:
    """Where a bold heading's line turns to regular type (its description), if it does."""
    for index, word in enumerate(words):
        if not word.bold and not _NEUTRAL.match(word.text):
            return index
    return None


def _continues_title(item: _Item, line: Line, words: list[Word], margin: float | None) -> bool:
    """The line is more of the title: the title's last line wrapped (this line's first word would not
    have fitted on it), or this line plainly carries on (lower case, '(', the page range, capitals
    under capitals); never a line set apart to the left or right of the title."""
    text = " ".join(word.text for word in words)
    if line.x0 > item.title_left + INDENT:
        return False  # a centred heading such as 'EXEMPT ITEMS' is not part of a title
    if item.bold and _starts_bold(words) is False:
        return False  # a bold heading goes on only in bold
    if _DESCRIBES.match(text):
        return False  # 'To approve the minutes ...', 'Report of the Director ...': what the item is for
    title = " ".join(word.text for word in item.title_words)
    ranged = text[0] == "(" or bool(_BARE_RANGE.match(text.rstrip(")")))
    if title.isupper() and not text.isupper():
        return ranged  # a heading in capitals goes on only in capitals: mixed case under it describes it
    carries_on = text[0].islower() or ranged
    capitals = text.isupper() and title.isupper()  # 'ANNUAL SELF EVALUATION' / 'OF ...'
    first_word = words[0]
    wrapped = margin is not None and item.title_right + SPACE + (first_word.x1 - first_word.x0) > margin + SPACE
    return carries_on or capitals or (wrapped and not text.isupper())


def _finish(item: _Item) -> AgendaItem:
    title = clean_text(" ".join(word.text for word in item.title_words))
    description = list(item.description)
    start = end = None
    if match := _PAGES.search(title):
        start, end = _range(match)
        title = clean_text(title[: match.start()] + " " + title[match.end():])
    elif item.column_range:
        start, end = item.column_range[0], item.column_range[1] or item.column_range[0]
    if split := _DESCRIPTION.search(title) or _TO_DESCRIPTION.search(title):
        description.insert(0, title[split.end():])
        title = title[: split.start()]
    if start is None and (match := _BRACKETED_PAGES.search(" ".join(description))):
        start, end = _range(match)  # after a description on its line
        description = [_BRACKETED_PAGES.sub(" ", line) for line in description]
    elif start is None and (alone := [m for line in description if (m := _PAGES.fullmatch(line.strip()))]):
        start, end = _range(alone[0])  # on a line of its own under the description ('Pages 5 - 12')
        description = [line for line in description if not _PAGES.fullmatch(line.strip())]
    return AgendaItem(item.number.rstrip("."), _trimmed(title), clean_text(" ".join(description)) or None,
                      start, end)


def _range(match: re.Match[str]) -> tuple[int, int]:
    """(first, last) page of a matched range: '(Pages 1 - 10)', 'pp. 5-12', '(Page 5)'."""
    first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return int(first), int(last or first)


def _trimmed(title: str) -> str:
    """The title without the dashes, stops and stray marks (OCR's specks) left at its ends."""
    return title.strip(" -–—_.,:;|‘’'\"“”~")
