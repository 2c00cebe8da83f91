"""Forward plans: the landscape tables of upcoming decisions that cabinets publish.

A plan is a table whose header names decision columns ('Decision Maker', 'Date the Decision is
Due', 'Key decision', 'Portfolio Holder', 'Officer Contact'...). Councils order and word those
columns differently, so columns are mapped by the meaning of their header text, never by
position. Cells often carry labelled values of other fields ('Key Decision - Yes' under the
subject, 'Decision Maker' above 'Cabinet'), so every cell is also split at such labels.

The table runs over several pages with its header repeated; a row cut by a page break continues
at the top of the next page, where its short cells (decision maker, date, key decision) are
empty, so such a first row is merged back into its row. Rows holding only a month name ('May',
'June 2023') group the decisions and are not decisions themselves.

Pages are triaged on their fast text; only pages whose text names several decision columns are
parsed with pdfplumber: ruled tables through its table finder, borderless ones by rebuilding
the columns from the header words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pdfplumber.table import Table

from ..lines import Line, group_lines, rule_between
from ..model import ForwardPlan, ForwardPlanDecision
from ..normalise import MONTH_NAMES, MONTHS, clean_text, find_period, parse_date
from ..pdf import Page, PdfDocument, Rule, Word
from .meeting import named_councils

# -- vocabulary ----------------------------------------------------------------------------------

# What a column holds, from its header text. Order matters: the first pattern that matches wins,
# so 'Date the Decision is Due' is a date (not a subject) and 'Report author' an officer.
_COLUMN_MEANINGS: list[tuple[str | None, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        (None, r"first\s+(?:published|entered|included)|added\s+to|\bupdated\b|date\s+(?:published|entered)"),
        ("maker_and_date", r"^meeting$|\b(?:maker|taker|body)\b.*\b(?:date|when)\b"),
        ("consultees", r"consult|scrutiny|other\s+committee"),
        ("key_decision", r"\bkey\b"),
        ("public_access", r"exempt|private|confidential|public\s+access|\baccess\b|\bopen\b"),
        ("decision_date", r"\bdate\b|\bdue\b|\bwhen\b|timing|timescale"),
        ("decision_maker", r"maker|taker|decision[- ]making|who\s+will\s+(?:make|take)|decided\s+by|\bbody\b"),
        ("portfolio_holder", r"portfolio|\bmembers?\b|councillor|\bcllr\b"),
        ("officer", r"officer|author|contact|\bdirector\b"),
        ("description", r"description|summary|purpose|details|\breasons?\b|background"),
        ("subject", r"subject|title|\bitem\b|matter|decision|topic|report|proposal|issue"),
    ]
]
_DECISION_MEANINGS = {"decision_maker", "decision_date", "key_decision", "maker_and_date"}
MIN_MEANINGS = 3  # distinct meanings a header needs to be a plan's header
MAX_HEADER_WORDS = 12  # a header cell is a few words, not a sentence

# Triage on the fast text: a plan page names several of these, and the word 'decision'.
_HEADER_HINTS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in [
        r"decision[- ]?(?:maker|taker)|decision[- ]making|decided\s+by",
        r"key\s+decision",
        r"\bdate\b|\bdue\b|\bwhen\b|timing",
        r"portfolio|lead\s+member|cabinet\s+member|executive\s+member",
        r"officer|report\s+author|contact",
        r"exempt|private|public\s+access|confidential",
        r"consult",
    ]
]
MIN_PAGE_HINTS = 3
MIN_LINE_HINTS = 2  # a borderless header line names at least two decision columns

# Labels printed inside cells: 'Key Decision - Yes' inline, or 'Decision Maker' alone over its value.
# (field, label, may stand alone on its line with the value below); group 1 is an inline value.
_LABELS: list[tuple[str, re.Pattern[str], bool]] = [
    (name, re.compile(rf"(?:{pattern})(?:\s*[:\-–—]\s*(\S.*)|\s*:?\s*)$", re.IGNORECASE), alone)
    for name, pattern, alone in [
        ("key_decision", r"key\s+decision\??", True),
        ("public_access", r"public\s+access|access", True),
        ("public_access", r"exempt|private|confidential", False),  # alone these are values
        ("decision_maker", r"decision[- ]?(?:maker|taker)", True),
        ("decision_date", r"decision\s+date|date\s+of\s+decision|decision\s+due(?:\s+date)?|due\s+date", True),
        ("decision_date", r"date", False),
        ("consultees", r"consultees|consulted|consultation", False),
        ("portfolio_holder", r"portfolio\s+holders?|lead\s+members?|cabinet\s+members?", False),
        ("officer", r"officer\s+contact|contact\s+officer|lead\s+officer|report\s+author", True),
        ("officer", r"contact|author", False),
        ("description", r"description|summary|purpose", False),
        ("subject", r"subject|title", False),
    ]
]
_SINGLE_LINE_FIELDS = {"key_decision", "public_access", "decision_date"}

_MONTH_HEADING = re.compile(rf"^(?:{MONTH_NAMES})\.?(?:\s+\d{{4}})?$", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({MONTH_NAMES})\b", re.IGNORECASE)
_ACCESS_VALUE = re.compile(
    r"^(?:fully\s+exempt|part(?:ly|ially)?\s+exempt|part\s+private|exempt|open|private|confidential|"
    r"restricted|public)\b",
    re.IGNORECASE,
)
_YES = re.compile(r"^(?:yes|y|key)\b", re.IGNORECASE)
_NO = re.compile(r"^(?:no|n|non[- ]?key|not\s+key)\b", re.IGNORECASE)

# A new portfolio holder starting on its own line (joined with ', ' to the one before).
_HOLDER_START = re.compile(
    r"^(?:deputy\s+)?(?:portfolio\s+holder|cabinet\s+member|lead\s+member|executive\s+member|leader|cllr|councillor)\b",
    re.IGNORECASE,
)
_HOLDER_UNFINISHED = re.compile(r"(?:,|&|\b(?:and|deputy|for|of|the))$", re.IGNORECASE)  # 'Deputy' + 'Leader'
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_EMAIL_PREFIX = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]*")  # an address, maybe cut short
_LOCAL_PART_START = re.compile(r"[a-z0-9_%+'-]+[._][a-z0-9._%+'-]*")  # 'christopher.featherston'
# Last labels of complete e-mail domains: 'dorsetcouncil.g' or 'bcpcouncil.go' are cut short.
_EMAIL_ENDINGS = {"uk", "com", "org", "net", "io", "info", "eu", "wales", "scot", "cymru", "london"}
_PHONE = re.compile(r"(?:\+44\s?|\(?0)\d[\d\s()]{8,}\d")
_CONTACT_LABEL = re.compile(r"\b(?:e-?mail|tel(?:ephone)?|phone|mobile|[te])\s*:\s*", re.IGNORECASE)
_PERSON_NAME = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?[A-Z][A-Za-z'’-]+(?:\s+(?:[A-Z]\.?|[A-Z][A-Za-z'’-]+)){1,3}$"
)
_ROLE_WORDS = re.compile(
    r"\b(?:director|manager|head|officer|executive|lead|chief|team|services?|council|assistant|corporate|"
    r"strategic|deputy|senior|principal|interim|programme|policy|project|cabinet|portfolio|leader|member|"
    r"finance|planning|legal|people|place|adults?|children)\b",
    re.IGNORECASE,
)

_TITLE = re.compile(
    r"forward\s+plan|notice\s+of\s+(?:key\s+)?decisions|plan\s+of\s+(?:key\s+)?decisions|"
    r"key\s+decisions?\s+(?:plan|notice)|decisions?\s+plan",
    re.IGNORECASE,
)
MAX_TITLE_WORDS = 15
_PUBLISHED = re.compile(
    r"(?:publication\s+date|date\s+of\s+publication|date\s+published|published(?:\s+on)?|issue\s+date|"
    r"date\s+of\s+issue|issued(?:\s+on)?)\s*[:\-–]?\s*(.{0,40})",
    re.IGNORECASE,
)
_MONTH_RANGE = re.compile(
    rf"\b(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s+\d{{4}})?\s*(?:to|until|-|–|—)\s*(?:\d{{1,2}}\s+)?"
    rf"(?:{MONTH_NAMES})\s+\d{{4}}\b",
    re.IGNORECASE,
)

COLUMN_EDGE_TOLERANCE = 5.0  # points: the same table's columns on the next page
HEADER_SEARCH_ROWS = 3  # a table's header is within its first rows
ROW_GAP = 0.6  # a gap between lines wider than this share of a line's height parts two rows
MAX_NAME_LINES = 2  # an officer's name wrapped in a narrow column


# -- the page model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CellLine:
    text: str
    bold: bool = False


Cell = list[_CellLine]


@dataclass
class _Row:
    page: int
    cells: list[Cell]
    spanning: bool = False  # one cell runs across several columns (a heading row)

    @property
    def filled(self) -> list[Cell]:
        return [cell for cell in self.cells if cell]


@dataclass
class _Grid:
    """A table as read from one page: rows of cells, header included."""

    page: int
    bbox: tuple[float, float, float, float]
    edges: list[float]  # left edges of the columns
    rows: list[_Row]
    above: list[str] = field(default_factory=list)  # the page's text lines above the table


@dataclass
class _Plan:
    """One forward plan being read: its column meanings and its body rows so far."""

    first_page: int
    columns: list[str | None]
    access_word: str  # what 'Yes' means in the access column ('Exempt', 'Private'...)
    edges: list[float]
    front_matter: list[str]
    last_page: int
    rows: list[_Row] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # row index -> heading above it


# -- entry point ------------------------------------------------------------------------------------


def extract_forward_plans(document: PdfDocument) -> list[ForwardPlan]:
    plans: list[ForwardPlan] = []
    current: _Plan | None = None
    for page in document.pages():
        if not (_may_hold_plan(page.text) or _may_continue(current, page.number)):
            continue
        grids = _page_grids(page)
        current, finished = _read_page(document, page, grids, current)
        plans.extend(plan for part in finished if (plan := _to_plan(document, part)))
        page.release()
    if current and (plan := _to_plan(document, current)):
        plans.append(plan)
    return plans


def _may_hold_plan(text: str) -> bool:
    """Cheap triage on the fast text: the page names several decision columns."""
    if "decision" not in text.lower():
        return False
    return sum(bool(hint.search(text)) for hint in _HEADER_HINTS) >= MIN_PAGE_HINTS


def _may_continue(plan: _Plan | None, page_number: int) -> bool:
    """The page after a plan page may continue it without repeating the header."""
    return plan is not None and plan.last_page == page_number - 1


def _read_page(
    document: PdfDocument, page: Page, grids: list[_Grid], current: _Plan | None
) -> tuple[_Plan | None, list[_Plan]]:
    """Feed one page's tables into the open plan; returns the open plan and the plans it finished."""
    finished: list[_Plan] = []
    page_rows = 0  # body rows already taken from this page (only the first may continue a row)
    for grid in grids:
        header = _find_header(grid.rows)
        if header is not None:
            index, columns, access_word = header
            if not (current and _same_plan(current, columns, page.number)):
                if current:
                    finished.append(current)
                current = _Plan(page.number, columns, access_word, grid.edges,
                                _front_matter(document, page.number, grid.above), page.number)
            body = grid.rows[index + 1 :]
        elif current and _continues_columns(current, grid, page.number):
            body = grid.rows
        else:
            continue
        page_rows += _add_rows(current, body, continuing=page_rows == 0)
        current.last_page = page.number
    if current and current.last_page != page.number:
        finished.append(current)
        current = None
    return current, finished


