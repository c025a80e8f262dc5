"""Reads for impact reports: what a report says (content.py, from every app below), and the
lists staff and trustees see (reports.py)."""

from .content import report_content
from .reports import in_progress_for, programmes_of, reports_for

__all__ = ["in_progress_for", "programmes_of", "report_content", "reports_for"]
