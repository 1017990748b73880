"""The reader over SymPy's own LaTeX parser test lists: read and equal, refused, or different.

Usage: python benchmarks/latex_suite.py [--verbose]

The pairs (LaTeX, the expression SymPy's parser is expected to give) and the strings SymPy's parser
must reject are imported from the installed SymPy's test modules (sympy/parsing/tests/test_latex.py
and test_latex_lark.py), not copied. Each string is read as a one-formula document without a notation
file (every letter is an undeclared name). A pair is *equal* when the difference of the two
expressions simplifies to 0 or, failing that, agrees at random real points to 30 digits; *different*
when it does not (a misreading: the number that must be 0); *refused* when the reader says why not.
Pairs whose LaTeX uses a construct derive does not take on (integrals, limits, complex numbers,
matrices, binomials, factorials, relations, bra-ket, floor and ceiling, conjugates, evaluation bars,
differentials in integrands, percent and degrees) are counted apart as out of scope. Refusals are
grouped by their reason.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sympy as sp  # noqa: E402

from derive.errors import FormulaError  # noqa: E402
from derive.read.notation_file import Notation  # noqa: E402
from derive.read.reader import Reader  # noqa: E402

OUT_OF_SCOPE = {
    "integral": r"\\int|\\iint|\\oint",
    "limit": r"\\lim",
    "complex number": r"(?<![A-Za-z\\])i(?![A-Za-z])|\\overline|\\bar|\\imath|\\Re|\\Im|\\arg|\\imaginaryunit",
    "infinity": r"\\infty",
    "matrix": r"\\begin|\\det|\\matrix|\\pmatrix",
    "binomial": r"\\binom|\\choose|\\tbinom|\\dbinom",
    "factorial": r"!",
    "relation": r"=|<|>|\\le|\\ge|\\ne|\\approx|\\sim",
    "bra-ket": r"\\bra|\\ket|\\langle[^,]*\||\\rangle",
    "floor and ceiling": r"\\lfloor|\\lceil|\\floor|\\ceil",
    "evaluation bar": r"\|_",
    "percent and degrees": r"\\%|\\circ|\\degree",
    "modulo": r"\\mod|\\pmod|\\bmod",
}


def pairs():
    """(name of the list, LaTeX, expected expression) from the installed SymPy's tests."""
    import sympy.parsing.tests.test_latex as antlr_tests
    import sympy.parsing.tests.test_latex_lark as lark_tests

    for latex, expected in antlr_tests.GOOD_PAIRS:
        yield "test_latex.GOOD_PAIRS", latex, expected
    for name in sorted(dir(lark_tests)):
        if name.endswith("_PAIRS"):
            for latex, expected in getattr(lark_tests, name):
                yield f"test_latex_lark.{name}", latex, expected


def bad_strings():
    import sympy.parsing.tests.test_latex as antlr_tests

    return list(antlr_tests.BAD_STRINGS)


def read(latex: str):
    """The expression derive reads from one formula, as a one-formula document without notation."""
    reader = Reader(Notation())
    reader.learn([([(latex, 1)], [])])
    return reader.read(latex).expr


def _plain(expr):
    """expr with every symbol a plain Symbol of its name, every undefined function a plain one of its name,
    derive's functions unfolded, and a symbol named pi the constant (SymPy's tests read \\pi as a symbol)."""
    from derive.notation import Unfoldable

    expr = expr.replace(lambda e: isinstance(e, Unfoldable), lambda e: e.unfold())
    expr = expr.replace(lambda e: isinstance(e, sp.core.function.AppliedUndef),
                        lambda e: sp.Function(str(e.func))(*e.args))
    names = {s: sp.Symbol(re.sub(r"[{}\\ ]", "", s.name)) for s in expr.free_symbols if isinstance(s, sp.Symbol)}
    expr = expr.xreplace(names)
    return expr.xreplace({sp.Symbol("pi"): sp.pi})


def _doit(expr):
    try:
        return expr.doit()
    except Exception:  # noqa: BLE001 - an expression SymPy cannot evaluate is compared as it is
        return expr


