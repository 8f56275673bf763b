"""Network-scale library for load runs: 5,000 documents at scale 1 with their extracted
text and facets (type, thématiques, year, territory). They share one small stored PDF:
what is measured is the database, not the disk."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.models import Collection

from devtools.demo.library import build_pdf
from library.choices import ResourceType
from library.models import Resource
from taxonomy.models import Departement, Thematique

FILE_NAME = "documents/bench/document-de-charge.pdf"


def seed(ctx):
    total = ctx.count(5000)
    if not default_storage.exists(FILE_NAME):
        default_storage.save(
            FILE_NAME, ContentFile(build_pdf("Document de charge", [ctx.text.paragraph(5)]))
        )
    size = default_storage.size(FILE_NAME)
    collection = Collection.get_first_root_node()
    departements = list(Departement.objects.all())
    types = ResourceType.values
    year = timezone.localdate().year
    resources = []
    with ctx.progress("Documents", total) as tick:
        for n in range(total):
            departement = ctx.rng.choice(departements) if ctx.rng.random() < 0.4 else None
            resources.append(
                Resource(
                    title=f"{ctx.text.title()} ({n + 1})"[:255],
                    file=FILE_NAME,
                    file_size=size,
                    file_hash=f"{n:040x}",
                    collection=collection,
                    resource_type=ctx.popular(types),
                    year=year - min(30, int(ctx.rng.expovariate(1 / 4))),
                    source=ctx.text.pick("structures").format(
                        commune=ctx.text.pick("communes"),
                        departement=departement.name if departement else "France",
                    )[:200],
                    region_id=departement.region_id if departement else None,
                    departement=departement,
                    description=ctx.text.paragraph(2),
                    extracted_text="\n\n".join(
                        ctx.text.paragraph(6) for _ in range(ctx.rng.randint(3, 12))
                    ),
                )
            )
            tick()
    resources = Resource.objects.bulk_create(resources, batch_size=1000)
    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    ctx.copy(
        Resource.thematiques.through._meta.db_table,
        ["resource_id", "thematique_id"],
        (
            (resource.pk, thematique)
            for resource in resources
            for thematique in ctx.rng.sample(thematiques, ctx.rng.randint(1, 3))
        ),
    )
    ctx.stdout.write(f"  {total} documents (un seul fichier partagé : {FILE_NAME}).")
