"""kg.viz without a browser: the page is self-contained, escaped, deterministic; static pictures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import OutputError, UsageError
from kg.graphio import load_dataset
from kg.viz import render_html, write_html, write_static, write_viz
from kg.vocab import ID, SF

SAMPLE = Path(__file__).parent / "fixtures" / "sample.trig"
EVIL = "<script>alert(1)</script>"
EVIL_MORE = "</script><!-- <img src=x onerror=alert(2)> & \u2028"


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_dataset(SAMPLE)


def page_data(page: str) -> dict:
    """The JSON embedded in a page."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def labels(page: str) -> set[str]:
    return {n[1] for n in page_data(page)["nodes"]}


def tiny(*entities: tuple[str, str, URIRef], links: tuple[tuple[str, URIRef, str], ...] = ()) -> Dataset:
    """A one-article dataset of (slug, label, class) entities and (slug, property, slug) links."""
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef(f"{ID}article/t"))
    g.add((URIRef(f"{ID}article/t"), RDF.type, SF.Article))
    g.add((URIRef(f"{ID}article/t"), SF.fileName, Literal("t.txt")))
    for slug, label, cls in entities:
        iri = URIRef(f"{ID}x/{slug}")
        g.add((iri, RDF.type, cls))
        g.add((iri, SKOS.prefLabel, Literal(label)))
    for s, p, o in links:
        g.add((URIRef(f"{ID}x/{s}"), p, URIRef(f"{ID}x/{o}")))
    return ds


