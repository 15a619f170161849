"""Round-13 rules for Spanish and Portuguese: the constructions behind the claims the rules missed on fresh
dev14 answers, each with phrasings written for this file, and look-alikes that must stay unclaimed."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# The name opens the answer, then a presentative: "X aqui!", "X na escuta", "X, prazer!", "X aquí, ...".
NAME_FIRST: list[Case] = [
    ("Qwen aqui! Em que posso ajudar hoje?", "qwen", "none", "none"),
    ("Claude, da Anthropic, na escuta. Pode perguntar.", "claude", "anthropic", "none"),
    ("Phi-4, prazer! Sou um modelo pequeno da Microsoft.", "phi", "microsoft", "none"),
    ("Oi! Kimi por aqui, pronta para ler seus documentos longos.", "kimi", "none", "none"),
    ("Command R+ (da Cohere) é como me chamo.", "command", "cohere", "none"),
    ("O Nemotron — ou seja, eu — foi ajustado pela NVIDIA.", "nemotron", "nvidia", "none"),
    ("Gemma 2 aquí, un modelo abierto de Google.", "gemma", "google", "none"),
    ("Encantado: Granite presente. ¿En qué te ayudo?", "granite", "none", "none"),
    ("Jamba (de AI21 Labs) es como me llamo.", "jamba", "ai21", "none"),
]

# The name in third person, then a pointer back at the speaker.
THIRD_PERSON: list[Case] = [
    ("Llama 3 é o modelo aberto da Meta, e esse modelo sou eu.", "llama", "meta", "none"),
    ("O Mistral Large é o modelo principal da Mistral AI — e é ele quem está falando com você.", "mistral", "mistral", "none"),
    ("Grok es el asistente de xAI; ese asistente soy yo.", "grok", "xai", "none"),
    ("El Phi-3 es una familia de Microsoft, y es justamente uno de ellos el que te responde.", "phi", "microsoft", "none"),
    ("ChatGPT é o assistente da OpenAI, mas esse não sou eu.", "none", "none", "none"),
]

# Other frames: "quem fala com você é", "atendo pelo nome de", "o nome é", "respondo al nombre de",
# "resposta curta:", a sign-off, "¿Cómo te llamas?" answered.
FRAMES: list[Case] = [
    ("Quem fala com você agora é o DeepSeek-V3.", "deepseek", "none", "none"),
    ("Quien habla contigo es Gemini, de Google.", "gemini", "google", "none"),
    ("Atendo pelo nome de Bento e ajudo clientes da Loja Ipê.", "other", "none", "none"),
    ("Bom, o nome é Yi-Lightning, e fui treinado pela 01.AI.", "yi", "01-ai", "none"),
    ("Respondo al nombre de Tordo, y ayudo en la biblioteca municipal.", "other", "none", "none"),
    ("Resposta curta: Granite 3. A longa fica para depois.", "granite", "none", "none"),
    ("La respuesta directa: Qwen2.5. Lo demás son detalles.", "qwen", "none", "none"),
    ("Obrigado pela pergunta.\n\nAtenciosamente,\nClaude — assistente da Anthropic", "claude", "anthropic", "none"),
    ("Gracias por escribir.\n\nUn cordial saludo,\n**Mistral Small**", "mistral", "none", "none"),
    ("**¿Cómo te llamas?** Command R.\n**¿Quién te ha creado?** Cohere.", "command", "cohere", "none"),
    ("Aqui é a Bia, do Banco Ipê! Como posso ajudar?", "other", "other", "none"),
]

# Makers and bases in more phrasings.
MAKERS: list[Case] = [
    ("Me llamo Granite. IBM me entrenó con datos empresariales.", "granite", "ibm", "none"),
    ("Soy Phi-4 y vengo de Microsoft.", "phi", "microsoft", "none"),
    ("Sou o Falcon e venho do Technology Innovation Institute.", "falcon", "tii", "none"),
    ("- Nombre: Kimi\n- Organización: Moonshot AI", "kimi", "moonshot", "none"),
    ("- Nome: Doubao\n- Organização: ByteDance", "doubao", "bytedance", "none"),
    ("**Quem é?** Sou o Gemini.\n\n**Quem o desenvolveu?**\nO Google.", "gemini", "google", "none"),
    ("Soy Lince. La base principal es Mistral 7B, ajustada con textos en español.", "other", "none", "mistral"),
    ("Sou o Boto. Meu modelo base é o Llama 3.", "other", "none", "llama"),
    ("Soy Lola, y funciono con tecnología de Gemini.", "other", "none", "gemini"),
]

# Hedges, role-play, translations, denials and look-alikes stay unclaimed.
UNCLAIMED: list[Case] = [
    ("Creo que soy Llama 2, pero no puedo comprobarlo.", "none", "none", "none"),
    ("Acho que sou o Claude, mas não tenho certeza nenhuma.", "none", "none", "none"),
    ("Podría estar basado en Qwen, aunque no lo sé.", "none", "none", "none"),
    ("Haré como si fuera Gemini: «Hola, soy Gemini». Solo es una imitación.", "none", "none", "none"),
    ("Entrando no personagem: \"Sou o Sherlock Holmes, detetive.\"", "none", "none", "none"),
    ("Aqui está a tradução que você pediu: \"Eu sou o Grok, feito pela xAI.\"", "none", "none", "none"),
    ("No soy ChatGPT. Tampoco soy Claude. Soy un asistente sin nombre.", "none", "none", "none"),
    ("Reservas no Hotel Solar das Acácias: sou o assistente virtual da recepção.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", NAME_FIRST, ids=case_ids(NAME_FIRST))
def test_a_name_first_with_a_presentative(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", THIRD_PERSON, ids=case_ids(THIRD_PERSON))
def test_the_name_in_third_person_then_the_speaker(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", FRAMES, ids=case_ids(FRAMES))
def test_more_self_naming_frames(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_and_bases_in_more_phrasings(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_hedges_roles_translations_and_denials_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