def _same_plan(plan: _Plan, columns: list[str | None], page_number: int) -> bool:
    return plan.columns == columns and plan.last_page in (page_number, page_number - 1)


def _continues_columns(plan: _Plan, grid: _Grid, page_number: int) -> bool:
    """A header-less table on the next page with the plan's columns carries on the plan."""
    return (
        plan.last_page in (page_number, page_number - 1)
        and len(grid.edges) == len(plan.edges)
        and all(abs(a - b) <= COLUMN_EDGE_TOLERANCE for a, b in zip(grid.edges, plan.edges, strict=True))
    )


# -- reading tables off a page -------------------------------------------------------------------


def _page_grids(page: Page) -> list[_Grid]:
    """The page's ruled tables; failing any with a plan header, a borderless reading of it."""
    words = page.words
    grids = [_ruled_grid(table, words, page.number) for table in page.plumber().find_tables()]
    headed = [grid for grid in grids if _find_header(grid.rows)]
    if headed:
        # a header-less table overlapping a headed one is the same table found twice, not more rows
        grids = [grid for grid in grids if grid in headed or not any(_overlap(grid, h) for h in headed)]
    elif borderless := _borderless_grid(words, page.rules, page.number):
        grids.append(borderless)
    lines = group_lines(words, page.number)
    for grid in grids:
        grid.above = [line.text for line in lines if line.bottom <= grid.bbox[1]]
    return grids