def test_page_is_self_contained(sample: Dataset) -> None:
    page = render_html(sample)
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page.lower()
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.I)
    assert not re.search(r"""\b(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "default-src 'none'" in page  # the CSP forbids any fetch
    assert page.count("<script") == 3  # library, data, viewer
    assert len(page.encode("utf-8")) < 1_000_000


def test_sample_nodes_facts_and_sources(sample: Dataset) -> None:
    data = page_data(render_html(sample))
    assert labels(render_html(sample)) == {
        "Scott Kelly",
        "Mikhail Kornienko",
        "NASA",
        "Roscosmos",
        "landing",
        "Kazakhstan",
        "Soyuz",
    }
    nodes = data["nodes"]
    types = [t[0] for t in data["types"]]
    kelly = next(i for i, n in enumerate(nodes) if n[1] == "Scott Kelly")
    assert types[nodes[kelly][2]] == "person"
    role = data["predicates"].index("role")
    fact = next(f for f in data["facts"] if f[0] == kelly and f[1] == role)
    assert fact[2] == "astronaut"
    article, text = data["sentences"][fact[3][0]]
    assert "NASA astronaut Scott Kelly" in text and data["articles"][article] == "a.txt"
    # provenance nodes are not entities; relations are labelled by the property
    assert not any("/article/" in n[0] or "/extractor/" in n[0] for n in nodes)
    participant = data["predicates"].index("participant")
    assert any(e[1] == kelly and e[2] == participant for e in data["edges"])


def test_malicious_labels_cannot_break_out() -> None:
    page = render_html(
        tiny(
            ("evil", EVIL, SF.Person),
            ("worse", EVIL_MORE, SF.Mission),
            links=(("worse", SF.crewMember, "evil"),),
        )
    )
    assert page.count("<script") == 3
    assert page.count("</script") == 3
    assert "<!--" not in page and "<img" not in page and "\u2028" not in page
    assert labels(page) == {EVIL, EVIL_MORE}


def test_same_dataset_same_bytes(sample: Dataset) -> None:
    again = load_dataset(SAMPLE)
    assert render_html(sample) == render_html(again)
    assert render_html(sample, focus="Soyuz", hops=1) == render_html(again, focus="Soyuz", hops=1)


def test_focus_and_hops(sample: Dataset) -> None:
    data = page_data(render_html(sample, focus="scott kelly", hops=1))
    assert data["nodes"][data["view"]["focus"]][1] == "Scott Kelly"
    assert data["view"]["hops"] == 1
    by_iri = page_data(render_html(sample, focus=f"{ID}spacecraft/soyuz"))
    assert by_iri["nodes"][by_iri["view"]["focus"]][1] == "Soyuz"
    assert page_data(render_html(sample))["view"]["focus"] is None


def test_focus_by_alias() -> None:
    ds = tiny(("kelly", "Scott Kelly", SF.Person))
    ds.graph(URIRef(f"{ID}article/t")).add((URIRef(f"{ID}x/kelly"), SKOS.altLabel, Literal("Kelly")))
    data = page_data(render_html(ds, focus="KELLY"))
    assert data["nodes"][data["view"]["focus"]][4] == ["Kelly"]


@pytest.mark.parametrize("kw", [{"focus": "Yuri Gagarin"}, {"hops": 0}, {"hops": 4}, {"max_nodes": 0}])
def test_bad_arguments(sample: Dataset, kw: dict) -> None:
    with pytest.raises(UsageError) as err:
        render_html(sample, **kw)
    assert "\n" not in str(err.value)


def test_unknown_picture_format(sample: Dataset, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_viz(sample, tmp_path / "graph.pdf")
    with pytest.raises(UsageError):
        write_static(sample, tmp_path / "graph.html")


@pytest.mark.parametrize("name", ["g.html", "g.svg", "g.png"])
def test_missing_output_folder(sample: Dataset, tmp_path: Path, name: str) -> None:
    target = tmp_path / "no" / "such" / name
    with pytest.raises(OutputError):
        write_viz(sample, target)
    assert not target.parent.exists()


def test_literal_only_entities_and_empty_graph(tmp_path: Path) -> None:
    ds = tiny(("lonely", "Lonely Place", SF.Place), ("kelly", "Scott Kelly", SF.Person))
    g = ds.graph(URIRef(f"{ID}article/t"))
    g.add((URIRef(f"{ID}x/lonely"), SF.demonym, Literal("Lonelian")))
    data = page_data(render_html(ds))
    assert {n[1] for n in data["nodes"]} == {"Lonely Place", "Scott Kelly"}
    assert data["edges"] == []
    assert any(f[2] == "Lonelian" and data["articles"][f[4][0]] == "t.txt" for f in data["facts"])
    empty = page_data(render_html(Dataset()))
    assert empty["nodes"] == [] and empty["edges"] == []
    write_viz(ds, tmp_path / "lonely.svg")
    write_viz(Dataset(), tmp_path / "empty.png")
    assert (tmp_path / "empty.png").read_bytes().startswith(b"\x89PNG")


def test_max_nodes_and_draw_limit() -> None:
    hub = ("hub", "Hub Mission", SF.Mission)
    crew = [(f"p{i}", f"Person {i}", SF.Person) for i in range(12)]
    ds = tiny(hub, *crew, links=tuple(("hub", SF.crewMember, f"p{i}") for i in range(12)))
    data = page_data(render_html(ds, max_nodes=5))
    assert len(data["nodes"]) == 5 and data["view"]["total"] == 13
    assert "Hub Mission" in {n[1] for n in data["nodes"]}
    assert all(0 <= e[0] < 5 and 0 <= e[1] < 5 for e in data["edges"])
    big = page_data(render_html(ds, draw_limit=4))
    assert big["nodes"][big["view"]["focus"]][1] == "Hub Mission"  # starts on the most connected
    focused = page_data(render_html(ds, max_nodes=3, focus="Person 11"))
    assert "Person 11" in {n[1] for n in focused["nodes"]}


def test_write_html(sample: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "graph.html"
    write_html(sample, target, focus="Scott Kelly")
    assert target.read_text(encoding="utf-8") == render_html(sample, focus="Scott Kelly")


def test_static_pictures(sample: Dataset, tmp_path: Path) -> None:
    write_viz(sample, tmp_path / "a.svg")
    write_viz(sample, tmp_path / "b.svg")
    svg = (tmp_path / "a.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<script" not in svg
    assert svg == (tmp_path / "b.svg").read_text(encoding="utf-8")
    write_viz(sample, tmp_path / "a.png", focus="Soyuz", hops=1)
    assert (tmp_path / "a.png").read_bytes().startswith(b"\x89PNG")
    write_static(sample, tmp_path / "top.png", top_n=3)
    assert (tmp_path / "top.png").stat().st_size > 1000


def test_cut_graph_keeps_only_its_sources() -> None:
    ds = load_dataset(SAMPLE)
    data = page_data(render_html(ds, max_nodes=1))
    assert [n[1] for n in data["nodes"]] == ["landing"]
    cited = {x for f in data["facts"] for x in f[3]}
    assert cited == set(range(len(data["sentences"])))
    assert all(0 <= a < len(data["articles"]) for f in data["facts"] for a in f[4])
    assert data["articles"] == ["a.txt", "b.txt"]
