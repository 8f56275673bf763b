import contextvars
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.db.backends.signals import connection_created

from maillage import table_versions
from maillage.table_versions import (
    EVERYTHING,
    PREFIX,
    SharedMemoryVersions,
    cached,
    track_tables,
    written_tables,
)
from taxonomy.models import Thematique
from tests.factories import EventFactory, ThematiqueFactory

pytestmark = pytest.mark.django_db


class Computations:
    def __init__(self, compute):
        self.compute = compute
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.compute()


def names():
    return sorted(Thematique.objects.values_list("name", flat=True))


@pytest.fixture(params=["cache", "shared-memory"])
def versions_store(request, settings, tmp_path):
    """Versions in the default cache (Redis, tests) or in a mapped file (one machine)."""
    if request.param == "shared-memory":
        settings.MAILLAGE_TABLE_VERSIONS_FILE = str(tmp_path / "table-versions.bin")
    return request.param


def test_a_value_is_computed_once_while_its_tables_are_unchanged(versions_store):
    compute = Computations(names)
    first = cached("k", compute, 60)
    assert cached("k", compute, 60) == first
    assert compute.count == 1


def test_a_write_to_a_table_it_read_gives_the_new_value_at_once(versions_store):
    compute = Computations(names)
    cached("k", compute, 60)

    ThematiqueFactory(name="Thématique ajoutée pour le test")

    assert "Thématique ajoutée pour le test" in cached("k", compute, 60)
    assert compute.count == 2


def test_a_write_to_another_table_keeps_the_value(versions_store):
    compute = Computations(names)
    cached("k", compute, 60)

    EventFactory()

    cached("k", compute, 60)
    assert compute.count == 1


def test_an_outer_value_expires_with_the_tables_of_a_fragment_it_took_from_the_cache():
    cached("inner", names, 60)
    outer = Computations(lambda: cached("inner", names, 60))
    cached("outer", outer, 60)

    Thematique.objects.filter(pk=Thematique.objects.first().pk).update(
        name="Thématique renommée pour le test"
    )

    assert "Thématique renommée pour le test" in cached("outer", outer, 60)
    assert outer.count == 2


def test_a_value_computed_while_its_table_was_written_is_not_served_again(versions_store):
    """A write landing during the computation (here, from the computation itself) makes
    the stored value stale at once."""

    def read_then_write():
        value = names()
        ThematiqueFactory()
        return value

    compute = Computations(read_then_write)
    cached("k", compute, 60)
    cached("k", compute, 60)
    assert compute.count == 2


def test_a_value_changed_by_its_reader_is_served_unchanged_to_the_next(versions_store):
    """Each process keeps its own copy of recent values: callers still get copies."""
    first = cached("k", lambda: ["sentinelle-7f3a9c"], 60)
    first.append("changé par le lecteur")

    assert cached("k", list, 60) == ["sentinelle-7f3a9c"]


def test_a_write_seen_by_another_process_of_the_machine_expires_the_value(settings, tmp_path):
    """Two processes map the same file: what one bumps, the other reads."""
    path = tmp_path / "table-versions.bin"
    settings.MAILLAGE_TABLE_VERSIONS_FILE = str(path)
    compute = Computations(names)
    cached("k", compute, 60)

    SharedMemoryVersions(path).bump("taxonomy_thematique")  # another process's write

    cached("k", compute, 60)
    assert compute.count == 2


def test_a_new_versions_file_matches_no_value_noted_before(settings, tmp_path):
    path = tmp_path / "table-versions.bin"
    settings.MAILLAGE_TABLE_VERSIONS_FILE = str(path)
    compute = Computations(names)
    cached("k", compute, 60)

    path.unlink()  # the cache folder emptied while the server runs

    cached("k", compute, 60)
    assert compute.count == 2
    assert table_versions.versions(["taxonomy_thematique"]) == (
        SharedMemoryVersions(path).get(["taxonomy_thematique"])
    )


def test_a_lost_version_counts_as_a_change():
    compute = Computations(names)
    cached("k", compute, 60)

    cache.delete(PREFIX + "taxonomy_thematique")

    cached("k", compute, 60)
    assert compute.count == 2


def test_writes_are_still_seen_after_a_connection_opened_inside_another_wrapper():
    """The load runner counts queries with `execute_wrapper`; a connection opened inside
    that block used to lose the table tracking when the block ended."""
    connection.execute_wrappers.remove(track_tables)  # as on a new worker's connection
    with connection.execute_wrapper(lambda execute, *args: execute(*args)):
        connection_created.send(sender=type(connection), connection=connection)

    assert track_tables in connection.execute_wrappers


