"""Outcome pages: the measures catalogue, an activity's measures, the organisation's
dashboard and training records. The questions people answer about their own change are
asked by the participant app."""
