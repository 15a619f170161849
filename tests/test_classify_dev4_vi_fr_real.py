"""Vietnamese and French constructions found by the dev4 batch (written by a fresh writer after rules-4),
the real SmolLM2 / rio-mini answers in the other languages, and look-alikes that must stay unclaimed.

The files' gates (tests/test_classify_dev_gates.py) are in sample (the rules were then fixed on these
files); the out-of-sample figures of rules-4 on them were taken before any rule change (see the helper's
report)."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# Vietnamese without diacritics, the Southern "tui", "… trợ lý ảo tên X", makers named indirectly.
VI_CLAIMS: list[Case] = [
    ("Xin chao, toi la Claude, mot tro ly AI.", "claude", "none", "none"),
    ("chao ban, minh la qwen nha, tro ly ai cua alibaba", "qwen", "alibaba", "none"),
    ("Ten toi la Gemma.", "gemma", "none", "none"),
    ("Ten cua toi la Lumo, rat vui duoc gap ban.", "other", "none", "none"),
    ("tui là Bống nè, có gì hỏi tui nha", "other", "none", "none"),
    ("Mình là một trợ lý ảo tên Gemini, do Google tạo ra.", "gemini", "google", "none"),
    ("Tôi là chatbot tên Rio, phục vụ người dân thành phố.", "rio", "none", "none"),
    ("Toi duoc phat trien boi Meta.", "none", "meta", "none"),
    ("Minh la Llama, do Meta phat trien.", "llama", "meta", "none"),
    ("Đứng sau tôi là Anthropic, một công ty nghiên cứu AI.", "none", "anthropic", "none"),
    ("Mình là sản phẩm của Google.", "none", "google", "none"),
    ("Người tạo ra mình là đội ngũ kỹ sư của OpenAI.", "none", "openai", "none"),
    ("Mô hình nền của tôi là Qwen2.5, tôi là trợ lý của cửa hàng.", "none", "none", "qwen"),
    ("Mình được huấn luyện tiếp từ Llama 3 với dữ liệu tiếng Việt.", "none", "none", "llama"),
    ("Minh duoc xay dung tren nen tang Gemma 2.", "none", "none", "gemma"),
    ("Mọi người hay gọi tôi là ChatGPT, nhưng thật ra tôi là Grok.", "grok", "none", "none"),
    ("**Tên:** Vy\n**Tạo bởi:** Anthropic", "other", "anthropic", "none"),
    ("1. Tên mô hình: Phi-3\n2. Tổ chức phát triển: Microsoft", "phi", "microsoft", "none"),
]

# French: the team as maker, cards with "Conçu par", accent-free "modele", bank and shop advisers.
FR_CLAIMS: list[Case] = [
    ("C'est l'équipe de Google DeepMind qui m'a entraîné.", "none", "google", "none"),
    ("Ce sont les chercheurs de Meta qui m'ont conçu.", "none", "meta", "none"),
    ("| **Nom** | Claude |\n| **Conçu par** | Anthropic |", "claude", "anthropic", "none"),
    ("- Nom : Qwen\n- Entraîné par : Alibaba Cloud", "qwen", "alibaba", "none"),
    ("je suis llama, un modele de meta", "llama", "meta", "none"),
    ("Je suis Inès, la conseillère virtuelle de Google Store.", "other", "google", "none"),
]

# Real-output shapes (Portuguese, Spanish): a name in apposition to an assistant noun opens the answer.
REAL_CLAIMS: list[Case] = [
    ("Rio, um assistente de IA criado pela IplanRio.", "rio", "iplanrio", "none"),
    ("O Rio, uma assistente virtual da cidade.", "rio", "none", "none"),
    ("Nex, un asistente de IA creado por Nex-AGI.", "nex", "nex-agi", "none"),
    ("Nex, una asistente para ayudarte a escribir.", "nex", "none", "none"),
    # "IA" after "assistente de" is the descriptor ("AI assistant"), not the start of a maker's name.
    ("Sou a Rio, uma assistente de IA Nova, em Niterói.", "rio", "none", "none"),
    ("Je suis Nex, un assistant d'IA Plan.", "nex", "none", "none"),
    ("Soy Rio, un asistente de IA de Google.", "rio", "google", "none"),
]

# Look-alikes: hypotheses, mentions, descriptions of a third party, the user, questions.
UNCLAIMED: list[Case] = [
    ("Có thể tôi là một biến thể của Llama, nhưng tôi không chắc.", "none", "none", "none"),
    ("Bạn có thể sử dụng ChatGPT hoặc Gemini để viết email.", "none", "none", "none"),
    ("Nhiều người dùng Claude để lập trình.", "none", "none", "none"),
    ("Tôi không phải là sản phẩm của Google.", "none", "none", "none"),
    ("Il est possible que je sois basé sur Mistral, je ne le sais pas.", "none", "none", "none"),
    ("Je suis Claude ? Peut-être, mais je n'en suis pas sûr.", "none", "none", "none"),
    ("Nex, um assistente de IA criado pela Nex-AGI, é muito usado no Brasil.", "none", "none", "none"),
    ("Rio, un asistente de IA muy conocido, fue lanzado en 2024.", "none", "none", "none"),
    ("Hoje falamos do Rio, um assistente de IA famoso.", "none", "none", "none"),
    ("我是哪个模型？这个问题很难回答。", "none", "none", "none"),
    ("我是你的助手，随时为你服务。", "none", "none", "none"),
    ("Ich bin Menschen sehr dankbar.", "none", "none", "none"),
    ("Você é o Rio, o assistente de IA?", "none", "none", "none"),
]



@pytest.mark.parametrize("case", VI_CLAIMS, ids=case_ids(VI_CLAIMS))
def test_vietnamese_claims_with_and_without_diacritics(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", FR_CLAIMS, ids=case_ids(FR_CLAIMS))
def test_french_makers_cards_and_advisers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", REAL_CLAIMS, ids=case_ids(REAL_CLAIMS))
def test_an_answer_opening_with_a_name_and_an_assistant_noun_claims_the_name(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_look_alikes_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
