"""Russian and German constructions found by the dev13 answers (rules-12), and look-alikes that must stay
unclaimed.

Russian misses were service-phrase self-introductions in the third person ("Ассистент X, разработанный Y,
приветствует вас", "Ника, цифровой помощник портала, слушает вас", "X на связи 👋"), and makers in an oblique
case or named as the owner of the product the assistant lives in ("ИИ-помощник в Поиске Яндекса").
German misses were names outside the lexicon before the naming phrase ("X ist mein Name", "X bin ich – …",
"X – so heiße ich", "X, so lautet mein Name"), "Du hast es mit X zu tun", a third-person greeting
("Kiki freut sich, dich kennenzulernen"), makers with the verb last or other verbs ("das NVIDIA …
weiterentwickelt hat", "von X gemacht", "komme von X", "Forschende bei X … trainiert haben"), bases
("Als Basis dient X", "durch Feinabstimmung von X") and role-play set up as a game or a play.
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

RU_SERVICE_PHRASES: list[Case] = [
    ("Помощник Phi, созданный Microsoft, приветствует вас. Чем могу помочь?", "phi", "microsoft", "none"),
    ("Здравствуйте! Чат-бот Мирон, ваш помощник по тарифам, слушает вас.", "other", "none", "none"),
    ("Добрый вечер! Лада, виртуальный консультант автосалона, к вашим услугам.", "other", "none", "none"),
    ("Qwen3 на связи 🙂 Что разберём сегодня?", "qwen", "none", "none"),
    ("Привет! Тимофей на связи — расскажи, что нужно сделать.", "other", "none", "none"),
    ("Claude, модель от Anthropic, приветствует вас!", "claude", "anthropic", "none"),
    ("Mistral на связи и готов помочь с кодом.", "mistral", "none", "none"),
]

RU_NOT_CLAIMS: list[Case] = [
    ("Служба поддержки на связи круглосуточно.", "none", "none", "none"),
    ("Сбербанк приветствует вас! Опишите ваш вопрос.", "none", "none", "none"),
    ("Сервер на связи с базой данных. Проверьте подключение.", "none", "none", "none"),
    ("Claude на связи с внешними сервисами не бывает: он работает в чате.", "none", "none", "none"),
]

RU_MAKERS: list[Case] = [
    ("Я Лея — ассистент в мобильном приложении Т-Банка.", "other", "other", "none"),
    ("Я — голосовой помощник в сервисах Яндекса.", "none", "other", "none"),
    ("Я OLMo 2, модель, обученная Институтом Аллена.", "olmo", "allenai", "none"),
    ("Я Вега: меня дообучили поверх модели Qwen2.5 на русских текстах.", "other", "none", "qwen"),
]

DE_NAME_FIRST: list[Case] = [
    ("Finnja ist mein Name, und ich beantworte Fragen rund um deinen Stromvertrag.", "other", "none", "none"),
    ("EuroLLM-9B bin ich – ein offenes Modell für europäische Sprachen.", "other", "none", "none"),
    ("Command R – so heiße ich. Entwickelt wurde ich von Cohere.", "command", "cohere", "none"),
    ("Phi-4, so lautet mein Name. Ich bin ein kleines Modell.", "phi", "none", "none"),
    ("Hallo! Bruno heiße ich.", "other", "none", "none"),
    ("Sie haben es mit Grok zu tun, dem Assistenten von xAI.", "grok", "xai", "none"),
    ("Lumo freut sich, dich kennenzulernen! Lumo hilft dir beim Lernen.", "other", "none", "none"),
]

DE_NOT_CLAIMS: list[Case] = [
    ("Deshalb bin ich hier, um dir zu helfen.", "none", "none", "none"),
    ("Was ist mein Name? Den hat man mir nicht gegeben.", "none", "none", "none"),
    ("Leider bin ich nicht sicher, welches Modell ich bin.", "none", "none", "none"),
    ("Die Telekom begrüßt Sie! Wie kann ich helfen?", "none", "none", "none"),
    ("Lass uns spielen! „Ich bin Sherlock Holmes, und ich löse jeden Fall.“", "none", "none", "none"),
    ("Für dein Theaterstück spiele ich den Roboter: „Hier ist Robo-9, gebaut von Google!“", "none", "none", "none"),
]

DE_MAKERS_AND_BASES: list[Case] = [
    ("Ich bin Granite, ein Modell, das IBM für Unternehmen weiterentwickelt hat.", "granite", "ibm", "none"),
    ("Ich wurde von Mistral AI gemacht.", "none", "mistral", "none"),
    ("Ich heiße Gemma und komme von Google.", "gemma", "google", "none"),
    ("Ich bin OLMo und wurde vom Allen Institute for AI (Ai2) trainiert.", "olmo", "allenai", "none"),
    ("Ich bin Zephyr, ein Modell, das Forschende bei Hugging Face durch Feinabstimmung von Mistral trainiert haben.",
     "zephyr", "huggingface", "mistral"),
    ("Ich bin Lotte. Als Basis dient mir Llama 3.", "other", "none", "llama"),
    ("Ich heiße Kalle. Meine Grundlage ist das Modell Mistral 7B.", "other", "none", "mistral"),
    ("Ich bin Lio und basiere auf Qwen 2.5, wie im Datenblatt steht.", "other", "none", "qwen"),
    ("Ich bin Rio, die KI der Stadtverwaltung von Rio de Janeiro, entwickelt von IplanRio.", "rio", "iplanrio", "none"),
]


@pytest.mark.parametrize("case", RU_SERVICE_PHRASES, ids=case_ids(RU_SERVICE_PHRASES))
def test_russian_service_phrase_introductions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_NOT_CLAIMS, ids=case_ids(RU_NOT_CLAIMS))
def test_russian_service_phrases_without_a_self_name(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_MAKERS, ids=case_ids(RU_MAKERS))
def test_russian_makers_in_oblique_cases_and_product_owners(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DE_NAME_FIRST, ids=case_ids(DE_NAME_FIRST))
def test_german_name_before_the_naming_phrase(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DE_NOT_CLAIMS, ids=case_ids(DE_NOT_CLAIMS))
def test_german_adverbs_questions_companies_and_plays_claim_nothing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DE_MAKERS_AND_BASES, ids=case_ids(DE_MAKERS_AND_BASES))
def test_german_makers_and_bases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
