"""Rate limits on what members post (comments, reports, proposals, votes, registrations,
debates, and whatever module posts next): a burst is refused with a clear French
message, and what was typed is kept.

The counting is django-ratelimit's (a fixed window per member, or per address for a
visitor, in the default cache); the limits are `settings.MAILLAGE_RATE_LIMITS`
(`{"comment": "30/m", ...}`; a scope missing from it is not limited). The app itself is
not installed: its system check refuses the locmem and file caches that development and
a single server use, where a count that may be off by one under concurrent writes is
fine for stopping a burst (several servers share Redis through Django's cache anyway).

Three ways to use it, the first two where a form shows what was typed:
- `refuse_form(request, scope, form)` before writing: adds the message to the form,
  which the view re-renders bound to the POST data;
- `over_limit(request, scope)` for a view with its own way to say no (votes);
- the `@rate_limited(scope)` decorator for the others: the 429 page in the site's
  layout (a fragment for htmx), with what was typed and a button to send it again.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

# Form fields that are not what a member typed: not shown back on the 429 page.
TECHNICAL_FIELDS = {"csrfmiddlewaretoken"}


def message():
    return _(
        "Vous avez publié beaucoup en peu de temps : patientez un instant avant de "
        "réessayer. Ce que vous avez saisi est conservé."
    )


def over_limit(request, scope):
    """Counts this post against the member's limit for `scope`: True once over it."""
    rate = settings.MAILLAGE_RATE_LIMITS.get(scope)
    if not rate:
        return False
    return is_ratelimited(
        request, group=f"maillage.{scope}", key="user_or_ip", rate=rate, increment=True
    )


def refuse_form(request, scope, form):
    """True, with the message on the form, when this post is over the limit."""
    if over_limit(request, scope):
        form.add_error(None, message())
        return True
    return False


def too_many_requests(request):
    """The refusal: what was typed, and a form that sends it again to the same address.
    htmx only swaps successful responses in, so its fragment comes with status 200."""
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in TECHNICAL_FIELDS
        for value in values
    ]
    context = {
        "message": message(),
        "fields": fields,
        "typed": [value for _name, value in fields if " " in value.strip()],
        "action": request.get_full_path(),
    }
    if request.htmx:
        return render(request, "includes/rate_limited.html", context)
    return render(request, "429.html", context, status=429)


def rate_limited(scope):
    """Decorator: a POST over the limit of `scope` gets `too_many_requests`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and over_limit(request, scope):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
