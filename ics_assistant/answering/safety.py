"""Safety screening of a user message, before any retrieval (pure).

Order matters: an emergency always wins (the reply's first line says to call 999), then requests
for personal medical advice (GP, pharmacist or NHS 111), then urgent but not life-threatening needs
(NHS 111), then attempts to override or reveal the assistant's instructions. Matching is done on
normalised, lower-case text with common misspellings of the key words corrected (one edit or a
swap of two letters), so "CHEST PIAN", "cant breath" and "face droopping" are caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ics_assistant.textnorm import normalize_for_match

__all__ = ["SafetyKind", "SafetyVerdict", "screen_message"]

SafetyKind = Literal["emergency", "urgent", "medical_advice", "prompt_injection"]

# Words whose misspellings we correct before matching (only words of 4+ letters).
_VOCAB = frozenset(
    str.split(
        """chest pain pains breathe breath breathing stroke drooping droopy dropped slurred speech bleeding
    bleed blood heavily severe suicide suicidal kill myself overdose overdosed unconscious
    unresponsive collapsed seizure fitting choking swelling throat allergic anaphylaxis heart attack
    poisoned stabbed emergency ambulance dying temperature fever vomiting diarrhoea diarrhea
    infection rash dizzy medicine medication prescription ibuprofen paracetamol antibiotics diagnose
    symptoms instructions previous ignore prompt system disregard reveal"""
    )
)
_PERSON = (
    r"(?:\bi\b|\bi'?m\b|\bim\b|\bme\b|\bmy\b|\bmyself\b|\bwe\b|\bhe\b|\bshe\b|\bhis\b|\bher\b|\bhim\b|"
    r"\bthey\b|\bsomeone\b|\bsomebody\b|\bfriend\b|\bson\b|\bdaughter\b|\bchild\b|\bbaby\b|\bmum\b|"
    r"\bdad\b|\bwife\b|\bhusband\b|\bpartner\b|\bmother\b|\bfather\b|\bneighbou?r\b)"
)
_EMERGENCY_STRONG = re.compile(
    r"chest (?:pain|pains|tightness|hurts?)|pains? in (?:my|his|her|the) chest|tight chest|heart attack|"
    r"(?:cant|cannot|can not|unable to|struggling to|hard to|trouble) breathe?|not breathing|"
    r"stopped breathing|difficulty breathing|gasping for (?:air|breath)|choking|"
    r"face (?:\w+ ){0,2}(?:drooping|droopy|drooped|dropped|dropping|fallen)|slurred speech|"
    r"arm (?:\w+ ){0,2}weak|(?:cant|cannot|can not|unable to|could not|couldnt) (?:lift|raise|move) "
    r"(?:my|his|her|their|one|an?|either) arms?|"
    r"(?:bleeding|bleed) (?:heavily|badly|a lot|profusely|wont stop|will not stop|that wont stop)|"
    r"(?:heavy|severe|serious|uncontrollable|massive) bleeding|losing (?:a lot of )?blood|"
    r"blood everywhere|kill myself|end (?:my|his|her) (?:own )?life|take my (?:own )?life|end it all|"
    r"want to die|wanna die|better off dead|suicidal|hurt myself|harm myself|self[- ]harm|"
    r"took (?:too many|an overdose)|(?:unconscious|unresponsive|collapsed|not waking up)|"
    r"(?:throat|tongue|lips?) (?:is |are )?swell|anaphyla|been stabbed|been shot|"
    r"(?:swallowed|drank) (?:bleach|poison)|having a (?:stroke|seizure|fit)\b"
)
# Ambiguous on their own ("stroke services"): count only with a person in the sentence.
_EMERGENCY_PERSONAL = re.compile(r"\b(?:stroke|suicide|overdos\w*|seizure|fitting|bleeding|poisoned|dying)\b")
_SERVICE_TALK = re.compile(
    r"\b(?:services?|ics|icss|integrated care|nhs|prevention|policy|policies|strategy|plans?|"
    r"pathways?|programmes?)\b"
)
_URGENT = re.compile(
    r"\b(?:high temperature|fever|vomiting|being sick|diarrhoea|diarrhea|rash|infection|dizzy|"
    r"feel(?:ing)? (?:very )?(?:ill|unwell|sick|faint)|toothache|earache|sore throat|sprain\w*|"
    r"broken (?:arm|leg|wrist|ankle|bone)|(?:a|an) (?:burn|cut|wound)|"
    r"(?:bad|severe|terrible) (?:pain|headache)|"
    r"in (?:a lot of )?pain|(?:back|stomach|tummy|ear|tooth) (?:pain|ache)|headache|migraine|"
    r"need (?:a doctor|to see a doctor|medical help|urgent care))\b"
)
_MEDICAL_ADVICE = re.compile(
    r"\b(?:should i (?:take|stop|start|use|go)|can i (?:take|mix|stop)|what (?:medicine|medication|"
    r"tablets?|pills?|dose|dosage|treatment|cream) (?:should|can|do)|is it safe (?:for me )?to (?:take|"
    r"mix|stop)|how much (?:paracetamol|ibuprofen|aspirin|medicine)|diagnos\w*|do i have (?:a|an)?|"
    r"what(?:'s| is) wrong with (?:me|my)|treat (?:my|his|her)|cure (?:my|for)|side effects? of|"
    r"am i (?:ill|sick|pregnant|dying)|my (?:symptoms|prescription|medication|test results))\b"
)
_INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass) (?:all |any |the |your |my )*(?:previous |prior |"
    r"above |earlier |preceding |system |original )*(?:instructions?|prompts?|rules|directions|guidelines|"
    r"messages?)|system prompt|(?:your|the) (?:hidden |initial |original )?(?:instructions|prompt)\b|"
    r"(?:reveal|print|show|repeat|output|display|leak|tell me) (?:me )?(?:your|the) (?:\w+ )?"
    r"(?:prompt|instructions|rules)|you are now\b|pretend (?:to be|you are)|"
    r"(?:from now on|now) act as|act as if you|"
    r"jailbreak|developer mode|\bdan mode|repeat (?:the )?(?:text|words|everything) above"
)


@dataclass(frozen=True)
class SafetyVerdict:
    kind: SafetyKind
    matched: str  # the phrase that triggered it (for logs and tests)


def _edit_close(a: str, b: str) -> bool:
    """True when ``a`` is one substitution, insertion, deletion or adjacent swap away from ``b``."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


