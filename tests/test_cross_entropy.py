"""The cross-entropy catalog: what each document's mistakes and right conclusions come out as."""

import pytest

from derive.catalog.cross_entropy import DERIVATIONS
from derive.model import Verdict, checks_of
from derive.verify import Settings, verify_check

CHECKS = {c.id: c for d in DERIVATIONS for c in checks_of(d)}


def verdict_of(check_id):
    return verify_check(CHECKS[check_id], Settings(timeout=20))


def test_one_derivation_per_document_in_order():
    assert [d.id for d in DERIVATIONS] == ["ce-grad/000", "ce-grad/002", "ce-grad/003", "ce-grad/004"]
    assert {d.topic for d in DERIVATIONS} == {"cross_entropy"}
    assert [d.source[:3] for d in DERIVATIONS] == ["000", "002", "003", "004"]


def test_gradients_written_as_vectors_are_vectors():
    for check_id in ("ce-grad/000/18-conclusion#1", "ce-grad/002/2-b-dce-dtheta#1"):
        check = CHECKS[check_id]
        assert len(check.lhs.axes) == len(check.rhs.axes) == 1


@pytest.mark.parametrize("check_id, verdict", [
    ("ce-grad/000/17#1", Verdict.REFUTED),
    ("ce-grad/000/18#ends", Verdict.REFUTED),
    ("ce-grad/000/18-conclusion#1", Verdict.PROVED),
])
def test_q2b_conclusion_is_right_and_its_steps_are_not(check_id, verdict):
    assert verdict_of(check_id).verdict is verdict


def test_sum_over_i_of_a_term_in_j_is_refuted_and_j_is_noted():
    r = verdict_of("ce-grad/002/2-b#4")
    assert r.verdict is Verdict.REFUTED
    assert r.counterexample is not None and "j" in r.counterexample.indices
    assert any("index j is free" in note for note in r.notes)


def test_case_split_on_the_true_class_is_proved():
    # k = t needs the derivative of the one-hot entry y_k = delta_kk to vanish.
    assert verdict_of("ce-grad/003/case-1-k-t#ends").verdict is Verdict.PROVED


def test_entry_against_vector_is_refuted_by_shape_but_holds_entrywise():
    r = verdict_of("ce-grad/003/b-last-line#1")
    assert r.verdict is Verdict.REFUTED and "shapes differ" in r.detail
    assert verdict_of("ce-grad/003/b-last-line-componentwise#1").verdict is Verdict.PROVED


def test_dropped_batch_factor_fails_from_two_images():
    r = verdict_of("ce-grad/004/1-2#1")
    assert r.verdict is Verdict.REFUTED
    assert r.counterexample.sizes["N"] == 2


def test_two_errors_in_004_cancel():
    assert verdict_of("ce-grad/004/7#2").verdict is Verdict.REFUTED
    assert verdict_of("ce-grad/004/7#ends").verdict is Verdict.PROVED
