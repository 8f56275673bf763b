"""Search latency at network scale: PostgreSQL backend, 100,000 synthetic French documents.

    .venv/bin/python bench/search_latency.py [--documents 100000] [--repeat 20] [--keep] [--misses]
        [--after-writes] [--existing]

Creates a throw-away database (test_maillage_search_bench on the embedded server, or the
DATABASE_URL's server), indexes the documents in bulk through the backend's ``rebuild``,
then times ``search`` (text, facets, visibility, excerpts) and ``suggest`` for a set of
realistic queries as a visitor and as a member (``--misses``: every call bypasses the
results cache, as after any write to the index; without it, every call but the first is a
cache hit; ``--after-writes``: before every call, untimed, a new document that no query
finds is indexed, as a comment would be, so that every call checks the rows written since
the cached value; ``--existing``: the configured database as it is, e.g. the scale-1 load
database with ``MAILLAGE_VAR_DIR=var/bench DJANGO_SETTINGS_MODULE=maillage.settings.load``,
nothing indexed but those documents, removed at the end). Prints p50/p95 per query and overall and
writes the table as JSON under bench/results/. Not a test: figures depend on the machine.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings.test")
os.environ.setdefault("MAILLAGE_TEST_DB_SUFFIX", "_search_bench")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402

from search.backends.base import SearchRequest  # noqa: E402
from search.backends.postgres import PostgresBackend  # noqa: E402
from search.registry import Audience, SearchDocument  # noqa: E402

KINDS = ["actualite", "ressource", "experience", "thematique", "proposition", "debat", "evenement"]
SUBJECTS = (
    "politique de la ville, contrat de ville, renouvellement urbain, quartiers prioritaires, "
    "conseil citoyen, participation des habitants, emploi des jeunes, insertion professionnelle, "
    "réussite éducative, cité éducative, santé mentale, atelier santé ville, tranquillité publique, "
    "médiation sociale, gestion urbaine de proximité, jardins partagés, mobilité, logement social, "
    "lutte contre les discriminations, égalité femmes-hommes, culture, sport, numérique, "
    "développement économique, commerce de proximité, transition écologique, précarité énergétique, "
    "accès aux droits, petite enfance, parentalité, prévention de la délinquance, observation "
    "territoriale, évaluation, mémoire des quartiers, habitat dégradé, copropriétés, budget participatif"
).split(", ")
FORMATS = [
    "Guide pratique",
    "Retour d'expérience",
    "Rencontre régionale",
    "Fiche repère",
    "Étude",
    "Webinaire",
    "Journée d'échanges",
    "Appel à projets",
    "Synthèse",
    "Boîte à outils",
]
VERBS = [
    "accompagner",
    "évaluer",
    "mobiliser",
    "financer",
    "animer",
    "coordonner",
    "observer",
    "développer",
    "renforcer",
    "expérimenter",
    "construire",
    "partager",
]
NOUNS = [
    "les habitants",
    "les associations",
    "les bailleurs",
    "les collectivités",
    "les services de l'État",
    "les délégués du préfet",
    "les chefs de projet",
    "les centres sociaux",
    "les écoles",
    "les entreprises",
    "les jeunes",
    "les familles",
    "les élus",
    "les partenaires",
]
LINKS = ["dans", "avec", "pour", "auprès de", "autour de", "grâce à"]
PLACES = [
    "Marseille",
    "Roubaix",
    "Saint-Denis",
    "Villeurbanne",
    "Nantes",
    "Toulouse",
    "Grigny",
    "Clichy-sous-Bois",
    "Amiens",
    "Mulhouse",
    "Pointe-à-Pitre",
    "Cayenne",
    "Vaulx-en-Velin",
]
QUERIES = [
    "politique de la ville",
    "evaluation contrat de ville",
    "renouvellement urbain",
    "jardins partagés",
    "santé mentale quartiers",
    "emploi des jeunes",
    "participation habitants",
    "conseils citoyens",
    "médiation sociale Marseille",
    "réussite éducative",
    "précarité énergétique copropriétés",
    "guide pratique mobilité",
    "retour d'expérience budget participatif",
    "evaluaton",  # typo: no match, "Vouliez-vous dire"
    "tranquilité publique",  # typo that stemming does not absorb
]
PREFIXES = ["poli", "renouv", "jard", "santé m", "eval", "médiation so"]


def sentence(rng, focus):
    """Documents are about a few subjects: most sentences return to them."""
    other = focus[0] if rng.random() < 0.8 else rng.choice(SUBJECTS)
    return (
        f"{rng.choice(VERBS).capitalize()} {rng.choice(NOUNS)} {rng.choice(LINKS)} "
        f"{rng.choice(focus)} à {rng.choice(PLACES)}, {rng.choice(LINKS)} {other}."
    )


def documents(count, content_type_id, thematiques, territories, rng):
    now = datetime.datetime.now(datetime.UTC)
    batch = []
    for pk in range(1, count + 1):
        roll = rng.random()
        audience, groups = Audience.PUBLIC, []
        if roll > 0.95:
            audience, groups = Audience.RESTRICTED, [rng.randint(1, 50)]
        elif roll > 0.85:
            audience = Audience.MEMBERS
        focus = rng.sample(SUBJECTS, k=2)
        batch.append(
            SearchDocument(
                title=f"{rng.choice(FORMATS)} : {focus[0]} à {rng.choice(PLACES)}",
                url=f"/bench/{pk}/",
                extra=rng.choice(SUBJECTS) + " · " + rng.choice(NOUNS),
                body=" ".join(sentence(rng, focus) for _ in range(rng.randint(6, 30))),
                date=now - datetime.timedelta(days=rng.randint(0, 5 * 365)),
                thematiques=rng.sample(thematiques, k=min(len(thematiques), rng.randint(1, 3))),
                territories=rng.choice(territories),
                audience=audience,
                allowed_group_ids=groups,
                kind=rng.choice(KINDS),
                content_type_id=content_type_id,
                object_id=pk,
            )
        )
        if len(batch) == 1000:
            yield batch
            batch = []
    if batch:
        yield batch


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function, repeat, before=lambda: None):
    function()  # warm the caches once
    timings = []
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - start) * 1000)
    return timings, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database for another run")
    parser.add_argument(
        "--misses", action="store_true", help="time uncached searches (the cache bypassed)"
    )
    parser.add_argument(
        "--after-writes",
        action="store_true",
        help="index a document no query finds before every call (as a comment would be)",
    )
    parser.add_argument(
        "--existing", action="store_true", help="search the configured database as it is"
    )
    args = parser.parse_args()
    rng = random.Random(42)

    if not args.existing:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keep)
    written = []
    try:
        from taxonomy.models import Departement, Thematique

        backend = PostgresBackend()
        search = backend._search if args.misses else backend.search
        suggest = backend._suggest if args.misses else backend.suggest
        thematiques = list(Thematique.objects.values_list("slug", flat=True)) or ["sante"]
        territories = [
            [f"departement:{code}", f"region:{region}"]
            for code, region in Departement.objects.values_list("code", "region__code")
        ] or [[]]
        content_type_id = ContentType.objects.get(app_label="members", model="profile").pk

        def write():
            """A comment that no query finds, indexed in its own transaction."""
            written.append((content_type_id, 10**12 + len(written)))
            document = SearchDocument(
                title="Commentaire sentinelle-7f3a9c",
                url=f"/bench/commentaire/{len(written)}/",
                body="zzyzx " * 40,
                kind="commentaire",
                content_type_id=content_type_id,
                object_id=written[-1][1],
            )
            backend.index([document])

        before = write if args.after_writes else lambda: None

        start = time.perf_counter()
        if not args.existing:
            backend.rebuild(
                documents(args.documents, content_type_id, thematiques, territories, rng)
            )
        with connection.cursor() as cursor:
            for table in ("search_searchentry", "search_searchmatch", "search_searchterm"):
                if not args.existing:
                    cursor.execute(f"VACUUM ANALYZE {table}")
            # What a search reads (the match rows, their vector index) and the entries.
            cursor.execute(
                "SELECT 'entrées ' || pg_size_pretty(pg_total_relation_size('search_searchentry'))"
                " || ', correspondances ' || pg_size_pretty(pg_total_relation_size('search_searchmatch'))"
                " || ' dont index du vecteur ' || pg_size_pretty(pg_relation_size('search_match_vector'))"
            )
            size = cursor.fetchone()[0]
        indexing_seconds = time.perf_counter() - start
        documents_count = args.documents
        if args.existing:
            from search.models import SearchEntry

            documents_count = SearchEntry.objects.count()
        print(f"{documents_count} documents indexés en {indexing_seconds:.1f} s ({size})")  # noqa: T201

        visitor, member = ["public"], ["public", "members", "user:1", "group:7"]
        cases = []
        for text in QUERIES:
            cases.append(("visiteur", text, SearchRequest(text=text, principals=visitor)))
            cases.append(("membre", text, SearchRequest(text=text, principals=member)))
        cases += [
            (
                "membre",
                "santé + thématique",
                SearchRequest(
                    text="santé", filters={"thematique": (thematiques[0],)}, principals=member
                ),
            ),
            (
                "membre",
                "emploi, tri par date",
                SearchRequest(text="emploi", sort="date", principals=member),
            ),
            (
                "membre",
                "quartiers, page 5",
                SearchRequest(text="quartiers", offset=80, principals=member),
            ),
            ("visiteur", "(sans mots) navigation", SearchRequest(principals=visitor)),
        ]
        rows = []
        for who, label, request in cases:
            timings, result = timed(lambda r=request: search(r), args.repeat, before)
            rows.append(
                {
                    "operation": "search",
                    "user": who,
                    "query": label,
                    "results": result.total,
                    "suggestion": result.suggestion,
                    "p50_ms": round(percentile(timings, 0.5), 1),
                    "p95_ms": round(percentile(timings, 0.95), 1),
                    "all_ms": timings,
                }
            )
        for prefix in PREFIXES:
            timings, result = timed(lambda p=prefix: suggest(p, visitor, 6), args.repeat, before)
            rows.append(
                {
                    "operation": "suggest",
                    "user": "visiteur",
                    "query": prefix,
                    "results": len(result),
                    "suggestion": None,
                    "p50_ms": round(percentile(timings, 0.5), 1),
                    "p95_ms": round(percentile(timings, 0.95), 1),
                    "all_ms": timings,
                }
            )

        print(
            f"\n{'opération':<8} {'qui':<9} {'requête':<42} {'résultats':>9} {'p50 ms':>8} {'p95 ms':>8}"
        )  # noqa: T201
        for row in rows:
            print(  # noqa: T201
                f"{row['operation']:<8} {row['user']:<9} {row['query'][:42]:<42} "
                f"{row['results']:>9} {row['p50_ms']:>8} {row['p95_ms']:>8}"
                + (f"  → « {row['suggestion']} »" if row["suggestion"] else "")
            )
        overall = {}
        for operation in ("search", "suggest"):
            every = [t for row in rows if row["operation"] == operation for t in row["all_ms"]]
            overall[operation] = {
                "p50_ms": round(statistics.median(every), 1),
                "p95_ms": round(percentile(every, 0.95), 1),
            }
            print(
                f"{operation:<8} toutes requêtes confondues : p50 {overall[operation]['p50_ms']} ms, "  # noqa: T201
                f"p95 {overall[operation]['p95_ms']} ms"
            )

        results_dir = ROOT / "bench" / "results"
        results_dir.mkdir(exist_ok=True)
        path = results_dir / f"search-latency-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
        path.write_text(
            json.dumps(
                {
                    "documents": documents_count,
                    "database": "existing" if args.existing else "synthetic",
                    "repeat": args.repeat,
                    "backend": "postgresql",
                    "cache": "misses"
                    if args.misses
                    else "hits after a new document each"
                    if args.after_writes
                    else "hits after the first call",
                    "indexing_seconds": round(indexing_seconds, 1),
                    "table_size": size,
                    "machine": {
                        "python": platform.python_version(),
                        "cpus": os.cpu_count(),
                        "platform": platform.platform(),
                    },
                    "overall": overall,
                    "queries": [{k: v for k, v in row.items() if k != "all_ms"} for row in rows],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        print(f"\nRésultats : {path.relative_to(ROOT)}")  # noqa: T201
    finally:
        if written:
            backend.remove(written)
        if not args.keep and not args.existing:
            connection.creation.destroy_test_db(
                connection.settings_dict["NAME"], verbosity=0, keepdb=False
            )


if __name__ == "__main__":
    main()
