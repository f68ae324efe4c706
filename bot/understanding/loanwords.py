"""Pay talk in two languages at once, read as the English words the rules already know.

People who switch languages mid-message keep English's frame and drop in their own words: "me ofrecieron
180k base pero el equity está bajo", "bro PS ne offer bheja: 32 LPA base aur 10 lakh ka ESOP, 4 saal
vesting", "grabe, 1.8M PHP lang yung base", "Zalando hat mir auch ein Angebot gemacht". Each phrase here
is put as the English the entity and intent rules read ("offered me", "years", "made me an offer"), so
those rules stay written once, in one language. Like bot/understanding/shorthand.py, nothing here
touches a figure: figures stay where they were typed.

Only phrases that cannot be English are listed (Tagalog "may" is also a month, French "ans" a shorthand
for "answer": neither is here), and fillers that name nobody ("yaar", "lah", "po", "daw") are dropped so
that they never become part of a company's name ("Flipkart yaar").
"""

from __future__ import annotations

import re

# Phrase (a regular expression, matched whole-word and in any case) -> the English the rules read.
_PHRASES: tuple[tuple[str, str], ...] = (
    # saying there is no other offer
    (r"wala\s+(?:akong|ako(?:ng)?)\s+ibang\s+offer", "no other offer"),
    (r"koi\s+(?:aur|dusra|doosra)\s+offer\s+nahi(?:\s+hai)?", "no other offer"),
    (r"no\s+tengo\s+(?:otra|ninguna\s+otra)\s+oferta", "no other offer"),
    (r"n[ãa]o\s+tenho\s+outra\s+oferta", "no other offer"),
    (r"(?:je\s+n'ai\s+)?pas\s+d'autre\s+offre", "no other offer"),
    (r"kein\s+anderes\s+angebot", "no other offer"),
    # an offer made by a named company
    (r"hat\s+mir\s+(?:auch\s+)?ein\s+angebot\s+gemacht", "made me an offer"),
    (r"me\s+(?:ofrecieron|ofreci[oó]|ofereceram|ofereceu)", "offered me"),
    (r"m'a\s+(?:offert|propos[ée])", "offered me"),
    (r"(?:din|rin)\s+ako", "also"),
    # what a part is called
    (r"sueldo\s+base|sal[aá]rio\s+base|salaire\s+de\s+base|grundgehalt", "base salary"),
    (r"sal[aá]rio|sueldo|salaire|gehalt|tankhwah", "salary"),
    (r"bono", "bonus"),
    (r"(?:una\s+)?(?:otra|outra)\s+oferta\s+(?:de|da|do)", "another offer from"),
    (r"une\s+autre\s+offre\s+(?:de|chez)", "another offer from"),
    (r"ein\s+anderes\s+angebot\s+(?:von|bei)", "another offer from"),
    (r"courriel", "email"),
    (r"la\s+recruteuse|le\s+recruteur|la\s+reclutadora|el\s+reclutador", "the recruiter"),
    (r"o\s+recrutador|a\s+recrutadora", "the recruiter"),
    (r"a[ñn]os|saal|jahre|taon", "years"),
    # refusals, floors, signing
    (r"est[aá]\s+fij[oa]", "is fixed"),
    (r"[ée]\s+fixo", "is fixed"),
    (r"no\s+se\s+mueve", "won't move"),
    (r"c'est\s+fixe", "it's fixed"),
    (r"mi\s+m[ií]nimo\s+(?:son|es)", "my minimum is"),
    (r"en\s+bas\s+de", "below"),
    (r"c'est\s+non", "it's a no"),
    (r"ya\s+firm[ée]|j'ai\s+sign[ée]|j[áa]\s+assinei|assinei|habe\s+unterschrieben", "signed"),
    # questions
    (r"qu[ée]\s+puedes\s+hacer", "what can you do"),
    (r"o\s+que\s+(?:voc[êe]|vc)\s+pode\s+fazer", "what can you do"),
    (r"c[oó]mo\s+funciona", "how does it work,"),
    (r"ils\s+sont\s+revenus\s+avec|volvieron\s+con|voltaram\s+com", "they came back with"),
    (r"se\s+kam\s+(?:mein\s+|me\s+|pe\s+|par\s+)?nahi\s+(?:jaunga|jaungi|lunga|lungi|chalega)", "is my minimum"),
    (r"soll\s+ich\s+(?:das\s+)?(?:einfach\s+)?annehmen", "should i accept"),
    (r"devo\s+aceitar", "should i accept"),
    (r"(?:e|y)\s+si\s+dicen\s+que\s+no|e\s+se\s+eles\s+disserem\s+n[ãa]o", "what if they say no"),
    (r"et\s+s'ils\s+disent\s+non", "what if they say no"),
    (r"c'est\s+une\s+bonne\s+offre", "is this a good offer"),
    (r"[ée]\s+uma\s+boa\s+oferta|es\s+una\s+buena\s+oferta", "is it a good offer"),
    (r"[ée]cris[- ]moi", "write me"),
    (r"pwede\s+mo\s+ba\s+i-?", "can you "),
    # not knowing, thanks, greetings, forgetting
    (r"no\s+s[ée]|n[ãa]o\s+sei|je\s+(?:ne\s+)?sais\s+pas|pata\s+nahi|hindi\s+ko\s+alam", "don't know"),
    (r"wei(?:ß|ss)\s+(?:ich\s+)?nicht", "don't know"),
    (r"^(?:salamat|gracias|obrigad[oa]|merci|danke|shukriya|dhanyavaad)\b", "thanks"),
    (r"^(?:hola|ol[aá]|bonjour|salut|hallo|kumusta|namaste|ciao|moin|servus)\b", "hello"),
    (r"^(?:merhaba|salaam|salam|konnichiwa)\b", "hello"),
    (r"buenas(?:\s+(?:tardes|noches|d[ií]as))?|buenos\s+d[ií]as|bom\s+dia|boa\s+tarde", "hello"),
    (r"borra\s+mis\s+datos|apaga\s+(?:os\s+)?meus\s+dados", "delete my data"),
    (r"efface\s+mes\s+donn[ée]es|l[öo]sch(?:e)?\s+meine\s+daten", "delete my data"),
)
# Fillers of other languages, dropped: none of them names anything ("Flipkart yaar", "2.4M PHP total daw").
# (accented "né", "tá" only: "ne" and "ta" are words of Hinglish and Tagalog that the rules read)
_FILLERS = r"yaar|bhai|lah|leh|lor|po|daw|pala|naman|porfa|stp|né|tá|[óo]rale|arre|grabe|lang|yung"

