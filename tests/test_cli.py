"""The command line, run as a user runs it: summaries, exit codes, one-line errors, atomic output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd or ROOT)


def test_help_shows_examples():
    for args in (["--help"], ["build", "--help"], ["query", "--help"]):
        out = kg(*args)
        assert out.returncode == 0 and "example" in out.stdout


def test_bad_inputs_are_reported_and_good_ones_built(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(
        (ROOT / "seeds" / "004_c18ce0b8e03e43b4.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (src / "bad-utf8.txt").write_bytes(b"Astronaut Jane Quorra\xff\xfe landed \x80 today.")
    (src / "page.html").write_text(
        "<html><script>alert('x')</script><p>NASA astronaut Dana \"Ace\" <b>O'Brien</b> flew.</p></html>"
    )
    (src / "names.txt").write_text('Cosmonaut Ivan "The <Bold>" Petrov\nlanded.\n')
    with (src / "huge.txt").open("wb") as fh:
        fh.seek(20 * 1024 * 1024)
        fh.write(b"x")
    out_file = tmp_path / "graph.ttl"
    out = kg("build", str(src), "-o", str(out_file), "--no-validate")
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3 and all(len(e) < 200 for e in errors)
    assert (
        any("empty.txt" in e for e in errors)
        and any("binary.txt" in e for e in errors)
        and any("huge.txt" in e for e in errors)
    )
    import rdflib

    g = rdflib.Graph().parse(out_file)  # valid RDF
    assert len(g) > 100


def test_failed_run_keeps_existing_output(tmp_path):
    out_file = tmp_path / "graph.ttl"
    out_file.write_text("previous")
    out = kg("build", str(tmp_path / "missing"), "-o", str(out_file))
    assert out.returncode != 0 or out_file.read_text() != "previous"
    assert "Traceback" not in out.stderr
    out = kg("build", "seeds", "-o", str(tmp_path / "nofolder" / "g.ttl"))
    assert out.returncode == 2 and "does not exist" in out.stderr and "Traceback" not in out.stderr


def test_query_formats_and_safety(tmp_path):
    graph = tmp_path / "g.trig"
    assert kg("build", "seeds", "-o", str(graph), "--no-validate").returncode in (0,)
    out = kg("query", "people", "--graph", str(graph), "--format", "csv")
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "person,name,role,agency,nationality,age"
    out = kg("query", "sources", "--graph", str(graph), "--param", "subject=Scott Kelly", "--format", "tsv")
    assert out.stdout.splitlines()[0].split("\t") == ["predicate", "object", "document", "sentence", "start", "end"]
    for bad in (
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "LOAD <http://example.org/x>",
    ):
        q = tmp_path / "bad.rq"
        q.write_text(bad)
        out = kg("query", str(q), "--graph", str(graph))
        assert out.returncode == 2 and "Traceback" not in out.stderr
    out = kg("query", "people", "--graph", str(graph), "--param", 'x="} DROP ALL {')
    assert out.returncode == 0


def test_build_is_byte_identical(tmp_path):
    outs = []
    for n, seed in enumerate(("1", "2")):
        path = tmp_path / f"g{n}.trig"
        env = {"PYTHONHASHSEED": seed}
        import os

        subprocess.run(
            [sys.executable, "-m", "kg", "build", "seeds", "-o", str(path), "--no-validate"],
            cwd=ROOT,
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
        outs.append(path.read_bytes())
    assert outs[0] == outs[1]


def test_closed_pipe_is_not_an_error(tmp_path):
    graph = tmp_path / "g.trig"
    kg("build", "seeds", "-o", str(graph), "--no-validate")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "query", "sources", "--graph", str(graph), "--param", "subject=Scott Kelly"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # closed before kg writes: its first write fails with EPIPE
    assert proc.wait() == 0
    assert b"Traceback" not in proc.stderr.read()
