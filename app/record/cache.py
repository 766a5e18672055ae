"""A built record kept on local disk, so that a worker starting on an unchanged dataset skips the build.

Building the record converts every figure row (most of a large record's start-up); reading back a
record built earlier takes a fraction of that. A kept record is used only when all of these match
the ones it was built with, so it is never staler than a fresh build would be:

- the dataset version and the moment it was set (every write bumps both, in the same transaction
  as the change; a restored backup brings back the pair its data was written with);
- the database it was read from (URL without password);
- the code that builds and holds it (RECORD_CODE and the migrations, by content) and Python.

A hand edit of the tables that does not bump the version is seen neither by running workers nor by
this cache; bump the version after one (`darien seed` and every API write do).

A new record is written in a thread of its own, so that a start or a reload is not held up by the
writing (half a second at 100 times today's figures); `wait` lets it finish.

The files are pickles, which can run code when read, so they are read only from a folder that
belongs to this user and that nobody else may write to (created with mode 0700); any other folder
is not used, and said so once in the log. A file that cannot be read is ignored and rebuilt.
"""

import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from sqlalchemy.engine import make_url

import app as app_package
from app.record.build import Record
from app.storage.engine import MIGRATIONS_DIR

log = logging.getLogger("darien")
KEEP_FILES = 8  # the newest records kept in a folder (several databases may share one)


# What a record is built from and made of: app.record.build imports nothing else of the app
# (tests/test_record_cache.py checks), so a release that changes only the API or the extractor
# still reads the records the previous one kept.
RECORD_CODE = ("__init__.py", "config.py", "domain", "record", "storage")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the code a record depends on (RECORD_CODE and the migrations) and of Python."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(app_package.__file__).parent
    sources = [package / name for name in RECORD_CODE]
    for path in sorted(f for s in sources for f in (s.rglob("*.py") if s.is_dir() else [s])):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    for path in sorted(MIGRATIONS_DIR.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def default_folder(database_url: str) -> Path | None:
    """Beside an SQLite file; the user's cache folder for a server database; none in memory."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        return Path(url.database).resolve().parent / ".record-cache"
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home) / "darien-crossings" / "records"


def private_folder(folder: Path) -> bool:
    """Create the folder (mode 0700) if needed; True when only this user can write to it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError as exc:
        log.warning("record cache off: cannot create %s (%s)", folder, exc)
        return False
    if status.st_uid != os.getuid() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        log.warning(
            "record cache off: %s belongs to another user or others may write to it", folder
        )
        return False
    return True


class RecordCache:
    """Built records of one database, kept in one private folder."""

    def __init__(self, folder: Path, database_url: str) -> None:
        self.folder = folder
        self.database = make_url(database_url).render_as_string(hide_password=True)
        self._writing = threading.Lock()  # one record written at a time
        self._writers: list[threading.Thread] = []

    @classmethod
    def configured(cls, setting: str, database_url: str) -> "RecordCache | None":
        """The cache a RECORD_CACHE_DIR setting asks for: "auto", "off" or a folder."""
        if setting == "off":
            return None
        folder = default_folder(database_url) if setting == "auto" else Path(setting)
        if folder is None or not private_folder(folder):
            return None
        return cls(folder, database_url)

    def path(self, version: int, stamp: str) -> Path:
        """The file of the record built at this version and stamp."""
        key = "\n".join((code_fingerprint(), self.database, str(version), stamp))
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.record"

    def load(self, version: int, stamp: str) -> Record | None:
        """The record kept for this version and stamp, or None."""
        path = self.path(version, stamp)
        try:
            with path.open("rb") as file:
                record = pickle.load(file)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a truncated or foreign file: rebuild and overwrite it
            log.warning("record cache: %s unreadable (%s), rebuilding", path.name, exc)
            return None
        return record if isinstance(record, Record) and record.version == version else None

    def keep(self, record: Record, stamp: str) -> None:
        """Write a freshly built record in the background (see save)."""
        self._writers = [w for w in self._writers if w.is_alive()]
        writer = threading.Thread(target=self.save, args=(record, stamp), name="record-cache")
        self._writers.append(writer)
        writer.start()

    def wait(self) -> None:
        """Let the records being written finish (at shutdown, and in tests)."""
        for writer in list(self._writers):
            writer.join()

    def save(self, record: Record, stamp: str) -> None:
        """Keep a freshly built record (written whole, then renamed into place); drop old ones."""
        with self._writing:
            self._save(record, stamp)

    def _save(self, record: Record, stamp: str) -> None:
        path = self.path(record.version, stamp)
        try:
            handle, part = tempfile.mkstemp(dir=self.folder, suffix=".part")
        except OSError as exc:
            log.warning("record cache: could not keep version %s (%s)", record.version, exc)
            return
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(record, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(part, path)
        except Exception as exc:  # a full disk, or a value that cannot be kept: serve regardless
            Path(part).unlink(missing_ok=True)
            log.warning("record cache: could not keep version %s (%s)", record.version, exc)
            return
        self.prune()

    def prune(self) -> None:
        """Remove all but the newest KEEP_FILES records."""
        kept = sorted(self.folder.glob("*.record"), key=mtime, reverse=True)
        for old in kept[KEEP_FILES:]:
            old.unlink(missing_ok=True)


def mtime(path: Path) -> float:
    """A file's modification time, or 0 if it has just gone (another worker pruned it)."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
