"""Which fields of a member's profile a survey question may fill (the yearly panorama of
actors is a survey whose answers, when the member agrees, update their profile).

`PROFILE_FIELDS` is the list of candidates; only those the `members.Profile` model has
at runtime are offered to editors, so a field added to the profile later only needs its
name here."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from members.models import Profile

PROFILE_FIELDS = [
    "structure_type",
    "structure_name",
    "job_title",
    "thematiques",
]


def _field(name):
    try:
        return Profile._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def available():
    """(name, label) of the candidate fields the profile really has."""
    fields = [_field(name) for name in PROFILE_FIELDS]
    return [(field.name, field.verbose_name) for field in fields if field is not None]


def choices():
    """The choices of a question's "champ du profil" (a callable: computed at runtime)."""
    return [("", "—"), *available()]


def _choice_value(field, answer):
    """The stored value of a choice field from the answer, which may be the choice's
    label (what respondents read) or its code; None when nothing matches."""
    wanted = str(answer).strip().casefold()
    for value, label in field.flatchoices:
        if wanted in (str(value).casefold(), str(label).casefold()):
            return value
    return None


def update_profile(profile, values):
    """Write `values` ({field name: answer}) into `profile`; answers that fit no value of
    the field are left out. Returns the names of the fields changed."""
    changed, plain = [], []
    for name, answer in values.items():
        field = _field(name)
        if field is None or name not in dict(available()) or answer in (None, "", [], {}):
            continue
        if isinstance(field, models.ManyToManyField):
            names = answer if isinstance(answer, list) else [answer]
            related = field.related_model.objects.filter(name__in=names)
            getattr(profile, name).set(related)
            changed.append(name)
            continue
        if isinstance(answer, list | dict):
            continue
        value = _choice_value(field, answer) if field.choices else str(answer)[: field.max_length]
        if value is not None:
            setattr(profile, name, value)
            plain.append(name)
    if plain:
        profile.save(update_fields=[*plain, "updated_at"])
    return changed + plain
