"""What recurs: "every week", "each Friday", "daily", "twice a month", "every other year"."""

from __future__ import annotations

from tuireader.timeline.filters import is_capitalised
from tuireader.timeline.lexicon import PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS
from tuireader.timeline.normalise.context import ABS, SET, Ctx, Norm, Normaliser
from tuireader.timeline.normalise.durations import duration_value, quantity, unit_name
from tuireader.timeline.normalise.values import month_number

_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
}  # fmt: skip


def n_set(c: Ctx) -> Norm | None:
    adverb = c.group("adverb").lower()
    if adverb:
        return Norm(SET, _SET_ADVERBS[adverb], ABS)
    u = c.group("unit").lower()
    u = u[:-1] if u.endswith("s") and u[:-1] in WEEKDAYS else u
    if u in WEEKDAYS:
        return Norm(SET, f"XXXX-WXX-{WEEKDAYS[u] + 1}", ABS)
    month = month_number(u)
    if month is not None and is_capitalised(c.group("unit")):
        return Norm(SET, f"XXXX-{month:02d}", ABS)
    if u in PARTS_OF_DAY:
        return Norm(SET, f"XXXX-XX-XXT{PARTS_OF_DAY[u]}", ABS)
    if u in SEASONS:
        return Norm(SET, f"XXXX-{SEASONS[u]}", ABS)
    if u == "weekend":
        return Norm(SET, "XXXX-WXX-WE", ABS)
    unit = unit_name(u)
    if unit not in UNITS:
        return None
    n: float | None = 1.0
    if c.group("quantity"):
        _, n = quantity(c.group("quantity"))
    if "other" in c.match.group(0).lower() and n is not None:
        n *= 2
    return Norm(SET, duration_value(n, unit), ABS)


def n_set_freq(c: Ctx) -> Norm | None:
    return Norm(SET, duration_value(1, unit_name(c.group("unit"))), ABS,
                span=c.match.span("span"))


NORMALISERS: dict[str, Normaliser] = {"set": n_set, "set_freq": n_set_freq}
