"""Tools the apps' `bench_data` modules share to fill a database at network scale fast:
a seeded random source, French text built from site/data/french_corpus.json, a
progress bar and PostgreSQL COPY."""

import json
import random
import sys
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

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
    """What every app's `bench_data.seed(ctx)` receives; `ctx.shared` carries ids from one
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

    @staticmethod
    def reset_sequence(model):
        table = model._meta.db_table
        pk = model._meta.pk.column
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk}'), "
                f'coalesce((SELECT max("{pk}") FROM "{table}"), 1))'
            )
