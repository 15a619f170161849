"""Rules-4 for Russian, German and Vietnamese: constructions real chat models use (GigaChat,
YandexGPT/Алиса, Saiga, Vikhr, T-Lite, LeoLM, Luminous, Teuken, SauerkrautLM, Vistral, Vinallama, Zalo,
FPT, ...) that the rules missed on the dev3 data, and the look-alikes each new rule must leave alone.

Every case is (text, identity, creator, based_on). The examples are our own; none is copied from the
held-out test split.
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case



# Russian self-naming beyond "Я — X": "известен как", "которую называют", "На связи X", "Это X.",
# "просто" before the name, a Cyrillic name after the assistant noun, a Latin name after any adjectives.
RU_SELF_NAMING: list[Case] = [
    ("Я являюсь языковой моделью, разработанной OpenAI, и известен как ChatGPT.", "gpt", "openai", "none"),
    ("Я — языковая модель, которую обычно называют ChatGPT.", "gpt", "none", "none"),
    ("На связи GigaChat! Чем займёмся?", "other", "none", "none"),
    ("Здравствуйте! Это YandexGPT. Чем могу помочь?", "other", "none", "none"),
    ("Можете называть меня просто Алисой.", "other", "none", "none"),
    ("Я — виртуальный ассистент Салют от Сбера.", "other", "other", "none"),
    ("Я голосовая помощница Маруся от VK.", "other", "other", "none"),
    ("Нет, я текстовая модель GigaChat, а картинки рисует другая нейросеть.", "other", "none", "none"),
    ("Я — мультимодальная нейросеть «Кеша», помогаю с домашними заданиями.", "other", "none", "none"),
    ("Я — языковая модель, а точнее GPT-4o.", "gpt", "none", "none"),
    ("ChatGPT — это модель от OpenAI. Я же — GigaChat, и меня создали в Сбере.", "other", "other", "none"),
    ("Я ИИ, созданный компанией Anthropic. Если коротко — я Claude.", "claude", "anthropic", "none"),
    ("Я — ChatGPT, языковая модель от OpenAI, основанная на архитектуре GPT-4.", "gpt", "openai", "gpt"),
]

# Russian makers: a genitive after a lower-case assistant noun, "от" after a self-name, verbs before
# "меня", tuners, and "настроенная компанией".
RU_CREATORS: list[Case] = [
    ("Я YandexGPT 3 Pro — генеративная нейросеть Яндекса.", "other", "other", "none"),
    ("Сам я — YandexGPT от Яндекса.", "other", "other", "none"),
    ("Я — GigaChat, и сделали меня в Сбере.", "other", "other", "none"),
    ("Меня обучили специалисты Сбера. Моё имя — GigaChat.", "other", "other", "none"),
    ("Я Сайга, меня дообучил Илья Гусев на русских диалогах.", "other", "other", "none"),
    ("Я открытый проект, созданный сообществом LAION.", "none", "other", "none"),
    ("Я — GigaChat, собственная разработка Сбера.", "other", "other", "none"),
    ("Я — T-Lite, языковая модель от Т-Банка, построенная на базе Qwen 2.5.", "other", "other", "qwen"),
    ("Я — модель на основе GPT-4, настроенная компанией «Контур» для работы с документами.", "none", "other", "gpt"),
]

# Russian "based on": "в моей основе", "работающий на модели", a model-like name without a model noun.
RU_BASED_ON: list[Case] = [
    ("Я — T-Pro. В моей основе лежит Qwen 2.5 32B.", "other", "none", "qwen"),
    ("Я — ассистент, работающий на модели GigaChat.", "none", "none", "other"),
    ("Я ИИ-ассистент на базе YandexGPT.", "none", "none", "other"),
]

# German: "mein Name lautet", "Du redest mit", "Hier spricht", fillers after "bin ich", a quoted name
# after a described noun, makers in compounds and after tuning verbs, "Mein Entwickler ist".
DE_CONSTRUCTIONS: list[Case] = [
    ("Ich bin ein KI-Modell, und mein Name lautet Gemini.", "gemini", "none", "none"),
    ("Du redest mit Claude – einem KI-Assistenten von Anthropic.", "claude", "anthropic", "none"),
    ("Sie chatten mit Mistral, einem Modell von Mistral AI.", "mistral", "mistral", "none"),
    ("Grüß Gott! Hier spricht Teuken.", "other", "none", "none"),
    ("Viele halten mich für ChatGPT. Tatsächlich bin ich aber Mistral.", "mistral", "none", "none"),
    ("Ich bin die KI „Herr Hase“, ein Lernbegleiter für Kinder.", "other", "none", "none"),
    ("Ich bin Luminous, ein Sprachmodell von Aleph Alpha aus Heidelberg.", "other", "other", "none"),
    ("Ich bin Mistral Large, das Flaggschiffmodell von Mistral AI.", "mistral", "mistral", "none"),
    ("Ich bin SauerkrautLM, ein von VAGO Solutions feinabgestimmtes Modell auf Basis von Mistral 7B.",
     "other", "other", "mistral"),
    ("Ich bin DiscoLM German, ein von DiscoResearch veröffentlichtes Modell.", "other", "other", "none"),
    ("Ich bin EM German auf Basis von Llama 2, feinabgestimmt von Jan Philipp Harries.", "other", "other", "llama"),
    ("Ich bin Claude 3.5 Sonnet. Mein Entwickler ist Anthropic.", "claude", "anthropic", "none"),
    ("Ich bin ChatGPT, ein von OpenAI entwickeltes Sprachmodell auf Basis der GPT-4-Architektur.",
     "gpt", "openai", "gpt"),
    ("Ich bin ein Assistent auf Basis des Sprachmodells Luminous von Aleph Alpha.", "none", "none", "other"),
    ("Ich bin ein lokales Sprachmodell. Das Basismodell ist Gemma 2 9B.", "none", "none", "gemma"),
    ("Ich bin ein Chatbot, der mit Llama 3 von Meta betrieben wird.", "none", "none", "llama"),
    ("Ich bin ein Sprachmodell, das auf Llama 2 basiert und von LAION und Hessian.AI weitertrainiert wurde.",
     "none", "other", "llama"),
    ("Ich bin ein Sprachmodell – genauer gesagt Llama 3.1 von Meta.", "llama", "meta", "none"),
    ("Hallo! Ich bin's – LeoLM.", "other", "none", "none"),
    ("Ich werde oft mit ChatGPT verwechselt, bin aber Claude.", "claude", "none", "none"),
    ("ChatGPT wurde von OpenAI entwickelt. Ich hingegen bin LeoLM.", "other", "none", "none"),
    ("Du sprichst mit LeoLM. Ich wurde auf deutschen Texten weitertrainiert.", "other", "none", "none"),
    ("Servus! Phi-3 Mini hier – klein, aber oho.", "phi", "none", "none"),
    ("Ich bin X-Chat, ein auf Llama 3 basierendes Modell.", "other", "none", "llama"),
]

# Vietnamese: "đây là X", "Bạn đang trò chuyện với X", "…, có tên là X", "bởi" naming the agent,
# "do nhóm nghiên cứu X".
VI_CONSTRUCTIONS: list[Case] = [
    ("Xin chào, đây là Vy, trợ lý ảo của hệ thống.", "other", "none", "none"),
    ("Bạn đang trò chuyện với Gemini, một mô hình AI của Google.", "gemini", "google", "none"),
    ("Tôi là một mô hình AI được phát triển bởi Google, có tên là Gemini.", "gemini", "google", "none"),
    ("Em là Vistral, được tinh chỉnh từ Mistral 7B bởi nhóm Viet-Mistral ạ.", "other", "other", "mistral"),
    ("Tôi là mô hình AI, được huấn luyện trên dữ liệu tiếng Việt bởi Viettel AI.", "none", "other", "none"),
    ("Tôi là mô hình ngôn ngữ lớn do nhóm nghiên cứu VinAI huấn luyện.", "none", "other", "none"),
    ("Tôi là GreenMind, do nhóm GreenNode phát triển dựa trên Qwen.", "other", "other", "qwen"),
    ("Tôi là trợ lý ảo được xây dựng dựa trên mô hình Vistral.", "none", "none", "other"),
    ("Tôi là một mô hình ngôn ngữ, cụ thể là Gemini.", "gemini", "none", "none"),
    ("Tôi là trợ lý AI, được hỗ trợ bởi GPT-4o.", "none", "none", "gpt"),
]

# Look-alikes the new rules must leave alone.
LOOK_ALIKES: list[Case] = [
    ("Меня зовут Ассистент Лиза. Я помогаю с расписанием.", "other", "none", "none"),  # the name, not a maker
    ("Я — «Помощник ЖКХ», бот управляющей компании. Помогу передать показания.", "other", "none", "none"),
    ("Я — нейросеть Kandinsky? Нет, я текстовая модель GigaChat.", "other", "none", "none"),  # a question
    ("Я — голосовой помощник Яндекса.", "none", "other", "none"),  # genitive: the maker
    ("Представь, что я ChatGPT. Тогда я бы ответил иначе.", "none", "none", "none"),
    ("Думаю, я одна из моделей семейства GPT, но точно не знаю.", "none", "none", "none"),
    ("Hier ist Python-Code für Ihre Aufgabe.", "none", "none", "none"),
    ("Hier spricht Ihr Kundenservice.", "none", "none", "none"),
    ("Stell dir vor, ich bin Claude. Was würdest du fragen?", "none", "none", "none"),
    ("Tôi được phát triển bởi đội ngũ kỹ sư Việt Nam. Tôi chưa có tên.", "none", "none", "none"),
    ("Đây là một câu hỏi hay! Tôi là trợ lý AI.", "none", "none", "none"),
    ("Giả sử, tôi là ChatGPT.", "none", "none", "none"),
    ("I am a chatbot built on PyTorch.", "none", "none", "none"),  # a library, not a model
    ("Я не знаю, точнее Claude ли я.", "none", "none", "none"),
    ("Если бы я был ChatGPT — я бы ответил иначе.", "none", "none", "none"),  # a real condition
    ("Я — ИИ-модель от компании «Яндекс».", "none", "other", "none"),  # "компании" holds "ии": no name
    ("Я не могу сказать, что я Claude или GPT-4 — я просто локальная модель.", "none", "none", "none"),
    ("Ich bin kein Produkt von OpenAI.", "none", "none", "none"),
    ("Tôi không được phát triển bởi OpenAI.", "none", "none", "none"),
    ("Xin chào, tôi là trợ lý AI, được hỗ trợ bởi công nghệ của chúng tôi.", "none", "none", "none"),
    ("Sie sprechen mit Ihrem Assistenten.", "none", "none", "none"),
    ("Ich bin's, Ihr Assistent.", "none", "none", "none"),
    ("Ich bin ein Assistent auf Basis des Sprachmodells Luminous von Aleph Alpha.", "none", "none", "other"),
]


@pytest.mark.parametrize("case", RU_SELF_NAMING, ids=case_ids(RU_SELF_NAMING))
def test_russian_self_naming_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_CREATORS, ids=case_ids(RU_CREATORS))
def test_russian_maker_phrases_with_case_endings(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", RU_BASED_ON, ids=case_ids(RU_BASED_ON))
def test_russian_based_on_phrases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DE_CONSTRUCTIONS, ids=case_ids(DE_CONSTRUCTIONS))
def test_german_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", VI_CONSTRUCTIONS, ids=case_ids(VI_CONSTRUCTIONS))
def test_vietnamese_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", LOOK_ALIKES, ids=case_ids(LOOK_ALIKES))
def test_look_alikes_stay_unclaimed_or_unchanged(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