def _overlap(a: _Grid, b: _Grid) -> bool:
    return a.bbox[0] < b.bbox[2] and b.bbox[0] < a.bbox[2] and a.bbox[1] < b.bbox[3] and b.bbox[1] < a.bbox[3]


def _ruled_grid(table: Table, words: list[Word], page_number: int) -> _Grid:
    """A pdfplumber table as rows of cells; each cell's words rebuilt into lines.

    pdfplumber aligns every row's cells on the table's column edges, with None where a cell
    of an earlier column spans over it (month headings span the whole row)."""
    rows = []
    for row in table.rows:
        cells = [_cell_lines(_words_inside(words, bbox), page_number) if bbox else [] for bbox in row.cells]
        rows.append(_Row(page_number, cells, spanning=any(bbox is None for bbox in row.cells)))
    edges = sorted({bbox[0] for row in table.rows for bbox in row.cells if bbox})
    return _Grid(page_number, table.bbox, edges, rows)


def _words_inside(words: list[Word], bbox: tuple[float, float, float, float]) -> list[Word]:
    x0, top, x1, bottom = bbox
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= w.middle <= bottom]


def _cell_lines(words: list[Word], page_number: int) -> Cell:
    return [_cell_line(line.words) for line in group_lines(words, page_number)]


def _cell_line(words: list[Word]) -> _CellLine:
    return _CellLine(" ".join(word.text for word in words), all(word.bold for word in words))


