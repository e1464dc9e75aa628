"""Calendar dates as news text writes them: "March 27, 2015", "27 March 2015", "2016-03-01",
"January 1994", "in 2007", "Tuesday", "March 2", "yesterday".

Some expressions need the article's reference date (its *anchor*) to become a date:
``find_dates`` reports them with ``value=None`` and ``resolve`` finishes the job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from kg.normalize.memo import per_text
from kg.types import PartialDate

__all__ = ["SPACE_AGE_YEAR", "DateMatch", "find_dates", "parse_date", "resolve", "weekday_date"]


@dataclass(frozen=True)
class DateMatch:
    """A date expression found in a text, with character offsets into that text.

    ``value`` is what the words fix without an anchor; ``weekday`` (0=Monday) is set
    when the expression names a day of the week.
    """

    start: int
    end: int
    text: str
    value: PartialDate | None
    weekday: int | None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NUMBER: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(_MONTHS, start=1)},
    **{name[:3].lower(): i for i, name in enumerate(_MONTHS, start=1)},
    "sept": 9,
}
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}

# Month and weekday names must be capitalised (or all capitals): "march" and "may" are verbs.
_FULL_MONTH = "|".join([*_MONTHS, *(m.upper() for m in _MONTHS)])
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?![\w.]))"
_MONTH = rf"(?P<mon>(?:{_FULL_MONTH})(?![\w])|{_ABBR_MONTH})"
_WEEKDAY = "(?P<wd>" + "|".join([*_WEEKDAYS, *(w.upper() for w in _WEEKDAYS)]) + r")(?![\w])"
_DAY = r"(?<![\d.,])(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![\w])"
_RANGE = r"(?:\s*[-\u2013]\s*(?:3[01]|[12]\d|0?[1-9])(?!\d))?"  # "March 1-2, 2016" keeps the 1st
_YEAR = r"(?P<year>1\d{3}|20\d{2})(?!\d|,\d)"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
_UNITS_AFTER_YEAR = (
    r"\s*(?:GMT|UTC|Z\b|hours|hrs|local|kg|kilograms?|pounds|lbs?|miles|km|kilomet|meters|metres|feet|ft"
    r"|mph|tons|tonnes|degrees|people|percent|%)"
)
#: a month's name as dates are written ('March', 'Nov.', 'Sept'), for patterns built elsewhere
MONTH_NAME = rf"(?:(?:{_FULL_MONTH})(?![\w])|{_ABBR_MONTH})"
_MONTH_NAMED = re.compile(MONTH_NAME)


def month_named(text: str) -> int | None:
    """The number of the first month a phrase names ('in March 1965' -> 3), else None."""
    found = _MONTH_NAMED.search(text)
    return _MONTH_NUMBER.get(found.group(0).rstrip(".").lower()) if found else None


# Words after which a bare month name is a date ("in September"), not a person ("May said").
#: a year of the space age written as digits ("1971", "2033"): what dates a flight or a record
SPACE_AGE_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")

_MONTH_CUE_RE = re.compile(
    r"(?:\b(?:in|since|until|by|during|of|last|early|late|through|before|after|from)\s|\bmid-)$",
    re.IGNORECASE,
)

_KINDS: dict[str, str] = {
    "iso": r"(?<![\w\-/.])(?P<year>\d{4})(?P<sep>[-/])(?P<mon>\d{2})(?P=sep)(?P<day>\d{2})(?![\w\-/])",
    "mdy": rf"{_WD_PREFIX}{_MONTH}\s+{_DAY}{_RANGE}(?:(?:,\s*|\s+)(?:of\s+)?{_YEAR})?",
    # Without a year, "11 July" must not run into another day number ("Apollo 11 July 16, 1969").
    "dmy": rf"{_WD_PREFIX}{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR}|(?!\.?,?\s*\d))",
    "my": rf"{_MONTH}(?:\s+of)?,?\s+{_YEAR}",
    "weekday": _WEEKDAY,
    "month": rf"(?P<mon>(?:{_FULL_MONTH}))(?![\w])",  # bare: needs a cue word in running text
    "rel": r"\b(?i:today|tonight|yesterday|tomorrow|(?:earlier|later)\s+today"
    r"|(?:this|last)\s+(?:morning|afternoon|evening|night)|(?:this|last|next)\s+(?:week|month|year))\b",
    "year": rf"(?<![\w$#.,/])(?:(?<!-)|(?<=mid-)|(?<=Mid-))(?P<year>19\d{{2}}|20\d{{2}})"
    rf"(?!\d|[,.]\d|s\b|{_UNITS_AFTER_YEAR})",
}


def _master(kinds: dict[str, str]) -> re.Pattern[str]:
    """One regex trying each kind in order at word starts; inner groups are renamed ``<kind>_<name>``."""
    parts = []
    for kind, pattern in kinds.items():
        body = pattern.replace("(?P<", f"(?P<{kind}_").replace("(?P=", f"(?P={kind}_")
        parts.append(f"(?P<{kind}>{body})")
    # Every kind starts at a word start with a digit, a capital, or a relative word's first letter,
    # so most positions fail at once.
    return re.compile(r"\b(?=[0-9A-Zeltny])(?:" + "|".join(parts) + ")")


_DATE_RE = _master(_KINDS)

_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _group(m: re.Match[str], kind: str, name: str) -> str | None:
    """A named group of one kind's alternative."""
    return m.group(f"{kind}_{name}") if f"{kind}_{name}" in m.re.groupindex else None


