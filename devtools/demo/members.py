"""Demo accounts: an administrator and a few dozen members across the network, with the
panorama fields filled in; plus about 150 accounts counted in the panorama only (no
directory entry), so that the demo panorama has figures above the small-count threshold."""

import json
import random
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission

from home.models import HomePage
from members.models import (
    Mission,
    PanoramaPage,
    PanoramaSnapshot,
    Profile,
    TeamSize,
    TimeShare,
    User,
    YearsInPost,
)
from members.panorama.figures import compute_figures
from members.roles import ADMINISTRATEURS, EDITEURS, MEMBRES, MODERATEURS, ensure_roles
from taxonomy.models import Departement, Thematique

DEMO_PASSWORD = "maillage-demo"
ADMIN_EMAIL = "admin@maillage.localhost"
DATA = Path(__file__).resolve().parent / "data" / "members" / "members.json"
PANORAMA_DATA = DATA.with_name("panorama.json")
SNAPSHOT_AT = 120
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
    rng = random.Random(13)  # the same demo every time
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
            # Claire Martin fills the panorama fields in the browser tour; one in five stays
            # out of the panorama to show the two opt-ins are distinct.
            **({} if index == 0 else _panorama_fields(rng, in_panorama=index % 5 != 4)),
        )
        user.profile.thematiques.set([thematiques[slug] for slug in row["thematiques"]])
    extra = _panorama_accounts(rng, departements, list(thematiques.values()))
    _panorama_page()
    stdout.write(
        f"Comptes de démonstration : {ADMIN_EMAIL} (administrateur) et {len(rows)} membres, "
        f"mot de passe « {DEMO_PASSWORD} » ; {extra} comptes comptés dans le panorama seulement."
    )


def _panorama_fields(rng, in_panorama=True):
    return {
        "missions": rng.sample(Mission.values, rng.randint(1, 4)),
        "time_share": rng.choice(TimeShare.values),
        "team_size": rng.choices(TeamSize.values, weights=[3, 5, 2, 1])[0],
        "years_in_post": rng.choice(YearsInPost.values),
        "in_panorama": in_panorama,
    }


def _panorama_accounts(rng, departements, thematiques):
    """Accounts counted in the panorama only, written in bulk (the demo seeds every test
    process); idempotent by e-mail address."""
    data = json.loads(PANORAMA_DATA.read_text(encoding="utf-8"))
    people = []
    for code, count in data["departements"].items():
        for _n in range(count):
            number = len(people) + 1
            name = f"{rng.choice(data['first_names'])} {rng.choice(data['last_names'])}"
            people.append((f"acteur{number:03}@exemple.fr", name, departements[code]))
    # The snapshot « Panorama 2025 » is taken when the first 120 accounts exist, so that
    # the demo has a year to compare with.
    if not PanoramaSnapshot.objects.exists():
        _create_panorama_accounts(rng, data, people[:SNAPSHOT_AT], thematiques)
        PanoramaSnapshot.objects.create(title="Panorama 2025", figures=compute_figures())
    _create_panorama_accounts(rng, data, people, thematiques)
    return len(people)


def _create_panorama_accounts(rng, data, people, thematiques):
    types, weights = zip(*data["structure_types"].items(), strict=True)
    password = make_password(DEMO_PASSWORD)
    existing = set(User.objects.filter(email__startswith="acteur").values_list("email", flat=True))
    users = User.objects.bulk_create(
        User(email=email, display_name=name, password=password)
        for email, name, _departement in people
        if email not in existing
    )
    departement_of = {email: departement for email, _name, departement in people}
    profiles = Profile.objects.bulk_create(
        Profile(
            user=user,
            departement=departement_of[user.email],
            region=departement_of[user.email].region,
            structure_type=rng.choices(types, weights=weights)[0],
            **_panorama_fields(rng),
        )
        for user in users
    )
    Through = Profile.thematiques.through
    Through.objects.bulk_create(
        Through(profile=profile, thematique=thematique)
        for profile in profiles
        for thematique in rng.sample(thematiques, 2)
    )


def _panorama_page():
    """The editors' analysis above the live panorama."""
    if PanoramaPage.objects.exists():
        return
    HomePage.objects.first().add_child(
        instance=PanoramaPage(
            title="Ce que dit le panorama 2026",
            slug="panorama",
            introduction="Qui sont les acteurs de la politique de la ville du réseau ?",
            analysis=(
                "<p>Les équipes restent petites : la plupart des chefs de projet portent "
                "seuls ou à deux le contrat de ville, et consacrent plus de la moitié de "
                "leur temps à la politique de la ville. Comparez avec le panorama 2025 "
                "pour voir l’arrivée des délégués du préfet dans le réseau.</p>"
            ),
        )
    ).save_revision().publish()
