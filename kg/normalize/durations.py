"""Spans of time as news text writes them: "340-day", "nearly 438 days", "a year-long",
"3½ hours", "six-and-a-half-month", "about six months".

A duration is an amount of one unit, kept as stated (six months stays six months);
``Duration.days`` converts when a caller needs a common scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kg.normalize.memo import per_text
from kg.normalize.numbers import APPROX_PATTERN, NUMBER_PATTERN, clean_decimal, parse_number

__all__ = ["Duration", "DurationMatch", "find_durations", "parse_duration"]

# (days per unit, units per day): a month is an average Gregorian month.
_DAY_RATIO: dict[str, tuple[Decimal, int]] = {
    "minute": (Decimal(1), 1440),
    "hour": (Decimal(1), 24),
    "day": (Decimal(1), 1),
    "week": (Decimal(7), 1),
    "month": (Decimal("30.4375"), 1),
    "year": (Decimal(365), 1),
}
_UNIT_WORDS: dict[str, tuple[str, Decimal]] = {
    "minute": ("minute", Decimal(1)), "min": ("minute", Decimal(1)),
    "hour": ("hour", Decimal(1)), "hr": ("hour", Decimal(1)),
    "day": ("day", Decimal(1)), "week": ("week", Decimal(1)), "month": ("month", Decimal(1)),
    "year": ("year", Decimal(1)), "yr": ("year", Decimal(1)), "decade": ("year", Decimal(10)),
}  # fmt: skip


@dataclass(frozen=True)
class Duration:
    """An amount of one unit: minute, hour, day, week, month or year."""

    amount: Decimal
    unit: str
    approximate: bool = False

    def days(self) -> Decimal | None:
        """The length in days (a month is 30.4375 days, a year 365); None for an unknown unit."""
        ratio = _DAY_RATIO.get(self.unit)
        if ratio is None:
            return None
        return clean_decimal(self.amount * ratio[0] / ratio[1])

    def whole_days(self) -> int | None:
        """Days rounded to a whole number, for units of a day or longer; None for hours and minutes."""
        if self.unit in ("hour", "minute"):
            return None
        days = self.days()
        return None if days is None else int(days.to_integral_value(rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class DurationMatch:
    """A duration found in a text, with character offsets into that text."""

    start: int
    end: int
    text: str
    duration: Duration


_SEP = r"[\s\-\u2010\u2011]"
_FULL = rf"(?:(?:full|whole|entire|single){_SEP}+)"
_TAIL = rf"(?:{_SEP}?long\b)?(?![\s\-\u2010\u2011]old\b)"  # "340-day-long"; not an age ("46-year-old")


def _unit(n: int) -> str:
    """A unit word (singular or plural) in group ``unit<n>``; Python forbids reusing a group name."""
    return rf"(?P<unit{n}>minute|min|hour|hr|day|week|month|year|yr|decade)s?\b"


def _half_tail(n: int) -> str:
    """An optional "and a half" after the unit ("a year and a half") in group ``half<n>``."""
    return rf"(?P<half{n}>{_SEP}+and{_SEP}+an?{_SEP}+half\b)?"


# One alternative per way of writing the amount.
_DURATION_RE = re.compile(
    rf"(?:\b|(?=~))(?P<approx>{APPROX_PATTERN})?(?:"
    rf"(?P<long>\b(?:an?{_SEP}+)?{_FULL}?(?P<lunit>hour|day|week|month|year){_SEP}?long\b)"
    rf"|(?P<halfof>\b(?:an?{_SEP}+)?half{_SEP}+(?:an?{_SEP}+)?{_unit(1)})"
    rf"|(?P<one>(?<!\btwice\s)(?<!\bonce\s)(?<!\btimes\s)(?<!\bper\s)\ban?{_SEP}+{_FULL}?{_unit(2)}{_half_tail(2)})"
    rf"|(?P<num>{NUMBER_PATTERN}){_SEP}*{_FULL}?{_unit(3)}{_half_tail(3)}"
    rf"){_TAIL}(?P<orso>\s+or\s+so\b)?",
    re.IGNORECASE,
)


# Every duration contains a unit word; the full regex runs only in a window around one.
_UNIT_HINT_RE = re.compile(
    r"\b(?:minute|min|hour|hr|day|week|month|year|yr|decade)s?\b|(?:hour|day|week|month|year)long\b",
    re.IGNORECASE,
)
_BEFORE, _AFTER = 100, 30  # longest hedge + number before a unit; "-long", "and a half or so" after it


def _duration(m: re.Match[str]) -> Duration | None:
    """The Duration a regex match states, or None when its number does not parse."""
    approximate = bool(m.group("approx") or m.group("orso"))
    if m.group("long"):
        return Duration(Decimal(1), m.group("lunit").lower(), approximate)
    n = 1 if m.group("halfof") else 2 if m.group("one") else 3
    unit, factor = _UNIT_WORDS[m.group(f"unit{n}").lower()]
    if n == 1:
        amount = Decimal("0.5")
    elif n == 2:
        amount = Decimal(1)
    else:
        number = parse_number(m.group("num"))
        if number is None:
            return None
        amount, approximate = number.value, approximate or number.approximate
    if n > 1 and m.group(f"half{n}"):
        amount += Decimal("0.5")
    return Duration(clean_decimal(amount * factor), unit, approximate)


@per_text
def find_durations(text: str) -> list[DurationMatch]:
    """Every duration in a text, left to right, each span including a hedge word before it."""
    if not isinstance(text, str):
        return []
    found: list[DurationMatch] = []
    pos = 0
    for hint in _UNIT_HINT_RE.finditer(text):
        while hint.end() > pos:
            hi = hint.end() + _AFTER
            m = _DURATION_RE.search(text, max(pos, hint.start() - _BEFORE), hi)
            if m is None or (m.end() == hi < len(text) and text[hi].isalnum()):
                break  # none here, or one cut off mid-word by the window ("a day|break")
            duration = _duration(m)
            if duration is not None:
                found.append(DurationMatch(m.start(), m.end(), m.group(), duration))
            pos = max(m.end(), m.start() + 1)
    return _hours_and_minutes(text, found)


_JOIN_RE = re.compile(r",?\s+and\s+|,\s*")


def _hours_and_minutes(text: str, found: list[DurationMatch]) -> list[DurationMatch]:
    """'7 hours and 17 minutes', '6 hours, 28 minutes': one length in hours (to two decimals)."""
    out: list[DurationMatch] = []
    for match in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.duration.unit == "hour"
            and match.duration.unit == "minute"
            and match.duration.amount < 60
            and _JOIN_RE.fullmatch(text[prev.end : match.start])
        ):
            hours = prev.duration.amount + match.duration.amount / 60
            joined = Duration(clean_decimal(hours.quantize(Decimal("0.01"))), "hour", prev.duration.approximate)
            out[-1] = DurationMatch(prev.start, match.end, text[prev.start : match.end], joined)
            continue
        out.append(match)
    return out


def parse_duration(text: str) -> Duration | None:
    """The first duration a text states, or None."""
    found = find_durations(text)
    return found[0].duration if found else None
