"""OCR for scanned (image-only) pages with the tesseract command, when it is installed.

A scanned front sheet has no text layer, so the extractors would see nothing. Rendered at 300
dpi and read by tesseract, it gives words with boxes that the same line-based extractors can
use. Without tesseract (`apt-get install tesseract-ocr`), pages stay unread and the `needs_ocr`
check says which.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium

from .pdf import Word

DPI = 300
TIMEOUT_SECONDS = 120
MIN_CONFIDENCE = 30  # tesseract's 0-100; below this a 'word' is usually a speck or a rule


@cache
def available() -> bool:
    return shutil.which("tesseract") is not None


def read_page(page: pdfium.PdfPage) -> tuple[str, list[Word]]:
    """The page's text (lines joined by newlines) and words in PDF points; empty if OCR fails."""
    image = page.render(scale=DPI / 72).to_pil()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "page.png"
        image.save(path)
        try:
            result = subprocess.run(["tesseract", str(path), "stdout", "--psm", "4", "tsv"], capture_output=True,
                                    text=True, timeout=TIMEOUT_SECONDS, check=True)
        except (OSError, subprocess.SubprocessError):
            return "", []
    return _parse_tsv(result.stdout)


def _parse_tsv(tsv: str) -> tuple[str, list[Word]]:
    scale = 72 / DPI
    lines: dict[tuple[str, str, str], list[Word]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        left, top = int(row["left"]) * scale, int(row["top"]) * scale
        word = Word(text, left, left + int(row["width"]) * scale, top, top + int(row["height"]) * scale)
        lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(word)
    ordered = sorted(lines.values(), key=lambda words: (min(w.top for w in words), words[0].x0))
    text = "\n".join(" ".join(word.text for word in words) for words in ordered)
    return text, [word for words in ordered for word in words]
