"""Who may answer a survey and see its results, and the writing of answers: one per
member even under concurrent submissions, anonymous answers kept apart from who gave
them, invitation links good for one answer."""

from datetime import datetime, time

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from participation.spaces.api import can
from surveys.profile_fields import update_profile
from surveys.records import Answer, Invitation, Participation
from surveys.rules import ANSWER

_signer = signing.Signer(salt="surveys.invitation")


class Status:
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


class AlreadyAnswered(Exception):
    """The member (or the invitation) has already given the one answer allowed."""


def status(survey, now=None):
    now = now or timezone.now()
    if survey.closes_at and survey.closes_at <= now:
        return Status.CLOSED
    if survey.opens_at and survey.opens_at > now:
        return Status.UPCOMING
    return Status.OPEN


def is_visible_to(survey, user):
    """A live survey is seen by whoever sees its space (everyone outside a space)."""
    return survey.live and (survey.space_id is None or survey.space.is_visible_to(user))


def is_editor(user, survey):
    """Editors of the survey: those Wagtail lets edit its page."""
    return user.is_authenticated and survey.permissions_for_user(user).can_edit()


def answer_refusal(user, survey, invitation=None):
    """Why `user` (or the holder of `invitation`) may not answer now, in French; None
    when they may."""
    current = status(survey)
    if current == Status.UPCOMING:
        return _("L’enquête n’est pas encore ouverte.")
    if current == Status.CLOSED:
        return _("L’enquête est close : les réponses ne sont plus acceptées.")
    if invitation is not None:
        if invitation.used_on:
            return _("Ce lien d’invitation a déjà servi : il ne vaut que pour une réponse.")
        return None
    if not user.is_authenticated or not user.is_active:
        return _("Connectez-vous pour répondre à l’enquête.")
    if survey.space_id is not None and not can(user, ANSWER, survey.space):
        return _("La phase en cours de la démarche n’ouvre pas les réponses aux enquêtes.")
    return None


def own_answer(user, survey):
    """The member's answer when it is theirs to see and edit (never for anonymous surveys)."""
    if survey.anonymous or not user.is_authenticated:
        return None
    return Answer.objects.filter(page=survey, user=user).first()


def has_answered(user, survey):
    if not user.is_authenticated:
        return False
    if survey.anonymous:
        return Participation.objects.filter(survey=survey, user=user).exists()
    return Answer.objects.filter(page=survey, user=user).exists()


def can_see_results(user, survey, editor=None):
    """`editor`: `is_editor(user, survey)` when the caller already asked (two queries)."""
    if editor if editor is not None else is_editor(user, survey):
        return True
    if survey.results_visibility == survey.ResultsVisibility.PUBLIC:
        return True
    if survey.results_visibility == survey.ResultsVisibility.RESPONDENTS:
        return has_answered(user, survey)
    return False


@transaction.atomic
def save_answer(survey, user, answers, *, invitation=None, profile_values=None):
    """Store the answers of `user` (or of the holder of `invitation`); a member's second
    submission replaces the first, except in an anonymous survey (AlreadyAnswered), as
    does a used invitation. `profile_values` ({profile field: answer}) update the
    member's profile in the same transaction."""
    if invitation is not None:
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.used_on:
            raise AlreadyAnswered
        invitation.used_on = timezone.localdate()
        invitation.save(update_fields=["used_on"])
        return _anonymous_answer(survey, answers) if survey.anonymous else _new(survey, answers)
    if survey.anonymous:
        try:
            with transaction.atomic():
                Participation.objects.create(survey=survey, user=user)
        except IntegrityError as error:
            raise AlreadyAnswered from error
        answer = _anonymous_answer(survey, answers)
    else:
        answer = _member_answer(survey, user, answers)
    if profile_values and hasattr(user, "profile"):
        update_profile(user.profile, profile_values)
    return answer


def _new(survey, answers, user=None):
    return Answer.objects.create(page=survey, form_data=answers, user=user)


def _anonymous_answer(survey, answers):
    """An answer without member, dated to the day only (the time of day would match the
    member's other traces)."""
    answer = _new(survey, answers)
    day = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    Answer.objects.filter(pk=answer.pk).update(submit_time=day)
    return answer


def _member_answer(survey, user, answers):
    answer = Answer.objects.select_for_update().filter(page=survey, user=user).first()
    if answer is None:
        try:
            with transaction.atomic():
                return _new(survey, answers, user)
        except IntegrityError:
            # Another submission of the same member won the race: edit its answer.
            answer = Answer.objects.select_for_update().get(page=survey, user=user)
    answer.form_data = answers
    answer.updated_at = timezone.now()
    answer.save(update_fields=["form_data", "updated_at"])
    return answer


# --- Invitations -------------------------------------------------------------------------
def invite(survey, emails):
    """Invitations for the addresses not yet invited; returns the new ones."""
    known = set(survey.invitations.filter(email__in=emails).values_list("email", flat=True))
    return Invitation.objects.bulk_create(
        [Invitation(survey=survey, email=email) for email in emails if email not in known]
    )


def invitation_token(invitation):
    """`<id>-<signature>`: only letters, digits, "-" and "_", as Wagtail's page URLs
    require (the usual "id:signature" has a colon)."""
    return f"{invitation.pk}-{_signer.signature(str(invitation.pk))}"


def invitation_from_token(survey, token):
    """The invitation the signed token names, for this survey; None if forged."""
    pk, _sep, signature = token.partition("-")
    if not pk.isdigit() or not constant_time_compare(signature, _signer.signature(pk)):
        return None
    return Invitation.objects.filter(pk=int(pk), survey=survey).first()
