"""kg.conflicts and queries/conflicts.rq: values stated differently by different sources."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.conflicts import QUERY_FILE, Claim, find_conflicts, render_conflicts_text
from kg.graphio import load_dataset
from kg.validate import QUARANTINE

HERE = Path(__file__).parent
ID = "https://w3id.org/spaceflight-kg/id/"
LANDING_A = "At 11:27 p.m. EST on Tuesday, Scott Kelly, 52, landed in Kazakhstan."
LANDING_B = "Their Russian Soyuz capsule is due to make a parachute landing in Kazakhstan at 11:25 p.m. EST."


def test_query_returns_exactly_the_documented_columns() -> None:
    text = QUERY_FILE.read_text(encoding="utf-8")
    assert text.startswith("# conflicts.rq")
    result = Graph().query(text)
    assert [str(v) for v in result.vars] == ["subject", "property", "value", "document", "sentence"]


def test_conflicts_are_found_with_their_sources() -> None:
    conflicts = find_conflicts(load_dataset(HERE / "shapes" / "conflicts.trig"))
    found = {(c.subject.removeprefix(ID), c.property.rsplit("/", 1)[-1].rsplit("#", 1)[-1]): c for c in conflicts}
    assert sorted(found) == [
        ("event/landing-x", "time"),
        ("mission/one-year", "endDate"),
        ("person/scott-kelly", "crewmates"),
    ]
    landing = found[("event/landing-x", "time")]
    assert landing.subject_label == "landing"
    assert landing.claims == (
        Claim("2016-03-01T23:25:00-05:00", "b.txt", LANDING_B),
        Claim("2016-03-01T23:27:00-05:00", "a.txt", LANDING_A),
    )
    crewmates = found[("person/scott-kelly", "crewmates")]
    assert crewmates.property == "https://w3id.org/spaceflight-kg/vocab/quantity-kind/crewmates"
    assert [(c.value, c.document) for c in crewmates.claims] == [("14.0", "a.txt"), ("8", "b.txt")]
    end = found[("mission/one-year", "endDate")]
    assert [(c.value, c.document) for c in end.claims] == [("2016-03-01", "a.txt"), ("2016-03-02", "")]


def test_same_value_written_differently_is_not_a_conflict() -> None:
    subjects = {c.subject for c in find_conflicts(load_dataset(HERE / "shapes" / "conflicts.trig"))}
    for agreeing in ("event/launch-x", "record/us"):  # two offsets for one instant; 340.0 and 340
        assert ID + agreeing not in subjects


def test_rendered_report_pairs_values_with_sentences() -> None:
    text = render_conflicts_text(find_conflicts(load_dataset(HERE / "shapes" / "conflicts.trig")))
    assert "kgid:event/landing-x (landing): sf:time has 2 different values" in text
    assert f"2016-03-01T23:25:00-05:00  b.txt: \u201c{LANDING_B}\u201d" in text
    assert "(no source sentence)" in text
    assert text.rstrip().endswith("3 conflicts")
    assert render_conflicts_text([]) == "no conflicts between sources\n"


def test_the_sample_graph_has_the_landing_time_conflict() -> None:
    (conflict,) = find_conflicts(load_dataset(HERE / "fixtures" / "sample.trig"))
    assert conflict.subject == ID + "event/landing-x"
    assert conflict.values == ("2016-03-01T23:25:00-05:00", "2016-03-01T23:27:00-05:00")


def test_quarantined_facts_are_not_counted() -> None:
    ds = load_dataset(HERE / "shapes" / "conflicts.trig")
    article_b = ds.graph(URIRef(ID + "article/bbbbbbbbbbbbbbbb"))
    held = ds.graph(QUARANTINE)
    for triple in list(article_b.triples((URIRef(ID + "event/landing-x"), None, None))):
        article_b.remove(triple)
        held.add(triple)
    assert ID + "event/landing-x" not in {c.subject for c in find_conflicts(ds)}


def test_no_conflicts_in_an_empty_dataset() -> None:
    assert find_conflicts(Dataset()) == []
