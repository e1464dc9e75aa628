"""Pure functions that turn the words of news text into values: numbers, durations, dates, times.

Each returns None (or an empty list) for input it cannot read; none of them raises.
"""

from __future__ import annotations

from kg.normalize.dates import DateMatch, find_dates, parse_date, resolve, weekday_date
from kg.normalize.durations import Duration, DurationMatch, find_durations, parse_duration
from kg.normalize.numbers import Number, parse_number, parse_ordinal
from kg.normalize.times import ClockTime, TimeMatch, combine, find_times, parse_time

__all__ = [
    "ClockTime",
    "DateMatch",
    "Duration",
    "DurationMatch",
    "Number",
    "TimeMatch",
    "combine",
    "find_dates",
    "find_durations",
    "find_times",
    "parse_date",
    "parse_duration",
    "parse_number",
    "parse_ordinal",
    "parse_time",
    "resolve",
    "weekday_date",
]
