"""harness.stats on hand-made cases whose answers are known."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import t as student_t

from harness.stats import (
    compare_frames,
    compare_shares,
    design_effects,
    holm,
    newcombe,
    paired_permutation_pvalues,
    prompt_counts,
    share_interval,
)


def wilson_upper_at_zero(n: float, z: float) -> float:
    return z * z / (n + z * z)


def test_no_hits_in_345_answers_is_not_a_point_and_assumes_one_observation_per_prompt() -> None:
    low, high = share_interval(np.zeros(69), np.full(69, 5))
    z = student_t.ppf(0.975, 68)
    assert low == 0.0 and high == pytest.approx(wilson_upper_at_zero(69, z))
    assert 0.05 < high < 0.06  # not Wilson's 1.1% for 345 independent samples


def test_all_hits_mirror_no_hits() -> None:
    low, high = share_interval(np.full(69, 5), np.full(69, 5))
    z = student_t.ppf(0.975, 68)
    assert high == 1.0 and low == pytest.approx(1 - wilson_upper_at_zero(69, z))


def test_zero_of_six_samples_cannot_rule_out_five_percent() -> None:
    low, high = share_interval([0, 0, 0], [2, 2, 2])
    assert low == 0.0 and high > 0.5


def test_design_effect_is_samples_per_prompt_when_prompts_agree_and_one_when_they_do_not_differ() -> None:
    agree = design_effects([[5, 0, 5, 0, 5, 0]], [[5] * 6])
    mixed = design_effects([[2, 3, 2, 3, 2, 3]], [[5] * 6])
    assert agree[0] == pytest.approx(5.0)
    assert mixed[0] == 1.0  # floored: never narrower than Wilson


def test_clustered_interval_is_wider_when_prompts_agree() -> None:
    agree = share_interval([5, 0] * 12, [5] * 24)
    mixed = share_interval([3, 2] * 12, [5] * 24)
    assert agree[1] - agree[0] > 1.8 * (mixed[1] - mixed[0])


def test_no_samples_gives_an_undefined_interval() -> None:
    assert all(math.isnan(x) for x in share_interval([0, 0], [0, 0]))


def test_bad_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="same shape"):
        share_interval([1, 2], [5])
    with pytest.raises(ValueError, match="between 0 and totals"):
        share_interval([6], [5])


def test_holm_matches_the_step_down_by_hand() -> None:
    # sorted p: 0.01, 0.02, 0.04 -> 3*0.01, max(.03, 2*0.02), max(.04, 1*0.04)
    assert holm([0.04, 0.01, 0.02]) == pytest.approx([0.04, 0.03, 0.04])
    assert holm([]) == []


def test_exact_sign_flip_p_value_on_three_prompts() -> None:
    # every prompt moved the same way: only the all-plus and all-minus patterns reach |T|, so p = 2/8
    p = paired_permutation_pvalues([[0, 0, 0]], [[5, 5, 5]], [[5, 4, 5]], [[5, 5, 5]])
    assert p[0] == pytest.approx(0.25)


def test_identical_runs_show_no_difference_and_a_nonzero_interval() -> None:
    hits, totals = [0] * 24, [5] * 24
    for paired in (True, False):
        result = compare_shares(hits, totals, hits, totals, paired=paired)
        assert result.p_value == 1.0 and result.diff == 0.0
        assert result.diff_low < 0 < result.diff_high


def test_a_clear_difference_is_found_paired_and_unpaired() -> None:
    a, b, totals = [0, 1] * 12, [5, 4] * 12, [5] * 24
    paired, unpaired = compare_shares(a, totals, b, totals, paired=True), compare_shares(a, totals, b, totals, paired=False)
    assert paired.method == "paired permutation" and unpaired.method == "cluster-robust z"
    assert paired.p_value < 0.001 and unpaired.p_value < 0.001
    assert paired.diff == pytest.approx(0.8) and 0 < paired.diff_low < 0.8 < paired.diff_high
    assert set(paired.to_dict()) == {"share_a", "share_b", "diff", "diff_low", "diff_high", "p_value", "method", "paired"}


def test_paired_comparison_needs_the_same_prompts() -> None:
    with pytest.raises(ValueError, match="same prompts"):
        compare_shares([0, 1], [5, 5], [0, 1, 2], [5, 5, 5], paired=True)
    with pytest.raises(ValueError, match="answered samples"):
        compare_shares([0], [0], [0], [5], paired=False)


def test_newcombe_reduces_to_the_share_intervals_when_one_share_is_known_exactly() -> None:
    assert newcombe(0.0, (0.0, 0.0), 0.5, (0.4, 0.6)) == pytest.approx((0.4, 0.6))


def test_prompt_counts_align_prompts_and_fill_absent_ones() -> None:
    frame = pd.DataFrame({"prompt_id": ["b", "a", "a", "b", "b"], "identity": ["nex", "nex", "rio", "rio", "rio"]})
    hits, totals = prompt_counts(frame, "identity", "rio")
    assert hits.tolist() == [1, 2] and totals.tolist() == [2, 3]  # sorted ids: a, b
    hits, totals = prompt_counts(frame, "identity", "nex", ["b", "c", "a"])
    assert hits.tolist() == [1, 0, 1] and totals.tolist() == [3, 0, 2]


def test_compare_frames_pairs_prompts_by_id() -> None:
    a = pd.DataFrame({"prompt_id": ["p1"] * 5 + ["p2"] * 5, "identity": ["nex"] * 5 + ["rio"] * 5})
    b = pd.DataFrame({"prompt_id": ["p2"] * 5 + ["p1"] * 5, "identity": ["rio"] * 5 + ["nex"] * 5})
    same = compare_frames(a, b, "identity", "nex", paired=True)
    assert same.diff == 0.0 and same.p_value == 1.0 and same.method == "paired permutation"
    assert compare_frames(a, b, "identity", "nex", paired=False).method == "cluster-robust z"
