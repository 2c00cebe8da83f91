"""Validation checks: a registry of small functions, each with a code and a severity.

A check takes one document's Extraction and yields Findings, which the registry turns into Issues
with the check's code and severity. The codes and their meanings are
the contract's (CONTRACT.md); CI jobs fail a build on them through `cli.py validate`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, text

from .extractors.contributions import about_contributions
from .extractors.forward_plan import unread_plan_tables
from .model import ContributionTable, Extraction, Finding, Issue, StoredIssue
from .normalise import name_key
from .pack import page_mismatches
from .tables import Table
from .tables.totals import total_mismatches

SHARE_TOLERANCE_POINTS = Decimal("0.5")


@dataclass(frozen=True)
class Check:
    code: str
    severity: str  # "error", "warning" or "info"
    description: str
    run: Callable[..., Iterable[Any]]


# Document checks take one Extraction and yield Findings, when the document is extracted.
# Database checks take a Connection and yield StoredIssues across documents, when `validate` runs.
CHECKS: dict[str, Check] = {}
DATABASE_CHECKS: dict[str, Check] = {}


def _registrar(registry: dict[str, Check]) -> Callable:
    def decorator(code: str, severity: str, description: str) -> Callable:
        def register(function: Callable[..., Iterable[Any]]) -> Callable:
            registry[code] = Check(code, severity, description, function)
            return function

        return register

    return decorator


check = _registrar(CHECKS)
database_check = _registrar(DATABASE_CHECKS)



def _new_partner(file: str, page: int, partner: str) -> list[Finding]:
    return [Finding(f"{file} page {page}: '{partner}' matches no known partner or alias; stored as a new partner "
                    "(add a row to pipeline/data/aliases.csv if it is another name for one)", page, partner)]


# Raised while a document is stored, where its names meet the database's known entities.
NEW_PARTNER = Check("new_partner", "info",
                    "a partner name matches no known partner or alias (add one to `pipeline/data/aliases.csv`)",
                    _new_partner)


def _extraction_failed(file: str, extractor: str, error: Exception) -> list[Finding]:
    return [Finding(f"{file}: {extractor} failed ({type(error).__name__}: {error}); the rest of the document was read")]


# Raised while a document is extracted, when one extractor fails on it (a bug, or a page no parser reads).
EXTRACTION_FAILED = Check("extraction_failed", "warning",
                          "one extractor failed on the document (a bug, or a page no parser can read): what it "
                          "looks for was not read there; the other kinds were", _extraction_failed)


def all_checks() -> list[Check]:
    """Every check, in the order the documentation lists them."""
    return [*CHECKS.values(), *DATABASE_CHECKS.values(), NEW_PARTNER, EXTRACTION_FAILED]


def checks_markdown() -> str:
    """The checks as the README's table (generated, so that it cannot drift from the code)."""
    lines = ["| check | severity | raised when |", "|---|---|---|"]
    lines += [f"| `{entry.code}` | {entry.severity} | {entry.description} |" for entry in all_checks()]
    return "\n".join(lines) + "\n"


def run_checks(extraction: Extraction) -> list[Issue]:
    return [Issue(entry.code, entry.severity, found.message, found.page, found.subject)
            for entry in CHECKS.values() for found in entry.run(extraction)]


def run_database_checks(connection: Connection) -> list[StoredIssue]:
    return [issue for entry in DATABASE_CHECKS.values() for issue in entry.run(connection)]


def money(amount: Decimal) -> str:
    return f"£{amount:,.2f}".replace(".00", "")


def _described(table: ContributionTable) -> str:
    return f"the {table.period} contributions" if table.period else "the contributions"


@check("contribution_total_mismatch", "error", "the rows do not add up to the stated total (to the penny)")
def total_mismatch(extraction: Extraction) -> Iterator[Finding]:
    for table in extraction.contribution_tables:
        if table.stated_total is None:
            continue
        added = sum((row.amount for row in table.rows), Decimal(0))
        if added != table.stated_total:
            yield Finding(
                f"{extraction.file} page {table.page}: {_described(table)} add up to {money(added)} "
                f"but the stated total is {money(table.stated_total)} "
                f"(difference {money(added - table.stated_total)})",
                table.page, table.period,
            )


@check("contribution_share_mismatch", "error",
       "a row's printed % differs from amount / stated total × 100 by more than 0.5 points")
def share_mismatch(extraction: Extraction) -> Iterator[Finding]:
    for table in extraction.contribution_tables:
        base = table.stated_total or sum((row.amount for row in table.rows), Decimal(0))
        if not base:
            continue
        for row in table.rows:
            if row.share_pct is None:
                continue
            actual = row.amount / base * 100
            if abs(actual - row.share_pct) > SHARE_TOLERANCE_POINTS:
                yield Finding(
                    f"{extraction.file} page {row.page}: '{row.partner}' is printed as {row.share_pct}% "
                    f"of {_described(table)} but {money(row.amount)} of {money(base)} is {actual:.1f}%",
                    row.page, row.partner,
                )


@check("duplicate_partner", "error", "one partner appears twice in one contributions table")
def duplicate_partner(extraction: Extraction) -> Iterator[Finding]:
    for table in extraction.contribution_tables:
        counts = Counter(name_key(row.partner) for row in table.rows)
        reported: set[str] = set()
        for row in table.rows:
            key = name_key(row.partner)
            if counts[key] > 1 and key not in reported:
                reported.add(key)
                yield Finding(
                    f"{extraction.file} page {table.page}: '{row.partner}' appears {counts[key]} times "
                    f"in {_described(table)}",
                    table.page, row.partner,
                )


