"""Figures as people read them in the report: pounds, percentages, page ranges, severities."""

from __future__ import annotations

from decimal import Decimal

SEVERITY_ORDER = ("error", "warning", "info")
# What the report calls each severity: 'info' findings are notes to a reader, not faults.
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Note"}


def pounds(pence: int | None) -> str:
    """'£48,250.50', '£101,000', '−£500' (a true minus sign, before the pound sign)."""
    if pence is None:
        return ""
    sign = "−" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}" + (f".{part:02d}" if part else "")


def percent(value: Decimal | None, places: int = 1) -> str:
    """'15.9%'; a whole number keeps no decimals ('20%'), as councils print them."""
    if value is None:
        return ""
    if value == value.to_integral_value() and places:
        return f"{value:.0f}%"
    return f"{value:.{places}f}%"


def share_of(pence: int, base_pence: int) -> Decimal:
    """The percentage `pence` is of `base_pence`, exactly (the checks compare it with the printed share)."""
    return Decimal(pence) / Decimal(base_pence) * 100


def page_range(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return str(start) if end in (None, start) else f"{start}–{end}"


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity, severity.capitalize())


def severity_rank(severity: str) -> int:
    """0 for the most severe; unknown severities last."""
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"
