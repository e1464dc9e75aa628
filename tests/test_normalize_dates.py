"""Tests for kg.normalize.dates: absolute, partial and anchor-relative dates."""

from __future__ import annotations

from datetime import date

import pytest

from kg.normalize.dates import DateMatch, find_dates, parse_date, resolve, weekday_date
from kg.types import PartialDate

ANCHOR = date(2016, 3, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 27th, 2015", PartialDate(2015, 3, 27)),
        ("March 27, 2015", PartialDate(2015, 3, 27)),
        ("27 March 2015", PartialDate(2015, 3, 27)),
        ("27th of March, 2015", PartialDate(2015, 3, 27)),
        ("Mar. 27, 2015", PartialDate(2015, 3, 27)),
        ("Sept. 3, 2024", PartialDate(2024, 9, 3)),
        ("Sep 3, 2024", PartialDate(2024, 9, 3)),
        ("MARCH 27, 2015", PartialDate(2015, 3, 27)),
        ("2016-03-01", PartialDate(2016, 3, 1)),
        ("Tuesday, March 1, 2016", PartialDate(2016, 3, 1)),
        ("March 1-2, 2016", PartialDate(2016, 3, 1)),
        ("January 1994", PartialDate(1994, 1)),
        ("January of 1994", PartialDate(1994, 1)),
        ("2007", PartialDate(2007)),
        ("in 2007", PartialDate(2007)),
        ("In 2000, the station", PartialDate(2000)),
        ("by mid-2016", PartialDate(2016)),
    ],
)
def test_parse_date_without_anchor(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected
    assert parse_date(text, ANCHOR) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("March 2", date(2016, 3, 1), PartialDate(2016, 3, 2)),
        ("March 2", date(2015, 12, 20), PartialDate(2016, 3, 2)),
        ("December 31", date(2016, 1, 2), PartialDate(2015, 12, 31)),
        ("2 March", date(2016, 3, 1), PartialDate(2016, 3, 2)),
        ("Tuesday", date(2016, 3, 1), PartialDate(2016, 3, 1)),
        ("Monday", date(2016, 3, 1), PartialDate(2016, 2, 29)),
        ("Friday", date(2016, 3, 1), PartialDate(2016, 3, 4)),
        ("Saturday", date(2016, 3, 1), PartialDate(2016, 2, 27)),
        ("Tuesday, March 1", date(2016, 2, 28), PartialDate(2016, 3, 1)),
        ("today", ANCHOR, PartialDate(2016, 3, 1)),
        ("tonight", ANCHOR, PartialDate(2016, 3, 1)),
        ("this morning", ANCHOR, PartialDate(2016, 3, 1)),
        ("yesterday", ANCHOR, PartialDate(2016, 2, 29)),
        ("last night", ANCHOR, PartialDate(2016, 2, 29)),
        ("tomorrow", ANCHOR, PartialDate(2016, 3, 2)),
        ("September", ANCHOR, PartialDate(2015, 9)),
        ("March", ANCHOR, PartialDate(2016, 3)),
        ("last year", ANCHOR, PartialDate(2015)),
        ("next month", date(2016, 12, 5), PartialDate(2017, 1)),
    ],
)
def test_parse_date_with_anchor(text: str, anchor: date, expected: PartialDate) -> None:
    assert parse_date(text, anchor) == expected


@pytest.mark.parametrize(
    "text", ["March 2", "Tuesday", "today", "yesterday", "tomorrow", "tonight", "this morning", "September"]
)
def test_anchor_needed(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Expedition 46",
        "Apollo 11",
        "Soyuz MS-22",
        "the 1990s",
        "last week",
        "next week",
        "February 30, 2016",
        "2016-13-01",
        "Mars 2020 rover",
        "1,000 people",
        "2100 GMT",
        "",
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text, ANCHOR) is None


def test_find_dates_offsets_values_and_weekdays() -> None:
    text = "On Tuesday, March 1, 2016, Kelly landed; he had launched in March 2015 and returns Tuesday."
    found = find_dates(text)
    assert found == [
        DateMatch(3, 25, "Tuesday, March 1, 2016", PartialDate(2016, 3, 1), 1),
        DateMatch(60, 70, "March 2015", PartialDate(2015, 3), None),
        DateMatch(83, 90, "Tuesday", None, 1),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_find_dates_unresolved_then_resolved() -> None:
    found = find_dates("The crew lands on March 2 (0427 GMT), yesterday.")
    assert [(m.text, m.value) for m in found] == [("March 2", None), ("yesterday", None)]
    assert [resolve(m, ANCHOR) for m in found] == [PartialDate(2016, 3, 2), PartialDate(2016, 2, 29)]
    assert [resolve(m, None) for m in found] == [None, None]


def test_find_dates_bare_month_needs_a_cue() -> None:
    found = find_dates("Theresa May said in May that troops march in March.")
    assert [m.text for m in found] == ["May", "March"]
    assert [m.start for m in found] == [20, 45]
    assert resolve(found[0], ANCHOR) == PartialDate(2015, 5)


def test_find_dates_skips_numbers_in_names() -> None:
    found = find_dates("Apollo 11 July 16, 1969; Expedition 46 March crew; Apollo 11 July 1969.")
    assert [(m.text, m.value) for m in found] == [
        ("July 16, 1969", PartialDate(1969, 7, 16)),
        ("July 1969", PartialDate(1969, 7)),
    ]


def test_find_dates_relative_words() -> None:
    found = find_dates("Earlier today NASA said that last week, not next year, ...")
    assert [m.text for m in found] == ["Earlier today", "last week", "next year"]
    assert [resolve(m, ANCHOR) for m in found] == [PartialDate(2016, 3, 1), None, PartialDate(2017)]


def test_find_dates_handles_odd_input() -> None:
    assert find_dates("") == []
    assert find_dates(None) == []  # type: ignore[arg-type]
    assert parse_date(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("weekday", "anchor", "expected"),
    [
        (1, date(2016, 3, 1), date(2016, 3, 1)),
        (0, date(2016, 3, 1), date(2016, 2, 29)),
        (4, date(2016, 3, 1), date(2016, 3, 4)),
        (5, date(2016, 3, 1), date(2016, 2, 27)),
        (6, date(2016, 3, 1), date(2016, 2, 28)),
    ],
)
def test_weekday_date(weekday: int, anchor: date, expected: date) -> None:
    assert weekday_date(weekday, anchor) == expected


@pytest.mark.parametrize("anchor", [date(1, 1, 1), date(9999, 12, 31)])
@pytest.mark.parametrize("text", ["yesterday", "tomorrow", "March 2", "Friday", "next year", "last month"])
def test_extreme_anchor_gives_a_date_or_none(text: str, anchor: date) -> None:
    value = parse_date(text, anchor)
    assert value is None or isinstance(value, PartialDate)


def test_scanners_answer_from_memory_until_the_next_article():
    from kg.normalize import memo

    calls: list[str] = []

    @memo.per_text
    def scan(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    first = scan("a b")
    first.append("edited by a caller")
    assert scan("a b") == ["a", "b"] and calls == ["a b"]
    memo.forget()
    assert scan("a b") == ["a", "b"] and calls == ["a b", "a b"]
    assert find_dates("on March 1, 2016") == find_dates("on March 1, 2016")
