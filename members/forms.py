from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Profile, User
from privacy.forms import ConsentField
from taxonomy.models import Departement, Region, Thematique


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form: members are known by their name, not their
    email, and accept the terms (the versions accepted are recorded)."""

    display_name = forms.CharField(
        label=_("Prénom et nom"),
        max_length=80,
        help_text=_("Affiché sur vos contributions."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    accept_terms = ConsentField()

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])
        self.fields["accept_terms"].record(user)


class ProfileForm(forms.ModelForm):
    display_name = forms.CharField(
        label=_("Prénom et nom"), max_length=80, help_text=_("Affiché sur vos contributions.")
    )

    class Meta:
        model = Profile
        fields = [
            "structure_type",
            "structure_name",
            "job_title",
            "region",
            "departement",
            "thematiques",
            "bio",
            "in_directory",
        ]
        widgets = {
            "thematiques": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].initial = self.instance.user.display_name
        self.order_fields(["display_name", *self.Meta.fields])
        self.fields["departement"].queryset = Departement.objects.select_related("region")
        self.fields["region"].queryset = Region.objects.all()
        self.fields["thematiques"].queryset = Thematique.objects.all()

    def save(self, commit=True):
        profile = super().save(commit=commit)
        user: User = profile.user
        user.display_name = self.cleaned_data["display_name"].strip()
        if commit:
            user.save(update_fields=["display_name"])
        return profile
