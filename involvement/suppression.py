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


def suppress_breakdown(
    total: int, parts: dict[str, int], threshold: int
) -> tuple[int | str, dict[str, int | str]]:
    """A total and its parts as they may be shown, so no hidden part can be worked out by
    subtraction: when exactly one part is hidden and the total is shown, the next smallest
    non-zero part is hidden too (secondary suppression)."""
    shown_total = suppress(total, threshold)
    shown = {name: suppress(count, threshold) for name, count in parts.items()}
    hidden = [name for name, value in shown.items() if value == SUPPRESSED]
    if len(hidden) == 1 and shown_total != SUPPRESSED:
        others = sorted(
            (count, name) for name, count in parts.items() if name not in hidden and count
        )
        if others:
            shown[others[0][1]] = SUPPRESSED
    return shown_total, shown


def suppress_part(part: int, total: int, threshold: int) -> tuple[int | str, int | str]:
    """`part` of `total` people and the `total`, as they may be shown: when either the part
    or the rest would be a hidden count, both are hidden, so neither can be worked out from
    the other (a share of a shown total gives the part away)."""
    shown_total, shown = suppress_breakdown(total, {"part": part, "rest": total - part}, threshold)
    if SUPPRESSED in shown.values() or shown_total == SUPPRESSED:
        return SUPPRESSED, shown_total
    return part, total


def suppress_share(part: int, total: int, threshold: int) -> int | str | None:
    """The percent `part` is of `total`, as it may be shown: None with nobody, "*" when the
    part or the rest is too small to show (see `suppress_part`)."""
    if not total:
        return None
    shown_part, _shown_total = suppress_part(part, total, threshold)
    return SUPPRESSED if shown_part == SUPPRESSED else round(100 * part / total)
