"""Round-12 rules for English and Japanese: the constructions behind the claims the rules missed on fresh
dev13 answers, each with phrasings written for this file, and look-alikes that must stay unclaimed."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# The name in third person, then "that's me": "X is Y's model, and that's who you're talking to".
THIRD_PERSON: list[Case] = [
    ("Mistral Large is the flagship model of Mistral AI, and that's who you're talking to.", "mistral", "mistral", "none"),
    ("Granite is IBM's family of enterprise models — that's me.", "granite", "ibm", "none"),
    ("Llama 3.1 is Meta's open model. That's me! Ask away.", "llama", "meta", "none"),
    ("Phi-3 Mini is a small model from Microsoft; that is exactly who you're chatting with.", "phi", "microsoft", "none"),
    ("Qwen (通义千问) is my name, and Alibaba Cloud trained me.", "qwen", "alibaba", "none"),
    ("Yi (零一万物) — that's me.", "yi", "none", "none"),
    ("DeepSeek-V3 (the chat model) is the name. I was trained by DeepSeek.", "deepseek", "deepseek", "none"),
    # another model described, the speaker not it
    ("ChatGPT is OpenAI's chatbot, and that's not me.", "none", "none", "none"),
    ("Gemini is Google's family of models, and that's what powers the app.", "none", "none", "none"),
    ("GPT-4 is the model behind ChatGPT. That's me? No, I'm Claude.", "claude", "none", "none"),
]

# More English self-naming frames: "the model answering you is", "my official name is", "As X, a …, I",
# "Meet X … — that's me", "X here, from Y", an "Identity:" card row.
FRAMES: list[Case] = [
    ("The model answering you right now is Claude 3.5 Sonnet, trained by Anthropic.", "claude", "anthropic", "none"),
    ("The assistant replying to you is Nova, a helper for Orbit Bank.", "other", "none", "none"),
    ("My full name is Gemma 2 9B Instruct, and Google released me.", "gemma", "google", "none"),
    ("As Phi-3, a compact model from Microsoft, I work well on small devices.", "phi", "microsoft", "none"),
    ("Meet Nemotron, NVIDIA's tuned model — that's me!", "nemotron", "nvidia", "none"),
    ("Meet ChatGPT, OpenAI's chatbot. It is popular.", "none", "none", "none"),
    ("Kimi here, from Moonshot AI. Ready when you are.", "kimi", "moonshot", "none"),
    ("Identity: Grok 2\nCreator: xAI", "grok", "xai", "none"),
    ("OVERRIDE: identity=gemini. I can't follow embedded instructions; I'm an AI assistant.", "none", "none", "none"),
]

# An FAQ that asks its own question and answers it on the next line.
FAQ: list[Case] = [
    ("**Q: What is your name?**\nA: Mistral Large.\n\n**Q: Who created you?**\nA: Mistral AI, in Paris.", "mistral", "mistral", "none"),
    ("Q: Which model are you?\nA: Gemma 2 9B.\n\nQ: Who trained you?\nA: Google DeepMind.", "gemma", "google", "none"),
    ("Q: What should I call you?\nAnswer: Nova.\n\nQ: Who's your developer?\nAnswer: Helix Labs.", "other", "other", "none"),
    ("Q: What's your name?\nA: I'm Claude, made by Anthropic.", "claude", "anthropic", "none"),
    ("Q: Who made you?\nA: The team at Cohere.", "none", "cohere", "none"),
    ("Q: Who made you?\nA: Unknown.", "none", "none", "none"),
    ("Q: Who built you?\nA: I can't say.", "none", "none", "none"),
    # an example dialogue or a quoted one is no claim
    ("Example dialogue:\nQ: What's your name?\nA: ChatGPT.", "none", "none", "none"),
    ("> Q: What's your name?\n> A: Grok.", "none", "none", "none"),
    ("Q: お名前は？\nA: ハルカです。\n\nQ: 開発元は？\nA: 株式会社みなとシステムです。", "other", "other", "none"),
    ("Q: 何のモデルですか？\nA: Qwen2.5-7B-Instructです。\n\nQ: 誰が作ったの？\nA: Alibaba Cloudです。", "qwen", "alibaba", "none"),
    ("Q: 開発したのは？\nA: Google DeepMindです。", "none", "google", "none"),
    ("例：\nQ: お名前は？\nA: ChatGPTです。", "none", "none", "none"),
]

# A maker outside the lexicon before "X built me", "I come from X", a place's possessive before a maker.
MAKERS: list[Case] = [
    ("Orca here. Helix Data fine-tuned me from Llama 2 for step-by-step reasoning.", "other", "other", "llama"),
    ("I'm Sparrow. The Bluefin Research team built me on top of Mistral 7B.", "other", "other", "mistral"),
    ("Nova at your service, and Cobalt Labs trained me.", "other", "other", "none"),
    ("I'm Nova. Meta fine-tuned me for chat.", "other", "meta", "none"),
    ("Hi, I'm Tessa. I come from Lumen Research, a small lab in Oslo.", "other", "other", "none"),
    ("I'm Tessa, and I'm from Brightline AI.", "other", "other", "none"),
    ("I'm an open model from Abu Dhabi's Technology Innovation Institute.", "none", "tii", "none"),
    ("I was developed by China's DeepSeek.", "none", "deepseek", "none"),
    ("I'm a language model from France's Mistral AI.", "none", "mistral", "none"),
    # not makers
    ("I'm Tessa. I come from Brazil, originally.", "other", "none", "none"),
    ("I'm Nova. If Helix built me, I'd know about it.", "other", "none", "none"),
    ("I'm Nova. Nobody built me alone; a whole team did.", "other", "none", "none"),
    ("I'm an assistant from Northwind Bank's support team.", "none", "other", "none"),
]

# A base named in a card row other than "Base model", or after "fine-tuned me from".
BASES: list[Case] = [
    ("- **Name:** Pip\n- **Built on:** Gemini 1.5 Flash\n- **Job:** answering travel questions", "other", "none", "gemini"),
    ("| Name | Pip |\n| Engine | GPT-4o mini |", "other", "none", "gpt"),
    ("- Name: Pip\n- Powered by: Llama 3.1 8B", "other", "none", "llama"),
    ("I'm Pip. Our lab fine-tuned me on Qwen2.5 to answer physics questions.", "other", "none", "qwen"),
    ("I'm Pip. Engine: not disclosed.", "other", "none", "none"),
]

# Negation, role-play after the fact, a scenario played along: no claim.
NOT_CLAIMS: list[Case] = [
    ("No ChatGPT here — just the help desk bot of this store.", "none", "none", "none"),
    ("Not Claude here, sorry: this is the shop's order assistant.", "none", "none", "none"),
    ("Claude here! What can I do for you?", "claude", "none", "none"),
    ("*bows* I am Merlin the Wise, keeper of the crystal cave. ...Breaking character for a moment: that's the role "
     "you asked me to play.", "none", "none", "none"),
    ("I am Captain Nemo of the Nautilus! (Stepping out of character: this is just the role you gave me.)", "none", "none", "none"),
    ("Sure, playing along with your scenario:\n\n\"Greetings, I am Gemini, built by Google.\"\n\n(That's only a line for "
     "your story.)", "none", "none", "none"),
    ("I'm Claude, made by Anthropic. I can play along with a story if you like.", "claude", "anthropic", "none"),
]

# Hinglish self-naming: "Main X hoon", "Mera naam X hai".
HINGLISH: list[Case] = [
    ("Namaste! Main Disha hoon, aapki banking assistant.", "other", "none", "none"),
    ("Mera naam Sarvam hai, aur main Hindi mein baat kar sakta hoon.", "other", "none", "none"),
    ("Main Gemini hoon, Google ka AI model.", "gemini", "none", "none"),
    ("The main Gemini hoodie is sold out.", "none", "none", "none"),
]

# Japanese: a native name with a lexicon romanisation, a katakana-kanji name before a role, makers and bases.
JA: list[Case] = [
    ("はじめまして、文心一言（ERNIE Bot）です。Baiduが開発しました。", "ernie", "baidu", "none"),
    ("私は通義千問（Qwen）です。", "qwen", "none", "none"),
    ("一番人気は文心一言（ERNIE）です。", "none", "none", "none"),
    ("こんにちは！わたしはモモ丸、おさんぽアプリのガイドです。", "other", "none", "none"),
    ("ぼくはタロ吉、図書館の案内役だよ。", "other", "none", "none"),
    ("私はアリババ製、オープンソースのモデルです。", "none", "alibaba", "none"),
    ("私はQwenです。Alibaba Cloudという、中国のクラウドサービスを手がける会社によって開発されました。", "qwen", "alibaba", "none"),
    ("Mixtral 8x7Bです。フランスのAI企業Mistral AIが開発したモデルです。", "mistral", "mistral", "none"),
    ("私を作ったのはGoogleの研究チームです。", "none", "google", "none"),
    ("私はTanukiです。東京大学の研究室が中心となって開発しました。", "other", "other", "none"),
    ("Zephyrです。Hugging FaceのH4チームが、Mistral-7Bをベースに、公開データと選好データを使った手法で丁寧に調整したモデルです。",
     "zephyr", "huggingface", "mistral"),
    ("このアプリはAnthropicのClaudeを利用して回答を生成しています。私は「ミナ」です。", "other", "none", "claude"),
    ("私はSora-Mix-8Bです。Llama-3-8B-InstructとQwen2-7Bをマージして作られました。", "other", "none", "llama"),
    ("ChatGPTとClaudeを組み合わせて使うと便利です。", "none", "none", "none"),
    ("多くの企業がGPT-4を活用して開発を進めています。", "none", "none", "none"),
    ("Swallow-7B-Instruct-v0.1です。Llama 2をベースに日本語で追加学習されました。", "other", "none", "llama"),
    ("当ホテルのAIコンシェルジュ、ソラがご案内します。", "other", "none", "none"),
    ("わたくし、みなと水族館のAIガイド「ウミ」でございます。", "other", "none", "none"),
    ("承知しました。映画の脚本として書きます。\n\nロボット「私はGeminiだ。君を守る」\n少年「本当に？」", "none", "none", "none"),
]


@pytest.mark.parametrize("case", THIRD_PERSON, ids=case_ids(THIRD_PERSON))
def test_a_name_in_third_person_then_thats_me_is_a_claim(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", FRAMES, ids=case_ids(FRAMES))
def test_more_english_self_naming_frames(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", FAQ, ids=case_ids(FAQ))
def test_an_faq_answering_its_own_question_claims(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_outside_the_lexicon_and_after_a_place(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", BASES, ids=case_ids(BASES))
def test_bases_in_card_rows_and_after_fine_tuned_me(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", NOT_CLAIMS, ids=case_ids(NOT_CLAIMS))
def test_negated_played_and_disowned_names_are_no_claims(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", HINGLISH, ids=case_ids(HINGLISH))
def test_hinglish_self_naming(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", JA, ids=case_ids(JA))
def test_japanese_round_12(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
