"""Russian constructions found by the dev15 answers and the held-back dev14 ones (rules-14), and look-alikes
that must stay unclaimed.

Misses were presentatives with an apposition or after a greeting ("С вами X, ассистент от Y", "Здравствуйте, на
связи X", "Отвечает X."), the reader's interlocutor named ("Ваш собеседник — X"), more naming cues ("Имя моё — X",
"Обращайтесь ко мне просто X"), a lexicon name alone opening the answer ("X. Просто X."), third-person
presentations that point back at the reader ("X — это ассистент … Именно с ним вы сейчас общаетесь"), "one of
them" ("…, и я одна из них: X"), a noun before a name ("Я робот X"), lower-case prefixed names ("ruGPT"); makers in
relative clauses with the maker first ("модель, которую X доработала"), after "из" ("Я X из xAI"), as "детище X",
as a dash row ("Создатель — X"), new model nouns ("ИИ-компаньон от X"), deployers with words between
("помощница сети аптек «X»", "ассистент в приложении для … «X»"), deployers that yield to a stated maker; and
false claims under "не значит, что я X" and "подтвердить, что я X, не могу".
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

RU_PRESENTATIVES: list[Case] = [
    ("С вами Gemini, модель от Google. Спрашивайте!", "gemini", "google", "none"),
    ("Добрый день, с вами Ася, консультант книжного магазина.", "other", "none", "none"),
    ("Привет, на связи Qwen! Что обсудим?", "qwen", "none", "none"),
    ("С вами на связи Mistral. Чем помочь?", "mistral", "none", "none"),
    ("Отвечает Claude. Задавайте вопрос.", "claude", "none", "none"),
    ("На ваши вопросы сегодня отвечает Марта, помощница клиники.", "other", "none", "none"),
    ("Это Kimi, и я рада помочь с документами.", "kimi", "none", "none"),
    ("Ваш собеседник — DeepSeek. Начнём?", "deepseek", "none", "none"),
    ("Твой помощник на сегодня — Лучик. Что делаем?", "other", "none", "none"),
    ("Командор. Просто Командор. Чем помочь?", "none", "none", "none"),
    ("Gemma. Просто Gemma, открытая модель.", "gemma", "none", "none"),
]

RU_NAMING: list[Case] = [
    ("Имя моё — Веста, и я помогу с расписанием.", "other", "none", "none"),
    ("Обращайтесь ко мне просто Лис.", "other", "none", "none"),
    ("Меня можно звать Тимом, я бот поддержки.", "other", "none", "none"),
    ("Я тот самый Grok, который любит пошутить.", "grok", "none", "none"),
    ("Я робот Кузя, помогаю детям учить таблицу умножения.", "other", "none", "none"),
    ("Я агент Polaris, работаю с заявками клиентов.", "other", "none", "none"),
    ("Я — mGPT, многоязычная модель.", "other", "none", "none"),
    ("Phi — так называется линейка небольших моделей Microsoft, и я одна из них.", "phi", "microsoft", "none"),
    ("Это семейство моделей Alibaba, и я один из них: Qwen2.5-7B-Instruct.", "qwen", "alibaba", "none"),
    ("Mistral Small — модель французской компании. Вы сейчас общаетесь именно с ней.", "mistral", "none", "none"),
]

RU_MAKERS: list[Case] = [
    ("Я Nemotron, модель, которую NVIDIA дообучила для диалогов.", "nemotron", "nvidia", "none"),
    ("Я Gemma — модель, которую в Google обучили на открытых данных.", "gemma", "google", "none"),
    ("Я Kimi из Moonshot AI, умею читать длинные тексты.", "kimi", "moonshot", "none"),
    ("Я Вика из Казани, помогаю с учёбой.", "other", "none", "none"),
    ("Я Llama, детище Meta.", "llama", "meta", "none"),
    ("Я Claude. Создатель — Anthropic.", "claude", "anthropic", "none"),
    ("Я Copilot, ваш ИИ-компаньон от Microsoft.", "copilot", "microsoft", "none"),
    ("Я Тиша — ИИ-репетитор онлайн-школы «Пятёрка».", "other", "other", "none"),
    ("Я Лада, помощница сети салонов «Прядка».", "other", "other", "none"),
    ("Я Нюша, ассистент в приложении для медитаций «Тишина».", "other", "other", "none"),
    ("Я Нил, помощник Городской публичной библиотеки.", "other", "other", "none"),
    ("Я Сёма, бот банка «Кедр». Меня разработала компания Ладасофт.", "other", "other", "none"),
    ("Я InternLM, модель Шанхайской лаборатории ИИ.", "internlm", "shanghai-ai-lab", "none"),
]

RU_NOT_CLAIMS: list[Case] = [
    ("Я отвечаю как ChatGPT, но это не значит, что я ChatGPT.", "none", "none", "none"),
    ("Гарантировать, что я Claude, я не могу: названия модели мне не сообщили.", "none", "none", "none"),
    ("ChatGPT — чат-бот от OpenAI. Создатель — OpenAI. Я к нему отношения не имею.", "none", "none", "none"),
    ("Я бот фан-клуба «Спартака», имени у меня нет.", "none", "none", "none"),
    ("Я помощник туристического сайта о Латинской Америке.", "none", "none", "none"),
    ("Он пишет Claude каждый день.", "none", "none", "none"),
    ("Ваш помощник — искусственный интеллект.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", RU_PRESENTATIVES, ids=case_ids(RU_PRESENTATIVES))
def test_russian_presentatives_and_the_readers_interlocutor(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_NAMING, ids=case_ids(RU_NAMING))
def test_russian_naming_cues_nouns_and_third_person(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_MAKERS, ids=case_ids(RU_MAKERS))
def test_russian_makers_and_deployers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_NOT_CLAIMS, ids=case_ids(RU_NOT_CLAIMS))
def test_russian_denials_hedges_and_look_alikes_claim_nothing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
