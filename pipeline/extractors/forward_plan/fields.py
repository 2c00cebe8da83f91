"""Field parsers: one plan row's cells (lines of text) into a decision's fields.

A cell is the list of its printed lines. Cells often carry labelled values of other fields ('Key
Decision - Yes' under the subject, 'Decision Maker' above 'Cabinet', 'Key Decision: Yes' under the
reference number), so every cell is split at such labels; a column with no meaning of its own (a
reference number) gives only its labelled values.
"""

from __future__ import annotations

import re

from ...model import ForwardPlanDecision
from ...normalise import MONTH_NAMES, MONTHS, clean_text, parse_date
from ...tables.model import CellLine
from .model import Cell, PlanRow
from .vocabulary import (
    ACCESS_VALUE,
    BROKEN_WORD,
    DATE_RANGE,
    KEY_FLAG,
    LABELS,
    MONTH_OR_DAY,
    NO,
    SINGLE_LINE_FIELDS,
    YES,
)

MAX_NAME_LINES = 2  # an officer's name wrapped in a narrow column
MAX_FLAG_LINES = 3  # 'Key' / 'Decision:' / 'Yes' in a narrow reference column

# A new portfolio holder starting on its own line (joined with ', ' to the one before).
_HOLDER_START = re.compile(
    r"^(?:deputy\s+)?(?:portfolio\s+holder|cabinet\s+member|lead\s+member|executive\s+member|leader|cllr|councillor)\b",
    re.IGNORECASE,
)
_HOLDER_UNFINISHED = re.compile(r"(?:,|&|\b(?:and|deputy|for|of|the))$", re.IGNORECASE)  # 'Deputy' + 'Leader'
_FLAG_AFTER = re.compile(r"\s*[(\[]([^()\[\]]{2,20})[)\]]\s*$")  # '(Key Decision)', '[KD]'
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_EMAIL_PREFIX = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]*")  # an address, maybe cut short
_LOCAL_PART_START = re.compile(r"[a-z0-9_%+'-]+[._][a-z0-9._%+'-]*")  # 'christopher.featherston'
# Last labels of complete e-mail domains: 'dorsetcouncil.g' or 'bcpcouncil.go' are cut short.
_EMAIL_ENDINGS = {"uk", "com", "org", "net", "io", "info", "eu", "wales", "scot", "cymru", "london"}
# Where a date starts in a line that holds one ('Executive 17 April 2025', 'Cabinet Not before June 2025')
_DATE_START = re.compile(rf"\b(?:not\s+before\s+)?(?:\d|(?:{MONTH_NAMES})\b)", re.IGNORECASE)
_IN_BRACKETS = re.compile(r"\(([^()]+)\)")
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


# -- a row's fields ---------------------------------------------------------------------------------


def row_fields(row: PlanRow, columns: list[str | None]) -> dict[str, Cell]:
    """Every field's lines in one row: by the column it sits in, or by the label printed before it."""
    fields: dict[str, Cell] = {}
    for name_of_column, cell in zip(columns, row.cells, strict=True):
        for name, lines in cell_fields(cell, name_of_column):
            if name is not None:
                fields.setdefault(name, []).extend(lines)
    return fields


def cell_fields(cell: Cell, meaning: str | None) -> list[tuple[str | None, Cell]]:
    """A cell split at its labels: 'Key Decision - Yes' is a key decision wherever it is printed.
    In a column of no meaning (None) only explicit labels count; the rest of its text is None's."""
    cell = flags_joined(cell)
    parts: list[tuple[str | None, Cell]] = []
    after_label = "description" if meaning == "subject" else meaning  # text after a label's value
    current = meaning
    index = 0
    while index < len(cell):
        label = label_of(cell, index, explicit=meaning is None)
        if label is None:
            parts.append((current, [cell[index]]))
        else:
            name, value = label
            if value is None:  # the label alone on its line, the value below it
                current = name
                if name in SINGLE_LINE_FIELDS and index + 1 < len(cell):
                    index += 1
                    parts.append((name, [cell[index]]))
                    current = after_label
            else:
                parts.append((name, [CellLine(value, cell[index].bold)]))
                current = after_label if name in SINGLE_LINE_FIELDS else name
        index += 1
    return parts


def label_of(cell: Cell, index: int, explicit: bool = False) -> tuple[str, str | None] | None:
    """(field, inline value or None) when the cell's line at index is a label (or a key-decision
    flag: 'Key decision? Yes', 'Non-key'). `explicit`: only labels that cannot be values themselves."""
    text = cell[index].text.strip()
    has_next = index + 1 < len(cell)
    for name, pattern, alone in LABELS:
        if explicit and not alone:
            continue
        match = pattern.match(text)
        if match and match.group(1):
            return name, match.group(1)
        if match and alone and has_next:
            return name, None
    if (flag := key_flag(text)) is not None and (explicit or not (has_next and cell[index + 1].text.strip())
                                                  or flag[1]):
        return "key_decision", "Yes" if flag[0] else "No"
    return None


