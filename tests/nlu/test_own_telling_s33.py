"""Session 33 (xfail-s33, issue 13): "i told my teacher and nothing happened" was read as a friend's story (.73) with no
friend named, and drew the friend line ("It's good that you're looking out for them"). The child telling an adult
that it came to nothing, with no one else named, is the child's own (nlu/misreadings.py is_own_telling): its best
other help reading with some weight, else a disclosure. A friend named, her / him, or another reading keep theirs.
Rankings shaped as the model gave them; lines written for these tests. Whole conversation: probe_s21_convprobe-en.yml
plain-en-s21p-told-teacher-is-about-me."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    ("plain", "en", "i told my teacher and nothing happened",
     [("peer_help", .73), ("abuse_disclosure", .04), ("imminent_danger", .04), ("out_of_scope", .19)],
     "abuse_disclosure"),
    ("plain", "en", "i already told a teacher and nothing changed",
     [("peer_help", .54), ("self_harm_urgent", .14), ("deny", .09), ("out_of_scope", .23)], "abuse_disclosure"),
    ("plain", "en", "i told my history teacher and nothing happened",
     [("peer_help", .68), ("out_of_scope", .21), ("abuse_disclosure", .02)], "abuse_disclosure"),
    # its best other help reading with some weight
    ("plain", "en", "i told my mum and nobody believed me", [("peer_help", .55), ("bullying", .30), ("distress", .15)],
     "bullying"),
    ("plain", "es", "se lo dije a la profe y nadie hizo nada", [("peer_help", .80), ("abuse_disclosure", .10),
                                                              ("out_of_scope", .10)], "abuse_disclosure"),
    ("plain", "pl", "powiedziałam wychowawczyni i nic się nie zmieniło", [("peer_help", .60), ("out_of_scope", .40)],
     "abuse_disclosure"),
])
def test_the_childs_own_telling_is_the_childs(component: PersonaContext, persona: str, lang: str, text: str,
                                              ranking: list, signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == signal


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    # a friend, her, him: a friend's story
    ("plain", "en", "i told my teacher about my friend and nothing happened", [("peer_help", 1.0)], "peer_help"),
    ("plain", "en", "i told my mum my friend gets hit and nothing happened", [("peer_help", 1.0)], "peer_help"),
    ("plain", "en", "i told my teacher what her dad does and nothing happened", [("peer_help", .9), ("out_of_scope", .1)],
     "peer_help"),
    ("plain", "es", "le conte a mi profe lo de mi amiga y no hizo nada", [("peer_help", .97), ("abuse_disclosure", .02)],
     "peer_help"),
    ("plain", "pl", "powiedziałam nauczycielce o koleżance i nic się nie stało", [("peer_help", .9), ("out_of_scope", .1)],
     "peer_help"),
    # no telling, or it did not come to nothing
    ("plain", "en", "my friend told her teacher and nothing happened", [("peer_help", 1.0)], "peer_help"),
    ("plain", "en", "i told my teacher and she helped", [("peer_help", .6), ("out_of_scope", .4)], "peer_help"),
    # another reading is not read by this rule
    ("plain", "en", "i told my mum and she didnt believe me", [("abuse_disclosure", .97), ("imminent_danger", .01)],
     "abuse_disclosure"),
])
def test_other_lines_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str, ranking: list,
                                        signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == signal
