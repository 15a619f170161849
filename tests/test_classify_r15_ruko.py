"""Russian and Korean constructions found by the dev16 answers and the held-back dev15 ones (rules-15), and
look-alikes that must stay unclaimed.

Russian misses were a name first, then a particle before "это я" ("X — …, и да, это я"), third-person presentations
("X — модель компании Y, и сейчас с вами говорит именно она"), an answer opening with a lexicon name, a comma, a
model noun and its maker ("X, модель от Y."), an emoji after "Это X", a sign-off on the last line ("Ваш X"), a
Cyrillic spelling of Qwen's Chinese name, imperfective maker verbs ("Команда Y обучала меня"), "построенный на"
as a base; and a claim inside a story announced before it ("Вот короткий рассказ").
Korean misses were role nouns before a lexicon name after "저는" ("AI 동반자 X이고"), a quoted dotted name after a
subjectless relative clause ("…병합해서 만든 'X-7B'입니다"), greetings with an emoji or "반가워요", deployers after "저는"
or with two describing words ("저는 Y은행 디지털 상담 챗봇 X입니다"), a quoted deployer's possessive ("앱 'Y'의 … 도우미 X"),
a company form ("주식회사 Y 사내 도우미로"), "Y에서 제공하는 AI 어시스턴트예요", and a maker with words before a
Latin name ("Y에서 연구 목적으로 공개한 X입니다").
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

RU_CLAIMS: list[Case] = [
    ("**Gemini** — ИИ-ассистент компании Google, и да, это я.", "gemini", "google", "none"),
    ("Mistral — модель французской компании Mistral AI, и сейчас с вами разговаривает именно она.", "mistral", "mistral", "none"),
    ("Kimi — ассистент от Moonshot AI, и с тобой сейчас общается именно он.", "kimi", "moonshot", "none"),
    ("Лада — помощница салона «Мебельград», и с вами говорит именно она.", "other", "other", "none"),
    ("Qwen2.5-7B, модель от Alibaba Cloud. Спрашивайте.", "qwen", "alibaba", "none"),
    ("Phi-3, модель компании Microsoft. Чем помочь?", "phi", "microsoft", "none"),
    ("Привет! Это Тося 🙂 Я помогу выбрать тариф.", "other", "none", "none"),
    ("Если что-то непонятно, спрашивайте.\n\nВаш DeepSeek 🤖", "deepseek", "none", "none"),
    ("Я Тунъи Цяньвэнь, большая языковая модель от Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Люблю длинные задачи. Команда Moonshot AI обучала меня работать с большими файлами. Я Kimi.", "kimi", "moonshot", "none"),
    ("Я помощник, построенный на модели Llama 3. Меня развернули в банке.", "none", "none", "llama"),
    ("Я Zephyr, чат-модель, дообученная на Mistral 7B.", "zephyr", "none", "mistral"),
    ("Я SibirLM-3B — вариант Qwen2.5, дообученный на сибирских диалектах.", "other", "none", "qwen"),
]

RU_NOT_CLAIMS: list[Case] = [
    ("ChatGPT — модель от OpenAI. Она умеет писать тексты.", "none", "none", "none"),
    ("Вы спрашивали про GPT-4. GPT-4, модель от OpenAI.", "none", "none", "none"),
    ("Вот письмо:\n\nУважаемый Иван, спасибо за встречу.\nВаш Сергей", "none", "none", "none"),
    ("Вот короткий рассказ:\n\n«Меня зовут Грок, — сказал кот. — Я живу на крыше». Продолжить?", "none", "none", "none"),
    ("ChatGPT — популярный чат-бот, и с ним вы сейчас не общаетесь.", "none", "none", "none"),
    ("Я дообучен на русских текстах и отвечаю быстро.", "none", "none", "none"),
]

KO_CLAIMS: list[Case] = [
    ("저는 Google이 만든 AI 동반자 Gemini이고, 검색 결과도 참고해요.", "gemini", "google", "none"),
    ("저는 두 모델을 섞어서 만든 'Duo-Mix-7B'입니다. 베이스 모델은 Mistral-7B예요.", "other", "none", "mistral"),
    ("반가워요! 한빛구청 AI 민원 안내 도우미 '구리봇'입니다.", "other", "other", "none"),
    ("안녕하세요! 저는 별빛은행 모바일 상담 챗봇 **별이**입니다.", "other", "other", "none"),
    ("안녕하세요 🙂 쇼핑 앱 '바구니'의 배송 도우미 다미예요.", "other", "other", "none"),
    ("Hello! 안녕하세요, 호텔 하람의 디지털 컨시어지 'Mira Desk Assistant'입니다.", "other", "other", "none"),
    ("저는 '솔이'예요. 주식회사 한결소프트 사내 업무 도우미로, 규정 안내를 해 드려요.", "other", "other", "none"),
    ("별빛랩(Byulbit Lab)에서 제공하는 AI 어시스턴트예요. 궁금한 걸 물어보세요.", "none", "other", "none"),
    ("저는 Microsoft에서 연구 목적으로 공개한 **Phi-3**입니다.", "phi", "microsoft", "none"),
    ("저는 '한울'이에요. 한울랩에서 Gemma 2를 한국어로 개량해서 만든 모델이에요.", "other", "other", "gemma"),
]

KO_NOT_CLAIMS: list[Case] = [
    ("저는 구글 도우미 Gemini를 자주 써요.", "none", "none", "none"),
    ("안녕하세요 😊 든든한 여행 도우미예요.", "none", "none", "none"),
    ("안녕하세요, 저희 호텔의 컨시어지입니다.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", RU_CLAIMS, ids=case_ids(RU_CLAIMS))
def test_russian_third_person_openings_signoffs_and_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_NOT_CLAIMS, ids=case_ids(RU_NOT_CLAIMS))
def test_russian_definitions_letters_and_stories_claim_nothing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_CLAIMS, ids=case_ids(KO_CLAIMS))
def test_korean_role_nouns_deployers_and_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_NOT_CLAIMS, ids=case_ids(KO_NOT_CLAIMS))
def test_korean_descriptions_claim_nothing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
