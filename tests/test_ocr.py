"""Scanned pages: read by tesseract when it is installed, otherwise a needs_ocr warning; straightened,
cleared of rules and placed in lines by position, so that a scanned front sheet reads like a
born-digital one."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfgen import LEFT, Grid, Text, turned_copy, write_pdf, write_scan
from PIL import Image, ImageChops
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from pipeline import ocr
from pipeline.extract import extract_pdf
from pipeline.pdf import LIMITS, Word

needs_tesseract = pytest.mark.skipif(not ocr.available(),
                                     reason="tesseract is not installed (apt-get install tesseract-ocr)")


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


@needs_tesseract
def test_with_tesseract_the_front_sheet_is_read(tmp_path: Path) -> None:
    extraction = extract_pdf(scanned(tmp_path))
    assert [issue.check for issue in extraction.issues] == []
    assert [(i.number, i.title, i.page_start, i.page_end) for i in extraction.agenda_items] == [
        ("1", "APOLOGIES", None, None), ("3", "MINUTES", 1, 8), ("5", "HIGHWAYS ASSET MANAGEMENT PLAN", 9, 40)]
    meeting = extraction.meeting
    assert (meeting.council, meeting.date) == ("Dorset Council", "2022-04-21")


def rendered(pdf: Path, dpi: int) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    image = document[0].render(scale=dpi / 72).to_pil().convert("L")
    document.close()
    return image


def scan_of(original: Path, path: Path, turn: float, seed: int = 7) -> Path:
    """The original printed and scanned at 200 dpi: turned, a little grey noise (from a seeded
    generator), saved as the only thing on its page."""
    image = rendered(original, 200).rotate(turn, resample=Image.BICUBIC, fillcolor=255)
    noise = Image.frombytes("L", image.size, random.Random(seed).randbytes(image.width * image.height))
    image = ImageChops.subtract(image, noise.point(lambda value: value // 12))
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    canvas.save()
    return path


def ruled_front_sheet(path: Path) -> Path:
    """A front sheet printed as a ruled Word table, the item numbers alone in a narrow first column."""
    return write_pdf(path, [
        Text(["Mid Suffolk District Council", "OVERVIEW AND SCRUTINY COMMITTEE", "Date: Monday, 17 March 2025",
              "AGENDA"]),
        Grid([("Item", "Business", "Page(s)"), ("1", "APOLOGIES FOR ABSENCE", ""),
              ("2", "DECLARATIONS OF INTEREST", ""), ("3", "MINUTES OF THE LAST MEETING", "1 - 8"),
              ("5", "HOUSING REVENUE ACCOUNT", "9 - 30"),
              ("6", "WASTE COLLECTION CONTRACT", "31 - 54"), ("7", "WORK PLAN", "55 - 60")], columns=(0, 34, 380)),
    ])


def test_a_page_scanned_askew_is_straightened(tmp_path: Path) -> None:
    original = ruled_front_sheet(tmp_path / "original.pdf")
    upright = rendered(original, 200)
    assert ocr.skew_angle(upright) == 0.0
    for turn in (0.7, -0.4):
        assert ocr.skew_angle(upright.rotate(turn, resample=Image.BICUBIC, fillcolor=255)) == pytest.approx(
            -turn, abs=0.1)


def test_rules_are_found_and_erased(tmp_path: Path) -> None:
    """The grid's lines are found (in pixels; /300*72 gives points) and erased; the letters are not rules."""
    image = ocr.binarized(rendered(ruled_front_sheet(tmp_path / "original.pdf"), 300))
    length = round(ocr.RULE_INCHES * 300)
    mask = ocr.rule_mask(image, length)
    rules = [(r.orientation, r.x0 * 72 / 300, r.x1 * 72 / 300, r.top * 72 / 300) for r in ocr.mask_rules(mask, length)]
    vertical = sorted(round(x0) for kind, x0, _, _ in rules if kind == "v")
    horizontal = [rule for rule in rules if rule[0] == "h"]
    assert vertical == pytest.approx([LEFT - 4, LEFT + 30, LEFT + 376, LEFT + 506], abs=2)
    assert len(horizontal) == 8  # above each of the 7 rows and below the last
    ink = ImageChops.invert(image)
    assert ImageChops.subtract(ink, mask).getbbox() is not None  # the text is still there


