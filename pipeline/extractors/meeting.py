"""Which meeting a document belongs to: council, committee and date, from its first page.

ModernGov documents say it in a few ways: a report's header block ('Dorset Council / Cabinet /
7 September 2021'), a BCP-style table ('Meeting date 17 July 2024'), a front sheet ('AGENDA /
CABINET / Thursday, 30th January, 2025'), a supplement letter ('CABINET - THURSDAY, 30 JANUARY
2025'), a Kent-style report ('To: Cabinet, 30 January 2025'), a summons or notice ('You are hereby
summoned to attend a meeting of the Cabinet to be held ... on Tuesday, 18 March 2025', 'Notice is hereby
given that a meeting of ... will be held', which outrank the date the letter or notice was written) or
minutes ('MINUTES of a meeting of the Cabinet held ... on Thursday, 30 January 2025').
A standalone forward plan is no meeting's: its header ends where the plan's table begins.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Meeting
from ..normalise import MONTH_NAMES, clean_text, parse_date
from ..pdf import PdfDocument
from .councils import COUNCIL_LINE, NOT_A_PLACE, named_councils
from .forward_plan.vocabulary import MIN_LINE_HINTS, hint_count

HEADER_LINES = 16  # the header block is within the first lines of page 1
MAX_COUNCIL_WORDS = 6  # 'Bath and North East Somerset Council'; a longer line is a sentence
COUNCIL_SEARCH_PAGES = 4

_WEEKDAY = r"(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
_FULL_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\.?,?\s+\d{{4}}\b", re.IGNORECASE)
# 'CABINET - THURSDAY, 30 JANUARY 2025' (ModernGov covering letters)
_LETTER = re.compile(rf"^([A-Z][A-Z&,' ]+?)\s+[-–]\s+{_WEEKDAY},?\s+(.+)$")
# 'To: Cabinet, 30 January 2025' / 'To: County Council Date: 13 March 2025'
_ADDRESSED = re.compile(r"^To:\s*([A-Z][\w&' ]+?)(?:,|\s+Date:|\s*$)")
# 'Report to: Cabinet', 'Report to the Health and Wellbeing Board', 'Meeting: Cabinet', 'Committee and date: ...'
# 'Meeting of the Full Council' too; a label without a colon only before a capital (case-sensitive lookahead).
_COMMITTEE_LABEL = re.compile(r"^(?:report\s+to(?:\s+the)?|(?:name\s+of\s+)?meeting(?:\s+of(?:\s+the)?)?|"
                              r"committee(?:\s+and\s+date)?|decision[- ]?maker|body)\s*(?::\s*|\s+(?=(?-i:[A-Z])))",
                              re.IGNORECASE)
_MEETING_WORD = re.compile(r"\s+meeting$", re.IGNORECASE)  # 'Full Council Meeting' is the Full Council's
# A person's role, not the meeting: 'Leader of the Council', 'Chair of the Audit Committee', 'Cabinet Member for ...'.
_SIGN_OFF = re.compile(r"^(?:(?:deputy|vice|assistant)\s+)?(?:chair(?:man|person)?|leader|member|director|head|officer|"
                       r"clerk|secretary|chief|mayor|portfolio\s+holder|cabinet\s+member|lead\s+member)\b"
                       r"|\b(?:of|for)\s+the\s+(?:council|committee|board|cabinet)$", re.IGNORECASE)
_MEETING_OF = re.compile(r"\bmeeting of (?:the )?([A-Z][\w&' ]+?) (?:held|will be held|to be held)\b")
# A summons or notice of the meeting: 'summoned to attend a meeting of the Planning Committee ... to be held ...
# on Monday 3rd March 2025', 'Notice is hereby given that a meeting of the Full Council will be held ...',
# 'You are requested to attend a meeting of ...' (not 'the next meeting of ... will be held on', an item's note)
_SUMMONS = re.compile(r"\b(?:summoned\s+to\s+attend|notice\s+is\s+(?:hereby\s+)?given\s+that|you\s+are\s+"
                      r"(?:hereby\s+)?(?:requested|invited|required)\s+to\s+attend)\s+(?:an?|the)\s+(?:\w+\s+)?"
                      r"meeting\s+of\s+(?:the\s+)?([A-Z][\w&' ]+?)\s+(?:to\s+be|which\s+will\s+be|will\s+be)\s+held\b",
                      re.IGNORECASE)
SUMMONS_REACH = 200  # characters after the summons's body within which it gives the day
# '... of Little Wenlock Parish Council' after the body's name: the council, said again
_OF_COUNCIL = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:and|of|upon|on)\s+)?)+Council$")
_BODY = re.compile(r"\b(Cabinet|Committee|Council|Board|Panel|Executive|Forum|Commission|Assembly|Sub-Committee)$",
                   re.IGNORECASE)
_BODY_WORD = re.compile(_BODY.pattern.rstrip("$"), re.IGNORECASE)
# England's county councils: a domain like '@kent.gov.uk' names one of these, or a '<Place> Council'.
COUNTY_COUNCILS = {"cambridgeshire", "derbyshire", "devon", "east sussex", "essex", "gloucestershire", "hampshire",
                   "hertfordshire", "kent", "lancashire", "leicestershire", "lincolnshire", "norfolk",
                   "nottinghamshire", "oxfordshire", "staffordshire", "suffolk", "surrey", "warwickshire",
                   "west sussex", "worcestershire"}
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "&"}
_NOISE_LINE = re.compile(r"^(agenda item\b.*|item no\b.*|appendix\b.*|page \d+|\d{1,3})$", re.IGNORECASE)


def extract_meeting(document: PdfDocument) -> Meeting:
    lines = _header_lines(document.page(1).lines)
    committee, date = _from_letter(lines) or _from_addressee(lines) or _from_summons(document) or (None, None)
    council_line, council = _header_council(lines)
    committee = committee or _header_committee(lines, council_line) or _meeting_of(document)
    date = date or _first_date(lines) or _meeting_of_date(document)
    return Meeting(council or _named_council(document), committee, date)


def _header_lines(page_lines: list[str]) -> list[str]:
    """The first lines of the page, up to a line naming two decision columns: the header of a forward
    plan's table, under which the cells ('Cabinet', a publication date) name no meeting."""
    lines = [line for line in page_lines if not _NOISE_LINE.match(line)][:HEADER_LINES]
    end = next((i for i, line in enumerate(lines) if hint_count(line) >= MIN_LINE_HINTS), len(lines))
    return lines[:end]


