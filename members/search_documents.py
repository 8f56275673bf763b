"""Member profiles that opted into the directory are found by the network search."""

from django.utils.translation import gettext_lazy as _

from members.models import Profile
from search.registry import Registration, SearchDocument, register, territory_keys


@register
class ProfileDocuments(Registration):
    model = Profile
    kind = "membre"
    label = _("Membre")
    # Deactivating an account or renaming a member changes what the search shows.
    depends_on = {"members.User": lambda user: Profile.objects.filter(user=user)}

    def get_queryset(self):
        return Profile.objects.in_directory().for_listing().select_related("departement__region")

    def to_document(self, profile):
        return SearchDocument(
            title=profile.user.display_name,
            url=profile.get_absolute_url(),
            extra=" · ".join(
                filter(
                    None,
                    [
                        profile.job_title,
                        profile.structure_name,
                        profile.get_structure_type_display(),
                    ],
                )
            ),
            body=profile.bio,
            thematiques=[t.slug for t in profile.thematiques.all()],
            territories=territory_keys(region=profile.region, departement=profile.departement),
        )