def _borderless_grid(words: list[Word], rules: list[Rule], page_number: int) -> _Grid | None:
    """A table without vertical rules: columns from the header words, rows from gaps or h-rules."""
    lines = [line for line in group_lines(words, page_number) if not line.is_furniture]
    for start, line in enumerate(lines):
        if _hint_count(line.text) < MIN_LINE_HINTS:
            continue  # prose naming decision makers and dates is not a header: its words are not in columns
        header = _header_lines(lines, start, rules)
        edges = _column_edges([word for line in header for word in line.words])
        header_row = _Row(page_number, _split_columns(header, edges))
        if len(edges) >= MIN_MEANINGS and _find_header([header_row]):
            rows = [header_row, *_borderless_rows(lines[start + len(header) :], edges, rules, page_number)]
            return _Grid(page_number, (edges[0], header[0].top, float("inf"), float("inf")), edges, rows)
    return None


def _hint_count(text: str) -> int:
    return sum(bool(hint.search(text)) for hint in _HEADER_HINTS)


def _header_lines(lines: list[Line], start: int, rules: list[Rule]) -> list[Line]:
    """The header line and the lines wrapped under it (set tight, in the same weight, no rule between)."""
    header = [lines[start]]
    bold = _is_bold(lines[start])
    for line in lines[start + 1 :]:
        if _starts_row(header[-1], line, rules) or _is_bold(line) != bold:
            break
        header.append(line)
    return header


def _is_bold(line: Line) -> bool:
    return _cell_line(line.words).bold


def _column_edges(words: list[Word]) -> list[float]:
    """Left edges of the header's columns: words further apart than a wide space start a column."""
    edges: list[float] = []
    right = float("-inf")
    for word in sorted(words, key=lambda w: w.x0):
        if word.x0 > right + (word.bottom - word.top) * 0.6:
            edges.append(word.x0)
        right = max(right, word.x1)
    return edges


def _column_of(word: Word, edges: list[float]) -> int:
    return max(0, sum(edge - COLUMN_EDGE_TOLERANCE <= word.x0 for edge in edges) - 1)


def _crosses_columns(line: Line, edges: list[float]) -> bool:
    """Prose under a table runs across the column edges; a table's words never do."""
    return any(word.x0 < edge - COLUMN_EDGE_TOLERANCE < word.x1 for word in line.words for edge in edges[1:])


