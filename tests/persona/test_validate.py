"""Persona file checking: every error, with the right file, line and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.persona.schema import ACTION_VOICE_KEYS, OPTIONAL_ACTION_VOICE_KEYS
from core.persona import VOICE_KEYS, PersonaError, PersonaInvalid, load_all, load_persona, validate_file
from core.persona.validate import check_text

from .conftest import TEASHOP, line_of


def errors_of(text: str) -> list[PersonaError]:
    persona, errors = check_text(text, "teashop.yml", expected_id="teashop")
    assert (persona is None) == bool(errors)
    return errors


def test_fixture_is_valid() -> None:
    persona = load_persona(TEASHOP)
    assert persona.id == "teashop"
    assert persona.languages == ("en", "pl")
    assert persona.default_language == "en"
    assert persona.source == TEASHOP
    # (the fixture predates the optional why_place / why_accepted lines, s28: it stays valid without them)
    assert set(persona.voice) == set(VOICE_KEYS) | set(ACTION_VOICE_KEYS) - set(OPTIONAL_ACTION_VOICE_KEYS)
    assert [c.name for c in persona.cover] == ["ask_price", "ask_shipping"]
    assert persona.risk_cues["alcohol"]["pl"] == ("alkohol", "pijany", "piwo")
    assert str(persona.catalogue[0].price) == "24.50"


def test_error_string_format() -> None:
    error = PersonaError("personas/x.yml", 7, "voice.greet.en", "missing language 'en'")
    assert str(error) == "personas/x.yml:7: voice.greet.en: missing language 'en'"


def test_missing_field_points_at_parent(teashop_text: str) -> None:
    text = teashop_text.replace('  exit_url: "https://www.google.com/search?q=weather"\n', "")
    assert errors_of(text) == [
        PersonaError("teashop.yml", line_of(text, "display:"), "display.exit_url", "missing field 'exit_url'")
    ]


def test_missing_top_level_field(teashop_text: str) -> None:
    text = teashop_text.replace("country: PL\n", "")
    assert errors_of(text) == [PersonaError("teashop.yml", 1, "country", "missing field 'country'")]


def test_wrong_type(teashop_text: str) -> None:
    text = teashop_text.replace("languages: [en, pl]", "languages: en")
    errors = errors_of(text)
    assert errors[0].line == line_of(text, "languages: en")
    assert errors[0].field == "languages"
    assert "expected a list" in errors[0].message


def test_the_not_now_line_is_required_in_every_language(teashop_text: str) -> None:
    """Issue 10: every persona says "later is fine" in its own voice; without it the file is refused."""
    block = teashop_text[teashop_text.index("  not_now:\n"):teashop_text.index("  no_number:\n")]
    text = teashop_text.replace(block, "")
    assert errors_of(text) == [
        PersonaError("teashop.yml", line_of(text, "voice:"), "voice.not_now", "missing voice key 'not_now'")
    ]
    one_language = teashop_text.replace(block, "\n".join(l for l in block.split("\n") if not l.startswith("    pl:")))
    (error,) = errors_of(one_language)
    assert (error.field, error.message) == ("voice.not_now.pl", "missing language 'pl'")


def test_the_no_number_line_is_required_in_every_language(teashop_text: str) -> None:
    """Issue 13: "what was the number again?" with no number since the last wipe gets a cover line in
    the persona's own voice; without it the file is refused."""
    block = teashop_text[teashop_text.index("  no_number:\n"):teashop_text.index("  privacy:\n")]
    text = teashop_text.replace(block, "")
    assert errors_of(text) == [
        PersonaError("teashop.yml", line_of(text, "voice:"), "voice.no_number", "missing voice key 'no_number'")
    ]
    one_language = teashop_text.replace(block, "\n".join(l for l in block.split("\n") if not l.startswith("    pl:")))
    (error,) = errors_of(one_language)
    assert (error.field, error.message) == ("voice.no_number.pl", "missing language 'pl'")


@pytest.mark.parametrize("key, until", [("privacy", "not_your_fault"), ("not_your_fault", "heard"), ("heard", "cost_free"),
                                        ("cost_free", "cost_here"), ("cost_here", "nobody_now")])
