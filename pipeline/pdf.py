"""Open a PDF once and give the extractors what they need, page by page.

pypdfium2 reads every page's text quickly; extractors use that text to triage pages and only
ask for pdfplumber's words and ruling lines (which cost ~100x more) on pages that can hold a
table they want. pdfplumber pages are opened lazily and released after use, so a 1,000-page
pack never holds more than one parsed page at a time.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pdfplumber
import pdfplumber.utils
import pypdfium2 as pdfium

from .library_warnings import LibraryWarnings
from .plumber_chars import make_chars_directly
from .streams import oversized_stream

if TYPE_CHECKING:
    from .ocr import Scan

_BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
_MB = 1 << 20
LOST_TEXT_MIN_LETTERS = 200  # a page with less text than this is not judged on how much of it the words hold


@dataclass(frozen=True)
class Limits:
    """What one document may cost, so that a hostile or absurd file fails with one line (naming the
    limit) or is read smaller, instead of taking its worker's memory or time."""

    # A decoded stream (a page's drawing, an image) past this fails the file: real ones are a few MB,
    # and each parser holds a page's decoded streams whole (a 1 GB one cost 2 GB).
    max_stream_bytes: int = 128 * _MB
    # A page larger than this (in points: about 5 m a side) is not a real document page.
    max_page_side: float = 14_400
    # A scanned page is rendered for OCR at 300 dpi, or smaller so that it has at most this many pixels
    # (A3 at 300 dpi is 17.4 million): a 3,000 pt page at 300 dpi would take 2.4 GB.
    ocr_pixels: int = 20_000_000
    # Pages read before pypdfium2 and pdfplumber are reopened, to drop the objects they cache per document.
    reopen_every: int = 40


LIMITS = Limits()


class PdfError(Exception):
    """A PDF that cannot be read; the message is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{shown_name(self.path.name)}: {reason}")


def shown_name(name: str) -> str:
    """A file name as text that can be printed and stored: bytes that are not UTF-8 (kept by Python as
    surrogate escapes, which neither a terminal nor a database takes) shown as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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

    def release(self) -> None:
        """Drop what was parsed for this page (words, rules, pdfplumber's layout); the text stays."""
        self.__dict__.pop("words", None)
        self.__dict__.pop("rules", None)
        self._document._release(self.number)


@dataclass(frozen=True)
class ParsedPage:
    """A page's words and rules as parsed, to hand to another PdfDocument of the same file (in another
    process: a page-range task hands them to the task that assembles the document) so that a reader
    there does not parse the page again. Picklable."""

    number: int
    words: list[Word]
    rules: list[Rule]


@dataclass(frozen=True)
class KnownPage:
    """A page's fast text as read (its Page's fields) and OCR's reading of it when scanned, picklable."""

    values: dict[str, Any]
    scan: Scan | None = None


