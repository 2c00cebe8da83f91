"""`write_review`: the review report for the documents in scope, as a static site in one folder."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from .. import __version__, db
from ..errors import UsageError
from ..findings import Scope
from .cards import DocumentCards, PagesCache, document_cards
from .charts import Chart, date_dots, stacked_bars
from .crops import FOLDER, CropCache
from .data import ContributionTable, ReviewData, read_review_data
from .html import SiteWriter
from .overview import (
    DecisionDates,
    DocumentSummary,
    Partnership,
    check_summaries,
    decision_dates,
    document_summaries,
    partnerships,
)
from .pdfs import OpenPdfs, PdfUnavailable


@dataclass(frozen=True)
class ReviewSummary:
    index: Path  # the page to open
    documents: int
    findings: int
    pictures: int  # crops the report shows
    rendered: int  # crops drawn by this run; the others were already in the folder
    removed: int  # files (pages, crops) of an earlier report into the folder that this one no longer has
    without_pictures: dict[str, str]  # document name: why its pages could not be drawn
    seconds: float


def write_review(database: str, out_dir: Path, paths: Sequence[Path] = (), batch: str | None = None) -> ReviewSummary:
    """Write the review report for the documents in scope into `out_dir` (created if need be): `index.html`,
    one page per document under `documents/`, crops under `crops/`.

    The scope is that of `validate`: every document, those under `paths`, or those of ingest run
    `batch` ('last' or a run's number). The database is only read; the PDFs are read from where they
    were ingested. Crops already in the folder are reused, so writing the report again is cheap.
    Raises UsageError when no document is in scope.
    """
    started = time.perf_counter()
    scope = Scope(tuple(paths), batch)
    engine = db.read_only_engine(database)
    try:
        with engine.connect() as connection:
            data = read_review_data(connection, scope)
    finally:
        engine.dispose()
    if not data.documents:
        raise UsageError(f"no documents {scope.describe()} ({_shown_url(database)}): nothing to review")
    out_dir.mkdir(parents=True, exist_ok=True)
    pdfs = OpenPdfs()
    crops = CropCache(out_dir / FOLDER, pdfs)
    pages_of = PagesCache(pdfs)
    site = SiteWriter(out_dir, {
        "database": _shown_url(database), "scope": scope.describe(), "version": __version__,
        "generated": f"Written {datetime.now(timezone.utc):%d %B %Y, %H:%M} UTC",
    })
    pictures = 0
    without_pictures = {}
    summaries = document_summaries(data)
    try:
        for summary in summaries:
            document = summary.document
            cards = document_cards(document, data, pages_of)
            pictures += _draw(cards, crops)
            problem = pages_of(document).problem
            if problem:
                without_pictures[document.name] = problem
            site.write_document(document, cards.numbers, **_document_context(summary, data, cards, problem))
            pdfs.release(document)
        index = site.write_index(**_index_context(data, summaries))
    finally:
        pdfs.close()
    removed = crops.remove_unused() + site.remove_unused()
    return ReviewSummary(index, len(data.documents), len(data.findings), pictures, crops.rendered, removed,
                         without_pictures, time.perf_counter() - started)


def _shown_url(database: str) -> str:
    """The database as the report names it: never with its password."""
    if "://" not in database:
        return database
    return make_url(database).render_as_string(hide_password=True)


def _draw(cards: DocumentCards, crops: CropCache) -> int:
    """Render (or find in the cache) every region's picture; a region whose PDF cannot be read is dropped
    and its card says why. Returns how many pictures the page shows."""
    drawn = 0
    for card in cards.with_findings + cards.quiet_tables:
        for region in card.regions:
            try:
                region.crop = crops.crop(region.document, region.page, region.box, region.scale)
                drawn += 1
            except PdfUnavailable as reason:
                card.no_picture = str(reason)
        card.regions = [region for region in card.regions if region.crop is not None]
    return drawn


def _document_context(summary: DocumentSummary, data: ReviewData, cards: DocumentCards,
                      problem: str | None) -> dict[str, Any]:
    document = summary.document
    own = data.contribution_tables_of(document)
    listed = {entry.decision_id for entry in data.plan_entries_of(document) if entry.decision_id is not None}
    return {
        "summary": summary, "cards": cards, "pdf_problem": problem, "documents": data.all_documents,
        "contribution_charts": _contribution_charts(own, data, f"doc-{document.id}"),
        "slippage": _slippage(data, listed, f"doc-{document.id}"),
        "agenda_items": data.agenda_items_of(document), "plan_entries": data.plan_entries_of(document),
    }


def _index_context(data: ReviewData, summaries: list[DocumentSummary]) -> dict[str, Any]:
    totals: Counter[str] = Counter()
    for summary in summaries:
        totals.update(summary.counts)
        totals.update(summary.severities)
    scoped = {document.id for document in data.documents}
    listed = {entry.decision_id for entry in data.plan_entries if entry.document_id in scoped and entry.decision_id}
    return {
        "summaries": summaries, "totals": totals, "checks": check_summaries(data), "findings": data.findings,
        "documents": data.all_documents,
        "found_checks": sorted({finding.check for finding in data.findings}),
        "councils": sorted({document.council for document in data.documents if document.council}),
        "contribution_charts": _contribution_charts(
            [table for table in data.contribution_tables if table.document_id in scoped], data, "index"),
        "slippage": _slippage(data, listed, "index"),
    }


@dataclass(frozen=True)
class _PartnershipChart:
    partnership: Partnership
    chart: Chart


def _contribution_charts(tables: list[ContributionTable], data: ReviewData, prefix: str) -> list[_PartnershipChart]:
    charts = []
    for number, partnership in enumerate(partnerships(tables, data.all_documents), start=1):
        chart = stacked_bars(f"{prefix}-contributions-{number}", f"Contributions to the partnership of "
                             f"{partnership.title}, by period", partnership.periods, partnership.series)
        charts.append(_PartnershipChart(partnership, chart))
    return charts


@dataclass(frozen=True)
class _SlippageChart:
    decisions: list[DecisionDates]
    chart: Chart


def _slippage(data: ReviewData, decision_ids: set[int], prefix: str) -> _SlippageChart | None:
    decisions = decision_dates(data.plan_entries, decision_ids)
    if not decisions:
        return None
    chart = date_dots(f"{prefix}-slippage", "Planned dates of decisions across forward plans",
                      [(decision.subject, decision.sightings) for decision in decisions])
    return _SlippageChart(decisions, chart)
