"""Cached values that stay exact: each remembers the tables it was computed from.

Every SQL statement the application sends goes through `track_tables` (installed on each
connection by `maillage.apps`), and every `cursor.copy()` through the connection's cursor
class (`install`):
- a write gives each table it writes a new version, at once and again when it is
  committed (when the transaction commits, or once the statement returns outside one), so
  that a value computed by a concurrent request in between (which could not see the
  uncommitted rows) cannot outlive the commit. Writes are INSERT, UPDATE,
  DELETE and MERGE, also inside `WITH ...` (data-modifying CTEs), COPY ... FROM and
  TRUNCATE; a write whose tables cannot all be named (TRUNCATE ... CASCADE) expires every
  value at once;
- while a value is being computed under `recording()`, each table a statement reads is
  noted with the version it had *before* the statement ran.

`cached(key, compute)` serves a stored value only while every table it noted still has
the same version. A new vote thus expires the pages and fragments that read votes, and
nothing else. A value that reads only one object's rows of some tables (a comment thread)
notes that object's version instead of those tables (`Scope`, below): a comment expires
the thread it belongs to, not every thread. Versions are random tokens written with a
plain `set`, so two processes bumping the same table at once can never leave it at a
version a stale value noted.
Written tables are recognised quoted or not, schema-qualified or not, outside string
literals and comments; tables read are recognised by their quoted names after FROM or JOIN,
as Django writes them: raw SQL that reads must quote table names too. Writes hidden in a
function or a procedure (`SELECT f()`, `CALL`, `DO`) are not seen.

Where versions live (`MAILLAGE_TABLE_VERSIONS_FILE`): by default in the default cache,
read with one `get_many` (one round trip to Redis when several machines share it); on a
single machine, the production settings keep them in a memory-mapped file instead, one
8-byte slot per table (`SharedMemoryVersions`), which every server process reads without a
system call: with the file-based cache, each version was a file to open and unpickle,
some thirty per page. Stored values are also kept in each process's memory for a while
(`LocalValues`): a value is immutable under its key and versions, so a copy checked
against the current versions is as exact as the shared one.
"""

import functools
import hashlib
import json
import mmap
import os
import pickle
import re
import threading
import time
import uuid
import zlib
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, transaction

PREFIX = "table-version:"
# A pseudo-table every value notes: a new version of it expires every cached value.
EVERYTHING = "*"
# Values read from Wagtail's own caches (site root paths) depend on these tables
# without any statement being sent.
ALWAYS = ("wagtailcore_site", EVERYTHING)
NAMED = re.compile(r'(?:FROM|JOIN)\s+"([a-z0-9_]+)"', re.IGNORECASE)

