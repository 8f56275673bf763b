"""The sign-up extra field and the member's own profile form."""

from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Mission, Profile, StructureType, User
from privacy.forms import ConsentField
from structures.models import Structure
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


def structure_choices(queryset):
    """The structures of the select, grouped by type: a long list stays findable by
    typing the first letters, without JavaScript."""
    groups = {}
    for structure in queryset:
        groups.setdefault(structure.get_type_display(), []).append((structure.pk, str(structure)))
    return [("", _("— Aucune ou pas dans la liste —")), *sorted(groups.items())]


class ProfileForm(forms.ModelForm):
    """The member's own profile; the view binds it to `request.user.profile` only.

    Choosing a structure of the list copies its name and type into the free fields, which
    the directory and the panorama read; a member whose structure is missing proposes it
    (name, type, département, website), is attached to it at once, and editors validate it
    before it has a public page or is offered to others."""

    display_name = forms.CharField(
        label=_("Prénom et nom"), max_length=80, help_text=_("Affiché sur vos contributions.")
    )
    missions = forms.MultipleChoiceField(
        label=_("Missions"),
        choices=Mission.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cochez toutes celles que vous exercez."),
    )
    quartiers = forms.CharField(
        label=_("Quartiers prioritaires suivis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Un quartier par ligne, par exemple « Les Tilleuls (Blanc-Mesnil) »."),
    )
    propose_name = forms.CharField(
        label=_("Nom de votre structure, si elle manque à la liste"),
        max_length=150,
        required=False,
        help_text=_(
            "Seulement si votre structure n’est pas dans la liste ; un éditeur la validera."
        ),
    )
    propose_type = forms.ChoiceField(
        label=_("Son type"),
        choices=[("", "—"), *StructureType.choices],
        required=False,
    )
    propose_departement = forms.ModelChoiceField(
        label=_("Son département"),
        queryset=Departement.objects.none(),
        required=False,
    )
    propose_website = forms.URLField(
        label=_("Son site internet"), required=False, assume_scheme="https"
    )

    FIELDSETS = [
        (_("Vous"), ["display_name", "job_title", "region", "departement", "thematiques", "bio"]),
        (
            _("Votre structure"),
            ["structure", "structure_type", "structure_name", "service"],
        ),
        (
            _("Proposer une structure absente de la liste"),
            ["propose_name", "propose_type", "propose_departement", "propose_website"],
        ),
        (
            _("Vos missions, pour le panorama des acteurs"),
            ["missions", "time_share", "team_size", "years_in_post", "quartiers"],
        ),
        (_("Visibilité"), ["in_directory", "in_panorama"]),
    ]

    class Meta:
        model = Profile
        fields = [
            "structure",
            "structure_type",
            "structure_name",
            "service",
            "job_title",
            "region",
            "departement",
            "thematiques",
            "bio",
            "missions",
            "time_share",
            "team_size",
            "years_in_post",
            "quartiers",
            "in_directory",
            "in_panorama",
        ]
        widgets = {
            "thematiques": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].initial = self.instance.user.display_name
        self.fields["quartiers"].initial = "\n".join(self.instance.quartiers)
        self.fields["departement"].queryset = Departement.objects.select_related("region")
        self.fields["propose_departement"].queryset = Departement.objects.all()
        self.fields["region"].queryset = Region.objects.all()
        self.fields["thematiques"].queryset = Thematique.objects.all()
        # The validated structures, and the member's own while it awaits validation.
        structures = Structure.objects.filter(
            Q(validated=True) | Q(pk=self.instance.structure_id)
        ).order_by("name")
        self.fields["structure"].queryset = structures
        self.fields["structure"].choices = structure_choices(structures)

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean_quartiers(self):
        lines = (line.strip() for line in self.cleaned_data["quartiers"].splitlines())
        names = list(dict.fromkeys(line[:150] for line in lines if line))
        if len(names) > 50:
            raise forms.ValidationError(_("Indiquez 50 quartiers au plus."))
        return names

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("propose_name", "").strip():
            if cleaned.get("structure"):
                self.add_error(
                    "propose_name",
                    _("Choisissez une structure de la liste ou proposez-en une, pas les deux."),
                )
            if not cleaned.get("propose_type"):
                self.add_error("propose_type", _("Indiquez le type de la structure proposée."))
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        profile = super().save(commit=False)
        user: User = profile.user
        data = self.cleaned_data
        name = data.get("propose_name", "").strip()
        if name:
            departement = data.get("propose_departement")
            profile.structure = Structure.objects.create(
                name=name,
                type=data["propose_type"],
                departement=departement,
                region=departement.region if departement else None,
                website=data.get("propose_website", ""),
                proposed_by=user,
            )
        if profile.structure:
            profile.structure_name = profile.structure.name
            profile.structure_type = profile.structure.type
        user.display_name = data["display_name"].strip()
        if commit:
            profile.save()
            self.save_m2m()
            user.save(update_fields=["display_name"])
        return profile
