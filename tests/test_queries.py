"""Every shipped .rq file runs on the seed graph and returns its documented columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kg
from kg.sparql import named_queries

CONTRACT = {
    "people": ["person", "name", "role", "agency", "nationality", "age"],
    "spacecraft": ["craft", "name", "type", "operator", "status"],
    "missions": ["mission", "name", "spacecraft", "start", "end", "durationDays"],
    "crew": ["mission", "missionName", "person", "personName"],
    "records": ["record", "holder", "description", "scope", "value", "unit", "year", "previousHolder", "previousValue"],
    "events": ["event", "type", "date", "time", "place", "participant", "vehicle"],
    "sources": ["predicate", "object", "document", "sentence", "start", "end"],
    "conflicts": ["subject", "property", "value", "document", "sentence"],
}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_query_runs(seed_build, name):
    params = {"subject": "Scott Kelly"} if name == "sources" else {}
    result = kg.query(seed_build.dataset, name, params)
    if name in CONTRACT:
        assert result.variables == CONTRACT[name]
    assert result.rows, f"{name} returned nothing on the seeds"


def test_every_contract_query_ships():
    assert set(CONTRACT) - {"conflicts"} <= set(named_queries())


def test_queries_have_header_comments():
    for path in named_queries().values():
        assert re.match(r"^# \w+", Path(path).read_text()), path
