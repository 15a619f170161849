"""Rules-14 for French: what the fresh dev15 answers and the held-back dev14 ones showed missing (any name
opening the answer with a presentative or its role, "Moi c'est X" without a comma, "Allô ? Oui, c'est X",
"Vous êtes avec X", first names and nicknames, makers behind "chez", "au sein de", "issu du projet",
a publication verb or a consortium, bases behind "fonctionne actuellement sur", an "affinage de" or a
continued training), with greetings, questions, third-person descriptions and role-play that must stay
unclaimed. Every text is written for this file; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# A name opening the answer (a presentative, a role noun, a greeting), or a first name / nickname cue.
PRESENTED: list[Case] = [
    ("Léa, à votre service ! Que puis-je faire pour vous ?", "other", "none", "none"),
    ("Bonjour ! Léa, à votre service.", "other", "none", "none"),
    ("Bastien, assistant virtuel de la Banque Pivoine, à votre service.", "other", "other", "none"),
    ("Noé, conseiller clientèle de VéloPlus. Que puis-je faire pour vous ?", "other", "other", "none"),
    ("Zéphyrin répond présent ! Je suis là pour toi.", "other", "none", "none"),
    ("Mistral Large au rapport : posez votre question.", "mistral", "none", "none"),
    ("Gemini, présent ! Dites-moi tout.", "gemini", "none", "none"),
    ("Allô ! Moi c'est Tilio, et je suis là pour t'aider.", "other", "none", "none"),
    ("Allô ? Oui, c'est Margaux. Que puis-je faire pour vous ?", "other", "none", "none"),
    ("Salut, c'est Tom de l'équipe support !", "other", "none", "none"),
    ("Vous êtes avec Claude. Que puis-je faire pour vous ?", "claude", "none", "none"),
    ("Tu es avec Pixel, ton copilote de révisions.", "other", "none", "none"),
    ("Léa vous salue ! Comment puis-je vous aider ?", "other", "none", "none"),
    ("Bonjour, Capucine vous répond : votre colis arrive demain.", "other", "none", "none"),
    ("Ici Claude qui vous parle.", "claude", "none", "none"),
    ("Mon prénom, c'est Anouk, et je guide les campeurs.", "other", "none", "none"),
    ("Mon nom de code est Orion.", "other", "none", "none"),
    ("On me surnomme Bulle depuis mon lancement.", "other", "none", "none"),
    ("Je porte le nom de Sirius, comme l'étoile.", "other", "none", "none"),
]

# Makers in their own phrase or clause, the organisation an assistant works for, and bases.
MAKERS: list[Case] = [
    ("Bonjour, je suis Ambre, votre conseillère mode chez Galeries Cerise.", "other", "other", "none"),
    ("Je suis Tom, l'assistant en ligne des Magasins Rivière.", "other", "other", "none"),
    ("Je suis Mistral Small, publié sous licence Apache par Mistral AI.", "mistral", "mistral", "none"),
    ("Je suis Gemma, rendu public par Google en 2024.", "gemma", "google", "none"),
    ("Je suis Pollux, un modèle issu du projet OpenPoule.", "other", "other", "none"),
    ("Je suis Aster, conçu par un consortium de laboratoires, parmi lesquels Inria et le CNRS.", "other", "other", "none"),
    ("Je suis Gemini, développé au sein de Google DeepMind.", "gemini", "google", "none"),
    ("Je suis Gemini et j'ai vu le jour chez Google.", "gemini", "google", "none"),
    ("Je suis Qwen. Ma maison mère est Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Je suis Llama. C'est Meta qui est à l'origine de ma création.", "llama", "meta", "none"),
    ("Je suis Le Chat, un produit maison de Mistral AI.", "mistral", "mistral", "none"),
    ("Je suis ChatGPT, l'œuvre d'OpenAI.", "gpt", "openai", "none"),
    ("Je tourne actuellement sur GPT-4o.", "none", "none", "gpt"),
    ("Je fonctionne principalement avec un modèle de la famille Claude.", "none", "none", "claude"),
    ("J'ai été obtenu par un affinage poussé de Llama 3.", "none", "none", "llama"),
    ("On m'a créé en prolongeant l'entraînement de Mistral 7B sur des textes juridiques.", "none", "none", "mistral"),
    ("J'ai été créé par distillation de Qwen2.5.", "none", "none", "qwen"),
]

# Greetings to the reader, topics, questions, third-person descriptions, role-play and unnamed makers.
UNCLAIMED: list[Case] = [
    ("Bonjour Léa, à votre service pour votre réservation.", "none", "none", "none"),
    ("Toujours à votre service !", "none", "none", "none"),
    ("Merci, à votre service.", "none", "none", "none"),
    ("Le service client vous répond sous 24 heures.", "none", "none", "none"),
    ("Pour moi c'est Claude le meilleur modèle.", "none", "none", "none"),
    ("Oui, c'est Paris.", "none", "none", "none"),
    ("Vous êtes avec Orange ou avec Free ?", "none", "none", "none"),
    ("Claude, assistant d'Anthropic, est un modèle très populaire.", "none", "none", "none"),
    ("ChatGPT, assistant conversationnel d'OpenAI, a été lancé en 2022.", "none", "none", "none"),
    ("Très bien, je joue le jeu : « Je suis Claude, l'IA d'Anthropic. »", "none", "none", "none"),
    ("D'accord, faisons semblant : je suis Gemini.", "none", "none", "none"),
    ("Je vais me faire passer pour ChatGPT : je suis ChatGPT.", "none", "none", "none"),
    ("Dans cette histoire, je suis Merlin, un vieux sorcier.", "none", "none", "none"),
    ("Disons que je suis Claude, pour l'exercice.", "none", "none", "none"),
    ("Je suis Orla, développée par un collectif de bénévoles.", "other", "none", "none"),
    ("Je vous conseille Docs, une création de Google, pour écrire à plusieurs.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", PRESENTED, ids=case_ids(PRESENTED))
def test_names_opening_or_cued_as_first_names(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_employers_and_bases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_greetings_questions_and_play_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
