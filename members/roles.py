"""The four roles of the platform, as Django/Wagtail groups, and what each may do."""

from django.utils.translation import gettext_lazy as _

MEMBRES = "Membres"
MODERATEURS = "Modérateurs"
EDITEURS = "Éditeurs"
ADMINISTRATEURS = "Administrateurs"

ROLE_DESCRIPTIONS = {
    MEMBRES: _("Proposent, votent, débattent, commentent et s’inscrivent aux événements."),
    MODERATEURS: _("Relisent et publient les contenus, répondent aux propositions, modèrent."),
    EDITEURS: _("Rédigent actualités, retours d’expérience et ressources, soumis à relecture."),
    ADMINISTRATEURS: _("Administrent la plateforme : utilisateurs, rôles, réglages."),
}

TAXONOMY = ["taxonomy.add_thematique", "taxonomy.change_thematique", "taxonomy.view_thematique"]
STRUCTURES = [
    "structures.add_structure",
    "structures.change_structure",
    "structures.view_structure",
    "structures.validate_structure",
]
PANORAMA = [
    "members.add_panoramasnapshot",
    "members.change_panoramasnapshot",
    "members.view_panoramasnapshot",
]
# Resources members propose: reviewers list them, read their private file and may
# correct them; approving (which publishes) stays with the Modérateurs, as for pages.
PROPOSED_RESOURCES = ["library.view_resourcesubmission", "library.change_resourcesubmission"]
# Permissions each role holds (app_label.codename), beyond the page permissions Wagtail
# gave its own groups; access_admin lets editors and moderators into Wagtail's admin.
# Administrators hold every permission.
ROLE_PERMISSIONS = {
    MEMBRES: [],
    EDITEURS: ["wagtailadmin.access_admin", *TAXONOMY, *STRUCTURES, *PANORAMA, *PROPOSED_RESOURCES],
    MODERATEURS: [
        "wagtailadmin.access_admin",
        *TAXONOMY,
        "taxonomy.delete_thematique",
        *PROPOSED_RESOURCES,
        "library.publish_resourcesubmission",
    ],
    ADMINISTRATEURS: None,
}


def ensure_roles(Group, Permission):
    """Create the groups and grant their permissions; safe to run again."""
    # Wagtail's own "Editors" and "Moderators" groups already hold the page, image and
    # document permissions of its submit-then-publish workflow: they become ours.
    for english, french in (("Editors", EDITEURS), ("Moderators", MODERATEURS)):
        if not Group.objects.filter(name=french).exists():
            Group.objects.filter(name=english).update(name=french)
    groups = {}
    for name, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        if perms is None:
            group.permissions.add(*Permission.objects.all())
        for dotted in perms or []:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )
        groups[name] = group
    return groups
