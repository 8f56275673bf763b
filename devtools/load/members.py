"""Network-scale members for load runs: 5,000 at scale 1, all with the same password."""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError

from members.models import Profile, StructureType, User
from taxonomy.models import Departement, Thematique

BENCH_DOMAIN = "bench.maillage.localhost"
BENCH_PASSWORD = "maillage-bench"


def seed(ctx):
    if User.objects.filter(email__endswith="@" + BENCH_DOMAIN).exists():
        raise CommandError(
            "Des données de charge sont déjà présentes : utilisez une base neuve "
            "(`make bench-data` en crée une sous var/bench)."
        )
    total = ctx.count(5000)
    password = make_password(BENCH_PASSWORD)
    departements = list(Departement.objects.all())
    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    structure_types = [choice for choice, _label in StructureType.choices]

    with ctx.progress("Membres", total) as tick:
        users = []
        for n in range(total):
            users.append(
                User(
                    email=f"membre{n}@{BENCH_DOMAIN}",
                    display_name=ctx.text.person(),
                    password=password,
                )
            )
            tick()
        users = User.objects.bulk_create(users, batch_size=1000)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=1000,
    )
    profiles = []
    for user in users:
        departement = ctx.rng.choice(departements)
        profiles.append(
            Profile(
                user=user,
                structure_type=ctx.rng.choice(structure_types),
                structure_name=ctx.text.pick("structures").format(
                    commune=ctx.text.pick("communes"), departement=departement.name
                ),
                job_title=ctx.text.pick("fonctions"),
                region_id=departement.region_id,
                departement=departement,
                bio=ctx.text.paragraph(2),
                in_directory=ctx.rng.random() < 0.4,
            )
        )
    profiles = Profile.objects.bulk_create(profiles, batch_size=1000)
    through = Profile.thematiques.through
    ctx.copy(
        through._meta.db_table,
        ["profile_id", "thematique_id"],
        (
            (profile.pk, thematique)
            for profile in profiles
            for thematique in ctx.rng.sample(thematiques, ctx.rng.randint(1, 3))
        ),
    )
    ctx.shared["user_ids"] = [u.pk for u in users]
    ctx.stdout.write(f"  {total} membres (mot de passe « {BENCH_PASSWORD} »).")