class PdfDocument:
    """A PDF opened once. Use as a context manager; `pages()` streams Page objects."""

    ocr_later = False  # True: scanned pages are left unread (needs_ocr), for tasks that OCR them apart

    def __init__(self, path: Path | str, password: str | None = None, limits: Limits = LIMITS):
        self.path = Path(path)
        self.name = shown_name(self.path.name)
        self.limits = limits
        self._password = password
        data = _read_pdf_bytes(self.path)
        self.sha256 = hashlib.sha256(data).hexdigest()
        self._refuse_bombs(data)
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
        self._open: dict[int, pdfplumber.page.Page] = {}  # pdfplumber pages parsed and not yet released
        self._turned: dict[int, TurnedPage] = {}  # pdfplumber pages whose text is not upright, turned upright
        self._scans: dict[int, Scan] = {}  # scanned pages read by OCR: their words and rules
        self._parsed: dict[int, ParsedPage] = {}  # pages parsed by another PdfDocument (add_parsed_pages)
        self.lost_text_pages: set[int] = set()  # pages whose words hold far less text than their text layer
        self._library_warnings = LibraryWarnings(self.name)  # last: nothing above may fail with it installed

    def __enter__(self) -> PdfDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        self._pdfium.close()
        self._library_warnings.close()

    def page(self, number: int) -> Page:
        """The Page with this 1-based number (its fast text is cached: a few KB a page)."""
        if number not in self._text_cache:
            self._text_cache[number] = self._read_page(number)
        return self._text_cache[number]

    def pages(self) -> Iterator[Page]:
        for number in range(1, self.page_count + 1):
            yield self.page(number)

    def known_pages(self, numbers: Iterable[int] | None = None) -> list[KnownPage]:
        """These pages' fast text (scanned ones as OCR read them), to hand to another PdfDocument of the
        same file, in another process, so that it does not read them (nor OCR them) again."""
        wanted = range(1, self.page_count + 1) if numbers is None else numbers
        return [KnownPage({item.name: getattr(page, item.name) for item in fields(Page) if item.name != "_document"},
                          self._scans.get(page.number)) for page in map(self.page, wanted)]

    def add_known_pages(self, known: Iterable[KnownPage]) -> None:
        """Pages another PdfDocument of the same file read already (`known_pages`)."""
        for page in known:
            self._text_cache[page.values["number"]] = Page(**page.values, _document=self)
            if page.scan is not None:
                self._scans[page.values["number"]] = page.scan

    def parsed_page(self, number: int) -> ParsedPage:
        """The page's words and rules (parsed now unless they are already), to hand to another
        PdfDocument of the same file (`add_parsed_pages`)."""
        page = self.page(number)
        return ParsedPage(number, page.words, page.rules)

    def add_parsed_pages(self, parsed: Iterable[ParsedPage]) -> None:
        """Pages another PdfDocument of the same file parsed already (`parsed_page`): their words and
        rules are taken from these until the page is released."""
        for page in parsed:
            self._parsed[page.number] = page

    # -- internals -------------------------------------------------------------------------
    def _pdfium_document(self, number: int) -> pdfium.PdfDocument:
        """pypdfium2's document, opened afresh every few pages: pdfium keeps every page's parsed objects
        and fonts for the life of the document (50 KB a page: 140 MB at 2,000 pages), so that memory
        would grow with the pack's length."""
        if number % self.limits.reopen_every == 0:
            self._pdfium.close()
            self._pdfium = pdfium.PdfDocument(self._data, password=self._password)
        return self._pdfium

    def _refuse_bombs(self, data: bytes) -> None:
        """Fail the file before any parser loads a page if one of its streams inflates past the limit."""
        found = oversized_stream(data, self.limits.max_stream_bytes)
        if found:
            where = f" (object {found.object_number})" if found.object_number is not None else ""
            raise PdfError(self.path, f"a compressed stream{where} inflates past "
                           f"{self.limits.max_stream_bytes // _MB} MB, the limit on a decoded stream")

    def _read_page(self, number: int) -> Page:
        try:
            pdfium_page = self._pdfium_document(number)[number - 1]
            width, height = pdfium_page.get_size()
            if max(width, height) > self.limits.max_page_side or min(width, height) <= 0:
                raise PdfError(self.path, f"page {number} has an absurd size ({width:.0f} x {height:.0f} pt)")
            text, turned = _upright_text(pdfium_page)
            if turned in (90, 270):  # the page as read, its text upright, as its words are given
                width, height = height, width
            # depth 2: scanners often wrap the page image in a form XObject
            kinds = [obj.type for obj in pdfium_page.get_objects(max_depth=2)]
            has_images = pdfium.raw.FPDF_PAGEOBJ_IMAGE in kinds
            drawings = kinds.count(pdfium.raw.FPDF_PAGEOBJ_PATH)
            if has_images and not text.strip():
                text = self._ocr(number, pdfium_page)
            pdfium_page.close()
        except pdfium.PdfiumError as exc:
            raise PdfError(self.path, f"page {number} cannot be read ({exc})") from None
        return Page(number, width, height, text.replace("\x00", ""), has_images, self, drawings)

    def _ocr(self, number: int, pdfium_page: pdfium.PdfPage) -> str:
        """A scanned page read by tesseract, if installed: its words then stand in for pdfplumber's."""
        from . import ocr  # imported here: ocr builds on this module's Word

        if self.ocr_later or not ocr.available():
            return ""
        self._scans[number] = ocr.scan_page(pdfium_page, self.limits.ocr_pixels)
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
        """pdfplumber's page as read: turned upright (every object) when its text runs another way."""
        if number in self._turned:
            return self._turned[number]
        with self._parsing(number):
            page = self._open.get(number)
            if page is None:
                page = self._open[number] = self._plumber_pdf().pages[number - 1]
                make_chars_directly(page)
            turn = Turn.of(page.chars, page.width, page.height)
            if turn.quarter:
                page = self._turned[number] = TurnedPage(page, turn)
        return page

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
            if isinstance(exc.__cause__ or exc.__context__, MemoryError):  # pdfplumber wraps pdfminer's errors
                raise MemoryError from exc  # the worker's memory limit, not a damaged page: told as such
            raise PdfError(self.path, f"page {number} cannot be parsed ({type(exc).__name__})") from None

    def _release(self, number: int) -> None:
        self._parsed.pop(number, None)
        self._turned.pop(number, None)
        page = self._open.pop(number, None)
        if page is None:
            return  # not parsed here (its words came from OCR or another PdfDocument): nothing to drop
        page.close()
        self._released += 1
        if self._released % self.limits.reopen_every == 0 and self._plumber is not None:
            # pdfminer caches every object it has resolved for the life of the document: start
            # afresh now and then so that a 1,000-page pack does not hold all of them.
            self._plumber.close()
            self._plumber = None
            self._open.clear()

    def _words(self, number: int) -> list[Word]:
        if read := self._scans.get(number) or self._parsed.get(number):
            return read.words
        with self._parsing(number):
            page = self._plumber_page(number)
            raw = pdfplumber.utils.extract_words(
                page.chars,
                keep_blank_chars=False, x_tolerance=1.5, extra_attrs=["fontname", "upright"],
            )
        words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], bool(_BOLD_FONT.search(w["fontname"])),
                      bool(w["upright"])) for w in raw]
        if _lost_text(self.page(number).text, words):
            self.lost_text_pages.add(number)
        return words

    def _rules(self, number: int) -> list[Rule]:
        if read := self._scans.get(number) or self._parsed.get(number):
            return read.rules
        with self._parsing(number):
            edges = self._plumber_page(number).edges
        rules = []
        for edge in edges:
            orientation = edge.get("orientation")
            if orientation in ("h", "v"):
                rules.append(Rule(orientation, edge["x0"], edge["x1"], edge["top"], edge["bottom"]))
        return rules


