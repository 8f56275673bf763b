"""Tools the load-data modules (devtools/load/) share to fill a database at network scale fast:
a seeded random source, French text built from devtools/data/french_corpus.json, a
progress bar and PostgreSQL COPY."""

import json
import random
import sys
import uuid
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

CORPUS = json.loads((Path(__file__).parent / "data" / "french_corpus.json").read_text("utf-8"))


class FrenchText:
    def __init__(self, rng):
        self.rng = rng

    def pick(self, key):
        return self.rng.choice(CORPUS[key])

    def sentence(self):
        return self.pick("phrases").format(
            sujet=self.pick("sujets"),
            verbe=self.pick("verbes"),
            public=self.pick("publics"),
            commune=self.pick("communes"),
        )

    def paragraph(self, sentences=3):
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self):
        title = f"{self.pick('verbes')} {self.pick('sujets')}"
        return title[0].upper() + title[1:]

    def person(self):
        return f"{self.pick('prenoms')} {self.pick('noms')}"


class BenchContext:
    """What every load-data module's `seed(ctx)` receives; `ctx.shared` carries ids from one
    app to the next (members' user ids, spaces…)."""

    def __init__(self, scale, seed, stdout):
        self.scale = scale
        self.rng = random.Random(seed)
        self.text = FrenchText(self.rng)
        self.stdout = stdout
        self.shared = {}

    def count(self, reference):
        """How many items at this scale, for `reference` items at scale 1."""
        return max(1, int(reference * self.scale))

    def popular(self, items):
        """An item drawn with a long tail: a few are picked very often."""
        index = min(len(items) - 1, int(self.rng.paretovariate(1.2)) - 1)
        return items[index]

    @staticmethod
    def long_tail(total, items, exponent=0.5, cap=None):
        """`total` spread over `items` slots, the first ones most (weight of rank r:
        (r + 1) ** -exponent), none above `cap`: how many votes or comments each proposal
        gets when a few are very popular and most get a handful."""
        weights = [(rank + 1) ** -exponent for rank in range(items)]
        scale = total / sum(weights)
        cap = total if cap is None else cap
        counts = [min(cap, int(weight * scale)) for weight in weights]
        open_slots = [rank for rank in range(items) if counts[rank] < cap]
        for n in range(min(total, cap * items) - sum(counts)):
            rank = open_slots[n % len(open_slots)]
            counts[rank] += 1
        return counts

    @contextmanager
    def progress(self, label, total):
        """A text progress bar: `with ctx.progress("Votes", n) as tick: tick(k)`."""
        done = 0
        interactive = getattr(self.stdout, "isatty", lambda: False)() or sys.stdout.isatty()

        def tick(step=1):
            nonlocal done
            done += step
            if interactive and (done == total or done % max(1, total // 50) == 0):
                filled = int(30 * done / total)
                self.stdout.write(
                    f"\r  {label:<28} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}",
                    ending="",
                )

        yield tick
        if interactive:
            self.stdout.write("")
        else:
            self.stdout.write(f"  {label:<28} {done}/{total}")

    def copy(self, table, columns, rows):
        """Bulk-load rows with PostgreSQL COPY (much faster than INSERT)."""
        sql = f'COPY "{table}" ({", ".join(f"{c}" for c in columns)}) FROM STDIN'
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)

    def uuid(self):
        """A random UUID drawn from the seeded source, so that runs stay identical."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    @staticmethod
    def reserve_ids(model, count):
        """`count` primary keys from the sequence of the model's (root) table, for rows that
        must point at each other before they are written (comment threads)."""
        root = ([model, *model._meta.get_parent_list()])[-1]
        table, pk = root._meta.db_table, root._meta.pk.column
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{pk}')) "
                "FROM generate_series(1, %s)",
                [count],
            )
            return [row[0] for row in cursor.fetchall()]

    def insert(self, objects, chunk=5000):
        """Write unsaved model instances with COPY, multi-table inheritance included (which
        `bulk_create` refuses: pages, comments). Instances without a primary key (on the
        root table) get one from the sequence; each table of the inheritance chain then
        receives its columns, prepared by the fields as `save()` would."""
        objects = iter(objects)
        while batch := list(islice(objects, chunk)):
            model = type(batch[0])
            chain = [*reversed(model._meta.get_parent_list()), model]
            root_pk = chain[0]._meta.pk.attname
            missing = [obj for obj in batch if getattr(obj, root_pk) is None]
            for obj, pk in zip(missing, self.reserve_ids(model, len(missing)), strict=True):
                setattr(obj, root_pk, pk)
            for obj in batch:
                for table_model in chain[1:]:
                    setattr(obj, table_model._meta.pk.attname, getattr(obj, root_pk))
            for table_model in chain:
                fields = [f for f in table_model._meta.local_concrete_fields if not f.generated]
                self.copy(
                    table_model._meta.db_table,
                    [connection.ops.quote_name(f.column) for f in fields],
                    (
                        [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                        for obj in batch
                    ),
                )

    def add_pages(self, parent, pages):
        """Publish unsaved pages of one model under `parent` in a few COPY statements
        (`add_child` then `publish` cost a tenth of a second a page): tree paths, depth,
        URL paths and the parent's child count as treebeard and Wagtail set them. The pages
        have no revision yet; the first edit in the admin creates one."""
        from wagtail.models import Page

        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        step = last._get_lastpos_in_path() if last else 0
        content_type = ContentType.objects.get_for_model(type(pages[0]))
        now = timezone.now()
        for page in pages:
            step += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.content_type = content_type
            page.locale_id = parent.locale_id
            page.translation_key = self.uuid()
            page.draft_title = page.title
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.first_published_at
        self.insert(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
        return pages

    @staticmethod
    def reset_sequence(model):
        table = model._meta.db_table
        pk = model._meta.pk.column
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk}'), "
                f'coalesce((SELECT max("{pk}") FROM "{table}"), 1))'
            )
