"""pdfminer's warnings, told once per file with the file's name.

pdfminer logs a warning for every oddity it meets in a damaged file ('Could not get FontBBox',
'Invalid dictionary construct'), often hundreds, none naming the file: a batch's standard error
filled with lines no one could act on. While a document is open its parser's records are held
back and counted, and closing the document logs one line: the file, how many, and the first.
"""

from __future__ import annotations

import logging

LIBRARY_LOGGERS = ("pdfminer", "pdfplumber")
log = logging.getLogger(__name__)


class LibraryWarnings(logging.Handler):
    """Holds back the PDF libraries' log records while installed; `close` logs one line for them."""

    def __init__(self, name: str):
        super().__init__(logging.WARNING)
        self.name = name
        self.count = 0
        self.first: str | None = None
        self._propagate: dict[str, bool] = {}
        for logger in map(logging.getLogger, LIBRARY_LOGGERS):
            self._propagate[logger.name] = logger.propagate
            logger.propagate = False
            logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if self.first is None:
            self.first = (record.getMessage().splitlines() or [""])[0]

    def close(self) -> None:
        for logger in map(logging.getLogger, LIBRARY_LOGGERS):
            logger.removeHandler(self)
            logger.propagate = self._propagate.get(logger.name, True)
        if self.count:
            log.warning("%s: the PDF parser warned %d time(s) reading it (first: %s)", self.name, self.count,
                        self.first)
            self.count = 0
        super().close()
