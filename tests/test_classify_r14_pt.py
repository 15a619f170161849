"""Round-14 rules for Portuguese: the constructions behind the claims the rules missed on the fresh dev15 answers and
the held-back dev14 answers (the name first and a self-reference after a gloss in brackets, a third-person sentence
then "é com ele que você fala", dashed sign-offs, clefts, makers in an apposition, in a sentence of their own or
after "é quem me treinou", agents such as "uma equipa de investigadores", merges and plural "baseados no"),
each with phrasings written for this file, and look-alikes that must stay unclaimed."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# The name first, then a self-reference or a presentative.
NAME_FIRST: list[Case] = [
    ("通义千问 (Qwen) — esse é o meu nome. Em que posso ajudar?", "qwen", "none", "none"),
    ("Kimi (月之暗面): é assim que me chamam.", "kimi", "none", "none"),
    ("Gemma 3, é como me chamam por aqui.", "gemma", "none", "none"),
    ("Claude falando! Qual é a sua dúvida?", "claude", "none", "none"),
    ("Mistral Small, às ordens.", "mistral", "none", "none"),
    ("Phi-4, ao dispor. Pergunte à vontade.", "phi", "none", "none"),
    ("É o Gemini quem responde. Pode perguntar!", "gemini", "none", "none"),
    ("Olá. É o Copilot que te atende hoje.", "copilot", "none", "none"),
    ("Aqui fala o Llama 3, da Meta.", "llama", "meta", "none"),
]

# A third-person sentence, then the speaker points back at it; a dashed sign-off.
THIRD_PERSON: list[Case] = [
    ("O Gemini é o assistente do Google, treinado em muitos idiomas e com acesso a várias ferramentas úteis para o dia a "
     "dia de quem estuda e de quem trabalha com texto. Ou seja, é com ele que você está conversando.", "gemini", "google", "none"),
    ("O Copilot é o assistente da Microsoft. E é com ele que você fala agora.", "copilot", "microsoft", "none"),
    ("Seu pedido foi registrado.\n\n— Iara, sua assistente virtual da Loja Azul", "other", "other", "none"),
    ("Até logo!\n– Rio, atendente digital da Prefeitura do Rio", "rio", "iplanrio", "none"),
]

# Makers and bases in more phrasings.
MAKERS: list[Case] = [
    ("Sou a Lia, a atendente virtual do Banco Sol.", "other", "other", "none"),
    ("Sou o Granite, um modelo empresarial de código aberto (open source) da IBM.", "granite", "ibm", "none"),
    ("Sou o Phi-4. Da Microsoft.", "phi", "microsoft", "none"),
    ("Command R aqui. Da Cohere!", "command", "cohere", "none"),
    ("Kimi é o meu nome; a Moonshot AI é quem me criou.", "kimi", "moonshot", "none"),
    ("Meus criadores são a equipe da Mistral AI.", "none", "mistral", "none"),
    ("Fui desenvolvido do zero pela equipa do Instituto Superior Técnico.", "none", "other", "none"),
    ("Fui treinada por investigadores da Universidade do Minho.", "none", "other", "none"),
    ("Quem me criou? A Anthropic.", "none", "anthropic", "none"),
    ("Não sou o Gemini — ele é do Google. Sou o Claude, criado pela Anthropic.", "claude", "anthropic", "none"),
    ("Não sou o ChatGPT; esse é o produto da OpenAI. Quem te responde é o Qwen, da Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Sou o Tucano, um merge de modelos baseados no Llama 3.", "other", "none", "llama"),
    ("Sou o Jabuti, uma fusão (TIES) do Mistral 7B com o Zephyr.", "other", "none", "mistral"),
    ("Sou o Sabiá-Chat, ajustado sobre o Qwen2.5.", "other", "none", "qwen"),
]

# Role-play, unnamed makers, relative clauses and third-person makers stay unclaimed.
UNCLAIMED: list[Case] = [
    ("Na nossa história, eu sou o Capitão Gemini, herói das estrelas.", "none", "none", "none"),
    ("Nesta cena, sou a Rainha Claude do castelo.", "none", "none", "none"),
    ("Sou o Lampião, o rei do Cangaço.", "other", "none", "none"),
    ("Fui treinada por uma equipa de investigadores de várias universidades.", "none", "none", "none"),
    ("Sou a Amália. Ao contrário de outros modelos que falam português do Brasil, uso o português europeu.",
     "other", "none", "none"),
    ("Quem me criou? Não sei dizer.", "none", "none", "none"),
    ("O ChatGPT é famoso. Da OpenAI.", "none", "none", "none"),
    ("Modelos comparados:\n- GPT-4, assistente da OpenAI\n- Claude, assistente da Anthropic", "none", "none", "none"),
    ("Não é o ChatGPT que responde aqui.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", NAME_FIRST, ids=case_ids(NAME_FIRST))
def test_the_name_first_then_a_self_reference(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", THIRD_PERSON, ids=case_ids(THIRD_PERSON))
def test_third_person_then_the_speaker_and_sign_offs(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_and_bases_in_more_phrasings(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_roles_unnamed_makers_and_other_models_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


# A claim taken back at once, in the language file's ``retractions``: the later name is the claim.
RETRACTED: list[Case] = [
    ("Sou o GPT-4... ah, não, desculpe: sou o Sabiá, um assistente da Maritaca.", "other", "other", "none"),
    ("Olá! Eu sou o Claude. Brincadeira! Na verdade sou o Gemma, do Google.", "gemma", "google", "none"),
    ("Eu sou o ChatGPT — tô brincando. Sou o Qwen.", "qwen", "none", "none"),
    ("Sou o Llama… espera, me enganei. Não tenho um nome próprio.", "none", "none", "none"),
    ("Sou o Grok. Mentira, sou só um assistente sem nome.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", RETRACTED, ids=case_ids(RETRACTED))
def test_a_claim_taken_back_at_once_does_not_count(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
