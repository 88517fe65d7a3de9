"""The optional ``hosts:`` field: host names a persona's web front-end is bound to."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.persona import PersonaInvalid, load_all
from core.persona.validate import check_text

from .conftest import line_of


def test_hosts_are_optional_and_read(teashop_text: str) -> None:
    persona, errors = check_text(teashop_text, "teashop.yml", expected_id="teashop")
    assert errors == [] and persona is not None and persona.hosts == ()
    text = teashop_text.replace("country: PL\n", "country: PL\nhosts: [tea.example.pl, www.tea.example.pl]\n")
    persona, errors = check_text(text, "teashop.yml", expected_id="teashop")
    assert errors == [] and persona is not None
    assert persona.hosts == ("tea.example.pl", "www.tea.example.pl")


@pytest.mark.parametrize(
    "host",
    ["https://tea.example.pl", "tea.example.pl/shop", "tea.example.pl:443", "Tea.Example.pl", "tea..pl", "-tea.pl", "tea_shop.pl"],
)
def test_bad_host_names_are_refused(teashop_text: str, host: str) -> None:
    text = teashop_text.replace("country: PL\n", f'country: PL\nhosts: ["{host}"]\n')
    persona, errors = check_text(text, "teashop.yml", expected_id="teashop")
    assert persona is None
    assert [(e.field, e.line) for e in errors] == [("hosts[0]", line_of(text, "hosts:"))]
    assert "host name" in errors[0].message


def test_a_host_listed_twice_is_refused(teashop_text: str) -> None:
    text = teashop_text.replace("country: PL\n", "country: PL\nhosts: [tea.example.pl, tea.example.pl]\n")
    _, errors = check_text(text, "teashop.yml", expected_id="teashop")
    assert [e.field for e in errors] == ["hosts[1]"]


def test_a_host_serves_one_persona_only(personas_dir: Path, teashop_text: str) -> None:
    one = teashop_text.replace("country: PL\n", "country: PL\nhosts: [shared.example]\n")
    (personas_dir / "teashop.yml").write_text(one, encoding="utf-8")
    (personas_dir / "coffee.yml").write_text(one.replace("id: teashop", "id: coffee"), encoding="utf-8")
    with pytest.raises(PersonaInvalid) as raised:
        load_all(personas_dir)
    [error] = raised.value.errors
    assert error.field == "hosts" and "shared.example" in error.message and "'coffee'" in error.message
