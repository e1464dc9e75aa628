"""Analytics: the entity graph, stats, entity lookup and shortest paths."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset

from kg.analytics import entity_graph, find_entity, render_path, render_stats_text, shortest_path, stats
from kg.errors import UsageError
from kg.graphio import load_dataset
from kg.vocab import ID

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "sample.trig"
KELLY, KORNIENKO, SOYUZ = f"{ID}person/scott-kelly", f"{ID}person/mikhail-kornienko", f"{ID}spacecraft/soyuz"
POLYAKOV, GAGARIN = f"{ID}person/valeri-polyakov", f"{ID}person/yuri-gagarin"

# Records linking Kelly to Polyakov with sourced facts, an isolated person, an alias, two "Soyuz",
# a label that is HTML, an untyped literal-only node.
EXTRA = """
@prefix sf: <https://w3id.org/spaceflight-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix unit: <http://qudt.org/vocab/unit/> .
@prefix p: <https://w3id.org/spaceflight-kg/id/person/> .
@prefix r: <https://w3id.org/spaceflight-kg/id/record/> .
@prefix c: <https://w3id.org/spaceflight-kg/id/spacecraft/> .
@prefix a: <https://w3id.org/spaceflight-kg/id/article/cccc/> .

<https://w3id.org/spaceflight-kg/id/article/cccc> {
  <https://w3id.org/spaceflight-kg/id/article/cccc> a sf:Article ; sf:fileName "c.txt" .
  a:s1 a sf:Sentence ; sf:article <https://w3id.org/spaceflight-kg/id/article/cccc> ;
      sf:text "Kelly set the US record of 340 days." .
  a:s2 a sf:Sentence ; sf:article <https://w3id.org/spaceflight-kg/id/article/cccc> ;
      sf:text "Kelly's stay still falls short of Polyakov's 437-day world record." .
  a:x1 a sf:Assertion ; rdf:subject r:us ; rdf:predicate sf:holder ; rdf:object p:scott-kelly ;
      sf:sentence a:s1 .
  a:x2 a sf:Assertion ; rdf:subject r:us ; rdf:predicate sf:supersedes ; rdf:object r:world ;
      sf:sentence a:s2 .
  p:scott-kelly a sf:Person ; skos:prefLabel "Scott Kelly" ; skos:altLabel "Kelly" .
  r:us a sf:Record ; skos:prefLabel "US single-flight record" ; sf:holder p:scott-kelly ;
      sf:value "340"^^xsd:decimal ; sf:unit unit:DAY ; sf:supersedes r:world .
  r:world a sf:Record ; skos:prefLabel "world single-flight record" ; sf:holder p:valeri-polyakov .
  p:valeri-polyakov a sf:Person ; skos:prefLabel "Valeri Polyakov" ; sf:age 52 .
  p:yuri-gagarin a sf:Person ; skos:prefLabel "Yuri Gagarin" .
  c:soyuz-rocket a sf:LaunchVehicle ; skos:prefLabel "Soyuz" .
  c:evil a sf:Spacecraft ; skos:prefLabel "<script>alert(1)</script>" ; sf:operator p:scott-kelly .
  <https://w3id.org/spaceflight-kg/id/thing/lonely> sf:description "only literals here" .
}
"""


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_dataset(SAMPLE)


@pytest.fixture(scope="module")
def rich() -> Dataset:
    ds = load_dataset(SAMPLE)
    ds.parse(data=EXTRA, format="trig")
    return ds


def test_entity_graph_leaves_provenance_concepts_and_literals_out(sample: Dataset) -> None:
    g = entity_graph(sample)
    assert isinstance(g, nx.MultiDiGraph)
    assert sorted(k for _, k in g.nodes(data="kind")) == [
        "event",
        "organization",
        "organization",
        "person",
        "person",
        "place",
        "spacecraft",
    ]
    assert not [n for n in g if "/article/" in n or "/extractor/" in n or "/vocab/" in n]
    assert g.nodes[KELLY] == {
        "label": "Scott Kelly",
        "aliases": [],
        "type": "Person",
        "kind": "person",
        "role": "astronaut",
    }
    landing = g.nodes[f"{ID}event/landing-x"]
    assert landing["type"] == "Landing" and landing["time"] == [
        "2016-03-01T23:25:00-05:00",
        "2016-03-01T23:27:00-05:00",
    ]
    assert set(g.edges(keys=True)) >= {
        (f"{ID}event/landing-x", KELLY, "participant"),
        (SOYUZ, f"{ID}organization/roscosmos", "operator"),
    }


def test_edges_carry_their_source_sentences(rich: Dataset) -> None:
    g = entity_graph(rich)
    assert g.edges[f"{ID}record/us", KELLY, "holder"]["sources"] == [("c.txt", "Kelly set the US record of 340 days.")]
    assert g.nodes[f"{ID}record/us"]["value"] == 340 and g.nodes[f"{ID}record/us"]["unit"] == "DAY"
    assert g.nodes[POLYAKOV]["age"] == 52
    assert f"{ID}thing/lonely" not in g


def test_stats_counts_and_centrality(sample: Dataset, rich: Dataset) -> None:
    s = stats(sample, top=3)
    assert (s.triples, s.graphs, s.entities, s.relations) == (64, 2, 7, 6)
    assert dict(s.classes)["Person"] == 2 and dict(s.classes)["Assertion"] == 2
    assert dict(s.properties)["rdf:type"] == 15 and dict(s.properties)["participant"] == 2
    assert [r.label for r in s.top_degree] == ["landing", "Scott Kelly", "Soyuz"]
    assert s.top_betweenness[0].label == "landing" and len(s.top_betweenness) == 3
    assert (s.components, s.component_sizes) == (1, (7,))
    assert stats(rich).components == 3  # the main cluster, Yuri Gagarin, the Soyuz rocket
    text = render_stats_text(stats(rich))
    assert "Connected components: 3" in text and "<script>alert(1)</script>" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (KELLY, KELLY),
        ("kgid:person/scott-kelly", KELLY),
        ("Scott Kelly", KELLY),
        ("Kelly", KELLY),  # alias
        ("scott KELLY", KELLY),
        ("Kornienko", KORNIENKO),  # unique substring
        ("<script>alert(1)</script>", f"{ID}spacecraft/evil"),
    ],
)
def test_find_entity(rich: Dataset, text: str, expected: str) -> None:
    assert find_entity(rich, text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Soyuz", r"ambiguous: Soyuz <.*spacecraft/soyuz>; Soyuz <.*soyuz-rocket>"),
        ("record", r"ambiguous: .*US single-flight record.*world single-flight record"),
        ("Gagarinn", r"no entity matches 'Gagarinn'; did you mean 'Yuri Gagarin'"),
        ("Armstrong", r"no entity matches 'Armstrong'$"),
    ],
)
def test_find_entity_errors_list_candidates(rich: Dataset, text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        find_entity(rich, text)


def test_path_on_the_sample(sample: Dataset) -> None:
    steps = shortest_path(sample, "Scott Kelly", "Roscosmos")
    assert [(s.predicate, s.forward) for s in steps] == [
        ("participant", False),
        ("vehicle", True),
        ("operator", True),
    ]
    assert render_path(steps).splitlines()[0] == (
        "Scott Kelly — took part in → landing — vehicle → Soyuz — operator → Roscosmos"
    )


def test_path_prints_each_fact_with_its_sentence(rich: Dataset) -> None:
    text = render_path(shortest_path(rich, "Scott Kelly", "Valeri Polyakov"))
    assert text.splitlines()[0] == (
        "Scott Kelly — holds → US single-flight record (340 days) — supersedes → "
        "world single-flight record — holder → Valeri Polyakov"
    )
    assert "1. US single-flight record (340 days) — holder → Scott Kelly" in text
    assert "c.txt: “Kelly's stay still falls short of Polyakov's 437-day world record.”" in text


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("Scott Kelly", "Yuri Gagarin", "no chain of facts links 'Scott Kelly' and 'Yuri Gagarin'"),
        ("Kelly", "Scott Kelly", "name the same entity"),
    ],
)
def test_no_path(rich: Dataset, a: str, b: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        shortest_path(rich, a, b)


def test_works_on_the_networkx_graph_too(rich: Dataset) -> None:
    g = entity_graph(rich)
    assert find_entity(g, "Polyakov") == POLYAKOV
    assert len(shortest_path(g, "<script>alert(1)</script>", "Valeri Polyakov")) == 4
