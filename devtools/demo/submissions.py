"""Demo member submissions: a resource and a retour d'expérience waiting in the
"Relecture" workflow (admin › dashboard, "Ressources proposées", Claire's and Karim's
"Mes contributions"), and a resource a moderator published, credited to Claire."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils.text import slugify

from devtools.demo.library import build_pdf
from editorial.models import ExperienceIndexPage, ExperiencePage
from library.models import ResourceSubmission
from submissions import services
from submissions.models import Submission
from taxonomy.models import Departement, Thematique

DATA = Path(__file__).resolve().parent / "data" / "submissions"


def _common(row):
    departement = Departement.objects.select_related("region").get(code=row["departement"])
    thematiques = Thematique.objects.filter(slug__in=row["thematiques"])
    return departement, thematiques


def _resource(row, author):
    departement, thematiques = _common(row)
    resource = ResourceSubmission(
        title=row["title"],
        resource_type=row["resource_type"],
        year=row["year"],
        source=row["source"],
        description=row["description"],
        departement=departement,
        region=departement.region,
        file_name=f"{slugify(row['title'])[:80]}.pdf",
    )
    content = build_pdf(row["title"], [row["description"], *row["paragraphs"]])
    resource.file.save(resource.file_name, ContentFile(content), save=False)
    resource.extracted_text = " ".join([row["title"], *row["paragraphs"]])
    resource.thematiques = list(thematiques)
    return services.save_resource(resource, author)


def _experience(row, author):
    departement, thematiques = _common(row)
    page = ExperiencePage(
        title=row["title"],
        introduction=row["introduction"],
        region=departement.region,
        departement=departement,
        **{key: row[key] for key in ("commune", "quartier", "structure", "year", "public")},
        **{key: f"<p>{row[key]}</p>" for key in ("context", "approach", "results", "vigilance")},
    )
    page.thematiques = list(thematiques)
    return services.save_experience(page, author)


def seed(stdout):
    if not ExperienceIndexPage.objects.exists():
        stdout.write("Contributions des membres : pas d’index des retours d’expérience.")
        return
    rows = json.loads((DATA / "submissions.json").read_text(encoding="utf-8"))
    existing = set(Submission.objects.values_list("title", flat=True))
    users = {user.email: user for user in get_user_model().objects.all()}
    created = 0
    for key, build in (
        ("pending_resource", _resource),
        ("pending_experience", _experience),
        ("published_resource", _resource),
    ):
        row = rows[key]
        if row["title"] in existing or row["author"] not in users:
            continue
        submission = build(row, users[row["author"]])
        services.submit(submission, submission.author)
        if "reviewer" in row:
            obj = submission.content_object
            task_state = obj.current_workflow_state.current_task_state
            task_state.task.specific.on_action(task_state, users[row["reviewer"]], "approve")
        created += 1
    stdout.write(f"Contributions des membres : {created} ajoutées.")
