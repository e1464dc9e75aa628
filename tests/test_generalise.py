"""Invented names no list contains, numbered flights that must not merge, and cross-article identity."""

from __future__ import annotations

import kg

INVENTED = """ASTANA — Veteran cosmonaut Oleg Varnavsky and NASA astronaut Priya Castellanos-Reed landed in Kazakhstan on Friday, May 15, 2026, after a 212-day stay aboard the International Space Station.
Varnavsky, 49, handed command of the station to European Space Agency astronaut Henrike Ostmark before leaving.
Castellanos-Reed's flight eclipses a 199-day record set in 2015 by Samantha Cristoforetti, the longest spaceflight by a European woman.
"""

NUMBERED = """The crew of Soyuz MS-22 returned home, while Soyuz MS-23 stayed docked. Expedition 46 ended as Expedition 47 began.
"""


def names(build):
    return {r["name"] for r in kg.query(build.dataset, "people").rows}


def test_invented_people_are_found(build_text):
    b = build_text({"a.txt": INVENTED})
    assert {"Oleg Varnavsky", "Priya Castellanos-Reed", "Henrike Ostmark"} <= names(b)
    rows = kg.query(b.dataset, "people").rows
    assert {"cosmonaut"} <= {r["role"] for r in rows if r["name"] == "Oleg Varnavsky"}
    assert 49 in {r["age"] for r in rows if r["name"] == "Oleg Varnavsky"}
    landings = [r for r in kg.query(b.dataset, "events").rows if r["type"] == "landing"]
    assert {str(r["date"]) for r in landings} == {"2026-05-15"}
    records = kg.query(b.dataset, "records").rows
    assert any(
        r["holder"] == "Priya Castellanos-Reed" and r["previousHolder"] == "Samantha Cristoforetti" for r in records
    )


def test_numbers_never_merge(build_text):
    b = build_text({"n.txt": NUMBERED})
    missions = {r["name"] for r in kg.query(b.dataset, "missions").rows}
    assert {"Soyuz MS-22", "Soyuz MS-23", "Expedition 46", "Expedition 47"} <= missions


def test_same_person_across_articles_and_misspelling(build_text):
    b = build_text(
        {
            "one.txt": "Russian cosmonaut Anatoly Zelenkov docked with the station on Monday, June 1, 2026.\n",
            "two.txt": "Cosmonaut Anatoly Zelenkiv, 51, said the docking went well. Zelenkov thanked the team.\n",
        }
    )
    assert len([n for n in names(b) if n.startswith("Anatoly")]) == 1


def test_rules_only_pipeline_runs_with_a_notice():
    from pathlib import Path

    from kg.pipeline import build

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    result = build([seeds], model=None)
    assert result.model is None
    assert any("no statistical English model" in w for w in result.warnings)
    found = {r["name"] for r in kg.query(result.dataset, "people").rows}
    assert {"Scott Kelly", "Mikhail Kornienko", "Timothy Kopra"} <= found


def test_every_development_article_builds_a_conforming_graph(nlp):
    """The extractor's output on articles it was not written around still satisfies the shapes."""
    from pathlib import Path

    from kg.pipeline import build
    from kg.validate import validate

    root = Path(__file__).resolve().parent.parent
    result = build([root / "devset" / "articles", root / "seeds"], nlp=nlp)
    report = validate(result.dataset)
    violations = [f"{f.focus} {f.path}: {f.message}" for f in report.findings if f.severity == "Violation"]
    assert not violations, "\n".join(violations[:10])
