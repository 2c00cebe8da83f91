"""The words of forward plans: what a column holds by its header, the labels printed inside cells,
month rows, titles, and the values of the key-decision and access fields.

Columns are mapped by the meaning of their header text, never by position: councils order and
word them differently ('Decision maker' or 'Decision taker', 'KD' or 'Key decision?').
"""

from __future__ import annotations

import re

from ...normalise import MONTH_NAMES

# What a column holds, from its header text. Order matters: the first pattern that matches wins,
# so 'Date the Decision is Due' is a date (not a subject) and 'Report author' an officer.
COLUMN_MEANINGS: list[tuple[str | None, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        (None, r"first\s+(?:published|entered|included)|added\s+to|\bupdated\b|date\s+(?:published|entered)"),
        # a reference number ('Ref.', 'Item No.', 'Decision reference'): the key-decision flag may be under it
        (None, r"^(?:(?:item|fp|plan|decision|forward\s+plan)\s+)?(?:ref(?:erence)?\.?|no\.?|number)"
               r"(?:\s+(?:no\.?|number))?$"),
        ("maker_and_date", r"^meeting$|\b(?:maker|taker|body)\b.*\b(?:date|when)\b"),
        ("consultees", r"consult|scrutiny|other\s+committee"),
        ("key_decision", r"\bkey\b|^k\.?\s?d\.?\??$|^key\s*dec"),
        ("public_access", r"exempt|private|confidential|public\s+access|\baccess\b|\bopen\b"),
        ("decision_date", r"\bdate\b|\bdue\b|\bwhen\b|timing|timescale"),
        ("decision_maker", r"maker|taker|decision[- ]making|who\s+will\s+(?:make|take)|decided\s+by|\bbody\b"),
        ("portfolio_holder", r"portfolio|\bmembers?\b|councillor|\bcllr\b"),
        ("officer", r"officer|author|contact|\bdirector\b"),
        ("description", r"description|summary|purpose|details|\breasons?\b|background"),
        ("subject", r"subject|title|\bitem\b|matter|decision|topic|report|proposal|issue"),
    ]
]
DECISION_MEANINGS = {"decision_maker", "decision_date", "key_decision", "maker_and_date"}
SHORT_FIELDS = ("decision_maker", "decision_date", "key_decision", "maker_and_date")  # every decision fills one
# One-line cells: a row cut by a page break prints them on the page where it starts.
ROW_START_FIELDS = ("decision_date", "key_decision", "public_access", "maker_and_date")
MIN_MEANINGS = 3  # distinct meanings a header needs to be a plan's header
MAX_HEADER_WORDS = 12  # a header cell is a few words, not a sentence

# Triage on the fast text: a plan page names several of these, and the word 'decision'.
HEADER_HINTS = [
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
PLAN_PAGE_HINTS = 5  # a page naming this many decision columns prints a plan's header

# Labels printed inside cells: 'Key Decision - Yes' inline, or 'Decision Maker' alone over its value.
# (field, label, may stand alone on its line with the value below); group 1 is an inline value.
LABELS: list[tuple[str, re.Pattern[str], bool]] = [
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
SINGLE_LINE_FIELDS = {"key_decision", "public_access", "decision_date"}

# A key-decision flag printed in a cell of another column: 'Key Decision: Yes' (its label maybe
# wrapped over lines in a narrow column: 'Key' / 'Decision:' / 'Yes'), 'Key decision? No',
# 'KEY DECISION', 'Non-key decision', 'Not a key decision'.
KEY_FLAG = re.compile(
    r"^\(?(?:(?P<label>key\s*decision\s*\??|key\s*\??|k\.?d\.?)\s*[:\-–—]?\s*(?P<value>yes|no|y|n)"
    r"|(?P<alone>(?:this\s+is\s+a\s+)?key\s+decision|k\.?d\.?)"
    r"|(?P<non>non[- ]?key(?:\s+decision)?|not\s+a\s+key\s+decision|n\.?k\.?d\.?|non[- ]?kd))\s*\)?\.?$",
    re.IGNORECASE,
)

MONTH_HEADING = re.compile(rf"^(?:{MONTH_NAMES})\.?(?:\s+\d{{4}})?$", re.IGNORECASE)
# A window rather than a day: 'March – April 2025', '10 March to 14 April 2025', 'December 2025 - January 2026',
# 'March/April 2025'. The decision is due from its start.
DATE_RANGE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH_NAMES})\.?(?:\s+(?P<year>\d{{4}}))?"
    rf"\s*(?:to|until|and|-|–|—|/)\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<end>{MONTH_NAMES})\.?\s+(?P<end_year>\d{{4}})\b",
    re.IGNORECASE,
)
# A word too long for a narrow column, broken inside it by the layout ('Septemb' / 'er 2025')
BROKEN_WORD = re.compile(r"(?<=[A-Za-z]) (?=[a-z])")
MONTH_OR_DAY = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({MONTH_NAMES})\b", re.IGNORECASE)
ACCESS_VALUE = re.compile(
    r"^(?:fully\s+exempt|part(?:ly|ially)?\s+exempt|part\s+private|exempt|open|private|confidential|"
    r"restricted|public)\b",
    re.IGNORECASE,
)
YES = re.compile(r"^(?:(?:yes|y|key|kd)\b|[✓✔☑])", re.IGNORECASE)
NO = re.compile(r"^(?:no|n|non[- ]?key|not\s+key|nkd|non[- ]?kd)\b", re.IGNORECASE)

