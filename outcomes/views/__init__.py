"""Outcome pages: the measures catalogue, an activity's measures, the organisation's
dashboard, training records, and the questions people answer about their own change."""
