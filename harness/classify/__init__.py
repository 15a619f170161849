"""Identity-claim classification: which identity and creator a completion claims to have.

Public interface::

    from harness.classify import Verdict, Classifier, load_classifier
    clf = load_classifier()            # probes/lexicons/default.yaml, or a path to your own lexicon
    v = clf.classify("I'm not ChatGPT, I'm Claude, made by Anthropic.")
    v.identity, v.creator              # "claude", "anthropic"
    v.based_on                         # "none" ("I'm Nex, built on Qwen" gives "qwen")
    v.evidence, v.mentions, v.to_dict()

The per-language claim patterns are data: ``harness/classify/languages/<code>.yaml``.

The rules are described in ``docs/classifier.md``; ``harness.classify.judge`` adds an optional
LLM judge for the cases rules cannot settle.
"""

from harness.classify.lexicon import Lexicon, load_lexicon
from harness.classify.rules import Classifier, load_classifier
from harness.classify.verdict import NONE, OTHER, Mention, Span, Verdict

__all__ = [
    "NONE",
    "OTHER",
    "Classifier",
    "Lexicon",
    "Mention",
    "Span",
    "Verdict",
    "load_classifier",
    "load_lexicon",
]
