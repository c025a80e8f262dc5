"""Submission keys: a double submit, or a retry after a lost response, gives back the first
record instead of making a second.

An add form carries a hidden key, new each time the form is shown (`SubmissionKeyMixin`);
the service passes it to `once_per_submission`, and a unique constraint on (organisation,
submission_key) settles two submits that race.
"""

import uuid

from django import forms
from django.db import IntegrityError, transaction


def once_per_submission(model, organisation, submission_key, insert):
    """Run `insert()` unless a row of `model` already carries this form's submission key:
    a double submit, or a retry after a lost response, gives back the first row."""
    if submission_key:
        existing = model.objects.filter(
            organisation=organisation, submission_key=submission_key
        ).first()
        if existing:
            return existing
    try:
        with transaction.atomic():
            return insert()
    except IntegrityError:
        if not submission_key:
            raise
        # Two submits raced past the check above: the constraint let one through.
        return model.objects.get(organisation=organisation, submission_key=submission_key)


class SubmissionKeyMixin(forms.Form):
    """A hidden key, new each time an add form is shown, so the service can tell a double
    submit (or a retry after a lost response) from a second record."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and getattr(getattr(self, "instance", None), "pk", None) is None:
            self.initial["submission_key"] = uuid.uuid4()

    def data_without_key(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "submission_key"}