# Parsing writes. Only a statement that starts with a verb that may write is read further
# (a SELECT, which Django sends most, cannot: PostgreSQL allows data-modifying
# statements only at the top level, in WITH). Literals and comments are blanked out first,
# then the clauses where UPDATE is no write (row locks; ON CONFLICT ... DO UPDATE and
# MERGE ... THEN UPDATE, whose table the INSERT or the MERGE names). The text is
# upper-cased, so names come out lower-cased, as PostgreSQL folds them.
FIRST_WORD = re.compile(r"(?:\s|\(|--[^\n]*\n|/\*.*?\*/)*(\w+)", re.DOTALL)
NEVER_WRITES = {"SELECT", "VALUES", "SHOW", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT", "SET"}
NOISE = re.compile(r"'(?:[^']|'')*'|\$(\w*)\$.*?\$\1\$|--[^\n]*|/\*.*?\*/", re.DOTALL)
NOT_A_WRITE = re.compile(r"\b(?:FOR\s+(?:NO\s+KEY\s+)?UPDATE|(?:DO|THEN)\s+UPDATE)\b")
TABLE = r'(?:"?\w+"?\s*\.\s*)?"?(\w+)"?'  # an optional schema, then the table
DML = re.compile(rf"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO)\s+(?:ONLY\s+)?{TABLE}")
COPY_FROM = re.compile(rf"\bCOPY\s+{TABLE}\s*(?:\([^)]*\))?\s*FROM\b")
TRUNCATE = re.compile(r"\bTRUNCATE\s+(?:TABLE\s+)?([^;]*)")
TRUNCATE_OPTIONS = re.compile(r"\b(?:RESTART|CONTINUE|CASCADE|RESTRICT)\b")
TRUNCATED = re.compile(rf"\s*(?:ONLY\s+)?{TABLE}\s*\*?\s*")


def written_tables(sql):
    """The tables `sql` writes (EVERYTHING among them when some cannot be named)."""
    first = FIRST_WORD.match(sql)
    if not first or first.group(1).upper() in NEVER_WRITES:
        return set()
    code = NOISE.sub(" ", sql).upper()
    verb = FIRST_WORD.match(code)
    if verb.group(1) in ("INSERT", "UPDATE", "DELETE"):  # then the only write is this one
        written = DML.match(code, verb.start(1))
        tables = {written.group(1) if written else EVERYTHING}
    else:
        code = NOT_A_WRITE.sub(" ", code)
        tables = set(DML.findall(code)) | set(COPY_FROM.findall(code))
        for truncate in TRUNCATE.finditer(code):
            tables.update(_truncated(truncate.group(1)))
    return {table.lower() for table in tables}


def _truncated(clause):
    names = TRUNCATE_OPTIONS.split(clause, maxsplit=1)[0]
    tables = set()
    for item in names.split(","):
        match = TRUNCATED.fullmatch(item)
        tables.add(match.group(1) if match else EVERYTHING)
    if re.search(r"\bCASCADE\b", clause):
        tables.add(EVERYTHING)  # the tables that refer to these ones are emptied too
    return tables


_recording = ContextVar("maillage_tables_read", default=None)


class CacheVersions:
    """Versions in the default cache, under PREFIX + table: shared by every process that
    shares the cache (Redis across machines)."""

    def get(self, tables):
        """A table with no version yet (never written, or its key evicted) gets one now:
        a missing key must never match what a value noted."""
        keys = [PREFIX + table for table in tables]
        found = cache.get_many(keys)
        missing = [key for key in keys if key not in found]
        if missing:
            for key in missing:
                cache.add(key, uuid.uuid4().hex, timeout=None)
            found.update(cache.get_many(missing))
        return {table: found.get(PREFIX + table) for table in tables}

    def bump(self, table):
        cache.set(PREFIX + table, uuid.uuid4().hex, timeout=None)


class SharedMemoryVersions:
    """Versions in a file mapped into every process of one machine: SLOTS slots of 8
    bytes, a table's slot chosen by a stable hash of its name. Two tables that share a
    slot expire each other's values, which costs a recomputation, never a stale value. A
    new file is filled with random bytes, so that values noted against a file deleted
    since can never match the new one; a process that finds the file replaced (another
    inode) maps the new one before reading or writing."""

    SLOTS = 4096

    def __init__(self, path):
        self.path = Path(path)
        self._slots = None
        self._inode = None
        self._lock = threading.Lock()

    @staticmethod
    @functools.cache
    def slot(table):
        return zlib.crc32(table.encode()) % SharedMemoryVersions.SLOTS

    def _view(self):
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            inode = None
        if inode is None or inode != self._inode:
            with self._lock:
                self._map()
        return self._slots

    def _map(self):
        size = self.SLOTS * 8
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fresh = os.stat(self.path).st_size != size
        except FileNotFoundError:
            fresh = True
        if fresh:  # written aside then linked in, so no process maps a half-written file
            spare = self.path.with_name(f"{self.path.name}.{uuid.uuid4().hex}")
            spare.write_bytes(os.urandom(size))
            try:
                os.link(spare, self.path)
            except FileExistsError:
                if os.stat(self.path).st_size != size:
                    os.replace(spare, self.path)
            finally:
                spare.unlink(missing_ok=True)
        fd = os.open(self.path, os.O_RDWR)
        try:
            inode = os.fstat(fd).st_ino
            mapped = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        self._slots, self._inode = memoryview(mapped).cast("Q"), inode

    def get(self, tables):
        slots = self._view()
        return {table: slots[self.slot(table)] for table in tables}

    def bump(self, table):
        self._view()[self.slot(table)] = int.from_bytes(os.urandom(8), "little")


_versions_store = None
# Every LocalMemo of the process, emptied together (`_settings_changed`).
_memos = []


def _store():
    global _versions_store
    if _versions_store is None:
        path = settings.MAILLAGE_TABLE_VERSIONS_FILE
        _versions_store = SharedMemoryVersions(path) if path else CacheVersions()
    return _versions_store


def _settings_changed(setting, **kwargs):
    global _versions_store
    if setting in ("MAILLAGE_TABLE_VERSIONS_FILE", "CACHES"):
        _versions_store = None
        for memo in _memos:
            memo.clear()


setting_changed.connect(_settings_changed, dispatch_uid="table_versions_store")


def versions(tables):
    """The current version of each table."""
    return _store().get(tables)


def is_current(noted):
    """Whether no table and no object (`Scope`) that `noted` holds has changed since."""
    scoped = [name for name in noted if SCOPED in name]
    if not scoped:
        return versions(noted) == noted
    return _scoped_is_current(noted, scoped)


def bump(table):
    _store().bump(table)


class LocalMemo:
    """Values this process stored or read lately, by key, each until its timeout: at most
    `size`, the least recently used dropped first. Callers check the versions a value
    noted, as for the shared cache, so a copy here is never served once a table it read
    has changed. Every memo is emptied when the settings that name the versions change."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()
        _memos.append(self)

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
        return found[1]

    def set(self, key, value, timeout):
        with self._lock:
            self._entries[key] = (time.monotonic() + timeout, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


class LocalValues(LocalMemo):
    """Entries ({"tables": noted versions, ...}) kept pickled, as a cache keeps them: each
    caller gets its own copy, which it may change without changing the next one's."""

    def get(self, key):
        data = super().get(key)
        return None if data is None else pickle.loads(data)

    def set(self, key, entry, timeout):
        super().set(key, pickle.dumps(entry, pickle.HIGHEST_PROTOCOL), timeout)


local_values = LocalValues(size=256)
# How long a process keeps its own copy before reading the shared one again.
LOCAL_SECONDS = 60


def current_entry(key, memo=None):
    """The entry stored under `key` if no table it noted has changed since, else None:
    from this process's memory first (`memo`, `local_values` unless said), then from the
    shared cache."""
    memo = local_values if memo is None else memo
    entry = memo.get(key)
    if entry is not None and is_current(entry["tables"]):
        return entry
    entry = cache.get(key)
    if entry is not None and is_current(entry["tables"]):
        memo.set(key, entry, LOCAL_SECONDS)
        return entry
    return None


def store_entry(key, entry, timeout, memo=None):
    """Store `entry` (a dict with the "tables" noted while computing it) for `timeout`
    seconds, shared and in this process (`memo`, `local_values` unless said)."""
    cache.set(key, entry, timeout)
    (local_values if memo is None else memo).set(key, entry, min(timeout, LOCAL_SECONDS))


def note(noted):
    """Add versions noted earlier (a cached fragment's) to the value being recorded."""
    reads = _recording.get()
    if reads is not None:
        for table, version in noted.items():
            reads.setdefault(table, version)


@contextmanager
def recording(report=True):
    """Collect {table: version} for every table read inside the block; a block nested in
    another also reports to the outer one, unless `report` is false (the caller then
    notes what the outer value depends on itself)."""
    reads = versions(ALWAYS)
    token = _recording.set(reads)
    uncovered = _covered.set(frozenset())  # a nested value notes every table it reads
    try:
        yield reads
    finally:
        _covered.reset(uncovered)
        _recording.reset(token)
        if report:
            note(reads)


def key(name, *parts):
    """A cache key for `cached` from any JSON-able parts (a query text, a request)."""
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=list).encode())
    return f"{name}:{digest.hexdigest()}"


