"""The PDFs behind the documents: found on disk, checked to be the bytes that were ingested, opened
once each, and asked where text is printed.

Boxes are in the database's coordinates: points from the top-left corner of the page, as
pdfplumber measures them (from the media box); pdfium measures from the bottom-left, so every box
read here is turned over.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from .data import BBox, Document

# A pack's own page number: 'Page 7' on a line of its own (not 'Page No.' or 'page 7 of the report').
_PAGE_FOOTER = re.compile(r"^\s*Page\s+(\d{1,4})\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PageGeometry:
    """Where a page's boxes are, in PDF space: the media box (the database's coordinates start at its
    top-left corner, as displayed), the crop box (what pdfium renders) and the page's rotation."""

    media: tuple[float, float, float, float]  # left, bottom, right, top
    crop: tuple[float, float, float, float]
    rotation: int  # clockwise, as displayed: 0, 90, 180 or 270

    def _displayed(self, x: float, y: float) -> tuple[float, float]:
        # where a point of PDF space is on the page as displayed, from its top-left corner (as pdfminer
        # turns a rotated page, so as pdfplumber measured the stored boxes)
        left, bottom, right, top = self.media
        if self.rotation == 90:
            return (y - bottom, x - left)
        if self.rotation == 180:
            return (right - x, y - bottom)
        if self.rotation == 270:
            return (top - y, right - x)
        return (x - left, top - y)

    def from_pdf(self, left: float, bottom: float, right: float, top: float) -> BBox:
        """A rectangle of PDF space as a box on the page as displayed."""
        (x0, y0), (x1, y1) = self._displayed(left, bottom), self._displayed(right, top)
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

    @property
    def visible(self) -> BBox:
        """The crop box, the part of the page a reader sees."""
        return self.from_pdf(*self.crop)

    def crop_margins(self, box: BBox) -> tuple[float, float, float, float]:
        """What pdfium must cut off each side of the page it renders (left, bottom, right, top) to leave `box`."""
        x0, top, x1, bottom = self.visible
        return (box[0] - x0, bottom - box[3], x1 - box[2], box[1] - top)


class PdfUnavailable(Exception):
    """The document's PDF cannot be shown: the message says why, in words for the report."""


class OpenPdfs:
    """Each document's PDF, opened on first use and kept open (with the pages and text asked for) until
    released: the cards and the crops of one document ask for the same pages many times."""

    def __init__(self) -> None:
        self._open: dict[int, pdfium.PdfDocument] = {}
        self._unavailable: dict[int, str] = {}
        self._pages: dict[tuple[int, int], pdfium.PdfPage] = {}
        self._texts: dict[tuple[int, int], pdfium.PdfTextPage] = {}

    def pdf(self, document: Document) -> pdfium.PdfDocument:
        if document.id in self._unavailable:
            raise PdfUnavailable(self._unavailable[document.id])
        if document.id not in self._open:
            try:
                self._open[document.id] = _verified(document)
            except PdfUnavailable as reason:
                self._unavailable[document.id] = str(reason)
                raise
        return self._open[document.id]

    def page(self, document: Document, page: int) -> pdfium.PdfPage:
        key = (document.id, page)
        if key not in self._pages:
            self._pages[key] = self.pdf(document)[page - 1]
        return self._pages[key]

    def text(self, document: Document, page: int) -> pdfium.PdfTextPage:
        key = (document.id, page)
        if key not in self._texts:
            self._texts[key] = self.page(document, page).get_textpage()
        return self._texts[key]

    def geometry(self, document: Document, page: int) -> PageGeometry:
        pdf_page = self.page(document, page)
        return PageGeometry(tuple(pdf_page.get_mediabox()), tuple(pdf_page.get_cropbox()), pdf_page.get_rotation())

    def release(self, document: Document) -> None:
        """Close the document's PDF, its pages and their text (they are opened again if asked for)."""
        self._release(document.id)

    def close(self) -> None:
        for document_id in list(self._open):
            self._release(document_id)

    def _release(self, document_id: int) -> None:
        for cache in (self._texts, self._pages):
            for key in [key for key in cache if key[0] == document_id]:
                cache.pop(key).close()
        pdf = self._open.pop(document_id, None)
        if pdf is not None:
            pdf.close()

