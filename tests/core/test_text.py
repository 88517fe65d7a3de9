"""core.text: the one folding function and the channel-boundary hygiene."""
from __future__ import annotations

from core.text import clean, fold, neutralise, words


def test_fold_drops_case_and_diacritics_and_squeezes_repeated_letters() -> None:
    assert fold("Skóra PIEKĄĄĄĄ") == "skora piekaa"
    assert fold("Łódź") == "lodz"
    assert words("nieee!!! wiem...") == ["niee", "wiem"]


def test_fold_keeps_numbers_whole() -> None:
    """Emergency and helpline numbers are matched after folding: 999 must not become 99."""
    assert fold("call 999 or 116 111") == "call 999 or 116 111"
    assert "999" not in fold("kurier 16,99 zł")


def test_neutralise_and_clean() -> None:
    assert neutralise(" //greet") == "greet"
    assert clean("a\ud800b") == "a\ufffdb"
