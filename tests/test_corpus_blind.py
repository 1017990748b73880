"""A blind corpus (tests/corpus_blind): derive against a truth decided without it.

The documents were written the way students, teachers and paper appendices write, with no notation
file and without looking at what derive's reader handles: declarations and definitions in the prose,
cases, aligned chains, derivatives, matrices, sums with conditions, and about a quarter of the links
wrong with the mistakes people make. ``NAME.truth.toml`` records each link's truth in the context the
document sets up (true, false, or "definition"/"assumption": not a claim), keyed by the line of the
link's left term and its two terms as written (``links.py`` finds them, without derive), and
``oracle.py`` re-decides every one of them numerically with NumPy.

derive must never contradict that truth: a true link refuted, a false link proved (or bounded, or
numerically consistent), a definition or an assumption refuted. Where it does today, the link is in
``KNOWN_WRONG`` with the reason, so the gap stays visible; a listed link that derive gets right fails
the test until it is removed from the list.

    python -m pytest -q -s tests/test_corpus_blind.py     # prints the fraction decided and the refusals

The run of derive over the corpus (one ``derive check --format json --jobs 2`` of the folder) takes about ten
minutes on two cores: the tests that need it are marked slow.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus_blind"
HOLDS = ("proved", "bounded", "numeric")
DECIDED = ("proved", "bounded", "refuted")
NOT_CLAIMS = ("definition", "assumption")


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"corpus_blind_{name}", CORPUS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    sys.path.insert(0, str(CORPUS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(CORPUS))
    return module


links = _load("links")
oracle = _load("oracle")
STEMS = oracle.stems()

# "<document stem> <truth key>": why derive contradicts the truth in context today (each reproduces alone in
# a document of a few lines holding the declaration and the link).
KNOWN_WRONG: dict[str, str] = {
    '136_solution_key_contrastive_pair_loss line 36: \\nabla_u L_2 = -2 (m - D^2)(u - v)':
        'the condition "inside the margin" is said in words only',
    "515_notes_rao_blackwell_poisson_zero line 50: \\frac{\\psi'(\\lambda)^2}{I_n(\\lambda)} = "
    "\\frac{e^{-2\\lambda}}{n / \\lambda^2}":
        'the words give I_n(lambda) a wrong value ("the Fisher information of the sample is $I_n(\\lambda) = n / '
        '\\lambda^2$"), read as its definition: the substitution is proved from it',
    "515_notes_rao_blackwell_poisson_zero line 50 ends: \\frac{\\psi'(\\lambda)^2}{I_n(\\lambda)} = "
    "\\frac{\\lambda^2 e^{-2\\lambda}}{n}":
        'the words give I_n(lambda) a wrong value, read as its definition: the substitution is proved from it',
    "536_handout_attention_key_value_gradients line 49: \\frac{\\partial o}{\\partial q} = \\frac{1}{\\sqrt{d}} "
    "K\\T \\left( \\operatorname{diag}(a) - a a\\T \\right) V":
        'the words give the Jacobian its shape ("the $d_v \\times d$ matrix"), which is not read: with no layout said, '
        'the transposed product is proved under transposition (marked ~, the convention named)',
    "921_reading_group_master_theorem_recurrences line 25: 8^k + \\sum_{j=0}^{k-1} 8^j \\left( \\frac{n}{2^j} \\right)^2 = "
    "n^3 + n^2 \\sum_{j=0}^{k-1} 2^j":
        'the words tie k to n ("we only look at exact powers of $b$, writing $k$ for the exponent": n = 2^k), which is '
        'not read: n and k are read as two sizes, and the link is refuted where n is no power of two',
    "921_reading_group_master_theorem_recurrences line 27: n^3 + n^2 \\left( 2^{k+1} - 1 \\right) = 3n^3 - n^2":
        'the words tie k to n (n = 2^k), which is not read',
    "921_reading_group_master_theorem_recurrences line 35: 3^k + 3n \\left( \\left( \\tfrac{3}{2} \\right)^k - 1 "
    "\\right) = 4 \\cdot 3^k - 3n":
        'the words tie k to n (n = 2^k), which is not read',
    "879_office_hours_horner_newton_lagrange_interpolation line 35: L_1(2) = 1":
        'the words call L_0, L_1, L_2 the Lagrange basis polynomials of the nodes ("The basis polynomials are"), which '
        'is not read: the display after them is read as their definitions, and L_1\'s is wrong (its sign), so L_1(2) = 1, '
        'true of the basis polynomial, is refuted against the formula the document wrote',
    "988_office_hours_eigenvalues_2x2 line 53: \\lambda_1\\lambda_2 = \\frac{25 - 17}{4}":
        'the words make lambda_1, lambda_2 the eigenvalues of the matrix under discussion ("Convention for the whole '
        'session"), which is not read: the next student\'s $$\\lambda_1 = \\frac{5 + \\sqrt{17}}{2}$$ (a wrong '
        'discriminant) is read as the definition for that student\'s part, and the product is proved from it',
    "988_office_hours_eigenvalues_2x2 line 53 ends: \\lambda_1\\lambda_2 = 2":
        'lambda_1, lambda_2 are the eigenvalues of the matrix the words discuss, which is not read: the wrong roots '
        'written for them are read as their definitions',
}


_RELATION = re.compile(r"\\(?:le|leq|ge|geq|neq|ne|approx)(?![A-Za-z])|<|>")


def _truth(stem: str) -> dict:
    return oracle.truth(stem)


def _table():
    """(file name, line, is ends, normalised LaTeX) -> (stem, key), for every link and every whole chain."""
    table, chains = {}, {}
    for stem in STEMS:
        path = oracle.source(stem)
        macros = links.macros(path) if path.suffix == ".tex" else {}
        found = links.links(path)
        for link in found:
            latex = links.normal(links.expand(f"{link.left}={link.right}", macros))
            table[(path.name, link.line, link.index == 0, latex)] = (stem, link.key)
            # "a = b = \begin{cases} ... \end{cases}": derive checks the last link branch by branch, b = each value
            cases = re.fullmatch(r"\s*\\begin\{cases\}(.*)\\end\{cases\}\s*", link.right, flags=re.S)
            if cases and link.index != 0:
                for row in re.split(r"\\\\", cases.group(1)):
                    branch = links.normal(links.expand(f"{link.left}={row.split('&')[0].strip()}", macros))
                    table.setdefault((path.name, link.line, False, branch), (stem, link.key))
            # "a = b < 0", "a = b \approx 0.476": derive reports the link a = b and the relation after it apart; both
            # are this link
            right = links.expand(link.right, macros)
            split = _RELATION.search(right)
            if split and link.index != 0:
                before = right[:split.start()]
                for part in (f"{link.left}={before}", right):
                    table.setdefault((path.name, link.line, False, links.normal(links.expand(part, macros))),
                                     (stem, link.key))
        for chain in {link.chain for link in found}:
            members = sorted((l for l in found if l.chain == chain and l.index), key=lambda l: l.index)
            if len(members) > 1:     # a chain derive reports as one step: its links share the verdict
                whole = "=".join([members[0].left] + [l.right for l in members])
                chains[(path.name, members[0].line, links.normal(links.expand(whole, macros)))] = \
                    [(stem, l.key) for l in members]
    return table, chains


@pytest.fixture(scope="module")
def results():
    """derive's verdict on every link of the corpus, by (stem, key); unmatched results apart."""
    run = subprocess.run([sys.executable, "-m", "derive", "check", str(CORPUS), "--format", "json", "--jobs", "2"],
                         cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    table, chains = _table()
    found, unmatched = {}, []
    for r in json.loads(run.stdout)["results"]:
        name = Path(r["file"]).name
        latex = links.normal(r["latex"])
        key = table.get((name, r["line"], r["part"] == "ends", latex))
        if key is not None:
            if key not in found or r["verdict"] in ("refuted", "error"):  # (a branch refuted refutes the link)
                found[key] = r
        elif r["part"] != "ends" and (name, r["line"], latex) in chains:
            for key in chains[(name, r["line"], latex)]:
                found.setdefault(key, r)
        elif r["verdict"] != "unknown":
            # (an undecided result derive splits otherwise than links.py, "p_i = a \quad (i \in M), \qquad p_i = 0",
            # cannot contradict a truth; a decided one must line up with a recorded link)
            unmatched.append(f"{name} line {r['line']} {r['part']}: {r['latex']} ({r['verdict']})")
    return found, unmatched


def _contradicts(truth, verdict: str) -> bool:
    return verdict == "error" or (truth is True and verdict == "refuted") \
        or (truth is False and verdict in HOLDS) or (truth in NOT_CLAIMS and verdict == "refuted")


def _reason(detail: str) -> str:
    """A refusal's reason without the names and lines it cites: what groups refusals of one kind."""
    text = re.sub(r"^(not checked: )?((left|right) side: |both sides: )?", "", detail)
    text = re.sub(r"\$[^$]*\$", "…", text)
    text = re.split(r";|, which line| \((?!Kronecker)|: a counterexample|: as read|: only a|: write", text, maxsplit=1)[0]
    text = re.sub(r"^\S+ (is never declared)", r"· \1", text)
    text = re.sub(r"\bd\w+/d\.\.\.", "d·/d·", text)
    text = re.sub(r"\\[A-Za-z]+(\{[^}]*\})*|\b(?!a\b)[A-Za-z](_\w+)?\b|\b\d+\b", "·", text)
    return re.sub(r"(· ?)+", "· ", text).strip()[:100]


def test_the_corpus_is_large_enough_and_a_fair_share_of_its_links_is_wrong():
    """(Documents as people write them are mostly right: at least a fifth of the claims false, at most 45 %.)"""
    sources = [oracle.source(stem) for stem in STEMS]
    assert sum(p.suffix == ".md" for p in sources) >= 20
    assert sum(p.suffix == ".tex" for p in sources) >= 3
    assert sum(p.suffix == ".ipynb" for p in sources) >= 2
    claims = [value for stem in STEMS for key, value in _truth(stem).items()
              if value in (True, False) and " ends: " not in key]
    assert 0.2 <= claims.count(False) / len(claims) <= 0.45


@pytest.mark.parametrize("stem", STEMS)
def test_every_link_of_a_document_has_its_truth_recorded(stem):
    keys = [link.key for link in links.links(oracle.source(stem))]
    truth = _truth(stem)
    assert len(keys) == len(set(keys)), "two links of one line with the same terms"
    assert set(keys) == set(truth)
    assert all(value in (True, False, *NOT_CLAIMS) for value in truth.values())


def test_an_independent_numeric_oracle_agrees_with_every_recorded_truth():
    assert oracle.disagreements() == []


def test_the_oracle_tells_a_wrong_truth_apart():
    """The oracle is not a rubber stamp: with every recorded truth negated it disagrees on every claim."""
    stem = "24_graded_quiz"
    verdicts = oracle.verdicts(stem)
    claims = {key: value for key, value in _truth(stem).items() if value in (True, False)}
    assert claims and all(verdicts[key] is value for key, value in claims.items())
    assert {False, True} <= set(claims.values())


@pytest.mark.slow
def test_every_result_of_derive_lines_up_with_a_recorded_link(results):
    _, unmatched = results
    assert unmatched == []


@pytest.mark.slow
def test_derive_contradicts_the_truth_only_where_it_is_known_to(results, capsys):
    found, _ = results
    contradictions, refusals = {}, Counter()
    claims = decided = numeric = missing = 0
    for stem in STEMS:
        for key, truth in _truth(stem).items():
            r = found.get((stem, key))
            if r is not None and _contradicts(truth, r["verdict"]):
                contradictions[f"{stem} {key}"] = f"truth {truth}, derive {r['verdict']}"
            if truth in NOT_CLAIMS or " ends: " in key:
                continue
            claims += 1
            if r is None:
                missing += 1
                refusals["not reported by derive"] += 1
                continue
            decided += r["verdict"] in DECIDED
            numeric += r["verdict"] == "numeric"
            if r["verdict"] == "unknown":
                refusals[_reason(r["detail"])] += 1
    with capsys.disabled():
        print(f"\ncorpus_blind: {len(STEMS)} documents, {decided} of {claims} links decided "
              f"({100 * decided / claims:.0f} %), {numeric} numerically consistent only, {missing} not reported; "
              f"{len(contradictions)} contradictions of the truth")
        for name, what in sorted(contradictions.items()):
            print(f"  {name}: {what}" + ("" if name in KNOWN_WRONG else "  (NEW)"))
        print("undecided links, by reason:")
        for reason, count in refusals.most_common():
            print(f"  {count:3d}  {reason}")
    new = sorted(set(contradictions) - set(KNOWN_WRONG))
    gone = sorted(set(KNOWN_WRONG) - set(contradictions))
    assert not new, f"derive contradicts the truth: {new}"
    assert not gone, f"no longer contradictions (remove them from KNOWN_WRONG): {gone}"


def test_every_known_wrong_link_is_a_link_of_the_corpus():
    keys = {f"{stem} {key}" for stem in STEMS for key in _truth(stem)}
    assert set(KNOWN_WRONG) <= keys
