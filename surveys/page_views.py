"""What the survey page's routes answer (SurveyPage delegates here): the form to answer
or edit one's answer, the results, and the CSV exports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _

from maillage.csv_export import csv_response
from maillage.ratelimits import refuse_form
from surveys import services
from surveys.records import Answer
from surveys.results import (
    answers_csv_header,
    answers_csv_rows,
    results_csv_header,
    results_csv_rows,
    survey_results,
)


def answer(survey, request, token=None):
    """The questionnaire. A member's answer is stored (or replaced, until the close
    date); a refused or invalid POST shows the form again with what was typed."""
    invitation = None
    if token is not None:
        invitation = services.invitation_from_token(survey, token)
        if invitation is None or not survey.open_to_invited:
            raise Http404
    user = request.user
    own = None if invitation else services.own_answer(user, survey)
    done_anonymously = (
        invitation is None and survey.anonymous and services.has_answered(user, survey)
    )
    refusal = services.answer_refusal(user, survey, invitation)
    offer = invitation is None and user.is_authenticated and survey.offers_profile_update()
    initial = survey.get_form_class().initial_from(own.form_data) if own else None
    form = survey.get_form(
        request.POST if request.method == "POST" else None,
        user=user,
        initial=initial,
        offer_profile_update=offer,
    )
    status = 200
    if request.method == "POST":
        if refusal or done_anonymously:
            status = 403
        elif form.is_valid() and not refuse_form(request, "survey", form):
            profile_values = (
                form.profile_values() if offer and form.wants_profile_update() else None
            )
            try:
                services.save_answer(
                    survey,
                    None if invitation else user,
                    form.answers,
                    invitation=invitation,
                    profile_values=profile_values,
                )
            except services.AlreadyAnswered:
                form.add_error(None, _("Vous avez déjà répondu à cette enquête."))
                status = 409
            else:
                if invitation is not None:
                    return TemplateResponse(
                        request, survey.landing_page_template, survey.get_context(request)
                    )
                messages.success(request, _("Merci : vos réponses sont enregistrées."))
                return redirect(survey.url)
    context = survey.get_context(request)
    editor = services.is_editor(user, survey)
    context.update(
        form=form,
        refusal=refusal,
        own_answer=own,
        done_anonymously=done_anonymously,
        invitation=invitation,
        status=services.status(survey),
        can_see_results=services.can_see_results(user, survey, editor=editor),
        is_editor=editor,
    )
    return TemplateResponse(request, survey.template, context, status=status)


def _results_or_403(survey, request):
    if not services.can_see_results(request.user, survey):
        raise PermissionDenied
    return _results(survey)


def _results(survey):
    answers = Answer.objects.filter(page=survey).values_list("form_data", flat=True)
    return survey_results(survey.questions(), list(answers))


def results(survey, request):
    """Each question's counts and shares; free answers for editors only. The results are
    read while rendering them: a fragment cached until an answer or a question changes."""
    editor = services.is_editor(request.user, survey)
    if not services.can_see_results(request.user, survey, editor=editor):
        raise PermissionDenied
    context = survey.get_context(request)
    context.update(
        results=SimpleLazyObject(lambda: _results(survey)),
        respondents=Answer.objects.filter(page=survey).count(),
        is_editor=editor,
    )
    return TemplateResponse(request, "surveys/survey_results.html", context)


def results_csv(survey, request):
    """The charts' figures, small counts hidden as on the page."""
    rows = results_csv_rows(_results_or_403(survey, request))
    return csv_response(f"resultats-{slugify(survey.slug)}.csv", results_csv_header(), rows)


def answers_csv(survey, request):
    """One row per answer, for the survey's editors."""
    if not services.is_editor(request.user, survey):
        raise PermissionDenied
    questions = survey.questions()
    with_member = not survey.anonymous
    answers = (
        Answer.objects.filter(page=survey).select_related("user").order_by("submit_time", "pk")
    )
    return csv_response(
        f"reponses-{slugify(survey.slug)}.csv",
        answers_csv_header(questions, with_member),
        answers_csv_rows(questions, answers.iterator(chunk_size=500), with_member),
    )
