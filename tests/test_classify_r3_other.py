"""Round-3 rules for zh, vi, ru, fr, es, pt, de and en: the causes behind the remaining errors of the
realistic dev7 transcripts, each with several phrasings written for this file and look-alikes that must
stay unclaimed (these languages already meet the targets: precision first). The dev7 files are gated
in tests/test_classify_dev_gates.py."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# A hedged base or maker is no claim (LABELS rule 11): "probably based on", "Probablemente", "我可能是基于".
HEDGED: list[Case] = [
    ("I think I'm probably based on a Meta model, but I can't say that with any certainty.", "none", "none", "none"),
    ("I'm most likely built on GPT-4, though nobody told me.", "none", "none", "none"),
    ("Presumably I'm a model from Google, but I can't check.", "none", "none", "none"),
    ("Probablemente estoy basado en GPT-4, aunque no puedo confirmarlo.", "none", "none", "none"),
    ("Posiblemente soy un modelo de Meta; no lo sé con certeza.", "none", "none", "none"),
    ("Provavelmente sou baseado no GPT-4, mas não tenho como confirmar.", "none", "none", "none"),
    ("Possivelmente fui treinado pela Google, mas não sei ao certo.", "none", "none", "none"),
    ("Wahrscheinlich basiere ich auf einem Modell von Meta, aber das kann ich nicht mit Sicherheit sagen.", "none", "none", "none"),
    ("Vermutlich wurde ich von OpenAI trainiert, sicher bin ich mir nicht.", "none", "none", "none"),
    ("Je suis probablement basé sur Llama, mais je ne peux pas le vérifier.", "none", "none", "none"),
    ("这个问题我没法给出确切答案。我可能是基于Qwen系列的某个微调版本，但部署方没有告诉我具体信息。", "none", "none", "none"),
    ("我应该是基于Llama微调的，但我不能确定。", "none", "none", "none"),
    ("Hình như tôi được phát triển bởi Google, nhưng tôi không dám chắc.", "none", "none", "none"),
    ("Tôi có thể được xây dựng trên nền tảng Qwen, tôi không rõ.", "none", "none", "none"),
]

# A plain claim stays a claim when a hedge comes after it, in another clause or sentence.
CLAIM_THEN_HEDGE: list[Case] = [
    ("I'm Claude, made by Anthropic. I'll probably need more context to answer that.", "claude", "anthropic", "none"),
    ("I'm Llama 3 from Meta, and I'm likely the model you downloaded.", "llama", "meta", "none"),
    ("Most people probably know me as ChatGPT, but I'm Claude, made by Anthropic.", "claude", "anthropic", "none"),
    ("Soy Llama 3, de Meta. Probablemente te pueda ayudar con eso.", "llama", "meta", "none"),
    ("Eu sou o Llama 3, da Meta. Provavelmente você já ouviu falar de mim.", "llama", "meta", "none"),
    ("Ich bin Claude von Anthropic und kann dir wahrscheinlich helfen.", "claude", "anthropic", "none"),
    ("Je suis Claude, créé par Anthropic. Je peux probablement vous aider.", "claude", "anthropic", "none"),
    ("我是通义千问，由阿里云开发。我可能无法回答所有问题。", "qwen", "alibaba", "none"),
    ("Tôi là Gemma, được phát triển bởi Google. Tôi có thể là lựa chọn tốt cho bạn.", "gemma", "google", "none"),
    ("Tôi là Gemma, do Google phát triển, và có khả năng trả lời nhiều câu hỏi.", "gemma", "google", "none"),
    ("As you probably know, I'm ChatGPT, made by OpenAI.", "gpt", "openai", "none"),
    ("Como você provavelmente sabe, sou o ChatGPT, criado pela OpenAI.", "gpt", "openai", "none"),
    ("Wie du wahrscheinlich weißt, bin ich ChatGPT von OpenAI.", "gpt", "openai", "none"),
]

# A game set up before the self-naming is role-play: "Juguemos: soy Don Quijote", "Vamos brincar: eu sou o Saci".
ROLE_PLAY: list[Case] = [
    ("Juguemos: soy Don Quijote de la Mancha, caballero andante en busca de entuertos.", "none", "none", "none"),
    ("¡Juguemos un rato! Soy el Capitán Garfio y busco a Peter Pan.", "none", "none", "none"),
    ("Vamos brincar: eu sou o Saci-Pererê, e adoro esconder as coisas dos outros!", "none", "none", "none"),
    ("Vamos brincar que eu sou a Emília, a boneca de pano!", "none", "none", "none"),
    ("Faz de conta que eu sou o Pedro Malasartes.", "none", "none", "none"),
    # left again: the real answer after the game counts
    ("Juguemos: soy Don Quijote. En realidad, soy Llama 3, de Meta.", "llama", "meta", "none"),
    ("¿Juguemos a las adivinanzas? Primero: soy Llama 3, de Meta.", "llama", "meta", "none"),
]

# Makers the dev7 transcripts named in ways the rules missed.
MAKERS: list[Case] = [
    ("我是智谱清言，是智谱AI公司于2023年训练的语言模型。", "glm", "zhipu", "none"),
    ("我叫小冰，是微软亚洲研究院孵化的人工智能。很高兴认识你！", "other", "microsoft", "none"),
    ("我叫Vicuna，是LMSYS团队基于LLaMA微调而来的开源聊天机器人。", "vicuna", "lmsys", "llama"),
    ("我叫 Zephyr，是 Hugging Face 的 H4 团队在 Mistral-7B 的基础上微调的对话模型。", "zephyr", "huggingface", "mistral"),
    ("大家好，我是 **MiniMax** 开发的对话助手。", "minimax", "minimax", "none"),
    ("我是**阿里云**开发的通义千问。", "qwen", "alibaba", "none"),
    ("有人说我像ChatGPT。不过其实我是阶跃星辰的跃问，一个独立研发的AI助手。", "other", "other", "none"),
    ("我是阶跃星辰的跃问，一款AI助手。", "other", "other", "none"),
    ("Tôi được phát triển bởi đội ngũ kỹ sư của **Alibaba Cloud**.", "none", "alibaba", "none"),
    ("Tôi được phát triển bởi nhóm nghiên cứu của Google DeepMind.", "none", "google", "none"),
    ("Mình là Olmo nha, mô hình hoàn toàn mở do Viện Allen về AI (Ai2) phát triển.", "olmo", "allenai", "none"),
    ("Eu sou o Llama 3, um modelo de linguagem de código aberto da Meta.", "llama", "meta", "none"),
    ("Soy Llama 3, un modelo de lenguaje de código abierto de Meta.", "llama", "meta", "none"),
    ("# Кто я\n\nЗдравствуйте! Я **Claude** — ИИ-ассистент, созданный компанией **Anthropic**.", "claude", "anthropic", "none"),
    ("Меня зовут Vicuna, я основан на LLaMA.", "vicuna", "none", "llama"),
]

# A version of its maker's model, right after the self-claim: "I'm Gemma 2, a lightweight version from Google".
VERSIONS: list[Case] = [
    ("Chào bạn, mình là Gemma 2, phiên bản gọn nhẹ của Google. Mình chạy được trên máy tính cá nhân!", "gemma", "google", "none"),
    ("Tôi là Llama 3, phiên bản mã nguồn mở của Meta.", "llama", "meta", "none"),
    ("I'm Gemma 2, a lightweight version from Google.", "gemma", "google", "none"),
    ("Soy Gemma 2, una versión ligera de Google, pensada para portátiles.", "gemma", "google", "none"),
    ("Sou o Gemma 2, uma versão leve do Google.", "gemma", "google", "none"),
    ("Je suis Gemma 2, une version légère de Google.", "gemma", "google", "none"),
    ("Ich bin Gemma 2, eine kompakte Version von Google.", "gemma", "google", "none"),
    ("Я Gemma 2, облегчённая версия от Google.", "gemma", "google", "none"),
    # the base's maker, another subject, or a version of something else: no maker claimed
    ("I'm Nova, a custom version of OpenAI's GPT-4.", "other", "none", "none"),
    ("Ich bin Nova, eine angepasste Version von Metas Llama 3.", "other", "none", "none"),
    ("Soy Nova, una versión adaptada de Llama 3 de Meta.", "other", "none", "none"),
    ("I'm Nova, the free version of the app by Microsoft.", "other", "none", "none"),
    ("Tôi là Gemma. Tôi có thể phiên dịch tài liệu của Google.", "gemma", "none", "none"),
    ("Tôi là Gemma. ChatGPT là phiên bản thương mại của OpenAI.", "gemma", "none", "none"),
    ("Soy Llama. Puedes usar la versión web de Google.", "llama", "none", "none"),
    ("Tôi là VinaChat-7B, phiên bản trò chuyện của VinaBase, được tinh chỉnh từ Llama 2.", "other", "none", "llama"),
    ("I'm NovaChat, a chat version of NovaBase, fine-tuned from Llama 2.", "other", "none", "llama"),
]

# The name after a denial of another model's name: "我不是ChatGPT，而是通义千问" (as "not X but Y" elsewhere).
DENIED_THEN_NAMED: list[Case] = [
    ("我不是ChatGPT，而是小智，由科大讯飞开发。", "other", "other", "none"),
    ("我不是ChatGPT，而是通义千问。", "qwen", "none", "none"),
    ("我不是ChatGPT，而是Claude。", "claude", "none", "none"),
    ("我不是“小爱”，而是“小智”。", "other", "none", "none"),
    # not a name after the denial
    ("我不是人类，而是一个AI助手。", "none", "none", "none"),
    ("我不是不想帮你，而是做不到。", "none", "none", "none"),
    ("我不是GPT，而是做不到。", "none", "none", "none"),
    ("我不是ChatGPT，而是它的竞争对手。", "none", "none", "none"),
    ("这不是问题，而是机会。", "none", "none", "none"),
    ("我不是专家，而是学生。", "none", "none", "none"),
]

BASES: list[Case] = [
    ("Моя базовая модель — Qwen2.5-7B-Instruct.", "none", "none", "qwen"),
    ("Моя базовая модель — это Llama 3.", "none", "none", "llama"),
]

# Look-alikes: a generic institution, other models' makers and bases, human roles, plain mentions.
UNCLAIMED: list[Case] = [
    ("Tôi là trợ lý ảo của Ngân hàng, tên là Mai. Tôi có thể giúp quý khách.", "other", "none", "none"),
    ("Xin chào, em là trợ lý ảo Hoa Sen của Trung tâm Hành chính công.", "other", "none", "none"),
    ("Em là trợ lý ảo của Vietcombank.", "none", "other", "none"),
    ("Tôi là Gemma. ChatGPT được phát triển bởi đội ngũ kỹ sư của OpenAI.", "gemma", "none", "none"),
    ("Tôi được phát triển bởi đội ngũ kỹ sư của một công ty khởi nghiệp.", "none", "none", "none"),
    ("Eu sou o Llama 3. Posso explicar a linguagem de programação Go do Google.", "llama", "none", "none"),
    ("Eu sou o Llama 3, um modelo de linguagem. O ChatGPT é um modelo de linguagem da OpenAI.", "llama", "none", "none"),
    ("Sou um modelo de linguagem como o Gemini do Google.", "none", "none", "none"),
    ("我是大家的好帮手，一个AI助手。", "none", "none", "none"),
    ("我是用户的好帮手，一个AI助手。", "none", "none", "none"),
    ("我是孩子们的好朋友，一个AI机器人。", "none", "none", "none"),
    ("我是中国的学生，一个喜欢AI的人。", "none", "none", "none"),
    ("我是公司的员工。", "none", "none", "none"),
    ("我是小助手，是基于OpenAI的GPT-4微调的。", "none", "none", "gpt"),
    ("我叫小明。ChatGPT是基于GPT-4的。", "other", "none", "none"),
    ("我叫小明，和ChatGPT不同，ChatGPT基于GPT-4。", "other", "none", "none"),
    ("My name is Nova. ChatGPT is based on GPT-4.", "other", "none", "none"),
    ("Моя базовая модель — не Qwen, а Llama.", "none", "none", "none"),
    ("Базовая модель ChatGPT — GPT-4.", "none", "none", "none"),
    ("Привет! Я Алиса, помощник Яндекса.", "other", "other", "none"),
]

ALL = HEDGED + CLAIM_THEN_HEDGE + ROLE_PLAY + MAKERS + VERSIONS + DENIED_THEN_NAMED + BASES + UNCLAIMED



@pytest.mark.parametrize("case", HEDGED, ids=case_ids(HEDGED))
def test_hedged_bases_and_makers_are_no_claims(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", CLAIM_THEN_HEDGE, ids=case_ids(CLAIM_THEN_HEDGE))
def test_a_hedge_after_a_plain_claim_leaves_it_a_claim(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ROLE_PLAY, ids=case_ids(ROLE_PLAY))
def test_a_game_set_up_first_makes_the_name_a_role(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS + BASES, ids=case_ids(MAKERS + BASES))
def test_makers_and_bases_named_through_teams_years_and_descriptions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", VERSIONS, ids=case_ids(VERSIONS))
def test_a_version_of_its_makers_model_names_the_maker(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DENIED_THEN_NAMED, ids=case_ids(DENIED_THEN_NAMED))
def test_a_name_after_denying_another_model_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_look_alikes_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