_PHRASE_RE = re.compile(
    "|".join(f"(?P<p{i}>(?<![\\w'])(?:{pattern})(?![\\w']))" for i, (pattern, _) in enumerate(_PHRASES)),
    re.I | re.M,
)
_FILLER_RE = re.compile(rf"(?<![\w'])(?:{_FILLERS})(?![\w'])[ \t]*", re.I)


# "cómo funciona el vesting aquí?": the thing asked about, put where English asks it
_HOW_WORKS_RE = re.compile(r"c[oó]mo\s+funciona\s+(?:el|la|los|las|o|a)\s+([\w-]+)", re.I)
# A figure put right in Hinglish: "Flipkart ka base 44 LPA hai, 42 nahi" (not 42)
_NOT_AFTER_RE = re.compile(r"(?<=[,;]\s)(\d[\d.,]*\s*(?:k|lpa|lakh)?)\s+nahi\b", re.I)
# A figure's part, or a company's, joined by a word of the other language: "110k de base", "Flipkart ka base"
_DE_PART_RE = re.compile(r"(?<=[\dkKmMl])\s+de\s+(?=(?:base|salary)\b)", re.I)
_KA_PART_RE = re.compile(  # a name's, never a figure's ("10 lakh ka ESOP")
    r"(?<=[A-Za-z])(?<!lakh)(?<!lakhs)(?<!lac)(?<!crore)(?<!lpa)(?<!\bk)\s+(?:ka|ki|ke)\s+"
    r"(?=(?:base|offer|salary|ctc|stock|equity|bonus|esops?|sign[- ]?on)\b)",
    re.I,
)


def _replace(match: re.Match) -> str:
    return _PHRASES[int(match.lastgroup[1:])][1]


def translate(text: str) -> str:
    """`text` with the listed phrases of other languages put as English, and fillers dropped."""
    text = _HOW_WORKS_RE.sub(r"how does the \1 work", text)
    text = _NOT_AFTER_RE.sub(r"not \1", _PHRASE_RE.sub(_replace, text))
    text = _KA_PART_RE.sub("'s ", _DE_PART_RE.sub(" ", text))
    text = _FILLER_RE.sub("", text)
    return re.sub(r"[ \t]+([,.!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
