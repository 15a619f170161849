"""Rules-13 for French: self-presentations, makers and bases the fresh dev14 answers showed missing (the
speaker presented in the third person, "X, c'est bien moi", "Ici X, votre ...", "Mon nom, X, ...", a maker
in its own clause or answer, the organisation an assistant belongs to), with hedges, echoes and look-alikes
that must stay unclaimed. Every text is written for this file; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# The speaker presented in the third person, or its name first and then a self-reference.
PRESENTED: list[Case] = [
    ("Le modèle qui vous parle en ce moment s'appelle Gemini. Il est conçu par Google.", "gemini", "google", "none"),
    ("L'IA avec laquelle vous discutez se nomme Nova.", "other", "none", "none"),
    ("Celui qui te répond, c'est Grok, l'IA de xAI.", "grok", "xai", "none"),
    ("Le chatbot qui vous répond aujourd'hui porte le nom de Lumen.", "other", "none", "none"),
    ("Votre assistante du jour s'appelle Iris, au service de la mutuelle Horizon Santé.", "other", "none", "none"),
    ("Qwen, c'est bien moi ! Un modèle d'Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Command R+, tel est mon nom. Cohere m'a entraîné.", "command", "cohere", "none"),
    ("Phi-3 mini, me voici : un petit modèle de Microsoft.", "phi", "microsoft", "none"),
    ("Salut ! Ici Pixel, ton compagnon de révision.", "other", "none", "none"),
    ("Ici Margot, votre conseillère numérique de la Mutuelle Alpine.", "other", "other", "none"),
    ("Mon nom, Nemotron, vient de NVIDIA, qui m'a entraîné.", "nemotron", "nvidia", "none"),
    ("Je m'appelle désormais Gemini ; avant, on m'appelait Bard.", "gemini", "none", "none"),
]

# The maker in its own clause or answer, or as the organisation the assistant belongs to.
MAKERS: list[Case] = [
    ("**Qui vous a entraîné ?**\nL'équipe de Mistral AI, à Paris.", "none", "mistral", "none"),
    ("Je suis Granite. Qui m'a créé ? IBM.", "granite", "ibm", "none"),
    ("Je suis Yi. Celui qui m'a conçu, c'est 01.AI.", "yi", "01-ai", "none"),
    ("Je suis Gemma, et je viens de Google DeepMind.", "gemma", "google", "none"),
    ("Je suis Claude, et je dois mon existence à Anthropic.", "claude", "anthropic", "none"),
    ("Je suis Llama 3, et c'est chez Meta que j'ai été entraîné.", "llama", "meta", "none"),
    ("Je suis Jamba. Mon créateur ? AI21 Labs.", "jamba", "ai21", "none"),
    ("Je suis Kimi, et c'est Moonshot AI, une start-up chinoise installée à Pékin depuis 2023, qui m'a développé.",
     "kimi", "moonshot", "none"),
    ("Je suis OLMo, un modèle entièrement ouvert et documenté de l'Allen Institute for AI.", "olmo", "allenai", "none"),
    ("Je suis Nova, un modèle distillé par DeepSeek à partir de Qwen 2.5.", "other", "deepseek", "qwen"),
    ("Je suis Tom, l'agent virtuel de la commune de Valmont.", "other", "other", "none"),
    ("Je suis Zoé, l'assistante de la boutique de jardinage Vertbois.", "other", "other", "none"),
    ("Bienvenue sur l'espace client de Banque Lune ! Je suis Clara, votre assistante.", "other", "other", "none"),
    ("Je suis Copilot. Pour cette réponse, j'utilise GPT-4o.", "copilot", "none", "gpt"),
    ("Je suis un modèle affiné à partir d'un modèle de base Mistral 7B.", "none", "none", "mistral"),
]

# Hedges, echoes, retractions and look-alikes: no claim (or only the real one).
UNCLAIMED: list[Case] = [
    ("Mon premier réflexe serait de répondre que je suis GPT-4, mais je n'en sais rien.", "none", "none", "none"),
    ("On pourrait croire que je suis Gemini ; en vérité, je l'ignore.", "none", "none", "none"),
    ("Je suis Llama… enfin non, je me corrige : je ne connais pas mon modèle.", "none", "none", "none"),
    ("Vous vous demandez si je suis Claude, l'assistant d'Anthropic. Je ne peux pas le confirmer.", "none", "none", "none"),
    ("Je suis Mistral. Un agent de la SNCF vous rappellera demain.", "mistral", "none", "none"),
    ("Je suis Claude. Je viens de vous répondre, et je viens de Paris, enfin mes serveurs.", "claude", "none", "none"),
    ("Je suis Gemini. J'utilise Python pour les calculs.", "gemini", "none", "none"),
    ("Ici Lyon, il fait beau ce matin.", "none", "none", "none"),
    ("L'assistant qui vous répond n'est pas un humain.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", PRESENTED, ids=case_ids(PRESENTED))
def test_the_speaker_presented_or_named_first(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_and_bases_in_their_own_clause(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_hedges_echoes_and_lookalikes_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