def title_case(text: str) -> str:
    """'PEOPLE AND HEALTH SCRUTINY COMMITTEE' -> 'People and Health Scrutiny Committee'; mixed case kept."""
    text = clean_text(text).strip(" ,.-:")
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _from_letter(lines: list[str]) -> tuple[str, str | None] | None:
    for line in lines:
        if match := _LETTER.match(line):
            return title_case(match.group(1)), parse_date(match.group(2))
    return None


def _from_addressee(lines: list[str]) -> tuple[str, str | None] | None:
    for line in lines:
        if (match := _ADDRESSED.match(line)) and not match.group(1).lower().startswith("all "):
            return title_case(match.group(1)), parse_date(line)
    return None


def _header_council(lines: list[str]) -> tuple[int | None, str | None]:
    """A line that is a council's name and nothing else ('Dorset Council', 'KENT COUNTY COUNCIL', 'Cheshire
    West and Chester Council', 'City of York Council'), not a body ('County Council') nor a role ('Leader of
    Kent County Council')."""
    for index, line in enumerate(lines[:8]):
        name = title_case(line)
        if not COUNCIL_LINE.fullmatch(name):
            continue
        words = name.lower().split()
        generic = words[0] in NOT_A_PLACE and words[1:2] != ["of"]  # 'City of York Council' names a place
        if not generic and len(words) <= MAX_COUNCIL_WORDS and not _SIGN_OFF.search(name):
            return index, name
    return None, None


def _header_committee(lines: list[str], council_line: int | None) -> str | None:
    """The first short line after the council's name that names a body ('CABINET', 'Scrutiny Committee'),
    its label taken off ('Report to: Cabinet', 'Committee and date: Cabinet, 17 January 2024')."""
    start = 0 if council_line is None else council_line + 1
    for line in lines[start:] + lines[: max(start - 1, 0)]:  # under the council's name first, then above it
        text, labelled = _unlabelled(clean_text(line))
        text = _MEETING_WORD.sub("", text)
        named = _BODY.search(text) or (text.isupper() and _BODY_WORD.search(text))  # 'SCRUTINY COMMITTEE - X'
        # a body's name has its capital: a line in lower case is a wrapped sentence or cell ('... land' / 'assembly')
        if (len(text.split()) <= 8 and named and text[:1].isupper() and not _FULL_DATE.search(text)
                and not _SIGN_OFF.search(text)):
            return title_case(text)
    return None


