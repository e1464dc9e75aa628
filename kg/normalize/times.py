"""Clock times as news text writes them: "11:27 p.m. EST", "0627 GMT", "10:27 a.m. Kazakhstan time",
"noon", "23:27".

Time-zone phrases live in ``data/timezones.tsv``; it is read, and the regex built from it
compiled, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from zoneinfo import ZoneInfo

from kg.normalize.memo import per_text

__all__ = ["ClockTime", "TimeMatch", "combine", "find_times", "iana_place_names", "parse_time", "zone_table"]


@dataclass(frozen=True)
class ClockTime:
    """A time of day and the zone the text gave for it.

    ``zone`` is an IANA name ("America/New_York"), a fixed offset ("-05:00"), or None
    when unstated or only "local time"; ``zone_text`` is the words that named the zone.
    """

    hour: int
    minute: int
    zone: str | None
    zone_text: str = ""


@dataclass(frozen=True)
class TimeMatch:
    """A clock time found in a text, with character offsets into that text."""

    start: int
    end: int
    text: str
    time: ClockTime


_OFFSET_RE = re.compile(r"([+-])(\d{2}):(\d{2})")
_ZONE_OFFSET = r"(?:UTC|GMT)\s?[+\-\u2212]\s?(?:1[0-4]|0?\d)(?::?[0-5]\d)?"  # "UTC+6", "GMT-05:00"
_ZONE_OFFSET_RE = re.compile(r"(?:UTC|GMT)\s?([+\-\u2212])\s?(\d{1,2})(?::?(\d{2}))?")
_AMPM = r"(?P<ap>[AaPp])(?:\.\s?[Mm](?:\.|(?!\w))|[Mm](?!\w))"
_NOT_AFTER = r"(?<![\d:.,])"


@cache
def zone_table() -> Mapping[str, str | None]:
    """Zone phrase -> zone (None for "local time"), read once from data/timezones.tsv.

    ALL-CAPS keys ("EST") are exact; other keys are lower-case ("moscow time").
    """
    table: dict[str, str | None] = {}
    text = resources.files("kg.normalize").joinpath("data/timezones.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("phrase\t"):
            continue
        phrase, _, zone = line.partition("\t")
        phrase, zone = " ".join(phrase.split()), zone.strip()
        key = phrase if phrase.isupper() else phrase.lower()
        table[key] = None if zone in ("", "-") else zone
    for place, zone in _iana_places().items():  # "Mauritius time", "Lima time": the tz database's own names
        table.setdefault(f"{place.lower()} time", zone)
    return MappingProxyType(table)


@cache
def iana_place_names() -> frozenset[str]:
    """Cities and one-zone countries the tz database names ('La Paz', 'Lima', 'Mauritius'): a
    name the model calls a person but that is one of these is a place."""
    return frozenset(_iana_places())


def _iana_places() -> dict[str, str]:
    """Place name -> IANA zone from the tz database's own tables (the ``tzdata`` package): each
    zone's city ("Asia/Tokyo" -> Tokyo) and each country that has exactly one zone
    ("Mauritius" -> Indian/Mauritius).  Countries spanning several zones are left out."""
    try:
        folder = resources.files("tzdata.zoneinfo")
        zones = folder.joinpath("zone.tab").read_text(encoding="utf-8")
        names = folder.joinpath("iso3166.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        return {}
    by_country: dict[str, list[str]] = {}
    places: dict[str, str] = {}
    for line in zones.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _, zone = line.split("\t")[:3]
        by_country.setdefault(code, []).append(zone)
        places[zone.rsplit("/", 1)[-1].replace("_", " ")] = zone
    for line in names.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _, name = line.partition("\t")
        if len(by_country.get(code, ())) == 1:
            places[name.strip()] = by_country[code][0]
    return places


def _zone_pattern() -> str:
    """Alternation of every zone phrase, longest first; mixed-case phrases ignore case."""
    parts = [_ZONE_OFFSET]
    for phrase in sorted(zone_table(), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        parts.append(body if phrase.isupper() else f"(?i:{body})")
    return rf"(?:\s*(?P<zone>{'|'.join(parts)})(?!\w))"


@cache
def _time_re() -> re.Pattern[str]:
    """One regex for every way of writing a time; inner groups are renamed ``<kind>_<name>``."""
    zone = _zone_pattern()
    kinds = {
        "hm": rf"{_NOT_AFTER}(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<m>[0-5]\d)(?::[0-5]\d)?(?!\d)"
        rf"(?:\s*{_AMPM})?{zone}?",
        "h": rf"{_NOT_AFTER}(?P<h>1[0-2]|0?[1-9])\s*{_AMPM}{zone}?",
        "hhmm": rf"{_NOT_AFTER}(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?!\d){zone}",
        "word": rf"\b(?P<h>12\s+)?(?P<w>(?i:noon|midday|midnight))\b{zone}?",
    }
    parts = []
    for kind, pattern in kinds.items():
        parts.append(f"(?P<{kind}>{pattern.replace('(?P<', f'(?P<{kind}_')})")
    return re.compile("(?=[0-9nNmM])(?:" + "|".join(parts) + ")")  # most positions fail at once


def _zone(zone_text: str) -> str | None:
    """The zone a phrase names: a fixed offset, an IANA name, or None."""
    m = _ZONE_OFFSET_RE.fullmatch(zone_text)
    if m is not None:
        sign = "-" if m.group(1) in ("-", "\u2212") else "+"
        return f"{sign}{int(m.group(2)):02d}:{m.group(3) or '00'}"
    key = " ".join(zone_text.split())
    table = zone_table()
    return table[key] if key in table else table.get(key.lower())


def _clock(m: re.Match[str]) -> ClockTime | None:
    """The ClockTime a regex match states, or None ("5.30" without a.m./p.m. is not a time)."""
    kind = m.lastgroup or ""

    def group(name: str) -> str | None:
        key = f"{kind}_{name}"
        return m.group(key) if key in m.re.groupindex else None

    zone_text = " ".join((group("zone") or "").split())
    zone = _zone(zone_text) if zone_text else None
    if kind == "word":
        hour = 0 if (group("w") or "").lower() == "midnight" else 12
        return ClockTime(hour, 0, zone, zone_text)
    hour, minute = int(group("h") or 0), int(group("m") or 0)
    ap = (group("ap") or "").lower()
    if group("sep") == "." and not ap:
        return None
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "p" else 0)
    return ClockTime(hour, minute, zone, zone_text)


@per_text
def find_times(text: str) -> list[TimeMatch]:
    """Every clock time in a text, left to right."""
    if not isinstance(text, str):
        return []
    return list(_times_in(text))


@lru_cache(maxsize=4096)
def _times_in(text: str) -> tuple[TimeMatch, ...]:
    """The extractors ask about the same sentence several times; the answer is kept."""
    found: list[TimeMatch] = []
    for m in _time_re().finditer(text):
        clock = _clock(m)
        if clock is not None:
            found.append(TimeMatch(m.start(), m.end(), m.group(), clock))
    return tuple(found)


def parse_time(text: str) -> ClockTime | None:
    """The first clock time a text states, or None."""
    found = find_times(text)
    return found[0].time if found else None


def _tzinfo(zone: str) -> tzinfo | None:
    """A tzinfo for a fixed offset or an IANA name; None when the name is unknown."""
    m = _OFFSET_RE.fullmatch(zone)
    try:
        if m is not None:
            delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
            return timezone(-delta if m.group(1) == "-" else delta)
        return ZoneInfo(zone)
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return None


def combine(day: date, t: ClockTime) -> datetime:
    """The moment a date and clock time name; aware when the zone is known, naive otherwise."""
    tz = _tzinfo(t.zone) if t.zone else None
    return datetime.combine(day, time(t.hour, t.minute), tzinfo=tz)
