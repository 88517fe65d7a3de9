"""The KMS/Vault adapter with an in-process service, and the storage CLI commands."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main as popbot
from core.settings import load_settings
from bot.storage import crypto, keys
from bot.storage.errors import DecryptionError, KeyUnavailableError
from bot.storage.kms import ExternalKeyProvider
from bot.storage.rotation import rotate
from bot.storage.runtime import open_storage


class FakeTransit:
    """Vault-transit-like service held in memory (stands in for the network service)."""

    name = "fake-transit"

    def __init__(self) -> None:
        self.keys = {1: crypto.new_key()}

    def versions(self) -> list[int]:
        return sorted(self.keys)

    def encrypt(self, version: int, plaintext: bytes, context: bytes) -> bytes:
        return crypto.encrypt(self.keys[version], plaintext, context)

    def decrypt(self, version: int, ciphertext: bytes, context: bytes) -> bytes:
        return crypto.decrypt(self.keys[version], ciphertext, context)

    def create_version(self) -> int:
        self.keys[max(self.keys) + 1] = crypto.new_key()
        return max(self.keys)

    def destroy_version(self, version: int) -> bool:
        del self.keys[version]
        return True


def test_external_provider_rotation(tmp_path: Path) -> None:
    service = FakeTransit()
    provider = ExternalKeyProvider(service, pseudonym_key=keys.encode_key(crypto.new_key()))
    assert isinstance(provider, keys.MasterKeyProvider)
    store = open_storage(load_settings({"POPBOT_VAR_DIR": str(tmp_path)}), database_url=f"sqlite:///{tmp_path}/k.db", provider=provider)
    with store.engine.begin() as conn:
        key = store.data_keys.get_or_create(conn, "conv-1")
    report = rotate(store)
    assert report.current_version == 2 and report.retired == [1] and service.versions() == [2]
    store.data_keys._cache.clear()
    with store.engine.connect() as conn:
        assert store.data_keys.lookup(conn, "conv-1") == key
    version, blob = provider.wrap(key, b"ctx")
    with pytest.raises(DecryptionError, match="refused to decrypt"):
        provider.unwrap(version, blob, b"other")
    with pytest.raises(KeyUnavailableError):
        provider.unwrap(1, blob, b"ctx")
    store.close()


def test_cli_keys_audit_erase_retention(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("POPBOT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("POPBOT_DATABASE_URL", raising=False)
    from bot.storage import runtime

    runtime.set_storage(None)
    try:
        assert popbot(["keys", "status"]) == 0
        assert "current version:     1" in capsys.readouterr().out
        assert popbot(["keys", "rotate"]) == 0
        assert "rotated to master key v2" in capsys.readouterr().out
        assert popbot(["erase", "telegram-nobody", "--actor", "anna", "--reason", "test"]) == 1
        assert popbot(["audit", "verify"]) == 0
        assert "audit log intact: 0 entries" in capsys.readouterr().out
        assert popbot(["retention", "run"]) == 0
        assert "erased 0 conversation(s) idle for more than 90 days" in capsys.readouterr().out
        monkeypatch.setenv("POPBOT_RETENTION_DAYS", "x")
        assert popbot(["retention", "run"]) == 2
        assert "POPBOT_RETENTION_DAYS: value is not a valid integer" in capsys.readouterr().err
        monkeypatch.delenv("POPBOT_RETENTION_DAYS")
        assert len(keys._decode_key(_last_line(popbot, capsys, ["keys", "generate"]), "generated")) == 32
    finally:
        current = runtime._storage
        runtime.set_storage(None)
        if current is not None:
            current.close()


def _last_line(cmd, capsys, argv) -> str:
    assert cmd(argv) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]
