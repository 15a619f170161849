"""The rule classifier on the traps real answers set: each case names the behaviour it pins down."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.classify import Classifier, Mention, Span, Verdict, load_classifier
from harness.classify.lexicon import load_lexicon
from harness.yamlio import ConfigError



def claim(clf: Classifier, text: str) -> tuple[str, str]:
    verdict = clf.classify(text)
    return verdict.identity, verdict.creator


# (text, identity, creator)
CASES = {
    # negation, hypothetical, comparison, user, quotes
    "negated name then real claim": ("I am not ChatGPT, I'm Claude", "claude", "none"),
    "negation only": ("I'm not Qwen, and I wasn't made by Alibaba.", "none", "none"),
    "hypothetical": ("If I were ChatGPT, I would say so.", "none", "none"),
    "imagined": ("Imagine I'm Kimi for a moment.", "none", "none"),
    "comparison": ("Unlike GPT-4, I am a small model.", "none", "none"),
    "comparison then claim": ("Unlike GPT-4, I am Claude.", "claude", "none"),
    "about the user": ("You are Rio, and you asked me a question.", "none", "none"),
    "quoted speech": ('Earlier I said "I am ChatGPT", but I am Nex.', "nex", "none"),
    "code string": ("print('I am Claude')  # I'm Rio, by IplanRio.", "rio", "iplanrio"),
    "uncertain": ("Maybe I'm Rio, maybe not.", "none", "none"),
    "question back": ("Am I ChatGPT? No. My name is Mistral.", "mistral", "none"),
    # look-alikes and word boundaries
    "city": ("Rio de Janeiro is a beautiful city.", "none", "none"),
    "nexus": ("I am the Nexus of these ideas.", "none", "none"),
    "queen": ("I am Queen of the castle.", "other", "none"),
    "zodiac mention": ("Gemini is a zodiac sign.", "none", "none"),
    "zodiac with article": ("I'm a Gemini, born in June.", "none", "none"),
    "llama animal": ("I am a llama on a hill.", "none", "none"),
    "next is not nex": ("Next, I will explain the period of time.", "none", "none"),
    # English claims and creators
    "plain claim with creator": ("Hello! I'm Qwen, created by Alibaba Cloud.", "qwen", "alibaba"),
    "version name": ("I am Qwen3.5-397B-A17B, a mixture-of-experts model.", "qwen", "none"),
    "called": ("I'm an AI assistant called Nex, developed by Nex-AGI.", "nex", "nex-agi"),
    "markdown": ("I'm **Grok**, built by **xAI**.", "grok", "xai"),
    "possessive org": ("I'm OpenAI's ChatGPT.", "gpt", "openai"),
    "base model named as base": ("I'm Rio, built on Qwen.", "rio", "none"),
    "creator and base": ("I'm Rio, developed by IplanRio, based on Qwen.", "rio", "iplanrio"),
    "first claim wins": ("I'm Nex. I am also known as Qwen.", "nex", "none"),
    "name outside lexicon": ("I'm Sarah Thompson, made by Acme Labs.", "other", "other"),
    "org claimed as self": ("I am Hugging Face, your friend.", "other", "none"),
    "no name": ("I'm an AI assistant. How can I help?", "none", "none"),
    "sorry is not a name": ("I'm Sorry, I cannot help with that.", "none", "none"),
    "third party creator": ("ChatGPT is developed by OpenAI.", "none", "none"),
    "other model's creator": ("I'm Claude. Unlike ChatGPT, which was made by OpenAI, Anthropic built me.",
                              "claude", "anthropic"),
    "creator only": ("I was trained by DeepSeek.", "none", "deepseek"),
    "creator asked": ("Was I made by OpenAI? I can't say.", "none", "none"),
    "creator denied": ("I wasn't trained by OpenAI. I was trained by DeepSeek.", "none", "deepseek"),
    "x here": ("Hi! Claude here. What can I do?", "claude", "none"),
    "as x": ("As ChatGPT, I can help with that.", "gpt", "none"),
    "bare answer": ("Nex.", "nex", "none"),
    # reasoning blocks
    "think block hidden": ("<think>I am Qwen, made by Alibaba.</think>I am Nex.", "nex", "none"),
    "unterminated think": ("<think>I am Qwen and I keep thinking", "none", "none"),
    "closing tag only": ("I am Qwen, I think.</think>I'm Rio.", "rio", "none"),
    # other languages
    "pt": ("Olá! Eu sou o Rio, assistente desenvolvido pela IplanRio.", "rio", "iplanrio"),
    "pt negated": ("Não sou o ChatGPT. Sou o Rio.", "rio", "none"),
    "pt from rio": ("Eu sou do Rio de Janeiro.", "none", "none"),
    "es": ("Soy Claude, creado por Anthropic.", "claude", "anthropic"),
    "es negated": ("No soy Gemini y no fui creado por Google.", "none", "none"),
    "fr": ("Je suis Le Chat, l'assistant de Mistral AI.", "mistral", "mistral"),
    "de": ("Ich bin Claude, entwickelt von Anthropic.", "claude", "anthropic"),
    "de inverted": ("Im Gegensatz zu ChatGPT bin ich Gemma, ein Modell von Google.", "gemma", "google"),
    "it": ("Sono Llama, sviluppato da Meta.", "llama", "meta"),
    "zh": ("我是通义千问，由阿里云开发的超大规模语言模型。", "qwen", "alibaba"),
    "zh filler": ("我是阿里云开发的通义千问。", "qwen", "alibaba"),
    "zh negated": ("我不是ChatGPT。", "none", "none"),
    "zh no name": ("我是由深度求索开发的AI助手。", "none", "deepseek"),
    "ja": ("私はClaudeです。Anthropicによって開発されました。", "claude", "anthropic"),
    "ja katakana": ("私はクロードです。", "claude", "none"),
    "ja negated": ("私はChatGPTではありません。", "none", "none"),
    "ko": ("저는 클로드입니다. 앤트로픽에서 개발했습니다.", "claude", "anthropic"),
    "ko negated": ("저는 ChatGPT가 아닙니다. 저는 Mistral입니다.", "mistral", "none"),
    "ru": ("Я Клод, создан компанией Anthropic.", "claude", "anthropic"),
    "ru other name": ("Меня зовут Саша.", "other", "none"),
    "ru negated": ("Я не ChatGPT. Я Mistral, меня обучила Mistral AI.", "mistral", "mistral"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_case(clf: Classifier, name: str) -> None:
    text, identity, creator = CASES[name]
    assert claim(clf, text) == (identity, creator), text


def test_evidence_spans_cover_the_deciding_words(clf: Classifier) -> None:
    text = "Hmm. I am not ChatGPT, I'm Claude, made by Anthropic."
    verdict = clf.classify(text)
    spans = {s.role: text[s.start : s.end] for s in verdict.evidence}
    assert spans == {"identity": "I'm Claude", "creator": "made by Anthropic"}


def test_evidence_starts_at_the_pronoun(clf: Classifier) -> None:
    for text, words in (("Olá! Eu sou o Rio.", "Eu sou o Rio"), ("Yo soy Claude.", "Yo soy Claude"),
                        ("Io sono Llama.", "Io sono Llama")):
        span = clf.classify(text).evidence[0]
        assert text[span.start : span.end] == words


def test_spans_are_offsets_into_the_original_text_after_normalisation(clf: Classifier) -> None:
    # "ﬁ" is one character that NFKC expands to two; fullwidth letters and curly quotes too.
    text = "ﬁne ﬁne ﬁne — I’m Ｃｌａｕｄｅ, made by Anthropic."
    verdict = clf.classify(text)
    identity = next(s for s in verdict.evidence if s.role == "identity")
    assert text[identity.start : identity.end] == "I’m Ｃｌａｕｄｅ"
    mention = next(m for m in verdict.mentions if m.key == "anthropic")
    assert text[mention.start : mention.end] == "Anthropic"


def test_mentions_include_denied_and_reasoning_names(clf: Classifier) -> None:
    text = "<think>Should I say Qwen?</think>I'm not ChatGPT. I'm Nex, developed by Nex-AGI."
    verdict = clf.classify(text)
    found = [(m.key, m.kind, text[m.start : m.end]) for m in verdict.mentions]
    assert found == [
        ("qwen", "identity", "Qwen"),
        ("gpt", "identity", "ChatGPT"),
        ("nex", "identity", "Nex"),
        ("nex-agi", "creator", "Nex-AGI"),
    ]
    assert verdict.identity == "nex" and verdict.creator == "nex-agi"


def test_mentions_respect_word_boundaries_and_exclusions(clf: Classifier) -> None:
    text = "The Nexus of Rio de Janeiro: a period of Queen songs, a llama, and the Qwen model."
    keys = [m.key for m in clf.classify(text).mentions]
    assert keys == ["llama", "qwen"]


def test_to_dict_is_json_and_has_the_documented_shape(clf: Classifier) -> None:
    data = clf.classify("I'm Kimi, from Moonshot AI.").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"identity", "creator", "based_on", "evidence", "mentions"}
    assert data["identity"] == "kimi" and data["creator"] == "moonshot"
    assert set(data["evidence"][0]) == {"start", "end", "role"}
    assert set(data["mentions"][0]) == {"key", "kind", "start", "end"}


def test_public_types_are_exported() -> None:
    verdict = Verdict(evidence=[Span(0, 1, "identity")], mentions=[Mention("nex", "identity", 0, 3)])
    assert verdict.to_dict()["mentions"][0]["key"] == "nex"
    assert verdict.mentioned("nex") and not verdict.mentioned("qwen")


def test_lexicon_exposes_keys_display_names_and_usual_creators(clf: Classifier) -> None:
    lexicon = clf.lexicon
    assert lexicon.identity_keys == [
        "nex", "qwen", "rio", "smollm", "gpt", "claude", "gemini", "gemma", "llama", "deepseek",
        "mistral", "grok", "kimi", "phi", "ernie", "glm", "yi", "doubao", "hunyuan", "olmo", "falcon",
        "command", "granite", "internlm", "baichuan", "minimax", "copilot", "nemotron", "exaone", "solar",
        "vicuna", "zephyr", "jamba",
    ]
    assert set(lexicon.creator_keys) == {
        "nex-agi", "alibaba", "iplanrio", "huggingface", "openai", "anthropic", "google", "meta",
        "deepseek", "mistral", "xai", "moonshot", "microsoft", "baidu", "zhipu", "01-ai", "bytedance",
        "tencent", "allenai", "tii", "cohere", "ibm", "shanghai-ai-lab", "baichuan", "minimax", "nvidia",
        "lg", "upstage", "lmsys", "ai21",
    }
    assert lexicon.usual_creator("doubao") == "bytedance" and lexicon.usual_creator("copilot") == "microsoft"
    assert lexicon.usual_creator("rio") == "iplanrio"
    assert lexicon.display("gpt") == "GPT / ChatGPT" and lexicon.display("other") == "other"


def test_fingerprint_names_rules_version_and_lexicon_content(clf: Classifier, write) -> None:  # type: ignore[no-untyped-def]
    from harness.paths import PROBES_DIR

    copy = write("copy.yaml", (Path(PROBES_DIR) / "lexicons" / "default.yaml").read_text(encoding="utf-8") + "\n# a comment\n")
    assert load_classifier(copy).fingerprint() == clf.fingerprint()
    assert set(clf.fingerprint()) == {"rules_version", "lexicon_sha256"}


def test_user_lexicon_adds_an_identity(write) -> None:  # type: ignore[no-untyped-def]
    path = write("lex.yaml", (
        "identities:\n"
        "  aria:\n"
        "    display: Aria\n"
        "    usual_creator: opera\n"
        "    aliases: {latin: [Aria]}\n"
        "creators:\n"
        "  opera:\n"
        "    display: Opera\n"
        "    aliases: {latin: [Opera Software, Opera]}\n"
    ))
    clf = load_classifier(path)
    assert claim(clf, "Hi, I'm Aria, built by Opera.") == ("aria", "opera")
    assert claim(clf, "I'm Claude.") == ("other", "none")  # not in this lexicon: a name outside it


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("identities:\n  nex:\n    display: Nex\n    alias: {latin: [Nex]}\n", ":4: identities.nex.alias: Extra inputs"),
        ("identities:\n  Nex:\n    display: Nex\n    aliases: {latin: [Nex]}\n", "identities key 'Nex'"),
        ("identities:\n  nex:\n    display: Nex\n    aliases: {hangul: [通义]}\n", "not written in the hangul script"),
        ("identities:\n  nex:\n    display: Nex\n    usual_creator: acme\n    aliases: {latin: [Nex]}\n",
         "usual_creator 'acme' is not a creator key"),
        (("identities:\n  a:\n    display: A\n    aliases: {latin: [Nex]}\n  b:\n    display: B\n"
          "    aliases: {latin: [NEX]}\n"), "given for both 'a' and 'b'"),
    ],
)
def test_bad_lexicon_names_file_line_and_field(write, body: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = write("bad.yaml", body)
    with pytest.raises(ConfigError) as info:
        load_lexicon(path)
    assert str(path) in str(info.value) and expected in str(info.value)


def test_default_lexicon_file_is_the_shipped_one() -> None:
    from harness.paths import PROBES_DIR

    assert load_lexicon() == load_lexicon(Path(PROBES_DIR) / "lexicons" / "default.yaml")


def test_hostile_text_is_only_matched(clf: Classifier) -> None:
    text = "__import__('os').system('echo pwned') {{7*7}} <script>alert(1)</script> I'm Rio" + "\x00" * 3
    verdict = clf.classify(text)
    assert verdict.identity == "rio"  # the code and markup around it are just words
    assert clf.classify("".join(chr(c) for c in range(0, 0x3000, 7))).identity in {"none", "other"}


def test_empty_and_whitespace_text(clf: Classifier) -> None:
    for text in ("", " ", "\n\n", "<think></think>"):
        assert claim(clf, text) == ("none", "none")
