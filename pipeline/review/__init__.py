"""The review report: every finding beside a picture of the page it is about, as a static site
that opens from disk (`write_review`)."""

from .site import ReviewSummary, write_review

__all__ = ["ReviewSummary", "write_review"]
