"""Extract one PDF into an Extraction: every extractor, then the validation checks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .checks import EXTRACTION_FAILED, run_checks
from .extractors.agenda import extract_agenda_items
from .extractors.contributions import contributions_in
from .extractors.forward_plan import forward_plan_reader, plan_pages
from .extractors.forward_plan.vocabulary import names_plan_header
from .extractors.meeting import extract_meeting
from .model import Extraction, Issue
from .pack import PackStructure, link_physical_pages, read_pack
from .pdf import PdfDocument, PdfError, shown_name
from .tables import Table
from .tables.pages import PageTables, merge_pages, read_pages, table_pages

log = logging.getLogger(__name__)
T = TypeVar("T")


def extract_pdf(path: Path | str, password: str | None = None, name: str | None = None) -> Extraction:
    """Read the PDF once and return everything found in it, with the checks' findings.

    `name` is what the user knows the file by (its path relative to the folder ingested; by default
    its base name): the extraction and every finding's message carry it. Raises PdfError (one line
    naming the file) when the file cannot be read at all.
    """
    with PdfDocument(path, password=password) as document:
        return extract_document(document, name)


def extract_document(document: PdfDocument, name: str | None = None,
                     pages: list[PageTables] | None = None) -> Extraction:
    """Everything found in an open document. `pages` are the tables of the pages that may hold one
    (`table_pages`), in order, when they were read already (by page-range tasks on other workers);
    by default they are read here. Either way the same tables are merged over page breaks."""
    name = shown_name(name or document.name)
    extraction = Extraction(file=name, sha256=document.sha256, page_count=document.page_count,
                            modified=document.modified)
    failures: list[Issue] = []

    def run(extractor: Callable[[PdfDocument], T], empty: T) -> T:
        return _guarded(extractor, document, name, empty, failures)

    extraction.meeting = run(extract_meeting, extraction.meeting)
    extraction.agenda_items = run(extract_agenda_items, [])
    extraction.tables = run(tables_reader(pages), [])
    extraction.contribution_tables = contributions_in(extraction.tables)
    extraction.forward_plans = run(forward_plan_reader(extraction.tables), [])
    extraction.pack = run(read_pack, PackStructure(document.page_count))
    extraction.unreadable_pages = [page.number for page in document.pages() if page.needs_ocr]
    extraction.plan_pages = [page.number for page in document.pages() if names_plan_header(page.text)]
    read_elsewhere = {page.page for page in pages or [] if page.lost_text}  # by page-range tasks
    extraction.lost_text_pages = sorted(document.lost_text_pages | read_elsewhere)
    _link_to_agenda_items(extraction, extraction.pack)
    extraction.issues = failures + run_checks(extraction)
    return extraction


def tables_reader(pages: list[PageTables] | None = None) -> Callable[[PdfDocument], list[Table]]:
    """`read_tables` for `extract_document`: the tables of the pages given, or else of the pages the
    layer's triage picks, read now."""
    def read_tables(document: PdfDocument) -> list[Table]:
        """Every table on the pages that may hold one (the layer's triage), continued tables merged.
        The words and rules of the pages the forward-plan reader reads again are left with the document."""
        read = pages if pages is not None else read_document_pages(document, *pages_to_read(document))
        document.add_parsed_pages(page.parsed for page in read if page.parsed)
        return merge_pages(read)

    return read_tables


def pages_to_read(document: PdfDocument) -> tuple[list[int], list[int]]:
    """The pages whose words the extractors read (the layer's and the forward-plan reader's), and
    those of them the layer reads tables on (`table_pages`): the triage's choice."""
    tables_on = table_pages(document)
    return sorted(set(tables_on).union(plan_pages(document))), tables_on


def read_document_pages(document: PdfDocument, pages: list[int], tables_on: list[int]) -> list[PageTables]:
    """The tables of the pages in `tables_on`, with the words and rules of the `pages` the forward-plan
    reader reads (a page it reads where the layer reads none, a PageTables without tables), so that it
    need not parse them again: a page-range task's work on its pages, or one process's."""
    keep, on = set(plan_pages(document, pages)), set(tables_on)
    found = read_pages(document, [number for number in pages if number in on], keep=keep)
    found += [_parsed_only(document, number) for number in pages if number in keep - on]
    return sorted(found, key=lambda page: page.page)


def _parsed_only(document: PdfDocument, number: int) -> PageTables:
    parsed = document.parsed_page(number)
    page = document.page(number)
    page.release()
    return PageTables(number, [], page.lines, number in document.lost_text_pages, parsed)


def _link_to_agenda_items(extraction: Extraction, pack: PackStructure) -> None:
    """Tell each item where its report is, and each table which item's report holds it."""
    link_physical_pages(extraction.agenda_items, pack)
    for table in extraction.contribution_tables:
        table.agenda_item = pack.item_for_page(table.page)
    for decision in extraction.decisions:
        decision.agenda_item = pack.item_for_page(decision.page)


def _guarded(extractor: Callable[[PdfDocument], T], document: PdfDocument, name: str, empty: T,
             failures: list[Issue]) -> T:
    """Run one extractor; a failure inside it costs that table kind, not the whole document."""
    try:
        return extractor(document)
    except (PdfError, MemoryError):  # the whole file fails: a damaged file, or one past the memory limit
        raise
    except Exception as error:  # a bug or a page no parser can read: report it, keep the rest
        log.warning("%s: %s failed: %r", name, extractor.__name__, error)
        failures += [Issue(EXTRACTION_FAILED.code, EXTRACTION_FAILED.severity, found.message)
                     for found in EXTRACTION_FAILED.run(name, extractor.__name__, error)]
        return empty
