"""Stage 'parse' (the kg_* spaCy components) on invented names, and the data files they read."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.nlp import gazetteer
from kg.nlp.components import UNLISTED

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Her Veyra-4 capsule settled into the swell after she commanded the Solace Reach orbital station.\n"
    "Divers from the Tamarind Space Commission reached it quickly; the Romanian space agency sent a note.\n"
    "The crew had launched on a Quillon-2 rocket and docked with Solace Reach a day later.\n"
    "Their SpaceX Crew Dragon capsule stayed at the International Space Station.\n"
)


@pytest.fixture(scope="module")
def ents(nlp):
    doc = nlp.pipeline(TEXT)
    return {(e.text, e.label_, e.id_) for e in doc.ents}


@pytest.mark.parametrize(
    ("text", "span_id"),
    [
        ("Veyra-4", "spacecraft:Capsule"),
        ("Solace Reach", "spacecraft:SpaceStation"),
        ("Tamarind Space Commission", "organization:SpaceAgency"),
        ("Quillon-2", "spacecraft:LaunchVehicle"),
    ],
)
def test_a_head_word_marks_an_unlisted_name(ents, text, span_id):
    assert (text, UNLISTED, span_id) in ents


def test_a_later_bare_mention_is_marked_too(nlp):
    doc = nlp.pipeline(TEXT)
    assert [e.text for e in doc.ents if e.label_ == UNLISTED].count("Solace Reach") == 2


def test_descriptions_and_listed_things_are_not_unlisted_names(ents):
    unlisted = {text for text, label, _ in ents if label == UNLISTED}
    assert not unlisted & {"Romanian", "SpaceX", "SpaceX Crew Dragon", "Crew Dragon", "International"}


def test_unlisted_craft_becomes_a_typed_node(build_text):
    b = build_text({"u.txt": TEXT})
    crafts = {(r["name"], r["type"]) for r in kg.query(b.dataset, "spacecraft").rows}
    assert {("Solace Reach", "space_station"), ("Veyra-4", "capsule"), ("Quillon-2", "launch_vehicle")} <= crafts


def test_name_heads_are_well_formed():
    heads = gazetteer.name_heads()
    assert heads and all(h.kind in ("spacecraft", "organization") for h in heads)
    classes = {e.cls for e in gazetteer.entries().values()}
    assert all(h.cls in classes for h in heads)
    assert len({h.words for h in heads}) == len(heads)


def test_an_all_caps_dateline_is_not_a_person(nlp):
    doc = nlp.pipeline("VILLA ESPERANZA, Argentina — Ilinca Varga-Oyelaran landed on Tuesday.")
    assert {e.text for e in doc.ents if e.label_ == "PERSON"} <= {"Ilinca Varga-Oyelaran"}


def test_kg_pos_agrees_with_the_models_attribute_ruler(nlp):
    """kg_pos replaces the model's attribute_ruler (for speed); on the seeds they must agree."""
    import spacy

    from kg.nlp import available_model

    if nlp.model is None:
        pytest.skip("no statistical model installed: there is no attribute_ruler to compare with")
    full = spacy.load(available_model(), exclude=["lemmatizer"])
    assert "attribute_ruler" in full.pipe_names and "attribute_ruler" not in nlp.pipeline.pipe_names
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*")))
    ours, theirs = list(nlp.pipeline(text)), list(full(text))
    assert [t.text for t in ours] == [t.text for t in theirs]
    differ = [(a, b) for a, b in zip(ours, theirs) if a.pos_ != b.pos_]
    assert len(differ) / len(ours) < 0.02
    # what differs is decided by the parse (kg_pos runs before it): function words, which the
    # extractors never tell apart ('as' ADP/SCONJ, 'this' DET/PRON, an auxiliary AUX/VERB)
    assert all(a.is_stop or a.lower_ in ("’ve", "'ve") for a, _ in differ)
    assert {(a.pos_, b.pos_) for a, b in differ} <= {
        ("ADP", "SCONJ"),
        ("DET", "PRON"),
        ("AUX", "VERB"),
        ("VERB", "AUX"),
    }


