"""council-tables: contributions, agenda items and forward-plan decisions from council PDFs."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Extraction", "PdfError", "__version__", "extract_pdf"]

# Where each public name lives. They are imported on first use, so that `council-tables --help`
# does not pay for pdfplumber, pypdfium2 and SQLAlchemy.
_LAZY = {"extract_pdf": ".extract", "Extraction": ".model", "PdfError": ".pdf"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_LAZY[name], __name__), name)
