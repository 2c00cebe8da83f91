"""Extract one PDF into an Extraction: every extractor, then the validation checks."""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .extractors.agenda import extract_agenda_items, extract_meeting
from .extractors.contributions import extract_contributions
from .extractors.forward_plan import extract_forward_plans
from .model import Extraction
from .pdf import PdfDocument


def extract_pdf(path: Path | str, password: str | None = None) -> Extraction:
    """Read the PDF once and return everything found in it, with the checks' findings."""
    with PdfDocument(path, password=password) as document:
        extraction = Extraction(file=document.name, sha256=document.sha256, page_count=document.page_count)
        extraction.meeting = extract_meeting(document)
        extraction.agenda_items = extract_agenda_items(document)
        extraction.contribution_tables = extract_contributions(document)
        extraction.forward_plans = extract_forward_plans(document)
    extraction.issues = run_checks(extraction)
    return extraction