def test_titles_are_lowercase_words():
    titles = gazetteer.titles()
    assert "president" in titles and all(t == t.lower() and " " not in t for t in titles)


def test_a_named_capsule_and_its_bare_name_are_one_craft(build_text):
    text = (
        "The Crew Dragon Tenacity hit the water off Pensacola on May 2, 2029, ending Crew-31.\n"
        "The mission began when a Falcon 9 rocket carrying Tenacity lifted off on Nov. 15, 2028.\n"
        "Crew Dragon Splashes Down Safely Off Florida\n"
        "Starliner Calypso landed in New Mexico in 2019.\n"
    )
    b = build_text({"t.txt": text})
    labels = {r["name"] for r in kg.query(b.dataset, "spacecraft").rows}
    assert "Starliner Calypso" in labels and "Crew Dragon Splashes" not in labels
    spacecraft = {r["spacecraft"] for r in kg.query(b.dataset, "missions").rows if r["name"] == "Crew-31"}
    assert len(spacecraft) == 1 and "Tenacity" in spacecraft.pop()  # the type 'Crew Dragon' is dropped
    dated = {(r["type"], r["vehicle"]) for r in kg.query(b.dataset, "events").rows if r["date"]}
    assert {t for t, _ in dated} == {"launch", "splashdown"}
    assert all(v and "Tenacity" in v for _, v in dated)  # the bare 'Tenacity' of the launch too


def test_a_family_name_known_once_marks_its_other_uses(nlp):
    text = (
        "Ilse Carvallo-Nyberg handed command to the newly arrived Amaru Kenji Quispe-Halvorsen on Thursday.\n"
        "Quispe-Halvorsen, a 47-year-old Peruvian test pilot, thanked her.\n"
        "With Quispe-Halvorsen were three crewmates.\n"
        "Astronaut Corwin Rose toured the Rose Garden.\n"
    )
    people = [e.text for e in nlp.pipeline(text).ents if e.label_ == "PERSON"]
    assert "Amaru Kenji Quispe-Halvorsen" in people  # given names before a family name known elsewhere
    assert "Quispe-Halvorsen" in people
    assert "Rose" not in people  # a family name inside a longer capitalised name is not the person


def test_the_model_multiplies_matrices_with_numpy_and_leaves_the_callers_backend_alone(nlp):
    """blis's gemm is about a third as fast as numpy's OpenBLAS on this machine; thinc's
    ``use_blis=False`` switch moves the model's matrix products over, for this pipeline only."""
    from thinc.api import NumpyOps, get_current_ops

    if nlp.model is None:
        pytest.skip("no statistical model installed")
    for name in ("tok2vec", "ner", "parser"):
        ops = nlp.pipeline.get_pipe(name).model.ops
        assert isinstance(ops, NumpyOps) and ops.use_blis is False, name
    current = get_current_ops()
    assert not isinstance(current, NumpyOps) or current.use_blis is True


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the model stops on the hyphen of a joined family name
        (
            "Aboard were three crew: commander Ásdís Quilla Mamani-Rautio, 44, and two others.",
            "Ásdís Quilla Mamani-Rautio",
        ),
        ("New Zealand astronaut Ngaio Ó Faoláin-Serrano came home on Thursday.", "Ngaio Ó Faoláin-Serrano"),
        # a name after a role word runs to four words, its hyphens aside
        ("Volkov handed command to Omar Bel-Hadj Sørli on Friday.", "Omar Bel-Hadj Sørli"),
    ],
)
def test_joined_family_names_stay_whole(nlp, text, name):
    people = {e.text for e in nlp.pipeline(text).ents if e.label_ == "PERSON"}
    assert name in people, people
