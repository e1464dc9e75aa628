"""Stage 'records' on small invented articles: holders, values and the records they beat."""

from __future__ import annotations

import kg

MAIN_PERSON = """Astronaut Corin Vasquez-Halloran landed in Kazakhstan on Sept. 7, 2029, with cosmonauts Pyotr Adamek and Lev Sorokin-Bay.
With this fourth flight, the retired Navy captain has logged 612 days in orbit, the most of any U.S. astronaut.
He passed the previous American record of 598 days, held by Ansel Whitcombe-Ode, in August.
The previous women's mark of 334 days belonged to Ilse Marrow-Tagg.
"""


def records(build):
    return kg.query(build.dataset, "records").rows


def test_a_record_sentence_naming_nobody_is_the_main_persons(build_text):
    rows = records(build_text({"r.txt": MAIN_PERSON}))
    mine = [r for r in rows if r["holder"] == "Corin Vasquez-Halloran"]
    assert {(r["scope"], r["value"], r["previousHolder"]) for r in mine} == {("us", 612, "Ansel Whitcombe-Ode")}


def test_a_holder_introduced_by_held_by_or_belonged_to(build_text):
    rows = records(build_text({"r.txt": MAIN_PERSON}))
    holders = {r["holder"] for r in rows}
    assert {"Ansel Whitcombe-Ode", "Ilse Marrow-Tagg"} <= holders
    assert not [r for r in rows if r["holder"] == "Corin Vasquez-Halloran" and r["value"] == 334]
