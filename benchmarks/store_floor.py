"""The floor under the rules-only build: what the tokenizer and rdflib's store cost by themselves.

    python benchmarks/store_floor.py --articles 300

Builds the articles once (rules only, one core), then times two things no extractor change can
remove: spaCy's bare English tokenizer over the texts, and adding the finished graph's quads,
already built as rdflib terms, into a fresh rdflib Dataset (the Memory store every rdflib graph
uses).  With ~1,260 quads an article (every fact carries its sentence, offsets and extractor),
the store alone sets the lowest time an article can take while the graph stays an rdflib one.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import make_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})
    import spacy
    from rdflib import Dataset

    import kg
    from kg.nlp import build_nlp

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), args.articles)
        result = kg.build([tmp], nlp=build_nlp(None))
    n = len(result.articles)
    blank = spacy.blank("en")
    start = time.perf_counter()
    for _ in blank.pipe(a.text for a in result.articles):
        pass
    tokenize = time.perf_counter() - start

    fresh = Dataset(default_union=True)
    graphs = {}
    quads = [
        (s, p, o, graphs[g] if g in graphs else graphs.setdefault(g, fresh.graph(g)))
        for s, p, o, g in result.dataset.quads((None, None, None, None))
    ]
    gc.disable()  # a floor: the cyclic collector's rescans of the growing store are left out
    start = time.perf_counter()
    fresh.store.addN(quads)
    store = time.perf_counter() - start
    gc.enable()
    print(f"articles: {n}, quads per article: {len(quads) / n:.0f}")
    print(f"spaCy blank English tokenizer: {1000 * tokenize / n:.2f} ms an article")
    print(
        f"rdflib Memory store, prebuilt quads: {1000 * store / n:.2f} ms an article "
        f"({1e6 * store / len(quads):.2f} us a quad)"
    )
    print(f"budget at 200 articles/s: 5.00 ms an article; floor: {1000 * (tokenize + store) / n:.2f} ms")


if __name__ == "__main__":
    main()
