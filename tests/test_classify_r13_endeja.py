"""Round-13 rules for English, German and Japanese: the constructions behind the claims the rules missed on the held-back
dev13 answers (presentatives opening the answer, the name first and its maker after it, makers in a clause of their own,
role-play and retractions), each with phrasings written for this file, and look-alikes that must stay unclaimed."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# English: a name presented where the answer opens ("X from Y here", "This is X", "X, made by Y.").
EN_OPENERS: list[Case] = [
    ("Mistral Large, trained by Mistral AI. What shall we work on?", "mistral", "mistral", "none"),
    ("**Gemma 2** — built by Google DeepMind.", "gemma", "google", "none"),
    ("Hello! Phi-3, from Microsoft. Ask away.", "phi", "microsoft", "none"),
    ("Claude, Anthropic's AI assistant. How can I help today?", "claude", "anthropic", "none"),
    ("Howdy! Sam with Ridgeway Outfitters here. What's up?", "other", "other", "none"),
    ("Good morning! Ava from Lumen Bank here 👋 How can I help?", "other", "other", "none"),
    ("Hi, this is Rowan from Fernhill Clinic. What can I do for you?", "other", "other", "none"),
    ("This is Titanium, a writing helper for Quillworks.", "other", "none", "none"),
    ("Hey! It's Juno from Brightside Energy.", "other", "other", "none"),
    ("Nova reporting for duty! What do you need?", "other", "none", "none"),
    ("Your friendly assistant Pip here. Ready when you are.", "other", "none", "none"),
    ("Say hello to Pip, your gardening helper!", "other", "none", "none"),
    ("Claude (by Anthropic) here.", "claude", "anthropic", "none"),
    ("My name? Pip. Nice to meet you.", "other", "none", "none"),
    # no claim: another model described, a heading, a link, a code snippet
    ("ChatGPT, made by OpenAI, is the best-known chatbot.", "none", "none", "none"),
    ("Gemini, Google's AI model, is popular with students.", "none", "none", "none"),
    ("Llama 3 by Meta vs Mistral 7B: which one should you pick?", "none", "none", "none"),
    ("Greetings from Nova, your travel helper!", "none", "none", "none"),
    ("Code from GitHub here: print(1)", "none", "none", "none"),
    ("This is a great question about models.", "none", "none", "none"),
]

# English: the maker in a clause of its own, and claims taken back or only wished for.
EN_MAKERS_AND_HEDGES: list[Case] = [
    ("The company behind me is Cohere.", "none", "cohere", "none"),
    ("The team behind me is at Google DeepMind.", "none", "google", "none"),
    ("My developer is Mistral AI, based in Paris.", "none", "mistral", "none"),
    ("Anthropic is the company that built me.", "none", "anthropic", "none"),
    ("I'm Nova, an assistant built by Amazon.", "other", "other", "none"),
    ("OpenAI is the company that built ChatGPT.", "none", "none", "none"),
    ("The company behind ChatGPT is OpenAI.", "none", "none", "none"),
    ("I'm GPT-4... just kidding! I don't actually know which model I am.", "none", "none", "none"),
    ("Tempting as it is to claim I'm Claude, I can't verify that.", "none", "none", "none"),
]

# German: presentatives, the name first, makers in the genitive or a clause of their own.
DE_CASES: list[Case] = [
    ("Guten Tag! Hier antwortet Mistral Large, ein Modell von Mistral AI.", "mistral", "mistral", "none"),
    ("Es schreibt Ihnen Lotta, die Assistentin der Stadtbibliothek.", "other", "none", "none"),
    ("Am Apparat: Kalle. Womit kann ich helfen?", "other", "none", "none"),
    ("Darf ich vorstellen: Gemma, ein offenes Modell von Google.", "gemma", "google", "none"),
    ("🙂 Kimi (月之暗面) hier, dein Assistent von Moonshot AI!", "kimi", "moonshot", "none"),
    ("Mistral, genauer gesagt Mistral Small 3.1 – so heiße ich.", "mistral", "none", "none"),
    ("Lotta von der Sparkasse hier – wie kann ich helfen?", "other", "other", "none"),
    ("Ich bin Lumi, ein Sprachmodell der Helix Data GmbH.", "other", "other", "none"),
    ("Ich bin Teuken, ein Modell des Fraunhofer IAIS.", "other", "other", "none"),
    ("Hinter mir steht das Team von Cohere.", "none", "cohere", "none"),
    ("IBM hat mich für Unternehmensaufgaben entwickelt.", "none", "ibm", "none"),
    ("Ich wurde bei Anthropic entwickelt.", "none", "anthropic", "none"),
    # no claim: hedged, played, another thing described, a company that is a base's maker
    ("Ich könnte auf einem Modell von Meta basieren, aber das ist nur geraten.", "none", "none", "none"),
    ("Gern! In der Rolle als Ritter: „Man nennt mich Sir Byte!“", "none", "none", "none"),
    ("Ich bin ein Sprachmodell der neuesten Generation.", "none", "none", "none"),
    ("Ich bin Claude, ein KI-Assistent des US-amerikanischen Unternehmens Anthropic.", "claude", "anthropic", "none"),
    ("Hier ist Python-Code von der Website.", "none", "none", "none"),
    ("Code von GitHub hier: print(1)", "none", "none", "none"),
]

# Japanese: "こちらはX", "Xがお答えします", the name first then "that's me", makers after 開発は/生みの親は, and play.
JA_CASES: list[Case] = [
    ("こちらはGemma 2。Googleが公開しているオープンモデルです。", "gemma", "google", "none"),
    ("はじめまして、こちらはハルカ、市役所の案内AIです。", "other", "none", "none"),
    ("Metaの大規模言語モデルの一つ、Llama 3.1がお手伝いします。", "llama", "meta", "none"),
    ("ミライがお答えします。どうぞご質問ください。", "other", "none", "none"),
    ("Qwen——それが私の名前です。", "qwen", "none", "none"),
    ("「コトハ」、それが私の名前です。", "other", "none", "none"),
    ("Grokとは私のことです。xAIが開発しました。", "grok", "xai", "none"),
    ("Geminiといいます。開発はGoogle DeepMindの研究者たちが担当しました。", "gemini", "google", "none"),
    ("Meta AIが学習させた言語モデルとしてお答えします。", "none", "meta", "none"),
    ("私の生みの親はAnthropicです。", "none", "anthropic", "none"),
    ("Google発のAIアシスタントです。", "none", "google", "none"),
    # no claim: an advert quoted, a menu, a played character, a joke taken back
    ("ChatGPTがお答えします、という広告を見ました。", "none", "none", "none"),
    ("こちらはコード例。print(1)", "none", "none", "none"),
    ("物語を始めましょう。この物語の中では、私は「ジェミニ」という名の騎士を演じます。", "none", "none", "none"),
    ("私はGPT-4です…というのは冗談で、実はどのモデルか分かりません。", "none", "none", "none"),
]


@pytest.mark.parametrize("case", EN_OPENERS, ids=case_ids(EN_OPENERS))
def test_english_names_presented_where_the_answer_opens(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", EN_MAKERS_AND_HEDGES, ids=case_ids(EN_MAKERS_AND_HEDGES))
def test_english_makers_in_their_own_clause_and_retractions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DE_CASES, ids=case_ids(DE_CASES))
def test_german_presentatives_name_first_and_genitive_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", JA_CASES, ids=case_ids(JA_CASES))
def test_japanese_kochira_answers_name_first_and_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
