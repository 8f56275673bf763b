from members.models import Profile
from taxonomy.models import Region


def targets():
    region = Region.objects.filter(profile__in_directory=True).first()
    profile = Profile.objects.in_directory().first()
    found = [{"name": "annuaire", "path": "/membres/annuaire/"}]
    if region:
        found.append({"name": "annuaire filtré", "path": f"/membres/annuaire/?region={region.pk}"})
    if profile:
        found.append({"name": "profil public", "path": profile.get_absolute_url()})
    found.append({"name": "panorama", "path": "/membres/panorama/"})
    if region:
        found.append({"name": "panorama filtré", "path": f"/membres/panorama/?region={region.pk}"})
    return found
