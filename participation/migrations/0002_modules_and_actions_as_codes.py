"""Spaces and phases stop naming the modules: the `<module>_enabled` and `opens_<action>`
columns become lists of codes that the modules register. Every space keeps its modules
and every phase its openings, in the tables and in the pages' revisions (which the
admin edits)."""

import django.contrib.postgres.fields
from django.db import migrations, models

import participation.registry
import participation.spaces.fields

# The modules and actions that had a column before this migration.
OLD_MODULES = ("proposals", "debates", "events")
OLD_ACTIONS = ("propose", "comment", "vote", "debate", "register")


def modules_from(row):
    """The codes of the modules a space used, from its old columns (a dict)."""
    return [module for module in OLD_MODULES if row.get(f"{module}_enabled")]


def actions_from(row):
    """The codes of the actions a phase opened, from its old columns (a dict)."""
    return [action for action in OLD_ACTIONS if row.get(f"opens_{action}")]


def convert_revision(content):
    """A space's revision as the admin will read it after this migration."""
    content = dict(content)
    if not any(f"{module}_enabled" in content for module in OLD_MODULES):
        return content
    content["modules"] = modules_from(content)
    for module in OLD_MODULES:
        content.pop(f"{module}_enabled", None)
    phases = []
    for phase in content.get("phases") or []:
        phase = dict(phase)
        phase["actions"] = actions_from(phase)
        for action in OLD_ACTIONS:
            phase.pop(f"opens_{action}", None)
        phases.append(phase)
    if "phases" in content:
        content["phases"] = phases
    return content


def forward(apps, schema_editor):
    SpacePage = apps.get_model("participation", "SpacePage")
    SpacePhase = apps.get_model("participation", "SpacePhase")
    columns = [f"{module}_enabled" for module in OLD_MODULES]
    for row in SpacePage.objects.values("pk", *columns):
        SpacePage.objects.filter(pk=row["pk"]).update(modules=modules_from(row))
    columns = [f"opens_{action}" for action in OLD_ACTIONS]
    for row in SpacePhase.objects.values("pk", *columns):
        SpacePhase.objects.filter(pk=row["pk"]).update(actions=actions_from(row))
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    space_type = ContentType.objects.filter(app_label="participation", model="spacepage").first()
    if space_type is not None:
        for revision in Revision.objects.filter(content_type=space_type):
            revision.content = convert_revision(revision.content)
            revision.save(update_fields=["content"])


def backward(apps, schema_editor):
    SpacePage = apps.get_model("participation", "SpacePage")
    SpacePhase = apps.get_model("participation", "SpacePhase")
    for pk, modules in SpacePage.objects.values_list("pk", "modules"):
        columns = {f"{module}_enabled": module in modules for module in OLD_MODULES}
        SpacePage.objects.filter(pk=pk).update(**columns)
    for pk, actions in SpacePhase.objects.values_list("pk", "actions"):
        columns = {f"opens_{action}": action in actions for action in OLD_ACTIONS}
        SpacePhase.objects.filter(pk=pk).update(**columns)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="spacepage",
            name="modules",
            field=participation.spaces.fields.ModuleCodesField(
                base_field=models.CharField(max_length=40),
                blank=True,
                default=participation.registry.default_modules,
                size=None,
                verbose_name="modules utilisés",
            ),
        ),
        migrations.AddField(
            model_name="spacephase",
            name="actions",
            field=participation.spaces.fields.ActionCodesField(
                base_field=models.CharField(max_length=40),
                blank=True,
                default=participation.registry.default_actions,
                size=None,
                verbose_name="ce que la phase ouvre",
            ),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="spacepage", name="proposals_enabled"),
        migrations.RemoveField(model_name="spacepage", name="debates_enabled"),
        migrations.RemoveField(model_name="spacepage", name="events_enabled"),
        migrations.RemoveField(model_name="spacephase", name="opens_propose"),
        migrations.RemoveField(model_name="spacephase", name="opens_comment"),
        migrations.RemoveField(model_name="spacephase", name="opens_vote"),
        migrations.RemoveField(model_name="spacephase", name="opens_debate"),
        migrations.RemoveField(model_name="spacephase", name="opens_register"),
    ]
