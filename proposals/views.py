import json
import random
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from content.listing import ReadOnce, lazy_paginate
from maillage import private_files, ratelimits, table_versions
from maillage.csv_export import csv_response
from maillage.redirects import safe_next
from maillage.refusals import LoginToContinue
from participation import card_notices
from participation.spaces.api import (
    Action,
    cached_space,
    can,
    closed_action,
    is_visible_to,
    refusal,
    unseen,
)
from proposals import listing
from proposals.cards import cards_html
from proposals.exports import COLUMNS, export_rows
from proposals.forms import AnswerForm, FilterForm, InviteForm, MergeForm, ProposalForm
from proposals.models import Attachment, Coauthorship, Proposal, ProposalSettings, Vote
from proposals.rules import PROPOSE, VOTE
from proposals.services import answers, authoring, votes

PAGE_SIZE = 20
RESULTS_PAGE_SIZE = 50
# A page of ids is kept until a table it read is written; this bounds unread ones.
PAGE_SECONDS = 600
SIMILAR_MIN_LENGTH = 8
SEED_SESSION_KEY = "proposals_seed"


# --- Lookups --------------------------------------------------------------------------------
def _space(request, slug):
    space = cached_space("proposal_settings", live=True, slug=slug)
    if space is None or not space.uses("proposals"):
        raise Http404
    if not can(request.user, Action.VIEW, space):
        raise unseen(request.user, space)
    return space


def _proposal(request, pk, queryset=None):
    """The proposal and its space (from the exact cache); the proposal it was merged
    into is read when shown (rarely): joining a ninth table to every lookup made
    PostgreSQL plan the query for longer than the rest of the page took."""
    proposal = get_object_or_404(queryset if queryset is not None else Proposal.objects, pk=pk)
    proposal.space = cached_space("proposal_settings", pk=proposal.space_id)
    if not proposal.space.live or not is_visible_to(proposal, request.user):
        raise unseen(request.user, proposal.space)
    return proposal


def _seed(request):
    """Decidim's default order: random, but stable so that paging works: for the session
    of a member, for the day of an anonymous visitor (no session is opened for them, so
    that the anonymous page cache can serve the list)."""
    if not request.user.is_authenticated:
        return timezone.localdate().toordinal()
    if SEED_SESSION_KEY not in request.session:
        request.session[SEED_SESSION_KEY] = random.randint(1, 10**9)
    return request.session[SEED_SESSION_KEY]


def _cards_page(key_parts, proposals, user, number):
    """Order and page the ids first (an index-only scan of the space's proposals), then
    read the twenty rows: sorting whole rows read every proposal of the space. The ids
    and the count are kept in the cache under what decides the query (`key_parts`: its
    filters, order and seed; `proposals()` builds it on a miss only) until a table they
    read is written, and so are the rows (the same for every reader: the member's votes
    on the page are asked apart; `listing.card_rows`); each card's HTML is kept by
    `proposals.cards`, so a row is all a card needs."""

    def read():
        ids = proposals().values_list("pk", flat=True)
        page = Paginator(ids, PAGE_SIZE).get_page(number)
        return {"count": page.paginator.count, "number": page.number, "ids": list(page)}

    found = table_versions.cached(
        table_versions.key("proposals-page", key_parts, PAGE_SIZE, number), read, PAGE_SECONDS
    )
    page_obj = Paginator(range(found["count"]), PAGE_SIZE).get_page(found["number"])
    rows = table_versions.cached(
        table_versions.key("proposals-card-rows", found["ids"]),
        lambda: listing.card_rows(found["ids"]),
        PAGE_SECONDS,
    )
    page_obj.object_list = [rows[pk] for pk in found["ids"] if pk in rows]
    if user.is_authenticated:
        # All the member's votes (a few per space), kept for them alone until a vote is
        # written: the same set serves every page and filter of the list.
        mine = table_versions.cached(
            table_versions.key("proposals-my-votes", user.pk),
            lambda: set(Vote.objects.filter(user=user).values_list("proposal", flat=True)),
            PAGE_SECONDS,
        )
        for proposal in page_obj.object_list:
            proposal.has_my_vote = proposal.pk in mine
    return page_obj


def _vote_statuses(proposals, vote_context):
    for proposal in proposals:
        proposal.vote_status = votes.vote_status(
            proposal, getattr(proposal, "has_my_vote", False), vote_context
        )