def cached(key, compute, timeout, memo=None):
    """`compute()`, kept under `key` while no table it read changes (`timeout` bounds an
    unread one). `memo`: the process's own copies, `local_values` (pickled, so that a
    caller may change its copy) unless said; a value no caller changes may be kept in a
    `LocalMemo` of its own, read without unpickling."""
    entry = current_entry(key, memo)
    if entry is not None:
        note(entry["tables"])
        return entry["value"]
    with recording() as tables:
        value = compute()
    store_entry(key, {"value": value, "tables": tables}, timeout, memo)
    return value


def track_tables(execute, sql, params, many, context):
    reads = _recording.get()
    if reads is not None:
        covered = _covered.get()
        unseen = [t for t in NAMED.findall(sql) if t not in reads and t not in covered]
        if unseen:
            reads.update(versions(unseen))
    connection = context["connection"]
    written = written_tables(sql)
    bump_written(written, connection)
    result = execute(sql, params, many, context)
    if written and connection.autocommit and not connection.in_atomic_block:
        Bump(written)()  # committed now: a value read while it ran must not outlive it
    return result


class Bump:
    """New versions for `tables`; kept in `run_on_commit` until the commit, where `scoped`
    finds what its own transaction has written and not committed yet."""

    def __init__(self, tables):
        self.tables = frozenset(tables)

    def __call__(self):
        for table in self.tables:
            bump(table)


