"""Tests for kg.normalize.times: clock times, their zones, and aware datetimes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kg.normalize.times import ClockTime, TimeMatch, combine, find_times, parse_time, zone_table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11:27 p.m. EST", ClockTime(23, 27, "-05:00", "EST")),
        ("11:27 p.m. ET", ClockTime(23, 27, "America/New_York", "ET")),
        ("10:27 a.m. Kazakhstan time", ClockTime(10, 27, "Asia/Almaty", "Kazakhstan time")),
        ("2:40 a.m. EDT", ClockTime(2, 40, "-04:00", "EDT")),
        ("0627 GMT", ClockTime(6, 27, "+00:00", "GMT")),
        ("06:27 GMT", ClockTime(6, 27, "+00:00", "GMT")),
        ("6:27 UTC", ClockTime(6, 27, "+00:00", "UTC")),
        ("0627Z", ClockTime(6, 27, "+00:00", "Z")),
        ("9:30 p.m. Moscow time", ClockTime(21, 30, "Europe/Moscow", "Moscow time")),
        ("12:15 p.m. CDT", ClockTime(12, 15, "-05:00", "CDT")),
        ("noon", ClockTime(12, 0, None)),
        ("midnight", ClockTime(0, 0, None)),
        ("12 noon Eastern Time", ClockTime(12, 0, "America/New_York", "Eastern Time")),
        ("11 a.m. EST", ClockTime(11, 0, "-05:00", "EST")),
        ("11:27 pm", ClockTime(23, 27, None)),
        ("11:27 P.M.", ClockTime(23, 27, None)),
        ("11:27 PM", ClockTime(23, 27, None)),
        ("11:27 a.m", ClockTime(11, 27, None)),
        ("23:27", ClockTime(23, 27, None)),
        ("23:27:45 UTC", ClockTime(23, 27, "+00:00", "UTC")),
        ("3:17 p.m. Beijing time", ClockTime(15, 17, "Asia/Shanghai", "Beijing time")),
        ("10:57 p.m. PDT", ClockTime(22, 57, "-07:00", "PDT")),
        ("4:11 a.m. local time", ClockTime(4, 11, None, "local time")),
        ("12 a.m.", ClockTime(0, 0, None)),
        ("12 p.m.", ClockTime(12, 0, None)),
        ("5.30pm", ClockTime(17, 30, None)),
        ("5 p.m. UTC+6", ClockTime(17, 0, "+06:00", "UTC+6")),
        ("1:05 a.m. Baikonur time", ClockTime(1, 5, "Asia/Almaty", "Baikonur time")),
        ("8 a.m. Houston time", ClockTime(8, 0, "America/Chicago", "Houston time")),
        ("11:27\u00a0p.m.\u00a0EST", ClockTime(23, 27, "-05:00", "EST")),
    ],
)
def test_parse_time(text: str, expected: ClockTime) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Apollo 11",
        "Expedition 46",
        "Soyuz MS-22",
        "1.25 million",
        "5.30",
        "13 p.m.",
        "2016 hours",
        "",
        "the 11 amateurs",
    ],
)
def test_not_a_time(text: str) -> None:
    assert parse_time(text) is None


def test_sentence_final_pm_is_kept_whole() -> None:
    text = "He landed at 11:27 p.m."
    assert find_times(text) == [TimeMatch(13, 23, "11:27 p.m.", ClockTime(23, 27, None))]


def test_find_times_left_to_right() -> None:
    text = "Soyuz landed at 11:27 p.m. EST Tuesday (0427 GMT, 10:27 a.m. Kazakhstan time Wednesday)."
    found = find_times(text)
    assert [m.text for m in found] == ["11:27 p.m. EST", "0427 GMT", "10:27 a.m. Kazakhstan time"]
    assert [m.time.hour for m in found] == [23, 4, 10]
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("day", "clock", "expected"),
    [
        (date(2016, 3, 1), ClockTime(23, 27, "America/New_York", "ET"), timedelta(hours=-5)),
        (date(2016, 7, 1), ClockTime(23, 27, "America/New_York", "ET"), timedelta(hours=-4)),
        (date(2016, 7, 1), ClockTime(23, 27, "-05:00", "EST"), timedelta(hours=-5)),
        (date(2016, 3, 2), ClockTime(10, 27, "Asia/Almaty", "Kazakhstan time"), timedelta(hours=6)),
        (date(2016, 3, 2), ClockTime(4, 27, "+00:00", "GMT"), timedelta(0)),
        (date(2016, 3, 2), ClockTime(4, 27, "+05:30", "IST"), timedelta(hours=5, minutes=30)),
    ],
)
def test_combine_aware(day: date, clock: ClockTime, expected: timedelta) -> None:
    moment = combine(day, clock)
    assert (moment.date(), moment.hour, moment.minute) == (day, clock.hour, clock.minute)
    assert moment.utcoffset() == expected


def test_same_instant_in_three_zones() -> None:
    est = combine(date(2016, 3, 1), parse_time("11:27 p.m. EST"))  # type: ignore[arg-type]
    gmt = combine(date(2016, 3, 2), parse_time("0427 GMT"))  # type: ignore[arg-type]
    kaz = combine(date(2016, 3, 2), parse_time("10:27 a.m. Kazakhstan time"))  # type: ignore[arg-type]
    assert est == gmt == kaz == datetime(2016, 3, 2, 4, 27, tzinfo=timezone.utc)


@pytest.mark.parametrize("zone", [None, "Not/AZone"])
def test_combine_naive_when_zone_unknown(zone: str | None) -> None:
    assert combine(date(2016, 3, 1), ClockTime(4, 11, zone)) == datetime(2016, 3, 1, 4, 11)


def test_zone_table_covers_required_phrases() -> None:
    table = zone_table()
    for phrase in ["UTC", "GMT", "Z", "EST", "EDT", "ET", "CST", "CDT", "CT", "MST", "MDT", "MT", "PST",
                   "PDT", "PT", "BST", "CET", "CEST", "MSK", "JST", "IST"]:  # fmt: skip
        assert phrase in table
    for phrase in ["zulu", "eastern", "central", "pacific", "moscow time", "kazakhstan time", "baikonur time",
                   "almaty time", "beijing time", "china time", "japan time", "houston time", "florida time",
                   "cape canaveral time", "local time"]:  # fmt: skip
        assert phrase in table
    assert table["EST"] == "-05:00" and table["ET"] == "America/New_York" and table["local time"] is None


def test_every_zone_in_the_table_is_usable() -> None:
    for phrase, zone in zone_table().items():
        if zone is not None:
            assert combine(date(2016, 3, 1), ClockTime(12, 0, zone, phrase)).tzinfo is not None, phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4:00 UTC+5:30", ClockTime(4, 0, "+05:30", "UTC+5:30")),
        ("4:00 GMT-05:00", ClockTime(4, 0, "-05:00", "GMT-05:00")),
        ("4:00 GMT-48", ClockTime(4, 0, "+00:00", "GMT")),  # not an offset: the zone is GMT
    ],
)
def test_explicit_offsets(text: str, expected: ClockTime) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("5:47 a.m. Mauritius time", "Indian/Mauritius"),  # a country with one zone, from the tz database
        ("10:05 p.m. Lima time", "America/Lima"),  # a zone's own city
        ("9:42 p.m. ACST", "+09:30"),
        ("6:10 a.m. Moscow time", "Europe/Moscow"),  # the hand-kept table still wins
    ],
)
def test_place_times_from_the_tz_database(text: str, zone: str) -> None:
    found = parse_time(text)
    assert found is not None and found.zone == zone


def test_a_country_spanning_several_zones_names_no_zone() -> None:
    assert "australia time" not in zone_table() and "russia time" not in zone_table()
