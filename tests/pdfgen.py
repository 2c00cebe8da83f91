"""Small council-style PDFs drawn with reportlab, for tests that need one exact layout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

LEFT, LINE = 57, 16


@dataclass
class Text:
    lines: Sequence[str]


@dataclass
class Grid:
    """A table: rows of cells at column x offsets; ruled draws cell borders like Word does."""

    rows: Sequence[Sequence[str]]
    columns: Sequence[float] = (0, 250, 370)
    ruled: bool = True


@dataclass
class PageBreak:
    pass


@dataclass
class Footer:
    """Text at the foot of the current page (a 'Page N' footer), leaving the flow where it is."""

    text: str


def write_pdf(path: Path, blocks: Sequence[Text | Grid | PageBreak | Footer], turned: bool = False) -> Path:
    """The blocks drawn on A4 pages; `turned` draws each page sideways on a landscape sheet (the text
    runs up the page), as a report's landscape table is often printed."""
    canvas = Canvas(str(path), pagesize=(A4[1], A4[0]) if turned else A4, invariant=1)
    _new_page(canvas, turned)
    y = A4[1] - 60
    for block in blocks:
        if isinstance(block, PageBreak):
            canvas.showPage()
            _new_page(canvas, turned)
            y = A4[1] - 60
        elif isinstance(block, Footer):
            canvas.drawString(A4[0] / 2 - 20, 40, block.text)
        elif isinstance(block, Text):
            for line in block.lines:
                canvas.drawString(LEFT, y, line)
                y -= LINE
        else:
            y = _draw_grid(canvas, block, y)
    canvas.save()
    return path


def _new_page(canvas: Canvas, turned: bool) -> None:
    canvas.setFont("Helvetica", 11)
    if turned:
        canvas.translate(A4[1], 0)
        canvas.rotate(90)


def _draw_grid(canvas: Canvas, grid: Grid, y: float) -> float:
    right = LEFT + grid.columns[-1] + 130
    for row in grid.rows:
        cell_lines = [cell.split("\n") for cell in row]
        height = LINE * max(len(lines) for lines in cell_lines) + 4
        if grid.ruled:
            canvas.rect(LEFT - 4, y - height + 12, right - LEFT, height)
            for x in grid.columns[1:]:
                canvas.line(LEFT + x - 4, y + 12, LEFT + x - 4, y - height + 12)
        for x, lines in zip(grid.columns, cell_lines, strict=False):
            for offset, text in enumerate(lines):
                canvas.drawString(LEFT + x, y - offset * LINE, text)
        y -= height
    return y - LINE


def turned_copy(source: Path, target: Path, drawn: int, rotate: int) -> Path:
    """The PDF with each page's content drawn turned `drawn` quarter turns anticlockwise (on a sheet of the
    turned shape) and the page given `/Rotate rotate`: drawn=1 with rotate=90 displays as the original does,
    pixel for pixel; drawn=0 with rotate=90 displays it sideways."""
    import pypdfium2 as pdfium

    original, turned = pdfium.PdfDocument(source), pdfium.PdfDocument.new()
    for index in range(len(original)):
        width, height = original[index].get_size()
        matrix = {0: (1, 0, 0, 1, 0, 0), 1: (0, 1, -1, 0, height, 0), 2: (-1, 0, 0, -1, width, height),
                  3: (0, -1, 1, 0, 0, width)}[drawn]
        page = turned.new_page(*((height, width) if drawn % 2 else (width, height)))
        content = original.page_as_xobject(index, turned).as_pageobject()
        content.transform(pdfium.PdfMatrix(*matrix))
        page.insert_obj(content)
        page.gen_content()
        page.set_rotation(rotate)
        page.close()
    turned.save(target)
    turned.close()
    original.close()
    return target


def write_raw_pdf(path: Path, objects: Sequence[bytes], root: int = 1) -> Path:
    """A PDF written object by object (object n is objects[n - 1]), with a correct cross-reference table:
    for structures no PDF library writes (a page tree that loops, a stream whose /Length lies)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    path.write_bytes(bytes(out))
    return path


def write_scan(path: Path, pages: int, size: tuple[float, float] = A4) -> Path:
    """An image-only PDF of `pages` pages of `size` points, each the same blank grey image of 600 x 850
    pixels stretched over the page (one image object drawn on every page, so that a 2,000-page scan is
    built in a second)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    reader = ImageReader(Image.new("L", (600, 850), 235))
    canvas = Canvas(str(path), pagesize=size, invariant=1)
    for _ in range(pages):
        canvas.drawImage(reader, 0, 0, *size)
        canvas.showPage()
    canvas.save()
    return path


def write_dense_page(path: Path, lines: int = 800) -> Path:
    """One page of `lines` lines of 1 pt type, each a partner and an amount forty times over: some
    300,000 characters, which pdfplumber holds as hundreds of MB of objects (a memory bomb of 9 KB)."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 1)
    for line in range(lines):
        canvas.drawString(5, A4[1] - 2 - line, "Partner contribution £1,000 " * 40)
    canvas.showPage()
    canvas.save()
    return path