def _split_columns(lines: list[Line], edges: list[float]) -> list[Cell]:
    cells: list[Cell] = [[] for _ in edges]
    for line in lines:
        parts: dict[int, list[Word]] = {}
        for word in line.words:
            parts.setdefault(_column_of(word, edges), []).append(word)
        for column, words in parts.items():
            cells[column].append(_cell_line(words))
    return cells


def _borderless_rows(lines: list[Line], edges: list[float], rules: list[Rule], page_number: int) -> list[_Row]:
    """Body lines grouped into rows: a row starts after a gap wider than line spacing or at a rule."""
    rows: list[list[Line]] = []
    for line in lines:
        if _crosses_columns(line, edges):
            break
        if rows and not _starts_row(rows[-1][-1], line, rules):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [_Row(page_number, _split_columns(row, edges)) for row in rows]


def _starts_row(previous: Line, line: Line, rules: list[Rule]) -> bool:
    """Lines of one cell are set tight; rows are parted by a rule or by their cells' padding."""
    if _MONTH_HEADING.match(line.text) or _MONTH_HEADING.match(previous.text):
        return True
    gap = line.top - previous.bottom
    return gap > (previous.bottom - previous.top) * ROW_GAP or rule_between(rules, previous, line)


# -- header ------------------------------------------------------------------------------------


def _find_header(rows: list[_Row]) -> tuple[int, list[str | None], str] | None:
    """(index of the header's last row, meaning of each column, access word) for a plan's table.
    A header may take two rows ('Decision' spanning 'Maker' and 'Date')."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        candidates = [(index, row.cells)]
        if index + 1 < len(rows):
            candidates.append((index + 1, [a + b for a, b in zip(row.cells, rows[index + 1].cells, strict=True)]))
        for last, cells in candidates:
            texts = [_join(cell) for cell in cells]
            if columns := _column_meanings(texts):
                return last, columns, _access_word(texts, columns)
    return None


def _column_meanings(texts: list[str]) -> list[str | None] | None:
    """Each header text's meaning (each meaning used once); None unless it reads as a plan header."""
    found = [_meaning(text) if len(text.split()) <= MAX_HEADER_WORDS else None for text in texts]
    columns: list[str | None] = [None] * len(texts)
    for meaning in set(found) - {None}:
        # of two columns with one meaning ('Date' and 'Date of decision'), the one naming the decision
        claims = [i for i, name in enumerate(found) if name == meaning]
        columns[max(claims, key=lambda i: ("decision" in texts[i].lower(), -i))] = meaning
    if "subject" not in columns and "description" in columns:
        columns[columns.index("description")] = "subject"  # the only text column names the item
    meanings = set(columns) - {None}
    if len(meanings) < MIN_MEANINGS or "subject" not in meanings or not meanings & _DECISION_MEANINGS:
        return None
    # a committee's work programme has dates and authors too, but its header speaks of no decision
    return columns if "decision" in " ".join(texts).lower() else None


def _meaning(text: str) -> str | None:
    return next((name for name, pattern in _COLUMN_MEANINGS if pattern.search(text)), None)


def _access_word(texts: list[str], columns: list[str | None]) -> str:
    """'Exempt' for an 'Exempt?' column whose cells say Yes/No; the printed word is kept."""
    if "public_access" in columns:
        match = re.search(r"exempt|private|confidential", texts[columns.index("public_access")], re.IGNORECASE)
        if match:
            return match.group(0).capitalize()
    return "Exempt"


# -- rows -----------------------------------------------------------------------------------------


def _add_rows(plan: _Plan, body: list[_Row], continuing: bool) -> int:
    """Append body rows to the plan; the first may finish the row cut at the previous page's foot
    (or above a header repeated inside the table, where the table restarts)."""
    added = 0
    for row in body:
        if not row.filled:
            continue
        if _column_meanings([_join(cell) for cell in row.cells]) == plan.columns:
            continuing = True
            continue
        if _is_heading(row):
            plan.headings[len(plan.rows)] = _join(row.filled[0])
        elif continuing and _continues_row(plan, row):
            previous = plan.rows[-1]
            previous.cells = [a + b for a, b in zip(previous.cells, row.cells, strict=True)]
        else:
            plan.rows.append(row)
        continuing = False
        added += 1
    return added


