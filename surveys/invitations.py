"""The invitation e-mails: each address gets its own signed link, good for one answer."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from surveys.services import invitation_token


def invitation_url(request, survey, invitation):
    return request.build_absolute_uri(f"{survey.url}invitation/{invitation_token(invitation)}/")


def send_invitations(request, survey, invitations):
    subject = _("Invitation à répondre à l’enquête « %(title)s »") % {"title": survey.title}
    messages = [
        (
            subject,
            render_to_string(
                "surveys/emails/invitation.txt",
                {"survey": survey, "url": invitation_url(request, survey, invitation)},
            ),
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
        for invitation in invitations
    ]
    send_mass_mail(messages, fail_silently=False)
