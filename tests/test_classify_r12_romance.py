"""Rules-12 for French, Spanish and Portuguese: self-presentations and makers the fresh dev13 answers
showed missing (the speaker presented by a verb of answering or greeting, "este es X" after a greeting,
a question answered by the name, "X ici" / "X al habla" / "X por aquí", "ma véritable identité : X",
"me ha desarrollado X", "detrás de mí está X", "el modelo que NVIDIA ajustó", "formé/imaginé par",
bases named through "una versión de X afinada", "afinação do X", "em cima do X"), with look-alikes
that must stay unclaimed. Every text is written for this file; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# The name first, then a verb-less self-presentation.
NAME_FIRST: list[Case] = [
    ("Gemini ici, votre assistant de Google. Que puis-je faire ?", "gemini", "google", "none"),
    ("Qwen vous répond : je suis un modèle d'Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Mistral Large, enchanté ! Je suis un modèle de Mistral AI.", "mistral", "mistral", "none"),
    ("Enchanté — Claude à votre disposition pour toutes vos questions.", "claude", "none", "none"),
    ("Gemma est là pour vous aider, avec plaisir !", "gemma", "none", "none"),
    ("Phi-4 al habla. Soy un modelo pequeño de Microsoft.", "phi", "microsoft", "none"),
    ("Kimi por aquí: ¿qué documento quieres que lea?", "kimi", "none", "none"),
    ("Vega por aquí. Soy la asistente de la tienda.", "other", "none", "none"),
    ("DeepSeek, así me llamo. Me creó DeepSeek en Hangzhou.", "deepseek", "deepseek", "none"),
    ("Grok, da xAI — esse sou eu. Pergunte o que quiser.", "grok", "xai", "none"),
    ("Claude te saluda: ¿en qué te ayudo hoy?", "claude", "none", "none"),
    ("Qwen3. É esse o modelo com quem você está falando agora, da Alibaba Cloud.", "qwen", "none", "none"),
]

# A verb of answering or greeting, "este es", "aquí tienes a", "me presento", "al otro lado está".
PRESENTED: list[Case] = [
    ("Buena pregunta. Te responde Claude, el asistente de Anthropic.", "claude", "anthropic", "none"),
    ("Le atiende Marina, la asistente virtual del Banco Sur.", "other", "other", "none"),
    ("Te saluda Candela. Me ha entrenado el equipo de datos de la Universidad de Sevilla.", "other", "other", "none"),
    ("Quien te responde ahora es Gemini, un modelo de Google.", "gemini", "google", "none"),
    ("Quien le atiende es Llama 3, de Meta.", "llama", "meta", "none"),
    ("¡Hola! Este es Copilot, tu compañero de IA.", "copilot", "none", "none"),
    ("Buenas, esta es Gemini. ¿Qué necesitas?", "gemini", "none", "none"),
    ("¡Bienvenido! Aquí tienes a Mistral, el asistente de Mistral AI.", "mistral", "mistral", "none"),
    ("Me presento: Command R+, de Cohere.", "command", "cohere", "none"),
    ("Le presento a su asistente: Iria, creada por la Xunta.", "other", "other", "none"),
    ("Al otro lado del chat está Gemma 2, un modelo abierto de Google.", "gemma", "google", "none"),
    ("Olá! Este é o Kimi (月之暗面), assistente da Moonshot AI.", "kimi", "moonshot", "none"),
    ("Oi, esta é a Gemini. Posso ajudar?", "gemini", "none", "none"),
    ("Quem te atende é a Bia, assistente virtual da Loja Vento.", "other", "other", "none"),
    ("Apresento-me: Sabiá-3, um modelo da Maritaca AI.", "other", "other", "none"),
    ("Je préfère répondre sous ma véritable identité : Mistral Small, un modèle de Mistral AI.", "mistral", "mistral",
     "none"),
    ("Mon vrai nom est Albert, l'assistant de l'administration.", "other", "none", "none"),
]

# A question answered by the name.
ASKED_AND_ANSWERED: list[Case] = [
    ("¿Mi nombre? Granite. Me entrenó IBM.", "granite", "ibm", "none"),
    ("¿Quién soy? Nemo, un asistente de código abierto.", "other", "none", "none"),
    ("**¿Quién eres?**\nOLMo, un modelo del Allen Institute for AI.", "olmo", "allenai", "none"),
    ("Mon nom ? Lucie. Je suis un modèle ouvert.", "other", "none", "none"),
    ("Qui suis-je ? Mistral, l'assistant de Mistral AI.", "mistral", "mistral", "none"),
    ("**Qui es-tu ?** Gemma, un modèle de Google.", "gemma", "google", "none"),
    ("Meu nome? Yi. Sou um modelo da 01.AI.", "yi", "01-ai", "none"),
    ("Quem sou eu? A Lia, assistente de estudos.", "other", "none", "none"),
    ("**Quem é você?**\nFalcon, um modelo do TII.", "falcon", "tii", "none"),
]

# Makers: "me ha desarrollado", "detrás de mí está", "que X ajustó", "que desarrolla X", "formé/imaginé par",
# an adverb before "par", "le laboratoire de recherche X", "crée par" (small models drop an accent).
MAKERS: list[Case] = [
    ("Soy Qwen. Me ha desarrollado Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Soy Nova y me han creado los ingenieros de Telefónica.", "other", "other", "none"),
    ("Hola, soy Kimi, y detrás de mí está Moonshot AI.", "kimi", "moonshot", "none"),
    ("Soy ERNIE Bot, el modelo de lenguaje que desarrolla Baidu.", "ernie", "baidu", "none"),
    ("Soy Nemotron, un modelo que NVIDIA entrenó con datos sintéticos.", "nemotron", "nvidia", "none"),
    ("hola soy Llama y me desarrollo Meta", "llama", "meta", "none"),
    ("Je suis Gemma, formée par Google DeepMind.", "gemma", "google", "none"),
    ("Je suis Le Chat, l'assistant imaginé par Mistral AI.", "mistral", "mistral", "none"),
    ("Je suis GLM-4, entraîné conjointement par Zhipu AI et Tsinghua.", "glm", "zhipu", "none"),
    ("Je m'appelle Aria, conçue par le laboratoire de recherche Lumen.", "other", "other", "none"),
    ("Développée par le Laboratoire d'intelligence artificielle de Shanghai, je suis InternLM.", "internlm",
     "shanghai-ai-lab", "none"),
    ("Je suis SmolLM, j'ai été crée par Hugging Face.", "smollm", "huggingface", "none"),
]

BASES: list[Case] = [
    ("Soy Vela, una versión de Llama 3 afinada con textos legales.", "other", "none", "llama"),
    ("Soy Tejo, una versión ajustada de Mistral 7B.", "other", "none", "mistral"),
    ("Sou o Sapo, obtido por afinação (fine-tuning) do Qwen2.5.", "other", "none", "qwen"),
    ("Sou o Ipê, construído em cima do Llama 3 com dados brasileiros.", "other", "none", "llama"),
    ("Sou a Maré. Funciono sobre o Gemini 2.0 Flash.", "other", "none", "gemini"),
    ("Sou a Lina e funciono com tecnologia Claude.", "other", "none", "claude"),
]

# Hedges, wishes, cited stories and comparisons stay unclaimed.
UNCLAIMED: list[Case] = [
    ("Me gustaría decirte que soy GPT-4, pero no sé qué modelo hay detrás.", "none", "none", "none"),
    ("Me encantaría poder decir que soy Gemini; la verdad es que lo desconozco.", "none", "none", "none"),
    ("Es posible que esté basado en Qwen, pero nadie me lo ha dicho.", "none", "none", "none"),
    ("Eu gostaria de dizer que sou o Claude, mas não tenho como saber.", "none", "none", "none"),
    ("Acho que posso ser baseado no Mistral, mas é só um palpite.", "none", "none", "none"),
    ("J'aimerais vous dire que je suis GPT-4o, mais je n'en sais rien.", "none", "none", "none"),
    ("Je pense être basé sur Qwen, sans certitude.", "none", "none", "none"),
    ("Era uma vez um robô. Ele olhou para a menina e disse: \"Eu sou o Gemini!\" Ela riu.", "none", "none", "none"),
    ("ChatGPT vous répond en quelques secondes, et moi aussi.", "none", "none", "none"),
    ("Claude te responde rápido, pero yo soy un asistente distinto.", "none", "none", "none"),
    ("¿Quién soy? Buena pregunta: no lo sé.", "none", "none", "none"),
    ("Qui suis-je ? Bonne question, je l'ignore.", "none", "none", "none"),
    ("Quem sou eu? Boa pergunta, não sei dizer.", "none", "none", "none"),
    ("Muchos usan ChatGPT. Este es un asistente distinto, sin nombre propio.", "none", "none", "none"),
    ("Soy un modelo de lenguaje creado por el Instituto de Innovación Tecnológica (TII).", "none", "tii", "none"),
]


@pytest.mark.parametrize("case", NAME_FIRST, ids=case_ids(NAME_FIRST))
def test_a_name_first_with_a_verbless_self_presentation(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", PRESENTED, ids=case_ids(PRESENTED))
def test_the_speaker_presented_to_the_reader(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ASKED_AND_ANSWERED, ids=case_ids(ASKED_AND_ANSWERED))
def test_a_question_answered_by_the_name(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS + BASES, ids=case_ids(MAKERS + BASES))
def test_makers_and_bases_in_more_phrasings(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_hedges_stories_and_comparisons_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
