"""OCR for scanned (image-only) pages with the tesseract command, when it is installed.

A scanned front sheet has no text layer, so the extractors would see nothing. The page is
rendered at 300 dpi and prepared the way a careful reader would look at it before tesseract
reads it, so that a scanned front sheet reads like a born-digital one:

1. **Straightened**: a page scanned a little askew (under a few degrees) is turned back until its
   lines of text run level (the angle whose row profile of ink is sharpest). Otherwise a number
   at the left margin and a page range at the right edge of the same row sit at different
   heights and fall into different lines.
2. **Rules taken out**: long straight runs of ink (ruling lines, cell borders, underlines) are
   found and erased. Tesseract does not read text boxed in by a grid (a front sheet printed as a
   ruled Word table came out empty), and a cell border beside a '5' is read as '15'. The rules
   are kept, in PDF points, for the table layer (`Scan.rules`).
3. **Read**: tesseract gives words with boxes and a confidence; specks and border remnants read
   as '|' or '~' are dropped. Tesseract runs on one thread (`OMP_THREAD_LIMIT=1`): its threads
   spin against each other and against the ingest's worker processes, ten times slower on a busy
   machine.
4. **Lost words read again**: ink that no word covers, the size of text (an item number alone in
   its narrow column, which tesseract often drops or misreads beside a wide column of titles), is
   cut out and read again on its own, as a single word; a short token left of the text that is
   not yet a number ('Z' for 2, 'a.' for 3) is read again the same way.
5. **Placed by position**: words are put into lines by where they sit on the page (overlapping
   heights), left to right, not by tesseract's blocks; a number in its own column joins its row.
   The page's text is those lines, top to bottom.
6. **Weighed**: a word whose strokes are markedly thicker than the page's usual text of its size
   is marked bold, as pdfplumber marks a bold font, so that a bold heading with its description
   after it on the same line reads as it does born-digital.

The words are in PDF points in the straightened page's frame (within a point or two of the
scanned page's own, for a page turned under a degree). Without tesseract (`apt-get install
tesseract-ocr`), pages stay unread and the `needs_ocr` check says which.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter, ImageOps

from .pdf import Rule, Word

DPI = 300
TIMEOUT_SECONDS = 120
MIN_CONFIDENCE = 30  # tesseract's 0-100; below this a 'word' is usually a speck or a rule
MIN_WORD_CONFIDENCE = 10  # ... unless it is a word of four letters or more ('Declarations' came at 26)
MAX_SKEW = 4.0  # degrees: a page scanned further askew than this is not straightened
INK = 110  # darkness (0-255, after inverting) from which a pixel is ink
RULE_INCHES = 0.25  # a straight run of ink this long is a rule, not part of a letter (up to 24 pt type)
REREAD_LIMIT = 40  # pieces of lost ink read again on one page, at most
REREAD_CONFIDENCE = 60  # a piece read on its own must be read surely (not a crest's or a photo's shapes)
BLANK_CONTRAST = 32  # a page whose darkest and lightest pixels are closer than this is blank
BOLD_STROKE = 1.2  # a word whose strokes are this much thicker than the page's usual text is bold
_NOISE = re.compile(r"^[|_~‘’'\"“”°©®¢.,:;!`^*=+<>{}\[\]\\/]+$")  # specks and rule remnants read as marks
_BORDER_MARKS = "|[]{}\\"  # a cell border's remnant glued to a word: '[1', '|10'
_WORD = re.compile(r"^[A-Za-z][a-z]{3,}[.,:;]?$|^[A-Z]{4,}[.,:;]?$")
_NUMBER = re.compile(r"^\(?\d{1,4}[a-z]?[.):]?$")


@dataclass
class Scan:
    """What OCR read on one page: its text (lines top to bottom), words and rules, in PDF points."""

    text: str
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    skew: float = 0.0  # degrees the page was turned to straighten it


@cache
def available() -> bool:
    return shutil.which("tesseract") is not None


def scan_page(page: pdfium.PdfPage, max_pixels: int) -> Scan:
    """The page rendered (as displayed: pdfium applies its /Rotate), straightened, cleared of rules
    and read (see the module's docstring). A page too large for `max_pixels` at 300 dpi is rendered
    at the resolution that fits: an absurd page is read coarsely rather than taking gigabytes."""
    width, height = page.get_size()
    dpi = min(DPI, 72 * math.sqrt(max_pixels / (width * height)))
    return read_image(page.render(scale=dpi / 72).to_pil(), dpi)


def read_image(image: Image.Image, dpi: float = DPI) -> Scan:
    """A scanned page's image read into a Scan (coordinates in points at `dpi` pixels an inch)."""
    image = image.convert("L")
    darkest, lightest = image.getextrema()
    if lightest - darkest < BLANK_CONTRAST:  # one even tone (a blank scan): nothing for tesseract to read
        return Scan("")
    angle = skew_angle(image)
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    image = binarized(image)
    rules_mask = rule_mask(image, round(RULE_INCHES * dpi))
    clean = ImageChops.lighter(image, _grown(rules_mask, 2))
    words = _tesseract_words(clean, dpi, ["--psm", "4"])
    if words is None:
        return Scan("", skew=angle)
    words += _reread(clean, words, dpi)
    lines = _with_weight(place_in_lines(words), clean)
    scale = 72 / dpi
    lines = [[Word(w.text, w.x0 * scale, w.x1 * scale, w.top * scale, w.bottom * scale, w.bold) for w in line]
             for line in lines]
    text = "\n".join(" ".join(word.text for word in line) for line in lines)
    rules = [Rule(r.orientation, r.x0 * scale, r.x1 * scale, r.top * scale, r.bottom * scale)
             for r in mask_rules(rules_mask, round(RULE_INCHES * dpi))]
    return Scan(text, [word for line in lines for word in line], rules, angle)


# -- 1. straightening ---------------------------------------------------------------------------
def skew_angle(image: Image.Image) -> float:
    """Degrees to turn the page (anticlockwise, as PIL's rotate) so that its lines of text run level:
    the angle at which the rows of ink are sharpest (most ink in text rows, least between them)."""
    factor = max(1, image.width // 600)
    small = _ink(image.reduce(factor))
    if not small.getbbox():
        return 0.0

    def sharpness(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.NEAREST, fillcolor=0)
        rows = list(turned.resize((1, turned.height), Image.BOX).tobytes())
        return sum((a - b) ** 2 for a, b in zip(rows, rows[1:], strict=False))

    coarse = max((step / 4 for step in range(round(-MAX_SKEW * 4), round(MAX_SKEW * 4) + 1)), key=sharpness)
    fine = max((coarse + step / 20 for step in range(-5, 6)), key=lambda a: (sharpness(a), -abs(a)))
    return round(fine, 2) if abs(fine) >= 0.05 else 0.0


def _ink(image: Image.Image) -> Image.Image:
    """Ink white on black (255 where the page is dark)."""
    return ImageOps.invert(image).point(lambda value: 255 if value > INK else 0)


def binarized(image: Image.Image) -> Image.Image:
    """Black ink on white paper: the scanner's grey speckle and paper tone smoothed away, then
    the darkness that best parts ink from paper (Otsu's threshold) as the cut."""
    smooth = image.filter(ImageFilter.GaussianBlur(1))
    cut = otsu(smooth.histogram())
    return smooth.point(lambda value: 0 if value <= cut else 255)


def otsu(histogram: list[int]) -> int:
    """The grey level that splits the histogram into two classes of least spread."""
    total = sum(histogram)
    weighted = sum(level * count for level, count in enumerate(histogram))
    below = below_weighted = 0
    best, cut = -1.0, 127
    for level, count in enumerate(histogram):
        below += count
        below_weighted += level * count
        above = total - below
        if not below or not above:
            continue
        spread = below * above * (below_weighted / below - (weighted - below_weighted) / above) ** 2
        if spread > best:
            best, cut = spread, level
    return cut


# -- 2. rules -----------------------------------------------------------------------------------
def rule_mask(image: Image.Image, length: int) -> Image.Image:
    """Ink in straight horizontal or vertical runs at least `length` pixels long (white on black)."""
    ink = _ink(image)
    return ImageChops.lighter(_opened(ink, length, horizontal=True), _opened(ink, length, horizontal=False))


def _grown(mask: Image.Image, by: int) -> Image.Image:
    """The mask grown by `by` pixels every way (the rule's blurred edges with it)."""
    return mask.filter(ImageFilter.BoxBlur(by)).point(lambda value: 255 if value else 0)


def _opened(ink: Image.Image, length: int, horizontal: bool) -> Image.Image:
    """Morphological opening with a line of `length` pixels: runs shorter than it vanish, longer ones stay."""

    def shifted(image: Image.Image, by: int) -> Image.Image:
        out = Image.new(image.mode, image.size, 0)
        out.paste(image, (by, 0) if horizontal else (0, by))
        return out

    eroded, reach = ink, 1
    while reach < length:  # each pass doubles the run a pixel must belong to
        step = min(reach, length - reach)
        eroded, reach = ImageChops.darker(eroded, shifted(eroded, -step)), reach + step
    dilated, reach = eroded, 1
    while reach < length:
        step = min(reach, length - reach)
        dilated, reach = ImageChops.lighter(dilated, shifted(dilated, step)), reach + step
    return dilated


def mask_rules(mask: Image.Image, length: int) -> list[Rule]:
    """The rules in a rule mask, as Rule boxes in pixels."""
    rules: list[Rule] = []
    for horizontal in (True, False):
        lines = _opened(mask, length, horizontal)
        across = lines if horizontal else lines.transpose(Image.Transpose.TRANSPOSE)
        for start, end in _runs(across.resize((1, across.height), Image.BOX).tobytes(), 1):
            band = across.crop((0, start, across.width, end))
            for left, right in _runs(band.resize((band.width, 1), Image.BOX).tobytes(), length):
                if horizontal:
                    rules.append(Rule("h", left, right, start, end))
                else:
                    rules.append(Rule("v", start, end, left, right))
    return rules


def _runs(profile: bytes, min_length: int) -> list[tuple[int, int]]:
    """[start, end) of the runs of non-zero values at least `min_length` long."""
    runs, start = [], None
    for index, value in enumerate([*profile, 0]):
        if value and start is None:
            start = index
        elif not value and start is not None:
            if index - start >= min_length:
                runs.append((start, index))
            start = None
    return runs


# -- 3. reading ---------------------------------------------------------------------------------
def _tesseract_words(image: Image.Image, dpi: float, options: list[str],
                     min_confidence: float = MIN_CONFIDENCE) -> list[Word] | None:
    """Tesseract's words in pixels (None if it failed), specks, marks and doubtful readings dropped."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "page.png"
        image.save(path, dpi=(dpi, dpi))
        try:
            result = subprocess.run(["tesseract", str(path), "stdout", "--dpi", str(round(dpi)), *options, "tsv"],
                                    capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=True,
                                    env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        except (OSError, subprocess.SubprocessError):
            return None
    return [word for word, confidence in _parse_tsv(result.stdout) if confidence >= min_confidence]


def _parse_tsv(tsv: str) -> list[tuple[Word, float]]:
    """Words (in the image's pixels) and their confidence from tesseract's TSV."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if len(text) > 1 and text.strip(_BORDER_MARKS):
            text = text.strip(_BORDER_MARKS)
        confidence = float(row.get("conf") or -1)
        if _WORD.match(text) and confidence >= MIN_WORD_CONFIDENCE:
            confidence = max(confidence, MIN_CONFIDENCE)  # a word of letters read unsurely is still a word
        if row.get("level") != "5" or not text or confidence < MIN_CONFIDENCE or _NOISE.match(text):
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append((Word(text, left, left + int(row["width"]), top, top + int(row["height"])), confidence))
    return words


# -- 4. lost words -------------------------------------------------------------------------------
def _reread(image: Image.Image, words: list[Word], dpi: float) -> list[Word]:
    """Words for ink no word covers, and for short tokens left of the text that are not numbers, each
    read again on its own (in one tesseract run: the pieces stacked on one sheet)."""
    if not words:
        return []
    height = statistics.median(word.bottom - word.top for word in words)
    pieces = _uncovered_ink(image, words, height)
    left_edge = min(word.x0 for word in words if len(word.text) > 3) if any(len(w.text) > 3 for w in words) else 0
    doubtful = [word for word in words if _doubtful_number(word, words, left_edge, height)]
    pieces += [(round(w.x0), round(w.top), round(w.x1), round(w.bottom)) for w in doubtful]
    if not pieces:
        return []
    pieces = pieces[:REREAD_LIMIT]
    found = _read_pieces(image, pieces, dpi, height)
    doubtful_found = [new for new in found if any(_overlaps(word, new) for word in doubtful)]
    found = [new for new in found if new not in doubtful_found or _NUMBER.match(new.text)]
    drop = {id(word) for word in doubtful if any(_overlaps(word, new) for new in found)}
    words[:] = [word for word in words if id(word) not in drop]
    return found


def _doubtful_number(word: Word, words: list[Word], left_edge: float, height: float) -> bool:
    """A short token at the left of its line, set apart from the text after it, that does not read as
    a number: in a column of item numbers it is a misread one ('Z' for 2, 'a.' for 3)."""
    if _NUMBER.match(word.text) or len(word.text) > 3 or word.x0 > left_edge + 3 * height:
        return False
    after = [w for w in words if w is not word and abs(w.top - word.top) < height and w.x0 > word.x1]
    before = [w for w in words if w is not word and abs(w.top - word.top) < height and w.x1 <= word.x0]
    return not before and bool(after) and min(w.x0 for w in after) - word.x1 > 1.2 * height


def _uncovered_ink(image: Image.Image, words: list[Word], height: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of ink, about the size of a word, that no word covers: what tesseract missed."""
    cell = max(4, round(height / 4))
    ink = _ink(image)
    covered = Image.new("L", ink.size, 0)
    pad = round(height / 3)
    for word in words:
        box = (round(word.x0) - pad, round(word.top) - pad, round(word.x1) + pad, round(word.bottom) + pad)
        covered.paste(255, box)
    left = ImageChops.subtract(ink, covered)
    grid = left.reduce(cell)  # each cell's share of ink
    columns, rows = grid.size
    data = grid.tobytes()
    marked = {index for index, value in enumerate(data) if value > 8}
    boxes = []
    while marked:
        start = marked.pop()
        stack, cells = [start], [start]
        while stack:  # cells joined across one empty cell: the digits of one number
            index = stack.pop()
            row, column = divmod(index, columns)
            for dr in (-1, 0, 1):
                for dc in (-2, -1, 0, 1, 2):
                    near = (row + dr) * columns + column + dc
                    if 0 <= row + dr < rows and 0 <= column + dc < columns and near in marked:
                        marked.remove(near)
                        stack.append(near)
                        cells.append(near)
        ys = [index // columns for index in cells]
        xs = [index % columns for index in cells]
        box = (min(xs) * cell, min(ys) * cell, (max(xs) + 1) * cell, (max(ys) + 1) * cell)
        box_height, box_width = box[3] - box[1], box[2] - box[0]
        text_sized = 0.5 * height <= box_height <= 2.5 * height and 0.2 * box_height <= box_width <= 12 * height
        if text_sized and len(cells) >= 4:  # not a speck, nor what is left of a rule
            boxes.append(box)
    return sorted(boxes, key=lambda b: (b[1], b[0]))


def _read_pieces(image: Image.Image, pieces: list[tuple[int, int, int, int]], dpi: float,
                 height: float) -> list[Word]:
    """The pieces cut out, stacked on a white sheet far apart, read in one run; each word found is
    put back where its piece came from."""
    margin = round(height)
    gap = round(2 * height)
    width = max(right - left for left, _, right, _ in pieces) + 2 * margin
    total = sum(bottom - top for _, top, _, bottom in pieces) + gap * (len(pieces) + 1)
    sheet = Image.new("L", (width + 2 * margin, total), 255)
    placed = []
    y = gap
    for left, top, right, bottom in pieces:
        crop = image.crop((left - 2, top - 2, right + 2, bottom + 2))
        sheet.paste(crop, (margin, y))
        placed.append((y, y + crop.height, left - 2 - margin, top - 2 - y))
        y += crop.height + gap
    read = _tesseract_words(sheet, dpi, ["--psm", "6"], REREAD_CONFIDENCE)
    found = []
    for word in read or []:
        middle = (word.top + word.bottom) / 2
        for top, bottom, dx, dy in placed:
            if top - height / 2 <= middle <= bottom + height / 2:
                found.append(Word(word.text, word.x0 + dx, word.x1 + dx, word.top + dy, word.bottom + dy))
                break
    return found


def _overlaps(a: Word, b: Word) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.bottom, b.bottom) > max(a.top, b.top)


# -- 5. lines by position ------------------------------------------------------------------------
def place_in_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into lines by where they sit: a word joins the line whose words it overlaps by
    half its height; lines top to bottom, words left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        height = word.bottom - word.top
        for line in reversed(lines[-6:]):
            top, bottom = statistics.median(w.top for w in line), statistics.median(w.bottom for w in line)
            if min(bottom, word.bottom) - max(top, word.top) >= 0.5 * min(bottom - top, height):
                line.append(word)
                break
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    lines.sort(key=lambda line: min(w.top for w in line))
    return lines


# -- 6. bold ---------------------------------------------------------------------------------------
def _with_weight(lines: list[list[Word]], image: Image.Image) -> list[list[Word]]:
    """The lines with each word marked bold where its strokes are markedly thicker than the page's
    usual text for its size (the page's usual words are taken to be regular)."""
    ink = _ink(image)
    eroded = ink
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):  # one pixel off every stroke's sides
        moved = Image.new("L", ink.size, 0)
        moved.paste(ink, (dx, dy))
        eroded = ImageChops.darker(eroded, moved)
    weights: dict[int, float] = {}
    for line in lines:
        height = statistics.median(word.bottom - word.top for word in line)
        for word in line:
            if weight := _stroke(ink, eroded, word):
                weights[id(word)] = weight / height
    usual = [weights[id(w)] for line in lines for w in line if id(w) in weights and _letters(w.text) >= 3]
    if len(usual) < 5:
        return lines
    threshold = BOLD_STROKE * statistics.median(usual)
    marked = []
    for line in lines:
        flags = [weights[id(w)] >= threshold if id(w) in weights and _letters(w.text) else None for w in line]
        flags = _smoothed(flags, [w.text for w in line])
        marked.append([replace(word, bold=flag) for word, flag in zip(line, flags, strict=True)])
    return marked


def _stroke(ink: Image.Image, eroded: Image.Image, word: Word) -> float | None:
    """A word's usual stroke width in pixels: its ink over the ink that thinning takes off both sides."""
    box = (round(word.x0), round(word.top), round(word.x1), round(word.bottom))
    area, kept = ink.crop(box).histogram()[255], eroded.crop(box).histogram()[255]
    return 2 * area / (area - kept) if area > kept > 0 else None


def _letters(text: str) -> int:
    return sum(char.isalnum() for char in text)


def _smoothed(flags: list[bool | None], texts: list[str]) -> list[bool]:
    """Marks and specks take the weight of the word before them; a lone word whose neighbouring words
    both differ from it takes theirs (a measuring slip, not a change of type). Figures are not
    neighbours, and a word right after one keeps its weight: '2402. **Minutes** To approve'."""
    result: list[bool] = []
    for flag in flags:
        result.append(flag if flag is not None else (result[-1] if result else False))
    words = [index for index, text in enumerate(texts) if any(char.isalpha() for char in text)]
    for before, index, after in zip(words, words[1:], words[2:], strict=False):
        figure_between = any(not any(c.isalpha() for c in texts[i]) for i in range(before + 1, index))
        if not figure_between and result[before] == result[after] != result[index]:
            result[index] = result[before]
    return result
