"""Build throughput and peak memory: N articles on one core, with and without the model.

    python benchmarks/build_bench.py --articles 1000

Articles are the seeds and the development set, each copy made unique by a trailing line so the
content-hash de-duplication does not skip it.  Each configuration runs in its own process so peak
memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, n: int) -> None:
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "devset" / "articles").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(texts[i % len(texts)] + f"\n\nArchive copy {i}.\n", encoding="utf-8")


def run_one(folder: str, model: str) -> None:
    os.sched_setaffinity(0, {0})
    import kg
    from kg.nlp import build_nlp

    nlp = build_nlp("auto" if model == "model" else None)
    start = time.perf_counter()
    result = kg.build([folder], nlp=nlp)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "model": nlp.model or "rules only",
                "articles": len(result.articles),
                "seconds": seconds,
                "per_second": len(result.articles) / seconds,
                "peak_mb": peak_mb,
                "triples": len(result.dataset),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), args.articles)
        print("| pipeline | articles | seconds | articles/s (1 core) | peak memory MB | triples |")
        print("| --- | --- | --- | --- | --- | --- |")
        for model in ("model", "rules"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", tmp, model], capture_output=True, text=True, check=True
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"| {r['model']} | {r['articles']} | {r['seconds']:.1f} | {r['per_second']:.1f} | {r['peak_mb']:.0f} | {r['triples']} |"
            )


if __name__ == "__main__":
    main()
