"""Texts that people read as identifiers — a document number, a laptop's name — cannot hide characters that
change how they display (zero-width marks, bidi overrides) or come in a second Unicode form: 吕环罚〔2026〕17号
with a zero-width space in it would read as the genuine number in every list."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from eco_field.bureau.schemas.bodies import EnrollBody
from eco_field.bureau.schemas.common import NumberId

NUMBER = TypeAdapter(NumberId)


def test_a_genuine_number_and_name_pass() -> None:
    assert NUMBER.validate_python("吕环罚〔2026〕17号") == "吕环罚〔2026〕17号"
    assert EnrollBody(code="ABCDEFGHJK", device_name="离石区大队 笔记本 3").device_name == "离石区大队 笔记本 3"


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ue000", "\u2028"])
def test_hidden_characters_are_refused(hidden: str) -> None:
    with pytest.raises(ValidationError, match="do not display"):
        NUMBER.validate_python(f"吕环罚〔2026〕1{hidden}7号")
    with pytest.raises(ValidationError, match="do not display"):
        EnrollBody(code="ABCDEFGHJK", device_name=f"离石区{hidden}笔记本")


def test_a_decomposed_form_is_refused() -> None:
    with pytest.raises(ValidationError, match="NFC"):
        EnrollBody(code="ABCDEFGHJK", device_name="Jose\u0301 laptop")
