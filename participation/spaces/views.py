from django.core.paginator import Paginator
from django.shortcuts import render

from participation.spaces.models import SpacePage

SPACES_PAGE_SIZE = 12


def index(request):
    spaces = (
        SpacePage.objects.visible_to(request.user)
        .prefetch_related("phases", "thematiques")
        .order_by("-first_published_at")
    )
    page_obj = Paginator(spaces, SPACES_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/index.html", {"page_obj": page_obj})
