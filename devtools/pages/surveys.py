from django.db.models import Count

from surveys.models import Answer, SurveyIndexPage, SurveyPage


def targets():
    """The surveys index, and the results of the most answered public survey."""
    index = SurveyIndexPage.objects.live().first()
    if index is None:
        return []
    found = [{"name": "enquêtes", "path": index.url}]
    answered = (
        Answer.objects.filter(
            page__in=SurveyPage.objects.live().filter(
                space__isnull=True, results_visibility=SurveyPage.ResultsVisibility.PUBLIC
            )
        )
        .values("page")
        .annotate(n=Count("pk"))
        .order_by("-n", "page")
        .first()
    )
    if answered:
        survey = SurveyPage.objects.get(pk=answered["page"])
        found.append({"name": "résultats d’enquête", "path": f"{survey.url}resultats/"})
    return found
