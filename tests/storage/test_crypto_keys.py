"""AES-GCM envelope, key providers, production refusal and pseudonyms."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from core.settings import load_settings
from bot.storage import crypto
from bot.storage.errors import DecryptionError, KeyConfigError, KeyUnavailableError
from bot.storage.keys import (
    EnvKeyProvider, FileKeyProvider, GENERATED_MARKER, encode_key, load_key_provider,
)
from bot.storage.pseudonyms import pseudonym_with


def test_encrypt_roundtrip_and_aad_binding() -> None:
    key = crypto.new_key()
    blob = crypto.encrypt(key, b"secret text", crypto.event_aad("c1", 3))
    assert crypto.decrypt(key, blob, crypto.event_aad("c1", 3)) == b"secret text"
    assert b"secret" not in blob
    with pytest.raises(DecryptionError, match="authentication failed"):
        crypto.decrypt(key, blob, crypto.event_aad("c1", 4))
    with pytest.raises(DecryptionError, match="authentication failed"):
        crypto.decrypt(key, blob, crypto.event_aad("c2", 3))
    with pytest.raises(DecryptionError, match="authentication failed"):
        crypto.decrypt(crypto.new_key(), blob, crypto.event_aad("c1", 3))
    with pytest.raises(DecryptionError, match="truncated"):
        crypto.decrypt(key, blob[:20], crypto.event_aad("c1", 3))
    with pytest.raises(DecryptionError, match="authentication failed"):
        crypto.decrypt(key, blob[:-1], crypto.event_aad("c1", 3))


def test_nonces_are_random() -> None:
    key = crypto.new_key()
    blobs = {crypto.encrypt(key, b"x", b"a")[1:13] for _ in range(200)}
    assert len(blobs) == 200


def test_file_provider_generates_private_files(tmp_path: Path) -> None:
    directory = tmp_path / "keys"
    provider = FileKeyProvider(directory, generate=True)
    assert provider.versions() == [1]
    assert provider.generated
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    for name in ("master-000001.key", "pseudonym.key"):
        assert stat.S_IMODE((directory / name).stat().st_mode) == 0o600
    again = FileKeyProvider(directory, generate=True)  # second start: same keys
    data_key = crypto.new_key()
    version, blob = provider.wrap(data_key, b"ctx")
    assert again.unwrap(version, blob, b"ctx") == data_key
    with pytest.raises(DecryptionError):
        again.unwrap(version, blob, b"other ctx")


def test_file_provider_refuses_readable_key_file(tmp_path: Path) -> None:
    directory = tmp_path / "keys"
    FileKeyProvider(directory, generate=True)
    os.chmod(directory / "master-000001.key", 0o644)
    with pytest.raises(KeyConfigError, match=r"master-000001.key: readable by group/others"):
        FileKeyProvider(directory, generate=True)


def test_rotate_and_retire_file_versions(tmp_path: Path) -> None:
    provider = FileKeyProvider(tmp_path / "keys", generate=True)
    version, blob = provider.wrap(b"k" * 32)
    assert provider.rotate() == 2
    assert provider.current_version() == 2
    assert provider.unwrap(version, blob) == b"k" * 32
    assert provider.retire(1)
    assert not (tmp_path / "keys" / "master-000001.key").exists()
    with pytest.raises(KeyUnavailableError, match="version 1 is not available"):
        provider.unwrap(1, blob)


def test_env_provider_parses_and_names_errors() -> None:
    k1, k2, p = (encode_key(crypto.new_key()) for _ in range(3))
    provider = EnvKeyProvider({"POPBOT_MASTER_KEYS": f"1:{k1}, 2:{k2}", "POPBOT_PSEUDONYM_KEY": p})
    assert provider.versions() == [1, 2] and provider.current_version() == 2
    assert not provider.writable
    with pytest.raises(KeyConfigError, match="read-only"):
        provider.rotate()
    with pytest.raises(KeyConfigError, match="POPBOT_MASTER_KEYS item 2: not valid base64"):
        EnvKeyProvider({"POPBOT_MASTER_KEYS": f"1:{k1},2:@@@", "POPBOT_PSEUDONYM_KEY": p})
    with pytest.raises(KeyConfigError, match="item 1: a key must be 32 bytes"):
        EnvKeyProvider({"POPBOT_MASTER_KEYS": "1:AAAA", "POPBOT_PSEUDONYM_KEY": p})
    with pytest.raises(KeyConfigError, match="POPBOT_PSEUDONYM_KEY must be set"):
        EnvKeyProvider({"POPBOT_MASTER_KEYS": f"1:{k1}"})
    with pytest.raises(KeyConfigError, match="item 2: version 1 given twice"):
        EnvKeyProvider({"POPBOT_MASTER_KEYS": f"1:{k1},1:{k2}", "POPBOT_PSEUDONYM_KEY": p})


def test_production_refuses_missing_and_generated_keys(tmp_path: Path) -> None:
    base = {"POPBOT_MODE": "production", "POPBOT_DATABASE_URL": "sqlite://", "POPBOT_VAR_DIR": str(tmp_path)}
    with pytest.raises(KeyConfigError, match="production mode needs real keys"):
        load_key_provider(load_settings(base))
    assert not (tmp_path / "keys").exists()  # nothing generated
    FileKeyProvider(tmp_path / "gen", generate=True)
    with pytest.raises(KeyConfigError, match="refuses keys generated on first run"):
        load_key_provider(load_settings({**base, "POPBOT_KEYS_DIR": str(tmp_path / "gen")}))
    with pytest.raises(KeyConfigError, match="key directory does not exist"):
        load_key_provider(load_settings({**base, "POPBOT_KEYS_DIR": str(tmp_path / "absent")}))
    os.remove(tmp_path / "gen" / GENERATED_MARKER)  # operator-provisioned keys are accepted
    assert load_key_provider(load_settings({**base, "POPBOT_KEYS_DIR": str(tmp_path / "gen")})).versions() == [1]
    env_keys = {"POPBOT_MASTER_KEYS": f"1:{encode_key(crypto.new_key())}", "POPBOT_PSEUDONYM_KEY": encode_key(crypto.new_key())}
    assert load_key_provider(load_settings({**base, **env_keys})).name == "environment"


def test_embedded_generates_into_var_keys(tmp_path: Path) -> None:
    provider = load_key_provider(load_settings({"POPBOT_VAR_DIR": str(tmp_path)}))
    assert (tmp_path / "keys" / "master-000001.key").exists()
    assert provider.generated


def test_pseudonyms_stable_keyed_short(tmp_path: Path) -> None:
    a = FileKeyProvider(tmp_path / "a", generate=True)
    b = FileKeyProvider(tmp_path / "b", generate=True)
    p = pseudonym_with(a, "telegram", "123456789")
    assert p == pseudonym_with(FileKeyProvider(tmp_path / "a", generate=True), "telegram", "123456789")
    assert p.startswith("telegram-") and len(p) == len("telegram-") + 22
    assert "123456789" not in p
    assert p != pseudonym_with(a, "web", "123456789")
    assert p != pseudonym_with(a, "telegram", "123456780")
    assert p != pseudonym_with(b, "telegram", "123456789")
    a.rotate()  # master-key rotation does not change pseudonyms
    assert p == pseudonym_with(a, "telegram", "123456789")
    with pytest.raises(ValueError):
        pseudonym_with(a, "Tele gram", "1")
    with pytest.raises(ValueError):
        pseudonym_with(a, "telegram", "")
