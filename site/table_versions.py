"""Cached values that stay exact: each remembers the tables it was computed from.

Every SQL statement the application sends goes through `track_tables` (installed on each
connection by `maillage.apps`):
- a write (INSERT, UPDATE, DELETE, also through `.update()` or raw SQL) gives its table a
  new version, at once and again when the transaction commits, so that a value computed
  by a concurrent request in between cannot outlive the commit;
- while a value is being computed under `recording()`, each table a statement names is
  noted with the version it had *before* the statement ran.

`cached(key, compute)` serves a stored value only while every table it noted still has
the same version. A new comment thus expires the pages and fragments that read comments,
and nothing else. Versions are random tokens written with a plain `set`, so two processes
bumping the same table at once can never leave it at a version a stale value noted.
Tables are recognised by their quoted names, as Django writes them; raw SQL must quote
table names too.
"""

import hashlib
import json
import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

PREFIX = "table-version:"
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"([a-z0-9_]+)"', re.IGNORECASE)
NAMED = re.compile(r'(?:FROM|JOIN)\s+"([a-z0-9_]+)"', re.IGNORECASE)
# Values read from Wagtail's own caches (site root paths) depend on these tables
# without any statement being sent.
ALWAYS = ("wagtailcore_site",)

_recording = ContextVar("maillage_tables_read", default=None)


def versions(tables):
    """The current version of each table. A table with none yet (never written, or its
    key evicted) gets one now: a missing key must never match what a value noted."""
    keys = [PREFIX + table for table in tables]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, uuid.uuid4().hex, timeout=None)
        found.update(cache.get_many(missing))
    return {table: found.get(PREFIX + table) for table in tables}


def is_current(noted):
    return versions(noted) == noted


def bump(table):
    cache.set(PREFIX + table, uuid.uuid4().hex, timeout=None)


def note(noted):
    """Add versions noted earlier (a cached fragment's) to the value being recorded."""
    reads = _recording.get()
    if reads is not None:
        for table, version in noted.items():
            reads.setdefault(table, version)


@contextmanager
def recording():
    """Collect {table: version} for every table read inside the block; a block nested in
    another also reports to the outer one."""
    reads = versions(ALWAYS)
    token = _recording.set(reads)
    try:
        yield reads
    finally:
        _recording.reset(token)
        note(reads)


def key(name, *parts):
    """A cache key for `cached` from any JSON-able parts (a query text, a request)."""
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=list).encode())
    return f"{name}:{digest.hexdigest()}"


def cached(key, compute, timeout):
    entry = cache.get(key)
    if entry is not None and is_current(entry["tables"]):
        note(entry["tables"])
        return entry["value"]
    with recording() as tables:
        value = compute()
    cache.set(key, {"value": value, "tables": tables}, timeout)
    return value


def track_tables(execute, sql, params, many, context):
    reads = _recording.get()
    if reads is not None:
        unseen = [table for table in NAMED.findall(sql) if table not in reads]
        if unseen:
            reads.update(versions(unseen))
    written = WRITE.match(sql)
    if written:
        table = written.group(1)
        bump(table)
        connection = context["connection"]
        if connection.in_atomic_block:
            transaction.on_commit(lambda: bump(table), using=connection.alias)
    return execute(sql, params, many, context)


def install(sender, connection, **kwargs):
    """First in the list: a connection opened inside a `with execute_wrapper(...)` block
    must not see the block's exit pop this wrapper instead of its own."""
    if track_tables not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, track_tables)
