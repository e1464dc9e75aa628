"""Tests for kg.normalize.numbers: cardinals, hedges and ordinals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.normalize.numbers import Number, parse_number, parse_ordinal


@pytest.mark.parametrize(
    ("text", "value", "approximate"),
    [
        ("5,440", "5440", False),
        ("143.8 million", "143800000", False),
        ("eight", "8", False),
        ("twenty-one", "21", False),
        ("Twenty-One.", "21", False),
        ("one hundred and five", "105", False),
        ("a dozen", "12", False),
        ("two dozen", "24", False),
        ("nearly 438", "438", True),
        ("3.5", "3.5", False),
        ("1.2 billion", "1200000000", False),
        ("two", "2", False),
        ("three", "3", False),
        ("1,000", "1000", False),
        ("more than 200", "200", True),
        ("14", "14", False),
        ("5.440", "5.44", False),
        ("almost 100", "100", True),
        ("about 40", "40", True),
        ("around 40", "40", True),
        ("over 200", "200", True),
        ("roughly 300", "300", True),
        ("some 340", "340", True),
        ("~40", "40", True),
        ("ten or so", "10", True),
        ("3½", "3.5", False),
        ("six-and-a-half", "6.5", False),
        ("a hundred", "100", False),
        ("a million", "1000000", False),
        ("nineteen hundred", "1900", False),
        ("one million two hundred thousand", "1200000", False),
        ("zero", "0", False),
        ("\u00a0twelve\u00a0", "12", False),
        ("\u201cseven\u201d", "7", False),
        ("-5", "-5", False),
    ],
)
def test_parse_number(text: str, value: str, approximate: bool) -> None:
    assert parse_number(text) == Number(Decimal(value), approximate)


def test_trailing_zeros_compare_equal_and_are_dropped() -> None:
    number = parse_number("5.440")
    assert number is not None and str(number.value) == "5.44"


@pytest.mark.parametrize(
    "text",
    [
        "a",
        "an",
        "first",
        "third",
        "",
        "   ",
        "Expedition",
        "Soyuz MS-22",
        "5 days",
        "twenty twenty",
        "one and two",
        "1,00",
        "nearly",
        "some",
        "several",
        "and",
        "hundred and",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_never_raises_on_non_strings() -> None:
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert parse_ordinal(42) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("first", 1),
        ("third", 3),
        ("21st", 21),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("11th", 11),
        ("Second", 2),
        ("twenty-first", 21),
        ("one hundred and fifth", 105),
        ("hundredth", 100),
        ("fifth.", 5),
    ],
)
def test_parse_ordinal(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


@pytest.mark.parametrize("text", ["21", "three", "a", "", "firsts", "twenty-twentieth"])
def test_parse_ordinal_rejects(text: str) -> None:
    assert parse_ordinal(text) is None