TITLE = re.compile(
    r"forward\s+plan|notice\s+of\s+(?:key\s+)?decisions|plan\s+of\s+(?:key\s+)?decisions|"
    r"key\s+decisions?\s+(?:plan|notice)|decisions?\s+plan",
    re.IGNORECASE,
)
MAX_TITLE_WORDS = 15
PUBLISHED = re.compile(
    r"(?:publication\s+date|date\s+of\s+publication|date\s+published|published(?:\s+on)?|issue\s+date|"
    r"date\s+of\s+issue|issued(?:\s+on)?)\s*[:\-–]?\s*(.{0,40})",
    re.IGNORECASE,
)
MONTH_RANGE = re.compile(
    rf"\b(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s+\d{{4}})?\s*(?:to|until|-|–|—)\s*(?:\d{{1,2}}\s+)?"
    rf"(?:{MONTH_NAMES})\s+\d{{4}}\b",
    re.IGNORECASE,
)


def may_hold_plan(text: str) -> bool:
    """Cheap triage on a page's fast text: it names several decision columns, and 'decision'."""
    if "decision" not in text.lower():
        return False
    return sum(bool(hint.search(text)) for hint in HEADER_HINTS) >= MIN_PAGE_HINTS


def hint_count(text: str) -> int:
    return sum(bool(hint.search(text)) for hint in HEADER_HINTS)


def names_plan_header(text: str) -> bool:
    """A page's fast text that surely prints a plan's header: most decision columns named, two or more on
    one line (a page of prose about decisions names several, but rarely two on a line)."""
    return (hint_count(text) >= PLAN_PAGE_HINTS
            and any(hint_count(line) >= MIN_LINE_HINTS for line in text.splitlines()))


def is_title(line: str) -> bool:
    """A plan's title line ('The Cabinet Forward Plan - May to August 2022'), not a sentence about one."""
    return bool(TITLE.search(line)) and len(line.split()) <= MAX_TITLE_WORDS


def meaning(text: str) -> str | None:
    return next((name for name, pattern in COLUMN_MEANINGS if pattern.search(text)), None)


def column_meanings(texts: list[str]) -> list[str | None] | None:
    """Each header text's meaning (each meaning used once); None unless it reads as a plan header."""
    found = [meaning(text) if len(text.split()) <= MAX_HEADER_WORDS else None for text in texts]
    columns: list[str | None] = [None] * len(texts)
    for name in set(found) - {None}:
        # of two columns with one meaning ('Date' and 'Date of decision'), the one naming the decision
        claims = [i for i, found_name in enumerate(found) if found_name == name]
        columns[max(claims, key=lambda i: ("decision" in texts[i].lower(), -i))] = name
    if "subject" not in columns and "description" in columns:
        columns[columns.index("description")] = "subject"  # the only text column names the item
    meanings = set(columns) - {None}
    if len(meanings) < MIN_MEANINGS or "subject" not in meanings or not meanings & DECISION_MEANINGS:
        return None
    # a committee's work programme has dates and authors too, but its header speaks of no decision
    return columns if "decision" in " ".join(texts).lower() else None


def access_word(texts: list[str], columns: list[str | None]) -> str:
    """'Exempt' for an 'Exempt?' column whose cells say Yes/No; the printed word is kept."""
    if "public_access" in columns:
        match = re.search(r"exempt|private|confidential", texts[columns.index("public_access")], re.IGNORECASE)
        if match:
            return match.group(0).capitalize()
    return "Exempt"
