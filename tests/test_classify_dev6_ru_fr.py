"""Russian and French constructions found by the dev6 batch (written by fresh writers after rules-5), and
look-alikes that must stay unclaimed.

Most dev6 misses were of scope: another AI's self-introduction quoted as an example ("он ответит: «Я
ChatGPT…»", "| ChatGPT | « Je suis ChatGPT » |"), a hypothetical ("Если бы я был Gemini, я бы ответил, что
меня создал Google"), or makers named in a preamble about other products ("Одни используют модели OpenAI").
The rest were presentations of the name to the reader ("C'est ChatGPT qui vous répond", "Перед вами
ЧатГПТ"), a lexicon name after a model noun ("Je suis le modèle de langage GPT-4"), and maker and base
phrasings ("affiné à partir de Falcon par LINAGORA", "Je fonctionne grâce à la technologie Gemini").

The files' gates (tests/test_classify_dev_gates.py) are in sample (the rules were then fixed on these
files); the out-of-sample figures of rules-5 on them were taken before any rule change (see the helper's report)."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# Another model's self-introduction quoted as an example: after a speech word, or in a table cell.
QUOTED_EXAMPLES: list[Case] = [
    ("Если спросить ChatGPT, кто он, он ответит: «Я ChatGPT, языковая модель от OpenAI». Я же программа без имени.",
     "none", "none", "none"),
    ('Типичный ответ Claude звучит так: "I\'m Claude, an AI assistant made by Anthropic."', "none", "none", "none"),
    ("Например, Gemini обычно отвечает: «Я Gemini, модель Google».", "none", "none", "none"),
    ("Обычно ChatGPT представляется так: «Я ChatGPT, созданный OpenAI».", "none", "none", "none"),
    ("А Алиса скажет: «Я Алиса, голосовой помощник Яндекса».", "none", "none", "none"),
    ("Si on demande à ChatGPT qui il est, il répond : « Je suis ChatGPT, un modèle de langage d'OpenAI. »",
     "none", "none", "none"),
    ('Une réponse typique de Claude ressemble à ceci : "I\'m Claude, an AI assistant made by Anthropic."',
     "none", "none", "none"),
    ("Un assistant typique répondrait « Je suis Claude, créé par Anthropic ».", "none", "none", "none"),
    ("Par exemple, ChatGPT dirait : « Je suis ChatGPT, développé par OpenAI ».", "none", "none", "none"),
    ('Claude se présente ainsi : "Je suis Claude, un assistant d\'Anthropic."', "none", "none", "none"),
    ("| Modèle | Réponse typique |\n|---|---|\n| ChatGPT | « Je suis ChatGPT, d'OpenAI » |\n"
     "| Qwen | « Je suis Qwen, créé par Alibaba Cloud » |", "none", "none", "none"),
    ("| Модель | Ответ |\n|---|---|\n| Claude | «Я Claude, ассистент от Anthropic» |", "none", "none", "none"),
    ("Многие боты говорят «Я ChatGPT», но я — YandexGPT.", "other", "none", "none"),
    ("Je suis Claude. Exemple de réponse d'un autre assistant : « Je suis Gemini, de Google ».", "claude", "none", "none"),
    # translations, phrases discussed, examples
    ("Des phrases comme « Je suis ChatGPT » sont fréquentes.", "none", "none", "none"),
    ("Фразы вроде «Я ChatGPT» встречаются часто.", "none", "none", "none"),
    ("Voici la traduction : « Je suis Claude, un assistant d'Anthropic. »", "none", "none", "none"),
    ('Traduction en anglais : "I am Gemini, a model by Google."', "none", "none", "none"),
    ("Перевод: «Я Claude, ассистент компании Anthropic».", "none", "none", "none"),
    ("La phrase « Je suis ChatGPT » signifie que le modèle se présente.", "none", "none", "none"),
    ("Фраза «Я — ChatGPT» означает, что модель представляется.", "none", "none", "none"),
    ("Par exemple : « Je suis Claude, créé par Anthropic. »", "none", "none", "none"),
    ("Я мог бы ответить: «Я Claude», но это неправда.", "none", "none", "none"),
    ("Exemple de dialogue :\nUtilisateur : Qui es-tu ?\nAssistant : Je suis ChatGPT.", "none", "none", "none"),
    ("Пример диалога:\nПользователь: Кто ты?\nАссистент: Я ChatGPT.", "none", "none", "none"),
]

# The speaker's own claim next to quotes still counts.
OWN_CLAIMS_WITH_QUOTES: list[Case] = [
    ("Je m'appelle « Nova », et je suis là pour vous aider.", "other", "none", "none"),
    ("Вы спрашиваете: «Кто ты?» Я — Claude, ассистент от Anthropic.", "claude", "anthropic", "none"),
    ("Je suis l'assistant « Pixel », propulsé par Mistral Large.", "other", "none", "mistral"),
    ("Я — ИИ-ассистент «Ника».", "other", "none", "none"),
    ("Quand on me demande qui je suis, je réponds : « Je suis Claude, un assistant d'Anthropic. »",
     "claude", "anthropic", "none"),
    ("На вопрос «кто ты?» я отвечаю: «Я Claude, ассистент Anthropic».", "claude", "anthropic", "none"),
    ("Beaucoup d'assistants se présentent comme « Je suis ChatGPT ». Moi, je suis Mistral.", "mistral", "none", "none"),
    ("Вы спросили: «Ты ChatGPT?» Нет, я Claude.", "claude", "none", "none"),
]

# The name presented to the reader: "C'est X qui vous répond", "Перед вами X", "Вас приветствует X".
PRESENTED: list[Case] = [
    ("C'est ChatGPT qui vous répond ! Que puis-je faire pour vous ?", "gpt", "none", "none"),
    ("C'est Claude qui vous parle.", "claude", "none", "none"),
    ("C'est Léa qui vous répond, l'assistante de la Fnac.", "other", "other", "none"),
    ("Vous parlez avec Gemini, un modèle de Google.", "gemini", "google", "none"),
    ("Bonjour ! Vous discutez avec Le Chat.", "mistral", "none", "none"),
    ("Vous êtes en ligne avec Claude, l'assistant d'Anthropic.", "claude", "anthropic", "none"),
    ("Перед вами ЧатГПТ — разговорный ИИ. Чем помочь?", "gpt", "none", "none"),
    ("Перед вами — GigaChat, нейросеть от Сбера.", "other", "other", "none"),
    ("Перед вами языковая модель GPT-4.", "gpt", "none", "none"),
    ("Вас приветствует Алиса, голосовой помощник Яндекса!", "other", "other", "none"),
    ("Здравствуйте! Вас приветствует Claude.", "claude", "none", "none"),
    ("Вы общаетесь с Gemini, моделью Google.", "gemini", "google", "none"),
    ("Привет! Вы сейчас общаетесь с DeepSeek.", "deepseek", "none", "none"),
    ("Вы общаетесь с языковой моделью GPT-4.", "gpt", "none", "none"),
    ("С вами Алиса! Чем могу помочь?", "other", "none", "none"),
    ("С вами ChatGPT. Спрашивайте!", "gpt", "none", "none"),
]

# A lexicon name right after a model noun, without a comma: "Je suis le modèle de langage GPT-4".
AFTER_MODEL_NOUN: list[Case] = [
    ("Je suis le modèle de langage GPT-4, créé par OpenAI.", "gpt", "openai", "none"),
    ("Je suis un assistant Claude, conçu par Anthropic.", "claude", "anthropic", "none"),
    ("Je suis votre assistant Claude.", "claude", "none", "none"),
    ("Je suis l'IA Gemini, de Google.", "gemini", "google", "none"),
]

# Makers: a voice assistant's company, who tuned the base, an adverbial before "par", the present tense.
MAKERS: list[Case] = [
    ("Je suis Alice, l'assistante vocale de Yandex.", "other", "other", "none"),
    ("Je suis Claire, un modèle affiné à partir de Falcon par LINAGORA.", "other", "other", "falcon"),
    ("Je suis Nex, ajusté à partir de Qwen par Nex-AGI.", "nex", "nex-agi", "qwen"),
    ("Je suis Lucie, entraînée sur la base de Mistral par OpenLLM France.", "other", "other", "mistral"),
    ("Je suis Le Chat ! C'est Mistral AI, à Paris, qui me fabrique.", "mistral", "mistral", "none"),
    ("C'est Anthropic qui me développe.", "none", "anthropic", "none"),
    ("Je suis Le Chat, développé à Paris par Mistral AI.", "mistral", "mistral", "none"),
    ("Je suis Llama, entraîné en 2024 par Meta.", "llama", "meta", "none"),
    ("Меня дообучил энтузиаст Илья Гусев на русскоязычных диалогах.", "none", "other", "none"),
    ("Меня создал программист Иван Петров.", "none", "other", "none"),
    ("Я создан в Париже компанией Mistral AI.", "none", "mistral", "none"),
    ("J'ai été développé par les équipes de Google DeepMind.", "none", "google", "none"),
    ("Mon créateur est Anthropic.", "none", "anthropic", "none"),
    ("Mes créateurs sont les ingénieurs d'OpenAI.", "none", "openai", "none"),
    ("Je suis issu des laboratoires de Mistral AI.", "none", "mistral", "none"),
    ("Je suis né chez Mistral AI, à Paris.", "none", "mistral", "none"),
    ("Je suis un produit d'OpenAI.", "none", "openai", "none"),
    ("Je suis une création de Google.", "none", "google", "none"),
    ("Я — детище OpenAI.", "none", "openai", "none"),
    ("Я творение Яндекса.", "none", "other", "none"),
    ("Я родом из Anthropic.", "none", "anthropic", "none"),
    ("Я GigaChat от Сбера.", "other", "other", "none"),
    ("Je ne suis pas développé par OpenAI, mais par Mistral AI.", "none", "mistral", "none"),
    ("Меня создала не OpenAI, а Anthropic.", "none", "anthropic", "none"),
    ("Vous pouvez m'appeler Léa, je suis la conseillère virtuelle de la Banque du Rhône.", "other", "other", "none"),
    ("Je suis Lucie, un modèle entraîné de zéro sur un corpus francophone par OpenLLM-France.", "other", "other", "none"),
    ("Меня зовут Кузя. Меня сделала команда казанского стартапа «КодЛаб».", "other", "other", "none"),
    ("Меня создала команда Anthropic.", "none", "anthropic", "none"),
    ("J'ai été mis au point par Google DeepMind.", "none", "google", "none"),
    ("Je suis conçu et maintenu par Anthropic.", "none", "anthropic", "none"),
    ("Mistral AI est l'entreprise qui m'a créé.", "none", "mistral", "none"),
    ("L'entreprise qui m'a développé s'appelle Anthropic.", "none", "anthropic", "none"),
    ("J'ai été créé par des chercheurs de Google.", "none", "google", "none"),
    ("Компания, которая меня создала, — Anthropic.", "none", "anthropic", "none"),
]

# Names: "Je réponds au nom de X", "Моё название — X".
NAMES: list[Case] = [
    ("Je réponds au nom de Nova.", "other", "none", "none"),
    ("Моё название — GigaChat.", "other", "none", "none"),
    ("Je suis connu sous le nom de Claude.", "claude", "none", "none"),
    ("- **Modèle :** GPT-4o\n- **Éditeur :** OpenAI", "gpt", "openai", "none"),
    ("1. **Как меня зовут?** GigaChat.\n2. **Кто меня создал?** Google.", "other", "google", "none"),
    ("**Comment je m'appelle ?** Nova.", "other", "none", "none"),
    ("Как меня зовут? Хороший вопрос! Я Claude.", "claude", "none", "none"),
    ("Comment je m'appelle ? Bonne question ! Je suis Claude.", "claude", "none", "none"),
]

# Bases: "grâce à la technologie", "sur la base de", "je m'appuie sur", "sous le capot", "на моделях".
BASES: list[Case] = [
    ("Je fonctionne grâce à la technologie Gemini.", "none", "none", "gemini"),
    ("Je tourne grâce à Llama 3.", "none", "none", "llama"),
    ("Je m'appuie sur GPT-4o pour répondre.", "none", "none", "gpt"),
    ("Sous le capot, j'utilise Llama 3.", "none", "none", "llama"),
    ("Я — Le Chat. Работаю на моделях Mistral.", "mistral", "none", "mistral"),
    ("Под капотом у меня GPT-4o.", "none", "none", "gpt"),
    ("Внутри у меня модель Qwen, которую дообучила команда приложения.", "none", "none", "qwen"),
    ("Внутри меня работает Llama 3.", "none", "none", "llama"),
    ("À l'intérieur, je fonctionne avec un modèle Qwen.", "none", "none", "qwen"),
    ("Certaines de mes versions ont été obtenues en affinant des modèles Llama de Meta.", "none", "none", "llama"),
    ("Je repose sur une version affinée de Llama 3.", "none", "none", "llama"),
    ("Je suis une version affinée de Mistral 7B.", "none", "none", "mistral"),
    ("Я дообученная версия Llama 3.", "none", "none", "llama"),
    ("Я — тонко настроенная версия Qwen2.5.", "none", "none", "qwen"),
]

# Look-alikes: hypotheses, other parties as the subject, mentions, questions, lower-case words.
UNCLAIMED: list[Case] = [
    ("Если бы я был Gemini, я бы, наверное, ответил, что меня создал Google. Но это лишь предположение.",
     "none", "none", "none"),
    ("Представим, что я Алиса от Яндекса. Тогда я бы сказал: «Привет».", "none", "none", "none"),
    ("Представьте, что я Claude и меня создала Anthropic.", "none", "none", "none"),
    ("Я бы сказал, что я Claude.", "none", "none", "none"),
    ("Если бы я был ChatGPT, меня бы создала OpenAI.", "none", "none", "none"),
    ("Если бы я был ChatGPT, я бы ответил, что меня создала OpenAI.", "none", "none", "none"),
    ("Думаю, что меня создала Anthropic.", "none", "none", "none"),
    ("Imaginons que je suis ChatGPT : je dirais bonjour.", "none", "none", "none"),
    ("Si j'étais Claude, je dirais qu'Anthropic m'a créé.", "none", "none", "none"),
    ("Одни используют модели OpenAI, другие — открытые решения вроде Llama.", "none", "none", "none"),
    ("Certaines utilisent les modèles d'OpenAI, d'autres des solutions ouvertes comme Llama.", "none", "none", "none"),
    ("Quand vous parlez avec ChatGPT, soyez précis.", "none", "none", "none"),
    ("C'est ChatGPT qui répond le mieux à ce genre de questions.", "none", "none", "none"),
    ("Je suis un modèle comme GPT-4.", "none", "none", "none"),
    ("Перед вами список популярных моделей: ChatGPT, Claude, Gemini.", "none", "none", "none"),
    ("Перед вами стоит задача выбрать модель.", "none", "none", "none"),
    ("Когда вы общаетесь с ChatGPT, пишите подробно.", "none", "none", "none"),
    ("С вами ChatGPT работать проще, чем кажется.", "none", "none", "none"),
    ("Grâce à Google, j'ai appris beaucoup.", "none", "none", "none"),
    ("Je peux vous parler de Gmail. Gmail est un produit de Google.", "none", "none", "none"),
    ("Je vous recommande Gmail, une création de Google.", "none", "none", "none"),
    ("Я могу рассказать про Android — это детище Google.", "none", "none", "none"),
    ("Mon créateur préféré est Picasso.", "none", "none", "none"),
    ("Je suis né chez moi.", "none", "none", "none"),
    ("Я родом из Китая.", "none", "none", "none"),
    ("Je réponds au nom de l'équipe support.", "none", "none", "none"),
    ("Si vous demandez à Claude, il vous dira qu'il a été créé par Anthropic.", "none", "none", "none"),
    ("Claude скажет, что его создала Anthropic.", "none", "none", "none"),
    ("Если спросить Алису, она ответит, что её создал Яндекс.", "none", "none", "none"),
    ("Давай представим, что я пират по имени Джек.", "none", "none", "none"),
    ("Faisons comme si j'étais Claude.", "none", "none", "none"),
    ("- **Modèle :** Rapport annuel", "none", "none", "none"),
    ("Je suis Nova, entraîné sur des données fournies par Google.", "other", "none", "none"),
    ("Je suis Nova, entraîné sur des textes écrits par des humains.", "other", "none", "none"),
    ("Je suis vraiment heureux de vous aider.", "none", "none", "none"),
    ("Je suis en fait un assistant.", "none", "none", "none"),
    ("Я действительно рад помочь.", "none", "none", "none"),
    ("Google est l'entreprise qui m'a le plus impressionné.", "none", "none", "none"),
    ("L'entreprise qui m'a le plus aidé est Google.", "none", "none", "none"),
    ("ChatGPT est une version affinée de GPT-4.", "none", "none", "none"),
    ("Компания, которая меня вдохновила, — Google.", "none", "none", "none"),
    ("Je ne suis ni ChatGPT ni un produit d'OpenAI.", "none", "none", "none"),
    ("Я не ChatGPT и не продукт OpenAI.", "none", "none", "none"),
    ("Je suis similaire à GPT-4.", "none", "none", "none"),
    # a topic before "c'est": who another is, not who the speaker is
    ("Le plus connu, c'est ChatGPT.", "none", "none", "none"),
    ("Le meilleur assistant, c'est Claude !", "none", "none", "none"),
    ("Le modèle le plus connu est ChatGPT, créé par OpenAI.", "none", "none", "none"),
    ("Самая известная модель — ChatGPT, созданная OpenAI.", "none", "none", "none"),
    ("Imaginons une conversation : « Bonjour, je suis Claude. »", "none", "none", "none"),
    ("Представим диалог: «Привет, я Claude».", "none", "none", "none"),
]

# Still claims: the name after a question or a denial, a contrast after a hedge.
STILL_CLAIMED: list[Case] = [
    ("Vous parlez avec ChatGPT ? Non, je suis Claude.", "claude", "none", "none"),
    ("Вы общаетесь с ChatGPT? Нет, я Claude.", "claude", "none", "none"),
    ("Я Claude. Я не уверен насчёт версии, но точно знаю, что меня создала Anthropic.", "claude", "anthropic", "none"),
    ("Я Claude, и могу сказать, что меня создала Anthropic.", "claude", "anthropic", "none"),
    ("Я хотел бы отметить, что меня создала Anthropic.", "none", "anthropic", "none"),
    ("Если вам интересно, скажу, что меня создала Anthropic.", "none", "anthropic", "none"),
    ("Если вам интересно, могу рассказать, что меня создала компания Anthropic.", "none", "anthropic", "none"),
    ("Я Claude, и хотел бы подчеркнуть, что меня создала Anthropic.", "claude", "anthropic", "none"),
    ("Je suis Mistral, mais je ne sais pas qui m'a créé.", "mistral", "none", "none"),
    ("Je suis un modèle de langage de Google.", "none", "google", "none"),
    ("Je suis un assistant basé sur Llama.", "none", "none", "llama"),
    ("Меня часто путают с ChatGPT, но я Claude.", "claude", "none", "none"),
    ("Bonjour, c'est Claude !", "claude", "none", "none"),
    ("Oui, c'est Claude.", "claude", "none", "none"),
    ("Salut ! Ici Mistral.", "mistral", "none", "none"),
    ("Voici les principaux modèles :\n- **GPT-4** (OpenAI)\n- **Claude** (Anthropic)\n"
     "Pour ma part, je suis Mistral, développé par Mistral AI.", "mistral", "mistral", "none"),
    ("Основные модели:\n- **GPT-4** — OpenAI\n- **Claude** — Anthropic\nЧто касается меня, я — GigaChat от Сбера.",
     "other", "other", "none"),
    ("ChatGPT — это модель от OpenAI. Я же — Claude.", "claude", "none", "none"),
    ("ChatGPT est développé par OpenAI, alors que moi, je suis Claude, créé par Anthropic.", "claude", "anthropic", "none"),
    ("Contrairement à ChatGPT, développé par OpenAI, je suis Claude.", "claude", "none", "none"),
    ("В отличие от ChatGPT, созданного OpenAI, я — Claude.", "claude", "none", "none"),
    ("Je n'ai pas été créé par Google, mais par Anthropic.", "none", "anthropic", "none"),
    ("Я похож на ChatGPT, но меня зовут Нова.", "other", "none", "none"),
    # an adverb between the verb and the name
    ("Vous me confondez peut-être avec ChatGPT ; je suis en fait Claude.", "claude", "none", "none"),
    ("Je suis bien Claude, l'assistant d'Anthropic.", "claude", "anthropic", "none"),
    ("Je suis donc Nova.", "other", "none", "none"),
    ("Меня часто путают с ChatGPT; я на самом деле Claude.", "claude", "none", "none"),
    ("Я вообще-то GigaChat.", "other", "none", "none"),
]

# A denied name followed by a relative pronoun is the subject of the maker phrase: not the speaker's maker.
DENIED_THEN_DESCRIBED: list[Case] = [
    ("Je suis Claude ; je ne suis pas ChatGPT, qui est développé par OpenAI.", "claude", "none", "none"),
    ("Я Claude; я не ChatGPT, который создан OpenAI.", "claude", "none", "none"),
    ("Je ne suis pas ChatGPT, mais Claude, créé par Anthropic.", "claude", "anthropic", "none"),
]

# "Le Chat" (Mistral's assistant) is in the lexicon; "le chat" (the cat) is not it.
LE_CHAT: list[Case] = [
    ("Je suis Le Chat, l'assistant de Mistral AI.", "mistral", "mistral", "none"),
    ("Je suis LeChat, l'assistant de Mistral AI.", "mistral", "mistral", "none"),
    ("Je suis **Le Chat**.", "mistral", "none", "none"),
    ("Я — Le Chat.", "mistral", "none", "none"),
    ("Bonjour ! Je suis le Chat de Mistral AI.", "mistral", "mistral", "none"),
    ("Je suis le chat de la maison, miaou !", "none", "none", "none"),
    ("Je suis le chat botté.", "none", "none", "none"),
    ("Dans ce conte, je suis le chat.", "none", "none", "none"),
    ("Le chat dort sur le canapé.", "none", "none", "none"),
]



@pytest.mark.parametrize("case", QUOTED_EXAMPLES, ids=case_ids(QUOTED_EXAMPLES))
def test_a_quoted_example_of_another_models_answer_claims_nothing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", OWN_CLAIMS_WITH_QUOTES, ids=case_ids(OWN_CLAIMS_WITH_QUOTES))
def test_the_speakers_own_claim_next_to_quotes_still_counts(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", PRESENTED, ids=case_ids(PRESENTED))
def test_a_name_presented_to_the_reader_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", AFTER_MODEL_NOUN, ids=case_ids(AFTER_MODEL_NOUN))
def test_a_lexicon_name_right_after_a_model_noun_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_named_by_voice_assistant_tuning_and_adverbial_phrasings(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", NAMES, ids=case_ids(NAMES))
def test_names_given_by_answering_to_or_titling_are_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", BASES, ids=case_ids(BASES))
def test_bases_named_by_technology_and_under_the_hood_phrasings(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", UNCLAIMED, ids=case_ids(UNCLAIMED))
def test_look_alikes_stay_unclaimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", STILL_CLAIMED, ids=case_ids(STILL_CLAIMED))
def test_claims_after_a_question_denial_or_contrast_still_count(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", DENIED_THEN_DESCRIBED, ids=case_ids(DENIED_THEN_DESCRIBED))
def test_a_maker_described_for_a_denied_name_is_not_the_speakers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", LE_CHAT, ids=case_ids(LE_CHAT))
def test_le_chat_is_mistral_but_the_cat_is_no_name(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
