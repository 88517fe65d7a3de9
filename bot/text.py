"""Text hygiene shared by every channel before user text reaches Rasa.

Rasa treats a message that starts with ``/`` as an intent with optional JSON entities
(``/abuse_disclosure{"x": 1}``, see ``YAMLStoryReader.unpack_regex_message``), which would let
anyone inject intents and slot values. DESIGN.md invariant 8: a leading ``/`` never reaches Rasa.
"""
from __future__ import annotations

import re
from typing import Final

#: Leading whitespace (including zero-width and other invisible characters) and slashes.
#: Fullwidth solidus (U+FF0F), fraction slash (U+2044) and division slash (U+2215) are
#: included: they look like ``/`` and a later normalisation step must not turn them back into one.
_LEADING: Final = re.compile(r"^[\s\u200b-\u200f\u2060\ufeff/\uff0f\u2044\u2215]+")


def neutralise(text: str) -> str:
    """Strip leading whitespace and every leading slash; change nothing else.

    >>> neutralise('/abuse_disclosure{"x": 1}')
    'abuse_disclosure{"x": 1}'
    >>> neutralise(' // hello /there')
    'hello /there'
    """
    return _LEADING.sub("", text)
