"""Seeded mutations of real-looking PDFs, and hostile ones built on purpose (flate bombs, huge pages, a
2,000-page scan, page trees that loop, streams whose length lies): no crash, no hang, a one-line reason or
correct output, nothing half-stored. Bounded time is the limits' doing (pipeline.pdf.Limits), not a timer's."""

from __future__ import annotations

import random
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfgen import Grid, PageBreak, Text, write_pdf, write_raw_pdf, write_scan

from pipeline import db
from pipeline.extract import extract_pdf
from pipeline.ingest import ingest
from pipeline.pdf import Limits, PdfDocument, PdfError

MUTANTS = 240
Mutation = Callable[[bytes, random.Random], bytes]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        mutable[rng.randrange(len(mutable))] = rng.randrange(256)
    return bytes(mutable)


def delete_span(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 2000):]


def duplicate_span(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start:start + rng.randint(1, 5000)] * rng.randint(2, 50) + data[start:]


def break_numbers(data: bytes, rng: random.Random) -> bytes:
    """Corrupt object numbers, lengths and xref offsets: the structure parsers rely on."""
    digits = [index for index, byte in enumerate(data) if 48 <= byte <= 57]
    mutable = bytearray(data)
    for index in rng.sample(digits, min(len(digits), rng.randint(1, 30))):
        mutable[index] = rng.choice(b"0123456789-.")
    return bytes(mutable)


def nest_objects(data: bytes, rng: random.Random) -> bytes:
    """A 'PDF bomb' of deeply nested arrays appended as an object."""
    depth = rng.randint(1000, 20000)
    return data + b"\n99 0 obj\n" + b"[" * depth + b"]" * depth + b"\nendobj\n"


MUTATIONS: list[Mutation] = [truncate, flip_bytes, delete_span, duplicate_span, break_numbers, nest_objects]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("mutants")
    seed = write_pdf(folder / "seed.pdf", [
        Text(["Cabinet", "7 September 2021", "Partner contributions for 2020/21:"]),
        Grid([("Partner", "Contribution", "Share"), ("Alpha Council", "£60,000", "60%"),
              ("Beta Police", "£40,000", "40%"), ("Total", "£100,000", "")]),
        PageBreak(), Text(["Page two of the report."]),
    ]).read_bytes()
    rng = random.Random(20261122)
    paths = []
    for number in range(MUTANTS):
        mutation = MUTATIONS[number % len(MUTATIONS)]
        path = folder / f"mutant-{number:03d}-{mutation.__name__}.pdf"
        path.write_bytes(mutation(seed, rng))
        paths.append(path)
    (folder / "seed.pdf").unlink()
    return paths


def test_every_mutant_reads_or_fails_with_one_line(mutants: list[Path]) -> None:
    outcomes = {"read": 0, "refused": 0}
    for path in mutants:
        try:
            extract_pdf(path)
            outcomes["read"] += 1
        except PdfError as error:
            assert str(error).startswith(path.name + ": ") and "\n" not in str(error)
            outcomes["refused"] += 1
    assert sum(outcomes.values()) == MUTANTS
    assert outcomes["read"] and outcomes["refused"]  # the suite exercises both paths


def test_no_mutant_is_half_stored(mutants: list[Path], tmp_path: Path) -> None:
    database = tmp_path / "mutants.db"
    summary = ingest([mutants[0].parent], db.connect(str(database)), workers=2)
    assert len(summary.outcomes) == MUTANTS
    stored = {e.sha256: e for e in summary.extractions}
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT d.sha256, count(c.id) FROM documents d LEFT JOIN contributions c ON c.document_id = d.id "
            "GROUP BY d.id").fetchall()
    assert len(rows) == len(stored) == MUTANTS - len(summary.failures)
    for sha, count in rows:
        assert count == sum(len(table.rows) for table in stored[sha].contribution_tables)


# -- hostile files built on purpose ---------------------------------------------------------------
MB = 1 << 20
TEXT = b"BT /F1 12 Tf 72 720 Td (Partner contributions 2021/22) Tj ET\n"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def deflated(data_mb: int, tail: bytes = b"") -> bytes:
    """`data_mb` megabytes of spaces (then `tail`) deflated: about a thousandth of the size."""
    deflater = zlib.compressobj(9)
    block = b" " * MB
    return b"".join(deflater.compress(block) for _ in range(data_mb)) + deflater.compress(tail) + deflater.flush()


