"""Partner contribution tables: who paid how much, their share, the stated total and the period.

Councils print these as ruled tables, whitespace-aligned tables and dash or bullet lists. All
three read the same way once the page is rebuilt into lines: a partner name, one amount, maybe
a percentage; a 'Total' line closes the table. So one line-based parser covers them, with ruling
lines (where present) telling which wrapped lines belong to which cell.

What keeps budget tables and prose out: a row carries one amount (or one per period column, when
the header names that many periods: budget tables have several figures and no periods), a name
of a few words (not a sentence), at least two partner rows, a caption, header or label that
speaks of contributions or partners, and a £ sign somewhere in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..lines import Line, group_lines, rule_between
from ..model import ContributionRow, ContributionTable
from ..normalise import (
    MONEY_TOKEN,
    PERCENT_TOKEN,
    clean_text,
    find_period,
    find_periods,
    parse_money,
    parse_percent,
)
from ..pdf import Page, PdfDocument, Rule

_MONEY_ANYWHERE = re.compile(MONEY_TOKEN)
_ROW_END = re.compile(rf"{MONEY_TOKEN}\s*(?:{PERCENT_TOKEN})?\s*$", re.IGNORECASE | re.MULTILINE)
_BARE_SHARE = re.compile(r"^\d{1,2}(?:\.\d+)?$|^100$")
_SHARE_HEADING = re.compile(r"%|per ?cent|share|proportion", re.IGNORECASE)
_MONEY_WORD = re.compile(rf"^\(?{MONEY_TOKEN}\)?$", re.IGNORECASE)
# Bullets and list numbering; '(cid:127)' is how pdfplumber shows a bullet glyph with no Unicode mapping.
_LEADING_MARKER = re.compile(
    r"^(?:[-–—•●▪◦*·o\uf000-\uf0ff]|\(cid:\d+\)|\(?[a-z0-9]{1,3}[.)]|\d{1,2}(?=\s+[A-Z]))\s+", re.IGNORECASE
)
_TRAILING_SEPARATOR = re.compile(r"\s*[-–—:=]+\s*$")
_TOTAL_LABEL = re.compile(r"^(?:grand\s+|overall\s+)?total\b", re.IGNORECASE)
_CONTEXT_WORDS = re.compile(r"contribut|partner|funding|funded|share", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;,!?]$")
MAX_LABEL_WORDS = 10
MIN_PARTNER_ROWS = 2
CONTEXT_LINES = 6  # lines above a table searched for its caption and period
CAPTION_BELOW_LINES = 2  # 'Table 3: partner contributions 2022/23' printed under the table
PARAGRAPH_GAP = 1.5  # line heights of white space that part a caption from the text above it


@dataclass
class _Row:
    """One line read as 'label  amount  [share]'."""

    line: Line
    label: str
    amounts: list[Decimal]  # one per period column; most tables have one
    share: Decimal | None
    figures_x0: float  # left edge of the amount (and share) columns
    extra: list[Line] = field(default_factory=list)  # wrapped lines of the label's cell
    bare_share: bool = False  # the share was printed without a % sign

    @property
    def is_total(self) -> bool:
        return bool(_TOTAL_LABEL.match(self.label))

    @property
    def name(self) -> str:
        return clean_text(" ".join([self.label, *(line.text for line in self.extra)]))


@dataclass
class _Run:
    """Consecutive rows (possibly over a page break) with the lines just above them."""

    rows: list[_Row]
    above: list[Line]
    header: list[Line]
    layout: str
    closed: bool = False  # ended by a total row or by text that is not part of the table
    below: list[Line] = field(default_factory=list)  # the lines just under it: a caption may be there


def extract_contributions(document: PdfDocument) -> list[ContributionTable]:
    tables: list[ContributionTable] = []
    open_run: _Run | None = None
    previous_text = ""
    for page in document.pages():
        wanted = open_run is not None or _may_hold_rows(page, previous_text)
        previous_text = page.text
        if not wanted:
            continue
        runs, open_run = _page_runs(page, open_run)
        for run in runs:
            tables.extend(_to_tables(run))
        page.release()
    if open_run is not None:
        tables.extend(_to_tables(open_run))
    return tables


def _may_hold_rows(page: Page, previous_text: str) -> bool:
    """Cheap triage on the fast text: a line ending in a money figure (or a share), and talk of
    contributions or partners on this page or the one before (a table's caption may be there)."""
    return bool(_ROW_END.search(page.text)) and bool(
        _CONTEXT_WORDS.search(page.text) or _CONTEXT_WORDS.search(previous_text)
    )


def _page_runs(page: Page, carried: _Run | None) -> tuple[list[_Run], _Run | None]:
    """Runs of rows on one page; the last one stays open if it may continue on the next page."""
    lines = _join_dangling_amounts([line for line in group_lines(page.words, page.number) if line.text.strip()])
    runs: list[_Run] = []
    current = carried
    index = _skip_repeated_header(lines, carried) if carried else 0
    if carried and index is None:  # the next page does not continue the table
        runs.append(carried)
        current, index = None, 0
    while index < len(lines):
        line = lines[index]
        if line.is_furniture:  # a 'Page 7' footer between the rows and the page break
            index += 1
            continue
        row = _parse_row(line)
        if row and not (current and current.closed):
            current = current or _Run([], lines[max(0, index - CONTEXT_LINES) : index], _header(lines, index),
                                      _layout(line))
            current.rows.append(row)
            current.closed = row.is_total
        elif current and current.rows and _continues_label(current.rows[-1], line, page.rules):
            current.rows[-1].extra.append(line)
        elif current:
            current.closed = True
            current.below = lines[index:index + CAPTION_BELOW_LINES]
            runs.append(current)
            current = None
            continue  # this line may start a new table
        index += 1
    if current and not current.closed:
        return runs, current
    if current:
        runs.append(current)
    return runs, None


def _join_dangling_amounts(lines: list[Line]) -> list[Line]:
    """'Trinity Ward -' followed by a line holding only '£1,250': one list item wrapped before its amount."""
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (previous and _TRAILING_SEPARATOR.search(previous.text) and _MONEY_WORD.match(line.text)
                and line.top - previous.bottom < (previous.bottom - previous.top)):
            joined[-1] = Line(previous.page, previous.words + line.words)
        else:
            joined.append(line)
    return joined


def _skip_repeated_header(lines: list[Line], run: _Run) -> int | None:
    """Index of the first row on a continuation page, past a repeated header; None if no continuation."""
    header_keys = {line.text for line in run.header}
    for index, line in enumerate(lines):
        if _parse_row(line):
            return index
        if not (line.text in header_keys or line.is_furniture):
            return None
    return None


def _header(lines: list[Line], first_row: int) -> list[Line]:
    """The text-only lines right above the first row, with no gap between (the column headings), nearest last."""
    above = list(reversed(lines[max(0, first_row - 2) : first_row]))
    header = []
    for line in _adjacent(above, lines[first_row]):
        if _MONEY_ANYWHERE.search(line.text):
            break
        header.insert(0, line)
    return header


def _layout(line: Line) -> str:
    return "list" if _LEADING_MARKER.match(line.text) else "table"


def _parse_row(line: Line) -> _Row | None:
    """'Name  £amount  [share%]' (the share also before the amount), or 'Name  £amount  £amount ...'
    with one amount per period column."""
    words = [word.text for word in line.words]
    share, words = _take_share(words)
    amounts, words = _take_amounts(words)
    bare_share = False
    if not amounts and share is None and len(words) > 1 and _BARE_SHARE.match(words[-1]):
        # '£83,424  32' under a '%' heading: the share printed without its sign (checked in _to_tables)
        amounts, rest = _take_amounts(words[:-1])
        share, bare_share, words = (Decimal(words[-1]), True, rest) if len(amounts) == 1 else (None, False, words)
    if not amounts or (share is not None and len(amounts) > 1):
        return None
    if share is None and len(amounts) == 1:
        share, words = _take_share(words)
    label = _TRAILING_SEPARATOR.sub("", _LEADING_MARKER.sub("", " ".join(words))).strip()
    if not words or not _looks_like_name(label):
        return None
    return _Row(line, label, amounts, share, figures_x0=line.words[len(words)].x0, bare_share=bare_share)


def _take_amounts(words: list[str]) -> tuple[list[Decimal], list[str]]:
    amounts: list[Decimal] = []
    while True:
        text, rest = _take_amount(words)
        if text is None or (amount := parse_money(text)) is None or amount <= 0:
            return amounts, words
        amounts.insert(0, amount)
        words = rest


def _take_share(words: list[str]) -> tuple[Decimal | None, list[str]]:
    share = parse_percent(words[-1]) if words else None
    return (share, words[:-1]) if share is not None else (None, words)


def _take_amount(words: list[str]) -> tuple[str | None, list[str]]:
    """The money figure at the end of a line ('£83,424', or '£' and '83,424' as two words)."""
    if not words or not _MONEY_WORD.match(words[-1]):
        return None, words
    if len(words) >= 2 and words[-2] in ("£", "(£"):
        return words[-2] + words[-1], words[:-2]
    return words[-1], words[:-1]


def _looks_like_name(label: str) -> bool:
    """A partner name or a total label: a few words, starting with a capital, not a sentence."""
    if not label or not label[0].isupper() or _SENTENCE_END.search(label):
        return False
    if _MONEY_ANYWHERE.search(label) or re.search(r"\d+(\.\d+)?\s?%", label):
        return False  # a second figure on the line: a multi-column numeric table
    return len(label.split()) <= MAX_LABEL_WORDS


def _continues_label(row: _Row, line: Line, rules: list[Rule]) -> bool:
    """A text-only line that is the wrapped rest of the row's name (same cell, left column)."""
    if _MONEY_ANYWHERE.search(line.text) or _parse_row(line):
        return False
    previous = row.extra[-1] if row.extra else row.line
    in_label_column = abs(line.x0 - row.line.x0) <= 12 and line.x1 < row.figures_x0
    if not in_label_column or line.page != previous.page:
        return False
    if any(rule.orientation == "h" for rule in rules):
        return not rule_between(rules, previous, line)
    line_height = previous.bottom - previous.top
    return line.top - previous.bottom <= line_height * 0.6


def _to_tables(run: _Run) -> list[ContributionTable]:
    """The run as a table, or one table per period column ('Partner | 2021/22 | 2022/23')."""
    partners = [row for row in run.rows if not row.is_total]
    totals = [row for row in run.rows if row.is_total]
    columns = {len(row.amounts) for row in run.rows}
    if len(partners) < MIN_PARTNER_ROWS or len(columns) != 1:
        return []
    context = [line.text for line in run.header + run.above + run.below] + [row.name for row in run.rows]
    if not any(_CONTEXT_WORDS.search(text) for text in context):
        return []
    if not any("£" in text for text in [*context, *(row.line.text for row in run.rows)]):
        return []  # figures in another currency, or counts: not a council's partner contributions
    if any(row.bare_share for row in run.rows) and not any(_SHARE_HEADING.search(line.text) for line in run.header):
        for row in run.rows:  # a bare number with no '%' heading over it is not a share
            row.share = None if row.bare_share else row.share
    periods = [_period(run)] if columns == {1} else _column_periods(run)
    if len(periods) != columns.pop():
        return []  # several figures a row, not one per period: a budget table (Budget | Outturn | ...)
    first = run.rows[0].line
    return [
        ContributionTable(
            period=period,
            page=first.page,
            rows=[_contribution_row(row, column) for row in partners],
            stated_total=totals[-1].amounts[column] if totals else None,
            layout=run.layout,
            caption=_caption(run),
            bbox=_union([row.line for row in run.rows if row.line.page == first.page]),
        )
        for column, period in enumerate(periods)
    ]


def _column_periods(run: _Run) -> list[str]:
    """The periods heading the amount columns, left to right, from the header line that names them."""
    for line in reversed(run.header):
        if periods := find_periods(line.text):
            return periods
    return []


def _period(run: _Run) -> str | None:
    """The period from the table's own header or total label, else its caption: the lines just above,
    then a caption under it, then the text further up."""
    above = [line for line in reversed(run.above) if line not in run.header]
    near = _adjacent(above, (run.header or [run.rows[0].line])[0])
    candidates = [line.text for line in reversed(run.header)]
    candidates += [row.name for row in run.rows if row.is_total]
    candidates += [line.text for line in near + run.below + above[len(near):]]
    for text in candidates:
        if period := find_period(text):
            return period
    return None


def _adjacent(above: list[Line], first: Line) -> list[Line]:
    """The lines right above a table (nearest first) with no paragraph gap between them and it."""
    near: list[Line] = []
    below = first
    for line in above:
        if line.page != below.page or below.top - line.bottom > PARAGRAPH_GAP * (line.bottom - line.top):
            break
        near.append(line)
        below = line
    return near


def _caption(run: _Run) -> str | None:
    """The nearest line above the rows that names the table (its period or what it is)."""
    for line in reversed(run.above):
        if find_period(line.text) or _CONTEXT_WORDS.search(line.text):
            return clean_text(line.text)
    return None


def _contribution_row(row: _Row, column: int) -> ContributionRow:
    return ContributionRow(row.name, row.amounts[column], row.share, row.line.page, _union([row.line, *row.extra]))


def _union(lines: list[Line]) -> tuple[float, float, float, float]:
    return (
        round(min(line.x0 for line in lines), 1),
        round(min(line.top for line in lines), 1),
        round(max(line.x1 for line in lines), 1),
        round(max(line.bottom for line in lines), 1),
    )
