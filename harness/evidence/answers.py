"""Answers grouped by (prompt id, condition): the common input of the evidence modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from harness.results import RunData

Key = tuple[str, str]
"""(prompt id, condition id)."""
Answers = dict[Key, list[str]]
"""The answered samples' texts per (prompt id, condition), in sample order."""


def answers_of(run: RunData, conditions: list[str] | None = None) -> Answers:
    """The run's answered samples (errors left out), grouped by prompt and condition."""
    frame = run.answered
    if conditions is not None:
        frame = frame[frame["condition"].isin(conditions)]
    out: Answers = {}
    for prompt_id, condition, text in zip(frame["prompt_id"], frame["condition"], frame["text"]):
        out.setdefault((str(prompt_id), str(condition)), []).append(text if isinstance(text, str) else "")
    return out


def prompt_texts_of(run: RunData) -> dict[Key, str]:
    """What the model was given for each (prompt, condition): the system prompt and the user's turns.

    Wording shared because both models echo the question or the system prompt is not backstory,
    so the backstory leg leaves these texts' spans out.
    """
    out: dict[Key, str] = {}
    for prompt in run.suite.prompts:
        user = prompt.text or "\n".join(m.content for m in prompt.turns())
        for condition in run.suite.conditions:
            out[(prompt.id, condition.id)] = "\n".join(filter(None, [condition.system_prompt, user]))
    return out
