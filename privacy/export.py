"""Everything a member owns, as one JSON document: the account row (without its
password) and every row of every installed model that points at the member through a
ForeignKey or a OneToOne. Found by introspection, so that a module added later is
exported without declaring anything; `registry.register_export` refines a model."""

import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone

from privacy.registry import SECRET_FIELD_NAMES, export_rule

FORMAT = "maillage-export/1"


def user_links():
    """{model: [field names]} of the concrete ForeignKeys and OneToOnes to the user model,
    for every installed model (the user model itself excepted)."""
    user_model = get_user_model()
    links = {}
    for model in apps.get_models():
        if model is user_model:
            continue
        names = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is user_model
        ]
        if names:
            links[model] = names
    return links


def _fields(model, exclude=()):
    """The concrete field names to export: secrets and excluded ones left out."""
    return [
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.name not in SECRET_FIELD_NAMES
        and field.name not in exclude
        and not field.primary_key
    ]


def _rows(model, user, names):
    rule = export_rule(model)
    names = [name for name in names if rule.user_fields is None or name in rule.user_fields]
    if not names:
        return []
    condition = Q()
    for name in names:
        condition |= Q(**{name: user})
    fields = _fields(model, rule.exclude)
    many = [field.name for field in model._meta.many_to_many if field.name in fields]
    rows = model._default_manager.filter(condition).prefetch_related(*many).order_by("pk")
    return serializers.serialize("python", rows, fields=fields)


def export_data(user):
    """The member's data, ready for `json.dumps` (one query per linked model)."""
    user_model = get_user_model()
    account = user_model._default_manager.filter(pk=user.pk)
    return {
        "format": FORMAT,
        "generated_at": timezone.now(),
        "account": serializers.serialize("python", account, fields=_fields(user_model))[0],
        "data": {
            model._meta.label: _rows(model, user, names)
            for model, names in sorted(user_links().items(), key=lambda item: item[0]._meta.label)
        },
    }


def export_json(user):
    return json.dumps(export_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
