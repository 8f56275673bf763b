"""In-process render time of the pages that matter, without the anonymous page cache.

    MAILLAGE_VAR_DIR=var/bench .venv/bin/python bench/render_time.py [--repeat 30]
    ... bench/render_time.py --profile "proposition 50 commentaires (membre)" [--top 40]

Runs on the load database (`make bench-data`) with the load settings (production
behaviour: DEBUG off, file cache, manifest static files) through Django's test client, so
every middleware runs. Each page is asked `--repeat` times, the pages taken in turn (one
round visits every page once) so that a burst of load on the shared machine hits all pages
alike; prints the median and p90 in ms per page. Members' pages are never served by the
page cache; anonymous pages are measured with it off (their miss) and on (a hit).
`--profile NAME` runs that page under cProfile instead and prints the functions with the
highest cumulative time. Not a test: figures depend on the machine.
"""

import argparse
import cProfile
import io
import json
import pstats
import statistics
import time
from importlib import import_module
from pathlib import Path

import load_database  # noqa: E402, F401  (first: Django on the load database)
from django.db.models import F, Func  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from editorial.models import ExperienceIndexPage, NewsIndexPage  # noqa: E402
from library.models import ResourceIndexPage  # noqa: E402
from members.models import User  # noqa: E402
from proposals.models import Proposal  # noqa: E402
from taxonomy.models import Thematique  # noqa: E402

MEMBER = "claire.martin@exemple.fr"

# Detail pages, taken as the load runner visits them (`devtools/pages/<app>.py`). A name
# ending in "(membre)" is a page only members reach: it is measured for the member only.
DETAILS = {
    "participation": ["démarche"],
    "accountability": ["suivi d’une démarche", "chantier suivi"],
    "debates": ["débats d’une démarche", "débat (long fil)", "débat (long fil, membre)"],
    "proposals": ["priorités du réseau"],
    "events": ["événement", "événement avec programme", "événement .ics"],
    "editorial": ["actualité", "retour d’expérience"],
    "library": ["page d’une ressource"],
    "gazette": ["numéro de la gazette"],
    "opendata": ["open data", "map", "map geojson"],
    "members": ["profil public"],
    "structures": ["structure"],
    "messaging": ["messages (membre)", "conversation (membre)"],
    "barcamp": ["grille de barcamp", "sessions de barcamp (membre)"],
    "surveys": ["résultats d’enquête"],
    "submissions": ["mes contributions (membre)", "proposer une ressource (membre)"],
}


def proposal_with(comments):
    """A listed proposal whose discussion has about `comments` comments."""
    return (
        Proposal.objects.listed()
        .active()
        .with_comment_count()
        .annotate(gap=Func(F("comment_count") - comments, function="ABS"))
        .order_by("gap", "pk")
        .first()
    )


def pages():
    discussed = proposal_with(50)
    space = discussed.space.slug
    news = NewsIndexPage.objects.live().first()
    resources = ResourceIndexPage.objects.live().first()
    experiences = ExperienceIndexPage.objects.live().first()
    thematique = Thematique.objects.order_by("pk").first()
    found = {
        "proposition 50 commentaires": discussed.get_absolute_url(),
        "accueil": "/",
        "propositions": reverse("proposals:list", args=[space]),
        "débats": "/debats/",
        "actualités": news.url,
        "actualités filtrées": f"{news.url}?thematique={thematique.slug}",
        "ressources": resources.url,
        "retours d’expérience": experiences.url,
        "agenda": "/agenda/",
        "agenda passé": "/agenda/?when=past",
        "annuaire": "/membres/annuaire/",
        "structures": reverse("structures:list"),
    }
    return found | detail_pages()


def detail_pages():
    found = {}
    for app, names in DETAILS.items():
        for target in import_module(f"devtools.pages.{app}").targets():
            if target["name"] in names:
                found[target["name"]] = target["path"]
    return found


def clients():
    member = Client(HTTP_HOST="127.0.0.1")
    member.force_login(User.objects.get(email=MEMBER))
    return {"membre": member, "anonyme": Client(HTTP_HOST="127.0.0.1")}


def fetch(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    return elapsed, len(response.content)


def measure(repeat, page_cache, only=""):
    targets = {name: path for name, path in pages().items() if only in name}
    by_audience = clients()
    timings = {}
    sizes = {}
    with override_settings(MAILLAGE_PAGE_CACHE_SECONDS=300 if page_cache else 0):
        audiences = ["anonyme"] if page_cache else ["membre", "anonyme"]
        for _ in range(2):  # warm up: templates, connections, fragment caches
            for name, path in targets.items():
                for audience in audiences_of(name, audiences):
                    fetch(by_audience[audience], path)
        for _ in range(repeat):
            for name, path in targets.items():
                for audience in audiences_of(name, audiences):
                    label = f"{name} ({audience}{', cache de page' if page_cache else ''})"
                    ms, size = fetch(by_audience[audience], path)
                    timings.setdefault(label, []).append(ms)
                    sizes[label] = size
    return {
        label: {
            "median_ms": round(statistics.median(values), 2),
            "p90_ms": round(statistics.quantiles(values, n=10)[-1], 2),
            "html_bytes": sizes[label],
        }
        for label, values in timings.items()
    }


def audiences_of(name, audiences):
    """`audiences`, without the visitor for a page only members reach."""
    return [a for a in audiences if a == "membre" or not name.endswith("(membre)")]


def profile(name, repeat, top, sort):
    audience = "anonyme" if name.endswith("(anonyme)") else "membre"
    found = pages()
    path = found.get(name) or found[name.rsplit(" (", 1)[0]]
    client = clients()[audience]
    with override_settings(MAILLAGE_PAGE_CACHE_SECONDS=0):
        for _ in range(3):
            fetch(client, path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            fetch(client, path)
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(sort)
    stats.print_stats(top)
    print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", default="", help="« page (membre) » ou « page (anonyme) »")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative", help="cumulative ou tottime")
    parser.add_argument("--only", default="", help="seulement les pages dont le nom contient ceci")
    parser.add_argument("--no-page-cache", action="store_true", help="sans la mesure des succès")
    parser.add_argument("--json", default="", help="écrit aussi le tableau dans ce fichier")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile, args.repeat, args.top, args.sort)
        return
    results = measure(args.repeat, page_cache=False, only=args.only)
    if not args.no_page_cache:
        results |= measure(args.repeat, page_cache=True, only=args.only)
    for label, row in results.items():
        print(
            f"{label:<60} {row['median_ms']:>7.1f} ms  p90 {row['p90_ms']:>7.1f}"
            f"  {row['html_bytes'] / 1024:>6.1f} Ko"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