# --- Browsing -------------------------------------------------------------------------------
def proposal_list(request, space_slug):
    space = _space(request, space_slug)
    user = request.user
    settings = ProposalSettings.for_space(space)
    query = request.GET.get("q", "").strip()[:200]
    # Built only when a cached value it feeds is missing.
    base = SimpleLazyObject(lambda: listing.base_queryset(space, query))
    counts = listing.facet_counts(base, user, space, query)
    # Choices and labels carry the counts, and are set before validating the choices.
    form = FilterForm(request.GET or None)
    form.fields["state"].choices = listing.state_choices(counts)
    thematiques = listing.thematique_choices(base, space, query)
    form.fields["thematique"].choices = thematiques
    listing.label_counts(form, counts, user)
    if settings.counts_hidden:
        form.fields["order"].choices = [c for c in form.fields["order"].choices if c[0] != "votes"]
    data = form.cleaned_data if form.is_valid() else {}
    seed = _seed(request)

    def proposals():
        return listing.apply_order(
            listing.apply_filters(base, data, user),
            data.get("order", ""),
            seed=seed,
            query=query,
            counts_hidden=settings.counts_hidden,
        )

    key_parts = listing.page_key_parts(
        space, query, data, user, seed=seed, counts_hidden=settings.counts_hidden
    )
    page_obj = _cards_page(key_parts, proposals, user, request.GET.get("page"))
    vote_context = votes.space_vote_context(user, space, settings)
    _vote_statuses(page_obj.object_list, vote_context)
    cards = cards_html(page_obj.object_list, request)
    params = request.GET.copy()
    params.pop("page", None)
    tags = listing.popular_tags(base, space, query)
    # Everything the sidebar (filters with their counts, keywords, exports) shows: it is
    # an exact fragment under this key, so its form is rendered on a miss only.
    sidebar_key = table_versions.key(
        "proposals-sidebar",
        space.slug,
        request.path,
        sorted(request.GET.lists()),
        sorted(counts.items()),
        thematiques,
        user.is_authenticated,
        settings.counts_hidden,
        [(tag.slug, tag.name, tag.total) for tag in tags],
    )
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "space": space,
            "form": form,
            "page_obj": page_obj,
            "cards": cards,
            "query_string": params.urlencode(),
            "counts": counts,
            "tags": tags,
            "sidebar_key": sidebar_key,
            "current_tag": data.get("tag", ""),
            "vote_context": vote_context,
            "can_propose": authoring.can_propose(user, space),
            "closed_actions": [
                closed for action in (PROPOSE, VOTE) if (closed := closed_action(space, action))
            ],
        },
    )


def results(request, space_slug):
    """ "Priorités du réseau": the space's proposals ranked by votes, with their states."""
    space = _space(request, space_slug)
    settings = ProposalSettings.for_space(space)
    proposals = (
        Proposal.objects.listed()
        .active()
        .filter(space=space)
        .prefetch_related("thematiques")
        .order_by("-vote_count", "published_at")
    )
    # The ranking is the same for every reader who may see the space: the template keeps
    # it in an exact fragment named by the page (`results_key`) and the settings it shows,
    # and the page is read only on a miss (a vote or an answer writes the proposals).
    page_obj, _query_string, results_key = lazy_paginate(request, proposals, RESULTS_PAGE_SIZE)
    return render(
        request,
        "proposals/results.html",
        {
            "space": space,
            "settings": settings,
            "counts_hidden": settings.counts_hidden,
            "page_obj": page_obj,
            "results_key": results_key,
        },
    )


def proposal_detail(request, pk):
    user = request.user
    proposal = _proposal(request, pk, _detail_queryset(user))
    space = proposal.space
    vote_context = votes.space_vote_context(user, space)
    has_voted = getattr(proposal, "has_my_vote", False)
    proposal.vote_status = votes.vote_status(proposal, has_voted, vote_context)
    is_author = proposal.is_author(user)
    invited = getattr(proposal, "is_invited", False)
    context = {
        "proposal": proposal,
        "space": space,
        "vote_context": vote_context,
        "is_author": is_author,
        "can_edit": authoring.can_edit(user, proposal),
        "can_withdraw": authoring.can_withdraw(user, proposal),
        "can_leave": authoring.can_leave(user, proposal),
        "can_moderate": answers.can_moderate(user, proposal),
        "invitation": authoring.pending_invitation(user, proposal) if invited else None,
        "merged_proposals": proposal.merged_proposals.all() if proposal.has_merged else [],
        "share_url": request.build_absolute_uri(proposal.get_absolute_url()),
        # After a vote without JavaScript: its message, in the voted card (vote_block.html).
        "card_notice": card_notices.take(request, f"vote-{proposal.pk}"),
    }
    if is_author:
        context["pending_coauthors"] = (
            proposal.coauthorships.pending().select_related("user").order_by("created_at")
        )
        if authoring.can_invite(user, proposal):
            context["invite_form"] = InviteForm()
    if not proposal.is_published:
        context["similar"] = _similar(proposal.space, proposal.title, exclude=proposal.pk)
        context["can_publish"] = authoring.can_propose(user, space)
    return render(request, "proposals/proposal_detail.html", context)


