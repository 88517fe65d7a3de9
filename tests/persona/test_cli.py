"""``popbot persona validate|build|list`` through the real command entry point."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main

from .conftest import TEASHOP, line_of


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "persona", "validate", str(TEASHOP))
    assert code == 0
    assert "ok: " in out and "(teashop, en, pl)" in out


def test_validate_prints_every_error_and_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = TEASHOP.read_text(encoding="utf-8").replace("kind: shop", "kind: boat").replace("  thanks:\n", "  thx:\n")
    bad = tmp_path / "teashop.yml"
    bad.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "persona", "validate", str(TEASHOP), str(bad))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("ok: ")
    assert lines[1] == f"{bad}:{line_of(text, 'kind: boat')}: kind: unknown kind 'boat'; expected one of: shop, game_tips, other"
    assert lines[2] == f"{bad}:{line_of(text, 'voice:')}: voice.thanks: missing voice key 'thanks'"
    assert lines[3].startswith(f"{bad}:{line_of(text, '  thx:')}: voice.thx: unknown voice key 'thx'")
    assert len(lines) == 4
    assert "1 of 2 persona file(s) have errors" in err


def test_validate_defaults_to_the_personas_dir(capsys: pytest.CaptureFixture[str], personas_dir: Path) -> None:
    code, out, _ = run(capsys, "persona", "validate", "--personas-dir", str(personas_dir))
    assert code == 0 and out.count("ok: ") == 1


def test_validate_refuses_duplicate_ids(capsys: pytest.CaptureFixture[str], personas_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "teashop.yml").write_bytes(TEASHOP.read_bytes())
    code, out, _ = run(capsys, "persona", "validate", str(personas_dir / "teashop.yml"), str(other / "teashop.yml"))
    assert code == 1
    assert "persona id 'teashop' is also used by" in out


def test_build_and_check(capsys: pytest.CaptureFixture[str], personas_dir: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "generated"
    dirs = ("--personas-dir", str(personas_dir), "--out-dir", str(out_dir))
    code, out, err = run(capsys, "persona", "build", "--check", *dirs)
    assert code == 1 and "out of date:" in out and not out_dir.exists()
    code, out, _ = run(capsys, "persona", "build", *dirs)
    assert code == 0 and "2 written, 0 unchanged, 0 removed" in out
    code, out, _ = run(capsys, "persona", "build", "--check", *dirs)
    assert code == 0 and "up to date: 2" in out
    source = personas_dir / "teashop.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("Goodbye, come back soon!", "Bye!"), "utf-8")
    code, out, _ = run(capsys, "persona", "build", "--check", *dirs)
    assert code == 1 and out.strip().endswith("domain_teashop.yml")
    source.unlink()
    code, out, _ = run(capsys, "persona", "build", "--check", *dirs)
    assert code == 1 and out.count("stale (persona removed)") == 2


def test_build_with_errors_writes_nothing(capsys: pytest.CaptureFixture[str], personas_dir: Path, tmp_path: Path) -> None:
    source = personas_dir / "teashop.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("country: PL", "country: Poland"), "utf-8")
    out_dir = tmp_path / "generated"
    code, out, err = run(capsys, "persona", "build", "--personas-dir", str(personas_dir), "--out-dir", str(out_dir))
    assert code == 1
    assert ": country: 'Poland' is not an ISO 3166-1 alpha-2 country code" in out
    assert "nothing written" in err and not out_dir.exists()


def test_list(capsys: pytest.CaptureFixture[str], personas_dir: Path) -> None:
    code, out, _ = run(capsys, "persona", "list", "--personas-dir", str(personas_dir))
    assert code == 0
    assert out.split("\t")[:5] == ["teashop", "shop", "en,pl", "PL", "emergency 112"]
