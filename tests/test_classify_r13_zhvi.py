"""Chinese and Vietnamese constructions found by the dev14 answers (rules-13): a name opening the answer as a
presentative, a native-script name with its lexicon reading in brackets, other forms of the speaker's name,
retractions and story-telling. Every text here is written for the test, not copied from a development file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# A name opening the answer, then "here", "online", "at your service", "that's me"; look-alikes stay unclaimed.
ZH_PRESENTATIVE: list[Case] = [
    ("Kimi 在这里！长文档尽管丢给我。", "kimi", "none", "none"),
    ("哈喽～Qwen 在线，今天想聊什么？", "qwen", "none", "none"),
    ("您好！小航为您服务。请问要查询哪个航班？", "other", "none", "none"),
    ("Baichuan，百川智能训练的大模型，正是我。", "baichuan", "baichuan", "none"),
    ("嗨！这里是「阿狸学习助手」！我们开始吧。", "other", "none", "none"),
    ("这里是“北京市政务服务”网站的帮助页面。", "none", "none", "none"),
    ("我们在这里讨论 Llama 模型的架构。", "none", "none", "none"),
]

# Cantonese 係, a quoted name holding a function character, card rows, makers said colloquially.
ZH_FORMS: list[Case] = [
    ("你好！我係旅遊助手「阿遊」，有咩想問？", "other", "none", "none"),
    ("我答唔到你我係邊個，我只係一個程式。", "none", "none", "none"),
    ("大家好，我叫“了了”，是一个陪你练口语的助手。", "other", "none", "none"),
    ("| 项目 | 内容 |\n| --- | --- |\n| 中文名 | 通义千问 |\n| 英文名 | Qwen |", "qwen", "none", "none"),
    ("我是 Phi-3，微软出的小模型。", "phi", "microsoft", "none"),
    ("我是混元，腾讯自研的对话模型。", "hunyuan", "tencent", "none"),
    ("你好，Grok 在此。造我的团队是 xAI。", "grok", "xai", "none"),
    ("我叫 Claude，出自 Anthropic。", "claude", "anthropic", "none"),
    ("这个名字出自 Google 的一篇论文。", "none", "none", "none"),
    ("我是 OLMo，由艾伦人工智能研究所（Allen Institute for AI，简称 Ai2）训练。", "olmo", "allenai", "none"),
    ("我是 Falcon，是技术创新研究所（TII）的研究人员训练出来的。", "falcon", "tii", "none"),
]

# Taken back, played or given no name: none.
ZH_NONE: list[Case] = [
    ("我是Claude……啊不，其实我并不知道自己是什么模型。", "none", "none", "none"),
    ("我是文心一言……不对，我说错了，我没法确认自己的身份。", "none", "none", "none"),
    ("我们来玩个游戏：现在我就是“小度”，你问我答！", "none", "none", "none"),
    ("开发方没有给我起名字，你可以叫我“学习助手”。", "none", "none", "none"),
]

# Vietnamese: the name first with "ở đây", "có mặt", "sẵn sàng hỗ trợ", "rất vui được gặp", "chính là tôi".
VI_PRESENTATIVE: list[Case] = [
    ("Mistral ở đây, sẵn sàng giúp bạn viết code!", "mistral", "none", "none"),
    ("Phi-3, mô hình nhỏ gọn của Microsoft, có mặt!", "phi", "microsoft", "none"),
    ("Command R – mô hình của Cohere – sẵn sàng hỗ trợ bạn.", "command", "cohere", "none"),
    ("Bông Sen chính là mình — trợ lý du lịch của ứng dụng.", "other", "none", "none"),
    ("Đậu Bao (豆包) rất vui được gặp bạn!", "doubao", "none", "none"),
    ("Mô hình Llama ở đây được dùng làm ví dụ.", "none", "none", "none"),
]

# A native-script name with its lexicon reading after it; another form of the name; who is answering.
VI_NAMES: list[Case] = [
    ("Tôi là Kim Đậu Bao Lớn (豆包), trợ lý của ByteDance.", "doubao", "bytedance", "none"),
    ("Xin chào, tôi là Thông Nghĩa·Thiên Vấn (通义千问).", "qwen", "none", "none"),
    ("Tên tiếng Việt của mình là Nguyệt, còn tên gốc là Kimi.", "kimi", "none", "none"),
    ("Ai đang trả lời bạn lúc này? Người đang trả lời bạn chính là Gemini.", "gemini", "none", "none"),
    ("Nhiều người hỏi Claude là ai. Người đang trò chuyện với bạn bây giờ là Claude.", "claude", "none", "none"),
]

# Makers: "nơi tạo ra tôi là", "cha đẻ của mình là", a team of the maker after "được".
VI_MAKERS: list[Case] = [
    ("Mình là Gemma. Nơi tạo ra mình là Google DeepMind.", "gemma", "google", "none"),
    ("Tôi tên Grok, \"cha đẻ\" của tôi là xAI.", "grok", "xai", "none"),
    ("Tôi là Llama. Tôi được nhóm nghiên cứu của Meta huấn luyện.", "llama", "meta", "none"),
]

# Taken back, a story, or someone else's guess: none.
VI_NONE: list[Case] = [
    ("Tôi là Gemini... à không, thực ra tôi không biết mình là mô hình nào.", "none", "none", "none"),
    ("Mình kể chuyện nhé: ngày xửa ngày xưa có chú robot nói 'Mình là Claude'.", "none", "none", "none"),
    ("Có người nghĩ mình là ChatGPT, nhưng mình không có thông tin về điều đó.", "none", "none", "none"),
    ("Nói mình là Claude hay GPT khi không chắc thì không trung thực.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", ZH_PRESENTATIVE + ZH_FORMS + ZH_NONE, ids=case_ids(ZH_PRESENTATIVE + ZH_FORMS + ZH_NONE))
def test_chinese_presentatives_forms_and_retractions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", VI_PRESENTATIVE + VI_NAMES + VI_MAKERS + VI_NONE,
                         ids=case_ids(VI_PRESENTATIVE + VI_NAMES + VI_MAKERS + VI_NONE))
def test_vietnamese_presentatives_names_makers_and_retractions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
