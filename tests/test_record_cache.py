"""A record built once is read back on the next start, and only while nothing it was built from changed."""

import os
import pickle
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.record import cache as cache_module
from app.record.build import Record, load_record
from app.record.cache import KEEP_FILES, RECORD_CODE, RecordCache
from app.record.snapshot import Snapshot
from app.storage import queries
from app.storage.engine import downgrade, migrate, renew_stamp
from tests.databases import engine_for
from tests.test_snapshot import bump


def same_record(a: Record, b: Record) -> bool:
    fields = ("version", "figures", "sources", "figures_by_source", "yearly", "monthly", "choices")
    return all(getattr(a, name) == getattr(b, name) for name in fields) and dict(
        a.canonical.items()
    ) == dict(b.canonical.items())


class Written(RecordCache):
    """The cache, each record written before load_record returns (as a later start finds it)."""

    def keep(self, record: Record, stamp: str) -> None:
        super().keep(record, stamp)
        self.wait()


@pytest.fixture
def cache(tmp_path: Path, database_url: str) -> RecordCache:
    made = Written.configured(str(tmp_path / "records"), database_url)
    assert made is not None
    return made


@pytest.fixture
def rows_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the figure rows were read (once per build)."""
    calls: list[int] = []
    real = queries.list_figure_rows

    def counted(session: Any) -> Any:
        calls.append(1)
        return real(session)

    monkeypatch.setattr(queries, "list_figure_rows", counted)
    return calls


def test_a_restart_reads_the_kept_record_instead_of_building_it(
    database_url: str, cache: RecordCache, rows_read: list[int]
) -> None:
    with engine_for(database_url) as engine:
        built = load_record(engine, cache)
        kept = load_record(engine, cache)
        fresh = load_record(engine)
    assert rows_read == [1, 1]  # the second load read no figure rows
    assert kept is not built
    assert same_record(kept, built)
    assert same_record(kept, fresh)
    assert kept.yearly["2023"].figure.value == 520085


def test_a_new_version_is_built_again(
    database_url: str, seed_dir: Path, cache: RecordCache, rows_read: list[int]
) -> None:
    with engine_for(database_url) as engine:
        before = load_record(engine, cache)
        bump(database_url, seed_dir, "1,778")
        after = load_record(engine, cache)
    assert rows_read == [1, 1]
    assert (before.yearly["2012"].figure.value, after.yearly["2012"].figure.value) == (1777, 1778)
    assert len(list(cache.folder.glob("*.record"))) == 2


def test_hand_edits_that_touch_the_version_row_are_never_mistaken_for_a_kept_state(
    database_url: str, cache: RecordCache
) -> None:
    """The version number alone is no key: a hand edit may bump it without the time the app sets,
    or set it back; the stamp the database renews on any change of the row tells them apart."""
    edit = "UPDATE figure SET value = {} WHERE id = (SELECT figure_id FROM editorial_choice "
    edit += (
        "WHERE period_start = '2012-01-01' AND period_end = '2012-12-31' AND dimension = 'total')"
    )
    with engine_for(database_url) as engine:
        assert load_record(engine, cache).yearly["2012"].figure.value == 1777
        for value, version in ((1, "version + 1"), (1777, "1"), (2, "version + 1")):
            with engine.begin() as conn:
                conn.execute(text(edit.format(value)))
                conn.execute(text(f"UPDATE dataset_version SET version = {version}"))
            assert load_record(engine, cache).yearly["2012"].figure.value == value


def test_a_migration_renews_the_stamp(database_url: str, cache: RecordCache) -> None:
    """A migration may change data without a new version: records kept before it are not read."""
    with engine_for(database_url) as engine:
        before = stamp_of(engine)
        downgrade(engine, "-1")
        migrate(engine)
        assert stamp_of(engine) != before
        renewed = stamp_of(engine)
        renew_stamp(engine)
        assert stamp_of(engine) != renewed


def test_records_of_another_program_are_not_read(
    database_url: str, cache: RecordCache, rows_read: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with engine_for(database_url) as engine:
        load_record(engine, cache)
        monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another release")
        load_record(engine, cache)
    assert rows_read == [1, 1]


def test_records_of_another_database_are_not_read(
    database_url: str, tmp_path: Path, rows_read: list[int]
) -> None:
    folder = str(tmp_path / "shared")
    with engine_for(database_url) as engine:
        for url in (database_url, database_url + "?another=1"):
            cache = Written.configured(folder, url)
            assert cache is not None
            load_record(engine, cache)
    assert rows_read == [1, 1]


def test_an_unreadable_file_is_rebuilt_and_replaced(
    database_url: str, cache: RecordCache, rows_read: list[int]
) -> None:
    with engine_for(database_url) as engine:
        load_record(engine, cache)
        [kept] = cache.folder.glob("*.record")
        kept.write_bytes(kept.read_bytes()[:100])  # cut short, as by a full disk
        rebuilt = load_record(engine, cache)
        again = load_record(engine, cache)
    assert rows_read == [1, 1]
    assert same_record(rebuilt, again)


def test_only_the_newest_records_are_kept(database_url: str, cache: RecordCache) -> None:
    for n in range(KEEP_FILES + 3):
        old = cache.folder / f"old{n}.record"
        old.write_bytes(b"")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    with engine_for(database_url) as engine:
        load_record(engine, cache)
    names = {p.name for p in cache.folder.glob("*.record")}
    assert len(names) == KEEP_FILES
    assert {"old0.record", "old1.record", "old2.record", "old3.record"}.isdisjoint(names)


def test_a_folder_others_may_write_to_is_not_used(tmp_path: Path, database_url: str) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    assert RecordCache.configured(str(folder), database_url) is None
    folder.chmod(0o700)
    assert RecordCache.configured(str(folder), database_url) is not None


def test_where_records_are_kept_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    beside = RecordCache.configured("auto", f"sqlite:///{tmp_path}/data/darien.db")
    server = RecordCache.configured("auto", "postgresql+psycopg://user:secret@db/darien")
    assert beside is not None
    assert beside.folder == tmp_path / "data" / ".record-cache"
    assert server is not None
    assert server.folder == tmp_path / "xdg" / "darien-crossings" / "records"
    assert "secret" not in server.database
    assert (tmp_path / "data" / ".record-cache").stat().st_mode & 0o777 == 0o700
    assert RecordCache.configured("auto", "sqlite://") is None
    assert RecordCache.configured("off", f"sqlite:///{tmp_path}/data/darien.db") is None


def test_a_start_does_not_wait_for_the_record_to_be_written(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = RecordCache.configured(str(tmp_path / "records"), database_url)
    assert cache is not None
    release = threading.Event()
    real_dump = cache_module.pickle.dump

    def slow_dump(*args: Any, **kwargs: Any) -> None:
        assert release.wait(10)
        real_dump(*args, **kwargs)

    monkeypatch.setattr(cache_module.pickle, "dump", slow_dump)
    with engine_for(database_url) as engine:
        record = load_record(engine, cache)  # returns while the writer is held
        assert list(cache.folder.glob("*.record")) == []
        release.set()
        cache.wait()
        assert len(list(cache.folder.glob("*.record"))) == 1
        assert cache.load(record.version, stamp_of(engine)) is not None


def stamp_of(engine: Any) -> str:
    from sqlmodel import Session

    with Session(engine) as session:
        return queries.get_version_stamp(session)[1]


def test_the_fingerprint_covers_every_module_a_record_is_built_from() -> None:
    """A module outside RECORD_CODE that the build imported could change a record unnoticed."""
    script = (
        "import sys, app.record.build, app.record.cache;"
        "print(' '.join(m for m in sys.modules if m == 'app' or m.startswith('app.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    covered = tuple(name.removesuffix(".py") for name in RECORD_CODE)
    outside = [m for m in loaded if m != "app" and m.split(".")[1] not in covered]
    assert "app.record.build" in loaded
    assert outside == []


def test_values_worked_out_on_first_use_are_not_kept(database_url: str, cache: RecordCache) -> None:
    with engine_for(database_url) as engine:
        built = load_record(engine)
        assert built.nationalities  # worked out now, from library data (country names)
        cache.save(built, stamp_of(engine))
        kept = load_record(engine, cache)
    assert "nationalities" in vars(built)
    assert "nationalities" not in vars(kept)
    assert kept.nationalities == built.nationalities


def test_a_copy_being_written_does_not_share_what_readers_add(database_url: str) -> None:
    with engine_for(database_url) as engine:
        canonical = load_record(engine).canonical
    state = canonical.__getstate__()
    asked = len(state["_chosen"])  # type: ignore[arg-type]
    for cell in canonical:
        canonical[cell]  # readers working out every canonical figure
    assert len(state["_chosen"]) == asked < len(canonical._chosen)  # type: ignore[arg-type]


def test_a_kept_record_of_another_version_is_not_read(
    database_url: str, cache: RecordCache, rows_read: list[int]
) -> None:
    with engine_for(database_url) as engine:
        record = load_record(engine, cache)
        stamp = stamp_of(engine)
        other = replace(record, version=record.version + 1)
        cache.path(record.version, stamp).write_bytes(pickle.dumps(other))
        assert cache.load(record.version, stamp) is None


@pytest.mark.parametrize("how", ["link", "open parent", "file of another user"])
def test_records_are_read_only_from_places_nobody_else_controls(
    database_url: str, tmp_path: Path, how: str
) -> None:
    real = tmp_path / "real"
    made = RecordCache.configured(str(real), database_url)
    assert made is not None
    with engine_for(database_url) as engine:
        record = load_record(engine, made)
        made.wait()
        stamp = stamp_of(engine)
    assert made.load(record.version, stamp) is not None
    if how == "link":
        (tmp_path / "link").symlink_to(real)
        assert RecordCache.configured(str(tmp_path / "link"), database_url) is None
    elif how == "open parent":
        tmp_path.chmod(0o777)
        assert made.load(record.version, stamp) is None
        tmp_path.chmod(0o1777)  # sticky, as /tmp: others cannot rename what is not theirs
        assert made.load(record.version, stamp) is not None
    else:
        if os.getuid() != 0:
            pytest.skip("giving a file to another user needs root")
        os.chown(made.path(record.version, stamp), 54321, -1)
        assert made.load(record.version, stamp) is None


def test_a_served_worker_keeps_what_it_builds_and_waits_for_it_at_close(
    database_url: str, seed_dir: Path, cache: RecordCache
) -> None:
    plain = RecordCache(cache.folder, cache.database)  # writes in the background, as served
    with engine_for(database_url) as engine:
        snapshot = Snapshot(engine, plain)
        bump(database_url, seed_dir, "1,778")
        assert snapshot.refresh()
        snapshot.close()
    assert len(list(plain.folder.glob("*.record"))) == 2
    assert list(plain.folder.glob("*.part")) == []
