"""A password validator that refuses passwords made mostly of words about the context: the
service, the person's organisations, their email address and name.

The rule: a password that holds any context word is refused unless at least
MIN_OWN_LETTERS letters are left once every context word, digit and symbol is taken out.
So "Brightwater2026!", "Involvement123" and "brightwater-health" are refused, and a
passphrase that merely contains one ("my brightwater allotment grows beans") passes.

Context words are the words (MIN_WORD letters or more) of: the service's name (SITE_NAME)
and its host name (SITE_URL); the names of the person's organisations and of any with an
open invitation to their email address (so someone accepting an invitation, not yet
saved, is checked against the inviting organisation); their email address; their name.
They are matched regardless of case, and also with look-alikes read as letters
("Br1ghtw4ter").
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Organisation

MIN_OWN_LETTERS = 8
MIN_WORD = 4
# Two readings of look-alikes, because "1" stands for both "i" and "l".
LOOK_ALIKES = (
    str.maketrans("0134@5$7!", "oieaassti"),
    str.maketrans("0134@5$7!", "oleaasstl"),
)
WORD = re.compile(r"[^\W\d_]+")


def context_words(user) -> set[str]:
    """The words a password must not be made of, for `user` (saved or not, or None)."""
    texts = [settings.SITE_NAME, urlsplit(settings.SITE_URL).hostname or ""]
    if user is not None:
        texts += [getattr(user, "email", "") or "", getattr(user, "full_name", "") or ""]
        texts += _organisation_names(user)
    return {word for text in texts for word in WORD.findall(text.lower()) if len(word) >= MIN_WORD}


def _organisation_names(user) -> list[str]:
    joined = Q(memberships__user=user) if user.pk else Q(pk__in=[])
    email = getattr(user, "email", "") or ""
    invited = Q(invitations__email__iexact=email, invitations__accepted_at__isnull=True)
    return list(
        Organisation.objects.filter(joined | invited if email else joined)
        .values_list("name", flat=True)
        .distinct()
    )


def own_letters(password: str, words: set[str]) -> int | None:
    """How many letters of `password` are not part of a context word; None when it holds
    none."""
    lowered = password.lower()
    covered: set[int] = set()
    for reading in (lowered, *(lowered.translate(table) for table in LOOK_ALIKES)):
        for word in words:
            start = reading.find(word)
            while start != -1:
                covered.update(range(start, start + len(word)))
                start = reading.find(word, start + 1)
    if not covered:
        return None
    return sum(1 for i, char in enumerate(lowered) if i not in covered and char.isalpha())


class ContextWordsValidator:
    """For AUTH_PASSWORD_VALIDATORS: see the module's docstring for the rule."""

    def validate(self, password, user=None):
        left = own_letters(password, context_words(user))
        if left is not None and left < MIN_OWN_LETTERS:
            raise ValidationError(self.message(), code="password_context_words")

    @staticmethod
    def message() -> str:
        return _(
            "Your password is mostly the name of this service, your organisation or your "
            "email address. Add words of your own."
        )

    def get_help_text(self):
        return _(
            "Your password cannot be mostly the name of this service, your organisation or "
            "your email address."
        )