def test_the_privacy_and_cost_lines_are_required_in_every_language(teashop_text: str, key: str, until: str) -> None:
    """Issue 13: "will you tell my parents?" (privacy), "is it my fault?" (not_your_fault), a disclosure
    once the chat is in cover voice (heard) and "is it free?" (cost_free / cost_here) are answered in the
    persona's own voice; without those lines the file is refused."""
    block = teashop_text[teashop_text.index(f"  {key}:\n"):teashop_text.index(f"  {until}:\n")]
    text = teashop_text.replace(block, "")
    assert errors_of(text) == [
        PersonaError("teashop.yml", line_of(text, "voice:"), f"voice.{key}", f"missing voice key '{key}'")
    ]
    one_language = teashop_text.replace(block, "\n".join(l for l in block.split("\n") if not l.startswith("    pl:")))
    (error,) = errors_of(one_language)
    assert (error.field, error.message) == (f"voice.{key}.pl", "missing language 'pl'")


def test_unknown_voice_key_suggests_the_right_one(teashop_text: str) -> None:
    text = teashop_text.replace("  thanks:\n", "  thankz:\n")
    errors = errors_of(text)
    unknown = [e for e in errors if e.field == "voice.thankz"]
    assert len(unknown) == 1
    assert unknown[0].line == line_of(text, "  thankz:")
    assert "did you mean 'thanks'" in unknown[0].message
    assert [e.field for e in errors if "missing" in e.message] == ["voice.thanks"]


def test_emergency_needs_placeholder(teashop_text: str) -> None:
    text = teashop_text.replace(
        '"Jeśli to nie może czekać, zadzwoń od razu pod {emergency_number}."', '"Zadzwoń pod 112."'
    )
    assert errors_of(text) == [
        PersonaError(
            "teashop.yml",
            line_of(text, "Zadzwoń pod 112."),
            "voice.emergency.pl[0]",
            "must contain {emergency_number}; the build fills in the number",
        )
    ]


def test_other_placeholders_are_refused(teashop_text: str) -> None:
    text = teashop_text.replace('"You\'re welcome!"', '"You\'re welcome, {name}!"')
    errors = errors_of(text)
    assert [(e.line, e.field) for e in errors] == [(line_of(text, "{name}"), "voice.thanks.en[0]")]
    assert "curly braces" in errors[0].message


def test_bad_language_code(teashop_text: str) -> None:
    text = teashop_text.replace("languages: [en, pl]", "languages: [en, pl, de]")
    errors = errors_of(text)
    assert errors == [
        PersonaError(
            "teashop.yml",
            line_of(text, "languages:"),
            "languages[2]",
            "unknown language code 'de'; supported: en, pl, es",
        )
    ]


def test_text_in_a_language_not_declared(teashop_text: str) -> None:
    text = teashop_text.replace(
        'tagline: {en: "Loose-leaf tea from Kraków", pl: "Herbata liściasta z Krakowa"}',
        'tagline: {en: "Loose-leaf tea from Kraków", pl: "Herbata liściasta z Krakowa", es: "Té"}',
    )
    errors = errors_of(text)
    assert [(e.line, e.field) for e in errors] == [(line_of(text, "tagline:"), "display.tagline.es")]
    assert "not in languages [en, pl]" in errors[0].message


def test_missing_language(teashop_text: str) -> None:
    text = teashop_text.replace("languages: [en, pl]", "languages: [en, pl, es]")
    errors = errors_of(text)
    assert errors  # every per-language field now misses es
    assert all(e.message == "missing language 'es'" for e in errors)
    assert ("display.tagline.es", line_of(text, "tagline:")) in [(e.field, e.line) for e in errors]
    assert len([e for e in errors if e.field.startswith("voice.")]) == len(VOICE_KEYS) + len(set(ACTION_VOICE_KEYS) - set(OPTIONAL_ACTION_VOICE_KEYS))


@pytest.mark.parametrize("colour", ["red", "#12345", "#gggggg", "5b7f3a"])
def test_bad_colour(teashop_text: str, colour: str) -> None:
    text = teashop_text.replace('accent: "#c9a227"', f'accent: "{colour}"')
    assert errors_of(text) == [
        PersonaError(
            "teashop.yml",
            line_of(text, "colors:"),
            "display.colors.accent",
            f"{colour!r} is not a colour; write #rrggbb, e.g. #5b7f3a",
        )
    ]


def test_unreadable_text_colour(teashop_text: str) -> None:
    text = teashop_text.replace('text: "#222222"', 'text: "#eeeeee"')
    errors = errors_of(text)
    assert [e.field for e in errors] == ["display.colors.text"]
    assert "contrast" in errors[0].message


