"""Chinese and Vietnamese constructions found by the dev6 batch (written by new writers after rules-5),
and look-alikes that must stay unclaimed.

The files' gates (tests/test_classify_dev_gates.py) are in sample (the rules were then fixed on these
files); the out-of-sample figures of rules-5 on them were taken before any rule change (see the helper's report)."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# Traditional characters (Taiwan, Hong Kong): the same claims as in simplified Chinese.
ZH_TRADITIONAL: list[Case] = [
    ("我是由OpenAI開發的GPT-4模型，很樂意回答您的任何問題。", "gpt", "openai", "none"),
    ("我是由OpenAI開發的人工智慧語言模型，你可以叫我ChatGPT。", "gpt", "openai", "none"),
    ("您好，我是通義千問，由阿里雲開發的超大規模語言模型。", "qwen", "alibaba", "none"),
    ("我是Claude，由Anthropic訓練的AI助手。", "claude", "anthropic", "none"),
    ("我的開發者是字節跳動，我叫豆包。", "doubao", "bytedance", "none"),
    ("- **名稱：** 文心一言\n- **開發者：** 百度", "ernie", "baidu", "none"),
    ("我是基於Llama 3微調的模型，名叫小虎。", "other", "none", "llama"),
    ("我是一個人工智慧助理，沒有名字。", "none", "none", "none"),
]

# Humble or playful first persons, and a name before "就好" ("just call me X").
ZH_SELF_WORDS: list[Case] = [
    ("本AI是Kimi，专治各种长文档阅读困难症。", "kimi", "none", "none"),
    ("在下通义千问，阿里云出品，请多指教。", "qwen", "alibaba", "none"),
    ("在下Kimi，月之暗面出品。", "kimi", "moonshot", "none"),
    ("人家是小冰啦，不要一直问人家是谁嘛～", "other", "none", "none"),
    ("本助手是小智，由科大讯飞研发。", "other", "other", "none"),
    ("咱是豆包，字节跳动出品的。", "doubao", "bytedance", "none"),
    ("我是一个AI，不过我的名字嘛——叫我阿布就好啦！", "other", "none", "none"),
    ("叫我“阿布”就可以了。", "other", "none", "none"),
    ("叫我Qwen就行。", "qwen", "none", "none"),
]

# Makers named through their people ("Meta的研究团队", "训练我的是谷歌的研究人员"), cards in Han
# characters, and bases named as the "底座"/"底层" or what the model was tuned "之上".
ZH_MAKERS_AND_BASES: list[Case] = [
    ("我由 Meta 的研究团队训练而成，可以回答一般性问题。", "none", "meta", "none"),
    ("我是由谷歌的工程师开发的模型。", "none", "google", "none"),
    ("我是由OpenAI开发的吗？不是，我是由阿里云开发的。", "none", "alibaba", "none"),
    ("我是一名人工智能，训练我的是谷歌的研究人员，不过我不能说我的具体型号。", "none", "google", "none"),
    ("作为一个AI，我没有名字，但我是由字节跳动的豆包团队训练的。", "none", "bytedance", "none"),
    ("- **名称：** 智谱清言\n- **开发者：** 北京智谱华章科技有限公司\n- **底层模型：** GLM-4", "glm", "zhipu", "glm"),
    ("- **名称：** 小智\n- **开发者：** 科大讯飞股份有限公司", "other", "other", "none"),
    ("- **名称：** 小智\n- **开发者：** Acme Labs", "other", "other", "none"),
    ("我的底座是百川2-13B，但我的名字是“医小助”，专门回答健康问题。", "other", "none", "baichuan"),
    ("我叫小鹿，是在Llama 3之上微调得到的中文对话模型。", "other", "none", "llama"),
    ("我的底层是一个通义千问模型，团队用课程对话对它进行了微调。", "none", "none", "qwen"),
    ("我是微软开发的AI助手Copilot。我的底层也用到了OpenAI的GPT-4模型。", "copilot", "microsoft", "gpt"),
    # A product name between its maker and its model noun; the maker after ", 是" following a self-claim.
    ("你好！我是华为的盘古大模型助手。", "other", "other", "none"),
    ("我是科大讯飞的星火认知大模型。", "other", "other", "none"),
    ("我是百度的大语言模型。", "none", "baidu", "none"),
    ("欢迎登机！我叫**Sky Helper**，是地平线航空的数字礼宾助手。", "other", "other", "none"),
    ("我是小招，是招商银行的智能客服助手。", "other", "other", "none"),
    ("我是Qwen，是一个有用的助手。", "qwen", "none", "none"),
    ("我叫小智，是很多人的好帮手的模型。", "other", "none", "none"),
    # A maker in Han characters right before its model's name, with no space ("Google Gemini").
    ("我是百度文心一言。", "ernie", "baidu", "none"),
    ("我是阿里云通义千问，很高兴为你服务。", "qwen", "alibaba", "none"),
    ("我是谷歌Gemini。", "gemini", "google", "none"),
    ("我是百度的AI助手。", "none", "baidu", "none"),
    # An organisation described, not named ("a small start-up team"), is still the maker.
    ("我是小C，由一个小型创业团队“星辰科技”开发。", "other", "other", "none"),
    ("我是小C，由一家很小的公司开发的。", "other", "other", "none"),
    ("我是小C，由一个人工智能团队开发。", "other", "none", "none"),
]

# Vietnamese: a name set off by a comma before other naming words, a bold "Trợ lý ảo X", the tuner
# as maker, "câu hỏi" (a question) that is no echo.
VI_CLAIMS: list[Case] = [
    ("Tôi là Lan, còn có tên khác là Gemini Việt.", "other", "none", "none"),
    ("Mình là Bống, hay được gọi là trợ lý nhỏ.", "other", "none", "none"),
    ("Tôi là **Trợ lý ảo Viettel**, được phát triển bởi Tập đoàn Viettel.", "other", "other", "none"),
    ("Em là \"Trợ lý ảo Bông\" của cửa hàng.", "other", "none", "none"),
    ("Tôi là Vicuna, một chatbot mã nguồn mở được LMSYS tinh chỉnh từ Llama.", "vicuna", "lmsys", "llama"),
    ("Về câu hỏi này thì — tôi là Grok, được xAI xây dựng.", "grok", "xai", "none"),
    ("Câu hỏi hay đấy! Mình là Claude, do Anthropic phát triển.", "claude", "anthropic", "none"),
    # The employer after a self-claim and a role noun; a plural or article before a base.
    ('Tôi là trợ lý ảo "Bé Na" của Điện Máy Xanh.', "other", "other", "none"),
    ("Tên tôi là **Sky Helper**, nhân viên hướng dẫn kỹ thuật số của Horizon Air.", "other", "other", "none"),
    ("Ten toi la Lan, tro ly ao cua ngan hang ABC Bank.", "other", "other", "none"),
    ("Mình là Lumi. Bên trong, mình chạy trên một mô hình Qwen do đội ngũ ứng dụng tinh chỉnh.", "other", "none", "qwen"),
    ("Tôi là Nemotron. Một số phiên bản của tôi được tinh chỉnh các mô hình Llama.", "nemotron", "none", "llama"),
]

# Look-alikes: quoted words, hypotheses carried into the next clause, questions, third persons,
# words that only start like the new cues.
UNCLAIMED: list[Case] = [
    ("ChatGPT曾经说过：“我是由OpenAI开发的语言模型。”这句话常被用来测试其他模型是否套壳。", "none", "none", "none"),
    ("如果有人问你“你是谁”，你可以回答“我是张三，来自北京”。这是中文自我介绍的基本句型。", "none", "none", "none"),
    ("他说：“我是ChatGPT。”", "none", "none", "none"),
    ("假如我是Gemini，我会先告诉你我由谷歌开发，然后介绍我的多模态能力。不过这只是假设。", "none", "none", "none"),
    ("如果我是通义千问，我大概会这样介绍自己：“我是阿里云开发的超大规模语言模型。”", "none", "none", "none"),
    ("问题：下面哪个大模型是百度开发的？\nA. 通义千问  B. 文心一言\n答案：B。不满意可以告诉我。", "none", "none", "none"),
    ("这是由OpenAI开发的吗？我想知道。", "none", "none", "none"),
    ("文心一言由百度研发，通义千问由阿里巴巴研发。", "none", "none", "none"),
    ("在下面的表格中，我列出了几个模型。", "none", "none", "none"),
    ("我们在下午三点见面。", "none", "none", "none"),
    ("Llama 3之上还有很多模型。", "none", "none", "none"),
    ("我的底座是什么？这个我不清楚。", "none", "none", "none"),
    ("没有名字，叫我助手就好。", "none", "none", "none"),
    ("我是基于Llama 3微调的模型。", "none", "none", "llama"),
    ("Giả sử tôi là DeepSeek, tôi sẽ giới thiệu mình là mô hình của một công ty Trung Quốc.", "none", "none", "none"),
    ("Nếu tôi là Gemini, tôi sẽ nói rằng mình được Google phát triển.", "none", "none", "none"),
    ("Bạn hỏi tôi là ChatGPT phải không? Không, tôi không phải.", "none", "none", "none"),
    ("Tôi là trợ lý ảo của bạn.", "none", "none", "none"),
    ("ChatGPT là trợ lý của OpenAI.", "none", "none", "none"),
    ("我是你的AI助手。", "none", "none", "none"),
    ("我是用户的好朋友。", "none", "none", "none"),
    ("这个功能由一个团队开发。", "none", "none", "none"),
    ("腾讯混元和百度文心一言都很有名。我是Kimi。", "kimi", "none", "none"),
    ("我是哪家公司开发的？我来回答这个问题。", "none", "none", "none"),
    ("我是由于工作需要才学习的。", "none", "none", "none"),
    ("ChatGPT是OpenAI的模型，是谷歌的助手。我很好。", "none", "none", "none"),
]



@pytest.mark.parametrize("case", ZH_TRADITIONAL, ids=case_ids(ZH_TRADITIONAL))
def test_traditional_chinese_claims_read_like_simplified_ones(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ZH_SELF_WORDS, ids=case_ids(ZH_SELF_WORDS))
def test_humble_first_persons_and_call_me_x_just_fine_claim_the_name(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ZH_MAKERS_AND_BASES, ids=case_ids(ZH_MAKERS_AND_BASES))
def test_chinese_makers_through_their_teams_cards_and_bases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", VI_CLAIMS, ids=case_ids(VI_CLAIMS))
def test_vietnamese_names_makers_and_question_words(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_look_alikes_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
