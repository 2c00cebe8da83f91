"""Forward plans: the landscape tables of upcoming decisions that cabinets publish.

A plan is a table whose header names decision columns ('Decision Maker', 'Date the Decision is
Due', 'Key decision', 'Portfolio Holder', 'Officer Contact'...), read from the tables the table
layer finds. The reader is in four parts:

- `vocabulary`: what a column holds by its header, the labels and flags printed inside cells,
  month rows, titles, and the values of the key-decision and access fields;
- `fields`: one row's cells (lines of text) into a decision's fields;
- `stitching`: headers found and found again, rows cut by page breaks merged back, month rows,
  running page headings dropped, rows read line by line rebuilt, tables continued without their
  header recognised by their columns;
- `reader`: the document's pages and the layer's tables into plans (with the reader's own
  reading of a page as the fallback, in `fallback`), and each plan's title, council and dates.
"""

from .fields import (
    cell_fields,
    decision_date,
    flag_after,
    key_decision,
    key_flag,
    officer,
    public_access,
    repair_emails,
    row_fields,
)
from .model import PageGrid, PlanRow, cells_of
from .reader import (
    about_forward_plan,
    extract_forward_plans,
    forward_plan_reader,
    forward_plans_in,
    plan_pages,
    unmarked_are_not_key,
    unread_plan_tables,
)
from .stitching import find_header, is_heading, running_lines, without_running_text
from .vocabulary import column_meanings, may_hold_plan

__all__ = [
    "PageGrid", "PlanRow", "about_forward_plan", "cell_fields", "cells_of", "column_meanings", "decision_date",
    "extract_forward_plans", "find_header", "flag_after", "forward_plan_reader", "forward_plans_in", "is_heading",
    "key_decision", "key_flag", "may_hold_plan", "officer", "plan_pages", "public_access", "repair_emails",
    "row_fields", "running_lines",
    "unmarked_are_not_key", "unread_plan_tables", "without_running_text",
]
