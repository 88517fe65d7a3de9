from __future__ import annotations

import pytest

from core.text import neutralise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('/abuse_disclosure{"name": "x"}', 'abuse_disclosure{"name": "x"}'),
        ("//imminent_danger", "imminent_danger"),
        ("  / /  greet", "greet"),
        ("\u200b/greet", "greet"),
        ("\uff0fgreet", "greet"),
        ("/start", "start"),
        ("my skin/face hurts {a lot}", "my skin/face hurts {a lot}"),
        ("hello /restart", "hello /restart"),
        ("", ""),
        ("///", ""),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


def test_rasa_no_longer_sees_an_intent() -> None:
    from rasa.shared.constants import INTENT_MESSAGE_PREFIX

    for text in ['/x{"a":1}', " //x", "\t/x"]:
        assert not neutralise(text).strip().startswith(INTENT_MESSAGE_PREFIX)