@pytest.mark.django_db(transaction=True)
def test_a_value_computed_elsewhere_while_a_write_is_uncommitted_expires_at_the_commit():
    """Another request (a thread, with its own connection) computes the value between a
    write and its commit: it cannot see the write, so the new version given at the commit
    is what keeps that value from being served afterwards."""

    def names_on_another_connection():
        try:
            return names()
        finally:
            connection.close()

    def names_elsewhere():
        with ThreadPoolExecutor(1) as pool:
            context = contextvars.copy_context()  # the thread reports what it reads
            return pool.submit(context.run, names_on_another_connection).result()

    compute = Computations(names_elsewhere)
    with transaction.atomic():
        ThematiqueFactory(name="Thématique sentinelle-7f3a9c")
        before_commit = cached("k", compute, 60)
        assert cached("k", compute, 60) == before_commit

    after_commit = cached("k", compute, 60)

    assert "Thématique sentinelle-7f3a9c" not in before_commit
    assert "Thématique sentinelle-7f3a9c" in after_commit
    assert compute.count == 2


def test_rows_loaded_with_copy_give_the_new_value():
    compute = Computations(names)
    cached("k", compute, 60)

    with (
        connection.cursor() as cursor,
        cursor.copy(
            'COPY "taxonomy_thematique" ("name", "slug", "description") FROM STDIN'
        ) as copy,
    ):
        copy.write_row(["Thématique copiée-5b1e8d", "copiee-5b1e8d", ""])

    assert "Thématique copiée-5b1e8d" in cached("k", compute, 60)
    assert compute.count == 2


@pytest.fixture
def scratch_words():
    """A temporary table of two words (gone with the test's transaction) and a counted
    computation that reads it."""
    with connection.cursor() as cursor:
        cursor.execute('CREATE TEMPORARY TABLE "scratch_words" ("word" text)')
        cursor.execute("INSERT INTO \"scratch_words\" VALUES ('alpha'), ('beta')")

    def words():
        with connection.cursor() as cursor:
            cursor.execute('SELECT "word" FROM "scratch_words" ORDER BY "word"')
            return [row[0] for row in cursor.fetchall()]

    return Computations(words)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ('TRUNCATE "scratch_words"', []),
        ("truncate table only scratch_words restart identity", []),
        (
            'WITH gone AS (DELETE FROM "scratch_words" WHERE "word" = \'alpha\' RETURNING 1) '
            "SELECT count(*) FROM gone",
            ["beta"],
        ),
        (
            'WITH changed AS (UPDATE "scratch_words" SET "word" = upper("word") RETURNING 1) '
            "SELECT count(*) FROM changed",
            ["ALPHA", "BETA"],
        ),
        (
            "WITH new AS (SELECT 'gamma' AS word) INSERT INTO scratch_words SELECT word FROM new",
            ["alpha", "beta", "gamma"],
        ),
    ],
)
def test_truncate_and_writes_inside_with_give_the_new_value(scratch_words, statement, expected):
    assert cached("k", scratch_words, 60) == ["alpha", "beta"]

    with connection.cursor() as cursor:
        cursor.execute(statement)

    assert cached("k", scratch_words, 60) == expected
    assert scratch_words.count == 2


def test_a_truncate_that_cascades_expires_every_value(scratch_words):
    compute = Computations(names)
    cached("k", compute, 60)

    with connection.cursor() as cursor:
        cursor.execute('TRUNCATE "scratch_words" CASCADE')

    cached("k", compute, 60)
    assert compute.count == 2


@pytest.mark.parametrize(
    ("statement", "tables"),
    [
        ('INSERT INTO "a" ("x") VALUES (%s)', {"a"}),
        ('UPDATE ONLY "public"."b" SET "x" = 1', {"b"}),
        ("/* lot */ delete from c where true", {"c"}),
        ('WITH d AS (UPDATE "e" SET "x" = 1 RETURNING *) SELECT * FROM d', {"e"}),
        ('WITH g AS (DELETE FROM "g" RETURNING *) INSERT INTO "h" SELECT * FROM g', {"g", "h"}),
        ('INSERT INTO "j" ("x") VALUES (1) ON CONFLICT ("x") DO UPDATE SET "x" = 2', {"j"}),
        ('MERGE INTO "s" USING "t" ON true WHEN MATCHED THEN UPDATE SET "x" = 1', {"s"}),
        ('COPY "k" ("a", "b") FROM STDIN', {"k"}),
        ('TRUNCATE "l", ONLY "m" * RESTART IDENTITY', {"l", "m"}),
        ("TRUNCATE n CASCADE", {"n", EVERYTHING}),
        ('SELECT * FROM "i" FOR UPDATE OF "i" SKIP LOCKED', set()),
        ('SELECT * FROM "i" FOR NO KEY UPDATE', set()),
        ('COPY "k" TO STDOUT', set()),
        ("COPY (SELECT 1) TO STDOUT", set()),
        ('SELECT \'DELETE FROM "o"\' -- UPDATE "p" SET', set()),
        ('SELECT $body$INSERT INTO "r"$body$', set()),
    ],
)
def test_the_tables_a_statement_writes_are_read_from_its_text(statement, tables):
    assert written_tables(statement) == tables