def one_page_pdf(path: Path, stream: bytes, dictionary: bytes = b"", pages: bytes | None = None) -> Path:
    """A one-page PDF whose content stream is `stream` (its dictionary: /Length and `dictionary`)."""
    return write_raw_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        pages or b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d %s >>\nstream\n" % (len(stream), dictionary) + stream + b"\nendstream",
        FONT,
    ])


def test_a_flate_bomb_fails_with_one_line_naming_the_limit(tmp_path: Path) -> None:
    path = one_page_pdf(tmp_path / "bomb.pdf", deflated(200, TEXT), b"/Filter /FlateDecode")
    assert path.stat().st_size < MB // 2  # 200 MB inflated from a file of a few hundred KB
    with pytest.raises(PdfError) as raised:
        extract_pdf(path)
    assert str(raised.value) == "bomb.pdf: a compressed stream (object 4) inflates past 128 MB, the limit on a " \
                                "decoded stream"


def test_a_bomb_deflated_twice_or_behind_a_lying_length_is_measured(tmp_path: Path) -> None:
    limits = Limits(max_stream_bytes=8 * MB)
    twice = zlib.compress(deflated(32, TEXT), 9)
    paths = [one_page_pdf(tmp_path / "twice.pdf", twice, b"/Filter [/FlateDecode /FlateDecode]"),
             one_page_pdf(tmp_path / "lying.pdf", deflated(32, TEXT), b"/Filter /Fl")]
    paths[1].write_bytes(paths[1].read_bytes().replace(b"/Length %d" % len(deflated(32, TEXT)), b"/Length 9", 1))
    for path in paths:
        with pytest.raises(PdfError, match=r"inflates past 8 MB, the limit on a decoded stream"):
            PdfDocument(path, limits=limits)


def test_a_stream_under_the_limit_is_read(tmp_path: Path) -> None:
    path = one_page_pdf(tmp_path / "padded.pdf", deflated(4, TEXT), b"/Filter /FlateDecode")
    with PdfDocument(path, limits=Limits(max_stream_bytes=8 * MB)) as document:
        assert "Partner contributions 2021/22" in document.page(1).text


@pytest.mark.parametrize("length", [0, 9, 10**9, "7 0 R"])
def test_a_stream_whose_length_lies_is_read_or_its_loss_told(tmp_path: Path, length: int | str) -> None:
    """pypdfium2 reads to 'endstream' whatever the /Length says; pdfminer believes a short one and loses the
    page's words, which the document then says (unread_page) rather than giving fewer rows in silence."""
    lines = [f"Partner number {n} of the community safety partnership" for n in range(12)]
    stream = b"BT /F1 12 Tf 72 800 Td " + b"".join(b"(%s) Tj 0 -16 Td " % line.encode() for line in lines) + b"ET"
    path = one_page_pdf(tmp_path / "length.pdf", stream)
    path.write_bytes(path.read_bytes().replace(b"/Length %d" % len(stream), b"/Length %s" % str(length).encode()))
    with PdfDocument(path) as document:
        assert document.page(1).lines == lines
        words = " ".join(word.text for word in document.page(1).words)
        assert words == " ".join(lines) or document.lost_text_pages == {1}


@pytest.mark.parametrize("kids", [b"[3 0 R 2 0 R]", b"[2 0 R]", b"[3 0 R 3 0 R 2 0 R]"])
def test_a_page_tree_that_loops_is_refused_in_one_line(tmp_path: Path, kids: bytes) -> None:
    path = one_page_pdf(tmp_path / "loop.pdf", TEXT, pages=b"<< /Type /Pages /Kids %s /Count 3 >>" % kids)
    with pytest.raises(PdfError, match=r"^loop\.pdf: page \d cannot be read \(Failed to load page\.\)$"):
        extract_pdf(path)


@pytest.mark.parametrize("side", [3000, 8000])
def test_a_huge_image_only_page_is_read_within_the_pixel_budget(tmp_path: Path, side: int) -> None:
    """At 300 dpi a 3,000 pt page is 156 million pixels (2.4 GB): it is rendered within Limits.ocr_pixels."""
    extraction = extract_pdf(write_scan(tmp_path / "huge.pdf", 1, (side, side)))
    assert extraction.page_count == 1


def test_a_2000_page_scan_ends_in_correct_output(tmp_path: Path) -> None:
    """Blank scanned pages are seen to be blank without tesseract: 2,000 of them are read in seconds."""
    extraction = extract_pdf(write_scan(tmp_path / "scan.pdf", 2000, (144, 204)))
    assert extraction.page_count == 2000
    assert extraction.unreadable_pages == list(range(1, 2001))
    assert [issue.check for issue in extraction.issues] == ["needs_ocr"]
