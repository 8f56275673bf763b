"""Error pages rendered in the site layout, in French."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from maillage.redirects import safe_next
from maillage.refusals import ExplainedRefusal, LoginToContinue


def permission_denied(request, exception=None):
    """A refused action says why: an `ExplainedRefusal` renders its own page, a
    `LoginToContinue` sends the visitor to log in and back; anything else gets the generic
    page, which still gives a way on (log in, previous page, home)."""
    if isinstance(exception, LoginToContinue):
        return redirect_to_login(exception.next_url or request.get_full_path())
    if isinstance(exception, ExplainedRefusal):
        return render(request, exception.template_name, exception.context, status=403)
    back = safe_next(request, "")
    return render(request, "403.html", {"back_url": back}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the failure may come from a context processor.
    return render(request, "500.html", status=500, using=None)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