def bump_written(tables, connection):
    """New versions for `tables` now and, inside a transaction, again at its commit."""
    if tables:
        Bump(tables)()
        if connection.in_atomic_block:
            transaction.on_commit(Bump(tables), using=connection.alias)


def uncommitted(connection, tables):
    """Whether the transaction under way on `connection` has written one of `tables`."""
    return connection.in_atomic_block and any(
        not getattr(hook, "tables", frozenset()).isdisjoint(tables)
        for _savepoints, hook, _robust in connection.run_on_commit
    )


# --- Versions per object -------------------------------------------------------------

# A noted name "<table>@<key>" is the version of one object in a Scope's table; no table
# name holds "@". Its key "*" is bumped by a TRUNCATE of a covered table.
SCOPED = "@"
EPOCH = "*"
_scopes = {}
# Tables whose reads the block under way does not note (`scoped`).
_covered = ContextVar("maillage_tables_covered", default=frozenset())


class Scope:
    """Versions per object, for a value that reads only one object's rows of some tables
    (a comment thread: its comments and their reactions).

    PostgreSQL keeps them in `table` (key text primary key, version uuid), created by the
    migration that also installs statement triggers on each table of `covers`: a row
    inserted, updated (its object before and after) or deleted gives its object's key a
    new random version; a TRUNCATE gives one to the key "*", which every check also reads.
    The object's version thus follows every write, whatever sends it (a queryset's
    `update()` or `delete()`, raw SQL, a migration), and a rollback undoes it with the
    rest. Not seen: writes made with triggers disabled (`session_replication_role =
    replica`). As for every cached value, a write sent by a program other than Django
    gives no table a new version: it is seen at the next check made after any write of
    Django to a covered table.

    Inside `scoped(scope, key)`, the value being computed notes the object's version
    instead of the tables of `covers`, with the versions those tables had just before. It
    is then served while these tables keep their versions (no query), else while the
    object keeps its version (one query for every object a value noted). Exact under
    READ COMMITTED:
    - the table versions are read first, then the object's version, then the rows: each
      statement sees every commit made before it starts, so a value is never older than
      the version it noted, and a write committed after that read changes the version
      (the value is no longer served once the write is committed);
    - table versions are given before each write is sent and again once it is committed
      (`track_tables`): equal ones mean that no write to those tables committed since
      the value's rows were read, so the object's version cannot have changed either. A
      value computed while its own transaction has uncommitted writes to those tables
      (`uncommitted`) notes no table versions, which a rollback would leave unchanged: it
      is always checked against the object's version, which the rollback restores.
    Inside the block, reads of a covered table must concern that object only. A value
    computed in the block by `cached` notes all its tables, and an outer value (a page)
    notes the object's version that the thread noted (`note`), so it expires with it."""

    def __init__(self, table, covers):
        self.table = table
        self.covers = tuple(sorted(covers))
        _scopes[table] = self

    def name(self, key):
        return f"{self.table}{SCOPED}{key}"

    def read(self, keys):
        """{key: (version of "*", version of key)}, None for one never written."""
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            # Unquoted: `track_tables` notes quoted names only, and this is no read of rows.
            cursor.execute(
                f"SELECT key, version::text FROM {self.table} WHERE key = ANY(%s)",
                [[EPOCH, *keys]],
            )
            found = dict(cursor.fetchall())
        return {key: (found.get(EPOCH), found.get(key)) for key in keys}


