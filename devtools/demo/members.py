"""Demo accounts: an administrator and a few dozen members across the network."""

import json
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission

from members.models import Profile, User
from members.roles import ADMINISTRATEURS, EDITEURS, MEMBRES, MODERATEURS, ensure_roles
from taxonomy.models import Departement, Thematique

DEMO_PASSWORD = "maillage-demo"
ADMIN_EMAIL = "admin@maillage.localhost"
DATA = Path(__file__).resolve().parent / "data" / "members" / "members.json"
# The first demo members also hold the editorial and moderation roles.
ROLE_OF_INDEX = {3: EDITEURS, 6: MODERATEURS}


def _account(email, display_name, **extra):
    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": display_name, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(stdout):
    groups = ensure_roles(Group, Permission)
    admin = _account(ADMIN_EMAIL, "Administration Maillage", is_staff=True, is_superuser=True)
    admin.groups.add(groups[ADMINISTRATEURS])

    departements = {d.code: d for d in Departement.objects.select_related("region")}
    thematiques = {t.slug: t for t in Thematique.objects.all()}
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    for index, row in enumerate(rows):
        user = _account(row["email"], row["display_name"])
        role = ROLE_OF_INDEX.get(index)
        user.groups.add(groups[MEMBRES], *([groups[role]] if role else []))
        if role:
            User.objects.filter(pk=user.pk).update(is_staff=True)
        departement = departements[row["departement"]]
        Profile.objects.filter(user=user).update(
            structure_type=row["structure_type"],
            structure_name=row["structure_name"],
            job_title=row["job_title"],
            departement=departement,
            region=departement.region,
            bio=row["bio"],
            in_directory=row["in_directory"],
        )
        user.profile.thematiques.set([thematiques[slug] for slug in row["thematiques"]])
    stdout.write(
        f"Comptes de démonstration : {ADMIN_EMAIL} (administrateur) et {len(rows)} membres, "
        f"mot de passe « {DEMO_PASSWORD} »."
    )