def _unlabelled(text: str) -> tuple[str, bool]:
    """The line without a label before the body's name, nor a date after it (when labelled)."""
    match = _COMMITTEE_LABEL.match(text)
    if not match:
        return text, False
    rest = text[match.end():]
    if date := _FULL_DATE.search(rest):
        rest = re.sub(rf"[\s,;–-]*(?:{_WEEKDAY}\s*,?\s*)?$", "", rest[: date.start()], flags=re.IGNORECASE)
    return rest.strip(" ,;:-–"), True


def _first_date(lines: list[str]) -> str | None:
    # joined, because front sheets wrap 'Thursday, 13th' / 'February, 2025' over two lines
    match = _FULL_DATE.search(" ".join(lines))
    return parse_date(match.group(0)) if match else None


def _opening_text(document: PdfDocument) -> str:
    return clean_text(" ".join(document.page(n).text for n in range(1, min(document.page_count, 3) + 1)))


def _meeting_of(document: PdfDocument) -> str | None:
    """'A meeting of the County Council will be held ...' in a summons or minutes."""
    match = _MEETING_OF.search(_opening_text(document))
    return _body_name(match.group(1)) if match else None


def _from_summons(document: PdfDocument) -> tuple[str, str | None] | None:
    """'You are hereby summoned to attend a meeting of the Cabinet to be held ... on Tuesday, 18 March 2025',
    'Notice is hereby given that a meeting of ...': the body and the day of the meeting (a letter's or notice's
    own date, above it, is when it was sent)."""
    text = _opening_text(document)
    if not (match := _SUMMONS.search(text)):
        return None
    return _body_name(match.group(1)), _first_date([text[match.end(): match.end() + SUMMONS_REACH]])


def _body_name(text: str) -> str:
    """'Planning Committee of Little Wenlock Parish Council' -> 'Planning Committee'."""
    return title_case(_OF_COUNCIL.sub("", text))


def _meeting_of_date(document: PdfDocument) -> str | None:
    text = _opening_text(document)
    match = _MEETING_OF.search(text)
    return _first_date([text[match.end():]]) if match else None


def _named_council(document: PdfDocument) -> str | None:
    """The council named most often on the first pages, preferring the one the e-mail domain names."""
    text = "\n".join(document.page(n).text for n in range(1, min(document.page_count, COUNCIL_SEARCH_PAGES) + 1))
    names = Counter(named_councils(text))
    domains = [domain.lower() for domain in re.findall(r"@\s*([A-Za-z-]+)\s*\.", text)]
    if domains:
        return _council_of_domain(domains[0], document, names)
    if names:
        return names.most_common(1)[0][0]
    return _council_from_address(text)


def _council_of_domain(domain: str, document: PdfDocument, named: Counter[str]) -> str:
    """The council whose e-mail domain this is: named so somewhere in the document, a council printed
    on the first pages whose name the domain shortens ('bucks' for Buckinghamshire Council), or by
    the county list."""
    # 'dorsetcouncil.gov.uk' and 'bcpcouncil.gov.uk' name the place before 'council'
    stem = re.sub(r"(?:county)?council$", "", domain) or domain
    place = stem.upper() if len(stem) <= 3 else stem.replace("-", " ").title()
    if place.lower() in COUNTY_COUNCILS:
        return f"{place} County Council"
    pattern = re.compile(rf"\b{re.escape(place)} (?:Borough |District |City )?Council\b")
    found = Counter(match.group(0) for page in document.pages() for match in pattern.finditer(page.text))
    if not found:
        shortened = [name for name in named if name.lower().replace(" ", "").startswith(stem)]
        if shortened:
            return max(shortened, key=lambda name: named[name])
    # the most specific name ('Poole Borough Council' rather than 'Poole Council'), then the most frequent
    return max(found, key=lambda name: (len(name.split()), found[name]), default=f"{place} Council")


def _council_from_address(text: str) -> str | None:
    """'County Hall, Maidstone, Kent, ME14 1XQ': the county council at the county hall."""
    match = re.search(r"County Hall,\s*[\w ]+,\s*([A-Z][a-z]+),\s*[A-Z]{1,2}\d", text)
    return f"{match.group(1)} County Council" if match else None
