"""Meeting metadata and agenda items (placeholder until the agenda extractor lands)."""

from __future__ import annotations

from ..model import AgendaItem, Meeting
from ..pdf import PdfDocument


def extract_meeting(document: PdfDocument) -> Meeting:
    return Meeting()


def extract_agenda_items(document: PdfDocument) -> list[AgendaItem]:
    return []
