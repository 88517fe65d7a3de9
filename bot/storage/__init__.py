"""Encrypted conversation storage, pseudonyms, key management, retention and the audit log.

Public surface (see docs/ARCHITECTURE.md "Storage and identity" and SECURITY.md):

* ``bot.storage.pseudonyms.pseudonymize(kind, platform_id) -> str``
* ``bot.storage.reply_addresses.remember / lookup / forget``
* ``bot.storage.tracker_store.EncryptedTrackerStore`` (Rasa tracker store, ``endpoints.yml``)
* ``bot.storage.rasa_guards.install()`` (call before Rasa builds its agent)
* ``bot.storage.conversations.read_conversation / export_conversation / erase_conversation``
* ``bot.storage.audit.record_access / verify``
* ``bot.storage.rotation.rotate / status``, ``bot.storage.retention.run_retention``
* ``bot.storage.keys.MasterKeyProvider`` and its providers; ``bot.storage.kms`` for KMS/Vault

Importing this package does not import Rasa.
"""
