"""``popbot referrals ...`` end to end on a real SQLite file."""
import csv
import json
from pathlib import Path

import pytest

from bot.cli.main import main

HEADER = ["organization", "service", "country", "time_zone", "phone", "hours", "topics", "languages",
          "child_specific", "verified"]


@pytest.fixture()
def db(tmp_path: Path) -> list[str]:
    return ["referrals", "--database-url", f"sqlite:///{tmp_path / 'cli.db'}"]


def sheet(path: Path, phone: str = "116 111") -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerow(["Fundacja", "Młodzieżowa linia", "PL", "Europe/Warsaw", phone, "Mo-Fr 08:00-20:00",
                    "abuse", "pl", "yes", "2026-11-01"])
    return path


def test_help_lists_every_action(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["referrals", "--help"])
    out = capsys.readouterr().out
    for action in ("import", "export", "validate", "search", "map", "seed"):
        assert action in out


def test_search_seeds_an_empty_directory_and_prints_json(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(db + ["search", "--where", "w Krakowie", "--age", "14", "--topic", "abuse", "--lang", "pl",
                      "--at", "2026-11-30T11:00:00+00:00", "--json"]) == 0
    captured = capsys.readouterr()
    assert "loaded the starter data" in captured.err
    data = json.loads(captured.out)
    assert data["place"]["name"] == "Kraków" and data["place"]["country"] == "PL"
    assert data["referrals"][0]["contact"] == "116111"
    assert all(r["country"] == "PL" for r in data["referrals"])
    assert main(db + ["search", "--where", "cerca de Madrid", "--urgent", "--cannot-speak"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Madrid (ES, 29, city)"
    assert "1. Emergency number 112 - phone 112" in out


def test_validate_import_export(db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = sheet(tmp_path / "bad.csv", phone="12")
    assert main(db + ["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.csv:2 [value]: error: '12' is not a valid short number in PL" in out
    assert main(db + ["import", str(bad)]) == 1
    assert "nothing imported" in capsys.readouterr().err

    good = sheet(tmp_path / "good.csv")
    assert main(db + ["validate", str(good)]) == 0
    assert main(db + ["import", str(good)]) == 0
    assert "imported 1 services" in capsys.readouterr().out
    assert main(db + ["export", str(tmp_path / "out")]) == 0
    exported = (tmp_path / "out" / "service.csv").read_text(encoding="utf-8")
    assert "Młodzieżowa linia" in exported and "starter-emergency-pl" in exported
    assert main(db + ["import", str(tmp_path / "out"), "--replace"]) == 0
    capsys.readouterr()
    assert main(db + ["search", "--where", "Kraków", "--at", "2026-11-30T11:00:00+00:00", "--json"]) == 0
    names = [r["name"] for r in json.loads(capsys.readouterr().out)["referrals"]]
    assert names == ["Młodzieżowa linia", "Telefon Zaufania dla Dzieci i Młodzieży 116 111"]


def test_search_ranks_partner_service_and_rejects_naive_time(db: list[str], tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(db + ["import", str(sheet(tmp_path / "good.csv"))]) == 0
    capsys.readouterr()
    assert main(db + ["search", "--where", "Kraków", "--topic", "abuse", "--at", "2026-11-30T11:00:00+00:00", "--json"]) == 0
    referrals = json.loads(capsys.readouterr().out)["referrals"]
    assert [r["name"] for r in referrals] == ["Młodzieżowa linia", "Telefon Zaufania dla Dzieci i Młodzieży 116 111"]
    assert referrals[0]["open_now"] is True and referrals[0]["closes_at"] == "2026-11-30T20:00:00+01:00"
    assert main(db + ["search", "--where", "Kraków", "--at", "2026-11-30T11:00:00"]) == 1
    assert "UTC offset" in capsys.readouterr().err


def test_map_and_seed(db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(db + ["seed"]) == 0
    assert "starter services" in capsys.readouterr().out
    for color in ("topic", "verified"):
        out = tmp_path / f"map-{color}.png"
        assert main(db + ["map", str(out), "--color", color]) == 0
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert out.stat().st_size > 50_000
