"""Which fields of a member's profile a survey question may fill (the yearly panorama of
actors is a survey whose answers, when the member agrees, update their profile).

`PROFILE_FIELDS` is the list of candidates; only those the `members.Profile` model has
at runtime are offered to editors, so a field added to the profile later only needs its
name here."""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from members.models import Profile

PROFILE_FIELDS = [
    "structure_type",
    "structure_name",
    "service",
    "job_title",
    "thematiques",
    # The panorama of actors' own fields.
    "missions",
    "time_share",
    "team_size",
    "years_in_post",
    "quartiers",
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


def _list_value(field, answer):
    """A list field's value from a multiple-choice answer (a list) or a free text (one
    item per line); choices are matched by label or code, the others dropped."""
    items = answer if isinstance(answer, list) else str(answer).splitlines()
    items = [str(item).strip() for item in items if str(item).strip()]
    base = field.base_field
    if base.choices:
        values = [_choice_value(base, item) for item in items]
        return [value for value in dict.fromkeys(values) if value is not None]
    return [item[: base.max_length] for item in items]


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
        if isinstance(field, ArrayField):
            setattr(profile, name, _list_value(field, answer))
            plain.append(name)
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
