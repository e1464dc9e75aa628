"""Score the extractor against the hand-annotated development set.

Usage (from the project root)::

    .venv/bin/python benchmarks/devset_eval.py [--devset devset] [--out docs/devset-results.md]

For every ``devset/articles/NNN_slug.*`` that has a ``devset/expected/NNN_slug.json``,
the script builds a graph of that one article with ``kg.build([path])``, runs the
``people``, ``missions``, ``crew``, ``events`` and ``records`` queries with
``kg.query``, and compares the answers with the expected facts.

Both sides are flattened into *atomic fact tuples* whose first element is the
fact type, for instance ``("role", "Shannon Lucid", "astronaut")`` or
``("mission_end", "Frank Rubio", "2023-09-27")``.  Missions are often unnamed,
so mission facts are keyed by crew member, and record facts by holder.
Predicted names are first mapped onto the article's expected names (normalised
full name, a unique surname, or a fuzzy ratio of at least 90); the remaining
components are compared leniently where the text allows more than one spelling
(nationality and agency aliases, times as instants, day counts within one day,
places by containment).  Each fact type is then scored with a one-to-one
matching, giving precision, recall and F1 per type and overall, and the report
lists every miss and false positive per article.

The functions below do not import ``kg``; only :func:`load_kg_api` does, so the
matching and scoring can be tested without the extractor.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
QUERY_NAMES = ("people", "missions", "crew", "events", "records")
FUZZY_NAME_RATIO = 90.0
FUZZY_LABEL_RATIO = 90.0
DAY_TOLERANCE = 1  # day counts may differ by one (hours rounded differently)
DATE_TOLERANCE_DAYS = 1  # a date may shift by one day between time zones
INSTANT_TOLERANCE_SECONDS = 60

Fact = tuple[Any, ...]

# --------------------------------------------------------------------------- #
# Fact types: what each component of a tuple is, so it can be compared.
# --------------------------------------------------------------------------- #

#: Component kinds after the fact type, per fact type.
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("name",),
    "role": ("name", "role"),
    "agency": ("name", "agency"),
    "nationality": ("name", "nationality"),
    "age": ("name", "int"),
    "crew": ("name",),
    "mission_name": ("name", "label"),
    "mission_spacecraft": ("name", "label"),
    "mission_start": ("name", "date"),
    "mission_end": ("name", "date"),
    "mission_duration": ("name", "days"),
    "event": ("event_type", "date"),
    "event_participant": ("event_type", "name"),
    "event_place": ("event_type", "place"),
    "event_time": ("event_type", "instant"),
    "event_vehicle": ("event_type", "label"),
    "record": ("name", "scope", "number"),
    "record_kind": ("name", "kind"),
    "record_unit": ("name", "unit"),
    "record_year": ("name", "int"),
    "record_prev": ("name", "name"),
    "record_prev_value": ("name", "number"),
}
FACT_TYPES: tuple[str, ...] = tuple(FACT_FIELDS)

#: Columns that may carry a record's kind; the query contract has none, so
#: ``record_kind`` is only scored when the records query returns one of them.
KIND_COLUMNS = ("kind", "recordKind", "record_kind")

# --------------------------------------------------------------------------- #
# Alias tables (kept small on purpose: extend when a real disagreement shows up).
# --------------------------------------------------------------------------- #

NATIONALITY_ALIASES: dict[str, tuple[str, ...]] = {
    "american": ("united states", "united states of america", "us", "u s", "usa", "u s a", "america"),
    "russian": ("russia", "russian federation"),
    "soviet": ("soviet union", "ussr", "u s s r"),
    "chinese": ("china", "people s republic of china", "prc"),
    "italian": ("italy",),
    "canadian": ("canada",),
    "french": ("france",),
    "german": ("germany",),
    "japanese": ("japan",),
    "danish": ("denmark", "dane"),
    "belgian": ("belgium",),
    "kazakh": ("kazakhstan", "kazakhstani"),
    "british": ("united kingdom", "uk", "u k", "britain", "great britain", "english"),
    "dutch": ("netherlands", "the netherlands"),
    "swedish": ("sweden", "swede"),
    "norwegian": ("norway",),
    "finnish": ("finland", "finn"),
    "chilean": ("chile",),
    "new zealander": ("new zealand", "kiwi"),
    "slovak": ("slovakia",),
    "emirati": ("united arab emirates", "uae"),
    "indian": ("india",),
    "israeli": ("israel",),
    "saudi": ("saudi arabia", "saudi arabian"),
}

AGENCY_ALIASES: dict[str, tuple[str, ...]] = {
    "nasa": ("national aeronautics and space administration",),
    "roscosmos": (
        "roskosmos",
        "russian space agency",
        "russian federal space agency",
        "state space corporation roscosmos",
        "russian space corporation roscosmos",
    ),
    "esa": ("european space agency",),
    "csa": ("canadian space agency", "asc", "agence spatiale canadienne"),
    "jaxa": ("japan aerospace exploration agency",),
    "cnsa": ("china national space administration",),
    "cmsa": ("china manned space agency", "china manned space engineering office"),
    "cnes": ("centre national d etudes spatiales", "french space agency"),
    "spacex": ("space exploration technologies",),
    "isro": ("indian space research organisation", "indian space research organization"),
}

SCOPE_ALIASES: dict[str, tuple[str, ...]] = {
    "world": ("global", "worldwide", "all time", "international", "everyone", "any"),
    "us": ("united states", "usa", "u s", "american", "americans", "america", "u s astronauts"),
    "nasa": ("nasa astronauts", "national aeronautics and space administration"),
    "russia": ("russian", "russians", "russian federation", "soviet russian"),
    "china": ("chinese",),
    "europe": ("european", "europeans", "esa"),
    "japan": ("japanese", "jaxa"),
    "canada": ("canadian", "canadians", "csa"),
    "women": ("woman", "female", "women s", "females"),
}

UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    "day": ("days", "d", "da"),
    "hour": ("hours", "h", "hr", "hrs"),
    "minute": ("minutes", "min"),
    "year": ("years", "yr", "a"),
}

ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "space_tourist": ("spaceflight_participant", "tourist", "private_astronaut"),
    "flight_engineer": ("engineer_flight",),
    "commander": ("station_commander", "mission_commander", "spacecraft_commander"),
    "crew_member": ("crewmember", "crew"),
}

EVENT_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "launch": ("liftoff", "lift_off", "takeoff"),
    "landing": ("touchdown",),
    "splashdown": ("splash_down", "water_landing"),
    "handover": ("change_of_command", "command_handover", "hand_over"),
    "spacewalk": ("eva", "extravehicular_activity", "space_walk"),
    "press_conference": ("news_conference", "briefing", "press_briefing"),
}

LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    "international space station": ("iss", "the international space station", "space station"),
    "kennedy space center": ("ksc", "nasa s kennedy space center"),
    "baikonur cosmodrome": ("baikonur",),
}

NAME_TITLES = frozenset(
    {
        "dr",
        "mr",
        "mrs",
        "ms",
        "col",
        "colonel",
        "lt",
        "lieutenant",
        "gen",
        "general",
        "cmdr",
        "commander",
        "capt",
        "captain",
        "maj",
        "major",
        "sgt",
        "jr",
        "sr",
        "ii",
        "iii",
        "astronaut",
        "cosmonaut",
        "taikonaut",
        "prof",
        "professor",
        "sir",
    }
)

_TRANSLITERATE = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "œ": "oe",
        "Œ": "OE",
        "’": "'",
        "‘": "'",
    }
)


def _invert(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    inverse: dict[str, str] = {}
    for canonical, aliases in table.items():
        inverse[canonical] = canonical
        for alias in aliases:
            inverse[alias] = canonical
    return inverse


_NATIONALITY = _invert(NATIONALITY_ALIASES)
_AGENCY = _invert(AGENCY_ALIASES)
_SCOPE = _invert(SCOPE_ALIASES)
_UNIT = _invert(UNIT_ALIASES)
_ROLE = _invert(ROLE_ALIASES)
_EVENT_TYPE = _invert(EVENT_TYPE_ALIASES)
_LABEL = _invert(LABEL_ALIASES)

# --------------------------------------------------------------------------- #
# Normalisation of single values
# --------------------------------------------------------------------------- #


def plain_value(value: object) -> object:
    """Turn an rdflib term or a query value into a plain Python value (None stays None)."""
    if value is None:
        return None
    to_python = getattr(value, "toPython", None)
    if callable(to_python):
        converted = to_python()
        # Literals of datatypes rdflib does not convert come back as themselves.
        value = str(converted) if converted is value else converted
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def is_iri(value: object) -> bool:
    """True for an absolute http(s) or urn IRI given as text."""
    return isinstance(value, str) and re.match(r"^(https?://|urn:)\S+$", value) is not None


def iri_tail(value: str) -> str:
    """The local name of an IRI: after the last '#', '/' or ':'."""
    return re.split(r"[#/:]", value.rstrip("/#"))[-1]


def ascii_fold(text: str) -> str:
    """Lowercase, strip accents and fold a few letters NFKD does not decompose."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def normalize_label(value: object) -> str:
    """Lowercase ASCII words separated by single spaces; punctuation becomes a space."""
    if value is None:
        return ""
    text = str(value)
    if is_iri(text):
        text = split_camel(iri_tail(text)).replace("_", " ")
    text = ascii_fold(text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def split_camel(text: str) -> str:
    """'PressConference' -> 'Press_Conference' (other text unchanged)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text)


def normalize_key(value: object) -> str:
    """Snake-case key for closed vocabularies: IRIs, labels and camelCase all agree."""
    if value is None:
        return ""
    text = str(value)
    if is_iri(text):
        text = iri_tail(text)
    text = split_camel(text)
    return "_".join(normalize_label(text).split())


def normalize_name(value: object) -> str:
    """A person's name for comparison: folded, without titles, hyphens as spaces."""
    words = [w for w in normalize_label(value).split() if w not in NAME_TITLES]
    return " ".join(words)


def canonical_from(table: Mapping[str, str], value: object) -> str:
    """Map a label through an alias table; unknown labels keep their normal form."""
    label = normalize_label(value)
    return table.get(label, label)


def canonical_key_from(table: Mapping[str, str], value: object) -> str:
    """Map a snake-case key through an alias table (roles, event types)."""
    key = normalize_key(value)
    return table.get(key, key)


def to_number(value: object) -> float | None:
    """A number from int, float, Decimal or numeric text; None when not numeric."""
    value = plain_value(value)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    text = str(value).replace(",", "").strip()
    try:
        return float(Decimal(text))
    except (InvalidOperation, ValueError):
        return None


def to_int(value: object) -> int | None:
    """An integer (years, ages) from a number or text; dates give their year."""
    value = plain_value(value)
    if isinstance(value, (date, datetime)):
        return value.year
    number = to_number(value)
    if number is not None:
        return round(number)
    match = re.match(r"^(\d{4})(?:-\d\d){0,2}$", str(value or ""))
    return int(match.group(1)) if match else None


def iso_date(value: object) -> str | None:
    """ISO text at its stated precision: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    value = plain_value(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return f"{value:04d}"
    text = str(value).strip()
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not match:
        return text
    return "-".join(part for part in match.groups() if part)


def parse_instant(value: object) -> datetime | None:
    """A datetime from a datetime or ISO text ('Z' allowed); naive when no zone is given."""
    value = plain_value(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    text = str(value).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


# --------------------------------------------------------------------------- #
# Comparing single components
# --------------------------------------------------------------------------- #


def numbers_match(expected: object, predicted: object, tolerance: float | None = None) -> bool:
    """Numeric equality with tolerance: ±1 for counts of 20 or more, else 5 %."""
    a, b = to_number(expected), to_number(predicted)
    if a is None or b is None:
        return a is None and b is None and expected == predicted
    if tolerance is None:
        tolerance = 1.0 if max(abs(a), abs(b)) >= 20 else 0.05 * max(abs(a), abs(b))
    return abs(a - b) <= tolerance + 1e-9


def dates_match(expected: object, predicted: object) -> bool:
    """Same ISO date at the same precision; full dates may differ by one day (time zones)."""
    a, b = iso_date(expected), iso_date(predicted)
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    if len(a) == len(b) == 10:
        try:
            delta = abs(date.fromisoformat(a) - date.fromisoformat(b))
        except ValueError:
            return False
        return delta <= timedelta(days=DATE_TOLERANCE_DAYS)
    return False


def instants_match(expected: object, predicted: object) -> bool:
    """Two zoned times denote the same instant (within a minute); naive never matches zoned."""
    a, b = parse_instant(expected), parse_instant(predicted)
    if a is None or b is None:
        return False
    if (a.tzinfo is None) != (b.tzinfo is None):
        return False
    return abs((a - b).total_seconds()) <= INSTANT_TOLERANCE_SECONDS


def labels_match(expected: object, predicted: object, aliases: Mapping[str, str] = _LABEL) -> bool:
    """Place or craft labels: equal, aliased, one containing the other, or fuzzy ratio ≥ 90."""
    a, b = canonical_from(aliases, expected), canonical_from(aliases, predicted)
    if not a or not b:
        return a == b
    if a == b:
        return True
    if re.findall(r"\d+", a) != re.findall(r"\d+", b) and re.search(r"\d", a) and re.search(r"\d", b):
        return False  # "Soyuz MS-22" is not "Soyuz MS-23", however alike they look
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 3 and re.search(rf"(^| ){re.escape(shorter)}( |$)", longer):
        return True
    return fuzz.ratio(a, b) >= FUZZY_LABEL_RATIO


def agencies_match(expected: object, predicted: object) -> bool:
    """Agency labels through the alias table, then as ordinary labels."""
    a, b = canonical_from(_AGENCY, expected), canonical_from(_AGENCY, predicted)
    return a == b or labels_match(a, b, {}) or _spells(expected, predicted) or _spells(predicted, expected)


_NOT_INITIALS = {"of", "the", "and", "for"}


def _spells(short: object, full: object) -> bool:
    """'TPOC' is the 'Trans-Pacific Orbital Consortium': capitals that spell a name's initials
    (articles define such short names in brackets; the graph labels the agency in full)."""
    if not isinstance(short, str) or not isinstance(full, str) or not short.isupper() or not 2 <= len(short) <= 8:
        return False
    words = [w for w in re.split(r"[\s\-]+", full) if w and w.lower() not in _NOT_INITIALS]
    return len(words) == len(short) and all(w[0].upper() == c for w, c in zip(words, short))


def nationalities_match(expected: object, predicted: object) -> bool:
    """'American', 'United States' and 'US' are one nationality; then fuzzy labels."""
    a, b = canonical_from(_NATIONALITY, expected), canonical_from(_NATIONALITY, predicted)
    return a == b or (bool(a) and bool(b) and fuzz.ratio(a, b) >= FUZZY_LABEL_RATIO)


def component_match(kind: str, expected: object, predicted: object) -> bool:
    """Compare one component of a fact tuple according to its kind."""
    if kind == "name":
        return normalize_name(expected) == normalize_name(predicted)
    if kind == "role":
        return canonical_key_from(_ROLE, expected) == canonical_key_from(_ROLE, predicted)
    if kind == "event_type":
        return canonical_key_from(_EVENT_TYPE, expected) == canonical_key_from(_EVENT_TYPE, predicted)
    if kind == "kind":
        return normalize_key(expected) == normalize_key(predicted)
    if kind == "scope":
        return canonical_from(_SCOPE, expected) == canonical_from(_SCOPE, predicted)
    if kind == "unit":
        return canonical_from(_UNIT, expected) == canonical_from(_UNIT, predicted)
    if kind == "agency":
        return agencies_match(expected, predicted)
    if kind == "nationality":
        return nationalities_match(expected, predicted)
    if kind == "int":
        return to_int(expected) is not None and to_int(expected) == to_int(predicted)
    if kind == "days":
        return numbers_match(expected, predicted, DAY_TOLERANCE)
    if kind == "number":
        return numbers_match(expected, predicted)
    if kind == "date":
        return dates_match(expected, predicted)
    if kind == "instant":
        return instants_match(expected, predicted)
    if kind in ("place", "label"):
        return labels_match(expected, predicted)
    raise ValueError(f"unknown component kind {kind!r}")


def facts_match(expected: Fact, predicted: Fact) -> bool:
    """True when two tuples have the same type and every component matches."""
    if expected[0] != predicted[0] or len(expected) != len(predicted):
        return False
    kinds = FACT_FIELDS[expected[0]]
    return all(component_match(k, e, p) for k, e, p in zip(kinds, expected[1:], predicted[1:], strict=True))


# --------------------------------------------------------------------------- #
# Names: map predicted names onto the article's expected people
# --------------------------------------------------------------------------- #


def _first_names_compatible(a: str, b: str) -> bool:
    """'S' ~ 'Scott', 'Sergei' ~ 'Sergey', 'Pyotr' ~ 'Petr'; 'Mark' !~ 'Scott'."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return fuzz.ratio(a, b) >= 60


def _surname_candidates(predicted: str, known: Sequence[str]) -> list[str]:
    p = predicted.split()
    found = []
    for name in known:
        e = normalize_name(name).split()
        if not p or not e:
            continue
        surname_only = len(p) < len(e) and e[-len(p) :] == p  # "Koch", "Vande Hei"
        family_name_first = len(p) == 1 and p[0] in e  # "Yang" for "Yang Liwei"
        same_surname = len(p) >= 2 and len(e) >= 2 and p[-1] == e[-1] and _first_names_compatible(p[0], e[0])
        if surname_only or family_name_first or same_surname:
            found.append(name)
    return found


def match_name(predicted: object, known: Sequence[str]) -> str | None:
    """The expected name a predicted name refers to, or None.

    Tried in order: normalised full name; a surname (or family name) that only one
    expected person has; the single best fuzzy ratio of at least 90.
    """
    norm = normalize_name(predicted)
    if not norm:
        return None
    for name in known:
        if normalize_name(name) == norm:
            return name
    candidates = list(dict.fromkeys(_surname_candidates(norm, known)))
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(((fuzz.ratio(norm, normalize_name(n)), n) for n in known), reverse=True)
    if scored and scored[0][0] >= FUZZY_NAME_RATIO and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def canonical_name(predicted: object, known: Sequence[str]) -> str:
    """The matching expected name, else the predicted name as given (for the report)."""
    matched = match_name(predicted, known)
    return matched if matched is not None else str(predicted)


# --------------------------------------------------------------------------- #
# Intermediate records shared by the expected and the predicted side
# --------------------------------------------------------------------------- #


@dataclass
class PersonFacts:
    name: str
    roles: list[str] = field(default_factory=list)
    agencies: list[object] = field(default_factory=list)
    nationalities: list[object] = field(default_factory=list)
    ages: list[object] = field(default_factory=list)


@dataclass
class MissionFacts:
    name: object
    crew: list[str] = field(default_factory=list)
    spacecraft: list[object] = field(default_factory=list)
    start: object = None
    end: object = None
    duration_days: object = None


@dataclass
class EventFacts:
    type: object
    date: object = None
    time: object = None
    places: list[object] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    vehicles: list[object] = field(default_factory=list)


@dataclass
class RecordFacts:
    holder: object
    scope: object = None
    kind: object = None
    value: object = None
    unit: object = None
    year: object = None
    previous_holder: object = None
    previous_value: object = None


@dataclass
class ArticleFacts:
    people: list[PersonFacts] = field(default_factory=list)
    missions: list[MissionFacts] = field(default_factory=list)
    events: list[EventFacts] = field(default_factory=list)
    records: list[RecordFacts] = field(default_factory=list)


def _present(value: object) -> bool:
    return plain_value(value) is not None


def person_facts(person: PersonFacts) -> list[Fact]:
    """('person', n), ('role', n, r), ('agency', n, a), ('nationality', n, x), ('age', n, y)."""
    n = person.name
    facts: list[Fact] = [("person", n)]
    facts += [("role", n, plain_value(r)) for r in person.roles if _present(r)]
    facts += [("agency", n, plain_value(a)) for a in person.agencies if _present(a)]
    facts += [("nationality", n, plain_value(x)) for x in person.nationalities if _present(x)]
    facts += [("age", n, plain_value(a)) for a in person.ages if _present(a)]
    return facts


def names_its_vehicle(mission: MissionFacts) -> bool:
    """True when the mission's name is just one of its spacecraft ("Soyuz MS-22", "Shenzhou 5").

    Such a name says nothing the spacecraft fact does not, and whether a text's
    "Soyuz MS-22" names the flight or the capsule is a matter of taste, so it is
    scored once, as a spacecraft, on both sides.
    """
    name = canonical_from(_LABEL, plain_value(mission.name))
    return bool(name) and any(canonical_from(_LABEL, plain_value(c)) == name for c in mission.spacecraft)


def mission_facts(mission: MissionFacts) -> list[Fact]:
    """Mission facts keyed by each crew member (missions are often unnamed)."""
    facts: list[Fact] = []
    for member in mission.crew:
        facts.append(("crew", member))
        if _present(mission.name) and not names_its_vehicle(mission):
            facts.append(("mission_name", member, plain_value(mission.name)))
        facts += [("mission_spacecraft", member, plain_value(c)) for c in mission.spacecraft if _present(c)]
        if _present(mission.start):
            facts.append(("mission_start", member, iso_date(mission.start)))
        if _present(mission.end):
            facts.append(("mission_end", member, iso_date(mission.end)))
        if _present(mission.duration_days):
            facts.append(("mission_duration", member, plain_value(mission.duration_days)))
    return facts


def event_facts(event: EventFacts) -> list[Fact]:
    """('event', type, date-or-None) plus participants, places, time and vehicles by type."""
    kind = canonical_key_from(_EVENT_TYPE, event.type)
    facts: list[Fact] = [("event", kind, iso_date(event.date))]
    facts += [("event_participant", kind, p) for p in event.participants]
    facts += [("event_place", kind, plain_value(p)) for p in event.places if _present(p)]
    if _present(event.time):
        facts.append(("event_time", kind, plain_value(event.time)))
    facts += [("event_vehicle", kind, plain_value(v)) for v in event.vehicles if _present(v)]
    return facts


def record_facts(record: RecordFacts) -> list[Fact]:
    """Record facts keyed by holder: value with scope, kind, unit, year, what it beat."""
    h = record.holder
    facts: list[Fact] = []
    if _present(record.value):
        facts.append(("record", h, plain_value(record.scope), plain_value(record.value)))
    if _present(record.kind):
        facts.append(("record_kind", h, plain_value(record.kind)))
    if _present(record.unit):
        facts.append(("record_unit", h, plain_value(record.unit)))
    if _present(record.year):
        facts.append(("record_year", h, plain_value(record.year)))
    if _present(record.previous_holder):
        facts.append(("record_prev", h, plain_value(record.previous_holder)))
    if _present(record.previous_value):
        facts.append(("record_prev_value", h, plain_value(record.previous_value)))
    return facts


def article_facts(article: ArticleFacts) -> list[Fact]:
    """All atomic facts of one article, without duplicates (order kept)."""
    facts: list[Fact] = []
    for person in article.people:
        facts += person_facts(person)
    for mission in article.missions:
        facts += mission_facts(mission)
    for event in article.events:
        facts += event_facts(event)
    for record in article.records:
        facts += record_facts(record)
    return dedupe(facts)


def dedupe(facts: Iterable[Fact]) -> list[Fact]:
    """Drop exact duplicates, keeping the first occurrence."""
    return list(dict.fromkeys(facts))


# --------------------------------------------------------------------------- #
# Expected side: devset/expected/*.json
# --------------------------------------------------------------------------- #


def expected_from_json(data: Mapping[str, Any]) -> ArticleFacts:
    """Read one expected-facts document (see devset/README.md for the schema)."""
    people = [
        PersonFacts(
            name=p["name"],
            roles=list(p.get("roles") or []),
            agencies=[p.get("agency")],
            nationalities=[p.get("nationality")],
            ages=[p.get("age")],
        )
        for p in data.get("people", [])
    ]
    missions = [
        MissionFacts(
            name=m.get("name"),
            crew=list(m.get("crew") or []),
            spacecraft=list(m.get("spacecraft") or []),
            start=m.get("start"),
            end=m.get("end"),
            duration_days=m.get("durationDays"),
        )
        for m in data.get("missions", [])
    ]
    events = [
        EventFacts(
            type=e["type"],
            date=e.get("date"),
            time=e.get("time"),
            places=[e.get("place")],
            participants=list(e.get("participants") or []),
            vehicles=[e.get("vehicle")],
        )
        for e in data.get("events", [])
    ]
    records = [
        RecordFacts(
            holder=r["holder"],
            scope=r.get("scope"),
            kind=r.get("kind"),
            value=r.get("value"),
            unit=r.get("unit"),
            year=r.get("year"),
            previous_holder=r.get("previousHolder"),
            previous_value=r.get("previousValue"),
        )
        for r in data.get("records", [])
    ]
    return ArticleFacts(people, missions, events, records)


# --------------------------------------------------------------------------- #
# Predicted side: the five query tables
# --------------------------------------------------------------------------- #


@dataclass
class Table:
    """A query answer reduced to what the evaluator needs."""

    variables: list[str]
    rows: list[dict[str, object]]


def as_table(result: object) -> Table:
    """Accept a kg QueryResult (``.variables``, ``.rows``) or a plain mapping of the same."""
    if isinstance(result, Table):
        return result
    if isinstance(result, Mapping):
        variables, rows = result.get("variables", []), result.get("rows", [])
    else:
        variables, rows = getattr(result, "variables", []), getattr(result, "rows", [])
    variables = [str(v).lstrip("?") for v in variables]
    clean_rows = [{str(k).lstrip("?"): plain_value(v) for k, v in dict(row).items()} for row in rows]
    return Table(variables, clean_rows)


def _group(rows: Iterable[Mapping[str, object]], key: str, fallback: str | None = None) -> dict[object, list]:
    groups: dict[object, list] = {}
    for index, row in enumerate(rows):
        ident = row.get(key)
        if ident is None and fallback is not None:
            ident = row.get(fallback)
        groups.setdefault(ident if ident is not None else ("row", index), []).append(row)
    return groups


def _values(rows: Iterable[Mapping[str, object]], column: str) -> list[object]:
    return list(dict.fromkeys(r.get(column) for r in rows if r.get(column) is not None))


def _first(rows: Iterable[Mapping[str, object]], column: str) -> object:
    values = _values(rows, column)
    return values[0] if values else None


def label_index(tables: Mapping[str, Table]) -> dict[str, str]:
    """IRI -> readable name, from the people and crew answers (for holders, participants)."""
    index: dict[str, str] = {}
    for row in tables.get("people", Table([], [])).rows:
        if row.get("person") is not None and row.get("name") is not None:
            index.setdefault(str(row["person"]), str(row["name"]))
    for row in tables.get("crew", Table([], [])).rows:
        if row.get("person") is not None and row.get("personName") is not None:
            index.setdefault(str(row["person"]), str(row["personName"]))
    return index


def readable(value: object, index: Mapping[str, str]) -> object:
    """A person-valued cell as a name: looked up when it is an IRI, else as given."""
    if value is None:
        return None
    text = str(value)
    if text in index:
        return index[text]
    if is_iri(text):
        return split_camel(iri_tail(text)).replace("_", " ").replace("-", " ")
    return value


def predicted_from_tables(tables: Mapping[str, Table]) -> ArticleFacts:
    """Rebuild people, missions, events and records from the five query answers."""
    index = label_index(tables)
    empty = Table([], [])
    people = []
    for ident, rows in _group(tables.get("people", empty).rows, "person", "name").items():
        name = _first(rows, "name") or readable(ident, index)
        people.append(
            PersonFacts(
                name=str(name),
                roles=_values(rows, "role"),
                agencies=_values(rows, "agency"),
                nationalities=_values(rows, "nationality"),
                ages=_values(rows, "age"),
            )
        )
    crew_by_mission: dict[object, list] = _group(tables.get("crew", empty).rows, "mission", "missionName")
    mission_rows = _group(tables.get("missions", empty).rows, "mission", "name")
    missions = []
    for ident in list(dict.fromkeys([*crew_by_mission, *mission_rows])):
        crew_rows, rows = crew_by_mission.get(ident, []), mission_rows.get(ident, [])
        crew = [
            str(readable(r.get("personName") or r.get("person"), index))
            for r in crew_rows
            if (r.get("personName") or r.get("person")) is not None
        ]
        missions.append(
            MissionFacts(
                name=_first(rows, "name"),  # missions.rq names only named flights
                crew=list(dict.fromkeys(crew)),
                spacecraft=_values(rows, "spacecraft"),
                start=_first(rows, "start"),
                end=_first(rows, "end"),
                duration_days=_first(rows, "durationDays"),
            )
        )
    events = [
        EventFacts(
            type=_first(rows, "type"),
            date=_first(rows, "date"),
            time=_first(rows, "time"),
            places=_values(rows, "place"),
            participants=[str(readable(p, index)) for p in _values(rows, "participant")],
            vehicles=_values(rows, "vehicle"),
        )
        for rows in _group(tables.get("events", empty).rows, "event").values()
    ]
    records_table = tables.get("records", empty)
    kind_column = next((c for c in KIND_COLUMNS if c in records_table.variables), None)
    records = [
        RecordFacts(
            holder=readable(holder, index),
            scope=_first(rows, "scope"),
            kind=_first(rows, kind_column) if kind_column else None,
            value=_first(rows, "value"),
            unit=_first(rows, "unit"),
            year=_first(rows, "year"),
            previous_holder=readable(_first(rows, "previousHolder"), index),
            previous_value=_first(rows, "previousValue"),
        )
        for rows in _group(records_table.rows, "record").values()
        for holder in _holders(rows)  # a crew's record is each member's
    ]
    return ArticleFacts(people, missions, events, records)


def _holders(rows: list[dict]) -> list:
    """The distinct holders of one record, in row order (at least one, possibly None)."""
    return _values(rows, "holder") or [None]


def skipped_fact_types(tables: Mapping[str, Table]) -> set[str]:
    """Fact types the answers cannot express (a column outside the contract is absent)."""
    records = tables.get("records")
    if records is None or not any(c in records.variables for c in KIND_COLUMNS):
        return {"record_kind"}
    return set()


def canonicalize(facts: Iterable[Fact], known: Sequence[str]) -> list[Fact]:
    """Replace every name component of predicted facts by the expected name it matches."""
    out: list[Fact] = []
    for fact in facts:
        kinds = FACT_FIELDS[fact[0]]
        parts = [
            canonical_name(v, known) if k == "name" and v is not None else v
            for k, v in zip(kinds, fact[1:], strict=True)
        ]
        out.append((fact[0], *parts))
    return dedupe(out)


# --------------------------------------------------------------------------- #
# Matching and scoring
# --------------------------------------------------------------------------- #


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Comparison:
    """One fact type in one article: what matched, what was missed, what was invented."""

    matched: list[tuple[Fact, Fact]] = field(default_factory=list)
    missed: list[Fact] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return Counts(len(self.matched), len(self.false_positives), len(self.missed))


def match_facts(
    expected: Sequence[Fact],
    predicted: Sequence[Fact],
    same: Callable[[Fact, Fact], bool] = facts_match,
) -> Comparison:
    """Maximum one-to-one matching (augmenting paths) between expected and predicted facts."""
    options = [[j for j, p in enumerate(predicted) if same(e, p)] for e in expected]
    owner: dict[int, int] = {}  # predicted index -> expected index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    taken = {i: j for j, i in owner.items()}
    return Comparison(
        matched=[(expected[i], predicted[j]) for i, j in sorted(taken.items())],
        missed=[e for i, e in enumerate(expected) if i not in taken],
        false_positives=[p for j, p in enumerate(predicted) if j not in owner],
    )


def compare_facts(
    expected: Sequence[Fact], predicted: Sequence[Fact], skip: Iterable[str] = ()
) -> dict[str, Comparison]:
    """Per fact type comparison; types in ``skip`` are left out on both sides."""
    skipped = set(skip)
    result: dict[str, Comparison] = {}
    for fact_type in FACT_TYPES:
        if fact_type in skipped:
            continue
        exp = [f for f in expected if f[0] == fact_type]
        pred = [f for f in predicted if f[0] == fact_type]
        result[fact_type] = match_facts(exp, pred)
    return result


def total_counts(comparisons: Mapping[str, Comparison]) -> Counts:
    """Micro-averaged counts over all fact types."""
    total = Counts()
    for comparison in comparisons.values():
        total.add(comparison.counts)
    return total


# --------------------------------------------------------------------------- #
# Running over the development set
# --------------------------------------------------------------------------- #


class EvalSetupError(RuntimeError):
    """The evaluator cannot run at all (no kg API, no development set)."""


@dataclass
class KgApi:
    build: Callable[[list[str]], Any]
    query: Callable[[Any, str], Any]


@dataclass
class ArticleResult:
    article: str
    comparisons: dict[str, Comparison]
    skipped: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return total_counts(self.comparisons)


def load_kg_api() -> KgApi:
    """Import ``kg`` and check that ``kg.build`` and ``kg.query`` exist."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        import kg  # imported late on purpose: the tests do not need it
    except ImportError as exc:
        raise EvalSetupError(
            f"cannot import the kg package ({exc}); run this script with the project's "
            "interpreter from the project root, e.g. .venv/bin/python benchmarks/devset_eval.py"
        ) from exc
    missing = [name for name in ("build", "query") if not callable(getattr(kg, name, None))]
    if missing:
        names = " and ".join(f"kg.{name}" for name in missing)
        raise EvalSetupError(
            f"{names} {'is' if len(missing) == 1 else 'are'} not available yet. The evaluator needs "
            "kg.build([path]) -> BuildResult (with .dataset and .warnings) and "
            "kg.query(dataset, name) -> QueryResult (with .variables and .rows); "
            "it cannot score anything until the extractor provides them."
        )
    return KgApi(build=kg.build, query=kg.query)


def find_pairs(devset: Path) -> list[tuple[Path, Path]]:
    """(article, expected JSON) pairs, in file-name order; every JSON must have its article."""
    articles_dir, expected_dir = devset / "articles", devset / "expected"
    if not expected_dir.is_dir() or not articles_dir.is_dir():
        raise EvalSetupError(f"{devset} must contain articles/ and expected/ directories")
    pairs = []
    for expected_path in sorted(expected_dir.glob("*.json")):
        data = json.loads(expected_path.read_text(encoding="utf-8"))
        article = articles_dir / data.get("article", "")
        if not article.is_file():
            candidates = [articles_dir / (expected_path.stem + s) for s in ARTICLE_SUFFIXES]
            article = next((c for c in candidates if c.is_file()), article)
        if not article.is_file():
            raise EvalSetupError(f"{expected_path}: article {data.get('article')!r} not found")
        pairs.append((article, expected_path))
    if not pairs:
        raise EvalSetupError(f"no expected facts found in {expected_dir}")
    return pairs


def run_queries(api: KgApi, dataset: object) -> tuple[dict[str, Table], list[str]]:
    """Run the five contract queries; a failing query gives an empty table and an error."""
    tables: dict[str, Table] = {}
    errors: list[str] = []
    for name in QUERY_NAMES:
        try:
            tables[name] = as_table(api.query(dataset, name))
        except Exception as exc:  # report it and go on with the other queries
            errors.append(f"query {name!r} failed: {type(exc).__name__}: {exc}")
            tables[name] = Table([], [])
    return tables, errors


def evaluate_article(api: KgApi, article: Path, expected_data: Mapping[str, Any]) -> ArticleResult:
    """Build one article's graph, query it and compare with its expected facts."""
    expected = expected_from_json(expected_data)
    expected_facts = article_facts(expected)
    known = [p.name for p in expected.people]
    errors: list[str] = []
    warnings: list[str] = []
    tables: dict[str, Table] = {}
    try:
        result = api.build([str(article)])
        warnings = [str(w) for w in getattr(result, "warnings", []) or []]
        tables, errors = run_queries(api, result.dataset)
    except Exception as exc:  # one broken article must not stop the run
        errors.append(f"build failed: {type(exc).__name__}: {exc}")
    predicted = canonicalize(article_facts(predicted_from_tables(tables)), known)
    skipped = skipped_fact_types(tables)
    return ArticleResult(
        article=article.name,
        comparisons=compare_facts(expected_facts, predicted, skipped),
        skipped=skipped,
        errors=errors,
        warnings=warnings,
    )


def evaluate_devset(api: KgApi, devset: Path, only: str | None = None) -> list[ArticleResult]:
    """Evaluate every article of the development set (optionally those whose name contains ``only``)."""
    results = []
    for article, expected_path in find_pairs(devset):
        if only and only not in article.name:
            continue
        data = json.loads(expected_path.read_text(encoding="utf-8"))
        results.append(evaluate_article(api, article, data))
    return results


# --------------------------------------------------------------------------- #
# Report
# --------------------------------------------------------------------------- #


def counts_by_type(results: Sequence[ArticleResult]) -> dict[str, Counts]:
    """Counts per fact type summed over articles (types skipped everywhere are absent)."""
    totals: dict[str, Counts] = {}
    for result in results:
        for fact_type, comparison in result.comparisons.items():
            totals.setdefault(fact_type, Counts()).add(comparison.counts)
    return {t: totals[t] for t in FACT_TYPES if t in totals}


def format_value(value: object) -> str:
    """One component for the report: strings quoted, dates in ISO form, numbers plain."""
    value = plain_value(value)
    if value is None:
        return "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def format_fact(fact: Fact) -> str:
    """A fact tuple as compact readable text."""
    return "(" + ", ".join(format_value(v) for v in fact) + ")"


def _row(label: str, c: Counts) -> str:
    return f"| {label} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |"


def _shown(folder: Path) -> str:
    """A folder as written in the report: relative to the repository when inside it (reproducible)."""
    try:
        return str(Path(folder).resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(folder)


def render_report(results: Sequence[ArticleResult], devset: Path) -> str:
    """The Markdown report: summary per fact type, per article, then misses and false positives."""
    header = "| {} | TP | FP | FN | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|"
    by_type = counts_by_type(results)
    overall = Counts()
    for counts in by_type.values():
        overall.add(counts)
    skipped = sorted(set().union(*(r.skipped for r in results))) if results else []
    lines = [
        "# Development-set results",
        "",
        f"{len(results)} article(s) from `{_shown(devset)}`, scored by `benchmarks/devset_eval.py`.",
        "Micro-averaged over atomic facts; see `devset/README.md` for the fact types and matching rules.",
        "",
        f"**Overall: precision {overall.precision:.3f}, recall {overall.recall:.3f}, F1 {overall.f1:.3f}** "
        f"({overall.tp} matched, {overall.fp} false positives, {overall.fn} missed)",
        "",
    ]
    if skipped:
        lines += [f"Not scored (the answers have no column for them): {', '.join(skipped)}.", ""]
    lines += ["## By fact type", "", header.format("fact type")]
    lines += [_row(t, c) for t, c in by_type.items()]
    lines += [_row("**overall**", overall), "", "## By article", "", header.format("article")]
    lines += [_row(r.article, r.counts) for r in results]
    lines += ["", "## Details", ""]
    for result in results:
        c = result.counts
        scores = f"precision {c.precision:.3f}, recall {c.recall:.3f}, F1 {c.f1:.3f}"
        lines += [f"### {result.article}", "", scores, ""]
        lines += [f"- **error:** {e}" for e in result.errors]
        lines += [f"- warning: {w}" for w in result.warnings]
        missed = [f for comp in result.comparisons.values() for f in comp.missed]
        invented = [f for comp in result.comparisons.values() for f in comp.false_positives]
        lines += ["", f"Missed ({len(missed)}):", ""] + [f"- {format_fact(f)}" for f in missed]
        lines += ["", f"False positives ({len(invented)}):", ""] + [f"- {format_fact(f)}" for f in invented]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def summary_lines(results: Sequence[ArticleResult]) -> list[str]:
    """A short plain-text summary for the terminal."""
    lines = [f"{'fact type':<20} {'P':>6} {'R':>6} {'F1':>6}   (TP/FP/FN)"]
    overall = Counts()
    for fact_type, c in counts_by_type(results).items():
        overall.add(c)
        scores = f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
        lines.append(f"{fact_type:<20} {scores}   ({c.tp}/{c.fp}/{c.fn})")
    lines.append(
        f"{'overall':<20} {overall.precision:6.3f} {overall.recall:6.3f} {overall.f1:6.3f}   "
        f"({overall.tp}/{overall.fp}/{overall.fn})"
    )
    errors = sum(len(r.errors) for r in results)
    if errors:
        lines.append(f"{errors} error(s) while building or querying; see the report for details")
    return lines


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Score kg against the hand-annotated development set.")
    parser.add_argument(
        "--devset",
        type=Path,
        default=REPO_ROOT / "devset",
        help="directory with articles/ and expected/ (default: devset)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="write the Markdown report here (e.g. docs/devset-results.md)"
    )
    parser.add_argument("--only", default=None, help="evaluate only articles whose file name contains this")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        find_pairs(args.devset)  # fail on a broken devset before importing kg
        api = load_kg_api()
        results = evaluate_devset(api, args.devset, args.only)
    except EvalSetupError as exc:
        print(f"devset_eval: error: {exc}", file=sys.stderr)
        return 2
    report = render_report(results, args.devset)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")
    print("\n".join(summary_lines(results)))
    if args.out is not None:
        print(f"report written to {args.out}")
    else:
        print("(use --out FILE to write the full report with misses and false positives)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