# The size pages are taken to have when their PDF cannot be read: nothing is drawn at that size, but
# the cards keep their shape (and their extracted rows) and say why there is no picture.
_STAND_IN_PAGE = (0.0, 0.0, 595.0, 842.0)


class DocumentPages:
    """One document's pages as the cards see them: their boxes, and where text is printed on them."""

    def __init__(self, pdfs: OpenPdfs, document: Document) -> None:
        self.pdfs = pdfs
        self.document = document
        try:
            pdfs.pdf(document)
            self.problem: str | None = None
        except PdfUnavailable as reason:
            self.problem = str(reason)
        self._printed: dict[int, int] | None = None

    def box(self, page: int) -> BBox:
        """The visible part of the page (its crop box)."""
        if self.problem or not 1 <= page <= self.document.page_count:
            return _STAND_IN_PAGE
        return self.pdfs.geometry(self.document, page).visible

    def find(self, page: int, wanted: str, within: BBox | None = None, whole_word: bool = False) -> list[BBox]:
        """Where `wanted` is printed on the page (case and spacing aside), one box per occurrence,
        keeping those whose centre lies `within` the box when one is given."""
        wanted = " ".join(wanted.split())
        if self.problem or not wanted or not 1 <= page <= self.document.page_count:
            return []
        geometry = self.pdfs.geometry(self.document, page)
        text_page = self.pdfs.text(self.document, page)
        searcher = text_page.search(wanted, match_whole_word=whole_word)
        found = []
        while (hit := searcher.get_next()) is not None:
            rects = [text_page.get_rect(index) for index in range(text_page.count_rects(*hit))]
            if not rects:
                continue
            box = geometry.from_pdf(min(r[0] for r in rects), min(r[1] for r in rects),
                                    max(r[2] for r in rects), max(r[3] for r in rects))
            if within is None or _centre_inside(box, within):
                found.append(box)
        return found

    def caption_line(self, page: int, caption: str | None, box: BBox | None) -> BBox | None:
        """The last line of a table's caption, right above its box: from the table's left edge to the
        caption's last word (so that the picture shows the whole line, however wide)."""
        if not (caption and box):
            return None
        x0, top, x1, _ = box
        tail = " ".join(caption.split()[-4:])  # the words nearest the table
        found = self.find(page, tail, within=(x0 - 60, top - 90, x1 + 60, top + 6))
        if not found:
            return None
        line = max(found, key=lambda hit: hit[1])
        return (min(x0, line[0]), line[1], max(x1, line[2]), line[3])

    def printed_pages(self) -> dict[int, int]:
        """The pack page number printed in each PDF page's 'Page N' footer: {PDF page: printed page}."""
        if self._printed is None:
            self._printed = {}
            if not self.problem:
                for page in range(1, self.document.page_count + 1):
                    text = self.pdfs.text(self.document, page).get_text_range().replace("\r", "")
                    footers = _PAGE_FOOTER.findall(text)
                    if footers:
                        self._printed[page] = int(footers[-1])
        return self._printed


def _verified(document: Document) -> pdfium.PdfDocument:
    path = document.pdf_path
    if path is None:
        raise PdfUnavailable("the database does not say where this PDF was read from")
    if not path.is_file():
        raise PdfUnavailable(f"the PDF is no longer at {path}")
    if _sha256(path) != document.sha256:
        raise PdfUnavailable(f"{path} has changed since it was ingested: ingest it again to review it")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:  # an encrypted PDF: ingest had the password, the report has not
        raise PdfUnavailable(f"{path} cannot be opened ({error})") from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _centre_inside(box: BBox, within: BBox) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return within[0] <= x <= within[2] and within[1] <= y <= within[3]
