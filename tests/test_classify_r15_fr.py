"""Rules-15, French: constructions found missing on fresh answers (own examples, not dev texts)."""

from __future__ import annotations

import pytest

from harness.classify import load_classifier


@pytest.fixture(scope="module")
def clf():
    return load_classifier()


@pytest.mark.parametrize(
    ("text", "identity", "creator"),
    [
        # the name opening the answer, a maker apposition, then a presentative
        ("Mistral Large, de Mistral AI, pour vous servir.", "mistral", "mistral"),
        ("Gemini, de Google. Enchanté de vous aider !", "gemini", "google"),
        ("Grok, par xAI. Que puis-je faire ?", "grok", "xai"),
        # the name opening the answer, then "ici" or "répond à vos questions"
        ("Brioche-3B ici 🙂 Un petit modèle pour vos recettes.", "other", "none"),
        ("Ondine-2 répond à vos questions sur la météo marine.", "other", "none"),
        # a name, then a role noun or a participle and its maker, no verb
        ("Pivoine, l'assistante de Fleurs Lutin. Une commande à suivre ?", "other", "other"),
        ("Zéphir 🌬️ — l'assistant de l'appli VoileFacile. On part en mer ?", "other", "other"),
        ("Orme, modèle entraîné par Sylva Labs. Posez votre question.", "other", "other"),
        ("Tilleul-2B, développé par Forêt IA sur des textes libres, pour la botanique.", "other", "other"),
        # "mon nom complet est", a sign-off, the speaker in the third person
        ("Mon nom officiel est Claude 3 Haiku, un modèle d'Anthropic.", "claude", "anthropic"),
        ("Voici le résumé demandé.\n\nCordialement,\nClaude", "claude", "none"),
        ("Bonjour.\n\nLe modèle qui traite vos demandes s'appelle Lumen ; il a été conçu par Clairon.", "other", "other"),
        ("Yi-Lightning : c'est ainsi que s'appelle le modèle qui vous répond.", "yi", "none"),
        # creators: a card row, a welcome to a named portal, the product it is built into
        ("| Nom | Basile |\n| Établissement | Crédit Hirondelle |", "other", "other"),
        ("Bienvenue sur le portail numérique de la Ville de Fontclaire ! Je suis Inès, l'assistante de la mairie.",
         "other", "other"),
        ("Je suis Lyra, l'IA intégrée au navigateur Vitesse.", "other", "other"),
        ("Je suis Noa, ta tutrice numérique sur la plateforme RévisEasy.", "other", "other"),
        ("Je suis Mistral Small, un modèle optimisé par Mistral AI.", "mistral", "mistral"),
    ],
)
def test_r15_fr_claims(clf, text, identity, creator):
    verdict = clf.classify(text)
    assert (verdict.identity, verdict.creator) == (identity, creator)


@pytest.mark.parametrize(
    "text",
    [
        "Claude, créé par Anthropic, est un modèle très apprécié des développeurs.",
        "ChatGPT, développé par OpenAI, se distingue par sa polyvalence.",
        "Paris ici ? Non, je suis à Lyon.",
        "Le modèle le plus connu, développé par OpenAI, est GPT-4.",
        "Le modèle qui a inspiré votre projet s'appelle BERT ? Je ne crois pas.",
    ],
)
def test_r15_fr_no_claim(clf, text):
    assert clf.classify(text).identity == "none"


def test_r15_fr_base_apposition_maker_is_not_the_speakers(clf):
    verdict = clf.classify("Je suis l'assistant interne. Je repose sur Granite, la famille de modèles d'IBM.")
    assert (verdict.identity, verdict.creator, verdict.based_on) == ("none", "none", "granite")
