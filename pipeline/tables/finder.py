"""Every table on one page: ruled grids first, then blocks of aligned text in each text column,
then dash and bullet lists; each read by the one grid reader and typed."""

from __future__ import annotations

import re

from ..lines import is_furniture
from ..pdf import Page, Rule, Word
from .columns import mark_header_rows, type_columns
from .grid import build_rows, column_boundaries, is_numeric, line_pieces, row_groups
from .join import join_side_by_side
from .layout import TextColumn, text_columns
from .lists import MIN_ITEMS, list_tables
from .model import BBox, Row, Table
from .regions import aligned_blocks, is_prose, line_box
from .rules import cuts_through, inside, merge_rules, ruled_grids
from .settings import DEFAULT_SETTINGS, TableSettings
from .text import TextLine, text_lines

_TYPED_RULE = re.compile(r"^[-_=─━]{6,}$")
_SENTENCE_END = re.compile(r"[.;!?]$")
HEADING_LINES = 3  # lines above a table searched for its heading
MAX_HEADING_WORDS = 12
PARAGRAPH_GAP = 0.8  # line heights of space that set a line apart from the text above it
FULL = 0.9  # a grid this filled is a table, however small its text in its cells
CONTEXT_LINES = 40  # lines above a table kept as its context (caption, units, period; the report's title)
BELOW_LINES = 2


def page_tables(page: Page, settings: TableSettings = DEFAULT_SETTINGS) -> list[Table]:
    """The tables on a page, top to bottom."""
    return find_tables(page.words, page.rules, page.number, settings)


def find_tables(words: list[Word], rules: list[Rule], page: int,
                settings: TableSettings = DEFAULT_SETTINGS) -> list[Table]:
    """Tables from a page's words and ruling lines (the pure core of `page_tables`). Text set
    sideways (a page number up the margin of a landscape page) is not read."""
    words = [word for word in words if word.upright and not _turned_letter(word)]
    rules = merge_rules([*rules, *(_typed_rule(word) for word in words if _TYPED_RULE.match(word.text))], settings)
    words = [word for word in words if not _TYPED_RULE.match(word.text)]
    tables: list[Table] = []
    taken: list[BBox] = []
    for box in ruled_grids(rules):
        grid_words = [word for word in words if _word_in(word, box)]
        table = read_region(text_lines(grid_words, settings), rules, box, page, "ruled", settings)
        if table is not None:
            tables.append(table)
            taken.append(box)
    free_words = [word for word in words if not any(_word_in(word, box) for box in taken)]
    columns = text_columns(text_lines(free_words, settings), settings)
    for column in columns:
        for block in aligned_blocks(column.lines, column.width, settings):
            box = _bounded_by_rules(line_box(block), rules)
            table = read_region(block, rules, box, page, "aligned", settings)
            if table is not None:
                tables.append(table)
                taken.append(table.bbox)
        rest = [line for line in column.lines if not any(_line_in(line, box) for box in taken)]
        tables.extend(list_tables(rest, page))
    tables = join_side_by_side(tables)
    for table in tables:
        _add_context(table, _column_of(table, columns), settings)
    return [table for table in tables if not _lone_list_item(table)]


def _column_of(table: Table, columns: list[TextColumn]) -> list[TextLine]:
    """The lines of the narrowest text column the table sits in: its caption is in that column,
    not in the one beside it."""
    x = (table.bbox[0] + table.bbox[2]) / 2
    around = [c for c in columns if c.bbox[0] - 5 <= x <= c.bbox[2] + 5] or columns
    return min(around, key=lambda column: column.width).lines if around else []


def read_region(lines: list[TextLine], rules: list[Rule], box: BBox, page: int, method: str,
                settings: TableSettings = DEFAULT_SETTINGS) -> Table | None:
    """The table in one region, or None when its text does not form at least two rows and two columns."""
    if not lines or sum(is_prose(line, box[2] - box[0], settings) for line in lines) > 0.3 * len(lines):
        return None  # a box round running text
    words = [word for line in lines for word in line.words]
    vertical = [rule for rule in rules if rule.orientation == "v" and inside(rule, box)]
    horizontal = [rule for rule in rules
                  if rule.orientation == "h" and inside(rule, box) and not cuts_through(rule, words)]
    boundaries = column_boundaries(lines, vertical, box, settings)
    pieces = [line_pieces(line, boundaries) for line in lines]
    groups = row_groups(lines, pieces, horizontal, box, settings)
    rows = build_rows(lines, pieces, groups, len(boundaries) + 1, page)
    filled = [i for i in range(len(boundaries) + 1) if any(row.cells[i].text for row in rows)]
    for row in rows:
        row.cells = [row.cells[i] for i in filled]
    if len(rows) < 2 or len(filled) < 2 or not _dense(rows, box, settings) or _axis_labels(rows):
        return None
    table = Table(page, box, rows, method)
    mark_header_rows(table)
    return table


