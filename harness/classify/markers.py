"""Scope markers: words that change what a nearby claim means, found in the same one-pass search.

The words live in the language files (``languages/*.yaml``, key ``markers``). A space at either end
of a word means a word boundary there (the search text has punctuation turned into spaces).
``scope.py`` reads where they are:

* ``hyp``: makes a claim in the same clause hypothetical, uncertain or a comparison ("if", "unlike");
* ``neg``: denies a creator phrase; ``self``: a first-person word;
* ``speech``: introduces quoted speech; ``named``: tells the claim finder to try "an assistant called X";
* ``play``: role-play or fiction; a claim later in the same paragraph is not the speaker's own;
* ``echo``: reports what others say or ask ("people call me", "you asked whether"): a claim in the
  same clause is an echo, not a claim;
* ``noname``: the text says it has no name ("I don't have a name", "特別な名前はありません"), so a
  name outside the lexicon it offers ("call me 'Guide'") is a role, not a name.
"""

from __future__ import annotations

from typing import get_args

from harness.classify.langfiles import MarkerKind
from harness.classify.patterns import MARKERS as _FROM_FILES

MARKERS: dict[str, tuple[str, ...]] = {kind: _FROM_FILES.get(kind, ()) for kind in get_args(MarkerKind)}