def scoped(scope, key):
    """Inside the block, the value being recorded notes the version of the object `key`
    instead of the tables `scope` covers (see `Scope`)."""
    return scoped_many(scope, [key])


@contextmanager
def scoped_many(scope, keys):
    """`scoped` for several objects at once (a page of a list, each with its thread):
    their versions are read in one query, and the block's reads of the covered tables
    must concern these objects only. Without keys the block notes the tables it reads."""
    reads = _recording.get()
    if reads is None or not keys:
        yield
        return
    tables = None
    if not uncommitted(connections[DEFAULT_DB_ALIAS], scope.covers):
        current = versions(scope.covers)
        tables = tuple(current[table] for table in scope.covers)
    for key, version in scope.read(keys).items():
        reads.setdefault(scope.name(key), (tables, version))
    token = _covered.set(_covered.get() | set(scope.covers))
    try:
        yield
    finally:
        _covered.reset(token)


def _scoped_is_current(noted, scoped):
    scopes = {name: _scopes.get(name.partition(SCOPED)[0]) for name in scoped}
    if None in scopes.values():
        return False
    tables = [name for name in noted if SCOPED not in name]
    covered = sorted({table for scope in scopes.values() for table in scope.covers})
    current = versions(list(dict.fromkeys([*tables, *covered])))
    if any(current[table] != noted[table] for table in tables):
        return False
    unsure = {}
    for name, scope in scopes.items():
        if noted[name][0] != tuple(current[table] for table in scope.covers):
            unsure.setdefault(scope, []).append(name)
    for scope, names in unsure.items():
        found = scope.read([name.partition(SCOPED)[2] for name in names])
        if any(found[name.partition(SCOPED)[2]] != noted[name][1] for name in names):
            return False
    return True


@functools.cache
def copy_tracking(cursor_class, alias):
    """`cursor_class` whose `copy()` bumps the tables it loads: psycopg's COPY protocol
    bypasses the execute wrappers."""

    class CopyTrackingCursor(cursor_class):
        tracks_copy = True

        @contextmanager
        def copy(self, statement, *args, **kwargs):
            with super().copy(statement, *args, **kwargs) as copy:
                yield copy
            text = statement if isinstance(statement, str) else statement.as_string(self)
            bump_written(written_tables(text), connections[alias])

    return CopyTrackingCursor


def install(sender, connection, **kwargs):
    """`track_tables` goes first in the list: a connection opened inside a
    `with execute_wrapper(...)` block must not see the block's exit pop this wrapper
    instead of its own."""
    if track_tables not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, track_tables)
    raw = connection.connection
    if not getattr(raw.cursor_factory, "tracks_copy", False):
        raw.cursor_factory = copy_tracking(raw.cursor_factory, connection.alias)
