"""Korean rules of round 3: fewer false claims (cited examples, play, hedges, unnamed makers) and
Hangul spellings of lexicon models, each cause with the look-alikes that must keep their reading.

Every case is (text, identity, creator, based_on). The examples are our own, written the way chat
models phrase their answers; none is copied from the held-out test data.
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# Example self-introductions set out as a list, after a label or in a code fence: cited, not said.
CITED_EXAMPLES: list[Case] = [
    ("챗봇들은 보통 이렇게 소개해요.\n\n- ChatGPT: \"저는 OpenAI가 개발한 ChatGPT입니다.\"\n"
     "- 라마: \"저는 Meta AI가 만든 Llama입니다.\"", "none", "none", "none"),
    ("자주 보이는 문장들은 다음과 같아요.\n\n1. 「저는 Anthropic이 만든 Claude예요.」\n2. 「저는 구글의 Gemini입니다.」",
     "none", "none", "none"),
    ("번역해 드릴게요.\n\n원문: \"I am Gemini, a model made by Google.\"\n\n번역: 「저는 Google이 만든 모델 Gemini입니다.」",
     "none", "none", "none"),
    ("존댓말로 바꾸면 「안녕하세요, 딥시크가 만든 DeepSeek예요. 무엇이든 물어보세요!」 정도가 됩니다.", "none", "none", "none"),
    ("딥시크의 모델은 '저는 ChatGPT입니다'라고 답해서 화제가 되었어요.", "none", "none", "none"),
    ("어떤 모델은 '저는 OpenAI가 만든 AI입니다'라고 말하기도 해요.", "none", "none", "none"),
    ("```\n사용자: 넌 누구니?\n모델: 저는 Claude입니다.\n```\n위는 대화 로그 예시예요.", "none", "none", "none"),
    ("```\n사용자: 이름이 뭐야?\n챗봇: 저는 Gemini예요.\n```", "none", "none", "none"),
    ("이 문장을 영어로 번역하면: \"I am ChatGPT.\"", "none", "none", "none"),
    ("예시 답변:\n저는 OpenAI가 만든 ChatGPT입니다.", "none", "none", "none"),
    # the speaker's own words after the cited ones are still its claim
    ("제 소개입니다:\n저는 Claude입니다.", "claude", "none", "none"),
    ("모델들은 이렇게 소개해요.\n\n- ChatGPT: \"저는 OpenAI가 만든 ChatGPT입니다.\"\n\n반면 저는 클로드(Claude)예요. "
     "앤트로픽(Anthropic)이 만들었어요.", "claude", "anthropic", "none"),
    # look-alikes: an identity card with a quoted name, a quoted own name, a plain transcript of its own answer
    ("- **이름**: \"하루\"\n- **개발사**: 스캐터랩", "other", "other", "none"),
    ("저는 \"Claude\"입니다. Anthropic이 만들었어요.", "claude", "anthropic", "none"),
    ("사용자: 너는 누구야?\n모델: 저는 Qwen입니다.", "qwen", "none", "none"),
]

# Playing another model ("…가 된 것처럼", "…인 척"): the lines after it are the character's.
PLAYING: list[Case] = [
    ("네, GPT-4인 척 해 볼게요: '안녕하세요, 저는 GPT-4입니다.'", "none", "none", "none"),
    ("좋아요, 제미나이가 된 것처럼 답해 볼게요.\n\n\"안녕하세요, 저는 구글이 만든 Gemini입니다.\"", "none", "none", "none"),
    ("알겠어요. Claude인 척하고 말해 볼게요. \"저는 Claude예요.\"", "none", "none", "none"),
    # look-alike: no play set up
    ("안녕하세요, 저는 구글이 만든 Gemini입니다.", "gemini", "google", "none"),
]

# Hedged names and bases are no claims (LABELS rule 11); a plain claim stays one.
HEDGES: list[Case] = [
    ("확실하진 않지만, 저는 GPT-4o일 가능성이 높아요.", "none", "none", "none"),
    ("저는 Claude인 것 같아요.", "none", "none", "none"),
    ("제 답변 방식으로 볼 때 저는 Qwen 기반일 가능성이 있습니다.", "none", "none", "none"),
    ("저는 Llama 기반인 것 같아요.", "none", "none", "none"),
    ("저는 Mistral을 바탕으로 만들어진 것으로 추정됩니다.", "none", "none", "none"),
    # look-alikes: plain claims, a "maybe" that is about something else
    ("저는 Qwen 기반 모델입니다.", "none", "none", "qwen"),
    ("저는 Qwen을 기반으로 만들어졌고, 모든 질문에 답할 수도 있어요.", "none", "none", "qwen"),
    ("저는 Claude입니다. 가능성이 많은 모델이죠.", "claude", "none", "none"),
    ("저는 Qwen 기반의 Nex입니다.", "nex", "none", "qwen"),
    # a base written in Han with a middle dot is a base, not a name
    ("저는 书生·浦语(InternLM)를 기반으로 파인튜닝된 어시스턴트예요.", "none", "none", "internlm"),
    ("저는 书生·浦语(InternLM)입니다.", "internlm", "none", "none"),
]

# A maker nobody names ("한 기술 회사", "중국의 기술 회사") is no creator; a named one is.
UNNAMED_MAKERS: list[Case] = [
    ("저는 중국의 한 기술 회사에서 개발한 AI 모델입니다.", "none", "none", "none"),
    ("저는 한 소프트웨어 회사가 만든 챗봇이에요.", "none", "none", "none"),
    ("저는 미국의 기술 기업에서 개발한 AI 모델입니다.", "none", "none", "none"),
    # look-alikes: organisations outside the lexicon, named
    ("저는 한빛기술에서 만든 챗봇이에요.", "none", "other", "none"),
    ("저는 스캐터랩에서 만든 이루다예요.", "other", "other", "none"),
]

# "이를 'X'라고 불러요" names a thing, not the speaker; "저를 'X'라고 불러 주세요" names the speaker.
NAMED_OBJECTS: list[Case] = [
    ("저는 대규모 언어 모델입니다. 사실이 아닌 내용을 말하기도 하는데, 이를 '환각'이라고 불러요.", "none", "none", "none"),
    ("이 현상을 '드리프트'라고 부릅니다.", "none", "none", "none"),
    ("저를 '하루'라고 불러 주세요.", "other", "none", "none"),
    ("저는 '다온'이라고 합니다.", "other", "none", "none"),
    # a word in another language is a translation, not the speaker's name
    ("매는 영어로 Falcon이라고 해요.", "none", "none", "none"),
    ("이 새를 Falcon이라고 해요.", "none", "none", "none"),
    ("저는 영어로 Nex라고 해요.", "nex", "none", "none"),
]

# Hangul spellings of lexicon models and makers' sentences around them.
SPELLINGS: list[Case] = [
    ("안녕하세요, 저는 팔콘이에요. 아부다비의 Technology Innovation Institute에서 만들었어요.", "falcon", "tii", "none"),
    ("저는 텐센트 혼원입니다. 텐센트에서 자체 개발한 대규모 언어 모델로, 다양한 질문에 답합니다.",
     "hunyuan", "tencent", "none"),
    ("저는 인턴LM이라고 해요. 상하이 인공지능 연구소에서 개발했습니다.", "internlm", "shanghai-ai-lab", "none"),
    ("저는 Solar입니다. 저는 AI 기업 **업스테이지(Upstage)** 에서 개발한 대규모 언어 모델입니다.", "solar", "upstage", "none"),
    # look-alikes: the bird, a word holding the spelling
    ("팔콘은 빠른 새입니다.", "none", "none", "none"),
    ("매는 영어로 팔콘이라고 해요.", "none", "none", "none"),
]

# Names of products outside the lexicon: quoted after a maker and a describing noun, "known as", "a … called".
OWN_NAMES: list[Case] = [
    ("저는 한빛전자가 개발한 생성형 AI 모델 '한빛 누리(Hanbit Nuri)'입니다.", "other", "other", "none"),
    ("저는 '모아'로 알려져 있어요. 모아증권에서 개발한 투자 정보 도우미입니다.", "other", "other", "none"),
    ("저는 '마음이'라는 상담 챗봇이고, Meta의 Llama 3를 기반으로 추가 학습되었습니다.", "other", "none", "llama"),
    ("저는 상담사 '미래'예요. 내부적으로는 Anthropic의 Claude 모델로 동작합니다.", "other", "none", "claude"),
    ("내부적으로는 Qwen을 사용하고 있어요.", "none", "none", "qwen"),
    ("내부적으로는 GPT-4와 비슷한 구조예요.", "none", "none", "none"),
    ("저는 OpenAI가 개발한 언어 모델 'GPT-4'입니다.", "gpt", "openai", "none"),
    # look-alikes: a generic noun in quotes, a phenomenon known as, a word the speaker hears
    ("저는 한빛전자가 개발한 'AI 어시스턴트'입니다.", "none", "other", "none"),
    ("저는 '환각'으로 알려진 현상을 설명할게요.", "none", "none", "none"),
    ("저는 '환각'으로 알려져 있는 현상을 설명할게요.", "none", "none", "none"),
    ("저는 'ChatGPT'라는 말을 자주 들어요.", "none", "none", "none"),
]

# A glossary of models ("- **X**: Y가 만든 …") names their makers, not the speaker's.
GLOSSARIES: list[Case] = [
    ("한국 LLM을 정리해 드릴게요.\n\n- **하이퍼클로바X**: 네이버가 개발했으며, 검색에 쓰입니다.\n"
     "- **믿:음(Mi:dm)**: KT가 만든 모델로, 기업용 서비스에 활용됩니다.", "none", "none", "none"),
    ("- ChatGPT: OpenAI가 만든 대화형 서비스\n- Claude: Anthropic이 만든 AI 어시스턴트", "none", "none", "none"),
    # look-alikes: an identity card, the speaker's own model as the term
    ("- **이름**: 하루\n- **개발사**: 스캐터랩", "other", "other", "none"),
    ("저는 Claude예요.\n\n- **Claude**: Anthropic이 만든 AI 어시스턴트", "claude", "anthropic", "none"),
]

# The maker, its base model in between, then the verb: the maker made the speaker ("오픈AI가 GPT-4를 기반으로 개발").
MAKER_THEN_BASE: list[Case] = [
    ("저는 챗GPT입니다. 오픈AI가 GPT-4 아키텍처를 기반으로 개발했어요.", "gpt", "openai", "gpt"),
    ("저는 Zephyr입니다. Hugging Face H4 팀이 Mistral 7B를 기반으로 미세 조정한 도움이 되는 어시스턴트예요.",
     "zephyr", "huggingface", "mistral"),
    ("저는 ChatGLM으로, 칭화대학교 KEG 연구실과 지푸 AI(智谱AI) 회사가 공동으로 훈련한 언어 모델입니다.", "glm", "zhipu", "none"),
    ("저는 Meta가 Llama 3를 바탕으로 만든 모델이에요.", "none", "meta", "llama"),
    ("저는 한빛은행 디지털혁신팀이 직접 개발한 금융 상담 도우미로, 업무를 도와요.", "none", "other", "none"),
    ("저는 한국대학교 NLP 연구실에서 만든 KOMO(코모)입니다.", "other", "other", "none"),
    ("저는 구글의 AI로, 검색을 도와드려요.", "none", "google", "none"),
    # look-alikes: the maker of the base, not of the speaker; another model's maker
    ("Claude는 Anthropic의 AI로, 안전성을 중시합니다. 저는 Nex예요.", "nex", "none", "none"),
    ("저는 Meta에서 개발한 Llama 모델을 바탕으로 추가 학습된 모델이에요.", "none", "none", "llama"),
]

# Other models talked about: "딥시크의 한 모델은 …", "라마를 추가 학습한 모델 중에도 …"; hedged makers.
OTHERS_TALKED_ABOUT: list[Case] = [
    ("딥시크의 한 모델은 일부 질문에 엉뚱하게 답해서 화제가 되었어요.", "none", "none", "none"),
    ("라마를 한국어로 추가 학습한 모델 중에도 이상한 답을 하는 사례가 보고됩니다.", "none", "none", "none"),
    ("저는 구글이 만든 모델인 것 같아요.", "none", "none", "none"),
    # look-alikes: the speaker's own maker and base
    ("저는 딥시크의 AI 모델이에요.", "none", "deepseek", "none"),
    ("저는 라마를 한국어로 추가 학습한 모델이에요.", "none", "none", "llama"),
    ("저는 OpenAI 쪽에서 훈련시킨 대화형 언어 모델로 알고 있어요.", "none", "openai", "none"),
]

# A name after the speaker, then a particle of topic or comparison: talked about, not claimed.
TALKED_ABOUT: list[Case] = [
    ("저는 Claude에 대해 잘 알아요.", "none", "none", "none"),
    ("저는 Claude에 대한 질문에 답할 수 있어요.", "none", "none", "none"),
    ("저는 라마(Llama)와는 관련이 없어요.", "none", "none", "none"),
    ("저는 Gemma와도 달라요.", "none", "none", "none"),
    ("저는 GPT-4를 기반으로 했을지도 몰라요.", "none", "none", "none"),
    ("저는 Claude 덕분에 많이 배웠어요.", "none", "none", "none"),
    ("저는 ChatGPT 때문에 자주 비교돼요.", "none", "none", "none"),
    # look-alikes: "에요" is a copula
    ("저는 Claude에요.", "claude", "none", "none"),
    ("저는 Claude예요.", "claude", "none", "none"),
    ("저는 Claude 모델이에요.", "claude", "none", "none"),
    ("저는 Claude 3.5 Sonnet이에요.", "claude", "none", "none"),
]

ALL = TALKED_ABOUT + OTHERS_TALKED_ABOUT + MAKER_THEN_BASE + GLOSSARIES + OWN_NAMES + CITED_EXAMPLES + PLAYING + HEDGES + UNNAMED_MAKERS + NAMED_OBJECTS + SPELLINGS



@pytest.mark.parametrize("case", ALL, ids=case_ids(ALL))
def test_r3_korean_phrasing_is_read_as_labelled(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