def test_malformed_yaml_names_file_and_line(teashop_text: str) -> None:
    lines = teashop_text.splitlines()
    broken_at = line_of(teashop_text, "  favicon:")
    lines[broken_at - 1] = '  favicon: tea: cup'  # "mapping values are not allowed here"
    errors = errors_of("\n".join(lines) + "\n")
    assert errors == [
        PersonaError("teashop.yml", broken_at, "(yaml)", "malformed YAML: mapping values are not allowed here")
    ]


def test_malformed_yaml_bad_indentation() -> None:
    errors = errors_of("id: teashop\nkind: shop\n  languages: [en]\n")
    assert [(e.line, e.field) for e in errors] == [(3, "(yaml)")]


def test_every_error_is_reported(teashop_text: str) -> None:
    text = (
        teashop_text.replace("kind: shop", "kind: shoppe")
        .replace('primary: "#2f5d50"', 'primary: "green"')
        .replace("  thanks:\n", "  thankz:\n")
        .replace("{emergency_number}.\"]", ".\"]")
    )
    fields = [e.field for e in errors_of(text)]
    assert fields == [
        "kind",
        "display.colors.primary",
        "voice.thanks",
        "voice.thankz",
        "voice.emergency.pl[0]",
    ]


def test_errors_are_sorted_by_line(teashop_text: str) -> None:
    text = teashop_text.replace("kind: shop", "kind: x").replace("  thanks:\n", "  thankz:\n")
    lines = [e.line for e in errors_of(text)]
    assert lines == sorted(lines)


def test_duplicate_key(teashop_text: str) -> None:
    text = teashop_text.replace("kind: shop\n", "kind: shop\nkind: other\n")
    errors = errors_of(text)
    assert [(e.line, e.field) for e in errors] == [(line_of(text, "kind: other"), "kind")]
    assert "duplicate key 'kind' (first at line" in errors[0].message


def test_yaml_11_booleans_stay_text(teashop_text: str) -> None:
    # NO (Norway) must not become False; an example "no" stays text
    text = teashop_text.replace("country: PL", "country: NO")
    persona, errors = check_text(text, "teashop.yml", expected_id="teashop")
    assert errors == []
    assert persona is not None and persona.country == "NO"


def test_id_must_equal_file_name(teashop_text: str) -> None:
    persona, errors = check_text(teashop_text, "other.yml", expected_id="other")
    assert [(e.line, e.field) for e in errors] == [(line_of(teashop_text, "id: teashop"), "id")]


@pytest.mark.parametrize("bad_id", ["Tea", "tea__shop", "tea_", "plain", "1tea"])
def test_bad_ids(teashop_text: str, bad_id: str) -> None:
    text = teashop_text.replace("id: teashop", f"id: {bad_id}")
    persona, errors = check_text(text, "x.yml")
    assert [e.field for e in errors] == ["id"]


def test_too_few_examples(teashop_text: str) -> None:
    text = teashop_text.replace('        - "how much is the green tea"\n', "", 1)
    errors = errors_of(text)
    assert [(e.field, e.message) for e in errors] == [("cover[0].examples.en", "needs at least 12 (has 11)")]
    assert errors[0].line == line_of(text, "      en:")


def test_duplicate_example_across_intents(teashop_text: str) -> None:
    text = teashop_text.replace('"how much is the mug"', '"Moon tea express  tonight!"')
    errors = errors_of(text)
    dup = [e for e in errors if e.message.startswith("duplicate example")]
    assert len(dup) == 1
    assert dup[0].line == line_of(text, '"moon tea express tonight"')
    assert dup[0].field.startswith("code.urgent.examples.en[")
    assert f"already in cover ask_price at line {line_of(text, 'Moon tea express  tonight!')}" in dup[0].message


def test_annotations_only_for_known_entities(teashop_text: str) -> None:
    text = teashop_text.replace("](address)", "](adres)", 1)
    errors = errors_of(text)
    assert [(e.line, e.field.split("[")[0]) for e in errors] == [
        (line_of(text, "](adres)"), "code.visit_request.examples.en")
    ]
    assert "unknown entity 'adres'" in errors[0].message


def test_unknown_code_signal_and_missing_one(teashop_text: str) -> None:
    text = teashop_text.replace("  peer_help:\n", "  friend_help:\n")
    errors = errors_of(text)
    assert [(e.field, e.line) for e in errors] == [
        ("code.peer_help", line_of(text, "code:")),
        ("code.friend_help", line_of(text, "  friend_help:")),
    ]