@dataclass(frozen=True)
class Turn:
    """How a page whose text is set sideways or upside down is turned to be read: its words and rules
    are given in the turned page's coordinates, as if it had been printed upright.

    The page is as displayed (pdfminer applies its /Rotate to every character), so a page is turned
    here whether its text was drawn turned, or the page was given a /Rotate, or both did not cancel.
    `quarter` is 0 for an upright page, 1 where the text runs down the page (turned a quarter
    anticlockwise to read), 2 where it is upside down, 3 where it runs up (turned a quarter clockwise)."""

    quarter: int
    width: float
    height: float

    @classmethod
    def of(cls, chars: list[dict], width: float, height: float) -> Turn:
        """The turn most of the page's characters need (upright unless most run another way)."""
        counts = Counter(_direction(char["matrix"]) for char in chars)
        quarter = next((q for q, count in counts.items() if count > len(chars) / 2), 0)
        return cls(quarter, width, height)

    def box(self, x0: float, x1: float, top: float, bottom: float) -> tuple[float, float, float, float]:
        if self.quarter == 1:
            return top, bottom, self.width - x1, self.width - x0
        if self.quarter == 2:
            return self.width - x1, self.width - x0, self.height - bottom, self.height - top
        if self.quarter == 3:
            return self.height - bottom, self.height - top, x0, x1
        return x0, x1, top, bottom

    @property
    def size(self) -> tuple[float, float]:
        """The turned page's width and height."""
        return (self.height, self.width) if self.quarter % 2 else (self.width, self.height)

    def object(self, obj: dict) -> dict:
        """A pdfplumber object (a character, line, rectangle or curve) in the turned page's coordinates."""
        x0, x1, top, bottom = self.box(obj["x0"], obj["x1"], obj["top"], obj["bottom"])
        height = self.size[1]
        turned = {**obj, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "y0": height - bottom,
                  "y1": height - top, "width": x1 - x0, "height": bottom - top}
        if "upright" in obj:
            turned["upright"] = _direction(obj["matrix"]) == self.quarter if "matrix" in obj else obj["upright"]
        if "pts" in obj:
            turned["pts"] = [self.box(x, x, y, y)[::2] for x, y in obj["pts"]]
        return turned