def _dense(rows: list[Row], box: BBox, settings: TableSettings) -> bool:
    """Most cells hold text and the text covers a fair share of the box: not a chart's gridlines."""
    cells = [cell for row in rows for cell in row.cells if not cell.covered]
    boxes = [cell.bbox for cell in cells if cell.bbox]
    area = max((box[2] - box[0]) * (box[3] - box[1]), 1.0)
    text_area = sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes)
    filled = len(boxes) / max(len(cells), 1)
    return filled >= settings.min_fill and (filled >= FULL or text_area >= settings.min_text_density * area)


def _axis_labels(rows: list[Row]) -> bool:
    """Most rows hold a lone figure or two in a table of three columns or more: the tick labels of
    a chart's axes (450, 400, 350 ...), not a table's rows."""
    if len(rows[0].cells) < 3:
        return False
    lonely = 0
    for row in rows:
        texts = [cell.text for cell in row.cells if cell.text]
        lonely += 0 < len(texts) <= 2 and all(is_numeric(text) for text in texts)
    return lonely >= 0.5 * len(rows)


def _add_context(table: Table, lines: list[TextLine], settings: TableSettings) -> None:
    """The lines right above and below the table (its caption, units, period), and its column types."""
    x0, top, x1, bottom = table.bbox
    beside = [line for line in lines if line.x1 > x0 - 20 and line.x0 < x1 + 20]
    above = [line for line in beside if line.bottom <= top + 1][-CONTEXT_LINES:]
    below = [line for line in beside if line.top >= bottom - 1][:BELOW_LINES]
    table.starts_page = all(is_furniture(line.text) for line in lines if line.bottom <= top + 1)
    table.ends_page = all(is_furniture(line.text) for line in lines if line.top >= bottom - 1)
    table.above = [line.text for line in above]
    table.below = [line.text for line in below]
    table.caption = _caption(above, top)
    table.heading = _heading(above, top)
    table.columns = type_columns(table, " ".join(table.above[-2:]))


def _heading(above: list[TextLine], top: float) -> str | None:
    """The nearest line above the table (of the last three) that stands alone as a heading: a few
    words, not a sentence, set apart from the text above it or in bold."""
    for index in range(len(above) - 1, max(len(above) - HEADING_LINES, 0) - 1, -1):
        line = above[index]
        gap_above = line.top - above[index - 1].bottom if index else float("inf")
        apart = gap_above > PARAGRAPH_GAP * line.height or all(word.bold for word in line.words)
        if apart and len(line.words) <= MAX_HEADING_WORDS and not _SENTENCE_END.search(line.text):
            return line.text
    return None


def _lone_list_item(table: Table) -> bool:
    """A list of one item is kept only at a page's top or foot, where a list may run over the break."""
    return table.method == "list" and len(table.rows) < MIN_ITEMS and not (table.starts_page or table.ends_page)


def _caption(above: list[TextLine], top: float) -> str | None:
    """The lines right above the table with no paragraph gap between them and it, joined."""
    near: list[TextLine] = []
    below = top
    for line in reversed(above[-3:]):
        if below - line.bottom > 1.5 * line.height:
            break
        near.insert(0, line)
        below = line.top
    return " ".join(line.text for line in near) or None


def _bounded_by_rules(box: BBox, rules: list[Rule]) -> BBox:
    """A table's box grown to the horizontal rules drawn right above and below its text."""
    x0, top, x1, bottom = box
    width = x1 - x0
    for rule in rules:
        if rule.orientation != "h" or rule.x1 - rule.x0 < 0.5 * width or rule.x0 > x0 + 0.25 * width:
            continue
        if 0 < top - rule.top <= 6:
            top = rule.top
        elif 0 < rule.top - bottom <= 6:
            bottom = rule.top
    return (min(x0, min((r.x0 for r in rules if r.orientation == "h" and r.top in (top, bottom)), default=x0)),
            top, max(x1, max((r.x1 for r in rules if r.orientation == "h" and r.top in (top, bottom)), default=x1)),
            bottom)


def _typed_rule(word: Word) -> Rule:
    """A line typed as '--------' (typewriter tables): a rule where it is printed."""
    middle = (word.top + word.bottom) / 2
    return Rule("h", word.x0, word.x1, middle, middle)


def _turned_letter(word: Word) -> bool:
    """A single letter whose box is much wider than tall: a glyph turned on its side (a page number
    written up the margin), whatever the PDF says of its direction."""
    return len(word.text) == 1 and word.x1 - word.x0 > 1.3 * (word.bottom - word.top)


def _word_in(word: Word, box: BBox) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def _line_in(line: TextLine, box: BBox) -> bool:
    return box[1] - 1 <= line.middle <= box[3] + 1 and line.x1 > box[0] and line.x0 < box[2]