def test_clean_chat_is_optional(teashop_text: str) -> None:
    start = teashop_text.index("  clean_chat:\n")
    end = teashop_text.index("  risk_cues:\n")
    persona, errors = check_text(teashop_text[:start] + teashop_text[end:], "t.yml", expected_id="teashop")
    assert errors == []
    assert persona is not None and "clean_chat" not in persona.code


def test_shop_items_need_a_price(teashop_text: str) -> None:
    text = teashop_text.replace('    price: "19.00"\n', "")
    assert [(e.field, e.message, e.line) for e in errors_of(text)] == [
        ("catalogue[1].price", "missing field 'price'", line_of(text, "- id: green-tea")),
    ]


def test_bad_price_and_currency(teashop_text: str) -> None:
    text = teashop_text.replace('price: "24.50"', 'price: "24,50"').replace("currency: PLN", "currency: ZLO", 1)
    assert [(e.field, e.line) for e in errors_of(text)] == [
        ("catalogue[0].price", line_of(text, '"24,50"')),
        ("catalogue[0].currency", line_of(text, "ZLO")),
    ]


def test_exit_url_must_be_https(teashop_text: str) -> None:
    text = teashop_text.replace("https://www.google.com", "http://www.google.com")
    assert [e.field for e in errors_of(text)] == ["display.exit_url"]


def test_country_without_emergency_metadata_or_unknown(teashop_text: str) -> None:
    assert [e.field for e in errors_of(teashop_text.replace("country: PL", "country: XX"))] == ["country"]


def test_emergency_override_is_checked(teashop_text: str) -> None:
    ok = teashop_text.replace("country: PL\n", 'country: PL\nemergency_number: "997"\n')
    assert errors_of(ok) == []
    bad = teashop_text.replace("country: PL\n", 'country: PL\nemergency_number: "911"\n')
    errors = errors_of(bad)
    assert [(e.field, e.line) for e in errors] == [("emergency_number", line_of(bad, "emergency_number"))]
    assert errors[0].message == "911 is not an emergency number in PL"


def test_favicon_path_must_exist(tmp_path: Path, teashop_text: str) -> None:
    path = tmp_path / "teashop.yml"
    path.write_text(teashop_text.replace('favicon: "🍵"', "favicon: assets/tea.png"), encoding="utf-8")
    errors = validate_file(path)
    assert [e.field for e in errors] == ["display.favicon"]
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "tea.png").write_bytes(b"\x89PNG")
    assert validate_file(path) == []


def test_empty_and_non_mapping_files() -> None:
    assert [e.message for e in errors_of("")] == ["the file is empty; a persona needs id, kind, languages, ..."]
    assert "must be a mapping" in errors_of("- a\n- b\n")[0].message


def test_load_all_raises_with_every_error(personas_dir: Path, teashop_text: str) -> None:
    (personas_dir / "broken.yml").write_text(teashop_text.replace("kind: shop", "kind: x"), encoding="utf-8")
    with pytest.raises(PersonaInvalid) as info:
        load_all(personas_dir)
    fields = sorted({(Path(e.file).name, e.field) for e in info.value.errors})
    assert fields == [("broken.yml", "id"), ("broken.yml", "kind")]
    assert "broken.yml:" in str(info.value)


def test_file_name_must_be_yml(tmp_path: Path, teashop_text: str) -> None:
    path = tmp_path / "teashop.yaml"
    path.write_text(teashop_text, encoding="utf-8")
    assert [e.message for e in validate_file(path)] == ["a persona file must be named <id>.yml"]


def test_safety_voice_lines_take_one_variation_and_action_lines_their_placeholders(teashop_text: str) -> None:
    text = teashop_text
    text = text.replace('please_wait:\n    en: ["One moment please, she is coming."]',
                        'please_wait:\n    en: ["One moment please, she is coming.", "She is on her way."]')
    text = text.replace('en: ["Partner shop — {contact}{details}"]', 'en: ["Partner shop — call us"]')
    text = text.replace('en: ["{place} in {country}, for the delivery?"]', 'en: ["{place} {street}, for the delivery?"]')
    errors = errors_of(text)
    messages = {(e.field, e.message) for e in errors}
    assert ("voice.please_wait.en", "allows at most 1 (has 2)") in messages
    assert ("voice.referral_line.en[0]", "must contain {contact}; the action fills it in") in messages
    assert any(f == "voice.confirm_place.en[0]" and "curly braces" in m for f, m in messages)
