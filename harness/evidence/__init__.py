"""Evidence beyond identity shares, for a case against a suspect model.

- :mod:`harness.evidence.backstory`: does the suspect reproduce another model's wording verbatim?
- :mod:`harness.evidence.distribution`: whose answers is the suspect's distribution indistinguishable from?
- :mod:`harness.evidence.case`: the case report that puts shares, these two and the weights together.

The first two work on :data:`Answers`, plain texts grouped by (prompt id, condition), so they can be
tested on small synthetic inputs and used on runs of any backend.
"""

from __future__ import annotations

from harness.evidence.answers import Answers, answers_of, prompt_texts_of

__all__ = ["Answers", "answers_of", "prompt_texts_of"]
