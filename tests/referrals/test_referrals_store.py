from datetime import date, datetime, timezone

import pytest
from sqlalchemy import inspect

from referral_helpers import directory, service
from referrals import route
from referrals.schema import metadata
from referrals.store import DirectoryStore

NOON = datetime(2026, 11, 30, 11, 0, tzinfo=timezone.utc)


def sample():  # type: ignore[no-untyped-def]
    return directory(
        service("national", languages=("pl",), child_specific=True, minimum_age=10, maximum_age=18,
                channels=[("phone", "116111", None), ("chat", "https://chat.example.org", "Mo-Fr 08:00-20:00")]),
        service("local", kind="in_person", circle=(50.06, 19.94, 30), location=(50.07, 19.95), hours="Mo-Fr 09:00-17:00"),
        service("em", kind="emergency", channels=[("phone", "112", None)], topics=("general",)),
    )


def check_store(store: DirectoryStore) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert "popbot_alembic_version" in tables
    assert {t for t in tables if t.startswith("referral_")} == {t for t in metadata.tables if t.startswith("referral_")}
    assert store.is_empty()
    d = sample()
    assert store.save(d) == 3
    loaded = store.load()
    assert sorted(loaded.services) == ["em", "local", "national"]
    national = loaded.services["national"]
    assert (national.minimum_age, national.maximum_age, national.languages) == (10, 18, ("pl",))
    assert [c.type for c in national.channels] == ["phone", "chat"]
    assert [(s.byday[0], s.opens, s.closes) for s in national.channels[1].schedules] == [("MO", 480, 1200)]
    assert national.verified == date(2026, 11, 1)
    assert loaded.services["local"].locations[0].latitude == 50.07
    # routing from the store, then an import changes the answer (index is rebuilt)
    assert [r.service.id for r in route("Kraków", at=NOON, store=store)] == ["national", "local"]
    generation = store.generation()
    d2 = directory(service("national", status="inactive"))
    store.save(d2)
    assert store.generation() == generation + 1
    store._checked_at = 0.0  # do not wait for the recheck interval
    assert [r.service.id for r in route("Kraków", at=NOON, store=store)] == ["local"]
    store.save(sample(), replace=True)
    assert store.count() == 3
    store.delete_all()
    assert store.is_empty()


def test_sqlite_store(sqlite_store: DirectoryStore) -> None:
    check_store(sqlite_store)


@pytest.mark.postgres
def test_postgres_store(pg_store: DirectoryStore) -> None:
    check_store(pg_store)


def test_seed_only_when_empty(sqlite_store: DirectoryStore) -> None:
    sqlite_store.save(sample())
    assert sqlite_store.ensure_seeded() is False
    sqlite_store.delete_all()
    assert sqlite_store.ensure_seeded() is True
    assert sqlite_store.count() > 250


def test_large_save_shows_a_progress_bar(sqlite_store: DirectoryStore, capsys: pytest.CaptureFixture[str]) -> None:
    from referrals.starter import load_starter

    sqlite_store.save(load_starter(), progress=True)  # ~1,700 rows
    err = capsys.readouterr().err
    assert "saving" in err and "row" in err


def test_starter_rows_from_an_older_release_are_refreshed(sqlite_store: DirectoryStore) -> None:
    """A directory seeded before a release corrected a number (Chile 911 -> 133) gets the new
    starter rows on the next start; a partner's own rows stay, and an unchanged package is not
    written again."""
    check_starter_refresh(sqlite_store)


@pytest.mark.postgres
def test_starter_rows_from_an_older_release_are_refreshed_on_postgres(pg_store: DirectoryStore) -> None:
    check_starter_refresh(pg_store)


def check_starter_refresh(sqlite_store: DirectoryStore) -> None:
    from referrals.starter import load_starter, starter_fingerprint
    from referrals.store import STARTER_FINGERPRINT

    starter = load_starter()
    old = load_starter()
    chile = old.services["starter-emergency-cl"]
    chile.channels[0].value, chile.channels[-1].value = chile.channels[-1].value, chile.channels[0].value
    sqlite_store.save(old)  # an older release's rows, no fingerprint recorded (as before this change)
    sqlite_store.save(directory(service("starter-gone", starter=True)))  # a row no longer shipped
    sqlite_store.save(sample())  # and a partner's own services
    assert sqlite_store.ensure_seeded() is True
    loaded = sqlite_store.load()
    assert loaded.services["starter-emergency-cl"].channels[0].value == "133"
    assert "starter-gone" not in loaded.services
    assert set(sample().services) <= set(loaded.services)  # the partner's rows stay
    assert set(starter.services) <= set(loaded.services)
    assert sqlite_store.meta(STARTER_FINGERPRINT) == starter_fingerprint()
    generation = sqlite_store.generation()
    assert sqlite_store.ensure_seeded() is False and sqlite_store.generation() == generation


def test_a_directory_without_starter_rows_is_not_given_them_again(sqlite_store: DirectoryStore) -> None:
    sqlite_store.save(sample())
    assert sqlite_store.ensure_seeded() is False
    assert sqlite_store.starter_count() == 0
