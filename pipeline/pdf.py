"""Open a PDF once and give the extractors what they need, page by page.

pypdfium2 reads every page's text quickly; extractors use that text to triage pages and only
ask for pdfplumber's words and ruling lines (which cost ~100x more) on pages that can hold a
table they want. pdfplumber pages are opened lazily and released after use, so a 1,000-page
pack never holds more than one parsed page at a time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pdfplumber
import pdfplumber.utils
import pypdfium2 as pdfium

if TYPE_CHECKING:
    from .ocr import Scan

_BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
# Parsed pages released before pdfplumber is reopened to drop pdfminer's object cache.
REOPEN_EVERY = 40
# A page larger than this (in points: about 5 m a side) is not a real document page.
MAX_PAGE_SIDE = 14_400


class PdfError(Exception):
    """A PDF that cannot be read; the message is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


@dataclass(frozen=True)
class Word:
    """One word with its box, in pdfplumber's top-left coordinates (points)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False  # set in a bold face: a plan's subject is often the bold part of its cell
    upright: bool = True  # False for text set sideways (a rotated page number, a chart's axis title)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Rule:
    """A horizontal or vertical ruling line (or the edge of a filled rectangle)."""

    orientation: str  # "h" or "v"
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Page:
    """One page: fast text always; words and rules on demand (parsed once, then cached)."""

    number: int  # 1-based physical page
    width: float
    height: float
    text: str
    has_images: bool
    _document: PdfDocument = field(repr=False)
    drawings: int = 0  # path objects (lines, boxes): a ruled table draws several

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def needs_ocr(self) -> bool:
        """An image-only page: no text layer, so nothing can be read without OCR."""
        return self.has_images and not self.text.strip()

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    @cached_property
    def words(self) -> list[Word]:
        return self._document._words(self.number)

    @cached_property
    def rules(self) -> list[Rule]:
        return self._document._rules(self.number)

    def plumber(self) -> pdfplumber.page.Page:
        """The pdfplumber page, for table finders that need it; release with `release()`."""
        return self._document._plumber_page(self.number)

    def release(self) -> None:
        """Drop what was parsed for this page (words, rules, pdfplumber's layout); the text stays."""
        self.__dict__.pop("words", None)
        self.__dict__.pop("rules", None)
        self._document._release(self.number)


class PdfDocument:
    """A PDF opened once. Use as a context manager; `pages()` streams Page objects."""

    def __init__(self, path: Path | str, password: str | None = None):
        self.path = Path(path)
        self.name = self.path.name
        self._password = password
        data = _read_pdf_bytes(self.path)
        self.sha256 = hashlib.sha256(data).hexdigest()
        try:
            self._pdfium = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as exc:
            raise PdfError(self.path, _pdfium_reason(exc, password)) from None
        self.page_count = len(self._pdfium)
        if self.page_count == 0:
            raise PdfError(self.path, "the PDF has no pages")
        self._data = data
        self.modified = _pdf_date(self._pdfium)
        self._plumber: pdfplumber.PDF | None = None
        self._released = 0
        self._text_cache: dict[int, Page] = {}
        self._scans: dict[int, Scan] = {}  # scanned pages read by OCR: their words and rules

    def __enter__(self) -> PdfDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        self._pdfium.close()

    def page(self, number: int) -> Page:
        """The Page with this 1-based number (its fast text is cached: a few KB a page)."""
        if number not in self._text_cache:
            self._text_cache[number] = self._read_page(number)
        return self._text_cache[number]

    def pages(self) -> Iterator[Page]:
        for number in range(1, self.page_count + 1):
            yield self.page(number)

    # -- internals -------------------------------------------------------------------------
    def _read_page(self, number: int) -> Page:
        try:
            pdfium_page = self._pdfium[number - 1]
            width, height = pdfium_page.get_size()
            if max(width, height) > MAX_PAGE_SIDE or min(width, height) <= 0:
                raise PdfError(self.path, f"page {number} has an absurd size ({width:.0f} x {height:.0f} pt)")
            textpage = pdfium_page.get_textpage()
            text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            # depth 2: scanners often wrap the page image in a form XObject
            kinds = [obj.type for obj in pdfium_page.get_objects(max_depth=2)]
            has_images = pdfium.raw.FPDF_PAGEOBJ_IMAGE in kinds
            drawings = kinds.count(pdfium.raw.FPDF_PAGEOBJ_PATH)
            textpage.close()
            if has_images and not text.strip():
                text = self._ocr(number, pdfium_page)
            pdfium_page.close()
        except pdfium.PdfiumError as exc:
            raise PdfError(self.path, f"page {number} cannot be read ({exc})") from None
        return Page(number, width, height, text.replace("\x00", ""), has_images, self, drawings)

    def _ocr(self, number: int, pdfium_page: pdfium.PdfPage) -> str:
        """A scanned page read by tesseract, if installed: its words then stand in for pdfplumber's."""
        from . import ocr  # imported here: ocr builds on this module's Word

        if not ocr.available():
            return ""
        self._scans[number] = ocr.scan_page(pdfium_page)
        return self._scans[number].text

    def _plumber_pdf(self) -> pdfplumber.PDF:
        if self._plumber is None:
            import io

            try:
                self._plumber = pdfplumber.open(io.BytesIO(self._data), password=self._password or "")
            except Exception as exc:  # pdfminer raises many types on damaged files
                raise PdfError(self.path, f"cannot be parsed ({type(exc).__name__})") from None
        return self._plumber

    def _plumber_page(self, number: int) -> pdfplumber.page.Page:
        with self._parsing(number):
            return self._plumber_pdf().pages[number - 1]

    @contextmanager
    def _parsing(self, number: int) -> Iterator[None]:
        """pdfminer fails in many ways on damaged files; each becomes one PdfError naming the page."""
        try:
            yield
        except PdfError:
            raise
        except RecursionError:
            raise PdfError(self.path, f"page {number} nests objects too deeply to parse") from None
        except Exception as exc:
            raise PdfError(self.path, f"page {number} cannot be parsed ({type(exc).__name__})") from None

    def _release(self, number: int) -> None:
        if self._plumber is None:
            return
        self._plumber.pages[number - 1].close()
        self._released += 1
        if self._released % REOPEN_EVERY == 0:
            # pdfminer caches every object it has resolved for the life of the document: start
            # afresh now and then so that a 1,000-page pack does not hold all of them.
            self._plumber.close()
            self._plumber = None

    def _words(self, number: int) -> list[Word]:
        if number in self._scans:
            return self._scans[number].words
        with self._parsing(number):
            page = self._plumber_page(number)
            turn = Turn.of(page.chars, page.width, page.height)
            raw = pdfplumber.utils.extract_words(
                [turn.char(char) for char in page.chars],
                keep_blank_chars=False, x_tolerance=1.5, extra_attrs=["fontname", "upright"],
            )
        return [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], bool(_BOLD_FONT.search(w["fontname"])),
                     bool(w["upright"])) for w in raw]

    def _rules(self, number: int) -> list[Rule]:
        if number in self._scans:
            return self._scans[number].rules
        with self._parsing(number):
            page = self._plumber_page(number)
            turn = Turn.of(page.chars, page.width, page.height)
            edges = page.edges
        rules = []
        for edge in edges:
            orientation = edge.get("orientation")
            if orientation in ("h", "v"):
                rules.append(turn.rule(Rule(orientation, edge["x0"], edge["x1"], edge["top"], edge["bottom"])))
        return rules


