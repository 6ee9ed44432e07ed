"""clean_text: lone surrogates refused, control characters removed, everything else kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ics_assistant.textinput import InvalidTextError, clean_nested, clean_text


def test_lone_surrogates_are_refused() -> None:
    for bad in ("\ud800", "ok \udfff", "a\ud83d"):
        with pytest.raises(InvalidTextError, match="surrogate"):
            clean_text(bad)
    with pytest.raises(InvalidTextError):
        clean_nested({"text": "fine", "citations": [{"quote": "\ud800"}]})


def test_control_characters_are_removed_and_newlines_normalised() -> None:
    assert clean_text("a\x00b\x1bc\x7f\u202ed") == "abcd"
    assert clean_text("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour"
    assert clean_text("cafe\u0301") == "café"  # NFC
    assert clean_nested({"k\x00": ["x\x07", 3, None]}) == {"k": ["x", 3, None]}


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf"))))
def test_ordinary_text_is_kept(text: str) -> None:
    import unicodedata

    assert clean_text(text) == unicodedata.normalize("NFC", text)


@given(st.text())
def test_result_never_holds_surrogates_or_controls(text: str) -> None:
    try:
        out = clean_text(text)
    except InvalidTextError:
        assert any("\ud800" <= ch <= "\udfff" for ch in text)
        return
    out.encode("utf-8")  # always encodable
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in out)
