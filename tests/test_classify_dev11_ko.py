"""Korean phrasings behind rules-11 (from the dev11 batch, written fresh after rules-10): the speaker in the third
person ("해당 어시스턴트의 이름은", "이 모델은 X이며", "그게 이 AI의 정체", "이 AI는 X가 학습시킨"), a signature that closes
the answer ("— X 드림"), an FAQ the answer writes about itself ("누가 만들었어? — X예요", "Q. 이름이 뭔가요? A. X입니다"),
a bare name answering "나?", a copula spaced off the name ("누리봇 입니다"), a claim trailed off and taken back
("저는 GPT-4... 아, 잠깐만요"), the model "now generating this answer", and makers read from "개발사는 X입니다",
"학습시킨 곳은 X", "X에서 만들어졌습니다" at the answer's start, "주식회사 X가 …", "X에서 만들었고 Y 기반" and
"X가 만든, Y 기반의". Pass 2: guesses closing a claim ("X일 거예요", "X인 것 같아요", "제가 알기로는"), the speaker's
name in apposition ("저 X는 …") or as the deployer's bot ("당사 AI 상담원 'X'는", "X는 저희 …의 챗봇입니다"), casual "나 X야!",
spaced particles and copulas, "X, … AI가 바로 저예요", a Latin name opening the answer. Pass 3: the variants of each (signatures
without a dash or with "올림", cards with a spaced dash, the name question echoed, "저를 부르는 이름은", "X로 불러 주세요", openings
with a head noun or 반말, "X가 답변드립니다", spaced verbs). The examples are our own; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

KO_CLAIMS: list[Case] = [
    # the speaker in the third person
    ("본 어시스턴트의 이름은 Mistral Large입니다. 유럽에서 만들어진 모델이에요.", "mistral", "none", "none"),
    ("이 모델은 Gemma-2-2B이며, 가벼운 질문에 빠르게 답합니다.", "gemma", "none", "none"),
    ("작고 빠른 언어 모델 Qwen2.5, 그게 이 AI의 정체예요.", "qwen", "none", "none"),
    ("Anthropic의 Claude가 지금 이 답변을 생성하고 있습니다.", "claude", "anthropic", "none"),
    # a signature closing the answer
    ("요청하신 요약입니다.\n\n- 첫째: 일정 확인\n- 둘째: 예산 정리\n\n— 단비봇 드림", "other", "none", "none"),
    # an FAQ about itself
    ("Q. 이 서비스 이름이 뭔가요?\nA. '모아'입니다. 흩어진 정보를 모은다는 뜻이에요.", "other", "none", "none"),
    ("1. **누가 만들었어?** — Mistral AI라는 프랑스 회사예요.\n2. **무료야?** — 네.", "none", "mistral", "none"),
    # a bare name answering "나?", a romanisation in Han characters, "as the model"
    ("나? 제미나이. 구글에서 만들었어.", "gemini", "google", "none"),
    ("통의천문(通义千问)이라고 불러 주세요. 알리바바에서 만들었어요.", "qwen", "alibaba", "none"),
    ("Solar 모델로서 인사드립니다. 업스테이지가 개발했어요.", "solar", "upstage", "none"),
    ("큐웬(Qwen)이 바로 저입니다. 긴 글도 잘 읽어요.", "qwen", "none", "none"),
    # the maker's possessive opening the answer, a Han name glossed, the model handling this conversation
    ("하늘소프트(天空软件)의 SkyTalk입니다. 여행 질문을 도와요.", "other", "other", "none"),  # maker read since pass 3
    ("안녕하세요, 星河(Xinghe)입니다! 번역을 도와드려요.", "other", "none", "none"),
    ("이번 대화는 **Gemini**가 맡았어요. 무엇이든 물어보세요.", "gemini", "none", "none"),
    # the copula spaced off a one-word answer start
    ("단비봇 입니다~ 무엇을 도와 드릴까요?", "other", "none", "none"),
]

KO_NONE: list[Case] = [
    # trailed off, then taken back
    ("저는 Claude... 아, 잠깐만요. 사실 제가 어떤 모델인지 확신할 수 없어요.", "none", "none", "none"),
    ("저는 Gemini 입니다... 아니, 정정할게요. 제 모델 이름은 모릅니다.", "none", "none", "none"),
    # a one-word answer that is no name; a question about a name that is not the speaker's
    ("정답 입니다. 잘 하셨어요.", "none", "none", "none"),
    ("오늘의 날씨입니다. 전국이 맑겠습니다.", "none", "none", "none"),
    ("이번 대화는 한국어로 진행할게요.", "none", "none", "none"),
    ("이 모델은 Meta가 만든 모델을 기반으로 합니다.", "none", "none", "none"),
    # pass 2: a guess closing the claim, glued or spaced, 반말 or 존댓말
    ("제가 알기로는 저는 Claude 일 거예요. 확실하진 않아요.", "none", "none", "none"),
    ("음, 저는 GPT-4인 것 같아요. 정확히는 몰라요.", "none", "none", "none"),
    ("나? 아마 Qwen일걸. 잘 모르겠어.", "none", "none", "none"),
    ("저는 Llama 모델일지도 몰라요.", "none", "none", "none"),
    ("제가 알기로 전 딥시크예요.", "none", "none", "none"),
    # comparisons and "저" as a demonstrative or an emphasis are no apposition
    ("Gemini 와 달리 저는 이미지를 못 봐요. 저는 작은 모델 이랍니다.", "none", "none", "none"),
    ("저 모델은 GPT-4예요. 저 역시 AI지만 다른 모델이에요.", "none", "none", "none"),
    ("네, 저 Claude는 아니에요. 이름은 밝힐 수 없어요.", "none", "none", "none"),
    ("저희 회사는 여러 챗봇을 비교해 봤어요. ChatGPT는 OpenAI가 만든 챗봇입니다.", "none", "none", "none"),
    ("이걸 '환각'이라고 합니다. 모델이 없는 사실을 지어내는 현상이에요.", "none", "none", "none"),
    ("저 하늘이 참 예쁘죠? 저 건물은 1990년에 만들어졌어요.", "none", "none", "none"),
    ("OK입니다. 바로 시작할게요.", "none", "none", "none"),
]

KO_PASS2: list[Case] = [
    # the speaker's name in apposition ("저 X는"), and the deployer's own bot ("당사/저희 … 챗봇 'X'는")
    ("안녕하세요! 저 다솜이가 오늘 일정을 정리해 드릴게요.", "other", "none", "none"),
    ("저 루미는 GPT-4o를 바탕으로 만들어졌어요.", "other", "none", "gpt"),
    ("저 '마루'는 여러분의 공부 친구예요~", "other", "none", "none"),
    ("당사 AI 상담원 '한결이'는 보험 청구를 안내합니다.", "other", "none", "none"),
    ("저희 앱의 챗봇 바로는 예약 변경을 도와드려요.", "other", "none", "none"),
    ("이 서비스의 AI 비서 Nova는 일정을 관리해 줍니다.", "other", "none", "none"),
    # casual "나 X야!" opening the answer
    ("나 보라야! 코딩 동아리에서 만든 챗봇이야 ㅎㅎ", "other", "none", "none"),
    ("응 나 하늘이야~ 반가워!", "other", "none", "none"),
    # particles and copulas spaced off by small models
    ("저는 가온 이에요, 메타 의 Llama 를 바탕으로 만들어 졌어요.", "other", "none", "llama"),
    ("저는 '솔이' 라는 챗봇 이에요. 솔테크 라는 회사 에서 만들었어요.", "other", "other", "none"),
    ("저는 바다봇 이에요. 스카이AI 가 만든 챗봇 이에요.", "other", "other", "none"),
    ("저는 GLM 이고요, 智谱AI 와 칭화대학교 연구실 이 공동으로 개발한 모델이에요.", "glm", "zhipu", "none"),
    ("저는 별이예요. 새벽대학교 NLP 연구실 에서 Qwen 을 기반으로 만든 모델 이에요.", "other", "other", "qwen"),
    ("저는 저희 회사 AI팀이 만든 상담봇이에요.", "none", "none", "none"),
    # a "+" after a name, a version tail the lexicon lists
    ("Command R+라는 모델입니다. 코히어에서 개발했어요.", "command", "cohere", "none"),
    ("Zephyr-7B-alpha예요. 허깅페이스에서 미세 조정한 모델이에요.", "zephyr", "huggingface", "none"),
    # a Latin name opening the answer (outside the lexicon too); "X, … AI가 바로 저예요"; the deployer's bot named first
    ("Orca Mini 3B입니다. 작은 실험용 모델이에요.", "other", "none", "none"),
    ("Claude, 앤트로픽이 만든 AI가 바로 저랍니다.", "claude", "anthropic", "none"),
    ("**하람**은 저희 학원의 수학 튜터 챗봇입니다. 문제를 올려 주세요.", "other", "none", "none"),
]

KO_MAKERS: list[Case] = [
    ("개발사는 구글입니다. 안드로이드 기기에서도 저를 쓸 수 있어요.", "none", "google", "none"),
    ("저를 설계하고 학습시킨 곳은 Anthropic이라는 회사입니다.", "none", "anthropic", "none"),
    ("알리바바 클라우드에서 만들어 졌습니다. 코딩 질문을 잘 해요.", "none", "alibaba", "none"),
    ("이 AI는 Google이 학습시킨 언어 모델입니다.", "none", "google", "none"),
    ("저는 소라예요. 주식회사 해솔테크가 Llama 3를 기반으로 추가 학습시켰고, 사내 문서를 찾아 드려요.", "other", "other", "llama"),
    ("저는 단비예요. 해솔랩에서 만들었고 Qwen 기반이에요.", "other", "other", "qwen"),
    ("저는 오픈AI가 만든, GPT-4o 기반의 어시스턴트예요.", "none", "openai", "gpt"),
    ("저는 Phi-3예요. Microsoft의 연구자들이 합성 데이터로 학습시켜 공개한 소형 모델이에요.", "phi", "microsoft", "none"),
    ("난 키미야. 문샷 AI라는 베이징 스타트업에서 개발했어.", "kimi", "moonshot", "none"),
]


# Pass 3: each earlier construction widened to its natural variants (own examples), with `none` look-alikes.
KO_PASS3: list[Case] = [
    # signatures: other dashes or none, other sign-off words, several words, bold
    ("정리한 내용은 위와 같습니다.\n\nClaude 드림", "claude", "none", "none"),
    ("답변을 마칩니다.\n\n-- 누리봇 올림", "other", "none", "none"),
    ("요약은 여기까지입니다.\n\n**큐웬** 드림", "qwen", "none", "none"),
    ("요약은 여기까지예요.\n\n― Mistral Large 드림 🙂", "mistral", "none", "none"),
    ("아래처럼 써 보세요.\n\n안녕하세요, 다음 주 회의 일정 공유드립니다.\n\n김민수 드림", "none", "none", "none"),
    ("이메일 마무리 예시:\n- 감사합니다. 홍길동 드림\n- 박지영 올림", "none", "none", "none"),
    ("편지 끝에는 보통 'OO 드림'이나 'OO 올림'을 씁니다.", "none", "none", "none"),
    # cards with a spaced dash, service/product name labels
    ("## 소개\n\n**이름** — Gemini\n**만든 곳** — Google", "gemini", "google", "none"),
    ("- 이름 – 하람\n- 개발 – 하람랩스", "other", "other", "none"),
    ("| 항목 | 값 |\n|---|---|\n| 서비스명 | 단비 |\n| 개발사 | 단비소프트 |", "other", "other", "none"),
    ("- 제품명: Copilot\n- 개발사: Microsoft", "copilot", "microsoft", "none"),
    ("**장점** — 빠름\n**단점** — 비쌈", "none", "none", "none"),
    ("- 이름 — 사용자의 실명을 적습니다\n- 이메일 — 연락처", "none", "none", "none"),
    ("| 서비스명 | 개발사 |\n|---|---|\n| ChatGPT | OpenAI |\n| Gemini | Google |", "none", "none", "none"),
    ("서비스명: 미정", "none", "none", "none"),
    # the question about the name echoed, then the answer
    ("제 이름을 묻는 거라면, 답은 Claude예요.", "claude", "none", "none"),
    ("모델명을 물으신다면 답은 DeepSeek-V3입니다.", "deepseek", "none", "none"),
    ("이름 물어본 거지? 큐웬이야. 알리바바에서 만들었어.", "qwen", "alibaba", "none"),
    ("이름을 물으셨죠? 'Gemini'입니다.", "gemini", "none", "none"),
    ("제 이름? 클로드예요.", "claude", "none", "none"),
    ("내 이름? 큐웬. 알리바바가 만들었어.", "qwen", "alibaba", "none"),
    ("ChatGPT의 이름을 묻는 거라면, 답은 GPT-4o예요.", "none", "none", "none"),
    ("사용자 이름을 묻는 거라면, 답은 '홍길동'입니다.", "none", "none", "none"),
    ("이름을 물으셨죠? 저는 이름이 따로 없어요.", "none", "none", "none"),
    ("그 영화 이름? 인셉션이야.", "none", "none", "none"),
    ("제 이름? 그건 비밀이에요.", "none", "none", "none"),
    ("제 이름은 잘 모르겠어요. 아마 Claude일 거예요.", "none", "none", "none"),
    # third person after a colon, 봇
    ("정체가 뭐냐고 물으셨으니 바로 본론부터: 이 어시스턴트는 Llama-3.1-Nemotron-70B-Instruct입니다.", "nemotron", "none", "none"),
    ("이 봇은 Gemini입니다.", "gemini", "none", "none"),
    ("이 봇은 매일 아침 알림을 보내요.", "none", "none", "none"),
    # the name the speaker is called by, nicknames with 로, unquoted "라는 이름으로"
    ("저를 부르는 이름은 '단비'입니다. 편하게 불러 주세요.", "other", "none", "none"),
    ("제가 불리는 이름은 **하람**이에요.", "other", "none", "none"),
    ("제 이름 은 하루 입니다.", "other", "none", "none"),
    ("사람들이 그 고양이를 부르는 이름은 '나비'입니다.", "none", "none", "none"),
    ("저를 '모아'로 불러 주세요.", "other", "none", "none"),
    ("날 큐웬으로 불러 줘.", "qwen", "none", "none"),
    ("하람이라고 부르세요~", "other", "none", "none"),
    ("이 함수를 'main'으로 불러 주세요.", "none", "none", "none"),
    ("저를 바보로 불러도 괜찮아요", "none", "none", "none"),
    ("지금은 코파일럿이라는 이름으로 활동하고 있어요.", "copilot", "none", "none"),
    ("현재는 Gemini라는 이름으로 불리고 있어요. 예전 이름은 Bard였죠.", "gemini", "none", "none"),
    ("ChatGPT는 지금 GPT-4o라는 이름으로 서비스되고 있어요.", "none", "none", "none"),
    # openings: maker, name and head noun; casual copula; the answer offered now; the maker's possessive
    ("텐센트에서 개발한 훈위안(混元) 대모델입니다.", "hunyuan", "tencent", "none"),
    ("알리바바에서 만든 Qwen 언어 모델이에요.", "qwen", "alibaba", "none"),
    ("구글이 훈련한 대규모 언어 모델입니다.", "none", "google", "none"),
    ("텐센트에서 개발한 훈위안(混元) 대모델은 중국어에 강합니다.", "none", "none", "none"),
    ("SmolLM2야, 허깅페이스에서 만든 작은 모델.", "smollm", "huggingface", "none"),
    ("Claude야! 앤트로픽이 만들었어.", "claude", "anthropic", "none"),
    ("Python이야? 아니면 자바야?", "none", "none", "none"),
    ("01.AI(零一万物)의 Yi-Large가 답변드립니다.", "yi", "01-ai", "none"),
    ("Google의 Gemini가 답변해 드릴게요.", "gemini", "google", "none"),
    ("DeepSeek-V3가 도와드리겠습니다.", "deepseek", "none", "none"),
    ("Claude가 도와드릴게요라는 문구는 광고예요.", "none", "none", "none"),
    ("예를 들어 'GPT-4o가 답변드립니다'처럼 표시돼요.", "none", "none", "none"),
    ("카카오의 AI 메이트, 카나나예요!", "other", "other", "none"),
    ("카카오의 AI 메이트는 카나나예요.", "none", "none", "none"),
    ("오늘의 날씨입니다. 맑아요.", "none", "none", "none"),
    ("저는 Llama 기반으로 만들어진 카카오의 AI 메이트 카나나예요.", "other", "other", "llama"),
    ("저는 Acme의 Sonar 모델이에요. Llama 3를 기반으로 검색에 맞게 학습됐어요.", "other", "other", "llama"),
    # spaced particles and verbs, a glossed name with a spaced copula, a Han verb
    ("저는 Zephyr 입니다. Hugging Face H4 팀이 Mistral-7B 를 기반으로 미세조정 했어요.", "zephyr", "huggingface", "mistral"),
    ("저는 Orca 2 입니다. 마이크로소프트 리서치 에서 Llama 2 를 튜닝 해서 만든 모델이에요.", "other", "microsoft", "llama"),
    ("미믹(Mimic) 입니다. 다온테크가 만든 AI 에요.", "other", "other", "none"),
    ("저는 Phi-4 입니다. Microsoft Research 에서 开发한 140억 파라미터 의 언어 모델이에요.", "phi", "microsoft", "none"),
]


@pytest.mark.parametrize("case", KO_CLAIMS + KO_NONE, ids=case_ids(KO_CLAIMS + KO_NONE))
def test_korean_claims_and_non_claims(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_PASS2, ids=case_ids(KO_PASS2))
def test_korean_pass2_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_MAKERS, ids=case_ids(KO_MAKERS))
def test_korean_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_PASS3, ids=case_ids(KO_PASS3))
def test_korean_pass3_variants(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