@dataclass(frozen=True)
class Turn:
    """How a page whose text is set sideways is turned to be read: its words and rules are given
    in the turned page's coordinates, as if it had been printed upright.

    `quarter` is 0 for an upright page, 1 where the text runs down the page (turned a quarter
    anticlockwise to read), 3 where it runs up (turned a quarter clockwise)."""

    quarter: int
    width: float
    height: float

    @classmethod
    def of(cls, chars: list[dict], width: float, height: float) -> Turn:
        """The turn most of the page's characters need (upright unless most are set sideways)."""
        down = sum(1 for c in chars if not c.get("upright", True) and c["matrix"][1] < 0)
        up = sum(1 for c in chars if not c.get("upright", True) and c["matrix"][1] > 0)
        quarter = 1 if down > len(chars) / 2 else 3 if up > len(chars) / 2 else 0
        return cls(quarter, width, height)

    def box(self, x0: float, x1: float, top: float, bottom: float) -> tuple[float, float, float, float]:
        if self.quarter == 1:
            return top, bottom, self.width - x1, self.width - x0
        if self.quarter == 3:
            return self.height - bottom, self.height - top, x0, x1
        return x0, x1, top, bottom

    def char(self, char: dict) -> dict:
        if not self.quarter:
            return char
        x0, x1, top, bottom = self.box(char["x0"], char["x1"], char["top"], char["bottom"])
        return {**char, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "upright": True}

    def rule(self, rule: Rule) -> Rule:
        if not self.quarter:
            return rule
        x0, x1, top, bottom = self.box(rule.x0, rule.x1, rule.top, rule.bottom)
        return Rule("v" if rule.orientation == "h" else "h", x0, x1, top, bottom)


def _pdf_date(document: pdfium.PdfDocument) -> str | None:
    """When the PDF was last modified (or else created), as 'YYYY-MM-DDTHH:MM:SS', from its metadata."""
    try:
        metadata = document.get_metadata_dict()
    except pdfium.PdfiumError:
        return None
    for key in ("ModDate", "CreationDate"):
        match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?", metadata.get(key) or "")
        if match:
            year, month, day, hour, minute, second = (part or default for part, default in
                                                      zip(match.groups(), ("", "01", "01", "00", "00", "00"),
                                                          strict=True))
            return f"{year}-{month}-{day}T{hour}:{minute}:{second}"
    return None


def _read_pdf_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise PdfError(path, "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise PdfError(path, "not a PDF (no %PDF header)")
    return data


def _pdfium_reason(exc: Exception, password: str | None) -> str:
    message = str(exc).lower()
    if "password" in message:
        if password:
            return "the PDF is encrypted and the password given is wrong"
        return "the PDF is encrypted: give its password with --password"
    if "format" in message or "data" in message:
        return "the PDF is damaged or truncated and cannot be opened"
    return f"cannot be opened ({exc})"
