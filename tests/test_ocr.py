"""Scanned pages: read by tesseract when it is installed, otherwise a needs_ocr warning."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfgen import Grid, Text, write_pdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from pipeline import ocr
from pipeline.extract import extract_pdf


def scanned(tmp_path: Path) -> Path:
    """A front sheet printed, then 'scanned': the page rendered to an image and the image alone saved as a PDF."""
    column = (0, 380)
    original = write_pdf(tmp_path / "original.pdf", [
        Text(["Dorset Council", "PLACE AND RESOURCES OVERVIEW COMMITTEE", "Date: Thursday, 21 April 2022", ""]),
        Grid([("AGENDA", "Page No.")], columns=column, ruled=False),
        Grid([("1. APOLOGIES", "")], columns=column, ruled=False),
        Grid([("3. MINUTES", "1 - 8")], columns=column, ruled=False),
        Grid([("5. HIGHWAYS ASSET MANAGEMENT PLAN", "9 - 40")], columns=column, ruled=False),
    ])
    image = pdfium.PdfDocument(original)[0].render(scale=200 / 72).to_pil().convert("L")
    path = tmp_path / "scanned.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    canvas.save()
    return path


def test_without_tesseract_a_scanned_page_raises_needs_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    extraction = extract_pdf(scanned(tmp_path))
    assert extraction.agenda_items == []
    [issue] = extraction.issues
    assert (issue.check, issue.severity, issue.page) == ("needs_ocr", "warning", 1)
    assert "scanned.pdf" in issue.message


@pytest.mark.skipif(not ocr.available(), reason="tesseract is not installed (apt-get install tesseract-ocr)")
def test_with_tesseract_the_front_sheet_is_read(tmp_path: Path) -> None:
    extraction = extract_pdf(scanned(tmp_path))
    assert [issue.check for issue in extraction.issues] == []
    assert [(i.number, i.title, i.page_start, i.page_end) for i in extraction.agenda_items] == [
        ("1", "APOLOGIES", None, None), ("3", "MINUTES", 1, 8), ("5", "HIGHWAYS ASSET MANAGEMENT PLAN", 9, 40)]
    meeting = extraction.meeting
    assert (meeting.council, meeting.date) == ("Dorset Council", "2022-04-21")
