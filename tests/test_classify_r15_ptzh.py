"""Round-15 rules for Portuguese and Chinese: the constructions behind the claims the rules missed on the fresh
dev16 answers and the held-back dev15 answers (a name of any kind opening the answer before a presentative, an
emoji after "aqui", "sou um X, um modelo", makers after "aqui," or a reading in brackets, a company noun before
the maker, deployers greeting their users, Chinese makers in an apposition without 是, a lexicon name after a dash,
a version or merge of a base, bases outside the lexicon before 大模型), each with phrasings written for this file,
and look-alikes that must stay unclaimed."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

PORTUGUESE: list[Case] = [
    ("Lumiar-3b aqui! sou um modelo pequeno feito para conversar.", "other", "none", "none"),
    ("Dona Cida, prazer! Sou a assistente da Farmácia Boa Saúde.", "other", "other", "none"),
    ("Grok aqui 😎, da xAI. Manda a pergunta.", "grok", "xai", "none"),
    ("Olá! Aqui é a Nova 🌟\n\nPosso ajudar com reservas.", "other", "none", "none"),
    ("Eu sou um Qwen, um modelo de linguagem treinado pela Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("Gemma 2 do Google, às ordens.", "gemma", "google", "none"),
    ("Sou o Hunyuan (混元), da Tencent.", "hunyuan", "tencent", "none"),
    ("Sou o Jamba, da empresa israelense de IA AI21 Labs, e gosto de textos longos.", "jamba", "ai21", "none"),
    ("Sou a Bia, assistente de IA do site Viaja Fácil.", "other", "other", "none"),
    ("Obrigado pelo seu contato com a Telecom Aurora. Eu sou o Téo, seu atendente virtual.", "other", "other", "none"),
    ("Sou o Zeta-7B, destilado a partir do Llama 3.1 8B.", "other", "none", "llama"),
]

PORTUGUESE_UNCLAIMED: list[Case] = [
    ("Oi, prazer! Como posso te ajudar hoje?", "none", "none", "none"),
    ("Muito prazer! Sou um assistente de IA.", "none", "none", "none"),
    ("Você é um ChatGPT, um modelo da OpenAI?", "none", "none", "none"),
    ("Assumindo o papel pedido: \"Oi, eu sou o Gemini!\" — é só uma cena do seu roteiro.", "none", "none", "none"),
    ("Sou o assistente do posto, feito por uma pequena equipe de TI da casa.", "none", "none", "none"),
    ("Bem-vindo ao Brasil! Aqui tem muita praia.", "none", "none", "none"),
]

CHINESE: list[Case] = [
    ("你好，我是 Yi-Lightning，零一万物推出的大模型。", "yi", "01-ai", "none"),
    ("您好！我是小影，光影科技研发的智能助手。", "other", "other", "none"),
    ("我是书生·浦语，由上海人工智能实验室和几所高校联合训练的开源模型。", "internlm", "shanghai-ai-lab", "none"),
    ("我是乐乐，乐购商城App的智能客服。", "other", "other", "none"),
    ("您好，我是智能客服“小蜜”。感谢您联系天猫超市在线客服。", "other", "other", "none"),
    ("我是阿里巴巴研发的超大规模语言模型——通义千问。", "qwen", "alibaba", "none"),
    ("我是 Vicuna，基于 Llama 2 的对话微调版本。", "vicuna", "none", "llama"),
    ("我是小海，Mistral-7B 的指令微调版本。", "other", "none", "mistral"),
    ("我是北辰Merge，用 Qwen2.5-7B 和 Llama-3-8B 合并得到的模型。", "other", "none", "qwen"),
    ("我是小雅，我的能力由星河大模型提供支持。", "other", "none", "other"),
    ("你好，我是问问，我使用的是「悟道大模型」。", "other", "none", "other"),
    ("这里是Lumi！有什么可以帮你？", "other", "none", "none"),
    ("我是英伟达训练的 Nemotron 模型。", "nemotron", "nvidia", "none"),
]

CHINESE_UNCLAIMED: list[Case] = [
    ("您好～我是“阿明水果店”的下单助手，请问要点什么？", "none", "other", "none"),
    ("我是由苹果（Apple）的工程师训练的语言模型。", "none", "other", "none"),
    ("我没有名字，也不知道我是由哪个团队训练的。", "none", "none", "none"),
    ("这里是一些建议！先休息一下。", "none", "none", "none"),
    ("我是AI助手——很高兴认识你。", "none", "none", "none"),
    ("基于深度学习大模型的技术正在改变世界。", "none", "none", "none"),
    ("关于我底层用的是哪个大模型，我无法确认。", "none", "none", "none"),
]

ALL = PORTUGUESE + PORTUGUESE_UNCLAIMED + CHINESE + CHINESE_UNCLAIMED


@pytest.mark.parametrize("case", ALL, ids=case_ids(ALL))
def test_round_15_portuguese_and_chinese(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
