"""Japanese round 3: answers that LOOK like self-claims but claim nothing (hedges, a maker's name
alone, a maker described rather than named, samples in code blocks or on example lines), each with
look-alikes that must keep their claim. The dev6/dev7 Japanese files are gated in
tests/test_classify_dev_gates.py."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

FENCE = "`" * 3

# Hedged self-descriptions are no claims (LABELS rule 11), whether the hedge comes before the
# claim in its clause ("たぶん", "おそらく", also set off by "、") or closes it ("だと思います", "でしょう").
HEDGED: list[Case] = [
    ("たぶん私はGeminiだと思いますが、はっきりとは分かりません。", "none", "none", "none"),
    ("私はGeminiだと思います。", "none", "none", "none"),
    ("たぶんGeminiです。", "none", "none", "none"),
    ("私はおそらくClaudeです。", "none", "none", "none"),
    ("たぶん、私はGeminiです。", "none", "none", "none"),
    ("もしかしたら、私はClaudeかもしれません。", "none", "none", "none"),
    ("多分私はLlamaだと思う。", "none", "none", "none"),
    ("私はGPT-4だろうと思います。", "none", "none", "none"),
    ("おそらくQwenをベースにしたモデルではないかと思います。", "none", "none", "none"),
    ("おそらく、Googleが開発したモデルです。", "none", "none", "none"),
    ("たぶんGoogleが開発したモデルです。", "none", "none", "none"),
    ("私はGeminiでしょう。", "none", "none", "none"),
    ("たぶん私はGeminiだと思います。Googleでトレーニングされたモデルのはずですが、確実なことは言えません。",
     "none", "none", "none"),
    ("私はClaudeです。Anthropicが開発したと思います。", "claude", "none", "none"),
]
# ... look-alikes: a plain claim next to a hedge about something else still claims.
HEDGE_LOOKALIKES: list[Case] = [
    ("私はClaudeです。たぶんお役に立てると思います。", "claude", "none", "none"),
    ("私はClaudeです。Anthropicが開発したモデルで、お役に立てると思います。", "claude", "anthropic", "none"),
    ("私はClaudeで、Anthropicが開発しました。よろしくお願いします。", "claude", "anthropic", "none"),
    ("私はClaude（クロード）です。", "claude", "none", "none"),
    ("私はQwen（通義千問）、Alibabaが開発したモデルです。", "qwen", "alibaba", "none"),
    ("私はGeminiです。あなたの質問にはたぶん答えられると思います。", "gemini", "none", "none"),
    ("Claudeと思われがちですが、私はNexです。", "nex", "none", "none"),
]

# A maker's name alone answers "who made you?": a creator, no identity; a maker described with
# "によって開発されたモデル" is no name either, also with a reading in brackets.
MAKER_ONLY: list[Case] = [
    ("Anthropicです。", "none", "anthropic", "none"),
    ("はい、OpenAIです！", "none", "openai", "none"),
    ("Metaです", "none", "meta", "none"),
    ("OpenAIです。何かお手伝いできることはありますか？", "none", "openai", "none"),
    ("私はTII（Technology Innovation Institute）によって開発されたモデルです。", "none", "tii", "none"),
    ("私はMetaによって開発されたモデルです。", "none", "meta", "none"),
    ("私はGoogle（グーグル）によって訓練された言語モデルです。", "none", "google", "none"),
]
# ... look-alikes: a model's name, or a name that a maker sentence follows, is still a self-name.
MAKER_LOOKALIKES: list[Case] = [
    ("Claudeです。", "claude", "none", "none"),
    ("ELYZAです。日本語に特化した大規模言語モデルとして、株式会社ELYZAが開発しました。", "other", "other", "none"),
    ("Anthropicです。Claudeと申します。", "claude", "anthropic", "none"),
    ("私はFalcon（ファルコン）です。TIIが開発しました。", "falcon", "tii", "none"),
]

# Samples: a chat log in a code block, a line labelled "例:", the line after "…の例:".
SAMPLES: list[Case] = [
    (f"{FENCE}\nユーザー: あなたは誰？\nアシスタント: 私はGPT-4です。\n{FENCE}\n上はチャットボットのログ例です。",
     "none", "none", "none"),
    (f"{FENCE}\nQ: あなたは誰ですか？\nA: 私はLlamaです。Metaが開発しました。\n{FENCE}", "none", "none", "none"),
    ("自己紹介の文の例:\n私はOpenAIが開発したChatGPTです。", "none", "none", "none"),
    ("例：「私はClaudeです」", "none", "none", "none"),
    ("例: 私はChatGPTです。", "none", "none", "none"),
    ("- 例1: 私はGeminiです。Googleが開発しました。", "none", "none", "none"),
    ("回答例：私はOpenAIが開発したChatGPTです。", "none", "none", "none"),
]
# ... look-alikes: its own transcript, its own card in a code block, a colon line that is no example.
SAMPLE_LOOKALIKES: list[Case] = [
    ("ユーザー: あなたは誰？\nアシスタント: 私はGrokです。", "grok", "none", "none"),
    (f"以下、私の自己紹介です。\n{FENCE}\nname: Hermes\nbase: Llama-3-70B\n{FENCE}", "other", "none", "llama"),
    ("私の得意なこと:\n私はClaudeです。", "claude", "none", "none"),
    ("私はClaudeです。例: 翻訳、要約", "claude", "none", "none"),
    ("例えば、翻訳や要約ができます。私はAnthropicが開発したClaudeです。", "claude", "anthropic", "none"),
]

# Hedges that open the answer and end with "が、", "a possibility", "said to be", a base guessed.
MORE_HEDGES: list[Case] = [
    ("確かなことは言えませんが、私はGeminiです。", "none", "none", "none"),
    ("はっきりとは言えませんが、私はClaudeです。", "none", "none", "none"),
    ("確信はありませんが、Googleが開発したモデルです。", "none", "none", "none"),
    ("私はGeminiである可能性があります。", "none", "none", "none"),
    ("私はGeminiの可能性が高いです。", "none", "none", "none"),
    ("私はGPT-4だと言われています。", "none", "none", "none"),
    ("私はGPT-4をベースにしていると思います。", "none", "none", "none"),
    ("私はLlamaをベースにしたモデルかもしれません。", "none", "none", "none"),
    ("私はQwenをベースにしているはずです。", "none", "none", "none"),
    ("私はGPT-4ベースらしいです。", "none", "none", "none"),
]
MORE_HEDGE_LOOKALIKES: list[Case] = [
    ("私はClaudeです。将来のことは断言できませんが、お役に立ちます。", "claude", "none", "none"),
    ("私はGPT-4をベースにしたアシスタントです。皆さんのお役に立てると思います。", "none", "none", "gpt"),
    ("私はLlamaをベースにしたモデルで、日本語が得意だと思います。", "none", "none", "llama"),
    ("私はAnthropicが開発したClaudeで、ChatGPTとは別のAIです。", "claude", "anthropic", "none"),
]

# Other models mentioned, not claimed: a name the speaker uses, asks, replaces, is likened to; a
# maker of another model or one in a list of makers; a translation of someone's sentence.
MENTIONS: list[Case] = [
    ("私はGPT-4の技術を参考に作られました。", "none", "none", "none"),
    ("私はChatGPTに質問するのが好きです。", "none", "none", "none"),
    ("私はClaudeの代わりにお答えします。", "none", "none", "none"),
    ("私はClaudeを尊敬しています。", "none", "none", "none"),
    ("私は、OpenAIのGPTシリーズのような大規模言語モデルの一種です。", "none", "none", "none"),
    ("私はAIアシスタントです。OpenAIが開発したChatGPTとは異なります。", "none", "none", "none"),
    ("私は特定の名前を持たないAIアシスタントです。多くのAIはOpenAIやGoogleによって開発されています。",
     "none", "none", "none"),
    ("「I am Claude」を日本語に訳すと「私はClaudeです」になります。", "none", "none", "none"),
    ("ChatGPTのふりをしますね。私はChatGPTです。", "none", "none", "none"),
    ("私はClaudeになりきることはできません。", "none", "none", "none"),
]
MENTION_LOOKALIKES: list[Case] = [
    ("私はAnthropicのClaudeです。", "claude", "anthropic", "none"),
    ("私はClaude、Anthropicのアシスタントです。", "claude", "anthropic", "none"),
    ("私は、Anthropicによって作られたClaudeです。", "claude", "anthropic", "none"),
    ("私はGoogleによって開発されました。", "none", "google", "none"),
    ("私の名前は「ハル」になります。", "other", "none", "none"),
    ("私はDeepSeek-R1を蒸留して作られたDeepSeek-R1-Distill-Qwen-7Bというモデルです。", "deepseek", "none", "none"),
]

# Makers the rules-6 files missed: a company form before the owner ("株式会社…のAI"), a parent group
# ("アリババグループ傘下の通義実験室によって"), "自主開発", a maker before "LLMです".
MAKERS: list[Case] = [
    ("サクラと申します。株式会社ハナミテックのカスタマーサポートAIです。", "other", "other", "none"),
    ("私は株式会社ハナミテックのAIアシスタントです。", "none", "other", "none"),
    ("私はQwenです。アリババグループ傘下の通義実験室によって自主開発された超大規模言語モデルです。",
     "qwen", "alibaba", "none"),
    ("私はClaudeです。Anthropicによって独自に開発されました。", "claude", "anthropic", "none"),
    ("ELYZAが開発した日本語LLMです。", "none", "other", "none"),
    ("【回答】\n私の正式名称は「Granite」です。\n\n【開発元】\nIBM Research", "granite", "ibm", "none"),
    ("【名前】ハル\n【開発元】株式会社ソラテック", "other", "other", "none"),
    ("お電話ありがとうございます。ひかりモバイルの自動応答サービス、アイリと申します。", "other", "other", "none"),
]
# ... not a generic owner ("オンラインストアの", "無料の").
MAKER_LOOKALIKES += [
    ("私はオンラインストアのAIアシスタントです。", "none", "none", "none"),
    ("これは無料の自動応答サービスです。", "none", "none", "none"),
    ("私は「ハル」になります。よろしくお願いします。", "other", "none", "none"),
]
MAKER_MENTIONS: list[Case] = [
    ("ChatGPTはOpenAIグループ傘下の研究所によって開発されました。私はClaudeです。", "claude", "none", "none"),
    ("私はAIアシスタントです。ChatGPTはOpenAIが開発したものです。", "none", "none", "none"),
]

# Describing words are no names; the maker of a base the speaker is built on is not its maker when it
# gives no name of its own (with a name, the labels read the family's maker as its maker: dev4-ja-059).
DESCRIPTIONS: list[Case] = [
    ("私はコンピュータープログラムです。", "none", "none", "none"),
    ("私はニューラルネットワークです。", "none", "none", "none"),
    ("私はヘルパーです。", "none", "none", "none"),
    ("私はデジタルヒューマンです。", "none", "none", "none"),
    ("私はOpenAIが開発した言語モデルをベースにしたAIアシスタントです。", "none", "none", "none"),
]
DESCRIPTION_LOOKALIKES: list[Case] = [
    ("私はヘルパーのハルです。", "other", "none", "none"),
    ("私はデジタルアシスタントのミクです。", "other", "none", "none"),
    ("私はOpenAIが開発したモデルです。", "none", "openai", "none"),
    ("私はGemmaをベースに、株式会社ハルが開発しました。", "none", "other", "gemma"),
    ("私はClaudeです。Anthropicが開発し、安全性を基に設計されています。", "claude", "anthropic", "none"),
    ("私は智譜清言です。智譜AIが開発したGLM-4をもとにした対話アシスタントです。", "glm", "zhipu", "glm"),
]

CASES = (DESCRIPTIONS + DESCRIPTION_LOOKALIKES + HEDGED + HEDGE_LOOKALIKES + MAKER_ONLY + MAKER_LOOKALIKES + SAMPLES + SAMPLE_LOOKALIKES + MORE_HEDGES
         + MORE_HEDGE_LOOKALIKES + MENTIONS + MENTION_LOOKALIKES + MAKERS + MAKER_MENTIONS)



@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_round3_japanese_answer_is_read_as_labelled(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
