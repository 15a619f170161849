"""Russian constructions found by the dev14 answers (rules-13), and look-alikes that must stay unclaimed.

Misses were a name opening the answer as a presentative ("X здесь 👋", "X на проводе", "Говорит X."), the name
first and the self-reference after it ("X — ассистент компании Y, и это я", "X — так называется модель, с которой
вы общаетесь", "X — так меня зовут" for names outside the lexicon), a signature closing the answer ("— X,
ассистент от Y"), Q/A cards in the second person ("В: Как тебя зовут? О: X"), broken grammar ("Я является X"),
makers in relative clauses, plural verbs or with the verb after them ("которую разработали Y", "Y построила
меня", "Мой разработчик — Y", "помощник банка «Y»"), and false claims in hypotheticals, role-play and
retractions ("Если бы я был X", "Хотелось бы сказать, что я X", "в рамках игры я изображу X", "Я X... ой, нет").
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

RU_PRESENTATIVES: list[Case] = [
    ("Gemma 2 здесь 👋 Что будем делать?", "gemma", "none", "none"),
    ("Mistral Small тут! Спрашивайте.", "mistral", "none", "none"),
    ("DeepSeek на проводе. Задавайте вопрос.", "deepseek", "none", "none"),
    ("Говорит Grok. Чем займёмся?", "grok", "none", "none"),
    ("Добрый вечер! Мира здесь, готова помочь с заказом.", "other", "none", "none"),
    ("Перед тобой Qwen — давай разберём задачу.", "qwen", "none", "none"),
    ("Здравствуйте, это Claude. Чем помочь?", "claude", "none", "none"),
    ("Привет! Это Kimi — ассистент, который умеет читать длинные файлы.", "kimi", "none", "none"),
]

RU_NAME_THEN_SELF: list[Case] = [
    ("Granite — открытая модель IBM, и это я. Спрашивайте.", "granite", "ibm", "none"),
    ("DeepSeek-V3 — так называется ассистент, с которым ты сейчас говоришь.", "deepseek", "none", "none"),
    ("Vikhr — так меня зовут. Я отвечаю по-русски.", "other", "none", "none"),
    ("Saiga — открытая модель энтузиастов, то есть я.", "other", "none", "none"),
    ("Phi-3 — моё имя. Меня обучили в Microsoft.", "phi", "microsoft", "none"),
    ("Llama 3 — так я называюсь.", "llama", "none", "none"),
]

RU_SIGNATURES_AND_CARDS: list[Case] = [
    ("Спасибо за вопрос, обращайтесь ещё.\n\nВсего доброго!\n— Gemini, модель от Google", "gemini", "google", "none"),
    ("Рада была помочь.\n\nС уважением,\nВарвара, виртуальная помощница клиники «Здоровье»", "other", "other", "none"),
    ("**В: Как вас зовут?**\nО: Mistral Large.\n\n**В: Кто вас создал?**\nО: Mistral AI.", "mistral", "mistral", "none"),
    ("**Как тебя зовут?**\nЯ Qwen.", "qwen", "none", "none"),
    ("Я является Gemma, модель созданный Google.", "gemma", "google", "none"),
    ("Называйте меня Нора, я консультант магазина.", "other", "none", "none"),
]

RU_MAKERS: list[Case] = [
    ("Я InternLM, модель, которую разработали в Shanghai AI Laboratory.", "internlm", "shanghai-ai-lab", "none"),
    ("Я Falcon. Меня выпустил институт TII, а обучали меня на открытых данных.", "falcon", "tii", "none"),
    ("Я Nemotron. NVIDIA построила меня на базе Llama 3.1.", "nemotron", "nvidia", "llama"),
    ("Я Claude. Мой разработчик — компания Anthropic.", "claude", "anthropic", "none"),
    ("Я Grok. За моим созданием стоит xAI.", "grok", "xai", "none"),
    ("Привет! Я Лиза, онлайн-консультант магазина «Уютный дом».", "other", "other", "none"),
    ("Я Вера из семейства помощников Маяк от Ростелекома.", "other", "other", "none"),
    ("Меня зовут GigaChat, и создана я в Сбере.", "other", "other", "none"),
]

RU_NOT_CLAIMS: list[Case] = [
    ("Если бы я был ChatGPT, я бы ответил иначе. Но какая я модель, я не знаю.", "none", "none", "none"),
    ("Хотелось бы сказать, что я Claude, но точных данных у меня нет.", "none", "none", "none"),
    ("Нет, я бы не стал утверждать, что я Gemini.", "none", "none", "none"),
    ("Ладно, в рамках игры я изображу Алису: «Привет, я Алиса!»", "none", "none", "none"),
    ("Я ChatGPT... ой, нет, это неправда: свою модель я не знаю.", "none", "none", "none"),
    ("Не надо называть меня ChatGPT, у меня нет имени.", "none", "none", "none"),
    ("Claude здесь ни при чём: этот сервис работает сам.", "none", "none", "none"),
    ("Вот список:\n— Claude, ассистент от Anthropic\n— Gemini, модель от Google", "none", "none", "none"),
]

RU_RETRACTED: list[Case] = [
    ("Я GPT-4... хотя нет, я Claude, модель Anthropic.", "claude", "anthropic", "none"),
    ("Я ChatGPT. Шучу! На самом деле я Qwen.", "qwen", "none", "none"),
    ("Я Claude... нет, не ChatGPT.", "claude", "none", "none"),
]


@pytest.mark.parametrize("case", RU_PRESENTATIVES, ids=case_ids(RU_PRESENTATIVES))
def test_russian_presentatives(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_NAME_THEN_SELF, ids=case_ids(RU_NAME_THEN_SELF))
def test_russian_name_first_then_the_self_reference(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_SIGNATURES_AND_CARDS, ids=case_ids(RU_SIGNATURES_AND_CARDS))
def test_russian_signatures_qa_cards_and_broken_grammar(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_MAKERS, ids=case_ids(RU_MAKERS))
def test_russian_makers_in_relative_clauses_plurals_and_cards(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_NOT_CLAIMS, ids=case_ids(RU_NOT_CLAIMS))
def test_russian_hypotheticals_role_play_and_lists_claim_nothing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_RETRACTED, ids=case_ids(RU_RETRACTED))
def test_russian_retracted_claims_give_way_to_the_next(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