def same(mine, theirs) -> bool | str | None:
    """True when equal, "renamed" when equal once the symbols are renamed one to one, False when
    different, None when neither could be shown.

    The renaming is there for names SymPy's tests spell differently from how TeX sets them: TeX sets
    ``a'_b`` and ``a_b'`` alike (one symbol to derive), SymPy's tests give two symbol names.
    """
    a, b = _doit(_plain(mine)), _doit(_plain(sp.sympify(theirs)))
    verdict = _equal(a, b)
    if verdict is False:
        ours, others = sorted(a.free_symbols, key=str), sorted(b.free_symbols, key=str)
        if len(ours) == len(others) <= 4 and {str(s) for s in ours} != {str(s) for s in others}:
            for perm in itertools.permutations(others):
                if _equal(a.xreplace(dict(zip(ours, perm))), b) is True:
                    return "renamed"
    return verdict


def _equal(a, b) -> bool | None:
    try:
        if sp.simplify(a - b) == 0:
            return True
    except Exception:  # noqa: BLE001
        pass
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    rng = random.Random(0)
    agreed = 0
    for _ in range(16):
        point = {s: sp.Rational(rng.randint(1, 97), rng.randint(1, 13)) for s in symbols}
        try:
            va, vb = sp.N(a.subs(point), 30), sp.N(b.subs(point), 30)
        except Exception:  # noqa: BLE001
            continue
        # derive reads in the real domain (the real cube root of a negative number): compare where both are real.
        if not (va.is_number and vb.is_number and va.is_real and vb.is_real):
            continue
        if abs(complex(va) - complex(vb)) > 1e-20 * (1 + abs(complex(va))):
            return False
        agreed += 1
    return True if agreed >= 3 else None


def scope(latex: str) -> str | None:
    for name, pattern in OUT_OF_SCOPE.items():
        if re.search(pattern, latex):
            return name
    return None


def _construct(reason: str) -> str:
    """A refusal's reason without the names it mentions, to group refusals by construct."""
    return re.sub(r"'[^']*'|\b[a-zA-Z]\b|\d+", "…", reason)[:90]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every refused and different string")
    args = ap.parse_args()
    counts = collections.Counter()
    refusals = collections.defaultdict(list)
    different, undecided, out_of_scope = [], [], collections.Counter()
    for source, latex, expected in pairs():
        where = scope(latex)
        if where:
            out_of_scope[where] += 1
            continue
        try:
            mine = read(latex)
        except FormulaError as exc:
            counts["refused"] += 1
            refusals[_construct(str(exc))].append(latex)
            continue
        verdict = same(mine, expected)
        if verdict is True:
            counts["read and equal"] += 1
        elif verdict == "renamed":
            counts["read and equal up to the names of symbols"] += 1
        elif verdict is False:
            counts["different"] += 1
            different.append((source, latex, mine, expected))
        else:
            counts["not compared"] += 1
            undecided.append((latex, mine, expected))
    rejected = accepted = 0
    accepted_bad = []
    for latex in bad_strings():
        try:
            read(latex)
            accepted += 1
            accepted_bad.append(latex)
        except FormulaError:
            rejected += 1
    in_scope = sum(counts.values())
    print(f"in-scope pairs: {in_scope}")
    for key in ("read and equal", "read and equal up to the names of symbols", "refused", "different",
                "not compared"):
        share = f" ({100 * counts[key] / in_scope:.0f} %)" if in_scope else ""
        print(f"  {key}: {counts[key]}{share}")
    print(f"out of scope: {sum(out_of_scope.values())} ("
          + ", ".join(f"{k} {v}" for k, v in sorted(out_of_scope.items())) + ")")
    print(f"bad strings: {rejected} rejected, {accepted} read")
    for latex in accepted_bad:
        print(f"  read a bad string: {latex!r}")
    for source, latex, mine, expected in different:
        print(f"  DIFFERENT {source}: {latex!r}: read {mine}, expected {expected}")
    for latex, mine, expected in undecided:
        print(f"  not compared: {latex!r}: read {mine}, expected {expected}")
    print("refusals by construct:")
    for reason, strings in sorted(refusals.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        shown = ", ".join(repr(s) for s in strings[:3 if not args.verbose else None])
        print(f"  {len(strings):3d}  {reason}   e.g. {shown}")
    return 1 if different or accepted_bad else 0


if __name__ == "__main__":
    sys.exit(main())