def _detail_queryset(user):
    """The proposal, its authors, and whether anything was merged into it; for a member,
    their vote and a pending invitation: questions asked in the one query (the space
    comes from the exact cache). Thématiques, tags and attachments are read by the
    template's cached fragment. No more joins than the page shows: PostgreSQL's planning
    time grows fast with each one (the moderator who answered, never shown, took a
    millisecond). The three questions are written in SQL (`_exists`): built with the
    ORM's `Exists`, they took longer to build and compile than the rest of the query."""
    proposals = (
        Proposal.objects.select_related("region", "departement")
        .defer("search_document")
        .with_accepted_coauthors()
        .annotate(has_merged=_exists(Proposal, '"merged_into_id" = {proposal}'))
    )
    if user.is_authenticated:
        proposals = proposals.annotate(
            has_my_vote=_exists(Vote, '"proposal_id" = {proposal} AND "user_id" = %s', user.pk),
            is_invited=_exists(
                Coauthorship,
                '"proposal_id" = {proposal} AND "user_id" = %s AND "accepted_at" IS NULL',
                user.pk,
            ),
        )
    return proposals


def _exists(model, condition, *params):
    """Whether a row of `model` meets `condition`, SQL in which `{proposal}` stands for
    the id of the proposal read (its table quoted, so that the exact cache sees it)."""
    table = model._meta.db_table
    where = condition.format(proposal=f'"{Proposal._meta.db_table}"."id"')
    # Aliased: the proposal's own table, read inside, must not hide the outer one.
    sql = f'EXISTS (SELECT 1 FROM "{table}" AS "found" WHERE {where})'
    return RawSQL(sql, params, output_field=BooleanField())


def _similar(space, title, exclude=None):
    # A title refused for its NUL character still shows its neighbours: PostgreSQL
    # cannot compare text holding NUL.
    title = title.replace("\x00", "")
    if len(title.strip()) < SIMILAR_MIN_LENGTH:
        return []
    proposals = Proposal.objects.listed().filter(space=space)
    if exclude:
        proposals = proposals.exclude(pk=exclude)
    return list(proposals.similar_to(title.strip()))


def similar(request, space_slug):
    """The htmx fragment shown under the title while a member types it."""
    space = _space(request, space_slug)
    title = request.GET.get("title", "")[:200]
    return render(
        request,
        "proposals/includes/similar.html",
        {"similar": _similar(space, title), "space": space},
    )


def attachment(request, pk, attachment_pk):
    """Served through the proposal's permissions, so that private spaces stay private."""
    proposal = _proposal(request, pk)
    item = get_object_or_404(Attachment, pk=attachment_pk, proposal=proposal)
    content_type = "application/pdf" if item.kind == "pdf" else None
    return private_files.serve(
        item.file, slugify(item.title)[:80] or "fichier", content_type=content_type
    )


# --- Authoring ------------------------------------------------------------------------------
def _save_attachments(proposal, form):
    for upload, kind, extension in form.checked_attachments:
        item = Attachment(proposal=proposal, title=upload.name[:200], kind=kind, size=upload.size)
        item.file.save(f"{uuid.uuid4().hex}.{extension}", File(upload), save=True)


@login_required
def proposal_create(request, space_slug):
    space = _space(request, space_slug)
    if not authoring.can_propose(request.user, space):
        raise refusal(
            space,
            PROPOSE,
            next_url=reverse("proposals:list", args=[space.slug]),
            next_label=_("Voir les propositions de la démarche"),
        )
    similar_url = reverse("proposals:similar", args=[space.slug])
    form = ProposalForm(
        request.POST or None, request.FILES or None, space=space, similar_url=similar_url
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and not ratelimits.refuse_form(request, "proposal", form)
    ):
        proposal = authoring.create_draft(request.user, space, **form.proposal_fields())
        _save_attachments(proposal, form)
        messages.info(
            request,
            _("Relisez votre proposition : elle n’est pas encore publiée."),
        )
        return redirect(proposal.get_absolute_url())
    return render(
        request,
        "proposals/proposal_form.html",
        {"form": form, "space": space, "similar": _similar(space, form["title"].value() or "")},
    )


