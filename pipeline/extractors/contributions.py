"""Partner contribution tables and lists."""

from __future__ import annotations

from ..model import ContributionTable
from ..pdf import PdfDocument


def extract_contributions(document: PdfDocument) -> list[ContributionTable]:
    return []
