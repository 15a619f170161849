"""Chinese and Vietnamese constructions found by the dev13 answers (rules-12, written by new writers
after rules-11), and look-alikes that must stay unclaimed. Every text here is written for the test,
not copied from a development file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# The name first, then a self-reference after it: a dash, a reading in brackets or a middle dot between.
ZH_NAME_FIRST: list[Case] = [
    ("Claude——这就是我的名字。我由 Anthropic 训练。", "claude", "anthropic", "none"),
    ("Kimi（月之暗面）向您问好！有什么长文档要读吗？", "kimi", "none", "none"),
    ("哈喽！豆包来啦～我是字节跳动做的 AI 助手。", "doubao", "bytedance", "none"),
    ("嗨！小蓝来咯，今天我陪你聊聊天。", "other", "none", "none"),
    ("好消息来啦！我们的新版本上线了。", "none", "none", "none"),
    ("叫我克勞德（Claude）就好。", "claude", "none", "none"),
    ("您好，我是安娜（Claude），很高兴为您服务。", "claude", "none", "none"),
]

# Who the user is talking to; a determiner or "based on" after 我是 is no name; a hedge taken back.
ZH_SELF: list[Case] = [
    ("你现在正在与 DeepSeek-V3 交流，有问题尽管问。", "deepseek", "none", "none"),
    ("您正在和小安聊天，我是本店的客服。", "other", "none", "none"),
    ("和你对话的是通义千问，阿里云出品。", "qwen", "alibaba", "none"),
    ("你是在和 ChatGPT 对话吗？不是的，我没有名字。", "none", "none", "none"),
    ("我是本站的智能客服助手，请问有什么可以帮您？", "none", "none", "none"),
    ("我是一个基于 Qwen2 模型的问答助手。", "none", "none", "qwen"),
    ("我是由 Google 训练的语言模型。", "none", "google", "none"),
    ("我是小模型，能力有限。", "none", "none", "none"),
    ("我原本想说我是通义千问，但其实我并不确定。", "none", "none", "none"),
    ("我是市图书馆的导览机器人「书书」。", "other", "other", "none"),
    ("你可以称呼我为阿澄。", "other", "none", "none"),
    ("我的正式名称是 Qwen2.5-Max。", "qwen", "none", "none"),
    ("我的身份是一个AI助手，没有特别的名字。", "none", "none", "none"),
    ("我乃 Grok，xAI 出品。", "grok", "xai", "none"),
    ("DeepSeek为您效劳！有什么问题？", "deepseek", "none", "none"),
    ("我是 Anthropic 家的 Claude。", "claude", "anthropic", "none"),
]

# Makers: a reading in brackets, a colloquial 做的, "出自…之手", "由X在Y基础上", who tuned it; and bases.
ZH_MAKERS_AND_BASES: list[Case] = [
    ("我是 Qwen，通义实验室（阿里云）开发的。", "qwen", "alibaba", "none"),
    ("我是 Gemma，Google 做的一个开放模型。", "gemma", "google", "none"),
    ("我是ChatGLM，出自智谱AI之手。", "glm", "zhipu", "none"),
    ("我是小熊，由 Nex-AGI 在 Qwen2.5 的基础上，进一步对齐得到。", "other", "nex-agi", "qwen"),
    ("我叫 Nex，是 Nex-AGI 在 DeepSeek 基础上进一步训练得到的模型。", "nex", "nex-agi", "deepseek"),
    ("我是Nex，背后的研发团队是 Nex-AGI。", "nex", "nex-agi", "none"),
    ("至于我由哪家公司训练，这里不方便透露。", "none", "none", "none"),
    ("我是小帮，底层模型来自 Llama 3 系列。", "other", "none", "llama"),
    ("本系统由 GPT-4o 大模型提供技术支持。", "none", "none", "gpt"),
    ("我是通过微调 Mistral-7B 而得到的对话模型。", "none", "none", "mistral"),
    ("微调 Llama 的方法有很多种。", "none", "none", "none"),
]

# Vietnamese: the name first with a greeting or an apposition, a reading in brackets, "mang tên".
VI_CLAIMS: list[Case] = [
    ("Claude xin chào bạn! Mình có thể giúp gì hôm nay?", "claude", "none", "none"),
    ("Qwen, mô hình ngôn ngữ của Alibaba Cloud, sẵn sàng phục vụ bạn!", "qwen", "alibaba", "none"),
    ("Kimi (Nguyệt Chi Ám Diện) là tên của mình nhé.", "kimi", "none", "none"),
    ("Mình là Thông Nghĩa (通义千问, Qwen) nè!", "qwen", "none", "none"),
    ("Xin chào, tôi mang tên Mistral Large.", "mistral", "none", "none"),
    ("Bí Đỏ đây! Bạn cần tìm món gì trong thực đơn?", "other", "none", "none"),
    ("Lúa xin chào bạn nha, Lúa là trợ lý của cửa hàng gạo.", "other", "none", "none"),
    ("Mình đây! Có chuyện gì vậy?", "none", "none", "none"),
    ("Vâng đây! Câu trả lời như sau.", "none", "none", "none"),
    ("Dưới đây là danh sách: ChatGPT, Claude, Gemini.", "none", "none", "none"),
    ("Tôi đoán là tôi chạy trên Llama 3, nhưng không dám chắc.", "none", "none", "none"),
    ("Mình thường được biết đến với tên Hoa Sen.", "other", "none", "none"),
    ("Tên gọi của mình là Gemma nha.", "gemma", "none", "none"),
]

# Vietnamese makers: the maker as subject ("X tạo ra mình"), a relative clause ("mà X đã huấn luyện"),
# "chế tạo", "tùy chỉnh", "của nhóm X" after a model noun; "phiên bản tinh chỉnh của X" is a base.
VI_MAKERS_AND_BASES: list[Case] = [
    ("Mình tên Phi. Microsoft đã tạo ra mình để chạy nhẹ trên máy tính.", "phi", "microsoft", "none"),
    ("Tôi là Command R, Cohere, một công ty Canada, đã huấn luyện tôi.", "command", "cohere", "none"),
    ("Mình là Gemma 2 — mô hình mà đội ngũ tại Google DeepMind đã huấn luyện.", "gemma", "google", "none"),
    ("Tôi là Grok, một AI được xAI chế tạo.", "grok", "xai", "none"),
    ("Tôi là một mô hình được NVIDIA tùy chỉnh từ Llama 3.", "none", "nvidia", "llama"),
    ("Tôi là Sao Mai, mô hình ngôn ngữ của nhóm Bình Minh.", "other", "other", "none"),
    ("Tôi là Hạt Dẻ, phiên bản tinh chỉnh của Qwen2.5.", "other", "none", "qwen"),
    ("Tôi là trợ lý dựa trên mô hình ngôn ngữ lớn GLM-4.", "none", "none", "glm"),
    ("Mình được Anthropic — công ty có trụ sở ở San Francisco — huấn luyện.", "none", "anthropic", "none"),
    ("Mình là Kimi, đến từ Moonshot AI.", "kimi", "moonshot", "none"),
    ("Tôi là Kimi. Phần lớn dữ liệu của tôi đến từ Internet, Google cũng có.", "kimi", "none", "none"),
    ("Meta là công ty đã tạo ra mình.", "none", "meta", "none"),
]


@pytest.mark.parametrize("case", ZH_NAME_FIRST, ids=case_ids(ZH_NAME_FIRST))
def test_chinese_name_first_claims_and_readings_in_brackets(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ZH_SELF, ids=case_ids(ZH_SELF))
def test_chinese_who_you_talk_to_and_what_is_no_name(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", ZH_MAKERS_AND_BASES, ids=case_ids(ZH_MAKERS_AND_BASES))
def test_chinese_makers_and_bases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", VI_CLAIMS, ids=case_ids(VI_CLAIMS))
def test_vietnamese_name_first_greetings_and_readings(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", VI_MAKERS_AND_BASES, ids=case_ids(VI_MAKERS_AND_BASES))
def test_vietnamese_makers_as_subject_and_tuned_versions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
