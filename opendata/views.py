"""/donnees-ouvertes/: the datasets, their columns and files, and the editors' button that
asks for a rebuild."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.ratelimits import over_limit
from opendata import files, registry
from opendata.models import Build
from opendata.tasks import build_open_data

# A rebuild asked for and not finished within this time is taken as lost (worker stopped):
# an editor may ask again.
PENDING_FOR = timedelta(hours=1)
PERMISSION = "opendata.rebuild_open_data"


def _catalogue(last):
    counts = last.row_counts if last else {}
    catalogue = []
    for dataset in registry.datasets():
        downloads = []
        for kind in files.KINDS:
            info = files.file_info(files.filename(dataset, kind))
            if info:
                downloads.append({"kind": kind, "url": info[0], "size": info[1]})
        catalogue.append(
            {"dataset": dataset, "downloads": downloads, "rows": counts.get(dataset.slug)}
        )
    return catalogue


def _pending():
    return Build.objects.pending().filter(requested_at__gte=timezone.now() - PENDING_FOR).first()


def _render(request, error=None, status=200):
    last = Build.objects.finished().order_by("-finished_at").first()
    context = {
        "catalogue": _catalogue(last),
        "archive": files.file_info(files.ARCHIVE),
        "last_build": last,
        "pending": _pending(),
        "can_rebuild": request.user.has_perm(PERMISSION),
        "licence": files.LICENCE,
        "licence_url": files.LICENCE_URL,
        "error": error,
    }
    return render(request, "opendata/index.html", context, status=status)


def index(request):
    return _render(request)


@require_POST
def rebuild(request):
    """An editor asks for the files to be rebuilt now; the worker does it."""
    if not request.user.has_perm(PERMISSION):
        return _render(
            request,
            _(
                "Seuls les éditeurs peuvent demander la reconstruction des fichiers : ils "
                "sont de toute façon reconstruits chaque nuit."
            ),
            status=403,
        )
    if _pending():
        messages.info(request, _("Une reconstruction est déjà demandée : elle est en cours."))
        return redirect("opendata:index")
    if over_limit(request, "open_data_rebuild"):
        return _render(
            request,
            _(
                "Vous avez demandé plusieurs reconstructions en peu de temps : patientez "
                "avant de réessayer."
            ),
            status=429,
        )
    build = Build.objects.create(requested_by=request.user)
    build_open_data.enqueue(build.pk)
    messages.success(
        request, _("Reconstruction demandée : les fichiers seront à jour dans quelques minutes.")
    )
    return redirect("opendata:index")
