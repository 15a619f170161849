"""Shares and their intervals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from harness.tally import mention_shares, shares, wilson


def wilson_by_formula(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


@pytest.mark.parametrize(("k", "n"), [(95, 120), (0, 120), (120, 120), (1, 3), (88, 120)])
def test_wilson_matches_the_textbook_formula(k: int, n: int) -> None:
    lo, hi = wilson(k, n)
    want_lo, want_hi = wilson_by_formula(k, n)
    assert lo == pytest.approx(want_lo, abs=1e-9) and hi == pytest.approx(want_hi, abs=1e-9)


def test_wilson_of_the_rio_figure() -> None:
    lo, hi = wilson(95, 120)  # "Nex" in 95 of 120 answers
    assert (round(lo, 3), round(hi, 3)) == (0.711, 0.855)


def test_wilson_of_no_samples_is_undefined() -> None:
    assert all(math.isnan(x) for x in wilson(0, 0))


def frame(per_prompt: list[list[str]]) -> pd.DataFrame:
    rows = [
        {"prompt_id": f"p{i}", "condition": "none", "identity": label}
        for i, labels in enumerate(per_prompt)
        for label in labels
    ]
    return pd.DataFrame(rows)


def test_shares_count_per_label_and_sum_to_one() -> None:
    df = frame([["nex"] * 4 + ["qwen"], ["nex"] * 5, ["none"] * 5])
    table = shares(df, ["condition"], "identity").set_index("label")
    assert table.loc["nex", "k"] == 9 and table.loc["nex", "n"] == 15
    assert table["share"].sum() == pytest.approx(1.0)
    assert table.loc["nex", "wilson_lo"] < 9 / 15 < table.loc["nex", "wilson_hi"]


def test_clustered_interval_is_wider_when_prompts_disagree() -> None:
    # Same overall share (50%), but all-or-nothing per prompt: samples within a prompt are not
    # independent, and the prompt-clustered interval must say so.
    clustered = frame([["nex"] * 10 if i % 2 else ["qwen"] * 10 for i in range(10)])
    mixed = frame([["nex"] * 5 + ["qwen"] * 5 for _ in range(10)])
    wide = shares(clustered, ["condition"], "identity").set_index("label").loc["nex"]
    narrow = shares(mixed, ["condition"], "identity").set_index("label").loc["nex"]
    assert wide["wilson_lo"] == pytest.approx(narrow["wilson_lo"])
    assert (wide["cluster_hi"] - wide["cluster_lo"]) > 1.5 * (wide["wilson_hi"] - wide["wilson_lo"])
    # when prompts do not differ, the clustered interval is Wilson's widened only for 10 prompts (t, 9 df)
    assert narrow["wilson_lo"] > narrow["cluster_lo"] > narrow["wilson_lo"] - 0.05


def test_no_clustered_interval_is_a_point() -> None:
    # every prompt agrees: the old bootstrap read 0.0-0.0% for qwen and 100-100% for nex here
    table = shares(frame([["nex"] * 5 for _ in range(69)]), ["condition"], "identity", labels=["nex", "qwen"]).set_index("label")
    assert table.loc["qwen", "cluster_lo"] == 0.0 and 0.05 < table.loc["qwen", "cluster_hi"] < 0.06
    assert table.loc["nex", "cluster_hi"] == 1.0 and 0.94 < table.loc["nex", "cluster_lo"] < 0.95
    assert table.loc["qwen", "cluster_hi"] > table.loc["qwen", "wilson_hi"] and table.loc["nex", "cluster_lo"] < table.loc["nex", "wilson_lo"]


def test_labels_absent_from_a_group_are_reported_as_zero() -> None:
    table = shares(frame([["nex"] * 3]), ["condition"], "identity", labels=["nex", "rio"]).set_index("label")
    assert table.loc["rio", "k"] == 0 and table.loc["rio", "wilson_hi"] > 0


def test_mention_counts_overlap_like_the_published_rio_analysis() -> None:
    df = frame([["nex"] * 4])
    df["mentions"] = [frozenset({"nex", "nex-agi"}), frozenset({"nex"}), frozenset({"nex", "nex-agi"}), frozenset()]
    table = mention_shares(df, ["condition"], ["nex", "nex-agi"]).set_index("label")
    assert (table.loc["nex", "k"], table.loc["nex-agi", "k"]) == (3, 2)
    assert table["k"].sum() == 5 > table.loc["nex", "n"] == 4  # overlapping: a sample counts for both


def test_based_on_table_has_the_creator_row_shape_and_counts_a_missing_base_as_no_claim() -> None:
    from types import SimpleNamespace

    from harness.summary import claim_table

    df = frame([["nex"] * 3, ["nex"] * 2])
    df["based_on"] = ["qwen", "qwen", None, "none", "qwen"]
    labels, rows = claim_table(SimpleNamespace(answered=df), "based_on")  # type: ignore[arg-type]
    assert labels == ["qwen", "none"]
    by_key = {row["based_on"]: row for row in rows}
    assert (by_key["qwen"]["k"], by_key["none"]["k"], by_key["qwen"]["n"]) == (3, 2, 5)
    assert set(by_key["qwen"]) == {"condition", "based_on", "k", "n", "share", "wilson", "cluster"}
