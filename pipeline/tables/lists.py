"""Dash and bullet lists of figures read as tables of two or three columns:
'BCP Council - £75,785', '• Dorset Police £21,906 (8%)', 'Trinity Ward -' wrapped before '£1,250'."""

from __future__ import annotations

import re

from ..normalise import MONEY_TOKEN, PERCENT_TOKEN
from .model import Cell, Row, Table, union
from .text import Segment, TextLine

# Bullets and list numbering; '(cid:127)' is how pdfplumber shows a bullet glyph with no Unicode mapping.
LEADING_MARKER = re.compile(
    r"^(?:[-–—•●▪◦*·o\uf000-\uf0ff]|\(cid:\d+\)|\(?[a-z0-9]{1,3}[.)]|\d{1,2}(?=\s+[A-Z]))\s+", re.IGNORECASE
)
_ITEM = re.compile(
    rf"^(?P<label>.*?\S)\s*(?:[-–—:=]+\s*)?(?P<amount>\(?{MONEY_TOKEN}\)?)"
    rf"(?:\s*(?:[-–—,]\s*)?\(?(?P<share>{PERCENT_TOKEN})\)?)?\s*$",
    re.IGNORECASE,
)
_TRAILING_SEPARATOR = re.compile(r"\s*[-–—:=]+\s*$")
_MONEY_ALONE = re.compile(rf"^\(?{MONEY_TOKEN}\)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;!?]$")
MAX_LABEL_WORDS = 10
MIN_ITEMS = 2  # a list of one item is a list only where it runs on over a page break


def list_tables(lines: list[TextLine], page: int) -> list[Table]:
    """Runs of list lines, each 'label [-] amount [share]', as tables (of one line too: the caller
    keeps those only where they may run on to the next page)."""
    tables: list[Table] = []
    run: list[tuple[TextLine, list[str]]] = []
    for line in join_dangling_amounts(lines):
        cells = list_item(line.text)
        if cells and (not run or _same_list(run[-1][0], line)):
            run.append((line, cells))
            continue
        if run:
            tables.append(_table(run, page))
        run = [(line, cells)] if cells else []
    if run:
        tables.append(_table(run, page))
    return tables


def list_item(text: str) -> list[str] | None:
    """[label, amount, share] of one list line, or None if the line is not 'label amount [share]'."""
    match = _ITEM.match(text.strip())
    if not match:
        return None
    label = _TRAILING_SEPARATOR.sub("", LEADING_MARKER.sub("", match["label"])).strip()
    if not label or not label[0].isupper() or _SENTENCE_END.search(label) or len(label.split()) > MAX_LABEL_WORDS:
        return None
    if re.search(MONEY_TOKEN, label) or re.search(PERCENT_TOKEN, label):
        return None  # two figures on the line: a row of a table, not a list item
    return [label, match["amount"], match["share"] or ""]


def join_dangling_amounts(lines: list[TextLine]) -> list[TextLine]:
    """'Trinity Ward -' followed by a line holding only '£1,250': one item wrapped before its amount."""
    joined: list[TextLine] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (previous and _TRAILING_SEPARATOR.search(previous.text) and _MONEY_ALONE.match(line.text)
                and line.top - previous.bottom < previous.height):
            words = previous.words + line.words
            joined[-1] = TextLine(words, [Segment(tuple(words))])
        else:
            joined.append(line)
    return joined


def _same_list(previous: TextLine, line: TextLine) -> bool:
    """The next item of the same list: close below, starting at the same indent."""
    return abs(line.x0 - previous.x0) <= 12 and line.top - previous.bottom <= 1.6 * previous.height


def _table(run: list[tuple[TextLine, list[str]]], page: int) -> Table:
    has_share = any(cells[2] for _, cells in run)
    rows = []
    for line, cells in run:
        box = (line.x0, line.top, line.x1, line.bottom)
        kept = cells if has_share else cells[:2]
        rows.append(Row([Cell(text, box if text else None) for text in kept], page, box))
    return Table(page, union([row.bbox for row in rows]), rows, method="list")