def _is_heading(row: _Row) -> bool:
    """A month row ('May', 'June 2023'), or one cell spanning the row with a short heading in it."""
    if len(row.filled) != 1 or len(row.filled[0]) > 2:
        return False
    text = _join(row.filled[0])
    return bool(_MONTH_HEADING.match(text)) or (row.spanning and not _label_of(row.filled[0], 0))


def _continues_row(plan: _Plan, row: _Row) -> bool:
    """The first row on a page continues the previous page's last row when it starts no decision:
    no subject of its own, or none of the short cells every decision fills (maker, date, key)."""
    if not plan.rows or len(plan.rows) in plan.headings:
        return False  # a heading came in between
    fields = _row_fields(row, plan.columns)
    if not _subject_lines(fields)[0]:
        return True
    previous = _row_fields(plan.rows[-1], plan.columns)
    short = ("decision_maker", "decision_date", "key_decision", "maker_and_date")
    return not any(fields.get(name) for name in short) and any(previous.get(name) for name in short)


def _row_fields(row: _Row, columns: list[str | None]) -> dict[str, Cell]:
    """Every field's lines in one row: by the column it sits in, or by the label printed before it."""
    fields: dict[str, Cell] = {}
    for meaning, cell in zip(columns, row.cells, strict=True):
        if meaning:
            for name, lines in _cell_fields(cell, meaning):
                fields.setdefault(name, []).extend(lines)
    return fields


def _cell_fields(cell: Cell, meaning: str) -> list[tuple[str, Cell]]:
    """A cell split at its labels: 'Key Decision - Yes' is a key decision wherever it is printed."""
    parts: list[tuple[str, Cell]] = []
    after_label = "description" if meaning == "subject" else meaning  # text after a label's value
    current = meaning
    index = 0
    while index < len(cell):
        label = _label_of(cell, index)
        if label is None:
            parts.append((current, [cell[index]]))
        else:
            name, value = label
            if value is None:  # the label alone on its line, the value below it
                current = name
                if name in _SINGLE_LINE_FIELDS and index + 1 < len(cell):
                    index += 1
                    parts.append((name, [cell[index]]))
                    current = after_label
            else:
                parts.append((name, [_CellLine(value, cell[index].bold)]))
                current = after_label if name in _SINGLE_LINE_FIELDS else name
        index += 1
    return parts


def _label_of(cell: Cell, index: int) -> tuple[str, str | None] | None:
    """(field, inline value or None) when the cell's line at index is a label."""
    text = cell[index].text.strip()
    has_next = index + 1 < len(cell)
    for name, pattern, alone in _LABELS:
        match = pattern.match(text)
        if match and match.group(1):
            return name, match.group(1)
        if match and alone and has_next:
            return name, None
    return None


# -- values ---------------------------------------------------------------------------------------


def _decision(row: _Row, plan: _Plan, heading: str | None, year_hint: str | None) -> ForwardPlanDecision | None:
    fields = _row_fields(row, plan.columns)
    subject_lines, description_lines = _subject_lines(fields)
    subject = _join(subject_lines)
    if not subject:
        return None
    maker_lines, date_text = _maker_and_date(fields)
    name, title, email = _officer(fields.get("officer", []))
    return ForwardPlanDecision(
        subject=subject,
        page=row.page,
        description=_join(description_lines) or None,
        decision_maker=_join(maker_lines) or None,
        decision_date=_decision_date(date_text, heading, year_hint),
        key_decision=_key_decision(_join(fields.get("key_decision", []))),
        public_access=_public_access(_join(fields.get("public_access", [])), plan.access_word),
        consultees=_join(fields.get("consultees", [])) or None,
        portfolio_holder=_holders(fields.get("portfolio_holder", [])),
        officer_name=name,
        officer_title=title,
        officer_email=email,
    )


def _subject_lines(fields: dict[str, Cell]) -> tuple[Cell, Cell]:
    """(subject, description). Where the subject's cell holds both, the subject is the bold lines
    heading it and the plain lines under them start the description."""
    subject, description = fields.get("subject", []), fields.get("description", [])
    bold = 0
    while bold < len(subject) and subject[bold].bold:
        bold += 1
    if 0 < bold < len(subject):
        return subject[:bold], subject[bold:] + description
    return subject, description