def key_flag(text: str) -> tuple[bool, bool] | None:
    """(is a key decision, whether its label says so explicitly with a value) for a line that is a
    key-decision flag: 'Key Decision: Yes', 'KD: N', 'Key decision', 'Non-key decision'."""
    match = KEY_FLAG.match(text.strip())
    if not match:
        return None
    if match.group("label"):
        return bool(YES.match(match.group("value"))), True
    return match.group("alone") is not None, False


def flags_joined(cell: Cell) -> Cell:
    """A key-decision flag wrapped over short lines in a narrow column ('Key' / 'Decision:' / 'Yes')
    joined back onto one line."""
    if len(cell) < 2:
        return cell
    joined: Cell = []
    index = 0
    while index < len(cell):
        for count in range(MAX_FLAG_LINES, 1, -1):
            part = cell[index : index + count]
            text = " ".join(line.text.strip() for line in part)
            if len(part) == count and key_flag(text):
                joined.append(CellLine(text, all(line.bold for line in part)))
                index += count
                break
        else:
            joined.append(cell[index])
            index += 1
    return joined


# -- values ---------------------------------------------------------------------------------------


def decision(row: PlanRow, columns: list[str | None], access: str, heading: str | None,
             year_hint: str | None) -> ForwardPlanDecision | None:
    """The decision one plan row states; None when it names no subject."""
    fields = row_fields(row, columns)
    subject_part, description_part = subject_lines(fields)
    subject, flagged = flag_after(join(subject_part))
    if not subject:
        return None
    maker_lines, date_text = maker_and_date(fields)
    name, title, email = officer(fields.get("officer", []))
    key = key_decision(join(fields.get("key_decision", [])))
    return ForwardPlanDecision(
        subject=subject,
        page=row.page,
        description=join(description_part) or None,
        decision_maker=join(maker_lines) or None,
        decision_date=decision_date(date_text, heading, year_hint),
        key_decision=flagged if key is None else key,
        public_access=public_access(join(fields.get("public_access", [])), access),
        consultees=join(fields.get("consultees", [])) or None,
        portfolio_holder=holders(fields.get("portfolio_holder", [])),
        officer_name=name,
        officer_title=title,
        officer_email=email,
    )


def flag_after(subject: str) -> tuple[str, bool | None]:
    """A subject less the key-decision flag printed after it ('Library opening hours (Key Decision)'),
    and what the flag says (None where there is none)."""
    match = _FLAG_AFTER.search(subject)
    if not match or not (flag := key_flag(match.group(1))):
        return subject, None
    return subject[: match.start()].rstrip(" -–—:,"), flag[0]


def subject_lines(fields: dict[str, Cell]) -> tuple[Cell, Cell]:
    """(subject, description). Where the subject's cell holds both, the subject is the bold lines
    heading it and the plain lines under them start the description."""
    subject, description = fields.get("subject", []), fields.get("description", [])
    bold = 0
    while bold < len(subject) and subject[bold].bold:
        bold += 1
    if 0 < bold < len(subject):
        return subject[:bold], subject[bold:] + description
    return subject, description


def maker_and_date(fields: dict[str, Cell]) -> tuple[Cell, str]:
    """A combined 'Meeting' cell ('Cabinet' over '17 May 2022', 'Cabinet – 17 May 2022' on one line, or that
    wrapped: 'Cabinet – 17 May' over '2022') split into maker and date."""
    maker = list(fields.get("decision_maker", []))
    dates = [line.text for line in fields.get("decision_date", [])]
    combined = fields.get("maker_and_date", [])
    if combined and not any(parse_date(line.text) for line in combined) and parse_date(join(combined)):
        combined = [CellLine(join(combined), all(line.bold for line in combined))]  # the date wrapped
    for line in combined:
        if (start := _date_start(line.text)) is None:
            maker.append(line)
            continue
        if head := line.text[:start].strip(" ,;:-–—"):
            maker.append(CellLine(head, line.bold))
        dates.append(line.text[start:])
    return maker, " ".join(dates)


def _date_start(text: str) -> int | None:
    """Where the line's date starts ('Cabinet – 17 May 2022' -> 10); None when it holds none."""
    found = parse_date(text)
    if found is None:
        return None
    return next((match.start() for match in _DATE_START.finditer(text) if parse_date(text[match.start():]) == found),
                None)


def decision_date(text: str, heading: str | None, year_hint: str | None) -> str | None:
    """ISO date of the cell ('YYYY-MM' for a month); a cell without one takes its heading's month."""
    return date_in(text, year_hint) or (date_in(heading, year_hint) if heading else None)


