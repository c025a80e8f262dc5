"""Widgets every app's forms share."""

from django import forms

# The browser's own date picker; the ISO format is the only one `type="date"` accepts.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
