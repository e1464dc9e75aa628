"""Extractor 'quantities': orbits, distance, volume and crewmate counts stated about a mission.

"completed 5,440 laps around the planet" -> orbits 5440; "logged 143.8 million miles" ->
distance 143,800,000 mi; "shared the place with 14 other humans" -> crewmates 14.
"""

from __future__ import annotations

import re

from kg.extractors.base import Context, Emitter
from kg.extractors.missions import Missions
from kg.normalize.numbers import parse_number
from kg.types import Concept, Ref, Statement

NAME = "quantities"
_NUM = r"(?P<num>(?:(?:nearly|almost|about|around|roughly|more than|over|some)\s+)?[\d,.]+(?:\s+(?:million|billion|thousand))?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b)"
_PATTERNS = [
    (
        re.compile(_NUM + r"\s+(?:laps|orbits|revolutions|trips)\s+(?:around|of)", re.I),
        "orbits",
        "NUM",
        ("laps", "orbits", "revolutions", "trips"),
    ),
    (re.compile(_NUM + r"\s+orbits\b", re.I), "orbits", "NUM", ("orbits",)),
    (
        re.compile(_NUM + r"\s+(?:miles|mi)\b(?!\s+(?:up|above|high|from|away|off))", re.I),
        "distance",
        "MI",
        ("miles", " mi"),
    ),
    (
        re.compile(_NUM + r"\s+(?:kilometers|kilometres|km)\b(?!\s+(?:up|above|high|from|away|off))", re.I),
        "distance",
        "KiloM",
        ("kilomet", "km"),
    ),
    (re.compile(_NUM + r"\s+(?:miles)\s+(?:up|above|high)\b", re.I), "altitude", "MI", ("miles",)),
    (re.compile(_NUM + r"\s+(?:gallons)\b", re.I), "volume", "GAL_US", ("gallons",)),
    (re.compile(_NUM + r"\s+(?:liters|litres)\b", re.I), "volume", "L", ("liters", "litres")),
    (
        re.compile(
            r"\bwith\s+"
            + _NUM
            + r"\s+(?:other|different|fellow)\s+(?:humans|people|crewmates|crew members|crewmembers|astronauts|space travelers)",
            re.I,
        ),
        "crewmates",
        "NUM",
        ("other", "different", "fellow"),
    ),
    (re.compile(_NUM + r"\s+spacewalks\b", re.I), "spacewalks", "NUM", ("spacewalks",)),
]  # fmt: skip  (each with the words one of its matches must contain: a pattern is only run where they are)


_KEYWORDS = re.compile(
    r"laps|orbits|revolutions|trips|miles|\bmi\b|kilomet|\bkm\b|gallons|liters|litres|humans|people|crew|astronauts|spacewalks|travelers",
    re.I,
)


def extract(ctx: Context, missions: Missions) -> list[Statement]:
    """Quantity statements attached to the mission of the sentence's person."""
    emit = Emitter(ctx, NAME)
    only = missions.infos[0].ref if len(missions.infos) == 1 else None
    for s in ctx.sentences:
        if not _KEYWORDS.search(s.text):
            continue
        people = ctx.people_in(s.index)
        mission = next((missions.of(p) for p in people if missions.of(p)), None) or (only if people else None)
        if mission is None:
            continue
        seen: set[tuple[int, int]] = set()
        lower = s.text.lower()
        for pattern, kind, unit, needles in _PATTERNS:
            if not any(n in lower for n in needles):
                continue
            for match in pattern.finditer(s.text):
                span = match.span("num")
                if any(a < span[1] and span[0] < b for a, b in seen):
                    continue
                number = parse_number(match.group("num"))
                if number is None:
                    continue
                seen.add(span)
                value = number.value
                q = Ref("quantity", (kind, mission, str(value)))
                emit(q, "type", Concept("class", "Quantity"), s.index, match.group(0))
                emit(q, "quantityKind", Concept("quantity-kind", kind), s.index, match.group(0))
                emit(q, "value", value, s.index, match.group(0))
                emit(q, "unit", Concept("unit", unit), s.index, match.group(0))
                if number.approximate:
                    emit(q, "approximate", True, s.index, match.group(0))
                emit(mission, "hasQuantity", q, s.index, match.group(0))
    return emit.statements
