"""The declarative persona schema (core/persona/spec.py): errors deep in the file keep their
``file:line: field: message``, and the schema and the cross-field rules report side by side."""
from __future__ import annotations

from core.persona.spec import PersonaFile
from core.persona.validate import PersonaError, check_text

from .conftest import line_of


def errors_of(text: str) -> list[tuple[int, str, str]]:
    persona, errors = check_text(text, "teashop.yml", expected_id="teashop")
    assert (persona is None) == bool(errors)
    return [(e.line, e.field, e.message) for e in errors]


def test_an_error_in_the_second_cover_intent_is_at_its_example_line(teashop_text: str) -> None:
    text = teashop_text.replace('"do you deliver to Berlin"', '"do you deliver to [Berlin](city)"')
    assert errors_of(text) == [(
        line_of(text, "[Berlin](city)"), "cover[1].examples.en[6]",
        "unknown entity 'city' in '[Berlin](city)'; allowed: duration, address",
    )]


def test_a_null_example_and_a_null_field_name_what_was_expected(teashop_text: str) -> None:
    text = teashop_text.replace('        - "do you deliver to Berlin"', "        - null")
    assert errors_of(text) == [(line_of(text, "- null"), "cover[1].examples.en[6]", "expected text, got nothing (null)")]
    text = teashop_text.replace("  tagline: {en", "  tagline:\n  unused: {en")
    found = errors_of(text)
    assert (line_of(text, "tagline:"), "display.tagline", "expected a mapping (key: value lines), got nothing (null)") in found


def test_a_bad_risk_name_is_the_key_at_its_own_line(teashop_text: str) -> None:
    text = teashop_text.replace("    alcohol: {en:", "    Alcohol: {en:")
    assert errors_of(text) == [(
        line_of(text, "Alcohol:"), "code.risk_cues.Alcohol",
        "risk name 'Alcohol' must be lower-case letters, digits and single underscores, starting with a letter",
    )]


def test_unknown_and_missing_keys_in_a_catalogue_item(teashop_text: str) -> None:
    text = teashop_text.replace("    size: \"100 g\"", "    sise: \"100 g\"").replace("  - id: green-tea\n", "  - ids: green-tea\n")
    assert errors_of(text) == [
        (line_of(text, "sise:"), "catalogue[0].sise",
         "unknown field 'sise'; did you mean 'size'? expected one of: id, name, description, price, currency, size"),
        (line_of(text, "- ids: green-tea"), "catalogue[1].id", "missing field 'id'"),
        (line_of(text, "- ids: green-tea"), "catalogue[1].ids",
         "unknown field 'ids'; did you mean 'id'? expected one of: id, name, description, price, currency, size"),
    ]


def test_schema_and_cross_field_rules_report_together(teashop_text: str) -> None:
    # a bad colour (schema) and a language the persona does not declare (rule) in one file
    text = teashop_text.replace('accent: "#c9a227"', 'accent: "gold"').replace(
        'name: {en: Moon tea, pl: Herbata księżycowa}', 'name: {en: Moon tea, pl: Herbata księżycowa, es: Té luna}'
    )
    fields = [field for _, field, _ in errors_of(text)]
    assert fields == ["display.colors.accent", "catalogue[0].name.es"]


def test_the_schema_lists_the_documented_top_level_fields() -> None:
    assert list(PersonaFile.__fields__) == [
        "id", "kind", "languages", "country", "display", "catalogue", "cover", "code", "voice",
        "emergency_number", "hosts",
    ]
    assert str(PersonaError("f.yml", 3, "code.risk_cues.x", "m")) == "f.yml:3: code.risk_cues.x: m"