@login_required
def proposal_edit(request, pk):
    proposal = _proposal(request, pk)
    if not authoring.can_edit(request.user, proposal):
        raise PermissionDenied
    space = proposal.space
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        instance=proposal,
        space=space,
        similar_url=reverse("proposals:similar", args=[space.slug]),
        existing_attachments=proposal.attachments.count(),
    )
    if request.method == "POST" and form.is_valid():
        fields = form.proposal_fields()
        proposal.refresh_from_db()  # the form wrote its values on the instance
        authoring.update(request.user, proposal, **fields)
        _save_attachments(proposal, form)
        removed = [
            value for value in request.POST.getlist("remove_attachment") if value.isdecimal()
        ]
        if removed:
            for item in proposal.attachments.filter(pk__in=removed):
                item.file.delete(save=False)
                item.delete()
        messages.success(request, _("Votre proposition est modifiée."))
        return redirect(proposal.get_absolute_url())
    return render(
        request,
        "proposals/proposal_form.html",
        {
            "form": form,
            "space": space,
            "proposal": proposal,
            "attachments": proposal.attachments.all(),
            "similar": [],
        },
    )


@require_POST
@login_required
def proposal_publish(request, pk):
    proposal = _proposal(request, pk)
    if not authoring.can_propose(request.user, proposal.space):
        raise refusal(
            proposal.space,
            PROPOSE,
            next_url=proposal.get_absolute_url(),
            next_label=_("Revenir à votre brouillon"),
        )
    authoring.publish(request.user, proposal)
    messages.success(request, _("Votre proposition est publiée. Merci !"))
    return redirect(proposal.get_absolute_url())


@require_POST
@login_required
def proposal_delete_draft(request, pk):
    proposal = _proposal(request, pk)
    space = proposal.space
    authoring.delete_draft(request.user, proposal)
    messages.success(request, _("Le brouillon est supprimé."))
    return redirect("proposals:list", space.slug)


@require_POST
@login_required
def proposal_withdraw(request, pk):
    proposal = _proposal(request, pk)
    authoring.withdraw(request.user, proposal)
    messages.success(request, _("Votre proposition est retirée ; elle reste visible."))
    return redirect(proposal.get_absolute_url())


@require_POST
@login_required
def coauthor_invite(request, pk):
    proposal = _proposal(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            authoring.invite(request.user, proposal, form.invitee)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s est invité·e à co-signer.") % {"name": form.invitee.display_name},
            )
    else:
        messages.error(request, " ".join(form.errors["email"]))
    return redirect(proposal.get_absolute_url() + "#auteurs")


@require_POST
@login_required
def coauthor_answer(request, pk):
    proposal = _proposal(request, pk)
    accept = request.POST.get("answer") == "accept"
    authoring.answer_invitation(request.user, proposal, accept)
    if accept:
        messages.success(request, _("Vous êtes co-auteur·rice de cette proposition."))
    else:
        messages.info(request, _("Invitation déclinée."))
    return redirect(proposal.get_absolute_url())


@require_POST
@login_required
def coauthor_leave(request, pk):
    proposal = _proposal(request, pk)
    authoring.leave(request.user, proposal)
    messages.success(request, _("Vous n’êtes plus auteur·rice de cette proposition."))
    return redirect(proposal.get_absolute_url())


# --- Voting ---------------------------------------------------------------------------------
VOTE_BLOCK_FIELDS = [
    "title", "vote_count", "state", "published_at", "withdrawn_at", "merged_into", "is_hidden"
]  # fmt: skip


def _cast_vote(request, proposal):
    """Add or remove the support; (error, notice) for the member."""
    try:
        if ratelimits.over_limit(request, "vote"):
            return ratelimits.message(), ""
        if request.POST.get("action") == "remove":
            votes.unvote(request.user, proposal)
            return "", _("Soutien retiré.")
        votes.vote(request.user, proposal)
        return "", _("Vote enregistré.")
    except votes.VoteLimitReached:
        return _("Vous avez utilisé tous vos votes : retirez-en un pour soutenir celle-ci."), ""
    except PermissionDenied:
        if not request.htmx:
            raise  # the 403 page, with a link back to where the member was
        return _("Cette proposition ne reçoit pas de vote en ce moment."), ""