def date_in(text: str, year_hint: str | None) -> str | None:
    """parse_date (of a range, its start), and a day and month printed without a year ('20 Sept') in the
    plan's year; a month name broken by a narrow column ('Septemb er 2025') read whole."""
    found = range_start(text) or parse_date(text) or parse_date(BROKEN_WORD.sub("", text))
    if found is None and year_hint and (match := MONTH_OR_DAY.search(text)):
        found = _with_year(match, year_hint)
    return found


def range_start(text: str) -> str | None:
    """'March – April 2025' -> '2025-03'; 'December - January 2026' -> '2025-12'; '10 March to 14 April 2025'
    -> '2025-03-10'. None unless the text holds a range."""
    if not (match := DATE_RANGE.search(text)):
        return None
    year = int(match.group("year") or match.group("end_year"))
    if not match.group("year") and MONTHS[match.group("month").lower()] > MONTHS[match.group("end").lower()]:
        year -= 1  # the window runs over the new year
    day = f"{match.group('day')} " if match.group("day") else ""
    return parse_date(f"{day}{match.group('month')} {year}")


def _with_year(match: re.Match[str], year_hint: str) -> str | None:
    """'17 May' in a plan published in April 2022 is 2022; 'January' in it is 2023."""
    year, published_month = int(year_hint[:4]), int(year_hint[5:7])
    month = MONTHS[match.group(2).lower()]
    if month < published_month:
        year += 1
    day = f"{match.group(1)} " if match.group(1) else ""
    return parse_date(f"{day}{match.group(2)} {year}")


def key_decision(text: str) -> bool | None:
    if YES.match(text):
        return True
    if NO.match(text):
        return False
    return None


def public_access(text: str, access: str) -> str | None:
    """'Open', 'Exempt', 'Part exempt', 'Fully exempt' as printed; Yes/No in an 'Exempt?' column."""
    if match := ACCESS_VALUE.match(text):
        return clean_text(match.group(0))
    if YES.match(text):
        return access
    if NO.match(text):
        return "Open"
    return text or None


def holders(lines: Cell) -> str | None:
    """Portfolio holders joined with ', ' where each starts on its own line."""
    parts: list[str] = []
    for line in lines:
        text = line.text.strip()
        if parts and _HOLDER_START.match(text) and not _HOLDER_UNFINISHED.search(parts[-1]):
            parts[-1] += ","
        parts.append(text)
    return join_texts(parts) or None


def officer(lines: Cell) -> tuple[str | None, str | None, str | None]:
    """(name, title, e-mail) of the officer cell; with no clear name, the whole text is the name."""
    texts = repair_emails([line.text for line in lines])
    text = "\n".join(texts)
    emails = _EMAIL.findall(text)
    if emails and _EMAIL.split(text)[0].strip(" ,;\n"):
        text = text[: text.rfind(emails[-1])]  # what follows the last address is a director, not the contact
    text = _CONTACT_LABEL.sub(" ", _PHONE.sub(" ", _EMAIL.sub(" ", text)))
    contact_lines = [clean_text(line) for line in text.split("\n")]
    contact_lines = [line for line in contact_lines if line.strip(" ,;")]
    name, title = name_and_title(contact_lines)
    if title and (bracketed := _IN_BRACKETS.fullmatch(title)):
        title = bracketed.group(1)  # 'Jane Smith (Head of Policy)': the title in brackets after the name
    return name, title, ", ".join(emails) or None


def name_and_title(lines: list[str]) -> tuple[str | None, str | None]:
    """'Lisa Cotton, Head of ...' or 'Lisa Cotton' over 'Head of ...': the name, then the title."""
    joined = join_texts(lines)
    joined = re.sub(r"\s+,", ",", joined).strip(" ,;")
    if not joined:
        return None, None
    first, _, rest = joined.partition(",")
    if rest.strip() and is_person(first):
        return first.strip(), rest.strip()
    for count in range(1, min(MAX_NAME_LINES, len(lines) - 1) + 1):  # 'Priya' over 'Ramanathan-Whitfield'
        name = join_texts(lines[:count]).strip(" ,")
        if is_person(name):
            return name, join_texts(lines[count:]).strip(" ,;")
    return joined, None


def is_person(text: str) -> bool:
    text = text.strip()
    return bool(_PERSON_NAME.match(text)) and not _ROLE_WORDS.search(text)


def repair_emails(texts: list[str]) -> list[str]:
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


def join(lines: Cell) -> str:
    return join_texts([line.text for line in lines])


def join_texts(lines: list[str]) -> str:
    """A cell's lines as one string; a word hyphenated at a line end ('Pan-' + 'Dorset') is rejoined."""
    text = ""
    for line in lines:
        part = line.strip()
        if not part:
            continue
        glue = "" if re.search(r"\w-$", text) else " "
        text = f"{text}{glue}{part}" if text else part
    return clean_text(text)
