"""Pictures of page regions, rendered with pypdfium2 and cached by (sha256, page, box, scale).

A crop is named after its key, so a second report into the same folder renders nothing that is
already there; crops no longer used are removed at the end.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from .data import BBox, Document
from .pdfs import OpenPdfs

FOLDER = "crops"


@dataclass(frozen=True)
class Crop:
    path: Path  # the PNG file
    width: int  # pixels
    height: int


class CropCache:
    def __init__(self, folder: Path, pdfs: OpenPdfs) -> None:
        self.folder = folder
        self.pdfs = pdfs
        self.rendered = 0  # crops drawn by this run, not found in the cache
        self._used: set[Path] = set()
        folder.mkdir(parents=True, exist_ok=True)

    def crop(self, document: Document, page: int, box: BBox, scale: float) -> Crop:
        """The region `box` of the page (points, top-left origin) at `scale` pixels per point."""
        box = tuple(round(value, 1) for value in box)
        key = f"{document.sha256}:{page}:{box}:{scale}"
        path = self.folder / f"{document.sha256[:12]}-p{page}-{hashlib.sha1(key.encode()).hexdigest()[:12]}.png"
        self._used.add(path)
        if not path.exists():
            self._render(document, page, box, scale, path)
            self.rendered += 1
        width, height = _png_size(path)
        return Crop(path, width, height)

    def _render(self, document: Document, page: int, box: BBox, scale: float, path: Path) -> None:
        pdf_page = self.pdfs.page(document, page)
        margins = self.pdfs.geometry(document, page).crop_margins(box)
        image = pdf_page.render(scale=scale, crop=tuple(max(0.0, margin) for margin in margins)).to_pil()
        # written under another name first: an interrupted run must not leave half a PNG in the cache
        partial = path.with_suffix(".part")
        image.save(partial, format="PNG", compress_level=3)
        os.replace(partial, path)

    def remove_unused(self) -> int:
        """Delete the crops of earlier reports that this one does not show; returns how many."""
        stale = [path for path in self.folder.glob("*.png") if path not in self._used]
        for path in stale:
            path.unlink()
        return len(stale)


def _png_size(path: Path) -> tuple[int, int]:
    # a PNG starts with its 8-byte signature and the IHDR chunk, whose first fields are width and height
    with path.open("rb") as stream:
        header = stream.read(24)
    return struct.unpack(">II", header[16:24])
