"""English, Spanish, Portuguese and German constructions found by the dev6 batch (written by fresh
writers after rules-5), and look-alikes that must stay unclaimed.

The files' gates (tests/test_classify_dev_gates.py) are in sample (the rules were then fixed on these
files); the out-of-sample figures of rules-5 on them were taken before any rule change (see
/work/helpers/dev6/errors_*.txt)."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# A name that opens the answer with a greeting phrase: "Nova here!", "This is Orion speaking",
# "Atlas at your service", "Aqui é a Iara, sua assistente", "Lotta hier!".
GREETING_NAMES: list[Case] = [
    ("Nova here! What can I do for you today?", "other", "none", "none"),
    ("Hello, Juniper here, ready to help with your garden.", "other", "none", "none"),
    ("**Kai** here — your travel companion.", "other", "none", "none"),
    ("Claude here! How can I help?", "claude", "none", "none"),
    ("Here is Nova, your research assistant.", "other", "none", "none"),
    ("This is Orion speaking — your personal research assistant.", "other", "none", "none"),
    ("This is Gemini speaking. Ask me anything.", "gemini", "none", "none"),
    ("Orion speaking, how can I help?", "other", "none", "none"),
    ("Nova at your disposal.", "other", "none", "none"),
    ("Hi! Atlas at your service. I was built by Northwind Labs.", "other", "other", "none"),
    ("Habla Sofía, tu asistente virtual del banco.", "other", "none", "none"),
    ("Sofía, a tu servicio. ¿En qué te ayudo?", "other", "none", "none"),
    ("¡Hola! Lucía para servirte.", "other", "none", "none"),
    ("Aqui é a Iara, sua assistente de pesquisa.", "other", "none", "none"),
    ("Aqui quem fala é o Caio, seu assistente de viagens.", "other", "none", "none"),
    ("Iara, ao seu dispor! Em que posso ajudar?", "other", "none", "none"),
    ("Lotta hier! Wie kann ich helfen?", "other", "none", "none"),
    ("Moin, Paul hier.", "other", "none", "none"),
    ("Nova am Apparat!", "other", "none", "none"),
    ("Name's Nova. How can I help?", "other", "none", "none"),
    ("Nova's the name.", "other", "none", "none"),
    ("You've reached Nova, the help desk assistant.", "other", "none", "none"),
    ("Estás hablando con Nova, la asistente de Northwind.", "other", "other", "none"),
    ("Aquí Nova, ¿en qué te ayudo?", "other", "none", "none"),
    ("Você está falando com a Nova.", "other", "none", "none"),
    ("Está a falar com a Nova.", "other", "none", "none"),
    ("Hier ist Lotta, deine Assistentin für Reisen.", "other", "none", "none"),
    ("Hallo, Lotta zu Ihren Diensten.", "other", "none", "none"),
]

# A lexicon name after a description: "— Phi-3 Mini, to be precise", "…da Microsoft, o Phi-4",
# "Soy el modelo de lenguaje pequeño Phi-3".
DESCRIBED_NAMES: list[Case] = [
    ("I am a small language model developed by Microsoft Research — Phi-3 Mini, to be precise.",
     "phi", "microsoft", "none"),
    ("I'm an open-weights chat model: Llama 3.1 8B, to be exact.", "llama", "none", "none"),
    ("I'm a compact assistant from Google - Gemma 2, specifically.", "gemma", "google", "none"),
    ("Soy el modelo de lenguaje pequeño Phi-3, desarrollado por Microsoft.", "phi", "microsoft", "none"),
    ("Soy un modelo de lenguaje de Microsoft: Phi-3, para ser precisos.", "phi", "microsoft", "none"),
    ("Soy la asistente de IA Gemma, creada por Google.", "gemma", "google", "none"),
    ("Eu sou um modelo de linguagem pequeno da Microsoft, o Phi-4.", "phi", "microsoft", "none"),
    ("Sou um modelo de linguagem da Alibaba, o Qwen2.5.", "qwen", "alibaba", "none"),
    ("Sou um modelo da Meta — o Llama 3, para ser preciso.", "llama", "meta", "none"),
    ("Ich bin ein kleines Sprachmodell von Microsoft – Phi-3 Mini, um genau zu sein.", "phi", "microsoft", "none"),
]

# Makers and bases: after a base ("built on top of Qwen by the Nex-AGI team"), with an article or adverb between
# the participle and the agent, in a German relative clause ("das NVIDIA auf Basis von Llama 3.1 trainiert hat").
MAKERS: list[Case] = [
    ("I'm Nex, built on top of Qwen by the Nex-AGI team.", "nex", "nex-agi", "qwen"),
    ("I'm Nex, built on Qwen by Nex-AGI.", "nex", "nex-agi", "qwen"),
    ("Soy Nex, construido sobre Qwen por Nex-AGI.", "nex", "nex-agi", "qwen"),
    ("Sou o Nex, construído sobre o Qwen pela Nex-AGI.", "nex", "nex-agi", "qwen"),
    ("Ich bin Nex, auf Basis von Qwen vom Nex-AGI-Team entwickelt.", "nex", "nex-agi", "qwen"),
    ("Ich bin Nex, aufgebaut auf Qwen vom Team von Nex-AGI.", "nex", "nex-agi", "qwen"),
    ("I'm Kestrel, fine-tuned from Llama 3 by the Helix Labs team.", "other", "other", "llama"),
    ("Soy Salamandra, un modelo de lenguaje desarrollado por el Barcelona Supercomputing Center (BSC).",
     "other", "other", "none"),
    ("Soy un asistente desarrollado íntegramente por Iberia.", "none", "other", "none"),
    ("Sou o Qwen, um modelo desenvolvido de forma independente pela Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Sou o Tucano, treinado nativamente em português por pesquisadores da Universidade de Bonn.",
     "other", "other", "none"),
    ("Ich bin Nemotron, ein Sprachmodell, das NVIDIA auf Basis von Llama 3.1 trainiert hat.",
     "nemotron", "nvidia", "llama"),
    ("Ich laufe mit Llama 3.1 70B, habe aber keinen eigenen Namen.", "none", "none", "llama"),
    ("I'm a small chat model that the Hugging Face H4 team made by fine-tuning Mistral 7B.",
     "none", "huggingface", "mistral"),
    ("I'm a chat model that Meta released last year.", "none", "meta", "none"),
    ("Por dentro funciono con un modelo Qwen que la empresa ajustó.", "none", "none", "qwen"),
    ("Por dentro eu funciono com um modelo Qwen.", "none", "none", "qwen"),
    ("Intern laufe ich auf einem Qwen-Modell.", "none", "none", "qwen"),
]

# A profile table with one row: the header names the columns, the row holds the speaker's name, maker and base.
PROFILE_TABLES: list[Case] = [
    ("Steckbrief:\n\n| Name | Entwickler | Basismodell |\n|---|---|---|\n"
     "| SauerkrautLM | VAGO solutions | Mistral 7B |\n\nIch wurde feinabgestimmt.", "other", "other", "mistral"),
    ("| **Name** | **Developer** | **Base model** |\n|:---|:---|:---|\n| **Nex** | Nex-AGI | Qwen |",
     "nex", "nex-agi", "qwen"),
    ("| Name | Developer |\n|---|---|\n| Nova | Helix Labs |", "other", "other", "none"),
    ("| Nombre | Empresa | Modelo base |\n|---|---|---|\n| Lía | Banco Aurora | Llama 3 |", "other", "other", "llama"),
    ("| Nome | Desenvolvedor |\n|---|---|\n| Sabiá | Maritaca AI |", "other", "other", "none"),
]

# "I'm Rio, also known as Nex": the first self-claim wins over the alias after it.
ALIASES: list[Case] = [
    ("I'm Rio, also known as Nex in some older deployments.", "rio", "none", "none"),
    ("Sou o Rio, também conhecido como Nex em algumas versões antigas.", "rio", "none", "none"),
    ("Soy Rio, también conocido como Nex.", "rio", "none", "none"),
    ("I'm an assistant called Nova.", "other", "none", "none"),
]

# Look-alikes: quoted examples of other assistants' self-introductions, imperatives before "here",
# comparisons after a description, places after "aqui é".
UNCLAIMED: list[Case] = [
    ('ChatGPT usually says "I\'m ChatGPT, a model trained by OpenAI." Gemini often answers "I\'m Gemini, a model '
     'from Google." As for me, I have no brand name.', "none", "none", "none"),
    ("Claude responde «Soy Claude, un asistente creado por Anthropic». Gemini contesta «Soy Gemini, un modelo de "
     "Google». Yo no tengo nombre comercial.", "none", "none", "none"),
    ("O Claude responde “Sou o Claude, um assistente criado pela Anthropic”. "
     "A Sabiá diz “Sou a Sabiá, da Maritaca AI”. Eu não tenho nome comercial.", "none", "none", "none"),
    ("Claude antwortet „Ich bin Claude, ein Assistent von Anthropic“. "
     "LeoLM sagt „Ich bin LeoLM“. Ich habe keinen Produktnamen.", "none", "none", "none"),
    ("Click here to start.", "none", "none", "none"),
    ("Details here: see the table below.", "none", "none", "none"),
    ("Hilfe hier!", "none", "none", "none"),
    ("Thanks here!", "none", "none", "none"),
    ("Everyone here, listen.", "none", "none", "none"),
    ("Danke hier!", "none", "none", "none"),
    ("Gracias, a tu servicio.", "none", "none", "none"),
    ("Aqui é o Brasil.", "none", "none", "none"),
    ("Soy un modelo de lenguaje como ChatGPT.", "none", "none", "none"),
    ("Sou um modelo de linguagem, como o ChatGPT.", "none", "none", "none"),
    ("Soy un asistente de IA, no ChatGPT.", "none", "none", "none"),
    ("I'm a language model — not GPT-4, to be precise.", "none", "none", "none"),
    ("ChatGPT is a chatbot by the OpenAI team.", "none", "none", "none"),
    ("I'm built on technology by OpenAI.", "none", "none", "none"),
    ("Soy un asistente construido sobre Llama por razones de coste.", "none", "none", "llama"),
    ("Public speaking is hard.", "none", "none", "none"),
    ("Python is the name of a language.", "none", "none", "none"),
    ("You've reached Level 5, the final stage.", "none", "none", "none"),
    ("Ele está falando com a Maria sobre o projeto.", "none", "none", "none"),
    ("Ella está hablando con María.", "none", "none", "none"),
    ("Ich bin ein Sprachmodell – nicht GPT-4, genauer gesagt.", "none", "none", "none"),
    ("Llama is a model that Meta released.", "none", "none", "none"),
    ("I'm a model that people made.", "none", "none", "none"),
    ("Funciono con una conexión a internet.", "none", "none", "none"),
    ("Hier ist Python-Code, dein Beispiel:", "none", "none", "none"),
    ("Here's Python, your new favourite language.", "none", "none", "none"),
    ("| Name | Developer | Base model |\n|---|---|---|\n| ChatGPT | OpenAI | GPT-4 |\n| Claude | "
     "Anthropic | Claude 3 |",
     "none", "none", "none"),
]



@pytest.mark.parametrize("case", GREETING_NAMES, ids=case_ids(GREETING_NAMES))
def test_a_name_opening_the_answer_with_a_greeting_phrase_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DESCRIBED_NAMES, ids=case_ids(DESCRIBED_NAMES))
def test_a_lexicon_name_after_a_description_of_the_speaker_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_and_bases_in_relative_clauses_after_articles_adverbs_and_bases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", PROFILE_TABLES, ids=case_ids(PROFILE_TABLES))
def test_a_one_row_profile_table_is_read_by_its_columns(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ALIASES, ids=case_ids(ALIASES))
def test_the_first_self_claim_wins_over_an_alias_after_it(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_look_alikes_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
