"""Forward-plan decision tables (placeholder until the forward-plan extractor lands)."""

from __future__ import annotations

from ..model import ForwardPlan
from ..pdf import PdfDocument


def extract_forward_plans(document: PdfDocument) -> list[ForwardPlan]:
    return []
