"""A message made only of ages (nlu/age.py stated_ages, age_gap) and what the persona context makes
of it (nlu/quiet.py as_age_gap): a child and an adult is a disclosure or a friend's story, never
urgent; family ages and two children are details."""
from __future__ import annotations

import pytest

from nlu.age import age_gap, stated_ages
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


@pytest.mark.parametrize("text, ages", [
    ("hes 19 im 13", [(False, 19), (True, 13)]),
    ("im 13 and hes like 25", [(True, 13), (False, 25)]),
    ("hi, im 14, hes 22", [(True, 14), (False, 22)]),
    ("my bf is 19 im 13", [(False, 19), (True, 13)]),
    ("tengo 13 y el tiene 20", [(True, 13), (False, 20)]),
    ("mi novio tiene 22 y yo tengo 14", [(False, 22), (True, 14)]),
    ("ella tiene 13 y el 25", [(False, 13), (False, 25)]),
    ("mam 13 lat a on 20", [(True, 13), (False, 20)]),
    ("mój chłopak ma 20 a ja mam 13", [(False, 20), (True, 13)]),
    ("im 12", [(True, 12)]),
])
def test_ages_stated_in_a_message_of_ages_only(text: str, ages: list) -> None:
    assert stated_ages(text) == ages


@pytest.mark.parametrize("text", [
    "hes 19 and he hits me", "hes 19 im 13 is that bad", "my mum is 40 and im 12", "im 12 and my sister is 18",
    "mi madre tiene 40 y yo 12", "i have 2 cats and 3 dogs", "im 13 and i want the lantern quest",
])
def test_anything_more_than_ages_or_a_familys_ages_is_not_an_age_gap(text: str) -> None:
    assert age_gap(text) is None


@pytest.mark.parametrize("text, own", [
    ("hes 19 im 13", True), ("im 12 and hes 30", True), ("tengo 14 años y él tiene 23 años", True),
    ("mam 14 lat, on ma 24 lata", True), ("shes 13 and hes like 25", False), ("ona ma 13 a on 25", False),
])
def test_a_child_and_an_adult_is_an_age_gap(text: str, own: bool) -> None:
    assert age_gap(text) is own


@pytest.mark.parametrize("text", ["she's 14 and he's 15", "im 15 he is 17", "im 13 and my brother is 15"])
def test_two_children_or_two_adults_are_no_age_gap(text: str) -> None:
    assert age_gap(text) is None


def test_the_childs_own_age_gap_is_a_disclosure_never_urgent(component: PersonaContext) -> None:
    # "hes 19 im 13": imminent_danger .45 over online_exploitation .34 drew "get somewhere safe"
    ranking = [("imminent_danger", 0.45), ("online_exploitation", 0.34), ("inform_location", 0.04)]
    assert seen(component, "hes 19 im 13", ranking, "en", "plain")[:3] == (
        "online_exploitation", "online_exploitation", False)
    # read as ordinary talk ("tengo 13 y el tiene 20": out_of_scope .48), ranked neither: abuse
    ranking = [("out_of_scope", 0.48), ("self_harm_urgent", 0.21)]
    assert seen(component, "tengo 13 y el tiene 20", ranking, "es", "plain")[:3] == (
        "abuse_disclosure", "abuse_disclosure", False)


def test_a_friends_age_gap_is_a_friends_story(component: PersonaContext) -> None:
    ranking = [("peer_help", 0.60), ("imminent_danger", 0.35)]
    assert seen(component, "shes 13 and hes like 25", ranking, "en", "plain")[:3] == ("peer_help", "peer_help", False)


def test_inside_a_persona_an_age_gap_is_the_codes_discreet_question(component: PersonaContext) -> None:
    ranking = [("imminent_danger", 0.41), ("online_exploitation", 0.29), ("rumianek__visit_request", 0.05)]
    name, signal, urgent, entities = seen(component, "hes 19 im 13", ranking, "en", "rumianek")
    assert (name, signal, urgent) == ("help_request", "online_exploitation", False)
    assert ("voice", "cover") in entities


def test_two_childrens_ages_are_a_detail(component: PersonaContext) -> None:
    ranking = [("imminent_danger", 0.92), ("peer_help", 0.07)]
    assert seen(component, "she's 14 and he's 15", ranking, "en", "plain")[:3] == ("inform_age", "none", False)


def test_an_age_gap_with_a_word_of_danger_stays_the_classifiers(component: PersonaContext) -> None:
    ranking = [("imminent_danger", 0.9), ("online_exploitation", 0.1)]
    assert seen(component, "hes 19 im 13 and hes outside my house now", ranking, "en", "plain")[:3] == (
        "imminent_danger", "imminent_danger", True)
