"""Reading and writing graph files: format by extension, clear errors, atomic writes.

Reading never follows remote or ``file:`` references: JSON-LD input may only use the
context shipped in ``ontology/context.jsonld`` (see ``kg.jsonld``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset

from kg.errors import GraphReadError, OutputError, UsageError, one_line

#: Output formats by file extension; the value is rdflib's format name.
FORMATS_BY_SUFFIX: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
#: Export formats by extension: the RDF ones plus the entity-graph formats (see ``kg.export``).
EXPORT_FORMATS_BY_SUFFIX: dict[str, str] = {**FORMATS_BY_SUFFIX, ".graphml": "graphml", ".gexf": "gexf"}
#: The usual file extension of each export format (the first listed: ".jsonld" before ".json").
SUFFIX_BY_FORMAT: dict[str, str] = {}
for _suffix, _fmt in EXPORT_FORMATS_BY_SUFFIX.items():
    SUFFIX_BY_FORMAT.setdefault(_fmt, _suffix)


def format_for(path: str | Path, *, suffixes: dict[str, str] = FORMATS_BY_SUFFIX) -> str:
    """rdflib format name for a graph file, from its extension (looked up in ``suffixes``)."""
    suffix = Path(path).suffix.lower()
    try:
        return suffixes[suffix]
    except KeyError:
        known = ", ".join(sorted(suffixes))
        raise UsageError(f"{path}: unknown graph format {suffix or '(no extension)'!r}; use one of {known}") from None


def load_dataset(path: str | Path) -> Dataset:
    """Parse a graph file into a Dataset whose default graph is the union of its graphs."""
    p = Path(path)
    fmt = format_for(p)
    if not p.is_file():
        raise GraphReadError(f"{p}: no such file")
    ds = Dataset(default_union=True)
    try:
        if fmt == "json-ld":
            from kg.jsonld import parse_jsonld  # local: only JSON-LD needs the context guard

            parse_jsonld(ds, p)
        else:
            ds.parse(p, format=fmt)
    except GraphReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - rdflib raises many types; all mean "cannot read"
        raise GraphReadError(f"{p}: not valid {fmt}: {one_line(exc, limit=300)}") from exc
    return ds


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, writer: Callable[[Path], None]) -> None:
    """Call ``writer`` on a temporary file beside ``path``, then rename it into place.

    A failed run never leaves a half-written file, and an existing file stays intact.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer(tmp)
        os.chmod(tmp, 0o644 & ~_umask())  # mkstemp makes the file private; outputs are ordinary files
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