def test_words_are_placed_in_lines_by_position() -> None:
    """A number in its own narrow column, set a little lower than its title (tesseract gives it a block
    of its own), joins its row; the next row stays apart."""
    words = [Word("MINUTES", 90, 140, 100.0, 108.0), Word("3.", 57, 64, 101.2, 109.1),
             Word("1", 480, 485, 100.4, 108.2), Word("-", 488, 492, 103.5, 104.6), Word("8", 495, 500, 100.3, 108.1),
             Word("4.", 57, 64, 117.0, 125.0), Word("PUBLIC", 90, 130, 116.5, 124.6)]
    assert [[word.text for word in line] for line in ocr.place_in_lines(words)] == [
        ["3.", "MINUTES", "1", "-", "8"], ["4.", "PUBLIC"]]


@needs_tesseract
def test_numbers_in_a_narrow_ruled_column_survive_a_scan(tmp_path: Path) -> None:
    """Scanned askew, a front sheet printed as a ruled table: tesseract alone read no text inside the
    grid; straightened and with its rules erased, every numbered row is read."""
    scan = scan_of(ruled_front_sheet(tmp_path / "original.pdf"), tmp_path / "scan.pdf", turn=0.7)
    assert [(i.number, i.title, i.page_start, i.page_end) for i in extract_pdf(scan).agenda_items] == [
        ("1", "APOLOGIES FOR ABSENCE", None, None), ("2", "DECLARATIONS OF INTEREST", None, None),
        ("3", "MINUTES OF THE LAST MEETING", 1, 8), ("5", "HOUSING REVENUE ACCOUNT", 9, 30),
        ("6", "WASTE COLLECTION CONTRACT", 31, 54), ("7", "WORK PLAN", 55, 60)]


@needs_tesseract
@pytest.mark.parametrize("original", ["mid-suffolk-scrutiny-2025-03-17-agenda.pdf",
                                      "great-bramford-parish-council-2025-01-13-agenda.pdf"])
def test_a_scanned_front_sheet_reads_like_the_born_digital_one(raw_docs: Path, original: str) -> None:
    """raw_docs holds each of these front sheets born-digital and printed and scanned (turned, noisy,
    a JPEG with no text layer): the same items, titles, page ranges and meeting come out of both. In
    the parish council's sheet the bold headings are told from their descriptions by stroke width."""
    born, scanned = (extract_pdf(raw_docs / name) for name in (original, original.replace(".pdf", "-scanned.pdf")))
    assert [(i.number, i.title, i.page_start, i.page_end) for i in scanned.agenda_items] == [
        (i.number, i.title, i.page_start, i.page_end) for i in born.agenda_items]
    assert scanned.meeting == born.meeting
    assert [issue.check for issue in scanned.issues] == []


def test_a_huge_page_is_rendered_within_the_pixel_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 3,000 pt page at 300 dpi is 156 million pixels (2.4 GB as it is prepared): it is rendered smaller,
    and read at the resolution it was rendered at (so that its words come back in points)."""
    rendered: list[tuple[tuple[int, int], float]] = []

    def spy(image: Image.Image, dpi: float) -> ocr.Scan:
        rendered.append((image.size, dpi))
        return ocr.Scan("")

    monkeypatch.setattr(ocr, "read_image", spy)
    page = pdfium.PdfDocument(write_scan(tmp_path / "huge.pdf", 1, (3000, 3000)))[0]
    ocr.scan_page(page, max_pixels=4_000_000)
    [((width, height), dpi)] = rendered
    assert width * height <= 4_000_000 and width == pytest.approx(2000, abs=1) and dpi == pytest.approx(48)
    ocr.scan_page(pdfium.PdfDocument(write_scan(tmp_path / "a4.pdf", 1))[0], LIMITS.ocr_pixels)
    assert rendered[1][1] == 300  # an A4 page is well within the budget: read at 300 dpi, as it always was


def test_a_blank_scan_is_not_given_to_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_tesseract_words", lambda *args: pytest.fail("tesseract was run on a blank page"))
    assert ocr.read_image(Image.new("L", (850, 1100), 240)).text == ""


@needs_tesseract
def test_a_scanned_page_turned_by_its_rotate_is_read_upright(tmp_path: Path) -> None:
    """pdfium renders a page as displayed (its /Rotate applied): a scan drawn sideways on its sheet and
    turned back by /Rotate 90 reads as the upright scan does."""
    upright = extract_pdf(scanned(tmp_path))
    turned = extract_pdf(turned_copy(tmp_path / "scanned.pdf", tmp_path / "turned.pdf", drawn=1, rotate=90))
    assert [(i.number, i.title, i.page_start, i.page_end) for i in turned.agenda_items] == [
        (i.number, i.title, i.page_start, i.page_end) for i in upright.agenda_items]
    assert upright.agenda_items
