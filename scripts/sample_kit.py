"""What the sample generators share: LibreOffice conversion made reproducible, and the loop that
builds each sample, checks its layout came out as designed and writes what must be found in it.

Imported by scripts/make_*_samples.py (run as `python scripts/<name>.py`, so this folder is on the path).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import pypdfium2 as pdfium

# The opening of every flat ODF text document the generators write: the XML declaration and namespaces.
FODT_OPEN = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"""
# What follows it in every one: metadata, the font, and the default paragraph style (a str.format
# template: {title}, {creator}, {size} in points); each generator then adds its own styles.
FODT_PROLOGUE = FODT_OPEN + """\
<office:meta><dc:title>{title}</dc:title><meta:initial-creator>{creator}</meta:initial-creator></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="{size}pt" fo:language="en" fo:country="GB"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


class Sample(Protocol):
    name: str  # the PDF's file name
    generator: str  # 'reportlab' or 'libreoffice'
    build: Callable[[Path], None]
    checks: Sequence[Callable[[pdfium.PdfDocument], None]]  # each raises SystemExit when the layout is wrong

    def expected(self, pdf: pdfium.PdfDocument) -> dict[str, Any]: ...


def write_samples(samples: Iterable[Sample], out: Path, selection: Sequence[str] = ()) -> None:
    """Build each sample (those whose name holds a word of `selection`, or all) into `out`, check its
    layout, and write its expected extraction to `out/expected/<stem>.json`."""
    (out / "expected").mkdir(parents=True, exist_ok=True)
    for sample in samples:
        if selection and not any(word in sample.name for word in selection):
            continue
        target = out / sample.name
        sample.build(target)
        pdf = pdfium.PdfDocument(target)
        try:
            for check in sample.checks:
                check(pdf)
            data = sample.expected(pdf)
        finally:
            pdf.close()
        (out / "expected" / (target.stem + ".json")).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {target} ({sample.generator}, {data['page_count']} pages)")


def soffice_pdf(document: str, target: Path, created: str) -> None:
    """Convert a flat ODF document (its XML) to PDF with LibreOffice (a private profile, so it runs
    beside an open one), its creation time set to `created` ('YYYYMMDDHHMMSS')."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise SystemExit("LibreOffice is needed: apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / (target.stem + ".fodt")
        source.write_text(document, encoding="utf-8")
        command = [binary, f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", work, str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=180)
        target.write_bytes(invariant((Path(work) / (target.stem + ".pdf")).read_bytes(), created))


def invariant(pdf: bytes, created: str) -> bytes:
    """LibreOffice's PDF with its conversion time, /ID and checksum made fixed (same lengths, so the
    cross-reference offsets stay right): the same LibreOffice gives the same bytes on every run."""
    ids = re.compile(rb"(/ID \[ <)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}(>)")
    checksum = re.compile(rb"(/DocChecksum /)[0-9A-F]{32}")
    pdf = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:" + created.encode(), pdf)
    zero = b"0" * 32
    blank = checksum.sub(rb"\g<1>" + zero, ids.sub(rb"\g<1>" + zero + rb"\g<2>" + zero + rb"\g<3>", pdf))
    digest = hashlib.md5(blank).hexdigest().upper().encode()  # noqa: S324 - a file identifier, not security
    return checksum.sub(rb"\g<1>" + digest, ids.sub(rb"\g<1>" + digest + rb"\g<2>" + digest + rb"\g<3>", pdf))