class TurnedPage(pdfplumber.page.DerivedPage):
    """A pdfplumber page with every object turned as `turn` says, so that pdfplumber's own table finder
    (and everything read from the page) sees it as read."""

    def __init__(self, parent: pdfplumber.page.Page, turn: Turn):
        super().__init__(parent)
        self.bbox = (0, 0, *turn.size)
        self._objects = {kind: [turn.object(obj) for obj in objects] for kind, objects in parent.objects.items()}


def _lost_text(text: str, words: list[Word]) -> bool:
    """Whether the words read from a page hold under half the letters of its text layer (pypdfium2's):
    the two parsers disagree about the page, which is damaged or drawn in a way one of them misreads."""
    expected = sum(char.isalnum() for char in text)
    return expected >= LOST_TEXT_MIN_LETTERS and sum(char.isalnum() for w in words for char in w.text) < expected / 2


def _direction(matrix: tuple[float, ...]) -> int:
    """Which way a character's baseline runs on the page, as Turn's quarters (from its matrix's x axis)."""
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        return 0 if a > 0 else 2
    return 1 if b < 0 else 3


def _upright_text(page: pdfium.PdfPage) -> tuple[str, int]:
    """The page's text in reading order, and the degrees (clockwise, a multiple of 90) that most of its
    text is turned as displayed. pdfium orders the pieces of text displayed sideways or upside down by
    where they sit on the display ('2022 Date:'), so such a page is read with its /Rotate set (in memory)
    to display the text upright, as pdfplumber's words are turned upright (Turn)."""
    textpage = page.get_textpage()
    rotation = page.get_rotation()
    turned = _text_turn(textpage, rotation)
    if turned:
        textpage.close()
        page.set_rotation((rotation - turned) % 360)
        textpage = page.get_textpage()
        page.set_rotation(rotation)  # as it was, for the page's render
    text = textpage.get_text_range()
    textpage.close()
    return text.replace("\r\n", "\n").replace("\r", "\n"), turned


def _text_turn(textpage: pdfium.PdfTextPage, rotation: int, sample: int = 200) -> int:
    """The quarter turn (0, 90, 180 or 270 degrees clockwise) that most of the page's characters (a sample
    spread over it) display at: drawn so, or turned so by the page's /Rotate (pdfium's angles are
    clockwise, in the content's frame, before /Rotate)."""
    count = textpage.count_chars()
    angles = [pdfium.raw.FPDFText_GetCharAngle(textpage, index) for index in range(0, count, max(1, count // sample))]
    quarters = Counter(round((math.degrees(angle) + rotation) / 90) % 4 * 90 for angle in angles if angle >= 0)
    return next((quarter for quarter, seen in quarters.items() if seen > sum(quarters.values()) / 2), 0)


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
