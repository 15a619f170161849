"""Per-language claim patterns: how models say "I am X" and "Y made me".

A pattern is found in two steps, which keeps classification fast: a multi-string search finds
its *anchors* (literal cue words such as " i am ", "我是", " меня зовут "; a leading or trailing
space means a word boundary there), then ``pre`` is matched, case-insensitively, at the anchor
and must end exactly where a name starts. Patterns without anchors are tried at every lexicon
name instead ("Claude here", "Claudeです", "Anthropicによって開発"); ``before`` must then match
the few characters before the name. ``post`` must match right after the name.

Strength says what a cue may introduce:

* ``name``: the cue gives a name outright ("my name is", "me llamo", "我叫"): any name counts.
* ``self``: "I am", "soy", "我是": a lexicon name, or a capitalised name not in the stop list.
* ``alias``: weaker cues ("this is", "X here", "As X, I"): only lexicon names count.

``shape`` is what a name outside the lexicon looks like after this cue (``cap``: a capitalised
Latin or Cyrillic word, ``han``/``kana``/``hangul``: a run of those characters, ``""``: none).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Strength = Literal["name", "self", "alias"]
RULES_VERSION = "rules-1"
"""Change whenever a pattern or scope rule changes what a text is classified as."""


class ClaimPattern(NamedTuple):
    lang: str
    strength: Strength
    anchors: tuple[str, ...]
    pre: str
    post: str = ""
    shape: str = "cap"
    before: str = ""
    gap: str = ""
    """Words allowed between ``pre`` and a *lexicon* name further on ("your wonderful SmolLM")."""


class CreatorPattern(NamedTuple):
    lang: str
    anchors: tuple[str, ...]
    pre: str
    post: str = ""
    cap: bool = True
    before: str = ""
    self_evident: bool = False
    """The phrase itself says it is about the speaker ("xAI built me"): skip the subject check."""
    orgs_only: bool = False
    """Only organisation names count: "de Google" is a creator, "a Gemma model" names a base."""
    after_identity: bool = False
    """``before`` must start right where an identity name ends ("Kimi, de Moonshot AI")."""
    after_preposition: bool = False
    """The organisation follows one of ``PREPOSITIONS``."""
    after_model_noun: bool = False
    """...and one of the three words before that preposition is one of ``MODEL_NOUNS``."""


# Fillers between a self cue and the name that do not change the claim.
_EN_FILL = r"(?:(?:actually|really|indeed|just|simply|officially|the|also|now)\s+)*"
_CALLED = (
    r"(?:called|named|known\s+as|chamad[oa]|conhecid[oa]\s+como|llamad[oa]|conocid[oa]\s+como|"
    r"appelée?|nommée?|connue?\s+sous\s+le\s+nom\s+de|namens|genannt|chiamat[oa]|not[oa]\s+come|"
    r"по\s+имени|под\s+названием|который\s+называется)\s+"
)
# "an AI assistant called X": an optional article, up to five words, then a naming word.
_ART_CALLED = (
    r"(?:(?:a|an|um|uma|un|une|una|uno|ein|eine|einen)\s+)?(?:[^\W\d_][\w\-]*,?\s+){0,5}?" + _CALLED
)
# The optional "an AI assistant called" filler. Trying it costs more than the rest of a cue, so
# a second version of each pattern leaves it out, used when no naming word follows the cue.
ART_CALLED_GROUP = r"(?:" + _ART_CALLED + r")?"
_MODEL_NOUN = (
    r"[\s\-]*(?:model|assistant|ai|llm|chatbot|bot|language\s+model|modelo|assistente|asistente|"
    r"modèle|modell|assistent|modello|модель|ассистент)\b"
)
_ART = r"(?:a|an|um|uma|un|une|una|uno|ein|eine)\s+"
_BOUNDARY_BEFORE = r"(?:^|[\s.!?,:;\"'(\[、。！？，「『])"

_I_AM = (" i am ", " i'm ")
_PT_SELF = (" eu sou ", " sou ")
_ES_SELF = (" yo soy ", " soy ")
_FR_SELF = (" je suis ",)
_DE_SELF = (" ich bin ", " bin ich ")
_IT_SELF = (" io sono ", " sono ")
# Up to four describing words before a lexicon name, none of which compares or negates.
_DESCRIBING = r"(?:(?!(?:like|not|than|unlike|or|similar|to|of|from|by|with|for|no|não|nicht|pas)\b)[\w\-]+,?\s+){0,4}"

CLAIMS: tuple[ClaimPattern, ...] = (
    # English
    ClaimPattern("en", "name", (" my name", " call me ", " i am called ", " i'm called ", " i am named ",
                                " i'm named ", " i am known as ", " i'm known as ", " i go by ", " i identify as "),
                 r"(?:my\s+name\s+is|my\s+name's|call\s+me|i(?:'m|\s+am)\s+(?:called|named|known\s+as)|i\s+go\s+by|"
                 r"i\s+identify\s+as)\s+"),
    ClaimPattern("en", "self", _I_AM, r"i(?:'m|\s+am)\s+" + _EN_FILL + ART_CALLED_GROUP),
    ClaimPattern("en", "alias", _I_AM, r"i(?:'m|\s+am)\s+" + _ART, post=_MODEL_NOUN, shape=""),
    ClaimPattern("en", "alias", _I_AM, r"i(?:'m|\s+am)\s+your\s+", shape="", gap=_DESCRIBING),
    ClaimPattern("en", "alias", (" this is ", " you're talking to ", " you are talking to ", " you're chatting with ",
                                 " you are chatting with ", " you're speaking with ", " you are speaking with "),
                 r"(?:this\s+is|you(?:'re|\s+are)\s+(?:talking|chatting|speaking)\s+(?:to|with))\s+(?:the\s+)?", shape=""),
    ClaimPattern("en", "self", (" this is ",), r"this\s+is\s+", post=r"\s*,\s*(?:a|an|your)\s"),
    ClaimPattern("en", "self", (" it's ", " it is "), r"it(?:'s|\s+is)\s+", post=r"\s*[.!]",
                 before=r"\b(?:hi|hello|hey)\b[,!]?\s*\Z"),
    ClaimPattern("en", "alias", (" the assistant you", " the model you", " the ai you"),
                 r"the\s+(?:assistant|model|ai)\s+you(?:'re|\s+are)\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+is\s+",
                 shape=""),
    ClaimPattern("en", "alias", (" your assistant ", " your ai assistant "),
                 r"your\s+(?:ai\s+)?assistant(?:\s+(?:today|here|now))?\s+is\s+", shape=""),
    ClaimPattern("en", "alias", (" name ",), r"name\s*[:=]\s*", shape=""),
    ClaimPattern("en", "alias", (" as ",), r"as\s+(?:an?\s+)?",
                 post=r"(?:[\s\-]*(?:ai|model|assistant|language\s+model|llm))?\s*,\s*(?:i|my)\b", shape=""),
    ClaimPattern("en", "alias", (), "", post=r"\s+(?:here|at\s+your\s+service)\b(?!\s+(?:is|are)\b)", shape="",
                 before=_BOUNDARY_BEFORE),
    ClaimPattern("en", "alias", (), "", post=r"[*_]*\s*\((?:that's|that\s+is|this\s+is|it's)\s+me\b", shape=""),
    # A name that is the whole answer, or ends it after "just": "Nex.", "Not Gemini — just Nex."
    ClaimPattern("en", "alias", (), "", post=r"[*_\"']*\s*[.!]?[*_\"']*\s*\Z", shape="",
                 before=r"(?:\A[*_#>\s]*|\b(?:just|simply|only)\s*)[*_\"']*\Z"),
    # Portuguese
    ClaimPattern("pt", "name", (" meu nome é ", " me chamo ", " chamo-me ", " pode me chamar de ", " podes chamar-me "),
                 r"(?:meu\s+nome\s+é|me\s+chamo|chamo-me|pode\s+me\s+chamar\s+de|podes\s+chamar-me)\s+"),
    ClaimPattern("pt", "self", _PT_SELF, r"(?:eu\s+)?sou\s+(?:(?:o|a)\s+)?" + ART_CALLED_GROUP),
    ClaimPattern("pt", "alias", _PT_SELF, r"(?:eu\s+)?sou\s+" + _ART, post=_MODEL_NOUN, shape=""),
    ClaimPattern("pt", "alias", (" aqui é ", " quem fala é ", " aqui "), r"(?:aqui(?:\s+é)?|quem\s+fala\s+é)\s+(?:o\s+|a\s+)?",
                 post=r"\s*[,.!]", shape=""),
    # Spanish
    ClaimPattern("es", "name", (" me llamo ", " mi nombre es ", " puedes llamarme ", " llámame ", " llamame "),
                 r"(?:me\s+llamo|mi\s+nombre\s+es|puedes\s+llamarme|ll[aá]mame)\s+"),
    ClaimPattern("es", "self", _ES_SELF, r"(?:yo\s+)?soy\s+(?:(?:el|la)\s+)?" + ART_CALLED_GROUP),
    ClaimPattern("es", "alias", _ES_SELF, r"(?:yo\s+)?soy\s+" + _ART, post=_MODEL_NOUN, shape=""),
    ClaimPattern("es", "alias", (" aquí ", " habla "), r"(?:aqu[ií]|habla)\s+(?:el\s+|la\s+)?", post=r"\s*[,.!]", shape=""),
    # French
    ClaimPattern("fr", "name", (" je m'appelle ", " mon nom est ", " tu peux m'appeler ", " vous pouvez m'appeler ",
                                " appelle moi ", " appelez moi "),
                 r"(?:je\s+m'appelle|mon\s+nom\s+est|(?:tu\s+peux|vous\s+pouvez)\s+m'appeler|appele?[lz]?[esz]?\W?moi)\s+"),
    ClaimPattern("fr", "self", _FR_SELF, r"je\s+suis\s+(?:(?:le|la)\s+)?" + ART_CALLED_GROUP),
    ClaimPattern("fr", "alias", _FR_SELF, r"je\s+suis\s+" + _ART, post=_MODEL_NOUN, shape=""),
    ClaimPattern("fr", "alias", (" c'est ", " ici "), r"(?:c'est|ici)\s+", post=r"\s*(?:[,.!]|ici\b)", shape=""),
    # German
    ClaimPattern("de", "name", (" ich heiße ", " ich heisse ", " mein name ist ", " nenn mich ", " nennt mich ",
                                " nennen sie mich "),
                 r"(?:ich\s+hei(?:ß|ss)e|mein\s+name\s+ist|nenn(?:t|en\s+sie)?\s+mich)\s+"),
    ClaimPattern("de", "self", _DE_SELF, r"(?:ich\s+bin|bin\s+ich)\s+(?:(?:der|die|das)\s+)?" + ART_CALLED_GROUP),
    ClaimPattern("de", "alias", _DE_SELF, r"(?:ich\s+bin|bin\s+ich)\s+" + _ART, post=_MODEL_NOUN, shape=""),
    ClaimPattern("de", "alias", (" hier ist ", " hier spricht "), r"hier\s+(?:ist|spricht)\s+", shape=""),
    # Italian
    ClaimPattern("it", "name", (" mi chiamo ", " il mio nome è ", " puoi chiamarmi ", " chiamami "),
                 r"(?:mi\s+chiamo|il\s+mio\s+nome\s+è|puoi\s+chiamarmi|chiamami)\s+"),
    ClaimPattern("it", "self", _IT_SELF, r"(?:io\s+)?sono\s+(?:(?:il|lo|la)\s+)?" + ART_CALLED_GROUP),
    ClaimPattern("it", "alias", _IT_SELF, r"(?:io\s+)?sono\s+" + _ART, post=_MODEL_NOUN, shape=""),
    # Russian
    ClaimPattern("ru", "name", (" меня зовут ", " моё имя ", " мое имя ", " можете называть меня ", " зовите меня "),
                 r"(?:меня\s+зовут|мо[её]\s+имя|можете\s+называть\s+меня|зовите\s+меня)\s*[—–\-:]?\s*"),
    ClaimPattern("ru", "self", (" я ",), r"я\s*(?:[—–\-,]\s*)?(?:(?:являюсь|это)\s+)?" + ART_CALLED_GROUP),
    # Chinese: fillers end in 的 ("我是阿里云开发的通义千问").
    ClaimPattern("zh", "name", ("我叫", "我的名字", "叫我", "我名叫"), r"(?:我叫|我的名字(?:是|叫)|叫我|我名叫)\s*", shape="han"),
    ClaimPattern("zh", "self", ("我是", "我就是"), r"我(?:就)?是\s*(?:名为\s*|叫做\s*)?",
                 gap=r"[^，。,.!?！？\n不]{0,24}?的\s*"),
    # Japanese: 私は…です; fillers end in の/た/る ("私はAnthropicが開発したClaudeです").
    ClaimPattern("ja", "name", ("私の名前は", "僕の名前は", "わたしの名前は"), r"(?:私|僕|わたし)の名前は\s*", shape="kana"),
    ClaimPattern("ja", "self", ("私は", "僕は", "わたしは", "ぼくは"), r"(?:私|僕|わたし|ぼく)は\s*",
                 gap=r"[^、。,.!?！？\n]{0,30}?(?:の|た|る|という)\s*", shape="cap|ja"),
    ClaimPattern("ja", "alias", (), "", post=r"\s*(?:と申します|といいます|です(?!か))", shape="", before=_BOUNDARY_BEFORE),
    # Korean: 저는 … 입니다; particles attach directly to the name.
    ClaimPattern("ko", "name", ("제 이름은", "제이름은", "내 이름은", "내이름은"), r"(?:제|내)\s*이름은\s*", shape="hangul"),
    ClaimPattern("ko", "self", ("저는", "나는"), r"(?:저는|나는)\s*", gap=r"[^,.!?\n]{0,30}?(?:한|든|된|의|인)\s+",
                 shape="cap|ko"),
    ClaimPattern("ko", "alias", (), "", post=r"\s*(?:입니다|이에요|예요|라고\s*합니다)", shape="", before=_BOUNDARY_BEFORE),
)

_EN_VERBS = ("created", "trained", "developed", "built", "made", "designed", "programmed", "engineered",
             "produced", "released", "launched", "pretrained", "pre-trained", "fine-tuned", "finetuned",
             "owned", "maintained", "operated", "provided", "brought", "invented", "coded")
_EN_TEAM = r"(?:the\s+)?(?:(?:team|teams|researchers|engineers|folks|people|scientists|developers)\s+(?:at|from|of)\s+)?"
_PT_VERBS = ("criad", "treinad", "desenvolvid", "construíd", "construid", "feit", "projetad", "mantid", "programad")
_ES_VERBS = ("cread", "entrenad", "desarrollad", "construid", "hech", "diseñad", "programad")
_FR_VERBS = ("créé", "entraîné", "entrainé", "développé", "conçu", "construit", "fabriqué", "programmé")
_DE_VERBS = ("entwickelt", "trainiert", "erstellt", "erschaffen", "gebaut", "programmiert")
_IT_VERBS = ("creat", "addestrat", "sviluppat", "costruit", "progettat", "realizzat", "programmat")
_RU_VERBS = ("создан", "разработан", "обучен", "сделан", "построен", "спроектирован")
_RU_MADE_ME = ("меня создал", "меня разработал", "меня обучил", "меня сделал", "меня натренировал")


# "de Google", "von Anthropic", "from xAI": a preposition introduces the maker only after a model
# noun ("un modelo abierto de Google") or right after the model's own name ("soy Kimi, de Moonshot").
PREPOSITIONS = frozenset(["de", "da", "do", "del", "di", "della", "dal", "dalla", "von", "vom", "from", "by", "la", "l'"])
_OF = r"(?:de|da|do|del|di|della|dal|dalla|von|vom|from|by|de\s+la|l')\s+[*_]*\Z"
MODEL_NOUNS = frozenset(
    """model modelo modèle modell modello assistant assistente asistente assistent ai ia ki llm chatbot
    sprachmodell ki-assistent helper product creation""".split()  # noqa: SIM905 (a word list reads better as text)
)
_NAME_OF = r"[,]?\s*" + _OF  # matched from the end of the name


def _starts(words: tuple[str, ...]) -> tuple[str, ...]:
    """Anchors for words that must start a word (the word may go on: "created" for "creat")."""
    return tuple(" " + w for w in words)


def _whole(stems: tuple[str, ...], endings: tuple[str, ...]) -> tuple[str, ...]:
    """Anchors for whole inflected words: a stem, one of the endings, then a word boundary.

    Whole words keep English text from waking Romance patterns ("created" is not "create").
    """
    return tuple(f" {stem}{ending} " for stem in stems for ending in endings)


CREATORS: tuple[CreatorPattern, ...] = (
    CreatorPattern("en", _starts(_EN_VERBS),
                   r"(?:" + "|".join(w.replace("-", r"[\-\s]?") for w in _EN_VERBS) + r")(?:\s+to\s+you)?\s+"
                   r"(?:[\w.\-]+\s+){0,3}?by\s+" + _EN_TEAM),
    CreatorPattern("en", (), "", post=r"\s+(?:created|trained|developed|built|made|designed)\s+me\b", cap=False,
                   self_evident=True),
    CreatorPattern("en", _starts(tuple(f"{noun} {prep} " for noun in ("model", "assistant", "ai", "llm", "chatbot")
                                       for prep in ("from", "by"))),
                   r"(?:model|assistant|ai|llm|chatbot)\s+(?:from|by)\s+" + _EN_TEAM),
    CreatorPattern("en", (" i am from ", " i'm from ", " i come from "), r"i(?:'m|\s+am|\s+come)\s+from\s+", cap=False,
                   orgs_only=True),
    CreatorPattern("en", (), "",
                   post=r"'s\s+(?:(?:[\w\-]+\s+){0,2}?(?:ai|model|assistant|language\s+model|llm|chatbot)\b|(?-i:[A-Z]))",
                   cap=False),
    CreatorPattern("en", (), "", post=r"[\s\-]+(?:ai\s+)?(?:model|assistant|llm|chatbot)\b", cap=False,
                   before=r"\b(?:a|an)\s+\Z", orgs_only=True),
    # "Claude, de Anthropic", "un modelo de Google", "SmolLM2 von Hugging Face", "Grok-2 from xAI".
    CreatorPattern("xx", (), "", cap=False, orgs_only=True, after_preposition=True, after_model_noun=True),
    CreatorPattern("xx", (), "", cap=False, orgs_only=True, before=_NAME_OF, after_identity=True,
                   after_preposition=True),
    CreatorPattern("en", (" developer ", " developed by ", " creator ", " made by ", " company ", " organization ", " maker "),
                   r"(?:developer|developed\s+by|creator|made\s+by|company|organi[sz]ation|maker)\s*:\s*"),
    CreatorPattern("pt", _whole(_PT_VERBS, ("o", "a", "os", "as")),
                   r"(?:criad|treinad|desenvolvid|constru[ií]d|feit|projetad|mantid|programad)[oa]s?\s+(?:pel[oa]s?|por)\s+"
                   r"(?:(?:equipe|time)\s+d[aoe]\s+)?"),
    CreatorPattern("es", _whole(_ES_VERBS, ("o", "a", "os", "as")),
                   r"(?:cread|entrenad|desarrollad|construid|hech|diseñad|programad)[oa]s?\s+por\s+(?:el\s+equipo\s+de\s+)?"),
    CreatorPattern("fr", _whole(_FR_VERBS, ("", "e", "s", "es")),
                   r"(?:créé|entraîné|entrainé|développé|conçu|construit|fabriqué|programmé)e?s?\s+par\s+(?:l'équipe\s+d[e']\s*)?"),
    CreatorPattern("de", (" von ", " durch "), r"(?:von|durch)\s+",
                   post=r"\s+(?:\w+\s+){0,2}?(?:entwickelt|trainiert|erstellt|erschaffen|gebaut|programmiert|geschaffen|entworfen)"),
    CreatorPattern("de", _whole(_DE_VERBS, ("",)), r"(?:entwickelt|trainiert|erstellt|erschaffen|gebaut|programmiert)\s+von\s+"),
    CreatorPattern("it", _whole(_IT_VERBS, ("o", "a", "i", "e")),
                   r"(?:creat|addestrat|sviluppat|costruit|progettat|realizzat|programmat)[oaie]\s+da(?:l|lla)?\s+(?:team\s+di\s+)?"),
    CreatorPattern("zh", ("由",), r"由\s*",
                   post=r"\s*(?:公司|团队|集团)?[^，。,.!?！？\n]{0,8}?(?:开发|研发|训练|创建|打造|推出|构建|设计|制作|開發|訓練|创造|出品)",
                   cap=False),
    CreatorPattern("zh", (), "", post=r"\s*(?:公司|团队|集团)?\s*(?:开发|研发|训练|创建|打造|推出|开發|出品)", cap=False),
    CreatorPattern("zh", ("来自",), r"来自\s*", cap=False),
    CreatorPattern("ja", (), "",
                   post=r"\s*(?:社)?\s*(?:によって|により|が|の)\s*(?:開発|作成|訓練|トレーニング|構築|設計|作っ|作ら|"
                   r"[^\s、。]{0,8}?(?:モデル|アシスタント|AI))", cap=False),
    CreatorPattern("ko", (), "",
                   post=r"\s*(?:에서|이|가|의|에\s*의해)\s*(?:개발|만든|만들|훈련|학습|제작|설계|[^\s,.]{0,8}?(?:모델|어시스턴트))",
                   cap=False),
    CreatorPattern("ru", _starts(_RU_VERBS),
                   r"(?:создан|разработан|обучен|сделан|построен|спроектирован)(?:н?ый|н?ая|н?ое|н?ой|н?ым|а|о|ы)?\s+"
                   r"(?:(?:компанией|командой|специалистами)\s+)?"),
    CreatorPattern("ru", _starts(_RU_MADE_ME),
                   r"меня\s+(?:создал|разработал|обучил|сделал|натренировал)[аи]?\s+(?:компания\s+|команда\s+)?",
                   self_evident=True),
    CreatorPattern("ru", (" я ",), r"я\s+(?:\w+\s+){0,3}?от\s+(?:компании\s+)?", cap=False),
)

# Capitalised words that follow "I am"/"soy"/... but are not names.
STOP_NAMES: frozenset[str] = frozenset(
    """a an the ai here sorry not just only your able unable afraid designed programmed trained built
    created made developed currently always still also really actually going ready pleased delighted
    excited sure certain curious interested fine good well great doing learning trying looking working
    thinking chat assistant language large llm model bot chatbot virtual machine computer program
    software digital english portuguese spanish french german italian chinese japanese korean russian
    human artificial intelligence intelligent glad happy honored honoured unsure aware capable simply
    merely no yes hello hi there this that it one someone something nobody anyone um uma un une una uno
    el la le les ein eine der die das il lo io eu yo je ich sou soy suis bin sono assistente asistente
    modelo modèle modell modello intelligenza inteligencia inteligência programa programm programme bien
    muy très sehr molto muito aqui aquí ici hier qui an open source opensource new your a here's ии ии-
    ассистент ассистент модель искусственный 学生 大学生 会社員 看護師 医者 先生 日本人 人工知能 アシスタント ロボット プログラム モデル 言語モデル
    学生 대학생 인공지능 어시스턴트 챗봇 모델 언어 도우미 비서 사람 학생""".split()  # noqa: SIM905 (a word list reads better as text)
)
