"""The report's HTML: jinja2 templates (autoescaped) filled with the cards, summaries and charts, and
the stylesheet and script copied beside them. Every link is relative, so the folder can be moved
with its PDFs, or opened from disk with no server."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .contributions import tabulation_anchor
from .crops import Crop
from .data import ContributionTable, Document, Finding
from .formatting import page_range, plural, pounds, severity_label
from .model import Region

_HERE = Path(__file__).resolve().parent
DOCUMENTS = "documents"  # the folder of the per-document pages, beside index.html
ASSETS = "assets"


def page_name(document: Document) -> str:
    """The document's page: its file name, and enough of its hash to tell two files of one name apart."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(document.name).stem).strip("-") or "document"
    return f"{stem[:80]}-{document.sha256[:8]}.html"


def href(target: Path, from_folder: Path) -> str:
    """A relative URL from a page in `from_folder` to `target` (a file URL when no relative path exists)."""
    try:
        relative = os.path.relpath(target, from_folder)
    except ValueError:  # another drive, on Windows
        return target.as_uri()
    return quote(relative.replace(os.sep, "/"), safe="/")


class SiteWriter:
    """Writes the pages of one report into its folder."""

    def __init__(self, out_dir: Path, common: dict[str, Any]) -> None:
        self.out_dir = out_dir
        self.common = common  # what every page shows: the database, the scope, when it was written
        self._written: set[Path] = set()
        self.environment = Environment(
            loader=FileSystemLoader(_HERE / "templates"), autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.environment.globals.update(severity_label=severity_label, pounds=pounds, page_range=page_range,
                                        plural=plural, page_name=page_name)
        (out_dir / DOCUMENTS).mkdir(parents=True, exist_ok=True)
        (out_dir / ASSETS).mkdir(exist_ok=True)
        for asset in ("review.css", "review.js"):
            shutil.copyfile(_HERE / "static" / asset, out_dir / ASSETS / asset)

    def write_document(self, document: Document, numbers: dict[str, int], **context: Any) -> Path:
        path = self.out_dir / DOCUMENTS / page_name(document)
        self._write("document.html", path, document=document, number_of=_numbering(numbers), **context)
        self._written.add(path)
        return path

    def remove_unused(self) -> int:
        """Delete the pages of documents an earlier report into the folder showed and this one does not."""
        stale = [path for path in (self.out_dir / DOCUMENTS).glob("*.html") if path not in self._written]
        for path in stale:
            path.unlink()
        return len(stale)

    def write_index(self, **context: Any) -> Path:
        path = self.out_dir / "index.html"
        self._write("index.html", path, number_of=_numbering({}), **context)
        return path

    def _write(self, template: str, path: Path, **context: Any) -> None:
        folder = path.parent
        links = {
            "root": "" if folder == self.out_dir else "../",
            "pdf_href": lambda document, page: _pdf_href(document, page, folder),
            "crop_src": lambda region: _crop_src(region, folder),
            "document_href": lambda document: href(self.out_dir / DOCUMENTS / page_name(document), folder),
            "table_href": lambda table: _table_href(table, context["documents"], self.out_dir, folder),
            "source_name": lambda table: context["documents"][table.document_id].title,
        }
        html = self.environment.get_template(template).render(**self.common, **links, **context)
        path.write_text(html, encoding="utf-8")


def _numbering(numbers: dict[str, int]) -> Callable[[Finding], int | str]:
    return lambda finding: numbers.get(finding.key, "")


def _pdf_href(document: Document, page: int, folder: Path) -> str:
    path = document.pdf_path
    return f"{href(path, folder)}#page={page}" if path else ""


def _crop_src(region: Region, folder: Path) -> str:
    crop: Crop | None = region.crop
    return href(crop.path, folder) if crop else ""


def _table_href(table: ContributionTable, documents: dict[int, Document], out_dir: Path, folder: Path) -> str:
    """The card of a contributions table, on its document's page."""
    page = href(out_dir / DOCUMENTS / page_name(documents[table.document_id]), folder)
    return f"{page}#{tabulation_anchor(table)}"
