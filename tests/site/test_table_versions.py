import pytest
from django.core.cache import cache
from django.db import connection
from django.db.backends.signals import connection_created

from maillage.table_versions import PREFIX, cached, track_tables
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


def test_a_value_is_computed_once_while_its_tables_are_unchanged():
    compute = Computations(names)
    first = cached("k", compute, 60)
    assert cached("k", compute, 60) == first
    assert compute.count == 1


def test_a_write_to_a_table_it_read_gives_the_new_value_at_once():
    compute = Computations(names)
    cached("k", compute, 60)

    ThematiqueFactory(name="Thématique ajoutée pour le test")

    assert "Thématique ajoutée pour le test" in cached("k", compute, 60)
    assert compute.count == 2


def test_a_write_to_another_table_keeps_the_value():
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


def test_a_value_computed_while_its_table_was_written_is_not_served_again():
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
