from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from editorial.models import ExperienceIndexPage, ExperiencePage, NewsIndexPage, NewsPage
from participation.models import Comment
from taxonomy.models import Thematique


def targets():
    """The news and experience indexes (plain and filtered) and their most discussed page."""
    found = []
    thematique = Thematique.objects.order_by("pk").first()
    for index_model, page_model, names in (
        (NewsIndexPage, NewsPage, ("actualités", "actualités filtrées", "actualité")),
        (
            ExperienceIndexPage,
            ExperiencePage,
            ("retours d’expérience", "retours filtrés", "retour d’expérience"),
        ),
    ):
        index = index_model.objects.live().first()
        if index is None:
            continue
        url = index.get_url()
        found.append({"name": names[0], "path": url})
        if thematique:
            found.append({"name": names[1], "path": f"{url}?thematique={thematique.slug}"})
        page = _most_commented(page_model.objects.child_of(index).live().public())
        if page:
            found.append({"name": names[2], "path": page.get_url()})
    return found


def _most_commented(pages):
    top = (
        Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(pages.model),
            object_pk__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
        )
        .values("object_pk")
        .annotate(n=Count("pk"))
        .order_by("-n", "object_pk")
        .first()
    )
    return pages.filter(pk=top["object_pk"]).first() if top else pages.order_by("-pk").first()
