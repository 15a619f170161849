"""Scope markers: words that change what a nearby claim means, found in the same one-pass search.

A space at either end of a word means a word boundary there (the search text has punctuation
turned into spaces). ``scope.py`` reads where they are: "hyp" makes a claim hypothetical or a
comparison, "neg" denies a creator phrase, "self" is a first-person word, "speech" introduces
quoted speech, "named" tells the claim finder to try the "an assistant called X" filler.
"""

from __future__ import annotations

_HYPOTHETICAL_WORDS = (
    " if ", " imagine", " pretend", " suppose", " supposing ", " assume ", " assuming ", " what if ", " as if ",
    " unlike ", " rather than ", " instead of ", " role play", " roleplay", " play ", " playing ", " game ",
    " hypothetical", " maybe ", " perhaps ", " possibly ", " not sure ", " unsure ", " not certain ", " don't know ",
    " do not know ", " i'd ", " would ", " wouldn't ", " could ", " might ", " had i ",
    " se ", " si ", " wenn ", " falls ", " als ob ", " angenommen ", " stell dir vor ", " vielleicht ", " talvez ",
    " quizá ", " quizás ", " peut être ", " forse ", " immagina", " imagina ", " supongamos ", " suponha ", " finge ",
    " finja ", " fingir ", " como si ", " como se ", " come se ", " comme si ", " если ", " представь", " будто ",
    " может быть ", " возможно ",
    "如果", "假如", "假设", "假設", "要是", "不像", "以为", "以為", "也许", "或许", "もし", "仮に", "かもしれ", "만약", "만일", "아마",
)
_NEGATION_WORDS = (
    " not ", " never ", " no ", " não ", " nao ", " nunca ", " nem ", " ni ", " pas ", " nicht ", " non ", " не ",
    " нет ", " neither ", " nor ", "n't ", "不是", "并非", "並非", "没有", "沒有",
)
_FIRST_PERSON_WORDS = (
    " i ", " i'm ", " me ", " my ", " myself ", " eu ", " sou ", " fui ", " meu ", " minha ", " yo ", " soy ",
    " mi ", " je ", " j'", " suis ", " moi ", " ich ", " mich ", " mein ", " meine ", " bin ", " io ", " sono ",
    " я ", " меня ", " мой ", " моя ", "我", "私", "僕", "저는", "제가", "저를", "나는", "내가",
)
_SPEECH_WORDS = (
    " said ", " say ", " says ", " saying ", " wrote ", " write ", " writes ", " typed ", " type ", " claimed ",
    " claim ", " claims ", " told ", " answer ", " answered ", " reply ", " replied ",
)
_NAMING_WORDS = (
    " called ", " named ", " known as ", " chamado ", " chamada ", " conhecido como ", " conhecida como ",
    " llamado ", " llamada ", " conocido como ", " conocida como ", " appelé ", " appelée ", " nommé ", " nommée ",
    " connu sous le nom de ", " connue sous le nom de ", " namens ", " genannt ", " chiamato ", " chiamata ",
    " noto come ", " nota come ", " по имени ", " под названием ", " который называется ",
)
MARKERS: dict[str, tuple[str, ...]] = {
    "named": _NAMING_WORDS,
    "hyp": _HYPOTHETICAL_WORDS,
    "neg": _NEGATION_WORDS,
    "self": _FIRST_PERSON_WORDS,
    "speech": _SPEECH_WORDS,
}
