"""Tests for kg.normalize.durations: amounts of time and where sentences state them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.normalize.durations import Duration, find_durations, parse_duration


@pytest.mark.parametrize(
    ("text", "amount", "unit", "approximate"),
    [
        ("340-day", "340", "day", False),
        ("438 days", "438", "day", False),
        ("nearly 438-day", "438", "day", True),
        ("a year", "1", "year", False),
        ("one-year", "1", "year", False),
        ("year-long", "1", "year", False),
        ("yearlong", "1", "year", False),
        ("3.5 hour", "3.5", "hour", False),
        ("3.5-hour", "3.5", "hour", False),
        ("3½ hours", "3.5", "hour", False),
        ("six months", "6", "month", False),
        ("two years", "2", "year", False),
        ("1,000 days", "1000", "day", False),
        ("328 days", "328", "day", False),
        ("about six months", "6", "month", True),
        ("215-day", "215", "day", False),
        ("a full year", "1", "year", False),
        ("a whole year", "1", "year", False),
        ("six-and-a-half-month", "6.5", "month", False),
        ("12 days, 14 hours", "12", "day", False),
        ("more than a year", "1", "year", True),
        ("some 340 days", "340", "day", True),
        ("~340 days", "340", "day", True),
        ("a year or so", "1", "year", True),
        ("half an hour", "0.5", "hour", False),
        ("an hour and a half", "1.5", "hour", False),
        ("two and a half years", "2.5", "year", False),
        ("two decades", "20", "year", False),
        ("a dozen days", "12", "day", False),
        ("three weeks", "3", "week", False),
        ("90 minutes", "90", "minute", False),
        ("Six Months", "6", "month", False),
        ("a 340\u2011day mission", "340", "day", False),
        ("nearly\u00a0438 days", "438", "day", True),
    ],
)
def test_parse_duration(text: str, amount: str, unit: str, approximate: bool) -> None:
    assert parse_duration(text) == Duration(Decimal(amount), unit, approximate)


@pytest.mark.parametrize(
    "text",
    [
        "Expedition 46",
        "one of three men",
        "Soyuz MS-22",
        "the first day",
        "the 46-year-old astronaut",
        "this year",
        "twice a day",
        "",
    ],
)
def test_no_duration(text: str) -> None:
    assert parse_duration(text) is None
    assert find_durations(text) == []


def test_find_durations_spans_include_the_hedge() -> None:
    text = "Kelly spent nearly 438 days, or about six months more than a 340-day mission."
    found = find_durations(text)
    assert [m.text for m in found] == ["nearly 438 days", "about six months", "340-day"]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert [m.duration.approximate for m in found] == [True, True, False]


def test_find_durations_left_to_right_without_overlap() -> None:
    found = find_durations("They flew for 12 days, 14 hours and a year-long mission followed.")
    assert [(m.text, m.duration) for m in found] == [
        ("12 days", Duration(Decimal(12), "day")),
        ("14 hours", Duration(Decimal(14), "hour")),
        ("a year-long", Duration(Decimal(1), "year")),
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("duration", "days", "whole"),
    [
        (Duration(Decimal(340), "day"), Decimal(340), 340),
        (Duration(Decimal(2), "week"), Decimal(14), 14),
        (Duration(Decimal(6), "month"), Decimal("182.625"), 183),
        (Duration(Decimal(1), "year"), Decimal(365), 365),
        (Duration(Decimal(3), "hour"), Decimal("0.125"), None),
        (Duration(Decimal(90), "minute"), Decimal("0.0625"), None),
        (Duration(Decimal(1), "fortnight"), None, None),
    ],
)
def test_days(duration: Duration, days: Decimal | None, whole: int | None) -> None:
    assert duration.days() == days
    assert duration.whole_days() == whole


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("a spacewalk of 7 hours and 17 minutes", "7.28"),
        ("after 6 hours, 28 minutes outside", "6.47"),
        ("the career total of 39 hours and 46 minutes", "39.77"),
    ],
)
def test_hours_and_minutes_are_one_length_in_hours(text, hours):
    (found,) = find_durations(text)
    assert found.duration.unit == "hour" and found.duration.amount == Decimal(hours)


def test_days_then_hours_stay_apart():
    found = find_durations("803 days, 9 hours and 39 minutes")
    assert [(d.duration.unit, d.duration.amount) for d in found] == [("day", Decimal(803)), ("hour", Decimal("9.65"))]
