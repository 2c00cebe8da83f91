"""One extractor per table kind. Each is a function `extract(document) -> list[...]` that triages
pages on their fast text and parses only the pages that can hold its table."""
