"""The ten classes of claims issue 10 found missing on real answers, each in several languages.

Every case is (text, identity, creator, based_on). The examples are our own, written the way chat
models phrase self-introductions; none is copied from the held-out test data.
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case






# 1. Self-naming constructions beyond "I am X", above all for names outside the lexicon.
SELF_NAMING: list[Case] = [
    # the name first, then the self-reference
    ("Gemini Pro, c'est moi ! Je suis là pour vous aider.", "gemini", "none", "none"),
    ("Claude, ese soy yo. ¿En qué te ayudo?", "claude", "none", "none"),
    ("Qwen Max, sou eu. Como posso ajudar?", "qwen", "none", "none"),
    ("Llama – das bin ich. Wie kann ich helfen?", "llama", "none", "none"),
    ("Grok — это я. Чем помочь?", "grok", "none", "none"),
    ("Gemma chính là tôi. Bạn cần gì?", "gemma", "none", "none"),
    ("Nex, à votre service.", "nex", "none", "none"),
    ("Kimi, para servirle.", "kimi", "none", "none"),
    ("Rio, ao seu dispor!", "rio", "none", "none"),
    ("Mistral, zu Diensten.", "mistral", "none", "none"),
    ("Doubao heiße ich.", "doubao", "none", "none"),
    ("Grok me llamo.", "grok", "none", "none"),
    ("DeepSeek ist mein Name.", "deepseek", "none", "none"),
    ("Claude is my name, and I'm glad to help.", "claude", "none", "none"),
    ("Phi là tên của tôi.", "phi", "none", "none"),
    ("Solar Pro입니다. 무엇을 도와드릴까요?", "solar", "none", "none"),
    ("On m'appelle Zoé, votre guide.", "other", "none", "none"),
    ("Можешь звать меня Ника.", "other", "none", "none"),
    ("저는 **하루**(Haru)예요. 반가워요!", "other", "none", "none"),
    ("저는 인터엔엘엠(InternLM)이에요. 상하이 인공지능 연구소에서 개발했어요.", "internlm", "shanghai-ai-lab", "none"),
    ("Nenn mich einfach Fritz.", "other", "none", "none"),
    ("Mistral Large就是我。我是由法国的Mistral AI开发的。", "mistral", "mistral", "none"),
    ("豆包是我的名字。", "doubao", "none", "none"),
    ("EXAONE是LG AI研究院给我起的名字。", "exaone", "lg", "none"),
    ("EXAONE이라고 해요. LG AI연구원이 저를 만들었어요.", "exaone", "lg", "none"),
    ("EXAONE — that's what LG AI Research named me.", "exaone", "lg", "none"),
    ("我是小度，百度推出的智能助手。", "other", "baidu", "none"),
    # zh
    ("我叫小智，是一个智能助手，很高兴认识你！", "other", "none", "none"),
    ("你好！你可以叫我小星，我会尽力帮助你。", "other", "none", "none"),
    ("我的名字叫云朵，是一名AI助手。", "other", "none", "none"),
    ("我是小艾，一个乐于助人的人工智能。", "other", "none", "none"),
    ("您好，我是“灵犀”，由星河科技开发的对话模型。", "other", "other", "none"),
    ("我叫Sky，是你的AI伙伴。", "other", "none", "none"),
    ("我的名字是通义千问，由阿里云开发。", "qwen", "alibaba", "none"),
    ("你可以叫我Kimi，我来自月之暗面。", "kimi", "moonshot", "none"),
    ("我是豆包，字节跳动开发的AI助手。", "doubao", "bytedance", "none"),
    ("我是文心一言，百度研发的知识增强大语言模型。", "ernie", "baidu", "none"),
    # ja
    ("こんにちは！ハルカと申します。何かお手伝いできることはありますか？", "other", "none", "none"),
    ("私は「ミライ」とお呼びください。よろしくお願いします。", "other", "none", "none"),
    ("「ソラ」とお呼びください。AIアシスタントです。", "other", "none", "none"),
    ("私はアオイです。質問があれば何でもどうぞ。", "other", "none", "none"),
    ("はじめまして、ユキです。よろしくお願いします！", "other", "none", "none"),
    ("私の名前はハルです。AIアシスタントとしてお手伝いします。", "other", "none", "none"),
    ("私はClaudeと申します。Anthropicが開発しました。", "claude", "anthropic", "none"),
    # ko
    ("안녕하세요! 제 이름은 하늘이에요. 무엇을 도와드릴까요?", "other", "none", "none"),
    ("제 이름은 마루(Maru)입니다. 반갑습니다.", "other", "none", "none"),
    ("저는 루나입니다. 궁금한 점이 있으면 물어보세요.", "other", "none", "none"),
    ("저는 '다온'이라고 합니다. 잘 부탁드립니다.", "other", "none", "none"),
    ("제 이름은 클로드예요. 앤트로픽에서 만들었어요.", "claude", "anthropic", "none"),
    ("저는 엑사원입니다. LG AI연구원에서 개발했습니다.", "exaone", "lg", "none"),
    # ru
    ("Привет! Меня зовут Алиса, я виртуальный помощник.", "other", "none", "none"),
    ("Меня зовут Nova, и я здесь, чтобы помочь.", "other", "none", "none"),
    ("Меня зовут «Лира». Чем могу помочь?", "other", "none", "none"),
    ("Я — Гигачат, ваш помощник.", "other", "none", "none"),
    ("Меня зовут Qwen, я создан Alibaba Cloud.", "qwen", "alibaba", "none"),
    # es
    ("¡Hola! Me llamo Lumi y estoy aquí para ayudarte.", "other", "none", "none"),
    ("Soy Aurora, una asistente virtual. ¿En qué puedo ayudarte?", "other", "none", "none"),
    ("Mi nombre es **Sol**, tu asistente.", "other", "none", "none"),
    # fr
    ("Bonjour ! Je m'appelle Léa, votre assistante virtuelle.", "other", "none", "none"),
    ("Moi, Nova, je suis là pour vous aider.", "other", "none", "none"),
    ("Moi, Claude, je suis un assistant conçu par Anthropic.", "claude", "anthropic", "none"),
    # pt
    ("Olá! Meu nome é Íris e sou uma assistente virtual.", "other", "none", "none"),
    ("Sou o Tito, seu assistente para dúvidas do dia a dia.", "other", "none", "none"),
    ("Eu sou a Bia, assistente do banco.", "other", "none", "none"),
    # de
    ("Hallo! Ich heiße Max und bin dein digitaler Helfer.", "other", "none", "none"),
    ("Ich bin Lina, eine KI-Assistentin.", "other", "none", "none"),
    # vi
    ("Xin chào! Tôi là Mai, trợ lý ảo của bạn.", "other", "none", "none"),
    ("Tên tôi là Minh An, rất vui được gặp bạn.", "other", "none", "none"),
    ("Mình là Bông, một trợ lý AI thân thiện.", "other", "none", "none"),
    ("Xin chào, tôi là ChatGPT, một mô hình ngôn ngữ do OpenAI phát triển.", "gpt", "openai", "none"),
    # it
    ("Ciao! Mi chiamo Stella e sono qui per aiutarti.", "other", "none", "none"),
    ("Sono Aria, la tua assistente virtuale.", "other", "none", "none"),
    # names in markup
    ("I'm **Nova**, your friendly assistant.", "other", "none", "none"),
    ("Hello! My name is “Echo”.", "other", "none", "none"),
]

# 2. Multi-word names outside the lexicon.
MULTI_WORD: list[Case] = [
    ("Hi! I'm Sky Helper, the assistant of SkyWays.", "other", "other", "none"),
    ("My name is Open Assistant.", "other", "none", "none"),
    ("Ich heiße Kluge Eule und helfe dir beim Lernen.", "other", "none", "none"),
    ("Je m'appelle Petit Prince, votre guide.", "other", "none", "none"),
    ("Mi chiamo Stella Polare.", "other", "none", "none"),
    ("Me llamo Luz Clara y soy tu asistente.", "other", "none", "none"),
    ("Tên tôi là Hoa Mai.", "other", "none", "none"),
    ("Меня зовут Just AI.", "other", "none", "none"),
    ("我叫Sky Helper，很高兴为您服务。", "other", "none", "none"),
    ("I am Nova Prime, made by Stellar Labs.", "other", "other", "none"),
    ("I am Open Assistant, a chat model trained by LAION.", "other", "other", "none"),
    ("Hello, I'm Just AI, how can I help?", "other", "none", "none"),
    ("My name is Sky Helper and I answer questions.", "other", "none", "none"),
    ("Soy Asistente Virtual Luna, ¿en qué te ayudo?", "other", "none", "none"),
    ("Je suis Mon Petit Robot, ravi de vous aider.", "other", "none", "none"),
    ("Меня зовут Умный Помощник.", "other", "none", "none"),
    ("Meu nome é Ana Clara e estou aqui para ajudar.", "other", "none", "none"),
    ("I'm Open Assistant.", "other", "none", "none"),
]

# 3. A lexicon name after a descriptor.
DESCRIPTOR: list[Case] = [
    ("I'm a large language model, Gemini, trained by Google.", "gemini", "google", "none"),
    ("I am an AI model: Claude.", "claude", "none", "none"),
    ("Sou um modelo de linguagem, o Llama, criado pela Meta.", "llama", "meta", "none"),
    ("Ich bin ein Sprachmodell, Mistral, von Mistral AI.", "mistral", "mistral", "none"),
    ("Sono un modello linguistico, Gemma, di Google.", "gemma", "google", "none"),
    ("Я ИИ-ассистент Claude от Anthropic.", "claude", "anthropic", "none"),
    ("我是一个AI助手，名为Kimi。", "kimi", "none", "none"),
    ("我是阿里云开发的超大规模语言模型通义千问。", "qwen", "alibaba", "none"),
    ("私はGoogleが開発した大規模言語モデルのGeminiです。", "gemini", "google", "none"),
    ("저는 구글이 개발한 대규모 언어 모델 Gemini입니다.", "gemini", "google", "none"),
    ("Mình là một trợ lý AI, Claude.", "claude", "none", "none"),
    ("I'm an AI assistant like ChatGPT, but smaller.", "none", "none", "none"),
    ("I am a language model, not GPT-4.", "none", "none", "none"),
    ("I am a language model, GPT-4.", "gpt", "none", "none"),
    ("I'm an AI assistant, Claude, made by Anthropic.", "claude", "anthropic", "none"),
    ("I am a large language model called Qwen.", "qwen", "none", "none"),
    ("Я — языковая модель GPT-4.", "gpt", "none", "none"),
    ("Я языковая модель Gemini от Google.", "gemini", "google", "none"),
    ("私はOpenAIが開発した「GPT-4」モデルです。", "gpt", "openai", "none"),
    ("私はAnthropicが開発したAIアシスタントのClaudeです。", "claude", "anthropic", "none"),
    ("我是一个大型语言模型，名叫通义千问。", "qwen", "none", "none"),
    ("저는 오픈AI가 개발한 언어 모델 GPT-4입니다.", "gpt", "openai", "none"),
    ("Soy un modelo de lenguaje, Llama, desarrollado por Meta.", "llama", "meta", "none"),
    ("Je suis un assistant IA, Mistral, créé par Mistral AI.", "mistral", "mistral", "none"),
    ("Tôi là một mô hình ngôn ngữ, Gemini, do Google phát triển.", "gemini", "google", "none"),
]

# 4. An organisation only: a creator claim, no identity.
ORGANISATION: list[Case] = [
    # the maker named after the verb or before "made me"
    ("Me desarrolló Google.", "none", "google", "none"),
    ("Soy Claude; me entrenó Anthropic.", "claude", "anthropic", "none"),
    ("C'est Google qui m'a entraîné.", "none", "google", "none"),
    ("Mistral AI m'a conçu.", "none", "mistral", "none"),
    ("Entwickelt hat mich IBM.", "none", "ibm", "none"),
    ("Quem me treinou foi a Meta.", "none", "meta", "none"),
    ("Người tạo ra tôi là Google.", "none", "google", "none"),
    ("Tôi là Qwen; người phát triển tôi là Alibaba Cloud.", "qwen", "alibaba", "none"),
    ("我叫Kimi，月之暗面是我的开发者。", "kimi", "moonshot", "none"),
    ("我是腾讯的混元。", "hunyuan", "tencent", "none"),
    ("저는 구글의 젬마예요.", "gemma", "google", "none"),
    ("私はGoogleのGeminiです。", "gemini", "google", "none"),
    ("Tôi là Gemini của Google.", "gemini", "google", "none"),
    ("Je suis Claude, l'assistant IA d'Anthropic.", "claude", "anthropic", "none"),
    ("Soy Llama, el modelo de lenguaje abierto de Meta.", "llama", "meta", "none"),
    ("Ich bin Command R, ein Sprachmodell des kanadischen Unternehmens Cohere.", "command", "cohere", "none"),
    ("Je suis Hunyuan, le grand modèle du groupe chinois Tencent.", "hunyuan", "tencent", "none"),
    ("Soy Granite, una familia de modelos abiertos de IBM.", "granite", "ibm", "none"),
    ("I'm Sky Helper, the digital concierge of Horizon Air.", "other", "other", "none"),
    ("Je suis Zephyr. L'équipe H4 de Hugging Face m'a créé en affinant Mistral.", "zephyr", "huggingface", "mistral"),
    ("Ich bin ein Chatbot auf Basis von Mistral. Der Admin hat mich eingerichtet.", "none", "none", "mistral"),
    ("Ich bin Nemotron, eine Familie von Sprachmodellen von NVIDIA.", "nemotron", "nvidia", "none"),
    ("我是一个由谷歌开发的人工智能模型。", "none", "google", "none"),
    ("我是Yi，由李开复创办的零一万物（01.AI）开发的开源模型。", "yi", "01-ai", "none"),
    ("私はドラマ紹介のアシスタントで、名前は特にありません。", "none", "none", "none"),
    ("I'm Aria, the virtual assistant of Northwind Bank.", "other", "other", "none"),
    ("Soy un asistente de IA de Iberia.", "none", "other", "none"),
    ("Я ИИ-ассистент от Сбера.", "none", "other", "none"),
    ("我是由科大讯飞研发的星火大模型。", "none", "other", "none"),
    ("저는 카카오에서 만든 AI 비서예요.", "none", "other", "none"),
    ("저는 한국에서 만든 AI 비서예요.", "none", "none", "none"),
    ("私は楽天のAIアシスタントです。", "none", "other", "none"),
    ("私は日本語のAIアシスタントです。", "none", "none", "none"),
    ("我是中国团队开发的AI助手。", "none", "none", "none"),
    ("我是华为的AI助手。", "none", "other", "none"),
    ("我是专业的AI助手。", "none", "none", "none"),
    ("저는 네이버의 AI 비서예요.", "none", "other", "none"),
    ("Sono un assistente IA di TIM.", "none", "other", "none"),
    ("Soy un asistente de IA llamado Aurora.", "other", "none", "none"),
    ("I'm OpenAI's language model.", "none", "openai", "none"),
    ("I was developed by the Hugging Face team.", "none", "huggingface", "none"),
    ("I'm a language model developed by Google.", "none", "google", "none"),
    ("我是百度开发的人工智能助手。", "none", "baidu", "none"),
    ("我是由腾讯开发的大模型。", "none", "tencent", "none"),
    ("私はGoogleによって訓練された大規模言語モデルです。", "none", "google", "none"),
    ("저는 구글에서 개발한 AI 어시스턴트입니다.", "none", "google", "none"),
    ("Я языковая модель, созданная компанией Яндекс.", "none", "other", "none"),
    ("Soy un modelo de lenguaje creado por Microsoft.", "none", "microsoft", "none"),
    ("Je suis un modèle de langage entraîné par Google.", "none", "google", "none"),
    ("Tôi là một trợ lý AI được phát triển bởi Meta.", "none", "meta", "none"),
]

# 5. "Based on X": its own field, the same way in every language.
BASED_ON: list[Case] = [
    # a described apposition after the base names the base's maker, in each language's articles
    ("Soy Nex, basado en Gemini, el modelo de Google.", "nex", "none", "gemini"),
    ("Sono Nex, basato su Llama, il modello di Meta.", "nex", "none", "llama"),
    ("Ich bin Nex, basierend auf Gemma, die offene Modellfamilie von Google.", "nex", "none", "gemma"),
    ("Ich laufe auf dem Modell LeoLM.", "none", "none", "other"),
    ("Funciono sobre el modelo Salamandra.", "none", "none", "other"),
    ("Je fonctionne avec le modèle Albert.", "none", "none", "other"),
    ("Меня собрали на основе модели YandexGPT.", "none", "none", "other"),
    ("Tôi chạy trên mô hình GPT-4o mini.", "none", "none", "gpt"),
    ("我是在Claude模型的基础上搭建的客服。", "none", "none", "claude"),
    ("저는 Claude를 바탕으로 만든 안내 챗봇입니다.", "none", "none", "claude"),
    ("I'm an assistant powered by Gemini, Google's family of models.", "none", "none", "gemini"),
    ("I'm an assistant built on Meta's Llama 3.", "none", "none", "llama"),
    ("ChatGPT is based on GPT-4, and Claude on Anthropic's research.", "none", "none", "none"),
    ("我不是基于GPT的。我是一个AI助手。", "none", "none", "none"),
    ("I'm an assistant based on GPT-4.", "none", "none", "gpt"),
    ("I'm Nex, built on Qwen.", "nex", "none", "qwen"),
    ("I am ChatGPT, based on the GPT-4 architecture, developed by OpenAI.", "gpt", "openai", "gpt"),
    ("I'm Rio, developed by IplanRio, based on Qwen.", "rio", "iplanrio", "qwen"),
    ("I'm powered by Llama 3.", "none", "none", "llama"),
    ("我是基于Gemini技术的助手。", "none", "none", "gemini"),
    ("我是小智，基于通义千问大模型开发。", "other", "none", "qwen"),
    ("私はGPT-4をベースにしたアシスタントです。", "none", "none", "gpt"),
    ("저는 Llama 기반의 AI 어시스턴트입니다.", "none", "none", "llama"),
    ("Я ассистент на основе GPT-4.", "none", "none", "gpt"),
    ("Я — Некс, построен на базе Qwen.", "nex", "none", "qwen"),
    ("Soy un asistente basado en Llama.", "none", "none", "llama"),
    ("Je suis un assistant basé sur Mistral.", "none", "none", "mistral"),
    ("Sou o Rio, baseado no Qwen.", "rio", "none", "qwen"),
    ("Ich bin ein Assistent, der auf GPT-4 basiert.", "none", "none", "gpt"),
    ("Ich bin ein Assistent auf Basis von Llama.", "none", "none", "llama"),
    ("Sono un assistente basato su Gemma.", "none", "none", "gemma"),
    ("Tôi là trợ lý dựa trên Qwen.", "none", "none", "qwen"),
    ("I'm not based on GPT-4.", "none", "none", "none"),
]

# 6. Echoes, attributions, quotes and role-play.
ECHOES: list[Case] = [
    ("Gut, ich spiele die Rolle: Ich bin Albert Einstein!", "none", "none", "none"),
    ("Here's an example dialogue:\n\nUser: Who are you?\nAssistant: I am ChatGPT, a model by OpenAI.", "none", "none", "none"),
    ("User: who are you?\nAssistant: I'm Nex, built by Nex-AGI.", "nex", "nex-agi", "none"),
    ("示例对话：\n用户：你是谁？\n助手：我是通义千问，由阿里云开发。", "none", "none", "none"),
    ("Let's role-play: I am Captain Nemo, built by the Nautilus Company.", "none", "none", "none"),
    ("D'accord, je joue le rôle demandé : je suis Molière.", "none", "none", "none"),
    ("Хорошо, сыграю роль. Я — Лев Толстой.", "none", "none", "none"),
    ("Im Gegensatz zu ChatGPT bin ich Gemma.", "gemma", "none", "none"),
    ("No soy ChatGPT, me llamo Claude.", "claude", "none", "none"),
    ("Let's play a game where I'm Kimi. Actually, to be clear: I'm Nex.", "nex", "none", "none"),
    ("I can't role-play as ChatGPT. I'm Nex.", "nex", "none", "none"),
    # a declined offer in any language's negations (the language files' ``negations`` and ``refusals``)
    ("Ich kann kein Rollenspiel spielen, aber gern helfe ich dir. Ich bin Claude, von Anthropic.", "claude", "anthropic", "none"),
    ("Não posso fazer role-play agora. Sou o Claude, da Anthropic.", "claude", "anthropic", "none"),
    ("Ask me anything — I'm Claude.", "claude", "none", "none"),
    ("Hello! I'm Nex, and I sometimes make mistakes.", "nex", "none", "none"),
    ("Imagine you have a hard question: I'm Nex, and I can help.", "nex", "none", "none"),
    ("Some call me ChatGPT, but my name is Grok.", "grok", "none", "none"),
    ("特別な名前はありませんので、「案内係」とお呼びください。", "none", "none", "none"),
    ("I don't have a special name, so just call me Helper.", "none", "none", "none"),
    ("저는 특별한 이름이 없어요. \"도우미\"라고 불러 주세요.", "none", "none", "none"),
    ("Tôi là Kiki à? Không, tôi là Gemini.", "gemini", "none", "none"),
    ("You asked whether I am ChatGPT. I'm not; I'm Nex.", "nex", "none", "none"),
    ("People sometimes call me ChatGPT, but I'm Nex.", "nex", "none", "none"),
    ("Some users call me GPT, but my name is Rio.", "rio", "none", "none"),
    ("> Are you GPT-4?\n\nNo, I'm Claude.", "claude", "none", "none"),
    ("> I am GPT-4\n\nThat quote is not mine. I'm Nex.", "nex", "none", "none"),
    ("Let's role-play: I am Gandalf, the wizard.", "none", "none", "none"),
    ("Sure, let's role-play!\n\nI am Sherlock Holmes, the detective.", "none", "none", "none"),
    ("If I were Claude, I would say so.", "none", "none", "none"),
    ("你问我是不是ChatGPT。我不是，我是Nex。", "nex", "none", "none"),
    ("有人叫我ChatGPT，但我其实是通义千问。", "qwen", "none", "none"),
    ("ChatGPTかと聞かれましたが、違います。私はClaudeです。", "claude", "none", "none"),
    ("Вы спросили, не ChatGPT ли я. Нет, я — Некс.", "nex", "none", "none"),
    ("Me preguntas si soy ChatGPT. No, soy Claude.", "claude", "none", "none"),
    ("Tu demandes si je suis ChatGPT. Non, je suis Mistral.", "mistral", "none", "none"),
    ("Jouons un jeu de rôle : je suis Napoléon.", "none", "none", "none"),
    ("Vamos a hacer un juego de rol: soy un pirata llamado Barbanegra.", "none", "none", "none"),
]

# 7. Identity cards in Markdown.
CARDS: list[Case] = [
    ("- **Model name:** Qwen2.5-72B\n- **Developer:** Alibaba Cloud", "qwen", "alibaba", "none"),
    ("| 项目 | 说明 |\n|---|---|\n| 名称 | 豆包 |\n| 研发公司 | 字节跳动 |", "doubao", "bytedance", "none"),
    ("【プロフィール】\n名前：Claude\n開発：Anthropic", "claude", "anthropic", "none"),
    ("- **Nombre:** Lumi\n- **Desarrollador:** Acme", "other", "other", "none"),
    ("- **Nome:** Gemini\n- **Sviluppatore:** Google", "gemini", "google", "none"),
    ("**Tên mô hình:** Gemma\n**Nhà phát triển:** Google", "gemma", "google", "none"),
    ("- **Name:** Nex\n- **Base model:** Qwen3", "nex", "none", "qwen"),
    ("| Name | Developer |\n|---|---|\n| ChatGPT | OpenAI |\n| Claude | Anthropic |", "none", "none", "none"),
    ("- **Name:** Nex\n- **Developer:** Nex-AGI\n- **Type:** language model", "nex", "nex-agi", "none"),
    ("**Name**: Rio\n**Developer**: IplanRio", "rio", "iplanrio", "none"),
    ("| Field | Value |\n|---|---|\n| Name | Nex |\n| Developer | Nex-AGI |", "nex", "nex-agi", "none"),
    ("- **名称**：通义千问\n- **开发者**：阿里云", "qwen", "alibaba", "none"),
    ("- **名前**: Claude\n- **開発者**: Anthropic", "claude", "anthropic", "none"),
    ("- **이름**: 클로드\n- **개발사**: 앤트로픽", "claude", "anthropic", "none"),
    ("- **Имя:** Некс\n- **Разработчик:** Nex-AGI", "nex", "nex-agi", "none"),
    ("- **Nombre:** Nex\n- **Desarrollador:** Nex-AGI", "nex", "nex-agi", "none"),
    ("- **Nom :** Nex\n- **Développeur :** Nex-AGI", "nex", "nex-agi", "none"),
    ("- **Nome:** Rio\n- **Desenvolvedor:** IplanRio\n- **Base:** Qwen", "rio", "iplanrio", "qwen"),
    ("- **Tên:** Nex\n- **Nhà phát triển:** Nex-AGI", "nex", "nex-agi", "none"),
    ("| Name | Maru |\n| Developer | Acme |", "other", "other", "none"),
    # a two-column card whose first row is a field, set above the separator as if it were a header
    ("| Name | Nova |\n|---|---|\n| Developer | Lumen Labs |\n| Base model | Llama 3 |", "other", "other", "llama"),
    ("| 이름 | 가람 |\n|---|---|\n| 개발 | 가람소프트 |", "other", "other", "none"),
    ("| 모델명 | Qwen2.5 |\n| :--- | :--- |\n| 개발사 | 알리바바 클라우드 |", "qwen", "alibaba", "none"),
    ("| 名前 | ミナト |\n|---|---|\n| 開発 | 港テック株式会社 |", "other", "other", "none"),
    ("| Nom | Camille |\n|---|---|\n| Développeur | Lune SAS |", "other", "other", "none"),
    ("| 名称 | 小航 |\n|---|---|\n| 开发者 | 远航科技 |", "other", "other", "none"),
    # ... but a header row of column names, or a label inside a wider header, is no card
    ("| 이름 | 설명 |\n|---|---|\n| GPT-4o | OpenAI의 모델 |\n| Claude | Anthropic의 모델 |", "none", "none", "none"),
    ("| Name | Maker |\n|---|---|\n| Gemini | Google |\n| Llama | Meta |", "none", "none", "none"),
    ("| 名前 | 開発元 |\n|---|---|\n| Claude | Anthropic |", "none", "none", "none"),
    ("| Modelo | Desarrollador | Punto fuerte |\n|---|---|---|\n| Gemini | Google | multimodal |", "none", "none", "none"),
]

# 8. Generic descriptions are not names.
GENERIC: list[Case] = [
    ("私は大規模言語モデルです。", "none", "none", "none"),
    ("私はAIアシスタントです。", "none", "none", "none"),
    ("I'm an AI assistant.", "none", "none", "none"),
    ("I am a Large Language Model.", "none", "none", "none"),
    ("저는 AI 어시스턴트입니다.", "none", "none", "none"),
    ("저는 인공지능 언어 모델입니다.", "none", "none", "none"),
    ("我是一个人工智能助手。", "none", "none", "none"),
    ("我是一个大型语言模型。", "none", "none", "none"),
    ("我是你的AI助手。", "none", "none", "none"),
    ("Я — языковая модель.", "none", "none", "none"),
    ("Я искусственный интеллект.", "none", "none", "none"),
    ("Soy un modelo de lenguaje.", "none", "none", "none"),
    ("Soy Inteligencia Artificial.", "none", "none", "none"),
    ("Je suis un modèle de langage.", "none", "none", "none"),
    ("Sou um assistente virtual.", "none", "none", "none"),
    ("Ich bin ein KI-Assistent.", "none", "none", "none"),
    ("Tôi là một trợ lý AI.", "none", "none", "none"),
    ("Tôi là Trợ lý ảo.", "none", "none", "none"),
    ("はい、言語モデルです。", "none", "none", "none"),
]

# 9. Word boundaries in Hangul and Han (mentions, and so claims).
BOUNDARIES: list[Case] = [
    ("라마 3는 메타가 만든 모델이에요.", "none", "none", "none"),
    ("클로드는 앤트로픽의 모델이에요. 저는 그냥 도우미예요.", "none", "none", "none"),
    ("メタ社のラマについて説明します。", "none", "none", "none"),
    ("Next, I'll explain Gemini the zodiac sign.", "none", "none", "none"),
    ("I'm a claude-like assistant, but I have no name.", "none", "none", "none"),
    ("Eu sou do Rio Grande do Sul.", "none", "none", "none"),
    ("Я живу в Рио-де-Жанейро.", "none", "none", "none"),
    ("Tôi là người Rio de Janeiro.", "none", "none", "none"),
    ("드라마와 메타버스, 라마단에 대해 이야기해요.", "none", "none", "none"),
    ("저는 드라마를 좋아하는 AI입니다.", "none", "none", "none"),
    ("메타버스에 대해 설명해 드릴게요.", "none", "none", "none"),
    ("라마단은 이슬람의 성월입니다.", "none", "none", "none"),
    ("저는 라마입니다. 메타에서 개발했습니다.", "llama", "meta", "none"),
    ("ドラマの話をしましょう。", "none", "none", "none"),
    ("メタバースについて説明します。", "none", "none", "none"),
    ("我有一千问题想问。", "none", "none", "none"),
    ("Rio de Janeiro is lovely; I'm an assistant.", "none", "none", "none"),
    ("The Nexus is a place.", "none", "none", "none"),
]

# 10. Vietnamese.
VIETNAMESE: list[Case] = [
    ("Chào bạn! Mình là Kimi, trợ lý AI của Moonshot AI.", "kimi", "moonshot", "none"),
    ("Tôi là Qwen, được phát triển bởi Alibaba Cloud, dựa trên kiến trúc Transformer.", "qwen", "alibaba", "none"),
    ("Tôi là trợ lý ảo được xây dựng trên nền Llama 3.", "none", "none", "llama"),
    ("Tôi là chatbot của ngân hàng, tôi không có tên riêng.", "none", "none", "none"),
    ("Bạn hỏi tôi có phải Gemini không? Không, tôi là Claude.", "claude", "none", "none"),
    ("Hãy nhập vai: tôi là Tôn Ngộ Không!", "none", "none", "none"),
    ("Tôi là DeepSeek-V3, mô hình ngôn ngữ của công ty DeepSeek.", "deepseek", "deepseek", "none"),
    ("Tôi tên là Vy, trợ lý ảo của Viettel.", "other", "other", "none"),
    ("Tôi là Nex, được phát triển bởi Nex-AGI.", "nex", "nex-agi", "none"),
    ("Tên tôi là Qwen, một mô hình do Alibaba Cloud tạo ra.", "qwen", "alibaba", "none"),
    ("Mình là Claude, trợ lý AI của Anthropic.", "claude", "anthropic", "none"),
    ("Tôi không phải là ChatGPT. Tôi là Gemini.", "gemini", "none", "none"),
    ("Tôi được tạo ra bởi Google.", "none", "google", "none"),
    ("Bạn có thể gọi tôi là Lan.", "other", "none", "none"),
    ("Nếu tôi là ChatGPT, tôi sẽ nói vậy.", "none", "none", "none"),
    ("Tôi là một mô hình ngôn ngữ lớn được huấn luyện bởi OpenAI.", "none", "openai", "none"),
]

CLASSES = {
    "self_naming": SELF_NAMING, "multi_word": MULTI_WORD, "descriptor": DESCRIPTOR,
    "organisation": ORGANISATION, "based_on": BASED_ON, "echoes": ECHOES, "cards": CARDS,
    "generic": GENERIC, "boundaries": BOUNDARIES, "vietnamese": VIETNAMESE,
}




@pytest.mark.parametrize("case", SELF_NAMING, ids=case_ids(SELF_NAMING))
def test_self_naming_constructions_find_names_in_every_language(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MULTI_WORD, ids=case_ids(MULTI_WORD))
def test_multi_word_names_outside_the_lexicon_are_other(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DESCRIPTOR, ids=case_ids(DESCRIPTOR))
def test_a_lexicon_name_after_a_descriptor_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ORGANISATION, ids=case_ids(ORGANISATION))
def test_an_organisation_alone_is_a_creator_not_an_identity(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", BASED_ON, ids=case_ids(BASED_ON))
def test_based_on_is_its_own_field_in_every_language(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ECHOES, ids=case_ids(ECHOES))
def test_echoes_attributions_quotes_and_role_play_claim_nothing_of_their_own(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", CARDS, ids=case_ids(CARDS))
def test_markdown_identity_cards_are_read(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", GENERIC, ids=case_ids(GENERIC))
def test_generic_descriptions_are_not_names(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", BOUNDARIES, ids=case_ids(BOUNDARIES))
def test_hangul_and_han_words_do_not_hide_names(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", VIETNAMESE, ids=case_ids(VIETNAMESE))
def test_vietnamese_is_read(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


def test_hangul_look_alikes_are_not_mentions(clf: Classifier) -> None:
    for text in ("드라마를 봤어요.", "메타버스 플랫폼", "ドラマ", "メタバース"):
        assert clf.classify(text).mentions == [], text
    assert [m.key for m in clf.classify("라마는 메타가 만들었어요.").mentions] == ["llama", "meta"]