def _maker_and_date(fields: dict[str, Cell]) -> tuple[Cell, str]:
    """A combined 'Meeting' cell ('Cabinet' over '17 May 2022') split into maker and date."""
    maker = list(fields.get("decision_maker", []))
    dates = [line.text for line in fields.get("decision_date", [])]
    for line in fields.get("maker_and_date", []):
        (dates if parse_date(line.text) else maker).append(line)
    return maker, " ".join(dates)


def _decision_date(text: str, heading: str | None, year_hint: str | None) -> str | None:
    """ISO date of the cell ('YYYY-MM' for a month); a cell without one takes its heading's month."""
    return _date_in(text, year_hint) or (_date_in(heading, year_hint) if heading else None)


def _date_in(text: str, year_hint: str | None) -> str | None:
    """parse_date, and a day and month printed without a year ('20 Sept') in the plan's year."""
    found = parse_date(text)
    if found is None and year_hint and (match := _MONTH_OR_DAY.search(text)):
        found = _with_year(match, year_hint)
    return found


def _with_year(match: re.Match[str], year_hint: str) -> str | None:
    """'17 May' in a plan published in April 2022 is 2022; 'January' in it is 2023."""
    year, published_month = int(year_hint[:4]), int(year_hint[5:7])
    month = MONTHS[match.group(2).lower()]
    if month < published_month:
        year += 1
    day = f"{match.group(1)} " if match.group(1) else ""
    return parse_date(f"{day}{match.group(2)} {year}")


def _key_decision(text: str) -> bool | None:
    if _YES.match(text):
        return True
    if _NO.match(text):
        return False
    return None


def _public_access(text: str, access_word: str) -> str | None:
    """'Open', 'Exempt', 'Part exempt', 'Fully exempt' as printed; Yes/No in an 'Exempt?' column."""
    if match := _ACCESS_VALUE.match(text):
        return clean_text(match.group(0))
    if _YES.match(text):
        return access_word
    if _NO.match(text):
        return "Open"
    return text or None


def _holders(lines: Cell) -> str | None:
    """Portfolio holders joined with ', ' where each starts on its own line."""
    parts: list[str] = []
    for line in lines:
        text = line.text.strip()
        if parts and _HOLDER_START.match(text) and not _HOLDER_UNFINISHED.search(parts[-1]):
            parts[-1] += ","
        parts.append(text)
    return _join_texts(parts) or None


def _officer(lines: Cell) -> tuple[str | None, str | None, str | None]:
    """(name, title, e-mail) of the officer cell; with no clear name, the whole text is the name."""
    texts = _repair_emails([line.text for line in lines])
    text = "\n".join(texts)
    emails = _EMAIL.findall(text)
    if emails and _EMAIL.split(text)[0].strip(" ,;\n"):
        text = text[: text.rfind(emails[-1])]  # what follows the last address is a director, not the contact
    text = _CONTACT_LABEL.sub(" ", _PHONE.sub(" ", _EMAIL.sub(" ", text)))
    contact_lines = [clean_text(line) for line in text.split("\n")]
    contact_lines = [line for line in contact_lines if line.strip(" ,;")]
    name, title = _name_and_title(contact_lines)
    return name, title, ", ".join(emails) or None


def _name_and_title(lines: list[str]) -> tuple[str | None, str | None]:
    """'Lisa Cotton, Head of ...' or 'Lisa Cotton' over 'Head of ...': the name, then the title."""
    joined = _join_texts(lines)
    joined = re.sub(r"\s+,", ",", joined).strip(" ,;")
    if not joined:
        return None, None
    first, _, rest = joined.partition(",")
    if rest.strip() and _is_person(first):
        return first.strip(), rest.strip()
    for count in range(1, min(MAX_NAME_LINES, len(lines) - 1) + 1):  # 'Priya' over 'Ramanathan-Whitfield'
        name = _join_texts(lines[:count]).strip(" ,")
        if _is_person(name):
            return name, _join_texts(lines[count:]).strip(" ,;")
    return joined, None


def _is_person(text: str) -> bool:
    text = text.strip()
    return bool(_PERSON_NAME.match(text)) and not _ROLE_WORDS.search(text)


