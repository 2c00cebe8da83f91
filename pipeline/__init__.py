"""council-tables: contributions, agenda items and forward-plan decisions from council PDFs."""

from .extract import extract_pdf
from .model import Extraction
from .pdf import PdfError

__all__ = ["Extraction", "PdfError", "extract_pdf"]