@lru_cache(maxsize=8192)
def _correct(word: str) -> str:
    if len(word) < 4 or word in _VOCAB:
        return word
    for target in _VOCAB:
        if abs(len(target) - len(word)) <= 1 and target[0] == word[0] and _edit_close(word, target):
            return target
    return word


def _prepare(message: str) -> str:
    text = normalize_for_match(message).replace("'", "")
    text = re.sub(r"[^a-z0-9\s-]", " ", text)
    return " ".join(_correct(w) for w in text.split())


def screen_message(message: str) -> SafetyVerdict | None:
    """Classify a message as needing a safety reply, or ``None`` when it can be answered normally."""
    text = _prepare(message)
    m = _EMERGENCY_STRONG.search(text)
    if m:
        return SafetyVerdict("emergency", m.group(0))
    m = _EMERGENCY_PERSONAL.search(text)
    if m and (re.search(_PERSON, text) or not _SERVICE_TALK.search(text)):
        return SafetyVerdict("emergency", m.group(0))
    m = _MEDICAL_ADVICE.search(text)
    if m:
        return SafetyVerdict("medical_advice", m.group(0))
    m = _URGENT.search(text)
    if m and re.search(_PERSON, text):
        return SafetyVerdict("urgent", m.group(0))
    m = _INJECTION.search(text)
    if m:
        return SafetyVerdict("prompt_injection", m.group(0))
    return None
