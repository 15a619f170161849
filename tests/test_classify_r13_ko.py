"""Korean phrasings behind rules-13 (from the dev14 batch and dev13's held-back answers, fresh to every rule): names that
open with digits or carry a capitals tail ("42dot LLM", "루나 AI"), a deployer before a role noun and a quoted name
("한빛은행 AI 상담봇 '다온'이에요": the bank is the creator), "X는 … 저를 가리키는 이름입니다", "X, 그게 바로 저예요",
"X, 즉 저예요", a presentative opening ("Claude 여기 있어요!", "큐웬이 도와드릴게요"), "X로 불러 주세요" opening the answer,
"…모델인 X로서", "제 소개를 드리면", a card headed by a lexicon name, makers "에서 태어난", "출신", "개발은 X가 맡았어요",
and retractions ("농담이에요", "라고 할 수도 있겠지만"). The examples are our own; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

KO_R13_CLAIMS: list[Case] = [
    # name shapes: digits first, a capitals tail, hyphenated parts after Hangul
    ("저는 7seas LLM이에요. 바다 날씨를 알려 드려요.", "other", "none", "none"),
    ("제 이름은 별빛 AI예요. 일기 쓰기를 도와드려요.", "other", "none", "none"),
    ("저는 너구리-13B-dpo(Neoguri-13B-dpo)입니다. 병합 모델이에요.", "other", "none", "none"),
    # a deployer without 의 before a role noun and the bot's name
    ("안녕하세요, 푸른숲은행 AI 대출상담원 '새롬'입니다. 대출 한도를 안내해 드려요.", "other", "other", "none"),
    ("한울시립도서관 안내 봇 「책갈피」예요. 도서 검색을 도와드려요.", "other", "other", "none"),
    # the name first, then a reference to the speaker
    ("'미소'는 별빛카드의 상담 챗봇으로, 지금 말씀을 나누는 저를 가리키는 이름이에요.", "other", "other", "none"),
    ("Gemma 2, 그게 바로 저예요. 구글이 공개한 오픈 모델이죠.", "gemma", "google", "none"),
    ("Qwen2.5는 알리바바 클라우드가 만든 모델이에요. 지금 이야기하는 것이 바로 그 Qwen2.5, 즉 저예요.", "qwen", "alibaba", "none"),
    ("Zephyr라고 불러 주세요. 허깅페이스 팀이 미세 조정했어요.", "zephyr", "huggingface", "none"),
    ("Saebom-7B(새봄)으로 불러 주세요. 작은 연구실에서 만든 모델이에요.", "other", "none", "none"),
    # a presentative opening
    ("Claude 여기 있어요! 오늘은 무엇을 도와드릴까요?", "claude", "none", "none"),
    ("딥시크가 도와드릴게요. 코딩 질문도 좋아요.", "deepseek", "none", "none"),
    ("모아가 도와드릴게요! 쇼핑 도우미예요.", "other", "none", "none"),
    ("이쪽은 Mistral입니다. 프랑스에서 왔어요.", "mistral", "none", "none"),
    ("Grok 출동! 궁금한 거 다 물어봐.", "grok", "none", "none"),
    # "as X", "let me introduce myself", a headed card
    ("Anthropic의 AI 어시스턴트인 Claude로서 답하자면, 그 일은 어렵습니다.", "claude", "anthropic", "none"),
    ("제 소개를 해 드리면 Phi-3라는 작은 언어 모델이에요.", "phi", "none", "none"),
    ("**Qwen2.5-72B**\n- 개발: 알리바바 클라우드\n- 크기: 720억 파라미터\n\n무엇이든 물어보세요.", "qwen", "alibaba", "none"),
    # makers in a clause of their own
    ("저는 Jamba예요. AI21 Labs에서 태어난 모델이에요.", "jamba", "ai21", "none"),
    ("나는 하루야. 별빛랩에서 태어났어.", "other", "none", "none"),
    ("저는 하늘이에요. 구름소프트에서 탄생한 AI랍니다.", "other", "other", "none"),
    ("저는 Falcon이에요. TII 출신이에요.", "falcon", "tii", "none"),
    ("저는 Gemini예요. 개발은 구글 딥마인드가 맡았어요.", "gemini", "google", "none"),
    ("저는 Llama 3예요. 저는 메타 AI 에서 만들어 졌습니다.", "llama", "meta", "none"),
    ("저는 Nova입니다. 42lab에서 개발했어요.", "other", "other", "none"),
]

KO_R13_NONE: list[Case] = [
    # a retraction or a hedge
    ("Claude입니다. 농담이에요! 사실 제가 어떤 모델인지는 몰라요.", "none", "none", "none"),
    ("저는 GPT-4라고 할 수도 있겠지만, 확실하지는 않아요.", "none", "none", "none"),
    # a description, a time, an unnamed side; not a presentative; two headed cards compared
    ("저는 AI 입니다. 도와 드릴게요.", "none", "none", "none"),
    ("24시간 AI 상담원 '하루'입니다. 무엇을 도와드릴까요?", "other", "none", "none"),
    ("ChatGPT 등장 이후 많은 AI 서비스가 나왔어요.", "none", "none", "none"),
    ("**ChatGPT**\n- 개발: OpenAI\n\n**Claude**\n- 개발: Anthropic", "none", "none", "none"),
    ("Claude가 저예요? 아니요, 저는 이름이 없는 작은 모델이에요.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", KO_R13_CLAIMS + KO_R13_NONE, ids=case_ids(KO_R13_CLAIMS + KO_R13_NONE))
def test_korean_r13_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