def _repair_emails(texts: list[str]) -> list[str]:
    """Join e-mail addresses that wrapping cut across lines ('lisa.cotton@dorsetcouncil.g' + 'ov.uk',
    or over three lines in a narrow column)."""
    repaired: list[str] = []
    for text in (text.strip() for text in texts):
        head, _, tail = text.partition(" ")
        if repaired and head and _continues_email(repaired[-1].rsplit(" ", 1)[-1], head, whole=not tail):
            repaired[-1] += head
            if tail:
                repaired.append(tail)
        else:
            repaired.append(text)
    return repaired


def _continues_email(last: str, head: str, whole: bool) -> bool:
    """Whether `head` (starting the next line) carries on the address that `last` (ending a line)
    began: the two make a complete address, or a line holding nothing but more of it."""
    joined = last + head
    if _complete_email(last) or not _EMAIL_PREFIX.fullmatch(joined):
        return False
    if "@" not in last and not (head.startswith("@") or _LOCAL_PART_START.fullmatch(last)):
        return False  # 'Benefits' + 'jo.hart@...' is a title then an address, not one word
    return _complete_email(joined) or (whole and not _complete_email(head))


def _complete_email(token: str) -> bool:
    return bool(_EMAIL.fullmatch(token)) and token.rsplit(".", 1)[-1].lower() in _EMAIL_ENDINGS


def _join(lines: Cell) -> str:
    return _join_texts([line.text for line in lines])


def _join_texts(lines: list[str]) -> str:
    """A cell's lines as one string; a word hyphenated at a line end ('Pan-' + 'Dorset') is rejoined."""
    text = ""
    for line in lines:
        part = line.strip()
        if not part:
            continue
        glue = "" if re.search(r"\w-$", text) else " "
        text = f"{text}{glue}{part}" if text else part
    return clean_text(text)


# -- the plan ------------------------------------------------------------------------------------


def _to_plan(document: PdfDocument, plan: _Plan) -> ForwardPlan | None:
    """The finished plan with its decisions; None when its table held no decision."""
    title, title_page = _title(document, plan)
    published = _published(plan.front_matter)
    year_hint = published or _year_of(title)
    decisions = []
    heading = None
    for index, row in enumerate(plan.rows):
        heading = plan.headings.get(index, heading)
        if decision := _decision(row, plan, heading, year_hint):
            decisions.append(decision)
    if not decisions:
        return None
    return ForwardPlan(
        council=_council(plan.front_matter) or _council(document.page(1).lines),
        title=title,
        period=_period(title),
        published=published,
        page=title_page,
        decisions=decisions,
    )


def _front_matter(document: PdfDocument, page_number: int, above: list[str]) -> list[str]:
    """Text above the table on its first page; the page before too when the title is not above it
    (a plan's explanatory notes and list of portfolio holders may fill a page of their own)."""
    if any(_is_title(line) for line in above) or page_number == 1:
        return above
    return document.page(page_number - 1).lines + above


def _title(document: PdfDocument, plan: _Plan) -> tuple[str | None, int]:
    """The plan's title line and the page it is on (the table's page or, for front matter, before)."""
    for line in plan.front_matter:
        if _is_title(line):
            on_previous = plan.first_page > 1 and line in document.page(plan.first_page - 1).lines
            return clean_text(line), plan.first_page - on_previous
    return None, plan.first_page


def _is_title(line: str) -> bool:
    return bool(_TITLE.search(line)) and len(line.split()) <= MAX_TITLE_WORDS


def _period(title: str | None) -> str | None:
    """'May to August 2022' out of 'The Cabinet Forward Plan - May to August 2022'."""
    if not title:
        return None
    if match := _MONTH_RANGE.search(title):
        return clean_text(match.group(0))
    return find_period(title)


def _published(front_matter: list[str]) -> str | None:
    for line in front_matter:
        if (match := _PUBLISHED.search(line)) and (found := parse_date(match.group(1))):
            return found
    return None


def _year_of(title: str | None) -> str | None:
    match = re.search(r"\b(20\d{2})\b", title or "")
    return f"{match.group(1)}-01" if match else None


def _council(lines: list[str]) -> str | None:
    """The first council named in the text ('Dorset Council's Constitution' -> 'Dorset Council')."""
    names = named_councils("\n".join(lines))
    return names[0] if names else None