@check("missing_total", "warning", "a contributions table or list states no total")
def missing_total(extraction: Extraction) -> Iterator[Finding]:
    for table in extraction.contribution_tables:
        if table.stated_total is None:
            added = sum((row.amount for row in table.rows), Decimal(0))
            yield Finding(
                f"{extraction.file} page {table.page}: {_described(table)} state no total "
                f"(the {len(table.rows)} rows add up to {money(added)})",
                table.page, table.period,
            )


@check("unread_table", "warning",
       "a table whose header or heading names partners, contributions or funding gave no contributions, or one "
       "whose header names decision columns (or under a forward plan's heading) gave no decisions (its layout "
       "was not understood: check it by hand)")
def unread_table(extraction: Extraction) -> Iterator[Finding]:
    for table in _not_read_as_contributions(extraction):
        if about_contributions(table):
            yield _unread(extraction, table, "a table of pounds", "is about partners or contributions, but no "
                          "partner and amount columns could be read from it")
    for table in unread_plan_tables(extraction.tables, extraction.forward_plans):
        yield _unread(extraction, table, "a table", "names forward-plan decision columns, but no decision could "
                      "be read from it")


def _unread(extraction: Extraction, table: Table, kind: str, why: str) -> Finding:
    what = f"'{table.caption}'" if table.caption else "with no caption"
    return Finding(f"{extraction.file} page {table.page}: {kind} {what} {why}", table.page, table.caption)


@check("table_total_mismatch", "error",
       "a Total, Subtotal or Net row (or a Total column) of any table does not equal the figures it closes, beyond "
       "the half unit per figure that printing rounded figures allows")
def table_total_mismatch(extraction: Extraction) -> Iterator[Finding]:
    for table in _not_read_as_contributions(extraction):  # contributions' totals are checked to the penny
        for found in total_mismatches(table):
            sign = found.unit if found.unit == "£" else ""
            difference = found.added - found.printed
            yield Finding(
                f"{extraction.file} page {found.page}: '{found.label}' ({found.where}) is {sign}{found.printed:,} but "
                f"the figures it closes add up to {sign}{found.added:,} (difference {sign}{difference:,}; "
                f"rounding allows {sign}{found.tolerance:,})", found.page, found.label)


def _not_read_as_contributions(extraction: Extraction) -> Iterator[Table]:
    """The tables of the document that no contributions table was read from."""
    read = [(table.page, table.bbox) for table in extraction.contribution_tables]
    for table in extraction.tables:
        if not any(page == table.page and bbox and _overlaps(bbox, table.bbox) for page, bbox in read):
            yield table


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@check("agenda_page_mismatch", "warning",
       "a front-sheet page range disagrees with the pack's 'Agenda Item N' stamps or 'Page N' footers (a stamp on "
       "another page, a range past the end of the pack, overlapping ranges)")
def agenda_page_mismatch(extraction: Extraction) -> list[Finding]:
    if extraction.pack is None:
        return []
    return page_mismatches(extraction.file, extraction.agenda_items, extraction.pack)


@check("unread_page", "warning",
       "a page's text prints a forward plan's header (most decision columns named) but no decision was read on it "
       "or beside it, or the words read from a page hold under half of its text layer's letters (the page is "
       "damaged, or laid out in a way not understood: check it by hand)")
def unread_page(extraction: Extraction) -> Iterator[Finding]:
    decided = {decision.page for decision in extraction.decisions}
    warned = {found.page for found in unread_table(extraction)}
    for page in extraction.plan_pages:
        if not decided & {page - 1, page, page + 1} and page not in warned:
            yield Finding(f"{extraction.file} page {page}: its text prints a forward plan's header, but no "
                          "decision could be read on it or beside it", page)
    for page in extraction.lost_text_pages:
        yield Finding(f"{extraction.file} page {page}: the words read from the page hold under half of the "
                      "letters of its text layer; what it holds may not have been read", page)


@check("needs_ocr", "warning", "pages are scanned images with no text layer, and no OCR could read them")
def needs_ocr(extraction: Extraction) -> Iterator[Finding]:
    if extraction.unreadable_pages:
        pages = ", ".join(map(str, extraction.unreadable_pages))
        yield Finding(f"{extraction.file}: page(s) {pages} are scanned images with no text; nothing on them was "
                      "read (install tesseract-ocr to read them)", extraction.unreadable_pages[0])


@database_check("contribution_conflict", "error",
                "two documents give different amounts (or totals) for the same partnership and period")
def contribution_conflict(connection: Connection) -> Iterator[StoredIssue]:
    rows = connection.execute(text(
        "SELECT period, partner, file, page, amount_pence, other_file, other_page, other_amount_pence "
        "FROM contribution_conflicts ORDER BY other_file, other_page, partner, file"
    ))
    for period, partner, file, page, pence, other_file, other_page, other_pence in rows:
        what = f"'{partner}'" if partner else "the total"
        yield StoredIssue(
            other_file, "contribution_conflict", "error", other_page, partner or period,
            f"{other_file} page {other_page} gives {what} for {period} as {money(Decimal(other_pence) / 100)} "
            f"but {file} page {page} gives {money(Decimal(pence) / 100)}",
        )