@require_POST
def proposal_vote(request, pk):
    """Add or remove the member's support ("action" = add | remove). With htmx, the vote
    block is replaced in place, keeps the focus on its button and announces the vote;
    without, the member returns to the voted card (its anchor) with a message. A phase
    that does not open votes is explained: in the block with htmx, on a 403 page without."""
    back = safe_next(request, reverse("proposals:detail", args=[pk])).split("#")[0]
    if not request.user.is_authenticated:
        raise LoginToContinue(back)
    proposal = _proposal(request, pk)
    error = notice = ""
    if can(request.user, VOTE, proposal.space):
        error, notice = _cast_vote(request, proposal)
    elif not request.htmx:
        raise refusal(
            proposal.space, VOTE, next_url=back, next_label=_("Revenir à la page précédente")
        )
    if not request.htmx:
        # On the proposal's page the message is shown in the voted card, where the anchor lands.
        anchor = f"vote-{proposal.pk}"
        card_notices.send(
            request,
            back,
            proposal.get_absolute_url(),
            anchor,
            error or notice,
            "error" if error else "success",
        )
        return redirect(f"{back}#{anchor}")
    # What the vote block shows, read again; the space, its settings and phases stay.
    proposal.refresh_from_db(fields=VOTE_BLOCK_FIELDS)
    vote_context = votes.space_vote_context(request.user, proposal.space)
    has_voted = Vote.objects.filter(proposal=proposal, user=request.user).exists()
    proposal.vote_status = votes.vote_status(proposal, has_voted, vote_context)
    return render(
        request,
        "proposals/includes/vote_response.html",
        {
            "proposal": proposal,
            "vote_context": vote_context,
            "error": error,
            "notice": notice,
            "compact": request.POST.get("compact") == "1",
            "next": back,
        },
    )


# --- Moderation -----------------------------------------------------------------------------
@login_required
def proposal_answer(request, pk):
    proposal = _proposal(request, pk)
    if not answers.can_moderate(request.user, proposal):
        raise PermissionDenied
    form = AnswerForm(request.POST or None, instance=proposal)
    if request.method == "POST" and form.is_valid():
        answers.answer(
            request.user, proposal, form.cleaned_data["state"], form.cleaned_data["answer"]
        )
        messages.success(request, _("La réponse officielle est publiée."))
        return redirect(proposal.get_absolute_url())
    return render(
        request,
        "proposals/moderation_form.html",
        {"form": form, "proposal": proposal, "title": _("Répondre officiellement")},
    )


@login_required
def proposal_merge(request, pk):
    proposal = _proposal(request, pk)
    if not answers.can_moderate(request.user, proposal):
        raise PermissionDenied
    form = MergeForm(request.POST or None, proposal=proposal)
    if request.method == "POST" and form.is_valid():
        try:
            kept = answers.merge(request.user, proposal, form.cleaned_data["kept"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Les propositions sont fusionnées."))
            return redirect(kept.get_absolute_url())
    return render(
        request,
        "proposals/moderation_form.html",
        {"form": form, "proposal": proposal, "title": _("Fusionner avec une autre proposition")},
    )


# --- Open data ------------------------------------------------------------------------------
def export_csv(request, space_slug):
    space = _space(request, space_slug)
    rows = ([row[key] for key in COLUMNS] for row in export_rows(space))
    return csv_response(f"propositions-{space.slug}.csv", COLUMNS, rows)


def export_json(request, space_slug):
    space = _space(request, space_slug)
    body = json.dumps(
        {"space": space.title, "proposals": list(export_rows(space))},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="propositions-{space.slug}.json"'
    return response


# --- Space page section ---------------------------------------------------------------------
SECTION_SIZE = 4


def space_section_context(space, request):
    """The space page's "Propositions" section: the latest ones and the ways in."""
    can_propose = authoring.can_propose(request.user, space)

    def read():
        proposals = Proposal.objects.listed().active().filter(space=space)
        return {
            "latest": list(proposals.order_by("-published_at")[:SECTION_SIZE]),
            "total": proposals.count(),
        }

    return {
        "space": space,
        # Counted and read only when the section's fragment is rendered (a miss).
        "read": ReadOnce(read),
        "can_propose": can_propose,
        "settings": SimpleLazyObject(lambda: ProposalSettings.for_space(space)),
        # What the section shows that differs between members who see the same spaces:
        # the space page caches the section under it (`latest` is read while rendering).
        "shared": f"can_propose={can_propose}",
    }
