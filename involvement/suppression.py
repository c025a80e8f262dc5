"""Small-number suppression: a count small enough to identify people is never shown."""

SUPPRESSED = "*"
# Below this no organisation may go, whatever it sets (1–4 people are always hidden).
MINIMUM_THRESHOLD = 5


def suppress(count: int | None, threshold: int) -> int | str | None:
    """`count` as it may be shown: 0 and counts at or above the threshold as they are, counts
    from 1 to threshold - 1 as "*"."""
    if count is None or count == 0:
        return count
    return SUPPRESSED if count < max(threshold, MINIMUM_THRESHOLD) else count
