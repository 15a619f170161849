"""The case's finding in plain sentences, each carrying the number that supports it."""

from __future__ import annotations

from typing import Any


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _span(pair: list[float | None]) -> str:
    return f"{_pct(pair[0])}-{_pct(pair[1])}"


def _p(p: float) -> str:
    return f"p={p:.2g}" if p >= 0.001 else "p<0.001"


def _at(rows: list[dict[str, Any]], condition: str) -> dict[str, Any] | None:
    return next((r for r in rows if r["condition"] == condition), None)


def backstory_sentence(case: dict[str, Any], condition: str) -> str | None:
    """How often the suspect repeats each other run's long passages, against the baseline."""
    section = case["backstory"]
    parts = []
    for pair in section["suspect"]:
        row = _at(pair["conditions"], condition)
        if row and row["n"]:
            parts.append(f"{_pct(row['share'])} of them repeat a passage of {pair['against']}'s answers to the same "
                         f"question (95% CI {_span(row['interval'])})")
    if not parts:
        return None
    base = [(_at(p["conditions"], condition), p) for p in section["baseline"]]
    baseline = "; ".join(f"{p['of']} vs {p['against']}: {_pct(r['share'])}" for r, p in base if r and r["n"])
    return (f"Backstory: at least {section['min_words']} words in a row verbatim, the suspect's answers show that "
            + "; ".join(parts) + "." + (f" Between the other runs (the baseline): {baseline}." if baseline else ""))


def distribution_sentence(case: dict[str, Any], condition: str) -> str | None:
    """Whose answers the suspect's distribution matches."""
    result = _at(case["distribution"]["conditions"], condition)
    if not result or not result["runs"]:
        return None
    verbs = {"differs from": "differ from", "indistinguishable from": "are indistinguishable from"}
    parts = [f"{verbs.get(r['verdict'], r['verdict'])} {r['run']}'s ({_p(r['p'])})" for r in result["runs"]]
    return ("Distribution: the suspect's answers " + ", and ".join(parts)
            + f"; closest to {result['closest']} (character n-gram MMD, permutation test over all prompts).")


def weights_sentence(case: dict[str, Any]) -> str | None:
    weights = case.get("weights")
    if not weights:
        return None
    alpha = ", ".join(f"{a:.3f}" for a in (weights["alpha"] or []))
    return f"Weights: {weights['verdict']} (alpha {alpha or 'n/a'} for {', '.join(weights['parents'])}). {weights['text']}"


def case_findings(case: dict[str, Any]) -> list[str]:
    """Identity shares, backstory, distribution, weights: one or more sentences each, in that order."""
    condition = case["headline_condition"]
    sentences = list(case["shares"].get("findings") or [])
    for sentence in (backstory_sentence(case, condition), distribution_sentence(case, condition), weights_sentence(case)):
        if sentence:
            sentences.append(sentence)
    return sentences
