"""What every page needs to know about the logged-in member, read in one query.

The header and the rules of every page ask the same things about the member: do they
moderate, to which private spaces are they invited, how many notifications and
conversations are unread. Asked one by one, that was four queries on each member page.
Each module declares its own question as a `Fact` (a queryset about the member); the
settings list them (MAILLAGE_MEMBER_FACTS, dotted paths) and `value(user, fact)` answers
all of them at once: one statement of scalar subqueries, `SELECT EXISTS(...), ARRAY(...),
(SELECT count(*) ...)`, that reads no row of the member themselves.

The answers are kept in the exact cache (`maillage.table_versions`) under the member's
id, and on the user object for the rest of the request; both are served only while no
table they were read from has been written since, so a notification received or a
conversation read shows at the very next access, even later in the same request. A fact
served to a value being recorded (a cached fragment) notes only the tables of its own
query: asking whether the member moderates does not make a fragment depend on the
notifications table."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from maillage import table_versions

# Exact: the timeout only frees memory.
CACHE_SECONDS = 60 * 60
ATTRIBUTE = "_maillage_member_facts"
# How each kind of fact wraps its query in the one statement.
WRAPPERS = {
    "exists": ("EXISTS(", ")"),
    "count": ("(SELECT COUNT(*) FROM (", ") AS counted)"),
    "list": ("ARRAY(", ")"),
}


@dataclass(frozen=True)
class Fact:
    """`query(user)` is a queryset about `user`: whether it finds a row ("exists"), how
    many ("count") or the list of its single column ("list", in the queryset's order)."""

    name: str
    query: Callable
    kind: str

    def __post_init__(self):
        if self.kind not in WRAPPERS:
            raise ValueError(f"{self.name}: kind {self.kind!r} is not one of {list(WRAPPERS)}")


def facts():
    return [import_string(path) for path in settings.MAILLAGE_MEMBER_FACTS]


def value(user, fact):
    """The answer to `fact` for the logged-in, active `user`."""
    entry = _entry(user)
    table_versions.note({table: entry["tables"][table] for table in entry["reads"][fact.name]})
    return entry["values"][fact.name]


def _entry(user):
    entry = getattr(user, ATTRIBUTE, None)
    if entry is not None and table_versions.is_current(entry["tables"]):
        return entry
    key = table_versions.key("member-facts", user.pk, settings.MAILLAGE_MEMBER_FACTS)
    entry = table_versions.current_entry(key)
    if entry is None:
        entry = _compute(user)
        table_versions.store_entry(key, entry, CACHE_SECONDS)
    setattr(user, ATTRIBUTE, entry)
    return entry


def _compute(user):
    declared = facts()
    columns, params, reads = [], [], {}
    for fact in declared:
        sql, fact_params = fact.query(user).query.sql_with_params()
        opening, closing = WRAPPERS[fact.kind]
        columns.append(f"{opening}{sql}{closing}")
        params.extend(fact_params)
        reads[fact.name] = set(table_versions.NAMED.findall(sql)) | set(table_versions.ALWAYS)
    # Not reported to the caller's recording: `value` notes each fact's own tables.
    with table_versions.recording(report=False) as tables:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(columns), params)
            row = cursor.fetchone()
    return {
        "values": {fact.name: answer for fact, answer in zip(declared, row, strict=True)},
        "tables": tables,
        "reads": reads,
    }
