"""The gazette in Wagtail's admin: the issues with their sent and failed counts, and each
issue's sending page (number of recipients, e-mail preview, test to oneself, send now or
at a set time). Whoever may edit an issue sees and tests it; sending it to the network,
like publishing it, takes the right to publish."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.permission_policies.pages import PagePermissionPolicy

from gazette import personal, sending, tasks
from gazette.audience import recipients
from gazette.emails import build
from gazette.forms import ScheduleForm
from gazette.models import GazetteIssuePage, Sending

PAGE_SIZE = 20


def _issue(request, pk, *, publish=False):
    issue = get_object_or_404(GazetteIssuePage, pk=pk)
    permissions = issue.permissions_for_user(request.user)
    if not permissions.can_edit() or (publish and not permissions.can_publish()):
        raise PermissionDenied
    return issue


def issues(request):
    """Every issue the user may edit, newest first, with its sending state."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    issues = GazetteIssuePage.objects.filter(pk__in=editable.values("pk")).order_by("-date", "-pk")
    page_obj = Paginator(issues, PAGE_SIZE).get_page(request.GET.get("page"))
    ids = [issue.pk for issue in page_obj]
    counts = sending.counts(ids)
    sendings = {s.issue_id: s for s in Sending.objects.filter(issue__in=ids)}
    rows = [
        {"issue": issue, "counts": counts[issue.pk], "sending": sendings.get(issue.pk)}
        for issue in page_obj
    ]
    return render(
        request,
        "gazette/admin/issues.html",
        {"page_title": _("La gazette"), "page_obj": page_obj, "rows": rows},
    )


def issue_sending(request, pk):
    issue = _issue(request, pk)
    permissions = issue.permissions_for_user(request.user)
    context = {
        "page_title": _("Envoi : %(title)s") % {"title": issue.title},
        "issue": issue,
        "recipient_count": recipients(issue).count(),
        "counts": sending.counts([issue.pk])[issue.pk],
        "sending": sending.sending_of(issue),
        "can_send": permissions.can_publish(),
        "schedule_form": ScheduleForm(),
    }
    return render(request, "gazette/admin/sending.html", context)


def email_preview(request, pk):
    """The e-mail as the current editor would receive it."""
    issue = _issue(request, pk)
    reader = personal.reader_for(request.user)
    personal.fill([reader], issue.novelties_since())
    message = build(issue, reader, request.user.email, unsubscribe_url=None)
    return HttpResponse(message.alternatives[0].content)


@require_POST
def send_test(request, pk):
    issue = _issue(request, pk)
    sending.send_test(issue, request.user)
    messages.success(
        request,
        _("Un e-mail de test est parti vers %(email)s.") % {"email": request.user.email},
    )
    return redirect("gazette_admin:sending", pk=issue.pk)


@require_POST
def send_now(request, pk):
    issue = _issue(request, pk, publish=True)
    try:
        with transaction.atomic():
            count = sending.start(issue, request.user)
            transaction.on_commit(lambda: tasks.send_issue.enqueue(issue.pk))
    except sending.SendingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            ngettext(
                "Envoi lancé vers %(count)s destinataire : il se poursuit en arrière-plan.",
                "Envoi lancé vers %(count)s destinataires : il se poursuit en arrière-plan.",
                count,
            )
            % {"count": count},
        )
    return redirect("gazette_admin:sending", pk=issue.pk)


@require_POST
def schedule(request, pk):
    issue = _issue(request, pk, publish=True)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("scheduled_at", []):
            messages.error(request, error)
        return redirect("gazette_admin:sending", pk=issue.pk)
    when = form.cleaned_data["scheduled_at"]
    try:
        with transaction.atomic():
            sending.schedule(issue, when, request.user)
            transaction.on_commit(lambda: tasks.check_at(when))
    except sending.SendingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Envoi programmé."))
    return redirect("gazette_admin:sending", pk=issue.pk)


@require_POST
def unschedule(request, pk):
    issue = _issue(request, pk, publish=True)
    sending.unschedule(issue)
    messages.success(request, _("Envoi programmé annulé."))
    return redirect("gazette_admin:sending", pk=issue.pk)
