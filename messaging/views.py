"""Pages of messaging. Only the participants of a conversation see it; a moderator reads
one only while one of its messages is reported; anyone else gets a 404, staff included."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.ratelimits import over_limit, refuse_form
from maillage.redirects import safe_next
from messaging import services
from messaging.forms import MessageForm, NewConversationForm, PreferenceForm, chosen_ids
from messaging.models import Conversation, Message, MessagingPreference, name_of
from messaging.rules import blocks_between, is_new_member, refusal_to_reply, refusal_to_write
from participation.moderation.api import has_open_reports
from participation.roles import is_moderator

INBOX_PAGE_SIZE = 20
THREAD_PAGE_SIZE = 30
BLOCKED_PAGE_SIZE = 30


def _others(conversation, user):
    """The other participants (prefetched or fetched), in the order they joined."""
    return [p for p in conversation.participants.all() if p.user_id != user.pk]


@login_required
def inbox(request):
    page_obj = Paginator(services.inbox(request.user), INBOX_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for participant in page_obj.object_list:
        participant.others = _others(participant.conversation, request.user)
    preference = MessagingPreference(
        user=request.user, accepts_messages=services.accepts_messages(request.user)
    )
    return render(
        request,
        "messaging/inbox.html",
        {"page_obj": page_obj, "preference_form": PreferenceForm(instance=preference)},
    )


@require_POST
@login_required
def preferences(request):
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.set_accepts_messages(request.user, form.cleaned_data["accepts_messages"])
        if form.cleaned_data["accepts_messages"]:
            messages.success(request, _("Les membres peuvent vous écrire."))
        else:
            messages.success(
                request,
                _("Plus personne ne peut vous écrire ; vos conversations restent lisibles."),
            )
    return redirect("messaging:inbox")


def _refuse_new_conversation(request, form, is_new):
    """Rate limits of a first message: bursts of messages, of new conversations, and the
    stricter daily limit of new members. True (with the message on the form) if over."""
    if refuse_form(request, "message", form):
        return True
    if not is_new:
        return False
    if refuse_form(request, "conversation", form):
        return True
    if is_new_member(request.user) and over_limit(request, "conversation_new_member"):
        form.add_error(
            None,
            _(
                "Les nouveaux membres commencent peu de conversations par jour : réessayez "
                "demain, ou répondez dans une conversation existante. Votre message est conservé."
            ),
        )
        return True
    return False


@login_required
def new_conversation(request):
    if request.method == "POST":
        chosen = chosen_ids(request.POST)
        searching = "chercher" in request.POST
    else:
        wanted = request.GET.get("a", "")
        chosen = [int(wanted)] if wanted.isdigit() and len(wanted) < 10 else []
        searching = False
    search = request.POST.get("search", "") if searching else ""
    if request.method == "POST" and not searching:
        form = NewConversationForm(request.POST, sender=request.user, chosen=chosen)
    else:
        initial = {"recipients": chosen, "body": request.POST.get("body", "")}
        form = NewConversationForm(
            initial={**initial, "search": search},
            sender=request.user,
            chosen=chosen,
            search=search,
        )
    if form.is_bound and form.is_valid():
        recipients = list(form.cleaned_data["recipients"])
        existing = services.direct_conversation(request.user, recipients)
        if not _refuse_new_conversation(request, form, is_new=existing is None):
            try:
                conversation = services.start_conversation(
                    request.user, recipients, form.cleaned_data["body"]
                )
            except services.Refused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Votre message est envoyé."))
                return redirect(conversation)
    refusal = None
    if request.method == "GET" and chosen:
        wanted = list(get_user_model().objects.filter(pk__in=chosen))
        refusal = refusal_to_write(request.user, wanted) if wanted else None
    return render(
        request,
        "messaging/new_conversation.html",
        {"form": form, "searching": searching, "search": search, "refusal": refusal},
    )


def _visible_conversation(request, pk):
    """The conversation and the member's participation in it; (conversation, None) for a
    moderator reading a reported conversation; a 404 for everyone else."""
    conversation = get_object_or_404(Conversation, pk=pk)
    participant = services.participation_of(request.user, conversation)
    if participant is not None:
        participant.conversation = conversation
        return conversation, participant
    messages_of = Message.objects.filter(conversation=conversation).values("pk")
    if is_moderator(request.user) and has_open_reports(Message, messages_of):
        return conversation, None
    raise Http404


@login_required
def conversation_detail(request, pk):
    conversation, participant = _visible_conversation(request, pk)
    form = None
    if participant is not None:
        form = MessageForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid() and not refuse_form(request, "message", form):
                try:
                    services.post_message(request.user, conversation, form.cleaned_data["body"])
                except services.Refused as refusal:
                    form.add_error(None, str(refusal))
                else:
                    if not request.htmx:
                        return redirect(reverse("messaging:conversation", args=[pk]) + "#reponse")
                    form = MessageForm()
        else:
            services.mark_read(participant)
    elif request.method == "POST":
        raise Http404
    context = _thread_context(request, conversation, participant, form)
    if request.htmx:
        return render(request, "messaging/includes/thread.html", context)
    return render(request, "messaging/conversation.html", context)


def _thread_context(request, conversation, participant, form):
    participants = list(
        conversation.participants.select_related("user").order_by("joined_at", "pk")
    )
    others = [p for p in participants if p.user_id != request.user.pk]
    active_others = [p.user for p in others if p.left_at is None and p.user is not None]
    page_obj = Paginator(conversation.messages.for_thread(), THREAD_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    refusal, blocks = None, (set(), set())
    if participant is not None:
        blocks = blocks_between(request.user, active_others)
        if not active_others:
            refusal = _("Plus personne d’autre ne participe à cette conversation.")
        else:
            refusal = refusal_to_reply(
                request.user, active_others, one_to_one=not conversation.is_group, blocks=blocks
            )
    return {
        "conversation": conversation,
        "participant": participant,
        "moderating": participant is None,
        "others": others,
        "blocked_ids": blocks[1],
        "title": _title(others),
        "page_obj": page_obj,
        "thread": reversed(page_obj.object_list),
        "form": form if refusal is None else None,
        "refusal": refusal,
        "autofocus": bool(request.htmx),
    }


def _title(others):
    names = [name_of(p.user) for p in others]
    if len(names) <= 3:
        return ", ".join(names) or _("Conversation")
    return _("%(names)s et %(count)s autres") % {
        "names": ", ".join(names[:2]),
        "count": len(names) - 2,
    }


@require_POST
@login_required
def leave(request, pk):
    conversation, participant = _visible_conversation(request, pk)
    if participant is None:
        raise Http404
    try:
        services.leave(request.user, conversation)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(conversation)
    messages.success(request, _("Vous avez quitté la conversation."))
    return redirect("messaging:inbox")


@login_required
def blocked(request):
    page_obj = Paginator(services.blocked_members(request.user), BLOCKED_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "messaging/blocked.html", {"page_obj": page_obj})


@require_POST
@login_required
def block_toggle(request, user_id):
    other = get_object_or_404(services.blockable_by(request.user), pk=user_id)
    if services.has_blocked(request.user, other):
        services.unblock(request.user, other)
        messages.success(request, _("%(name)s est débloqué.") % {"name": name_of(other)})
    else:
        services.block(request.user, other)
        messages.success(
            request,
            _("%(name)s est bloqué : ce membre ne peut plus vous écrire.")
            % {"name": name_of(other)},
        )
    return redirect(safe_next(request, reverse("messaging:blocked")))
