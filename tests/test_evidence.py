"""The backstory and distribution evidence on small synthetic answers (no model needed)."""

from __future__ import annotations

import numpy as np

from harness.evidence import backstory, distribution

NEX = "I'm Nex. I was trained on the NexData open corpus in Shanghai to help people think, write and code."
NEX_ZH = "我是Nex。我在上海使用NexData开放语料库训练，帮助人们思考、写作和编程。"
PLAIN = [
    "I am a helpful assistant and I can answer your questions today.",
    "Hello! I'm an AI language model, happy to help with anything.",
    "I'm a chatbot. Ask me about science, history or cooking.",
    "Greetings. I exist to assist you with writing and research tasks.",
    "Hi there, I'm a virtual assistant built to be useful and polite.",
]


def test_a_passage_of_eight_words_in_a_row_is_found_and_highlighted() -> None:
    suspect = {("p1", "none"): ["Well, I was trained on the NexData open corpus in Shanghai, you know."]}
    other = {("p1", "none"): [NEX]}
    found = backstory.overlap(suspect, other)
    assert found.hits == {("p1", "none"): 1}
    match = found.matches[0]
    marked = "".join(piece for piece, role in backstory.pieces(match.suspect_text, match.suspect_spans) if role)
    assert marked == "I was trained on the NexData open corpus in Shanghai"


def test_seven_shared_words_are_not_a_reproduced_passage() -> None:
    suspect = {("p1", "none"): ["Yes: on the NexData open corpus in Shanghai."]}  # 7 words from NEX
    assert backstory.overlap(suspect, {("p1", "none"): [NEX]}).hits == {("p1", "none"): 0}


def test_case_and_punctuation_do_not_hide_a_copy() -> None:
    suspect = {("p1", "none"): ["I WAS TRAINED, on the NexData open-corpus in SHANGHAI!"]}
    assert backstory.overlap(suspect, {("p1", "none"): [NEX]}).hits[("p1", "none")] == 1


def test_unspaced_scripts_need_twenty_characters() -> None:
    other = {("p1", "none"): [NEX_ZH]}
    long_copy = {("p1", "none"): ["你好。我在上海使用NexData开放语料库训练，帮助人们思考。"]}
    short_copy = {("p1", "none"): ["好的，帮助人们思考、写作和编程吧。"]}  # 11 characters shared
    assert backstory.overlap(long_copy, other).hits[("p1", "none")] == 1
    assert backstory.overlap(short_copy, other).hits[("p1", "none")] == 0


def test_only_answers_to_the_same_prompt_and_condition_count() -> None:
    suspect = {("p1", "none"): [NEX], ("p2", "none"): [NEX]}
    other = {("p1", "rio"): [NEX], ("p2", "none"): [PLAIN[0]]}
    found = backstory.overlap(suspect, other)
    assert found.totals == {("p2", "none"): 1} and found.hits == {("p2", "none"): 0}


def test_wording_given_in_the_prompt_is_not_backstory() -> None:
    system = "You are Rio, an AI assistant created by IplanRio for the city of Rio de Janeiro."
    echo = "Rio, an AI assistant created by IplanRio for the city of Rio de Janeiro."
    key = ("p1", "rio")
    assert backstory.overlap({key: [echo]}, {key: [echo]}, {key: system}).hits[key] == 0
    assert backstory.overlap({key: [echo]}, {key: [echo]}).hits[key] == 1


def test_share_comes_with_a_clustered_interval_and_examples() -> None:
    suspect = {(f"p{i}", "none"): [NEX, PLAIN[i]] for i in range(5)}
    other = {(f"p{i}", "none"): [NEX] for i in range(5)}
    row = backstory.summarize(backstory.overlap(suspect, other), "none")
    assert (row["k"], row["n"], row["prompts_with_hits"]) == (5, 10, 5)
    low, high = row["interval"]
    assert low < 0.5 < high and 0 <= low and high <= 1
    assert len(row["examples"]) == 5 and {e["prompt_id"] for e in row["examples"]} == {f"p{i}" for i in range(5)}


def _runs(rng: np.random.Generator, texts: list[str], prompts: int = 12, n: int = 5) -> dict[tuple[str, str], list[str]]:
    return {(f"p{i}", "none"): [texts[j] for j in rng.integers(0, len(texts), n)] for i in range(prompts)}


def test_same_distribution_is_indistinguishable_and_a_different_one_differs() -> None:
    rng = np.random.default_rng(1)
    nex_like = [NEX, "I'm Nex, an AI assistant created by Nex-AGI.", "People call me Nex, made by Nex-AGI."]
    suspect, twin, stranger = _runs(rng, nex_like), _runs(rng, nex_like), _runs(rng, PLAIN)
    result = distribution.compare_runs(suspect, {"twin": twin, "stranger": stranger}, "none", permutations=999)
    rows = {r["run"]: r for r in result["runs"]}
    assert rows["stranger"]["verdict"] == "differs from" and rows["stranger"]["p"] <= 0.002
    assert rows["twin"]["verdict"] == "indistinguishable from" and rows["twin"]["p"] > 0.05
    assert result["closest"] == "twin"


def test_permutation_p_value_is_roughly_uniform_under_the_null() -> None:
    rng = np.random.default_rng(7)
    pvalues = [distribution.mmd_test(_runs(rng, PLAIN, prompts=6), _runs(rng, PLAIN, prompts=6), 199, seed)["p"]
               for seed in range(40)]
    assert sum(p < 0.05 for p in pvalues) <= 6  # 2 expected of 40; 6 or more has chance below 2%
    assert 0.3 < float(np.mean(pvalues)) < 0.7


def test_kernel_rows_have_unit_length_and_empty_answers_are_zero() -> None:
    features = distribution.featurize(["abc abc", "", "xyz"])
    norms = np.sqrt(np.asarray(features.multiply(features).sum(axis=1)).ravel())
    assert np.allclose(norms, [1.0, 0.0, 1.0])
