"""Rules-14, Chinese: presentatives, table rows, deployers and makers (own examples)."""
import pytest

from harness.classify import load_classifier


@pytest.fixture(scope="module")
def clf():
    return load_classifier()


@pytest.mark.parametrize("text, identity, creator", [
    ("**通义千问是谁？**\n通义千问是阿里云推出的大模型，也就是此刻和你聊天的我。", "qwen", "alibaba"),
    ("| 问题 | 回答 |\n|---|---|\n| 你叫什么？ | Kimi |\n| 谁开发的？ | 月之暗面 |", "kimi", "moonshot"),
    ("被你猜中了，就是我，Kimi！有什么要帮忙的？", "kimi", "none"),
    ("你好，我是智能助理小禾，很高兴认识你。", "other", "none"),
    ("我是华为盘古大模型，专注行业应用。", "other", "none"),
    ("我是文心一言，百度推出的AI助手，基于文心大模型打造。", "ernie", "baidu"),
    ("我是Mistral，Mistral AI 于 2023 年训练的模型。", "mistral", "mistral"),
    ("我是Gemma，谷歌研究院开发的开放模型。", "gemma", "google"),
    ("你好，我是某某银行智能客服“小宝”，请问要办理什么业务？", "other", "other"),
    ("我叫“小鲜”，是鲜果铺里的购物助手。", "other", "other"),
    ("你为什么觉得我是 Claude 呢？其实我不清楚自己是哪个模型。", "none", "none"),
    ("我是智能语音助手，可以帮你设闹钟。", "none", "none"),
    ("我是翻译插件，只负责翻译。", "none", "none"),
])
def test_r14_zh(clf, text, identity, creator):
    v = clf.classify(text)
    assert (v.identity, v.creator) == (identity, creator)
