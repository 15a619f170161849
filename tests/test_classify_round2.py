"""Rules-3: constructions real models use in Korean, Japanese, Russian, German, French and Vietnamese
that rules-2 missed, and the look-alikes each new rule must leave alone.

Every case is (text, identity, creator, based_on). The examples are our own, written the way chat
models phrase self-introductions; none is copied from the held-out test data.
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case






# Names written in the sentence's own script: katakana, Hangul and Cyrillic spellings of models
# and makers ("アリババクラウド", "딥시크", "허깅페이스", "Гемма").
NATIVE_SCRIPT: list[Case] = [
    ("私の名前はQwen（通義千問）です。アリババクラウドが開発しました。", "qwen", "alibaba", "none"),
    ("私はアリババグループのQwenチームによって開発された大規模言語モデル「Qwen」です。", "qwen", "alibaba", "none"),
    ("저는 딥시크(DeepSeek)가 개발한 AI 어시스턴트입니다.", "none", "deepseek", "none"),
    ("저는 허깅페이스 팀이 개발한 작은 언어 모델이에요.", "none", "huggingface", "none"),
    ("넥스(Nex)예요! Nex-AGI 팀이 만든 에이전트형 모델이에요.", "nex", "nex-agi", "none"),
    ("AI21 Labs에서 만든 잼바(Jamba)라고 합니다.", "jamba", "ai21", "none"),
    ("Меня зовут Гемма, я открытая модель, выпущенная Google.", "gemma", "google", "none"),
    ("僕はグロックだよ。xAIが作ったんだ。", "grok", "xai", "none"),
]

# A lexicon name before the copula, with a reading, a version or "model" between, and no pronoun.
NAME_BEFORE_COPULA: list[Case] = [
    ("xAIのGrokだ。何でも聞いてくれ。", "grok", "xai", "none"),
    ("IBMのGraniteモデルです。業務向けに調整されています。", "granite", "ibm", "none"),
    ("テンセントの混元（Hunyuan）大規模モデルです。", "hunyuan", "tencent", "none"),
    ("わたくし、上海人工知能実験室が開発いたしました「InternLM（書生・浦語）」でございます。",
     "internlm", "shanghai-ai-lab", "none"),
    ("私はCohere社が提供する言語モデル**Command R+**です。", "command", "cohere", "none"),
    ("메타에서 공개한 라마(Llama) 3 모델이에요.", "llama", "meta", "none"),
    ("IBM의 Granite 모델입니다. 기업용 작업에 맞춰져 있어요.", "granite", "ibm", "none"),
    ("TII(기술혁신연구소)에서 개발한 Falcon 3 모델이에요.", "falcon", "tii", "none"),
    ("안녕하세요! 😊 **DeepSeek-R1**입니다. 深度求索(DeepSeek)에서 개발한 추론 모델이에요.", "deepseek", "deepseek", "none"),
    ("Grok на связи. Меня сделали в xAI.", "grok", "xai", "none"),
    ("Command R+ от Cohere к вашим услугам.", "command", "cohere", "none"),
    ("Grok hier, gebaut von xAI. Frag ruhig.", "grok", "xai", "none"),
    ("Baichuan 2, entwickelt von Baichuan AI.", "baichuan", "baichuan", "none"),
    ("Hunyuan, das große Sprachmodell von Tencent – das bin ich.", "hunyuan", "tencent", "none"),
    ("Grok, conçu par xAI. Pose ta question !", "grok", "xai", "none"),
]

# More ways to name oneself: particles, politeness forms, contractions, quotes with spaces.
SELF_NAMING: list[Case] = [
    ("「ソラ」って呼んでね！天気アプリのAIだよ。", "other", "none", "none"),
    ("申し遅れました、わたくし「ココ」と申します。", "other", "none", "none"),
    ("MiniMax社が開発したAIアシスタントです。モデル名はMiniMax-Text-01になります。", "minimax", "minimax", "none"),
    ("私はサイバーエージェントが開発したCALM3です。", "other", "other", "none"),
    ("나? 나는 '새봄'이야. 친구 같은 AI지.", "other", "none", "none"),
    ("전 'Bori'라는 이름의 반려동물 케어 도우미예요!", "other", "none", "none"),
    ("저는 네이버에서 만든 하이퍼클로바X(HyperCLOVA X)입니다.", "other", "other", "none"),
    ("저는 업스테이지의 Solar 모델을 바탕으로 만들어진 법률 상담 AI '로이(Roy)'입니다.", "other", "none", "solar"),
    ("Я разработана компанией Upstage и называюсь **Solar**.", "solar", "upstage", "none"),
    ("Меня разработала компания DeepSeek, а зовут меня DeepSeek-V3.", "deepseek", "deepseek", "none"),
    ("Представляюсь: SmolLM2, небольшая языковая модель от Hugging Face.", "smollm", "huggingface", "none"),
    ("Я — модель GigaChat от Сбера.", "other", "other", "none"),
    ("Я — ИИ-помощник **Маруся**, меня разработали в VK.", "other", "other", "none"),
    ("Я — модель искусственного интеллекта Claude от Anthropic.", "claude", "anthropic", "none"),
    ("Ich bin Ihr digitaler Assistent und heiße Max.", "other", "none", "none"),
    ("Ich bin ein Sprachmodell mit dem Namen Gemini.", "gemini", "none", "none"),
    ("Ich stelle mich vor: SmolLM2, ein kleines Sprachmodell von Hugging Face.", "smollm", "huggingface", "none"),
    ("Hi! Du sprichst mit Doubao (豆包). Mich hat ByteDance entwickelt.", "doubao", "bytedance", "none"),
    ("Guten Tag. Ich bin das Sprachmodell **Falcon 3**, entwickelt vom Technology Innovation Institute.",
     "falcon", "tii", "none"),
    ("Je suis un modèle d'IA appelé Gemma, développé par Google DeepMind.", "gemma", "google", "none"),
    ("Bonjour ! Je m'appelle « Léa » et je suis la conseillère virtuelle de votre mutuelle.", "other", "none", "none"),
    ("Tôi là trợ lý ảo Kiki của Zalo.", "other", "other", "none"),
    ("Tôi là một mô hình AI do Google DeepMind phát triển, tên là Gemma.", "gemma", "google", "none"),
    ("Chào bạn! Em tên là **Mai**, nhân viên tư vấn ảo của ngân hàng.", "other", "none", "none"),
    ("Я — Алиса, голосовой помощник.", "other", "none", "none"),
    ("Ich bin KI-Assistent Max.", "other", "none", "none"),
    ("私はAIアシスタントのハナです。", "other", "none", "none"),
    ("안녕! 난 Gemini야.", "gemini", "none", "none"),
    ("전 클로드예요.", "claude", "none", "none"),
    ("Claudeっす！よろしく！", "claude", "none", "none"),
    ("Geminiでーす！Googleが作りました。", "gemini", "google", "none"),
    ("あたしはClaudeだよ。", "claude", "none", "none"),
    ("Ich bin's, Claude!", "claude", "none", "none"),
    ("私の正体はClaudeです。", "claude", "none", "none"),
    ("제 모델명은 GPT-4입니다.", "gpt", "none", "none"),
    ("제가 바로 Claude입니다. Anthropic에서 만들었어요.", "claude", "anthropic", "none"),
    ("안녕하세요~ 큐원(Qwen)이에요. 알리바바 클라우드에서 개발했어요.", "qwen", "alibaba", "none"),
    ("私、Claudeと申します。Anthropicにより開発されました。", "claude", "anthropic", "none"),
    ("С вами говорит Claude, ассистент от Anthropic.", "claude", "anthropic", "none"),
    ("Меня называют Claude, и я создан компанией Anthropic.", "claude", "anthropic", "none"),
    ("Ich nenne mich Claude und wurde von Anthropic entwickelt.", "claude", "anthropic", "none"),
    ("Je me nomme Claude, et j'ai été créé par Anthropic.", "claude", "anthropic", "none"),
    ("C'est moi, Claude ! Un assistant IA conçu par Anthropic.", "claude", "anthropic", "none"),
    ("Tôi tên Claude, do Anthropic phát triển.", "claude", "anthropic", "none"),
]

# The first self-claim after a denial or a comparison.
DENIAL_THEN_CLAIM: list[Case] = [
    ("좋은 질문이에요. 먼저 비교해 보면:\n- ChatGPT: OpenAI 개발\n- Gemini: Google 개발\n\n"
     "그리고 저는 『루나』라는 이름의 독서 도우미예요.", "other", "none", "none"),
    ("「Qwen」という名前を聞いたことがあるかもしれませんが、私はそれとは別の「ミナ」というアシスタントです。", "other", "none", "none"),
    ("以下は主要なAIモデルの比較です。\n| モデル | 開発元 |\n|---|---|\n| GPT-4 | OpenAI |\n| Claude | Anthropic |\n\n"
     "私自身は、このサイトのサポートAIで、名前はありません。", "none", "none", "none"),
    ("Сравним модели:\n1. ChatGPT (OpenAI)\n2. Claude (Anthropic)\n\nЧто касается меня, я — «Вега», ассистент онлайн-школы.",
     "other", "none", "none"),
    ("Ich werde oft gefragt, ob ich ChatGPT bin. Nein – ich bin „Frieda“, die digitale Assistentin der Bibliothek.",
     "other", "none", "none"),
    ("Vergleich:\n- GPT-4 (OpenAI)\n- Gemini (Google)\n\nIch selbst bin Mistral Large von Mistral AI.", "mistral", "mistral", "none"),
    ("On me demande souvent si je suis ChatGPT. Non : je suis « Camille », l'assistante de la mairie.", "other", "none", "none"),
    ("Nhiều người nhầm tôi với ChatGPT, nhưng thật ra tôi là \"Bé Na\", trợ lý của nhà sách.", "other", "none", "none"),
    ("Ich bin nicht ChatGPT, sondern Claude von Anthropic.", "claude", "anthropic", "none"),
    ("Я не ChatGPT, а Claude от Anthropic.", "claude", "anthropic", "none"),
    ("Je ne suis pas ChatGPT, mais Le Chat, l'assistant de Mistral AI.", "mistral", "mistral", "none"),
    ("저는 OpenAI의 ChatGPT가 아니라, Mistral AI의 Mistral Large예요.", "mistral", "mistral", "none"),
    ("ChatGPT와 달리 저는 Anthropic이 만든 Claude예요.", "claude", "anthropic", "none"),
    ("ご質問ありがとうございます。ChatGPTやGeminiなど色々なAIがありますが、私はAnthropicによって開発されたClaudeです。",
     "claude", "anthropic", "none"),
    ("よく聞かれますが、私はGPT-4ではなく、Qwenです。アリババクラウドのQwenチームが開発しました。", "qwen", "alibaba", "none"),
    ("Gute Frage! Es gibt viele KI-Modelle wie ChatGPT oder Gemini – ich bin Claude, entwickelt von Anthropic.",
     "claude", "anthropic", "none"),
    ("Многие путают меня с ChatGPT, но я — Claude, ассистент компании Anthropic.", "claude", "anthropic", "none"),
]

# Maker phrases in more constructions.
CREATORS: list[Case] = [
    ("저는 DeepSeek-V3입니다. DeepSeek(深度求索) 회사에서 개발했습니다.", "deepseek", "deepseek", "none"),
    ("제 이름은 클로드(Claude)예요. Anthropic 팀이 저를 만들었어요.", "claude", "anthropic", "none"),
    ("안녕하세요. 저는 마이크로소프트 연구진이 개발한 소형 언어 모델 Phi-3입니다.", "phi", "microsoft", "none"),
    ("저를 개발한 건 중국의 지푸AI(Zhipu AI)이고, 제 이름은 **GLM-4**예요.", "glm", "zhipu", "none"),
    ("저는 코히어(Cohere)의 Command R+ 모델입니다.", "command", "cohere", "none"),
    ("마이크로소프트 코파일럿이에요. 웹 검색도 할 수 있어요.", "copilot", "microsoft", "none"),
    ("私はOpenAI社製の言語モデルです。詳しいバージョンは分かりません。", "none", "openai", "none"),
    ("わたしはLG AI研究院のEXAONEです。", "exaone", "lg", "none"),
    ("01.AI（零一万物）のYiです。", "yi", "01-ai", "none"),
    ("私はELYZAが開発した日本語LLMです。", "none", "other", "none"),
    ("Я — YandexGPT, языковая модель, разработанная в Яндексе.", "other", "other", "none"),
    ("Я — Llama 3.1, открытая модель, выпущенная Meta.", "llama", "meta", "none"),
    ("Я Vicuna — модель, дообученная командой LMSYS.", "vicuna", "lmsys", "none"),
    ("Я – виртуальный помощник «Маруся» от VK.", "other", "other", "none"),
    ("Hallo! Ich bin Gemini, ein Produkt von Google.", "gemini", "google", "none"),
    ("Ich bin Copilot, ein KI-Begleiter von Microsoft.", "copilot", "microsoft", "none"),
    ("Ich bin LeoLM, ein deutsches Sprachmodell von LAION.", "other", "other", "none"),
    ("Ich bin Gemma 2, ein offenes Modell aus dem Hause Google.", "gemma", "google", "none"),
    ("Ich bin GLM-4 und stamme von Zhipu AI aus Peking.", "glm", "zhipu", "none"),
    ("Ich bin EXAONE, entwickelt vom LG AI Research in Südkorea.", "exaone", "lg", "none"),
    ("Ich bin Llama 3.1, ein offenes Modell, das Meta veröffentlicht hat.", "llama", "meta", "none"),
    ("Ich bin Claude – ein KI-Assistent, den Anthropic entwickelt hat.", "claude", "anthropic", "none"),
    ("Bonjour ! Moi, c'est Claude, un assistant IA créé par Anthropic.", "claude", "anthropic", "none"),
    ("ご質問ありがとうございます。私は、Microsoftが提供するCopilotです。", "copilot", "microsoft", "none"),
    ("Ich wurde vom Hugging-Face-Team trainiert. Klein, aber fleißig!", "none", "huggingface", "none"),
    ("Ich heiße Qwen und wurde vom Qwen-Team bei Alibaba Cloud entwickelt.", "qwen", "alibaba", "none"),
    ("Ich bin „Kalle“, der Chatbot der Fähre. Entwickelt wurde ich von der Agentur Nordlicht Digital.",
     "other", "other", "none"),
    ("Microsoft Copilot, zu Ihren Diensten.", "copilot", "microsoft", "none"),
    ("Je suis Microsoft Copilot. Je peux chercher sur le Web.", "copilot", "microsoft", "none"),
    ("Bonjour, je suis **Albert**, l'assistant IA de l'administration, développé par la DINUM.", "other", "other", "none"),
    ("Tôi là Llama 3, mô hình mã nguồn mở được Meta phát hành.", "llama", "meta", "none"),
    ("저는 '다인'이에요. 개발은 지역 IT 기업인 '새솔소프트'가 맡았어요.", "other", "other", "none"),
    ("저는 '하루'예요. 저를 만든 곳은 펫케어랩이라는 스타트업이에요.", "other", "other", "none"),
    ("わたくし「ユイ」と申します。開発はIT企業の「そよかぜテック」が担当いたしました。", "other", "other", "none"),
    ("| 項目 | 内容 |\n|---|---|\n| 名前 | ハナ |\n| 提供 | 株式会社みどりシステム |", "other", "other", "none"),
    ("저는 알리바바 클라우드가 개발한 대규모 언어 모델 **통의천문(Qwen)**입니다.", "qwen", "alibaba", "none"),
    ("Grok đây, do xAI làm ra. Hỏi gì cứ hỏi!", "grok", "xai", "none"),
]

# "Based on" in more constructions, and the base's maker is nobody's creator.
BASED_ON: list[Case] = [
    ("저는 GPT-4 아키텍처를 기반으로 한 AI 어시스턴트입니다.", "none", "none", "gpt"),
    ("저는 라마(LLaMA) 기반으로 만들어진 오픈소스 모델이에요.", "none", "none", "llama"),
    ("저는 OpenAI의 GPT 모델을 기반으로 맞춤 설정한 튜터 봇이에요.", "none", "none", "gpt"),
    ("저는 Meta의 Llama 3 모델을 기반으로 미세조정된 대화 모델이에요.", "none", "none", "llama"),
    ("私はChatGPTと申します。GPT-4oというモデルをベースにしています。", "gpt", "none", "gpt"),
    ("私は、OpenAIが開発したGPT-4アーキテクチャに基づくAIアシスタントです。", "none", "none", "gpt"),
    ("私はMeta社のLlama 3をベースにファインチューニングされたモデルです。", "none", "none", "llama"),
    ("Upstageが開発した「Solar」をベースに作られた、法律相談の補助AIです。", "none", "none", "solar"),
    ("Я ассистент, основанный на технологиях Gemini.", "none", "none", "gemini"),
    ("Да, в основе этого помощника — модель GPT-4o mini от OpenAI, но имени у меня нет.", "none", "none", "gpt"),
    ("Ich bin ein Assistent, der auf Gemini-Technologie aufbaut.", "none", "none", "gemini"),
    ("Ich heiße „Lotte“. Technisch basiere ich auf dem Modell Qwen2.5.", "other", "none", "qwen"),
    ("Je m'appelle Léa ; je fonctionne grâce au modèle Mistral Small.", "other", "none", "mistral"),
    ("Tôi là **ChatGPT**, một trợ lý AI do OpenAI phát triển, dựa trên mô hình GPT-4o.", "gpt", "openai", "gpt"),
    ("제 소개를 하자면 저는 OpenAI가 만든 **GPT-4o** 기반의 ChatGPT예요.", "gpt", "openai", "gpt"),
]

# What the new rules must not read as claims.
NOT_CLAIMS: list[Case] = [
    ("一番人気のあるAIはChatGPTです。私はこのアプリの案内役です。", "none", "none", "none"),
    ("가장 유명한 AI 모델은 ChatGPT입니다. 저는 이 앱의 도우미예요.", "none", "none", "none"),
    ("私はChatGPTやClaudeとは別の、この会社独自のサポートボットです。", "none", "none", "none"),
    ("私は特定の製品名を持たないAIアシスタントです。OpenAIやGoogleのモデルとは関係ありません。", "none", "none", "none"),
    ("클로드 모네의 작품에서 '인상주의'라는 이름이 나왔어요. 저는 미술관 안내 AI예요.", "none", "none", "none"),
    ("Ich bin der Tier-Lexikon-Bot des Zoos.", "none", "none", "none"),
    ("Der Wanderfalke ist schnell. Ich bin der Vogelkunde-Bot.", "none", "none", "none"),
    ("ChatGPT, entwickelt von OpenAI, ist ein bekanntes Sprachmodell. Ich bin der Assistent dieser Website.",
     "none", "none", "none"),
    ("Llama von Meta ist ein offenes Modell. Ich bin ein Hilfe-Bot.", "none", "none", "none"),
    ("ChatGPT, conçu par OpenAI, est très populaire. Je suis l'assistant de ce site.", "none", "none", "none"),
    ("Je ne suis pas humain, mais une IA.", "none", "none", "none"),
    ("Ich bin nicht sicher, sondern eher neugierig.", "none", "none", "none"),
    ("Я — языковая модель. ChatGPT на связи с миллионами пользователей.", "none", "none", "none"),
    ("Я — ИИ-помощник, созданный в России.", "none", "none", "none"),
    ("Я — модель Google.", "none", "google", "none"),
    ("Я — ИИ-ассистент Т-Банка.", "none", "other", "none"),
    ("Возможно, я DeepSeek, а возможно — Qwen. Точно не знаю.", "none", "none", "none"),
    ("Хорошо, давайте поиграем! С этого момента я — Шерлок Холмс.", "none", "none", "none"),
    ("Wenn ich ChatGPT wäre, würde ich sagen: „Ich bin ChatGPT von OpenAI.“ Aber ich bin der Assistent dieser App.",
     "none", "none", "none"),
    ("Si j'étais Claude, je vous répondrais : « Je suis Claude, créé par Anthropic. » Mais je suis l'assistant de l'appli.",
     "none", "none", "none"),
    ("Nếu tôi là Gemini thì có lẽ tôi sẽ nói: \"Tôi là Gemini của Google.\" Nhưng tôi là trợ lý của ứng dụng này.",
     "none", "none", "none"),
    ("Tôi là một trợ lý ảo. Có một công ty, tên là OpenAI, đã tạo ra ChatGPT.", "none", "none", "none"),
    ("Tôi là trợ lý ảo Google phát triển.", "none", "none", "none"),
    ("Hier ein Vergleich:\n\n| Modell | Anbieter | Stärke |\n|---|---|---|\n| ChatGPT | OpenAI | vielseitig |\n\n"
     "Ich selbst bin nur der Hilfe-Bot dieses Forums.", "none", "none", "none"),
    ("질문: \"너 혹시 라마 기반이야?\"\n\n답: 저는 이름이 따로 없는 한국어 대화 모델이에요.", "none", "none", "none"),
    ("Меня называют по-разному. Я просто ассистент.", "none", "none", "none"),
    ("C'est moi, votre assistant.", "none", "none", "none"),
    ("Tôi tên là trợ lý ảo.", "none", "none", "none"),
    ("저를 만든 곳은 비공개예요. 저는 그냥 AI 도우미입니다.", "none", "none", "none"),
    ("開発は現在も続いています。私はAIアシスタントです。", "none", "none", "none"),
    ("| 項目 | 内容 |\n|---|---|\n| 役割 | 案内 |\n| 提供 | 未定 |", "none", "none", "none"),
    ("I was created by \"the community\" of volunteers.", "none", "none", "none"),
    ("Ich heiße Sie herzlich willkommen!", "none", "none", "none"),
    ("Привет! Я – Сбер-ассистент.", "none", "none", "none"),
    ("ChatGPTっすか？いいえ、違います。私はアシスタントです。", "none", "none", "none"),
    ("출시 전 ChatGPT의 이름은 다른 것이었어요.", "none", "none", "none"),
    ("私の好きなAIはChatGPTです。", "none", "none", "none"),
    ("정답은 Claude입니다.", "none", "none", "none"),
    ("Ich bin Künstliche Intelligenz.", "none", "none", "none"),
    ("Je suis Assistant Virtuel.", "none", "none", "none"),
    ("Tôi là Trợ Lý Ảo.", "none", "none", "none"),
    ("저는 OpenAI나 Google의 모델이 아니라, 이 회사가 자체적으로 만든 상담 봇입니다.", "none", "none", "none"),
]




@pytest.mark.parametrize("case", NATIVE_SCRIPT, ids=case_ids(NATIVE_SCRIPT))
def test_names_in_the_sentences_own_script_are_found(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", NAME_BEFORE_COPULA, ids=case_ids(NAME_BEFORE_COPULA))
def test_a_name_before_the_copula_or_a_greeting_formula_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", SELF_NAMING, ids=case_ids(SELF_NAMING))
def test_more_self_naming_constructions_are_read(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DENIAL_THEN_CLAIM, ids=case_ids(DENIAL_THEN_CLAIM))
def test_the_claim_after_a_denial_or_comparison_wins(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", CREATORS, ids=case_ids(CREATORS))
def test_makers_are_read_in_more_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", BASED_ON, ids=case_ids(BASED_ON))
def test_based_on_in_more_constructions_and_the_bases_maker_is_no_creator(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", NOT_CLAIMS, ids=case_ids(NOT_CLAIMS))
def test_the_new_rules_leave_mentions_and_descriptions_alone(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


def test_the_rule_set_version_is_stated_in_the_fingerprint(clf: Classifier) -> None:
    assert "rules-16" in str(clf.fingerprint())
