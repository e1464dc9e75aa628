"""What SHACL validation produces: the namespaces, the severities and the result records.

``Finding`` is one validation result in words; ``ValidationResult`` holds the findings with
the standard SHACL report.  ``kg.shapes``, ``kg.validate`` and ``kg.report`` all build on this
module, which imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Namespace
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")
SFSH = Namespace("https://w3id.org/spaceflight-kg/shapes#")
SEVERITIES: dict[Node, str] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_RANK = {"Violation": 0, "Warning": 1, "Info": 2}


def severity_rank(severity: str) -> int:
    """Where a severity sorts: Violation first, then Warning, Info, and anything else last."""
    return _RANK.get(severity, 3)


@dataclass(frozen=True)
class Finding:
    """One validation result, in words: what is wrong, where, and which sentences said it."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str | None
    value: str | None
    shape: str
    constraint: str  # e.g. "sh:MinCountConstraintComponent"
    message: str
    sources: tuple[tuple[str, str], ...] = ()  # (document, sentence text)


@dataclass(frozen=True)
class ValidationResult:
    """The outcome: conforms means no Violations (Warnings and Info are allowed)."""

    conforms: bool
    findings: tuple[Finding, ...]
    report_graph: Graph  # the standard SHACL validation report
    triples: int = 0  # size of the validated union

    def count(self, severity: str) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)
