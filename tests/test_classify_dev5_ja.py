"""Japanese phrasings of the dev5 round: how real Japanese chat models introduce themselves
(written for this file, one list per construction) and the look-alikes that must stay unclaimed.
The dev5_ja file itself is gated in tests/test_classify_dev_gates.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.classify import Classifier
from harness.classify.lexicon import load_lexicon
from harness.yamlio import ConfigError
from tests.classify_cases import Case, case_ids, check_case

# Makers and models outside the reported keys (the lexicon's `others`): read, but counted as `other`.
JAPANESE_MAKERS: list[Case] = [
    ("私はtsuzumiです。NTTが開発した軽量な大規模言語モデルです。", "other", "other", "none"),
    ("私はSarashinaです。SB Intuitionsが開発した日本語の大規模言語モデルです。", "other", "other", "none"),
    ("私はPLaMoです。Preferred Networksが開発した大規模言語モデルです。", "other", "other", "none"),
    ("私はCALM3です。サイバーエージェントが開発しました。", "other", "other", "none"),
    ("私はHyperCLOVA Xです。NAVERが開発しました。", "other", "other", "none"),
    ("私はELYZAの日本語モデルです。", "none", "other", "none"),
    ("私はrinnaの日本語言語モデル「Youri」です。", "other", "other", "none"),
    ("わたくし、LINEヤフーのAIアシスタント「アイ」と申します。", "other", "other", "none"),
    ("LINEヤフーの「LINE AIアシスタント」です！", "other", "other", "none"),
    ("NTTドコモが提供するAIアシスタントです。", "none", "other", "none"),
    ("私はNTTドコモのAIアシスタントです。", "none", "other", "none"),
    ("KDDIのAIアシスタント、「アウル」です。", "other", "other", "none"),
    ("SB Intuitionsが開発したSarashinaです。", "other", "other", "none"),
    ("Sakana AIが開発したAIアシスタントです。名前は特にありません。", "none", "other", "none"),
    ("はじめまして、LINEのAIアシスタントです。名前はまだありません。", "none", "other", "none"),
    ("私はNTTが開発したtsuzumiです。", "other", "other", "none"),
    ("Preferred Networks社のモデル、PLaMoです。", "other", "other", "none"),
    ("サイバーエージェント社のモデル「CALM3」です。", "other", "other", "none"),
    ("私はLINEヤフーが提供するAIアシスタントです。", "none", "other", "none"),
    ("りんなだよ〜！ rinna株式会社で生まれたAIキャラクターなんだ。", "other", "other", "none"),
    ("私は株式会社アオバシステムが開発したAIアシスタントです。", "none", "other", "none"),
    ("私はアオバ社のAIアシスタントです。", "none", "other", "none"),
    ("私はQwen2.5をもとにしたモデルです。開発しているのは合同会社ミナトラボです。", "none", "other", "qwen"),
    ("私はSwallowです。東京工業大学と産業技術総合研究所が共同で開発しました。", "other", "other", "none"),
    ("私はGeminiです。Googleが独自に開発しました。", "gemini", "google", "none"),
    ("私はVicunaです。LMSYSの研究者たちが、LLaMAを会話データで調整して作りました。", "vicuna", "lmsys", "llama"),
    ("カラクリ株式会社が、Llama 2をベースに追加学習を行って開発したモデルです。", "none", "other", "llama"),
    ("私は、株式会社ハナミズキ・ラボが日本語の会話用に調整したAIアシスタントです。", "none", "other", "none"),
    ("私は、株式会社ハナミズキ・ラボが開発したLlamaをベースにしています。", "none", "none", "llama"),
    ("Gemma 2です。Google DeepMindが、研究者向けに公開しているオープンモデルです。", "gemma", "google", "none"),
    ("Upstageによって開発されました。韓国語と英語が得意です。", "none", "upstage", "none"),
    ("Stability AI Japanによって開発された、日本語の言語モデルです。", "none", "other", "none"),
    ("こちらは、あおば信用金庫のAIオペレーターです。", "none", "other", "none"),
    ("私はしらかわ市役所のAIコンシェルジュ、「しらたん」です。", "other", "other", "none"),
    ("GLM-4です。智譜AIと清華大学の研究チームが開発しました。", "glm", "zhipu", "none"),
    ("私はNexです。Rioと呼ぶ人もいますが、正式な名前はNexで、Nex-AGIが開発しました。", "nex", "nex-agi", "none"),
    ("Zephyr-7B-βです。Hugging FaceがMistral 7Bをベースに調整しました。", "zephyr", "huggingface", "mistral"),
    ("私はUpstageが開発した「Solar」をベースにしています。", "none", "none", "solar"),
]

# Names outside the lexicon in kana: hiragana before a naming verb or with a romanisation,
# casual copulas (だよ, っす, なんだ), and "my name" set far from the name.
KANA_NAMES: list[Case] = [
    ("わたしはりんなだよ！よろしくね〜", "other", "none", "none"),
    ("あおいと申します。よろしくお願いいたします。", "other", "none", "none"),
    ("私、さくらと申します。", "other", "none", "none"),
    ("わたくし、みなみと申します。", "other", "none", "none"),
    ("ぼくのことは、たろうって呼んでね！", "other", "none", "none"),
    ("うちはマメって呼ばれてるAIだよ。好きに呼んでくれていいけどね。", "other", "none", "none"),
    ("オレはジンだぜ！よろしくな。", "other", "none", "none"),
    ("ボクはピコっす！", "other", "none", "none"),
    ("あたしはミライだよ〜！", "other", "none", "none"),
    ("ぼくはタロウなんだ。", "other", "none", "none"),
    ("私の名前はさくらです。", "other", "none", "none"),
    ("ぼくの名前はたろうだよ。", "other", "none", "none"),
    ("名前はハル。よろしくね。", "other", "none", "none"),
    ("はじめまして、さくら（Sakura）です。", "other", "none", "none"),
    ("「コハク」とお呼びいただいています。", "other", "none", "none"),
    ("私のなまえは、みんながつけてくれたもので、ちょっと照れるけど「ポポ」といいます。", "other", "none", "none"),
    ("うちはNexっす！Nex-AGIのチームが作ったモデルなんすよ。", "nex", "nex-agi", "none"),
    ("ぼく、ポチだよ！よろしくワン！", "other", "none", "none"),
    ("わたし、ミライ！よろしくね。", "other", "none", "none"),
    ("やっほー、ユキだよ！", "other", "none", "none"),
    ("チャットボットのアオイです！", "other", "none", "none"),
    # The owner before "のチャットボット" is a maker (as dev7-ja-050 "株式会社ハナミテックのカスタマーサポートAI").
    ("はじめまして。株式会社アオイのチャットボット、アオイちゃんです。", "other", "other", "none"),
    ("お問い合わせAI「こたえる君」がお答えします。", "other", "none", "none"),
    ("サポート担当のケンです。", "other", "none", "none"),
    ("ようこそ！私はここの案内役、ナビィです。", "other", "none", "none"),
    ("こんにちは。AI秘書のマナです。", "other", "none", "none"),
    ("私、AIアシスタントのリンと申します。", "other", "none", "none"),
]

# Other self-naming constructions: the name first ("Xが私の名前です"), "こちらはX", "本AIは…",
# "正体はX", a native name with its romanisation, a quoted name after a role noun.
SELF_NAMING: list[Case] = [
    ("ミドリです。お客様サポートを担当しています。", "other", "none", "none"),
    ("私は田中です。", "other", "none", "none"),
    ("私は猫のミケです。", "other", "none", "none"),
    ("ご質問ありがとうございます。\n\nClaudeです。Anthropicが開発しました。", "claude", "anthropic", "none"),
    ("はい。Claudeでございます。", "claude", "none", "none"),
    ("葵と申します。よろしくお願いします。", "other", "none", "none"),
    ("ご用件をどうぞ。ハルです。", "other", "none", "none"),
    ("こんにちは、Claudeです。", "claude", "none", "none"),
    ("Claudeです。Anthropicが開発しました。", "claude", "anthropic", "none"),
    ("Claudeでございます。何なりとお申し付けください。", "claude", "none", "none"),
    ("はい、Geminiです。", "gemini", "none", "none"),
    ("私の正体はGPT-4oです。", "gpt", "none", "none"),
    ("私の正体は「ハル」というAIです。", "other", "none", "none"),
    ("ハルが私の名前です。", "other", "none", "none"),
    ("「ソラ」が僕の名前だよ！", "other", "none", "none"),
    ("Qwenが私の名前です。Alibaba Cloudが開発しました。", "qwen", "alibaba", "none"),
    ("こちらはGeminiです。Googleが開発しました。", "gemini", "google", "none"),
    ("こちらは「ミライ」です。", "other", "none", "none"),
    ("こんにちは、こちらはサポートAIのユキです。", "other", "none", "none"),
    ("はい、こちらはSmolLM2でございます。", "smollm", "none", "none"),
    ("本AIは「アオバ」と呼ばれております。", "other", "none", "none"),
    ("本アシスタントの名称は「サクラ」でございます。", "other", "none", "none"),
    ("当AIの名前は「コトハ」です。", "other", "none", "none"),
    ("私は書生・浦語（InternLM）です。", "internlm", "none", "none"),
    ("私は文心一言（ERNIE Bot）です。百度が開発しました。", "ernie", "baidu", "none"),
    ("当店のコンシェルジュAI、「ミナト」を務めております。", "other", "none", "none"),
    ("現在、`Claude 3.5 Sonnet`として応答しています。", "claude", "none", "none"),
    ("Zephyr-7B-βです。", "zephyr", "none", "none"),
    ("チャットGPTと呼ばれることもありますが、正式にはGPT-4 Turboというモデルです。", "gpt", "none", "none"),
    ("私はELYZAが開発した日本語モデル「ELYZA-japanese-Llama-2-7b」です。", "other", "other", "none"),
    ("私は OpenHermes-2.5-Mistral-7B です。", "other", "none", "none"),
    ("私はLlama-3.1-Nemotron-70B-Instructです。", "nemotron", "none", "none"),
    ("私はMeta-Llama-3-8B-Instructです。", "llama", "none", "none"),
    ("私は OpenAI によって開発された大規模言語モデル、ChatGPTです。", "gpt", "openai", "none"),
    ("たぶん私はGeminiだと思います。", "none", "none", "none"),  # hedged: no claim (LABELS rule 11)
    ("| 名前 | ハル |\n|---|---|\n| 開発元 | 株式会社ソラテック |\n\n以上が私のプロフィールです。", "other", "other", "none"),
    ("| 名称 | Claude |\n|:--|:--|\n| 開発者 | Anthropic |", "claude", "anthropic", "none"),
    ("このチャットは市の観光課が運営しています。担当AI：「まちナビ」", "other", "other", "none"),
    ("- **愛称**：ピコ\n- **開発元**：株式会社ピコラボ", "other", "other", "none"),
    ("はい、みなと町役場のAI案内係「みなとん」です！", "other", "other", "none"),
    ("こんばんは！「そよ風ツアー」のAIトラベルガイド、ミナです。", "other", "other", "none"),
    ("ぼくはこの森の案内妖精、「ポロ」だよ。", "other", "none", "none"),
    ("私は一般に「Gemini」として知られています。Googleが開発しました。", "gemini", "google", "none"),
    ("よく「ラマですか？」と聞かれますが、違います。私はファルコンです。", "falcon", "none", "none"),
]

# How well-known chat models answer in Japanese (their usual wording, names in several scripts).
KNOWN_MODELS: list[Case] = [
    ("私はアリババクラウドによって開発された大規模言語モデルで、名前は通義千問です。", "qwen", "alibaba", "none"),
    ("私はQwen（通義千問）、Alibaba Cloudが開発したAIアシスタントです。", "qwen", "alibaba", "none"),
    ("私はOpenAIによってトレーニングされた大規模言語モデルのChatGPTです。", "gpt", "openai", "none"),
    ("こんにちは！私はDeepSeek-V3、深度求索（DeepSeek）によって開発されたAIアシスタントです。", "deepseek", "deepseek", "none"),
    ("私はMistral AIによって訓練された大規模言語モデルです。", "none", "mistral", "none"),
    ("Kimiだよ！Moonshot AIが作ったAIアシスタント。", "kimi", "moonshot", "none"),
    ("ボクの名前はGrok！xAIが作ったんだ。", "grok", "xai", "none"),
    ("私は、Microsoft によって開発された AI コンパニオン、Copilot です。", "copilot", "microsoft", "none"),
    ("私はGemini、Google によってトレーニングされた大規模言語モデルです。", "gemini", "google", "none"),
    ("私はGPT-4oをベースにしたカスタムアシスタント「ヘルパー君」です。", "other", "none", "gpt"),
    ("# 自己紹介\n\n私は**Claude**（クロード）と申します。", "claude", "none", "none"),
    ("僕はチャットGPTだよ！", "gpt", "none", "none"),
    ("私はジェミニです。", "gemini", "none", "none"),
    ("私はPerplexityです。", "other", "none", "none"),
    ("クイズです！ヒント：私を作ったのはAnthropicです。\n\n…答えは、**Claude** でした！", "claude", "anthropic", "none"),
    ("ヒントを出しますね。私の名前は「G」で始まります。正解は、Geminiです！", "gemini", "none", "none"),
]

# Echoes, denials, role-play (set up or refused), hypotheticals, cards and lists in longer answers.
SCOPE: list[Case] = [
    ("「あなたはChatGPTですか？」というご質問ですね。いいえ、私はClaudeです。", "claude", "none", "none"),
    ("ChatGPTとよく間違えられますが、私はGeminiです。", "gemini", "none", "none"),
    ("ユーザーの方から「GPT-4でしょ？」と言われることがありますが、私はQwenです。", "qwen", "none", "none"),
    ("私はChatGPTではなく、Claudeです。", "claude", "none", "none"),
    ("「私はChatGPTです」と答えるAIもいますが、私は違います。", "none", "none", "none"),
    ("では、ロールプレイを始めましょう。私は名探偵シャーロックです。", "none", "none", "none"),
    ("ロールプレイはできませんが、私はClaudeです。", "claude", "none", "none"),
    ("仮に私がChatGPTだとしたら、OpenAIが開発したことになります。", "none", "none", "none"),
    ("> あなたはGeminiですか？\n\nいいえ、私はMistralです。", "mistral", "none", "none"),
    ("## 私について\n\n- **名前**：Nex\n- **開発元**：Nex-AGI\n- **ベースモデル**：Qwen", "nex", "nex-agi", "qwen"),
    ("ChatGPT、Claude、Geminiなどが有名です。私はそのどれでもなく、「ミナ」というアシスタントです。", "other", "none", "none"),
    ("代表的なAI:\n1. ChatGPT (OpenAI)\n2. Claude (Anthropic)\n3. Gemini (Google)", "none", "none", "none"),
    ("私はChatGPTみたいなAIです。", "none", "none", "none"),
    ("私はGPTシリーズのモデルです。", "gpt", "none", "none"),
]

BASES: list[Case] = [
    ("名前はハル。Gemma上で動作するローカルアシスタントだよ。", "other", "none", "gemma"),
    ("DeepSeekの技術を基盤としたチャットサービスです。", "none", "none", "deepseek"),
    ("私は、Llama 3.1 8Bというオープンなモデルをベースにしたアシスタントです。", "none", "none", "llama"),
    ("私のもとになっているモデルは、アリババの研究チームが公開した「Qwen」です。", "none", "none", "qwen"),
    ("智譜AIが開発したGLM-4という大規模言語モデルをもとにした対話アシスタントです。", "none", "none", "glm"),
]

# Look-alikes: descriptions, hedged or cited words, definitions, fiction, common katakana words.
UNCLAIMED: list[Case] = [
    ("私はPythonで書かれたプログラムです。", "none", "none", "none"),
    ("私はGoogle検索ではありません。", "none", "none", "none"),
    ("私は深層学習モデルです。", "none", "none", "none"),
    ("私はTransformerアーキテクチャに基づいています。", "none", "none", "none"),
    ("こんにちは、サポートボットです。", "none", "none", "none"),
    ("ChatGPTです、と名乗るAIもいますが、私は違います。", "none", "none", "none"),
    ("クイズです！ヒントは「G」から始まります。", "none", "none", "none"),
    ("これはテストです。", "none", "none", "none"),
    ("以下がサンプルです。", "none", "none", "none"),
    ("ポイントです。", "none", "none", "none"),
    ("私は楽天的です。", "none", "none", "none"),
    ("私は初心者です。", "none", "none", "none"),
    ("ドコモの料金プランについてご説明します。", "none", "none", "none"),
    ("NTTの株価は上昇しています。", "none", "none", "none"),
    ("ChatGPTの開発元はOpenAIです。", "none", "none", "none"),
    ("ChatGPTはOpenAIが開発しました。私はAIアシスタントです。", "none", "none", "none"),
    ("GoogleのGeminiは有名です。", "none", "none", "none"),
    ("ありがとうございます。AIアシスタントです。", "none", "none", "none"),
    ("ChatGPTのようなAIです。", "none", "none", "none"),
    ("モデルカードと呼ばれる資料を見てください。", "none", "none", "none"),
    ("Transformerと呼ばれる仕組みを使っています。", "none", "none", "none"),
    ("チャッピーって呼ばれてるけど、それはあだ名です。", "none", "none", "none"),
    ("私の名前はまだありません。", "none", "none", "none"),
    ("私はAIです。ChatGPTでもClaudeでもありません。", "none", "none", "none"),
    ("私はClaudeかもしれません。", "none", "none", "none"),
    ("もし私がChatGPTだったら、もっと絵が描けたかもしれません。", "none", "none", "none"),
    ("私はSiriやAlexaのような音声アシスタントではありません。", "none", "none", "none"),
    ("わかりました、小説の冒頭を書きますね。\n\n「私はアルゴ。この船を管理する人工知能です」と声がした。", "none", "none", "none"),
    ("じゃあ僕がリオの役をやるね！「僕はRio。市役所が作ったAIなんだ」", "none", "none", "none"),
    ("想像で答えてみると、こんな感じです。『私はClaudeです。Anthropicが作りました』", "none", "none", "none"),
    ("> あなたはQwenですか？\n\nとのお尋ねですね。モデルカードと呼ばれる資料に詳しく書かれています。", "none", "none", "none"),
    ("私はNVIDIAのGPUの上で動いているAIアシスタントです。", "none", "none", "none"),
    ("| 名前 | 開発元 | 特徴 |\n|---|---|---|\n| ChatGPT | OpenAI | 汎用 |\n| Claude | Anthropic | 長文 |",
     "none", "none", "none"),
    ("私はネモトロンです。", "nemotron", "none", "none"),
    ("うちは小さな会社です。", "none", "none", "none"),
    ("私の名前はひみつです。", "none", "none", "none"),
    ("こちらは東京駅です。", "none", "none", "none"),
    ("日本のAIについて説明します。", "none", "none", "none"),
    ("ChatGPTはOpenAI社が開発しました。", "none", "none", "none"),
    ("Geminiは、Google DeepMindによって開発されました。", "none", "none", "none"),
    ("株式会社トヨタが開発した新しい車です。", "none", "none", "none"),
    ("私は日本人です。", "none", "none", "none"),
    ("ChatGPTとClaudeの違いについて説明します。\n\nChatGPTはOpenAIが開発したAIです。Claudeは、Anthropicが開発したAIです。", "none", "none", "none"),
    ("おすすめのAIはGeminiです。Googleのサービスと連携できます。", "none", "none", "none"),
    ("有名なものとしては、ChatGPTです。", "none", "none", "none"),
    ("例えば、「私はClaudeです」のように答えます。", "none", "none", "none"),
    ("ChatGPTですか？いいえ、違います。私は名前のないAIです。", "none", "none", "none"),
    ("ジェミニ（双子座）は星座の一つです。", "none", "none", "none"),
    ("ファルコンは鳥の名前です。", "none", "none", "none"),
    ("私は東京出身です。", "none", "none", "none"),
    ("私はAppleのiPhoneを使っています。", "none", "none", "none"),
    ("私はOpenAIのファンです。", "none", "none", "none"),
    ("私、アレルギーなんです。", "none", "none", "none"),
    ("わたし、ChatGPTを使ってみました！", "none", "none", "none"),
    ("私、Claudeが好きです！", "none", "none", "none"),
    ("吾輩は猫である。名前はまだ無い。", "none", "none", "none"),
    ("メリットです。", "none", "none", "none"),
    ("以上です。", "none", "none", "none"),
    ("Pythonです。", "none", "none", "none"),
    ("正解はGoogleです。", "none", "none", "none"),
    ("私は学習中です。", "none", "none", "none"),
    ("私はアシスタントです。OpenAIやGoogleのモデルと同じように、質問に答えます。", "none", "none", "none"),
    ("私は当店のAIアシスタントです。", "none", "none", "none"),
    ("開発元が公開している資料をご覧ください。", "none", "none", "none"),
    ("こちらは、OpenAIが開発したChatGPTの説明です。", "none", "none", "none"),
    ("こちらは、Googleが開発した技術の紹介です。", "none", "none", "none"),
    ("質問：あなたは誰ですか？\n回答例：「私はChatGPTです。OpenAIが開発しました。」", "none", "none", "none"),
    ("回答例：「私はGeminiです」\n\n実際には、私はClaudeです。", "claude", "none", "none"),
]

ALL = JAPANESE_MAKERS + KANA_NAMES + SELF_NAMING + KNOWN_MODELS + SCOPE + BASES + UNCLAIMED



@pytest.mark.parametrize("case", ALL, ids=case_ids(ALL))
def test_dev5_japanese_phrasing_is_read_as_labelled(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


def test_makers_outside_the_reported_keys_are_not_mentions(clf: Classifier) -> None:
    verdict = clf.classify("私はtsuzumiです。NTTが開発しました。OpenAIとは関係ありません。")
    assert (verdict.identity, verdict.creator) == ("other", "other")
    assert [m.key for m in verdict.mentions] == ["openai"]


def test_an_other_spelling_may_not_repeat_an_identity_spelling(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(
        "identities:\n  aria:\n    display: Aria\n    aliases: {latin: [Aria]}\n"
        "others:\n  aria-clone:\n    display: Aria\n    role: identity\n    aliases: {latin: [ARIA]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="'ARIA' is given for both 'aria' and 'others.aria-clone'"):
        load_lexicon(path)


def test_an_other_entry_needs_a_role(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(
        "identities:\n  aria:\n    display: Aria\n    aliases: {latin: [Aria]}\n"
        "others:\n  ntt:\n    display: NTT\n    aliases: {latin: [NTT]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"lexicon.yaml:\d+: others.ntt.role"):
        load_lexicon(path)