def _full_date(year: int, month: int, day: int) -> PartialDate | None:
    """A PartialDate for a real calendar day, or None for "February 30"."""
    try:
        date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _nearest_month_day(month: int, day: int, anchor: date) -> PartialDate | None:
    """The year that puts month/day nearest the anchor (so within about six months of it)."""
    best: tuple[int, PartialDate] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = _full_date(year, month, day)
        if candidate is None:
            continue
        distance = abs((date(year, month, day) - anchor).days)
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return None if best is None else best[1]


def _relative(words: str, anchor: date) -> PartialDate | None:
    """Resolve "yesterday", "this morning", "last year", ... counted from the anchor; None for weeks."""
    words = " ".join(words.lower().split())
    if words in _RELATIVE_DAYS:
        return _as_partial(anchor + timedelta(days=_RELATIVE_DAYS[words]))
    first, _, second = words.partition(" ")
    if words == "last night":
        return _as_partial(anchor - timedelta(days=1))
    if second in ("morning", "afternoon", "evening", "night", "today"):
        return _as_partial(anchor)  # "this morning", "earlier today"
    shift = {"last": -1, "this": 0, "next": 1}[first] if first in ("last", "this", "next") else 0
    if second == "year":
        return PartialDate(anchor.year + shift)
    if second == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        return PartialDate(index // 12, index % 12 + 1)
    return None  # "last week": no single date


def _value(m: re.Match[str], anchor: date | None) -> PartialDate | None:
    """The date a master-regex match states, using the anchor when the words need one."""
    try:
        return _stated(m, anchor)
    except (OverflowError, ValueError):  # an anchor at the edge of the calendar
        return None


def _stated(m: re.Match[str], anchor: date | None) -> PartialDate | None:
    """The work of ``_value``, which may overflow the calendar for an extreme anchor."""
    kind = m.lastgroup or ""
    mon, day, year = _group(m, kind, "mon"), _group(m, kind, "day"), _group(m, kind, "year")
    month = (int(mon) if mon.isdigit() else _MONTH_NUMBER.get(mon.lower().rstrip("."))) if mon else None
    if kind == "rel":
        return None if anchor is None else _relative(m.group(), anchor)
    if kind == "weekday":
        wd = _WEEKDAY_NUMBER[m.group().lower()]
        return None if anchor is None else _as_partial(weekday_date(wd, anchor))
    if year is None and month is None:
        return None
    if month is None:
        return PartialDate(int(year)) if year else None
    if day is not None:
        if year is not None:
            return _full_date(int(year), month, int(day))
        return None if anchor is None else _nearest_month_day(month, int(day), anchor)
    if year is not None:
        return PartialDate(int(year), month)
    if anchor is None:
        return None
    return PartialDate(anchor.year if month <= anchor.month else anchor.year - 1, month)


def _as_partial(day: date) -> PartialDate:
    """A full date as a PartialDate."""
    return PartialDate(day.year, day.month, day.day)


def _match(m: re.Match[str]) -> DateMatch | None:
    """A DateMatch for a master-regex match, or None when it names an impossible date."""
    kind = m.lastgroup or ""
    value = _value(m, None)
    if value is None and _group(m, kind, "year") and _group(m, kind, "day"):
        return None  # "February 30, 2016"
    wd = _group(m, kind, "wd") or (m.group() if kind == "weekday" else None)
    weekday = _WEEKDAY_NUMBER[wd.lower()] if wd else None
    return DateMatch(m.start(), m.end(), m.group(), value, weekday)


_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*[\s\-\u2011]$")
_CUE_WORDS = frozenset(["On", "In", "Of", "By", "Since", "Until", "From", "Before", "After", "Between", "And",
                        "Or", "During", "Early", "Late", "Mid", "Through", "Throughout", "Spring", "Summer",
                        "Autumn", "Fall", "Winter", *_WEEKDAYS, *(w.upper() for w in _WEEKDAYS)])  # fmt: skip


def _names_a_thing(text: str, m: re.Match[str]) -> bool:
    """True when a number is part of a name, not a date: "Expedition 46 March", "Mars 2020"."""
    if m.lastgroup not in ("dmy", "year") or _group(m, "dmy", "wd"):
        return False
    before = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
    return before is not None and before.group()[:-1] not in _CUE_WORDS


def _uncued_month(text: str, m: re.Match[str]) -> bool:
    """True for a bare month name with no cue before it ("May said", but not "in May")."""
    return m.lastgroup == "month" and _MONTH_CUE_RE.search(text, max(0, m.start() - 8), m.start()) is None


def _accepted(text: str, running: bool) -> Iterator[tuple[re.Match[str], DateMatch]]:
    """Matches that are dates, left to right, non-overlapping.  In running text (not a lone
    expression handed to parse_date) a bare month needs a cue word."""
    pos = 0
    while (m := _DATE_RE.search(text, pos)) is not None:
        if _names_a_thing(text, m) or (running and _uncued_month(text, m)):
            pos = m.start() + 1  # look again inside the rejected span ("July 1969")
            continue
        found = _match(m)
        if found is None:
            pos = max(m.end(), m.start() + 1)  # "February 30, 2016" is not a date, nor is its year
            continue
        yield m, found
        pos = max(m.end(), m.start() + 1)


@per_text
def find_dates(text: str) -> list[DateMatch]:
    """Date expressions in a text, left to right; values are what needs no anchor."""
    if not isinstance(text, str):
        return []
    return [found for _, found in _accepted(text, running=True)]


def resolve(match: DateMatch, anchor: date | None) -> PartialDate | None:
    """The date a found expression names, using the anchor for "Tuesday", "March 2", "today"."""
    if match.value is not None or anchor is None:
        return match.value
    m = _DATE_RE.fullmatch(match.text)
    return None if m is None else _value(m, anchor)


def parse_date(text: str, anchor: date | None = None) -> PartialDate | None:
    """The first date a text states, resolved against the anchor when it needs one; else None."""
    if not isinstance(text, str):
        return None
    first = next(_accepted(text, running=False), None)
    return None if first is None else _value(first[0], anchor)


def weekday_date(weekday: int, anchor: date) -> date:
    """The date with that weekday (0=Monday) nearest the anchor, the past one on a tie."""
    ahead = (weekday - anchor.weekday()) % 7
    back = (7 - ahead) % 7
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)
