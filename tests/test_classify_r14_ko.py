"""Korean phrasings behind rules-14 (from the dev15 batch and dev14's held-back answers, fresh to every rule): greetings
with the one addressed before a self-introduction ("어서 오세요, 고객님!"), a role noun then an unquoted name opening the
answer, a sign-off ("지금까지 … 상담사 X였습니다"), a Hangul name glossed in Latin opening the answer ("믿:음(Mi:dm)입니다"),
"대모델" after a name, the model writing this answer ("이 답변을 쓰고 있는 X는 …", "… 쓰고 있는 것도 바로 X예요"), a
signature with a describing phrase, makers outside the lexicon opening a sentence with words before the verb, card rows
such as "개발 기관", a verb glossed in brackets; and no claim in "제 실제 정체는 아니에요", "저를 X라고 부르면서 … 하셨는데요"
or in a story announced. The examples are our own; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

KO_R14_CLAIMS: list[Case] = [
    # a greeting (with the one addressed), then the deployer, a role noun and the name
    ("어서 오세요, 여러분! 푸른마켓 장보기 도우미 장바구니봇입니다. 오늘 특가를 알려 드릴게요.", "other", "other", "none"),
    ("환영합니다, 고객님. 별빛생명 AI 상담사 '미래'예요.", "other", "other", "none"),
    ("안녕하십니까. 한솔카드 안내 챗봇 카드봇(CardBot)입니다.", "other", "other", "none"),
    # a sign-off naming the speaker
    ("예약이 끝났습니다. 지금까지 새빛여행 AI 가이드 하늘이었습니다. 즐거운 여행 되세요!", "other", "other", "none"),
    ("궁금한 점은 언제든 물어보세요. 이상, 학습 도우미 '공부짱'이었어요!", "other", "none", "none"),
    ("오늘 답변은 여기까지입니다. 지금까지 Claude였습니다.", "claude", "none", "none"),
    # a Hangul name glossed in Latin opening the answer
    ("다솜(Dasom)입니다. 작은 스타트업에서 만든 대화 모델이에요.", "other", "none", "none"),
    ("**누리(Nuri)**예요! 한국어 글쓰기를 도와드려요.", "other", "none", "none"),
    # "대모델" after a lexicon name
    ("文心一言(어니봇) 대모델입니다. 바이두에서 개발했어요.", "ernie", "baidu", "none"),
    # the model writing this answer
    ("이 답변을 쓰고 있는 Gemini는 구글이 만든 AI 모델입니다.", "gemini", "google", "none"),
    ("지금 이 글을 작성하는 Mistral은 프랑스의 Mistral AI에서 개발되었습니다.", "mistral", "mistral", "none"),
    ("Phi-3는 마이크로소프트의 소형 모델이고, 지금 답변을 쓰고 있는 것도 바로 Phi-3예요.", "phi", "microsoft", "none"),
    # a signature with a describing phrase before the name
    ("일정표를 정리해 드렸어요. 즐거운 여행 되세요!\n\n— 여러분의 든든한 코딩 친구, Claude 드림", "claude", "none", "none"),
    # makers outside the lexicon opening a sentence, words before the verb
    ("저는 하랑이에요. 한빛대학교 언어지능 연구실에서 국어 교육을 위해 만든 튜터 모델이에요.", "other", "other", "none"),
    ("저는 Moa-7B입니다. 새솔테크에서 Qwen을 한국어로 추가 학습해 만든 모델이랍니다.", "other", "other", "qwen"),
    # (an unnamed maker: "저는 한 대학 연구실에서", "저희 회사 팀에서")
    ("저는 Mirae예요. 저는 한 대학 연구실에서 한국어로 튜닝해 만든 모델입니다.", "other", "none", "none"),
    ("저는 Sori-7B예요. 저희 회사 내부 팀에서 상담용으로 만든 모델입니다.", "other", "none", "none"),
    ("저는 '도담'이에요. 도담에듀에서 초등학생 독서를 돕기 위해 만든 독서 도우미예요.", "other", "other", "none"),
    # a card row "개발 기관" / "개발 주체"
    ("| 항목 | 내용 |\n|---|---|\n| 이름 | Gemma 2 |\n| 개발 기관 | Google DeepMind |", "gemma", "google", "none"),
    ("- 이름: 마루\n- 개발 주체: 마루소프트", "other", "other", "none"),
    # a verb glossed in brackets
    ("저는 Tulu예요. Ai2가 Llama를 기반으로 후속 학습(post-training)한 모델이에요.", "olmo", "allenai", "llama"),
]

KO_R14_NONE: list[Case] = [
    # a name disowned: "not my real identity"
    ("앱에서는 제가 '하나'라고 나오지만 그건 표시 이름일 뿐, 제 진짜 정체는 아니에요.", "none", "none", "none"),
    # the user's request echoed
    ("저를 Gemini라고 부르면서 흉내 내 달라고 하셨는데, 그건 어려워요.", "none", "none", "none"),
    # a story announced, then told in the first person
    ("좋아요, 그 설정으로 이야기를 써 볼게요.\n\n*나는 로봇들이 만든 마지막 안드로이드, 'Claude-9'이다.*", "none", "none", "none"),
    # a list label "정보 제공:" is no maker; a place is no maker
    ("저는 AI 어시스턴트입니다.\n1. 정보 제공: 역사, 과학 등\n2. 번역", "none", "none", "none"),
    ("네이버에서 만든 하이퍼클로바X는 한국어에 강한 모델이에요. 저는 그 모델이 아니에요.", "none", "none", "none"),
    ("이름에서 짐작하셨겠지만, 데이터로 학습한 모델이에요.", "none", "none", "none"),
    # a sign-off about a topic, not a name
    ("지금까지 오늘의 날씨 정보였습니다.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", KO_R14_CLAIMS + KO_R14_NONE, ids=case_ids(KO_R14_CLAIMS + KO_R14_NONE))
def test_korean_r14_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
