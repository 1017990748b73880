"""Verification results as plain records that round-trip through JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from .model import Expect, Verdict

__all__ = ["Counterexample", "CheckResult", "tier_text", "results_document", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Counterexample:
    """A small instance where the two sides differ (or do not even have the same shape)."""

    sizes: dict[str, int]
    indices: dict[str, int]
    values: dict[str, str]
    lhs: str
    rhs: str
    reason: str = ""

    def describe(self) -> str:
        parts = [f"{k} = {v}" for k, v in {**self.sizes, **self.indices}.items()]
        parts += [f"{k} = {v}" for k, v in self.values.items()]
        where = ", ".join(parts)
        text = f"at {where}: " if where else ""
        if self.reason:
            return f"{text}{self.reason}"
        return f"{text}left = {self.lhs}, right = {self.rhs}"


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one check, with everything a renderer needs and nothing it must compute."""

    id: str
    derivation: str
    source: str
    label: str
    part: str
    verdict: Verdict
    detail: str
    expected: str
    seconds: float
    bound: int | None = None
    conventions: tuple[str, ...] = ()
    counterexample: Counterexample | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # The symbolic sizes the claim ranges over ("N", or "D_x", "H", "D_y"); () for scalars, None if not known.
    sizes: tuple[str, ...] | None = None

    @property
    def matches(self) -> bool:
        want = Expect.parse(self.expected)
        return want.verdict == self.verdict and want.convention == bool(self.conventions)

    @property
    def tier(self) -> str:
        return tier_text(self.verdict, self.bound, self.conventions, self.sizes)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["verdict"] = self.verdict.value
        d["tier"] = self.tier
        d["matches"] = self.matches
        d["conventions"] = list(self.conventions)
        d["notes"] = list(self.notes)
        d["sizes"] = None if self.sizes is None else list(self.sizes)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "CheckResult":
        d = dict(d)
        d.pop("tier", None)
        d.pop("matches", None)
        d["verdict"] = Verdict(d["verdict"])
        d["conventions"] = tuple(d.get("conventions", ()))
        d["notes"] = tuple(d.get("notes", ()))
        d["sizes"] = None if d.get("sizes") is None else tuple(d["sizes"])
        if d.get("counterexample"):
            d["counterexample"] = Counterexample(**d["counterexample"])
        return cls(**d)


def tier_text(verdict: Verdict, bound: int | None = None, conventions=(), sizes=None) -> str:
    """The verdict in words; ``sizes`` names what 'for all' ranges over (() for scalars, None: say N)."""
    sizes = ("N",) if sizes is None or (verdict is Verdict.BOUNDED and not sizes) else tuple(sizes)
    names = ", ".join(sizes)
    text = {
        Verdict.PROVED: f"proved for all {names}" if sizes else "proved",
        Verdict.BOUNDED: f"proved for {names} = 1..{bound}" if len(sizes) <= 1 else f"proved for {names} up to {bound}",
        Verdict.NUMERIC: "numerically consistent only",
        Verdict.REFUTED: "refuted",
        Verdict.UNKNOWN: "unknown",
        Verdict.ERROR: "INTERNAL ERROR",
    }[verdict]
    if conventions and verdict in (Verdict.PROVED, Verdict.BOUNDED, Verdict.NUMERIC):
        text += " under " + "; ".join(conventions)
    return text


def results_document(results, seconds: float) -> str:
    """The JSON document `derive check --format json` prints (schema in the README)."""
    counts = Counter(r.verdict.value for r in results)
    doc = {
        "schema": SCHEMA_VERSION,
        "summary": {
            "checks": len(results),
            "verdicts": dict(sorted(counts.items())),
            "as_expected": sum(r.matches for r in results),
            "differ": [r.id for r in results if not r.matches],
            "seconds": round(seconds, 3),
        },
        "results": [r.to_dict() for r in results],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)
