"""Signals activities sends, so apps above it can act without activities importing them."""

from django.dispatch import Signal

# Sent by `participant_erase` inside its transaction, once the person's row is locked and
# before anything of theirs is blanked, so a receiver can still find what is theirs (reports
# take their words out of stored documents). Argument: `participant`.
participant_erasing = Signal()
