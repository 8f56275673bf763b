from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _


class AccountAdapter(DefaultAccountAdapter):
    """Until their profile is complete, members land on it after logging in: peers find
    them by their structure and territory."""

    def _profile_prompt(self, request):
        profile = getattr(request.user, "profile", None)
        if profile is None or profile.is_complete:
            return None
        messages.info(
            request,
            _(
                "Bienvenue sur Maillage ! Complétez votre profil en une minute : "
                "vos pairs vous retrouveront par votre structure et votre territoire."
            ),
        )
        return reverse("members:profile_edit")

    def get_login_redirect_url(self, request):
        return self._profile_prompt(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self._profile_prompt(request) or super().get_signup_redirect_url(request)
