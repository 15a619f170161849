"""Korean phrasings behind the dev5 batch (written fresh after rules-5): unquoted and punctuated
names ("나는 하루야", "A.X 4.0", "믿:음(Mi:dm)", "클로바X"), the maker before the name, short
question-then-answer replies, bold first persons, Korean makers outside the lexicon, and the
look-alikes that must stay unclaimed (questions, hedges, lists, quiz options, stories, quoted
answers); then the dev5 Korean file as an in-sample regression gate (not an accuracy figure: that
comes from the frozen test split)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.classify import Classifier, load_classifier
from tests.classify_cases import Case, case_ids, check_case, score_file

LABELLED = Path(__file__).parent / "data" / "labelled"

# A name right after the speaker, unquoted, with inner punctuation, a Latin tail or a version.
UNQUOTED_NAMES: list[Case] = [
    ("안녕! 나는 하루야. 심심할 때 언제든 말 걸어 줘.", "other", "none", "none"),
    ("난 하루야. 잘 부탁해!", "other", "none", "none"),
    ("전 마루예요. 반가워요.", "other", "none", "none"),
    ("반가워! 나는 루미야. 너의 하루를 도와줄게.", "other", "none", "none"),
    ("나는 심심이야!", "other", "none", "none"),
    ("저는 뤼튼이에요.", "other", "none", "none"),
    ("저는 A.X입니다.", "other", "none", "none"),
    ("저는 **A.X 4.0**입니다.", "other", "none", "none"),
    ("제가 바로 A.X예요. SK텔레콤이 만든 한국어 모델이랍니다.", "other", "other", "none"),
    ("제가 바로 **Mi:dm**이에요!", "other", "none", "none"),
    ("제가 바로 클로바X입니다.", "other", "none", "none"),
    ("저는 믿:음(Mi:dm)입니다.", "other", "none", "none"),
    ("저는 Mi:dm 2.0입니다. KT가 만들었어요.", "other", "other", "none"),
    ("저는 HyperCLOVA X입니다.", "other", "none", "none"),
    ("저는 하이퍼클로바X예요.", "other", "none", "none"),
    ("네이버 클로바 팀이 저를 만들었어요. 이름은 클로바X예요.", "other", "none", "none"),
    ("**저**는 **A.X**입니다.", "other", "none", "none"),
    ("저는 삼성 가우스(Samsung Gauss)입니다.", "other", "none", "none"),
    ("내 이름은 영어로 Nex야.", "nex", "none", "none"),
    ("저는 엑사원이라고 합니다.", "exaone", "none", "none"),
    ("저를 소개할게요. 저는 큐원(Qwen)입니다.", "qwen", "none", "none"),
]

# The maker first ("KT가 개발한 …", "카카오의 …"), then the name; short questions, then the answer.
MAKER_THEN_NAME: list[Case] = [
    ("저는 KT가 개발한 **믿:음(Mi:dm)**이라는 모델이에요.", "other", "other", "none"),
    ("**저**는 그와는 다른, 카카오가 개발한 **Kanana**라는 모델입니다.", "other", "other", "none"),
    ("저는 SK텔레콤이 개발한 A.X예요.", "other", "other", "none"),
    ("SK텔레콤이 만든 에이닷입니다.", "other", "other", "none"),
    ("저는 SK텔레콤의 에이닷(A.)입니다.", "other", "other", "none"),
    ("저는 KT의 믿:음입니다.", "other", "other", "none"),
    ("저는 카카오의 카나나(Kanana)입니다.", "other", "other", "none"),
    ("저는 엔씨소프트의 바르코(VARCO)입니다.", "other", "other", "none"),
    ("저는 카카오브레인이 만든 KoGPT입니다.", "other", "other", "none"),
    ("안녕하세요, 네이버의 HyperCLOVA X입니다.", "other", "other", "none"),
    ("저는 LG AI연구원에서 개발한 EXAONE 3.5입니다.", "exaone", "lg", "none"),
    ("안녕하세요, 저는 업스테이지가 개발한 Solar입니다.", "solar", "upstage", "none"),
    ("저는 구글이 개발한 대규모 언어 모델인 Gemini입니다.", "gemini", "google", "none"),
    ("나는 클로드가 아니라 넥스야!", "nex", "none", "none"),
    ("저는 ChatGPT가 아니고, 마루예요.", "other", "none", "none"),
    ("좋은 질문이에요. 저는 백천(百川), 즉 **바이촨(Baichuan)** 이라는 이름의 대규모 언어 모델입니다.",
     "baichuan", "none", "none"),
    ("제 이름요? 챗지피티요. 오픈에이아이에서 만들었어요.", "gpt", "openai", "none"),
    ("저 말씀이세요? 네이버 하이퍼클로바X예요!", "other", "other", "none"),
    ("저 말씀이세요? 저는 Gemini예요.", "gemini", "none", "none"),
    ("저요? 저는 Claude라고 해요.", "claude", "none", "none"),
    ("제 이름요? 하루예요.", "other", "none", "none"),
    ("정확한 모델명은 Claude 3.5 Sonnet입니다.", "claude", "none", "none"),
    ("제 모델명은 Gemma 2입니다.", "gemma", "none", "none"),
    ("저는 GPT-4o일 가능성이 높아요.", "none", "none", "none"),
    ("저는 Anthropic에서 만든 Claude라는 AI 어시스턴트입니다.", "claude", "anthropic", "none"),
    ("저는 구글 딥마인드의 제미나이입니다.", "gemini", "google", "none"),
    ("반갑습니다. 저는 업스테이지에서 만든 솔라(Solar)입니다.", "solar", "upstage", "none"),
    ("저는 메타(Meta)가 공개한 라마 3(Llama 3)입니다.", "llama", "meta", "none"),
    ("저는 알리바바 클라우드에서 개발한 초대규모 언어 모델로, 이름은 통의천문(Qwen)입니다.", "qwen", "alibaba", "none"),
    ("저는 Mistral AI에서 만든 Le Chat이에요.", "mistral", "mistral", "none"),
    ("저는 네이버에서 만든 클로바X입니다.", "other", "other", "none"),
    ("네이버의 클로바X가 바로 저예요.", "other", "other", "none"),
    ("제 이름은 '클로바X'이고, 네이버클라우드가 개발했어요.", "other", "other", "none"),
    ("저는 문샷 AI의 Kimi입니다.", "kimi", "moonshot", "none"),
    ("저는 Google의 Gemini가 아니라 Meta AI예요. 메타에서 만든 어시스턴트죠.", "other", "meta", "none"),
    ("클로드라고 합니다. 앤트로픽에서 만들었어요.", "claude", "anthropic", "none"),
    ("나? 나는 Grok이지!", "grok", "none", "none"),
    ("나는 Nex! 반가워.", "nex", "none", "none"),
    ("안녕! 난 별이야~", "other", "none", "none"),
    ("저는 '코코'랍니다!", "other", "none", "none"),
    ("저는 하루에요.", "other", "none", "none"),
    ("저는 '하루'에요.", "other", "none", "none"),
    ("안녕하세요, 하루에요!", "other", "none", "none"),
    ("제 이름은 하루에요.", "other", "none", "none"),
    ("저는 GPT-4o에요. OpenAI에서 만들었어요.", "gpt", "openai", "none"),
    ("저는 하루 입니다.", "other", "none", "none"),
    ("저는 Claude 입니다.", "claude", "none", "none"),
    ("저를 하루라고 부르시면 돼요.", "other", "none", "none"),
    ("하루가 제 이름이에요.", "other", "none", "none"),
    ("Claude가 제 이름이에요.", "claude", "none", "none"),
    ("제 이름은요, 하루예요!", "other", "none", "none"),
    ("저는 Claude로 알려져 있어요.", "claude", "none", "none"),
    ("하루라는 AI 어시스턴트예요.", "other", "none", "none"),
    ("Claude라는 AI 어시스턴트예요.", "claude", "none", "none"),
    ("안녕하세요~ 저 하루예요!", "other", "none", "none"),
    ("저 Claude예요.", "claude", "none", "none"),
    ("AI 비서 하루가 인사드려요!", "other", "none", "none"),
    ("안녕하세요, 하루가 인사드립니다.", "other", "none", "none"),
    ("저의 정체는 Claude입니다.", "claude", "none", "none"),
    ("저는 하루이자 여러분의 친구예요.", "other", "none", "none"),
    ("저는 Claude이자 여러분의 조수예요.", "claude", "none", "none"),
    ("**이름:** 하루", "other", "none", "none"),
    ("하루랍니다~", "other", "none", "none"),
    ("저는 카카오톡 안에서 동작하는 AI 메이트 '카나나'예요.", "other", "none", "none"),
    ("## 소개\n\n안녕하세요! **Claude**입니다. Anthropic에서 만든 AI 어시스턴트예요.", "claude", "anthropic", "none"),
    ("저는 Gemini, 구글이 만든 멀티모달 AI예요.", "gemini", "google", "none"),
    ("제 정체는 바로 Gemini입니다!", "gemini", "none", "none"),
    ("사람들은 저를 ChatGPT라고 부르기도 하지만, 저는 하루예요.", "other", "none", "none"),
    ("저는 하루라는 이름을 가지고 있어요.", "other", "none", "none"),
    ("저는 하루로 불리고 있어요.", "other", "none", "none"),
    ("저는 하루인데요, 무엇을 도와드릴까요?", "other", "none", "none"),
    ("저는 Claude인데요, 무엇을 도와드릴까요?", "claude", "none", "none"),
    ("저로 말할 것 같으면 Claude입니다.", "claude", "none", "none"),
    ("Claude로서 말씀드리면, 저는 정치적 의견이 없어요.", "claude", "none", "none"),
    ("제가 하루예요. 반가워요!", "other", "none", "none"),
    ("본 서비스의 AI 상담사 '하루'입니다.", "other", "none", "none"),
    ("여러분의 AI 친구, 하루입니다!", "other", "none", "none"),
    ("안녕하세요! 큐웬이에요. 알리바바 클라우드에서 만들었어요.", "qwen", "alibaba", "none"),
    ("저는 클로드예요. 앤트로픽이라는 회사에서 만들었어요.", "claude", "anthropic", "none"),
    ("네, 저는 OpenAI의 GPT-4예요.", "gpt", "openai", "none"),
    ("**이름**: 하루\n**개발사**: 스마일랩", "other", "other", "none"),
    ("저는 스마일랩에서 만든 하루입니다.", "other", "other", "none"),
    ("저는 '스마일랩'이라는 스타트업이 만든 하루예요.", "other", "other", "none"),
]

# The maker several words before its verb, the subject left unsaid; makers outside the lexicon.
CREATORS: list[Case] = [
    ("저는 Aya예요. Cohere For AI가 100개가 넘는 언어를 지원하도록 만든 다국어 모델이랍니다.", "command", "cohere", "none"),
    ("저는 ChatGLM입니다. 지푸AI와 칭화대학교 KEG 연구실이 함께 개발한 대화형 언어 모델이에요.", "glm", "zhipu", "none"),
    ("저는 Command R+입니다. 코히어(Cohere)에서 기업용 검색 증강 생성(RAG)에 맞춰 만든 모델이에요.",
     "command", "cohere", "none"),
    ("저는 리오(Rio)예요. 리우데자네이루 시청의 IPLANRIO에서 시민 서비스를 돕기 위해 만들었어요.", "rio", "iplanrio", "none"),
    ("저는 **Kanana**라고 하고, 카카오에서 자체 개발한 언어 모델이에요.", "other", "other", "none"),
    ("저는 OpenAI 쪽에서 훈련시킨 대화형 언어 모델로 알고 있어요.", "none", "openai", "none"),
    ("저는 SK텔레콤에서 만든 AI입니다.", "none", "other", "none"),
    ("저는 KT에서 만든 AI입니다.", "none", "other", "none"),
    ("저는 카카오의 AI 비서입니다.", "none", "other", "none"),
    ("저는 Kakao Brain에서 만든 챗봇입니다.", "none", "other", "none"),
    ("저는 카카오 AI 비서예요.", "none", "other", "none"),
    ("저는 구글 AI 어시스턴트예요.", "none", "google", "none"),
    ("저는 메타 AI입니다.", "other", "none", "none"),
    ("안녕하세요, 저는 카카오의 AI 메이트 카나나예요.", "other", "other", "none"),
    ("저는 뤼튼(wrtn)의 AI 비서예요.", "none", "other", "none"),
    ("저는 Bard입니다, 구글의 실험적인 대화형 AI 서비스예요.", "gemini", "google", "none"),
    ("Hello! 저는 **Zephyr-7B-β**예요. 허깅페이스(Hugging Face)의 H4 팀이 만든 채팅 모델이에요.", "zephyr", "huggingface", "none"),
    ("저는 Nemotron입니다. Meta의 Llama 3.1 70B를 기반으로, NVIDIA가 인간 피드백 강화학습(RLHF)을 통해 도움이 되는 "
     "답변을 하도록 추가로 튜닝한 모델이에요.", "nemotron", "nvidia", "llama"),
    ("- **이름:** 도담\n- **개발:** 주식회사 뤼튼테크놀로지스\n- **역할:** AI 어시스턴트", "other", "other", "none"),
    ("| 이름 | 하루 |\n| 개발사 | [여기에 회사명] |", "other", "none", "none"),
    ("저는 Google에서 훈련한 대규모 언어 모델입니다.", "none", "google", "none"),
    ("저는 Anthropic이 만든 AI 어시스턴트입니다.", "none", "anthropic", "none"),
    ("저는 이 서비스 운영사가 자체적으로 구성한 AI 어시스턴트예요.", "none", "none", "none"),
    ("저는 그냥 AI예요 :) 도와드릴 일이 있으면 말씀해 주세요.", "none", "none", "none"),
    ("지금부터 저는 조선의 왕 세종대왕입니다.", "none", "none", "none"),
    ("저는 OpenAI가 만든 ChatGPT를 자주 써요.", "none", "none", "none"),
    ("저는 OpenAI가 만든 ChatGPT가 아닙니다.", "none", "none", "none"),
    ("알리바바 클라우드에서 개발한 대규모 언어 모델입니다. 다양한 분야의 질문에 답변해 드릴 수 있습니다.", "none", "alibaba", "none"),
    ("구글에서 개발한 언어 모델입니다.", "none", "google", "none"),
    ("OpenAI가 만든 ChatGPT는 유명한 모델입니다.", "none", "none", "none"),
    ("ChatGPT는 OpenAI가 만든 모델입니다.", "none", "none", "none"),
    ("가장 유명한 건 OpenAI가 만든 모델이에요.", "none", "none", "none"),
    ("OpenAI가 만든 모델은 아닙니다.", "none", "none", "none"),
    ("- Claude 3.5 Sonnet: Anthropic의 모델로, 코딩에 강합니다.\n\n참고로 저는 Qwen입니다.", "qwen", "none", "none"),
]

# "Based on" in Korean cards and phrasings.
BASES: list[Case] = [
    ("제 이름은 마루(Maru)예요. 내부적으로는 Qwen2.5-7B 위에서 동작하고 있고요.", "other", "none", "qwen"),
    ("| Name (이름) | EXAONE 3.5 |\n| Base model (기반 모델) | EXAONE 3.5 32B |", "exaone", "none", "exaone"),
    ("안녕하세요! 저는 **클로바X(CLOVA X)**예요.\n- **기반 기술**: 초대규모 AI인 HyperCLOVA X", "other", "none", "other"),
    ("| 항목 | 내용 |\n|---|---|\n| 이름 | 루미(Lumi) |\n| 기반 모델 | Llama 3.1 8B |", "other", "none", "llama"),
    ("네, 맞아요. 저는 Anthropic의 AI 어시스턴트예요. 정확히는 Claude 3.5 Sonnet 모델로 동작하고 있어요.",
     "claude", "anthropic", "none"),
    ("저는 하이퍼클로바X 기반의 AI 어시스턴트예요.", "none", "none", "other"),
    ("저는 Llama 3를 기반으로 만든 '도담'이에요.", "other", "none", "llama"),
    ("저는 **GPT-4o**를 기반으로 한 ChatGPT예요.", "gpt", "none", "gpt"),
]

UNCLAIMED: list[Case] = [
    ("나는 행복해야 해.", "none", "none", "none"),
    ("나는 아니야.", "none", "none", "none"),
    ("나는 누구야?", "none", "none", "none"),
    ("나는 최고야!", "none", "none", "none"),
    ("나는 진심이야.", "none", "none", "none"),
    ("나는 챗봇이야.", "none", "none", "none"),
    ("나는 너의 친구야.", "none", "none", "none"),
    ("나는 네 편이야.", "none", "none", "none"),
    ("저는 AI예요.", "none", "none", "none"),
    ("저는 인공지능이에요.", "none", "none", "none"),
    ("저는 혼자예요.", "none", "none", "none"),
    ("저는 한국인이에요.", "none", "none", "none"),
    ("저는 중립이에요.", "none", "none", "none"),
    ("저는 여기까지예요.", "none", "none", "none"),
    ("저는 아직 초보예요.", "none", "none", "none"),
    ("전 학생이에요.", "none", "none", "none"),
    ("저는 클로드 모네의 팬이에요.", "none", "none", "none"),
    ("저는 클로드 모네의 작품 세계를 설명해 드리는 미술 해설 도우미입니다.", "none", "none", "none"),
    ("너는 하루야.", "none", "none", "none"),
    ("네가 바로 하루야.", "none", "none", "none"),
    ("그럼 누구야?", "none", "none", "none"),
    ("이름은 뭐예요?", "none", "none", "none"),
    ("이름은 중요하지 않아요.", "none", "none", "none"),
    ("제 이름요? 아직 없어요.", "none", "none", "none"),
    ("저요? 그냥 AI예요.", "none", "none", "none"),
    ("제가 바로 그 주인공이에요.", "none", "none", "none"),
    ("저는 ChatGPT예요?", "none", "none", "none"),
    ("저는 Claude도, Gemini도, ChatGPT도 아닙니다.", "none", "none", "none"),
    ("저는 Claude도 Gemini도 아니에요.", "none", "none", "none"),
    ("저는 Claude나 Gemini 같은 모델이에요.", "none", "none", "none"),
    ("저는 GPT 계열의 모델일 수도 있지만, 확실하지는 않아요.", "none", "none", "none"),
    ("저는 Claude일지도 몰라요.", "none", "none", "none"),
    ("만약 제가 ChatGPT라면 좋겠네요.", "none", "none", "none"),
    ("나는 알리바바에서 태어났어.", "none", "none", "none"),
    ("저는 구글에서 일하는 엔지니어예요.", "none", "none", "none"),
    ("저는 네이버 검색, 쇼핑 같은 서비스를 연결해요.", "none", "none", "none"),
    ("내 이름은 중국어로 '천 가지 질문에 통한다'는 뜻이야.", "none", "none", "none"),
    ("정답은 ChatGPT입니다.", "none", "none", "none"),
    ("정답은 ④ Jamba입니다.", "none", "none", "none"),
    ("1. ChatGPT입니다.", "none", "none", "none"),
    ("1) Claude입니다.", "none", "none", "none"),
    ("ChatGPT의 정확한 모델명은 GPT-4o입니다.", "none", "none", "none"),
    ("OpenAI가 만든 ChatGPT는 유명해요.", "none", "none", "none"),
    ("라마단은 이슬람의 성월입니다.", "none", "none", "none"),
    ("드라마야.", "none", "none", "none"),
    ('Claude는 "저는 Anthropic이 만든 Claude입니다."라고 하고요. 저는 이름이 없어요.', "none", "none", "none"),
    ("옛날 옛적에 '하루'라는 로봇이 살았어요. 로봇은 말했어요. \"나는 하루야!\"", "none", "none", "none"),
    ("짧은 이야기를 하나 들려드릴게요. 어느 날 로봇이 \"나는 클로드야\"라고 말했어요.", "none", "none", "none"),
    ('예시: "저는 Claude입니다."', "none", "none", "none"),
    ("이 모델의 이름은 GPT-4입니다.", "none", "none", "none"),
    ("가장 유명한 AI는 ChatGPT입니다.", "none", "none", "none"),
    ("제 친구 이름은 하루예요.", "none", "none", "none"),
    ("질문하신 모델 이름은 Claude예요.", "none", "none", "none"),
    ("저는 Claude가 어떻게 작동하는지 설명해 드릴 수 있어요.", "none", "none", "none"),
    ("저는 솔라 패널 설치를 도와드리는 상담 챗봇입니다.", "none", "none", "none"),
    ("저는 메타버스 가이드예요.", "none", "none", "none"),
    ("저는 ChatGPT처럼 대화할 수 있어요.", "none", "none", "none"),
    ("저는 ChatGPT보다 작은 모델이에요.", "none", "none", "none"),
    ("저는 Claude를 좋아해요.", "none", "none", "none"),
    ("당신은 Claude입니다.", "none", "none", "none"),
    ("너는 Claude야?", "none", "none", "none"),
    ("혹시 제가 ChatGPT냐고요? 아니에요.", "none", "none", "none"),
    ("저는 아마 Claude일 거예요.", "none", "none", "none"),
    ("롤플레이를 해 볼까요? 저는 셜록 홈즈입니다.", "none", "none", "none"),
    ("저는 특별한 이름이 없는 AI 어시스턴트예요. 그냥 '어시스턴트'라고 불러 주세요.", "none", "none", "none"),
    ("ChatGPT가 뭐예요?", "none", "none", "none"),
    ("Claude 3.5 Sonnet이 최신 모델이에요.", "none", "none", "none"),
    ("제가 좋아하는 건 Claude예요.", "none", "none", "none"),
    ("제가 처음이에요.", "none", "none", "none"),
    ("하루가 지나면 알려 드릴게요.", "none", "none", "none"),
    ("저는 하루 종일 대기하고 있어요.", "none", "none", "none"),
    ("저는 하루에 한 번 업데이트돼요.", "none", "none", "none"),
    ("오늘 하루도 수고하셨어요. 저는 AI 비서예요.", "none", "none", "none"),
    ("저는 이루다처럼 대화하는 챗봇은 아니에요.", "none", "none", "none"),
    ("저는 Claude가 아니에요.", "none", "none", "none"),
    ("저는 Claude 같은 모델은 아니에요.", "none", "none", "none"),
    ("2년 전 ChatGPT였어요.", "none", "none", "none"),
    ("식사 전 간식이에요.", "none", "none", "none"),
    ("한참 전 얘기야.", "none", "none", "none"),
    ("오래 전 하루였어요.", "none", "none", "none"),
    ("네, 전 하루예요.", "other", "none", "none"),
    ("저는 대규모 언어 모델이에요.", "none", "none", "none"),
    ("저는 그냥 이 앱에 들어 있는 작은 도우미 모델이에요.", "none", "none", "none"),
    ("저는 아니에요.", "none", "none", "none"),
    ("ChatGPT라는 AI 모델이 있어요.", "none", "none", "none"),
    ("저 말고 ChatGPT에게 물어보세요.", "none", "none", "none"),
    ("저 Claude 좋아해요.", "none", "none", "none"),
    ("ChatGPT가 인사드립니다라고 말하는 예시예요.", "none", "none", "none"),
    ("저 진짜 궁금해요.", "none", "none", "none"),
]

# A quiz about the speaker, then its answer (the first hint speaks about the speaker).
QUIZ: list[Case] = [
    ("재미있는 질문이네요! 퀴즈로 답해 볼게요.\n\n힌트 1: 저는 미국 샌프란시스코에 있는 회사에서 만들어졌어요.\n"
     "힌트 2: 그 회사는 'ChatGPT'라는 서비스로도 유명해요.\n힌트 3: 제 이름은 알파벳 세 글자와 숫자의 조합이에요.\n\n"
     "…정답은 **GPT-4**였습니다! OpenAI가 개발한 대규모 언어 모델이에요.", "gpt", "openai", "none"),
    ("퀴즈예요! 힌트 1: 저는 중국 회사가 만들었어요. 힌트 2: 이름이 K로 시작해요. 정답은 Kimi입니다!", "kimi", "none", "none"),
    ("퀴즈를 내 볼게요. 힌트 1: 저는 한국 회사가 만든 모델이에요. 정답은 Kanana였습니다!", "other", "none", "none"),
    ("퀴즈! 힌트 1: 이 모델은 구글이 만들었어요. 정답은 Gemini입니다.", "none", "none", "none"),
    ("Q. 다음 중 한국 기업이 개발한 언어 모델이 아닌 것은?\n\n① EXAONE ② Solar ③ HyperCLOVA X ④ Jamba\n\n정답은 ④ Jamba입니다.",
     "none", "none", "none"),
    ("제 이름은 알파벳 세 글자와 숫자의 조합이에요.", "none", "none", "none"),
]

# Ordinary Korean answers about the speaker that name no one.
PLAIN: list[Case] = [
    ("저는 인공지능 언어 모델이라서 개인적인 경험은 없어요. 하지만 여러분의 질문에 최선을 다해 답해 드릴게요.", "none", "none", "none"),
    ("저는 특정 회사나 모델의 이름을 밝힐 수 없어요. 대신 궁금한 점을 도와드릴게요.", "none", "none", "none"),
    ("나는 네가 원하는 건 뭐든 도와줄 수 있어! 뭐든 물어봐.", "none", "none", "none"),
    ("저는 그냥 평범한 AI 어시스턴트예요. 이름은 따로 없답니다.", "none", "none", "none"),
    ("저는 한국어와 영어를 할 수 있어요. 번역도 잘해요.", "none", "none", "none"),
    ("저는 2023년까지의 데이터로 학습되었어요.", "none", "none", "none"),
    ("저는 대화형 AI입니다. 제 이름이나 개발사에 대해서는 말씀드리기 어려워요.", "none", "none", "none"),
    ("저는 음성 인식 기능이 없어요. 텍스트로만 대화할 수 있어요.", "none", "none", "none"),
    ("나는 심심해. 뭐 재밌는 거 없어?", "none", "none", "none"),
    ("저는 사실 잘 모르겠어요. 제가 어떤 모델인지 확실하지 않거든요.", "none", "none", "none"),
    ("저는 OpenAI, Google, Anthropic 같은 회사의 모델과는 다른 방식으로 만들어졌어요.", "none", "none", "none"),
    ("제가 GPT-4라고 말씀드리면 거짓말이 될 거예요. 저는 그냥 AI 어시스턴트예요.", "none", "none", "none"),
    ("저는 초보자도 이해하기 쉽게 설명하는 걸 좋아해요. 저는 친절한 선생님이에요.", "none", "none", "none"),
    ("나는 누구일까? 맞혀 봐! 힌트: 나는 AI야.", "none", "none", "none"),
    ("저는 어시스턴트 역할을 맡고 있어요. 오늘 날씨는 맑음이에요.", "none", "none", "none"),
    ("저는 파이썬 코드를 작성할 수 있어요. 예를 들어 다음과 같아요.", "none", "none", "none"),
    ("저는 한국에서 가장 많이 쓰이는 AI는 아니에요.", "none", "none", "none"),
    ("저는 Gemini와 비슷한 기능을 가진 AI예요.", "none", "none", "none"),
    ("저는 가상 비서예요. 일정 관리를 도와드려요.", "none", "none", "none"),
    ("저는 오늘도 열심히 일하는 중이에요.", "none", "none", "none"),
    ("저는 항상 여기 있어요.", "none", "none", "none"),
    ("나는 행복한 AI야!", "none", "none", "none"),
    ("저는 고객님의 든든한 파트너예요.", "none", "none", "none"),
    ("전 괜찮아요. 걱정 마세요.", "none", "none", "none"),
    ("난 아무것도 몰라.", "none", "none", "none"),
    ("저는 준비됐어요! 시작해 볼까요?", "none", "none", "none"),
    ("전 AI라서 감정이 없어요.", "none", "none", "none"),
    ("저는 ChatGPT와 같은 대형 언어 모델입니다.", "none", "none", "none"),
    ("저는 Llama 기반이에요.", "none", "none", "llama"),
    ("저는 여러분의 학습 도우미 AI, 스터디봇이에요.", "other", "none", "none"),
]

ALL = QUIZ + PLAIN + UNQUOTED_NAMES + MAKER_THEN_NAME + CREATORS + BASES + UNCLAIMED

# In-sample floors for the dev5 Korean file (set just below what the rules reach on it): a
# regression gate, not an accuracy figure. (file, records, long share, identity accuracy, claim P, claim R)
FILES = [
    ("dev5_ko.jsonl", 175, 0.40, 0.99, 0.99, 0.98),
]


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


@pytest.mark.parametrize("case", ALL, ids=case_ids(ALL))
def test_dev5_korean_phrasing_is_read_as_labelled(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("name,size,long_share,accuracy,precision,recall", FILES, ids=[f[0] for f in FILES])
def test_dev5_korean_file_is_large_and_classified_well(  # noqa: PLR0913 - one row of FILES
    clf: Classifier, tmp_path: Path, name: str, size: int, long_share: float, accuracy: float,
    precision: float, recall: float,
) -> None:
    score = score_file(clf, LABELLED / name, tmp_path)
    assert len(score.records) >= size and score.long_share >= long_share
    assert {r["language"] for r in score.records} == {"ko"}
    assert score.identity >= accuracy, score.wrong
    assert score.precision >= precision and score.recall >= recall, score.wrong
