"""The public side of subscriptions: a partner's request and confirmation, anyone's
unsubscribe link, a member's yes or no from their notification settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from gazette import subscriptions, tokens
from gazette.forms import MemberOptInForm, SubscribeForm
from maillage.ratelimits import over_limit


def _invalid_link(request):
    return render(request, "gazette/invalid_link.html", status=400)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "gazette_subscription"):
            form.add_error(
                None,
                _("Trop de demandes en peu de temps : patientez une minute avant de réessayer."),
            )
        else:
            subscriptions.request_subscription(form.cleaned_data["email"])
            return render(request, "gazette/subscribe_sent.html")
    return render(request, "gazette/subscribe.html", {"form": form})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        email = tokens.confirmed_email(token)
    except tokens.InvalidLink:
        return _invalid_link(request)
    if request.method == "POST":
        subscriptions.confirm_partner(email)
        return render(request, "gazette/confirmed.html")
    return render(request, "gazette/confirm.html", {"email": email})


@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without any token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (link scanners follow links: they must not unsubscribe anyone); POST,
    from the page's button or from the mail client's one-click, unsubscribes."""
    try:
        pk = tokens.unsubscribed_pk(token)
    except tokens.InvalidLink:
        return _invalid_link(request)
    if request.method == "POST":
        subscriptions.unsubscribe(pk)
        return render(request, "gazette/unsubscribed.html")
    return render(request, "gazette/unsubscribe.html")


@require_POST
@login_required
def member_preference(request):
    form = MemberOptInForm(request.POST)
    if form.is_valid():
        subscribed = form.cleaned_data["subscribed"]
        subscriptions.set_member_subscription(request.user, subscribed)
        if subscribed:
            messages.success(request, _("Vous recevrez la gazette."))
        else:
            messages.success(request, _("Vous ne recevrez plus la gazette."))
    return redirect(reverse("participation:preferences"))
