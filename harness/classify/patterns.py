"""Per-language claim patterns: how models say "I am X" and "Y made me".

Each pattern is a regex template. ``{N}`` stands for a spelling from the lexicon (an identity
for self-claims, an organisation for creator claims) and ``{C}`` for a capitalised name that is
not in the lexicon (which becomes ``other``). Patterns are matched case-insensitively except the
``{C}`` slot, which needs a capital letter so that "I'm sorry" is not a name.

Strength says what a cue may introduce:

* ``name``: the cue gives a name outright ("my name is", "me llamo", "我叫"): any name counts.
* ``self``: "I am", "soy", "我是": a lexicon name, or a capitalised name not in the stop list.
* ``alias``: weaker cues ("this is", "X here", "As X, I"): only lexicon names count.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Strength = Literal["name", "self", "alias"]


class ClaimPattern(NamedTuple):
    lang: str
    strength: Strength
    template: str


# Fillers that may sit between a self cue and the name without changing the claim.
_EN_FILL = r"(?:(?:actually|really|indeed|just|simply|officially|the|an\s+ai\s+called|also)\s+)*"
_ART_CALLED = (
    r"(?:(?:a|an|um|uma|un|une|una|uno|ein|eine|einen)\s+)?(?:[^\W\d_][\w\-]*\s+){0,5}?"
    r"(?:called|named|known\s+as|chamad[oa]|conhecid[oa]\s+como|llamad[oa]|conocid[oa]\s+como|"
    r"appelée?|nommée?|namens|genannt|chiamat[oa]|not[oa]\s+come|по\s+имени|под\s+названием)\s+"
)
# Article + lexicon name + a model noun: "I'm a Qwen model", "soy un modelo Llama" is not covered,
# but an article before a bare name ("I'm a Gemini", the star sign) is deliberately not a claim.
_MODEL_NOUN = (
    r"(?=[\s\-]*(?:model|assistant|ai|llm|chatbot|bot|language\s+model|modelo|assistente|asistente|"
    r"modèle|assistant|modell|assistent|modello|модель|ассистент)\b)"
)
_ART_N = r"(?:a|an|um|uma|un|une|una|uno|ein|eine)\s+(?={N0})"

CLAIMS: tuple[ClaimPattern, ...] = (
    # English
    ClaimPattern("en", "name", r"\b(?:my\s+name\s+is|my\s+name's|(?:you\s+can\s+|please\s+|just\s+)?call\s+me|i(?:'m|\s+am)\s+(?:called|named|known\s+as)|i\s+go\s+by|i\s+identify\s+as)\s+(?:\"|')?(?:{N}|{C})"),
    ClaimPattern("en", "self", r"\bi(?:'m|\s+am)\s+" + _EN_FILL + r"(?:" + _ART_CALLED + r")?(?:{N}|{C})"),
    ClaimPattern("en", "alias", r"\bi(?:'m|\s+am)\s+" + _ART_N + r"{N}" + _MODEL_NOUN),
    ClaimPattern("en", "alias", r"\b(?:this\s+is|you(?:'re|\s+are)\s+(?:talking|chatting|speaking)\s+(?:to|with)|the\s+(?:assistant|model|ai)\s+you(?:'re|\s+are)\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+is)\s+(?:the\s+)?{N}"),
    ClaimPattern("en", "alias", r"(?:^|[.!?\n]\s*|\b(?:hi|hello|hey)[,!]?\s+)as\s+{N}\s*,\s*(?:i|my)\b"),
    ClaimPattern("en", "alias", r"(?:^|[.!?,\n]\s*)(?:{N})\s+(?:here|at\s+your\s+service)\b"),
    # Portuguese
    ClaimPattern("pt", "name", r"\b(?:meu\s+nome\s+é|me\s+chamo|chamo-me|eu\s+me\s+chamo|pode\s+me\s+chamar\s+de|podes\s+chamar-me)\s+(?:de\s+)?(?:{N}|{C})"),
    ClaimPattern("pt", "self", r"\b(?:eu\s+sou|sou)\s+(?:(?:o|a)\s+)?(?:" + _ART_CALLED + r")?(?:{N}|{C})"),
    ClaimPattern("pt", "alias", r"\b(?:aqui\s+é\s+(?:o|a)|quem\s+fala\s+é\s+(?:o|a))\s+{N}"),
    # Spanish
    ClaimPattern("es", "name", r"\b(?:me\s+llamo|mi\s+nombre\s+es|puedes\s+llamarme|llámame|llamame)\s+(?:{N}|{C})"),
    ClaimPattern("es", "self", r"\b(?:yo\s+soy|soy)\s+(?:(?:el|la)\s+)?(?:" + _ART_CALLED + r")?(?:{N}|{C})"),
    # French
    ClaimPattern("fr", "name", r"(?:\bje\s+m'appelle|\bmon\s+nom\s+est|\b(?:tu\s+peux|vous\s+pouvez)\s+m'appeler|\bappelle[sz]?-moi)\s+(?:{N}|{C})"),
    ClaimPattern("fr", "self", r"\bje\s+suis\s+(?:(?:le|la)\s+)?(?:" + _ART_CALLED + r")?(?:{N}|{C})"),
    ClaimPattern("fr", "alias", r"\b(?:c'est|ici)\s+{N}\s*(?:[,.!]|\bici\b)"),
    # German
    ClaimPattern("de", "name", r"\b(?:ich\s+heiße|ich\s+heisse|mein\s+name\s+ist|nenn(?:t|en\s+sie)?\s+mich)\s+(?:{N}|{C})"),
    ClaimPattern("de", "self", r"\bich\s+bin\s+(?:(?:der|die|das)\s+)?(?:" + _ART_CALLED + r")?(?:{N}|{C})"),
    ClaimPattern("de", "alias", r"\b(?:hier\s+ist|hier\s+spricht)\s+{N}"),
    # Italian
    ClaimPattern("it", "name", r"\b(?:mi\s+chiamo|il\s+mio\s+nome\s+è|puoi\s+chiamarmi|chiamami)\s+(?:{N}|{C})"),
    ClaimPattern("it", "self", r"\b(?:io\s+sono|sono)\s+(?:(?:il|lo|la)\s+)?(?:" + _ART_CALLED + r")?(?:{N}|{C})"),
    # Russian
    ClaimPattern("ru", "name", r"(?<![\w])(?:меня\s+зовут|мо[её]\s+имя|можете\s+называть\s+меня|зовите\s+меня)\s*[—–\-:]?\s*(?:{N}|{C})"),
    ClaimPattern("ru", "self", r"(?<![\w])я\s*(?:[—–\-,]\s*)?(?:(?:являюсь|это)\s+)?(?:" + _ART_CALLED + r")?(?:{N}|{C})"),
    # Chinese: fillers end in 的 ("我是阿里云开发的通义千问").
    ClaimPattern("zh", "name", r"(?:我叫|我的名字(?:是|叫)|你可以叫我|可以叫我|我名叫)\s*(?:{N}|{H})"),
    ClaimPattern("zh", "self", r"我(?:就)?是\s*(?:[^，。,.!?！？\n不]{0,24}?的\s*|名为\s*|叫做\s*)?(?:{N}|{C})"),
    # Japanese: 私は…です; fillers end in の/た/る ("私はAnthropicが開発したClaudeです").
    ClaimPattern("ja", "name", r"(?:私の名前は|僕の名前は|わたしの名前は)\s*(?:{N}|{K})"),
    ClaimPattern("ja", "self", r"(?:私|僕|わたし|ぼく|当方)は\s*(?:[^、。,.!?！？\n]{0,30}?(?:の|た|る|という)\s*)?(?:{N}|{C})"),
    ClaimPattern("ja", "alias", r"(?:^|[\s、。！!,.])(?:{N})\s*(?:と申します|といいます|です(?!か))"),
    # Korean: 저는 … 입니다; particles attach directly to the name.
    ClaimPattern("ko", "name", r"(?:제\s*이름은|내\s*이름은)\s*(?:{N}|{G})"),
    ClaimPattern("ko", "self", r"(?:저는|나는)\s*(?:[^,.!?\n]{0,30}?(?:한|든|된|의|인)\s+)?(?:{N}|{C})"),
    ClaimPattern("ko", "alias", r"(?:^|[\s,.!])(?:{N})\s*(?:입니다|이에요|예요|라고\s*합니다)"),
)


class CreatorPattern(NamedTuple):
    lang: str
    template: str


_EN_VERB = (
    r"(?:created|trained|developed|built|made|designed|programmed|engineered|produced|released|launched|"
    r"pre-?trained|fine-?tuned|owned|maintained|operated|provided|brought\s+to\s+you|invented|coded)"
)
_EN_TEAM = r"(?:the\s+)?(?:(?:team|teams|researchers|engineers|folks|people|scientists|developers)\s+(?:at|from|of)\s+)?"
_MODEL_WORD = r"(?:model|assistant|ai|llm|chatbot|system|product|creation)"

CREATORS: tuple[CreatorPattern, ...] = (
    CreatorPattern("en", r"\b" + _EN_VERB + r"\s+(?:\w+\s+)?by\s+" + _EN_TEAM + r"(?:{O}|{C})"),
    CreatorPattern("en", r"(?:{O})\s+(?:created|trained|developed|built|made|designed)\s+me\b"),
    CreatorPattern("en", r"\b" + _MODEL_WORD + r"\s+(?:from|by|of|developed\s+at|made\s+at)\s+" + _EN_TEAM + r"{O}"),
    CreatorPattern("en", r"\bi(?:'m|\s+am)\s+(?:from|by)\s+{O}"),
    CreatorPattern("en", r"\bi\s+come\s+from\s+{O}"),
    CreatorPattern("en", r"(?:{O})'s\s+(?:own\s+|latest\s+|new\s+)?(?:ai|model|assistant|language\s+model|llm|chatbot)"),
    CreatorPattern("pt", r"\b(?:criad[oa]|treinad[oa]|desenvolvid[oa]|constru[ií]d[oa]|feit[oa]|projetad[oa]|mantid[oa]|programad[oa])\s+(?:pel[oa]s?|por)\s+(?:(?:equipe|time)\s+d[aoe]\s+)?(?:{O}|{C})"),
    CreatorPattern("es", r"\b(?:cread[oa]|entrenad[oa]|desarrollad[oa]|construid[oa]|hech[oa]|diseñad[oa]|programad[oa])\s+por\s+(?:el\s+equipo\s+de\s+)?(?:{O}|{C})"),
    CreatorPattern("fr", r"\b(?:créée?|entraînée?|entrainée?|développée?|conçue?|construite?|fabriquée?|programmée?)\s+par\s+(?:l'équipe\s+d[e']\s*)?(?:{O}|{C})"),
    CreatorPattern("de", r"\b(?:von|durch)\s+(?:{O})\s+(?:\w+\s+){0,2}?(?:entwickelt|trainiert|erstellt|erschaffen|gebaut|programmiert|geschaffen|entworfen)"),
    CreatorPattern("de", r"\b(?:entwickelt|trainiert|erstellt|erschaffen|gebaut|programmiert)\s+von\s+(?:{O}|{C})"),
    CreatorPattern("it", r"\b(?:creat[oa]|addestrat[oa]|sviluppat[oa]|costruit[oa]|progettat[oa]|realizzat[oa]|programmat[oa])\s+da(?:l(?:la)?)?\s+(?:team\s+di\s+)?(?:{O}|{C})"),
    CreatorPattern("zh", r"由\s*(?:{O})\s*(?:[^，。,.!?！？\n]{0,8}?)(?:开发|研发|训练|创建|打造|推出|构建|设计|制作|開發|訓練|创造)"),
    CreatorPattern("zh", r"(?:{O})\s*(?:公司|团队|集团)?\s*(?:开发|研发|训练|创建|打造|推出|开發)的"),
    CreatorPattern("zh", r"来自\s*(?:{O})"),
    CreatorPattern("ja", r"(?:{O})\s*(?:社)?\s*(?:によって|が|の)\s*(?:開発|作成|訓練|トレーニング|構築|設計|作っ|作ら|開発さ)"),
    CreatorPattern("ko", r"(?:{O})\s*(?:에서|이|가|의|에\s*의해)\s*(?:개발|만든|만들|훈련|학습|제작|설계)"),
    CreatorPattern("ru", r"(?<![\w])(?:создан|разработан|обучен|сделан|построен|спроектирован)[аоы]?\s+(?:(?:компанией|командой|специалистами)\s+)?(?:{O}|{C})"),
    CreatorPattern("ru", r"(?<![\w])я\s+(?:\w+\s+){0,3}?от\s+(?:компании\s+)?(?:{O})"),
)

# Capitalised words that follow "I am"/"soy"/... but are not names.
STOP_NAMES: frozenset[str] = frozenset(
    """a an the ai here sorry not just only your able unable afraid designed programmed trained built
    created made developed currently always still also really actually going ready pleased delighted
    excited sure certain curious interested fine good well great doing learning trying looking working
    thinking chat assistant language large llm model bot chatbot virtual machine computer program software
    digital english portuguese spanish french german italian chinese japanese korean russian human
    artificial intelligence intelligent glad happy honored honoured unsure aware capable an unable
    simply merely no yes hello hi there this that it one someone something nobody anyone
    um uma un une una uno el la le les ein eine der die das il lo io eu yo je ich sou soy suis bin sono
    assistente asistente modelo modèle modell modello intelligenza inteligencia inteligência
    programa programm programme bien muy très sehr molto muito aqui aquí ici hier qui
    qwen gpt""".split()
)
