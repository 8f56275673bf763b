from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Nous vous envoyons un lien pour confirmer : rien ne part sans votre clic."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "J’accepte de recevoir la gazette de Maillage par e-mail. Je peux me désabonner "
            "à tout moment par le lien présent dans chaque numéro."
        ),
    )


class MemberOptInForm(forms.Form):
    subscribed = forms.BooleanField(
        label=_("Recevoir la gazette du réseau par e-mail"),
        help_text=_(
            "Un numéro de temps en temps, avec les nouveautés de vos thématiques et les "
            "événements de votre région. Désabonnement en un clic dans chaque numéro."
        ),
        required=False,
    )


class ScheduleForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Date et heure d’envoi"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
    )

    def clean_scheduled_at(self):
        when = self.cleaned_data["scheduled_at"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choisissez un moment à venir."))
        return when
