"""A built record kept on local disk, so that a worker starting on an unchanged dataset skips the build.

Building the record converts every figure row (most of a large record's start-up); reading back a
record built earlier takes a fraction of that. A kept record is used only when all of these match
the ones it was built with, so it is never staler than a fresh build would be:

- the dataset version, the moment the app set it, and a stamp that the database itself renews on
  any change of that row, however made (a trigger; see the dataset_stamp migration), and after
  every migration; a restored backup brings back the row its data was written with;
- the database it was read from (URL without password);
- the code that builds and holds it (RECORD_CODE and the migrations, by content) and Python.

A hand edit of the tables that leaves the dataset_version row alone is seen neither by running
workers nor by this cache; after one, touch the row (`UPDATE dataset_version SET version = version
+ 1`). Only values read from the database and worked out by RECORD_CODE are written: what a record
works out on first use (country names, say) is left out (Record.__getstate__).

A new record is written in a thread of its own, a few seconds after it was built, so that neither
a start nor its first answers are held up by the writing (half a second at 100 times today's
figures); `wait` writes it at once and lets it finish.

The files are pickles, which can run code when read, so a file is read only if it and its folder
belong to this user, nobody else may write to either, and no one else can swap the folder (see
distrust), checked at every read. A file that cannot be read is ignored and rebuilt.
"""

import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
import threading
import time
from functools import lru_cache
from pathlib import Path

from sqlalchemy.engine import make_url

import app as app_package
from app.record.build import Record
from app.storage.engine import MIGRATIONS_DIR

log = logging.getLogger("darien")
KEEP_FILES = 8  # the newest records kept in a folder (several databases may share one)
KEEP_AFTER_SECONDS = 5.0  # how long a new record waits before it is written
STALE_PART_SECONDS = 3600  # a part still unfinished after an hour was left by a killed writer


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
    """Create the folder (mode 0700) if needed; True when it can be trusted (see distrust)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("record cache off: cannot create %s (%s)", folder, exc)
        return False
    reason = distrust(folder)
    if reason:
        log.warning("record cache off: %s", reason)
    return reason is None


def distrust(folder: Path) -> str | None:
    """Why records in this folder must not be read, or None: it must be a folder itself (not a
    link) of this user that nobody else may write to, inside folders that belong to this user or
    root and that others may not write to, unless sticky (as /tmp is: others cannot rename in it)."""
    try:
        status = os.lstat(folder)
        parents = [(parent, parent.stat()) for parent in folder.resolve().parents]
    except OSError as exc:
        return f"cannot check {folder} ({exc})"
    if not stat.S_ISDIR(status.st_mode):
        return f"{folder} is not a folder (a link is not taken)"
    if not only_mine(status):
        return f"{folder} belongs to another user or others may write to it"
    for parent, held in parents:
        if held.st_uid not in (0, os.getuid()):
            return f"{parent} belongs to another user"
        if held.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not held.st_mode & stat.S_ISVTX:
            return f"others may write to {parent}"
    return None


def only_mine(held: os.stat_result) -> bool:
    """Owned by this user, and nobody else may write to it."""
    return held.st_uid == os.getuid() and not held.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_own_file(path: Path) -> bytes:
    """A file of this user that nobody else may write to (not through a link); raises otherwise."""
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(handle, "rb") as file:
        if not only_mine(os.fstat(file.fileno())):
            raise PermissionError(f"{path.name} belongs to another user or others may write to it")
        return file.read()


class RecordCache:
    """Built records of one database, kept in one private folder."""

    def __init__(self, folder: Path, database_url: str) -> None:
        self.folder = folder
        self.database = make_url(database_url).render_as_string(hide_password=True)
        self._writing = threading.Lock()  # one record written at a time
        self._now = threading.Event()  # set: write without waiting (see _later)
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
        """The record kept for this version and stamp, or None. The folder is checked again
        each time: it may have been changed since the start."""
        path = self.path(version, stamp)
        reason = distrust(self.folder)
        if reason:
            log.warning("record cache not read: %s", reason)
            return None
        try:
            record = pickle.loads(read_own_file(path))
        except FileNotFoundError:
            return None
        except Exception as exc:  # a truncated or foreign file: rebuilt, and kept anew
            log.warning("record cache: %s not read (%s), rebuilding", path.name, exc)
            path.unlink(missing_ok=True)
            return None
        return record if isinstance(record, Record) and record.version == version else None

    def keep(self, record: Record, stamp: str) -> None:
        """Write a freshly built record in the background, a few seconds later (see save)."""
        self._writers = [w for w in self._writers if w.is_alive()]
        writer = threading.Thread(target=self._later, args=(record, stamp), name="record-cache")
        self._writers.append(writer)
        writer.start()

    def _later(self, record: Record, stamp: str) -> None:
        # Writing holds the interpreter for half a second at 100 times today's figures; right
        # after a build it would delay the worker's first answers, so it waits for them.
        self._now.wait(KEEP_AFTER_SECONDS)
        self.save(record, stamp)

    def wait(self) -> None:
        """Write the records waiting to be written now, and let them finish (at shutdown, and
        in tests)."""
        self._now.set()
        for writer in list(self._writers):
            writer.join()
        self._now.clear()

    def save(self, record: Record, stamp: str) -> None:
        """Keep a freshly built record (written whole, then renamed into place); drop old ones."""
        with self._writing:
            self._save(record, stamp)

    def _save(self, record: Record, stamp: str) -> None:
        path = self.path(record.version, stamp)
        if path.exists() or distrust(self.folder):  # another worker kept it first
            return
        try:
            write_whole(path, record)
        except Exception as exc:  # a full disk, or a value that cannot be kept: serve regardless
            log.warning("record cache: could not keep version %s (%s)", record.version, exc)
            return
        self.prune()

    def prune(self) -> None:
        """Remove all but the newest KEEP_FILES records, and parts a killed writer left."""
        kept = sorted(self.folder.glob("*.record"), key=mtime, reverse=True)
        for old in kept[KEEP_FILES:]:
            old.unlink(missing_ok=True)
        for part in self.folder.glob("*.part"):
            if 0 < mtime(part) < time.time() - STALE_PART_SECONDS:
                part.unlink(missing_ok=True)


def write_whole(path: Path, record: Record) -> None:
    """Write a record into a part file beside path, then rename it into place: a reader never
    sees half a file, and no part is left behind when the writing fails."""
    handle, part = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(record, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise


def mtime(path: Path) -> float:
    """A file's modification time, or 0 if it has just gone (another worker pruned it)."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
