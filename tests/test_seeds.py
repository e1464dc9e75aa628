"""What the seed articles must yield (issue 2, 'What it must show'), asserted through the queries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

import kg


def rows(build, name, **params):
    return kg.query(build.dataset, name, params).rows


def person_rows(build, name):
    return [r for r in rows(build, "people") if r["name"] == name]


@pytest.mark.parametrize(
    "name, role, agency",
    [
        ("Scott Kelly", "astronaut", "NASA"),
        ("Mikhail Kornienko", "cosmonaut", None),
        ("Sergey Volkov", "cosmonaut", None),
        ("Timothy Kopra", "astronaut", "NASA"),
        ("Michael Lopez-Alegria", None, None),
        ("Valeri Polyakov", "cosmonaut", None),
    ],
)
def test_people_with_roles_and_agencies(seed_build, name, role, agency):
    found = person_rows(seed_build, name)
    assert found, f"{name} missing"
    if role:
        assert role in {r["role"] for r in found}
    if agency:
        assert agency in {r["agency"] for r in found}


def test_aliases_are_not_extra_people(seed_build):
    names = {r["name"] for r in rows(seed_build, "people")}
    assert not any("Korneinko" in n or n == "kelly" or n == "Kelly" for n in names)
    from rdflib.namespace import SKOS

    labels = {str(o) for o in seed_build.dataset.objects(None, SKOS.altLabel)}
    assert "kelly" in labels
    assert any("Korneinko" in label for label in labels)


def test_kelly_age_and_handover_to_kopra(seed_build):
    assert {r["age"] for r in person_rows(seed_build, "Scott Kelly")} == {52}
    handovers = [r for r in rows(seed_build, "events") if r["type"] == "handover"]
    assert {"Scott Kelly", "Timothy Kopra"} <= {r["participant"] for r in handovers}
    from rdflib import Literal
    from rdflib.namespace import SKOS

    from kg.vocab import SF

    ds = seed_build.dataset
    kelly = next(ds.subjects(SKOS.prefLabel, Literal("Scott Kelly")))
    kopra = next(ds.subjects(SKOS.prefLabel, Literal("Timothy Kopra")))
    assert (None, SF.handedOverBy, kelly) in ds and (None, SF.handedOverTo, kopra) in ds


def test_the_340_day_stay(seed_build):
    stays = [r for r in rows(seed_build, "missions") if r["spacecraft"] == "International Space Station"]
    assert stays
    assert {r["start"] for r in stays} == {date(2015, 3, 27)}
    assert {r["end"] for r in stays} == {date(2016, 3, 1)}
    assert {r["durationDays"] for r in stays} == {340}
    crew = {r["personName"] for r in rows(seed_build, "crew") if r["mission"] == stays[0]["mission"]}
    assert {"Scott Kelly", "Mikhail Kornienko", "Sergey Volkov"} <= crew


def test_landing_in_kazakhstan_with_both_times(seed_build):
    landings = [r for r in rows(seed_build, "events") if r["type"] == "landing"]
    assert {r["date"] for r in landings} == {date(2016, 3, 1)}
    assert {r["place"] for r in landings} == {"Kazakhstan"}
    assert {"Scott Kelly", "Mikhail Kornienko", "Sergey Volkov"} <= {r["participant"] for r in landings}
    est = timezone(timedelta(hours=-5))
    times = {r["time"] for r in landings}
    assert datetime(2016, 3, 1, 23, 27, tzinfo=est) in times
    assert datetime(2016, 3, 1, 23, 25, tzinfo=est) in times
    # 11:27 p.m. EST is 10:27 a.m. the next day in Kazakhstan (UTC+6)
    assert datetime(2016, 3, 2, 10, 27, tzinfo=timezone(timedelta(hours=6))) in times


def test_conflicting_times_keep_their_sources(seed_build):
    landing = next(r["event"] for r in rows(seed_build, "events") if r["type"] == "landing")
    facts = rows(seed_build, "sources", subject=landing)
    time_facts = [f for f in facts if f["predicate"].endswith("#time")]
    by_value = {}
    for f in time_facts:
        by_value.setdefault(str(f["object"]), set()).add(f["document"])
    assert len(by_value) == 2
    assert all(docs for docs in by_value.values())
    assert any("11:25" in f["sentence"] for f in time_facts)
    assert any("11:27" in f["sentence"] for f in time_facts)


def test_records(seed_build):
    records = rows(seed_build, "records")
    us = [r for r in records if r["holder"] == "Scott Kelly" and r["scope"] == "us"]
    assert us and us[0]["value"] == Decimal(340) and us[0]["unit"] == "day"
    assert any(r["previousHolder"] == "Michael Lopez-Alegria" and r["previousValue"] == Decimal(215) for r in us)
    old = [r for r in records if r["holder"] == "Michael Lopez-Alegria"]
    assert old and str(old[0]["year"]).startswith("2007")
    world = [r for r in records if r["scope"] == "world"]
    assert world and world[0]["holder"] == "Valeri Polyakov" and world[0]["value"] == Decimal(438)


def test_polyakov_on_mir_and_mir_defunct_soviet(seed_build):
    stays = [r for r in rows(seed_build, "missions") if r["spacecraft"] == "Mir"]
    assert stays and str(stays[0]["start"]) == "1994-01" and str(stays[0]["end"]) == "1995-03"
    mir = [r for r in rows(seed_build, "spacecraft") if r["name"] == "Mir"]
    assert mir and mir[0]["status"] == "defunct" and mir[0]["operator"] == "Soviet Union"
    assert mir[0]["type"] == "space_station"


def test_orbits_and_distance(seed_build):
    from rdflib import Literal

    from kg.vocab import QKIND, SF

    ds = seed_build.dataset
    values = {
        (k, v.toPython())
        for q in ds.subjects(SF.quantityKind, None)
        for k in ds.objects(q, SF.quantityKind)
        for v in ds.objects(q, SF.value)
    }
    assert (QKIND.orbits, Decimal(5440)) in values
    assert (QKIND.distance, Decimal(143800000)) in values
    assert Literal  # keeps the import used


def test_every_fact_has_a_source_sentence(seed_build):
    from rdflib import RDF

    from kg.vocab import SF

    ds = seed_build.dataset
    for a in ds.subjects(RDF.type, SF.Assertion):
        sentence = ds.value(a, SF.sentence)
        assert ds.value(sentence, SF.text) is not None
        assert ds.value(ds.value(sentence, SF.article), SF.fileName) is not None


def test_path_from_kelly_to_polyakov(seed_build):
    from kg.analytics import render_path, shortest_path

    steps = shortest_path(seed_build.dataset, "Scott Kelly", "Valeri Polyakov")
    text = render_path(steps)
    assert text.startswith("Scott Kelly") and "Valeri Polyakov" in text.splitlines()[0]
